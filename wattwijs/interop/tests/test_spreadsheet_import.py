"""Bulk import of learning materials from CSV and XLSX: the check, the two choices, and nothing half-saved."""

from __future__ import annotations

import csv
import io
import re
import zipfile

import openpyxl
import pytest
from django.core.exceptions import ValidationError
from django.core.files.storage import default_storage
from django.core.files.uploadedfile import SimpleUploadedFile

from wattwijs.core.models import Role
from wattwijs.core.tests.factories import MembershipFactory, OrganisationFactory, theme
from wattwijs.interop import spreadsheets
from wattwijs.interop.views_files import SESSION_KEY
from wattwijs.library.models import Resource, ResourceVersion
from wattwijs.library.tests.factories import MBO2, MBO3

pytestmark = pytest.mark.django_db

IMPORT = "/leermiddelen/importeren/"
CONFIRM = "/leermiddelen/importeren/bevestigen/"

GOOD = {
    "titel": "Omvormer aansluiten",
    "beschrijving": "Werkplaatsopdracht: sluit een omvormer aan.",
    "webadres": "https://leermiddelen.example.org/omvormer",
    "licentie": "cc-by-40",
    "niveaus": MBO3,
    "soort": "exercise",
}


def csv_bytes(*rows: dict[str, str], delimiter: str = ",", bom: bool = False) -> bytes:
    columns = list(dict.fromkeys(name for row in rows for name in row)) or list(GOOD)
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=columns, delimiter=delimiter)
    writer.writeheader()
    writer.writerows(rows)
    return ("\ufeff" if bom else "").encode() + buffer.getvalue().encode("utf-8")


def xlsx_bytes(*rows: dict[str, object]) -> bytes:
    columns = list(dict.fromkeys(name for row in rows for name in row))
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.append(columns)
    for row in rows:
        sheet.append([row.get(column) for column in columns])
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def errors_of(world, data: bytes, fmt: str = "csv") -> list[tuple[int, str]]:
    checked = spreadsheets.check(spreadsheets.read(data, fmt=fmt), actor=world.alice)
    return [(error.row, error.column) for error in checked.errors]


def upload(client, data: bytes, name: str = "materialen.csv"):
    return client.post(IMPORT, {"file": SimpleUploadedFile(name, data)})


# Reading ------------------------------------------------------------------------------------------------------


def test_a_valid_csv_row_has_no_errors(world):
    assert errors_of(world, csv_bytes(GOOD)) == []


def test_a_semicolon_separated_csv_with_byte_order_mark_is_read(world):
    assert errors_of(world, csv_bytes(GOOD, delimiter=";", bom=True)) == []


def test_an_xlsx_row_is_read_like_a_csv_row(world):
    checked = spreadsheets.check(
        spreadsheets.read(xlsx_bytes({**GOOD, "leertijd_minuten": 90}), fmt="xlsx"), actor=world.alice
    )
    assert checked.errors == []
    assert checked.valid[0].data["typical_learning_time"] == 90


def test_a_file_that_is_not_utf8_is_refused_with_a_message(world):
    with pytest.raises(ValidationError, match="UTF-8"):
        spreadsheets.read("titel\nCafé".encode("cp1252"), fmt="csv")


def test_a_file_that_is_not_a_workbook_is_refused_with_a_message(world):
    with pytest.raises(ValidationError, match="Excel"):
        spreadsheets.read(b"PK\x03\x04 not really a zip", fmt="xlsx")


def test_a_file_over_the_size_limit_is_refused(world, settings):
    settings.INTEROP_IMPORT_MAX_BYTES = 100
    with pytest.raises(ValidationError) as raised:
        spreadsheets.read(csv_bytes(GOOD, GOOD), fmt="csv")
    assert raised.value.code == "too_large"


def test_a_file_over_the_row_limit_is_refused(world, settings):
    settings.INTEROP_IMPORT_MAX_ROWS = 2
    with pytest.raises(ValidationError) as raised:
        spreadsheets.read(csv_bytes(GOOD, GOOD, GOOD), fmt="csv")
    assert raised.value.code == "too_many_rows"


def changed_sheet(data: bytes, change) -> bytes:
    """The workbook with ``change`` applied to the XML of its first sheet."""
    source, target = zipfile.ZipFile(io.BytesIO(data)), io.BytesIO()
    with zipfile.ZipFile(target, "w") as output:
        for item in source.infolist():
            content = source.read(item.filename)
            if item.filename == "xl/worksheets/sheet1.xml":
                content = change(content)
            output.writestr(item, content)
    return target.getvalue()


