"""Plain text and Markdown: detect the encoding, one block per non-empty line, strip Markdown markup.

contracts.md §2: .txt may be UTF-8 or GB18030/GBK and must be detected. Order: BOM (UTF-8/16/32),
BOM-less UTF-16 by its NUL bytes, strict UTF-8, strict GB18030 (a superset of GBK), then
charset-normalizer — and every candidate must look like text, since GB18030 decodes almost any bytes.
"""
from __future__ import annotations

import codecs
import re

from checker.errors import InputError
from checker.ingest.common import RawBlock

_BOMS = ((codecs.BOM_UTF32_LE, "utf-32-le"), (codecs.BOM_UTF32_BE, "utf-32-be"),
         (codecs.BOM_UTF8, "utf-8"), (codecs.BOM_UTF16_LE, "utf-16-le"), (codecs.BOM_UTF16_BE, "utf-16-be"))


def _plausible(text: str) -> bool:
    """Text, not binary read as text: few control characters, mostly common scripts."""
    if not text:
        return True
    bad = sum(1 for c in text if (ord(c) < 32 and c not in "\t\n\r\f\v") or 0xE000 <= ord(c) <= 0xF8FF
              or c == "\ufffd")
    rare = sum(1 for c in text if 0x3400 <= ord(c) <= 0x4DBF or ord(c) >= 0x20000)   # CJK ext. A/B…
    return bad <= len(text) * 0.01 and rare <= len(text) * 0.05 and _common_share(text) >= 0.8


def _common_share(text: str) -> float:
    """Share of characters from scripts an agreement is written in (ASCII, CJK, CJK punctuation)."""
    if not text:
        return 0.0
    ok = sum(1 for c in text if c in "\t\n\r" or 32 <= ord(c) < 127 or 0x4E00 <= ord(c) <= 0x9FFF
             or 0x3000 <= ord(c) <= 0x303F or 0xFF00 <= ord(c) <= 0xFFEF or 0x2000 <= ord(c) <= 0x206F)
    return ok / len(text)


def _utf16_without_bom(data: bytes) -> str | None:
    """BOM-less UTF-16: NUL bytes appear (line ends, digits, spaces are 00-padded); pick the byte
    order whose decoding reads as Chinese/ASCII text."""
    if b"\x00" not in data[:4000] or len(data) % 2:
        return None
    best, best_share = None, 0.0
    for enc in ("utf-16-le", "utf-16-be"):
        try:
            share = _common_share(data[:4000].decode(enc))
        except UnicodeDecodeError:
            continue
        if share > best_share:
            best, best_share = enc, share
    return best if best_share >= 0.9 else None


def decode_text(data: bytes, name: str) -> tuple[str, str]:
    """(text, encoding name) or InputError when the bytes are not readable text."""
    for bom, enc in _BOMS:
        if data.startswith(bom):
            try:
                return data[len(bom):].decode(enc), enc
            except UnicodeDecodeError:
                break
    candidates = []
    guessed = _utf16_without_bom(data)
    if guessed:
        candidates.append(guessed)
    if b"\x00" not in data or guessed:
        candidates += ["utf-8", "gb18030"]
    for enc in candidates:
        try:
            text = data.decode(enc)
        except UnicodeDecodeError:
            continue
        if _plausible(text):
            return text, enc
    if b"\x00" not in data:
        try:
            from charset_normalizer import from_bytes
            best = from_bytes(data).best()
        except Exception:   # the detector is a last resort; its failure means "unreadable"
            best = None
        if best is not None and _plausible(str(best)):
            return str(best), best.encoding
    raise InputError(f"文件“{name}”不是可读的文本文件（无法识别编码或为二进制内容），"
                     "请另存为 UTF-8 编码的 .txt 或上传 .docx/.pdf")


