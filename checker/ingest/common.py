"""Shared ingest plumbing: input limits, the raw-block record and assembly into a Document.

Every reader produces RawBlocks (label and body apart); ``build_document`` normalises each part
BEFORE offsets are computed, so Block.start/label_len always match Document.text exactly.
"""
from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from typing import Any

from checker.errors import InputError
from checker.model import Block, Document
from checker.text.normalize import normalize_text

from checker.ingest.limits import MAX_FILE_BYTES, MAX_UNZIPPED_BYTES, MAX_ZIP_ENTRIES  # noqa: F401 (limits.py)

SUPPORTED = (".docx", ".pdf", ".txt", ".md", ".doc", ".wps", ".rtf", ".png", ".jpg", ".tif")
CELL_SEP = "\t"
SUPPORTED_TEXT = "、".join(SUPPORTED)


@dataclass
class RawBlock:
    """A block as a reader saw it, before normalisation and offsets."""

    body: str
    label: str = ""             # rendered auto-number label ("第一条"), DOCX only
    sep: str = " "              # what Word puts between label and text (lvl suff)
    kind: str = "paragraph"
    style: str | None = None
    page: int | None = None
    source_ref: dict[str, Any] = field(default_factory=dict)
    cells: list[str] | None = None   # table row: cell texts, normalised one by one and joined by a tab
    formatting: dict[str, Any] = field(default_factory=dict)  # Block's bold/size/centered/outline_level


def sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def check_size(data: bytes, name: str) -> None:
    if len(data) > MAX_FILE_BYTES:
        mb = len(data) / 1024 / 1024
        raise InputError(f"文件“{name}”过大（{mb:.1f} MB，上限 {MAX_FILE_BYTES // 1024 // 1024} MB），"
                         "请删除图片等附带内容后再上传")


def build_document(name: str, fmt: str, raw: list[RawBlock], digest: str,
                   pages: int | None = None, warnings: list[str] | None = None) -> Document:
    """Normalise the raw blocks, drop empty ones, compute offsets and join them with "\\n"."""
    blocks: list[Block] = []
    pos = 0
    for rb in raw:
        if rb.cells is not None:
            body = CELL_SEP.join(c for c in (normalize_text(x) for x in rb.cells) if c)
        else:
            body = normalize_text(rb.body)
        label = normalize_text(rb.label) if rb.label else ""
        if not body and not label:
            continue
        if label and body:
            text = label + rb.sep + body
            label_len = len(label) + len(rb.sep)
        else:
            text = label or body
            label_len = len(label)
        blocks.append(Block(text=text, start=pos, page=rb.page, paragraph=len(blocks), kind=rb.kind,
                            style=rb.style, label_len=label_len, source_ref=dict(rb.source_ref),
                            **rb.formatting))
        pos += len(text) + 1
    if not blocks or not any(b.text.strip() for b in blocks):
        raise InputError(f"文件“{name}”中没有可识别的文字，请确认文件内容不是空白或纯图片")
    return Document(name=name, format=fmt, text="\n".join(b.text for b in blocks), blocks=blocks,
                    sha256=digest, pages=pages, warnings=list(warnings or []))
