"""Filing packages: required documents per profile and each cross-document check (name, members,
governance bodies, liable entity, funds management)."""
from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))
from batch_samples import ALLIANCE, MEMBERS, agreement, charter, necessity  # noqa: E402

from checker.batch.collect import Item  # noqa: E402
from checker.batch.job import run_items  # noqa: E402


def _package(docs: dict[str, str], profile: str = "fujian", extra: tuple[str, ...] = ()):
    items = [Item(name=f"包/{n}", package="包", data=t.encode("utf-8")) for n, t in docs.items()]
    items += [Item(name=f"包/{n}", package="包", data=b"\x89PNG fake image") for n in extra]
    out = run_items(items, profile, jobs=1, save=False)
    assert len(out.packages) == 1
    return out.packages[0]


def _rules(pkg):
    return {f["rule"]: f for f in pkg["cross_checks"]}


@pytest.mark.parametrize("profile,present,missing", [
    ("fujian", {"协议书.txt": agreement(), "章程.txt": charter()}, ["试点工作方案"]),
    ("sichuan", {"协议书.txt": agreement(), "组建必要性的说明.txt": necessity()}, ["申请表 / 备案申请表"]),
    ("national", {"协议书.txt": agreement()}, []),
    ("tianjin", {"协议书.txt": agreement(), "章程.txt": charter(), "必要性.txt": necessity()},
     ["申请表 / 备案申请表", "理事长单位和依托单位的营业执照、法人证书"]),
])
def test_completeness_per_profile(profile, present, missing):
    pkg = _package(present, profile)
    assert pkg["missing"] == missing and pkg["complete"] == (not missing)
    assert pkg["citation"]


def test_forms_work_plans_and_licences_are_recognised_by_title_or_name():
    form = "四川省产业技术创新联盟备案申请表\n联盟名称：四川某某产业技术创新联盟\n"
    plan = "福建省某某产业技术创新战略联盟试点工作方案\n一、成员情况\n"
    pkg = _package({"协议书.txt": agreement(), "备案申请表.txt": form, "必要性.txt": necessity()}, "sichuan")
    assert pkg["complete"]
    pkg = _package({"协议书.txt": agreement(), "章程.txt": charter(), "方案.txt": plan}, "fujian")
    assert pkg["complete"]
    pkg = _package({"协议书.txt": agreement(), "章程.txt": charter(), "必要性.txt": necessity(),
                    "申请表.txt": "天津滨海新区产业技术创新战略联盟试点申请表\n联盟名称：某某联盟\n"},
                   "tianjin", extra=("理事长单位营业执照.png",))
    assert pkg["complete"], pkg["missing"]


def test_consistent_package_has_no_cross_findings():
    pkg = _package({"协议书.txt": agreement(), "章程.txt": charter(), "必要性.txt": necessity()})
    assert pkg["cross_checks"] == []


def test_alliance_name_mismatch():
    other = "福建省海洋智能装备产业技术创新战略联盟"
    pkg = _package({"协议书.txt": agreement(), "章程.txt": charter(name=other), "必要性.txt": necessity()})
    f = _rules(pkg)["PACKAGE_ALLIANCE_NAME_MISMATCH"]
    assert other in f["message"] and ALLIANCE in f["message"] and f["severity"] == "error"


def test_member_list_mismatch():
    pkg = _package({"协议书.txt": agreement(), "章程.txt": charter(members=MEMBERS[:3] + ["福建东南检测技术有限公司"])})
    f = _rules(pkg)["PACKAGE_MEMBERS_MISMATCH"]
    assert "福建省海洋装备研究院" in f["message"] and "福建东南检测技术有限公司" in f["message"]


def test_necessity_statement_leaving_out_members():
    pkg = _package({"协议书.txt": agreement(), "必要性.txt": necessity(members=MEMBERS[:2])})
    f = _rules(pkg)["PACKAGE_NECESSITY_MEMBERS_INCOMPLETE"]
    assert "闽江海洋大学" in f["message"]


def test_governance_bodies_mismatch():
    pkg = _package({"协议书.txt": agreement(), "章程.txt": charter(bodies="理事会和秘书处")})
    f = _rules(pkg)["PACKAGE_GOVERNANCE_MISMATCH"]
    assert "专家委员会" in f["message"]


def test_liable_entity_mismatch():
    pkg = _package({"协议书.txt": agreement(), "章程.txt": charter(liable="闽江海洋大学")})
    f = _rules(pkg)["PACKAGE_LIABLE_ENTITY_MISMATCH"]
    assert "闽江海洋大学" in f["message"] and MEMBERS[0] in f["message"]


def test_funds_management_mismatch():
    pkg = _package({"协议书.txt": agreement(), "章程.txt": charter(funds_by="理事长单位福建海峡船舶装备有限公司")})
    f = _rules(pkg)["PACKAGE_FUNDS_MANAGEMENT_MISMATCH"]
    assert "福建海峡船舶装备有限公司" in f["message"]
