"""Bad records in a harvested page: each gives an error in words for that record, and the others still count."""

from __future__ import annotations

import pytest
from django.utils import translation

from wattwijs.interop.records import MAX_RECORD_BYTES, read_page
from wattwijs.interop.tests.feed import LOM, deleted_record, lom_record, page


@pytest.fixture(autouse=True)
def english():
    """The messages are checked by their English msgids (the harvest stores them in Dutch)."""
    with translation.override("en"):
        yield


def _errors(*records: str, prefix: str = "lom") -> dict[str, str]:
    result = read_page(page([lom_record(100), *records, lom_record(101)]), prefix)
    good = [record.identifier for record in result.records if record.material is not None]
    assert good == ["oai:voorbeeld.nl:100", "oai:voorbeeld.nl:101"]
    return {record.identifier: record.error for record in result.records if record.error}


def test_a_record_without_a_title_is_refused():
    assert _errors(lom_record(1, title="")) == {"oai:voorbeeld.nl:1": "The title is missing."}


def test_a_record_with_an_impossible_datestamp_is_refused():
    assert _errors(lom_record(1, datestamp="2026-02-30")) == {
        "oai:voorbeeld.nl:1": "The datestamp is not a valid date."
    }


def test_a_record_with_a_bad_contribution_date_is_refused():
    errors = _errors(lom_record(1, contribute_date="gisteren"))
    assert errors == {"oai:voorbeeld.nl:1": "The date gisteren of a contribution is not a valid date."}


def test_a_record_with_an_unknown_licence_is_refused():
    errors = _errors(lom_record(1, licence="mag-alles"))
    assert errors == {"oai:voorbeeld.nl:1": "The licence mag-alles is not in the NL-LOM vocabulary."}


def test_a_licence_given_as_its_creative_commons_address_is_understood():
    record = read_page(page([lom_record(1, licence="http://creativecommons.org/licenses/by/4.0/")]), "lom").records[0]
    assert record.material is not None
    assert record.material.licence == "cc-by-40"


def test_a_record_in_another_namespace_is_refused():
    wrong = lom_record(1).replace(LOM, "http://ltsc.ieee.org/xsd/LOM")
    errors = _errors(wrong)
    assert errors["oai:voorbeeld.nl:1"].startswith("The metadata is not in the expected format")


def test_a_lom_record_asked_as_dublin_core_is_refused():
    result = read_page(page([lom_record(1)]), "oai_dc")
    assert result.records[0].error.startswith("The metadata is not in the expected format")


def test_an_oversized_record_is_refused():
    big = lom_record(1).replace(
        "</general>", "<keyword><langstring>" + "x" * MAX_RECORD_BYTES + "</langstring></keyword></general>"
    )
    assert _errors(big) == {"oai:voorbeeld.nl:1": "The metadata is larger than 256 kB."}


def test_a_record_whose_location_is_no_web_address_is_refused():
    errors = _errors(lom_record(1).replace("<location>https://voorbeeld.nl/m/1", "<location>javascript:alert(1)"))
    assert errors == {
        "oai:voorbeeld.nl:1": "The location is not a web address (http or https) of at most 500 characters."
    }


def test_a_malformed_record_costs_only_that_record():
    broken = lom_record(1).replace("</title>", "")
    assert _errors(broken) == {"oai:voorbeeld.nl:1": "The record is not well-formed XML."}


def test_the_resumption_token_of_a_page_with_a_malformed_record_is_still_followed():
    data = page([lom_record(1).replace("</title>", ""), lom_record(2)], "volgende&2")
    assert read_page(data, "lom").resumption_token == "volgende&2"


def test_entities_are_not_expanded():
    data = page([lom_record(1, title="&xxe;")]).replace(
        b"<OAI-PMH", b'<!DOCTYPE OAI-PMH [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>\n<OAI-PMH', 1
    )
    record = read_page(data, "lom").records[0]
    assert record.material is None or "root" not in record.material.title


def test_a_deleted_record_needs_no_metadata():
    record = read_page(page([deleted_record("oai:voorbeeld.nl:9")]), "lom").records[0]
    assert (record.identifier, record.deleted, record.error) == ("oai:voorbeeld.nl:9", True, "")


@pytest.mark.parametrize("identifier", ["", " "])
def test_a_record_without_an_identifier_is_refused(identifier):
    result = read_page(page([lom_record(1).replace("oai:voorbeeld.nl:1", identifier)]), "lom")
    assert result.records[0].error == "The record has no identifier."


def test_dublin_core_records_are_read():
    dc = (
        "<record><header><identifier>oai:dc:1</identifier><datestamp>2026-03-01</datestamp></header><metadata>"
        '<oai_dc:dc xmlns:oai_dc="http://www.openarchives.org/OAI/2.0/oai_dc/" xmlns:dc="http://purl.org/dc/elements/1.1/">'
        "<dc:title>Warmtepomp</dc:title><dc:description>Uitleg</dc:description><dc:subject>warmte</dc:subject>"
        "<dc:identifier>https://voorbeeld.nl/dc/1</dc:identifier><dc:language>nl-NL</dc:language>"
        "<dc:creator>Piet</dc:creator><dc:rights>Alle rechten voorbehouden</dc:rights></oai_dc:dc></metadata></record>"
    )
    material = read_page(page([dc]), "oai_dc").records[0].material
    assert material is not None
    assert (material.title, material.location, material.language, material.licence) == (
        "Warmtepomp",
        "https://voorbeeld.nl/dc/1",
        "nl",
        "yes",
    )
