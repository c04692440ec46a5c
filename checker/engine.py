"""check(source, profile) → Report: the one public entry point (contracts.md §4).

ingest → segment → outline (classify) → coverage → rules → Report. Models, dictionaries and
rules are loaded once per process and reused.
"""
from __future__ import annotations

from pathlib import Path

from checker import ingest
from checker.classify import coverage, outline
from checker.structure import segment
from checker.model import Document, Report
from checker.rules.profiles import DEFAULT_PROFILE, load_profile
from checker.rules.context import ReviewContext
from checker.rules.loader import rules_for
from checker.rules.runner import run_rules


def check(path: str | Path | None = None, *, text: str | None = None, profile: str = DEFAULT_PROFILE,
          name: str | None = None, data: bytes | None = None) -> Report:
    """Review an agreement given as a file ``path``, raw ``data`` bytes with a file ``name``,
    or a ``text`` string. Raises checker.errors.InputError for input that cannot be used."""
    prof = load_profile(profile)
    if text is not None:
        doc = ingest.from_text(text, name=name or "文本输入")
    elif data is not None:
        doc = ingest.load_bytes(data, name or "上传文件")
    else:
        doc = ingest.load(Path(path))
    return review(doc, prof)


def review(doc: Document, prof) -> Report:
    clauses, units = segment.segment(doc)
    containers = {c.id: c for c in clauses if c.kind == "chapter"}
    outline.classify(units, containers)
    sections = coverage.coverage(units, prof, doc.text)
    ctx = ReviewContext(document=doc, units=units, clauses=clauses, profile=prof, sections=sections)
    fill = suggestion_fill(ctx)
    findings = run_rules(ctx, rules_for(prof), fill)
    parties = [p.to_dict() for p in ctx.parties]
    shown = sorted(units + list(containers.values()), key=lambda c: c.span[0])
    return Report(document=doc, profile=prof.key, clauses=shown, sections=sections,
                  findings=findings, parties=parties)


def suggestion_fill(ctx: ReviewContext) -> dict[str, str]:
    """Values for suggestion placeholders, read from the document itself."""
    from checker.facts.parties import alliance_name, chair_unit

    fill: dict[str, str] = {}
    name = alliance_name(ctx.document, ctx.units)
    if name:
        fill["alliance_name"] = name
    chair = chair_unit(ctx.document, ctx.units, ctx.parties)
    if chair:
        fill["chair"] = chair
    if ctx.parties:
        fill["members"] = "、".join(p.name for p in ctx.parties)
        fill["member_count"] = str(len(ctx.parties))
    return fill
