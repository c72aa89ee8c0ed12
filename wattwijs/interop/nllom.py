"""NL-LOM metadata of a material, in the IMS LOM v1.2 XML binding (the ``lom`` OAI-PMH metadata format).

Every element NL-LOM makes mandatory is written: identifier (catalog and entry), title, language,
description, keywords, aggregation level, the contributions of publisher and authors with vCards and dates,
metadata scheme, technical format and location, intended end-user role, cost, copyright and other
restrictions, and the educational level as an OBK classification. Vocabulary sources come from
``nl-lom-vocabularies.json`` through ``library.vocabularies``.
"""

from __future__ import annotations

from datetime import datetime

from django.conf import settings
from lxml import etree

from wattwijs.interop.dates import format_datestamp
from wattwijs.interop.namespaces import XML_LANG, XSI_SCHEMA_LOCATION, XSI_URI
from wattwijs.library import licences, vocabularies
from wattwijs.library.models import Resource, ResourceVersion

NAMESPACE = "http://www.imsglobal.org/xsd/imsmd_v1p2"
SCHEMA = "http://www.imsglobal.org/xsd/imsmd_v1p2p4.xsd"
LOM_VOCABULARY = "LOMv1.0"
NO_LANGUAGE = "x-none"
# NL-LOM records name both schemes they follow.
METADATA_SCHEMES = ("LOMv1.0", "nl_lom_v1p0")
URI_CATALOG = "URI"
EDUCATIONAL_LEVEL_PURPOSE = "educational level"
GENERAL_LEVEL_LABEL = "MBO"
# Material without a file of its own is a web page.
WEB_PAGE_FORMAT = "text/html"


def _element(parent: etree._Element, name: str, text: str | None = None) -> etree._Element:
    child = etree.SubElement(parent, f"{{{NAMESPACE}}}{name}")
    if text is not None:
        child.text = text
    return child


def _langstring(parent: etree._Element, name: str, text: str, language: str) -> etree._Element:
    wrapper = _element(parent, name)
    string = _element(wrapper, "langstring", text)
    string.set(XML_LANG, language)
    return wrapper


def _vocabulary(parent: etree._Element, name: str, source: str, value: str) -> etree._Element:
    wrapper = _element(parent, name)
    _langstring(wrapper, "source", source, NO_LANGUAGE)
    _langstring(wrapper, "value", value, NO_LANGUAGE)
    return wrapper


def _vcard_text(value: str) -> str:
    """A vCard text value with its special characters escaped (RFC 6350, section 3.4)."""
    return (
        value.replace("\\", "\\\\").replace(",", "\\,").replace(";", "\\;").replace("\r\n", "\\n").replace("\n", "\\n")
    )


def vcard(*, name: str, organisation: str = "") -> str:
    lines = ["BEGIN:VCARD", "VERSION:3.0", f"FN:{_vcard_text(name)}"]
    if organisation:
        lines.append(f"ORG:{_vcard_text(organisation)}")
    lines.append("END:VCARD")
    return "\n".join(lines)


def _contribute(lifecycle: etree._Element, *, role: str, card: str, date: datetime) -> None:
    contribute = _element(lifecycle, "contribute")
    _vocabulary(contribute, "role", LOM_VOCABULARY, role)
    centity = _element(contribute, "centity")
    _element(centity, "vcard", card)
    _element(_element(contribute, "date"), "datetime", format_datestamp(date))


def keywords(version: ResourceVersion) -> list[str]:
    """The keywords of a version; NL-LOM needs at least one, so without any its theme names stand in."""
    words = [str(word) for word in version.keywords if str(word).strip()]
    return words or [theme.name_nl for theme in version.themes.all()] or [version.title]


def educational_levels(version: ResourceVersion) -> list[str]:
    """The OBK levels of a version; NL-LOM needs one, and all material on WattWijs is at least for the mbo."""
    if version.educational_levels:
        return [str(level) for level in version.educational_levels]
    return [uuid for uuid, label in vocabularies.levels().items() if label == GENERAL_LEVEL_LABEL]


