"""PDF ingest: running headers/footers and page numbers removed, broken lines and page breaks
rejoined, page numbers on blocks, scanned / encrypted / corrupt PDFs refused with Chinese text."""
from __future__ import annotations

import zlib
from pathlib import Path

import docx
import pytest
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls

from checker import ingest
from checker.errors import InputError
from checker.ingest.pdf_lines import rejoin, strip_running
from test_ingest_fixtures import needs_soffice, soffice_convert

HEADER = "某某产业技术创新战略联盟协议书（草案）"
LONG = ("联盟成员应当按照本协议的约定共同开展关键共性技术研究，并对研究成果的归属、使用和收益分配作出明确安排，"
        "确保各方权利义务对等，联盟秘书处负责记录每一项研究任务的进度、经费使用情况和阶段成果，"
        "并在每个季度结束后十五日内向理事会提交书面报告，理事会审议通过后报送各成员单位备案，")


PREFACE = "鉴于各方均有意共同组建本联盟，经友好协商，达成如下协议，以资共同遵守。"


def article(i: int) -> str:
    cut = i * 13 % len(LONG)                 # every article reads differently
    return f"第{i}条 {LONG[cut:]}{LONG[:cut]}第{i}条约定的事项到此为止。"


def agreement_pdf(path_docx: Path) -> Path:
    """A multi-page PDF exported by LibreOffice from a DOCX with a running header and a
    "第 N 页 共 M 页" footer; long paragraphs so that some sentence crosses a page break."""
    d = docx.Document()
    sec = d.sections[0]
    sec.header.paragraphs[0].text = HEADER
    fp = sec.footer.paragraphs[0]
    fp.text = "第 "
    field = lambda instr: parse_xml(f'<w:fldSimple {nsdecls("w")} w:instr="{instr}"><w:r><w:t>1</w:t></w:r></w:fldSimple>')
    fp._p.append(field("PAGE"))
    fp.add_run(" 页 共 ")
    fp._p.append(field("NUMPAGES"))
    fp.add_run(" 页")
    d.add_paragraph("联盟协议书")
    d.add_paragraph(PREFACE)                  # shifts the layout so that a page break falls inside 第9条
    for i in range(1, 16):
        d.add_paragraph(article(i))
    d.save(path_docx)
    return soffice_convert(path_docx, "pdf", path_docx.parent)


def _pdf(objects: list[bytes]) -> bytes:
    """A minimal, well-formed PDF from numbered object bodies (1-based), with a correct xref."""
    out, offsets = bytearray(b"%PDF-1.4\n"), []
    for i, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % i + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % o for o in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    return bytes(out)


def _stream(content: bytes, extra: bytes = b"") -> bytes:
    return b"<< /Length %d %s >>\nstream\n" % (len(content), extra) + content + b"\nendstream"


def scanned_pdf(text_page: bool = False) -> bytes:
    """Page 1 shows only an image (like a scan); with ``text_page`` a 2nd page has real text."""
    img = zlib.compress(bytes([128]) * 64)
    kids = b"[3 0 R 6 0 R]" if text_page else b"[3 0 R]"
    objs = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids %s /Count %d >>" % (kids, 2 if text_page else 1),
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] /Contents 4 0 R "
        b"/Resources << /XObject << /Im1 5 0 R >> >> >>",
        _stream(b"q 100 0 0 100 50 50 cm /Im1 Do Q"),
        _stream(img, b"/Type /XObject /Subtype /Image /Width 8 /Height 8 /ColorSpace /DeviceGray "
                     b"/BitsPerComponent 8 /Filter /FlateDecode"),
    ]
    if text_page:
        objs += [
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] /Contents 7 0 R "
            b"/Resources << /Font << /F1 8 0 R >> >> >>",
            _stream(b"BT /F1 12 Tf 20 150 Td (Article 1. The parties agree.) Tj ET"),
            b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
        ]
    return _pdf(objs)


@needs_soffice
@pytest.mark.libreoffice
def test_headers_page_numbers_removed_and_lines_rejoined(tmp_path):
    pdf = agreement_pdf(tmp_path / "联盟协议.docx")
    doc = ingest.load(pdf)
    assert doc.format == "pdf" and doc.pages and doc.pages >= 2
    assert HEADER not in doc.text
    assert "页 共" not in doc.text and "第1页" not in doc.text.replace(" ", "")
    texts = doc.text.split("\n")
    assert texts[:2] == ["联盟协议书", PREFACE]
    # every article is one block again, whole, even the one broken across a page
    assert texts[2:] == [article(i) for i in range(1, 16)]
    import pypdfium2
    raw_page2 = pypdfium2.PdfDocument(str(pdf))[1].get_textpage().get_text_range().split("\r\n")
    assert raw_page2[0] == HEADER and not raw_page2[1].startswith("第"), "fixture: page 2 must open mid-article"
    assert doc.blocks[0].page == 1 and doc.blocks[-1].page == doc.pages
    pages = [b.page for b in doc.blocks]
    assert pages == sorted(pages) and len(set(pages)) == doc.pages
    for b in doc.blocks:
        assert doc.text[b.start:b.end] == b.text


