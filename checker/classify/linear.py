"""The clause → section linear model at inference: hashed features × a weight table, softmax.

Trained by ``checker.classify.train`` (scikit-learn logistic regression, used at training time
only); what inference loads is a memory-mapped NumPy table of float16 weights (models/section_linear/), so
a check does not import scikit-learn or spaCy and the model loads in milliseconds.
"""
from __future__ import annotations

import json
import math
from pathlib import Path

import numpy as np

from checker.classify.features import N_BUCKETS, features, hashed


def vectorise(feats: list[str]) -> tuple[np.ndarray, np.ndarray]:
    """(bucket indices, values): sublinear term frequency, L2-normalised."""
    h = hashed(feats)
    idx = np.fromiter(h.keys(), dtype=np.int64, count=len(h))
    val = np.fromiter((1.0 + math.log(v) for v in h.values()), dtype=np.float32, count=len(h))
    norm = float(np.sqrt((val * val).sum())) or 1.0
    return idx, val / norm


class LinearSectionModel:
    def __init__(self, weights: np.ndarray, bias: np.ndarray, labels: list[str]):
        assert weights.shape == (N_BUCKETS, len(labels))
        self.weights, self.bias, self.labels = weights, bias.astype(np.float32), labels

    @classmethod
    def load(cls, path: Path) -> "LinearSectionModel":
        """Memory-mapped: only the rows a clause's features hit are read, so loading costs nothing."""
        meta = json.loads((path / "model.json").read_text(encoding="utf-8"))
        weights = np.load(path / "weights.npy", mmap_mode="r", allow_pickle=False)
        return cls(weights, np.array(meta["bias"], dtype=np.float32), meta["labels"])

    def save(self, path: Path) -> None:
        path.mkdir(parents=True, exist_ok=True)
        np.save(path / "weights.npy", np.ascontiguousarray(self.weights, dtype=np.float16), allow_pickle=False)
        (path / "model.json").write_text(json.dumps({"labels": self.labels, "bias": [round(float(x), 6) for x in self.bias]},
                                                    ensure_ascii=False) + "\n", encoding="utf-8")

    def scores(self, feats: list[str]) -> dict[str, float]:
        idx, val = vectorise(feats)
        logits = val @ self.weights[idx].astype(np.float32) + self.bias
        e = np.exp(logits - logits.max())
        p = e / e.sum()
        return {lab: float(x) for lab, x in zip(self.labels, p)}

    def predict(self, heading: str | None, body: str, numbered: bool = False, position: float | None = None,
                words=None) -> dict[str, float]:
        return self.scores(features(heading, body, numbered, position, words))
