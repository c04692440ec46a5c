"""Issue 7 point 2: parties read the same however the party list, member list and signature block are
laid out — date cells of a signing table are no names, a PDF signing row's wrapped name keeps its tail,
party-table rows the outline took for headings stay in the party list, label/value party tables (a role
in a merged first column), founding units listed in a charter's preamble or only in an attachment."""
from __future__ import annotations

import pytest

from checker.facts.parties import extract_parties, parse_party_lines, signature_names
from checker.ingest import from_text
from checker.model import Block, Clause, Document


def _sig(text: str):
    sig = Clause(id="s", kind="signature", number=None, heading=None, text=text, span=(0, len(text)),
                 section="signature")
    return [n for n, _ in signature_names(from_text(text), [sig])]


def _rows(lines: list[str]) -> list[tuple[str, int]]:
    out, pos = [], 0
    for ln in lines:
        out.append((ln, pos))
        pos += len(ln) + 1
    return out


def test_a_date_cell_in_a_sealed_signing_row_is_no_name():
    """A Word signing table: "甲方（盖章）：XX公司 | 法定代表人（签字）： 2024年5月10日" — the date is no party."""
    text = ("甲方（盖章）：甲科技有限公司\t法定代表人（签字）： 2024年5月10日\n"
            "乙方（盖章）：乙大学\t法定代表人（签字）： ____年__月__日")
    assert _sig(text) == ["甲科技有限公司", "乙大学"]


def test_a_signing_row_whose_name_cell_wraps_onto_the_next_line():
    """PDF text layer of a signing table: the name cell's tail ("有限公司") is on a line of its own."""
    text = ("缔约方\t单位名称（盖章）\t日期\n甲方\t甲科技有限公司\t2024年9月9日\n"
            "乙方\t厦门钨能正极材料\t2024年9月9日\n有限公司\n丙方\t丙大学\t2024年9月9日")
    assert _sig(text) == ["甲科技有限公司", "厦门钨能正极材料有限公司", "丙大学"]


def test_a_short_signer_line_after_a_full_name_is_not_joined():
    text = "甲方（盖章）：甲科技有限公司\n乙方（盖章）：乙大学"
    assert _sig(text) == ["甲科技有限公司", "乙大学"]


def _doc_units(pieces: list[tuple[str | None, str, str]]):
    """pieces: (section or None for a heading the outline left out, block kind, text)."""
    text, blocks, units, pos = "", [], [], 0
    for i, (sec, kind, t) in enumerate(pieces):
        blocks.append(Block(text=t, start=pos, paragraph=i, kind=kind))
        if sec is not None:
            units.append(Clause(id=f"c{i}", kind="preamble" if sec != "name_principles" else "article", number=None,
                                heading=None, text=t, span=(pos, pos + len(t)), section=sec))
        text += t + "\n"
        pos += len(t) + 1
    return Document(name="t.txt", format="text", text=text, blocks=blocks), units


def test_party_table_rows_the_outline_took_for_headings_stay_in_the_party_list():
    """A table row between party units read as a chapter ("9  津门科技大学 …"), and rows after the last
    party unit read as headings (a PDF table), are parties all the same."""
    doc, units = _doc_units([
        ("title", "paragraph", "某某产业技术创新战略联盟协议书"),
        ("parties", "table_row", "序号\t单位名称\t住所\t法定代表人"),
        ("parties", "table_row", "1\t甲科技有限公司\t天津市一路1号\t张一"),
        (None, "table_row", "2\t乙大学\t天津市二路2号\t李二"),
        ("parties", "table_row", "3\t丙研究院\t天津市三路3号\t王三"),
        ("title", "table_row", "4\t丁行业协会\t天津市四路4号\t赵四"),
        ("recitals", "table_row", "5\t戊有限公司\t天津市五路5号\t钱五"),
        ("recitals", "paragraph", "各方经协商一致，订立本协议。"),
        ("name_principles", "paragraph", "第一条 联盟名称为某某联盟。"),
    ])
    got = [(p.name, p.domicile) for p in extract_parties(doc, units)]
    assert got == [("甲科技有限公司", "天津市一路1号"), ("乙大学", "天津市二路2号"), ("丙研究院", "天津市三路3号"),
                   ("丁行业协会", "天津市四路4号"), ("戊有限公司", "天津市五路5号")]


