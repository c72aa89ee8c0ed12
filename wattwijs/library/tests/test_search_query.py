"""Search queries: parsing, compound spellings, phrases, prefixes, FTS5 and tsquery output, snippets.

The hits are checked with a small evaluator over the parsed ``Query`` and a
document's analysed terms, and against a real in-memory SQLite FTS5 table.
"""

from __future__ import annotations

import re
import sqlite3
from collections.abc import Iterator
from dataclasses import dataclass

import pytest
from django.utils.safestring import SafeString
from hypothesis import given, settings
from hypothesis import strategies as st

from wattwijs.library.search.analysis import analyze
from wattwijs.library.search.query import (
    AllOf,
    AnyOf,
    Node,
    Phrase,
    Prefix,
    Query,
    Term,
    highlight,
    parse,
    to_fts5,
    to_tsquery,
)


@dataclass(frozen=True)
class Document:
    title: list[str]
    body: list[str]
    variants: list[str]

    @classmethod
    def of(cls, body: str, title: str = "") -> Document:
        analyzed_title, analyzed_body = analyze(title), analyze(body)
        return cls(analyzed_title.terms, analyzed_body.terms, analyzed_title.variants + analyzed_body.variants)

    @property
    def all_terms(self) -> set[str]:
        return {*self.title, *self.body, *self.variants}


def _has_run(terms: list[str], run: tuple[str, ...]) -> bool:
    return any(tuple(terms[i : i + len(run)]) == run for i in range(len(terms) - len(run) + 1))


def _evaluate(node: Node, document: Document) -> bool:
    if isinstance(node, Term):
        return node.stem in document.all_terms
    if isinstance(node, Prefix):
        return any(term.startswith(node.text) for term in document.all_terms)
    if isinstance(node, Phrase):
        return _has_run(document.title, node.stems) or _has_run(document.body, node.stems)
    if isinstance(node, AllOf):
        return all(_evaluate(part, document) for part in node.parts)
    assert isinstance(node, AnyOf)
    return any(_evaluate(option, document) for option in node.options)


def finds(query: Query, document: Document) -> bool:
    return not query.is_empty and all(_evaluate(clause, document) for clause in query.clauses)


ZON_PV = ["zon-PV", "zonPV", "zon pv"]
WARMTEPOMP = ["warmte-pomp", "warmtepomp", "warmte pomp"]


@pytest.mark.parametrize(
    ("typed", "written"),
    [(typed, written) for family in (ZON_PV, WARMTEPOMP) for typed in family for written in family],
)
def test_it_finds_every_spelling_of_a_compound(typed: str, written: str) -> None:
    assert finds(parse(typed), Document.of(f"Over {written} op het dak."))


def test_it_finds_a_hyphenated_compound_with_a_stop_word_written_solid() -> None:
    assert finds(parse("uwaarde"), Document.of("De U-waarde van glas"))


def test_it_does_not_find_a_compound_by_one_of_its_parts_alone() -> None:
    assert not finds(parse("zon-pv"), Document.of("Zon en wind."))


def test_it_finds_a_solid_compound_from_a_long_pair_of_words() -> None:
    assert finds(parse("warmtepomp installatie"), Document.of("De warmtepompinstallatie"))


def test_it_finds_a_phrase_in_order() -> None:
    assert finds(parse('"pomp installeren"'), Document.of("Zo kun je een pomp installeren."))


def test_it_does_not_find_a_phrase_out_of_order() -> None:
    assert not finds(parse('"pomp installeren"'), Document.of("Installeren pomp"))


def test_it_treats_an_unclosed_quote_as_a_phrase_to_the_end() -> None:
    assert parse('zon "pomp installeren').clauses[-1] == Phrase(("pomp", "installer"))


def test_it_finds_by_the_last_word_as_prefix_while_typing() -> None:
    assert finds(parse("warmtep", prefix_last=True), Document.of("Warmtepompen"))


def test_it_needs_whole_words_when_not_typing() -> None:
    assert not finds(parse("warmtep"), Document.of("Warmtepompen"))


def test_it_finds_a_completely_typed_word_while_typing() -> None:
    assert finds(parse("zonnepaneel", prefix_last=True), Document.of("Zonnepanelen"))


def test_it_finds_by_a_starred_prefix() -> None:
    assert finds(parse("laadp* dak"), Document.of("Laadpalen op het dak"))


def test_it_drops_a_one_letter_prefix() -> None:
    assert parse("w*").is_empty


def test_it_treats_operators_as_plain_words() -> None:
    assert not finds(parse("zon OR wind"), Document.of("wind"))


def test_it_is_empty_for_stop_words_and_punctuation() -> None:
    assert parse('de -- het "van" (*) een').is_empty


def test_it_reads_only_the_first_200_characters() -> None:
    assert not finds(parse("x" * 199 + " warmtepomp"), Document.of("warmtepomp"))


def test_it_keeps_at_most_8_clauses() -> None:
    query = parse(" ".join(f"woord{i}" for i in range(20)))

    assert len(query.clauses) == 8


