"""Both editions built: no internal text anywhere in the public one (pages, search, files)."""

from __future__ import annotations

import gzip
import html
import io
import json
import zipfile
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import Any

import pytest
import yaml
from pypdf import PdfReader

from generator.check.project import open_project
from generator.check.validate import validate
from generator.site.edition import PUBLIC, for_edition
from tests.site.conftest import Built

pytestmark = pytest.mark.slow
MIN_LENGTH = 12


def strings(value: Any) -> Iterator[str]:
    if isinstance(value, Mapping):
        for item in value.values():
            yield from strings(item)
    elif isinstance(value, list | tuple):
        for item in value:
            yield from strings(item)
    elif isinstance(value, str):
        yield value


CATALOGUES = Path(__file__).resolve().parents[2] / "generator" / "catalogues"


def public_sources(repo: Path) -> list[Path]:
    """Public files the site also shows: registers, forms and their schemas (a form's
    layout, its enumerated codes included, is public), the Rules, interface text."""
    found = [p for d in ("registry", "schemas", "law") for p in (repo / d).rglob("*.yaml")]
    return found + sorted((repo / "schemas").glob("*.json")) + sorted(CATALOGUES.glob("*.yaml"))


def public_strings(path: Path) -> Iterator[str]:
    """A public file's strings; of a schema, without its ``examples`` (an internal form's
    example is not shown in the public edition, so its values do not count as public)."""
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    if path.suffix == ".json" and isinstance(data, dict):
        data = {k: v for k, v in data.items() if k != "examples"}
    return strings(data)


def internal_strings(repo: Path) -> set[str]:
    """Texts found only in what the public may not see (internal forms and fields), and not
    inside any public text (a short phrase may also occur in public submissions)."""
    project = open_project(repo)
    submissions = validate(project, documents=True).submissions()
    everything = {s for sub in submissions for s in strings(sub.data)}
    public = [
        s for sub in for_edition(submissions, project.forms, PUBLIC) for s in strings(sub.data)
    ]
    for path in public_sources(repo):
        public.extend(public_strings(path))
    blob = "\n".join(public)
    return {s for s in everything if len(s) >= MIN_LENGTH and s not in blob}


PAGEFIND = {".pf_fragment", ".pf_index", ".pf_meta"}  # gzip, after a "pagefind_dcd" mark


def file_text(path: Path) -> str:
    raw = path.read_bytes()
    if path.suffix in PAGEFIND:
        return gzip.decompress(raw).removeprefix(b"pagefind_dcd").decode("utf-8", "replace")
    if path.suffix == ".docx":
        with zipfile.ZipFile(io.BytesIO(raw)) as docx:
            return " ".join(docx.read(n).decode("utf-8", "replace") for n in docx.namelist())
    if path.suffix == ".pdf":
        return " ".join(page.extract_text() or "" for page in PdfReader(io.BytesIO(raw)).pages)
    text = raw.decode("utf-8", "replace")
    if path.suffix == ".json":
        return json.dumps(json.loads(text), ensure_ascii=False)
    return html.unescape(text)


def output_files(folder: Path) -> list[Path]:
    skip = {".png", ".svg", ".ico", ".woff", ".woff2", ".gz", ".js", ".css", ".map"}
    return [p for p in folder.rglob("*") if p.is_file() and p.suffix not in skip]


def test_public_edition_carries_no_internal_text(built: Built) -> None:
    secrets = internal_strings(built.repo)
    assert len(secrets) > 20, "the demo data should hold chapter 6 material to test with"
    public_files = output_files(built.public)
    kinds = {p.suffix for p in public_files}
    assert {".html", ".json", ".docx", ".pdf", ".csv", ".ics"} <= kinds
    for lang in ("", "ru/", "en/"):  # the search index of each language is searched too
        assert list((built.public / lang / "pagefind" / "fragment").glob("*.pf_fragment"))
    assert {".pf_fragment", ".yaml"} <= kinds
    leaks = [
        (str(path.relative_to(built.public)), secret[:60])
        for path in public_files
        for text in [file_text(path)]
        for secret in secrets
        if secret in text
    ]
    assert leaks == []


def test_internal_edition_holds_chapter_6(built: Built) -> None:
    secrets = internal_strings(built.repo)
    texts = " ".join(file_text(p) for p in output_files(built.internal) if p.suffix == ".html")
    found = [s for s in secrets if s in texts]
    assert found, "the internal edition should show chapter 6 texts"
    assert (built.internal / "forms" / "official-position" / "index.html").is_file()


def test_every_form_is_documented_in_both_editions(built: Built) -> None:
    """A form's layout is not confidential: its page and web form are in the public edition
    too (what its submissions say is not: the test above)."""
    kinds = sorted(p.stem for p in (built.repo / "schemas" / "forms").glob("*.yaml"))
    for root in (built.public, built.internal):
        index = (root / "forms" / "index.html").read_text(encoding="utf-8")
        for kind in kinds:
            assert (root / "forms" / kind / "index.html").is_file(), (root, kind)
            assert f'href="{kind}/"' in index and f'href="{kind}/new/"' in index, (root, kind)
