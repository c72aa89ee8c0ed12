import io
import json

import openpyxl
import pytest
from django.contrib.messages import get_messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import translation

from wattwijs.core.models import AuditEntry
from wattwijs.framework import importexport
from wattwijs.framework.importexport import COLUMN_NAMES, ImportRow, ImportValidationError
from wattwijs.framework.models import CoreTask, Dossier, FrameworkVersion, Qualification, WorkProcess
from wattwijs.framework.tests.factories import (
    CoreTaskFactory,
    DossierFactory,
    QualificationFactory,
    VersionFactory,
    WorkProcessFactory,
)

pytestmark = pytest.mark.django_db


STRUCTURE_FIELDS = (
    "core_task__qualification__dossier__name",
    "core_task__qualification__dossier__sector",
    "core_task__qualification__dossier__crebo",
    "core_task__qualification__name",
    "core_task__qualification__level",
    "core_task__qualification__crebo",
    "core_task__code",
    "core_task__name",
    "core_task__part",
    "code",
    "name",
    "description",
    "is_example",
)


def structure(version):
    """Everything the format carries, without ids, in a fixed order."""
    processes = WorkProcess.objects.filter(core_task__qualification__dossier__version=version)
    return sorted(processes.values_list(*STRUCTURE_FIELDS))


def counts():
    return (
        Dossier.objects.count(),
        Qualification.objects.count(),
        CoreTask.objects.count(),
        WorkProcess.objects.count(),
    )


@pytest.fixture
def filled(db):
    """A draft version whose texts hold what formats trip over: delimiters, quotes, newlines, formulas, accents."""
    version = VersionFactory(slug="kader-2025")
    dossier = DossierFactory(version=version, name="Installatietechniek", sector="Techniek", crebo="23250")
    first = QualificationFactory(dossier=dossier, name="Eerste monteur; warmtepompen", level=3, crebo="25999")
    basis = CoreTaskFactory(
        qualification=first, code="B1-K1", name='Installeert "all-electric" systemen, en test ze', part="basis"
    )
    WorkProcessFactory(
        core_task=basis,
        code="B1-K1-W1",
        name="Bereidt de werkzaamheden voor",
        description="Regel één\nRegel twee, met komma; en puntkomma – € 5",
        is_example=False,
    )
    WorkProcessFactory(
        core_task=basis, code="B1-K1-W2", name="-Plant het werk", description='=HYPERLINK("http://x")', is_example=True
    )
    profile = CoreTaskFactory(qualification=first, code="P1-K1", name="Onderhoudt systemen", part="profiel")
    WorkProcessFactory(core_task=profile, code="P1-K1-W1", name="Spoort storingen op", description="", is_example=True)
    other = QualificationFactory(
        dossier=DossierFactory(version=version, name="Elektrotechniek", sector=""), name="Monteur", level=2
    )
    task = CoreTaskFactory(qualification=other, code="B1-K1", name="Legt aan", part="basis")
    WorkProcessFactory(core_task=task, code="B1-K1-W1", name="Trekt kabels", description="'quote", is_example=False)
    return version


VALID = {
    "dossier": "Installatietechniek",
    "dossier_sector": "Techniek",
    "dossier_crebo": "",
    "qualification": "Eerste monteur",
    "level": "3",
    "qualification_crebo": "",
    "core_task_code": "B1-K1",
    "core_task": "Installeert",
    "core_task_part": "basis",
    "work_process_code": "B1-K1-W1",
    "work_process": "Bereidt voor",
    "work_process_description": "",
    "is_example": "nee",
}


def rows(*changes, drop=()):
    """Row n (from 2) is VALID with work process code B1-K1-Wn and ``changes[n - 2]`` applied."""
    made = []
    for number, change in enumerate(changes, start=2):
        values = {**VALID, "work_process_code": f"B1-K1-W{number}", **change}
        made.append(ImportRow(number, {k: v for k, v in values.items() if k not in drop}))
    return made


