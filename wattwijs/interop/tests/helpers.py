"""Requests to /oai and what tests look for in the answers."""

from __future__ import annotations

from datetime import UTC, datetime
from urllib.parse import urlencode

from lxml import etree

from wattwijs.library.models import Resource, ResourceVersion

OAI = "http://www.openarchives.org/OAI/2.0/"
NS = {
    "oai": OAI,
    "lom": "http://www.imsglobal.org/xsd/imsmd_v1p2",
    "oai_dc": "http://www.openarchives.org/OAI/2.0/oai_dc/",
    "dc": "http://purl.org/dc/elements/1.1/",
    "id": "http://www.openarchives.org/OAI/2.0/oai-identifier",
}


def at(*parts: int) -> datetime:
    return datetime(*parts, tzinfo=UTC)  # type: ignore[misc]


def get(client, **params) -> etree._Element:
    response = client.get("/oai", params)
    assert response.status_code == 200
    assert response["Content-Type"] == "text/xml; charset=utf-8"
    return etree.fromstring(b"".join(response.streaming_content))


def post(client, **params) -> etree._Element:
    body = urlencode(params, doseq=True)
    response = client.post("/oai", body, content_type="application/x-www-form-urlencoded")
    assert response.status_code == 200
    return etree.fromstring(b"".join(response.streaming_content))


def error_code(root: etree._Element) -> str | None:
    errors = root.findall("oai:error", NS)
    return errors[0].get("code") if errors else None


def texts(root: etree._Element, path: str) -> list[str]:
    return [element.text or "" for element in root.xpath(path, namespaces=NS)]


def identifier(version: ResourceVersion) -> str:
    return f"oai:wattwijs.nl:{version.resource_id}"


def set_datestamp(version: ResourceVersion, when: datetime) -> None:
    """When the record last changed (its current version's last state change)."""
    ResourceVersion.objects.filter(pk=version.pk).update(modified_at=when, published_at=when)


def archive(version: ResourceVersion, when: datetime) -> None:
    ResourceVersion.objects.filter(pk=version.pk).update(status=ResourceVersion.Status.ARCHIVED, modified_at=when)
    assert Resource.objects.get(pk=version.resource_id).current_id == version.pk
