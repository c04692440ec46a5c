"""Readable Markdown report in Chinese: summary, section coverage table, findings by section —
dismissed findings left out, decided ones with reviewer, date and note (issue 13 §6)."""
from __future__ import annotations

from checker.library import section_title
from checker.model import Report
from checker.rules.profiles import load_profile
from checker.report.common import (FORMAT_ZH, SEVERITY_ZH, clause_excerpt, grouped_items, legal_basis, rule_title,
                                   seal_lines, section_units)
from checker.report.decided import coverage_counts, decision_line, dismissed_count, kept, severity_counts, status_label
from checker.report.fit import fitted_suggestion
from checker.report.locate import finding_label
from checker.report.reading import warning_lines


def _md_escape(s: str) -> str:
    return s.replace("|", "｜").replace("\n", " ")


def to_markdown(report: Report, decisions: dict | None = None) -> str:
    d = report.document
    items = kept(report, decisions)
    s = severity_counts(items)
    cov = coverage_counts(report)
    out = [f"# 联盟协议审查报告：{d.name}", ""]
    out += [f"- 文件：{d.name}（{FORMAT_ZH.get(d.format, d.format)}，{d.pages or '—'} 页，{len(d.text)} 字）",
            f"- 审查配置：{load_profile(report.profile).title}",
            f"- SHA-256：`{d.sha256 or '—'}`", ""]
    out += ["## 概要", "",
            f"共发现 **{s['errors']}** 个错误、**{s['warnings']}** 个警告、**{s['infos']}** 条提示；"
            f"{cov['required']} 个必备章节中完整 {cov['present']} 个、部分缺失 {cov['partial']} 个、缺失 {cov['missing']} 个"
            + (f"；{cov['optional_absent']} 个可选章节未约定" if cov["optional_absent"] else "") + "。", ""]
    n_dis = dismissed_count(report, decisions)
    if n_dis:
        out += [f"审查人已驳回 {n_dis} 个问题，未列入本报告。", ""]
    for w in list(d.warnings) + seal_lines(report) + warning_lines(report):
        out.append(f"> 注意：{w}")
        out.append("")
    out += ["## 章节覆盖", "", "| 章节 | 是否必备 | 状态 | 条款 | 缺失要素 |", "| --- | --- | --- | --- | --- |"]
    for sec in report.sections:
        nums = section_units(report, sec)
        out.append(f"| {sec.title} | {'是' if sec.required else '否'} | {status_label(sec)} | {_md_escape(nums)} | "
                   f"{'、'.join(sec.missing_elements) or '—'} |")
    if report.kind_sections:        # a charter / necessity statement: its own outline as well
        out += ["", "## 按本类文件提纲的覆盖", "", "| 部分 | 是否必备 | 状态 | 缺失要素 |", "| --- | --- | --- | --- |"]
        for sec in report.kind_sections:
            out.append(f"| {sec.title} | {'是' if sec.required else '否'} | {status_label(sec)} | "
                       f"{'、'.join(sec.missing_elements) or '—'} |")
    out += ["", "## 问题清单", ""]
    if not items:
        out += ["未发现问题。", ""]
    for key, group in grouped_items(items):
        out += [f"### {section_title(key) if key else '全文'}", ""]
        for f, dec in group:
            out += [f"#### 【{SEVERITY_ZH[f.severity]}】{rule_title(f.rule)}（{f.rule}）", "",
                    f"- 位置：{finding_label(report, f)}", f"- 说明：{f.message}", f"- 依据：{f.citation}"]
            if dec:
                out.append(f"- 审查结论：{decision_line(dec)}")
            excerpt, rel = clause_excerpt(report, f)
            if excerpt:
                if rel:
                    excerpt = excerpt[:rel[0]] + "**" + excerpt[rel[0]:rel[1]] + "**" + excerpt[rel[1]:]
                out += ["", "> " + excerpt.replace("\n", "\n> ")]
            sugg = fitted_suggestion(report, f)
            if sugg:
                out += ["", "建议条款：", "", "> " + sugg.replace("\n", "\n> ")]
            out.append("")
    out += ["---", "", legal_basis(report)["note"]]
    return "\n".join(out).rstrip() + "\n"
