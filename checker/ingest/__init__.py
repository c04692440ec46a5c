"""Ingest: turn an uploaded file or a text string into a Document (text + blocks with offsets).

Public interface (called by checker.engine and the app):
  load(path) · load_bytes(data, name) · from_text(text, name="文本输入").
Formats: .docx (auto-numbering rendered), .pdf (text layer), .txt/.md (encoding detected),
.doc (via LibreOffice when installed). Anything unusable raises checker.errors.InputError with a
Chinese message naming the file and what to do.
"""
from __future__ import annotations

from pathlib import Path

from checker.errors import InputError
from checker.ingest.common import MAX_FILE_BYTES, SUPPORTED_TEXT, build_document, check_size, sha256
from checker.model import Document

__all__ = ["load", "load_bytes", "from_text"]


def load(path: Path) -> Document:
    """Read the file at ``path``; the format follows its extension."""
    path = Path(path)
    name = path.name or str(path)
    try:
        if not path.exists():
            raise InputError(f"找不到文件“{path}”，请检查路径和文件名是否正确")
        if not path.is_file():
            raise InputError(f"“{path}”不是文件（可能是文件夹），请指定要审查的协议文件")
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:                      # refuse before reading it into memory
            raise InputError(f"文件“{name}”过大（{size / 1024 / 1024:.1f} MB，上限 "
                             f"{MAX_FILE_BYTES // 1024 // 1024} MB），请删除图片等附带内容后再上传")
        data = path.read_bytes()
    except PermissionError:
        raise InputError(f"没有权限读取文件“{path}”，请检查文件权限") from None
    except OSError as e:
        raise InputError(f"无法读取文件“{path}”（{e.strerror or e}），请确认文件可以打开") from None
    return load_bytes(data, name)


def load_bytes(data: bytes, name: str) -> Document:
    """Read uploaded ``data``; the format follows the extension of ``name``."""
    ext = Path(name).suffix.lower()
    if ext == ".markdown":
        ext = ".md"
    if ext not in (".docx", ".pdf", ".txt", ".md", ".doc"):
        shown = ext or "（无扩展名）"
        raise InputError(f"不支持的文件格式“{shown}”（文件“{name}”），请上传以下格式之一：{SUPPORTED_TEXT}")
    check_size(data, name)
    if not data or not data.strip():
        raise InputError(f"文件“{name}”中没有可识别的文字（文件为空），请确认上传了正确的文件")
    digest = sha256(data)
    if ext in (".docx", ".doc"):
        from checker.ingest.docx_reader import read_docx
        fmt = ext[1:]
        docx_data = data
        if ext == ".doc" and data[:2] != b"PK":            # a .docx misnamed .doc needs no conversion
            from checker.ingest.doc_reader import doc_to_docx
            docx_data = doc_to_docx(data, name)
        raw, pages = read_docx(docx_data, name)
        return build_document(name, fmt, raw, digest, pages=pages)
    if ext == ".pdf":
        from checker.ingest.pdf_reader import read_pdf
        raw, pages, warnings = read_pdf(data, name)
        return build_document(name, "pdf", raw, digest, pages=pages, warnings=warnings)
    from checker.ingest.text_reader import decode_text, text_blocks
    text, _enc = decode_text(data, name)
    return build_document(name, ext[1:], text_blocks(text, markdown=ext == ".md"), digest)


def from_text(text: str, name: str = "文本输入") -> Document:
    """A pasted agreement text: one block per non-empty line, format "text"."""
    from checker.ingest.text_reader import text_blocks
    if text is None or not str(text).strip():
        raise InputError(f"“{name}”中没有可识别的文字，请粘贴协议全文后再提交")
    text = str(text)
    return build_document(name, "text", text_blocks(text), sha256(text.encode("utf-8")))
