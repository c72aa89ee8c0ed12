"""Every write of the leermiddelenbank: keyword-only, transactional, permission-checked, audited.

Lifecycle of a version: concept → ingediend → gepubliceerd, or → teruggestuurd (with the moderator's
comment) and back to ingediend; a published material can be gearchiveerd. A published version never
changes: editing a published material starts the next version as a draft.
"""

from __future__ import annotations

import datetime
import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from dataclasses import field as dataclass_field
from typing import Any, cast

from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.db import connection, transaction
from django.db.models import F, Max, OuterRef, Subquery
from django.utils import timezone
from django.utils.translation import gettext as _

from wattwijs.core.bulk import insert_rows
from wattwijs.core.models import Organisation, Theme, User
from wattwijs.core.permissions import AnyUser
from wattwijs.core.services import audit_log_write
from wattwijs.core.text import strip_control_characters, strip_control_characters_in
from wattwijs.framework import selectors as framework_selectors
from wattwijs.framework import services as framework_services
from wattwijs.framework.models import Competence, FrameworkUnit, Qualification, WorkProcess
from wattwijs.library import licences, permissions
from wattwijs.library.files import CheckedFile
from wattwijs.library.models import (
    Author,
    Collection,
    CollectionItem,
    Resource,
    ResourceFile,
    ResourceVersion,
    Review,
    Source,
    version_metadata,
)
from wattwijs.library.search import index

Status = ResourceVersion.Status


@dataclass(frozen=True)
class AuthorData:
    name: str
    organisation: str = ""


@dataclass(frozen=True)
class Alignment:
    """What a version is aligned to in the kwalificatiekader."""

    work_processes: Sequence[WorkProcess] = ()
    competences: Sequence[Competence] = ()
    qualifications: Sequence[Qualification] = ()
    units: Sequence[FrameworkUnit] = ()


def _save_version_details(
    *,
    actor: AnyUser,
    version: ResourceVersion,
    themes: Iterable[Theme] | None,
    authors: Iterable[AuthorData] | None,
    alignment: Alignment | None,
) -> None:
    """Replace themes, authors and alignment; None leaves that part as it is."""
    if themes is not None:
        version.themes.set(list(themes))
    if authors is not None:
        version.authors.all().delete()
        Author.objects.bulk_create(
            Author(
                version=version,
                name=strip_control_characters(a.name),
                organisation=strip_control_characters(a.organisation),
                position=i,
            )
            for i, a in enumerate(authors)
        )
    if alignment is not None:
        framework_services.alignment_set(
            actor=actor,
            obj=version,
            work_processes=alignment.work_processes,
            competences=alignment.competences,
            qualifications=alignment.qualifications,
            units=alignment.units,
        )


def _check_licence(code: str) -> None:
    if code not in licences.LICENCES:
        raise ValidationError({"licence": _("Choose a licence from the list.")})


def resource_create(
    *,
    actor: AnyUser,
    publisher: Organisation,
    data: dict[str, Any],
    themes: Iterable[Theme] = (),
    authors: Iterable[AuthorData] = (),
    alignment: Alignment | None = None,
    source: str = Source.WATTWIJS,
    is_fictitious: bool = False,
) -> ResourceVersion:
    """Share a new material for ``publisher``: it starts as a draft (version 1)."""
    if not permissions.publishing_organisations(actor).filter(pk=publisher.pk).exists():
        raise PermissionDenied
    _check_licence(data.get("licence", ""))
    with transaction.atomic():
        resource = Resource.objects.create(
            publisher=publisher,
            created_by_id=actor.pk if actor.is_authenticated else None,
            source=source,
            is_fictitious=is_fictitious,
        )
        version = ResourceVersion(resource=resource, number=1, created_by_id=resource.created_by_id, **_metadata(data))
        version.full_clean(exclude=["resource"])
        version.save()
        _save_version_details(actor=actor, version=version, themes=themes, authors=authors, alignment=alignment)
        audit_log_write(actor=actor, action="library.resource_create", obj=version, organisation=publisher)
    return version


