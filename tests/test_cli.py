"""CLI contract (contracts.md §2): subcommands, formats, exit codes, Chinese one-line errors."""
import json
import subprocess
import sys
from pathlib import Path

import pytest

FIXTURE = Path("tests/fixtures/complete_agreement.txt")


def run(*args, stdin=None):
    return subprocess.run([sys.executable, "-m", "checker", *args], capture_output=True, text=True,
                          input=stdin, timeout=120)


def test_check_json_clean_agreement_exits_0():
    r = run("check", str(FIXTURE), "--format", "json")
    assert r.returncode == 0, r.stderr
    rep = json.loads(r.stdout)
    assert rep["schema"] == "alliance-check/1" and rep["profile"] == "fujian"
    assert rep["source"]["name"] == FIXTURE.name and rep["source"]["chars"] > 1000
    assert {"clauses", "sections", "findings", "summary"} <= set(rep)
    assert not [f for f in rep["findings"] if f["severity"] == "error"]


def test_check_with_error_exits_1(tmp_path):
    text = FIXTURE.read_text(encoding="utf-8").replace(
        "提交福州仲裁委员会仲裁。仲裁裁决是终局的，对各方均有约束力。",
        "可以向福州仲裁委员会申请仲裁，也可以向甲方所在地人民法院提起诉讼。")
    bad = tmp_path / "有缺陷的协议.txt"
    bad.write_text(text, encoding="utf-8")
    r = run("check", str(bad), "--format", "json", "--profile", "national")
    assert r.returncode == 1
    rules = {f["rule"] for f in json.loads(r.stdout)["findings"]}
    assert "DISPUTE_BOTH_FORUMS" in rules


def test_unusable_input_exits_2_with_one_chinese_line(tmp_path):
    for args in (["check", str(tmp_path / "不存在.docx")], ["check", str(FIXTURE), "--profile", "beijing"],
                 ["explain", "NO_SUCH_RULE"], ["frobnicate"]):
        r = run(*args)
        assert r.returncode == 2, args
        assert "Traceback" not in r.stderr and r.stderr.count("\n") == 1, r.stderr
        assert any("\u4e00" <= ch <= "\u9fff" for ch in r.stderr)


def test_markdown_and_html_outputs(tmp_path):
    out = tmp_path / "r.html"
    r = run("check", str(FIXTURE), "--format", "html", "-o", str(out))
    assert r.returncode == 0 and out.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
    r = run("check", str(FIXTURE), "--format", "markdown")
    assert "## 章节覆盖" in r.stdout and "联盟协议审查报告" in r.stdout


def test_classify_jsonl_roundtrip():
    lines = [{"id": "a", "text": "因履行本协议发生的争议，提交福州仲裁委员会仲裁。"},
             {"id": "b", "text": "联盟经费来源于成员单位投入和政府资助，实行专账管理。"}]
    r = run("classify", "-", stdin="\n".join(json.dumps(x, ensure_ascii=False) for x in lines))
    assert r.returncode == 0, r.stderr
    out = [json.loads(l) for l in r.stdout.splitlines()]
    assert [o["id"] for o in out] == ["a", "b"]
    assert out[0]["section"] == "dispute_resolution" and out[1]["section"] == "funds"
    assert all(0 <= o["confidence"] <= 1 for o in out)


def test_rules_and_explain():
    r = run("rules", "--profile", "fujian")
    assert r.returncode == 0 and "DISPUTE_BOTH_FORUMS" in r.stdout
    r = run("explain", "DISPUTE_BOTH_FORUMS")
    assert r.returncode == 0 and "为什么" in r.stdout and "依据" in r.stdout
