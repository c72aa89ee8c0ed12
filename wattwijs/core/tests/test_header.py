"""The page header's user menu: the user's organisations, read in one query."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from wattwijs.core.tests.factories import MembershipFactory, UserFactory

pytestmark = pytest.mark.django_db


def _queries(client, memberships):
    user = UserFactory()
    for _ in range(memberships):
        MembershipFactory(user=user)
    client.force_login(user)
    client.get("/account/")
    with CaptureQueriesContext(connection) as captured:
        response = client.get("/account/")
    return response, len(captured.captured_queries)


def test_the_user_menu_lists_the_users_organisations(client):
    user = UserFactory()
    MembershipFactory(user=user, organisation__name="ROC Zonnestraal")
    client.force_login(user)
    assert "ROC Zonnestraal" in client.get("/account/").content.decode()


def test_the_user_menu_takes_the_same_queries_for_one_or_four_organisations(client):
    _, one = _queries(client, 1)
    client.logout()
    _, four = _queries(client, 4)
    assert four == one
