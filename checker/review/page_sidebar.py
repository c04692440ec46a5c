"""Sidebar of the review page (profile, reviewer, upload, bundled sample) and the welcome text."""
from __future__ import annotations

from pathlib import Path

import streamlit as st

from checker.rules.profiles import DEFAULT_PROFILE, PROFILE_KEYS
from checker.review.resources import profile_titles
from checker.review.store import database_url

ROOT = Path(__file__).resolve().parents[2]
SAMPLE = ROOT / "clause_library" / "samples" / "示例协议.docx"
from checker.ingest.limits import MAX_FILE_BYTES

MAX_MB = MAX_FILE_BYTES // 1024 // 1024     # = server.maxUploadSize in .streamlit/config.toml (tested)
KINDS = ["docx", "pdf", "txt", "md", "doc", "wps", "rtf", "png", "jpg", "jpeg", "tif", "tiff"]


def sidebar() -> tuple[str, str]:
    sb = st.sidebar
    sb.markdown("## ⚖️ 联盟协议合规审查")
    sb.caption("产业技术创新战略联盟协议书 · 本机离线审查，文件不会上传到任何外部服务器。")
    titles = profile_titles()
    profile = sb.selectbox("审查依据（地区配置）", PROFILE_KEYS, index=PROFILE_KEYS.index(DEFAULT_PROFILE),
                           format_func=lambda k: titles.get(k, k), key="profile")
    reviewer = sb.text_input("审查人", key="reviewer", placeholder="请输入姓名，记录在审查结论中")
    up = sb.file_uploader("上传协议文件", type=KINDS, key="upload",
                          help=f"支持 .docx、.pdf、.txt、.md、.doc、.wps、.rtf（.doc/.wps/.rtf 需本机安装 LibreOffice），"
                               f"扫描件 PDF 与 .png/.jpg/.tif 图像（文字识别，每页约 5–7 秒）；"
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
