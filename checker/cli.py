"""Command line (contracts.md §2): argument parsing and output only; the work is in the engine.

Exit status: 0 no error finding; 1 at least one error finding; 2 the input or the command line
could not be used — one Chinese line on stderr, never a traceback.
"""
from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from checker.errors import InputError
from checker.kinds import KIND_CHOICES
from checker.rules.profiles import DEFAULT_PROFILE, PROFILE_KEYS

FORMATS = ("json", "markdown", "html", "docx", "opinion")
CORRECTIONS_DIR = Path("clause_library") / "training" / "corrections"
_ARGPARSE_ZH = [("the following arguments are required", "缺少必需的参数"), ("invalid choice", "无效的选项"),
                ("unrecognized arguments", "无法识别的参数"), ("expected one argument", "该选项需要一个值")]


class _Parser(argparse.ArgumentParser):
    def error(self, message: str):  # argparse would print English usage; one Chinese line instead
        for en, zh in _ARGPARSE_ZH:
            message = message.replace(en, zh)
        print(f"alliance-check：命令行参数有误（{message}）。运行 alliance-check --help 查看用法。", file=sys.stderr)
        raise SystemExit(2)


def build_parser() -> argparse.ArgumentParser:
    p = _Parser(prog="alliance-check", description="产业技术创新战略联盟协议书离线审查工具")
    sub = p.add_subparsers(dest="cmd", metavar="命令", parser_class=_Parser)
    c = sub.add_parser("check", help="审查一份协议（.docx/.pdf/.txt/.md/.doc）")
    c.add_argument("file", metavar="FILE")
    c.add_argument("--profile", choices=PROFILE_KEYS, default=DEFAULT_PROFILE, help="审查配置（默认 fujian）")
    c.add_argument("--format", choices=FORMATS, default="markdown", help="输出格式（默认 markdown）")
    c.add_argument("-o", "--output", metavar="OUT",
                   help="输出文件（docx、opinion 格式未指定时使用默认文件名；opinion 输出为 .pdf 时经 LibreOffice 转换）")
    c.add_argument("--reviewer", metavar="NAME", default="", help="审查人姓名（写入批注作者与审查意见书）")
    c.add_argument("--decisions", action="store_true",
                   help="应用审查记录库（ALLIANCE_CHECK_DB）中对该文件的审查结论与结构更正")
    x = sub.add_parser("export-corrections",
                       help="把审查人对条款章节的更正导出为训练数据（每行 {\"text\",\"section\"}，供 make train 使用）")
    x.add_argument("-o", "--output", metavar="FILE.jsonl", default=str(CORRECTIONS_DIR / "reviewer.jsonl"),
                   help=f"输出文件（默认 {CORRECTIONS_DIR / 'reviewer.jsonl'}）")
    c.add_argument("--kind", choices=KIND_CHOICES, default="auto",
                   help="文件类型：auto 自动识别（默认）、agreement 协议书、charter 章程、necessity 组建必要性的说明")
    b = sub.add_parser("batch", help="批量审查：一个文件夹或 .zip 中的全部协议、章程、必要性说明或申报材料包")
    b.add_argument("source", metavar="DIR|ZIP")
    b.add_argument("--profile", choices=PROFILE_KEYS, default=DEFAULT_PROFILE, help="审查配置（默认 fujian）")
    b.add_argument("-o", "--output", metavar="OUTDIR", help="结果文件夹（默认：当前目录下“<名称>_批量审查”）")
    b.add_argument("--jobs", type=int, default=None, metavar="N", help="并行进程数（默认：全部 CPU 核）")
    b.add_argument("--kind", choices=KIND_CHOICES, default="auto", help="文件类型（默认 auto 自动识别）")
    b.add_argument("--package", action="store_true", help="整个文件夹/压缩包是同一个联盟的一套申报材料")
    b.add_argument("--db", metavar="URL", default=None, help="审查记录库（文件路径或 SQLAlchemy URL；默认 ALLIANCE_CHECK_DB 或 data/reviews.db）")
    b.add_argument("--no-store", action="store_true", help="不把结果存入审查记录库")
    bl = sub.add_parser("batches", help="列出审查记录库中保存的批次")
    bl.add_argument("--db", metavar="URL", default=None)
    bd = sub.add_parser("batch-diff", help="比较两个批次：哪些文件新增、移除、问题增减")
    bd.add_argument("old", type=int, metavar="OLD_ID")
    bd.add_argument("new", type=int, metavar="NEW_ID")
    bd.add_argument("--db", metavar="URL", default=None)
    k = sub.add_parser("classify", help="条款归类：每行 {\"id\",\"text\"} 输入，每行 {\"id\",\"section\",\"confidence\"} 输出")
    k.add_argument("input", nargs="?", default="-", metavar="FILE.jsonl")
    r = sub.add_parser("rules", help="列出规则目录")
    r.add_argument("--profile", choices=PROFILE_KEYS, default=None)
    r.add_argument("--format", choices=("text", "json"), default="text")
    e = sub.add_parser("explain", help="说明一条规则：检查什么、为什么、依据、示例")
    e.add_argument("rule_id", metavar="RULE_ID")
    s = sub.add_parser("sources", help="列出引用的法律、司法解释和政策文件：版本、施行日期、被何者取代")
    s.add_argument("--date", metavar="YYYY-MM-DD", default=None, help="按该日判断是否施行（默认今天）")
    s.add_argument("--format", choices=("text", "json"), default="text")
    v = sub.add_parser("eval", help="在自建标注语料上评估（各章节、各规则的准确率与召回率）")
    v.add_argument("--split", choices=("dev", "test", "blind", "blind2", "all"), default="all")
    v.add_argument("--json", action="store_true", help="以 JSON 输出评估结果")
    v.add_argument("--no-styles", dest="styles", action="store_false",
                   help="不运行体例矩阵（同一协议的各种编号与版式，约两分钟）")
    v.add_argument("--classifier-only", action="store_true",
                   help="只评估分类器：每个标注条款只给正文（不含编号和标题），另报第三方措辞留出集")
    d = sub.add_parser("draft", help="按问卷起草协议（.docx 或 Markdown），并用本工具自检")
    d.add_argument("--answers", required=True, metavar="FILE.yaml", help="问卷回答（示例见 clause_library/samples/answers.example.yaml）")
    d.add_argument("-o", "--output", metavar="OUT", help="输出文件（.docx 或 .md；默认为问卷同名 .docx）")
    d.add_argument("--format", choices=("docx", "markdown"), default=None, help="输出格式（默认按 OUT 的扩展名）")
    d.add_argument("--no-check", action="store_true", help="不对起草结果自检")
    rv = sub.add_parser("revise", help="按审查结论修订协议：每处修改是 Word 修订（作者“合规审查”）")
    rv.add_argument("file", metavar="FILE")
    rv.add_argument("--accept", nargs="+", metavar="RULE", help="只修改这些规则的问题（默认：全部有建议条款的问题）")
    rv.add_argument("--decisions", metavar="FILE.json", help="审查结论（审查页面导出的 JSON，或 {\"accept\": [...], \"fill\": {...}}）")
    rv.add_argument("--profile", choices=PROFILE_KEYS, default=DEFAULT_PROFILE, help="审查配置（默认 fujian）")
    rv.add_argument("-o", "--output", metavar="OUT.docx", help="输出文件（默认 FILE_修订.docx）")
    cp = sub.add_parser("compare", help="比较同一协议的两个版本：逐条对齐、字级差异、问题的修改与新增")
    cp.add_argument("old", metavar="OLD")
    cp.add_argument("new", metavar="NEW")
    cp.add_argument("--format", choices=("html", "docx", "json"), default="json")
    cp.add_argument("--profile", choices=PROFILE_KEYS, default=DEFAULT_PROFILE, help="审查配置（默认 fujian）")
    cp.add_argument("-o", "--output", metavar="OUT", help="输出文件（docx 格式默认 NEW_比较.docx）")
    return p


