import pytest

from wattwijs.core.tests.factories import OrganisationFactory, theme
from wattwijs.interop.tests.helpers import NS, archive, at, error_code, get, identifier, set_datestamp, texts
from wattwijs.library import services
from wattwijs.library.models import ResourceVersion
from wattwijs.library.tests.factories import material

pytestmark = pytest.mark.django_db


def _identifiers(root):
    return texts(root, "//oai:header/oai:identifier")


def _dated(*moments):
    versions = []
    for moment in moments:
        version = material()
        set_datestamp(version, moment)
        versions.append(version)
    return versions


def _harvest(client, verb="ListIdentifiers", **params):
    """Every identifier of a list, following resumption tokens; and the token elements seen."""
    root = get(client, verb=verb, **params)
    found, tokens = _identifiers(root), []
    token = root.find(f"oai:{verb}/oai:resumptionToken", NS)
    while token is not None:
        tokens.append(token)
        if not token.text:
            break
        root = get(client, verb=verb, resumptionToken=token.text)
        found += _identifiers(root)
        token = root.find(f"oai:{verb}/oai:resumptionToken", NS)
    return found, tokens


# ListSets and sets ----------------------------------------------------------------------------------------


def test_list_sets_gives_themes_and_publishers_of_materials(client):
    publisher = OrganisationFactory(slug="roc-zon", name="ROC Zon")
    material(publisher=publisher)
    root = get(client, verb="ListSets")
    sets = dict(zip(texts(root, "//oai:set/oai:setSpec"), texts(root, "//oai:set/oai:setName"), strict=True))
    assert sets["theme:zon-pv"] == "Zon-PV"
    assert sets["publisher:roc-zon"] == "ROC Zon"
    assert {"theme", "publisher"} <= set(sets)


def test_list_sets_leaves_out_organisations_without_materials(client):
    OrganisationFactory(slug="stille-school")
    assert "publisher:stille-school" not in texts(get(client, verb="ListSets"), "//oai:setSpec")


def test_a_header_names_the_theme_and_publisher_sets_of_its_record(client):
    material(publisher=OrganisationFactory(slug="roc-zon"), themes=[theme("zon-pv"), theme("warmtepompen")])
    root = get(client, verb="ListIdentifiers", metadataPrefix="oai_dc")
    assert sorted(texts(root, "//oai:header/oai:setSpec")) == [
        "publisher:roc-zon",
        "theme:warmtepompen",
        "theme:zon-pv",
    ]


def test_a_theme_set_selects_the_records_with_that_theme(client):
    tagged = material(themes=[theme("zon-pv")])
    material(themes=[theme("warmtepompen")])
    root = get(client, verb="ListIdentifiers", metadataPrefix="lom", set="theme:zon-pv")
    assert _identifiers(root) == [identifier(tagged)]


def test_the_theme_set_selects_every_record_with_a_theme_once(client):
    tagged = material(themes=[theme("zon-pv"), theme("warmtepompen")])
    material()
    root = get(client, verb="ListIdentifiers", metadataPrefix="lom", set="theme")
    assert _identifiers(root) == [identifier(tagged)]


def test_a_publisher_set_selects_the_records_of_that_organisation(client):
    own = material(publisher=OrganisationFactory(slug="roc-zon"))
    material()
    root = get(client, verb="ListIdentifiers", metadataPrefix="lom", set="publisher:roc-zon")
    assert _identifiers(root) == [identifier(own)]


# ListIdentifiers and ListRecords --------------------------------------------------------------------------


def test_list_identifiers_gives_headers_in_datestamp_order_without_metadata(client):
    late, early = _dated(at(2026, 2, 1), at(2026, 1, 1))
    root = get(client, verb="ListIdentifiers", metadataPrefix="lom")
    assert _identifiers(root) == [identifier(early), identifier(late)]
    assert root.find(".//oai:metadata", NS) is None


def test_list_records_gives_each_record_with_its_metadata(client):
    material("Laadpaal installeren")
    root = get(client, verb="ListRecords", metadataPrefix="oai_dc")
    assert texts(root, "oai:ListRecords/oai:record/oai:metadata/oai_dc:dc/dc:title") == ["Laadpaal installeren"]


def test_a_short_list_has_no_resumption_token(client):
    material()
    root = get(client, verb="ListRecords", metadataPrefix="lom")
    assert root.find(".//oai:resumptionToken", NS) is None


