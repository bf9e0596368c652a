"""Safe, strict YAML loading with libyaml.

- Only the safe constructors; custom tags (``!!python/object``) are refused.
- No implicit timestamps (dates stay strings and are checked by the schema), and only
  ``true``/``false`` are booleans (so the country code ``NO`` stays a string).
- Duplicate keys, anchors and aliases, several documents and deep nesting are refused.

Each refusal is a :class:`YamlProblem` carrying the code and a 1-based line and column.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

import yaml

MAX_DEPTH = 40

_BaseLoader = yaml.CSafeLoader

_BOOL = re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$")


@dataclass(frozen=True)
class YamlProblem(Exception):
    code: str
    line: int
    column: int
    args_: dict[str, str] = field(default_factory=dict)


def _resolvers() -> dict[Any, list[tuple[str, re.Pattern[str]]]]:
    table: dict[Any, list[tuple[str, re.Pattern[str]]]] = {}
    for first, entries in _BaseLoader.yaml_implicit_resolvers.items():
        kept = [
            (tag, rx)
            for tag, rx in entries
            if tag not in ("tag:yaml.org,2002:timestamp", "tag:yaml.org,2002:bool")
        ]
        if first is not None and first in "tTfF":
            kept.append(("tag:yaml.org,2002:bool", _BOOL))
        if kept:
            table[first] = kept
    return table


class StrictLoader(yaml.CSafeLoader):
    """libyaml's safe loader with our refusals."""

    yaml_implicit_resolvers = _resolvers()

    def construct_object(self, node: yaml.Node, deep: bool = False) -> Any:
        if node in self.constructed_objects or node in self.recursive_objects:
            raise YamlProblem("TR105", node.start_mark.line + 1, node.start_mark.column + 1)
        return super().construct_object(node, deep=deep)

    def construct_mapping(self, node: yaml.MappingNode, deep: bool = False) -> dict[Any, Any]:
        seen: dict[Any, yaml.Node] = {}
        for key_node, _ in node.value:
            if isinstance(key_node, yaml.ScalarNode):
                key = key_node.value
                if key in seen:
                    first = seen[key].start_mark.line + 1
                    raise YamlProblem(
                        "TR103",
                        key_node.start_mark.line + 1,
                        key_node.start_mark.column + 1,
                        {"key": str(key), "first_line": str(first)},
                    )
                seen[key] = key_node
        return super().construct_mapping(node, deep=deep)


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
    tab = _tab_problem(text, line)
    if tab is not None:
        return tab
    if "nesting depth" in problem_text:
        return YamlProblem("TR106", line, column, {"limit": str(MAX_DEPTH)})
    if isinstance(error, yaml.constructor.ConstructorError) and "tag" in problem_text:
        tag = problem_text.split("tag", 1)[1].strip(" '")
        return YamlProblem("TR104", line, column, {"tag": tag.strip("'")})
    if "another document" in problem_text or "single document" in problem_text:
        return YamlProblem("TR107", line, column)
    detail = problem_text or str(error.context or "")
    return YamlProblem("TR101", line, column, {"detail": detail})


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
    level = 0
    for event in yaml.parse(text, Loader=_BaseLoader):
        if isinstance(event, yaml.CollectionStartEvent):
            level += 1
            if level > MAX_DEPTH and event.start_mark is not None:
                return event.start_mark.line + 1, event.start_mark.column + 1
        elif isinstance(event, yaml.CollectionEndEvent):
            level -= 1
    return 1, 1


def _alias_mark(text: str) -> tuple[int, int] | None:
    for token in yaml.scan(text, Loader=_BaseLoader):
        mark = token.start_mark
        if isinstance(token, yaml.AliasToken | yaml.AnchorToken) and mark is not None:
            return mark.line + 1, mark.column + 1
    return None


def load_yaml(text: str) -> Any:
    """Parse one YAML document strictly, or raise :class:`YamlProblem`."""
    try:
        loader = StrictLoader(text)
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
    except RecursionError:
        raise YamlProblem("TR106", *_deep_mark(text), {"limit": str(MAX_DEPTH)}) from None
    if _depth(data) > MAX_DEPTH:
        raise YamlProblem("TR106", *_deep_mark(text), {"limit": str(MAX_DEPTH)})
    return data
