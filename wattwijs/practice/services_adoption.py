"""Writes of self-assessments, navolging (adoptions) and followed practices; keyword-only, transactional,
permission-checked, audited. Bad input is refused with a Dutch message and nothing is saved."""

from __future__ import annotations

import datetime
import logging
from collections.abc import Sequence
from dataclasses import dataclass
from smtplib import SMTPException

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.mail import send_mail
from django.db import transaction
from django.db.models import F
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from wattwijs.core.models import Organisation, Region
from wattwijs.core.permissions import AnyUser
from wattwijs.core.services import audit_log_write
from wattwijs.practice import permissions
from wattwijs.practice.models import (
    SCORE_MAX,
    SCORE_MIN,
    Adoption,
    AdoptionStatus,
    AdoptionStatusChange,
    AssessmentScore,
    Practice,
    PracticeFollow,
    PublicationStatus,
    SelfAssessment,
    SuccessFactor,
)

STARTED_STATUSES = (AdoptionStatus.STARTED, AdoptionStatus.EMBEDDED)

logger = logging.getLogger(__name__)


def score_field(factor_id: int) -> str:
    """The name under which a factor's score is entered and its errors are reported."""
    return f"score_{factor_id}"


@dataclass(frozen=True)
class ScoreData:
    factor: SuccessFactor
    score: int
    notes: str = ""


def assessment_validate(
    *,
    actor: AnyUser,
    region: Region,
    assessed_on: datetime.date,
    assessed_by: Organisation,
    scores: Sequence[ScoreData],
) -> None:
    errors: dict[str, str] = {}
    if not permissions.region_organisations(actor, region.pk).filter(pk=assessed_by.pk).exists():
        errors["assessed_by"] = _("Choose an organisation in this region that you are a coordinator of.")
    if assessed_on > timezone.localdate():
        errors["assessed_on"] = _("A self-assessment cannot have a date in the future.")
    if not scores:
        errors["__all__"] = _("Score at least one success factor.")
    seen: set[int] = set()
    for item in scores:
        if not SCORE_MIN <= item.score <= SCORE_MAX:
            errors[score_field(item.factor.pk)] = _("A score is 0, 1, 2 or 3.")
        elif item.factor.pk in seen:
            errors[score_field(item.factor.pk)] = _("Each success factor is scored once.")
        seen.add(item.factor.pk)
    if errors:
        raise ValidationError(errors)


def assessment_create(
    *,
    actor: AnyUser,
    region: Region,
    assessed_on: datetime.date,
    assessed_by: Organisation,
    scores: Sequence[ScoreData],
    is_fictitious: bool = False,
) -> SelfAssessment:
    """Record a region's self-assessment: a score from 0 to 3 and notes for each success factor."""
    if not permissions.can_act_for_region(actor, region.pk):
        raise PermissionDenied
    assessment_validate(actor=actor, region=region, assessed_on=assessed_on, assessed_by=assessed_by, scores=scores)
    with transaction.atomic():
        assessment = SelfAssessment.objects.create(
            region=region,
            assessed_on=assessed_on,
            assessed_by=assessed_by,
            is_fictitious=is_fictitious,
            created_by_id=actor.pk if actor.is_authenticated else None,
        )
        AssessmentScore.objects.bulk_create(
            AssessmentScore(assessment=assessment, factor=item.factor, score=item.score, notes=item.notes.strip())
            for item in scores
        )
        audit_log_write(
            actor=actor,
            action="practice.assessment_create",
            obj=assessment,
            organisation=assessed_by,
            details={"region": region.code, "scores": len(scores)},
        )
    return assessment


@dataclass(frozen=True)
class AdoptionData:
    """What a region records about following a practice."""

    region: Region
    status: str
    organisation: Organisation | None = None
    adapted: str = ""
    contact_name: str = ""
    contact_email: str = ""
    started_on: datetime.date | None = None
    is_fictitious: bool = False


