"""Matching: per-chain weights of the score's parts and the coordinators' decisions on proposals."""

from __future__ import annotations

from django.conf import settings
from django.core.validators import MaxValueValidator
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from wattwijs.pathways.models import Candidate, Chain, LearningPlace, Placement

WEIGHT_VALIDATORS = [MaxValueValidator(10)]


class MatchWeights(models.Model):
    """How much each part counts in a chain's match score (0 to 10 each; the score is the weighted mean)."""

    chain = models.OneToOneField(Chain, verbose_name=_("chain"), on_delete=models.CASCADE, related_name="match_weights")
    competences = models.PositiveSmallIntegerField(
        _("work processes already mastered"), default=5, validators=WEIGHT_VALIDATORS
    )
    theme = models.PositiveSmallIntegerField(_("theme of interest"), default=2, validators=WEIGHT_VALIDATORS)
    distance = models.PositiveSmallIntegerField(_("travel distance"), default=2, validators=WEIGHT_VALIDATORS)
    level = models.PositiveSmallIntegerField(_("level"), default=1, validators=WEIGHT_VALIDATORS)
    hours = models.PositiveSmallIntegerField(_("hours a week"), default=1, validators=WEIGHT_VALIDATORS)
    start = models.PositiveSmallIntegerField(_("start date"), default=1, validators=WEIGHT_VALIDATORS)
    updated_at = models.DateTimeField(_("changed at"), default=timezone.now)
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("changed by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    PARTS = ("competences", "theme", "distance", "level", "hours", "start")

    class Meta:
        verbose_name = _("match weights")
        verbose_name_plural = _("match weights")

    def __str__(self) -> str:
        return str(self.chain)

    def as_dict(self) -> dict[str, int]:
        return {part: int(getattr(self, part)) for part in self.PARTS}


class Decision(models.TextChoices):
    CONFIRMED = "bevestigd", _("Confirmed")
    REJECTED = "afgewezen", _("Rejected")


class MatchDecision(models.Model):
    """A coordinator's decision on a proposed candidate-place pair: who, when, why, and the score they saw."""

    chain = models.ForeignKey(Chain, on_delete=models.CASCADE, related_name="match_decisions")
    candidate = models.ForeignKey(
        Candidate, null=True, blank=True, on_delete=models.SET_NULL, related_name="match_decisions"
    )
    learning_place = models.ForeignKey(
        LearningPlace, verbose_name=_("learning place"), on_delete=models.CASCADE, related_name="match_decisions"
    )
    decision = models.CharField(_("decision"), max_length=20, choices=Decision.choices)
    reason = models.CharField(_("why"), max_length=500)
    score = models.FloatField(_("score"), null=True, blank=True)
    placement = models.ForeignKey(
        Placement, null=True, blank=True, on_delete=models.SET_NULL, related_name="match_decisions"
    )
    decided_at = models.DateTimeField(_("decided at"), default=timezone.now)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("decided by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    class Meta:
        ordering = ["-decided_at", "-pk"]
        verbose_name = _("match decision")
        verbose_name_plural = _("match decisions")
        indexes = [models.Index(fields=["candidate", "learning_place"], name="matching_decision_pair_idx")]

    def __str__(self) -> str:
        return f"{self.get_decision_display()}: {self.learning_place_id}"


class SavedRouteAdvice(models.Model):
    """A route advice saved to a candidate's file: what it said on that day, as plain values."""

    candidate = models.ForeignKey(
        Candidate, verbose_name=_("candidate"), on_delete=models.CASCADE, related_name="route_advice"
    )
    goal = models.CharField(_("goal"), max_length=300)
    covered = models.JSONField(_("work processes already covered"), default=list)
    missing = models.JSONField(_("work processes still to learn"), default=list)
    offers = models.JSONField(_("training offers"), default=list)
    hours = models.FloatField(_("study hours"), default=0)
    uncoverable = models.JSONField(_("work processes no training covers"), default=list)
    approximate = models.BooleanField(
        _("approximation"), default=False, help_text=_("The offers are a good choice, not proven the cheapest.")
    )
    saved_at = models.DateTimeField(_("saved at"), default=timezone.now)
    saved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("saved by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    class Meta:
        ordering = ["-saved_at", "-pk"]
        verbose_name = _("saved route advice")
        verbose_name_plural = _("saved route advice")

    def __str__(self) -> str:
        return self.goal
