"""Where party names are written: the preamble region, the signature block, a 成员单位名单, the
alliance name and the 理事长单位 — each read as (text, document offset) pieces for parties.py.

Signature-block names are compared with the preamble because 闽科政〔2009〕46号 附件1 二.1/六 require
the name in the preamble to be the full name that the seal in the signature block carries.
"""
from __future__ import annotations

import re

from checker.facts.party_names import SEAL_NOTE, is_org_name, normalize, same_party

_NO = r"(?:[一二三四五六七八九十\d]+|[（(]\s*[一二三四五六七八九十\d]+\s*[）)])"
# A party's role label as drafters write it: 甲方, 第一方, 缔约方一, 协议方（一）, 成员单位1, 发起单位三 …
ROLE_WORD = (r"(?:[甲乙丙丁戊己庚辛壬癸]方|第[一二三四五六七八九十\d]+方"
             rf"|(?:缔约|协议|签约|合作|参与|参加)方\s*{_NO}|(?:成员|发起|签约|参与|参加|合作)单位\s*{_NO}"
             rf"|联盟成员\s*{_NO})")
ROLE = re.compile(
    rf"^\s*(?P<role>{ROLE_WORD}|成员(?:单位)?|发起(?:单位|方)[一二三四五六七八九十\d]*|协议方|合作方|签约方|缔约方|签约单位)"
    r"\s*(?:[（(][^）)]{0,12}[)）])?\s*[:：]\s*")
_FIRST_ARTICLE = re.compile(r"^\s*(?:第[一二三四五六七八九十百零〇\d]+[条章]|鉴于|一、|1[.．、]\s*总则)", re.M)
_CELL_SPLIT = re.compile(r"\t+|\s{2,}|\u3000{1,}|\|")
# A list number before a signer or a listed unit: 1. / 1、 / （1） / (一) / ① / ⑴ / 一、
_LIST_NO = (r"(?:\d{1,3}\s*[.．、]|[（(]\s*(?:\d{1,3}|[一二三四五六七八九十]{1,3})\s*[)）]|[①-⑳⑴-⒇]"
            r"|[一二三四五六七八九十]{1,3}\s*[、.．])")
_SIG_LABEL = re.compile(
    rf"^\s*(?:{_LIST_NO}\s*)?(?:(?P<role>{ROLE_WORD}|成员(?:单位)?|签约方|签约单位|协议方|缔约方|发起单位)|单位名称|单位)?\s*"
    r"(?:[（(](?:盖章|公章|签章|印章|章|单位盖章|盖公章)[)）])?\s*[:：]?\s*")
# A date cell of a signing table ("2024年5月10日", "____年__月__日") is never a signer's name.
_DATE_CELL = re.compile(r"^\s*(?:\d{2,4}|[_＿\s]*)\s*年\s*(?:\d{1,2}|[_＿\s]*)\s*月(?:\s*(?:\d{1,2}|[_＿\s]*)\s*日)?\s*$")
_SIG_TAIL = re.compile(rf"(?:\s*{SEAL_NOTE})+\s*$|[_＿\s]+$")
_NOT_NAME = re.compile(r"无正文|签署页|签字页|^[（(](?!\s*(?:\d{1,3}|[一二三四五六七八九十]{1,3})\s*[)）])|^(?:法定代表人|法人代表|负责人|授权代表|委托代理人|代理人|签字|签名|日期|签署日期|"
                       r"签订日期|时间|年|地址|电话|[（(]?签字|序号|编号|[（(]?盖章[)）]?$)"
                       # a signature table's header row names columns, not parties
                       r"|^(?:成员|联盟成员|缔约|签约|协议)?(?:单位|方)(?:名称)?(?:[（(]盖章[)）])?$|^(?:单位)?(?:盖章|公章|签章|签字|签名|签署)(?:处|栏|页)?\s*(?:如下)?\s*[:：]?$")
_MEMBER_HEAD = re.compile(r"^\s*(?:附件\s*[\d一二三四五六七八九十]*\s*[:：、.．]?\s*)?[《“]?(?:[^\n]{0,20}联盟)?"
                          r"(?:成员|会员|理事|发起)(?:单位)?(?:名单|名录|一览表|列表)[》”]?\s*$")
