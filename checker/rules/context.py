"""What a rule check sees: the document, its classified clauses, the profile, and helpers.

Sentence splitting and section lookup live here so that every rule uses the same ones.
"""
from __future__ import annotations

import re
from datetime import date
from dataclasses import dataclass, field
from functools import cached_property
from typing import Any, Iterator

from checker.model import Clause, Document, SectionStatus

# Sentence ends: Chinese full stop/semicolon, newline, and "；" inside list items.
_SENT_END = re.compile(r"[。；;！？!?\n]")


@dataclass
class Sentence:
    text: str
    start: int          # document offset
    clause: Clause

    @property
    def end(self) -> int:
        return self.start + len(self.text)


@dataclass
class ReviewContext:
    document: Document
    units: list[Clause]                 # classified clauses (the units a section is made of)
    clauses: list[Clause]               # the whole clause tree (units and their descendants)
    profile: Any                        # checker.rules.profiles.Profile
    sections: list[SectionStatus] = field(default_factory=list)
    review_date: date | None = None     # citations name the texts in force that day (default: today)
    kind: str = "agreement"             # agreement | charter (a charter's parties are its founding units)

    @property
    def as_of(self) -> date:
        return self.review_date or date.today()

    @cached_property
    def signed_on(self) -> date | None:
        """The signing date the agreement states, if any (citations add the texts in force then)."""
        from checker.library import signing_date

        return signing_date(self.document.text)

    # --- sections -------------------------------------------------------------------------
    def in_section(self, key: str, include_secondary: bool = True) -> list[Clause]:
        """Units whose main section is ``key`` (and, by default, units that also cover it)."""
        return [c for c in self.units
                if c.section == key or (include_secondary and key in c.also_covers)]

    def in_sections(self, keys: list[str] | None) -> list[Clause]:
        """Units of any of ``keys`` in document order, each once; all units for None/[] or "*"."""
        if not keys or "*" in keys:
            return list(self.units)
        seen, out = set(), []
        for key in keys:
            for c in self.in_section(key):
                if c.id not in seen:
                    seen.add(c.id)
                    out.append(c)
        return out

    def section_text(self, key: str) -> str:
        return "\n".join(c.text for c in self.in_section(key))

    def status(self, key: str) -> SectionStatus | None:
        for s in self.sections:
            if s.key == key:
                return s
        return None

    @property
    def text(self) -> str:
        return self.document.text

    # --- sentences ------------------------------------------------------------------------
    def sentences(self, clause: Clause) -> Iterator[Sentence]:
        """Sentences of a clause with document offsets (split on 。；！？ and line breaks).
        Split once per clause: every rule asks for the same sentences."""
        cache = self.__dict__.setdefault("_sentence_cache", {})
        key = (clause.id, clause.span)
        if key not in cache:
            cache[key] = list(self._split(clause))
        return iter(cache[key])

    def _split(self, clause: Clause) -> Iterator[Sentence]:
        base = clause.span[0]
        text = clause.text
        pos = 0
        for m in _SENT_END.finditer(text):
            seg = text[pos:m.end()]
            if seg.strip():
                yield Sentence(seg, base + pos, clause)
            pos = m.end()
        if text[pos:].strip():
            yield Sentence(text[pos:], base + pos, clause)

    def section_sentences(self, key: str) -> Iterator[Sentence]:
        for c in self.in_section(key):
            yield from self.sentences(c)

    # --- parties (lazy: only rules that need them pay for extraction) ----------------------
    @cached_property
    def parties(self) -> list[Any]:
        from checker.facts.parties import extract_parties

        if self.kind == "charter":      # founding units, wherever the charter lists them
            from checker.facts.founders import founding_units

            return founding_units(self.document, self.units)
        return extract_parties(self.document, self.units)
