"""Generate an A4 Word document from a non-DOCX source (PDF/TXT/MD) so that findings can be
attached as Word comments exactly as for an original .docx.

One paragraph per block, its text in one run, so block offsets equal run offsets (the comment
exporter relies on that). Chinese text needs ``w:eastAsia`` on ``rFonts`` or Word falls back to
a Latin font; python-docx's default template is US Letter, so the page is set to A4.
"""
from __future__ import annotations

import re

from docx import Document as new_docx
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt

EAST_ASIA_FONT = "宋体"
LATIN_FONT = "Times New Roman"
_HEADING = re.compile(r"^\s*(第[一二三四五六七八九十百零〇\d]+[章节部分编]|[一二三四五六七八九十]+、)\S{0,30}$")


def _set_fonts(rpr_owner, east_asia: str = EAST_ASIA_FONT, latin: str = LATIN_FONT) -> None:
    rpr = rpr_owner.get_or_add_rPr()
    fonts = rpr.find(qn("w:rFonts"))
    if fonts is None:
        fonts = OxmlElement("w:rFonts")
        rpr.insert(0, fonts)
    for attr, val in (("w:ascii", latin), ("w:hAnsi", latin), ("w:eastAsia", east_asia)):
        fonts.set(qn(attr), val)


def is_heading(block, index: int) -> bool:
    if block.kind == "heading":
        return True
    text = block.text.strip()
    return bool(_HEADING.match(text)) and len(text) <= 30


def build_docx(document):
    """Returns (python-docx Document, list of w:p elements aligned with document.blocks)."""
    doc = new_docx()
    sec = doc.sections[0]
    sec.page_width, sec.page_height = Cm(21.0), Cm(29.7)
    sec.left_margin = sec.right_margin = Cm(2.6)
    sec.top_margin = sec.bottom_margin = Cm(2.5)
    normal = doc.styles["Normal"]
    normal.font.size = Pt(12)
    _set_fonts(normal.element)
    doc.core_properties.title = document.name
    doc.core_properties.author = "alliance-check"

    paras = []
    first_text = next((i for i, b in enumerate(document.blocks) if b.text.strip()), 0)
    for i, b in enumerate(document.blocks):
        p = doc.add_paragraph()
        run = p.add_run(b.text)
        _set_fonts(run._r)
        if i == first_text:
            p.alignment = WD_ALIGN_PARAGRAPH.CENTER
            run.bold = True
            run.font.size = Pt(16)
        elif is_heading(b, i):
            run.bold = True
        p.paragraph_format.space_after = Pt(4)
        paras.append(p._p)
    return doc, paras
