from datetime import date, timedelta

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from wattwijs.core.models import AuditEntry
from wattwijs.core.tests.factories import region, theme
from wattwijs.practice import services
from wattwijs.practice.models import (
    Adoption,
    AdoptionStatus,
    InnovationProject,
    PartnerRole,
    Practice,
    PracticePartner,
    PracticeResult,
    PublicationStatus,
    ResultIndicator,
)
from wattwijs.practice.services import PartnerData, PracticeData, ProjectData, ResultData

from .factories import PracticeFactory, ProjectFactory, SuccessFactorFactory

pytestmark = pytest.mark.django_db


def _data(world, **changes):
    values = {
        "title": "Renoveren in de wijk",
        "owner": world.roc,
        "region": region("AMR12"),
        "target_group": "werkzoekenden",
        "status": PublicationStatus.PUBLISHED,
    }
    values.update(changes)
    return PracticeData(**values)


def _project_data(world, **changes):
    values = {
        "title": "Proefwoning",
        "owner": world.roc,
        "region": region("AMR12"),
        "learning_question": "Leren studenten sneller op een echte woning?",
        "period_start": date(2025, 9, 1),
    }
    values.update(changes)
    return ProjectData(**values)


def test_it_creates_a_practice_with_partners_results_and_factors(world):
    factor = SuccessFactorFactory()
    practice = services.practice_create(
        actor=world.alice,
        data=_data(
            world,
            themes=[theme("isolatie-renovatie")],
            success_factors=[factor],
            partners=[
                PartnerData(role=PartnerRole.MUNICIPALITY, organisation=world.gemeente),
                PartnerData(role=PartnerRole.CLIENT, name="Woningcorporatie De Wijk"),
            ],
            results=[ResultData(date(2026, 3, 1), ResultIndicator.PLACED, 12)],
        ),
    )
    assert [p.display_name for p in practice.partners.all()] == ["Gemeente Test", "Woningcorporatie De Wijk"]
    assert list(practice.results.values_list("indicator", "value")) == [("geplaatst", 12)]
    assert list(practice.success_factors.all()) == [factor]


def test_publishing_sets_the_publication_date(world):
    practice = services.practice_create(actor=world.alice, data=_data(world))
    assert practice.published_at is not None


def test_a_draft_has_no_publication_date(world):
    practice = services.practice_create(actor=world.alice, data=_data(world, status=PublicationStatus.DRAFT))
    assert practice.published_at is None


def test_two_practices_with_the_same_title_get_different_slugs(world):
    first = services.practice_create(actor=world.alice, data=_data(world))
    second = services.practice_create(actor=world.alice, data=_data(world))
    assert first.slug != second.slug


def test_it_writes_an_audit_entry(world):
    practice = services.practice_create(actor=world.alice, data=_data(world))
    entry = AuditEntry.objects.get(action="practice.practice_create")
    assert (entry.object_id, entry.actor_id, entry.organisation_id) == (str(practice.pk), world.alice.pk, world.roc.pk)


def test_it_refuses_a_practice_without_title(world):
    with pytest.raises(ValidationError) as error:
        services.practice_create(actor=world.alice, data=_data(world, title="  "))
    assert "title" in error.value.message_dict
    assert not Practice.objects.exists()


def test_it_refuses_a_result_in_the_future(world):
    tomorrow = timezone.localdate() + timedelta(days=1)
    with pytest.raises(ValidationError) as error:
        services.practice_create(
            actor=world.alice, data=_data(world, results=[ResultData(tomorrow, ResultIndicator.STARTED, 5)])
        )
    assert "results" in error.value.message_dict
    assert not Practice.objects.exists()


def test_it_refuses_the_same_indicator_twice_on_one_date(world):
    results = [ResultData(date(2026, 1, 1), ResultIndicator.STARTED, 5)] * 2
    with pytest.raises(ValidationError):
        services.practice_create(actor=world.alice, data=_data(world, results=results))
    assert not PracticeResult.objects.exists()


def test_it_refuses_a_negative_result(world):
    with pytest.raises(ValidationError):
        services.practice_create(
            actor=world.alice, data=_data(world, results=[ResultData(date(2026, 1, 1), ResultIndicator.PLACED, -1)])
        )


def test_it_refuses_an_unknown_indicator(world):
    with pytest.raises(ValidationError):
        services.practice_create(
            actor=world.alice, data=_data(world, results=[ResultData(date(2026, 1, 1), "gelukkig", 3)])
        )


def test_it_refuses_a_partner_without_organisation_or_name(world):
    with pytest.raises(ValidationError) as error:
        services.practice_create(actor=world.alice, data=_data(world, partners=[PartnerData(role=PartnerRole.CLIENT)]))
    assert "partners" in error.value.message_dict
    assert not PracticePartner.objects.exists()


def test_it_refuses_an_unknown_target_group(world):
    with pytest.raises(ValidationError):
        services.practice_create(actor=world.alice, data=_data(world, target_group="iedereen"))


def test_it_refuses_a_practice_in_another_organisations_name(world):
    with pytest.raises(ValidationError) as error:
        services.practice_create(actor=world.alice, data=_data(world, owner=world.gemeente))
    assert "owner" in error.value.message_dict
    assert not Practice.objects.exists()


