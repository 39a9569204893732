"""Every compiled regular expression in quoteattr runs in linear time on its worst inputs.

The patterns are found, not listed: every ``NAME = regex.compile(...)`` or ``re.compile(...)``
at module level in any module of the package, and every function registered in ``GENERATED``
that compiles patterns from data. Each must have at least one adversarial input registered in
``ADVERSARIES`` (a builder of a text of any length and the way the library calls the pattern on
it), or ``test_every_pattern_has_an_adversary`` fails; any other pattern compiled inside a
function, or a regex function called with an uncompiled pattern, fails
``test_every_regex_is_a_module_level_pattern``, since neither could be tested here.

Each adversary runs on 20,000 and on 200,000 characters. Linear means ten times the time; the
test allows twenty, taking the median of a few runs of CPU time (not wall time), and measures
again, longer, before it fails, because the suite runs on shared, noisy machines. A run of the
small text that is already slow fails at once, and the large one runs under a timeout, so a
quadratic pattern fails in about a second instead of hanging the suite.
"""

from __future__ import annotations

import ast
import functools
import importlib
import math
import re
import statistics
import time
from collections.abc import Callable
from pathlib import Path
from typing import TypeAlias, cast

import pytest
import regex
from attrs import frozen

import quoteattr

AnyPattern: TypeAlias = "regex.Pattern[str] | re.Pattern[str]"

SMALL = 20_000
LARGE = 200_000
#: The most the large text may take, as a multiple of the small one (linear is 10).
MAX_RATIO = 20.0
#: Slack in seconds on top of the ratio, for timer and scheduler noise on very fast runs.
NOISE = 0.005
RUNS = 3
#: A pattern that takes longer than this on the small text is not linear (it should take a few
#: milliseconds); it fails without running the large one.
SMALL_BUDGET = 0.25
#: Each timed sample repeats the call until it lasts at least this long.
MIN_SAMPLE = 0.001

PACKAGE = Path(quoteattr.__file__).resolve().parent
REGEX_MODULES = frozenset({"re", "regex"})
REGEX_FUNCTIONS = frozenset(
    {"search", "match", "fullmatch", "finditer", "findall", "sub", "subn", "split", "splititer"}
)


# --- how the library calls a pattern --------------------------------------------------------

Runner: TypeAlias = Callable[[AnyPattern, str, float], object]


def finditer(pattern: AnyPattern, text: str, timeout: float) -> object:
    """Scan the whole text, as for paragraphs, marks and tokens."""
    if isinstance(pattern, regex.Pattern):
        return sum(1 for _ in pattern.finditer(text, timeout=timeout))
    return sum(1 for _ in pattern.finditer(text))


def search(pattern: AnyPattern, text: str, timeout: float) -> object:
    """One search over the whole text (a quote's content, a line, a lead-in)."""
    if isinstance(pattern, regex.Pattern):
        return pattern.search(text, timeout=timeout)
    return pattern.search(text)


def findall(pattern: AnyPattern, text: str, timeout: float) -> object:
    if isinstance(pattern, regex.Pattern):
        return pattern.findall(text, timeout=timeout)
    return pattern.findall(text)


def sub(pattern: AnyPattern, text: str, timeout: float) -> object:
    if isinstance(pattern, regex.Pattern):
        return pattern.sub("", text, timeout=timeout)
    return pattern.sub("", text)


def _positions(text: str, anchor: str) -> list[int]:
    """Where ``anchor`` occurs in ``text``."""
    found = []
    at = text.find(anchor)
    while at >= 0:
        found.append(at)
        at = text.find(anchor, at + 1)
    return found


def search_before(anchor: str, width: int) -> Runner:
    """A search in the ``width`` characters before every anchor (a bounded look-back)."""

    def run(pattern: AnyPattern, text: str, timeout: float) -> object:
        assert isinstance(pattern, regex.Pattern)
        return [
            pattern.search(text, max(0, at - width), at, timeout=timeout)
            for at in _positions(text, anchor)
        ]

    run.__doc__ = f"search the {width} characters before each {anchor!r}"
    return run


