"""Example figures (voorbeeldcijfers) for workforce capacity: never real statistics.

Every driver, labour intensity, innovation, supply figure and scenario created here is marked ``is_example``
and names "Voorbeeldcijfers" as its source, so every page that shows them carries that label. ``load`` adds
drivers for every theme with work (the sub-themes) in fourteen regions, labour intensities for eight
occupations, workforce and inflow per region and occupation, three innovations and four computed scenarios.
Running it again adds nothing.
"""

from __future__ import annotations

import random

from django.db import transaction

from wattwijs.capacity import inputs, model, services
from wattwijs.capacity.models import (
    YEARS,
    Driver,
    Innovation,
    InnovationAdoption,
    InnovationSaving,
    LabourIntensity,
    Occupation,
    Scenario,
    ScenarioKind,
    Supply,
    WorkUnit,
)
from wattwijs.core.models import Region, Theme

SOURCE = "Voorbeeldcijfers (WattWijs-demo), geen echte statistiek"
REGIONS = 14

OCCUPATIONS = [
    ("monteur-installatietechniek", "Monteur installatietechniek"),
    ("elektromonteur", "Elektromonteur"),
    ("servicetechnicus", "Servicetechnicus"),
    ("werkvoorbereider", "Werkvoorbereider"),
    ("isolatiemonteur", "Isolatiemonteur"),
    ("bouwvakker", "Bouwvakker (timmerman, metselaar)"),
    ("netmonteur", "Netmonteur"),
    ("energieadviseur", "Energieadviseur"),
]

# (unit code, unit name, theme code, base volume per region per year, {occupation: hours per unit})
UNITS: list[tuple[str, str, str, int, dict[str, float]]] = [
    (
        "pv-systeem",
        "Zonnestroomsysteem op een woning",
        "zon-pv",
        1800,
        {"elektromonteur": 6, "monteur-installatietechniek": 4, "werkvoorbereider": 1},
    ),
    (
        "warmtepomp",
        "Warmtepomp geïnstalleerd",
        "warmtepompen",
        900,
        {"monteur-installatietechniek": 24, "elektromonteur": 4, "werkvoorbereider": 3, "servicetechnicus": 2},
    ),
    (
        "warmtenetaansluiting",
        "Aansluiting op een warmtenet",
        "warmtenetten",
        400,
        {"monteur-installatietechniek": 16, "netmonteur": 10, "werkvoorbereider": 3},
    ),
    (
        "woning-isoleren",
        "Woning geïsoleerd",
        "isolatie-renovatie",
        1500,
        {"isolatiemonteur": 20, "bouwvakker": 12, "werkvoorbereider": 2},
    ),
    (
        "nul-op-de-meter",
        "Energieneutrale nieuwbouwwoning",
        "energieneutraal-bouwen",
        250,
        {"bouwvakker": 90, "monteur-installatietechniek": 30, "elektromonteur": 15},
    ),
    (
        "slimme-installatie",
        "Slimme installatie of energiemanagementsysteem",
        "slimme-installaties",
        500,
        {"servicetechnicus": 8, "elektromonteur": 6},
    ),
    (
        "elektrische-bedrijfsauto",
        "Bedrijfswagenpark omgezet (per voertuig)",
        "elektrisch-rijden",
        600,
        {"servicetechnicus": 3, "elektromonteur": 2},
    ),
    ("laadpunt", "Laadpunt geplaatst", "laadinfrastructuur", 1200, {"elektromonteur": 5, "netmonteur": 1}),
    ("netverzwaring", "Kilometer netverzwaring", "netbeheer", 40, {"netmonteur": 400, "werkvoorbereider": 60}),
    ("thuisbatterij", "Batterijsysteem geplaatst", "energieopslag", 300, {"elektromonteur": 8, "servicetechnicus": 2}),
    (
        "groengas-aansluiting",
        "Aansluiting groen gas of waterstof",
        "waterstof-groengas",
        60,
        {"monteur-installatietechniek": 40, "netmonteur": 20},
    ),
    (
        "windturbine",
        "Windturbine (onderhoud per jaar)",
        "windenergie",
        15,
        {"servicetechnicus": 300, "elektromonteur": 80},
    ),
    ("energieadvies", "Energieadvies aan een huishouden", "energieadvies", 2500, {"energieadviseur": 4}),
]

# (name, description, adoption percent in 2026 and 2035, {(unit, occupation): hours saved per unit})
INNOVATIONS: list[tuple[str, str, tuple[float, float], dict[tuple[str, str], float]]] = [
    (
        "Prefab installatiemodules",
        "Warmtepomp- en ventilatiemodules worden in de fabriek voorgemonteerd en op locatie alleen aangesloten.",
        (5, 55),
        {("warmtepomp", "monteur-installatietechniek"): 9, ("nul-op-de-meter", "bouwvakker"): 25},
    ),
    (
        "Plug-and-play-installatie met monitoring op afstand",
        "Systemen worden op afstand in bedrijf gesteld en bewaakt, zodat minder bezoeken nodig zijn.",
        (10, 60),
        {
            ("slimme-installatie", "servicetechnicus"): 4,
            ("thuisbatterij", "elektromonteur"): 3,
            ("warmtepomp", "servicetechnicus"): 1,
        },
    ),
    (
        "Digitale werkvoorbereiding en planning",
        "Opnames met scans en digitale planning verkorten de voorbereiding en voorkomen dubbele bezoeken.",
        (15, 70),
        {
            ("woning-isoleren", "werkvoorbereider"): 1,
            ("warmtepomp", "werkvoorbereider"): 1.5,
            ("pv-systeem", "werkvoorbereider"): 0.5,
        },
    ),
]

