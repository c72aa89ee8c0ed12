"""Checks on uploaded files: the type is read from the content, and must agree with the file name."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import PurePath

import filetype  # type: ignore[import-untyped]
from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext as _

from wattwijs.library.models import ResourceFile

# Extension → (content type as detected, kind). The content decides; the extension must agree with it.
ALLOWED: dict[str, tuple[str, str]] = {
    "pdf": ("application/pdf", ResourceFile.Kind.PDF),
    "docx": ("application/vnd.openxmlformats-officedocument.wordprocessingml.document", ResourceFile.Kind.DOCUMENT),
    "pptx": ("application/vnd.openxmlformats-officedocument.presentationml.presentation", ResourceFile.Kind.DOCUMENT),
    "xlsx": ("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", ResourceFile.Kind.DOCUMENT),
    "odt": ("application/vnd.oasis.opendocument.text", ResourceFile.Kind.DOCUMENT),
    "odp": ("application/vnd.oasis.opendocument.presentation", ResourceFile.Kind.DOCUMENT),
    "png": ("image/png", ResourceFile.Kind.IMAGE),
    "jpg": ("image/jpeg", ResourceFile.Kind.IMAGE),
    "jpeg": ("image/jpeg", ResourceFile.Kind.IMAGE),
    "gif": ("image/gif", ResourceFile.Kind.IMAGE),
    "webp": ("image/webp", ResourceFile.Kind.IMAGE),
    "mp4": ("video/mp4", ResourceFile.Kind.VIDEO),
    "webm": ("video/webm", ResourceFile.Kind.VIDEO),
    "zip": ("application/zip", ResourceFile.Kind.ARCHIVE),
}


@dataclass(frozen=True)
class CheckedFile:
    name: str
    mime_type: str
    kind: str
    size: int
    sha256: str


def max_upload_size() -> int:
    return int(getattr(settings, "LIBRARY_MAX_UPLOAD_BYTES", 200 * 1024 * 1024))


def check_upload(upload: UploadedFile) -> CheckedFile:
    """The checked facts of an upload, or a ValidationError with a message for the user."""
    name = PurePath(upload.name or "").name
    size = upload.size or 0
    if size > max_upload_size():
        raise ValidationError(
            _("The file %(name)s is too big: at most %(limit)s is allowed.")
            % {"name": name, "limit": filesizeformat(max_upload_size())}
        )
    if size == 0:
        raise ValidationError(_("The file %(name)s is empty.") % {"name": name})
    extension = PurePath(name).suffix.lower().lstrip(".")
    if extension not in ALLOWED:
        raise ValidationError(
            _("Files of type .%(extension)s cannot be shared. Use PDF, an office document, an image, a video or zip.")
            % {"extension": extension or "?"}
        )
    upload.seek(0)
    head = upload.read(8192)
    upload.seek(0)
    detected = filetype.guess_mime(_with_zip_context(upload, head))
    expected, kind = ALLOWED[extension]
    if detected != expected:
        raise ValidationError(
            _("The content of %(name)s does not match its extension .%(extension)s.")
            % {"name": name, "extension": extension}
        )
    digest = hashlib.sha256()
    for chunk in upload.chunks():
        digest.update(chunk)
    upload.seek(0)
    return CheckedFile(name=name[:255], mime_type=expected, kind=kind, size=size, sha256=digest.hexdigest())


def _with_zip_context(upload: UploadedFile, head: bytes) -> bytes:
    """Office formats are zip files; their type shows in the member names, which may lie beyond the first bytes."""
    if not head.startswith(b"PK"):
        return head
    upload.seek(0)
    data = bytes(upload.read(262_144))
    upload.seek(0)
    return data
