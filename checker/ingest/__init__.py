"""Ingest: turn an uploaded file or a text string into a Document (text + blocks with offsets).

Public interface (called by checker.engine and the app):
  load(path) · load_bytes(data, name) · from_text(text, name="文本输入").
The file is read as what its bytes are (sniff.py), not what its name says: .docx, .pdf (text layer;
scanned pages through OCR), .txt/.md (encoding detected), .doc/.wps/.rtf/.odt (via LibreOffice when
installed), HTML saved as .doc, and .png/.jpg/.tif images (OCR). A wrong extension is a warning, not
a refusal. Anything unusable raises checker.errors.InputError with a Chinese message naming the file
and what to do; every limit is in limits.py.
"""
from __future__ import annotations

from pathlib import Path

from checker.errors import InputError
from checker.ingest import limits
from checker.ingest.common import SUPPORTED_TEXT, build_document, check_size, sha256
from checker.ingest.sniff import EXT_KIND, IMAGE_KINDS, KIND_NAMES, sniff
from checker.model import Document

__all__ = ["load", "load_bytes", "from_text"]

LIBREOFFICE_KINDS = {"doc": ".doc", "wps": ".wps", "rtf": ".rtf", "odt": ".odt"}
READABLE = {"docx", "pdf", "text", "html", *LIBREOFFICE_KINDS, *IMAGE_KINDS}
# Kinds one extension may legitimately hold without a warning.
_SAME = {".doc": {"doc", "wps"}, ".wps": {"doc", "wps"}, ".jpg": set(IMAGE_KINDS), ".jpeg": set(IMAGE_KINDS),
         ".png": set(IMAGE_KINDS), ".tif": set(IMAGE_KINDS), ".tiff": set(IMAGE_KINDS)}


def load(path: Path, progress=None, deadline: limits.Deadline | None = None) -> Document:
    """Read the file at ``path``; the format follows its content."""
    path = Path(path)
    name = path.name or str(path)
    try:
        if not path.exists():
            raise InputError(f"找不到文件“{path}”，请检查路径和文件名是否正确")
        if not path.is_file():
            raise InputError(f"“{path}”不是文件（可能是文件夹），请指定要审查的协议文件")
        limits.check_file_size(path.stat().st_size, name)     # refuse before reading it into memory
        data = path.read_bytes()
    except PermissionError:
        raise InputError(f"没有权限读取文件“{path}”，请检查文件权限") from None
    except OSError as e:
        raise InputError(f"无法读取文件“{path}”（{e.strerror or e}），请确认文件可以打开") from None
    return load_bytes(data, name, progress=progress, deadline=deadline)


def load_bytes(data: bytes, name: str, progress=None, deadline: limits.Deadline | None = None) -> Document:
    """Read uploaded ``data``. ``progress(done, total, message)`` follows OCR page by page;
    ``deadline`` is the per-document time budget (limits.Deadline)."""
    ext = Path(name).suffix.lower()
    check_size(data, name)
    kind = sniff(data)
    if kind == "empty":
        raise InputError(f"文件“{name}”中没有可识别的文字（文件为空），请确认上传了正确的文件")
    if kind == "ole_encrypted":
        raise InputError(f"文件“{name}”已加密（设置了打开密码的 Word 文档），无法读取；请在 Word 中"
                         "“文件 → 信息 → 保护文档 → 用密码进行加密”清空密码并保存后再上传")
    if kind in ("zip", "ooxml_other") and ext == ".docx":
        kind = "docx"               # the Word reader names what is wrong with the package
    if kind == "binary" and ext in (".txt", ".md", ".markdown"):
        kind = "text"               # the text reader says why the bytes are not text
    if kind not in READABLE:
        raise InputError(_unsupported(name, ext, kind))
    warnings = _extension_warning(name, ext, kind)
    doc = _read(kind, ext, data, name, progress, deadline)
    doc.warnings[:0] = warnings
    limits.check_chars(len(doc.text), name)
    return doc