_NAME_NOTES = re.compile(rf"(?:\s*{SEAL_NOTE})+\s*$")
_NUM_PREFIX = re.compile(rf"^\s*(?:{_LIST_NO}|[（(]?\d{{1,3}}[)）.．、]?)\s*")


def lines_of(text: str, base: int) -> list[tuple[str, int]]:
    out, pos = [], 0
    for line in text.split("\n"):
        out.append((line, base + pos))
        pos += len(line) + 1
    return out


def split_cells(text: str) -> list[tuple[str, int]]:
    """Table-row cells (text, offset within ``text``) split on tabs, wide spaces or '|'."""
    if "\t" in text:   # a tab-separated row keeps its empty cells so columns stay aligned
        out, pos = [], 0
        for part in text.split("\t"):
            out.append((part.strip(), pos + len(part) - len(part.lstrip())))
            pos += len(part) + 1
        return out
    cells, pos = [], 0
    for m in list(_CELL_SPLIT.finditer(text)) + [None]:
        end = m.start() if m else len(text)
        if text[pos:end].strip():
            raw = text[pos:end]
            cells.append((raw.strip(), pos + len(raw) - len(raw.lstrip())))
        pos = m.end() if m else len(text)
    return cells


def _units(units, key):
    return [u for u in units or [] if getattr(u, "section", None) == key]


def preamble_region(document, units) -> list[tuple[str, int]]:
    """Preamble lines, without signature lines ("甲方（盖章）：…") that the outline may have put there."""
    parts = _units(units, "parties")
    if parts:
        # a preamble unit the outline put between two party units (a table row whose name cell wrapped onto
        # the next line of a PDF page) is part of the party list all the same
        ids = [i for i, u in enumerate(units) if getattr(u, "section", None) == "parties"]
        parts = [u for u in units[ids[0]:ids[-1] + 1] if getattr(u, "section", None) == "parties"
                 or (getattr(u, "kind", None) == "preamble" and getattr(u, "section", None) in (None, "title")
                     and not _FIRST_ARTICLE.search(u.text))]
        lines = {b: t for u in parts for t, b in lines_of(u.text, u.span[0])}
        for t, b in _left_out_rows(document, units, parts):
            lines.setdefault(b, t)
        return [(t, b) for b, t in sorted(lines.items()) if not SEAL_LINE.search(t)]
    m = _FIRST_ARTICLE.search(document.text)
    end = m.start() if m else min(len(document.text), 3000)
    # The outline found no party units: the preamble still ends where the body's first numbered unit
    # begins, whatever its numbering family (一. / 1\t / 1联盟…) — body clauses are no party list.
    body = [u.span[0] for u in units or [] if getattr(u, "kind", None) in _BODY_KINDS]
    if body:
        end = min(end, body[0])
    return [ln for ln in lines_of(document.text[:end], 0) if not SEAL_LINE.search(ln[0])]


def _left_out_rows(document, units, parts) -> list[tuple[str, int]]:
    """Lines of the party list that the outline left out of its party units: a row between two party units
    that it took for a heading (a plain-text table row "9    津门科技大学    …" read as a decimal chapter),
    and the rows of a party table that run on after the last party unit (a PDF table row read as a
    heading). A party table is one list, whatever the outline made of its rows."""
    blocks = getattr(document, "blocks", None) or []
    first, last = parts[0].span[0], parts[-1].span[1]
    mine = [u.span for u in parts]
    others = [u.span for u in units or [] if u not in parts]
    out: list[tuple[str, int]] = []
    inside = lambda b, spans: any(s <= b.start < max(e, s + 1) for s, e in spans)  # noqa: E731
    for b in blocks:
        if first <= b.start < last and b.text.strip() and not inside(b, mine) and not inside(b, others) \
                and not _FIRST_ARTICLE.search(b.text):
            out.extend(lines_of(b.text, b.start))
    tail_is_table = _is_row(document.text[max(first, last - 400):last].rstrip("\n").split("\n")[-1])
    if tail_is_table:
        for b in (b for b in blocks if b.start >= last):
            t = b.text.strip()
            if not t:
                continue
            if not (b.kind == "table_row" or len(split_cells(t)) >= 3) or SEAL_LINE.search(t) \
                    or _FIRST_ARTICLE.search(t):
                break
            out.extend(lines_of(b.text, b.start))
    return out


