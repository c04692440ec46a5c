"""Typed records passed between the pipeline stages (ingest → segment → outline → rules → report).

Every stage returns one of these; no stage reaches back into an earlier one. Offsets are
character offsets into ``Document.text`` — the single text a report is made from
(contracts.md §3: ``span`` is "a pair of character offsets into the document text").
"""
from __future__ import annotations

import hashlib

from dataclasses import dataclass, field, asdict
from typing import Any


@dataclass
class Block:
    """One visible unit of the source: a paragraph, a table row, or a PDF/text line group.

    ``text`` includes a rendered Word auto-number label (e.g. "第一条 ") at its start; the
    label's length is kept in ``label_len`` so the DOCX exporter can map offsets back to runs.
    """

    text: str
    start: int = 0                 # offset of text[0] in Document.text
    page: int | None = None        # 1-based page (PDF; DOCX/TXT when known)
    paragraph: int = 0             # 0-based index among the document's blocks
    kind: str = "paragraph"        # paragraph | table_row | heading
    style: str | None = None       # Word style name, when there is one
    label_len: int = 0             # characters of a rendered auto-number label at the start
    source_ref: dict[str, Any] = field(default_factory=dict)  # format-specific anchor (docx: {"p": idx} or {"table": t, "row": r})
    # Formatting evidence (issue 7: headings shown only by formatting): the whole visible text is bold
    # (docx run/style bold, PDF bold font weight), font size in pt, centred, Word outline level.
    bold: bool = False
    size: float | None = None
    centered: bool = False
    outline_level: int | None = None

    @property
    def end(self) -> int:
        return self.start + len(self.text)


@dataclass
class Document:
    """Text of an agreement plus where every character came from."""

    name: str
    format: str                    # docx | pdf | txt | md | doc | text
    text: str
    blocks: list[Block]
    sha256: str = ""
    pages: int | None = None
    warnings: list[str] = field(default_factory=list)   # user-facing (Chinese) notes from ingest
    ocr: dict[str, Any] | None = None   # scanned pages: engine, pages, confidence, seals (ingest/ocr.py)

    def block_at(self, offset: int) -> Block | None:
        """The block that contains ``offset`` (binary search over block starts)."""
        lo, hi = 0, len(self.blocks) - 1
        while lo <= hi:
            mid = (lo + hi) // 2
            b = self.blocks[mid]
            if offset < b.start:
                hi = mid - 1
            elif offset > b.end:
                lo = mid + 1
            else:
                return b
        return None


@dataclass
class Clause:
    """A node of the clause tree: a chapter, article, numbered item, preamble part, signature …"""

    id: str
    kind: str                      # title | preamble | chapter | article | item | heading | signature | attachment | text
    number: str | None             # visible label as written, e.g. "第十二条", "（三）", "3.1"
    heading: str | None            # short heading after the number, e.g. "争议解决"
    text: str                      # full text of the clause incl. its children
    span: tuple[int, int]
    level: int = 0
    parent: str | None = None
    children: list[str] = field(default_factory=list)
    block_range: tuple[int, int] = (0, 0)   # [first, last] block index
    section: str | None = None
    confidence: float = 0.0
    evidence: list[str] = field(default_factory=list)
    also_covers: list[str] = field(default_factory=list)  # other outline topics this clause covers
    kind_section: str | None = None  # section of the document kind's own outline (charter, necessity statement)

    @property
    def body(self) -> str:
        """Text without the number label and heading line."""
        t = self.text
        if self.number and t.startswith(self.number):
            t = t[len(self.number):]
        t = t.lstrip(" \u3000、.．:：")
        if self.heading and t.startswith(self.heading):
            t = t[len(self.heading):]
        return t.lstrip(" \u3000、.．:：\n")


@dataclass
class SectionStatus:
    key: str
    title: str
    status: str                    # present | partial | missing
    clause_ids: list[str] = field(default_factory=list)
    missing_elements: list[str] = field(default_factory=list)
    required: bool = True


