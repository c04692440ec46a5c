"""Word automatic numbering → the label Word shows ("第一条", "（三）", "1.2").

Auto-numbers live in numbering.xml, not in the paragraph text (tech_notes.md "DOCX"): a paragraph
(or its style, or a style it is basedOn) carries w:numPr {numId, ilvl}; numId → w:num → abstractNum
→ w:lvl {start, numFmt, lvlText, suff}. Counters run per abstractNum and level, a w:num with
lvlOverride/startOverride restarts its level, and a level advancing resets all deeper levels
(unless that level's lvlRestart says otherwise). All XML here was parsed by python-docx, whose
parser has resolve_entities=False.
"""
from __future__ import annotations

from dataclasses import dataclass, replace

from docx.oxml.ns import qn

from checker.text.cn_numerals import to_chinese, to_chinese_digits

_TIANGAN = "甲乙丙丁戊己庚辛壬癸"
_DIZHI = "子丑寅卯辰巳午未申酉戌亥"
_CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳"


@dataclass(frozen=True)
class Level:
    start: int = 1
    fmt: str = "decimal"
    text: str = "%1."
    suff: str = "tab"
    legal: bool = False          # w:isLgl: show all levels as decimal
    restart: int | None = None   # w:lvlRestart (1-based level that restarts this one; 0 = never)
    pstyle: str | None = None


def _val(el, tag: str, default=None):
    child = el.find(qn(tag)) if el is not None else None
    if child is None:
        return default
    return child.get(qn("w:val"), default)


def _int(v, default: int) -> int:
    try:
        return int(v)
    except (TypeError, ValueError):
        return default


def _roman(n: int) -> str:
    out = []
    for v, s in ((1000, "m"), (900, "cm"), (500, "d"), (400, "cd"), (100, "c"), (90, "xc"),
                 (50, "l"), (40, "xl"), (10, "x"), (9, "ix"), (5, "v"), (4, "iv"), (1, "i")):
        while n >= v:
            out.append(s)
            n -= v
    return "".join(out)


