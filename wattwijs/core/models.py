"""Platform core: users, organisations, memberships, regions, themes and the audit log."""

from __future__ import annotations

from typing import Any, ClassVar

from django.conf import settings
from django.contrib.auth.models import AbstractUser, BaseUserManager
from django.db import models
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from wattwijs.core.links import detail_url


class UserManager(BaseUserManager["User"]):
    use_in_migrations = True

    def _create_user(self, email: str, password: str | None, **extra: Any) -> User:
        if not email:
            raise ValueError("An e-mail address is required.")
        user = self.model(email=self.normalize_email(email).lower(), **extra)
        user.set_password(password)
        user.save(using=self._db)
        return user

    def create_user(self, email: str, password: str | None = None, **extra: Any) -> User:
        extra.setdefault("is_staff", False)
        extra.setdefault("is_superuser", False)
        return self._create_user(email, password, **extra)

    def create_superuser(self, email: str, password: str | None = None, **extra: Any) -> User:
        extra.setdefault("is_staff", True)
        extra.setdefault("is_superuser", True)
        return self._create_user(email, password, **extra)


class User(AbstractUser):
    """A person who logs in with an e-mail address."""

    username = None  # type: ignore[assignment]
    email = models.EmailField(_("e-mail address"), unique=True)

    USERNAME_FIELD = "email"
    REQUIRED_FIELDS: ClassVar[list[str]] = []

    objects: ClassVar[UserManager] = UserManager()  # type: ignore[assignment]

    class Meta:
        verbose_name = _("user")
        verbose_name_plural = _("users")

    def __str__(self) -> str:
        return self.get_full_name() or self.email


def localized(dutch: str, english: str) -> str:
    """Pick the Dutch or English text for the active language."""
    return english if (get_language() or "nl").startswith("en") else dutch


class Region(models.Model):
    """An arbeidsmarktregio (one of the 35 labour-market regions)."""

    code = models.CharField(_("code"), max_length=10, unique=True)
    name = models.CharField(_("name"), max_length=100)
    province = models.CharField(_("province"), max_length=100)
    reference_place = models.CharField(_("reference place"), max_length=100)
    latitude = models.DecimalField(_("latitude"), max_digits=8, decimal_places=5)
    longitude = models.DecimalField(_("longitude"), max_digits=8, decimal_places=5)

    class Meta:
        ordering = ["name"]
        verbose_name = _("labour-market region")
        verbose_name_plural = _("labour-market regions")

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return detail_url("core:region_detail", "code", self.code)


