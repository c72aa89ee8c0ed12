"""Fictitious Transitiehuis demo data: two chains, 300 candidates with realistic histories, 80 learning places.

Everything is marked ``is_fictitious`` and labelled "fictief". ``load(scale=N)`` with N > 1 adds N × 1,000
generated candidates and the anonymous history of N × 500 purged routes, about N × 10,000 stage
transitions, for the benchmarks.
"""

from __future__ import annotations

import datetime
import random
import uuid
from dataclasses import dataclass

from django.contrib.contenttypes.models import ContentType
from django.db import connection
from django.utils import timezone
from django.utils.text import slugify

from wattwijs.core.bulk import insert_rows
from wattwijs.core.demo import DEMO_EMAIL_DOMAIN, DEMO_PASSWORD
from wattwijs.core.models import Membership, Organisation, Region, Role, Theme, User
from wattwijs.framework.models import Alignment, WorkProcess
from wattwijs.pathways.models import (
    CHECKPOINT_MONTHS,
    END_STAGES,
    ROUTE,
    AftercareCheckpoint,
    Candidate,
    Chain,
    ChainStep,
    CheckpointOutcome,
    Consent,
    ConsentGrant,
    ContactMoment,
    DropoutReason,
    LearningPlace,
    OrientationActivity,
    OrientationKind,
    OrientationOutcome,
    Placement,
    ReferralSource,
    Stage,
    StageFlow,
    StageTransition,
)
from wattwijs.pathways.services import stage_flow_rebuild

CURATED_CANDIDATES = 300
LEARNING_PLACES = 80


@dataclass(frozen=True)
class DemoChain:
    slug: str
    name: str
    region: str
    coordinator: str
    description: str
    # (organisation name, steps it takes on)
    partners: tuple[tuple[str, tuple[str, ...]], ...]
    # (organisation name, number of learning places)
    places: tuple[tuple[str, int], ...]
    coaches: tuple[tuple[str, str, str], ...]  # (first name, last name, organisation)


CHAINS = (
    DemoChain(
        slug="transitiehuis-utrecht",
        name="Transitiehuis Utrecht",
        region="AMR12",
        coordinator="Gemeente Utrecht",
        description=(
            "Gemeente, UWV, twee scholen, de branche en leerbedrijven begeleiden samen zij-instromers naar werk "
            "in warmtepompen, zonne-energie en renovatie."
        ),
        partners=(
            ("UWV-vestiging Utrecht", ("aanmelding", "intake")),
            ("Gemeente Utrecht", ("aanmelding", "begeleiding", "nazorg")),
            ("ROC Vechtstreek", ("opleiding",)),
            ("Vakschool Installatietechniek Midden", ("opleiding", "orientatie")),
            ("Branchevereniging Installatie en Energie", ("matching",)),
            ("Installatiebedrijf Van Dijk & Zonen", ("orientatie", "plaatsing")),
            ("Woningcorporatie Thuis in Overvecht", ("plaatsing",)),
            ("Groen Bouwen Rivierenland", ("plaatsing",)),
        ),
        places=(
            ("Installatiebedrijf Van Dijk & Zonen", 18),
            ("Woningcorporatie Thuis in Overvecht", 12),
            ("Groen Bouwen Rivierenland", 10),
        ),
        coaches=(
            ("Youssef", "Amrani", "Gemeente Utrecht"),
            ("Ingrid", "Kok", "Gemeente Utrecht"),
            ("Daan", "Verhoef", "UWV-vestiging Utrecht"),
        ),
    ),
    DemoChain(
        slug="transitiehuis-rijnmond",
        name="Transitiehuis Rijnmond",
        region="AMR24",
        coordinator="UWV-vestiging Rotterdam",
        description=(
            "UWV, scholen en installatiebedrijven in Rijnmond werken samen aan instroom in de energietransitie; "
            "nazorg en matching zijn nog niet belegd."
        ),
        partners=(
            ("UWV-vestiging Rotterdam", ("aanmelding", "intake", "begeleiding")),
            ("ROC Haaglanden Techniek", ("opleiding", "orientatie")),
            ("Bouwcollege Drechtsteden", ("opleiding",)),
            ("Havenstad Installatietechniek", ("orientatie", "plaatsing")),
            ("Woonstichting Rijnmond Zuid", ("plaatsing",)),
            ("Installatiebedrijf Brabantse Wal", ("plaatsing",)),
        ),
        places=(
            ("Havenstad Installatietechniek", 20),
            ("Woonstichting Rijnmond Zuid", 10),
            ("Installatiebedrijf Brabantse Wal", 10),
        ),
        coaches=(
            ("Priya", "Ramdin", "UWV-vestiging Rotterdam"),
            ("Bram", "de Leeuw", "UWV-vestiging Rotterdam"),
            ("Esra", "Kaya", "UWV-vestiging Rotterdam"),
        ),
    ),
)