def _metadata(data: dict[str, Any]) -> dict[str, Any]:
    """The metadata fields of ``data``, without characters XML cannot hold (see ``core.text``): every way a
    material comes in (the forms, the API, the import) passes here."""
    allowed = set(version_metadata(ResourceVersion()))
    return {name: strip_control_characters_in(value) for name, value in data.items() if name in allowed}


def version_update(
    *,
    actor: AnyUser,
    version: ResourceVersion,
    data: dict[str, Any],
    themes: Iterable[Theme] | None = None,
    authors: Iterable[AuthorData] | None = None,
    alignment: Alignment | None = None,
) -> ResourceVersion:
    """Change a draft or returned version."""
    if not permissions.can_edit_version(actor, version):
        raise PermissionDenied
    _check_licence(data.get("licence", version.licence))
    _check_adaptation_licence(version.resource, data.get("licence", version.licence))
    with transaction.atomic():
        for name, value in _metadata(data).items():
            setattr(version, name, value)
        version.modified_at = timezone.now()
        version.full_clean(exclude=["resource"])
        version.save()
        _save_version_details(actor=actor, version=version, themes=themes, authors=authors, alignment=alignment)
        audit_log_write(actor=actor, action="library.version_update", obj=version)
    return version


def version_submit(*, actor: AnyUser, version: ResourceVersion) -> ResourceVersion:
    """Offer a draft to the moderators of the publishing organisation."""
    if not permissions.can_edit_version(actor, version):
        raise PermissionDenied
    if not version.location and not version.files.exists():
        raise ValidationError(_("Add a file or a web address before you submit the material."))
    return _transition(actor, version, Status.SUBMITTED, submitted_at=timezone.now())


def version_publish(*, actor: AnyUser, version: ResourceVersion) -> ResourceVersion:
    """Publish a submitted version; it becomes the material's current version and is found in the search."""
    if not permissions.can_moderate(actor, version.resource):
        raise PermissionDenied
    if version.status != Status.SUBMITTED:
        raise ValidationError(_("Only a submitted version can be published."))
    with transaction.atomic():
        _transition(actor, version, Status.PUBLISHED, published_at=timezone.now(), published_by_id=actor.pk)
        Resource.objects.filter(pk=version.resource_id).update(current=version)
        version.resource.current = version
        index.index_resources([version.resource_id])
    return version


def version_return(*, actor: AnyUser, version: ResourceVersion, comment: str) -> ResourceVersion:
    """Send a submitted version back to its author with the moderator's comments."""
    if not permissions.can_moderate(actor, version.resource):
        raise PermissionDenied
    if version.status != Status.SUBMITTED:
        raise ValidationError(_("Only a submitted version can be returned."))
    if not comment.strip():
        raise ValidationError({"comment": _("Tell the author what to change.")})
    return _transition(actor, version, Status.RETURNED, moderator_comment=comment.strip())


def resource_archive(*, actor: AnyUser, resource: Resource) -> Resource:
    """Take a material out of the search. Its pages stay, marked as archived."""
    if not permissions.can_moderate(actor, resource):
        raise PermissionDenied
    with transaction.atomic():
        changed = ResourceVersion.objects.filter(resource=resource, status=Status.PUBLISHED).update(
            status=Status.ARCHIVED, modified_at=timezone.now()
        )
        if not changed:
            raise ValidationError(_("Only a published material can be archived."))
        index.remove([resource.pk])
        audit_log_write(actor=actor, action="library.resource_archive", obj=resource)
    return resource


def _transition(actor: AnyUser, version: ResourceVersion, status: str, **changes: Any) -> ResourceVersion:
    with transaction.atomic():
        locked = ResourceVersion.objects.select_for_update().get(pk=version.pk)
        before = locked.status
        version.status = status
        version.modified_at = timezone.now()
        for name, value in changes.items():
            setattr(version, name, value)
        version.save(update_fields=["status", "modified_at", *changes])
        audit_log_write(
            actor=actor,
            action=f"library.version_{status}",
            obj=version,
            details={"from": before, "to": status, "number": version.number},
        )
    return version


