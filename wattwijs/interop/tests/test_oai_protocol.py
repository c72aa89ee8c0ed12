import re

import pytest
from django.core import signing
from django.test import Client
from lxml import etree

from wattwijs.interop import oai
from wattwijs.interop.tests.helpers import NS, OAI, archive, at, error_code, get, identifier, post, set_datestamp, texts
from wattwijs.library.models import ResourceVersion, Source
from wattwijs.library.tests.factories import material

pytestmark = pytest.mark.django_db

SCHEMA_LOCATION = "{http://www.w3.org/2001/XMLSchema-instance}schemaLocation"


# Envelope -------------------------------------------------------------------------------------------------


def test_the_root_is_oai_pmh_in_its_namespace_with_its_schema_location(client):
    root = get(client, verb="Identify")
    assert root.tag == f"{{{OAI}}}OAI-PMH"
    assert root.get(SCHEMA_LOCATION) == f"{OAI} http://www.openarchives.org/OAI/2.0/OAI-PMH.xsd"


def test_the_response_date_is_utc_at_seconds_granularity(client):
    root = get(client, verb="Identify")
    assert re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ", texts(root, "oai:responseDate")[0])


def test_the_request_element_echoes_the_verb_and_arguments_and_holds_the_base_url(client):
    version = material()
    root = get(client, verb="GetRecord", identifier=identifier(version), metadataPrefix="oai_dc")
    request = root.find("oai:request", NS)
    assert dict(request.attrib) == {"verb": "GetRecord", "identifier": identifier(version), "metadataPrefix": "oai_dc"}
    assert request.text == "http://testserver/oai"


def test_the_request_element_echoes_arguments_of_a_request_that_fails_on_its_values(client):
    root = get(client, verb="GetRecord", identifier="oai:wattwijs.nl:999999", metadataPrefix="lom")
    assert root.find("oai:request", NS).get("identifier") == "oai:wattwijs.nl:999999"


def test_a_put_is_not_allowed(client):
    assert client.put("/oai", "verb=Identify", content_type="application/x-www-form-urlencoded").status_code == 405


def test_a_post_is_answered_like_a_get_and_needs_no_csrf_token():
    version = material("Omvormer aansluiten")
    client = Client(enforce_csrf_checks=True)
    root = post(client, verb="GetRecord", identifier=identifier(version), metadataPrefix="oai_dc")
    assert texts(root, "//dc:title") == ["Omvormer aansluiten"]


def test_a_post_with_a_bad_argument_gets_the_error(client):
    assert error_code(post(client, verb="ListRecords")) == "badArgument"


# Identify -------------------------------------------------------------------------------------------------


def test_identify_describes_the_repository(client):
    root = get(client, verb="Identify")
    assert texts(root, "oai:Identify/oai:baseURL") == ["http://testserver/oai"]
    assert texts(root, "oai:Identify/oai:protocolVersion") == ["2.0"]
    assert texts(root, "oai:Identify/oai:deletedRecord") == ["persistent"]
    assert texts(root, "oai:Identify/oai:granularity") == ["YYYY-MM-DDThh:mm:ssZ"]
    assert texts(root, "oai:Identify/oai:repositoryName") == ["WattWijs leermiddelenbank"]


def test_identify_gives_the_oldest_datestamp_as_earliest(client):
    set_datestamp(material(), at(2025, 3, 1, 8, 0, 0))
    set_datestamp(material(), at(2024, 5, 6, 7, 8, 9))
    root = get(client, verb="Identify")
    assert texts(root, "oai:Identify/oai:earliestDatestamp") == ["2024-05-06T07:08:09Z"]


def test_identify_declares_the_identifier_scheme_from_the_setting(client, settings):
    settings.OAI_REPOSITORY_ID = "leermiddelen.example.org"
    root = get(client, verb="Identify")
    assert texts(root, "//id:oai-identifier/id:repositoryIdentifier") == ["leermiddelen.example.org"]
    assert texts(root, "//id:oai-identifier/id:sampleIdentifier") == ["oai:leermiddelen.example.org:1"]


def test_record_identifiers_use_the_repository_id_not_the_host(client, settings):
    settings.OAI_REPOSITORY_ID = "leermiddelen.example.org"
    version = material()
    response = client.get("/oai", {"verb": "ListIdentifiers", "metadataPrefix": "lom"}, HTTP_HOST="localhost")
    root = etree.fromstring(b"".join(response.streaming_content))
    assert texts(root, "//oai:header/oai:identifier") == [f"oai:leermiddelen.example.org:{version.resource_id}"]