PLACE_TITLES = (
    "Leerling-monteur warmtepompen",
    "Leerling-monteur zonnepanelen",
    "Servicemonteur installatietechniek (BBL)",
    "Leerling-elektromonteur laadpalen",
    "Isolatiemedewerker renovatie",
    "Leerling-installateur duurzame energie",
)
FIRST_NAMES = (
    "Anouk",
    "Bas",
    "Chantal",
    "Dennis",
    "Emre",
    "Fleur",
    "Gijs",
    "Hanna",
    "Ilse",
    "Jeroen",
    "Karim",
    "Linda",
    "Mohamed",
    "Nadia",
    "Olaf",
    "Priya",
    "Quinten",
    "Rachid",
    "Sanne",
    "Tim",
    "Umut",
    "Vera",
    "Wouter",
    "Yara",
    "Zeynep",
    "Ahmet",
    "Bianca",
    "Cor",
    "Dewi",
    "Erik",
    "Fatima",
    "Gert",
    "Hamza",
    "Iris",
    "Jan",
    "Kim",
    "Lars",
    "Marloes",
    "Niels",
    "Oumaima",
    "Pieter",
    "Roos",
    "Said",
    "Tessa",
    "Vincent",
    "Wendy",
)
LAST_NAMES = (
    "de Vries",
    "Jansen",
    "Bakker",
    "Visser",
    "Smit",
    "Meijer",
    "de Boer",
    "Mulder",
    "de Groot",
    "Bos",
    "Vos",
    "Peters",
    "Hendriks",
    "Dekker",
    "Brouwer",
    "Yilmaz",
    "El Idrissi",
    "Kartosen",
    "Wijaya",
    "Nowak",
    "van Beek",
    "Kramer",
    "Postma",
    "Hoekstra",
    "Veenstra",
)
EDUCATION = (
    "Havo, deels hbo bedrijfskunde",
    "Mbo 2 logistiek",
    "Vmbo-kader, diploma 2008",
    "Mbo 4 ICT",
    "Geen startkwalificatie; wel VCA",
    "Hbo sociaal werk",
)
EXPERIENCE = (
    "Tien jaar chauffeur in de distributie",
    "Horeca, laatste vijf jaar als chef",
    "Beveiliging en receptie",
    "Zelfstandig klusser",
    "Magazijnmedewerker en heftruckchauffeur",
    "Defensie, technische dienst",
)
LANGUAGES = ("Nederlands", "Nederlands, Engels", "Nederlands, Turks", "Nederlands, Arabisch", "Engels, Pools")
# Typical days spent in each stage before moving on (low, high).
STAGE_DAYS = {
    Stage.REGISTERED: (3, 20),
    Stage.INTAKE: (7, 28),
    Stage.ORIENTATION: (14, 50),
    Stage.MATCHING: (7, 45),
    Stage.TRAINING: (60, 200),
    Stage.COACHING: (20, 80),
    Stage.PLACEMENT: (30, 120),
    Stage.AFTERCARE: (150, 380),
}
# Where curated candidates are now: the route's later stages are rarer, as in a real chain.
STAGE_WEIGHTS = (
    (Stage.REGISTERED, 14),
    (Stage.INTAKE, 18),
    (Stage.ORIENTATION, 20),
    (Stage.MATCHING, 16),
    (Stage.TRAINING, 30),
    (Stage.COACHING, 18),
    (Stage.PLACEMENT, 22),
    (Stage.AFTERCARE, 30),
    (Stage.COMPLETED, 40),
    (Stage.DROPPED_OUT, 60),
)
DROPOUT_WEIGHTS = (
    (DropoutReason.WORK_ELSEWHERE, 30),
    (DropoutReason.NOT_SUITABLE, 25),
    (DropoutReason.PERSONAL, 20),
    (DropoutReason.TRAINING_TOO_HARD, 12),
    (DropoutReason.NO_PLACE, 8),
    (DropoutReason.NO_CONTACT, 5),
)


