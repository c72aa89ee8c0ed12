"""The authentication backend: Django's model backend, loading a signed-in user's memberships with the user."""

from __future__ import annotations

from typing import Any

from django.contrib.auth.backends import ModelBackend
from django.db.models import Prefetch

from wattwijs.core.models import Membership, User

# The dotted path under which a session remembers this backend (also in settings.AUTHENTICATION_BACKENDS).
BACKEND_PATH = "wattwijs.core.backends.MembershipModelBackend"


class MembershipModelBackend(ModelBackend):
    """Loads the user of a request together with its memberships and their organisations.

    The page header and every permission check of the request then read the memberships from memory
    (``core.permissions.memberships``) instead of asking the database each time.
    """

    def get_user(self, user_id: Any) -> User | None:
        user = (
            User._default_manager.filter(pk=user_id)
            .prefetch_related(Prefetch("memberships", queryset=Membership.objects.select_related("organisation")))
            .first()
        )
        return user if user is not None and self.user_can_authenticate(user) else None
