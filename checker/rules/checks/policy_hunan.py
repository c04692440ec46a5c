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
_RESPONSIBLE = re.compile(r"责任主体|负总责|承担[^，。；]{0,12}法律责任|负责[^，。；]{0,12}组织(管理|实施)|组织管理[^，。；]{0,6}责任|"
                          r"对外承担[^，。；]{0,6}责任的?主体")

# Who chairs the board ("理事长由甲方负责人担任""甲方为理事长单位""理事长单位：X公司"); 副理事长 is not the chair.
_CHAIR_IS = [re.compile(r"(?<!副)理事长(单位)?(由|为|是)[:：]?(?P<who>[^，。；]{1,40})"),
             re.compile(r"(?P<who>[^，。；]{1,40}?)(担任|为|作为)(联盟)?(的)?(首届|第一届)?(?<!副)理事长(单位)?")]
# Who answers for the alliance externally ("指定甲方为联盟对外承担责任的主体""责任主体为X").
_LIABLE = re.compile(r"对外[^，。；]{0,6}承担[^，。；]{0,6}责任的?主体|责任主体")
_LIABLE_IS = re.compile(r"(对外[^，。；]{0,6}承担[^，。；]{0,6}责任的?主体|责任主体)(为|是|由)[:：]?(?P<who>[^，。；]{1,40})")
_TASK_BOOK = re.compile(r"任务书|科技计划")
_DEFINES = re.compile(r"是指|系指|指的是")


def _units_named(ctx: ReviewContext, segment: str) -> set[str]:
    """Parties (by full name) that ``segment`` names by full name, role (甲方) or 简称."""
    found = set()
    for p in ctx.parties or []:
        if any(n and len(n) >= 2 and n in segment for n in [p.name, p.role, *p.aliases]):
            found.add(p.name)
    if not found:  # parties not extracted: compare the written role or name itself
        found = set(re.findall(r"[甲乙丙丁戊己庚辛壬癸]方|[\u4e00-\u9fa5]{2,30}?(?:公司|大学|学院|研究院|研究所|中心)", segment))
    return found


def _chair_units(ctx: ReviewContext) -> set[str]:
    units = set()
    for clause in ctx.units:
        for s in ctx.sentences(clause):
            for rx in _CHAIR_IS:
                for m in rx.finditer(s.text):
                    units |= _units_named(ctx, m.group("who"))
    return units


def _chair_is_liable_for_projects(ctx: ReviewContext) -> bool:
    """The chair unit is the alliance's external liable entity that signs the S&T project 任务书:
    第十八条 is met in substance even without the words "理事长单位……负总责"."""
    chair = None
    for clause in ctx.units:
        if clause.section == "definitions":
            continue
        for s in ctx.sentences(clause):
            m = _LIABLE.search(s.text)
            if not m or is_negated(s.text, m.start()) or _DEFINES.search(s.text):
                continue
            if not (_PROJECT.search(s.text) or _TASK_BOOK.search(clause.text)):
                continue
            before = re.split(r"[，,]", s.text[:m.start()])[-1]
            after = _LIABLE_IS.search(s.text)
            segment = before + (after.group("who") if after else "")
            if _CHAIR.search(before) or re.search(r"(?<!副)理事长单位", segment):
                return True
            if chair is None:
                chair = _chair_units(ctx)
            if chair & _units_named(ctx, segment):
                return True
    return False


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
    if _chair_is_liable_for_projects(ctx):
        return
    # A definition ("理事长单位是指……") elsewhere does not assign the responsibility.
    yield hit_at(anchor(ctx, *keys))
