"""OCR of scanned pages and images (rapidocr, offline) and red seal detection — on small pages only:
recognition costs seconds per page, the scanned corpus is measured by scripts/eval_scanned.py."""
from __future__ import annotations

import io
from pathlib import Path

import numpy as np
import pytest
from PIL import Image, ImageDraw, ImageFont

from checker import ingest
from checker.ingest.seals import find_seals, match_rows, remove_red

FONT = Path("/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc")
LINES = ["某某产业技术创新战略联盟协议书", "第一条 联盟名称为某某联盟。", "甲方（盖章）：厦门海湾电子有限公司",
         "乙方（盖章）：闽南理工大学"]
RED = (210, 30, 40)


def page_image(seal_rows=(2,), size=(900, 560)) -> Image.Image:
    """A small white 'scan' with four text lines and a red seal over the chosen rows' 盖章 field."""
    im = Image.new("RGB", size, "white")
    d = ImageDraw.Draw(im)
    font = ImageFont.truetype(str(FONT), 30)
    for k, line in enumerate(LINES):
        d.text((40, 40 + 130 * k), line, font=font, fill=(20, 20, 20))
    for k in seal_rows:
        cx, cy = 620, 58 + 130 * k
        d.ellipse([cx - 60, cy - 60, cx + 60, cy + 60], outline=RED, width=6)
        d.regular_polygon((cx, cy, 22), 5, fill=RED)
        d.text((cx - 45, cy + 12), "合同专用章", font=ImageFont.truetype(str(FONT), 18), fill=RED)
    return im


needs_font = pytest.mark.skipif(not FONT.exists(), reason="fonts-noto-cjk not installed (scripts/install_sysdeps.sh)")


@needs_font
def test_seal_found_by_colour_and_whitened_before_ocr():
    rgb = np.asarray(page_image(seal_rows=(2, 3)))
    seals = find_seals(rgb)
    assert len(seals) == 2
    x0, y0, x1, y1 = seals[0]["box"]
    assert 550 <= x0 <= 570 and 670 <= x1 <= 690 and 300 <= (y0 + y1) / 2 <= 330
    clean = remove_red(rgb)
    assert not find_seals(clean)
    assert (clean[..., 0] < 100).sum() > 1000          # the black text is still there
    rows = [{"party": "甲方", "page": 1, "box_rel": [0.04, 0.53, 0.6, 0.59]},      # line 3 (y ≈ 300–330 px)
            {"party": "乙方", "page": 1, "box_rel": [0.04, 0.77, 0.6, 0.82]},      # line 4
            {"party": "丙方", "page": 1, "box_rel": [0.04, 0.93, 0.6, 0.98]}]
    by_page = {1: [{"box_rel": s["box_rel"]} for s in seals]}
    assert [r["seal"] for r in match_rows(rows, by_page)] == ["present", "present", "absent"]


def test_no_seal_on_black_text_or_small_red_marks():
    im = Image.new("RGB", (600, 400), "white")
    d = ImageDraw.Draw(im)
    d.rectangle([10, 10, 590, 30], fill=(0, 0, 0))
    d.rectangle([100, 100, 110, 110], fill=RED)          # a red tick is not a seal
    d.rectangle([50, 300, 550, 310], fill=RED)           # nor a red underline
    assert find_seals(np.asarray(im)) == []


@needs_font
def test_png_scan_is_recognised_with_boxes_confidence_and_seals():
    pytest.importorskip("rapidocr")
    buf = io.BytesIO()
    page_image(seal_rows=(2,)).save(buf, "PNG")
    seen = []
    doc = ingest.load_bytes(buf.getvalue(), "签署页.png", progress=lambda d, t, m: seen.append((d, t)))
    assert doc.format == "image" and doc.pages == 1
    lines = doc.text.split("\n")
    assert lines[0] == LINES[0] and lines[2].replace(" ", "") == LINES[2]
    assert "合同专用章" not in doc.text                 # seal ink never becomes party text
    assert seen == [(0, 1), (1, 1)]
    assert doc.ocr["pages"] == [1] and doc.ocr["confidence"] > 0.9
    assert len(doc.ocr["seals"]) == 1 and doc.ocr["seals"][0]["page"] == 1
    b = doc.blocks[2]
    assert b.page == 1 and b.source_ref["ocr"] and 0.45 < b.source_ref["box"][1] < 0.6
    assert doc.warnings[0].startswith("第1页为扫描图像，文字由 OCR 识别")
    assert any("检测到 1 处红色印章" in w for w in doc.warnings)


@needs_font
def test_scanned_pdf_review_reports_ocr_and_seal_rows_in_every_format():
    pytest.importorskip("rapidocr")
    from checker.engine import check
    from checker.report import export
    buf = io.BytesIO()
    page_image(seal_rows=(2,)).save(buf, "PDF", resolution=100)
    report = check(data=buf.getvalue(), name="扫描协议.pdf")
    d = report.to_dict()
    assert d["source"]["ocr"]["pages"] == [1] and d["source"]["format"] == "pdf"
    assert any("OCR" in w for w in d["warnings"])
    md = export(report, "markdown").decode("utf-8")
    html = export(report, "html").decode("utf-8")
    assert "文字由 OCR 识别" in md and "文字由 OCR 识别" in html
    docx_bytes = export(report, "docx")
    import zipfile
    comments = zipfile.ZipFile(io.BytesIO(docx_bytes)).read("word/comments.xml").decode("utf-8")
    assert "文字由 OCR 识别" in comments
