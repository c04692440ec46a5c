"""Review page (app.py) driven through Streamlit's AppTest: upload, profiles, filters, decisions
that survive a restart, version comparison, exports and unusable input."""
from __future__ import annotations

import io
import json

import pytest
from docx import Document

from checker.engine import check
from checker.review.store import finding_key

DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


def upload(at, name, data, mime=DOCX):
    at.sidebar.file_uploader[0].set_value((name, data, mime)).run()
    assert not at.exception, at.exception
    return at


def cards(at):
    """Finding cards (expanders whose label starts with the coloured severity)."""
    return [e for e in at.expander if e.label.startswith((":red[", ":orange[", ":blue["))]


def show_all(at):
    """Cards beyond the first screenful are drawn on request."""
    more = [b for b in at.button if b.key == "f_more"]
    if more:
        more[0].click().run()
        assert not at.exception, at.exception
    return at


def metric(at, label):
    return next(m.value for m in at.metric if m.label == label)


def expected(data, name="协议.docx", profile="fujian"):
    return check(data=data, name=name, profile=profile)


def test_welcome_then_upload_shows_findings(new_app, sample_versions):
    at = new_app()
    assert "联盟协议合规审查" in at.title[0].value and not at.expander
    v1, _ = sample_versions
    upload(at, "联盟协议.docx", v1)
    rep = expected(v1)
    assert at.title[0].value == "《联盟协议》审查结果"
    assert int(metric(at, "警告")) == rep.summary()["warnings"]
    assert int(metric(at, "错误")) == rep.summary()["errors"]
    assert 0 < len(cards(at)) <= len(rep.findings)           # the first screenful at once …
    labels = [e.label for e in cards(show_all(at))]           # … the rest on request
    assert len(labels) == len(rep.findings) > 0
    assert any("缺少" in lab or "不可抗力" in lab for lab in labels)
    assert not at.error


def test_sample_button_and_profile_switch(new_app):
    at = new_app()
    at.sidebar.button[0].click().run()
    assert "示例协议" in at.title[0].value
    captions = " ".join(c.value for c in at.caption)
    assert "福建省" in captions
    at.sidebar.selectbox[0].set_value("tianjin").run()
    assert not at.exception
    captions = " ".join(c.value for c in at.caption)
    assert "天津市滨海新区" in captions and "福建省（" not in captions


def test_filters_narrow_the_list(new_app, sample_versions):
    v1, _ = sample_versions
    at = upload(new_app(), "联盟协议.docx", v1)
    rep = expected(v1)
    n_warn = sum(f.severity == "warning" for f in rep.findings)
    show_all(at)
    at.multiselect(key="f_sev").set_value(["warning"]).run()
    assert len(cards(at)) == n_warn
    sec = next(f.section for f in rep.findings if f.section)
    at.multiselect(key="f_sev").set_value(["error", "warning", "info"]).run()
    at.multiselect(key="f_sec").set_value([sec]).run()
    assert len(cards(at)) == sum(f.section == sec for f in rep.findings)
    assert all(e.label for e in cards(at))


def test_decisions_persist_across_restart_and_shape_the_word_export(new_app, sample_versions, media):
    v1, _ = sample_versions
    rep = expected(v1)
    keys = [finding_key(f) for f in rep.findings]
    assert len(keys) >= 2
    at = show_all(upload(new_app(), "联盟协议.docx", v1))
    at.sidebar.text_input(key="reviewer").set_value("王律师").run()
    at.radio(key=f"dec-{keys[0]}").set_value("确认问题")
    at.text_input(key=f"note-{keys[0]}").set_value("请补充该条款")
    at.button(key=f"save-{keys[0]}").click().run()
    assert not at.exception
    at.radio(key=f"dec-{keys[1]}").set_value("驳回（误报或不适用）")
    at.button(key=f"save-{keys[1]}").click().run()
    assert metric(at, "已处理") == f"2 / {len(keys)}"

    again = show_all(upload(new_app(), "联盟协议.docx", v1))  # a new session on the same database
    assert again.radio(key=f"dec-{keys[0]}").value == "确认问题"
    assert again.text_input(key=f"note-{keys[0]}").value == "请补充该条款"
    assert again.radio(key=f"dec-{keys[1]}").value == "驳回（误报或不适用）"
    assert metric(again, "已处理") == f"2 / {len(keys)}"
    docx = media(next(b for b in again.download_button if b.label.startswith("带批注")))
    comments = list(Document(io.BytesIO(docx)).comments)
    assert len(comments) == len(keys) - 1                      # the dismissed one is left out
    assert any(c.text.endswith("审查意见：请补充该条款（王律师）") for c in comments)


