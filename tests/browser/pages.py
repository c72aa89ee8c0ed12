"""The pages the accessibility and layout checks visit.

Later modules add their pages with ``PAGES.append(PageCase(...))`` or ``PAGES.extend(...)``,
here or in a module imported by this one: test_accessibility parametrizes over PAGES when it is collected.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from wattwijs.core.models import Membership

PathSpec = str | Callable[[Any], str]


@dataclass(frozen=True)
class PageCase:
    name: str
    # A path, or a callable that takes the ``world`` fixture and returns one.
    path: PathSpec
    # Attribute of ``world`` to log in as (e.g. "alice"), or None for an anonymous visitor.
    user: str | None = None
    status: int = 200

    def resolve(self, world: Any) -> str:
        return self.path(world) if callable(self.path) else self.path


def _bob_removal(world: Any) -> str:
    membership = Membership.objects.get(user=world.bob, organisation=world.roc)
    return f"/organisaties/{world.roc.slug}/leden/{membership.pk}/verwijderen/"


PAGES: list[PageCase] = [
    PageCase("home", "/"),
    PageCase("organisations", "/organisaties/"),
    PageCase("organisations-kind-school", "/organisaties/?kind=school"),
    PageCase("organisations-no-results", "/organisaties/?q=zzzz"),
    PageCase("organisation-detail", lambda world: world.roc.get_absolute_url()),
    PageCase("regions", "/regios/"),
    PageCase("region-detail", "/regios/AMR12/"),
    PageCase("themes", "/themas/"),
    PageCase("theme-detail", "/themas/zon-pv/"),
    PageCase("login", "/account/login/"),
    PageCase("password-reset", "/account/password_reset/"),
    PageCase("not-found", "/bestaat-niet/", status=404),
    PageCase("profile", "/account/", user="alice"),
    PageCase("members", "/organisaties/roc-test/leden/", user="alice"),
    PageCase("organisation-edit", "/organisaties/roc-test/bewerken/", user="alice"),
    PageCase("audit-log", "/auditlog/", user="alice"),
    PageCase("password-change", "/account/password_change/", user="alice"),
    PageCase("member-remove", _bob_removal, user="alice"),
    PageCase("members-forbidden", "/organisaties/roc-test/leden/", user="bob", status=403),
]


# Qualification framework ---------------------------------------------------------------------------


def _framework(world: Any) -> Any:
    """A small adopted framework version with one qualification and a unit, made once per test."""
    if not hasattr(world, "framework"):
        from wattwijs.framework.models import FrameworkVersion, WorkProcess
        from wattwijs.framework.tests.factories import (
            CertificateFactory,
            CompetenceFactory,
            UnitFactory,
            VersionFactory,
            qualification_with_work_processes,
        )

        version = VersionFactory(name="Kader 2026", slug="kader-2026", status=FrameworkVersion.Status.ADOPTED)
        qualification = qualification_with_work_processes(version)
        work_processes = list(WorkProcess.objects.filter(core_task__qualification=qualification).order_by("code"))
        world.framework = {
            "version": version,
            "draft": VersionFactory(name="Concept 2027", slug="concept-2027", based_on=version),
            "qualification": qualification,
            "work_process": work_processes[0],
            "unit": UnitFactory(version=version, work_processes=work_processes[:2]),
            "competence": CompetenceFactory(version=version, work_processes=work_processes[:1]),
            "certificate": CertificateFactory(version=version, work_processes=work_processes[1:2]),
        }
    return world.framework


def _node(key: str, suffix: str = "") -> Callable[[Any], str]:
    return lambda world: _framework(world)[key].get_absolute_url() + suffix


PAGES.extend(
    [
        PageCase("framework-tree", lambda world: _framework(world) and "/kwalificatiekader/"),
        PageCase("framework-tree-search", lambda world: _framework(world) and "/kwalificatiekader/?q=W2&level=3"),
        PageCase("framework-versions", lambda world: _framework(world) and "/kwalificatiekader/versies/"),
        PageCase("framework-version", _node("version")),
        PageCase("framework-qualification", _node("qualification")),
        PageCase("framework-dossier", lambda world: _framework(world)["qualification"].dossier.get_absolute_url()),
        PageCase(
            "framework-core-task",
            lambda world: _framework(world)["qualification"].core_tasks.get().get_absolute_url(),
        ),
        PageCase("framework-work-process", _node("work_process")),
        PageCase("framework-unit", _node("unit")),
        PageCase(
            "framework-units", lambda world: f"/kwalificatiekader/versies/{_framework(world)['version'].slug}/eenheden/"
        ),
        PageCase("framework-competence", _node("competence")),
        PageCase("framework-certificate", _node("certificate")),
        PageCase("framework-diff", lambda world: f"{_framework(world)['draft'].get_absolute_url()}verschillen/"),
        PageCase(
            "framework-unit-new",
            lambda world: f"/kwalificatiekader/versies/{_framework(world)['draft'].slug}/eenheden/nieuw/",
            user="alice",
        ),
        PageCase("framework-version-manage", _node("draft"), user="alice"),
        PageCase(
            "framework-import",
            lambda world: f"/kwalificatiekader/versies/{_framework(world)['draft'].slug}/importeren/",
            user="alice",
        ),
    ]
)


# Leermiddelenbank ----------------------------------------------------------------------------------


def _materials(world: Any) -> Any:
    """A published material with a review, an adaptation, and a submitted one, made once per test."""
    if not hasattr(world, "materials"):
        from wattwijs.core.tests.factories import theme
        from wattwijs.library.models import Review
        from wattwijs.library.search import index
        from wattwijs.library.tests.factories import material

        published = material(
            "Hybride warmtepomp inregelen",
            "Werkplaatsopdracht: regel een hybride warmtepomp in en meet de COP.",
            publisher=world.roc,
            licence="cc-by-sa-40",
            themes=[theme("warmtepompen")],
            authors=["Fatima el Amrani"],
            keywords=["warmtepomp", "COP"],
        )
        Review.objects.create(version=published, author=world.bob, rating=4, text="Goed.", status="goedgekeurd")
        index.index_resources([published.resource_id])
        submitted = material("Laadpaal aansluiten", publisher=world.roc, status="ingediend", created_by=world.alice)
        world.materials = {"published": published, "submitted": submitted}
    return world.materials


def _material(key: str, suffix: str = "") -> Callable[[Any], str]:
    return lambda world: _materials(world)[key].resource.get_absolute_url() + suffix


PAGES.extend(
    [
        PageCase("library-search", lambda world: _materials(world) and "/leermiddelen/"),
        PageCase("library-search-words", lambda world: _materials(world) and "/leermiddelen/?q=warmtepomp"),
        PageCase(
            "library-search-facet",
            lambda world: _materials(world) and "/leermiddelen/?q=warmtepomp&licence=cc-by-sa-40",
        ),
        PageCase("library-search-none", lambda world: _materials(world) and "/leermiddelen/?q=warmtepomq"),
        PageCase("library-material", _material("published")),
        PageCase("library-material-moderator", _material("submitted"), user="alice"),
        PageCase("library-share", "/leermiddelen/delen/", user="alice"),
        PageCase("library-return", _material("submitted", "v/1/terugsturen/"), user="alice"),
        PageCase("library-moderation", lambda world: _materials(world) and "/leermiddelen/moderatie/", user="alice"),
        PageCase("library-own-work", lambda world: _materials(world) and "/leermiddelen/mijn-materiaal/", user="alice"),
    ]
)


def _collection(world: Any) -> str:
    from wattwijs.library.models import Collection

    collection = Collection.objects.create(title="Startpakket warmtepompen", owner=world.alice, is_public=True)
    collection.items.create(resource=_materials(world)["published"].resource, position=1)
    return collection.get_absolute_url()


PAGES.extend(
    [
        PageCase("library-collections", lambda world: _collection(world) and "/leermiddelen/collecties/"),
        PageCase("library-collection", _collection),
        PageCase("library-collection-owner", _collection, user="alice"),
        PageCase("library-collection-new", "/leermiddelen/collecties/nieuw/", user="alice"),
        PageCase("library-review", _material("published", "v/1/beoordelen/"), user="bob"),
        PageCase("library-adapt", _material("published", "v/1/bewerking-maken/"), user="alice"),
        PageCase("library-material-logged-in", _material("published"), user="alice"),
        PageCase(
            "library-search-logged-in", lambda world: _collection(world) and "/leermiddelen/?q=warmtepomp", user="alice"
        ),
    ]
)


# Opleidingsschema ----------------------------------------------------------------------------------


def _training(world: Any) -> Any:
    """Two overlapping offers of different providers, one in development, and a priority theme; made once."""
    if not hasattr(world, "training"):
        from wattwijs.core.tests.factories import region, theme
        from wattwijs.training.models import OfferStatus, RegionPriorityTheme
        from wattwijs.training.tests.factories import OfferFactory

        first = OfferFactory(
            title="Bijscholing warmtepomp ROC",
            providers=[world.roc],
            days_at_work=4,
            days_at_school=1,
            format_note="op een renovatieproject in de wijk",
        )
        second = OfferFactory(title="Bijscholing warmtepomp gemeente", providers=[world.gemeente])
        OfferFactory(
            title="Warmtenet monteur (in ontwikkeling)",
            providers=[world.gemeente],
            regions=[region("AMR24")],
            themes=[theme("warmtenetten")],
            status=OfferStatus.IN_DEVELOPMENT,
            development_phase="pilot",
            expected_start="2027-02-01",
        )
        RegionPriorityTheme.objects.create(region=region("AMR12"), theme=theme("windenergie"))
        world.training = {"first": first, "second": second}
    return world.training


# Transitiehuis ---------------------------------------------------------------------------------------


def _pathways(world: Any) -> Any:
    """A chain coordinated by ROC Test (so alice coordinates it) with bob's placed candidate, made once per test."""
    if not hasattr(world, "pathways"):
        import datetime

        from wattwijs.core.models import OrganisationKind
        from wattwijs.core.tests.factories import OrganisationFactory
        from wattwijs.pathways import services
        from wattwijs.pathways.tests.factories import (
            CandidateFactory,
            ChainFactory,
            ChainStepFactory,
            LearningPlaceFactory,
            consent_for,
        )

        chain = ChainFactory(name="Transitiehuis Test", slug="transitiehuis-test", coordinating_organisation=world.roc)
        company = OrganisationFactory(
            name="Leerbedrijf Test", slug="leerbedrijf-test", kind=OrganisationKind.LEERBEDRIJF
        )
        for organisation, step in [(world.roc, "intake"), (world.roc, "opleiding"), (company, "plaatsing")]:
            ChainStepFactory(chain=chain, organisation=organisation, step=step)
        place = LearningPlaceFactory(organisation=company, chain=chain, title="Leerling-monteur warmtepompen")
        candidate = CandidateFactory(chain=chain, coach=world.bob, first_name="Fenna", last_name="Fictief")
        consent_for(candidate, world.roc)
        placement = services.placement_create(
            actor=world.alice, candidate=candidate, learning_place=place, start_date=datetime.date(2025, 1, 6)
        )
        services.checkpoint_record(
            actor=world.alice, placement=placement, month=6, checked_on=datetime.date(2025, 7, 7), outcome="werkt"
        )
        # In ROC Test's step and shared with it, coached by nobody there: bob sees it as a partner's coach.
        shared = CandidateFactory(chain=chain, coach=None, stage="intake", first_name="Pieter", last_name="Partner")
        consent_for(shared, world.roc)
        world.pathways = {"chain": chain, "place": place, "candidate": candidate, "shared": shared}
    return world.pathways


