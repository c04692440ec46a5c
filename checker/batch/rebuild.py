"""A Report object again from a saved JSON report (contracts.md §3), so stored batch results can be shown
and exported by the same renderers as a fresh review. The document text is rebuilt from the clauses at
their spans (characters outside every clause become spaces)."""
from __future__ import annotations

from typing import Any

from checker.model import Block, Clause, Document, Finding, Report, SectionStatus


def report_from_dict(d: dict[str, Any]) -> Report:
    src = d.get("source") or {}
    n = int(src.get("chars") or 0)
    chars = [" "] * n
    clauses = []
    for c in d.get("clauses") or []:
        a, b = c["span"]
        if c.get("kind") != "chapter":
            for i, ch in enumerate(c["text"][: max(0, min(b, n) - a)]):
                chars[a + i] = ch
        clauses.append(Clause(id=c["id"], kind=c.get("kind", "article"), number=c.get("number"),
                              heading=c.get("heading"), text=c["text"], span=(a, b), level=c.get("level", 0),
                              parent=c.get("parent"), section=c.get("section"),
                              confidence=c.get("confidence", 0.0), evidence=list(c.get("evidence") or []),
                              also_covers=list(c.get("also_covers") or [])))
    text = "".join(chars)
    blocks: list[Block] = []
    doc = Document(name=src.get("name", ""), format=src.get("format", ""), text=text, blocks=blocks,
                   sha256=src.get("sha256", ""), pages=src.get("pages"), warnings=list(d.get("warnings") or []))
    sections = [SectionStatus(key=s["key"], title=s["title"], status=s["status"], clause_ids=list(s["clause_ids"]),
                              missing_elements=list(s["missing_elements"]), required=s.get("required", True))
                for s in d.get("sections") or []]
    findings = [Finding(rule=f["rule"], severity=f["severity"], section=f.get("section"), clause_id=f.get("clause_id"),
                        span=tuple(f["span"]) if f.get("span") else None, evidence=f.get("evidence", ""),
                        message=f.get("message", ""), citation=f.get("citation", ""),
                        suggestion=f.get("suggestion", ""), number=f.get("number"), location=f.get("location"),
                        profile=f.get("profile")) for f in d.get("findings") or []]
    return Report(document=doc, profile=d.get("profile", "fujian"), clauses=clauses, sections=sections,
                  findings=findings, parties=list(d.get("parties") or []), kind=d.get("kind", "agreement"),
                  kind_note=d.get("kind_note", ""))
