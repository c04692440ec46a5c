"""Markdown/HTML reports: structure, Chinese labels, and escaping of document text."""
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
