"""The example files under ``tests/examples/{valid,invalid}/<kind>/``.

Each example starts with header comments (see ``tests/examples/README.md``)::

    # path: submissions/2025/water/treaties-in-force.yaml
    # expect: TR201 at 5:1
    # setup: symlink

``path`` is where the file pretends to live (the path decides kind, body and period),
``expect`` (one line per problem) the code and line:column it must produce, and the
optional ``says`` (one line each) a piece of text the English message or hint must hold,
and the optional ``setup`` how to place it: ``symlink`` (a link at ``path`` to a copy outside the
repository), ``missing`` (nothing at ``path``) or ``grow`` (padded with comment lines past
the size limit).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from generator.load.files import BOM, MAX_BYTES
from testing.repo import write

EXAMPLES_DIR = Path(__file__).resolve().parents[1] / "tests" / "examples"
SETUPS = ("symlink", "missing", "grow")

_HEADER = re.compile(rb"^#\s*(path|expect|setup|says):\s*(.*?)\s*$")
_EXPECT = re.compile(r"^(TR\d{3}) at (\d+):(\d+)$")


class ExampleError(ValueError):
    """An example file whose header is malformed."""


@dataclass(frozen=True, order=True)
class Expected:
    code: str
    line: int
    column: int

    def __str__(self) -> str:
        return f"{self.code} at {self.line}:{self.column}"


@dataclass(frozen=True)
class Example:
    source: Path
    path: str
    expects: tuple[Expected, ...]
    setup: str | None
    content: bytes
    says: tuple[str, ...] = ()

    @property
    def id(self) -> str:
        return self.source.relative_to(EXAMPLES_DIR).as_posix()


def _header(content: bytes) -> list[tuple[str, str]]:
    body = content[len(BOM) :] if content.startswith(BOM) else content
    found: list[tuple[str, str]] = []
    for line in body.splitlines():
        if line.strip() and not line.startswith(b"#"):
            break
        match = _HEADER.match(line)
        if match:
            found.append((match[1].decode(), match[2].decode("utf-8")))
    return found


def _expected(text: str, source: Path) -> Expected:
    match = _EXPECT.match(text)
    if not match:
        raise ExampleError(f"{source}: expect line must read 'TRnnn at L:C', not {text!r}")
    return Expected(match[1], int(match[2]), int(match[3]))


def parse_example(source: Path) -> Example:
    content = source.read_bytes()
    header = _header(content)
    paths = [value for key, value in header if key == "path"]
    setups = [value for key, value in header if key == "setup"]
    if len(paths) != 1:
        raise ExampleError(f"{source}: needs exactly one '# path:' line")
    if len(setups) > 1 or any(s not in SETUPS for s in setups):
        raise ExampleError(f"{source}: '# setup:' must be one of {', '.join(SETUPS)}")
    expects = tuple(sorted(_expected(v, source) for k, v in header if k == "expect"))
    says = tuple(v for k, v in header if k == "says")
    return Example(source, paths[0], expects, setups[0] if setups else None, content, says)


def examples(group: str) -> list[Example]:
    """Every example of ``valid`` or ``invalid``, sorted by file."""
    return [parse_example(p) for p in sorted((EXAMPLES_DIR / group).glob("*/*")) if p.is_file()]


def _grown(content: bytes) -> bytes:
    line = b"# padding to go past the size limit " + b"." * 60 + b"\n"
    return content + line * (MAX_BYTES // len(line) + 1)


def place_example(repo: Path, example: Example) -> Path:
    """Put the example where it pretends to live; return that path (absolute)."""
    target = repo / example.path
    target.parent.mkdir(parents=True, exist_ok=True)
    if example.setup == "missing":
        return target
    if example.setup == "symlink":
        outside = write(repo.parent / "outside", Path(example.path).name, example.content)
        target.symlink_to(outside)
        return target
    content = _grown(example.content) if example.setup == "grow" else example.content
    write(repo, example.path, content)
    return target
