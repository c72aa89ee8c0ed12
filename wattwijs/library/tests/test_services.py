import io
import zipfile

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile

from wattwijs.core.models import AuditEntry, Role
from wattwijs.core.tests.factories import MembershipFactory, UserFactory, theme
from wattwijs.library import services
from wattwijs.library.files import check_upload
from wattwijs.library.models import Collection, ResourceFile, ResourceVersion, Review, SearchDocument
from wattwijs.library.search.engine import SearchParams, search
from wattwijs.library.tests.factories import MBO3, material

pytestmark = pytest.mark.django_db
Status = ResourceVersion.Status

DATA = {
    "title": "Hybride warmtepomp inregelen",
    "description": "Werkplaatsopdracht voor mbo 3.",
    "licence": "cc-by-sa-40",
    "educational_levels": [MBO3],
    "learning_resource_types": ["exercise"],
    "location": "https://leermiddelen.example.org/hybride",
}


@pytest.fixture
def author(world):
    user = UserFactory(email="auteur@example.org")
    MembershipFactory(user=user, organisation=world.roc, role=Role.AUTHOR)
    return user


@pytest.fixture
def moderator(world):
    user = UserFactory(email="moderator@example.org")
    MembershipFactory(user=user, organisation=world.roc, role=Role.MODERATOR)
    return user


@pytest.fixture
def draft(world, author):
    return services.resource_create(actor=author, publisher=world.roc, data=DATA, themes=[theme("warmtepompen")])


def _published(draft, author, moderator):
    services.version_submit(actor=author, version=draft)
    return services.version_publish(actor=moderator, version=draft)


def _found(q):
    return [doc.title for doc in search(SearchParams(q=q)).documents]


def test_a_new_material_starts_as_draft_version_1(draft):
    assert (draft.number, draft.status, draft.resource.current_id) == (1, Status.DRAFT, None)


def test_sharing_is_written_to_the_audit_log(draft):
    assert AuditEntry.objects.filter(action="library.resource_create", object_id=str(draft.pk)).exists()


def test_someone_outside_the_organisation_cannot_share_for_it(world):
    with pytest.raises(PermissionDenied):
        services.resource_create(actor=world.charlie, publisher=world.roc, data=DATA)


def test_an_unknown_licence_is_refused_and_nothing_is_saved(world, author):
    with pytest.raises(ValidationError):
        services.resource_create(actor=author, publisher=world.roc, data={**DATA, "licence": "gpl"})
    assert not ResourceVersion.objects.exists()


def test_a_draft_without_file_or_address_cannot_be_submitted(draft, author):
    draft.location = ""
    draft.save()
    with pytest.raises(ValidationError):
        services.version_submit(actor=author, version=draft)


def test_the_author_cannot_publish_their_own_material(draft, author):
    services.version_submit(actor=author, version=draft)
    with pytest.raises(PermissionDenied):
        services.version_publish(actor=author, version=draft)


def test_a_published_material_is_found(draft, author, moderator):
    _published(draft, author, moderator)
    assert _found("warmtepomp") == ["Hybride warmtepomp inregelen"]


def test_a_draft_is_not_found(draft):
    assert _found("warmtepomp") == []


def test_returning_needs_a_comment_and_changes_nothing_without_one(draft, author, moderator):
    services.version_submit(actor=author, version=draft)
    with pytest.raises(ValidationError):
        services.version_return(actor=moderator, version=draft, comment="  ")
    draft.refresh_from_db()
    assert draft.status == Status.SUBMITTED


def test_a_returned_version_carries_the_comment_and_is_editable_again(draft, author, moderator):
    services.version_submit(actor=author, version=draft)
    services.version_return(actor=moderator, version=draft, comment="Voeg een veiligheidsparagraaf toe.")
    draft.refresh_from_db()
    assert (draft.status, draft.moderator_comment, draft.is_editable) == (
        Status.RETURNED,
        "Voeg een veiligheidsparagraaf toe.",
        True,
    )


def test_a_published_version_cannot_be_edited(draft, author, moderator):
    _published(draft, author, moderator)
    with pytest.raises(PermissionDenied):
        services.version_update(actor=author, version=draft, data={**DATA, "title": "Anders"})


def test_a_new_version_is_a_draft_copy_and_leaves_the_published_one_alone(draft, author, moderator):
    _published(draft, author, moderator)
    second = services.version_new_draft(actor=author, resource=draft.resource)
    services.version_update(actor=author, version=second, data={**DATA, "title": "Hybride warmtepomp, herzien"})
    draft.refresh_from_db()
    assert (second.number, second.status, list(second.themes.values_list("code", flat=True)), draft.title) == (
        2,
        Status.DRAFT,
        ["warmtepompen"],
        "Hybride warmtepomp inregelen",
    )


def test_publishing_the_next_version_makes_it_current(draft, author, moderator):
    _published(draft, author, moderator)
    second = services.version_new_draft(actor=author, resource=draft.resource)
    services.version_update(actor=author, version=second, data={**DATA, "title": "Warmtepomp, herzien"})
    _published(second, author, moderator)
    draft.resource.refresh_from_db()
    assert (draft.resource.current_id, _found("warmtepomp")) == (second.pk, ["Warmtepomp, herzien"])


def test_archiving_takes_the_material_out_of_the_search(draft, author, moderator):
    _published(draft, author, moderator)
    services.resource_archive(actor=moderator, resource=draft.resource)
    assert (_found("warmtepomp"), SearchDocument.objects.count()) == ([], 0)


def test_one_review_per_person_per_version(world, author, moderator, draft):
    _published(draft, author, moderator)
    services.review_create(actor=world.bob, version=draft, rating=4, text="Goed bruikbaar.")
    with pytest.raises(ValidationError):
        services.review_create(actor=world.bob, version=draft, rating=5, text="Nog eens.")


