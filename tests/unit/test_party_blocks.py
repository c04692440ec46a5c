"""Issue 7 point 2: party lists written in the forms outside drafters use are read as the parties — the role
alone on its line with the fields under it, the name first and the role defined after it, "甲方名称：…", the
particulars only in an attachment table the preamble points to, a charter's founding units named only where
they sign. Each example is our own wording."""
from __future__ import annotations

from checker.engine import check
from checker.facts.parties import parse_party_lines

TITLE = "某某新材料产业技术创新战略联盟协议书\n"
RECITALS = "鉴于各方均为依法设立的独立法人，愿共同组建联盟，经协商一致，订立本协议：\n"
BODY = (
    "第一条 联盟名称和宗旨\n联盟名称为某某新材料产业技术创新战略联盟，以契约为纽带，不具有法人资格。\n"
    "第二条 目标和任务\n联盟三年内突破两项共性关键技术，各方按专长分工承担研发任务。\n"
    "第三条 组织机构\n联盟设理事会和秘书处，各方指定甲方为联盟对外承担责任的主体。\n"
    "第四条 成员的权利和义务\n成员有权参加联盟活动，应当履行本协议并保守其他成员的技术秘密。\n"
    "第五条 经费管理\n联盟经费由成员缴纳的会费和政府资助构成，专款专用，接受成员监督。\n"
    "第六条 项目管理\n联盟项目实行立项评审和合同管理，由承担方按计划组织实施。\n"
    "第七条 知识产权\n各方原有知识产权归各自所有，联合研发成果的归属在项目合同中约定。\n"
    "第八条 解散\n联盟目标实现或经理事会决议的，联盟解散并进行清算。\n"
    "第九条 违约责任\n一方违反本协议给他方造成损失的，应当赔偿。\n"
    "第十条 不可抗力\n因不可抗力不能履行的，部分或者全部免除责任，并及时通知其他各方。\n"
    "第十一条 争议解决\n因本协议发生的争议，由各方协商解决；协商不成的，提交福州仲裁委员会仲裁。\n"
    "第十二条 法律适用\n本协议适用中华人民共和国法律。\n"
    "第十三条 生效\n本协议自各方签字盖章之日起生效，有效期五年。\n"
    "第十四条 通知\n通知以书面形式送达各方在本协议首部列明的住所。\n"
)
UNITS = [("甲方", "福州某某新材料有限公司", "福州市鼓楼区某某路1号", "陈某"),
         ("乙方", "厦门某某科技股份有限公司", "厦门市思明区某某路2号", "林某"),
         ("丙方", "福建某某理工大学", "福州市闽侯县某某路3号", "王某")]
SIGNATURE = "".join(f"{r}（盖章）：{n}\n法定代表人或授权代表（签字）：\n" for r, n, _, _ in UNITS)


def _units(rep, kind):
    return [c for c in rep.clauses if c.kind == kind]


def _party_findings(rep):
    return {f.rule for f in rep.findings if f.section == "parties"}


def test_the_role_alone_on_its_line_opens_a_party_block():
    """"甲方" alone, then 单位名称 / 统一社会信用代码 / 住所 / 法定代表人 lines: each block is one party unit with
    its role (the blocks were read as part of the title)."""
    pre = "".join(f"{r}\n单位名称：{n}\n统一社会信用代码：91350100MA0000000X\n住所：{a}\n法定代表人：{p}\n联系人：张某\n"
                  for r, n, a, p in UNITS)
    rep = check(text=TITLE + pre + RECITALS + BODY + SIGNATURE, profile="fujian")
    assert [c.text.split("\n")[0] for c in _units(rep, "title")] == [TITLE.strip()]
    assert [c.text.split("\n")[:2] for c in _units(rep, "party")] == [[r, f"单位名称：{n}"] for r, n, _, _ in UNITS]
    assert [(p["role"], p["name"], p["domicile"], p["legal_rep"]) for p in rep.parties] == UNITS
    assert not _party_findings(rep)


def test_a_role_alone_is_no_heading_when_the_body_has_only_short_heading_lines():
    """Body headings without numbers (short lines, blank lines between paragraphs): "乙方" alone is as short as
    a heading, yet it opens a party block — the body starts at the first real heading, after 鉴于."""
    import re
    body = re.sub(r"第[一二三四五六七八九十]+条 ", "", BODY).replace("\n", "\n\n")
    pre = "".join(f"{r}\n单位名称：{n}\n住所：{a}\n法定代表人：{p}\n" for r, n, a, p in UNITS)
    rep = check(text=TITLE + "\n" + pre + "\n" + RECITALS + "\n" + body + SIGNATURE, profile="fujian")
    assert [c.text.split("\n")[0] for c in _units(rep, "party")] == ["甲方", "乙方", "丙方"]
    assert [(p["role"], p["name"]) for p in rep.parties] == [(r, n) for r, n, _, _ in UNITS]
    assert not _party_findings(rep)