WRONG_FILES = [
    pytest.param(rows({}, {"dossier": ""}), (3, "dossier"), id="empty dossier name"),
    pytest.param(rows({}, {"qualification": ""}), (3, "qualification"), id="empty qualification name"),
    pytest.param(rows({}, {"core_task": ""}), (3, "core_task"), id="empty core task name"),
    pytest.param(
        rows({}, {"core_task_code": "", "work_process_code": "W3"}), (3, "core_task_code"), id="empty task code"
    ),
    pytest.param(rows({}, {"work_process": ""}), (3, "work_process"), id="empty work process name"),
    pytest.param(rows({}, {"work_process_code": ""}), (3, "work_process_code"), id="empty work process code"),
    pytest.param(rows({}, {"level": "5"}), (3, "level"), id="level 5"),
    pytest.param(rows({}, {"level": "drie"}), (3, "level"), id="level not a number"),
    pytest.param(rows({}, {"level": "2.5"}), (3, "level"), id="level not whole"),
    pytest.param(rows({}, {"level": "³"}), (3, "level"), id="level a superscript digit"),
    pytest.param(rows({}, {"level": ""}), (3, "level"), id="level empty"),
    pytest.param(rows({}, {"core_task_part": "keuze"}), (3, "core_task_part"), id="unknown part"),
    pytest.param(rows({}, {"is_example": "misschien"}), (3, "is_example"), id="is_example not yes or no"),
    pytest.param(rows({}, {"work_process_code": "B1-K1-W2"}), (3, "work_process_code"), id="work process code twice"),
    pytest.param(rows({}, {"core_task": "Onderhoudt"}), (3, "core_task_code"), id="core task code for two tasks"),
    pytest.param(rows({}, {"core_task_part": "profiel"}), (3, "core_task_part"), id="core task in two parts"),
    pytest.param(rows({}, {"level": "2"}), (3, "level"), id="qualification with two levels"),
    pytest.param(rows({}, {"dossier": "Elektrotechniek"}), (3, "dossier"), id="qualification in two dossiers"),
    pytest.param(rows({}, {"work_process_code": "B1-K10-W3"}), (3, "work_process_code"), id="code outside its task"),
    pytest.param(rows({}, {"work_process_code": "B1-K1-"}), (3, "work_process_code"), id="code only the task code"),
    pytest.param(rows({}, {"work_process": "x" * 251}), (3, "work_process"), id="name too long"),
    pytest.param(rows({}, {"dossier_sector": "Zorg"}), (3, "dossier_sector"), id="dossier with two sectors"),
    pytest.param(
        rows({"qualification_crebo": "25999"}, {"qualification_crebo": "25998"}),
        (3, "qualification_crebo"),
        id="qualification with two crebo codes",
    ),
    pytest.param(rows({}, {}, drop=("level",)), (1, "level"), id="required column missing"),
    pytest.param(rows({}, {"niveau": "3"}), (1, "niveau"), id="unknown column"),
    pytest.param([], (1, ""), id="no rows"),
]


# Validation ---------------------------------------------------------------------------------------------------


def test_valid_rows_have_no_errors():
    assert importexport.validate_rows(rows({}, {}), version=FrameworkVersion()) == []


@pytest.mark.parametrize(("wrong_rows", "location"), WRONG_FILES)
def test_each_rule_reports_the_row_and_column_at_fault(wrong_rows, location):
    errors = importexport.validate_rows(wrong_rows, version=FrameworkVersion())
    assert location in [(error.row, error.column) for error in errors]
    assert {error.row for error in errors} == {location[0]}


@pytest.mark.parametrize(("wrong_rows", "location"), WRONG_FILES)
def test_a_file_with_any_wrong_row_imports_nothing(world, filled, wrong_rows, location):
    before = counts()
    with pytest.raises(ImportValidationError):
        importexport.structure_import(actor=world.alice, version=filled, rows=wrong_rows)
    assert counts() == before


def test_an_error_message_names_its_row():
    with translation.override("en"):
        (error,) = importexport.validate_rows(rows({}, {"level": "9"}), version=FrameworkVersion())
    assert error.message == "Row 3: the level must be a whole number from 1 to 4."


