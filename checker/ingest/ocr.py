"""Read scanned pages (PDF pages without a usable text layer, or image files) with OCR.

Engine: rapidocr 3.10 + onnxruntime (the optional extra ``alliance-check[ocr]``); its PP-OCR models
ship inside the wheel, so recognition runs offline (tech_notes.md "PDF": a full A4 Chinese page at
100 % characters in 5–7 s on 2 cores). Pages are rendered with pypdfium2 at 200 dpi, seal ink is
whitened first (seals.py), a page turned by 90° is detected from the shape of the text boxes and
turned back, and every recognised line keeps its page and box, so findings can be shown on the page.
``progress(done, total, message)`` is called before and after each page (CLI: tqdm; app: st.progress).
"""
from __future__ import annotations

import io
import threading
from dataclasses import dataclass, field
from statistics import median
from typing import Callable

import numpy as np

from checker.errors import InputError
from checker.ingest import limits
from checker.ingest.common import RawBlock

Progress = Callable[[int, int, str], None]
DPI = 200
ENGINE_NAME = "RapidOCR 3.10（PP-OCR，离线）"
ENABLE_HINT = ("启用文字识别（OCR）：在本工具目录运行 `.venv/bin/pip install -e '.[ocr]'`"
               "（或 `pip install alliance-check[ocr]`；`make app` / `make test` 会自动安装）")
LOW_SCORE = 0.80          # a page whose mean confidence is below this gets its own warning

_engine = None
_lock = threading.Lock()
_run_lock = threading.Lock()       # one recognition at a time (2 cores; the engine is stateful)


def available() -> bool:
    try:
        import onnxruntime  # noqa: F401
        import rapidocr  # noqa: F401
    except Exception:   # a missing or broken optional extra means "no OCR"
        return False
    return True


def not_available(name: str, what: str) -> InputError:
    return InputError(f"“{name}”{what}，需要文字识别（OCR）才能审查，但本机未安装 OCR 组件。{ENABLE_HINT}；"
                      "或提供可复制文字的版本（如 Word 原件）")


def nothing_read(name: str) -> InputError:
    return InputError(f"“{name}”是扫描件/无文字层，文字识别（OCR）没有识别出任何文字（页面空白或图像过于模糊），"
                      "请提供清晰的扫描件（300 dpi 左右）或可复制文字的版本")


def engine():
    """The RapidOCR engine, created once per process (model load ≈ 3 s)."""
    global _engine
    with _lock:
        if _engine is None:
            import logging
            from rapidocr import RapidOCR
            _engine = RapidOCR(params={"Global.log_level": "error"})
            logging.getLogger("RapidOCR").setLevel(logging.ERROR)
        return _engine


@dataclass
class Line:
    text: str
    box: tuple[float, float, float, float]     # x0, y0, x1, y1 in pixels
    score: float


@dataclass
class Page:
    number: int                                 # 1-based page of the source
    width: int
    height: int
    lines: list[Line] = field(default_factory=list)
    seals: list[dict] = field(default_factory=list)
    rotated: int = 0                            # degrees turned back before recognition

    @property
    def chars(self) -> int:
        return sum(len(l.text) for l in self.lines)

    @property
    def confidence(self) -> float:
        n = self.chars
        return sum(l.score * len(l.text) for l in self.lines) / n if n else 0.0


def recognise(img, number: int) -> Page:
    """OCR one page image (PIL or RGB array): seals found and whitened; a page lying on its side
    (text boxes taller than wide) or upside down (the direction classifier says 180° for most
    lines) is turned upright first."""
    from checker.ingest.seals import find_seals, remove_red
    rgb = np.asarray(img.convert("RGB")) if hasattr(img, "convert") else np.asarray(img)
    clean = remove_red(rgb)
    rotated = 0
    boxes = _detect(clean)
    if _sideways(boxes):
        rgb, clean, rotated = np.rot90(rgb, 1), np.rot90(clean, 1), 90       # 90° counter-clockwise
        boxes = _detect(np.ascontiguousarray(clean))
    if _upside_down(clean, boxes):
        rgb, clean, rotated = np.rot90(rgb, 2), np.rot90(clean, 2), (rotated + 180) % 360
    rgb, clean = np.ascontiguousarray(rgb), np.ascontiguousarray(clean)
    lines = _run(clean)
    h, w = rgb.shape[:2]
    return Page(number=number, width=w, height=h, lines=lines, seals=find_seals(rgb), rotated=rotated)


