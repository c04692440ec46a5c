"""Assigns each clause unit one outline section key (contracts.md §1) with a confidence and evidence.

Three kinds of evidence are combined: the clause's structural role (title, party block, 鉴于,
signature, attachment — from the segmenter), heading cues from clause_library/outline.yaml (the
clause's own heading, then its chapter's), and the project's trained text classifier, which reads
the body text — many real agreements and charters put the topic only in the body.
"""
from __future__ import annotations

import re
from functools import lru_cache

from checker.library import outline, section_title
from checker.model import Clause
from checker.classify.features import split_clause
from checker.structure.labels import label_of
from checker.structure.markers import PARTIES_IN_ATTACHMENT, PARTY_TABLE_HEADER, split_heading
from checker.classify.nlp import section_model, tokens
from checker.classify.train import NONE_LABEL

# Structural roles the segmenter already knows (闽科政〔2009〕46号 附件1 一、二、五、六).
ROLE_SECTION = {"title": "title", "party": "parties", "recitals": "recitals", "signature": "signature",
                "attachment": "attachments", "toc": None}
PREAMBLE_KEYS = {"title", "parties", "recitals", "definitions", "name_principles", NONE_LABEL}
HEADING_WEIGHT = 0.3     # the model reads the heading itself; outline.yaml's cues only tip close calls
CONTAINER_WEIGHT = 0.25


def _norm(s: str | None) -> str:
    return re.sub(r"[\s\u3000“”\"'《》（）()、，,：:。]|联盟的|本联盟|联盟", "", s or "")


@lru_cache(maxsize=1)
def _heading_cues() -> tuple[tuple[str, str], ...]:
    """(section key, normalised cue) pairs, computed once."""
    out = []
    for sec in outline():
        for cue in sec.get("headings") or []:
            c = _norm(cue) or cue
            if c:
                out.append((sec["key"], c))
    return tuple(out)


@lru_cache(maxsize=4096)
def heading_match(heading: str | None) -> dict[str, float]:
    """Section → strength (0–1) of the best heading cue found in ``heading``."""
    h = _norm(heading)
    if not h:
        return {}
    found: dict[str, int] = {}
    for key, c in _heading_cues():
        if c in h and len(c) > found.get(key, 0):
            found[key] = len(c)
    if not found:
        return {}
    best = max(found.values())
    return {k: v / best for k, v in found.items()}


def _covers(text: str) -> list[str]:
    out = []
    for sec in outline():
        for rx in sec.get("covers") or []:
            if re.search(rx, text):
                out.append(sec["key"])
                break
    return out


def _terms(key: str | None, text: str) -> list[str]:
    if key is None:
        return []
    sec = next(s for s in outline() if s["key"] == key)
    return [t for t in sec.get("terms") or [] if len(t) >= 2 and t in text][:5]


def _decisive_heading(u: Clause) -> str | None:
    """The section named by the clause's own heading when exactly one section's cue matches it and
    the cue is most of the heading ("争议解决", "经费管理"); None when ambiguous or absent."""
    if u.kind == "preamble" or not u.heading:
        return None
    hm = heading_match(u.heading)
    if len(hm) != 1:
        return None
    key = next(iter(hm))
    h = _norm(u.heading)
    longest = max(len(c) for k, c in _heading_cues() if k == key and c in h)
    # A two-character cue decides only when it is the whole heading ("会员", "总则"): in other
    # documents' field labels it names something else ("甲方代表" is a signature line, "合营期限" a term).
    if longest < 3 and longest != len(h):
        return None
    return key if longest >= 0.5 * len(h) else None


# A whole sentence (to 。): a "；" only joins the parts of one sentence — "因本协议发生的争议，各方应协商解决；协商不成的，
# 提交……仲裁" is one sentence, and cutting it there would leave its first half to decide the clause.
_LAST_SENTENCE = re.compile(r"(?<=[。！？!?])[^。！？!?]+[。！？!?]?\s*$")
TAIL_SHARE = 0.5      # the trailing sentence is at most this share of the clause
TAIL_CONFIDENT = 0.9  # and the rest alone is read this surely as another topic


