"""Workforce capacity (arbeidscapaciteit): drivers, labour intensities, innovations, supply and scenarios.

Every figure states its source; figures entered as examples carry ``is_example`` and are shown as
"voorbeeldcijfers", never as real statistics.
"""

from __future__ import annotations

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from wattwijs.core.models import Region, Theme

FIRST_YEAR = 2026
LAST_YEAR = 2035
YEARS = tuple(range(FIRST_YEAR, LAST_YEAR + 1))


class Occupation(models.Model):
    """An occupation (beroep) the work asks for, e.g. installation technician."""

    code = models.SlugField(_("code"), max_length=60, unique=True)
    name = models.CharField(_("name"), max_length=120)
    position = models.PositiveSmallIntegerField(_("position"), default=0)

    class Meta:
        ordering = ["position", "name"]
        verbose_name = _("occupation (beroep)")
        verbose_name_plural = _("occupations (beroepen)")

    def __str__(self) -> str:
        return self.name


class WorkUnit(models.Model):
    """The unit a work-volume driver counts in, e.g. one heat pump installed; it belongs to one theme."""

    code = models.SlugField(_("code"), max_length=60, unique=True)
    name = models.CharField(_("unit"), max_length=120)
    theme = models.ForeignKey(Theme, verbose_name=_("theme"), on_delete=models.PROTECT, related_name="+")

    class Meta:
        ordering = ["theme__position", "name"]
        verbose_name = _("work unit (eenheid)")
        verbose_name_plural = _("work units (eenheden)")

    def __str__(self) -> str:
        return self.name


class Sourced(models.Model):
    """A figure with its source; example figures are labelled "voorbeeldcijfers"."""

    source = models.CharField(_("source"), max_length=300)
    is_example = models.BooleanField(_("example figure (voorbeeldcijfer)"), default=False)

    class Meta:
        abstract = True


class Driver(Sourced):
    """A work-volume driver: how many units of work a region has in a theme in one year."""

    region = models.ForeignKey(Region, verbose_name=_("region"), on_delete=models.CASCADE, related_name="+")
    theme = models.ForeignKey(Theme, verbose_name=_("theme"), on_delete=models.CASCADE, related_name="+")
    unit = models.ForeignKey(WorkUnit, verbose_name=_("unit"), on_delete=models.CASCADE, related_name="drivers")
    year = models.PositiveSmallIntegerField(
        _("year"), validators=[MinValueValidator(FIRST_YEAR), MaxValueValidator(LAST_YEAR)]
    )
    volume = models.FloatField(_("volume"), validators=[MinValueValidator(0)])

    class Meta:
        ordering = ["region__code", "theme__position", "unit__name", "year"]
        verbose_name = _("work-volume driver")
        verbose_name_plural = _("work-volume drivers")
        constraints = [
            models.UniqueConstraint(fields=["region", "unit", "year"], name="capacity_driver_once_per_year"),
            models.CheckConstraint(condition=Q(volume__gte=0), name="capacity_driver_volume_not_negative"),
        ]

    def __str__(self) -> str:
        return f"{self.region_id} {self.unit} {self.year}: {self.volume}"


class LabourIntensity(Sourced):
    """Hours of one occupation per unit of work."""

    unit = models.ForeignKey(WorkUnit, verbose_name=_("unit"), on_delete=models.CASCADE, related_name="intensities")
    occupation = models.ForeignKey(
        Occupation, verbose_name=_("occupation"), on_delete=models.CASCADE, related_name="intensities"
    )
    hours = models.FloatField(_("hours per unit"), validators=[MinValueValidator(0)])

    class Meta:
        ordering = ["unit__name", "occupation__position"]
        verbose_name = _("labour intensity (arbeidsintensiteit)")
        verbose_name_plural = _("labour intensities (arbeidsintensiteiten)")
        constraints = [
            models.UniqueConstraint(fields=["unit", "occupation"], name="capacity_intensity_once_per_pair"),
            models.CheckConstraint(condition=Q(hours__gte=0), name="capacity_intensity_hours_not_negative"),
        ]

    def __str__(self) -> str:
        return f"{self.unit} × {self.occupation}: {self.hours}"


class Innovation(Sourced):
    """A smarter work process (prefab, plug-and-play, digital planning …) that saves hours per unit."""

    name = models.CharField(_("name"), max_length=200, unique=True)
    description = models.TextField(_("description"), blank=True)

    class Meta:
        ordering = ["name"]
        verbose_name = _("work-process innovation")
        verbose_name_plural = _("work-process innovations")

    def __str__(self) -> str:
        return self.name


class InnovationSaving(models.Model):
    """Hours an innovation saves one occupation per unit of work."""

    innovation = models.ForeignKey(Innovation, on_delete=models.CASCADE, related_name="savings")
    unit = models.ForeignKey(WorkUnit, verbose_name=_("unit"), on_delete=models.CASCADE, related_name="+")
    occupation = models.ForeignKey(Occupation, verbose_name=_("occupation"), on_delete=models.CASCADE, related_name="+")
    hours_saved = models.FloatField(_("hours saved per unit"), validators=[MinValueValidator(0)])

    class Meta:
        verbose_name = _("saving")
        verbose_name_plural = _("savings")
        constraints = [
            models.UniqueConstraint(fields=["innovation", "unit", "occupation"], name="capacity_saving_once"),
            models.CheckConstraint(condition=Q(hours_saved__gte=0), name="capacity_saving_not_negative"),
        ]

    def __str__(self) -> str:
        return f"{self.innovation_id}: {self.unit_id} × {self.occupation_id}"