def huge(xml: bytes) -> bytes:
    """A sheet that declares the largest size Excel knows, with one cell in its last row."""
    far = b'<row r="1048576"><c r="A1048576" t="inlineStr"><is><t>x</t></is></c></row></sheetData>'
    xml = re.sub(rb'<dimension ref="[^"]*"', b'<dimension ref="A1:XFD1048576"', xml)
    return xml.replace(b"</sheetData>", far)


def test_the_empty_rows_a_sheet_declares_count_against_the_row_limit(world, settings):
    settings.INTEROP_IMPORT_MAX_ROWS = 5
    data = changed_sheet(xlsx_bytes(GOOD), huge)
    with pytest.raises(ValidationError) as raised:
        spreadsheets.read(data, fmt="xlsx")
    assert raised.value.code == "too_many_rows"


def test_columns_a_sheet_declares_beyond_the_header_are_not_read(world):
    data = changed_sheet(xlsx_bytes(GOOD), huge)
    workbook = openpyxl.load_workbook(io.BytesIO(data), read_only=True)
    records = spreadsheets._xlsx_records(workbook.worksheets[0])
    assert [len(next(records)) for _ in range(3)] == [len(GOOD)] * 3


def test_empty_rows_are_skipped_but_counted(world):
    data = csv_bytes(GOOD) + b",,,,,\n" + csv_bytes({**GOOD, "licentie": "onbekend"}).split(b"\n", 1)[1]
    assert errors_of(world, data) == [(4, "licentie")]


# Validation per kind of error ---------------------------------------------------------------------------------


def test_a_missing_required_column_is_reported_on_the_header_row(world):
    row = {name: value for name, value in GOOD.items() if name != "licentie"}
    assert errors_of(world, csv_bytes(row)) == [(1, "licentie")]


def test_an_unknown_column_is_reported_on_the_header_row(world):
    assert errors_of(world, csv_bytes({**GOOD, "kleur": "blauw"})) == [(1, "kleur")]


@pytest.mark.parametrize("column", ["titel", "beschrijving", "webadres", "licentie", "niveaus", "soort"])
def test_an_empty_required_cell_is_an_error_in_its_column(world, column):
    assert errors_of(world, csv_bytes({**GOOD, column: ""})) == [(2, column)]


@pytest.mark.parametrize(
    ("column", "value"),
    [
        ("webadres", "leermiddelen.example.org"),
        ("webadres", "javascript:alert(1)"),
        ("licentie", "cc-by-99"),
        ("niveaus", "groep 8"),
        ("soort", "toets-app"),
        ("themas", "kernfusie"),
        ("taal", "klingon"),
        ("bedoeld_voor", "ouder"),
        ("omvang", "7"),
        ("leertijd_minuten", "twee uur"),
        ("leertijd_minuten", "0"),
        ("kosten", "misschien"),
        ("fictief", "soms"),
        ("organisatie", "gemeente-test"),
    ],
)
def test_a_wrong_value_is_an_error_in_its_column(world, column, value):
    assert errors_of(world, csv_bytes({**GOOD, column: value})) == [(2, column)]


def test_the_messages_are_in_dutch(world, client):
    client.force_login(world.alice)
    response = upload(client, csv_bytes({**GOOD, "licentie": "cc-by-99"}))
    assert "is geen licentiecode" in response.content.decode()


def test_vocabulary_values_are_accepted_by_code_or_dutch_label(world):
    row = {
        **GOOD,
        "licentie": "CC BY-SA 4.0",
        "niveaus": f"mbo 2|MBO, Niveau 3: Vakopleiding|{MBO3}",
        "soort": "Oefening|narrative text",
        "themas": f"zon-pv|{theme('warmtepompen').name_nl}",
        "taal": "Engels",
        "bedoeld_voor": "Docent|learner",
        "omvang": "3",
        "kosten": "ja",
        "auteurs": "Sanne de Vries; ROC Test|Piet Jansen",
        "trefwoorden": "zon, paneel|omvormer",
    }
    checked = spreadsheets.check(spreadsheets.read(csv_bytes(row), fmt="csv"), actor=world.alice)
    assert checked.errors == []
    valid = checked.valid[0]
    assert valid.data["licence"] == "cc-by-sa-40"
    assert valid.data["educational_levels"] == [MBO2, MBO3]
    assert valid.data["learning_resource_types"] == ["exercise", "narrative text"]
    assert valid.data["intended_end_user_roles"] == ["teacher", "learner"]
    assert (valid.data["language"], valid.data["aggregation_level"], valid.data["cost"]) == ("en", 3, True)
    assert valid.data["keywords"] == ["zon", "paneel", "omvormer"]
    assert [t.code for t in valid.themes] == ["zon-pv", "warmtepompen"]
    assert [(a.name, a.organisation) for a in valid.authors] == [("Sanne de Vries", "ROC Test"), ("Piet Jansen", "")]


