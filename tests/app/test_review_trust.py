"""Issue 13 on the review page (AppTest): reading-confidence banner, structure corrections that
change a verdict and survive a restart, full text complete, human locations, fitted suggestions,
bulk dismiss, search, every export honouring a dismissal and a note, settings remembered, past
reviews reopened, the sample clearing a previous upload, Chinese errors in the main area."""
from __future__ import annotations

import html
import io
import json
import re

from docx import Document

from checker.engine import check
from checker.report import export
from checker.review.store import finding_key
from tests.app.test_app import DOCX, cards, expected, metric, show_all, upload

TXT = "text/plain"
REPEATED = ("某某产业技术创新战略联盟协议书\n甲方：福州某某大学\n乙方：厦门某某研究院有限公司\n"
            "丙方：泉州某某科技有限公司\n第一条 联盟名称\n联盟名称为“某某产业技术创新战略联盟”。\n"
            "第二条 争议解决\n因本协议发生的争议，各方协商解决。\n")


def misread(sample: bytes) -> str:
    """The sample with its line breaks lost after the recitals: one clause swallows the rest."""
    lines = check(data=sample, name="x.docx").document.text.split("\n")
    return "\n".join(lines[:5]) + "\n" + "".join(lines[5:]) + "\n"


def fulltext_of(at) -> str:
    """Text content of the 协议全文 block (labels live in data- attributes, not in the text)."""
    block = next(h.proto.body for h in at.html if 'class="ac-full"' in h.proto.body)
    return html.unescape(re.sub(r"<[^>]+>", "", block.split('<div class="ac-full">', 1)[1].rsplit("</div>", 1)[0]))


def test_banner_on_a_misread_document_names_doubted_sections(new_app, sample_versions):
    text = misread(sample_versions[0])
    at = upload(new_app(), "误读.txt", text.encode("utf-8"), TXT)
    warnings = " ".join(w.value for w in at.warning)
    assert "条款结构识别可能不可靠" in warnings
    assert "占全文" in warnings or "只识别出" in warnings
    js = json.loads(export(check(text=text, name="误读.txt"), "json"))
    assert js["reading"]["reliable"] is False and js["reading"]["doubted_sections"]
    assert any("条款结构识别可能不可靠" in w for w in js["warnings"])
    # the well-formed sample raises no such banner
    ok = upload(new_app(), "联盟协议.docx", sample_versions[0])
    assert not any("条款结构识别可能不可靠" in w.value for w in ok.warning)


def test_fulltext_shows_every_character_in_order(new_app, sample_versions):
    for name, data, mime in [("联盟协议.docx", sample_versions[0], DOCX),
                             ("误读.txt", misread(sample_versions[0]).encode("utf-8"), TXT)]:
        at = upload(new_app(), name, data, mime)
        assert fulltext_of(at) == expected(data, name).document.text


def test_correction_changes_a_verdict_and_survives_restart(new_app, sample_versions):
    v1, _ = sample_versions
    rep = expected(v1)
    assert any(f.rule == "SECTION_MISSING" and f.section == "force_majeure" for f in rep.findings)
    target = next(c for c in rep.clauses if c.number == "第二十三条")
    at = upload(new_app(), "联盟协议.docx", v1)
    at.selectbox(key="cor_clause").set_value(target.id).run()
    at.selectbox(key="cor_section").set_value("force_majeure").run()
    at.button(key="cor_apply_section").click().run()
    assert not at.exception, at.exception
    labels = " ".join(e.label for e in cards(show_all(at)))
    assert "未约定：不可抗力" not in labels                   # the verdict changed with the structure
    assert "已按审查人更正 1 处结构" in " ".join(c.value for c in at.caption)

    again = show_all(upload(new_app(), "联盟协议.docx", v1))     # a new session on the same database
    assert "未约定：不可抗力" not in " ".join(e.label for e in cards(again))
    assert "已按审查人更正 1 处结构" in " ".join(c.value for c in again.caption)


