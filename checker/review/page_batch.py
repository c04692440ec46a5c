"""The 批量审查 page: upload many files or a .zip (documents of several alliances, or one filing package),
review them all in parallel with a progress bar, and look at the results — a sortable, filterable table
(one row per document), a chart of the sections and rules that fail most often, the package checks, and
the full review of any document on a click. Every batch is kept in the review store, so an earlier batch
can be reopened and compared with a later one."""
from __future__ import annotations

import pandas as pd
import streamlit as st

from checker.batch.collect import Item, collect
from checker.batch.runner import default_jobs
from checker.batch.tables import ROW_STATUS_ZH, failure_counts, to_csv, to_xlsx
from checker.errors import InputError
from checker.kinds import KIND_TITLES
from checker.library import section_title
from checker.review.batch_store import batch_packages, batch_report, batch_rows, compare_batches, list_batches
from checker.review.resources import profile_titles, store
from checker.review.store import database_url
from checker.rules.profiles import DEFAULT_PROFILE, PROFILE_KEYS

UPLOAD_TYPES = ["docx", "pdf", "txt", "md", "doc", "zip", "png", "jpg", "jpeg"]
SEVERITY_ZH = {"error": "错误", "warning": "警告", "info": "提示"}
STATUS_ZH = {"present": "完整", "partial": "部分缺失", "missing": "缺失"}
CHANGE_ZH = {"added": "新增", "removed": "移除", "changed": "有变化", "unchanged": "无变化"}


def page() -> None:
    st.title("批量审查")
    st.caption("一次上传多份协议书、章程、组建必要性的说明，或一个（或多个）申报材料包的 .zip；全部在本机审查，结果存入审查记录库。")
    db = store(database_url())
    _upload_and_run(db)
    batches = list_batches(db)
    if not batches:
        st.info("还没有批量审查记录。上传文件后点击“开始批量审查”。")
        return
    current = st.session_state.get("batch_id") or batches[0]["id"]
    labels = {b["id"]: _batch_label(b) for b in batches}
    ids = list(labels)
    chosen = st.selectbox("查看批次", ids, index=ids.index(current) if current in ids else 0,
                          format_func=labels.get, key="batch_pick")
    st.session_state.batch_id = chosen
    rows = batch_rows(db, chosen)
    _summary(rows)
    _packages(batch_packages(db, chosen))
    selected = _table(rows)
    _chart(rows)
    _compare(db, chosen, ids, labels)
    if selected is not None:
        _full_review(db, chosen, selected)


def _batch_label(b: dict) -> str:
    when = b["created_at"].strftime("%Y-%m-%d %H:%M") if b.get("created_at") else ""
    done = "" if b.get("finished_at") else "（未完成）"
    return f"第 {b['id']} 批 · {when} · {b['label'] or '未命名'} · {b['profile']} · {b['saved']} 份{done}"


def _upload_and_run(db) -> None:
    with st.form("batch_upload", clear_on_submit=False):
        files = st.file_uploader("选择文件（可多选，也可上传 .zip）", type=UPLOAD_TYPES, accept_multiple_files=True,
                                 key="batch_files")
        c1, c2, c3 = st.columns([2, 1, 2])
        titles = profile_titles()
        profile = c1.selectbox("审查配置", PROFILE_KEYS, index=PROFILE_KEYS.index(DEFAULT_PROFILE),
                               format_func=lambda k: titles.get(k, k), key="batch_profile")
        jobs = c2.number_input("并行进程数", min_value=1, max_value=max(1, default_jobs()), value=default_jobs(),
                               key="batch_jobs")
        whole = c3.checkbox("这些文件是同一个联盟的一套申报材料", key="batch_whole")
        label = st.text_input("批次名称（可选）", key="batch_label", placeholder="例如：2026年12月备案申请")
        go = st.form_submit_button("开始批量审查", type="primary")
    if not go:
        return
    if not files:
        st.warning("请先选择要审查的文件。")
        return
    try:
        items = _items(files)
    except InputError as e:
        st.error(f"无法读取上传的文件：{e.message}")
        return
    from checker.batch.job import run_items

    bar = st.progress(0.0, text=f"正在审查 0 / {sum(1 for i in items if i.reviewable)} 份……")

    def progress(done, total, row):
        bar.progress(done / max(total, 1), text=f"已审查 {done} / {total} 份：{row['name']}")

    try:
        out = run_items(items, profile, label=label or files[0].name, jobs=int(jobs), whole_is_package=whole,
                        store_url=db.url, progress=progress)
    except InputError as e:
        st.error(e.message)
        return
    bar.progress(1.0, text=f"批量审查完成：共 {len(out.rows)} 个文件")
    st.session_state.batch_id = out.batch_id
    st.session_state.pop("batch_pick", None)


