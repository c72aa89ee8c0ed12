"""Dutch text analysis for the learning-material search.

All language analysis happens here, in Python, so that the SQLite FTS5 index and
the PostgreSQL tsvector see the same terms and return the same hits. Both
databases only split the stored strings on spaces, so every term this module
produces consists of the characters [a-z0-9] alone.

A document is stored as three space-separated strings: title terms, body terms
and variant terms. Terms are the stems of the words that are not stop words, in
order (phrase queries need the order). Variants are extra terms that let the
spellings of a compound find each other ("zon-PV", "zonPV", "zon pv").
"""

from __future__ import annotations

import difflib
import functools
import re
import unicodedata
from collections.abc import Callable, Iterable
from dataclasses import dataclass

import snowballstemmer  # type: ignore[import-untyped]

# Longer "words" are hashes, encoded data or run-together garbage; PostgreSQL
# also refuses lexemes over 2 KB. Dropped at index and at query time alike.
MAX_TERM_LENGTH = 64

# Adjacent words whose combined length is at most this get their joined stem as
# a variant, so "warmte pomp" is also found as "warmtepomp". The bound keeps the
# variants column well below the size of the body.
MAX_PAIR_LENGTH = 14

# Short, frequent function words. Domain words that look like function words
# ("net" as in electricity grid, "meer", "per") are deliberately left out.
# The one-letter clitics come from "'s", "'t", "z'n" and "m'n".
# fmt: off
STOP_WORDS: frozenset[str] = frozenset({
    "aan", "al", "alle", "als", "bij", "ben", "bent", "dan", "dat", "de", "deze", "die", "dit", "door", "dus",
    "een", "en", "er", "had", "heb", "hebben", "heeft", "het", "hier", "hij", "hoe", "hun", "ik", "in", "is", "je",
    "jij", "jou", "jouw", "jullie", "kan", "kon", "kunnen", "maar", "me", "men", "met", "mij", "mijn", "moet",
    "moeten", "na", "naar", "niet", "nog", "nu", "of", "om", "omdat", "ons", "onze", "ook", "op", "over", "s", "t",
    "n", "m", "z", "te", "tot", "u", "uit", "uw", "van", "veel", "voor", "waar", "wanneer", "want", "was", "wat",
    "we", "werd", "wie", "wij", "wil", "worden", "wordt", "zal", "ze", "zelf", "zich", "zij", "zijn", "zo",
    "zonder", "zou", "zouden",
})
# fmt: on

# snowballstemmer hands out PyStemmer's compiled stemmer when it is installed (requirements/base.txt):
# the same Snowball algorithm and stems, some twenty times faster, which bulk indexing needs.
_STEMMER = snowballstemmer.stemmer("dutch")

# After NFKD, Latin diacritics are combining marks in these blocks. A regular
# expression over the blocks is much faster than testing every character with
# unicodedata.combining(), and marks of other scripts do not matter: letters
# outside [a-z0-9] never become terms.
_COMBINING_MARKS = re.compile("[\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f]")

# Letters that NFKD does not decompose; "ß" and "ĳ" are already handled by
# casefold() and NFKD. Soft hyphens only mark where a word may be broken.
# (A regular expression finds them much faster than str.translate() would.)
_SPECIAL_LETTERS = {
    "æ": "ae",
    "œ": "oe",
    "ø": "o",
    "ł": "l",
    "đ": "d",
    "ð": "d",
    "þ": "th",
    "ı": "i",
    "ħ": "h",
    "ŧ": "t",
    "\u2010": "-",
    "\u00ad": "",
}
_SPECIAL_LETTER = re.compile("[" + "".join(_SPECIAL_LETTERS) + "]")


def _replace_letter(match: re.Match[str]) -> str:
    return _SPECIAL_LETTERS[match.group()]


# A word, or words joined by "-" or "/" without spaces (zon-pv, co2-neutraal).
_WORD_GROUP = re.compile(r"[a-z0-9]+(?:[-/][a-z0-9]+)*")
_JOINER = re.compile(r"[-/]")
# Splitting on bytes that cannot be part of a word group is about four times
# faster than finding the groups with _WORD_GROUP, which matters for indexing.
_GROUP_BYTES = b"abcdefghijklmnopqrstuvwxyz0123456789-/"
_SEPARATE = bytes(byte if byte in _GROUP_BYTES else ord(" ") for byte in range(256))
_DOUBLE_VOWEL = re.compile(r"([aeou])\1+")


def fold(text: str) -> str:
    """Lower case without diacritics: "Coëfficiënt" becomes "coefficient"."""
    if text.isascii():
        return text.lower()
    text = unicodedata.normalize("NFKD", text).casefold()
    return _SPECIAL_LETTER.sub(_replace_letter, _COMBINING_MARKS.sub("", text))


def _group_strings(folded: str) -> list[str]:
    """The word groups of folded text as found in it, "-" and "/" included."""
    pieces = folded.encode("ascii", "replace").translate(_SEPARATE).decode("ascii").split()
    groups: list[str] = []
    for piece in pieces:
        if "-" in piece or "/" in piece:
            # Only joiners between two words count: "-zon", "a--b" and "--" do not.
            groups.extend(_WORD_GROUP.findall(piece))
        else:
            groups.append(piece)
    return groups


def word_groups(text: str) -> list[tuple[str, ...]]:
    """Folded words in order, with "-" or "/" compounds kept together as their parts."""
    return [tuple(_JOINER.split(group)) for group in _group_strings(fold(text))]