def _pathways_url(key: str, suffix: str = "") -> Callable[[Any], str]:
    return lambda world: _pathways(world)[key].get_absolute_url() + suffix


PAGES.extend(
    [
        PageCase("training-matrix", lambda world: _training(world) and "/opleidingen/"),
        PageCase(
            "training-matrix-kinds", lambda world: _training(world) and "/opleidingen/?indeling=thema-soort&level=3"
        ),
        PageCase(
            "training-matrix-targets", lambda world: _training(world) and "/opleidingen/?indeling=regio-doelgroep"
        ),
        PageCase("training-offers", lambda world: _training(world) and "/opleidingen/aanbod/?theme=warmtepompen"),
        PageCase("training-offers-none", "/opleidingen/aanbod/?q=zzzz"),
        PageCase("training-offer", lambda world: _training(world)["first"].get_absolute_url()),
        PageCase("training-offer-new", "/opleidingen/aanbod/nieuw/", user="alice"),
        PageCase(
            "training-offer-edit",
            lambda world: f"{_training(world)['first'].get_absolute_url()}bewerken/",
            user="alice",
        ),
        PageCase("training-own-offers", lambda world: _training(world) and "/opleidingen/mijn-aanbod/", user="alice"),
        PageCase("training-overlap", lambda world: _training(world) and "/opleidingen/overlap/", user="alice"),
        PageCase("training-gaps", lambda world: _training(world) and "/opleidingen/witte-vlekken/"),
        PageCase("training-region", lambda world: _training(world) and "/opleidingen/regios/AMR12/", user="alice"),
        PageCase("training-print", lambda world: _training(world) and "/opleidingen/afdrukken/"),
        PageCase("pathways-chains", lambda world: _pathways(world) and "/transitiehuis/"),
        PageCase("pathways-chain", _pathways_url("chain")),
        PageCase("pathways-places", lambda world: _pathways(world) and "/transitiehuis/leerbanen/"),
        PageCase("pathways-place", _pathways_url("place")),
        PageCase(
            "pathways-place-new", lambda world: _pathways(world) and "/transitiehuis/leerbanen/nieuw/", user="alice"
        ),
        PageCase("pathways-place-edit", _pathways_url("place", "bewerken/"), user="alice"),
        PageCase("pathways-board", _pathways_url("chain", "bord/"), user="alice"),
        PageCase("pathways-dashboard", _pathways_url("chain", "dashboard/"), user="alice"),
        PageCase("pathways-candidates", lambda world: _pathways(world) and "/transitiehuis/kandidaten/", user="alice"),
        PageCase("pathways-aftercare", lambda world: _pathways(world) and "/transitiehuis/nazorg/", user="bob"),
        PageCase("pathways-candidate-coordinator", _pathways_url("candidate"), user="alice"),
        PageCase("pathways-candidate-coach", _pathways_url("candidate"), user="bob"),
        PageCase("pathways-candidate-edit", _pathways_url("candidate", "bewerken/"), user="bob"),
        PageCase("pathways-intake", lambda world: _pathways(world) and "/transitiehuis/kandidaten/nieuw/", user="bob"),
        PageCase("pathways-access-log", _pathways_url("candidate", "inzage/"), user="alice"),
        PageCase("pathways-erase", _pathways_url("candidate", "wissen/"), user="alice"),
        PageCase("pathways-candidate-forbidden", _pathways_url("candidate"), user="charlie", status=403),
    ]
)
PAGES.append(PageCase("pathways-candidate-export", _pathways_url("candidate", "overzicht/"), user="alice"))
PAGES.append(PageCase("pathways-candidate-partner", _pathways_url("shared"), user="bob"))


