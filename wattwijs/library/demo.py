"""Fictitious demo data for the leermiddelenbank: learning materials, reviews, adaptations and collections.

Everything created here is marked ``is_fictitious`` and lives on the fictitious domain
``leermiddelen.demo.wattwijs.example``. ``load`` builds two parts:

- curated materials (some 180), written from hand-made Dutch building blocks per theme (topics × kinds of
  material), created through the services like a person would: shared, submitted, published, reviewed,
  adapted and collected, with a few left in the moderation queue. They are aligned to work processes of the
  adopted framework version ``kwalificatiekader-2026`` when the framework demo is loaded.
- with ``scale > 1``, generated materials up to ``1000 * scale`` published ones in total, inserted in bulk and
  indexed in one pass (``load_demo --scale 100`` gives 100,000) for measurements.

Running it again adds nothing: the curated part is recognised by its web addresses, and the generated part
only fills up to the requested total.
"""

from __future__ import annotations

import functools
import random
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from itertools import accumulate
from typing import Any

from django.contrib.contenttypes.models import ContentType
from django.core.management.color import no_style
from django.db import connection, transaction
from django.db.models import Exists, Max, OuterRef
from django.utils import timezone
from django.utils.text import slugify

from wattwijs.core.bulk import insert_rows, refresh_statistics
from wattwijs.core.demo import DEMO_USERS, PLATFORM_ADMIN, demo_email
from wattwijs.core.models import Membership, Organisation, OrganisationKind, Role, Theme, User
from wattwijs.framework.demo import QUALIFICATIONS, VERSION_2026
from wattwijs.framework.models import Alignment as FrameworkAlignment
from wattwijs.framework.models import WorkProcess
from wattwijs.library import services, vocabularies
from wattwijs.library.models import METADATA_FIELDS, Author, Collection, Resource, ResourceVersion, Review, Source
from wattwijs.library.search import index

BASE_URL = "https://leermiddelen.demo.wattwijs.example"
CURATED_URL = f"{BASE_URL}/materiaal/"
GENERATED_URL = f"{BASE_URL}/gegenereerd/"
GENERATED_PER_SCALE = 1000
GENERATED_CHUNK = 5000
BATCH_SIZE = 1000
GENERATED_NOTE = "Gegenereerd fictief leermiddel voor demonstratiedoeleinden."
GENERATED_NOTE_EN = "Generated fictitious learning material for demonstration purposes."

Status = ResourceVersion.Status
Aggregation = ResourceVersion.AggregationLevel

# ---------------------------------------------------------------------------------------------------------------
# Building blocks. A topic names its subject twice: as a noun phrase ("name", after "over" or a colon) and as an
# infinitive phrase ("task", after "leren", "gaan" or "zie je iemand"), so every kind of material reads naturally.
# ---------------------------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Kind:
    title: str  # with {name}, {task} or {context}
    openings: tuple[str, ...]
    closing: str
    types: tuple[str, ...]  # NL-LOM learning resource types
    minutes: tuple[int, ...]
    keyword: str
    roles: tuple[str, ...] = ("learner", "teacher")
    aggregation: int = Aggregation.LESSON


@dataclass(frozen=True)
class Topic:
    name: str
    task: str
    sentences: tuple[str, ...]
    keywords: tuple[str, ...]
    levels: tuple[int, ...]  # mbo levels it suits
    kinds: tuple[str, ...]  # the curated materials made of this topic
    alignment: tuple[str, ...] = ()  # work processes, as "<qualification key>:<code>" of the framework demo


@dataclass(frozen=True)
class ThemeContent:
    weight: int  # share of the generated materials
    keywords: tuple[str, ...]
    sentences: tuple[str, ...]
    contexts: tuple[str, ...]  # "in …", "bij …" or "op …"
    topics: tuple[Topic, ...]


SAFETY = "veiligheidsinstructie"

KINDS: dict[str, Kind] = {
    "werkplaatsopdracht": Kind(
        title="Werkplaatsopdracht: {task}",
        openings=(
            "In deze werkplaatsopdracht gaan studenten in tweetallen {task}.",
            "Een praktijkopdracht voor de werkplaats of het leerbedrijf: de student gaat zelfstandig {task}.",
            "Met deze opdracht leren studenten in het praktijklokaal stap voor stap {task}.",
        ),
        closing="De opdracht bevat een materiaallijst, een stappenplan en een aftekenlijst voor de praktijkbegeleider.",
        types=("problem statement", "exercise"),
        minutes=(120, 180, 240),
        keyword="werkplaatsopdracht",
    ),
    "instructievideo": Kind(
        title="Instructievideo: {task}",
        openings=(
            "In deze instructievideo zie je een ervaren monteur stap voor stap {task}.",
            "Korte, ondertitelde video over {name}, opgenomen bij een erkend leerbedrijf.",
        ),
        closing="Bij de video horen kijkvragen en een uitgeschreven tekst voor wie liever leest.",
        types=("lecture",),
        minutes=(5, 8, 12, 15),
        keyword="instructievideo",
        aggregation=Aggregation.ASSET,
    ),
    "toets": Kind(
        title="Kennistoets: {name}",
        openings=(
            "Kennistoets met meerkeuze- en open vragen over {name}.",
            "Digitale toets over {name}, geschikt als afsluiting van een lesweek.",
        ),
        closing="Met antwoordmodel, normering en een toetsmatrix die de vragen koppelt aan de leerdoelen.",
        types=("exam", "questionnaire"),
        minutes=(30, 45, 60),
        keyword="toets",
    ),
    "zelftoets": Kind(
        title="Zelftoets: {name}",
        openings=(
            "Met deze zelftoets gaan studenten na of ze de kennis over {name} al beheersen.",
            "Korte oefentoets over {name} die studenten thuis of in de les kunnen maken.",
        ),
        closing="Na elke vraag krijgt de student direct feedback met een verwijzing naar de theorie.",
        types=("self assessment",),
        minutes=(10, 15, 20),
        keyword="zelftoets",
    ),
    "handleiding": Kind(
        title="Handleiding: {name}",
        openings=(
            "Een handleiding voor studenten en docenten over {name}.",
            "Naslagwerk met foto's en schema's over {name}, handig om mee te nemen op de werkplek.",
        ),
        closing="De belangrijkste stappen staan ook op een printbare zakkaart.",
        types=("narrative text", "diagram"),
        minutes=(20, 30, 45),
        keyword="handleiding",
    ),
    "presentatie": Kind(
        title="Lespresentatie: {name}",
        openings=(
            "Lespresentatie over {name} met uitgewerkte sprekersnotities voor de docent.",
            "Een kant-en-klare presentatie over {name} voor een les van vijftig minuten.",
        ),
        closing="Docenten kunnen de dia's aanpassen aan hun eigen lesprogramma.",
        types=("slide",),
        minutes=(45, 50, 90),
        keyword="presentatie",
        roles=("teacher",),
    ),
    "simulatie": Kind(
        title="Simulatie: {task}",
        openings=(
            "In deze online simulatie kunnen studenten zonder risico {task}.",
            "Een interactieve simulatie waarin studenten oefenen met {name}.",
        ),
        closing="De simulatie werkt in de browser en houdt de score bij, zodat de docent de voortgang kan volgen.",
        types=("simulation",),
        minutes=(20, 30, 45),
        keyword="simulatie",
    ),
    "casus": Kind(
        title="Casus: {name} {context}",
        openings=(
            "Een realistische casus over {name} {context}.",
            "Praktijkcasus over {name}, gebaseerd op een opdracht van een leerbedrijf {context}.",
        ),
        closing="Studenten werken in groepjes een oplossing uit en presenteren die aan de opdrachtgever.",
        types=("problem statement", "narrative text"),
        minutes=(90, 120, 180),
        keyword="casus",
    ),
    SAFETY: Kind(
        title="Veiligheidsinstructie: {task}",
        openings=(
            "Deze veiligheidsinstructie leert studenten {task}.",
            "Verplichte instructie voordat studenten op de werkplek aan de slag gaan met {name}.",
        ),
        closing="Studenten bespreken de instructie met hun praktijkbegeleider en tekenen daarna de checklist af.",
        types=("narrative text", "self assessment"),
        minutes=(20, 30, 45),
        keyword="veiligheid",
    ),
    "rekenopdracht": Kind(
        title="Rekenopdracht: {name}",
        openings=(
            "Rekenopdrachten over {name} met uitgewerkte voorbeelden en oefensommen.",
            "In deze opdracht rekenen studenten met echte gegevens aan {name}.",
        ),
        closing="Een rekenblad en de uitwerkingen voor de docent zijn bijgevoegd.",
        types=("exercise", "table"),
        minutes=(45, 60, 90),
        keyword="rekenen",
    ),
    "lessenserie": Kind(
        title="Lessenserie: {name}",
        openings=(
            "Lessenserie van vier weken over {name}, met theorie, praktijkopdrachten en een afsluitende toets.",
            "Complete lessenserie over {name} voor een blok van acht lessen.",
        ),
        closing="De serie is gekoppeld aan de werkprocessen uit het kwalificatiedossier.",
        types=("narrative text", "exercise"),
        minutes=(480, 720, 960),
        keyword="lessenserie",
        roles=("teacher",),
        aggregation=Aggregation.COURSE,
    ),
    "overzichtsplaat": Kind(
        title="Overzichtsplaat: {name}",
        openings=("Overzichtsplaat met schema's en begrippen over {name}, om op te hangen in het praktijklokaal.",),
        closing="Beschikbaar als pdf op A3- en A1-formaat.",
        types=("figure", "diagram"),
        minutes=(10, 15),
        keyword="schema",
        aggregation=Aggregation.ASSET,
    ),
    "practicum": Kind(
        title="Practicum: {task}",
        openings=(
            "Practicum waarin studenten met meetapparatuur {task}.",
            "In dit practicum gaan studenten zelf {task}.",
        ),
        closing="De meetresultaten verwerken ze in een kort verslag met een grafiek.",
        types=("experiment", "graph"),
        minutes=(90, 120, 180),
        keyword="practicum",
    ),
}

# How often each kind is generated (a safety topic gets a safety instruction half of the time).
KIND_WEIGHTS: dict[str, int] = {
    "werkplaatsopdracht": 20,
    "instructievideo": 14,
    "presentatie": 12,
    "casus": 10,
    "handleiding": 8,
    "toets": 8,
    "zelftoets": 7,
    "rekenopdracht": 6,
    "simulatie": 5,
    "practicum": 5,
    "overzichtsplaat": 3,
    "lessenserie": 2,
}

T = Topic

