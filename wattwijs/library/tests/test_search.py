"""The search on the database engine the suite runs on; the same expectations hold on SQLite and PostgreSQL."""

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from wattwijs.core.tests.factories import OrganisationFactory, UserFactory, theme
from wattwijs.library.models import Review
from wattwijs.library.search import index
from wattwijs.library.search.engine import SearchParams, search
from wattwijs.library.tests.factories import MBO2, MBO3, material

pytestmark = pytest.mark.django_db


def _titles(q="", **filters):
    outcome = search(SearchParams(q=q, filters={k: tuple(v) for k, v in filters.items()}))
    return sorted(doc.title for doc in outcome.documents)


def test_a_plural_finds_the_singular():
    material("Warmtepomp in bedrijf stellen", "Stappenplan voor de monteur.")
    assert _titles("warmtepompen") == ["Warmtepomp in bedrijf stellen"]


def test_accents_do_not_matter():
    material("De coëfficiënt van een warmtepomp", "Rekenen met de COP.")
    assert _titles("coefficient") == ["De coëfficiënt van een warmtepomp"]


@pytest.mark.parametrize("query", ["zon-PV", "zonPV", "zon pv"])
def test_compound_spellings_find_each_other(query):
    material("Zon-PV schouwen", "Een dak beoordelen.")
    material("ZonPV onderhoud", "Panelen reinigen.")
    material("Veilig werken met zon pv", "Werken op hoogte.")
    assert _titles(query) == ["Veilig werken met zon pv", "Zon-PV schouwen", "ZonPV onderhoud"]


def test_a_quoted_phrase_needs_the_words_in_that_order():
    material("Hybride warmtepomp plaatsen", "Werkplaatsopdracht.")
    material("Warmtepomp, hybride of volledig elektrisch", "Vergelijken.")
    assert _titles('"hybride warmtepomp"') == ["Hybride warmtepomp plaatsen"]


def test_the_last_word_is_a_prefix_while_typing():
    material("Laadpaal installeren", "Aansluiten op de meterkast.")
    outcome = search(SearchParams(q="laadp", prefix_last=True))
    assert [doc.title for doc in outcome.documents] == ["Laadpaal installeren"]


def test_a_title_hit_ranks_above_a_description_hit():
    material("Isolatie van spouwmuren", "Over de omvormer gaat het hier niet.")
    material("Omvormer vervangen", "Stap voor stap.")
    outcome = search(SearchParams(q="omvormer"))
    assert [doc.title for doc in outcome.documents][0] == "Omvormer vervangen"


def test_only_published_materials_are_found():
    material("Omvormer concept", status="concept")
    material("Omvormer gepubliceerd")
    assert _titles("omvormer") == ["Omvormer gepubliceerd"]


def test_words_that_are_only_stop_words_find_nothing():
    material("De warmtepomp")
    assert _titles("de het een") == []


def test_facet_counts_apply_the_other_filters_but_not_their_own():
    material("Omvormer A", levels=[MBO2], licence="cc-by-40")
    material("Omvormer B", levels=[MBO3], licence="cc-by-sa-40")
    material("Omvormer C", levels=[MBO3], licence="cc-by-40")
    outcome = search(SearchParams(q="omvormer", filters={"level": (MBO3,)}))
    counts = {group: {f.value: f.count for f in facets} for group, facets in outcome.facets.items()}
    assert (counts["level"], counts["licence"], outcome.total) == (
        {MBO2: 1, MBO3: 2},
        {"cc-by-40": 1, "cc-by-sa-40": 1},
        2,
    )


def test_values_of_one_facet_combine_with_or_and_facets_with_and():
    material("Omvormer A", levels=[MBO2], licence="cc-by-40")
    material("Omvormer B", levels=[MBO3], licence="cc-by-sa-40")
    material("Omvormer C", levels=[MBO3], licence="cc-by-40")
    assert _titles(level=[MBO2, MBO3], licence=["cc-by-40"]) == ["Omvormer A", "Omvormer C"]


def test_a_parent_theme_finds_materials_of_its_sub_themes():
    material("Panelen leggen", themes=[theme("zon-pv")])
    assert _titles(theme=["gebouwde-omgeving"]) == ["Panelen leggen"]


def test_the_publisher_and_region_facets_come_from_the_publishing_organisation():
    publisher = OrganisationFactory(name="ROC Zonnestraal", slug="roc-zonnestraal")
    material("Panelen leggen", publisher=publisher)
    outcome = search(SearchParams())
    publishers = {f.value: f.count for f in outcome.facets["publisher"]}
    regions = {f.value: f.count for f in outcome.facets["region"]}
    assert (publishers, regions) == ({"roc-zonnestraal": 1}, {publisher.region.code: 1})


def test_an_unknown_filter_value_matches_nothing():
    material("Panelen leggen")
    assert _titles(licence=["bestaat-niet"]) == []


