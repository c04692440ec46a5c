"""Loads and validates the domain data in clause_library/ once per process (outline, sources, profiles)."""
from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml

LIBRARY_DIR = Path(__file__).resolve().parent.parent / "clause_library"


class LibraryError(Exception):
    """The clause library is inconsistent (a developer error, caught by tests)."""


# libyaml's C parser is ~10× faster than the pure-Python one; the catalogue is parsed at every start.
_Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def load_yaml(path: Path) -> Any:
    with open(path, encoding="utf-8") as fh:
        return yaml.load(fh, Loader=_Loader)  # noqa: S506 — a safe loader


@lru_cache(maxsize=1)
def outline() -> list[dict[str, Any]]:
    data = load_yaml(LIBRARY_DIR / "outline.yaml")["sections"]
    for sec in data:
        for el in sec.get("elements", []) or []:
            el["_rx"] = [re.compile(p) for p in el["any"]]
    return data


@lru_cache(maxsize=1)
def section_keys() -> list[str]:
    return [s["key"] for s in outline()]


def section(key: str) -> dict[str, Any]:
    for s in outline():
        if s["key"] == key:
            return s
    raise LibraryError(f"unknown section key {key!r}")


def section_title(key: str | None) -> str:
    if key is None:
        return "未归类"
    return section(key)["title"]


@lru_cache(maxsize=1)
def sources() -> dict[str, dict[str, Any]]:
    return load_yaml(LIBRARY_DIR / "sources.yaml")


def resolve_citation(cite: str) -> str:
    """'FJ46 附件1 四.10' → '闽科政〔2009〕46号 附件1 四.10'. Several citations are joined with '；'."""
    parts = [p.strip() for p in re.split(r"[；;]", cite) if p.strip()]
    out = []
    src = sources()
    for p in parts:
        key, _, rest = p.partition(" ")
        if key not in src:
            raise LibraryError(f"citation {p!r}: unknown source key {key!r}")
        title = src[key]["title"]
        # Short form for policy documents: the document number alone reads best in a citation.
        m = re.match(r"^(.*?〔\d{4}〕\d+号(?: 附件\d)?)", title)
        short = m.group(1) if m and src[key]["kind"] == "policy" else title
        out.append(f"{short} {rest}".strip())
    return "；".join(out)
