"""Navolging: recording that a region follows a practice, the practice page, the spread overview."""

from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from wattwijs.core.tests.factories import OrganisationFactory, region, theme
from wattwijs.practice import selectors_adoption, services_adoption
from wattwijs.practice.models import Adoption, AdoptionStatus, AdoptionStatusChange, PublicationStatus
from wattwijs.practice.services_adoption import AdoptionData

from .factories import PracticeFactory

pytestmark = pytest.mark.django_db
AMSTERDAM = ZoneInfo("Europe/Amsterdam")


@pytest.fixture
def practice(world):
    """A published practice of ROC Test in Midden-Utrecht (AMR12)."""
    return PracticeFactory(
        owner=world.roc, region=region("AMR12"), published_at=datetime(2026, 1, 1, 9, tzinfo=AMSTERDAM)
    )


def _data(code="AMR24", status=AdoptionStatus.STARTED, started_on=date(2026, 2, 1), **extra):
    return AdoptionData(region=region(code), status=status, started_on=started_on, **extra)


def test_a_coordinator_of_another_region_records_that_it_follows(world, practice):
    adoption = services_adoption.adoption_save(
        actor=world.charlie, practice=practice, data=_data(organisation=world.gemeente, adapted="Drie dagen werk.")
    )
    assert (adoption.region.code, adoption.status, adoption.organisation) == ("AMR24", "gestart", world.gemeente)
    assert list(AdoptionStatusChange.objects.values_list("status", flat=True)) == ["gestart"]


def test_recording_again_updates_the_regions_adoption_and_its_history(world, practice):
    services_adoption.adoption_save(
        actor=world.charlie, practice=practice, data=_data(status=AdoptionStatus.INTEREST, started_on=None)
    )
    services_adoption.adoption_save(actor=world.charlie, practice=practice, data=_data(status=AdoptionStatus.EMBEDDED))
    assert list(Adoption.objects.values_list("status", flat=True)) == ["geborgd"]
    assert list(AdoptionStatusChange.objects.values_list("status", flat=True)) == ["interesse", "geborgd"]


def test_the_practices_own_region_cannot_follow_it(world, practice):
    with pytest.raises(ValidationError) as error:
        services_adoption.adoption_save(actor=world.alice, practice=practice, data=_data("AMR12"))
    assert "kan haar eigen praktijkvoorbeeld niet navolgen" in str(error.value.error_dict["region"])
    assert not Adoption.objects.exists()


def test_started_without_a_date_is_refused(world, practice):
    with pytest.raises(ValidationError) as error:
        services_adoption.adoption_save(actor=world.charlie, practice=practice, data=_data(started_on=None))
    assert "started_on" in error.value.error_dict
    assert not Adoption.objects.exists()


def test_a_start_in_the_future_is_refused(world, practice):
    tomorrow = timezone.localdate() + timedelta(days=1)
    with pytest.raises(ValidationError):
        services_adoption.adoption_save(actor=world.charlie, practice=practice, data=_data(started_on=tomorrow))
    assert not Adoption.objects.exists()


def test_a_draft_practice_cannot_be_followed(world, practice):
    practice.status = PublicationStatus.DRAFT
    with pytest.raises(ValidationError):
        services_adoption.adoption_save(actor=world.charlie, practice=practice, data=_data())


def test_an_adoption_is_kept_up_to_date_after_the_practice_is_archived(world, practice):
    services_adoption.adoption_save(
        actor=world.charlie, practice=practice, data=_data(status=AdoptionStatus.PREPARING, started_on=None)
    )
    practice.status = PublicationStatus.ARCHIVED
    practice.save(update_fields=["status"])
    adoption = Adoption.objects.get()
    services_adoption.adoption_update(
        actor=world.charlie, adoption=adoption, data=_data(status=AdoptionStatus.EMBEDDED)
    )
    adoption.refresh_from_db()
    assert adoption.status == AdoptionStatus.EMBEDDED


def test_an_archived_practice_cannot_be_followed_anew(world, practice):
    practice.status = PublicationStatus.ARCHIVED
    with pytest.raises(ValidationError) as error:
        services_adoption.adoption_save(actor=world.charlie, practice=practice, data=_data())
    assert "gepubliceerd" in str(error.value)
    assert not Adoption.objects.exists()


def test_an_organisation_outside_the_region_is_refused(world, practice):
    with pytest.raises(ValidationError) as error:
        services_adoption.adoption_save(actor=world.charlie, practice=practice, data=_data(organisation=world.roc))
    assert "organisation" in error.value.error_dict


