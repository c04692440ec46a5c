"""`make train`: trains the clause → section text classifier on the project's own labelled clauses.

Data: clause_library/training/clauses.jsonl (train) and clauses_dev.jsonl (model selection).
The test corpus (tests/corpus, split "test") is never read here. The model is written to
models/section_textcat/ together with training_record.json (data hash, counts, dev accuracy), and a
test fails when the record no longer matches the training data (the model is stale).
"""
from __future__ import annotations

import hashlib
import json
import random
import sys
import time
from pathlib import Path

from checker.structure.markers import marker_of
from checker.classify.nlp import MAIN_DICT, MODEL_DIR, ROOT, USER_DICT, blank_zh, build_main_dict

TRAIN_FILES = [ROOT / "clause_library" / "training" / "clauses.jsonl"]
DEV_FILES = [ROOT / "clause_library" / "training" / "clauses_dev.jsonl"]
NONE_LABEL = "NONE"
EPOCHS = 12
SEED = 0
MAX_CHARS = 400   # the topic of a clause is in its opening; more text costs time, not accuracy
TEXTCAT_CONFIG = {
    "model": {"@architectures": "spacy.TextCatBOW.v3", "exclusive_classes": True, "ngram_size": 2,
              "no_output_layer": False, "length": 2 ** 16},
}


def model_text(text: str) -> str:
    """What the classifier sees: the clause without its number label, capped in length."""
    m = marker_of(text)
    t = m.rest.strip() if m.type else text.strip()
    # An empty doc breaks the bag-of-words model; a bare label is still some evidence.
    return (t or text.strip() or "空")[:MAX_CHARS]


def data_fingerprint() -> str:
    """sha256 over the training/dev data, the dictionary and the training settings."""
    h = hashlib.sha256()
    for p in TRAIN_FILES + DEV_FILES + [USER_DICT, MAIN_DICT]:
        h.update(p.name.encode())
        h.update(p.read_bytes() if p.exists() else b"")
    h.update(json.dumps([EPOCHS, SEED, MAX_CHARS, TEXTCAT_CONFIG], sort_keys=True).encode())
    h.update((Path(__file__).resolve().parents[1] / "structure" / "markers.py").read_bytes())
    return h.hexdigest()


def read_jsonl(paths: list[Path]) -> list[tuple[str, str]]:
    rows = []
    for p in paths:
        for line in p.read_text(encoding="utf-8").splitlines():
            if line.strip():
                d = json.loads(line)
                rows.append((d["text"], d.get("section") or NONE_LABEL))
    return rows


def labels() -> list[str]:
    from checker.library import section_keys

    return list(section_keys()) + [NONE_LABEL]


def train(out_dir: Path = MODEL_DIR, verbose: bool = True) -> dict:
    import spacy
    from spacy.training import Example
    from spacy.util import minibatch

    spacy.util.fix_random_seed(SEED)
    rng = random.Random(SEED)
    train_rows, dev_rows = read_jsonl(TRAIN_FILES), read_jsonl(DEV_FILES)
    labs = labels()
    nlp = blank_zh()
    textcat = nlp.add_pipe("textcat", config=TEXTCAT_CONFIG)
    for lab in labs:
        textcat.add_label(lab)

    def examples(rows):
        out = []
        for text, sec in rows:
            doc = nlp.make_doc(model_text(text))
            out.append(Example.from_dict(doc, {"cats": {lab: float(lab == sec) for lab in labs}}))
        return out

    train_ex = examples(train_rows)
    optimizer = nlp.initialize(lambda: train_ex)
    t0 = time.time()
    best = (-1.0, None)
    for epoch in range(EPOCHS):
        rng.shuffle(train_ex)
        losses: dict = {}
        for batch in minibatch(train_ex, size=16):
            nlp.update(batch, sgd=optimizer, losses=losses, drop=0.1)
        acc = accuracy(nlp, dev_rows)
        if verbose:
            print(f"epoch {epoch + 1:2d}  loss {losses.get('textcat', 0):8.3f}  dev accuracy {acc:.3f}")
        if acc > best[0]:
            best = (acc, nlp.to_bytes())
    nlp.from_bytes(best[1])
    out_dir.mkdir(parents=True, exist_ok=True)
    nlp.to_disk(out_dir)
    counts: dict[str, int] = {}
    for _, sec in train_rows:
        counts[sec] = counts.get(sec, 0) + 1
    record = {
        "data_sha256": data_fingerprint(),
        "train_files": [_rel(p) for p in TRAIN_FILES],
        "dev_files": [_rel(p) for p in DEV_FILES],
        "train_examples": len(train_rows), "dev_examples": len(dev_rows),
        "per_section": dict(sorted(counts.items())),
        "dev_accuracy": round(best[0], 4), "epochs": EPOCHS, "seed": SEED,
        "architecture": TEXTCAT_CONFIG["model"]["@architectures"], "spacy": spacy.__version__,
        "train_seconds": round(time.time() - t0, 1),
    }
    (out_dir / "training_record.json").write_text(json.dumps(record, ensure_ascii=False, indent=2) + "\n",
                                                  encoding="utf-8")
    if verbose:
        print(f"saved {out_dir} — dev accuracy {best[0]:.3f} on {len(dev_rows)} clauses")
    return record


def accuracy(nlp, rows) -> float:
    if not rows:
        return 0.0
    docs = nlp.pipe(model_text(t) for t, _ in rows)
    ok = sum(1 for d, (_, sec) in zip(docs, rows) if max(d.cats, key=d.cats.get) == sec)
    return ok / len(rows)


def _rel(p: Path) -> str:
    try:
        return str(p.relative_to(ROOT))
    except ValueError:
        return str(p)


def main() -> int:
    build_main_dict()
    train()
    return 0


if __name__ == "__main__":
    sys.exit(main())