# Bulk import of learning materials -----------------------------------------------------------------

PAGES.append(PageCase("interop-resource-import", "/leermiddelen/importeren/", user="alice"))


# Harvesting, capacity and matching -----------------------------------------------------------------


def _harvest_source(world: Any) -> str:
    """A harvest source of ROC Test with a finished run that skipped a record, made once per test."""
    if not hasattr(world, "harvest_source"):
        from wattwijs.interop.models import HarvestError, HarvestRun, HarvestSource

        source = HarvestSource.objects.create(
            name="Wikiwijs", base_url="https://wikiwijs.example.org/oai", organisation=world.roc
        )
        run = HarvestRun.objects.create(source=source, status=HarvestRun.Status.FINISHED, added=12, failed=1)
        HarvestError.objects.create(run=run, identifier="oai:wikiwijs:7", message="De titel ontbreekt.")
        world.harvest_source = source
    return str(world.harvest_source.get_absolute_url())


def _capacity(world: Any) -> Any:
    """The example capacity figures and four computed scenarios, loaded once per world."""
    if not hasattr(world, "capacity"):
        from wattwijs.capacity import demo

        demo.load()
        world.capacity = True
    return world.capacity


def _own_scenario(world: Any) -> str:
    """A copy of the base example scenario made by alice, so she may change and delete it."""
    if not hasattr(world, "own_scenario"):
        from wattwijs.capacity import services
        from wattwijs.capacity.models import Scenario

        _capacity(world)
        world.own_scenario = services.scenario_copy(
            actor=world.alice, scenario=Scenario.objects.get(slug="voorbeeld-basis")
        )
    return f"/arbeidscapaciteit/scenarios/{world.own_scenario.slug}/"


