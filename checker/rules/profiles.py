"""Review profiles: national plus one province each. A province ``extends`` national and may
change which sections are required, override severities, ignore rules, and set parameters
(e.g. Tianjin's minimum member count, 津滨科发〔2012〕8号 附件2 第四条（四）)."""
from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from checker.errors import InputError
from checker.library import LIBRARY_DIR, load_yaml, outline

PROFILE_KEYS = ("national", "fujian", "hunan", "tianjin", "sichuan")
DEFAULT_PROFILE = "fujian"


@dataclass
class Profile:
    key: str
    title: str
    chain: list[str]                              # self first, then what it extends
    required: dict[str, bool]                     # section key → required?
    severity: dict[str, str] = field(default_factory=dict)
    ignore: set[str] = field(default_factory=set)
    params: dict[str, Any] = field(default_factory=dict)
    sources: list[str] = field(default_factory=list)

    def applies(self, rule_profiles: list[str]) -> bool:
        return any(p in self.chain for p in rule_profiles)


@lru_cache(maxsize=None)
def load_profile(key: str) -> Profile:
    if key not in PROFILE_KEYS:
        raise InputError(f"未知的审查配置“{key}”：可选 {'、'.join(PROFILE_KEYS)}。")
    data = load_yaml(LIBRARY_DIR / "profiles" / f"{key}.yaml")
    parent = load_profile(data["extends"]) if data.get("extends") else None
    required = dict(parent.required) if parent else {s["key"]: bool(s["required"]) for s in outline()}
    required.update(data.get("required") or {})
    severity = dict(parent.severity) if parent else {}
    severity.update(data.get("severity") or {})
    ignore = set(parent.ignore) if parent else set()
    ignore.update(data.get("ignore") or [])
    params = dict(parent.params) if parent else {}
    params.update(data.get("params") or {})
    sources = (list(parent.sources) if parent else []) + list(data.get("sources") or [])
    return Profile(key=key, title=data["title"], chain=[key] + (parent.chain if parent else []),
                   required=required, severity=severity, ignore=ignore, params=params,
                   sources=sources)
