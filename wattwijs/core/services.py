"""Every write of the platform core: keyword-only, transactional, permission-checked, audited."""

from __future__ import annotations

import hashlib
import secrets
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.core.mail import send_mail
from django.db import models, transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from wattwijs.core import permissions
from wattwijs.core.models import (
    ApiToken,
    AuditEntry,
    Invitation,
    Membership,
    Organisation,
    Role,
    User,
)
from wattwijs.core.permissions import AnyUser, memberships_forget


def audit_log_write(
    *,
    actor: AnyUser | None,
    action: str,
    obj: models.Model | None = None,
    organisation: Organisation | None = None,
    details: dict[str, Any] | None = None,
) -> AuditEntry:
    """Append one entry to the audit log. The only place that writes it."""
    return AuditEntry.objects.create(
        actor_id=actor.pk if actor is not None and actor.is_authenticated else None,
        organisation=organisation,
        action=action,
        object_type=obj._meta.label_lower if obj is not None else "",
        object_id=str(obj.pk) if obj is not None else "",
        object_repr=str(obj)[:200] if obj is not None else "",
        details=details or {},
    )


def _require_member_manager(actor: AnyUser, organisation: Organisation) -> None:
    if not permissions.can_manage_members(actor, organisation):
        raise PermissionDenied


def _ensure_another_admin(membership: Membership, field: str | None = None) -> None:
    """Refuse a change that would leave the organisation without an administrator.

    Call inside the write's transaction: the organisation's admin rows are locked, so two admins
    cannot demote each other at the same moment.
    """
    if membership.role != Role.ADMIN:
        return
    others = (
        Membership.objects.select_for_update()
        .filter(organisation_id=membership.organisation_id, role=Role.ADMIN)
        .exclude(pk=membership.pk)
    )
    if not others.exists():
        message = _("An organisation needs at least one administrator. Appoint another one first.")
        raise ValidationError({field: message} if field else message)


def membership_invite(
    *, actor: AnyUser, organisation: Organisation, email: str, role: str, base_url: str = ""
) -> Invitation:
    """Invite someone by e-mail to join ``organisation`` in ``role``."""
    _require_member_manager(actor, organisation)
    email = email.strip().lower()
    if role not in Role.values:
        raise ValidationError({"role": _("Choose one of the listed roles.")})
    if Membership.objects.filter(organisation=organisation, user__email__iexact=email).exists():
        raise ValidationError({"email": _("This person is already a member of this organisation.")})
    if Invitation.objects.filter(organisation=organisation, email__iexact=email, accepted_at__isnull=True).exists():
        raise ValidationError({"email": _("An invitation has already been sent to this address.")})
    with transaction.atomic():
        invitation = Invitation.objects.create(
            organisation=organisation,
            email=email,
            role=role,
            token=secrets.token_urlsafe(32),
            invited_by=actor if actor.is_authenticated else None,
        )
        audit_log_write(
            actor=actor,
            action="membership.invite",
            obj=invitation,
            organisation=organisation,
            details={"email": email, "role": role},
        )
        link = base_url + reverse("core:invitation_accept", kwargs={"token": invitation.token})
        subject = _("Invitation to join %(organisation)s on WattWijs") % {"organisation": organisation.name}
        body = _(
            "You have been invited to join %(organisation)s on WattWijs as %(role)s.\n\n"
            "Accept the invitation here: %(link)s"
        ) % {"organisation": organisation.name, "role": Role(role).label, "link": link}
        transaction.on_commit(lambda: send_mail(subject, body, None, [email]))
    return invitation


def invitation_accept(*, user: User, invitation: Invitation) -> Membership:
    """The logged-in ``user`` accepts ``invitation`` and becomes a member."""
    if not invitation.is_open:
        raise ValidationError(_("This invitation has already been used."))
    with transaction.atomic():
        membership, created = Membership.objects.get_or_create(
            user=user, organisation=invitation.organisation, defaults={"role": invitation.role}
        )
        if not created:
            raise ValidationError(_("You are already a member of this organisation."))
        invitation.accepted_at = timezone.now()
        invitation.save(update_fields=["accepted_at"])
        memberships_forget(user)
        audit_log_write(
            actor=user,
            action="membership.accept",
            obj=membership,
            organisation=invitation.organisation,
            details={"role": membership.role},
        )
    return membership


def invitation_accept_with_signup(*, invitation: Invitation, first_name: str, last_name: str, password: str) -> User:
    """Create an account for the invited e-mail address and accept the invitation."""
    if User.objects.filter(email__iexact=invitation.email).exists():
        raise ValidationError(_("An account with this e-mail address exists already. Log in first."))
    with transaction.atomic():
        user = User.objects.create_user(
            email=invitation.email, password=password, first_name=first_name, last_name=last_name
        )
        audit_log_write(actor=user, action="user.signup", obj=user, organisation=invitation.organisation)
        invitation_accept(user=user, invitation=invitation)
    return user