def _is_row(line: str) -> bool:
    return len(split_cells(line)) >= 2 and ("\t" in line or len(split_cells(line)) >= 3)


_BODY_KINDS = {"chapter", "article", "item", "heading", "text"}   # "text": a body paragraph (segment.py)
SEAL_LINE = re.compile(r"[（(](?:单位)?(?:盖章|公章|签章|印章|盖公章|签字|签名)[)）]|(?:盖章|签章)\s*[:：]")


def signature_region(document, units) -> list[tuple[str, int]]:
    """Lines of the signature block; when the outline found none, the seal / signature lines
    after the first article (a block without a heading is easily taken for the preamble)."""
    parts = _units(units, "signature")
    if parts:
        return [ln for u in parts for ln in lines_of(u.text, u.span[0])]
    m = _FIRST_ARTICLE.search(document.text)
    start = m.start() if m else 0
    return [(t, b) for t, b in lines_of(document.text, 0) if b >= start and SEAL_LINE.search(t)]


_SIGNER_SPLIT = re.compile(r"\s+(?=法定代表人|法人代表|授权代表|委托代理人|负责人|日期|签署日期|签订日期|签字|"
                           r"(?:19|20)\d{2}\s*年|[（(]?(?:盖章|公章|签章|签字)[)）]?"
                           # the next signer on the same line after one space (a PDF text layer closes the gap)
                           rf"|{ROLE_WORD}\s*(?:[（(][^）)]{{0,10}}[)）])?\s*[:：])|[_＿]{{2,}}")


def _sig_cells(line: str) -> list[tuple[str, int]]:
    """Cells of a signature line; a single space before "法定代表人…" / "日期" also separates cells
    (PDF and .doc text turn the table gaps into one space)."""
    out = []
    for cell, off in split_cells(line):
        pos = 0
        for m in list(_SIGNER_SPLIT.finditer(cell)) + [None]:
            end = m.start() if m else len(cell)
            if cell[pos:end].strip():
                raw = cell[pos:end]
                out.append((raw.strip(), off + pos + len(raw) - len(raw.lstrip())))
            pos = m.end() if m else len(cell)
    return out


def _rest(cell: str) -> str:
    lab = _SIG_LABEL.match(cell)
    return _SIG_TAIL.sub("", cell[lab.end():] if lab else cell)


def _joined_rows(lines: list[tuple[str, int]]) -> list[tuple[str, int, list[tuple[str, int]]]]:
    """Signature lines with their cells; a name cell that a PDF table wrapped onto the next line
    ("乙方  厦门钨能正极材料  2024年9月9日" / "有限公司") gets its tail back, and the tail line is dropped."""
    rows: list[tuple[str, int, list[tuple[str, int]]]] = []
    for line, base in lines:
        cells = _sig_cells(line)
        if rows and len(cells) == 1 and len(cells[0][0]) <= 12 and "\t" not in line.strip():
            frag = cells[0][0]
            lab = _SIG_LABEL.match(frag)
            if not (lab and lab.group("role")) and not _NOT_NAME.match(frag) and not _DATE_CELL.match(frag):
                pline, pbase, pcells = rows[-1]
                for k, (c, off) in enumerate(pcells):
                    r = _rest(c)
                    if r and len(r) >= 3 and not is_org_name(r) and not _DATE_CELL.match(c) and not _NOT_NAME.match(c.strip()) \
                            and re.search(r"[\u4e00-\u9fa5]$", r) and is_org_name(r + frag):
                        pcells[k] = (c + frag, off)
                        break
                else:
                    rows.append((line, base, cells))
                    continue
                continue
        rows.append((line, base, cells))
    return rows


