"""Fictitious demo themasessies and a klimaat- en energieagenda.

Eight themasessies, one per quarter of 2026 and 2027: those before the day of loading are held (with outcomes
and actions), the later ones planned, and one is cancelled. Six ambitions at school, region and national level
with actions and progress updates. Every record is marked ``is_fictitious``; all figures are round example numbers
("voorbeeld"), not statistics. Running it again adds nothing.
"""

from __future__ import annotations

from datetime import date, datetime, time, timedelta
from decimal import Decimal
from zoneinfo import ZoneInfo

from django.utils import timezone

from wattwijs.core.models import Organisation, Region
from wattwijs.practice import richtext
from wattwijs.practice.models import (
    ActionStatus,
    Ambition,
    AmbitionAction,
    AmbitionLevel,
    Practice,
    ProgressUpdate,
    Sector,
    SessionAction,
    SessionStatus,
    SuccessFactor,
    ThemeSession,
)

AMSTERDAM = ZoneInfo("Europe/Amsterdam")
DISCLAIMER = "Fictieve demosessie: organisaties, deelnemers en afspraken zijn verzonnen."
EXAMPLE = "(voorbeeld)"

# (theme, date, organiser, location, participants, success factor codes, cancelled)
SESSIONS: list[tuple[str, date, str, str, list[str], list[str], bool]] = [
    (
        "Werven waar mensen al komen",
        date(2026, 2, 12),
        "Gemeente Utrecht",
        "Wijkcentrum Overvecht, Utrecht",
        ["ROC Vechtstreek", "Woningcorporatie Thuis in Overvecht", "UWV-vestiging Utrecht"],
        ["werven-in-de-wijk", "ervaringsdeskundige-ambassadeurs"],
        False,
    ),
    (
        "Leren op een echt project: vier dagen werk, één dag school",
        date(2026, 5, 21),
        "ROC Vechtstreek",
        "ROC Vechtstreek, Utrecht",
        ["Installatiebedrijf Van Dijk & Zonen", "Gemeente Utrecht", "Bouwcollege Drechtsteden"],
        [],
        False,
    ),
    (
        "Begeleiding op de werkplek",
        date(2026, 9, 17),
        "Techniekcampus Tilburg",
        "Techniekcampus Tilburg",
        ["Installatiebedrijf Brabantse Wal", "Gemeente Breda", "Elektro Peelland"],
        [],
        False,
    ),
    (
        "Nazorg na plaatsing: de eerste twaalf maanden",
        date(2026, 12, 10),
        "Branchevereniging Installatie en Energie",
        "Online",
        ["ROC Haaglanden Techniek", "UWV-vestiging Rotterdam", "Havenstad Installatietechniek"],
        [],
        False,
    ),
    (
        "Ketenregie in de regio",
        date(2027, 3, 11),
        "Gemeente Heerlen",
        "Gemeentehuis Heerlen",
        ["Vakschool Zuid-Limburg Installatie", "Leerwerkbedrijf Noord-Limburg"],
        [],
        False,
    ),
    (
        "Warmtenetten als leeromgeving",
        date(2027, 6, 17),
        "Noorderpoort Techniekcollege",
        "Noorderpoort Techniekcollege, Groningen",
        ["Warmtebedrijf Veluwe", "Netwerkbedrijf Oost"],
        [],
        True,
    ),
    (
        "Matching van zij-instromers en leerbanen",
        date(2027, 9, 16),
        "UWV-vestiging Amersfoort",
        "Amersfoort",
        ["Gemeente Almere", "ROC Gelderse Poort", "Laadpunt Service Nijmegen"],
        [],
        False,
    ),
    (
        "Jaarafsluiting: wat nemen de regio's over?",
        date(2027, 12, 9),
        "Branchevereniging Bouw en Renovatie",
        "Utrecht",
        ["Gemeente Leiden", "Zeeuws Energiecollege", "Amsterdams Vakcollege Energie"],
        [],
        False,
    ),
]

