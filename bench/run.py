"""Runs the WattWijs benchmarks and prints one line per measured figure.

Usage: python bench/run.py [--scale N] [--requests N] [--only NAME]

The database is DATABASE_URL when set (e.g. a throwaway PostgreSQL through
scripts/with_postgres.py), otherwise a SQLite file under var/bench/. It is
migrated and filled with `load_demo --scale N` (idempotent, so a second run
reuses it). Each bench_*.py module beside this file defines
``run(bench: Bench) -> None``.
"""

from __future__ import annotations

import argparse
import gc
import importlib
import os
import statistics
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


@dataclass
class Bench:
    requests: int
    engine: str

    def timings(
        self, action: Callable[[], object], *, warmup: int = 5, requests: int | None = None
    ) -> tuple[float, float]:
        """p50 and p95 in milliseconds of ``action`` over ``requests`` (default ``self.requests``) runs."""
        for _ in range(warmup):
            action()
        samples = []
        for _ in range(requests or self.requests):
            start = time.perf_counter()
            action()
            samples.append((time.perf_counter() - start) * 1000)
        quantiles = statistics.quantiles(samples, n=100, method="inclusive")
        return statistics.median(samples), quantiles[94]

    def page(self, name: str, path: str, *, client: object = None, note: str = "", requests: int | None = None) -> None:
        """Measure server time and query count of one GET through Django's test client."""
        from django.db import connection, reset_queries
        from django.test import Client
        from django.test.utils import CaptureQueriesContext

        http = client or Client()

        def get() -> None:
            response = http.get(path)  # type: ignore[attr-defined]
            if response.status_code != 200:
                raise SystemExit(f"{path} answered {response.status_code}")

        # Earlier work (migrate, load_demo) fills the query log; start from an empty one. Counting
        # with an empty cache gives the queries of a first visit, the most a page makes.
        from django.core.cache import cache

        cache.clear()
        reset_queries()
        with CaptureQueriesContext(connection) as queries:
            get()
        query_count = len(queries)
        p50, p95 = self.timings(get, requests=requests)
        self.report(name, f"p50 {p50:.1f} ms, p95 {p95:.1f} ms, {query_count} queries", note)

    def report(self, name: str, figures: str, note: str = "") -> None:
        suffix = f" ({note}, {self.engine})" if note else f" ({self.engine})"
        print(f"{name}: {figures}{suffix}", flush=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--scale", type=int, default=100)
    parser.add_argument("--requests", type=int, default=100)
    parser.add_argument("--only", default="", help="run only bench modules whose name contains this text")
    args = parser.parse_args()

    sys.path.insert(0, str(ROOT))
    if "DATABASE_URL" not in os.environ:
        bench_dir = ROOT / "var" / "bench"
        bench_dir.mkdir(parents=True, exist_ok=True)
        os.environ["DATABASE_URL"] = f"sqlite:///{bench_dir / 'bench.sqlite3'}"
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "wattwijs.settings")
    os.environ.setdefault("SECRET_KEY", "benchmark-only-secret-key")
    os.environ.setdefault("ALLOWED_HOSTS", "testserver")

    import django
    from django.conf import settings
    from django.core.management import call_command

    django.setup()
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    call_command("migrate", verbosity=0, interactive=False)
    from wattwijs.core.demo import load_demo

    parts: list[tuple[str, float]] = []
    started = time.perf_counter()
    load_demo(scale=args.scale, timed=lambda part, seconds: parts.append((part, seconds)))
    load_seconds = time.perf_counter() - started

    from django.db import connection

    if connection.vendor == "postgresql":
        # A freshly filled cluster has no planner statistics and a full GIN pending list yet; autovacuum
        # takes care of both in production, here it would only start somewhere during the measurements.
        with connection.cursor() as cursor:
            cursor.execute("VACUUM ANALYZE")
    # A server process starts without what the loader left in memory: move it out of the collector's way.
    gc.collect()
    gc.freeze()
    bench = Bench(requests=args.requests, engine=connection.vendor)
    # A second run of load_demo finds everything in place and takes seconds.
    bench.report("load_demo", f"{load_seconds:.1f} s", f"--scale {args.scale}")
    for part, seconds in parts:
        bench.report(f"load_demo, {part} part", f"{seconds:.1f} s", f"--scale {args.scale}")
    pattern = f"bench_*{args.only}*.py" if args.only else "bench_*.py"
    for module_path in sorted((ROOT / "bench").glob(pattern)):
        module = importlib.import_module(f"bench.{module_path.stem}")
        module.run(bench)


if __name__ == "__main__":
    main()
