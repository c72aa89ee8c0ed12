from django.urls import path

from wattwijs.interop import views

app_name = "interop"

urlpatterns = [
    path("oai", views.oai_pmh, name="oai"),
]
