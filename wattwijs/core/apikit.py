"""What every app's REST API router shares: the token of a request, rate limits, paging and the error format.

The API root (``wattwijs.interop.api``) mounts each app's ``api.py`` router. Reads are public and answer
anonymous callers; a valid ``Authorization: Bearer <token>`` header makes the call on behalf of the token's
owner, under the same permission rules as the pages. Writes require a token.
"""

from __future__ import annotations

import math
import threading
import time
from collections.abc import Sequence
from typing import Annotated, Any

from django.conf import settings
from django.contrib.auth.models import AnonymousUser
from django.core.cache import cache
from django.db.models import QuerySet
from django.http import HttpRequest
from ninja import Field, Schema
from ninja.errors import AuthenticationError
from ninja.params import functions as params
from ninja.security import HttpBearer
from ninja.throttling import BaseThrottle
from pydantic import AfterValidator, BaseModel

from wattwijs.core import selectors, services
from wattwijs.core.models import ApiToken
from wattwijs.core.permissions import AnyUser

MAX_PAGE_SIZE = 100
DEFAULT_PAGE_SIZE = 20
# A page beyond this would make the database skip too many rows; narrow the query instead.
MAX_PAGE = 10_000

_REQUEST_CACHE = "_wattwijs_api_token"
_MISSING = object()
_INVALID = object()


# Errors -----------------------------------------------------------------------------


class ErrorDetail(Schema):
    field: str = Field("", description="The parameter or field the problem is about; empty for the whole request.")
    message: str


class ErrorBody(Schema):
    code: str = Field(
        description=(
            "bad_request, not_authenticated, permission_denied, not_found, validation_error, "
            "rate_limited or server_error"
        )
    )
    message: str
    details: list[ErrorDetail] = []


class Error(Schema):
    """The one error format of the API, for every status from 400 to 500."""

    error: ErrorBody


def error_body(code: str, message: str, details: Sequence[dict[str, str]] = ()) -> dict[str, Any]:
    return {"error": {"code": code, "message": message, "details": list(details)}}


# Tokens -----------------------------------------------------------------------------


def bearer_token(request: HttpRequest) -> str | None:
    """The token in the Authorization header, or None when the header is absent or not a bearer token."""
    header = str(request.META.get("HTTP_AUTHORIZATION", ""))
    scheme, _, value = header.partition(" ")
    if scheme.lower() != "bearer" or not value.strip():
        return None
    return value.strip()


def request_token(request: HttpRequest) -> ApiToken | None:
    """The active token of the request (looked up once per request); a bad token is an authentication error."""
    found = getattr(request, _REQUEST_CACHE, _MISSING)
    if found is _MISSING:
        raw = bearer_token(request)
        found = None
        if raw is not None:
            token = selectors.api_token_active(token_hash=services.api_token_hash(raw)) if len(raw) <= 200 else None
            found = token if token is not None else _INVALID
            if token is not None:
                services.api_token_touch(token=token)
        setattr(request, _REQUEST_CACHE, found)
    if found is _INVALID:
        raise AuthenticationError(message="The API token is unknown or revoked.")
    return found  # type: ignore[return-value]


def api_user(request: HttpRequest) -> AnyUser:
    """Who the call is made for: the token's owner, or an anonymous visitor. Session cookies are not used."""
    token = request_token(request)
    return token.user if token is not None else AnonymousUser()


def optional_token(request: HttpRequest) -> ApiToken | bool:
    """The API's default check: anyone may call, but a token that is sent must be valid (else 401)."""
    return request_token(request) or True


class TokenAuth(HttpBearer):
    """Requires a valid personal API token (made on the profile page)."""

    def authenticate(self, request: HttpRequest, token: str) -> ApiToken | None:
        return request_token(request)


# Rate limits ------------------------------------------------------------------------


