"""Reading harvested OAI-PMH pages: each record becomes a checked material, a deletion, or an error in words.

The parser is locked down: no network, no DTDs, no entity expansion, no huge trees. A page that is not
well-formed XML is split into its records, so one broken record costs only that record. Metadata in
``lom`` (NL-LOM in the IMS LOM v1.2 namespace) and ``oai_dc`` is understood; vocabulary values outside
the NL-LOM vocabularies WattWijs knows are left out, and a record without what NL-LOM requires is refused.
"""

from __future__ import annotations

import html
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime
from functools import cache
from typing import TYPE_CHECKING, cast
from urllib.parse import urlsplit

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from lxml import etree

from wattwijs.interop import dublincore, nllom
from wattwijs.library import licences, vocabularies
from wattwijs.library.models import ResourceVersion
from wattwijs.library.services import AuthorData, HarvestedMaterial

if TYPE_CHECKING:
    from django_stubs_ext import StrOrPromise

OAI_NAMESPACE = "http://www.openarchives.org/OAI/2.0/"
# A record's metadata larger than this is refused (a sane NL-LOM record is a few kilobytes).
MAX_RECORD_BYTES = 256 * 1024
MAX_TITLE = 250
MAX_LOCATION = 500
MAX_KEYWORDS = 50
MAX_KEYWORD = 200
MAX_AUTHORS = 50

_NS = {"oai": OAI_NAMESPACE, "lom": nllom.NAMESPACE, "oai_dc": dublincore.NAMESPACE, "dc": dublincore.DC_NAMESPACE}
_OAI_PMH = f"{{{OAI_NAMESPACE}}}OAI-PMH"
_RECORD, _HEADER, _IDENTIFIER, _DATESTAMP, _METADATA = (
    f"{{{OAI_NAMESPACE}}}{name}" for name in ("record", "header", "identifier", "datestamp", "metadata")
)
_DATESTAMP_PATTERN = re.compile(r"([0-9]{4})-([0-9]{2})-([0-9]{2})(?:T([0-9]{2}):([0-9]{2}):([0-9]{2})Z)?")
_EXPECTED_ROOT = {"lom": nllom.LOM, "oai_dc": f"{{{dublincore.NAMESPACE}}}dc"}
_LANGUAGE = re.compile(r"[a-z]{2,3}")
_CONTRIBUTE_DATE = re.compile(r"[0-9]{4}(-[0-9]{2}(-[0-9]{2}([T ][0-9:.]+(Z|[+-][0-9:]+)?)?)?)?")
_UNSAFE_IN_URL = re.compile(r"[\s<>\"\\\x00-\x1f\x7f]")


def _parser() -> etree.XMLParser:
    return etree.XMLParser(
        resolve_entities=False, no_network=True, load_dtd=False, dtd_validation=False, huge_tree=False, recover=False
    )


class PageError(Exception):
    """A page that cannot be read at all, or an OAI-PMH error other than "no records match"."""


@dataclass(frozen=True)
class RecordResult:
    identifier: str
    material: HarvestedMaterial | None = None
    deleted: bool = False
    error: str = ""


@dataclass
class Page:
    records: list[RecordResult] = field(default_factory=list)
    resumption_token: str = ""


def read_page(data: bytes, metadata_prefix: str) -> Page:
    """The records and the resumption token of one ListRecords answer."""
    try:
        root = etree.fromstring(data, _parser())
    except etree.XMLSyntaxError:
        return _read_broken_page(data, metadata_prefix)
    if root.tag != _OAI_PMH:
        raise PageError(_("The answer is not an OAI-PMH response (root element %(tag)s).") % {"tag": root.tag})
    for error in root.iterfind("oai:error", _NS):
        if error.get("code") == "noRecordsMatch":
            return Page()
        raise PageError(
            _("The repository answered with the error %(code)s: %(message)s")
            % {"code": error.get("code", ""), "message": (error.text or "").strip()[:300]}
        )
    page = Page()
    for record in root.iterfind("oai:ListRecords/oai:record", _NS):
        page.records.append(read_record(record, metadata_prefix))
    token = root.find("oai:ListRecords/oai:resumptionToken", _NS)
    page.resumption_token = (token.text or "").strip() if token is not None else ""
    return page


