"""Self-assessment: the profile, the comparison with other regions, "learn from", bad input and permissions."""

from datetime import date, timedelta

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone

from wattwijs.core.models import Role
from wattwijs.core.tests.factories import MembershipFactory, OrganisationFactory, UserFactory, region
from wattwijs.practice import selectors_adoption, services_adoption
from wattwijs.practice.models import AssessmentScore, ChainStep, PublicationStatus, SelfAssessment
from wattwijs.practice.services_adoption import ScoreData

from .factories import PracticeFactory, SuccessFactorFactory

pytestmark = pytest.mark.django_db


def _assess(code, day, scores):
    assessment = SelfAssessment.objects.create(
        region=region(code), assessed_on=day, assessed_by=OrganisationFactory(region=region(code))
    )
    for factor, score in scores.items():
        AssessmentScore.objects.create(assessment=assessment, factor=factor, score=score, notes=f"noot {code} {score}")
    return assessment


@pytest.fixture
def made():
    """Four factors, Midden-Utrecht assessed twice, three other regions once (one of them also earlier)."""
    a = SuccessFactorFactory(name="Werven in de wijk", chain_step=ChainStep.RECRUITMENT, position=0)
    b = SuccessFactorFactory(name="Warme intake", chain_step=ChainStep.INTAKE, position=1)
    c = SuccessFactorFactory(name="Leren op een echt project", chain_step=ChainStep.TRAINING, position=2)
    d = SuccessFactorFactory(name="Nazorg na plaatsing", chain_step=ChainStep.AFTERCARE, position=3)
    _assess("AMR12", date(2025, 9, 1), {a: 1, b: 1, c: 2})
    _assess("AMR12", date(2026, 3, 1), {a: 0, b: 1, c: 3, d: 2})
    _assess("AMR01", date(2025, 1, 1), {a: 0, b: 0, c: 0, d: 0})
    _assess("AMR01", date(2026, 2, 1), {a: 3, b: 2, c: 1, d: 0})
    _assess("AMR02", date(2026, 2, 1), {a: 2, b: 0, c: 1, d: 1})
    _assess("AMR03", date(2026, 2, 1), {a: 1, b: 3, c: 2, d: 3})
    return {"a": a, "b": b, "c": c, "d": d}


def _coordinator(code):
    user = UserFactory()
    MembershipFactory(user=user, organisation=OrganisationFactory(region=region(code)), role=Role.COORDINATOR)
    return user


@pytest.fixture
def own(client):
    """A client logged in as a coordinator of Midden-Utrecht (AMR12)."""
    client.force_login(_coordinator("AMR12"))
    return client


def _rows(profile):
    return {row.factor.name: row for group in profile.groups for row in group.rows}


def test_the_profile_groups_the_latest_scores_by_chain_step(made):
    profile = selectors_adoption.region_profile(region("AMR12"))
    assert [(g.label, [r.score for r in g.rows]) for g in profile.groups] == [
        ("Werving", [0]),
        ("Intake", [1]),
        ("Opleiding", [3]),
        ("Nazorg", [2]),
    ]


def test_the_profile_shows_the_change_since_the_previous_assessment(made):
    rows = _rows(selectors_adoption.region_profile(region("AMR12")))
    changes = {name: row.change for name, row in rows.items()}
    assert changes == {
        "Werven in de wijk": -1,
        "Warme intake": 0,
        "Leren op een echt project": 1,
        "Nazorg na plaatsing": None,
    }


def test_the_average_takes_the_latest_assessment_of_each_other_region(made):
    profile = selectors_adoption.region_profile(region("AMR12"))
    averages = {name: row.average for name, row in _rows(profile).items()}
    assert profile.other_regions == 3
    assert averages == pytest.approx(
        {
            "Werven in de wijk": 2.0,
            "Warme intake": 5 / 3,
            "Leren op een echt project": 4 / 3,
            "Nazorg na plaatsing": 4 / 3,
        }
    )


def test_the_average_is_hidden_with_fewer_than_three_other_regions(made):
    SelfAssessment.objects.filter(region=region("AMR03")).delete()
    profile = selectors_adoption.region_profile(region("AMR12"))
    assert not profile.shows_average
    assert all(row.average is None for row in _rows(profile).values())


def test_the_page_hides_the_average_column_with_fewer_than_three_other_regions(own, made):
    SelfAssessment.objects.filter(region=region("AMR03")).delete()
    content = own.get("/praktijk/zelfscan/AMR12/").content.decode()
    assert "Gemiddelde van andere regio’s" not in content
    assert "Leren op een echt project" in content


def test_the_page_shows_the_rounded_average(own, made):
    content = own.get("/praktijk/zelfscan/AMR12/").content.decode()
    assert "Gemiddelde van andere regio’s" in content
    assert "<td>1,7</td>" in content


