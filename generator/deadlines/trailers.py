"""Receipt stamps: when each file's content, as it reaches main, first passed validation.

A privileged workflow job (``.github/workflows/receipt.yml``: ``pull_request_target``,
running the base branch's code only) validates a pull request's files on every push. For
each file that passes, it keeps one line at the end of the pull request's description::

    Received-At: #17 submissions/2025/energy/treaties-in-force.yaml <blob> <UTC time> <mac>

- ``blob`` is git's id of the file's content at that push; ``time`` is when the job first
  saw that content pass (a later push of other content gets a new line and a new time);
- ``mac`` is an HMAC-SHA256 of the pull request number, path, blob and time under the
  repository secret ``TREATY_STAMP_KEY``, which only that job holds. Nobody else can write
  a line that verifies: not the author, not a fork, not a pull request that edits the
  workflow or the code (the job runs the base branch's).

With the merge-commit message set to "Pull request title and description", GitHub copies
the lines into the merge commit. ``treaty status`` (:mod:`generator.deadlines.history`)
then counts a file from its stamp only when the line verifies under the key, names the
pull request the commit merges, names the exact content the commit brings, and is not
later than the commit. Anything else counts from the commit itself: later, never earlier.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import hmac
import os
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

TRAILER = "Received-At"
KEY_ENV = "TREATY_STAMP_KEY"
_SCHEME = "treaty-receipt-v1"
_TIME = "%Y-%m-%dT%H:%M:%SZ"
_ANY_LINE = re.compile(rf"^[ \t]*{TRAILER}[ \t]*:.*$\n?", re.IGNORECASE | re.MULTILINE)
_STAMP = re.compile(
    rf"^{TRAILER}: #(?P<number>[1-9][0-9]{{0,9}}) (?P<path>submissions/\S+) "
    r"(?P<blob>[0-9a-f]{40}|[0-9a-f]{64}) (?P<time>\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ) "
    r"(?P<mac>[0-9a-f]{64})[ \t]*$",
    re.MULTILINE,
)
# The subject of GitHub's merge commits: "Merge pull request #17 from …" (merge), or a
# title ending "(#17)" (a squash merge, or a merge titled after the pull request).
_MERGE_SUBJECT = re.compile(r"^Merge pull request #(?P<a>[0-9]+) |\(#(?P<b>[0-9]+)\)\s*$")


@dataclass(frozen=True)
class Stamp:
    """One file's receipt: content ``blob`` at ``path`` passed in pull request ``number``
    at ``moment`` (UTC, whole seconds)."""

    number: int
    path: str
    blob: str
    moment: dt.datetime
    mac: str

    @property
    def time(self) -> str:
        return self.moment.astimezone(dt.UTC).strftime(_TIME)

    def line(self) -> str:
        return f"{TRAILER}: #{self.number} {self.path} {self.blob} {self.time} {self.mac}"


def _mac(key: bytes, number: int, path: str, blob: str, time: str) -> str:
    message = "\n".join((_SCHEME, str(number), path, blob, time)).encode("utf-8")
    return hmac.new(key, message, hashlib.sha256).hexdigest()


def sign(key: bytes, number: int, path: str, blob: str, moment: dt.datetime) -> Stamp:
    """The stamp the privileged job writes for ``path`` at content ``blob``."""
    moment = moment.astimezone(dt.UTC).replace(microsecond=0)
    time = moment.strftime(_TIME)
    return Stamp(number, path, blob, moment, _mac(key, number, path, blob, time))


def parse_stamps(text: str) -> list[Stamp]:
    """Every line of ``text`` in the stamp's form (verified or not), in order."""
    found = []
    for match in _STAMP.finditer(text):
        moment = dt.datetime.strptime(match["time"], _TIME).replace(tzinfo=dt.UTC)
        found.append(
            Stamp(int(match["number"]), match["path"], match["blob"], moment, match["mac"])
        )
    return found


def verifies(stamp: Stamp, key: bytes) -> bool:
    """Whether ``stamp`` was written by a holder of ``key`` (compared in constant time)."""
    wanted = _mac(key, stamp.number, stamp.path, stamp.blob, stamp.time)
    return hmac.compare_digest(wanted, stamp.mac)


def verified_stamps(text: str, key: bytes | None, number: int | None = None) -> list[Stamp]:
    """The stamps in ``text`` that verify under ``key`` (none without a key), and, when
    ``number`` is given, belong to that pull request."""
    if not key:
        return []
    return [
        s for s in parse_stamps(text)
        if verifies(s, key) and (number is None or s.number == number)
    ]  # fmt: skip


def merged_pull_request(subject: str) -> int | None:
    """The pull request a merge commit's subject names, if it names one."""
    match = _MERGE_SUBJECT.search(subject)
    if match is None:
        return None
    return int(match["a"] or match["b"])


def receipts_of(
    message: str, key: bytes | None, committed: dt.datetime
) -> Mapping[tuple[str, str], dt.datetime]:
    """(path, blob) -> receipt time, from the verified stamps of one commit's message.

    Only stamps of the pull request the commit's subject names count, and none later than
    the commit (a clock cannot have stamped the future)."""
    number = merged_pull_request(message.split("\n", 1)[0])
    if number is None:
        return {}
    found: dict[tuple[str, str], dt.datetime] = {}
    for stamp in verified_stamps(message, key, number):
        if stamp.moment <= committed:
            found.setdefault((stamp.path, stamp.blob), stamp.moment)
    return found


def with_stamps(description: str, stamps: Iterable[Stamp]) -> str:
    """``description`` with every ``Received-At`` line (typed, forged or old) removed and
    ``stamps`` written as its last lines, in path order."""
    lines = [s.line() for s in sorted(stamps, key=lambda s: s.path)]
    if not lines and _ANY_LINE.search(description) is None:
        return description  # nothing to add or take away
    kept = _ANY_LINE.sub("", description).rstrip()
    block = "\n".join(lines)
    if not block:
        return f"{kept}\n" if kept else ""
    return f"{kept}\n\n{block}\n" if kept else f"{block}\n"


def next_stamps(
    previous: Sequence[Stamp],
    passing: Mapping[str, str],
    key: bytes,
    number: int,
    now: dt.datetime,
) -> list[Stamp]:
    """The stamps after a push: ``passing`` maps each file that passes now to its blob.

    A file whose content is unchanged since a verified stamp keeps that stamp's time; a
    file with new content that passes is stamped ``now``; a file that does not pass (or
    is gone) has no stamp."""
    kept = {(s.path, s.blob): s for s in previous if s.number == number and verifies(s, key)}
    return [kept.get((path, blob)) or sign(key, number, path, blob, now)
            for path, blob in sorted(passing.items())]  # fmt: skip


def receipt_key(env: Mapping[str, str] | None = None) -> bytes | None:
    """The stamp key from ``TREATY_STAMP_KEY`` (None when unset: no stamp verifies)."""
    value = (env if env is not None else os.environ).get(KEY_ENV, "").strip()
    return value.encode("utf-8") if value else None