def _supply_edit(world: Any) -> str:
    from wattwijs.capacity.models import Supply

    _capacity(world)
    return f"/arbeidscapaciteit/cijfers/aanbod/{Supply.objects.order_by('pk').first().pk}/bewerken/"


def _candidate_route(world: Any) -> str:
    from django.urls import reverse

    place = _pathways(world)["place"]
    return reverse("matching:candidate_route", args=[_pathways(world)["shared"].pk]) + f"?learning_place={place.pk}"


def _matching_url(name: str, key: str) -> Callable[[Any], str]:
    from django.urls import reverse

    def resolve(world: Any) -> str:
        obj = _pathways(world)[key]
        return reverse(name, args=[obj.slug if key == "chain" else obj.pk])

    return resolve


PAGES.extend(
    [
        PageCase("harvest-sources", lambda world: _harvest_source(world) and "/uitwisseling/bronnen/", user="alice"),
        PageCase("harvest-source", _harvest_source, user="alice"),
        PageCase("harvest-source-new", "/uitwisseling/bronnen/nieuw/", user="alice"),
        PageCase("harvest-source-edit", lambda world: f"{_harvest_source(world)}bewerken/", user="alice"),
        PageCase("capacity-overview", lambda world: _capacity(world) and "/arbeidscapaciteit/"),
        PageCase(
            "capacity-region", lambda world: _capacity(world) and "/arbeidscapaciteit/regios/AMR12/", user="alice"
        ),
        PageCase("capacity-scenarios", lambda world: _capacity(world) and "/arbeidscapaciteit/scenarios/"),
        PageCase(
            "capacity-scenario",
            lambda world: _capacity(world) and "/arbeidscapaciteit/scenarios/voorbeeld-basis/",
            user="alice",
        ),
        PageCase("capacity-scenario-edit", lambda world: f"{_own_scenario(world)}bewerken/", user="alice"),
        PageCase("capacity-scenario-delete", lambda world: f"{_own_scenario(world)}verwijderen/", user="alice"),
        PageCase(
            "capacity-compare",
            lambda world: (
                _capacity(world) and "/arbeidscapaciteit/vergelijken/?a=voorbeeld-basis&b=voorbeeld-gecombineerd"
            ),
        ),
        PageCase("capacity-import", "/arbeidscapaciteit/importeren/", user="alice"),
        PageCase("capacity-figures", lambda world: _capacity(world) and "/arbeidscapaciteit/cijfers/"),
        PageCase(
            "capacity-figure-list",
            lambda world: _capacity(world) and "/arbeidscapaciteit/cijfers/aanjagers/",
            user="alice",
        ),
        PageCase("capacity-figure-new", "/arbeidscapaciteit/cijfers/aanbod/nieuw/", user="alice"),
        PageCase("capacity-figure-edit", _supply_edit, user="alice"),
        PageCase("matching-candidate", _matching_url("matching:candidate_matches", "shared"), user="alice"),
        PageCase("matching-place", _matching_url("matching:place_matches", "place"), user="alice"),
        PageCase("matching-weights", _matching_url("matching:weights_edit", "chain"), user="alice"),
        PageCase("matching-cohort", _matching_url("matching:cohort", "chain"), user="alice"),
        PageCase("matching-route", "/matching/routeadvies/"),
        PageCase("matching-candidate-route", _candidate_route, user="alice"),
        PageCase("matching-route-no-goal", "/matching/routeadvies/?region=1", status=400),
    ]
)


