"""Mechanical drafting checks: article numbering (gaps, duplicates), dangling internal references,
quoted terms used but never defined, amounts whose figures and 大写 disagree, 万元/元 mix-ups and
shares that do not add up to 100 %.

They read the document text directly (line-initial "第X条", "1.1", "（一）"), so they also work when
the segmenter found no numbers. Precision matters more than recall: anything ambiguous stays quiet.
"""
from __future__ import annotations

import re
from collections import defaultdict

from checker.facts.amounts import CN_NUM_CHARS, PERCENT, cn_int, daxie_to_fen, fen_to_text, figure_to_fen, percent_value
from checker.rules.checks.legal_common import full_text, unit_at
from checker.rules.envelope import Hit
from checker.rules.registry import rule_impl

_CN = "零〇一二两三四五六七八九十百千"
_HEAD = re.compile(rf"(?m)^[ \t\u3000]*第\s*([{_CN}\d]+)\s*(条|章)(?![款项](?!目))")   # "第六条项目管理" is an article
# Between two runs of 第X条: a new chapter, an attachment, a contents list or a second document
# (a charter after the agreement) legitimately restart the numbering.
_NEW_RUN = re.compile(rf"(?m)^[ \t\u3000]*(?:第\s*[{_CN}\d]+\s*[章编部]|附件|附表|目\s*录)|章程|协议书\s*$")


def _line(text: str, pos: int) -> str:
    s = text.rfind("\n", 0, pos) + 1
    e = text.find("\n", pos)
    return text[s:e if e >= 0 else len(text)].strip()


# --- ARTICLE_NUMBER_GAP / ARTICLE_NUMBER_DUPLICATE ------------------------------------------------
def _article_events(text: str):
    """(kind, problem, offset, label, detail) for 第X条/第X章 sequences; a restart at 1 opens a new run
    (tables of contents, attachments with their own numbering)."""
    runs: dict[str, tuple[int | None, set]] = {}
    labels: dict[str, str] = {}
    last_article, run_start = 0, 0
    for m in _HEAD.finditer(text):
        n = cn_int(m.group(1))
        if n is None:
            continue
        kind = m.group(2)
        prev, seen = runs.get(kind, (None, set()))
        label = f"第{m.group(1)}{kind}"
        prev_label = labels.get(kind)
        toc = bool(re.search(r"目\s*录", text[max(0, run_start - 40):run_start]))   # the run so far was a contents list
        if kind == "条" and n == 1 and prev is not None and not toc and not _NEW_RUN.search(text[last_article:m.start()]):
            # 第一条 again with no new chapter, attachment or contents list in between: the same chapter
            # numbers two articles 第一条 (民法典 第四百六十六条第一款 reads a clause with the related ones).
            yield ("dup", m.start(), label, f"编号“{label}”在同一章内重新起编，与前面的“第一条”重复；"
                                            "如每章分别编号，请在各章之间写明章标题，否则请连续编号。")
            runs[kind] = (n, {n})           # report the restart once, then follow the new run
            labels[kind] = label
            last_article = m.end()
            continue
        if kind == "条":
            last_article = m.end()
            if n == 1 or prev is None:
                run_start = m.start()
        if n == 1 or prev is None:
            runs[kind] = (n, {n})
            labels[kind] = label
            continue
        if n in seen:
            yield ("dup", m.start(), label, f"编号“{label}”重复出现。")
        elif n > prev + 1:
            yield ("gap", m.start(), label, f"编号不连续：“{prev_label}”之后是“{label}”，缺少{n - prev - 1}个编号。")
        elif n < prev:
            yield ("gap", m.start(), label, f"编号顺序颠倒：“{prev_label}”之后是“{label}”。")
        seen.add(n)
        if n > prev:
            labels[kind] = label
        runs[kind] = (max(n, prev), seen)


_ITEM_FAMILIES = [
    ("dotted", re.compile(r"(?m)^[ \t\u3000]*(\d{1,2}(?:[.．]\d{1,2}){0,3})(?:[.．、]|[ \t\u3000])(?!\d)"), None),
    ("cn_paren", re.compile(rf"(?m)^[ \t\u3000]*[（(]([{_CN}]+)[）)]"), None),
    ("num_paren", re.compile(r"(?m)^[ \t\u3000]*[（(](\d{1,2})[）)]"), None),
]