def adoption_validate(*, actor: AnyUser, practice: Practice, data: AdoptionData, creating: bool = True) -> None:
    """Refuse bad input. A region starts following only a published practice example; an existing adoption is
    still kept up to date after the example is archived."""
    errors: dict[str, str] = {}
    if practice.region_id == data.region.pk:
        errors["region"] = _(
            "A region cannot follow its own practice example. Choose another region, or describe the change in "
            "the practice example itself."
        )
    if creating and practice.status != PublicationStatus.PUBLISHED:
        errors["__all__"] = _("Only a published practice example can be followed.")
    elif practice.status not in permissions.PUBLIC_STATUSES:
        errors["__all__"] = _("Only a published or archived practice example can be updated here.")
    if data.status not in AdoptionStatus.values:
        errors["status"] = _("Choose a status from the list.")
    elif data.status in STARTED_STATUSES and data.started_on is None:
        errors["started_on"] = _("Give the date on which the region started with it.")
    if data.started_on is not None and data.started_on > timezone.localdate():
        errors["started_on"] = _("The start date lies in the future. Choose the status “in preparation” instead.")
    if (
        data.organisation is not None
        and not permissions.region_organisations(actor, data.region.pk).filter(pk=data.organisation.pk).exists()
    ):
        errors["organisation"] = _("Choose an organisation in this region that you are a coordinator of.")
    if errors:
        raise ValidationError(errors)


def adoption_save(*, actor: AnyUser, practice: Practice, data: AdoptionData) -> Adoption:
    """Record or update that a region follows a practice, with its status history; only coordinators of an
    organisation in that region may."""
    if not permissions.can_act_for_region(actor, data.region.pk):
        raise PermissionDenied
    exists = Adoption.objects.filter(practice=practice, region=data.region).exists()
    adoption_validate(actor=actor, practice=practice, data=data, creating=not exists)
    now = timezone.now()
    with transaction.atomic():
        adoption = Adoption.objects.select_for_update().filter(
            practice=practice, region=data.region
        ).first() or Adoption(practice=practice, region=data.region, created_at=now, is_fictitious=data.is_fictitious)
        is_new = adoption.pk is None
        previous_status = adoption.status
        adoption.organisation = data.organisation
        adoption.status = data.status
        adoption.adapted = data.adapted.strip()
        adoption.contact_name = data.contact_name.strip()
        adoption.contact_email = data.contact_email.strip()
        adoption.started_on = data.started_on
        adoption.updated_at = now
        if adoption.created_by_id is None and actor.is_authenticated:
            adoption.created_by_id = actor.pk
        adoption.save()
        if is_new or previous_status != data.status:
            AdoptionStatusChange.objects.create(
                adoption=adoption, status=data.status, changed_at=now, changed_by_id=actor.pk
            )
        audit_log_write(
            actor=actor,
            action="practice.adoption_create" if is_new else "practice.adoption_update",
            obj=adoption,
            organisation=data.organisation,
            details={"practice": practice.pk, "region": data.region.code, "status": data.status},
        )
    return adoption


def adoption_update(*, actor: AnyUser, adoption: Adoption, data: AdoptionData) -> Adoption:
    """Change an existing adoption; another region's adoption is refused (403), and it keeps its region."""
    if not permissions.can_act_for_region(actor, adoption.region_id) or data.region.pk != adoption.region_id:
        raise PermissionDenied
    return adoption_save(actor=actor, practice=adoption.practice, data=data)


# Following a practice -----------------------------------------------------------------------------


def practice_follow(*, actor: AnyUser, practice: Practice) -> PracticeFollow:
    """Follow a published practice; the digest then reports its updates from now on."""
    if not actor.is_authenticated:
        raise PermissionDenied
    if practice.status != PublicationStatus.PUBLISHED:
        raise ValidationError(_("Only a published practice example can be followed."))
    follow, _created = PracticeFollow.objects.get_or_create(user_id=actor.pk, practice=practice)
    return follow


