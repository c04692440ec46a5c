"""Questionnaire validation: each wrong or missing answer is refused with a Chinese message naming the field,
and the profile's rules (Tianjin's member count and enterprise share) are enforced before drafting."""
from __future__ import annotations

import copy
from pathlib import Path

import pytest
import yaml

from checker.cli import main
from checker.draft.questionnaire import load_answers, validate
from checker.errors import InputError
from test_draft_roundtrip import EXAMPLE, answers_for

ROOT = Path(__file__).resolve().parents[2]


def refused(data) -> str:
    with pytest.raises(InputError) as e:
        validate(data)
    return e.value.message


def test_example_file_is_valid_and_defaults_fill_the_rest():
    a = load_answers(ROOT / "clause_library/samples/answers.example.yaml")
    assert a.profile == "fujian" and a.chair.name == "福州启明海洋食品股份有限公司"
    minimal = {k: EXAMPLE[k] for k in ("alliance_name", "members", "dispute")}
    b = validate(minimal)
    assert b.term_years == 5 and b.ip.model == "co_owned" and b.governance.quorum == "三分之二以上"
    assert b.liable == b.chair.name and b.fund_manager == b.host.name


@pytest.mark.parametrize("name", ["海洋食品联盟", "海洋食品产业联盟", "技术创新战略联盟", "食品技术创新战略联盟"])
def test_alliance_name_must_follow_the_naming_format(name):
    a = copy.deepcopy(EXAMPLE)
    a["alliance_name"] = name
    msg = refused(a)
    assert msg.startswith("问卷有误——联盟名称：") and "技术创新战略联盟" in msg


def test_missing_member_fields_are_named():
    a = copy.deepcopy(EXAMPLE)
    del a["members"][2]["domicile"]
    a["members"][3]["legal_rep"] = ""
    msg = refused(a)
    assert "成员第3项·住所地：必须填写" in msg
    assert "成员第4项·法定代表人：不能为空" in msg


def test_member_name_and_type_must_agree():
    a = copy.deepcopy(EXAMPLE)
    a["members"][2]["type"] = "enterprise"          # 福州启明科技大学 declared a company
    assert "成员第3项" in refused(a) and "看起来是“大学”" in refused(a)
    a = copy.deepcopy(EXAMPLE)
    a["members"][0]["name"] = "启明"
    assert "不像单位全称" in refused(a)


def test_roles_need_exactly_one_chair_and_one_host():
    a = copy.deepcopy(EXAMPLE)
    a["members"][1]["roles"] = ["理事长单位"]
    msg = refused(a)
    assert "必须恰好有一家理事长单位（现有 2 家）" in msg and "必须恰好有一家依托单位（现有 0 家）" in msg


def test_needs_an_enterprise_and_a_university_or_institute():
    a = copy.deepcopy(EXAMPLE)
    a["members"] = [m for m in a["members"] if m["type"] == "enterprise"]
    assert "至少要有一家企业和一家大学或科研机构" in refused(a)


def test_forum_is_arbitration_or_court_never_both():
    a = copy.deepcopy(EXAMPLE)
    a["dispute"] = {"forum": "arbitration", "arbitration_commission": "福州仲裁委员会", "court_basis": "defendant"}
    assert "争议解决：已选择仲裁，不能再约定管辖法院" in refused(a)
    a["dispute"] = {"forum": "court", "court_basis": "defendant", "arbitration_commission": "福州仲裁委员会"}
    assert "已选择诉讼，不能再约定仲裁委员会" in refused(a)
    a["dispute"] = {"forum": "arbitration", "arbitration_commission": "当地仲裁机构"}
    assert "不是可确定的仲裁委员会全称" in refused(a)
    a["dispute"] = {"forum": "court"}
    assert "必须选择管辖法院所在地" in refused(a)
    a["dispute"] = {"forum": "court", "court_basis": "signing"}
    a["signing_place"] = None
    assert "签订地点：选择由协议签订地法院管辖时必须写明签订地点" in refused(a)
    a["dispute"] = {"forum": "mediation"}
    assert "争议解决·争议解决方式：取值不在可选范围内" in refused(a)


