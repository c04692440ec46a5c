"""Seal evidence for SIGNATURE_FORMALITY from scanned signature pages (per party row: present/absent).

闽科政〔2009〕46号 附件1 六: every member seals the agreement and its legal representative (or an
authorised agent) signs. On a scanned, signed copy the seal is an image, not text: ingest/seals.py
finds red impressions on the page, and here each party row of the signature block (a recognised line
naming a party or its 盖章 field, with its box) is matched to the seal on it. The rows are reported
in the JSON ``seals`` list and on SIGNATURE_FORMALITY findings; when the copy carries seals but a row
has none, that row gets its own SIGNATURE_FORMALITY finding. Never read as party text.
"""
from __future__ import annotations

import re

from checker.ingest.seals import match_rows
from checker.model import Finding, Report

SEAL_FIELD = re.compile(r"盖章|公章|签章|[（(]章[)）]|合同专用章")
ROLE = re.compile(r"^[（(]?([甲乙丙丁戊己庚辛壬癸]方)")


def signature_rows(report: Report) -> list[dict]:
    """Party rows of the OCR'd signature block: {"party", "page", "box_rel"} in reading order."""
    doc = report.document
    names = sorted({p.get("name") for p in report.parties if p.get("name")}, key=len, reverse=True)
    sig = [c for c in report.clauses if c.section == "signature" and c.kind != "chapter"]
    rows: list[dict] = []
    seen_blocks: set[int] = set()
    for c in sig:
        lo, hi = c.block_range
        for b in doc.blocks[lo:hi + 1]:
            if b.paragraph in seen_blocks or not b.source_ref.get("lines"):
                continue
            seen_blocks.add(b.paragraph)
            for text, box in b.source_ref["lines"]:
                name = next((n for n in names if n in text), None)
                role = ROLE.match(text)
                if name or role:
                    rows.append({"party": name or role.group(1), "page": b.page, "box_rel": list(box)})
                elif SEAL_FIELD.search(text) and rows and rows[-1]["page"] == b.page:
                    r = rows[-1]["box_rel"]        # “（盖章）” on the line under the name: same row
                    rows[-1]["box_rel"] = [min(r[0], box[0]), min(r[1], box[1]), max(r[2], box[2]), max(r[3], box[3])]
    merged: list[dict] = []
    for r in rows:                                 # “甲方：X公司” then “X公司（盖章）”: one party
        if merged and merged[-1]["party"] == r["party"] and merged[-1]["page"] == r["page"]:
            m = merged[-1]["box_rel"]
            merged[-1]["box_rel"] = [min(m[0], r["box_rel"][0]), min(m[1], r["box_rel"][1]),
                                     max(m[2], r["box_rel"][2]), max(m[3], r["box_rel"][3])]
        else:
            merged.append(r)
    return merged


def attach(report: Report, rule=None, severity: str | None = None) -> None:
    """Fill report.seals and add the seal evidence to SIGNATURE_FORMALITY findings."""
    doc = report.document
    if not doc.ocr:
        return
    by_page: dict[int, list[dict]] = {}
    for p in doc.ocr.get("per_page", []):
        by_page[p["page"]] = [{"box_rel": b} for b in p.get("seals", [])]
    rows = match_rows(signature_rows(report), by_page)
    report.seals = rows
    if not rows:
        return
    for f in report.findings:
        if f.rule == "SIGNATURE_FORMALITY":
            f.location = dict(f.location or {}, seals=rows)
    any_seal = any(by_page.values())
    missing = [r for r in rows if r["seal"] == "absent"]
    if rule is None or not any_seal or not missing:
        return
    from checker.library import resolve_citation
    from checker.model import location_of
    sig = next((c for c in report.clauses if c.section == "signature"), None)
    for r in missing:
        b = next((b for b in doc.blocks if b.page == r["page"] and b.source_ref.get("lines")
                  and any(r["party"] in t for t, _ in b.source_ref["lines"])), None)
        span = (b.start, b.end) if b else (sig.span if sig else None)
        loc = location_of(doc, span[0]) if span else {"page": r["page"], "paragraph": None}
        loc = dict(loc, page=r["page"], box=r["row_box"], seals=rows)
        report.findings.append(Finding(
            rule="SIGNATURE_FORMALITY", severity=severity or rule.severity, section="signature",
            clause_id=sig.id if sig else None, span=span, evidence=b.text[:120] if b else r["party"],
            message=f"扫描件第{r['page']}页“{r['party']}”的签章处没有检测到红色印章，而本文件其他签章处盖有印章。"
                    "请核对该方是否已加盖单位公章（复印、黑白扫描的印章无法识别）。",
            citation=resolve_citation(rule.citation), suggestion="", number=sig.number if sig else None,
            location=loc, profile=report.profile))
