"""Read a .docx into RawBlocks: body paragraphs and table rows in order, auto-numbers rendered.

Guards run before python-docx sees the bytes: OLE/CFB containers (password-protected Word files
are stored that way), corrupt zips, zip bombs. Text is taken from w:t/w:tab/w:br ourselves so
that insertions (w:ins) count, deletions (w:delText) do not, and text-box fallbacks are not doubled.
"""
from __future__ import annotations

import io
import re
import zipfile

import defusedxml.ElementTree as SafeET
import docx
from docx.enum.style import WD_STYLE_TYPE
from docx.oxml.ns import qn

from checker.errors import InputError
from checker.ingest.common import MAX_UNZIPPED_BYTES, MAX_ZIP_ENTRIES, RawBlock
from checker.ingest.numbering import Numbering
from checker.text.normalize import normalize_text

CFB_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_W_P, _W_TBL, _W_TR, _W_TC = qn("w:p"), qn("w:tbl"), qn("w:tr"), qn("w:tc")
_CONTAINERS = {qn("w:sdt"), qn("w:sdtContent"), qn("w:customXml"), qn("w:smartTag")}
_SKIP = {qn("w:pPr"), qn("w:rPr"), qn("w:del"), qn("w:moveFrom"), qn("w:txbxContent"),
         "{http://schemas.openxmlformats.org/markup-compatibility/2006}Fallback",
         qn("w:instrText"), qn("w:delInstrText")}
_HEADING_NAME = re.compile(r"^(heading|标题)\s*\d|^(title|标题)$", re.I)


def is_encrypted_cfb(data: bytes) -> bool:
    """An Office file protected with a password is a CFB holding an 'EncryptedPackage' stream."""
    return data[:8] == CFB_MAGIC and ("EncryptedPackage".encode("utf-16-le") in data
                                      or "EncryptionInfo".encode("utf-16-le") in data)


def open_zip_checked(data: bytes, name: str) -> zipfile.ZipFile:
    if data[:8] == CFB_MAGIC:
        if is_encrypted_cfb(data):
            raise InputError(f"文件“{name}”已加密（设置了打开密码），无法读取；请在 Word 中取消密码后另存为 .docx 再上传")
        raise InputError(f"文件“{name}”实际是旧版 Word（.doc）格式，请将扩展名改为 .doc 或在 Word 中另存为 .docx 后再上传")
    try:
        zf = zipfile.ZipFile(io.BytesIO(data))
        infos = zf.infolist()
    except (zipfile.BadZipFile, ValueError, OSError, EOFError):
        raise InputError(f"文件“{name}”已损坏或不是有效的 .docx 文件，请用 Word 打开确认后重新保存再上传") from None
    if len(infos) > MAX_ZIP_ENTRIES or sum(i.file_size for i in infos) > MAX_UNZIPPED_BYTES:
        raise InputError(f"文件“{name}”解压后体积异常（超过 {MAX_UNZIPPED_BYTES // 1024 // 1024} MB），"
                         "出于安全考虑拒绝处理；请删除嵌入的大文件后再上传")
    if "word/document.xml" not in zf.namelist():
        raise InputError(f"文件“{name}”不是 Word 文档（缺少正文部分），请确认文件类型后再上传")
    return zf


def _page_count(zf: zipfile.ZipFile) -> int | None:
    """Word/WPS store the page count of their last layout in docProps/app.xml (<Pages>). Generators
    copy a template's app.xml unchanged (Pages 1, Words 0), so the value counts only when the
    word/character statistics were filled in as well."""
    try:
        root = SafeET.fromstring(zf.read("docProps/app.xml"))
    except Exception:   # missing or unreadable part: the page count is optional
        return None
    stats = {}
    for el in root:
        tag = el.tag.rsplit("}", 1)[-1]
        if tag in ("Pages", "Words", "Characters") and (el.text or "").strip().isdigit():
            stats[tag] = int(el.text)
    if stats.get("Pages") and (stats.get("Words") or stats.get("Characters")):
        return stats["Pages"]
    return None


def _run_text(el) -> str:
    """Visible text below ``el`` (a paragraph or part of one), skipping deletions and fallbacks."""
    out: list[str] = []

    def walk(node):
        for ch in node:
            tag = ch.tag
            if not isinstance(tag, str) or tag in _SKIP or tag == _W_P:
                continue
            if tag == qn("w:t"):
                out.append(ch.text or "")
            elif tag in (qn("w:tab"), qn("w:ptab")):
                out.append("\t")
            elif tag in (qn("w:br"), qn("w:cr")):
                out.append("\n")
            elif tag == qn("w:noBreakHyphen"):
                out.append("-")
            else:
                walk(ch)

    walk(el)
    return "".join(out)


