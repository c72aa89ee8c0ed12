"""Self-assessments of regional partnerships against the toolkit, and navolging: who follows which practice."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from wattwijs.core.models import Organisation, Region
from wattwijs.practice.models.practices import Practice, SuccessFactor

SCORE_MIN = 0
SCORE_MAX = 3


class SelfAssessment(models.Model):
    """A regional partnership scores itself on every success factor of the toolkit on one date."""

    region = models.ForeignKey(
        Region, verbose_name=_("region"), on_delete=models.PROTECT, related_name="practice_self_assessments"
    )
    assessed_on = models.DateField(_("date"))
    assessed_by = models.ForeignKey(
        Organisation, verbose_name=_("assessed by"), on_delete=models.PROTECT, related_name="+"
    )
    is_fictitious = models.BooleanField(_("fictitious"), default=False)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(_("created at"), default=timezone.now)

    class Meta:
        ordering = ["region", "-assessed_on", "-pk"]
        verbose_name = _("self-assessment")
        verbose_name_plural = _("self-assessments")
        indexes = [models.Index(fields=["region", "-assessed_on", "-id"], name="practice_assessment_latest_idx")]

    def __str__(self) -> str:
        return f"{self.region} {self.assessed_on:%d-%m-%Y}"


class AssessmentScore(models.Model):
    """The score (0 to 3) of one success factor in one self-assessment, with the partnership's notes."""

    assessment = models.ForeignKey(SelfAssessment, on_delete=models.CASCADE, related_name="scores")
    factor = models.ForeignKey(
        SuccessFactor, verbose_name=_("success factor"), on_delete=models.PROTECT, related_name="assessment_scores"
    )
    score = models.PositiveSmallIntegerField(_("score"))
    notes = models.TextField(_("notes"), blank=True)

    class Meta:
        ordering = ["factor__position", "pk"]
        verbose_name = _("score")
        verbose_name_plural = _("scores")
        constraints = [
            models.CheckConstraint(
                condition=Q(score__gte=SCORE_MIN) & Q(score__lte=SCORE_MAX), name="practice_score_from_0_to_3"
            ),
            models.UniqueConstraint(fields=["assessment", "factor"], name="practice_score_once_per_factor"),
        ]

    def __str__(self) -> str:
        return f"{self.factor_id}: {self.score}"


class AdoptionStatus(models.TextChoices):
    INTEREST = "interesse", _("Interested")
    PREPARING = "in-voorbereiding", _("In preparation")
    STARTED = "gestart", _("Started")
    EMBEDDED = "geborgd", _("Embedded")
    STOPPED = "gestopt", _("Stopped")


class Adoption(models.Model):
    """Navolging: a region (optionally one organisation in it) follows a practice of another region."""

    practice = models.ForeignKey(
        Practice, verbose_name=_("practice example"), on_delete=models.CASCADE, related_name="adoptions"
    )
    region = models.ForeignKey(
        Region, verbose_name=_("following region"), on_delete=models.PROTECT, related_name="practice_adoptions"
    )
    organisation = models.ForeignKey(
        Organisation,
        verbose_name=_("following organisation"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="practice_adoptions",
    )
    status = models.CharField(_("status"), max_length=20, choices=AdoptionStatus.choices)
    adapted = models.TextField(_("what was adapted"), blank=True)
    contact_name = models.CharField(_("contact person"), max_length=120, blank=True)
    contact_email = models.EmailField(_("contact e-mail"), blank=True)
    started_on = models.DateField(_("started on"), null=True, blank=True)
    is_fictitious = models.BooleanField(_("fictitious"), default=False)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(_("created at"), default=timezone.now)
    updated_at = models.DateTimeField(_("changed at"), default=timezone.now)

    class Meta:
        ordering = ["region__name", "pk"]
        verbose_name = _("adoption")
        verbose_name_plural = _("adoptions")
        indexes = [models.Index(fields=["practice", "status"], name="practice_adoption_status_idx")]
        constraints = [models.UniqueConstraint(fields=["practice", "region"], name="practice_adoption_once_per_region")]

    def __str__(self) -> str:
        return f"{self.region} – {self.practice_id} ({self.get_status_display()})"


class AdoptionStatusChange(models.Model):
    """One step in an adoption's history: its status from ``changed_at`` on."""

    adoption = models.ForeignKey(Adoption, on_delete=models.CASCADE, related_name="status_changes")
    status = models.CharField(_("status"), max_length=20, choices=AdoptionStatus.choices)
    changed_at = models.DateTimeField(_("changed at"), default=timezone.now)
    changed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        ordering = ["changed_at", "pk"]
        verbose_name = _("status change")
        verbose_name_plural = _("status changes")

    def __str__(self) -> str:
        return f"{self.adoption_id}: {self.status}"


class PracticeFollow(models.Model):
    """A user follows a practice and gets an e-mail digest of its updates."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="practice_follows")
    practice = models.ForeignKey(Practice, on_delete=models.CASCADE, related_name="follows")
    created_at = models.DateTimeField(_("created at"), default=timezone.now)
    last_sent_at = models.DateTimeField(_("last digest sent at"), default=timezone.now)

    class Meta:
        ordering = ["pk"]
        verbose_name = _("followed practice")
        verbose_name_plural = _("followed practices")
        constraints = [models.UniqueConstraint(fields=["user", "practice"], name="practice_follow_once")]

    def __str__(self) -> str:
        return f"{self.user_id} → {self.practice_id}"
