"""联盟协议合规审查页面 (Streamlit): upload an agreement, review the findings clause by clause,
record accept/dismiss decisions (stored in checker.store), compare with an earlier version and
export JSON / HTML / Markdown / commented Word. Runs locally; documents never leave the machine.

    streamlit run app.py          (make app)
"""
from __future__ import annotations

import hashlib
import json
from collections import Counter
from pathlib import Path

import streamlit as st

from checker.errors import InputError
from checker.library import section_keys, section_title
from checker.profiles import DEFAULT_PROFILE, PROFILE_KEYS, load_profile
from checker.store import database_url, finding_key, get_store
from checker import webui

ROOT = Path(__file__).resolve().parent
SAMPLE = ROOT / "clause_library" / "samples" / "示例协议.docx"
MAX_MB = 20          # same as server.maxUploadSize in .streamlit/config.toml
KINDS = ["docx", "pdf", "txt", "md", "doc"]

st.set_page_config(page_title="联盟协议合规审查", page_icon="⚖️", layout="wide",
                   initial_sidebar_state="expanded")


# -- cached resources --------------------------------------------------------------------------------
@st.cache_resource(show_spinner=False)
def engine():
    """Import the engine once per server process (spaCy/jieba/models load lazily inside)."""
    import checker.engine

    return checker.engine


@st.cache_resource(show_spinner=False)
def warm_engine():
    """Load jieba, the classifier and the rule catalogue in the background as soon as the page is
    first shown, so the first upload does not pay the 3–4 s model start-up."""
    import threading

    def load():
        from checker.nlp import section_model
        from checker.rules.loader import all_rules

        engine()
        section_model()
        all_rules()

    t = threading.Thread(target=load, name="engine-warmup", daemon=True)
    t.start()
    return t


@st.cache_resource(show_spinner=False)
def store(url: str):
    return get_store(url)


@st.cache_resource(show_spinner=False, max_entries=16)
def run_check(sha: str, profile: str, name: str, _data: bytes):
    """Report for (document bytes, profile); cached per (sha256, profile)."""
    return engine().check(data=_data, name=name, profile=profile)


@st.cache_data(show_spinner=False, max_entries=32)
def export_bytes(sha: str, profile: str, fmt: str, decisions_json: str, _report, _source: bytes | None) -> bytes:
    decisions = json.loads(decisions_json)
    if fmt == "docx":
        from checker.report.docx_comments import commented_docx

        return commented_docx(_report, _source, decisions)
    from checker.report import export

    return export(_report, fmt)


@st.cache_data(show_spinner=False)
def rule_titles() -> dict[str, str]:
    from checker.report.docx_comments import rule_titles as titles

    return dict(titles())


@st.cache_data(show_spinner=False)
def profile_titles() -> dict[str, str]:
    return {k: load_profile(k).title for k in PROFILE_KEYS}


# -- sidebar -----------------------------------------------------------------------------------------
def sidebar() -> tuple[str, str]:
    sb = st.sidebar
    sb.markdown("## ⚖️ 联盟协议合规审查")
    sb.caption("产业技术创新战略联盟协议书 · 本机离线审查，文件不会上传到任何外部服务器。")
    titles = profile_titles()
    profile = sb.selectbox("审查依据（地区配置）", PROFILE_KEYS, index=PROFILE_KEYS.index(DEFAULT_PROFILE),
                           format_func=lambda k: titles.get(k, k), key="profile")
    reviewer = sb.text_input("审查人", key="reviewer", placeholder="请输入姓名，记录在审查结论中")
    up = sb.file_uploader("上传协议文件", type=KINDS, key="upload",
                          help=f"支持 .docx、.pdf、.txt、.md、.doc（.doc 需本机安装 LibreOffice）；"
                               f"单个文件不超过 {MAX_MB} MB。")
    if up is not None and st.session_state.get("upload_id") != up.file_id:
        st.session_state.upload_id = up.file_id
        st.session_state.source = {"name": up.name, "data": up.getvalue()}
    if sb.button("载入示例协议", width="stretch", help="含若干典型缺陷的演示协议"):
        st.session_state.source = {"name": SAMPLE.name, "data": SAMPLE.read_bytes()}
    sb.divider()
    sb.caption(f"审查记录保存于：`{_db_label()}`")
    return profile, reviewer


def _db_label() -> str:
    url = database_url()
    return url.split("///", 1)[-1] if url.startswith("sqlite") else url.split("@")[-1]


