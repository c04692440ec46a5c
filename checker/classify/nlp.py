"""jieba with the project's legal dictionary, and the project-trained section classifier, each loaded once.

No pretrained Chinese spaCy pipeline can be installed offline (tech_notes.md). The classifier is the
project's own linear model over character n-grams and jieba words (``checker.classify.linear``);
``blank_zh`` (spaCy ``zh`` with the jieba segmenter) remains for tools that want spaCy docs. spaCy's
zh tokenizer calls the global jieba, so one ``load_userdict`` serves both.
"""
from __future__ import annotations

import logging
import threading
from functools import lru_cache
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
USER_DICT = ROOT / "clause_library" / "dictionary" / "legal_terms.txt"
MODEL_DIR = ROOT / "models" / "section_linear"
# jieba's own dictionary trimmed to its 100,000 most frequent words (built by `make train` from the
# installed jieba): loading the full 349k-word prefix dictionary alone took ~1.7 s of every cold start.
MAIN_DICT = ROOT / "models" / "jieba_main.txt"
MAIN_DICT_WORDS = 100_000
_lock = threading.Lock()


@lru_cache(maxsize=1)
def jieba_ready():
    """The global jieba tokenizer, initialised once with the project dictionary."""
    import jieba

    with _lock:
        jieba.setLogLevel(logging.WARNING)
        if MAIN_DICT.exists():
            jieba.set_dictionary(str(MAIN_DICT))
        jieba.initialize()
        if USER_DICT.exists():
            jieba.load_userdict(str(USER_DICT))
    return jieba


def build_main_dict() -> Path:
    """Write models/jieba_main.txt: the most frequent words of jieba's bundled dictionary."""
    import os

    import jieba

    src = Path(os.path.dirname(jieba.__file__)) / "dict.txt"
    rows = [line.split() for line in src.read_text(encoding="utf-8").splitlines() if line.strip()]
    rows.sort(key=lambda r: (-int(r[1]), r[0]))
    MAIN_DICT.parent.mkdir(parents=True, exist_ok=True)
    MAIN_DICT.write_text("".join(" ".join(r) + "\n" for r in rows[:MAIN_DICT_WORDS]), encoding="utf-8")
    return MAIN_DICT


def blank_zh():
    """A fresh spaCy ``zh`` pipeline tokenising with jieba (used for training)."""
    import spacy

    jieba_ready()
    return spacy.blank("zh", config={"nlp": {"tokenizer": {"segmenter": "jieba"}}})


_model = None
_model_lock = threading.Lock()


def section_model():
    """The trained clause → section classifier (models/section_linear, built by `make train`).
    Loaded once per process; a second caller (e.g. the page's warm-up thread and a first upload)
    waits for the first load instead of loading again."""
    global _model
    if _model is not None:
        return _model
    with _model_lock:
        if _model is None:
            from checker.classify.linear import LinearSectionModel

            jieba_ready()
            if not (MODEL_DIR / "weights.npy").exists():
                raise FileNotFoundError(f"classifier model missing: run `make train` ({MODEL_DIR})")
            _model = LinearSectionModel.load(MODEL_DIR)
    return _model


def tokens(text: str) -> list[str]:
    return jieba_ready().lcut(text)
