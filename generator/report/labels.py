"""The report's own labels (``generator/catalogues/report.<lang>.yaml``) and value labels.

Everything a form knows (titles, column labels, labels of enumerated values) comes from the
form descriptions; only what is the report's own lives in the report catalogue.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any

import yaml

from generator.errors import ConfigurationError
from generator.forms import FormSet
from generator.i18n import fill
from generator.model import LANGUAGES, Text


@dataclass(frozen=True)
class ReportLabels:
    lang: str
    labels: Mapping[str, str]

    def __call__(self, key: str, **args: Any) -> str:
        return fill(self.labels.get(key, key), args)


@cache
def report_labels(lang: str) -> ReportLabels:
    if lang not in LANGUAGES:
        raise ConfigurationError(f"unknown language {lang!r}; use one of {', '.join(LANGUAGES)}")
    name = f"report.{lang}.yaml"
    try:
        text = resources.files("generator.catalogues").joinpath(name).read_text(encoding="utf-8")
        data = yaml.safe_load(text)
    except (OSError, yaml.YAMLError) as error:
        raise ConfigurationError(f"cannot read message catalogue {name}: {error}") from None
    labels = data.get("labels") if isinstance(data, dict) else None
    if not isinstance(labels, dict):
        raise ConfigurationError(f"message catalogue {name} has no 'labels'")
    return ReportLabels(lang=lang, labels={str(k): str(v) for k, v in labels.items()})


def value_label(forms: FormSet, field: str, code: str, lang: str) -> str:
    """The display label of an enumerated value, from any form that labels ``field``."""
    for form in forms:
        values = form.extra.get("values") or {}
        labels = values.get(field) if isinstance(values, Mapping) else None
        if isinstance(labels, Mapping) and code in labels:
            return Text.from_data(labels[code]).get(lang) or code
    return code
