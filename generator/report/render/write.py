"""Write a report in one format: the one table from format name to writer."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from generator.check.project import Project
from generator.report.document import Document
from generator.report.model import Consolidation
from generator.report.render import opendata


@dataclass(frozen=True)
class Job:
    consolidation: Consolidation
    document: Document
    project: Project
    lang: str
    when: dt.datetime
    attach: bool = False  # append the recommendations' copies to a PDF


def _text(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(text.encode("utf-8"))
    return path


def _bytes(path: Path, data: bytes) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)
    return path


def _package_name(job: Job) -> str:
    c = job.consolidation
    return f"treaty-report-{c.period}-{c.edition}-{job.lang}"


def _extra(job: Job) -> dict[str, object]:
    c = job.consolidation
    return {"version": str(c.period), "description": " ".join(job.document.notices)}


def write_md(job: Job, out: Path) -> tuple[Path, ...]:
    from generator.report.render.markdown import to_markdown

    return (_text(out, to_markdown(job.document)),)


def write_html(job: Job, out: Path) -> tuple[Path, ...]:
    from generator.report.render.html import to_html

    return (_text(out, to_html(job.document)),)


def write_docx(job: Job, out: Path) -> tuple[Path, ...]:
    from generator.report.render.docx import to_docx

    return (_bytes(out, to_docx(job.document, job.when)),)


def write_pdf(job: Job, out: Path) -> tuple[Path, ...]:
    from generator.report.render.attach import append_copies
    from generator.report.render.pdf import to_pdf

    pdf = to_pdf(job.document, job.when)
    if job.attach:
        pdf = append_copies(pdf, job.document, job.project.root, job.when)
    return (_bytes(out, pdf),)


def write_json(job: Job, out: Path) -> tuple[Path, ...]:
    c, title = job.consolidation, job.document.title
    found = opendata.tables(c, job.project, job.lang)
    _text(out, opendata.to_json(c, job.project, job.lang, title, found))
    resources = [(t, out.name, "json") for t in found]
    package = opendata.datapackage(_package_name(job), title, resources, _extra(job))
    return (out, _text(out.parent / "datapackage.json", package))


def write_csv(job: Job, out: Path) -> tuple[Path, ...]:
    found = opendata.tables(job.consolidation, job.project, job.lang)
    paths = {"entries": out} | {
        t.name: out.with_name(f"{out.stem}.{t.name}.csv") for t in found[1:]
    }
    written = [_text(paths[t.name], opendata.to_csv(t)) for t in found]
    resources = [(t, paths[t.name].name, "csv") for t in found]
    title = job.document.title
    package = opendata.datapackage(_package_name(job), title, resources, _extra(job))
    return (*written, _text(out.parent / "datapackage.json", package))


def write_xlsx(job: Job, out: Path) -> tuple[Path, ...]:
    from generator.report.render.xlsx import to_xlsx

    found = opendata.tables(job.consolidation, job.project, job.lang)
    return (_bytes(out, to_xlsx(found, job.when, job.document.title)),)


WRITER_BY_FORMAT: dict[str, Callable[[Job, Path], tuple[Path, ...]]] = {
    "md": write_md,
    "html": write_html,
    "docx": write_docx,
    "pdf": write_pdf,
    "json": write_json,
    "csv": write_csv,
    "xlsx": write_xlsx,
}
