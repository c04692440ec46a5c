"""Issue 7: the reader handles every drafting style — each numbering family and separator, headings
shown only by formatting (docx and PDF), party lists with role labels or numbers, party tables
(also broken across a page), and numbered party lists that never decide the body's unit level."""
from __future__ import annotations

import io
import shutil
import subprocess
import tempfile
from pathlib import Path

import pytest

from checker.facts.parties import parse_party_lines, signature_names
from checker.ingest import from_text, load
from checker.model import Clause
from checker.structure.labels import label_of
from checker.structure.segment import segment

HAVE_SOFFICE = shutil.which("soffice") is not None

TOPICS = ["联盟名称和宗旨", "技术创新目标", "组织机构", "联盟成员", "经费管理", "争议解决"]
BODY = ["联盟名称为某某联盟，宗旨是联合开展技术创新。", "联盟三年内突破关键技术。", "联盟设理事会和秘书处。",
        "成员应为独立法人。", "联盟经费由成员投入，专账管理。", "争议提交福州仲裁委员会仲裁。"]
PREAMBLE = ("某某产业技术创新战略联盟协议书\n甲方：甲科技有限公司\n住所：福州市一路1号\n法定代表人：张一\n"
            "乙方：乙大学\n住所：福州市二路2号\n法定代表人：李二\n鉴于各方均为独立法人，经平等协商，达成协议如下：\n")
SIGN = "甲方（盖章）：甲科技有限公司\n乙方（盖章）：乙大学\n"


@pytest.mark.parametrize("text,typ,value,rest", [
    ("第十二条 争议解决", "article", 12, "争议解决"), ("第十二条争议解决", "article", 12, "争议解决"),
    ("第三节 组织", "section", 3, "组织"), ("第二章　总则", "chapter", 2, "总则"),
    ("三、组织机构", "part", 3, "组织机构"), ("三.组织机构", "part", 3, "组织机构"), ("三．组织机构", "part", 3, "组织机构"),
    ("（三）理事会", "paren_cn", 3, "理事会"), ("(三)理事会", "paren_cn", 3, "理事会"),
    ("3 组织机构", "decimal_bare", 3, "组织机构"), ("3　组织机构", "decimal_bare", 3, "组织机构"),
    ("3\t组织机构", "decimal_bare", 3, "组织机构"), ("3组织机构", "decimal_bare", 3, "组织机构"),
    ("3. 组织机构", "decimal", 3, "组织机构"), ("3、组织机构", "decimal", 3, "组织机构"),
    ("3．组织机构", "decimal", 3, "组织机构"), ("3) 组织机构", "decimal_rparen", 3, "组织机构"),
    ("3.2 理事会", "decimal_multi", 2, "理事会"), ("3.2理事会", "decimal_multi", 2, "理事会"),
    ("3.2.1　理事长", "decimal_multi", 1, "理事长"),
    ("(3) 理事会", "paren_num", 3, "理事会"), ("（3）理事会", "paren_num", 3, "理事会"),
    ("⑶理事会", "paren_digit", 3, "理事会"), ("③理事会", "circled", 3, "理事会"),
    ("(c) 理事会", "paren_alpha", 3, "理事会"), ("（c）理事会", "paren_alpha", 3, "理事会"),
    ("c. 理事会", "alpha", 3, "理事会"), ("C.理事会", "alpha", 3, "理事会"),
    ("IV. 联盟成员", "roman", 4, "联盟成员"), ("Ⅳ、联盟成员", "roman", 4, "联盟成员"),
])
def test_every_family_and_separator_is_a_label(text, typ, value, rest):
    m = label_of(text)
    assert (m.type, m.value, m.rest) == (typ, value, rest)


@pytest.mark.parametrize("text", ["3年内突破关键技术", "5家以上企业参加", "2024年3月18日", "10万元由甲方投入"])
def test_quantities_are_not_labels(text):
    assert label_of(text).type is None


