"""The kinds of figures a coordinator enters by hand: their model, form, list columns and web address part."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django import forms
from django.db import models
from django.utils.formats import localize
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from wattwijs.capacity import forms as capacity_forms
from wattwijs.capacity.models import (
    Driver,
    Innovation,
    InnovationAdoption,
    InnovationSaving,
    LabourIntensity,
    Occupation,
    Supply,
)


@dataclass(frozen=True)
class FigureKind:
    slug: str  # in web addresses
    model: type[models.Model]
    form: type[forms.ModelForm]  # type: ignore[type-arg]
    title: Promise
    new_title: Promise
    edit_title: Promise
    columns: tuple[Promise, ...]
    cells: Callable[[Any], list[object]]
    related: tuple[str, ...] = ()
    ordering: tuple[str, ...] = ()


def _number(value: float) -> str:
    return str(localize(round(value, 2)))


KINDS: dict[str, FigureKind] = {
    kind.slug: kind
    for kind in [
        FigureKind(
            slug="beroepen",
            model=Occupation,
            form=capacity_forms.OccupationForm,
            title=_("Occupations"),
            new_title=_("New occupation"),
            edit_title=_("Change occupation"),
            columns=(_("Occupation"), _("Code"), _("Order")),
            cells=lambda o: [o.name, o.code, o.position],
            ordering=("position", "name"),
        ),
        FigureKind(
            slug="aanjagers",
            model=Driver,
            form=capacity_forms.DriverForm,
            title=_("Work-volume drivers"),
            new_title=_("New work-volume driver"),
            edit_title=_("Change work-volume driver"),
            columns=(_("Region"), _("Theme"), _("Unit"), _("Year"), _("Volume"), _("Source")),
            cells=lambda d: [d.region.name, d.theme.name, d.unit.name, d.year, _number(d.volume), d.source],
            related=("region", "theme", "unit"),
            ordering=("region__code", "theme__position", "unit__name", "year"),
        ),
        FigureKind(
            slug="arbeidsintensiteiten",
            model=LabourIntensity,
            form=capacity_forms.LabourIntensityForm,
            title=_("Labour intensities"),
            new_title=_("New labour intensity"),
            edit_title=_("Change labour intensity"),
            columns=(_("Unit"), _("Occupation"), _("Hours per unit"), _("Source")),
            cells=lambda i: [i.unit.name, i.occupation.name, _number(i.hours), i.source],
            related=("unit", "occupation"),
            ordering=("unit__name", "occupation__position"),
        ),
        FigureKind(
            slug="aanbod",
            model=Supply,
            form=capacity_forms.SupplyForm,
            title=_("Workforce supply"),
            new_title=_("New workforce supply"),
            edit_title=_("Change workforce supply"),
            columns=(
                _("Region"),
                _("Occupation"),
                _("Workforce (FTE)"),
                _("Retirement (%)"),
                _("Leaving (%)"),
                _("Other inflow (FTE)"),
                _("Source"),
            ),
            cells=lambda s: [
                s.region.name,
                s.occupation.name,
                _number(s.workforce),
                _number(s.retirement_rate),
                _number(s.leaving_rate),
                _number(s.other_inflow),
                s.source,
            ],
            related=("region", "occupation"),
            ordering=("region__code", "occupation__position"),
        ),
        FigureKind(
            slug="innovaties",
            model=Innovation,
            form=capacity_forms.InnovationForm,
            title=_("Work-process innovations"),
            new_title=_("New work-process innovation"),
            edit_title=_("Change work-process innovation"),
            columns=(_("Innovation"), _("Source")),
            cells=lambda i: [i.name, i.source],
            ordering=("name",),
        ),
        FigureKind(
            slug="besparingen",
            model=InnovationSaving,
            form=capacity_forms.InnovationSavingForm,
            title=_("Hours saved by innovations"),
            new_title=_("New saving of an innovation"),
            edit_title=_("Change saving of an innovation"),
            columns=(_("Innovation"), _("Unit"), _("Occupation"), _("Hours saved per unit")),
            cells=lambda s: [s.innovation.name, s.unit.name, s.occupation.name, _number(s.hours_saved)],
            related=("innovation", "unit", "occupation"),
            ordering=("innovation__name", "unit__name", "occupation__position"),
        ),
        FigureKind(
            slug="invoering",
            model=InnovationAdoption,
            form=capacity_forms.InnovationAdoptionForm,
            title=_("Adoption of innovations"),
            new_title=_("New adoption of an innovation"),
            edit_title=_("Change adoption of an innovation"),
            columns=(_("Innovation"), _("Year"), _("Adoption (%)")),
            cells=lambda a: [a.innovation.name, a.year, _number(a.percent)],
            related=("innovation",),
            ordering=("innovation__name", "year"),
        ),
    ]
}
