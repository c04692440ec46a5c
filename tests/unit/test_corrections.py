"""Reviewer corrections of the structure reading (checker/review/corrections.py): a split at a
clause number, a merge of two clauses and a section change each rerun the review."""
from __future__ import annotations

from pathlib import Path

from checker.engine import check
from checker.review.corrections import check_corrected, describe

SAMPLE = Path("clause_library/samples/示例协议.docx")


def _misread():
    lines = check(SAMPLE).document.text.split("\n")
    return "\n".join(lines[:5]) + "\n" + "".join(lines[5:]) + "\n"


def test_split_at_a_clause_number_recovers_sections():
    text = _misread()
    data = text.encode("utf-8")
    before = check(text=text, name="误读.txt")
    at = text.index("第十八条 违约责任")
    after = check_corrected(data, "误读.txt", "fujian", [{"op": "split", "at": at}])
    assert len(after.clauses) == len(before.clauses) + 1
    second = next(c for c in after.clauses if c.span[0] == at)
    assert second.number == "第十八条" and second.text.startswith("第十八条 违约责任")
    # the text is still covered in order, without gaps or overlaps
    units = sorted((c for c in after.clauses if c.kind != "chapter"), key=lambda c: c.span[0])
    assert all(a.span[1] <= b.span[0] for a, b in zip(units, units[1:]))
    assert "处拆分条款" in describe({"op": "split", "at": at}, text)


def test_merge_two_clauses_and_change_a_section():
    data = SAMPLE.read_bytes()
    rep = check(data=data, name="示例协议.docx")
    a = next(c for c in rep.clauses if c.number == "第六条")
    b = next(c for c in rep.clauses if c.number == "第七条")
    merged = check_corrected(data, "示例协议.docx", "fujian", [{"op": "merge", "a": a.span[0], "b": b.span[0]}])
    m = next(c for c in merged.clauses if c.span[0] == a.span[0])
    assert m.span[1] == b.span[1] and "第七条" in m.text
    assert not any(c.number == "第七条" for c in merged.clauses)
    t = next(c for c in rep.clauses if c.number == "第二十三条")
    moved = check_corrected(data, "示例协议.docx", "fujian",
                            [{"op": "section", "start": t.span[0], "end": t.span[1], "section": "force_majeure"}])
    c = next(c for c in moved.clauses if c.span[0] == t.span[0])
    assert c.section == "force_majeure" and c.confidence == 1.0 and c.evidence == ["审查人更正"]
    assert next(s for s in moved.sections if s.key == "force_majeure").status != "missing"