def _agreement(labels: list[str], sep: str, preamble: str = PREAMBLE) -> str:
    body = "".join(f"{lab}{sep}{t}\n{b}\n" for lab, t, b in zip(labels, TOPICS, BODY))
    return preamble + body + SIGN


def _body_units(text: str) -> list[Clause]:
    _, units = segment(from_text(text))
    return [u for u in units if u.kind in ("article", "item", "heading")]


FAMILIES = {
    "article": (["第一条", "第二条", "第三条", "第四条", "第五条", "第六条"], ["　", "", " "]),
    "cn": (["一、", "二、", "三、", "四、", "五、", "六、"], [""]),
    "cn_dot": (["一.", "二.", "三.", "四.", "五.", "六."], ["", " "]),
    "decimal": (["1", "2", "3", "4", "5", "6"], [" ", "\u3000", "\t", ""]),
    "decimal_dot": (["1.", "2.", "3.", "4.", "5.", "6."], [" ", "\t", ""]),
    "decimal_fw": (["1．", "2．", "3．", "4．", "5．", "6．"], [""]),
    "decimal_dunhao": (["1、", "2、", "3、", "4、", "5、", "6、"], [""]),
    "decimal_paren": (["1)", "2)", "3)", "4)", "5)", "6)"], [" "]),
    "paren_num": (["（1）", "（2）", "（3）", "（4）", "（5）", "（6）"], [""]),
    "roman": (["I.", "II.", "III.", "IV.", "V.", "VI."], [" "]),
    "alpha": (["A.", "B.", "C.", "D.", "E.", "F."], [" "]),
}


@pytest.mark.parametrize("family,sep", [(f, s) for f, (_, seps) in FAMILIES.items() for s in seps])
def test_each_family_numbers_the_clauses(family, sep):
    labels = FAMILIES[family][0]
    units = _body_units(_agreement(labels, sep))
    assert [u.heading for u in units] == TOPICS
    assert all(BODY[i] in u.text for i, u in enumerate(units))


def test_decimal_chapters_with_restarting_articles():
    text = PREAMBLE + ("1 总则\n1.1 联盟名称为某某联盟。\n1.2 联盟不具有法人资格。\n2 组织\n2.1 联盟设理事会。\n"
                       "2.2 联盟设秘书处。\n3 附则\n3.1 本协议适用中华人民共和国法律。\n") + SIGN
    all_clauses, units = segment(from_text(text))
    body = [u for u in units if u.kind == "item"]
    assert [u.number for u in body] == ["1.1", "1.2", "2.1", "2.2", "3.1"]
    assert [c.heading for c in all_clauses if c.kind == "chapter"] == ["总则", "组织", "附则"]


def test_numbered_headings_with_decimal_items_are_the_clauses():
    text = PREAMBLE + "".join(f"{i}. {t}\n{i}.1 {b}\n{i}.2 其他约定。\n" for i, (t, b) in enumerate(zip(TOPICS, BODY), 1)) + SIGN
    units = _body_units(text)
    assert [u.heading for u in units] == TOPICS


def test_a_numbered_party_list_does_not_decide_the_unit_level():
    """（1）…（8） before the body, then the body numbered 1 / 2 / 3 … (issue 7, first defect list)."""
    parties = "".join(f"（{i}）{r}：{n}，住所：福州市{i}路，法定代表人：王{i}\n"
                      for i, (r, n) in enumerate([("甲方", "甲科技有限公司"), ("乙方", "乙大学"), ("丙方", "丙研究所")], 1))
    pre = "某某联盟协议书\n" + parties + "鉴于：\n1、各方均为独立法人；\n2、各方愿意合作；\n为此，各方订立本协议。\n"
    units = _body_units(_agreement(FAMILIES["decimal_dunhao"][0], "", pre))
    assert [u.heading for u in units] == TOPICS
    _, all_units = segment(from_text(_agreement(FAMILIES["decimal_dunhao"][0], "", pre)))
    assert [u.kind for u in all_units[:5]] == ["title", "party", "party", "party", "recitals"]


