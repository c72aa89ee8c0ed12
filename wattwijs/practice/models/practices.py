"""Praktijkvoorbeelden (practices), energy innovation projects and the success-factor toolkit."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from wattwijs.core.links import detail_url
from wattwijs.core.models import Organisation, Region, Theme
from wattwijs.library.models import Resource
from wattwijs.training.models import TrainingOffer


class ChainStep(models.TextChoices):
    """The steps of the zij-instroom chain, "from intake up to and including aftercare", in their order."""

    RECRUITMENT = "werving", _("Recruitment")
    INTAKE = "intake", _("Intake")
    ORIENTATION = "orientatie", _("Orientation")
    MATCHING = "matching", _("Matching")
    TRAINING = "opleiding", _("Training")
    COACHING = "begeleiding", _("Coaching")
    PLACEMENT = "plaatsing", _("Placement")
    AFTERCARE = "nazorg", _("Aftercare")
    CHAIN_COORDINATION = "ketenregie", _("Chain coordination")


CHAIN_STEP_ORDER = {step: position for position, step in enumerate(ChainStep.values)}


class PublicationStatus(models.TextChoices):
    DRAFT = "concept", _("Draft")
    PUBLISHED = "gepubliceerd", _("Published")
    ARCHIVED = "gearchiveerd", _("Archived")


class PracticeTargetGroup(models.TextChoices):
    JOB_SEEKERS = "werkzoekenden", _("Job seekers")
    CAREER_SWITCHERS = "zij-instromers", _("Career switchers")
    SCHOOL_LEAVERS = "schoolverlaters", _("School leavers")
    WORKERS = "werkenden", _("Workers")
    NEWCOMERS = "nieuwkomers", _("Newcomers (status holders)")
    STUDENTS = "studenten", _("Students (mbo and vmbo)")


class PartnerRole(models.TextChoices):
    CLIENT = "opdrachtgever", _("Client")
    EMPLOYER = "werkgever", _("Employer or training company")
    SCHOOL = "school", _("School")
    MUNICIPALITY = "gemeente", _("Municipality")
    RECRUITMENT = "werving", _("Recruits participants")
    COACHING = "begeleiding", _("Coaches participants")
    FUNDING = "financier", _("Funds")
    CHAIN_COORDINATOR = "ketenregisseur", _("Coordinates the chain")
    OTHER = "anders", _("Other")


class ResultIndicator(models.TextChoices):
    STARTED = "gestart", _("Started")
    CERTIFIED = "gecertificeerd", _("Certified")
    PLACED = "geplaatst", _("Placed")
    WORKING_AFTER_12_MONTHS = "werkend-12-maanden", _("Still working after 12 months")
    DROPPED_OUT = "uitval", _("Dropped out")


class SuccessFactor(models.Model):
    """A success factor of the toolkit: what makes zij-instroom work at one step of the chain."""

    code = models.SlugField(_("code"), max_length=80, unique=True)
    name = models.CharField(_("name"), max_length=160)
    chain_step = models.CharField(_("chain step"), max_length=20, choices=ChainStep.choices)
    explanation = models.TextField(_("explanation"))
    position = models.PositiveSmallIntegerField(_("position"), default=0)
    is_fictitious = models.BooleanField(_("fictitious"), default=False)

    class Meta:
        ordering = ["position", "name"]
        verbose_name = _("success factor")
        verbose_name_plural = _("success factors")

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        """The factor's place on the toolkit page."""
        return f"{reverse('practice:toolkit')}#{self.code}"


class Practice(models.Model):
    """A praktijkvoorbeeld: a working regional approach, described so that others can copy it."""

    title = models.CharField(_("title"), max_length=200)
    slug = models.SlugField(_("short name in web addresses"), max_length=220, unique=True)
    summary = models.TextField(_("summary"), blank=True)
    region = models.ForeignKey(Region, verbose_name=_("region"), on_delete=models.PROTECT, related_name="practices")
    owner = models.ForeignKey(
        Organisation, verbose_name=_("owner organisation"), on_delete=models.PROTECT, related_name="practices"
    )
    target_group = models.CharField(_("target group"), max_length=20, choices=PracticeTargetGroup.choices)
    themes = models.ManyToManyField(Theme, verbose_name=_("themes"), blank=True, related_name="practices")
    # The approach in the parts a copier needs; sanitised HTML.
    approach_recruitment = models.TextField(_("recruitment"), blank=True)
    approach_training_format = models.TextField(_("training format"), blank=True)
    approach_coaching = models.TextField(_("coaching"), blank=True)
    approach_funding = models.TextField(_("funding"), blank=True)
    approach_embedding = models.TextField(_("embedding (borging)"), blank=True)
    lessons = models.TextField(_("lessons learned"), blank=True)
    success_factors = models.ManyToManyField(
        SuccessFactor, verbose_name=_("success factors"), blank=True, related_name="practices"
    )
    resources = models.ManyToManyField(
        Resource, verbose_name=_("learning materials"), blank=True, related_name="practices"
    )
    training_offers = models.ManyToManyField(
        TrainingOffer, verbose_name=_("training offers"), blank=True, related_name="practices"
    )
    contact_name = models.CharField(_("contact person"), max_length=120, blank=True)
    contact_email = models.EmailField(_("contact e-mail"), blank=True)
    contact_phone = models.CharField(_("contact telephone"), max_length=30, blank=True)
    status = models.CharField(
        _("status"), max_length=20, choices=PublicationStatus.choices, default=PublicationStatus.DRAFT
    )
    published_at = models.DateTimeField(_("published at"), null=True, blank=True)
    is_fictitious = models.BooleanField(_("fictitious"), default=False)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(_("created at"), default=timezone.now)
    updated_at = models.DateTimeField(_("changed at"), default=timezone.now)

    class Meta:
        ordering = ["title", "pk"]
        verbose_name = _("practice example")
        verbose_name_plural = _("practice examples")
        indexes = [
            models.Index(fields=["status", "title", "id"], name="practice_status_title_idx"),
            models.Index(fields=["status", "region"], name="practice_status_region_idx"),
        ]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return detail_url("practice:practice_detail", "slug", self.slug)

    @property
    def is_published(self) -> bool:
        return self.status == PublicationStatus.PUBLISHED


