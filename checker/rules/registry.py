"""Registry of Python rule checks: ``@rule_impl("RULE_ID")`` binds a function to a YAML envelope."""
from __future__ import annotations

from typing import Callable, Iterable

_IMPLS: dict[str, Callable[..., Iterable]] = {}


def rule_impl(rule_id: str) -> Callable:
    """Register ``func(ctx, rule) -> Iterable[Hit]`` as the check of the rule ``rule_id``."""

    def deco(func: Callable) -> Callable:
        if rule_id in _IMPLS:
            raise ValueError(f"rule {rule_id} registered twice")
        _IMPLS[rule_id] = func
        return func

    return deco


def implementations() -> dict[str, Callable]:
    # Importing the modules runs their @rule_impl decorators.
    from checker.rules import checks  # noqa: F401

    return _IMPLS