# ---------------------------------------------------------------- label/value party tables
ROLE_FORMS = ["甲方", "第一方", "缔约方一", "协议方（一）", "成员单位1", "发起单位一", "签约单位一"]
PARTIES = [("甲科技有限公司", "福州市鼓楼区一路1号", "张一"), ("乙大学", "福州市仓山区二路2号", "李二"),
           ("丙研究院", "厦门市思明区三路3号", "王三")]


def _second(role: str) -> str:
    for a, b in (("甲", "乙"), ("第一", "第二"), ("一", "二"), ("1", "2")):
        if a in role:
            return role.replace(a, b, 1)
    raise AssertionError(role)


def _third(role: str) -> str:
    for a, b in (("甲", "丙"), ("第一", "第三"), ("一", "三"), ("1", "3")):
        if a in role:
            return role.replace(a, b, 1)
    raise AssertionError(role)


@pytest.mark.parametrize("role", ROLE_FORMS)
def test_labelvalue_table_with_each_party_label_form(role):
    """Word keeps a merged role cell once, in the party's first row: "甲方 | 单位名称 | …" / "住所 | …"."""
    roles = [role, _second(role), _third(role)]
    lines = []
    for r, (name, dom, rep) in zip(roles, PARTIES):
        lines += [f"{r}\t单位名称\t{name}", f"住所\t{dom}", f"法定代表人\t{rep}"]
    got = [(p.role, p.name, p.domicile, p.legal_rep) for p in parse_party_lines(_rows(lines))]
    assert got == [(r, *p) for r, p in zip(roles, PARTIES)]


def test_labelvalue_table_role_on_a_later_row_wrapped_cells_and_an_empty_value():
    """A PDF text layer: the merged role cell shows on the party's middle row, a long value wraps onto a
    line of its own, a blank 法定代表人 cell leaves the item out (PARTY_INFO_INCOMPLETE then says so)."""
    lines = ["单位名称\t甲科技有限公司（以下简称“甲科技”）", "甲方\t住所\t福州市鼓楼区一路", "1号", "法定代表人\t张一",
             "单位名称\t厦门钨能正极材料", "有限公司", "乙方\t住所\t厦门市海沧区二路2号", "法定代表人"]
    got = [(p.role, p.name, p.aliases, p.domicile, p.legal_rep) for p in parse_party_lines(_rows(lines))]
    assert got == [("甲方", "甲科技有限公司", ["甲科技"], "福州市鼓楼区一路1号", "张一"),
                   ("乙方", "厦门钨能正极材料有限公司", [], "厦门市海沧区二路2号", None)]


def test_a_column_table_header_is_not_a_labelvalue_table():
    lines = ["序号\t单位名称\t住所\t法定代表人", "1\t甲科技有限公司\t福州市一路1号\t张一"]
    got = [(p.name, p.domicile, p.legal_rep) for p in parse_party_lines(_rows(lines))]
    assert got == [("甲科技有限公司", "福州市一路1号", "张一")]


