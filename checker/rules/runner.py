"""Runs the rules of a profile over a review context and wraps their hits into Findings."""
from __future__ import annotations

from checker.library import resolve_citation
from checker.model import Finding, location_of
from checker.rules.context import ReviewContext
from checker.rules.envelope import Rule
from checker.rules.suggestions import render

SEVERITY_ORDER = {"error": 0, "warning": 1, "info": 2}


def run_rules(ctx: ReviewContext, rules: list[Rule], fill: dict[str, str] | None = None) -> list[Finding]:
    findings: list[Finding] = []
    seen: set[tuple] = set()
    for rule in rules:
        severity_default = ctx.profile.severity.get(rule.id, rule.severity)
        for hit in rule.func(ctx, rule):
            clause = hit.clause
            span = hit.span
            key = (rule.id, clause.id if clause else hit.section, span)
            if key in seen:
                continue
            seen.add(key)
            values = dict(fill or {})
            values.update(hit.suggestion_fill)
            findings.append(Finding(
                rule=rule.id,
                severity=hit.severity or severity_default,
                section=hit.section or (clause.section if clause and rule.section is None else rule.section),
                clause_id=clause.id if clause else None,
                span=span,
                evidence=hit.evidence,
                message=hit.message or rule.message,
                citation=resolve_citation(hit.citation or rule.citation),
                suggestion=_suggestion(hit.suggestion or rule.suggestion, values),
                number=clause.number if clause else None,
                location=location_of(ctx.document, span[0]) if span else None,
                profile=ctx.profile.key,
            ))
    findings.sort(key=lambda f: (SEVERITY_ORDER[f.severity], f.span[0] if f.span else -1, f.rule))
    return findings


def _suggestion(ids, values) -> str:
    """One suggestion id, or several whose wording is joined (a whole missing section)."""
    if isinstance(ids, (list, tuple)):
        return "\n".join(render(i, values) for i in ids)
    return render(ids, values)
