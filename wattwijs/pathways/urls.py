from django.urls import path

from wattwijs.pathways import views

app_name = "pathways"

urlpatterns = [
    path("", views.chain_list, name="chain_list"),
    path("ketens/<slug:slug>/", views.chain_detail, name="chain_detail"),
    path("ketens/<slug:slug>/bord/", views.board, name="board"),
    path("ketens/<slug:slug>/dashboard/", views.dashboard, name="chain_dashboard"),
    path("dashboard/", views.dashboard, name="dashboard"),
    path("dashboard/export.csv", views.dashboard_csv, name="dashboard_csv"),
    path("kandidaten/", views.candidate_list, name="candidate_list"),
    path("kandidaten/nieuw/", views.candidate_create, name="candidate_create"),
    path("kandidaten/<int:pk>/", views.candidate_detail, name="candidate_detail"),
    path("kandidaten/<int:pk>/bewerken/", views.candidate_edit, name="candidate_edit"),
    path("kandidaten/<int:pk>/fase/", views.candidate_move, name="candidate_move"),
    path("kandidaten/<int:pk>/toestemming/", views.consent_give, name="consent_give"),
    path(
        "kandidaten/<int:pk>/toestemming/<int:consent_pk>/intrekken/",
        views.consent_withdraw,
        name="consent_withdraw",
    ),
    path("kandidaten/<int:pk>/orientatie/", views.orientation_add, name="orientation_add"),
    path("kandidaten/<int:pk>/contact/", views.contact_add, name="contact_add"),
    path("kandidaten/<int:pk>/actiepunt/", views.action_add, name="action_add"),
    path("kandidaten/<int:pk>/actiepunt/<int:point_pk>/gedaan/", views.action_done, name="action_done"),
    path("kandidaten/<int:pk>/plaatsen/", views.placement_create, name="placement_create"),
    path("kandidaten/<int:pk>/export.json", views.candidate_export, name="candidate_export"),
    path("kandidaten/<int:pk>/export.pdf", views.candidate_export_pdf, name="candidate_export_pdf"),
    path("kandidaten/<int:pk>/overzicht/", views.candidate_export_print, name="candidate_export_print"),
    path("kandidaten/<int:pk>/wissen/", views.candidate_erase, name="candidate_erase"),
    path("kandidaten/<int:pk>/inzage/", views.access_log, name="access_log"),
    path("plaatsingen/<int:pk>/nazorg/", views.checkpoint_add, name="checkpoint_add"),
    path("nazorg/", views.aftercare_to_do, name="aftercare_to_do"),
    path("leerbanen/", views.learning_place_list, name="learning_place_list"),
    path("leerbanen/nieuw/", views.learning_place_create, name="learning_place_create"),
    path("leerbanen/<int:pk>/", views.learning_place_detail, name="learning_place_detail"),
    path("leerbanen/<int:pk>/bewerken/", views.learning_place_edit, name="learning_place_edit"),
]
