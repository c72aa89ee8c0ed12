"""A scenario's computed arrays packed into bytes and back: demand and supply [region, theme, occupation, year]."""

from __future__ import annotations

from io import BytesIO

import numpy as np

from wattwijs.capacity.model import Array, Result


def pack(result: Result) -> bytes:
    buffer = BytesIO()
    np.save(buffer, np.stack([result.demand, result.supply]).astype(np.float32), allow_pickle=False)
    return buffer.getvalue()


def unpack(data: bytes | memoryview) -> tuple[Array, Array]:
    """(demand, supply) as float64 arrays."""
    stacked = np.load(BytesIO(bytes(data)), allow_pickle=False).astype(np.float64)
    return stacked[0], stacked[1]
