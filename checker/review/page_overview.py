"""Header (title, counters) and the 概览 tab: section coverage, what to add, findings per rule."""
from __future__ import annotations

from collections import Counter
from pathlib import Path

import streamlit as st

from checker.review import webui
from checker.review.resources import profile_titles, rule_titles
from checker.review.store import finding_key


def header(ctx) -> None:
    rep = ctx["report"]
    doc = rep.document
    st.markdown(webui.CSS, unsafe_allow_html=True)
    st.html(webui.JUMP_JS, unsafe_allow_javascript=True)
    st.title(f"《{Path(doc.name).stem}》审查结果")
    info = [f"审查依据：{profile_titles().get(rep.profile, rep.profile)}", f"{len(doc.text):,} 字",
            f"{len(rep.clauses)} 个条款"]
    if doc.pages:
        info.insert(1, f"{doc.pages} 页")
    st.caption(" · ".join(info))
    for w in doc.warnings:
        st.warning(w)
    s = rep.summary()
    done = sum(1 for f in rep.findings if finding_key(f) in ctx["decisions"])
    cols = st.columns(6)
    cols[0].metric("错误", s["errors"], help="违反强制性要求或条款可能无效")
    cols[1].metric("警告", s["warnings"], help="重大风险或缺少必备要素")
    cols[2].metric("提示", s["infos"], help="起草建议")
    cols[3].metric("章节齐全", s["sections_present"])
    cols[4].metric("部分缺失 / 缺失", f'{s["sections_partial"]} / {s["sections_missing"]}')
    cols[5].metric("已处理", f"{done} / {len(rep.findings)}")


def overview(ctx) -> None:
    rep = ctx["report"]
    counts = Counter(f.section for f in rep.findings)
    left, right = st.columns([5, 3], gap="large")
    with left:
        st.subheader("章节覆盖情况")
        st.caption("对照闽科政〔2009〕46号 附件1《产业技术创新战略联盟协议书编写参考》的提纲")
        st.markdown(webui.coverage_html(rep.sections, counts), unsafe_allow_html=True)
    with right:
        st.subheader("需要补充的内容")
        gaps = [s for s in rep.sections if s.status != "present" and (s.required or s.status == "partial")]
        if not gaps:
            st.success("所有必备章节和要素均已具备。")
        for s in gaps:
            color = webui.STATUS_COLOR[s.status]
            what = "未找到该章节" if s.status == "missing" else "缺少 " + "、".join(s.missing_elements)
            st.markdown(f'<div class="ac-gap" style="background:{color}"><b>{webui.esc(s.title)}</b>：'
                        f'{webui.esc(what)}</div>', unsafe_allow_html=True)
        st.subheader("问题分布")
        by_rule = Counter(rule_titles().get(f.rule, f.rule) for f in rep.findings)
        if by_rule:
            st.markdown(webui.count_table(by_rule.most_common()), unsafe_allow_html=True)