def _letters(n: int) -> str:
    # Word repeats the letter: 27 → aa, 28 → bb
    return chr(ord("a") + (n - 1) % 26) * ((n - 1) // 26 + 1)


def _japanese(n: int) -> str:
    # japaneseCounting writes no 零 and drops the leading 一 before 百/千 (101 → 百一, 1010 → 千十)
    s = to_chinese(n).replace("零", "")
    return s[1:] if len(s) > 1 and s[0] == "一" and s[1] in "百千" else s


def format_number(n: int, fmt: str) -> str:
    """Render counter ``n`` in Word numFmt ``fmt``; unknown formats fall back to decimal."""
    if fmt in ("none", "bullet"):
        return ""
    if n <= 0 and fmt != "decimalZero":
        return str(n)
    if fmt in ("chineseCounting", "chineseCountingThousand", "chineseLegalSimplified",
               "taiwaneseCounting", "taiwaneseCountingThousand", "ideographLegalTraditional"):
        s = to_chinese(n)
        if fmt in ("chineseLegalSimplified", "ideographLegalTraditional"):
            s = s.translate(str.maketrans("一二三四五六七八九十百千", "壹贰叁肆伍陆柒捌玖拾佰仟"))
        return s
    if fmt == "japaneseCounting":
        return _japanese(n)
    if fmt in ("ideographDigital", "taiwaneseDigital", "japaneseDigitalTenThousand"):
        return to_chinese_digits(n)
    if fmt == "ideographTraditional":
        return _TIANGAN[(n - 1) % 10]
    if fmt == "ideographZodiac":
        return _DIZHI[(n - 1) % 12]
    if fmt == "lowerLetter":
        return _letters(n)
    if fmt == "upperLetter":
        return _letters(n).upper()
    if fmt == "lowerRoman":
        return _roman(n)
    if fmt == "upperRoman":
        return _roman(n).upper()
    if fmt in ("decimalEnclosedCircle", "decimalEnclosedCircleChinese"):
        return _CIRCLED[n - 1] if n <= len(_CIRCLED) else str(n)
    if fmt == "decimalFullWidth":
        return "".join(chr(ord(c) + 0xFEE0) for c in str(n))
    if fmt == "decimalZero":
        return f"{n:02d}"
    if fmt in ("decimalEnclosedParen", "decimalEnclosedFullstop"):
        return f"({n})" if fmt.endswith("Paren") else f"{n}."
    return str(n)


def _parse_lvl(lvl, base: Level | None = None) -> Level:
    base = base or Level()
    restart = _val(lvl, "w:lvlRestart")
    return Level(
        start=_int(_val(lvl, "w:start"), base.start),
        fmt=_val(lvl, "w:numFmt", base.fmt),
        text=_val(lvl, "w:lvlText", base.text),
        suff=_val(lvl, "w:suff", base.suff),
        legal=lvl.find(qn("w:isLgl")) is not None and _val(lvl, "w:isLgl", "true") not in ("0", "false"),
        restart=_int(restart, 0) if restart is not None else base.restart,
        pstyle=_val(lvl, "w:pStyle", base.pstyle),
    )


class Numbering:
    """Label renderer for one document; call ``label(paragraph_element)`` in body order."""

    def __init__(self, docx_document):
        self.abstract: dict[str, dict[int, Level]] = {}
        self.nums: dict[str, tuple[str, dict[int, Level], dict[int, int]]] = {}
        self.style_numpr: dict[str, tuple[str | None, str | None]] = {}
        self.counters: dict[str, dict[int, int]] = {}
        self.started_overrides: set[tuple[str, int]] = set()
        self._load_numbering(docx_document)
        self._load_styles(docx_document)

    def _load_numbering(self, d) -> None:
        try:
            root = d.part.numbering_part.element
        except (KeyError, NotImplementedError, AttributeError):
            return
        for an in root.findall(qn("w:abstractNum")):
            levels = {_int(l.get(qn("w:ilvl")), 0): _parse_lvl(l) for l in an.findall(qn("w:lvl"))}
            self.abstract[an.get(qn("w:abstractNumId"))] = levels
        for num in root.findall(qn("w:num")):
            abs_id = _val(num, "w:abstractNumId")
            lvl_defs, starts = {}, {}
            for ov in num.findall(qn("w:lvlOverride")):
                il = _int(ov.get(qn("w:ilvl")), 0)
                so = _val(ov, "w:startOverride")
                if so is not None:
                    starts[il] = _int(so, 1)
                lv = ov.find(qn("w:lvl"))
                if lv is not None:
                    lvl_defs[il] = _parse_lvl(lv, self.abstract.get(abs_id, {}).get(il))
            self.nums[num.get(qn("w:numId"))] = (abs_id, lvl_defs, starts)

    def _load_styles(self, d) -> None:
        try:
            root = d.styles.element
        except (KeyError, AttributeError):
            return
        own, based = {}, {}
        for st in root.findall(qn("w:style")):
            sid = st.get(qn("w:styleId"))
            numpr = st.find(qn("w:pPr") + "/" + qn("w:numPr"))
            if numpr is not None:
                own[sid] = (_val(numpr, "w:numId"), _val(numpr, "w:ilvl"))
            based[sid] = _val(st, "w:basedOn")
        for sid in based:
            seen, cur = set(), sid
            while cur and cur not in seen:        # basedOn chain, guarded against cycles
                seen.add(cur)
                if cur in own:
                    self.style_numpr[sid] = own[cur]
                    break
                cur = based.get(cur)

    def _level(self, num_id: str, ilvl: int) -> tuple[str, Level] | None:
        if num_id not in self.nums:
            return None
        abs_id, lvl_defs, _ = self.nums[num_id]
        lv = lvl_defs.get(ilvl) or self.abstract.get(abs_id, {}).get(ilvl)
        return (abs_id, lv) if lv else None

    def _resolve(self, p) -> tuple[str, int] | None:
        ppr = p.find(qn("w:pPr"))
        style_id = _val(ppr, "w:pStyle")
        numpr = ppr.find(qn("w:numPr")) if ppr is not None else None
        num_id = ilvl = None
        if numpr is not None:
            num_id, ilvl = _val(numpr, "w:numId"), _val(numpr, "w:ilvl")
        if style_id and style_id in self.style_numpr:
            s_num, s_ilvl = self.style_numpr[style_id]
            num_id = num_id if num_id is not None else s_num
            if ilvl is None:
                ilvl = s_ilvl
            if ilvl is None and num_id in self.nums:   # the level whose w:pStyle names this style
                abs_id = self.nums[num_id][0]
                for k, lv in self.abstract.get(abs_id, {}).items():
                    if lv.pstyle == style_id:
                        ilvl = k
                        break
        if num_id is None or num_id == "0":            # numId 0 explicitly removes numbering
            return None
        return num_id, _int(ilvl, 0)

    def label(self, p) -> tuple[str, str]:
        """(label, separator) for paragraph element ``p``; ("", "") when it is not numbered.
        Must be called once per paragraph in document order: it advances the counters."""
        found = self._resolve(p)
        if not found:
            return "", ""
        num_id, ilvl = found
        got = self._level(num_id, ilvl)
        if not got:
            return "", ""
        abs_id, lv = got
        counters = self.counters.setdefault(abs_id, {})
        starts = self.nums[num_id][2]
        if ilvl in starts and (num_id, ilvl) not in self.started_overrides:
            self.started_overrides.add((num_id, ilvl))
            counters[ilvl] = starts[ilvl]
        elif ilvl in counters:
            counters[ilvl] += 1
        else:
            counters[ilvl] = lv.start
        for deeper in [k for k in counters if k > ilvl]:
            dl = self._level(num_id, deeper)
            if dl is None or dl[1].restart != 0:       # lvlRestart 0 = keep counting
                del counters[deeper]
        text = lv.text
        for k in range(8, -1, -1):                     # %10 never occurs; go high→low so %1 ≠ prefix of %12
            tag = f"%{k + 1}"
            if tag not in text:
                continue
            kl = self._level(num_id, k)
            kfmt = kl[1].fmt if kl else "decimal"
            n = counters.get(k, kl[1].start if kl else 1)
            if lv.legal and kfmt not in ("none", "bullet"):
                kfmt = "decimal"
            text = text.replace(tag, format_number(n, kfmt if k != ilvl else (lv.fmt if not lv.legal else kfmt)))
        if lv.fmt == "bullet" or not text.strip():
            return "", ""
        sep = {"nothing": ""}.get(lv.suff, " ")
        return text, sep