def test_republishing_replaces_the_document():
    version = material("Oude titel")
    version.title = "Nieuwe titel over omvormers"
    version.save()
    index.index_resources([version.resource_id])
    assert (_titles("oude"), _titles("omvormers")) == ([], ["Nieuwe titel over omvormers"])


NASTY = [
    '"',
    '"warmte',
    "NEAR(",
    "NEAR(a b",
    "*",
    "-",
    "- -",
    "AND",
    "OR NOT",
    "a AND OR b",
    "title:omvormer",
    "{title body}: x",
    "^omvormer",
    "\x00\x01\x02",
    "'; DROP TABLE library_searchdocument; --",
    "omvormer" * 500,
    "(((",
    ")",
    "a:*",
    "'a' <-> 'b'",
    "!!",
    "😀 zon",
]


@pytest.mark.parametrize("q", NASTY)
def test_any_search_input_gives_an_answer(q):
    material("Omvormer vervangen")
    outcome = search(SearchParams(q=q, prefix_last=True))
    assert outcome.total == len(list(outcome.documents))


SYNTAX = st.sampled_from(['"', "*", "-", "(", ")", "AND", "NEAR(", "zon", ":", "^", " "])


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(q=st.text(max_size=120) | st.lists(SYNTAX).map("".join))
def test_random_search_input_never_fails(q, django_db_blocker):
    outcome = search(SearchParams(q=q))
    assert outcome.total >= 0


def test_a_phrase_does_not_run_from_the_title_into_the_description():
    material("Installatie van de warmtepomp", "Hybride systemen komen later aan bod.")
    assert _titles('"warmtepomp hybride"') == []


def test_when_no_material_has_all_words_one_of_them_is_enough():
    material("Hoogvoltvoertuig spanningsvrij maken", "Veiligheidsinstructie.")
    outcome = search(SearchParams(q="elektrische auto spanningsvrij"))
    assert ([doc.title for doc in outcome.documents], outcome.relaxed) == (
        ["Hoogvoltvoertuig spanningsvrij maken"],
        True,
    )


def test_materials_with_all_words_do_not_need_the_fallback():
    material("Laadpaal spanningsvrij maken")
    assert search(SearchParams(q="laadpaal spanningsvrij")).relaxed is False


def _ranked_titles(**params):
    return [doc.title for doc in search(SearchParams(**params)).documents]


def _five_omvormer_materials():
    # Fewer mentions of the word rank lower; the last one only has it in the description.
    material("Omvormer omvormer omvormer", "Omvormer en nog eens omvormer.", levels=[MBO3])
    material("Omvormer omvormer", "Omvormer.", levels=[MBO2])
    material("Omvormer meten", "Omvormer.", levels=[MBO3])
    material("Omvormer", "Iets anders.", levels=[MBO2])
    material("Zonnepanelen", "Een omvormer hoort erbij.", levels=[MBO3])


def test_later_pages_by_relevance_continue_the_first(settings):
    _five_omvormer_materials()
    settings.PAGE_SIZE = 2
    documents = search(SearchParams(q="omvormer")).documents
    pages = [doc.title for start in (0, 2, 4) for doc in documents[start : start + 2]]
    assert pages == [doc.title for doc in documents[0:5]]


def test_a_filter_keeps_the_relevance_order():
    _five_omvormer_materials()
    everything = _ranked_titles(q="omvormer")
    at_mbo3 = _ranked_titles(q="omvormer", filters={"level": (MBO3,)})
    assert at_mbo3 == [
        title for title in everything if title in {"Omvormer omvormer omvormer", "Omvormer meten", "Zonnepanelen"}
    ]


def test_newest_first_is_the_order_without_words():
    for title in ("Eerste", "Tweede", "Derde"):
        material(title)
    assert _ranked_titles() == ["Derde", "Tweede", "Eerste"]


def test_results_can_be_sorted_by_title():
    for title in ("Warmtenet", "Accu", "Laadpaal"):
        material(title)
    assert _ranked_titles(sort="title") == ["Accu", "Laadpaal", "Warmtenet"]


def test_results_can_be_sorted_by_rating_with_unrated_materials_last():
    unrated = material("Zonder oordeel")
    good, fair = material("Goed"), material("Redelijk")
    for version, rating in ((good, 5), (fair, 3)):
        Review.objects.create(version=version, author=UserFactory(), rating=rating, status=Review.Status.APPROVED)
    index.index_resources([unrated.resource_id, good.resource_id, fair.resource_id])
    assert _ranked_titles(sort="rating") == ["Goed", "Redelijk", "Zonder oordeel"]


def test_an_empty_index_finds_nothing_and_counts_nothing():
    outcome = search(SearchParams(q="omvormer", filters={"level": (MBO3,)}))
    assert (outcome.total, list(outcome.documents), any(outcome.facets.values())) == (0, [], False)
