from __future__ import annotations

import factory

from wattwijs.core.tests.factories import OrganisationFactory
from wattwijs.interop.models import HarvestSource


class HarvestSourceFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = HarvestSource

    name = factory.Sequence(lambda n: f"Repository {n}")
    base_url = factory.Sequence(lambda n: f"https://repository{n}.example.org/oai")
    metadata_prefix = "lom"
    organisation = factory.SubFactory(OrganisationFactory)
