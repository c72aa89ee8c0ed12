import json
from pathlib import Path

import pytest

import wattwijs.core
from wattwijs.core.tests.factories import OrganisationFactory, theme
from wattwijs.interop import nllom
from wattwijs.interop.tests.helpers import NS, at, get, identifier, set_datestamp, texts
from wattwijs.library.models import ResourceVersion
from wattwijs.library.tests.factories import MBO2, MBO4, material

pytestmark = pytest.mark.django_db

XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
VOCABULARIES = json.loads((Path(wattwijs.core.__file__).parent / "data" / "nl-lom-vocabularies.json").read_text())


def _lom(client, version):
    root = get(client, verb="GetRecord", identifier=identifier(version), metadataPrefix="lom")
    return root.find("oai:GetRecord/oai:record/oai:metadata/lom:lom", NS)


def _dc(client, version):
    root = get(client, verb="GetRecord", identifier=identifier(version), metadataPrefix="oai_dc")
    return root.find("oai:GetRecord/oai:record/oai:metadata/oai_dc:dc", NS)


def _vocabulary(lom, path):
    """(source, value) of a LOM vocabulary element."""
    return [
        (
            element.findtext("lom:source/lom:langstring", namespaces=NS),
            element.findtext("lom:value/lom:langstring", namespaces=NS),
        )
        for element in lom.xpath(path, namespaces=NS)
    ]


def _full_material(**overrides):
    fields = {
        "title": "Warmtepomp inregelen",
        "description": "Stap voor stap een lucht-waterwarmtepomp inregelen.",
        "keywords": ["warmtepomp", "inregelen"],
        "levels": [MBO2, MBO4],
        "licence": "cc-by-sa-40",
        "authors": ["Ans de Wit"],
        "publisher": OrganisationFactory(name="ROC Warmte"),
        "location": "https://leermiddelen.example.org/warmtepomp",
    }
    fields.update(overrides)
    version = material(**fields)
    set_datestamp(version, at(2026, 4, 5, 6, 7, 8))
    return version


# NL-LOM ---------------------------------------------------------------------------------------------------


def test_every_element_of_the_lom_record_is_in_the_ims_lom_namespace(client):
    lom = _lom(client, _full_material())
    assert lom.nsmap[None] == NS["lom"]
    assert {element.tag.split("}")[0][1:] for element in lom.iter()} == {NS["lom"]}
    assert lom.get("{http://www.w3.org/2001/XMLSchema-instance}schemaLocation") == (
        f"{NS['lom']} http://www.imsglobal.org/xsd/imsmd_v1p2p4.xsd"
    )


def test_the_lom_record_identifies_the_material_by_catalog_and_entry(client):
    version = _full_material()
    entries = {
        entry.findtext("lom:catalog", namespaces=NS): entry.findtext("lom:entry/lom:langstring", namespaces=NS)
        for entry in _lom(client, version).iterfind("lom:general/lom:catalogentry", NS)
    }
    assert entries == {
        "URI": f"http://testserver/leermiddelen/{version.resource_id}/",
        "wattwijs.nl": identifier(version),
    }


def test_the_lom_record_has_title_description_and_keywords_as_langstrings_in_its_language(client):
    lom = _lom(client, _full_material(language="en"))
    assert texts(lom, "lom:general/lom:title/lom:langstring") == ["Warmtepomp inregelen"]
    assert texts(lom, "lom:general/lom:description/lom:langstring") == [
        "Stap voor stap een lucht-waterwarmtepomp inregelen."
    ]
    assert texts(lom, "lom:general/lom:keyword/lom:langstring") == ["warmtepomp", "inregelen"]
    assert set(lom.xpath("lom:general/*/lom:langstring/@xml:lang", namespaces=NS)) == {"en"}
    assert texts(lom, "lom:general/lom:language") == ["en"]


def test_without_keywords_the_theme_names_are_the_keywords(client):
    lom = _lom(client, _full_material(keywords=[], themes=[theme("zon-pv")]))
    assert texts(lom, "lom:general/lom:keyword/lom:langstring") == ["Zon-PV"]


def test_the_aggregation_level_uses_the_lom_vocabulary(client):
    version = _full_material()
    ResourceVersion.objects.filter(pk=version.pk).update(aggregation_level=3)
    assert _vocabulary(_lom(client, version), "lom:general/lom:aggregationlevel") == [("LOMv1.0", "3")]


