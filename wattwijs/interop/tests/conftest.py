"""Name resolution for the harvester's address checks without the network: tests must not ask a DNS server."""

from __future__ import annotations

import ipaddress
import socket

import pytest

from wattwijs.interop import addresses

# Names the tests use that resolve to a private address; any other name under example.org/example.net resolves
# to a public one, and every other name is unknown.
PRIVATE_NAMES = {"intern.example.org": "10.1.2.3"}
PUBLIC_ADDRESS = "93.184.215.14"


def _resolve(host: str, port: int) -> list[tuple[object, ...]]:
    try:
        ipaddress.ip_address(host)
    except ValueError:
        if host == "localhost":
            host = "127.0.0.1"
        elif host in PRIVATE_NAMES:
            host = PRIVATE_NAMES[host]
        elif host.endswith((".example.org", ".example.net")):
            host = PUBLIC_ADDRESS
        else:
            raise socket.gaierror(socket.EAI_NONAME, "Name or service not known") from None
    return socket.getaddrinfo(host, port, type=socket.SOCK_STREAM, flags=socket.AI_NUMERICHOST)


@pytest.fixture(autouse=True)
def offline_name_resolution(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(addresses, "resolve", _resolve)


@pytest.fixture
def local_repository(settings: pytest.FixtureRequest) -> None:
    """The tests' repositories are served on 127.0.0.1, which harvesting refuses unless told otherwise."""
    settings.HARVEST_ALLOW_PRIVATE_ADDRESSES = True  # type: ignore[attr-defined]