def _item_events(text: str, base: int):
    """Gaps and duplicates among "1./1.1", "（一）", "(1)" items of one clause.

    Lists nest ("5. 经费 … 1. 2. … 6. 项目"), so each family keeps a stack of open lists per parent:
    an item that continues an outer list closes the inner ones instead of counting as a gap.
    """
    for family, rx, _ in _ITEM_FAMILIES:
        stacks: dict[tuple, list[int]] = {}
        for m in rx.finditer(text):
            raw = m.group(1)
            parts = [int(p) for p in re.split(r"[.．]", raw)] if family != "cn_paren" else [cn_int(raw)]
            if any(p is None for p in parts):
                continue
            parent, n = tuple(parts[:-1]), parts[-1]
            stack = stacks.setdefault(parent, [])
            if n == 1:
                stack.append(1)          # a new (possibly nested) list
                continue
            if not stack:
                stack.append(n)          # no baseline in this clause
                continue
            depth = next((i for i in range(len(stack) - 1, -1, -1) if stack[i] + 1 == n), None)
            if depth is not None:
                del stack[depth + 1:]
                stack[-1] = n
                continue
            prev = stack[-1]
            if n == prev:
                yield ("dup", base + m.start(1), raw, f"条款内的项目编号“{raw}”重复。")
            elif n > prev + 1:
                yield ("gap", base + m.start(1), raw, f"条款内的项目编号不连续：“{raw}”之前缺少{n - prev - 1}项。")
            stack[-1] = max(n, prev)


def _numbering(ctx):
    text = full_text(ctx)
    events = list(_article_events(text))
    for unit in ctx.units:
        events.extend(_item_events(unit.text, unit.span[0]))
    return events


@rule_impl("ARTICLE_NUMBER_GAP")
def article_gap(ctx, rule):
    text = full_text(ctx)
    for kind, off, label, msg in _numbering(ctx):
        if kind == "gap":
            yield Hit(clause=unit_at(ctx, off), span=(off, off + len(label)), evidence=_line(text, off)[:80], message=msg)


@rule_impl("ARTICLE_NUMBER_DUPLICATE")
def article_duplicate(ctx, rule):
    text = full_text(ctx)
    for kind, off, label, msg in _numbering(ctx):
        if kind == "dup":
            yield Hit(clause=unit_at(ctx, off), span=(off, off + len(label)), evidence=_line(text, off)[:80], message=msg)


# --- DANGLING_REFERENCE ---------------------------------------------------------------------------
_REF = re.compile(rf"第\s*([{_CN}\d]+)\s*条")
_INTERNAL_BEFORE = re.compile(r"(本协议|本章程|本合同|本办法|本附件|协议|章程)(的)?\s*$")
# A law, regulation, rule book or policy document right before "第X条" makes it an external reference.
_EXTERNAL_BEFORE = re.compile(r"(》|法|典|律|条例|解释|规定|办法|细则|意见|通知|方案|指引|指南|号|决定|规则|章程》)\s*$")
_CHAIN = re.compile(r"^\s*[、，,和及或与至到]\s*$|^\s*(第[^。；]{0,6}款)?[、，,和及或与至到]\s*$")
_ATT_REF = re.compile(r"附件\s*([一二三四五六七八九十\d]+)")
_ATT_DEF = re.compile(r"(?m)^[ \t\u3000]*附件\s*([一二三四五六七八九十\d]+)|附件\s*([一二三四五六七八九十\d]+)\s*[《:：]")
_ATT_LIST = re.compile(r"附件[^。\n]{0,12}[:：]\s*((?:\s*\d+\s*[.、．]\s*《[^》]+》[，,；;、]?)+)")


def _article_targets(ctx, text):
    nums = {cn_int(m.group(1)) for m in _HEAD.finditer(text) if m.group(2) == "条"}
    for c in ctx.clauses:
        if c.number:
            m = re.fullmatch(rf"第\s*([{_CN}\d]+)\s*条", c.number.strip())
            if m:
                nums.add(cn_int(m.group(1)))
    nums.discard(None)
    return nums


