"""PDFs whose pages (all or some) have no usable text layer: find those pages and OCR them.

A page needs OCR when it shows an image and (almost) no text characters (a scan), or when its text is garbage — "(cid:NNN)",
private-use or unmapped glyphs (tech_notes.md "PDF"). Pages with a good text layer keep it; a
text PDF with one scanned signature page gets that page recognised and merged in page order.
"""
from __future__ import annotations

import ctypes

from checker.errors import InputError
from checker.ingest import limits, ocr
from checker.ingest.common import RawBlock

MIN_CHARS = 20          # fewer real characters than this on a page: treat it as a scan


def pages_needing_ocr(data: bytes, name: str) -> tuple[int, list[int]]:
    """(page count, 0-based pages without a usable text layer). Raises the PDF reader's messages
    for broken or encrypted files."""
    import pypdfium2.raw as pdfium_c
    from checker.ingest.pdf_reader import _garbage_ratio, _open
    pdf = _open(data, name)
    try:
        n = len(pdf)
        limits.check_pages(n, name)
        need = []
        for i in range(n):
            page = pdf[i]
            tp = page.get_textpage()
            try:
                text = tp.get_text_range()
                count = pdfium_c.FPDFText_CountChars(tp.raw)
                unmapped = sum(1 for k in range(count) if pdfium_c.FPDFText_HasUnicodeMapError(tp.raw, k) == 1)
                real = sum(1 for c in text if not c.isspace())
                garbage = _garbage_ratio(text) > 0.2 or (real and unmapped > real * 0.2)
                # a short page of real text (“本页无正文”) keeps it; a picture with little or no text is a scan
                scan = real < MIN_CHARS and any(True for _ in page.get_objects(
                    filter=[pdfium_c.FPDF_PAGEOBJ_IMAGE], max_depth=2))
                if garbage or scan:
                    need.append(i)
            finally:
                tp.close()
                page.close()
        return n, need
    finally:
        pdf.close()


def read_pdf_with_ocr(data: bytes, name: str, progress=None, deadline=None
                      ) -> tuple[list[RawBlock], int, list[str], dict | None]:
    """(blocks, page count, warnings, OCR summary or None) for any readable PDF."""
    from checker.ingest.pdf_reader import read_pdf
    n, need = pages_needing_ocr(data, name)
    if not need:
        blocks, pages, warnings = read_pdf(data, name)
        return blocks, pages, warnings, None
    all_scanned = len(need) == n
    if not ocr.available():
        if all_scanned:
            raise ocr.not_available(name, "是扫描件/无文字层")
        blocks, pages, warnings = read_pdf(data, name)
        return blocks, pages, warnings + [f"{ocr.page_list([i + 1 for i in need])}没有可用的文字层（可能为扫描页），"
                                          f"这些页未纳入审查。{ocr.ENABLE_HINT}"], None
    limits.check_ocr_pages(len(need), name)
    text_blocks: list[RawBlock] = []
    warnings: list[str] = []
    if not all_scanned:
        try:
            text_blocks, _, warnings = read_pdf(data, name)
        except InputError:          # the text layer is garbage overall: recognise every page
            need, text_blocks = list(range(n)), []
        warnings = [w for w in warnings if "无文字层" not in w]    # those pages are now recognised
        skip = {i + 1 for i in need}
        text_blocks = [b for b in text_blocks if b.page not in skip]
    pages = ocr.ocr_images(ocr.pdf_page_images(data, need, name), len(need), name, progress, deadline)
    ocr_blocks = ocr.pages_to_blocks(pages)
    merged = sorted(text_blocks + ocr_blocks, key=lambda b: b.page or 0)     # stable: order within a page kept
    info = ocr.summary(pages, n)
    return merged, n, warnings + ocr.notice(info), info
