from django.urls import path

from wattwijs.practice import views, views_adoption, views_sessions

app_name = "practice"

urlpatterns = [
    path("", views.practice_list, name="practice_list"),
    path("voorbeelden/nieuw/", views.practice_create, name="practice_create"),
    path("voorbeelden/<slug:slug>/", views.practice_detail, name="practice_detail"),
    path("voorbeelden/<slug:slug>/bewerken/", views.practice_edit, name="practice_edit"),
    path("kiezer/leermiddelen/", views.resource_picker, name="picker_resources"),
    path("kiezer/opleidingen/", views.offer_picker, name="picker_offers"),
    path("innovatieprojecten/", views.project_list, name="project_list"),
    path("innovatieprojecten/nieuw/", views.project_create, name="project_create"),
    path("innovatieprojecten/<slug:slug>/", views.project_detail, name="project_detail"),
    path("innovatieprojecten/<slug:slug>/bewerken/", views.project_edit, name="project_edit"),
    path("toolkit/", views.toolkit, name="toolkit"),
    path("themasessies/", views_sessions.session_calendar, name="session_calendar"),
    path("themasessies.ics", views_sessions.session_feed, name="session_feed"),
    path("themasessies/nieuw/", views_sessions.session_create, name="session_create"),
    path("themasessies/<int:pk>/", views_sessions.session_detail, name="session_detail"),
    path("themasessies/<int:pk>/bewerken/", views_sessions.session_edit, name="session_edit"),
    path("agenda/", views_sessions.agenda_overview, name="agenda_overview"),
    path("agenda/nieuw/", views_sessions.ambition_create, name="ambition_create"),
    path("agenda/<int:pk>/", views_sessions.ambition_detail, name="ambition_detail"),
    path("agenda/<int:pk>/bewerken/", views_sessions.ambition_edit, name="ambition_edit"),
    path("agenda/<int:pk>/acties/", views_sessions.ambition_action_add, name="ambition_action_add"),
    path("agenda/<int:pk>/voortgang/", views_sessions.progress_add, name="progress_add"),
    # Self-assessment and navolging
    path("zelfscan/", views_adoption.assessment_start, name="assessment_start"),
    path("zelfscan/<str:code>/", views_adoption.region_profile, name="region_profile"),
    path("zelfscan/<str:code>/nieuw/", views_adoption.assessment_create, name="assessment_create"),
    path("navolging/", views_adoption.spread, name="spread"),
    path("navolging/<int:pk>/bewerken/", views_adoption.adoption_edit, name="adoption_edit"),
    path("voorbeelden/<slug:slug>/navolgen/", views_adoption.adoption_create, name="adoption_create"),
    path("voorbeelden/<slug:slug>/volgen/", views_adoption.follow, name="follow"),
]
