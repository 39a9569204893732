"""Word lists: speech verbs, titles, roles, names, pronouns and page furniture, read from ``data/``.

Every list is a UTF-8 text file in ``quoteattr/data/``, one entry a line, lowercase and sorted.
``#`` starts a comment (a whole line or the rest of one) and blank lines are ignored; a column
file separates its fields with a TAB. Each loader reads its file once through
:mod:`importlib.resources` (so the lists work from a wheel or a zip) and caches an immutable
result, so callers share one copy and nobody can change it under another stage's feet.

The lists were written by hand for English news, following the kinds of list that nameparser
keeps in its ``config/`` package (titles, suffixes) and textacy keeps for reporting verbs.
``tests/test_data_files.py`` keeps the files lowercase, sorted and free of duplicates.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Mapping
from importlib.resources import files
from types import MappingProxyType
from typing import TypeVar

__all__ = [
    "abbreviations",
    "anonymous_nouns",
    "belief_verbs",
    "clause_verbs",
    "cue_phrases",
    "elisions",
    "entries",
    "first_names",
    "furniture_exact",
    "furniture_prefixes",
    "group_nouns",
    "honorifics",
    "load_all",
    "organisation_words",
    "pronouns",
    "roles",
    "scare_cues",
    "sentence_final_abbreviations",
    "speech_nouns",
    "speech_verb_phrases",
    "speech_verbs",
    "table",
    "title_nouns",
]

# The values allowed in the gender column of honorifics, roles and first names.
_GENDERS = frozenset({"m", "f", ""})


@functools.cache
def entries(name: str) -> tuple[str, ...]:
    """The entry lines of one data file, comments and blank lines removed.

    Args:
        name: The file name inside ``quoteattr/data/``, e.g. ``"elisions.txt"``.

    Returns:
        Each entry line, with its comment and trailing white space removed, in file order.

    Raises:
        FileNotFoundError: If there is no such data file.

    >>> "em" in entries("elisions.txt")
    True
    """
    text = (files("quoteattr") / "data" / name).read_text(encoding="utf-8")
    result = []
    for line in text.splitlines():
        entry = line.partition("#")[0].rstrip()
        if entry:
            result.append(entry)
    return tuple(result)


def _word_set(name: str) -> frozenset[str]:
    return frozenset(entries(name))


def _longest_first(name: str) -> tuple[str, ...]:
    # Phrases are tried in order, so "in an interview with" must come before "in an interview".
    return tuple(sorted(entries(name), key=lambda phrase: (-len(phrase), phrase)))


def _columns(name: str) -> list[list[str]]:
    return [entry.split("\t") for entry in entries(name)]


def _gendered(name: str) -> Mapping[str, str]:
    """Read ``word<TAB>gender`` lines (a missing gender column means unknown, ``""``)."""
    result: dict[str, str] = {}
    for fields in _columns(name):
        word = fields[0]
        gender = fields[1] if len(fields) > 1 else ""
        if len(fields) > 2 or gender not in _GENDERS:
            raise ValueError(f"{name}: bad line {fields!r}; expected word<TAB>m|f|(empty)")
        if word in result:
            raise ValueError(f"{name}: {word!r} is listed twice")
        result[word] = gender
    return MappingProxyType(result)


def _inflections(name: str, *, phrases: bool | None = None) -> Mapping[str, str]:
    """Read ``lemma<TAB>form<TAB>form…`` lines into ``form -> lemma`` (the lemma maps to itself).

    ``phrases`` keeps only multi-word lemmas (``True``), only single words (``False``) or both.
    """
    result: dict[str, str] = {}
    for fields in _columns(name):
        lemma = fields[0]
        if phrases is not None and (" " in lemma) != phrases:
            continue
        for form in fields:
            if result.setdefault(form, lemma) != lemma:
                raise ValueError(f"{name}: {form!r} is a form of {result[form]!r} and {lemma!r}")
    return MappingProxyType(result)


@functools.cache
def elisions() -> frozenset[str]:
    """Words written with a leading apostrophe for elided letters, without the apostrophe.

    A single mark before one of these words is an apostrophe, not an opening quotation mark
    (``'em``, ``rock 'n' roll``, ``Kessington 'Til I Die``). Decades (``'90s``) are left to code.

    Returns:
        The lowercase words.

    >>> {"em", "til", "n"} <= elisions()
    True
    """
    return _word_set("elisions.txt")


@functools.cache
def furniture_exact() -> frozenset[str]:
    """Whole paragraphs that are page furniture, lowercase and without final punctuation.

    Returns:
        The lowercase paragraphs, e.g. ``"advertisement"`` and ``"share this article"``.

    >>> "share this article" in furniture_exact()
    True
    """
    return _word_set("furniture_exact.txt")


@functools.cache
def furniture_prefixes() -> tuple[str, ...]:
    """Lowercase openings of short furniture paragraphs (``"read more:"``, ``"image caption"``).

    Returns:
        The prefixes, sorted.

    >>> "read more:" in furniture_prefixes()
    True
    """
    return entries("furniture_prefixes.txt")


@functools.cache
def abbreviations() -> frozenset[str]:
    """Abbreviations whose full stop does not end a sentence in news text, without that stop.

    Inner stops stay (``"u.s"``, ``"e.g"``). Abbreviations that often do end a sentence
    (``etc.``, ``p.m.``) are in :func:`sentence_final_abbreviations` instead.

    Returns:
        The lowercase abbreviations.

    >>> {"mr", "dr", "u.s", "e.g"} <= abbreviations()
    True
    >>> "etc" in abbreviations()
    False
    """
    return _word_set("abbreviations.txt")


@functools.cache
def sentence_final_abbreviations() -> frozenset[str]:
    """Abbreviations that often end a sentence: their stop may close it before a capital.

    Returns:
        The lowercase abbreviations without their final stop.

    >>> {"etc", "a.m", "p.m"} <= sentence_final_abbreviations()
    True
    """
    return _word_set("sentence_final_abbreviations.txt")


@functools.cache
def title_nouns() -> frozenset[str]:
    """Nouns that introduce the title of a work or a text: ``the film 'Jaws'``, ``a sign reading``.

    Returns:
        The lowercase nouns, singular and plural.

    >>> {"film", "films", "song", "headline"} <= title_nouns()
    True
    """
    return _word_set("title_nouns.txt")


@functools.cache
def scare_cues() -> tuple[str, ...]:
    """Words right before a quoted term that mark it as a name or scare quote, not a quotation.

    Returns:
        Lowercase words and phrases (``"so-called"``, ``"known as"``), longest first so that a
        caller trying them in order meets ``"also known as"`` before ``"known as"``.

    >>> "so-called" in scare_cues()
    True
    >>> scare_cues().index("also known as") < scare_cues().index("known as")
    True
    """
    return _longest_first("scare_cues.txt")


@functools.cache
def speech_verbs() -> Mapping[str, str]:
    """Single-word verbs of saying, writing and communicating: every form mapped to its lemma.

    The forms of each lemma are its third person ``-s``, past, past participle and ``-ing``;
    the lemma maps to itself. Phrasal verbs (``point out``) are in :func:`speech_verb_phrases`.

    Returns:
        A read-only mapping from lowercase form to lemma.

    >>> speech_verbs()["said"], speech_verbs()["tweeting"], speech_verbs()["warn"]
    ('say', 'tweet', 'warn')
    """
    return _inflections("speech_verbs.txt", phrases=False)


@functools.cache
def speech_verb_phrases() -> Mapping[str, str]:
    """Multi-word verbs of saying (``point out``, ``went on``): every form mapped to its lemma.

    Returns:
        A read-only mapping from lowercase multi-word form to lemma, e.g.
        ``"pointed out" -> "point out"``.

    >>> speech_verb_phrases()["pointed out"]
    'point out'
    """
    return _inflections("speech_verbs.txt", phrases=True)


@functools.cache
def clause_verbs() -> frozenset[str]:
    """Lemmas of verbs that take a reported clause: ``X said (that) …``, ``X believes …``.

    Each is a lemma of :func:`speech_verbs`, :func:`speech_verb_phrases` or
    :func:`belief_verbs`; indirect speech is found after these.

    Returns:
        The lowercase lemmas.

    >>> {"say", "claim", "point out"} <= clause_verbs()
    True
    >>> "shout" in clause_verbs()
    False
    """
    return _word_set("clause_verbs.txt")


@functools.cache
def belief_verbs() -> Mapping[str, str]:
    """Verbs of belief, wish and fear (``believe``, ``fear``, ``reckon``): form to lemma.

    Same file format as :func:`speech_verbs`. They report a stance rather than speech, so an
    indirect quote after one of them is weaker evidence than after ``said``.

    Returns:
        A read-only mapping from lowercase form to lemma.

    >>> belief_verbs()["thought"], belief_verbs()["fears"]
    ('think', 'fear')
    """
    return _inflections("belief_verbs.txt")


@functools.cache
def object_verbs() -> Mapping[str, str]:
    """Verbs whose object is the stance reported: ``criticized NP``, ``talked about NP``.

    Same file format as :func:`speech_verbs`; a lemma may hold its preposition (``refer to``).

    Returns:
        Every form, lowercase, mapped to its lemma.

    >>> object_verbs()["criticized"], object_verbs()["talked about"]
    ('criticize', 'talk about')
    """
    return _inflections("object_verbs.txt")


@functools.cache
def headline_verbs() -> Mapping[str, str]:
    """Verbs that end a headline's subject without being verbs of saying: ``sees``, ``rallies``.

    Returns:
        Every form, lowercase, mapped to its lemma.

    >>> headline_verbs()["rallies"]
    'rally'
    """
    return _inflections("headline_verbs.txt")


@functools.cache
def irregular_past_verbs() -> frozenset[str]:
    """Irregular past-tense verbs, the evidence that an untitled name is a person's:
    ``Odile Mercer sold her first painting``.

    Returns:
        The lowercase forms.

    >>> {"sold", "lost", "won", "told"} <= irregular_past_verbs()
    True
    """
    return _word_set("irregular_past_verbs.txt")


@functools.cache
def cue_phrases() -> tuple[str, ...]:
    """Nominal and prepositional speech cues: ``according to``, ``in a statement``, ``told …``.

    Returns:
        Lowercase phrases, longest first so a caller trying them in order prefers the longer
        of two that overlap.

    >>> "according to" in cue_phrases()
    True
    >>> cue_phrases().index("in an interview with") < cue_phrases().index("in an interview")
    True
    """
    return _longest_first("cue_phrases.txt")


@functools.cache
def speech_nouns() -> frozenset[str]:
    """Nouns for a spoken or written statement: ``statement``, ``interview``, ``tweet``, ``memo``.

    Returns:
        The lowercase nouns and noun phrases, singular and plural.

    >>> {"statement", "press conference", "tweet"} <= speech_nouns()
    True
    """
    return _word_set("speech_nouns.txt")


@functools.cache
def honorifics() -> Mapping[str, str]:
    """Titles written before a name, each with the gender it implies.

    Returns:
        A read-only mapping from lowercase title (with and without its stop, ``"mr"`` and
        ``"mr."``) to ``"m"``, ``"f"`` or ``""`` when the title says nothing of gender.

    >>> honorifics()["mrs"], honorifics()["mr."], honorifics()["dr"]
    ('f', 'm', '')
    """
    return _gendered("honorifics.txt")


@functools.cache
def roles() -> Mapping[str, str]:
    """Role nouns used of people (``spokeswoman``, ``chief executive``), each with its gender.

    Returns:
        A read-only mapping from lowercase role to ``"m"``, ``"f"`` or ``""``.

    >>> roles()["spokeswoman"], roles()["chairman"], roles()["prime minister"]
    ('f', 'm', '')
    """
    return _gendered("roles.txt")


@functools.cache
def first_names() -> Mapping[str, str]:
    """Common given names whose gender is clear, to ``"m"`` or ``"f"``.

    Names used for both (Alex, Sam, Jordan) are left out, so a missing name means "unknown".

    Returns:
        A read-only mapping from lowercase given name to ``"m"`` or ``"f"``.

    >>> first_names()["mary"], first_names()["john"]
    ('f', 'm')
    >>> "alex" in first_names()
    False
    """
    return _gendered("first_names.txt")


@functools.cache
def organisation_words() -> frozenset[str]:
    """Head nouns and suffixes of organisation names: ``council``, ``ministry``, ``inc``, ``plc``.

    Returns:
        The lowercase words.

    >>> {"council", "ministry", "plc"} <= organisation_words()
    True
    """
    return _word_set("organisation_words.txt")


@functools.cache
def group_nouns() -> frozenset[str]:
    """Plural nouns for groups of people who speak as a source: ``officials``, ``residents``.

    Returns:
        The lowercase plural nouns.

    >>> {"officials", "critics", "residents"} <= group_nouns()
    True
    """
    return _word_set("group_nouns.txt")


@functools.cache
def anonymous_nouns() -> frozenset[str]:
    """Nouns for unnamed sources: ``source``, ``official``, ``insider``, ``spokesperson``.

    Returns:
        The lowercase nouns, singular and plural.

    >>> {"source", "sources", "insider"} <= anonymous_nouns()
    True
    """
    return _word_set("anonymous_nouns.txt")


@functools.cache
def pronouns() -> Mapping[str, tuple[str, str]]:
    """Personal pronouns with their gender and number.

    Returns:
        A read-only mapping from lowercase pronoun to ``(gender, number)``: gender ``"m"``,
        ``"f"``, ``"n"`` (neuter: *it*) or ``""`` (not marked: *they*, *I*); number ``"sg"``,
        ``"pl"`` or ``""`` (not marked: *you*).

    >>> pronouns()["she"], pronouns()["they"], pronouns()["its"]
    (('f', 'sg'), ('', 'pl'), ('n', 'sg'))
    """
    result: dict[str, tuple[str, str]] = {}
    for fields in _columns("pronouns.txt"):
        # Trailing empty columns vanish with the trailing white space: "you" is "you", "", "".
        pronoun, gender, number = [*fields, "", ""][:3]
        if len(fields) > 3 or gender not in {"m", "f", "n", ""} or number not in {"sg", "pl", ""}:
            raise ValueError(
                f"pronouns.txt: bad line {fields!r}; want pronoun<TAB>gender<TAB>number"
            )
        if pronoun in result:
            raise ValueError(f"pronouns.txt: {pronoun!r} is listed twice")
        result[pronoun] = (gender, number)
    return MappingProxyType(result)


# Every loader above, in the order ``load_all`` calls them.
_LOADERS = (
    elisions,
    furniture_exact,
    furniture_prefixes,
    abbreviations,
    sentence_final_abbreviations,
    title_nouns,
    scare_cues,
    speech_verbs,
    speech_verb_phrases,
    clause_verbs,
    belief_verbs,
    object_verbs,
    headline_verbs,
    irregular_past_verbs,
    cue_phrases,
    speech_nouns,
    honorifics,
    roles,
    first_names,
    organisation_words,
    group_nouns,
    anonymous_nouns,
    pronouns,
)


# The tables the stages derive from the lists (see ``table``), in the order they were made.
_TABLES: list[Callable[[], object]] = []

_Table = TypeVar("_Table")


def table(build: Callable[[], _Table]) -> Callable[[], _Table]:
    """Make ``build``, a function of no arguments that derives a table from the lists, give
    the table it builds the first time on every call, and have ``load_all`` build it too.

    A stage's table of the words a rule looks up (the verb forms, the head nouns by their
    first word) is built once, like the lists; ``load_all`` builds every table made so, so
    that no later article pays for the first that needs one.
    """
    cached = functools.cache(build)
    _TABLES.append(cached)
    return cached


def load_all() -> None:
    """Load every word list now, not when a rule first needs it, and build every table the
    stages derive from them (``table``).

    :func:`quoteattr.extract` calls this on its first call, so that no later article pays for
    loading a list or building a table: in time, or in the memory its extract takes at its
    peak (an article with a headline, say, was the first to need the headline verbs).
    Calling it again does nothing.

    >>> load_all()
    >>> headline_verbs.cache_info().currsize
    1
    """
    for loader in _LOADERS:
        loader()
    for build in _TABLES:
        build()
