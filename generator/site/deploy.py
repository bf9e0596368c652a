"""Deploy versions of the public site to a git branch with mike (``treaty site deploy``).

mike builds the site itself by running ``mkdocs build``; the plugin's options come from
the environment (``TREATY_*``, read by ``mkdocs.yml``), the output goes to a temporary
folder, and the result is committed to ``branch`` of the repository in ``cwd``.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Mapping, Sequence
from pathlib import Path

from generator.errors import ConfigurationError
from generator.site.build import SiteBuild, Version

DEFAULT_ALIAS = "in-force"


def deploy_env(job: SiteBuild, site_dir: Path, rules_version: str = "") -> dict[str, str]:
    env = dict(os.environ)
    env.update(
        TREATY_RULES_VERSION=rules_version,
        TREATY_REPO=str(job.repo.resolve()),
        TREATY_EDITION=job.edition,
        TREATY_AS_OF=job.as_of.isoformat(),
        TREATY_VERSIONED="true",
        TREATY_SITE_DIR=str(site_dir),
        NO_MKDOCS_2_WARNING="1",
        PATH=os.pathsep.join([str(Path(sys.executable).parent), env.get("PATH", "")]),
    )
    return env


def _mike(args: Sequence[str], cwd: Path, env: Mapping[str, str]) -> str:
    program = shutil.which("mike", path=env.get("PATH"))
    if program is None:
        raise ConfigurationError("mike is not installed: pip install -e '.[site]'")
    command = [program, *args]
    done = subprocess.run(command, cwd=cwd, env=dict(env), capture_output=True, text=True)
    if done.returncode != 0:
        detail = (done.stderr or done.stdout).strip().splitlines()[-5:]
        raise ConfigurationError(f"mike {args[0]} failed: " + " | ".join(detail))
    return done.stdout


def deploy(
    job: SiteBuild, versions: Sequence[Version], cwd: Path, branch: str = "gh-pages",
    push: bool = False,
) -> list[str]:  # fmt: skip
    """Deploy each version with its aliases, then make ``in-force`` the default."""
    done: list[str] = []
    with tempfile.TemporaryDirectory(prefix="treaty-site-") as tmp:
        env = deploy_env(job, Path(tmp) / "site")
        config = ["--config-file", str(job.config_file), "--branch", branch]
        for version in versions:
            extra = ["--push"] if push else []
            version_env = deploy_env(job, Path(tmp) / "site", version.name)
            _mike(["deploy", *config, "--update-aliases", "--title", version.title, *extra,
                   version.name, *version.aliases], cwd, version_env)  # fmt: skip
            done.append(version.name)
        aliases = {a for v in versions for a in v.aliases}
        if DEFAULT_ALIAS in aliases:
            _mike(["set-default", *config, *(["--push"] if push else []), DEFAULT_ALIAS], cwd, env)
    return done
