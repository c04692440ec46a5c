"""Fixtures for the review-page tests: a fresh review database per test, the sample agreement
(and a later version with two defects repaired), and access to download-button bytes."""
from __future__ import annotations

import importlib.util
import io
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
APP = str(ROOT / "app.py")
DOCX_MIME = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


def _make_sample():
    spec = importlib.util.spec_from_file_location("make_sample", ROOT / "scripts" / "make_sample.py")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


@pytest.fixture(scope="session")
def engine_ready():
    """The engine needs the trained section classifier (make train)."""
    try:
        from checker.classify.outline import section_model

        section_model()
    except FileNotFoundError as e:
        pytest.skip(f"分类模型尚未训练（make train）：{e}")


@pytest.fixture(scope="session")
def sample_versions():
    mod = _make_sample()
    return mod.build(), mod.build({"dispute", "force_majeure"})


@pytest.fixture
def db(tmp_path, monkeypatch):
    path = tmp_path / "reviews.db"
    monkeypatch.setenv("ALLIANCE_CHECK_DB", str(path))
    return path


@pytest.fixture
def media(monkeypatch):
    """Every MemoryMediaFileStorage AppTest creates, so download bytes can be read back."""
    from streamlit.runtime.memory_media_file_storage import MemoryMediaFileStorage
    import streamlit.testing.v1.app_test as app_test

    stores: list = []

    class Recording(MemoryMediaFileStorage):
        def __init__(self, *a, **kw):
            super().__init__(*a, **kw)
            stores.append(self)

    monkeypatch.setattr(app_test, "MemoryMediaFileStorage", Recording)

    def read(button) -> bytes:
        name = button.proto.url.rsplit("/", 1)[-1]
        for s in reversed(stores):
            try:
                return bytes(s.get_file(name).content)
            except Exception:
                continue
        raise AssertionError(f"download {button.label} not found in media storage")

    return read


@pytest.fixture
def new_app(db, engine_ready):
    from streamlit.testing.v1 import AppTest

    def make():
        at = AppTest.from_file(APP, default_timeout=180)
        at.run()
        assert not at.exception, at.exception
        return at

    return make
