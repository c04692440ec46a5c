"""The whole document as HTML for the 协议全文 tab (issue 13 §3): every character of the document
text in order — text no clause holds included — each clause tagged with its section and human
location, finding spans marked with an anchor the "在全文中定位" links land on. Labels live in
data- attributes shown by CSS, so the element's text is exactly the document text."""
from __future__ import annotations

import html
from typing import Any

from checker.library import section_title
from checker.model import Report, finding_key
from checker.report.locate import clause_label


def esc(s: str) -> str:
    return html.escape(s or "", quote=True)


def pieces(report: Report) -> list[tuple[int, int, Any]]:
    """(start, end, clause or None) covering the text from 0 to its end without overlap."""
    text = report.document.text
    own = []
    by_id = {c.id: c for c in report.clauses}
    for c in report.clauses:
        a, z = c.span
        kids = [by_id[k] for k in c.children if k in by_id]
        if kids:
            z = min(z, min(k.span[0] for k in kids))
        if z > a:
            own.append((a, z, c))
    own.sort(key=lambda p: (p[0], -(p[1] - p[0])))
    out, pos = [], 0
    for a, z, c in own:
        a = max(a, pos)
        if z <= a:
            continue
        if a > pos:
            out.append((pos, a, None))
        out.append((a, z, c))
        pos = z
    if pos < len(text):
        out.append((pos, len(text), None))
    return out


def _marked(text: str, base: int, marks: list[tuple[int, int]], anchors: list[tuple[int, str]],
            hits: list[tuple[int, int]]) -> str:
    """``text`` (document offsets from ``base``) escaped, with <mark> ranges, search hits and anchors."""
    n = len(text)
    rel = lambda p: min(max(p - base, 0), n)  # noqa: E731
    mk = [(rel(a), rel(b)) for a, b in marks if b > base and a < base + n]
    ht = [(rel(a), rel(b)) for a, b in hits if b > base and a < base + n]
    an: dict[int, list[str]] = {}
    for off, aid in anchors:
        if base <= off < base + n:
            an.setdefault(off - base, []).append(aid)
    cuts = sorted({0, n, *an, *(p for r in mk + ht for p in r)})
    out = []
    for i, cut in enumerate(cuts):
        for aid in an.get(cut, []):
            out.append(f'<span id="{esc(aid)}" class="ac-anchor"></span>')
        if i + 1 >= len(cuts):
            break
        nxt = cuts[i + 1]
        seg = esc(text[cut:nxt])
        if any(a <= cut and nxt <= b for a, b in ht):
            seg = f'<span class="ac-hit">{seg}</span>'
        if any(a <= cut and nxt <= b for a, b in mk):
            seg = f"<mark>{seg}</mark>"
        out.append(seg)
    return "".join(out)


def fulltext_html(report: Report, rule_titles: dict[str, str], query: str = "",
                  doubted_clauses: set[str] | None = None) -> tuple[str, int]:
    """The document as one HTML block and the number of search hits."""
    text = report.document.text
    doubted_clauses = doubted_clauses or set()
    per_clause: dict[str, list] = {}
    anchors: list[tuple[int, str]] = []
    marks: list[tuple[int, int]] = []
    for f in report.findings:
        if f.clause_id:
            per_clause.setdefault(f.clause_id, []).append(f)
        if f.span:
            anchors.append((f.span[0], f"span-{finding_key(f)[:10]}"))
            c = report.clause(f.clause_id)
            n = max(1, (c.span[1] - c.span[0]) if c else 1)
            # a span covering (nearly) the whole clause says "this clause lacks X": the badge says it
            if not c or (f.span[1] - f.span[0]) < 0.8 * n:
                marks.append(tuple(f.span))
    hits: list[tuple[int, int]] = []
    q = (query or "").strip()
    if q:
        i = text.find(q)
        while i >= 0:
            hits.append((i, i + len(q)))
            i = text.find(q, i + len(q))
    parts = []
    for a, z, c in pieces(report):
        body = _marked(text[a:z], a, marks, anchors, hits)
        if c is None:
            cls = "ac-nl" if not text[a:z].strip() else "ac-gaptext"
            label = "" if cls == "ac-nl" else ' data-loc="未归入任何条款的文字"'
            parts.append(f'<span class="{cls}"{label}>{body}</span>')
            continue
        tag = section_title(c.section) if c.section else "未归类"
        badges = "、".join(rule_titles.get(f.rule, f.rule) for f in per_clause.get(c.id, []))
        extra = " ac-doubt" if c.id in doubted_clauses else ""
        conf = f"；置信度 {c.confidence:.0%}" if c.section and c.confidence < 0.5 else ""
        parts.append(f'<span id="clause-{esc(c.id)}" class="ac-cl{extra}" data-loc="{esc(clause_label(report, c))}" '
                     f'data-tag="{esc(tag + conf)}" data-badges="{esc(badges)}">{body}</span>')
    return f'<div class="ac-full">{"".join(parts)}</div>', len(hits)


FULLTEXT_CSS = """
<style>
.ac-full .ac-nl{display:none}
.ac-full .ac-cl::before{content:attr(data-loc) "　〔" attr(data-tag) "〕";display:block;font-size:.72rem;
  color:#2c4a7a;font-family:sans-serif;white-space:normal}
.ac-full .ac-cl[data-badges]:not([data-badges=""])::after{content:"问题：" attr(data-badges);display:block;
  font-size:.72rem;color:#8a1c12;font-family:sans-serif;white-space:normal}
.ac-full .ac-gaptext::before{content:attr(data-loc);display:block;font-size:.72rem;color:#a05a00;font-family:sans-serif}
.ac-full mark{background:#ffe08a;border-bottom:2px solid #e0a800}
.ac-full .ac-anchor{display:inline-block;width:2px;height:1.1em;vertical-align:text-bottom;scroll-margin-top:40vh}
.ac-full .ac-anchor.ac-flash{background:#e0a800;outline:none}
</style>
"""
