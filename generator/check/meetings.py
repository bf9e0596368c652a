"""Point 49, as the meeting form records it: where the meeting was, and how each next
official who received the foreign representatives was told.

- A meeting held outside Kazakhstan is outside point 49: the file is kept, and TR330 says
  that no duty to inform the MFA arises from it.
- The next official is told orally when the next meeting is the same day, in writing when it
  is the next day or later (TR331 when the record says otherwise).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from generator.check.findings import Finding
from generator.registry import parse_date

KIND = "meeting-report"


def check_meeting(kind: str, data: Mapping[str, Any]) -> list[Finding]:
    if kind != KIND:
        return []
    found: list[Finding] = []
    if data.get("in_kazakhstan") is False:
        found.append(Finding(("in_kazakhstan",), "TR330", {}))
    day = parse_date(data.get("date"))
    informed = data.get("next_officials_informed")
    for index, item in enumerate(informed if isinstance(informed, list) else []):
        if not isinstance(item, dict) or day is None:
            continue
        met = parse_date(item.get("date"))
        how = item.get("how")
        wanted = None if met is None else ("oral" if met == day else "written")
        if wanted is not None and how in ("oral", "written") and how != wanted:
            parts = ("next_officials_informed", index, "how")
            found.append(Finding(parts, "TR331", {"value": str(how), "expected": wanted,
                                                  "date": str(item.get("date"))}))  # fmt: skip
    return found
