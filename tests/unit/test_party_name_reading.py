"""Party names as outside drafters lay them out — spaced out in a signature column, two party blocks side by
side, fields in brackets after the name, a numbered signing table with a header row — are read as the same
names, so PARTY_NAME_MISMATCH reports only a real difference; and a block in which (nearly) no unit agrees is
taken for a misreading, not for a dozen mismatches."""
from checker.facts.founders import founding_units
from checker.facts.parties import extract_parties, parse_party_lines
from checker.facts.party_names import normalize
from checker.facts.party_texts import signature_names, unspace
from checker.model import Block, Clause, Document
from checker.rules.context import ReviewContext
from checker.rules.loader import rules_by_id
from checker.rules.profiles import load_profile
from checker.rules.runner import run_rules


def _doc(text):
    return Document(name="t.txt", format="text", text=text, blocks=[Block(text=text)])


def _build(parts):
    text, units, pos = "", [], 0
    for i, (sec, t) in enumerate(parts):
        units.append(Clause(id=f"c{i}", kind="article", number=None, heading=None, text=t,
                            span=(pos, pos + len(t)), section=sec, confidence=1.0))
        text += t + "\n"
        pos += len(t) + 1
    return _doc(text), units


def _mismatches(parts, kind="agreement"):
    d, units = _build(parts)
    ctx = ReviewContext(document=d, units=units, clauses=units, profile=load_profile("tianjin"), kind=kind)
    return run_rules(ctx, [rules_by_id()["PARTY_NAME_MISMATCH"]]), d


FOUR = ("甲方：津南精密铸造有限公司\n住所：天津市津南区咸水沽镇一路1号\n法定代表人：孔甲\n"
        "乙方：天津北辰轴承股份有限公司\n住所：天津市北辰区北仓道2号\n法定代表人：孟乙\n"
        "丙方：海河机械工程学院\n住所：天津市河东区十一经路3号\n法定代表人：荀丙\n"
        "丁方：天津市精密制造研究所\n住所：天津市南开区鞍山西道4号\n法定代表人：墨丁")


def test_letter_spaced_names_are_closed_up_and_point_at_the_text():
    assert unspace("本协议自签字之日起生效。")[0] == "本协议自签字之日起生效。"
    assert unspace("海 河 机 械 工 程 学 院（盖章）")[0] == "海河机械工程学院（盖章）"
    sig = ("津 南 精 密 铸 造 有 限 公 司（盖章）\n法定代表人（签字）：________    日期：____年__月__日\n"
           "海　河　机　械　工　程　学　院（盖章）\n法定代表人（签字）：________    日期：____年__月__日")
    d, units = _build([("signature", sig)])
    names = signature_names(d, units)
    assert [n for n, _ in names] == ["津南精密铸造有限公司", "海河机械工程学院"]
    a, b = names[0][1]
    assert d.text[a:b] == "津 南 精 密 铸 造 有 限 公 司"
    a, b = names[1][1]
    assert d.text[a:b] == "海　河　机　械　工　程　学　院"


def test_spaced_signature_matches_the_preamble():
    sig = "\n".join(f"{' '.join(n)}（盖章）\n法定代表人（签字）：________    日期：____年__月__日"
                    for n in ("津南精密铸造有限公司", "天津北辰轴承股份有限公司", "海河机械工程学院", "天津市精密制造研究所"))
    found, _ = _mismatches([("parties", FOUR), ("signature", sig)])
    assert found == []


def test_party_blocks_side_by_side():
    pre = ("甲方：津南精密铸造有限公司            乙方：海河机械工程学院\n"
           "住所：天津市津南区咸水沽镇一路1号      住所：天津市河东区十一经路3号\n"
           "法定代表人：孔甲                      法定代表人：荀丙")
    ps = parse_party_lines([(line, 0) for line in pre.split("\n")])
    assert [(p.role, p.name, p.legal_rep) for p in ps] == [("甲方", "津南精密铸造有限公司", "孔甲"),
                                                          ("乙方", "海河机械工程学院", "荀丙")]
    assert ps[1].domicile == "天津市河东区十一经路3号"


