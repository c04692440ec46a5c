"""The review page in a real browser: Debian Chromium via Playwright against `streamlit run app.py`.

Uploads the sample agreement, waits for the findings, downloads the commented Word file and
checks its comments, and saves full-page screenshots to tests/artifacts/ for a human to look at.
Never calls `playwright install` (no downloads): it uses /usr/bin/chromium or skips.
"""
from __future__ import annotations

import io
import re
import os
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
CHROMIUM = "/usr/bin/chromium"
ARTIFACTS = ROOT / "tests" / "artifacts"
CHROME_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
               "--disable-component-update", "--no-first-run", "--disable-sync", "--disable-quic"]

pytestmark = pytest.mark.browser


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start_server(db: Path, log: Path):
    """`streamlit run app.py` on 127.0.0.1:<free port>; returns (process, base url) once healthy."""
    port = _free_port()
    env = dict(os.environ, ALLIANCE_CHECK_DB=str(db))
    fh = open(log, "w")
    proc = subprocess.Popen(
        [sys.executable, "-m", "streamlit", "run", str(ROOT / "app.py"), "--server.port", str(port),
         "--server.address", "127.0.0.1", "--server.headless", "true",
         "--browser.gatherUsageStats", "false"],
        cwd=ROOT, env=env, stdout=fh, stderr=subprocess.STDOUT)
    url = f"http://127.0.0.1:{port}"
    deadline = time.time() + 90
    while time.time() < deadline:
        if proc.poll() is not None:
            raise RuntimeError(f"streamlit exited: {log.read_text()[-2000:]}")
        try:
            with urllib.request.urlopen(url + "/_stcore/health", timeout=2) as r:
                if r.status == 200:
                    return proc, url
        except OSError:
            time.sleep(0.3)
    proc.terminate()
    raise RuntimeError("streamlit did not become healthy within 90 s")


def launch(pw):
    return pw.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROME_ARGS)


def wait_for_findings(page, timeout_ms: int = 120_000) -> None:
    """Results heading shown, then the 问题清单 tab opened and its first finding visible."""
    page.get_by_text("审查结果", exact=False).first.wait_for(timeout=timeout_ms)
    page.get_by_role("tab", name="问题清单").click()
    page.locator('[data-testid="stExpander"]').first.wait_for(timeout=timeout_ms)


def wait_idle(page, timeout_ms: int = 90_000) -> None:
    """Wait until Streamlit has finished its rerun: no running indicator and no element still marked stale
    from the previous run (under load a stale download button would otherwise hand out the old file)."""
    page.wait_for_timeout(300)
    page.wait_for_function(
        """() => !document.querySelector('[data-testid="stStatusWidgetRunningIcon"],'
                + '[data-testid="stStatusWidgetRunningManIcon"],[data-stale="true"]')""",
        timeout=timeout_ms)


def full_screenshot(page, path: Path) -> None:
    """Streamlit scrolls inside its main container, so grow the viewport to the content height."""
    height = page.evaluate("""() => {
        const m = document.querySelector('[data-testid="stMain"]') || document.querySelector('section.main');
        const inner = m ? m.scrollHeight : 0;
        return Math.max(inner, document.body.scrollHeight);
    }""")
    page.set_viewport_size({"width": 1400, "height": min(max(int(height) + 40, 900), 12000)})
    page.wait_for_timeout(600)
    page.screenshot(path=str(path), full_page=True)


@pytest.fixture
def server(tmp_path, engine_ready):
    if not Path(CHROMIUM).exists():
        pytest.skip("未安装 Debian Chromium（/usr/bin/chromium），跳过浏览器测试")
    pytest.importorskip("playwright.sync_api", reason="未安装 playwright")
    proc, url = start_server(tmp_path / "reviews.db", tmp_path / "streamlit.log")
    yield url
    proc.terminate()
    try:
        proc.wait(timeout=15)
    except subprocess.TimeoutExpired:
        proc.kill()


