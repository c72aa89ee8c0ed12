"""Every write of workforce capacity: keyword-only, transactional, permission-checked, audited."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, fields
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext as _

from wattwijs.capacity import importing, inputs, model, permissions, results
from wattwijs.capacity.models import (
    Driver,
    Innovation,
    InnovationAdoption,
    InnovationSaving,
    LabourIntensity,
    Occupation,
    Scenario,
    ScenarioKind,
    ScenarioResult,
    Supply,
)
from wattwijs.core.models import Region, Theme
from wattwijs.core.permissions import AnyUser
from wattwijs.core.services import audit_log_write
from wattwijs.training import services as training_services

SENSITIVITY_STEP = 0.1


@dataclass(frozen=True)
class ScenarioData:
    """What a coordinator sets on a scenario."""

    name: str
    description: str = ""
    kind: str = ScenarioKind.BASE
    demand_factor: float = 1.0
    hours_per_fte: float = 1500.0
    completion_rate: float = 70.0
    training_factor: float = 1.0
    switcher_factor: float = 1.0
    outflow_factor: float = 1.0
    innovation_factor: float = 0.0


PARAMETER_FIELDS = [f.name for f in fields(model.Parameters)]
DATA_FIELDS = [f.name for f in fields(ScenarioData)]


def parameters_of(scenario: Scenario) -> model.Parameters:
    return model.Parameters(**{name: float(getattr(scenario, name)) for name in PARAMETER_FIELDS})


def scenario_validate(data: ScenarioData) -> None:
    """Refuse impossible parameters with a Dutch message next to the field; nothing is saved."""
    errors: dict[str, str] = {}
    if not data.name.strip():
        errors["name"] = _("Give the scenario a name.")
    for name in PARAMETER_FIELDS:
        if getattr(data, name) < 0:
            errors[name] = _("This number cannot be negative.")
    if data.hours_per_fte < 1:
        errors["hours_per_fte"] = _("An FTE works at least one hour a year.")
    if data.completion_rate > 100:
        errors["completion_rate"] = _("A percentage lies between 0 and 100.")
    if data.kind not in ScenarioKind.values:
        errors["kind"] = _("Choose a kind from the list.")
    if errors:
        raise ValidationError(errors)


def result_store(*, scenario: Scenario, loaded: inputs.Loaded | None = None) -> ScenarioResult:
    """Compute a scenario over the current figures and store its arrays and sensitivity (derived data)."""
    loaded = loaded or inputs.load()
    parameters = parameters_of(scenario)
    computed = model.compute(loaded.inputs, parameters)
    tornado = model.sensitivity(loaded.inputs, parameters, step=SENSITIVITY_STEP)
    result, _created = ScenarioResult.objects.update_or_create(
        scenario=scenario,
        defaults={
            "computed_at": timezone.now(),
            "axes": loaded.axes.as_dict(),
            "data": results.pack(computed),
            "sensitivity": [row.as_dict() for row in tornado],
            "sources": loaded.sources,
            "uses_examples": loaded.uses_examples or scenario.is_example,
        },
    )
    return result


def _unique_slug(name: str) -> str:
    base = slugify(name)[:200] or "scenario"
    slug, number = base, 2
    while Scenario.objects.filter(slug=slug).exists():
        slug, number = f"{base}-{number}", number + 1
    return slug


def scenario_create(*, actor: AnyUser, data: ScenarioData, is_example: bool = False) -> Scenario:
    if not permissions.can_create_scenarios(actor):
        raise PermissionDenied
    scenario_validate(data)
    with transaction.atomic():
        scenario = Scenario(
            slug=_unique_slug(data.name),
            is_example=is_example,
            created_by_id=actor.pk if actor.is_authenticated else None,
            **{name: getattr(data, name) for name in DATA_FIELDS},
        )
        scenario.save()
        result_store(scenario=scenario)
        audit_log_write(actor=actor, action="capacity.scenario_create", obj=scenario, details={})
    return scenario


def scenario_copy(*, actor: AnyUser, scenario: Scenario, name: str = "") -> Scenario:
    """A new scenario with the same parameters, named "Copy of …" unless a name is given, computed at once."""
    if not permissions.can_create_scenarios(actor):
        raise PermissionDenied
    name = name.strip() or _("Copy of %(name)s") % {"name": scenario.name}
    with transaction.atomic():
        copy = Scenario(
            name=name[:200],
            slug=_unique_slug(name),
            kind=scenario.kind,
            description=scenario.description,
            is_example=scenario.is_example,
            copied_from=scenario,
            created_by_id=actor.pk if actor.is_authenticated else None,
            **{field: getattr(scenario, field) for field in PARAMETER_FIELDS},
        )
        copy.save()
        result_store(scenario=copy)
        audit_log_write(actor=actor, action="capacity.scenario_copy", obj=copy, details={"copied_from": scenario.pk})
    return copy


def scenario_update(*, actor: AnyUser, scenario: Scenario, data: ScenarioData) -> Scenario:
    """Change a scenario's parameters and recompute it."""
    if not permissions.can_change_scenario(actor, scenario):
        raise PermissionDenied
    scenario_validate(data)
    changed = [name for name in DATA_FIELDS if getattr(scenario, name) != getattr(data, name)]
    for name in DATA_FIELDS:
        setattr(scenario, name, getattr(data, name))
    with transaction.atomic():
        scenario.save()
        result_store(scenario=scenario)
        audit_log_write(actor=actor, action="capacity.scenario_update", obj=scenario, details={"changed": changed})
    return scenario