def version_new_draft(*, actor: AnyUser, resource: Resource) -> ResourceVersion:
    """Start the next version of a published material as a draft copy of the current one."""
    if not permissions.can_start_new_version(actor, resource):
        raise PermissionDenied
    open_draft = resource.versions.filter(status__in=[Status.DRAFT, Status.RETURNED, Status.SUBMITTED]).first()
    if open_draft is not None:
        return open_draft
    current = resource.current
    if current is None:
        raise ValidationError(_("This material has no published version yet."))
    with transaction.atomic():
        number = (resource.versions.aggregate(n=Max("number"))["n"] or 0) + 1
        draft = _copy_version(actor, current, resource=resource, number=number)
        audit_log_write(actor=actor, action="library.version_new_draft", obj=draft, details={"from": current.number})
    return draft


def _copy_version(
    actor: AnyUser, source: ResourceVersion, *, resource: Resource, number: int, **changes: Any
) -> ResourceVersion:
    draft = ResourceVersion.objects.create(
        resource=resource,
        number=number,
        status=Status.DRAFT,
        created_by_id=actor.pk if actor.is_authenticated else None,
        **{**version_metadata(source), **changes},
    )
    draft.themes.set(source.themes.all())
    Author.objects.bulk_create(
        Author(version=draft, name=a.name, organisation=a.organisation, position=a.position)
        for a in source.authors.all()
    )
    ResourceFile.objects.bulk_create(
        ResourceFile(
            version=draft,
            file=f.file.name,
            name=f.name,
            kind=f.kind,
            mime_type=f.mime_type,
            size=f.size,
            sha256=f.sha256,
            position=f.position,
        )
        for f in source.files.all()
    )
    aligned = framework_selectors.alignments_of(obj=source)
    framework_services.alignment_set(
        actor=actor,
        obj=draft,
        work_processes=aligned["work_process"],  # type: ignore[arg-type]
        competences=aligned["competence"],  # type: ignore[arg-type]
        qualifications=aligned["qualification"],  # type: ignore[arg-type]
        units=aligned["unit"],  # type: ignore[arg-type]
    )
    return draft


# Adaptations ---------------------------------------------------------------------


def _check_adaptation_licence(resource: Resource, code: str) -> None:
    if resource.adapted_from_id is None:
        return
    original = ResourceVersion.objects.only("licence").get(pk=resource.adapted_from_id)
    message = licences.check_adaptation(original.licence, code)
    if message:
        raise ValidationError({"licence": str(message)})


def adaptation_create(
    *, actor: AnyUser, source: ResourceVersion, publisher: Organisation, licence: str
) -> ResourceVersion:
    """Start an adaptation (bewerking) of a published version as a new material, when its licence allows it."""
    if not permissions.publishing_organisations(actor).filter(pk=publisher.pk).exists():
        raise PermissionDenied
    if not source.is_published:
        raise ValidationError(_("Only published material can be adapted."))
    _check_licence(licence)
    message = licences.check_adaptation(source.licence, licence)
    if message:
        raise ValidationError({"licence": str(message)})
    with transaction.atomic():
        resource = Resource.objects.create(
            publisher=publisher,
            created_by_id=actor.pk,
            adapted_from=source,
            is_fictitious=source.resource.is_fictitious,
        )
        draft = _copy_version(actor, source, resource=resource, number=1, licence=licence)
        audit_log_write(
            actor=actor,
            action="library.adaptation_create",
            obj=draft,
            organisation=publisher,
            details={"adapted_from": source.pk},
        )
    return draft


# Files ---------------------------------------------------------------------------


def file_attach(
    *, actor: AnyUser, version: ResourceVersion, upload: UploadedFile, checked: CheckedFile
) -> ResourceFile:
    """Store an upload (already checked by ``files.check_upload``) with a draft version."""
    if not permissions.can_edit_version(actor, version):
        raise PermissionDenied
    stored = ResourceFile(
        version=version,
        name=checked.name,
        kind=checked.kind,
        mime_type=checked.mime_type,
        size=checked.size,
        sha256=checked.sha256,
        position=version.files.count(),
    )
    stored.file.save(checked.name, upload, save=False)
    with transaction.atomic():
        stored.save()
        audit_log_write(actor=actor, action="library.file_attach", obj=version, details={"file": checked.name})
    return stored


