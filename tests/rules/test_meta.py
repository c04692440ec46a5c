"""Meta-test of the rule catalogue: every rule has both kinds of example, a citation that
resolves to a known source, a valid section key and an existing suggestion; ids never disappear."""
from pathlib import Path

from checker.library import resolve_citation, section_keys
from checker.rules.loader import all_rules
from checker.rules.suggestions import all_suggestions

KNOWN_IDS = Path(__file__).with_name("known_rule_ids.txt")
CONTRACT_IDS = {"SECTION_MISSING", "DISPUTE_BOTH_FORUMS", "DISPUTE_NO_FORUM", "ARBITRATION_NO_INSTITUTION",
                "PARTY_INFO_INCOMPLETE", "PARTY_NAME_MISMATCH", "SIGNATURE_FORMALITY",
                "LIABLE_ENTITY_MISSING"}


def test_every_rule_has_fail_and_pass_examples():
    bad = [r.id for r in all_rules() if not r.fail or not r.passes]
    assert not bad, f"rules without both a failing and a passing example: {bad}"


def test_citations_sections_and_suggestions_resolve():
    sugg = all_suggestions()
    for r in all_rules():
        assert resolve_citation(r.citation)
        assert r.section is None or r.section in section_keys()
        assert r.suggestion is None or r.suggestion in sugg, f"{r.id}: suggestion {r.suggestion} missing"
        assert r.title and r.message and r.why, f"{r.id}: title/message/why required"


def test_contract_rule_ids_exist():
    ids = {r.id for r in all_rules()}
    assert CONTRACT_IDS <= ids, CONTRACT_IDS - ids


def test_rule_ids_never_disappear():
    ids = {r.id for r in all_rules()} | {a for r in all_rules() for a in r.aliases}
    known = {l.strip() for l in KNOWN_IDS.read_text(encoding="utf-8").splitlines() if l.strip()}
    assert known <= ids, f"rule ids removed: {sorted(known - ids)}"