def test_all_errors_of_the_file_are_reported_at_once():
    wrong = rows({"level": "0"}, {}, {"core_task_part": "keuze"}, {"work_process": ""})
    errors = importexport.validate_rows(wrong, version=FrameworkVersion())
    assert [(error.row, error.column) for error in errors] == [(2, "level"), (4, "core_task_part"), (5, "work_process")]


def test_what_the_version_holds_already_is_no_error(filled):
    same_name_other_level = rows({"qualification": "Monteur", "level": "4", "dossier": "Elektrotechniek"})
    assert importexport.validate_rows(same_name_other_level, version=filled) == []


# Import -------------------------------------------------------------------------------------------------------


def test_an_import_creates_every_level(world):
    version = VersionFactory()
    result = importexport.structure_import(actor=world.alice, version=version, rows=rows({}, {}))
    created = [
        counts.created for counts in (result.dossiers, result.qualifications, result.core_tasks, result.work_processes)
    ]
    assert created == [1, 1, 1, 2]


def test_an_import_updates_what_it_matches_and_creates_the_rest(world, filled):
    existing = {
        "dossier_sector": "Installatie",
        "qualification": "Eerste monteur; warmtepompen",
        "core_task": "Installeert systemen",
    }
    changed = rows(
        {**existing, "work_process_code": "B1-K1-W1", "work_process": "Bereidt voor"},
        {**existing, "work_process_code": "B1-K1-W9"},
    )
    result = importexport.structure_import(actor=world.alice, version=filled, rows=changed)
    assert (result.dossiers.updated, result.core_tasks.updated, result.work_processes.updated) == (1, 1, 1)
    assert result.work_processes.created == 1


def test_an_import_changes_the_matched_work_process(world, filled):
    changed = rows(
        {
            "qualification": "Eerste monteur; warmtepompen",
            "core_task": 'Installeert "all-electric" systemen, en test ze',
            "work_process_code": "B1-K1-W1",
            "work_process": "Bereidt voor",
        }
    )
    importexport.structure_import(actor=world.alice, version=filled, rows=changed)
    process = WorkProcess.objects.get(core_task__qualification__name="Eerste monteur; warmtepompen", code="B1-K1-W1")
    assert process.name == "Bereidt voor"


def test_an_import_deletes_nothing(world, filled):
    before = counts()
    importexport.structure_import(actor=world.alice, version=filled, rows=rows({"qualification": "Nieuw"}))
    assert counts() == (before[0], before[1] + 1, before[2] + 1, before[3] + 1)


def test_an_empty_optional_cell_keeps_the_existing_value(world, filled):
    same = [
        ImportRow(row.number, {**row.values, "work_process_description": "", "dossier_sector": ""})
        for row in importexport.parse_csv(importexport.export_csv(filled))
    ]
    importexport.structure_import(actor=world.alice, version=filled, rows=same)
    assert Dossier.objects.get(name="Installatietechniek").sector == "Techniek"
    assert WorkProcess.objects.get(code="B1-K1-W2").description == '=HYPERLINK("http://x")'


def test_importing_the_own_export_changes_nothing(world, filled):
    result = importexport.structure_import(
        actor=world.alice, version=filled, rows=importexport.parse_json(importexport.export_json(filled))
    )
    assert (result.created, result.updated, result.work_processes.unchanged) == (0, 0, 4)


def test_an_import_is_written_to_the_audit_log(world):
    version = VersionFactory()
    importexport.structure_import(actor=world.alice, version=version, rows=rows({}, {}))
    entry = AuditEntry.objects.get(action="framework.import")
    assert (entry.actor, entry.object_id, entry.details["work_processes"]["created"]) == (
        world.alice,
        str(version.pk),
        2,
    )


