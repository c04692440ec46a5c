"""Rule documentation generated from the rule envelopes (sqlfluff/ruff style): `alliance-check
explain RULE` prints one rule; `make docs` (python -m checker.docs) writes docs/rules.md, which a
test keeps in sync with the catalogue."""
from __future__ import annotations

import sys
from pathlib import Path

from checker.library import resolve_citation, section_title
from checker.rules.profiles import PROFILE_KEYS, load_profile
from checker.rules.envelope import Rule
from checker.rules.loader import all_rules, rules_for
from checker.rules.suggestions import render

DOCS_PATH = Path(__file__).resolve().parent.parent / "docs" / "rules.md"
SEV_ZH = {"error": "错误", "warning": "警告", "info": "提示"}


def _example(case) -> str:
    text = case.text.strip()
    note = f"（{case.note}）" if case.note else ""
    scope = "整份协议" if case.document else "条款"
    quoted = "\n".join("    " + line for line in text.splitlines())
    return f"{scope}{note}：\n\n{quoted}\n"


def rule_markdown(rule: Rule, level: int = 2) -> str:
    h = "#" * level
    scope = section_title(rule.section) if rule.section else "全文"
    profiles = "、".join(rule.profiles)
    lines = [f'<a id="{rule.id.lower()}"></a>', "", f"{h} {rule.id}：{rule.title}", "",
             f"- 严重程度：{SEV_ZH[rule.severity]}（{rule.severity}）",
             f"- 适用范围：{scope}；适用配置：{profiles}",
             f"- 依据：{resolve_citation(rule.citation)}"]
    if rule.aliases:
        lines.append(f"- 别名：{'、'.join(rule.aliases)}")
    lines += ["", f"{h}# 检查什么", "", rule.message, "", f"{h}# 为什么", "", rule.why or rule.message, ""]
    if rule.fail:
        lines += [f"{h}# 会报告的写法", "", _example(rule.fail[0])]
    if rule.passes:
        lines += [f"{h}# 不会报告的写法", "", _example(rule.passes[0])]
    if rule.suggestion:
        sugg = render(rule.suggestion)
        lines += [f"{h}# 建议条款", "", "\n".join("> " + s for s in sugg.splitlines()), ""]
    return "\n".join(lines).rstrip() + "\n"


def catalogue_markdown() -> str:
    rules = all_rules()
    out = ["# 规则目录", "",
           "本文件由 `make docs`（`python -m checker.docs`）根据 clause_library/rules/*.yaml 自动生成，请勿手工编辑。", "",
           "## 各审查配置适用的规则数", "", "| 配置 | 名称 | 规则数 | 错误 | 警告 | 提示 |", "| --- | --- | --- | --- | --- | --- |"]
    for key in PROFILE_KEYS:
        rs = rules_for(load_profile(key))
        sev = [r.severity for r in rs]
        out.append(f"| {key} | {load_profile(key).title} | {len(rs)} | {sev.count('error')} | "
                   f"{sev.count('warning')} | {sev.count('info')} |")
    out += ["", "## 规则一览", "", "| 规则 | 名称 | 严重程度 | 章节 | 配置 |", "| --- | --- | --- | --- | --- |"]
    for r in rules:
        out.append(f"| [{r.id}](#{r.id.lower()}) | {r.title} | {SEV_ZH[r.severity]} | "
                   f"{section_title(r.section) if r.section else '全文'} | {'、'.join(r.profiles)} |")
    out.append("")
    for r in rules:
        out.append(rule_markdown(r))
    return "\n".join(out)


def main() -> int:
    DOCS_PATH.parent.mkdir(parents=True, exist_ok=True)
    DOCS_PATH.write_text(catalogue_markdown(), encoding="utf-8")
    print(f"已生成 {DOCS_PATH}（{len(all_rules())} 条规则）")
    return 0


if __name__ == "__main__":
    sys.exit(main())