# A name spaced out to fill a signature column ("天 津 某 某 大 学（盖章）"): single CJK characters each
# followed by the same run of one or two spaces (ASCII or full-width; a tab where the text layer or reader turned
# full-width spaces into one), at least four characters.
_SPACED = re.compile(r"(?:[\u4e00-\u9fa5](?P<gap>[ \u3000]{1,2}|\t)(?=[\u4e00-\u9fa5]))"
                     r"(?:[\u4e00-\u9fa5](?P=gap)(?=[\u4e00-\u9fa5])){2,}[\u4e00-\u9fa5]")


# A two-character label spaced out to the width of the longer ones under it ("甲　　方：", "住　　所：",
# "甲  方（盖章）：") — the usual layout of a Chinese contract's party block and signature block.
_SPACED_LABEL = (r"(?<![\u4e00-\u9fa5])(?:[甲乙丙丁戊己庚辛壬癸][ \u3000\t]+方(?=[ \u3000]*(?:[（(:：]|$))"
                 r"|(?:住[ \u3000\t]+所|地[ \u3000\t]+址|名[ \u3000\t]+称|住[ \u3000\t]+址)(?=[ \u3000]*[:：]))")
_CLOSE = re.compile(f"{_SPACED_LABEL}|{_SPACED.pattern}")


def unspace(line: str) -> tuple[str, list[int]]:
    """``line`` with letter-spaced runs and spaced-out labels closed up, and for each character its index in
    ``line`` (so a name read from the closed-up text still points at the document). Plain prose is returned
    unchanged."""
    out, pos, last = [], [], 0
    for m in _CLOSE.finditer(line):
        for i in range(last, m.start()):
            out.append(line[i])
            pos.append(i)
        for i in range(m.start(), m.end()):
            if line[i] not in " \u3000\t":
                out.append(line[i])
                pos.append(i)
        last = m.end()
    if not pos and last == 0:
        return line, list(range(len(line)))
    for i in range(last, len(line)):
        out.append(line[i])
        pos.append(i)
    return "".join(out), pos


def _spaced_lines(lines):
    """(closed-up line, base, index map) for each signature line."""
    out = []
    for line, base in lines:
        t, pos = unspace(line)
        out.append((t, base, pos))
    return out


def signature_names(document, units) -> list[tuple[str, tuple[int, int]]]:
    """Names (or bare roles such as 甲方 when the name is left blank) written in the signature block;
    a letter-spaced name is read closed up, its span covering the name as written."""
    out: list[tuple[str, tuple[int, int]]] = []
    spaced = _spaced_lines(signature_region(document, units))
    maps = {base: pos for _, base, pos in spaced}
    for line, base, cells in _joined_rows([(t, b) for t, b, _ in spaced]):
        pos = maps.get(base) or []

        def at(i: int, _pos=pos, _base=base) -> int:     # document offset of closed-up index i
            return _base + (_pos[i] if 0 <= i < len(_pos) else (_pos[-1] + 1 + i - len(_pos) if _pos else i))

        # In a signing table the seal often has its own cell: the whole row is a sealed entry.
        row_sealed = bool(re.search(r"[（(]\s*(?:盖章|公章|签章|印章)\s*[)）]", line)) and "\t" in line
        # a role cell next to the name cell of the same row ("甲方 | XX有限公司") is a label, not a name
        named_row = any(is_org_name(_SIG_TAIL.sub("", c[_SIG_LABEL.match(c).end():] if _SIG_LABEL.match(c) else c))
                        for c, _ in cells)
        for cell, off in cells:
            if _NOT_NAME.match(cell.strip()) or _DATE_CELL.match(cell):
                continue
            lab = _SIG_LABEL.match(cell)
            rest = cell[lab.end():] if lab else cell
            sealed = row_sealed or bool(lab and "章" in lab.group()) or bool(re.search(r"[（(][^）)]*章[)）]\s*$", rest))
            rest = _SIG_TAIL.sub("", rest)
            i0 = off + (lab.end() if lab else 0)
            span = (at(i0), at(i0 + len(rest) - 1) + 1) if rest else (at(i0), at(i0))
            role = lab.group("role") if lab else None
            if rest and _NOT_NAME.match(rest):
                continue
            if rest and is_org_name(rest):
                out.append((rest, span))
            elif not rest.strip() and role and not named_row:
                out.append((role, (at(off), at(off + len(role) - 1) + 1)))
            elif rest and (role or sealed) and 2 <= len(rest) <= 16:
                out.append((rest, span))   # a 简称 next to the seal
    return _without_list_heads(out, signature_region(document, units))


