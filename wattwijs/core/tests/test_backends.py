import pytest
from django.conf import settings

from wattwijs.core.backends import BACKEND_PATH, MembershipModelBackend
from wattwijs.core.models import Invitation, Role
from wattwijs.core.permissions import has_role, is_coordinator, memberships
from wattwijs.core.services import invitation_accept

from .factories import MembershipFactory, OrganisationFactory, UserFactory

pytestmark = pytest.mark.django_db


def test_the_backend_loads_the_memberships_with_the_user(django_assert_num_queries):
    membership = MembershipFactory(role=Role.COORDINATOR)
    user = MembershipModelBackend().get_user(membership.user_id)
    with django_assert_num_queries(0):
        assert [m.organisation.name for m in memberships(user)] == [membership.organisation.name]


def test_checks_on_a_loaded_user_ask_the_database_nothing(django_assert_num_queries):
    membership = MembershipFactory(role=Role.COORDINATOR)
    user = MembershipModelBackend().get_user(membership.user_id)
    with django_assert_num_queries(0):
        assert is_coordinator(user)
        assert has_role(user, membership.organisation, Role.COORDINATOR)


def test_the_backend_refuses_an_inactive_user():
    user = UserFactory(is_active=False)
    assert MembershipModelBackend().get_user(user.pk) is None


def test_a_user_object_not_loaded_by_the_backend_reads_its_memberships_fresh():
    user = UserFactory()
    assert not is_coordinator(user)
    MembershipFactory(user=user, organisation=OrganisationFactory(), role=Role.COORDINATOR)
    assert is_coordinator(user)


def test_the_settings_name_the_backend_by_its_path():
    assert BACKEND_PATH in settings.AUTHENTICATION_BACKENDS


def test_a_loaded_user_sees_a_membership_it_just_accepted():
    user = MembershipModelBackend().get_user(UserFactory().pk)
    invitation = Invitation.objects.create(
        organisation=OrganisationFactory(), email=user.email, role=Role.COORDINATOR, token="t-accept"
    )
    invitation_accept(user=user, invitation=invitation)
    assert is_coordinator(user)