def test_the_organisation_is_needed_when_the_importer_shares_for_several(world):
    MembershipFactory(user=world.alice, organisation=OrganisationFactory(slug="tweede"), role=Role.AUTHOR)
    assert errors_of(world, csv_bytes(GOOD)) == [(2, "organisatie")]
    assert errors_of(world, csv_bytes({**GOOD, "organisatie": "tweede"})) == []


def test_a_file_without_materials_cannot_be_imported(world):
    checked = spreadsheets.check(spreadsheets.read(b"titel,beschrijving\n", fmt="csv"), actor=world.alice)
    assert checked.fatal


# The pages ----------------------------------------------------------------------------------------------------


def test_the_import_page_is_for_people_who_share_materials(world, client):
    client.force_login(world.bob)
    assert client.get(IMPORT).status_code == 403


def test_the_report_lists_each_error_with_row_and_column(world, client):
    client.force_login(world.alice)
    response = upload(client, csv_bytes(GOOD, {**GOOD, "niveaus": "groep 8"}))
    body = response.content.decode()
    assert '<td class="number">3</td>' in body and "<code>niveaus</code>" in body
    assert "groep 8" in body
    assert Resource.objects.count() == 0


def test_a_non_spreadsheet_upload_gets_a_message_and_saves_nothing(world, client):
    client.force_login(world.alice)
    response = upload(client, b"%PDF-1.4 ...", name="les.pdf")
    assert "eindigt op .csv of .xlsx" in response.content.decode()
    assert SESSION_KEY not in client.session


def _check_and_confirm(client, data: bytes, mode: str, submit: bool = False):
    upload(client, data)
    token = client.session[SESSION_KEY]["token"]
    return client.post(CONFIRM, {"token": token, "mode": mode, **({"submit": "on"} if submit else {})})


def test_all_or_nothing_imports_nothing_when_a_row_has_an_error(world, client):
    client.force_login(world.alice)
    response = _check_and_confirm(client, csv_bytes(GOOD, {**GOOD, "licentie": "?"}), spreadsheets.ALL_OR_NOTHING)
    assert "Er is niets geïmporteerd" in response.content.decode()
    assert Resource.objects.count() == 0


def test_all_or_nothing_imports_every_row_of_a_valid_file_as_drafts(world, client):
    client.force_login(world.alice)
    response = _check_and_confirm(client, csv_bytes(GOOD, {**GOOD, "titel": "Tweede"}), spreadsheets.ALL_OR_NOTHING)
    assert response.status_code == 302
    versions = ResourceVersion.objects.order_by("title")
    assert [v.title for v in versions] == ["Omvormer aansluiten", "Tweede"]
    assert {v.status for v in versions} == {ResourceVersion.Status.DRAFT}
    assert {v.resource.publisher_id for v in versions} == {world.roc.pk}


def test_only_the_valid_rows_are_imported_when_the_user_chooses_so(world, client):
    client.force_login(world.alice)
    data = csv_bytes(GOOD, {**GOOD, "titel": "Fout", "niveaus": "groep 8"})
    _check_and_confirm(client, data, spreadsheets.VALID_ONLY)
    assert list(ResourceVersion.objects.values_list("title", flat=True)) == ["Omvormer aansluiten"]


def test_the_import_can_submit_the_materials_for_moderation(world, client):
    client.force_login(world.alice)
    _check_and_confirm(client, csv_bytes(GOOD), spreadsheets.ALL_OR_NOTHING, submit=True)
    assert ResourceVersion.objects.get().status == ResourceVersion.Status.SUBMITTED


