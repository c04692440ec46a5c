"""Versions of the cited texts (issue 12 §2): every source carries version and effective date, no rule
cites a text that is not in force today without citing its successor or saying which version it means,
reports cite the text in force on the review (and signing) date, `alliance-check sources` lists them."""
from datetime import date

from checker.library import (cited_keys, in_force, legal_basis, resolve_citation, signing_date, source_rows,
                             sources)
from checker.rules.loader import all_rules


def test_every_source_has_version_and_effective_date():
    for key, s in sources().items():
        assert s["version"] and s["effective"], key
        if s.get("replaced_by"):
            assert s["replaced_by"] in sources(), key


def test_arbitration_law_2017_is_replaced_by_2025_from_march_2026():
    assert in_force("ARB", date(2026, 2, 28)) and not in_force("ARB", date(2026, 3, 1))
    assert in_force("ARB2025", date(2026, 3, 1)) and not in_force("ARB2025", date(2026, 2, 28))
    assert sources()["AMLREG2023"]["replaced_by"] == "AMLREG"
    assert in_force("AMLREG", date(2026, 2, 1)) and not in_force("AMLREG", date(2026, 1, 31))


def test_no_rule_cites_a_text_not_in_force_today_without_saying_so():
    today = date.today()
    bad = []
    for r in all_rules():
        keys = cited_keys(r.citation)
        for k in keys:
            if in_force(k, today):
                continue
            succ = sources()[k].get("replaced_by")
            if succ and succ in keys:
                continue            # the text in force is cited too; reports pick it by date
            if sources()[k]["version"] in r.why:
                continue            # the rule says which version its article numbers belong to
            bad.append(f"{r.id}: {k}")
    assert not bad, f"rules citing a text not in force on {today} without saying so: {bad}"


def test_report_citation_uses_the_version_in_force_on_review_and_signing_date():
    cite = "ARB 第十六条；ARB2025 第二十七条"
    after = resolve_citation(cite, on=date(2026, 12, 1))
    assert "2017年修正" not in after and "第二十七条" in after
    before = resolve_citation(cite, on=date(2025, 12, 1))
    assert "2025年修订" not in before and "第十六条" in before
    both = resolve_citation(cite, on=date(2026, 12, 1), signed=date(2025, 6, 1))
    assert "第十六条（协议签订日2025年6月1日施行的文本）" in both and "第二十七条（审查日2026年12月1日施行的文本）" in both
    alone = resolve_citation("ARB 第九条", on=date(2026, 12, 1))
    assert "取代" in alone and "第九条" in alone


def test_signing_date_and_footer():
    text = "……\n甲方（盖章）：\n签订日期：2025年6月1日\n"
    assert signing_date(text) == date(2025, 6, 1)
    assert signing_date("签订日期：    年  月  日") is None
    basis = legal_basis(text, ["ARB 第十六条；ARB2025 第二十七条"], date(2026, 12, 1))
    assert basis["note"].startswith("法律依据截至2026年12月1日") and "2017年修正" in basis["note"]
    assert basis["signed"] == "2025-06-01" and "ARB" in basis["differing_sources"]


def test_sources_command_lists_every_source(capsys):
    from checker.cli import main

    assert main(["sources", "--date", "2026-12-01"]) == 0
    out = capsys.readouterr().out
    for row in source_rows(date(2026, 12, 1)):
        assert row["key"] in out and row["version"] in out
    assert "ARB2025" in out and "已被取代" in out and "2026-03-01" in out


def test_reports_carry_the_footer():
    import json

    from checker.engine import check
    from checker.report import export

    report = check(text="某某产业技术创新战略联盟协议书\n甲方：福建某某科技有限公司\n第一条 争议解决\n协商不成的，提交厦门仲裁委员会仲裁。\n",
                   profile="fujian", name="t.txt")
    assert "法律依据截至" in export(report, "markdown").decode("utf-8")
    assert "法律依据截至" in export(report, "html").decode("utf-8")
    data = json.loads(export(report, "json").decode("utf-8"))
    assert data["legal_basis"]["as_of"] == date.today().isoformat()
