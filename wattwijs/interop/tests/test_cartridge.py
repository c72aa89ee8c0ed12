"""A collection as an IMS Common Cartridge 1.3 package: manifest structure, web links, files and metadata."""

from __future__ import annotations

import hashlib
import io
import zipfile

import pytest
from django.core.files.base import ContentFile
from lxml import etree

from wattwijs.interop import cartridge
from wattwijs.library.models import Collection, ResourceFile, ResourceVersion
from wattwijs.library.tests.factories import material

pytestmark = pytest.mark.django_db

NS = {
    "cp": cartridge.CP,
    "lomimscc": cartridge.LOM_MANIFEST,
    "lom": cartridge.LOM_RESOURCE,
    "wl": cartridge.WEB_LINK,
}
PDF = b"%PDF-1.4\n1 0 obj\n<<>>\nendobj\ntrailer\n<<>>\n%%EOF\n"


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path


def with_file(version: ResourceVersion, name: str = "werkblad.pdf", content: bytes = PDF) -> ResourceFile:
    stored = ResourceFile(
        version=version,
        name=name,
        kind=ResourceFile.Kind.PDF,
        mime_type="application/pdf",
        size=len(content),
        sha256=hashlib.sha256(content).hexdigest(),
    )
    stored.file.save(name, ContentFile(content), save=False)
    stored.save()
    return stored


def package(client, collection: Collection) -> zipfile.ZipFile:
    response = client.get(f"/leermiddelen/collecties/{collection.pk}/common-cartridge.imscc")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/zip"
    return zipfile.ZipFile(io.BytesIO(b"".join(response.streaming_content)))


def manifest_of(archive: zipfile.ZipFile) -> etree._Element:
    return etree.fromstring(archive.read("imsmanifest.xml"))


@pytest.fixture
def collection(world) -> Collection:
    collection = Collection.objects.create(title="Startpakket zonne-energie", owner=world.alice, is_public=True)
    link = material("Omvormer vervangen", keywords=["omvormer"], authors=["Sanne de Vries"])
    both = material("Panelen leggen", location="https://leermiddelen.example.org/panelen")
    with_file(both)
    only_file = material("Veiligheidskaart", location="")
    with_file(only_file, "kaart.pdf")
    for position, version in enumerate([both, link, only_file], start=1):
        collection.items.create(resource=version.resource, position=position)
    return collection


def test_the_manifest_uses_the_common_cartridge_1_3_namespaces(client, collection):
    root = manifest_of(package(client, collection))
    assert root.tag == f"{{{cartridge.CP}}}manifest"
    assert root.findtext("cp:metadata/cp:schema", namespaces=NS) == "IMS Common Cartridge"
    assert root.findtext("cp:metadata/cp:schemaversion", namespaces=NS) == "1.3.0"
    title = root.findtext("cp:metadata/lomimscc:lom/lomimscc:general/lomimscc:title/lomimscc:string", namespaces=NS)
    assert title == "Startpakket zonne-energie"


def test_identifiers_are_unique_and_every_item_points_at_a_resource(client, collection):
    root = manifest_of(package(client, collection))
    identifiers = root.xpath("//@identifier")
    assert len(identifiers) == len(set(identifiers))
    resources = set(root.xpath("cp:resources/cp:resource/@identifier", namespaces=NS))
    references = root.xpath("//cp:item/@identifierref", namespaces=NS)
    assert references and set(references) <= resources


def test_items_follow_the_order_of_the_collection(client, collection):
    root = manifest_of(package(client, collection))
    titles = root.xpath("cp:organizations/cp:organization/cp:item/cp:item/cp:title/text()", namespaces=NS)
    assert titles == [
        "Panelen leggen",
        "Panelen leggen: werkblad.pdf",
        "Omvormer vervangen",
        "Veiligheidskaart",
    ]
    organization = root.find("cp:organizations/cp:organization", NS)
    assert organization.get("structure") == "rooted-hierarchy"


