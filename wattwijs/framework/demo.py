"""Fictitious demo data for the qualification framework (kwalificatiekader).

Everything created here is a demonstration, not an official qualification structure:

- the dossiers and qualifications carry names that resemble mbo qualifications, but no crebo codes;
- every work-process text is an example (``is_example=True``), not the official text;
- the framework units, certificates, competences and electives are examples of how the framework can be filled.

``load`` builds an adopted version 2026, a draft version 2027 that differs from it in a few units (so a version
comparison has something to show) and, with ``scale > 1``, a generated version for benchmarks. Running it again
adds nothing.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any, TypeVar

from django.db import models, transaction
from django.utils import timezone

from wattwijs.core.models import Theme
from wattwijs.framework.models import (
    Certificate,
    Competence,
    CoreTask,
    Dossier,
    Elective,
    FrameworkUnit,
    FrameworkVersion,
    Qualification,
    WorkProcess,
)

BATCH_SIZE = 1000

# ---------------------------------------------------------------------------------------------------------------
# Data. A work process is referred to as "<qualification key>:<work process code>", e.g. "EMIT3:B1-K2-W1".
# ---------------------------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class VersionData:
    slug: str
    name: str
    status: str
    description: str
    valid_from: date


@dataclass(frozen=True)
class DossierData:
    name: str
    sector: str


@dataclass(frozen=True)
class CoreTaskData:
    code: str  # B… is the basisdeel, P… the profieldeel
    name: str
    work_processes: tuple[tuple[str, str], ...]  # (name, example description); codes are <code>-W1, -W2, …

    @property
    def part(self) -> str:
        return CoreTask.Part.PROFIEL if self.code.startswith("P") else CoreTask.Part.BASIS


@dataclass(frozen=True)
class QualificationData:
    key: str
    dossier: str
    name: str
    level: int
    themes: tuple[str, ...]
    core_tasks: tuple[CoreTaskData, ...]


@dataclass(frozen=True)
class ElectiveData:
    name: str
    hours: int
    level: int
    themes: tuple[str, ...]


@dataclass(frozen=True)
class CertificateData:
    name: str
    kind: str
    hours: int
    work_processes: tuple[str, ...]


@dataclass(frozen=True)
class CompetenceData:
    name: str
    description: str
    themes: tuple[str, ...]
    work_processes: tuple[str, ...]


@dataclass(frozen=True)
class UnitData:
    code: str
    name: str
    description: str
    hours: int
    level: int
    themes: tuple[str, ...]
    work_processes: tuple[str, ...]


VERSION_2026 = VersionData(
    slug="kwalificatiekader-2026",
    name="Kwalificatiekader energietransitie 2026",
    status=FrameworkVersion.Status.ADOPTED,
    description=(
        "Fictieve demoversie van het kwalificatiekader voor de energietransitie. De dossiers en kwalificaties "
        "lijken op bestaande mbo-kwalificaties, maar dragen geen crebocodes; de teksten van de werkprocessen zijn "
        "voorbeeldteksten en geen officiële teksten. Alleen bedoeld om het platform te laten zien."
    ),
    valid_from=date(2026, 8, 1),
)
VERSION_2027 = VersionData(
    slug="kwalificatiekader-2027-concept",
    name="Kwalificatiekader energietransitie 2027 (concept)",
    status=FrameworkVersion.Status.DRAFT,
    description=(
        "Fictief concept voor 2027, gebaseerd op het kader 2026: twee eenheden erbij (thuisbatterij en "
        "netbewust installeren), de eenheid energiecoaching opgegaan in de wijkaanpak en enkele eenheden "
        "aangepast. Alleen bedoeld als demonstratie."
    ),
    valid_from=date(2027, 8, 1),
)

INSTALLATIE = "Installatietechniek"
ELEKTRO = "Elektrotechniek"
INFRA = "Infratechniek (gas, water, warmte en elektra)"
BOUW = "Bouw en afbouw"
SERVICE = "Service en onderhoud installaties"
ADVIES = "Energieadvies en duurzaam wonen"

DOSSIERS = [
    DossierData(INSTALLATIE, "Installatie en energie"),
    DossierData(ELEKTRO, "Installatie en energie"),
    DossierData(INFRA, "Netbeheer en infra"),
    DossierData(BOUW, "Bouw"),
    DossierData(SERVICE, "Installatie en energie"),
    DossierData(ADVIES, "Energiediensten"),
]

T = CoreTaskData
QUALIFICATIONS = [
    QualificationData(
        "MIT2",
        INSTALLATIE,
        "Monteur installatietechniek",
        2,
        ("warmtepompen",),
        (
            T(
                "B1-K1",
                "Bereidt installatiewerkzaamheden voor",
                (
                    (
                        "Bereidt de werkzaamheden voor",
                        "Voorbeeld: leest de werkopdracht en de installatietekening, verzamelt materiaal en "
                        "gereedschap en overlegt de volgorde met de eerste monteur.",
                    ),
                    (
                        "Richt de werkplek veilig in",
                        "Voorbeeld: schermt de werkplek af, gebruikt de juiste persoonlijke beschermingsmiddelen "
                        "en ruimt na afloop op.",
                    ),
                ),
            ),
            T(
                "B1-K2",
                "Installeert werktuigkundige installaties",
                (
                    (
                        "Legt leidingwerk aan voor verwarming en tapwater",
                        "Voorbeeld: zaagt, buigt en perst koperen en kunststof leidingen volgens tekening en test "
                        "ze op dichtheid.",
                    ),
                    (
                        "Monteert toestellen en componenten",
                        "Voorbeeld: plaatst radiatoren, een vloerverwarmingsverdeler en de binnenunit van een "
                        "warmtepomp.",
                    ),
                    (
                        "Levert het werk op",
                        "Voorbeeld: controleert het werk met een checklist, ruimt op en meldt het werk gereed bij "
                        "de eerste monteur.",
                    ),
                ),
            ),
            T(
                "P1-K1",
                "Assisteert bij het installeren van duurzame warmte-installaties",
                (
                    (
                        "Installeert en monteert een warmtepomp",
                        "Voorbeeld: plaatst samen met de eerste monteur de buitenunit van een lucht-"
                        "waterwarmtepomp en sluit het leidingwerk aan.",
                    ),
                    (
                        "Vult en ontlucht de installatie",
                        "Voorbeeld: vult de installatie, ontlucht radiatoren en controleert de waterdruk.",
                    ),
                ),
            ),
        ),
    ),
    QualificationData(
        "EMIT3",
        INSTALLATIE,
        "Eerste monteur installatietechniek",
        3,
        ("warmtepompen", "warmtenetten"),
        (
            T(
                "B1-K1",
                "Bereidt de installatie voor en coördineert het werk",
                (
                    (
                        "Bereidt de werkzaamheden voor",
                        "Voorbeeld: controleert tekeningen en berekeningen, maakt een materiaallijst en stemt de "
                        "planning af met andere vakmensen op de bouw.",
                    ),
                    (
                        "Geeft aanwijzingen aan de monteur",
                        "Voorbeeld: verdeelt de taken, legt uit hoe een onderdeel gemonteerd wordt en controleert "
                        "het resultaat.",
                    ),
                ),
            ),
            T(
                "B1-K2",
                "Installeert duurzame warmte-installaties en neemt ze in bedrijf",
                (
                    (
                        "Installeert en monteert een warmtepomp",
                        "Voorbeeld: plaatst een hybride of volledig elektrische warmtepomp en sluit het leidingwerk "
                        "en de elektrische voeding aan.",
                    ),
                    (
                        "Regelt de installatie in",
                        "Voorbeeld: stelt de stooklijn, de watertemperaturen en de debieten in en regelt de "
                        "installatie waterzijdig in.",
                    ),
                    (
                        "Neemt de installatie in bedrijf",
                        "Voorbeeld: doorloopt het inbedrijfstellingsprotocol, meet en registreert de waarden en "
                        "legt ze vast in het opleverdossier.",
                    ),
                    (
                        "Geeft uitleg aan de klant",
                        "Voorbeeld: legt de bewoner uit hoe de warmtepomp werkt, hoe de thermostaat wordt "
                        "ingesteld en wat te doen bij een storing.",
                    ),
                ),
            ),
            T(
                "P1-K1",
                "Sluit woningen aan op een collectieve warmtevoorziening",
                (
                    (
                        "Sluit een afleverset aan op het warmtenet",
                        "Voorbeeld: monteert de afleverset in de woning, sluit de leidingen aan en test op lekkage.",
                    ),
                    (
                        "Past de binneninstallatie aan voor lage temperatuur",
                        "Voorbeeld: vervangt radiatoren door lagetemperatuurradiatoren en past de regeling aan.",
                    ),
                ),
            ),
        ),
    ),
    QualificationData(
        "TIT4",
        INSTALLATIE,
        "Technicus installatietechniek",
        4,
        ("warmtepompen", "slimme-installaties", "energieneutraal-bouwen"),
        (
            T(
                "B1-K1",
                "Ontwerpt en berekent installaties",
                (
                    (
                        "Inventariseert de wensen en de bestaande situatie",
                        "Voorbeeld: bezoekt het gebouw, neemt de bestaande installatie op en bespreekt de wensen "
                        "voor comfort en duurzaamheid met de opdrachtgever.",
                    ),
                    (
                        "Maakt een warmteverliesberekening en een installatieontwerp",
                        "Voorbeeld: berekent het warmteverlies per ruimte en kiest een passende warmtepomp, "
                        "afgifte en ventilatie.",
                    ),
                    (
                        "Stelt een begroting en een planning op",
                        "Voorbeeld: maakt een materiaalstaat, schat de uren en zet de uitvoering in een planning.",
                    ),
                ),
            ),
            T(
                "B1-K2",
                "Organiseert en bewaakt de uitvoering",
                (
                    (
                        "Plant de uitvoering en zet de mensen in",
                        "Voorbeeld: deelt monteurs in, bestelt materiaal en stemt af met de aannemer.",
                    ),
                    (
                        "Bewaakt kwaliteit, veiligheid en voortgang",
                        "Voorbeeld: controleert het werk op de bouw, houdt de voortgang bij en grijpt in bij "
                        "onveilige situaties.",
                    ),
                    (
                        "Draagt de installatie over aan de opdrachtgever",
                        "Voorbeeld: stelt het opleverdossier samen en licht de installatie en het onderhoud toe.",
                    ),
                ),
            ),
            T(
                "P1-K1",
                "Optimaliseert installaties met energiemanagement",
                (
                    (
                        "Analyseert energiedata van een installatie",
                        "Voorbeeld: leest meetdata uit het gebouwbeheersysteem en ziet waar de installatie onnodig "
                        "energie gebruikt.",
                    ),
                    (
                        "Stelt regelingen en gebouwbeheersystemen in",
                        "Voorbeeld: past schakeltijden, setpoints en regelstrategieën aan en controleert het effect.",
                    ),
                ),
            ),
        ),
    ),
    QualificationData(
        "MEI2",
        ELEKTRO,
        "Monteur elektrotechnische installaties",
        2,
        ("zon-pv", "laadinfrastructuur"),
        (
            T(
                "B1-K1",
                "Bereidt elektrotechnische werkzaamheden voor",
                (
                    (
                        "Bereidt de werkzaamheden voor",
                        "Voorbeeld: leest het installatieschema, verzamelt kabels en schakelmateriaal en overlegt "
                        "met de eerste monteur.",
                    ),
                    (
                        "Werkt veilig volgens NEN 3140",
                        "Voorbeeld: schakelt spanningsloos, controleert of de installatie spanningsloos is en "
                        "beveiligt tegen herinschakelen, onder leiding van een vakbekwaam persoon.",
                    ),
                ),
            ),
            T(
                "B1-K2",
                "Legt elektrotechnische installaties aan",
                (
                    (
                        "Legt leidingen en kabels aan",
                        "Voorbeeld: freest sleuven, legt buizen en trekt draden en kabels volgens tekening.",
                    ),
                    (
                        "Monteert schakelmateriaal en de groepenkast",
                        "Voorbeeld: monteert wandcontactdozen en schakelaars en breidt een groepenkast uit met een "
                        "extra groep.",
                    ),
                    (
                        "Test de installatie en levert op",
                        "Voorbeeld: meet onder begeleiding de isolatieweerstand en de aardverbindingen en vult het "
                        "meetrapport in.",
                    ),
                ),
            ),
            T(
                "P1-K1",
                "Installeert zonnestroom- en laadsystemen",
                (
                    (
                        "Monteert zonnepanelen op het dak",
                        "Voorbeeld: plaatst het montagesysteem en de panelen op een hellend of plat dak en werkt "
                        "daarbij veilig op hoogte.",
                    ),
                    (
                        "Sluit een laadpaal aan",
                        "Voorbeeld: monteert een laadpaal aan de gevel en legt de voedingskabel aan vanaf de "
                        "meterkast.",
                    ),
                ),
            ),
        ),
    ),
    QualificationData(
        "EMEI3",
        ELEKTRO,
        "Eerste monteur elektrotechnische installaties",
        3,
        ("zon-pv", "laadinfrastructuur", "energieopslag"),
        (
            T(
                "B1-K1",
                "Bereidt het werk voor en coördineert het",
                (
                    (
                        "Bereidt de werkzaamheden voor",
                        "Voorbeeld: controleert het ontwerp en de aansluitwaarde, maakt een materiaallijst en "
                        "plant het werk.",
                    ),
                    (
                        "Coördineert het werk van de monteurs",
                        "Voorbeeld: verdeelt het werk, instrueert de monteurs en controleert tussentijds.",
                    ),
                ),
            ),
            T(
                "B1-K2",
                "Installeert elektrotechnische installaties en neemt ze in bedrijf",
                (
                    (
                        "Installeert zonnepanelen en een omvormer",
                        "Voorbeeld: legt de strings aan, plaatst de omvormer en sluit de gelijkstroom- en "
                        "wisselstroomzijde aan.",
                    ),
                    (
                        "Installeert en configureert een laadpaal",
                        "Voorbeeld: sluit de laadpaal aan, stelt het laadvermogen en de load balancing in en "
                        "koppelt de paal aan het beheerplatform.",
                    ),
                    (
                        "Neemt de installatie in bedrijf",
                        "Voorbeeld: voert de eerste inspectie en de metingen uit en meldt de installatie aan bij de "
                        "netbeheerder.",
                    ),
                ),
            ),
            T(
                "P1-K1",
                "Koppelt opwek, opslag en verbruik",
                (
                    (
                        "Installeert een thuisbatterij",
                        "Voorbeeld: plaatst een thuisbatterij, sluit hem aan op de omvormer en test de werking.",
                    ),
                    (
                        "Stelt een energiemanagementsysteem in",
                        "Voorbeeld: laat zonnepanelen, batterij, laadpaal en warmtepomp op elkaar afstemmen via "
                        "een energiemanagementsysteem.",
                    ),
                    (
                        "Voert onderhoud en storingsdiagnose uit",
                        "Voorbeeld: zoekt met meetinstrumenten systematisch de oorzaak van een aardlekstoring en "
                        "herstelt die.",
                    ),
                ),
            ),
        ),
    ),
    QualificationData(
        "TEI4",
        ELEKTRO,
        "Technicus elektrotechniek",
        4,
        ("slimme-installaties", "zon-pv"),
        (
            T(
                "B1-K1",
                "Ontwerpt elektrotechnische installaties",
                (
                    (
                        "Stelt het programma van eisen op",
                        "Voorbeeld: bespreekt met de opdrachtgever het gebruik, de gewenste opwek en de laadpunten "
                        "en legt de eisen vast.",
                    ),
                    (
                        "Ontwerpt en berekent de installatie",
                        "Voorbeeld: berekent kabeldiameters, beveiligingen en de benodigde aansluitwaarde en houdt "
                        "rekening met netcongestie.",
                    ),
                ),
            ),
            T(
                "B1-K2",
                "Bereidt de uitvoering voor en begeleidt die",
                (
                    (
                        "Maakt een werkvoorbereiding en een planning",
                        "Voorbeeld: maakt werktekeningen en een materiaalstaat en plant de inzet van monteurs.",
                    ),
                    (
                        "Begeleidt en controleert de uitvoering",
                        "Voorbeeld: bezoekt het project, beantwoordt vragen van monteurs en controleert de kwaliteit.",
                    ),
                    (
                        "Draagt de installatie over",
                        "Voorbeeld: levert revisietekeningen en meetrapporten op en licht ze toe aan de beheerder.",
                    ),
                ),
            ),
            T(
                "P1-K1",
                "Realiseert slimme installaties en domotica",
                (
                    (
                        "Programmeert een domotica- of gebouwautomatiseringssysteem",
                        "Voorbeeld: programmeert verlichting, zonwering en klimaat in een domoticasysteem.",
                    ),
                    (
                        "Test en optimaliseert de slimme installatie",
                        "Voorbeeld: test de scenario's met de gebruiker en past de instellingen aan.",
                    ),
                ),
            ),
        ),
    ),
    QualificationData(
        "MGWW2",
        INFRA,
        "Monteur gas, water en warmte",
        2,
        ("warmtenetten",),
        (
            T(
                "B1-K1",
                "Bereidt werkzaamheden aan distributienetten voor",
                (
                    (
                        "Bereidt de werkzaamheden voor",
                        "Voorbeeld: bekijkt de werktekening en de ligging van kabels en leidingen en verzamelt het "
                        "materiaal.",
                    ),
                    (
                        "Richt de werkplek in de openbare ruimte in",
                        "Voorbeeld: plaatst afzettingen en borden en zorgt dat voetgangers en verkeer veilig langs "
                        "het werk kunnen.",
                    ),
                ),
            ),
            T(
                "B1-K2",
                "Legt leidingen en aansluitingen aan",
                (
                    (
                        "Legt distributieleidingen aan",
                        "Voorbeeld: legt kunststof leidingen in de sleuf en verbindt ze volgens de werkinstructie.",
                    ),
                    (
                        "Maakt huisaansluitingen",
                        "Voorbeeld: maakt de aansluiting van de hoofdleiding tot aan de meteropstelling.",
                    ),
                    (
                        "Test de aansluiting en rondt het werk af",
                        "Voorbeeld: voert onder begeleiding een dichtheidsbeproeving uit en herstelt de bestrating.",
                    ),
                ),
            ),
            T(
                "P1-K1",
                "Werkt aan warmtenetten",
                (
                    (
                        "Legt voorgeïsoleerde warmteleidingen aan",
                        "Voorbeeld: legt voorgeïsoleerde leidingen in de sleuf en werkt de lasnaden af met moffen.",
                    ),
                    (
                        "Sluit een woning aan op het warmtenet",
                        "Voorbeeld: legt de huisaansluiting aan van de straat tot aan de plek van de afleverset.",
                    ),
                ),
            ),
        ),
    ),
    QualificationData(
        "EMGWW3",
        INFRA,
        "Eerste monteur gas, water en warmte",
        3,
        ("warmtenetten", "waterstof-groengas"),
        (
            T(
                "B1-K1",
                "Bereidt het werk voor en coördineert het",
                (
                    (
                        "Bereidt de werkzaamheden voor",
                        "Voorbeeld: controleert tekeningen en vergunningen en maakt een werkplan met de ploeg.",
                    ),
                    (
                        "Coördineert het werk op locatie",
                        "Voorbeeld: verdeelt het werk in de ploeg, stemt af met de aannemer en informeert bewoners.",
                    ),
                ),
            ),
            T(
                "B1-K2",
                "Legt netten aan en onderhoudt ze",
                (
                    (
                        "Verbindt en last leidingen",
                        "Voorbeeld: last kunststof en stalen leidingen en controleert de lasnaden.",
                    ),
                    (
                        "Neemt nieuwe leidingdelen in bedrijf",
                        "Voorbeeld: beproeft, spoelt en vult het nieuwe leidingdeel en zet het in bedrijf.",
                    ),
                    (
                        "Voert onderhoud en storingsdiagnose uit",
                        "Voorbeeld: spoort een lekkage op, beoordeelt de oorzaak en herstelt de leiding.",
                    ),
                ),
            ),
            T(
                "P1-K1",
                "Werkt aan warmtenetten en nieuwe gassen",
                (
                    (
                        "Sluit warmtenet-afleversets aan en stelt ze in",
                        "Voorbeeld: sluit de afleverset aan, stelt de temperaturen in en neemt hem in bedrijf.",
                    ),
                    (
                        "Bereidt leidingen voor op waterstof of groen gas",
                        "Voorbeeld: controleert materialen en verbindingen op geschiktheid voor waterstof en werkt "
                        "mee aan een proefproject.",
                    ),
                ),
            ),
        ),
    ),
    QualificationData(
        "EMED3",
        INFRA,
        "Eerste monteur elektrotechnische distributie",
        3,
        ("netbeheer", "laadinfrastructuur"),
        (
            T(
                "B1-K1",
                "Bereidt werkzaamheden aan het elektriciteitsnet voor",
                (
                    (
                        "Bereidt de werkzaamheden voor",
                        "Voorbeeld: bestudeert het netschema en de werkopdracht en verzamelt kabels en moffen.",
                    ),
                    (
                        "Werkt veilig volgens de bedrijfsvoeringsregels",
                        "Voorbeeld: volgt de schakelbrief, werkt volgens de aanwijzing van de installatie-"
                        "verantwoordelijke en gebruikt isolerende beschermingsmiddelen.",
                    ),
                ),
            ),
            T(
                "B1-K2",
                "Legt kabels en aansluitingen aan",
                (
                    (
                        "Legt laagspanningskabels aan en maakt moffen",
                        "Voorbeeld: legt een laagspanningskabel in de sleuf en maakt een verbindingsmof.",
                    ),
                    (
                        "Maakt een netaansluiting",
                        "Voorbeeld: maakt de aansluiting van de kabel in de straat tot aan de hoofdaansluitkast.",
                    ),
                    (
                        "Neemt de aansluiting in bedrijf",
                        "Voorbeeld: meet de aansluiting door, schakelt in en registreert de gegevens.",
                    ),
                ),
            ),
            T(
                "P1-K1",
                "Werkt aan netuitbreiding",
                (
                    (
                        "Bouwt en vervangt installaties in een netstation",
                        "Voorbeeld: vervangt samen met collega's een verdeelrek in een netstation.",
                    ),
                    (
                        "Sluit snellaadstations aan op het net",
                        "Voorbeeld: legt de aansluiting aan voor een laadplein en neemt die in bedrijf.",
                    ),
                ),
            ),
        ),
    ),
    QualificationData(
        "TIFT4",
        INFRA,
        "Technicus infratechniek",
        4,
        ("netbeheer", "warmtenetten"),
        (
            T(
                "B1-K1",
                "Bereidt infraprojecten voor",
                (
                    (
                        "Maakt een werkvoorbereiding voor netuitbreiding",
                        "Voorbeeld: werkt het tracé uit, maakt een materiaalstaat en plant de ploegen.",
                    ),
                    (
                        "Stemt af met de gemeente en de omgeving",
                        "Voorbeeld: vraagt de benodigde vergunningen aan en informeert bewoners en bedrijven.",
                    ),
                ),
            ),
            T(
                "B1-K2",
                "Begeleidt en bewaakt de uitvoering",
                (
                    (
                        "Stuurt ploegen aan op locatie",
                        "Voorbeeld: bespreekt het werk met de ploegen, lost knelpunten op en bewaakt de planning.",
                    ),
                    (
                        "Bewaakt kwaliteit, veiligheid en voortgang",
                        "Voorbeeld: voert werkplekinspecties uit en legt de voortgang vast.",
                    ),
                    (
                        "Verwerkt de revisie van het net",
                        "Voorbeeld: zorgt dat de ligging van nieuwe kabels en leidingen juist wordt vastgelegd.",
                    ),
                ),
            ),
            T(
                "P1-K1",
                "Analyseert en verbetert het net",
                (
                    (
                        "Analyseert netbelasting en congestie",
                        "Voorbeeld: bekijkt de belasting van een wijknet en signaleert waar het net vol raakt.",
                    ),
                    (
                        "Adviseert over aansluitingen van opwek en laadpleinen",
                        "Voorbeeld: beoordeelt een aanvraag voor een laadplein en stelt een aansluitvariant voor.",
                    ),
                ),
            ),
        ),
    ),
    QualificationData(
        "TIM2",
        BOUW,
        "Timmerman",
        2,
        ("isolatie-renovatie",),
        (
            T(
                "B1-K1",
                "Bereidt timmerwerk voor",
                (
                    (
                        "Bereidt de werkzaamheden voor",
                        "Voorbeeld: leest de bouwtekening, zet maten uit en verzamelt materiaal en gereedschap.",
                    ),
                    (
                        "Richt de werkplek veilig in",
                        "Voorbeeld: controleert steigers en ladders, gebruikt beschermingsmiddelen en houdt de "
                        "werkplek opgeruimd.",
                    ),
                ),
            ),
            T(
                "B1-K2",
                "Voert timmerwerk uit",
                (
                    (
                        "Plaatst kozijnen, ramen en deuren",
                        "Voorbeeld: plaatst een kozijn waterpas en haaks en werkt de aansluitingen af.",
                    ),
                    (
                        "Brengt isolatie aan in dak, vloer en gevel",
                        "Voorbeeld: brengt isolatieplaten aan zonder naden en koudebruggen.",
                    ),
                    (
                        "Rondt het werk af en ruimt op",
                        "Voorbeeld: controleert het werk, scheidt het afval en meldt het werk gereed.",
                    ),
                ),
            ),
            T(
                "P1-K1",
                "Werkt mee aan renovatie van bestaande woningen",
                (
                    (
                        "Sloopt en demonteert selectief",
                        "Voorbeeld: demonteert oude kozijnen en dakbeschot zo dat materialen hergebruikt kunnen "
                        "worden.",
                    ),
                    (
                        "Brengt kierdichting en luchtdichte aansluitingen aan",
                        "Voorbeeld: dicht naden en kieren af met tape en kit volgens de verwerkingsvoorschriften.",
                    ),
                ),
            ),
        ),
    ),
    QualificationData(
        "ATIM3",
        BOUW,
        "Allround timmerman",
        3,
        ("isolatie-renovatie", "energieneutraal-bouwen"),
        (
            T(
                "B1-K1",
                "Bereidt het werk voor en coördineert het",
                (
                    (
                        "Bereidt de werkzaamheden voor",
                        "Voorbeeld: werkt details uit, maakt een materiaallijst en plant het werk van de ploeg.",
                    ),
                    (
                        "Stemt af met andere vakmensen op de bouw",
                        "Voorbeeld: overlegt met de installateur over sparingen voor leidingen en ventilatiekanalen.",
                    ),
                ),
            ),
            T(
                "B1-K2",
                "Voert complex timmerwerk uit",
                (
                    (
                        "Maakt en plaatst prefab-elementen",
                        "Voorbeeld: plaatst geprefabriceerde dak- en gevelelementen met de kraan en sluit ze aan.",
                    ),
                    (
                        "Voert na-isolatie van spouw, dak en vloer uit",
                        "Voorbeeld: isoleert een bestaand dak aan de binnenzijde en werkt de dampremmende laag af.",
                    ),
                    (
                        "Controleert luchtdichtheid en kwaliteit",
                        "Voorbeeld: zoekt met een blowerdoortest lekken op en dicht ze af.",
                    ),
                ),
            ),
            T(
                "P1-K1",
                "Realiseert energieneutrale woningen",
                (
                    (
                        "Bouwt een goed geïsoleerde en luchtdichte schil",
                        "Voorbeeld: bouwt houtskeletbouwwanden met hoge isolatiewaarde en luchtdichte aansluitingen.",
                    ),
                    (
                        "Werkt doorvoeren van installaties luchtdicht af",
                        "Voorbeeld: werkt doorvoeren van leidingen en kanalen luchtdicht af in overleg met de "
                        "installateur.",
                    ),
                ),
            ),
        ),
    ),
    QualificationData(
        "MKFB4",
        BOUW,
        "Middenkaderfunctionaris bouw",
        4,
        ("energieneutraal-bouwen", "isolatie-renovatie"),
        (
            T(
                "B1-K1",
                "Bereidt bouwprojecten voor",
                (
                    (
                        "Maakt een calculatie en een planning",
                        "Voorbeeld: berekent hoeveelheden en kosten en maakt een bouwplanning.",
                    ),
                    (
                        "Werkt het bouwkundig ontwerp uit",
                        "Voorbeeld: werkt details uit en controleert de isolatiewaarden en de energieprestatie.",
                    ),
                ),
            ),
            T(
                "B1-K2",
                "Begeleidt de uitvoering",
                (
                    (
                        "Geeft leiding aan de uitvoering",
                        "Voorbeeld: stuurt vakmensen en onderaannemers aan en houdt de bouwvergadering.",
                    ),
                    (
                        "Bewaakt kwaliteit en veiligheid",
                        "Voorbeeld: voert kwaliteitscontroles uit en ziet toe op veilig werken op de bouwplaats.",
                    ),
                    (
                        "Draagt het gebouw over",
                        "Voorbeeld: organiseert de oplevering en verwerkt de opleverpunten.",
                    ),
                ),
            ),
            T(
                "P1-K1",
                "Begeleidt renovatie in bewoonde woningen",
                (
                    (
                        "Organiseert de renovatie met de bewoners",
                        "Voorbeeld: maakt met de woningcorporatie en de bewoners afspraken over planning en overlast.",
                    ),
                    (
                        "Stelt een verduurzamingsplan voor een woningblok op",
                        "Voorbeeld: zet maatregelen voor isolatie en installaties op een rij met kosten en planning.",
                    ),
                ),
            ),
        ),
    ),
    QualificationData(
        "EMSO3",
        SERVICE,
        "Eerste monteur service en onderhoud installaties",
        3,
        ("warmtepompen", "slimme-installaties"),
        (
            T(
                "B1-K1",
                "Bereidt service en onderhoud voor",
                (
                    (
                        "Bereidt het servicebezoek voor",
                        "Voorbeeld: leest de storingsmelding en de geschiedenis van de installatie en neemt de "
                        "juiste onderdelen mee.",
                    ),
                    (
                        "Stemt het bezoek af met de klant",
                        "Voorbeeld: belt de klant, maakt een afspraak en vraagt door over de klacht.",
                    ),
                ),
            ),
            T(
                "B1-K2",
                "Voert onderhoud uit en verhelpt storingen",
                (
                    (
                        "Voert periodiek onderhoud uit aan warmte-installaties",
                        "Voorbeeld: reinigt filters, controleert drukken en instellingen en vult het "
                        "onderhoudsrapport in.",
                    ),
                    (
                        "Voert onderhoud en storingsdiagnose uit aan warmtepompen",
                        "Voorbeeld: leest storingscodes uit, meet drukken en temperaturen en zoekt systematisch "
                        "naar de oorzaak.",
                    ),
                    (
                        "Verhelpt de storing en test de werking",
                        "Voorbeeld: vervangt het defecte onderdeel en controleert of de installatie weer goed werkt.",
                    ),
                    (
                        "Rapporteert en adviseert de klant",
                        "Voorbeeld: legt uit wat er is gedaan en adviseert over instellingen en vervanging.",
                    ),
                ),
            ),
            T(
                "P1-K1",
                "Onderhoudt koudemiddelsystemen",
                (
                    (
                        "Werkt aan het koudemiddelcircuit",
                        "Voorbeeld: controleert het circuit op lekkage en vult koudemiddel bij volgens de regels "
                        "voor gecertificeerde monteurs.",
                    ),
                    (
                        "Registreert koudemiddel en lekdichtheidscontroles",
                        "Voorbeeld: legt de hoeveelheid koudemiddel en de uitkomst van de controle vast in het "
                        "logboek.",
                    ),
                ),
            ),
        ),
    ),
    QualificationData(
        "TSO4",
        SERVICE,
        "Technicus service en onderhoud installaties",
        4,
        ("slimme-installaties", "warmtepompen"),
        (
            T(
                "B1-K1",
                "Organiseert service en onderhoud",
                (
                    (
                        "Stelt een onderhoudsplan op",
                        "Voorbeeld: bepaalt per installatie de onderhoudsfrequentie en de benodigde controles.",
                    ),
                    (
                        "Plant en verdeelt het servicewerk",
                        "Voorbeeld: plant storingen en onderhoud in en verdeelt ze over de monteurs.",
                    ),
                ),
            ),
            T(
                "B1-K2",
                "Lost complexe storingen op",
                (
                    (
                        "Analyseert complexe storingen op afstand en op locatie",
                        "Voorbeeld: bekijkt de data van de installatie op afstand en stelt een diagnose voordat de "
                        "monteur gaat.",
                    ),
                    (
                        "Begeleidt monteurs bij storingen",
                        "Voorbeeld: ondersteunt een monteur telefonisch bij een storing die hij niet kan vinden.",
                    ),
                ),
            ),
            T(
                "P1-K1",
                "Verbetert de prestaties van installaties",
                (
                    (
                        "Monitort installaties op afstand",
                        "Voorbeeld: volgt rendement en storingen van warmtepompen in een woningcomplex en grijpt "
                        "in bij afwijkingen.",
                    ),
                    (
                        "Adviseert over vervanging en verduurzaming",
                        "Voorbeeld: adviseert een woningcorporatie over het vervangen van cv-ketels door warmtepompen.",
                    ),
                ),
            ),
        ),
    ),
    QualificationData(
        "ADGI4",
        ADVIES,
        "Adviseur duurzame gebouwinstallaties",
        4,
        ("energieadvies", "energieneutraal-bouwen"),
        (
            T(
                "B1-K1",
                "Brengt de energiesituatie van een gebouw in kaart",
                (
                    (
                        "Neemt een woning of gebouw op",
                        "Voorbeeld: legt isolatie, installaties en verbruik vast tijdens een bezoek.",
                    ),
                    (
                        "Stelt een energielabel op",
                        "Voorbeeld: verwerkt de opname in de rekensoftware en stelt het energielabel vast.",
                    ),
                ),
            ),
            T(
                "B1-K2",
                "Adviseert over verduurzaming",
                (
                    (
                        "Stelt een maatwerkadvies op",
                        "Voorbeeld: zet maatregelen op volgorde met kosten, besparing en terugverdientijd.",
                    ),
                    (
                        "Presenteert het advies aan de klant",
                        "Voorbeeld: bespreekt het advies met de bewoner en beantwoordt vragen.",
                    ),
                    (
                        "Begeleidt de klant bij subsidie en uitvoering",
                        "Voorbeeld: helpt bij de subsidieaanvraag en bij het vergelijken van offertes.",
                    ),
                ),
            ),
            T(
                "P1-K1",
                "Adviseert over installaties",
                (
                    (
                        "Vergelijkt warmtepomp, warmtenet en hybride oplossingen",
                        "Voorbeeld: vergelijkt voor een woning de kosten en het comfort van drie warmteoplossingen.",
                    ),
                    (
                        "Adviseert over zonnestroom, opslag en laden",
                        "Voorbeeld: berekent het aantal zonnepanelen en adviseert over een thuisbatterij en een "
                        "laadpaal.",
                    ),
                ),
            ),
        ),
    ),
    QualificationData(
        "MEA3",
        ADVIES,
        "Medewerker energieadvies",
        3,
        ("energieadvies", "isolatie-renovatie"),
        (
            T(
                "B1-K1",
                "Bereidt huisbezoeken voor",
                (
                    (
                        "Plant en bereidt het huisbezoek voor",
                        "Voorbeeld: maakt een afspraak met de bewoner en bekijkt vooraf het energielabel van de "
                        "woning.",
                    ),
                ),
            ),
            T(
                "B1-K2",
                "Geeft energieadvies aan huis",
                (
                    (
                        "Neemt de woning op",
                        "Voorbeeld: kijkt met de bewoner naar tocht, isolatie, verwarming en het energieverbruik.",
                    ),
                    (
                        "Geeft besparingstips en brengt kleine maatregelen aan",
                        "Voorbeeld: plaatst radiatorfolie en tochtstrips en legt uit hoe de thermostaat zuinig "
                        "wordt ingesteld.",
                    ),
                    (
                        "Verwijst door naar vervolgstappen",
                        "Voorbeeld: verwijst de bewoner naar het energieloket of een installateur voor grotere "
                        "maatregelen.",
                    ),
                ),
            ),
            T(
                "P1-K1",
                "Ondersteunt collectieve verduurzaming in de wijk",
                (
                    (
                        "Organiseert een bewonersbijeenkomst",
                        "Voorbeeld: organiseert met de gemeente een avond over isoleren voor een straat.",
                    ),
                    (
                        "Registreert de resultaten",
                        "Voorbeeld: houdt bij welke woningen zijn bezocht en welke maatregelen zijn genomen.",
                    ),
                ),
            ),
        ),
    ),
]
del T

ELECTIVES = [
    ElectiveData("Duurzame energietechniek", 240, 3, ("zon-pv", "warmtepompen")),
    ElectiveData("Warmtepompen", 240, 3, ("warmtepompen",)),
    ElectiveData("Hybride warmtepompen in bestaande woningen", 240, 2, ("warmtepompen", "isolatie-renovatie")),
    ElectiveData("Zonnestroomsystemen", 240, 2, ("zon-pv",)),
    ElectiveData("Laadinfrastructuur elektrisch vervoer", 240, 3, ("laadinfrastructuur", "elektrisch-rijden")),
    ElectiveData("Domotica", 240, 3, ("slimme-installaties",)),
    ElectiveData("Gebouwbeheersystemen", 480, 4, ("slimme-installaties",)),
    ElectiveData("Verduurzaming bestaande bouw", 240, 3, ("isolatie-renovatie",)),
    ElectiveData("Isolatietechnieken", 240, 2, ("isolatie-renovatie",)),
    ElectiveData("Energieneutraal bouwen", 240, 4, ("energieneutraal-bouwen",)),
    ElectiveData("Ventilatie en luchtbehandeling", 240, 3, ("energieneutraal-bouwen", "slimme-installaties")),
    ElectiveData("Koudetechniek en koudemiddelen", 480, 3, ("warmtepompen",)),
    ElectiveData("Energieopslag en thuisbatterijen", 240, 3, ("energieopslag", "zon-pv")),
    ElectiveData("Warmtenetten en afleversets", 240, 3, ("warmtenetten",)),
    ElectiveData("Waterstof en groen gas in de gebouwde omgeving", 240, 4, ("waterstof-groengas",)),
    ElectiveData("Netaansluitingen en netcongestie", 240, 4, ("netbeheer",)),
    ElectiveData("Energieadvies aan huis", 240, 3, ("energieadvies",)),
    ElectiveData("Data en monitoring van installaties", 240, 4, ("slimme-installaties", "energieopslag")),
    ElectiveData("Prefab en modulair installeren", 240, 3, ("energieneutraal-bouwen",)),
    ElectiveData("Windenergie op land", 240, 3, ("windenergie",)),
    ElectiveData("Elektrotechniek voor werktuigkundig installateurs", 240, 2, ("warmtepompen", "slimme-installaties")),
    ElectiveData("Ondernemen in de installatietechniek", 480, 4, ("energieadvies",)),
]

BRANCH = Certificate.Kind.BRANCH
MBO = Certificate.Kind.MBO
CERTIFICATES = [
    CertificateData("VCA Basis", BRANCH, 8, ("MIT2:B1-K1-W2", "TIM2:B1-K1-W2", "MGWW2:B1-K1-W2")),
    CertificateData("VCA VOL", BRANCH, 16, ("EMIT3:B1-K1-W2", "EMEI3:B1-K1-W2", "EMGWW3:B1-K1-W2", "ATIM3:B1-K1-W2")),
    CertificateData("F-gassen categorie I", BRANCH, 40, ("EMSO3:P1-K1-W1", "EMSO3:P1-K1-W2", "EMIT3:B1-K2-W3")),
    CertificateData("BEI BLS (laagspanning)", BRANCH, 16, ("EMED3:B1-K1-W2", "EMED3:B1-K2-W1", "EMED3:B1-K2-W3")),
    CertificateData("NEN 3140 vakbekwaam persoon", BRANCH, 24, ("MEI2:B1-K1-W2", "EMEI3:B1-K2-W3", "EMEI3:P1-K1-W3")),
    CertificateData("Werken op hoogte", BRANCH, 8, ("MEI2:P1-K1-W1", "EMEI3:B1-K2-W1", "MIT2:P1-K1-W1")),
    CertificateData("InstallQ zon-PV", BRANCH, 24, ("MEI2:P1-K1-W1", "EMEI3:B1-K2-W1", "EMEI3:B1-K2-W3")),
    CertificateData(
        "InstallQ warmtepompen", BRANCH, 32, ("EMIT3:B1-K2-W1", "EMIT3:B1-K2-W2", "EMIT3:B1-K2-W3", "EMSO3:B1-K2-W2")
    ),
    CertificateData(
        "Mbo-certificaat Monteur warmtepompen",
        MBO,
        320,
        ("MIT2:P1-K1-W1", "MIT2:P1-K1-W2", "EMIT3:B1-K2-W1", "EMIT3:B1-K2-W2", "EMIT3:B1-K2-W3"),
    ),
    CertificateData(
        "Mbo-certificaat Installateur zonnestroom en laadpunten",
        MBO,
        240,
        ("MEI2:P1-K1-W1", "MEI2:P1-K1-W2", "EMEI3:B1-K2-W1", "EMEI3:B1-K2-W2"),
    ),
]

COMPETENCES = [
    CompetenceData(
        "Storingen systematisch opsporen",
        "Zoekt stap voor stap, met metingen en de gegevens van de installatie, naar de oorzaak van een storing.",
        ("warmtepompen", "slimme-installaties"),
        ("EMSO3:B1-K2-W2", "EMSO3:B1-K2-W3", "TSO4:B1-K2-W1", "EMEI3:P1-K1-W3", "EMGWW3:B1-K2-W3"),
    ),
    CompetenceData(
        "Veilig werken aan elektrische installaties (NEN 3140)",
        "Werkt volgens de veiligheidsregels voor elektrische installaties en kent de eigen bevoegdheid.",
        ("zon-pv", "netbeheer"),
        ("MEI2:B1-K1-W2", "EMED3:B1-K1-W2", "EMEI3:B1-K2-W3"),
    ),
    CompetenceData(
        "Koudemiddelen veilig hanteren",
        "Werkt veilig en milieubewust aan koudemiddelcircuits en registreert het koudemiddel.",
        ("warmtepompen",),
        ("EMSO3:P1-K1-W1", "EMSO3:P1-K1-W2", "EMIT3:B1-K2-W3"),
    ),
    CompetenceData(
        "Klantgericht communiceren",
        "Legt technische zaken begrijpelijk uit, luistert naar de klant en maakt duidelijke afspraken.",
        ("energieadvies",),
        ("EMIT3:B1-K2-W4", "EMSO3:B1-K1-W2", "EMSO3:B1-K2-W4", "MEA3:B1-K2-W2", "ADGI4:B1-K2-W2"),
    ),
    CompetenceData(
        "Technische tekeningen lezen",
        "Leest installatie- en bouwtekeningen en schema's en vertaalt ze naar het werk.",
        ("gebouwde-omgeving",),
        ("MIT2:B1-K1-W1", "MEI2:B1-K1-W1", "TIM2:B1-K1-W1", "MGWW2:B1-K1-W1"),
    ),
    CompetenceData(
        "Veilig werken op hoogte",
        "Kiest het juiste klimmaterieel en de juiste valbeveiliging en werkt veilig op daken en steigers.",
        ("zon-pv", "isolatie-renovatie"),
        ("MEI2:P1-K1-W1", "EMEI3:B1-K2-W1", "ATIM3:B1-K2-W2"),
    ),
    CompetenceData(
        "Warmte-installaties hydraulisch inregelen",
        "Stelt debieten en temperaturen zo in dat elke ruimte de juiste warmte krijgt.",
        ("warmtepompen", "warmtenetten"),
        ("EMIT3:B1-K2-W2", "EMIT3:P1-K1-W1", "EMGWW3:P1-K1-W1"),
    ),
    CompetenceData(
        "Elektrische metingen uitvoeren en beoordelen",
        "Voert metingen uit aan installaties en beoordeelt of de uitkomsten aan de eisen voldoen.",
        ("zon-pv", "laadinfrastructuur"),
        ("MEI2:B1-K2-W3", "EMEI3:B1-K2-W3", "EMED3:B1-K2-W3"),
    ),
    CompetenceData(
        "Warmteverlies en energieprestatie berekenen",
        "Berekent het warmteverlies en de energieprestatie van een gebouw en gebruikt die bij keuzes.",
        ("energieneutraal-bouwen", "energieadvies"),
        ("TIT4:B1-K1-W2", "ADGI4:B1-K1-W2", "MKFB4:B1-K1-W2"),
    ),
    CompetenceData(
        "Luchtdicht en koudebrugvrij bouwen",
        "Werkt aansluitingen en naden zo af dat er geen tocht en geen koudebruggen ontstaan.",
        ("isolatie-renovatie", "energieneutraal-bouwen"),
        ("TIM2:B1-K2-W2", "ATIM3:B1-K2-W3", "ATIM3:P1-K1-W2"),
    ),
    CompetenceData(
        "Slimme installaties configureren",
        "Stelt laadpalen, energiemanagementsystemen en domotica in en koppelt ze aan elkaar.",
        ("slimme-installaties", "laadinfrastructuur"),
        ("EMEI3:B1-K2-W2", "EMEI3:P1-K1-W2", "TEI4:P1-K1-W1"),
    ),
    CompetenceData(
        "Energiedata analyseren",
        "Leest meetgegevens van installaties en netten en trekt er conclusies uit voor verbetering.",
        ("slimme-installaties", "energieopslag"),
        ("TIT4:P1-K1-W1", "TSO4:P1-K1-W1", "TIFT4:P1-K1-W1"),
    ),
    CompetenceData(
        "Leidingen verbinden",
        "Verbindt leidingen vakkundig door persen, lassen of solderen en controleert de verbinding.",
        ("warmtenetten",),
        ("MIT2:B1-K2-W1", "MGWW2:B1-K2-W1", "EMGWW3:B1-K2-W1"),
    ),
    CompetenceData(
        "Samenwerken met andere disciplines",
        "Stemt het eigen werk af met bouwers, installateurs en opdrachtgevers op het project.",
        ("energieneutraal-bouwen",),
        ("EMIT3:B1-K1-W1", "ATIM3:B1-K1-W2", "ATIM3:P1-K1-W2", "MKFB4:B1-K2-W1"),
    ),
    CompetenceData(
        "Werk plannen en anderen aansturen",
        "Verdeelt het werk, geeft duidelijke instructies en bewaakt de voortgang.",
        ("gebouwde-omgeving",),
        ("EMIT3:B1-K1-W2", "EMEI3:B1-K1-W2", "TIFT4:B1-K2-W1", "TSO4:B1-K1-W2"),
    ),
    CompetenceData(
        "Bewoners adviseren over energiebesparing",
        "Geeft bewoners praktisch advies over besparen en verwijst door naar passende maatregelen.",
        ("energieadvies", "isolatie-renovatie"),
        ("MEA3:B1-K2-W1", "MEA3:B1-K2-W2", "MEA3:P1-K1-W1"),
    ),
]

U = UnitData
UNITS_2026 = [
    U(
        "KE-VB-01",
        "Veilig werken op de bouwplaats en in de woning",
        "Werkplek inrichten, risico's herkennen en persoonlijke beschermingsmiddelen gebruiken.",
        40,
        2,
        ("gebouwde-omgeving",),
        ("MIT2:B1-K1-W2", "TIM2:B1-K1-W2", "MEI2:B1-K1-W2", "MGWW2:B1-K1-W2"),
    ),
    U(
        "KE-VB-02",
        "Installatiewerk voorbereiden",
        "Werkopdracht en tekeningen lezen, materiaal verzamelen en het werk plannen.",
        80,
        3,
        ("gebouwde-omgeving",),
        ("MIT2:B1-K1-W1", "EMIT3:B1-K1-W1", "MEI2:B1-K1-W1", "EMEI3:B1-K1-W1"),
    ),
    U(
        "KE-WP-01",
        "Hybride warmtepomp installeren en inregelen",
        "Een hybride warmtepomp plaatsen naast de cv-ketel, aansluiten, inregelen en in bedrijf nemen.",
        160,
        3,
        ("warmtepompen",),
        ("EMIT3:B1-K2-W1", "EMIT3:B1-K2-W2", "EMIT3:B1-K2-W3", "MIT2:P1-K1-W1"),
    ),
    U(
        "KE-WP-02",
        "Volledig elektrische warmtepomp ontwerpen",
        "Warmteverlies berekenen en een all-electric warmtepompinstallatie met afgifte en ventilatie kiezen.",
        240,
        4,
        ("warmtepompen", "energieneutraal-bouwen"),
        ("TIT4:B1-K1-W1", "TIT4:B1-K1-W2", "ADGI4:P1-K1-W1"),
    ),
    U(
        "KE-WP-03",
        "Warmtepomp onderhouden en storingen verhelpen",
        "Periodiek onderhoud, storingsdiagnose en werk aan het koudemiddelcircuit van warmtepompen.",
        160,
        3,
        ("warmtepompen",),
        ("EMSO3:B1-K2-W2", "EMSO3:B1-K2-W3", "EMSO3:P1-K1-W1", "EMSO3:P1-K1-W2"),
    ),
    U(
        "KE-WP-04",
        "Lagetemperatuurafgifte aanleggen",
        "Leidingwerk, radiatoren en vloerverwarming aanleggen die geschikt zijn voor lage watertemperaturen.",
        80,
        2,
        ("warmtepompen", "isolatie-renovatie"),
        ("MIT2:B1-K2-W1", "MIT2:B1-K2-W2", "EMIT3:P1-K1-W2"),
    ),
    U(
        "KE-PV-01",
        "Zonnepanelen en omvormer installeren",
        "Panelen op het dak monteren, strings en omvormer aansluiten en de installatie in bedrijf nemen.",
        120,
        3,
        ("zon-pv",),
        ("MEI2:P1-K1-W1", "EMEI3:B1-K2-W1", "EMEI3:B1-K2-W3"),
    ),
    U(
        "KE-PV-02",
        "Zonnestroominstallatie ontwerpen",
        "Opbrengst en aansluitwaarde berekenen en een zonnestroominstallatie met eventuele opslag ontwerpen.",
        160,
        4,
        ("zon-pv",),
        ("TEI4:B1-K1-W1", "TEI4:B1-K1-W2", "ADGI4:P1-K1-W2"),
    ),
    U(
        "KE-LD-01",
        "Laadpaal aansluiten en in bedrijf nemen",
        "Een laadpaal monteren, aansluiten op de groepenkast, configureren en in bedrijf nemen.",
        80,
        3,
        ("laadinfrastructuur",),
        ("MEI2:P1-K1-W2", "EMEI3:B1-K2-W2", "EMEI3:B1-K2-W3"),
    ),
    U(
        "KE-LD-02",
        "Laadplein op het net aansluiten",
        "De netaansluiting voor een laadplein beoordelen, aanleggen en in bedrijf nemen.",
        120,
        3,
        ("laadinfrastructuur", "netbeheer"),
        ("EMED3:P1-K1-W2", "EMED3:B1-K2-W2", "TIFT4:P1-K1-W2"),
    ),
    U(
        "KE-WN-01",
        "Warmtenet-afleverset aansluiten",
        "De huisaansluiting en de afleverset in de woning aansluiten, instellen en in bedrijf nemen.",
        80,
        3,
        ("warmtenetten",),
        ("EMIT3:P1-K1-W1", "EMGWW3:P1-K1-W1", "MGWW2:P1-K1-W2"),
    ),
    U(
        "KE-WN-02",
        "Voorgeïsoleerde warmteleidingen aanleggen",
        "Voorgeïsoleerde leidingen leggen, verbinden, beproeven en in bedrijf nemen.",
        160,
        2,
        ("warmtenetten",),
        ("MGWW2:P1-K1-W1", "MGWW2:B1-K2-W1", "EMGWW3:B1-K2-W1", "EMGWW3:B1-K2-W2"),
    ),
    U(
        "KE-IS-01",
        "Na-isolatie van spouw en dak uitvoeren",
        "Bestaande spouwmuren, daken en vloeren isoleren zonder koudebruggen en vochtproblemen.",
        120,
        2,
        ("isolatie-renovatie",),
        ("TIM2:B1-K2-W2", "ATIM3:B1-K2-W2", "TIM2:P1-K1-W2"),
    ),
    U(
        "KE-IS-02",
        "Luchtdicht bouwen en de blowerdoortest",
        "Naden en doorvoeren luchtdicht afwerken en de luchtdichtheid meten en verbeteren.",
        80,
        3,
        ("isolatie-renovatie", "energieneutraal-bouwen"),
        ("ATIM3:B1-K2-W3", "ATIM3:P1-K1-W2", "TIM2:P1-K1-W2"),
    ),
    U(
        "KE-IS-03",
        "Renoveren in bewoonde woningen",
        "Selectief slopen en renoveren terwijl bewoners thuis blijven, met goede afspraken over overlast.",
        80,
        3,
        ("isolatie-renovatie",),
        ("MKFB4:P1-K1-W1", "TIM2:P1-K1-W1", "ATIM3:B1-K1-W2"),
    ),
    U(
        "KE-EB-01",
        "Prefab bouwen en installeren",
        "Geprefabriceerde bouw- en installatiemodules plaatsen en aansluiten.",
        160,
        3,
        ("energieneutraal-bouwen",),
        ("ATIM3:B1-K2-W1", "ATIM3:P1-K1-W1", "TIM2:B1-K2-W1"),
    ),
    U(
        "KE-EB-02",
        "Energieneutraal bouwproject voorbereiden",
        "Ontwerp, calculatie en planning van een energieneutraal nieuwbouw- of renovatieproject.",
        240,
        4,
        ("energieneutraal-bouwen",),
        (
            "MKFB4:B1-K1-W1",
            "MKFB4:B1-K1-W2",
            "MKFB4:P1-K1-W2",
        ),
    ),
    U(
        "KE-EA-01",
        "Energielabel en maatwerkadvies opstellen",
        "Een woning opnemen, het energielabel vaststellen en een maatwerkadvies opstellen en bespreken.",
        160,
        4,
        ("energieadvies",),
        ("ADGI4:B1-K1-W1", "ADGI4:B1-K1-W2", "ADGI4:B1-K2-W1", "ADGI4:B1-K2-W2"),
    ),
    U(
        "KE-EA-02",
        "Energiecoaching aan huis",
        "Huisbezoeken voorbereiden en bewoners helpen met besparingstips en kleine maatregelen.",
        40,
        3,
        ("energieadvies",),
        ("MEA3:B1-K1-W1", "MEA3:B1-K2-W1", "MEA3:B1-K2-W2", "MEA3:B1-K2-W3"),
    ),
    U(
        "KE-EA-03",
        "Wijkaanpak verduurzaming organiseren",
        "Bewoners, corporatie en gemeente samenbrengen rond collectieve verduurzaming van een wijk.",
        80,
        3,
        ("energieadvies", "isolatie-renovatie"),
        ("MEA3:P1-K1-W1", "MKFB4:P1-K1-W1"),
    ),
    U(
        "KE-EL-01",
        "Groepenkast uitbreiden voor warmtepomp, zonnestroom en laden",
        "Extra groepen aanleggen, de installatie testen en het werk van monteurs coördineren.",
        80,
        2,
        ("slimme-installaties", "laadinfrastructuur"),
        ("MEI2:B1-K2-W1", "MEI2:B1-K2-W2", "EMEI3:B1-K1-W2"),
    ),
    U(
        "KE-EL-02",
        "Energiemanagement in de woning",
        "Opwek, opslag en verbruik in huis op elkaar afstemmen met een energiemanagementsysteem.",
        120,
        3,
        ("energieopslag", "slimme-installaties"),
        ("EMEI3:P1-K1-W1", "EMEI3:P1-K1-W2"),
    ),
    U(
        "KE-SI-01",
        "Domotica en gebouwautomatisering programmeren",
        "Slimme installaties programmeren, testen en afstemmen op de gebruiker.",
        240,
        4,
        ("slimme-installaties",),
        ("TEI4:P1-K1-W1", "TEI4:P1-K1-W2", "TIT4:P1-K1-W2"),
    ),
    U(
        "KE-SI-02",
        "Installaties op afstand monitoren en optimaliseren",
        "Data van installaties op afstand volgen, storingen vroeg zien en de regeling verbeteren.",
        160,
        4,
        ("slimme-installaties",),
        ("TSO4:P1-K1-W1", "TSO4:B1-K2-W1", "TIT4:P1-K1-W1"),
    ),
    U(
        "KE-SO-01",
        "Onderhoudsplan en servicewerk organiseren",
        "Onderhoud plannen, servicebezoeken voorbereiden en het werk over monteurs verdelen.",
        80,
        4,
        ("warmtepompen", "slimme-installaties"),
        ("TSO4:B1-K1-W1", "TSO4:B1-K1-W2", "EMSO3:B1-K1-W1"),
    ),
    U(
        "KE-NB-01",
        "Laagspanningskabels en netaansluitingen aanleggen",
        "Kabels leggen, moffen maken en netaansluitingen veilig aanleggen en in bedrijf nemen.",
        240,
        3,
        ("netbeheer",),
        ("EMED3:B1-K2-W1", "EMED3:B1-K2-W2", "EMED3:B1-K2-W3", "EMED3:B1-K1-W2"),
    ),
    U(
        "KE-NB-02",
        "Netcongestie analyseren",
        "De belasting van een net analyseren en oplossingen voor vol lopende netten voorstellen.",
        120,
        4,
        ("netbeheer",),
        ("TIFT4:P1-K1-W1", "TIFT4:B1-K1-W1", "TEI4:B1-K1-W2"),
    ),
    U(
        "KE-PR-01",
        "Installatie- en bouwprojecten leiden",
        "Mensen en middelen inzetten en kwaliteit, veiligheid en voortgang bewaken.",
        160,
        4,
        ("gebouwde-omgeving",),
        (
            "TIT4:B1-K2-W1",
            "TIT4:B1-K2-W2",
            "TEI4:B1-K2-W2",
            "TIFT4:B1-K2-W1",
            "TIFT4:B1-K2-W2",
            "MKFB4:B1-K2-W1",
            "MKFB4:B1-K2-W2",
        ),
    ),
    U(
        "KE-GW-01",
        "Distributieleidingen en huisaansluitingen aanleggen",
        "Leidingen voor gas, water en warmte leggen, aansluiten en testen, ook met oog op waterstof.",
        160,
        2,
        ("warmtenetten", "waterstof-groengas"),
        ("MGWW2:B1-K2-W1", "MGWW2:B1-K2-W2", "MGWW2:B1-K2-W3", "EMGWW3:P1-K1-W2"),
    ),
    U(
        "KE-KL-01",
        "Installatie overdragen en de klant informeren",
        "Het werk opleveren en de klant uitleggen hoe de installatie werkt en wordt onderhouden.",
        40,
        2,
        ("gebouwde-omgeving",),
        ("EMIT3:B1-K2-W4", "EMSO3:B1-K2-W4"),
    ),
]

# The 2027 draft: the 2026 units with these differences.
UNITS_2027_ADDED = [
    U(
        "KE-EL-03",
        "Thuisbatterij installeren en koppelen aan zonnestroom",
        "Een thuisbatterij plaatsen, aansluiten op de omvormer en laten samenwerken met de zonnepanelen.",
        80,
        3,
        ("energieopslag", "zon-pv"),
        ("EMEI3:P1-K1-W1", "EMEI3:B1-K2-W1", "EMEI3:B1-K2-W3"),
    ),
    U(
        "KE-NB-03",
        "Netbewust installeren",
        "Warmtepompen, laadpalen en zonnestroom zo aansluiten en instellen dat ze het net zo min mogelijk belasten.",
        80,
        3,
        ("netbeheer", "laadinfrastructuur"),
        ("TEI4:B1-K1-W2", "EMEI3:B1-K2-W2", "EMEI3:P1-K1-W2", "TIFT4:P1-K1-W2"),
    ),
]
del U
UNITS_2027_REMOVED = {"KE-EA-02"}  # energiecoaching goes into the wijkaanpak unit
UNITS_2027_CHANGED: dict[str, dict[str, Any]] = {
    "KE-PV-01": {"name": "Zonnestroomsysteem met omvormer installeren en in bedrijf nemen"},
    "KE-WP-01": {"hours": 200},
}
# code -> (work processes added, work processes removed)
UNITS_2027_MAPPING: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {
    "KE-EA-03": (("MEA3:B1-K2-W1", "MEA3:B1-K2-W2"), ()),
    "KE-LD-01": ((), ("MEI2:P1-K1-W2",)),
    "KE-WP-03": (("EMSO3:B1-K2-W1",), ("EMSO3:P1-K1-W2",)),
}


def units_2027() -> list[UnitData]:
    """The 2026 units with the differences of the 2027 draft applied."""
    units = []
    for unit in UNITS_2026:
        if unit.code in UNITS_2027_REMOVED:
            continue
        added, removed = UNITS_2027_MAPPING.get(unit.code, ((), ()))
        work_processes = tuple(wp for wp in unit.work_processes if wp not in removed) + added
        changes = {**UNITS_2027_CHANGED.get(unit.code, {}), "work_processes": work_processes}
        units.append(dataclasses.replace(unit, **changes))
    return units + UNITS_2027_ADDED


# ---------------------------------------------------------------------------------------------------------------
# Loading
# ---------------------------------------------------------------------------------------------------------------

Through = list[models.Model]
M = TypeVar("M", bound=models.Model)


@transaction.atomic
def load(*, scale: int = 1) -> None:
    """Load the framework demo data; running it again adds nothing that is already there."""
    themes = {theme.code: theme.pk for theme in Theme.objects.all()}
    version_2026 = _load_version(VERSION_2026, UNITS_2026, themes, based_on=None)
    _load_version(VERSION_2027, units_2027(), themes, based_on=version_2026)
    if scale > 1:
        _load_generated(scale, sorted(themes.values()))


def _load_version(
    data: VersionData, units: Sequence[UnitData], themes: dict[str, int], *, based_on: FrameworkVersion | None
) -> FrameworkVersion:
    version, _ = FrameworkVersion.objects.get_or_create(
        slug=data.slug,
        defaults={
            "name": data.name,
            "status": data.status,
            "description": data.description,
            "based_on": based_on,
            "adopted_at": timezone.now() if data.status == FrameworkVersion.Status.ADOPTED else None,
        },
    )
    links: Through = []
    work_processes = _load_structure(version, data.valid_from, themes, links)

    for elective in ELECTIVES:
        elective_row, created = Elective.objects.get_or_create(
            version=version, name=elective.name, defaults={"study_load_hours": elective.hours, "level": elective.level}
        )
        if created:
            links += [
                Elective.themes.through(elective_id=elective_row.pk, theme_id=themes[code]) for code in elective.themes
            ]

    for certificate in CERTIFICATES:
        certificate_row, created = Certificate.objects.get_or_create(
            version=version, name=certificate.name, defaults={"kind": certificate.kind, "hours": certificate.hours}
        )
        if created:
            links += [
                Certificate.work_processes.through(
                    certificate_id=certificate_row.pk, workprocess_id=work_processes[ref]
                )
                for ref in certificate.work_processes
            ]

    for competence in COMPETENCES:
        competence_row, created = Competence.objects.get_or_create(
            version=version, name=competence.name, defaults={"description": competence.description}
        )
        if created:
            links += [
                Competence.themes.through(competence_id=competence_row.pk, theme_id=themes[c])
                for c in competence.themes
            ]
            links += [
                Competence.work_processes.through(competence_id=competence_row.pk, workprocess_id=work_processes[ref])
                for ref in competence.work_processes
            ]

    for unit in units:
        unit_row, created = FrameworkUnit.objects.get_or_create(
            version=version,
            code=unit.code,
            defaults={
                "name": unit.name,
                "description": unit.description,
                "study_load_hours": unit.hours,
                "level": unit.level,
            },
        )
        if created:
            links += [
                FrameworkUnit.themes.through(frameworkunit_id=unit_row.pk, theme_id=themes[c]) for c in unit.themes
            ]
            links += [
                FrameworkUnit.work_processes.through(frameworkunit_id=unit_row.pk, workprocess_id=work_processes[ref])
                for ref in unit.work_processes
            ]

    _bulk_create_links(links)
    return version


def _load_structure(
    version: FrameworkVersion, valid_from: date, themes: dict[str, int], links: Through
) -> dict[str, int]:
    """Dossiers, qualifications, core tasks and work processes; returns work process ids by "<key>:<code>"."""
    dossiers = {
        data.name: Dossier.objects.get_or_create(
            version=version, name=data.name, defaults={"sector": data.sector, "valid_from": valid_from}
        )[0]
        for data in DOSSIERS
    }
    qualifications: dict[str, Qualification] = {}
    for data in QUALIFICATIONS:
        qualification, created = Qualification.objects.get_or_create(
            dossier=dossiers[data.dossier], name=data.name, level=data.level
        )
        if created:
            links += [
                Qualification.themes.through(qualification_id=qualification.pk, theme_id=themes[code])
                for code in data.themes
            ]
        qualifications[data.key] = qualification

    # Core tasks and work processes are many: look them up by natural key in one query each, create the missing in bulk.
    def core_task_ids() -> dict[tuple[int, str], int]:
        rows = CoreTask.objects.filter(qualification__dossier__version=version).values_list(
            "qualification_id", "code", "pk"
        )
        return {(qualification_id, code): pk for qualification_id, code, pk in rows}

    existing_tasks = core_task_ids()
    CoreTask.objects.bulk_create(
        [
            CoreTask(qualification=qualifications[data.key], code=task.code, name=task.name, part=task.part)
            for data in QUALIFICATIONS
            for task in data.core_tasks
            if (qualifications[data.key].pk, task.code) not in existing_tasks
        ],
        batch_size=BATCH_SIZE,
    )
    tasks = core_task_ids()

    def work_process_ids() -> dict[tuple[int, str], int]:
        rows = WorkProcess.objects.filter(core_task__qualification__dossier__version=version).values_list(
            "core_task_id", "code", "pk"
        )
        return {(core_task_id, code): pk for core_task_id, code, pk in rows}

    existing_work_processes = work_process_ids()
    wanted: list[tuple[str, int, str, str, str]] = []  # (reference, core task id, code, name, description)
    for data in QUALIFICATIONS:
        for task in data.core_tasks:
            task_id = tasks[(qualifications[data.key].pk, task.code)]
            for number, (name, description) in enumerate(task.work_processes, start=1):
                code = f"{task.code}-W{number}"
                wanted.append((f"{data.key}:{code}", task_id, code, name, description))
    WorkProcess.objects.bulk_create(
        [
            WorkProcess(core_task_id=task_id, code=code, name=name, description=description, is_example=True)
            for _, task_id, code, name, description in wanted
            if (task_id, code) not in existing_work_processes
        ],
        batch_size=BATCH_SIZE,
    )
    all_work_processes = work_process_ids()
    return {reference: all_work_processes[(task_id, code)] for reference, task_id, code, _, _ in wanted}


def _bulk_create_links(links: Through) -> None:
    """Insert M2M through rows, grouped by through model."""
    by_model: dict[type[models.Model], list[models.Model]] = {}
    for link in links:
        by_model.setdefault(type(link), []).append(link)
    for model, rows in by_model.items():
        model._default_manager.bulk_create(rows, batch_size=BATCH_SIZE, ignore_conflicts=True)


# ---------------------------------------------------------------------------------------------------------------
# Generated volume for benchmarks
# ---------------------------------------------------------------------------------------------------------------

GENERATED_TASKS = (
    ("B1-K1", CoreTask.Part.BASIS),
    ("B1-K2", CoreTask.Part.BASIS),
    ("P1-K1", CoreTask.Part.PROFIEL),
    ("P1-K2", CoreTask.Part.PROFIEL),
)
QUALIFICATIONS_PER_DOSSIER = 5
WORK_PROCESSES_PER_TASK = 10


def _bulk(model: type[M], objects: list[M], refetch: Callable[[], models.QuerySet[M]]) -> list[M]:
    """bulk_create that returns objects with ids; refetches on a backend that does not return them."""
    created = model._default_manager.bulk_create(objects, batch_size=BATCH_SIZE)
    if created and created[-1].pk is None:
        created = list(refetch().order_by("pk"))
    return created


def _load_generated(scale: int, theme_ids: list[int]) -> None:
    """A clearly fictitious version with 5*scale qualifications, 40 work processes each and 2*scale units."""
    slug = f"voorbeeldkader-schaal-{scale}"
    if FrameworkVersion.objects.filter(slug=slug).exists():
        return
    version = FrameworkVersion.objects.create(
        slug=slug,
        name=f"Voorbeeldkader (gegenereerd, schaal {scale})",
        status=FrameworkVersion.Status.DRAFT,
        description="Gegenereerde, fictieve versie om het platform met veel gegevens te meten. Geen echte inhoud.",
    )
    dossiers = _bulk(
        Dossier,
        [
            Dossier(version=version, name=f"Gegenereerd dossier {number}", sector="Voorbeeldsector")
            for number in range(1, scale + 1)
        ],
        lambda: Dossier.objects.filter(version=version),
    )
    qualifications = _bulk(
        Qualification,
        [
            Qualification(
                dossier=dossiers[index // QUALIFICATIONS_PER_DOSSIER],
                name=f"Gegenereerde kwalificatie {index + 1}",
                level=index % 4 + 1,
            )
            for index in range(QUALIFICATIONS_PER_DOSSIER * scale)
        ],
        lambda: Qualification.objects.filter(dossier__version=version),
    )
    tasks = _bulk(
        CoreTask,
        [
            CoreTask(qualification=qualification, code=code, name=f"Gegenereerde kerntaak {code}", part=part)
            for qualification in qualifications
            for code, part in GENERATED_TASKS
        ],
        lambda: CoreTask.objects.filter(qualification__dossier__version=version),
    )
    per_qualification = len(GENERATED_TASKS) * WORK_PROCESSES_PER_TASK
    work_processes = _bulk(
        WorkProcess,
        [
            WorkProcess(
                core_task=task,
                code=f"{task.code}-W{number}",
                name=f"Voorbeeldwerkproces {(index % len(GENERATED_TASKS)) * WORK_PROCESSES_PER_TASK + number}",
                description="Gegenereerde voorbeeldtekst, geen echt werkproces.",
                is_example=True,
            )
            for index, task in enumerate(tasks)
            for number in range(1, WORK_PROCESSES_PER_TASK + 1)
        ],
        lambda: WorkProcess.objects.filter(core_task__qualification__dossier__version=version),
    )
    units = _bulk(
        FrameworkUnit,
        [
            FrameworkUnit(
                version=version,
                code=f"GE-{index + 1:04d}",
                name=f"Gegenereerde eenheid {index + 1}",
                description="Gegenereerde, fictieve eenheid voor metingen.",
                study_load_hours=40 * (index % 8 + 1),
                level=index % 4 + 1,
            )
            for index in range(2 * scale)
        ],
        lambda: FrameworkUnit.objects.filter(version=version),
    )

    links: Through = [
        Qualification.themes.through(qualification_id=q.pk, theme_id=theme_ids[i % len(theme_ids)])
        for i, q in enumerate(qualifications)
    ]
    links += [
        FrameworkUnit.themes.through(frameworkunit_id=unit.pk, theme_id=theme_ids[i % len(theme_ids)])
        for i, unit in enumerate(units)
    ]
    # Unit i covers five work processes of one core task in each of two neighbouring qualifications.
    half = WORK_PROCESSES_PER_TASK // 2
    for index, unit in enumerate(units):
        first = QUALIFICATIONS_PER_DOSSIER * index // 2
        offset = (index % len(GENERATED_TASKS)) * WORK_PROCESSES_PER_TASK
        for qualification_index in (first, first + 1):
            start = qualification_index * per_qualification + offset
            links += [
                FrameworkUnit.work_processes.through(frameworkunit_id=unit.pk, workprocess_id=wp.pk)
                for wp in work_processes[start : start + half]
            ]
    _bulk_create_links(links)