def formats(version: ResourceVersion) -> list[str]:
    types = list(dict.fromkeys(file.mime_type for file in version.files.all()))
    return types or [WEB_PAGE_FORMAT]


def location(version: ResourceVersion, landing_url: str) -> str:
    return version.location or landing_url


def build(record: Resource, version: ResourceVersion, *, oai_identifier: str, landing_url: str) -> etree._Element:
    """The ``<lom>`` element of a published material (uses only prefetched relations)."""
    language = version.language or NO_LANGUAGE
    published = version.published_at or version.modified_at
    lom = etree.Element(f"{{{NAMESPACE}}}lom", nsmap={None: NAMESPACE, "xsi": XSI_URI})  # type: ignore[dict-item]
    lom.set(XSI_SCHEMA_LOCATION, f"{NAMESPACE} {SCHEMA}")

    general = _element(lom, "general")
    for catalog, entry in ((URI_CATALOG, landing_url), (settings.OAI_REPOSITORY_ID, oai_identifier)):
        catalogentry = _element(general, "catalogentry")
        _element(catalogentry, "catalog", catalog)
        _langstring(catalogentry, "entry", entry, NO_LANGUAGE)
    _langstring(general, "title", version.title, language)
    _element(general, "language", version.language)
    _langstring(general, "description", version.description, language)
    for word in keywords(version):
        _langstring(general, "keyword", word, language)
    _vocabulary(general, "aggregationlevel", LOM_VOCABULARY, str(version.aggregation_level))

    lifecycle = _element(lom, "lifecycle")
    _element(lifecycle, "version", str(version.number))
    _contribute(lifecycle, role="publisher", card=vcard(name=record.publisher.name), date=published)
    for author in version.authors.all():
        card = vcard(name=author.name, organisation=author.organisation)
        _contribute(lifecycle, role="author", card=card, date=published)

    metametadata = _element(lom, "metametadata")
    for scheme in METADATA_SCHEMES:
        _element(metametadata, "metadatascheme", scheme)
    _element(metametadata, "language", "nl")

    technical = _element(lom, "technical")
    for mime_type in formats(version):
        _element(technical, "format", mime_type)
    _element(technical, "location", location(version, landing_url))

    educational = _element(lom, "educational")
    for kind in version.learning_resource_types:
        _vocabulary(educational, "learningresourcetype", vocabularies.source("learning_resource_type"), kind)
    # NL-LOM needs an intended end-user role; material shared for teaching is meant for teachers first.
    for role in version.intended_end_user_roles or ["teacher"]:
        _vocabulary(educational, "intendedenduserrole", vocabularies.source("intended_end_user_role"), role)
    if version.typical_learning_time:
        _element(_element(educational, "typicallearningtime"), "datetime", f"PT{version.typical_learning_time}M")

    rights = _element(lom, "rights")
    _vocabulary(rights, "cost", vocabularies.source("cost"), "yes" if version.cost else "no")
    _vocabulary(
        rights,
        "copyrightandotherrestrictions",
        vocabularies.source("copyright_and_other_restrictions"),
        version.licence,
    )
    licence = licences.LICENCES.get(version.licence)
    if licence is not None:
        _langstring(rights, "description", licence.url or str(licence.short_name), NO_LANGUAGE)

    labels = vocabularies.levels()
    classification = _element(lom, "classification")
    _vocabulary(classification, "purpose", LOM_VOCABULARY, EDUCATIONAL_LEVEL_PURPOSE)
    for level in educational_levels(version):
        taxonpath = _element(classification, "taxonpath")
        _langstring(taxonpath, "source", vocabularies.source("educational_level"), NO_LANGUAGE)
        taxon = _element(taxonpath, "taxon")
        _element(taxon, "id", level)
        _langstring(taxon, "entry", labels.get(level, level), "nl")
    return lom
