"""Clause → feature strings for the section classifier, the same at training and at inference.

A clause is read as heading and body apart (the heading after the number label, e.g. "争议解决",
and the text under it), because third-party documents title the same topic differently
("研究开发经费、报酬及其支付方式", "资产管理、使用原则") and many put no heading at all. Features that
carry over to wording the project did not write: character 1–3-grams of the body (robust to
unseen words and to jieba's segmentation of rare terms), jieba words and word pairs, the body's
opening characters (topic words come first: "会员……", "本会经费……"), the heading's characters and
words under their own prefix, the clause's shape (length, lines, a number label), and, where the
caller knows it, the clause's relative place in its document.
"""
from __future__ import annotations

import re
import zlib

N_BUCKETS = 2 ** 17          # feature hashing: crc32 of the feature string modulo this
BODY_CHARS = 320             # the topic of a clause is in its opening; more text costs time, not accuracy
OPENING = 14
_DIGITS = re.compile(r"[0-9０-９]+")
_SPACE = re.compile(r"[\s\u3000_＿]+")
_PUNCT_ONLY = re.compile(r"^[\W_]+$")


def _norm(s: str) -> str:
    return _SPACE.sub(" ", _DIGITS.sub("0", s.lower())).strip()


def split_clause(text: str) -> tuple[str | None, str, str | None]:
    """(number label, heading, body) of a free-standing clause, with the segmenter's own rules."""
    from checker.structure.markers import marker_of, split_heading

    t = text.strip()
    m = marker_of(t)
    rest = m.rest.strip() if m.type else t
    heading, body = split_heading(rest)
    return (m.label if m.type else None), heading, body


def _chars(s: str, prefix: str, nmax: int = 3) -> list[str]:
    s = s.replace(" ", "")
    out = []
    for n in range(1, nmax + 1):
        out.extend(f"{prefix}{n}:{s[i:i + n]}" for i in range(len(s) - n + 1))
    return out


def features(heading: str | None, body: str, numbered: bool = False, position: float | None = None,
             words=None) -> list[str]:
    """Feature strings of one clause. ``words`` is a callable text → tokens (jieba)."""
    h = _norm(heading or "")
    b = _norm(body or "")[:BODY_CHARS]
    out = _chars(b, "c")
    out.extend(_chars(b[:OPENING], "o", 2))
    if words is not None and b:
        toks = [w for w in words(b) if w.strip() and not _PUNCT_ONLY.match(w)]
        out.extend("w:" + w for w in toks)
        out.extend(f"b:{a}|{c}" for a, c in zip(toks, toks[1:]))
    if h:
        out.extend(_chars(h, "h"))
        if words is not None:
            out.extend("hw:" + w for w in words(h) if w.strip() and not _PUNCT_ONLY.match(w))
        out.append("has_heading")
    if not b:
        out.append("no_body")
    n = len(body or "")
    out.append("len:" + ("<8" if n < 8 else "<20" if n < 20 else "<60" if n < 60 else "<160" if n < 160 else "long"))
    lines = (body or "").count("\n")
    out.append("lines:" + str(min(lines, 4)))
    if numbered:
        out.append("numbered")
    if position is not None:
        out.append(f"pos:{min(9, int(position * 10))}")
    return out


def hashed(feats: list[str]) -> dict[int, float]:
    """Bucket → count of the hashed features."""
    out: dict[int, float] = {}
    for f in feats:
        k = zlib.crc32(f.encode("utf-8")) % N_BUCKETS
        out[k] = out.get(k, 0.0) + 1.0
    return out
