"""Message catalogues (kk, ru, en): problem messages, fix hints and interface labels."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any

import yaml

from generator.errors import ConfigurationError
from generator.forms import FormSet
from generator.model import LANGUAGES
from generator.problems import LocalizedProblem, Problem

DEFAULT_LANG = "kk"


class _Blank(dict[str, str]):
    def __missing__(self, key: str) -> str:
        return "{" + key + "}"


def fill(template: str, args: Mapping[str, Any]) -> str:
    return template.format_map(_Blank({k: str(v) for k, v in args.items()}))


@dataclass(frozen=True)
class Catalogue:
    lang: str
    problems: Mapping[str, Mapping[str, str]]
    path_errors: Mapping[str, str]
    labels: Mapping[str, str]

    def label(self, key: str, **args: Any) -> str:
        return fill(self.labels.get(key, key), args)

    def localize(self, problem: Problem, forms: FormSet | None = None) -> LocalizedProblem:
        entry = self.problems.get(problem.code, {})
        args: dict[str, str] = dict(problem.args)
        name = args.get("field", "")
        if forms is not None and "allowed" in args:
            args["allowed"] = self._allowed(forms, name, args["allowed"])
        if "field" in args and forms is not None:
            label = forms.label(name, self.lang)
            args["field"] = f"«{label}» ({name})" if label != name else f"«{name}»"
        if args.get("rule"):
            args["rule"] = self.label("rule", point=args["rule"])
        if "detail" in args and args["detail"] in self.path_errors:
            args["detail"] = self.path_errors[args["detail"]]
        hint = fill(entry.get("hint", ""), args)
        if args.get("suggestion"):
            hint = f"{self.label('did_you_mean', suggestion=args['suggestion'])} {hint}".strip()
        return LocalizedProblem(
            problem=problem,
            message=fill(entry.get("message", problem.code), args),
            hint=hint,
            citation=self.label("rule", point=problem.rule) if problem.rule else "",
        )

    def _allowed(self, forms: FormSet, name: str, allowed: str) -> str:
        shown = []
        for value in allowed.split(", "):
            label = forms.value_label(name, value, self.lang)
            shown.append(f"{value} ({label})" if label else value)
        return ", ".join(shown)


def _read(name: str) -> dict[str, Any]:
    try:
        text = resources.files("generator.catalogues").joinpath(name).read_text(encoding="utf-8")
        data = yaml.safe_load(text)
    except (OSError, yaml.YAMLError) as error:
        raise ConfigurationError(f"cannot read message catalogue {name}: {error}") from None
    return data if isinstance(data, dict) else {}


@cache
def catalogue(lang: str = DEFAULT_LANG) -> Catalogue:
    if lang not in LANGUAGES:
        raise ConfigurationError(f"unknown language {lang!r}; use one of {', '.join(LANGUAGES)}")
    data = _read(f"{lang}.yaml")
    return Catalogue(
        lang=lang,
        problems=data.get("problems") or {},
        path_errors=data.get("path_errors") or {},
        labels=data.get("labels") or {},
    )


@cache
def area_catalogue(area: str, lang: str = DEFAULT_LANG) -> Catalogue:
    """An area's own labels, from ``generator/catalogues/<area>.<lang>.yaml`` (``labels:``)."""
    if lang not in LANGUAGES:
        raise ConfigurationError(f"unknown language {lang!r}; use one of {', '.join(LANGUAGES)}")
    data = _read(f"{area}.{lang}.yaml")
    return Catalogue(lang=lang, problems={}, path_errors={}, labels=data.get("labels") or {})
