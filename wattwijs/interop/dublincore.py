"""Simple Dublin Core of a material (the ``oai_dc`` OAI-PMH metadata format)."""

from __future__ import annotations

from lxml import etree

from wattwijs.interop import nllom
from wattwijs.interop.dates import format_datestamp
from wattwijs.interop.namespaces import XML_LANG, XSI_SCHEMA_LOCATION, XSI_URI
from wattwijs.library import licences
from wattwijs.library.models import Resource, ResourceVersion

NAMESPACE = "http://www.openarchives.org/OAI/2.0/oai_dc/"
SCHEMA = "http://www.openarchives.org/OAI/2.0/oai_dc.xsd"
DC_NAMESPACE = "http://purl.org/dc/elements/1.1/"


def _dc(parent: etree._Element, name: str, text: str, language: str | None = None) -> None:
    element = etree.SubElement(parent, f"{{{DC_NAMESPACE}}}{name}")
    element.text = text
    if language:
        element.set(XML_LANG, language)


def build(record: Resource, version: ResourceVersion, *, oai_identifier: str, landing_url: str) -> etree._Element:
    """The ``<oai_dc:dc>`` element of a published material (uses only prefetched relations)."""
    language = version.language or None
    root = etree.Element(f"{{{NAMESPACE}}}dc", nsmap={"oai_dc": NAMESPACE, "dc": DC_NAMESPACE, "xsi": XSI_URI})
    root.set(XSI_SCHEMA_LOCATION, f"{NAMESPACE} {SCHEMA}")
    _dc(root, "title", version.title, language)
    for author in version.authors.all():
        _dc(root, "creator", author.name)
    for word in nllom.keywords(version):
        _dc(root, "subject", word, language)
    for theme in version.themes.all():
        _dc(root, "subject", theme.name_nl, "nl")
    _dc(root, "description", version.description, language)
    _dc(root, "publisher", record.publisher.name)
    _dc(root, "date", format_datestamp(version.published_at or version.modified_at))
    for kind in version.learning_resource_types:
        _dc(root, "type", kind)
    for mime_type in nllom.formats(version):
        _dc(root, "format", mime_type)
    _dc(root, "identifier", nllom.location(version, landing_url))
    if version.location and version.location != landing_url:
        _dc(root, "identifier", landing_url)
    _dc(root, "language", version.language)
    licence = licences.LICENCES.get(version.licence)
    _dc(root, "rights", licence.url if licence is not None and licence.url else version.licence)
    return root
