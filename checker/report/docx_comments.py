"""Export a review as the agreement itself with one real Word comment per finding.

For a DOCX source the original file is reopened and each comment is anchored on the exact
characters of the finding (runs are split at the span edges, each half keeps its ``w:rPr`` so
bold/fonts survive). For PDF/TXT/MD a fresh A4 document is generated (docx_build) and annotated
the same way. Reviewer decisions: dismissed findings are left out, accepted ones carry the note.
"""
from __future__ import annotations

import copy
import io
from functools import lru_cache
from typing import Any, Iterable

from docx import Document as open_docx
from docx.oxml.ns import qn
from docx.text.run import Run

from checker.text.normalize import _TABLE as _NORM_TABLE, normalize_text

AUTHOR = "合规审查"
INITIALS = "审"
SEVERITY_CN = {"error": "错误", "warning": "警告", "info": "提示"}   # same words as checker.report.common
_TEXT_TAGS = {qn("w:t"): None, qn("w:tab"): "\t", qn("w:br"): "\n", qn("w:cr"): "\n",
              qn("w:noBreakHyphen"): "-", qn("w:ptab"): "\t"}
SUGGESTION_MAX = 300


@lru_cache(maxsize=1)
def rule_titles() -> dict[str, str]:
    try:
        from checker.rules.loader import all_rules

        return {r.id: r.title for r in all_rules()}
    except Exception:   # the catalogue is optional here: the message alone still reads well
        return {}


def _truncate(text: str, limit: int = SUGGESTION_MAX) -> str:
    text = (text or "").strip()
    if len(text) <= limit:
        return text
    cut = text[:limit]
    stop = max(cut.rfind(ch) for ch in "。；;！？\n")
    if stop >= limit // 2:
        cut = cut[: stop + 1]
    return cut.rstrip() + "……（建议条文较长，全文见审查报告）"


def comment_text(f: Any, decision: dict | None = None, report=None) -> str:
    """Chinese comment body: severity + title/message, location, legal basis, suggestion (fitted to
    the agreement when the report is given), reviewer note."""
    title = rule_titles().get(f.rule)
    head = f"【{SEVERITY_CN.get(f.severity, f.severity)}】"
    head += f"{title}：{f.message}" if title and title not in f.message else f.message
    lines = [head]
    if report is not None:
        from checker.report.locate import finding_label

        lines.append(f"位置：{finding_label(report, f)}")
    if f.citation:
        lines.append(f"依据：{f.citation}")
    sugg = f.suggestion
    if report is not None and sugg:
        from checker.report.fit import fitted_suggestion

        sugg = fitted_suggestion(report, f)
    if sugg:
        lines.append(f"建议：{_truncate(sugg)}")
    if decision and decision.get("status") == "accepted":
        note = (decision.get("note") or "").strip() or "确认该问题，需修改。"
        who = (decision.get("reviewer") or "").strip()
        lines.append(f"审查意见：{note}" + (f"（{who}）" if who else ""))
    return "\n".join(lines)


# -- run arithmetic ------------------------------------------------------------------------------

def _runs(p) -> list:
    """Visible w:r elements of a paragraph in order (also inside hyperlinks/insertions, not deletions)."""
    return [r for r in p.iter(qn("w:r")) if not any(a.tag == qn("w:del") for a in r.iterancestors())]


def _piece_len(el) -> int:
    if el.tag == qn("w:t"):
        return len(el.text or "")
    return 1 if el.tag in _TEXT_TAGS else 0


def _run_len(r) -> int:
    return sum(_piece_len(el) for el in r)


def _keep(r, lo: int, hi: int) -> None:
    """Trim run ``r`` in place to its characters [lo, hi)."""
    pos = 0
    for el in list(r):
        n = _piece_len(el)
        if el.tag == qn("w:rPr") or n == 0:
            continue
        a, b = max(lo - pos, 0), min(hi - pos, n)
        if b <= a:
            r.remove(el)
        elif el.tag == qn("w:t") and (a > 0 or b < n):
            el.text = el.text[a:b]
            el.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
        pos += n


