"""Fictitious demo data for the training map (opleidingsschema).

Every offer created here is marked ``is_fictitious`` and labelled "fictief" in the interface. Offers are aligned
to the demo framework (which has no crebo codes); places, costs and funding are examples, not statistics.

``load`` adds about 130 offers over most regions and every theme (among them a leerwerktraject renovation for
job seekers run by builders, a housing corporation, schools and the municipality), overlapping pairs, and
priority themes for a few regions that leave visible gaps. With ``scale > 1`` it adds generated offers up to
``200 * scale`` in total (``load_demo --scale 100`` gives 20,000) for measurements. Running it again adds nothing.
"""

from __future__ import annotations

import random
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta

from django.contrib.contenttypes.models import ContentType
from django.db import transaction

from wattwijs.core import caching
from wattwijs.core.models import Organisation, OrganisationKind, Region, Theme
from wattwijs.framework.models import Alignment, FrameworkVersion, Qualification, WorkProcess
from wattwijs.training import cells, overlap, snapshot
from wattwijs.training.models import (
    DevelopmentPhase,
    OfferCell,
    OfferKind,
    OfferPartner,
    OfferStatus,
    OfferTargetGroup,
    PartnerRole,
    RegionPriorityTheme,
    TargetGroup,
    TrainingOffer,
)
from wattwijs.training.selectors import MATRIX_CACHE

GENERATED_PER_SCALE = 200
GENERATED_MARK = "Gegenereerd aanbod"
BATCH_SIZE = 1000
EXTRA_PROVIDERS = 6
TODAY = date(2026, 9, 1)

K = OfferKind
G = TargetGroup


@dataclass(frozen=True)
class Template:
    title: str
    kind: str
    level: int | None
    themes: tuple[str, ...]
    targets: tuple[str, ...]
    weeks: int
    hours: int
    days_work: int | None
    days_school: int | None
    providers: tuple[str, ...]  # names of demo organisations; each gives one offer
    description: str
    share: float = 1.0  # the share of the qualification's work processes the offers align to


