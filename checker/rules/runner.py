"""Runs the rules of a profile over a review context and wraps their hits into Findings."""
from __future__ import annotations

from checker.library import cite_for_profile, resolve_citation
from checker.model import Finding, location_of
from checker.rules.context import ReviewContext
from checker.rules.envelope import Rule
from checker.rules.suggestions import render

SEVERITY_ORDER = {"error": 0, "warning": 1, "info": 2}
ADVISORY_NOTE = "（本配置下此项只有福建省《产业技术创新战略联盟协议书编写参考》可依，作为编写建议，不是本地区的强制要求。）"


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
            # 闽科政〔2009〕46号 etc. bind only their province: cite what applies under this profile.
            cite, advisory = cite_for_profile(hit.citation or rule.citation, ctx.profile.chain)
            severity = hit.severity or severity_default
            message = hit.message or rule.message
            if advisory:
                severity = "info"
                message += ADVISORY_NOTE
            values = dict(fill or {})
            values.update(hit.suggestion_fill)
            findings.append(Finding(
                rule=rule.id,
                severity=severity,
                section=hit.section or (clause.section if clause and rule.section is None else rule.section),
                clause_id=clause.id if clause else None,
                span=span,
                evidence=hit.evidence,
                message=message,
                citation=resolve_citation(cite, on=ctx.as_of, signed=ctx.signed_on),
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
