"""A profile cites only what applies to it (issue 12 §5): under `national` no finding cites a provincial
document as a requirement — a finding resting only on the Fujian outline says "参照… 编写参考" and is
advice (info); a province profile cites its own document first."""
import re

import pytest

from checker.library import cite_for_profile, resolve_citation, sources
from checker.rules.cases import run_case
from checker.rules.envelope import Case
from checker.rules.loader import all_rules, rules_for
from checker.rules.profiles import load_profile

PROVINCIAL = [s["title"].split("《")[0] or s["title"] for k, s in sources().items()
              if s["kind"] == "policy" and s.get("profile") not in (None, "national")]
PROVINCIAL_NUMBERS = ["闽科政〔2009〕46号", "湘科〔2016〕106号", "津滨科发〔2012〕8号", "四川省产业技术创新战略联盟备案"]


def _provincial_requirement(citation: str) -> bool:
    for part in citation.split("；"):
        if any(n in part for n in PROVINCIAL_NUMBERS) and not part.startswith("参照"):
            return True
    return False


def test_no_national_finding_cites_a_provincial_document_as_a_requirement():
    national = load_profile("national")
    checked = 0
    for rule in rules_for(national):
        for case in rule.fail:
            if case.document:
                continue
            for f in run_case(rule, Case(text=case.text, section=case.section, profile="national")):
                checked += 1
                assert not _provincial_requirement(f.citation), f"{rule.id}: {f.citation}"
                if "参照" in f.citation and not re.search(r"国科发|中华人民共和国|最高人民法院|条例|规定", f.citation):
                    assert f.severity == "info", f"{rule.id} rests on the Fujian outline only but is {f.severity}"
    assert checked > 50


def test_outline_only_finding_is_reference_advice_under_national():
    cite, advisory = cite_for_profile("FJ46 附件1 四.5", ["national"])
    assert advisory and resolve_citation(cite) == "参照闽科政〔2009〕46号 附件1 编写参考 四.5"
    cite, advisory = cite_for_profile("FJ46 附件1 四.10；CPL 第二十四条", ["national"])
    assert not advisory and "FJ46" not in cite


def test_province_profile_cites_its_own_document_first():
    cite, advisory = cite_for_profile("NAT770 八(二)；FJ46 附件1 四.2；TJ8 第四条（六）", ["tianjin", "national"])
    assert not advisory and cite == "TJ8 第四条（六）；NAT770 八(二)"
    cite, _ = cite_for_profile("NAT770 八(二)；FJ46 附件1 四.2；TJ8 第四条（六）", ["fujian", "national"])
    assert cite.startswith("FJ46") and "TJ8" not in cite


@pytest.mark.parametrize("profile", ["hunan", "tianjin", "sichuan"])
def test_province_findings_never_cite_another_province(profile):
    prof = load_profile(profile)
    others = [n for n in PROVINCIAL_NUMBERS if n not in resolve_citation(";".join(prof.sources))]
    for rule in rules_for(prof):
        for case in rule.fail[:1]:
            if case.document:
                continue
            for f in run_case(rule, Case(text=case.text, section=case.section, profile=profile)):
                for part in f.citation.split("；"):
                    if any(n in part for n in others):
                        assert part.startswith("参照") and f.severity in ("info",) or re.search(
                            r"国科发|中华人民共和国|最高人民法院", f.citation), f"{rule.id}: {f.citation}"
