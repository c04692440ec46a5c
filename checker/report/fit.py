"""Suggested wording that fits the agreement (issue 13 §5): placeholders the rules left open are
filled from the document (the party's own role and name for a party template, the arbitration
commission the agreement names, the alliance name, 理事长单位), and the defective sentence(s) a
finding points at — what the suggestion's diff is compared with, never the whole clause."""
from __future__ import annotations

import re

from checker.model import Finding, Report

_SENT_END = "。；;！？!?\n"
_COMMISSION = re.compile(r"([\u4e00-\u9fa5]{2,14}?仲裁委员会(?:[\u4e00-\u9fa5]{2,6}分会)?)")
_PARTY_HEAD = re.compile(r"^(甲方|乙方|丙方|丁方|戊方)：【单位全称[^】]*】")


def defect_span(report: Report, f: Finding) -> tuple[int, int] | None:
    """The sentence(s) of the document text overlapping the finding's span."""
    if not f.span or f.span[1] <= f.span[0]:
        return None
    text = report.document.text
    lo, hi = f.span
    c = report.clause(f.clause_id)
    floor, ceil = (c.span if c else (0, len(text)))
    a = lo
    while a > floor and text[a - 1] not in _SENT_END:
        a -= 1
    z = hi
    while z < ceil and text[z - 1:z] not in _SENT_END:
        z += 1
    if c is not None and a <= c.span[0]:          # the clause's own number and heading are no sentence
        a = c.span[0] + max(0, len(c.text) - len(c.body)) if c.body and c.text.endswith(c.body) else a
    while a < z and text[a] in " \u3000\n":
        a += 1
    return (a, z)


def is_addition(report: Report, f: Finding, suggestion: str | None = None) -> bool:
    """The suggestion adds wording rather than rewording the flagged sentence: no span, a span that
    is (nearly) the whole clause ("this clause lacks X"), or a suggestion sharing little with it."""
    import difflib

    span = defect_span(report, f)
    if span is None:
        return True
    c = report.clause(f.clause_id)
    if c is not None and f.span and (f.span[1] - f.span[0]) >= 0.8 * max(1, c.span[1] - c.span[0]):
        return True
    cur = report.document.text[span[0]:span[1]]
    sugg = suggestion if suggestion is not None else fitted_suggestion(report, f)
    ratio = difflib.SequenceMatcher(None, cur, sugg, autojunk=False).ratio()
    return ratio < 0.25


def defect_text(report: Report, f: Finding) -> str:
    span = defect_span(report, f)
    return report.document.text[span[0]:span[1]].strip() if span else ""


def named_commission(report: Report) -> str | None:
    """The first arbitration commission the agreement names by its proper name."""
    for m in _COMMISSION.finditer(report.document.text):
        name = m.group(1)
        # strip a leading verb phrase: "提交宁德仲裁委员会" -> "宁德仲裁委员会"
        for cut in ("提交", "提请", "申请", "向", "由", "交", "至"):
            if cut in name:
                name = name.rsplit(cut, 1)[1]
        if len(name) >= 6 and not re.match(r"^(有关|相关|当地|所在地|该|其|各方|双方|任何)", name):
            return name
    return None


def _party_for(report: Report, f: Finding) -> dict | None:
    if not f.span:
        return None
    for p in report.parties:
        sp = p.get("span")
        if sp and sp[0] <= f.span[0] < sp[1] + 1:
            return p
    return None


def fitted_suggestion(report: Report, f: Finding) -> str:
    """The finding's suggestion with the document's own names put into its open placeholders."""
    s = f.suggestion or ""
    if not s:
        return s
    if "【仲裁委员会全称】" in s:
        name = named_commission(report)
        if name:
            s = s.replace("【仲裁委员会全称】", name)
    p = _party_for(report, f)
    if p and p.get("role") and _PARTY_HEAD.match(s):
        s = _PARTY_HEAD.sub(f"{p['role']}：{p.get('name') or '【单位全称】'}", s, count=1)
        if p.get("domicile"):
            s = re.sub(r"住所地：【[^】]*】", f"住所地：{p['domicile']}", s, count=1)
        if p.get("legal_rep"):
            s = re.sub(r"法定代表人：【[^】]*】", f"法定代表人：{p['legal_rep']}", s, count=1)
        s = re.sub(r"\n?（乙方、丙方……[^）]*）", "", s)
    chair = next((q.get("name") for q in report.parties if q.get("role") and "理事长" in (q.get("role") or "")), None)
    if chair:
        s = s.replace("【理事长单位】", chair)
    return s.strip()
