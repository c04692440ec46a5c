"""Agreed court and service checks: the chosen court's place must be connected with the dispute
(民事诉讼法 第三十五条; 民诉法解释 第三十条), a basic court is wrong for patent / technical-secret
cases (法释〔2022〕13号 第一条), and notice addresses should serve for court and arbitration too
(法发〔2016〕21号 第3条).
"""
from __future__ import annotations

import re

from checker.facts.disputes import court_choices, place_cores
from checker.rules.checks.dispute import analysed, sentence_at
from checker.rules.envelope import Hit
from checker.rules.registry import rule_impl

_SIGN_PLACE = re.compile(r"(?:签订|签署|订立|履行)(?:地点?|地)\s*(?:为|是|在|：|:)\s*([\u4e00-\u9fa5]{2,20})|"
                         r"于\s*([\u4e00-\u9fa5]{2,12}?(?:省|市|区|县))\s*(?:签订|签署|订立)")
_IP_SCOPE = re.compile(r"专利|技术秘密|计算机软件|软件著作权|集成电路布图|垄断")


def _hit(clause, span, message=None, severity=None):
    a, b = span
    return Hit(clause=clause, span=(clause.span[0] + a, clause.span[0] + b),
               evidence=sentence_at(clause.text, a, b), message=message, severity=severity)


def _court_choices(ctx):
    for clause, f in analysed(ctx):
        if not f.court or (f.form and "court" not in f.form_chosen):
            continue
        for ch in court_choices(f.masked):
            yield clause, ch


@rule_impl("JURIS_NO_CONNECTION")
def no_connection(ctx, rule):
    known = " ".join(filter(None, [x for p in ctx.parties for x in (p.domicile, p.name)]))
    for m in _SIGN_PLACE.finditer(ctx.text):
        known += " " + (m.group(1) or m.group(2))
    for clause, ch in _court_choices(ctx):
        if ch.kind == "alliance":
            yield _hit(clause, ch.span, severity="info",
                       message="约定由联盟秘书处（常设机构）所在地法院管辖。联盟本身没有登记住所，请确认该地同时是某一成员的住所地、"
                               "协议签订地或履行地，否则宜直接写明该地的地名或改为一方住所地法院。")
        elif ch.kind == "concrete" and known.strip():
            cores = place_cores(ch.prefix)
            if cores and not any(c in known for c in cores):
                yield _hit(clause, ch.span)


@rule_impl("JURIS_LEVEL_IP")
def level_ip(ctx, rule):
    if not _IP_SCOPE.search(ctx.text):
        return
    for clause, ch in _court_choices(ctx):
        if ch.basic and ch.kind == "concrete":
            yield _hit(clause, ch.span)
            return


_LITIGATION_SERVICE = re.compile(r"(?:诉讼|仲裁|司法)[^。；]{0,12}(?:文书|程序|阶段|送达)|适用于[^。；]{0,12}(?:诉讼|仲裁)|"
                                 r"(?:法院|仲裁(?:机构|委员会))[^。；]{0,12}送达")
_CHANGE_DUTY = re.compile(r"(?:变更|更改|改变|变动)[^。；]{0,30}(?:通知|告知|书面)|(?:未|没有)(?:及时)?(?:通知|告知)[^。；]{0,12}变更")


@rule_impl("SERVICE_ADDRESS_CONFIRM")
def service_address(ctx, rule):
    clauses = ctx.in_section("notices")
    if not clauses:
        return
    text = "\n".join(c.text for c in clauses)
    missing = []
    if not _LITIGATION_SERVICE.search(text):
        missing.append("未写明上述地址同时作为诉讼、仲裁文书的送达地址")
    if not _CHANGE_DUTY.search(text):
        missing.append("未约定地址变更时的通知义务")
    if missing:
        c = clauses[0]
        m = re.search(r"送达|通知|地址", c.text)
        span = m.span() if m else (0, min(20, len(c.text)))
        yield _hit(c, span, message="送达条款" + "，".join(missing) + "。请补充：各方确认的地址和电子邮箱适用于"
                                    "协议履行及诉讼、仲裁程序中文书的送达，地址变更应在若干日内书面通知其他各方，否则原地址送达视为有效。")
