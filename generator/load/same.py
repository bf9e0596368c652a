"""Whether a YAML text holds the same document as one already loaded, read only as far as
the first difference.

:func:`same_document` answers what ``load_yaml(text)`` compared with ``==`` would answer,
without building the document: it walks libyaml's parse events beside the loaded data and
stops at the first value, field or length that differs. So comparing a file with last
year's (:mod:`generator.check.copied`) costs a few lines of last year's file, not a second
parse, unless the two are the same. Whatever the direct builder of
:mod:`generator.load.yamlsafe` leaves to the standard loader (a tag, an anchor or alias, a
duplicate or non-text field name, deep nesting, a syntax error) is loaded in full with
``load_yaml`` and compared, so the answer is always the loader's.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import yaml

from generator.load.yamlsafe import (
    _EVENT_DEPTH,
    _KEY_TAGS,
    _NO_KEY,
    YamlProblem,
    _CParser,
    _DocumentEnd,
    _DocumentStart,
    _MappingEnd,
    _MappingStart,
    _plain_tag,
    _plain_value,
    _Scalar,
    _SequenceEnd,
    _SequenceStart,
    _StreamEnd,
    _StreamStart,
    _Unusual,
    load_yaml,
)

_SKIP = object()  # a value read but not compared (an ignored field)


def same_document(text: str, data: Mapping[str, Any], ignored: frozenset[str]) -> bool:
    """Whether ``text`` loads to a mapping equal to ``data`` but for the top-level fields
    ``ignored`` (a text the loader refuses is not the same)."""
    parser = _CParser(text)
    try:
        return _same_events(parser.get_event, data, ignored)
    except (_Unusual, yaml.YAMLError):
        pass
    finally:
        parser.dispose()
    try:
        loaded = load_yaml(text)
    except YamlProblem:
        return False
    return isinstance(loaded, Mapping) and _without(loaded, ignored) == _without(data, ignored)


def _without(data: Mapping[str, Any], ignored: frozenset[str]) -> dict[str, Any]:
    return {k: v for k, v in data.items() if k not in ignored}


class _Open:
    """A mapping or list being read: what it must equal (or :data:`_SKIP`) and how far."""

    __slots__ = ("count", "expected", "ignored", "key", "names")

    def __init__(self, expected: Any, mapping: bool, ignored: frozenset[str]) -> None:
        self.expected = expected
        self.names: set[str] | None = set() if mapping else None  # a mapping's fields read
        self.count = 0  # a list's items read
        self.key: Any = _NO_KEY  # a mapping's field: what its value must equal
        self.ignored = ignored

    def complete(self) -> bool:
        """At the container's end: whether it held all that it must equal."""
        if self.expected is _SKIP:
            return True
        if self.names is None:
            return self.count == len(self.expected)
        wanted = sum(1 for k in self.expected if k not in self.ignored)
        return len(self.names - self.ignored) == wanted

    def field(self, event: Any) -> bool:
        """Read a field name (False: the mapping it must equal has no such field)."""
        if type(event) is not _Scalar or event.tag is not None or event.anchor is not None:
            raise _Unusual  # a list, mapping or tagged scalar as a field name
        name = event.value
        if event.implicit[0] and _plain_tag(name) not in _KEY_TAGS:
            raise _Unusual
        assert self.names is not None
        if name in self.names:
            raise _Unusual  # a duplicate field name
        self.names.add(name)
        if self.expected is _SKIP or name in self.ignored:
            self.key = _SKIP
        elif name in self.expected:
            self.key = self.expected[name]
        else:
            return False
        return True

    def next_expected(self) -> Any:
        """What the next value must equal (:data:`_NO_KEY`: the list must not have it)."""
        if self.names is not None:
            expected, self.key = self.key, _NO_KEY
            return expected
        index, self.count = self.count, self.count + 1
        if self.expected is _SKIP:
            return _SKIP
        return self.expected[index] if index < len(self.expected) else _NO_KEY


def _same_events(get: Any, data: Mapping[str, Any], ignored: frozenset[str]) -> bool:
    """The walk of :func:`same_document`; :class:`_Unusual` for what the direct builder
    leaves to the standard loader (the same refusals as ``_events_document``)."""
    if type(get()) is not _StreamStart or type(get()) is not _DocumentStart:
        raise _Unusual
    stack: list[_Open] = []
    expected: Any = dict(data)
    while True:
        event = get()
        kind = type(event)
        if kind is _MappingEnd or kind is _SequenceEnd:
            if not stack.pop().complete():
                return False
            if not stack:
                if type(get()) is not _DocumentEnd or type(get()) is not _StreamEnd:
                    raise _Unusual
                return True
            continue
        if stack:
            top = stack[-1]
            if top.names is not None and top.key is _NO_KEY:
                if not top.field(event):
                    return False
                continue
            expected = top.next_expected()
            if expected is _NO_KEY:
                return False
        if kind is _Scalar:
            if event.tag is not None or event.anchor is not None:
                raise _Unusual
            value = _plain_value(event.value) if event.implicit[0] else event.value
            if expected is not _SKIP and value != expected:
                return False
        elif kind is _MappingStart or kind is _SequenceStart:
            if event.tag is not None or event.anchor is not None or len(stack) >= _EVENT_DEPTH:
                raise _Unusual
            mapping = kind is _MappingStart
            if expected is not _SKIP and type(expected) is not (dict if mapping else list):
                return False
            stack.append(_Open(expected, mapping, frozenset() if stack else ignored))
        else:
            raise _Unusual  # an alias, or something unexpected
