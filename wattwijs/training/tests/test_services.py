from datetime import date

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from wattwijs.core.models import AuditEntry, Role
from wattwijs.core.tests.factories import MembershipFactory, OrganisationFactory, region, theme
from wattwijs.training import services
from wattwijs.training.models import OverlapMark, OverlapVerdict, RegionPriorityTheme, TrainingOffer
from wattwijs.training.services import OfferData
from wattwijs.training.tests.factories import OfferFactory


def _data(world, **changes):
    values = {
        "title": "Warmtepomp inregelen",
        "kind": "cursus",
        "status": "gepland",
        "providers": [world.roc],
        "regions": [region("AMR12")],
        "themes": [theme("warmtepompen")],
        "target_groups": ["werkenden"],
    }
    values.update(changes)
    return OfferData(**values)


def test_it_creates_an_offer_with_an_audit_entry(world):
    offer = services.offer_create(actor=world.alice, data=_data(world, places_available=12))
    assert list(offer.providers.all()) == [world.roc]
    assert offer.target_group_links.get().target_group == "werkenden"
    assert AuditEntry.objects.filter(action="training.offer_create", object_id=str(offer.pk)).exists()


def test_it_refuses_an_end_date_before_the_start(world):
    with pytest.raises(ValidationError) as error:
        services.offer_create(
            actor=world.alice, data=_data(world, start_date=date(2026, 9, 1), end_date=date(2026, 8, 1))
        )
    assert "end_date" in error.value.message_dict
    assert not TrainingOffer.objects.exists()


def test_it_refuses_negative_places(world):
    with pytest.raises(ValidationError) as error:
        services.offer_create(actor=world.alice, data=_data(world, places_available=-1))
    assert "places_available" in error.value.message_dict
    assert not TrainingOffer.objects.exists()


def test_it_refuses_an_offer_for_an_organisation_the_actor_does_not_work_for(world):
    with pytest.raises(ValidationError):
        services.offer_create(actor=world.alice, data=_data(world, providers=[world.gemeente]))
    assert not TrainingOffer.objects.exists()


def test_it_refuses_a_coach_who_may_not_publish_offers(world):
    with pytest.raises(PermissionDenied):
        services.offer_create(actor=world.bob, data=_data(world))


def test_it_refuses_editing_another_providers_offer(world):
    offer = OfferFactory(providers=[world.gemeente], title="Van de gemeente")
    with pytest.raises(PermissionDenied):
        services.offer_update(actor=world.alice, offer=offer, data=_data(world, title="Gekaapt"))
    offer.refresh_from_db()
    assert offer.title == "Van de gemeente"


def test_it_updates_an_own_offer(world):
    offer = OfferFactory(providers=[world.roc])
    services.offer_update(actor=world.alice, offer=offer, data=_data(world, title="Nieuwe titel"))
    offer.refresh_from_db()
    assert offer.title == "Nieuwe titel"


def test_it_stores_an_overlap_verdict_with_the_lower_id_first(world):
    first, second = OfferFactory(), OfferFactory()
    mark = services.overlap_mark(
        actor=world.alice, first=second, second=first, verdict=OverlapVerdict.ALIGN, note="Samen plannen"
    )
    assert (mark.offer_a_id, mark.offer_b_id) == (first.pk, second.pk)
    assert mark.note == "Samen plannen"


def test_it_changes_an_existing_verdict_instead_of_adding_one(world):
    first, second = OfferFactory(), OfferFactory()
    services.overlap_mark(actor=world.alice, first=first, second=second, verdict=OverlapVerdict.ALIGN)
    services.overlap_mark(actor=world.alice, first=first, second=second, verdict=OverlapVerdict.INTENDED)
    assert OverlapMark.objects.get().verdict == OverlapVerdict.INTENDED


def test_it_refuses_an_overlap_verdict_from_a_non_coordinator(world):
    first, second = OfferFactory(), OfferFactory()
    with pytest.raises(PermissionDenied):
        services.overlap_mark(actor=world.bob, first=first, second=second, verdict=OverlapVerdict.ALIGN)


def test_it_lets_a_coordinator_in_the_region_set_priority_themes(world):
    coordinator = MembershipFactory(
        organisation=OrganisationFactory(region=region("AMR12")), role=Role.COORDINATOR
    ).user
    services.region_priorities_set(actor=coordinator, region=region("AMR12"), themes=[theme("zon-pv")])
    assert list(RegionPriorityTheme.objects.values_list("theme__code", flat=True)) == ["zon-pv"]


def test_it_refuses_priority_themes_from_a_coordinator_elsewhere(world):
    with pytest.raises(PermissionDenied):
        services.region_priorities_set(actor=world.charlie, region=region("AMR12"), themes=[theme("zon-pv")])


def test_it_shows_a_new_offer_in_a_matrix_that_was_cached_before(world, django_capture_on_commit_callbacks):
    from wattwijs.training import selectors
    from wattwijs.training.selectors import OfferFilters

    def zon_pv_in_utrecht():
        matrix = selectors.matrix(filters=OfferFilters(), layout="thema-regio", cell_url=lambda *args: "")
        row = next(row for row in matrix.rows if row.header.key == "zon-pv")
        return row.cells[[c.key for c in matrix.columns].index("AMR12")].total

    assert zon_pv_in_utrecht() == 0
    with django_capture_on_commit_callbacks(execute=True):
        services.offer_create(actor=world.alice, data=_data(world, themes=[theme("zon-pv")]))
    assert zon_pv_in_utrecht() == 1


def test_it_moves_an_edited_offer_to_its_new_region_in_the_matrix_cells(world):
    from wattwijs.training.models import OfferCell

    offer = OfferFactory(providers=[world.roc])
    services.offer_update(actor=world.alice, offer=offer, data=_data(world, regions=[region("AMR16")]))
    assert set(OfferCell.objects.filter(offer=offer).values_list("region__code", flat=True)) == {"AMR16"}


def test_it_moves_an_edited_offer_to_its_new_region_in_the_matrix_snapshot(world):
    from wattwijs.training import snapshot

    offer = OfferFactory(providers=[world.roc])
    services.offer_update(actor=world.alice, offer=offer, data=_data(world, regions=[region("AMR16")]))
    facts = snapshot.current()
    assert list(facts.region[facts.region_offer == offer.pk]) == [region("AMR16").pk]
