"""Builders for ingest test inputs (no tests here): DOCX files with real Word auto-numbering written
into numbering.xml, and a LibreOffice runner. Shared by the test_ingest_* modules."""
from __future__ import annotations

import shutil
import subprocess
import uuid
from pathlib import Path

import docx
import pytest
from docx.enum.style import WD_STYLE_TYPE
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls, qn

SOFFICE = shutil.which("soffice")
needs_soffice = pytest.mark.skipif(SOFFICE is None, reason="LibreOffice (soffice) not installed")

CLAUSE_NUM_ID = "71"
ITEM_NUM_ID = "72"   # same list, used through a paragraph style


def _lvl(ilvl: int, fmt: str, text: str, start: int = 1, suff: str | None = None) -> str:
    s = f'<w:suff w:val="{suff}"/>' if suff else ""
    return (f'<w:lvl w:ilvl="{ilvl}"><w:start w:val="{start}"/><w:numFmt w:val="{fmt}"/>{s}'
            f'<w:lvlText w:val="{text}"/><w:lvlJc w:val="left"/></w:lvl>')


def add_list(d, abs_id: str, num_id: str, levels: list[str], start_override: dict[int, int] | None = None):
    """Append an abstractNum + num to the document's numbering part (abstractNums go first)."""
    numbering = d.part.numbering_part.element
    an = parse_xml(f'<w:abstractNum {nsdecls("w")} w:abstractNumId="{abs_id}">'
                   f'<w:multiLevelType w:val="multilevel"/>{"".join(levels)}</w:abstractNum>')
    first_num = numbering.find(qn("w:num"))
    if first_num is not None:
        first_num.addprevious(an)
    else:
        numbering.append(an)
    ov = "".join(f'<w:lvlOverride w:ilvl="{k}"><w:startOverride w:val="{v}"/></w:lvlOverride>'
                 for k, v in (start_override or {}).items())
    numbering.append(parse_xml(f'<w:num {nsdecls("w")} w:numId="{num_id}">'
                               f'<w:abstractNumId w:val="{abs_id}"/>{ov}</w:num>'))


def number(paragraph, num_id: str, ilvl: int | None = 0) -> None:
    ppr = paragraph._p.get_or_add_pPr()
    il = f'<w:ilvl w:val="{ilvl}"/>' if ilvl is not None else ""
    ppr.append(parse_xml(f'<w:numPr {nsdecls("w")}>{il}<w:numId w:val="{num_id}"/></w:numPr>'))


def numbered_docx(path: Path, n_articles: int = 12) -> list[str]:
    """Agreement-like DOCX: 第%1条 (chineseCounting) articles with （%1） items at level 1, a
    %1.%2 decimal list, articles numbered through a *style* carrying numPr (basedOn chain), and
    a signature table. Returns the bodies of the articles in order."""
    d = docx.Document()
    add_list(d, "31", CLAUSE_NUM_ID, [_lvl(0, "chineseCounting", "第%1条", suff="space"),
                                      _lvl(1, "chineseCounting", "（%2）", suff="nothing")])
    add_list(d, "32", "73", [_lvl(0, "decimal", "%1."), _lvl(1, "decimal", "%1.%2")])
    add_list(d, "33", ITEM_NUM_ID, [_lvl(0, "upperLetter", "%1)"), _lvl(1, "decimalEnclosedCircle", "%2")])
    # style chain: 条款子项 basedOn 条款基 which carries numPr → paragraphs of 条款子项 are numbered
    base = d.styles.add_style("条款基", WD_STYLE_TYPE.PARAGRAPH)
    base.element.get_or_add_pPr().append(parse_xml(
        f'<w:numPr {nsdecls("w")}><w:ilvl w:val="0"/><w:numId w:val="{ITEM_NUM_ID}"/></w:numPr>'))
    child = d.styles.add_style("条款子项", WD_STYLE_TYPE.PARAGRAPH)
    child.base_style = base

    d.add_heading("某某产业技术创新战略联盟协议书", level=1)
    d.add_paragraph("甲方：某某科技有限公司")
    bodies = []
    for i in range(1, n_articles + 1):
        body = f"本条约定事项{i}。"
        bodies.append(body)
        number(d.add_paragraph(body), CLAUSE_NUM_ID, 0)
        if i == 3:
            for j in range(2):
                number(d.add_paragraph(f"第三条的子项{j + 1}"), CLAUSE_NUM_ID, 1)
    number(d.add_paragraph("总体要求"), "73", 0)
    number(d.add_paragraph("细化要求"), "73", 1)
    d.add_paragraph("样式编号一", style="条款子项")
    d.add_paragraph("样式编号二", style="条款子项")
    t = d.add_table(rows=2, cols=2)
    t.cell(0, 0).text = "甲方（盖章）："
    t.cell(0, 1).text = "乙方（盖章）："
    t.cell(1, 0).text = "法定代表人：张三"
    t.cell(1, 1).text = "法定代表人：李四"
    d.add_paragraph("（以下无正文）")
    d.save(path)
    return bodies


def soffice_convert(src: Path, target: str, outdir: Path) -> Path:
    """Convert with a private LibreOffice profile (shared profiles make concurrent runs fail)."""
    profile = Path("/tmp") / f"lo_profile_test_{uuid.uuid4().hex}"
    try:
        subprocess.run([SOFFICE, f"-env:UserInstallation={profile.as_uri()}", "--headless",
                        "--convert-to", target, "--outdir", str(outdir), str(src)],
                       check=True, timeout=120, capture_output=True)
    finally:
        shutil.rmtree(profile, ignore_errors=True)
    out = outdir / (src.stem + "." + target.split(":")[0])
    assert out.is_file(), f"LibreOffice produced no {target} for {src.name}"
    return out
