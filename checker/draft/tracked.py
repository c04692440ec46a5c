"""Word tracked changes (ECMA-376 §17.13.5: ``w:ins`` / ``w:del``) written into an open python-docx document.

Every change carries the author 合规审查 and one date, and a ``w:id`` above every id already in the file so
earlier revisions and comments keep theirs. Deleted runs are wrapped in ``w:del`` with their ``w:t`` turned into
``w:delText`` (the run and its formatting stay); inserted text is a run copying the formatting of the text it
replaces; an inserted paragraph also marks its paragraph mark as inserted (``w:pPr/w:rPr/w:ins``), so
“reject all” in Word removes it completely.
"""
from __future__ import annotations

import copy
from datetime import datetime, timezone

from docx.oxml import OxmlElement
from docx.oxml.ns import qn

AUTHOR = "合规审查"
_XML_SPACE = "{http://www.w3.org/XML/1998/namespace}space"


class Tracker:
    def __init__(self, doc, author: str = AUTHOR, date: datetime | None = None):
        self.doc = doc
        self.author = author
        self.date = (date or datetime.now(timezone.utc)).strftime("%Y-%m-%dT%H:%M:%SZ")
        ids = [int(v) for el in doc.element.iter() for k, v in el.attrib.items()
               if k == qn("w:id") and str(v).lstrip("-").isdigit()]
        self._next = max(ids, default=0) + 1
        self.count = 0

    def _mark(self, tag: str):
        el = OxmlElement(tag)
        el.set(qn("w:id"), str(self._next))
        el.set(qn("w:author"), self.author)
        el.set(qn("w:date"), self.date)
        self._next += 1
        return el

    # -- runs -------------------------------------------------------------------------------------
    def run(self, text: str, rpr=None):
        """A w:r with ``text`` (line breaks as w:br) and a copy of ``rpr``."""
        r = OxmlElement("w:r")
        if rpr is not None:
            r.append(copy.deepcopy(rpr))
        for i, piece in enumerate(text.split("\n")):
            if i:
                r.append(OxmlElement("w:br"))
            if piece:
                t = OxmlElement("w:t")
                t.text = piece
                t.set(_XML_SPACE, "preserve")
                r.append(t)
        return r

    def insertion(self, text: str, rpr=None):
        ins = self._mark("w:ins")
        ins.append(self.run(text, rpr))
        self.count += 1
        return ins

    def delete(self, runs: list) -> list:
        """Wrap each run in its own w:del (runs of one paragraph, in order); returns the w:del elements."""
        out = []
        for r in runs:
            for t in r.findall(qn("w:t")):
                t.tag = qn("w:delText")
                t.set(_XML_SPACE, "preserve")
            for t in r.findall(qn("w:instrText")):
                t.tag = qn("w:delInstrText")
            d = self._mark("w:del")
            r.addprevious(d)
            d.append(r)
            out.append(d)
        if runs:
            self.count += 1
        return out

    def replace(self, runs: list, text: str):
        """Delete ``runs`` and insert ``text`` after them with the first run's formatting."""
        rpr = runs[0].find(qn("w:rPr")) if runs else None
        dels = self.delete(runs)
        ins = self.insertion(text, rpr)
        dels[-1].addnext(ins)
        return ins

    # -- paragraphs -------------------------------------------------------------------------------
    def paragraph_after(self, anchor, text: str, ppr=None, rpr=None):
        """A new paragraph holding ``text`` as an insertion, placed right after the w:p ``anchor``."""
        p = OxmlElement("w:p")
        new_ppr = copy.deepcopy(ppr) if ppr is not None else OxmlElement("w:pPr")
        for tag in ("w:sectPr", "w:pPrChange", "w:rPr"):
            for el in new_ppr.findall(qn(tag)):
                new_ppr.remove(el)
        mark_rpr = OxmlElement("w:rPr")
        mark_rpr.append(self._mark("w:ins"))
        new_ppr.append(mark_rpr)
        p.append(new_ppr)
        p.append(self.insertion(text, rpr))
        anchor.addnext(p)
        return p