# Downloads -----------------------------------------------------------------------


def download_count(*, resource: Resource) -> None:
    Resource.objects.filter(pk=resource.pk).update(download_count=F("download_count") + 1)


# Reviews -------------------------------------------------------------------------


def review_create(*, actor: AnyUser, version: ResourceVersion, rating: int, text: str) -> Review:
    """A rating (1–5) with text; one per person per version; shown after moderation."""
    if not permissions.can_review(actor):
        raise PermissionDenied
    if not version.is_published:
        raise ValidationError(_("Only published material can be reviewed."))
    if Review.objects.filter(version=version, author_id=actor.pk).exists():
        raise ValidationError(_("You have already reviewed this version."))
    review = Review(version=version, author=cast(User, actor), rating=rating, text=text.strip())
    review.full_clean()
    with transaction.atomic():
        review.save()
        audit_log_write(actor=actor, action="library.review_create", obj=review)
    return review


def review_moderate(*, actor: AnyUser, review: Review, approve: bool) -> Review:
    if not permissions.can_moderate(actor, review.version.resource):
        raise PermissionDenied
    with transaction.atomic():
        review.status = Review.Status.APPROVED if approve else Review.Status.REJECTED
        review.moderated_by_id = actor.pk
        review.save(update_fields=["status", "moderated_by"])
        audit_log_write(actor=actor, action=f"library.review_{review.status}", obj=review)
        index.index_resources([review.version.resource_id])
    return review


# Collections ---------------------------------------------------------------------


def collection_create(
    *,
    actor: AnyUser,
    title: str,
    description: str = "",
    is_public: bool = False,
    organisation: Organisation | None = None,
) -> Collection:
    if not actor.is_authenticated:
        raise PermissionDenied
    if organisation is not None and not permissions.publishing_organisations(actor).filter(pk=organisation.pk).exists():
        raise PermissionDenied
    collection = Collection(
        title=strip_control_characters(title).strip(),
        description=strip_control_characters(description).strip(),
        is_public=is_public,
        owner_id=None if organisation else actor.pk,
        organisation=organisation,
    )
    collection.full_clean()
    with transaction.atomic():
        collection.save()
        audit_log_write(actor=actor, action="library.collection_create", obj=collection)
    return collection


def collection_update(
    *, actor: AnyUser, collection: Collection, title: str, description: str, is_public: bool
) -> Collection:
    if not permissions.can_edit_collection(actor, collection):
        raise PermissionDenied
    collection.title = strip_control_characters(title).strip()
    collection.description = strip_control_characters(description).strip()
    collection.is_public = is_public
    collection.modified_at = timezone.now()
    collection.full_clean()
    collection.save()
    return collection


def collection_add(*, actor: AnyUser, collection: Collection, resource: Resource) -> CollectionItem:
    if not permissions.can_edit_collection(actor, collection):
        raise PermissionDenied
    if resource.current_id is None:
        raise ValidationError(_("Only published material can be added to a collection."))
    with transaction.atomic():
        Collection.objects.select_for_update().filter(pk=collection.pk).first()
        existing = collection.items.filter(resource=resource).first()
        if existing is not None:
            return existing
        position = (collection.items.aggregate(p=Max("position"))["p"] or 0) + 1
        item = CollectionItem.objects.create(collection=collection, resource=resource, position=position)
        Collection.objects.filter(pk=collection.pk).update(modified_at=timezone.now())
    return item


def collection_remove(*, actor: AnyUser, collection: Collection, resource: Resource) -> None:
    if not permissions.can_edit_collection(actor, collection):
        raise PermissionDenied
    collection.items.filter(resource=resource).delete()


