"""`make train`: trains the clause → section classifier on the project's own labelled clauses.

Data: clause_library/training/clauses.jsonl (hand-written bodies) and clauses_gen.jsonl (clauses
generated from the project's phrase banks in the wording of charters, contracts and project
contracts) for training; clauses_dev.jsonl and clauses_gen_dev.jsonl for model selection. The test
corpus (tests/corpus, split "test") and the third-party held-out set (tests/classify) are never
read here. Model: multinomial logistic regression (scikit-learn, training time only) over hashed
character n-grams, jieba words and heading features (checker.classify.features); written to
models/section_linear/ as a float16 NumPy table with training_record.json (data hash, counts, dev
accuracy), and a test fails when the record no longer matches the training data (stale model).
"""
from __future__ import annotations

import hashlib
import json
import sys
import time
from pathlib import Path

import numpy as np

from checker.classify.features import N_BUCKETS, features, split_clause
from checker.classify.linear import LinearSectionModel, vectorise
from checker.classify.nlp import MAIN_DICT, MODEL_DIR, ROOT, USER_DICT, build_main_dict, tokens

TRAINING = ROOT / "clause_library" / "training"
TRAIN_FILES = [TRAINING / "clauses.jsonl", TRAINING / "clauses_gen.jsonl"]
DEV_FILES = [TRAINING / "clauses_dev.jsonl", TRAINING / "clauses_gen_dev.jsonl"]
NONE_LABEL = "NONE"
SEED = 0
C_GRID = [60.0]        # inverse L2 strength, chosen on the dev files
HAND_WEIGHT = 2.0                 # hand-written clauses count twice: fewer, and each body distinct
SETTINGS = {"model": "logreg-multinomial", "buckets": N_BUCKETS, "c_grid": C_GRID, "hand_weight": HAND_WEIGHT,
            "features": "char1-3+opening2+jieba words/bigrams+heading char1-3/words+shape", "version": 2}


def data_fingerprint() -> str:
    """sha256 over the training/dev data, the dictionaries, the features and the training settings."""
    h = hashlib.sha256()
    for p in TRAIN_FILES + DEV_FILES + [USER_DICT, MAIN_DICT]:
        h.update(p.name.encode())
        h.update(p.read_bytes() if p.exists() else b"")
    h.update(json.dumps([SEED, SETTINGS], sort_keys=True).encode())
    # The feature code is part of the model; the segmenter's markers.py is not fingerprinted (another
    # stage's file: its changes are measured by `alliance-check eval`, not signalled as a stale model).
    here = Path(__file__).resolve().parent
    for src in (here / "features.py", here / "linear.py"):
        h.update(src.read_bytes())
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


def clause_features(text: str) -> list[str]:
    label, heading, body = split_clause(text)
    return features(heading, body, numbered=label is not None, words=tokens)


def _matrix(rows: list[tuple[str, str]]):
    from scipy.sparse import csr_matrix

    indptr, indices, data = [0], [], []
    for text, _ in rows:
        idx, val = vectorise(clause_features(text))
        indices.append(idx)
        data.append(val)
        indptr.append(indptr[-1] + len(idx))
    return csr_matrix((np.concatenate(data), np.concatenate(indices), np.array(indptr)),
                      shape=(len(rows), N_BUCKETS))


def _macro_f1(gold: list[str], pred: list[str]) -> float:
    f1 = []
    for lab in sorted(set(gold)):
        tp = sum(1 for g, p in zip(gold, pred) if g == p == lab)
        fp = sum(1 for g, p in zip(gold, pred) if p == lab and g != lab)
        fn = sum(1 for g, p in zip(gold, pred) if g == lab and p != lab)
        f1.append(2 * tp / (2 * tp + fp + fn) if tp else 0.0)
    return sum(f1) / len(f1)


def train(out_dir: Path = MODEL_DIR, verbose: bool = True) -> dict:
    import sklearn
    from sklearn.linear_model import LogisticRegression

    labs = labels()
    hand = read_jsonl(TRAIN_FILES[:1])
    train_rows = hand + read_jsonl(TRAIN_FILES[1:])
    dev_rows = read_jsonl(DEV_FILES)
    t0 = time.time()
    X, Xd = _matrix(train_rows), _matrix(dev_rows)
    y = np.array([labs.index(s) for _, s in train_rows])
    yd = [s for _, s in dev_rows]
    weight = np.array([HAND_WEIGHT] * len(hand) + [1.0] * (len(train_rows) - len(hand)))
    best = None
    for c in C_GRID:
        clf = LogisticRegression(C=c, max_iter=300, tol=1e-4, random_state=SEED)
        clf.fit(X, y, sample_weight=weight)
        pred = [labs[k] for k in clf.classes_[clf.decision_function(Xd).argmax(1)]]
        acc = sum(1 for g, p in zip(yd, pred) if g == p) / len(yd)
        f1 = _macro_f1(yd, pred)
        if verbose:
            print(f"C={c:<5}  dev accuracy {acc:.3f}  dev macro-F1 {f1:.3f}")
        if best is None or f1 > best[0]:
            best = (f1, acc, c, clf)
    f1, acc, c, clf = best
    W = np.zeros((N_BUCKETS, len(labs)), dtype=np.float32)
    b = np.full(len(labs), -30.0, dtype=np.float32)   # a label absent from training is never predicted
    for j, k in enumerate(clf.classes_):
        W[:, k] = clf.coef_[j]
        b[k] = clf.intercept_[j]
    model = LinearSectionModel(W, b, labs)
    model.save(out_dir)
    counts: dict[str, int] = {}
    for _, sec in train_rows:
        counts[sec] = counts.get(sec, 0) + 1
    record = {
        "data_sha256": data_fingerprint(),
        "train_files": [_rel(p) for p in TRAIN_FILES], "dev_files": [_rel(p) for p in DEV_FILES],
        "train_examples": len(train_rows), "dev_examples": len(dev_rows),
        "per_section": dict(sorted(counts.items())),
        "dev_accuracy": round(acc, 4), "dev_macro_f1": round(f1, 4), "C": c, "seed": SEED,
        "architecture": SETTINGS["model"], "settings": SETTINGS, "sklearn": sklearn.__version__,
        "train_seconds": round(time.time() - t0, 1),
    }
    (out_dir / "training_record.json").write_text(json.dumps(record, ensure_ascii=False, indent=2) + "\n",
                                                  encoding="utf-8")
    if verbose:
        print(f"saved {out_dir} — C={c}, dev accuracy {acc:.3f}, macro-F1 {f1:.3f} on {len(dev_rows)} clauses")
    return record


def accuracy(model, rows) -> float:
    if not rows:
        return 0.0
    ok = 0
    for text, sec in rows:
        s = model.scores(clause_features(text))
        ok += max(s, key=s.get) == sec
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
