"""The 问题清单 tab: search and filters, bulk confirm/dismiss per rule, one card per finding
(human location, span, citation, suggestion fitted to the agreement and diffed against the
defective sentence only) with its decision form. Cards beyond the first screenful are drawn on
request, so the first finding shows as soon as the check is done."""
from __future__ import annotations

import streamlit as st

from checker.library import section_keys, section_title
from checker.report.fit import defect_span, fitted_suggestion, is_addition
from checker.report.locate import finding_label
from checker.review import webui
from checker.review.resources import rule_titles
from checker.review.store import finding_key

FIRST_CARDS = 12      # drawn at once; the rest after "显示其余"
OPEN_CARDS = 2


def esc_md(s: str) -> str:
    return "".join("\\" + ch if ch in "\\`*_{}[]<>()#+-.!|~" else ch for ch in (s or ""))


def clause_label(rep, f) -> str:
    return finding_label(rep, f)


def matches(rep, f, query: str, titles: dict) -> bool:
    """The search box: rule title, message, evidence, location, citation and suggestion."""
    if not query:
        return True
    q = query.strip().lower()
    hay = " ".join([titles.get(f.rule, f.rule), f.rule, f.message or "", f.evidence or "", f.citation or "",
                    f.suggestion or "", finding_label(rep, f), section_title(f.section) if f.section else ""])
    return all(part in hay.lower() for part in q.split())


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
    c0, c1, c2, c3, c4 = st.columns([3, 2.4, 2.4, 2.4, 1.6])
    query = c0.text_input("搜索问题", key="f_q", placeholder="关键词：问题、原文、依据、条款……",
                          label_visibility="collapsed")
    sev = c1.multiselect("严重程度", sev_all, default=sev_all, format_func=webui.SEVERITY_ZH.get, key="f_sev",
                         label_visibility="collapsed", placeholder="全部严重程度")
    sec = c2.multiselect("章节", secs, format_func=section_title, key="f_sec", placeholder="全部章节",
                         label_visibility="collapsed")
    rul = c3.multiselect("规则", rules, format_func=lambda r: titles.get(r, r), key="f_rule",
                         placeholder="全部规则", label_visibility="collapsed")
    dec = c4.selectbox("处理状态", ["全部", "未处理", "已确认", "已驳回"], key="f_dec", label_visibility="collapsed")
    shown = []
    for f in sorted(rep.findings, key=lambda f: (webui.SEVERITY_ORDER.get(f.severity, 9),
                                                  f.span[0] if f.span else -1)):
        key = finding_key(f)
        d = decisions.get(key)
        if (sev and f.severity not in sev) or (sec and f.section not in sec) or (rul and f.rule not in rul):
            continue
        if dec != "全部" and webui.DECISION_ZH.get((d or {}).get("status")) != dec:
            continue
        if not matches(rep, f, query, titles):
            continue
        shown.append((f, key, d))
    bulk(ctx, titles)
    st.caption(f"显示 {len(shown)} / {len(rep.findings)} 个问题")
    limit = len(shown) if st.session_state.get("f_all") or query else FIRST_CARDS
    for i, (f, key, d) in enumerate(shown[:limit]):
        finding_card(ctx, f, key, d, expanded=i < OPEN_CARDS)
    if len(shown) > limit:
        if st.button(f"显示其余 {len(shown) - limit} 个问题", key="f_more", width="stretch"):
            st.session_state.f_all = True
            st.rerun()


def bulk(ctx, titles: dict) -> None:
    """Confirm or dismiss every finding of one rule at once (e.g. seven identical findings)."""
    rep = ctx["report"]
    per_rule: dict[str, list] = {}
    for f in rep.findings:
        per_rule.setdefault(f.rule, []).append(f)
    many = sorted((r for r, fs in per_rule.items() if len(fs) >= 2), key=lambda r: -len(per_rule[r]))
    if not many:
        return
    with st.popover("批量处理同一规则的全部问题", icon=":material/done_all:"):
        rule = st.selectbox("规则", many, key="bulk_rule",
                            format_func=lambda r: f"{titles.get(r, r)}（{len(per_rule[r])} 个）")
        note = st.text_input("审查意见", key="bulk_note", placeholder="可选，写入每个问题的审查结论")
        c3, c4 = st.columns(2)
        status = None
        if c3.button("全部确认", key="bulk_accept", width="stretch"):
            status = "accepted"
        if c4.button("全部驳回", key="bulk_dismiss", width="stretch"):
            status = "dismissed"
        if status:
            ctx["db"].set_decisions(ctx["sha"], {finding_key(f): {"status": status, "note": note,
                                                                  "reviewer": ctx["reviewer"] or ""}
                                                 for f in per_rule[rule]})
            st.toast(f"已{'确认' if status == 'accepted' else '驳回'} {len(per_rule[rule])} 个问题")
            st.rerun()


