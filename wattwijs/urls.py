from django.contrib import admin
from django.urls import include, path

from wattwijs.core import views as core_views
from wattwijs.interop.api import api
from wattwijs.interop.api import not_found as api_not_found

urlpatterns = [
    path("healthz", core_views.healthz, name="healthz"),
    path("i18n/", include("django.conf.urls.i18n")),
    path("account/", include("django.contrib.auth.urls")),
    path("beheer/", admin.site.urls),
    path("api/v1/", api.urls),
    path("api/v1/<path:rest>", api_not_found),
    path("kwalificatiekader/", include("wattwijs.framework.urls")),
    path("leermiddelen/", include("wattwijs.library.urls")),
    path("opleidingen/", include("wattwijs.training.urls")),
    path("transitiehuis/", include("wattwijs.pathways.urls")),
    path("praktijk/", include("wattwijs.practice.urls")),
    path("arbeidscapaciteit/", include("wattwijs.capacity.urls")),
    path("matching/", include("wattwijs.matching.urls")),
    path("", include("wattwijs.interop.urls")),
    path("", include("wattwijs.core.urls")),
]
