"""Harvesting /oai with Sickle, an OAI-PMH client that shares no code with the provider, over real HTTP."""

import pytest
from sickle import Sickle

from wattwijs.core.tests.factories import theme
from wattwijs.interop.tests.helpers import NS, archive, at, identifier
from wattwijs.library.models import ResourceVersion, Source
from wattwijs.library.tests.factories import MBO2, MBO3, MBO4, material

# A live server needs committed data; the rollback brings back the regions and themes migrations load.
pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

PAGE_SIZE = 2


@pytest.fixture
def harvest(live_server, settings):
    """Every record of a ListRecords harvest of /oai in a format, by OAI identifier, as Sickle parses them."""
    settings.OAI_PAGE_SIZE = PAGE_SIZE

    def run(prefix="lom"):
        client = Sickle(f"{live_server.url}/oai", timeout=30)
        return {record.header.identifier: record for record in client.ListRecords(metadataPrefix=prefix)}

    return run


def _published():
    return [
        material(
            title="Omvormer aansluiten & meten <stap 1>",
            description="Leerlingen sluiten een omvormer aan.\nDaarna meten zij de opbrengst.",
            keywords=["omvormer", "zon-pv"],
            levels=[MBO2, MBO3],
            licence="cc-by-40",
            themes=[theme("zon-pv")],
            authors=["Ans de Wit"],
        ),
        material(
            title="Warmtepomp inregelen",
            description="Stap voor stap een lucht-waterwarmtepomp inregelen; met “meetstaat”.",
            keywords=["warmtepomp"],
            levels=[MBO4],
            licence="cc-by-sa-40",
        ),
        material(title="Isolatiewaarden", keywords=["Rc-waarde", "isolatie", "bouwfysica"], licence="cc0-10"),
        material(title="Laadpaal plaatsen", keywords=["laadpaal"], levels=[MBO2, MBO3, MBO4], licence="cc-by-nc-40"),
        material(title="Warmtenet aansluiten", keywords=["warmtenet"], licence="yes"),
    ]


def _lom_fields(record):
    lom = record.xml.find("oai:metadata/lom:lom", NS)

    def langstrings(path):
        return lom.xpath(f"{path}/lom:langstring/text()", namespaces=NS)

    return {
        "title": langstrings("lom:general/lom:title"),
        "description": langstrings("lom:general/lom:description"),
        "keywords": langstrings("lom:general/lom:keyword"),
        "licence": langstrings("lom:rights/lom:copyrightandotherrestrictions/lom:value"),
        "levels": lom.xpath("lom:classification/lom:taxonpath/lom:taxon/lom:id/text()", namespaces=NS),
    }


def _expected(version):
    return {
        "title": [version.title],
        "description": [version.description],
        "keywords": version.keywords,
        "licence": [version.licence],
        "levels": version.educational_levels,
    }


def test_sickle_harvests_every_published_material_with_its_metadata(harvest):
    versions = _published()
    records = harvest()
    assert len(versions) > PAGE_SIZE  # so the harvest has to follow resumption tokens
    assert {key: _lom_fields(record) for key, record in records.items()} == {
        identifier(version): _expected(version) for version in versions
    }


def test_sickle_harvests_the_titles_and_descriptions_as_dublin_core(harvest):
    versions = _published()
    records = harvest("oai_dc")
    assert {key: (record.metadata["title"], record.metadata["description"]) for key, record in records.items()} == {
        identifier(version): ([version.title], [version.description]) for version in versions
    }


def test_sickle_harvests_archived_materials_as_deleted_records(harvest):
    published = _published()
    archived = [published[1], published[3]]
    for version in archived:
        archive(version, at(2026, 5, 1, 12, 0, 0))
    records = harvest()
    assert {key for key, record in records.items() if record.deleted} == {identifier(v) for v in archived}
    assert all(record.xml.find("oai:metadata", NS) is None for record in records.values() if record.deleted)


def test_sickle_does_not_get_drafts_or_harvested_materials(harvest):
    published = _published()
    material(title="Nog niet klaar", status=ResourceVersion.Status.DRAFT)
    material(title="Van elders", source=Source.HARVESTED)
    assert set(harvest()) == {identifier(version) for version in published}
