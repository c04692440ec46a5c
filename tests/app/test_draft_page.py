"""The 起草 page through Streamlit's AppTest: defaults are a valid questionnaire, each step shows its own
problems in Chinese as answers change, the forum is one choice, and the last step downloads the .docx."""
from __future__ import annotations

import io

import pytest
from docx import Document

SCRIPT = "from checker.review.page_draft import page\npage()\n"


@pytest.fixture
def draft_app():
    from streamlit.testing.v1 import AppTest

    at = AppTest.from_string(SCRIPT, default_timeout=120)
    at.run()
    assert not at.exception, at.exception
    return at


def by_label(widgets, label):
    return next(w for w in widgets if w.label == label)


def errors(at) -> str:
    return "\n".join(e.value for e in at.error)


def test_defaults_are_valid_and_the_docx_downloads(media, draft_app):
    at = draft_app
    assert at.title[0].value == "起草联盟协议"
    assert [t.label for t in at.tabs] == ["① 联盟名称", "② 成员单位", "③ 目标与任务", "④ 组织机构与责任",
                                          "⑤ 经费与知识产权", "⑥ 争议、期限与附件", "⑦ 生成协议"]
    assert not at.error and len(at.success) == 7
    button = next(b for b in at.get("download_button") if b.proto.label == "下载 Word 文件（.docx）")
    doc = Document(io.BytesIO(media(button)))
    assert doc.paragraphs[0].text == "海洋食品产业技术创新战略联盟协议书"
    assert len(doc.tables[-1].rows) == 5


def test_each_step_reports_its_fields(draft_app):
    at = draft_app
    by_label(at.text_input, "联盟名称（技术领域＋产业类别＋技术创新战略联盟）").set_value("海洋食品联盟").run()
    assert "联盟名称：“海洋食品联盟”不符合" in errors(at)
    assert "还有问题需要修改" in errors(at) and not at.get("download_button")
    by_label(at.text_input, "联盟名称（技术领域＋产业类别＋技术创新战略联盟）").set_value("海洋食品产业技术创新战略联盟").run()
    at.text_input(key="d_m2_domicile").set_value("").run()
    assert "成员第3项·住所地：不能为空" in errors(at)
    at.text_input(key="d_m2_domicile").set_value("福州市闽侯县学府路3号").run()
    at.selectbox(key="d_profile").set_value("tianjin").run()
    assert "天津滨海新区要求成员单位不少于 10 家（现有 4 家）" in errors(at)


def test_forum_is_one_choice(draft_app):
    at = draft_app
    assert [w.key for w in at.text_input if w.key == "d_commission"] == ["d_commission"]
    at.radio(key="d_forum").set_value("court").run()
    assert not [w for w in at.text_input if w.key == "d_commission"]
    assert at.selectbox(key="d_court_basis").value == "defendant"
    assert not at.error
    at.selectbox(key="d_court_basis").set_value("signing").run()
    at.text_input(key="d_signing_place").set_value("").run()
    assert "签订地点：选择由协议签订地法院管辖时必须写明签订地点" in errors(at)


def test_versions_tab_compares_clauses_and_offers_the_revision(new_app, sample_versions, media):
    """The review page's 版本比较 tab: the earlier stored version against this one, clause by clause, and the
    revision with tracked changes."""
    import zipfile

    from test_app import upload

    v1, v2 = sample_versions
    upload(new_app(), "联盟协议（征求意见稿）.docx", v1)
    at = upload(new_app(), "联盟协议（修订稿）.docx", v2)
    metrics = {m.label: m.value for m in at.metric}
    assert int(metrics["新增的条款"]) + int(metrics["修改的条款"]) >= 1
    labels = [e.label for e in at.expander]
    assert any("不可抗力" in lab and "新增" in lab for lab in labels), labels
    buttons = {b.proto.label: b for b in at.get("download_button")}
    cmp_docx = media(buttons["修订对照（Word，旧版→新版）"])
    assert b"w:ins" in zipfile.ZipFile(io.BytesIO(cmp_docx)).read("word/document.xml")
    assert not any(label.startswith("下载修订稿") for label in buttons)      # made on request only
    next(b for b in at.button if b.key == "v_make_revision").click().run()
    assert not at.exception, at.exception
    revision = next(b for b in at.get("download_button") if b.proto.label.startswith("下载修订稿"))
    xml = zipfile.ZipFile(io.BytesIO(media(revision))).read("word/document.xml").decode("utf-8")
    assert 'w:author="合规审查"' in xml and "<w:del " in xml
