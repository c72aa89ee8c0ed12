from __future__ import annotations

from django.contrib import messages
from django.contrib.auth import login
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.db import DatabaseError, connection
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_http_methods, require_POST
from django_htmx.middleware import HtmxDetails

from wattwijs.core import permissions, selectors, services
from wattwijs.core.backends import BACKEND_PATH
from wattwijs.core.forms import (
    ApiTokenForm,
    AuditFilterForm,
    InviteForm,
    OrganisationFilterForm,
    OrganisationForm,
    ProfileForm,
    RoleForm,
    SignupForm,
    add_service_errors,
)
from wattwijs.core.models import Role, User
from wattwijs.core.modules import sections_for
from wattwijs.core.pagination import paginate
from wattwijs.core.querystrings import QueryLinks
from wattwijs.core.selectors import AuditFilters, OrganisationFilters


@require_GET
def home(request: HttpRequest) -> HttpResponse:
    return render(
        request, "core/home.html", {"figures": selectors.platform_figures(), "sections": sections_for("home", None)}
    )


@never_cache
@require_GET
def healthz(request: HttpRequest) -> JsonResponse:
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except DatabaseError:
        return JsonResponse({"status": "unavailable"}, status=503)
    return JsonResponse({"status": "ok"})


class HtmxHttpRequest(HttpRequest):
    htmx: HtmxDetails


FACET_TITLES = {"kind": gettext_lazy("Kind"), "region": gettext_lazy("Region"), "theme": gettext_lazy("Theme")}


@require_GET
def organisation_list(request: HtmxHttpRequest) -> HttpResponse:
    form = OrganisationFilterForm(request.GET)
    filters = OrganisationFilters(**form.cleaned_data) if form.is_valid() else OrganisationFilters()
    facets = selectors.organisation_facets(filters)
    page = paginate(request, selectors.organisation_list(filters), count=facets.total)
    links = QueryLinks(request)
    facet_groups = [
        {
            "title": FACET_TITLES[name],
            "values": [
                {"facet": f, "url": links.url(**{name: f.value}), "selected": f.value == getattr(filters, name)}
                for f in values
            ],
        }
        for name, values in facets.groups.items()
    ]
    labels = {name: {f.value: f.label for f in values} for name, values in facets.groups.items()}
    chips = [
        {"label": labels.get(name, {}).get(value, value), "url": links.url(**{name: None})}
        for name, value in (
            ("q", filters.q),
            ("kind", filters.kind),
            ("region", filters.region),
            ("theme", filters.theme),
        )
        if value
    ]
    context = {"form": form, "filters": filters, "facet_groups": facet_groups, "page": page, "chips": chips}
    template = "core/_organisation_results.html" if request.htmx else "core/organisation_list.html"
    return render(request, template, context)


