"""Files a batch writes into its output folder: 汇总.csv, 汇总.xlsx, 材料包.json / 材料包.md, and per document
reports/<file>.json and reports/<file>.md (the same JSON report as ``alliance-check check --format json``)."""
from __future__ import annotations

import json
import re
from pathlib import Path

from checker.batch.job import BatchOutcome
from checker.batch.tables import to_csv, to_xlsx
from checker.errors import InputError

_UNSAFE = re.compile(r"[\\/:*?\"<>|\s]+")


def report_stem(name: str) -> str:
    return _UNSAFE.sub("_", name).strip("_") or "文件"


def packages_markdown(pkgs: list[dict]) -> str:
    out = ["# 申报材料包检查", ""]
    for p in pkgs:
        out += [f"## {p['package']}", "", f"- 审查配置：{p['profile']}（依据：{p['citation']}）",
                f"- 材料齐全：{'是' if p['complete'] else '否，缺少 ' + '、'.join(p['missing'])}", ""]
        out += ["| 必需材料 | 是否提交 | 文件 |", "| --- | --- | --- |"]
        for r in p["required"]:
            out.append(f"| {r['title']} | {'是' if r['present'] else '否'} | {'、'.join(r['files']) or '—'} |")
        out += ["", "跨文件核对：" if p["cross_checks"] else "跨文件核对：未发现不一致。", ""]
        for f in p["cross_checks"]:
            sev = {"error": "错误", "warning": "警告", "info": "提示"}[f["severity"]]
            out.append(f"- 【{sev}】{f['message']}（{f['rule']}；依据：{f['citation']}）")
        out.append("")
    return "\n".join(out)


def write_outputs(outcome: BatchOutcome, outdir: Path) -> list[Path]:
    from checker.report.markdown import to_markdown

    try:
        (outdir / "reports").mkdir(parents=True, exist_ok=True)
        written = []
        (outdir / "汇总.csv").write_bytes(to_csv(outcome.rows))
        (outdir / "汇总.xlsx").write_bytes(to_xlsx(outcome.rows))
        written += [outdir / "汇总.csv", outdir / "汇总.xlsx"]
        used: set[str] = set()
        for row in outcome.rows:
            rep = outcome.reports.get(row["idx"])
            if rep is None:
                continue
            stem = report_stem(row["name"])
            while stem in used:
                stem += "_"
            used.add(stem)
            (outdir / "reports" / f"{stem}.json").write_text(json.dumps(rep, ensure_ascii=False, indent=2),
                                                             encoding="utf-8")
            md = _markdown(rep, to_markdown)
            (outdir / "reports" / f"{stem}.md").write_text(md, encoding="utf-8")
            written.append(outdir / "reports" / f"{stem}.json")
        if outcome.packages:
            (outdir / "材料包.json").write_text(json.dumps(outcome.packages, ensure_ascii=False, indent=2),
                                             encoding="utf-8")
            (outdir / "材料包.md").write_text(packages_markdown(outcome.packages), encoding="utf-8")
        return written
    except OSError as err:
        raise InputError(f"无法写入结果文件夹“{outdir}”：{err.strerror}。请检查路径和权限。") from err


def _markdown(rep: dict, to_markdown) -> str:
    if rep.get("kind") == "other":
        return f"“{rep['source']['name']}”不是联盟协议书、联盟章程或组建必要性的说明，未作审查：{rep.get('kind_note', '')}\n"
    from checker.batch.rebuild import report_from_dict

    return to_markdown(report_from_dict(rep))
