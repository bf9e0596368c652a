"""The report's own labels (``generator/catalogues/report.<lang>.yaml``) and value labels.

Everything a form knows (titles, column labels, labels of enumerated values) comes from the
form descriptions; only what is the report's own lives in the report catalogue.
"""

from __future__ import annotations

from generator.forms import FormSet
from generator.i18n import Catalogue, area_catalogue

AREA = "report"


ReportLabels = Catalogue


def report_labels(lang: str) -> ReportLabels:
    """The report's labels in ``lang``; a missing key shows the key."""
    return area_catalogue(AREA, lang)


def value_label(forms: FormSet, field: str, code: str, lang: str) -> str:
    """The display label of an enumerated value, from any form that labels ``field`` (the
    form set's merged table, made once: reports and pages ask this for every cell)."""
    return forms.value_label(field, code, lang) or code
