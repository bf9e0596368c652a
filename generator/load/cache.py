"""The registers, parsed once: per run in memory, and between runs under ``.git/``.

A country's treaty register holds thousands of treaties (megabytes of YAML); parsing it
with libyaml takes seconds, which is too long for pre-commit checking two files. So the
result of the strict loader (:func:`generator.load.yamlsafe.load_yaml`) is kept:

- in memory, so opening the project and validating the register parse it once;
- as JSON in ``.git/treaty-cache/`` (when the repository has a ``.git`` folder), keyed by
  the SHA-256 of the file's text and of the loader's own source, so an edited register or
  an updated loader is parsed afresh. JSON holds exactly what the loader makes (text,
  whole numbers, decimals, true/false, null, lists and mappings); anything else, a
  refused file, or a cache that cannot be read or written is simply parsed again.

Beside them, :class:`Marks` remembers which inputs a slow check passed (each schema's check
against the JSON Schema metaschema), by a digest of all that check reads.
"""

from __future__ import annotations

import hashlib
import json
import os
import tempfile
from pathlib import Path
from typing import Any

from generator.load import yamlsafe
from generator.load.yamlsafe import load_yaml

CACHE_DIR = ".git/treaty-cache"


def _loader_digest() -> str:
    source = Path(yamlsafe.__file__).read_bytes()
    return hashlib.sha256(source + yamlsafe.yaml.__version__.encode()).hexdigest()


_SCALARS = (str, int, float, bool, type(None))


def json_exact(data: Any) -> bool:
    """Whether JSON gives back exactly ``data`` (no tuples, dates, sets, non-text keys)."""
    stack = [data]
    while stack:
        node = stack.pop()
        kind = type(node)
        if kind is dict:
            if not all(type(k) is str for k in node):
                return False
            stack.extend(node.values())
        elif kind is list:
            stack.extend(node)
        elif kind not in _SCALARS:
            return False
    return True


def cache_folder(root: Path | None) -> Path | None:
    """Where ``root`` keeps what it has computed (None: not a git checkout, so nowhere)."""
    return root / CACHE_DIR if root is not None and (root / ".git").is_dir() else None


class Marks:
    """Digests of inputs a slow check has passed (one empty file per digest under
    ``.git/treaty-cache/passed/``): the digest covers everything the check depends on, so a
    changed input is checked again. Without a folder nothing is remembered."""

    def __init__(self, folder: Path | None) -> None:
        self._folder = folder / "passed" if folder is not None else None

    def has(self, digest: str) -> bool:
        return self._folder is not None and (self._folder / digest).is_file()

    def add(self, digest: str) -> None:
        if self._folder is None:
            return
        try:
            self._folder.mkdir(parents=True, exist_ok=True)
            (self._folder / digest).touch()
        except OSError:
            return


class ParseCache:
    """Strictly parsed YAML texts, by content."""

    def __init__(self, root: Path | None) -> None:
        self._folder = cache_folder(root)
        self._memory: dict[str, Any] = {}
        self._loader = ""

    def load(self, name: str, text: str) -> Any:
        """``load_yaml(text)``, from the cache when the same text was parsed before.

        Raises :class:`~generator.load.yamlsafe.YamlProblem` as ``load_yaml`` does.
        """
        if not self._loader:
            self._loader = _loader_digest()
        key = hashlib.sha256(self._loader.encode() + text.encode("utf-8", "surrogatepass"))
        digest = key.hexdigest()
        if digest in self._memory:
            return self._memory[digest]
        data = self._read(name, digest)
        if data is None:
            data = load_yaml(text)
            self._write(name, digest, data)
        self._memory[digest] = data
        return data

    def _file(self, name: str) -> Path | None:
        if self._folder is None:
            return None
        return self._folder / (name.replace("/", "--") + ".json")

    def _read(self, name: str, digest: str) -> Any:
        path = self._file(name)
        try:
            if path is None or not path.is_file():
                return None
            stored = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return None
        if not isinstance(stored, dict) or stored.get("key") != digest:
            return None
        return stored.get("data")

    def _write(self, name: str, digest: str, data: Any) -> None:
        path = self._file(name)
        if path is None or not isinstance(data, dict) or not json_exact(data):
            return  # something JSON cannot hold exactly: parse it each time
        text = json.dumps({"key": digest, "data": data}, ensure_ascii=False)
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            with tempfile.NamedTemporaryFile(
                "w", encoding="utf-8", dir=path.parent, delete=False, suffix=".tmp"
            ) as out:
                out.write(text)
            os.replace(out.name, path)
        except OSError:
            return
