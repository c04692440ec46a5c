"""Compare the findings of two versions of one agreement: what was fixed, what is new, what remains.

Offsets move whenever a clause is inserted above, so findings are matched by rule + section +
similarity of their normalised evidence text (rapidfuzz), one-to-one, best pairs first.
"""
from __future__ import annotations

import re
from typing import Any

from rapidfuzz import fuzz

from checker.text.normalize import normalize_text

MATCH_THRESHOLD = 60.0
_NOISE = re.compile(r"[\s\u3000，。；：、,.;:（）()“”\"'《》【】\[\]]+")


def _norm(s: str | None) -> str:
    return _NOISE.sub("", normalize_text(s or ""))


def _score(old: dict[str, Any], new: dict[str, Any]) -> float:
    if old.get("rule") != new.get("rule") or old.get("section") != new.get("section"):
        return -1.0
    a, b = _norm(old.get("evidence")), _norm(new.get("evidence"))
    if not a and not b:
        return 100.0            # e.g. SECTION_MISSING: the same section is still missing
    if not a or not b:
        return 50.0 if a == b else 0.0
    return max(fuzz.ratio(a, b), fuzz.partial_ratio(a, b) * 0.95)


def compare(old_report: dict[str, Any], new_report: dict[str, Any],
            threshold: float = MATCH_THRESHOLD) -> dict[str, list]:
    """``{"fixed": old findings gone, "new": new findings, "remaining": new findings still there,
    "pairs": [{"old", "new", "score"}]}`` (finding dicts as in the JSON report)."""
    old = list(old_report.get("findings") or [])
    new = list(new_report.get("findings") or [])
    cands = []
    for i, o in enumerate(old):
        for j, n in enumerate(new):
            s = _score(o, n)
            if s >= threshold:
                cands.append((s, i, j))
    cands.sort(key=lambda t: (-t[0], t[1], t[2]))
    used_o, used_n, pairs = set(), set(), []
    for s, i, j in cands:
        if i in used_o or j in used_n:
            continue
        used_o.add(i)
        used_n.add(j)
        pairs.append((j, {"old": old[i], "new": new[j], "score": round(s, 1)}))
    pairs = [p for _j, p in sorted(pairs, key=lambda t: t[0])]
    return {
        "fixed": [o for i, o in enumerate(old) if i not in used_o],
        "new": [n for j, n in enumerate(new) if j not in used_n],
        "remaining": [p["new"] for p in pairs],
        "pairs": pairs,
    }
