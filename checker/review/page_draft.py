"""The 起草 page (placeholder until the drafting page lands): one Chinese line saying it is coming."""
from __future__ import annotations

import streamlit as st


def page() -> None:
    st.title("起草联盟协议")
    st.info("起草功能即将提供。")
