"""审查意见书 (issue 13 §7): a formal review opinion as .docx (python-docx) and PDF (the .docx
converted by LibreOffice headless) — agreement title as written in the document, parties, profile
and the sources it applies, review date and 法律依据截至, summary, findings by severity with
location, citation and suggested wording, the reviewer's decisions and notes, a signature line."""
from __future__ import annotations

import io
import re  # noqa: F401 — used by _cn_date
from datetime import date
from typing import Any

from docx import Document as new_docx
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.shared import Cm, Pt, RGBColor

from checker.library import sources
from checker.model import Report
from checker.report.common import SEVERITY_ZH, rule_title
from checker.report.decided import coverage_counts, decision_line, dismissed_count, kept, severity_counts
from checker.report.docx_build import _set_fonts
from checker.report.fit import fitted_suggestion
from checker.report.locate import finding_label
from checker.report.reading import warning_lines

SEVERITY_ORDER = ("error", "warning", "info")
SEVERITY_HEAD = {"error": "（一）须修改的问题（错误）", "warning": "（二）建议修改的问题（警告）",
                 "info": "（三）起草建议（提示）"}


def agreement_title(report: Report) -> str:
    """The title as the agreement writes it (its title clause), else the file name's stem."""
    for c in report.clauses:
        if c.kind == "title" or c.section == "title":
            line = c.text.strip().split("\n")[0].strip()
            if line:
                return line.strip("《》")
    first = report.document.text.strip().split("\n")[0].strip()
    if 4 <= len(first) <= 60 and ("协议" in first or "联盟" in first):
        return first.strip("《》")
    from pathlib import Path

    return Path(report.document.name).stem


def applied_sources(report: Report, items, on: date | None = None) -> tuple[list[str], list[str]]:
    """(applied, for reference): the profile's policy documents and every law, judicial
    interpretation or regulation a listed finding's rule cites, in the version in force ``on``; other
    regions' policy documents a rule cites only as 参照 go to the second list."""
    from checker.library import cited_keys, in_force
    from checker.rules.loader import rules_by_id
    from checker.rules.profiles import load_profile

    src = sources()
    rules = rules_by_id()
    prof = load_profile(report.profile)
    own = list(prof.sources) + [k for k, v in src.items() if v.get("kind") == "policy" and v.get("profile") in prof.chain
                                and k not in prof.sources]
    keys = list(own)
    for f, _ in items:
        r = rules.get(f.rule)
        for k in (cited_keys(r.citation) if r else []):
            if k in src and k not in keys:
                keys.append(k)
    day = on or date.today()
    applied, reference = [], []
    for k in keys:
        if k not in src or not in_force(k, day):
            continue
        (reference if src[k].get("kind") == "policy" and k not in own else applied).append(src[k]["title"])
    return applied, reference


def _para(doc, text: str = "", *, bold: bool = False, size: float | None = None, align=None,
          color: RGBColor | None = None, indent: bool = False):
    p = doc.add_paragraph()
    if align is not None:
        p.alignment = align
    if indent:
        p.paragraph_format.first_line_indent = Cm(0.74)
    if text:
        r = p.add_run(text)
        r.bold = bold
        if size:
            r.font.size = Pt(size)
        if color is not None:
            r.font.color.rgb = color
        _set_fonts(r._r, east_asia="黑体" if bold else "宋体")
    return p


def _labelled(doc, label: str, text: str) -> None:
    p = doc.add_paragraph()
    p.paragraph_format.left_indent = Cm(0.74)
    r = p.add_run(f"{label}：")
    r.bold = True
    _set_fonts(r._r, east_asia="黑体")
    r2 = p.add_run(text)
    _set_fonts(r2._r)


