"""Learning materials for tests, written straight to the models (the services have their own tests)."""

from __future__ import annotations

from collections.abc import Iterable

from django.utils import timezone

from wattwijs.core.models import Organisation, Theme, User
from wattwijs.core.tests.factories import OrganisationFactory
from wattwijs.library.models import Author, Resource, ResourceVersion, Source
from wattwijs.library.search import index

MBO2 = "00ace3c7-d7a8-41e6-83b1-7f13a9af7668"
MBO3 = "654931e1-6f8b-4f72-aa4b-92c99c72c347"
MBO4 = "8beca7eb-95a5-4c7d-9704-2d2a2fc4bc65"


def material(
    title: str = "Werkplaatsopdracht omvormer aansluiten",
    description: str = "Leerlingen sluiten een omvormer aan en meten de opbrengst.",
    *,
    publisher: Organisation | None = None,
    created_by: User | None = None,
    status: str = ResourceVersion.Status.PUBLISHED,
    licence: str = "cc-by-40",
    levels: Iterable[str] = (MBO3,),
    types: Iterable[str] = ("exercise",),
    themes: Iterable[Theme] = (),
    keywords: Iterable[str] = (),
    authors: Iterable[str] = (),
    language: str = "nl",
    source: str = Source.WATTWIJS,
    location: str = "https://leermiddelen.example.org/materiaal",
    indexed: bool = True,
) -> ResourceVersion:
    resource = Resource.objects.create(
        publisher=publisher or OrganisationFactory(), created_by=created_by, source=source, is_fictitious=True
    )
    published = status == ResourceVersion.Status.PUBLISHED
    version = ResourceVersion.objects.create(
        resource=resource,
        number=1,
        status=status,
        title=title,
        description=description,
        licence=licence,
        educational_levels=list(levels),
        learning_resource_types=list(types),
        keywords=list(keywords),
        language=language,
        location=location,
        created_by=created_by,
        published_at=timezone.now() if published else None,
    )
    version.themes.set(list(themes))
    Author.objects.bulk_create(Author(version=version, name=name, position=i) for i, name in enumerate(authors))
    if published:
        Resource.objects.filter(pk=resource.pk).update(current=version)
        resource.current = version
        if indexed:
            index.index_resources([resource.pk])
    return version
