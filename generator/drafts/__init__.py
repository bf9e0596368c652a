"""A clerk's first file: the right path, the form's fields, the body's treaties, blanks.

``target`` checks what was asked (form, body, period, event date, file name) and says in
kk/ru/en what is wrong; ``blank`` builds the data with ``''`` where the clerk must write;
``emit`` writes it as YAML with the schema line and comments; ``new`` puts it together.
"""

from generator.drafts.emit import schema_line, yaml_text
from generator.drafts.new import Draft, make_draft, write_new
from generator.drafts.target import Target, resolve_target

__all__ = ["Draft", "Target", "make_draft", "resolve_target", "schema_line", "write_new",
           "yaml_text"]  # fmt: skip