def test_twenty_thousand_rows_are_imported(world):
    version = VersionFactory()
    many = []
    for index in range(20_000):
        dossier, qualification, task, process = index // 2000, index // 200, index // 20, index % 20 + 1
        values = {
            **VALID,
            "dossier": f"Dossier {dossier}",
            "qualification": f"Kwalificatie {qualification}",
            "core_task_code": f"B1-K{task}",
            "work_process_code": f"B1-K{task}-W{process}",
            "work_process_description": f"Beschrijving {index}",
        }
        many.append(ImportRow(index + 2, values))
    importexport.structure_import(actor=world.alice, version=version, rows=many)
    assert counts() == (10, 100, 1000, 20_000)


def test_someone_who_may_not_edit_the_framework_cannot_import(world):
    version = VersionFactory()
    with pytest.raises(PermissionDenied):
        importexport.structure_import(actor=world.bob, version=version, rows=rows({}))
    assert counts() == (0, 0, 0, 0)


def test_nobody_imports_into_an_adopted_version(world):
    version = VersionFactory(status=FrameworkVersion.Status.ADOPTED)
    with pytest.raises(PermissionDenied):
        importexport.structure_import(actor=world.alice, version=version, rows=rows({}))


def test_a_platform_admin_may_import(world):
    version = VersionFactory()
    importexport.structure_import(actor=world.admin, version=version, rows=rows({}))
    assert counts() == (1, 1, 1, 1)


# Round trips and parsing ----------------------------------------------------------------------------------------


def _import_into_empty_version(world, rows_):
    target = VersionFactory()
    importexport.structure_import(actor=world.alice, version=target, rows=rows_)
    return target


def test_a_csv_export_imports_as_the_same_structure(world, filled):
    target = _import_into_empty_version(world, importexport.parse_csv(importexport.export_csv(filled).encode()))
    assert structure(target) == structure(filled)


def test_an_xlsx_export_imports_as_the_same_structure(world, filled):
    target = _import_into_empty_version(world, importexport.parse_xlsx(importexport.export_xlsx(filled)))
    assert structure(target) == structure(filled)


def test_a_json_export_imports_as_the_same_structure(world, filled):
    target = _import_into_empty_version(world, importexport.parse_json(importexport.export_json(filled).encode()))
    assert structure(target) == structure(filled)


def test_the_csv_export_escapes_values_a_spreadsheet_would_run_as_formula(filled):
    assert '"\'=HYPERLINK(""http://x"")"' in importexport.export_csv(filled)


def test_the_xlsx_export_keeps_a_formula_like_value_as_text(filled):
    sheet = openpyxl.load_workbook(io.BytesIO(importexport.export_xlsx(filled))).worksheets[0]
    descriptions = [row[11] for row in sheet.iter_rows(min_row=2, values_only=True)]
    assert '=HYPERLINK("http://x")' in descriptions


def test_the_xlsx_export_has_a_bold_header_row(filled):
    sheet = openpyxl.load_workbook(io.BytesIO(importexport.export_xlsx(filled))).worksheets[0]
    assert [(cell.value, cell.font.b) for cell in sheet[1]] == [(name, True) for name in COLUMN_NAMES]


def test_the_json_export_is_a_list_of_row_objects(filled):
    first = json.loads(importexport.export_json(filled))[0]
    assert (list(first), first["level"], first["is_example"]) == (list(COLUMN_NAMES), 2, False)


def test_the_export_rows_come_from_one_query(filled, django_assert_num_queries):
    with django_assert_num_queries(1):
        exported = list(importexport.export_rows(filled))
    assert [row["work_process_code"] for row in exported] == ["B1-K1-W1", "B1-K1-W1", "B1-K1-W2", "P1-K1-W1"]


def test_a_semicolon_csv_from_dutch_excel_is_read(world):
    line = "Installatietechniek;Techniek;;Eerste monteur;3;;B1-K1;Installeert, en test;basis;B1-K1-W1;Bereidt voor;"
    content = ("\ufeff" + ";".join(COLUMN_NAMES) + "\r\n" + line + '"Tekst; met puntkomma";ja\r\n').encode()
    target = _import_into_empty_version(world, importexport.parse_csv(content))
    assert structure(target) == [
        (
            "Installatietechniek",
            "Techniek",
            "",
            "Eerste monteur",
            3,
            "",
            "B1-K1",
            "Installeert, en test",
            "basis",
            "B1-K1-W1",
            "Bereidt voor",
            "Tekst; met puntkomma",
            True,
        )
    ]


