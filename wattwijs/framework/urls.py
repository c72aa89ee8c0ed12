from django.urls import path

from wattwijs.framework import views
from wattwijs.framework.urls_importexport import urlpatterns as importexport_urlpatterns

app_name = "framework"

urlpatterns = [
    path("", views.tree, name="tree"),
    path("versies/", views.version_list, name="version_list"),
    path("versies/<slug:slug>/", views.version_detail, name="version_detail"),
    path("versies/<slug:slug>/nieuwe-versie/", views.version_create_draft, name="version_create_draft"),
    path("versies/<slug:slug>/vaststellen/", views.version_adopt, name="version_adopt"),
    path("versies/<slug:slug>/verschillen/", views.version_diff, name="version_diff"),
    path("versies/<slug:slug>/eenheden/", views.unit_list, name="unit_list"),
    path("versies/<slug:slug>/eenheden/nieuw/", views.unit_create, name="unit_create"),
    path("dossiers/<int:pk>/", views.dossier_detail, name="dossier_detail"),
    path("kwalificaties/<int:pk>/", views.qualification_detail, name="qualification_detail"),
    path("kerntaken/<int:pk>/", views.core_task_detail, name="core_task_detail"),
    path("kerntaken/<int:pk>/werkprocessen/", views.core_task_work_processes, name="core_task_work_processes"),
    path("werkprocessen/<int:pk>/", views.work_process_detail, name="work_process_detail"),
    path("werkprocessen/<int:pk>/verwijderen/", views.work_process_delete, name="work_process_delete"),
    path("eenheden/<int:pk>/", views.unit_detail, name="unit_detail"),
    path("eenheden/<int:pk>/bewerken/", views.unit_edit, name="unit_edit"),
    path("eenheden/<int:pk>/verwijderen/", views.unit_delete, name="unit_delete"),
    path("competenties/<int:pk>/", views.competence_detail, name="competence_detail"),
    path("certificaten/<int:pk>/", views.certificate_detail, name="certificate_detail"),
    path("keuzedelen/<int:pk>/", views.elective_detail, name="elective_detail"),
    *importexport_urlpatterns,
]