def collection_move(*, actor: AnyUser, collection: Collection, resource: Resource, offset: int) -> None:
    """Move an item up (-1) or down (+1) in the collection's order."""
    if not permissions.can_edit_collection(actor, collection):
        raise PermissionDenied
    with transaction.atomic():
        items = list(collection.items.select_for_update().order_by("position", "pk"))
        index_of = next((i for i, item in enumerate(items) if item.resource_id == resource.pk), None)
        if index_of is None:
            return
        target = max(0, min(len(items) - 1, index_of + offset))
        items.insert(target, items.pop(index_of))
        for position, item in enumerate(items, start=1):
            item.position = position
        CollectionItem.objects.bulk_update(items, ["position"])


# Harvested materials ---------------------------------------------------------------


@dataclass(frozen=True)
class HarvestedMaterial:
    """One record harvested from another repository, already checked: it is published as is.

    ``datestamp`` is the record's OAI-PMH datestamp; a material is only changed when it differs.
    """

    oai_identifier: str
    datestamp: datetime.datetime
    title: str
    description: str
    location: str
    licence: str
    language: str = "nl"
    keywords: Sequence[str] = ()
    educational_levels: Sequence[str] = ()
    learning_resource_types: Sequence[str] = ()
    intended_end_user_roles: Sequence[str] = ()
    aggregation_level: int = ResourceVersion.AggregationLevel.LESSON
    cost: bool = False
    authors: Sequence[AuthorData] = ()


@dataclass
class HarvestOutcome:
    added: int = 0
    updated: int = 0
    unchanged: int = 0
    withdrawn: int = 0
    # OAI identifier → why it was not stored or withdrawn (it belongs to a material shared on WattWijs itself,
    # or to a material another organisation publishes).
    refused: dict[str, str] = dataclass_field(default_factory=dict)


_HARVESTED_VERSION_COLUMNS = (
    "resource",
    "number",
    "status",
    "title",
    "description",
    "keywords",
    "language",
    "location",
    "educational_levels",
    "learning_resource_types",
    "intended_end_user_roles",
    "aggregation_level",
    "cost",
    "licence",
    "moderator_comment",
    "created_at",
    "modified_at",
    "published_at",
)


def harvested_upsert(
    *, actor: AnyUser | None, publisher: Organisation, materials: Sequence[HarvestedMaterial]
) -> HarvestOutcome:
    """Publish a batch of harvested materials for ``publisher`` and keep the search index in step, all or nothing.

    A new OAI identifier becomes a new material; a known one whose datestamp changed (or that was withdrawn)
    gets a new published version, which becomes its current one; an unchanged one is left alone. A known
    identifier of a material shared on WattWijs itself, or published by another organisation, is refused
    and left alone. The caller decides who may harvest (see ``interop.permissions``); the records must be
    checked already.
    """
    outcome = HarvestOutcome()
    by_identifier = {material.oai_identifier: material for material in materials}
    for material in by_identifier.values():
        _check_licence(material.licence)
    with transaction.atomic():
        existing = {
            row[0]: row[1:]
            for row in Resource.objects.filter(oai_identifier__in=list(by_identifier)).values_list(
                "oai_identifier",
                "pk",
                "source",
                "publisher_id",
                "current__modified_at",
                "current__status",
                "current__number",
            )
        }
        new: list[HarvestedMaterial] = []
        changed: list[tuple[int, int, HarvestedMaterial]] = []  # resource id, version number, material
        for identifier, material in by_identifier.items():
            found = existing.get(identifier)
            if found is None:
                new.append(material)
                continue
            resource_id, source, publisher_id, modified_at, status, number = found
            if source != Source.HARVESTED:
                outcome.refused[identifier] = _("This identifier belongs to a material shared on WattWijs itself.")
            elif publisher_id != publisher.pk:
                outcome.refused[identifier] = _("This identifier belongs to a material of another publisher.")
            elif status == Status.PUBLISHED and modified_at == material.datestamp:
                outcome.unchanged += 1
            else:
                changed.append((resource_id, (number or 0) + 1, material))
        now = timezone.now()
        moment = connection.ops.adapt_datetimefield_value(now)
        insert_rows(
            Resource,
            ("publisher", "source", "oai_identifier", "created_at", "download_count", "is_fictitious"),
            [(publisher.pk, Source.HARVESTED, material.oai_identifier, moment, 0, False) for material in new],
        )
        identifiers = [material.oai_identifier for material in new]
        new_ids = dict(Resource.objects.filter(oai_identifier__in=identifiers).values_list("oai_identifier", "pk"))
        rows = [(new_ids[material.oai_identifier], 1, material) for material in new]
        rows += changed
        _insert_harvested_versions(rows, now)
        touched = [resource_id for resource_id, _number, _material in rows]
        if touched:
            newest = ResourceVersion.objects.filter(resource=OuterRef("pk")).order_by("-number").values("pk")[:1]
            Resource.objects.filter(pk__in=touched).update(current=Subquery(newest))
            index.index_resources(touched)
            audit_log_write(
                actor=actor,
                action="library.harvested_upsert",
                organisation=publisher,
                details={"added": len(new), "updated": len(changed)},
            )
        outcome.added, outcome.updated = len(new), len(changed)
    return outcome