def _items(files) -> list[Item]:
    items: list[Item] = []
    for f in files:
        data = f.getvalue()
        if f.name.lower().endswith(".zip"):
            items += collect(data, name=f.name)
        else:
            items.append(Item(name=f.name, data=data))
    return items


def _summary(rows: list[dict]) -> None:
    ok = [r for r in rows if r["status"] == "ok"]
    c = st.columns(5)
    c[0].metric("文件", len(rows))
    c[1].metric("失败", sum(1 for r in rows if r["status"] == "failed"))
    c[2].metric("错误", sum(r.get("errors", 0) for r in ok))
    c[3].metric("警告", sum(r.get("warnings", 0) for r in ok))
    c[4].metric("提示", sum(r.get("infos", 0) for r in ok))
    d1, d2 = st.columns(2)
    d1.download_button("下载汇总表（Excel）", to_xlsx(rows), file_name="批量审查汇总.xlsx",
                       mime="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", key="dl_xlsx")
    d2.download_button("下载汇总表（CSV）", to_csv(rows), file_name="批量审查汇总.csv", mime="text/csv", key="dl_csv")


def _frame(rows: list[dict]) -> pd.DataFrame:
    return pd.DataFrame([{
        "文件": r["name"], "材料包": r.get("package") or "", "文件类型": KIND_TITLES.get(r.get("kind"), r.get("kind") or ""),
        "状态": ROW_STATUS_ZH.get(r["status"], r["status"]), "错误": r.get("errors", 0), "警告": r.get("warnings", 0),
        "提示": r.get("infos", 0), "缺失章节": "、".join(r.get("missing") or []),
        "说明": r.get("error") or (r.get("kind_note") if r.get("kind") == "other" else ""),
    } for r in rows])


def _table(rows: list[dict]) -> dict | None:
    """The filterable table; the column headers sort it. Returns the row the reviewer clicked."""
    st.subheader("逐份结果")
    df = _frame(rows)
    f1, f2, f3, f4 = st.columns([2, 2, 2, 1])
    kinds = f1.multiselect("文件类型", sorted(set(df["文件类型"])), key="bf_kind", placeholder="全部类型")
    states = f2.multiselect("状态", sorted(set(df["状态"])), key="bf_state", placeholder="全部状态")
    words = f3.text_input("文件名或缺失章节包含", key="bf_text")
    only_err = f4.checkbox("只看有错误的", key="bf_err")
    mask = pd.Series(True, index=df.index)
    if kinds:
        mask &= df["文件类型"].isin(kinds)
    if states:
        mask &= df["状态"].isin(states)
    if words:
        mask &= df["文件"].str.contains(words, regex=False) | df["缺失章节"].str.contains(words, regex=False)
    if only_err:
        mask &= df["错误"] > 0
    shown = df[mask]
    st.caption(f"显示 {len(shown)} / {len(df)} 份。点击列名排序，点击一行查看该文件的完整审查结果。")
    event = st.dataframe(shown, hide_index=True, width="stretch", on_select="rerun", selection_mode="single-row",
                         key="batch_table")
    picked = list(getattr(getattr(event, "selection", None), "rows", []) or [])
    names = list(shown["文件"])
    click = names[picked[0]] if picked and picked[0] < len(names) else None
    if click and click != st.session_state.get("_batch_last_click"):   # a new click on a row opens that document
        st.session_state.batch_open = click
    st.session_state._batch_last_click = click
    if st.session_state.get("batch_open") not in names:
        st.session_state.pop("batch_open", None)
    name = st.selectbox("查看某份文件的完整审查结果", names, index=None, key="batch_open",
                        placeholder="点击表格中的一行，或在此选择文件")
    return next((r for r in rows if r["name"] == name), None)


