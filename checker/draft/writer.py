"""A Draft → .docx in Chinese contract typography, and → Markdown.

Word: A4 (21 × 29.7 cm, 公文 margins), body 仿宋 小四 with first-line indent of two characters, headings 黑体;
第X章 / 第X条 are real Word automatic numbering (word/numbering.xml: one list
“第%1章” and one “第%1条”, both ``chineseCounting``; two lists so articles count on across chapters),
attached to the styles 标题 1 / 标题 2 so Word's navigation pane shows the outline; the signature page
is a table with one row per member: 单位（盖章）、法定代表人或授权代表（签字）、日期.
Chinese needs ``w:eastAsia`` on ``w:rFonts`` or Word falls back to a Latin font.
"""
from __future__ import annotations

import io

from docx import Document as new_docx
from docx.enum.section import WD_ORIENT
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_LINE_SPACING
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.packuri import PackURI
from docx.opc.part import Part
from docx.oxml import OxmlElement, parse_xml
from docx.oxml.ns import nsdecls, qn
from docx.shared import Cm, Pt

from checker.draft.clauses import Draft
from checker.text.cn_numerals import to_chinese

BODY_FONT, HEADING_FONT, LATIN_FONT = "仿宋", "黑体", "Times New Roman"
BODY_SIZE, TITLE_SIZE, CHAPTER_SIZE = Pt(12), Pt(18), Pt(14)
CHAPTER_NUM, ARTICLE_NUM = "1", "2"   # two lists: articles count on across chapters

_NUMBERING = f"""<w:numbering {nsdecls('w')}>
  <w:abstractNum w:abstractNumId="0">
    <w:multiLevelType w:val="singleLevel"/>
    <w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:pStyle w:val="Heading1"/>
      <w:suff w:val="space"/><w:lvlText w:val="第%1章"/><w:lvlJc w:val="center"/></w:lvl>
  </w:abstractNum>
  <w:abstractNum w:abstractNumId="1">
    <w:multiLevelType w:val="singleLevel"/>
    <w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:pStyle w:val="Heading2"/>
      <w:suff w:val="space"/><w:lvlText w:val="第%1条"/><w:lvlJc w:val="left"/></w:lvl>
  </w:abstractNum>
  <w:num w:numId="{CHAPTER_NUM}"><w:abstractNumId w:val="0"/></w:num>
  <w:num w:numId="{ARTICLE_NUM}"><w:abstractNumId w:val="1"/></w:num>
</w:numbering>"""


def _fonts(rpr_owner, east_asia: str, latin: str = LATIN_FONT) -> None:
    rpr = rpr_owner.get_or_add_rPr()
    f = rpr.find(qn("w:rFonts"))
    if f is None:
        f = OxmlElement("w:rFonts")
        rpr.insert(0, f)
    for attr, val in (("w:ascii", latin), ("w:hAnsi", latin), ("w:eastAsia", east_asia), ("w:cs", latin)):
        f.set(qn(attr), val)


def _numbering_part(doc) -> None:
    """Replace (or create) word/numbering.xml with the 章/条 list."""
    dp = doc.part
    for rel in list(dp.rels.values()):
        if rel.reltype == RT.NUMBERING:
            rel.target_part._element = parse_xml(_NUMBERING)
            return
    part = Part(PackURI("/word/numbering.xml"),
                "application/vnd.openxmlformats-officedocument.wordprocessingml.numbering+xml",
                _NUMBERING.encode("utf-8"), dp.package)
    dp.relate_to(part, RT.NUMBERING)


def _num_pr(style, num_id: str) -> None:
    ppr = style.element.get_or_add_pPr()
    for old in ppr.findall(qn("w:numPr")):
        ppr.remove(old)
    num = parse_xml(f'<w:numPr {nsdecls("w")}><w:ilvl w:val="0"/><w:numId w:val="{num_id}"/></w:numPr>')
    ppr.insert(0, num)


def _styles(doc) -> None:
    st = doc.styles
    normal = st["Normal"]
    normal.font.size = BODY_SIZE
    _fonts(normal.element, BODY_FONT)
    pf = normal.paragraph_format
    pf.line_spacing_rule = WD_LINE_SPACING.ONE_POINT_FIVE
    pf.space_after = Pt(0)
    body = st.add_style("协议正文", WD_STYLE_TYPE.PARAGRAPH)
    body.base_style = normal
    body.paragraph_format.first_line_indent = Pt(24)          # two characters of 小四
    body.paragraph_format.alignment = WD_ALIGN_PARAGRAPH.JUSTIFY
    for name, num_id, size, align, before in (("Heading 1", CHAPTER_NUM, CHAPTER_SIZE, WD_ALIGN_PARAGRAPH.CENTER, Pt(12)),
                                             ("Heading 2", ARTICLE_NUM, BODY_SIZE, WD_ALIGN_PARAGRAPH.LEFT, Pt(6))):
        s = st[name]
        s.font.size, s.font.bold, s.font.italic = size, True, False
        s.font.color.rgb = None
        _fonts(s.element, HEADING_FONT)
        s.paragraph_format.alignment = align
        s.paragraph_format.space_before, s.paragraph_format.space_after = before, Pt(6)
        s.paragraph_format.first_line_indent = Pt(0)
        s.paragraph_format.keep_with_next = True
        _num_pr(s, num_id)
    t = st["Title"]
    t.font.size, t.font.bold = TITLE_SIZE, True
    t.font.color.rgb = None
    _fonts(t.element, HEADING_FONT)
    t.paragraph_format.alignment = WD_ALIGN_PARAGRAPH.CENTER
    t.paragraph_format.space_after = Pt(18)
    t_ppr = t.element.get_or_add_pPr()
    for b in t_ppr.findall(qn("w:pBdr")):            # python-docx's Title has a bottom rule: not in a contract
        t_ppr.remove(b)


