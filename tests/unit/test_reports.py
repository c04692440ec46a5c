"""Reports: structure, Chinese labels, escaping of document text; human locations, reading
confidence, fitted suggestions, decisions in every export, the 审查意见书 (issue 13)."""
import io
import json

from checker.engine import check
from checker.report.html import to_html
from checker.report.markdown import to_markdown


def _report(extra=""):
    text = open("tests/fixtures/complete_agreement.txt", encoding="utf-8").read()
    text = text.replace("第十条 不可抗力\n", "").replace(
        "因不可抗力不能履行本协议的，根据不可抗力的影响部分或者全部免除责任，但受影响方应及时通知其他各方，并在合理期限内提供证明。\n", "")
    return check(text=text.replace("本联盟名称为", extra + "本联盟名称为"), profile="fujian")


def test_html_escapes_document_text():
    html = to_html(_report("<script>alert(1)</script>"))
    assert "<script>alert(1)</script>" not in html
    assert "&lt;script&gt;" in html


def test_reports_list_missing_section_with_citation():
    rep = _report()
    assert any(f.rule == "SECTION_MISSING" and f.section == "force_majeure" for f in rep.findings)
    md = to_markdown(rep)
    assert "不可抗力" in md and "闽科政〔2009〕46号 附件1 四.10" in md and "| 缺失 |" in md
    html = to_html(rep)
    assert "class='missing'" in html and "问题清单" in html


def test_coverage_table_names_clauses_not_internal_ids():
    md = to_markdown(_report())
    assert "| 缔约方 |" in md and "| 第十一条 |" in md
    assert "| c1 |" not in md and "c2、" not in md


# -- issue 13: locations, reading confidence, fitted suggestions, decisions, 审查意见书 -------------

def _sample():
    from pathlib import Path

    return check(Path("clause_library/samples/示例协议.docx"), profile="fujian")


def test_human_locations_name_the_clause_and_paragraph_or_where_a_section_goes():
    from checker.report.locate import finding_label

    rep = _sample()
    labels = {f.rule: finding_label(rep, f) for f in rep.findings}
    assert labels["DISPUTE_BOTH_FORUMS"].startswith("第二十条 争议解决（第") and labels["DISPUTE_BOTH_FORUMS"].endswith("段）")
    fm = next(finding_label(rep, f) for f in rep.findings if f.rule == "SECTION_MISSING")
    assert fm.startswith("（未约定：不可抗力；应补在“第") and "之后" in fm
    assert all(not lab.startswith("（") or "未约定" in lab for lab in labels.values())


def test_pdf_locations_give_the_page():
    from checker.model import Block, Clause, Document, Report
    from checker.report.locate import clause_label

    text = "第十条 争议解决\n因本协议发生的争议，提交福州仲裁委员会仲裁。"
    doc = Document(name="a.pdf", format="pdf", text=text, blocks=[Block(text=text, start=0, page=7)])
    c = Clause(id="c1", kind="article", number="第十条", heading="争议解决", text=text, span=(0, len(text)))
    assert clause_label(Report(document=doc, profile="fujian", clauses=[c], sections=[], findings=[]), c) \
        == "第十条 争议解决（第7页）"


def test_attachment_lines_are_counted_from_the_attachment_heading():
    from checker.model import Block, Clause, Document, Report
    from checker.report.locate import clause_label

    text = "附件2 成员名单\n福州大学\n厦门研究院\n泉州公司"
    doc = Document(name="a.txt", format="txt", text=text, blocks=[Block(text=text, start=0)])
    a = Clause(id="a1", kind="attachment", number="附件2", heading="成员名单", text=text, span=(0, len(text)))
    rep = Report(document=doc, profile="fujian", clauses=[a], sections=[], findings=[])
    assert clause_label(rep, a, text.index("泉州")) == "附件2 成员名单 第4行"


def test_reading_confidence_flags_a_swallowing_clause_and_doubts_missing_verdicts():
    from checker.report import export
    from checker.report.reading import assess

    rep = _sample()
    assert assess(rep).reliable
    lines = rep.document.text.split("\n")
    bad = check(text="\n".join(lines[:5]) + "\n" + "".join(lines[5:]), name="误读.txt")
    r = assess(bad)
    assert not r.reliable and {s["kind"] for s in r.signals} >= {"large_clause"}
    assert r.doubted_sections and all(s in [x.key for x in bad.sections if x.status == "missing"]
                                      for s in r.doubted_sections)
    js = json.loads(export(bad, "json"))
    assert js["reading"]["doubted_sections"] == r.doubted_sections
    assert any(w.startswith("条款结构识别可能不可靠") for w in js["warnings"])


