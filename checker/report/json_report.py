"""JSON report, schema alliance-check/1 (contracts.md §3)."""
from __future__ import annotations

import json

from checker.model import Report
from checker.report.common import legal_basis


def to_json(report: Report) -> str:
    data = report.to_dict()
    data["legal_basis"] = legal_basis(report)      # additive: "法律依据截至 …" (contracts.md §3)
    return json.dumps(data, ensure_ascii=False, indent=2)
