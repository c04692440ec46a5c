"""Turn a PDF's visual lines back into paragraphs, without running headers, footers or page numbers.

Every visual line of a PDF ends in a hard break, also inside sentences (tech_notes.md "PDF"). A break
is kept only when the next line opens a clause or heading, the previous line ends a sentence, or
the previous line is clearly shorter than a full line (a heading or a paragraph's last line).
Lines that repeat at the top or bottom of most pages are running headers/footers.
"""
from __future__ import annotations

import re
from collections import Counter

from checker.text.normalize import normalize_text

_NUM = r"[0-9一二三四五六七八九十百零〇两]+"
# Numbering that opens a clause or heading: 第X条/章, 一、, （一）, 1. / 1.1, (1), ①, bullets.
STRONG_START = re.compile(
    rf"^(第\s*{_NUM}\s*[条章节款项部分篇]|{_NUM}[、．.]|[（(]{_NUM}[）)]|[0-9]+(\.[0-9]+)+|[①-⑳]|"
    r"[·•●○■◆▪\-–—]\s)")
# A party's role label: 甲方, 第一方, 缔约方一, 协议方（一）, 成员单位1, 发起单位三 …
_ROLE = (r"(?:[甲乙丙丁戊己庚辛壬癸]方|第[一二三四五六七八九十\d]+方|(?:缔约|协议|签约|合作|参与)方\s*[（(]?[一二三四五六七八九十\d]*[）)]?"
         r"|(?:成员|发起|签约|参与|参加|合作)单位\s*[（(]?[一二三四五六七八九十\d]*[）)]?)")
# Words that open a paragraph of an agreement but also occur inside sentences ("由甲方负责…").
WEAK_START = re.compile(r"^(" + _ROLE + r"|鉴于|附件|附表|签[字章署]|盖章|法定代表人|委托代理人|授权代表|"
                        r"日期|地址|住所|电话|联系人)")
# "住所：…", "法定代表人或委托代理人（签字）：" — a field label at a line start opens a new line.
LABEL_START = re.compile(r"^(" + _ROLE + r"|法定代表人|委托代理人|授权代表|住所|地址|通讯地址|电话|传真|"
                         r"联系人|邮编|邮政编码|日期|签订地点|签订日期|开户[银行]+|账号|统一社会信用代码)"
                         r"[^，。；：:]{0,14}[：:]")
HARD_END = re.compile(r"[。！!？?…]['’\"”」』）)]*$")
SOFT_END = re.compile(r"[；;：:]['’\"”」』）)]*$")
PAGE_NUMBER = re.compile(
    r"^(第\s*\d+\s*页(\s*[,，/]?\s*共\s*\d+\s*页)?|[-–—]\s*\d+\s*[-–—]|\d+\s*/\s*\d+|"
    r"(page\s*)?\d+(\s*of\s*\d+)?|共\s*\d+\s*页\s*第\s*\d+\s*页)$", re.I)
# "第十条约定的…" at a line start is a cross-reference continuing a sentence, not a new article
CROSS_REF = re.compile(rf"^第\s*{_NUM}\s*[条章节款项](\s*第\s*{_NUM}\s*[款项])?(约定|规定|所|的|之|中|和|及|或|至|、|第)")
EDGE = 3           # lines at the top/bottom of a page that may be header/footer


# PDF producers widen the gap between Chinese and Latin/digits ("第 1 条"); extraction turns
# that gap into a space that is not in the source text.
_CJK_GAP = re.compile(r"(?<=[\u3400-\u9fff\u3000-\u303f\uff01-\uff0f\uff1a-\uff20])[ \u00a0](?=[0-9A-Za-z])"
                      r"|(?<=[0-9A-Za-z%])[ \u00a0](?=[\u3400-\u9fff\u3000-\u303f\uff01-\uff0f\uff1a-\uff20])")


class PdfLine(str):
    """A visual line or paragraph that remembers whether all of it is set in a bold face."""

    bold: bool

    def __new__(cls, text: str, bold: bool = False):
        obj = super().__new__(cls, text)
        obj.bold = bold
        return obj