TEMPLATES: list[Template] = [
    Template(
        "Bijscholing warmtepomp installeren",
        K.FURTHER_TRAINING,
        3,
        ("warmtepompen",),
        (G.WORKERS,),
        8,
        4,
        None,
        None,
        (
            "ROC Vechtstreek",
            "Vakschool Installatietechniek Midden",
            "Amsterdams Vakcollege Energie",
            "Installatiegroep Zaanstad",
            "Vakschool Zuid-Limburg Installatie",
            "ROC Gelderse Poort",
            "Installatiebedrijf Brabantse Wal",
        ),
        "Avondcursus voor monteurs: een lucht-waterwarmtepomp plaatsen, aansluiten en inregelen.",
    ),
    Template(
        "BBL Eerste monteur installatietechniek",
        K.BBL,
        3,
        ("warmtepompen", "slimme-installaties"),
        (G.SCHOOL_LEAVERS, G.CAREER_SWITCHERS),
        104,
        32,
        4,
        1,
        (
            "ROC Vechtstreek",
            "Noorderpoort Techniekcollege",
            "Amsterdams Vakcollege Energie",
            "ROC Haaglanden Techniek",
            "Techniekcampus Tilburg",
            "Vakschool Zuid-Limburg Installatie",
            "Techniekschool IJsselland",
            "ROC Gelderse Poort",
        ),
        "Werken bij een erkend leerbedrijf en één dag per week naar school.",
    ),
    Template(
        "BOL Monteur elektrotechnische installaties",
        K.BOL,
        2,
        ("zon-pv", "laadinfrastructuur"),
        (G.SCHOOL_LEAVERS,),
        104,
        28,
        1,
        4,
        (
            "Techniekschool IJsselland",
            "ROC Vechtstreek",
            "Zeeuws Energiecollege",
            "Noorderpoort Techniekcollege",
            "ROC Haaglanden Techniek",
            "Amsterdams Vakcollege Energie",
        ),
        "Schoolse route met stages bij installateurs van zonnestroom en laadpalen.",
    ),
    Template(
        "Omscholing monteur zonnestroom",
        K.RETRAINING,
        2,
        ("zon-pv",),
        (G.CAREER_SWITCHERS, G.JOB_SEEKERS),
        16,
        32,
        3,
        2,
        (
            "Elektrotechniek Nijhuis",
            "Amsterdams Vakcollege Energie",
            "Installatiebedrijf Brabantse Wal",
            "Energiecoöperatie De Kempen",
            "Techniekschool IJsselland",
            "ROC Vechtstreek",
        ),
        "Van een andere baan naar monteur zonnestroom in vier maanden, met een baangarantie bij de partners.",
    ),
    Template(
        "Cursus laadpalen installeren en onderhouden",
        K.COURSE,
        3,
        ("laadinfrastructuur", "elektrisch-rijden"),
        (G.WORKERS,),
        6,
        6,
        None,
        None,
        (
            "Laadpunt Service Nijmegen",
            "Elektro Peelland",
            "ROC Gelderse Poort",
            "Gemeente Breda",
            "ROC Haaglanden Techniek",
        ),
        "Korte cursus voor elektromonteurs: laadpalen plaatsen, aansluiten en storingen verhelpen.",
    ),
    Template(
        "Keuzedeel warmtenetten",
        K.ELECTIVE,
        3,
        ("warmtenetten",),
        (G.SCHOOL_LEAVERS,),
        20,
        4,
        None,
        None,
        (
            "Noorderpoort Techniekcollege",
            "Vakschool Zuid-Limburg Installatie",
            "Warmtebedrijf Veluwe",
            "Havenstad Installatietechniek",
        ),
        "Keuzedeel over aansluiten en onderhouden van warmtenetten in bestaande wijken.",
    ),
    Template(
        "Maatwerktraject monteur warmtenet",
        K.CUSTOM,
        2,
        ("warmtenetten",),
        (G.CAREER_SWITCHERS, G.JOB_SEEKERS),
        26,
        36,
        4,
        1,
        ("Gemeente Heerlen", "Woonstichting Rijnmond Zuid", "Warmtebedrijf Veluwe", "Havenstad Installatietechniek"),
        "Traject op maat voor een groep nieuwe monteurs die de wijk op het warmtenet aansluiten.",
    ),
    Template(
        "Opscholing tweede monteur naar eerste monteur",
        K.UPSKILLING,
        3,
        ("slimme-installaties",),
        (G.WORKERS,),
        30,
        8,
        4,
        1,
        (
            "Vakschool Installatietechniek Midden",
            "Installatiebedrijf Van Dijk & Zonen",
            "Techniekcampus Tilburg",
            "Branchevereniging Installatie en Energie",
        ),
        "Werkenden op niveau 2 groeien door naar eerste monteur met regeltechniek en energiemanagement.",
    ),
    Template(
        "Cursus netbewust installeren",
        K.COURSE,
        3,
        ("netbeheer", "energieopslag"),
        (G.WORKERS,),
        4,
        4,
        None,
        None,
        ("Netwerkbedrijf Oost", "Elektro Peelland", "Elektrotechniek Nijhuis", "Techniekschool IJsselland"),
        "Thuisbatterijen en slimme sturing zo aansluiten dat het net niet overbelast raakt.",
    ),
    Template(
        "BBL Monteur netbeheer",
        K.BBL,
        2,
        ("netbeheer",),
        (G.SCHOOL_LEAVERS, G.CAREER_SWITCHERS),
        104,
        32,
        4,
        1,
        ("Netwerkbedrijf Oost", "Noorderpoort Techniekcollege", "Zeeuws Energiecollege", "ROC Gelderse Poort"),
        "Leren en werken bij de netbeheerder: kabels leggen, aansluiten en storingen verhelpen.",
    ),
    Template(
        "Omscholing servicemonteur windturbines",
        K.RETRAINING,
        3,
        ("windenergie",),
        (G.CAREER_SWITCHERS,),
        20,
        36,
        3,
        2,
        ("Windservice Noord-Holland", "Zeeuws Energiecollege", "Noorderpoort Techniekcollege"),
        "Voor technici uit andere sectoren die windturbines op land willen onderhouden.",
    ),
    Template(
        "Bijscholing waterstof en groen gas veilig werken",
        K.FURTHER_TRAINING,
        4,
        ("waterstof-groengas",),
        (G.WORKERS,),
        5,
        8,
        None,
        None,
        ("Zeeuws Energiecollege", "Havenstad Installatietechniek", "Noorderpoort Techniekcollege"),
        "Veilig werken aan installaties met waterstof en groen gas.",
    ),
    Template(
        "Cursus energiecoach in de wijk",
        K.COURSE,
        3,
        ("energieadvies",),
        (G.JOB_SEEKERS, G.CAREER_SWITCHERS),
        10,
        8,
        None,
        None,
        ("Gemeente Assen", "Energiecoöperatie De Kempen", "ROC Haaglanden Techniek", "Gemeente Utrecht"),
        "Bewoners helpen energie te besparen: gesprekken voeren, meten en kleine maatregelen.",
    ),
    Template(
        "Maatwerktraject isoleren van woningen",
        K.CUSTOM,
        2,
        ("isolatie-renovatie",),
        (G.JOB_SEEKERS,),
        20,
        32,
        4,
        1,
        ("Gemeente Leiden", "Leerwerkbedrijf Noord-Limburg", "Bouwbedrijf Hoekstra", "Groen Bouwen Rivierenland"),
        "Spouwmuur-, vloer- en dakisolatie aanbrengen in bewoonde woningen.",
    ),
    Template(
        "BBL Timmerman energieneutraal bouwen",
        K.BBL,
        2,
        ("energieneutraal-bouwen", "isolatie-renovatie"),
        (G.SCHOOL_LEAVERS, G.CAREER_SWITCHERS),
        104,
        32,
        4,
        1,
        ("Bouwcollege Drechtsteden", "Groen Bouwen Rivierenland", "Bouwbedrijf Hoekstra", "Gemeente Almere"),
        "Bouwen met prefab-elementen en luchtdicht detailleren.",
    ),
    Template(
        "Basiscursus energietransitie voor nieuwe medewerkers",
        K.COURSE,
        None,
        ("gebouwde-omgeving", "energiesysteem", "mobiliteit", "energiediensten"),
        (G.CAREER_SWITCHERS, G.WORKERS),
        3,
        4,
        None,
        None,
        ("Hogeschool Domstad", "Hogeschool Zuidwest", "Branchevereniging Bouw en Renovatie"),
        "Kennismaking met de hele energietransitie: gebouwen, mobiliteit, het energiesysteem en advies.",
    ),
]

