"""The one envelope every rule shares (id, section, severity, message, citation, suggestion, examples).

Rules are data in clause_library/rules/*.yaml (Vale/sqlfluff style). A rule of kind ``function``
gets its check from a registered Python function (registry.py); every other kind is a built-in
rule kind (kinds.py). Both yield ``Hit``s that the engine wraps into ``Finding``s.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Callable

from checker.model import Clause

SEVERITIES = ("error", "warning", "info")


@dataclass
class Case:
    """One failing or passing example of a rule.

    ``text`` is a clause (run as one clause of ``section``, default the rule's own) or, with
    ``document: true``, a whole agreement run through the full engine.
    """

    text: str
    section: str | None = None
    profile: str | None = None
    document: bool = False
    note: str | None = None


@dataclass
class Rule:
    id: str
    title: str                      # 简短中文名称
    kind: str                       # function | pattern | require
    section: str | None             # outline key the rule looks at (None: whole document)
    severity: str
    profiles: list[str]             # profiles introducing the rule; 'national' reaches every profile
    message: str                    # 中文说明（发现时显示）
    why: str                        # 为什么：法律/政策理由
    citation: str                   # source keys, e.g. "FJ46 附件1 四.10；ARBJI 第七条"
    suggestion: str | None          # id of a suggestion in clause_library/suggestions/
    fail: list[Case] = field(default_factory=list)
    passes: list[Case] = field(default_factory=list)
    aliases: list[str] = field(default_factory=list)
    params: dict[str, Any] = field(default_factory=dict)
    func: Callable[..., Any] | None = None
    source_file: str = ""


@dataclass
class Hit:
    """What a rule check yields: where and why. Message/severity override the envelope's if set."""

    clause: Clause | None = None
    span: tuple[int, int] | None = None
    evidence: str = ""
    message: str | None = None
    severity: str | None = None
    section: str | None = None
    citation: str | None = None     # source-key citation overriding the envelope's (e.g. per section)
    suggestion: str | list[str] | None = None   # suggestion id(s) overriding the envelope's
    suggestion_fill: dict[str, str] = field(default_factory=dict)
