"""SECTION_MISSING: a section the profile requires is absent (contracts.md §3), one finding per
section, cited to the reference outline's article of that section (闽科政〔2009〕46号 附件1)."""
from __future__ import annotations

from checker.library import outline
from checker.rules.envelope import Hit
from checker.rules.registry import rule_impl
from checker.suggestions import all_suggestions

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


def _suggestion(key: str) -> str | None:
    sugg = all_suggestions()
    if key in sugg:
        return key
    cands = sorted(s for s, d in sugg.items() if d.get("section") == key)
    return cands[0] if cands else None


@rule_impl("SECTION_MISSING")
def section_missing(ctx, rule):
    for status in ctx.sections:
        if status.status != "missing" or not ctx.profile.required.get(status.key, False):
            continue
        sec = next(s for s in outline() if s["key"] == status.key)
        yield Hit(section=status.key, message=f"协议缺少必备内容“{sec['title']}”（参考提纲 {sec['ref']}）。请补充相应条款。",
                  citation=_citation(sec), suggestion=_suggestion(status.key), evidence="")
