"""Which network addresses a harvest may reach: only global ones, so that a harvest source cannot be used to
reach the platform's own machines, its private network or cloud metadata services.

``check_url`` is for addresses people give (the source form, the command); ``create_connection`` is what the
harvester's HTTP connections connect with. It resolves the host once, checks every address it resolves to
and connects to those addresses only, so a name cannot resolve to a public address when checked and to a
private one when connected to. ``HARVEST_ALLOW_PRIVATE_ADDRESSES`` turns the checks off (for a repository
on a private network, and for tests that serve one on 127.0.0.1).
"""

from __future__ import annotations

import ipaddress
import socket
from typing import Any
from urllib.parse import urlsplit

from django.conf import settings
from django.utils.translation import gettext as _

ALLOWED_SCHEMES = ("http", "https")

IPAddress = ipaddress.IPv4Address | ipaddress.IPv6Address


class AddressNotAllowed(ValueError):
    """The address is not one a harvest may reach; the message says why, in words."""


def private_addresses_allowed() -> bool:
    return bool(getattr(settings, "HARVEST_ALLOW_PRIVATE_ADDRESSES", False))


# NAT64 prefixes (RFC 6052 well-known, RFC 8215 local-use): the last 32 bits are the IPv4 address reached.
NAT64_PREFIXES = (ipaddress.IPv6Network("64:ff9b::/96"), ipaddress.IPv6Network("64:ff9b:1::/48"))


def embedded_ipv4(address: ipaddress.IPv6Address) -> list[ipaddress.IPv4Address]:
    """The IPv4 addresses an IPv6 address leads to: IPv4-mapped, 6to4, Teredo (server and client) and NAT64."""
    embedded: list[ipaddress.IPv4Address] = []
    if address.ipv4_mapped is not None:
        embedded.append(address.ipv4_mapped)
    if address.sixtofour is not None:
        embedded.append(address.sixtofour)
    if address.teredo is not None:
        embedded.extend(address.teredo)
    if any(address in prefix for prefix in NAT64_PREFIXES):
        embedded.append(ipaddress.IPv4Address(int(address) & 0xFFFFFFFF))
    return embedded


def _is_public(address: IPAddress) -> bool:
    return address.is_global and not address.is_multicast


def is_allowed(address: IPAddress) -> bool:
    """Whether ``address`` is on the public internet (not private, loopback, link-local, multicast or reserved).

    An IPv6 address that carries an IPv4 address (IPv4-mapped, 6to4, Teredo, NAT64) is allowed only when that
    IPv4 address is public as well.
    """
    if isinstance(address, ipaddress.IPv6Address):
        if address.ipv4_mapped is not None:
            return _is_public(address.ipv4_mapped)
        if not all(_is_public(embedded) for embedded in embedded_ipv4(address)):
            return False
    return _is_public(address)


def resolve(host: str, port: int) -> list[tuple[Any, ...]]:
    """The ``getaddrinfo`` answers for ``host`` (TCP only); an ``OSError`` when the name cannot be resolved."""
    return socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)


def _address(info: tuple[Any, ...]) -> IPAddress:
    # The scope of an IPv6 address ("fe80::1%eth0") is not part of the address.
    return ipaddress.ip_address(str(info[4][0]).split("%", 1)[0])


def allowed_addresses(host: str, port: int) -> list[tuple[Any, ...]]:
    """The resolved addresses of ``host``; ``AddressNotAllowed`` when any of them is not a global address."""
    try:
        infos = resolve(host, port)
    except (OSError, UnicodeError) as error:
        raise AddressNotAllowed(_("The host %(host)s cannot be found.") % {"host": host}) from error
    if not private_addresses_allowed():
        for info in infos:
            address = _address(info)
            if not is_allowed(address):
                raise AddressNotAllowed(
                    _(
                        "The address %(host)s is not allowed: it leads to a private, local or reserved "
                        "network address (%(address)s)."
                    )
                    % {"host": host, "address": address}
                )
    return infos


def check_url(url: str) -> None:
    """``AddressNotAllowed`` unless ``url`` is an http(s) address whose host resolves to global addresses only."""
    parts = urlsplit(url)
    if parts.scheme not in ALLOWED_SCHEMES:
        raise AddressNotAllowed(_("The address must start with http:// or https://."))
    try:
        host, port = parts.hostname, parts.port
    except ValueError as error:
        raise AddressNotAllowed(_("The address has an invalid port.")) from error
    if not host:
        raise AddressNotAllowed(_("The address has no host name."))
    if private_addresses_allowed():
        return
    allowed_addresses(host, port or (443 if parts.scheme == "https" else 80))


def create_connection(
    address: tuple[str, int],
    timeout: object = None,
    source_address: tuple[str, int] | None = None,
    **_options: Any,
) -> socket.socket:
    """``socket.create_connection`` that connects only to the checked addresses of the host."""
    if private_addresses_allowed():
        return socket.create_connection(address, timeout, source_address)  # type: ignore[arg-type]
    host, port = address
    last_error: OSError | None = None
    for family, kind, protocol, _name, socket_address in allowed_addresses(host, port):
        sock = socket.socket(family, kind, protocol)
        try:
            if isinstance(timeout, int | float):
                sock.settimeout(timeout)
            if source_address is not None:
                sock.bind(source_address)
            sock.connect(socket_address)
        except OSError as error:
            sock.close()
            last_error = error
            continue
        return sock
    raise last_error or OSError(f"getaddrinfo returned no addresses for {host}")
