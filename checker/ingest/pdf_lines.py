"""Turn a PDF's visual lines back into paragraphs, without running headers, footers or page numbers.

Every visual line of a PDF ends in a hard break, also inside sentences (tech_notes.md "PDF"). A break
is kept only when the next line opens a clause or heading, the previous line ends a sentence, or
the previous line is clearly shorter than a full line (a heading or a paragraph's last line).
Lines that repeat at the top or bottom of most pages are running headers/footers.
"""
from __future__ import annotations

import re
from collections import Counter

from checker.normalize import normalize_text

_NUM = r"[0-9一二三四五六七八九十百零〇两]+"
CLAUSE_START = re.compile(
    rf"^(第{_NUM}[条章节款项部分篇]|{_NUM}[、．.]|[（(]{_NUM}[）)]|[0-9]+(\.[0-9]+)+|[①-⑳]|"
    r"[甲乙丙丁]方|鉴于|附件|附表|签[字章署]|盖章|法定代表人|委托代理人|授权代表|日期|地址|住所|电话|"
    r"[·•●○■◆▪\-–—]\s)")
SENTENCE_END = re.compile(r"[。；;：:！!？?…]['’\"”」』）)]*$")
PAGE_NUMBER = re.compile(
    r"^(第\s*\d+\s*页(\s*[,，/]?\s*共\s*\d+\s*页)?|[-–—]\s*\d+\s*[-–—]|\d+\s*/\s*\d+|"
    r"(page\s*)?\d+(\s*of\s*\d+)?|共\s*\d+\s*页\s*第\s*\d+\s*页)$", re.I)
EDGE = 3           # lines at the top/bottom of a page that may be header/footer


def _width(s: str) -> int:
    """Display width: CJK and full-width characters count double."""
    return sum(2 if ord(c) >= 0x2E80 else 1 for c in s)


def _mask(line: str) -> str:
    return re.sub(r"\d+", "#", re.sub(r"\s+", "", line))


def strip_running(pages: list[list[str]]) -> list[list[str]]:
    """Drop page-number lines and lines repeating at the top/bottom of most pages."""
    with_text = [p for p in pages if p]
    counts: Counter[str] = Counter()
    for p in with_text:
        edge = set(_mask(l) for l in p[:EDGE] + p[-EDGE:])
        counts.update(edge)
    need = max(2, (len(with_text) + 1) // 2) if len(with_text) >= 2 else 10 ** 9
    repeated = {m for m, n in counts.items() if n >= need}
    out = []
    for p in pages:
        keep = []
        for i, line in enumerate(p):
            at_edge = i < EDGE or i >= len(p) - EDGE
            if at_edge and (_mask(line) in repeated or PAGE_NUMBER.match(line.strip())):
                continue
            keep.append(line)
        out.append(keep)
    return out


def _joiner(a: str, b: str) -> str:
    """No space between CJK characters; a space between two Latin words."""
    if a and b and a[-1].isascii() and a[-1].isalnum() and b[0].isascii() and b[0].isalnum():
        return " "
    return ""


def rejoin(pages: list[list[str]]) -> list[tuple[str, int]]:
    """Paragraphs as (text, 1-based page of their first line)."""
    lines = [(normalize_text(l), n + 1) for n, p in enumerate(pages) for l in p]
    lines = [(l, n) for l, n in lines if l]
    widths = sorted(_width(l) for l, _ in lines)
    full = widths[int(len(widths) * 0.9)] if widths else 0      # a typical full line
    paras: list[list] = []
    prev = None
    for line, page in lines:
        if prev is not None and not (CLAUSE_START.match(line) or SENTENCE_END.search(prev)
                                     or _width(prev) < full * 0.75):
            paras[-1][0] += _joiner(prev, line) + line
        else:
            paras.append([line, page])
        prev = line
    return [(t, p) for t, p in paras]
