"""Loads the reference data shipped in wattwijs/core/data/ (regions and themes)."""

from __future__ import annotations

import csv
from pathlib import Path
from typing import Any

DATA_DIR = Path(__file__).resolve().parent / "data"


def read_csv(name: str) -> list[dict[str, str]]:
    with (DATA_DIR / name).open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def load_regions(region_model: Any) -> None:
    for row in read_csv("arbeidsmarktregios.csv"):
        region_model.objects.update_or_create(
            code=row["code"],
            defaults={
                "name": row["name"],
                "province": row["province"],
                "reference_place": row["reference_place"],
                "latitude": row["lat"],
                "longitude": row["lon"],
            },
        )


def load_themes(theme_model: Any) -> None:
    by_code: dict[str, Any] = {}
    for position, row in enumerate(read_csv("themes.csv")):
        theme, _ = theme_model.objects.update_or_create(
            code=row["code"],
            defaults={
                "parent": by_code.get(row["parent"]) if row["parent"] else None,
                "name_nl": row["name_nl"],
                "name_en": row["name_en"],
                "position": position,
            },
        )
        by_code[theme.code] = theme
