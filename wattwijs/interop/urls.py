from django.urls import path

from wattwijs.interop import views, views_files

app_name = "interop"

urlpatterns = [
    path("oai", views.oai_pmh, name="oai"),
    # Files: spreadsheet import and exports, Common Cartridge.
    path("leermiddelen/importeren/", views_files.resource_import, name="resource_import"),
    path("leermiddelen/importeren/bevestigen/", views_files.resource_import_confirm, name="resource_import_confirm"),
    path("leermiddelen/importeren/sjabloon.<str:fmt>", views_files.import_template, name="import_template"),
    path("leermiddelen/exporteren.<str:fmt>", views_files.search_export, name="search_export"),
    path(
        "leermiddelen/collecties/<int:pk>/common-cartridge.imscc",
        views_files.collection_cartridge,
        name="collection_cartridge",
    ),
    path("uitwisseling/bronnen/", views.harvest_source_list, name="harvest_source_list"),
    path("uitwisseling/bronnen/nieuw/", views.harvest_source_create, name="harvest_source_create"),
    path("uitwisseling/bronnen/<int:pk>/", views.harvest_source_detail, name="harvest_source_detail"),
    path("uitwisseling/bronnen/<int:pk>/bewerken/", views.harvest_source_edit, name="harvest_source_edit"),
    path("uitwisseling/bronnen/<int:pk>/oogsten/", views.harvest_source_harvest, name="harvest_source_harvest"),
]
