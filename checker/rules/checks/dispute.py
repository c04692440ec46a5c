"""Dispute-resolution checks: one forum only, a forum at all, an identifiable arbitration commission,
no appeal from an award, no floating or wrong arbitration body (闽科政〔2009〕46号 附件1 四.10;
仲裁法 第九、十六、十八条 / 2025年修订 第二十七条; 仲裁法解释 第三至七条).

The clause is read by checker/facts/disputes.py (forums, bodies); this module decides and words
the findings. Spans are document offsets of the words that carry the defect.
"""
from __future__ import annotations

import re

from checker.facts.disputes import arbitration_bodies, commission_key, forum_sentences_only, forums, identify
from checker.rules.envelope import Hit
from checker.rules.registry import rule_impl

SECTION = "dispute_resolution"


def sentence_at(text: str, a: int, b: int | None = None) -> str:
    b = a if b is None else b
    s = max(text.rfind(c, 0, a) for c in "。；;\n") + 1
    ends = [i for i in (text.find(c, b) for c in "。；;\n") if i >= 0]
    return text[s:(min(ends) + 1 if ends else len(text))].strip()


_ITEM_START = re.compile(r"^\s*(?:[（(][一二三四五六七八九十\d]{1,3}[)）]|[①-⑩⑴-⑽]|\d{1,2}(?:[.．]\d{1,2})*[)）.．、\s]|"
                         r"[a-zA-Z][.)）]|[（(][a-zA-Z][)）]|[□☐☑■√✓✔☒])")


def analysed(ctx, outside: bool = True):
    """(clause, Forums) for every unit of the dispute section, then (with ``outside``) for every other
    unit with a sentence choosing a forum — a court in the governing-law article or an attachment
    is read together with an arbitration clause elsewhere (cached on the context)."""
    cache = ctx.__dict__.get("_dispute_forums")
    if cache is None:
        inside = ctx.in_section(SECTION)
        ids = {c.id for c in inside}
        cache = [(c, forums(c.text), True) for c in inside]
        prev_inside = False
        for c in ctx.units:
            was_inside, prev_inside = prev_inside, c.id in ids
            if c.id in ids:
                continue
            if was_inside and _ITEM_START.match(c.text):
                prev_inside = True
                continue      # an option or item of the dispute article split off by the layout, not another article
            only = forum_sentences_only(c.text)
            if only is not None:
                cache.append((c, forums(only), False))
        ctx.__dict__["_dispute_forums"] = cache
    return [(c, f) for c, f, ins in cache if outside or ins]


def _hit(clause, a, b, message=None, severity=None):
    base = clause.span[0]
    return Hit(clause=clause, span=(base + a, base + b), evidence=sentence_at(clause.text, a, b),
               message=message, severity=severity)


SEQUENTIAL_MESSAGE = ("条款约定先仲裁、对裁决不服（或仲裁无果）再向人民法院起诉（先裁后诉），同时约定了仲裁和诉讼。仲裁一裁终局，"
                      "裁决后不能就同一纠纷再起诉；法院对这种约定的效力认定不一，可能认定整个仲裁约定无效，也可能只认定“再起诉”部分无效。"
                      "请只保留一种方式：选择仲裁就删去起诉的内容并写明裁决是终局的；选择诉讼就删去仲裁。")


def _sequential(masked: str) -> list[tuple[int, int]]:
    """Spans of "仲裁…不服/无果…起诉" (先裁后诉): reported with its own, hedged message, not as an elective choice."""
    out = []
    for m in _THEN.finditer(masked):
        tail = re.split(r"[。；]", masked[m.end():m.end() + 40])[0]
        if _COURT_WORD.search(tail):
            out.append((m.start(), m.end() + len(tail)))
    return out


def _elective_court(f) -> list[tuple[int, int]]:
    seq = _sequential(f.masked)
    return [s for s in f.court if not any(a <= s[0] < b for a, b in seq)]