class _Reader:
    def __init__(self, d):
        self.d = d
        self.numbering = Numbering(d)
        body = d.element.body
        # keep the proxies alive: lxml hands out the same Python object per node only while one exists
        self._all_p = list(body.iter(_W_P))
        self.p_index = {id(p): i for i, p in enumerate(self._all_p)}
        # counters advance in body order, paragraphs inside tables included
        self.labels = {id(p): self.numbering.label(p) for p in self._all_p}
        self.styles = {s.style_id: s for s in d.styles}
        self.default_style = d.styles.default(WD_STYLE_TYPE.PARAGRAPH)
        self.blocks: list[RawBlock] = []
        self.table_no = 0

    def _style(self, p):
        pstyle = p.find(qn("w:pPr") + "/" + qn("w:pStyle"))
        sid = pstyle.get(qn("w:val")) if pstyle is not None else None
        return self.styles.get(sid) if sid else self.default_style

    def _is_heading(self, p, style) -> bool:
        ppr = p.find(qn("w:pPr"))
        if ppr is not None and ppr.find(qn("w:outlineLvl")) is not None:
            return ppr.find(qn("w:outlineLvl")).get(qn("w:val")) not in ("9", None)
        seen = 0
        while style is not None and seen < 20:
            if _HEADING_NAME.match(style.name or "") or _HEADING_NAME.match(style.style_id or ""):
                return True
            style, seen = getattr(style, "base_style", None), seen + 1
        return False

    def _style_bold(self, style) -> bool:
        seen = 0
        while style is not None and seen < 20:
            if style.font.bold is not None:
                return bool(style.font.bold)
            style, seen = getattr(style, "base_style", None), seen + 1
        return False

    def _formatting(self, p, style) -> dict:
        """Formatting evidence for headings shown only by formatting: every visible run bold,
        centred alignment, Word outline level."""
        style_bold = self._style_bold(style)
        bold, any_text = True, False
        for r in p.iter(qn("w:r")):
            if not "".join(t.text or "" for t in r.iter(qn("w:t"))).strip():
                continue
            any_text = True
            rpr = r.find(qn("w:rPr"))
            b = rpr.find(qn("w:b")) if rpr is not None else None
            if b is not None:
                if b.get(qn("w:val")) in ("0", "false", "off"):
                    bold = False
            elif not style_bold:
                bold = False
        out: dict = {"bold": bold and any_text}
        ppr = p.find(qn("w:pPr"))
        jc = ppr.find(qn("w:jc")) if ppr is not None else None
        if jc is not None and jc.get(qn("w:val")) == "center":
            out["centered"] = True
        lvl = ppr.find(qn("w:outlineLvl")) if ppr is not None else None
        if lvl is not None and (lvl.get(qn("w:val")) or "").isdigit() and lvl.get(qn("w:val")) != "9":
            out["outline_level"] = int(lvl.get(qn("w:val")))
        return out

    def paragraph(self, p) -> None:
        style = self._style(p)
        label, sep = self.labels.get(id(p), ("", ""))
        self.blocks.append(RawBlock(
            body=_run_text(p), label=label, sep=sep,
            kind="heading" if self._is_heading(p, style) else "paragraph",
            style=style.name if style is not None else None,
            source_ref={"p": self.p_index[id(p)]}, formatting=self._formatting(p, style)))

    def table(self, tbl) -> None:
        t = self.table_no
        self.table_no += 1
        for r, tr in enumerate(x for x in self._children(tbl) if x.tag == _W_TR):
            cells, p_ids, last = [], [], None
            for tc in (x for x in self._children(tr) if x.tag == _W_TC):
                paras = list(tc.iter(_W_P))
                p_ids.extend(self.p_index[id(p)] for p in paras)
                vmerge = tc.find(qn("w:tcPr") + "/" + qn("w:vMerge"))
                if vmerge is not None and vmerge.get(qn("w:val")) in (None, "continue"):
                    continue                       # continuation of a vertically merged cell
                parts = []
                for p in paras:
                    label, sep = self.labels.get(id(p), ("", ""))
                    txt = _run_text(p).strip()
                    if label or txt:
                        parts.append((label + sep if label and txt else label) + txt)
                text = normalize_text(" ".join(parts))
                if text and text != last:          # merged cells repeat their text: keep it once
                    cells.append(text)
                    last = text
            self.blocks.append(RawBlock(body="", cells=cells, kind="table_row",
                                        source_ref={"table": t, "row": r, "p": p_ids}))

    def _children(self, el):
        """Direct children, looking through content controls (w:sdt) and custom XML wrappers."""
        for ch in el:
            if ch.tag in _CONTAINERS:
                yield from self._children(ch)
            else:
                yield ch

    def run(self) -> list[RawBlock]:
        for ch in self._children(self.d.element.body):
            if ch.tag == _W_P:
                self.paragraph(ch)
            elif ch.tag == _W_TBL:
                self.table(ch)
        return self.blocks


def read_docx(data: bytes, name: str) -> tuple[list[RawBlock], int | None]:
    """RawBlocks in body order and Word's stored page count (or None)."""
    zf = open_zip_checked(data, name)
    pages = _page_count(zf)
    try:
        d = docx.Document(io.BytesIO(data))
    except InputError:
        raise
    except Exception as e:   # python-docx raises KeyError/ValueError/lxml errors on broken packages
        raise InputError(f"文件“{name}”无法作为 Word 文档读取（{type(e).__name__}），"
                         "请用 Word 打开后另存为 .docx 再上传") from None
    return _Reader(d).run(), pages
