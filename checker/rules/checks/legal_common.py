"""Shared helpers of the legal rule checks: sentence iteration, negation, organisation names.

Kept in one place so that every legal rule treats "不承担连带责任"-style negations and
"本协议缔约各方均具有独立法人资格"-style recitals the same way.
"""
from __future__ import annotations

import re
from typing import Iterator

from checker.facts.party_texts import ROLE_WORD
from checker.model import Clause
from checker.rules.context import ReviewContext, Sentence

# An organisation name as written in an agreement (公司/大学/研究院 …), 2–30 characters.
ORG = (r"[\u4e00-\u9fa5A-Za-z0-9（）()·]{2,30}?"
       r"(?:有限责任公司|股份有限公司|有限公司|公司|大学|学院|研究院|研究所|科学院|研究中心|中心|集团|协会)")
# Party aliases used instead of names (甲方、乙方、缔约方一、成员单位1 …; checker.facts.party_texts).
PARTY_ALIAS = ROLE_WORD

# Words that negate or prohibit what follows them ("不得统一价格" is a compliance promise).
_NEG_BEFORE = re.compile(r"(不得|不应|不能|不会|不可|禁止|严禁|杜绝|避免|反对|不|非|无|未|并非|不予|不存在|不涉及)"
                         r"[^，,。；;]{0,6}$")


def negated(text: str, start: int, window: int = 10) -> bool:
    """True if the words just before ``text[start]`` (same clause part) negate or prohibit it."""
    before = text[max(0, start - window):start]
    return bool(_NEG_BEFORE.search(before))


def all_sentences(ctx: ReviewContext, sections: list[str] | None = None) -> Iterator[Sentence]:
    """Sentences of the given sections (default: every unit of the document)."""
    for clause in scope(ctx, sections):
        yield from ctx.sentences(clause)


def scope(ctx: ReviewContext, sections: list[str] | None = None) -> list[Clause]:
    return ctx.in_sections(sections)


def full_text(ctx: ReviewContext) -> str:
    """The whole agreement (falls back to the units when the document text is empty)."""
    return ctx.text or "\n".join(c.text for c in ctx.units)


def unit_at(ctx: ReviewContext, offset: int) -> Clause | None:
    """The unit (classified clause) whose span contains ``offset``."""
    for c in ctx.units:
        if c.span[0] <= offset < c.span[1]:
            return c
    return ctx.units[0] if ctx.units else None


def span_of(sent: Sentence, m: re.Match) -> tuple[int, int]:
    return (sent.start + m.start(), sent.start + m.end())