# Praktijkvoorbeelden, innovation projects and the toolkit ------------------------------------------


def _practice(world: Any) -> Any:
    """A published practice of ROC Test with partners, results and a success factor, a project that grew
    into it, and a draft; made once per test."""
    if not hasattr(world, "practice"):
        import datetime

        from wattwijs.core.tests.factories import theme
        from wattwijs.practice.models import PracticePartner, PracticeResult, PublicationStatus
        from wattwijs.practice.tests.factories import PracticeFactory, ProjectFactory, SuccessFactorFactory

        factor = SuccessFactorFactory(code="leren-op-echt-project", name="Leren op een echt project")
        published = PracticeFactory(
            title="Renoveren in de wijk",
            slug="renoveren-in-de-wijk",
            owner=world.roc,
            themes=[theme("isolatie-renovatie")],
            success_factors=[factor],
            approach_training_format="<p>Vier dagen werken op een project in de wijk, één dag school.</p>",
            lessons="<ul><li>Begin met één ploeg.</li></ul>",
            contact_name="Contactpersoon",
            contact_email="praktijk@example.org",
        )
        PracticePartner.objects.create(practice=published, organisation=world.gemeente, role="gemeente")
        PracticePartner.objects.create(practice=published, name="Bouwbedrijf De Wijk", role="werkgever", position=1)
        for indicator, value in [("gestart", 14), ("geplaatst", 10)]:
            PracticeResult.objects.create(
                practice=published, measured_on=datetime.date(2026, 3, 1), indicator=indicator, value=value
            )
        project = ProjectFactory(
            title="Proefwoning renovatie",
            slug="proefwoning-renovatie",
            owner=world.roc,
            grew_into=published,
            student_count=24,
            setup="<p>Teams van vier studenten.</p>",
            findings="Studenten leerden sneller.",
        )
        project.schools.set([world.roc])
        draft = PracticeFactory(title="Concept voorbeeld", slug="concept-voorbeeld", owner=world.roc)
        draft.status = PublicationStatus.DRAFT
        draft.save(update_fields=["status"])
        world.practice = {"published": published, "project": project, "draft": draft}
    return world.practice