def test_a_rating_outside_1_to_5_is_refused(world, author, moderator, draft):
    _published(draft, author, moderator)
    with pytest.raises(ValidationError):
        services.review_create(actor=world.bob, version=draft, rating=6, text="")


def test_only_approved_reviews_count_in_the_rating(world, author, moderator, draft):
    _published(draft, author, moderator)
    first = services.review_create(actor=world.bob, version=draft, rating=4, text="")
    services.review_create(actor=world.charlie, version=draft, rating=1, text="")
    services.review_moderate(actor=moderator, review=first, approve=True)
    document = SearchDocument.objects.get()
    assert (document.rating_average, document.rating_count) == (4.0, 1)


def test_a_review_waits_for_moderation(world, author, moderator, draft):
    _published(draft, author, moderator)
    review = services.review_create(actor=world.bob, version=draft, rating=4, text="")
    assert review.status == Review.Status.PENDING


@pytest.mark.parametrize(
    ("original", "adaptation", "allowed"),
    [("cc-by-nd-40", "cc-by-nd-40", False), ("cc-by-sa-40", "cc-by-40", False), ("cc-by-sa-40", "cc-by-sa-40", True)],
)
def test_an_adaptation_follows_the_licence(world, author, original, adaptation, allowed):
    source = material(licence=original)
    try:
        services.adaptation_create(actor=author, source=source, publisher=world.roc, licence=adaptation)
    except ValidationError:
        adapted = False
    else:
        adapted = True
    assert adapted is allowed


def test_an_adaptation_knows_its_original(world, author):
    source = material("Omvormer aansluiten", licence="cc-by-40")
    adaptation = services.adaptation_create(actor=author, source=source, publisher=world.roc, licence="cc-by-sa-40")
    assert (adaptation.resource.adapted_from_id, adaptation.title, adaptation.licence) == (
        source.pk,
        "Omvormer aansluiten",
        "cc-by-sa-40",
    )


def test_the_licence_of_an_adaptation_cannot_be_changed_to_an_incompatible_one(world, author):
    source = material(licence="cc-by-nc-40")
    adaptation = services.adaptation_create(actor=author, source=source, publisher=world.roc, licence="cc-by-nc-40")
    with pytest.raises(ValidationError):
        services.version_update(actor=author, version=adaptation, data={**DATA, "licence": "cc-by-40"})


def test_adding_to_a_collection_twice_keeps_one_item(world):
    collection = services.collection_create(actor=world.bob, title="Startpakket")
    resource = material().resource
    services.collection_add(actor=world.bob, collection=collection, resource=resource)
    services.collection_add(actor=world.bob, collection=collection, resource=resource)
    assert collection.items.count() == 1


def test_someone_else_cannot_add_to_a_personal_collection(world):
    collection = services.collection_create(actor=world.bob, title="Startpakket")
    with pytest.raises(PermissionDenied):
        services.collection_add(actor=world.charlie, collection=collection, resource=material().resource)


def test_moving_an_item_changes_the_order(world):
    collection = services.collection_create(actor=world.bob, title="Startpakket")
    first, second = material("Eerste").resource, material("Tweede").resource
    for resource in (first, second):
        services.collection_add(actor=world.bob, collection=collection, resource=resource)
    services.collection_move(actor=world.bob, collection=collection, resource=second, offset=-1)
    assert list(collection.items.values_list("resource_id", flat=True)) == [second.pk, first.pk]


def test_a_private_collection_of_an_organisation_is_its_members_only(world):
    collection = services.collection_create(actor=world.alice, title="Intern", organisation=world.roc)
    from wattwijs.library import permissions

    visible = Collection.objects.filter(permissions.visible_collections_filter(world.charlie))
    assert collection not in visible


def _docx() -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("word/document.xml", "<document/>")
    return buffer.getvalue()


def test_a_docx_upload_is_recognised_by_its_content():
    checked = check_upload(SimpleUploadedFile("opdracht.docx", _docx()))
    assert (checked.kind, checked.size) == (ResourceFile.Kind.DOCUMENT, len(_docx()))


def test_an_upload_with_a_mismatched_extension_is_refused():
    with pytest.raises(ValidationError, match="komt niet overeen|does not match"):
        check_upload(SimpleUploadedFile("opdracht.pdf", _docx()))


def test_an_upload_of_a_type_we_do_not_take_is_refused():
    with pytest.raises(ValidationError):
        check_upload(SimpleUploadedFile("script.exe", b"MZ\x90\x00"))


def test_an_upload_over_the_limit_is_refused(settings):
    settings.LIBRARY_MAX_UPLOAD_BYTES = 10
    with pytest.raises(ValidationError):
        check_upload(SimpleUploadedFile("blad.pdf", b"%PDF-1.4\n" + b"x" * 20))


def test_characters_xml_cannot_hold_are_taken_out_of_a_new_material(world, author):
    data = {**DATA, "title": "Warmtepomp\x0b inregelen\x00", "keywords": ["warmte\x1fpomp"]}
    authors = [services.AuthorData(name="Sanne\x0c de Vries", organisation="ROC\ufffe")]
    version = services.resource_create(actor=author, publisher=world.roc, data=data, authors=authors)
    version.refresh_from_db()
    assert (version.title, version.keywords) == ("Warmtepomp inregelen", ["warmtepomp"])
    assert [(a.name, a.organisation) for a in version.authors.all()] == [("Sanne de Vries", "ROC")]


def test_characters_xml_cannot_hold_are_taken_out_of_an_edited_material(draft, author):
    services.version_update(actor=author, version=draft, data={**DATA, "description": "Stap\x08 1\uffff"})
    draft.refresh_from_db()
    assert draft.description == "Stap 1"
