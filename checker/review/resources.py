"""Cached resources of the review page: the engine (loaded once per server process and warmed in the
background), the review store, reports per (document hash, profile), export bytes and display titles."""
from __future__ import annotations

import json

import streamlit as st

from checker.rules.profiles import PROFILE_KEYS, load_profile
from checker.review.store import get_store


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
        from checker.classify.nlp import section_model
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
def run_check(sha: str, profile: str, name: str, _data: bytes, corrections_json: str = "[]", _progress=None):
    """Report for (document bytes, profile, the reviewer's structure corrections); cached per
    (sha256, profile, corrections) so re-uploading the same file costs nothing. ``_progress(done,
    total, message)`` follows the OCR of scanned pages."""
    corrections = json.loads(corrections_json)
    if corrections:
        from checker.review.corrections import check_corrected

        engine()
        return check_corrected(_data, name, profile, corrections, progress=_progress)
    return engine().check(data=_data, name=name, profile=profile, progress=_progress)


@st.cache_data(show_spinner=False, max_entries=32)
def export_bytes(sha: str, profile: str, fmt: str, decisions_json: str, reviewer: str, corrections_json: str,
                 _report, _source: bytes | None) -> bytes:
    """Bytes of one export; every format honours the decisions (dismissed left out, notes kept)."""
    decisions = json.loads(decisions_json)
    if fmt == "opinion_pdf":
        from checker.report.opinion import opinion_pdf

        return opinion_pdf(_report, decisions, reviewer=reviewer)
    from checker.report import export

    return export(_report, fmt, source_bytes=_source, decisions=decisions, reviewer=reviewer)


@st.cache_data(show_spinner=False)
def rule_titles() -> dict[str, str]:
    from checker.report.docx_comments import rule_titles as titles

    return dict(titles())


@st.cache_data(show_spinner=False)
def profile_titles() -> dict[str, str]:
    return {k: load_profile(k).title for k in PROFILE_KEYS}