def test_the_checked_file_is_removed_after_the_import(world, client):
    client.force_login(world.alice)
    upload(client, csv_bytes(GOOD))
    pending = client.session[SESSION_KEY]
    path = f"interop/imports/{pending['token']}.csv"
    assert default_storage.exists(path)
    client.post(CONFIRM, {"token": pending["token"], "mode": spreadsheets.ALL_OR_NOTHING})
    assert not default_storage.exists(path)
    assert SESSION_KEY not in client.session


def test_another_sessions_token_imports_nothing(world, client):
    client.force_login(world.alice)
    upload(client, csv_bytes(GOOD))
    response = client.post(CONFIRM, {"token": "not-the-token", "mode": spreadsheets.ALL_OR_NOTHING})
    assert response.status_code == 302
    assert Resource.objects.count() == 0


def test_nothing_is_half_saved_when_a_material_fails_during_the_import(world, client, monkeypatch):
    client.force_login(world.alice)
    upload(client, csv_bytes(GOOD, {**GOOD, "titel": "Tweede"}))
    submitted = []

    def fail_on_second(*, actor, version):
        submitted.append(version)
        if len(submitted) == 2:
            raise ValidationError("De database weigert.")
        return version

    monkeypatch.setattr(spreadsheets.services, "version_submit", fail_on_second)
    token = client.session[SESSION_KEY]["token"]
    response = client.post(CONFIRM, {"token": token, "mode": spreadsheets.ALL_OR_NOTHING, "submit": "on"})
    assert response.status_code == 200 and "De database weigert." in response.content.decode()
    assert Resource.objects.count() == 0 and ResourceVersion.objects.count() == 0


# Template ---------------------------------------------------------------------------------------------------


@pytest.mark.parametrize("fmt", ["csv", "xlsx"])
def test_the_template_example_row_imports_as_a_fictitious_material(world, client, fmt):
    response = client.get(f"/leermiddelen/importeren/sjabloon.{fmt}")
    assert response.status_code == 200
    data = b"".join(response.streaming_content) if response.streaming else response.content
    client.force_login(world.alice)
    upload(client, data, name=f"sjabloon.{fmt}")
    token = client.session[SESSION_KEY]["token"]
    client.post(CONFIRM, {"token": token, "mode": spreadsheets.ALL_OR_NOTHING})
    version = ResourceVersion.objects.get()
    assert version.title == "Zonnepanelen veilig monteren"
    assert version.resource.is_fictitious
    assert [t.code for t in version.themes.all()] == ["zon-pv"]


def test_the_xlsx_template_lists_the_allowed_values(world, client):
    response = client.get("/leermiddelen/importeren/sjabloon.xlsx")
    workbook = openpyxl.load_workbook(io.BytesIO(b"".join(response.streaming_content)), read_only=True)
    explanation = list(workbook.worksheets[1].iter_rows(values_only=True))
    assert ("licentie", "cc-by-sa-40", "CC BY-SA 4.0") in explanation
    assert ("soort", "exercise", "Oefening") in explanation
    assert ("themas", "zon-pv", theme("zon-pv").name_nl) in explanation


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_a_failure_during_the_import_rolls_back_every_committed_row(world, monkeypatch):
    rows = spreadsheets.read(csv_bytes(GOOD, {**GOOD, "titel": "Tweede"}, {**GOOD, "titel": "Derde"}), fmt="csv")
    checked = spreadsheets.check(rows, actor=world.alice)
    original = spreadsheets.services.resource_create

    def fail_on_third(**kwargs):
        if kwargs["data"]["title"] == "Derde":
            raise ValidationError("De database weigert.")
        return original(**kwargs)

    monkeypatch.setattr(spreadsheets.services, "resource_create", fail_on_third)
    with pytest.raises(ValidationError):
        spreadsheets.import_rows(actor=world.alice, checked=checked, mode=spreadsheets.ALL_OR_NOTHING, submit=False)
    assert Resource.objects.count() == 0 and ResourceVersion.objects.count() == 0


def test_characters_xml_cannot_hold_are_taken_out_of_imported_titles(world):
    rows = spreadsheets.read(csv_bytes({**GOOD, "titel": "Omvormer\x0c aansluiten\x1b"}), fmt="csv")
    checked = spreadsheets.check(rows, actor=world.alice)
    spreadsheets.import_rows(actor=world.alice, checked=checked, mode=spreadsheets.ALL_OR_NOTHING, submit=False)
    assert ResourceVersion.objects.get().title == "Omvormer aansluiten"
