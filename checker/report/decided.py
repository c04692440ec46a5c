"""The reviewer's decisions as every export applies them (issue 13 §6): dismissed findings are
left out, decided ones carry status, reviewer, date and note; counters over required sections."""
from __future__ import annotations

from typing import Any

from checker.model import Finding, Report, finding_key

DEFAULT_AUTHOR = "合规审查"
DECISION_ZH = {"accepted": "已确认", "dismissed": "已驳回"}


def kept(report: Report, decisions: dict | None) -> list[tuple[Finding, dict | None]]:
    """Findings to export, each with its decision (None when undecided); dismissed ones dropped."""
    decisions = decisions or {}
    out = []
    for f in report.findings:
        d = decisions.get(finding_key(f))
        if d and d.get("status") == "dismissed":
            continue
        out.append((f, d))
    return out


def dismissed_count(report: Report, decisions: dict | None) -> int:
    return len(report.findings) - len(kept(report, decisions))


def decision_date(d: dict | None) -> str:
    at = (d or {}).get("decided_at") or ""
    return at[:10]


def decision_line(d: dict | None) -> str:
    """'已确认（王律师，2026-12-01）：请补充该条款' — '' when undecided."""
    if not d or d.get("status") not in DECISION_ZH:
        return ""
    who = ", ".join(x for x in ((d.get("reviewer") or "").strip(), decision_date(d)) if x)
    head = DECISION_ZH[d["status"]] + (f"（{who.replace(', ', '，')}）" if who else "")
    note = (d.get("note") or "").strip()
    return f"{head}：{note}" if note else head


def decision_dict(d: dict | None) -> dict[str, Any] | None:
    """The JSON ``decision`` object of a finding."""
    if not d or d.get("status") not in DECISION_ZH:
        return None
    return {"status": d["status"], "reviewer": d.get("reviewer") or "", "date": decision_date(d) or None,
            "decided_at": d.get("decided_at"), "note": d.get("note") or ""}


def author(reviewer: str | None) -> str:
    return (reviewer or "").strip() or DEFAULT_AUTHOR


def coverage_counts(report: Report) -> dict[str, int]:
    """Present / partial / missing over the *required* sections; optional absent ones are 未约定."""
    req = [s for s in report.sections if s.required]
    opt_absent = [s for s in report.sections if not s.required and s.status == "missing"]
    return {"required": len(req),
            "present": sum(s.status == "present" for s in req),
            "partial": sum(s.status == "partial" for s in req),
            "missing": sum(s.status == "missing" for s in req),
            "optional_absent": len(opt_absent)}


def severity_counts(items: list[tuple[Finding, dict | None]]) -> dict[str, int]:
    sev = [f.severity for f, _ in items]
    return {"errors": sev.count("error"), "warnings": sev.count("warning"), "infos": sev.count("info")}


def status_label(sec) -> str:
    """完整 / 部分缺失 / 缺失, and 未约定 for an optional section the agreement does not have."""
    if not sec.required and sec.status == "missing":
        return "未约定"
    return {"present": "完整", "partial": "部分缺失", "missing": "缺失"}.get(sec.status, sec.status)