def test_the_publisher_and_authors_contribute_with_a_vcard_and_the_date(client):
    lom = _lom(client, _full_material())
    contributions = [
        (
            contribute.findtext("lom:role/lom:value/lom:langstring", namespaces=NS),
            contribute.findtext("lom:centity/lom:vcard", namespaces=NS),
            contribute.findtext("lom:date/lom:datetime", namespaces=NS),
        )
        for contribute in lom.iterfind("lom:lifecycle/lom:contribute", NS)
    ]
    assert contributions == [
        ("publisher", "BEGIN:VCARD\nVERSION:3.0\nFN:ROC Warmte\nEND:VCARD", "2026-04-05T06:07:08Z"),
        ("author", "BEGIN:VCARD\nVERSION:3.0\nFN:Ans de Wit\nEND:VCARD", "2026-04-05T06:07:08Z"),
    ]


def test_a_vcard_escapes_its_special_characters():
    card = nllom.vcard(name="Bakker, Jan; \\ junior", organisation="ROC\nZon")
    assert "FN:Bakker\\, Jan\\; \\\\ junior\nORG:ROC\\nZon\n" in card


def test_the_metadata_schemes_are_lom_and_nl_lom(client):
    lom = _lom(client, _full_material())
    assert texts(lom, "lom:metametadata/lom:metadatascheme") == ["LOMv1.0", "nl_lom_v1p0"]


def test_the_location_is_the_materials_web_address(client):
    lom = _lom(client, _full_material())
    assert texts(lom, "lom:technical/lom:location") == ["https://leermiddelen.example.org/warmtepomp"]
    assert texts(lom, "lom:technical/lom:format") == ["text/html"]


def test_without_a_web_address_the_location_is_the_landing_page(client):
    version = _full_material(location="")
    lom = _lom(client, version)
    assert texts(lom, "lom:technical/lom:location") == [f"http://testserver/leermiddelen/{version.resource_id}/"]


def test_the_intended_end_user_roles_use_the_nl_lom_vocabulary(client):
    version = _full_material()
    ResourceVersion.objects.filter(pk=version.pk).update(intended_end_user_roles=["learner", "teacher"])
    source = VOCABULARIES["intended_end_user_role"]["source"]
    roles = _vocabulary(_lom(client, version), "lom:educational/lom:intendedenduserrole")
    assert roles == [(source, "learner"), (source, "teacher")]


def test_without_end_user_roles_the_material_is_for_teachers(client):
    roles = _vocabulary(_lom(client, _full_material()), "lom:educational/lom:intendedenduserrole")
    assert [value for _, value in roles] == ["teacher"]


def test_the_licence_is_the_nl_lom_copyright_value_with_the_deed(client):
    lom = _lom(client, _full_material(licence="cc-by-sa-40"))
    source = VOCABULARIES["copyright_and_other_restrictions"]["source"]
    assert _vocabulary(lom, "lom:rights/lom:copyrightandotherrestrictions") == [(source, "cc-by-sa-40")]
    assert texts(lom, "lom:rights/lom:description/lom:langstring") == [
        "https://creativecommons.org/licenses/by-sa/4.0/deed.nl"
    ]


def test_the_cost_says_whether_the_material_costs_money(client):
    version = _full_material()
    ResourceVersion.objects.filter(pk=version.pk).update(cost=True)
    assert _vocabulary(_lom(client, version), "lom:rights/lom:cost") == [("LOMv1.0", "yes")]


def test_the_educational_levels_are_obk_taxons_with_their_source(client):
    lom = _lom(client, _full_material(levels=[MBO2, MBO4]))
    source = VOCABULARIES["educational_level"]["source"]
    assert _vocabulary(lom, "lom:classification/lom:purpose") == [("LOMv1.0", "educational level")]
    assert texts(lom, "lom:classification/lom:taxonpath/lom:source/lom:langstring") == [source, source]
    assert texts(lom, "lom:classification/lom:taxonpath/lom:taxon/lom:id") == [MBO2, MBO4]
    assert texts(lom, "lom:classification/lom:taxonpath/lom:taxon/lom:entry/lom:langstring") == [
        "MBO, Niveau 2: Basisberoepsopleiding",
        "MBO, Niveau 4: Middenkaderopleiding",
    ]


def test_without_a_level_the_record_is_for_the_mbo(client):
    lom = _lom(client, _full_material(levels=[]))
    mbo = next(level["id"] for level in VOCABULARIES["educational_level"]["values"] if level["label_nl"] == "MBO")
    assert texts(lom, "lom:classification/lom:taxonpath/lom:taxon/lom:id") == [mbo]