def _write(out: str, data: bytes) -> None:
    try:
        Path(out).write_bytes(data)
    except OSError as err:
        raise InputError(f"无法写入输出文件“{out}”：{err.strerror}。请检查路径和权限。") from err
    print(f"已写入 {out}", file=sys.stderr)


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    if args.cmd is None:
        build_parser().print_help()
        return 2
    try:
        return COMMANDS[args.cmd](args)
    except InputError as err:
        print(f"alliance-check：{err.message}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print("alliance-check：已中断。", file=sys.stderr)
        return 2
    except BrokenPipeError:
        return 0
    except Exception as err:  # never a traceback for the user; say what happened in one line
        print(f"alliance-check：处理时发生内部错误（{type(err).__name__}: {err}），请将文件与此信息反馈给维护者。",
              file=sys.stderr)
        return 2


class TerminalProgress:
    """OCR progress on stderr (tqdm), page by page; nothing is drawn for documents without scans."""

    def __init__(self):
        self.bar = None

    def __call__(self, done: int, total: int, message: str) -> None:
        if self.bar is None:
            from tqdm import tqdm
            self.bar = tqdm(total=total, desc="文字识别（OCR）", unit="页", file=sys.stderr, leave=False,
                            dynamic_ncols=True)
        self.bar.set_postfix_str(message, refresh=False)
        self.bar.update(done - self.bar.n)

    def close(self) -> None:
        if self.bar is not None:
            self.bar.close()


def _lean_imports() -> None:
    """Cold start of `check`: jieba 0.42 imports the whole of setuptools' pkg_resources (0.2–0.4 s)
    only to locate its own data files and falls back to plain paths when it is missing; nothing
    else on the check path needs it (issue 13 §9: load only what inference needs)."""
    if "pkg_resources" not in sys.modules and "jieba" not in sys.modules:
        sys.modules["pkg_resources"] = None      # import pkg_resources → ImportError → jieba's fallback


def _check(args) -> int:
    from checker.report import export

    _lean_imports()

    path = Path(args.file)
    decisions = None
    bar = TerminalProgress()
    try:
        if args.decisions:
            report, decisions = _stored_review(path, args.profile, bar)
        else:
            from checker.engine import check

            report = check(path, profile=args.profile, progress=bar, kind=args.kind)
    finally:
        bar.close()
    out = args.output
    if report.kind == "other" and args.format != "json":   # one clear line, no list of missing sections
        print(f"“{path.name}”不是联盟协议书、联盟章程或组建必要性的说明，未作审查：{report.kind_note}")
        return 0
    if args.format == "docx" and not out:
        out = str(path.with_name(path.stem + "_审查批注.docx"))
    if args.format == "opinion" and not out:
        out = str(path.with_name(path.stem + "_审查意见书.docx"))
    if args.format == "opinion" and out and out.lower().endswith(".pdf"):
        from checker.report.opinion import opinion_pdf

        data = opinion_pdf(report, decisions, reviewer=args.reviewer)
    else:
        data = export(report, args.format, source_path=path, decisions=decisions, reviewer=args.reviewer)
    if out:
        try:
            Path(out).write_bytes(data)
        except OSError as err:
            raise InputError(f"无法写入输出文件“{out}”：{err.strerror}。请检查路径和权限。") from err
        print(f"已写入 {out}", file=sys.stderr)
    else:
        sys.stdout.write(data.decode("utf-8"))
        sys.stdout.flush()
    return 1 if report.summary()["errors"] else 0


def _stored_review(path: Path, profile: str, progress=None):
    """The review of ``path`` with the decisions and structure corrections kept in the store."""
    import hashlib

    from checker.review.corrections import check_corrected
    from checker.review.store import get_store

    if not path.is_file():
        raise InputError(f"找不到文件“{path}”。")
    data = path.read_bytes()
    db = get_store()
    from checker.engine import check

    report = check(data=data, name=path.name, profile=profile, progress=progress)
    sha = report.document.sha256 or hashlib.sha256(data).hexdigest()
    corrections = db.load_corrections(sha)
    if corrections:
        report = check_corrected(data, path.name, profile, corrections, progress=progress)
    return report, db.load_decisions(sha)


def _export_corrections(args) -> int:
    from checker.review.corrections import labelled_clauses
    from checker.review.store import get_store

    db = get_store()
    rows = []
    for sha in db.corrected_documents():
        rep = db.latest_review(sha)
        if rep is not None:
            rows.extend(labelled_clauses(rep, db.load_corrections(sha)))
    out = Path(args.output)
    try:
        out.parent.mkdir(parents=True, exist_ok=True)
        out.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")
    except OSError as err:
        raise InputError(f"无法写入输出文件“{out}”：{err.strerror}。请检查路径和权限。") from err
    print(f"已导出 {len(rows)} 条审查人更正的条款到 {out}", file=sys.stderr)
    return 0


def _classify(args) -> int:
    from checker.classify.outline import classify_texts

    fh = sys.stdin if args.input == "-" else None
    if fh is None:
        p = Path(args.input)
        if not p.exists():
            raise InputError(f"找不到输入文件“{args.input}”。")
        fh = p.open(encoding="utf-8")
    rows = []
    for n, line in enumerate(fh, 1):
        if not line.strip():
            continue
        try:
            d = json.loads(line)
            rows.append((d["id"], str(d["text"])))
        except (json.JSONDecodeError, KeyError, TypeError) as err:
            raise InputError(f"第{n}行不是 {{\"id\",\"text\"}} 形式的 JSON：{err}") from err
    for (cid, _), (section, conf) in zip(rows, classify_texts([t for _, t in rows])):
        print(json.dumps({"id": cid, "section": section, "confidence": round(conf, 3)}, ensure_ascii=False))
    return 0


def _rules(args) -> int:
    from checker.library import cite_for_profile, resolve_citation, section_title
    from checker.rules.profiles import load_profile
    from checker.rules.loader import all_rules, rules_for

    prof = load_profile(args.profile) if args.profile else None
    rules = rules_for(prof) if prof else list(all_rules())

    def basis(r):
        """Severity and citation as a review under the profile gives them (issue 12 §5)."""
        if prof is None:
            return r.severity, resolve_citation(r.citation)
        cite, advisory = cite_for_profile(r.citation, prof.chain)
        return ("info" if advisory else prof.severity.get(r.id, r.severity)), resolve_citation(cite)

    if args.format == "json":
        print(json.dumps([{"id": r.id, "title": r.title, "severity": basis(r)[0], "section": r.section,
                           "profiles": r.profiles, "citation": basis(r)[1]} for r in rules],
                         ensure_ascii=False, indent=2))
        return 0
    head = f"审查配置 {args.profile}：" if args.profile else "全部规则："
    print(f"{head}{len(rules)} 条")
    sev = {"error": "错误", "warning": "警告", "info": "提示"}
    for r in rules:
        scope = section_title(r.section) if r.section else "全文"
        severity, cite = basis(r)
        print(f"{r.id:<32} {sev[severity]}  {r.title}  〔{scope}〕  {cite}")
    return 0


def _explain(args) -> int:
    from checker.docs import rule_markdown
    from checker.rules.loader import rules_by_id

    rule = rules_by_id().get(args.rule_id.strip().upper())
    if rule is None:
        text = _kind_rule_markdown(args.rule_id.strip().upper())
        if text is None:
            raise InputError(f"没有编号为“{args.rule_id}”的规则。运行 alliance-check rules 查看全部规则。")
        print(text)
        return 0
    print(rule_markdown(rule))
    return 0


def _kind_rule_markdown(rule_id: str) -> str | None:
    """A charter / necessity-statement rule (clause_library/kinds/) explained the same way."""
    from checker.library import DOCUMENT_KINDS, kind_outline, resolve_citation

    for kind in DOCUMENT_KINDS:
        spec = kind_outline(kind)
        for r in spec.get("rules") or []:
            if r["id"] == rule_id:
                sev = {"error": "错误", "warning": "警告", "info": "提示"}[r["severity"]]
                out = [f"## {r['id']}：{r['title']}", "", f"- 适用文件：{spec['title']}（--kind {kind}）",
                       f"- 严重程度：{sev}", f"- 依据：{resolve_citation(r['citation'])}", "", r["message"].strip()]
                if r.get("suggestion"):
                    out += ["", "建议条款：", "", "> " + r["suggestion"].strip()]
                return "\n".join(out)
    return None


def _sources(args) -> int:
    from datetime import date

    from checker.library import date_zh, source_rows, sources

    try:
        on = date.fromisoformat(args.date) if args.date else date.today()
    except ValueError as err:
        raise InputError(f"日期“{args.date}”无法识别，请写成 YYYY-MM-DD。") from err
    rows = source_rows(on)
    if args.format == "json":
        print(json.dumps({"as_of": on.isoformat(), "sources": rows}, ensure_ascii=False, indent=2))
        return 0
    kind = {"law": "法律", "judicial": "司法解释", "regulation": "行政法规/规章", "policy": "政策文件"}
    print(f"引用来源 {len(rows)} 个（按 {date_zh(on)} 判断是否施行）")
    for r in rows:
        state = "施行中" if r["in_force"] else ("已被取代" if r["until"] and r["until"] <= on.isoformat() else "尚未施行")
        extra = ""
        if r["replaced_by"]:
            extra = f"；{r['until']} 起由 {r['replaced_by']}（{sources()[r['replaced_by']]['title']}）取代"
        print(f"{r['key']:<10} {kind.get(r['kind'], r['kind'])}  {r['title']}  版本：{r['version']}；"
              f"施行：{r['effective'] or '—'}{extra}〔{state}〕")
        if r["note"]:
            print(f"{'':<10} 说明：{r['note']}")
    return 0


def _eval(args) -> int:
    from checker.evaluate import classifier_only, main as eval_main

    if args.classifier_only:
        return classifier_only(split=args.split, as_json=args.json)
    return eval_main(split=args.split, as_json=args.json, styles=args.styles)


def _batch(args) -> int:
    from checker.batch.cli_batch import run

    return run(args)


def _batches(args) -> int:
    from checker.batch.cli_batch import list_cmd

    return list_cmd(args)


def _batch_diff(args) -> int:
    from checker.batch.cli_batch import diff_cmd

    return diff_cmd(args)


def _draft(args) -> int:
    from checker.draft import drafting

    src = Path(args.answers)
    fmt = args.format or ("markdown" if args.output and Path(args.output).suffix.lower() in (".md", ".markdown")
                          else "docx")
    answers = drafting.load_answers(src)
    draft = drafting.build(answers)
    data = drafting.to_docx(draft) if fmt == "docx" else drafting.to_markdown(draft).encode("utf-8")
    out = args.output or str(src.with_suffix(".docx" if fmt == "docx" else ".md"))
    _write(out, data)
    if args.no_check:
        return 0
    from checker.engine import check

    rep = check(out, profile=answers.profile)
    s = rep.summary()
    print(f"自检（{answers.profile}）：{s['errors']} 个错误、{s['warnings']} 个警告、{s['infos']} 条提示。", file=sys.stderr)
    return 1 if s["errors"] else 0


def _revise(args) -> int:
    from checker.draft.revise import load_decisions, revise_file

    decisions = load_decisions(args.decisions) if args.decisions else None
    path = Path(args.file)
    out = args.output or str(path.with_name(path.stem + "_修订.docx"))
    data, changes = revise_file(path, profile=args.profile, accept=args.accept, decisions=decisions)
    _write(out, data)
    print(f"共 {len(changes)} 处修订：" + "；".join(f"{c.rule}（{c.action}）" for c in changes), file=sys.stderr)
    return 0


def _compare(args) -> int:
    from checker.draft.versions import compare_files, export

    result = compare_files(Path(args.old), Path(args.new), profile=args.profile)
    data = export(result, args.format)
    out = args.output or (str(Path(args.new).with_name(Path(args.new).stem + "_比较.docx"))
                          if args.format == "docx" else None)
    if out:
        _write(out, data)
    else:
        sys.stdout.write(data.decode("utf-8"))
        sys.stdout.flush()
    return 0


COMMANDS = {"batch": _batch, "batches": _batches, "batch-diff": _batch_diff, "draft": _draft, "revise": _revise, "compare": _compare, "check": _check, "classify": _classify, "rules": _rules, "explain": _explain,
            "sources": _sources, "eval": _eval,
            "export-corrections": _export_corrections}
