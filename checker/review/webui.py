"""HTML fragments for the review page (app.py): highlighted clauses, clause-vs-suggestion diff,
coverage table rows. Pure functions, every piece of document text HTML-escaped, so they are
testable without Streamlit and an agreement can never inject markup into the page."""
from __future__ import annotations

import difflib
import html
from typing import Any

from checker.library import section_title

SEVERITY_ZH = {"error": "错误", "warning": "警告", "info": "提示"}
SEVERITY_ICON = {"error": ":material/error:", "warning": ":material/warning:", "info": ":material/info:"}
SEVERITY_MD = {"error": ":red[**错误**]", "warning": ":orange[**警告**]", "info": ":blue[**提示**]"}
SEVERITY_ORDER = {"error": 0, "warning": 1, "info": 2}
STATUS_ZH = {"present": "完整", "partial": "部分缺失", "missing": "缺失"}
STATUS_COLOR = {"present": "#d7f0dc", "partial": "#fff1c2", "missing": "#f9d0cc", "optional": "#ececea"}
DECISION_ZH = {None: "未处理", "accepted": "已确认", "dismissed": "已驳回"}

# A finding's "在全文中定位" link points at #span-<key> (its marked span) or #clause-<id> inside the
# 协议全文 tab, which is hidden while another tab is open: switch to that tab first, then scroll the
# target into view.
JUMP_JS = """
<script>
(function(){
  const d = document;
  if (d.__acJump) return; d.__acJump = true;
  d.addEventListener('click', function(e){
    const a = e.target.closest && e.target.closest('a[href^="#clause-"], a[href^="#span-"]');
    if (!a) return;
    e.preventDefault();
    const id = a.getAttribute('href').slice(1);
    const tab = Array.from(d.querySelectorAll('[role="tab"]')).find(b => b.innerText.trim() === '协议全文');
    if (tab) tab.click();
    setTimeout(function(){
      const el = d.getElementById(id);
      if (!el) return;
      el.scrollIntoView({block: 'center'});
      el.classList.add('ac-flash'); setTimeout(function(){ el.classList.remove('ac-flash'); }, 2500);
    }, 300);
  }, true);
  /* printing: every finding expanded (closed details do not print their content) */
  window.addEventListener('beforeprint', function(){
    d.querySelectorAll('details').forEach(function(x){ x.setAttribute('open', ''); });
  });
})();
</script>
"""