def _pick(rng: random.Random, weights: tuple[tuple[str, int], ...]) -> str:
    return rng.choices([value for value, _w in weights], weights=[w for _v, w in weights])[0]


def load(*, scale: int = 1) -> None:
    """Load the two demo chains and their candidates once; with ``scale`` > 1 add the benchmark volume."""
    chains = [_load_chain(spec) for spec in CHAINS]
    if not Candidate.objects.filter(chain__in=chains).exists():
        _load_curated(chains)
        stage_flow_rebuild()
    if scale > 1:
        generate_volume(candidates=scale * 1000, purged_routes=scale * 500)
    if not StageFlow.objects.exists() and StageTransition.objects.exists():
        stage_flow_rebuild()
    if not LearningPlace.objects.filter(chain__in=chains, level__isnull=False).exists():
        _load_matching_details(chains)


def _load_matching_details(chains: list[Chain]) -> None:
    """What the places ask (work processes, level, hours, start, driving licence) and what open candidates
    bring (competences, travel limit, some from a neighbouring region), so the matching pages show real choices.
    """
    rng = random.Random(909)  # noqa: S311 - reproducible demo content, not security
    today = timezone.localdate()
    place_type = ContentType.objects.get_for_model(LearningPlace)
    candidate_type = ContentType.objects.get_for_model(Candidate)
    found: dict[int | None, set[tuple[int, int]]] = {}
    for wp_id, level, theme_id in WorkProcess.objects.filter(
        core_task__qualification__dossier__version__status="vastgesteld"
    ).values_list("pk", "core_task__qualification__level", "core_task__qualification__themes"):
        found.setdefault(theme_id, set()).add((wp_id, level))
        found.setdefault(None, set()).add((wp_id, level))
    if not found:
        return
    by_theme = {theme: sorted(pairs) for theme, pairs in found.items()}
    alignments = []
    places = list(LearningPlace.objects.filter(chain__in=chains).order_by("pk"))
    for place in places:
        pool = by_theme.get(place.theme_id) or by_theme[None]
        chosen = rng.sample(pool, min(len(pool), rng.randint(2, 4)))
        place.level = max(level for _wp, level in chosen)
        place.hours_per_week = rng.choice([24, 32, 36, 38, 40])
        place.start_date = today + datetime.timedelta(days=rng.choice([0, 14, 30, 45, 60, 90]))
        place.driving_licence_required = rng.random() < 0.3
        alignments += [Alignment(content_type=place_type, object_id=place.pk, work_process_id=wp) for wp, _l in chosen]
    LearningPlace.objects.bulk_update(places, ["level", "hours_per_week", "start_date", "driving_licence_required"])
    regions = list(Region.objects.order_by("code"))
    open_candidates = list(
        Candidate.objects.filter(chain__in=chains)
        .exclude(stage__in=[*END_STAGES, Stage.PLACEMENT, Stage.AFTERCARE])
        .exclude(first_name="Gegenereerd")  # the benchmark volume needs no matching details
        .select_related("chain__region")
        .order_by("pk")
    )
    for candidate in open_candidates:
        home = candidate.chain.region
        nearby = sorted(
            (r for r in regions if r.pk != home.pk),
            key=lambda r: (
                (float(r.latitude) - float(home.latitude)) ** 2 + (float(r.longitude) - float(home.longitude)) ** 2
            ),
        )[:3]
        if nearby and rng.random() < 0.3:
            candidate.region = rng.choice(nearby)
        candidate.travel_limit_km = rng.choice([15, 25, 25, 40, 60])
        pool = by_theme[None]
        alignments += [
            Alignment(content_type=candidate_type, object_id=candidate.pk, work_process_id=wp)
            for wp, _l in rng.sample(pool, min(len(pool), rng.randint(0, 6)))
        ]
    Candidate.objects.bulk_update(open_candidates, ["region", "travel_limit_km"])
    Alignment.objects.bulk_create(alignments)


