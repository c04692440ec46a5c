"""What a batch is made of: the files of a folder or a .zip, grouped into packages.

A file directly in the folder (or at the top of the zip) is one document; a sub-folder or a nested .zip is
one filing package (one alliance's 申报材料). Hidden files, __MACOSX and Office lock files (~$…) are skipped.
Zip entries are read in memory with the same size limits as ingest (zip-bomb guard); paths never leave
the archive.
"""
from __future__ import annotations

import io
import zipfile
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from checker.errors import InputError
from checker.ingest.common import MAX_FILE_BYTES, MAX_UNZIPPED_BYTES, MAX_ZIP_ENTRIES

DOC_EXT = {".docx", ".pdf", ".txt", ".md", ".markdown", ".doc"}
# Licences and certificates are often scans: counted by name in a package, never reviewed.
IMAGE_EXT = {".jpg", ".jpeg", ".png", ".tif", ".tiff", ".bmp"}


@dataclass
class Item:
    """One file of a batch. ``data`` is the content (read lazily for folders: ``path`` set instead)."""

    name: str                      # shown name: relative path inside the batch
    package: str | None = None     # the package (sub-folder / nested zip) it belongs to
    data: bytes | None = None
    path: str | None = None

    def read(self) -> bytes:
        if self.data is not None:
            return self.data
        with open(self.path, "rb") as fh:
            return fh.read()

    @property
    def suffix(self) -> str:
        return PurePosixPath(self.name).suffix.lower()

    @property
    def reviewable(self) -> bool:
        return self.suffix in DOC_EXT


def _skip(parts: tuple[str, ...]) -> bool:
    return any(p.startswith(".") or p.startswith("~$") or p == "__MACOSX" for p in parts)


def collect(source: str | Path | bytes, name: str = "上传的压缩包.zip") -> list[Item]:
    """Items of a folder, a .zip file path, or .zip bytes; documents and images only, sorted by name."""
    if isinstance(source, (bytes, bytearray)):
        return _from_zip(bytes(source), name)
    p = Path(source)
    if not p.exists():
        raise InputError(f"找不到“{p}”，请指定一个文件夹或 .zip 压缩包")
    if p.is_file():
        if p.suffix.lower() != ".zip":
            if p.suffix.lower() in DOC_EXT:
                return [Item(name=p.name, path=str(p))]
            raise InputError(f"“{p.name}”不是文件夹或 .zip 压缩包，批量审查请指定文件夹或 .zip 文件")
        return _from_zip(p.read_bytes(), p.name)
    items: list[Item] = []
    for f in sorted(p.rglob("*")):
        rel = f.relative_to(p)
        if not f.is_file() or _skip(rel.parts):
            continue
        package = rel.parts[0] if len(rel.parts) > 1 else None
        if f.suffix.lower() == ".zip":
            items += _from_zip(f.read_bytes(), str(rel.as_posix()), package=rel.as_posix()[:-4])
        elif f.suffix.lower() in DOC_EXT | IMAGE_EXT:
            items.append(Item(name=rel.as_posix(), package=package, path=str(f)))
    return items


def _from_zip(data: bytes, zip_name: str, package: str | None = None) -> list[Item]:
    try:
        zf = zipfile.ZipFile(io.BytesIO(data))
    except zipfile.BadZipFile:
        raise InputError(f"“{zip_name}”不是有效的 .zip 压缩包（文件已损坏或不是 zip 格式）") from None
    infos = [i for i in zf.infolist() if not i.is_dir()]
    if len(infos) > MAX_ZIP_ENTRIES or sum(i.file_size for i in infos) > MAX_UNZIPPED_BYTES:
        raise InputError(f"压缩包“{zip_name}”解压后过大或文件过多，请分批上传")
    items: list[Item] = []
    for info in sorted(infos, key=lambda i: i.filename):
        fname = _decode_name(info)
        parts = PurePosixPath(fname).parts
        if _skip(parts) or info.file_size > MAX_FILE_BYTES:
            continue
        suffix = PurePosixPath(fname).suffix.lower()
        pkg = package if package is not None else (parts[0] if len(parts) > 1 else None)
        shown = f"{package}/{fname}" if package else fname
        if suffix == ".zip" and package is None:
            items += _from_zip(zf.read(info), fname, package=fname[:-4])
        elif suffix in DOC_EXT | IMAGE_EXT:
            items.append(Item(name=shown, package=pkg, data=zf.read(info)))
    return items


def _decode_name(info: zipfile.ZipInfo) -> str:
    """Zip names without the UTF-8 flag are usually GBK on Chinese Windows (zipfile decodes them as cp437)."""
    if info.flag_bits & 0x800:
        return info.filename
    try:
        return info.filename.encode("cp437").decode("gbk")
    except (UnicodeEncodeError, UnicodeDecodeError):
        return info.filename


def packages(items: list[Item]) -> dict[str | None, list[Item]]:
    out: dict[str | None, list[Item]] = {}
    for it in items:
        out.setdefault(it.package, []).append(it)
    return out
