"""Organisation names: what kind of member a name denotes, and whether two written names denote
the same party (full name vs. 简称 / missing legal-form suffix / missing place prefix).

闽科政〔2009〕46号 附件1 二.1: a party's name must be the full registered name and must agree with
the seal in the signature block — so the comparison distinguishes harmless abbreviations from
names that point at another organisation.
"""
from __future__ import annotations

import re
from functools import lru_cache

# Head words of organisation names by member type. The head of a Chinese organisation name is
# at its end, so the right-most match decides ("XX研究院有限公司" is a company, "中国科学院大学"
# a university); on equal ends the longer word wins ("科学院" over "学院", "研究中心" over "中心").
_TYPE_WORDS = {
    "enterprise": r"有限责任公司|股份有限公司|有限公司|股份公司|公司|集团|总厂|厂|企业|合作社|有限合伙|股份",
    "university": r"大学|学院|学校|职业技术学院|高等专科学校|党校",
    "institute": r"研究院|研究所|科学院|研究中心|设计院|检测中心|测试中心|检验中心|质检中心|工程中心|"
                 r"技术中心|实验室|试验站|研究站|监测站|农科院|中科院[\u4e00-\u9fa5]{0,10}所",
    "other": r"协会|学会|联合会|促进会|商会|服务中心|中心|医院|银行|基金会|基金|委员会|管理局|局|联盟",
}
_TYPE_RX = {k: re.compile(v) for k, v in _TYPE_WORDS.items()}
ORG_WORD = re.compile("|".join(_TYPE_WORDS.values()))

# Legal-form suffixes whose omission is an abbreviation, not another party.
_FORM_SUFFIX = re.compile(r"(股份有限公司|有限责任公司|有限公司|股份公司|公司)$")
# Place prefixes (province / city / county level) whose omission is an abbreviation.
_PROVINCES = ("北京|天津|上海|重庆|河北|山西|辽宁|吉林|黑龙江|江苏|浙江|安徽|福建|江西|山东|河南|湖北|湖南|"
              "广东|海南|四川|贵州|云南|陕西|甘肃|青海|台湾|内蒙古|广西|西藏|宁夏|新疆|香港|澳门|中国")
_PLACE_PREFIX = re.compile(rf"^(?:(?:{_PROVINCES})(?:省|市|自治区|特别行政区)?|[\u4e00-\u9fa5]{{2,4}}?(?:省|市|县|区))")
_PUNCT = re.compile(r"[\s\u3000“”\"'‘’「」『』《》·．.,，、:：;；_＿\-—()（）\[\]【】]")
# A note in brackets after a name in the signature block or a member list — which seal (盖章, 单位公章, 合同专用章,
# 公章或合同专用章, 盖章处, 签字盖章), the 简称 the name was given (简称甲方), the unit's role (理事长单位, 乙方) —
# is no part of the name.
SEAL_NOTE = (r"[（(【\[](?:[^（）()【】\[\]]{0,10}?(?:章|签字|签名|签署)[^（）()【】\[\]]{0,3}"
             r"|\s*(?:以下|下文)?(?:简称|称)[^（）()【】\[\]]{1,20}"
             # … or the unit's place in the alliance or the agreement (理事长单位, 牵头单位, 甲方, 第一方)
             r"|\s*(?:(?:副|常务)?(?:理事长|秘书长|监事长|理事|主任|副主任)|牵头|依托|发起|成员|会员|参与|参加|协作)"
             r"(?:单位|方)\s*|\s*(?:[甲乙丙丁戊己庚辛壬癸]方|第[一二三四五六七八九十\d]+方)\s*)[)）】\]]")
_SEAL_WORDS = re.compile(rf"{SEAL_NOTE}|（?盖章）?$")


def classify_member(name: str, context: str = "") -> str:
    """enterprise | university | institute | other, from the name's head word (context unused
    unless the name itself carries no head word)."""
    best: tuple[int, int, str] | None = None
    for kind, rx in _TYPE_RX.items():
        for m in rx.finditer(name):
            cand = (m.end(), m.end() - m.start(), kind)
            if best is None or cand[:2] > best[:2]:
                best = cand
    if best is None and context:
        return classify_member(context)
    return best[2] if best else "other"


def is_org_name(text: str) -> bool:
    """True when ``text`` reads like an organisation's name (carries a head word, sane length)."""
    t = text.strip()
    return 3 <= len(t) <= 60 and bool(ORG_WORD.search(t)) and not re.search(r"[。；;]", t)


def normalize(name: str) -> str:
    """Compare form: no seal notes, punctuation, spaces or bracket-style differences."""
    n = _SEAL_WORDS.sub("", name.strip())
    return _PUNCT.sub("", n)


def _core(name: str) -> str:
    n = _FORM_SUFFIX.sub("", name)
    while True:
        m = _PLACE_PREFIX.match(n)
        if not m or len(n) - m.end() < 2:
            return n
        n = n[m.end():]


@lru_cache(maxsize=1)
def _jieba():
    import logging

    import jieba

    jieba.setLogLevel(logging.WARNING)
    return jieba


@lru_cache(maxsize=16384)
def similarity(a: str, b: str) -> float:
    """0–100 token similarity of two names (rapidfuzz token scorers need space-joined words).
    Cached: a document compares the same few names many times (preamble, member list, signature)."""
    from rapidfuzz import fuzz

    return fuzz.token_sort_ratio(_words(a), _words(b))


@lru_cache(maxsize=16384)
def _words(name: str) -> str:
    return " ".join(_jieba().lcut(normalize(name)))


def same_party(a: str, b: str, aliases: tuple[str, ...] | list[str] = ()) -> str:
    """"same" | "abbrev" | "different".

    abbrev: ``b`` is a 简称 defined for ``a`` (``aliases``), or one name lacks the other's
    legal-form suffix (有限公司 …) or place prefix (福建省 / 厦门市 …) — the core words agree.
    """
    na, nb = normalize(a), normalize(b)
    if not na or not nb:
        return "different"
    if na == nb:
        return "same"
    if nb in {normalize(x) for x in aliases}:
        return "abbrev"
    ca, cb = _core(na), _core(nb)
    if ca == cb and len(ca) >= 2:
        return "abbrev"
    longer, shorter = (ca, cb) if len(ca) >= len(cb) else (cb, ca)
    # "福建XX科技" ⊃ "XX科技": the extra text is only a leading place name (≤ 6 characters).
    if len(shorter) >= 4 and longer.endswith(shorter) and len(longer) - len(shorter) <= 6:
        return "abbrev"
    return "different"
