"""Fetching OAI-PMH pages over HTTP(S) with the standard library: timeouts, a size limit, and bounded retries
when the repository answers 503 with Retry-After (the protocol's way of saying "come back later")."""

from __future__ import annotations

import time
import urllib.error
import urllib.request
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime
from urllib.parse import urlencode, urlsplit

from django.utils.translation import gettext as _

from wattwijs.interop.records import Page, PageError, read_page

USER_AGENT = "WattWijs-harvester/1.0"
MAX_PAGE_BYTES = 64 * 1024 * 1024


class HarvestFailed(Exception):
    """The harvest cannot go on (the repository cannot be reached, or its answer cannot be read)."""


@dataclass
class Client:
    timeout: float = 60.0
    # How often a 503 is waited out, and the longest wait for one Retry-After.
    retries: int = 3
    longest_wait: float = 300.0
    default_wait: float = 30.0
    max_page_bytes: int = MAX_PAGE_BYTES
    sleep: Callable[[float], None] = time.sleep

    def fetch(self, base_url: str, params: Mapping[str, str]) -> bytes:
        if urlsplit(base_url).scheme not in ("http", "https"):
            raise HarvestFailed(_("The address must start with http:// or https://."))
        separator = "&" if "?" in base_url else "?"
        request = urllib.request.Request(  # noqa: S310 - the scheme is checked above
            f"{base_url}{separator}{urlencode(params)}", headers={"User-Agent": USER_AGENT, "Accept": "text/xml"}
        )
        for attempt in range(self.retries + 1):
            try:
                with urllib.request.urlopen(request, timeout=self.timeout) as response:  # noqa: S310 - scheme checked
                    data: bytes = response.read(self.max_page_bytes + 1)
            except urllib.error.HTTPError as error:
                if error.code == 503 and attempt < self.retries:
                    self.sleep(self._wait(error.headers.get("Retry-After", "")))
                    continue
                raise HarvestFailed(
                    _("The repository answered with HTTP status %(status)d.") % {"status": error.code}
                ) from error
            except (urllib.error.URLError, TimeoutError, OSError) as error:
                raise HarvestFailed(
                    _("The repository cannot be reached: %(reason)s") % {"reason": str(error)[:200]}
                ) from error
            if len(data) > self.max_page_bytes:
                raise HarvestFailed(
                    _("A page of the repository is larger than %(mb)d MB.") % {"mb": MAX_PAGE_BYTES >> 20}
                )
            return data
        raise HarvestFailed(_("The repository stayed unavailable."))  # pragma: no cover - the loop returns or raises

    def _wait(self, retry_after: str) -> float:
        """Seconds to wait: Retry-After as seconds or as an HTTP date, within bounds."""
        value = retry_after.strip()
        seconds = self.default_wait
        if value.isdigit():
            seconds = float(value)
        elif value:
            try:
                seconds = (parsedate_to_datetime(value) - datetime.now(UTC)).total_seconds()
            except (TypeError, ValueError):
                seconds = self.default_wait
        return min(max(seconds, 0.0), self.longest_wait)

    def pages(
        self, base_url: str, *, metadata_prefix: str, set_spec: str = "", harvest_from: str = ""
    ) -> Iterator[Page]:
        """Every page of a ListRecords harvest, following resumption tokens."""
        params = {"verb": "ListRecords", "metadataPrefix": metadata_prefix}
        if set_spec:
            params["set"] = set_spec
        if harvest_from:
            params["from"] = harvest_from
        seen: set[str] = set()
        while True:
            data = self.fetch(base_url, params)
            try:
                page = read_page(data, metadata_prefix)
            except PageError as error:
                raise HarvestFailed(str(error)) from error
            yield page
            token = page.resumption_token
            if not token:
                return
            if token in seen:
                raise HarvestFailed(_("The repository sent the same resumption token twice."))
            seen.add(token)
            params = {"verb": "ListRecords", "resumptionToken": token}