def _practice_edit_with_links(world: Any) -> str:
    """The published practice's edit form, with a learning material and a training offer already linked."""
    published = _practice(world)["published"]
    if not published.resources.exists():
        from wattwijs.library.tests.factories import material
        from wattwijs.training.tests.factories import OfferFactory

        published.resources.set([material("Omvormer aansluiten", publisher=world.gemeente, indexed=False).resource])
        published.training_offers.set([OfferFactory(title="Basiscursus warmtepompen", providers=[world.gemeente])])
    return published.get_absolute_url() + "bewerken/"


def _practice_url(key: str, suffix: str = "") -> Callable[[Any], str]:
    return lambda world: _practice(world)[key].get_absolute_url() + suffix


PAGES.extend(
    [
        PageCase("practice-list", lambda world: _practice(world) and "/praktijk/"),
        PageCase("practice-list-filtered", lambda world: _practice(world) and "/praktijk/?theme=isolatie-renovatie"),
        PageCase("practice-list-none", "/praktijk/?q=zzzz"),
        PageCase("practice-list-owner", lambda world: _practice(world) and "/praktijk/", user="alice"),
        PageCase("practice-detail", _practice_url("published")),
        PageCase("practice-detail-draft-owner", _practice_url("draft"), user="alice"),
        PageCase("practice-new", "/praktijk/voorbeelden/nieuw/", user="alice"),
        PageCase("practice-edit", _practice_url("published", "bewerken/"), user="alice"),
        PageCase("practice-edit-linked", _practice_edit_with_links, user="alice"),
        PageCase("practice-edit-forbidden", _practice_url("published", "bewerken/"), user="charlie", status=403),
        PageCase("practice-projects", lambda world: _practice(world) and "/praktijk/innovatieprojecten/"),
        PageCase("practice-project", _practice_url("project")),
        PageCase("practice-project-new", "/praktijk/innovatieprojecten/nieuw/", user="alice"),
        PageCase("practice-project-edit", _practice_url("project", "bewerken/"), user="alice"),
        PageCase("practice-toolkit", lambda world: _practice(world) and "/praktijk/toolkit/"),
    ]
)


