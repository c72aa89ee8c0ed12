"""Search queries: parse what a visitor typed, compile it for SQLite FTS5 and PostgreSQL.

``parse`` accepts any text and never raises. Query syntax is deliberately small:
words (all must match), "double-quoted phrases" and ``word*`` prefixes. Anything
that means something to FTS5 or tsquery (AND, NEAR(, -, ^, :) is just text and
ends up as plain terms or is dropped, because every term is quoted when compiled.

The parsed ``Query`` is a small boolean tree over index terms. ``to_fts5`` and
``to_tsquery`` render the same tree, so both backends return the same hits.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import NamedTuple

from django.utils.html import escape, format_html, format_html_join
from django.utils.safestring import SafeString

from .analysis import MAX_TERM_LENGTH, STOP_WORDS, analyze, fold, stem, stem_prefix, tokens, word_groups

MAX_QUERY_LENGTH = 200
MAX_CLAUSES = 8
MIN_PREFIX_LENGTH = 2


@dataclass(frozen=True)
class Term:
    """An index term (a stem) that must occur."""

    stem: str


@dataclass(frozen=True)
class Prefix:
    """Some index term must start with ``text``."""

    text: str


@dataclass(frozen=True)
class Phrase:
    """Index terms that must occur one right after the other in the title or the body."""

    stems: tuple[str, ...]


@dataclass(frozen=True)
class AllOf:
    parts: tuple[Node, ...]


@dataclass(frozen=True)
class AnyOf:
    options: tuple[Node, ...]


Node = Term | Prefix | Phrase | AllOf | AnyOf


@dataclass(frozen=True)
class Query:
    """A parsed search: every clause must match."""

    clauses: tuple[Node, ...]
    # The folded words typed (no stop words), for "did you mean".
    plain_words: tuple[str, ...] = ()

    @property
    def is_empty(self) -> bool:
        return not self.clauses

    def terms_for_suggestion(self) -> list[str]:
        """The typed words worth checking for "did you mean", in order."""
        return list(self.plain_words)

    def stems(self) -> frozenset[str]:
        """Every stem the query can match on, including phrase words and compound forms."""
        return frozenset(stem for node in self.clauses for stem in _stems(node))

    def prefixes(self) -> frozenset[str]:
        return frozenset(text for node in self.clauses for text in _prefixes(node))

    def any_clause(self) -> Query:
        """The same words, of which one is enough: the fallback when all of them together find nothing."""
        if len(self.clauses) < 2:
            return self
        return Query(clauses=(AnyOf(self.clauses),), plain_words=self.plain_words)


def _walk(node: Node) -> Iterator[Node]:
    yield node
    if isinstance(node, AllOf):
        for part in node.parts:
            yield from _walk(part)
    elif isinstance(node, AnyOf):
        for option in node.options:
            yield from _walk(option)


def _stems(node: Node) -> Iterator[str]:
    for child in _walk(node):
        if isinstance(child, Term):
            yield child.stem
        elif isinstance(child, Phrase):
            yield from child.stems


def _prefixes(node: Node) -> Iterator[str]:
    for child in _walk(node):
        if isinstance(child, Prefix):
            yield child.text


def _all_of(parts: list[Node]) -> Node | None:
    unique = tuple(dict.fromkeys(parts))
    if not unique:
        return None
    return unique[0] if len(unique) == 1 else AllOf(unique)


def _any_of(options: list[Node]) -> Node | None:
    unique = tuple(dict.fromkeys(options))
    if not unique:
        return None
    return unique[0] if len(unique) == 1 else AnyOf(unique)


# --- Parsing ---------------------------------------------------------------

# Typographic quotes („zo” or “zo”) are phrase quotes too.
_QUOTES = str.maketrans(dict.fromkeys("\u201c\u201d\u201e\u201f\u2033\uff02", '"'))

# A bare word or "-"/"/" compound as folded by analysis.fold, with an optional prefix star.
_QUERY_WORD = re.compile(r"([a-z0-9]+(?:[-/][a-z0-9]+)*)(\*?)")
_JOINER = re.compile(r"[-/]")


@dataclass(frozen=True)
class _Word:
    """One bare word (or compound) of the query, before compilation."""

    text: str  # folded; compounds joined without their "-" or "/"
    node: Node
    prefix: bool
    # Only plain single words are joined with a neighbour; compounds carry their own joined form.
    joinable: bool
    # A stop word or dropped word breaks adjacency, as it does at index time.
    follows_previous: bool


def _prefix_node(word: str) -> Node | None:
    text = stem_prefix(word)
    if len(text) < MIN_PREFIX_LENGTH:
        return None
    # The stemmer sometimes changes more than the end of a word ("geisoleerd" is
    # indexed as "isoler"), so a completely typed word also matches by its stem.
    full = stem(word)
    if full.startswith(text):
        return Prefix(text)
    return AnyOf((Prefix(text), Term(full)))


def _word_node(word: str, *, prefix: bool) -> Node | None:
    if len(word) > MAX_TERM_LENGTH or word in STOP_WORDS:
        return None
    return _prefix_node(word) if prefix else Term(stem(word))


def _compound_node(parts: tuple[str, ...], *, prefix: bool) -> Node | None:
    """``zon-pv``: the joined form, or all the parts (as in "zon pv")."""
    last = len(parts) - 1
    part_nodes = [node for i, part in enumerate(parts) if (node := _word_node(part, prefix=prefix and i == last))]
    joined = "".join(parts)
    joined_node = _word_node(joined, prefix=prefix)
    options = [node for node in (joined_node, _all_of(part_nodes)) if node is not None]
    return _any_of(options)


def _bare_words(segment: str, *, prefix_last: bool) -> list[_Word]:
    matches = _QUERY_WORD.findall(fold(segment))
    words: list[_Word] = []
    follows = False
    for i, (text, star) in enumerate(matches):
        prefix = bool(star) or (prefix_last and i == len(matches) - 1)
        parts = tuple(_JOINER.split(text))
        node = _compound_node(parts, prefix=prefix) if len(parts) > 1 else _word_node(text, prefix=prefix)
        if node is None:
            follows = False
            continue
        words.append(
            _Word(
                text="".join(parts),
                node=node,
                prefix=prefix,
                joinable=len(parts) == 1,
                follows_previous=follows,
            )
        )
        # A word typed with an explicit star is not joined to the next word.
        follows = not prefix
    return words


def _joined(left: _Word, right: _Word) -> Node | None:
    """The joined form of two adjacent query words, as an alternative to both."""
    if not (right.follows_previous and left.joinable and right.joinable and not left.prefix):
        return None
    return _word_node(left.text + right.text, prefix=right.prefix)


def _run_clauses(words: list[_Word]) -> list[Node]:
    """One clause per word: the word itself, or a joined form with a neighbour.

    For "a b" this is (a OR ab) AND (b OR ab), which equals (a AND b) OR ab;
    for longer runs it stays linear in the number of words instead of listing
    every way to pair them up.
    """
    clauses: list[Node] = []
    for i, word in enumerate(words):
        options: list[Node | None] = [word.node]
        if i > 0:
            options.append(_joined(words[i - 1], word))
        if i + 1 < len(words):
            options.append(_joined(word, words[i + 1]))
        clause = _any_of([option for option in options if option is not None])
        if clause is not None:
            clauses.append(clause)
    return clauses


def _phrase_clause(segment: str) -> Node | None:
    stems = analyze(segment).terms
    if not stems:
        return None
    if len(stems) == 1:
        return Term(stems[0])
    return Phrase(tuple(stems))


def _suggestion_words(text: str) -> list[str]:
    return [word for group in word_groups(text) for word in group if word not in STOP_WORDS]


def parse(q: str, *, prefix_last: bool = False) -> Query:
    """Parse a visitor's search text; never raises.

    Only the first 200 characters count, and at most 8 clauses (words, compounds
    or phrases). Text between double quotes is a phrase; an unclosed quote makes
    the rest a phrase. ``word*`` is a prefix, and with ``prefix_last`` (search as
    you type) so is the last word when it ends the text.
    """
    segments = q[:MAX_QUERY_LENGTH].translate(_QUOTES).split('"')
    clauses: list[Node] = []
    words: list[str] = []
    for index, segment in enumerate(segments):
        room = MAX_CLAUSES - len(clauses)
        if room <= 0:
            break
        if index % 2:
            # Odd segments are inside quotes, including an unclosed last one.
            phrase = _phrase_clause(segment)
            if phrase is not None:
                clauses.append(phrase)
                words.extend(_suggestion_words(segment))
            continue
        is_last = index == len(segments) - 1
        bare = _bare_words(segment, prefix_last=prefix_last and is_last)[:room]
        clauses.extend(_run_clauses(bare))
        words.extend(word.text for word in bare if word.text not in STOP_WORDS)
    return Query(clauses=tuple(dict.fromkeys(clauses)), plain_words=tuple(dict.fromkeys(words)))


# --- Compilation -----------------------------------------------------------


def _fts5(node: Node, phrase_filter: str) -> str:
    if isinstance(node, Term):
        return f'"{node.stem}"'
    if isinstance(node, Prefix):
        return f'"{node.text}"*'
    if isinstance(node, Phrase):
        return f'{phrase_filter}"{" ".join(node.stems)}"'
    if isinstance(node, AllOf):
        return "(" + " AND ".join(_fts5(part, phrase_filter) for part in node.parts) + ")"
    return "(" + " OR ".join(_fts5(option, phrase_filter) for option in node.options) + ")"


def to_fts5(query: Query, *, phrase_columns: Sequence[str] = ()) -> str:
    """An SQLite FTS5 MATCH expression over all columns of the table; "" when the query is empty.

    ``phrase_columns`` (e.g. the title and body columns) keeps phrases out of the
    variants column, whose terms are not in text order. PostgreSQL cannot make
    that distinction with ``to_tsquery`` alone, so without it both backends
    treat phrases the same way.
    """
    phrase_filter = "{" + " ".join(phrase_columns) + "} : " if phrase_columns else ""
    return " AND ".join(_fts5(clause, phrase_filter) for clause in query.clauses)


def _tsquery(node: Node, phrase_weights: str) -> str:
    if isinstance(node, Term):
        return f"'{node.stem}'"
    if isinstance(node, Prefix):
        return f"'{node.text}':*"
    if isinstance(node, Phrase):
        if not phrase_weights:
            return "(" + " <-> ".join(f"'{stem}'" for stem in node.stems) + ")"
        per_weight = (" <-> ".join(f"'{stem}':{weight}" for stem in node.stems) for weight in phrase_weights)
        return "(" + " | ".join(f"({phrase})" for phrase in per_weight) + ")"
    if isinstance(node, AllOf):
        return "(" + " & ".join(_tsquery(part, phrase_weights) for part in node.parts) + ")"
    return "(" + " | ".join(_tsquery(option, phrase_weights) for option in node.options) + ")"


def to_tsquery(query: Query, *, phrase_weights: str = "") -> str:
    """A PostgreSQL ``to_tsquery('simple', ...)`` text with the meaning of ``to_fts5``; "" when empty.

    ``phrase_weights`` (e.g. "AB" when the title is weighted A and the body B) keeps each phrase
    inside one of those parts, as ``phrase_columns`` does for FTS5: concatenated tsvectors would
    otherwise let a phrase run from the end of the title into the body.
    """
    return " & ".join(_tsquery(clause, phrase_weights) for clause in query.clauses)


# --- Highlighting ----------------------------------------------------------

_TEXT_WORD = re.compile(r"[^\W_]+")
_JOINERS = frozenset("-/\u2010\u2011")
_ELLIPSIS = "\u2026"
# Where to look for the first match; beyond this the snippet starts at the top.
MAX_HIGHLIGHT_SCAN = 20_000


class _Span(NamedTuple):
    start: int
    end: int
    folded: str


def _fold_word(word: str) -> str:
    return word.lower() if word.isascii() else "".join(tokens(word))


def _word_spans(text: str, start: int, end: int) -> Iterator[_Span]:
    """The whole words between ``start`` and ``end``; a word cut by either edge is left out."""
    for match in _TEXT_WORD.finditer(text, start, end):
        word_start, word_end = match.span()
        if (word_start == start > 0 and _TEXT_WORD.match(text, start - 1)) or (
            word_end == end and _TEXT_WORD.match(text, end)
        ):
            continue
        folded = _fold_word(match.group())
        if folded:
            yield _Span(word_start, word_end, folded)


class _Matcher:
    """Tells whether a text word matches the query the way the index would."""

    def __init__(self, query: Query) -> None:
        self.stems = query.stems()
        self.prefixes = query.prefixes()
        # Stemming every word of a long text would be slow on a cold cache. A
        # stem starts with the first two letters of its word (after undoubling)
        # unless the stemmer removed a leading "ge", so other words are skipped.
        self.keys: set[str] = set()
        # Words come back often in the snippets of one result page.
        self.seen: dict[str, bool] = {}
        for text in self.stems | self.prefixes:
            self.keys.add(text[:2])
            if text[0] in "aeou":
                self.keys.add(text[0] * 2)

    def matches(self, folded: str) -> bool:
        known = self.seen.get(folded)
        if known is None:
            known = self.seen[folded] = self._matches(folded)
        return known

    def _matches(self, folded: str) -> bool:
        if len(folded) > MAX_TERM_LENGTH or (folded[:2] not in self.keys and not folded.startswith("ge")):
            return False
        stemmed = stem(folded)
        return stemmed in self.stems or any(stemmed.startswith(prefix) for prefix in self.prefixes)

    def joined(self, text: str, left: _Span, right: _Span) -> bool:
        """Whether two neighbouring words match as one ("warmte pomp", "zon-PV")."""
        between = text[left.end : right.start]
        # The index pairs neighbouring words only when neither is a stop word ("warmtepomp en" is no compound).
        if left.folded in STOP_WORDS or right.folded in STOP_WORDS:
            return False
        return (between in _JOINERS or between.isspace()) and self.matches(left.folded + right.folded)

    def marked(self, text: str, spans: list[_Span]) -> set[int]:
        """Indexes of the spans to mark: matching words, and both halves of a matching compound."""
        marked = set()
        for i, span in enumerate(spans):
            if self.matches(span.folded):
                marked.add(i)
            if i and self.joined(text, spans[i - 1], span):
                marked.update((i - 1, i))
        return marked

    def first(self, text: str) -> int | None:
        """Where the first match in ``text`` starts, if any."""
        previous = None
        for span in _word_spans(text, 0, min(len(text), MAX_HIGHLIGHT_SCAN)):
            if previous is not None and self.joined(text, previous, span):
                return previous.start
            if self.matches(span.folded):
                return span.start
            previous = span
        return None


@functools.lru_cache(maxsize=64)
def _matcher(query: Query) -> _Matcher:
    """One matcher per query, shared by the snippets of a result page (it remembers the words it saw)."""
    return _Matcher(query)


def _window(text: str, centre: int | None, length: int) -> tuple[int, int]:
    """The stretch of ``text`` to show: ``length`` characters around ``centre``, cut between words."""
    if len(text) <= length:
        return 0, len(text)
    focus = centre or 0
    start = max(0, min(focus - length // 2, len(text) - length))
    end = start + length
    # Do not cut words in half, but never move past the word that is centred on.
    if start > 0:
        space = text.find(" ", start, focus)
        if space != -1:
            start = space + 1
    if end < len(text):
        space = text.rfind(" ", max(start, focus), end)
        if space > start:
            end = space
    return start, end


def highlight(text: str, query: Query, *, length: int = 220) -> SafeString:
    """An HTML-escaped snippet of ``text`` around the first match, with matching words in ``<mark>``."""
    text = unicodedata.normalize("NFC", text)
    matcher = _matcher(query)
    centre = matcher.first(text) if not query.is_empty else None
    start, end = _window(text, centre, length)
    pieces: list[SafeString] = []
    if start > 0:
        pieces.append(escape(_ELLIPSIS))
    position = start
    if centre is not None:
        spans = list(_word_spans(text, start, end))
        for i in sorted(matcher.marked(text, spans)):
            pieces.append(escape(text[position : spans[i].start]))
            pieces.append(format_html("<mark>{}</mark>", text[spans[i].start : spans[i].end]))
            position = spans[i].end
    pieces.append(escape(text[position:end]))
    if end < len(text):
        pieces.append(escape(_ELLIPSIS))
    return format_html_join("", "{}", ((piece,) for piece in pieces))
