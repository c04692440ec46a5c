"""Sichuan/Tianjin development-plan rules (四川办法 第九条 5; 津滨科发〔2012〕8号 附件2 第四条（五））:
the plan must be there and name its required parts. The parts and their cues are the rule's
``params.elements`` in the YAML, so both provinces share one check."""
from __future__ import annotations

import re
from typing import Iterator

from checker.rules.checks.policy import anchor, hit_at, missing_elements, text_of
from checker.rules.context import ReviewContext
from checker.rules.envelope import Hit, Rule
from checker.rules.registry import rule_impl

_PLAN_SECTIONS = ["goals_tasks", "name_principles", "projects", "attachments"]
# A plan adopted as an attachment or a separate document counts as written.
_PLAN_ELSEWHERE = re.compile(r"(发展|战略)规划.{0,20}(见附件|作为.{0,6}附件|附后|另行制定|另册)")


def _plan_check(ctx: ReviewContext, rule: Rule) -> Iterator[Hit]:
    if not any(ctx.in_section(k) for k in _PLAN_SECTIONS):
        return
    text = text_of(ctx, _PLAN_SECTIONS)
    if _PLAN_ELSEWHERE.search(text):
        return
    missing = []
    for element in rule.params["elements"]:
        # An element may also be settled elsewhere: the annual plan is usually a board power
        # ("理事会审议年度计划"), written in the organisation section (四川办法 第九条 5).
        extra = text_of(ctx, element.get("also_in", []))
        missing += missing_elements(text + "\n" + extra, [element])
    if missing:
        yield hit_at(anchor(ctx, "goals_tasks", "name_principles"),
                     message=f"{rule.message}缺少：{'、'.join(missing)}。")


@rule_impl("DEVELOPMENT_PLAN_INCOMPLETE")
def development_plan(ctx: ReviewContext, rule: Rule) -> Iterator[Hit]:
    yield from _plan_check(ctx, rule)


@rule_impl("STRATEGIC_PLAN_INCOMPLETE")
def strategic_plan(ctx: ReviewContext, rule: Rule) -> Iterator[Hit]:
    yield from _plan_check(ctx, rule)
