"""Message catalogues (kk, ru, en): problem messages, fix hints and interface labels.

Every catalogue is ``generator/catalogues/<lang>.yaml`` (problems, path errors, labels) or
an area's ``generator/catalogues/<area>.<lang>.yaml``, read here with the strict YAML
loader. An area's texts come as a :class:`Catalogue` (a missing key shows the key) or as
:class:`Strings` (a missing key is a broken catalogue); areas wrap either with their own
helpers.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any

from generator.errors import ConfigurationError
from generator.forms import FormSet
from generator.load.yamlsafe import load_config_yaml
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

    def __call__(self, key: str, **args: Any) -> str:
        return self.label(key, **args)

    def localize(
        self,
        problem: Problem,
        forms: FormSet | None = None,
        cite: Callable[[str], str] | None = None,
    ) -> LocalizedProblem:
        """The problem in this language. ``cite`` turns a point of the Rules into its
        citation (callers above the law layer pass :func:`generator.law.cite.citer`, so a
        draft point says so); without it the plain "Rules p. N" label is used."""
        entry = self.problems.get(problem.code, {})
        args: dict[str, str] = dict(problem.args)
        name = args.get("field", "")
        if forms is not None and "allowed" in args:
            args["allowed"] = self._allowed(forms, name, args["allowed"])
        if "field" in args and forms is not None:
            label = forms.label(name, self.lang)
            args["field"] = f"«{label}» ({name})" if label != name else f"«{name}»"
        rule = args.get("rule") or problem.rule  # "{rule}" in a message cites the point
        if rule:
            args["rule"] = self._cite(rule, cite)
        if "detail" in args and args["detail"] in self.path_errors:
            args["detail"] = self.path_errors[args["detail"]]
        hint = fill(entry.get("hint", ""), args)
        if args.get("suggestion"):
            hint = f"{self.label('did_you_mean', suggestion=args['suggestion'])} {hint}".strip()
        return LocalizedProblem(
            problem=problem,
            message=fill(entry.get("message", problem.code), args),
            hint=hint,
            citation=self._cite(problem.rule, cite) if problem.rule else "",
        )

    def _cite(self, rule: str, cite: Callable[[str], str] | None) -> str:
        return cite(rule) if cite is not None else self.label("rule", point=rule)

    def _allowed(self, forms: FormSet, name: str, allowed: str) -> str:
        shown = []
        for value in allowed.split(", "):
            label = forms.value_label(name, value, self.lang)
            shown.append(f"{value} ({label})" if label else value)
        return ", ".join(shown)


@dataclass(frozen=True)
class Strings:
    """An area's texts of one language where every key must exist."""

    area: str
    lang: str
    strings: Mapping[str, str]

    def __call__(self, key: str, **args: Any) -> str:
        try:
            template = self.strings[key]
        except KeyError:
            raise ConfigurationError(f"{self.area}.{self.lang}.yaml: no text {key!r}") from None
        return fill(template, args)

    def get(self, key: str, default: str) -> str:
        return self.strings.get(key, default)


def _read(name: str) -> dict[str, Any]:
    try:
        text = resources.files("generator.catalogues").joinpath(name).read_text(encoding="utf-8")
    except OSError as error:
        raise ConfigurationError(f"cannot read message catalogue {name}: {error}") from None
    data = load_config_yaml(text, name)
    return data if isinstance(data, dict) else {}


def _check_lang(lang: str) -> None:
    if lang not in LANGUAGES:
        raise ConfigurationError(f"unknown language {lang!r}; use one of {', '.join(LANGUAGES)}")


def flatten(data: Mapping[str, Any], prefix: str = "") -> dict[str, str]:
    """Nested keys joined with dots: ``{"nav": {"home": t}}`` -> ``{"nav.home": t}``."""
    flat: dict[str, str] = {}
    for key, value in data.items():
        name = f"{prefix}{key}"
        if isinstance(value, Mapping):
            flat.update(flatten(value, name + "."))
        else:
            flat[name] = str(value)
    return flat


@cache
def catalogue(lang: str = DEFAULT_LANG) -> Catalogue:
    _check_lang(lang)
    data = _read(f"{lang}.yaml")
    return Catalogue(
        lang=lang,
        problems=data.get("problems") or {},
        path_errors=data.get("path_errors") or {},
        labels=data.get("labels") or {},
    )


@cache
def area_texts(area: str, lang: str = DEFAULT_LANG) -> dict[str, str]:
    """The ``labels:`` of ``generator/catalogues/<area>.<lang>.yaml``, nested keys joined."""
    _check_lang(lang)
    name = f"{area}.{lang}.yaml"
    texts = _read(name).get("labels")
    if not isinstance(texts, Mapping):
        raise ConfigurationError(f"{name}: 'labels' must map keys to text")
    return flatten(texts)


@cache
def area_catalogue(area: str, lang: str = DEFAULT_LANG) -> Catalogue:
    """An area's own labels, from ``generator/catalogues/<area>.<lang>.yaml`` (``labels:``)."""
    return Catalogue(lang=lang, problems={}, path_errors={}, labels=area_texts(area, lang))


@cache
def area_strings(area: str, lang: str = DEFAULT_LANG) -> Strings:
    """An area's texts where a missing key is an error (:class:`Strings`)."""
    return Strings(area, lang, area_texts(area, lang))
