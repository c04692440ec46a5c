"""Reviewer corrections of the structure reading (issue 13 §2): change a clause's section, split a
clause at a line, merge two neighbouring clauses. Corrections are addressed by character offsets
into the document text (stable whatever ids the segmenter gives), stored with the decisions
(review/store.py) and applied between segmentation and the rules, so the whole review — coverage,
"missing" verdicts, findings — reruns on the corrected structure."""
from __future__ import annotations

from dataclasses import replace
from typing import Any

from checker.model import Clause, Document, Report

REVIEWER_EVIDENCE = "审查人更正"


def _unit_at(units: list[Clause], offset: int) -> Clause | None:
    for u in units:
        if u.span[0] <= offset < u.span[1]:
            return u
    return None


def _relabel(doc: Document, c: Clause) -> Clause:
    """Number and heading of a clause re-read from its (new) text."""
    from checker.structure.markers import marker_of, split_heading

    m = marker_of(c.text)
    heading, _ = split_heading(m.rest if m.type else c.text)
    kind = c.kind if c.kind not in ("title", "party", "recitals", "signature") else "text"
    if m.type in ("article", "chapter"):
        kind = "article"
    return replace(c, number=m.label if m.type else None, heading=heading if m.type else None, kind=kind)


def apply_structure(doc: Document, units: list[Clause], corrections: list[dict[str, Any]]) -> list[Clause]:
    """Units after the split and merge corrections, in document order (ids renumbered where new)."""
    units = sorted(units, key=lambda u: u.span[0])
    n_new = 0
    for cor in corrections:
        op = cor.get("op")
        if op == "split":
            at = int(cor["at"])
            u = _unit_at(units, at)
            if u is None or at <= u.span[0]:
                continue
            n_new += 1
            a = replace(u, text=doc.text[u.span[0]:at].rstrip("\n"), span=(u.span[0], at),
                        children=[], evidence=[])
            a = replace(a, span=(a.span[0], a.span[0] + len(a.text)))
            b_start = at
            while b_start < u.span[1] and doc.text[b_start] in "\n ":
                b_start += 1
            b = Clause(id=f"{u.id}·{n_new}", kind=u.kind, number=None, heading=None,
                       text=doc.text[b_start:u.span[1]], span=(b_start, u.span[1]), level=u.level,
                       parent=u.parent)
            i = units.index(u)
            units[i:i + 1] = [a, _relabel(doc, b)]
        elif op == "merge":
            first, second = _unit_at(units, int(cor["a"])), _unit_at(units, int(cor["b"]))
            if first is None or second is None or first is second:
                continue
            if first.span[0] > second.span[0]:
                first, second = second, first
            i, j = units.index(first), units.index(second)
            lo, hi = first.span[0], max(u.span[1] for u in units[i:j + 1])
            merged = replace(first, text=doc.text[lo:hi], span=(lo, hi), children=[])
            units[i:j + 1] = [merged]
    return units


def apply_sections(units: list[Clause], corrections: list[dict[str, Any]]) -> None:
    """Reviewer-set sections override the classifier (after classify, in place)."""
    for cor in corrections:
        if cor.get("op") != "section":
            continue
        u = _unit_at(units, int(cor["start"]))
        if u is None:
            continue
        u.section = cor.get("section") or None
        u.confidence = 1.0
        u.evidence = [REVIEWER_EVIDENCE]
        u.also_covers = []


class Adjust:
    """The corrections as the engine applies them (checker/engine.py review(adjust=…))."""

    def __init__(self, corrections: list[dict[str, Any]]):
        self.corrections = corrections

    def structure(self, doc: Document, units: list[Clause], clauses: list[Clause]):
        if not any(c.get("op") in ("split", "merge") for c in self.corrections):
            return units, clauses
        units = apply_structure(doc, units, self.corrections)
        containers = [c for c in clauses if c.kind == "chapter"]
        for ch in containers:
            ch.children = [u.id for u in units if u.parent == ch.id]
        return units, sorted(units + containers, key=lambda c: (c.span[0], c.level))

    def sections(self, units: list[Clause]) -> None:
        apply_sections(units, self.corrections)


def review_corrected(doc: Document, profile_key: str, corrections: list[dict[str, Any]]) -> Report:
    """The engine's review of an agreement with the reviewer's corrections applied."""
    from checker.engine import review
    from checker.rules.profiles import load_profile

    rep = review(doc, load_profile(profile_key), adjust=Adjust(corrections))
    rep.kind = "agreement"
    return rep


def check_corrected(data: bytes, name: str, profile_key: str, corrections: list[dict[str, Any]],
                    progress=None) -> Report:
    from checker import ingest

    return review_corrected(ingest.load_bytes(data, name, progress=progress), profile_key, corrections)


def describe(cor: dict[str, Any], text: str) -> str:
    """One Chinese line for the list of corrections on the page."""
    from checker.library import section_title

    def snip(a: int) -> str:
        s = text[a:a + 16].split("\n")[0]
        return s + ("…" if len(s) >= 16 else "")

    op = cor.get("op")
    if op == "section":
        return f"将“{snip(int(cor['start']))}”归入“{section_title(cor.get('section'))}”"
    if op == "split":
        return f"在“{snip(int(cor['at']))}”处拆分条款"
    if op == "merge":
        return f"合并“{snip(int(cor['a']))}”与“{snip(int(cor['b']))}”"
    return str(cor)


def labelled_clauses(report_dict: dict[str, Any], corrections: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Training rows ({"text","section","style","source"}, same shape as
    clause_library/training/clauses.jsonl) for every clause whose section the reviewer set."""
    out = []
    starts = {int(c["start"]) for c in corrections if c.get("op") == "section"}
    for c in report_dict.get("clauses", []):
        span = c.get("span") or [0, 0]
        if any(span[0] <= s < span[1] for s in starts) and REVIEWER_EVIDENCE in (c.get("evidence") or []):
            out.append({"text": c["text"], "section": c.get("section"), "style": "correction",
                        "source": (report_dict.get("source") or {}).get("sha256", "")[:12]})
    return out
