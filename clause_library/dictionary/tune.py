"""Regenerate legal_terms.txt (jieba user dictionary) from terms_src.txt.

One job: give every project term a frequency high enough that jieba keeps it whole, without
lowering the frequency jieba already has for common words (jieba's add_word *replaces* FREQ, so a
low user frequency would make ordinary words like 通知 rarer than the default dictionary says).
Writes `词 频率 词性` lines. Run: .venv/bin/python clause_library/dictionary/tune.py
"""
from __future__ import annotations

from pathlib import Path

import jieba

HERE = Path(__file__).resolve().parent
BASE_FREQ = 100


def read_terms() -> list[tuple[str, str]]:
    terms, seen = [], set()
    for line in (HERE / "terms_src.txt").read_text(encoding="utf-8").splitlines():
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        word, tag = line.split()
        if word not in seen:
            seen.add(word)
            terms.append((word, tag))
    return terms


def main() -> None:
    default = jieba.Tokenizer()
    default.initialize()
    terms = read_terms()
    split_by_default = [w for w, _ in terms if default.lcut(w, HMM=False) != [w]]
    freqs = {w: max(BASE_FREQ, default.FREQ.get(w, 0)) for w, _ in terms}
    tok = jieba.Tokenizer()
    tok.initialize()
    for _ in range(5):  # add words, then raise the frequency of any that still split
        for w, _tag in terms:
            tok.add_word(w, freqs[w])
        bad = [w for w, _ in terms if tok.lcut(w, HMM=False) != [w]]
        if not bad:
            break
        for w in bad:
            freqs[w] = max(freqs[w] * 2, tok.suggest_freq(w, tune=False) + 1)
    lines = [f"{w} {freqs[w]} {tag}" for w, tag in terms]
    (HERE / "legal_terms.txt").write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"{len(terms)} terms, {len(split_by_default)} split by jieba's default dictionary, still split: {bad}")


if __name__ == "__main__":
    main()