def _split(r, k: int):
    """Split run ``r`` at character ``k``; returns the right half (a deep copy keeping rPr)."""
    right = copy.deepcopy(r)
    n = _run_len(r)
    _keep(r, 0, k)
    _keep(right, k, n)
    r.addnext(right)
    return right


def _range_runs(p, lo: int, hi: int) -> list:
    """Runs of paragraph ``p`` covering exactly its characters [lo, hi), splitting at the edges."""
    out, pos = [], 0
    for r in _runs(p):
        n = _run_len(r)
        a, b = pos, pos + n
        pos = b
        if n == 0 or b <= lo or a >= hi:
            continue
        if a < lo:
            r = _split(r, lo - a)
            a = lo
        if b > hi:
            _split(r, hi - a)
        out.append(r)
    return out


def _para_text(p) -> str:
    return "".join(Run(r, None).text for r in _runs(p))


# -- block → paragraphs ----------------------------------------------------------------------------

class Locator:
    """Maps document offsets to (w:p element, character range) pieces."""

    def __init__(self, document, paras_of_block):
        self.document = document
        self.paras_of_block = paras_of_block   # Block -> list[(w:p, offset of its text in block.text)]

    def pieces(self, start: int, end: int) -> list[tuple[Any, int, int]]:
        out = []
        for b in self.document.blocks:
            if b.end <= start or b.start >= end:
                continue
            lo, hi = max(start, b.start) - b.start, min(end, b.end) - b.start
            for p, off, pmap in self.paras_of_block(b):
                n = len(pmap) if pmap is not None else len(_para_text(p))
                a, z = max(lo - off, 0), min(hi - off, n)
                if z > a:
                    if pmap is not None:
                        a, z = pmap[a], pmap[z - 1] + 1
                    out.append((p, a, z))
        return out


def _norm_map(raw: str) -> tuple[str, list[int]]:
    """Ingest normalises block text (checker.text.normalize: blanks collapsed, full-width digits
    half-width, zero-width dropped). Returns that text and, per character, its index in ``raw``."""
    norm = normalize_text(raw)
    pmap, i = [], 0
    for ch in norm:
        while i < len(raw):
            c = " " if raw[i].isspace() else raw[i].translate(_NORM_TABLE)
            i += 1
            if c == ch:
                pmap.append(i - 1)
                break
        else:
            pmap.append(max(len(raw) - 1, 0))
    return norm, pmap


def _anchor_runs(loc: Locator, span: tuple[int, int] | None, fallback_blocks: Iterable) -> list:
    if span and span[1] > span[0]:
        runs: list = []
        for p, a, z in loc.pieces(span[0], span[1]):
            runs.extend(_range_runs(p, a, z))
        if runs:
            return runs
        b = loc.document.block_at(span[0])
        fallback_blocks = [b] if b is not None else fallback_blocks
    for b in fallback_blocks:
        for p, _off, _map in loc.paras_of_block(b):
            rs = [r for r in _runs(p) if _run_len(r)]
            if rs:
                return rs
    return []


def _missing_anchor(report, f) -> tuple[int, int] | None:
    """A missing section's comment sits where the section would go: on the last paragraph of the
    clause it should follow (or the first of the clause it should precede)."""
    from checker.report.locate import insertion_point

    if not f.section:
        return None
    c, side = insertion_point(report, f.section)
    if c is None:
        return None
    doc = report.document
    b = doc.block_at(max(c.span[0], c.span[1] - 1) if side == "after" else c.span[0])
    if b is None:
        return tuple(c.span)
    return (max(b.start, c.span[0]), min(b.end, c.span[1])) if b.end > b.start else tuple(c.span)


