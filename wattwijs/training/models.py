"""Training offers (opleidingsaanbod), the coordinators' overlap verdicts and the regions' priority themes."""

from __future__ import annotations

from collections.abc import Iterable

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import F, Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from wattwijs.core.links import detail_url
from wattwijs.core.models import Organisation, Region, Theme
from wattwijs.framework.models import Certificate


class OfferKind(models.TextChoices):
    BBL = "bbl", _("BBL (work-based)")
    BOL = "bol", _("BOL (school-based)")
    CUSTOM = "maatwerk", _("Custom track")
    WORK_AND_LEARN = "leerwerk", _("Work-and-learn track")
    RETRAINING = "omscholing", _("Retraining")
    FURTHER_TRAINING = "bijscholing", _("Further training")
    UPSKILLING = "opscholing", _("Upskilling")
    COURSE = "cursus", _("Course")
    ELECTIVE = "keuzedeel", _("Elective module")


class OfferStatus(models.TextChoices):
    IN_DEVELOPMENT = "ontwikkeling", _("In development")
    PLANNED = "gepland", _("Planned")
    RUNNING = "lopend", _("Running")
    ENDED = "beeindigd", _("Ended")


# Planned and running offers count as available; ended offers no longer count anywhere in the map.
AVAILABLE_STATUSES = (OfferStatus.PLANNED, OfferStatus.RUNNING)
ACTIVE_STATUSES = (OfferStatus.IN_DEVELOPMENT, *AVAILABLE_STATUSES)


class DevelopmentPhase(models.TextChoices):
    IDEA = "idee", _("Idea")
    DESIGN = "ontwerp", _("Design")
    PILOT = "pilot", _("Pilot")
    ACCREDITATION = "erkenning", _("Awaiting approval")


class TargetGroup(models.TextChoices):
    SCHOOL_LEAVERS = "schoolverlaters", _("School leavers")
    CAREER_SWITCHERS = "zij-instromers", _("Career switchers")
    WORKERS = "werkenden", _("Workers")
    JOB_SEEKERS = "werkzoekenden", _("Job seekers")


class PartnerRole(models.TextChoices):
    WORKPLACE = "werkplek", _("Provides workplaces")
    FUNDING = "financiering", _("Funds")
    RECRUITMENT = "werving", _("Recruits participants")
    COACHING = "begeleiding", _("Coaches participants")
    TEACHING = "onderwijs", _("Teaches")
    OTHER = "anders", _("Other")


LEVEL_CHOICES = [(level, _("mbo level %(level)s") % {"level": level}) for level in (1, 2, 3, 4)]


