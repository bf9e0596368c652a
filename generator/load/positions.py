"""Map a JSON path back to the line and column of its YAML node.

Only called for files that have a problem, so the fast path never composes nodes.
"""

from __future__ import annotations

from collections.abc import Sequence

import yaml

from generator.load.yamlsafe import StrictLoader

PathPart = str | int


def compose(text: str) -> yaml.Node | None:
    try:
        return yaml.compose(text, Loader=StrictLoader)
    except yaml.YAMLError:
        return None


def _child(node: yaml.Node, part: PathPart) -> tuple[yaml.Node | None, yaml.Node | None]:
    """(value node, key node) for one step of the path."""
    if isinstance(node, yaml.MappingNode):
        for key_node, value_node in node.value:
            if isinstance(key_node, yaml.ScalarNode) and key_node.value == str(part):
                return value_node, key_node
    elif (
        isinstance(node, yaml.SequenceNode)
        and isinstance(part, int)
        and 0 <= part < len(node.value)
    ):
        return node.value[part], None
    return None, None


def locate(root: yaml.Node | None, parts: Sequence[PathPart], key: bool = False) -> tuple[int, int]:
    """Line and column (1-based) of the deepest node on ``parts``.

    With ``key=True`` and a mapping key at the end of the path, point at the key itself
    (used for unknown fields).
    """
    if root is None:
        return 1, 1
    node = root
    key_node: yaml.Node | None = None
    for part in parts:
        child, key_node = _child(node, part)
        if child is None:
            key_node = None
            break
        node = child
    target = key_node if key and key_node is not None else node
    mark = target.start_mark
    return mark.line + 1, mark.column + 1


def json_path(parts: Sequence[PathPart]) -> str:
    out = "$"
    for part in parts:
        out += f"[{part}]" if isinstance(part, int) else f".{part}"
    return out
