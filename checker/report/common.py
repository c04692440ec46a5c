"""Shared helpers for the human-readable reports: labels, grouping, clause excerpts."""
from __future__ import annotations

from checker.library import section_keys, section_title
from checker.model import Finding, Report

SEVERITY_ZH = {"error": "错误", "warning": "警告", "info": "提示"}
STATUS_ZH = {"present": "完整", "partial": "部分缺失", "missing": "缺失"}
FORMAT_ZH = {"docx": "Word 文档", "doc": "Word 97-2003 文档", "pdf": "PDF", "txt": "纯文本", "md": "Markdown",
             "text": "文本", "image": "扫描图像", "html": "网页", "rtf": "RTF 文档", "wps": "WPS 文档", "odt": "OpenDocument 文档"}


_KIND_ZH = {"title": "标题", "party": "缔约方", "recitals": "鉴于条款", "preamble": "序文", "signature": "签章栏",
            "attachment": "附件", "toc": "目录"}


def unit_label(c) -> str:
    """How a clause is named in a coverage table: its number, else its heading, else its role."""
    return c.number or c.heading or _KIND_ZH.get(c.kind) or c.text.strip().split("\n")[0][:12]


def section_units(report: Report, sec) -> str:
    by_id = {c.id: c for c in report.clauses}
    labels = []
    for i in sec.clause_ids:
        if i in by_id and (lab := unit_label(by_id[i])) not in labels:
            labels.append(lab)
    return "、".join(labels) or "—"


def rule_title(rule_id: str) -> str:
    from checker.rules.loader import rules_by_id

    from checker.library import kind_rule_title

    r = rules_by_id().get(rule_id)
    return r.title if r else (kind_rule_title(rule_id) or rule_id)


def legal_basis(report: Report, on=None) -> dict:
    """The "法律依据截至 …" note of a report: review date (today), the signing date the agreement
    gives, and the cited texts whose version differs between them (checker.library.legal_basis)."""
    from datetime import date

    from checker.library import legal_basis as basis
    from checker.rules.loader import rules_by_id

    rules = rules_by_id()
    cites = [rules[f.rule].citation for f in report.findings if f.rule in rules]
    return basis(report.document.text, cites, on or date.today())


def grouped(report: Report) -> list[tuple[str | None, list[Finding]]]:
    """Findings grouped by section in outline order; findings without a section last."""
    order = {k: i for i, k in enumerate(section_keys())}
    groups: dict[str | None, list[Finding]] = {}
    for f in report.findings:
        groups.setdefault(f.section, []).append(f)
    return sorted(groups.items(), key=lambda kv: order.get(kv[0], len(order)))


def clause_label(report: Report, f: Finding) -> str:
    c = report.clause(f.clause_id)
    if c is None:
        return "（全文）" if f.section is None else f"（{section_title(f.section)}）"
    parts = [p for p in (c.number, c.heading) if p]
    if parts:
        return " ".join(parts)
    return c.text.strip().split("\n")[0][:20]


def location_text(f: Finding) -> str:
    loc = f.location or {}
    if loc.get("page"):
        return f"第{loc['page']}页"
    if loc.get("paragraph") is not None:
        return f"第{loc['paragraph'] + 1}段"
    return ""


def clause_excerpt(report: Report, f: Finding, limit: int = 400) -> tuple[str, tuple[int, int] | None]:
    """The clause text (capped) and the finding's span relative to it, when inside."""
    c = report.clause(f.clause_id)
    if c is None:
        return "", None
    text = c.text
    rel = None
    if f.span and c.span[0] <= f.span[0] and f.span[1] <= c.span[1]:
        rel = (f.span[0] - c.span[0], f.span[1] - c.span[0])
    if len(text) > limit:
        start = 0
        if rel and rel[1] > limit:
            start = max(0, rel[0] - limit // 3)
        text = ("…" if start else "") + text[start:start + limit] + "…"
        if rel:
            shift = start - (1 if start else 0)
            rel = (rel[0] - shift, min(rel[1] - shift, len(text)))
    return text, rel


def seal_lines(report) -> list[str]:
    """Per signature row of a scanned copy: was a red seal found on it (SIGNATURE_FORMALITY evidence)."""
    rows = getattr(report, "seals", None) or []
    if not rows:
        return []
    parts = [f"{r['party']}（第{r['page']}页）：{'检测到印章' if r['seal'] == 'present' else '未检测到印章'}" for r in rows]
    return ["签章页印章（按页面图像的红色印章判断）：" + "；".join(parts)]


def grouped_items(items: list[tuple[Finding, object]]) -> list[tuple[str | None, list]]:
    """(finding, decision) pairs grouped by section in outline order; no section last."""
    order = {k: i for i, k in enumerate(section_keys())}
    groups: dict[str | None, list] = {}
    for f, d in items:
        groups.setdefault(f.section, []).append((f, d))
    return sorted(groups.items(), key=lambda kv: order.get(kv[0], len(order)))
