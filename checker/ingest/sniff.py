"""Tell what a file really is from its first bytes, whatever its name says.

Users rename files, mail clients drop extensions and Word saves “网页” as .doc; reading by content
and warning about the name is kinder than refusing. Kinds: docx (OOXML zip with word/document.xml),
ooxml_other (xlsx/pptx), odt, zip, pdf, doc (OLE2 Word), wps (OLE2 Kingsoft WPS), ole_encrypted
(OLE2 holding an EncryptedPackage: a password-protected .docx), ole_other (xls/ppt…), rtf, html,
png/jpeg/tiff/bmp/gif (images), text, empty, binary.
"""
from __future__ import annotations

import io
import re
import zipfile

OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
IMAGE_KINDS = ("png", "jpeg", "tiff", "bmp", "gif", "webp")

# What each kind is called in a message, and the extension it should have had.
KIND_NAMES = {
    "docx": "Word 文档（.docx）", "pdf": "PDF 文件", "doc": "旧版 Word 文档（.doc）", "wps": "WPS 文字文档（.wps）",
    "rtf": "RTF 文档", "html": "网页（HTML）文件", "text": "纯文本文件", "png": "PNG 图像", "jpeg": "JPEG 图像",
    "tiff": "TIFF 图像", "bmp": "BMP 图像", "gif": "GIF 图像", "webp": "WebP 图像", "odt": "OpenDocument 文档（.odt）",
    "ooxml_other": "Excel/PowerPoint 文件", "ole_other": "旧版 Excel/PowerPoint 文件", "zip": "压缩包",
    "ole_encrypted": "加密的 Office 文件", "binary": "二进制文件", "empty": "空文件",
}
EXT_KIND = {".docx": "docx", ".pdf": "pdf", ".doc": "doc", ".wps": "wps", ".rtf": "rtf", ".html": "html",
            ".htm": "html", ".txt": "text", ".md": "text", ".markdown": "text", ".png": "png", ".jpg": "jpeg",
            ".jpeg": "jpeg", ".tif": "tiff", ".tiff": "tiff", ".odt": "odt"}

_HTML = re.compile(rb"^\s*(<\?xml[^>]*>\s*)?(<!--.*?-->\s*)*(<!doctype\s+html|<html|<head|<body|<meta|<div|<p[\s>]|<table)",
                   re.I | re.S)
_MSO_HTML = re.compile(rb"urn:schemas-microsoft-com:office:word|<w:WordDocument", re.I)


def sniff(data: bytes) -> str:
    """The kind of ``data`` (see the module docstring)."""
    if not data or not data.strip():
        return "empty"
    head = data[:16]
    if head.startswith(b"PK\x03\x04") or head.startswith(b"PK\x05\x06"):
        return _zip_kind(data)
    if data[:1024].lstrip().startswith(b"%PDF-") or b"%PDF-" in data[:1024]:
        return "pdf"
    if head.startswith(OLE_MAGIC):
        return _ole_kind(data)
    if data.lstrip()[:5] == b"{\\rtf":
        return "rtf"
    if head.startswith(b"\x89PNG\r\n\x1a\n"):
        return "png"
    if head.startswith(b"\xff\xd8\xff"):
        return "jpeg"
    if head[:4] in (b"II*\x00", b"MM\x00*"):
        return "tiff"
    if head.startswith(b"BM") and len(data) > 26:
        return "bmp"
    if head[:6] in (b"GIF87a", b"GIF89a"):
        return "gif"
    if head[:4] == b"RIFF" and data[8:12] == b"WEBP":
        return "webp"
    probe = _as_ascii(data[:4096])
    if _HTML.match(probe) or (_MSO_HTML.search(probe) and b"<" in probe):
        return "html"
    return "text" if _looks_textual(data) else "binary"


def _as_ascii(chunk: bytes) -> bytes:
    """HTML saved as UTF-16 (Word's “网页” option can do that) has NULs between the ASCII bytes."""
    for bom in (b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff"):
        if chunk.startswith(bom):
            chunk = chunk[len(bom):]
            break
    if chunk.count(b"\x00") > len(chunk) // 4:
        chunk = chunk.replace(b"\x00", b"")
    return chunk


def _zip_kind(data: bytes) -> str:
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as z:
            names = set(z.namelist())
    except (zipfile.BadZipFile, ValueError, OSError, EOFError, NotImplementedError):
        # a truncated .docx: the local header is there but the directory is not
        return "docx" if b"word/" in data[:65536] else "zip"
    if "word/document.xml" in names or any(n.startswith("word/") for n in names):
        return "docx"
    if any(n.startswith(("xl/", "ppt/")) for n in names):
        return "ooxml_other"
    if "content.xml" in names and "mimetype" in names:
        return "odt"
    return "zip"


def _ole_kind(data: bytes) -> str:
    try:
        import olefile
        with olefile.OleFileIO(io.BytesIO(data)) as ole:
            streams = {"/".join(s) for s in ole.listdir(streams=True, storages=True)}
    except Exception:   # a damaged OLE2 file: fall back to the stream names' UTF-16 bytes
        streams = {n for n in ("EncryptedPackage", "WordDocument", "WpsDocument", "Workbook", "PowerPoint Document")
                   if n.encode("utf-16-le") in data}
    if "EncryptedPackage" in streams or "EncryptionInfo" in streams:
        return "ole_encrypted"
    if "WordDocument" in streams:
        return "doc"
    if "WpsDocument" in streams or any(s.lower().startswith("wps") for s in streams):
        return "wps"
    if not streams:                 # unreadable directory: let LibreOffice try it as a Word file
        return "doc"
    return "ole_other"


def _looks_textual(data: bytes) -> bool:
    """Can the bytes be read as text in one of the encodings text_reader knows?"""
    from checker.ingest.text_reader import decode_text
    from checker.errors import InputError
    try:
        decode_text(data[:65536] if len(data) <= 65536 else _cut_clean(data[:65536]), "")
        return True
    except InputError:
        return False


def _cut_clean(chunk: bytes) -> bytes:
    """Drop a possibly split multi-byte character at the end of a probe."""
    for cut in range(0, 4):
        part = chunk[:len(chunk) - cut]
        for enc in ("utf-8", "gb18030"):
            try:
                part.decode(enc)
                return part
            except UnicodeDecodeError:
                pass
    if chunk.count(b"\x00") > len(chunk) // 8 and len(chunk) % 2:
        return chunk[:-1]
    return chunk