def _page(doc) -> None:
    sec = doc.sections[0]
    sec.orientation = WD_ORIENT.PORTRAIT
    sec.page_width, sec.page_height = Cm(21.0), Cm(29.7)
    sec.top_margin, sec.bottom_margin = Cm(3.7), Cm(3.5)
    sec.left_margin, sec.right_margin = Cm(2.8), Cm(2.6)
    # Page number in the footer: “第 X 页”.
    p = sec.footer.paragraphs[0]
    p.alignment = WD_ALIGN_PARAGRAPH.CENTER
    p.add_run("第 ")
    r = p.add_run()
    for kind, text in (("begin", None), (None, "PAGE"), ("end", None)):
        if kind:
            el = OxmlElement("w:fldChar")
            el.set(qn("w:fldCharType"), kind)
        else:
            el = OxmlElement("w:instrText")
            el.set(qn("xml:space"), "preserve")
            el.text = text
        r._r.append(el)
    p.add_run(" 页")


def _para(doc, text: str, style: str = "协议正文", bold: bool = False, indent: bool = True):
    p = doc.add_paragraph(style=style)
    run = p.add_run(text)
    if bold:
        run.bold = True
    if not indent:
        p.paragraph_format.first_line_indent = Pt(0)
    return p


def _signature_table(doc, draft: Draft) -> None:
    rows = draft.parties
    table = doc.add_table(rows=len(rows) + 1, cols=3)
    table.style = doc.styles["Table Grid"]
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    head = ("单位（盖章）", "法定代表人或授权代表（签字）", "签署日期")
    for cell, text in zip(table.rows[0].cells, head):
        cell.paragraphs[0].add_run(text).bold = True
        cell.paragraphs[0].alignment = WD_ALIGN_PARAGRAPH.CENTER
    tr_pr = table.rows[0]._tr.get_or_add_trPr()
    tr_pr.append(OxmlElement("w:tblHeader"))           # repeat the header row on each page
    date = draft.answers.signing_date or "　　年　　月　　日"
    for row, party in zip(table.rows[1:], rows):
        cells = row.cells
        cells[0].paragraphs[0].add_run(f"{party.label}（盖章）：{party.name}")
        cells[1].paragraphs[0].add_run("法定代表人或授权代表（签字）：")
        cells[2].paragraphs[0].add_run(f"{date}")
        row.height = Cm(1.6)
    widths = (Cm(6.2), Cm(5.0), Cm(4.4))             # 15.6 cm = the text width of the page
    table.autofit = False
    for col, w in zip(table.columns, widths):          # w:tblGrid (LibreOffice reads this)
        col.width = w
    for row in table.rows:
        for cell, w in zip(row.cells, widths):         # w:tcW (Word reads this)
            cell.width = w


def to_docx(draft: Draft) -> bytes:
    doc = new_docx()
    _page(doc)
    _styles(doc)
    _numbering_part(doc)
    doc.core_properties.title = draft.title
    doc.core_properties.author = "alliance-check 起草"
    doc.core_properties.language = "zh-CN"
    doc.add_paragraph(draft.title, style="Title")
    for p in draft.parties:
        _para(doc, f"{p.label}：{p.name}", indent=False)
        _para(doc, f"住所地：{p.domicile}", indent=False)
        _para(doc, f"法定代表人：{p.legal_rep}", indent=False)
    for i, line in enumerate(draft.recitals):
        _para(doc, line, indent=i != 0)
    for ch in draft.chapters:
        doc.add_paragraph(ch.title, style="Heading 1")
        for art in ch.articles:
            doc.add_paragraph(art.heading, style="Heading 2")
            for text in art.paragraphs:
                _para(doc, text)
    for line in draft.closing:
        _para(doc, line)
    _para(doc, "签署页", bold=True, indent=False).alignment = WD_ALIGN_PARAGRAPH.CENTER
    _signature_table(doc, draft)
    _para(doc, "由授权代表签字的，须附法定代表人签署的授权委托书。")
    out = io.BytesIO()
    doc.save(out)
    return out.getvalue()


def to_markdown(draft: Draft) -> str:
    out = [f"# {draft.title}", ""]
    for p in draft.parties:
        out += [f"{p.label}：{p.name}  ", f"住所地：{p.domicile}  ", f"法定代表人：{p.legal_rep}", ""]
    out += ["\n\n".join(draft.recitals), ""]
    n = 0
    for c, ch in enumerate(draft.chapters, 1):
        out += [f"## 第{to_chinese(c)}章 {ch.title}", ""]
        for art in ch.articles:
            n += 1
            out += [f"### 第{to_chinese(n)}条 {art.heading}", ""]
            for text in art.paragraphs:
                out += [text, ""]
    out += [*[x + "\n" for x in draft.closing]]
    out += ["## 签署页", "", "| 单位（盖章） | 法定代表人或授权代表（签字） | 签署日期 |", "| --- | --- | --- |"]
    date = draft.answers.signing_date or "　　年　　月　　日"
    for p in draft.parties:
        out.append(f"| {p.label}（盖章）：{p.name} | 法定代表人或授权代表（签字）： | 日期：{date} |")
    out += ["", "由授权代表签字的，须附法定代表人签署的授权委托书。", ""]
    return "\n".join(out)