def _main_topic(model, body: str, whole: dict[str, float], numbered: bool) -> dict[str, float]:
    """A clause without a heading is about what most of it says: a one-line tail on another topic
    ("……地址变更应书面通知其他方。本协议适用中华人民共和国法律。") does not decide it. The tail's topic still
    counts as covered (also_covers, from outline.yaml ``covers``)."""
    m = _LAST_SENTENCE.search(body.strip())
    if not m or len(m.group(0)) > TAIL_SHARE * len(body.strip()):
        return whole
    rest = body.strip()[:m.start()]
    head = model.predict("", rest, numbered=numbered, words=tokens)
    top_whole, top_rest = max(whole, key=whole.get), max(head, key=head.get)
    if top_rest != top_whole and top_rest != NONE_LABEL and head[top_rest] >= TAIL_CONFIDENT:
        return head
    return whole


_CATCH_ALL = re.compile(r"^(附\s*则|其他|其它|其他事项|其他约定|补充条款|附加条款)$")
# 总则 groups the name, the aims, the definitions and often the tasks: a general chapter, like 附则.
_GENERAL = re.compile(r"^(总\s*则|一般规定|通\s*则)$")
CHAPTER_COVER = 0.6      # share of a chapter heading the cues of its one section must cover


def chapter_section(container: Clause | None) -> str | None:
    """The one section a chapter's heading names outright ("第五章 经费管理", "第二章 目标与任务",
    "第九章 违约责任"); None for a general chapter (总则, 附则) or one naming several topics ("组织机构和成员").
    The chapters are the drafter's own outline of the agreement (闽科政〔2009〕46号 附件1 四.1–四.11 are the
    topics), so an article placed in such a chapter belongs to its topic."""
    heading = (container.heading or "").strip() if container is not None else ""
    if not heading or _CATCH_ALL.match(heading) or _GENERAL.match(heading):
        return None
    hm = heading_match(heading)
    if len(hm) != 1:
        return None
    key = next(iter(hm))
    h = _norm(heading)
    covered = [False] * len(h)
    for k, c in _heading_cues():
        if k != key:
            continue
        for m in re.finditer(re.escape(c), h):
            covered[m.start():m.end()] = [True] * len(c)
    return key if h and sum(covered) >= CHAPTER_COVER * len(h) else None


UNSURE = 0.45            # the classifier's best probability below which a clause's neighbours may decide
NEIGHBOUR_RATIO = 0.6    # … a neighbour's section the classifier gives at least this share of its best,
BETWEEN_RATIO = 0.5      # … or this share when the clauses before and after it both treat that section
_BODY_KINDS = ("article", "item", "heading", "text")


