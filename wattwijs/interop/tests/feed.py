"""A small OAI-PMH repository for harvest tests and the harvest benchmark: NL-LOM records as text, served
page by page from a thread on 127.0.0.1 (a free port), with scripted answers such as a 503 with Retry-After."""

from __future__ import annotations

import threading
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlsplit
from xml.sax.saxutils import escape

OAI = "http://www.openarchives.org/OAI/2.0/"
LOM = "http://www.imsglobal.org/xsd/imsmd_v1p2"
MBO_3 = "654931e1-6f8b-4f72-aa4b-92c99c72c347"


AUTHOR_CARD = "FN:Anna de Vries\nORG:ROC Voorbeeld"


def _ls(text: str, language: str = "x-none") -> str:
    return f'<langstring xml:lang="{language}">{text}</langstring>'


def _vocabulary(name: str, value: str, source: str = "LOMv1.0") -> str:
    return f"<{name}><source>{_ls(source)}</source><value>{_ls(value)}</value></{name}>"


def _contribute(role: str, card: str, date: str) -> str:
    return (
        f"<contribute>{_vocabulary('role', role)}<centity><vcard>BEGIN:VCARD\nVERSION:3.0\n{card}\nEND:VCARD"
        f"</vcard></centity><date><datetime>{date}</datetime></date></contribute>"
    )


def lom_record(
    number: int,
    *,
    prefix: str = "oai:voorbeeld.nl:",
    datestamp: str = "2026-03-01T10:00:00Z",
    title: str | None = None,
    licence: str = "cc-by-sa-40",
    language: str = "nl",
    contribute_date: str = "2026-02-01",
) -> str:
    """One ListRecords ``<record>`` with an NL-LOM record in it."""
    title = f"Zonnepanelen aansluiten deel {number}" if title is None else title
    title_xml = f"<title>{_ls(escape(title), 'nl')}</title>" if title else ""
    url = f"https://voorbeeld.nl/m/{number}"
    level = f"<taxonpath><source>{_ls('http://purl.edustandaard.nl/begrippenkader')}</source><taxon><id>{MBO_3}</id>"
    return (
        f"<record><header><identifier>{prefix}{number}</identifier><datestamp>{datestamp}</datestamp></header>"
        f'<metadata><lom xmlns="{LOM}"><general>'
        f"<catalogentry><catalog>URI</catalog><entry>{_ls(url)}</entry></catalogentry>"
        f"{title_xml}<language>{language}</language>"
        f"<description>{_ls(f'Hoe je een omvormer aansluit, stap {number}.', 'nl')}</description>"
        f"<keyword>{_ls('omvormer', 'nl')}</keyword><keyword>{_ls('zonnestroom', 'nl')}</keyword>"
        f"{_vocabulary('aggregationlevel', '2')}</general>"
        f"<lifecycle>{_contribute('publisher', 'FN:Voorbeeld Repository', contribute_date)}"
        f"{_contribute('author', AUTHOR_CARD, contribute_date)}</lifecycle>"
        f"<technical><format>text/html</format><location>{url}</location></technical>"
        f"<educational>{_vocabulary('learningresourcetype', 'exercise')}"
        f"{_vocabulary('intendedenduserrole', 'learner', 'x')}</educational>"
        f"<rights>{_vocabulary('cost', 'no')}{_vocabulary('copyrightandotherrestrictions', licence, 'x')}</rights>"
        f"<classification>{_vocabulary('purpose', 'educational level')}"
        f"{level}<entry>{_ls('MBO, Niveau 3', 'nl')}</entry></taxon></taxonpath></classification>"
        "</lom></metadata></record>"
    )


def deleted_record(identifier: str, datestamp: str = "2026-03-02T10:00:00Z") -> str:
    return (
        f'<record><header status="deleted"><identifier>{identifier}</identifier>'
        f"<datestamp>{datestamp}</datestamp></header></record>"
    )


def page(records: Sequence[str], token: str = "", *, complete: int | None = None) -> bytes:
    """A ListRecords answer with these records and (when given) a resumption token."""
    token_xml = ""
    if token or complete is not None:
        size = f' completeListSize="{complete}"' if complete is not None else ""
        token_xml = f"<resumptionToken{size}>{escape(token)}</resumptionToken>"
    return (
        f'<?xml version="1.0" encoding="UTF-8"?>\n<OAI-PMH xmlns="{OAI}"><responseDate>2026-03-03T00:00:00Z'
        f'</responseDate><request verb="ListRecords">http://127.0.0.1/oai</request><ListRecords>'
        + "".join(records)
        + token_xml
        + "</ListRecords></OAI-PMH>"
    ).encode()


NO_RECORDS = (
    f'<?xml version="1.0" encoding="UTF-8"?>\n<OAI-PMH xmlns="{OAI}"><responseDate>2026-03-03T00:00:00Z</responseDate>'
    '<request>http://127.0.0.1/oai</request><error code="noRecordsMatch">Nothing</error></OAI-PMH>'
).encode()


@dataclass
class Answer:
    body: bytes = b""
    status: int = 200
    headers: dict[str, str] = field(default_factory=dict)


@dataclass
class Feed:
    """Pages by resumption token ("" is the first page); ``before`` holds answers given once before a page."""

    pages: dict[str, bytes]
    before: dict[str, list[Answer]] = field(default_factory=dict)
    requests: list[dict[str, list[str]]] = field(default_factory=list)

    def answer(self, query: dict[str, list[str]]) -> Answer:
        self.requests.append(query)
        token = query.get("resumptionToken", [""])[0]
        if query.get("verb") != ["ListRecords"]:
            return Answer(status=400)
        waiting = self.before.get(token)
        if waiting:
            return waiting.pop(0)
        if token not in self.pages:
            return Answer(status=404)
        return Answer(self.pages[token])


@contextmanager
def serve(feed: Feed) -> Iterator[str]:
    """Serve ``feed`` on a free port of 127.0.0.1; yields the base URL."""

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:  # noqa: N802 - http.server's naming
            answer = feed.answer(parse_qs(urlsplit(self.path).query))
            self.send_response(answer.status)
            self.send_header("Content-Type", "text/xml; charset=utf-8")
            self.send_header("Content-Length", str(len(answer.body)))
            for name, value in answer.headers.items():
                self.send_header(name, value)
            self.end_headers()
            self.wfile.write(answer.body)

        def log_message(self, format: str, *args: object) -> None:  # noqa: A002 - http.server's signature
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/oai"
    finally:
        server.shutdown()
        server.server_close()
        thread.join()
