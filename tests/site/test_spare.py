"""The core left free at the end of a build: a forked helper writes half of the last
language's pages (generator/site/spare.py), with real processes."""

from __future__ import annotations

import multiprocessing
import os
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path
from typing import cast

import pytest

from generator.errors import ConfigurationError
from generator.site.shell import DataFile, DataGroup, FrameWriter, Item
from generator.site.spare import CHUNK, Shard, SpareCore, write_beside


@dataclass
class Copies:
    data_pages: set[str] = field(default_factory=set)


@dataclass
class Writer:
    """What :func:`write_beside` uses of a :class:`FrameWriter`: each item becomes a file
    holding the number of the process that wrote it."""

    root: Path
    search: Copies = field(default_factory=Copies)
    written: int = 0
    bytes: int = 0

    def write(self, items: Iterable[Item]) -> None:
        for item in items:
            if isinstance(item, DataGroup):
                self.write(item.make())
                continue
            assert isinstance(item, DataFile)
            item.content()
            (self.root / item.path).write_text(str(os.getpid()), encoding="utf-8")
            self.search.data_pages.add(item.path)
            self.written += 1
            self.bytes += 1


def _items(count: int, failing_in: int | None = None) -> list[DataFile]:
    """``failing_in``: a process (not this one) in which no page can be made."""

    def content(n: int) -> bytes:
        if failing_in is not None and os.getpid() != failing_in:
            raise ValueError(f"page {n} cannot be made")
        return b""

    return [DataFile(f"p{n}", partial(content, n)) for n in range(count)]


def _ended() -> SpareCore:
    spare = SpareCore(lambda runs: None)
    assert spare.want()
    spare.others_ended([])
    return spare


def test_the_helper_and_this_process_write_every_page_once_between_them(tmp_path: Path) -> None:
    writer = Writer(tmp_path)
    count = CHUNK * 40
    items = _items(count)
    grouped: list[Item] = [*items[:-CHUNK], DataGroup(lambda: items[-CHUNK:])]  # one item
    write_beside(cast(FrameWriter, writer), grouped, _ended())
    writers = {p.name: p.read_text(encoding="utf-8") for p in tmp_path.iterdir()}
    assert sorted(writers) == sorted(f"p{n}" for n in range(count))
    assert len(set(writers.values())) == 2  # this process and the helper
    assert str(os.getpid()) in writers.values()
    assert writer.written == count and writer.bytes == count
    assert writer.search.data_pages == set(writers)


def test_without_a_free_core_every_page_is_written_here(tmp_path: Path) -> None:
    spare = SpareCore(lambda runs: None)
    assert spare.want()  # the other process has not ended
    writer = Writer(tmp_path)
    write_beside(cast(FrameWriter, writer), _items(CHUNK * 4), spare)
    assert {p.read_text(encoding="utf-8") for p in tmp_path.iterdir()} == {str(os.getpid())}
    assert writer.written == CHUNK * 4


def test_a_page_the_helper_cannot_make_stops_the_build_with_its_words(tmp_path: Path) -> None:
    items = _items(CHUNK * 40, failing_in=os.getpid())  # fails in the helper only
    with pytest.raises(ConfigurationError, match=r"ValueError: page \d+ cannot be made"):
        write_beside(cast(FrameWriter, Writer(tmp_path)), items, _ended())


def test_the_search_runs_wait_while_a_language_is_written_here() -> None:
    started: list[list[tuple[Path, Path]]] = []
    spare = SpareCore(started.append)
    runs = [(Path("site"), Path("copies"))]
    assert spare.want()
    spare.others_ended(runs)
    assert started == [] and spare.free()
    spare.done()
    assert started == [runs]
    assert not spare.want()  # ended: a helper would now run beside the searches


def test_shards_take_each_chunk_once() -> None:
    taken = multiprocessing.get_context("fork").Value("i", 0)
    one, other = Shard(taken), Shard(taken)
    owners = [(one.owns(n), other.owns(n)) for n in range(0, CHUNK * 6, CHUNK)]
    assert all(a != b for a, b in owners)
