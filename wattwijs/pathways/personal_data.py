"""Personal data that other apps keep about a candidate, for the export (AVG art. 15) and erasure (art. 17).

Pathways owns the candidate, but other apps keep rows keyed to one (matching keeps decisions and saved route
advice, for instance). Each such app registers a provider from its ``AppConfig.ready()``; the export and the
erasure services of pathways ask every registered provider, so pathways never imports those apps.

A provider exports JSON-ready sections: per section a key, a heading and rows (dicts of plain values). Its
erase removes (or anonymises) every row it keeps about the given candidates; it runs inside the
erasure's transaction, before the candidates themselves are deleted.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Protocol

from django.utils.functional import Promise

if TYPE_CHECKING:
    from wattwijs.pathways.models import Candidate

Label = str | Promise
Row = dict[str, Any]


class ExportFunction(Protocol):
    def __call__(self, *, candidate: Candidate) -> Mapping[str, list[Row]]: ...


class EraseFunction(Protocol):
    def __call__(self, *, candidate_ids: Sequence[int]) -> None: ...


@dataclass(frozen=True)
class Provider:
    """What an app keeps about candidates: how to export it for one candidate and erase it for several.

    ``sections`` heads each kind of record the app exports (section key -> heading, in the export's order);
    ``export`` answers the rows of each section for one candidate; ``labels`` names the rows' columns for
    readers of the export (PDF, print).
    """

    name: str
    sections: Mapping[str, Label]
    export: ExportFunction
    erase: EraseFunction
    labels: Mapping[str, Label] = field(default_factory=dict)


_providers: dict[str, Provider] = {}


def register(provider: Provider) -> None:
    """Add (or replace, when ``ready()`` runs again) the provider named ``provider.name``."""
    _providers[provider.name] = provider


def unregister(name: str) -> None:
    _providers.pop(name, None)


def providers() -> list[Provider]:
    """The registered providers, in the order they were registered."""
    return list(_providers.values())


def export(candidate: Candidate) -> dict[str, list[Row]]:
    """Every registered provider's sections about ``candidate``: section key -> rows (empty when none)."""
    data: dict[str, list[Row]] = {}
    for provider in providers():
        rows = provider.export(candidate=candidate)
        for key in provider.sections:
            data[key] = list(rows.get(key, []))
    return data


def erase(candidate_ids: Sequence[int]) -> None:
    """Let every registered provider remove what it keeps about these candidates."""
    ids = list(candidate_ids)
    if not ids:
        return
    for provider in providers():
        provider.erase(candidate_ids=ids)


def section_labels() -> dict[str, Label]:
    """Section key -> heading, over every provider."""
    return {key: label for provider in providers() for key, label in provider.sections.items()}


def labels() -> dict[str, Label]:
    """Column key -> name, over every provider."""
    return {key: label for provider in providers() for key, label in provider.labels.items()}