THEME_CONTENT: dict[str, ThemeContent] = {
    "gebouwde-omgeving": ThemeContent(
        weight=2,
        keywords=("gebouwde omgeving", "energietransitie"),
        sentences=(
            "Ongeveer een derde van het Nederlandse energiegebruik gaat naar het verwarmen en koelen van gebouwen.",
            "Tot 2050 moeten zeven miljoen woningen en een miljoen andere gebouwen aardgasvrij worden.",
            "Daarvoor zijn tienduizenden extra vakmensen nodig in de installatietechniek en de bouw.",
        ),
        contexts=("in een gemiddelde Nederlandse wijk", "in een dorp dat van het gas af wil"),
        topics=(
            T(
                name="de energietransitie in de gebouwde omgeving",
                task="uitleggen waarom woningen en gebouwen van het aardgas af gaan",
                sentences=(
                    "Studenten maken kennis met de klimaatdoelen en met wat die betekenen voor woningen, scholen en "
                    "kantoren.",
                    "Ze zien welke beroepen daarbij horen: van monteur tot energieadviseur.",
                    "Korte filmpjes van vakmensen maken het concreet.",
                ),
                keywords=("energietransitie", "aardgasvrij", "klimaatakkoord"),
                levels=(1, 2),
                kinds=("presentatie", "lessenserie"),
            ),
            T(
                name="beroepen in installatie en bouw",
                task="beroepen in installatie en bouw verkennen met een interview bij een leerbedrijf",
                sentences=(
                    "Studenten interviewen een vakman of vakvrouw over het werk in de energietransitie.",
                    "Ze ontdekken welke opleidingen en certificaten daarbij horen.",
                    "De opdracht is ook geschikt voor zij-instromers en werkzoekenden die zich oriënteren.",
                ),
                keywords=("beroepsoriëntatie", "loopbaan", "zij-instromer"),
                levels=(1, 2),
                kinds=("werkplaatsopdracht", "overzichtsplaat"),
            ),
        ),
    ),
    "zon-pv": ThemeContent(
        weight=11,
        keywords=("zon-PV", "zonnepanelen", "zonnestroom"),
        sentences=(
            "Zon-PV is een van de snelst groeiende onderdelen van het werk van de elektrotechnisch installateur.",
            "Een goed aangelegde zonnestroominstallatie gaat vijfentwintig jaar mee.",
            "Bij zon-PV werk je met gelijkspanning van enkele honderden volt: een fout kan leiden tot een vlamboog "
            "of brand.",
            "Het materiaal is ook bruikbaar voor zij-instromers die zich omscholen tot monteur zonnestroom.",
        ),
        contexts=(
            "bij een rijtjeswoning uit de jaren zeventig",
            "op het platte dak van een basisschool",
            "op een agrarisch bedrijf met een grote schuur",
            "bij een twee-onder-een-kapwoning",
            "op een bedrijfshal op een bedrijventerrein",
        ),
        topics=(
            T(
                name="de opbouw van een PV-installatie",
                task="de onderdelen van een zonnestroominstallatie benoemen en hun functie uitleggen",
                sentences=(
                    "Een PV-installatie bestaat uit zonnepanelen, bekabeling, een omvormer, beveiligingen en een "
                    "aansluiting in de meterkast.",
                    "In de branche hoor je zowel zon-PV als zonPV of gewoon zon pv: het gaat steeds om stroom uit "
                    "fotovoltaïsche panelen.",
                    "Studenten leren wat het piekvermogen in wattpiek zegt en waarom oriëntatie en hellingshoek ertoe "
                    "doen.",
                ),
                keywords=("PV-installatie", "zonnepaneel", "wattpiek"),
                levels=(1, 2),
                kinds=("presentatie", "zelftoets"),
                alignment=("MEI2:P1-K1-W1",),
            ),
            T(
                name="omvormers en stringontwerp",
                task="een omvormer aansluiten en in bedrijf nemen",
                sentences=(
                    "De omvormer zet de gelijkspanning van de panelen om in wisselspanning voor het net.",
                    "Aan de hand van het datablad bepalen studenten hoeveel panelen in één string passen en "
                    "controleren "
                    "ze de MPP-spanning.",
                    "Ook micro-omvormers en optimizers worden vergeleken met een centrale stringomvormer.",
                ),
                keywords=("omvormer", "string", "MPP-tracker", "optimizer"),
                levels=(2, 3),
                kinds=("werkplaatsopdracht", "instructievideo"),
                alignment=("EMEI3:B1-K2-W1",),
            ),
            T(
                name="montagesystemen voor hellende en platte daken",
                task="een montagesysteem op een pannendak monteren",
                sentences=(
                    "Op een pannendak worden dakhaken onder de pannen bevestigd; op een plat dak ligt een "
                    "ballastsysteem.",
                    "Studenten berekenen de benodigde ballast met de windbelasting volgens de rekenregels van de "
                    "leverancier.",
                    "De waterdichtheid van het dak en de draagkracht van de constructie krijgen extra aandacht.",
                ),
                keywords=("montagesysteem", "dakhaak", "ballast", "plat dak"),
                levels=(2, 3),
                kinds=("werkplaatsopdracht", "handleiding"),
                alignment=("MEI2:P1-K1-W1",),
            ),
            T(
                name="werken op hoogte bij zonnepanelen",
                task="veilig werken op een hellend dak",
                sentences=(
                    "Vanaf 2,5 meter hoogte zijn maatregelen tegen vallen verplicht volgens het Arbobesluit.",
                    "De instructie behandelt steigers, dakrandbeveiliging, ankerpunten en het gebruik van een harnas "
                    "met vanglijn.",
                    "Met een foto-opdracht herkennen studenten onveilige situaties op de bouwplaats.",
                ),
                keywords=("werken op hoogte", "valbeveiliging", "steiger", "Arbo"),
                levels=(1, 2, 3),
                kinds=(SAFETY, "instructievideo"),
                alignment=("MEI2:B1-K1-W2",),
            ),
            T(
                name="het aansluiten van een PV-installatie volgens NEN 1010",
                task="een PV-groep in de meterkast aansluiten volgens NEN 1010",
                sentences=(
                    "Een PV-installatie krijgt een eigen groep met aardlekschakelaar in de meterkast.",
                    "Studenten kiezen de kabeldoorsnede, controleren het spanningsverlies en leggen de aarding en "
                    "potentiaalvereffening aan.",
                    "De opdracht sluit af met het invullen van een opleverdocument.",
                ),
                keywords=("NEN 1010", "meterkast", "aardlekschakelaar", "kabeldoorsnede"),
                levels=(2, 3, 4),
                kinds=("werkplaatsopdracht", "toets"),
                alignment=("MEI2:B1-K2-W2",),
            ),
            T(
                name="inspectie en onderhoud van PV-installaties",
                task="een bestaande PV-installatie inspecteren volgens NEN 3140",
                sentences=(
                    "Bij een periodieke inspectie meten studenten de isolatieweerstand, de open klemspanning en de "
                    "kortsluitstroom van elke string.",
                    "Met een warmtebeeldcamera sporen ze hotspots en defecte bypassdiodes op.",
                    "De bevindingen leggen ze vast in een inspectierapport voor de eigenaar.",
                ),
                keywords=("NEN 3140", "inspectie", "isolatieweerstand", "warmtebeeld"),
                levels=(3, 4),
                kinds=("practicum", "casus"),
                alignment=("EMEI3:P1-K1-W3",),
            ),
            T(
                name="opbrengstberekeningen voor zonnestroom",
                task="de jaaropbrengst van een zon-PV-systeem berekenen",
                sentences=(
                    "Studenten berekenen de verwachte jaaropbrengst in kilowattuur uit de oriëntatie, de hellingshoek "
                    "en de schaduw op het dak.",
                    "Ze vergelijken de uitkomst met de gegevens van een monitoringsportaal en verklaren de "
                    "verschillen.",
                    "Ook de terugverdientijd na het einde van de salderingsregeling wordt doorgerekend.",
                ),
                keywords=("opbrengst", "kWh", "saldering", "terugverdientijd"),
                levels=(3, 4),
                kinds=("rekenopdracht", "simulatie"),
                alignment=("TEI4:B1-K1-W2",),
            ),
            T(
                name="storingen aan zonnestroominstallaties",
                task="een storing in een zonnestroominstallatie opsporen en verhelpen",
                sentences=(
                    "Veel storingen zijn terug te voeren op een losse connector, vocht in een aansluitkast of een "
                    "uitgeschakelde omvormer.",
                    "Studenten lezen foutcodes uit, meten systematisch en volgen een storingsboom.",
                    "De opdracht eindigt met een heldere uitleg aan de klant.",
                ),
                keywords=("storing", "foutcode", "connector", "storingsdiagnose"),
                levels=(3, 4),
                kinds=("casus", "simulatie"),
                alignment=("EMEI3:P1-K1-W3",),
            ),
        ),
    ),
    "warmtepompen": ThemeContent(
        weight=12,
        keywords=("warmtepomp", "warmtepompen", "aardgasvrij"),
        sentences=(
            "De warmtepomp is de kern van het aardgasvrij maken van woningen en gebouwen.",
            "Een warmtepomp werkt het zuinigst bij een lage aanvoertemperatuur en een goed geïsoleerde woning.",
            "Installateurs zoeken dringend monteurs die warmtepompen kunnen installeren, inregelen en onderhouden.",
            "Het materiaal sluit aan bij de praktijk van erkende leerbedrijven in de installatietechniek.",
        ),
        contexts=(
            "in een tussenwoning uit 1965",
            "in een nieuwbouwwoning met vloerverwarming",
            "in een appartementencomplex van een woningcorporatie",
            "in een vrijstaande woning met radiatoren",
            "in een kantoorpand uit de jaren negentig",
        ),
        topics=(
            T(
                name="de werking van de warmtepomp",
                task="de kringloop van een warmtepomp uitleggen aan de hand van een schema",
                sentences=(
                    "Studenten volgen het koudemiddel door verdamper, compressor, condensor en expansieventiel.",
                    "Met een eenvoudig log p,h-diagram maken ze zichtbaar waar warmte wordt opgenomen en afgegeven.",
                    "De les verbindt de theorie met een warmtepomp die in het praktijklokaal staat opgesteld.",
                ),
                keywords=("kringloop", "compressor", "koudemiddel", "verdamper"),
                levels=(2, 3),
                kinds=("presentatie", "overzichtsplaat", "toets"),
                alignment=("MIT2:P1-K1-W1",),
            ),
            T(
                name="rendement en COP van warmtepompen",
                task="de COP van een lucht-waterwarmtepomp meten en berekenen",
                sentences=(
                    "De prestatiecoëfficiënt (COP) geeft aan hoeveel warmte een warmtepomp levert per eenheid "
                    "elektriciteit.",
                    "Studenten meten aanvoer- en retourtemperatuur, debiet en opgenomen vermogen en berekenen daarmee "
                    "de COP en de SCOP.",
                    "Ze ontdekken waarom een lagere aanvoertemperatuur de coëfficiënt verhoogt.",
                ),
                keywords=("COP", "SCOP", "prestatiecoëfficiënt", "rendement"),
                levels=(3, 4),
                kinds=("practicum", "rekenopdracht"),
                alignment=("EMIT3:B1-K2-W2",),
            ),
            T(
                name="de hybride warmtepomp",
                task="een hybride warmtepomp naast een bestaande cv-ketel installeren",
                sentences=(
                    "Een hybride warmtepomp werkt samen met de cv-ketel: de warmtepomp levert het grootste deel van de "
                    "warmte, de ketel springt bij op koude dagen.",
                    "Studenten bepalen de opstelplaats van de buitenunit, sluiten de hydraulica aan en stellen het "
                    "omschakelpunt in.",
                    "Geluid, condensafvoer en de afstand tot de erfgrens worden in de opdracht meegenomen.",
                ),
                keywords=("hybride warmtepomp", "cv-ketel", "buitenunit", "omschakelpunt"),
                levels=(2, 3),
                kinds=("werkplaatsopdracht", "instructievideo"),
                alignment=("MIT2:P1-K1-W1", "EMIT3:B1-K2-W1"),
            ),
            T(
                name="veilig werken met koudemiddelen en F-gassen",
                task="veilig en volgens de F-gassenverordening werken aan een koudemiddelcircuit",
                sentences=(
                    "Werken aan het koudemiddelcircuit mag alleen met het juiste F-gassencertificaat.",
                    "De instructie behandelt brandbare koudemiddelen zoals propaan (R290), lekdetectie en het "
                    "terugwinnen van koudemiddel.",
                    "Ook de registratie in het logboek en de verplichte lekdichtheidscontrole komen aan bod.",
                ),
                keywords=("F-gassen", "koudemiddel", "R290", "lekdichtheid"),
                levels=(3, 4),
                kinds=(SAFETY, "toets"),
                alignment=("EMSO3:P1-K1-W1", "EMSO3:P1-K1-W2"),
            ),
            T(
                name="het inregelen van een warmtepompinstallatie",
                task="een warmtepompinstallatie waterzijdig inregelen en de stooklijn instellen",
                sentences=(
                    "Een goed ingeregelde installatie verdeelt de warmte gelijkmatig en voorkomt pendelen van de "
                    "compressor.",
                    "Studenten voeren een waterzijdige inregeling uit, stellen de stooklijn in en controleren de "
                    "temperatuurverschillen over de afgiftesystemen.",
                    "De resultaten leggen ze vast in een inregelrapport.",
                ),
                keywords=("inregelen", "stooklijn", "waterzijdig inregelen", "pendelen"),
                levels=(3, 4),
                kinds=("werkplaatsopdracht", "simulatie"),
                alignment=("EMIT3:B1-K2-W2",),
            ),
            T(
                name="bodemenergie en de water-waterwarmtepomp",
                task="een bodemlus en een water-waterwarmtepomp op elkaar afstemmen",
                sentences=(
                    "Een bodemwarmtepomp haalt warmte uit een gesloten bodemlus of uit grondwater.",
                    "Studenten leren hoe de lengte van de bodemlus wordt bepaald en waarom regeneratie in de zomer "
                    "belangrijk is.",
                    "De les gaat ook in op vergunningen en de rol van de boorder.",
                ),
                keywords=("bodemwarmtepomp", "bodemlus", "bron", "regeneratie"),
                levels=(3, 4),
                kinds=("presentatie", "casus"),
                alignment=("TIT4:B1-K1-W2",),
            ),
            T(
                name="onderhoud en storingsdiagnose aan warmtepompen",
                task="een storing aan een warmtepomp systematisch opsporen",
                sentences=(
                    "Bij een onderhoudsbeurt controleren studenten filters, druk, condensafvoer en de instellingen van "
                    "de regelaar.",
                    "Met de storingscodes van de fabrikant en een storingsboom sporen ze de oorzaak op.",
                    "Ze leren ook hoe je een klant uitlegt waarom de installatie 's nachts anders klinkt.",
                ),
                keywords=("onderhoud", "storingsdiagnose", "storingscode", "servicemonteur"),
                levels=(3, 4),
                kinds=("casus", "werkplaatsopdracht"),
                alignment=("EMSO3:B1-K2-W2",),
            ),
            T(
                name="uitleg aan de bewoner na oplevering",
                task="een bewoner uitleggen hoe de warmtepomp het best gebruikt wordt",
                sentences=(
                    "Veel klachten na de installatie ontstaan doordat bewoners de warmtepomp bedienen als een "
                    "cv-ketel.",
                    "Studenten oefenen in rollenspellen een opleveringsgesprek met aandacht voor nachtverlaging, "
                    "tapwater en legionellapreventie.",
                    "Een checklist helpt om niets te vergeten.",
                ),
                keywords=("oplevering", "klantgesprek", "bewoner", "tapwater"),
                levels=(2, 3),
                kinds=("casus", "handleiding"),
                alignment=("EMIT3:B1-K2-W4",),
            ),
        ),
    ),
    "warmtenetten": ThemeContent(
        weight=7,
        keywords=("warmtenet", "warmtenetten", "collectieve warmte"),
        sentences=(
            "Een warmtenet levert warmte van een collectieve bron aan veel woningen tegelijk.",
            "Gemeenten kiezen in hun wijkaanpak voor warmtenetten waar veel woningen dicht op elkaar staan.",
            "Bronnen zijn bijvoorbeeld restwarmte uit de industrie, aquathermie, geothermie of mijnwater.",
        ),
        contexts=(
            "in een naoorlogse wijk die van het gas af gaat",
            "in een nieuwbouwwijk met een lagetemperatuurnet",
            "bij een appartementencomplex met blokverwarming",
            "in een wijk aan een mijnwaternet",
            "in een binnenstad met smalle straten",
        ),
        topics=(
            T(
                name="de opbouw van een warmtenet",
                task="de onderdelen van een warmtenet van bron tot woning benoemen",
                sentences=(
                    "Studenten volgen de warmte van de bron via het transportnet en het distributienet naar de "
                    "afleverset in de woning.",
                    "Het verschil tussen hoge-, midden- en lagetemperatuurnetten wordt uitgelegd met voorbeelden uit "
                    "Nederland.",
                    "Ook de rol van het warmtebedrijf en de gemeente komt aan bod.",
                ),
                keywords=("transportnet", "distributienet", "lagetemperatuurnet"),
                levels=(1, 2, 3),
                kinds=("presentatie", "zelftoets"),
                alignment=("MGWW2:P1-K1-W2",),
            ),
            T(
                name="de afleverset",
                task="een afleverset aansluiten op het warmtenet en in bedrijf nemen",
                sentences=(
                    "De afleverset vervangt in de woning de cv-ketel en levert warmte voor verwarming en tapwater.",
                    "Studenten sluiten de set aan, spoelen de leidingen en controleren de werking van de "
                    "warmtewisselaar.",
                    "Een goede afkoeling van het retourwater is belangrijk voor het rendement van het hele net.",
                ),
                keywords=("afleverset", "warmtewisselaar", "retourtemperatuur"),
                levels=(2, 3),
                kinds=("werkplaatsopdracht", "instructievideo"),
                alignment=("EMIT3:P1-K1-W1", "EMGWW3:P1-K1-W1"),
            ),
            T(
                name="voorgeïsoleerde warmteleidingen",
                task="voorgeïsoleerde leidingen leggen en de moffen afwerken",
                sentences=(
                    "Warmteleidingen bestaan uit een stalen of kunststof mediumbuis met PUR-isolatie en een "
                    "mantelbuis.",
                    "Studenten leren hoe de leidingen in de sleuf worden gelegd, gelast en met moffen worden "
                    "afgewerkt.",
                    "Het lekdetectiesysteem in de isolatie wordt getest voordat de sleuf dichtgaat.",
                ),
                keywords=("voorgeïsoleerde leiding", "mantelbuis", "mof", "lekdetectie"),
                levels=(2, 3),
                kinds=("werkplaatsopdracht", "handleiding"),
                alignment=("MGWW2:P1-K1-W1",),
            ),
            T(
                name="woningen geschikt maken voor lage temperatuur",
                task="een binneninstallatie aanpassen voor een lagetemperatuurwarmtenet",
                sentences=(
                    "Bij een aanvoertemperatuur van 50 graden of lager zijn vaak grotere radiatoren of vloerverwarming "
                    "nodig.",
                    "Studenten berekenen per ruimte het benodigde vermogen en kiezen passende afgiftesystemen.",
                    "Ze bespreken ook welke isolatiemaatregelen eerst nodig zijn.",
                ),
                keywords=("lage temperatuur", "radiator", "afgiftesysteem", "LT-ready"),
                levels=(3, 4),
                kinds=("rekenopdracht", "casus"),
                alignment=("EMIT3:P1-K1-W2",),
            ),
            T(
                name="duurzame bronnen voor warmtenetten",
                task="bronnen voor een warmtenet vergelijken op temperatuur, kosten en CO2-uitstoot",
                sentences=(
                    "Aquathermie, geothermie, restwarmte en mijnwater hebben elk hun eigen temperatuurniveau en "
                    "risico's.",
                    "In groepjes maken studenten een vergelijking en presenteren ze een advies voor een voorbeeldwijk.",
                    "De casus is gebaseerd op openbare gegevens uit een transitievisie warmte.",
                ),
                keywords=("aquathermie", "geothermie", "restwarmte", "mijnwater"),
                levels=(3, 4),
                kinds=("casus", "presentatie"),
                alignment=("TIFT4:P1-K1-W2",),
            ),
            T(
                name="veilig werken in sleuven en bij warmteleidingen",
                task="veilig werken in een sleuf bij warmteleidingen onder druk",
                sentences=(
                    "Warmteleidingen staan onder druk en kunnen water van meer dan 90 graden bevatten.",
                    "De instructie behandelt het afzetten van de werkplek in de openbare ruimte, het voorkomen van "
                    "graafschade met een KLIC-melding en het werken in een sleuf.",
                    "Ook persoonlijke beschermingsmiddelen en het handelen bij een lekkage komen aan bod.",
                ),
                keywords=("KLIC-melding", "sleuf", "graafschade", "openbare ruimte"),
                levels=(1, 2, 3),
                kinds=(SAFETY,),
                alignment=("MGWW2:B1-K1-W2",),
            ),
            T(
                name="warmtemeters en het meten van warmtelevering",
                task="een warmtemeter plaatsen en uitlezen",
                sentences=(
                    "De warmtemeter berekent de geleverde energie uit het debiet en het temperatuurverschil tussen "
                    "aanvoer en retour.",
                    "Studenten plaatsen een meter op de juiste positie en controleren de voelers.",
                    "Ze rekenen de gemeten gigajoules om naar kilowattuur.",
                ),
                keywords=("warmtemeter", "gigajoule", "debiet", "voeler"),
                levels=(2, 3),
                kinds=("practicum", "zelftoets"),
                alignment=("EMGWW3:P1-K1-W1",),
            ),
        ),
    ),
    "isolatie-renovatie": ThemeContent(
        weight=12,
        keywords=("isolatie", "renovatie", "na-isolatie"),
        sentences=(
            "Isoleren is de eerste stap naar een aardgasvrije woning: wat niet weglekt, hoeft ook niet te worden "
            "opgewekt.",
            "Renoveren in bewoonde woningen vraagt naast vakmanschap ook goede communicatie met de bewoners.",
            "Bouwbedrijven en woningcorporaties zoeken vakmensen die isolatie zorgvuldig en zonder koudebruggen "
            "aanbrengen.",
        ),
        contexts=(
            "in een jarendertigwoning",
            "in een rijtjeswoning uit de jaren zestig",
            "bij een portiekflat van een woningcorporatie",
            "in een bewoonde huurwoning",
            "bij een monumentaal grachtenpand",
        ),
        topics=(
            T(
                name="spouwmuurisolatie",
                task="een spouwmuur inspecteren en na-isoleren",
                sentences=(
                    "Met een endoscoop beoordelen studenten of de spouw schoon en geschikt is voor na-isolatie.",
                    "Ze vergelijken isolatieparels, glaswolvlokken en PUR-schuim op isolatiewaarde en vochtgedrag.",
                    "Het boorpatroon en het dichtmaken van de gaten horen bij de opdracht.",
                ),
                keywords=("spouwmuur", "isolatieparels", "endoscoop", "Rd-waarde"),
                levels=(2, 3),
                kinds=("werkplaatsopdracht", "instructievideo"),
                alignment=("ATIM3:B1-K2-W2",),
            ),
            T(
                name="dakisolatie aan de binnenzijde",
                task="een hellend dak aan de binnenkant isoleren en een dampremmende laag aanbrengen",
                sentences=(
                    "Studenten plaatsen isolatieplaten tussen de gordingen en werken de naden luchtdicht af.",
                    "De juiste plaats van de dampremmer voorkomt inwendige condensatie en houtrot.",
                    "Met een rekenvoorbeeld zien ze hoeveel warmteverlies de maatregel bespaart.",
                ),
                keywords=("dakisolatie", "dampremmer", "condensatie", "Rc-waarde"),
                levels=(2, 3),
                kinds=("werkplaatsopdracht", "handleiding"),
                alignment=("TIM2:B1-K2-W2",),
            ),
            T(
                name="vloer- en bodemisolatie",
                task="een vloer isoleren vanuit een krappe kruipruimte",
                sentences=(
                    "Vanuit de kruipruimte brengen studenten isolatieplaten of spuitisolatie aan tegen de onderkant "
                    "van de vloer.",
                    "De opdracht behandelt de ventilatie van de kruipruimte en het werken in een besloten ruimte.",
                    "Bodemfolie en schelpen worden vergeleken als aanvullende maatregel.",
                ),
                keywords=("vloerisolatie", "kruipruimte", "bodemisolatie"),
                levels=(1, 2),
                kinds=("instructievideo", "zelftoets"),
                alignment=("TIM2:B1-K2-W2",),
            ),
            T(
                name="kierdichting en luchtdichtheid",
                task="kieren en naden opsporen en luchtdicht afwerken",
                sentences=(
                    "Tocht kost energie en comfort: met een rookpen en een blowerdoortest sporen studenten lekken op.",
                    "Ze kiezen per situatie het juiste kierdichtingsprofiel, kit of tape.",
                    "De opdracht laat zien waarom luchtdicht bouwen altijd samengaat met goed ventileren.",
                ),
                keywords=("kierdichting", "blowerdoortest", "luchtdichtheid", "tocht"),
                levels=(1, 2, 3),
                kinds=("practicum", "werkplaatsopdracht"),
                alignment=("TIM2:P1-K1-W2",),
            ),
            T(
                name="koudebruggen",
                task="koudebruggen herkennen op een warmtebeeld en oplossingen bedenken",
                sentences=(
                    "Een koudebrug is een plek in de schil waar warmte veel sneller weglekt dan elders.",
                    "Studenten analyseren warmtebeelden van echte woningen en tekenen detailoplossingen voor lateien, "
                    "balkons en aansluitingen.",
                    "Ze leren ook waarom schimmel vaak juist op die plekken ontstaat.",
                ),
                keywords=("koudebrug", "warmtebeeld", "schimmel", "detaillering"),
                levels=(3, 4),
                kinds=("casus", "overzichtsplaat"),
                alignment=("ATIM3:B1-K2-W3",),
            ),
            T(
                name="renoveren in bewoonde woningen",
                task="een renovatie in een bewoonde woning plannen en met de bewoners afstemmen",
                sentences=(
                    "Bij een renovatie blijven de bewoners vaak thuis: overlast beperken en duidelijke afspraken zijn "
                    "dan essentieel.",
                    "Studenten stellen een bewonersbrief op, plannen de werkzaamheden per dag en oefenen een "
                    "keukentafelgesprek.",
                    "De casus volgt een corporatie die een blok van veertig woningen verduurzaamt.",
                ),
                keywords=("bewoners", "bewonerscommunicatie", "planning", "corporatie"),
                levels=(3, 4),
                kinds=("casus", "presentatie"),
                alignment=("MKFB4:P1-K1-W1",),
            ),
            T(
                name="asbest herkennen bij renovatie",
                task="verdacht asbesthoudend materiaal herkennen en het werk veilig stilleggen",
                sentences=(
                    "In woningen van voor 1994 kan asbest zitten in golfplaten, vensterbanken, vloerzeil of "
                    "leidingisolatie.",
                    "Na de instructie herkennen studenten verdachte materialen en weten ze dat ze het werk dan direct "
                    "stilleggen en de uitvoerder waarschuwen.",
                    "Asbest verwijderen mag alleen een gecertificeerd bedrijf.",
                ),
                keywords=("asbest", "asbestinventarisatie", "veiligheid"),
                levels=(1, 2, 3),
                kinds=(SAFETY,),
                alignment=("TIM2:P1-K1-W1",),
            ),
            T(
                name="isolatieglas en kozijnen",
                task="een kozijn met HR++- of triple glas plaatsen en aansluiten",
                sentences=(
                    "Studenten vergelijken enkel glas, HR++ en triple glas op U-waarde en geluidwering.",
                    "Ze plaatsen een kozijn, zetten het waterpas en werken de aansluiting op de gevel waterdicht en "
                    "luchtdicht af.",
                    "De kosten en de besparing per jaar worden samen doorgerekend.",
                ),
                keywords=("HR++", "triple glas", "kozijn", "U-waarde"),
                levels=(2, 3),
                kinds=("werkplaatsopdracht", "rekenopdracht"),
                alignment=("TIM2:B1-K2-W1",),
            ),
        ),
    ),
    "energieneutraal-bouwen": ThemeContent(
        weight=6,
        keywords=("energieneutraal bouwen", "BENG", "nieuwbouw"),
        sentences=(
            "Nieuwe gebouwen moeten voldoen aan de BENG-eisen: weinig energievraag, weinig fossiele energie en veel "
            "hernieuwbare energie.",
            "Energieneutraal bouwen vraagt nauwe samenwerking tussen aannemer, installateur en ontwerper.",
            "Prefab en houtbouw veranderen het werk op de bouwplaats snel.",
        ),
        contexts=(
            "bij een rij nieuwbouwwoningen",
            "bij een nieuw schoolgebouw",
            "bij een appartementengebouw in houtbouw",
            "bij een nieuw bedrijfspand",
        ),
        topics=(
            T(
                name="de BENG-eisen",
                task="de drie BENG-indicatoren van een nieuwbouwwoning bepalen",
                sentences=(
                    "BENG 1 gaat over de energiebehoefte, BENG 2 over het primair fossiel energiegebruik en BENG 3 "
                    "over "
                    "het aandeel hernieuwbare energie.",
                    "Studenten berekenen met een vereenvoudigd rekenblad de indicatoren voor een voorbeeldwoning.",
                    "Ze onderzoeken welke maatregel het meeste effect heeft.",
                ),
                keywords=("BENG", "energiebehoefte", "hernieuwbare energie", "NTA 8800"),
                levels=(3, 4),
                kinds=("rekenopdracht", "presentatie"),
                alignment=("MKFB4:B1-K1-W2",),
            ),
            T(
                name="prefab gevel- en dakelementen",
                task="prefab gevelelementen stellen en luchtdicht aansluiten",
                sentences=(
                    "Prefab elementen worden in de fabriek gemaakt en op de bouwplaats in korte tijd geplaatst.",
                    "Studenten volgen het stelproces met de kraan en werken de naden tussen de elementen luchtdicht "
                    "af.",
                    "De beelden zijn opgenomen op een bouwplaats van een erkend leerbedrijf.",
                ),
                keywords=("prefab", "gevelelement", "bouwplaats", "kraan"),
                levels=(2, 3),
                kinds=("instructievideo", "werkplaatsopdracht"),
                alignment=("ATIM3:B1-K2-W1",),
            ),
            T(
                name="circulair en biobased bouwen",
                task="biobased en circulaire bouwmaterialen kiezen voor een woning",
                sentences=(
                    "Hout, vlas, hennep en stro slaan CO2 op en zijn goed te hergebruiken.",
                    "Studenten vergelijken materialen op milieuprestatie (MPG), isolatiewaarde en brandveiligheid.",
                    "De les sluit af met een materialenpaspoort voor een voorbeeldwoning.",
                ),
                keywords=("biobased", "circulair bouwen", "houtbouw", "MPG"),
                levels=(3, 4),
                kinds=("presentatie", "casus"),
                alignment=("MKFB4:B1-K1-W2",),
            ),
            T(
                name="een luchtdichte en goed geïsoleerde schil",
                task="een goed geïsoleerde en luchtdichte bouwschil realiseren",
                sentences=(
                    "In een energieneutrale woning is de schil zo goed geïsoleerd dat een kleine warmtepomp volstaat.",
                    "Studenten leren hoe ze luchtdichtingsfolies, tapes en manchetten op de juiste plek verwerken.",
                    "Na afloop controleren ze het resultaat met een blowerdoortest.",
                ),
                keywords=("bouwschil", "luchtdicht bouwen", "qv10"),
                levels=(2, 3),
                kinds=("werkplaatsopdracht", "zelftoets"),
                alignment=("ATIM3:P1-K1-W1",),
            ),
            T(
                name="luchtdichte doorvoeren van installaties",
                task="leidingen en kanalen luchtdicht door de schil voeren",
                sentences=(
                    "Elke doorvoer voor een leiding, kabel of ventilatiekanaal is een mogelijk lek in de schil.",
                    "Installateurs en timmerlieden stemmen af wie welke doorvoer maakt en afwerkt.",
                    "De handleiding bevat foto's van goede en foute voorbeelden.",
                ),
                keywords=("doorvoer", "manchet", "afstemming", "ketensamenwerking"),
                levels=(2, 3),
                kinds=("handleiding",),
                alignment=("ATIM3:P1-K1-W2",),
            ),
            T(
                name="balansventilatie met warmteterugwinning",
                task="een balansventilatiesysteem met warmteterugwinning installeren en inregelen",
                sentences=(
                    "In een luchtdichte woning is gecontroleerde ventilatie onmisbaar voor een gezond binnenklimaat.",
                    "Studenten plaatsen de ventilatie-unit, leggen de kanalen aan en meten de luchthoeveelheden per "
                    "ventiel.",
                    "Ze leren ook hoe je filters vervangt en geluidsoverlast voorkomt.",
                ),
                keywords=("balansventilatie", "WTW", "ventilatie", "binnenklimaat"),
                levels=(2, 3, 4),
                kinds=("werkplaatsopdracht", "instructievideo"),
                alignment=("TIT4:P1-K1-W2",),
            ),
            T(
                name="de oplevering van een energieneutrale woning",
                task="een energieneutrale woning opleveren met een prestatiegarantie",
                sentences=(
                    "Bij een nul-op-de-meterwoning garandeert de bouwer dat de woning over een jaar evenveel energie "
                    "opwekt als ze gebruikt.",
                    "Studenten stellen een opleverdossier samen met meetgegevens, handleidingen en "
                    "onderhoudsafspraken.",
                    "Ze oefenen de overdracht aan de nieuwe bewoners.",
                ),
                keywords=("nul-op-de-meter", "oplevering", "prestatiegarantie", "energieprestatie"),
                levels=(3, 4),
                kinds=("casus",),
                alignment=("MKFB4:B1-K2-W3",),
            ),
        ),
    ),
    "slimme-installaties": ThemeContent(
        weight=9,
        keywords=("slimme installaties", "energiemanagement", "domotica"),
        sentences=(
            "Slimme installaties stemmen verwarming, ventilatie, verlichting en opwek op elkaar af.",
            "Een goed ingesteld gebouwbeheersysteem bespaart al snel tien tot twintig procent energie.",
            "Voor de technicus betekent dit meer werk met software, sensoren en netwerken.",
        ),
        contexts=(
            "in een kantoorgebouw van vier verdiepingen",
            "in een school met een slecht binnenklimaat",
            "in een woning met zonnepanelen en een warmtepomp",
            "in een zorginstelling",
            "in een sporthal",
        ),
        topics=(
            T(
                name="gebouwbeheersystemen",
                task="een gebouwbeheersysteem uitlezen en regelingen aanpassen",
                sentences=(
                    "Een gebouwbeheersysteem verzamelt meetwaarden van sensoren en stuurt pompen, kleppen en "
                    "ventilatoren aan.",
                    "Studenten lezen trends uit, herkennen verspilling en passen tijdprogramma's en setpoints aan.",
                    "De opdracht werkt met een demo-omgeving die op elke laptop draait.",
                ),
                keywords=("gebouwbeheersysteem", "GBS", "setpoint", "sensor"),
                levels=(3, 4),
                kinds=("simulatie", "werkplaatsopdracht"),
                alignment=("TIT4:P1-K1-W2",),
            ),
            T(
                name="energiemonitoring en data-analyse",
                task="energiedata van een gebouw analyseren en besparingen voorstellen",
                sentences=(
                    "Met de gegevens van slimme meters en submeters maken studenten een energieprofiel van een gebouw.",
                    "Ze zoeken naar sluipverbruik, pieken en installaties die 's nachts onnodig aanstaan.",
                    "Hun bevindingen presenteren ze in een kort adviesrapport.",
                ),
                keywords=("energiemonitoring", "data-analyse", "slimme meter", "sluipverbruik"),
                levels=(3, 4),
                kinds=("casus", "rekenopdracht"),
                alignment=("TIT4:P1-K1-W1",),
            ),
            T(
                name="domotica in de woning",
                task="een domoticasysteem voor verlichting en zonwering programmeren",
                sentences=(
                    "Met domotica bedient een bewoner verlichting, zonwering en verwarming via een app of automatisch.",
                    "Studenten bouwen op een oefenbord een KNX-installatie op en programmeren scènes.",
                    "Ook privacy en de digitale veiligheid van slimme apparaten komen aan bod.",
                ),
                keywords=("domotica", "KNX", "smart home", "programmeren"),
                levels=(3, 4),
                kinds=("werkplaatsopdracht", "instructievideo"),
                alignment=("TEI4:P1-K1-W1",),
            ),
            T(
                name="energiemanagementsystemen voor woningen",
                task="een energiemanagementsysteem instellen voor zonnepanelen, warmtepomp en laadpaal",
                sentences=(
                    "Een energiemanagementsysteem (HEMS) bepaalt wanneer de warmtepomp draait, de auto laadt of de "
                    "batterij wordt gevuld.",
                    "Studenten stellen het systeem in op eigen verbruik van zonnestroom en op dynamische "
                    "energietarieven.",
                    "Zo leren ze hoe slimme sturing netcongestie helpt voorkomen.",
                ),
                keywords=("HEMS", "energiemanagementsysteem", "eigen verbruik", "dynamisch tarief"),
                levels=(3, 4),
                kinds=("simulatie", "presentatie"),
                alignment=("EMEI3:P1-K1-W2",),
            ),
            T(
                name="sensoren en het binnenklimaat",
                task="CO2-, temperatuur- en aanwezigheidssensoren plaatsen en testen",
                sentences=(
                    "Een gezond binnenklimaat vraagt om voldoende ventilatie, de juiste temperatuur en weinig tocht.",
                    "Studenten plaatsen sensoren in een lokaal, verzamelen een week lang meetgegevens en maken daar "
                    "grafieken van.",
                    "Ze leggen de metingen naast de richtlijnen voor frisse scholen.",
                ),
                keywords=("CO2-sensor", "binnenklimaat", "Frisse Scholen", "meetgegevens"),
                levels=(2, 3),
                kinds=("practicum",),
                alignment=("TEI4:P1-K1-W2",),
            ),
            T(
                name="netwerken en digitale veiligheid in installaties",
                task="installatiecomponenten veilig op een netwerk aansluiten",
                sentences=(
                    "Steeds meer installaties zijn verbonden met internet, en daarmee ook kwetsbaar.",
                    "Studenten leren over IP-adressen, VLAN's, sterke wachtwoorden en het bijwerken van firmware.",
                    "Met een checklist beoordelen ze de digitale veiligheid van een voorbeeldinstallatie.",
                ),
                keywords=("cybersecurity", "netwerk", "firmware", "IP-adres"),
                levels=(3, 4),
                kinds=("presentatie", "zelftoets"),
                alignment=("TEI4:P1-K1-W2",),
            ),
            T(
                name="monitoring op afstand",
                task="installaties op afstand bewaken en storingen vroeg signaleren",
                sentences=(
                    "Servicebedrijven bewaken steeds vaker installaties op afstand via een portaal.",
                    "Studenten stellen meldingen in, interpreteren storingsmeldingen en beslissen of een monteur langs "
                    "moet.",
                    "De casus laat zien hoe dit voorrijkosten en stilstand bespaart.",
                ),
                keywords=("monitoring op afstand", "serviceportaal", "voorspellend onderhoud"),
                levels=(3, 4),
                kinds=("casus",),
                alignment=("TSO4:P1-K1-W1",),
            ),
        ),
    ),
    "mobiliteit": ThemeContent(
        weight=1,
        keywords=("mobiliteit", "duurzame mobiliteit"),
        sentences=(
            "Het verkeer is verantwoordelijk voor bijna een vijfde van de Nederlandse CO2-uitstoot.",
            "Garages, installateurs en netbeheerders krijgen allemaal te maken met de overstap naar elektrisch "
            "vervoer.",
        ),
        contexts=("bij een autobedrijf in de regio", "bij een busbedrijf dat overstapt op elektrische bussen"),
        topics=(
            T(
                name="duurzame mobiliteit",
                task="de verschillende vormen van duurzame mobiliteit vergelijken",
                sentences=(
                    "Elektrische auto's, deelvervoer, waterstofbussen en de fiets dragen elk op hun eigen manier bij "
                    "aan minder uitstoot.",
                    "Studenten zetten de CO2-uitstoot per kilometer van verschillende vervoermiddelen op een rij.",
                    "Ze bespreken wat de overstap betekent voor garages en installateurs.",
                ),
                keywords=("duurzame mobiliteit", "CO2-uitstoot", "deelmobiliteit"),
                levels=(1, 2, 3),
                kinds=("presentatie",),
            ),
            T(
                name="werken in de mobiliteitsbranche",
                task="een beroepsprofiel opstellen van een technicus elektrische voertuigen",
                sentences=(
                    "De mobiliteitsbranche zoekt technici die zowel mechanica als elektronica en software beheersen.",
                    "Studenten lopen een dag mee en beschrijven de taken, de risico's en de benodigde certificaten.",
                    "Het resultaat is een beroepsprofiel dat ze in de klas presenteren.",
                ),
                keywords=("beroepsprofiel", "autotechnicus", "loopbaan"),
                levels=(2, 3),
                kinds=("casus",),
            ),
        ),
    ),
    "elektrisch-rijden": ThemeContent(
        weight=5,
        keywords=("elektrisch rijden", "elektrische auto", "EV"),
        sentences=(
            "Het aantal elektrische auto's in Nederland groeit snel, en daarmee de vraag naar technici die ermee "
            "kunnen werken.",
            "Werken aan elektrische voertuigen vraagt specifieke kennis van hoogvoltsystemen.",
            "Het materiaal is bruikbaar in de opleidingen mobiliteit en voertuigen en in bijscholing.",
        ),
        contexts=(
            "bij een autobedrijf",
            "bij een deelautoproject in de wijk",
            "bij het wagenpark van een gemeente",
            "bij een taxibedrijf",
        ),
        topics=(
            T(
                name="de opbouw van een elektrische auto",
                task="de hoofdcomponenten van een elektrische auto aanwijzen en uitleggen",
                sentences=(
                    "Studenten leren de functie van het accupakket, de elektromotor, de omvormer en de boordlader.",
                    "Ze vergelijken een volledig elektrische auto met een plug-inhybride.",
                    "Een opengewerkte auto in de werkplaats maakt de theorie zichtbaar.",
                ),
                keywords=("accupakket", "elektromotor", "boordlader", "plug-inhybride"),
                levels=(1, 2, 3),
                kinds=("presentatie", "zelftoets"),
            ),
            T(
                name="veilig werken aan hoogvoltvoertuigen",
                task="een hoogvoltvoertuig veilig spanningsvrij maken",
                sentences=(
                    "Aan hoogvoltsystemen van voertuigen werk je alleen met de juiste instructie en aanwijzing volgens "
                    "NEN 9140.",
                    "De instructie behandelt het spanningsvrij maken, borgen en controleren, en de persoonlijke "
                    "beschermingsmiddelen.",
                    "Studenten oefenen de procedure op een trainingsopstelling.",
                ),
                keywords=("hoogvolt", "NEN 9140", "spanningsvrij maken", "veiligheid"),
                levels=(2, 3, 4),
                kinds=(SAFETY, "instructievideo"),
            ),
            T(
                name="accupakketten en batterijmanagement",
                task="de gezondheid van een accupakket uitlezen en beoordelen",
                sentences=(
                    "Het batterijmanagementsysteem bewaakt temperatuur, laadtoestand en celspanningen.",
                    "Studenten lezen met diagnoseapparatuur de State of Health van een accupakket uit.",
                    "Ze bespreken hoe snelladen en temperatuur de levensduur beïnvloeden.",
                ),
                keywords=("BMS", "State of Health", "accu", "diagnose"),
                levels=(3, 4),
                kinds=("practicum", "casus"),
            ),
            T(
                name="laden en actieradius",
                task="de laadtijd en de actieradius van een elektrische auto berekenen",
                sentences=(
                    "Studenten rekenen met kilowatt en kilowattuur: hoe lang duurt laden met 11 kW thuis en met 150 kW "
                    "langs de snelweg?",
                    "Ze onderzoeken hoe temperatuur en rijstijl het verbruik per kilometer beïnvloeden.",
                    "Ook de verschillende stekkers, zoals type 2 en CCS, komen aan bod.",
                ),
                keywords=("laadtijd", "actieradius", "CCS", "type 2"),
                levels=(1, 2, 3),
                kinds=("rekenopdracht",),
            ),
            T(
                name="storingsdiagnose aan elektrische aandrijflijnen",
                task="een storing in de aandrijflijn van een elektrische auto diagnosticeren",
                sentences=(
                    "Met het uitleesapparaat en de schema's van de fabrikant zoeken studenten de oorzaak van een "
                    "storing.",
                    "Ze meten isolatiewaarden en vergrendelingscircuits zonder de hoogvoltveiligheid uit het oog te "
                    "verliezen.",
                    "De simulatie biedt tien storingsscenario's van oplopende moeilijkheid.",
                ),
                keywords=("diagnose", "aandrijflijn", "uitleesapparaat", "isolatiemeting"),
                levels=(3, 4),
                kinds=("simulatie",),
            ),
            T(
                name="bidirectioneel laden (vehicle-to-grid)",
                task="uitleggen hoe een elektrische auto stroom kan terugleveren aan woning en net",
                sentences=(
                    "Bij bidirectioneel laden gebruikt een woning of het net de accu van de auto als buffer.",
                    "Studenten onderzoeken wat er nodig is aan auto, laadpaal en afspraken met de netbeheerder.",
                    "De les gebruikt voorbeelden van proeven met deelauto's.",
                ),
                keywords=("V2G", "bidirectioneel laden", "vehicle-to-grid"),
                levels=(3, 4),
                kinds=("presentatie",),
            ),
        ),
    ),
    "laadinfrastructuur": ThemeContent(
        weight=8,
        keywords=("laadpaal", "laadpunt", "laadinfrastructuur"),
        sentences=(
            "Nederland heeft honderdduizenden laadpunten en er komen er elk jaar tienduizenden bij.",
            "Een laadpaal aansluiten lijkt eenvoudig, maar vraagt kennis van beveiliging, belasting en communicatie.",
            "Installateurs, netbeheerders en gemeenten werken samen om de laadinfrastructuur uit te breiden.",
        ),
        contexts=(
            "op de oprit van een vrijstaande woning",
            "op de parkeerplaats van een kantoor",
            "bij een appartementencomplex met een parkeergarage",
            "langs de snelweg",
            "op een bedrijventerrein met bestelbussen",
        ),
        topics=(
            T(
                name="de laadpaal thuis",
                task="een laadpaal aan huis installeren en aansluiten",
                sentences=(
                    "Studenten beoordelen of de meterkast geschikt is, kiezen de kabel en de beveiliging en monteren "
                    "de laadpaal.",
                    "De keuze tussen een eenfase- en een driefaseaansluiting wordt doorgerekend.",
                    "Na het aansluiten testen ze de laadpaal met een laadpaaltester.",
                ),
                keywords=("laadpaal", "meterkast", "driefase", "installeren"),
                levels=(2, 3),
                kinds=("werkplaatsopdracht", "instructievideo"),
                alignment=("MEI2:P1-K1-W2",),
            ),
            T(
                name="beveiliging van laadpunten volgens NEN 1010",
                task="de beveiliging van een laadpunt ontwerpen volgens NEN 1010",
                sentences=(
                    "Een laadpunt heeft een eigen groep en een aardlekbeveiliging die ook gelijkstroomlekstromen "
                    "detecteert.",
                    "Studenten kiezen tussen een aardlekschakelaar type B en een type A met DC-detectie in de "
                    "laadpaal.",
                    "Ze controleren de selectiviteit met de rest van de installatie.",
                ),
                keywords=("NEN 1010", "aardlekschakelaar type B", "DC-detectie", "selectiviteit"),
                levels=(3, 4),
                kinds=("toets", "handleiding"),
                alignment=("EMEI3:B1-K2-W2",),
            ),
            T(
                name="slim laden en load balancing",
                task="dynamische load balancing instellen voor meerdere laadpalen",
                sentences=(
                    "Bij meerdere laadpalen op één aansluiting verdeelt load balancing het beschikbare vermogen.",
                    "Studenten configureren de laadpalen via OCPP en stellen een maximaal vermogen per fase in.",
                    "Ze rekenen uit hoeveel auto's een kantoor tegelijk kan laden zonder de aansluiting te verzwaren.",
                ),
                keywords=("load balancing", "slim laden", "OCPP", "netaansluiting"),
                levels=(3, 4),
                kinds=("simulatie", "casus"),
                alignment=("EMEI3:B1-K2-W2",),
            ),
            T(
                name="snellaadstations",
                task="de aansluiting van een snellaadstation voorbereiden",
                sentences=(
                    "Snelladers leveren gelijkstroom met vermogens tot 350 kW en hebben vaak een eigen "
                    "middenspanningsaansluiting.",
                    "Studenten maken een werkvoorbereiding met de netbeheerder, de gemeente en de leverancier.",
                    "Koeling, kabelbeheer en toegankelijkheid voor de gebruiker komen aan bod.",
                ),
                keywords=("snellader", "snelladen", "middenspanning", "gelijkstroom"),
                levels=(3, 4),
                kinds=("casus", "presentatie"),
                alignment=("EMED3:P1-K1-W2",),
            ),
            T(
                name="publieke laadpalen in de wijk",
                task="een publieke laadpaal plaatsen in de openbare ruimte",
                sentences=(
                    "Gemeenten plaatsen laadpalen op aanvraag van bewoners of op basis van een laadvisie.",
                    "Studenten volgen het proces van aanvraag en KLIC-melding tot de aansluiting door de netbeheerder.",
                    "De opdracht behandelt ook bebording, parkeervakken en beheer.",
                ),
                keywords=("publieke laadpaal", "openbare ruimte", "laadvisie"),
                levels=(2, 3),
                kinds=("casus",),
                alignment=("EMED3:B1-K2-W2",),
            ),
            T(
                name="storingen aan laadpalen",
                task="een laadpaal die niet laadt systematisch controleren",
                sentences=(
                    "Veel storingen ontstaan door een uitgevallen aardlekschakelaar, een communicatiefout of een "
                    "defecte laadkabel.",
                    "Met de app van de leverancier en een laadpaaltester volgen studenten een stappenplan.",
                    "Ze leren ook wanneer een storing op afstand is op te lossen.",
                ),
                keywords=("storing", "laadpaaltester", "laadkabel", "communicatie"),
                levels=(2, 3, 4),
                kinds=("werkplaatsopdracht", "zelftoets"),
                alignment=("EMEI3:P1-K1-W3",),
            ),
            T(
                name="inspectie en keuring van laadpunten",
                task="een laadpunt keuren en een meetrapport opstellen",
                sentences=(
                    "Na installatie en daarna periodiek wordt een laadpunt geïnspecteerd op veiligheid en werking.",
                    "Studenten meten de aardverbinding, de uitschakeltijd van de aardlekbeveiliging en de "
                    "isolatieweerstand.",
                    "De meetwaarden leggen ze vast in een standaard meetrapport.",
                ),
                keywords=("keuring", "meetrapport", "uitschakeltijd", "aardverbinding"),
                levels=(3, 4),
                kinds=("practicum",),
                alignment=("MEI2:B1-K2-W3",),
            ),
        ),
    ),
    "energiesysteem": ThemeContent(
        weight=2,
        keywords=("energiesysteem", "energietransitie"),
        sentences=(
            "Het energiesysteem verandert van een paar grote centrales naar miljoenen kleine opwekkers.",
            "Vraag en aanbod van elektriciteit moeten op elk moment in evenwicht zijn.",
        ),
        contexts=("in een stad met veel zonnepanelen en laadpalen", "in een regio met een groot windpark"),
        topics=(
            T(
                name="het Nederlandse energiesysteem",
                task="vraag en aanbod op het elektriciteitsnet in balans houden",
                sentences=(
                    "Het energiesysteem verbindt opwek, transport, opslag en gebruik van energie.",
                    "In de simulatie regelen studenten een dag lang het aanbod van wind- en zonnestroom tegen de vraag "
                    "van een stad.",
                    "Zo ervaren ze waarom flexibiliteit en opslag steeds belangrijker worden.",
                ),
                keywords=("energiesysteem", "balans", "flexibiliteit"),
                levels=(3, 4),
                kinds=("simulatie", "presentatie"),
            ),
            T(
                name="energie-eenheden en rekenen met energie",
                task="rekenen met vermogen, energie en rendement",
                sentences=(
                    "Watt, kilowattuur, joule en kubieke meter aardgas: studenten leren de eenheden omrekenen.",
                    "Met voorbeelden uit het dagelijks leven rekenen ze het verbruik van apparaten uit.",
                    "De opdrachten vormen een goede basis voor alle technische opleidingen.",
                ),
                keywords=("kilowattuur", "vermogen", "rendement", "eenheden"),
                levels=(1, 2, 3),
                kinds=("rekenopdracht", "zelftoets"),
            ),
        ),
    ),
    "netbeheer": ThemeContent(
        weight=6,
        keywords=("netbeheer", "elektriciteitsnet", "distributienet"),
        sentences=(
            "Het elektriciteitsnet raakt op veel plaatsen vol: netbeheerders zoeken duizenden monteurs en technici.",
            "Door zonnepanelen, warmtepompen en laadpalen verandert de belasting van het net ingrijpend.",
            "Werken aan het net gebeurt volgens strikte bedrijfsvoeringsregels.",
        ),
        contexts=(
            "in een nieuwbouwwijk",
            "op een bedrijventerrein met netcongestie",
            "in een dorp met veel zonnepanelen",
            "in een binnenstad",
        ),
        topics=(
            T(
                name="veilig werken volgens NEN 3140",
                task="een werkplek aan een laagspanningsinstallatie veilig inrichten volgens NEN 3140",
                sentences=(
                    "NEN 3140 beschrijft hoe je veilig werkt aan en in de buurt van elektrische installaties.",
                    "De instructie behandelt de rollen installatieverantwoordelijke, werkverantwoordelijke en "
                    "vakbekwaam persoon.",
                    "Met de vijf veiligheidsregels leren studenten spanningsloos werken: vrijschakelen, beveiligen "
                    "tegen terugschakelen, spanningsloosheid controleren, aarden en afschermen.",
                ),
                keywords=("NEN 3140", "vakbekwaam persoon", "spanningsloos werken", "veiligheidsregels"),
                levels=(2, 3, 4),
                kinds=(SAFETY, "toets"),
                alignment=("MEI2:B1-K1-W2", "EMED3:B1-K1-W2"),
            ),
            T(
                name="laagspanningskabels en moffen",
                task="een laagspanningskabel afmonteren en een verbindingsmof maken",
                sentences=(
                    "Studenten leren de opbouw van een laagspanningskabel en het verschil tussen aluminium en koperen "
                    "geleiders.",
                    "Ze maken onder begeleiding een verbindingsmof en een aftakmof op een oefenkabel.",
                    "De kwaliteit wordt beoordeeld met een checklist van de netbeheerder.",
                ),
                keywords=("laagspanning", "kabel", "mof", "aftakmof"),
                levels=(2, 3),
                kinds=("werkplaatsopdracht", "instructievideo"),
                alignment=("EMED3:B1-K2-W1",),
            ),
            T(
                name="de netaansluiting van een woning",
                task="een nieuwe huisaansluiting maken en in bedrijf nemen",
                sentences=(
                    "Een huisaansluiting verbindt de woning met het laagspanningsnet via de aansluitkabel en de "
                    "hoofdaansluitkast.",
                    "Studenten bereiden de aansluiting voor, monteren de meter en nemen de aansluiting in bedrijf.",
                    "Ze leren welke aansluitwaarden er zijn en wanneer een verzwaring nodig is.",
                ),
                keywords=("huisaansluiting", "hoofdaansluitkast", "aansluitwaarde", "verzwaring"),
                levels=(2, 3),
                kinds=("werkplaatsopdracht",),
                alignment=("EMED3:B1-K2-W2",),
            ),
            T(
                name="het netstation",
                task="de onderdelen van een middenspanningsnetstation benoemen en de schakelvolgorde volgen",
                sentences=(
                    "In een netstation wordt middenspanning omgezet naar laagspanning voor de wijk.",
                    "Studenten leren de functie van de transformator, de middenspanningsinstallatie en het "
                    "laagspanningsrek.",
                    "Met een 3D-model lopen ze virtueel door het station.",
                ),
                keywords=("netstation", "transformator", "middenspanning", "schakelen"),
                levels=(3, 4),
                kinds=("simulatie", "presentatie"),
                alignment=("EMED3:P1-K1-W1",),
            ),
            T(
                name="netcongestie en flexibiliteit",
                task="de oorzaken van netcongestie uitleggen en oplossingen vergelijken",
                sentences=(
                    "Netcongestie betekent dat het net op piekmomenten niet meer stroom kan transporteren.",
                    "Studenten onderzoeken oplossingen als netverzwaring, batterijen, slim laden en flexibele "
                    "contracten.",
                    "Aan de hand van een kaart van de netbeheerder bespreken ze de situatie in hun eigen regio.",
                ),
                keywords=("netcongestie", "flexibiliteit", "piekbelasting", "netverzwaring"),
                levels=(3, 4),
                kinds=("presentatie", "casus"),
                alignment=("TIFT4:P1-K1-W1",),
            ),
            T(
                name="netdocumentatie en revisietekeningen",
                task="een revisietekening van een kabeltracé maken en verwerken",
                sentences=(
                    "Na elke aanpassing van het net moet de ligging van kabels nauwkeurig worden vastgelegd.",
                    "Studenten meten een tracé in, tekenen de revisie en verwerken die in het registratiesysteem.",
                    "Ze zien hoe fouten in revisies later tot graafschade leiden.",
                ),
                keywords=("revisie", "kabeltracé", "netdocumentatie", "inmeten"),
                levels=(3, 4),
                kinds=("werkplaatsopdracht",),
                alignment=("TIFT4:B1-K2-W3",),
            ),
            T(
                name="storingen in het laagspanningsnet",
                task="een storing in het laagspanningsnet lokaliseren en verhelpen",
                sentences=(
                    "Een kabelfout kan een hele straat zonder stroom zetten.",
                    "Studenten leren hoe de storingsdienst met meetapparatuur de plek van de fout bepaalt.",
                    "Ze oefenen de communicatie met getroffen klanten en de meldkamer.",
                ),
                keywords=("storingsdienst", "kabelfout", "foutlocatie", "meldkamer"),
                levels=(3, 4),
                kinds=("casus", "simulatie"),
                alignment=("EMED3:B1-K2-W3",),
            ),
        ),
    ),
    "energieopslag": ThemeContent(
        weight=4,
        keywords=("energieopslag", "batterij", "thuisbatterij"),
        sentences=(
            "Energieopslag vangt het verschil op tussen het moment van opwekken en het moment van gebruiken.",
            "Batterijen in woningen, bedrijven en wijken worden belangrijk om het net te ontlasten.",
            "Lithium-ionbatterijen vragen om een zorgvuldige installatie vanwege het brandrisico.",
        ),
        contexts=(
            "in een woning met zonnepanelen",
            "bij een sportvereniging",
            "op een bedrijventerrein met netcongestie",
            "bij een boerderij met een grote zonne-installatie",
        ),
        topics=(
            T(
                name="de thuisbatterij",
                task="een thuisbatterij installeren en koppelen aan een PV-installatie",
                sentences=(
                    "Studenten kiezen een geschikte plek, sluiten de batterij aan op de hybride omvormer en stellen de "
                    "laadstrategie in.",
                    "Ze vergelijken AC- en DC-gekoppelde systemen.",
                    "De opdracht rekent ook door of een thuisbatterij zich terugverdient.",
                ),
                keywords=("thuisbatterij", "hybride omvormer", "AC-gekoppeld", "DC-gekoppeld"),
                levels=(2, 3),
                kinds=("werkplaatsopdracht", "instructievideo"),
                alignment=("EMEI3:P1-K1-W1",),
            ),
            T(
                name="batterijtechnologieën",
                task="batterijtechnologieën vergelijken op capaciteit, levensduur en veiligheid",
                sentences=(
                    "Lithium-ijzerfosfaat, NMC en natrium-ion hebben elk hun voor- en nadelen.",
                    "Studenten leren wat capaciteit, laadcycli, ontladingsdiepte en rendement betekenen.",
                    "Met een tabel maken ze een onderbouwde keuze voor een klant.",
                ),
                keywords=("lithium-ion", "LFP", "laadcycli", "capaciteit"),
                levels=(3, 4),
                kinds=("presentatie", "zelftoets"),
            ),
            T(
                name="brandveiligheid van batterijsystemen",
                task="een batterijsysteem brandveilig opstellen en installeren",
                sentences=(
                    "Bij een thermal runaway kan een lithium-ionbatterij in korte tijd in brand vliegen.",
                    "De instructie behandelt opstelplaats, ventilatie, afstand tot vluchtwegen en de richtlijnen van "
                    "de brandweer.",
                    "Studenten leren ook wat ze doen met een beschadigde batterij.",
                ),
                keywords=("brandveiligheid", "thermal runaway", "PGS 37", "opstelplaats"),
                levels=(2, 3, 4),
                kinds=(SAFETY,),
                alignment=("EMEI3:P1-K1-W1",),
            ),
            T(
                name="buurtbatterijen en opslag op wijkniveau",
                task="de businesscase van een buurtbatterij doorrekenen",
                sentences=(
                    "Een buurtbatterij slaat overdag zonnestroom op voor gebruik in de avond.",
                    "Studenten onderzoeken wie eigenaar is, hoe de opbrengst wordt verdeeld en wat de netbeheerder "
                    "eraan heeft.",
                    "Ze rekenen met de gegevens van een energiecoöperatie.",
                ),
                keywords=("buurtbatterij", "energiecoöperatie", "businesscase"),
                levels=(3, 4),
                kinds=("casus", "rekenopdracht"),
            ),
            T(
                name="warmteopslag en buffervaten",
                task="een buffervat dimensioneren voor een warmtepompinstallatie",
                sentences=(
                    "Niet alleen elektriciteit, ook warmte kun je opslaan, bijvoorbeeld in een buffervat of in de "
                    "bodem.",
                    "Studenten berekenen de benodigde inhoud en leren hoe gelaagdheid in het vat het rendement "
                    "verbetert.",
                    "Ook faseovergangsmaterialen en seizoensopslag komen kort aan bod.",
                ),
                keywords=("warmteopslag", "buffervat", "seizoensopslag", "PCM"),
                levels=(3, 4),
                kinds=("rekenopdracht",),
                alignment=("TIT4:B1-K1-W2",),
            ),
            T(
                name="de sturing van batterijsystemen",
                task="een batterijsysteem laten reageren op zonnestroom en energieprijzen",
                sentences=(
                    "Wat een batterij oplevert, hangt sterk af van slimme sturing.",
                    "In de simulatie laden studenten een batterij op zonnige en bewolkte dagen en bij wisselende "
                    "energieprijzen.",
                    "Ze vergelijken de besparing van verschillende strategieën.",
                ),
                keywords=("sturing", "energieprijzen", "peak shaving"),
                levels=(3, 4),
                kinds=("simulatie",),
                alignment=("EMEI3:P1-K1-W2",),
            ),
        ),
    ),
    "waterstof-groengas": ThemeContent(
        weight=3,
        keywords=("waterstof", "groen gas", "gasnet"),
        sentences=(
            "Waterstof en groen gas kunnen een deel van het aardgas vervangen, vooral in de industrie en in oude "
            "binnensteden.",
            "Het gasnet kan deels worden hergebruikt, maar waterstof vraagt andere kennis en veiligheidsmaatregelen.",
            "Monteurs gas, water en warmte krijgen er nieuwe taken bij.",
        ),
        contexts=(
            "in een proefwijk met waterstofwoningen",
            "bij een vergistingsinstallatie op een boerderij",
            "in de haven",
            "bij een glastuinbouwbedrijf",
        ),
        topics=(
            T(
                name="de eigenschappen van waterstof",
                task="de eigenschappen van waterstof en aardgas vergelijken",
                sentences=(
                    "Waterstof is licht, reukloos en brandt met een bijna onzichtbare vlam.",
                    "Studenten vergelijken explosiegrenzen, energie-inhoud en lekgedrag met die van aardgas.",
                    "Ze leren waarin groene, blauwe en grijze waterstof verschillen.",
                ),
                keywords=("waterstof", "explosiegrens", "groene waterstof"),
                levels=(2, 3, 4),
                kinds=("presentatie", "zelftoets"),
                alignment=("EMGWW3:P1-K1-W2",),
            ),
            T(
                name="veilig werken aan waterstofinstallaties",
                task="veilig werken aan leidingen en toestellen met waterstof",
                sentences=(
                    "Bij waterstof gelden aangepaste regels voor lekzoeken, ventileren en ontstekingsbronnen.",
                    "De instructie behandelt ATEX-zones, gasdetectie en het gebruik van vonkvrij gereedschap.",
                    "Met een praktijkopdracht oefenen studenten het lekzoeken met een waterstofdetector.",
                ),
                keywords=("ATEX", "gasdetectie", "lekzoeken", "veiligheid"),
                levels=(3, 4),
                kinds=(SAFETY,),
                alignment=("EMGWW3:P1-K1-W2",),
            ),
            T(
                name="elektrolyse en de productie van waterstof",
                task="het principe van elektrolyse uitleggen en een demonstratieopstelling bedienen",
                sentences=(
                    "Bij elektrolyse wordt water met elektriciteit gesplitst in waterstof en zuurstof.",
                    "Studenten bouwen een kleine proefopstelling en meten het rendement.",
                    "Ze koppelen de proef aan grote elektrolyseprojecten in Groningen en Rotterdam.",
                ),
                keywords=("elektrolyse", "elektrolyser", "rendement"),
                levels=(2, 3),
                kinds=("practicum",),
            ),
            T(
                name="groen gas uit vergisting",
                task="uitleggen hoe biogas wordt opgewerkt tot groen gas",
                sentences=(
                    "Mest, gft-afval en reststromen worden vergist tot biogas.",
                    "Studenten volgen het opwerken tot aardgaskwaliteit en de invoeding in het gasnet.",
                    "Een excursievideo laat een vergister bij een melkveebedrijf zien.",
                ),
                keywords=("groen gas", "biogas", "vergister", "invoeding"),
                levels=(2, 3),
                kinds=("instructievideo", "presentatie"),
            ),
            T(
                name="gasleidingen geschikt maken voor waterstof",
                task="een bestaande gasleiding beoordelen op geschiktheid voor waterstof",
                sentences=(
                    "Niet elk materiaal is geschikt voor waterstof: sommige staalsoorten worden bros en afdichtingen "
                    "kunnen lekken.",
                    "Studenten inventariseren materialen, koppelingen en meters in een proefwijk.",
                    "Ze stellen een lijst op van onderdelen die vervangen moeten worden.",
                ),
                keywords=("gasleiding", "waterstofbros", "afdichting", "ombouw"),
                levels=(3, 4),
                kinds=("casus", "werkplaatsopdracht"),
                alignment=("EMGWW3:P1-K1-W2",),
            ),
            T(
                name="waterstof in de industrie en het transport",
                task="de rol van waterstof in de industrie en het transport beschrijven",
                sentences=(
                    "De zware industrie en het vrachtvervoer zijn de eerste grote gebruikers van groene waterstof.",
                    "Studenten bestuderen de waterstofketen van productie via opslag en transport tot gebruik.",
                    "De les past ook bij opleidingen procestechniek en logistiek.",
                ),
                keywords=("waterstofketen", "industrie", "transport"),
                levels=(3, 4),
                kinds=("presentatie",),
            ),
        ),
    ),
    "windenergie": ThemeContent(
        weight=4,
        keywords=("windenergie", "windturbine", "windpark"),
        sentences=(
            "Windturbines leveren een groot deel van de Nederlandse duurzame elektriciteit.",
            "Onderhoud aan windturbines vraagt technici die elektrotechniek, mechanica en hydrauliek combineren.",
            "Het werk vindt plaats op grote hoogte en soms ver op zee.",
        ),
        contexts=(
            "in een windpark op land",
            "bij een windturbine op een boerenerf",
            "bij een windpark op zee",
            "bij een burgerwindmolen van een coöperatie",
        ),
        topics=(
            T(
                name="de opbouw van een windturbine",
                task="de hoofdonderdelen van een windturbine benoemen en de energieomzetting uitleggen",
                sentences=(
                    "Studenten volgen de energie van de wieken via de as, de tandwielkast en de generator naar het "
                    "net.",
                    "Ze leren waarom turbines met directe aandrijving geen tandwielkast hebben.",
                    "Een animatie laat zien hoe de gondel met de wind meedraait.",
                ),
                keywords=("gondel", "generator", "tandwielkast", "rotorblad"),
                levels=(1, 2, 3),
                kinds=("presentatie", "zelftoets"),
            ),
            T(
                name="veilig klimmen en werken op hoogte in windturbines",
                task="veilig klimmen in een windturbine met persoonlijke valbeveiliging",
                sentences=(
                    "Technici klimmen via een ladder met valbeveiliging naar de gondel op meer dan honderd meter "
                    "hoogte.",
                    "De instructie sluit aan op de basisveiligheidstraining (GWO) en behandelt redding en evacuatie.",
                    "Studenten oefenen de controle van hun harnas en ankerpunten.",
                ),
                keywords=("werken op hoogte", "GWO", "valbeveiliging", "redding"),
                levels=(2, 3, 4),
                kinds=(SAFETY, "instructievideo"),
            ),
            T(
                name="preventief onderhoud aan windturbines",
                task="een onderhoudsronde in de gondel uitvoeren volgens de checklist",
                sentences=(
                    "Bij preventief onderhoud worden bouten nagetrokken, olie ververst en slijtage gecontroleerd.",
                    "Studenten werken met een digitale checklist en rapporteren afwijkingen met foto's.",
                    "Ze leren prioriteren wanneer het weer maar een kort werkvenster biedt.",
                ),
                keywords=("preventief onderhoud", "checklist", "gondel", "hydrauliek"),
                levels=(3, 4),
                kinds=("werkplaatsopdracht", "casus"),
            ),
            T(
                name="inspectie en reparatie van rotorbladen",
                task="schade aan een rotorblad beoordelen op beelden van een drone-inspectie",
                sentences=(
                    "Erosie aan de voorrand en blikseminslag zijn de meest voorkomende schades aan rotorbladen.",
                    "Studenten beoordelen beelden van een drone-inspectie en classificeren de schade.",
                    "Ze leren welke reparaties met composiet mogelijk zijn.",
                ),
                keywords=("rotorblad", "drone-inspectie", "erosie", "composiet"),
                levels=(3, 4),
                kinds=("casus",),
            ),
            T(
                name="windparken en hun aansluiting op het net",
                task="de aansluiting van een windpark op het hoogspanningsnet beschrijven",
                sentences=(
                    "Een windpark heeft een eigen kabelnet en een transformatorstation dat de spanning verhoogt.",
                    "Studenten berekenen de jaaropbrengst uit de windsnelheid en de vermogenscurve.",
                    "Ook de participatie van omwonenden komt aan bod.",
                ),
                keywords=("windpark", "vermogenscurve", "participatie", "hoogspanning"),
                levels=(3, 4),
                kinds=("rekenopdracht", "presentatie"),
            ),
            T(
                name="werken op een windpark op zee",
                task="je voorbereiden op werk op een windpark op zee",
                sentences=(
                    "Offshore technici werken in ploegen van twee weken en reizen per schip of helikopter naar het "
                    "windpark.",
                    "De video behandelt overstappen op zee, de overlevingstraining en het leven op een "
                    "accommodatieschip.",
                    "Zij-instromers krijgen een eerlijk beeld van het beroep.",
                ),
                keywords=("offshore", "wind op zee", "beroepsbeeld"),
                levels=(2, 3, 4),
                kinds=("instructievideo",),
            ),
        ),
    ),
    "energiediensten": ThemeContent(
        weight=1,
        keywords=("energiediensten", "dienstverlening"),
        sentences=(
            "Bij energiediensten draait het om de klant: van advies tot onderhoud en financiering.",
            "Goede communicatie is net zo belangrijk als technische kennis.",
        ),
        contexts=("bij een energiecoöperatie", "bij een installatiebedrijf met een serviceafdeling"),
        topics=(
            T(
                name="energiediensten en ontzorgen",
                task="de markt voor energiediensten verkennen",
                sentences=(
                    "Steeds meer bedrijven bieden bewoners en ondernemers een totaalpakket: advies, installatie, "
                    "financiering en onderhoud.",
                    "Studenten onderzoeken drie bedrijven en vergelijken hun diensten.",
                    "Ze bespreken welke rol een mbo-vakkracht in zo'n bedrijf speelt.",
                ),
                keywords=("energiediensten", "ontzorgen", "dienstverlening"),
                levels=(3, 4),
                kinds=("casus",),
            ),
            T(
                name="klantgericht werken in de energietransitie",
                task="een lastig klantgesprek over verduurzaming voeren",
                sentences=(
                    "Bewoners hebben vaak vragen over kosten, overlast en de betrouwbaarheid van nieuwe technieken.",
                    "Studenten oefenen met een acteur of medestudent een gesprek met een kritische klant.",
                    "Een observatieformulier helpt om feedback te geven.",
                ),
                keywords=("klantgesprek", "communicatie", "gespreksvaardigheden"),
                levels=(2, 3, 4),
                kinds=("werkplaatsopdracht",),
            ),
        ),
    ),
    "energieadvies": ThemeContent(
        weight=8,
        keywords=("energieadvies", "energiecoach", "verduurzaming"),
        sentences=(
            "Energieadviseurs en energiecoaches helpen bewoners bij de stap naar een zuinig en aardgasvrij huis.",
            "Een goed advies begint met luisteren: wat wil en kan de bewoner?",
            "Gemeenten zetten energiecoaches in om energiearmoede aan te pakken.",
        ),
        contexts=(
            "bij een gezin met een hoge energierekening",
            "bij een oudere bewoner van een huurwoning",
            "bij een VvE van een appartementencomplex",
            "bij de eigenaar van een jarendertigwoning",
            "bij een ondernemer met een winkelpand",
        ),
        topics=(
            T(
                name="de woningopname",
                task="een woning opnemen voor een energielabel",
                sentences=(
                    "Studenten leren welke gegevens ze bij een opname verzamelen: isolatie, installaties, glas en "
                    "ventilatie.",
                    "Ze maken foto's als bewijslast en werken met een opnameformulier volgens NTA 8800.",
                    "Een oefenwoning op school maakt de opdracht realistisch.",
                ),
                keywords=("woningopname", "energielabel", "NTA 8800", "bewijslast"),
                levels=(3, 4),
                kinds=("werkplaatsopdracht", "handleiding"),
                alignment=("ADGI4:B1-K1-W1", "MEA3:B1-K2-W1"),
            ),
            T(
                name="het energielabel",
                task="het energielabel van een woning bepalen en uitleggen",
                sentences=(
                    "Het energielabel drukt de energieprestatie uit in kilowattuur per vierkante meter per jaar.",
                    "Studenten bepalen het label van een voorbeeldwoning en leggen de klassen A++++ tot en met G uit.",
                    "Ze bespreken wat het label wel en niet zegt over de energierekening.",
                ),
                keywords=("energielabel", "energieprestatie", "labelklasse"),
                levels=(2, 3, 4),
                kinds=("toets", "presentatie"),
                alignment=("ADGI4:B1-K1-W2",),
            ),
            T(
                name="het maatwerkadvies",
                task="een maatwerkadvies opstellen met een stappenplan voor verduurzaming",
                sentences=(
                    "Een maatwerkadvies laat zien welke maatregelen in welke volgorde het meeste opleveren.",
                    "Studenten berekenen besparing, investering en terugverdientijd van isolatie, een hybride "
                    "warmtepomp en zonnepanelen.",
                    "Ze presenteren het advies in begrijpelijke taal aan de bewoner.",
                ),
                keywords=("maatwerkadvies", "stappenplan", "terugverdientijd"),
                levels=(3, 4),
                kinds=("casus", "rekenopdracht"),
                alignment=("ADGI4:B1-K2-W1",),
            ),
            T(
                name="het huisbezoek van de energiecoach",
                task="een huisbezoek als energiecoach voorbereiden en uitvoeren",
                sentences=(
                    "De energiecoach geeft tips over gedrag en brengt kleine maatregelen aan, zoals radiatorfolie en "
                    "tochtstrips.",
                    "Studenten oefenen gesprekstechnieken met bewoners die weinig Nederlands spreken of geldzorgen "
                    "hebben.",
                    "Een checklist helpt om het bezoek goed vast te leggen.",
                ),
                keywords=("energiecoach", "huisbezoek", "kleine maatregelen", "energiearmoede"),
                levels=(2, 3),
                kinds=("casus", "handleiding"),
                alignment=("MEA3:B1-K2-W2", "MEA3:B1-K1-W1"),
            ),
            T(
                name="subsidies en financiering voor verduurzaming",
                task="een bewoner wegwijs maken in subsidies en leningen voor verduurzaming",
                sentences=(
                    "Er zijn landelijke en gemeentelijke subsidies, zoals de ISDE, en leningen via het Warmtefonds.",
                    "Studenten zoeken voor drie huishoudens uit welke regelingen van toepassing zijn.",
                    "Omdat regelingen vaak veranderen, leren ze vooral waar ze actuele informatie vinden.",
                ),
                keywords=("subsidie", "ISDE", "Warmtefonds", "financiering"),
                levels=(3, 4),
                kinds=("casus", "zelftoets"),
                alignment=("ADGI4:B1-K2-W3",),
            ),
            T(
                name="de keuze tussen warmtepomp, warmtenet en hybride",
                task="een bewoner adviseren over de keuze tussen warmtepomp, warmtenet en hybride oplossing",
                sentences=(
                    "Welke warmteoplossing past, hangt af van de woning, de wijk en de plannen van de gemeente.",
                    "Studenten vergelijken een all-electric warmtepomp, een hybride warmtepomp en een aansluiting op "
                    "het warmtenet.",
                    "Ze wegen comfort, kosten, geluid en ruimtebeslag tegen elkaar af.",
                ),
                keywords=("warmtepomp", "hybride warmtepomp", "warmtenet", "advies"),
                levels=(3, 4),
                kinds=("casus", "presentatie"),
                alignment=("ADGI4:P1-K1-W1",),
            ),
            T(
                name="bewonersbijeenkomsten in de wijk",
                task="een bewonersbijeenkomst over de wijkaanpak organiseren",
                sentences=(
                    "In een wijkaanpak krijgen bewoners tegelijk informatie over isolatie, warmte en subsidies.",
                    "Studenten organiseren een bijeenkomst, maken een uitnodiging en bereiden een korte presentatie "
                    "voor.",
                    "Na afloop verwerken ze de vragen en de aanmeldingen.",
                ),
                keywords=("bewonersbijeenkomst", "wijkaanpak", "participatie"),
                levels=(2, 3),
                kinds=("werkplaatsopdracht",),
                alignment=("MEA3:P1-K1-W1", "MEA3:P1-K1-W2"),
            ),
        ),
    ),
}

