"""What the GitHub-facing commands share: the API adapter they receive, the event option,
the comment languages. The workflows get the adapter from here and never build one."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

import click

from generator.github.api import GitHubApi, api_from_env
from generator.model import LANGUAGES

COMMENT_LANGS = ("kk", "ru")
EXTRA_LANG_LABEL = "lang:"


def github_api(ctx: click.Context) -> GitHubApi:
    """The API object tests put in ``ctx.obj['github_api']``, else GitHub's REST API."""
    obj = ctx.find_root().obj
    if isinstance(obj, dict) and obj.get("github_api") is not None:
        api: GitHubApi = obj["github_api"]
        return api
    return api_from_env()


class LazyTeams:
    """Opens GitHub's API only when a team has to be looked up."""

    def __init__(self, ctx: click.Context) -> None:
        self._ctx = ctx

    def team_members(self, org: str, team: str) -> list[str]:
        return github_api(self._ctx).team_members(org, team)


def event_option(func: Any) -> Any:
    return click.option(
        "--event",
        "event_path",
        type=click.Path(dir_okay=False, path_type=Path),
        envvar="GITHUB_EVENT_PATH",
        required=True,
        help="The event payload (default: $GITHUB_EVENT_PATH).",
    )(func)


def comment_langs(labels: Sequence[str]) -> list[str]:
    """kk and ru always; a label such as ``lang:en`` adds a language."""
    extra = [x.removeprefix(EXTRA_LANG_LABEL) for x in labels if x.startswith(EXTRA_LANG_LABEL)]
    return list(dict.fromkeys([*COMMENT_LANGS, *(x for x in extra if x in LANGUAGES)]))