def close_cjk_gaps(line: str) -> str:
    return _CJK_GAP.sub("", line)


def _width(s: str) -> int:
    """Display width: CJK and full-width characters count double."""
    return sum(2 if ord(c) >= 0x2E80 else 1 for c in s)


def _mask(line: str) -> str:
    return re.sub(r"\d+", "#", re.sub(r"\s+", "", line))


def strip_running(pages: list[list]) -> list[list]:
    """Drop page-number lines and lines repeating at the top/bottom of most pages. Page items are
    text lines (str) or table rows (tuple of cells); only text lines can be headers/footers."""
    with_text = [p for p in pages if p]
    counts: Counter[tuple] = Counter()
    for p in with_text:                       # key: (from top/bottom, position, text with digits masked)
        counts.update({k for _, k in _edge_keys(p)})
    need = max(2, (len(with_text) + 1) // 2) if len(with_text) >= 2 else 10 ** 9
    repeated = {k for k, n in counts.items() if n >= need}
    out = []
    for p in pages:
        drop = {i for i, k in _edge_keys(p) if k in repeated}
        drop |= {i for i, line in enumerate(p) if isinstance(line, str)
                 and (i < EDGE or i >= len(p) - EDGE) and PAGE_NUMBER.match(line.strip())}
        out.append([line for i, line in enumerate(p) if i not in drop])
    return out


def _edge_keys(p: list):
    for k in range(min(EDGE, len(p))):
        for where, i in (("top", k), ("bottom", len(p) - 1 - k)):
            if isinstance(p[i], str):
                yield i, (where, k, _mask(p[i]))


def join_wrapped(text: str) -> str:
    """Join the visual lines of one table cell (no space between CJK characters)."""
    out = ""
    for part in (x.strip() for x in text.splitlines()):
        if part:
            out += (_joiner(out, part) if out else "") + part
    return close_cjk_gaps(out)


def _joiner(a: str, b: str) -> str:
    """No space between CJK characters; a space between two Latin words."""
    if a and b and a[-1].isascii() and a[-1].isalnum() and b[0].isascii() and b[0].isalnum():
        return " "
    return ""


def rejoin(pages: list[list]) -> list[tuple[str | list[str], int]]:
    """Paragraphs as (text, 1-based page of their first line); a table row stays one item
    (its list of cells) and never joins with text around it."""
    items = []
    for n, p in enumerate(pages):
        for it in p:
            if isinstance(it, str):
                bold = getattr(it, "bold", False)
                it = close_cjk_gaps(normalize_text(it))
                if it:
                    items.append((it, n + 1, bold))
            else:
                items.append(([join_wrapped(c or "") for c in it], n + 1, False))
    widths = sorted(_width(l) for l, _, _ in items if isinstance(l, str))
    full = widths[int(len(widths) * 0.9)] if widths else 0      # a typical full line
    paras: list[list] = []
    prev, prev_bold = None, False
    for line, page, bold in items:
        if not isinstance(line, str):
            paras.append([line, page, False])
            prev = None
            continue
        # a change between bold and regular face ends a paragraph (a heading shown only by formatting)
        if prev is not None and bold == prev_bold and not _breaks(prev, line, full):
            paras[-1][0] += _joiner(prev, line) + line
            paras[-1][2] = paras[-1][2] and bold
        else:
            paras.append([line, page, bold])
        prev, prev_bold = line, bold
    return [(PdfLine(t, b) if isinstance(t, str) else t, p) for t, p, b in paras]


def _breaks(prev: str, line: str, full: float) -> bool:
    """Does a paragraph end between visual lines ``prev`` and ``line``?

    A short line (heading, last line of a paragraph) or one ending in 。！？ ends its paragraph.
    A full line ending in ；or ： is often an enumeration running on, so it ends the paragraph only
    if the next line opens something; words like 甲方 open a paragraph only after such an ending."""
    if _width(prev) < full * 0.75 or HARD_END.search(prev):
        return True
    if (STRONG_START.match(line) and not CROSS_REF.match(line)) or LABEL_START.match(line):
        return True
    return bool(SOFT_END.search(prev) and WEAK_START.match(line))