class TrainingOffer(models.Model):
    """One training offer (opleiding, traject, cursus) in one or more regions."""

    title = models.CharField(_("title"), max_length=200)
    description = models.TextField(_("description"), blank=True)
    kind = models.CharField(_("kind"), max_length=20, choices=OfferKind.choices)
    status = models.CharField(_("status"), max_length=20, choices=OfferStatus.choices, default=OfferStatus.PLANNED)
    development_phase = models.CharField(
        _("development phase"), max_length=20, choices=DevelopmentPhase.choices, blank=True
    )
    expected_start = models.DateField(_("expected start"), null=True, blank=True)
    level = models.PositiveSmallIntegerField(
        _("level"),
        choices=LEVEL_CHOICES,
        null=True,
        blank=True,
        validators=[MinValueValidator(1), MaxValueValidator(4)],
    )
    providers = models.ManyToManyField(
        Organisation, verbose_name=_("providers"), related_name="training_offers_provided"
    )
    developers = models.ManyToManyField(
        Organisation, verbose_name=_("developers"), blank=True, related_name="training_offers_developed"
    )
    partners: models.ManyToManyField[Organisation, OfferPartner] = models.ManyToManyField(
        Organisation,
        verbose_name=_("partners"),
        through="OfferPartner",
        blank=True,
        related_name="training_offers_partnered",
    )
    regions = models.ManyToManyField(Region, verbose_name=_("regions served"), related_name="training_offers")
    themes = models.ManyToManyField(Theme, verbose_name=_("themes"), related_name="training_offers")
    certificates = models.ManyToManyField(
        Certificate, verbose_name=_("certificates"), blank=True, related_name="training_offers"
    )
    duration_weeks = models.PositiveSmallIntegerField(_("duration in weeks"), null=True, blank=True)
    hours_per_week = models.PositiveSmallIntegerField(_("hours per week"), null=True, blank=True)
    days_at_work = models.PositiveSmallIntegerField(
        _("days a week at work"), null=True, blank=True, validators=[MaxValueValidator(7)]
    )
    days_at_school = models.PositiveSmallIntegerField(
        _("days a week at school"), null=True, blank=True, validators=[MaxValueValidator(7)]
    )
    format_note = models.CharField(_("how the week looks"), max_length=300, blank=True)
    start_date = models.DateField(_("first start date"), null=True, blank=True)
    end_date = models.DateField(_("end date"), null=True, blank=True)
    start_moments = models.CharField(_("start moments"), max_length=200, blank=True)
    places_available = models.PositiveIntegerField(_("places available"), null=True, blank=True)
    costs = models.CharField(_("costs"), max_length=300, blank=True)
    funding = models.CharField(_("funding"), max_length=300, blank=True)
    contact_name = models.CharField(_("contact person"), max_length=120, blank=True)
    contact_email = models.EmailField(_("contact e-mail"), blank=True)
    contact_phone = models.CharField(_("contact telephone"), max_length=30, blank=True)
    is_fictitious = models.BooleanField(_("fictitious"), default=False)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(_("created at"), default=timezone.now)
    updated_at = models.DateTimeField(_("changed at"), default=timezone.now)

    class Meta:
        ordering = ["title", "pk"]
        verbose_name = _("training offer")
        verbose_name_plural = _("training offers")
        indexes = [
            models.Index(fields=["status", "kind", "level"], name="training_offer_filter_idx"),
            models.Index(fields=["title", "id"], name="training_offer_title_idx"),
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(end_date__isnull=True) | Q(start_date__isnull=True) | Q(end_date__gte=F("start_date")),
                name="training_offer_end_after_start",
            ),
        ]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return detail_url("training:offer_detail", "pk", self.pk)

    @property
    def is_in_development(self) -> bool:
        return self.status == OfferStatus.IN_DEVELOPMENT


class OfferTargetGroup(models.Model):
    """One target group of an offer; a table of its own so the map can count per target group in SQL."""

    offer = models.ForeignKey(TrainingOffer, on_delete=models.CASCADE, related_name="target_group_links")
    target_group = models.CharField(_("target group"), max_length=20, choices=TargetGroup.choices)

    class Meta:
        verbose_name = _("target group")
        verbose_name_plural = _("target groups")
        constraints = [
            models.UniqueConstraint(fields=["offer", "target_group"], name="training_target_group_once_per_offer")
        ]
        indexes = [models.Index(fields=["target_group", "offer"], name="training_target_group_idx")]

    def __str__(self) -> str:
        return self.get_target_group_display()


class OfferPartner(models.Model):
    """A partner organisation of an offer and its role in it."""

    offer = models.ForeignKey(TrainingOffer, on_delete=models.CASCADE, related_name="partner_links")
    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="+")
    role = models.CharField(_("role"), max_length=20, choices=PartnerRole.choices)

    class Meta:
        verbose_name = _("partner")
        verbose_name_plural = _("partners")
        constraints = [
            models.UniqueConstraint(fields=["offer", "organisation", "role"], name="training_partner_role_once")
        ]

    def __str__(self) -> str:
        return f"{self.organisation} ({self.get_role_display()})"


class OverlapVerdict(models.TextChoices):
    INTENDED = "bedoeld", _("Intended")
    ALIGN = "afstemmen", _("To be aligned")


