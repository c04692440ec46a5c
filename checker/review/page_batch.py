"""The 批量审查 page (placeholder until the batch page lands): one Chinese line saying it is coming."""
from __future__ import annotations

import streamlit as st


def page() -> None:
    st.title("批量审查")
    st.info("批量审查功能即将提供。")
