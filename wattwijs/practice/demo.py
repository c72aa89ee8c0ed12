"""Fictitious demo data for practice examples, innovation projects and the toolkit.

Every record created here is marked ``is_fictitious`` and labelled "fictief" in the interface. The organisations
are the fictitious demo organisations of the core; result figures are small round example numbers, not statistics.

``load`` adds 15 success factors over every chain step, 16 practice examples (among them a renovation and
construction track for job seekers run by builders, a housing corporation, schools and the municipality: four days
of work on a local project and one day at school) and 10 innovation projects. Running it again adds nothing.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from zoneinfo import ZoneInfo

from django.db import transaction
from django.utils.text import slugify

from wattwijs.core.models import Organisation, Region, Theme
from wattwijs.library.models import Resource
from wattwijs.practice import demo_assessments, demo_sessions, richtext
from wattwijs.practice.models import (
    ChainStep,
    InnovationProject,
    PartnerRole,
    Practice,
    PracticePartner,
    PracticeResult,
    PracticeTargetGroup,
    PublicationStatus,
    ResultIndicator,
    SuccessFactor,
)
from wattwijs.training.models import TrainingOffer

FLAGSHIP = "Renoveren en bouwen in de wijk: leerwerktraject voor werkzoekenden"
TRAINING_OFFER = "Leerwerktraject Renoveren in de wijk (Overvecht)"
AMSTERDAM = ZoneInfo("Europe/Amsterdam")

S = ChainStep
R = PartnerRole
T = PracticeTargetGroup
I = ResultIndicator  # noqa: E741 - short alias in data tables

# (code, name, chain step, explanation)
FACTORS: list[tuple[str, str, str, str]] = [
    (
        "werven-in-de-wijk",
        "Werven waar mensen al komen",
        S.RECRUITMENT,
        "Werving via buurthuizen, wijkteams en de eigen huurders bereikt mensen die vacatures niet lezen.",
    ),
    (
        "ervaringsdeskundige-ambassadeurs",
        "Zij-instromers als ambassadeur",
        S.RECRUITMENT,
        "Wie zelf de overstap maakte, vertelt eerlijk hoe het werk is en haalt drempels weg.",
    ),
    (
        "een-loket-intake",
        "Eén intake voor alle partners",
        S.INTAKE,
        "Eén gesprek en één dossier dat alle partners gebruiken, zodat een kandidaat zijn verhaal één keer vertelt.",
    ),
    (
        "meeloopdagen",
        "Meeloopdagen voor de keuze",
        S.ORIENTATION,
        "Een paar dagen meewerken op de bouwplaats laat kandidaten en bedrijven zien of het past, vóór het contract.",
    ),
    (
        "matchen-op-motivatie",
        "Matchen op motivatie, niet op cv",
        S.MATCHING,
        "Bedrijven kiezen op houding en motivatie; wat iemand nog niet kan, leert hij in het traject.",
    ),
    (
        "leren-op-echt-project",
        "Leren op een echt project",
        S.TRAINING,
        "Deelnemers werken vier dagen aan echte woningen of gebouwen en leren één dag op school wat ze daar nodig "
        "hebben.",
    ),
    (
        "modulair-opleiden",
        "Kleine modules met een certificaat",
        S.TRAINING,
        "Korte modules die elk een erkend certificaat opleveren, zodat uitval niet betekent dat alles verloren is.",
    ),
    (
        "vaste-praktijkbegeleider",
        "Een vaste praktijkbegeleider",
        S.COACHING,
        "Op de werkplek heeft elke deelnemer één vast aanspreekpunt dat tijd krijgt voor begeleiding.",
    ),
    (
        "jobcoach-naast-werk",
        "Jobcoach voor zaken buiten het werk",
        S.COACHING,
        "Een jobcoach helpt bij schulden, vervoer, kinderopvang en taal, zodat dat het leren niet stopt.",
    ),
    (
        "baangarantie",
        "Baangarantie bij start",
        S.PLACEMENT,
        "Bedrijven beloven vooraf een baan bij een goed afgerond traject; dat trekt deelnemers en houdt ze vast.",
    ),
    (
        "contract-vanaf-dag-een",
        "Een arbeidscontract vanaf dag één",
        S.PLACEMENT,
        "Een leerwerkovereenkomst met loon maakt de overstap voor volwassenen met vaste lasten haalbaar.",
    ),
    (
        "nazorg-een-jaar",
        "Een jaar nazorg na plaatsing",
        S.AFTERCARE,
        "Na plaatsing blijft de coach een jaar in beeld, met vaste momenten na 1, 3, 6 en 12 maanden.",
    ),
    (
        "terugkomdagen",
        "Terugkomdagen met de groep",
        S.AFTERCARE,
        "Oud-deelnemers komen samen om ervaringen te delen; signalen van uitval komen zo eerder boven.",
    ),
    (
        "ketenregisseur",
        "Eén ketenregisseur met mandaat",
        S.CHAIN_COORDINATION,
        "Eén persoon houdt de hele keten bij elkaar, spreekt partners aan en lost knelpunten tussen hen op.",
    ),
    (
        "gedeelde-financiering",
        "Financiering uit meerdere potten",
        S.CHAIN_COORDINATION,
        "Gemeente, UWV, opleidingsfondsen en werkgevers betalen elk een deel, vastgelegd in één afspraak.",
    ),
]


@dataclass(frozen=True)
class PracticeSpec:
    title: str
    region: str
    owner: str
    target_group: str
    themes: tuple[str, ...]
    factors: tuple[str, ...]
    partners: tuple[tuple[str, str, str], ...]  # (organisation or free name, role, what they do)
    summary: str
    training_format: str
    placed: int  # the example number placed at the last measurement; the other figures follow from it


PRACTICES: list[PracticeSpec] = [
    PracticeSpec(
        FLAGSHIP,
        "AMR12",
        "Gemeente Utrecht",
        T.JOB_SEEKERS,
        ("isolatie-renovatie", "energieneutraal-bouwen"),
        (
            "werven-in-de-wijk",
            "leren-op-echt-project",
            "contract-vanaf-dag-een",
            "vaste-praktijkbegeleider",
            "ketenregisseur",
            "gedeelde-financiering",
        ),
        (
            ("Gemeente Utrecht", R.MUNICIPALITY, "Werft deelnemers uit de bijstand en regelt de ketenregie."),
            ("Woningcorporatie Thuis in Overvecht", R.CLIENT, "Stelt woningen beschikbaar die worden gerenoveerd."),
            ("Bouwbedrijf Hoekstra", R.EMPLOYER, "Neemt deelnemers in dienst en levert praktijkbegeleiders."),
            ("Installatiebedrijf Van Dijk & Zonen", R.EMPLOYER, "Leert deelnemers isoleren en installeren."),
            ("ROC Vechtstreek", R.SCHOOL, "Verzorgt de schooldag en de certificaten."),
            ("UWV-vestiging Utrecht", R.RECRUITMENT, "Draagt werkzoekenden met een WW-uitkering voor."),
        ),
        "Werkzoekenden renoveren woningen in hun eigen wijk: vier dagen werken op het project, één dag naar school. "
        "Bouwers, de woningcorporatie, school en gemeente doen het samen.",
        "<p>Vier dagen per week werken deelnemers in een vaste ploeg aan de renovatie van corporatiewoningen in de "
        "wijk: isoleren, kozijnen vervangen, installaties vernieuwen. Eén dag per week gaan ze naar school.</p>"
        "<ul><li>Duur: een jaar, met instroom twee keer per jaar</li><li>Afsluiting met mbo-certificaten</li></ul>",
        10,
    ),
    PracticeSpec(
        "Warmtepompmonteur in één jaar",
        "AMR16",
        "Amsterdams Vakcollege Energie",
        T.CAREER_SWITCHERS,
        ("warmtepompen",),
        ("meeloopdagen", "modulair-opleiden", "baangarantie"),
        (
            ("Amsterdams Vakcollege Energie", R.SCHOOL, "Ontwikkelde de modules."),
            ("Installatiegroep Zaanstad", R.EMPLOYER, "Biedt leerbanen en een baan na afloop."),
            ("Branchevereniging Installatie en Energie", R.OTHER, "Bewaakt de kwaliteit van de modules."),
        ),
        "Zij-instromers worden in een jaar warmtepompmonteur, in modules die elk een certificaat opleveren.",
        "Drie dagen werken bij een installateur, twee dagen lessen in de praktijkhal van school.",
        8,
    ),
    PracticeSpec(
        "Zonnepanelen leggen met statushouders",
        "AMR24",
        "Havenstad Installatietechniek",
        T.NEWCOMERS,
        ("zon-pv",),
        ("jobcoach-naast-werk", "leren-op-echt-project", "vaste-praktijkbegeleider"),
        (
            ("Havenstad Installatietechniek", R.EMPLOYER, "Leidt op in de eigen montageploegen."),
            ("Woonstichting Rijnmond Zuid", R.CLIENT, "Laat de daken van haar woningen beleggen."),
            ("Taalschool Zuid (fictief)", R.COACHING, "Geeft vaktaal op de werkplek."),
        ),
        "Statushouders leren zonnepanelen leggen op corporatiedaken, met vaktaal op de werkplek.",
        "Vier dagen op het dak in een ploeg, één ochtend vaktaal en één middag theorie.",
        6,
    ),
    PracticeSpec(
        "Laadpalen installeren voor werkzoekenden",
        "AMR09",
        "Laadpunt Service Nijmegen",
        T.JOB_SEEKERS,
        ("laadinfrastructuur",),
        ("matchen-op-motivatie", "modulair-opleiden", "nazorg-een-jaar"),
        (
            ("Laadpunt Service Nijmegen", R.EMPLOYER, "Leerbedrijf en werkgever."),
            ("ROC Gelderse Poort", R.SCHOOL, "Verzorgt de module laadinfrastructuur."),
        ),
        "Werkzoekenden leren in een half jaar laadpalen installeren en onderhouden.",
        "Eerst zes weken voltijd op school, daarna vier dagen werken en één dag school.",
        5,
    ),
    PracticeSpec(
        "Warmtenet aanleggen met de wijk",
        "AMR06",
        "Warmtebedrijf Veluwe",
        T.JOB_SEEKERS,
        ("warmtenetten",),
        ("werven-in-de-wijk", "contract-vanaf-dag-een", "ketenregisseur"),
        (
            ("Warmtebedrijf Veluwe", R.CLIENT, "Legt het warmtenet aan en biedt werkplekken."),
            ("Techniekschool IJsselland", R.SCHOOL, "Leidt op tot monteur warmtenetten."),
        ),
        "Bewoners uit de wijk waar het warmtenet komt, werken mee aan de aanleg en leren het vak.",
        "Vier dagen meewerken bij de aanleg, één dag school.",
        4,
    ),
    PracticeSpec(
        "Isolatieploeg voor jongeren zonder startkwalificatie",
        "AMR25",
        "Bouwcollege Drechtsteden",
        T.SCHOOL_LEAVERS,
        ("isolatie-renovatie",),
        ("leren-op-echt-project", "vaste-praktijkbegeleider", "terugkomdagen"),
        (
            ("Bouwcollege Drechtsteden", R.SCHOOL, "Begeleidt de jongeren naar een diploma."),
            ("Isolatiebedrijf Merwede (fictief)", R.EMPLOYER, "Biedt de isolatieklussen."),
        ),
        "Jongeren zonder diploma isoleren woningen in een vaste ploeg en halen onderweg hun startkwalificatie.",
        "Vier dagen isoleren in een ploeg met een vaste voorman, één dag school.",
        7,
    ),
    PracticeSpec(
        "Elektromonteur voor werkenden uit de industrie",
        "AMR32",
        "Elektro Peelland",
        T.WORKERS,
        ("slimme-installaties", "zon-pv"),
        ("modulair-opleiden", "contract-vanaf-dag-een"),
        (
            ("Elektro Peelland", R.EMPLOYER, "Neemt omscholers in dienst."),
            ("Techniekcampus Tilburg", R.SCHOOL, "Verzorgt avondonderwijs."),
        ),
        "Werkenden uit de industrie scholen om tot elektromonteur, met behoud van inkomen.",
        "Vier dagen werken als leerling-monteur, één avond en één zaterdag per maand les.",
        6,
    ),
    PracticeSpec(
        "Windturbinetechnicus via de omscholingsacademie",
        "AMR18",
        "Windservice Noord-Holland",
        T.CAREER_SWITCHERS,
        ("windenergie",),
        ("ervaringsdeskundige-ambassadeurs", "baangarantie", "nazorg-een-jaar"),
        (("Windservice Noord-Holland", R.EMPLOYER, "Leidt op in eigen academie en biedt een baan."),),
        "Zij-instromers met technische ervaring worden in negen maanden windturbinetechnicus.",
        "Blokken van drie weken training en drie weken meedraaien in een serviceteam.",
        4,
    ),
    PracticeSpec(
        "Energiecoaches uit de buurt",
        "AMR31",
        "Energiecoöperatie De Kempen",
        T.JOB_SEEKERS,
        ("energieadvies",),
        ("werven-in-de-wijk", "ervaringsdeskundige-ambassadeurs", "jobcoach-naast-werk"),
        (
            ("Energiecoöperatie De Kempen", R.CHAIN_COORDINATOR, "Organiseert de huisbezoeken."),
            ("Gemeente Eindhoven (fictief)", R.FUNDING, "Betaalt de opleiding van de coaches."),
        ),
        "Buurtbewoners worden energiecoach en helpen buren met kleine besparingen; een deel stroomt door naar werk.",
        "Twee dagen cursus per week gedurende acht weken, daarna huisbezoeken onder begeleiding.",
        5,
    ),
    PracticeSpec(
        "Netmonteur in de regio Oost",
        "AMR07",
        "Netwerkbedrijf Oost",
        T.CAREER_SWITCHERS,
        ("netbeheer",),
        ("een-loket-intake", "contract-vanaf-dag-een", "vaste-praktijkbegeleider"),
        (
            ("Netwerkbedrijf Oost", R.EMPLOYER, "Biedt een leerwerkovereenkomst."),
            ("Techniekschool IJsselland", R.SCHOOL, "Verzorgt de opleiding tot netmonteur."),
        ),
        "Zij-instromers worden netmonteur met een contract vanaf de eerste dag.",
        "Vier dagen werken in een ploeg, één dag school.",
        8,
    ),
    PracticeSpec(
        "Groen bouwen met houtskeletbouw",
        "AMR11",
        "Groen Bouwen Rivierenland",
        T.CAREER_SWITCHERS,
        ("energieneutraal-bouwen",),
        ("meeloopdagen", "leren-op-echt-project"),
        (
            ("Groen Bouwen Rivierenland", R.EMPLOYER, "Bouwt energieneutrale woningen in eigen fabriek."),
            ("ROC Gelderse Poort", R.SCHOOL, "Verzorgt de schooldag."),
        ),
        "Zij-instromers leren houtskeletbouw in een werkplaats waar energieneutrale woningen worden gemaakt.",
        "Vier dagen in de werkplaats, één dag school.",
        5,
    ),
    PracticeSpec(
        "Servicemonteur warmtepompen in Zuid-Limburg",
        "AMR35",
        "Vakschool Zuid-Limburg Installatie",
        T.WORKERS,
        ("warmtepompen", "slimme-installaties"),
        ("modulair-opleiden", "nazorg-een-jaar"),
        (
            ("Vakschool Zuid-Limburg Installatie", R.SCHOOL, "Verzorgt de modules."),
            ("Gemeente Heerlen", R.FUNDING, "Draagt bij aan de opleidingskosten."),
        ),
        "Monteurs scholen bij tot servicemonteur warmtepompen, in avondmodules.",
        "Twee avonden per week, met praktijkopdrachten in het eigen bedrijf.",
        9,
    ),
    PracticeSpec(
        "Techniek proeven in het vmbo",
        "AMR01",
        "Noorderpoort Techniekcollege",
        T.STUDENTS,
        ("warmtenetten", "zon-pv"),
        ("meeloopdagen", "ervaringsdeskundige-ambassadeurs"),
        (
            ("Noorderpoort Techniekcollege", R.SCHOOL, "Organiseert de doorlopende leerlijn."),
            ("Vmbo De Esch (fictief)", R.SCHOOL, "Doet mee met de bovenbouw."),
        ),
        "Vmbo-leerlingen lopen mee op energieprojecten en kiezen vaker voor een technische mbo-opleiding.",
        "Eén middag per week projectonderwijs op een echte bouwplaats.",
        0,
    ),
    PracticeSpec(
        "Transitiehuis Almere: één keten voor zij-instromers",
        "AMR14",
        "Gemeente Almere",
        T.CAREER_SWITCHERS,
        ("warmtepompen", "isolatie-renovatie"),
        ("een-loket-intake", "ketenregisseur", "gedeelde-financiering", "nazorg-een-jaar"),
        (
            ("Gemeente Almere", R.CHAIN_COORDINATOR, "Voert de ketenregie."),
            ("UWV-vestiging Amersfoort", R.RECRUITMENT, "Draagt kandidaten voor."),
        ),
        "Gemeente, UWV, scholen en bedrijven werken in één keten van intake tot en met nazorg.",
        "Per kandidaat een route op maat: van korte cursus tot bbl-opleiding.",
        7,
    ),
    PracticeSpec(
        "Waterstofmonteur in de Zeeuwse industrie",
        "AMR27",
        "Zeeuws Energiecollege",
        T.WORKERS,
        ("waterstof-groengas",),
        ("modulair-opleiden", "baangarantie"),
        (("Zeeuws Energiecollege", R.SCHOOL, "Ontwikkelde de module waterstof."),),
        "Procesoperators leren werken met waterstofinstallaties.",
        "Zes modules van vier weken, naast het werk.",
        6,
    ),
    PracticeSpec(
        "Leerwerkbedrijf renovatie Noord-Limburg",
        "AMR33",
        "Leerwerkbedrijf Noord-Limburg",
        T.JOB_SEEKERS,
        ("isolatie-renovatie",),
        ("leren-op-echt-project", "jobcoach-naast-werk", "terugkomdagen"),
        (("Leerwerkbedrijf Noord-Limburg", R.EMPLOYER, "Voert renovaties uit met leerlingen."),),
        "Een leerwerkbedrijf renoveert schoolgebouwen en woningen met werkzoekenden.",
        "Vier dagen werken, één dag school.",
        5,
    ),
]

# (title, region, owner, themes, learning question, schools, companies, students, start, end or None, grew into)
PROJECTS: list[
    tuple[str, str, str, tuple[str, ...], str, tuple[str, ...], tuple[str, ...], int, date, date | None, str]
] = [
    (
        "Proefwoning renovatie Overvecht",
        "AMR12",
        "ROC Vechtstreek",
        ("isolatie-renovatie",),
        "Leren studenten sneller als ze een hele woning renoveren in plaats van losse oefeningen te doen?",
        ("ROC Vechtstreek",),
        ("Woningcorporatie Thuis in Overvecht", "Bouwbedrijf Hoekstra"),
        24,
        date(2024, 9, 1),
        date(2025, 6, 30),
        FLAGSHIP,
    ),
    (
        "Warmtepomplab in de praktijkhal",
        "AMR16",
        "Amsterdams Vakcollege Energie",
        ("warmtepompen",),
        "Kunnen studenten storingen beter vinden als ze die eerst op een meetopstelling zien?",
        ("Amsterdams Vakcollege Energie",),
        ("Installatiegroep Zaanstad",),
        30,
        date(2025, 2, 1),
        date(2025, 12, 19),
        "Warmtepompmonteur in één jaar",
    ),
    (
        "Slim laden op het schoolplein",
        "AMR09",
        "ROC Gelderse Poort",
        ("laadinfrastructuur", "slimme-installaties"),
        "Wat leren studenten van het zelf ontwerpen en bouwen van een slim laadplein?",
        ("ROC Gelderse Poort",),
        ("Laadpunt Service Nijmegen",),
        16,
        date(2025, 9, 1),
        None,
        "",
    ),
    (
        "Buurtbatterij als leeromgeving",
        "AMR31",
        "Energiecoöperatie De Kempen",
        ("energieopslag",),
        "Hoe leren studenten elektrotechniek en energiemanagement samen in één project?",
        ("Techniekcampus Tilburg",),
        ("Energiecoöperatie De Kempen", "Elektro Peelland"),
        12,
        date(2025, 1, 15),
        date(2025, 11, 30),
        "",
    ),
    (
        "Warmtenet-leerlijn vmbo-mbo",
        "AMR01",
        "Noorderpoort Techniekcollege",
        ("warmtenetten",),
        "Kiezen meer vmbo-leerlingen techniek als ze een warmtenet zien aanleggen?",
        ("Noorderpoort Techniekcollege",),
        (),
        40,
        date(2024, 2, 1),
        date(2025, 1, 31),
        "Techniek proeven in het vmbo",
    ),
    (
        "Prefab-installatiemodules bouwen",
        "AMR11",
        "Groen Bouwen Rivierenland",
        ("energieneutraal-bouwen",),
        "Hoeveel sneller leren studenten installeren als ze in de fabriek aan prefab-modules werken?",
        ("ROC Gelderse Poort",),
        ("Groen Bouwen Rivierenland",),
        10,
        date(2025, 4, 1),
        None,
        "",
    ),
    (
        "Drone-inspectie van zonnedaken",
        "AMR24",
        "Havenstad Installatietechniek",
        ("zon-pv",),
        "Helpt inspecteren met een drone studenten om veilig werken op hoogte te leren?",
        ("ROC Haaglanden Techniek",),
        ("Havenstad Installatietechniek",),
        14,
        date(2025, 3, 1),
        date(2025, 10, 31),
        "",
    ),
    (
        "Waterstoftankstation als praktijkplek",
        "AMR27",
        "Zeeuws Energiecollege",
        ("waterstof-groengas",),
        "Welke veiligheidskennis hebben studenten nodig voordat ze aan een waterstofinstallatie werken?",
        ("Zeeuws Energiecollege",),
        (),
        8,
        date(2025, 5, 1),
        None,
        "",
    ),
    (
        "Digitale tweeling van een schoolgebouw",
        "AMR28",
        "Hogeschool Zuidwest",
        ("slimme-installaties",),
        "Leren mbo- en hbo-studenten samen beter energie besparen met een digitaal model van hun school?",
        ("Hogeschool Zuidwest",),
        ("Installatiebedrijf Brabantse Wal",),
        20,
        date(2024, 9, 1),
        date(2025, 7, 1),
        "",
    ),
    (
        "Windpark-onderhoud op afstand",
        "AMR18",
        "Windservice Noord-Holland",
        ("windenergie",),
        "Kunnen studenten een deel van het onderhoud leren met beelden en data op afstand?",
        (),
        ("Windservice Noord-Holland",),
        6,
        date(2025, 6, 1),
        None,
        "Windturbinetechnicus via de omscholingsacademie",
    ),
]

DISCLAIMER = "Fictief demovoorbeeld: organisaties en cijfers zijn verzonnen."


def _aware(day: date) -> datetime:
    return datetime(day.year, day.month, day.day, 9, 0, tzinfo=AMSTERDAM)


def _organisations(names: set[str]) -> dict[str, Organisation]:
    return {o.name: o for o in Organisation.objects.filter(is_fictitious=True, name__in=names)}


def _load_factors() -> dict[str, SuccessFactor]:
    existing = {f.code: f for f in SuccessFactor.objects.all()}
    new = [
        SuccessFactor(
            code=code, name=name, chain_step=step, explanation=explanation, position=position, is_fictitious=True
        )
        for position, (code, name, step, explanation) in enumerate(FACTORS)
        if code not in existing
    ]
    SuccessFactor.objects.bulk_create(new)
    return {f.code: f for f in SuccessFactor.objects.all()}


def _results(practice: Practice, placed: int) -> list[PracticeResult]:
    """Example figures at two moments, all derived from one small number."""
    started = placed + 4
    rows = [
        (date(2025, 3, 1), I.STARTED, started),
        (date(2025, 3, 1), I.DROPPED_OUT, 1),
        (date(2026, 3, 1), I.STARTED, started),
        (date(2026, 3, 1), I.CERTIFIED, placed + 1),
        (date(2026, 3, 1), I.PLACED, placed),
        (date(2026, 3, 1), I.DROPPED_OUT, 3),
    ]
    if placed:
        rows.append((date(2026, 9, 1), I.WORKING_AFTER_12_MONTHS, max(placed - 2, 1)))
    return [PracticeResult(practice=practice, measured_on=d, indicator=i, value=v) for d, i, v in rows]


def _load_practices(factors: dict[str, SuccessFactor]) -> dict[str, Practice]:
    names = {spec.owner for spec in PRACTICES} | {name for spec in PRACTICES for name, _r, _c in spec.partners}
    organisations = _organisations(names)
    regions = {r.code: r for r in Region.objects.all()}
    themes = {t.code: t for t in Theme.objects.all()}
    existing = set(Practice.objects.values_list("title", flat=True))
    for index, spec in enumerate(PRACTICES):
        if spec.title in existing or spec.owner not in organisations:
            continue
        published = date(2025, 1 + index % 12, 1 + index)
        practice = Practice.objects.create(
            title=spec.title,
            slug=slugify(spec.title)[:200],
            summary=spec.summary,
            region=regions[spec.region],
            owner=organisations[spec.owner],
            target_group=spec.target_group,
            approach_recruitment=richtext.sanitise(
                "Werving via de partners in de regio, met voorlichtingsbijeenkomsten en meeloopdagen."
            ),
            approach_training_format=richtext.sanitise(spec.training_format),
            approach_coaching=richtext.sanitise(
                "Een vaste praktijkbegeleider op de werkplek en een coach van de gemeente of school."
            ),
            approach_funding=richtext.sanitise(
                "Loon van de werkgever, opleidingskosten uit regionale middelen en een bijdrage van het "
                "opleidingsfonds."
            ),
            approach_embedding=richtext.sanitise(
                "De partners hebben afspraken voor meerdere jaren gemaakt en evalueren elk halfjaar."
            ),
            lessons=richtext.sanitise(
                f"<p>Begin klein, met één ploeg, en breid uit als de begeleiding staat.</p><p>{DISCLAIMER}</p>"
            ),
            contact_name="Contactpersoon (fictief)",
            contact_email=f"praktijk{index + 1}@demo.wattwijs.example",
            status=PublicationStatus.PUBLISHED,
            published_at=_aware(published),
            is_fictitious=True,
        )
        practice.themes.set([themes[code] for code in spec.themes if code in themes])
        practice.success_factors.set([factors[code] for code in spec.factors])
        PracticePartner.objects.bulk_create(
            PracticePartner(
                practice=practice,
                organisation=organisations.get(name),
                name="" if name in organisations else name,
                role=role,
                contribution=contribution,
                position=position,
            )
            for position, (name, role, contribution) in enumerate(spec.partners)
        )
        PracticeResult.objects.bulk_create(_results(practice, spec.placed))
        if spec.title == FLAGSHIP:
            practice.training_offers.set(TrainingOffer.objects.filter(title=TRAINING_OFFER))
            practice.resources.set(
                Resource.objects.filter(is_fictitious=True, current__themes__code="isolatie-renovatie").order_by("pk")[
                    :3
                ]
            )
    return {p.title: p for p in Practice.objects.filter(is_fictitious=True)}


def _load_projects(practices: dict[str, Practice]) -> None:
    organisations = _organisations({name for row in PROJECTS for name in (row[2], *row[5], *row[6])})
    regions = {r.code: r for r in Region.objects.all()}
    themes = {t.code: t for t in Theme.objects.all()}
    existing = set(InnovationProject.objects.values_list("title", flat=True))
    for index, row in enumerate(PROJECTS):
        title, region, owner, theme_codes, question, schools, companies, students, start, end, grew_into = row
        if title in existing or owner not in organisations:
            continue
        project = InnovationProject.objects.create(
            title=title,
            slug=slugify(title)[:200],
            owner=organisations[owner],
            region=regions[region],
            learning_question=question,
            setup=richtext.sanitise(
                "<p>Studenten werken in kleine teams aan het project, begeleid door een docent en een vakman van "
                "het bedrijf. Elke week een korte terugblik.</p>"
            ),
            student_count=students,
            period_start=start,
            period_end=end,
            measurements=richtext.sanitise(
                "Voor en na het project een praktijktoets; daarnaast korte vragenlijsten bij studenten en begeleiders."
            ),
            findings=richtext.sanitise(
                f"Studenten en begeleiders waren positief over het werken aan een echt project. {DISCLAIMER}"
            ),
            lessons=richtext.sanitise(
                "<ul><li>Spreek vooraf af wie de veiligheid bewaakt.</li>"
                "<li>Plan het project mee met het rooster van school.</li></ul>"
            ),
            next_steps=richtext.sanitise("Uitbreiden naar een tweede groep en andere scholen in de regio."),
            grew_into=practices.get(grew_into) if grew_into else None,
            contact_name="Contactpersoon (fictief)",
            contact_email=f"project{index + 1}@demo.wattwijs.example",
            status=PublicationStatus.PUBLISHED,
            published_at=_aware(start),
            is_fictitious=True,
        )
        project.themes.set([themes[code] for code in theme_codes if code in themes])
        project.schools.set([organisations[name] for name in schools if name in organisations])
        project.companies.set([organisations[name] for name in companies if name in organisations])


@transaction.atomic
def load(*, scale: int = 1) -> None:
    """The demo toolkit, practices and projects; ``scale`` does not change them."""
    factors = _load_factors()
    practices = _load_practices(factors)
    _load_projects(practices)
    demo_sessions.load()
    demo_assessments.load()
