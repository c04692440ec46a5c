"""Reads a dispute clause: which forums it really chooses (arbitration / court), which arbitration
body and which court place it names. The dispute rules (checker/rules/checks/dispute.py) decide.

Words that mention a forum without choosing it are masked first (same length, offsets kept):
costs (仲裁费或诉讼费), limitation periods, service-address sentences ("适用于仲裁及诉讼程序"),
court support of an arbitration (申请执行 / 撤销裁决 / 保全 / 确认仲裁协议效力 — lawful under
仲裁法 第二十八、五十八、六十二条), and a fallback "如仲裁条款无效，由…法院管辖" (sequential,
not elective; 仲裁法解释 第七条 covers only an elective choice).
"""
from __future__ import annotations

import re

from checker.facts.party_texts import ROLE_WORD
from dataclasses import dataclass, field
from functools import lru_cache

MASK = "〇"
_SENT = re.compile(r"[^。；;\n]+[。；;\n]?")
_SEG = re.compile(r"[^，,。；;\n]+[，,。；;\n]?")
_COURT = re.compile(r"人民法院|法院|中院|起诉|诉讼|诉至|审判")
_ARB = re.compile(r"仲裁")
_COST = re.compile(r"(?:仲裁|诉讼)(?:[或及和、与/]?(?:仲裁|诉讼))?的?(?:费用|费|成本)|(?:律师|保全|执行|鉴定)费|"
                   r"(?:诉讼|仲裁)时效|(?:诉讼|仲裁)(?:[或及和、与/](?:诉讼|仲裁))?(?:程序)?(?:期间|过程中|进行中)")
_SUPPORT = re.compile(r"执行|撤销|保全|认可|协助|司法审查|确认[^，。；]{0,10}效力")
_SUPPORT_SENT = re.compile(r"仲裁(?:协议|条款)[^。；]{0,8}效力|撤销[^。；]{0,6}裁决|不予执行")
_FALLBACK = re.compile(r"(?:如|若|倘|如果|假如|一旦)[^。；]{0,20}仲裁(?:条款|协议)[^。；]{0,12}"
                       r"(?:无效|失效|不能执行|无法执行|不能履行|被认定|不成立)|仲裁(?:机构|委员会)[^。；]{0,6}(?:不予受理|不受理|拒绝受理)|"
                       # a court only for what cannot be arbitrated (仲裁法 第三条 / 2025年修订 第二条): no second forum
                       r"(?:不属于|超出|不在)[^。；，]{0,8}仲裁(?:的)?(?:范围|事项|受理范围)|(?:依法)?(?:不能|不可|无法|不得|不宜|不适宜)(?:提交|申请)?仲裁(?:解决)?的|"
                       r"(?:依法)?(?:应当|须|必须)由(?:人民)?法院(?:专属)?管辖的|(?:不可|不能)仲裁(?:的)?(?:争议|事项|纠纷)")
_PERSONNEL = re.compile(r"(?:劳动|人事)(?:争议|仲裁)[^。；]*(?:人员|员工|职工|劳动合同|劳动关系)|"
                        r"(?:人员|员工|职工|劳动合同|劳动关系)[^。；]*(?:劳动|人事)(?:争议|仲裁)")
# Form layouts: "（一）…仲裁；（二）…诉讼", the parties to pick one ("选择第__种", "择一", □).
_FORM = re.compile(r"第\s*[_＿\s]*\s*种|第\s*[（(]?[一二三123][)）]?\s*种|选择第|择一|任选(?:其)?一|选择(?:下列|以下)|[□☐☑■√✓✔☒]")
# an option's label in any numbering family the clause uses: （一）(1) ⑴ ① 1. 1、 1) a. (a) A. 12.1
_OPTION = re.compile(r"[□☐☑■√✓✔☒]?\s*(?:[（(]([一二三123abcABC])[)）]|([①②③⑴⑵⑶])|(?<![\d.．A-Za-z])([123abcABC])[.．、)）]"
                     r"|(?<![\d.．])\d{1,2}[.．]([123])(?=[\s\u3000]|[^\d.．]))\s*[□☐☑■√✓✔☒]?")
_MARK = re.compile(r"[☑■√✓✔☒]")
_CHOSEN = re.compile(r"(?:选择|选定|采用|适用|按下列|按照下列|按以下|按照以下)\s*(?:以下|下列)?\s*第\s*[（(]?([一二三123])[)）]?"
                     r"\s*(?:[、,，和及与]\s*第?\s*[（(]?([一二三123])[)）]?)?\s*(?:种|项)")