# Sentences any generated description may use, so that no single word occurs in every document.
DIDACTIC_SENTENCES: tuple[str, ...] = (
    "Het materiaal is getest met studenten van twee roc's en daarna verbeterd.",
    "Docenten kunnen de opdracht zonder aanpassingen gebruiken in een blok van acht weken.",
    "Studenten werken zelfstandig of in tweetallen en bespreken het resultaat met de docent.",
    "Er is een beoordelingsrubric met vier niveaus bijgevoegd.",
    "Het taalgebruik is eenvoudig gehouden (taalniveau B1), zodat ook anderstalige studenten het kunnen volgen.",
    "Het materiaal past goed in een bbl-traject, omdat de opdrachten in het leerbedrijf kunnen worden uitgevoerd.",
    "De praktijkopleider houdt met de aftekenlijst bij welke onderdelen de student beheerst.",
    "Voor zij-instromers met werkervaring in een ander vak is er een verkorte route.",
    "Het materiaal is ontwikkeld samen met een erkend leerbedrijf uit de regio.",
    "Bij de opdracht horen reflectievragen over samenwerken en communiceren op de werkplek.",
    "De docentenhandleiding geeft tips voor differentiatie en extra uitdaging.",
    "Alle afbeeldingen en tekeningen mogen onder dezelfde licentie worden hergebruikt.",
    "De teksten zijn ook voorgelezen beschikbaar voor studenten met dyslexie.",
    "De opdracht kan ook worden ingezet in een hybride leeromgeving samen met het bedrijfsleven.",
    "Studenten leggen hun werk vast in een portfolio met foto's en een korte toelichting.",
    "Een korte kennisclip vat de belangrijkste begrippen samen.",
    "Het werkblad is beschikbaar als bewerkbaar document, zodat scholen het kunnen aanpassen.",
    "De opdracht sluit aan op de examinering in de beroepspraktijk.",
    "Er zijn varianten voor de bol- en de bbl-leerweg.",
    "Het materiaal is na een evaluatie met docenten herzien.",
    "De benodigde materialen zijn in de meeste praktijklokalen aanwezig.",
    "In een nabespreking vergelijken studenten hun aanpak met die van een ervaren vakman.",
    "Studenten met weinig voorkennis beginnen met een korte instapopdracht.",
    "Per onderdeel staat aangegeven hoeveel tijd het ongeveer kost.",
    "Het materiaal is gemaakt door een docententeam in samenwerking met de branchevereniging.",
    "De opdracht leent zich goed voor een projectweek met bedrijven uit de buurt.",
    "Een quiz aan het begin activeert de voorkennis van de groep.",
    "De opdracht is eenvoudig uit te breiden met een bedrijfsbezoek.",
    "Studenten geven elkaar feedback met een eenvoudig feedbackformulier.",
    "De instructies zijn ook in het Engels beschikbaar voor internationale studenten.",
)

