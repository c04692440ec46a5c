"""HTML — typically Word's “网页” saved with a .doc name: one block per paragraph, one per table row.

lxml's HTML parser is tolerant and never fetches anything (no DTDs, no external entities, no images);
scripts and styles are dropped.
"""
from __future__ import annotations

import re

from checker.errors import InputError
from checker.ingest.common import RawBlock

BLOCK_TAGS = {"p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "li", "pre", "blockquote", "title", "dt", "dd"}
_CHARSET = re.compile(rb"charset\s*=\s*[\"']?([A-Za-z0-9_\-]+)", re.I)


def decode_html(data: bytes, name: str) -> str:
    from checker.ingest.text_reader import decode_text
    m = _CHARSET.search(data[:4096].replace(b"\x00", b""))
    if m:
        enc = m.group(1).decode("ascii", "replace").lower()
        enc = {"gb2312": "gb18030", "gbk": "gb18030", "x-gbk": "gb18030"}.get(enc, enc)
        try:
            return data.decode(enc)
        except (LookupError, UnicodeDecodeError):
            pass
    return decode_text(data, name)[0]


def read_html(data: bytes, name: str) -> list[RawBlock]:
    import lxml.html
    from lxml import etree
    text = decode_html(data, name)
    text = re.sub(r"^\s*<\?xml[^>]*>", "", text)
    try:
        root = lxml.html.document_fromstring(text)
    except (etree.ParserError, ValueError):
        raise InputError(f"文件“{name}”是网页格式，但内容无法解析，请在 Word 中打开后另存为 .docx 再上传") from None
    for bad in root.xpath("//script|//style|//head/meta|//xml"):
        bad.drop_tree()
    for br in root.iter("br"):
        br.tail = "\n" + (br.tail or "")
    blocks: list[RawBlock] = []
    body = root.find("body")
    _walk(body if body is not None else root, blocks)
    return blocks


def _has_blocks(el) -> bool:
    return any(isinstance(d.tag, str) and (d.tag in BLOCK_TAGS or d.tag == "table") for d in el.iterdescendants())


def _emit(text: str | None, out: list[RawBlock], kind: str = "paragraph") -> None:
    for line in (text or "").split("\n"):
        if line.strip():
            out.append(RawBlock(body=line, kind=kind))


def _walk(el, out: list[RawBlock]) -> None:
    """Body order: an element's own text, then each child (a table row by row, a leaf paragraph as
    its text, a container recursively), then the text after the child."""
    _emit(el.text, out)
    for child in el:
        tag = child.tag if isinstance(child.tag, str) else ""
        if tag == "table":
            for tr in child.iter("tr"):
                cells = [" ".join(td.text_content().split()) for td in tr if td.tag in ("td", "th")]
                if any(cells):
                    out.append(RawBlock(body="", cells=cells, kind="table_row"))
        elif tag and _has_blocks(child):
            _walk(child, out)
        elif tag:
            _emit(child.text_content(), out, "heading" if re.fullmatch(r"h[1-6]", tag) else "paragraph")
        _emit(child.tail, out)