def test_suggestions_fit_the_agreement():
    from checker.report.fit import defect_text, fitted_suggestion, is_addition

    rep = _sample()
    by = {f.rule: f for f in rep.findings}
    dispute = by["DISPUTE_BOTH_FORUMS"]
    assert "宁德仲裁委员会" in fitted_suggestion(rep, dispute) and "【仲裁委员会全称】" not in fitted_suggestion(rep, dispute)
    sentence = defect_text(rep, dispute)
    assert sentence.startswith("协商不成的") and sentence.endswith("。") and "第二十条" not in sentence
    party = fitted_suggestion(rep, by["PARTY_INFO_INCOMPLETE"])
    assert party.startswith("丙方：闽东船舶设计研究院有限公司") and "甲方：【" not in party
    assert is_addition(rep, by["SECTION_MISSING"]) and not is_addition(rep, dispute)


def test_every_export_leaves_out_dismissed_and_carries_decisions():
    from docx import Document as open_docx

    from checker.model import finding_key
    from checker.report import export

    rep = _sample()
    gone, kept = rep.findings[0], rep.findings[2]
    dec = {finding_key(gone): {"status": "dismissed", "note": "不适用", "reviewer": "王", "decided_at": "2026-12-01T08:00:00+00:00"},
           finding_key(kept): {"status": "accepted", "note": "请补充法定代表人", "reviewer": "王律师",
                               "decided_at": "2026-12-01T09:30:00+00:00"}}
    js = json.loads(export(rep, "json", decisions=dec))
    assert len(js["findings"]) == len(rep.findings) - 1
    assert gone.rule not in {f["rule"] for f in js["findings"]}
    d = next(f["decision"] for f in js["findings"] if f["rule"] == kept.rule)
    assert d == {"status": "accepted", "reviewer": "王律师", "date": "2026-12-01",
                 "decided_at": "2026-12-01T09:30:00+00:00", "note": "请补充法定代表人"}
    assert js["summary"]["errors"] == sum(f["severity"] == "error" for f in js["findings"])
    for fmt in ("markdown", "html"):
        body = export(rep, fmt, decisions=dec).decode("utf-8")
        assert "已确认（王律师，2026-12-01）：请补充法定代表人" in body and "审查人已驳回 1 个问题" in body
        assert "同时约定仲裁和诉讼" not in body
    word = open_docx(io.BytesIO(export(rep, "docx", source_path="clause_library/samples/示例协议.docx",
                                       decisions=dec, reviewer="王律师")))
    assert {c.author for c in word.comments} == {"王律师"}
    assert len(list(word.comments)) == len(rep.findings) - 1


def test_coverage_counts_required_sections_only_optional_say_not_agreed():
    rep = _sample()
    md = to_markdown(rep)
    req = [s for s in rep.sections if s.required]
    assert f"{len(req)} 个必备章节中完整 {sum(s.status == 'present' for s in req)} 个" in md
    assert "| 定义 | 否 | 未约定 |" in md


def test_opinion_letter_has_title_parties_sources_basis_findings_and_signature():
    from docx import Document as open_docx

    from checker.model import finding_key
    from checker.report import export

    rep = _sample()
    dec = {finding_key(rep.findings[0]): {"status": "accepted", "note": "删去诉讼", "reviewer": "王律师",
                                          "decided_at": "2026-12-01T09:00:00+00:00"}}
    doc = open_docx(io.BytesIO(export(rep, "opinion", decisions=dec, reviewer="王律师")))
    text = "\n".join(p.text for p in doc.paragraphs)
    assert doc.paragraphs[0].text == "合规审查意见书"
    assert "关于《闽东海洋装备产业技术创新战略联盟协议书》" in text           # title from the text, not 示例协议
    assert "丙方：闽东船舶设计研究院有限公司" in text and "福建省（闽科政〔2009〕46号）" in text
    assert "法律依据截至" in text and "《中华人民共和国仲裁法》" in text
    assert text.index("（一）须修改的问题（错误）") < text.index("（二）建议修改的问题（警告）")
    assert "位置：第二十条 争议解决" in text and "审查意见：已确认（王律师，2026-12-01）：删去诉讼" in text
    assert "审查人（签字）：王律师" in text


def test_corrections_export_as_training_rows(tmp_path, monkeypatch, capsys):
    from pathlib import Path

    from checker.cli import main
    from checker.review.corrections import check_corrected
    from checker.review.store import Store

    db = tmp_path / "r.db"
    monkeypatch.setenv("ALLIANCE_CHECK_DB", str(db))
    data = Path("clause_library/samples/示例协议.docx").read_bytes()
    rep = check(data=data, name="示例协议.docx")
    target = next(c for c in rep.clauses if c.number == "第二十三条")
    s = Store(str(db))
    cor = {"op": "section", "start": target.span[0], "end": target.span[1], "section": "force_majeure"}
    s.add_correction(rep.document.sha256, cor, "王律师")
    fixed = check_corrected(data, "示例协议.docx", "fujian", s.load_corrections(rep.document.sha256))
    assert not any(f.rule == "SECTION_MISSING" and f.section == "force_majeure" for f in fixed.findings)
    s.save_review(fixed.to_dict())
    out = tmp_path / "corr.jsonl"
    assert main(["export-corrections", "-o", str(out)]) == 0
    rows = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert rows == [{"text": target.text, "section": "force_majeure", "style": "correction",
                     "source": rep.document.sha256[:12]}]
