"""Party extraction, member types, name comparison, and the party/signature/entity rules on
hand-built multi-section contexts (no segmenter needed)."""
import pytest

from checker.model import Block, Clause, Document
from checker.facts.parties import (Party, alliance_name, chair_unit, classify_member, extract_parties,
                             member_list_names, same_party, signature_names)
from checker.rules.profiles import load_profile
from checker.rules.context import ReviewContext
from checker.rules.loader import rules_by_id
from checker.rules.runner import run_rules


def doc(text):
    return Document(name="t.txt", format="text", text=text, blocks=[Block(text=text)])


def build(parts):
    """parts: [(section, text)] → (document, units) with correct offsets."""
    text, units, pos = "", [], 0
    for i, (sec, t) in enumerate(parts):
        units.append(Clause(id=f"c{i}", kind="article", number=None, heading=None, text=t,
                            span=(pos, pos + len(t)), section=sec, confidence=1.0))
        text += t + "\n"
        pos += len(t) + 1
    return doc(text), units


def run(rule_id, parts):
    d, units = build(parts)
    ctx = ReviewContext(document=d, units=units, clauses=units, profile=load_profile("fujian"))
    return run_rules(ctx, [rules_by_id()[rule_id]]), d


PREAMBLE = ("甲方：厦门海湾电子有限公司（以下简称“海湾电子”）\n住所地：福建省厦门市湖里区华光路3号\n法定代表人：陈某\n"
            "乙方：闽南理工大学，住所地：福建省泉州市丰泽区学府路1号，法定代表人：王某")


def test_role_layouts_and_alias():
    d, units = build([("parties", PREAMBLE)])
    ps = extract_parties(d, units)
    assert [p.name for p in ps] == ["厦门海湾电子有限公司", "闽南理工大学"]
    assert ps[0].aliases == ["海湾电子"] and ps[0].role == "甲方"
    assert ps[1].domicile == "福建省泉州市丰泽区学府路1号" and ps[1].legal_rep == "王某"
    a, b = ps[0].name_span
    assert d.text[a:b] == "厦门海湾电子有限公司"
    assert ps[0].to_dict()["member_type"] == "enterprise"


def test_numbered_and_table_layouts():
    d = doc("1. 闽南理工大学  地址：泉州市学府路1号  法定代表人：王某\n2、福建省光电材料研究所，住所：福州市杨桥路8号，法定代表人：郑某\n第一条 总则")
    ps = extract_parties(d, [])
    assert [(p.name, p.legal_rep) for p in ps] == [("闽南理工大学", "王某"), ("福建省光电材料研究所", "郑某")]
    t = doc("序号\t单位名称\t住所\t法定代表人\n1\t厦门海湾电子有限公司\t\t陈某\n2\t闽南理工大学\t泉州市学府路1号\t王某\n")
    ps = extract_parties(t, [])
    assert ps[0].domicile is None and ps[0].legal_rep == "陈某"
    assert ps[1].domicile == "泉州市学府路1号"


def test_signature_and_member_list_names():
    sig = "甲方（盖章）：厦门海湾光电有限公司\n法定代表人（签字）：\n乙方（盖章）：\n海湾电子（公章）"
    d, units = build([("signature", sig)])
    names = [n for n, _ in signature_names(d, units)]
    assert names == ["厦门海湾光电有限公司", "乙方", "海湾电子"]
    m = doc("附件1：联盟成员单位名单\n序号\t单位名称\n1\t闽南理工大学\n2. 厦门海湾电子有限公司\n附件2：其他")
    assert [n for n, _ in member_list_names(m)] == ["闽南理工大学", "厦门海湾电子有限公司"]


@pytest.mark.parametrize("name,kind", [
    ("厦门海湾电子有限公司", "enterprise"), ("福建某某研究院有限公司", "enterprise"),
    ("闽南大学科技园发展有限公司", "enterprise"), ("福建船政交通职业学院", "university"),
    ("中国科学院大学", "university"), ("中国科学院福建物质结构研究所", "institute"),
    ("福建省农业科学院", "institute"), ("福建省产品质量检验研究院", "institute"),
    ("福建省机械工业协会", "other"), ("闽南大学附属第一医院", "other"), ("福建省生产力促进中心", "other"),
])
def test_classify_member(name, kind):
    assert classify_member(name) == kind