class PracticePartner(models.Model):
    """A partner in a practice and its role: a known organisation, or a name when it is not on the platform."""

    practice = models.ForeignKey(Practice, on_delete=models.CASCADE, related_name="partners")
    organisation = models.ForeignKey(
        Organisation, verbose_name=_("organisation"), null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    name = models.CharField(_("name"), max_length=200, blank=True)
    role = models.CharField(_("role"), max_length=20, choices=PartnerRole.choices)
    contribution = models.CharField(_("what they do"), max_length=300, blank=True)
    position = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["position", "pk"]
        verbose_name = _("partner")
        verbose_name_plural = _("partners")
        constraints = [
            models.CheckConstraint(
                condition=Q(organisation__isnull=False) | ~Q(name=""), name="practice_partner_has_organisation_or_name"
            )
        ]

    def __str__(self) -> str:
        return f"{self.display_name} ({self.get_role_display()})"

    @property
    def display_name(self) -> str:
        return self.organisation.name if self.organisation_id and self.organisation else self.name


# A result counts people: more than this is a typing error, and it keeps within every engine's integer column.
MAX_RESULT_VALUE = 1_000_000


class PracticeResult(models.Model):
    """One measured result of a practice on a date, e.g. 12 placed on 1 March 2026."""

    practice = models.ForeignKey(Practice, on_delete=models.CASCADE, related_name="results")
    measured_on = models.DateField(_("date"))
    indicator = models.CharField(_("indicator"), max_length=20, choices=ResultIndicator.choices)
    value = models.PositiveIntegerField(_("number of people"))

    class Meta:
        ordering = ["measured_on", "indicator"]
        verbose_name = _("result")
        verbose_name_plural = _("results")
        constraints = [
            models.UniqueConstraint(
                fields=["practice", "measured_on", "indicator"], name="practice_result_once_per_date_and_indicator"
            )
        ]

    def __str__(self) -> str:
        return f"{self.measured_on}: {self.get_indicator_display()} {self.value}"


class InnovationProject(models.Model):
    """An energy innovation project used as a learning environment, with what others can learn from it."""

    title = models.CharField(_("title"), max_length=200)
    slug = models.SlugField(_("short name in web addresses"), max_length=220, unique=True)
    owner = models.ForeignKey(
        Organisation, verbose_name=_("owner organisation"), on_delete=models.PROTECT, related_name="innovation_projects"
    )
    region = models.ForeignKey(
        Region, verbose_name=_("region"), on_delete=models.PROTECT, related_name="innovation_projects"
    )
    themes = models.ManyToManyField(Theme, verbose_name=_("themes"), blank=True, related_name="innovation_projects")
    learning_question = models.TextField(_("learning question or hypothesis"))
    setup = models.TextField(_("set-up"), blank=True)
    schools = models.ManyToManyField(
        Organisation, verbose_name=_("participating schools"), blank=True, related_name="innovation_projects_as_school"
    )
    companies = models.ManyToManyField(
        Organisation,
        verbose_name=_("participating companies"),
        blank=True,
        related_name="innovation_projects_as_company",
    )
    student_count = models.PositiveIntegerField(_("number of students"), null=True, blank=True)
    period_start = models.DateField(_("start"))
    period_end = models.DateField(_("end"), null=True, blank=True)
    measurements = models.TextField(_("measurements"), blank=True)
    findings = models.TextField(_("findings"), blank=True)
    lessons = models.TextField(_("what others can learn"), blank=True)
    next_steps = models.TextField(_("next steps"), blank=True)
    grew_into = models.ForeignKey(
        Practice,
        verbose_name=_("grew into the practice"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="grown_from",
    )
    contact_name = models.CharField(_("contact person"), max_length=120, blank=True)
    contact_email = models.EmailField(_("contact e-mail"), blank=True)
    status = models.CharField(
        _("status"), max_length=20, choices=PublicationStatus.choices, default=PublicationStatus.DRAFT
    )
    published_at = models.DateTimeField(_("published at"), null=True, blank=True)
    is_fictitious = models.BooleanField(_("fictitious"), default=False)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(_("created at"), default=timezone.now)
    updated_at = models.DateTimeField(_("changed at"), default=timezone.now)

    class Meta:
        ordering = ["-period_start", "title", "pk"]
        verbose_name = _("innovation project")
        verbose_name_plural = _("innovation projects")
        indexes = [models.Index(fields=["status", "-period_start"], name="practice_project_status_idx")]
        constraints = [
            models.CheckConstraint(
                condition=Q(period_end__isnull=True) | Q(period_end__gte=F("period_start")),
                name="practice_project_end_after_start",
            )
        ]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return detail_url("practice:project_detail", "slug", self.slug)

    @property
    def is_published(self) -> bool:
        return self.status == PublicationStatus.PUBLISHED
