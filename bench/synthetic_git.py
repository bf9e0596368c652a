"""Back-dated git history for the synthetic repository, in ONE ``git fast-import`` stream.

The commits are those of ``treaty demo`` (:mod:`generator.demo.build`): a setup commit
on ``main`` with the schemas and registers, then per body and day one pull request (a
branch commit) merged into ``main`` with a merge commit. The merge days are spread the way
real submissions arrive:

- the annual files (points 2.1, 2.2) from 1 to 15 January of the next year, so about a
  third of them are late (due 10 January, moved to the next working day);
- about one in eight ``treaties-in-force`` files is amended 40 days after it arrived;
- an event report 1 to 14 days after its event.

Every date depends only on the path (the same input always gives the same commits).
"""

from __future__ import annotations

import datetime as dt
import subprocess
from collections import defaultdict
from pathlib import Path

from generator.demo.build import Commit, DemoChange, fast_import_stream
from generator.demo.plan import spread

TZ = dt.timezone(dt.timedelta(hours=5))
MAIN = "refs/heads/main"
MERGER = ("Bench Merger", "merger@bench.example")
AMEND_EVERY = 8
AMEND_AFTER = dt.timedelta(days=40)
AMEND_NOTE = b"\n# amended: corrected measures\n"
ANNUAL = ("treaties-in-force.yaml", "domestic-procedures.yaml")


def _parts(rel: str) -> tuple[int, str, str]:
    """``submissions/<year>/<body>/<name...>`` -> (year, body, name)."""
    _, year, body, name = rel.split("/", 3)
    return int(year), body, name


def arrival(rel: str) -> dt.date:
    """The day the file's pull request is merged into ``main``."""
    year, _, name = _parts(rel)
    if name in ANNUAL:
        return dt.date(year + 1, 1, 1) + dt.timedelta(days=spread(rel.rsplit("/", 1)[0], 15))
    event_day = dt.date.fromisoformat(name.split("/")[-1][:10])
    return event_day + dt.timedelta(days=1 + spread(rel, 14))


def amended(rel: str) -> dt.date | None:
    """The day of the file's later amendment, if it gets one."""
    if not rel.endswith(ANNUAL[0]) or spread(rel + "#amend", AMEND_EVERY):
        return None
    return arrival(rel) + AMEND_AFTER


def _at(day: dt.date, key: str) -> dt.datetime:
    return dt.datetime.combine(day, dt.time(9 + spread(key, 9), spread(key + "m", 60)), TZ)


def _groups(root: Path, written: list[str]) -> dict[tuple[dt.date, str], list[DemoChange]]:
    groups: dict[tuple[dt.date, str], list[DemoChange]] = defaultdict(list)
    for rel in written:
        content = (root / rel).read_bytes()
        body = _parts(rel)[1]
        groups[(arrival(rel), body)].append(DemoChange(rel, content))
        later = amended(rel)
        if later is not None:
            groups[(later, body)].append(DemoChange(rel, content + AMEND_NOTE))
    return groups


def _setup(root: Path, first_year: int) -> Commit:
    paths = sorted(
        p.relative_to(root).as_posix()
        for top in ("schemas", "registry")
        for p in (root / top).rglob("*")
        if p.is_file()
    )
    changes = tuple(DemoChange(p, (root / p).read_bytes()) for p in paths)
    when = _at(dt.date(first_year - 1, 12, 1), "setup")
    return Commit(MAIN, MERGER, when, "Set up the repository", changes)


def commits(root: Path, written: list[str]) -> list[Commit]:
    """The setup commit, then branch commit + merge commit per pull request, in merge order."""
    first_year = min(_parts(rel)[0] for rel in written) if written else 2016
    found = [_setup(root, first_year)]
    for number, ((day, body), changes) in enumerate(sorted(_groups(root, written).items()), 1):
        merged = _at(day, f"{day}-{body}")
        title = f"{body}: {len(changes)} file(s)"
        author = (body, f"{body}@bench.example")
        found.append(Commit(f"refs/pull/{number}/head", author, merged - dt.timedelta(hours=2),
                            title, tuple(changes)))  # fmt: skip
        message = f"Merge pull request #{number} from {body}/submission-{day}\n\n{title}"
        found.append(Commit(MAIN, MERGER, merged, message, tuple(changes),
                            merge_of=len(found) - 1))  # fmt: skip
    return found


def write_history(root: Path, written: list[str]) -> int:
    """Import the history into the git repository at ``root``; returns the merge count.

    The working tree is then reset to ``main`` (amended files get their amended text)."""
    history = commits(root, written)
    stream = fast_import_stream(history)
    git = ["git", "-C", str(root)]
    subprocess.run([*git, "fast-import", "--quiet"], input=stream, check=True, capture_output=True)
    subprocess.run([*git, "reset", "-q", "--hard", "main"], check=True, capture_output=True)
    return sum(1 for c in history if c.merge_of is not None)
