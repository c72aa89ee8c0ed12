"""Malformed, oversized, repeated and unknown OAI-PMH arguments get the protocol's error, never a server error."""

from urllib.parse import quote

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from lxml import etree

from wattwijs.interop.tests.helpers import NS, OAI, error_code, get, post
from wattwijs.library.tests.factories import material

pytestmark = pytest.mark.django_db

ERROR_CODES = {
    "badArgument",
    "badResumptionToken",
    "badVerb",
    "cannotDisseminateFormat",
    "idDoesNotExist",
    "noMetadataFormats",
    "noRecordsMatch",
    "noSetHierarchy",
}
VERBS = ["Identify", "ListMetadataFormats", "ListSets", "GetRecord", "ListIdentifiers", "ListRecords"]
ARGUMENTS = ["verb", "metadataPrefix", "identifier", "from", "until", "set", "resumptionToken"]
HUGE = "x" * 100_000


@pytest.fixture(autouse=True)
def records():
    material()
    material()


def _answer(response):
    """The parsed OAI-PMH answer of a response that must be a complete, well-formed one."""
    assert response.status_code == 200
    root = etree.fromstring(b"".join(response.streaming_content))
    assert root.tag == f"{{{OAI}}}OAI-PMH"
    return root


def _is_an_oai_answer(root):
    codes = {error.get("code") for error in root.findall("oai:error", NS)}
    verbs = [child for child in root if etree.QName(child).localname in VERBS]
    return (codes <= ERROR_CODES and bool(codes)) != bool(verbs)


# Some values from the protocol's vocabulary, so that random requests also come near valid ones.
_values = st.one_of(
    st.sampled_from(VERBS + ["lom", "oai_dc", "theme", "theme:zon-pv", "oai:wattwijs.nl:1", "2026-01-01"]),
    st.sampled_from(["2026-01-01T00:00:00Z", "9999-12-31", "0001-01-01", "2026-02-30", "-1", "1e9", "\x00"]),
    st.text(max_size=40),
)
_pairs = st.lists(st.tuples(st.one_of(st.sampled_from(ARGUMENTS), st.text(max_size=12)), _values), max_size=6)


def _query(pairs):
    return "&".join(f"{quote(name, safe='')}={quote(value, safe='')}" for name, value in pairs)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(pairs=_pairs)
def test_any_get_request_gets_a_verb_or_oai_errors(client, pairs):
    assert _is_an_oai_answer(_answer(client.get(f"/oai?{_query(pairs)}")))


@settings(max_examples=50, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(pairs=_pairs)
def test_any_post_request_gets_a_verb_or_oai_errors(client, pairs):
    response = client.post("/oai", _query(pairs), content_type="application/x-www-form-urlencoded")
    assert _is_an_oai_answer(_answer(response))


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(raw=st.text(alphabet=st.sampled_from("verb=ListRecords&metadataPrefix=lom%;+?#/\x00\u00e9"), max_size=60))
def test_any_raw_query_string_gets_a_verb_or_oai_errors(client, raw):
    assert _is_an_oai_answer(_answer(client.get("/oai", QUERY_STRING=raw)))


@pytest.mark.parametrize(
    ("params", "code"),
    [
        ({"verb": "GetRecord", "metadataPrefix": "lom", "identifier": f"oai:wattwijs.nl:{'9' * 40}"}, "idDoesNotExist"),
        ({"verb": "GetRecord", "metadataPrefix": "lom", "identifier": HUGE}, "idDoesNotExist"),
        ({"verb": "ListRecords", "metadataPrefix": HUGE}, "cannotDisseminateFormat"),
        ({"verb": "ListRecords", "resumptionToken": HUGE}, "badResumptionToken"),
        ({"verb": "ListRecords", "metadataPrefix": "lom", "set": HUGE}, "noRecordsMatch"),
        ({"verb": "ListRecords", "metadataPrefix": "lom", "from": HUGE}, "badArgument"),
        ({"verb": HUGE}, "badVerb"),
        ({"verb": "ListRecords", "metadataPrefix": "lom", HUGE: "1"}, "badArgument"),
    ],
    ids=[
        "long-number",
        "huge-identifier",
        "huge-prefix",
        "huge-token",
        "huge-set",
        "huge-date",
        "huge-verb",
        "huge-name",
    ],
)
def test_an_oversized_argument_gets_the_error_of_its_kind(client, params, code):
    assert error_code(get(client, **params)) == code


@pytest.mark.parametrize(
    "value",
    [
        "2026-13-01",
        "2026-00-10",
        "0000-01-01",
        "2026-1-1",
        "2026-01-01T24:00:00Z",
        "2026-01-01T10:00:00+01:00",
        "٢٠٢٦-01-01",
    ],
)
def test_a_bad_date_is_bad_argument(client, value):
    assert error_code(get(client, verb="ListIdentifiers", metadataPrefix="lom", **{"from": value})) == "badArgument"


def test_until_the_last_day_there_is_gives_every_record(client):
    root = get(client, verb="ListIdentifiers", metadataPrefix="lom", until="9999-12-31")
    assert len(root.findall(".//oai:header", NS)) == 2


def test_from_the_first_day_there_is_gives_every_record(client):
    root = get(client, verb="ListIdentifiers", metadataPrefix="lom", **{"from": "0001-01-01"})
    assert len(root.findall(".//oai:header", NS)) == 2


@pytest.mark.parametrize("value", ["zon\x00pv", "zon\x01pv", "zon\ufffepv"])
def test_a_value_that_xml_cannot_hold_is_bad_argument(client, value):
    assert error_code(get(client, verb="ListRecords", metadataPrefix="lom", set=value)) == "badArgument"


def test_a_repeated_argument_in_a_post_is_bad_argument(client):
    assert error_code(post(client, verb="ListRecords", metadataPrefix=["lom", "oai_dc"])) == "badArgument"


def test_an_unknown_argument_in_a_post_is_bad_argument(client):
    assert error_code(post(client, verb="Identify", colour="blue")) == "badArgument"
