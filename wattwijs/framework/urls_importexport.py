"""Import and export of the dossier structure; included into the ``framework`` namespace by framework/urls.py."""

from django.urls import path

from wattwijs.framework import views_importexport

urlpatterns = [
    path("versies/<slug:slug>/export.<str:fmt>", views_importexport.structure_export, name="structure_export"),
    path("sjabloon.<str:fmt>", views_importexport.structure_template, name="structure_template"),
    path("versies/<slug:slug>/importeren/", views_importexport.structure_import, name="structure_import"),
]
