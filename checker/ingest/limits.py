"""Every input limit of the tool in one place, with the Chinese message shown when it is hit.

The CLI, the Python API and the review page all raise/show these messages (README “限制与异常输入”).
Limits protect a shared 2-core machine from one hostile or oversized upload; a real agreement
(10–60 pages, a few hundred clauses) is far inside every one of them.
"""
from __future__ import annotations

import time

from checker.errors import InputError

MAX_FILE_BYTES = 50 * 1024 * 1024          # one uploaded file (the page's uploader says the same)
MAX_UNZIPPED_BYTES = 200 * 1024 * 1024     # zip-bomb guard for .docx
MAX_ZIP_ENTRIES = 5000
MAX_PAGES = 300                            # PDF pages / TIFF frames read
MAX_OCR_PAGES = 40                         # scanned pages recognised (≈ 5–7 s each on 2 cores)
MAX_CHARS = 1_000_000                      # characters of text after reading (≈ 500 A4 pages)
MAX_CLAUSES = 5000                         # clauses after segmentation
MAX_IMAGE_PIXELS = 60_000_000              # one image (≈ A4 at 600 dpi); bigger is a decompression bomb
TIME_BUDGET_S = 600.0                      # one document, reading + OCR + review

LIMITS = {
    "file_bytes": MAX_FILE_BYTES, "unzipped_bytes": MAX_UNZIPPED_BYTES, "zip_entries": MAX_ZIP_ENTRIES,
    "pages": MAX_PAGES, "ocr_pages": MAX_OCR_PAGES, "chars": MAX_CHARS, "clauses": MAX_CLAUSES,
    "image_pixels": MAX_IMAGE_PIXELS, "time_budget_s": TIME_BUDGET_S,
}


def _mb(n: float) -> str:
    return f"{n / 1024 / 1024:.1f}"


def file_too_large(name: str, size: int) -> InputError:
    return InputError(f"文件“{name}”过大（{_mb(size)} MB，上限 {MAX_FILE_BYTES // 1024 // 1024} MB），"
                      "请删除图片等附带内容后再上传")


def check_file_size(size: int, name: str) -> None:
    if size > MAX_FILE_BYTES:
        raise file_too_large(name, size)


def check_pages(pages: int, name: str) -> None:
    if pages > MAX_PAGES:
        raise InputError(f"文件“{name}”共 {pages} 页，超过上限 {MAX_PAGES} 页，请只上传协议正文及其附件")


def check_ocr_pages(pages: int, name: str) -> None:
    if pages > MAX_OCR_PAGES:
        raise InputError(f"文件“{name}”有 {pages} 页需要文字识别（OCR），超过上限 {MAX_OCR_PAGES} 页"
                         f"（每页约需 5–7 秒）；请提供可复制文字的版本，或只上传协议正文的扫描页")


def check_chars(chars: int, name: str) -> None:
    if chars > MAX_CHARS:
        raise InputError(f"文件“{name}”的文字过多（{chars:,} 字，上限 {MAX_CHARS:,} 字），"
                         "请确认上传的是一份协议，而不是多份文件的合集")


def check_clauses(clauses: int, name: str) -> None:
    if clauses > MAX_CLAUSES:
        raise InputError(f"文件“{name}”分出 {clauses} 个条款，超过上限 {MAX_CLAUSES} 个，"
                         "请确认上传的是一份协议，而不是多份文件的合集")


def check_image_pixels(width: int, height: int, name: str) -> None:
    if width * height > MAX_IMAGE_PIXELS:
        raise InputError(f"图像“{name}”过大（{width}×{height} 像素，上限约 {MAX_IMAGE_PIXELS // 1_000_000} 百万像素），"
                         "请以 300 dpi 左右重新扫描后再上传")


class Deadline:
    """The per-document time budget; ``check(stage)`` raises the budget message once it is spent."""

    def __init__(self, name: str, budget_s: float | None = None, clock=time.monotonic):
        self.name = name
        self.budget_s = TIME_BUDGET_S if budget_s is None else budget_s
        self._clock = clock
        self._start = clock()

    def elapsed(self) -> float:
        return self._clock() - self._start

    def check(self, stage: str = "") -> None:
        if self.elapsed() > self.budget_s:
            where = f"（停在：{stage}）" if stage else ""
            raise InputError(f"审查“{self.name}”超过了每份文件 {self.budget_s:.0f} 秒的处理时限{where}，"
                             "请拆分文件、减少扫描页或提供可复制文字的版本后再试")


def limits_table() -> list[tuple[str, str]]:
    """(what, limit) rows for the README and the review page's help text."""
    return [
        ("单个文件大小", f"{MAX_FILE_BYTES // 1024 // 1024} MB"),
        (".docx 解压后总大小 / 压缩包条目数", f"{MAX_UNZIPPED_BYTES // 1024 // 1024} MB / {MAX_ZIP_ENTRIES} 个"),
        ("PDF 页数 / TIFF 帧数", f"{MAX_PAGES} 页"),
        ("需要 OCR 的扫描页", f"{MAX_OCR_PAGES} 页"),
        ("单张图像像素", f"{MAX_IMAGE_PIXELS // 1_000_000} 百万像素"),
        ("读入后的文字", f"{MAX_CHARS:,} 字"),
        ("条款数", f"{MAX_CLAUSES} 个"),
        ("每份文件处理时限（读入 + OCR + 审查）", f"{TIME_BUDGET_S:.0f} 秒"),
    ]