def test_csv_row_numbers_skip_nothing_for_empty_lines():
    content = ",".join(COLUMN_NAMES) + "\r\n\r\n" + ",".join(VALID.values()) + "\r\n"
    assert [row.number for row in importexport.parse_csv(content)] == [3]


def test_a_csv_that_is_not_utf8_is_refused():
    content = (",".join(COLUMN_NAMES) + "\r\nInstallatietechniek één").encode("cp1252")
    with pytest.raises(ValidationError):
        importexport.parse_csv(content)


def test_a_value_without_a_column_name_is_an_error_in_its_row():
    content = ",".join(COLUMN_NAMES) + "\r\n" + ",".join(VALID.values()) + ",extra\r\n"
    with pytest.raises(ImportValidationError) as raised:
        importexport.parse_csv(content)
    assert [(error.row, error.column) for error in raised.value.row_errors] == [(2, "N")]


def test_a_file_that_is_no_workbook_is_refused():
    with pytest.raises(ValidationError):
        importexport.parse_xlsx(b"not a zip file")


def test_json_must_be_a_list():
    with pytest.raises(ValidationError):
        importexport.parse_json(b'{"dossier": "Installatietechniek"}')


def test_a_json_item_that_is_no_object_is_an_error_in_its_row():
    with pytest.raises(ImportValidationError) as raised:
        importexport.parse_json(json.dumps([VALID, ["a list"]]))
    assert [(error.row, error.column) for error in raised.value.row_errors] == [(3, "")]


def test_the_csv_template_is_a_valid_import_file():
    rows_ = importexport.parse_csv(importexport.template_csv())
    assert (len(rows_), importexport.validate_rows(rows_, version=FrameworkVersion())) == (2, [])


def test_the_xlsx_template_is_a_valid_import_file():
    rows_ = importexport.parse_xlsx(importexport.template_xlsx())
    assert (len(rows_), importexport.validate_rows(rows_, version=FrameworkVersion())) == (2, [])


def test_the_template_rows_are_marked_as_example_text():
    rows_ = importexport.parse_csv(importexport.template_csv())
    assert [row.values["is_example"] for row in rows_] == ["ja", "ja"]


# Views --------------------------------------------------------------------------------------------------------


def _export(client, version, fmt):
    return client.get(reverse("framework:structure_export", kwargs={"slug": version.slug, "fmt": fmt}))


def test_the_csv_export_is_a_download_named_after_the_version(client, filled):
    response = _export(client, filled, "csv")
    assert (response["Content-Type"], response["Content-Disposition"]) == (
        "text/csv; charset=utf-8",
        'attachment; filename="kwalificatiekader-kader-2025.csv"',
    )


def test_the_xlsx_export_has_the_spreadsheet_content_type(client, filled):
    response = _export(client, filled, "xlsx")
    assert response["Content-Type"] == "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def test_the_json_export_has_the_json_content_type(client, filled):
    response = _export(client, filled, "json")
    assert (response["Content-Type"], len(json.loads(response.content))) == ("application/json", 4)


def test_an_unknown_export_format_is_not_found(client, filled):
    assert _export(client, filled, "pdf").status_code == 404


def test_the_xlsx_template_is_a_download(client):
    response = client.get(reverse("framework:structure_template", kwargs={"fmt": "xlsx"}))
    assert response["Content-Disposition"] == 'attachment; filename="kwalificatiekader-sjabloon.xlsx"'


def test_there_is_no_json_template(client):
    assert client.get(reverse("framework:structure_template", kwargs={"fmt": "json"})).status_code == 404


def _import_url(version):
    return reverse("framework:structure_import", kwargs={"slug": version.slug})