# Themasessies and the klimaat- en energieagenda ----------------------------------------------------


def _sessions(world: Any) -> Any:
    """A held session of ROC Test with outcomes and an action, a planned one and a cancelled one, and an
    ambition of ROC Test with an action and progress; made once per test."""
    if not hasattr(world, "sessions"):
        import datetime
        from decimal import Decimal

        from django.utils import timezone

        from wattwijs.practice.tests.factories_sessions import (
            AmbitionActionFactory,
            AmbitionFactory,
            ProgressUpdateFactory,
            SessionActionFactory,
            ThemeSessionFactory,
        )

        practice = _practice(world)["published"]
        today = timezone.localdate()
        held = ThemeSessionFactory(
            theme="Werven in de wijk",
            date=today - datetime.timedelta(days=20),
            status="afgelopen",
            organiser=world.roc,
            location="Wijkcentrum",
            agenda="<ol><li>Welkom</li><li>Praktijkvoorbeeld</li></ol>",
            outcomes="<p>Twee regio's nemen de aanpak over.</p>",
        )
        held.participants.set([world.gemeente])
        held.practices.set([practice])
        held.success_factors.set(practice.success_factors.all())
        SessionActionFactory(session=held, owner=world.gemeente, due_date=today + datetime.timedelta(days=30))
        planned = ThemeSessionFactory(theme="Nazorg na plaatsing", date=today + datetime.timedelta(days=10))
        ThemeSessionFactory(theme="Afgelast", date=today + datetime.timedelta(days=12), status="geannuleerd")
        ambition = AmbitionFactory(
            goal="Elke student leert een warmtepomp plaatsen",
            level="school",
            school=world.roc,
            owner=world.roc,
            baseline=Decimal(20),
            target_value=Decimal(120),
        )
        AmbitionActionFactory(ambition=ambition, owner=world.gemeente)
        ProgressUpdateFactory(ambition=ambition, measured_on=today, value=Decimal(70), note="Tweede meting")
        AmbitionFactory(goal="Landelijke ambitie zonder meting", owner=world.gemeente)
        world.sessions = {"held": held, "planned": planned, "ambition": ambition}
    return world.sessions


def _sessions_url(key: str, suffix: str = "") -> Callable[[Any], str]:
    return lambda world: _sessions(world)[key].get_absolute_url() + suffix


def _sessions_quarter(world: Any) -> str:
    from wattwijs.practice.selectors_sessions import Quarter

    return f"/praktijk/themasessies/?kwartaal={Quarter.containing(_sessions(world)['planned'].date).key}"


# Self-assessment and navolging ---------------------------------------------------------------------


