"""The pages the accessibility and layout checks visit.

Later modules add their pages with ``PAGES.append(PageCase(...))`` or ``PAGES.extend(...)``,
here or in a module imported by this one: test_accessibility parametrizes over PAGES when it is collected.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from wattwijs.core.models import Membership

PathSpec = str | Callable[[Any], str]


@dataclass(frozen=True)
class PageCase:
    name: str
    # A path, or a callable that takes the ``world`` fixture and returns one.
    path: PathSpec
    # Attribute of ``world`` to log in as (e.g. "alice"), or None for an anonymous visitor.
    user: str | None = None
    status: int = 200

    def resolve(self, world: Any) -> str:
        return self.path(world) if callable(self.path) else self.path


def _bob_removal(world: Any) -> str:
    membership = Membership.objects.get(user=world.bob, organisation=world.roc)
    return f"/organisaties/{world.roc.slug}/leden/{membership.pk}/verwijderen/"


PAGES: list[PageCase] = [
    PageCase("home", "/"),
    PageCase("organisations", "/organisaties/"),
    PageCase("organisations-kind-school", "/organisaties/?kind=school"),
    PageCase("organisations-no-results", "/organisaties/?q=zzzz"),
    PageCase("organisation-detail", lambda world: world.roc.get_absolute_url()),
    PageCase("regions", "/regios/"),
    PageCase("region-detail", "/regios/AMR12/"),
    PageCase("themes", "/themas/"),
    PageCase("theme-detail", "/themas/zon-pv/"),
    PageCase("login", "/account/login/"),
    PageCase("password-reset", "/account/password_reset/"),
    PageCase("not-found", "/bestaat-niet/", status=404),
    PageCase("profile", "/account/", user="alice"),
    PageCase("members", "/organisaties/roc-test/leden/", user="alice"),
    PageCase("organisation-edit", "/organisaties/roc-test/bewerken/", user="alice"),
    PageCase("audit-log", "/auditlog/", user="alice"),
    PageCase("password-change", "/account/password_change/", user="alice"),
    PageCase("member-remove", _bob_removal, user="alice"),
    PageCase("members-forbidden", "/organisaties/roc-test/leden/", user="bob", status=403),
]
