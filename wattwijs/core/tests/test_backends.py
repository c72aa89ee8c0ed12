import pytest

from wattwijs.core.backends import MembershipModelBackend
from wattwijs.core.models import Role
from wattwijs.core.permissions import has_role, is_coordinator, memberships

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