def finding_card(ctx, f, key: str, d: dict | None, expanded: bool) -> None:
    rep = ctx["report"]
    where = finding_label(rep, f)
    title = webui.finding_title(f, rule_titles().get(f.rule, f.rule), where, d)
    with st.expander(title, expanded=expanded, icon=webui.SEVERITY_ICON.get(f.severity)):
        st.markdown(f'<div id="finding-{key[:10]}"></div>', unsafe_allow_html=True)
        st.markdown(f"**{esc_md(f.message)}**")
        c = rep.clause(f.clause_id)
        cspan = tuple(c.span) if c else None
        span = tuple(f.span) if f.span else None
        text, rel = webui.clause_window(rep.document.text, cspan, span)
        if text:
            target = f"span-{key[:10]}" if span else f"clause-{c.id}" if c else ""
            link = f' · <a href="#{target}" class="ac-jump">在全文中定位</a>' if target else ""
            st.markdown(f"原文（{webui.esc(where)}）{link}", unsafe_allow_html=True)
            st.markdown(f'<div class="ac-clause">{webui.highlight(text, rel)}</div>', unsafe_allow_html=True)
        else:
            st.markdown(f"原文：协议中未找到“{esc_md(section_title(f.section))}”相关条款。{esc_md(where)}")
        if f.citation:
            st.markdown(f'<div class="ac-meta"><b>依据：</b>{webui.esc(f.citation)}</div>', unsafe_allow_html=True)
        sugg = fitted_suggestion(rep, f)
        if sugg:
            ds = defect_span(rep, f)
            if ds and not is_addition(rep, f, sugg):
                st.markdown("**建议修改**（左：有问题的原句，删除部分划线；右：建议条文，新增部分标绿）")
                st.markdown(webui.diff_html(rep.document.text[ds[0]:ds[1]].strip(), sugg), unsafe_allow_html=True)
            else:
                st.markdown("**建议增加条文**" + (f"（{webui.esc(where)}）" if c is None else "（在本条中补充）"),
                            unsafe_allow_html=True)
                st.markdown(webui.insertion_html(sugg), unsafe_allow_html=True)
        decision_form(ctx, key, d)


def decision_form(ctx, key: str, d: dict | None) -> None:
    options = ["未处理", "确认问题", "驳回（误报或不适用）"]
    status = (d or {}).get("status")
    idx = {"accepted": 1, "dismissed": 2}.get(status, 0)
    with st.form(f"form-{key}", border=False):
        cols = st.columns([3, 4, 1.2])
        choice = cols[0].radio("审查结论", options, index=idx, horizontal=True, key=f"dec-{key}")
        note = cols[1].text_input("审查意见", value=(d or {}).get("note", ""), key=f"note-{key}",
                                  placeholder="写入导出的报告、批注和审查意见书")
        cols[2].markdown("<div style='height:1.7rem'></div>", unsafe_allow_html=True)
        submitted = cols[2].form_submit_button("保存", width="stretch", key=f"save-{key}")
    if d and d.get("reviewer"):
        when = (d.get("decided_at") or "")[:10]
        st.caption(f"上次结论：{webui.DECISION_ZH.get(status)}（{d['reviewer']}{'，' + when if when else ''}）")
    if submitted:
        db, sha = ctx["db"], ctx["sha"]
        if choice == options[0]:
            db.clear_decision(sha, key)
        else:
            db.set_decision(sha, key, "accepted" if choice == options[1] else "dismissed", note,
                            ctx["reviewer"] or "")
        st.toast("审查结论已保存")
        st.rerun()