# ListMetadataFormats --------------------------------------------------------------------------------------


def test_list_metadata_formats_gives_oai_dc_and_lom_with_schema_and_namespace(client):
    root = get(client, verb="ListMetadataFormats")
    formats = {
        element.findtext("oai:metadataPrefix", namespaces=NS): (
            element.findtext("oai:schema", namespaces=NS),
            element.findtext("oai:metadataNamespace", namespaces=NS),
        )
        for element in root.iterfind("oai:ListMetadataFormats/oai:metadataFormat", NS)
    }
    assert formats == {
        "oai_dc": ("http://www.openarchives.org/OAI/2.0/oai_dc.xsd", NS["oai_dc"]),
        "lom": ("http://www.imsglobal.org/xsd/imsmd_v1p2p4.xsd", NS["lom"]),
    }


def test_list_metadata_formats_for_a_published_record_gives_both_formats(client):
    root = get(client, verb="ListMetadataFormats", identifier=identifier(material()))
    assert texts(root, "//oai:metadataPrefix") == ["oai_dc", "lom"]


def test_list_metadata_formats_for_an_unknown_record_is_id_does_not_exist(client):
    root = get(client, verb="ListMetadataFormats", identifier="oai:wattwijs.nl:424242")
    assert error_code(root) == "idDoesNotExist"


def test_list_metadata_formats_for_a_deleted_record_is_no_metadata_formats(client):
    version = material()
    archive(version, at(2026, 1, 1))
    root = get(client, verb="ListMetadataFormats", identifier=identifier(version))
    assert error_code(root) == "noMetadataFormats"


# GetRecord ------------------------------------------------------------------------------------------------


def test_get_record_gives_the_header_and_metadata(client):
    version = material("Warmtepomp inregelen")
    set_datestamp(version, at(2026, 2, 3, 4, 5, 6, 789))
    root = get(client, verb="GetRecord", identifier=identifier(version), metadataPrefix="lom")
    assert texts(root, "//oai:header/oai:identifier") == [identifier(version)]
    assert texts(root, "//oai:header/oai:datestamp") == ["2026-02-03T04:05:06Z"]
    assert texts(root, "//oai:metadata/lom:lom/lom:general/lom:title/lom:langstring") == ["Warmtepomp inregelen"]


@pytest.mark.parametrize(
    "value",
    ["oai:wattwijs.nl:999999", "oai:elders.example:1", "wattwijs:1", "oai:wattwijs.nl:abc", "oai:wattwijs.nl:01"],
)
def test_get_record_of_an_unknown_or_illegal_identifier_is_id_does_not_exist(client, value):
    material()
    assert error_code(get(client, verb="GetRecord", identifier=value, metadataPrefix="lom")) == "idDoesNotExist"


def test_a_material_that_was_never_published_is_not_a_record(client):
    version = material(status=ResourceVersion.Status.DRAFT)
    root = get(client, verb="GetRecord", identifier=identifier(version), metadataPrefix="lom")
    assert error_code(root) == "idDoesNotExist"


def test_a_harvested_material_is_not_a_record_of_this_repository(client):
    version = material(source=Source.HARVESTED)
    root = get(client, verb="GetRecord", identifier=identifier(version), metadataPrefix="lom")
    assert error_code(root) == "idDoesNotExist"


def test_get_record_in_an_unknown_format_is_cannot_disseminate_format(client):
    root = get(client, verb="GetRecord", identifier=identifier(material()), metadataPrefix="marc21")
    assert error_code(root) == "cannotDisseminateFormat"


# badVerb and badArgument ----------------------------------------------------------------------------------


@pytest.mark.parametrize("params", [{}, {"verb": "ListEverything"}, {"verb": ["Identify", "Identify"]}, {"verb": ""}])
def test_a_missing_unknown_or_repeated_verb_is_bad_verb(client, params):
    assert error_code(get(client, **params)) == "badVerb"


def test_a_bad_verb_echoes_only_the_base_url(client):
    request = get(client, verb="ListEverything", metadataPrefix="lom").find("oai:request", NS)
    assert dict(request.attrib) == {}
    assert request.text == "http://testserver/oai"