def tokens(text: str) -> list[str]:
    """Folded surface words in order; compounds such as "zon-PV" give their parts."""
    return [word for group in _group_strings(fold(text)) for word in _JOINER.split(group)]


def undouble(word: str) -> str:
    """Write doubled vowels single, so "paal" and "palen" share the stem "pal"."""
    return _DOUBLE_VOWEL.sub(r"\1", word)


@functools.lru_cache(maxsize=2**18)
def _snowball(word: str) -> str:
    stemmed: str = _STEMMER.stemWord(word)
    return stemmed


@functools.lru_cache(maxsize=2**18)
def stem(word: str) -> str:
    """The index term of a folded word: its Dutch snowball stem with vowels undoubled."""
    if word.isdigit():
        return word
    return undouble(_snowball(word))


@functools.lru_cache(maxsize=2**16)
def stem_prefix(word: str) -> str:
    """The index-side prefix of a word that may still be being typed.

    Index terms are stems, so the typed text has to be brought into that shape:
    "zonnepaneel" must become "zonnepanel" to be a prefix of the stem of
    "zonnepanelen". Where the stemmer only rewrote the end of the word, the part
    it kept is used; where it changed more (it strips "ge" inside words), the
    folded word itself, undoubled.
    """
    if word.isdigit():
        return word
    stemmed = _snowball(word)
    common = 0
    for typed, kept in zip(word, stemmed, strict=False):
        if typed != kept:
            break
        common += 1
    base = word[:common] if common >= len(stemmed) - 3 else word
    return undouble(base)


@dataclass(frozen=True)
class Analyzed:
    """The analysed form of one text: what the index stores for it."""

    terms: list[str]
    variants: list[str]

    @property
    def terms_text(self) -> str:
        return " ".join(self.terms)

    @property
    def variants_text(self) -> str:
        return " ".join(self.variants)


def analyze(text: str) -> Analyzed:
    """Terms (stems of words that are not stop words, in order) and compound variants of a text."""
    terms: list[str] = []
    variants: list[str] = []
    previous = ""  # the preceding word when it was indexed, for pair variants
    # The hot path of bulk indexing: names bound locally, compounds split only when present.
    stop_words, stem_, add_term, add_variant = STOP_WORDS, stem, terms.append, variants.append
    for group in _group_strings(fold(text)):
        parts = _JOINER.split(group) if "-" in group or "/" in group else (group,)
        for word in parts:
            if word in stop_words or len(word) > MAX_TERM_LENGTH:
                previous = ""
                continue
            add_term(stem_(word))
            if previous and len(previous) + len(word) <= MAX_PAIR_LENGTH:
                pair = previous + word
                if pair not in stop_words:
                    add_variant(stem_(pair))
            previous = word
        if len(parts) > 1:
            joined = "".join(parts)
            if len(joined) <= MAX_TERM_LENGTH and joined not in stop_words:
                add_variant(stem_(joined))
    if variants:
        # A variant that is also a term adds nothing to what can be found.
        present = set(terms)
        variants = [variant for variant in dict.fromkeys(variants) if variant not in present]
    return Analyzed(terms=terms, variants=variants)


@dataclass(frozen=True)
class DocumentsAnalysis:
    """What the index stores for a batch of documents: per document the space-separated title terms,
    body terms and variants, the vocabulary words of the batch, and, where the database's full-text
    index takes the documents in a form of its own, that form of each document."""

    documents: list[tuple[str, str, str]]
    vocabulary: set[str]
    forms: list[bytes] | None = None


def analyze_documents(
    texts: list[tuple[str, str]],
    vocabulary_texts: list[str],
    form: Callable[[str, str, str], bytes] | None = None,
) -> DocumentsAnalysis:
    """Analyse the (title, body) texts of many documents; a plain function of strings, so it can run elsewhere.

    ``form`` turns a document's (title, body, variant) terms into what the full-text index takes.
    """
    documents = []
    for title_text, body_text in texts:
        title, body = analyze(title_text), analyze(body_text)
        documents.append((" ".join(title.terms), " ".join(body.terms), " ".join([*title.variants, *body.variants])))
    forms = [form(*terms) for terms in documents] if form is not None else None
    return DocumentsAnalysis(documents=documents, vocabulary=vocabulary_of(vocabulary_texts), forms=forms)


def vocabulary_words(text: str) -> set[str]:
    """Folded words of a text worth suggesting in "did you mean": letters only, at least 3 long."""
    return {
        word for word in tokens(text) if 3 <= len(word) <= MAX_TERM_LENGTH and word.isalpha() and word not in STOP_WORDS
    }


_VOCABULARY_WORD = re.compile(rf"\b[a-z]{{3,{MAX_TERM_LENGTH}}}\b")


def vocabulary_of(texts: Iterable[str]) -> set[str]:
    """``vocabulary_words`` of many texts at once: one pass over the joined text, for bulk indexing."""
    found = set(_VOCABULARY_WORD.findall(fold("\n".join(texts))))
    return found - STOP_WORDS


def suggest(word: str, vocabulary: Iterable[str], n: int = 3, *, cutoff: float = 0.75) -> list[str]:
    """Up to ``n`` known words spelled like ``word``, best first; none when ``word`` is itself known."""
    folded = fold(word).strip()
    known = list(vocabulary)
    if not folded or folded in known:
        return []
    return difflib.get_close_matches(folded, known, n=n, cutoff=cutoff)