# A choice left to a party when the dispute arises ("由提出请求的一方选择以下方式之一", "由申请方选择",
# "任何一方均有权在下列方式中任选其一"): the options are not a form filled in at signing but an elective
# 或裁或诉, void as an arbitration agreement (法释〔2006〕7号 第七条).
_CHOOSER = (r"(?:任何一方|任一方|任意一方|各方中的一方|一方|申请方|申请人|请求方|起诉方|原告|守约方|权利人|当事人|"
            r"提出[^。；，]{0,8}的(?:一方|当事人|单位|成员))")
_ELECTIVE = re.compile(r"由\s*" + _CHOOSER + r"[^。；]{0,6}?(?:自行|单方|任意)?(?:选择|择一|任选|选定)|"
                       + _CHOOSER + r"(?:均|都|各自)?(?:可以|可|有权|得|能够)(?:自行|单方|任意)?"
                       r"(?:选择|择一|任选|在[^。；]{0,12}(?:中|之间)(?:选择|择一|任选))|"
                       r"(?:争议发生后|发生争议(?:时|后)|届时)[^。；]{0,12}(?:选择|择一|任选)")
# A form to be completed at signing: a blank to fill in or boxes to tick — never an elective choice.
_TEMPLATE = re.compile(r"[_＿]{2,}|第[\s\u3000]+种|【[^】]*】|[□☐☑■√✓✔☒]")
_NUM = {"一": 1, "二": 2, "三": 3, "1": 1, "2": 2, "3": 3, "①": 1, "②": 2, "③": 3, "⑴": 1, "⑵": 2, "⑶": 3,
        "a": 1, "b": 2, "c": 3, "A": 1, "B": 2, "C": 3}


@dataclass
class Forums:
    masked: str
    arb: list[tuple[int, int]] = field(default_factory=list)     # chosen arbitration words (clause offsets)
    court: list[tuple[int, int]] = field(default_factory=list)   # chosen court words
    form: bool = False                 # the clause offers options to choose from
    form_chosen: set[str] = field(default_factory=set)
    fallback: bool = False


def _blank(text: str, start: int, end: int) -> str:
    return text[:start] + MASK * (end - start) + text[end:]


def mask(text: str) -> tuple[str, bool]:
    out, fallback = text, False
    for m in _COST.finditer(text):
        out = _blank(out, m.start(), m.end())
    for s in _SENT.finditer(text):
        st = s.group()
        if "送达" in st:
            out = _blank(out, s.start(), s.end())
            continue
        court_off = _SUPPORT_SENT.search(st) or _FALLBACK.search(st)
        if _FALLBACK.search(st):
            fallback = True
        for seg in _SEG.finditer(st):
            if court_off or _SUPPORT.search(seg.group()):
                for c in _COURT.finditer(seg.group()):
                    a = s.start() + seg.start() + c.start()
                    out = _blank(out, a, a + len(c.group()))
        if _PERSONNEL.search(st):
            for a in _ARB.finditer(st):
                out = _blank(out, s.start() + a.start(), s.start() + a.end())
    return out, fallback


def _options(text: str) -> list[tuple[int, int, int, bool]]:
    """(number, start, end, marked) of each numbered option in a form clause."""
    for c in _CHOSEN.finditer(text):          # "选择第（一）、（二）种" names options, it is none
        text = _blank(text, c.start(), c.end())
    found = [m for m in _OPTION.finditer(text) if any(m.groups())]
    out = []
    for i, m in enumerate(found):
        end = found[i + 1].start() if i + 1 < len(found) else len(text)
        n = _NUM[next(g for g in m.groups() if g)]
        out.append((n, m.start(), end, bool(_MARK.search(m.group()))))
    return out


