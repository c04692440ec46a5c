"""Tianjin Binhai policy rules that need code (津滨科发〔2012〕8号 附件2): member count and
enterprise share (第四条（四）), 理事长单位 / 依托单位 named and registered in 滨海新区 (第四条（二）（三）),
duties of 理事会、专家委员会、秘书处 (第四条（七）) and the contents of a charter (第五条（三）5)."""
from __future__ import annotations

import re
from typing import Iterator

from checker.rules.checks.policy import (ORG_SUFFIX, anchor, find_span, hit_at, member_type, missing_elements,
                                         parties_of, text_of)
from checker.rules.context import ReviewContext
from checker.rules.envelope import Hit, Rule
from checker.rules.registry import rule_impl

_TYPE_ZH = {"enterprise": "企业", "university": "大学", "institute": "科研机构", "other": "其他"}


# --- 第四条（四）：成员单位不少于10家，企业成员不低于60% -------------------------------------------
def _counts(ctx: ReviewContext):
    parties = parties_of(ctx)
    ents = sum(1 for p in parties if member_type(p) == "enterprise")
    return parties, ents


@rule_impl("MEMBER_COUNT_BELOW_MINIMUM")
def member_count(ctx: ReviewContext, rule: Rule) -> Iterator[Hit]:
    parties, _ = _counts(ctx)
    need = int(ctx.profile.params.get("min_members", 10))
    if parties and len(parties) < need:
        yield hit_at(anchor(ctx, "parties"), evidence="、".join(p.name for p in parties)[:120],
                     message=f"协议列明的成员单位共 {len(parties)} 家，少于滨海新区认定要求的 {need} 家。")


@rule_impl("ENTERPRISE_SHARE_BELOW_MINIMUM")
def enterprise_share(ctx: ReviewContext, rule: Rule) -> Iterator[Hit]:
    parties, ents = _counts(ctx)
    share = float(ctx.profile.params.get("min_enterprise_share", 0.6))
    if parties and ents < share * len(parties) - 1e-9:
        kinds = "、".join(f"{p.name}（{_TYPE_ZH.get(member_type(p), '其他')}）" for p in parties)
        yield hit_at(anchor(ctx, "parties"), evidence=kinds[:120],
                     message=f"成员单位共 {len(parties)} 家，其中企业 {ents} 家，占 {ents / len(parties):.0%}，"
                             f"低于滨海新区认定要求的 {share:.0%}。")


# --- 第四条（二）（三）：理事长单位、依托单位及其注册地 ------------------------------------------------
_NAME = rf"[“\"]?(?P<n>[^，。；,;：:\n”\"（()）]{{2,40}}?{ORG_SUFFIX}(?:有限责任公司|股份有限公司|有限公司)?)"


def _role_patterns(role: str) -> list[re.Pattern]:
    # "理事长单位是指……" is a definition and names nobody, hence 是(?!指).
    return [re.compile(rf"{role}(?:首届|第一届)?(?:为|是(?!指)|系|[:：])\s*{_NAME}"),
            re.compile(rf"[（(]\s*{role}\s*[)）]\s*[:：]\s*{_NAME}"),
            re.compile(rf"{_NAME}(?:担任|作为|为)(?:联盟的?|本联盟)?(?:首届|第一届)?{role}")]


_CHAIR_RX = _role_patterns("理事长单位")
_HOST_RX = _role_patterns("依托单位")
BINHAI = re.compile(r"滨海新区|塘沽|汉沽|大港|天津经济技术开发区|天津港保税区|滨海高新|中新天津生态城|东疆|临港经济区|泰达")
_ADDR = re.compile(r"(住所地?|注册地址?|地址)\s*[:：]?\s*(?P<a>[^\n，。；]{4,60})")


def role_unit(ctx: ReviewContext, patterns: list[re.Pattern], role_word: str) -> str | None:
    for p in parties_of(ctx):
        if role_word in (getattr(p, "role", None) or ""):
            return p.name
    for rx in patterns:
        m = rx.search(ctx.text)
        if m:
            return m.group("n").strip(" “”\"")
    return None


def _domicile(ctx: ReviewContext, name: str) -> str:
    for p in parties_of(ctx):
        if p.name and (p.name in name or name in p.name) and getattr(p, "domicile", None):
            return p.domicile
    i = ctx.text.find(name)
    if i >= 0:
        m = _ADDR.search(ctx.text, i + len(name), i + len(name) + 80)
        if m:
            return m.group("a")
    return ""


@rule_impl("CHAIR_UNIT_NOT_NAMED")
def chair_not_named(ctx: ReviewContext, rule: Rule) -> Iterator[Hit]:
    if ctx.units and role_unit(ctx, _CHAIR_RX, "理事长") is None:
        yield hit_at(anchor(ctx, "organization", "parties"))


@rule_impl("HOST_UNIT_NOT_NAMED")
def host_not_named(ctx: ReviewContext, rule: Rule) -> Iterator[Hit]:
    if ctx.units and role_unit(ctx, _HOST_RX, "依托") is None:
        yield hit_at(anchor(ctx, "organization", "parties"))


