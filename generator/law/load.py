"""Load ``law/`` (the instrument and its acts), check it against its schemas, build the model.

A broken law folder is the repository's own fault, so it raises
:class:`~generator.errors.ConfigurationError` naming the file and the JSON path.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any, cast

from jsonschema import Draft202012Validator

from generator.errors import ConfigurationError
from generator.law.model import (
    Act,
    Adoption,
    Block,
    Instruction,
    Law,
    Note,
    PartialDate,
    Provision,
    Quote,
)
from generator.load.yamlsafe import load_config_yaml

REPOSITORY = Path(__file__).resolve().parents[2]
LAW_DIR = REPOSITORY / "law"
SCHEMA_DIR = REPOSITORY / "schemas"
ACT_SCHEMA = "law-act.schema.json"
INSTRUMENT_SCHEMA = "law-instrument.schema.json"


def load_law(law_dir: Path = LAW_DIR, schema_dir: Path = SCHEMA_DIR) -> Law:
    """Read ``instrument.yaml`` and ``acts/*.yaml`` from ``law_dir`` and return the model."""
    instrument = _read(law_dir / "instrument.yaml", schema_dir / INSTRUMENT_SCHEMA)
    provisions = tuple(_provision(item) for item in instrument["provisions"])
    acts = tuple(
        _act(_read(path, schema_dir / ACT_SCHEMA), path)
        for path in sorted((law_dir / "acts").glob("*.yaml"))
    )
    acts = tuple(sorted(acts, key=lambda act: (act.effective_date, act.id)))
    law = Law(provisions=provisions, acts=acts, notes=_notes(instrument.get("notes")))
    _check_references(law, instrument["base_act"], law_dir)
    return law


def _read(path: Path, schema_path: Path) -> dict[str, Any]:
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as error:
        raise ConfigurationError(f"{path}: cannot be read: {error.strerror}") from None
    data = load_config_yaml(text, path)
    schema = json.loads(schema_path.read_text(encoding="utf-8"))
    errors = sorted(Draft202012Validator(schema).iter_errors(data), key=lambda e: list(e.path))
    if errors:
        first = errors[0]
        where = "/".join(str(part) for part in first.absolute_path) or "(top)"
        raise ConfigurationError(f"{path}: {where}: {first.message}")
    return cast(dict[str, Any], data)


def _date(value: str | None, path: Path, field: str) -> dt.date | None:
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise ConfigurationError(f"{path}: {field}: {value!r} is not a real date") from None


def _partial_date(value: str, path: Path) -> PartialDate:
    if len(value) == 4:
        return PartialDate(int(value))
    day = _date(value, path, "date")
    assert day is not None
    return PartialDate(day.year, day.month, day.day)


def _notes(items: Iterable[Mapping[str, str]] | None) -> tuple[Note, ...]:
    return tuple(Note(dict(item)) for item in items or ())


def _provision(item: Mapping[str, Any]) -> Provision:
    return Provision(
        id=item["id"],
        part=item["part"],
        kind=item["kind"],
        number=item.get("number"),
        chapter=item.get("chapter"),
        notes=_notes(item.get("notes")),
    )


def _instruction(item: Mapping[str, Any]) -> Instruction:
    wordings = {key: tuple(value) for key, value in (item.get("wordings") or {}).items()}
    return Instruction(
        text=item.get("text"),
        action=item["action"],
        targets=tuple(item["targets"]),
        wordings=wordings,
        certainty=item.get("certainty", "stated"),
        notes=_notes(item.get("notes")),
    )


def _adoption(item: Mapping[str, Any] | None, path: Path) -> Adoption | None:
    if item is None:
        return None
    return Adoption(
        act=item["act"],
        number=item["number"],
        date=_date(item["date"], path, "adoption/date"),
        entry_into_force=_date(item["entry_into_force"], path, "adoption/entry_into_force"),
        source=item.get("source"),
    )


def _act(data: Mapping[str, Any], path: Path) -> Act:
    document = data.get("document") or {"opening": [], "closing": []}
    source = data.get("source") or {}
    return Act(
        id=data["id"],
        kind=data["kind"],
        number=data["number"],
        date=_partial_date(data["date"], path),
        issuing_body=data["issuing_body"],
        status=data["status"],
        entry_into_force=_date(data["entry_into_force"], path, "entry_into_force"),
        certainty=data["certainty"],
        scope_known=data["scope_known"],
        instructions=tuple(_instruction(item) for item in data["instructions"]),
        quotes=tuple(
            Quote(q["provision"], tuple(q["paragraphs"]), q.get("verbatim"), _notes(q.get("notes")))
            for q in data.get("quotes", ())
        ),
        opening=tuple(Block(b["role"], b["text"]) for b in document["opening"]),
        closing=tuple(Block(b["role"], b["text"]) for b in document["closing"]),
        published=data.get("published"),
        source_document=source.get("document"),
        source_description=source.get("description"),
        source_url=source.get("url"),
        date_guessed=bool(data.get("date_guessed", False)),
        draft_kind=(data.get("draft") or {}).get("kind"),
        draft_entry_rule=(data.get("draft") or {}).get("entry_into_force_rule"),
        adoption=_adoption(data.get("adoption"), path),
        notes=_notes(data.get("notes")),
    )


def _check_references(law: Law, base_act: str, law_dir: Path) -> None:
    known = {provision.id for provision in law.provisions}
    if len(known) != len(law.provisions):
        raise ConfigurationError(f"{law_dir / 'instrument.yaml'}: a provision id is repeated")
    act_ids = [act.id for act in law.acts]
    if len(set(act_ids)) != len(act_ids):
        raise ConfigurationError(f"{law_dir / 'acts'}: an act id is repeated")
    if base_act not in act_ids:
        raise ConfigurationError(f"{law_dir / 'instrument.yaml'}: base_act {base_act} not found")
    for act in law.acts:
        used = [t for i in act.instructions for t in (*i.targets, *i.wordings)]
        used += [quote.provision for quote in act.quotes]
        for provision_id in used:
            if provision_id not in known:
                raise ConfigurationError(
                    f"{law_dir / 'acts'}: act {act.id} names unknown provision {provision_id}"
                )
        for instruction in act.instructions:
            stray = set(instruction.wordings) - set(instruction.targets)
            if stray:
                raise ConfigurationError(
                    f"act {act.id}: wordings for {sorted(stray)}, which the instruction "
                    "does not target"
                )
