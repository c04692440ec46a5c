"""Every rule's failing examples must fire it and its passing examples must not (sqlfluff-style)."""
import pytest

from checker.engine import check
from checker.rules.cases import run_case
from checker.rules.loader import all_rules

FAIL = [(r.id, i, c) for r in all_rules() for i, c in enumerate(r.fail)]
PASS = [(r.id, i, c) for r in all_rules() for i, c in enumerate(r.passes)]
RULES = {r.id: r for r in all_rules()}


@pytest.mark.parametrize("rule_id,i,case", FAIL, ids=[f"{r}-fail{i}" for r, i, _ in FAIL])
def test_failing_example_fires(rule_id, i, case):
    found = run_case(RULES[rule_id], case, check)
    assert found, f"{rule_id} did not fire on: {case.text[:120]}"


@pytest.mark.parametrize("rule_id,i,case", PASS, ids=[f"{r}-pass{i}" for r, i, _ in PASS])
def test_passing_example_is_quiet(rule_id, i, case):
    found = run_case(RULES[rule_id], case, check)
    assert not found, f"{rule_id} fired on a passing example: {[f.evidence for f in found]}"