def test_plain_short_lines_are_headings_over_restarting_items():
    text = PREAMBLE + "".join(f"{t}\n（一）{b}\n（二）其他约定。\n" for t, b in zip(TOPICS, BODY)) + SIGN
    units = _body_units(text)
    assert [u.heading for u in units] == TOPICS


def test_plain_headings_after_a_party_table_with_a_header_row():
    """Headings shown only as short lines, the parties in a table typed with aligned columns: the table's
    header row ("序号 单位名称 住所 法定代表人") is no heading — the preamble (parties, 鉴于) stays the preamble."""
    gap = "    "
    pre = ("某某产业技术创新战略联盟协议书\n本协议由下列各方签订：\n" + gap.join(["序号", "单位名称", "住所", "法定代表人"])
           + "\n" + gap.join(["1", "甲科技有限公司", "福州市一路1号", "张一"]) + "\n"
           + gap.join(["2", "乙大学", "福州市二路2号", "李二"]) + "\n鉴于各方均为独立法人，经平等协商，订立本协议。\n")
    text = pre + "".join(f"{t}\n（一）{b}\n（二）其他约定。\n" for t, b in zip(TOPICS, BODY)) + SIGN
    _, units = segment(from_text(text))
    assert [u.kind for u in units[:5]] == ["title", "party", "party", "party", "recitals"]
    assert [u.heading for u in units if u.kind == "heading"] == TOPICS


def _bold_heading_docx(party_table: bool = False) -> bytes:
    import docx
    d = docx.Document()
    if party_table:
        # the parties in a ruled table (the PDF page then goes through the table reader)
        d.add_paragraph("某某产业技术创新战略联盟协议书")
        d.add_paragraph("本协议由下列各方签订：")
        t = d.add_table(rows=3, cols=3)
        t.style = d.styles["Table Grid"]
        for i, row in enumerate([("单位名称", "住所", "法定代表人"), ("甲科技有限公司", "福州市一路1号", "张一"),
                                 ("乙大学", "福州市二路2号", "李二")]):
            for j, v in enumerate(row):
                t.cell(i, j).text = v
        d.add_paragraph("鉴于各方均为独立法人，经平等协商，达成协议如下：")
    else:
        for line in PREAMBLE.strip().split("\n"):
            d.add_paragraph(line)
    for t, b in zip(TOPICS, BODY):
        d.add_paragraph().add_run(t).bold = True
        d.add_paragraph("1. " + b)
        d.add_paragraph("2. 其他约定。")
    for line in SIGN.strip().split("\n"):
        d.add_paragraph(line)
    buf = io.BytesIO()
    d.save(buf)
    return buf.getvalue()


def test_bold_headings_without_numbers_in_docx(tmp_path):
    p = tmp_path / "bold.docx"
    p.write_bytes(_bold_heading_docx())
    doc = load(p)
    assert [b.text for b in doc.blocks if b.bold] == TOPICS
    _, units = segment(doc)
    assert [u.heading for u in units if u.kind == "heading"] == TOPICS


@pytest.mark.libreoffice
@pytest.mark.skipif(not HAVE_SOFFICE, reason="needs LibreOffice")
@pytest.mark.parametrize("party_table", [False, True])
def test_bold_headings_without_numbers_in_pdf(tmp_path, party_table):
    """Also on a page with a ruled party table, whose lines come from the table reader (pdfplumber)."""
    src = tmp_path / "bold.docx"
    src.write_bytes(_bold_heading_docx(party_table))
    prof = Path(tempfile.gettempdir()) / "lo_test_reading_styles"
    subprocess.run(["soffice", "--headless", f"-env:UserInstallation=file://{prof}", "--convert-to", "pdf",
                    "--outdir", str(tmp_path), str(src)], check=True, capture_output=True, timeout=180)
    doc = load(tmp_path / "bold.pdf")
    assert [b.text for b in doc.blocks if b.bold] == TOPICS
    _, units = segment(doc)
    assert [u.heading for u in units if u.kind == "heading"] == TOPICS