def _adoption(world: Any) -> Any:
    """The published practice of ``_practice`` followed by Rijnmond, and self-assessments of four regions."""
    if not hasattr(world, "adoption"):
        import datetime

        from wattwijs.core.tests.factories import region
        from wattwijs.practice.models import Adoption, AssessmentScore, SelfAssessment

        practice = _practice(world)["published"]
        factor = practice.success_factors.get()
        world.adoption = Adoption.objects.create(
            practice=practice,
            region=region("AMR24"),
            organisation=world.gemeente,
            status="gestart",
            started_on=datetime.date(2026, 2, 1),
            adapted="Drie dagen werk, twee dagen school.",
            contact_name="Contact Rijnmond",
        )
        for code, organisation, score in [("AMR12", world.roc, 1), ("AMR24", world.gemeente, 3)]:
            for day, change in [(datetime.date(2025, 9, 1), -1), (datetime.date(2026, 3, 1), 0)]:
                assessment = SelfAssessment.objects.create(
                    region=region(code), assessed_on=day, assessed_by=organisation
                )
                AssessmentScore.objects.create(
                    assessment=assessment, factor=factor, score=max(0, score + change), notes="Toelichting."
                )
        for code in ("AMR01", "AMR02"):
            assessment = SelfAssessment.objects.create(
                region=region(code), assessed_on=datetime.date(2026, 3, 1), assessed_by=world.gemeente
            )
            AssessmentScore.objects.create(assessment=assessment, factor=factor, score=2)
    return world.adoption


PAGES.extend(
    [
        PageCase("sessions-home", lambda world: _sessions(world) and "/"),
        PageCase("sessions-calendar", _sessions_quarter),
        PageCase("sessions-calendar-empty", "/praktijk/themasessies/?kwartaal=2030-1"),
        PageCase("sessions-calendar-coordinator", _sessions_quarter, user="alice"),
        PageCase("sessions-detail", _sessions_url("held")),
        PageCase("sessions-detail-organiser", _sessions_url("held"), user="alice"),
        PageCase("sessions-new", "/praktijk/themasessies/nieuw/", user="alice"),
        PageCase("sessions-edit", _sessions_url("held", "bewerken/"), user="alice"),
        PageCase("sessions-edit-forbidden", _sessions_url("held", "bewerken/"), user="charlie", status=403),
        PageCase("sessions-agenda", lambda world: _sessions(world) and "/praktijk/agenda/"),
        PageCase("sessions-agenda-filtered", lambda world: _sessions(world) and "/praktijk/agenda/?niveau=school"),
        PageCase("sessions-agenda-none", "/praktijk/agenda/?niveau=regio"),
        PageCase("sessions-ambition", _sessions_url("ambition")),
        PageCase("sessions-ambition-owner", _sessions_url("ambition"), user="alice"),
        PageCase("sessions-ambition-new", "/praktijk/agenda/nieuw/", user="alice"),
        PageCase("sessions-ambition-edit", _sessions_url("ambition", "bewerken/"), user="alice"),
        PageCase(
            "practice-detail-followed", lambda world: _adoption(world).practice.get_absolute_url(), user="charlie"
        ),
        PageCase("practice-assessment-start", lambda world: _adoption(world) and "/praktijk/zelfscan/"),
        PageCase(
            "practice-region-profile", lambda world: _adoption(world) and "/praktijk/zelfscan/AMR12/", user="alice"
        ),
        PageCase("practice-region-profile-public", lambda world: _adoption(world) and "/praktijk/zelfscan/AMR12/"),
        PageCase("practice-region-profile-empty", "/praktijk/zelfscan/AMR05/"),
        PageCase(
            "practice-assessment-new",
            lambda world: _practice(world) and "/praktijk/zelfscan/AMR12/nieuw/",
            user="alice",
        ),
        PageCase("practice-assessment-forbidden", "/praktijk/zelfscan/AMR12/nieuw/", user="charlie", status=403),
        PageCase("practice-spread", lambda world: _adoption(world) and "/praktijk/navolging/"),
        PageCase(
            "practice-spread-similar",
            lambda world: f"/praktijk/navolging/?voorbeeld={_adoption(world).practice.slug}",
        ),
        PageCase("practice-adoption-new", _practice_url("published", "navolgen/"), user="charlie"),
        PageCase(
            "practice-adoption-edit",
            lambda world: f"/praktijk/navolging/{_adoption(world).pk}/bewerken/",
            user="charlie",
        ),
    ]
)
