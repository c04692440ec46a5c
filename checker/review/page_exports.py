"""The 导出 tab: JSON, HTML, Markdown and the commented Word file, honouring the decisions."""
from __future__ import annotations

import json
from pathlib import Path

import streamlit as st

from checker.errors import InputError
from checker.review.resources import export_bytes


def exports(ctx) -> None:
    rep, name = ctx["report"], ctx["name"]
    decisions = ctx["decisions"]
    stem = Path(name).stem
    dj = json.dumps(decisions, sort_keys=True, ensure_ascii=False)
    source = ctx["data"] if rep.document.format == "docx" else None
    if rep.document.format == "doc":
        from checker.ingest.doc_reader import doc_to_docx

        try:
            source = doc_to_docx(ctx["data"], name)
        except InputError:
            source = None
    dismissed = sum(1 for v in decisions.values() if v.get("status") == "dismissed")
    st.markdown("审查报告与带批注的协议文本。Word 文档中每个问题以批注形式标注在对应条款上"
                f"（已驳回的 {dismissed} 个问题不导出，已确认的问题附审查意见）。")
    specs = [("docx", "带批注的 Word 文档（.docx）", f"{stem}_审查批注.docx",
              "application/vnd.openxmlformats-officedocument.wordprocessingml.document"),
             ("html", "HTML 审查报告", f"{stem}_审查报告.html", "text/html"),
             ("markdown", "Markdown 审查报告", f"{stem}_审查报告.md", "text/markdown"),
             ("json", "JSON 审查结果（alliance-check/1）", f"{stem}_审查结果.json", "application/json")]
    cols = st.columns(len(specs))
    for col, (fmt, label, fname, mime) in zip(cols, specs):
        try:
            data = export_bytes(ctx["sha"], rep.profile, fmt, dj if fmt == "docx" else "{}", rep, source)
        except Exception as e:  # one broken exporter must not take the page down
            col.error(f"{label}生成失败（{type(e).__name__}）")
            continue
        col.download_button(label, data, file_name=fname, mime=mime, key=f"dl-{fmt}",
                            width="stretch", type="primary" if fmt == "docx" else "secondary")
