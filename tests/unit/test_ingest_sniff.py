"""Content, not extension: each kind of file is read as what it is, with the exact warning or refusal."""
from __future__ import annotations

import io
import struct
import zipfile
import zlib
from pathlib import Path

import pytest

from checker import ingest
from checker.errors import InputError
from checker.ingest.sniff import sniff
from test_ingest_fixtures import needs_soffice, soffice_convert

CORPUS = Path(__file__).resolve().parents[1] / "corpus"
TEXT = "某某产业技术创新战略联盟协议书\n第一条 联盟名称为“某某产业技术创新战略联盟”。\n第二条 各方共同遵守本协议。\n"


def test_sniff_kinds():
    assert sniff((CORPUS / "c01.docx").read_bytes()) == "docx"
    assert sniff((CORPUS / "c02.pdf").read_bytes()) == "pdf"
    assert sniff((CORPUS / "c08.doc").read_bytes()) == "doc"
    assert sniff(TEXT.encode("gb18030")) == "text"
    assert sniff(TEXT.encode("utf-16")) == "text"
    assert sniff(b"{\\rtf1\\ansi hello}") == "rtf"
    assert sniff(b"<html><body><p>x</p></body></html>") == "html"
    assert sniff(b"\x89PNG\r\n\x1a\n" + b"\0" * 20) == "png"
    assert sniff(b"\xff\xd8\xff\xe0" + b"\0" * 20) == "jpeg"
    assert sniff(b"II*\x00" + b"\0" * 20) == "tiff"
    assert sniff(b"") == "empty"
    assert sniff(bytes(range(256)) * 4) == "binary"


def test_docx_named_pdf_is_read_as_docx_with_a_warning():
    doc = ingest.load_bytes((CORPUS / "c01.docx").read_bytes(), "协议.pdf")
    assert doc.format == "docx"
    assert doc.warnings[0] == "文件“协议.pdf”的扩展名是“.pdf”，但内容实际是Word 文档（.docx），已按Word 文档（.docx）读取；请改正扩展名"
    assert doc.text == ingest.load(CORPUS / "c01.docx").text


def test_pdf_named_docx_is_read_as_pdf():
    doc = ingest.load_bytes((CORPUS / "c02.pdf").read_bytes(), "协议.docx")
    assert doc.format == "pdf" and doc.pages == 5
    assert "内容实际是PDF 文件" in doc.warnings[0]
    assert doc.text == ingest.load(CORPUS / "c02.pdf").text


def test_text_without_extension_and_text_named_doc():
    doc = ingest.load_bytes(TEXT.encode("gb18030"), "协议")
    assert doc.format == "txt" and doc.text.split("\n")[1].startswith("第一条")
    assert doc.warnings == ["文件“协议”没有扩展名，按内容识别为纯文本文件读取"]
    doc = ingest.load_bytes(TEXT.encode("utf-16"), "协议.doc")
    assert doc.format == "txt" and "内容实际是纯文本文件" in doc.warnings[0]


def test_html_saved_as_doc_is_read_as_html():
    html = ("<html xmlns:w='urn:schemas-microsoft-com:office:word'><head><meta charset='gbk'><style>p{}</style></head>"
            "<body><div class=WordSection1><p class=MsoNormal>某某产业技术创新战略联盟协议书</p>"
            "<p>第一条 联盟名称<br>为“某某联盟”。</p><table><tr><td>甲方（盖章）</td><td>乙方（盖章）</td></tr></table>"
            "</div><script>alert(1)</script></body></html>")
    doc = ingest.load_bytes(html.encode("gbk"), "网页.doc")
    assert doc.format == "html"
    assert doc.text.split("\n") == ["某某产业技术创新战略联盟协议书", "第一条 联盟名称", "为“某某联盟”。", "甲方（盖章）\t乙方（盖章）"]
    assert doc.blocks[-1].kind == "table_row"
    assert "内容实际是网页（HTML）文件" in doc.warnings[0]


