"""Integrity of the labelled evaluation corpus (tests/corpus/*.gold.yaml against their files and sources).

Checks only the labels' own consistency — never the checker's output — so a broken gold file fails here
before it can distort an evaluation.
"""
from __future__ import annotations

import importlib.util
import re
from pathlib import Path

import pytest
import yaml

from checker import library

CORPUS = Path(__file__).resolve().parent
ROOT = CORPUS.parent.parent
GOLDS = sorted(CORPUS.glob("*.gold.yaml"))
CONTRACT_IDS = {"SECTION_MISSING", "DISPUTE_BOTH_FORUMS", "DISPUTE_NO_FORUM", "ARBITRATION_NO_INSTITUTION",
                "PARTY_INFO_INCOMPLETE", "PARTY_NAME_MISMATCH", "SIGNATURE_FORMALITY", "LIABLE_ENTITY_MISSING"}


def _catalogue_ids() -> set[str]:
    from checker.rules.loader import all_rules

    return {r.id for r in all_rules()} | {a for r in all_rules() for a in r.aliases}


RULE_IDS = _catalogue_ids()
PROFILES = {"national", "fujian", "hunan", "tianjin", "sichuan"}
WS = re.compile(r"\s+")


def _builder():
    spec = importlib.util.spec_from_file_location("build_corpus", ROOT / "scripts" / "build_corpus.py")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


BUILD = _builder()


def _load(path: Path) -> dict:
    with open(path, encoding="utf-8") as fh:
        return yaml.safe_load(fh)


def test_corpus_is_big_and_varied():
    golds = [_load(p) for p in GOLDS]
    assert len(golds) >= 20
    formats = {g["file"].rsplit(".", 1)[1] for g in golds}
    assert {"docx", "pdf", "txt", "md", "doc"} <= formats
    splits = [g["split"] for g in golds]
    assert 0.45 <= splits.count("dev") / len(splits) <= 0.75
    # Some documents carry planted defects, others are clean as far as the contract rules go (they may
    # still get catalogue advice such as missing confidentiality terms).
    def contract(g):
        return [f for f in g["expected_findings"] or [] if f["rule"] in CONTRACT_IDS]
    assert any(contract(g) for g in golds) and any(not contract(g) for g in golds)


@pytest.mark.parametrize("gold_path", GOLDS, ids=lambda p: p.name.split(".")[0])
def test_gold_file(gold_path: Path):
    g = _load(gold_path)
    doc_id = gold_path.name.split(".")[0]
    assert (CORPUS / g["file"]).is_file(), f"{g['file']} missing"
    assert g["file"].startswith(doc_id + ".")
    assert g["split"] in {"dev", "test"}
    assert g["profile"] in PROFILES
    kind = g.get("kind", "agreement")
    if kind == "agreement":
        keys = set(library.section_keys())
        sections_spec = library.outline()
        rule_ids = RULE_IDS
    else:                       # a charter or necessity statement: its own outline and rules (clause_library/kinds/)
        assert kind in library.DOCUMENT_KINDS
        spec = library.kind_outline(kind)
        sections_spec = spec["sections"]
        keys = {s["key"] for s in sections_spec}
        rule_ids = {"SECTION_MISSING"} | {r["id"] for r in spec.get("rules") or []}
        assert g.get("labelled_rules") == "all"
    elements = {s["key"]: {e["name"] for e in s.get("elements", []) or []} for s in sections_spec}

    src = BUILD.parse(CORPUS / "src" / f"{doc_id}.txt")
    flat = WS.sub("", BUILD.visible_text(src))
    last = -1
    for c in g["clauses"]:
        assert c["section"] is None or c["section"] in keys, c
        a = WS.sub("", c["anchor"])
        assert 8 <= len(a) <= 25, c["anchor"]
        assert flat.count(a) == 1, f"anchor not unique or absent: {c['anchor']!r}"
        pos = flat.index(a)
        assert pos > last, f"anchor out of document order: {c['anchor']!r}"
        last = pos
    assert g["clauses"][0]["section"] == "title"
    if kind != "necessity":     # a necessity statement is not signed by the members
        assert any(c["section"] == "signature" for c in g["clauses"])

    labelled = {c["section"] for c in g["clauses"]}
    for f in g["expected_findings"]:
        assert f["rule"] in rule_ids, f
        if "section" in f:
            assert f["section"] in keys, f
        if f["rule"] == "SECTION_MISSING":
            # a section reported missing must not also be labelled on a clause, and must be declared missing
            assert f["section"] not in labelled
            assert g["sections"][f["section"]]["status"] == "missing"
    for key, st in (g.get("sections") or {}).items():
        assert key in keys
        assert st["status"] in {"partial", "missing", "present"}
        if st["status"] == "present":
            # covered inside a merged clause labelled with its main topic: not a clause label, never reported missing
            assert key not in labelled, key
            assert {"rule": "SECTION_MISSING", "section": key} not in g["expected_findings"]
        elif st["status"] == "missing":
            assert key not in labelled, key
            assert {"rule": "SECTION_MISSING", "section": key} in g["expected_findings"]
        else:
            assert st["missing"] and set(st["missing"]) <= elements[key], st
