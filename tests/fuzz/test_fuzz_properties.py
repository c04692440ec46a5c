"""Property-based tests (hypothesis), kept small so `make test` stays fast; `make fuzz` runs ≥ 10,000."""
from __future__ import annotations

import random

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from checker.text.normalize import normalize_text
from fuzz.generators import agreement_text, any_text, corpus_texts, docx_files, mutate_docx, mutate_text
from fuzz.properties import check_bytes, check_text

FAST = settings(max_examples=60, deadline=None, database=None, suppress_health_check=list(HealthCheck))


@FAST
@given(st.text())
def test_normalize_is_idempotent_and_single_line(s):
    n = normalize_text(s)
    assert normalize_text(n) == n
    assert "\n" not in n and "\r" not in n and n == n.strip()


@FAST
@given(any_text)
def test_any_unicode_text_gives_a_report_or_a_clean_refusal(text):
    check_text(text)


@settings(max_examples=120, deadline=None, database=None, suppress_health_check=list(HealthCheck))
@given(agreement_text())
def test_agreement_shaped_text_keeps_the_invariants(text):
    check_text(text)


@FAST
@given(st.binary(max_size=2000), st.sampled_from(["协议.docx", "协议.pdf", "协议.txt", "协议.doc", "协议", "扫描.png"]))
def test_any_bytes_with_any_name_never_crash(data, name):
    check_bytes(data, name)


TEXTS = corpus_texts()


@pytest.mark.parametrize("seed", range(12))
def test_mutated_corpus_text(seed):
    rnd = random.Random(seed)
    name, text = TEXTS[seed % len(TEXTS)]
    check_text(mutate_text(text, rnd))


@pytest.mark.parametrize("seed", range(8))
def test_mutated_corpus_docx(seed):
    rnd = random.Random(1000 + seed)
    files = docx_files()
    path = files[seed % len(files)]
    check_bytes(mutate_docx(path.read_bytes(), rnd), path.name)


def test_crash_found_by_make_fuzz_confidentiality_outside_units():
    """make fuzz, corpus_text c13.txt seed=722651436: 保密 wording only in a chapter's own text
    (no clause unit holds it) crashed CONFIDENTIALITY_GAPS with an IndexError."""
    name, text = dict(TEXTS_BY_NAME)["c13.txt"]
    check_text(mutate_text(text, random.Random(722651436)))


TEXTS_BY_NAME = [(n, (n, t)) for n, t in TEXTS]


def test_crash_found_by_make_fuzz_decimal_parent_without_a_run():
    """make fuzz, corpus_docx c18.docx seed=4052798291: a damaged package whose decimal headings
    form no run crashed the hierarchy choice with KeyError 'decimal_bare'."""
    path = next(p for p in docx_files() if p.name == "c18.docx")
    check_bytes(mutate_docx(path.read_bytes(), random.Random(4052798291)), path.name)
