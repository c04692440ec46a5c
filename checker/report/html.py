"""Standalone HTML report in Chinese. Every piece of document text is escaped (html.escape), so
an agreement containing markup cannot inject anything into the page."""
from __future__ import annotations

from html import escape

from checker.library import section_title
from checker.model import Report
from checker.rules.profiles import load_profile
from checker.report.common import (FORMAT_ZH, SEVERITY_ZH, clause_excerpt, grouped_items, legal_basis, rule_title,
                                   seal_lines, section_units)
from checker.report.decided import coverage_counts, decision_line, dismissed_count, kept, severity_counts, status_label
from checker.report.fit import fitted_suggestion
from checker.report.locate import finding_label
from checker.report.reading import warning_lines

CSS = """
body{font-family:"Noto Sans CJK SC","Microsoft YaHei",sans-serif;max-width:1100px;margin:2em auto;color:#222;line-height:1.6}
h1{font-size:1.6em;border-bottom:2px solid #333}h2{margin-top:1.6em;border-bottom:1px solid #ccc}
table{border-collapse:collapse;width:100%}td,th{border:1px solid #ccc;padding:4px 8px;text-align:left;vertical-align:top}
.present{background:#e6f4ea}.partial{background:#fff4d6}.missing{background:#fde2e1}
.sev{display:inline-block;padding:0 6px;border-radius:3px;color:#fff;font-size:.9em}
.error{background:#c62828}.warning{background:#ef8f00}.info{background:#1565c0}
.finding{border:1px solid #ddd;border-left:5px solid #999;padding:.6em 1em;margin:1em 0}
.finding.error{border-left-color:#c62828;background:#fff}.finding.warning{border-left-color:#ef8f00;background:#fff}
.finding.info{border-left-color:#1565c0;background:#fff}
blockquote{white-space:pre-wrap;background:#f6f6f6;margin:.5em 0;padding:.5em 1em;border-left:3px solid #bbb}
blockquote.sugg{background:#eef6ee;border-left-color:#2e7d32}mark{background:#ffe066}
.meta{color:#555}.warn{color:#8a4b00;font-weight:600}.optional{background:#f1f1ef}
.decision{color:#185c22;font-weight:600}
"""


def to_html(report: Report, decisions: dict | None = None) -> str:
    d = report.document
    items = kept(report, decisions)
    s = severity_counts(items)
    cov = coverage_counts(report)
    e = escape
    parts = ["<!DOCTYPE html><html lang='zh-CN'><head><meta charset='utf-8'>",
             f"<title>联盟协议审查报告：{e(d.name)}</title><style>{CSS}</style></head><body>",
             f"<h1>联盟协议审查报告：{e(d.name)}</h1>",
             f"<p class='meta'>{e(FORMAT_ZH.get(d.format, d.format))}，{e(str(d.pages or '—'))} 页，{len(d.text)} 字；"
             f"审查配置：{e(load_profile(report.profile).title)}；SHA-256：<code>{e(d.sha256 or '—')}</code></p>",
             "<h2>概要</h2>",
             f"<p><span class='sev error'>错误 {s['errors']}</span> <span class='sev warning'>警告 {s['warnings']}</span> "
             f"<span class='sev info'>提示 {s['infos']}</span>　必备章节 {cov['required']} 个：完整 {cov['present']}，"
             f"部分缺失 {cov['partial']}，缺失 {cov['missing']}"
             + (f"；可选章节未约定 {cov['optional_absent']}" if cov["optional_absent"] else "") + "</p>"]
    n_dis = dismissed_count(report, decisions)
    if n_dis:
        parts.append(f"<p class='meta'>审查人已驳回 {n_dis} 个问题，未列入本报告。</p>")
    for w in list(d.warnings) + seal_lines(report) + warning_lines(report):
        parts.append(f"<p class='meta warn'>注意：{e(w)}</p>")
    parts.append("<h2>章节覆盖</h2><table><tr><th>章节</th><th>必备</th><th>状态</th><th>条款</th><th>缺失要素</th></tr>")
    for sec in report.sections:
        nums = section_units(report, sec)
        cls = "optional" if status_label(sec) == "未约定" else sec.status
        parts.append(f"<tr class='{cls}'><td>{e(sec.title)}</td><td>{'是' if sec.required else '否'}</td>"
                     f"<td>{status_label(sec)}</td><td>{e(nums)}</td><td>{e('、'.join(sec.missing_elements) or '—')}</td></tr>")
    parts.append("</table>")
    if report.kind_sections:        # a charter / necessity statement: its own outline as well
        parts.append("<h2>按本类文件提纲的覆盖</h2><table><tr><th>部分</th><th>必备</th><th>状态</th><th>缺失要素</th></tr>")
        for sec in report.kind_sections:
            parts.append(f"<tr class='{sec.status}'><td>{e(sec.title)}</td><td>{'是' if sec.required else '否'}</td>"
                         f"<td>{status_label(sec)}</td><td>{e('、'.join(sec.missing_elements) or '—')}</td></tr>")
        parts.append("</table>")
    parts.append("<h2>问题清单</h2>")
    if not items:
        parts.append("<p>未发现问题。</p>")
    for key, group in grouped_items(items):
        parts.append(f"<h3>{e(section_title(key) if key else '全文')}</h3>")
        for f, dec in group:
            where = finding_label(report, f)
            parts.append(f"<div class='finding {f.severity}'><p><span class='sev {f.severity}'>{SEVERITY_ZH[f.severity]}</span> "
                         f"<b>{e(rule_title(f.rule))}</b> <code>{e(f.rule)}</code>　<span class='meta'>{e(where)}</span></p>"
                         f"<p>{e(f.message)}</p><p class='meta'>依据：{e(f.citation)}</p>")
            if dec:
                parts.append(f"<p class='decision'>审查结论：{e(decision_line(dec))}</p>")
            excerpt, rel = clause_excerpt(report, f)
            if excerpt:
                if rel:
                    body = e(excerpt[:rel[0]]) + "<mark>" + e(excerpt[rel[0]:rel[1]]) + "</mark>" + e(excerpt[rel[1]:])
                else:
                    body = e(excerpt)
                parts.append(f"<blockquote>{body}</blockquote>")
            sugg = fitted_suggestion(report, f)
            if sugg:
                parts.append(f"<p>建议条款：</p><blockquote class='sugg'>{e(sugg)}</blockquote>")
            parts.append("</div>")
    parts.append(f"<footer class='meta'><hr>{e(legal_basis(report)['note'])}</footer>")
    parts.append("</body></html>")
    return "\n".join(parts)