def _insert_harvested_versions(rows: Sequence[tuple[int, int, HarvestedMaterial]], now: datetime.datetime) -> None:
    if not rows:
        return
    adapt = connection.ops.adapt_datetimefield_value
    moment = adapt(now)
    insert_rows(
        ResourceVersion,
        _HARVESTED_VERSION_COLUMNS,
        [
            (
                resource_id,
                number,
                Status.PUBLISHED,
                material.title,
                material.description,
                json.dumps(list(material.keywords)),
                material.language,
                material.location,
                json.dumps(list(material.educational_levels)),
                json.dumps(list(material.learning_resource_types)),
                json.dumps(list(material.intended_end_user_roles)),
                material.aggregation_level,
                material.cost,
                material.licence,
                "",
                moment,
                adapt(material.datestamp),
                adapt(material.datestamp),
            )
            for resource_id, number, material in rows
        ],
    )
    with_authors = {
        (resource_id, number): material.authors for resource_id, number, material in rows if material.authors
    }
    if not with_authors:
        return
    version_ids = {
        (resource_id, number): pk
        for pk, resource_id, number in ResourceVersion.objects.filter(
            resource_id__in=[key[0] for key in with_authors]
        ).values_list("pk", "resource_id", "number")
    }
    insert_rows(
        Author,
        ("version", "name", "organisation", "position"),
        [
            (version_ids[key], author.name[:200], author.organisation[:200], position)
            for key, authors in with_authors.items()
            for position, author in enumerate(authors)
        ],
    )


def harvested_withdraw(
    *, actor: AnyUser | None, publisher: Organisation, oai_identifiers: Iterable[str]
) -> HarvestOutcome:
    """Take harvested materials of ``publisher`` that their repository deleted out of the search (archived, like
    any withdrawn material). Unknown or already withdrawn identifiers are skipped; an identifier of a material
    shared on WattWijs itself or published by another organisation is refused and left alone."""
    identifiers = list(oai_identifiers)
    outcome = HarvestOutcome()
    with transaction.atomic():
        for identifier, source, publisher_id in Resource.objects.filter(oai_identifier__in=identifiers).values_list(
            "oai_identifier", "source", "publisher_id"
        ):
            if source != Source.HARVESTED:
                outcome.refused[identifier] = _("This identifier belongs to a material shared on WattWijs itself.")
            elif publisher_id != publisher.pk:
                outcome.refused[identifier] = _("This identifier belongs to a material of another publisher.")
        ids = list(
            Resource.objects.filter(
                oai_identifier__in=identifiers,
                source=Source.HARVESTED,
                publisher=publisher,
                versions__status=Status.PUBLISHED,
            )
            .values_list("pk", flat=True)
            .distinct()
        )
        outcome.withdrawn = len(ids)
        if not ids:
            return outcome
        ResourceVersion.objects.filter(resource_id__in=ids, status=Status.PUBLISHED).update(
            status=Status.ARCHIVED, modified_at=timezone.now()
        )
        index.remove(ids)
        audit_log_write(
            actor=actor, action="library.harvested_withdraw", organisation=publisher, details={"withdrawn": len(ids)}
        )
    return outcome
