"""A collection as an IMS Common Cartridge 1.3 package (.imscc) for an ELO such as Moodle.

The package is a zip with ``imsmanifest.xml`` at its root. The manifest's organisation has one root item with
an item per web link or file, in the collection's order. A material's web address becomes a web link resource
(``imswl_xmlv1p3``, with its XML descriptor in the package); each of its files becomes a ``webcontent`` resource
whose file is in the package. Every resource carries the material's metadata as LOM in the Common Cartridge
resource metadata namespace: title, description, keywords, language, authors and publisher, intended end-user
role, typical learning time and the licence (copyright and other restrictions, with the licence's name and deed).
Only published materials are included.
"""

from __future__ import annotations

import re
import tempfile
import zipfile
from collections.abc import Iterable
from dataclasses import dataclass
from typing import IO

from django.utils.text import get_valid_filename
from lxml import etree

from wattwijs.core.text import strip_control_characters
from wattwijs.interop.namespaces import XSI_SCHEMA_LOCATION, XSI_URI
from wattwijs.library import licences
from wattwijs.library.models import Collection, Resource, ResourceFile, ResourceVersion

CP = "http://www.imsglobal.org/xsd/imsccv1p3/imscp_v1p1"
LOM_MANIFEST = "http://ltsc.ieee.org/xsd/imsccv1p3/LOM/manifest"
LOM_RESOURCE = "http://ltsc.ieee.org/xsd/imsccv1p3/LOM/resource"
WEB_LINK = "http://www.imsglobal.org/xsd/imsccv1p3/imswl_v1p3"
SCHEMA_LOCATIONS = (
    f"{CP} http://www.imsglobal.org/profile/cc/ccv1p3/ccv1p3_imscp_v1p2_v1p0.xsd "
    f"{LOM_MANIFEST} http://www.imsglobal.org/profile/cc/ccv1p3/LOM/ccv1p3_lommanifest_v1p0.xsd "
    f"{LOM_RESOURCE} http://www.imsglobal.org/profile/cc/ccv1p3/LOM/ccv1p3_lomresource_v1p0.xsd"
)
WEB_LINK_SCHEMA = f"{WEB_LINK} http://www.imsglobal.org/profile/cc/ccv1p3/ccv1p3_imswl_v1p3.xsd"
WEB_LINK_TYPE = "imswl_xmlv1p3"
WEB_CONTENT_TYPE = "webcontent"
MANIFEST_NAME = "imsmanifest.xml"
LOM_VOCABULARY = "LOMv1.0"


def _cp(name: str) -> str:
    return f"{{{CP}}}{name}"


def _sub(parent: etree._Element, tag: str, text: str | None = None, **attributes: str) -> etree._Element:
    element = etree.SubElement(parent, tag, attributes)
    if text is not None:
        element.text = strip_control_characters(text)
    return element


def _lang_string(parent: etree._Element, namespace: str, name: str, text: str, language: str) -> None:
    container = _sub(parent, f"{{{namespace}}}{name}")
    _sub(container, f"{{{namespace}}}string", text, language=language)


def _vocabulary(parent: etree._Element, namespace: str, name: str, value: str) -> None:
    container = _sub(parent, f"{{{namespace}}}{name}")
    _sub(container, f"{{{namespace}}}source", LOM_VOCABULARY)
    _sub(container, f"{{{namespace}}}value", value)


def resource_lom(version: ResourceVersion, publisher: str) -> etree._Element:
    """The metadata of a material as LOM in the Common Cartridge resource namespace."""
    ns = LOM_RESOURCE
    lom = etree.Element(f"{{{ns}}}lom", nsmap={"lom": ns})
    language = version.language or "nl"
    general = _sub(lom, f"{{{ns}}}general")
    _lang_string(general, ns, "title", version.title, language)
    _sub(general, f"{{{ns}}}language", language)
    _lang_string(general, ns, "description", version.description, language)
    for keyword in version.keywords:
        _lang_string(general, ns, "keyword", keyword, language)
    life_cycle = _sub(lom, f"{{{ns}}}lifeCycle")
    contributors = [("author", author.name) for author in version.authors.all()] + [("publisher", publisher)]
    for role, name in contributors:
        contribute = _sub(life_cycle, f"{{{ns}}}contribute")
        _vocabulary(contribute, ns, "role", role)
        _sub(contribute, f"{{{ns}}}entity", _vcard(name))
        if version.published_at:
            date = _sub(contribute, f"{{{ns}}}date")
            _sub(date, f"{{{ns}}}dateTime", version.published_at.date().isoformat())
    educational = _sub(lom, f"{{{ns}}}educational")
    for role in version.intended_end_user_roles:
        _vocabulary(educational, ns, "intendedEndUserRole", role)
    if version.typical_learning_time:
        learning_time = _sub(educational, f"{{{ns}}}typicalLearningTime")
        _sub(learning_time, f"{{{ns}}}duration", f"PT{version.typical_learning_time}M")
    rights = _sub(lom, f"{{{ns}}}rights")
    _vocabulary(rights, ns, "cost", "yes" if version.cost else "no")
    licence = licences.LICENCES.get(version.licence)
    _vocabulary(rights, ns, "copyrightAndOtherRestrictions", "no" if version.licence == "no" else "yes")
    if licence is not None:
        text = f"{licence.short_name} {licence.url}".strip()
        _lang_string(rights, ns, "description", text, language)
    return lom