def test_version_comparison(new_app, sample_versions):
    v1, v2 = sample_versions
    upload(new_app(), "联盟协议（征求意见稿）.docx", v1)
    at = upload(new_app(), "联盟协议（修订稿）.docx", v2)
    from checker.review.compare import compare

    res = compare(expected(v1).to_dict(), expected(v2).to_dict())
    assert len(res["fixed"]) >= 1                               # at least 不可抗力 was added
    assert int(metric(at, "已修改")) == len(res["fixed"])
    assert int(metric(at, "新出现")) == len(res["new"])
    assert int(metric(at, "仍存在")) == len(res["remaining"])


def test_every_export_is_valid(new_app, sample_versions, media):
    v1, _ = sample_versions
    at = upload(new_app(), "联盟协议.docx", v1)
    rep = expected(v1)
    buttons = {b.label: b for b in at.download_button}
    assert len(buttons) == 5                                   # 审查意见书 + four reports
    got = {label.split("（")[0].split(" ")[0]: media(b) for label, b in buttons.items()}
    opinion = Document(io.BytesIO(got["审查意见书"]))
    assert "合规审查意见书" in opinion.paragraphs[0].text
    js = json.loads(got["JSON"])
    assert js["schema"] == "alliance-check/1" and len(js["findings"]) == len(rep.findings)
    assert b"<html" in got["HTML"].lower()
    assert got["Markdown"].decode("utf-8").strip()
    word = Document(io.BytesIO(got["带批注的"]))
    assert len(list(word.comments)) == len(rep.findings)
    assert {c.author for c in word.comments} == {"合规审查"}


def test_text_input_gets_generated_word_with_comments(new_app, media):
    text = ("某某产业技术创新战略联盟协议书\n甲方：某某大学\n第一条 争议解决\n"
            "因本协议发生的争议，各方协商解决。\n").encode("utf-8")
    at = upload(new_app(), "协议.txt", text, "text/plain")
    assert not at.error
    word = media(next(b for b in at.download_button if b.label.startswith("带批注")))
    d = Document(io.BytesIO(word))
    assert d.paragraphs[0].text == "某某产业技术创新战略联盟协议书"
    assert len(list(d.comments)) == len(expected(text, "协议.txt").findings)


def test_unusable_file_gives_a_chinese_error(new_app):
    at = upload(new_app(), "扫描件.pdf", b"%PDF-1.4 garbage that is not a pdf", "application/pdf")
    assert at.error and at.error[0].value.startswith("无法审查该文件：")
    assert "扫描件.pdf" in at.error[0].value
    assert not cards(at)


@pytest.mark.libreoffice
def test_legacy_doc_upload_is_commented_on_its_conversion(new_app, sample_versions, media):
    from checker.ingest.doc_reader import convert_with_soffice, soffice_path

    if soffice_path() is None:
        pytest.skip("LibreOffice (soffice) 未安装")
    doc = convert_with_soffice(sample_versions[0], "示例.docx", ".docx", "doc:MS Word 97")
    at = upload(new_app(), "联盟协议.doc", doc, "application/msword")
    assert not at.error and cards(at)
    word = media(next(b for b in at.download_button if b.label.startswith("带批注")))
    assert len(list(Document(io.BytesIO(word)).comments)) == len(expected(doc, "联盟协议.doc").findings)
