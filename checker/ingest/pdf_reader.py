"""Read a PDF's text layer into paragraph RawBlocks with page numbers.

pypdfium2 (fast) gives the characters and their positions on every page; only pages drawn with
ruling lines go through pdfplumber to recover table rows. A scanned PDF has no text layer, and
fonts without a Unicode map give "(cid:NNN)" or unmapped garbage (tech_notes.md "PDF"): both are
refused with a clear message instead of passing garbage on.
"""
from __future__ import annotations

import ctypes
import io
import re

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c

from checker.errors import InputError
from checker.ingest.common import RawBlock
from checker.ingest.pdf_lines import PdfLine, rejoin, strip_running

MIN_TABLE_PATHS = 4     # fewer vector paths than this: no ruled table on the page
GARBLED = ("PDF 文件“{name}”的文字层无法正确解码（字体缺少编码映射，提取出乱码），"
           "请提供可复制文字的版本（如由 Word 直接导出的 PDF 或 .docx 原件）或先做OCR")
SCANNED = "该PDF为扫描件/无文字层，请提供可复制文字的版本或先做OCR"
_CID = re.compile(r"\(cid:\d+\)")
# Font names of bold faces (the text layer's weight field is often 400 even for them)
_BOLD_FONT = re.compile(rb"bold|black|heavy|semibold|demibold|,B\b", re.I)


def _garbage_ratio(text: str) -> float:
    chars = [c for c in text if not c.isspace()]
    if not chars:
        return 0.0
    bad = sum(1 for c in chars if c == "\ufffd" or c == "\ufffe" or 0xE000 <= ord(c) <= 0xF8FF
              or ord(c) < 32)
    bad += sum(len(m.group()) for m in _CID.finditer(text))
    return bad / len(chars)


def _check_garbage(all_text: str, name: str) -> None:
    if not all_text.strip():
        raise InputError(f"“{name}”：{SCANNED}")
    if _garbage_ratio(all_text) > 0.2:
        raise InputError(GARBLED.format(name=name))


def _open(data: bytes, name: str):
    if not data.lstrip()[:5].startswith(b"%PDF"):
        raise InputError(f"文件“{name}”不是有效的 PDF 文件，请确认文件类型后再上传")
    try:
        return pdfium.PdfDocument(data)
    except pdfium.PdfiumError as e:
        msg = str(e).lower()
        if "password" in msg:
            raise InputError(f"PDF 文件“{name}”已加密（需要密码），无法读取；请提供未加密的版本") from None
        raise InputError(f"PDF 文件“{name}”已损坏或无法解析，请重新导出 PDF 或上传 .docx") from None


def _page_lines(textpage) -> tuple[list[str], int]:
    """Visual lines of one page rebuilt from character positions, and the count of characters
    whose font has no Unicode map.

    pypdfium2's own text follows the content stream, which puts characters drawn in another font
    (e.g. the quotation marks in 名称为“…”) at the end of the line; ordering by baseline and x fixes
    that. Characters pdfium generated itself (spaces, line ends) are dropped; a wide gap between
    glyphs' advance boxes becomes a space, and so does a space character written in the PDF."""
    raw = textpage.raw
    box, ox, oy = pdfium_c.FS_RECTF(), ctypes.c_double(), ctypes.c_double()
    fname, fflags = ctypes.create_string_buffer(128), ctypes.c_int()
    chars, unmapped = [], 0
    for k in range(pdfium_c.FPDFText_CountChars(raw)):
        if pdfium_c.FPDFText_IsGenerated(raw, k) == 1:
            continue
        u = pdfium_c.FPDFText_GetUnicode(raw, k)
        if u in (10, 13):
            continue
        if pdfium_c.FPDFText_HasUnicodeMapError(raw, k) == 1:
            unmapped += 1
        if not (pdfium_c.FPDFText_GetLooseCharBox(raw, k, ctypes.byref(box))
                and pdfium_c.FPDFText_GetCharOrigin(raw, k, ctypes.byref(ox), ctypes.byref(oy))):
            continue
        pdfium_c.FPDFText_GetFontInfo(raw, k, fname, 128, ctypes.byref(fflags))
        bold = pdfium_c.FPDFText_GetFontWeight(raw, k) >= 600 or bool(_BOLD_FONT.search(fname.value))
        chars.append((chr(u), box.left, box.right, oy.value, max(box.top - box.bottom, 1.0), bold))
    chars.sort(key=lambda c: -c[3])
    lines: list[list] = []
    for ch in chars:                              # same baseline (within a third of the size) = same line
        if not lines or lines[-1][0] - ch[3] > 0.35 * max(lines[-1][1], ch[4]):
            lines.append([ch[3], ch[4], []])
        lines[-1][2].append(ch)
    out = []
    for _, h, cs in lines:
        cs.sort(key=lambda c: c[1])
        ink = [c for c in cs if not c[0].isspace()]
        bold = bool(ink) and sum(c[5] for c in ink) >= 0.9 * len(ink)
        text, prev = "", None
        for c in cs:
            if c[0].isspace():                    # a space written in the PDF itself
                text += "" if text.endswith(" ") else " "
                prev = None
                continue
            if prev is not None:
                gap = c[1] - prev[2]
                latin = prev[0].isascii() and c[0].isascii() and prev[0].isalnum() and c[0].isalnum()
                if gap > h * (0.15 if latin else 0.25):   # CJK glyphs touch; a space is ≈0.3 em
                    text += " "
            text += c[0]
            prev = c
        out.append(PdfLine(text.strip(), bold))
    return [l for l in out if l], unmapped


