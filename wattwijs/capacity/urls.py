from django.urls import path

from wattwijs.capacity import views

app_name = "capacity"

urlpatterns = [
    path("", views.overview, name="overview"),
    path("regios/<str:code>/", views.region_overview, name="region_overview"),
    path("regios/<str:code>/prioriteiten/", views.adopt_priorities, name="adopt_priorities"),
    path("scenarios/", views.scenario_list, name="scenario_list"),
    path("scenarios/<slug:slug>/", views.scenario_detail, name="scenario_detail"),
    path("scenarios/<slug:slug>/kopieren/", views.scenario_copy, name="scenario_copy"),
    path("scenarios/<slug:slug>/bewerken/", views.scenario_edit, name="scenario_edit"),
    path("scenarios/<slug:slug>/verwijderen/", views.scenario_delete, name="scenario_delete"),
    path("scenarios/<slug:slug>/herberekenen/", views.scenario_recompute, name="scenario_recompute"),
    path("scenarios/<slug:slug>/export.xlsx", views.scenario_export, name="scenario_export"),
    path("scenarios/<slug:slug>/export.csv", views.scenario_export_csv, name="scenario_export_csv"),
    path("vergelijken/", views.compare, name="compare"),
    path("importeren/", views.import_figures, name="import"),
    path("cijfers/", views.figures, name="figures"),
    path("cijfers/<slug:kind>/", views.figure_list, name="figure_list"),
    path("cijfers/<slug:kind>/nieuw/", views.figure_edit, name="figure_create"),
    path("cijfers/<slug:kind>/<int:pk>/bewerken/", views.figure_edit, name="figure_edit"),
]