def annotate(doc, loc: Locator, report, decisions: dict | None, author: str = AUTHOR) -> int:
    """Add the comments to ``doc``; returns how many were written."""
    blocks = loc.document.blocks
    n = 0
    from checker.report.decided import kept

    for f, d in kept(report, decisions):
        span = tuple(f.span) if f.span else None
        if span is None and f.clause_id:
            c = report.clause(f.clause_id)
            span = tuple(c.span) if c else None
        if span is None:
            span = _missing_anchor(report, f)
        fallback = [blocks[0], blocks[-1]] if blocks else []
        if span is None:
            fallback = [b for b in blocks if b.text.strip()][:1] + blocks[-1:]
        runs = _anchor_runs(loc, span, fallback)
        if not runs:
            continue
        lines = comment_text(f, d, report).split("\n")
        c = doc.add_comment([Run(runs[0], None), Run(runs[-1], None)], text=lines[0],
                            author=author, initials=author[:1] or INITIALS)
        for line in lines[1:]:
            c.add_paragraph(line)
        n += 1
    return n


def _reading_notes(doc, loc: Locator, report) -> None:
    """One comment on the first paragraph with what ingest noted (OCR pages and confidence, a wrong
    extension, seal rows of a scanned signature page), so the Word export says it too."""
    from checker.report.common import seal_lines
    from checker.report.reading import warning_lines

    notes = list(report.document.warnings) + seal_lines(report) + warning_lines(report)
    first = [b for b in loc.document.blocks if b.text.strip()][:1]
    runs = _anchor_runs(loc, (first[0].start, first[0].end), first) if first else []
    if not notes or not runs:
        return
    c = doc.add_comment([Run(runs[0], None), Run(runs[-1], None)], text="【读入说明】" + notes[0],
                        author=AUTHOR, initials=INITIALS)
    for line in notes[1:]:
        c.add_paragraph(line)


def _source_paras(doc, document):
    body_ps = list(doc.element.body.iter(qn("w:p")))

    def paras_of_block(b):
        ref = b.source_ref or {}
        idx = ref.get("p")
        idx = [idx] if isinstance(idx, int) else list(idx or [])
        out, cursor = [], b.label_len
        for i in idx:
            if not 0 <= i < len(body_ps):
                continue
            p = body_ps[i]
            norm, pmap = _norm_map(_para_text(p))
            if not norm:
                continue
            pos = b.text.find(norm, cursor)
            if pos < 0:
                continue        # e.g. a merged cell repeated in the row: its text was kept once
            out.append((p, pos, pmap))
            cursor = pos + len(norm)
        return out

    return paras_of_block


def _basis_footer(doc, report) -> None:
    """"法律依据截至 …" as a paragraph of the last section's page footer (the body text is untouched)."""
    from checker.report.common import legal_basis

    footer = doc.sections[-1].footer
    footer.add_paragraph(legal_basis(report)["note"])


def commented_docx(report, source_bytes: bytes | None, decisions: dict | None = None,
                   reviewer: str | None = None) -> bytes:
    """The agreement as .docx with one Word comment per (not dismissed) finding; the comment
    author is the reviewer (合规审查 when none is given)."""
    document = report.document
    if source_bytes and document.format in ("docx", "doc"):   # .doc: bytes of its LibreOffice conversion
        doc = open_docx(io.BytesIO(source_bytes))
        loc = Locator(document, _source_paras(doc, document))
    else:
        from checker.report.docx_build import build_docx

        doc, paras = build_docx(document)
        index = {id(b): i for i, b in enumerate(document.blocks)}
        loc = Locator(document, lambda b: [(paras[index[id(b)]], 0, None)])
    annotate(doc, loc, report, decisions, author=(reviewer or "").strip() or AUTHOR)
    _basis_footer(doc, report)
    _reading_notes(doc, loc, report)
    out = io.BytesIO()
    doc.save(out)
    return out.getvalue()