SCENARIOS: list[tuple[str, str, str, dict[str, float]]] = [
    ("Basis", ScenarioKind.BASE, "Huidige opleidingsplaatsen, instroom en uitstroom; geen innovaties.", {}),
    (
        "Meer opleiden",
        ScenarioKind.MORE_TRAINING,
        "Anderhalf keer zoveel opleidingsplaatsen en een hoger diplomarendement.",
        {"training_factor": 1.5, "completion_rate": 80},
    ),
    (
        "Innovatie",
        ScenarioKind.INNOVATION,
        "De drie werkprocesinnovaties worden ingevoerd zoals verwacht.",
        {"innovation_factor": 1.0},
    ),
    (
        "Gecombineerd",
        ScenarioKind.COMBINED,
        "Meer opleiden, twee keer zoveel zij-instroom via de Transitiehuizen en de innovaties samen.",
        {"training_factor": 1.5, "completion_rate": 80, "switcher_factor": 2.0, "innovation_factor": 1.0},
    ),
]


def load(*, scale: int = 1) -> None:
    with transaction.atomic():
        if not Scenario.objects.filter(is_example=True).exists():
            _load_figures()
            _load_scenarios()


def _load_figures() -> None:
    rng = random.Random(11)  # noqa: S311 - reproducible example figures, not security
    occupations = {
        code: Occupation.objects.get_or_create(code=code, defaults={"name": name, "position": index})[0]
        for index, (code, name) in enumerate(OCCUPATIONS)
    }
    themes = Theme.objects.in_bulk([code for _c, _n, code, _v, _h in UNITS], field_name="code")
    units = {}
    for code, name, theme_code, _volume, hours in UNITS:
        unit = WorkUnit.objects.get_or_create(code=code, defaults={"name": name, "theme": themes[theme_code]})[0]
        units[code] = unit
        LabourIntensity.objects.bulk_create(
            LabourIntensity(unit=unit, occupation=occupations[o], hours=h, source=SOURCE, is_example=True)
            for o, h in hours.items()
        )
    regions = list(Region.objects.order_by("code")[:REGIONS])
    drivers = []
    for region in regions:
        size = rng.uniform(0.5, 1.6)
        for code, _name, theme_code, volume, _hours in UNITS:
            growth = rng.uniform(0.02, 0.09)
            for offset, year in enumerate(YEARS):
                drivers.append(
                    Driver(
                        region=region,
                        theme=themes[theme_code],
                        unit=units[code],
                        year=year,
                        volume=round(volume * size * (1 + growth) ** offset),
                        source=SOURCE,
                        is_example=True,
                    )
                )
    Driver.objects.bulk_create(drivers)
    # The workforce covers most of the first year's demand, so the gap grows with the work.
    loaded = inputs.load()
    first_year = model.demand(loaded.inputs, model.Parameters())[..., 0].sum(axis=1)  # [R, O]
    region_index = {pk: index for index, pk in enumerate(loaded.axes.regions)}
    occupation_index = {pk: index for index, pk in enumerate(loaded.axes.occupations)}
    supply = []
    for region in regions:
        for occupation in occupations.values():
            asked = float(first_year[region_index[region.pk], occupation_index[occupation.pk]])
            supply.append(
                Supply(
                    region=region,
                    occupation=occupation,
                    workforce=round(asked * rng.uniform(0.8, 1.0)),
                    retirement_rate=round(rng.uniform(2.5, 4.5), 1),
                    leaving_rate=round(rng.uniform(2.0, 5.0), 1),
                    other_inflow=round(asked * rng.uniform(0.01, 0.03), 1),
                    source=SOURCE,
                    is_example=True,
                )
            )
    Supply.objects.bulk_create(supply)
    for name, description, (start, end), savings in INNOVATIONS:
        innovation = Innovation.objects.create(name=name, description=description, source=SOURCE, is_example=True)
        InnovationSaving.objects.bulk_create(
            InnovationSaving(innovation=innovation, unit=units[u], occupation=occupations[o], hours_saved=h)
            for (u, o), h in savings.items()
        )
        steps = len(YEARS) - 1
        InnovationAdoption.objects.bulk_create(
            InnovationAdoption(innovation=innovation, year=year, percent=round(start + (end - start) * i / steps, 1))
            for i, year in enumerate(YEARS)
        )


def _load_scenarios() -> None:
    loaded = inputs.load()
    for name, kind, description, parameters in SCENARIOS:
        scenario = Scenario.objects.create(
            name=name,
            slug=f"voorbeeld-{kind}",
            kind=kind,
            description=description,
            is_example=True,
            **parameters,
        )
        services.result_store(scenario=scenario, loaded=loaded)
