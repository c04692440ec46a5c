"""Suggested clause wording from clause_library/suggestions/*.yaml, with placeholders filled
from the document (联盟名称、理事长单位、成员名单 …); unknown placeholders stay visible as 【…】."""
from __future__ import annotations

import re
from functools import lru_cache
from typing import Any

from checker.library import LIBRARY_DIR, LibraryError, load_yaml, section_keys

SUGGESTIONS_DIR = LIBRARY_DIR / "suggestions"

# Placeholder names and how they read when the document does not tell.
PLACEHOLDERS = {
    "alliance_name": "【联盟名称】",
    "chair": "【理事长单位】",
    "host": "【依托单位】",
    "members": "【各成员单位】",
    "member_count": "【成员数】",
    "arbitration_commission": "【仲裁委员会全称】",
    "court_place": "【一方住所地】",
    "city": "【城市】",
}
_PH = re.compile(r"\{(\w+)\}")


@lru_cache(maxsize=1)
def all_suggestions() -> dict[str, dict[str, Any]]:
    out: dict[str, dict[str, Any]] = {}
    # sections.yaml (one entry per section and element) first: its first entry of a section is the
    # general wording SECTION_MISSING offers.
    paths = sorted(SUGGESTIONS_DIR.glob("*.yaml"), key=lambda p: (p.name != "sections.yaml", p.name))
    for path in paths:
        for d in load_yaml(path) or []:
            if d["id"] in out:
                raise LibraryError(f"suggestion {d['id']} defined twice")
            if d.get("section") not in section_keys():
                raise LibraryError(f"suggestion {d['id']}: unknown section {d.get('section')!r}")
            for name in _PH.findall(d["text"]):
                if name not in PLACEHOLDERS:
                    raise LibraryError(f"suggestion {d['id']}: unknown placeholder {{{name}}}")
            out[d["id"]] = d
    return out


def render(suggestion_id: str | None, fill: dict[str, str] | None = None) -> str:
    """The suggestion's wording with placeholders filled; '' when there is no suggestion."""
    if not suggestion_id:
        return ""
    s = all_suggestions().get(suggestion_id)
    if s is None:
        raise LibraryError(f"unknown suggestion {suggestion_id!r}")
    values = dict(PLACEHOLDERS)
    values.update({k: v for k, v in (fill or {}).items() if v})
    return _PH.sub(lambda m: values.get(m.group(1), m.group(0)), s["text"]).strip()