def test_bulk_dismiss_and_every_export_honours_it_with_notes(new_app, media):
    data = REPEATED.encode("utf-8")
    rep = check(text=REPEATED, name="协议.txt")
    n_missing = sum(f.rule == "SECTION_MISSING" for f in rep.findings)
    assert n_missing >= 5
    at = upload(new_app(), "协议.txt", data, TXT)
    at.sidebar.text_input(key="reviewer").set_value("李审查").run()
    at.selectbox(key="bulk_rule").set_value("SECTION_MISSING").run()
    at.text_input(key="bulk_note").set_value("附件另行约定").run()
    at.button(key="bulk_dismiss").click().run()
    assert not at.exception, at.exception
    assert metric(at, "已处理") == f"{n_missing} / {len(rep.findings)}"
    keep = next(f for f in rep.findings if f.rule == "PARTY_INFO_INCOMPLETE")
    k = finding_key(keep)
    show_all(at)
    at.radio(key=f"dec-{k}").set_value("确认问题")
    at.text_input(key=f"note-{k}").set_value("请补充法定代表人")
    at.button(key=f"save-{k}").click().run()
    got = {b.key: media(b) for b in at.download_button}
    n_left = len(rep.findings) - n_missing
    js = json.loads(got["dl-json"])
    assert len(js["findings"]) == n_left and not any(f["rule"] == "SECTION_MISSING" for f in js["findings"])
    dec = next(f["decision"] for f in js["findings"] if f["rule"] == "PARTY_INFO_INCOMPLETE" and "decision" in f)
    assert dec["status"] == "accepted" and dec["reviewer"] == "李审查" and dec["note"] == "请补充法定代表人" and dec["date"]
    assert all(f["location"]["label"] for f in js["findings"])
    for key in ("dl-html", "dl-markdown"):
        body = got[key].decode("utf-8")
        assert "缺少必备章节" not in body and "请补充法定代表人" in body and "李审查" in body
        assert f"审查人已驳回 {n_missing} 个问题" in body
    word = Document(io.BytesIO(got["dl-docx"]))
    assert len(list(word.comments)) == n_left
    assert {c.author for c in word.comments} == {"李审查"}
    opinion = "\n".join(p.text for p in Document(io.BytesIO(got["dl-opinion"])).paragraphs)
    assert "请补充法定代表人" in opinion and "缺少必备章节" not in opinion and "李审查" in opinion
    assert "某某产业技术创新战略联盟协议书" in opinion          # title from the text, not the file name


def test_locations_and_fitted_suggestions_on_the_page(new_app, sample_versions):
    at = show_all(upload(new_app(), "联盟协议.docx", sample_versions[0]))
    labels = [e.label for e in cards(at)]
    assert any("第二十条 争议解决（第" in lab for lab in labels)
    assert any("应补在“" in lab for lab in labels)               # a missing section says where it goes
    page = " ".join(m.value for m in at.markdown)
    text = html.unescape(re.sub(r"<[^>]+>", "", page))
    assert "宁德仲裁委员会，按照" in text                          # the commission the agreement named
    assert "丙方：闽东船舶设计研究院有限公司" in text and "甲方：【单位全称" not in text
    assert 'class="ac-ins"' in page                               # a section suggestion is an insertion


def test_search_narrows_findings(new_app, sample_versions):
    at = show_all(upload(new_app(), "联盟协议.docx", sample_versions[0]))
    at.text_input(key="f_q").set_value("仲裁").run()
    got = cards(at)
    assert 0 < len(got) < len(expected(sample_versions[0]).findings)
    at.text_input(key="ft_q").set_value("理事会").run()
    assert any("搜索“理事会”" in c.value for c in at.caption)


def test_settings_remembered_past_reviews_reopen_and_sample_clears_upload(new_app, sample_versions):
    at = new_app()
    at.sidebar.text_input(key="reviewer").set_value("王律师").run()
    at.sidebar.selectbox(key="profile").set_value("tianjin").run()
    upload(at, "联盟协议（征求意见稿）.docx", sample_versions[0])
    fresh = new_app()                                            # reload: the settings file remembers
    assert fresh.sidebar.text_input(key="reviewer").value == "王律师"
    assert fresh.sidebar.selectbox(key="profile").value == "tianjin"
    reopen = [b for b in fresh.sidebar.button if (b.key or "").startswith("reopen-")]
    assert reopen
    reopen[0].click().run()
    assert not fresh.exception, fresh.exception
    assert fresh.title[0].value == "《联盟协议（征求意见稿）》审查结果"
    fresh.sidebar.button(key="load_sample").click().run()
    assert "示例协议" in fresh.title[0].value
    assert fresh.sidebar.file_uploader[0].value is None           # the previous upload is gone


def test_wrong_type_and_too_big_are_chinese_errors_in_the_main_area(new_app):
    at = upload(new_app(), "合同.exe", b"MZ\x90\x00", "application/octet-stream")
    assert at.error and "不支持 .exe 文件" in at.error[0].value
    assert not at.sidebar.error
