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
from generator.site.spare import CHUNK, Shard, SpareCore, chunked, write_beside


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
            with (self.root / item.path).open("a", encoding="utf-8") as out:
                out.write(f"{os.getpid()}\n")  # a page written twice holds two lines
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
    assert all(pid.count("\n") == 1 for pid in writers.values())  # each written once
    writers = {name: pid.strip() for name, pid in writers.items()}
    assert sorted(writers) == sorted(f"p{n}" for n in range(count))
    assert len(set(writers.values())) == 2  # this process and the helper
    assert str(os.getpid()) in writers.values()
    assert writer.written == count and writer.bytes == count
    assert writer.search.data_pages == set(writers)


def test_a_helper_forked_inside_a_chunk_leaves_that_chunk_to_this_process(
    tmp_path: Path,
) -> None:
    spare = SpareCore(lambda runs: None)
    assert spare.want()
    count = CHUNK * 20
    pages: list[Item] = list(_items(count))

    def other_process_ends() -> bytes:
        spare.others_ended([])
        return b""

    ended = DataFile("ends", other_process_ends)
    write_beside(cast(FrameWriter, Writer(tmp_path)), [*pages[:5], ended, *pages[5:]], spare)
    writers = {p.name: p.read_text(encoding="utf-8") for p in tmp_path.iterdir()}
    assert all(pid.count("\n") == 1 for pid in writers.values())  # each written once
    writers = {name: pid.strip() for name, pid in writers.items()}
    assert len(writers) == count + 1
    assert len(set(writers.values())) == 2
    chunk_zero = [writers[f"p{n}"] for n in range(CHUNK - 1)]  # the chunk of the fork
    assert set(chunk_zero) == {str(os.getpid())}


def test_without_a_free_core_every_page_is_written_here(tmp_path: Path) -> None:
    spare = SpareCore(lambda runs: None)
    assert spare.want()  # the other process has not ended
    writer = Writer(tmp_path)
    write_beside(cast(FrameWriter, writer), _items(CHUNK * 4), spare)
    assert {p.read_text(encoding="utf-8") for p in tmp_path.iterdir()} == {f"{os.getpid()}\n"}
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
    owners = [(one.owns(n), other.owns(n)) for n in range(6)]
    assert all(a != b for a, b in owners)


def test_a_group_is_a_chunk_of_its_own() -> None:
    pages = _items(CHUNK + 5)
    group = DataGroup(lambda: ())
    found = [chunk for chunk, _ in chunked([*pages[:3], group, *pages[3:]])]
    assert found == [0, 0, 0, 1] + [2] * CHUNK + [3, 3]
