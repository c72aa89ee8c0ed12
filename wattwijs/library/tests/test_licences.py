import json
from pathlib import Path

import pytest
from django.core.exceptions import ImproperlyConfigured
from django.utils import translation

import wattwijs.core
from wattwijs.library import licences

VOCABULARY = Path(wattwijs.core.__file__).parent / "data" / "nl-lom-vocabularies.json"
JSON_CODES = json.loads(VOCABULARY.read_text(encoding="utf-8"))["copyright_and_other_restrictions"]["values"]

CODES = [
    "cc-by-40",
    "cc-by-sa-40",
    "cc-by-nd-40",
    "cc-by-nc-40",
    "cc-by-nc-sa-40",
    "cc-by-nc-nd-40",
    "cc0-10",
    "pdm-10",
    "yes",
    "no",
]

# May an adaptation of the original (row) carry the licence in the column? Y = yes, . = no.
# Written out by hand from the Creative Commons adaptation rules, not derived from the code under test.
# fmt: off
ADAPTATION_TABLE = {
    # original         by  by-sa by-nd by-nc by-nc-sa by-nc-nd cc0 pdm yes no
    "cc-by-40":       "Y   Y     Y     Y     Y        Y        .   .   Y   .",
    "cc-by-sa-40":    ".   Y     .     .     .        .        .   .   .   .",
    "cc-by-nd-40":    ".   .     .     .     .        .        .   .   .   .",
    "cc-by-nc-40":    ".   .     .     Y     Y        Y        .   .   .   .",
    "cc-by-nc-sa-40": ".   .     .     .     Y        .        .   .   .   .",
    "cc-by-nc-nd-40": ".   .     .     .     .        .        .   .   .   .",
    "cc0-10":         "Y   Y     Y     Y     Y        Y        Y   Y   Y   Y",
    "pdm-10":         "Y   Y     Y     Y     Y        Y        Y   Y   Y   Y",
    "yes":            ".   .     .     .     .        .        .   .   .   .",
    "no":             "Y   Y     Y     Y     Y        Y        Y   Y   Y   Y",
}
# fmt: on


def _allowed_by_table(original):
    cells = ADAPTATION_TABLE[original].split()
    assert len(cells) == len(CODES)
    return [code for code, cell in zip(CODES, cells, strict=True) if cell == "Y"]


PAIRS = [
    pytest.param(original, adaptation, adaptation in _allowed_by_table(original), id=f"{original}->{adaptation}")
    for original in CODES
    for adaptation in CODES
]


# The vocabulary


def test_the_test_table_covers_exactly_the_vocabulary():
    assert list(ADAPTATION_TABLE) == CODES == JSON_CODES


def test_every_code_in_the_vocabulary_has_a_licence():
    assert list(licences.LICENCES) == JSON_CODES


@pytest.mark.parametrize("code", JSON_CODES)
def test_get_returns_the_licence_with_that_code(code):
    assert licences.get(code).code == code


def test_get_refuses_an_unknown_code():
    with pytest.raises(KeyError):
        licences.get("cc-by-30")


def test_choices_follow_the_vocabulary_order_with_short_names():
    with translation.override("en"):
        assert [(code, str(name)) for code, name in licences.choices()] == [
            ("cc-by-40", "CC BY 4.0"),
            ("cc-by-sa-40", "CC BY-SA 4.0"),
            ("cc-by-nd-40", "CC BY-ND 4.0"),
            ("cc-by-nc-40", "CC BY-NC 4.0"),
            ("cc-by-nc-sa-40", "CC BY-NC-SA 4.0"),
            ("cc-by-nc-nd-40", "CC BY-NC-ND 4.0"),
            ("cc0-10", "CC0 1.0"),
            ("pdm-10", "Public Domain Mark 1.0"),
            ("yes", "All rights reserved"),
            ("no", "No restrictions"),
        ]


def test_a_mismatch_with_the_vocabulary_fails_loudly():
    with pytest.raises(ImproperlyConfigured, match="cc-by-30"):
        licences._ensure_same_codes("The licence table", ["cc-by-40"], ["cc-by-40", "cc-by-30"])


def test_a_code_missing_from_the_table_fails_loudly():
    with pytest.raises(ImproperlyConfigured, match="cc-by-40"):
        licences._ensure_same_codes("The licence table", ["cc-by-40", "no"], ["no"])


# What each licence is