CONTEXT_SENTENCES: tuple[str, ...] = (
    "Het voorbeeld in dit materiaal speelt zich af {context}.",
    "De opdrachten zijn uitgewerkt voor een situatie {context}.",
    "Als praktijkvoorbeeld dient een project {context}.",
)

LEVEL_SENTENCES: dict[int, tuple[str, ...]] = {
    1: (
        "Geschikt voor de entreeopleiding (mbo niveau 1).",
        "Bedoeld voor studenten in de entreeopleiding die kennismaken met techniek.",
    ),
    2: (
        "Geschikt voor mbo niveau 2, bijvoorbeeld voor de opleiding tot monteur.",
        "Het niveau past bij een basisberoepsopleiding.",
    ),
    3: ("Geschikt voor mbo niveau 3 (vakopleiding).", "Bedoeld voor eerste monteurs in opleiding."),
    4: (
        "Geschikt voor mbo niveau 4 (middenkaderopleiding).",
        "Het niveau past bij technici en werkvoorbereiders in opleiding.",
    ),
}

# Materials in English, for the language filter. (theme, kind, title, description, keywords, levels, licence)
ENGLISH_MATERIALS: tuple[tuple[str, str, str, str, tuple[str, ...], tuple[int, ...], str], ...] = (
    (
        "warmtepompen",
        "presentatie",
        "Heat pump basics: the refrigerant cycle explained",
        "An English-language lecture for international students and staff on how a heat pump moves heat: "
        "evaporator, compressor, condenser and expansion valve. It explains the coefficient of performance (COP) "
        "and why low flow temperatures matter. Suitable for mbo levels 3 and 4 and for bilingual programmes.",
        ("heat pump", "COP", "refrigerant cycle"),
        (3, 4),
        "cc-by-40",
    ),
    (
        "zon-pv",
        "rekenopdracht",
        "Solar PV string sizing with manufacturer datasheets",
        "Worked examples and exercises on sizing strings for a solar PV inverter from manufacturer datasheets: "
        "open-circuit voltage at low temperature, the MPP voltage range and the maximum input current. Answers "
        "are included for teachers.",
        ("solar PV", "inverter", "string sizing"),
        (3, 4),
        "cc-by-sa-40",
    ),
    (
        "windenergie",
        "instructievideo",
        "A day at work as an offshore wind technician",
        "A short documentary following two technicians on an offshore wind farm: the transfer by boat, the "
        "climb, maintenance in the nacelle and life on the service vessel. In English with Dutch subtitles; "
        "useful for career orientation.",
        ("offshore wind", "career", "wind turbine"),
        (2, 3, 4),
        "cc-by-nc-sa-40",
    ),
    (
        "laadinfrastructuur",
        "presentatie",
        "Smart charging and OCPP: an introduction",
        "Slides on how charge points communicate with back-office systems through the Open Charge Point "
        "Protocol (OCPP), and how smart charging and load balancing keep a grid connection within its limits.",
        ("smart charging", "OCPP", "charge point", "laadpaal"),
        (3, 4),
        "cc-by-40",
    ),
    (
        "waterstof-groengas",
        SAFETY,
        "Hydrogen safety for installers",
        "Safety briefing on working with hydrogen: flammability range, leak detection, ventilation and "
        "ignition sources, ATEX zones and personal protective equipment. Includes a short self-check quiz.",
        ("hydrogen", "safety", "ATEX"),
        (3, 4),
        "cc-by-40",
    ),
    (
        "energieopslag",
        "handleiding",
        "Home battery installation checklist",
        "A checklist for installing a home battery with a hybrid inverter: location and fire safety, cabling "
        "and protection, commissioning and the handover to the customer.",
        ("home battery", "hybrid inverter", "checklist"),
        (2, 3),
        "cc0-10",
    ),
)