CSS = """
<style>
.ac-clause{font-family:"Noto Serif CJK SC","Songti SC",SimSun,serif;line-height:1.9;font-size:1.02rem;
  background:#fafaf7;border-left:4px solid #b8b8b0;padding:.6rem .9rem;margin:.3rem 0 .6rem 0;
  white-space:pre-wrap;border-radius:4px}
.ac-flash{outline:3px solid #e0a800;outline-offset:2px}
.ac-clause mark{background:#ffe08a;padding:0 .1rem;border-bottom:2px solid #e0a800}
.ac-num{font-weight:700;margin-right:.4rem}
.ac-tag{display:inline-block;font-size:.75rem;padding:0 .45rem;border-radius:.6rem;background:#e8eef7;
  color:#2c4a7a;margin-left:.4rem;vertical-align:middle;font-family:sans-serif}
.ac-badge{display:inline-block;font-size:.75rem;padding:0 .45rem;border-radius:.6rem;margin-left:.3rem;
  font-family:sans-serif;text-decoration:none}
.ac-error{background:#f9d0cc;color:#8a1c12}.ac-warning{background:#fde3b5;color:#7a4b00}
.ac-info{background:#d6e6fa;color:#1d4a86}
.ac-diff{width:100%;border-collapse:collapse;table-layout:fixed;font-size:.95rem;line-height:1.8}
.ac-diff th{background:#f0f0ec;text-align:left;padding:.3rem .6rem;font-weight:600}
.ac-diff td{vertical-align:top;padding:.4rem .6rem;border:1px solid #e3e3dd;white-space:pre-wrap;
  font-family:"Noto Serif CJK SC",SimSun,serif}
.ac-diff del{background:#fbd3cf;text-decoration:line-through;color:#8a1c12}
.ac-diff ins{background:#cdeccf;text-decoration:none;color:#185c22}
.ac-meta{color:#555;font-size:.92rem;margin:.2rem 0 .6rem 0}
.ac-cov{width:100%;border-collapse:collapse;font-size:.9rem;table-layout:fixed}
.ac-cov th{background:#f0f0ec;text-align:left;padding:.35rem .5rem;font-weight:600;white-space:nowrap}
.ac-cov td{padding:.3rem .5rem;border-bottom:1px solid #e6e6e0;vertical-align:top}
.ac-cov td.c{text-align:center;white-space:nowrap}
.ac-sub{color:#777;font-size:.78rem;line-height:1.3;white-space:normal}
.ac-count td{padding:.25rem .5rem;border-bottom:1px solid #eee}
.ac-count td.n{text-align:right;font-weight:600;width:3rem}
.ac-chip{display:inline-block;padding:0 .5rem;border-radius:.7rem;white-space:nowrap;font-size:.85rem}
.ac-gap{margin:.25rem 0 .5rem 0;padding:.4rem .7rem;border-radius:4px;font-size:.95rem}
.ac-ins{background:#eef8ee;border-left:4px solid #2e7d32;padding:.5rem .9rem;white-space:pre-wrap;
  font-family:"Noto Serif CJK SC",SimSun,serif;line-height:1.8;border-radius:4px}
.ac-ins ins{text-decoration:none;color:#185c22}
.ac-full{font-family:"Noto Serif CJK SC","Songti SC",SimSun,serif;line-height:1.9;font-size:1.02rem;white-space:pre-wrap}
.ac-full .ac-cl{border-left:3px solid #d8d8d0;padding:.1rem .7rem;margin:.15rem 0;display:block}
.ac-full .ac-gaptext{color:#444;border-left:3px dashed #e0a800;padding:.1rem .7rem;display:block}
.ac-loc{display:inline-block;font-size:.72rem;color:#666;font-family:sans-serif;margin-left:.4rem}
.ac-doubt{outline:2px dashed #c77700}
.ac-hit{background:#cde3ff}
.ac-upload-note{font-size:.78rem;color:#666;margin:-.6rem 0 .6rem 0}
/* Streamlit's uploader speaks English; its own words are hidden and Chinese ones shown instead */
[data-testid="stFileUploaderDropzoneInstructions"] span,
[data-testid="stFileUploaderDropzoneInstructions"] small{display:none !important}
[data-testid="stFileUploaderDropzoneInstructions"] > div::after{content:"将文件拖放到此处";font-size:.85rem}
[data-testid="stFileUploaderDropzone"] button [data-testid="stMarkdownContainer"]{display:none !important}
[data-testid="stFileUploaderDropzone"] button > div > span::after{content:"选择文件";font-size:.9rem}
[data-testid="InputInstructions"]{display:none}
[data-testid="stStatusWidget"]{display:none}   /* "Running…"/"Stop": the page shows its own Chinese progress */
/* compact header so the first finding fits a 1366×768 screen */
[data-testid="stMainBlockContainer"]{padding-top:3.2rem;padding-bottom:2rem}
[data-testid="stMetric"]{padding:0}
[data-testid="stMetricValue"]{font-size:1.5rem;line-height:1.2}
h1{font-size:1.75rem !important;padding-top:.2rem !important;padding-bottom:.1rem !important}
@media print{
  [data-testid="stSidebar"],[data-testid="stHeader"],[data-testid="stToolbar"],header,
  [data-testid="stSidebarCollapsedControl"],[data-testid="stTopNavLinkContainer"],
  .stButton,.stDownloadButton,.stFormSubmitButton,[data-testid="stForm"],[data-testid="stPopover"],
  [data-testid="stTextInput"],[data-testid="stMultiSelect"],[data-testid="stSelectbox"],
  [data-testid="stRadio"],[data-testid="stFileUploader"],[data-baseweb="tab-list"],
  [data-testid="stStatusWidget"],.ac-jump,[data-testid="stDecoration"]{display:none !important}
  details::details-content{content-visibility:visible !important;display:block !important;height:auto !important}
  [data-testid="stExpanderDetails"],details > div{display:block !important;height:auto !important;visibility:visible !important;
    opacity:1 !important}
  details{border:1px solid #ccc !important}
  [data-testid="stMainBlockContainer"]{padding:0 !important;max-width:100% !important}
  [data-testid="stMain"]{overflow:visible !important}
  .ac-clause,.ac-diff,.ac-ins{break-inside:avoid}
}
</style>
"""


def esc(s: str | None) -> str:
    return html.escape(s or "", quote=True)


def highlight(text: str, spans: list[tuple[int, int]], cls: str = "") -> str:
    """``text`` escaped with the (relative, possibly overlapping) ``spans`` wrapped in <mark>."""
    spans = sorted((max(0, a), min(len(text), b)) for a, b in spans if b > a)
    merged: list[list[int]] = []
    for a, b in spans:
        if merged and a <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], b)
        elif a < len(text):
            merged.append([a, b])
    out, pos = [], 0
    attr = f' class="{esc(cls)}"' if cls else ""
    for a, b in merged:
        out.append(esc(text[pos:a]))
        out.append(f"<mark{attr}>{esc(text[a:b])}</mark>")
        pos = b
    out.append(esc(text[pos:]))
    return "".join(out)