@pytest.mark.parametrize(
    ("code", "url"),
    [
        ("cc-by-40", "https://creativecommons.org/licenses/by/4.0/deed.nl"),
        ("cc-by-sa-40", "https://creativecommons.org/licenses/by-sa/4.0/deed.nl"),
        ("cc-by-nd-40", "https://creativecommons.org/licenses/by-nd/4.0/deed.nl"),
        ("cc-by-nc-40", "https://creativecommons.org/licenses/by-nc/4.0/deed.nl"),
        ("cc-by-nc-sa-40", "https://creativecommons.org/licenses/by-nc-sa/4.0/deed.nl"),
        ("cc-by-nc-nd-40", "https://creativecommons.org/licenses/by-nc-nd/4.0/deed.nl"),
        ("cc0-10", "https://creativecommons.org/publicdomain/zero/1.0/deed.nl"),
        ("pdm-10", "https://creativecommons.org/publicdomain/mark/1.0/deed.nl"),
        ("yes", ""),
        ("no", ""),
    ],
)
def test_each_licence_links_to_its_deed(code, url):
    assert licences.get(code).url == url


# Columns: requires_attribution, allows_derivatives, share_alike, non_commercial, is_open, allows_sharing.
@pytest.mark.parametrize(
    ("code", "flags"),
    [
        ("cc-by-40", (True, True, False, False, True, True)),
        ("cc-by-sa-40", (True, True, True, False, True, True)),
        ("cc-by-nd-40", (True, False, False, False, True, True)),
        ("cc-by-nc-40", (True, True, False, True, True, True)),
        ("cc-by-nc-sa-40", (True, True, True, True, True, True)),
        ("cc-by-nc-nd-40", (True, False, False, True, True, True)),
        ("cc0-10", (False, True, False, False, True, True)),
        ("pdm-10", (False, True, False, False, True, True)),
        ("yes", (True, False, False, False, False, False)),
        ("no", (False, True, False, False, True, True)),
    ],
)
def test_each_licence_has_the_right_flags(code, flags):
    licence = licences.get(code)
    assert (
        licence.requires_attribution,
        licence.allows_derivatives,
        licence.share_alike,
        licence.non_commercial,
        licence.is_open,
        licence.allows_sharing,
    ) == flags


@pytest.mark.parametrize(
    ("code", "parts"),
    [
        ("cc-by-40", ("cc", "by")),
        ("cc-by-sa-40", ("cc", "by", "sa")),
        ("cc-by-nd-40", ("cc", "by", "nd")),
        ("cc-by-nc-40", ("cc", "by", "nc")),
        ("cc-by-nc-sa-40", ("cc", "by", "nc", "sa")),
        ("cc-by-nc-nd-40", ("cc", "by", "nc", "nd")),
        ("cc0-10", ("cc", "zero")),
        ("pdm-10", ("pd",)),
        ("yes", ()),
        ("no", ()),
    ],
)
def test_each_licence_has_badge_parts(code, parts):
    assert licences.get(code).icon_parts == parts


def test_plain_text_says_what_share_alike_allows():
    with translation.override("en"):
        assert str(licences.get("cc-by-sa-40").plain_text) == (
            "You may adapt and share this, also commercially. "
            "Name the maker and share adaptations under the same licence."
        )


@pytest.mark.parametrize("code", JSON_CODES)
def test_every_licence_explains_itself_in_plain_words(code):
    with translation.override("en"):
        assert str(licences.get(code).plain_text).endswith(".")


def test_a_licence_cannot_be_changed():
    with pytest.raises(AttributeError):
        licences.get("cc-by-40").code = "no"


# Adaptation rules


@pytest.mark.parametrize(("original", "adaptation", "allowed"), PAIRS)
def test_check_adaptation_follows_the_table(original, adaptation, allowed):
    assert (licences.check_adaptation(original, adaptation) is None) is allowed


@pytest.mark.parametrize("original", CODES)
def test_licences_for_adaptation_follow_the_table(original):
    assert licences.licences_for_adaptation(original) == _allowed_by_table(original)


@pytest.mark.parametrize(
    ("original", "allowed"),
    [
        ("cc-by-40", True),
        ("cc-by-sa-40", True),
        ("cc-by-nd-40", False),
        ("cc-by-nc-40", True),
        ("cc-by-nc-sa-40", True),
        ("cc-by-nc-nd-40", False),
        ("cc0-10", True),
        ("pdm-10", True),
        ("yes", False),
        ("no", True),
    ],
)
def test_adaptation_allowed_refuses_no_derivatives_and_all_rights_reserved(original, allowed):
    assert licences.adaptation_allowed(original) is allowed


