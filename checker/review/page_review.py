"""The 审查 page: sidebar, then one reviewed document — runs the check (on the reviewer's corrected
structure when there are corrections), saves the review, then draws the header and tabs."""
from __future__ import annotations

import hashlib
import json

import streamlit as st

from checker.errors import InputError
from checker.review import webui
from checker.review.page_exports import exports
from checker.review.page_findings import findings_tab
from checker.review.page_fulltext import fulltext
from checker.review.page_overview import header, overview
from checker.review.page_sidebar import sidebar, upload_problem, welcome
from checker.review.page_versions import versions
from checker.review.resources import engine, run_check, store, warm_engine
from checker.review.store import database_url


def page() -> None:
    """The 审查 page: sidebar, then the welcome text or the review of the uploaded document."""
    warm_engine()
    st.markdown(webui.CSS, unsafe_allow_html=True)
    st.html(webui.JUMP_JS, unsafe_allow_javascript=True)
    profile, reviewer = sidebar()
    if not st.session_state.get("source"):
        welcome()
        return
    review(profile, reviewer)


def _ocr_progress(status):
    """A progress bar for scanned pages, drawn only when OCR actually runs."""
    bar = {}

    def update(done: int, total: int, message: str) -> None:
        if "bar" not in bar:
            status.update(label="正在识别扫描页文字（OCR，每页约 5–7 秒）……", expanded=True)
            bar["bar"] = status.progress(0.0, text=message)
        bar["bar"].progress(done / max(total, 1), text=message)
    return update


def review(profile: str, reviewer: str) -> None:
    src = st.session_state.source
    data, name = src["data"], src["name"]
    problem = upload_problem(name, data)
    if problem:
        st.error(problem)
        return
    sha = hashlib.sha256(data).hexdigest()
    db = store(database_url())
    corrections = db.load_corrections(sha)
    cj = json.dumps([{k: v for k, v in c.items() if k not in ("id", "reviewer", "created_at")}
                     for c in corrections], sort_keys=True, ensure_ascii=False)
    slot = st.empty()
    try:
        with slot.status(f"正在审查《{name}》……", expanded=False) as status:
            status.update(label="正在载入审查模型……")
            engine()
            status.update(label=f"正在审查《{name}》（逐条分类、核对必备要素、运行审查规则）……")
            report = run_check(sha, profile, name, data, cj, _ocr_progress(status))
            status.update(label="审查完成", state="complete")
        slot.empty()     # the progress box has done its job; the results speak for themselves
    except InputError as e:
        slot.empty()
        st.error(f"无法审查该文件：{e.message}")
        return
    except Exception as e:  # a bug must not show a raw traceback to a legal reviewer
        slot.empty()
        st.error(f"审查《{name}》时发生内部错误（{type(e).__name__}）。请将该文件反馈给维护人员。")
        with st.expander("技术细节"):
            st.exception(e)
        return
    rsha = report.document.sha256 or sha
    saved = st.session_state.setdefault("saved", set())
    if (rsha, profile, cj) not in saved:
        db.save_review(report.to_dict())
        db.save_source(rsha, name, data)
        saved.add((rsha, profile, cj))
    decisions = db.load_decisions(rsha)
    ctx = {"report": report, "sha": rsha, "profile": profile, "reviewer": reviewer, "db": db,
           "decisions": decisions, "data": data, "name": name, "corrections": corrections}
    header(ctx)
    tabs = st.tabs(["问题清单", "概览", "协议全文", "版本比较", "导出"])
    with tabs[0]:
        findings_tab(ctx)
    with tabs[1]:
        overview(ctx)
    with tabs[2]:
        fulltext(ctx)
    with tabs[3]:
        versions(ctx)
    with tabs[4]:
        exports(ctx)