def _chart(rows: list[dict]) -> None:
    import altair as alt

    rules, sections = failure_counts(rows)
    if not rules and not sections:
        return
    st.subheader("最常出问题的章节和规则")
    c1, c2 = st.columns(2)
    from checker.report.common import rule_title

    sec = pd.DataFrame([{"章节": section_title(k), "文件数": n} for k, n in sections.most_common(12)])
    rul = pd.DataFrame([{"规则": f"{rule_title(k)}（{k}）", "文件数": n} for k, n in rules.most_common(12)])
    x = alt.X("文件数:Q", axis=alt.Axis(tickMinStep=1, format="d"), title="文件数")
    if len(sec):
        c1.altair_chart(alt.Chart(sec, title="缺失、不完整或有问题的章节").mark_bar().encode(
            x=x, y=alt.Y("章节:N", sort="-x", title=None, axis=alt.Axis(labelLimit=260))), width="stretch")
    if len(rul):
        c2.altair_chart(alt.Chart(rul, title="报告最多的规则").mark_bar(color="#c0392b").encode(
            x=x, y=alt.Y("规则:N", sort="-x", title=None, axis=alt.Axis(labelLimit=320))), width="stretch")


def _packages(pkgs: list[dict]) -> None:
    if not pkgs:
        return
    st.subheader("申报材料包")
    for p in pkgs:
        state = "材料齐全" if p["complete"] else "缺少：" + "、".join(p["missing"])
        with st.expander(f"{p['package']} — {state}；跨文件核对 {len(p['cross_checks'])} 处不一致", expanded=True):
            st.caption(f"依据：{p['citation']}")
            st.dataframe(pd.DataFrame([{"必需材料": r["title"], "是否提交": "是" if r["present"] else "否",
                                        "文件": "、".join(r["files"]) or "—"} for r in p["required"]]),
                         hide_index=True, width="stretch")
            for f in p["cross_checks"]:
                st.markdown(f"**【{SEVERITY_ZH[f['severity']]}】** {f['message']}  \n依据：{f['citation']}（{f['rule']}）")


def _compare(db, chosen: int, ids: list[int], labels: dict) -> None:
    others = [i for i in ids if i != chosen]
    if not others:
        return
    with st.expander("与另一批次比较（例如上个月的同一批申报）"):
        base = st.selectbox("比较对象", others, format_func=labels.get, key="batch_base")
        old, new = (base, chosen) if base < chosen else (chosen, base)
        diff = compare_batches(db, old, new)
        st.caption(f"从第 {old} 批到第 {new} 批的变化（按联盟名称或文件名对应）。")
        st.dataframe(pd.DataFrame([{
            "文件": d["document"], "变化": CHANGE_ZH[d["change"]],
            "错误": d["errors"], "错误增减": d.get("errors_delta", ""), "警告增减": d.get("warnings_delta", ""),
            "新出现的问题": "、".join(d["rules_added"]), "已消除的问题": "、".join(d["rules_removed"]),
        } for d in diff]), hide_index=True, width="stretch")


def _full_review(db, batch_id: int, row: dict) -> None:
    st.divider()
    st.subheader(f"《{row['name']}》完整审查结果")
    if row["status"] != "ok":
        st.error(f"该文件未能审查：{row.get('error') or '图片文件只计入材料包，不审查文字。'}")
        return
    rep = batch_report(db, batch_id, row["idx"])
    if rep is None:
        st.warning("记录库中没有该文件的审查报告。")
        return
    if rep.get("kind") == "other":
        st.info(f"该文件不是联盟协议书、联盟章程或组建必要性的说明，未作审查：{rep.get('kind_note', '')}")
        return
    s = rep["summary"]
    st.caption(f"文件类型：{KIND_TITLES.get(rep.get('kind'), '')}；审查配置：{rep['profile']}；{rep.get('kind_note', '')}")
    c = st.columns(3)
    c[0].metric("错误", s["errors"])
    c[1].metric("警告", s["warnings"])
    c[2].metric("提示", s["infos"])
    st.dataframe(pd.DataFrame([{"章节": x["title"], "必备": "是" if x.get("required", True) else "否",
                                "状态": STATUS_ZH[x["status"]], "缺失要素": "、".join(x["missing_elements"]) or "—"}
                               for x in rep["sections"]]), hide_index=True, width="stretch")
    from checker.report.common import rule_title

    for f in rep["findings"]:
        with st.expander(f"【{SEVERITY_ZH[f['severity']]}】{rule_title(f['rule'])}（{f['rule']}）"):
            st.markdown(f["message"])
            st.caption(f"依据：{f['citation']}")
            if f.get("evidence"):
                st.markdown(f"原文：“{f['evidence']}”")
            if f.get("suggestion"):
                st.markdown("建议条款：")
                st.code(f["suggestion"], language=None, wrap_lines=True)
    from checker.batch.rebuild import report_from_dict
    from checker.report import export

    st.download_button("下载该文件的审查报告（Markdown）", export(report_from_dict(rep), "markdown"),
                       file_name=f"{row['name']}_审查报告.md", mime="text/markdown", key=f"dl_md_{row['idx']}")