def test_check_adaptation_refuses_an_unknown_adaptation_licence():
    with pytest.raises(KeyError):
        licences.check_adaptation("cc0-10", "gpl-3")


@pytest.mark.parametrize("original", ["cc-by-nd-40", "cc-by-nc-nd-40"])
def test_no_derivatives_explains_that_adapting_is_not_allowed(original):
    with translation.override("en"):
        assert licences.check_adaptation(original, original) == (
            "This material may not be adapted: its licence does not allow derivatives."
        )


def test_all_rights_reserved_explains_that_adapting_is_not_allowed():
    with translation.override("en"):
        assert licences.check_adaptation("yes", "yes") == (
            "This material may not be adapted: all rights are reserved by the maker."
        )


def test_share_alike_asks_to_keep_the_same_licence():
    with translation.override("en"):
        assert licences.check_adaptation("cc-by-sa-40", "cc-by-40") == (
            "An adaptation of material under CC BY-SA 4.0 must keep the same licence."
        )


def test_non_commercial_share_alike_asks_to_keep_the_same_licence():
    with translation.override("en"):
        assert licences.check_adaptation("cc-by-nc-sa-40", "cc-by-nc-40") == (
            "An adaptation of material under CC BY-NC-SA 4.0 must keep the same licence."
        )


def test_non_commercial_asks_to_stay_non_commercial():
    with translation.override("en"):
        assert licences.check_adaptation("cc-by-nc-40", "cc-by-sa-40") == (
            "An adaptation of non-commercial material must stay non-commercial."
        )


def test_attribution_asks_to_keep_naming_the_maker():
    with translation.override("en"):
        assert licences.check_adaptation("cc-by-40", "cc0-10") == (
            "An adaptation of material under CC BY 4.0 must still require naming the maker: "
            "choose a CC BY licence or all rights reserved."
        )


# Attribution lines


def test_attribution_names_title_author_source_and_licence():
    with translation.override("en"):
        line = licences.attribution(
            title="Warmtepomp in bedrijf stellen",
            authors=["Jan Jansen"],
            publisher="ROC Vechtstreek",
            licence_code="cc-by-sa-40",
            url="https://example.org/warmtepomp",
        )
    assert line == (
        "“Warmtepomp in bedrijf stellen” by Jan Jansen (ROC Vechtstreek), https://example.org/warmtepomp, CC BY-SA 4.0"
    )


def test_attribution_lists_several_authors():
    with translation.override("en"):
        line = licences.attribution(
            title="Zonnepanelen", authors=["Ann", "Bo", "Cas"], publisher="", licence_code="cc-by-40", url=""
        )
    assert line == "“Zonnepanelen” by Ann, Bo and Cas, CC BY 4.0"


def test_attribution_falls_back_to_the_publisher_without_authors():
    with translation.override("en"):
        line = licences.attribution(
            title="Zonnepanelen", authors=[], publisher="ROC Vechtstreek", licence_code="cc0-10", url=""
        )
    assert line == "“Zonnepanelen” by ROC Vechtstreek, CC0 1.0"


def test_attribution_of_all_rights_reserved_says_so():
    with translation.override("en"):
        line = licences.attribution(
            title="Handboek", authors=["Jan Jansen"], publisher="", licence_code="yes", url="https://example.org/h"
        )
    assert line == "“Handboek” by Jan Jansen, https://example.org/h, All rights reserved"


def test_attribution_credits_the_original_of_an_adaptation():
    with translation.override("en"):
        line = licences.attribution(
            title="Warmtepomp onderhouden",
            authors=["Piet de Vries"],
            publisher="ROC Amersfoort",
            licence_code="cc-by-sa-40",
            url="https://example.org/onderhoud",
            adapted_from={
                "title": "Warmtepomp in bedrijf stellen",
                "authors": ["Jan Jansen"],
                "publisher": "ROC Vechtstreek",
                "licence_code": "cc-by-40",
                "url": "https://example.org/warmtepomp",
            },
        )
    assert line == (
        "“Warmtepomp onderhouden” by Piet de Vries (ROC Amersfoort), https://example.org/onderhoud, CC BY-SA 4.0. "
        "Adapted from “Warmtepomp in bedrijf stellen” by Jan Jansen (ROC Vechtstreek), "
        "https://example.org/warmtepomp, CC BY 4.0"
    )


def test_attribution_refuses_an_unknown_licence():
    with pytest.raises(KeyError):
        licences.attribution(title="T", authors=[], publisher="", licence_code="cc-by-30", url="")
