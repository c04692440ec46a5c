"""README's list of drafting styles is the style matrix's (issue 7: the styles the reader handles, each with a
one-line example): every style of checker/stylematrix/styles.py is a row with its format and example, and no row
names a style the matrix does not render."""
from __future__ import annotations

import re
from pathlib import Path

from checker.stylematrix.styles import STYLES

README = (Path(__file__).resolve().parents[1] / "README.md").read_text(encoding="utf-8")


def test_every_rendered_style_is_in_the_readme_with_its_example():
    for st in STYLES:
        assert f"| `{st.id}` | {st.fmt} | {st.example} |" in README, st.id


def test_the_readme_lists_no_other_style_and_gives_their_number():
    rows = re.findall(r"^\| `((?:txt|docx|pdf)_[A-Za-z_]+)` \| (?:txt|docx|pdf) \|", README, re.M)
    assert sorted(rows) == sorted(st.id for st in STYLES)
    assert f"按 {len(STYLES)} 种体例" in README
