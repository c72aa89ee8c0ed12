"""The leermiddelenbank: learning materials with NL-LOM metadata, their versions, files, reviews and collections.

A Resource is the stable identity of a material (its id is in every URL). Everything a user writes
about it lives on a ResourceVersion: a published version never changes again, and editing starts a
new draft. The search works on SearchDocument, a read model with one row per published resource,
filled by ``search.index``.
"""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from wattwijs.core.links import detail_url
from wattwijs.core.models import Organisation, Region, Theme


class Source(models.TextChoices):
    WATTWIJS = "wattwijs", _("Shared on WattWijs")
    HARVESTED = "harvested", _("Harvested from another repository")


class Resource(models.Model):
    publisher = models.ForeignKey(
        Organisation, verbose_name=_("publisher"), on_delete=models.PROTECT, related_name="resources"
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("created by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="library_resources",
    )
    created_at = models.DateTimeField(_("created at"), default=timezone.now)
    adapted_from = models.ForeignKey(
        "ResourceVersion",
        verbose_name=_("adaptation of"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="adaptations",
    )
    source = models.CharField(_("source"), max_length=20, choices=Source.choices, default=Source.WATTWIJS)
    oai_identifier = models.CharField(_("OAI identifier"), max_length=300, blank=True)
    # The newest published version; the plain URL shows it.
    current = models.ForeignKey(
        "ResourceVersion",
        verbose_name=_("current version"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    download_count = models.PositiveIntegerField(_("downloads"), default=0)
    is_fictitious = models.BooleanField(_("fictitious"), default=False)

    class Meta:
        verbose_name = _("learning material")
        verbose_name_plural = _("learning materials")
        constraints = [
            models.UniqueConstraint(
                fields=["oai_identifier"], condition=~Q(oai_identifier=""), name="library_resource_oai_unique"
            )
        ]

    def __str__(self) -> str:
        version = self.current
        return version.title if version else f"#{self.pk}"

    def get_absolute_url(self) -> str:
        return detail_url("library:resource_detail", "pk", self.pk)


class ResourceVersion(models.Model):
    class Status(models.TextChoices):
        DRAFT = "concept", _("draft")
        SUBMITTED = "ingediend", _("submitted")
        PUBLISHED = "gepubliceerd", _("published")
        RETURNED = "teruggestuurd", _("returned")
        ARCHIVED = "gearchiveerd", _("archived")

    class AggregationLevel(models.IntegerChoices):
        ASSET = 1, _("Single item (e.g. a picture)")
        LESSON = 2, _("Lesson")
        COURSE = 3, _("Course")
        SET_OF_COURSES = 4, _("Set of courses")

    resource = models.ForeignKey(
        Resource, verbose_name=_("material"), on_delete=models.CASCADE, related_name="versions"
    )
    number = models.PositiveIntegerField(_("version"))
    status = models.CharField(_("status"), max_length=20, choices=Status.choices, default=Status.DRAFT)

    title = models.CharField(_("title"), max_length=250)
    description = models.TextField(_("description"))
    keywords = models.JSONField(_("keywords"), default=list, blank=True)
    language = models.CharField(_("language"), max_length=8, default="nl")
    location = models.URLField(_("web address"), max_length=500, blank=True)
    educational_levels = models.JSONField(_("educational levels"), default=list, blank=True)
    learning_resource_types = models.JSONField(_("kind of material"), default=list, blank=True)
    intended_end_user_roles = models.JSONField(_("intended for"), default=list, blank=True)
    aggregation_level = models.PositiveSmallIntegerField(
        _("scope"), choices=AggregationLevel.choices, default=AggregationLevel.LESSON
    )
    typical_learning_time = models.PositiveIntegerField(
        _("learning time in minutes"), null=True, blank=True, validators=[MaxValueValidator(100_000)]
    )
    cost = models.BooleanField(_("costs money"), default=False)
    licence = models.CharField(_("licence"), max_length=20)
    themes = models.ManyToManyField(Theme, verbose_name=_("themes"), related_name="library_versions", blank=True)

    moderator_comment = models.TextField(_("comment of the moderator"), blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("created by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    created_at = models.DateTimeField(_("created at"), default=timezone.now)
    modified_at = models.DateTimeField(_("modified at"), default=timezone.now)
    submitted_at = models.DateTimeField(_("submitted at"), null=True, blank=True)
    published_at = models.DateTimeField(_("published at"), null=True, blank=True)
    published_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("published by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    class Meta:
        ordering = ["resource_id", "-number"]
        verbose_name = _("version of a learning material")
        verbose_name_plural = _("versions of learning materials")
        constraints = [
            models.UniqueConstraint(fields=["resource", "number"], name="library_version_number_unique"),
        ]
        indexes = [
            models.Index(fields=["status", "resource"], name="library_version_status_idx"),
            # The order of OAI-PMH lists: each page is a range of this index instead of a sort of every record.
            models.Index(fields=["modified_at", "resource"], name="library_version_modified_idx"),
        ]

    def __str__(self) -> str:
        return f"{self.title} (v{self.number})"

    def get_absolute_url(self) -> str:
        return reverse("library:version_detail", kwargs={"pk": self.resource_id, "number": self.number})

    @property
    def is_published(self) -> bool:
        return self.status == self.Status.PUBLISHED

    @property
    def is_editable(self) -> bool:
        return self.status in (self.Status.DRAFT, self.Status.RETURNED)


class Author(models.Model):
    version = models.ForeignKey(ResourceVersion, on_delete=models.CASCADE, related_name="authors")
    name = models.CharField(_("name"), max_length=200)
    organisation = models.CharField(_("organisation"), max_length=200, blank=True)
    position = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["version", "position"]
        verbose_name = _("author")
        verbose_name_plural = _("authors")

    def __str__(self) -> str:
        return f"{self.name} ({self.organisation})" if self.organisation else self.name


def _file_path(instance: ResourceFile, filename: str) -> str:
    return f"leermiddelen/{instance.sha256[:2]}/{instance.sha256}/{filename}"


class ResourceFile(models.Model):
    """An uploaded file of a version. A new draft points at the same stored file, so nothing is copied."""

    class Kind(models.TextChoices):
        PDF = "pdf", _("PDF")
        DOCUMENT = "document", _("Office document")
        IMAGE = "image", _("Image")
        VIDEO = "video", _("Video")
        ARCHIVE = "archive", _("Zip archive")

    version = models.ForeignKey(ResourceVersion, on_delete=models.CASCADE, related_name="files")
    file = models.FileField(_("file"), upload_to=_file_path, max_length=400)
    name = models.CharField(_("file name"), max_length=255)
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    mime_type = models.CharField(_("content type"), max_length=120)
    size = models.PositiveBigIntegerField(_("size in bytes"))
    sha256 = models.CharField(max_length=64)
    position = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["version", "position", "pk"]
        verbose_name = _("file")
        verbose_name_plural = _("files")

    def __str__(self) -> str:
        return self.name


class Review(models.Model):
    class Status(models.TextChoices):
        PENDING = "wacht", _("waiting for moderation")
        APPROVED = "goedgekeurd", _("approved")
        REJECTED = "afgewezen", _("rejected")

    version = models.ForeignKey(ResourceVersion, on_delete=models.CASCADE, related_name="reviews")
    author = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="library_reviews")
    rating = models.PositiveSmallIntegerField(_("rating"), validators=[MinValueValidator(1), MaxValueValidator(5)])
    text = models.TextField(_("review"), blank=True)
    status = models.CharField(_("status"), max_length=20, choices=Status.choices, default=Status.PENDING)
    created_at = models.DateTimeField(_("written at"), default=timezone.now)
    moderated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("review")
        verbose_name_plural = _("reviews")
        constraints = [
            models.UniqueConstraint(fields=["version", "author"], name="library_review_one_per_person"),
            models.CheckConstraint(condition=Q(rating__gte=1, rating__lte=5), name="library_review_rating_1_5"),
        ]

    def __str__(self) -> str:
        return f"{self.rating}/5 – {self.version}"


class Collection(models.Model):
    """An ordered set of materials, owned by a person or an organisation."""

    title = models.CharField(_("title"), max_length=200)
    description = models.TextField(_("description"), blank=True)
    is_public = models.BooleanField(_("public"), default=False)
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("owner"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="library_collections",
    )
    organisation = models.ForeignKey(
        Organisation,
        verbose_name=_("organisation"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="library_collections",
    )
    created_at = models.DateTimeField(_("created at"), default=timezone.now)
    modified_at = models.DateTimeField(_("modified at"), default=timezone.now)
    is_fictitious = models.BooleanField(_("fictitious"), default=False)

    class Meta:
        ordering = ["title"]
        verbose_name = _("collection")
        verbose_name_plural = _("collections")
        constraints = [
            models.CheckConstraint(
                condition=Q(owner__isnull=False, organisation__isnull=True)
                | Q(owner__isnull=True, organisation__isnull=False),
                name="library_collection_one_owner",
            )
        ]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return detail_url("library:collection_detail", "pk", self.pk)


class CollectionItem(models.Model):
    collection = models.ForeignKey(Collection, on_delete=models.CASCADE, related_name="items")
    resource = models.ForeignKey(Resource, on_delete=models.CASCADE, related_name="collection_items")
    position = models.PositiveIntegerField(default=0)
    note = models.CharField(_("note"), max_length=300, blank=True)
    added_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["collection", "position", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["collection", "resource"], name="library_collection_item_once"),
        ]

    def __str__(self) -> str:
        return f"{self.collection_id}: {self.resource_id}"


class SearchDocument(models.Model):
    """The search read model: one row per published material, with what a result line shows.

    ``title_terms``, ``body_terms`` and ``variant_terms`` hold the analysed text (see
    ``search.analysis``). On SQLite an FTS5 table follows this table through triggers; on PostgreSQL each
    document's tsvector, made from the same terms, sits in a narrow GIN-indexed table of its own
    (``library_searchvector``, see the migrations), from which a deleted document takes its vector along.
    """

    resource = models.OneToOneField(Resource, primary_key=True, on_delete=models.CASCADE, related_name="search")
    version_number = models.PositiveIntegerField()
    title = models.CharField(max_length=250)
    description = models.TextField()
    publisher = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="+")
    publisher_name = models.CharField(max_length=200)
    publisher_slug = models.CharField(max_length=220)
    region = models.ForeignKey(Region, null=True, on_delete=models.SET_NULL, related_name="+")
    licence = models.CharField(max_length=20)
    language = models.CharField(max_length=8)
    levels = models.JSONField(default=list)
    resource_types = models.JSONField(default=list)
    theme_codes = models.JSONField(default=list)
    authors = models.CharField(max_length=500, blank=True)
    source = models.CharField(max_length=20)
    published_at = models.DateTimeField()
    rating_average = models.FloatField(null=True)
    rating_count = models.PositiveIntegerField(default=0)
    is_fictitious = models.BooleanField(default=False)
    title_terms = models.TextField()
    body_terms = models.TextField()
    variant_terms = models.TextField()
    # The document's Facet ids, packed as little-endian 32-bit integers (see ``search.matrix``). Nullable so
    # that adding the column never rebuilds the table (which would drop the SQLite full-text triggers).
    facet_ids = models.BinaryField(null=True)

    class Meta:
        indexes = [
            models.Index(fields=["-published_at", "-resource"], name="library_search_newest_idx"),
            models.Index(fields=["-rating_average", "-rating_count"], name="library_search_rating_idx"),
        ]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return detail_url("library:resource_detail", "pk", self.resource_id)


class Facet(models.Model):
    """One filter value of the search (a theme, a level, a licence …), shared by all documents that have it."""

    group = models.CharField(max_length=20)
    value = models.CharField(max_length=120)
    # Names of database objects (publishers, themes, qualifications); vocabulary values get their label in code.
    label = models.CharField(max_length=250, blank=True)
    label_en = models.CharField(max_length=250, blank=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["group", "value"], name="library_facet_unique")]

    def __str__(self) -> str:
        return f"{self.group}={self.value}"


class SearchIndexState(models.Model):
    """The search index's version (one row): every write to the index draws a new one in the same transaction.

    Search processes keep derived tables (facet values, the facet matrix) in memory and compare this
    version before use, so a change made by any process is seen by all of them once it is committed.
    """

    version = models.CharField(max_length=32)

    def __str__(self) -> str:
        return self.version


class SearchWord(models.Model):
    """A word that occurs in published materials, for "did you mean …" on searches without results."""

    word = models.CharField(max_length=60, primary_key=True)
    documents = models.PositiveIntegerField(default=0)

    def __str__(self) -> str:
        return self.word


# The editable NL-LOM metadata of a version, in the order forms and bulk loads use.
METADATA_FIELDS = (
    "title",
    "description",
    "keywords",
    "language",
    "location",
    "educational_levels",
    "learning_resource_types",
    "intended_end_user_roles",
    "aggregation_level",
    "typical_learning_time",
    "cost",
    "licence",
)


def version_metadata(version: ResourceVersion) -> dict[str, Any]:
    """The editable metadata of a version, to copy into a new draft."""
    return {name: getattr(version, name) for name in METADATA_FIELDS}
