"""Builds the clause tree of an agreement from its blocks.

One pass over the blocks with a small state machine: cover/title → preamble (parties, 鉴于) →
main body (chapters as containers, articles or top-level items as units, lower-level items as
children) → signature block → attachments. The *unit* level — the clauses that get an outline
section — comes from evidence (hierarchy.py): the numbering that runs consistently through the
body, not the first that recurs; otherwise headings shown by formatting or short lines, otherwise
paragraphs (闽科政〔2009〕46号 附件1 allows any drafting style, so all of them are met in practice).
"""
from __future__ import annotations

from checker.structure.labels import label_of as marker_of
from checker.structure.markers import (ALIAS_ROLE_LINE, BARE_ROLE_LINE, NAME_FIELD_LINE, PARTIES_IN_ATTACHMENT,
                                       PARTY_TABLE_HEADER, PREAMBLE_CLOSE, RECITAL_START,
                                       PARTY_LINE, TITLE_WORDS, is_attachment_head, is_signature_line, is_toc_line,
                                       looks_like_heading, split_heading)
from checker.model import Block, Clause, Document
from checker.structure.hierarchy import _CHAPTER_WORDS, ROLE_LABEL, choose
import re

ORG_NAME = re.compile(r"(公司|集团|大学|学院|研究院|研究所|科学院|中心|协会|学会|医院|银行|合作社|厂)")
PARTY_DETAIL = re.compile(r"^(住\s*所|地\s*址|注册地|通讯地址|法定代表人|负责人|联系人|联系电话|电\s*话|传\s*真|邮\s*编|"
                          r"统一社会信用代码|邮\s*箱|电子邮箱|开户|账\s*号|职\s*务|单位性质)")
SIGNATURE_START = re.compile(
    r"[（(]\s*(盖章|公章|签章|签字|签名|章)\s*[)）]|以下无正文|签署页|签字页|签署栏|^\s*(签署|签字|盖章|签章)\s*[：:]"
    r"|^.{0,12}(签署|签字|盖章|签章|签名)(处|栏|如下)?\s*[：:]?\s*$"
    r"|法定代表人.{0,10}[（(]?签(字|名|章)[)）]?\s*[：:]|^\s*签约(日期|时间|地点)")
class _Builder:
    def __init__(self, doc: Document):
        self.doc = doc
        self.units: list[Clause] = []
        self.containers: list[Clause] = []
        self.children: list[Clause] = []
        self.cur: Clause | None = None
        self.container: Clause | None = None

    def start(self, kind: str, i: int, number=None, heading=None, level=0) -> Clause:
        b = self.doc.blocks[i]
        c = Clause(id=f"c{len(self.units) + 1}", kind=kind, number=number, heading=heading, text=b.text,
                   span=(b.start, b.end), level=level, block_range=(i, i))
        if self.container is not None and kind in ("article", "item", "heading", "text"):
            c.parent = self.container.id
            self.container.children.append(c.id)
        self.units.append(c)
        self.cur = c
        return c

    def extend(self, i: int, clause: Clause | None = None) -> None:
        c = clause or self.cur
        b = self.doc.blocks[i]
        c.text = self.doc.text[c.span[0]:b.end]
        c.span = (c.span[0], b.end)
        c.block_range = (c.block_range[0], i)

    def open_container(self, i: int, number, heading) -> None:
        b = self.doc.blocks[i]
        self.container = Clause(id=f"h{len(self.containers) + 1}", kind="chapter", number=number,
                                heading=heading, text=b.text, span=(b.start, b.end), block_range=(i, i))
        self.containers.append(self.container)
        self.cur = None

    def child(self, i: int, number, heading) -> None:
        b = self.doc.blocks[i]
        parent = self.cur
        c = Clause(id=f"{parent.id}-{len(parent.children) + 1}", kind="item", number=number, heading=heading,
                   text=b.text, span=(b.start, b.end), level=parent.level + 1, parent=parent.id,
                   block_range=(i, i))
        parent.children.append(c.id)
        self.children.append(c)


def _is_signature_start(text: str, is_table: bool) -> bool:
    t = text.strip()
    if not t or (t.endswith("。") and len(t) > 30) or marker_of(t).type in ("article", "chapter"):
        return False
    return bool(SIGNATURE_START.search(t)) or (is_table and is_signature_line(t))


def _opens_party(text: str) -> bool:
    """A line that opens a party block without a "甲方：" label: the role alone on its line, its fields
    below ("甲方" / "单位名称：…"), or the name first and the role defined after it ("XX有限公司（以下简称“甲方”）")."""
    t = text.strip()
    return bool(BARE_ROLE_LINE.match(t) or (ALIAS_ROLE_LINE.match(t) and ORG_NAME.search(t)))