def _vcard(name: str) -> str:
    escaped = re.sub(r"([,;\\])", r"\\\1", name)
    return f"BEGIN:VCARD\nVERSION:3.0\nFN:{escaped}\nN:{escaped}\nEND:VCARD"


def web_link(title: str, url: str) -> bytes:
    root = etree.Element(f"{{{WEB_LINK}}}webLink", nsmap={None: WEB_LINK, "xsi": XSI_URI})  # type: ignore[dict-item]
    root.set(XSI_SCHEMA_LOCATION, WEB_LINK_SCHEMA)
    _sub(root, f"{{{WEB_LINK}}}title", title)
    _sub(root, f"{{{WEB_LINK}}}url", href=url, target="_blank")
    return bytes(etree.tostring(root, xml_declaration=True, encoding="UTF-8", pretty_print=True))


@dataclass(frozen=True)
class _Entry:
    title: str
    version: ResourceVersion
    publisher: str
    url: str = ""
    file: ResourceFile | None = None


def _entries(collection: Collection) -> list[_Entry]:
    """The links and files of the collection's published materials, in the collection's order."""
    resource_ids = list(collection.items.order_by("position", "pk").values_list("resource_id", flat=True))
    resources = (
        Resource.objects.filter(pk__in=resource_ids, current__status=ResourceVersion.Status.PUBLISHED)
        .select_related("current", "publisher")
        .prefetch_related("current__authors", "current__files")
        .in_bulk()
    )
    entries: list[_Entry] = []
    for pk in resource_ids:
        resource = resources.get(pk)
        if resource is None or resource.current is None:
            continue
        version = resource.current
        publisher = resource.publisher.name
        if version.location:
            entries.append(_Entry(version.title, version, publisher, url=version.location))
        files = list(version.files.all())
        files = [stored for stored in files if stored.file.storage.exists(stored.file.name)]
        for stored in files:
            title = version.title if len(files) == 1 and not version.location else f"{version.title}: {stored.name}"
            entries.append(_Entry(title, version, publisher, file=stored))
    return entries


def manifest(collection: Collection, entries: Iterable[_Entry]) -> tuple[etree._Element, list[tuple[str, _Entry]]]:
    """The manifest, and the path in the package of each entry's web link descriptor or file."""
    root = etree.Element(
        _cp("manifest"),
        nsmap={None: CP, "lomimscc": LOM_MANIFEST, "lom": LOM_RESOURCE, "xsi": XSI_URI},  # type: ignore[dict-item]
    )
    root.set("identifier", f"WATTWIJS_COLLECTION_{collection.pk}")
    root.set(XSI_SCHEMA_LOCATION, SCHEMA_LOCATIONS)
    metadata = _sub(root, _cp("metadata"))
    _sub(metadata, _cp("schema"), "IMS Common Cartridge")
    _sub(metadata, _cp("schemaversion"), "1.3.0")
    lom = _sub(metadata, f"{{{LOM_MANIFEST}}}lom")
    general = _sub(lom, f"{{{LOM_MANIFEST}}}general")
    _lang_string(general, LOM_MANIFEST, "title", collection.title, "nl")
    if collection.description:
        _lang_string(general, LOM_MANIFEST, "description", collection.description, "nl")
    organizations = _sub(root, _cp("organizations"))
    organization = _sub(organizations, _cp("organization"), identifier="ORG_1", structure="rooted-hierarchy")
    top = _sub(organization, _cp("item"), identifier="ITEM_ROOT")
    resources = _sub(root, _cp("resources"))
    paths: list[tuple[str, _Entry]] = []
    for number, entry in enumerate(entries, start=1):
        identifier = f"RES_{number}"
        item = _sub(top, _cp("item"), identifier=f"ITEM_{number}", identifierref=identifier)
        _sub(item, _cp("title"), entry.title)
        if entry.file is None:
            path = f"{identifier}/weblink.xml"
            resource = _sub(resources, _cp("resource"), identifier=identifier, type=WEB_LINK_TYPE)
        else:
            name = get_valid_filename(entry.file.name) or f"bestand-{number}"
            path = f"{identifier}/{name}"
            resource = _sub(resources, _cp("resource"), identifier=identifier, type=WEB_CONTENT_TYPE, href=path)
        resource_metadata = _sub(resource, _cp("metadata"))
        resource_metadata.append(resource_lom(entry.version, entry.publisher))
        _sub(resource, _cp("file"), href=path)
        paths.append((path, entry))
    return root, paths


def build(collection: Collection) -> IO[bytes]:
    """The .imscc package in a temporary file (rewound); stored files are copied into it in chunks."""
    root, paths = manifest(collection, _entries(collection))
    output = tempfile.TemporaryFile()  # noqa: SIM115 - handed to the response, which closes it
    with zipfile.ZipFile(output, "w", compression=zipfile.ZIP_DEFLATED) as package:
        package.writestr(MANIFEST_NAME, etree.tostring(root, xml_declaration=True, encoding="UTF-8", pretty_print=True))
        for path, entry in paths:
            if entry.file is None:
                package.writestr(path, web_link(entry.title, entry.url))
                continue
            with entry.file.file.open("rb") as source, package.open(path, "w", force_zip64=True) as target:
                for chunk in source.chunks():
                    target.write(chunk)
    output.seek(0)
    return output
