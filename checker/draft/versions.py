"""Compare two versions of one agreement clause by clause, and say which findings the new one fixed,
introduced or kept.

Clauses are aligned on their text without the number (so renumbered and reordered clauses still pair),
helped by an equal outline section and heading; pairs are taken best first, one-to-one (rapidfuzz scores).
Each row is unchanged / changed (with a character-level diff, rapidfuzz Indel opcodes) / added / removed, and
flagged when it moved or was renumbered. Works on JSON reports (contracts.md §3), so a stored earlier
review compares with a new upload. Exports: JSON, a standalone HTML page, and a .docx whose tracked changes
take OLD to NEW (accept all → the new text, reject all → the old).
"""
from __future__ import annotations

import html
import io
import json
import re
from pathlib import Path
from typing import Any

from rapidfuzz import fuzz
from rapidfuzz.distance import Indel

from checker.library import section_title
from checker.review.compare import compare as compare_findings
from checker.text.normalize import normalize_text

PAIR_THRESHOLD = 55.0
SCHEMA = "alliance-check-compare/1"
STATUS_ZH = {"unchanged": "未修改", "changed": "已修改", "added": "新增", "removed": "删除"}
_SPACE = re.compile(r"[\s\u3000]+")


def _units(report: dict) -> list[dict]:
    """Top clauses of a report: not chapters (their text repeats their articles), not items inside an article."""
    by_id = {c["id"]: c for c in report.get("clauses") or []}
    out = []
    for c in report.get("clauses") or []:
        if c.get("kind") == "chapter":
            continue
        parent = by_id.get(c.get("parent"))
        if parent is not None and parent.get("kind") not in ("chapter", None):
            continue
        out.append(c)
    return out


def body(c: dict) -> str:
    """The clause text without its number and heading (blanks collapsed)."""
    t = normalize_text(c.get("text") or "").strip()
    for part in (c.get("number"), c.get("heading")):
        if part and t.startswith(part):
            t = t[len(part):].lstrip(" ：:、.．")
    return _SPACE.sub(" ", t).strip()


def _key(c: dict) -> str:
    return _SPACE.sub("", body(c))


def _score(o: dict, n: dict) -> float:
    a, b = _key(o), _key(n)
    if not a and not b:
        s = 100.0 if (o.get("heading") or "") == (n.get("heading") or "") else 0.0
    elif not a or not b:
        s = 0.0
    else:
        s = max(fuzz.ratio(a, b), 0.9 * fuzz.partial_ratio(a, b) if min(len(a), len(b)) > 20 else 0.0)
    if o.get("section") and o.get("section") == n.get("section"):
        s += 8.0
    if o.get("heading") and o.get("heading") == n.get("heading"):
        s += 8.0
    if o.get("kind") != n.get("kind"):
        s -= 15.0
    return s


def char_diff(a: str, b: str) -> list[dict[str, str]]:
    """[{"op": equal|delete|insert, "text"}] taking ``a`` to ``b``."""
    out: list[dict[str, str]] = []
    for op in Indel.opcodes(a, b):
        if op.tag == "equal":
            out.append({"op": "equal", "text": a[op.src_start:op.src_end]})
        else:
            if op.src_end > op.src_start:
                out.append({"op": "delete", "text": a[op.src_start:op.src_end]})
            if op.dest_end > op.dest_start:
                out.append({"op": "insert", "text": b[op.dest_start:op.dest_end]})
    return out


def _lis(seq: list[int]) -> set[int]:
    """Indices (into ``seq``) of one longest increasing subsequence."""
    import bisect

    tails, idx, prev = [], [], [-1] * len(seq)
    for i, v in enumerate(seq):
        k = bisect.bisect_left(tails, v)
        if k == len(tails):
            tails.append(v)
            idx.append(i)
        else:
            tails[k] = v
            idx[k] = i
        prev[i] = idx[k - 1] if k else -1
    out, i = set(), idx[-1] if idx else -1
    while i >= 0:
        out.add(i)
        i = prev[i]
    return out


def _view(c: dict | None) -> dict | None:
    if c is None:
        return None
    return {"id": c["id"], "number": c.get("number"), "heading": c.get("heading"), "section": c.get("section"),
            "kind": c.get("kind"), "text": c.get("text") or ""}


