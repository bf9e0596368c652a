"""A submission's data as YAML in the house style, with the schema line and comments.

The house style is the one of the committed submissions: block style, lists at the level
of their key, keys in the form's order, dates as quoted strings. Every treaty id gets its
title as a comment (``- treaty: <id>  # <title>``), so a clerk sees which treaty a row is.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from typing import Any

import yaml

_TREATY = re.compile(r"^(?P<lead>\s*(?:- )?treaty: )(?P<id>[a-z0-9][a-z0-9-]*)$")


def schema_line(schema_file: str, rel: str) -> str:
    """``# yaml-language-server: $schema=../../../schemas/<form>.schema.json`` for ``rel``."""
    up = "../" * rel.count("/")
    return f"# yaml-language-server: $schema={up}schemas/{schema_file}"


def one_line(text: str) -> str:
    """Text fit for a comment: one line, no control characters."""
    return " ".join("".join(c if c.isprintable() else " " for c in text).split())


def _commented(line: str, titles: Mapping[str, str]) -> str:
    match = _TREATY.match(line)
    title = titles.get(match["id"]) if match else None
    return f"{line}  # {one_line(title)}" if title else line


def dump(data: Mapping[str, Any]) -> str:
    """The data as block-style YAML that the strict loader reads back to the same data."""
    return yaml.dump(
        dict(data), Dumper=yaml.CSafeDumper, allow_unicode=True, sort_keys=False,
        default_flow_style=False, width=10_000,
    )  # fmt: skip


def yaml_text(
    data: Mapping[str, Any],
    *,
    schema: str,
    titles: Mapping[str, str] | None = None,
    before: Iterable[str] = (),
    after: Iterable[str] = (),
) -> str:
    """The file's text: schema line, comment lines ``before``, data, comment lines ``after``."""
    comments = [f"# {one_line(c)}" for c in before]
    body = [_commented(line, titles or {}) for line in dump(data).splitlines()]
    trailer = [f"# {one_line(c)}" for c in after]
    return "\n".join([schema, *comments, *body, *trailer]) + "\n"