LEERWERK = "Leerwerktraject Renoveren in de wijk (Overvecht)"
# Priority themes per region; several have no offer in the region, so the gaps page has something to show.
PRIORITIES = {
    "AMR12": ("warmtepompen", "warmtenetten", "isolatie-renovatie"),
    "AMR24": ("warmtenetten", "waterstof-groengas", "laadinfrastructuur"),
    "AMR01": ("warmtenetten", "windenergie", "energieadvies"),
    "AMR35": ("warmtenetten", "zon-pv"),
    "AMR28": ("laadinfrastructuur", "energieopslag"),
    "AMR16": ("zon-pv", "energieneutraal-bouwen"),
}


@dataclass
class _Row:
    offer: TrainingOffer
    providers: list[int]
    developers: list[int]
    regions: list[int]
    themes: list[int]
    targets: list[str]
    work_processes: list[int]
    partners: list[tuple[int, str]]


def load(*, scale: int = 1) -> None:
    with transaction.atomic():
        if not TrainingOffer.objects.filter(title=LEERWERK).exists():
            _load_curated()
        if scale > 1:
            load_generated(GENERATED_PER_SCALE * scale)
    caching.invalidate(overlap.CACHE_NAMESPACE)
    caching.invalidate(MATRIX_CACHE)


def _qualifications(version: FrameworkVersion | None) -> list[tuple[Qualification, set[int], list[int]]]:
    """(qualification, its theme ids, its work-process ids) of ``version``."""
    if version is None:
        return []
    qualifications = list(Qualification.objects.filter(dossier__version=version).prefetch_related("themes"))
    wps: dict[int, list[int]] = {}
    for pk, qualification_id in (
        WorkProcess.objects.filter(core_task__qualification__in=qualifications)
        .order_by("core_task__code", "code")
        .values_list("pk", "core_task__qualification_id")
    ):
        wps.setdefault(qualification_id, []).append(pk)
    return [(q, {t.pk for t in q.themes.all()}, wps.get(q.pk, [])) for q in qualifications]


def _pick_qualification(
    qualifications: Sequence[tuple[Qualification, set[int], list[int]]], themes: set[int], level: int | None
) -> tuple[Qualification, set[int], list[int]] | None:
    ranked = sorted(
        qualifications,
        key=lambda item: (-len(item[1] & themes), item[0].level != level, item[0].name),
    )
    return ranked[0] if ranked and ranked[0][1] & themes else None


