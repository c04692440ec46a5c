"""联盟协议合规审查页面 (Streamlit): the entry point only — page configuration and navigation.
Each top-level page is a module of checker/review/ exposing ``page()``:

    审查      checker/review/page_review.py  (sidebar, review with its tabs)
    起草      checker/review/page_draft.py
    批量审查  checker/review/page_batch.py

Runs locally; documents never leave the machine.

    streamlit run app.py          (make app)
"""
from __future__ import annotations

import streamlit as st

st.set_page_config(page_title="联盟协议合规审查", page_icon="⚖️", layout="wide",
                   initial_sidebar_state="expanded")

from checker.review import page_batch, page_draft, page_review  # noqa: E402 — set_page_config first


def main() -> None:
    pages = [
        st.Page(page_review.page, title="审查", icon=":material/gavel:", url_path="review", default=True),
        st.Page(page_draft.page, title="起草", icon=":material/edit_document:", url_path="draft"),
        st.Page(page_batch.page, title="批量审查", icon=":material/folder_copy:", url_path="batch"),
    ]
    st.navigation(pages, position="top").run()


main()