def test_nobody_records_for_a_region_they_do_not_coordinate_in(world, practice):
    with pytest.raises(PermissionDenied):
        services_adoption.adoption_save(actor=world.alice, practice=practice, data=_data("AMR01"))


def test_a_coach_cannot_record_an_adoption(world):
    practice = PracticeFactory(region=region("AMR24"))
    with pytest.raises(PermissionDenied):
        services_adoption.adoption_save(actor=world.bob, practice=practice, data=_data("AMR12"))


def test_editing_another_regions_adoption_is_forbidden(client, world, practice):
    adoption = services_adoption.adoption_save(actor=world.charlie, practice=practice, data=_data())
    other = PracticeFactory(region=region("AMR01"))
    theirs = services_adoption.adoption_save(actor=world.charlie, practice=other, data=_data())
    client.force_login(world.alice)
    url = f"/praktijk/navolging/{theirs.pk}/bewerken/"
    assert client.get(url).status_code == 403
    response = client.post(url, {"region": region("AMR24").pk, "status": "gestopt", "started_on": "2026-02-01"})
    assert response.status_code == 403
    theirs.refresh_from_db()
    assert theirs.status == "gestart"
    assert adoption.status == "gestart"


def test_the_form_records_an_adoption_and_the_practice_page_shows_it(client, world, practice):
    client.force_login(world.charlie)
    response = client.post(
        f"{practice.get_absolute_url()}navolgen/",
        {
            "region": region("AMR24").pk,
            "organisation": world.gemeente.pk,
            "status": "gestart",
            "started_on": "2026-02-01",
            "adapted": "Drie dagen werk, twee dagen school.",
            "contact_name": "Contact Rijnmond",
        },
    )
    assert response.status_code == 302
    content = client.get(practice.get_absolute_url()).content.decode()
    assert "Wie volgt dit al" in content
    assert "Rijnmond" in content
    assert "Drie dagen werk, twee dagen school." in content
    assert f"/praktijk/navolging/{Adoption.objects.get().pk}/bewerken/" in content


def test_the_form_shows_the_own_region_refusal_in_dutch(client, world, practice):
    client.force_login(world.alice)
    response = client.post(
        f"{practice.get_absolute_url()}navolgen/", {"region": region("AMR12").pk, "status": "interesse"}
    )
    assert response.status_code == 400
    assert "kan haar eigen praktijkvoorbeeld niet navolgen" in response.content.decode()
    assert not Adoption.objects.exists()


def test_the_form_is_forbidden_without_a_coordinating_role(client, world, practice):
    client.force_login(world.bob)
    assert client.get(f"{practice.get_absolute_url()}navolgen/").status_code == 403


def test_the_practice_page_offers_no_edit_link_for_another_regions_adoption(client, world, practice):
    adoption = services_adoption.adoption_save(actor=world.charlie, practice=practice, data=_data())
    client.force_login(world.alice)
    content = client.get(practice.get_absolute_url()).content.decode()
    assert "Rijnmond" in content
    assert f"/praktijk/navolging/{adoption.pk}/bewerken/" not in content


# The spread overview --------------------------------------------------------------------------------


def _adopt(practice, code, status, started_on=None):
    return Adoption.objects.create(practice=practice, region=region(code), status=status, started_on=started_on)


def test_the_spread_counts_regions_per_status_and_the_median_days_to_start(practice):
    _adopt(practice, "AMR24", AdoptionStatus.STARTED, date(2026, 1, 11))
    _adopt(practice, "AMR01", AdoptionStatus.EMBEDDED, date(2026, 1, 31))
    _adopt(practice, "AMR02", AdoptionStatus.INTEREST)
    _adopt(practice, "AMR03", AdoptionStatus.STOPPED, date(2026, 1, 21))
    [row] = selectors_adoption.spread_page(list(selectors_adoption.spread_rows()))
    assert (row.practice, row.following, row.counts, row.median_days) == (practice, 3, [1, 0, 1, 1, 1], 20)


def test_the_spread_lists_the_most_followed_practice_first(practice):
    other = PracticeFactory(region=region("AMR01"), title="Minder gevolgd")
    _adopt(other, "AMR02", AdoptionStatus.INTEREST)
    _adopt(practice, "AMR02", AdoptionStatus.INTEREST)
    _adopt(practice, "AMR03", AdoptionStatus.PREPARING)
    rows = selectors_adoption.spread_page(list(selectors_adoption.spread_rows()))
    assert [(r.practice, r.following, r.median_days) for r in rows] == [(practice, 2, None), (other, 1, None)]


