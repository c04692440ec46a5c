"""Find red seal impressions (公章) on a page image by colour, and tell which signature row has one.

A seal is not text: its ring of characters must never reach the OCR text (it would read as a party
name), so ``remove_red`` whitens seal ink before recognition, and ``find_seals`` reports each seal as a
box on the page. 闽科政〔2009〕46号 附件1 六 asks every member to seal the agreement; the boxes are
evidence for SIGNATURE_FORMALITY, matched to the party rows of the signature block by ``match_rows``.
Pure numpy on a downscaled colour mask (no OpenCV needed).
"""
from __future__ import annotations

from collections import deque

import numpy as np

CELL = 6                 # mask cell size in pixels of the page image (≈ 0.75 mm at 200 dpi)
MIN_SIDE = 0.05          # a seal is 3.8–5 cm wide: ≥ 5 % and ≤ 40 % of the page width
MAX_SIDE = 0.40


def red_mask(rgb: np.ndarray) -> np.ndarray:
    """Pixels of seal-red ink: red clearly above green and blue (stamp ink, also when faint)."""
    r, g, b = (rgb[..., i].astype(np.int16) for i in range(3))
    return (r > 120) & (r - g > 50) & (r - b > 40)


def remove_red(rgb: np.ndarray) -> np.ndarray:
    """The page with seal ink turned white, so OCR reads only the black text under and around it.
    Looser than ``red_mask`` and grown by a pixel: the pink anti-aliased edges of the seal's
    characters would otherwise still read as text."""
    r, g, b = (rgb[..., i].astype(np.int16) for i in range(3))
    m = (r > 110) & (r - g > 18) & (r - b > 12)
    grown = m.copy()
    grown[1:] |= m[:-1]
    grown[:-1] |= m[1:]
    grown[:, 1:] |= m[:, :-1]
    grown[:, :-1] |= m[:, 1:]
    keep_dark = (r < 90) & (g < 90) & (b < 90)        # black text crossing the seal stays
    out = rgb.copy()
    out[grown & ~keep_dark] = 255
    return out


def find_seals(rgb: np.ndarray) -> list[dict]:
    """Seal impressions as {"box": [x0, y0, x1, y1] in pixels, "box_rel": fractions of the page,
    "score": share of the box covered by red ink}."""
    h, w = rgb.shape[:2]
    if h < CELL * 4 or w < CELL * 4:
        return []
    mask = red_mask(rgb)
    gh, gw = h // CELL, w // CELL
    cells = mask[:gh * CELL, :gw * CELL].reshape(gh, CELL, gw, CELL).mean(axis=(1, 3)) > 0.04
    seen = np.zeros_like(cells, dtype=bool)
    seals = []
    for y, x in zip(*np.nonzero(cells)):
        if seen[y, x]:
            continue
        ys, xs = _component(cells, seen, int(y), int(x))
        y0, y1, x0, x1 = min(ys) * CELL, (max(ys) + 1) * CELL, min(xs) * CELL, (max(xs) + 1) * CELL
        for box in _split_touching([x0, y0, x1, y1]):
            bw, bh = box[2] - box[0], box[3] - box[1]
            if not (MIN_SIDE * w <= max(bw, bh) <= MAX_SIDE * w) or not (0.6 <= bw / max(bh, 1) <= 1.67):
                continue
            cover = float(mask[box[1]:box[3], box[0]:box[2]].mean())
            if cover < 0.03:
                continue
            seals.append({"box": box, "box_rel": [round(box[0] / w, 4), round(box[1] / h, 4),
                                                  round(box[2] / w, 4), round(box[3] / h, 4)],
                          "score": round(cover, 3)})
    return seals


def _split_touching(box: list[int]) -> list[list[int]]:
    """Two or three seals touching in a row or column form one long component: cut it into squares."""
    x0, y0, x1, y1 = box
    bw, bh = x1 - x0, y1 - y0
    if bh > 1.67 * bw and round(bh / bw) <= 3:
        k = round(bh / bw)
        return [[x0, y0 + i * bh // k, x1, y0 + (i + 1) * bh // k] for i in range(k)]
    if bw > 1.67 * bh and round(bw / bh) <= 3:
        k = round(bw / bh)
        return [[x0 + i * bw // k, y0, x0 + (i + 1) * bw // k, y1] for i in range(k)]
    return [box]


def _component(cells: np.ndarray, seen: np.ndarray, y: int, x: int) -> tuple[list[int], list[int]]:
    """8-connected component of the cell grid (a seal's ring, star and characters touch at this scale)."""
    gh, gw = cells.shape
    q = deque([(y, x)])
    seen[y, x] = True
    ys, xs = [], []
    while q:
        cy, cx = q.popleft()
        ys.append(cy)
        xs.append(cx)
        for dy in (-1, 0, 1):
            for dx in (-1, 0, 1):
                ny, nx = cy + dy, cx + dx
                if 0 <= ny < gh and 0 <= nx < gw and cells[ny, nx] and not seen[ny, nx]:
                    seen[ny, nx] = True
                    q.append((ny, nx))
    return ys, xs


def match_rows(rows: list[dict], seals_by_page: dict[int, list[dict]]) -> list[dict]:
    """For each signature row {"party", "page", "box_rel"} say whether a seal lies on it.

    Each seal goes to the one row nearest to it on its page (vertical distance of the centres; the
    horizontal gap when the seal is beside the row only breaks ties), if it overlaps that row's height band widened
    by one seal height (seals sit over or beside the 盖章 field); a row with no seal is "absent"."""
    out = [{"party": r.get("party"), "page": r.get("page"), "row_box": r.get("box_rel"), "seal": "absent",
            "seal_box": None} for r in rows]
    for page, seals in seals_by_page.items():
        for s in seals:
            sb = s["box_rel"]
            sh = sb[3] - sb[1]
            cx, cy = (sb[0] + sb[2]) / 2, (sb[1] + sb[3]) / 2
            best, best_d = None, None
            for k, r in enumerate(out):
                box = r["row_box"]
                if r["page"] != page or not box or sb[3] < box[1] - sh or sb[1] > box[3] + sh:
                    continue
                dx = 0.0 if box[0] <= cx <= box[2] else min(abs(cx - box[0]), abs(cx - box[2]))
                d = abs(cy - (box[1] + box[3]) / 2) + 0.05 * dx     # the line it sits on; beside it is common
                if best_d is None or d < best_d:
                    best, best_d = k, d
            if best is not None and out[best]["seal"] == "absent":
                out[best]["seal"] = "present"
                out[best]["seal_box"] = sb
    return out