# (goal, level, school, region, sector, indicator, unit, baseline, target, deadline, owner, values, actions)
AMBITIONS: list[
    tuple[str, str, str, str, str, str, str, int, int, date, str, list[int], list[tuple[str, str, str]]]
] = [
    (
        "Elke student installatietechniek leert een warmtepomp plaatsen",
        AmbitionLevel.SCHOOL,
        "ROC Vechtstreek",
        "AMR12",
        Sector.MBO,
        "Studenten met het keuzedeel warmtepompen",
        "studenten",
        20,
        120,
        date(2027, 7, 1),
        "ROC Vechtstreek",
        [35, 60, 80],
        [
            ("Praktijklokaal met twee warmtepompen inrichten", "ROC Vechtstreek", ActionStatus.DONE),
            ("Stageplaatsen bij installateurs afspreken", "Installatiebedrijf Van Dijk & Zonen", ActionStatus.ONGOING),
        ],
    ),
    (
        "Vmbo-leerlingen maken kennis met de energietransitie",
        AmbitionLevel.SCHOOL,
        "Techniekcampus Tilburg",
        "AMR29",
        Sector.VMBO,
        "Vmbo-leerlingen die een doe-dag volgden",
        "leerlingen",
        0,
        400,
        date(2027, 6, 30),
        "Techniekcampus Tilburg",
        [90, 180, 260],
        [("Doe-dagen met installateurs organiseren", "Installatiebedrijf Brabantse Wal", ActionStatus.ONGOING)],
    ),
    (
        "Meer zij-instromers in de regio Midden-Utrecht geplaatst",
        AmbitionLevel.REGION,
        "",
        "AMR12",
        Sector.MBO,
        "Zij-instromers duurzaam geplaatst",
        "personen",
        10,
        60,
        date(2027, 12, 31),
        "Gemeente Utrecht",
        [18, 27, 34],
        [
            ("Een tweede leerwerkgroep starten", "Gemeente Utrecht", ActionStatus.ONGOING),
            ("Nazorggesprekken na 6 en 12 maanden plannen", "UWV-vestiging Utrecht", ActionStatus.PLANNED),
        ],
    ),
    (
        "Minder uitval in de opleiding elektrotechniek in Rijnmond",
        AmbitionLevel.REGION,
        "",
        "AMR24",
        Sector.BOTH,
        "Uitval in het eerste jaar",
        "procent",
        25,
        12,
        date(2028, 7, 1),
        "Havenstad Installatietechniek",
        [23, 20, 18],
        [("Een mentor per groep van acht studenten", "Havenstad Installatietechniek", ActionStatus.ONGOING)],
    ),
    (
        "Docenten bijgeschoold in zon-pv en laadinfrastructuur",
        AmbitionLevel.NATIONAL,
        "",
        "",
        Sector.BOTH,
        "Docenten met de bijscholing afgerond",
        "docenten",
        50,
        500,
        date(2028, 12, 31),
        "Branchevereniging Installatie en Energie",
        [120, 210, 280],
        [
            ("Bijscholing als open leermiddel delen", "Branchevereniging Installatie en Energie", ActionStatus.DONE),
            ("Regionale trainersnetwerken opzetten", "Hogeschool Domstad", ActionStatus.ONGOING),
        ],
    ),
    (
        "Energieneutrale schoolgebouwen als leeromgeving",
        AmbitionLevel.NATIONAL,
        "",
        "",
        Sector.BOTH,
        "Schoolgebouwen die als leeromgeving gebruikt worden",
        "gebouwen",
        5,
        40,
        date(2029, 12, 31),
        "Branchevereniging Bouw en Renovatie",
        [8, 12, 15],
        [("Een handreiking voor scholen schrijven", "Branchevereniging Bouw en Renovatie", ActionStatus.PLANNED)],
    ),
]

PROGRESS_DATES = [date(2026, 3, 1), date(2026, 6, 1), date(2026, 10, 1)]
AMBITIONS_MADE = date(2026, 1, 15)


def _organisations() -> dict[str, Organisation]:
    return {o.name: o for o in Organisation.objects.filter(is_fictitious=True)}