def _status(rng: random.Random, index: int) -> tuple[str, str, date | None]:
    roll = index % 8
    if roll in (0, 5):
        phase = rng.choice(DevelopmentPhase.values)
        return OfferStatus.IN_DEVELOPMENT, phase, TODAY + timedelta(days=rng.randint(60, 420))
    if roll == 7:
        return OfferStatus.ENDED, "", None
    return (OfferStatus.RUNNING if roll % 2 else OfferStatus.PLANNED), "", None


def _load_curated() -> None:
    rng = random.Random(2026)  # noqa: S311 - reproducible demo data, not security
    regions = {region.code: region for region in Region.objects.all()}
    themes = {theme.code: theme for theme in Theme.objects.all()}
    organisations = {o.name: o for o in Organisation.objects.filter(is_fictitious=True).select_related("region")}
    version = FrameworkVersion.objects.filter(status=FrameworkVersion.Status.ADOPTED).order_by("-pk").first()
    qualifications = _qualifications(version)
    near = _neighbours(list(regions.values()))
    rows: list[_Row] = []
    index = 0
    # Besides its named providers, every template is offered by a few more schools and training companies.
    extra_pool = sorted(
        name
        for name, organisation in organisations.items()
        if organisation.kind in (OrganisationKind.SCHOOL, OrganisationKind.LEERBEDRIJF)
    )
    for number, template in enumerate(TEMPLATES):
        theme_ids = {themes[code].pk for code in template.themes}
        picked = _pick_qualification(qualifications, theme_ids, template.level)
        extra = [extra_pool[(number * 3 + k * 5) % len(extra_pool)] for k in range(EXTRA_PROVIDERS)]
        for provider_name in dict.fromkeys([*template.providers, *extra]):
            provider = organisations.get(provider_name)
            if provider is None:
                continue
            status, phase, expected = _status(rng, index)
            start = TODAY + timedelta(days=rng.choice([0, 30, 60, 150, 180]))
            served = [provider.region_id]
            if index % 3 == 0 and near.get(provider.region_id):
                served.append(near[provider.region_id][0])
            wps: list[int] = []
            if picked is not None:
                wps = list(picked[2])
                if index % 4 == 3 and len(wps) > 3:
                    # Some offers teach only part of the qualification, so not every pair overlaps.
                    wps = wps[: len(wps) // 3]
                elif index % 4 == 1 and len(wps) > 4:
                    wps = wps[:-1]
            developers = [provider.pk] if status == OfferStatus.IN_DEVELOPMENT else []
            offer = TrainingOffer(
                title=f"{template.title} – {provider.name}",
                description=template.description,
                kind=template.kind,
                status=status,
                development_phase=phase,
                expected_start=expected,
                level=template.level,
                duration_weeks=template.weeks,
                hours_per_week=template.hours,
                days_at_work=template.days_work,
                days_at_school=template.days_school,
                start_date=None if status == OfferStatus.IN_DEVELOPMENT else start,
                end_date=None if status == OfferStatus.IN_DEVELOPMENT else start + timedelta(weeks=template.weeks),
                start_moments="september en februari" if template.weeks > 20 else "elk kwartaal",
                places_available=rng.choice([8, 12, 16, 20, 24]),
                costs="Fictief voorbeeld: kosten op aanvraag",
                funding="Fictief voorbeeld: werkgever of scholingsbudget",
                contact_name="Contactpersoon (fictief)",
                contact_email=f"opleidingen@{provider.slug}.example",
                is_fictitious=True,
            )
            rows.append(
                _Row(
                    offer,
                    [provider.pk],
                    developers,
                    served,
                    sorted(theme_ids),
                    list(template.targets),
                    wps,
                    [],
                )
            )
            index += 1
    rows.append(_leerwerktraject(organisations, regions, themes, qualifications))
    _bulk_insert(rows)
    for region_code, codes in PRIORITIES.items():
        RegionPriorityTheme.objects.bulk_create(
            [RegionPriorityTheme(region=regions[region_code], theme=themes[code]) for code in codes],
            ignore_conflicts=True,
        )


def _leerwerktraject(
    organisations: dict[str, Organisation],
    regions: dict[str, Region],
    themes: dict[str, Theme],
    qualifications: Sequence[tuple[Qualification, set[int], list[int]]],
) -> _Row:
    """The flagship: builders, a housing corporation, schools and the municipality train job seekers together."""
    o = organisations
    theme_ids = [themes["isolatie-renovatie"].pk, themes["energieneutraal-bouwen"].pk]
    picked = _pick_qualification(qualifications, set(theme_ids), 2)
    offer = TrainingOffer(
        title=LEERWERK,
        description=(
            "Werkzoekenden leren het vak van renovatiemedewerker in de eigen wijk. Vier dagen per week werken "
            "ze mee aan de renovatie en verduurzaming van huurwoningen van de woningcorporatie, onder begeleiding "
            "van een praktijkopleider van het bouwbedrijf; de branchevereniging brengt bouwbedrijven aan. "
            "Eén dag per week gaan ze naar school voor theorie en "
            "veiligheid. Wie het traject afrondt, krijgt een baangarantie bij een van de bouwbedrijven."
        ),
        kind=OfferKind.WORK_AND_LEARN,
        status=OfferStatus.RUNNING,
        level=2,
        duration_weeks=40,
        hours_per_week=36,
        days_at_work=4,
        days_at_school=1,
        format_note="4 dagen werken op een renovatieproject in de wijk, 1 dag les op school",
        start_date=date(2026, 9, 7),
        end_date=date(2027, 6, 25),
        start_moments="september en maart",
        places_available=16,
        costs="Geen kosten voor deelnemers (fictief voorbeeld)",
        funding="Fictief voorbeeld: re-integratiebudget van de gemeente en een bijdrage van de woningcorporatie",
        contact_name="Projectleider leerwerktraject (fictief)",
        contact_email="leerwerk@roc-vechtstreek.example",
        is_fictitious=True,
    )
    return _Row(
        offer,
        providers=[o["ROC Vechtstreek"].pk, o["Groen Bouwen Rivierenland"].pk],
        developers=[o["ROC Vechtstreek"].pk, o["Woningcorporatie Thuis in Overvecht"].pk, o["Gemeente Utrecht"].pk],
        regions=[regions["AMR12"].pk],
        themes=theme_ids,
        targets=[TargetGroup.JOB_SEEKERS, TargetGroup.CAREER_SWITCHERS],
        work_processes=list(picked[2]) if picked else [],
        partners=[
            (o["Woningcorporatie Thuis in Overvecht"].pk, PartnerRole.WORKPLACE),
            (o["Groen Bouwen Rivierenland"].pk, PartnerRole.WORKPLACE),
            (o["Groen Bouwen Rivierenland"].pk, PartnerRole.COACHING),
            (o["Branchevereniging Bouw en Renovatie"].pk, PartnerRole.RECRUITMENT),
            (o["Gemeente Utrecht"].pk, PartnerRole.FUNDING),
            (o["Gemeente Utrecht"].pk, PartnerRole.RECRUITMENT),
            (o["UWV-vestiging Utrecht"].pk, PartnerRole.RECRUITMENT),
            (o["Vakschool Installatietechniek Midden"].pk, PartnerRole.TEACHING),
        ],
    )


def _neighbours(regions: list[Region]) -> dict[int, list[int]]:
    """Per region: the other regions by distance, nearest first."""
    import numpy as np

    distances = overlap.haversine_matrix(
        np.asarray([float(r.latitude) for r in regions]), np.asarray([float(r.longitude) for r in regions])
    )
    return {region.pk: [regions[j].pk for j in np.argsort(distances[i])[1:4]] for i, region in enumerate(regions)}


def _bulk_insert(rows: list[_Row]) -> None:
    """Insert offers with all their links in a handful of bulk statements."""
    offers = TrainingOffer.objects.bulk_create([row.offer for row in rows], batch_size=BATCH_SIZE)
    content_type = ContentType.objects.get_for_model(TrainingOffer)
    through = TrainingOffer
    through.providers.through.objects.bulk_create(
        [
            through.providers.through(trainingoffer_id=offer.pk, organisation_id=pk)
            for offer, row in zip(offers, rows, strict=True)
            for pk in row.providers
        ],
        batch_size=BATCH_SIZE,
    )
    through.developers.through.objects.bulk_create(
        [
            through.developers.through(trainingoffer_id=offer.pk, organisation_id=pk)
            for offer, row in zip(offers, rows, strict=True)
            for pk in row.developers
        ],
        batch_size=BATCH_SIZE,
    )
    through.regions.through.objects.bulk_create(
        [
            through.regions.through(trainingoffer_id=offer.pk, region_id=pk)
            for offer, row in zip(offers, rows, strict=True)
            for pk in dict.fromkeys(row.regions)
        ],
        batch_size=BATCH_SIZE,
    )
    through.themes.through.objects.bulk_create(
        [
            through.themes.through(trainingoffer_id=offer.pk, theme_id=pk)
            for offer, row in zip(offers, rows, strict=True)
            for pk in row.themes
        ],
        batch_size=BATCH_SIZE,
    )
    OfferTargetGroup.objects.bulk_create(
        [
            OfferTargetGroup(offer_id=offer.pk, target_group=group)
            for offer, row in zip(offers, rows, strict=True)
            for group in row.targets
        ],
        batch_size=BATCH_SIZE,
    )
    OfferPartner.objects.bulk_create(
        [
            OfferPartner(offer_id=offer.pk, organisation_id=pk, role=role)
            for offer, row in zip(offers, rows, strict=True)
            for pk, role in row.partners
        ],
        batch_size=BATCH_SIZE,
    )
    roots = cells.theme_roots()
    OfferCell.objects.bulk_create(
        [
            cell
            for offer, row in zip(offers, rows, strict=True)
            for cell in cells.cells_for(offer, row.regions, row.themes, row.targets, roots)
        ],
        batch_size=BATCH_SIZE,
    )
    snapshot.rebuild()
    Alignment.objects.bulk_create(
        [
            Alignment(content_type=content_type, object_id=offer.pk, work_process_id=pk)
            for offer, row in zip(offers, rows, strict=True)
            for pk in row.work_processes
        ],
        batch_size=BATCH_SIZE,
    )


def load_generated(total: int) -> None:
    """Clearly generated offers over every region and theme, for measurements."""
    existing = TrainingOffer.objects.filter(title__startswith=GENERATED_MARK).count()
    if existing >= total:
        return
    rng = random.Random(total)  # noqa: S311 - reproducible demo data, not security
    regions = list(Region.objects.order_by("code").values_list("pk", flat=True))
    themes = list(Theme.objects.order_by("position").values_list("pk", flat=True))
    providers: dict[int, list[int]] = {}
    for pk, region_id in Organisation.objects.values_list("pk", "region_id"):
        providers.setdefault(region_id, []).append(pk)
    version = (
        FrameworkVersion.objects.filter(slug__startswith="voorbeeldkader-schaal-").order_by("-pk").first()
        or FrameworkVersion.objects.filter(status=FrameworkVersion.Status.ADOPTED).order_by("-pk").first()
    )
    qualifications = [q for q in _qualifications(version) if q[2]]
    kinds = OfferKind.values
    targets = TargetGroup.values
    rows = []
    for index in range(existing, total):
        region = regions[index % len(regions)]
        served = [region] if index % 5 else [region, regions[(index + 1) % len(regions)]]
        status, phase, expected = _status(rng, index)
        level = rng.choice([2, 3, 4, 3])
        chosen_themes = {themes[index % len(themes)], themes[rng.randrange(len(themes))]}
        wps: list[int] = []
        if qualifications:
            _qualification, _themes, pool = qualifications[rng.randrange(len(qualifications))]
            wps = rng.sample(pool, min(len(pool), rng.randint(4, 10)))
        provider_pool = providers.get(region) or [pk for pks in providers.values() for pk in pks]
        offer = TrainingOffer(
            title=f"{GENERATED_MARK} {index + 1}",
            description="Gegenereerd fictief aanbod voor metingen.",
            kind=kinds[index % len(kinds)],
            status=status,
            development_phase=phase,
            expected_start=expected,
            level=level,
            places_available=rng.randint(4, 30),
            start_date=None if expected else TODAY,
            is_fictitious=True,
        )
        rows.append(
            _Row(
                offer,
                [provider_pool[rng.randrange(len(provider_pool))]],
                [],
                served,
                sorted(chosen_themes),
                sorted(set(rng.sample(targets, rng.randint(1, 2)))),
                wps,
                [],
            )
        )
        if len(rows) >= 5000:
            _bulk_insert(rows)
            rows = []
    if rows:
        _bulk_insert(rows)
