"""``treaty site serve``: MkDocs' live-reloading server around our own configuration.

As ``mkdocs serve`` does, but every rebuild loads the configuration again through
:func:`generator.site.build.load_site_config`, so the plugin's options come from the
command line through the MkDocs config (not the environment), and each rebuild has a new
build session: an edit under ``submissions/``, ``registry/``, ``schemas/`` or ``law/``
(watched by the plugin's ``on_serve``) shows at the next rebuild.
"""

from __future__ import annotations

import dataclasses
import shutil
import tempfile
from pathlib import Path
from urllib.parse import urlsplit

from mkdocs.commands.build import build
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.livereload import LiveReloadServer, _serve_url

from generator.site.build import SiteBuild, load_site_config


def serve(job: SiteBuild, dev_addr: str) -> None:
    """Build ``job`` into a temporary folder, serve it, rebuild on every change."""
    site_dir = Path(tempfile.mkdtemp(prefix="treaty-serve-"))
    job = dataclasses.replace(job, out=site_dir, strict=False)

    def get_config() -> MkDocsConfig:
        return load_site_config(job, dev_addr=dev_addr)

    config = get_config()
    config.plugins.on_startup(command="serve", dirty=False)
    host, port = config.dev_addr
    mount_path = urlsplit(config.site_url or "/").path
    serve_url = _serve_url(host, port, mount_path)

    def builder(config: MkDocsConfig | None = None) -> None:
        build(config or get_config(), serve_url=serve_url)

    server = LiveReloadServer(builder=builder, host=host, port=port, root=str(site_dir),
                              mount_path=mount_path)  # fmt: skip
    try:
        builder(config)
        server.watch(config.docs_dir)
        if config.config_file_path:
            server.watch(config.config_file_path)
        server = config.plugins.on_serve(server, config=config, builder=builder)
        try:
            server.serve()
        except KeyboardInterrupt:
            pass
        finally:
            server.shutdown()
    finally:
        config.plugins.on_shutdown()
        shutil.rmtree(site_dir, ignore_errors=True)