def _detect(rgb: np.ndarray) -> list[tuple[float, float, float, float]]:
    """Text line boxes only (detection without recognition: a fraction of the cost)."""
    eng = engine()
    with _run_lock:                  # the engine keeps the use_* switches between calls
        res = eng(rgb, use_det=True, use_cls=False, use_rec=False)
    boxes = getattr(res, "boxes", None)
    if boxes is None:
        return []
    out = []
    for box in boxes:
        xs, ys = [p[0] for p in box], [p[1] for p in box]
        out.append((float(min(xs)), float(min(ys)), float(max(xs)), float(max(ys))))
    return out


def _upside_down(rgb: np.ndarray, boxes) -> bool:
    """Most of the widest lines classified as turned by 180° (PP-OCR's direction classifier)."""
    wide = sorted((b for b in boxes if (b[2] - b[0]) > 2 * (b[3] - b[1])), key=lambda b: b[0] - b[2])[:15]
    if len(wide) < 3:
        return False
    crops = [np.ascontiguousarray(rgb[int(y0):int(y1) + 1, int(x0):int(x1) + 1]) for x0, y0, x1, y1 in wide]
    try:
        eng = engine()
        with _run_lock:
            _, res = eng.cls_and_rotate(crops)
        labels = [str(label) for label, _ in (res.cls_res or [])]
    except Exception:   # the classifier is an aid; without it the page is read as it lies
        return False
    return labels.count("180") > len(labels) * 0.6


def _run(rgb: np.ndarray) -> list[Line]:
    eng = engine()
    with _run_lock:
        res = eng(rgb, use_det=True, use_cls=True, use_rec=True)
    out = []
    if res is None or res.boxes is None or res.txts is None:
        return out
    for box, txt, score in zip(res.boxes, res.txts, res.scores):
        txt = (txt or "").strip()
        if not txt:
            continue
        xs, ys = [p[0] for p in box], [p[1] for p in box]
        out.append(Line(txt, (float(min(xs)), float(min(ys)), float(max(xs)), float(max(ys))), float(score)))
    return out


def _sideways(boxes) -> bool:
    """Most text boxes taller than wide: the page is lying on its side."""
    boxes = [b for b in boxes if max(b[2] - b[0], b[3] - b[1]) > 3 * min(b[2] - b[0], b[3] - b[1])]
    if len(boxes) < 3:
        return False
    tall = sum(1 for x0, y0, x1, y1 in boxes if (y1 - y0) > 1.5 * (x1 - x0))
    return tall > len(boxes) / 2


# ---------------------------------------------------------------- page images

def pdf_page_images(data: bytes, pages: list[int], name: str):
    """Yield (1-based page, PIL image) for the 0-based ``pages`` of a PDF, rendered at DPI."""
    import pypdfium2 as pdfium
    pdf = pdfium.PdfDocument(data)
    try:
        for i in pages:
            page = pdf[i]
            try:
                w, h = page.get_size()
                scale = DPI / 72
                if w * scale * h * scale > limits.MAX_IMAGE_PIXELS:
                    scale = (limits.MAX_IMAGE_PIXELS / (w * h)) ** 0.5
                yield i + 1, page.render(scale=scale).to_pil()
            finally:
                page.close()
    finally:
        pdf.close()