def match_after(anchor: str, width: int | None = None, *, full: bool = False) -> Runner:
    """A match (or full match) from just after every ``anchor`` up to the next one (or
    ``width`` characters on, if fewer).

    The library calls its anchored patterns on stretches that do not overlap: one quote's
    content, the words between a quote and its cue, a sentence up to its first mention. The
    windows here do not overlap either, and run as long as the text between two anchors. They
    must not run to the end of the text: for some patterns (an alternation, then a possessive
    repeat) the regex module first scans from ``pos`` to ``endpos`` for a character the match
    needs, so each call would cost the rest of the text.
    """

    def run(pattern: AnyPattern, text: str, timeout: float) -> object:
        assert isinstance(pattern, regex.Pattern)
        method = pattern.fullmatch if full else pattern.match
        positions = _positions(text, anchor)
        found = []
        for at, following in zip(positions, [*positions[1:], len(text)], strict=True):
            start = at + len(anchor)
            stop = following if width is None else min(following, start + width)
            found.append(method(text, start, stop, timeout=timeout))
        return found

    how = "fullmatch" if full else "match"
    run.__doc__ = f"{how} after each {anchor!r}" + (f" within {width}" if width else "")
    return run


def match_at(anchor: str) -> Runner:
    """A match at every ``anchor``, running to the end of the text (as cues are matched at
    each word that starts a phrase)."""

    def run(pattern: AnyPattern, text: str, timeout: float) -> object:
        assert isinstance(pattern, regex.Pattern)
        return [pattern.match(text, at, timeout=timeout) for at in _positions(text, anchor)]

    run.__doc__ = f"match at each {anchor!r} to the end of the text"
    return run


def match_folded_after(anchor: str) -> Runner:
    """A match just after every ``anchor`` in the text folded to bytes as cues read it, a space
    either side (a bytes pattern, read after each word that only opens phrases)."""

    def run(pattern: AnyPattern, text: str, timeout: float) -> object:
        from quoteattr import cues

        assert isinstance(pattern, re.Pattern) and isinstance(pattern.pattern, bytes)
        folded = cast("re.Pattern[bytes]", pattern)
        padded = b" " + text.encode("ascii", "replace").translate(cues._FOLD) + b" "
        # ``padded`` starts a character before the text.
        return [folded.match(padded, at + len(anchor) + 1) for at in _positions(text, anchor)]

    run.__doc__ = f"match the folded bytes after each {anchor!r}"
    return run


def match(pattern: AnyPattern, text: str, timeout: float) -> object:
    """One match at the start of the text (a sentence's lead-in)."""
    if isinstance(pattern, regex.Pattern):
        return pattern.match(text, timeout=timeout)
    return pattern.match(text)


# --- adversarial texts ------------------------------------------------------------------------


