"""A wheelhouse made from this environment, so that pip installs the project with no index.

pre-commit installs a ``language: python`` hook by running ``pip install .`` in a fresh
virtual environment: it needs the project's dependencies and, to build the project, its
build backend. Tests must not reach the network, so :func:`wheelhouse` gathers them
offline:

- each dependency of the project (not its extras), and theirs, as installed here, packed
  back into a wheel: the files its ``RECORD`` lists inside ``site-packages`` and its
  ``.dist-info`` (scripts are left out: pip writes them again from the entry points), with
  a new ``RECORD``;
- setuptools, the build backend, from the seed wheels virtualenv ships.

Then ``PIP_NO_INDEX=1 PIP_FIND_LINKS=<folder>`` installs from that folder alone.
"""

from __future__ import annotations

import base64
import hashlib
import importlib.metadata as metadata
import zipfile
from pathlib import Path

import virtualenv
from packaging.requirements import Requirement
from packaging.utils import canonicalize_name

DROPPED = frozenset({"INSTALLER", "REQUESTED", "RECORD", "direct_url.json"})


def requirements_of(project: str) -> list[metadata.Distribution]:
    """The installed distributions ``project`` needs (its extras left out), transitively."""
    found: dict[str, metadata.Distribution] = {}
    todo = [project]
    while todo:
        name = todo.pop()
        for raw in metadata.distribution(name).requires or []:
            wanted = Requirement(raw)
            if wanted.marker is not None and not wanted.marker.evaluate({"extra": ""}):
                continue
            key = canonicalize_name(wanted.name)
            if key not in found:
                found[key] = metadata.distribution(wanted.name)
                todo.append(wanted.name)
    return [found[k] for k in sorted(found)]


def _digest(data: bytes) -> str:
    return "sha256=" + base64.urlsafe_b64encode(hashlib.sha256(data).digest()).rstrip(b"=").decode()


def _tags(wheel_text: str) -> str:
    """The compressed tag of a wheel's file name, from its ``WHEEL`` file's ``Tag:`` lines."""
    tags = [
        line.split(":", 1)[1].strip() for line in wheel_text.splitlines() if line.startswith("Tag:")
    ]
    parts = [sorted({t.split("-")[i] for t in tags}) for i in range(3)]
    return "-".join(".".join(p) for p in parts)


def repack(dist: metadata.Distribution, folder: Path) -> Path:
    """An installed distribution as a wheel in ``folder``."""
    files = [f for f in dist.files or [] if f.parts[0] != ".." and "__pycache__" not in f.parts]
    info = next(f for f in files if f.parts[0].endswith(".dist-info")).parts[0]
    name = canonicalize_name(dist.metadata["Name"]).replace("-", "_")
    tag = _tags(dist.read_text("WHEEL") or "")
    target = folder / f"{name}-{dist.version}-{tag}.whl"
    record: list[str] = []
    with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as wheel:
        for file in files:
            if file.parts[0] == info and file.name in DROPPED:
                continue
            data = Path(str(file.locate())).read_bytes()
            wheel.writestr(file.as_posix(), data)
            record.append(f"{file.as_posix()},{_digest(data)},{len(data)}")
        record.append(f"{info}/RECORD,,")
        wheel.writestr(f"{info}/RECORD", "\n".join(record) + "\n")
    return target


def wheelhouse(folder: Path, project: str = "treaty-reports") -> Path:
    """``folder`` holding every wheel ``pip install`` of ``project``'s source needs."""
    folder.mkdir(parents=True, exist_ok=True)
    for dist in requirements_of(project):
        repack(dist, folder)
    seeds = Path(virtualenv.__file__).parent / "seed" / "wheels" / "embed"
    newest = max(seeds.glob("setuptools-*.whl"), key=lambda p: _version(p.name))
    (folder / newest.name).write_bytes(newest.read_bytes())
    return folder


def _version(wheel_name: str) -> tuple[int, ...]:
    return tuple(int(p) for p in wheel_name.split("-")[1].split(".") if p.isdigit())
