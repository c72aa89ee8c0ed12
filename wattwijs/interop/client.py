"""Fetching OAI-PMH pages over HTTP(S) with the standard library: timeouts, a size limit, and bounded retries
when the repository answers 503 with Retry-After (the protocol's way of saying "come back later").

Pages are fetched with an opener of our own: it speaks http and https only, ignores the proxy settings of the
environment, connects only to global addresses (see ``addresses``) and checks every redirect before it is
followed.
"""

from __future__ import annotations

import http.client
import multiprocessing
import queue
import ssl
import time
import urllib.error
import urllib.request
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime
from typing import IO, Any
from urllib.parse import urlencode, urlsplit

from django.utils import translation
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from wattwijs.interop import addresses
from wattwijs.interop.records import Page, PageError, read_page

USER_AGENT = "WattWijs-harvester/1.0"
MAX_PAGE_BYTES = 64 * 1024 * 1024


class HarvestFailed(Exception):
    """The harvest cannot go on (the repository cannot be reached, or its answer cannot be read)."""


class _CheckedHTTPConnection(http.client.HTTPConnection):
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._create_connection = addresses.create_connection


class _CheckedHTTPSConnection(http.client.HTTPSConnection):
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._create_connection = addresses.create_connection


class _CheckedHTTPHandler(urllib.request.HTTPHandler):
    def http_open(self, req: urllib.request.Request) -> http.client.HTTPResponse:
        return self.do_open(_CheckedHTTPConnection, req)


class _CheckedHTTPSHandler(urllib.request.HTTPSHandler):
    def __init__(self, context: ssl.SSLContext | None = None) -> None:
        super().__init__(context=context)
        self.context = context

    def https_open(self, req: urllib.request.Request) -> http.client.HTTPResponse:
        return self.do_open(_CheckedHTTPSConnection, req, context=self.context)


class _CheckedRedirectHandler(urllib.request.HTTPRedirectHandler):
    def redirect_request(
        self,
        req: urllib.request.Request,
        fp: IO[bytes],
        code: int,
        msg: str,
        headers: Any,
        newurl: str,
    ) -> urllib.request.Request | None:
        addresses.check_url(newurl)
        return super().redirect_request(req, fp, code, msg, headers, newurl)


def build_opener() -> urllib.request.OpenerDirector:
    """An opener for http and https only, without proxies, that reaches global addresses only."""
    opener = urllib.request.OpenerDirector()
    for handler in (
        urllib.request.ProxyHandler({}),
        urllib.request.UnknownHandler(),
        urllib.request.HTTPDefaultErrorHandler(),
        _CheckedRedirectHandler(),
        urllib.request.HTTPErrorProcessor(),
        _CheckedHTTPHandler(),
        _CheckedHTTPSHandler(),
    ):
        opener.add_handler(handler)
    return opener


@dataclass
class Client:
    timeout: float = 60.0
    # How often a 503 is waited out, and the longest wait for one Retry-After.
    retries: int = 3
    longest_wait: float = 300.0
    default_wait: float = 30.0
    max_page_bytes: int = MAX_PAGE_BYTES
    sleep: Callable[[float], None] = time.sleep
    # Fetch and read pages in a second process while this one stores the records of the pages before.
    in_background: bool = False

    def fetch(self, base_url: str, params: Mapping[str, str]) -> bytes:
        if urlsplit(base_url).scheme not in addresses.ALLOWED_SCHEMES:
            raise HarvestFailed(_("The address must start with http:// or https://."))
        opener = build_opener()
        separator = "&" if "?" in base_url else "?"
        request = urllib.request.Request(  # noqa: S310 - the scheme is checked above
            f"{base_url}{separator}{urlencode(params)}", headers={"User-Agent": USER_AGENT, "Accept": "text/xml"}
        )
        for attempt in range(self.retries + 1):
            try:
                with opener.open(request, timeout=self.timeout) as response:
                    data: bytes = response.read(self.max_page_bytes + 1)
            except addresses.AddressNotAllowed as error:
                raise HarvestFailed(str(error)) from error
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

    def pages_ahead(
        self, base_url: str, *, metadata_prefix: str, set_spec: str = "", harvest_from: str = ""
    ) -> Iterator[Page]:
        """``pages``, fetched and read a few pages ahead by a forked process when ``in_background`` is set.

        Reading XML takes about as long as storing the records: the two then run side by side. The forked
        process only fetches and parses; it never touches the database connection it inherits.
        """
        options = {"metadata_prefix": metadata_prefix, "set_spec": set_spec, "harvest_from": harvest_from}
        if not self.in_background or multiprocessing.current_process().daemon:
            yield from self.pages(base_url, **options)
            return
        context = multiprocessing.get_context("fork")
        pages: multiprocessing.Queue[tuple[str, Any]] = context.Queue(maxsize=8)
        reader = context.Process(target=self._read_ahead, args=(pages, base_url, options, get_language()), daemon=True)
        reader.start()
        longest = self.timeout * (self.retries + 2) + self.longest_wait * self.retries
        try:
            while True:
                try:
                    kind, value = pages.get(timeout=longest)
                except queue.Empty as error:
                    raise HarvestFailed(_("The repository stopped answering.")) from error
                if kind == "page":
                    yield value
                elif kind == "end":
                    return
                elif kind == "failed":
                    raise HarvestFailed(value)
                else:
                    raise RuntimeError(value)
        finally:
            if reader.is_alive():
                reader.terminate()
            reader.join(timeout=10)

    def _read_ahead(
        self, pages: multiprocessing.Queue[tuple[str, Any]], base_url: str, options: dict[str, str], language: str
    ) -> None:
        with translation.override(language):
            try:
                for page in self.pages(base_url, **options):
                    pages.put(("page", page))
                pages.put(("end", None))
            except HarvestFailed as error:
                pages.put(("failed", str(error)))
            except Exception as error:  # handed to the harvesting process, which logs it
                pages.put(("error", repr(error)[:500]))
        pages.close()
        pages.join_thread()
