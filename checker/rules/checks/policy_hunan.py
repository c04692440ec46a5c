"""Hunan policy rules that need code: 湘科〔2016〕106号 第十八条 (理事长单位 is the responsible
entity for national and provincial S&T projects) and 第二十条（三） (duty to license provincial-
project IP to other units in the province). Negated statements do not satisfy either duty."""
from __future__ import annotations

import re
from typing import Iterator

from checker.rules.checks.policy import anchor, hit_at, is_negated, require_affirmed, sentences_of
from checker.rules.context import ReviewContext
from checker.rules.envelope import Hit, Rule
from checker.rules.registry import rule_impl

# 第二十条（三）：有向省内其他单位有偿或无偿许可实施的义务。
_IN_PROVINCE = re.compile(r"省内.{0,20}(许可|实施|转让|推广)|(许可|实施|转让).{0,20}省内")


@rule_impl("IN_PROVINCE_LICENSING_DUTY_MISSING")
def in_province_licensing(ctx: ReviewContext, rule: Rule) -> Iterator[Hit]:
    yield from require_affirmed(ctx, ["ip_benefits", "projects"], _IN_PROVINCE)


# 第十八条：理事长单位是承担国家及省科技计划项目组织管理的责任主体，对项目实施负总责。
_CHAIR = re.compile(r"理事长单位")
_PROJECT = re.compile(r"项目|科技计划")
_RESPONSIBLE = re.compile(r"责任主体|负总责|承担[^，。；]{0,12}法律责任|负责[^，。；]{0,12}组织(管理|实施)|组织管理[^，。；]{0,6}责任")


@rule_impl("CHAIR_NOT_PROJECT_RESPONSIBLE")
def chair_project_responsibility(ctx: ReviewContext, rule: Rule) -> Iterator[Hit]:
    keys = ["organization", "projects"]
    if not any(ctx.in_section(k) for k in keys):
        return
    for s in sentences_of(ctx, keys):
        if not (_CHAIR.search(s.text) and _PROJECT.search(s.text)):
            continue
        for m in _RESPONSIBLE.finditer(s.text):
            if not is_negated(s.text, m.start()):
                return
    # A definition ("理事长单位是指……") elsewhere does not assign the responsibility.
    yield hit_at(anchor(ctx, *keys))