class InnovationAdoption(models.Model):
    """The share (percent) of the work that uses an innovation in one year."""

    innovation = models.ForeignKey(Innovation, on_delete=models.CASCADE, related_name="adoption")
    year = models.PositiveSmallIntegerField(
        _("year"), validators=[MinValueValidator(FIRST_YEAR), MaxValueValidator(LAST_YEAR)]
    )
    percent = models.FloatField(_("adoption (%)"), validators=[MinValueValidator(0), MaxValueValidator(100)])

    class Meta:
        ordering = ["year"]
        verbose_name = _("adoption")
        verbose_name_plural = _("adoption")
        constraints = [
            models.UniqueConstraint(fields=["innovation", "year"], name="capacity_adoption_once_per_year"),
            models.CheckConstraint(
                condition=Q(percent__gte=0) & Q(percent__lte=100), name="capacity_adoption_is_a_percentage"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.innovation_id} {self.year}: {self.percent}%"


class Supply(Sourced):
    """The workforce of an occupation in a region now, its yearly outflow rates and other yearly inflow."""

    region = models.ForeignKey(Region, verbose_name=_("region"), on_delete=models.CASCADE, related_name="+")
    occupation = models.ForeignKey(Occupation, verbose_name=_("occupation"), on_delete=models.CASCADE, related_name="+")
    workforce = models.FloatField(_("workforce (FTE)"), validators=[MinValueValidator(0)])
    retirement_rate = models.FloatField(
        _("retirement per year (%)"), validators=[MinValueValidator(0), MaxValueValidator(100)]
    )
    leaving_rate = models.FloatField(
        _("leaving the sector per year (%)"), validators=[MinValueValidator(0), MaxValueValidator(100)]
    )
    other_inflow = models.FloatField(_("other inflow per year (FTE)"), default=0, validators=[MinValueValidator(0)])

    class Meta:
        ordering = ["region__code", "occupation__position"]
        verbose_name = _("workforce supply")
        verbose_name_plural = _("workforce supply")
        constraints = [
            models.UniqueConstraint(fields=["region", "occupation"], name="capacity_supply_once_per_region"),
            models.CheckConstraint(
                condition=Q(workforce__gte=0) & Q(other_inflow__gte=0), name="capacity_supply_not_negative"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.region_id} {self.occupation}: {self.workforce}"


class ScenarioKind(models.TextChoices):
    BASE = "basis", _("Base")
    MORE_TRAINING = "meer-opleiden", _("More training")
    MORE_SWITCHERS = "meer-zij-instroom", _("More career switchers")
    INNOVATION = "innovatie", _("Innovation")
    COMBINED = "gecombineerd", _("Combined")


class Scenario(models.Model):
    """A set of parameters over the shared figures; its computed gap is stored in ``ScenarioResult``."""

    name = models.CharField(_("name"), max_length=200)
    slug = models.SlugField(_("short name in web addresses"), max_length=220, unique=True)
    kind = models.CharField(_("kind"), max_length=20, choices=ScenarioKind.choices, default=ScenarioKind.BASE)
    description = models.TextField(_("description"), blank=True)
    demand_factor = models.FloatField(_("work volume (× drivers)"), default=1.0, validators=[MinValueValidator(0)])
    hours_per_fte = models.FloatField(
        _("productive hours per FTE per year"), default=1500, validators=[MinValueValidator(1)]
    )
    completion_rate = models.FloatField(
        _("school leavers completing and entering the sector (%)"),
        default=70,
        validators=[MinValueValidator(0), MaxValueValidator(100)],
    )
    training_factor = models.FloatField(
        _("training places (× current)"), default=1.0, validators=[MinValueValidator(0)]
    )
    switcher_factor = models.FloatField(
        _("career switchers (× current placements)"), default=1.0, validators=[MinValueValidator(0)]
    )
    outflow_factor = models.FloatField(_("outflow (× current rates)"), default=1.0, validators=[MinValueValidator(0)])
    innovation_factor = models.FloatField(
        _("innovation adoption (× planned, 0 = none)"), default=0.0, validators=[MinValueValidator(0)]
    )
    is_example = models.BooleanField(_("example scenario (voorbeeldcijfers)"), default=False)
    copied_from = models.ForeignKey(
        "self", verbose_name=_("copied from"), null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(_("created at"), default=timezone.now)

    class Meta:
        ordering = ["created_at", "pk"]
        verbose_name = _("scenario")
        verbose_name_plural = _("scenarios")
        constraints = [
            models.CheckConstraint(
                condition=Q(completion_rate__gte=0) & Q(completion_rate__lte=100),
                name="capacity_scenario_completion_is_a_percentage",
            ),
        ]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("capacity:scenario_detail", kwargs={"slug": self.slug})


class ScenarioResult(models.Model):
    """A scenario's computed demand and supply as packed arrays [region, theme, occupation, year]; derived."""

    scenario = models.OneToOneField(Scenario, on_delete=models.CASCADE, related_name="result")
    computed_at = models.DateTimeField(_("computed at"), default=timezone.now)
    axes = models.JSONField(default=dict)  # region ids, theme ids, occupation ids, years
    data = models.BinaryField()
    sensitivity = models.JSONField(default=list)
    sources = models.JSONField(default=list)
    uses_examples = models.BooleanField(default=False)

    class Meta:
        verbose_name = _("scenario result")
        verbose_name_plural = _("scenario results")

    def __str__(self) -> str:
        return f"{self.scenario_id} @ {self.computed_at:%Y-%m-%d %H:%M}"
