"""Human locations: where a clause or a finding is, as a reviewer would say it —
"第十条 争议解决（第7页）", "10.1（第12段）", "附件2 成员名单 第3行" (issue 13 §4).

The clause's number and heading path (its article for an item, its attachment for a line inside
one), then the page for PDF or the paragraph for DOCX/TXT. Pure functions over a Report.
"""
from __future__ import annotations

from typing import Any

from checker.library import section_title
from checker.model import Report

_ROLE = {"title": "标题", "party": "缔约方信息", "recitals": "鉴于条款", "preamble": "序文",
         "signature": "签署部分", "toc": "目录"}


def _name(c) -> str:
    parts = [p for p in (c.number, c.heading) if p]
    if parts:
        return " ".join(parts)
    if c.kind in _ROLE:
        return _ROLE[c.kind]
    first = c.text.strip().split("\n")[0].strip()
    return first[:14] + ("…" if len(first) > 14 else "")


def clause_path(report: Report, c) -> str:
    """The clause's name, preceded by its article (for an item) or attachment (for anything in one)."""
    by_id = _index(report)
    names = [_name(c)]
    p = by_id.get(c.parent) if c.parent else None
    while p is not None:
        if p.kind in ("article", "attachment") or (p.kind == "item" and c.kind == "item"):
            names.insert(0, _name(p))
        p = by_id.get(p.parent) if p.parent else None
    return " ".join(dict.fromkeys(names))


def _index(report: Report) -> dict[str, Any]:
    cache = getattr(report, "_ac_index", None)
    if cache is None or len(cache) != len(report.clauses):
        cache = {c.id: c for c in report.clauses}
        try:
            report._ac_index = cache
        except AttributeError:
            pass
    return cache


def where(report: Report, offset: int | None) -> str:
    """'第7页' for a PDF, '第12段' for DOCX/TXT, '' when unknown."""
    if offset is None:
        return ""
    b = report.document.block_at(offset)
    if b is None:
        return ""
    if report.document.format == "pdf" and b.page:
        return f"第{b.page}页"
    return f"第{b.paragraph + 1}段"


def _attachment_line(report: Report, c, offset: int) -> str:
    """'第3行' inside an attachment: the line of ``offset`` counted from the attachment heading."""
    by_id = _index(report)
    a = c
    while a is not None and a.kind != "attachment":
        a = by_id.get(a.parent) if a.parent else None
    if a is None:
        return ""
    text = report.document.text[a.span[0]:offset]
    return f"第{text.count(chr(10)) + 1}行"


def clause_label(report: Report, c, offset: int | None = None) -> str:
    """'第十条 争议解决（第7页）'; inside an attachment '附件2 成员名单 第3行'."""
    off = c.span[0] if offset is None else offset
    path = clause_path(report, c)
    line = _attachment_line(report, c, off)
    if line:
        return f"{path} {line}"
    w = where(report, off)
    return f"{path}（{w}）" if w else path


def finding_label(report: Report, f) -> str:
    """Where a finding is; a missing section says where it should have been."""
    c = report.clause(f.clause_id)
    off = f.span[0] if f.span else None
    if c is not None:
        return clause_label(report, c, off)
    if off is not None:
        w = where(report, off)
        return w or "（全文）"
    if f.section:
        sec = next((s for s in report.sections if s.key == f.section), None)
        if sec is not None and sec.status != "missing" and sec.clause_ids:
            first = report.clause(sec.clause_ids[0])
            if first is not None:
                return clause_label(report, first)
        return missing_label(report, f.section)
    return "（全文）"


def insertion_point(report: Report, key: str):
    """Where a missing section would go, following the reference outline's order: after the last
    clause of the nearest earlier section the agreement has (else before the first clause of the
    nearest later one). Returns (clause, "after" | "before") or (None, None)."""
    from checker.library import section_keys

    order = list(section_keys())
    if key not in order:
        return None, None
    i = order.index(key)
    units = [c for c in report.clauses if c.kind not in ("chapter",) and c.section and not c.children]
    by_sec: dict[str, list] = {}
    for c in units:
        by_sec.setdefault(c.section, []).append(c)
    body = [k for k in order if k not in ("title", "signature", "attachments")]
    for k in reversed(order[:i]):
        if k in by_sec and k in body:
            return max(by_sec[k], key=lambda c: c.span[1]), "after"
    for k in order[i + 1:]:
        if k in by_sec:
            return min(by_sec[k], key=lambda c: c.span[0]), "before"
    return None, None


def missing_label(report: Report, key: str) -> str:
    """'（未约定：不可抗力；应补在“第十九条 违约责任”之后）'."""
    c, side = insertion_point(report, key)
    head = f"未约定：{section_title(key)}"
    if c is None:
        return f"（{head}）"
    return f"（{head}；应补在“{clause_path(report, c)}”{'之后' if side == 'after' else '之前'}）"
