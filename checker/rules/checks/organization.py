"""The entity that answers for the alliance externally (国科发政〔2008〕770号 八(三);
闽科政〔2009〕46号 附件1 四.3): it must be named — the whole agreement is searched, since drafters
often put it under 总则 or 项目管理 rather than 组织机构."""
from __future__ import annotations

import re

from checker.facts.party_texts import ROLE_WORD
from checker.rules.envelope import Hit
from checker.rules.registry import rule_impl

_LIABLE = re.compile(r"对外[^。；]{0,12}(?:承担|负)[^。；]{0,8}责任|责任主体|代表联盟[^。；]{0,20}(?:签订|签署|承担|对外)|"
                     r"对外代表联盟|以其?自身名义代表联盟")
_ENTITY = re.compile(r"理事长单位|依托单位|牵头单位|秘书长单位|" + ROLE_WORD + r"|(?:签约|成员)单位[一二三四五六七八九十\d]+|【[^】]+】|\{\w+\}|"
                     r"[\u4e00-\u9fa5]{2,30}(?:公司|集团|大学|学院|研究院|研究所|科学院|中心|协会)")
_BLANK = re.compile(r"[*＊]{2,}|[×Ｘ]{2,}|[_＿]{2,}|XX|xx")
_NEGATED = re.compile(r"不设|暂不|尚未|另行(?:指定|确定|商定|约定)|不确定|待定")


def _names_party(ctx, text: str) -> bool:
    """A party's name, defined 简称 or role appears in the sentence (e.g. "指定蕉城动力作为…")."""
    for p in ctx.parties:
        for n in [p.name, p.role, *p.aliases]:
            if n and len(n) >= 2 and n in text:
                return True
    return False


@rule_impl("LIABLE_ENTITY_MISSING")
def liable_entity(ctx, rule):
    org = ctx.in_section("organization")
    if not org:
        return                       # no organization section: SECTION_MISSING reports it
    blank = None
    for clause in ctx.units:
        for s in ctx.sentences(clause):
            m = _LIABLE.search(s.text)
            if not m:
                continue
            if _BLANK.search(s.text):
                blank = blank or (clause, s, m)
                continue
            if _NEGATED.search(s.text) or not (_ENTITY.search(s.text) or _names_party(ctx, s.text)):
                continue
            return                   # named: nothing to report
    if blank:
        clause, s, m = blank
        yield Hit(clause=clause, span=(s.start + m.start(), s.start + m.end()), evidence=s.text.strip(),
                  message="对外承担责任的主体还是空白（××单位），协议没有实际指定。请写明由哪一成员单位（一般为理事长单位）"
                          "对外承担责任，并约定授权范围、授权程序和内部责任分担。")
        return
    c = org[0]
    yield Hit(clause=c, span=(c.span[0], c.span[0] + min(len(c.text), 20)), evidence=c.text.strip()[:120])
