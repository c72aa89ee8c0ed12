"""Simple Dublin Core of a material (the ``oai_dc`` OAI-PMH metadata format)."""

from __future__ import annotations

from lxml import etree

from wattwijs.core.text import strip_control_characters
from wattwijs.interop import nllom
from wattwijs.interop.dates import format_datestamp
from wattwijs.interop.namespaces import XML_LANG, XSI_SCHEMA_LOCATION, XSI_URI
from wattwijs.interop.selectors import Metadata
from wattwijs.library import licences

NAMESPACE = "http://www.openarchives.org/OAI/2.0/oai_dc/"
SCHEMA = "http://www.openarchives.org/OAI/2.0/oai_dc.xsd"
DC_NAMESPACE = "http://purl.org/dc/elements/1.1/"


_TAGS = {
    name: f"{{{DC_NAMESPACE}}}{name}"
    for name in (
        "title",
        "creator",
        "subject",
        "description",
        "publisher",
        "date",
        "type",
        "format",
        "identifier",
        "language",
        "rights",
    )
}
_NSMAP = {"oai_dc": NAMESPACE, "dc": DC_NAMESPACE, "xsi": XSI_URI}
_SUB = etree.SubElement


def _dc(parent: etree._Element, name: str, text: str, language: str | None = None) -> None:
    element = _SUB(parent, _TAGS[name], {XML_LANG: language}) if language else _SUB(parent, _TAGS[name])
    element.text = strip_control_characters(text)


def build(metadata: Metadata, *, oai_identifier: str, landing_url: str) -> etree._Element:
    """The ``<oai_dc:dc>`` element of a published material."""
    language = metadata.language or None
    root = etree.Element(f"{{{NAMESPACE}}}dc", nsmap=_NSMAP)
    root.set(XSI_SCHEMA_LOCATION, f"{NAMESPACE} {SCHEMA}")
    _dc(root, "title", metadata.title, language)
    for name, _ in metadata.authors:
        _dc(root, "creator", name)
    for word in nllom.keywords(metadata):
        _dc(root, "subject", word, language)
    for theme in metadata.themes:
        _dc(root, "subject", theme, "nl")
    _dc(root, "description", metadata.description, language)
    _dc(root, "publisher", metadata.publisher)
    _dc(root, "date", format_datestamp(metadata.published))
    for kind in metadata.learning_resource_types:
        _dc(root, "type", kind)
    for mime_type in nllom.formats(metadata):
        _dc(root, "format", mime_type)
    _dc(root, "identifier", nllom.location(metadata, landing_url))
    if metadata.location and metadata.location != landing_url:
        _dc(root, "identifier", landing_url)
    _dc(root, "language", metadata.language)
    licence = licences.LICENCES.get(metadata.licence)
    _dc(root, "rights", licence.url if licence is not None and licence.url else metadata.licence)
    return root
