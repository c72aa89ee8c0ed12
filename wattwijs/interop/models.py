"""Harvesting: the repositories WattWijs harvests learning materials from, and what each harvest did."""

from __future__ import annotations

from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from wattwijs.core.models import Organisation


class MetadataPrefix(models.TextChoices):
    LOM = "lom", _("NL-LOM (lom)")
    OAI_DC = "oai_dc", _("Dublin Core (oai_dc)")


class HarvestSource(models.Model):
    """A repository whose OAI-PMH records become harvested materials, published for ``organisation``."""

    class Schedule(models.TextChoices):
        MANUAL = "manual", _("only when started by hand")
        DAILY = "daily", _("every day")
        WEEKLY = "weekly", _("every week")

    name = models.CharField(_("name"), max_length=120)
    base_url = models.URLField(_("OAI-PMH address"), max_length=500)
    metadata_prefix = models.CharField(
        _("metadata format"), max_length=20, choices=MetadataPrefix.choices, default=MetadataPrefix.LOM
    )
    set_spec = models.CharField(_("set"), max_length=200, blank=True)
    organisation = models.ForeignKey(
        Organisation, verbose_name=_("publisher"), on_delete=models.PROTECT, related_name="harvest_sources"
    )
    active = models.BooleanField(_("active"), default=True)
    schedule = models.CharField(_("schedule"), max_length=20, choices=Schedule.choices, default=Schedule.DAILY)
    created_at = models.DateTimeField(_("created at"), default=timezone.now)

    class Meta:
        ordering = ["name", "pk"]
        verbose_name = _("harvest source")
        verbose_name_plural = _("harvest sources")
        constraints = [
            models.UniqueConstraint(
                fields=["base_url", "metadata_prefix", "set_spec"], name="interop_harvest_source_unique"
            )
        ]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("interop:harvest_source_detail", kwargs={"pk": self.pk})


class HarvestRun(models.Model):
    """One harvest of a source, with its counts; the records it could not store are its errors."""

    class Status(models.TextChoices):
        QUEUED = "queued", _("queued")
        RUNNING = "running", _("running")
        FINISHED = "finished", _("finished")
        FAILED = "failed", _("stopped with an error")

    source = models.ForeignKey(HarvestSource, verbose_name=_("source"), on_delete=models.CASCADE, related_name="runs")
    status = models.CharField(_("status"), max_length=20, choices=Status.choices, default=Status.QUEUED)
    harvest_from = models.DateTimeField(_("changed since"), null=True, blank=True)
    started_at = models.DateTimeField(_("started at"), default=timezone.now)
    finished_at = models.DateTimeField(_("finished at"), null=True, blank=True)
    # Set when the run starts and on every page it reads; a run without one for too long is abandoned.
    heartbeat_at = models.DateTimeField(_("last sign of progress"), null=True, blank=True)
    added = models.PositiveIntegerField(_("added"), default=0)
    updated = models.PositiveIntegerField(_("updated"), default=0)
    unchanged = models.PositiveIntegerField(_("unchanged"), default=0)
    deleted = models.PositiveIntegerField(_("withdrawn"), default=0)
    failed = models.PositiveIntegerField(_("failed"), default=0)
    message = models.TextField(_("message"), blank=True)

    class Meta:
        ordering = ["-started_at", "-pk"]
        verbose_name = _("harvest")
        verbose_name_plural = _("harvests")

    def __str__(self) -> str:
        return f"{self.source} {self.started_at:%Y-%m-%d %H:%M}"


class HarvestError(models.Model):
    """A record a harvest reported and skipped, with the reason in words."""

    run = models.ForeignKey(HarvestRun, verbose_name=_("harvest"), on_delete=models.CASCADE, related_name="errors")
    identifier = models.CharField(_("OAI identifier"), max_length=300, blank=True)
    message = models.TextField(_("problem"))

    class Meta:
        ordering = ["run", "pk"]
        verbose_name = _("harvest error")
        verbose_name_plural = _("harvest errors")

    def __str__(self) -> str:
        return f"{self.identifier}: {self.message}"
