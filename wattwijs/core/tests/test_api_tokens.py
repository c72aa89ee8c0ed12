"""Personal API tokens: made and revoked on the profile page, stored only as a hash, and used as Bearer tokens."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from wattwijs.core import services
from wattwijs.core.models import ApiToken, AuditEntry

pytestmark = pytest.mark.django_db


def test_a_new_token_is_stored_only_as_its_hash(world):
    token, raw = services.api_token_create(user=world.alice, name="Moodle-koppeling")
    stored = ApiToken.objects.get(pk=token.pk)
    assert raw.startswith("ww_") and len(raw) > 40
    assert stored.token_hash == services.api_token_hash(raw) and raw not in stored.token_hash
    assert stored.prefix == raw[:10]


def test_making_a_token_is_written_to_the_audit_log(world):
    services.api_token_create(user=world.alice, name="Script")
    assert AuditEntry.objects.filter(action="user.api_token_create", actor=world.alice).exists()


def test_a_token_needs_a_name(world):
    with pytest.raises(ValidationError):
        services.api_token_create(user=world.alice, name="   ")
    assert not ApiToken.objects.exists()


def test_a_user_may_not_revoke_the_token_of_someone_else(world):
    token, _raw = services.api_token_create(user=world.alice, name="Script")
    with pytest.raises(PermissionDenied):
        services.api_token_revoke(actor=world.bob, token=token)
    assert ApiToken.objects.get(pk=token.pk).revoked_at is None


def test_the_profile_page_shows_a_new_token_once(client, world):
    client.force_login(world.alice)
    response = client.post("/account/api-tokens/", {"name": "Moodle"})
    raw = response.context["new_token"]
    assert response.status_code == 200 and raw in response.content.decode()
    assert raw not in client.get("/account/").content.decode()
    assert "Moodle" in client.get("/account/").content.decode()


def test_a_token_without_a_name_is_refused_on_the_profile_page_with_a_dutch_message(client, world):
    client.force_login(world.alice)
    response = client.post("/account/api-tokens/", {"name": ""})
    assert response.status_code == 400
    assert "Dit veld is verplicht" in response.content.decode()
    assert not ApiToken.objects.exists()


def test_a_revoked_token_no_longer_opens_the_api(client, world):
    token, raw = services.api_token_create(user=world.alice, name="Script")
    headers = {"Authorization": f"Bearer {raw}"}
    assert client.get("/api/v1/collections", headers=headers).status_code == 200
    client.force_login(world.alice)
    client.post(f"/account/api-tokens/{token.pk}/intrekken/")
    client.logout()
    response = client.get("/api/v1/collections", headers=headers)
    assert response.status_code == 401
    assert response.json()["error"]["code"] == "not_authenticated"


def test_only_the_owner_can_revoke_a_token_from_the_profile_page(client, world):
    token, _raw = services.api_token_create(user=world.alice, name="Script")
    client.force_login(world.bob)
    assert client.post(f"/account/api-tokens/{token.pk}/intrekken/").status_code == 404
    assert ApiToken.objects.get(pk=token.pk).is_active


def test_an_unknown_token_is_refused_in_the_error_format(client, world):
    response = client.get("/api/v1/regions", headers={"Authorization": "Bearer ww_nonsense"})
    assert response.status_code == 401
    assert response.json()["error"]["message"] == "The API token is unknown or revoked."
    assert response["WWW-Authenticate"].startswith("Bearer")


def test_a_session_login_does_not_authenticate_api_writes(client, world):
    client.force_login(world.alice)
    response = client.post("/api/v1/collections", {"title": "Mijn lijst"}, content_type="application/json")
    assert response.status_code == 401


def test_using_a_token_notes_when_it_was_last_used(client, world):
    token, raw = services.api_token_create(user=world.alice, name="Script")
    client.get("/api/v1/regions", headers={"Authorization": f"Bearer {raw}"})
    assert ApiToken.objects.get(pk=token.pk).last_used_at is not None


def test_the_profile_page_lists_tokens_with_their_start_and_a_revoke_button(client, world):
    token, _raw = services.api_token_create(user=world.alice, name="Moodle-koppeling")
    client.force_login(world.alice)
    page = client.get("/account/").content.decode()
    assert page.count('id="api-tokens-title"') == 1
    assert f"{token.prefix}…" in page and f"/account/api-tokens/{token.pk}/intrekken/" in page
