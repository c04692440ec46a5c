"""Section coverage: each outline section is present, partial (required elements missing, named)
or missing, under the active profile (闽科政〔2009〕46号 附件1 as the reference outline)."""
from __future__ import annotations

from checker.library import outline
from checker.model import Clause, SectionStatus


def coverage(units: list[Clause], profile, full_text: str | None = None) -> list[SectionStatus]:
    out = []
    full_text = full_text if full_text is not None else "\n".join(u.text for u in units)
    for sec in outline():
        key = sec["key"]
        main = [u for u in units if u.section == key]
        secondary = [u for u in units if key in u.also_covers and u.section != key]
        ids = [u.id for u in main + secondary]
        required = bool(profile.required.get(key, sec["required"]))
        if not ids:
            out.append(SectionStatus(key, sec["title"], "missing", [], [], required))
            continue
        text = "\n".join(u.text for u in main + secondary)
        missing = []
        for el in sec.get("elements") or []:
            if el.get("profiles") and not profile.applies(el["profiles"]):
                continue
            hay = full_text if el.get("scope") == "document" else text
            if not any(rx.search(hay) for rx in el["_rx"]):
                missing.append(el["name"])
        out.append(SectionStatus(key, sec["title"], "partial" if missing else "present", ids, missing, required))
    return out


def element(key: str, name: str) -> dict:
    """The outline element ``name`` of section ``key`` (for citations of missing elements)."""
    for sec in outline():
        if sec["key"] == key:
            for el in sec.get("elements") or []:
                if el["name"] == name:
                    return el
    raise KeyError((key, name))
