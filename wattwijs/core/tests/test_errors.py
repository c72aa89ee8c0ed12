import pytest
from django.test import Client

pytestmark = pytest.mark.django_db


@pytest.fixture
def failing_site(settings):
    settings.ROOT_URLCONF = "wattwijs.core.tests.error_urls"
    return Client(raise_request_exception=False)


def test_a_server_error_shows_the_dutch_500_page(failing_site):
    response = failing_site.get("/kapot/")
    assert response.status_code == 500
    assert "Er ging iets mis" in response.content.decode()


def test_a_server_error_shows_no_stack_trace(failing_site):
    body = failing_site.get("/kapot/").content.decode()
    assert "secret internal detail" not in body and "Traceback" not in body


def test_the_403_page_is_dutch(world, client):
    client.force_login(world.bob)
    assert "Geen toegang" in client.get("/organisaties/roc-test/leden/").content.decode()