@rule_impl("DISPUTE_BOTH_FORUMS")
def both_forums(ctx, rule):
    items = analysed(ctx)
    for clause, f in items:
        if f.form and {"arb", "court"} <= f.form_chosen:
            a, b = f.court[0] if f.court else (0, len(clause.text))
            yield _hit(clause, a, b, message="争议解决条款的选项中仲裁和诉讼两种方式均被选中（勾选或写明“选择第（一）、（二）种”），"
                                             "属于或裁或诉，仲裁约定无效。请只保留一种方式：选仲裁须写明仲裁委员会，选诉讼则删去仲裁选项。")
            return
    arb = [(c, f) for c, f in items if f.arb and not (f.form and "arb" not in f.form_chosen)]
    court = [(c, f, ec) for c, f in items if (ec := _elective_court(f)) and not (f.form and "court" not in f.form_chosen)]
    if arb and not court:
        # 先裁后诉 ("对仲裁裁决不服的，可以起诉") is the second form contracts.md §3 names for this rule. Courts are
        # split on its effect (some void the arbitration clause, others only the 再起诉 part — (2019)最高法民终279号),
        # so the message says 可能无效, unlike the elective form that 法释〔2006〕7号 第七条 makes void outright.
        for clause, f in arb:
            seq = _sequential(f.masked)
            if seq:
                yield _hit(clause, *seq[0], message=SEQUENTIAL_MESSAGE)
                return
    if not arb or not court:
        return
    # Point at the court words nearest to an arbitration choice (the second forum).
    for clause, f, ec in court:
        same = next((x for c, x in arb if c is clause), None)
        if same:
            ca = min(ec, key=lambda s: min(abs(s[0] - a[0]) for a in same.arb))
            near = min(same.arb, key=lambda a: abs(a[0] - ca[0]))
            lo, hi = min(ca[0], near[0]), max(ca[1], near[1])
            if hi - lo > 60:
                lo, hi = ca
            yield _hit(clause, lo, hi)
            return
    clause, f, ec = court[0]
    arb_clause = arb[0][0]
    yield _hit(clause, *ec[0], message=(
        f"{_label(arb_clause)}约定了仲裁，{_label(clause)}又约定由人民法院管辖或向人民法院起诉；两处合起来就是或裁或诉，"
        "仲裁约定无效，争议最终只能诉讼。请统一为一种方式：选择仲裁就删去其他条款中的法院管辖约定，选择诉讼就删去仲裁约定。"))


def _label(clause) -> str:
    where = " ".join(x for x in (clause.number, clause.heading) if x)
    if where:
        return where
    return "附件" if clause.kind == "attachment" else "协议另一处"


@rule_impl("DISPUTE_NO_FORUM")
def no_forum(ctx, rule):
    items = analysed(ctx, outside=False)
    if not items or any(f.arb or f.court or f.form for _, f in analysed(ctx)):
        return
    clause = items[0][0]
    m = re.search(r"友好协商|协商|调解|协调", clause.text)
    a, b = m.span() if m else (0, min(len(clause.text), 20))
    yield _hit(clause, a, b)


@rule_impl("ARBITRATION_NO_INSTITUTION")
def no_institution(ctx, rule):
    for clause, f in analysed(ctx):
        if not f.arb or (f.form and "arb" not in f.form_chosen):
            continue
        bodies = arbitration_bodies(f.masked)
        kinds = {d.kind for d in bodies}
        if "floating" in kinds:
            continue          # floating places are ARB_MULTI_COMMISSION's finding
        named = [(d, _identified(clause, d)) for d in bodies if d.kind == "named"]
        if any(c is None or c.status == "exact" for _, c in named):
            continue
        fixable = next(((d, c) for d, c in named if c.status in ("slip", "parent")), None)
        if fixable:
            d, c = fixable
            how = "写成了其上级单位" if c.status == "parent" else "名称有误"
            yield _hit(clause, *d.span, severity="info", message=(
                f"仲裁机构“{c.written}”{how}，但能够确定所指的是{c.name}，仲裁约定仍然有效"
                f"（名称不准确但能确定具体机构的，视为已选定）。建议更正为全称“{c.name}”，避免申请仲裁时再作说明。"))
            continue
        if named:
            d, c = named[0]
            why = (f"“{c.written}”是省级地名，该省设有多个仲裁委员会，不能确定选定的是哪一个" if c.status == "province"
                   else f"不存在名为“{c.written}”的仲裁委员会（已对照仲裁委员会名录），不能确定选定的机构")
            yield _hit(clause, *d.span, message=(
                f"仲裁条款{why}；达不成补充协议的，仲裁协议无效。请写明一个仲裁委员会的全称，如“厦门仲裁委员会”。"))
            continue
        weak = next((d for d in bodies if d.kind in ("place", "rules")), None)
        if weak:
            what = "只约定了仲裁地点" if weak.kind == "place" else "只约定了仲裁规则"
            yield _hit(clause, *weak.span, severity="warning",
                       message=f"仲裁条款{what}，未写明仲裁委员会名称；该地有多个仲裁机构或规则不能确定机构时，仲裁协议可能无效。"
                               "请写明一个仲裁委员会的全称。")
            continue
        gen = next((d for d in bodies if d.kind == "generic"), None)
        a, b = gen.span if gen else f.arb[0]
        yield _hit(clause, a, b)


def _identified(clause, d):
    """The commission a named designation means (None: a placeholder or an English abbreviation —
    nothing to look up)."""
    words = clause.text[d.span[0]:d.span[1]]
    if "【" in words or "{" in words or re.search(r"[A-Za-z]{3,}", words) or words.endswith("规则"):
        return None
    if re.search(r"贸仲|海仲|北仲|深国仲|上仲", words):
        return None
    c = identify(words if d.prefix not in words or words.endswith("委员会") else d.prefix)
    if c.status == "unknown" and not words.endswith("委员会"):
        return None   # "…仲裁院/仲裁中心": named bodies outside the city pattern are not judged by the list
    return c