def _upload(client, version, name, content):
    return client.post(
        _import_url(version), {"file": SimpleUploadedFile(name, content)}, headers={"accept-language": "en"}
    )


def test_the_import_page_offers_a_file_upload_form(world, client):
    client.force_login(world.alice)
    response = client.get(_import_url(VersionFactory()))
    assert 'enctype="multipart/form-data"' in response.content.decode()


def test_the_import_page_needs_a_login(client):
    version = VersionFactory()
    response = client.get(_import_url(version))
    assert (response.status_code, response.url.split("?")[0]) == (302, reverse("login"))


def test_the_import_page_is_forbidden_for_someone_who_may_not_edit(world, client):
    client.force_login(world.bob)
    assert client.get(_import_url(VersionFactory())).status_code == 403


def test_the_import_page_is_forbidden_for_an_adopted_version(world, client):
    client.force_login(world.alice)
    version = VersionFactory(status=FrameworkVersion.Status.ADOPTED)
    assert client.get(_import_url(version)).status_code == 403


def test_an_upload_by_someone_who_may_not_edit_is_forbidden(world, client, filled):
    client.force_login(world.bob)
    response = _upload(client, VersionFactory(), "kader.json", importexport.export_json(filled).encode())
    assert (response.status_code, WorkProcess.objects.count()) == (403, 4)


def test_a_file_with_errors_is_shown_back_with_a_table_of_errors(world, client):
    client.force_login(world.alice)
    content = json.dumps([VALID, {**VALID, "work_process_code": "B1-K1-W2", "level": "7"}])
    response = _upload(client, VersionFactory(), "kader.json", content.encode())
    page = response.content.decode()
    assert response.status_code == 400
    assert "<caption>Errors found in the file, by row number</caption>" in page
    assert "Row 3: the level must be a whole number from 1 to 4." in page


def test_a_file_with_errors_saves_nothing(world, client):
    client.force_login(world.alice)
    content = json.dumps([VALID, {**VALID, "work_process_code": "B1-K1-W2", "level": "7"}])
    _upload(client, VersionFactory(), "kader.json", content.encode())
    assert counts() == (0, 0, 0, 0)


def test_a_good_file_is_imported_and_leads_back_to_the_version(world, client, filled):
    client.force_login(world.alice)
    target = VersionFactory()
    response = _upload(client, target, "kader.xlsx", importexport.export_xlsx(filled))
    assert (response.status_code, response.url) == (302, target.get_absolute_url())
    assert structure(target) == structure(filled)


def test_a_good_file_gives_a_success_message(world, client, filled):
    client.force_login(world.alice)
    response = _upload(client, VersionFactory(), "kader.csv", importexport.export_csv(filled).encode())
    (message,) = get_messages(response.wsgi_request)
    assert (message.level_tag, "4 work processes" in message.message) == ("success", True)


def test_a_file_of_another_kind_is_refused(world, client):
    client.force_login(world.alice)
    response = _upload(client, VersionFactory(), "kader.pdf", b"%PDF-1.4")
    assert (response.status_code, response.context["form"].errors["file"]) == (
        400,
        ["Choose a file whose name ends in .csv, .xlsx or .json."],
    )


def test_a_file_over_the_size_limit_is_refused(world, client, monkeypatch):
    monkeypatch.setattr("wattwijs.framework.views_importexport.MAX_UPLOAD_BYTES", 10)
    client.force_login(world.alice)
    response = _upload(client, VersionFactory(), "kader.csv", importexport.template_csv().encode())
    assert (response.status_code, counts()) == (400, (0, 0, 0, 0))
    assert "larger than 20 MB" in response.context["form"].errors["file"][0]


def test_an_unreadable_workbook_is_reported_on_the_file_field(world, client):
    client.force_login(world.alice)
    response = _upload(client, VersionFactory(), "kader.xlsx", b"not a workbook")
    assert (response.status_code, response.context["form"].errors["file"]) == (
        400,
        ["The file is not a valid Excel workbook (.xlsx)."],
    )