def test_fields_in_brackets_after_the_name():
    d = _doc("联盟发起单位为：\n津南精密铸造有限公司（住所：天津市津南区咸水沽镇一路1号；法定代表人：孔甲）\n"
             "海河机械工程学院（住所：天津市河东区十一经路3号；法定代表人：荀丙）\n第一条 总则")
    ps = extract_parties(d, [])
    assert [(p.name, p.legal_rep) for p in ps] == [("津南精密铸造有限公司", "孔甲"), ("海河机械工程学院", "荀丙")]
    assert ps[0].domicile == "天津市津南区咸水沽镇一路1号"


def test_a_sentence_about_a_unit_is_no_member_list():
    d, units = _build([("parties", "发起单位：\n津南精密铸造有限公司\n海河机械工程学院"),
                       ("members", "成员分工：其中天津北辰轴承股份有限公司牵头轴承试验，海河机械工程学院负责人才培养。")])
    assert [p.name for p in founding_units(d, units)] == ["津南精密铸造有限公司", "海河机械工程学院"]


def test_signing_table_header_row_is_no_name():
    sig = ("序号\t单位名称（盖章）\t法定代表人或授权代表（签字）\t签署日期\n"
           "1\t津南精密铸造有限公司\t\t年 月 日\n2\t天津北辰轴承股份有限公司\t\t年 月 日\n"
           "3\t海河机械工程学院\t\t年 月 日\n4\t天津市精密制造研究所\t\t年 月 日\n5\t天津滨河检测技术有限公司\t\t年 月 日")
    d, units = _build([("signature", sig)])
    assert "序号" not in [n for n, _ in signature_names(d, units)]
    found, _ = _mismatches([("parties", FOUR), ("signature", sig)])
    assert len(found) == 1 and "天津滨河检测技术有限公司" in found[0].message      # the fifth unit is real


def test_a_block_where_nearly_no_unit_agrees_was_misread():
    # each name cut to its first characters (a layout the reader did not follow): nothing agrees
    garbled = "甲方（盖章）：津南\n乙方（盖章）：天津北辰\n丙方（盖章）：海河\n丁方（盖章）：天津市"
    found, _ = _mismatches([("parties", FOUR), ("signature", garbled)])
    assert found == []
    one_agrees = "甲方（盖章）：津南精密铸造有限公司\n乙方（盖章）：天津北辰\n丙方（盖章）：海河\n丁方（盖章）：天津市"
    found, _ = _mismatches([("parties", FOUR), ("signature", one_agrees)])
    assert found == []
    one_typo = ("甲方（盖章）：津南精密铸造有限公司\n乙方（盖章）：天津北辰轴承有限公司\n"
                "丙方（盖章）：海河机械工程学院\n丁方（盖章）：天津市精密制造研究所")
    found, _ = _mismatches([("parties", FOUR), ("signature", one_typo)])
    assert len(found) == 1 and "天津北辰轴承有限公司" in found[0].evidence
    two_left_out = "甲方（盖章）：津南精密铸造有限公司\n乙方（盖章）：天津北辰轴承股份有限公司"
    found, _ = _mismatches([("parties", FOUR), ("signature", two_left_out)])
    assert len(found) == 2 and all("没有出现" in f.message for f in found)


def test_seal_and_alias_notes_after_a_signed_name_are_no_part_of_it():
    signers = (("甲方", "津南精密铸造有限公司"), ("乙方", "天津北辰轴承股份有限公司"), ("丙方", "海河机械工程学院"),
               ("丁方", "天津市精密制造研究所"))
    for note in ("（合同专用章）", "（单位公章）", "（盖章处）", "(签字盖章)", "【盖章】", "（简称本方）"):
        sig = "\n".join(f"{r}：{n}{note}" for r, n in signers)
        d, units = _build([("signature", sig)])
        assert [n for n, _ in signature_names(d, units)] == [n for _, n in signers], note
        found, _ = _mismatches([("parties", FOUR), ("signature", sig)])
        assert found == [], note
    # a bracket that is part of the registered name stays: （天津） is no seal note
    assert normalize("津南精密铸造（天津）有限公司") != normalize("津南精密铸造有限公司")


