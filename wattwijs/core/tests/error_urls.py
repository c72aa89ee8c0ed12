"""A URLconf with a failing view, for testing the 500 page."""

from django.http import HttpRequest, HttpResponse
from django.urls import path


def failing_view(request: HttpRequest) -> HttpResponse:
    raise RuntimeError("secret internal detail")


urlpatterns = [path("kapot/", failing_view)]