_MD_RULES = [
    (re.compile(r"^\s{0,3}(```|~~~).*$"), ""),                       # code fences
    (re.compile(r"^\s{0,3}([-*_]\s*){3,}$"), ""),                      # horizontal rule
    (re.compile(r"^\s{0,3}\|?\s*:?-{2,}:?\s*(\|\s*:?-{2,}:?\s*)*\|?\s*$"), ""),  # table separator
    (re.compile(r"^\s{0,3}#{1,6}\s+"), ""),                            # ATX heading marks
    (re.compile(r"\s+#+\s*$"), ""),                                    # closing heading marks
    (re.compile(r"^\s{0,3}(>\s?)+"), ""),                              # blockquote
    (re.compile(r"^\s*[-*+]\s+(\[[ xX]\]\s+)?"), ""),                  # bullets / task boxes
    (re.compile(r"!\[([^\]]*)\]\([^)]*\)"), r"\1"),                   # images → alt text
    (re.compile(r"\[([^\]]+)\]\([^)]*\)"), r"\1"),                    # links → link text
    (re.compile(r"(\*\*|__)(.+?)\1"), r"\2"),                          # bold
    (re.compile(r"(?<![\w*])\*(?!\s)(.+?)(?<!\s)\*(?!\w)"), r"\1"),    # italics *x*
    (re.compile(r"~~(.+?)~~"), r"\1"),                                 # strikethrough
    (re.compile(r"`([^`]*)`"), r"\1"),                                 # inline code
    (re.compile(r"<br\s*/?>|</?[a-zA-Z][^>]*>"), " "),                 # inline HTML
    (re.compile(r"\\([\\`*_{}\[\]()#+\-.!|])"), r"\1"),               # backslash escapes
]


def strip_markdown(line: str) -> str | list[str]:
    """Visible text of one Markdown line; a table row returns its cells."""
    for rx, rep in _MD_RULES[:3]:
        if rx.match(line):
            return ""
    stripped = line.strip()
    if stripped.startswith("|") and stripped.endswith("|") and len(stripped) > 1:
        cells = [c.strip() for c in re.split(r"(?<!\\)\|", stripped[1:-1])]
        return [strip_markdown(c) if c else "" for c in cells]
    for rx, rep in _MD_RULES[3:]:
        line = rx.sub(rep, line)
    return line


def text_blocks(text: str, markdown: bool = False) -> list[RawBlock]:
    """One RawBlock per non-empty line (CRLF/CR normalised); Markdown markup removed if asked."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    blocks = []
    for line in text.split("\n"):
        if markdown:
            got = strip_markdown(line)
            if isinstance(got, list):
                blocks.append(RawBlock(body="", cells=[c for c in got if isinstance(c, str)], kind="table_row"))
                continue
            line = got
        cells = [] if markdown else _text_cells(line)
        if len(cells) >= 2:
            blocks.append(RawBlock(body="", cells=cells, kind="table_row"))
        elif line.strip():
            blocks.append(RawBlock(body=line))
    return blocks


# A plain-text table row: cells apart by a tab, three or more spaces or two full-width spaces
# (a party or signing table typed with aligned columns).
_CELL_GAP = re.compile(r"\t+|[ ]{3,}|\u3000{2,}")
_LABEL_CELL = re.compile(r"^(?:[（(]?[\dA-Za-z一二三四五六七八九十⑴-⒇①-⑳Ⅰ-Ⅻ]{1,4}(?:[.．]\d{1,2}){0,3}[)）.．、]?"
                         r"|第[一二三四五六七八九十百\d]+[条章节])$")


def _text_cells(line: str) -> list[str]:
    t = line.strip()
    if not _CELL_GAP.search(t):
        return []
    cells = [c.strip() for c in _CELL_GAP.split(t)]
    if cells and _LABEL_CELL.match(cells[0]) and sum(1 for c in cells[1:] if c) < 2:
        return []                      # "1\t联盟名称": a numbering label and its text, not two cells
    # "1    XX有限公司    住所    法定代表人": a numbered row of a party table (序号 column) stays a row.
    return [c for c in cells if c] if sum(1 for c in cells if c) >= 2 else []