def test_it_keeps_the_compiled_expression_linear_in_the_words() -> None:
    query = parse("zon wind pomp dak huis net kas mast")

    assert all(len(clause.options) <= 3 for clause in query.clauses if isinstance(clause, AnyOf))


def test_it_gives_the_typed_words_for_suggestions() -> None:
    query = parse('De warmtepomp "zonne panelen" van Zon-PV')

    assert query.terms_for_suggestion() == ["warmtepomp", "zonne", "panelen", "zonpv"]


# --- SQLite FTS5 ---------------------------------------------------------------

CORPUS = [
    ("Zon-PV op het dak", "Een installatie van zonnepanelen op een plat dak."),
    ("ZonPV voor scholen", "De pomp installeren en de omvormer aansluiten."),
    ("Warmtepompen", "Installeren pomp: eerst de warmte pomp plaatsen, dan de leidingen."),
    ("Laadpalen", "Een laadpaal bij het huis; coëfficiënt van de zon pv."),
    ("Isolatie", "Goed geïsoleerde woningen met een warmte-pomp."),
    ("Netcongestie", "Het net raakt vol; de netbeheerder zoekt flexibiliteit."),
]
DOCUMENTS = [Document.of(body, title) for title, body in CORPUS]

QUERIES = [
    "zon-pv",
    "zonpv",
    "zon pv",
    "warmtepomp",
    "warmte pomp",
    "warmte-pomp",
    '"pomp installeren"',
    '"installeren pomp"',
    "laadpaal",
    "coefficient",
    "geisoleerde woning",
    "net*",
    "zonnepa*",
    "dak zon",
    '"warmte pomp" leiding',
    "NOT pomp",
]

NASTY = [
    "",
    '"',
    '""',
    '"""',
    "NEAR(",
    "NEAR(a b, 2)",
    "a NEAR b",
    "*",
    "**",
    "-",
    "-zon",
    "^zon",
    "zon:pv",
    "title:zon",
    "{title}: zon",
    "(",
    ")",
    "(zon OR",
    "AND",
    "OR OR OR",
    "NOT",
    "zon AND NOT pv",
    "\x00",
    "zon\x00pv",
    "\x1b[31mzon",
    "\u202ezon",
    "🔥 warmtepomp 🔥",
    "'; DROP TABLE t; --",
    "zon-",
    "-pv-",
    "a-b-c-d-e-f-g-h-i-j",
    "\\",
    "+zon",
    "zon*pv*",
    "ş̷̛͎a̶l̸g̴o̵",
    "warmtepomp " * 2000,
    "x" * 10_000,
]

QUERY_TEXT = st.one_of(
    st.text(),
    st.lists(
        st.sampled_from(
            [
                '"',
                "'",
                "AND",
                "OR",
                "NOT",
                "NEAR(",
                "NEAR",
                "*",
                "-",
                "^",
                ":",
                "(",
                ")",
                "{",
                "}",
                ",",
                "+",
                " ",
                "\x00",
                "de",
                "zon",
                "pv",
                "zon-pv",
                "warmte",
                "pomp",
                "pompen",
                "installeren",
                "w",
                "laadp",
                "coëfficiënt",
                "😀",
            ]
        ),
        max_size=30,
    ).map("".join),
)


@pytest.fixture(scope="module")
def fts() -> Iterator[sqlite3.Connection]:
    connection = sqlite3.connect(":memory:")
    connection.execute(
        'CREATE VIRTUAL TABLE t USING fts5(title, body, variants, tokenize="unicode61 remove_diacritics 0")'
    )
    for rowid, document in enumerate(DOCUMENTS):
        connection.execute(
            "INSERT INTO t (rowid, title, body, variants) VALUES (?, ?, ?, ?)",
            (rowid, " ".join(document.title), " ".join(document.body), " ".join(document.variants)),
        )
    yield connection
    connection.close()


def fts5_hits(connection: sqlite3.Connection, expression: str) -> set[int]:
    return {rowid for (rowid,) in connection.execute("SELECT rowid FROM t WHERE t MATCH ?", (expression,))}


def python_hits(query: Query) -> set[int]:
    return {rowid for rowid, document in enumerate(DOCUMENTS) if finds(query, document)}


def assert_runs(connection: sqlite3.Connection, text: str) -> None:
    query = parse(text, prefix_last=True)
    expression = to_fts5(query)
    assert (expression == "") == query.is_empty
    if expression:
        fts5_hits(connection, expression)


@pytest.mark.parametrize("text", NASTY)
def test_it_runs_nasty_input_on_fts5(fts: sqlite3.Connection, text: str) -> None:
    assert_runs(fts, text)


@settings(max_examples=200, deadline=None)
@given(QUERY_TEXT)
def test_it_runs_any_input_on_fts5(fts: sqlite3.Connection, text: str) -> None:
    assert_runs(fts, text)


@pytest.mark.parametrize("text", QUERIES)
def test_it_finds_the_same_on_fts5_as_the_evaluator(fts: sqlite3.Connection, text: str) -> None:
    query = parse(text)

    assert fts5_hits(fts, to_fts5(query, phrase_columns=("title", "body"))) == python_hits(query)


