"""The REST API root at /api/v1/: mounts each app's ``api.py`` router and publishes one OpenAPI document.

Every error has the same body, ``{"error": {"code", "message", "details": [{"field", "message"}]}}``;
the document lists it for every operation and status it can have.
"""

from __future__ import annotations

import logging
from typing import Any

from django.core.exceptions import PermissionDenied
from django.core.exceptions import ValidationError as DjangoValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.urls import reverse
from django.views.decorators.csrf import csrf_exempt
from ninja import NinjaAPI, Swagger
from ninja.errors import AuthenticationError, HttpError, Throttled, ValidationError
from ninja.openapi.schema import OpenAPISchema

from wattwijs.capacity.api import router as capacity_router
from wattwijs.core import apikit
from wattwijs.core.api import router as core_router
from wattwijs.framework.api import router as framework_router
from wattwijs.library.api import router as library_router
from wattwijs.matching.api import router as matching_router
from wattwijs.pathways.api import router as pathways_router
from wattwijs.practice.api import router as practice_router
from wattwijs.training.api import router as training_router

logger = logging.getLogger(__name__)

DESCRIPTION = """\
The open data of WattWijs: organisations, regions, themes, the kwalificatiekader, learning materials
(search with the same filters and facets as the site), collections, training offers, the public parts
of the Transitiehuis chains, route advice from what a person can to a goal, the workforce capacity
scenarios with their demand, supply and gap, and the praktijkvoorbeelden with innovation projects, the
success-factor toolkit, themasessies and the klimaat- en energieagenda.

**Authentication.** Reads need no authentication. Writes (materials and collections) need a personal
API token, made and revoked on your account page, sent as `Authorization: Bearer <token>`. With a token,
reads also show what the token's owner may see (their drafts, their private collections).

**Paging.** Lists answer `{"count": N, "next": url|null, "previous": url|null, "results": [...]}` and take
`page` (from 1) and `page_size` (1–100).

**Errors.** Every error answers `{"error": {"code": "...", "message": "...", "details": [...]}}`
with status 400, 401, 403, 404, 422, 429 or 500.

**Rate limits.** Calls are counted per token, or per IP address without one; over the limit the answer is
429 with a `Retry-After` header (seconds).
"""

ERROR_RESPONSES = {
    "400": "The request is malformed.",
    "401": "The API token is missing, unknown or revoked.",
    "403": "The token's owner may not do this.",
    "404": "Not found, or not visible to the caller.",
    "422": "A parameter or field is invalid; `details` says which.",
    "429": "Too many calls; retry after the number of seconds in the Retry-After header.",
    "500": "An unexpected error on the server.",
}


class WattWijsAPI(NinjaAPI):
    def get_openapi_schema(self, *, path_prefix: str | None = None, path_params: Any = None) -> OpenAPISchema:
        schema = super().get_openapi_schema(path_prefix=path_prefix, path_params=path_params)
        schemas = schema.setdefault("components", {}).setdefault("schemas", {})
        for name, model in (("Error", apikit.Error), ("ErrorBody", apikit.ErrorBody)):
            schemas.setdefault(name, model.model_json_schema(ref_template="#/components/schemas/{model}"))
        detail = apikit.ErrorDetail.model_json_schema(ref_template="#/components/schemas/{model}")
        schemas.setdefault("ErrorDetail", detail)
        for body in schemas.values():
            body.pop("$defs", None)
        error_content = {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}
        for operations in schema.get("paths", {}).values():
            for operation in operations.values():
                # Statuses as strings, as JSON has them (ninja's own are integers; openapi_extra adds strings).
                responses: dict[str, Any] = {}
                for status, response in operation.get("responses", {}).items():
                    responses.setdefault(str(status), {}).update(response)
                operation["responses"] = responses
                for status, description in ERROR_RESPONSES.items():
                    responses.setdefault(status, {"description": description, "content": error_content})
        return schema


api = WattWijsAPI(
    title="WattWijs API",
    version="1",
    description=DESCRIPTION,
    urls_namespace="api-v1",
    docs=Swagger(settings={"validatorUrl": None, "tryItOutEnabled": True}),
    auth=apikit.optional_token,
    throttle=[apikit.RateThrottle()],
)


def _error(request: HttpRequest, status: int, code: str, message: str, details: Any = ()) -> HttpResponse:
    return api.create_response(request, apikit.error_body(code, message, details), status=status)


@api.exception_handler(ValidationError)
def on_validation_error(request: HttpRequest, exc: ValidationError) -> HttpResponse:
    details = [
        {"field": ".".join(str(part) for part in error.get("loc", ())), "message": str(error.get("msg", ""))}
        for error in exc.errors
    ]
    return _error(request, 422, "validation_error", "Some parameters or fields are invalid.", details)


@api.exception_handler(DjangoValidationError)
def on_service_validation_error(request: HttpRequest, exc: DjangoValidationError) -> HttpResponse:
    if hasattr(exc, "error_dict"):
        details = [
            {"field": "" if field == "__all__" else field, "message": str(message)}
            for field, errors in exc.message_dict.items()
            for message in errors
        ]
    else:
        details = [{"field": "", "message": str(message)} for message in exc.messages]
    return _error(request, 422, "validation_error", "The change was refused; nothing was saved.", details)


@api.exception_handler(AuthenticationError)
def on_authentication_error(request: HttpRequest, exc: AuthenticationError) -> HttpResponse:
    message = exc.message if exc.message != "Unauthorized" else "This call needs a valid API token."
    response = _error(request, 401, "not_authenticated", message)
    response["WWW-Authenticate"] = 'Bearer realm="api"'
    return response


@api.exception_handler(PermissionDenied)
def on_permission_denied(request: HttpRequest, exc: PermissionDenied) -> HttpResponse:
    return _error(request, 403, "permission_denied", "The token's owner may not do this.")


@api.exception_handler(Http404)
def on_not_found(request: HttpRequest, exc: Http404) -> HttpResponse:
    return _error(request, 404, "not_found", "Not found.")


@api.exception_handler(Throttled)
def on_throttled(request: HttpRequest, exc: Throttled) -> HttpResponse:
    return _error(request, 429, "rate_limited", "Too many calls. Try again later.")


@api.exception_handler(HttpError)
def on_http_error(request: HttpRequest, exc: HttpError) -> HttpResponse:
    codes = {400: "bad_request", 401: "not_authenticated", 403: "permission_denied", 404: "not_found"}
    return _error(request, exc.status_code, codes.get(exc.status_code, "error"), exc.message)


@api.exception_handler(Exception)
def on_unexpected_error(request: HttpRequest, exc: Exception) -> HttpResponse:
    logger.exception("API error on %s %s", request.method, request.path, exc_info=exc)
    return _error(request, 500, "server_error", "Something went wrong on the server.")


@csrf_exempt
def not_found(request: HttpRequest, rest: str = "") -> HttpResponse:
    """Unknown paths under /api/v1/ answer in the API's error format too."""
    return _error(request, 404, "not_found", "There is no such API endpoint.")


@api.get("/", include_in_schema=False)
def api_root(request: HttpRequest) -> dict[str, str]:
    """Where to start: the OpenAPI document and the interactive documentation."""
    return {
        "openapi": request.build_absolute_uri(reverse("api-v1:openapi-json")),
        "docs": request.build_absolute_uri(reverse("api-v1:openapi-view")),
    }


api.add_router("", core_router)
api.add_router("", framework_router)
api.add_router("", library_router)
api.add_router("", training_router)
api.add_router("", pathways_router)
api.add_router("", matching_router)
api.add_router("", capacity_router)
api.add_router("", practice_router)