def welcome() -> None:
    st.title("联盟协议合规审查")
    st.markdown(
        "在左侧选择**审查依据**并**上传协议文件**（或点击“载入示例协议”），系统将逐条对照"
        "国家和地方关于产业技术创新战略联盟的政策文件及《民法典》《仲裁法》等规定进行审查：\n\n"
        "- **概览**：问题数量、各章节是否齐备、缺失的必备要素；\n"
        "- **问题清单**：逐条查看命中原文、依据、修改建议，并记录“确认 / 驳回”结论；\n"
        "- **协议全文**：按条款阅读，问题处高亮；\n"
        "- **版本比较**：同一协议的新旧版本之间，哪些问题已修改、哪些新出现；\n"
        "- **导出**：JSON、HTML、Markdown 报告及带批注的 Word 文档。")


# -- main --------------------------------------------------------------------------------------------
def review(profile: str, reviewer: str) -> None:
    src = st.session_state.source
    data, name = src["data"], src["name"]
    sha = hashlib.sha256(data).hexdigest()
    slot = st.empty()
    try:
        with slot.status(f"正在审查《{name}》……", expanded=False) as status:
            status.update(label="正在载入审查模型……")
            engine()
            status.update(label=f"正在审查《{name}》（逐条分类、核对必备要素、运行审查规则）……")
            report = run_check(sha, profile, name, data)
            status.update(label="审查完成", state="complete")
        slot.empty()     # the progress box has done its job; the results speak for themselves
    except InputError as e:
        st.error(f"无法审查该文件：{e.message}")
        return
    except Exception as e:  # a bug must not show a raw traceback to a legal reviewer
        st.error(f"审查《{name}》时发生内部错误（{type(e).__name__}）。请将该文件反馈给维护人员。")
        with st.expander("技术细节"):
            st.exception(e)
        return
    rsha = report.document.sha256 or sha
    db = store(database_url())
    saved = st.session_state.setdefault("saved", set())
    if (rsha, profile) not in saved:
        db.save_review(report.to_dict())
        saved.add((rsha, profile))
    decisions = db.load_decisions(rsha)
    ctx = {"report": report, "sha": rsha, "profile": profile, "reviewer": reviewer, "db": db,
           "decisions": decisions, "data": data, "name": name}
    header(ctx)
    tabs = st.tabs(["概览", "问题清单", "协议全文", "版本比较", "导出"])
    with tabs[0]:
        overview(ctx)
    with tabs[1]:
        findings_tab(ctx)
    with tabs[2]:
        fulltext(ctx)
    with tabs[3]:
        versions(ctx)
    with tabs[4]:
        exports(ctx)


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


def versions(ctx) -> None:
    from checker.compare import compare

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


def exports(ctx) -> None:
    rep, name = ctx["report"], ctx["name"]
    decisions = ctx["decisions"]
    stem = Path(name).stem
    dj = json.dumps(decisions, sort_keys=True, ensure_ascii=False)
    source = ctx["data"] if rep.document.format == "docx" else None
    if rep.document.format == "doc":
        from checker.ingest.doc_reader import doc_to_docx

        try:
            source = doc_to_docx(ctx["data"], name)
        except InputError:
            source = None
    dismissed = sum(1 for v in decisions.values() if v.get("status") == "dismissed")
    st.markdown("审查报告与带批注的协议文本。Word 文档中每个问题以批注形式标注在对应条款上"
                f"（已驳回的 {dismissed} 个问题不导出，已确认的问题附审查意见）。")
    specs = [("docx", "带批注的 Word 文档（.docx）", f"{stem}_审查批注.docx",
              "application/vnd.openxmlformats-officedocument.wordprocessingml.document"),
             ("html", "HTML 审查报告", f"{stem}_审查报告.html", "text/html"),
             ("markdown", "Markdown 审查报告", f"{stem}_审查报告.md", "text/markdown"),
             ("json", "JSON 审查结果（alliance-check/1）", f"{stem}_审查结果.json", "application/json")]
    cols = st.columns(len(specs))
    for col, (fmt, label, fname, mime) in zip(cols, specs):
        try:
            data = export_bytes(ctx["sha"], rep.profile, fmt, dj if fmt == "docx" else "{}", rep, source)
        except Exception as e:  # one broken exporter must not take the page down
            col.error(f"{label}生成失败（{type(e).__name__}）")
            continue
        col.download_button(label, data, file_name=fname, mime=mime, key=f"dl-{fmt}",
                            width="stretch", type="primary" if fmt == "docx" else "secondary")


def main() -> None:
    warm_engine()
    profile, reviewer = sidebar()
    if not st.session_state.get("source"):
        welcome()
        return
    review(profile, reviewer)


main()