def test_list_records_is_streamed_in_pieces(client):
    for _ in range(3):
        material()
    response = client.get("/oai", {"verb": "ListRecords", "metadataPrefix": "lom"})
    assert response.streaming
    assert len([chunk for chunk in response.streaming_content if chunk]) >= 4


# from / until ---------------------------------------------------------------------------------------------


def test_from_includes_a_record_changed_at_that_second(client):
    before, on = _dated(at(2026, 1, 1, 9, 59, 59, 999999), at(2026, 1, 1, 10, 0, 0))
    root = get(client, verb="ListIdentifiers", metadataPrefix="lom", **{"from": "2026-01-01T10:00:00Z"})
    assert _identifiers(root) == [identifier(on)]


def test_until_includes_the_whole_second_it_names(client):
    within, after = _dated(at(2026, 1, 1, 10, 0, 0, 999999), at(2026, 1, 1, 10, 0, 1))
    root = get(client, verb="ListIdentifiers", metadataPrefix="lom", until="2026-01-01T10:00:00Z")
    assert _identifiers(root) == [identifier(within)]


def test_until_at_day_granularity_includes_the_whole_day(client):
    late_that_day, next_day = _dated(at(2026, 1, 1, 23, 59, 59), at(2026, 1, 2, 0, 0, 0))
    root = get(client, verb="ListIdentifiers", metadataPrefix="lom", until="2026-01-01")
    assert _identifiers(root) == [identifier(late_that_day)]


def test_from_at_day_granularity_starts_at_midnight_utc(client):
    day_before, that_day = _dated(at(2025, 12, 31, 23, 59, 59), at(2026, 1, 1, 0, 0, 0))
    root = get(client, verb="ListIdentifiers", metadataPrefix="lom", **{"from": "2026-01-01"})
    assert _identifiers(root) == [identifier(that_day)]


def test_from_and_until_on_the_same_second_select_that_second(client):
    _, on, _ = _dated(at(2026, 1, 1, 9, 59, 59), at(2026, 1, 1, 10, 0, 0, 5), at(2026, 1, 1, 10, 0, 1))
    params = {"from": "2026-01-01T10:00:00Z", "until": "2026-01-01T10:00:00Z"}
    assert _identifiers(get(client, verb="ListIdentifiers", metadataPrefix="lom", **params)) == [identifier(on)]


def test_until_before_every_record_is_no_records_match(client):
    _dated(at(2026, 1, 1))
    assert error_code(get(client, verb="ListRecords", metadataPrefix="lom", until="2025-12-31")) == "noRecordsMatch"


# Resumption -----------------------------------------------------------------------------------------------


def test_the_first_page_has_a_token_with_complete_list_size_cursor_and_expiry(client, settings):
    settings.OAI_PAGE_SIZE = 2
    _dated(*(at(2026, 1, day) for day in range(1, 6)))
    root = get(client, verb="ListRecords", metadataPrefix="lom")
    token = root.find("oai:ListRecords/oai:resumptionToken", NS)
    assert len(root.findall("oai:ListRecords/oai:record", NS)) == 2
    assert (token.get("completeListSize"), token.get("cursor")) == ("5", "0")
    assert token.text and token.get("expirationDate")


def test_a_harvest_through_pages_returns_every_record_once_in_order(client, settings):
    settings.OAI_PAGE_SIZE = 2
    versions = _dated(*(at(2026, 1, day) for day in range(1, 6)))
    found, _ = _harvest(client, metadataPrefix="lom")
    assert found == [identifier(version) for version in versions]


def test_pages_count_their_cursor_and_the_last_token_is_empty(client, settings):
    settings.OAI_PAGE_SIZE = 2
    _dated(*(at(2026, 1, day) for day in range(1, 6)))
    _, tokens = _harvest(client, metadataPrefix="lom")
    assert [(token.get("cursor"), bool(token.text)) for token in tokens] == [("0", True), ("2", True), ("4", False)]
    assert {token.get("completeListSize") for token in tokens} == {"5"}


def test_records_added_during_a_harvest_do_not_shift_its_pages(client, settings):
    settings.OAI_PAGE_SIZE = 2
    versions = _dated(*(at(2026, 1, day) for day in range(1, 6)))
    root = get(client, verb="ListRecords", metadataPrefix="lom")
    found = _identifiers(root)
    token = root.find("oai:ListRecords/oai:resumptionToken", NS).text
    material("Nieuw tijdens het oogsten")
    changed = versions[3]
    set_datestamp(changed, at(2099, 1, 1))  # changes after the harvest started fall outside it, too
    while token:
        root = get(client, verb="ListRecords", resumptionToken=token)
        found += _identifiers(root)
        token = root.find("oai:ListRecords/oai:resumptionToken", NS).text
    assert found == [identifier(version) for version in versions if version != changed]


