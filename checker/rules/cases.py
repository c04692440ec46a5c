"""Runs a rule's failing/passing examples: one clause of the rule's section, or a whole agreement.

Used by the per-rule tests and by the rule docs, so the documented examples are the tested ones.
"""
from __future__ import annotations

from typing import Any, Callable

from checker.model import Block, Clause, Document
from checker.rules.profiles import load_profile
from checker.rules.context import ReviewContext
from checker.rules.envelope import Case, Rule
from checker.rules.runner import run_rules


def case_profile(rule: Rule, case: Case) -> str:
    if case.profile:
        return case.profile
    # A province rule is exercised under its own province; national rules under fujian (default).
    return next((p for p in rule.profiles if p != "national"), "fujian")


def run_case(rule: Rule, case: Case, check: Callable[..., Any] | None = None) -> list:
    """Findings of ``rule`` (only) on ``case``.

    A whole-agreement case needs the full pipeline: the caller hands in ``check`` (checker.engine.check),
    because the rules stage may not import the engine above it.
    """
    prof = load_profile(case_profile(rule, case))
    if case.document:
        if check is None:
            raise ValueError(f"{rule.id}: a whole-agreement example needs the engine's check function")
        report = check(text=case.text, profile=prof.key, name="示例.txt")
        return [f for f in report.findings if f.rule == rule.id]
    text = case.text.strip()
    doc = Document(name="示例.txt", format="text", text=text, blocks=[Block(text=text, start=0)])
    clause = Clause(id="c1", kind="article", number=None, heading=None, text=text, span=(0, len(text)),
                    section=case.section or rule.section, confidence=1.0)
    ctx = ReviewContext(document=doc, units=[clause], clauses=[clause], profile=prof)
    return run_rules(ctx, [rule])