_RECORD_TEXT = re.compile(rb"<(?:[A-Za-z_][\w.-]*:)?record[\s>].*?</(?:[A-Za-z_][\w.-]*:)?record\s*>", re.S)
_TOKEN_TEXT = re.compile(rb"<(?:[A-Za-z_][\w.-]*:)?resumptionToken\b[^>]*?(?:/>|>(.*?)</)", re.S)
_ROOT_TAG = re.compile(rb"<(?:[A-Za-z_][\w.-]*:)?OAI-PMH\b([^>]*)>", re.S)
_NAMESPACE_DECLARATION = re.compile(rb"""\sxmlns(?::[\w.-]+)?\s*=\s*("[^"]*"|'[^']*')""")
_IDENTIFIER_TEXT = re.compile(rb"<(?:[A-Za-z_][\w.-]*:)?identifier>\s*([^<]{1,300}?)\s*</", re.S)


def _read_broken_page(data: bytes, metadata_prefix: str) -> Page:
    """A page that is not well-formed: read each record on its own, so that only the broken ones are lost."""
    root_tag = _ROOT_TAG.search(data)
    if root_tag is None:
        raise PageError(_("The answer is not well-formed XML."))
    declarations = b"".join(match.group(0) for match in _NAMESPACE_DECLARATION.finditer(root_tag.group(1)))
    page = Page()
    for match in _RECORD_TEXT.finditer(data, root_tag.end()):
        try:
            wrapper = etree.fromstring(b"<wrapper" + declarations + b">" + match.group(0) + b"</wrapper>", _parser())
        except etree.XMLSyntaxError:
            wrapper = None
        if wrapper is None or len(wrapper) != 1 or wrapper[0].tag != _RECORD:
            identifier = _IDENTIFIER_TEXT.search(match.group(0))
            page.records.append(
                RecordResult(
                    identifier=html.unescape(identifier.group(1).decode("utf-8", "replace")) if identifier else "",
                    error=_("The record is not well-formed XML."),
                )
            )
            continue
        page.records.append(read_record(wrapper[0], metadata_prefix))
    if not page.records:
        raise PageError(_("The answer is not well-formed XML."))
    token = _TOKEN_TEXT.search(data, root_tag.end())
    if token is not None and token.group(1):
        page.resumption_token = html.unescape(token.group(1).decode("utf-8", "replace")).strip()
    return page


