"""The 版本比较 tab: findings fixed, new and remaining against the previous stored version."""
from __future__ import annotations

import streamlit as st

from checker.library import section_title
from checker.review.page_findings import esc_md
from checker.review.resources import profile_titles, rule_titles


def versions(ctx) -> None:
    from checker.review.compare import compare

    db, rep = ctx["db"], ctx["report"]
    prev = db.previous_version(ctx["sha"], profile=rep.profile)
    if prev is None:
        st.info("本机尚无该协议的早期版本。上传同一联盟协议的修改稿后，这里会列出已修改、新出现和仍存在的问题。")
        return
    cur = rep.to_dict()
    res = compare(prev, cur)
    st.markdown(f"与早期版本《{esc_md(prev['source']['name'])}》比较（审查依据：{esc_md(profile_titles().get(prev.get('profile'), ''))}）")
    c = st.columns(3)
    c[0].metric("已修改", len(res["fixed"]))
    c[1].metric("新出现", len(res["new"]))
    c[2].metric("仍存在", len(res["remaining"]))
    titles = rule_titles()
    for label, items, icon in (("已修改的问题", res["fixed"], ":material/check_circle:"),
                               ("新出现的问题", res["new"], ":material/new_releases:"),
                               ("仍存在的问题", res["remaining"], ":material/pending:")):
        st.subheader(f"{icon} {label}（{len(items)}）")
        if not items:
            st.caption("无")
        for f in items:
            ev = f" —— “{esc_md(f['evidence'][:60])}”" if f.get("evidence") else ""
            st.markdown(f"- **{esc_md(titles.get(f['rule'], f['rule']))}**"
                        f"（{esc_md(section_title(f.get('section')))}）：{esc_md(f['message'])}{ev}")