@pytest.mark.parametrize(
    "path",
    [
        "lom:general/lom:catalogentry/lom:catalog",
        "lom:general/lom:title/lom:langstring",
        "lom:general/lom:language",
        "lom:general/lom:description/lom:langstring",
        "lom:general/lom:keyword/lom:langstring",
        "lom:general/lom:aggregationlevel/lom:value/lom:langstring",
        "lom:lifecycle/lom:contribute[lom:role/lom:value/lom:langstring='publisher']/lom:centity/lom:vcard",
        "lom:lifecycle/lom:contribute/lom:date/lom:datetime",
        "lom:metametadata/lom:metadatascheme",
        "lom:technical/lom:location",
        "lom:educational/lom:intendedenduserrole/lom:value/lom:langstring",
        "lom:rights/lom:cost/lom:value/lom:langstring",
        "lom:rights/lom:copyrightandotherrestrictions/lom:value/lom:langstring",
        "lom:classification/lom:taxonpath/lom:taxon/lom:id",
    ],
)
def test_a_sparse_material_still_fills_every_mandatory_nl_lom_element(client, path):
    version = material("Kaal", keywords=[], levels=[], types=[], location="")
    assert [text for text in texts(_lom(client, version), path) if text.strip()]


# oai_dc ---------------------------------------------------------------------------------------------------


def test_oai_dc_is_in_its_namespace_with_its_schema_location(client):
    dc = _dc(client, _full_material())
    assert dc.tag == f"{{{NS['oai_dc']}}}dc"
    assert dc.get("{http://www.w3.org/2001/XMLSchema-instance}schemaLocation") == (
        f"{NS['oai_dc']} http://www.openarchives.org/OAI/2.0/oai_dc.xsd"
    )
    assert {element.tag.split("}")[0][1:] for element in dc.iterchildren()} == {NS["dc"]}


def test_oai_dc_gives_title_description_creator_and_publisher(client):
    dc = _dc(client, _full_material())
    assert texts(dc, "dc:title") == ["Warmtepomp inregelen"]
    assert dc.find("dc:title", NS).get(XML_LANG) == "nl"
    assert texts(dc, "dc:description") == ["Stap voor stap een lucht-waterwarmtepomp inregelen."]
    assert texts(dc, "dc:creator") == ["Ans de Wit"]
    assert texts(dc, "dc:publisher") == ["ROC Warmte"]


def test_oai_dc_gives_keywords_and_theme_names_as_subjects(client):
    dc = _dc(client, _full_material(themes=[theme("warmtepompen")]))
    assert texts(dc, "dc:subject") == ["warmtepomp", "inregelen", "Warmtepompen"]


def test_oai_dc_gives_location_and_landing_page_as_identifiers(client):
    version = _full_material()
    assert texts(_dc(client, version), "dc:identifier") == [
        "https://leermiddelen.example.org/warmtepomp",
        f"http://testserver/leermiddelen/{version.resource_id}/",
    ]


def test_oai_dc_gives_date_language_type_and_rights(client):
    dc = _dc(client, _full_material(types=["exercise", "lecture"]))
    assert texts(dc, "dc:date") == ["2026-04-05T06:07:08Z"]
    assert texts(dc, "dc:language") == ["nl"]
    assert texts(dc, "dc:type") == ["exercise", "lecture"]
    assert texts(dc, "dc:rights") == ["https://creativecommons.org/licenses/by-sa/4.0/deed.nl"]


def test_oai_dc_rights_of_all_rights_reserved_is_the_nl_lom_value(client):
    assert texts(_dc(client, _full_material(licence="yes")), "dc:rights") == ["yes"]


def test_characters_xml_cannot_hold_are_left_out_of_the_lom_record(client):
    version = _full_material(title="Warmtepomp\x0b inregelen\x01", authors=["Ans\x1f de Wit"])
    lom = _lom(client, version)
    assert texts(lom, "lom:general/lom:title/lom:langstring") == ["Warmtepomp inregelen"]
    assert "FN:Ans de Wit" in "".join(texts(lom, "lom:lifecycle/lom:contribute/lom:centity/lom:vcard"))


def test_characters_xml_cannot_hold_are_left_out_of_the_dublin_core_record(client):
    dc = _dc(client, _full_material(description="Stap\x08 voor stap\uffff"))
    assert texts(dc, "dc:description") == ["Stap voor stap"]
