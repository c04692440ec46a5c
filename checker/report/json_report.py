"""JSON report, schema alliance-check/1 (contracts.md §3), with the additive keys of issue 13:
``location.label`` (human location) on clauses and findings, a ``decision`` object on decided
findings (dismissed ones are left out), reading-confidence lines in ``warnings`` and ``reading``."""
from __future__ import annotations

import json
from typing import Any

from checker.model import Report
from checker.report.common import legal_basis
from checker.report.decided import coverage_counts, decision_dict, dismissed_count, kept, severity_counts
from checker.report.locate import clause_label, finding_label
from checker.report.fit import fitted_suggestion
from checker.report.reading import assess, warning_lines


def report_dict(report: Report, decisions: dict | None = None) -> dict[str, Any]:
    d = report.to_dict()
    by_id = {c.id: c for c in report.clauses}
    for cd in d["clauses"]:
        c = by_id.get(cd["id"])
        if c is not None:
            cd["location"] = dict(cd.get("location") or {}, label=clause_label(report, c))
    findings = []
    for f, dec in kept(report, decisions):
        fd = f.to_dict()
        fd["location"] = dict(fd.get("location") or {}, label=finding_label(report, f))
        fd["suggestion"] = fitted_suggestion(report, f)
        if dec is not None:
            fd["decision"] = decision_dict(dec)
        findings.append(fd)
    d["findings"] = findings
    reading = assess(report)
    d["warnings"] = list(d.get("warnings") or []) + warning_lines(report, reading)
    d["reading"] = reading.to_dict()
    d["legal_basis"] = legal_basis(report)      # additive: "法律依据截至 …" (contracts.md §3)
    d["coverage"] = coverage_counts(report)
    d["summary"] = dict(d["summary"], **severity_counts(kept(report, decisions)))
    d["decisions"] = {"dismissed": dismissed_count(report, decisions),
                      "decided": sum(1 for _, x in kept(report, decisions) if x)}
    return d


def to_json(report: Report, decisions: dict | None = None) -> str:
    return json.dumps(report_dict(report, decisions), ensure_ascii=False, indent=2)
