from django.urls import path

from wattwijs.interop import views

app_name = "interop"

urlpatterns = [
    path("oai", views.oai_pmh, name="oai"),
    path("uitwisseling/bronnen/", views.harvest_source_list, name="harvest_source_list"),
    path("uitwisseling/bronnen/nieuw/", views.harvest_source_create, name="harvest_source_create"),
    path("uitwisseling/bronnen/<int:pk>/", views.harvest_source_detail, name="harvest_source_detail"),
    path("uitwisseling/bronnen/<int:pk>/bewerken/", views.harvest_source_edit, name="harvest_source_edit"),
    path("uitwisseling/bronnen/<int:pk>/oogsten/", views.harvest_source_harvest, name="harvest_source_harvest"),
]
