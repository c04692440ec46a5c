"""Legacy Word .doc: convert to .docx with LibreOffice (if installed) and read that.

Each conversion gets its own LibreOffice profile directory: two runs sharing a profile make the
second one silently produce nothing (tech_notes.md "LibreOffice").
"""
from __future__ import annotations

import shutil
import subprocess
import tempfile
import uuid
from pathlib import Path

from checker.errors import InputError

TIMEOUT_S = 60


def soffice_path() -> str | None:
    return shutil.which("soffice") or shutil.which("libreoffice")


def convert_with_soffice(data: bytes, name: str, suffix: str, target: str) -> bytes:
    """Bytes of ``data`` (a file with ``suffix``) converted by LibreOffice to ``target`` (docx|pdf|txt…)."""
    exe = soffice_path()
    if exe is None:
        raise InputError(f"无法读取 .doc：本机未安装 LibreOffice，请将“{name}”另存为 .docx 后再上传")
    with tempfile.TemporaryDirectory(prefix="ac_lo_") as tmp:
        tmpdir = Path(tmp)
        src = tmpdir / f"input{suffix}"
        src.write_bytes(data)
        outdir = tmpdir / "out"
        profile = Path(tempfile.gettempdir()) / f"lo_profile_{uuid.uuid4().hex}"
        cmd = [exe, f"-env:UserInstallation={profile.as_uri()}", "--headless", "--norestore",
               "--convert-to", target, "--outdir", str(outdir), str(src)]
        try:
            subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, timeout=TIMEOUT_S,
                           check=False, stdin=subprocess.DEVNULL)
        except subprocess.TimeoutExpired:
            raise InputError(f"转换“{name}”超时（{TIMEOUT_S} 秒），请在 Word 中另存为 .docx 后再上传") from None
        except OSError as e:
            raise InputError(f"无法启动 LibreOffice 转换“{name}”（{e.strerror}），请另存为 .docx 后再上传") from None
        finally:
            shutil.rmtree(profile, ignore_errors=True)
        ext = target.split(":")[0]
        out = outdir / f"input.{ext}"
        if not out.is_file() or out.stat().st_size == 0:
            raise InputError(f"LibreOffice 无法转换“{name}”（文件可能已损坏或已加密），请在 Word 中打开后另存为 .docx 再上传")
        return out.read_bytes()


def doc_to_docx(data: bytes, name: str) -> bytes:
    if data[:8] != b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" and data[:2] != b"PK" and not data.lstrip()[:5] == b"{\\rtf":
        raise InputError(f"文件“{name}”不是有效的 Word .doc 文件，请确认文件类型后再上传")
    if "EncryptedPackage".encode("utf-16-le") in data:
        raise InputError(f"文件“{name}”已加密（设置了打开密码），无法读取；请取消密码后另存为 .docx 再上传")
    return convert_with_soffice(data, name, ".doc", "docx")
