"""The consolidated Annex 6 report per period, with DOCX, PDF, CSV and JSON downloads.

The report itself is built by :mod:`generator.report` (the core ``treaty report`` uses);
this module only places its outputs on the site.
"""

from __future__ import annotations

from generator.site.data import SiteData
from generator.site.render import render_page
from generator.site.report_files import FORMATS, report_outputs
from generator.site.texts import SiteTexts


def _period_page(data: SiteData, texts: SiteTexts, period: int) -> str:
    src = f"reports/{period}.md"
    outputs = report_outputs(data, period, texts.lang)
    downloads = [(fmt, f"downloads/{name}") for fmt, name in outputs.names.items()]
    return render_page(
        "report.md.j2",
        src,
        texts("reports.period_title", period=period),
        texts,
        period=period,
        html=outputs.html,
        downloads=downloads,
        formats=FORMATS,
        edition=data.edition,
        missing=outputs.missing,
    )


def report_periods(data: SiteData) -> list[int]:
    """Periods someone has reported on, newest first."""
    return sorted({s.period for s in data.submissions}, reverse=True)


def pages(data: SiteData, texts: SiteTexts) -> dict[str, str]:
    periods = report_periods(data)
    found = {
        "reports/index.md": render_page(
            "reports.md.j2", "reports/index.md", texts("reports.title"), texts, periods=periods
        )
    }
    for period in periods:
        found[f"reports/{period}.md"] = _period_page(data, texts, period)
    return found


def files(data: SiteData, texts: SiteTexts) -> dict[str, bytes]:
    found: dict[str, bytes] = {}
    for period in report_periods(data):
        outputs = report_outputs(data, period, texts.lang)
        found.update({f"downloads/{name}": outputs.files[name] for name in outputs.names.values()})
    return found
