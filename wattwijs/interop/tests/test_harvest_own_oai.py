"""WattWijs harvests its own /oai into a second organisation: the harvester reads what the provider writes."""

import pytest
from django.db.models import F

from wattwijs.core.tests.factories import OrganisationFactory
from wattwijs.interop import services
from wattwijs.interop.client import Client
from wattwijs.interop.tests.factories import HarvestSourceFactory
from wattwijs.library.models import ResourceVersion, Source
from wattwijs.library.tests.factories import MBO2, MBO4, material

# A live server needs committed data; the rollback brings back the regions and themes migrations load.
pytestmark = [
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
    pytest.mark.usefixtures("local_repository"),
]


def _metadata(version):
    return (
        version.title,
        version.description,
        version.keywords,
        version.licence,
        version.educational_levels,
        version.language,
    )


def test_harvesting_our_own_oai_gives_the_same_metadata(live_server, settings):
    settings.OAI_PAGE_SIZE = 2
    own = [
        material(
            title="Omvormer aansluiten & meten <stap 1>",
            keywords=["omvormer", "zon-pv"],
            levels=[MBO2, MBO4],
            licence="cc-by-40",
        ),
        material(title="Warmtepomp inregelen", keywords=["warmtepomp"], licence="cc-by-sa-40"),
        material(title="Warmtenet aansluiten", keywords=["warmtenet"], licence="yes"),
    ]
    second = OrganisationFactory(name="Tweede organisatie")
    source = HarvestSourceFactory(base_url=f"{live_server.url}/oai", organisation=second)
    run = services.harvest(source=source, client=Client(timeout=30))
    assert (run.added, run.failed, run.message) == (3, 0, "")
    harvested = ResourceVersion.objects.filter(
        resource__source=Source.HARVESTED, resource__current=F("pk"), resource__publisher=second
    )
    assert sorted(map(_metadata, harvested)) == sorted(_metadata(version) for version in own)
