"""Print corpus agreements to image-only PDFs, as a scanner would: tests/corpus/scanned/.

Each page of a corpus PDF (or of a .docx converted by LibreOffice) is rendered with pypdfium2 and
saved as a JPEG page of a new PDF with no text layer. Variants imitate real scans: turned pages,
slight skew, noise and a grey background, and red seals drawn over the 盖章 fields of the signature
page (one party left unsealed on purpose). Deterministic (fixed seeds); `python scripts/make_scanned_corpus.py`.
"""
from __future__ import annotations

import io
import json
import math
import subprocess
import sys
import tempfile
from pathlib import Path

import numpy as np
import pypdfium2 as pdfium
from PIL import Image, ImageChops, ImageDraw, ImageFilter, ImageFont

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT / "tests" / "corpus"
OUT = CORPUS / "scanned"
DPI = 150
FONT = "/usr/share/fonts/opentype/noto/NotoSerifCJK-Bold.ttc"

# name → (source, variant options)
PLAN = {
    "s02_seals": ("c02.pdf", {"seals": True, "skip_seal": "庚方"}),
    "s09_rotated": ("c09.pdf", {"rotate_pages": {2: 90, 4: 270}, "skew": 0.8}),
    "s13_noisy": ("c13.pdf", {"noise": 18, "jpeg": 45}),
    "s17_skewed": ("c17.pdf", {"skew": -1.6, "grey": 225}),
    "s05_docx": ("c05.docx", {"grey": 240, "noise": 6}),
}


def source_pdf(src: Path) -> bytes:
    if src.suffix == ".pdf":
        return src.read_bytes()
    with tempfile.TemporaryDirectory() as tmp:
        subprocess.run(["soffice", f"-env:UserInstallation=file://{tmp}/profile", "--headless", "--convert-to",
                        "pdf", "--outdir", tmp, str(src)], check=True, capture_output=True, timeout=120)
        return (Path(tmp) / (src.stem + ".pdf")).read_bytes()


def seal_image(size: int, text: str) -> Image.Image:
    """A round red company seal: ring, star, the unit's name around the top."""
    im = Image.new("RGBA", (size, size), (0, 0, 0, 0))
    d = ImageDraw.Draw(im)
    red = (214, 32, 38, 235)
    d.ellipse([3, 3, size - 4, size - 4], outline=red, width=max(3, size // 28))
    c, r = size / 2, size * 0.14
    pts = [(c + (r if k % 2 == 0 else r * 0.42) * math.sin(k * math.pi / 5),
            c - (r if k % 2 == 0 else r * 0.42) * math.cos(k * math.pi / 5)) for k in range(10)]
    d.polygon(pts, fill=red)
    font = ImageFont.truetype(FONT, max(10, size // 9))
    chars = list(text[:14])
    for k, ch in enumerate(chars):
        ang = math.pi * (-0.75 + 1.5 * k / max(1, len(chars) - 1))
        x, y = c + size * 0.36 * math.sin(ang), c - size * 0.36 * math.cos(ang)
        g = Image.new("RGBA", (size // 6, size // 6), (0, 0, 0, 0))
        ImageDraw.Draw(g).text((size // 12, size // 12), ch, font=font, fill=red, anchor="mm")
        g = g.rotate(-math.degrees(ang), resample=Image.BICUBIC)
        im.alpha_composite(g, (int(x - size // 12), int(y - size // 12)))
    return im


def seal_spots(page, scale: float, skip: str | None) -> list[tuple[int, int, str]]:
    """Centres (pixels) of the 盖章 fields on a page and the unit named on their line."""
    tp = page.get_textpage()
    text = tp.get_text_range()
    spots = []
    search = tp.search("盖章")
    while (hit := search.get_next()) is not None:
        idx, _ = hit
        x0, y0, x1, y1 = tp.get_charbox(idx)
        line_start = text.rfind("\n", 0, idx) + 1
        line = text[line_start:text.find("\n", idx) if "\n" in text[idx:] else None]
        if skip and line.strip().startswith(skip):
            continue
        h = page.get_height()
        spots.append((int(x1 * scale), int((h - (y0 + y1) / 2) * scale), line.split("：")[-1].split("（")[0]))
    search.close()
    tp.close()
    return spots


def scan(src: Path, opts: dict, seed: int) -> tuple[bytes, dict]:
    rng = np.random.default_rng(seed)
    pdf = pdfium.PdfDocument(source_pdf(src))
    scale = DPI / 72
    images, meta = [], {"source": src.name, "pages": len(pdf), "variant": opts, "seals_drawn": []}
    for i in range(len(pdf)):
        page = pdf[i]
        img = page.render(scale=scale).to_pil().convert("RGB")
        if opts.get("seals") and i == len(pdf) - 1:
            size = int(2.4 / 2.54 * DPI)                      # a 2.4 cm seal; three columns so they do not overlap
            for k, (x, y, unit) in enumerate(seal_spots(page, scale, opts.get("skip_seal"))):
                s = seal_image(size, unit or "合同专用章")
                x = int(img.width * (0.55 + 0.15 * (k % 3)))   # three columns, 3.1 cm apart
                layer = Image.new("RGB", img.size, "white")           # ink multiplies: black text shows through
                layer.paste(s, (x - size // 2, y - size // 2), s)
                img = ImageChops.multiply(img, layer)
                meta["seals_drawn"].append({"page": i + 1, "unit": unit})
        if opts.get("grey"):
            a = np.asarray(img).astype(np.int16)
            a = np.where(a > opts["grey"], opts["grey"], a)
            img = Image.fromarray(a.astype(np.uint8))
        if opts.get("skew"):
            img = img.rotate(opts["skew"], resample=Image.BICUBIC, expand=False, fillcolor=(255, 255, 255))
        if opts.get("noise"):
            a = np.asarray(img).astype(np.int16)
            a += rng.normal(0, opts["noise"], a.shape[:2])[..., None].astype(np.int16)
            speck = rng.random(a.shape[:2]) < 0.002
            a[speck] = 30
            img = Image.fromarray(np.clip(a, 0, 255).astype(np.uint8)).filter(ImageFilter.GaussianBlur(0.4))
        turn = opts.get("rotate_pages", {}).get(i + 1)
        if turn:
            img = img.rotate(turn, expand=True)
        images.append(img)
        page.close()
    pdf.close()
    buf = io.BytesIO()
    jpeg = [io.BytesIO() for _ in images]
    for im, b in zip(images, jpeg):
        (im if opts.get("seals") else im.convert("L")).save(b, "JPEG", quality=opts.get("jpeg", 60))
    pages = [Image.open(b) for b in jpeg]
    pages[0].save(buf, "PDF", save_all=True, append_images=pages[1:], resolution=DPI)
    return buf.getvalue(), meta


def main() -> int:
    OUT.mkdir(parents=True, exist_ok=True)
    manifest = {}
    for k, (name, (src, opts)) in enumerate(PLAN.items()):
        data, meta = scan(CORPUS / src, opts, seed=k)
        (OUT / f"{name}.pdf").write_bytes(data)
        manifest[name] = meta
        print(f"{name}.pdf ← {src}: {meta['pages']} 页，{len(data) // 1024} KB", file=sys.stderr)
    (OUT / "manifest.json").write_text(json.dumps(manifest, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
