"""How far the structure reading can be trusted (issue 13 §1): signals that the clauses were
misread — few clauses for the length, one clause holding a large share of the text, article
numbers out of sequence, many low-confidence sections — and the "missing" verdicts that are
therefore doubtful (a section reported missing whose heading words occur in the text)."""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from checker.library import LibraryError, section
from checker.model import Report
from checker.text.cn_numerals import from_chinese

CHARS_PER_CLAUSE = 700      # agreements written to 闽科政〔2009〕46号 附件1 run ~150–400 chars per clause
MIN_CHARS = 1500            # below this a short text may honestly have few clauses
BIG_SHARE = 0.30            # one clause holding this share of the text swallowed its neighbours
LOW_CONF = 0.5
LOW_CONF_SHARE = 0.35
_ARTICLE = re.compile(r"^第([一二三四五六七八九十百零〇两\d]+)条")


@dataclass
class Reading:
    reliable: bool = True
    signals: list[dict[str, Any]] = field(default_factory=list)   # {"kind", "message"}
    doubted_sections: list[str] = field(default_factory=list)     # section keys

    def messages(self) -> list[str]:
        return [s["message"] for s in self.signals]

    def to_dict(self) -> dict[str, Any]:
        return {"reliable": self.reliable, "signals": self.signals,
                "doubted_sections": self.doubted_sections}


def _units(report: Report) -> list:
    return [c for c in report.clauses if c.kind not in ("chapter", "title")]


def _article_breaks(report: Report) -> int:
    nums = []
    for c in report.clauses:
        m = _ARTICLE.match(c.number or "") if c.kind == "article" else None
        if m:
            try:
                nums.append(from_chinese(m.group(1)))
            except ValueError:
                continue
    return sum(1 for a, b in zip(nums, nums[1:]) if b != a + 1)


def assess(report: Report) -> Reading:
    r = Reading()
    text = report.document.text
    n_chars = len(text.strip())
    units = _units(report)
    if n_chars >= MIN_CHARS and len(units) < n_chars / CHARS_PER_CLAUSE:
        r.signals.append({"kind": "few_clauses", "message":
                          f"全文约 {n_chars:,} 字只识别出 {len(units)} 个条款，条款结构可能未被正确识别。"})
    if n_chars >= MIN_CHARS:
        for c in units:
            if c.children:
                continue
            share = (c.span[1] - c.span[0]) / max(1, n_chars)
            if share >= BIG_SHARE:
                label = " ".join(p for p in (c.number, c.heading) if p) or c.text.strip()[:12]
                r.signals.append({"kind": "large_clause", "clause_id": c.id, "message":
                                  f"条款“{label}”占全文的 {share:.0%}，可能吞并了后面的若干条款。"})
                break
    breaks = _article_breaks(report)
    if breaks >= 2:
        r.signals.append({"kind": "numbering", "message":
                          f"条款编号有 {breaks} 处不连续，部分条款可能漏识别或识别错位。"})
    scored = [c for c in units if c.section]
    low = [c for c in scored if c.confidence < LOW_CONF]
    if len(scored) >= 6 and len(low) / len(scored) >= LOW_CONF_SHARE:
        r.signals.append({"kind": "low_confidence", "message":
                          f"{len(low)} / {len(scored)} 个条款的章节归类置信度较低。"})
    r.reliable = not r.signals
    if not r.reliable:
        r.doubted_sections = [s.key for s in report.sections
                              if s.status == "missing" and _mentioned(s.key, text)]
    return r


def _mentioned(key: str, text: str) -> bool:
    """A heading word of the section occurs in the text (so it may be there, unrecognised)."""
    try:
        words = section(key).get("headings") or []
    except LibraryError:
        return False
    return any(len(w) >= 2 and w in text for w in words)


def warning_lines(report: Report, reading: Reading | None = None) -> list[str]:
    """The Chinese lines added to the JSON ``warnings`` and shown in the page banner."""
    from checker.library import section_title

    reading = reading or assess(report)
    if reading.reliable:
        return []
    out = ["条款结构识别可能不可靠：" + " ".join(reading.messages())]
    if reading.doubted_sections:
        out.append("以下章节判为“缺失”可能有误（正文中出现了相关标题用语），请人工核对："
                   + "、".join(section_title(k) for k in reading.doubted_sections) + "。")
    return out
