"""Loads and validates the domain data in clause_library/ once per process (outline, sources, profiles)."""
from __future__ import annotations

import re
from datetime import date
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
    if key in section_keys():
        return section(key)["title"]
    for kind in DOCUMENT_KINDS:            # charter / necessity-statement sections (clause_library/kinds/)
        for sec in kind_outline(kind)["sections"]:
            if sec["key"] == key:
                return sec["title"]
    raise LibraryError(f"unknown section key {key!r}")


# Document kinds other than the agreement, each with its own outline and rules (clause_library/kinds/).
DOCUMENT_KINDS = ("charter", "necessity")


@lru_cache(maxsize=None)
def kind_outline(kind: str) -> dict[str, Any]:
    """The outline + rules of a document kind, regexes compiled (clause_library/kinds/<kind>.yaml)."""
    if kind not in DOCUMENT_KINDS:
        raise LibraryError(f"unknown document kind {kind!r}")
    data = load_yaml(LIBRARY_DIR / "kinds" / f"{kind}.yaml")
    for sec in data["sections"]:
        sec["_covers"] = [re.compile(p) for p in sec.get("covers") or []]
        for el in sec.get("elements") or []:
            el["_rx"] = [re.compile(p) for p in el["any"]]
    for rule in data.get("rules") or []:
        for k in ("any", "unless", "if", "then"):
            if k in rule:
                rule["_" + k] = [re.compile(p) for p in rule[k]]
        if "groups" in rule:
            rule["_groups"] = {name: [re.compile(p) for p in pats] for name, pats in rule["groups"].items()}
    return data


@lru_cache(maxsize=1)
def sources() -> dict[str, dict[str, Any]]:
    data = load_yaml(LIBRARY_DIR / "sources.yaml")
    for key, src in data.items():
        for field in ("title", "kind", "version", "effective"):
            if field not in src:
                raise LibraryError(f"sources.yaml: {key}: missing {field}")
        if src.get("replaced_by") and src["replaced_by"] not in data:
            raise LibraryError(f"sources.yaml: {key}: replaced_by {src['replaced_by']!r} unknown")
    return data


# --- versions ------------------------------------------------------------------------------------------

def _as_date(value: Any, upper: bool = False) -> date | None:
    """A sources.yaml date: a date, an ISO string, or a year only (its first, or with upper its last day)."""
    if value is None or isinstance(value, date):
        return value
    s = str(value).strip()
    if re.fullmatch(r"\d{4}", s):
        return date(int(s), 12, 31) if upper else date(int(s), 1, 1)
    return date.fromisoformat(s)


def effective(key: str) -> date | None:
    return _as_date(sources()[key].get("effective"))


def ends(key: str) -> date | None:
    """The first day ``key`` no longer applies (its successor's effective date), or None."""
    succ = sources()[key].get("replaced_by")
    return effective(succ) if succ else None


def in_force(key: str, on: date) -> bool:
    start, stop = effective(key), ends(key)
    return (start is None or start <= on) and (stop is None or on < stop)


def predecessor(key: str) -> str | None:
    return next((k for k, s in sources().items() if s.get("replaced_by") == key), None)


def date_zh(d: date) -> str:
    return f"{d.year}年{d.month}月{d.day}日"


_SIGNED = re.compile(r"(?:签订|签署|签约|订立|签字|签章)(?:日期|时间|于|日)\s*[:：为]?\s*"
                     r"(\d{4})\s*(?:年|[-./])\s*(\d{1,2})\s*(?:月|[-./])\s*(\d{1,2})")


def signing_date(text: str) -> date | None:
    """The signing date the agreement states ("签订日期：2025年6月1日", "签署于2025-06-01"); the
    last one when several are given (the signature block comes last). None when none is filled in."""
    found = None
    for m in _SIGNED.finditer(text or ""):
        try:
            found = date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
        except ValueError:
            continue
    return found


def cited_keys(cite: str) -> list[str]:
    return [p.strip().partition(" ")[0] for p in re.split(r"[；;]", cite) if p.strip()]


def _short(key: str) -> str:
    src = sources()[key]
    title = src["title"]
    # Short form for policy documents: the document number alone reads best in a citation.
    m = re.match(r"^(.*?〔\d{4}〕\d+号(?: 附件\d)?)", title)
    return m.group(1) if m and src["kind"] == "policy" else title


def resolve_citation(cite: str, on: date | None = None, signed: date | None = None) -> str:
    """'FJ46 附件1 四.10' → '闽科政〔2009〕46号 附件1 四.10'. Several citations are joined with '；'.

    With ``on`` (the review date) every text is cited in the version in force that day: a replaced
    text whose successor is cited too is dropped — unless the agreement was signed (``signed``) while
    the old text applied, then both are given, each labelled with its date; a replaced text cited
    alone is labelled as superseded; a text not yet in force is labelled with its start date.
    """
    parts = [p.strip() for p in re.split(r"[；;]", cite) if p.strip()]
    src = sources()
    refs = [p.startswith(REFERENCE) for p in parts]
    parts = [p[len(REFERENCE):] if r else p for p, r in zip(parts, refs)]
    keys = [p.partition(" ")[0] for p in parts]
    out = []
    for p, key, ref in zip(parts, keys, refs):
        if key not in src:
            raise LibraryError(f"citation {p!r}: unknown source key {key!r}")
        rest = p.partition(" ")[2]
        if ref:      # a province's document cited under another profile: reference only
            m = re.match(r"附件1\s*(.*)", rest)
            rest = f"附件1 编写参考 {m.group(1)}".strip() if m else f"{rest}（{_province(key)}文件，仅作参考）".strip()
            out.append(f"参照{_short(key)} {rest}")
            continue
        text = f"{_short(key)} {rest}".strip()
        if on is not None:
            text = _dated(text, key, keys, on, signed)
            if text is None:
                continue
        out.append(text)
    return "；".join(out)