@rule_impl("DANGLING_REFERENCE")
def dangling_reference(ctx, rule):
    text = full_text(ctx)
    targets = _article_targets(ctx, text)
    if targets:
        prev_end, prev_external = -10, False
        for m in _REF.finditer(text):
            line_start = text.rfind("\n", 0, m.start()) + 1
            if not text[line_start:m.start()].strip():
                prev_end = m.end()
                continue          # a heading, not a reference
            before = text[max(line_start, m.start() - 30):m.start()]
            if _CHAIN.match(text[prev_end:m.start()]) and m.start() - prev_end <= 8:
                external = prev_external       # "《民法典》第五百八十五条、第五百八十六条"
            elif _INTERNAL_BEFORE.search(before):
                external = False
            else:
                external = bool(_EXTERNAL_BEFORE.search(before))
            prev_end, prev_external = m.end(), external
            n = cn_int(m.group(1))
            if external or n is None or n in targets:
                continue
            yield Hit(clause=unit_at(ctx, m.start()), span=(m.start(), m.end()), evidence=_line(text, m.start())[:100],
                      message=f"引用了“{m.group(0)}”，但本协议中没有这一条。")
    # 附件X: only checked when the agreement itself lists or heads its attachments.
    defined = set()
    for m in _ATT_DEF.finditer(text):
        defined.add(cn_int(m.group(1) or m.group(2)))
    for m in _ATT_LIST.finditer(text):
        defined.update(int(x) for x in re.findall(r"(\d+)\s*[.、．]\s*《", m.group(1)))
    defined.discard(None)
    if not defined:
        return
    for m in _ATT_REF.finditer(text):
        n = cn_int(m.group(1))
        if n is not None and n not in defined:
            yield Hit(clause=unit_at(ctx, m.start()), span=(m.start(), m.end()), evidence=_line(text, m.start())[:100],
                      message=f"引用了“{m.group(0)}”，但协议列明的附件中没有这一件。")


# --- UNDEFINED_TERM -------------------------------------------------------------------------------
_QUOTED = re.compile(r"[“「]([^”」“「\s，。；、：:]{2,12})[”」]")
_DEF_BEFORE = re.compile(r"(简称|下称|称|统称|简称为|称为|以下简称|定义为|即)\s*$")
_DEF_AFTER = re.compile(r"^\s*[，,]?\s*(是指|系指|指|意指|包括|：|:)")
_NOT_TERM_AFTER = re.compile(r"^\s*(字样|一词|二字|等字|的字样|原则|精神|方针|口号|要求|理念|工程|计划|行动)")
_NOT_TERM_BEFORE = re.compile(r"(名称为|名为|定名为|标注|注明|写明|加注|冠以|牌证|授予|称号)\s*$")
_NAME_LIKE = re.compile(r"(联盟|公司|大学|学院|研究院|研究所|中心|协会|集团|协议|办法|章程|规定|通知|方案|意见|部分|条款|证书)$")


@rule_impl("UNDEFINED_TERM")
def undefined_term(ctx, rule):
    text = full_text(ctx)
    quoted = list(_QUOTED.finditer(text))
    defined, uses = set(), defaultdict(list)
    for m in quoted:
        term = m.group(1)
        before, after = text[max(0, m.start() - 8):m.start()], text[m.end():m.end() + 6]
        if _DEF_BEFORE.search(before) or _DEF_AFTER.search(after):
            defined.add(term)
        elif not _NOT_TERM_AFTER.search(after) and not _NOT_TERM_BEFORE.search(before):
            uses[term].append(m)
    # Only a document that defines terms in quotes signals that quoted words are defined terms.
    if not defined:
        return
    for term, ms in uses.items():
        if term in defined or _NAME_LIKE.search(term):
            continue
        # Defined without quotes in a definitions list ("联盟项目：是指……" / "联盟项目，是指……")?
        if re.search(re.escape(term) + r"\s*[，,：:]?\s*(是指|系指|指)", text):
            continue
        if text.count(term) < 2:
            continue
        m = ms[0]
        yield Hit(clause=unit_at(ctx, m.start()), span=(m.start(), m.end()), evidence=_line(text, m.start())[:100],
                  message=f"“{term}”以引号标示为定义术语，但协议中没有对它下定义（如“以下简称”“是指”）。")