def _labelvalue_docx(path, parties=PARTIES, space_before_pt: float = 0.0):
    """An agreement whose parties are a label/value table, the role merged down over each party's rows."""
    import docx
    from docx.shared import Pt

    d = docx.Document()
    d.add_paragraph("某某产业技术创新战略联盟协议书")
    p = d.add_paragraph("协议各方基本信息如下：")
    p.paragraph_format.space_before = Pt(space_before_pt)
    t = d.add_table(rows=3 * len(parties), cols=3)
    t.style = d.styles["Table Grid"]
    roles = ["甲方", "乙方", "丙方", "丁方", "戊方"]
    for k, (name, dom, rep) in enumerate(parties):
        for j, (lab, val) in enumerate((("单位名称", name), ("住所", dom), ("法定代表人", rep))):
            t.cell(3 * k + j, 1).text, t.cell(3 * k + j, 2).text = lab, val
        top = t.cell(3 * k, 0).merge(t.cell(3 * k + 2, 0))
        top.text = roles[k]
    d.add_paragraph("鉴于各方均为独立法人，经平等协商，达成协议如下：")
    d.add_paragraph("第一条 联盟名称为某某产业技术创新战略联盟。")
    d.add_paragraph("第二条 因本协议发生的争议，提交福州仲裁委员会仲裁。")
    for k, (name, _, _) in enumerate(parties):
        d.add_paragraph(f"{roles[k]}（盖章）：{name}")
        d.add_paragraph("法定代表人或授权代表（签字）：")
    d.save(path)
    return roles[:len(parties)]


def test_merged_role_labelvalue_table_in_a_docx(tmp_path):
    from checker.engine import check
    path = tmp_path / "lv.docx"
    roles = _labelvalue_docx(path)
    rep = check(path, profile="fujian", kind="agreement")
    got = [(p["role"], p["name"], p["domicile"], p["legal_rep"]) for p in rep.parties]
    assert got == [(r, *p) for r, p in zip(roles, PARTIES)]
    rules = {(f.rule, f.section) for f in rep.findings}
    assert not rules & {("PARTY_INFO_INCOMPLETE", "parties"), ("PARTY_NAME_MISMATCH", "parties"),
                        ("SECTION_MISSING", "parties")}


HAVE_SOFFICE = __import__("shutil").which("soffice") is not None


@pytest.mark.libreoffice
@pytest.mark.skipif(not HAVE_SOFFICE, reason="needs LibreOffice")
def test_merged_role_labelvalue_table_broken_across_a_pdf_page(tmp_path):
    """The label/value table starts near the foot of page 1 and runs onto page 2 (the merged role cell is
    split by the page break): every party keeps its role, name, 住所 and 法定代表人."""
    import subprocess
    import tempfile
    from pathlib import Path

    from checker.engine import check
    path = tmp_path / "lvbreak.docx"
    roles = _labelvalue_docx(path, space_before_pt=560)
    prof = Path(tempfile.gettempdir()) / "lo_test_party_forms"
    subprocess.run(["soffice", "--headless", f"-env:UserInstallation=file://{prof}", "--convert-to", "pdf",
                    "--outdir", str(tmp_path), str(path)], check=True, capture_output=True, timeout=180)
    rep = check(tmp_path / "lvbreak.pdf", profile="fujian", kind="agreement")
    pages = {b.page for b in rep.document.blocks if "单位名称" in b.text or b.text.startswith(("住所", "法定代表人"))}
    assert len(pages) >= 2, "the party table must run across a page break"
    got = [(p["role"], p["name"], p["domicile"], p["legal_rep"]) for p in rep.parties]
    assert got == [(r, *p) for r, p in zip(roles, PARTIES)]
    rules = {(f.rule, f.section) for f in rep.findings}
    assert not rules & {("PARTY_INFO_INCOMPLETE", "parties"), ("PARTY_NAME_MISMATCH", "parties"),
                        ("SECTION_MISSING", "parties")}


# ---------------------------------------------------------------- a charter's founding units
FOUNDERS = ["甲科技有限公司", "乙材料股份有限公司", "丙大学", "丁研究院"]
CHARTER_BODY = ("第一章 总则\n第一条 本章程依据联盟各成员签订的《某某产业技术创新战略联盟协议书》制定。\n"
                "第二条 联盟名称为某某产业技术创新战略联盟，遵循自愿、平等、互利的原则。\n第二章 成员\n"
                "第三条 {members}认同本章程的独立法人可以申请加入，经理事会同意后成为成员；成员可以申请退出。\n"
                "第三章 组织机构\n第四条 联盟设理事会、专家委员会和秘书处，理事长单位为联盟对外承担责任的主体。\n")
