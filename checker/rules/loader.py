"""Loads rule envelopes from clause_library/rules/*.yaml, validates them, binds their checks.

Validation failures are developer errors (LibraryError) and are caught by tests/rules/test_meta.py.
"""
from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from checker.library import LIBRARY_DIR, LibraryError, load_yaml, resolve_citation, section_keys
from checker.rules.envelope import SEVERITIES, Case, Rule
from checker.rules.kinds import KINDS
from checker.rules.registry import implementations

RULES_DIR = LIBRARY_DIR / "rules"


def _cases(items) -> list[Case]:
    out = []
    for it in items or []:
        if isinstance(it, str):
            out.append(Case(text=it))
        else:
            out.append(Case(**it))
    return out


def _rule_from(d: dict, path: Path) -> Rule:
    ex = d.get("examples") or {}
    rule = Rule(
        id=d["id"], title=d["title"], kind=d.get("kind", "function"), section=d.get("section"),
        severity=d["severity"], profiles=list(d.get("profiles") or ["national"]),
        message=d["message"].strip(), why=(d.get("why") or "").strip(), citation=d["citation"],
        suggestion=d.get("suggestion"), fail=_cases(ex.get("fail")), passes=_cases(ex.get("pass")),
        aliases=list(d.get("aliases") or []), params=dict(d.get("params") or {}),
        source_file=path.name,
    )
    if rule.severity not in SEVERITIES:
        raise LibraryError(f"{path.name}: {rule.id}: bad severity {rule.severity!r}")
    if rule.section is not None and rule.section not in section_keys():
        raise LibraryError(f"{path.name}: {rule.id}: unknown section {rule.section!r}")
    resolve_citation(rule.citation)   # raises on an unknown source key
    if rule.kind == "function":
        impl = implementations().get(rule.id)
        if impl is None:
            raise LibraryError(f"{path.name}: {rule.id}: kind function but no @rule_impl")
        rule.func = impl
    elif rule.kind in KINDS:
        rule.func = KINDS[rule.kind]
    else:
        raise LibraryError(f"{path.name}: {rule.id}: unknown kind {rule.kind!r}")
    return rule


@lru_cache(maxsize=1)
def all_rules() -> tuple[Rule, ...]:
    rules: list[Rule] = []
    seen: set[str] = set()
    for path in sorted(RULES_DIR.glob("*.yaml")):
        for d in load_yaml(path) or []:
            r = _rule_from(d, path)
            if r.id in seen:
                raise LibraryError(f"rule id {r.id} defined twice")
            seen.add(r.id)
            rules.append(r)
    return tuple(rules)


def rules_by_id() -> dict[str, Rule]:
    out = {}
    for r in all_rules():
        out[r.id] = r
        for a in r.aliases:
            out[a] = r
    return out


def rules_for(profile) -> list[Rule]:
    """The rules that apply under ``profile`` (national rules reach every province)."""
    return [r for r in all_rules() if profile.applies(r.profiles) and r.id not in profile.ignore]
