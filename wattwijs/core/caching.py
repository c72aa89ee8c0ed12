"""Short-lived caches of derived reads, dropped as soon as their source data changes.

A namespace has a generation token in the cache; every entry's key includes it. Writes to the
source data call ``invalidate(namespace)``, which draws a new token, so old entries are never
read again and expire on their own.
"""

from __future__ import annotations

import hashlib
import uuid
from collections.abc import Callable
from typing import TypeVar

from django.core.cache import cache

T = TypeVar("T")

DEFAULT_TIMEOUT = 300


def _generation(namespace: str) -> str:
    key = f"wattwijs:{namespace}:generation"
    token = cache.get(key)
    if token is None:
        token = uuid.uuid4().hex
        # add() keeps a token another process set in the meantime.
        if not cache.add(key, token, timeout=None):
            token = cache.get(key, token)
    return str(token)


def cached(namespace: str, parts: object, compute: Callable[[], T], timeout: int = DEFAULT_TIMEOUT) -> T:
    """The cached value for ``parts`` (anything with a stable repr) in ``namespace``, computed when missing."""
    digest = hashlib.sha256(repr(parts).encode()).hexdigest()[:32]
    key = f"wattwijs:{namespace}:{_generation(namespace)}:{digest}"
    value = cache.get(key)
    if value is None:
        value = compute()
        cache.set(key, value, timeout=timeout)
    return value  # type: ignore[no-any-return]


def invalidate(namespace: str) -> None:
    cache.set(f"wattwijs:{namespace}:generation", uuid.uuid4().hex, timeout=None)


_in_process: dict[tuple[str, str], tuple[str, object]] = {}


def cached_in_process(namespace: str, parts: object, compute: Callable[[], T]) -> T:
    """Like ``cached``, but the value stays in this process (no pickling), for larger read-mostly tables.

    It is still dropped by ``invalidate(namespace)``: each read compares the generation token in the
    shared cache with the one the value was computed under.
    """
    generation = _generation(namespace)
    key = (namespace, repr(parts))
    hit = _in_process.get(key)
    if hit is not None and hit[0] == generation:
        return hit[1]  # type: ignore[return-value]
    value = compute()
    _in_process[key] = (generation, value)
    return value