def _organisation(name: str) -> Organisation:
    return Organisation.objects.get(slug=slugify(name))


def _load_chain(spec: DemoChain) -> Chain:
    chain = Chain.objects.filter(slug=spec.slug).first()
    if chain is not None:
        return chain
    chain = Chain.objects.create(
        slug=spec.slug,
        name=spec.name,
        region=Region.objects.get(code=spec.region),
        coordinating_organisation=_organisation(spec.coordinator),
        description=spec.description,
        is_fictitious=True,
    )
    ChainStep.objects.bulk_create(
        ChainStep(chain=chain, organisation=_organisation(name), step=step)
        for name, steps in spec.partners
        for step in steps
    )
    themes = list(Theme.objects.filter(code__in=["warmtepompen", "zon-pv", "laadinfrastructuur", "isolatie-renovatie"]))
    places = []
    for name, count in spec.places:
        organisation = _organisation(name)
        for index in range(count):
            places.append(
                LearningPlace(
                    organisation=organisation,
                    chain=chain,
                    title=PLACE_TITLES[index % len(PLACE_TITLES)],
                    theme=themes[index % len(themes)] if themes else None,
                    capacity=2 + index % 3,
                    is_fictitious=True,
                )
            )
    LearningPlace.objects.bulk_create(places)
    for first_name, last_name, organisation_name in spec.coaches:
        email = f"coach.{slugify(first_name)}.{slugify(last_name)}@{DEMO_EMAIL_DOMAIN}"
        user = User.objects.filter(email=email).first() or User.objects.create_user(
            email=email, password=DEMO_PASSWORD, first_name=first_name, last_name=last_name
        )
        Membership.objects.get_or_create(
            user=user, organisation=_organisation(organisation_name), defaults={"role": Role.COACH}
        )
    return chain


def _coaches(chain: Chain) -> list[User]:
    partner_ids = ChainStep.objects.filter(chain=chain).values("organisation_id")
    members = Membership.objects.filter(role=Role.COACH, organisation_id__in=partner_ids).values("user_id")
    return list(User.objects.filter(pk__in=members).order_by("pk"))


@dataclass
class Route:
    """A generated history: the stages entered and when, and how it ended."""

    stages: list[tuple[str, datetime.datetime]]
    reason: str


def _route(rng: random.Random, final: str, now: datetime.datetime) -> Route:
    if final == Stage.DROPPED_OUT:
        last = ROUTE[rng.choices(range(8), weights=[10, 14, 22, 14, 16, 8, 6, 4])[0]]
        reason = _pick(rng, DROPOUT_WEIGHTS)
        path = [*ROUTE[: ROUTE.index(Stage(last)) + 1], Stage.DROPPED_OUT]
    else:
        reason = ""
        path = list(ROUTE[: ROUTE.index(Stage(final)) + 1])
    durations = [rng.randint(*STAGE_DAYS[Stage(stage)]) for stage in path[:-1]]
    # The current stage has lasted a while too; ended routes ended some time ago.
    tail = rng.randint(1, 60) if path[-1] not in END_STAGES else rng.randint(5, 400)
    start = now - datetime.timedelta(days=sum(durations) + tail, hours=rng.randint(0, 23))
    stages: list[tuple[str, datetime.datetime]] = [(path[0], start)]
    moment = start
    for stage, days in zip(path[1:], durations, strict=True):
        moment += datetime.timedelta(days=days, hours=rng.randint(0, 8))
        stages.append((stage, moment))
    return Route(stages=stages, reason=reason)


TRANSITION_FIELDS = (
    "chain_id",
    "candidate_id",
    "route_key",
    "from_stage",
    "to_stage",
    "at",
    "seconds_in_previous",
    "reason",
    "note",
)


def _transitions(chain_id: int, candidate_id: int | None, key: uuid.UUID, route: Route) -> list[tuple[object, ...]]:
    """The moves of one route as rows of ``TRANSITION_FIELDS``, adapted for ``insert_rows``."""
    rows: list[tuple[object, ...]] = []
    route_key = key if connection.features.has_native_uuid_field else key.hex
    adapt = connection.ops.adapt_datetimefield_value
    previous: tuple[str, datetime.datetime] | None = None
    for stage, at in route.stages:
        rows.append(
            (
                chain_id,
                candidate_id,
                route_key,
                previous[0] if previous else "",
                stage,
                adapt(at),
                int((at - previous[1]).total_seconds()) if previous else 0,
                route.reason if stage == Stage.DROPPED_OUT else "",
                "",
            )
        )
        previous = (stage, at)
    return rows


