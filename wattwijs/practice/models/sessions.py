"""Themasessies (quarterly theme sessions) and the klimaat- en energieagenda (ambitions, actions, progress)."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from wattwijs.core.links import detail_url
from wattwijs.core.models import Organisation, Region
from wattwijs.practice.models.practices import Practice, SuccessFactor


class SessionStatus(models.TextChoices):
    PLANNED = "gepland", _("Planned")
    HELD = "afgelopen", _("Held")
    CANCELLED = "geannuleerd", _("Cancelled")


class ActionStatus(models.TextChoices):
    PLANNED = "gepland", _("Planned")
    ONGOING = "lopend", _("Ongoing")
    DONE = "afgerond", _("Done")
    STOPPED = "gestopt", _("Stopped")


class ThemeSession(models.Model):
    """A themasessie: partners meet around one theme to share practices and success factors."""

    theme = models.CharField(_("theme"), max_length=200)
    date = models.DateField(_("date"))
    start_time = models.TimeField(_("start time"))
    end_time = models.TimeField(_("end time"))
    location = models.CharField(_("location"), max_length=200, blank=True)
    organiser = models.ForeignKey(
        Organisation, verbose_name=_("organiser"), on_delete=models.PROTECT, related_name="theme_sessions"
    )
    # Sanitised HTML.
    agenda = models.TextField(_("agenda"), blank=True)
    participants = models.ManyToManyField(
        Organisation, verbose_name=_("participating organisations"), blank=True, related_name="+"
    )
    practices = models.ManyToManyField(
        Practice, verbose_name=_("practices discussed"), blank=True, related_name="theme_sessions"
    )
    success_factors = models.ManyToManyField(
        SuccessFactor, verbose_name=_("success factors discussed"), blank=True, related_name="theme_sessions"
    )
    status = models.CharField(_("status"), max_length=20, choices=SessionStatus.choices, default=SessionStatus.PLANNED)
    # Sanitised HTML.
    outcomes = models.TextField(_("outcomes"), blank=True)
    is_fictitious = models.BooleanField(_("fictitious"), default=False)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(_("created at"), default=timezone.now)
    updated_at = models.DateTimeField(_("changed at"), default=timezone.now)

    class Meta:
        ordering = ["date", "start_time", "pk"]
        verbose_name = _("theme session")
        verbose_name_plural = _("theme sessions")
        indexes = [models.Index(fields=["date", "start_time"], name="practice_session_date_idx")]
        constraints = [
            models.CheckConstraint(condition=Q(end_time__gt=F("start_time")), name="practice_session_ends_after_start")
        ]

    def __str__(self) -> str:
        return self.theme

    def get_absolute_url(self) -> str:
        return detail_url("practice:session_detail", "pk", self.pk)

    @property
    def is_cancelled(self) -> bool:
        return self.status == SessionStatus.CANCELLED


class SessionAction(models.Model):
    """An action agreed in a themasessie, with the organisation that owns it."""

    session = models.ForeignKey(ThemeSession, on_delete=models.CASCADE, related_name="actions")
    description = models.CharField(_("description"), max_length=500)
    owner = models.ForeignKey(Organisation, verbose_name=_("owner"), on_delete=models.PROTECT, related_name="+")
    due_date = models.DateField(_("due date"), null=True, blank=True)
    status = models.CharField(_("status"), max_length=20, choices=ActionStatus.choices, default=ActionStatus.PLANNED)
    position = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["position", "pk"]
        verbose_name = _("session action")
        verbose_name_plural = _("session actions")

    def __str__(self) -> str:
        return self.description


class AmbitionLevel(models.TextChoices):
    SCHOOL = "school", _("School")
    REGION = "regio", _("Region")
    NATIONAL = "landelijk", _("National")


class Sector(models.TextChoices):
    MBO = "mbo", _("mbo")
    VMBO = "vmbo", _("vmbo")
    BOTH = "beide", _("mbo and vmbo")


class Ambition(models.Model):
    """An ambition of the klimaat- en energieagenda: a goal with an indicator, a target value and a deadline."""

    level = models.CharField(_("level"), max_length=20, choices=AmbitionLevel.choices)
    school = models.ForeignKey(
        Organisation,
        verbose_name=_("school"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="school_ambitions",
    )
    region = models.ForeignKey(
        Region, verbose_name=_("region"), null=True, blank=True, on_delete=models.PROTECT, related_name="ambitions"
    )
    sector = models.CharField(_("sector"), max_length=10, choices=Sector.choices)
    goal = models.CharField(_("goal"), max_length=300)
    indicator = models.CharField(_("indicator"), max_length=200)
    unit = models.CharField(_("unit"), max_length=60, blank=True)
    baseline = models.DecimalField(_("baseline"), max_digits=12, decimal_places=2)
    target_value = models.DecimalField(_("target value"), max_digits=12, decimal_places=2)
    deadline = models.DateField(_("deadline"))
    owner = models.ForeignKey(
        Organisation, verbose_name=_("owner organisation"), on_delete=models.PROTECT, related_name="ambitions"
    )
    is_fictitious = models.BooleanField(_("fictitious"), default=False)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(_("created at"), default=timezone.now)
    updated_at = models.DateTimeField(_("changed at"), default=timezone.now)

    class Meta:
        ordering = ["deadline", "goal", "pk"]
        verbose_name = _("ambition")
        verbose_name_plural = _("ambitions")
        constraints = [
            models.CheckConstraint(
                condition=~Q(level="school") | Q(school__isnull=False), name="practice_school_ambition_has_school"
            ),
            models.CheckConstraint(
                condition=~Q(level="regio") | Q(region__isnull=False), name="practice_region_ambition_has_region"
            ),
        ]

    def __str__(self) -> str:
        return self.goal

    def get_absolute_url(self) -> str:
        return detail_url("practice:ambition_detail", "pk", self.pk)


class AmbitionAction(models.Model):
    """An action towards an ambition, with the organisation that carries it out."""

    ambition = models.ForeignKey(Ambition, on_delete=models.CASCADE, related_name="actions")
    description = models.CharField(_("description"), max_length=500)
    owner = models.ForeignKey(Organisation, verbose_name=_("owner"), on_delete=models.PROTECT, related_name="+")
    status = models.CharField(_("status"), max_length=20, choices=ActionStatus.choices, default=ActionStatus.PLANNED)
    created_at = models.DateTimeField(_("created at"), default=timezone.now)

    class Meta:
        ordering = ["created_at", "pk"]
        verbose_name = _("ambition action")
        verbose_name_plural = _("ambition actions")

    def __str__(self) -> str:
        return self.description


class ProgressUpdate(models.Model):
    """The value of an ambition's indicator on a date."""

    ambition = models.ForeignKey(Ambition, on_delete=models.CASCADE, related_name="progress_updates")
    measured_on = models.DateField(_("date"))
    value = models.DecimalField(_("value"), max_digits=12, decimal_places=2)
    note = models.CharField(_("note"), max_length=500, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        ordering = ["measured_on", "pk"]
        verbose_name = _("progress update")
        verbose_name_plural = _("progress updates")
        indexes = [models.Index(fields=["ambition", "-measured_on"], name="practice_progress_latest_idx")]

    def __str__(self) -> str:
        return f"{self.measured_on}: {self.value}"
