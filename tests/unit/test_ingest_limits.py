"""Every limit of checker/ingest/limits.py gives its exact Chinese message (CLI, API and page alike)."""
from __future__ import annotations

import io
from pathlib import Path

import pytest

from checker import ingest
from checker.engine import check
from checker.errors import InputError
from checker.ingest import limits

ROOT = Path(__file__).resolve().parents[2]
TEXT = "某某产业技术创新战略联盟协议书\n第一条 联盟名称为“某某联盟”。\n第二条 各方共同遵守本协议。\n"


def test_file_size(tmp_path, monkeypatch):
    monkeypatch.setattr(limits, "MAX_FILE_BYTES", 1024 * 1024)
    big = tmp_path / "大.txt"
    big.write_bytes(b"a" * (2 * 1024 * 1024))
    with pytest.raises(InputError) as e:
        ingest.load(big)
    assert str(e.value) == "文件“大.txt”过大（2.0 MB，上限 1 MB），请删除图片等附带内容后再上传"


def test_characters(monkeypatch):
    monkeypatch.setattr(limits, "MAX_CHARS", 10)
    with pytest.raises(InputError, match=r"^文件“长.txt”的文字过多（\d+ 字，上限 10 字）"):
        ingest.load_bytes(TEXT.encode("utf-8"), "长.txt")
    with pytest.raises(InputError, match="文字过多"):
        ingest.from_text(TEXT)


def test_clauses(monkeypatch):
    monkeypatch.setattr(limits, "MAX_CLAUSES", 1)
    with pytest.raises(InputError, match=r"^文件“文本输入”分出 \d+ 个条款，超过上限 1 个"):
        check(text=TEXT)


def test_pages_and_ocr_pages(monkeypatch):
    from PIL import Image
    buf = io.BytesIO()
    pages = [Image.new("L", (200, 280), 255) for _ in range(3)]
    pages[0].save(buf, "PDF", save_all=True, append_images=pages[1:])
    monkeypatch.setattr(limits, "MAX_PAGES", 2)
    with pytest.raises(InputError) as e:
        ingest.load_bytes(buf.getvalue(), "厚.pdf")
    assert str(e.value) == "文件“厚.pdf”共 3 页，超过上限 2 页，请只上传协议正文及其附件"
    pytest.importorskip("rapidocr")
    monkeypatch.setattr(limits, "MAX_PAGES", 300)
    monkeypatch.setattr(limits, "MAX_OCR_PAGES", 2)
    with pytest.raises(InputError, match=r"^文件“厚.pdf”有 3 页需要文字识别（OCR），超过上限 2 页"):
        ingest.load_bytes(buf.getvalue(), "厚.pdf")


def test_time_budget_message():
    with pytest.raises(InputError) as e:
        check(text=TEXT, time_budget=-1)
    assert str(e.value) == ("审查“文本输入”超过了每份文件 -1 秒的处理时限（停在：读入完成），"
                            "请拆分文件、减少扫描页或提供可复制文字的版本后再试")
    ticks = iter([0.0, 5.0, 11.0])
    d = limits.Deadline("协议.pdf", 10, clock=lambda: next(ticks))
    d.check("第1页文字识别")                  # 5 s of 10: fine
    with pytest.raises(InputError, match=r"^审查“协议.pdf”超过了每份文件 10 秒的处理时限（停在：第2页文字识别）"):
        d.check("第2页文字识别")


def test_limits_are_stated_in_the_readme_and_the_upload_limit_matches_streamlit():
    import tomllib
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    for what, value in limits.limits_table():
        assert f"| {what} | {value} |" in readme, f"README does not state the limit “{what}: {value}”"
    cfg = tomllib.loads((ROOT / ".streamlit" / "config.toml").read_text(encoding="utf-8"))
    # Streamlit's own limit lies above ours, so an oversized file is refused by the page in Chinese
    # (checker/review/page_sidebar.py), never by Streamlit's English message inside the upload chip.
    assert cfg["server"]["maxUploadSize"] * 1024 * 1024 > limits.MAX_FILE_BYTES
