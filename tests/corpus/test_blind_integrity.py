"""Integrity of the blind split (tests/corpus/blind/): documents and labels written by helper sessions that
saw only a style brief and the reference outline (闽科政〔2009〕46号 附件1), never this code or corpus.

Checks the labels against the document's own text only — never against the checker's review — so a
broken label fails here before it can distort `alliance-check eval --split blind`.
"""
from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml

from checker import library
from checker.evaluate import _label_offsets, _stripped
from checker.text.normalize import normalize_text

HERE = Path(__file__).resolve().parent
# checker.evaluate.BLIND_SPLITS: the folder name is the split name; ext/ holds externally written dev documents
FOLDERS = ("blind", "blind2", "ext")
SPLIT_OF = {"blind": "blind", "blind2": "blind2", "ext": "dev"}
GOLDS = [p for f in FOLDERS for p in sorted((HERE / f).glob("*.gold.yaml"))]
CONTRACT_IDS = {"SECTION_MISSING", "DISPUTE_BOTH_FORUMS", "DISPUTE_NO_FORUM", "ARBITRATION_NO_INSTITUTION",
                "PARTY_INFO_INCOMPLETE", "PARTY_NAME_MISMATCH", "SIGNATURE_FORMALITY", "LIABLE_ENTITY_MISSING"}
WS = re.compile(r"\s+")


def _load(p: Path) -> dict:
    return yaml.safe_load(p.read_text(encoding="utf-8"))


@pytest.mark.parametrize("folder", [f for f in ("blind", "blind2") if (HERE / f).is_dir()])
def test_blind_split_is_big_and_varied(folder: str):
    golds = [_load(p) for p in sorted((HERE / folder).glob("*.gold.yaml"))]
    assert len([g for g in golds if g.get("kind", "agreement") == "agreement"]) >= 15
    assert len([g for g in golds if g.get("kind") == "charter"]) >= 3
    assert {"docx", "pdf", "txt"} <= {g["file"].rsplit(".", 1)[1] for g in golds}
    assert {g["profile"] for g in golds} == {"national", "fujian", "hunan", "tianjin", "sichuan"}


@pytest.mark.parametrize("gold_path", GOLDS, ids=lambda p: f"{p.parent.name}/{p.name.split('.')[0]}")
def test_blind_gold_file(gold_path: Path):
    from checker.ingest import load

    g = _load(gold_path)
    BLIND = gold_path.parent
    assert g["split"] == SPLIT_OF[BLIND.name]
    assert g["file"].startswith(gold_path.name.split(".")[0] + ".")
    assert (BLIND / g["file"]).is_file()
    keys = set(library.section_keys())
    doc = load(BLIND / g["file"])
    plain, _ = _stripped(doc.text)
    nolabel, _ = _stripped(doc.text, _label_offsets(doc))
    last = -1
    for c in g["clauses"]:
        assert c["section"] is None or c["section"] in keys, c
        a = WS.sub("", normalize_text(c["anchor"]))
        assert len(a) >= 6, c["anchor"]
        flat = plain if plain.count(a) == 1 else nolabel
        assert flat.count(a) == 1, f"anchor absent or not unique in the extracted text: {c['anchor']!r}"
        pos = flat.index(a)
        if flat is plain:     # order is comparable only within one rendering of the text
            assert pos > last, f"anchor out of document order: {c['anchor']!r}"
            last = pos
    # a table of contents (section null) may come before the title
    assert next(c["section"] for c in g["clauses"] if c["section"] is not None) == "title"
    labelled = {c["section"] for c in g["clauses"]}
    for f in g.get("expected_findings") or []:
        assert f["rule"] in CONTRACT_IDS, f
        assert f.get("section") in keys, f
        if f["rule"] == "SECTION_MISSING":
            assert f["section"] not in labelled, f
    for key, st in (g.get("sections") or {}).items():
        status = st["status"] if isinstance(st, dict) else st
        assert key in keys and status in {"partial", "missing"}, (key, st)
        if status == "missing":
            assert key not in labelled, key
