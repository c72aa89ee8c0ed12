"""Licences of learning materials: the NL-LOM "copyright and other restrictions" vocabulary.

The codes come from wattwijs/core/data/nl-lom-vocabularies.json; this module adds what a person needs to
know about each one (name, deed, what it allows in plain words) and the rules for adapting material
(bewerken en delen). In NL-LOM, `yes` means "copyright applies, all rights reserved" and `no` means
"no copyright restrictions".
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass
from importlib import resources
from typing import TYPE_CHECKING, NotRequired, TypedDict

from django.core.exceptions import ImproperlyConfigured
from django.utils.text import get_text_list
from django.utils.translation import gettext_lazy as _

if TYPE_CHECKING:
    from django_stubs_ext import StrOrPromise

VOCABULARY_KEY = "copyright_and_other_restrictions"


def _read_vocabulary_codes() -> tuple[str, ...]:
    path = resources.files("wattwijs.core") / "data" / "nl-lom-vocabularies.json"
    vocabularies = json.loads(path.read_text(encoding="utf-8"))
    return tuple(vocabularies[VOCABULARY_KEY]["values"])


def _ensure_same_codes(what: str, expected: Iterable[str], actual: Iterable[str]) -> None:
    """Refuse to start when a table here and the NL-LOM vocabulary disagree: a silent gap would show wrong rights."""
    missing = sorted(set(expected) - set(actual))
    unknown = sorted(set(actual) - set(expected))
    if missing or unknown:
        raise ImproperlyConfigured(
            f"{what} does not match the NL-LOM vocabulary {VOCABULARY_KEY!r}: "
            f"missing {missing or 'nothing'}, not in the vocabulary {unknown or 'nothing'}."
        )


@dataclass(frozen=True)
class Licence:
    code: str
    short_name: StrOrPromise
    url: str  # the Creative Commons deed; empty when there is none
    requires_attribution: bool
    allows_derivatives: bool
    share_alike: bool
    non_commercial: bool
    is_open: bool  # may be shared and reused freely under its own terms
    allows_sharing: bool
    plain_text: StrOrPromise  # what the licence allows, in plain words (B1)
    icon_parts: tuple[str, ...]  # badge elements: "cc", "by", "sa", "nc", "nd", "zero", "pd"


def _creative_commons(code: str, elements: tuple[str, ...], plain_text: StrOrPromise) -> Licence:
    """A CC 4.0 licence: its name, deed and flags follow from its elements ("by", "nc", "sa", "nd")."""
    slug = "-".join(elements)
    return Licence(
        code=code,
        short_name=f"CC {slug.upper()} 4.0",
        url=f"https://creativecommons.org/licenses/{slug}/4.0/deed.nl",
        requires_attribution="by" in elements,
        allows_derivatives="nd" not in elements,
        share_alike="sa" in elements,
        non_commercial="nc" in elements,
        is_open=True,
        allows_sharing=True,
        plain_text=plain_text,
        icon_parts=("cc", *elements),
    )


_TABLE: tuple[Licence, ...] = (
    _creative_commons(
        "cc-by-40",
        ("by",),
        _("You may adapt and share this, also commercially. Name the maker."),
    ),
    _creative_commons(
        "cc-by-sa-40",
        ("by", "sa"),
        _(
            "You may adapt and share this, also commercially. "
            "Name the maker and share adaptations under the same licence."
        ),
    ),
    _creative_commons(
        "cc-by-nd-40",
        ("by", "nd"),
        _("You may share this, also commercially, but only without changes. Name the maker."),
    ),
    _creative_commons(
        "cc-by-nc-40",
        ("by", "nc"),
        _("You may adapt and share this, but not commercially. Name the maker."),
    ),
    _creative_commons(
        "cc-by-nc-sa-40",
        ("by", "nc", "sa"),
        _(
            "You may adapt and share this, but not commercially. "
            "Name the maker and share adaptations under the same licence."
        ),
    ),
    _creative_commons(
        "cc-by-nc-nd-40",
        ("by", "nc", "nd"),
        _("You may share this, but only without changes and not commercially. Name the maker."),
    ),
    Licence(
        code="cc0-10",
        short_name="CC0 1.0",
        url="https://creativecommons.org/publicdomain/zero/1.0/deed.nl",
        requires_attribution=False,
        allows_derivatives=True,
        share_alike=False,
        non_commercial=False,
        is_open=True,
        allows_sharing=True,
        plain_text=_(
            "The maker has given up all rights. You may use, adapt and share this freely, also commercially. "
            "Naming the maker is polite, but not required."
        ),
        icon_parts=("cc", "zero"),
    ),
    Licence(
        code="pdm-10",
        short_name=_("Public Domain Mark 1.0"),
        url="https://creativecommons.org/publicdomain/mark/1.0/deed.nl",
        requires_attribution=False,
        allows_derivatives=True,
        share_alike=False,
        non_commercial=False,
        is_open=True,
        allows_sharing=True,
        plain_text=_(
            "This is free of known copyright. You may use, adapt and share this freely, also commercially. "
            "Naming the maker is polite, but not required."
        ),
        icon_parts=("pd",),
    ),
    Licence(
        code="yes",
        short_name=_("All rights reserved"),
        url="",
        # Whoever may use it (with permission, or by quoting) must still name the maker.
        requires_attribution=True,
        allows_derivatives=False,
        share_alike=False,
        non_commercial=False,
        is_open=False,
        allows_sharing=False,
        plain_text=_("The maker keeps all rights. Ask the maker for permission before you share or adapt this."),
        icon_parts=(),
    ),
    Licence(
        code="no",
        short_name=_("No restrictions"),
        url="",
        requires_attribution=False,
        allows_derivatives=True,
        share_alike=False,
        non_commercial=False,
        is_open=True,
        allows_sharing=True,
        plain_text=_(
            "There are no copyright restrictions. You may use, adapt and share this freely, also commercially. "
            "Naming the maker is polite, but not required."
        ),
        icon_parts=(),
    ),
)

VOCABULARY_CODES = _read_vocabulary_codes()
_ensure_same_codes("The licence table", VOCABULARY_CODES, (licence.code for licence in _TABLE))

_BY_CODE = {licence.code: licence for licence in _TABLE}
LICENCES: dict[str, Licence] = {code: _BY_CODE[code] for code in VOCABULARY_CODES}


def get(code: str) -> Licence:
    """The licence with this NL-LOM code; KeyError when there is none."""
    return LICENCES[code]


def choices() -> list[tuple[str, StrOrPromise]]:
    """(code, short name) pairs for a form field, in the order of the NL-LOM vocabulary."""
    return [(licence.code, licence.short_name) for licence in LICENCES.values()]


# Adaptation rules (bewerken en delen).


@dataclass(frozen=True)
class _AdaptationRule:
    allowed: tuple[str, ...]  # the licences an adaptation may carry
    refusal: StrOrPromise | None  # why any other licence is refused; may name the original as %(licence)s


_EVERY_LICENCE = VOCABULARY_CODES
_NO_LICENCE: tuple[str, ...] = ()
_ATTRIBUTION_KEPT = ("cc-by-40", "cc-by-sa-40", "cc-by-nd-40", "cc-by-nc-40", "cc-by-nc-sa-40", "cc-by-nc-nd-40", "yes")
_NON_COMMERCIAL = ("cc-by-nc-40", "cc-by-nc-sa-40", "cc-by-nc-nd-40")

_NO_DERIVATIVES = _("This material may not be adapted: its licence does not allow derivatives.")
_ALL_RIGHTS_RESERVED = _("This material may not be adapted: all rights are reserved by the maker.")
_SAME_LICENCE = _("An adaptation of material under %(licence)s must keep the same licence.")
_STAY_NON_COMMERCIAL = _("An adaptation of non-commercial material must stay non-commercial.")
_KEEP_ATTRIBUTION = _(
    "An adaptation of material under %(licence)s must still require naming the maker: "
    "choose a CC BY licence or all rights reserved."
)

# original code: _AdaptationRule(what an adaptation may carry, why any other licence is refused)
_ADAPTATION_RULES: dict[str, _AdaptationRule] = {
    "cc-by-40": _AdaptationRule(_ATTRIBUTION_KEPT, _KEEP_ATTRIBUTION),
    "cc-by-sa-40": _AdaptationRule(("cc-by-sa-40",), _SAME_LICENCE),
    "cc-by-nd-40": _AdaptationRule(_NO_LICENCE, _NO_DERIVATIVES),
    "cc-by-nc-40": _AdaptationRule(_NON_COMMERCIAL, _STAY_NON_COMMERCIAL),
    "cc-by-nc-sa-40": _AdaptationRule(("cc-by-nc-sa-40",), _SAME_LICENCE),
    "cc-by-nc-nd-40": _AdaptationRule(_NO_LICENCE, _NO_DERIVATIVES),
    "cc0-10": _AdaptationRule(_EVERY_LICENCE, None),
    "pdm-10": _AdaptationRule(_EVERY_LICENCE, None),
    "yes": _AdaptationRule(_NO_LICENCE, _ALL_RIGHTS_RESERVED),
    "no": _AdaptationRule(_EVERY_LICENCE, None),
}


def _ensure_rules_are_complete(rules: dict[str, _AdaptationRule]) -> None:
    """Every original has a rule, every rule names known licences, and every refusal has a reason."""
    _ensure_same_codes("The adaptation rules", VOCABULARY_CODES, rules)
    for original, rule in rules.items():
        unknown = sorted(set(rule.allowed) - set(VOCABULARY_CODES))
        if unknown:
            raise ImproperlyConfigured(f"The adaptation rule for {original!r} allows unknown licences {unknown}.")
        if rule.refusal is None and set(rule.allowed) != set(VOCABULARY_CODES):
            raise ImproperlyConfigured(f"The adaptation rule for {original!r} refuses licences without a reason.")


_ensure_rules_are_complete(_ADAPTATION_RULES)


def adaptation_allowed(original_code: str) -> bool:
    """Whether material under this licence may be adapted at all (not for NoDerivatives or all rights reserved)."""
    return bool(_ADAPTATION_RULES[get(original_code).code].allowed)


def licences_for_adaptation(original_code: str) -> list[str]:
    """The codes an adaptation of material under this licence may carry, in vocabulary order."""
    allowed = _ADAPTATION_RULES[get(original_code).code].allowed
    return [code for code in LICENCES if code in allowed]


def check_adaptation(original_code: str, adaptation_code: str) -> str | None:
    """None when an adaptation may carry this licence, else why not (in the active language).

    KeyError for a code that is not in the vocabulary.
    """
    original = get(original_code)
    get(adaptation_code)
    rule = _ADAPTATION_RULES[original.code]
    if adaptation_code in rule.allowed:
        return None
    if rule.refusal is None:  # ruled out at import by _ensure_rules_are_complete
        raise ImproperlyConfigured(f"No reason to refuse {adaptation_code!r} for an adaptation of {original_code!r}.")
    # Formatting a lazy message translates it now; messages without %(licence)s ignore the mapping.
    return rule.refusal % {"licence": original.short_name}


# Attribution (naamsvermelding): Title, Author, Source, Licence.


class Source(TypedDict):
    """The original work of an adaptation, as `attribution(adapted_from=...)` expects it."""

    title: str
    licence_code: str
    authors: NotRequired[list[str]]
    publisher: NotRequired[str]
    url: NotRequired[str]


def _credit(*, title: str, authors: list[str], publisher: str, licence_code: str, url: str) -> str:
    licence = get(licence_code)
    names = get_text_list([author for author in authors if author], str(_("and")))
    if names and publisher:
        work = _("“%(title)s” by %(authors)s (%(publisher)s)") % {
            "title": title,
            "authors": names,
            "publisher": publisher,
        }
    elif names or publisher:
        work = _("“%(title)s” by %(maker)s") % {"title": title, "maker": names or publisher}
    else:
        work = _("“%(title)s”") % {"title": title}
    return ", ".join(part for part in (work, url, str(licence.short_name)) if part)


def attribution(
    *,
    title: str,
    authors: list[str],
    publisher: str,
    licence_code: str,
    url: str,
    adapted_from: Source | None = None,
) -> str:
    """A ready attribution line (Title, Author, Source, Licence) in the active language.

    For an adaptation the original is credited after it. The line is produced for every licence: for
    CC0, the Public Domain Mark and `no` naming the maker is a courtesy, for `yes` the line says all
    rights are reserved. KeyError for an unknown licence code.
    """
    line = _credit(title=title, authors=authors, publisher=publisher, licence_code=licence_code, url=url)
    if adapted_from is None:
        return line
    original = _credit(
        title=adapted_from["title"],
        authors=adapted_from.get("authors", []),
        publisher=adapted_from.get("publisher", ""),
        licence_code=adapted_from["licence_code"],
        url=adapted_from.get("url", ""),
    )
    return _("%(work)s. Adapted from %(original)s") % {"work": line, "original": original}