@dataclass(frozen=True)
class QueueMaterial:
    """A curated material that is not (or no longer) published: it shows the moderation queue and the archive."""

    organisation: str
    theme: str
    kind: str
    title: str
    description: str
    keywords: tuple[str, ...]
    levels: tuple[int, ...]
    licence: str
    state: str
    comment: str = ""


ROC = "ROC Vechtstreek"
VAKSCHOOL = "Vakschool Installatietechniek Midden"

QUEUE_MATERIALS: tuple[QueueMaterial, ...] = (
    QueueMaterial(
        organisation=ROC,
        theme="warmtepompen",
        kind="werkplaatsopdracht",
        title="Werkplaatsopdracht: een warmtepompboiler plaatsen en aansluiten",
        description=(
            "Studenten plaatsen een warmtepompboiler in een bijkeuken, sluiten de luchtkanalen en het tapwater aan "
            "en nemen het toestel in bedrijf. Nog in ontwikkeling: de foto's van de aansluitingen en het "
            "beoordelingsformulier volgen."
        ),
        keywords=("warmtepompboiler", "tapwater", "warmtepomp"),
        levels=(2, 3),
        licence="cc-by-sa-40",
        state=Status.DRAFT,
    ),
    QueueMaterial(
        organisation=ROC,
        theme="laadinfrastructuur",
        kind="toets",
        title="Kennistoets: slim laden en load balancing (mbo 3)",
        description=(
            "Twintig meerkeuzevragen en drie open vragen over slim laden, load balancing en de communicatie tussen "
            "laadpaal en beheersysteem (OCPP). Met antwoordmodel en normering."
        ),
        keywords=("laadpaal", "slim laden", "load balancing", "OCPP"),
        levels=(3,),
        licence="cc-by-40",
        state=Status.SUBMITTED,
    ),
    QueueMaterial(
        organisation=ROC,
        theme="zon-pv",
        kind="instructievideo",
        title="Instructievideo: een PV-installatie spanningsloos maken voor onderhoud",
        description=(
            "In zeven minuten laat een monteur zien hoe je een zonnestroominstallatie veilig spanningsloos maakt: "
            "omvormer uit, DC-scheider open, controleren met de juiste meter en het werk markeren. Met kijkvragen."
        ),
        keywords=("zon-PV", "omvormer", "spanningsloos", "NEN 3140"),
        levels=(2, 3),
        licence="cc-by-nc-sa-40",
        state=Status.SUBMITTED,
    ),
    QueueMaterial(
        organisation=VAKSCHOOL,
        theme="slimme-installaties",
        kind="casus",
        title="Casus: een storing in de klimaatregeling van een basisschool",
        description=(
            "Leerkrachten klagen over koude lokalen in de ochtend en benauwde lokalen na de lunch. Studenten "
            "analyseren de trends in het gebouwbeheersysteem, vinden de fout in het tijdprogramma en stellen een "
            "verbeterplan op."
        ),
        keywords=("gebouwbeheersysteem", "binnenklimaat", "storing"),
        levels=(3, 4),
        licence="cc-by-40",
        state=Status.SUBMITTED,
    ),
    QueueMaterial(
        organisation=ROC,
        theme="isolatie-renovatie",
        kind="werkplaatsopdracht",
        title="Werkplaatsopdracht: een houten vloer isoleren in een jarendertigwoning",
        description=(
            "Studenten isoleren een houten vloer vanuit de kruipruimte met isolatieplaten en werken de randen "
            "luchtdicht af. Met een materiaallijst en een aftekenlijst."
        ),
        keywords=("vloerisolatie", "kruipruimte", "jarendertigwoning"),
        levels=(2,),
        licence="cc-by-sa-40",
        state=Status.RETURNED,
        comment=(
            "Goede opzet. Voeg nog een korte risico-inventarisatie toe voor het werken in de kruipruimte, en "
            "controleer de licentie van de foto's op pagina 3: die lijken van een fabrikant te komen."
        ),
    ),
    QueueMaterial(
        organisation=ROC,
        theme="zon-pv",
        kind="handleiding",
        title="Handleiding: de salderingsregeling uitgelegd voor klanten",
        description=(
            "Uitleg voor klanten over het salderen van zonnestroom met de energierekening. Gearchiveerd: de "
            "salderingsregeling stopt per 2027; gebruik de rekenopdracht over de terugverdientijd van zon-PV."
        ),
        keywords=("saldering", "zonnepanelen", "energierekening"),
        levels=(3, 4),
        licence="cc-by-40",
        state=Status.ARCHIVED,
    ),
)