def test_the_page_never_shows_another_regions_notes(own, made):
    content = own.get("/praktijk/zelfscan/AMR12/").content.decode()
    assert "noot AMR12 3" in content
    assert "noot AMR01" not in content


def test_learn_from_offers_practices_of_regions_that_score_the_weakest_factors_high(made):
    a, b, c = made["a"], made["b"], made["c"]
    strong = PracticeFactory(title="Groningen werft", region=region("AMR01"), success_factors=[a])
    good = PracticeFactory(title="Friesland werft", region=region("AMR02"), success_factors=[a])
    PracticeFactory(title="Drenthe werft zwak", region=region("AMR03"), success_factors=[a])
    PracticeFactory(title="Groningen concept", region=region("AMR01"), success_factors=[a], status="concept")
    PracticeFactory(title="Eigen regio", region=region("AMR12"), success_factors=[a])
    PracticeFactory(title="Groningen leert", region=region("AMR01"), success_factors=[c])
    intake = PracticeFactory(title="Drenthe intake", region=region("AMR03"), success_factors=[b])
    learn_from = selectors_adoption.region_profile(region("AMR12")).learn_from
    assert [(item.row.factor.name, item.practices) for item in learn_from] == [
        ("Werven in de wijk", [good, strong]),
        ("Warme intake", [intake]),
        ("Nazorg na plaatsing", []),
    ]


def test_learn_from_ignores_a_strong_regions_older_assessment(made):
    SelfAssessment.objects.filter(region=region("AMR01"), assessed_on=date(2026, 2, 1)).delete()
    PracticeFactory(title="Groningen werft", region=region("AMR01"), success_factors=[made["a"]])
    learn_from = selectors_adoption.region_profile(region("AMR12")).learn_from
    assert learn_from[0].practices == []


def test_a_region_without_assessment_has_an_empty_profile(client):
    response = client.get("/praktijk/zelfscan/AMR05/")
    assert response.status_code == 200
    assert "heeft zichzelf nog niet beoordeeld" in response.content.decode()


def test_an_anonymous_visitor_sees_only_the_dates_of_a_regions_assessments(client, made):
    content = client.get("/praktijk/zelfscan/AMR12/").content.decode()
    assert "1 maart 2026" in content
    assert "1 september 2025" in content
    assert "noot AMR12" not in content
    assert "Score nu" not in content
    assert "Leer van" not in content


def test_a_coordinator_of_another_region_does_not_see_the_scores_or_notes(client, made):
    client.force_login(_coordinator("AMR01"))
    content = client.get("/praktijk/zelfscan/AMR12/").content.decode()
    assert "1 maart 2026" in content
    assert "noot AMR12" not in content
    assert "Score nu" not in content


def test_the_regions_own_coordinator_sees_scores_notes_and_progress(own, made):
    content = own.get("/praktijk/zelfscan/AMR12/").content.decode()
    assert "noot AMR12 3" in content
    assert "Score nu" in content
    assert "Vorige score" in content


def test_a_platform_admin_sees_a_regions_scores(client, world, made):
    client.force_login(world.admin)
    assert "noot AMR12 3" in client.get("/praktijk/zelfscan/AMR12/").content.decode()


def test_learn_from_shows_the_practice_and_its_region_but_not_that_regions_score(own, made):
    PracticeFactory(title="Groningen werft", region=region("AMR01"), success_factors=[made["a"]])
    content = own.get("/praktijk/zelfscan/AMR12/").content.decode()
    learn_from = content[content.index('id="leer-van"') :]
    assert f"Groningen werft</a> ({region('AMR01').name})</li>" in learn_from
    assert "scoort" not in learn_from


def test_the_start_page_lists_regions_that_assessed_themselves(client, made):
    content = client.get("/praktijk/zelfscan/").content.decode()
    assert 'href="/praktijk/zelfscan/AMR12/"' in content
    assert 'href="/praktijk/zelfscan/AMR05/"' not in content


def test_the_start_page_sends_the_chosen_region_to_its_profile(client):
    response = client.get("/praktijk/zelfscan/?region=AMR05")
    assert response.status_code == 302
    assert response["Location"] == "/praktijk/zelfscan/AMR05/"


# Recording a self-assessment ------------------------------------------------------------------------


def _scores(*values):
    return [ScoreData(factor=SuccessFactorFactory(), score=value) for value in values]


def test_a_coordinator_records_an_assessment_of_their_region(world):
    assessment = services_adoption.assessment_create(
        actor=world.alice,
        region=region("AMR12"),
        assessed_on=date(2026, 3, 1),
        assessed_by=world.roc,
        scores=_scores(2, 3),
    )
    assert sorted(assessment.scores.values_list("score", flat=True)) == [2, 3]