def forums(text: str) -> Forums:
    masked, fallback = mask(text)
    f = Forums(masked=masked, fallback=fallback)
    opts = _options(masked) if _FORM.search(masked) else []
    kinds = {}
    for n, a, b, _ in opts:
        seg = masked[a:b]
        kinds[n] = "arb" if _ARB.search(seg) else ("court" if _COURT.search(seg) else None)
    chosen: set[int] = set()
    if len([k for k in kinds.values() if k]) >= 2 and len(set(kinds.values()) - {None}) == 2:
        chosen = {n for n, _, _, marked in opts if marked}
        for m in _CHOSEN.finditer(masked):
            chosen |= {_NUM[g] for g in m.groups() if g}
        if not chosen and _ELECTIVE.search(masked) and not _TEMPLATE.search(masked):
            kinds = {}       # the options are a party's later choice: both forums stand (elective, not a form)
    if len([k for k in kinds.values() if k]) >= 2 and len(set(kinds.values()) - {None}) == 2:
        f.form = True
        f.form_chosen = {kinds[n] for n in chosen if kinds.get(n)}
        keep = [(a, b) for n, a, b, _ in opts if n in chosen]
        inside = [(a, b) for _, a, b, _ in opts]
        scope = lambda p: any(a <= p < b for a, b in keep) or not any(a <= p < b for a, b in inside)
    else:
        scope = lambda p: True
    f.arb = [m.span() for m in _ARB.finditer(masked) if scope(m.start())]
    f.court = [m.span() for m in _COURT.finditer(masked) if scope(m.start())]
    return f


# Sentences outside the dispute article that choose a forum: "由甲方所在地人民法院管辖" in the governing-law
# article, "争议提交厦门仲裁委员会仲裁" in an attachment. Read together with the dispute article.
_CHOOSES_COURT = re.compile(r"(?:人民法院|法院)[^。；]{0,8}管辖|向[^。；]{0,25}(?:人民法院|法院)[^。；]{0,6}(?:起诉|提起诉讼|诉讼)|"
                            r"诉至[^。；]{0,20}法院|(?:提交|交由)[^。；]{0,20}(?:人民法院|法院)[^。；]{0,4}(?:审理|裁判|诉讼)")
_CHOOSES_ARB = re.compile(r"(?:提交|提请|交由|申请|由)[^。；]{0,25}仲裁(?:委员会|院|中心)[^。；]{0,14}仲裁|"
                          r"(?:提交|提请|交由)[^。；]{0,25}委员会[^。；]{0,4}仲裁|仲裁委员会[^。；]{0,6}仲裁")


def forum_sentences_only(text: str) -> str | None:
    """``text`` with every sentence that does not choose a forum masked (offsets kept); None if none does."""
    out, any_kept = text, False
    for s in _SENT.finditer(text):
        st = s.group()
        if _CHOOSES_COURT.search(st) or _CHOOSES_ARB.search(st):
            any_kept = True
        else:
            out = _blank(out, s.start(), s.end())
    return out if any_kept else None


# --- names in front of 仲裁委员会 / 人民法院 -------------------------------------------------------
_BOUNDARY = re.compile(r"提交|提请|交由|交付|诉至|诉诸|申请(?!人)|向|由(?!贸)|到|归|选择|或者|或|在(?!地)|至|按照|依照|依据|根据")
_FLOATING = re.compile(r"(?:申请人|被申请人|起诉方|原告|被告|应诉方|守约方|违约方|任何一方|任一方|一方|各自|双方各自)的?(?:所在地|住所地)")
_ALLIANCE_PLACE = re.compile(r"联盟|秘书处|常设机构|办公室")
_PARTY_PLACE = re.compile(ROLE_WORD + r"|(?:签约|成员)单位[一二三四五六七八九十\d]*|理事长单位|依托单位|牵头单位|签订地|签署地|履行地|实施地")
_GENERIC = re.compile(r"^[_＿*＊×Xx\s]+$|^(?:当地|本地|有关|相关|有管辖权|有管辖|约定|双方认可|双方同意|双方协商|协商确定|合法|依法设立|其他|任何|"
                      r"一个|某|该|适当|所在地|国家|国内|具有管辖权|有权)?的?$")
_KNOWN = re.compile(r"贸仲|CIETAC|中国国际经济贸易|海仲|中国海事|SHIAC|BAC|SCIA|HKIAC|SIAC|ICC|北仲|深国仲|上仲|华南国际")
_PLACEHOLDER = re.compile(r"【[^】]*】|\{\w+\}")


# Punctuation that ends the words naming a body; an opening bracket does too, except inside a party's
# role label written with a bracketed number ("协议方（一）所在地人民法院", "成员单位(2)住所地").
_PREFIX_STOP = re.compile(r"[，,。；;：:\n〇]|(?<![方位员])[（(]|[（(](?![一二三四五六七八九十\d]{1,3}[）)])")