def classify(units: list[Clause], containers: dict[str, Clause] | None = None, in_document: bool = True) -> None:
    """Sets section, confidence, evidence and also_covers on every unit, in place.

    ``in_document``: the units are one document's clauses in reading order (not free-standing texts),
    so an unsure call may be settled by the clauses around it (``_settle_by_neighbours``)."""
    need = [u for u in units if u.kind not in ROLE_SECTION and _decisive_heading(u) is None]
    probs = {}
    if need:
        model = section_model()
        for u in need:
            label, heading, body = split_clause(u.text)
            found = label_of(u.text) if not label and u.number else None
            if found is not None and found.label == u.number:
                # a label family the training text does not use (VIII., 8), 8　) found by the segmenter: its
                # characters are no words of the clause (the same clause numbered 第八条 reads the same)
                heading, body = split_heading(found.rest)
            if u.heading and not heading:
                # a heading the segmenter found from formatting (a bold line) is not in the text's own shape
                heading = u.heading
                body = body[len(u.heading):].lstrip("：: \n\u3000") if body.startswith(u.heading) else body
            probs[u.id] = model.predict(heading, body, numbered=bool(label or u.number), words=tokens)
            if not heading and u.kind != "preamble":
                probs[u.id] = _main_topic(model, body, probs[u.id], bool(label or u.number))
    containers = containers or {}
    unsure: dict[str, dict[str, float]] = {}
    for u in units:
        if u.kind in ROLE_SECTION:
            u.section = ROLE_SECTION[u.kind]
            u.confidence = 0.95 if u.section else 0.5
            u.evidence = [f"结构：{_ROLE_NAMES[u.kind]}"]
            if u.kind in ("attachment",):
                u.also_covers = []
            continue
        decided = _decisive_heading(u)
        if decided is not None:
            # The clause's own heading names one section unambiguously (e.g. "第十二条 争议解决"): the
            # classifier could only agree, so it is not run — it is the slowest stage of a check.
            u.section, u.confidence = decided, 0.9
            u.evidence = [f"标题匹配：“{u.heading}”"] + (["关键词：" + "、".join(t)] if (t := _terms(decided, u.text)) else [])
            u.also_covers = sorted((set(_covers(u.text)) | {k for k, v in heading_match(u.heading).items() if v >= 0.5})
                                   - {decided}, key=lambda k: [s["key"] for s in outline()].index(k))
            continue
        cats = dict(probs[u.id])
        if u.kind == "preamble":
            cats = {k: v for k, v in cats.items() if k in PREAMBLE_KEYS}
        own = dict(heading_match(u.heading))
        parent = containers.get(u.parent) if u.parent else None
        # a catch-all chapter (附则) groups governing law, notices, effect and the rest: no evidence for one
        cont = {} if parent and _CATCH_ALL.match((parent.heading or "").strip()) else \
            dict(heading_match(parent.heading if parent else None))
        scores = {k: v + HEADING_WEIGHT * own.get(k, 0) + CONTAINER_WEIGHT * cont.get(k, 0)
                  for k, v in cats.items()}
        top = max(scores, key=scores.get)
        p = cats.get(top, 0.0)
        conf = 0.5 * p + (0.45 if own.get(top) == 1.0 else 0) + (0.1 if cont.get(top) == 1.0 else 0)
        conf = min(0.99, max(conf, p))
        evidence = []
        if own.get(top):
            evidence.append(f"标题匹配：“{u.heading}”")
        if cont.get(top):
            evidence.append(f"所在章标题：“{parent.heading}”")
        section = None if top == NONE_LABEL else top
        chap = chapter_section(parent) if u.kind in _BODY_KINDS else None
        if chap is not None and chap != section and chap in cats:
            # an article in a chapter whose heading names one topic is on that topic, whatever its body
            # stresses ("被除名的成员不再享有成员权利……" in 第九章 违约责任); the body's own topic stays covered
            body_top = section
            section, top = chap, chap
            conf = round(min(0.9, max(0.6, cats.get(chap, 0.0) + CONTAINER_WEIGHT)), 3)
            evidence = [f"所在章标题：“{parent.heading}”"]
            if body_top is not None and p >= 0.5:
                own = {**own, body_top: max(own.get(body_top, 0), 0.5)}
            p = cats.get(chap, 0.0)
        terms = _terms(section, u.text)
        if terms:
            evidence.append("关键词：" + "、".join(terms))
        evidence.append(f"分类器：{section_title(section)} {p:.2f}")
        u.section, u.confidence, u.evidence = section, round(conf, 3), evidence
        if u.kind in _BODY_KINDS and section is not None and p < UNSURE and not own.get(top) and not cont.get(top):
            unsure[u.id] = cats
        others = set(_covers(u.text)) | {k for k, v in own.items() if v >= 0.5}
        u.also_covers = sorted((others - {section}) - {None},
                               key=lambda k: [s["key"] for s in outline()].index(k))
    if in_document and unsure:
        _settle_by_neighbours(units, unsure)
    if in_document:
        _parties_in_attachment(units)
    for c in containers.values():
        kids = [u.section for u in units if u.parent == c.id and u.section]
        if kids:
            # ties go to the topic met first: max over a set depended on the hash seed (flaky between runs)
            c.section = max(dict.fromkeys(kids), key=kids.count)
            c.confidence = 0.5
            c.evidence = ["章内条款的多数归类"]


