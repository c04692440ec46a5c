"""Report exporters: one per format, the same Report in (contracts.md §2 --format)."""
from __future__ import annotations

from pathlib import Path

from checker.model import Report

FORMATS = ("json", "markdown", "html", "docx", "opinion")


def export(report: Report, fmt: str, source_path: str | Path | None = None, source_bytes: bytes | None = None,
           decisions: dict | None = None, reviewer: str | None = None) -> bytes:
    """Bytes of ``report`` in ``fmt``; every format leaves out dismissed findings and carries the
    reviewer's decisions (issue 13 §6). ``opinion`` is the formal 审查意见书 as .docx."""
    if fmt == "json":
        from checker.report.json_report import to_json

        return to_json(report, decisions).encode("utf-8")
    if fmt == "markdown":
        from checker.report.markdown import to_markdown

        return to_markdown(report, decisions).encode("utf-8")
    if fmt == "html":
        from checker.report.html import to_html

        return to_html(report, decisions).encode("utf-8")
    if fmt == "docx":
        from checker.report.docx_comments import commented_docx

        if source_bytes is None and source_path is not None and report.document.format in ("docx", "doc"):
            source_bytes = _docx_bytes(Path(source_path), report.document.format)
        return commented_docx(report, source_bytes, decisions, reviewer=reviewer)
    if fmt == "opinion":
        from checker.report.opinion import opinion_docx

        return opinion_docx(report, decisions, reviewer=reviewer)
    raise ValueError(f"unknown format {fmt!r}")


def _docx_bytes(path: Path, fmt: str) -> bytes | None:
    if fmt == "docx":
        return path.read_bytes()
    # A .doc source is commented on its LibreOffice conversion.
    from checker.ingest.doc_reader import doc_to_docx

    return doc_to_docx(path.read_bytes(), path.name)
