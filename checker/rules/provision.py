"""Does a sentence *provide* an element, or only mention its words? (issue 12 §4)

An element rule (an outline element a section must contain) is satisfied only by wording that
provides the element. These do not:

- a negation: "不另行开设专户", "暂不设专职人员", "无需约定收益分配";
- a condition: "如需设立专户的，由理事会决定" (the element exists only if something happens);
- a deferral that does not say where: "知识产权归属由各方另行约定" — while "另行签订项目协议约定"
  or "见附件二" says where the element is provided and counts;
- a ground for expulsion or breach that names the element: "侵犯联盟知识产权的，予以除名" is not an
  IP ownership clause;
- a court named only for preservation or enforcement (handled by checker/facts/disputes.py masking).

The functions take the sentence text and the span of the words that matched the element.
"""
from __future__ import annotations

import re

# Negation in the same comma-segment right before the words ("不另行开设专户", "未设", "无需").
_NEG_BEFORE = re.compile(r"(?:不(?![少低超限仅断])|未(?!来)|无(?![偿论限])|没有|暂不|无需|不必|不再|免于|取消|不予|是否)"
                         r"[^，,。；;：:]{0,8}$")
# "……专户的，不予设立": the words are an object that the main clause then negates.
_NEG_AFTER = re.compile(r"^[^，,。；;]{0,12}[，,]?\s*(?:不予|不再|暂不|不)(?:设立|设置|开设|约定|实行|配备|建立)")
# Conditions on whether the element exists at all ("如需设立专户的", "必要时可设专家委员会"); an ordinary
# "如一方违约的，应……" is how a breach clause provides its element and is not one of them.
_COND = re.compile(r"^\s*(?:如需|若需|确需|如有需要|如确有需要|必要时|需要时|视情况|视需要|条件成熟时|适时)")
_DEFER = re.compile(r"另行(?:约定|商定|协商|确定|确认|决定|议定|研究)|届时(?:再)?(?:协商|约定|确定|商定)|视(?:具体)?情况(?:而定|确定|另定)|"
                    r"待定|(?:由|经)各方(?:另行)?协商确定|以后(?:再)?(?:约定|协商)|暂不约定|另行规定")
# Where a deferred element is then provided: a named instrument, an attachment, a later agreement.
_WHERE = re.compile(r"附件|《[^》]{2,40}》|(?:签订|签署|订立|制定)[^。；]{0,12}(?:协议|合同|办法|细则|章程|制度|方案)|"
                    r"第[一二三四五六七八九十百零〇\d]+[条款章]|项目协议|任务书|合同书")
_GROUND = re.compile(r"除名|开除|清退|取消[^。；，]{0,4}(?:成员)?资格|责令退出|劝退")


_NEG_INSIDE = re.compile(r"不(?![少低超限仅断得以但])|未(?!来)|暂不|无需|没有|不再|是否")


def negated(text: str, start: int, end: int) -> bool:
    """A negation or an open question governs the words: before them in their segment ("不另行开设专户",
    "是否具有法人资格"), inside the last segment they reach ("收益不在成员之间分配"), or right after ("……的，不予设立")."""
    seg_start = max(text.rfind(c, 0, start) for c in "，,。；;：:") + 1
    if _NEG_BEFORE.search(text[seg_start:start]):
        return True
    last = max(start, max(text.rfind(c, 0, end) for c in "，,；;：:") + 1)
    if _NEG_INSIDE.search(text[last:end]) and last > start:
        return True
    if start == last and _NEG_INSIDE.search(text[start:end]):
        return True
    return bool(_NEG_AFTER.match(text[end:]))


def _segments(text: str) -> list[tuple[int, int]]:
    return [m.span() for m in re.finditer(r"[^，,；;。]+", text)]


def conditional(text: str, start: int) -> bool:
    """The words sit in, or depend on, a condition on whether the element exists at all."""
    segs = _segments(text)
    here = next((i for i, (a, b) in enumerate(segs) if a <= start < b), 0)
    return any(_COND.match(text[a:b]) for a, b in segs[:here + 1])


def deferred(text: str) -> bool:
    """The sentence leaves the element to a later agreement without saying where it will be."""
    return bool(_DEFER.search(text)) and not _WHERE.search(text)


def as_ground(text: str, start: int, end: int | None = None) -> bool:
    """The words name a ground for expulsion ("侵犯联盟知识产权的，予以除名"): they start in a "……的"
    segment that the next segment attaches expulsion to. (Rules whose element is a sanction pass grounds_ok.)"""
    segs = _segments(text)
    here = next((i for i, (a, b) in enumerate(segs) if a <= start < b), None)
    if here is None or here + 1 >= len(segs):
        return False
    a, b = segs[here]
    if not text[a:b].rstrip().endswith("的"):
        return False
    return bool(_GROUND.search(text[segs[here + 1][0]:segs[here + 1][1]]))


def provides(text: str, start: int, end: int, deferral_ok: bool = False, grounds_ok: bool = False) -> bool:
    """True when the words at [start, end) of sentence ``text`` provide the element. With
    ``deferral_ok`` (an element that *is* a procedure for later, e.g. how future tasks are divided)
    a deferral counts; with ``grounds_ok`` (an element that *is* a sanction, e.g. liability for
    misusing funds) an expulsion ground counts."""
    return not (negated(text, start, end) or conditional(text, start) or (deferred(text) and not deferral_ok)
                or (as_ground(text, start, end) and not grounds_ok))
