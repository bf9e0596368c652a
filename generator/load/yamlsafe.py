"""Safe, strict YAML loading with libyaml.

- Only the safe constructors; custom tags (``!!python/object``) are refused.
- No implicit timestamps (dates stay strings and are checked by the schema), and only
  ``true``/``false`` are booleans (so the country code ``NO`` stays a string).
- Duplicate keys, anchors and aliases, several documents and deep nesting are refused.
- Field names are always text: ``1:``, ``null:`` and ``true:`` keep their written form, a
  list or mapping used as a field name is refused, and ``<<`` is an ordinary field name (no
  YAML 1.1 merge keys).
- Control characters (NUL and the like) are a syntax problem with a line and column.
- Only the types JSON has: ``!!binary``, ``!!timestamp``, ``!!set``, ``!!omap`` and
  ``!!pairs`` are refused like any special tag (TR104), and a value its type cannot hold
  (``!!int abc``, ``!!bool maybe``, a number of more than 4,300 digits) is TR109 at the
  value, never a Python error.

Each refusal is a :class:`YamlProblem` carrying the code and a 1-based line and column.

Speed: a plain document (only the core tags, no anchors or aliases, no duplicate keys, not
too deep) is built straight from libyaml's parse events (:func:`_from_events`): no node tree
is composed, so a document costs about a third of PyYAML's own C-accelerated load and
little more memory than its data. Anything else, and any text libyaml refuses, goes
through PyYAML's composer and constructors with the checks above, so every refusal is
found exactly as before (the text is then parsed a second time, which only a file with a
problem or an unusual construct pays).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from sys import intern
from typing import Any

import yaml
from yaml._yaml import CParser

from generator.errors import ConfigurationError

MAX_DEPTH = 40

_BaseLoader = yaml.CSafeLoader

_BOOL = re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$")
_DROPPED = ("tag:yaml.org,2002:timestamp", "tag:yaml.org,2002:bool", "tag:yaml.org,2002:merge")
_KEY_TAGS = frozenset(
    f"tag:yaml.org,2002:{name}" for name in ("str", "int", "float", "bool", "null")
)
# Core YAML types JSON has no place for: refused like a custom tag (TR104).
_NOT_JSON = frozenset(
    f"tag:yaml.org,2002:{name}" for name in ("binary", "timestamp", "set", "omap", "pairs")
)
# What PyYAML's constructors raise for a value their type cannot hold (``!!int abc``,
# ``!!bool maybe``, ``!!float ''``, ``!!timestamp x``, an integer of over 4,300 digits).
_VALUE_ERRORS = (ValueError, KeyError, IndexError, AttributeError, TypeError, OverflowError)


@dataclass(frozen=True)
class YamlProblem(Exception):
    code: str
    line: int
    column: int
    args_: dict[str, str] = field(default_factory=dict)


def _resolvers() -> dict[Any, list[tuple[str, re.Pattern[str]]]]:
    table: dict[Any, list[tuple[str, re.Pattern[str]]]] = {}
    for first, entries in _BaseLoader.yaml_implicit_resolvers.items():
        kept = [(tag, rx) for tag, rx in entries if tag not in _DROPPED]
        if first is not None and first in "tTfF":
            kept.append(("tag:yaml.org,2002:bool", _BOOL))
        if kept:
            table[first] = kept
    return table


class _Unusual(Exception):
    """A node the direct builder leaves to the standard constructors."""


_CORE = "tag:yaml.org,2002:"
_SCALARS: dict[str, Any] = {
    _CORE + "null": yaml.constructor.SafeConstructor.construct_yaml_null,
    _CORE + "bool": yaml.constructor.SafeConstructor.construct_yaml_bool,
    _CORE + "int": yaml.constructor.SafeConstructor.construct_yaml_int,
    _CORE + "float": yaml.constructor.SafeConstructor.construct_yaml_float,
}


_STR = _CORE + "str"
_IMPLICIT = _resolvers()
# Plain scalars that are not text (numbers, true/false, null), by resolved tag and value:
# a repository repeats the same few (periods, counts, ``null``).
_KNOWN: dict[tuple[str, str], Any] = {}
_KNOWN_MAX = 4096


def _plain_tag(value: str) -> str:
    """The tag a plain (unquoted) scalar resolves to, as :class:`StrictLoader` resolves it
    (PyYAML's ``BaseResolver.resolve`` with our implicit resolvers and no path resolvers)."""
    for tag, pattern in _IMPLICIT.get(value[:1], ()):
        if pattern.match(value):
            return tag
    return _STR


def _plain_value(value: str) -> Any:
    """A plain scalar's value: text, or a core number, boolean or null (:class:`_Unusual`
    for any other tag, or a value its type cannot hold)."""
    tag = _plain_tag(value)
    if tag == _STR:
        return value
    known = _KNOWN.get((tag, value), _KNOWN)
    if known is not _KNOWN:
        return known
    make = _SCALARS.get(tag)
    if make is None:
        raise _Unusual
    try:
        made = make(_SCALAR_LOADER, yaml.ScalarNode(tag, value))
    except _VALUE_ERRORS:
        raise _Unusual from None
    if len(_KNOWN) >= _KNOWN_MAX:
        _KNOWN.clear()
    _KNOWN[(tag, value)] = made
    return made


def _from_events(text: str) -> Any:
    """The document built straight from libyaml's events; :class:`_Unusual` for anything
    the standard path must judge (a tag, an anchor or alias, a duplicate or non-text field
    name, deep nesting, several or no documents, a syntax error)."""
    parser = _CParser(text)
    try:
        return _events_document(parser.get_event)
    except yaml.YAMLError:
        raise _Unusual from None
    finally:
        parser.dispose()


def _events_document(get: Any) -> Any:
    if type(get()) is not _StreamStart or type(get()) is not _DocumentStart:
        raise _Unusual
    # open containers: (container, pending field name or _NO_KEY); the top is ``current``
    stack: list[tuple[Any, Any]] = []
    current: Any = None
    key: Any = _NO_KEY
    while True:
        event = get()
        kind = type(event)
        if kind is _Scalar:
            if event.tag is not None or event.anchor is not None:
                raise _Unusual
            # Text is interned: a country's files repeat the same field names, treaty
            # titles and codes year after year, and each would otherwise be its own object
            # (at national scale 145 MB of text, 2 MB of it different).
            value = intern(event.value)
            if event.implicit[0]:
                if type(current) is dict and key is _NO_KEY:
                    if _plain_tag(value) not in _KEY_TAGS:
                        raise _Unusual
                    node: Any = value  # a field name keeps its written form
                else:
                    node = _plain_value(value)
            else:
                node = value
        elif kind is _MappingStart or kind is _SequenceStart:
            if event.tag is not None or event.anchor is not None or len(stack) >= _EVENT_DEPTH:
                raise _Unusual
            if type(current) is dict and key is _NO_KEY:
                raise _Unusual  # a list or mapping as a field name
            stack.append((current, key))
            current, key = ({} if kind is _MappingStart else []), _NO_KEY
            continue
        elif kind is _MappingEnd or kind is _SequenceEnd:
            node = current
            current, key = stack.pop()
        else:
            raise _Unusual  # an alias, or something unexpected
        if current is None:  # the document's root is complete
            if type(get()) is not _DocumentEnd or type(get()) is not _StreamEnd:
                raise _Unusual
            return node
        if type(current) is list:
            current.append(node)
        elif key is _NO_KEY:
            if node in current:
                raise _Unusual  # a duplicate field name
            key = node
        else:
            current[key] = node
            key = _NO_KEY


class StrictLoader(yaml.CSafeLoader):
    """libyaml's safe loader with our refusals."""

    yaml_implicit_resolvers = _resolvers()
    direct = False  # try the direct builder first (set when the text has no alias)
    built_directly = False

    def construct_document(self, node: yaml.Node) -> Any:
        if self.direct:
            try:
                data = _build(self, node, 1)
            except _Unusual:
                pass
            else:
                self.built_directly = True
                return data
        return super().construct_document(node)

    def construct_object(self, node: yaml.Node, deep: bool = False) -> Any:
        if node in self.constructed_objects or node in self.recursive_objects:
            raise YamlProblem("TR105", node.start_mark.line + 1, node.start_mark.column + 1)
        if node.tag in _NOT_JSON:
            raise YamlProblem("TR104", *_at(node), {"tag": _short_tag(node.tag)})
        try:
            return super().construct_object(node, deep=deep)
        except _VALUE_ERRORS as error:
            raise value_problem(node, error) from None

    def construct_mapping(self, node: yaml.MappingNode, deep: bool = False) -> dict[Any, Any]:
        if not isinstance(node, yaml.MappingNode):
            return super().construct_mapping(node, deep=deep)
        mapping: dict[str, Any] = {}
        lines: dict[str, int] = {}
        for key_node, value_node in node.value:
            key = _key_text(key_node)
            if key in mapping:
                raise YamlProblem(
                    "TR103",
                    *_at(key_node),
                    {"key": key, "first_line": str(lines[key])},
                )
            lines[key] = key_node.start_mark.line + 1
            mapping[key] = self.construct_object(value_node, deep=deep)
        return mapping


_CParser = CParser
_SCALAR_LOADER = StrictLoader("")  # the core constructors only read a node's value
_NO_KEY = object()
_EVENT_DEPTH = MAX_DEPTH - 1  # open containers; deeper goes the standard way (TR106)
_Scalar, _Alias = yaml.ScalarEvent, yaml.AliasEvent
_MappingStart, _MappingEnd = yaml.MappingStartEvent, yaml.MappingEndEvent
_SequenceStart, _SequenceEnd = yaml.SequenceStartEvent, yaml.SequenceEndEvent
_StreamStart, _StreamEnd = yaml.StreamStartEvent, yaml.StreamEndEvent
_DocumentStart, _DocumentEnd = yaml.DocumentStartEvent, yaml.DocumentEndEvent


def _build(loader: StrictLoader, node: yaml.Node, level: int) -> Any:
    """The value of a plain node; :class:`_Unusual` for anything the checks must see."""
    if level > MAX_DEPTH:
        raise _Unusual
    kind = type(node)
    tag = node.tag
    if kind is yaml.ScalarNode:
        if tag == _CORE + "str":
            return intern(node.value)
        make = _SCALARS.get(tag)
        if make is None:
            raise _Unusual
        try:
            return make(loader, node)
        except _VALUE_ERRORS as error:
            raise value_problem(node, error) from None
    if kind is yaml.MappingNode and tag == _CORE + "map":
        mapping: dict[str, Any] = {}
        for key_node, value_node in node.value:
            if type(key_node) is not yaml.ScalarNode or key_node.tag not in _KEY_TAGS:
                raise _Unusual
            key = intern(key_node.value)
            if key in mapping:
                raise _Unusual
            mapping[key] = _build(loader, value_node, level + 1)
        return mapping
    if kind is yaml.SequenceNode and tag == _CORE + "seq":
        return [_build(loader, item, level + 1) for item in node.value]
    raise _Unusual


def _at(node: yaml.Node) -> tuple[int, int]:
    return node.start_mark.line + 1, node.start_mark.column + 1


def _short_tag(tag: str) -> str:
    return "!!" + tag.removeprefix(_CORE) if tag.startswith(_CORE) else tag


def value_problem(node: yaml.Node, error: Exception) -> YamlProblem:
    """TR109 at a value its type cannot hold (a number too long, ``!!int abc``)."""
    too_long = isinstance(error, ValueError) and "digits" in str(error)
    detail = "number-too-long" if too_long else "value-not-its-type"
    return YamlProblem("TR109", *_at(node), {"tag": _short_tag(str(node.tag)), "detail": detail})


def _key_text(node: yaml.Node) -> str:
    """A field name as written: keys are always text, never lists, numbers or null."""
    if not isinstance(node, yaml.ScalarNode):
        raise YamlProblem("TR101", *_at(node), {"detail": "key-not-text"})
    if node.tag not in _KEY_TAGS:
        raise YamlProblem("TR104", *_at(node), {"tag": str(node.tag)})
    return str(node.value)


def _mark_of(error: yaml.MarkedYAMLError) -> tuple[int, int]:
    mark = error.problem_mark or error.context_mark
    if mark is None:
        return 1, 1
    return mark.line + 1, mark.column + 1


def _tab_problem(text: str, line: int) -> YamlProblem | None:
    lines = text.splitlines()
    candidates = [line - 1, line - 2, line]
    for index in candidates:
        if 0 <= index < len(lines):
            stripped = lines[index].lstrip(" ")
            if stripped.startswith("\t"):
                column = len(lines[index]) - len(stripped) + 1
                return YamlProblem("TR102", index + 1, column)
    return None


def _syntax(text: str, error: yaml.MarkedYAMLError) -> YamlProblem:
    line, column = _mark_of(error)
    problem_text = str(error.problem or "")
    if "could not find expected ':'" in problem_text and error.context_mark is not None:
        # libyaml notices on the next line; the field without its colon is where it began.
        line, column = error.context_mark.line + 1, error.context_mark.column + 1
    tab = _tab_problem(text, line)
    if tab is not None:
        return tab
    if "nesting depth" in problem_text:
        return YamlProblem("TR106", *_deep_mark(text), {"limit": str(MAX_DEPTH)})
    if isinstance(error, yaml.constructor.ConstructorError) and "tag" in problem_text:
        tag = problem_text.split("tag", 1)[1].strip(" '")
        return YamlProblem("TR104", line, column, {"tag": tag.strip("'")})
    if "another document" in problem_text or "single document" in problem_text:
        return YamlProblem("TR107", line, column)
    quote = _open_quote(text, line)
    if quote is not None:
        return YamlProblem("TR101", *quote, {"detail": "yaml-quote-here"})
    dash = _missing_dash(text, line)
    if dash is not None:
        return YamlProblem("TR101", *dash, {"detail": "yaml-dash-missing"})
    return YamlProblem("TR101", line, column, {"detail": _plain_detail(error)})


def _indent(raw: str) -> int:
    return len(raw) - len(raw.lstrip(" "))


def _missing_dash(text: str, error_line: int) -> tuple[int, int] | None:
    """Where a list's first item lacks its ``- `` (libyaml stops at the second item).

    The error line is a list item; above it, under the same field, the first line is a
    field instead of an item, and no other item comes between: that line is the mistake.
    """
    lines = text.splitlines()
    if not 0 < error_line <= len(lines) or not lines[error_line - 1].lstrip(" ").startswith("- "):
        return None
    level = _indent(lines[error_line - 1])
    first: tuple[int, int] | None = None
    for number in range(error_line - 1, 0, -1):
        raw = lines[number - 1]
        stripped = raw.lstrip(" ")
        if not stripped or stripped.startswith("#"):
            continue
        if _indent(raw) <= level:
            if stripped.startswith("- "):
                return None
            opens_list = stripped.endswith(":") and first is not None
            return first if opens_list else None
        first = (number, _indent(raw) + 1)
    return None


def _open_quote(text: str, error_line: int) -> tuple[int, int] | None:
    """Where a quote opened on one line runs on past its end (a clerk's usual slip).

    libyaml reads an unclosed quote on to the next quote character and reports the error
    there, often many lines below. Quoted values in our forms fit on one line, so the
    first line above the error whose value opens a quote it never closes is the mistake.
    """
    for number, raw in enumerate(text.splitlines()[:error_line], start=1):
        column = _unclosed_quote(raw)
        if column is not None:
            return number, column
    return None


def _unclosed_quote(line: str) -> int | None:
    """1-based column of a quote that the line opens and does not close, if any."""
    position = 0
    while position < len(line):
        char = line[position]
        if char == "#" and (position == 0 or line[position - 1] in " \t"):
            return None
        if char in "\"'" and (position == 0 or line[position - 1] in " \t:-[{,"):
            end = _closing(line, position)
            if end is None:
                return position + 1
            position = end
        position += 1
    return None


def _closing(line: str, start: int) -> int | None:
    quote = line[start]
    position = start + 1
    while position < len(line):
        char = line[position]
        if quote == '"' and char == "\\":
            position += 2
            continue
        if char == quote:
            if quote == "'" and line[position + 1 : position + 2] == "'":
                position += 2
                continue
            return position
        position += 1
    return None


# libyaml's wording of a syntax problem -> a catalogue key (``path_errors``) that says
# the same in plain words; the first piece found in the problem text wins.
_SYNTAX_DETAILS = (
    ("mapping values are not allowed", "yaml-colon"),
    ("could not find expected ':'", "yaml-no-colon"),
    ("did not find expected key", "yaml-key"),
    ("expected '-' indicator", "yaml-dash"),
    ("block sequence entries are not allowed", "yaml-dash-here"),
    ("expected ',' or", "yaml-bracket"),
    ("cannot start any token", "yaml-start-char"),
    ("unknown escape character", "yaml-escape"),
    ("expected comment or line break", "yaml-block-text"),
    ("expected <document start>", "yaml-first-line"),
)


def _plain_detail(error: yaml.MarkedYAMLError) -> str:
    """The catalogue key naming a syntax problem (``yaml-other`` when libyaml's is new)."""
    problem_text = str(error.problem or "")
    if "end of stream" in problem_text and "quoted scalar" in str(error.context or ""):
        return "yaml-quote"
    for piece, key in _SYNTAX_DETAILS:
        if piece in problem_text:
            return key
    return "yaml-other"


def _depth(data: Any) -> int:
    deepest = 0
    stack: list[tuple[Any, int]] = [(data, 1)]
    while stack:
        value, level = stack.pop()
        deepest = max(deepest, level)
        if level > MAX_DEPTH:
            return level
        if isinstance(value, dict):
            stack.extend((child, level + 1) for child in value.values())
        elif isinstance(value, list):
            stack.extend((child, level + 1) for child in value)
    return deepest


def _deep_mark(text: str) -> tuple[int, int]:
    """Where the nesting first goes deeper than :data:`MAX_DEPTH`.

    Uses the pure-Python parser: libyaml looks ahead and fails at its own limit (1000
    levels) before yielding the event we want. Only runs for a file already refused.
    """
    level = 0
    try:
        for event in yaml.parse(text, Loader=yaml.SafeLoader):
            if isinstance(event, yaml.CollectionStartEvent):
                level += 1
                if level > MAX_DEPTH and event.start_mark is not None:
                    return event.start_mark.line + 1, event.start_mark.column + 1
            elif isinstance(event, yaml.CollectionEndEvent):
                level -= 1
    except yaml.YAMLError:
        pass
    return 1, 1


def _reader(text: str, error: yaml.reader.ReaderError) -> YamlProblem:
    """A character YAML does not accept (NUL, other control characters)."""
    raw = text.encode("utf-8")
    position = error.position if isinstance(error.position, int) else 0
    before = raw[:position].decode("utf-8", errors="ignore")
    line = before.count("\n") + 1
    column = len(before) - (before.rfind("\n") + 1) + 1
    return YamlProblem("TR101", line, column, {"detail": "control-character"})


def _alias_mark(text: str) -> tuple[int, int] | None:
    for token in yaml.scan(text, Loader=_BaseLoader):
        mark = token.start_mark
        if isinstance(token, yaml.AliasToken | yaml.AnchorToken) and mark is not None:
            return mark.line + 1, mark.column + 1
    return None


def load_yaml(text: str) -> Any:
    """Parse one YAML document strictly, or raise :class:`YamlProblem`."""
    try:
        return _from_events(text)
    except _Unusual:
        pass
    try:
        loader = StrictLoader(text)
        loader.direct = "*" not in text  # no alias can reuse a node
        try:
            data = loader.get_single_data()
        finally:
            loader.dispose()
    except YamlProblem as problem:
        if problem.code == "TR105":
            mark = _alias_mark(text)
            if mark is not None:
                raise YamlProblem("TR105", *mark) from None
        raise
    except yaml.MarkedYAMLError as error:
        raise _syntax(text, error) from None
    except yaml.reader.ReaderError as error:
        raise _reader(text, error) from None
    except RecursionError:
        raise YamlProblem("TR106", *_deep_mark(text), {"limit": str(MAX_DEPTH)}) from None
    if not loader.built_directly and _depth(data) > MAX_DEPTH:
        raise YamlProblem("TR106", *_deep_mark(text), {"limit": str(MAX_DEPTH)})
    return data


def load_config_yaml(text: str, name: object) -> Any:
    """Parse one of the project's own data files (a catalogue, the law, shared descriptions).

    A broken file there is not a ministry's mistake but a fatal configuration error, which
    still names the file, line and column.
    """
    try:
        return load_yaml(text)
    except YamlProblem as problem:
        raise ConfigurationError(
            f"{name}:{problem.line}:{problem.column}: not valid YAML ({problem.code})"
        ) from None