SIGN_CHARTER = "成员单位（盖章）：\n" + "  ".join(FOUNDERS) + "\n"


@pytest.mark.parametrize("layout", ["clause", "preamble", "attachment"])
def test_charter_founding_units_wherever_listed(layout):
    """Founding units in the 成员 clause, as plain lines under the title, or only in an attachment
    发起单位名单: the same parties, the 缔约方 section present, no PARTY_INFO_INCOMPLETE."""
    from checker.engine import check
    title = "某某产业技术创新战略联盟章程\n"
    if layout == "clause":
        text = title + CHARTER_BODY.format(members="联盟首批成员为" + "、".join(FOUNDERS) + "。") + SIGN_CHARTER
    elif layout == "preamble":
        text = (title + "发起单位：\n" + "".join(n + "\n" for n in FOUNDERS)
                + CHARTER_BODY.format(members="联盟首批成员为本章程首部所列发起单位。") + SIGN_CHARTER)
    else:
        text = (title + CHARTER_BODY.format(members="联盟首批成员为附件《发起单位名单》所列单位。") + SIGN_CHARTER
                + "附件：发起单位名单\n序号    单位名称\n" + "".join(f"{k}    {n}\n" for k, n in enumerate(FOUNDERS, 1)))
    rep = check(text=text, kind="charter")
    assert [p["name"] for p in rep.parties] == FOUNDERS
    status = {s.key: s.status for s in rep.sections}
    assert status["parties"] == "present"
    rules = {f.rule for f in rep.findings if f.section == "parties"}
    assert not rules & {"PARTY_INFO_INCOMPLETE", "SECTION_MISSING", "PARTY_NAME_MISMATCH"}


def _charter_with_signature(signature: str) -> str:
    return ("某某产业技术创新战略联盟章程\n发起单位：\n" + "".join(n + "\n" for n in FOUNDERS)
            + CHARTER_BODY.format(members="联盟首批成员为本章程首部所列发起单位。") + signature)


def test_a_charter_signature_listing_every_unit_is_compared_with_the_founding_units():
    """A signature that lists every founding unit is held to the same names (闽科政〔2009〕46号 附件1 二.1):
    a dropped 股份 in one name is reported, the identical list is not."""
    from checker.engine import check
    def signature(names):
        return ("各发起单位签章：\n" + "".join(f"{n}（盖章）\n法定代表人或授权代表（签字）：\n" for n in names)
                + "日期：2026年3月1日\n")
    typo = [n.replace("股份", "") for n in FOUNDERS]
    rep = check(text=_charter_with_signature(signature(typo)), kind="charter")
    hits = [f for f in rep.findings if f.rule == "PARTY_NAME_MISMATCH"]
    assert len(hits) == 1 and "乙材料有限公司" in hits[0].message
    rep = check(text=_charter_with_signature(signature(FOUNDERS)), kind="charter")
    assert not [f for f in rep.findings if f.rule == "PARTY_NAME_MISMATCH"]


def test_a_collective_charter_signature_is_not_compared():
    """"……等四家单位" names only the first unit: nothing is missing from the signature."""
    from checker.engine import check
    rep = check(text=_charter_with_signature("成员单位（盖章）：\n甲科技有限公司等四家发起单位\n"), kind="charter")
    assert not [f for f in rep.findings if f.rule == "PARTY_NAME_MISMATCH"]


def test_matrix_locator_takes_a_repeated_text_after_the_previous_clause():
    """A list of names given in the preamble and again in the signature block: the signature's anchor is
    found after the clause before it, not in the preamble."""
    from checker.stylematrix.run import _locate, _stripped
    text = "标题\n甲科技有限公司\n乙大学\n第一条 联盟名称为某某联盟。\n甲科技有限公司  乙大学"
    flat = _stripped(text, set())
    sig = text.rindex("甲科技")
    assert _locate(flat, "甲科技有限公司  乙大学", after=text.index("第一条")) == sig
    assert _locate(flat, "甲科技有限公司  乙大学") == text.index("甲科技")