def test_liable_entity_and_fund_manager_must_be_members():
    a = copy.deepcopy(EXAMPLE)
    a["liability"]["liable_entity"] = "某某集团有限公司"
    a["funds"]["managing_unit"] = "某某银行"
    msg = refused(a)
    assert "对外承担责任的单位：“某某集团有限公司”不是所列成员之一" in msg
    assert "经费管理单位：“某某银行”不是所列成员之一" in msg
    a = copy.deepcopy(EXAMPLE)
    a["liability"]["liable_entity"] = a["members"][2]["name"]
    assert "应与理事长单位" in refused(a)


def test_unknown_questions_and_bad_numbers_are_refused():
    a = copy.deepcopy(EXAMPLE)
    a["colour"] = "blue"
    a["term_years"] = 0
    a["ip"] = {"model": "shared"}
    msg = refused(a)
    assert "colour：不是问卷中的问题" in msg
    assert "协议有效期（年）：数值过小" in msg
    assert "知识产权·新知识产权归属方式：取值不在可选范围内" in msg


def test_tianjin_asks_for_ten_members_and_sixty_percent_enterprises():
    a = copy.deepcopy(EXAMPLE)
    a["profile"] = "tianjin"
    msg = refused(a)
    assert "不少于 10 家（现有 4 家）" in msg
    t = answers_for("tianjin")
    validate(t)                                      # 10 members, 7 enterprises: accepted
    t["members"][6]["name"], t["members"][6]["type"] = "天津滨海海洋研究院", "institute"
    t["members"][5]["name"], t["members"][5]["type"] = "天津滨海海事大学", "university"
    assert "企业成员不低于 60%（现有企业 5 家，占 50%）" in refused(t)
    t = answers_for("tianjin")
    for m in t["members"][:2]:
        m["domicile"] = "天津市南开区卫津路1号"
    t["members"][0]["name"] = "天津南开智造装备股份有限公司"
    t["liability"]["liable_entity"] = t["members"][0]["name"]
    assert "理事长单位应为滨海新区法人" in refused(t)


def test_cli_reports_bad_yaml_and_bad_answers_in_one_chinese_line(tmp_path, capsys):
    bad = tmp_path / "坏.yaml"
    bad.write_text("alliance_name: [未闭合\n", encoding="utf-8")
    assert main(["draft", "--answers", str(bad)]) == 2
    err = capsys.readouterr().err.strip()
    assert err.startswith("alliance-check：问卷文件“坏.yaml”") and "\n" not in err
    wrong = tmp_path / "错.yaml"
    wrong.write_text(yaml.safe_dump({"alliance_name": "海洋食品联盟", "members": [],
                                     "dispute": {"forum": "court"}}, allow_unicode=True), encoding="utf-8")
    assert main(["draft", "--answers", str(wrong)]) == 2
    err = capsys.readouterr().err.strip()
    assert "联盟名称" in err and "成员：至少列出两家成员单位" in err and "\n" not in err
    assert main(["draft", "--answers", str(tmp_path / "无.yaml")]) == 2
    assert "找不到问卷文件" in capsys.readouterr().err


def test_cli_drafts_docx_and_markdown_and_self_checks(tmp_path, capsys):
    out = tmp_path / "协议.docx"
    assert main(["draft", "--answers", str(ROOT / "clause_library/samples/answers.example.yaml"), "-o", str(out)]) == 0
    err = capsys.readouterr().err
    assert out.stat().st_size > 10_000 and "自检（fujian）：0 个错误、0 个警告、0 条提示" in err
    md = tmp_path / "协议.md"
    assert main(["draft", "--answers", str(ROOT / "clause_library/samples/answers.example.yaml"), "-o", str(md),
                 "--no-check"]) == 0
    text = md.read_text(encoding="utf-8")
    assert text.startswith("# 海洋食品产业技术创新战略联盟协议书") and "## 第一章 总则" in text and "### 第一条 联盟名称" in text