def _dated(text: str, key: str, keys: list[str], on: date, signed: date | None) -> str | None:
    succ, pred = sources()[key].get("replaced_by"), predecessor(key)
    start = effective(key)
    if succ and not in_force(key, on):
        if signed is not None and in_force(key, signed):
            return f"{text}（协议签订日{date_zh(signed)}施行的文本）"
        if succ in keys:
            return None                     # the successor, cited too, is the text in force
        return f"{text}（该文本自{date_zh(ends(key))}起由{_short(succ)}取代，条号按原文本）"
    if start is not None and on < start:
        if pred in keys:
            return None                     # not yet in force: the predecessor cited too applies
        return f"{text}（{date_zh(start)}起施行）"
    if pred in keys and signed is not None and not in_force(key, signed) and in_force(pred, signed):
        return f"{text}（审查日{date_zh(on)}施行的文本）"
    return text


# --- profiles: a finding cites only what applies under its profile -------------------------------------
REFERENCE = "参照:"
_PROVINCE_ZH = {"fujian": "福建省", "hunan": "湖南省", "tianjin": "天津市滨海新区", "sichuan": "四川省"}


def _province(key: str) -> str:
    return _PROVINCE_ZH.get(sources()[key].get("profile") or "", "地方")


def cite_for_profile(cite: str, chain: list[str]) -> tuple[str, bool]:
    """The citation as a reviewer under the profile ``chain`` (self first, then what it extends) may
    give it, and whether the finding is advice only.

    A province's policy document binds only that province: under any other profile it is dropped,
    and when nothing else is left to rest on, the Fujian reference outline (闽科政〔2009〕46号 附件1,
    the only published outline) is cited as "参照… 编写参考" and the finding is advice (True).
    The profile's own documents come first, then the national ones, then the law.
    """
    parts = [p.strip() for p in re.split(r"[；;]", cite) if p.strip()]
    src = sources()

    def scope(p: str) -> str | None:
        s = src.get(p.partition(" ")[0], {})
        return s.get("profile") if s.get("kind") == "policy" else None

    own = [p for p in parts if scope(p) == chain[0] and chain[0] != "national"]
    national = [p for p in parts if scope(p) in chain and p not in own]
    law = [p for p in parts if scope(p) is None]
    foreign = [p for p in parts if scope(p) not in chain and scope(p) is not None]
    kept = own + national + law
    if kept:
        return "；".join(kept), False
    refs = [REFERENCE + p for p in foreign if p.startswith("FJ46")] or [REFERENCE + p for p in foreign]
    return "；".join(refs), True


def legal_basis(text: str, cites: list[str], on: date) -> dict[str, Any]:
    """What a report says about the versions it relies on: the review date, the signing date the
    agreement gives, and the cited texts whose version differs between the two days."""
    signed = signing_date(text)
    keys = sorted({k for c in cites for k in cited_keys(c) if k in sources()})
    differ = [k for k in keys if signed is not None and in_force(k, on) != in_force(k, signed)]
    note = (f"法律依据截至{date_zh(on)}（审查日）：引用的法律、司法解释和政策文件按该日施行的版本引用"
            "（已被取代、只能引用原文本条号的，在引用处注明）")
    if signed is not None and signed != on:
        if differ:
            names = "、".join(_short(k) for k in differ if in_force(k, signed))
            note += f"；协议签订于{date_zh(signed)}，该日施行的{names}已一并注明"
        else:
            note += f"；协议签订于{date_zh(signed)}，所引文本在该日施行的版本相同"
    return {"as_of": on.isoformat(), "signed": signed.isoformat() if signed else None,
            "differing_sources": differ, "note": note + "。"}


def source_rows(on: date) -> list[dict[str, Any]]:
    """Every source with its version, effective date, successor and whether it is in force ``on``."""
    rows = []
    for key, s in sources().items():
        eff = s.get("effective")
        rows.append({"key": key, "title": s["title"], "kind": s["kind"], "profile": s.get("profile"),
                     "version": s["version"], "effective": str(eff) if eff is not None else None,
                     "replaced_by": s.get("replaced_by"),
                     "until": ends(key).isoformat() if ends(key) else None,
                     "in_force": in_force(key, on), "note": s.get("note")})
    return rows
def kind_rule_title(rule_id: str) -> str | None:
    """Title of a charter / necessity-statement rule (clause_library/kinds/), None if there is none."""
    for kind in DOCUMENT_KINDS:
        for rule in kind_outline(kind).get("rules") or []:
            if rule["id"] == rule_id:
                return rule["title"]
    return None