_THEN = re.compile(r"仲裁[^。；〇]{0,12}?(?:不服|有异议|无果|不成|未果|失败|仍不能解决|仍未能解决|仍无法解决|后)")
_NOT_FINAL = re.compile(r"仲裁[^。；]{0,8}(?:非终局|不是终局|不具有终局|可上诉|可以上诉)")
_COURT_WORD = re.compile(r"人民法院|法院|起诉|诉讼|上诉")


@rule_impl("ARB_THEN_COURT")
def arb_then_court(ctx, rule):
    for clause, f in analysed(ctx):
        # Only an award declared non-final or appealable; 先裁后诉 with a court is DISPUTE_BOTH_FORUMS's finding
        # (contracts.md §3), so one clause never gets two findings of different certainty (legal_audit 第3项).
        m = _NOT_FINAL.search(f.masked)
        if m and not _sequential(f.masked):
            yield _hit(clause, *m.span())


@rule_impl("ARB_MULTI_COMMISSION")
def multi_commission(ctx, rule):
    for clause, f in analysed(ctx):
        if not f.arb or (f.form and "arb" not in f.form_chosen):
            continue
        bodies = arbitration_bodies(f.masked)
        floating = next((d for d in bodies if d.kind == "floating"), None)
        if floating:
            yield _hit(clause, *floating.span, message="仲裁机构按“申请人/一方所在地”等浮动地点确定，实际指向两个以上仲裁委员会；"
                                                       "除非事后另行选定一家，仲裁协议无效。请约定一个确定的仲裁委员会。")
            continue
        named = [d for d in bodies if d.kind == "named" and not clause.text[d.span[0]:d.span[1]].endswith("规则")]
        keys: list[str] = []
        for k in sorted({commission_key(d.prefix) for d in named}, key=len):
            if not any(o in k or k in o for o in keys):   # "贸仲" and its 分会 are one institution
                keys.append(k)
        if len(keys) >= 2:
            yield _hit(clause, named[0].span[0], named[-1].span[1])


_WRONG = [
    (re.compile(r"劳动(?:人事)?争议仲裁委员会|劳动仲裁|人事争议仲裁|经济合同仲裁委员会"),
     "约定的仲裁机构是劳动人事争议仲裁委员会（或已撤销的经济合同仲裁委员会），它不受理联盟成员之间的合同纠纷。请改为一个商事仲裁委员会。"),
    (re.compile(r"(?:科技(?:厅|局|部|委)|主管部门|行政(?:机关|部门)|政府)[^。；，]{0,8}(?:仲裁|裁决|裁定)"),
     "由行政机关（如科技厅）仲裁或裁决不是法定仲裁，仲裁委员会须独立于行政机关（仲裁法 第十四条）。"
     "行政机关可作协调，争议最终应交仲裁委员会或人民法院。"),
    (re.compile(r"理事会[^。；]{0,12}(?:裁决|决定|处理|仲裁)[^。；]{0,12}(?:终局|最终)[^。；]{0,16}(?:不得|不再|不能)"
                r"[^。；]{0,6}(?:起诉|诉讼|仲裁)"),
     "约定理事会的决定为终局、不得再起诉或仲裁，剥夺了成员依法寻求仲裁或诉讼的权利。理事会调解可作为前置步骤，但不能排除仲裁或诉讼。"),
    (re.compile(r"专利(?:权)?(?:的)?(?:有效性|无效|效力)"),
     "专利权有效性由国家知识产权局复审和无效审理部门及人民法院审查（专利法 第四十五、四十六条），不属于可仲裁事项。"
     "请将专利有效性排除在仲裁范围之外，权属、许可等争议仍可仲裁。"),
]
_PERSONNEL = re.compile(r"人员|员工|职工|劳动合同|劳动关系|聘用")
_EXCEPT = re.compile(r"除|不包括|不属于|除外|排除|不适用")


@rule_impl("ARB_WRONG_BODY_OR_MATTER")
def wrong_body(ctx, rule):
    for clause in ctx.in_section(SECTION):
        for s in ctx.sentences(clause):
            for i, (rx, msg) in enumerate(_WRONG):
                m = rx.search(s.text)
                if not m:
                    continue
                if i == 0 and _PERSONNEL.search(s.text):
                    continue          # staff disputes do go to labour arbitration
                if i == 3 and ("仲裁" not in s.text or _EXCEPT.search(s.text)):
                    continue
                yield Hit(clause=clause, span=(s.start + m.start(), s.start + m.end()),
                          evidence=s.text.strip(), message=msg)