def scenario_recompute(*, actor: AnyUser, scenario: Scenario) -> ScenarioResult:
    """Compute a scenario again over the current figures."""
    if not permissions.can_recompute_scenarios(actor):
        raise PermissionDenied
    with transaction.atomic():
        result = result_store(scenario=scenario)
        audit_log_write(actor=actor, action="capacity.scenario_recompute", obj=scenario, details={})
    return result


def scenario_delete(*, actor: AnyUser, scenario: Scenario) -> None:
    """Delete a scenario with its stored result; copies made from it stay and forget where they came from."""
    if not permissions.can_delete_scenario(actor, scenario):
        raise PermissionDenied
    with transaction.atomic():
        audit_log_write(
            actor=actor,
            action="capacity.scenario_delete",
            obj=scenario,
            details={"slug": scenario.slug, "name": scenario.name},
        )
        scenario.delete()


# Upserts per kind of file: the fields that identify a figure and the fields an import replaces.
IMPORT_TARGETS: dict[str, tuple[Any, list[str], list[str]]] = {
    "drivers": (Driver, ["region", "unit", "year"], ["theme", "volume", "source", "is_example"]),
    "intensities": (LabourIntensity, ["unit", "occupation"], ["hours", "source", "is_example"]),
    "adoption": (InnovationAdoption, ["innovation", "year"], ["percent"]),
}


def figures_import(*, actor: AnyUser, kind: str, content: bytes) -> importing.ImportReport:
    """Check a CSV file of figures row by row; save all rows (replacing the same keys) only when none is wrong."""
    if not permissions.can_import(actor):
        raise PermissionDenied
    checked = importing.check(kind=kind, content=content)
    report = checked.report
    if not report.ok:
        return report
    model_class, unique_fields, update_fields = IMPORT_TARGETS[kind]
    with transaction.atomic():
        model_class.objects.bulk_create(
            checked.objects,
            update_conflicts=True,
            unique_fields=unique_fields,
            update_fields=update_fields,
            batch_size=2000,
        )
        audit_log_write(actor=actor, action=f"capacity.import_{kind}", details={"rows": len(checked.objects)})
    report.saved = len(checked.objects)
    return report


def priorities_adopt(*, actor: AnyUser, region: Region, themes: Sequence[Theme], scenario: Scenario) -> None:
    """Make a region's largest gaps its priority themes in the training map, through the training service."""
    if not permissions.can_adopt_priorities(actor, region):
        raise PermissionDenied
    if not themes:
        raise ValidationError(_("This scenario shows no shortage in this region, so there is nothing to adopt."))
    with transaction.atomic():
        training_services.region_priorities_set(actor=actor, region=region, themes=themes)
        audit_log_write(
            actor=actor,
            action="capacity.priorities_adopt",
            obj=region,
            details={"scenario": scenario.slug, "themes": sorted(theme.code for theme in themes)},
        )


Figure = Occupation | Driver | LabourIntensity | Supply | Innovation | InnovationSaving | InnovationAdoption


def figure_save(*, actor: AnyUser, figure: Figure) -> Figure:
    """Create or change one figure entered by hand, checked against the model's rules; a driver takes the theme
    of its unit. Scenarios use it once they are computed again."""
    if not permissions.can_edit_figures(actor):
        raise PermissionDenied
    if isinstance(figure, Driver) and figure.unit_id is not None:
        figure.theme_id = figure.unit.theme_id
    figure.full_clean()
    created = figure.pk is None
    with transaction.atomic():
        figure.save()
        audit_log_write(
            actor=actor,
            action=f"capacity.{figure._meta.model_name}_{'create' if created else 'update'}",
            obj=figure,
            details={},
        )
    return figure