def test_upload_review_download_and_screenshot(server, tmp_path, sample_versions):
    from docx import Document
    from playwright.sync_api import sync_playwright

    src = tmp_path / "联盟协议.docx"
    src.write_bytes(sample_versions[0])
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    with sync_playwright() as pw:
        browser = launch(pw)
        page = browser.new_page(viewport={"width": 1400, "height": 1000}, accept_downloads=True,
                                locale="zh-CN")
        page.goto(server)
        page.locator('input[type="file"]').set_input_files(str(src))
        try:
            wait_for_findings(page)
        except Exception:
            page.screenshot(path=str(ARTIFACTS / "review_failure.png"), full_page=True)
            raise
        assert page.locator('[data-testid="stExpander"]').count() >= 1
        assert page.get_by_text("无法审查").count() == 0

        link = page.locator("a.ac-jump").first          # a finding jumps to its clause in 协议全文
        target = link.get_attribute("href")[1:]
        link.click()
        page.wait_for_function("() => [...document.querySelectorAll('[role=tab]')]"
                               ".some(b => b.innerText.trim() === '协议全文' && b.getAttribute('aria-selected') === 'true')",
                               timeout=10_000)
        page.locator(f"#{target}").wait_for(state="visible", timeout=10_000)
        assert page.locator(f"#{target}").is_visible()

        page.get_by_role("tab", name="导出").click()
        button = page.get_by_role("button", name="带批注的 Word 文档（.docx）")
        with page.expect_download(timeout=60_000) as dl:
            button.click()
        out = tmp_path / "commented.docx"
        dl.value.save_as(out)
        comments = list(Document(io.BytesIO(out.read_bytes())).comments)
        assert comments and {c.author for c in comments} == {"合规审查"}

        page.get_by_role("tab", name="协议全文").click()
        full_screenshot(page, ARTIFACTS / "review_fulltext.png")
        page.set_viewport_size({"width": 1400, "height": 1000})
        page.get_by_role("tab", name="概览").click()
        full_screenshot(page, ARTIFACTS / "review_overview.png")
        page.set_viewport_size({"width": 1400, "height": 1000})
        page.get_by_role("tab", name="问题清单").click()
        full_screenshot(page, ARTIFACTS / "review.png")
        browser.close()
    assert (ARTIFACTS / "review.png").stat().st_size > 10_000


DOCX_UPLOAD_STRINGS = ("Drag and drop", "Browse files", "per file", "Limit", "Upload", "Press Enter")


def _visible_english(page) -> list[str]:
    """English words a reviewer can see: the page's innerText plus ::before/::after contents."""
    text = page.evaluate("() => document.body.innerText")
    return [s for s in DOCX_UPLOAD_STRINGS if s in text]


