from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from generator.check.findings import Finding
from generator.check.meaning import (
    check_body_refs,
    check_date_order,
    check_event_date,
    check_header,
    check_registry,
    check_treaties,
    walk,
)
from generator.model import Form
from generator.paths import FilePlace
from generator.registry import Registry, registry_from_data
from testing.repo import real_forms

BODIES = {
    "bodies": [
        {"code": "water", "category": "ministry"},
        {"code": "energy", "category": "ministry"},
        {"code": "mfa", "category": "ministry"},
        {"code": "pm-office", "category": "pm-office"},
    ]
}
TREATIES = {
    "treaties": [
        {"id": "in-force", "in_force": "2002-01-29", "bodies": ["water"]},
        {"id": "signed", "in_force": None, "bodies": ["water"]},
        {"id": "from-2023", "in_force": "2023-09-15", "bodies": ["water"]},
        {"id": "energy-only", "in_force": "1998-04-16", "bodies": ["energy"]},
    ]
}


@pytest.fixture(scope="module")
def registry() -> Registry:
    return registry_from_data(BODIES, TREATIES)


def _form(kind: str) -> Form:
    form = real_forms().get(kind)
    assert form is not None
    return form


def _codes(found: list[Finding]) -> list[tuple[tuple[str | int, ...], str]]:
    return [(f.parts, f.code) for f in found]


ANNUAL = FilePlace("treaties-in-force", 2025, "water")


def test_walk_visits_every_value_in_order() -> None:
    assert [p for p, _ in walk({"a": [1, {"b": 2}], "c": 3})] == [
        (),
        ("a",),
        ("a", 0),
        ("a", 1),
        ("a", 1, "b"),
        ("c",),
    ]


def test_header_matches_path(registry: Registry) -> None:
    data = {"body": "water", "period": 2025}
    assert check_header(ANNUAL, data, _form("treaties-in-force"), registry) == []


def test_header_body_and_period_differ(registry: Registry) -> None:
    found = check_header(
        ANNUAL, {"body": "energy", "period": 2024}, _form("treaties-in-force"), registry
    )
    assert _codes(found) == [(("body",), "TR301"), (("period",), "TR302")]
    assert found[0].args == {"value": "energy", "expected": "water"}


def test_header_unknown_body_and_body_not_allowed(registry: Registry) -> None:
    unknown = FilePlace("treaties-in-force", 2025, "magic")
    assert _codes(
        check_header(unknown, {"body": "magic"}, _form("treaties-in-force"), registry)
    ) == [(("body",), "TR309")]
    pm = FilePlace("treaties-in-force", 2025, "pm-office")
    found = check_header(pm, {"body": "pm-office"}, _form("treaties-in-force"), registry)
    assert _codes(found) == [(("body",), "TR312")]
    mfa_only = FilePlace("assessment", 2025, "water")
    assert _codes(check_header(mfa_only, {"body": "water"}, _form("assessment"), registry)) == [
        (("body",), "TR312")
    ]


def test_event_date_must_match_file_name_and_period() -> None:
    place = FilePlace("event-report", 2025, "water", dt.date(2025, 4, 22), "x")
    form = _form("event-report")
    assert check_event_date(place, {"start": "2025-04-22"}, form) == []
    assert _codes(check_event_date(place, {"start": "2025-04-21"}, form)) == [(("start",), "TR311")]
    old = FilePlace("event-report", 2025, "water", dt.date(2024, 12, 30), "x")
    assert _codes(check_event_date(old, {"start": "2024-12-30"}, form)) == [(("start",), "TR306")]
    assert check_event_date(place, {"start": "not a date"}, form) == []


@pytest.mark.parametrize(
    ("first", "second"),
    [
        ("start", "end"),
        ("letter_date", "mfa_informed_on"),
    ],
)
def test_dates_in_order(first: str, second: str) -> None:
    assert check_date_order({first: "2025-05-02", second: "2025-05-02"}) == []
    found = check_date_order({"rows": [{first: "2025-05-02", second: "2025-05-01"}]})
    assert _codes(found) == [(("rows", 0, second), "TR307")]


@pytest.mark.parametrize(
    ("first", "second"),
    [
        ("consulted_on", "departure"),  # late under point 48, judged by the deadlines
        ("event_end", "requested_on"),  # point 46 sets no order: the MFA may ask early
    ],
)
def test_orders_the_rules_do_not_set_are_not_errors(first: str, second: str) -> None:
    assert check_date_order({first: "2025-05-02", second: "2025-05-01"}) == []


def _rows(*ids: str) -> dict[str, Any]:
    return {"annex1": [{"treaty": i} for i in ids]}


