"""Platform core: home page and organisation directory at demo scale."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from bench.run import Bench


def run(bench: Bench) -> None:
    from django.core.cache import cache
    from django.test import Client

    from wattwijs.core.models import Organisation, User

    count = Organisation.objects.count()
    note = f"{count} organisations"
    bench.page("home page", "/", note=note)
    bench.page("organisation list", "/organisaties/", note=note)
    bench.page(
        "organisation list, filtered and sorted", "/organisaties/?theme=gebouwde-omgeving&sort=region", note=note
    )
    bench.page("organisation list, name search", "/organisaties/?q=bakker", note=note)
    bench.page("organisation list, page 50", "/organisaties/?page=50", note=note)

    # The facet counts are cached until an organisation changes; this is the first visit after a change.
    client = Client()

    def uncached() -> None:
        cache.clear()
        client.get("/organisaties/")

    p50, p95 = bench.timings(uncached)
    bench.report("organisation list, facet counts not cached", f"p50 {p50:.1f} ms, p95 {p95:.1f} ms", note)

    admin = Client()
    admin.force_login(User.objects.get(email="beheerder@demo.wattwijs.example"))
    bench.page("members page (logged in)", "/organisaties/roc-vechtstreek/leden/", client=admin)
