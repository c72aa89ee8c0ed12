from django.urls import path

from wattwijs.core import views

app_name = "core"

urlpatterns = [
    path("", views.home, name="home"),
    path("organisaties/", views.organisation_list, name="organisation_list"),
    path("organisaties/<slug:slug>/", views.organisation_detail, name="organisation_detail"),
    path("organisaties/<slug:slug>/bewerken/", views.organisation_edit, name="organisation_edit"),
    path("organisaties/<slug:slug>/leden/", views.organisation_members, name="organisation_members"),
    path("organisaties/<slug:slug>/leden/uitnodigen/", views.member_invite, name="member_invite"),
    path(
        "organisaties/<slug:slug>/leden/<int:membership_id>/rol/",
        views.member_change_role,
        name="member_change_role",
    ),
    path(
        "organisaties/<slug:slug>/leden/<int:membership_id>/verwijderen/",
        views.member_remove,
        name="member_remove",
    ),
    path(
        "organisaties/<slug:slug>/uitnodigingen/<int:invitation_id>/intrekken/",
        views.invitation_withdraw,
        name="invitation_withdraw",
    ),
    path("uitnodiging/<str:token>/", views.invitation_accept, name="invitation_accept"),
    path("account/", views.profile, name="profile"),
    path("account/api-tokens/", views.api_token_create, name="api_token_create"),
    path("account/api-tokens/<int:pk>/intrekken/", views.api_token_revoke, name="api_token_revoke"),
    path("regios/", views.region_list, name="region_list"),
    path("regios/<str:code>/", views.region_detail, name="region_detail"),
    path("themas/", views.theme_list, name="theme_list"),
    path("themas/<slug:code>/", views.theme_detail, name="theme_detail"),
    path("auditlog/", views.audit_log, name="audit_log"),
]
