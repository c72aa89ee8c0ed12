"""The OAI-PMH 2.0 protocol: request arguments, verbs, errors, resumption tokens and the streamed XML response.

``respond`` checks a request completely and runs its queries before the first byte is written, so an error
is always a complete OAI-PMH error response. The records of a list page are then serialised one by one into
an lxml incremental writer, so memory depends on the page size and not on the size of the collection.

Lists are ordered by (datestamp, id). A resumption token is signed and carries the request, the last
(datestamp, id) returned, the cursor, the complete list size and an upper datestamp bound fixed by the first
request: records that change during a harvest fall outside it and do not shift the pages.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any

from django.conf import settings
from django.core import signing
from django.http import QueryDict
from django.utils import timezone
from lxml import etree

from wattwijs.interop import dublincore, nllom, selectors
from wattwijs.interop.dates import SECONDS_GRANULARITY, Datestamp, format_datestamp, parse_datestamp
from wattwijs.interop.namespaces import XSI_SCHEMA_LOCATION, XSI_URI

NAMESPACE = "http://www.openarchives.org/OAI/2.0/"
SCHEMA = "http://www.openarchives.org/OAI/2.0/OAI-PMH.xsd"
IDENTIFIER_NAMESPACE = "http://www.openarchives.org/OAI/2.0/oai-identifier"
IDENTIFIER_SCHEMA = "http://www.openarchives.org/OAI/2.0/oai-identifier.xsd"
SIGNING_SCOPE = "wattwijs.interop.oai.resumption"


def _q(name: str) -> str:
    return f"{{{NAMESPACE}}}{name}"


# Errors -------------------------------------------------------------------------------------------------


class OaiError(Exception):
    def __init__(self, code: str, message: str) -> None:
        super().__init__(message)
        self.code = code
        self.message = message

    @property
    def echoes_arguments(self) -> bool:
        """The request element repeats the arguments only when they were valid (OAI-PMH 2.0, section 3.2)."""
        return self.code not in ("badVerb", "badArgument")


# Metadata formats ---------------------------------------------------------------------------------------


@dataclass(frozen=True)
class MetadataFormat:
    prefix: str
    schema: str
    namespace: str
    build: Callable[..., etree._Element]


FORMATS: dict[str, MetadataFormat] = {
    "oai_dc": MetadataFormat("oai_dc", dublincore.SCHEMA, dublincore.NAMESPACE, dublincore.build),
    "lom": MetadataFormat("lom", nllom.SCHEMA, nllom.NAMESPACE, nllom.build),
}


def _metadata_format(prefix: str) -> MetadataFormat:
    try:
        return FORMATS[prefix]
    except KeyError:
        raise OaiError("cannotDisseminateFormat", f"The metadata format {prefix!r} is not supported.") from None


# Requests -----------------------------------------------------------------------------------------------

# Characters XML 1.0 cannot hold: an argument with one could not be echoed in the response.
_NOT_XML = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")
LIST_ARGUMENTS = frozenset({"metadataPrefix", "from", "until", "set"})


@dataclass(frozen=True)
class Verb:
    required: frozenset[str] = frozenset()
    optional: frozenset[str] = frozenset()
    exclusive: str | None = None

    @property
    def arguments(self) -> frozenset[str]:
        return self.required | self.optional | ({self.exclusive} if self.exclusive else set())


VERBS: dict[str, Verb] = {
    "Identify": Verb(),
    "ListMetadataFormats": Verb(optional=frozenset({"identifier"})),
    "ListSets": Verb(exclusive="resumptionToken"),
    "GetRecord": Verb(required=frozenset({"identifier", "metadataPrefix"})),
    "ListIdentifiers": Verb(
        required=frozenset({"metadataPrefix"}),
        optional=frozenset({"from", "until", "set"}),
        exclusive="resumptionToken",
    ),
    "ListRecords": Verb(
        required=frozenset({"metadataPrefix"}),
        optional=frozenset({"from", "until", "set"}),
        exclusive="resumptionToken",
    ),
}


@dataclass(frozen=True)
class OaiRequest:
    verb: str
    arguments: dict[str, str]


def parse_request(params: QueryDict) -> OaiRequest:
    """The verb and arguments of a request, or badVerb / badArgument."""
    verbs = params.getlist("verb")
    if len(verbs) != 1 or verbs[0] not in VERBS:
        if len(verbs) > 1:
            raise OaiError("badVerb", "The verb argument is repeated.")
        raise OaiError("badVerb", "The verb argument is missing or not an OAI-PMH verb.")
    verb = VERBS[verbs[0]]
    arguments: dict[str, str] = {}
    for name, values in params.lists():
        if name == "verb":
            continue
        if name not in verb.arguments:
            raise OaiError("badArgument", f"{verbs[0]} does not take the argument {name!r}.")
        if len(values) != 1:
            raise OaiError("badArgument", f"The argument {name!r} is repeated.")
        if not values[0]:
            raise OaiError("badArgument", f"The argument {name!r} is empty.")
        if _NOT_XML.search(values[0]):
            raise OaiError("badArgument", f"The argument {name!r} holds characters that XML does not allow.")
        arguments[name] = values[0]
    if verb.exclusive and verb.exclusive in arguments:
        if len(arguments) > 1:
            raise OaiError("badArgument", f"{verb.exclusive} is an exclusive argument.")
    else:
        missing = sorted(verb.required - set(arguments))
        if missing:
            raise OaiError("badArgument", f"{verbs[0]} needs the argument(s) {', '.join(missing)}.")
    return OaiRequest(verbs[0], arguments)


# Identifiers --------------------------------------------------------------------------------------------


def _identifier_prefix() -> str:
    return f"oai:{settings.OAI_REPOSITORY_ID}:"


def oai_identifier(pk: int) -> str:
    return f"{_identifier_prefix()}{pk}"


def _record_for(identifier: str) -> selectors.Record:
    prefix = _identifier_prefix()
    local = identifier[len(prefix) :] if identifier.startswith(prefix) else ""
    record = selectors.record_get(pk=int(local)) if re.fullmatch(r"[1-9][0-9]{0,17}", local) else None
    if record is None:
        raise OaiError("idDoesNotExist", f"There is no record {identifier!r} in this repository.")
    return record


# Resumption tokens --------------------------------------------------------------------------------------


@dataclass(frozen=True)
class ListState:
    """Where a list request stands; a resumption token carries it between requests."""

    prefix: str
    record_filter: selectors.RecordFilter
    bound: datetime
    after: selectors.Position | None = None
    cursor: int = 0
    total: int = 0


def _iso(value: datetime | None) -> str | None:
    return value.isoformat() if value is not None else None


def _from_iso(value: Any) -> datetime | None:
    if value is None:
        return None
    parsed = datetime.fromisoformat(value)
    if parsed.tzinfo is None:
        raise ValueError("naive datetime in a token")
    return parsed


def encode_token(state: ListState) -> str:
    after = state.after
    payload = {
        "p": state.prefix,
        "s": state.record_filter.set_spec,
        "f": _iso(state.record_filter.start),
        "u": _iso(state.record_filter.end),
        "b": _iso(state.bound),
        "d": _iso(after.datestamp) if after else None,
        "i": after.pk if after else None,
        "c": state.cursor,
        "n": state.total,
    }
    return signing.dumps(payload, salt=SIGNING_SCOPE, compress=True)


def decode_token(token: str) -> ListState:
    """The list state of a token this repository issued and that has not expired, else badResumptionToken."""
    try:
        payload = signing.loads(token, salt=SIGNING_SCOPE, max_age=settings.OAI_RESUMPTION_TOKEN_MAX_AGE)
        after_datestamp = _from_iso(payload["d"])
        bound = _from_iso(payload["b"])
        if bound is None or payload["p"] not in FORMATS:
            raise ValueError("incomplete token")
        return ListState(
            prefix=str(payload["p"]),
            record_filter=selectors.RecordFilter(
                set_spec=payload["s"], start=_from_iso(payload["f"]), end=_from_iso(payload["u"])
            ),
            bound=bound,
            after=selectors.Position(after_datestamp, int(payload["i"])) if after_datestamp else None,
            cursor=int(payload["c"]),
            total=int(payload["n"]),
        )
    except signing.SignatureExpired:
        raise OaiError("badResumptionToken", "The resumption token has expired.") from None
    except (signing.BadSignature, KeyError, TypeError, ValueError):
        raise OaiError("badResumptionToken", "The resumption token is not valid.") from None


# Responses ----------------------------------------------------------------------------------------------

# A body writes elements into the open verb element and yields after each one, so the response can be sent
# in pieces.
Body = Callable[[Any], Iterator[None]]


@dataclass
class OaiResponse:
    verb: str | None
    arguments: dict[str, str]
    body: Body | None = None
    errors: list[OaiError] = field(default_factory=list)


@dataclass(frozen=True)
class Context:
    base_url: str  # the absolute URL of /oai
    site_url: str  # scheme and host, to make landing pages absolute


def _element(tag: str, text: str | None = None, **attributes: str) -> etree._Element:
    # Each element written on its own declares the OAI namespace as default, so it needs no prefix.
    element = etree.Element(_q(tag), attrib=attributes or None, nsmap={None: NAMESPACE})  # type: ignore[dict-item]
    if text is not None:
        element.text = text
    return element


def _sub(parent: etree._Element, tag: str, text: str | None = None) -> etree._Element:
    element = etree.SubElement(parent, _q(tag))
    if text is not None:
        element.text = text
    return element


HEADER, IDENTIFIER, DATESTAMP, SET_SPEC, RECORD, METADATA = map(
    _q, ("header", "identifier", "datestamp", "setSpec", "record", "metadata")
)
_ROOT_NSMAP = {None: NAMESPACE}
_DELETED = {"status": "deleted"}


def _header(record: selectors.Record, parent: etree._Element | None = None) -> etree._Element:
    attributes = _DELETED if record.deleted else None
    if parent is None:
        header = etree.Element(HEADER, attributes, nsmap=_ROOT_NSMAP)  # type: ignore[arg-type]
    else:
        header = etree.SubElement(parent, HEADER, attributes)
    etree.SubElement(header, IDENTIFIER).text = oai_identifier(record.pk)
    etree.SubElement(header, DATESTAMP).text = format_datestamp(record.datestamp)
    for spec in record.sets:
        etree.SubElement(header, SET_SPEC).text = spec
    return header


def _record(record: selectors.Record, metadata_format: MetadataFormat, context: Context) -> etree._Element:
    element = etree.Element(RECORD, nsmap=_ROOT_NSMAP)  # type: ignore[arg-type]
    _header(record, element)
    if record.metadata is not None:
        etree.SubElement(element, METADATA).append(
            metadata_format.build(
                record.metadata,
                oai_identifier=oai_identifier(record.pk),
                landing_url=f"{context.site_url}{record.metadata.landing_path}",
            )
        )
    return element


def _identify(arguments: dict[str, str], context: Context) -> Body:
    earliest = selectors.earliest_datestamp()

    def body(xf: Any) -> Iterator[None]:
        for tag, text in (
            ("repositoryName", settings.OAI_REPOSITORY_NAME),
            ("baseURL", context.base_url),
            ("protocolVersion", "2.0"),
            ("adminEmail", settings.OAI_ADMIN_EMAIL),
            ("earliestDatestamp", format_datestamp(earliest)),
            ("deletedRecord", "persistent"),
            ("granularity", SECONDS_GRANULARITY),
        ):
            xf.write(_element(tag, text))
        description = _element("description")
        identifier = etree.SubElement(
            description,
            f"{{{IDENTIFIER_NAMESPACE}}}oai-identifier",
            nsmap={None: IDENTIFIER_NAMESPACE, "xsi": XSI_URI},  # type: ignore[dict-item]
        )
        identifier.set(XSI_SCHEMA_LOCATION, f"{IDENTIFIER_NAMESPACE} {IDENTIFIER_SCHEMA}")
        for tag, text in (
            ("scheme", "oai"),
            ("repositoryIdentifier", settings.OAI_REPOSITORY_ID),
            ("delimiter", ":"),
            ("sampleIdentifier", oai_identifier(1)),
        ):
            etree.SubElement(identifier, f"{{{IDENTIFIER_NAMESPACE}}}{tag}").text = text
        xf.write(description)
        yield

    return body


def _list_metadata_formats(arguments: dict[str, str], context: Context) -> Body:
    if "identifier" in arguments:
        record = _record_for(arguments["identifier"])
        # A deleted record keeps only its header: it has no metadata left in any format.
        if record.deleted:
            raise OaiError("noMetadataFormats", "The record has been deleted; no metadata is available for it.")

    def body(xf: Any) -> Iterator[None]:
        for metadata_format in FORMATS.values():
            element = _element("metadataFormat")
            _sub(element, "metadataPrefix", metadata_format.prefix)
            _sub(element, "schema", metadata_format.schema)
            _sub(element, "metadataNamespace", metadata_format.namespace)
            xf.write(element)
        yield

    return body


def _list_sets(arguments: dict[str, str], context: Context) -> Body:
    if "resumptionToken" in arguments:
        # The list of sets always comes complete, so no token of it exists.
        raise OaiError("badResumptionToken", "The list of sets is not split: there is no resumption token for it.")
    sets = selectors.set_list()

    def body(xf: Any) -> Iterator[None]:
        for oai_set in sets:
            element = _element("set")
            _sub(element, "setSpec", oai_set.spec)
            _sub(element, "setName", oai_set.name)
            xf.write(element)
        yield

    return body


def _get_record(arguments: dict[str, str], context: Context) -> Body:
    metadata_format = _metadata_format(arguments["metadataPrefix"])
    record = _record_for(arguments["identifier"])

    def body(xf: Any) -> Iterator[None]:
        xf.write(_record(record, metadata_format, context))
        yield

    return body


def _first_list_state(arguments: dict[str, str]) -> ListState:
    prefix = arguments["metadataPrefix"]
    _metadata_format(prefix)
    start = _datestamp_argument(arguments, "from")
    end = _datestamp_argument(arguments, "until")
    if start and end:
        if start.granularity != end.granularity:
            raise OaiError("badArgument", "from and until have different granularities.")
        if start.start > end.start:
            raise OaiError("badArgument", "from is later than until.")
    record_filter = selectors.RecordFilter(
        set_spec=arguments.get("set"), start=start.start if start else None, end=end.end if end else None
    )
    bound = timezone.now()
    return ListState(
        prefix=prefix,
        record_filter=record_filter,
        bound=bound,
        total=selectors.record_count(record_filter=record_filter, bound=bound),
    )


def _datestamp_argument(arguments: dict[str, str], name: str) -> Datestamp | None:
    if name not in arguments:
        return None
    parsed = parse_datestamp(arguments[name])
    if parsed is None:
        raise OaiError("badArgument", f"{name} is not a date (YYYY-MM-DD) or UTC time (YYYY-MM-DDThh:mm:ssZ).")
    return parsed


def _list(arguments: dict[str, str], context: Context, *, with_metadata: bool) -> Body:
    if "resumptionToken" in arguments:
        state = decode_token(arguments["resumptionToken"])
    else:
        state = _first_list_state(arguments)
    metadata_format = FORMATS[state.prefix]
    records, more = selectors.record_page(
        record_filter=state.record_filter,
        bound=state.bound,
        after=state.after,
        size=settings.OAI_PAGE_SIZE,
        metadata=with_metadata,
    )
    if not records:
        raise OaiError("noRecordsMatch", "No records match the request.")
    token = None
    if more:
        last = records[-1]
        following = ListState(
            prefix=state.prefix,
            record_filter=state.record_filter,
            bound=state.bound,
            after=selectors.Position(last.datestamp, last.pk),
            cursor=state.cursor + len(records),
            total=state.total,
        )
        token = encode_token(following)
    split = more or state.after is not None

    def body(xf: Any) -> Iterator[None]:
        for record in records:
            if with_metadata:
                xf.write(_record(record, metadata_format, context))
            else:
                xf.write(_header(record))
            yield
        if split:
            attributes = {"completeListSize": str(state.total), "cursor": str(state.cursor)}
            if token:
                expires = timezone.now() + timedelta(seconds=settings.OAI_RESUMPTION_TOKEN_MAX_AGE)
                attributes["expirationDate"] = format_datestamp(expires)
            xf.write(_element("resumptionToken", token, **attributes))
            yield

    return body


def _list_identifiers(arguments: dict[str, str], context: Context) -> Body:
    return _list(arguments, context, with_metadata=False)


def _list_records(arguments: dict[str, str], context: Context) -> Body:
    return _list(arguments, context, with_metadata=True)


HANDLERS: dict[str, Callable[[dict[str, str], Context], Body]] = {
    "Identify": _identify,
    "ListMetadataFormats": _list_metadata_formats,
    "ListSets": _list_sets,
    "GetRecord": _get_record,
    "ListIdentifiers": _list_identifiers,
    "ListRecords": _list_records,
}


def respond(params: QueryDict, context: Context) -> OaiResponse:
    """Check a request and run its queries; the returned response only has to be written."""
    try:
        request = parse_request(params)
    except OaiError as error:
        return OaiResponse(verb=None, arguments={}, errors=[error])
    try:
        body = HANDLERS[request.verb](request.arguments, context)
    except OaiError as error:
        return OaiResponse(verb=request.verb, arguments=request.arguments, errors=[error])
    return OaiResponse(verb=request.verb, arguments=request.arguments, body=body)


class _Chunks:
    """A file-like sink for the incremental writer; ``take`` hands over what was written so far."""

    def __init__(self) -> None:
        self._parts: list[bytes] = []

    def write(self, data: bytes) -> None:
        self._parts.append(data)

    def take(self) -> bytes:
        data = b"".join(self._parts)
        self._parts.clear()
        return data


def write(response: OaiResponse, context: Context) -> Iterator[bytes]:
    """The XML of a response, in pieces of about one record."""
    sink = _Chunks()
    with etree.xmlfile(sink, encoding="utf-8") as xf:
        xf.write_declaration()
        root_attributes = {XSI_SCHEMA_LOCATION: f"{NAMESPACE} {SCHEMA}"}
        with xf.element(_q("OAI-PMH"), root_attributes, nsmap={None: NAMESPACE, "xsi": XSI_URI}):  # type: ignore[dict-item]
            xf.write(_element("responseDate", format_datestamp(timezone.now())))
            echo = response.verb is not None and all(error.echoes_arguments for error in response.errors)
            request_attributes: Mapping[str, str] = (
                {"verb": response.verb, **response.arguments} if echo and response.verb else {}
            )
            xf.write(_element("request", context.base_url, **request_attributes))
            for error in response.errors:
                xf.write(_element("error", error.message, code=error.code))
            if response.body is not None and response.verb is not None:
                with xf.element(_q(response.verb)):
                    for _ in response.body(xf):
                        xf.flush()
                        yield sink.take()
    yield sink.take()
