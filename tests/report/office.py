"""Open DOCX files in a real client: LibreOffice headless (Debian's libreoffice-writer-nogui,
installed by ``make test``) converts them to PDF, laid out as a reader would see them."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

INSTALL = "install Debian's libreoffice-writer-nogui (make test installs it when run as root)"


def soffice() -> str:
    found = shutil.which("soffice") or shutil.which("libreoffice")
    assert found, f"LibreOffice is missing: {INSTALL}"
    return found


def to_pdf(files: list[Path], folder: Path) -> list[Path]:
    """Each DOCX converted to PDF in ``folder``, with a profile of its own."""
    folder.mkdir(parents=True, exist_ok=True)
    profile = (folder / "profile").resolve().as_uri()
    command = [soffice(), f"-env:UserInstallation={profile}", "--headless", "--norestore"]
    command += ["--convert-to", "pdf", "--outdir", str(folder), *map(str, files)]
    done = subprocess.run(command, capture_output=True, timeout=600, check=False)
    out = [folder / f"{f.stem}.pdf" for f in files]
    missing = [p.name for p in out if not p.is_file()]
    assert not missing, f"LibreOffice did not convert {missing}: {done.stderr.decode()[-500:]}"
    return out