@pytest.mark.parametrize("text", QUERIES)
def test_it_finds_the_same_with_phrases_in_all_columns(fts: sqlite3.Connection, text: str) -> None:
    query = parse(text)

    assert fts5_hits(fts, to_fts5(query)) == python_hits(query)


def test_it_finds_something_for_every_corpus_query() -> None:
    # Guards the comparisons above against passing on empty hit sets alone.
    assert all(python_hits(parse(text)) for text in QUERIES if text != "NOT pomp")


# --- PostgreSQL tsquery ----------------------------------------------------------

TSQUERY_GRAMMAR = re.compile(r"(?:'[a-z0-9]+'(?::\*)?|&|\||!|\(|\)|<->| )*")
TSQUERY_PHRASE = re.compile(r"'[a-z0-9]+'(?: <-> '[a-z0-9]+')+")


def tsquery_as_fts5(tsquery: str) -> str:
    """A token-by-token translation, to run the tsquery's meaning on SQLite."""
    expression = TSQUERY_PHRASE.sub(lambda match: '"' + re.sub(r"'|<-> ", "", match.group()) + '"', tsquery)
    expression = re.sub(r"'([a-z0-9]+)':\*", r'"\1"*', expression)
    expression = re.sub(r"'([a-z0-9]+)'", r'"\1"', expression)
    return expression.replace(" & ", " AND ").replace(" | ", " OR ")


def is_balanced(text: str) -> bool:
    depth = 0
    for character in text:
        depth += {"(": 1, ")": -1}.get(character, 0)
        if depth < 0:
            return False
    return depth == 0


@settings(max_examples=200, deadline=None)
@given(QUERY_TEXT, st.booleans())
def test_it_writes_tsquery_in_the_allowed_grammar(text: str, prefix_last: bool) -> None:
    tsquery = to_tsquery(parse(text, prefix_last=prefix_last))

    assert TSQUERY_GRAMMAR.fullmatch(tsquery)
    assert is_balanced(tsquery)


@pytest.mark.parametrize("text", NASTY)
def test_it_writes_nasty_input_in_the_tsquery_grammar(text: str) -> None:
    tsquery = to_tsquery(parse(text, prefix_last=True))

    assert TSQUERY_GRAMMAR.fullmatch(tsquery)
    assert is_balanced(tsquery)


@pytest.mark.parametrize("text", QUERIES)
def test_it_gives_tsquery_the_meaning_of_fts5(fts: sqlite3.Connection, text: str) -> None:
    query = parse(text, prefix_last=True)

    assert fts5_hits(fts, tsquery_as_fts5(to_tsquery(query))) == fts5_hits(fts, to_fts5(query))


def test_it_writes_an_empty_tsquery_for_an_empty_query() -> None:
    assert to_tsquery(parse("de het")) == ""


# --- Snippets ------------------------------------------------------------------


def test_it_escapes_the_snippet() -> None:
    snippet = highlight("<script>alert('x')</script> over warmtepompen", parse("warmtepomp"))

    assert "<script>" not in snippet
    assert "&lt;script&gt;" in snippet


def test_it_marks_words_with_the_same_stem() -> None:
    snippet = highlight("Wij installeren warmtepompen.", parse("warmtepomp"))

    assert snippet == "Wij installeren <mark>warmtepompen</mark>."


def test_it_marks_both_halves_of_a_split_compound() -> None:
    snippet = highlight("Een warmte pomp.", parse("warmtepomp"))

    assert snippet == "Een <mark>warmte</mark> <mark>pomp</mark>."


def test_it_marks_prefix_matches() -> None:
    assert "<mark>Laadpalen</mark>" in highlight("Laadpalen en meer", parse("laadp", prefix_last=True))


def test_it_returns_safe_html() -> None:
    assert isinstance(highlight("tekst", parse("tekst")), SafeString)


def test_it_cuts_around_the_first_match() -> None:
    text = "begin " + "vulwoord " * 100 + "over de warmtepomp " + "vulwoord " * 100 + "einde"

    snippet = highlight(text, parse("warmtepomp"), length=100)

    assert snippet.startswith("…vulwoord")
    assert snippet.endswith("vulwoord…")
    assert "<mark>warmtepomp</mark>" in snippet
    assert len(snippet.replace("<mark>", "").replace("</mark>", "")) <= 102


def test_it_starts_at_the_top_without_a_match() -> None:
    snippet = highlight("begin " + "vulwoord " * 100, parse("warmtepomp"), length=50)

    assert snippet.startswith("begin vulwoord")
    assert snippet.endswith("…")


@settings(max_examples=200, deadline=None)
@given(st.text(), QUERY_TEXT)
def test_it_never_lets_markup_through(text: str, typed: str) -> None:
    snippet = highlight(text, parse(typed, prefix_last=True))

    assert "<" not in snippet.replace("<mark>", "").replace("</mark>", "")


def test_a_stop_word_after_a_match_is_not_marked_as_part_of_a_compound():
    assert str(highlight("De warmtepomp en de ketel", parse("warmtepomp"))) == "De <mark>warmtepomp</mark> en de ketel"
