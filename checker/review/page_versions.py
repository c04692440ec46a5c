"""The 版本比较 tab: this version against the previous stored one (or another uploaded version) clause by
clause — unchanged / changed with a character diff / added / removed, moved and renumbered clauses paired —
with the findings fixed, new and remaining; downloads as HTML, JSON and a Word file tracking OLD→NEW.
Also the revision: the fixes of the accepted findings as a Word file with tracked changes (合规审查)."""
from __future__ import annotations

import hashlib
from pathlib import Path

import streamlit as st

from checker.errors import InputError
from checker.library import section_title
from checker.review.page_findings import esc_md
from checker.review.resources import profile_titles, rule_titles, run_check

DOCX_MIME = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


def _other_version(ctx) -> tuple[dict | None, str]:
    """The report to compare with: an uploaded version if any, else the previous stored one."""
    rep = ctx["report"]
    up = st.file_uploader("与另一版本比较（可选：上传同一协议的其他版本）", type=["docx", "pdf", "txt", "md", "doc"],
                          key="v_upload")
    if up is not None:
        data = up.getvalue()
        try:
            other = run_check(hashlib.sha256(data).hexdigest(), rep.profile, up.name, data)
        except InputError as e:
            st.error(f"无法读取上传的版本：{e.message}")
            return None, ""
        return other.to_dict(), "上传的版本"
    prev = ctx["db"].previous_version(ctx["sha"], profile=rep.profile)
    return prev, "本机保存的早期版本"


def _findings(res: dict) -> None:
    titles = rule_titles()
    for label, items, icon in (("已修改的问题", res["findings"]["fixed"], ":material/check_circle:"),
                               ("新出现的问题", res["findings"]["introduced"], ":material/new_releases:"),
                               ("仍存在的问题", res["findings"]["kept"], ":material/pending:")):
        st.subheader(f"{icon} {label}（{len(items)}）")
        if not items:
            st.caption("无")
        for f in items:
            ev = f" —— “{esc_md(f['evidence'][:60])}”" if f.get("evidence") else ""
            st.markdown(f"- **{esc_md(titles.get(f['rule'], f['rule']))}**"
                        f"（{esc_md(section_title(f.get('section')))}）：{esc_md(f['message'])}{ev}")


def _clauses(res: dict) -> None:
    from checker.draft.versions import STATUS_ZH, body, diff_html, label

    st.subheader(":material/difference: 逐条比较")
    show_all = st.toggle("也列出未修改的条款", key="v_show_unchanged")
    icons = {"changed": ":orange[已修改]", "added": ":green[新增]", "removed": ":red[删除]", "unchanged": "未修改"}
    for r in res["clauses"]:
        if r["status"] == "unchanged" and not (show_all or r["moved"] or r["renumbered"]):
            continue
        old, new = label(r["old"]), label(r["new"])
        where = new if not old else old if not new else (old if old == new else f"{old} → {new}")
        tags = "".join(f" · {t}" for t, on in (("移动了位置", r["moved"]), ("重新编号", r["renumbered"])) if on)
        with st.expander(f"{icons[r['status']]}　{where}{tags}", expanded=r["status"] == "changed"):
            text = diff_html(r["diff"]) if r["status"] != "unchanged" else esc_md(body(r["new"]))
            st.html(f'<div style="line-height:1.8">{text}</div>'
                    "<style>del{background:#fdd;color:#a00}ins{background:#dfd;color:#060;text-decoration:none}</style>")
            st.caption(f"状态：{STATUS_ZH[r['status']]}" + (f"；相似度 {r['score']}" if r.get("score") is not None else ""))


@st.cache_data(show_spinner=False, max_entries=8)
def _revised(sha: str, profile: str, keys: tuple, _rep, _source, _findings) -> tuple[bytes, int]:
    from checker.draft.revise import revise

    data, changes = revise(_rep, _source, _findings)
    return data, len(changes)


