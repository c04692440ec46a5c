"""Built-in rule kinds that need no code: ``pattern`` (forbidden wording) and ``require``
(an element a section must contain). Both are configured by ``params`` in the rule YAML.

pattern params:  trigger: [regex, …]      fires on each match …
                 unless:  [regex, …]      … unless one of these matches in the same sentence
                 sections: [key, …]       where to look (default: the rule's section; "*" = all)
require params:  any: [regex, …]          the section must match one of these somewhere
                 when: [regex, …]         only required if the whole text matches one of these
"""
from __future__ import annotations

import re
from typing import Iterator

from checker.rules.context import ReviewContext
from checker.rules.envelope import Hit, Rule


def _compiled(rule: Rule, key: str) -> list[re.Pattern]:
    cache = rule.params.setdefault("_compiled", {})
    if key not in cache:
        cache[key] = [re.compile(p) for p in rule.params.get(key, [])]
    return cache[key]


def _scope(ctx: ReviewContext, rule: Rule):
    return ctx.in_sections(rule.params.get("sections") or ([rule.section] if rule.section else None))


def run_pattern(ctx: ReviewContext, rule: Rule) -> Iterator[Hit]:
    triggers = _compiled(rule, "trigger")
    unless = _compiled(rule, "unless")
    for clause in _scope(ctx, rule):
        for sent in ctx.sentences(clause):
            if any(u.search(sent.text) for u in unless):
                continue
            for rx in triggers:
                m = rx.search(sent.text)
                if m:
                    yield Hit(clause=clause, span=(sent.start + m.start(), sent.start + m.end()),
                              evidence=sent.text.strip())
                    break


def run_require(ctx: ReviewContext, rule: Rule) -> Iterator[Hit]:
    when = _compiled(rule, "when")
    if when and not any(w.search(ctx.text) for w in when):
        return
    clauses = _scope(ctx, rule)
    if not clauses:
        return  # the section itself is missing: SECTION_MISSING reports that once
    anyp = _compiled(rule, "any")
    if any(rx.search(c.text) for c in clauses for rx in anyp):
        return
    first = clauses[0]
    yield Hit(clause=first, span=first.span, evidence=first.text[:80])


KINDS = {"pattern": run_pattern, "require": run_require}