def align(old: list[dict], new: list[dict], threshold: float = PAIR_THRESHOLD) -> list[dict]:
    cands = sorted(((s, i, j) for i, o in enumerate(old) for j, n in enumerate(new)
                    if (s := _score(o, n)) >= threshold), key=lambda t: (-t[0], abs(t[1] - t[2]), t[1]))
    pair_of_new: dict[int, tuple[int, float]] = {}
    used_old: set[int] = set()
    for s, i, j in cands:
        if i in used_old or j in pair_of_new:
            continue
        used_old.add(i)
        pair_of_new[j] = (i, s)
    paired = sorted(pair_of_new)
    in_order = _lis([pair_of_new[j][0] for j in paired])
    moved = {paired[k] for k in range(len(paired)) if k not in in_order}
    rows: list[dict] = []
    removed = [i for i in range(len(old)) if i not in used_old]
    for j, n in enumerate(new):
        if j in pair_of_new:
            i, s = pair_of_new[j]
            # removed clauses that stood before this pair's old clause are shown here
            while removed and removed[0] < i and j not in moved:
                r = removed.pop(0)
                rows.append({"status": "removed", "old": _view(old[r]), "new": None, "score": None,
                             "moved": False, "renumbered": False, "diff": [{"op": "delete", "text": body(old[r])}]})
            o = old[i]
            a, b = body(o), body(n)
            same = _key(o) == _key(n) and (o.get("heading") or "") == (n.get("heading") or "")
            rows.append({"status": "unchanged" if same else "changed", "old": _view(o), "new": _view(n),
                         "score": round(min(s, 100.0), 1), "moved": j in moved,
                         "renumbered": (o.get("number") or "") != (n.get("number") or ""),
                         "diff": [] if same else char_diff(a, b)})
        else:
            rows.append({"status": "added", "old": None, "new": _view(n), "score": None, "moved": False,
                         "renumbered": False, "diff": [{"op": "insert", "text": body(n)}]})
    for r in removed:
        rows.append({"status": "removed", "old": _view(old[r]), "new": None, "score": None, "moved": False,
                     "renumbered": False, "diff": [{"op": "delete", "text": body(old[r])}]})
    return rows


def compare_reports(old: dict, new: dict) -> dict[str, Any]:
    """The comparison of two JSON reports (``Report.to_dict()``)."""
    rows = align(_units(old), _units(new))
    f = compare_findings(old, new)
    summary = {k: sum(1 for r in rows if r["status"] == k) for k in STATUS_ZH}
    summary.update(moved=sum(1 for r in rows if r["moved"]), renumbered=sum(1 for r in rows if r["renumbered"]),
                   fixed=len(f["fixed"]), introduced=len(f["new"]), kept=len(f["remaining"]))
    return {"schema": SCHEMA,
            "old": {"name": old["source"]["name"], "sha256": old["source"].get("sha256"), "profile": old.get("profile")},
            "new": {"name": new["source"]["name"], "sha256": new["source"].get("sha256"), "profile": new.get("profile")},
            "summary": summary, "clauses": rows,
            "findings": {"fixed": f["fixed"], "introduced": f["new"], "kept": f["remaining"]}}


def compare_files(old: Path, new: Path, profile: str = "fujian") -> dict[str, Any]:
    from checker.engine import check

    return compare_reports(check(old, profile=profile).to_dict(), check(new, profile=profile).to_dict())


# -- exports ----------------------------------------------------------------------------------------

def label(c: dict | None) -> str:
    if not c:
        return ""
    parts = [c.get("number") or "", c.get("heading") or ""]
    s = " ".join(p for p in parts if p)
    return s or section_title(c.get("section")) or {"title": "标题", "party": "缔约方", "recitals": "鉴于",
                                                     "signature": "签章"}.get(c.get("kind"), "条款")


def diff_html(diff: list[dict]) -> str:
    out = []
    for d in diff:
        t = html.escape(d["text"])
        out.append(t if d["op"] == "equal" else f"<{'del' if d['op'] == 'delete' else 'ins'}>{t}</"
                                                f"{'del' if d['op'] == 'delete' else 'ins'}>")
    return "".join(out)


_CSS = """body{font-family:"Noto Sans CJK SC","Microsoft YaHei",sans-serif;margin:2em;line-height:1.7;color:#222}
table{border-collapse:collapse;width:100%}td,th{border:1px solid #ccc;padding:.4em .6em;vertical-align:top}
th{background:#f3f3f3}del{background:#fdd;color:#a00}ins{background:#dfd;color:#060;text-decoration:none}
.unchanged{color:#777}.tag{font-size:.85em;padding:0 .4em;border-radius:3px;background:#eee;margin-left:.3em}
.added td.st{background:#e8f7e8}.removed td.st{background:#fbe9e9}.changed td.st{background:#fff6dd}"""