def test_every_file_the_manifest_names_is_in_the_package(client, collection):
    archive = package(client, collection)
    root = manifest_of(archive)
    names = set(archive.namelist())
    hrefs = root.xpath("cp:resources/cp:resource/cp:file/@href", namespaces=NS)
    assert hrefs and set(hrefs) <= names


def test_a_web_address_becomes_a_web_link_resource(client, collection):
    archive = package(client, collection)
    root = manifest_of(archive)
    links = root.xpath("cp:resources/cp:resource[@type='imswl_xmlv1p3']", namespaces=NS)
    assert len(links) == 2
    descriptor = etree.fromstring(archive.read(links[1].find("cp:file", NS).get("href")))
    assert descriptor.tag == f"{{{cartridge.WEB_LINK}}}webLink"
    assert descriptor.findtext("wl:title", namespaces=NS) == "Omvormer vervangen"
    assert descriptor.find("wl:url", NS).get("href") == "https://leermiddelen.example.org/materiaal"


def test_a_file_becomes_a_web_content_resource_with_its_bytes(client, collection):
    archive = package(client, collection)
    root = manifest_of(archive)
    files = root.xpath("cp:resources/cp:resource[@type='webcontent']", namespaces=NS)
    assert len(files) == 2
    assert files[0].get("href") == files[0].find("cp:file", NS).get("href")
    assert archive.read(files[0].get("href")) == PDF


def test_each_resource_carries_the_metadata_of_its_material(client, collection):
    root = manifest_of(package(client, collection))
    [link] = root.xpath(
        "cp:resources/cp:resource[cp:metadata/lom:lom/lom:general/lom:title/lom:string='Omvormer vervangen']",
        namespaces=NS,
    )
    lom = link.find("cp:metadata/lom:lom", NS)
    assert lom.findtext("lom:general/lom:keyword/lom:string", namespaces=NS) == "omvormer"
    assert lom.findtext("lom:general/lom:language", namespaces=NS) == "nl"
    entities = lom.xpath("lom:lifeCycle/lom:contribute/lom:entity/text()", namespaces=NS)
    assert any("FN:Sanne de Vries" in entity for entity in entities)
    rights = lom.findtext("lom:rights/lom:description/lom:string", namespaces=NS)
    assert rights.startswith("CC BY 4.0 https://creativecommons.org/licenses/by/4.0/")


def test_unpublished_materials_are_left_out(client, world):
    collection = Collection.objects.create(title="Privé", owner=world.alice)
    draft = material("Concept", status=ResourceVersion.Status.DRAFT)
    collection.items.create(resource=draft.resource, position=1)
    client.force_login(world.alice)
    root = manifest_of(package(client, collection))
    assert root.xpath("//cp:resource", namespaces=NS) == []


def test_a_private_collection_is_only_for_its_owner(client, world):
    collection = Collection.objects.create(title="Privé", owner=world.alice)
    url = f"/leermiddelen/collecties/{collection.pk}/common-cartridge.imscc"
    assert client.get(url).status_code == 404
    client.force_login(world.charlie)
    assert client.get(url).status_code == 404
    client.force_login(world.alice)
    assert client.get(url).status_code == 200


def test_the_collection_page_links_to_the_package(client, collection):
    body = client.get(collection.get_absolute_url()).content.decode()
    assert f'href="/leermiddelen/collecties/{collection.pk}/common-cartridge.imscc"' in body


def test_characters_xml_cannot_hold_are_left_out_of_the_package(client, world):
    collection = Collection.objects.create(title="Start\x0cpakket", owner=world.alice, is_public=True)
    version = material("Omvormer\x0b vervangen", description="Stap\x01 1", authors=["Sanne\x1f de Vries"])
    collection.items.create(resource=version.resource, position=1)
    manifest = manifest_of(package(client, collection))
    assert manifest.xpath("//cp:item[cp:title]/cp:title/text()", namespaces=NS)[-1] == "Omvormer vervangen"
    assert "Startpakket" in manifest.xpath("//lomimscc:title/lomimscc:string/text()", namespaces=NS)
