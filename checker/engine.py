"""check(source, profile) → Report: the one public entry point (contracts.md §4).

ingest → segment → outline (classify) → coverage → rules → Report. Models, dictionaries and
rules are loaded once per process and reused.
"""
from __future__ import annotations

from pathlib import Path

from checker import ingest, seal_evidence
from checker.ingest import limits
from checker.classify import coverage, outline
from checker.structure import segment
from checker.errors import InputError
from checker.kinds import KIND_CHOICES, detect_kind
from checker.kinds.review import review_kind
from checker.model import Document, Report
from checker.rules.profiles import DEFAULT_PROFILE, load_profile
from checker.rules.context import ReviewContext
from checker.rules.loader import rules_for
from checker.rules.runner import run_rules


def check(path: str | Path | None = None, *, text: str | None = None, profile: str = DEFAULT_PROFILE,
          name: str | None = None, data: bytes | None = None, progress=None,
          time_budget: float | None = None, kind: str = "auto") -> Report:
    """Review an agreement given as a file ``path``, raw ``data`` bytes with a file ``name``,
    or a ``text`` string. Raises checker.errors.InputError for input that cannot be used.
    ``progress(done, total, message)`` follows OCR of scanned pages; the whole check runs within
    the per-document time budget of checker/ingest/limits.py (``time_budget`` seconds overrides it).
    ``kind``: auto (detected from the text) | agreement | charter | necessity (checker.kinds)."""
    prof = load_profile(profile)
    if kind not in KIND_CHOICES:
        raise InputError(f"未知的文件类型“{kind}”：可选 {'、'.join(KIND_CHOICES)}。")
    label = name or (Path(path).name if path is not None else "文本输入")
    deadline = limits.Deadline(label, time_budget)
    if text is not None:
        doc = ingest.from_text(text, name=name or "文本输入")
    elif data is not None:
        doc = ingest.load_bytes(data, name or "上传文件", progress=progress, deadline=deadline)
    else:
        doc = ingest.load(Path(path), progress=progress, deadline=deadline)
    deadline.check("读入完成")
    return review_as(doc, prof, kind, deadline)


def review_as(doc: Document, prof, kind: str = "auto", deadline: limits.Deadline | None = None) -> Report:
    """Dispatch on the document kind: agreement (the reference outline), charter, necessity, other."""
    note = ""
    if kind == "auto":
        kind, note = detect_kind(doc.text)
    if kind == "other":
        return Report(document=doc, profile=prof.key, clauses=[], sections=[], findings=[], kind="other",
                      kind_note=note)
    if kind == "agreement":
        rep = review(doc, prof, deadline)
    elif kind == "charter":
        # contracts.md §1: every clause keeps a reference-outline key. A charter is reviewed as the agreement
        # it stands for (the 770号 八 conditions apply to it too) and its own outline is reported beside it,
        # so a document misread as a charter still gets the agreement's review.
        rep = review(doc, prof, deadline, kind=kind)
        with_kind_view(rep, review_kind(doc, prof, kind))
    else:
        rep = kind_only(review_kind(doc, prof, kind))
    rep.kind, rep.kind_note = kind, note
    return rep


def with_kind_view(rep: Report, own: Report) -> Report:
    """Adds a kind's own reading (sections, findings) to the reference-outline review ``rep`` of the same text."""
    by_id = {c.id: c for c in own.clauses}
    for c in rep.clauses:
        mine = by_id.get(c.id)
        if mine is not None and mine.span == c.span:
            c.kind_section = mine.section
    rep.kind_sections = own.sections
    for f in own.findings:
        f.kind_section, f.section = f.section, None
    # Gaps in the kind's outline stay beside the review (SECTION_MISSING means a reference-outline section,
    # contracts.md §3); the kind's other rules (e.g. 终止程序) are findings of the review itself.
    rep.kind_findings = [f for f in own.findings if f.rule == "SECTION_MISSING"]
    rep.findings += [f for f in own.findings if f.rule != "SECTION_MISSING"]
    return rep


def kind_only(own: Report) -> Report:
    """A necessity statement is no agreement: its clauses get no reference-outline key (null, contracts.md §1);
    its own outline, coverage and findings are the review."""
    for c in own.clauses:
        c.kind_section, c.section = c.section, None
    own.kind_sections, own.sections = own.sections, []
    for f in own.findings:
        f.kind_section, f.section = f.section, None
    return own


def review(doc: Document, prof, deadline: limits.Deadline | None = None, adjust=None,
           kind: str = "agreement") -> Report:
    """``adjust``: the reviewer's corrections of the reading (checker/review/corrections.py) —
    ``adjust.structure(doc, units, clauses)`` after segmentation, ``adjust.sections(units)`` after
    classification — so coverage and every rule run on the corrected structure. ``kind``: "charter" reads
    the founding units as the parties (checker/facts/founders.py)."""
    clauses, units = segment.segment(doc)
    if adjust is not None:
        units, clauses = adjust.structure(doc, units, clauses)
    limits.check_clauses(len(clauses), doc.name)
    if deadline is not None:
        deadline.check("分段")
    containers = {c.id: c for c in clauses if c.kind == "chapter"}
    outline.classify(units, containers)
    if adjust is not None:
        adjust.sections(units)
    sections = coverage.coverage(units, prof, doc.text)
    ctx = ReviewContext(document=doc, units=units, clauses=clauses, profile=prof, sections=sections, kind=kind)
    if kind == "charter":
        from checker.facts.founders import founders_cover_parties

        founders_cover_parties(sections, ctx.parties, units)
    fill = suggestion_fill(ctx)
    rules = rules_for(prof)
    findings = run_rules(ctx, rules, fill)
    if deadline is not None:
        deadline.check("审查规则")
    parties = [p.to_dict() for p in ctx.parties]
    shown = sorted(units + list(containers.values()), key=lambda c: c.span[0])
    report = Report(document=doc, profile=prof.key, clauses=shown, sections=sections,
                    findings=findings, parties=parties)
    if doc.ocr:                      # scanned signature pages: seals found on the page image
        seal_evidence.attach(report, next((r for r in rules if r.id == "SIGNATURE_FORMALITY"), None),
                             prof.severity.get("SIGNATURE_FORMALITY"))
    return report


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