def opinion_docx(report: Report, decisions: dict | None = None, reviewer: str | None = None,
                 review_date: date | None = None) -> bytes:
    items = kept(report, decisions)
    sev = severity_counts(items)
    cov = coverage_counts(report)
    title = agreement_title(report)
    day = (review_date or date.today())
    doc = new_docx()
    sec = doc.sections[0]
    sec.page_width, sec.page_height = Cm(21), Cm(29.7)
    sec.left_margin = sec.right_margin = Cm(2.6)
    sec.top_margin, sec.bottom_margin = Cm(3.0), Cm(2.5)
    normal = doc.styles["Normal"]
    normal.font.size = Pt(12)
    _set_fonts(normal.element)

    _para(doc, "合规审查意见书", bold=True, size=20, align=WD_ALIGN_PARAGRAPH.CENTER)
    _para(doc, f"关于《{title}》", size=14, align=WD_ALIGN_PARAGRAPH.CENTER)
    _para(doc)
    from checker.rules.profiles import load_profile

    prof = load_profile(report.profile)
    from checker.report.common import legal_basis

    basis = legal_basis(report, day)
    _para(doc, "一、审查对象与依据", bold=True, size=14)
    _labelled(doc, "协议名称", f"《{title}》")
    _labelled(doc, "文件", f"{report.document.name}（{len(report.document.text):,} 字"
              + (f"，{report.document.pages} 页" if report.document.pages else "") + "）")
    parties = [f"{p.get('role') + '：' if p.get('role') else ''}{p.get('name')}" for p in report.parties if p.get("name")]
    _labelled(doc, "缔约各方", "；".join(parties) if parties else "协议中未识别出缔约方")
    _labelled(doc, "审查配置", prof.title)
    _labelled(doc, "审查日期", f"{day.year}年{day.month}月{day.day}日")
    _labelled(doc, "法律依据截至", f"{day.year}年{day.month}月{day.day}日")
    applied, reference = applied_sources(report, items, day)
    _para(doc, "本次审查适用的政策文件与法律法规（均为审查日施行的版本）：", indent=True)
    for i, t in enumerate(applied, 1):
        _para(doc, f"{i}. {t}", indent=True)
    if reference:
        _para(doc, "参照的其他地区政策文件：" + "；".join(reference) + "。", indent=True)

    _para(doc, "二、审查结论摘要", bold=True, size=14)
    verdict = ("协议存在须修改的问题，建议修改后再行签署或报备。" if sev["errors"]
               else "协议未发现须修改的问题，建议按下列意见完善后签署。" if sev["warnings"]
               else "协议基本符合要求。")
    _para(doc, f"经审查，共发现须修改的问题 {sev['errors']} 项、建议修改的问题 {sev['warnings']} 项、起草建议 "
               f"{sev['infos']} 项。参考提纲 {cov['required']} 个必备章节中，完整 {cov['present']} 个、部分缺失 "
               f"{cov['partial']} 个、缺失 {cov['missing']} 个"
               + (f"；另有 {cov['optional_absent']} 个可选章节未约定" if cov["optional_absent"] else "")
               + f"。{verdict}", indent=True)
    n_dis = dismissed_count(report, decisions)
    if n_dis:
        _para(doc, f"经审查人复核，另有 {n_dis} 项系统提示的问题不成立或不适用，未列入本意见书。", indent=True)
    from checker.report.common import seal_lines

    for w in list(report.document.warnings) + seal_lines(report) + warning_lines(report):
        _para(doc, f"说明：{w}", indent=True, color=RGBColor(0x8A, 0x4B, 0x00))

    _para(doc, "三、具体问题及修改意见", bold=True, size=14)
    n = 0
    for s in SEVERITY_ORDER:
        group = [(f, d) for f, d in items if f.severity == s]
        if not group:
            continue
        _para(doc, SEVERITY_HEAD[s], bold=True, size=12.5)
        for f, d in group:
            n += 1
            _para(doc, f"{n}. {rule_title(f.rule)}", bold=True)
            _labelled(doc, "位置", finding_label(report, f))
            _labelled(doc, "问题", f.message)
            if f.citation:
                _labelled(doc, "依据", f.citation)
            sugg = fitted_suggestion(report, f)
            if sugg:
                _labelled(doc, "建议条文", sugg)
            if d:
                _labelled(doc, "审查意见", decision_line(d))
    if not n:
        _para(doc, "未发现问题。", indent=True)

    _para(doc)
    _para(doc, basis["note"], indent=True)
    _para(doc, "本意见书依据上列政策文件与法律法规，对协议文本进行合规审查，仅供协议各方修改完善协议时参考。", indent=True)
    _para(doc)
    who = (reviewer or "").strip()
    _para(doc, f"审查人（签字）：{who or '＿＿＿＿＿＿＿＿'}", align=WD_ALIGN_PARAGRAPH.RIGHT)
    _para(doc, "审查单位（盖章）：＿＿＿＿＿＿＿＿", align=WD_ALIGN_PARAGRAPH.RIGHT)
    _para(doc, f"{day.year}年{day.month}月{day.day}日", align=WD_ALIGN_PARAGRAPH.RIGHT)
    buf = io.BytesIO()
    doc.save(buf)
    return buf.getvalue()


def _cn_date(v: str) -> str:
    m = re.match(r"^(\d{4})-(\d{1,2})-(\d{1,2})", v)
    return f"{m.group(1)}年{int(m.group(2))}月{int(m.group(3))}日" if m else v


def opinion_pdf(report: Report, decisions: dict | None = None, reviewer: str | None = None,
                review_date: date | None = None) -> bytes:
    """The same opinion as PDF, converted by LibreOffice headless (InputError when not installed)."""
    from checker.ingest.doc_reader import convert_with_soffice

    data = opinion_docx(report, decisions, reviewer, review_date)
    return convert_with_soffice(data, "审查意见书.docx", ".docx", "pdf")


def opinion_summary(report: Report, decisions: dict | None = None) -> dict[str, Any]:
    """Counts the opinion states (for tests and the page)."""
    items = kept(report, decisions)
    return {"title": agreement_title(report), **severity_counts(items), "dismissed": dismissed_count(report, decisions)}