def image_frames(data: bytes, name: str):
    """Yield (1-based frame, PIL image) of an image file (TIFF may hold several pages)."""
    from PIL import Image, ImageOps, ImageSequence, UnidentifiedImageError
    import warnings
    Image.MAX_IMAGE_PIXELS = limits.MAX_IMAGE_PIXELS * 4     # Pillow refuses only far past our own limit
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", Image.DecompressionBombWarning)
            im = Image.open(io.BytesIO(data))
        limits.check_image_pixels(im.width, im.height, name)
        n = getattr(im, "n_frames", 1)
        limits.check_pages(n, name)
        limits.check_ocr_pages(n, name)
        frames = []
        for k, frame in enumerate(ImageSequence.Iterator(im)):
            limits.check_image_pixels(frame.width, frame.height, name)
            frame = ImageOps.exif_transpose(frame.copy()) if k == 0 else frame.copy()
            frames.append((k + 1, frame.convert("RGB")))
        return frames
    except InputError:
        raise
    except (UnidentifiedImageError, Image.DecompressionBombError, OSError, ValueError, SyntaxError) as e:
        if isinstance(e, Image.DecompressionBombError):
            raise InputError(f"图像“{name}”过大（像素数超过上限约 {limits.MAX_IMAGE_PIXELS // 1_000_000} 百万），"
                             "请以 300 dpi 左右重新扫描后再上传") from None
        raise InputError(f"图像文件“{name}”已损坏或无法解析，请重新扫描或导出后再上传") from None


def ocr_images(images, total: int, name: str, progress: Progress | None = None,
               deadline: limits.Deadline | None = None) -> list[Page]:
    """Recognise each (page number, image); progress is reported page by page."""
    pages = []
    for k, (number, img) in enumerate(images):
        if deadline is not None:
            deadline.check(f"第{number}页文字识别")
        if progress:
            progress(k, total, f"正在识别第 {number} 页（{k + 1}/{total}）")
        pages.append(recognise(img, number))
    if progress:
        progress(total, total, "文字识别完成")
    return pages


# ---------------------------------------------------------------- pages → blocks

class _Item(str):
    """A visual line that remembers its box (str, so pdf_lines' header/footer logic applies)."""
    box: tuple
    score: float
    pieces: list


def page_items(page: Page) -> list[_Item]:
    """Visual rows of a page: boxes whose vertical centres are close form one row, left to right;
    pieces far apart on one row (a signature table without ruling) are joined by a space."""
    lines = sorted(page.lines, key=lambda l: (l.box[1] + l.box[3]) / 2)
    rows: list[list[Line]] = []
    for l in lines:
        cy, hh = (l.box[1] + l.box[3]) / 2, l.box[3] - l.box[1]
        if rows:
            last = rows[-1]
            ly = median((x.box[1] + x.box[3]) / 2 for x in last)
            lh = median(x.box[3] - x.box[1] for x in last)
            if abs(cy - ly) < 0.5 * min(hh, lh):
                last.append(l)
                continue
        rows.append([l])
    out = []
    for row in rows:
        row.sort(key=lambda l: l.box[0])
        text, prev = "", None
        for l in row:
            if prev is not None:
                gap = l.box[0] - prev.box[2]
                text += " " if gap > 0.8 * (prev.box[3] - prev.box[1]) else ""
            text += l.text
            prev = l
        it = _Item(text)
        it.box = (min(l.box[0] for l in row), min(l.box[1] for l in row),
                  max(l.box[2] for l in row), max(l.box[3] for l in row))
        it.score = sum(l.score * len(l.text) for l in row) / max(1, sum(len(l.text) for l in row))
        it.pieces = list(row)
        out.append(it)
    return out


