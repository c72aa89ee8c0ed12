"""A judged set of Dutch queries over the demo materials, for nDCG@10.

Each query maps titles of curated demo materials to a grade: 3 = exactly what the teacher looks
for, 2 = clearly useful, 1 = related. Materials not listed count as 0. The judgments were made by
reading the titles and descriptions, before looking at any ranking.
"""

from __future__ import annotations

JUDGMENTS: dict[str, dict[str, int]] = {
    "warmtepomp": {
        "Lespresentatie: de werking van de warmtepomp": 3,
        "Kennistoets: de werking van de warmtepomp": 3,
        "Overzichtsplaat: de werking van de warmtepomp": 3,
        "Werkplaatsopdracht: een storing aan een warmtepomp systematisch opsporen": 2,
        "Werkplaatsopdracht: een hybride warmtepomp naast een bestaande cv-ketel installeren": 2,
        "Rekenopdracht: rendement en COP van warmtepompen": 2,
        "Practicum: de COP van een lucht-waterwarmtepomp meten en berekenen": 2,
        "Heat pump basics: the refrigerant cycle explained": 1,
    },
    "warmtepompen": {
        "Rekenopdracht: rendement en COP van warmtepompen": 3,
        "Casus: onderhoud en storingsdiagnose aan warmtepompen in een nieuwbouwwoning met vloerverwarming": 3,
        "Lespresentatie: de werking van de warmtepomp": 2,
        "Kennistoets: de werking van de warmtepomp": 2,
    },
    "hybride warmtepomp": {
        "Werkplaatsopdracht: een hybride warmtepomp naast een bestaande cv-ketel installeren": 3,
        "Instructievideo: een hybride warmtepomp naast een bestaande cv-ketel installeren": 3,
        "Casus: de keuze tussen warmtepomp, warmtenet en hybride bij een gezin met een hoge energierekening": 2,
        "Lespresentatie: de keuze tussen warmtepomp, warmtenet en hybride": 2,
    },
    "cop berekenen": {
        "Practicum: de COP van een lucht-waterwarmtepomp meten en berekenen": 3,
        "Rekenopdracht: rendement en COP van warmtepompen": 3,
    },
    "warmtepomp inregelen": {
        "Werkplaatsopdracht: een warmtepompinstallatie waterzijdig inregelen en de stooklijn instellen": 3,
        "Simulatie: een warmtepompinstallatie waterzijdig inregelen en de stooklijn instellen": 3,
    },
    "storing warmtepomp": {
        "Werkplaatsopdracht: een storing aan een warmtepomp systematisch opsporen": 3,
        "Casus: onderhoud en storingsdiagnose aan warmtepompen in een nieuwbouwwoning met vloerverwarming": 3,
    },
    "f-gassen": {
        "Kennistoets: veilig werken met koudemiddelen en F-gassen": 3,
        "Veiligheidsinstructie: veilig en volgens de F-gassenverordening werken aan een koudemiddelcircuit": 3,
    },
    "omvormer aansluiten": {
        "Werkplaatsopdracht: een omvormer aansluiten en in bedrijf nemen": 3,
        "Instructievideo: een omvormer aansluiten en in bedrijf nemen": 3,
        "Solar PV string sizing with manufacturer datasheets": 1,
    },
    "zonnepanelen": {
        "Lespresentatie: de opbouw van een PV-installatie": 2,
        "Zelftoets: de opbouw van een PV-installatie": 2,
        "Werkplaatsopdracht: een montagesysteem op een pannendak monteren": 2,
        "Casus: storingen in het laagspanningsnet in een dorp met veel zonnepanelen": 1,
    },
    "zon-pv opbrengst": {
        "Simulatie: de jaaropbrengst van een zon-PV-systeem berekenen": 3,
        "Rekenopdracht: opbrengstberekeningen voor zonnestroom": 3,
    },
    "pv installatie nen 1010": {
        "Kennistoets: het aansluiten van een PV-installatie volgens NEN 1010": 3,
        "Werkplaatsopdracht: een PV-groep in de meterkast aansluiten volgens NEN 1010": 3,
    },
    "storing zonnestroominstallatie": {
        "Simulatie: een storing in een zonnestroominstallatie opsporen en verhelpen": 3,
        "Casus: storingen aan zonnestroominstallaties op een agrarisch bedrijf met een grote schuur": 3,
    },
    "veilig werken op het dak": {
        "Veiligheidsinstructie: veilig werken op een hellend dak": 3,
        "Instructievideo: veilig werken op een hellend dak": 3,
    },
    "nen 3140": {
        "Kennistoets: veilig werken volgens NEN 3140": 3,
        "Veiligheidsinstructie: een werkplek aan een laagspanningsinstallatie veilig inrichten volgens NEN 3140": 3,
        "Practicum: een bestaande PV-installatie inspecteren volgens NEN 3140": 2,
    },
    "laadpaal installeren": {
        "Werkplaatsopdracht: een laadpaal aan huis installeren en aansluiten": 3,
        "Instructievideo: een laadpaal aan huis installeren en aansluiten": 3,
    },
    "laadpaal storing": {
        "Werkplaatsopdracht: een laadpaal die niet laadt systematisch controleren": 3,
        "Zelftoets: storingen aan laadpalen": 3,
    },
    "load balancing": {
        "Simulatie: dynamische load balancing instellen voor meerdere laadpalen": 3,
        "Casus: slim laden en load balancing bij een appartementencomplex met een parkeergarage": 3,
        "Smart charging and OCPP: an introduction": 1,
    },
    "thuisbatterij": {
        "Werkplaatsopdracht: een thuisbatterij installeren en koppelen aan een PV-installatie": 3,
        "Instructievideo: een thuisbatterij installeren en koppelen aan een PV-installatie": 3,
        "Home battery installation checklist": 2,
    },
    "warmtenet afleverset": {
        "Werkplaatsopdracht: een afleverset aansluiten op het warmtenet en in bedrijf nemen": 3,
        "Instructievideo: een afleverset aansluiten op het warmtenet en in bedrijf nemen": 3,
    },
    "warmtenet": {
        "Lespresentatie: de opbouw van een warmtenet": 3,
        "Zelftoets: de opbouw van een warmtenet": 3,
        "Lespresentatie: duurzame bronnen voor warmtenetten": 2,
        "Casus: duurzame bronnen voor warmtenetten in een binnenstad met smalle straten": 2,
    },
    "spouwmuur isoleren": {
        "Werkplaatsopdracht: een spouwmuur inspecteren en na-isoleren": 3,
        "Instructievideo: een spouwmuur inspecteren en na-isoleren": 3,
    },
    "kruipruimte": {
        "Instructievideo: een vloer isoleren vanuit een krappe kruipruimte": 3,
        "Zelftoets: vloer- en bodemisolatie": 2,
    },
    "luchtdicht bouwen": {
        "Practicum: kieren en naden opsporen en luchtdicht afwerken": 3,
        "Werkplaatsopdracht: kieren en naden opsporen en luchtdicht afwerken": 3,
        "Handleiding: luchtdichte doorvoeren van installaties": 2,
        "Werkplaatsopdracht: een goed geïsoleerde en luchtdichte bouwschil realiseren": 2,
    },
    "energielabel": {
        "Kennistoets: het energielabel": 3,
        "Lespresentatie: het energielabel": 3,
        "Werkplaatsopdracht: een woning opnemen voor een energielabel": 3,
    },
    "beng": {
        "Lespresentatie: de BENG-eisen": 3,
        "Rekenopdracht: de BENG-eisen": 3,
    },
    "waterstof": {
        "Lespresentatie: de eigenschappen van waterstof": 3,
        "Zelftoets: de eigenschappen van waterstof": 3,
        "Veiligheidsinstructie: veilig werken aan leidingen en toestellen met waterstof": 2,
        "Werkplaatsopdracht: een bestaande gasleiding beoordelen op geschiktheid voor waterstof": 2,
        "Hydrogen safety for installers": 1,
    },
    "windturbine onderhoud": {
        "Werkplaatsopdracht: een onderhoudsronde in de gondel uitvoeren volgens de checklist": 3,
        "Casus: preventief onderhoud aan windturbines bij een windpark op zee": 3,
        "Casus: inspectie en reparatie van rotorbladen bij een burgerwindmolen van een coöperatie": 2,
    },
    "netcongestie": {
        "Lespresentatie: netcongestie en flexibiliteit": 3,
        "Casus: netcongestie en flexibiliteit in een nieuwbouwwijk": 3,
    },
    "elektrische auto spanningsvrij": {
        "Veiligheidsinstructie: een hoogvoltvoertuig veilig spanningsvrij maken": 3,
        "Instructievideo: een hoogvoltvoertuig veilig spanningsvrij maken": 3,
    },
    "energiecoach huisbezoek": {
        "Handleiding: het huisbezoek van de energiecoach": 3,
        "Casus: het huisbezoek van de energiecoach bij de eigenaar van een jarendertigwoning": 3,
    },
    '"warmteterugwinning installeren"': {
        "Werkplaatsopdracht: een balansventilatiesysteem met warmteterugwinning installeren en inregelen": 3,
        "Instructievideo: een balansventilatiesysteem met warmteterugwinning installeren en inregelen": 3,
    },
    "asbest": {
        "Veiligheidsinstructie: verdacht asbesthoudend materiaal herkennen en het werk veilig stilleggen": 3,
    },
}
