"""Issue 7 point 2: parties read the same however the party list, member list and signature block are
laid out — date cells of a signing table are no names, a PDF signing row's wrapped name keeps its tail,
party-table rows the outline took for headings stay in the party list, label/value party tables (a role
in a merged first column), founding units listed in a charter's preamble or only in an attachment."""
from __future__ import annotations

import pytest

from checker.facts.parties import extract_parties, parse_party_lines, signature_names
from checker.ingest import from_text
from checker.model import Block, Clause, Document


def _sig(text: str):
    sig = Clause(id="s", kind="signature", number=None, heading=None, text=text, span=(0, len(text)),
                 section="signature")
    return [n for n, _ in signature_names(from_text(text), [sig])]


def _rows(lines: list[str]) -> list[tuple[str, int]]:
    out, pos = [], 0
    for ln in lines:
        out.append((ln, pos))
        pos += len(ln) + 1
    return out


def test_a_date_cell_in_a_sealed_signing_row_is_no_name():
    """A Word signing table: "甲方（盖章）：XX公司 | 法定代表人（签字）： 2024年5月10日" — the date is no party."""
    text = ("甲方（盖章）：甲科技有限公司\t法定代表人（签字）： 2024年5月10日\n"
            "乙方（盖章）：乙大学\t法定代表人（签字）： ____年__月__日")
    assert _sig(text) == ["甲科技有限公司", "乙大学"]


def test_a_signing_row_whose_name_cell_wraps_onto_the_next_line():
    """PDF text layer of a signing table: the name cell's tail ("有限公司") is on a line of its own."""
    text = ("缔约方\t单位名称（盖章）\t日期\n甲方\t甲科技有限公司\t2024年9月9日\n"
            "乙方\t厦门钨能正极材料\t2024年9月9日\n有限公司\n丙方\t丙大学\t2024年9月9日")
    assert _sig(text) == ["甲科技有限公司", "厦门钨能正极材料有限公司", "丙大学"]


def test_a_short_signer_line_after_a_full_name_is_not_joined():
    text = "甲方（盖章）：甲科技有限公司\n乙方（盖章）：乙大学"
    assert _sig(text) == ["甲科技有限公司", "乙大学"]


def _doc_units(pieces: list[tuple[str | None, str, str]]):
    """pieces: (section or None for a heading the outline left out, block kind, text)."""
    text, blocks, units, pos = "", [], [], 0
    for i, (sec, kind, t) in enumerate(pieces):
        blocks.append(Block(text=t, start=pos, paragraph=i, kind=kind))
        if sec is not None:
            units.append(Clause(id=f"c{i}", kind="preamble" if sec != "name_principles" else "article", number=None,
                                heading=None, text=t, span=(pos, pos + len(t)), section=sec))
        text += t + "\n"
        pos += len(t) + 1
    return Document(name="t.txt", format="text", text=text, blocks=blocks), units


def test_party_table_rows_the_outline_took_for_headings_stay_in_the_party_list():
    """A table row between party units read as a chapter ("9  津门科技大学 …"), and rows after the last
    party unit read as headings (a PDF table), are parties all the same."""
    doc, units = _doc_units([
        ("title", "paragraph", "某某产业技术创新战略联盟协议书"),
        ("parties", "table_row", "序号\t单位名称\t住所\t法定代表人"),
        ("parties", "table_row", "1\t甲科技有限公司\t天津市一路1号\t张一"),
        (None, "table_row", "2\t乙大学\t天津市二路2号\t李二"),
        ("parties", "table_row", "3\t丙研究院\t天津市三路3号\t王三"),
        ("title", "table_row", "4\t丁行业协会\t天津市四路4号\t赵四"),
        ("recitals", "table_row", "5\t戊有限公司\t天津市五路5号\t钱五"),
        ("recitals", "paragraph", "各方经协商一致，订立本协议。"),
        ("name_principles", "paragraph", "第一条 联盟名称为某某联盟。"),
    ])
    got = [(p.name, p.domicile) for p in extract_parties(doc, units)]
    assert got == [("甲科技有限公司", "天津市一路1号"), ("乙大学", "天津市二路2号"), ("丙研究院", "天津市三路3号"),
                   ("丁行业协会", "天津市四路4号"), ("戊有限公司", "天津市五路5号")]
