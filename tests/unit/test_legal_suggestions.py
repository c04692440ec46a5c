"""Every suggested clause that a legal or mechanical rule proposes must itself pass all of those rules
(run as one clause of the suggestion's section), and its placeholders must be known."""
import pytest

from checker.rules.suggestions import all_suggestions, render
from test_legal_helpers import context, rules_of
from checker.rules.runner import run_rules

RULES = list(rules_of("legal.yaml").values()) + list(rules_of("mechanical.yaml").values())
# Rules that judge a whole agreement (a missing clause elsewhere), not the wording of one clause.
WHOLE_DOCUMENT = {"TERM_MISSING", "RD_FAILURE_RISK", "CONFIDENTIALITY_GAPS", "IP_STATUTORY_DEFAULT_GAP"}
SUGGESTED = sorted({r.suggestion for r in RULES if r.suggestion})


@pytest.mark.parametrize("sid", SUGGESTED)
def test_suggestion_passes_every_legal_rule(sid):
    s = all_suggestions()[sid]
    text = render(sid, {"alliance_name": "某某产业技术创新战略联盟", "chair": "甲方", "host": "甲方"})
    ctx = context((s["section"], text))
    found = [f for f in run_rules(ctx, [r for r in RULES if r.id not in WHOLE_DOCUMENT])]
    assert not found, [(f.rule, f.evidence) for f in found]


def test_whole_document_rules_pass_on_their_own_suggestions():
    by_id = {r.id: r for r in RULES}
    for rid in WHOLE_DOCUMENT:
        r = by_id[rid]
        s = all_suggestions()[r.suggestion]
        ctx = context((s["section"], render(r.suggestion, {"chair": "甲方"})))
        assert not run_rules(ctx, [r]), rid
