"""Built-in rule kinds that need no code: ``pattern`` (forbidden wording) and ``require``
(an element a section must contain). Both are configured by ``params`` in the rule YAML.

pattern params:  trigger: [regex, …]      fires on each match …
                 unless:  [regex, …]      … unless one of these matches in the same sentence
                 sections: [key, …]       where to look (default: the rule's section; "*" = all)
require params:  any: [regex, …]          the section must provide one of these somewhere (a match that is
                                          negated, conditional, deferred or an expulsion ground does not count)
                 when: [regex, …]         only required if the whole text matches one of these
                 deferral_ok: true        the element is itself a procedure for later ("另行协商签订"), so a
                                          deferral provides it
                 grounds_ok: true         the element is itself a sanction ("……的，予以除名"), so an
                                          expulsion ground provides it
"""
from __future__ import annotations

import re
from typing import Iterator

from checker.rules.context import ReviewContext
from checker.rules.envelope import Hit, Rule
from checker.rules.provision import provides


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
    # Only wording that provides the element counts: not a negation, a condition, a deferral
    # without saying where, or a ground for expulsion (checker/rules/provision.py).
    later, sanction = bool(rule.params.get("deferral_ok")), bool(rule.params.get("grounds_ok"))
    if any(provides(s.text, m.start(), m.end(), deferral_ok=later, grounds_ok=sanction)
           for c in clauses for s in ctx.sentences(c) for rx in anyp for m in rx.finditer(s.text)):
        return
    first = clauses[0]
    yield Hit(clause=first, span=first.span, evidence=first.text[:80])


KINDS = {"pattern": run_pattern, "require": run_require}