@pytest.mark.parametrize("line,role", [
    ("甲方：甲科技有限公司", "甲方"), ("第一方：甲科技有限公司", "第一方"), ("缔约方一：甲科技有限公司", "缔约方一"),
    ("协议方（一）：甲科技有限公司", "协议方（一）"), ("成员单位1：甲科技有限公司", "成员单位1"),
    ("发起单位：甲科技有限公司", "发起单位"), ("发起单位三：甲科技有限公司", "发起单位三"),
    ("（1）甲方：甲科技有限公司", "甲方"), ("1. 甲方：甲科技有限公司", "甲方"), ("签约单位一：甲科技有限公司", "签约单位一"),
])
def test_party_names_without_role_labels_or_list_numbers(line, role):
    parties = parse_party_lines([(line + "，住所：福州市一路1号，法定代表人：张一", 0)])
    assert [(p.name, p.role, p.domicile, p.legal_rep) for p in parties] == [("甲科技有限公司", role, "福州市一路1号", "张一")]


def test_numbered_party_list_without_roles():
    parties = parse_party_lines([("1. 甲科技有限公司，住所：福州市一路1号，法定代表人：张一", 0),
                                 ("2. 乙大学，住所：福州市二路2号，法定代表人：李二", 60)])
    assert [p.name for p in parties] == ["甲科技有限公司", "乙大学"]


def test_party_table_with_role_column_and_signing_table_role_cells():
    lines = [("缔约方\t名称\t住所\t法定代表人", 0), ("甲方\t甲科技有限公司\t福州市一路1号\t张一", 20),
             ("乙方\t乙大学\t福州市二路2号\t李二", 60)]
    parties = parse_party_lines(lines)
    assert [(p.role, p.name) for p in parties] == [("甲方", "甲科技有限公司"), ("乙方", "乙大学")]
    text = "（以下无正文）\n缔约方\t单位名称（盖章）\t日期\n甲方\t甲科技有限公司\t2024年3月1日\n乙方\t乙大学\t2024年3月1日"
    sig = Clause(id="s", kind="signature", number=None, heading=None, text=text, span=(0, len(text)), section="signature")
    doc = from_text(text)
    assert [n for n, _ in signature_names(doc, [sig])] == ["甲科技有限公司", "乙大学"]


def test_signing_lines_with_a_date_after_the_name():
    text = "成员单位 法定代表人或授权代表（签字） 日期\n甲科技有限公司 2024年3月18日\n乙大学 2024年3月18日"
    sig = Clause(id="s", kind="signature", number=None, heading=None, text=text, span=(0, len(text)), section="signature")
    assert [n for n, _ in signature_names(from_text(text), [sig])] == ["甲科技有限公司", "乙大学"]


@pytest.mark.libreoffice
@pytest.mark.skipif(not HAVE_SOFFICE, reason="needs LibreOffice")
def test_party_table_broken_across_a_page(tmp_path):
    """A party table long enough to run onto the next page: every party is still read, with its name."""
    import docx
    from checker.engine import check
    names = [f"福建第{i}号测试材料科技有限公司" for i in range(1, 31)]
    d = docx.Document()
    d.add_paragraph("某某产业技术创新战略联盟协议书")
    d.add_paragraph("本协议由下列各方签订：")
    t = d.add_table(rows=len(names) + 1, cols=4)
    t.style = d.styles["Table Grid"]
    for j, h in enumerate(["缔约方", "单位名称", "住所", "法定代表人"]):
        t.cell(0, j).text = h
    for i, n in enumerate(names, 1):
        for j, v in enumerate([f"成员单位{i}", n, f"福建省福州市鼓楼区测试路{i}号科技园区第{i}栋", f"王{i}"]):
            t.cell(i, j).text = v
    d.add_paragraph("鉴于各方均为独立法人，经平等协商，达成协议如下：")
    for k, (h, b) in enumerate(zip(TOPICS, BODY), 1):
        d.add_paragraph(f"第{'一二三四五六'[k - 1]}条 {h}")
        d.add_paragraph(b)
    src = tmp_path / "table.docx"
    d.save(src)
    prof = Path(tempfile.gettempdir()) / "lo_test_reading_styles"
    subprocess.run(["soffice", "--headless", f"-env:UserInstallation=file://{prof}", "--convert-to", "pdf",
                    "--outdir", str(tmp_path), str(src)], check=True, capture_output=True, timeout=180)
    report = check(tmp_path / "table.pdf", profile="national", kind="agreement")
    assert report.document.pages and report.document.pages >= 2
    got = [p["name"] for p in report.parties]
    assert got == names