def _candidate(rng: random.Random, chain: Chain, index: int, route: Route, coach: User | None) -> Candidate:
    first = rng.choice(FIRST_NAMES)
    last = rng.choice(LAST_NAMES)
    stage, entered = route.stages[-1]
    ended = entered if stage in END_STAGES else None
    return Candidate(
        chain=chain,
        first_name=first,
        last_name=last,
        email=f"{slugify(first)}.{slugify(last).replace('-', '')}{index}@voorbeeld.example",
        phone=f"06-{rng.randint(10000000, 99999999)}",
        postcode=str(rng.randint(3400, 3599) if chain.region.code == "AMR12" else rng.randint(3000, 3199)),
        region=chain.region,
        referral_source=rng.choice(ReferralSource.values),
        prior_education=rng.choice(EDUCATION),
        work_experience=rng.choice(EXPERIENCE),
        hours_per_week=rng.choice([24, 32, 36, 38, 40]),
        available_from=(route.stages[0][1] + datetime.timedelta(days=rng.randint(0, 30))).date(),
        driving_licence=rng.random() < 0.7,
        languages=rng.choice(LANGUAGES),
        coach=coach,
        stage=stage,
        stage_entered_at=entered,
        dropout_reason=route.reason if stage == Stage.DROPPED_OUT else "",
        ended_at=ended,
        next_action=""
        if ended
        else rng.choice(["Intakegesprek plannen", "Meeloopdag regelen", "Bellen over voortgang"]),
        is_fictitious=True,
        created_at=route.stages[0][1],
    )


def _load_curated(chains: list[Chain]) -> None:
    """300 candidates over both chains and all stages, with consents, orientation, coaching, placements, aftercare."""
    rng = random.Random(2026)  # noqa: S311 - reproducible demo content, not security
    now = timezone.now()
    for chain_index, chain in enumerate(chains):
        coaches = _coaches(chain)
        partners = list(Organisation.objects.filter(chain_steps__chain=chain).distinct().order_by("pk"))
        places = list(LearningPlace.objects.filter(chain=chain).order_by("pk"))
        seats = {place.pk: place.capacity for place in places}
        count = CURATED_CANDIDATES // 2 + (CURATED_CANDIDATES % 2 if chain_index == 0 else 0)
        routes = [_route(rng, _pick(rng, STAGE_WEIGHTS), now) for _ in range(count)]
        candidates = Candidate.objects.bulk_create(
            _candidate(rng, chain, chain_index * 1000 + i, route, coaches[i % len(coaches)] if coaches else None)
            for i, route in enumerate(routes)
        )
        transitions: list[tuple[object, ...]] = []
        consents, activities, contacts = [], [], []
        placements: list[tuple[Placement, Route]] = []
        for candidate, route in zip(candidates, routes, strict=True):
            transitions += _transitions(chain.pk, candidate.pk, candidate.route_key, route)
            reached = {stage for stage, _at in route.stages}
            if rng.random() < 0.9:
                consents.append(
                    Consent(
                        candidate=candidate,
                        purpose="Begeleiding naar werk en opleiding in de energietransitie",
                        given_at=route.stages[0][1],
                    )
                )
            if Stage.ORIENTATION in reached:
                on = dict(route.stages)[Stage.ORIENTATION]
                activities.append(
                    OrientationActivity(
                        candidate=candidate,
                        kind=rng.choice(OrientationKind.values),
                        date=(on + datetime.timedelta(days=5)).date(),
                        outcome=rng.choices(OrientationOutcome.values, weights=[60, 20, 15, 5])[0],
                    )
                )
            contacts.append(
                ContactMoment(
                    candidate=candidate,
                    coach=candidate.coach,
                    date=(route.stages[0][1] + datetime.timedelta(days=2)).date(),
                    summary="Kennismaking en afspraken over de volgende stap",
                )
            )
            if Stage.PLACEMENT in reached and places:
                free = [pk for pk, left in seats.items() if left > 0]
                if free:
                    place_id = free[rng.randrange(len(free))]
                    seats[place_id] -= 1
                    start = dict(route.stages)[Stage.PLACEMENT].date()
                    placements.append(
                        (
                            Placement(candidate=candidate, learning_place_id=place_id, chain=chain, start_date=start),
                            route,
                        )
                    )
        insert_rows(StageTransition, TRANSITION_FIELDS, transitions)
        created_consents = Consent.objects.bulk_create(consents)
        ConsentGrant.objects.bulk_create(
            ConsentGrant(consent=consent, organisation=partner) for consent in created_consents for partner in partners
        )
        OrientationActivity.objects.bulk_create(activities)
        ContactMoment.objects.bulk_create(contacts)
        created = Placement.objects.bulk_create([placement for placement, _route in placements])
        checkpoints = []
        today = now.date()
        for placement in created:
            for month in CHECKPOINT_MONTHS:
                due = placement.start_date + datetime.timedelta(days=round(month * 30.4))
                if due > today:
                    break
                if due > today - datetime.timedelta(days=45) and rng.random() < 0.3:
                    break  # a recent checkpoint still to do: the coach's aftercare list shows it
                # Most who leave do so in the first months; the 6- and 12-month checks tell whether it lasted.
                weights = [86, 9, 5] if month < 6 else [72, 12, 16]
                outcome = rng.choices(CheckpointOutcome.values, weights=weights)[0]
                checkpoints.append(
                    AftercareCheckpoint(
                        placement=placement,
                        chain=chain,
                        month=month,
                        checked_on=due,
                        outcome=outcome,
                        left_reason=_pick(rng, DROPOUT_WEIGHTS) if outcome == CheckpointOutcome.LEFT else "",
                    )
                )
                if outcome == CheckpointOutcome.LEFT:
                    placement.ended_on = due
                    break
        AftercareCheckpoint.objects.bulk_create(checkpoints)
        Placement.objects.bulk_update([p for p in created if p.ended_on], ["ended_on"])


