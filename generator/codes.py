"""Every problem code, its default severity and the provision it rests on.

Messages and fix hints live in the catalogues (``generator/catalogues/<lang>.yaml``); a test
fails when a code below lacks a message in any language.
"""

from __future__ import annotations

from dataclasses import dataclass

from generator.problems import Severity


@dataclass(frozen=True)
class Code:
    code: str
    severity: Severity
    rule: str | None = None


def _codes(*items: Code) -> dict[str, Code]:
    return {item.code: item for item in items}


E = Severity.ERROR
W = Severity.WARNING

CODES: dict[str, Code] = _codes(
    # TR0xx: the file itself
    Code("TR001", E),  # not UTF-8
    Code("TR002", E),  # byte-order mark
    Code("TR003", E),  # too large
    Code("TR004", E),  # symlink
    Code("TR005", E),  # outside submissions/ and registry/
    Code("TR006", E),  # path does not match any form layout
    Code("TR007", E),  # empty file
    Code("TR008", E),  # wrong file extension
    Code("TR009", E),  # file cannot be read
    # TR1xx: YAML
    Code("TR101", E),  # syntax error
    Code("TR102", E),  # tab indentation
    Code("TR103", E),  # duplicate key
    Code("TR104", E),  # custom tag
    Code("TR105", E),  # anchors and aliases
    Code("TR106", E),  # too deeply nested
    Code("TR107", E),  # several documents
    Code("TR108", E),  # top level is not a mapping
    Code("TR109", E),  # a value its type tag cannot hold (!!int abc, a 5,000-digit number)
    Code("TR110", E),  # an invisible control or bidi character in a text
    # TR2xx: the form's schema
    Code("TR201", E),  # required field missing
    Code("TR202", E),  # wrong type
    Code("TR203", E),  # value not in the list
    Code("TR204", E),  # unknown field
    Code("TR205", E),  # wrong format (pattern)
    Code("TR206", E),  # list too short / empty
    Code("TR207", E),  # text too long / too many items
    Code("TR208", E),  # text needs kk or ru
    Code("TR209", E),  # other schema rule
    Code("TR210", E),  # not a real date
    Code("TR211", E),  # number out of range
    Code("TR212", E),  # text too short (empty)
    Code("TR213", E),  # constant mismatch (form field)
    # TR3xx: meaning
    Code("TR301", E),  # body does not match path
    Code("TR302", E),  # period does not match path
    Code("TR303", E),  # unknown treaty
    Code("TR304", E, "2.1"),  # treaty not in force in an Annex 1-3 form
    Code("TR305", E, "2.2"),  # treaty already in force in an Annex 4-5 form
    Code("TR306", E),  # date outside the period
    Code("TR307", E),  # dates out of order
    Code("TR308", E),  # treaty twice in one table
    Code("TR309", E),  # unknown body
    Code("TR310", E),  # duplicate code/id in a registry
    Code("TR311", E),  # file-name date differs from the file's date
    Code("TR312", E),  # this body may not submit this form
    Code("TR313", E),  # a referenced file (request, event report) does not exist
    Code("TR314", W),  # body not listed as responsible for the treaty
    Code("TR315", E),  # unknown body referenced in content
    Code("TR316", E),  # attachment missing
    Code("TR317", W),  # the Kazakh text looks like Russian
    Code("TR318", E, "2.1"),  # a treaty in force assigned to the body is missing from Annex 1
    Code("TR319", E, "2.2"),  # a signed treaty assigned to the body is missing from Annex 4
    Code("TR320", W),  # a measure's or meeting's date outside the reporting period
    Code("TR321", W),  # the file is last year's, unchanged but for the period
    Code("TR330", W, "49"),  # a meeting abroad: outside point 49, no duty to inform the MFA
    Code("TR331", W, "49"),  # next official told orally / in writing against the dates
    # TR4xx: deadlines
    Code("TR401", W),  # late submission
    Code("TR402", W),  # amendment after the deadline
    Code("TR403", W),  # met on the due day itself (point 48: consulted on the day of departure)
    Code("TR404", W),  # met after the due day (point 48: consulted after departure)
)


def code(code_id: str) -> Code:
    return CODES[code_id]