def _unsupported(name: str, ext: str, kind: str) -> str:
    shown = ext or "（无扩展名）"
    what = KIND_NAMES.get(kind)
    if kind in ("binary", "zip") or what is None:
        return f"不支持的文件格式“{shown}”（文件“{name}”），请上传以下格式之一：{SUPPORTED_TEXT}"
    return f"文件“{name}”的内容是{what}，不是协议文档，请上传以下格式之一：{SUPPORTED_TEXT}"


def _extension_warning(name: str, ext: str, kind: str) -> list[str]:
    expected = EXT_KIND.get(ext)
    if expected == kind or kind in _SAME.get(ext, ()):
        return []
    what = KIND_NAMES.get(kind, kind)
    if not ext:
        return [f"文件“{name}”没有扩展名，按内容识别为{what}读取"]
    if expected is None:
        return [f"文件“{name}”的扩展名“{ext}”不是受支持的协议格式，按内容识别为{what}读取；请改正扩展名"]
    return [f"文件“{name}”的扩展名是“{ext}”，但内容实际是{what}，已按{what}读取；请改正扩展名"]


def _read(kind: str, ext: str, data: bytes, name: str, progress, deadline) -> Document:
    digest = sha256(data)
    if kind in LIBREOFFICE_KINDS:
        from checker.ingest.doc_reader import convert_with_soffice, doc_to_docx, soffice_path
        if kind == "doc":
            data = doc_to_docx(data, name)
        else:
            if soffice_path() is None:
                raise InputError(f"无法读取{KIND_NAMES[kind]}“{name}”：本机未安装 LibreOffice，"
                                 "请在 WPS 或 Word 中另存为 .docx 后再上传")
            data = convert_with_soffice(data, name, LIBREOFFICE_KINDS[kind], "docx")
        kind = "converted:" + kind
    if kind == "docx" or kind.startswith("converted:"):
        from checker.ingest.docx_reader import read_docx
        fmt = "docx" if kind == "docx" else ("doc" if kind == "converted:doc" else kind.split(":")[1])
        raw, pages = read_docx(data, name)
        return build_document(name, fmt, raw, digest, pages=pages)
    if kind == "pdf":
        from checker.ingest import ocr
        from checker.ingest.pdf_scan import read_pdf_with_ocr
        raw, pages, warnings, info = read_pdf_with_ocr(data, name, progress, deadline)
        if info is not None and not raw:
            raise ocr.nothing_read(name)
        doc = build_document(name, "pdf", raw, digest, pages=pages, warnings=warnings)
        doc.ocr = info
        return doc
    if kind in IMAGE_KINDS:
        from checker.ingest import ocr
        if not ocr.available():
            raise ocr.not_available(name, "是图像文件")
        frames = ocr.image_frames(data, name)
        pages = ocr.ocr_images(frames, len(frames), name, progress, deadline)
        info = ocr.summary(pages, len(frames))
        raw = ocr.pages_to_blocks(pages)
        if not raw:
            raise ocr.nothing_read(name)
        doc = build_document(name, "image", raw, digest, pages=len(frames),
                             warnings=ocr.notice(info))
        doc.ocr = info
        return doc
    if kind == "html":
        from checker.ingest.html_reader import read_html
        return build_document(name, "html", read_html(data, name), digest)
    from checker.ingest.text_reader import decode_text, text_blocks
    text, _enc = decode_text(data, name)
    fmt = "md" if ext in (".md", ".markdown") else "txt"
    return build_document(name, fmt, text_blocks(text, markdown=fmt == "md"), digest)


def from_text(text: str, name: str = "文本输入") -> Document:
    """A pasted agreement text: one block per non-empty line, format "text"."""
    from checker.ingest.text_reader import text_blocks
    if text is None or not str(text).strip():
        raise InputError(f"“{name}”中没有可识别的文字，请粘贴协议全文后再提交")
    text = str(text)
    limits.check_chars(len(text), name)
    return build_document(name, "text", text_blocks(text), sha256(text.encode("utf-8")))