def prefix_before(text: str, pos: int, limit: int = 24) -> tuple[str, int]:
    """The words naming a body right before ``pos`` (after the last verb / preposition), and
    where they start in ``text``."""
    lo = max(0, pos - limit)
    seg = _PREFIX_STOP.split(text[lo:pos])[-1]
    start = pos - len(seg)
    cut = 0
    for m in _BOUNDARY.finditer(seg):
        cut = m.end()
    while cut < len(seg) and seg[cut] == "的":
        cut += 1
    pre = seg[cut:].rstrip("的")
    return pre, (start + cut if pre else pos)


@dataclass
class Designation:
    kind: str          # named | floating | place | generic | rules
    span: tuple[int, int]
    prefix: str


_ARB_BODY = re.compile(r"仲裁(委员会|委|院|中心|机构|部门|单位)|(仲裁)?规则")


def arbitration_bodies(masked: str) -> list[Designation]:
    out: list[Designation] = []
    for m in _ARB_BODY.finditer(masked):
        pre, a = prefix_before(masked, m.start())
        span = (a, m.end())
        body = m.group(1)
        if _PLACEHOLDER.search(pre) or _KNOWN.search(pre) or re.search(r"[A-Z]{3,}", pre):
            kind = "named"
        elif _FLOATING.search(pre):
            kind = "floating"
        elif body is None:          # "…仲裁规则" without a commission in front
            if not pre or "仲裁法" in pre:
                continue
            kind = "rules"
        elif _ALLIANCE_PLACE.search(pre) or _PARTY_PLACE.search(pre) or "所在地" in pre:
            kind = "place"
        elif _GENERIC.match(pre):
            kind = "generic"
        elif body in ("机构", "部门", "单位"):
            kind = "place" if re.search(r"[省市区县州]$", pre) else "generic"
        else:
            kind = "named"
        out.append(Designation(kind, span, pre))
    for m in re.finditer(r"仲裁地(?:点)?\s*(?:为|在|是|：|:)\s*([\u4e00-\u9fa5]{2,8})", masked):
        out.append(Designation("place", m.span(), m.group(1)))
    # "提交中国国际经济贸易委员会仲裁", "提交中国国际贸易促进委员会仲裁": a 委员会 named without 仲裁.
    for m in re.finditer(r"(?<!仲裁)委员会(?=[^。；，,]{0,6}仲裁)", masked):
        pre, a = prefix_before(masked, m.start())
        if len(pre) >= 2:
            out.append(Designation("named", (a, m.end()), pre + "委员会"))
    for m in re.finditer(r"(?:贸仲|CIETAC|SHIAC|BAC|SCIA|HKIAC|SIAC)", masked):
        out.append(Designation("named", m.span(), m.group()))
    return out


def commission_key(prefix: str) -> str:
    """Same institution whatever branch: '中国国际经济贸易仲裁委员会华南分会' ~ '贸仲'."""
    p = re.sub(r"(?:华南|西南|上海|浙江|福建|天津|湖北|江苏|四川|山东|海峡两岸)?分会.*$", "", prefix)
    if re.search(r"贸仲|CIETAC|中国国际经济贸易", p):
        return "CIETAC"
    return re.sub(r"(?:^中国|市$)", "", p)


_COURT_NAME = re.compile(r"(?:中级|基层|高级)?人民法院|知识产权法院|法院|中院")


@dataclass
class CourtChoice:
    kind: str          # floating | alliance | party | concrete | none
    span: tuple[int, int]
    prefix: str
    basic: bool = False


def court_choices(masked: str) -> list[CourtChoice]:
    out: list[CourtChoice] = []
    for m in _COURT_NAME.finditer(masked):
        pre, a = prefix_before(masked, m.start())
        span = (a, m.end())
        basic = bool(re.search(r"(?:区|县|旗)$", pre)) or m.group().startswith("基层")
        if _PLACEHOLDER.search(pre):
            kind = "none"
        elif _FLOATING.search(pre):
            kind = "floating"
        elif _ALLIANCE_PLACE.search(pre):
            kind = "alliance"
        elif _PARTY_PLACE.search(pre):
            kind = "party"
        elif _GENERIC.match(pre) or len(pre) < 2:
            kind = "none"
        else:
            kind = "concrete"
        out.append(CourtChoice(kind, span, pre, basic))
    return out


_PLACE_TOKEN = re.compile(r"[\u4e00-\u9fa5]{2,8}?(?:省|自治区|市|自治州|州|地区|盟|区|县|旗)")