class OverlapMark(models.Model):
    """A coordinator's verdict on a pair of overlapping offers; the pair is stored with the lower id first."""

    offer_a = models.ForeignKey(TrainingOffer, on_delete=models.CASCADE, related_name="+")
    offer_b = models.ForeignKey(TrainingOffer, on_delete=models.CASCADE, related_name="+")
    verdict = models.CharField(_("verdict"), max_length=20, choices=OverlapVerdict.choices)
    note = models.TextField(_("note"), blank=True)
    marked_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    marked_at = models.DateTimeField(_("marked at"), default=timezone.now)

    class Meta:
        verbose_name = _("overlap verdict")
        verbose_name_plural = _("overlap verdicts")
        constraints = [
            models.UniqueConstraint(fields=["offer_a", "offer_b"], name="training_overlap_mark_once_per_pair"),
            models.CheckConstraint(condition=Q(offer_a__lt=F("offer_b")), name="training_overlap_mark_ordered"),
        ]

    def __str__(self) -> str:
        return f"{self.offer_a_id} ↔ {self.offer_b_id}: {self.get_verdict_display()}"


class RegionPriorityTheme(models.Model):
    """A theme a region's coordinators gave priority to; a priority theme without offers is a gap."""

    region = models.ForeignKey(Region, on_delete=models.CASCADE, related_name="training_priorities")
    theme = models.ForeignKey(Theme, on_delete=models.CASCADE, related_name="+")
    set_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    set_at = models.DateTimeField(_("set at"), default=timezone.now)

    class Meta:
        ordering = ["theme__position"]
        verbose_name = _("priority theme")
        verbose_name_plural = _("priority themes")
        constraints = [
            models.UniqueConstraint(fields=["region", "theme"], name="training_priority_theme_once_per_region")
        ]

    def __str__(self) -> str:
        return f"{self.region}: {self.theme}"


class OfferCell(models.Model):
    """One (offer, region, theme) with the offer's filter fields copied in: the fact table the matrix counts.

    Derived data, rewritten by the services whenever an offer changes, so the opleidingsschema groups one table
    instead of joining offers, regions, themes and target groups at every request.
    """

    offer = models.ForeignKey(TrainingOffer, on_delete=models.CASCADE, related_name="+")
    region = models.ForeignKey(Region, on_delete=models.CASCADE, related_name="+", db_index=False)
    theme = models.ForeignKey(Theme, on_delete=models.CASCADE, related_name="+", db_index=False)
    root_theme_id = models.IntegerField()  # the theme's parent, or the theme itself at the top of the tree
    status = models.CharField(max_length=20, choices=OfferStatus.choices)
    kind = models.CharField(max_length=20, choices=OfferKind.choices)
    level = models.PositiveSmallIntegerField(null=True)
    target_mask = models.PositiveSmallIntegerField(default=0)  # bit i set: TargetGroup.values[i]
    # Flags that let every layout count offers with a plain filtered COUNT instead of COUNT(DISTINCT):
    # the offer's first region, its first theme, and its first theme under this top-level theme.
    is_first_region = models.BooleanField(default=False)
    is_first_theme = models.BooleanField(default=False)
    is_first_in_root = models.BooleanField(default=False)

    class Meta:
        verbose_name = _("matrix cell")
        verbose_name_plural = _("matrix cells")
        indexes = [
            # Covers every column the matrix reads, in its grouping order: the count scans only this index.
            models.Index(
                fields=[
                    "theme",
                    "root_theme_id",
                    "region",
                    "status",
                    "is_first_in_root",
                    "is_first_region",
                    "is_first_theme",
                    "level",
                    "kind",
                    "target_mask",
                    "offer",
                ],
                name="training_cell_matrix_idx",
            )
        ]

    def __str__(self) -> str:
        return f"{self.offer_id}: {self.region_id} × {self.theme_id}"


class MatrixSnapshot(models.Model):
    """Every offer's matrix facts packed as numpy arrays in one row; derived, see ``training.snapshot``."""

    data = models.BinaryField()
    offers = models.PositiveIntegerField()  # how many offers the arrays hold

    class Meta:
        verbose_name = _("matrix snapshot")
        verbose_name_plural = _("matrix snapshots")

    def __str__(self) -> str:
        return f"{self.offers}"


def target_mask(groups: Iterable[str]) -> int:
    """The bit mask of target groups stored in ``OfferCell.target_mask``."""
    wanted = set(groups)
    return sum(1 << index for index, value in enumerate(TargetGroup.values) if value in wanted)
