"""The fixed interfaces of contracts.md hold for every kind of document and every split.

§1: every clause gets one of the outline section keys or null — also in a charter or a necessity statement,
whose own outlines are reported beside it (``kind_section``, ``kind_sections``), never instead of it.
§3: the eight contract rule ids keep their meaning (DISPUTE_BOTH_FORUMS also for "仲裁不服再起诉").
"""
from __future__ import annotations

from pathlib import Path

import pytest

from checker import check
from checker.library import section_keys

CORPUS = Path(__file__).resolve().parents[1] / "corpus"
DOCS = sorted(p for p in list(CORPUS.glob("c*.*")) + list(CORPUS.glob("ch*.*")) + list(CORPUS.glob("ns*.*"))
              + list((CORPUS / "blind").glob("b*.*")) + list((CORPUS / "blind2").glob("b*.*")) + list((CORPUS / "ext").glob("e*.*")) if p.suffix in {".docx", ".pdf", ".txt", ".md", ".doc"})
KEYS = set(section_keys())


@pytest.mark.parametrize("path", DOCS, ids=lambda p: p.name)
def test_sections_are_contract_keys(path):
    rep = check(path).to_dict()
    assert {c["section"] for c in rep["clauses"]} <= KEYS | {None}
    assert {s["key"] for s in rep["sections"]} <= KEYS
    assert {f["section"] for f in rep["findings"]} <= KEYS | {None}


def test_sequential_arbitration_then_court_is_both_forums():
    text = ("争议解决\n因本协议发生的争议，提交泉州仲裁委员会仲裁；对仲裁裁决不服的，可向泉州市中级人民法院起诉。")
    rules = {f.rule for f in check(text=text).findings}
    assert "DISPUTE_BOTH_FORUMS" in rules