@pytest.mark.parametrize(
    "params",
    [
        {"verb": "Identify", "identifier": "oai:wattwijs.nl:1"},
        {"verb": "ListRecords", "metadataPrefix": "lom", "colour": "blue"},
        {"verb": "ListRecords", "metadataPrefix": ["lom", "lom"]},
        {"verb": "ListRecords"},
        {"verb": "ListIdentifiers", "from": "2026-01-01"},
        {"verb": "GetRecord", "metadataPrefix": "lom"},
        {"verb": "GetRecord", "identifier": "oai:wattwijs.nl:1"},
        {"verb": "ListRecords", "metadataPrefix": "lom", "resumptionToken": "abc"},
        {"verb": "ListRecords", "metadataPrefix": ""},
        {"verb": "ListRecords", "metadataPrefix": "lom", "from": "1-1-2026"},
        {"verb": "ListRecords", "metadataPrefix": "lom", "until": "2026-01-01T10:00Z"},
        {"verb": "ListRecords", "metadataPrefix": "lom", "until": "2026-02-30"},
        {"verb": "ListRecords", "metadataPrefix": "lom", "from": "2026-01-01", "until": "2026-02-01T00:00:00Z"},
        {"verb": "ListRecords", "metadataPrefix": "lom", "from": "2026-02-01", "until": "2026-01-01"},
    ],
    ids=[
        "identify-with-argument",
        "unknown-argument",
        "repeated-argument",
        "missing-prefix",
        "list-identifiers-without-prefix",
        "get-record-without-identifier",
        "get-record-without-prefix",
        "token-with-other-argument",
        "empty-value",
        "bad-from",
        "until-without-seconds",
        "impossible-date",
        "mixed-granularities",
        "from-after-until",
    ],
)
def test_illegal_arguments_are_bad_argument_and_echo_only_the_base_url(client, params):
    material()
    root = get(client, **params)
    assert error_code(root) == "badArgument"
    assert dict(root.find("oai:request", NS).attrib) == {}


# badResumptionToken ---------------------------------------------------------------------------------------


def test_a_garbled_resumption_token_is_bad_resumption_token(client):
    assert error_code(get(client, verb="ListRecords", resumptionToken="not-a-token")) == "badResumptionToken"


def test_a_tampered_resumption_token_is_bad_resumption_token(client, settings):
    settings.OAI_PAGE_SIZE = 1
    material()
    material()
    token = texts(get(client, verb="ListIdentifiers", metadataPrefix="lom"), "//oai:resumptionToken")[0]
    tampered = token[:-2] + ("AA" if not token.endswith("AA") else "BB")
    assert error_code(get(client, verb="ListIdentifiers", resumptionToken=tampered)) == "badResumptionToken"


def test_an_expired_resumption_token_is_bad_resumption_token(client, settings, monkeypatch):
    settings.OAI_RESUMPTION_TOKEN_MAX_AGE = 3600
    settings.OAI_PAGE_SIZE = 1
    material()
    material()
    issued = signing.time.time() - 3601
    monkeypatch.setattr(signing.time, "time", lambda: issued)
    token = texts(get(client, verb="ListIdentifiers", metadataPrefix="lom"), "//oai:resumptionToken")[0]
    monkeypatch.undo()
    assert error_code(get(client, verb="ListIdentifiers", resumptionToken=token)) == "badResumptionToken"


def test_a_resumption_token_signed_for_something_else_is_bad_resumption_token(client):
    token = signing.dumps({"p": "lom"}, salt="elsewhere")
    assert error_code(get(client, verb="ListRecords", resumptionToken=token)) == "badResumptionToken"


def test_a_resumption_token_for_list_sets_is_bad_resumption_token(client):
    assert error_code(get(client, verb="ListSets", resumptionToken="anything")) == "badResumptionToken"


def test_a_token_round_trips_its_state():
    state = oai.ListState(
        prefix="lom",
        record_filter=oai.selectors.RecordFilter(set_spec="theme:zon-pv", start=at(2026, 1, 1), end=None),
        bound=at(2026, 3, 1, 12, 0, 0, 5),
        after=oai.selectors.Position(at(2026, 2, 1, 1, 2, 3, 4), 17),
        cursor=100,
        total=250,
    )
    assert oai.decode_token(oai.encode_token(state)) == state


# cannotDisseminateFormat and noRecordsMatch ---------------------------------------------------------------


def test_list_records_in_an_unknown_format_is_cannot_disseminate_format(client):
    material()
    assert error_code(get(client, verb="ListRecords", metadataPrefix="mods")) == "cannotDisseminateFormat"


def test_list_records_of_an_empty_repository_is_no_records_match(client):
    assert error_code(get(client, verb="ListRecords", metadataPrefix="lom")) == "noRecordsMatch"


def test_list_identifiers_of_an_unknown_set_is_no_records_match(client):
    material()
    assert error_code(get(client, verb="ListIdentifiers", metadataPrefix="lom", set="theme:bestaat-niet")) == (
        "noRecordsMatch"
    )
