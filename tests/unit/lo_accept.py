"""LibreOffice as the independent oracle for tracked changes: open a .docx headless, run Writer's own
“Accept All” (.uno:AcceptAllTrackedChanges) and save as .docx — through a Basic macro placed in a private
LibreOffice profile (no UNO Python bridge needed)."""
from __future__ import annotations

import os
import shutil
import signal
import subprocess
from pathlib import Path

SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")

_MODULE = """<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE script:module PUBLIC "-//OpenOffice.org//DTD OfficeDocument 1.0//EN" "module.dtd">
<script:module xmlns:script="http://openoffice.org/2000/script" script:name="Module1" script:language="StarBasic">
Sub AcceptAll(inPath As String, outPath As String)
  On Error GoTo Failed
  Dim args(0) As New com.sun.star.beans.PropertyValue
  args(0).Name = &quot;Hidden&quot;
  args(0).Value = True
  oDoc = StarDesktop.loadComponentFromURL(ConvertToURL(inPath), &quot;_blank&quot;, 0, args())
  oDisp = createUnoService(&quot;com.sun.star.frame.DispatchHelper&quot;)
  oDisp.executeDispatch(oDoc.getCurrentController().getFrame(), &quot;.uno:AcceptAllTrackedChanges&quot;, &quot;&quot;, 0, Array())
  Dim sargs(0) As New com.sun.star.beans.PropertyValue
  sargs(0).Name = &quot;FilterName&quot;
  sargs(0).Value = &quot;MS Word 2007 XML&quot;
  oDoc.storeToURL(ConvertToURL(outPath), sargs())
  oDoc.close(True)
Failed:
  StarDesktop.terminate()
End Sub
</script:module>
"""


def _run(cmd: list[str], timeout: int) -> None:
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)
    try:
        proc.wait(timeout=timeout)
    except subprocess.TimeoutExpired:
        os.killpg(proc.pid, signal.SIGKILL)     # only the process group this call started
        proc.wait()
        raise


def accept_all(src: Path, dst: Path, work: Path, timeout: int = 180) -> Path:
    profile = work / "lo_profile"
    url = f"-env:UserInstallation=file://{profile}"
    module = profile / "user" / "basic" / "Standard" / "Module1.xba"
    if not module.exists():
        _run([SOFFICE, "--headless", url, "--terminate_after_init"], timeout)
        module.write_text(_MODULE, encoding="utf-8")
    _run([SOFFICE, "--headless", "--norestore", url,
          f'macro:///Standard.Module1.AcceptAll("{src.resolve()}","{dst.resolve()}")'], timeout)
    if not dst.exists():
        raise RuntimeError(f"LibreOffice did not write {dst}")
    return dst
