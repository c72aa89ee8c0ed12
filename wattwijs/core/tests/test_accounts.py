import pytest

pytestmark = pytest.mark.django_db


def _login(client, password):
    return client.post("/account/login/", {"username": "alice@example.org", "password": password})


def test_it_logs_in_with_email_and_password(world, client):
    response = _login(client, "correct-horse-battery")
    assert response.status_code == 302


def test_a_wrong_password_shows_a_dutch_error(world, client):
    response = _login(client, "fout")
    assert "Voer een juiste" in response.content.decode()


def test_it_locks_out_after_repeated_failures(world, client, settings):
    for _ in range(settings.AXES_FAILURE_LIMIT):
        _login(client, "fout")
    response = _login(client, "correct-horse-battery")
    assert response.status_code == 429


def test_logout_needs_a_post(world, client):
    client.force_login(world.alice)
    assert client.get("/account/logout/").status_code == 405


def test_the_password_reset_sends_an_email(world, client, mailoutbox):
    client.post("/account/password_reset/", {"email": "alice@example.org"})
    assert mailoutbox[0].to == ["alice@example.org"]


def test_the_language_switch_sets_english(client):
    response = client.post("/i18n/setlang/", {"language": "en", "next": "/"}, follow=True)
    assert response.context["LANGUAGE_CODE"] == "en"
