import pytest

from wattwijs.core import services
from wattwijs.core.models import AuditEntry

pytestmark = pytest.mark.django_db


def _entry(world):
    return services.audit_log_write(actor=world.alice, action="test.action", obj=world.roc, organisation=world.roc)


def test_it_records_actor_object_and_organisation(world):
    entry = _entry(world)
    assert (entry.actor, entry.object_type, entry.object_id, entry.organisation) == (
        world.alice,
        "core.organisation",
        str(world.roc.pk),
        world.roc,
    )


def test_an_entry_cannot_be_changed(world):
    entry = _entry(world)
    entry.action = "rewritten"
    with pytest.raises(ValueError):
        entry.save()
    assert AuditEntry.objects.get(pk=entry.pk).action == "test.action"


def test_an_entry_cannot_be_deleted(world):
    entry = _entry(world)
    with pytest.raises(ValueError):
        entry.delete()
    assert AuditEntry.objects.filter(pk=entry.pk).exists()


def test_admin_offers_no_change_or_delete(world, admin_client):
    entry = _entry(world)
    response = admin_client.post(f"/beheer/core/auditentry/{entry.pk}/delete/", {"post": "yes"})
    assert response.status_code == 403
    assert AuditEntry.objects.filter(pk=entry.pk).exists()


def test_an_organisation_admin_sees_only_entries_of_their_organisations(world, client):
    _entry(world)
    services.audit_log_write(actor=world.charlie, action="other.action", organisation=world.gemeente)
    client.force_login(world.alice)
    response = client.get("/auditlog/")
    actions = [entry.action for entry in response.context["page"].object_list]
    assert actions == ["test.action"]


def test_the_audit_log_filters_by_actor(world, client):
    _entry(world)
    services.audit_log_write(actor=world.bob, action="bob.action", organisation=world.roc)
    client.force_login(world.alice)
    response = client.get("/auditlog/", {"actor": "bob@"})
    assert [entry.action for entry in response.context["page"].object_list] == ["bob.action"]


def test_the_audit_log_rejects_an_end_date_before_the_start(world, client):
    client.force_login(world.alice)
    response = client.get("/auditlog/", {"date_from": "2026-05-02", "date_to": "2026-05-01"})
    assert "date_to" in response.context["form"].errors


def test_the_audit_log_is_closed_to_members_without_an_admin_role(world, client):
    client.force_login(world.bob)
    assert client.get("/auditlog/").status_code == 403