def membership_change_role(*, actor: AnyUser, membership: Membership, role: str) -> Membership:
    """Give a member another role; an organisation always keeps at least one admin."""
    _require_member_manager(actor, membership.organisation)
    if role not in Role.values:
        raise ValidationError({"role": _("Choose one of the listed roles.")})
    if membership.role == role:
        return membership
    with transaction.atomic():
        _ensure_another_admin(membership, field="role")
        old_role = membership.role
        membership.role = role
        membership.save(update_fields=["role"])
        memberships_forget(actor, membership.user)
        audit_log_write(
            actor=actor,
            action="membership.change_role",
            obj=membership,
            organisation=membership.organisation,
            details={"from": old_role, "to": role},
        )
    return membership


def membership_remove(*, actor: AnyUser, membership: Membership) -> None:
    """Remove a member; the last admin cannot be removed."""
    _require_member_manager(actor, membership.organisation)
    with transaction.atomic():
        _ensure_another_admin(membership)
        audit_log_write(
            actor=actor,
            action="membership.remove",
            obj=membership,
            organisation=membership.organisation,
            details={"email": membership.user.email, "role": membership.role},
        )
        membership.delete()
        memberships_forget(actor, membership.user)


def invitation_withdraw(*, actor: AnyUser, invitation: Invitation) -> None:
    _require_member_manager(actor, invitation.organisation)
    with transaction.atomic():
        audit_log_write(
            actor=actor,
            action="membership.invitation_withdraw",
            obj=invitation,
            organisation=invitation.organisation,
        )
        invitation.delete()


def profile_update(*, user: User, first_name: str, last_name: str) -> User:
    with transaction.atomic():
        user.first_name = first_name.strip()
        user.last_name = last_name.strip()
        user.save(update_fields=["first_name", "last_name"])
        audit_log_write(actor=user, action="user.profile_update", obj=user)
    return user


def organisation_update(*, actor: AnyUser, organisation: Organisation, data: dict[str, Any]) -> Organisation:
    """Change an organisation's public details (name, region, website, description, themes)."""
    if not permissions.can_edit_organisation(actor, organisation):
        raise PermissionDenied
    fields = ["name", "kind", "region", "website", "description"]
    with transaction.atomic():
        for field in fields:
            setattr(organisation, field, data[field])
        organisation.full_clean(exclude=["slug"])
        organisation.save(update_fields=fields)
        organisation.themes.set(data["themes"])
        audit_log_write(
            actor=actor,
            action="organisation.update",
            obj=organisation,
            organisation=organisation,
        )
    return organisation


# API tokens -------------------------------------------------------------------------

API_TOKEN_PREFIX = "ww_"  # noqa: S105 - a marker, not a secret
MAX_ACTIVE_API_TOKENS = 10


def api_token_hash(raw: str) -> str:
    """Tokens are long random strings, so a plain SHA-256 is enough to keep them unreadable in the database."""
    return hashlib.sha256(raw.encode()).hexdigest()


def api_token_create(*, user: User, name: str) -> tuple[ApiToken, str]:
    """Make a token for ``user``; the token itself is returned once and never stored."""
    name = name.strip()
    if not name:
        raise ValidationError({"name": _("Give the token a name, so you know where you use it.")})
    with transaction.atomic():
        if ApiToken.objects.filter(user=user, revoked_at__isnull=True).count() >= MAX_ACTIVE_API_TOKENS:
            raise ValidationError(
                {"name": _("You have %(count)d active tokens. Revoke one first.") % {"count": MAX_ACTIVE_API_TOKENS}}
            )
        raw = API_TOKEN_PREFIX + secrets.token_urlsafe(32)
        token = ApiToken(user=user, name=name, prefix=raw[:10], token_hash=api_token_hash(raw))
        token.full_clean(exclude=["user"])
        token.save()
        audit_log_write(actor=user, action="user.api_token_create", obj=token, details={"name": name})
    return token, raw


def api_token_revoke(*, actor: AnyUser, token: ApiToken) -> ApiToken:
    """A revoked token stops working at once; it stays listed so its owner sees when it was revoked."""
    if not actor.is_authenticated or token.user_id != actor.pk:
        raise PermissionDenied
    with transaction.atomic():
        if token.revoked_at is None:
            token.revoked_at = timezone.now()
            token.save(update_fields=["revoked_at"])
            audit_log_write(actor=actor, action="user.api_token_revoke", obj=token, details={"name": token.name})
    return token


def api_token_touch(*, token: ApiToken) -> None:
    """Note when a token was used, at most once a minute (a write per API call would cost too much)."""
    now = timezone.now()
    if token.last_used_at is None or (now - token.last_used_at).total_seconds() >= 60:
        ApiToken.objects.filter(pk=token.pk).update(last_used_at=now)
        token.last_used_at = now