# --- AMOUNT_MISMATCH / AMOUNT_UNIT_SUSPECT --------------------------------------------------------
_NUM = r"\d{1,3}(?:[,，]\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"
_DX = rf"[{CN_NUM_CHARS}]+(?:元|圆)(?:[{CN_NUM_CHARS}]角)?(?:[{CN_NUM_CHARS}]分)?(?:整|正)?"
_CUR = r"(?:¥|￥|RMB|人民币)?"
_PAIRS = [
    ("dx_num", re.compile(rf"(?P<a>{_DX})\s*[（(]\s*(?:小写[:：]?)?\s*{_CUR}\s*(?P<n>{_NUM})\s*(?P<u>万元|亿元|元|万)?\s*[)）]")),
    ("num_dx", re.compile(rf"{_CUR}\s*(?P<n>{_NUM})\s*(?P<u>万元|亿元|元)\s*[（(]\s*(?:大写[:：]?)?\s*(?:人民币)?\s*(?P<a>{_DX})\s*[)）]")),
    ("num_num", re.compile(rf"{_CUR}\s*(?P<n>{_NUM})\s*(?P<u>万元|亿元|元)\s*[（(]\s*{_CUR}\s*(?P<n2>{_NUM})\s*(?P<u2>万元|亿元|元)\s*[)）]")),
]


def _amount_pairs(text: str):
    """(start, end, value_a, value_b) of amounts written twice (大写 and figures, or two figures)."""
    seen = set()
    for kind, rx in _PAIRS:
        for m in rx.finditer(text):
            if m.start() in seen:
                continue
            if kind == "num_num":
                a = figure_to_fen(m.group("n"), m.group("u"))
                b = figure_to_fen(m.group("n2"), m.group("u2"))
            else:
                a = daxie_to_fen(m.group("a"))
                b = figure_to_fen(m.group("n"), m.group("u"))
            if a is None:
                continue
            seen.add(m.start())
            yield m.start(), m.end(), a, b


_TOTAL = re.compile(rf"(共计|合计|总计|总额|总投入|总经费|总预算|总金额|总规模)[^。；\d]{{0,10}}?(?P<n>{_NUM})\s*(?P<u>万元|亿元|元)")
_ITEM = re.compile(rf"(?P<n>{_NUM})\s*(?P<u>万元|亿元|元)")


def _sum_checks(text: str):
    """(start, end, total, items, flipped_ok) for "总额X，其中A…B…" distributions."""
    for m in _TOTAL.finditer(text):
        line_end = text.find("\n", m.end())
        seg = text[m.end():line_end if line_end >= 0 else len(text)]
        k = seg.find("其中")
        if k < 0 or k > 12:
            continue
        stop = re.search(r"[。]", seg[k:])
        part = seg[k:k + stop.start()] if stop else seg[k:]
        items = [(i.group("n"), i.group("u")) for i in _ITEM.finditer(part)]
        if len(items) < 2:
            continue
        total = figure_to_fen(m.group("n"), m.group("u"))
        vals = [figure_to_fen(n, u) for n, u in items]
        if sum(vals) == total:
            continue
        # Would reading the 元 items as 万元 (or the reverse) make the sum right?
        flipped = [figure_to_fen(n, "万元" if u == "元" else "元" if u == "万元" else u) for n, u in items]
        mixed = len({u for _, u in items} | {m.group("u")}) > 1
        ok = False
        if mixed:
            for i in range(len(items)):
                trial = vals[:i] + [flipped[i]] + vals[i + 1:]
                if sum(trial) == total:
                    ok = True
                    break
        yield m.start(), m.end() + k + len(part), total, sum(vals), ok


