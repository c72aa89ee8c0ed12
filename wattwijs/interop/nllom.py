"""NL-LOM metadata of a material, in the IMS LOM v1.2 XML binding (the ``lom`` OAI-PMH metadata format).

Every element NL-LOM makes mandatory is written: identifier (catalog and entry), title, language,
description, keywords, aggregation level, the contributions of publisher and authors with vCards and dates,
metadata scheme, technical format and location, intended end-user role, cost, copyright and other
restrictions, and the educational level as an OBK classification. Vocabulary sources come from
``nl-lom-vocabularies.json`` through ``library.vocabularies``.
"""

from __future__ import annotations

from collections.abc import Callable
from copy import deepcopy
from functools import cache

from django.conf import settings
from django.utils.translation import get_language
from lxml import etree

from wattwijs.core.text import strip_control_characters
from wattwijs.interop.dates import format_datestamp
from wattwijs.interop.namespaces import XML_LANG, XSI_SCHEMA_LOCATION, XSI_URI
from wattwijs.interop.selectors import Metadata
from wattwijs.library import licences, vocabularies

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


def _tag(name: str) -> str:
    return f"{{{NAMESPACE}}}{name}"


LOM, GENERAL, CATALOGENTRY, CATALOG, ENTRY, LANGSTRING = map(
    _tag, ("lom", "general", "catalogentry", "catalog", "entry", "langstring")
)
TITLE, LANGUAGE, DESCRIPTION, KEYWORD, LIFECYCLE, VERSION = map(
    _tag, ("title", "language", "description", "keyword", "lifecycle", "version")
)
CONTRIBUTE, CENTITY, VCARD, DATE, DATETIME, TECHNICAL, FORMAT, LOCATION, EDUCATIONAL = map(
    _tag, ("contribute", "centity", "vcard", "date", "datetime", "technical", "format", "location", "educational")
)
TYPICALLEARNINGTIME = _tag("typicallearningtime")
_SUB = etree.SubElement


def _element(parent: etree._Element, name: str, text: str | None = None) -> etree._Element:
    child = _SUB(parent, _tag(name))
    if text is not None:
        child.text = strip_control_characters(text)
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


def _fragment(build: Callable[[etree._Element], object]) -> etree._Element:
    """The one child ``build`` adds to a scratch ``<lom>``: a piece that many records share, to copy."""
    holder = etree.Element(LOM, nsmap={None: NAMESPACE})  # type: ignore[dict-item]
    build(holder)
    return holder[0]


# Pieces that depend on a few values only are built once per value and copied into each record: copying a
# built subtree is much cheaper than building it element by element.


@cache
def _aggregation_level(level: int) -> etree._Element:
    return _fragment(lambda lom: _vocabulary(lom, "aggregationlevel", LOM_VOCABULARY, str(level)))


@cache
def _role(role: str) -> etree._Element:
    return _fragment(lambda lom: _vocabulary(lom, "role", LOM_VOCABULARY, role))


@cache
def _metametadata() -> etree._Element:
    def build(lom: etree._Element) -> None:
        metametadata = _element(lom, "metametadata")
        for scheme in METADATA_SCHEMES:
            _element(metametadata, "metadatascheme", scheme)
        _element(metametadata, "language", "nl")

    return _fragment(build)


@cache
def _learning_resource_type(kind: str) -> etree._Element:
    source = vocabularies.source("learning_resource_type")
    return _fragment(lambda lom: _vocabulary(lom, "learningresourcetype", source, kind))


@cache
def _intended_end_user_role(role: str) -> etree._Element:
    source = vocabularies.source("intended_end_user_role")
    return _fragment(lambda lom: _vocabulary(lom, "intendedenduserrole", source, role))


@cache
def _rights(cost: bool, licence_code: str, language: str | None) -> etree._Element:
    # A licence without a deed is described by its name, in the language of the request.
    def build(lom: etree._Element) -> None:
        rights = _element(lom, "rights")
        _vocabulary(rights, "cost", vocabularies.source("cost"), "yes" if cost else "no")
        source = vocabularies.source("copyright_and_other_restrictions")
        _vocabulary(rights, "copyrightandotherrestrictions", source, licence_code)
        licence = licences.LICENCES.get(licence_code)
        if licence is not None:
            _langstring(rights, "description", licence.url or str(licence.short_name), NO_LANGUAGE)

    return _fragment(build)


