import pytest
from django.core import mail
from django.core.exceptions import PermissionDenied, ValidationError

from wattwijs.core import services
from wattwijs.core.models import AuditEntry, Invitation, Membership, Role
from wattwijs.core.tests.factories import MembershipFactory

pytestmark = pytest.mark.django_db


def test_it_invites_by_email_and_writes_an_audit_entry(world, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        invitation = services.membership_invite(
            actor=world.alice, organisation=world.roc, email="Nieuw@Example.org", role=Role.AUTHOR
        )
    assert invitation.email == "nieuw@example.org"
    assert mail.outbox[0].to == ["nieuw@example.org"]
    assert AuditEntry.objects.filter(action="membership.invite", organisation=world.roc).count() == 1


def test_it_refuses_an_invitation_by_a_non_admin(world):
    with pytest.raises(PermissionDenied):
        services.membership_invite(actor=world.bob, organisation=world.roc, email="x@example.org", role=Role.VIEWER)
    assert not Invitation.objects.exists()


def test_it_refuses_to_invite_an_existing_member(world):
    with pytest.raises(ValidationError) as error:
        services.membership_invite(actor=world.alice, organisation=world.roc, email="bob@example.org", role=Role.COACH)
    assert "email" in error.value.error_dict


def test_it_refuses_an_unknown_role(world):
    with pytest.raises(ValidationError):
        services.membership_invite(actor=world.alice, organisation=world.roc, email="x@example.org", role="baas")


def test_it_accepts_an_invitation_into_a_membership(world):
    invitation = services.membership_invite(
        actor=world.alice, organisation=world.roc, email="charlie@example.org", role=Role.AUTHOR
    )
    membership = services.invitation_accept(user=world.charlie, invitation=invitation)
    assert membership.role == Role.AUTHOR
    invitation.refresh_from_db()
    assert invitation.accepted_at is not None


def test_it_creates_an_account_when_accepting_with_signup(world):
    invitation = services.membership_invite(
        actor=world.alice, organisation=world.roc, email="nieuw@example.org", role=Role.VIEWER
    )
    user = services.invitation_accept_with_signup(
        invitation=invitation, first_name="Nina", last_name="Nieuw", password="een-lang-wachtwoord-2026"
    )
    assert Membership.objects.get(user=user).organisation == world.roc


def test_it_changes_a_role_and_records_from_and_to(world):
    membership = Membership.objects.get(user=world.bob)
    services.membership_change_role(actor=world.alice, membership=membership, role=Role.COORDINATOR)
    entry = AuditEntry.objects.get(action="membership.change_role")
    assert entry.details == {"from": "coach", "to": "coordinator"}


def test_it_keeps_the_last_admin(world):
    membership = Membership.objects.get(user=world.alice)
    with pytest.raises(ValidationError):
        services.membership_change_role(actor=world.alice, membership=membership, role=Role.VIEWER)
    membership.refresh_from_db()
    assert membership.role == Role.ADMIN


def test_it_refuses_to_remove_the_last_admin(world):
    with pytest.raises(ValidationError):
        services.membership_remove(actor=world.alice, membership=Membership.objects.get(user=world.alice))
    assert Membership.objects.filter(user=world.alice).exists()


def test_it_removes_a_member_when_another_admin_remains(world):
    MembershipFactory(organisation=world.roc, role=Role.ADMIN)
    services.membership_remove(actor=world.alice, membership=Membership.objects.get(user=world.alice))
    assert not Membership.objects.filter(user=world.alice).exists()


def test_it_refuses_role_changes_in_another_organisation(world):
    membership = Membership.objects.get(user=world.bob)
    with pytest.raises(PermissionDenied):
        services.membership_change_role(actor=world.charlie, membership=membership, role=Role.VIEWER)


def test_a_platform_admin_may_manage_any_organisation(world):
    membership = Membership.objects.get(user=world.bob)
    services.membership_change_role(actor=world.admin, membership=membership, role=Role.VIEWER)
    membership.refresh_from_db()
    assert membership.role == Role.VIEWER


def test_it_updates_a_profile(world):
    services.profile_update(user=world.bob, first_name=" Robert ", last_name="Coach")
    world.bob.refresh_from_db()
    assert world.bob.first_name == "Robert"
