import pytest
from django.utils import timezone

from wattwijs.core.demo import load_demo
from wattwijs.practice.models import (
    Ambition,
    AmbitionAction,
    AmbitionLevel,
    ProgressUpdate,
    SessionStatus,
    ThemeSession,
)
from wattwijs.practice.selectors_sessions import Quarter

pytestmark = pytest.mark.django_db


@pytest.fixture
def demo():
    load_demo()


def test_the_demo_has_eight_sessions_one_per_quarter_of_2026_and_2027(demo):
    quarters = {Quarter.containing(day).key for day in ThemeSession.objects.values_list("date", flat=True)}
    assert ThemeSession.objects.count() == 8
    assert quarters == {f"{year}-{n}" for year in (2026, 2027) for n in range(1, 5)}


def test_past_demo_sessions_are_held_with_outcomes_and_actions_and_none_is_planned_in_the_past(demo):
    past = ThemeSession.objects.filter(date__lt=timezone.localdate()).exclude(status=SessionStatus.CANCELLED)
    assert past.exists()
    assert not past.exclude(status=SessionStatus.HELD).exists()
    assert not past.filter(outcomes="").exists()
    assert not past.filter(actions__isnull=True).exists()


def test_the_demo_agenda_has_ambitions_on_every_level_with_actions_and_progress(demo):
    assert Ambition.objects.count() >= 6
    assert set(Ambition.objects.values_list("level", flat=True)) == set(AmbitionLevel.values)
    assert AmbitionAction.objects.exists()
    assert ProgressUpdate.objects.exists()


def test_the_demo_sessions_and_agenda_are_fictitious_example_figures(demo):
    assert not ThemeSession.objects.filter(is_fictitious=False).exists()
    assert not Ambition.objects.filter(is_fictitious=False).exists()
    assert not Ambition.objects.exclude(indicator__contains="(voorbeeld)").exists()


def test_loading_the_demo_twice_adds_no_sessions_or_ambitions(demo):
    counts = (ThemeSession.objects.count(), Ambition.objects.count(), ProgressUpdate.objects.count())
    load_demo()
    assert (ThemeSession.objects.count(), Ambition.objects.count(), ProgressUpdate.objects.count()) == counts