# A second version of these curated materials is published, as a moderator would after feedback.
SECOND_VERSIONS: dict[str, str] = {
    "Practicum: de COP van een lucht-waterwarmtepomp meten en berekenen": (
        "Herziene versie: met een nieuw meetformulier, een rekenblad dat de COP direct uitrekent en een "
        "voorbeeldmeting bij een buitentemperatuur van 2 °C."
    ),
    "Werkplaatsopdracht: een omvormer aansluiten en in bedrijf nemen": (
        "Herziene versie: de stappen zijn aangepast aan de nieuwste omvormers met app-configuratie, en er is een "
        "beoordelingsrubric toegevoegd."
    ),
    "Werkplaatsopdracht: een laadpaal aan huis installeren en aansluiten": (
        "Herziene versie: met een extra onderdeel over load balancing en nieuwe foto's van een driefaseaansluiting."
    ),
}

FIRST_NAMES = (
    "Anouk",
    "Bram",
    "Chantal",
    "Daan",
    "Esra",
    "Femke",
    "Gerrit",
    "Hanneke",
    "Ilse",
    "Joost",
    "Karim",
    "Linda",
    "Mohamed",
    "Nienke",
    "Olaf",
    "Priya",
    "Quinten",
    "Rachid",
    "Sophie",
    "Thijs",
    "Ursula",
    "Vincent",
    "Wendy",
    "Yusuf",
    "Zoë",
    "Bart",
    "Marloes",
    "Sevda",
    "Noor",
    "Erik",
)
SURNAMES = (
    "Bakker",
    "van den Berg",
    "de Bruijn",
    "Claassen",
    "Dekker",
    "Evers",
    "Gerritsen",
    "de Haan",
    "Hoekstra",
    "Jacobs",
    "Kok",
    "Kuipers",
    "Lammers",
    "Maas",
    "Nijland",
    "Oosterhuis",
    "Postma",
    "Rademaker",
    "Schouten",
    "Timmermans",
    "Veenstra",
    "Verhoeven",
    "Wijnands",
    "Yıldız",
    "Zwart",
    "El Idrissi",
    "Öztürk",
    "Wouters",
    "van Beek",
    "Brinkman",
)

