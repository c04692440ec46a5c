"""Read a PDF's text layer with pypdfium2 (≈1 ms/page) into paragraph RawBlocks with page numbers.

A scanned PDF has no text layer, and fonts without a Unicode map give "(cid:NNN)" or private-use
garbage (tech_notes.md "PDF"): both are refused with a clear message instead of passing on garbage.
"""
from __future__ import annotations

import re

import pypdfium2 as pdfium

from checker.errors import InputError
from checker.ingest.common import RawBlock
from checker.ingest.pdf_lines import rejoin, strip_running

SCANNED = "该PDF为扫描件/无文字层，请提供可复制文字的版本或先做OCR"
_CID = re.compile(r"\(cid:\d+\)")


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
        raise InputError(f"PDF 文件“{name}”的文字层无法正确解码（字体缺少编码映射，提取出乱码），"
                         "请提供由 Word 直接导出的 PDF 或 .docx 原件")


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


def read_pdf(data: bytes, name: str) -> tuple[list[RawBlock], int, list[str]]:
    """(RawBlocks, page count, warnings)."""
    pdf = _open(data, name)
    try:
        pages: list[list[str]] = []
        for i in range(len(pdf)):
            page = pdf[i]
            tp = page.get_textpage()
            try:
                text = tp.get_text_range()
            finally:
                tp.close()
                page.close()
            pages.append([l for l in re.split(r"\r\n|\r|\n", text) if l.strip()])
        n_pages = len(pdf)
    finally:
        pdf.close()
    _check_garbage("\n".join(l for p in pages for l in p), name)
    empty = [str(i + 1) for i, p in enumerate(pages) if not p]
    warnings = []
    if empty:
        warnings.append(f"第{'、'.join(empty)}页无文字层（可能为扫描页），这些页的内容未纳入审查，请核对原件")
    blocks = [RawBlock(body=t, page=p) for t, p in rejoin(strip_running(pages))]
    return blocks, n_pages, warnings