def test_password_protected_docx_has_its_own_message():
    import olefile  # noqa: F401  (the real container format is parsed)
    fake = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 500 + "EncryptedPackage".encode("utf-16-le") + b"\0" * 100
    with pytest.raises(InputError) as e:
        ingest.load_bytes(fake, "加密.docx")
    assert str(e.value) == ("文件“加密.docx”已加密（设置了打开密码的 Word 文档），无法读取；请在 Word 中"
                            "“文件 → 信息 → 保护文档 → 用密码进行加密”清空密码并保存后再上传")


def test_spreadsheet_and_binary_are_refused():
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        z.writestr("[Content_Types].xml", "<Types/>")
        z.writestr("xl/workbook.xml", "<workbook/>")
    with pytest.raises(InputError, match="^文件“名单.xlsx”的内容是Excel/PowerPoint 文件，不是协议文档"):
        ingest.load_bytes(buf.getvalue(), "名单.xlsx")
    with pytest.raises(InputError, match="^不支持的文件格式“.exe”"):
        ingest.load_bytes(bytes(range(256)) * 8, "程序.exe")


def test_truncated_docx_is_refused_as_damaged():
    data = (CORPUS / "c01.docx").read_bytes()
    with pytest.raises(InputError, match="已损坏或不是有效的 .docx"):
        ingest.load_bytes(data[: len(data) // 2], "截断.docx")


def _png_header(w: int, h: int) -> bytes:
    def chunk(kind, body):
        return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body))
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", w, h, 8, 0, 0, 0, 0))
            + chunk(b"IDAT", zlib.compress(b"\0" * 10)) + chunk(b"IEND", b""))


def test_image_bomb_and_broken_image_are_refused():
    pytest.importorskip("rapidocr")
    with pytest.raises(InputError, match=r"^图像“巨图.png”过大（20000×20000 像素"):
        ingest.load_bytes(_png_header(20000, 20000), "巨图.png")
    with pytest.raises(InputError, match="^图像文件“坏图.png”已损坏或无法解析"):
        ingest.load_bytes(b"\x89PNG\r\n\x1a\n" + b"\x00\x01" * 40, "坏图.png")


def test_image_without_ocr_says_how_to_enable(monkeypatch):
    from checker.ingest import ocr
    monkeypatch.setattr(ocr, "available", lambda: False)
    with pytest.raises(InputError) as e:
        ingest.load_bytes(_png_header(100, 100), "扫描.png")
    assert str(e.value).startswith("“扫描.png”是图像文件，需要文字识别（OCR）才能审查，但本机未安装 OCR 组件。")
    assert "pip install -e '.[ocr]'" in str(e.value)


@needs_soffice
@pytest.mark.libreoffice
def test_rtf_and_wps_go_through_libreoffice(tmp_path):
    doc = ingest.load_bytes(soffice_convert(CORPUS / "c01.docx", "rtf", tmp_path).read_bytes(), "协议.rtf")
    assert doc.format == "rtf" and doc.warnings == []
    assert "联盟" in doc.text
    wps = soffice_convert(CORPUS / "c01.docx", "doc", tmp_path).read_bytes()   # WPS saves Word-compatible OLE2
    doc = ingest.load_bytes(wps, "协议.wps")
    assert doc.format == "doc" and doc.warnings == []
    rtf_as_doc = ingest.load_bytes(b"{\\rtf1\\ansi\\deff0 {\\fonttbl {\\f0 SimSun;}}\\f0 \\uc1\\u31532?\\u19968?\\u26465? hello\\par}", "协议.doc")
    assert rtf_as_doc.format == "rtf" and "内容实际是RTF 文档" in rtf_as_doc.warnings[0]


def test_wps_without_libreoffice(monkeypatch):
    from checker.ingest import doc_reader
    monkeypatch.setattr(doc_reader, "soffice_path", lambda: None)
    with pytest.raises(InputError, match="^无法读取RTF 文档“协议.rtf”：本机未安装 LibreOffice"):
        ingest.load_bytes(b"{\\rtf1\\ansi hello\\par}", "协议.rtf")
