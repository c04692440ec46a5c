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

# The severity policy every rule follows (issue 12 §6; docs/legal_audit_answers.md applies it row by row).
SEVERITY_POLICY = [
    "## 严重程度的标准", "",
    "- **错误（error）**：只用于两种情形——违反了对本配置有约束力的政策要求（如国科发政〔2008〕770号 八、本省文件的强制条件），"
    "或者条款依所引条文无效、很可能无效（如或裁或诉的仲裁约定、选定的仲裁机构不存在、核心卡特尔条款）。",
    "- **警告（warning）**：实质风险（条款有效但可能使成员承担不利后果，如合伙连带责任风险、先裁后诉“可能无效”以外的管辖落空），"
    "或者缺少政策文件规定“应当/需”约定的要素（如成员投入的方式和比例）。",
    "- **提示（info）**：编写建议——法律已有默认规则、条款不写也不影响效力的（如不可抗力的通知和证明义务、没有选择仲裁或诉讼时的法定管辖），"
    "政策文件只以“可约定”“如”举例的写法，以及在本配置下只能参照福建《协议书编写参考》的内容。", "",
]
CITATION_POLICY = [
    "## 引用的范围和版本", "",
    "- 每个审查配置只引用适用于它的文件：全国通用配置引用国家文件和法律；省级配置先引用本省文件，再引用国家文件和法律，不引用其他省份的文件。",
    "  某项发现在本配置下只能以福建《产业技术创新战略联盟协议书编写参考》（闽科政〔2009〕46号 附件1）为依据时，依据写作“参照闽科政〔2009〕46号 附件1 编写参考”，"
    "严重程度降为提示。下文各规则列出的是目录中的全部依据，报告中的依据按配置筛选。",
    "- 报告引用审查日施行的版本；协议写明签订日期且两日施行的版本不同的，两个版本都注明（如《仲裁法》2017年修正文本自2026年3月1日起由2025年修订文本取代）。"
    "各来源的版本和施行日期见 `alliance-check sources`，报告末尾注明“法律依据截至……”。", "",
]


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
           *SEVERITY_POLICY, *CITATION_POLICY,
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
