"""The 批量审查 page in a real browser (Debian Chromium via Playwright against `streamlit run app.py`):
upload three documents and a corrupt file, watch the batch finish, click a row of the table to open that
document's full review, and save a screenshot to tests/artifacts/batch.png."""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from test_browser import ARTIFACTS, full_screenshot, launch, server  # noqa: F401 — the server fixture

pytestmark = pytest.mark.browser
CORPUS = Path(__file__).resolve().parents[1] / "corpus"


def test_batch_page_in_a_browser(server, tmp_path):  # noqa: F811
    from playwright.sync_api import sync_playwright

    files = []
    for n in ("c07.txt", "ch01.txt", "ns01.txt"):
        shutil.copy(CORPUS / n, tmp_path / n)
        files.append(str(tmp_path / n))
    (tmp_path / "坏.docx").write_bytes(b"PK\x03\x04 broken")
    files.append(str(tmp_path / "坏.docx"))
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    with sync_playwright() as pw:
        browser = launch(pw)
        page = browser.new_page(viewport={"width": 1400, "height": 1000}, locale="zh-CN")
        page.goto(server + "/batch")
        try:
            page.get_by_text("还没有批量审查记录", exact=False).wait_for(timeout=60_000)
            page.locator('input[type="file"]').set_input_files(files)
            page.get_by_text("c07.txt").first.wait_for(timeout=30_000)
            page.get_by_role("button", name="开始批量审查").click()
            page.get_by_text("批量审查完成", exact=False).wait_for(timeout=240_000)
            page.get_by_text("逐份结果").wait_for(timeout=30_000)
            metric = page.locator('[data-testid="stMetric"]').filter(has_text="文件").first
            assert metric.locator('[data-testid="stMetricValue"]').inner_text().strip() == "4"
            # click the first data row of the table (the grid is a canvas: click by position)
            grid = page.locator('[data-testid="stDataFrame"] canvas').first
            grid.scroll_into_view_if_needed()
            box = grid.bounding_box()                       # header row ~35 px, then the c07.txt row
            page.mouse.click(box["x"] + 15, box["y"] + 35 + 17)   # its selection box in the first column
            page.get_by_text("《c07.txt》完整审查结果").wait_for(timeout=60_000)
            # the heading comes first and the findings stream in after it: wait for the finding (fails on timeout)
            page.get_by_text("ARBITRATION_NO_INSTITUTION", exact=False).first.wait_for(timeout=60_000)
            page.locator(".vega-embed canvas, .vega-embed svg").first.wait_for(timeout=60_000)   # the chart drew
        except Exception:
            page.screenshot(path=str(ARTIFACTS / "batch_failure.png"), full_page=True)
            raise
        full_screenshot(page, ARTIFACTS / "batch.png")
        browser.close()
    assert (ARTIFACTS / "batch.png").stat().st_size > 10_000
