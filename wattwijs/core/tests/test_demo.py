import pytest
from django.core.management import call_command

from wattwijs.core.demo import DEMO_USERS, ORGANISATIONS, load_demo
from wattwijs.core.models import Membership, Organisation, Role, User

pytestmark = pytest.mark.django_db


def test_load_demo_is_idempotent():
    call_command("load_demo")
    counts = (Organisation.objects.count(), User.objects.count(), Membership.objects.count())
    call_command("load_demo")
    assert (Organisation.objects.count(), User.objects.count(), Membership.objects.count()) == counts


def test_demo_covers_at_least_12_regions():
    call_command("load_demo")
    assert Organisation.objects.values("region").distinct().count() >= 12


def test_demo_has_a_user_for_every_role():
    assert {d.role for d in DEMO_USERS} == set(Role.values)


def test_demo_organisations_are_all_fictitious():
    call_command("load_demo")
    assert not Organisation.objects.filter(is_fictitious=False).exists()


def test_scale_multiplies_the_organisations():
    call_command("load_demo", scale=3)
    assert Organisation.objects.count() == len(ORGANISATIONS) * 3


def test_load_demo_tells_how_long_each_part_took():
    parts: list[str] = []
    load_demo(timed=lambda part, seconds: parts.append(part))
    assert parts[:3] == ["core", "framework", "library"]