def _pdfium_pages(data: bytes, name: str) -> tuple[list[list[str]], list[int]]:
    """Lines per page and the number of vector path objects per page (ruled tables have many)."""
    pdf = _open(data, name)
    try:
        pages, paths, unmapped, total = [], [], 0, 0
        for i in range(len(pdf)):
            page = pdf[i]
            tp = page.get_textpage()
            try:
                lines, bad = _page_lines(tp)
                pages.append(lines)
                unmapped += bad
                total += sum(len(l) for l in lines)
                paths.append(sum(1 for _ in page.get_objects(filter=[pdfium_c.FPDF_PAGEOBJ_PATH], max_depth=2)))
            finally:
                tp.close()
                page.close()
        if total and unmapped > total * 0.2:
            raise InputError(GARBLED.format(name=name))
        return pages, paths
    finally:
        pdf.close()


def _with_tables(data: bytes, pages: list[list[str]], paths: list[int]) -> list[list]:
    """Pages drawn with ruling lines go through pdfplumber, which finds tables (one item per row);
    it is ~100× slower than pypdfium2, so only those pages. A page it cannot handle keeps its lines."""
    todo = [n for n, p in enumerate(pages) if p and paths[n] >= MIN_TABLE_PATHS]
    if not todo:
        return pages
    try:
        import pdfplumber
        pdf = pdfplumber.open(io.BytesIO(data))
    except Exception:   # tables are an improvement; without them the lines still work
        return pages
    out = list(pages)
    with pdf:
        for n in todo:
            page = pdf.pages[n]
            try:
                items = _page_items(page)
                if any(not isinstance(it, str) for it in items):
                    out[n] = items
            except Exception:   # one odd page must not lose the document
                pass
            finally:
                page.close()
    return out


def _page_items(page) -> list:
    tables = page.find_tables()
    boxes = [t.bbox for t in tables]
    items = []
    for t in tables:
        for r, row in enumerate(t.extract()):
            cells = tuple(c or "" for c in row)
            if any(c.strip() for c in cells):
                items.append((t.bbox[1] + r * 0.001, cells))
    for line in page.extract_text_lines():
        mid_y, mid_x = (line["top"] + line["bottom"]) / 2, (line["x0"] + line["x1"]) / 2
        if any(x0 <= mid_x <= x1 and top <= mid_y <= bottom for x0, top, x1, bottom in boxes):
            continue
        items.append((line["top"], PdfLine(line["text"], _all_bold(line.get("chars") or []))))
    items.sort(key=lambda it: it[0])
    return [it for _, it in items]


def _all_bold(chars: list[dict]) -> bool:
    """A pdfplumber line is bold when (nearly) all its visible characters are set in a bold face — the
    same test as for pypdfium2's lines, so a page with a ruled table keeps its formatting-only headings."""
    ink = [c for c in chars if not (c.get("text") or " ").isspace()]
    bold = sum(1 for c in ink if _BOLD_FONT.search((c.get("fontname") or "").encode("utf-8", "replace")))
    return bool(ink) and bold >= 0.9 * len(ink)


def read_pdf(data: bytes, name: str) -> tuple[list[RawBlock], int, list[str]]:
    """(RawBlocks, page count, warnings)."""
    quick, paths = _pdfium_pages(data, name)
    _check_garbage("\n".join(l for p in quick for l in p), name)
    empty = [str(i + 1) for i, p in enumerate(quick) if not p]
    warnings = []
    if empty:
        warnings.append(f"第{'、'.join(empty)}页无文字层（可能为扫描页），这些页的内容未纳入审查，请核对原件")
    pages = _with_tables(data, quick, paths)
    blocks = []
    for t, p in rejoin(strip_running(pages)):
        if isinstance(t, str):
            blocks.append(RawBlock(body=t, page=p, formatting={"bold": getattr(t, "bold", False)}))
        else:
            blocks.append(RawBlock(body="", cells=_dedupe(t), page=p, kind="table_row"))
    return blocks, len(quick), warnings


def _dedupe(cells: list[str]) -> list[str]:
    out = []
    for c in cells:
        if c and (not out or out[-1] != c):
            out.append(c)
    return out