def test_issue13_in_the_browser(server, tmp_path, sample_versions):
    """Chinese upload widget, first finding within the first screen at 1366×768, the jump landing on
    the finding's span, full text complete, a correction surviving a restart of the page, print CSS,
    screenshots of overview, findings, full text (and the opinion letter, rendered by LibreOffice)."""
    from playwright.sync_api import sync_playwright

    from checker.engine import check

    src = tmp_path / "联盟协议.docx"
    src.write_bytes(sample_versions[0])
    rep = check(data=sample_versions[0], name="联盟协议.docx")
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    with sync_playwright() as pw:
        browser = launch(pw)
        page = browser.new_page(viewport={"width": 1366, "height": 768}, accept_downloads=True, locale="zh-CN")
        page.goto(server)
        page.locator('[data-testid="stFileUploaderDropzone"]').wait_for(timeout=60_000)
        page.wait_for_timeout(500)
        assert _visible_english(page) == [], [l for l in page.evaluate("() => document.body.innerText").split("\n")
                                              if any(w in l for w in DOCX_UPLOAD_STRINGS)]
        drop = page.locator('[data-testid="stFileUploaderDropzone"]')
        pseudo = drop.evaluate("""el => [...el.querySelectorAll('*')].map(e =>
            getComputedStyle(e, '::after').content + getComputedStyle(e, '::before').content).join(' ')""")
        assert "将文件拖放到此处" in pseudo and "选择文件" in pseudo

        page.locator('input[type="file"]').set_input_files(str(src))
        page.get_by_text("审查结果", exact=False).first.wait_for(timeout=120_000)
        first = page.locator('[data-testid="stExpander"]').first
        first.wait_for(timeout=60_000)
        box = first.bounding_box()
        assert box and box["y"] + 40 <= 768, f"first finding at y={box}"      # visible without scrolling
        page.locator('[data-testid="stMetricValue"]').first.wait_for(timeout=30_000)
        page.wait_for_timeout(1500)
        assert _visible_english(page) == []
        page.screenshot(path=str(ARTIFACTS / "review_findings_1366.png"))

        # 在全文中定位 lands on the finding's span
        link = page.locator('a.ac-jump[href^="#span-"]').first
        target = link.get_attribute("href")[1:]
        link.click()
        page.wait_for_function("() => [...document.querySelectorAll('[role=tab]')]"
                               ".some(b => b.innerText.trim() === '协议全文' && b.getAttribute('aria-selected') === 'true')",
                               timeout=10_000)
        page.wait_for_timeout(800)
        anchor = page.locator(f"#{target}")
        assert anchor.count() == 1
        top = anchor.evaluate("el => el.getBoundingClientRect().top")
        assert 0 <= top <= 768
        full = page.locator(".ac-full").inner_text()
        strip = lambda s: re.sub(r"\s+", "", s)  # noqa: E731
        assert strip(full) == strip(rep.document.text)
        page.screenshot(path=str(ARTIFACTS / "review_fulltext_1366.png"))

        page.get_by_role("tab", name="概览").click()
        page.wait_for_timeout(500)
        page.screenshot(path=str(ARTIFACTS / "review_overview_1366.png"))

        # print CSS: no sidebar, buttons or widgets; every finding expanded
        page.get_by_role("tab", name="问题清单").click()
        page.emulate_media(media="print")
        page.wait_for_timeout(300)
        hidden = page.evaluate("""() => {
            const vis = sel => [...document.querySelectorAll(sel)].some(e => getComputedStyle(e).display !== 'none'
                && e.offsetParent !== null);
            return {sidebar: vis('[data-testid="stSidebar"]'), buttons: vis('.stButton, .stDownloadButton, .stFormSubmitButton'),
                    inputs: vis('[data-testid="stTextInput"], [data-testid="stMultiSelect"], [data-testid="stRadio"]'),
                    closed: [...document.querySelectorAll('[role="tabpanel"]:not([hidden]) [data-testid="stExpanderDetails"]')]
                        .filter(e => e.getBoundingClientRect().height === 0).length,
                    cards: document.querySelectorAll('[role="tabpanel"]:not([hidden]) [data-testid="stExpanderDetails"]').length};
        }""")
        assert hidden.pop("cards") >= 10
        assert hidden == {"sidebar": False, "buttons": False, "inputs": False, "closed": 0}, hidden
        page.pdf(path=str(ARTIFACTS / "review_print.pdf"))      # what the browser's 打印 produces
        page.emulate_media(media="screen")
        browser.close()
    for name in ("review_findings_1366.png", "review_fulltext_1366.png", "review_overview_1366.png"):
        assert (ARTIFACTS / name).stat().st_size > 10_000


def _pdf_text(path: Path) -> str:
    return subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True).stdout


@pytest.mark.libreoffice
def test_opinion_letter_pdf_from_the_page(server, tmp_path, sample_versions):
    """The 审查意见书 generated on the page as PDF (LibreOffice opens and converts the .docx), its
    first page rendered to tests/artifacts/opinion_letter.png."""
    import shutil

    from playwright.sync_api import sync_playwright

    if shutil.which("soffice") is None or shutil.which("pdftoppm") is None:
        pytest.skip("LibreOffice 或 poppler-utils 未安装")
    src = tmp_path / "联盟协议.docx"
    src.write_bytes(sample_versions[0])
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    with sync_playwright() as pw:
        browser = launch(pw)
        page = browser.new_page(viewport={"width": 1366, "height": 768}, accept_downloads=True, locale="zh-CN")
        page.goto(server)
        page.get_by_label("审查人").fill("王律师")
        page.get_by_label("审查人").press("Enter")
        page.locator('input[type="file"]').set_input_files(str(src))
        wait_for_findings(page)
        page.get_by_role("tab", name="导出").click()
        page.get_by_role("button", name="生成审查意见书（PDF）").click()
        button = page.get_by_role("button", name="下载审查意见书（PDF）")
        button.wait_for(timeout=180_000)
        with page.expect_download(timeout=60_000) as dl:
            button.click()
        pdf = tmp_path / "审查意见书.pdf"
        dl.value.save_as(pdf)
        browser.close()
    assert pdf.read_bytes().startswith(b"%PDF")
    text = _pdf_text(pdf)
    assert "合规审查意见书" in text and "闽东海洋装备产业技术创新战略联盟协议书" in text
    assert "法律依据截至" in text and "王律师" in text
    (ARTIFACTS / "opinion_letter.png").unlink(missing_ok=True)
    subprocess.run(["pdftoppm", "-png", "-singlefile", "-f", "1", "-l", "1", "-scale-to", "1366", str(pdf),
                    str(ARTIFACTS / "opinion_letter")], check=True)
    assert (ARTIFACTS / "opinion_letter.png").stat().st_size > 10_000