@pytest.mark.parametrize("score", [-1, 4])
def test_a_score_outside_0_to_3_is_refused_and_nothing_is_saved(world, score):
    with pytest.raises(ValidationError) as error:
        services_adoption.assessment_create(
            actor=world.alice,
            region=region("AMR12"),
            assessed_on=date(2026, 3, 1),
            assessed_by=world.roc,
            scores=_scores(2, score),
        )
    assert "Een score is 0, 1, 2 of 3." in str(error.value)
    assert not SelfAssessment.objects.exists()


def test_the_database_refuses_a_score_above_3(world):
    assessment = SelfAssessment.objects.create(
        region=region("AMR12"), assessed_on=date(2026, 3, 1), assessed_by=world.roc
    )
    with pytest.raises(IntegrityError), transaction.atomic():
        AssessmentScore.objects.create(assessment=assessment, factor=SuccessFactorFactory(), score=4)


def test_an_assessment_in_the_future_is_refused(world):
    with pytest.raises(ValidationError) as error:
        services_adoption.assessment_create(
            actor=world.alice,
            region=region("AMR12"),
            assessed_on=timezone.localdate() + timedelta(days=1),
            assessed_by=world.roc,
            scores=_scores(1),
        )
    assert "assessed_on" in error.value.error_dict


def test_an_assessment_on_behalf_of_an_organisation_in_another_region_is_refused(world):
    with pytest.raises(ValidationError) as error:
        services_adoption.assessment_create(
            actor=world.admin,
            region=region("AMR12"),
            assessed_on=date(2026, 3, 1),
            assessed_by=world.gemeente,
            scores=_scores(1),
        )
    assert "assessed_by" in error.value.error_dict


def test_a_coordinator_of_another_region_may_not_assess_this_one(world):
    with pytest.raises(PermissionDenied):
        services_adoption.assessment_create(
            actor=world.charlie,
            region=region("AMR12"),
            assessed_on=date(2026, 3, 1),
            assessed_by=world.roc,
            scores=_scores(1),
        )


def test_a_coach_may_not_assess_their_region(world):
    with pytest.raises(PermissionDenied):
        services_adoption.assessment_create(
            actor=world.bob,
            region=region("AMR12"),
            assessed_on=date(2026, 3, 1),
            assessed_by=world.roc,
            scores=_scores(1),
        )


def test_the_form_is_forbidden_to_another_region(client, world):
    client.force_login(world.charlie)
    assert client.get("/praktijk/zelfscan/AMR12/nieuw/").status_code == 403


def _form_data(world, factors, scores):
    data = {"assessed_on": "2026-03-01", "assessed_by": world.roc.pk}
    for factor, score in zip(factors, scores, strict=True):
        data[f"score_{factor.pk}"] = score
        data[f"notes_{factor.pk}"] = "Loopt goed."
    return data


def test_the_form_saves_all_factors_at_once(client, world):
    factors = [SuccessFactorFactory(), SuccessFactorFactory(chain_step=ChainStep.INTAKE)]
    client.force_login(world.alice)
    response = client.post("/praktijk/zelfscan/AMR12/nieuw/", _form_data(world, factors, [1, 3]))
    assert response.status_code == 302
    assert sorted(AssessmentScore.objects.values_list("score", "notes")) == [(1, "Loopt goed."), (3, "Loopt goed.")]


def test_the_form_refuses_a_score_of_5_with_a_dutch_message(client, world):
    factors = [SuccessFactorFactory(), SuccessFactorFactory()]
    client.force_login(world.alice)
    response = client.post("/praktijk/zelfscan/AMR12/nieuw/", _form_data(world, factors, [1, 5]))
    assert response.status_code == 400
    assert "Een score is 0, 1, 2 of 3." in response.content.decode()
    assert not SelfAssessment.objects.exists()


def test_the_profile_page_needs_at_most_ten_queries_whatever_the_regions(own, made, django_assert_max_num_queries):
    for code in ("AMR04", "AMR05", "AMR06", "AMR07"):
        _assess(code, date(2026, 1, 1), {made["a"]: 3, made["b"]: 3, made["c"]: 3, made["d"]: 3})
        PracticeFactory(region=region(code), success_factors=[made["a"], made["b"]])
    with django_assert_max_num_queries(10):
        assert own.get("/praktijk/zelfscan/AMR12/").status_code == 200


def test_published_practice_status_is_required_for_learn_from(made):
    PracticeFactory(region=region("AMR01"), success_factors=[made["a"]], status=PublicationStatus.ARCHIVED)
    assert selectors_adoption.region_profile(region("AMR12")).learn_from[0].practices == []
