"""The 协议全文 tab: the whole document (every character, in order), each clause tagged with its
section and human location, findings marked; a search box; and the reviewer's corrections of the
structure reading — change a clause's section, split a clause at a line, merge it with the next."""
from __future__ import annotations

import re

import streamlit as st

from checker.library import section_keys, section_title
from checker.report.locate import clause_label
from checker.review.corrections import describe
from checker.review.fulltext_html import FULLTEXT_CSS, fulltext_html
from checker.review.resources import rule_titles


def fulltext(ctx) -> None:
    rep = ctx["report"]
    c1, c2 = st.columns([3, 2])
    query = c1.text_input("在全文中搜索", key="ft_q", placeholder="在全文中搜索", label_visibility="collapsed")
    body, n_hits = fulltext_html(rep, rule_titles(), query)
    c2.caption("蓝色小字为条款位置和识别出的章节，黄色底纹为问题所在位置；虚线框为未归入任何条款的文字。"
               + (f" 搜索“{query}”：{n_hits} 处" if query else ""))
    corrections_panel(ctx)
    st.html(FULLTEXT_CSS + body)


def _units(rep):
    return [c for c in rep.clauses if not c.children and c.kind != "chapter"]


def corrections_panel(ctx) -> None:
    rep, db = ctx["report"], ctx["db"]
    cors = ctx.get("corrections") or []
    with st.expander(f"更正条款结构（{len(cors)} 处更正）" if cors else "更正条款结构",
                     icon=":material/edit_note:", expanded=False):
        st.caption("条款划分或章节归类有误时在此更正；更正后整份协议按更正后的结构重新审查，"
                   "更正与审查结论一并保存，重新打开时自动恢复。")
        units = _units(rep)
        if not units:
            return
        labels = {c.id: f"{clause_label(rep, c)} 〔{section_title(c.section) if c.section else '未归类'}〕"
                  for c in units}
        # the clause the reading check suspects (one swallowing its neighbours) comes preselected
        from checker.report.reading import assess

        suspect = next((s.get("clause_id") for s in assess(rep).signals if s.get("clause_id")), None)
        ids = [c.id for c in units]
        cid = st.selectbox("条款", ids, index=ids.index(suspect) if suspect in ids else 0,
                           format_func=labels.get, key="cor_clause")
        c = next(u for u in units if u.id == cid)
        tab1, tab2, tab3 = st.tabs(["更改章节", "拆分条款", "与下一条合并"])
        with tab1:
            keys = list(section_keys())
            idx = keys.index(c.section) if c.section in keys else 0
            new = st.selectbox("归入章节", keys, index=idx, format_func=section_title, key="cor_section")
            if st.button("更改章节并重新审查", key="cor_apply_section"):
                db.add_correction(ctx["sha"], {"op": "section", "start": c.span[0], "end": c.span[1],
                                               "section": new}, ctx["reviewer"] or "")
                _rerun()
        with tab2:
            text = rep.document.text
            choices = split_points(text, c.span)
            if not choices:
                st.caption("该条款中没有可拆分的位置（另起的行或条款编号）。")
            else:
                at = st.selectbox("从这里起另成一条（另起的行或条款编号处）", choices, key="cor_split_at",
                                  format_func=lambda p: text[p:p + 40].split("\n")[0])
                if st.button("拆分并重新审查", key="cor_apply_split"):
                    db.add_correction(ctx["sha"], {"op": "split", "at": at}, ctx["reviewer"] or "")
                    _rerun()
        with tab3:
            i = units.index(c)
            nxt = units[i + 1] if i + 1 < len(units) else None
            if nxt is None:
                st.caption("这是最后一个条款。")
            else:
                st.caption(f"合并为一条：{labels[c.id]} ＋ {labels[nxt.id]}")
                if st.button("合并并重新审查", key="cor_apply_merge"):
                    db.add_correction(ctx["sha"], {"op": "merge", "a": c.span[0], "b": nxt.span[0]},
                                      ctx["reviewer"] or "")
                    _rerun()
        for cor in cors:
            a, b = st.columns([6, 1])
            a.markdown(f"- {describe(cor, rep.document.text)}" + (f"（{cor['reviewer']}）" if cor.get("reviewer") else ""))
            if b.button("撤销", key=f"cor_undo_{cor['id']}"):
                db.remove_correction(ctx["sha"], cor["id"])
                _rerun()


_MARKER = re.compile(r"第[一二三四五六七八九十百零〇两\d]+[章条]|[一二三四五六七八九十]+、|[（(][一二三四五六七八九十]+[）)]")


def split_points(text: str, span: tuple[int, int], limit: int = 300) -> list[int]:
    """Where a clause can be split: the start of each of its lines after the first, and each clause
    number inside it (a misread clause often lost its line breaks, 第二条 … still marks the border)."""
    a, z = span
    points = set()
    for i in range(a + 1, z):
        if text[i - 1] == "\n" and text[i].strip():
            points.add(i)
    for m in _MARKER.finditer(text, a + 1, z):
        if m.start() > a and text[m.start() - 1] not in "“\"《（(":
            points.add(m.start())
    return sorted(points)[:limit]


def _rerun() -> None:
    st.toast("已按更正后的结构重新审查")
    st.rerun()
