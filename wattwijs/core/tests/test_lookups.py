"""The ``__any`` lookup: membership in a list sent as one parameter, on SQLite and PostgreSQL."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from wattwijs.core.models import Organisation, Region
from wattwijs.core.tests.factories import OrganisationFactory, region

pytestmark = pytest.mark.django_db


def test_it_finds_the_rows_whose_value_is_in_the_list():
    wanted = list(Region.objects.order_by("code").values_list("code", flat=True)[:3])
    assert sorted(Region.objects.filter(code__any=wanted).values_list("code", flat=True)) == wanted


def test_it_finds_nothing_for_an_empty_list():
    assert not Region.objects.filter(pk__any=[]).exists()


def test_it_works_on_relations():
    utrecht = OrganisationFactory(region=region("AMR12"))
    OrganisationFactory(region=region("AMR01"))
    assert list(Organisation.objects.filter(region_id__any=[utrecht.region_id])) == [utrecht]


def test_it_sends_the_list_as_one_parameter():
    ids = list(Region.objects.values_list("pk", flat=True))
    with CaptureQueriesContext(connection) as queries:
        list(Region.objects.filter(pk__any=ids))
    assert queries.captured_queries[0]["sql"].count(str(ids[-1])) == 1


def test_it_refuses_a_single_value():
    with pytest.raises(TypeError):
        Region.objects.filter(pk__any=3)
