"""Shared test setup: ready users in several organisations and roles.

- alice: admin of ROC Test (school, Midden-Utrecht)
- bob: coach at ROC Test
- charlie: admin of Gemeente Test (municipality, Rijnmond); not a member of ROC Test
- admin: platform administrator (superuser) without memberships
"""

from __future__ import annotations

from dataclasses import dataclass

import pytest

from wattwijs.core.models import Organisation, OrganisationKind, Role, User
from wattwijs.core.tests.factories import MembershipFactory, OrganisationFactory, UserFactory, region

PASSWORD = "correct-horse-battery"


@dataclass
class World:
    roc: Organisation
    gemeente: Organisation
    alice: User
    bob: User
    charlie: User
    admin: User


@pytest.fixture
def world(db: None) -> World:
    roc = OrganisationFactory(name="ROC Test", slug="roc-test", kind=OrganisationKind.SCHOOL)
    gemeente = OrganisationFactory(
        name="Gemeente Test", slug="gemeente-test", kind=OrganisationKind.MUNICIPALITY, region=region("AMR24")
    )
    alice = UserFactory(email="alice@example.org", first_name="Alice", last_name="Admin")
    bob = UserFactory(email="bob@example.org", first_name="Bob", last_name="Coach")
    charlie = UserFactory(email="charlie@example.org", first_name="Charlie", last_name="Gemeente")
    MembershipFactory(user=alice, organisation=roc, role=Role.ADMIN)
    MembershipFactory(user=bob, organisation=roc, role=Role.COACH)
    MembershipFactory(user=charlie, organisation=gemeente, role=Role.ADMIN)
    admin = UserFactory(email="admin@example.org", is_staff=True, is_superuser=True)
    return World(roc=roc, gemeente=gemeente, alice=alice, bob=bob, charlie=charlie, admin=admin)


@pytest.fixture(autouse=True)
def fast_password_hashing(settings: pytest.FixtureRequest) -> None:
    """Tests create many users; a deliberately slow production hasher would dominate the run time."""
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture(autouse=True)
def empty_cache() -> None:
    """Cached reads must not leak between tests whose database changes are rolled back."""
    from django.core.cache import cache

    from wattwijs.library.search import index

    cache.clear()
    index.forget_held()
