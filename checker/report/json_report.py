"""JSON report, schema alliance-check/1 (contracts.md §3)."""
from __future__ import annotations

import json

from checker.model import Report


def to_json(report: Report) -> str:
    return json.dumps(report.to_dict(), ensure_ascii=False, indent=2)
