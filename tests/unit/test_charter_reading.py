"""Issue 7, charters (联盟章程): the same charter gets the same reading whatever its layout — chapters
headed only by words ("## 总则" in Markdown) over unnumbered paragraphs, a seal line "……盖章如下：",
a running header on the page, chapter headings dropped when the clauses are numbered 一、二、……"""
from __future__ import annotations

from checker.engine import check
from checker.ingest import load_bytes
from checker.structure.segment import segment

MD_CHARTER = """# 某某产业技术创新战略联盟章程

## 总则

联盟名称为“某某产业技术创新战略联盟”。

联盟以推动行业共性技术进步为宗旨。

## 成员

首批成员为甲科技有限公司、乙大学。认同本章程的企业、高校可以申请加入。

## 成果和利益

联盟项目的知识产权归完成单位所有。

成员违反本章程造成损失的，应当承担赔偿责任。

## 附则

本章程自理事会通过之日起施行。

全体成员单位盖章如下：

甲科技有限公司（盖章）  乙大学（盖章）
"""


def _read(text: str, name: str = "章程.md"):
    doc = load_bytes(text.encode("utf-8"), name)
    clauses, units = segment(doc)
    return clauses, units


def test_markdown_chapters_over_paragraphs_make_each_paragraph_a_clause():
    clauses, units = _read(MD_CHARTER)
    chapters = [c.heading for c in clauses if c.kind == "chapter"]
    assert chapters == ["总则", "成员", "成果和利益", "附则"]
    body = [u for u in units if u.kind == "text"]
    assert [u.text for u in body][:2] == ["联盟名称为“某某产业技术创新战略联盟”。", "联盟以推动行业共性技术进步为宗旨。"]
    assert len(body) == 6 and all(u.parent for u in body)
    assert units[0].kind == "title" and units[0].text == "某某产业技术创新战略联盟章程"   # 总则 is no part of the title
    sig = [u for u in units if u.kind == "signature"]
    assert len(sig) == 1 and sig[0].text.startswith("全体成员单位盖章如下：")


def test_a_breach_paragraph_under_a_results_chapter_is_breach():
    rep = check(data=MD_CHARTER.encode("utf-8"), name="章程.md", kind="charter")
    unit = next(c for c in rep.clauses if c.text.startswith("成员违反本章程"))
    assert unit.section == "breach"
    # the body paragraph naming the members is no party list of a preamble
    assert not any(f.rule == "PARTY_NAME_MISMATCH" for f in rep.findings)


def test_headed_clauses_with_several_paragraphs_stay_one_clause():
    # no 总则/附则: the headings are the clauses' own headings (c04 layout), each with its paragraphs
    text = ("# 某某产业技术创新战略联盟协议书\n\n甲方：甲科技有限公司，住所：福州市一路1号\n\n乙方：乙大学，住所：福州市二路2号\n\n"
            "## 联盟名称和宗旨\n\n联盟名称为某某联盟。\n\n联盟宗旨是联合攻关。\n\n"
            "## 组织机构\n\n联盟设理事会。\n\n秘书处负责日常工作。\n\n## 经费管理\n\n经费专账管理。\n")
    clauses, units = _read(text, "协议.md")
    assert not [c for c in clauses if c.kind == "chapter"]
    heads = {u.heading: u for u in units if u.kind == "heading"}
    assert list(heads) == ["联盟名称和宗旨", "组织机构", "经费管理"]
    assert "秘书处负责日常工作。" in heads["组织机构"].text


def test_chapter_and_clause_headings_shown_alike_keep_the_clause_headings():
    # "总则" right above "联盟宗旨" (both plain lines): one heading follows another, so the plain lines are clause
    # headings as before, not chapters over paragraphs
    text = ("某某产业技术创新战略联盟协议书\n甲方：甲科技有限公司，住所：福州市一路1号\n乙方：乙大学，住所：福州市二路2号\n"
            "总则\n联盟宗旨\n宗旨是联合攻关。\n联盟性质\n联盟不具有法人资格。\n"
            "组织机构\n联盟设理事会。\n秘书处负责日常工作。\n附则\n生效\n本协议自签署之日起生效。\n")
    clauses, units = _read(text, "协议.txt")
    heads = {u.heading: u for u in units if u.kind == "heading"}
    assert {"联盟宗旨", "联盟性质", "组织机构", "生效"} <= set(heads)
    assert "秘书处负责日常工作。" in heads["组织机构"].text


def test_charter_based_on_agreement_needs_a_reference_not_a_header_word():
    base = "某某产业技术创新战略联盟章程\n第一条 联盟名称为某某联盟。\n第二条 联盟设理事会。\n"
    header_only = check(text="协议文本（签署稿）\n" + base, kind="charter")
    assert "CHARTER_NOT_BASED_ON_AGREEMENT" in [f.rule for f in header_only.findings]
    based = check(text=base + "第三条 本章程依据联盟各成员签订的联盟协议书制定。\n", kind="charter")
    assert "CHARTER_NOT_BASED_ON_AGREEMENT" not in [f.rule for f in based.findings]