def test_the_name_first_and_the_role_defined_after_it():
    """"福州某某新材料有限公司（以下称“甲方”）" with 住所 / 法定代表人 on the lines under it."""
    pre = "".join(f"{n}（以下称“{r}”）\n住所：{a}\n法定代表人：{p}\n" for r, n, a, p in UNITS)
    rep = check(text=TITLE + pre + RECITALS + BODY + SIGNATURE, profile="fujian")
    assert len(_units(rep, "title")) == 1 and len(_units(rep, "party")) == 3
    assert all(c.section == "parties" for c in _units(rep, "party"))
    assert [(p["role"], p["name"], p["domicile"], p["legal_rep"]) for p in rep.parties] == UNITS
    assert not _party_findings(rep)


def test_role_and_name_label_in_one_and_a_missing_domicile_is_reported():
    """"丙方名称：…" followed only by 法定代表人: the party is read and its missing 住所地 is reported (it was
    not read as a party at all, so nothing was reported)."""
    pre = "".join(f"{r}名称：{n}\n" + (f"住所：{a}\n" if r != "丙方" else "") + f"法定代表人：{p}\n"
                  for r, n, a, p in UNITS)
    rep = check(text=TITLE + pre + RECITALS + BODY + SIGNATURE, profile="fujian")
    assert [(p["role"], p["name"]) for p in rep.parties] == [(r, n) for r, n, _, _ in UNITS]
    hits = [f for f in rep.findings if f.rule == "PARTY_INFO_INCOMPLETE"]
    assert len(hits) == 1 and "福建某某理工大学" in hits[0].message and "住所地" in hits[0].message


def test_parse_party_lines_reads_a_bare_role_before_its_name_line():
    lines, pos = [], 0
    for t in ["乙方", "单位名称：某某研究院", "住所：某市某路5号", "法定代表人：赵某"]:
        lines.append((t, pos))
        pos += len(t) + 1
    (p,) = parse_party_lines(lines)
    assert (p.role, p.name, p.domicile, p.legal_rep) == ("乙方", "某某研究院", "某市某路5号", "赵某")


def _annexed(preamble: str, annex_header: str) -> str:
    rows = "".join(f"{k}\t{n}\t{a}\t{p}\n" for k, (_, n, a, p) in enumerate(UNITS, 1))
    sign = "".join(f"成员单位（盖章）：{n}\n" for _, n, _, _ in UNITS)
    return TITLE + preamble + RECITALS + BODY + sign + "附件1 联盟成员单位\n" + annex_header + rows


def test_parties_given_only_in_an_attachment_table():
    """The preamble says the particulars are in 附件1; the attachment's table (单位名称 / 住所 / 法定代表人) is
    the parties section and its rows are the parties."""
    rep = check(text=_annexed("各成员单位（名称、住所、法定代表人详见附件1）经协商一致，订立本协议。\n",
                              "序号\t单位名称\t住所\t法定代表人\n"), profile="fujian")
    pointer = [c for c in rep.clauses if c.text.startswith("各成员单位")]
    assert pointer and pointer[0].section == "parties"
    annex = _units(rep, "attachment")
    assert annex and annex[0].section == "parties"
    assert [(p["name"], p["domicile"], p["legal_rep"]) for p in rep.parties] == [u[1:] for u in UNITS]
    assert not _party_findings(rep)


def test_a_member_list_attachment_stays_an_attachment_when_the_preamble_lists_the_parties():
    pre = "".join(f"{r}：{n}\n住所：{a}\n法定代表人：{p}\n" for r, n, a, p in UNITS)
    rep = check(text=_annexed(pre, "序号\t单位名称\t单位性质\t联系人\n"), profile="fujian")
    assert [c.section for c in _units(rep, "attachment")] == ["attachments"]
    rep = check(text=_annexed(pre, "序号\t单位名称\t住所\t法定代表人\n"), profile="fujian")
    assert [c.section for c in _units(rep, "attachment")] == ["attachments"]


CHARTER = ("某某新材料产业技术创新战略联盟章程\n"
           "第一章 总则\n第一条 联盟名称为某某新材料产业技术创新战略联盟，依据各成员签订的联盟协议制定本章程。\n"
           "第二条 联盟遵循自愿、平等、互利的原则，不具有法人资格。\n第二章 成员\n"
           "第三条 认同本章程的独立法人可以申请加入，经理事会同意后成为成员；成员可以申请退出。\n"
           "第三章 组织机构\n第四条 联盟设理事会、专家委员会和秘书处，理事长单位为联盟对外承担责任的主体。\n")


def test_charter_founding_units_named_only_where_they_sign():
    """"发起单位（盖章）：" and under it one numbered unit a line: those are the founding units; the charter is
    not told it lacks a 缔约方 section, and the list's heading is not taken for a unit that left its name blank."""
    sign = "发起单位（盖章）：\n" + "".join(f"{k}. {n}    法定代表人或授权代表：________\n"
                                      for k, (_, n, _, _) in enumerate(UNITS, 1)) + "签署日期：    年  月  日\n"
    rep = check(text=CHARTER + sign, kind="charter")
    assert [(p["name"], p["source"]) for p in rep.parties] == [(n, "signature") for _, n, _, _ in UNITS]
    assert not {"SECTION_MISSING", "PARTY_NAME_MISMATCH"} & {f.rule for f in rep.findings if f.section == "parties"}