@pytest.mark.parametrize("a,b,verdict", [
    ("厦门海湾电子有限公司", "厦门海湾电子有限公司", "same"),
    ("厦门海湾电子有限公司", "厦门海湾电子 有限公司（盖章）", "same"),
    ("厦门海湾电子有限公司", "厦门海湾电子公司", "abbrev"),
    ("厦门海湾电子有限公司", "海湾电子有限公司", "abbrev"),
    ("福建省光电材料研究所", "光电材料研究所", "abbrev"),
    ("厦门海湾电子有限公司", "厦门海湾光电有限公司", "different"),
    ("闽南理工大学", "闽南师范大学", "different"),
])
def test_same_party(a, b, verdict):
    assert same_party(a, b) == verdict


def test_alias_is_abbrev():
    assert same_party("厦门海湾电子有限公司", "海湾电子", ["海湾电子"]) == "abbrev"
    assert same_party("厦门海湾电子有限公司", "海湾电子") == "abbrev"      # city prefix + form dropped
    assert same_party("厦门海湾电子有限公司", "海湾光电") == "different"


def test_alliance_and_chair():
    d = doc("海峡光电产业技术创新战略联盟协议书\n" + PREAMBLE + "\n第一条 联盟名称为“海峡光电产业技术创新战略联盟”。由海湾电子担任联盟理事长单位。")
    ps = extract_parties(d, [])
    assert alliance_name(d, []) == "海峡光电产业技术创新战略联盟"
    assert chair_unit(d, [], ps) == "厦门海湾电子有限公司"
    assert chair_unit(doc("联盟设理事会。"), [], ps) is None


def test_info_incomplete_names_party_and_missing_item():
    found, d = run("PARTY_INFO_INCOMPLETE", [("parties", "甲方：厦门海湾电子有限公司\n法定代表人：陈某\n乙方：闽南理工大学\n住所地：泉州市\n法定代表人：王某")])
    assert len(found) == 1
    assert "厦门海湾电子有限公司" in found[0].message and "住所地" in found[0].message
    assert d.text[found[0].span[0]:found[0].span[1]] == "厦门海湾电子有限公司"


def test_name_mismatch_variants():
    sig_bad = "甲方（盖章）：厦门海湾光电有限公司\n法定代表人（签字）：\n乙方（盖章）：闽南理工大学\n法定代表人（签字）："
    found, d = run("PARTY_NAME_MISMATCH", [("parties", PREAMBLE), ("signature", sig_bad)])
    assert len(found) == 1 and d.text[found[0].span[0]:found[0].span[1]] == "厦门海湾光电有限公司"
    sig_abbrev = "甲方（盖章）：厦门海湾电子公司\n乙方（盖章）：闽南理工大学"
    found, _ = run("PARTY_NAME_MISMATCH", [("parties", PREAMBLE), ("signature", sig_abbrev)])
    assert len(found) == 1 and "不完全一致" in found[0].message
    sig_missing = "甲方（盖章）：海湾电子\n法定代表人（签字）："
    found, _ = run("PARTY_NAME_MISMATCH", [("parties", PREAMBLE), ("signature", sig_missing)])
    assert len(found) == 1 and "闽南理工大学" in found[0].message and "没有出现" in found[0].message
    sig_roles = "甲方（盖章）：\n乙方（盖章）："
    found, _ = run("PARTY_NAME_MISMATCH", [("parties", PREAMBLE), ("signature", sig_roles)])
    assert found == []
    sig_extra = "甲方（盖章）：厦门海湾电子有限公司\n乙方（盖章）：闽南理工大学\n丙方（盖章）：福建省海洋研究所"
    found, _ = run("PARTY_NAME_MISMATCH", [("parties", PREAMBLE), ("signature", sig_extra)])
    assert len(found) == 1 and "找不到" in found[0].message