@rule_impl("CHAIR_AND_HOST_OUTSIDE_BINHAI")
def chair_host_binhai(ctx: ReviewContext, rule: Rule) -> Iterator[Hit]:
    chair = role_unit(ctx, _CHAIR_RX, "理事长")
    if chair is None:
        return  # CHAIR_UNIT_NOT_NAMED reports it
    chair_addr = _domicile(ctx, chair)
    if BINHAI.search(chair + chair_addr):
        return
    host = role_unit(ctx, _HOST_RX, "依托")
    host_addr = _domicile(ctx, host) if host else ""
    if host and BINHAI.search(host + host_addr) and member_type_of(host) == "enterprise":
        return
    where = f"住所地为“{chair_addr}”" if chair_addr else "协议中未写明其住所地"
    if host is None:
        tail = "协议也未写明依托单位"
    elif not BINHAI.search(host + host_addr):
        tail = f"依托单位“{host}”" + (f"住所地为“{host_addr}”，" if host_addr else "未写明住所地，") + "也不在滨海新区"
    else:
        tail = f"依托单位“{host}”不是企业法人"
    clause = anchor(ctx, "organization", "parties")
    yield hit_at(clause, span=find_span(ctx, chair, clause.span if clause else None), evidence=chair,
                 message=f"理事长单位“{chair}”{where}，不能确认是滨海新区法人；{tail}。理事长单位不是新区法人的，"
                         "依托单位必须为新区企业法人。")


def member_type_of(name: str) -> str:
    try:
        from checker.facts.parties import classify_member

        return classify_member(name)
    except ImportError:
        return "enterprise" if re.search(r"公司|集团|企业", name) else "other"


# --- 第四条（七）：理事会（董事会）、专家委员会、秘书处及其职责 ----------------------------------------------
_BODIES = [
    ("理事会（董事会）", re.compile(r"理事会|董事会"), [
        {"name": "理事会制定和修改联盟章程、联盟协议", "any": [r"(制定|修改|修订|拟订|审议).{0,12}(章程|协议)"]},
        {"name": "理事会决定技术发展方向与重点工作任务", "any": [r"发展方向|重点(工作)?任务"]},
        {"name": "理事会协调资金筹措与使用", "any": [r"(资金|经费).{0,6}(筹措|筹集|使用)|预算"]},
        {"name": "理事会决定成果转化及收益分配方案", "any": [r"成果转化|收益分配|利益分配"]},
    ]),
    ("专家委员会", re.compile(r"专家(咨询)?委员会|技术委员会"), [
        {"name": "专家委员会制定技术发展方向与重点研发项目", "any": [r"技术.{0,6}方向|重点(研发)?项目|技术路线"]},
    ]),
    ("秘书处", re.compile(r"秘书处|办公室"), [
        {"name": "秘书处负责日常事务", "any": [r"日常"]},
    ]),
]


@rule_impl("GOVERNANCE_DUTIES_INCOMPLETE")
def governance_duties(ctx: ReviewContext, rule: Rule) -> Iterator[Hit]:
    text = text_of(ctx, ["organization"])
    if not text:
        return
    missing = []
    for body, present, duties in _BODIES:
        if not present.search(text):
            missing.append(f"未设{body}")
        else:
            missing += missing_elements(text, duties)
    if missing:
        yield hit_at(anchor(ctx, "organization"), message=f"{rule.message}缺少：{'；'.join(missing)}。")


# --- 第五条（三）5：联盟章程的内容 ---------------------------------------------------------------------
_CHARTER_ELEMENTS = [
    {"name": "宗旨", "any": ["宗旨"]},
    # 性质: what the alliance is in law ("不具有法人资格的产学研协作体""本联盟是……自愿结成的合作平台").
    {"name": "性质", "any": ["性质|非法人|契约型|合作组织",
                            r"不具(有|备)[^。；]{0,4}法人",
                            r"联盟(是|为|系)[^。；]{0,40}(合作|协作|创新|联合|战略|契约)[^。；]{0,6}(组织|联合体|协作体|共同体|平台)"]},
    {"name": "原则", "any": ["原则"]},
    # 工作内容 is what the alliance will do — its technical targets and the members' task division — whether or
    # not a chapter is headed “工作内容” (a charter numbered 一、二、… has no chapter headings at all).
    {"name": "工作内容", "any": ["工作内容|业务范围|(主要|工作|重点|研发|攻关)任务|任务分工",
                              r"(技术创新|研发|攻关|发展|总体)目标"]},
    {"name": "组织管理", "any": ["组织(机构|管理)|理事会"]}, {"name": "资产管理", "any": ["资产|财产"]},
    {"name": "经费使用", "any": ["经费"]}, {"name": "成果管理", "any": ["成果|知识产权"]},
    {"name": "责任分担", "any": ["责任"]},
    # 利益分配: "收益按投入比例分配""所得收益由各方分享"; the bare principle "利益共享" is not a sharing rule.
    {"name": "利益分配", "any": ["(利益|收益).{0,4}分配",
                              r"(利益|收益|收入|所得)[^。；、]{1,16}(分配|分享)",
                              r"(分配|分享)[^。；]{0,8}(利益|收益|收入)"]},
    {"name": "终止程序", "any": ["终止|解散"]},
]


@rule_impl("CHARTER_CONTENTS_INCOMPLETE")
def charter_contents(ctx: ReviewContext, rule: Rule) -> Iterator[Hit]:
    head = (text_of(ctx, ["title"]) or ctx.text.strip()[:80]).strip().splitlines()
    title = head[0] if head else ""
    if "章程" not in title or "协议" in title:
        return  # only a charter document is checked against the charter contents
    missing = missing_elements(ctx.text, _CHARTER_ELEMENTS)
    if missing:
        yield hit_at(anchor(ctx, "title", "name_principles"), message=f"{rule.message}缺少：{'、'.join(missing)}。")
