"""The 问题清单 tab: filters, one card per finding (span, citation, suggested wording) and its decision form."""
from __future__ import annotations

import streamlit as st

from checker.library import section_keys, section_title
from checker.review import webui
from checker.review.resources import rule_titles
from checker.review.store import finding_key


def esc_md(s: str) -> str:
    return "".join("\\" + ch if ch in "\\`*_{}[]<>()#+-.!|~" else ch for ch in (s or ""))


def clause_label(rep, f) -> str:
    c = rep.clause(f.clause_id)
    if c is not None:
        label = " ".join(p for p in (c.number, c.heading) if p)
        if label:
            return label
        first = c.text.strip().split("\n")[0].strip("（）() ")
        return {"signature": "签署部分", "title": "标题", "party": "缔约方信息", "recitals": "鉴于条款"}.get(
            c.kind, first[:14] + ("…" if len(first) > 14 else ""))
    if f.number:
        return f.number
    return f"（{section_title(f.section)}）" if f.section else "（全文）"


def findings_tab(ctx) -> None:
    rep, decisions = ctx["report"], ctx["decisions"]
    if not rep.findings:
        st.success("未发现问题。")
        return
    titles = rule_titles()
    sev_all = [s for s in ("error", "warning", "info") if any(f.severity == s for f in rep.findings)]
    order = {k: i for i, k in enumerate(section_keys())}
    secs = sorted({f.section for f in rep.findings if f.section}, key=lambda k: order.get(k, 99))
    rules = sorted({f.rule for f in rep.findings})
    c1, c2, c3, c4 = st.columns([3, 3, 3, 2])
    sev = c1.multiselect("严重程度", sev_all, default=sev_all, format_func=webui.SEVERITY_ZH.get, key="f_sev")
    sec = c2.multiselect("章节", secs, format_func=section_title, key="f_sec", placeholder="全部章节")
    rul = c3.multiselect("规则", rules, format_func=lambda r: titles.get(r, r), key="f_rule", placeholder="全部规则")
    dec = c4.selectbox("处理状态", ["全部", "未处理", "已确认", "已驳回"], key="f_dec")
    shown = []
    for f in sorted(rep.findings, key=lambda f: (webui.SEVERITY_ORDER.get(f.severity, 9),
                                                  f.span[0] if f.span else -1)):
        key = finding_key(f)
        d = decisions.get(key)
        if f.severity not in sev or (sec and f.section not in sec) or (rul and f.rule not in rul):
            continue
        if dec != "全部" and webui.DECISION_ZH.get((d or {}).get("status")) != dec:
            continue
        shown.append((f, key, d))
    st.caption(f"显示 {len(shown)} / {len(rep.findings)} 个问题")
    for i, (f, key, d) in enumerate(shown):
        finding_card(ctx, f, key, d, expanded=i < 3)


def finding_card(ctx, f, key: str, d: dict | None, expanded: bool) -> None:
    rep = ctx["report"]
    title = webui.finding_title(f, rule_titles().get(f.rule, f.rule), clause_label(rep, f), d)
    with st.expander(title, expanded=expanded, icon=webui.SEVERITY_ICON.get(f.severity)):
        st.markdown(f'<div id="finding-{key[:10]}"></div>', unsafe_allow_html=True)
        st.markdown(f"**{esc_md(f.message)}**")
        c = rep.clause(f.clause_id)
        cspan = tuple(c.span) if c else None
        span = tuple(f.span) if f.span else None
        text, rel = webui.clause_window(rep.document.text, cspan, span)
        if text:
            link = f' · <a href="#clause-{webui.esc(c.id)}" class="ac-jump">在全文中定位</a>' if c else ""
            st.markdown(f"原文（{webui.esc(clause_label(rep, f))}）{link}", unsafe_allow_html=True)
            st.markdown(f'<div class="ac-clause">{webui.highlight(text, rel)}</div>', unsafe_allow_html=True)
        else:
            st.markdown(f"原文：协议中未找到“{esc_md(section_title(f.section))}”相关条款。")
        if f.citation:
            st.markdown(f'<div class="ac-meta"><b>依据：</b>{webui.esc(f.citation)}</div>', unsafe_allow_html=True)
        if f.suggestion:
            if c is not None and f.rule != "SECTION_MISSING":
                st.markdown("**建议修改**（左：原文，删除部分划线；右：建议条文，新增部分标绿）")
                st.markdown(webui.diff_html(c.body or c.text, f.suggestion), unsafe_allow_html=True)
            else:
                st.markdown("**建议补充条文**")
                st.markdown(f'<div class="ac-clause">{webui.esc(f.suggestion)}</div>', unsafe_allow_html=True)
        decision_form(ctx, key, d)


def decision_form(ctx, key: str, d: dict | None) -> None:
    options = ["未处理", "确认问题", "驳回（误报或不适用）"]
    status = (d or {}).get("status")
    idx = {"accepted": 1, "dismissed": 2}.get(status, 0)
    with st.form(f"form-{key}", border=False):
        cols = st.columns([3, 4, 1.2])
        choice = cols[0].radio("审查结论", options, index=idx, horizontal=True, key=f"dec-{key}")
        note = cols[1].text_input("审查意见", value=(d or {}).get("note", ""), key=f"note-{key}",
                                  placeholder="将写入带批注的 Word 文档")
        cols[2].markdown("<div style='height:1.7rem'></div>", unsafe_allow_html=True)
        submitted = cols[2].form_submit_button("保存", width="stretch", key=f"save-{key}")
    if d and d.get("reviewer"):
        st.caption(f"上次结论：{webui.DECISION_ZH.get(status)}（{d['reviewer']}）")
    if submitted:
        db, sha = ctx["db"], ctx["sha"]
        if choice == options[0]:
            db.clear_decision(sha, key)
        else:
            db.set_decision(sha, key, "accepted" if choice == options[1] else "dismissed", note,
                            ctx["reviewer"] or "")
        st.toast("审查结论已保存")
        st.rerun()
