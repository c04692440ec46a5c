"""normalize_text(s): one canonical form for block text before offsets are computed.

Full-width ASCII letters and digits become half-width (ＡＢＣ１２３ → ABC123) so rules and the
segmenter see one form of "3.1" or "2024年"; Chinese punctuation (（）：；。，、) stays full width
because it is meaningful in Chinese drafting. Zero-width characters are dropped and runs of blanks
(NBSP, ideographic space, tabs) collapse to one space. Line breaks inside a block become a space so
that ``Document.text.split("\\n")`` lines up with the blocks.
"""
from __future__ import annotations

import re

# ０-９ Ａ-Ｚ ａ-ｚ → 0-9 A-Z a-z; nothing else of the full-width block is touched.
_FULLWIDTH = {c: c - 0xFEE0 for r in ((0xFF10, 0xFF19), (0xFF21, 0xFF3A), (0xFF41, 0xFF5A))
              for c in range(r[0], r[1] + 1)}
_ZERO_WIDTH = {c: None for c in (0x200B, 0x200C, 0x200D, 0x2060, 0xFEFF, 0x00AD, 0x180E)}
_TABLE = {**_FULLWIDTH, **_ZERO_WIDTH}

# Horizontal blanks: space, tab, NBSP, ideographic space, en/em/thin spaces, narrow NBSP.
_BLANKS = re.compile(r"[ \t\u00a0\u3000\u2000-\u200a\u202f\u205f]+")
_BREAKS = re.compile(r"\s*[\r\n\u2028\u2029\v\f\x85]+\s*")
_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f\x7f]")


def normalize_text(s: str) -> str:
    """Canonical block text: half-width letters/digits, no zero-width or control characters,
    single spaces, no leading/trailing blanks."""
    s = s.translate(_TABLE)
    s = _CONTROL.sub("", s)
    s = _BREAKS.sub(" ", s)
    s = _BLANKS.sub(" ", s)
    return s.strip()