def test_liable_entity_found_outside_organization():
    org = ("organization", "联盟设立理事会和秘书处。")
    found, _ = run("LIABLE_ENTITY_MISSING", [org])
    assert len(found) == 1 and found[0].severity == "error"
    found, _ = run("LIABLE_ENTITY_MISSING", [org, ("projects", "理事长单位代表联盟签署科技计划项目任务书，对外承担相应责任。")])
    assert found == []


def test_signature_effect_mismatch_uses_signature_block():
    eff = ("effect_amendment", "本协议经各方法定代表人签字并加盖公章后生效。")
    found, d = run("SIGNATURE_EFFECT_MISMATCH", [eff, ("signature", "甲方：厦门海湾电子有限公司\n法定代表人（签字）：")])
    assert len(found) == 1 and d.text[found[0].span[0]:found[0].span[1]] == "签字并加盖公章"
    found, _ = run("SIGNATURE_EFFECT_MISMATCH", [eff, ("signature", "甲方（盖章）：厦门海湾电子有限公司\n法定代表人（签字）：")])
    assert found == []


def test_headerless_rows_and_single_space_signature_cells():
    rows = "甲方\t宁德蕉城动力电池股份有限公司（以下简称“蕉城动力”）\t福建省宁德市蕉城区新港路2号\t曾某\n乙方\t厦门滨海大学\t福建省厦门市思明区思明南路1号\t王某"
    d, units = build([("parties", rows)])
    ps = extract_parties(d, units)
    assert [(p.role, p.name, p.legal_rep) for p in ps] == [("甲方", "宁德蕉城动力电池股份有限公司", "曾某"), ("乙方", "厦门滨海大学", "王某")]
    assert ps[0].aliases == ["蕉城动力"]
    d, units = build([("signature", "厦门滨海大学 法定代表人或授权代表（签字）： 日期：\n（本页无正文，为签署页）")])
    assert [n for n, _ in signature_names(d, units)] == ["厦门滨海大学"]


def test_signature_table_header_cells_are_not_party_names():
    from checker.ingest import from_text
    from checker.facts.parties import signature_names
    from checker.structure.segment import segment

    doc = from_text("协议书\n甲方：甲科技有限公司，住所：福州市，法定代表人：张三\n第一条 名称\n本联盟名称为甲联盟。\n"
                    "第二条 生效\n本协议自签字盖章之日起生效。\n（以下无正文，为签署页）\n成员单位\t法定代表人或授权代表（签字）\t日期\n"
                    "甲科技有限公司\t2024年3月18日")
    _, units = segment(doc)
    names = [n for n, _ in signature_names(doc, units)]
    assert "成员单位" not in names and "单位盖章" not in names


def test_short_name_in_a_signing_table_with_a_separate_seal_cell():
    from checker.model import Block, Document
    from checker.facts.parties import signature_names
    from checker.structure.segment import segment

    lines = [("甲联盟协议书", "paragraph"), ("甲方：宁德蕉城动力科技有限公司（以下简称“蕉城动力”）", "paragraph"),
             ("住所：宁德市一路1号", "paragraph"), ("法定代表人：张一", "paragraph"), ("第一条 名称", "paragraph"),
             ("本联盟名称为甲联盟。", "paragraph"), ("第二条 生效", "paragraph"), ("本协议自签字盖章之日起生效。", "paragraph"),
             ("（以下无正文，为签署页）", "paragraph"), ("单位\t盖章\t签字", "table_row"),
             ("蕉城动力\t（盖章）\t法定代表人：", "table_row")]
    blocks, pos = [], 0
    for i, (t, k) in enumerate(lines):
        blocks.append(Block(text=t, start=pos, paragraph=i, kind=k))
        pos += len(t) + 1
    doc = Document(name="t", format="docx", text="\n".join(t for t, _ in lines), blocks=blocks)
    _, units = segment(doc)
    assert [n for n, _ in signature_names(doc, units)] == ["蕉城动力"]