def test_a_coach_may_not_create_a_practice(world):
    with pytest.raises(PermissionDenied):
        services.practice_create(actor=world.bob, data=_data(world))


def test_it_refuses_to_edit_another_organisations_practice(world):
    practice = PracticeFactory(owner=world.roc, title="Origineel")
    with pytest.raises(PermissionDenied):
        services.practice_update(
            actor=world.charlie, practice=practice, data=_data(world, owner=world.gemeente, title="Gekaapt")
        )
    practice.refresh_from_db()
    assert practice.title == "Origineel"


def test_the_owner_edits_and_replaces_results(world):
    practice = PracticeFactory(owner=world.roc)
    PracticeResult.objects.create(practice=practice, measured_on=date(2025, 1, 1), indicator="gestart", value=3)
    services.practice_update(
        actor=world.alice,
        practice=practice,
        data=_data(world, title="Nieuwe titel", results=[ResultData(date(2026, 1, 1), ResultIndicator.PLACED, 4)]),
    )
    practice.refresh_from_db()
    assert practice.title == "Nieuwe titel"
    assert list(practice.results.values_list("indicator", "value")) == [("geplaatst", 4)]


def test_a_platform_admin_may_edit_any_practice(world):
    practice = PracticeFactory(owner=world.gemeente)
    services.practice_update(actor=world.admin, practice=practice, data=_data(world, owner=world.gemeente, title="X"))
    practice.refresh_from_db()
    assert practice.title == "X"


# Sanitising --------------------------------------------------------------------------------------


def test_it_removes_scripts_from_rich_text(world):
    practice = services.practice_create(
        actor=world.alice, data=_data(world, lessons="<p>Goed</p><script>alert('x')</script>")
    )
    assert practice.lessons == "<p>Goed</p>"


def test_it_removes_event_handlers_and_javascript_links(world):
    practice = services.practice_create(
        actor=world.alice,
        data=_data(
            world,
            approach_coaching='<p onclick="steal()">Coach</p><a href="javascript:steal()">link</a>',
        ),
    )
    assert "onclick" not in practice.approach_coaching
    assert "javascript" not in practice.approach_coaching
    assert "<p>Coach</p>" in practice.approach_coaching


def test_it_keeps_allowed_markup(world):
    practice = services.practice_create(
        actor=world.alice, data=_data(world, approach_funding="<ul><li><strong>Gemeente</strong></li></ul>")
    )
    assert practice.approach_funding == "<ul><li><strong>Gemeente</strong></li></ul>"


def test_it_sanitises_project_rich_text(world):
    project = services.project_create(
        actor=world.alice, data=_project_data(world, findings='<img src=x onerror="steal()">Gevonden')
    )
    assert project.findings == "Gevonden"


# Innovation projects -----------------------------------------------------------------------------


def test_it_creates_a_project_that_grew_into_a_practice(world):
    practice = PracticeFactory(owner=world.roc)
    project = services.project_create(
        actor=world.alice,
        data=_project_data(
            world, grew_into=practice, schools=[world.roc], companies=[world.gemeente], student_count=12
        ),
    )
    assert project.grew_into == practice
    assert list(practice.grown_from.all()) == [project]


def test_it_refuses_a_project_that_ends_before_it_starts(world):
    with pytest.raises(ValidationError) as error:
        services.project_create(actor=world.alice, data=_project_data(world, period_end=date(2025, 1, 1)))
    assert "period_end" in error.value.message_dict
    assert not InnovationProject.objects.exists()


def test_it_refuses_a_project_without_learning_question(world):
    with pytest.raises(ValidationError) as error:
        services.project_create(actor=world.alice, data=_project_data(world, learning_question=" "))
    assert "learning_question" in error.value.message_dict


def test_it_refuses_to_edit_another_organisations_project(world):
    project = ProjectFactory(owner=world.roc, title="Origineel")
    with pytest.raises(PermissionDenied):
        services.project_update(actor=world.charlie, project=project, data=_project_data(world, owner=world.gemeente))
    project.refresh_from_db()
    assert project.title == "Origineel"


def test_it_refuses_a_result_larger_than_a_number_of_people_can_be(world):
    with pytest.raises(ValidationError):
        services.practice_create(
            actor=world.alice,
            data=_data(world, results=[ResultData(date(2026, 1, 1), ResultIndicator.PLACED, 3_000_000_000)]),
        )


def test_a_practice_cannot_move_to_a_region_that_follows_it(world):
    practice = services.practice_create(actor=world.alice, data=_data(world))
    Adoption.objects.create(practice=practice, region=region("AMR24"), status=AdoptionStatus.INTEREST)
    with pytest.raises(ValidationError) as error:
        services.practice_update(
            actor=world.alice, practice=practice, data=_data(world, region=region("AMR24"), title="Verhuisd")
        )
    assert "volgt dit praktijkvoorbeeld al" in str(error.value.message_dict["region"])
    practice.refresh_from_db()
    assert (practice.region, practice.title) == (region("AMR12"), "Renoveren in de wijk")


def test_a_practice_moves_to_a_region_that_does_not_follow_it(world):
    practice = services.practice_create(actor=world.alice, data=_data(world))
    services.practice_update(actor=world.alice, practice=practice, data=_data(world, region=region("AMR24")))
    practice.refresh_from_db()
    assert practice.region == region("AMR24")