def read_record(record: etree._Element, metadata_prefix: str) -> RecordResult:
    header = record.find(_HEADER)
    if header is None:
        return RecordResult(identifier="", error=_("The record has no header."))
    identifier = (header.findtext(_IDENTIFIER) or "").strip()
    if not identifier:
        return RecordResult(identifier="", error=_("The record has no identifier."))
    if len(identifier) > 300:
        return RecordResult(identifier=identifier[:300], error=_("The identifier is longer than 300 characters."))
    datestamp = _datestamp((header.findtext(_DATESTAMP) or "").strip())
    if datestamp is None:
        return RecordResult(identifier=identifier, error=_("The datestamp is not a valid date."))
    if header.get("status") == "deleted":
        return RecordResult(identifier=identifier, deleted=True)
    metadata = record.find(_METADATA)
    if metadata is None or len(metadata) != 1:
        return RecordResult(identifier=identifier, error=_("The record has no metadata."))
    content = metadata[0]
    if len(etree.tostring(content)) > MAX_RECORD_BYTES:
        return RecordResult(
            identifier=identifier,
            error=_("The metadata is larger than %(size)d kB.") % {"size": MAX_RECORD_BYTES // 1024},
        )
    expected = _EXPECTED_ROOT[metadata_prefix]
    if content.tag != expected:
        return RecordResult(
            identifier=identifier,
            error=_("The metadata is not in the expected format: found %(found)s instead of %(expected)s.")
            % {"found": content.tag, "expected": expected},
        )
    reader = _read_lom if metadata_prefix == "lom" else _read_dc
    try:
        material = reader(content, identifier, datestamp)
    except ValidationError as error:
        return RecordResult(identifier=identifier, error=" ".join(error.messages))
    return RecordResult(identifier=identifier, material=material)


@cache
def _xpath(path: str) -> etree.XPath:
    """A compiled XPath: much faster than ElementPath when run on every record."""
    return etree.XPath(path, namespaces=_NS, smart_strings=False)


def _datestamp(value: str) -> datetime | None:
    """An OAI-PMH datestamp (day or seconds granularity, UTC); None when it is not a valid one."""
    match = _DATESTAMP_PATTERN.fullmatch(value)
    if match is None:
        return None
    try:
        year, month, day, hour, minute, second = (int(part) for part in match.groups(default="0"))
        return datetime(year, month, day, hour, minute, second, tzinfo=UTC)
    except ValueError:  # a well-formed but impossible date, such as 2026-02-30
        return None


def _nodes(element: etree._Element, path: str) -> list[etree._Element]:
    return cast(list[etree._Element], _xpath(path)(element))


def _strings(element: etree._Element, path: str) -> list[str]:
    return cast(list[str], _xpath(f"{path}/text()")(element))


def _texts(element: etree._Element, path: str) -> list[str]:
    return [text for value in _strings(element, path) if (text := " ".join(value.split()))]


def _langstring(element: etree._Element, path: str) -> str:
    """The text of a LOM langstring, in Dutch when there are several."""
    nodes = _nodes(element, f"{path}/lom:langstring")
    for node in nodes:
        if (node.get("{http://www.w3.org/XML/1998/namespace}lang") or "").lower().startswith("nl"):
            return (node.text or "").strip()
    return (nodes[0].text or "").strip() if nodes else ""


def _vocabulary_values(element: etree._Element, path: str) -> list[str]:
    return _texts(element, f"{path}/lom:value/lom:langstring")


def _required(value: str, message: StrOrPromise) -> str:
    if not value:
        raise ValidationError(str(message))
    return value


def _title(value: str) -> str:
    _required(value, gettext_lazy("The title is missing."))
    if len(value) > MAX_TITLE:
        raise ValidationError(_("The title is longer than %(max)d characters.") % {"max": MAX_TITLE})
    return value


def _is_web_address(value: str) -> bool:
    if len(value) > MAX_LOCATION or _UNSAFE_IN_URL.search(value):
        return False
    try:
        parts = urlsplit(value)
    except ValueError:
        return False
    return parts.scheme in ("http", "https") and bool(parts.hostname)


def _location(candidates: list[str]) -> str:
    for candidate in candidates:
        if _is_web_address(candidate):
            return candidate
    if candidates:
        raise ValidationError(_("The location is not a web address (http or https) of at most 500 characters."))
    raise ValidationError(_("The location (web address) is missing."))


def _language(value: str) -> str:
    language = value.strip().lower().replace("_", "-").split("-")[0]
    if not _LANGUAGE.fullmatch(language):
        raise ValidationError(_("The language %(language)s is not a language code.") % {"language": value[:20]})
    return language


def _keywords(values: list[str]) -> list[str]:
    return list(dict.fromkeys(value[:MAX_KEYWORD] for value in values))[:MAX_KEYWORDS]


@cache
def _licence_by_url() -> dict[str, str]:
    return {_url_key(licence.url): code for code, licence in licences.LICENCES.items() if licence.url}


def _url_key(url: str) -> str:
    key = url.strip().lower().split("://", 1)[-1].removeprefix("www.")
    for suffix in ("legalcode", "deed.nl", "deed.en"):
        key = key.removesuffix(suffix)
    return key.rstrip("/")


def _licence(values: list[str]) -> str:
    for value in values:
        code = value.strip().lower()
        if code in licences.LICENCES:
            return code
        if (by_url := _licence_by_url().get(_url_key(value))) is not None:
            return by_url
    if values:
        raise ValidationError(
            _("The licence %(licence)s is not in the NL-LOM vocabulary.") % {"licence": values[0][:80]}
        )
    raise ValidationError(_("The licence (copyright and other restrictions) is missing."))


def _vcard_field(card: str, name: str) -> str:
    for line in card.replace("\r\n", "\n").split("\n"):
        key, _sep, value = line.partition(":")
        if key.split(";")[0].strip().upper() == name:
            return value.replace("\\,", ",").replace("\\;", ";").replace("\\n", " ").replace("\\\\", "\\").strip()
    return ""


def _authors(lom: etree._Element) -> Iterator[tuple[str, str]]:
    """(name, organisation) of each author, after checking the date of every contribution."""
    for contribute in _nodes(lom, "lom:lifecycle/lom:contribute"):
        for date in _texts(contribute, "lom:date/lom:datetime"):
            if not _valid_contribute_date(date):
                raise ValidationError(
                    _("The date %(date)s of a contribution is not a valid date.") % {"date": date[:40]}
                )
        if _vocabulary_values(contribute, "lom:role")[:1] != ["author"]:
            continue
        for text in _strings(contribute, "lom:centity/lom:vcard"):
            if name := _vcard_field(text, "FN"):
                yield name[:200], _vcard_field(text, "ORG")[:200]


def _valid_contribute_date(value: str) -> bool:
    if not _CONTRIBUTE_DATE.fullmatch(value):
        return False
    try:
        datetime.fromisoformat(value[:10] if len(value) >= 10 else f"{value[:4]}-01-01")
    except ValueError:
        return False
    return True


@cache
def _known() -> dict[str, frozenset[str]]:
    return {
        "level": frozenset(vocabularies.levels()),
        "type": frozenset(code for code, _label in vocabularies.resource_type_choices()),
        "role": frozenset(code for code, _label in vocabularies.end_user_role_choices()),
    }


def _read_lom(lom: etree._Element, identifier: str, datestamp: datetime) -> HarvestedMaterial:
    general = lom.find("lom:general", _NS)
    if general is None:
        raise ValidationError(_("The general part (title, description, language) is missing."))
    title = _title(_langstring(general, "lom:title"))
    description = _required(_langstring(general, "lom:description"), gettext_lazy("The description is missing."))
    language_text = general.findtext("lom:language", "", _NS) or ""
    language = _language(_required(language_text, gettext_lazy("The language is missing.")))
    location = _location(_texts(lom, "lom:technical/lom:location"))
    licence = _licence(_vocabulary_values(lom, "lom:rights/lom:copyrightandotherrestrictions"))
    level_text = next(iter(_vocabulary_values(general, "lom:aggregationlevel")), "")
    aggregation_level = ResourceVersion.AggregationLevel.LESSON
    if level_text:
        if level_text not in {"1", "2", "3", "4"}:
            raise ValidationError(
                _("The aggregation level %(level)s is not 1, 2, 3 or 4.") % {"level": level_text[:10]}
            )
        aggregation_level = ResourceVersion.AggregationLevel(int(level_text))
    known = _known()
    authors = [AuthorData(name=name, organisation=organisation) for name, organisation in _authors(lom)][:MAX_AUTHORS]
    levels = [
        taxon_id
        for classification in lom.iterfind("lom:classification", _NS)
        for taxon_id in _texts(classification, "lom:taxonpath/lom:taxon/lom:id")
        if taxon_id in known["level"]
    ]
    return HarvestedMaterial(
        oai_identifier=identifier,
        datestamp=datestamp,
        title=title,
        description=description,
        location=location,
        licence=licence,
        language=language,
        keywords=_keywords(_texts(general, "lom:keyword/lom:langstring")),
        educational_levels=list(dict.fromkeys(levels)),
        learning_resource_types=_only(
            known["type"], _vocabulary_values(lom, "lom:educational/lom:learningresourcetype")
        ),
        intended_end_user_roles=_only(
            known["role"], _vocabulary_values(lom, "lom:educational/lom:intendedenduserrole")
        ),
        aggregation_level=aggregation_level,
        cost=next(iter(_vocabulary_values(lom, "lom:rights/lom:cost")), "no").lower() == "yes",
        authors=authors,
    )


def _only(known: frozenset[str], values: list[str]) -> list[str]:
    return list(dict.fromkeys(value for value in values if value in known))


def _dc_licence(rights: list[str]) -> str:
    """Dublin Core has no fixed licence vocabulary: without a known licence, all rights are reserved."""
    try:
        return _licence(rights)
    except ValidationError:
        return "yes"


def _read_dc(dc: etree._Element, identifier: str, datestamp: datetime) -> HarvestedMaterial:
    first: Callable[[str], str] = lambda name: next(iter(_texts(dc, f"dc:{name}")), "")  # noqa: E731
    title = _title(first("title"))
    description = _required(first("description"), gettext_lazy("The description is missing."))
    language = first("language")
    rights = _texts(dc, "dc:rights")
    return HarvestedMaterial(
        oai_identifier=identifier,
        datestamp=datestamp,
        title=title,
        description=description,
        location=_location(_texts(dc, "dc:identifier")),
        licence=_dc_licence(rights),
        language=_language(language) if language else "nl",
        keywords=_keywords(_texts(dc, "dc:subject")),
        authors=[AuthorData(name=name[:200]) for name in _texts(dc, "dc:creator")][:MAX_AUTHORS],
    )