@st.cache_data(show_spinner=False, max_entries=8)
def _exports(old_sha: str, new_sha: str, profile: str, _res) -> dict[str, bytes]:
    from checker.draft.versions import export

    return {fmt: export(_res, fmt) for fmt in ("html", "docx", "json")}


def _revision(ctx) -> None:
    """修订稿: the accepted findings' suggested wording as tracked changes in the agreement itself."""
    from checker.draft.revise import select_findings
    from checker.model import finding_key

    rep = ctx["report"]
    st.subheader(":material/edit_document: 生成修订稿（Word 修订模式）")
    accepted = {k: v for k, v in (ctx.get("decisions") or {}).items() if v.get("status") == "accepted"}
    findings = select_findings(rep, decisions={"decisions": accepted} if accepted else None)
    what = (f"已确认的 {len(findings)} 个问题" if accepted else
            f"全部 {len(findings)} 个可按建议条款直接修改的问题（在“问题清单”中确认问题后，只修改已确认的）")
    st.markdown(f"把{what}的建议条款写进协议：每处修改都是作者为“合规审查”的 Word 修订，可在 Word 中逐条接受或拒绝；"
                "原有文字、格式、编号、批注和修订保持不变。")
    if not findings:
        st.caption("没有可以直接修改的问题。")
        return
    source = ctx["data"] if rep.document.format == "docx" else None
    keys = tuple(finding_key(f) for f in findings)
    made = st.session_state.get("v_revision")
    if not made or made[0] != (ctx["sha"], rep.profile, keys):
        if not st.button("生成修订稿", key="v_make_revision", icon=":material/edit_document:"):
            return
        try:
            data, n = _revised(ctx["sha"], rep.profile, keys, rep, source, findings)
        except Exception as e:   # a reviser bug must not take the review page down
            st.error(f"生成修订稿失败（{type(e).__name__}）。")
            return
        made = st.session_state.v_revision = ((ctx["sha"], rep.profile, keys), data, n)
    _key, data, n = made
    st.download_button(f"下载修订稿（{n} 处修订，.docx）", data, file_name=f"{Path(ctx['name']).stem}_修订.docx",
                       mime=DOCX_MIME, key="dl-revision", icon=":material/download:")


def versions(ctx) -> None:
    from checker.draft.versions import compare_reports

    rep = ctx["report"]
    other, where = _other_version(ctx)
    if other is None:
        st.info("本机尚无该协议的早期版本。上传同一联盟协议的修改稿后（或在上方上传另一版本），这里会逐条列出修改之处，"
                "以及已修改、新出现和仍存在的问题。")
        _revision(ctx)
        return
    cur = rep.to_dict()
    res = compare_reports(other, cur)
    s = res["summary"]
    st.markdown(f"与{where}《{esc_md(other['source']['name'])}》比较"
                f"（审查依据：{esc_md(profile_titles().get(other.get('profile'), ''))}）")
    c = st.columns(3)
    c[0].metric("已修改", s["fixed"])
    c[1].metric("新出现", s["introduced"])
    c[2].metric("仍存在", s["kept"])
    c = st.columns(4)
    c[0].metric("修改的条款", s["changed"])
    c[1].metric("新增的条款", s["added"])
    c[2].metric("删除的条款", s["removed"])
    c[3].metric("移动或重新编号", s["moved"] + s["renumbered"])
    stem = Path(ctx["name"]).stem
    files = _exports(other["source"].get("sha256") or "", ctx["sha"], rep.profile, res)
    d = st.columns(3)
    d[0].download_button("比较结果（HTML）", files["html"], file_name=f"{stem}_版本比较.html", mime="text/html",
                         key="dl-cmp-html")
    d[1].download_button("修订对照（Word，旧版→新版）", files["docx"], file_name=f"{stem}_版本比较.docx",
                         mime=DOCX_MIME, key="dl-cmp-docx")
    d[2].download_button("比较结果（JSON）", files["json"], file_name=f"{stem}_版本比较.json",
                         mime="application/json", key="dl-cmp-json")
    _clauses(res)
    _findings(res)
    _revision(ctx)
