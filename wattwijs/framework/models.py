"""The kwalificatiekader: qualification structure, framework units and alignment of other objects to them.

Everything lives inside a FrameworkVersion. A version is a full copy of the structure, so an adopted
(vastgesteld) version never changes while a new concept is being prepared.
"""

from __future__ import annotations

from django.conf import settings
from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from wattwijs.core.models import Theme

LEVEL_VALIDATORS = [MinValueValidator(1), MaxValueValidator(4)]


class FrameworkVersion(models.Model):
    class Status(models.TextChoices):
        DRAFT = "concept", _("draft")
        ADOPTED = "vastgesteld", _("adopted")

    name = models.CharField(_("name"), max_length=120)
    slug = models.SlugField(_("short name in web addresses"), max_length=60, unique=True)
    status = models.CharField(_("status"), max_length=20, choices=Status.choices, default=Status.DRAFT)
    description = models.TextField(_("description"), blank=True)
    based_on = models.ForeignKey(
        "self",
        verbose_name=_("based on"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="successors",
    )
    created_at = models.DateTimeField(_("created at"), default=timezone.now)
    adopted_at = models.DateTimeField(_("adopted at"), null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("framework version")
        verbose_name_plural = _("framework versions")

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("framework:version_detail", kwargs={"slug": self.slug})

    @property
    def is_adopted(self) -> bool:
        return self.status == self.Status.ADOPTED


class Dossier(models.Model):
    """A kwalificatiedossier: a set of related qualifications for a field."""

    version = models.ForeignKey(FrameworkVersion, on_delete=models.CASCADE, related_name="dossiers")
    name = models.CharField(_("name"), max_length=200)
    sector = models.CharField(_("sector"), max_length=120, blank=True)
    crebo = models.CharField(
        _("crebo code"), max_length=10, blank=True, help_text=_("Only an official code; leave empty when unknown.")
    )
    valid_from = models.DateField(_("valid from"), null=True, blank=True)
    valid_to = models.DateField(_("valid until"), null=True, blank=True)

    class Meta:
        ordering = ["name"]
        verbose_name = _("qualification dossier")
        verbose_name_plural = _("qualification dossiers")
        constraints = [models.UniqueConstraint(fields=["version", "name"], name="framework_dossier_unique_name")]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("framework:dossier_detail", kwargs={"pk": self.pk})


class Qualification(models.Model):
    """A kwalificatie: one diploma programme at mbo level 1 to 4."""

    dossier = models.ForeignKey(Dossier, on_delete=models.CASCADE, related_name="qualifications")
    name = models.CharField(_("name"), max_length=200)
    level = models.PositiveSmallIntegerField(_("level"), validators=LEVEL_VALIDATORS)
    crebo = models.CharField(
        _("crebo code"), max_length=10, blank=True, help_text=_("Only an official code; leave empty when unknown.")
    )
    themes = models.ManyToManyField(Theme, verbose_name=_("themes"), blank=True, related_name="qualifications")

    class Meta:
        ordering = ["name", "level"]
        verbose_name = _("qualification")
        verbose_name_plural = _("qualifications")
        constraints = [
            models.UniqueConstraint(fields=["dossier", "name", "level"], name="framework_qualification_unique"),
            models.CheckConstraint(condition=Q(level__gte=1, level__lte=4), name="framework_qualification_level"),
        ]

    def __str__(self) -> str:
        return f"{self.name} (niveau {self.level})"

    def get_absolute_url(self) -> str:
        return reverse("framework:qualification_detail", kwargs={"pk": self.pk})


class CoreTask(models.Model):
    """A kerntaak within a qualification, in the basisdeel or the profieldeel."""

    class Part(models.TextChoices):
        BASIS = "basis", _("basic part")
        PROFIEL = "profiel", _("profile part")

    qualification = models.ForeignKey(Qualification, on_delete=models.CASCADE, related_name="core_tasks")
    code = models.CharField(_("code"), max_length=20, help_text=_("For example B1-K1"))
    name = models.CharField(_("name"), max_length=200)
    part = models.CharField(_("part"), max_length=10, choices=Part.choices, default=Part.BASIS)

    class Meta:
        ordering = ["code"]
        verbose_name = _("core task")
        verbose_name_plural = _("core tasks")
        constraints = [models.UniqueConstraint(fields=["qualification", "code"], name="framework_coretask_unique")]

    def __str__(self) -> str:
        return f"{self.code} {self.name}"

    def get_absolute_url(self) -> str:
        return reverse("framework:core_task_detail", kwargs={"pk": self.pk})


class WorkProcess(models.Model):
    """A werkproces: the finest unit that everything else aligns to."""

    core_task = models.ForeignKey(CoreTask, on_delete=models.CASCADE, related_name="work_processes")
    code = models.CharField(_("code"), max_length=30, help_text=_("For example B1-K1-W1"))
    name = models.CharField(_("name"), max_length=250)
    description = models.TextField(_("description"), blank=True)
    is_example = models.BooleanField(
        _("example text"), default=False, help_text=_("The description is an example, not the official text.")
    )

    class Meta:
        ordering = ["code"]
        verbose_name = _("work process")
        verbose_name_plural = _("work processes")
        constraints = [models.UniqueConstraint(fields=["core_task", "code"], name="framework_workprocess_unique")]

    def __str__(self) -> str:
        return f"{self.code} {self.name}"

    def get_absolute_url(self) -> str:
        return reverse("framework:work_process_detail", kwargs={"pk": self.pk})


class Elective(models.Model):
    """A keuzedeel: an optional module beside the qualification."""

    version = models.ForeignKey(FrameworkVersion, on_delete=models.CASCADE, related_name="electives")
    code = models.CharField(_("code"), max_length=20, blank=True)
    name = models.CharField(_("name"), max_length=200)
    study_load_hours = models.PositiveIntegerField(_("study load (hours)"))
    level = models.PositiveSmallIntegerField(_("level"), validators=LEVEL_VALIDATORS, null=True, blank=True)
    themes = models.ManyToManyField(Theme, verbose_name=_("themes"), blank=True, related_name="electives")

    class Meta:
        ordering = ["name"]
        verbose_name = _("elective")
        verbose_name_plural = _("electives")

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("framework:elective_detail", kwargs={"pk": self.pk})


class Certificate(models.Model):
    """An mbo-certificaat or a branchecertificaat (such as VCA or F-gassen)."""

    class Kind(models.TextChoices):
        MBO = "mbo", _("mbo certificate")
        BRANCH = "branche", _("sector certificate")

    version = models.ForeignKey(FrameworkVersion, on_delete=models.CASCADE, related_name="certificates")
    kind = models.CharField(_("kind"), max_length=10, choices=Kind.choices)
    name = models.CharField(_("name"), max_length=200)
    hours = models.PositiveIntegerField(_("hours"), null=True, blank=True)
    work_processes = models.ManyToManyField(
        WorkProcess, verbose_name=_("work processes covered"), blank=True, related_name="certificates"
    )

    class Meta:
        ordering = ["name"]
        verbose_name = _("certificate")
        verbose_name_plural = _("certificates")

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("framework:certificate_detail", kwargs={"pk": self.pk})


class Competence(models.Model):
    """A competence (skill), optionally the same as an ESCO skill, linked to the work processes needing it."""

    version = models.ForeignKey(FrameworkVersion, on_delete=models.CASCADE, related_name="competences")
    name = models.CharField(_("name"), max_length=200)
    description = models.TextField(_("description"), blank=True)
    esco_uri = models.URLField(_("ESCO URI"), blank=True)
    themes = models.ManyToManyField(Theme, verbose_name=_("themes"), blank=True, related_name="competences")
    work_processes = models.ManyToManyField(
        WorkProcess, verbose_name=_("work processes"), blank=True, related_name="competences"
    )

    class Meta:
        ordering = ["name"]
        verbose_name = _("competence")
        verbose_name_plural = _("competences")

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("framework:competence_detail", kwargs={"pk": self.pk})


class FrameworkUnit(models.Model):
    """A kwalificatiekader-eenheid: a modular, stackable unit of competence mapped to work processes."""

    version = models.ForeignKey(FrameworkVersion, on_delete=models.CASCADE, related_name="units")
    code = models.CharField(_("code"), max_length=30, help_text=_("Short and unique within the version, e.g. WP-01"))
    name = models.CharField(_("name"), max_length=200)
    description = models.TextField(_("description"), blank=True)
    study_load_hours = models.PositiveIntegerField(_("study load (hours)"))
    level = models.PositiveSmallIntegerField(_("level"), validators=LEVEL_VALIDATORS)
    themes = models.ManyToManyField(Theme, verbose_name=_("themes"), blank=True, related_name="framework_units")
    work_processes = models.ManyToManyField(
        WorkProcess, verbose_name=_("work processes"), blank=True, related_name="units"
    )
    created_at = models.DateTimeField(_("created at"), default=timezone.now)
    updated_at = models.DateTimeField(_("changed at"), default=timezone.now)

    class Meta:
        ordering = ["code"]
        verbose_name = _("framework unit")
        verbose_name_plural = _("framework units")
        constraints = [
            models.UniqueConstraint(fields=["version", "code"], name="framework_unit_unique_code"),
            models.CheckConstraint(condition=Q(level__gte=1, level__lte=4), name="framework_unit_level"),
        ]

    def __str__(self) -> str:
        return f"{self.code} {self.name}"

    def get_absolute_url(self) -> str:
        return reverse("framework:unit_detail", kwargs={"pk": self.pk})


class Alignment(models.Model):
    """One object of another module (a resource, an offer, a candidate, a place) aligned to one framework node.

    Exactly one of the four targets is set.
    """

    content_type = models.ForeignKey(ContentType, on_delete=models.CASCADE, related_name="+")
    object_id = models.PositiveBigIntegerField()
    aligned_object = GenericForeignKey("content_type", "object_id")
    work_process = models.ForeignKey(
        WorkProcess, null=True, blank=True, on_delete=models.PROTECT, related_name="alignments"
    )
    competence = models.ForeignKey(
        Competence, null=True, blank=True, on_delete=models.CASCADE, related_name="alignments"
    )
    qualification = models.ForeignKey(
        Qualification, null=True, blank=True, on_delete=models.CASCADE, related_name="alignments"
    )
    unit = models.ForeignKey(FrameworkUnit, null=True, blank=True, on_delete=models.CASCADE, related_name="alignments")
    created_at = models.DateTimeField(default=timezone.now)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    TARGETS = ("work_process", "competence", "qualification", "unit")

    class Meta:
        verbose_name = _("alignment")
        verbose_name_plural = _("alignments")
        indexes = [models.Index(fields=["content_type", "object_id"], name="framework_alignment_object_idx")]
        constraints = [
            models.CheckConstraint(
                condition=(
                    Q(
                        work_process__isnull=False,
                        competence__isnull=True,
                        qualification__isnull=True,
                        unit__isnull=True,
                    )
                    | Q(
                        work_process__isnull=True,
                        competence__isnull=False,
                        qualification__isnull=True,
                        unit__isnull=True,
                    )
                    | Q(
                        work_process__isnull=True,
                        competence__isnull=True,
                        qualification__isnull=False,
                        unit__isnull=True,
                    )
                    | Q(
                        work_process__isnull=True,
                        competence__isnull=True,
                        qualification__isnull=True,
                        unit__isnull=False,
                    )
                ),
                name="framework_alignment_one_target",
            ),
            *(
                models.UniqueConstraint(
                    fields=["content_type", "object_id", target],
                    condition=Q(**{f"{target}__isnull": False}),
                    name=f"framework_alignment_unique_{target}",
                )
                for target in ("work_process", "competence", "qualification", "unit")
            ),
        ]

    def __str__(self) -> str:
        return f"{self.content_type.model} {self.object_id} → {self.target}"

    @property
    def target(self) -> models.Model | None:
        return self.work_process or self.competence or self.qualification or self.unit
