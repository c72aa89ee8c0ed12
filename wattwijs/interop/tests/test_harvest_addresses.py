"""A harvest reaches only public addresses: the source form, the command and every fetch (and redirect) check it."""

from __future__ import annotations

import ipaddress
import urllib.request

import pytest
from django.core.management import CommandError, call_command
from django.urls import reverse

from wattwijs.interop import addresses, services
from wattwijs.interop.client import Client
from wattwijs.interop.models import HarvestRun, HarvestSource
from wattwijs.interop.tests.factories import HarvestSourceFactory
from wattwijs.interop.tests.feed import Answer, Feed, lom_record, page, serve

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    "address",
    [
        "127.0.0.1",
        "10.0.0.1",
        "172.16.5.4",
        "192.168.1.1",
        "169.254.169.254",
        "100.64.0.1",
        "0.0.0.0",  # noqa: S104 - checked, never bound
        "224.0.0.1",
        "240.0.0.1",
        "::1",
        "fe80::1",
        "fd00::1",
        "::ffff:127.0.0.1",
        "::ffff:10.0.0.1",
    ],
)
def test_private_local_and_reserved_addresses_are_not_allowed(address):
    assert not addresses.is_allowed(ipaddress.ip_address(address))


@pytest.mark.parametrize(
    "address",
    [
        "2002:a9fe:a9fe::1",  # 6to4 of 169.254.169.254
        "2002:7f00:1::1",  # 6to4 of 127.0.0.1
        "64:ff9b::a9fe:a9fe",  # NAT64 of 169.254.169.254
        "64:ff9b::a00:1",  # NAT64 of 10.0.0.1
        "64:ff9b::7f00:1",  # NAT64 of 127.0.0.1
        "64:ff9b:1::c0a8:101",  # local-use NAT64 of 192.168.1.1
    ],
)
def test_ipv6_addresses_that_lead_to_a_private_ipv4_address_are_not_allowed(address):
    assert not addresses.is_allowed(ipaddress.ip_address(address))


def test_both_ipv4_addresses_of_a_teredo_address_are_checked():
    # Server 10.0.0.1; the client 93.184.215.14 is stored inverted in the last 32 bits.
    teredo = ipaddress.IPv6Address("2001:0:a00:1::a247:28f1")
    assert addresses.embedded_ipv4(teredo) == [
        ipaddress.IPv4Address("10.0.0.1"),
        ipaddress.IPv4Address("93.184.215.14"),
    ]
    assert not addresses.is_allowed(teredo)


@pytest.mark.parametrize(
    "address", ["93.184.215.14", "2606:2800:21f:cb07:6820:80da:af6b:8b2c", "64:ff9b::808:808", "2002:808:808::1"]
)
def test_public_addresses_are_allowed(address):
    assert addresses.is_allowed(ipaddress.ip_address(address))


def test_a_name_that_resolves_to_a_private_address_is_not_allowed():
    with pytest.raises(addresses.AddressNotAllowed, match="10.1.2.3"):
        addresses.check_url("https://intern.example.org/oai")


def test_a_public_name_is_allowed():
    addresses.check_url("https://repository.example.org/oai")


def test_the_setting_allows_private_addresses(settings):
    settings.HARVEST_ALLOW_PRIVATE_ADDRESSES = True
    addresses.check_url("http://127.0.0.1:8000/oai")


def _form(url, organisation):
    return {
        "name": "Intern",
        "base_url": url,
        "metadata_prefix": "lom",
        "organisation": organisation.pk,
        "schedule": "daily",
    }


@pytest.mark.parametrize("url", ["http://169.254.169.254/latest/oai", "https://intern.example.org/oai"])
def test_the_source_form_refuses_a_private_address_in_dutch(client, world, url):
    client.force_login(world.alice)
    response = client.post(reverse("interop:harvest_source_create"), _form(url, world.roc))
    assert response.status_code == 200
    assert "is niet toegestaan" in response.content.decode()
    assert not HarvestSource.objects.exists()


def test_the_command_refuses_a_private_address():
    with pytest.raises(CommandError, match="niet toegestaan"):
        call_command("harvest_oai", "http://127.0.0.1:9/oai")
    assert not HarvestSource.objects.exists()


def test_a_harvest_of_a_source_on_a_private_address_stops_without_a_request():
    feed = Feed(pages={"": page([lom_record(1)])})
    with serve(feed) as url:
        source = HarvestSourceFactory(base_url=url)
        run = services.harvest(source=source, client=Client(timeout=10))
    assert run.status == HarvestRun.Status.FAILED
    assert "niet toegestaan" in run.message
    assert feed.requests == []


def test_a_redirect_to_a_private_address_is_not_followed(monkeypatch):
    # The feed's own address (loopback) counts as public here, so that only the redirect's target is refused.
    monkeypatch.setattr(addresses, "is_allowed", lambda address: address == ipaddress.ip_address("127.0.0.1"))
    feed = Feed(
        pages={"": page([lom_record(1)])},
        before={"": [Answer(status=302, headers={"Location": "http://169.254.169.254/latest/meta-data"})]},
    )
    with serve(feed) as url:
        source = HarvestSourceFactory(base_url=url)
        run = services.harvest(source=source, client=Client(timeout=10))
    assert run.status == HarvestRun.Status.FAILED
    assert "169.254.169.254" in run.message
    assert len(feed.requests) == 1


def test_a_redirect_to_another_scheme_is_not_followed(monkeypatch):
    monkeypatch.setattr(addresses, "is_allowed", lambda address: address == ipaddress.ip_address("127.0.0.1"))
    feed = Feed(
        pages={"": page([lom_record(1)])},
        before={"": [Answer(status=302, headers={"Location": "ftp://127.0.0.1/oai"})]},
    )
    with serve(feed) as url:
        source = HarvestSourceFactory(base_url=url)
        run = services.harvest(source=source, client=Client(timeout=10))
    assert run.status == HarvestRun.Status.FAILED
    assert "http:// of https://" in run.message


@pytest.mark.usefixtures("local_repository")
def test_the_harvester_ignores_proxy_settings(monkeypatch):
    for name in ("no_proxy", "NO_PROXY"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("http_proxy", "http://127.0.0.1:9")
    # urllib's shared opener reads the environment once; start from a fresh one.
    monkeypatch.setattr(urllib.request, "_opener", None)
    with serve(Feed(pages={"": page([lom_record(1)])})) as url:
        source = HarvestSourceFactory(base_url=url)
        run = services.harvest(source=source, client=Client(timeout=10))
    assert (run.status, run.added) == (HarvestRun.Status.FINISHED, 1)