def parse_rate(rate: str) -> tuple[int, int]:
    """'120/minute' → (120, 60). Periods: second, minute, hour, day (or their first letter)."""
    number, _, period = rate.partition("/")
    seconds = {"s": 1, "m": 60, "h": 3600, "d": 86400}[period.strip()[:1].lower()]
    return int(number), seconds


class RateThrottle(BaseThrottle):
    """Fixed windows in the Django cache: per token for calls with a valid token, else per IP address.

    The rates come from ``settings.API_RATE_LIMITS`` (``{"token": "600/minute", "ip": "120/minute"}``);
    a missing or empty entry switches that limit off.
    """

    def __init__(self) -> None:
        # One instance serves every request; what ``wait`` reports belongs to the thread's current request.
        self._state = threading.local()

    def allow_request(self, request: HttpRequest) -> bool:
        rates: dict[str, str] = getattr(settings, "API_RATE_LIMITS", None) or {}
        try:
            token = request_token(request)
        except AuthenticationError:  # counted per IP address
            token = None
        scope, ident = ("token", str(token.pk)) if token is not None else ("ip", self.get_ident(request) or "")
        rate = rates.get(scope)
        if not rate:
            return True
        limit, period = parse_rate(rate)
        now = time.time()
        window = int(now // period)
        key = f"api-rate:{scope}:{ident}:{period}:{window}"
        cache.add(key, 0, timeout=period + 1)
        try:
            count = cache.incr(key)
        except ValueError:  # expired between add and incr
            cache.set(key, 1, timeout=period + 1)
            count = 1
        if count > limit:
            self._state.retry_after = max(1.0, (window + 1) * period - now)
            return False
        return True

    def wait(self) -> float | None:
        retry_after: float | None = getattr(self._state, "retry_after", None)
        return math.ceil(retry_after) if retry_after is not None else None


# Paging -----------------------------------------------------------------------------


class PageQuery(Schema):
    page: int = Field(1, ge=1, le=MAX_PAGE, description="Page number, from 1.")
    page_size: int = Field(DEFAULT_PAGE_SIZE, ge=1, le=MAX_PAGE_SIZE, description="Results per page (at most 100).")


class Out(BaseModel):
    """Base of the API's answers: plain pydantic models, validated from dicts (no per-object ORM lookups)."""


class PageLinks(Out):
    count: int = Field(description="The number of results over all pages.")
    next: str | None = Field(description="The next page, or null on the last page.")
    previous: str | None = Field(description="The previous page, or null on the first page.")


def page_of(
    request: HttpRequest, items: Sequence[Any] | QuerySet[Any], paging: PageQuery, *, count: int | None = None
) -> tuple[list[Any], dict[str, Any]]:
    """One page of ``items`` (a queryset or a sequence that slices lazily), and count/next/previous."""
    total = count if count is not None else items.count() if isinstance(items, QuerySet) else len(items)
    start = (paging.page - 1) * paging.page_size
    rows = list(items[start : start + paging.page_size]) if start < total else []

    def link(page: int) -> str:
        query = request.GET.copy()
        query["page"] = str(page)
        return request.build_absolute_uri(f"{request.path}?{query.urlencode()}")

    has_next = start + paging.page_size < total
    previous = min(paging.page - 1, max(1, math.ceil(total / paging.page_size)))
    return rows, {
        "count": total,
        "next": link(paging.page + 1) if has_next else None,
        "previous": link(previous) if paging.page > 1 else None,
    }


# Parameters -------------------------------------------------------------------------


def _printable(value: str) -> str:
    """Control characters (NUL above all, which PostgreSQL refuses in text) are dropped from text parameters."""
    return "".join(ch for ch in value if ch.isprintable())


# A text parameter: control characters removed.
Text = Annotated[str, AfterValidator(_printable)]
# The largest id the API accepts in a path or body (ids are 64-bit; JSON clients handle up to 2**53 exactly).
MAX_ID = 2**53

# An id in a path, e.g. ``/resources/{int:id}``.
PathId = Annotated[int, params.Path(ge=1, le=MAX_ID, description="The id.")]
