"""Folders made once per writer: asking the file system again for every page is slow."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path


@dataclass
class Folders:
    made: set[Path] = field(default_factory=set)

    def make(self, folder: Path) -> None:
        if folder not in self.made:
            folder.mkdir(parents=True, exist_ok=True)
            self.made.add(folder)