@require_GET
def organisation_detail(request: HttpRequest, slug: str) -> HttpResponse:
    organisation = selectors.organisation_get(slug=slug)
    return render(
        request,
        "core/organisation_detail.html",
        {
            "organisation": organisation,
            "can_manage": permissions.can_manage_members(request.user, organisation),
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def organisation_edit(request: HttpRequest, slug: str) -> HttpResponse:
    organisation = selectors.organisation_for_member_management(user=request.user, slug=slug)
    form = OrganisationForm(request.POST if request.method == "POST" else None, instance=organisation)
    if request.method == "POST" and form.is_valid():
        try:
            services.organisation_update(actor=request.user, organisation=organisation, data=form.cleaned_data)
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("The organisation has been saved."))
            return redirect(organisation)
    return render(request, "core/organisation_edit.html", {"organisation": organisation, "form": form})


def _members_page(
    request: HttpRequest, slug: str, invite_form: InviteForm | None = None, status: int = 200
) -> HttpResponse:
    organisation = selectors.organisation_for_member_management(user=request.user, slug=slug)
    return render(
        request,
        "core/organisation_members.html",
        {
            "organisation": organisation,
            "members": selectors.organisation_members(organisation=organisation),
            "invitations": selectors.organisation_open_invitations(organisation=organisation),
            "invite_form": invite_form or InviteForm(),
            "roles": Role.choices,
        },
        status=status,
    )


@login_required
@require_GET
def organisation_members(request: HttpRequest, slug: str) -> HttpResponse:
    return _members_page(request, slug)


@login_required
@require_POST
def member_invite(request: HttpRequest, slug: str) -> HttpResponse:
    organisation = selectors.organisation_for_member_management(user=request.user, slug=slug)
    form = InviteForm(request.POST)
    if form.is_valid():
        try:
            services.membership_invite(
                actor=request.user,
                organisation=organisation,
                email=form.cleaned_data["email"],
                role=form.cleaned_data["role"],
                base_url=request.build_absolute_uri("/")[:-1],
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(
                request, _("An invitation has been sent to %(email)s.") % {"email": form.cleaned_data["email"]}
            )
            return redirect("core:organisation_members", slug=slug)
    return _members_page(request, slug, invite_form=form, status=400)


@login_required
@require_POST
def member_change_role(request: HttpRequest, slug: str, membership_id: int) -> HttpResponse:
    membership = selectors.membership_for_management(user=request.user, slug=slug, membership_id=membership_id)
    form = RoleForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Choose one of the listed roles."))
        return redirect("core:organisation_members", slug=slug)
    try:
        services.membership_change_role(actor=request.user, membership=membership, role=form.cleaned_data["role"])
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(
            request,
            _("%(name)s is now %(role)s.") % {"name": membership.user, "role": membership.get_role_display()},
        )
    return redirect("core:organisation_members", slug=slug)


@login_required
@require_http_methods(["GET", "POST"])
def member_remove(request: HttpRequest, slug: str, membership_id: int) -> HttpResponse:
    membership = selectors.membership_for_management(user=request.user, slug=slug, membership_id=membership_id)
    if request.method == "POST":
        try:
            services.membership_remove(actor=request.user, membership=membership)
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(request, _("%(name)s is no longer a member.") % {"name": membership.user})
        return redirect("core:organisation_members", slug=slug)
    return render(
        request, "core/member_remove.html", {"membership": membership, "organisation": membership.organisation}
    )


@login_required
@require_POST
def invitation_withdraw(request: HttpRequest, slug: str, invitation_id: int) -> HttpResponse:
    organisation = selectors.organisation_for_member_management(user=request.user, slug=slug)
    invitation = selectors.organisation_open_invitations(organisation=organisation).filter(pk=invitation_id).first()
    if invitation is not None:
        services.invitation_withdraw(actor=request.user, invitation=invitation)
        messages.success(request, _("The invitation has been withdrawn."))
    return redirect("core:organisation_members", slug=slug)


@require_http_methods(["GET", "POST"])
def invitation_accept(request: HttpRequest, token: str) -> HttpResponse:
    invitation = selectors.invitation_get_open(token=token)
    context: dict[str, object] = {"invitation": invitation}
    if request.user.is_authenticated:
        user: User = request.user  # type: ignore[assignment]
        context["email_matches"] = user.email.lower() == invitation.email.lower()
        if request.method == "POST" and context["email_matches"]:
            try:
                services.invitation_accept(user=user, invitation=invitation)
            except ValidationError as error:
                messages.error(request, " ".join(error.messages))
            else:
                messages.success(request, _("Welcome to %(organisation)s.") % {"organisation": invitation.organisation})
            return redirect("core:profile")
        return render(request, "core/invitation_accept.html", context)
    context["has_account"] = User.objects.filter(email__iexact=invitation.email).exists()
    form = SignupForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and not context["has_account"] and form.is_valid():
        try:
            user = services.invitation_accept_with_signup(
                invitation=invitation,
                first_name=form.cleaned_data["first_name"],
                last_name=form.cleaned_data["last_name"],
                password=form.cleaned_data["password1"],
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            login(request, user, backend=BACKEND_PATH)
            messages.success(request, _("Welcome to %(organisation)s.") % {"organisation": invitation.organisation})
            return redirect("core:profile")
    context["form"] = form
    return render(request, "core/invitation_accept.html", context)


@login_required
@require_http_methods(["GET", "POST"])
def profile(request: HttpRequest) -> HttpResponse:
    user: User = request.user  # type: ignore[assignment]
    form = ProfileForm(
        request.POST if request.method == "POST" else None,
        initial={"first_name": user.first_name, "last_name": user.last_name},
    )
    if request.method == "POST" and form.is_valid():
        services.profile_update(user=user, **form.cleaned_data)
        messages.success(request, _("Your details have been saved."))
        return redirect("core:profile")
    return _profile_page(request, form=form)


def _profile_page(
    request: HttpRequest,
    *,
    form: ProfileForm | None = None,
    token_form: ApiTokenForm | None = None,
    new_token: str = "",
    status: int = 200,
) -> HttpResponse:
    user: User = request.user  # type: ignore[assignment]
    context = {
        "form": form or ProfileForm(initial={"first_name": user.first_name, "last_name": user.last_name}),
        "memberships": selectors.user_memberships(user=user),
        "token_form": token_form or ApiTokenForm(),
        "api_tokens": selectors.api_tokens_of(user=user),
        "new_token": new_token,
    }
    return render(request, "core/profile.html", context, status=status)


@login_required
@require_POST
@never_cache
def api_token_create(request: HttpRequest) -> HttpResponse:
    """Make a token and show it once, on this response only: it is not stored anywhere it could be read back."""
    user: User = request.user  # type: ignore[assignment]
    token_form = ApiTokenForm(request.POST)
    if token_form.is_valid():
        try:
            _token, raw = services.api_token_create(user=user, name=token_form.cleaned_data["name"])
        except ValidationError as error:
            add_service_errors(token_form, error)
        else:
            return _profile_page(request, new_token=raw)
    return _profile_page(request, token_form=token_form, status=400)


@login_required
@require_POST
def api_token_revoke(request: HttpRequest, pk: int) -> HttpResponse:
    token = selectors.api_token_owned(user=request.user, pk=pk)
    services.api_token_revoke(actor=request.user, token=token)
    messages.success(request, _("The token %(name)s has been revoked.") % {"name": token.name})
    return redirect("core:profile")


@require_GET
def region_list(request: HttpRequest) -> HttpResponse:
    return render(request, "core/region_list.html", {"regions": selectors.region_list()})


@require_GET
def region_detail(request: HttpRequest, code: str) -> HttpResponse:
    region = selectors.region_get(code=code)
    page = paginate(request, selectors.organisation_list(OrganisationFilters(region=region.code)))
    return render(
        request, "core/region_detail.html", {"region": region, "page": page, "sections": sections_for("region", region)}
    )


@require_GET
def theme_list(request: HttpRequest) -> HttpResponse:
    return render(request, "core/theme_list.html", {"themes": selectors.theme_tree()})


@require_GET
def theme_detail(request: HttpRequest, code: str) -> HttpResponse:
    theme = selectors.theme_get(code=code)
    page = paginate(request, selectors.theme_organisations(theme=theme))
    return render(
        request, "core/theme_detail.html", {"theme": theme, "page": page, "sections": sections_for("theme", theme)}
    )


@login_required
@require_GET
def audit_log(request: HttpRequest) -> HttpResponse:
    organisations = [(o.slug, o.name) for o in selectors.audit_organisation_choices(user=request.user)]
    form = AuditFilterForm(request.GET, organisations=organisations)
    filters = AuditFilters(**form.cleaned_data) if form.is_valid() else AuditFilters()
    page = paginate(request, selectors.audit_entries(user=request.user, filters=filters), per_page=50)
    return render(request, "core/audit_log.html", {"form": form, "page": page})
