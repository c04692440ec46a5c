"""SECTION_MISSING: a section the profile requires is absent (contracts.md §3), one finding per
section, cited to the reference outline's article of that section (闽科政〔2009〕46号 附件1)."""
from __future__ import annotations

from checker.library import outline
from checker.rules.envelope import Hit
from checker.rules.registry import rule_impl
from checker.rules.suggestions import all_suggestions

# Where each section is required. The national guidance names the substance (国科发政〔2008〕770号 八);
# the outline itself is Fujian's 附件1.
_NATIONAL_BASIS = {
    "goals_tasks": "NAT770 八(二)", "organization": "NAT770 八(三)", "funds": "NAT770 八(四)",
    "ip_benefits": "NAT770 八(五)", "breach": "NAT770 八(五)", "members": "NAT770 八(六)",
}


def _citation(sec: dict) -> str:
    cite = f"FJ46 附件1 {sec['ref']}"
    extra = _NATIONAL_BASIS.get(sec["key"])
    return f"{cite}；{extra}" if extra else cite


def _suggestion(key: str, profile) -> list[str]:
    """The library's wording for a whole section: its entries in order, the first variant of each
    choice (e.g. ip_benefits.new_ip.*), province-only entries only under their province."""
    out, seen_groups = [], set()
    for sid, d in all_suggestions().items():
        if d.get("section") != key or d.get("variant_of"):
            continue
        if d.get("profiles") and not profile.applies(d["profiles"]):
            continue
        group = ".".join(sid.split(".")[:2])
        if sid.count(".") >= 2 or key.startswith("dispute"):
            group = sid.rsplit(".", 1)[0] if sid.count(".") >= 2 else key
            if group in seen_groups:
                continue
            seen_groups.add(group)
        out.append(sid)
    return out


@rule_impl("SECTION_MISSING")
def section_missing(ctx, rule):
    for status in ctx.sections:
        # status.required is False where the reading found the section not needed in this document (a charter
        # whose founding units are named in its signature block: facts/founders.py)
        if status.status != "missing" or not ctx.profile.required.get(status.key, False) or not status.required:
            continue
        sec = next(s for s in outline() if s["key"] == status.key)
        yield Hit(section=status.key, message=f"协议缺少必备内容“{sec['title']}”（参考提纲 {sec['ref']}）。请补充相应条款。",
                  citation=_citation(sec), suggestion=_suggestion(status.key, ctx.profile) or None, evidence="")
