from __future__ import annotations

import factory

from wattwijs.core.models import Membership, Organisation, OrganisationKind, Region, Role, Theme, User


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = User
        skip_postgeneration_save = True

    email = factory.Sequence(lambda n: f"gebruiker{n}@example.org")
    first_name = factory.Faker("first_name", locale="nl_NL")
    last_name = factory.Faker("last_name", locale="nl_NL")
    password = factory.django.Password("correct-horse-battery")


def region(code: str = "AMR12") -> Region:
    """Regions are reference data, loaded by migration; tests pick one by code."""
    return Region.objects.get(code=code)


def theme(code: str = "zon-pv") -> Theme:
    return Theme.objects.get(code=code)


class OrganisationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Organisation
        skip_postgeneration_save = True

    name = factory.Sequence(lambda n: f"Installatiebedrijf Test {n}")
    slug = factory.Sequence(lambda n: f"installatiebedrijf-test-{n}")
    kind = OrganisationKind.COMPANY
    region = factory.LazyFunction(region)
    is_fictitious = True

    @factory.post_generation
    def themes(self, create: bool, extracted: list[Theme] | None, **kwargs: object) -> None:
        if create and extracted:
            self.themes.set(extracted)


class MembershipFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Membership

    user = factory.SubFactory(UserFactory)
    organisation = factory.SubFactory(OrganisationFactory)
    role = Role.VIEWER