@rule_impl("AMOUNT_MISMATCH")
def amount_mismatch(ctx, rule):
    text = full_text(ctx)
    for s, e, a, b in _amount_pairs(text):
        if a != b and not (a * 10_000 == b or b * 10_000 == a):
            yield Hit(clause=unit_at(ctx, s), span=(s, e), evidence=text[s:e],
                      message=f"同一金额的两种写法不一致：{fen_to_text(a)}与{fen_to_text(b)}。")
    for s, e, total, items, unit_flip in _sum_checks(text):
        if not unit_flip:
            yield Hit(clause=unit_at(ctx, s), span=(s, e), evidence=text[s:e][:120],
                      message=f"分项金额合计{fen_to_text(items)}，与总额{fen_to_text(total)}不一致。")


@rule_impl("AMOUNT_UNIT_SUSPECT")
def amount_unit(ctx, rule):
    text = full_text(ctx)
    for s, e, a, b in _amount_pairs(text):
        if a * 10_000 == b or b * 10_000 == a:
            yield Hit(clause=unit_at(ctx, s), span=(s, e), evidence=text[s:e],
                      message=f"同一金额的两种写法相差一万倍（{fen_to_text(a)}与{fen_to_text(b)}），疑似“万元”与“元”混用。")
    for s, e, total, items, unit_flip in _sum_checks(text):
        if unit_flip:
            yield Hit(clause=unit_at(ctx, s), span=(s, e), evidence=text[s:e][:120],
                      message=f"分项金额合计{fen_to_text(items)}与总额{fen_to_text(total)}不符，把其中以“元”（或“万元”）"
                              f"为单位的一项换成另一单位后恰好相符，疑似单位写错。")


# --- PERCENT_SUM ----------------------------------------------------------------------------------
_WHO = (r"(?P<who>[甲乙丙丁戊己庚辛]方|[\u4e00-\u9fa5（）()]{2,25}?(?:公司|大学|学院|研究院|研究所|中心|集团))")
_PAIR = re.compile(_WHO + r"[^，,；;。%％\d\n]{0,12}?(?P<pct>\d+(?:\.\d+)?\s*[%％]|百分之[零一二两三四五六七八九十百]+(?:点[零一二三四五六七八九]+)?)")
_CUE = re.compile(r"比例|份额|分配|分成|占|出资|投入|持有|享有|分担|承担")
# A bound ("不低于60%" / "60%以上") is not a share of a distribution.
_THRESHOLD = re.compile(r"[%％]\s*(以上|以下|以内)|(不低于|不少于|不超过|不高于|至少|最高|最低|超过|达到|提高|增长|下降)"
                        r"[^，,。；]{0,6}(\d|百分之)")
_REMAINDER = re.compile(r"其余|剩余|其他成员|余下|留存|提取|预留|其他各方")


@rule_impl("PERCENT_SUM")
def percent_sum(ctx, rule):
    for unit in ctx.units:
        block: list = []
        pcts = 0
        bad = False

        def flush():
            if len(block) >= 2 and not bad and pcts == len(block):
                whos = [w for w, _, _ in block]
                total = sum(v for _, v, _ in block)
                if len(set(whos)) == len(whos) and abs(total - 100) > 0.01:
                    first, last = block[0][2], block[-1][2]
                    yield Hit(clause=unit, span=(first[0], last[1]), evidence=unit.text[first[0] - unit.span[0]:last[1] - unit.span[0]][:120],
                              message=f"各成员的比例合计为{total:g}%，不等于100%。")

        armed = False      # an intro line ("分配比例如下：") announces the list on the next lines
        for sent in ctx.sentences(unit):
            t = sent.text
            pairs = list(_PAIR.finditer(t))
            if not pairs or (not block and not armed and not _CUE.search(t)):
                yield from flush()
                block, pcts, bad = [], 0, False
                armed = bool(_CUE.search(t)) and bool(re.search(r"(如下|[:：])\s*$", t.strip()))
                continue
            armed = False
            if _THRESHOLD.search(t) or _REMAINDER.search(t):
                bad = True
            pcts += len(PERCENT.findall(t))
            for p in pairs:
                v = percent_value(p.group("pct"))
                if v is None:
                    bad = True
                    continue
                block.append((p.group("who"), v, (sent.start + p.start(), sent.start + p.end())))
        yield from flush()