def practice_unfollow(*, actor: AnyUser, practice: Practice) -> None:
    if not actor.is_authenticated:
        raise PermissionDenied
    PracticeFollow.objects.filter(user_id=actor.pk, practice=practice).delete()


def _digest_mail(sections: list[tuple[Practice, bool, list[Adoption]]]) -> tuple[str, str]:
    parts = []
    for practice, changed, adoptions in sections:
        lines = [f"{practice.title}\n{settings.SITE_URL}{practice.get_absolute_url()}"]
        if changed:
            lines.append("- " + _("The practice example has been updated."))
        for adoption in adoptions:
            lines.append(
                "- "
                + _("%(region)s follows it: %(status)s")
                % {"region": adoption.region.name, "status": adoption.get_status_display()}
            )
        parts.append("\n".join(lines))
    subject = _("Updates of %(count)s practice example(s) you follow") % {"count": len(sections)}
    body = "\n\n".join([_("What changed in the practice examples you follow on WattWijs:"), *parts])
    return subject, body


def _digest_user_send(*, user_id: int, now: datetime.datetime) -> bool:
    """Check all published follows of one user in one transaction: mail what changed in (last_sent_at, now] of
    each follow and move every checked follow's last_sent_at to ``now``, mail or not. The follows are locked, and
    follows that another run already moved to ``now`` or later are left alone, so runs at the same time neither mail
    an update twice nor skip one. The mail goes out before the commit: when the commit then fails, the next run mails
    the same updates again (at least once, never lost). Returns whether a mail went out."""
    with transaction.atomic():
        follows = list(
            PracticeFollow.objects.select_for_update(of=("self",))
            .filter(user_id=user_id, practice__status=PublicationStatus.PUBLISHED, last_sent_at__lt=now)
            .exclude(user__email="")
            .select_related("user", "practice")
            .order_by("practice__title", "pk")
        )
        if not follows:
            return False
        # One row per (adoption, this user's follow of its practice) that changed after that follow's own
        # last digest: both conditions in one filter() share the join, and a user follows a practice once.
        adoptions: dict[int, list[Adoption]] = {}
        for adoption in (
            Adoption.objects.filter(
                practice__follows__in=follows,
                practice__follows__last_sent_at__lt=F("updated_at"),
                updated_at__lte=now,
            )
            .select_related("region")
            .order_by("region__name", "pk")
        ):
            adoptions.setdefault(adoption.practice_id, []).append(adoption)
        items = []
        for follow in follows:
            changed = follow.last_sent_at < follow.practice.updated_at <= now
            news = adoptions.get(follow.practice_id, [])
            if changed or news:
                items.append((follow, changed, news))
        PracticeFollow.objects.filter(pk__in=[f.pk for f in follows]).update(last_sent_at=now)
        if not items:
            return False
        audit_log_write(
            actor=None,
            action="practice.digest_send",
            details={"practices": [f.practice_id for f, _c, _n in items]},
        )
        subject, body = _digest_mail([(f.practice, changed, news) for f, changed, news in items])
        send_mail(subject, body, None, [follows[0].user.email])
    return True


def digest_send(*, now: datetime.datetime | None = None) -> int:
    """Send each follower one e-mail with the updates (new or changed adoptions, a changed practice) of the
    practices they follow, each follow since its own last digest (or since it was made), up to ``now``.
    Every checked follow moves on to ``now``, also without news, so a next run starts where this one ended.
    Returns the number of e-mails sent."""
    now = now or timezone.now()
    user_ids = (
        PracticeFollow.objects.filter(practice__status=PublicationStatus.PUBLISHED)
        .exclude(user__email="")
        .values_list("user_id", flat=True)
        .distinct()
        .order_by("user_id")
    )
    sent = 0
    with translation.override(settings.LANGUAGE_CODE):
        for user_id in list(user_ids):
            try:
                sent += _digest_user_send(user_id=user_id, now=now)
            except (SMTPException, OSError):
                # That user's follows stay where they were, so the next run tries again; the others still get mail.
                logger.exception("The practice digest for user %s could not be sent", user_id)
    return sent