@pytest.mark.parametrize("sep", ["一.", "1\t", "1．", "1"])
def test_charter_without_party_list_reads_no_body_clause_as_a_party(sep):
    """A charter has no preamble party list: its numbered body clauses (一. / 1<tab> / 1联盟…) are no parties,
    however they are numbered — the preamble ends where the body's first numbered unit begins."""
    from checker.engine import check
    from checker.facts.parties import extract_parties
    nums = ["一", "二", "三"] if sep.startswith("一") else ["1", "2", "3"]
    tail = sep[len(nums[0]):] if sep != "1" else ""
    body = ["本章程依据联盟各成员签订的联盟协议书制定。", "联盟名称：某某产业技术创新战略联盟，遵循自愿原则。",
            "联盟成员为甲科技有限公司、乙大学、丙研究院。"]
    text = "某某产业技术创新战略联盟章程\n" + "".join(f"{n}{tail}{b}\n" for n, b in zip(nums, body))
    rep = check(text=text, kind="charter")
    names = [p.name for p in extract_parties(rep.document, rep.clauses)]
    assert not [n for n in names if "联盟" in n or "章程" in n], names
    assert "MEMBER_COMPOSITION_INCOMPLETE" not in {f.rule for f in rep.findings}


def test_plain_text_party_table_with_a_numbered_first_column():
    """A party table typed in plain text with aligned columns and a 序号 column: "1    XX公司    住所    代表"
    is a table row (not the numbering label "1" and its text), so every party keeps its domicile."""
    from checker.engine import check
    from checker.facts.parties import extract_parties
    gap = "    "
    rows = [("甲科技有限公司", "天津市滨海新区一路1号", "张一"), ("乙大学", "天津市南开区二路2号", "李二"),
            ("丙研究院", "天津市河西区三路3号", "王三")]
    text = ("某某产业技术创新战略联盟协议书\n协议各方：\n" + gap.join(["序号", "单位名称", "住所", "法定代表人"]) + "\n"
            + "".join(gap.join([str(i), *r]) + "\n" for i, r in enumerate(rows, 1))
            + "第一条 联盟名称和宗旨\n联盟名称为某某联盟。\n第二条 争议解决\n争议提交天津仲裁委员会仲裁。\n")
    rep = check(text=text)
    got = [(p.name, p.domicile, p.legal_rep) for p in extract_parties(rep.document, rep.clauses)]
    assert got == list(rows)


def test_party_table_with_a_rule_line_and_a_name_cell_wrapped_onto_the_next_line():
    """A PDF party table: a rule line ("---") under the header keeps its columns, and a long name cell that
    wraps onto the next line ("天津市合成生物技" / "术研究院") is one party with its whole name and address."""
    lines = ["序号\t单位名称\t住所\t法定代表人", "---", "1\t甲科技有限公司\t天津市滨海新区一路1号\t张一",
             "2\t天津市合成生物技\t天津市滨海新区空\t毛立新", "术研究院\t港经济区西七道32号",
             "3\t乙大学\t天津市南开区二路2号\t李二"]
    pos, rows = 0, []
    for ln in lines:
        rows.append((ln, pos))
        pos += len(ln) + 1
    got = [(p.name, p.domicile, p.legal_rep) for p in parse_party_lines(rows)]
    assert got == [("甲科技有限公司", "天津市滨海新区一路1号", "张一"),
                   ("天津市合成生物技术研究院", "天津市滨海新区空港经济区西七道32号", "毛立新"),
                   ("乙大学", "天津市南开区二路2号", "李二")]