_TABLE_HEADER = PARTY_TABLE_HEADER


def _leads_party_table(blocks: list[Block], i: int) -> bool:
    """A line ending in a colon whose next block is a party table (a row with names, or its header)."""
    if not blocks[i].text.strip().endswith(("：", ":")):
        return False
    for b in blocks[i + 1:i + 3]:
        t = b.text.strip()
        if not t:
            continue
        return bool((_TABLE_HEADER.search(t) and not re.search(r"[：:，,。]", t))
                    or (b.kind == "table_row" and ORG_NAME.search(t)))
    return False


def _attachment_list_item(blocks: list[Block], i: int) -> bool:
    """'附件1：…' lines listed inside an article are references, not the attachment itself."""
    for j in range(i + 1, min(i + 3, len(blocks))):
        t = blocks[j].text.strip()
        if not t:
            continue
        m = marker_of(t)
        return is_attachment_head(t) or m.type in ("article", "chapter") or _is_signature_start(t, False)
    return True  # a trailing 附件 line with nothing after it is only a list entry


def segment(doc: Document) -> tuple[list[Clause], list[Clause]]:
    """Returns (all clauses incl. containers and children, units in document order)."""
    blocks = doc.blocks
    markers = [marker_of(b.text) for b in blocks]
    levels = choose(blocks, markers, _is_signature_start, _heading_block)
    unit_type, container_types, body_from = levels.unit, levels.containers, levels.body_from
    bold_only = levels.heading_by == "bold"
    chapter_heads = levels.heading_by == "chapter"     # "总则" … "附则" headings over paragraph clauses

    def heading_block(b, m) -> bool:
        return _heading_block(b, m) and (not bold_only or b.bold or b.kind == "heading")
    bld = _Builder(doc)
    state = "start"
    seen_party = False
    closed = False          # the preamble's closing sentence ("…达成如下协议") was seen
    for i, (b, m) in enumerate(zip(blocks, markers)):
        text = b.text.strip()
        if not text:
            continue
        is_table = b.kind == "table_row"
        if state in ("start", "preamble"):
            if text.replace(" ", "") in ("目录", "目次") or is_toc_line(text):
                if bld.cur is not None and bld.cur.kind == "toc":
                    bld.extend(i)
                else:
                    bld.start("toc", i)
                continue
            party_like = PARTY_LINE.match(text) or (m.type and ROLE_LABEL.match(m.rest)) or _opens_party(text)
            body_start = ((m.key == unit_type and i >= body_from) or (m.key in container_types and not party_like)
                          or (unit_type == "heading" and state == "preamble" and heading_block(b, m)
                              and not party_like)
                          or (unit_type == "paragraph" and closed and not party_like)
                          or (chapter_heads and heading_block(b, m) and not party_like
                              and (state == "preamble" or _CHAPTER_WORDS.match(text))))
            if body_start and m.type and m.type not in ("article", "chapter", "section") \
                    and not (m.key == unit_type and i >= body_from and unit_type in levels.runs):
                # A numbered party list ("1. XX大学，住所…") is still the preamble …
                if re.search(r"住所|法定代表人|地址", text):
                    body_start = False
                # … and so are numbered 鉴于 items: they are sentences, a body item opens with a heading.
                elif bld.cur is not None and bld.cur.kind == "recitals" and split_heading(m.rest)[0] is None:
                    body_start = False
            if body_start and bld.cur is not None and bld.cur.kind == "title" and unit_type == "heading" \
                    and not seen_party and heading_block(b, m) and TITLE_WORDS.search(text):
                body_start = False
            if body_start:
                state = "body"
            elif state == "start" and len(text) <= 50 and not party_like and not is_table \
                    and not RECITAL_START.match(text) and not text.endswith(("。", "：", ":")) \
                    and not _opens_party(text) and not (bld.cur is not None and bld.cur.kind == "title"
                                                        and PARTY_DETAIL.match(text)):
                if bld.cur is not None and bld.cur.kind == "title":
                    bld.extend(i)
                elif TITLE_WORDS.search(text) or not bld.units:
                    bld.start("title", i)
                else:
                    bld.start("preamble", i)
                continue
            else:
                state = "preamble"
                if PREAMBLE_CLOSE.search(text) or (unit_type == "paragraph" and seen_party and len(text) > 60
                                                   and not PARTY_LINE.match(text) and not PARTY_DETAIL.match(text)
                                                   and not re.search(r"住所|法定代表人", text)):
                    closed = True
                if RECITAL_START.match(text):
                    bld.start("recitals", i)
                elif m.type and bld.cur is not None and bld.cur.kind == "recitals":
                    bld.extend(i)
                elif m.type and (re.search(r"住所|法定代表人|地址", text) or ROLE_LABEL.match(m.rest)):
                    seen_party = True
                    bld.start("party", i, number=m.label)
                elif bld.cur is not None and bld.cur.kind == "party" and NAME_FIELD_LINE.match(text) \
                        and BARE_ROLE_LINE.match(bld.cur.text.strip()):
                    bld.extend(i)                # "甲方" alone, then "单位名称：…" under it: one party block
                elif PARTIES_IN_ATTACHMENT.search(text) and not RECITAL_START.match(text):
                    seen_party = True            # "各成员单位（名称、住所、法定代表人见附件1）经协商一致，订立本协议。"
                    bld.start("party", i)
                elif _opens_party(text) and not text.endswith("。"):
                    seen_party = True            # "甲方" alone on its line / "XX有限公司（以下简称“甲方”）"
                    bld.start("party", i)
                elif not is_table and _leads_party_table(blocks, i):
                    seen_party = True            # "本协议由以下八方签订：" + a table of the parties
                    bld.start("party", i)
                elif bld.cur is not None and bld.cur.kind == "party" and _TABLE_HEADER.search(text) and len(text) <= 40 \
                        and not re.search(r"[：:，,。]", text):
                    bld.extend(i)                # the party table's header row read as text
                elif PARTY_LINE.match(text) or (is_table and (ORG_NAME.search(text) or "单位" in text)) or \
                        (ORG_NAME.search(text) and len(text) <= 60 and not PARTY_DETAIL.match(text)
                         and not text.endswith("。") and bld.cur is not None and bld.cur.kind in ("party", "title")):
                    seen_party = True
                    bld.start("party", i)
                elif bld.cur is not None and bld.cur.kind == "party" and PARTY_DETAIL.match(text):
                    bld.extend(i)
                elif bld.cur is not None and bld.cur.kind in ("recitals",):
                    bld.extend(i)
                elif bld.cur is not None and bld.cur.kind == "preamble" and not PARTY_DETAIL.match(text):
                    bld.extend(i)
                else:
                    bld.start("preamble", i)
                continue
        if state == "body":
            if _is_signature_start(text, is_table):
                state = "signature"
                bld.container = None
                bld.start("signature", i)
                continue
            if is_attachment_head(text) and not _attachment_list_item(blocks, i):
                state = "attachment"
                bld.container = None
                bld.start("attachment", i, heading=text)
                continue
            if m.key in container_types or (b.kind == "heading" and m.type is None and unit_type != "heading") \
                    or (chapter_heads and m.type is None and heading_block(b, m)):
                heading, _ = split_heading(m.rest) if m.type else (text, "")
                bld.open_container(i, m.label, heading or m.rest or text)
                continue
            if unit_type == "paragraph":
                bld.start("text", i)
                continue
            if m.key == unit_type or (unit_type == "heading" and heading_block(b, m)):
                if unit_type == "heading":
                    bld.start("heading", i, heading=text, level=0)
                else:
                    heading, _ = split_heading(m.rest)
                    bld.start("article" if unit_type == "article" else "item", i, number=m.label,
                              heading=heading, level=0)
                continue
            if bld.cur is None or bld.cur.kind in ("title", "party", "recitals", "preamble", "toc"):
                bld.start("text", i)
                continue
            bld.extend(i)
            if m.type:
                heading, _ = split_heading(m.rest)
                bld.child(i, m.label, heading)
            continue
        if state == "signature":
            if is_attachment_head(text):
                state = "attachment"
                bld.start("attachment", i, heading=text)
            else:
                bld.extend(i)
            continue
        if state == "attachment":
            if is_attachment_head(text):
                bld.start("attachment", i, heading=text)
            elif _is_signature_start(text, is_table) and not any(u.kind == "signature" for u in bld.units):
                state = "signature"
                bld.start("signature", i)
            else:
                bld.extend(i)
    units = bld.units
    everything = sorted(units + bld.containers + bld.children, key=lambda c: (c.span[0], c.level))
    return everything, units


def _heading_block(b: Block, m) -> bool:
    t = b.text.strip()
    if t.endswith(("：", ":")):
        return False
    if b.kind == "table_row" and "\t" in t:
        # a row of cells ("序号 单位名称 住所 法定代表人", the header of a party table) is not a heading
        return False
    return b.kind == "heading" or (m.type is None and looks_like_heading(t))


def containers_of(clauses: list[Clause]) -> dict[str, Clause]:
    return {c.id: c for c in clauses if c.kind == "chapter"}