LICENCE_WEIGHTS: dict[str, float] = {
    "cc-by-40": 30,
    "cc-by-sa-40": 26,
    "cc-by-nc-sa-40": 22,
    "cc-by-nc-40": 6,
    "cc0-10": 7,
    "cc-by-nd-40": 3,
    "cc-by-nc-nd-40": 2,
    "yes": 3,
    "pdm-10": 0.5,
    "no": 0.5,
}

REVIEW_TEXTS: dict[int, tuple[str, ...]] = {
    5: (
        "Heel bruikbaar in mijn lessen: duidelijke opbouw en goede foto's. Mijn studenten gingen er direct mee aan "
        "de slag.",
        "Precies wat we zochten voor onze bbl-groep. De aftekenlijst gebruiken we nu ook in het leerbedrijf.",
        "Uitstekend materiaal dat goed aansluit op het werkproces en de examenpraktijk.",
    ),
    4: (
        "Goed materiaal. Ik heb de opdracht iets ingekort voor niveau 2, verder kon alles zo gebruikt worden.",
        "Sterke opdracht; de docentenhandleiding mag wat uitgebreider.",
        "Duidelijke uitleg. Een paar foto's zijn wat verouderd, maar de inhoud klopt.",
    ),
    3: (
        "Inhoudelijk in orde, maar voor onze studenten te veel tekst. Met meer beeldmateriaal zou het beter werken.",
        "Bruikbaar als basis; we hebben de rekenvoorbeelden aangepast aan onze eigen praktijkopstelling.",
    ),
    2: (
        "De opdracht gaat uit van apparatuur die wij niet hebben. Een alternatief zou helpen.",
        "Niet meer helemaal actueel: de regels zijn intussen veranderd.",
    ),
    1: ("De link naar de bijlage werkt niet en het antwoordmodel bevat fouten.",),
}

# Who reviews, by the local part of their demo e-mail address.
REVIEWERS = ("coordinator", "coach", "praktijkopleider", "kijker", "auteur", "moderator", "beheerder")


@dataclass(frozen=True)
class CollectionData:
    title: str
    description: str
    is_public: bool
    actor: str  # local part of the demo user who makes it
    organisation: str  # empty: a personal collection of the actor
    pick: Callable[[Material], bool]
    limit: int


@dataclass(frozen=True)
class Material:
    """A curated material, ready to be shared through the services."""

    theme: str
    kind: str
    title: str
    description: str
    keywords: tuple[str, ...]
    levels: tuple[int, ...]
    alignment: tuple[str, ...] = ()
    language: str = "nl"
    licence: str = ""  # empty: drawn from LICENCE_WEIGHTS


COLLECTIONS: tuple[CollectionData, ...] = (
    CollectionData(
        title="Startpakket warmtepompen mbo 3",
        description=(
            "Alles voor de eerste lesweken warmtepompen in het derde leerjaar: theorie, een practicum COP, "
            "inregelen en de veiligheidsinstructie F-gassen."
        ),
        is_public=True,
        actor="auteur",
        organisation=ROC,
        pick=lambda m: m.theme == "warmtepompen" and 3 in m.levels,
        limit=8,
    ),
    CollectionData(
        title="Veilig werken aan PV-installaties",
        description=(
            "Veiligheidsinstructies en opdrachten voor werk aan zonnestroominstallaties: werken op hoogte, "
            "NEN 1010, NEN 3140 en spanningsloos werken."
        ),
        is_public=True,
        actor="moderator",
        organisation=VAKSCHOOL,
        pick=lambda m: (
            (m.theme == "zon-pv" and ("NEN" in m.title or m.kind == SAFETY or "hoogte" in m.title))
            or (m.theme == "netbeheer" and m.kind == SAFETY)
        ),
        limit=8,
    ),
    CollectionData(
        title="Lesweek laadpalen – klas EI3B",
        description="Mijn planning voor de lesweek laadinfrastructuur in periode 3.",
        is_public=False,
        actor="auteur",
        organisation="",
        pick=lambda m: m.theme == "laadinfrastructuur" and m.language == "nl",
        limit=6,
    ),
    CollectionData(
        title="Praktijkopdrachten voor de bbl-leerling",
        description=(
            "Opdrachten die mijn bbl-leerlingen in ons bedrijf kunnen uitvoeren, met een aftekenlijst voor de "
            "praktijkopleider."
        ),
        is_public=True,
        actor="praktijkopleider",
        organisation="",
        pick=lambda m: m.kind == "werkplaatsopdracht" and bool({2, 3} & set(m.levels)),
        limit=10,
    ),
    CollectionData(
        title="Training energiecoaches najaar",
        description="Materiaal voor de training van de nieuwe groep energiecoaches.",
        is_public=False,
        actor="coordinator",
        organisation="",
        pick=lambda m: m.theme == "energieadvies",
        limit=6,
    ),
    CollectionData(
        title="Oriëntatie op de energietransitie voor zij-instromers",
        description=(
            "Een eerste kennismaking met het werk in de energietransitie, voor werkzoekenden en zij-instromers "
            "die meelopen bij een leerbedrijf."
        ),
        is_public=True,
        actor="coach",
        organisation="",
        pick=lambda m: 1 in m.levels,
        limit=8,
    ),
    CollectionData(
        title="Keuzedeel netcongestie en flexibiliteit (in ontwikkeling)",
        description="Bouwstenen voor een nieuw keuzedeel over netcongestie, opslag en slim laden.",
        is_public=False,
        actor="beheerder",
        organisation=ROC,
        pick=lambda m: m.theme in ("netbeheer", "energieopslag") and 4 in m.levels,
        limit=6,
    ),
)


# ---------------------------------------------------------------------------------------------------------------
# Loading
# ---------------------------------------------------------------------------------------------------------------


@transaction.atomic
def load(*, scale: int = 1) -> None:
    """Load the demo materials; running it again adds nothing that is already there.

    Needs the core demo (organisations and demo users); uses the framework demo when it is loaded.
    """
    people = _People.load()
    themes = list(Theme.objects.select_related("parent").order_by("position"))
    if not ResourceVersion.objects.filter(resource__is_fictitious=True, location__startswith=CURATED_URL).exists():
        # Every publish, review and adaptation would index its material on its own; once at the end is enough.
        with index.deferred():
            _load_curated(people, themes)
    if scale > 1:
        _load_generated(people, themes, total=GENERATED_PER_SCALE * scale)


@dataclass(frozen=True)
class _People:
    """The demo users, and who shares and who publishes for each organisation."""

    admin: User
    users: dict[str, User]  # by the local part of their e-mail address
    roles: dict[int, dict[str, str]]  # organisation id -> local part -> role

    @classmethod
    def load(cls) -> _People:
        admin = User.objects.filter(email=demo_email(PLATFORM_ADMIN)).first()
        if admin is None:
            raise RuntimeError("Load the core demo first: the library demo needs its organisations and users.")
        by_email = {demo_email(d.local_part): d.local_part for d in DEMO_USERS}
        users = {by_email[user.email]: user for user in User.objects.filter(email__in=by_email)}
        roles: dict[int, dict[str, str]] = {}
        for membership in Membership.objects.filter(user__in=users.values()).select_related("user"):
            roles.setdefault(membership.organisation_id, {})[by_email[membership.user.email]] = membership.role
        return cls(admin=admin, users=users, roles=roles)

    def _member(self, organisation: Organisation, preferred_roles: Sequence[str]) -> User:
        members = self.roles.get(organisation.pk, {})
        for role in preferred_roles:
            for local_part, member_role in members.items():
                if member_role == role:
                    return self.users[local_part]
        return self.admin

    def author_for(self, organisation: Organisation) -> User:
        return self._member(organisation, (Role.AUTHOR, Role.COORDINATOR, Role.MODERATOR, Role.ADMIN))

    def moderator_for(self, organisation: Organisation) -> User:
        return self._member(organisation, (Role.MODERATOR, Role.ADMIN))

    def has_members(self, organisation: Organisation) -> bool:
        return organisation.pk in self.roles


def _levels() -> dict[int, str]:
    """mbo level (1–4) → OBK concept UUID."""
    by_label = {label: uuid for uuid, label in vocabularies.levels().items()}
    prefixes = {1: "MBO, Niveau 1", 2: "MBO, Niveau 2", 3: "MBO, Niveau 3", 4: "MBO, Niveau 4"}
    return {
        level: next(uuid for label, uuid in by_label.items() if label.startswith(prefix))
        for level, prefix in prefixes.items()
    }


def _theme_content(theme: Theme) -> ThemeContent:
    """The building blocks of a theme; a theme added to the table later gets a plain introduction."""
    content = THEME_CONTENT.get(theme.code)
    if content is not None:
        return content
    name = theme.name_nl.lower()
    return ThemeContent(
        weight=1,
        keywords=(name,),
        sentences=(f"{theme.name_nl} is een van de thema's van de energietransitie in het mbo.",),
        contexts=("in de eigen regio",),
        topics=(
            Topic(
                name=f"{name} in de beroepspraktijk",
                task=f"het werk rond {name} in de beroepspraktijk verkennen",
                sentences=(
                    f"Studenten verkennen welk werk er rond {name} is en welke vakmensen het doen.",
                    "Ze interviewen een vakman en presenteren wat ze hebben geleerd.",
                ),
                keywords=(name, "beroepsoriëntatie"),
                levels=(1, 2, 3, 4),
                kinds=("presentatie",),
            ),
        ),
    )


def _weighted(rng: random.Random, weights: dict[str, float]) -> str:
    return rng.choices(list(weights), weights=list(weights.values()))[0]


def _level_sentence(levels: Sequence[int]) -> str:
    numbers = [str(level) for level in sorted(levels)]
    listed = numbers[0] if len(numbers) == 1 else f"{', '.join(numbers[:-1])} en {numbers[-1]}"
    return f"Geschikt voor mbo niveau {listed}."


def _curated_materials(themes: Sequence[Theme]) -> list[Material]:
    materials: list[Material] = []
    for theme in themes:
        content = _theme_content(theme)
        for number, topic in enumerate(content.topics):
            context = content.contexts[number % len(content.contexts)]
            for variant, kind_code in enumerate(topic.kinds):
                kind = KINDS[kind_code]
                fields = {"name": topic.name, "task": topic.task, "context": context}
                description = " ".join(
                    [
                        kind.openings[(number + variant) % len(kind.openings)].format(**fields),
                        *topic.sentences,
                        content.sentences[(number + variant) % len(content.sentences)],
                        _level_sentence(topic.levels),
                        kind.closing,
                    ]
                )
                materials.append(
                    Material(
                        theme=theme.code,
                        kind=kind_code,
                        title=kind.title.format(**fields),
                        description=description,
                        keywords=(*topic.keywords, content.keywords[0], kind.keyword),
                        levels=topic.levels,
                        alignment=topic.alignment,
                    )
                )
    codes = {theme.code for theme in themes}
    for theme_code, kind_code, title, description, keywords, levels, licence in ENGLISH_MATERIALS:
        if theme_code in codes:
            materials.append(
                Material(
                    theme=theme_code,
                    kind=kind_code,
                    title=title,
                    description=description,
                    keywords=keywords,
                    levels=levels,
                    language="en",
                    licence=licence,
                )
            )
    return materials


def _version_data(
    rng: random.Random, material: Material | QueueMaterial, levels: dict[int, str], licence: str
) -> dict[str, Any]:
    kind = KINDS[material.kind]
    return {
        "title": material.title,
        "description": material.description,
        "keywords": list(dict.fromkeys(material.keywords)),
        "language": getattr(material, "language", "nl"),
        "location": f"{CURATED_URL}{slugify(material.title)}",
        "educational_levels": [levels[level] for level in material.levels],
        "learning_resource_types": list(kind.types),
        "intended_end_user_roles": list(kind.roles),
        "aggregation_level": kind.aggregation,
        "typical_learning_time": rng.choice(kind.minutes),
        "cost": licence == "yes" and rng.random() < 0.5,
        "licence": licence,
    }


def _authors(rng: random.Random, author: User, publisher: Organisation, count: int) -> list[services.AuthorData]:
    """The people credited: the demo user who shares it (unless that is the platform admin) and colleagues."""
    names: list[services.AuthorData] = []
    if not author.is_superuser:
        names.append(services.AuthorData(name=author.get_full_name(), organisation=publisher.name))
    while len(names) < count:
        name = f"{rng.choice(FIRST_NAMES)} {rng.choice(SURNAMES)}"
        if all(existing.name != name for existing in names):
            names.append(services.AuthorData(name=name, organisation=publisher.name))
    return names


def _work_processes() -> dict[str, WorkProcess]:
    """Work processes of the adopted framework version by "<qualification key>:<code>"; empty without it."""
    keys = {(data.name, data.level): data.key for data in QUALIFICATIONS}
    rows = WorkProcess.objects.filter(
        core_task__qualification__dossier__version__slug=VERSION_2026.slug
    ).select_related("core_task__qualification")
    found: dict[str, WorkProcess] = {}
    for work_process in rows:
        qualification = work_process.core_task.qualification
        key = keys.get((qualification.name, qualification.level))
        if key:
            found[f"{key}:{work_process.code}"] = work_process
    return found


def _alignment(refs: Sequence[str], work_processes: dict[str, WorkProcess]) -> services.Alignment | None:
    found = [work_processes[ref] for ref in refs if ref in work_processes]
    return services.Alignment(work_processes=found) if found else None


def _publishers() -> list[Organisation]:
    """Schools, universities of applied sciences and sector associations of the core demo (not generated ones)."""
    kinds = [OrganisationKind.SCHOOL, OrganisationKind.HOGESCHOOL, OrganisationKind.BRANCH]
    return list(
        Organisation.objects.filter(is_fictitious=True, kind__in=kinds)
        .exclude(slug__startswith="demo-")
        .prefetch_related("themes")
        .order_by("name")
    )


def _pick_publisher(
    rng: random.Random, people: _People, publishers: Sequence[Organisation], theme: Theme
) -> Organisation:
    """Mostly the organisations of the demo author and moderator, else one that works on the theme."""
    codes = {theme.code, theme.parent.code if theme.parent else ""}
    weights = [
        6.0 if people.has_members(organisation) else 3.0 if codes & {t.code for t in organisation.themes.all()} else 1.0
        for organisation in publishers
    ]
    return rng.choices(list(publishers), weights=weights)[0]


def _load_curated(people: _People, themes: Sequence[Theme]) -> None:
    rng = random.Random(2026)  # noqa: S311 - reproducible demo content, not security
    levels = _levels()
    by_code = {theme.code: theme for theme in themes}
    work_processes = _work_processes()
    publishers = _publishers()
    if not publishers:
        raise RuntimeError("Load the core demo first: the library demo needs its schools.")

    published: list[tuple[Material, ResourceVersion]] = []
    for material in _curated_materials(themes):
        theme = by_code[material.theme]
        publisher = _pick_publisher(rng, people, publishers, theme)
        author = people.author_for(publisher)
        licence = material.licence or _weighted(rng, LICENCE_WEIGHTS)
        version = services.resource_create(
            actor=author,
            publisher=publisher,
            data=_version_data(rng, material, levels, licence),
            themes=[theme],
            authors=_authors(rng, author, publisher, rng.choice((1, 1, 2, 2, 3))),
            alignment=_alignment(material.alignment, work_processes),
            is_fictitious=True,
        )
        services.version_submit(actor=author, version=version)
        services.version_publish(actor=people.moderator_for(publisher), version=version)
        published.append((material, version))

    _backdate(rng, [version for _, version in published])
    _review(rng, people, published)
    _publish_second_versions(people, published)
    _adapt(people, published)
    _collect(people, published)
    _load_queue(rng, people, by_code, levels)


def _backdate(rng: random.Random, versions: Sequence[ResourceVersion]) -> None:
    """Spread the publication dates over the last two years, so "newest first" has something to sort.

    The services stamp the time of the call; the audit log keeps that moment, the materials get a history.
    """
    now = timezone.now()
    resources = []
    for version in versions:
        published_at = now - timedelta(days=rng.randint(10, 730), minutes=rng.randint(0, 24 * 60))
        version.created_at = published_at - timedelta(days=rng.randint(1, 30))
        version.submitted_at = published_at - timedelta(hours=rng.randint(1, 96))
        version.published_at = version.modified_at = published_at
        version.resource.created_at = version.created_at
        resources.append(version.resource)
    ResourceVersion.objects.bulk_update(
        versions, ["created_at", "submitted_at", "published_at", "modified_at"], batch_size=BATCH_SIZE
    )
    Resource.objects.bulk_update(resources, ["created_at"], batch_size=BATCH_SIZE)
    index.index_resources([version.resource_id for version in versions])


def _review(rng: random.Random, people: _People, published: Sequence[tuple[Material, ResourceVersion]]) -> None:
    """Approved reviews on about one in five materials, and two that wait for moderation."""
    reviewers = [people.users[name] for name in REVIEWERS if name in people.users]
    if not reviewers:
        return
    rated = [version for number, (_, version) in enumerate(published) if number % 5 == 2]
    for version in rated:
        candidates = [user for user in reviewers if user.pk != version.created_by_id]
        for reviewer in rng.sample(candidates, k=min(len(candidates), rng.randint(1, 4))):
            rating = rng.choices((5, 4, 3, 2, 1), weights=(40, 35, 15, 7, 3))[0]
            review = services.review_create(
                actor=reviewer, version=version, rating=rating, text=rng.choice(REVIEW_TEXTS[rating])
            )
            services.review_moderate(
                actor=people.moderator_for(version.resource.publisher), review=review, approve=True
            )
    waiting = [version for number, (_, version) in enumerate(published) if number % 5 == 4][:2]
    for version, (rating, text) in zip(waiting, ((4, REVIEW_TEXTS[4][1]), (2, REVIEW_TEXTS[2][0])), strict=False):
        reviewer = next(user for user in reviewers if user.pk != version.created_by_id)
        services.review_create(actor=reviewer, version=version, rating=rating, text=text)


