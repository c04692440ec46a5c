"""联盟协议合规审查页面 (Streamlit): the entry point only. Each part of the page is a module of
checker/review/ (sidebar, review with its tabs: overview, findings, full text, versions, exports).
Runs locally; documents never leave the machine.

    streamlit run app.py          (make app)
"""
from __future__ import annotations

import streamlit as st

st.set_page_config(page_title="联盟协议合规审查", page_icon="⚖️", layout="wide",
                   initial_sidebar_state="expanded")

from checker.review.page_review import review  # noqa: E402 — set_page_config must come first
from checker.review.page_sidebar import sidebar, welcome  # noqa: E402
from checker.review.resources import warm_engine  # noqa: E402


def main() -> None:
    warm_engine()
    profile, reviewer = sidebar()
    if not st.session_state.get("source"):
        welcome()
        return
    review(profile, reviewer)


main()