def test_the_spread_leaves_out_drafts(practice):
    _adopt(practice, "AMR02", AdoptionStatus.INTEREST)
    practice.status = PublicationStatus.DRAFT
    practice.save(update_fields=["status"])
    assert list(selectors_adoption.spread_rows()) == []


def test_similar_regions_share_the_province_or_organisations_on_the_themes(world):
    practice = PracticeFactory(region=region("AMR12"), themes=[theme("zon-pv")])
    OrganisationFactory(region=region("AMR01"), themes=[theme("zon-pv")])
    OrganisationFactory(region=region("AMR01"), themes=[theme("zon-pv")])
    OrganisationFactory(region=region("AMR05"), themes=[theme("zon-pv")])
    OrganisationFactory(region=region("AMR02"), themes=[theme("isolatie-renovatie")])
    OrganisationFactory(region=region("AMR03"), themes=[theme("zon-pv")])
    _adopt(practice, "AMR03", AdoptionStatus.INTEREST)
    names = [r.name for r in selectors_adoption.similar_regions(practice)]
    assert names == ["Groningen", "Twente", "Amersfoort"]


def test_the_spread_page_shows_similar_regions_for_a_chosen_practice(client, world, practice):
    _adopt(practice, "AMR24", AdoptionStatus.INTEREST)
    content = client.get(f"/praktijk/navolging/?voorbeeld={practice.slug}").content.decode()
    assert "Amersfoort" in content
    assert "dezelfde provincie" in content


@pytest.mark.parametrize("count", [3, 40])
def test_the_spread_page_queries_do_not_grow(client, django_assert_max_num_queries, count):
    codes = ["AMR01", "AMR02", "AMR03", "AMR04"]
    for n in range(count):
        practice = PracticeFactory(region=region("AMR12"), published_at=datetime(2026, 1, 1, tzinfo=AMSTERDAM))
        for code in codes[: 1 + n % 4]:
            _adopt(practice, code, AdoptionStatus.STARTED, date(2026, 2, 1))
    chosen = PracticeFactory(region=region("AMR12"), themes=[theme("zon-pv")])
    with django_assert_max_num_queries(10):
        response = client.get(f"/praktijk/navolging/?voorbeeld={chosen.slug}")
    assert response.status_code == 200


@pytest.mark.parametrize("count", [2, 20])
def test_the_detail_queries_do_not_grow_with_adoptions(client, world, django_assert_max_num_queries, count):
    practice = PracticeFactory(region=region("AMR12"))
    codes = [f"AMR{n:02d}" for n in range(1, 36) if n != 12]
    for code in codes[:count]:
        Adoption.objects.create(
            practice=practice,
            region=region(code),
            organisation=OrganisationFactory(region=region(code)),
            status=AdoptionStatus.INTEREST,
        )
    with django_assert_max_num_queries(10):
        assert client.get(practice.get_absolute_url()).status_code == 200


def test_the_days_to_start_count_from_the_local_publication_date(practice):
    # Published at 00:30 in Amsterdam on 1 January is 31 December in UTC.
    practice.published_at = datetime(2026, 1, 1, 0, 30, tzinfo=ZoneInfo("Europe/Amsterdam"))
    practice.save(update_fields=["published_at"])
    _adopt(practice, "AMR24", AdoptionStatus.STARTED, date(2026, 1, 11))
    [row] = selectors_adoption.spread_page(list(selectors_adoption.spread_rows()))
    assert row.median_days == 10


def test_the_spread_page_ignores_a_link_to_a_practice_no_longer_published(client, practice):
    _adopt(practice, "AMR24", AdoptionStatus.INTEREST)
    response = client.get("/praktijk/navolging/?voorbeeld=bestaat-niet-meer")
    assert response.status_code == 200


RECORD_URL = "navolgen/"


def test_a_coordinator_of_another_region_is_offered_to_record_that_it_follows(client, world, practice):
    client.force_login(world.charlie)
    content = client.get(practice.get_absolute_url()).content.decode()
    assert f'href="{practice.get_absolute_url()}{RECORD_URL}"' in content


def test_a_coach_is_not_offered_to_record_an_adoption(client, world, practice):
    client.force_login(world.bob)
    content = client.get(practice.get_absolute_url()).content.decode()
    assert f'href="{practice.get_absolute_url()}{RECORD_URL}"' not in content


def test_a_coordinator_of_only_the_practices_own_region_is_not_offered_to_record_an_adoption(client, world, practice):
    client.force_login(world.alice)
    content = client.get(practice.get_absolute_url()).content.decode()
    assert f'href="{practice.get_absolute_url()}{RECORD_URL}"' not in content
