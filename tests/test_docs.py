"""docs/rules.md is generated from the rule envelopes and must stay in sync (run `make docs`)."""
from checker.docs import DOCS_PATH, catalogue_markdown, rule_markdown
from checker.rules.loader import all_rules


def test_rules_doc_in_sync():
    assert DOCS_PATH.read_text(encoding="utf-8") == catalogue_markdown(), "docs/rules.md is stale: run `make docs`"


def test_every_rule_documented_with_examples_and_citation():
    for r in all_rules():
        md = rule_markdown(r)
        assert "依据：" in md and "会报告的写法" in md and "不会报告的写法" in md, r.id