def generate_volume(*, candidates: int, purged_routes: int) -> None:
    """Bulk volume for the benchmarks: generated candidates and the anonymous history of purged routes.

    Runs again only for what is missing, so a second ``load_demo --scale N`` adds nothing.
    """
    chains = list(Chain.objects.filter(slug__in=[spec.slug for spec in CHAINS]).order_by("pk"))
    existing = Candidate.objects.filter(first_name="Gegenereerd").count()
    existing_purged = StageTransition.objects.filter(candidate__isnull=True, from_stage="").count()
    rng = random.Random(existing + 1)  # noqa: S311 - reproducible demo content, not security
    now = timezone.now()
    coaches = {chain.pk: _coaches(chain) for chain in chains}
    batch = 5000
    for start in range(existing, candidates, batch):
        size = min(batch, candidates - start)
        rows, routes = [], []
        for offset in range(size):
            chain = chains[(start + offset) % len(chains)]
            route = _route(rng, _pick(rng, STAGE_WEIGHTS), now)
            chain_coaches = coaches[chain.pk]
            candidate = _candidate(rng, chain, start + offset, route, chain_coaches[offset % len(chain_coaches)])
            candidate.first_name = "Gegenereerd"
            candidate.last_name = f"Kandidaat {start + offset + 1}"
            candidate.email = ""
            rows.append(candidate)
            routes.append(route)
        created = Candidate.objects.bulk_create(rows, batch_size=1000)
        insert_rows(
            StageTransition,
            TRANSITION_FIELDS,
            [t for c, r in zip(created, routes, strict=True) for t in _transitions(c.chain_id, c.pk, c.route_key, r)],
        )
    for start in range(existing_purged, purged_routes, batch):
        size = min(batch, purged_routes - start)
        transitions = []
        for offset in range(size):
            chain = chains[(start + offset) % len(chains)]
            route = _route(rng, rng.choice([Stage.COMPLETED, Stage.DROPPED_OUT]), now - datetime.timedelta(days=800))
            transitions += _transitions(chain.pk, None, uuid.uuid4(), route)
        insert_rows(StageTransition, TRANSITION_FIELDS, transitions)
    if existing < candidates or existing_purged < purged_routes:
        stage_flow_rebuild()
    if connection.vendor == "sqlite":
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")
