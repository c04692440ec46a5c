"""The batch summary table: one row per document — file, package, kind, status, errors, warnings, infos,
missing sections and the status of every section — as CSV (UTF-8 with BOM, opens in Excel) and XLSX
(openpyxl: header frozen, auto-filter, a second sheet counting which rules and sections fail most often)."""
from __future__ import annotations

import csv
import io
from collections import Counter
from typing import Any

from checker.kinds import KIND_TITLES
from checker.library import DOCUMENT_KINDS, kind_outline, outline, section_title

STATUS_ZH = {"present": "完整", "partial": "部分缺失", "missing": "缺失"}
ROW_STATUS_ZH = {"ok": "已审查", "failed": "失败", "skipped": "未审查（图片）"}
BASE_COLUMNS = ["文件", "材料包", "文件类型", "状态", "错误", "警告", "提示", "缺失章节", "说明"]


def section_columns(rows: list[dict[str, Any]]) -> list[str]:
    """Section keys that occur in the batch, agreement outline first, then charter and necessity outlines."""
    order = [s["key"] for s in outline()] + [s["key"] for k in DOCUMENT_KINDS for s in kind_outline(k)["sections"]]
    seen = {k for r in rows for k in (r.get("sections") or {})}
    out: list[str] = []
    for k in order:
        if k in seen and k not in out:
            out.append(k)
    return out


def table(rows: list[dict[str, Any]]) -> tuple[list[str], list[list[Any]]]:
    keys = section_columns(rows)
    header = BASE_COLUMNS + [section_title(k) for k in keys]
    body = []
    for r in rows:
        note = r.get("error") or (r.get("kind_note") if r.get("kind") == "other" else "")
        line = [r["name"], r.get("package") or "", KIND_TITLES.get(r.get("kind"), r.get("kind") or ""),
                ROW_STATUS_ZH.get(r["status"], r["status"]), r.get("errors", 0), r.get("warnings", 0),
                r.get("infos", 0), "、".join(r.get("missing") or []), note]
        secs = r.get("sections") or {}
        line += [STATUS_ZH.get(secs.get(k), "—") for k in keys]
        body.append(line)
    return header, body


def to_csv(rows: list[dict[str, Any]]) -> bytes:
    header, body = table(rows)
    buf = io.StringIO()
    w = csv.writer(buf)
    w.writerow(header)
    w.writerows(body)
    return buf.getvalue().encode("utf-8-sig")


def failure_counts(rows: list[dict[str, Any]]) -> tuple[Counter, Counter]:
    """How many documents each rule fired in, and each section was missing/partial or had a finding in."""
    rules, sections = Counter(), Counter()
    for r in rows:
        rules.update(r.get("rules") or [])
        bad = {k for k, v in (r.get("sections") or {}).items() if v != "present"} | set(r.get("failed_sections") or [])
        sections.update(bad)
    return rules, sections


def to_xlsx(rows: list[dict[str, Any]]) -> bytes:
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font, PatternFill
    from openpyxl.utils import get_column_letter

    header, body = table(rows)
    wb = Workbook()
    ws = wb.active
    ws.title = "审查汇总"
    ws.append(header)
    for line in body:
        ws.append(line)
    bold = Font(bold=True)
    fills = {"缺失": PatternFill("solid", fgColor="F8D7DA"), "部分缺失": PatternFill("solid", fgColor="FFF3CD"),
             "失败": PatternFill("solid", fgColor="F5C6CB")}
    for c in ws[1]:
        c.font = bold
        c.alignment = Alignment(wrap_text=True, vertical="top")
    for row in ws.iter_rows(min_row=2):
        for c in row:
            if c.value in fills:
                c.fill = fills[c.value]
    for i, h in enumerate(header, 1):
        ws.column_dimensions[get_column_letter(i)].width = 36 if i in (1, 8, 9) else max(8, min(16, len(str(h)) * 2))
    ws.freeze_panes = "B2"
    ws.auto_filter.ref = ws.dimensions
    rules, sections = failure_counts(rows)
    st = wb.create_sheet("问题统计")
    st.append(["规则", "出现的文件数"])
    for rule, n in rules.most_common():
        st.append([rule, n])
    st.append([])
    st.append(["章节", "缺失、不完整或有问题的文件数"])
    for key, n in sections.most_common():
        st.append([section_title(key), n])
    for c in st[1]:
        c.font = bold
    st.column_dimensions["A"].width = 40
    st.column_dimensions["B"].width = 24
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()
