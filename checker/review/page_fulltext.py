"""The 协议全文 tab: the document clause by clause, section tags and highlighted findings."""
from __future__ import annotations

import streamlit as st

from checker.library import section_title
from checker.review import webui
from checker.review.resources import rule_titles


def fulltext(ctx) -> None:
    rep = ctx["report"]
    text = rep.document.text
    spans: dict[str, list] = {}
    for f in rep.findings:
        c = rep.clause(f.clause_id)
        if c is not None:
            spans.setdefault(c.id, []).append(f)
    st.caption("按条款显示；蓝色标签为识别出的章节，黄色底纹为问题所在位置。")
    parts = []
    for c in rep.clauses:
        own = spans.get(c.id, [])
        tag = f'<span class="ac-tag">{webui.esc(section_title(c.section))}</span>' if c.section else ""
        badges = "".join(
            f'<span class="ac-badge ac-{f.severity}">{webui.esc(rule_titles().get(f.rule, f.rule))}</span>'
            for f in own)
        body = text[c.span[0]:c.span[1]]
        # a span covering (nearly) the whole clause says "this clause lacks X": the badge says it
        # better than a clause painted yellow from end to end
        n = max(1, c.span[1] - c.span[0])
        rel = [(f.span[0] - c.span[0], f.span[1] - c.span[0]) for f in own
               if f.span and (f.span[1] - f.span[0]) < 0.8 * n]
        if c.children:                       # a chapter: its articles follow on their own
            body = body.split("\n", 1)[0]
        parts.append(f'<div id="clause-{webui.esc(c.id)}" class="ac-clause">{tag}{badges}<br>'
                     f'{webui.highlight(body, rel)}</div>')
    st.markdown("".join(parts), unsafe_allow_html=True)
