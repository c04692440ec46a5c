"""The 起草 page in a real browser (Debian Chromium via Playwright against `streamlit run app.py`): change
answers in several steps, see a field's problem shown and cleared, choose litigation, download the .docx and
check what it says; a full-page screenshot goes to tests/artifacts/draft.png."""
from __future__ import annotations

import io

import pytest

from test_browser import ARTIFACTS, full_screenshot, launch, server, wait_idle  # noqa: F401 — the fixture is reused

pytestmark = pytest.mark.browser


def test_fill_the_form_and_download_the_docx(server, tmp_path):  # noqa: F811
    from docx import Document
    from playwright.sync_api import sync_playwright

    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    with sync_playwright() as pw:
        browser = launch(pw)
        page = browser.new_page(viewport={"width": 1400, "height": 1000}, accept_downloads=True, locale="zh-CN")
        page.goto(server + "/draft")
        try:
            page.get_by_text("起草联盟协议").first.wait_for(timeout=90_000)
            name = page.get_by_role("textbox", name="联盟名称（技术领域＋产业类别＋技术创新战略联盟）")
            name.fill("海洋食品联盟")
            name.press("Enter")
            page.get_by_text("不符合“技术领域＋产业类别＋技术创新战略联盟”的命名格式").first.wait_for(timeout=30_000)
            name.fill("闽江口海洋食品产业技术创新战略联盟")
            name.press("Enter")
            page.get_by_text("本步填写完整。").first.wait_for(timeout=30_000)

            page.get_by_role("tab", name="② 成员单位").click()
            rep = page.get_by_role("textbox", name="法定代表人").first
            rep.fill("陈海明")
            rep.press("Enter")
            page.wait_for_timeout(800)

            page.get_by_role("tab", name="⑥ 争议、期限与附件").click()
            page.get_by_text("诉讼（有实际联系地点的人民法院）").click()
            page.get_by_text("管辖法院所在地").first.wait_for(timeout=30_000)
            wait_idle(page)
            assert page.get_by_role("textbox", name="仲裁委员会全称").count() == 0     # never both forums

            page.get_by_role("tab", name="⑦ 生成协议").click()
            button = page.get_by_role("button", name="下载 Word 文件（.docx）")
            button.wait_for(timeout=60_000)
            wait_idle(page)
            with page.expect_download(timeout=60_000) as dl:
                button.click()
            out = tmp_path / "起草.docx"
            dl.value.save_as(out)
            filename = dl.value.suggested_filename
            full_screenshot(page, ARTIFACTS / "draft.png")
        except Exception:
            page.screenshot(path=str(ARTIFACTS / "draft_failure.png"), full_page=True)
            raise
        browser.close()
    assert filename == "闽江口海洋食品产业技术创新战略联盟协议书.docx"
    doc = Document(io.BytesIO(out.read_bytes()))
    text = "\n".join(p.text for p in doc.paragraphs)
    assert doc.paragraphs[0].text == "闽江口海洋食品产业技术创新战略联盟协议书"
    assert "法定代表人：陈海明" in text
    assert "人民法院提起诉讼" in text and "仲裁委员会" not in text
    assert len(doc.tables[-1].rows) == 5
