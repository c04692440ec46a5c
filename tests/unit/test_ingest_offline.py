"""Offline, proven: a full check, every export and an OCR run with every socket blocked, and the
review page's settings that keep the browser and the server from phoning home."""
from __future__ import annotations

import io
import socket
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
CORPUS = ROOT / "tests" / "corpus"


@pytest.fixture
def no_network(monkeypatch):
    """Every way Python opens a connection or resolves a name records the attempt and fails."""
    attempts: list[str] = []

    def refuse(what):
        def inner(*args, **kwargs):
            attempts.append(f"{what}{args[1:2] or args[:1]}")
            raise OSError(f"network blocked in test: {what}")
        return inner

    monkeypatch.setattr(socket.socket, "connect", refuse("connect"))
    monkeypatch.setattr(socket.socket, "connect_ex", refuse("connect_ex"))
    monkeypatch.setattr(socket.socket, "sendto", refuse("sendto"))
    monkeypatch.setattr(socket, "create_connection", refuse("create_connection"))
    monkeypatch.setattr(socket, "getaddrinfo", refuse("getaddrinfo"))
    monkeypatch.setattr(socket, "gethostbyname", refuse("gethostbyname"))
    return attempts


def test_check_and_exports_make_no_connection(no_network):
    from checker.engine import check
    from checker.report import FORMATS, export
    src = CORPUS / "c01.docx"
    report = check(src)
    assert report.findings
    for fmt in FORMATS:
        assert export(report, fmt, source_path=src)
    assert no_network == []


def test_ocr_run_makes_no_connection(no_network, monkeypatch):
    pytest.importorskip("rapidocr")
    from PIL import Image, ImageDraw, ImageFont
    font = Path("/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc")
    if not font.exists():
        pytest.skip("fonts-noto-cjk not installed")
    from checker import ingest
    from checker.ingest import ocr
    monkeypatch.setattr(ocr, "_engine", None)            # the model is loaded under the block too
    im = Image.new("RGB", (700, 120), "white")
    ImageDraw.Draw(im).text((20, 30), "第一条 联盟名称为某某联盟。", font=ImageFont.truetype(str(font), 32), fill="black")
    buf = io.BytesIO()
    im.save(buf, "PNG")
    doc = ingest.load_bytes(buf.getvalue(), "离线.png")
    assert "联盟名称" in doc.text
    assert no_network == []


def test_the_block_would_catch_a_connection(no_network):
    with pytest.raises(OSError):
        socket.create_connection(("127.0.0.1", 9))
    assert no_network


def test_streamlit_telemetry_is_off_in_the_file_and_at_run_time():
    import tomllib
    cfg = tomllib.loads((ROOT / ".streamlit" / "config.toml").read_text(encoding="utf-8"))
    assert cfg["browser"]["gatherUsageStats"] is False
    assert cfg["server"]["address"] == "127.0.0.1"
    # what Streamlit itself reads from that file when started in the project folder
    code = ("import streamlit.config as c; c.get_config_options(force_reparse=True); "
            "print(c.get_option('browser.gatherUsageStats'), c.get_option('server.address'), "
            "c.get_option('global.developmentMode'))")
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert out.stdout.split() == ["False", "127.0.0.1", "False"], out.stderr


def test_review_page_makes_no_connection_and_shows_ingest_warnings(no_network, tmp_path, monkeypatch):
    pytest.importorskip("streamlit")
    monkeypatch.setenv("ALLIANCE_CHECK_DB", str(tmp_path / "reviews.db"))
    from streamlit.testing.v1 import AppTest
    from checker import ingest
    from checker.errors import InputError
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=180)
    at.run()
    at.sidebar.button[0].click().run()                   # 载入示例协议: a full review on the page
    assert not at.exception and at.tabs
    # a Word file named .pdf: read as Word, the page shows the same warning as the CLI
    at.sidebar.file_uploader[0].set_value(("改名.pdf", (CORPUS / "c01.docx").read_bytes(), "application/pdf")).run()
    assert not at.exception
    assert any("内容实际是Word 文档（.docx）" in w.value for w in at.warning)
    # an unusable file: the limit/refusal message of ingest, as one error line
    at.sidebar.file_uploader[0].set_value(("名单.txt", bytes(range(256)) * 8, "text/plain")).run()
    with pytest.raises(InputError) as cli_msg:
        ingest.load_bytes(bytes(range(256)) * 8, "名单.txt")
    assert [e.value for e in at.error] == [f"无法审查该文件：{cli_msg.value}"]
    assert no_network == []