def cycle(unit: str) -> Callable[[int], str]:
    """``unit`` repeated to exactly the length asked for."""
    return lambda size: (unit * (size // len(unit) + 1))[:size]


def ending(unit: str, tail: str) -> Callable[[int], str]:
    """``unit`` repeated, then ``tail``: a long run that fails only at its very end."""
    return lambda size: cycle(unit)(size - len(tail)) + tail


@frozen
class Adversary:
    """A worst-case input for one pattern and the way the library runs the pattern on it."""

    label: str
    build: Callable[[int], str]
    run: Runner
    xfail: str = ""


A = Adversary
LDQ, RDQ = "\N{LEFT DOUBLE QUOTATION MARK}", "\N{RIGHT DOUBLE QUOTATION MARK}"
LSQ, RSQ = "\N{LEFT SINGLE QUOTATION MARK}", "\N{RIGHT SINGLE QUOTATION MARK}"
EM = "\N{EM DASH}"
ALL_MARKS = (
    "``''\"'" + LDQ + RDQ + LSQ + RSQ + "\N{DOUBLE LOW-9 QUOTATION MARK}"
    "\N{DOUBLE HIGH-REVERSED-9 QUOTATION MARK}\N{SINGLE LOW-9 QUOTATION MARK}"
    "\N{SINGLE HIGH-REVERSED-9 QUOTATION MARK}\N{LEFT-POINTING DOUBLE ANGLE QUOTATION MARK}"
    "\N{RIGHT-POINTING DOUBLE ANGLE QUOTATION MARK}\N{SINGLE LEFT-POINTING ANGLE QUOTATION MARK}"
    "\N{SINGLE RIGHT-POINTING ANGLE QUOTATION MARK}\N{LEFT CORNER BRACKET}"
    "\N{RIGHT CORNER BRACKET}\N{LEFT WHITE CORNER BRACKET}\N{RIGHT WHITE CORNER BRACKET}"
)

#: Worst cases for every pattern, keyed ``module.NAME`` (the module relative to the package).
ADVERSARIES: dict[str, tuple[Adversary, ...]] = {
    "patterns.BLANK_LINE": (
        A("lines that never leave a blank line", cycle("word\n"), finditer),
        A("a line break, then only horizontal space", ending("\n" + " \t" * 5, "x"), finditer),
        A("line break, space and tab over and over", cycle("\n \t"), finditer),
    ),
    "patterns.LINE_BREAK": (
        A("nothing but line breaks", cycle("\n"), finditer),
        A("short lines with trailing space", cycle("a\n \t"), finditer),
    ),
    "patterns.SENTENCE_END": (
        A("a run of full stops", cycle("."), finditer),
        A("a run of mixed end punctuation", cycle("?!\N{HORIZONTAL ELLIPSIS}"), finditer),
        A("stops and closers with no space", cycle(".\")'" + RSQ + "]"), finditer),
        A("a stop and space before lowercase", cycle(". a "), finditer),
        A("a stop, then long space and no capital", cycle("." + " " * 40 + "a"), finditer),
    ),
    # Unbounded, this pattern is quadratic on "a.a.a.…a."; layout only searches 20 characters.
    "patterns.WORD_BEFORE": (
        A("dotted letters", cycle("a." * 15 + " B"), search_before(". B", 20)),
        A("long words before stops", cycle("a" * 30 + ". B"), search_before(". B", 20)),
    ),
    # Unbounded, quadratic on one long word; cues only search the 24 characters before a cue.
    "patterns.WORD_BEFORE_CUE": (
        A("a long word before every cue", cycle("a" * 40 + " said "), search_before("said", 24)),
        A("apostrophes and space before every cue", cycle("ab'" * 10 + "   said "),
          search_before("said", 24)),
    ),
    "patterns.MARK": (
        A("every mark in turn", cycle(ALL_MARKS), finditer),
        A("backticks and apostrophes between words", cycle("`'word'`"), finditer),
    ),
    "patterns.WORD_AFTER": (
        A("a long word after each apostrophe", cycle("'" + "a" * 40), match_after("'", 12)),
        A("digits after apostrophes", cycle("'" + "1" * 20 + " "), match_after("'", 12)),
    ),
    "patterns.SENTENCE_INSIDE": (
        A("stop, space and openers, no capital", cycle('. ' + '"' * 10 + "a"), search),
        A("stop, closers and long space", cycle(".)" + RSQ + " " * 20 + "(" + LDQ + "x"), search),
        A("a run of question marks", cycle("?"), search),
    ),
    "patterns.WORDS_BEFORE": (
        A("inner punctuation without a letter", cycle("-'. "), findall),
        A("one endless hyphenated word", cycle("a'.-"), findall),
    ),
    "patterns.TITLE_WORD": (
        A("apostrophes and digits, no letter", cycle("1'-"), search),
        A("one endless word", cycle("a'-" + RSQ), search),
    ),
    "patterns.SENTENCE_LEAD": (
        A("many sentences ending in a stop", cycle("a. "), search),
        A("one long sentence ending in a stop", ending("word ", "."), search),
        A("stops and spaces only", cycle(". "), search),
    ),
    "patterns.SPEAKER_LABEL": (
        A("capitals after every mark, no colon", cycle('"' + "MR. O'NEILL-SMITH " * 4),
          match_after('"')),
        A("a label after every mark", cycle('"AB: word word '), match_after('"')),
    ),
    "patterns.SENTENCE_END_INSIDE": (
        A("words without end punctuation", cycle("word "), search),
    ),
    "patterns.WORD": (
        A("letters and apostrophes", cycle("a'"), finditer),
        A("apostrophes and hyphens, no letter", cycle("-'" + RSQ), finditer),
        A("letters with combining marks", cycle("e\N{COMBINING ACUTE ACCENT}-"), finditer),
    ),
    "patterns.SENTENCE_BREAK": (
        A("stops and marks, no space", cycle('."'), finditer),
        A("a stop then a long run of closers", cycle(".)" + RSQ * 30), finditer),
        A("exclamation marks", cycle("!"), finditer),
    ),
    "patterns.INTERRUPTION_LEAD": (
        A("a mark after every comma, no final comma", cycle(",'" + " " * 18), search),
        A("a long cue clause without its comma", cycle("," + RSQ + "word " * 20), search),
    ),
    "patterns.RELATIVE_CLAUSE": (
        A("a relative clause that never closes", cycle(", who " + "a" * 200), finditer),
        A("a bracket that never closes", cycle("(" + "a" * 100), finditer),
    ),
    # Unbounded, a search is quadratic on a long run of spaces; attribution only matches.
    "patterns.CREDIT_LEAD": (
        A("long space after every mark, no dash", cycle(RDQ + " " * 60 + "x"),
          match_after(RDQ)),
        A("dashes and spaces", cycle(RDQ + " - -" + " " * 10), match_after(RDQ)),
    ),
    "patterns.SOURCE_PHRASE": (
        A("space and commas, then too many words", cycle(RDQ + ", " * 20 + "the a b c d "),
          match_after(RDQ, full=True)),
        A("a determiner and endless lowercase words", cycle(RDQ + " the" + " word" * 30),
          match_after(RDQ)),
    ),
    "patterns.INTRODUCTORY": (
        A("a long lead-in without a comma", cycle("and so on "), match),
        A("commas and space only", cycle(", "), match),
    ),
    # The name after a pull quote's dash; unbounded, a search would be quadratic on a long
    # run of capitals, but attribution only matches after the dash.
    "patterns.CREDITED_NAME": (
        A("too many capitalised words after every dash", cycle(EM + "Aa Bb Cc Dd Ee Ff "),
          match_after(EM)),
        A("one endless capitalised word after every dash", cycle(EM + "A" * 60 + " "),
          match_after(EM)),
    ),
    "patterns.CLAUSE_LEAD": (
        A("long space after every verb, no day", cycle("said" + " " * 40 + "x"),
          match_after("said")),
        A("'last' and long space, no period of time", cycle("said on last" + " " * 40 + "x"),
          match_after("said")),
    ),
    "patterns.CLAUSE_BOUNDARY": (
        A("en dashes never spaced on both sides", cycle(" \N{EN DASH}x -" * 5), finditer),
        A("commas and dashes only", cycle(",\N{EM DASH} -- "), finditer),
    ),
    "patterns.COORDINATED_CLAUSE": (
        A("spaces and conjunctions with no subject", cycle(" and  but ,and x"), match_after(" ")),
    ),
    "patterns.DATELINE": (
        A("capitals and spaces with no dash", cycle("WASHINGTON DC ROME (AP) "), match_after(" ")),
        A("an unclosed bracket", cycle("ROME (" + "A" * 40), match_after("(")),
    ),
    "patterns.COMMA_WORD": (
        A("commas and spaces with no word after them", cycle(", " * 3 + " " * 30 + "X"), finditer),
    ),
    "patterns.COORDINATED_VERB": (
        A("long runs of spaces", cycle(" " * 40 + "x"), finditer),
        A("conjunctions with no word after them", cycle(", and also  but ,"), finditer),
    ),
    "patterns.JOINED_CLAUSE": (
        A("commas, spaces and conjunctions with no subject", cycle(",  and  x, but , while "),
          search),
    ),
    "patterns.BRACKETED": (
        A("brackets that never close", cycle("(" + "a" * 50), sub),
        A("nested openers", cycle("(()"), sub),
    ),
    "patterns.GENDERED_PRONOUN": (
        A("pronouns inside longer words", cycle("hex herself_ shed "), search),
        A("the letter h over and over", cycle("h"), search),
    ),
    "patterns.APPOSITION_LEAD": (
        A("a lead without its comma after every stop", cycle(". the " + "a" * 60 + " "),
          match_after(". ", full=True)),
        A("a lead and comma, then more words", cycle(". her neighbour, and more "),
          match_after(". ", full=True)),
    ),
    "patterns.OBJECT_END": (
        A("spaces before words that almost open an adjunct", cycle(" at  in a intervie on the "),
          search),
        A("long runs of spaces", cycle(" " * 40 + "x"), search),
        A("one run of spaces", ending(" ", "x"), search),
    ),
    # Built from data/speech_verbs.txt and data/cue_phrases.txt; the one with the most
    # alternatives stands for all (see GENERATED below).
    "cues._phrases_by_first_word": (
        A("the longest phrase, cut short, over and over", cycle("in a statement on behalf x "),
          match_at("in ")),
        A("the first word, then no phrase", cycle("in the town hall meeting "), match_at("in ")),
    ),
    # Built from data/speech_verbs.txt and data/cue_phrases.txt; a bytes pattern.
    "cues._no_phrase_after": (
        A("long runs of spaces after it", cycle("in" + " " * 40 + "x"), match_folded_after("in")),
        A("a long word after it", cycle("in " + "a" * 40 + " "), match_folded_after("in")),
        A("second words, cut short", cycle("in th in the in thei "), match_folded_after("in")),
    ),
    "mentions._APPOSITION_THEN_VERB": (
        A("a long phrase with no comma", cycle("a" * 70 + " "), match_after(" ")),
        A("commas and stops, never a word", cycle(".,,. ,"), match_after(" ")),
    ),
    "mentions._TOKEN": (
        A("dotted capitals ending in a letter", ending("A.", "x"), findall),
        A("a dotted number ending in a letter", ending("1.", "1x"), findall),
        A("words with apostrophes and hyphens", cycle("word's-o'neill "), findall),
        A("punctuation and line breaks", cycle("?!,\nword "), findall),
    ),
    "mentions._NAME_PREFIX": (
        A("a prefix at every word", cycle(" al-assad"), match_after(" ")),
    ),
    # Mentions searches only the last 12 characters of a quote; unbounded is linear too.
    "mentions._QUOTE_ENDS_SENTENCE": (
        A("stops and closing marks", cycle('. "'), search),
        A("a stop then a long run of closers", cycle("." + RSQ + " )" * 20 + "a"), search),
    ),
    # Run once, at import, over a short string of candidates; any text is linear.
    "mentions._CLOSING_CHARACTER": (A("closing marks and spaces", cycle('" )'), findall),),
    "evaluate._INNER_QUOTE": (
        A("double openers that never close", cycle(LDQ + "a" * 50), finditer),
        A("single openers that never close", cycle(" 'a"), finditer),
        A("singles closed inside words", cycle(LSQ + "a" + RSQ + "b"), finditer),
    ),
    "evaluate._PARAGRAPH_BREAK": (
        A("lines that never leave a blank line", cycle("word\n"), finditer),
        A("a line break, then only spaces", ending("\n" + " " * 10, "x"), finditer),
    ),
    "evaluate._POSSESSIVE": (
        A("possessives back to back", cycle("'s'"), sub),
    ),
    "evaluate._NAME_WORD": (
        A("one endless name", cycle("a'-"), findall),
        A("no name at all", cycle(" ,"), findall),
    ),
}


# --- finding the patterns ----------------------------------------------------------------------


def _largest_phrase_pattern() -> AnyPattern:
    from quoteattr import cues

    patterns = [pattern for pattern, _ in cues._phrases_by_first_word().values()]
    return max(patterns, key=lambda pattern: len(pattern.pattern))


def _no_phrase_after() -> AnyPattern:
    from quoteattr import cues

    # A bytes pattern, run only by ``match_folded_after``, which checks that it is.
    return cast(AnyPattern, cues._no_phrase_after())


#: Patterns compiled inside a function, from data, keyed ``module.function``: each gives the
#: pattern of that kind worst placed to backtrack (here: the most alternatives).
GENERATED: dict[str, Callable[[], AnyPattern]] = {
    "cues._phrases_by_first_word": _largest_phrase_pattern,
    "cues._no_phrase_after": _no_phrase_after,
}


def _module_name(path: Path) -> str:
    return ".".join(path.relative_to(PACKAGE).with_suffix("").parts)


def _is_regex_call(node: ast.AST, names: frozenset[str]) -> bool:
    return (
        isinstance(node, ast.Call)
        and isinstance(node.func, ast.Attribute)
        and node.func.attr in names
        and isinstance(node.func.value, ast.Name)
        and node.func.value.id in REGEX_MODULES
    )


@functools.cache
def scan() -> tuple[tuple[str, ...], tuple[str, ...]]:
    """The ``module.NAME`` of every module-level compiled pattern, and every regex use this test
    cannot reach (a pattern compiled inside a function, an uncompiled pattern passed to a
    regex function, a regex function imported by name)."""
    found: list[str] = []
    unreachable: list[str] = []
    for path in sorted(PACKAGE.rglob("*.py")):
        module = _module_name(path)
        tree = ast.parse(path.read_text(encoding="utf-8"), str(path))
        bound: set[int] = set()
        for statement in tree.body:
            target: ast.expr | None = None
            if isinstance(statement, ast.Assign) and len(statement.targets) == 1:
                target = statement.targets[0]
            elif isinstance(statement, ast.AnnAssign):
                target = statement.target
            value = statement.value if isinstance(statement, (ast.Assign, ast.AnnAssign)) else None
            if (
                isinstance(target, ast.Name)
                and value is not None
                and _is_regex_call(value, frozenset({"compile"}))
            ):
                found.append(f"{module}.{target.id}")
                bound.add(id(value))
        # The innermost function around each node (ast.walk goes outside in).
        owner: dict[int, str] = {}
        for function in ast.walk(tree):
            if isinstance(function, (ast.FunctionDef, ast.AsyncFunctionDef)):
                for inner in ast.walk(function):
                    owner[id(inner)] = function.name
        for node in ast.walk(tree):
            where = f"{module}:{getattr(node, 'lineno', '?')}"
            if _is_regex_call(node, frozenset({"compile"})) and id(node) not in bound:
                generated = f"{module}.{owner.get(id(node), '')}"
                if generated in GENERATED:
                    if generated not in found:
                        found.append(generated)
                else:
                    unreachable.append(
                        f"{where}: a pattern compiled but not bound to a module-level name "
                        "(if it is built from data, register its builder in GENERATED)"
                    )
            elif _is_regex_call(node, REGEX_FUNCTIONS):
                unreachable.append(f"{where}: a regex function given an uncompiled pattern")
            elif isinstance(node, ast.ImportFrom) and node.module in REGEX_MODULES:
                imported = {alias.name for alias in node.names} & (REGEX_FUNCTIONS | {"compile"})
                if imported:
                    unreachable.append(f"{where}: imports {sorted(imported)} by name")
    return tuple(found), tuple(unreachable)


def pattern_named(key: str) -> AnyPattern:
    if key in GENERATED:
        return GENERATED[key]()
    module_name, name = key.rsplit(".", 1)
    module = importlib.import_module(f"quoteattr.{module_name}")
    pattern = getattr(module, name)
    assert isinstance(pattern, (regex.Pattern, re.Pattern)), f"{key} is not a compiled pattern"
    return pattern


def test_patterns_are_found() -> None:
    found, _ = scan()
    # A scan that finds nothing would make every other test here pass vacuously.
    assert "patterns.MARK" in found and "patterns.SENTENCE_END" in found, found


def test_the_first_extract_searches_every_pattern_once() -> None:
    # ``pipeline._first_searches`` gives every module-level pattern of ``str`` its first
    # search on the first extract (see there): each is among the patterns it finds.
    from quoteattr import pipeline

    found, _ = scan()
    searched = {id(pattern) for pattern in pipeline._patterns()}
    for key in found:
        if key in GENERATED:
            continue  # built by a table, which matches its own (see cues._phrases_by_first_word)
        pattern = pattern_named(key)
        if isinstance(pattern, regex.Pattern) and isinstance(pattern.pattern, str):
            assert id(pattern) in searched, key
    assert len(searched) > 30


def test_every_pattern_has_an_adversary() -> None:
    found, _ = scan()
    missing = [key for key in found if not ADVERSARIES.get(key)]
    assert not missing, (
        f"compiled patterns without a worst-case input: {missing}; add each to ADVERSARIES in "
        "tests/test_patterns.py with the way the library calls it"
    )


def test_no_adversary_for_a_pattern_that_is_gone() -> None:
    found, _ = scan()
    stale = sorted(set(ADVERSARIES) - set(found))
    assert not stale, f"ADVERSARIES names patterns no longer in the package: {stale}"


def test_every_regex_is_a_module_level_pattern() -> None:
    _, unreachable = scan()
    assert not unreachable, (
        "regular expressions this file cannot test (compile them once, at module level, "
        f"preferably in quoteattr/patterns.py): {list(unreachable)}"
    )


# Where ``concurrent`` stands among the positional arguments of each matching method of a
# ``regex`` pattern (``finditer`` and ``findall`` take ``overlapped`` before it).
CONCURRENT_AT = {"match": 3, "search": 3, "fullmatch": 3, "finditer": 4, "findall": 4}


def _regex_names(tree: ast.Module, module: str, found: tuple[str, ...]) -> set[str]:
    """The names a module gives ``regex`` patterns: its own, and those it imports from
    ``patterns``."""
    names = {
        key.rsplit(".", 1)[1]
        for key in found
        if key.rsplit(".", 1)[0] == module and isinstance(pattern_named(key), regex.Pattern)
    }
    shared = importlib.import_module("quoteattr.patterns")
    for node in tree.body:
        if isinstance(node, ast.ImportFrom) and node.module in ("patterns", "quoteattr.patterns"):
            names.update(
                alias.asname or alias.name
                for alias in node.names
                if isinstance(getattr(shared, alias.name, None), regex.Pattern)
            )
    return names


def test_regex_patterns_keep_the_gil() -> None:
    """Every call of a ``regex`` pattern by its module-level name passes ``concurrent=False`` by
    position: by default ``regex`` lets go of the GIL around each match of a ``str`` and takes
    it back, which costs more than most of the pipeline's matches (``patterns``' docstring)."""
    found, _ = scan()
    calls = 0
    wrong = []
    for path in sorted(PACKAGE.rglob("*.py")):
        module = _module_name(path)
        tree = ast.parse(path.read_text(encoding="utf-8"), str(path))
        names = _regex_names(tree, module, found)
        for node in ast.walk(tree):
            if (
                isinstance(node, ast.Call)
                and isinstance(node.func, ast.Attribute)
                and node.func.attr in CONCURRENT_AT
                and isinstance(node.func.value, ast.Name)
                and node.func.value.id in names
            ):
                calls += 1
                at = CONCURRENT_AT[node.func.attr]
                given = node.args[at] if len(node.args) > at else None
                if not (isinstance(given, ast.Constant) and given.value is False):
                    wrong.append(f"{module}:{node.lineno}: {node.func.value.id}.{node.func.attr}")
    # A scan that finds no call would pass vacuously.
    assert calls > 50, calls
    assert not wrong, (
        f"pass concurrent=False by position (see quoteattr/patterns.py) in: {wrong}"
    )


# --- the timings ---------------------------------------------------------------------------


def _seconds(
    adversary: Adversary, pattern: AnyPattern, text: str, repeat: int, timeout: float, runs: int
) -> float:
    """The median over ``runs`` samples of the CPU seconds one call takes (CPU time, not wall
    time, so that other processes on a busy machine do not count)."""
    samples = []
    for _ in range(runs):
        start = time.process_time()
        for _ in range(repeat):
            adversary.run(pattern, text, timeout)
        samples.append((time.process_time() - start) / repeat)
    return statistics.median(samples)


def _cases() -> list[object]:
    cases: list[object] = []
    for key, adversaries in ADVERSARIES.items():
        for adversary in adversaries:
            known = adversary.xfail
            marks = [pytest.mark.xfail(reason=known, strict=True)] if known else []
            cases.append(pytest.param(key, adversary, id=f"{key}: {adversary.label}", marks=marks))
    return cases


@pytest.mark.parametrize(("key", "adversary"), _cases())
def test_pattern_is_linear(key: str, adversary: Adversary) -> None:
    found, _ = scan()
    assert key in found, f"{key} is no longer a module-level pattern of quoteattr"
    pattern = pattern_named(key)
    small, large = adversary.build(SMALL), adversary.build(LARGE)
    assert (len(small), len(large)) == (SMALL, LARGE)
    how = adversary.run.__doc__ or adversary.run.__name__

    start = time.process_time()
    try:
        # The regex timeout counts wall time, not CPU time; both fail a pattern this slow.
        adversary.run(pattern, small, SMALL_BUDGET)
    except TimeoutError:
        pytest.fail(f"{key} ({how}) took over {SMALL_BUDGET} s on {SMALL:,} characters")
    probe = time.process_time() - start
    assert probe < SMALL_BUDGET, f"{key} ({how}) took {probe:.3f} s on {SMALL:,} characters"

    repeat = min(50, max(1, math.ceil(MIN_SAMPLE / max(probe, 1e-6))))
    small_s = large_s = limit = 0.0
    # A second, longer measurement before failing: one burst of noise should not fail the suite.
    for runs in (RUNS, 2 * RUNS):
        small_s = _seconds(adversary, pattern, small, repeat, 4 * SMALL_BUDGET, runs)
        limit = MAX_RATIO * small_s + NOISE
        try:
            large_s = _seconds(adversary, pattern, large, repeat, 4 * limit + 0.1, runs)
        except TimeoutError:
            pytest.fail(f"{key} ({how}): {LARGE:,} characters ran past {4 * limit:.3f} s")
        if large_s < limit:
            return
    pytest.fail(
        f"{key} ({how}) is not linear: {small_s * 1e3:.2f} ms on {SMALL:,} characters, "
        f"{large_s * 1e3:.2f} ms on {LARGE:,} ({large_s / small_s:.1f}x; linear is 10x)"
    )