def _publish_second_versions(people: _People, published: Sequence[tuple[Material, ResourceVersion]]) -> None:
    for material, version in published:
        change = SECOND_VERSIONS.get(material.title)
        if change is None:
            continue
        resource = version.resource
        moderator = people.moderator_for(resource.publisher)
        draft = services.version_new_draft(actor=moderator, resource=resource)
        # version_update replaces themes and authors with what it is given, so the current ones are passed on.
        services.version_update(
            actor=moderator,
            version=draft,
            data={"description": f"{version.description} {change}"},
            themes=list(draft.themes.all()),
            authors=[services.AuthorData(a.name, a.organisation) for a in draft.authors.all()],
        )
        services.version_submit(actor=moderator, version=draft)
        services.version_publish(actor=moderator, version=draft)


def _adapt(people: _People, published: Sequence[tuple[Material, ResourceVersion]]) -> None:
    """Adaptations (bewerkingen) by the demo author and moderator of openly licensed materials of other schools."""
    adapters = [
        organisation
        for organisation in Organisation.objects.filter(name__in=[ROC, VAKSCHOOL], is_fictitious=True).order_by("name")
        if not people.author_for(organisation).is_superuser
    ]
    sources = [
        version
        for material, version in published
        if material.language == "nl" and version.licence in ("cc-by-40", "cc-by-sa-40")
    ]
    for number, organisation in enumerate(adapters * 2):
        author = people.author_for(organisation)
        source = next((v for v in sources if v.resource.publisher_id != organisation.pk), None)
        if source is None:
            return
        sources.remove(source)
        draft = services.adaptation_create(actor=author, source=source, publisher=organisation, licence="cc-by-sa-40")
        audience = ("de bbl", "niveau 2")[number % 2]
        services.version_update(
            actor=author,
            version=draft,
            data={
                "title": f"{source.title} (bewerkt voor {audience})",
                "description": (
                    f"Bewerking voor {audience} van het gelijknamige materiaal van {source.resource.publisher.name}: "
                    f"ingekort, in eenvoudiger taal en met opdrachten die de student in het leerbedrijf uitvoert. "
                    f"{source.description}"
                ),
                "location": f"{CURATED_URL}bewerking-{slugify(source.title)}-{organisation.slug}",
            },
            themes=list(draft.themes.all()),
            authors=[
                *[services.AuthorData(a.name, a.organisation) for a in draft.authors.all()],
                services.AuthorData(author.get_full_name(), organisation.name),
            ],
        )
        services.version_submit(actor=author, version=draft)
        services.version_publish(actor=people.moderator_for(organisation), version=draft)


def _collect(people: _People, published: Sequence[tuple[Material, ResourceVersion]]) -> None:
    organisations = {o.name: o for o in Organisation.objects.filter(name__in={c.organisation for c in COLLECTIONS})}
    resources = Resource.objects.in_bulk([version.resource_id for _, version in published])
    created: list[int] = []
    for data in COLLECTIONS:
        actor = people.users.get(data.actor)
        organisation = organisations.get(data.organisation) if data.organisation else None
        if actor is None or (data.organisation and organisation is None):
            continue
        collection = services.collection_create(
            actor=actor,
            title=data.title,
            description=data.description,
            is_public=data.is_public,
            organisation=organisation,
        )
        created.append(collection.pk)
        picked = [version.resource_id for material, version in published if data.pick(material)][: data.limit]
        for resource_id in picked:
            services.collection_add(actor=actor, collection=collection, resource=resources[resource_id])
    # collection_create has no is_fictitious argument; the demo marks its own collections afterwards.
    Collection.objects.filter(pk__in=created).update(is_fictitious=True)


def _load_queue(rng: random.Random, people: _People, themes: dict[str, Theme], levels: dict[int, str]) -> None:
    """Materials in every other state: a draft, submitted ones, one returned with a comment, one archived."""
    organisations = {o.name: o for o in Organisation.objects.filter(name__in={q.organisation for q in QUEUE_MATERIALS})}
    for material in QUEUE_MATERIALS:
        publisher = organisations.get(material.organisation)
        if publisher is None or material.theme not in themes:
            continue
        author = people.author_for(publisher)
        moderator = people.moderator_for(publisher)
        version = services.resource_create(
            actor=author,
            publisher=publisher,
            data=_version_data(rng, material, levels, material.licence),
            themes=[themes[material.theme]],
            authors=_authors(rng, author, publisher, 1),
            is_fictitious=True,
        )
        if material.state == Status.DRAFT:
            continue
        services.version_submit(actor=author, version=version)
        if material.state == Status.RETURNED:
            services.version_return(actor=moderator, version=version, comment=material.comment)
        elif material.state == Status.ARCHIVED:
            services.version_publish(actor=moderator, version=version)
            services.resource_archive(actor=moderator, resource=version.resource)


# ---------------------------------------------------------------------------------------------------------------
# Generated volume for measurements: bulk inserts, one indexing pass.
# ---------------------------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class _Generated:
    """One generated material as database rows (see the column lists below)."""

    resource: tuple[Any, ...]
    version: tuple[Any, ...]
    theme_ids: list[int]
    authors: list[tuple[str, str]]
    reviews: list[tuple[int, int, str, Any]]  # (reviewer id, rating, text, written at)
    work_process_ids: list[int]


RESOURCE_COLUMNS = (
    "id",
    "publisher",
    "created_at",
    "source",
    "oai_identifier",
    "current",
    "download_count",
    "is_fictitious",
)
VERSION_COLUMNS = (
    "id",
    "resource",
    "number",
    "status",
    *METADATA_FIELDS,
    "moderator_comment",
    "created_at",
    "modified_at",
    "submitted_at",
    "published_at",
    "published_by",
)


class _Generator:
    """Draws one fictitious material at a time from the building blocks, with a skewed vocabulary.

    Themes have weights, topics within a theme follow a Zipf-like curve and sentences are sampled, so a
    search for a word or two finds a few dozen to a few thousand of 100,000 materials, not all of them.
    Values come out ready for the database driver (datetimes and JSON adapted by the backend).
    """

    def __init__(self, people: _People, themes: Sequence[Theme], publishers: Sequence[Organisation]) -> None:
        self.rng = random.Random(4711)  # noqa: S311 - reproducible demo content, not security
        self.now = timezone.now()
        self.levels = _levels()
        self.themes = [(theme, _theme_content(theme)) for theme in themes]
        self.theme_weights = list(accumulate(content.weight for _, content in self.themes))
        self.topic_weights = {
            theme.code: list(accumulate(1 / (rank + 1) for rank in range(len(content.topics))))
            for theme, content in self.themes
        }
        self.related = {theme.code: [t.pk for t in themes if t.parent_id == theme.parent_id] for theme in themes}
        self.kinds = list(KIND_WEIGHTS)
        self.kind_weights = list(accumulate(KIND_WEIGHTS.values()))
        self.licences = list(LICENCE_WEIGHTS)
        self.licence_weights = list(accumulate(LICENCE_WEIGHTS.values()))
        core_kinds = (OrganisationKind.SCHOOL, OrganisationKind.HOGESCHOOL, OrganisationKind.BRANCH)
        self.schools = [o for o in publishers if o.kind in core_kinds and not o.slug.startswith("demo-")]
        self.others = [o for o in publishers if o not in self.schools] or self.schools
        self.work_processes = {ref: wp.pk for ref, wp in _work_processes().items()}
        self.reviewers = [people.users[name].pk for name in REVIEWERS if name in people.users]
        self.published_by = people.admin.pk
        self.moment = connection.ops.adapt_datetimefield_value
        self.json = functools.partial(connection.ops.adapt_json_value, encoder=None)

    def material(self, number: int, resource_id: int, version_id: int) -> _Generated:
        rng = self.rng
        theme, content = self.themes[self._index(self.theme_weights)]
        topic = content.topics[self._index(self.topic_weights[theme.code])]
        kind = KINDS[self._kind(topic)]
        context = rng.choice(content.contexts)
        levels = self._levels_of(topic)
        publisher = rng.choice(self.others) if rng.random() < 0.6 else rng.choice(self.schools)
        harvested = rng.random() < 0.08
        published_at = self.now - timedelta(seconds=rng.randrange(3 * 365 * 24 * 3600))
        created_at = published_at - timedelta(days=rng.randint(0, 40), seconds=rng.randrange(86400))
        english = rng.random() < 0.01
        if english:
            title, description, keywords = self._english(number)
        else:
            title = self._title(kind, topic, context, levels)
            description = self._description(content, topic, kind, context, levels)
            keywords = [
                rng.choice(content.keywords),
                *rng.sample(topic.keywords, min(2, len(topic.keywords))),
                kind.keyword,
            ]
        licence = self.licences[self._index(self.licence_weights)]
        resource = (
            resource_id,
            publisher.pk,
            self.moment(created_at),
            Source.HARVESTED if harvested else Source.WATTWIJS,
            f"oai:leermiddelen.demo.wattwijs.example:{number}" if harvested else "",
            version_id,
            int(rng.paretovariate(1.3) * 4) - 4,
            True,
        )
        version = (
            version_id,
            resource_id,
            1,
            Status.PUBLISHED,
            title[:250],
            description,
            self.json(list(dict.fromkeys(keywords))),
            "en" if english else "nl",
            f"{GENERATED_URL}{number:07d}",
            self.json([self.levels[level] for level in levels]),
            self.json(list(kind.types)),
            self.json(list(kind.roles)),
            kind.aggregation,
            rng.choice(kind.minutes),
            licence == "yes" and rng.random() < 0.5,
            licence,
            "",
            self.moment(created_at),
            self.moment(published_at),
            None if harvested else self.moment(published_at - timedelta(hours=rng.randint(1, 72))),
            self.moment(published_at),
            None if harvested else self.published_by,
        )
        theme_ids = [theme.pk]
        if rng.random() < 0.25:
            other = rng.choice(self.related[theme.code])
            if other != theme.pk:
                theme_ids.append(other)
        authors = [
            (f"{rng.choice(FIRST_NAMES)} {rng.choice(SURNAMES)}", publisher.name)
            for _ in range(rng.choice((1, 1, 1, 2, 2, 3)))
        ]
        return _Generated(
            resource=resource,
            version=version,
            theme_ids=theme_ids,
            authors=list(dict.fromkeys(authors)),
            reviews=self._reviews(published_at),
            work_process_ids=self._work_process_ids(topic),
        )

    def _index(self, cumulative: Sequence[float]) -> int:
        return self.rng.choices(range(len(cumulative)), cum_weights=cumulative)[0]

    def _kind(self, topic: Topic) -> str:
        if SAFETY in topic.kinds and self.rng.random() < 0.5:
            return SAFETY
        return self.kinds[self._index(self.kind_weights)]

    def _levels_of(self, topic: Topic) -> list[int]:
        first = self.rng.choice(topic.levels)
        if self.rng.random() < 0.3 and first + 1 in topic.levels:
            return [first, first + 1]
        return [first]

    def _title(self, kind: Kind, topic: Topic, context: str, levels: list[int]) -> str:
        title = kind.title.format(name=topic.name, task=topic.task, context=context)
        suffix = self.rng.random()
        if suffix < 0.25:
            return f"{title} (mbo {levels[0]})"
        if suffix < 0.40 and "{context}" not in kind.title:
            return f"{title} {context}"
        if suffix < 0.50:
            return f"{title}, deel {self.rng.randint(1, 4)}"
        if suffix < 0.55:
            return f"{title} (bbl)"
        if suffix < 0.60:
            return f"{title} voor zij-instromers"
        return title

    def _description(self, content: ThemeContent, topic: Topic, kind: Kind, context: str, levels: list[int]) -> str:
        rng = self.rng
        fields = {"name": topic.name, "task": topic.task, "context": context}
        parts = [rng.choice(kind.openings).format(**fields)]
        parts += rng.sample(topic.sentences, min(len(topic.sentences), rng.choice((2, 2, 3))))
        parts.append(rng.choice(content.sentences))
        if rng.random() < 0.6:
            parts.append(rng.choice(CONTEXT_SENTENCES).format(context=context))
        parts += rng.sample(DIDACTIC_SENTENCES, rng.choice((1, 2, 2)))
        if rng.random() < 0.7:
            parts.append(rng.choice(LEVEL_SENTENCES[levels[0]]))
        if rng.random() < 0.7:
            parts.append(kind.closing)
        parts.append(GENERATED_NOTE)
        return " ".join(parts)

    def _english(self, number: int) -> tuple[str, str, list[str]]:
        _, _, title, description, keywords, _, _ = self.rng.choice(ENGLISH_MATERIALS)
        return f"{title} (module {number % 7 + 1})", f"{description} {GENERATED_NOTE_EN}", list(keywords)

    def _reviews(self, published_at: datetime) -> list[tuple[int, int, str, Any]]:
        if not self.reviewers or self.rng.random() >= 0.08:
            return []
        reviews = []
        for reviewer in self.rng.sample(self.reviewers, min(len(self.reviewers), self.rng.randint(1, 4))):
            rating = self.rng.choices((5, 4, 3, 2, 1), weights=(35, 35, 18, 8, 4))[0]
            written_at = min(self.now, published_at + timedelta(days=self.rng.randint(1, 120)))
            reviews.append((reviewer, rating, self.rng.choice(REVIEW_TEXTS[rating]), self.moment(written_at)))
        return reviews

    def _work_process_ids(self, topic: Topic) -> list[int]:
        if not topic.alignment or self.rng.random() >= 0.3:
            return []
        return [self.work_processes[ref] for ref in topic.alignment if ref in self.work_processes]


def _load_generated(people: _People, themes: Sequence[Theme], *, total: int) -> None:
    """Generate published materials until there are ``total`` published fictitious ones, then index them once."""
    published = (
        Resource.objects.filter(is_fictitious=True)
        .filter(Exists(ResourceVersion.objects.filter(resource=OuterRef("pk"), status=Status.PUBLISHED)))
        .count()
    )
    missing = total - published
    if missing <= 0:
        return
    start = ResourceVersion.objects.filter(location__startswith=GENERATED_URL).count()
    publishers = list(
        Organisation.objects.filter(is_fictitious=True)
        .exclude(kind__in=[OrganisationKind.MUNICIPALITY, OrganisationKind.UWV])
        .only("pk", "name", "slug", "kind")
        .order_by("pk")
    )
    generator = _Generator(people, themes, publishers)
    content_type = ContentType.objects.get_for_model(ResourceVersion)
    # Explicit ids let a resource name its current version before that row exists (both foreign keys are
    # checked at commit), so no UPDATE of 100,000 rows is needed afterwards. The demo loader runs alone; a
    # concurrent writer could take the same ids and make the load fail (nothing half-written: one transaction).
    first_resource = (Resource.objects.aggregate(last=Max("pk"))["last"] or 0) + 1
    first_version = (ResourceVersion.objects.aggregate(last=Max("pk"))["last"] or 0) + 1
    for offset in range(0, missing, GENERATED_CHUNK):
        rows = [
            generator.material(start + number + 1, first_resource + number, first_version + number)
            for number in range(offset, min(missing, offset + GENERATED_CHUNK))
        ]
        _insert(rows, content_type)
    with connection.cursor() as cursor:
        for statement in connection.ops.sequence_reset_sql(no_style(), [Resource, ResourceVersion]):
            cursor.execute(statement)
    refresh_statistics(Resource, ResourceVersion, ResourceVersion.themes.through, Author, Review, FrameworkAlignment)
    index.index_resources(range(first_resource, first_resource + missing))


def _insert(rows: list[_Generated], content_type: ContentType) -> None:
    """Insert one chunk of generated materials with their themes, authors, reviews and alignments."""
    moment = connection.ops.adapt_datetimefield_value(timezone.now())
    insert_rows(Resource, RESOURCE_COLUMNS, [row.resource for row in rows])
    insert_rows(ResourceVersion, VERSION_COLUMNS, [row.version for row in rows])
    insert_rows(
        ResourceVersion.themes.through,
        ("resourceversion", "theme"),
        [(row.version[0], theme_id) for row in rows for theme_id in row.theme_ids],
    )
    insert_rows(
        Author,
        ("version", "name", "organisation", "position"),
        [
            (row.version[0], name, organisation, position)
            for row in rows
            for position, (name, organisation) in enumerate(row.authors)
        ],
    )
    insert_rows(
        Review,
        ("version", "author", "rating", "text", "status", "created_at"),
        [
            (row.version[0], reviewer, rating, text, Review.Status.APPROVED, written_at)
            for row in rows
            for reviewer, rating, text, written_at in row.reviews
        ],
    )
    insert_rows(
        FrameworkAlignment,
        ("content_type", "object_id", "work_process", "created_at"),
        [
            (content_type.pk, row.version[0], work_process, moment)
            for row in rows
            for work_process in row.work_process_ids
        ],
    )