def to_html(result: dict) -> str:
    s = result["summary"]
    head = (f"<h1>版本比较</h1><p>旧版：《{html.escape(result['old']['name'])}》　新版：《{html.escape(result['new']['name'])}》</p>"
            f"<p>条款：未修改 {s['unchanged']}，已修改 {s['changed']}，新增 {s['added']}，删除 {s['removed']}"
            f"（其中移动位置 {s['moved']}，重新编号 {s['renumbered']}）。问题：已解决 {s['fixed']}，新出现 {s['introduced']}，"
            f"仍存在 {s['kept']}。</p>")
    rows = []
    for r in result["clauses"]:
        tags = "".join(f'<span class="tag">{t}</span>' for t, on in (("移动", r["moved"]), ("重新编号", r["renumbered"])) if on)
        if r["status"] == "unchanged":
            text = f'<span class="unchanged">{html.escape(body(r["new"]))}</span>'
        else:
            text = diff_html(r["diff"])
        rows.append(f'<tr class="{r["status"]}"><td class="st">{STATUS_ZH[r["status"]]}{tags}</td>'
                    f"<td>{html.escape(label(r['old']))}</td><td>{html.escape(label(r['new']))}</td><td>{text}</td></tr>")
    table = ("<h2>逐条比较</h2><table><tr><th>状态</th><th>旧版条款</th><th>新版条款</th><th>内容（删除／新增）</th></tr>"
             + "".join(rows) + "</table>")
    parts = []
    for key, title in (("fixed", "已解决的问题"), ("introduced", "新出现的问题"), ("kept", "仍存在的问题")):
        items = result["findings"][key]
        lis = "".join(f"<li><b>{html.escape(f['rule'])}</b>（{html.escape(section_title(f.get('section')) or '')}）："
                      f"{html.escape(f['message'])}</li>" for f in items) or "<li>无</li>"
        parts.append(f"<h2>{title}（{len(items)}）</h2><ul>{lis}</ul>")
    return (f'<!DOCTYPE html><html lang="zh-CN"><head><meta charset="utf-8"><title>版本比较</title>'
            f"<style>{_CSS}</style></head><body>{head}{table}{''.join(parts)}</body></html>")


def to_docx(result: dict) -> bytes:
    """The agreement as tracked changes from OLD to NEW (author 版本比较, one paragraph per clause)."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    from checker.draft.tracked import Tracker
    from checker.report.docx_build import build_docx
    from checker.model import Document as TextDocument

    doc, _ = build_docx(TextDocument(name=result["new"]["name"], format="text", text="", blocks=[]))
    t = Tracker(doc, author=f"版本比较（{result['old']['name']} → {result['new']['name']}）")
    bodyel = doc.element.body
    sect = bodyel.find(qn("w:sectPr"))

    def para(kind_mark: str | None = None):
        p = OxmlElement("w:p")
        ppr = OxmlElement("w:pPr")
        if kind_mark:
            rpr = OxmlElement("w:rPr")
            rpr.append(t._mark(kind_mark))
            ppr.append(rpr)
        p.append(ppr)
        sect.addprevious(p)
        return p

    def prefix(r) -> str:
        c = r["new"] or r["old"]
        head = " ".join(x for x in (c.get("number"), c.get("heading")) if x)
        return head

    for r in result["clauses"]:
        if r["status"] == "added":
            p = para("w:ins")
            p.append(t.insertion(normalize_text(r["new"]["text"])))
        elif r["status"] == "removed":
            p = para("w:del")
            run = t.run(normalize_text(r["old"]["text"]))
            p.append(run)
            t.delete([run])
        else:
            p = para()
            old_head = " ".join(x for x in (r["old"].get("number"), r["old"].get("heading")) if x)
            new_head = prefix({"new": r["new"], "old": None})
            if old_head != new_head:
                if old_head:
                    run = t.run(old_head + " ")
                    p.append(run)
                    t.delete([run])
                if new_head:
                    p.append(t.insertion(new_head + " "))
            elif new_head:
                p.append(t.run(new_head + " "))
            if r["status"] == "unchanged":
                p.append(t.run(body(r["new"])))
                continue
            for d in r["diff"]:
                if d["op"] == "equal":
                    p.append(t.run(d["text"]))
                elif d["op"] == "insert":
                    p.append(t.insertion(d["text"]))
                else:
                    run = t.run(d["text"])
                    p.append(run)
                    t.delete([run])
    out = io.BytesIO()
    doc.save(out)
    return out.getvalue()


def export(result: dict, fmt: str) -> bytes:
    if fmt == "json":
        return (json.dumps(result, ensure_ascii=False, indent=2) + "\n").encode("utf-8")
    if fmt == "html":
        return to_html(result).encode("utf-8")
    if fmt == "docx":
        return to_docx(result)
    raise ValueError(fmt)