def _load_sessions(organisations: dict[str, Organisation]) -> None:
    today = timezone.localdate()
    existing = set(ThemeSession.objects.values_list("theme", flat=True))
    practices = list(Practice.objects.filter(is_fictitious=True).order_by("title"))
    factors = {f.code: f for f in SuccessFactor.objects.all()}
    factor_list = list(factors.values())
    for index, (theme, day, organiser, location, participants, factor_codes, cancelled) in enumerate(SESSIONS):
        if theme in existing or organiser not in organisations:
            continue
        held = day < today
        status = SessionStatus.CANCELLED if cancelled else (SessionStatus.HELD if held else SessionStatus.PLANNED)
        session = ThemeSession.objects.create(
            theme=theme,
            date=day,
            start_time=time(13, 30),
            end_time=time(16, 30),
            location=location,
            organiser=organisations[organiser],
            agenda=richtext.sanitise(
                "<ol><li>Welkom en kennismaking</li><li>Twee praktijkvoorbeelden uit de regio's</li>"
                "<li>Gesprek over de succesfactoren uit de toolkit</li><li>Afspraken en acties</li></ol>"
                f"<p>{DISCLAIMER}</p>"
            ),
            outcomes=richtext.sanitise(
                "<p>De deelnemers wisselden ervaringen uit en spraken af welke aanpak zij in hun eigen regio "
                f"proberen.</p><p>{DISCLAIMER}</p>"
            )
            if held and not cancelled
            else "",
            status=status,
            is_fictitious=True,
            created_at=datetime.combine(date(2026, 1, 5), time(9), tzinfo=AMSTERDAM),
        )
        session.participants.set([organisations[name] for name in participants if name in organisations])
        if practices:
            session.practices.set(
                [practices[(2 * index) % len(practices)], practices[(2 * index + 1) % len(practices)]]
            )
        chosen = [factors[code] for code in factor_codes if code in factors]
        if not chosen and factor_list:
            chosen = [factor_list[index % len(factor_list)]]
        session.success_factors.set(chosen)
        if held and not cancelled:
            owners = [organisations[name] for name in participants if name in organisations] or [
                organisations[organiser]
            ]
            SessionAction.objects.bulk_create(
                [
                    SessionAction(
                        session=session,
                        description="Een werkbezoek organiseren bij de regio van het besproken voorbeeld",
                        owner=owners[0],
                        due_date=day + timedelta(days=60),
                        status=ActionStatus.DONE,
                        position=0,
                    ),
                    SessionAction(
                        session=session,
                        description="De aanpak bespreken met de eigen ketenpartners",
                        owner=owners[-1],
                        status=ActionStatus.ONGOING,
                        position=1,
                    ),
                ]
            )


def _load_ambitions(organisations: dict[str, Organisation]) -> None:
    today = timezone.localdate()
    regions = {r.code: r for r in Region.objects.all()}
    existing = set(Ambition.objects.values_list("goal", flat=True))
    for row in AMBITIONS:
        goal, level, school, region, sector, indicator, unit, baseline, target, deadline, owner, values, actions = row
        if goal in existing or owner not in organisations:
            continue
        ambition = Ambition.objects.create(
            goal=goal,
            level=level,
            school=organisations.get(school) if school else None,
            region=regions.get(region) if region else None,
            sector=sector,
            indicator=f"{indicator} {EXAMPLE}",
            unit=unit,
            baseline=Decimal(baseline),
            target_value=Decimal(target),
            deadline=deadline,
            owner=organisations[owner],
            is_fictitious=True,
            created_at=datetime.combine(AMBITIONS_MADE, time(9), tzinfo=AMSTERDAM),
        )
        AmbitionAction.objects.bulk_create(
            AmbitionAction(ambition=ambition, description=text, owner=organisations[name], status=status)
            for text, name, status in actions
            if name in organisations
        )
        ProgressUpdate.objects.bulk_create(
            ProgressUpdate(ambition=ambition, measured_on=day, value=Decimal(value), note=f"Fictieve meting {EXAMPLE}")
            for day, value in zip(PROGRESS_DATES, values, strict=True)
            if day <= today
        )


def load() -> None:
    """The demo themasessies and agenda; called inside the practice demo's transaction."""
    organisations = _organisations()
    _load_sessions(organisations)
    _load_ambitions(organisations)
