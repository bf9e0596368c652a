"""``treaty demo DIR``: a self-contained demo repository with back-dated git history.

The project's own files (schemas, registries, law, site, submissions) are written into a
new git repository at DIR through ONE ``git fast-import`` stream: a setup commit on main
(2024-12), then one pull request per body and day, each merged with a merge commit (as
``--no-ff`` would), so the first-parent history of main is what a real repository would
show. The dates come from :mod:`generator.demo.plan`. The same input always gives
the same commits.
"""

from __future__ import annotations

import datetime as dt
import os
import shutil
import subprocess
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

from generator.check.project import Project, open_project
from generator.demo.plan import (
    DemoPlan,
    Planned,
    companions,
    load_plan,
    plan_files,
    spread,
    walk,
)
from generator.errors import ConfigurationError, UsageError


@dataclass(frozen=True)
class DemoChange:
    path: str
    content: bytes
    executable: bool = False


@dataclass(frozen=True)
class Commit:
    ref: str
    who: tuple[str, str]
    when: dt.datetime
    message: str
    changes: tuple[DemoChange, ...]
    merge_of: int | None = None  # index of the branch commit this one merges


@dataclass(frozen=True)
class DemoResult:
    target: Path
    pull_requests: int
    files: int


def _person(plan: DemoPlan, role: str, body: str = "") -> tuple[str, str]:
    who = plan.people[role]
    return who["name"].format(body=body), who["email"].format(body=body)


def _at(plan: DemoPlan, day: dt.date, key: str) -> dt.datetime:
    low, high = plan.hours
    hour = low + spread(key, max(high - low, 1))
    return dt.datetime.combine(day, dt.time(hour, spread(key + "m", 60)), plan.tz)


def _change(root: Path, path: str, suffix: bytes = b"") -> DemoChange:
    full = root / path
    return DemoChange(path, full.read_bytes() + suffix, os.access(full, os.X_OK))


def setup_commit(root: Path, plan: DemoPlan) -> Commit:
    paths = [p for top in plan.setup_paths if (root / top).exists() for p in walk(root, top)]
    changes = tuple(_change(root, p) for p in paths)
    when = _at(plan, plan.setup_day, "setup")
    return Commit("refs/heads/main", _person(plan, "merger"), when, plan.setup_message, changes)


def pull_requests(root: Path, plan: DemoPlan, files: tuple[Planned, ...]) -> list[Commit]:
    """Branch commit + merge commit for each body and day, in merge order."""
    groups: dict[tuple[dt.date, str], list[DemoChange]] = defaultdict(list)
    for item in files:
        groups[(item.day, item.body)].append(_change(root, item.path))
        if item.amend is not None and item.amend <= plan.until:
            note = f"\n# {plan.amend[item.path].note}: {item.amend.isoformat()}\n".encode()
            groups[(item.amend, item.body)].append(_change(root, item.path, note))
    commits: list[Commit] = []
    for number, ((day, body), changes) in enumerate(sorted(groups.items()), start=1):
        key = f"{day}-{body}"
        merged = _at(plan, day, key)
        authored = merged - dt.timedelta(days=spread(key, 3), hours=1)
        branch = f"refs/pull/{number}/head"
        title = f"{body}: {', '.join(sorted(c.path.rsplit('/', 1)[-1] for c in changes))}"
        commits.append(
            Commit(branch, _person(plan, "author", body), authored, title, tuple(changes))
        )
        message = f"Merge pull request #{number} from {body}/submission-{day}\n\n{title}"
        commits.append(Commit("refs/heads/main", _person(plan, "merger"), merged, message,
                              tuple(changes), merge_of=len(commits) - 1))  # fmt: skip
    return commits


def _data(payload: bytes) -> bytes:
    return b"data %d\n" % len(payload) + payload + b"\n"


def fast_import_stream(commits: list[Commit]) -> bytes:
    """The whole history as one ``git fast-import`` stream (marks :1… are the commits)."""
    out: list[bytes] = []
    blobs: dict[bytes, int] = {}
    mark = len(commits)
    for commit in commits:
        for change in commit.changes:
            if change.content not in blobs:
                mark += 1
                blobs[change.content] = mark
                out.append(b"blob\nmark :%d\n" % mark + _data(change.content))
    main_tip: int | None = None
    for index, commit in enumerate(commits, start=1):
        name, email = commit.who
        stamp = f"{int(commit.when.timestamp())} {commit.when.strftime('%z')}"
        out.append(f"commit {commit.ref}\nmark :{index}\n".encode())
        out.append(
            f"author {name} <{email}> {stamp}\ncommitter {name} <{email}> {stamp}\n".encode()
        )
        out.append(_data(commit.message.encode()))
        if main_tip is not None:
            out.append(b"from :%d\n" % main_tip)
        if commit.merge_of is not None:
            out.append(b"merge :%d\n" % (commit.merge_of + 1))
        for change in commit.changes:
            mode = b"100755" if change.executable else b"100644"
            out.append(b"M %s :%d %s\n" % (mode, blobs[change.content], change.path.encode()))
        out.append(b"\n")
        if commit.ref == "refs/heads/main":
            main_tip = index
    return b"".join(out)


def _prepare(target: Path, source: Path, force: bool) -> None:
    target = target.resolve()
    if target.exists() and any(target.iterdir()):
        if not force:
            raise UsageError(f"{target} is not empty; use --force to replace it")
        if target == source or source.is_relative_to(target) or target == Path(target.anchor):
            raise UsageError(f"refusing to replace {target}: it holds the source repository")
        shutil.rmtree(target)
    target.mkdir(parents=True, exist_ok=True)


def _git(target: Path, *args: str, stdin: bytes | None = None) -> None:
    done = subprocess.run(["git", "-C", str(target), *args], input=stdin, capture_output=True,
                          check=False)  # fmt: skip
    if done.returncode != 0:
        detail = done.stderr.decode("utf-8", "replace").strip()
        raise ConfigurationError(f"git {args[0]} failed in {target}: {detail}")


def build_demo(project: Project, target: Path, force: bool = False,
               plan: DemoPlan | None = None) -> DemoResult:  # fmt: skip
    """Create the demo repository at ``target`` from ``project``'s files."""
    plan = plan or load_plan()
    root = project.root
    files = plan_files(project, plan)
    files += companions(root, files, plan)
    commits = [setup_commit(root, plan), *pull_requests(root, plan, files)]
    _prepare(target, root, force)
    _git(target, "init", "-q", "-b", "main")
    _git(target, "fast-import", "--quiet", stdin=fast_import_stream(commits))
    _git(target, "reset", "-q", "--hard", "main")
    merges = sum(1 for c in commits if c.merge_of is not None)
    return DemoResult(target.resolve(), merges, len(files))


def demo_from(source: Path, target: Path, force: bool = False) -> DemoResult:
    return build_demo(open_project(source), target, force)
