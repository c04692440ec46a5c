"""The invariants every generated document must satisfy (shared by tests/fuzz and scripts/fuzz.py).

A document either gives a report or a clean InputError — never another exception. In a report every
span lies inside the text, the clause units are in text order without overlap, and every non-blank
character of the text belongs to a clause (a unit, or the chapter whose heading it is).
"""
from __future__ import annotations

from checker.errors import InputError


def check_document(doc) -> None:
    """Segment, review and export one ingested Document and assert the invariants."""
    from checker.engine import review
    from checker.report import export
    from checker.rules.profiles import load_profile
    from checker.structure import segment

    text = doc.text
    n = len(text)
    for b in doc.blocks:
        assert text[b.start:b.end] == b.text
    clauses, units = segment.segment(doc)
    prev_end = 0
    covered = [False] * n
    for u in units:
        a, b = u.span
        assert 0 <= a <= b <= n, f"unit {u.id} span {u.span} outside text of {n}"
        assert a >= prev_end, f"unit {u.id} {u.span} overlaps the previous unit ending at {prev_end}"
        prev_end = b
    for c in clauses:                # a chapter's own heading line belongs to the chapter container
        assert 0 <= c.span[0] <= c.span[1] <= n
        for k in range(*c.span):
            covered[k] = True
    lost = [k for k in range(n) if not covered[k] and not text[k].isspace()]
    assert not lost, f"{len(lost)} characters belong to no clause, first at {lost[0]}: {text[lost[0]:lost[0] + 20]!r}"
    report = review(doc, load_profile("fujian"))
    d = report.to_dict()
    for f in d["findings"]:
        if f["span"]:
            assert 0 <= f["span"][0] <= f["span"][1] <= n, f"finding {f['rule']} span {f['span']} outside text"
    starts = [c["span"][0] for c in d["clauses"]]
    assert starts == sorted(starts), "report clauses are not in text order"
    export(report, "markdown")


def check_text(text: str) -> bool:
    """True when the text was reviewed, False when it was refused with an InputError."""
    from checker import ingest
    try:
        doc = ingest.from_text(text, name="模糊测试")
    except InputError:
        return False
    check_document(doc)
    return True


def check_bytes(data: bytes, name: str) -> bool:
    from checker import ingest
    try:
        doc = ingest.load_bytes(data, name)
    except InputError as e:
        assert str(e) and "\n" not in str(e), "an InputError message is one line"
        return False
    check_document(doc)
    return True