def place_cores(prefix: str) -> list[str]:
    """'厦门市思明区' → ['厦门', '思明']; a prefix without place suffixes gives its first two characters."""
    toks = [re.sub(r"(?:省|自治区|市|自治州|州|地区|盟|区|县|旗)$", "", t) for t in _PLACE_TOKEN.findall(prefix)]
    toks = [t for t in toks if len(t) >= 2]
    return toks or ([prefix[:2]] if len(prefix) >= 2 else [])


# --- which commission a designation names (clause_library/arbitration_commissions.yaml) -------------------
@dataclass
class Commission:
    name: str | None        # the commission's official name, None when no real commission is meant
    status: str             # exact | slip (misnamed but identifiable) | parent (named through its parent body) | unknown | province
    written: str = ""       # the words of the agreement


_PROVINCES_FULL = re.compile(r"^(?:中国)?(河北|山西|内蒙古|辽宁|吉林|黑龙江|江苏|浙江|安徽|福建|江西|山东|河南|湖北|湖南|广东|广西|"
                             r"海南|四川|贵州|云南|西藏|陕西|甘肃|青海|宁夏|新疆)(?:省|自治区|壮族自治区|回族自治区|维吾尔自治区)?$")


@lru_cache(maxsize=1)
def _commissions() -> dict:
    from checker.library import LIBRARY_DIR, load_yaml

    data = load_yaml(LIBRARY_DIR / "arbitration_commissions.yaml")
    exact, slips, parents = {}, {}, {}
    for c in data["named"]:
        for n in [c["name"], *c.get("aliases", [])]:
            exact[n] = c["name"]
        for b in c.get("branches", []):
            exact[c["name"] + b] = c["name"] + b
        for n in c.get("slips", []):
            slips[n] = c["name"]
        for n in c.get("parent", []):
            parents[n] = c["name"]
    cities = [x for v in data["cities"].values() for x in v] + list(data.get("prefectures") or [])
    return {"exact": exact, "slips": slips, "parents": parents,
            "cities": sorted(set(cities), key=len, reverse=True)}


def commission_names() -> list[str]:
    """Every commission of the list by its official name (city commissions and the named ones)."""
    d = _commissions()
    named = sorted(set(d["exact"].values()))
    return [f"{c}仲裁委员会" for c in d["cities"] if f"{c}仲裁委员会" not in d["exact"]] + named


def identify(written: str) -> Commission:
    """The commission meant by the words before 仲裁委员会/仲裁院/… (or the whole designation).

    "厦门"/"厦门市仲裁委员会" → 厦门仲裁委员会 (exact); "中国国际经济贸易委员会" → CIETAC (slip);
    "中国国际贸易促进委员会" → CIETAC (parent); "福建省" → province (several commissions there);
    anything else → unknown (no such commission: not identifiable, 仲裁法解释 第三条 a contrario).
    """
    d = _commissions()
    w = re.sub(r"\s|的$", "", written)
    w = re.sub(r"^(?:由|向|提交|提请)", "", w)
    core = re.sub(r"(?:仲裁委员会|仲裁委|仲裁院|仲裁中心|委员会)$", "", w)
    slip = bool(re.search(r"(?<!仲裁)委员会$", w))      # "…委员会" without 仲裁: a slip at best
    for key in (w, core, core + "仲裁委员会"):
        if key in d["exact"]:
            return Commission(d["exact"][key], "slip" if slip else "exact", written)
    for n, official in d["exact"].items():   # a branch written after the commission: "…华南分会"
        if len(n) > 4 and w.startswith(n):
            return Commission(official if not w[len(n):] else w, "exact", written)
    for table, status in ((d["slips"], "slip"), (d["parents"], "parent")):
        for n, official in table.items():
            if core == re.sub(r"(?:仲裁委员会|委员会)$", "", n) or w == n or w.startswith(n):
                return Commission(official, status, written)
    if _PROVINCES_FULL.match(core):
        return Commission(None, "province", written)
    place = re.sub(r"^(?:中国)?[\u4e00-\u9fa5]{2,3}(?:省|自治区|壮族自治区|回族自治区|维吾尔自治区)", "", core)
    for city in d["cities"]:
        # "泉州" "泉州市" "延边朝鲜族自治州" "泉州国际": the city's commission (仲裁法解释 第六条: the one body of that place)
        if place.startswith(city) and not re.match(r"[区县港湾镇]", place[len(city):len(city) + 1]):
            return Commission(f"{city}仲裁委员会", "slip" if slip else "exact", written)
    return Commission(None, "unknown", written)
