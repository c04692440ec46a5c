"""Sidebar of the review page (profile, reviewer, upload, bundled sample, past reviews) and the
welcome text. The reviewer's name and default profile are remembered in the local settings file;
file-type and size problems are reported in the main area, in Chinese."""
from __future__ import annotations

from pathlib import Path

import streamlit as st

from checker.rules.profiles import DEFAULT_PROFILE, PROFILE_KEYS
from checker.review import settings
from checker.review.resources import profile_titles, store
from checker.review.store import database_url

ROOT = Path(__file__).resolve().parents[2]
SAMPLE = ROOT / "clause_library" / "samples" / "示例协议.docx"
from checker.ingest.limits import MAX_FILE_BYTES

# = server.maxUploadSize in .streamlit/config.toml (tested); also checked here, so the message is Chinese
# and in the main area (the uploader accepts any type for the same reason)
MAX_MB = MAX_FILE_BYTES // 1024 // 1024
KINDS = ["docx", "pdf", "txt", "md", "doc", "wps", "rtf", "png", "jpg", "jpeg", "tif", "tiff"]


def _init_settings() -> None:
    if st.session_state.get("_settings_loaded"):
        return
    s = settings.load()
    if s.get("profile") in PROFILE_KEYS:
        st.session_state.setdefault("profile", s["profile"])
    if s.get("reviewer"):
        st.session_state.setdefault("reviewer", s["reviewer"])
    st.session_state._settings_loaded = True


def _remember() -> None:
    settings.save(profile=st.session_state.get("profile"), reviewer=st.session_state.get("reviewer") or "")


def sidebar() -> tuple[str, str]:
    _init_settings()
    sb = st.sidebar
    sb.markdown("## ⚖️ 联盟协议合规审查")
    sb.caption("产业技术创新战略联盟协议书 · 本机离线审查，文件不会上传到任何外部服务器。")
    titles = profile_titles()
    pending = st.session_state.pop("_pending_profile", None)   # set by a reopened review, before the widget
    if pending in PROFILE_KEYS:
        st.session_state.profile = pending
    st.session_state.setdefault("profile", DEFAULT_PROFILE)
    profile = sb.selectbox("审查依据（地区配置）", PROFILE_KEYS, format_func=lambda k: titles.get(k, k),
                           key="profile", on_change=_remember)
    reviewer = sb.text_input("审查人", key="reviewer", placeholder="请输入姓名，记录在审查结论中",
                             on_change=_remember)
    n = st.session_state.setdefault("upload_n", 0)
    up = sb.file_uploader("上传协议文件", key=f"upload-{n}",
                          help=f"支持 .docx、.pdf、.txt、.md、.doc、.wps、.rtf（.doc/.wps/.rtf 需本机安装 LibreOffice），"
                               f"扫描件 PDF 与 .png/.jpg/.tif 图像（文字识别，每页约 5–7 秒）；"
                               f"单个文件不超过 {MAX_MB} MB。")
    sb.markdown(f'<div class="ac-upload-note">支持 DOCX、PDF、TXT、MD、DOC、WPS、RTF 及扫描图像，单个文件不超过 {MAX_MB} MB</div>',
                unsafe_allow_html=True)
    if up is not None and st.session_state.get("upload_id") != up.file_id:
        st.session_state.upload_id = up.file_id
        st.session_state.source = {"name": up.name, "data": up.getvalue()}
    if sb.button("载入示例协议", width="stretch", help="含若干典型缺陷的演示协议", key="load_sample"):
        st.session_state.source = {"name": SAMPLE.name, "data": SAMPLE.read_bytes()}
        st.session_state.upload_n = n + 1          # a fresh uploader: the previous upload is cleared
        st.session_state.pop("upload_id", None)
        st.rerun()
    past_reviews(sb)
    sb.divider()
    sb.caption(f"审查记录保存于：`{_db_label()}`")
    return profile, reviewer


def past_reviews(sb) -> None:
    try:
        rows = store(database_url()).recent_reviews(12)
    except Exception:       # an unreachable database must not hide the upload
        return
    if not rows:
        return
    with sb.expander(f"审查记录（{len(rows)}）", expanded=False):
        for r in rows:
            when = r["reviewed_at"].strftime("%m-%d %H:%M") if r["reviewed_at"] else ""
            label = f"{Path(r['name']).stem[:18]} · {when}" + (f" · 已处理 {r['decisions']}" if r["decisions"] else "")
            if st.button(label, key=f"reopen-{r['sha256'][:12]}", width="stretch",
                         disabled=not r["reopenable"], help="重新打开这次审查（含审查结论和结构更正）"):
                got = store(database_url()).source(r["sha256"])
                if got:
                    st.session_state.source = {"name": got[0], "data": got[1]}
                    st.session_state._pending_profile = r.get("profile")
                    st.session_state.upload_n = st.session_state.get("upload_n", 0) + 1
                    st.rerun()


def upload_problem(name: str, data: bytes) -> str | None:
    """A Chinese line when the uploaded file cannot be reviewed before even reading it."""
    ext = Path(name).suffix.lower().lstrip(".")
    if ext not in KINDS:
        return (f"无法审查“{name}”：不支持 .{ext or '（无扩展名）'} 文件。"
                "请上传 .docx、.pdf、.txt、.md、.doc、.wps、.rtf 文件或 .png/.jpg/.tif 扫描图像。")
    if len(data) > MAX_MB * 1024 * 1024:
        return f"无法审查“{name}”：文件大小 {len(data) / 1048576:.1f} MB，超过 {MAX_MB} MB 的上限。"
    return None


def _db_label() -> str:
    url = database_url()
    return url.split("///", 1)[-1] if url.startswith("sqlite") else url.split("@")[-1]


def welcome() -> None:
    st.title("联盟协议合规审查")
    st.markdown(
        "在左侧选择**审查依据**并**上传协议文件**（或点击“载入示例协议”），系统将逐条对照"
        "国家和地方关于产业技术创新战略联盟的政策文件及《民法典》《仲裁法》等规定进行审查：\n\n"
        "- **问题清单**：逐条查看命中原文、依据、修改建议，并记录“确认 / 驳回”结论；\n"
        "- **概览**：问题数量、各章节是否齐备、缺失的必备要素；\n"
        "- **协议全文**：按条款阅读，问题处高亮，可更正条款的章节归类、拆分或合并条款；\n"
        "- **版本比较**：同一协议的新旧版本之间，哪些问题已修改、哪些新出现；\n"
        "- **导出**：审查意见书（Word / PDF）、JSON、HTML、Markdown 报告及带批注的 Word 文档。")
