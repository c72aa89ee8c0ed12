"""Fictitious demo data: realistic Dutch organisations and users for every role.

Every organisation created here is marked ``is_fictitious`` and labelled "fictief" in the UI.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass

from django.apps import apps
from django.db import transaction
from django.utils.module_loading import import_string
from django.utils.text import slugify

from wattwijs.core import caching
from wattwijs.core.models import Membership, Organisation, OrganisationKind, Region, Role, Theme, User
from wattwijs.core.selectors import ORGANISATION_FACETS_CACHE

DEMO_PASSWORD = "WattWijs-demo-2026"  # noqa: S105 - documented demo login
DEMO_EMAIL_DOMAIN = "demo.wattwijs.example"

K = OrganisationKind

# (name, kind, region code, theme codes, description)
ORGANISATIONS: list[tuple[str, str, str, list[str], str]] = [
    (
        "ROC Vechtstreek",
        K.SCHOOL,
        "AMR12",
        ["zon-pv", "warmtepompen", "laadinfrastructuur"],
        "Regionaal opleidingscentrum met opleidingen installatietechniek en elektrotechniek.",
    ),
    (
        "Vakschool Installatietechniek Midden",
        K.SCHOOL,
        "AMR12",
        ["warmtepompen", "slimme-installaties"],
        "Bedrijfstakschool voor monteurs en servicetechnici.",
    ),
    (
        "Installatiebedrijf Van Dijk & Zonen",
        K.LEERBEDRIJF,
        "AMR12",
        ["warmtepompen", "zon-pv"],
        "Erkend leerbedrijf voor warmtepompen en zonnepanelen in de regio Utrecht.",
    ),
    (
        "Woningcorporatie Thuis in Overvecht",
        K.COMPANY,
        "AMR12",
        ["isolatie-renovatie"],
        "Woningcorporatie die haar woningen verduurzaamt en leerplekken biedt bij renovaties.",
    ),
    (
        "Gemeente Utrecht",
        K.MUNICIPALITY,
        "AMR12",
        ["isolatie-renovatie", "energieadvies"],
        "Werk en inkomen: begeleidt werkzoekenden naar werk in de energietransitie.",
    ),
    ("UWV-vestiging Utrecht", K.UWV, "AMR12", [], "Werkgeversdienstverlening en begeleiding van werkzoekenden."),
    (
        "Branchevereniging Installatie en Energie",
        K.BRANCH,
        "AMR16",
        ["slimme-installaties", "warmtepompen"],
        "Vereniging van installatiebedrijven, actief in opleiding en kwaliteit.",
    ),
    ("Hogeschool Domstad", K.HOGESCHOOL, "AMR12", ["energiesysteem"], "Hogeschool met een lectoraat energietransitie."),
    (
        "Noorderpoort Techniekcollege",
        K.SCHOOL,
        "AMR01",
        ["warmtenetten", "waterstof-groengas"],
        "Mbo-opleidingen in techniek en energie in Groningen.",
    ),
    (
        "Bouwbedrijf Hoekstra",
        K.LEERBEDRIJF,
        "AMR02",
        ["isolatie-renovatie", "energieneutraal-bouwen"],
        "Aannemer van renovatieprojecten in Friesland.",
    ),
    ("Gemeente Assen", K.MUNICIPALITY, "AMR03", ["energieadvies"], "Gemeente met een energiecoachproject."),
    ("Techniekschool IJsselland", K.SCHOOL, "AMR04", ["zon-pv", "netbeheer"], "Mbo-school voor elektrotechniek."),
    (
        "Elektrotechniek Nijhuis",
        K.LEERBEDRIJF,
        "AMR05",
        ["zon-pv", "energieopslag"],
        "Installateur van zonnestroom en thuisbatterijen in Twente.",
    ),
    ("Warmtebedrijf Veluwe", K.COMPANY, "AMR06", ["warmtenetten"], "Ontwikkelt en beheert warmtenetten."),
    ("ROC Gelderse Poort", K.SCHOOL, "AMR08", ["warmtepompen", "elektrisch-rijden"], "Breed mbo-aanbod in Arnhem."),
    ("Laadpunt Service Nijmegen", K.LEERBEDRIJF, "AMR09", ["laadinfrastructuur"], "Plaatst en onderhoudt laadpalen."),
    ("UWV-vestiging Amersfoort", K.UWV, "AMR13", [], "Begeleidt werkzoekenden naar technische beroepen."),
    ("Gemeente Almere", K.MUNICIPALITY, "AMR14", ["energieneutraal-bouwen"], "Stimuleert energieneutrale nieuwbouw."),
    (
        "Amsterdams Vakcollege Energie",
        K.SCHOOL,
        "AMR16",
        ["zon-pv", "warmtepompen", "windenergie"],
        "Vakschool voor installatie en energie in Amsterdam.",
    ),
    (
        "Installatiegroep Zaanstad",
        K.LEERBEDRIJF,
        "AMR17",
        ["warmtepompen"],
        "Installatiebedrijf met veel bbl-leerlingen.",
    ),
    ("Windservice Noord-Holland", K.COMPANY, "AMR18", ["windenergie"], "Onderhoud van windturbines op land."),
    ("Gemeente Leiden", K.MUNICIPALITY, "AMR20", ["isolatie-renovatie"], "Gemeente met een isolatie-aanpak per wijk."),
    (
        "ROC Haaglanden Techniek",
        K.SCHOOL,
        "AMR22",
        ["slimme-installaties", "energieadvies"],
        "Techniekopleidingen in Den Haag.",
    ),
    (
        "Havenstad Installatietechniek",
        K.LEERBEDRIJF,
        "AMR24",
        ["warmtenetten", "waterstof-groengas"],
        "Installateur in de regio Rotterdam.",
    ),
    (
        "Woonstichting Rijnmond Zuid",
        K.COMPANY,
        "AMR24",
        ["isolatie-renovatie", "warmtenetten"],
        "Corporatie die wijken aansluit op het warmtenet.",
    ),
    ("UWV-vestiging Rotterdam", K.UWV, "AMR24", [], "Werkgeversservicepunt Rijnmond."),
    ("Bouwcollege Drechtsteden", K.SCHOOL, "AMR25", ["energieneutraal-bouwen"], "Mbo-bouwopleidingen."),
    (
        "Zeeuws Energiecollege",
        K.SCHOOL,
        "AMR27",
        ["windenergie", "waterstof-groengas"],
        "Energieopleidingen in Zeeland.",
    ),
    ("Gemeente Breda", K.MUNICIPALITY, "AMR28", ["laadinfrastructuur"], "Gemeente met een laadpalenplan."),
    (
        "Installatiebedrijf Brabantse Wal",
        K.LEERBEDRIJF,
        "AMR28",
        ["warmtepompen", "zon-pv"],
        "Familiebedrijf in West-Brabant.",
    ),
    ("Techniekcampus Tilburg", K.SCHOOL, "AMR29", ["slimme-installaties"], "Samenwerking van school en bedrijven."),
    ("Energiecoöperatie De Kempen", K.OTHER, "AMR31", ["zon-pv", "energieadvies"], "Coöperatie van bewoners."),
    (
        "Elektro Peelland",
        K.LEERBEDRIJF,
        "AMR32",
        ["netbeheer", "laadinfrastructuur"],
        "Elektrotechnisch installatiebedrijf.",
    ),
    (
        "Leerwerkbedrijf Noord-Limburg",
        K.OTHER,
        "AMR33",
        ["isolatie-renovatie"],
        "Leerwerktrajecten voor werkzoekenden.",
    ),
    ("Gemeente Heerlen", K.MUNICIPALITY, "AMR35", ["warmtenetten"], "Gemeente met een mijnwater-warmtenet."),
    (
        "Vakschool Zuid-Limburg Installatie",
        K.SCHOOL,
        "AMR35",
        ["warmtepompen", "warmtenetten"],
        "Installatieopleidingen.",
    ),
    ("Netwerkbedrijf Oost", K.COMPANY, "AMR07", ["netbeheer"], "Netbeheerder die monteurs opleidt."),
    (
        "Groen Bouwen Rivierenland",
        K.LEERBEDRIJF,
        "AMR11",
        ["energieneutraal-bouwen", "isolatie-renovatie"],
        "Bouwbedrijf voor energieneutrale woningen.",
    ),
    ("Branchevereniging Bouw en Renovatie", K.BRANCH, "AMR21", ["isolatie-renovatie"], "Vereniging van bouwbedrijven."),
    (
        "Hogeschool Zuidwest",
        K.HOGESCHOOL,
        "AMR28",
        ["energiesysteem", "waterstof-groengas"],
        "Hbo-opleidingen energie.",
    ),
]


@dataclass(frozen=True)
class DemoUser:
    local_part: str
    first_name: str
    last_name: str
    organisation: str
    role: str


DEMO_USERS = [
    DemoUser("beheerder", "Sanne", "de Wit", "ROC Vechtstreek", Role.ADMIN),
    DemoUser("coordinator", "Ahmed", "El Amrani", "Gemeente Utrecht", Role.COORDINATOR),
    DemoUser("coach", "Marieke", "Bos", "UWV-vestiging Utrecht", Role.COACH),
    DemoUser("auteur", "Jeroen", "Smits", "ROC Vechtstreek", Role.AUTHOR),
    DemoUser("moderator", "Fatma", "Yilmaz", "Vakschool Installatietechniek Midden", Role.MODERATOR),
    DemoUser("praktijkopleider", "Kees", "van Dijk", "Installatiebedrijf Van Dijk & Zonen", Role.MENTOR),
    DemoUser("kijker", "Lotte", "Visser", "Branchevereniging Installatie en Energie", Role.VIEWER),
]
# Extra memberships show that one person can belong to several organisations.
EXTRA_MEMBERSHIPS = [("beheerder", "Vakschool Installatietechniek Midden", Role.VIEWER)]
PLATFORM_ADMIN = "platformbeheer"

SURNAMES = [
    "de Jong",
    "Jansen",
    "de Vries",
    "van den Berg",
    "van Dijk",
    "Bakker",
    "Janssen",
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
    "van Leeuwen",
    "Dekker",
    "Brouwer",
]
TRADES = [
    ("Installatiebedrijf", K.LEERBEDRIJF),
    ("Elektrotechniek", K.LEERBEDRIJF),
    ("Bouwbedrijf", K.COMPANY),
    ("Zonnestroom", K.COMPANY),
    ("Warmtetechniek", K.LEERBEDRIJF),
    ("Renovatiebedrijf", K.COMPANY),
]


def demo_email(local_part: str) -> str:
    return f"{local_part}@{DEMO_EMAIL_DOMAIN}"


def _load_base_organisations() -> dict[str, Organisation]:
    regions = {region.code: region for region in Region.objects.all()}
    themes = {theme.code: theme for theme in Theme.objects.all()}
    organisations: dict[str, Organisation] = {}
    for name, kind, region_code, theme_codes, description in ORGANISATIONS:
        organisation, created = Organisation.objects.get_or_create(
            slug=slugify(name),
            defaults={
                "name": name,
                "kind": kind,
                "region": regions[region_code],
                "description": description,
                "is_fictitious": True,
            },
        )
        if created:
            organisation.themes.set([themes[code] for code in theme_codes])
        organisations[name] = organisation
    return organisations


def _load_users(organisations: dict[str, Organisation]) -> None:
    if not User.objects.filter(email=demo_email(PLATFORM_ADMIN)).exists():
        User.objects.create_superuser(
            email=demo_email(PLATFORM_ADMIN), password=DEMO_PASSWORD, first_name="Platform", last_name="Beheer"
        )
    users: dict[str, User] = {}
    for demo in DEMO_USERS:
        user = User.objects.filter(email=demo_email(demo.local_part)).first()
        if user is None:
            user = User.objects.create_user(
                email=demo_email(demo.local_part),
                password=DEMO_PASSWORD,
                first_name=demo.first_name,
                last_name=demo.last_name,
            )
        users[demo.local_part] = user
        Membership.objects.get_or_create(
            user=user, organisation=organisations[demo.organisation], defaults={"role": demo.role}
        )
    for local_part, organisation_name, role in EXTRA_MEMBERSHIPS:
        Membership.objects.get_or_create(
            user=users[local_part], organisation=organisations[organisation_name], defaults={"role": role}
        )


def _load_generated_organisations(count: int) -> None:
    """Bulk volume for benchmarks: ``count`` generated fictitious companies over all regions."""
    existing = Organisation.objects.filter(slug__startswith="demo-").count()
    if existing >= count:
        return
    regions = list(Region.objects.order_by("code"))
    themes = list(Theme.objects.filter(parent__isnull=False).order_by("position"))
    new = []
    for index in range(existing, count):
        trade, kind = TRADES[index % len(TRADES)]
        surname = SURNAMES[(index // len(TRADES)) % len(SURNAMES)]
        region = regions[index % len(regions)]
        name = f"{trade} {surname} {region.reference_place} {index + 1}"
        new.append(
            Organisation(
                name=name,
                slug=f"demo-{index + 1}",
                kind=kind,
                region=region,
                is_fictitious=True,
                description="Gegenereerde fictieve organisatie voor demonstratie en metingen.",
            )
        )
    created = Organisation.objects.bulk_create(new, batch_size=1000)
    links = [
        Organisation.themes.through(organisation_id=org.pk, theme_id=themes[(i + j) % len(themes)].pk)
        for i, org in enumerate(created)
        for j in range(2)
    ]
    Organisation.themes.through.objects.bulk_create(links, batch_size=2000, ignore_conflicts=True)
    # bulk_create sends no signals, so the cached directory counts are dropped here.
    caching.invalidate(ORGANISATION_FACETS_CACHE)


@transaction.atomic
def load_demo(*, scale: int = 1, timed: Callable[[str, float], object] | None = None) -> None:
    """Load the demo data of every app; running it again adds nothing that is already there.

    Apps take part by naming a ``demo_loader`` (dotted path to ``load(*, scale)``) on their AppConfig.
    ``timed`` hears the seconds each app's part took (the benchmarks report them).
    """
    started = time.perf_counter()
    organisations = _load_base_organisations()
    _load_users(organisations)
    if scale > 1:
        _load_generated_organisations(len(ORGANISATIONS) * (scale - 1))
    if timed:
        timed("core", time.perf_counter() - started)
    for config in apps.get_app_configs():
        loader = getattr(config, "demo_loader", None)
        if loader:
            started = time.perf_counter()
            import_string(loader)(scale=scale)
            if timed:
                timed(config.label, time.perf_counter() - started)


def demo_logins() -> list[tuple[str, str, str]]:
    """(e-mail, role, organisation) of each demo login, for the README and the command output."""
    logins = [(demo_email(PLATFORM_ADMIN), "platformbeheerder (superuser)", "—")]
    logins += [(demo_email(d.local_part), str(Role(d.role).label), d.organisation) for d in DEMO_USERS]
    return logins