class Theme(models.Model):
    """A theme of the energy transition, in a tree (data/themes.csv)."""

    code = models.SlugField(_("code"), max_length=60, unique=True)
    parent = models.ForeignKey(
        "self",
        verbose_name=_("parent theme"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="children",
    )
    name_nl = models.CharField(_("name (Dutch)"), max_length=120)
    name_en = models.CharField(_("name (English)"), max_length=120)
    position = models.PositiveSmallIntegerField(_("position"), default=0)

    class Meta:
        ordering = ["position"]
        verbose_name = _("theme")
        verbose_name_plural = _("themes")

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return detail_url("core:theme_detail", "code", self.code)

    @property
    def name(self) -> str:
        return localized(self.name_nl, self.name_en)


class OrganisationKind(models.TextChoices):
    SCHOOL = "school", _("School (roc, vakschool)")
    HOGESCHOOL = "hogeschool", _("University of applied sciences")
    COMPANY = "company", _("Company")
    LEERBEDRIJF = "leerbedrijf", _("Accredited training company")
    BRANCH = "branch", _("Sector association")
    UWV = "uwv", _("UWV")
    MUNICIPALITY = "municipality", _("Municipality")
    OTHER = "other", _("Other")


class Organisation(models.Model):
    """A school, company, branch, UWV office, municipality or other partner."""

    name = models.CharField(_("name"), max_length=200)
    slug = models.SlugField(_("short name in web addresses"), max_length=220, unique=True)
    kind = models.CharField(_("kind"), max_length=20, choices=OrganisationKind.choices)
    region = models.ForeignKey(
        Region,
        verbose_name=_("region"),
        on_delete=models.PROTECT,
        related_name="organisations",
    )
    website = models.URLField(_("website"), blank=True)
    description = models.TextField(_("description"), blank=True)
    themes = models.ManyToManyField(Theme, verbose_name=_("themes"), blank=True, related_name="organisations")
    is_fictitious = models.BooleanField(
        _("fictitious"),
        default=False,
        help_text=_("Demo records are fictitious and are labelled as such."),
    )
    created_at = models.DateTimeField(_("created at"), default=timezone.now)

    class Meta:
        ordering = ["name"]
        verbose_name = _("organisation")
        verbose_name_plural = _("organisations")
        indexes = [
            models.Index(fields=["kind", "name"], name="core_org_kind_name_idx"),
            # The directory's default order; lets a page of the list be read without sorting all rows.
            models.Index(fields=["name", "id"], name="core_org_name_idx"),
        ]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return detail_url("core:organisation_detail", "slug", self.slug)


class Role(models.TextChoices):
    ADMIN = "admin", _("Administrator")
    COORDINATOR = "coordinator", _("Coordinator")
    COACH = "coach", _("Coach")
    AUTHOR = "author", _("Author")
    MODERATOR = "moderator", _("Moderator")
    MENTOR = "mentor", _("Workplace mentor (praktijkopleider)")
    VIEWER = "viewer", _("Viewer")


class Membership(models.Model):
    """A user's role in one organisation; a user may belong to several."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("user"),
        on_delete=models.CASCADE,
        related_name="memberships",
    )
    organisation = models.ForeignKey(
        Organisation,
        verbose_name=_("organisation"),
        on_delete=models.CASCADE,
        related_name="memberships",
    )
    role = models.CharField(_("role"), max_length=20, choices=Role.choices)
    created_at = models.DateTimeField(_("member since"), default=timezone.now)

    class Meta:
        ordering = ["organisation__name", "user__email"]
        verbose_name = _("membership")
        verbose_name_plural = _("memberships")
        constraints = [
            models.UniqueConstraint(fields=["user", "organisation"], name="core_membership_one_per_organisation")
        ]

    def __str__(self) -> str:
        return f"{self.user} – {self.organisation} ({self.get_role_display()})"


class Invitation(models.Model):
    """An invitation by e-mail to join an organisation in a role."""

    organisation = models.ForeignKey(
        Organisation,
        verbose_name=_("organisation"),
        on_delete=models.CASCADE,
        related_name="invitations",
    )
    email = models.EmailField(_("e-mail address"))
    role = models.CharField(_("role"), max_length=20, choices=Role.choices)
    token = models.CharField(max_length=64, unique=True)
    invited_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("invited by"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    created_at = models.DateTimeField(_("sent at"), default=timezone.now)
    accepted_at = models.DateTimeField(_("accepted at"), null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("invitation")
        verbose_name_plural = _("invitations")

    def __str__(self) -> str:
        return f"{self.email} → {self.organisation}"

    @property
    def is_open(self) -> bool:
        return self.accepted_at is None


class AuditEntry(models.Model):
    """Append-only record of who did what to which object, when, for which organisation."""

    created_at = models.DateTimeField(_("when"), default=timezone.now, db_index=True)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("actor"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    organisation = models.ForeignKey(
        Organisation,
        verbose_name=_("organisation"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    action = models.CharField(_("action"), max_length=60)
    object_type = models.CharField(_("object type"), max_length=60, blank=True)
    object_id = models.CharField(_("object id"), max_length=60, blank=True)
    object_repr = models.CharField(_("object"), max_length=200, blank=True)
    details = models.JSONField(_("details"), default=dict, blank=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = _("audit entry")
        verbose_name_plural = _("audit log")
        indexes = [
            models.Index(fields=["object_type", "object_id"], name="core_audit_object_idx"),
        ]

    def __str__(self) -> str:
        return f"{self.created_at:%Y-%m-%d %H:%M} {self.action} {self.object_repr}"

    def save(self, *args: Any, **kwargs: Any) -> None:
        # The log is append-only: an existing entry can never be rewritten.
        if self.pk is not None:
            raise ValueError("Audit entries cannot be changed.")
        super().save(*args, **kwargs)

    def delete(self, *args: Any, **kwargs: Any) -> tuple[int, dict[str, int]]:
        raise ValueError("Audit entries cannot be deleted.")


class ScheduledTaskRun(models.Model):
    """When a periodic task (see ``wattwijs.core.schedule``) was last put on the task queue."""

    name = models.CharField(_("task"), max_length=200, unique=True)
    last_enqueued_at = models.DateTimeField(_("last enqueued at"), null=True, blank=True)
    last_result_id = models.CharField(_("last task result"), max_length=64, blank=True)

    class Meta:
        ordering = ["name"]
        verbose_name = _("scheduled task run")
        verbose_name_plural = _("scheduled task runs")

    def __str__(self) -> str:
        return self.name


class ApiToken(models.Model):
    """A personal key for the REST API. Only a hash is stored: the token itself is shown once, when it is made."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("user"), on_delete=models.CASCADE, related_name="api_tokens"
    )
    name = models.CharField(_("name"), max_length=100)
    # The first characters of the token, so its owner can tell their tokens apart.
    prefix = models.CharField(_("begins with"), max_length=12)
    token_hash = models.CharField(max_length=64, unique=True)
    created_at = models.DateTimeField(_("created at"), default=timezone.now)
    last_used_at = models.DateTimeField(_("last used at"), null=True, blank=True)
    revoked_at = models.DateTimeField(_("revoked at"), null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("API token")
        verbose_name_plural = _("API tokens")

    def __str__(self) -> str:
        return f"{self.name} ({self.prefix}…)"

    @property
    def is_active(self) -> bool:
        return self.revoked_at is None
