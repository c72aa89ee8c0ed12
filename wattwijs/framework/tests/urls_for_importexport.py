"""A URLconf for the import/export view tests, usable before framework/urls.py includes urls_importexport.

The page shell needs ``framework:tree`` and the import redirects to ``framework:version_detail``; both are
stand-ins here.
"""

from django.http import HttpRequest, HttpResponse
from django.urls import include, path

from wattwijs.framework.urls_importexport import urlpatterns as importexport_urlpatterns


def stand_in(request: HttpRequest, **kwargs: object) -> HttpResponse:
    return HttpResponse("stand-in")


framework_urlpatterns = [
    path("", stand_in, name="tree"),
    path("versies/<slug:slug>/", stand_in, name="version_detail"),
    *importexport_urlpatterns,
]

urlpatterns = [
    path("i18n/", include("django.conf.urls.i18n")),
    path("account/", include("django.contrib.auth.urls")),
    path("kwalificatiekader/", include((framework_urlpatterns, "framework"))),
    path("", include("wattwijs.core.urls")),
]