def test_rejoin_rules():
    pages = [["第一条 联盟成员应当共同开展关键共性技术研究并对成果的归属作出", "明确安排。",
              "第二条 短标题", "（一）本项约定", "乙方：某某大学",
              "某某产业技术创新战略联盟协议书签署页（以下无正文，各方签章见下）某某", "甲方：某某研究院"],
             ["甲方负责组织协调联盟的日常工作并定期向理事会报告联盟工作进展情况和", "经费使用情况。",
              "联盟成员违反本协议约定的，应当承担相应的违约责任并按照本协议", "第十条约定的方式解决争议。"]]
    paras = rejoin(pages)
    assert [t for t, _ in paras] == [
        "第一条 联盟成员应当共同开展关键共性技术研究并对成果的归属作出明确安排。", "第二条 短标题",
        "（一）本项约定", "乙方：某某大学", "某某产业技术创新战略联盟协议书签署页（以下无正文，各方签章见下）某某",
        "甲方：某某研究院",
        "甲方负责组织协调联盟的日常工作并定期向理事会报告联盟工作进展情况和经费使用情况。",
        "联盟成员违反本协议约定的，应当承担相应的违约责任并按照本协议第十条约定的方式解决争议。"]
    assert [p for _, p in paras] == [1, 1, 1, 1, 1, 1, 2, 2]


def test_strip_running_headers_and_page_numbers():
    body = ["甲方负责组织协调。", "乙方负责技术研发。", "丙方负责成果转化。", "丁方负责经费管理。"]
    pages = [["某联盟协议书", body[i - 1], f"- {i} -"] for i in range(1, 5)]
    pages[1][-1] = "2/4"
    pages[2][-1] = "第3页 共4页"
    pages[3][-1] = "第 4 页"
    assert strip_running(pages) == [[b] for b in body]


def test_scanned_pdf_without_ocr_says_how_to_enable(monkeypatch):
    from checker.ingest import ocr
    monkeypatch.setattr(ocr, "available", lambda: False)
    with pytest.raises(InputError, match=r"扫描件/无文字层.*未安装 OCR 组件.*\[ocr\]"):
        ingest.load_bytes(scanned_pdf(), "扫描件.pdf")


def test_blank_scanned_pdf_is_refused_after_ocr():
    pytest.importorskip("rapidocr")
    with pytest.raises(InputError, match="扫描件/无文字层.*没有识别出任何文字"):
        ingest.load_bytes(scanned_pdf(), "扫描件.pdf")


def test_partly_scanned_pdf_warns(monkeypatch):
    from checker.ingest import ocr
    monkeypatch.setattr(ocr, "available", lambda: False)
    doc = ingest.load_bytes(scanned_pdf(text_page=True), "部分扫描.pdf")
    assert doc.text == "Article 1. The parties agree."
    assert doc.pages == 2 and doc.blocks[0].page == 2
    assert any("第1页无文字层" in w for w in doc.warnings)
    assert any("第1页没有可用的文字层" in w and "[ocr]" in w for w in doc.warnings)


@needs_soffice
@pytest.mark.libreoffice
def test_image_only_pdf_from_libreoffice_is_refused(tmp_path, monkeypatch):
    from checker.ingest import ocr
    monkeypatch.setattr(ocr, "available", lambda: False)
    from PIL import Image
    png = tmp_path / "scan.png"
    Image.new("L", (200, 100), 200).save(png)
    d = docx.Document()
    d.add_picture(str(png))
    src = tmp_path / "扫描.docx"
    d.save(src)
    with pytest.raises(InputError, match="扫描件/无文字层"):
        ingest.load(soffice_convert(src, "pdf", tmp_path))


@needs_soffice
@pytest.mark.libreoffice
def test_encrypted_pdf_is_refused(tmp_path):
    src = tmp_path / "加密.docx"
    d = docx.Document()
    d.add_paragraph("第一条 保密内容。")
    d.save(src)
    opts = ('pdf:writer_pdf_Export:{"EncryptFile":{"type":"boolean","value":"true"},'
            '"DocumentOpenPassword":{"type":"string","value":"abc"}}')
    with pytest.raises(InputError, match="已加密"):
        ingest.load(soffice_convert(src, opts, tmp_path))


def test_corrupt_and_cid_garbage_pdf():
    with pytest.raises(InputError, match="不是有效的 PDF"):
        from checker.ingest.pdf_reader import read_pdf
        read_pdf(b"hello world", "假.pdf")
    with pytest.raises(InputError, match="已损坏"):
        ingest.load_bytes(b"%PDF-1.4\n" + b"\x00garbage" * 50, "坏.pdf")
    from checker.ingest import pdf_reader
    with pytest.raises(InputError, match="乱码"):
        pdf_reader._check_garbage("(cid:12)(cid:34)(cid:56) 协议", "乱码.pdf")