def test_member_list_role_labels_and_notes_are_no_part_of_the_name():
    from checker.facts.party_texts import member_list_names
    rows = ("1. 津南精密铸造有限公司（理事长单位）", "2、乙方：天津北辰轴承股份有限公司", "（3）海河机械工程学院（丙方）",
            "4. 天津市精密制造研究所（副理事长单位）")
    d = _doc("附件：联盟成员单位名单\n" + "\n".join(rows) + "\n")
    assert [n for n, _ in member_list_names(d, [])] == ["津南精密铸造有限公司", "天津北辰轴承股份有限公司",
                                                       "海河机械工程学院", "天津市精密制造研究所"]
    sig = "\n".join(f"{r}（盖章）：{n}" for r, n in (("甲方", "津南精密铸造有限公司"), ("乙方", "天津北辰轴承股份有限公司"),
                                                 ("丙方", "海河机械工程学院"), ("丁方", "天津市精密制造研究所")))
    ml = "附件：联盟成员单位名单\n" + "\n".join(rows)
    found, _ = _mismatches([("parties", FOUR), ("signature", sig), ("attachments", ml)])
    assert found == []
    typo = ml.replace("海河机械工程学院", "海河机械工业学院")          # another name in the list is still reported
    found, _ = _mismatches([("parties", FOUR), ("signature", sig), ("attachments", typo)])
    assert len(found) == 1 and "海河机械工业学院" in found[0].evidence


def test_a_preamble_read_short_of_a_full_signature_block_was_misread():
    sig = "\n".join(f"{r}（盖章）：{n}" for r, n in (("甲方", "津南精密铸造有限公司"), ("乙方", "天津北辰轴承股份有限公司"),
                                                 ("丙方", "海河机械工程学院")))
    found, _ = _mismatches([("parties", "乙方：天津北辰轴承股份有限公司\n住所：天津市北辰区北仓道2号\n法定代表人：孟乙"),
                            ("signature", sig)])
    assert found == []
    two_read = "甲方：津南精密铸造有限公司\n法定代表人：孔甲\n乙方：天津北辰轴承股份有限公司\n法定代表人：孟乙"
    found, _ = _mismatches([("parties", two_read), ("signature", sig)])      # one unit more where they sign: real
    assert len(found) == 1 and "海河机械工程学院" in found[0].evidence


def test_spaced_out_labels_in_party_and_signature_blocks():
    pre = "甲\t方：津南精密铸造有限公司\n住　　所：天津市津南区咸水沽镇一路1号\n法定代表人：孔甲\n乙 方：海河机械工程学院\n住 所：天津市河东区十一经路3号\n法定代表人：荀丙"
    ps = parse_party_lines([(t, b) for t, b in _lines(pre)])
    assert [(p.role, p.name, p.domicile) for p in ps] == [("甲方", "津南精密铸造有限公司", "天津市津南区咸水沽镇一路1号"),
                                                         ("乙方", "海河机械工程学院", "天津市河东区十一经路3号")]
    a, b = ps[0].name_span
    assert pre[a:b] == "津南精密铸造有限公司"
    sig = "甲\t方（盖章）：津南精密铸造有限公司\n乙　　方（盖章）：海河机械工程学院"
    d, units = _build([("signature", sig)])
    assert [n for n, _ in signature_names(d, units)] == ["津南精密铸造有限公司", "海河机械工程学院"]


def test_two_signers_on_one_line_with_one_space():
    sig = "甲方（盖章）：津南精密铸造有限公司 乙方（盖章）：海河机械工程学院"
    d, units = _build([("signature", sig)])
    assert [n for n, _ in signature_names(d, units)] == ["津南精密铸造有限公司", "海河机械工程学院"]


def _lines(text):
    out, pos = [], 0
    for line in text.split("\n"):
        out.append((line, pos))
        pos += len(line) + 1
    return out


def test_list_numbers_before_signers_are_no_part_of_the_name():
    names = ("津南精密铸造有限公司", "天津北辰轴承股份有限公司", "海河机械工程学院", "天津市精密制造研究所")
    for marks in (("（1）", "（2）", "（3）", "（4）"), ("①", "②", "③", "④"), ("⑴", "⑵", "⑶", "⑷"),
                  ("一、", "二、", "三、", "四、")):
        sig = "\n".join(f"{m}{n}（盖章）" for m, n in zip(marks, names))
        d, units = _build([("signature", sig)])
        assert [n for n, _ in signature_names(d, units)] == list(names), marks
        found, _ = _mismatches([("parties", FOUR), ("signature", sig)])
        assert found == [], marks
