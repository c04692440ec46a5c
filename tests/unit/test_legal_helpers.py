"""Test helpers for the legal and mechanical rules: build a review context from clause texts and run
one rule from its own YAML file (so these tests do not depend on other people's rule files)."""
from __future__ import annotations

from functools import lru_cache

from checker.library import LIBRARY_DIR, load_yaml
from checker.model import Block, Clause, Document
from checker.rules.profiles import load_profile
from checker.rules.context import ReviewContext
from checker.rules.loader import _rule_from
from checker.rules.runner import run_rules


@lru_cache(maxsize=None)
def rules_of(filename: str) -> dict:
    path = LIBRARY_DIR / "rules" / filename
    return {d["id"]: _rule_from(d, path) for d in load_yaml(path)}


def rule(rule_id: str):
    for f in ("legal.yaml", "mechanical.yaml"):
        r = rules_of(f).get(rule_id)
        if r is not None:
            return r
    raise KeyError(rule_id)


def context(*parts: tuple[str | None, str], profile: str = "fujian") -> ReviewContext:
    """A document made of (section, text) clauses, one per paragraph."""
    units, blocks, pos, texts = [], [], 0, []
    for i, (section, text) in enumerate(parts):
        units.append(Clause(id=f"c{i + 1}", kind="article", number=None, heading=None, text=text,
                            span=(pos, pos + len(text)), section=section, confidence=1.0))
        blocks.append(Block(text=text, start=pos, paragraph=i))
        texts.append(text)
        pos += len(text) + 1
    doc = Document(name="测试.txt", format="text", text="\n".join(texts), blocks=blocks)
    return ReviewContext(document=doc, units=units, clauses=units, profile=load_profile(profile))


def findings(rule_id: str, *parts: tuple[str | None, str]):
    return run_rules(context(*parts), [rule(rule_id)])


def test_context_offsets_match_document_text():
    ctx = context(("members", "成员可以退出联盟。"), ("breach", "违约方应赔偿损失。"))
    for unit in ctx.units:
        assert ctx.text[unit.span[0]:unit.span[1]] == unit.text


def test_rule_lookup_reads_both_files():
    assert rule("TERM_MISSING").section == "effect_amendment"
    assert rule("AMOUNT_MISMATCH").section is None
