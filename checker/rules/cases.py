"""Runs a rule's failing/passing examples: one clause of the rule's section, or a whole agreement.

Used by the per-rule tests and by the rule docs, so the documented examples are the tested ones.
"""
from __future__ import annotations

from checker.model import Block, Clause, Document
from checker.profiles import load_profile
from checker.rules.context import ReviewContext
from checker.rules.envelope import Case, Rule
from checker.rules.runner import run_rules


def case_profile(rule: Rule, case: Case) -> str:
    if case.profile:
        return case.profile
    # A province rule is exercised under its own province; national rules under fujian (default).
    return next((p for p in rule.profiles if p != "national"), "fujian")


def run_case(rule: Rule, case: Case) -> list:
    """Findings of ``rule`` (only) on ``case``."""
    prof = load_profile(case_profile(rule, case))
    if case.document:
        from checker.engine import check

        report = check(text=case.text, profile=prof.key, name="示例.txt")
        return [f for f in report.findings if f.rule == rule.id]
    text = case.text.strip()
    doc = Document(name="示例.txt", format="text", text=text, blocks=[Block(text=text, start=0)])
    clause = Clause(id="c1", kind="article", number=None, heading=None, text=text, span=(0, len(text)),
                    section=case.section or rule.section, confidence=1.0)
    ctx = ReviewContext(document=doc, units=[clause], clauses=[clause], profile=prof)
    return run_rules(ctx, [rule])
