from django.urls import path

from wattwijs.library import views

app_name = "library"

urlpatterns = [
    path("", views.search, name="search"),
    path("suggesties/", views.autocomplete, name="autocomplete"),
    path("delen/", views.resource_create, name="resource_create"),
    path("moderatie/", views.moderation, name="moderation"),
    path("mijn-materiaal/", views.own_work, name="own_work"),
    path("collecties/", views.collection_list, name="collection_list"),
    path("collecties/nieuw/", views.collection_create, name="collection_create"),
    path("collecties/<int:pk>/", views.collection_detail, name="collection_detail"),
    path("collecties/<int:pk>/bewerken/", views.collection_edit, name="collection_edit"),
    path("collecties/materiaal/", views.collection_item, name="collection_item"),
    path("beoordelingen/<int:review_id>/<slug:decision>/", views.review_moderate, name="review_moderate"),
    path("<int:pk>/", views.resource_detail, name="resource_detail"),
    path("<int:pk>/v/<int:number>/", views.version_detail, name="version_detail"),
    path("<int:pk>/v/<int:number>/bewerken/", views.version_edit, name="version_edit"),
    path("<int:pk>/v/<int:number>/terugsturen/", views.version_return, name="version_return"),
    path("<int:pk>/v/<int:number>/beoordelen/", views.review_create, name="review_create"),
    path("<int:pk>/v/<int:number>/bewerking-maken/", views.adaptation_create, name="adaptation_create"),
    path(
        "<int:pk>/v/<int:number>/<slug:action>/",
        views.version_action,
        name="version_action",
    ),
    path("<int:pk>/v/<int:number>/bestanden/<int:file_id>/", views.file_download, name="file_download"),
]
