"""The 导出 tab: the formal 审查意见书 (.docx, and PDF through LibreOffice), the commented Word
file, HTML, Markdown and JSON — every one leaving out dismissed findings and carrying the
reviewer, date and note of each decided one."""
from __future__ import annotations

import json
from pathlib import Path

import streamlit as st

from checker.errors import InputError
from checker.report.decided import author
from checker.review.resources import export_bytes

DOCX_MIME = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


def _source(ctx):
    rep = ctx["report"]
    if rep.document.format == "docx":
        return ctx["data"]
    if rep.document.format == "doc":
        from checker.ingest.doc_reader import doc_to_docx

        try:
            return doc_to_docx(ctx["data"], ctx["name"])
        except InputError:
            return None
    return None


def exports(ctx) -> None:
    rep, name = ctx["report"], ctx["name"]
    decisions = ctx["decisions"]
    stem = Path(name).stem
    dj = json.dumps(decisions, sort_keys=True, ensure_ascii=False)
    cj = json.dumps(ctx.get("corrections") or [], sort_keys=True, ensure_ascii=False, default=str)
    reviewer = ctx["reviewer"] or ""
    dismissed = sum(1 for v in decisions.values() if v.get("status") == "dismissed")
    st.markdown(f"所有导出都不含已驳回的 {dismissed} 个问题，已处理的问题附审查人、日期和审查意见；"
                f"Word 批注的作者为“{author(reviewer)}”。")
    source = _source(ctx)

    def get(fmt: str) -> bytes:
        return export_bytes(ctx["sha"], rep.profile, fmt, dj, reviewer, cj, rep, source)

    st.subheader("审查意见书")
    o1, o2, _ = st.columns([1, 1, 1])
    try:
        o1.download_button("审查意见书（Word）", get("opinion"), file_name=f"{stem}_审查意见书.docx", mime=DOCX_MIME,
                           key="dl-opinion", width="stretch", type="primary")
    except Exception as e:  # one broken exporter must not take the page down
        o1.error(f"审查意见书生成失败（{type(e).__name__}）")
    pdf_key = ("opinion_pdf", ctx["sha"], rep.profile, dj, reviewer, cj)
    if st.session_state.get("pdf_key") == pdf_key and st.session_state.get("pdf_bytes"):
        o2.download_button("下载审查意见书（PDF）", st.session_state.pdf_bytes, file_name=f"{stem}_审查意见书.pdf",
                           mime="application/pdf", key="dl-opinion-pdf", width="stretch")
    elif o2.button("生成审查意见书（PDF）", key="make-pdf", width="stretch", help="经本机 LibreOffice 转换，约需数秒"):
        try:
            with st.spinner("正在生成 PDF……"):
                st.session_state.pdf_bytes = get("opinion_pdf")
            st.session_state.pdf_key = pdf_key
            st.rerun()
        except InputError as e:
            st.error(f"无法生成 PDF：{e.message}")

    st.subheader("审查报告与批注")
    specs = [("docx", "带批注的 Word 文档（.docx）", f"{stem}_审查批注.docx", DOCX_MIME),
             ("html", "HTML 审查报告", f"{stem}_审查报告.html", "text/html"),
             ("markdown", "Markdown 审查报告", f"{stem}_审查报告.md", "text/markdown"),
             ("json", "JSON 审查结果（alliance-check/1）", f"{stem}_审查结果.json", "application/json")]
    cols = st.columns(len(specs))
    for col, (fmt, label, fname, mime) in zip(cols, specs):
        try:
            data = get(fmt)
        except Exception as e:  # one broken exporter must not take the page down
            col.error(f"{label}生成失败（{type(e).__name__}）")
            continue
        col.download_button(label, data, file_name=fname, mime=mime, key=f"dl-{fmt}", width="stretch")
    st.caption("打印本页：浏览器“打印”即可，侧栏、筛选和按钮不会打印，所有问题展开显示。")
