"""Readable Markdown report in Chinese: summary, section coverage table, findings by section."""
from __future__ import annotations

from checker.library import section_title
from checker.model import Report
from checker.rules.profiles import load_profile
from checker.report.common import (FORMAT_ZH, SEVERITY_ZH, STATUS_ZH, clause_excerpt, clause_label, grouped,
                                   legal_basis, location_text, rule_title, seal_lines, section_units)


def _md_escape(s: str) -> str:
    return s.replace("|", "｜").replace("\n", " ")


def to_markdown(report: Report) -> str:
    d = report.document
    s = report.summary()
    out = [f"# 联盟协议审查报告：{d.name}", ""]
    out += [f"- 文件：{d.name}（{FORMAT_ZH.get(d.format, d.format)}，{d.pages or '—'} 页，{len(d.text)} 字）",
            f"- 审查配置：{load_profile(report.profile).title}",
            f"- SHA-256：`{d.sha256 or '—'}`", ""]
    out += ["## 概要", "",
            f"共发现 **{s['errors']}** 个错误、**{s['warnings']}** 个警告、**{s['infos']}** 条提示；"
            f"参考提纲章节完整 {s['sections_present']} 个、部分缺失 {s['sections_partial']} 个、缺失 {s['sections_missing']} 个。", ""]
    for w in d.warnings + seal_lines(report):
        out.append(f"> 注意：{w}")
    out += ["## 章节覆盖", "", "| 章节 | 是否必备 | 状态 | 条款 | 缺失要素 |", "| --- | --- | --- | --- | --- |"]
    for sec in report.sections:
        nums = section_units(report, sec)
        out.append(f"| {sec.title} | {'是' if sec.required else '否'} | {STATUS_ZH[sec.status]} | {_md_escape(nums)} | "
                   f"{'、'.join(sec.missing_elements) or '—'} |")
    out += ["", "## 问题清单", ""]
    if not report.findings:
        out += ["未发现问题。", ""]
    for key, findings in grouped(report):
        out += [f"### {section_title(key) if key else '全文'}", ""]
        for f in findings:
            where = " ".join(x for x in (clause_label(report, f), location_text(f)) if x)
            out += [f"#### 【{SEVERITY_ZH[f.severity]}】{rule_title(f.rule)}（{f.rule}）", "",
                    f"- 位置：{where}", f"- 说明：{f.message}", f"- 依据：{f.citation}"]
            excerpt, rel = clause_excerpt(report, f)
            if excerpt:
                if rel:
                    excerpt = excerpt[:rel[0]] + "**" + excerpt[rel[0]:rel[1]] + "**" + excerpt[rel[1]:]
                out += ["", "> " + excerpt.replace("\n", "\n> ")]
            if f.suggestion:
                out += ["", "建议条款：", "", "> " + f.suggestion.replace("\n", "\n> ")]
            out.append("")
    out += ["---", "", legal_basis(report)["note"]]
    return "\n".join(out).rstrip() + "\n"
