from django.http import HttpRequest, StreamingHttpResponse
from django.urls import reverse
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods

from wattwijs.interop import oai


@csrf_exempt  # OAI-PMH harvesters POST form-encoded requests without a session or CSRF token
@require_http_methods(["GET", "POST"])
def oai_pmh(request: HttpRequest) -> StreamingHttpResponse:
    """The OAI-PMH 2.0 provider: answers GET and POST (application/x-www-form-urlencoded) requests."""
    params = request.POST if request.method == "POST" else request.GET
    context = oai.Context(
        base_url=request.build_absolute_uri(reverse("interop:oai")),
        site_url=request.build_absolute_uri("/").rstrip("/"),
    )
    response = oai.respond(params, context)
    return StreamingHttpResponse(oai.write(response, context), content_type="text/xml; charset=utf-8")
