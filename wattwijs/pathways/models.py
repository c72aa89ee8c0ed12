"""The Transitiehuis: a regional chain that takes career switchers (zij-instromers) from intake to aftercare.

Personal data lives on ``Candidate`` and the records that hang from it. No BSN and no health data fields
exist. The stage history (``StageTransition``), placements and aftercare outcomes outlive a candidate's
personal data as anonymous rows, so the dashboard keeps its figures after a purge or an erasure.
"""

from __future__ import annotations

import uuid

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator, RegexValidator
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from wattwijs.core.models import Organisation, Region, Theme


class Stage(models.TextChoices):
    """Where a candidate is in the route. The first eight share their code with the chain ``Step`` for them."""

    REGISTERED = "aanmelding", _("Registration")
    INTAKE = "intake", _("Intake")
    ORIENTATION = "orientatie", _("Orientation")
    MATCHING = "matching", _("Matching")
    TRAINING = "opleiding", _("Training")
    COACHING = "begeleiding", _("Coaching")
    PLACEMENT = "plaatsing", _("Placement")
    AFTERCARE = "nazorg", _("Aftercare")
    COMPLETED = "afgerond", _("Completed")
    DROPPED_OUT = "uitgevallen", _("Dropped out")


ROUTE = [
    Stage.REGISTERED,
    Stage.INTAKE,
    Stage.ORIENTATION,
    Stage.MATCHING,
    Stage.TRAINING,
    Stage.COACHING,
    Stage.PLACEMENT,
    Stage.AFTERCARE,
    Stage.COMPLETED,
]
END_STAGES = (Stage.COMPLETED, Stage.DROPPED_OUT)


class Step(models.TextChoices):
    """The work a partner takes on in the chain; a step covers the candidates in the stage of the same code."""

    RECRUITMENT = "aanmelding", _("Recruitment")
    INTAKE = "intake", _("Intake")
    ORIENTATION = "orientatie", _("Orientation")
    MATCHING = "matching", _("Matching")
    TRAINING = "opleiding", _("Training")
    COACHING = "begeleiding", _("Coaching")
    PLACEMENT = "plaatsing", _("Placement")
    AFTERCARE = "nazorg", _("Aftercare")


class DropoutReason(models.TextChoices):
    WORK_ELSEWHERE = "ander-werk", _("Found work elsewhere")
    NOT_SUITABLE = "past-niet", _("The work does not suit them")
    PERSONAL = "persoonlijk", _("Personal circumstances")
    TRAINING_TOO_HARD = "opleiding-te-zwaar", _("Training too demanding")
    NO_PLACE = "geen-plek", _("No suitable learning place")
    NO_CONTACT = "geen-contact", _("No longer reachable")
    OTHER = "anders", _("Other reason")


class ReferralSource(models.TextChoices):
    UWV = "uwv", _("UWV")
    MUNICIPALITY = "gemeente", _("Municipality")
    SELF = "zelf", _("Self")
    COMPANY = "bedrijf", _("Company")
    SCHOOL = "school", _("School")


class Chain(models.Model):
    """A Transitiehuis: the partners of one region that recruit, train, coach and place career switchers."""

    name = models.CharField(_("name"), max_length=200)
    slug = models.SlugField(_("short name in web addresses"), max_length=220, unique=True)
    region = models.ForeignKey(Region, verbose_name=_("region"), on_delete=models.PROTECT, related_name="chains")
    coordinating_organisation = models.ForeignKey(
        Organisation,
        verbose_name=_("coordinating partner (ketenregie)"),
        on_delete=models.PROTECT,
        related_name="coordinated_chains",
    )
    description = models.TextField(_("description"), blank=True)
    is_fictitious = models.BooleanField(_("fictitious"), default=False)
    created_at = models.DateTimeField(_("created at"), default=timezone.now)

    class Meta:
        ordering = ["name"]
        verbose_name = _("Transitiehuis (chain)")
        verbose_name_plural = _("Transitiehuizen (chains)")

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("pathways:chain_detail", kwargs={"slug": self.slug})