def test_a_new_harvest_after_the_first_finds_the_added_record(client, settings):
    settings.OAI_PAGE_SIZE = 2
    _dated(*(at(2026, 1, day) for day in range(1, 4)))
    _harvest(client, metadataPrefix="lom")
    added = material("Nieuw")
    found, _ = _harvest(client, metadataPrefix="lom", **{"from": "2026-02-01"})
    assert found == [identifier(added)]


def test_a_token_keeps_the_set_and_format_of_the_first_request(client, settings):
    settings.OAI_PAGE_SIZE = 1
    tagged = [material(themes=[theme("zon-pv")]) for _ in range(2)]
    material()
    found, _ = _harvest(client, "ListRecords", metadataPrefix="oai_dc", set="theme:zon-pv")
    assert found == [identifier(version) for version in tagged]


# Deleted records ------------------------------------------------------------------------------------------


def test_an_archived_material_stays_as_a_deleted_record_without_metadata(client):
    version = material()
    archive(version, at(2026, 3, 4, 5, 6, 7))
    root = get(client, verb="GetRecord", identifier=identifier(version), metadataPrefix="lom")
    assert root.find("oai:GetRecord/oai:record/oai:header", NS).get("status") == "deleted"
    assert texts(root, "//oai:header/oai:datestamp") == ["2026-03-04T05:06:07Z"]
    assert root.find(".//oai:metadata", NS) is None


def test_archiving_through_the_library_makes_the_record_deleted_with_a_new_datestamp(client, world):
    version = material(publisher=world.roc)
    set_datestamp(version, at(2026, 1, 1))
    services.resource_archive(actor=world.admin, resource=version.resource)
    root = get(client, verb="ListIdentifiers", metadataPrefix="lom", **{"from": "2026-01-02"})
    assert _identifiers(root) == [identifier(version)]
    assert root.xpath("//oai:header/@status", namespaces=NS) == ["deleted"]


def test_deleted_records_are_listed_among_the_others(client):
    kept, gone = _dated(at(2026, 1, 1), at(2026, 1, 2))
    archive(gone, at(2026, 1, 3))
    root = get(client, verb="ListRecords", metadataPrefix="oai_dc")
    statuses = [header.get("status") for header in root.iterfind(".//oai:header", NS)]
    assert (_identifiers(root), statuses) == ([identifier(kept), identifier(gone)], [None, "deleted"])


def test_a_new_version_in_draft_keeps_the_published_record(client, world):
    version = material(publisher=world.roc)
    services.version_new_draft(actor=world.admin, resource=version.resource)
    root = get(client, verb="GetRecord", identifier=identifier(version), metadataPrefix="lom")
    assert root.find(".//oai:header", NS).get("status") is None
    assert ResourceVersion.objects.filter(resource=version.resource).count() == 2


# Query counts ---------------------------------------------------------------------------------------------


def _records_for(count):
    for _ in range(count):
        material(themes=[theme("zon-pv")], authors=["Ans", "Bert"], keywords=["omvormer"])


@pytest.mark.parametrize("count", [1, 8])
def test_list_records_makes_the_same_queries_for_any_page_length(client, django_assert_num_queries, count):
    _records_for(count)
    # count the list; the page with publishers; its themes, authors and files
    with django_assert_num_queries(5):
        root = get(client, verb="ListRecords", metadataPrefix="lom")
    assert len(root.findall(".//oai:record", NS)) == count


def test_a_resumed_page_does_not_count_the_list_again(client, settings, django_assert_num_queries):
    settings.OAI_PAGE_SIZE = 3
    _records_for(7)
    token = texts(get(client, verb="ListRecords", metadataPrefix="lom"), "//oai:resumptionToken")[0]
    with django_assert_num_queries(4):
        root = get(client, verb="ListRecords", resumptionToken=token)
    assert len(root.findall(".//oai:record", NS)) == 3


@pytest.mark.parametrize("count", [1, 8])
def test_list_identifiers_reads_only_what_headers_need(client, django_assert_num_queries, count):
    _records_for(count)
    # count the list; the page with publishers; its themes
    with django_assert_num_queries(3):
        get(client, verb="ListIdentifiers", metadataPrefix="oai_dc")