@cache
def _classification(levels: tuple[str, ...]) -> etree._Element:
    def build(lom: etree._Element) -> None:
        labels = vocabularies.levels()
        classification = _element(lom, "classification")
        _vocabulary(classification, "purpose", LOM_VOCABULARY, EDUCATIONAL_LEVEL_PURPOSE)
        for level in levels:
            taxonpath = _element(classification, "taxonpath")
            _langstring(taxonpath, "source", vocabularies.source("educational_level"), NO_LANGUAGE)
            taxon = _element(taxonpath, "taxon")
            _element(taxon, "id", level)
            _langstring(taxon, "entry", labels.get(level, level), "nl")

    return _fragment(build)


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


def _langstrings(parent: etree._Element, tag: str, text: str, language: str) -> None:
    _SUB(_SUB(parent, tag), LANGSTRING, {XML_LANG: language}).text = strip_control_characters(text)


def _contribute(lifecycle: etree._Element, *, role: str, card: str, date: str) -> None:
    contribute = _SUB(lifecycle, CONTRIBUTE)
    contribute.append(deepcopy(_role(role)))
    _SUB(_SUB(contribute, CENTITY), VCARD).text = strip_control_characters(card)
    _SUB(_SUB(contribute, DATE), DATETIME).text = date


def keywords(metadata: Metadata) -> list[str]:
    """The keywords of a record; NL-LOM needs at least one, so without any its theme names stand in."""
    words = [str(word) for word in metadata.keywords if str(word).strip()]
    return words or metadata.themes or [metadata.title]


def educational_levels(metadata: Metadata) -> list[str]:
    """The OBK levels of a record; NL-LOM needs one, and all material on WattWijs is at least for the mbo."""
    if metadata.levels:
        return [str(level) for level in metadata.levels]
    return [uuid for uuid, label in vocabularies.levels().items() if label == GENERAL_LEVEL_LABEL]


def formats(metadata: Metadata) -> list[str]:
    return list(dict.fromkeys(metadata.mime_types)) or [WEB_PAGE_FORMAT]


def location(metadata: Metadata, landing_url: str) -> str:
    return metadata.location or landing_url


def build(metadata: Metadata, *, oai_identifier: str, landing_url: str) -> etree._Element:
    """The ``<lom>`` element of a published material."""
    language = metadata.language or NO_LANGUAGE
    lom = etree.Element(LOM, nsmap={None: NAMESPACE, "xsi": XSI_URI})  # type: ignore[dict-item]
    lom.set(XSI_SCHEMA_LOCATION, f"{NAMESPACE} {SCHEMA}")

    general = _SUB(lom, GENERAL)
    for catalog, entry in ((URI_CATALOG, landing_url), (settings.OAI_REPOSITORY_ID, oai_identifier)):
        catalogentry = _SUB(general, CATALOGENTRY)
        _SUB(catalogentry, CATALOG).text = catalog
        _langstrings(catalogentry, ENTRY, entry, NO_LANGUAGE)
    _langstrings(general, TITLE, metadata.title, language)
    _SUB(general, LANGUAGE).text = metadata.language
    _langstrings(general, DESCRIPTION, metadata.description, language)
    for word in keywords(metadata):
        _langstrings(general, KEYWORD, word, language)
    general.append(deepcopy(_aggregation_level(metadata.aggregation_level)))

    lifecycle = _SUB(lom, LIFECYCLE)
    _SUB(lifecycle, VERSION).text = str(metadata.number)
    published = format_datestamp(metadata.published)
    _contribute(lifecycle, role="publisher", card=vcard(name=metadata.publisher), date=published)
    for name, organisation in metadata.authors:
        _contribute(lifecycle, role="author", card=vcard(name=name, organisation=organisation), date=published)

    lom.append(deepcopy(_metametadata()))

    technical = _SUB(lom, TECHNICAL)
    for mime_type in formats(metadata):
        _SUB(technical, FORMAT).text = mime_type
    _SUB(technical, LOCATION).text = strip_control_characters(location(metadata, landing_url))

    educational = _SUB(lom, EDUCATIONAL)
    for kind in metadata.learning_resource_types:
        educational.append(deepcopy(_learning_resource_type(kind)))
    # NL-LOM needs an intended end-user role; material shared for teaching is meant for teachers first.
    for role in metadata.intended_end_user_roles or ["teacher"]:
        educational.append(deepcopy(_intended_end_user_role(role)))
    if metadata.typical_learning_time:
        _SUB(_SUB(educational, TYPICALLEARNINGTIME), DATETIME).text = f"PT{metadata.typical_learning_time}M"

    lom.append(deepcopy(_rights(metadata.cost, metadata.licence, get_language())))
    lom.append(deepcopy(_classification(tuple(educational_levels(metadata)))))
    return lom