class ChainStep(models.Model):
    """One partner organisation taking on one step of the chain."""

    chain = models.ForeignKey(Chain, verbose_name=_("chain"), on_delete=models.CASCADE, related_name="steps")
    organisation = models.ForeignKey(
        Organisation, verbose_name=_("partner"), on_delete=models.CASCADE, related_name="chain_steps"
    )
    step = models.CharField(_("step"), max_length=20, choices=Step.choices)

    class Meta:
        ordering = ["chain", "step", "organisation__name"]
        verbose_name = _("chain step")
        verbose_name_plural = _("chain steps")
        constraints = [
            models.UniqueConstraint(fields=["chain", "organisation", "step"], name="pathways_chainstep_once"),
        ]

    def __str__(self) -> str:
        return f"{self.chain} – {self.organisation} – {self.get_step_display()}"


class CompetenceSource(models.TextChoices):
    SELF_REPORTED = "zelf", _("Self-reported")
    ASSESSED = "getoetst", _("Assessed")


POSTCODE_DIGITS = RegexValidator(r"^[1-9][0-9]{3}$", _("Enter the four digits of the postcode, e.g. 3581."))


class Candidate(models.Model):
    """A career switcher (zij-instromer) in a chain. Holds personal data: every read and write is audited."""

    chain = models.ForeignKey(Chain, verbose_name=_("chain"), on_delete=models.PROTECT, related_name="candidates")
    first_name = models.CharField(_("first name"), max_length=100)
    last_name = models.CharField(_("last name"), max_length=100)
    email = models.EmailField(_("e-mail address"), blank=True)
    phone = models.CharField(_("phone number"), max_length=30, blank=True)
    postcode = models.CharField(
        _("postcode (digits only)"),
        max_length=4,
        validators=[POSTCODE_DIGITS],
        help_text=_("Only the four digits; the letters are not needed."),
    )
    region = models.ForeignKey(Region, verbose_name=_("region"), on_delete=models.PROTECT, related_name="+")
    referral_source = models.CharField(_("referred by"), max_length=20, choices=ReferralSource.choices)
    prior_education = models.TextField(_("prior education"), blank=True)
    work_experience = models.TextField(_("work experience"), blank=True)
    competence_source = models.CharField(
        _("competences are"), max_length=20, choices=CompetenceSource.choices, default=CompetenceSource.SELF_REPORTED
    )
    themes = models.ManyToManyField(Theme, verbose_name=_("themes of interest"), blank=True, related_name="+")
    hours_per_week = models.PositiveSmallIntegerField(
        _("hours a week available"), null=True, blank=True, validators=[MaxValueValidator(60)]
    )
    available_from = models.DateField(_("available from"), null=True, blank=True)
    driving_licence = models.BooleanField(_("has a driving licence"), default=False)
    travel_limit_km = models.PositiveSmallIntegerField(
        _("travels at most (km)"),
        default=25,
        validators=[MaxValueValidator(300)],
        help_text=_("How far the candidate wants to travel to a learning place, in kilometres."),
    )
    languages = models.CharField(_("languages"), max_length=200, blank=True)
    notes = models.TextField(
        _("notes"),
        blank=True,
        help_text=_(
            "Do not record health information or other special personal data (such as religion, "
            "ethnicity or criminal records) here."
        ),
    )
    coach = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("coach"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="coached_candidates",
    )
    stage = models.CharField(_("stage"), max_length=20, choices=Stage.choices, default=Stage.REGISTERED)
    stage_entered_at = models.DateTimeField(_("in this stage since"), default=timezone.now)
    dropout_reason = models.CharField(_("drop-out reason"), max_length=30, choices=DropoutReason.choices, blank=True)
    ended_at = models.DateTimeField(_("route ended at"), null=True, blank=True)
    next_action = models.CharField(_("next action"), max_length=200, blank=True)
    next_action_due = models.DateField(_("next action due"), null=True, blank=True)
    # Optimistic concurrency: every change raises it; a change made on an older version is refused.
    version = models.PositiveIntegerField(_("version"), default=1)
    # The anonymous key of the route: stage history and outcomes keep it after the personal data is gone.
    route_key = models.UUIDField(default=uuid.uuid4, editable=False, unique=True)
    is_fictitious = models.BooleanField(_("fictitious"), default=False)
    created_at = models.DateTimeField(_("registered at"), default=timezone.now)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("registered by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    class Meta:
        ordering = ["last_name", "first_name", "pk"]
        verbose_name = _("candidate")
        verbose_name_plural = _("candidates")
        indexes = [
            # The board ranks each stage's cards by (stage_entered_at, id) from this index alone.
            models.Index(fields=["chain", "stage", "stage_entered_at", "id"], name="pathways_cand_board_rank_idx"),
            models.Index(fields=["coach", "stage"], name="pathways_cand_coach_idx"),
            # The caseload per coach, and the candidate list's count: with the id, every column the
            # permission filter reads is in the index, so the count never reads the table.
            models.Index(fields=["chain", "stage", "coach", "id"], name="pathways_cand_covering_idx"),
            # The list's default order: a page is read from the index without sorting every candidate.
            models.Index(fields=["last_name", "first_name", "id"], name="pathways_cand_name_idx"),
            models.Index(fields=["ended_at"], name="pathways_cand_ended_idx"),
        ]

    def __str__(self) -> str:
        # A reference, never the name: this text ends up in the append-only audit log.
        return _("Candidate %(number)s") % {"number": self.reference}

    def get_absolute_url(self) -> str:
        return reverse("pathways:candidate_detail", kwargs={"pk": self.pk})

    @property
    def reference(self) -> str:
        return f"K-{self.pk:06d}" if self.pk else "K-nieuw"

    @property
    def full_name(self) -> str:
        return f"{self.first_name} {self.last_name}".strip()

    @property
    def is_ended(self) -> bool:
        return self.stage in END_STAGES


class ConsentLevel(models.TextChoices):
    BASIC = "basis", _("Name, stage and contact details")
    FULL = "volledig", _("The whole file")


class Consent(models.Model):
    """A candidate's consent to share their data with named partners for a purpose. Withdrawable."""

    candidate = models.ForeignKey(
        Candidate, verbose_name=_("candidate"), on_delete=models.CASCADE, related_name="consents"
    )
    purpose = models.CharField(_("purpose"), max_length=300)
    given_at = models.DateTimeField(_("given at"), default=timezone.now)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("recorded by"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    withdrawn_at = models.DateTimeField(_("withdrawn at"), null=True, blank=True)
    withdrawn_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("withdrawal recorded by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    class Meta:
        ordering = ["-given_at", "-pk"]
        verbose_name = _("consent")
        verbose_name_plural = _("consents")

    def __str__(self) -> str:
        return f"{self.candidate} – {self.purpose}"

    @property
    def is_active(self) -> bool:
        return self.withdrawn_at is None


class ConsentGrant(models.Model):
    """Which partner organisation may see what under a consent."""

    consent = models.ForeignKey(Consent, on_delete=models.CASCADE, related_name="grants")
    organisation = models.ForeignKey(
        Organisation, verbose_name=_("partner"), on_delete=models.CASCADE, related_name="+"
    )
    level = models.CharField(_("may see"), max_length=20, choices=ConsentLevel.choices, default=ConsentLevel.FULL)

    class Meta:
        verbose_name = _("consent grant")
        verbose_name_plural = _("consent grants")
        constraints = [
            models.UniqueConstraint(fields=["consent", "organisation"], name="pathways_grant_once_per_partner"),
        ]

    def __str__(self) -> str:
        return f"{self.consent} – {self.organisation}"


class StageTransition(models.Model):
    """One move of a candidate from one stage to the next: who, when and why.

    Anonymous once the candidate's personal data is removed (``candidate`` and ``note`` are cleared);
    ``route_key`` still ties the moves of one route together for the dashboard.
    """

    chain = models.ForeignKey(Chain, on_delete=models.CASCADE, related_name="transitions")
    candidate = models.ForeignKey(
        Candidate, null=True, blank=True, on_delete=models.SET_NULL, related_name="transitions"
    )
    route_key = models.UUIDField()
    from_stage = models.CharField(_("from"), max_length=20, choices=Stage.choices, blank=True)
    to_stage = models.CharField(_("to"), max_length=20, choices=Stage.choices)
    at = models.DateTimeField(_("when"), default=timezone.now)
    # Time spent in ``from_stage``: the median lead time per stage reads it from an index.
    seconds_in_previous = models.BigIntegerField(default=0)
    reason = models.CharField(_("drop-out reason"), max_length=30, choices=DropoutReason.choices, blank=True)
    note = models.CharField(_("why"), max_length=500, blank=True)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    class Meta:
        ordering = ["at", "pk"]
        verbose_name = _("stage transition")
        verbose_name_plural = _("stage transitions")
        indexes = [
            models.Index(fields=["chain", "to_stage", "from_stage"], name="pathways_transit_funnel_idx"),
            models.Index(fields=["chain", "from_stage", "seconds_in_previous"], name="pathways_transit_time_idx"),
            models.Index(fields=["from_stage", "seconds_in_previous"], name="pathways_transition_all_idx"),
            models.Index(fields=["to_stage", "from_stage", "reason"], name="pathways_transit_drop_idx"),
        ]

    def __str__(self) -> str:
        return f"{self.from_stage or '—'} → {self.to_stage}"


class StageFlow(models.Model):
    """Anonymous aggregate of the stage history: how many people moved from one stage to the next, per chain,
    drop-out reason and whole days spent in the stage they left.

    Written with every transition (and rebuilt from the history by the demo loader); the dashboard reads
    its funnel, drop-out and median lead times from these few thousand rows instead of every transition.
    """

    chain = models.ForeignKey(Chain, on_delete=models.CASCADE, related_name="flows")
    from_stage = models.CharField(max_length=20, choices=Stage.choices, blank=True)
    to_stage = models.CharField(max_length=20, choices=Stage.choices)
    reason = models.CharField(max_length=30, choices=DropoutReason.choices, blank=True)
    days = models.PositiveIntegerField(default=0)
    people = models.PositiveIntegerField(default=0)

    class Meta:
        verbose_name = _("stage flow")
        verbose_name_plural = _("stage flows")
        constraints = [
            models.UniqueConstraint(
                fields=["chain", "from_stage", "to_stage", "reason", "days"], name="pathways_stageflow_cell_once"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.from_stage or '—'} → {self.to_stage}: {self.people}"


class StageFlowMonth(models.Model):
    """Anonymous aggregate of the stage history per calendar month: how many people reached each stage (or
    dropped out) in that month, per chain. The dashboard's figures over time read these few rows.
    """

    chain = models.ForeignKey(Chain, on_delete=models.CASCADE, related_name="monthly_flows")
    month = models.DateField()  # the first day of the month, in the site's time zone
    to_stage = models.CharField(max_length=20, choices=Stage.choices)
    people = models.PositiveIntegerField(default=0)

    class Meta:
        verbose_name = _("stage flow per month")
        verbose_name_plural = _("stage flows per month")
        constraints = [
            models.UniqueConstraint(fields=["chain", "month", "to_stage"], name="pathways_stageflowmonth_cell_once"),
        ]

    def __str__(self) -> str:
        return f"{self.month:%Y-%m} {self.to_stage}: {self.people}"


class OrientationKind(models.TextChoices):
    SHADOW_DAY = "meeloopdag", _("Job shadowing day (meeloopdag)")
    TRIAL = "proefplaatsing", _("Trial placement")
    WORKSHOP = "workshop", _("Workshop")
    ASSESSMENT = "assessment", _("Assessment")


class OrientationOutcome(models.TextChoices):
    POSITIVE = "positief", _("Positive: wants to go on")
    DOUBT = "twijfel", _("In doubt")
    NEGATIVE = "negatief", _("Negative: does not suit")
    NO_SHOW = "niet-verschenen", _("Did not attend")


class OrientationActivity(models.Model):
    candidate = models.ForeignKey(Candidate, on_delete=models.CASCADE, related_name="orientation_activities")
    kind = models.CharField(_("activity"), max_length=20, choices=OrientationKind.choices)
    date = models.DateField(_("date"))
    host = models.ForeignKey(
        Organisation, verbose_name=_("host"), null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    outcome = models.CharField(_("outcome"), max_length=20, choices=OrientationOutcome.choices)
    notes = models.CharField(_("notes"), max_length=500, blank=True)

    class Meta:
        ordering = ["date", "pk"]
        verbose_name = _("orientation activity")
        verbose_name_plural = _("orientation activities")

    def __str__(self) -> str:
        return f"{self.get_kind_display()} {self.date}"


class ContactMoment(models.Model):
    """A coaching contact with the candidate."""

    candidate = models.ForeignKey(Candidate, on_delete=models.CASCADE, related_name="contact_moments")
    coach = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("coach"), null=True, on_delete=models.SET_NULL, related_name="+"
    )
    date = models.DateField(_("date"))
    summary = models.CharField(_("summary"), max_length=500)

    class Meta:
        ordering = ["date", "pk"]
        verbose_name = _("contact moment")
        verbose_name_plural = _("contact moments")

    def __str__(self) -> str:
        return f"{self.date}"


class ActionPoint(models.Model):
    candidate = models.ForeignKey(Candidate, on_delete=models.CASCADE, related_name="action_points")
    description = models.CharField(_("action point"), max_length=300)
    due_date = models.DateField(_("due"), null=True, blank=True)
    done_at = models.DateTimeField(_("done at"), null=True, blank=True)

    class Meta:
        ordering = ["done_at", "due_date", "pk"]
        verbose_name = _("action point")
        verbose_name_plural = _("action points")

    def __str__(self) -> str:
        return self.description


class LearningPlace(models.Model):
    """A leerbaan at a leerbedrijf, with the number of people it can take at once."""

    organisation = models.ForeignKey(
        Organisation, verbose_name=_("training company"), on_delete=models.CASCADE, related_name="learning_places"
    )
    chain = models.ForeignKey(Chain, verbose_name=_("chain"), on_delete=models.CASCADE, related_name="learning_places")
    title = models.CharField(_("position"), max_length=200)
    theme = models.ForeignKey(
        Theme, verbose_name=_("theme"), null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    capacity = models.PositiveSmallIntegerField(_("capacity"), default=1, validators=[MinValueValidator(1)])
    # What the place asks of a candidate; its required work processes and units are framework alignments.
    level = models.PositiveSmallIntegerField(
        _("mbo level"), null=True, blank=True, validators=[MinValueValidator(1), MaxValueValidator(4)]
    )
    hours_per_week = models.PositiveSmallIntegerField(
        _("hours a week"), null=True, blank=True, validators=[MaxValueValidator(60)]
    )
    start_date = models.DateField(_("starts on"), null=True, blank=True)
    driving_licence_required = models.BooleanField(_("driving licence required"), default=False)
    is_fictitious = models.BooleanField(_("fictitious"), default=False)

    class Meta:
        ordering = ["organisation__name", "title"]
        verbose_name = _("learning place (leerbaan)")
        verbose_name_plural = _("learning places (leerbanen)")

    def __str__(self) -> str:
        return f"{self.title} – {self.organisation}"

    def get_absolute_url(self) -> str:
        return reverse("pathways:learning_place_detail", kwargs={"pk": self.pk})


class Placement(models.Model):
    """A candidate proposed to and placed at a learning place. Outlives the candidate's personal data."""

    candidate = models.ForeignKey(
        Candidate, null=True, blank=True, on_delete=models.SET_NULL, related_name="placements"
    )
    learning_place = models.ForeignKey(
        LearningPlace, verbose_name=_("learning place"), on_delete=models.PROTECT, related_name="placements"
    )
    chain = models.ForeignKey(Chain, on_delete=models.CASCADE, related_name="placements")
    start_date = models.DateField(_("start date"))
    ended_on = models.DateField(_("ended on"), null=True, blank=True)
    created_at = models.DateTimeField(default=timezone.now)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        ordering = ["-start_date", "-pk"]
        verbose_name = _("placement")
        verbose_name_plural = _("placements")
        indexes = [models.Index(fields=["learning_place", "ended_on"], name="pathways_place_active_idx")]

    def __str__(self) -> str:
        return _("Placement at %(place)s from %(date)s") % {"place": self.learning_place, "date": self.start_date}


class CheckpointOutcome(models.TextChoices):
    WORKING = "werkt", _("Still working")
    IN_TRAINING = "in-opleiding", _("Still in training")
    LEFT = "vertrokken", _("Left")


CHECKPOINT_MONTHS = (1, 3, 6, 12)


class AftercareCheckpoint(models.Model):
    """The aftercare check 1, 3, 6 or 12 months after a placement started."""

    placement = models.ForeignKey(Placement, on_delete=models.CASCADE, related_name="checkpoints")
    chain = models.ForeignKey(Chain, on_delete=models.CASCADE, related_name="checkpoints")
    month = models.PositiveSmallIntegerField(
        _("checkpoint"),
        choices=[(1, _("1 month")), (3, _("3 months")), (6, _("6 months")), (12, _("12 months"))],
    )
    checked_on = models.DateField(_("checked on"))
    outcome = models.CharField(_("outcome"), max_length=20, choices=CheckpointOutcome.choices)
    left_reason = models.CharField(_("reason for leaving"), max_length=30, choices=DropoutReason.choices, blank=True)
    note = models.CharField(_("note"), max_length=500, blank=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        ordering = ["month"]
        verbose_name = _("aftercare checkpoint")
        verbose_name_plural = _("aftercare checkpoints")
        constraints = [
            models.UniqueConstraint(fields=["placement", "month"], name="pathways_checkpoint_once_per_month"),
            models.CheckConstraint(
                condition=Q(month__in=CHECKPOINT_MONTHS), name="pathways_checkpoint_at_1_3_6_or_12_months"
            ),
        ]
        indexes = [models.Index(fields=["chain", "month", "outcome"], name="pathways_checkpoint_out_idx")]

    def __str__(self) -> str:
        return f"{self.month} – {self.get_outcome_display()}"


class AftercareReminder(models.Model):
    """That the coach (or, without one, the chain coordinators) was reminded of a checkpoint coming due."""

    placement = models.ForeignKey(Placement, on_delete=models.CASCADE, related_name="reminders")
    month = models.PositiveSmallIntegerField(_("checkpoint"))
    sent_at = models.DateTimeField(_("sent at"), default=timezone.now)

    class Meta:
        verbose_name = _("aftercare reminder")
        verbose_name_plural = _("aftercare reminders")
        constraints = [
            models.UniqueConstraint(fields=["placement", "month"], name="pathways_reminder_once_per_checkpoint"),
        ]

    def __str__(self) -> str:
        return f"{self.placement_id} – {self.month}"