def clause_window(doc_text: str, clause_span: tuple[int, int] | None, span: tuple[int, int] | None,
                  limit: int = 900) -> tuple[str, list[tuple[int, int]]]:
    """Clause text (or the span's neighbourhood when there is no clause) and the relative span;
    long clauses are cut around the span."""
    if clause_span is None and span is None:
        return "", []
    lo, hi = clause_span if clause_span else (max(0, span[0] - 120), min(len(doc_text), span[1] + 120))
    if span:
        lo, hi = min(lo, span[0]), max(hi, span[1])
    if hi - lo > limit and span:
        lo = max(lo, span[0] - limit // 3)
        hi = min(hi, max(span[1] + limit // 3, lo + limit))
    text = doc_text[lo:hi]
    rel = [(span[0] - lo, span[1] - lo)] if span else []
    prefix = "…" if clause_span and lo > clause_span[0] else ""
    suffix = "…" if clause_span and hi < clause_span[1] else ""
    if prefix:
        rel = [(a + 1, b + 1) for a, b in rel]
    return prefix + text + suffix, rel


def diff_html(current: str, suggested: str) -> str:
    """Two-column table: the clause with deletions struck, the suggestion with insertions marked.
    Character-level (Chinese has no spaces to split words on)."""
    sm = difflib.SequenceMatcher(None, current, suggested, autojunk=False)
    left, right = [], []
    for op, a0, a1, b0, b1 in sm.get_opcodes():
        if op == "equal":
            left.append(esc(current[a0:a1]))
            right.append(esc(suggested[b0:b1]))
        else:
            if a1 > a0:
                left.append(f"<del>{esc(current[a0:a1])}</del>")
            if b1 > b0:
                right.append(f"<ins>{esc(suggested[b0:b1])}</ins>")
    return ('<table class="ac-diff"><tr><th>协议原文</th><th>建议条文</th></tr>'
            f'<tr><td>{"".join(left)}</td><td>{"".join(right)}</td></tr></table>')


def insertion_html(suggested: str) -> str:
    """A suggestion that adds wording: shown whole as an insertion, never as replacing a clause."""
    return f'<div class="ac-ins"><ins>{esc(suggested)}</ins></div>'


def finding_title(f: Any, rule_title: str, clause_label: str, decision: dict | None = None) -> str:
    """Expander label (Streamlit markdown): coloured severity, where, what, decision state."""
    status = (decision or {}).get("status")
    mark = {"accepted": " · :green[已确认]", "dismissed": " · :gray[~~已驳回~~]"}.get(status, "")
    where = f"{_md(clause_label)} · " if clause_label else ""
    return f"{SEVERITY_MD.get(f.severity, f.severity)} · {where}{_md(rule_title)}{mark}"


def _md(s: str) -> str:
    """Escape Streamlit-markdown specials in document text used inside a label."""
    return "".join("\\" + ch if ch in "\\`*_{}[]<>#|~:$" else ch for ch in (s or ""))


def coverage_html(sections: list[Any], finding_counts: dict[str, int], doubted: set | None = None) -> str:
    """Section × status table: every column visible, optional sections that are absent in grey (未约定),
    "missing" verdicts the reading-confidence check doubts marked 待核对."""
    doubted = doubted or set()
    head = "".join(f"<th>{h}</th>" for h in ("章节", "状态", "必备", "条款", "缺失要素", "问题"))
    rows = []
    for s in sections:
        key = s.status if (s.required or s.status != "missing") else "optional"
        label = STATUS_ZH.get(s.status, s.status) if key != "optional" else "未约定"
        if s.key in doubted:
            label += "（待核对）"
        n = finding_counts.get(s.key, 0)
        full = s.title or section_title(s.key)
        short, _, detail = full.partition("（")
        rows.append(
            f'<tr><td title="{esc(full)}">{esc(short)}'
            + (f'<div class="ac-sub">{esc(detail.rstrip("）"))}</div>' if detail else "") + '</td>'
            f'<td><span class="ac-chip" style="background:{STATUS_COLOR[key]}">{label}</span></td>'
            f'<td class="c">{"是" if s.required else "否"}</td><td class="c">{len(s.clause_ids) or "—"}</td>'
            f'<td>{esc("、".join(s.missing_elements))}</td><td class="c">{n or ""}</td></tr>')
    cols = "".join(f'<col style="width:{w}%">' for w in (30, 16, 7, 7, 32, 8))
    return f'<table class="ac-cov"><colgroup>{cols}</colgroup><tr>{head}</tr>{"".join(rows)}</table>'


def count_table(pairs: list[tuple[str, int]]) -> str:
    rows = "".join(f'<tr><td>{esc(k)}</td><td class="n">{n}</td></tr>' for k, n in pairs)
    return f'<table class="ac-count ac-cov"><colgroup><col><col style="width:4rem"></colgroup><tr><th>问题类型</th><th>数量</th></tr>{rows}</table>'
