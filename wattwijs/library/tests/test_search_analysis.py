"""Dutch text analysis of the learning-material search: folding, stems, stop words, compound variants."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from wattwijs.library.search.analysis import (
    MAX_TERM_LENGTH,
    analyze,
    fold,
    stem,
    stem_prefix,
    suggest,
    tokens,
    vocabulary_words,
    word_groups,
)

TERM = re.compile(r"[a-z0-9]+")


@pytest.mark.parametrize(
    ("plural", "singular"),
    [
        ("warmtepompen", "warmtepomp"),
        ("zonnepanelen", "zonnepaneel"),
        ("laadpalen", "laadpaal"),
        ("omvormers", "omvormer"),
    ],
)
def test_it_gives_singular_and_plural_the_same_stem(plural: str, singular: str) -> None:
    assert stem(plural) == stem(singular)


def test_it_undoubles_vowels_in_stems() -> None:
    assert stem("laadpaal") == "ladpal"


def test_it_keeps_numbers_as_they_are() -> None:
    assert analyze("Klimaatneutraal in 2050").terms == [stem("klimaatneutraal"), "2050"]


def test_it_folds_accents() -> None:
    assert fold("Coëfficiënt café") == "coefficient cafe"


def test_it_folds_letters_without_decomposition() -> None:
    assert fold("Straße ĳs Ærø") == "strasse ijs aero"


def test_it_gives_accented_and_plain_spelling_the_same_term() -> None:
    assert analyze("coëfficiënt").terms == analyze("coefficient").terms


def test_it_splits_words_on_punctuation() -> None:
    assert tokens("Zon-PV, CO₂-neutraal! (m²)") == ["zon", "pv", "co2", "neutraal", "m2"]


def test_it_keeps_hyphen_and_slash_compounds_together() -> None:
    assert word_groups("zon-PV en wind/water") == [("zon", "pv"), ("en",), ("wind", "water")]


def test_it_drops_stop_words_and_keeps_the_order() -> None:
    assert analyze("De pomp van het huis").terms == [stem("pomp"), stem("huis")]


def test_it_adds_the_joined_form_of_a_hyphenated_compound_as_variant() -> None:
    analyzed = analyze("zon-PV")

    assert analyzed.terms == ["zon", "pv"]
    assert analyzed.variants == ["zonpv"]


def test_it_adds_the_joined_form_of_a_long_hyphenated_compound() -> None:
    assert stem("energieinfrastructuur") in analyze("energie-infrastructuur").variants


def test_it_adds_the_joined_form_of_adjacent_words_as_variant() -> None:
    assert analyze("warmte pomp").variants == [stem("warmtepomp")]


def test_it_does_not_join_words_across_a_stop_word() -> None:
    assert analyze("warmte en pomp").variants == []


def test_it_does_not_join_long_adjacent_words() -> None:
    assert analyze("energiebesparing woningen").variants == []


def test_it_gives_the_index_strings_space_joined() -> None:
    analyzed = analyze("zon-PV dak")

    assert analyzed.terms_text == "zon pv dak"
    assert analyzed.variants_text == "zonpv pvdak"


@settings(max_examples=200, deadline=None)
@given(st.text())
def test_it_only_makes_terms_of_lowercase_letters_and_digits(text: str) -> None:
    analyzed = analyze(text)

    for term in analyzed.terms + analyzed.variants:
        assert TERM.fullmatch(term)
        assert len(term) <= MAX_TERM_LENGTH


def test_it_drops_overlong_words() -> None:
    assert analyze("x" * (MAX_TERM_LENGTH + 1) + " pomp").terms == ["pomp"]


def test_it_turns_a_typed_word_into_a_prefix_of_the_stems() -> None:
    assert stem("zonnepanelen").startswith(stem_prefix("zonnepaneel"))


def test_it_collects_surface_words_for_the_vocabulary() -> None:
    assert vocabulary_words("De warmtepompen en 2 laadpalen, CO2 en de zon-PV") == {
        "warmtepompen",
        "laadpalen",
        "zon",
    }


def test_it_suggests_close_spellings() -> None:
    assert suggest("warmtepomb", ["warmtepomp", "zonnepaneel", "laadpaal"]) == ["warmtepomp"]


def test_it_suggests_nothing_for_a_known_word() -> None:
    assert suggest("Warmtepomp", ["warmtepomp", "warmtepompen"]) == []


def test_the_bulk_vocabulary_equals_the_words_of_each_text():
    from wattwijs.library.search.analysis import vocabulary_of, vocabulary_words

    texts = ["De coëfficiënt van een zon-PV-installatie", "CO2-neutraal bouwen, abc2def en warmtepompen"]
    assert vocabulary_of(texts) == vocabulary_words(texts[0]) | vocabulary_words(texts[1])
