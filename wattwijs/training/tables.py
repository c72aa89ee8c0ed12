"""The columns the training map's downloads share: the XLSX workbooks and the PDF files show the same rows.

Values stay typed (dates, numbers) so that a spreadsheet can sort them; ``as_text`` turns a row into the
strings a printed table shows.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable, Sequence

from django.utils.translation import gettext as _

from wattwijs.training.models import TrainingOffer
from wattwijs.training.selectors import OverlapRow, RegionGapRow


def joined(items: Iterable[object]) -> str:
    return ", ".join(str(item) for item in items)


def offer_header(*, with_places: bool) -> list[str]:
    header = [
        _("Title"),
        _("Kind"),
        _("Status"),
        _("Level"),
        _("Providers"),
        _("Regions"),
        _("Themes"),
        _("Target groups"),
        _("First start date"),
    ]
    if with_places:
        header.append(_("Places available"))
    header.append(_("Fictitious"))
    return header


def offer_row(offer: TrainingOffer, *, with_places: bool) -> list[object]:
    """One offer; its providers, regions, themes and target groups must be prefetched."""
    row: list[object] = [
        offer.title,
        offer.get_kind_display(),
        offer.get_status_display(),
        offer.level,
        joined(p.name for p in offer.providers.all()),
        joined(r.name for r in offer.regions.all()),
        joined(t.name for t in offer.themes.all()),
        joined(link.get_target_group_display() for link in offer.target_group_links.all()),
        offer.start_date,
    ]
    if with_places:
        row.append(offer.places_available)
    row.append(_("yes") if offer.is_fictitious else _("no"))
    return row


def overlap_header() -> list[str]:
    return [_("Offer"), _("Provider"), _("Offer"), _("Provider"), _("Reason"), _("Verdict"), _("Note")]


def overlap_row(row: OverlapRow) -> list[object]:
    return [
        row.first.title,
        joined(p.name for p in row.first.providers.all()),
        row.second.title,
        joined(p.name for p in row.second.providers.all()),
        row.reason,
        row.mark.get_verdict_display() if row.mark else "",
        row.mark.note if row.mark else "",
    ]


def gap_header() -> list[str]:
    return [_("Region"), _("Priority themes without offer"), _("Target groups without offer")]


def gap_row(row: RegionGapRow) -> list[object]:
    return [
        row.region.name,
        joined(theme.name for theme in row.priority_themes_without_offer),
        joined(row.target_groups_without_offer),
    ]


def as_text(row: Sequence[object]) -> list[str]:
    """A row as printed: dates as dd-mm-jjjj, nothing for an empty value."""
    return [
        value.strftime("%d-%m-%Y") if isinstance(value, datetime.date) else "" if value is None else str(value)
        for value in row
    ]