_BODY = ["根据联盟成员共同签订的合作协议，制定本章程。", "联盟名称为某某产业技术创新战略联盟。", "本联盟依法登记后具有社会团体法人资格。",
         "联盟的目标是三年内突破两项关键技术。", "联盟设理事会和秘书处。", "联盟的仪器设备由秘书处统一登记造册，向全体成员开放共享。",
         "联盟经费来源于成员会费，专账管理。", "联盟项目的知识产权归完成单位所有。", "本章程自成员签章之日起生效。"]
_ROMAN = ["I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX"]
_CN = "一二三四五六七八九"
_NUMBERINGS = {"第X条": lambda n: f"第{_CN[n - 1]}条 ", "一、": lambda n: f"{_CN[n - 1]}、", "I.": lambda n: f"{_ROMAN[n - 1]}. ",
               "1)": lambda n: f"{n}) ", "1（无分隔）": lambda n: f"{n}", "1<tab>": lambda n: f"{n}\t", "1．": lambda n: f"{n}．"}


def _sections(label) -> list:
    text = "某某产业技术创新战略联盟章程\n" + "\n".join(label(i + 1) + b for i, b in enumerate(_BODY)) + "\n"
    return [c.section for c in check(text=text, kind="charter").clauses if c.kind != "title"]


def test_a_charter_without_chapters_reads_the_same_under_every_numbering():
    # no chapter headings to lean on: the 制定依据 article, the legal-status article and the assets article are
    # read from their words (recitals / name_principles / funds), and a label the classifier's text split does
    # not know ("I. ", "1) ", "1联盟…", "1\t") is kept out of the words it reads
    want = ["recitals", "name_principles", "name_principles", "goals_tasks", "organization", "funds", "funds",
            "ip_benefits", "effect_amendment"]
    for name, label in _NUMBERINGS.items():
        assert _sections(label) == want, name



class _ByOpening(dict):
    """Kind section of a clause looked up by the opening of its text."""

    def __getitem__(self, opening: str):
        return next(v for k, v in self.items() if k.startswith(opening))


def _kind_sections(text: str):
    rep = check(text=text, kind="charter")
    return _ByOpening({c.text: c.kind_section for c in rep.clauses if c.kind != "chapter"}), rep


CHAPTERED = ("某某产业技术创新战略联盟章程\n第一章 总则\n第一条 联盟名称为某某产业技术创新战略联盟。\n"
             "第二章 工作内容\n第二条 联盟三年内完成两项关键技术的中试验证，甲科技有限公司负责中试，乙大学负责基础研究。\n"
             "第三章 资产与经费\n第三条 联盟经费来源于成员会费，专账管理，接受理事会监督。\n"
             "第四章 成果和利益\n第四条 联盟项目的知识产权归完成单位所有，成员享有优先许可使用权。\n"
             "第五条 转化所得收益按各方投入比例分配。\n第六条 成员违反本章程给其他成员造成损失的，应当赔偿。\n")


def test_a_chapter_name_is_a_hint_the_clause_words_can_overrule():
    # 第六条 sits in the chapter 成果和利益, but it speaks of 违反/赔偿 and of neither results nor benefits
    got, _ = _kind_sections(CHAPTERED)
    assert got["第六条 成员违反本章程给其他"] == "liability"
    assert got["第五条 转化所得收益按各方投入"] == "benefits"
    assert got["第四条 联盟项目的知识产权归完"] == "results"


def test_charter_sections_from_the_words_when_no_chapter_names_them():
    text = ("某某产业技术创新战略联盟章程\n一、联盟名称为某某产业技术创新战略联盟。\n二、联盟的仪器设备和共有资产由秘书处登记管理。\n"
            "三、联盟项目的知识产权归完成单位所有。\n四、成果转化所得收益按各方贡献大小分配。\n")
    got, _ = _kind_sections(text)
    assert got["二、联盟的仪器设备和共有资"] == "assets"           # 经费 → 资产管理 by its words
    assert got["四、成果转化所得收益按各方贡"] == "benefits"        # 收益……分配, though 成果 is named too


def test_a_dated_target_is_a_technical_innovation_target():
    # "三年内完成……" states the alliance's target as clearly as the word 目标 (津滨科发〔2012〕8号 附件2 第五条（三）5)
    _, rep = _kind_sections(CHAPTERED)
    ws = next(s for s in rep.kind_sections if s.key == "work_scope")
    assert ws.status == "present", ws.missing_elements


def test_an_unsure_clause_that_states_the_charters_effect_is_supplementary():
    # without a 附则 chapter the only sign is the clause's last sentence: the agreement classifier is unsure of
    # the mixed clause, and its words name 附则 (本章程……施行) and no other charter section outright
    text = ("某某产业技术创新战略联盟章程\n一、联盟名称为某某产业技术创新战略联盟。\n二、联盟设理事会和秘书处。\n"
            "三、联盟积极开展与省外同行的交流合作，扩散联盟成果。本章程自理事会通过之日起施行。\n")
    got, rep = _kind_sections(text)
    assert got["三、联盟积极开展"] == "supplementary"
    assert next(s for s in rep.kind_sections if s.key == "supplementary").status == "present"