def test_misread_banner_bulk_dismiss_and_correction_survive_a_server_restart(tmp_path, engine_ready,
                                                                             sample_versions):
    """A misread agreement shows the banner; dismissing all findings of one rule at once leaves them
    out of the JSON export; a structure correction changes the verdicts and is still applied after
    the server itself is restarted on the same database."""
    if not Path(CHROMIUM).exists():
        pytest.skip("未安装 Debian Chromium（/usr/bin/chromium），跳过浏览器测试")
    pytest.importorskip("playwright.sync_api", reason="未安装 playwright")
    import json

    from playwright.sync_api import sync_playwright

    from checker.engine import check

    lines = check(data=sample_versions[0], name="x.docx").document.text.split("\n")
    src = tmp_path / "误读协议.txt"
    src.write_text("\n".join(lines[:5]) + "\n" + "".join(lines[5:]) + "\n", encoding="utf-8")
    db = tmp_path / "reviews.db"

    def session(pw, url, first: bool):
        browser = launch(pw)
        page = browser.new_page(viewport={"width": 1366, "height": 768}, accept_downloads=True, locale="zh-CN")
        page.goto(url)
        page.locator('input[type="file"]').set_input_files(str(src))
        wait_for_findings(page)
        return browser, page

    proc, url = start_server(db, tmp_path / "s1.log")
    try:
        with sync_playwright() as pw:
            browser, page = session(pw, url, True)
            assert page.get_by_text("条款结构识别可能不可靠").count() >= 1
            page.screenshot(path=str(ARTIFACTS / "review_misread_banner.png"))
            n_missing = page.locator('[data-testid="stExpander"] summary', has_text="缺少必备章节").count()
            assert n_missing >= 2
            page.locator('[data-testid="stPopover"] button').first.click()
            pop = page.locator('[data-testid="stPopoverBody"]')
            try:
                pop.wait_for(timeout=10_000)
            except Exception:
                page.screenshot(path=str(ARTIFACTS / "bulk_failure.png"))
                raise
            # the rule with most findings comes first in the list
            page.get_by_role("button", name="全部驳回").click()
            page.get_by_text("已驳回", exact=False).first.wait_for(timeout=30_000)
            page.wait_for_timeout(1500)
            page.get_by_role("tab", name="导出").click()
            with page.expect_download(timeout=60_000) as dl:
                page.get_by_role("button", name="JSON 审查结果（alliance-check/1）").click()
            js = json.loads(Path(dl.value.path()).read_text(encoding="utf-8"))
            assert not any(f["rule"] == "SECTION_MISSING" for f in js["findings"])
            assert js["decisions"]["dismissed"] >= 2
            # split the swallowing clause at its second line and rerun the review
            page.get_by_role("tab", name="协议全文").click()
            page.get_by_text("更正条款结构").first.click()
            page.get_by_role("tab", name="拆分条款").click()
            page.get_by_role("button", name="拆分并重新审查").click()
            page.get_by_text("已按审查人更正 1 处结构", exact=False).first.wait_for(timeout=120_000)
            browser.close()
    finally:
        proc.terminate()
        proc.wait(timeout=15)
    proc, url = start_server(db, tmp_path / "s2.log")                  # a new server process
    try:
        with sync_playwright() as pw:
            browser, page = session(pw, url, False)
            page.get_by_text("已按审查人更正 1 处结构", exact=False).first.wait_for(timeout=60_000)
            browser.close()
    finally:
        proc.terminate()
        proc.wait(timeout=15)