def test_treaty_status_fits_annexes_1_to_3(registry: Registry) -> None:
    form = _form("treaties-in-force")
    assert check_treaties(ANNUAL, _rows("in-force"), form, registry) == []
    found = check_treaties(ANNUAL, _rows("signed", "nope", "energy-only"), form, registry)
    assert _codes(found) == [
        (("annex1", 0, "treaty"), "TR304"),
        (("annex1", 1, "treaty"), "TR303"),
        (("annex1", 2, "treaty"), "TR314"),
    ]


def test_in_force_is_judged_at_the_end_of_the_period(registry: Registry) -> None:
    form = _form("treaties-in-force")
    place_2022 = FilePlace("treaties-in-force", 2022, "water")
    place_2023 = FilePlace("treaties-in-force", 2023, "water")
    assert _codes(check_treaties(place_2022, _rows("from-2023"), form, registry)) == [
        (("annex1", 0, "treaty"), "TR304")
    ]
    assert check_treaties(place_2023, _rows("from-2023"), form, registry) == []


def test_treaty_status_fits_annexes_4_and_5(registry: Registry) -> None:
    form = _form("domestic-procedures")
    place = FilePlace("domestic-procedures", 2025, "water")
    data = {"annex4": [{"treaty": "signed"}, {"treaty": "in-force"}]}
    found = check_treaties(place, data, form, registry)
    assert _codes(found) == [(("annex4", 1, "treaty"), "TR305")]
    assert found[0].args == {"value": "in-force", "since": "2002-01-29"}


def test_treaty_twice_in_one_table(registry: Registry) -> None:
    found = check_treaties(
        ANNUAL, _rows("in-force", "in-force"), _form("treaties-in-force"), registry
    )
    assert _codes(found) == [(("annex1", 1, "treaty"), "TR308")]
    assert found[0].args["first"] == "1"


def test_same_treaty_in_two_tables_is_fine(registry: Registry) -> None:
    data = {**_rows("in-force"), "annex3": [{"treaty": "in-force"}]}
    assert check_treaties(ANNUAL, data, _form("treaties-in-force"), registry) == []


def test_treaties_outside_the_tables_must_exist(registry: Registry) -> None:
    place = FilePlace("transmittal", 2025, "pm-office")
    data = {"proposals": [{"treaty": "in-force"}, {"treaty": "nope"}]}
    found = check_treaties(place, data, _form("transmittal"), registry)
    assert _codes(found) == [(("proposals", 1, "treaty"), "TR303")]


def test_requested_body_must_exist(registry: Registry) -> None:
    assert check_body_refs({"requested_body": "water"}, registry) == []
    assert _codes(check_body_refs({"requested_body": "magic"}, registry)) == [
        (("requested_body",), "TR315")
    ]


def test_registry_codes_and_ids_are_unique(registry: Registry) -> None:
    bodies = {"bodies": [{"code": "a"}, {"code": "b"}, {"code": "a"}]}
    found = check_registry("registry-bodies", bodies, registry)
    assert _codes(found) == [(("bodies", 2, "code"), "TR310")]
    assert found[0].args == {"value": "a", "first": "1"}
    treaties = {"treaties": [{"id": "x", "bodies": ["water", "magic"]}, {"id": "x"}]}
    assert _codes(check_registry("registry-treaties", treaties, registry)) == [
        (("treaties", 1, "id"), "TR310"),
        (("treaties", 0, "bodies", 1), "TR315"),
    ]


def test_registry_checks_tolerate_malformed_items(registry: Registry) -> None:
    assert check_registry("registry-bodies", {"bodies": [1, None, {"code": 5}]}, registry) == []
    assert check_registry("registry-treaties", {"treaties": ["x", {"bodies": 3}]}, registry) == []
    assert check_registry("registry-duties", {}, registry) == []


def test_russian_text_under_kk_is_a_warning() -> None:
    from generator.check.meaning import check_languages
    from generator.check.scan import scan

    russian = "Обмен гидрологическими данными по трансграничным рекам."
    kazakh = "Трансшекаралық өзендер бойынша гидрологиялық деректермен алмасу."
    data = {
        "a": {"kk": russian, "ru": russian},
        "b": {"kk": kazakh, "ru": russian},
        "c": {"kk": "Астана", "ru": "Астана"},
        "d": {"kk": "Treaty on the Eurasian Economic Union, signed in Astana", "en": "x"},
    }
    found = check_languages(scan(data))
    assert [(f.parts, f.code) for f in found] == [(("a", "kk"), "TR317")]
