"""Deploy versions of the public site to a git branch with mike (``treaty site deploy``).

mike's own commands record the version (``versions.json``, aliases) and commit the built
folder to ``branch`` of the git repository in the current folder; the site in between is
built in process by :func:`generator.site.build.build_site`, with the options in the
MkDocs config like any other build.
"""

from __future__ import annotations

import dataclasses
import tempfile
from collections.abc import Sequence
from pathlib import Path

from mike import commands, git_utils

from generator.errors import ConfigurationError
from generator.site.build import SiteBuild, Version, build_site

DEFAULT_ALIAS = "in-force"


def _deploy_one(job: SiteBuild, version: Version, branch: str, site: Path) -> None:
    cfg = {"site_dir": str(site), "use_directory_urls": True}
    try:
        with commands.deploy(cfg, version.name, version.title, list(version.aliases),
                             update_aliases=True, branch=branch):  # fmt: skip
            build_site(dataclasses.replace(job, out=site, versioned=True,
                                           rules_version=version.name))  # fmt: skip
    except git_utils.GitError as error:
        raise ConfigurationError(f"mike deploy of {version.name} failed: {error}") from None


def deploy(
    job: SiteBuild, versions: Sequence[Version], branch: str = "gh-pages", push: bool = False
) -> list[str]:
    """Deploy each version with its aliases, then make ``in-force`` the default."""
    done: list[str] = []
    with tempfile.TemporaryDirectory(prefix="treaty-site-") as tmp:
        for version in versions:
            _deploy_one(job, version, branch, Path(tmp) / version.name)
            done.append(version.name)
    try:
        if DEFAULT_ALIAS in {a for v in versions for a in v.aliases}:
            commands.set_default(DEFAULT_ALIAS, branch=branch)
        if push:
            git_utils.push_branch("origin", branch)
    except git_utils.GitError as error:
        raise ConfigurationError(f"mike failed: {error}") from None
    return done
