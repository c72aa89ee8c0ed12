from django.urls import path

from wattwijs.training import views

app_name = "training"

urlpatterns = [
    path("", views.matrix, name="matrix"),
    path("aanbod/", views.offer_list, name="offer_list"),
    path("aanbod/nieuw/", views.offer_create, name="offer_create"),
    path("aanbod/<int:pk>/", views.offer_detail, name="offer_detail"),
    path("aanbod/<int:pk>/bewerken/", views.offer_edit, name="offer_edit"),
    path("mijn-aanbod/", views.own_offers, name="own_offers"),
    path("overlap/", views.overlap_list, name="overlap_list"),
    path("overlap/<int:first>-<int:second>/", views.overlap_mark, name="overlap_mark"),
    path("witte-vlekken/", views.gap_list, name="gap_list"),
    path("regios/<str:code>/", views.region_detail, name="region_detail"),
    path("regios/<str:code>/prioriteiten/", views.region_priorities, name="region_priorities"),
    path("regios/<str:code>/witte-vlekken.pdf", views.region_gaps_pdf, name="region_gaps_pdf"),
    path("afdrukken/", views.print_view, name="print"),
    path("export/<str:what>.xlsx", views.export_xlsx, name="export_xlsx"),
    path("export/<str:what>.pdf", views.export_pdf, name="export_pdf"),
]