@dataclass
class Finding:
    rule: str
    severity: str                  # error | warning | info
    section: str | None
    clause_id: str | None
    span: tuple[int, int] | None
    evidence: str
    message: str
    citation: str
    suggestion: str
    number: str | None = None      # visible clause number, e.g. "第十二条"
    location: dict[str, Any] | None = None
    profile: str | None = None
    kind_section: str | None = None  # for a finding of a document kind's own rules: the section of that outline

    def to_dict(self) -> dict[str, Any]:
        d = asdict(self)
        d["span"] = list(self.span) if self.span else None
        return d


@dataclass
class Report:
    document: Document
    profile: str
    clauses: list[Clause]
    sections: list[SectionStatus]
    findings: list[Finding]
    parties: list[dict[str, Any]] = field(default_factory=list)
    seals: list[dict[str, Any]] = field(default_factory=list)   # per signature row: seal present/absent (OCR only)
    kind: str = "agreement"        # agreement | charter | necessity | other (checker.kinds)
    kind_note: str = ""            # why the kind was chosen (one Chinese line); the whole message for "other"
    # A charter or necessity statement is also read against its own outline (clause_library/kinds/): that
    # coverage and its gaps are reported here, beside the reference-outline ``sections`` of contracts.md §1.
    kind_sections: list[SectionStatus] = field(default_factory=list)
    kind_findings: list[Finding] = field(default_factory=list)

    def summary(self) -> dict[str, int]:
        sev = [f.severity for f in self.findings]
        st = [s.status for s in self.sections]
        return {
            "errors": sev.count("error"),
            "warnings": sev.count("warning"),
            "infos": sev.count("info"),
            "sections_present": st.count("present"),
            "sections_partial": st.count("partial"),
            "sections_missing": st.count("missing"),
        }

    def clause(self, cid: str | None) -> Clause | None:
        if cid is None:
            return None
        for c in self.clauses:
            if c.id == cid:
                return c
        return None

    def to_dict(self) -> dict[str, Any]:
        """The JSON report of contracts.md §3 (schema alliance-check/1); keys are only ever added."""
        doc = self.document
        return {
            "schema": "alliance-check/1",
            "source": {"name": doc.name, "format": doc.format, "sha256": doc.sha256,
                       "pages": doc.pages, "chars": len(doc.text), "ocr": doc.ocr},
            "profile": self.profile,
            "clauses": [
                {"id": c.id, "number": c.number, "heading": c.heading, "text": c.text,
                 "section": c.section, "confidence": round(c.confidence, 3),
                 "location": _location(doc, c.span[0]), "span": list(c.span),
                 "kind": c.kind, "level": c.level, "parent": c.parent,
                 "evidence": c.evidence, "also_covers": c.also_covers, "kind_section": c.kind_section}
                for c in self.clauses
            ],
            "sections": [
                {"key": s.key, "title": s.title, "status": s.status, "clause_ids": s.clause_ids,
                 "missing_elements": s.missing_elements, "required": s.required}
                for s in self.sections
            ],
            "findings": [f.to_dict() for f in self.findings],
            "parties": self.parties,
            "warnings": doc.warnings,
            "seals": self.seals,
            "summary": self.summary(),
            "kind": self.kind,
            "kind_note": self.kind_note,
            "kind_sections": [
                {"key": s.key, "title": s.title, "status": s.status, "clause_ids": s.clause_ids,
                 "missing_elements": s.missing_elements, "required": s.required}
                for s in self.kind_sections
            ],
            "kind_findings": [f.to_dict() for f in self.kind_findings],
        }


def _location(doc: Document, offset: int) -> dict[str, Any]:
    b = doc.block_at(offset)
    if b is None:
        return {"page": None, "paragraph": None}
    loc = {"page": b.page, "paragraph": b.paragraph}
    if b.source_ref.get("box"):                  # OCR'd text: where on the page image (fractions)
        loc["box"] = b.source_ref["box"]
    return loc


location_of = _location


def finding_key(f: Any) -> str:
    """Stable id of a finding (object or report dict): sha1 of rule|section|clause_id|span|evidence."""
    get = (lambda k: f.get(k)) if isinstance(f, dict) else (lambda k: getattr(f, k, None))
    span = get("span")
    span_s = f"{span[0]},{span[1]}" if span else ""
    raw = "|".join([get("rule") or "", get("section") or "", get("clause_id") or "", span_s,
                    get("evidence") or ""])
    return hashlib.sha1(raw.encode("utf-8")).hexdigest()