def pages_to_blocks(pages: list[Page]) -> list[RawBlock]:
    """Paragraph RawBlocks (page, box as fractions of the page in source_ref) from OCR pages,
    with the same header/footer removal and line rejoining as a PDF text layer (pdf_lines)."""
    from checker.ingest.pdf_lines import _breaks, _joiner, _width, close_cjk_gaps, strip_running
    from checker.text.normalize import normalize_text
    items_per_page = strip_running([page_items(p) for p in pages])
    seq = []
    for page, items in zip(pages, items_per_page):
        for it in items:
            t = close_cjk_gaps(normalize_text(str(it)))
            if t:
                seq.append((t, page, it.box, it.score, it.pieces))
    widths = sorted(_width(t) for t, *_ in seq)
    rel = lambda page, b: [round(b[0] / page.width, 4), round(b[1] / page.height, 4),  # noqa: E731
                           round(b[2] / page.width, 4), round(b[3] / page.height, 4)]
    full = widths[int(len(widths) * 0.9)] if widths else 0
    paras: list[list] = []
    prev = None
    for t, page, box, score, pieces in seq:
        same_page = paras and paras[-1][1] is page
        lines = [[normalize_text(l.text), rel(page, l.box)] for l in pieces]
        if prev is not None and same_page and not _breaks(prev, t, full):
            p = paras[-1]
            p[0] += _joiner(prev, t) + t
            p[2] = (min(p[2][0], box[0]), min(p[2][1], box[1]), max(p[2][2], box[2]), max(p[2][3], box[3]))
            p[3].append(score)
            p[4] += lines
        else:
            paras.append([t, page, box, [score], lines])
        prev = t
    blocks = []
    for t, page, box, scores, lines in paras:
        # box: the paragraph on the page; lines: each recognised piece (signature rows, seals)
        blocks.append(RawBlock(body=t, page=page.number,
                               source_ref={"ocr": True, "box": rel(page, box), "confidence": round(min(scores), 3),
                                           "lines": lines}))
    return blocks


def summary(pages: list[Page], total_pages: int) -> dict:
    """What the report says about the recognition (JSON source.ocr)."""
    chars = sum(p.chars for p in pages)
    conf = sum(p.confidence * p.chars for p in pages) / chars if chars else 0.0
    return {
        "engine": ENGINE_NAME,
        "pages": [p.number for p in pages],
        "total_pages": total_pages,
        "confidence": round(conf, 3),
        "per_page": [{"page": p.number, "chars": p.chars, "confidence": round(p.confidence, 3),
                      "rotated": p.rotated, "seals": [s["box_rel"] for s in p.seals]} for p in pages],
        "seals": [{"page": p.number, "box": s["box_rel"], "score": s["score"]} for p in pages for s in p.seals],
    }


def page_list(numbers: list[int]) -> str:
    """1,2,3,5 → "第1–3、5页"."""
    runs, start, prev = [], None, None
    for n in sorted(numbers):
        if start is None:
            start = prev = n
        elif n == prev + 1:
            prev = n
        else:
            runs.append((start, prev))
            start = prev = n
    if start is not None:
        runs.append((start, prev))
    return "第" + "、".join(f"{a}" if a == b else f"{a}–{b}" for a, b in runs) + "页"


def notice(info: dict) -> list[str]:
    """The Chinese warnings every report shows for OCR'd text."""
    out = [f"{page_list(info['pages'])}为扫描图像，文字由 OCR 识别（{info['engine']}），"
           f"平均识别置信度 {info['confidence']:.1%}；识别结果可能有错字，引用条文前请与原件核对"]
    low = [p for p in info["per_page"] if p["chars"] and p["confidence"] < LOW_SCORE]
    if low:
        out.append("识别置信度较低的页：" + "、".join(f"第{p['page']}页 {p['confidence']:.1%}" for p in low)
                   + "，请重点核对这些页")
    empty = [p["page"] for p in info["per_page"] if not p["chars"]]
    if empty:
        out.append(f"{page_list(empty)}未识别出文字（空白页或图像过于模糊）")
    turned = [p["page"] for p in info["per_page"] if p["rotated"]]
    if turned:
        out.append(f"{page_list(turned)}为横向扫描，已旋转后识别")
    if info["seals"]:
        out.append(f"在{page_list(sorted({s['page'] for s in info['seals']}))}的图像上检测到 {len(info['seals'])} 处红色印章，"
                   "印章内文字未计入协议正文；各签章行是否盖章见报告的“印章”一项")
    return out
