"""Header (title, reading-confidence banner, counters) and the 概览 tab: section coverage, what to
add, findings per rule. Coverage counters count required sections only; optional ones say 未约定."""
from __future__ import annotations

from collections import Counter
from pathlib import Path

import streamlit as st

from checker.library import section_title
from checker.report.decided import coverage_counts
from checker.report.reading import assess
from checker.review import webui
from checker.review.resources import profile_titles, rule_titles
from checker.review.store import finding_key


def reading_of(ctx):
    if "reading" not in ctx:
        ctx["reading"] = assess(ctx["report"])
    return ctx["reading"]


def header(ctx) -> None:
    rep = ctx["report"]
    doc = rep.document
    st.title(f"《{Path(doc.name).stem}》审查结果")
    info = [f"审查依据：{profile_titles().get(rep.profile, rep.profile)}", f"{len(doc.text):,} 字",
            f"{len(rep.clauses)} 个条款"]
    if doc.pages:
        info.insert(1, f"{doc.pages} 页")
    if ctx.get("corrections"):
        info.append(f"已按审查人更正 {len(ctx['corrections'])} 处结构重新审查")
    st.caption(" · ".join(info))
    from checker.report.common import seal_lines
    for w in doc.warnings + seal_lines(ctx["report"]):     # OCR pages and confidence, wrong extension, seals
        st.warning(w)
    reading = reading_of(ctx)
    if not reading.reliable:
        doubted = "、".join(section_title(k) for k in reading.doubted_sections)
        st.warning("**条款结构识别可能不可靠**：" + " ".join(reading.messages())
                   + (f"\n\n以下章节判为“缺失”可能有误，请在“协议全文”中核对并更正：{doubted}。" if doubted else
                      "\n\n请在“协议全文”中核对条款划分，必要时更正后重新审查。"), icon=":material/report:")
    s = rep.summary()
    cov = coverage_counts(rep)
    done = sum(1 for f in rep.findings if finding_key(f) in ctx["decisions"])
    cols = st.columns(6)
    cols[0].metric("错误", s["errors"], help="违反强制性要求或条款可能无效")
    cols[1].metric("警告", s["warnings"], help="重大风险或缺少必备要素")
    cols[2].metric("提示", s["infos"], help="起草建议")
    cols[3].metric("必备章节齐全", f'{cov["present"]} / {cov["required"]}',
                   help="只计必备章节；可选章节未写入协议时显示为“未约定”")
    cols[4].metric("部分缺失 / 缺失", f'{cov["partial"]} / {cov["missing"]}', help="只计必备章节")
    cols[5].metric("已处理", f"{done} / {len(rep.findings)}")


def overview(ctx) -> None:
    rep = ctx["report"]
    counts = Counter(f.section for f in rep.findings)
    doubted = set(reading_of(ctx).doubted_sections)
    left, right = st.columns([5, 3], gap="large")
    with left:
        st.subheader("章节覆盖情况")
        st.caption("对照闽科政〔2009〕46号 附件1《产业技术创新战略联盟协议书编写参考》的提纲；可选章节未写入时为“未约定”")
        st.markdown(webui.coverage_html(rep.sections, counts, doubted), unsafe_allow_html=True)
    with right:
        st.subheader("需要补充的内容")
        gaps = [s for s in rep.sections if s.status != "present" and (s.required or s.status == "partial")]
        if not gaps:
            st.success("所有必备章节和要素均已具备。")
        for s in gaps:
            color = webui.STATUS_COLOR[s.status]
            what = "未找到该章节" if s.status == "missing" else "缺少 " + "、".join(s.missing_elements)
            if s.key in doubted:
                what += "（结构识别可能有误，请核对）"
            st.markdown(f'<div class="ac-gap" style="background:{color}"><b>{webui.esc(s.title)}</b>：'
                        f'{webui.esc(what)}</div>', unsafe_allow_html=True)
        st.subheader("问题分布")
        by_rule = Counter(rule_titles().get(f.rule, f.rule) for f in rep.findings)
        if by_rule:
            st.markdown(webui.count_table(by_rule.most_common()), unsafe_allow_html=True)