def _settle_by_neighbours(units: list[Clause], unsure: dict[str, dict[str, float]]) -> None:
    """A clause the classifier is unsure about, whose best guess is a topic that neither the clause before
    nor the one after it treats, takes the section of one of those neighbours when the classifier rates it
    nearly as high: an agreement treats one topic in consecutive clauses (闽科政〔2009〕46号 附件1 gives the
    outline in order), and a numbering style that drops the chapter headings ("总则") must not change how a
    clause between two clauses of that chapter is read. Two neighbours of one topic are stronger evidence
    than one, so the classifier need rate their section less high. The guess is kept when no other clause
    treats its topic — then the clause may be the only place the agreement deals with it."""
    body = [u for u in units if u.kind in _BODY_KINDS]
    for k, u in enumerate(body):
        cats = unsure.get(u.id)
        if cats is None:
            continue
        prev = body[k - 1] if k > 0 and body[k - 1].parent == u.parent else None
        nxt = body[k + 1] if k + 1 < len(body) and body[k + 1].parent == u.parent else None
        near = [(where, n.section) for where, n in (("上一", prev), ("下一", nxt)) if n is not None and n.section]
        if not near or u.section in [sec for _, sec in near]:
            continue
        if not any(o.section == u.section for o in body if o is not u):
            continue
        guess, best = u.section, cats.get(u.section, 0.0)
        where, pick = max(near, key=lambda n: cats.get(n[1], 0.0))
        between = len(near) == 2 and near[0][1] == near[1][1]
        if cats.get(pick, 0.0) < (BETWEEN_RATIO if between else NEIGHBOUR_RATIO) * best:
            continue
        where = "前后" if between else where
        u.section = pick
        u.confidence = round(min(u.confidence, cats.get(pick, 0.0) + 0.1), 3)
        terms = _terms(pick, u.text)
        u.evidence = ([f"上下文：与{where}条款同属“{section_title(pick)}”"] + (["关键词：" + "、".join(terms)] if terms else [])
                      + [f"分类器：{section_title(pick)} {cats.get(pick, 0.0):.2f}（首选“{section_title(guess)}” {best:.2f}）"])
        u.also_covers = [k for k in u.also_covers if k != pick]


_PARTY_FIELDS = re.compile(r"住\s*所|地\s*址|法定代表人|负责人")


def _party_table(text: str) -> bool:
    """The attachment holds a party table: a header row naming 名称 and 住所 / 法定代表人, rows under it."""
    lines = [ln.strip() for ln in text.split("\n") if ln.strip()]
    for k, ln in enumerate(lines):
        if PARTY_TABLE_HEADER.search(ln) and not re.search(r"[。；;，,]", ln) and len(lines) > k + 1:
            return True
    return False


def _parties_in_attachment(units: list[Clause]) -> None:
    """An agreement that gives its parties' 名称、住所、法定代表人 only in an attachment ("各成员单位（名称、住所、
    法定代表人见附件1）…") has its 缔约方基本信息 there (闽科政〔2009〕46号 附件1 二.1 asks for the content, not its
    place): that attachment's party table is the parties section. It is not when the preamble already lists
    the parties with their 住所 / 法定代表人 (then the attachment is one more list of them)."""
    pre = [u for u in units if u.kind == "party"]
    if any(_PARTY_FIELDS.search(u.text) and not PARTIES_IN_ATTACHMENT.search(u.text) for u in pre):
        return
    if pre and not any(PARTIES_IN_ATTACHMENT.search(u.text) for u in pre):
        return
    for u in units:
        if u.kind == "attachment" and _party_table(u.text):
            u.section = "parties"
            u.evidence = ["结构：附件所列缔约方信息（名称、住所、法定代表人）"]


_ROLE_NAMES = {"title": "标题", "party": "缔约方信息", "recitals": "鉴于条款", "signature": "签署栏",
               "attachment": "附件", "toc": "目录"}


def classify_texts(texts: list[str]) -> list[tuple[str | None, float]]:
    """Classify free-standing clause texts (the `classify` command): each is one article."""
    from checker.structure.markers import marker_of, split_heading

    units = []
    for i, t in enumerate(texts):
        m = marker_of(t)
        heading, _ = split_heading(m.rest if m.type else t)
        units.append(Clause(id=f"x{i}", kind="article", number=m.label, heading=heading, text=t,
                            span=(0, len(t))))
    classify(units, in_document=False)
    return [(u.section, u.confidence) for u in units]
