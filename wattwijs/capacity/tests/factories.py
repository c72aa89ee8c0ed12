from __future__ import annotations

import factory

from wattwijs.capacity.models import (
    Driver,
    Innovation,
    LabourIntensity,
    Occupation,
    Scenario,
    Supply,
    WorkUnit,
)
from wattwijs.core.tests.factories import region, theme


class OccupationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Occupation
        django_get_or_create = ("code",)

    code = "monteur-warmtepompen"
    name = "Monteur warmtepompen"


class WorkUnitFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = WorkUnit
        django_get_or_create = ("code",)

    code = "warmtepomp"
    name = "Warmtepomp geïnstalleerd"
    theme = factory.LazyFunction(lambda: theme("warmtepompen"))


class DriverFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Driver

    region = factory.LazyFunction(region)
    unit = factory.SubFactory(WorkUnitFactory)
    theme = factory.SelfAttribute("unit.theme")
    year = 2026
    volume = 100.0
    source = "Testbron"


class LabourIntensityFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = LabourIntensity

    unit = factory.SubFactory(WorkUnitFactory)
    occupation = factory.SubFactory(OccupationFactory)
    hours = 15.0
    source = "Testbron"


class SupplyFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Supply

    region = factory.LazyFunction(region)
    occupation = factory.SubFactory(OccupationFactory)
    workforce = 1.0
    retirement_rate = 0.0
    leaving_rate = 0.0
    other_inflow = 0.0
    source = "Testbron"


class InnovationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Innovation

    name = factory.Sequence(lambda n: f"Prefab {n}")
    source = "Testbron"


class ScenarioFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Scenario

    name = factory.Sequence(lambda n: f"Scenario {n}")
    slug = factory.Sequence(lambda n: f"scenario-{n}")