def _without_list_heads(names, lines) -> list[tuple[str, tuple[int, int]]]:
    """Drops a bare role that heads a list of signing units ("发起单位（盖章）：" and under it "1. XX有限公司 …"):
    the role is the list's heading, not a party that left its name blank."""
    heads = []
    for k, (line, base) in enumerate(lines):
        if not re.search(r"[:：]\s*$", line):
            continue
        after = [t for t, _ in lines[k + 1:k + 4] if t.strip()]
        if after and any(is_org_name(_SIG_TAIL.sub("", _rest(c))) for c, _ in _sig_cells(after[0])):
            heads.append((base, base + len(line)))
    return [(n, sp) for n, sp in names
            if not (ROLE.match(n + "：") and any(s <= sp[0] < e for s, e in heads))]


def member_list_names(document, units=None) -> list[tuple[str, tuple[int, int]]]:
    """Names in a 成员单位名单 (usually an attachment): numbered lines or table rows."""
    out: list[tuple[str, tuple[int, int]]] = []
    active = False
    for line, base in lines_of(document.text, 0):
        if _MEMBER_HEAD.match(line):
            active = True
            continue
        if not active:
            continue
        if re.match(r"^\s*(?:附件|第[一二三四五六七八九十]+条)", line) or re.search(r"盖章|签章", line):
            active = False
            continue
        cells = split_cells(line)
        if not cells or re.search(r"序号|单位名称", line):
            continue
        for cell, off in cells:
            num = _NUM_PREFIX.match(cell)
            lead = num.end() if num else 0
            role = ROLE.match(cell[lead:])           # "甲方：XX有限公司" — the role label is no part of the name
            lead += role.end() if role else 0
            name = _NAME_NOTES.sub("", cell[lead:])  # "XX有限公司（理事长单位）" — nor is a note on its role
            if is_org_name(name):
                s = base + off + lead
                out.append((name, (s, s + len(name))))
                break
    return out


_ALLIANCE = [
    re.compile(r"联盟(?:的)?(?:中文)?(?:名称|全称)\s*(?:为|是|定为|[:：])\s*[:：]?\s*[“\"「《]?(?P<n>[^”\"」》，。；,;\n（(]{2,60}?联盟)"),
    re.compile(r"(?:定名为|命名为|名称定为|名称为)\s*[“\"「《]?(?P<n>[^”\"」》，。；,;\n（(]{2,60}?联盟)"),
]


def alliance_name(document, units) -> str | None:
    text = document.text
    for rx in _ALLIANCE:
        m = rx.search(text)
        if m:
            return m.group("n").strip()
    for line, _ in lines_of(text[:600], 0)[:6]:
        t = re.sub(r"[*＊\s]", "", line)
        m = re.match(r"^(?P<n>.{2,60}?联盟)(?:协议书|协议|章程|合作协议|框架协议|组建协议|合作协议书)?$", t)
        if m:
            return m.group("n")
    return None


_CHAIR = [
    re.compile(r"(?:理事长单位|牵头单位)\s*(?:为|是|由|[:：])\s*[“\"]?(?P<n>[^，。；,;\n”\"（(]{2,40})"),
    re.compile(r"(?:由|推举|推选|选举|确定|约定)\s*(?P<n>[^，。；,;\n由]{2,40}?)\s*(?:担任|作为|为)"
               r"(?:联盟的?|本联盟)?(?:首届|第一届)?(?:理事长单位|牵头单位)"),
]


def chair_unit(document, units, parties) -> str | None:
    """理事长单位 / 牵头单位 named in the text, as the party's full name when it can be resolved."""
    for rx in _CHAIR:
        for m in rx.finditer(document.text):
            n = re.sub(r"(担任|作为|为)$", "", m.group("n").strip(" “”\""))
            for p in parties or []:
                if n == p.role or normalize(n) in {normalize(a) for a in p.aliases} \
                        or same_party(p.name, n, p.aliases) != "different":
                    return p.name
            if is_org_name(n):
                return n
    return None
