"""Layout: paragraphs, page furniture and sentences, as spans over the untouched text.

Paragraphs are what quotation pairing recovers at: a mark left open never reaches past its
paragraph unless the next paragraph reopens it (the newspaper convention for a quote that runs on).
An article with blank lines between paragraphs is split at blank lines, so hard-wrapped lines
stay together; an article without any blank line is split at every line break, which is how many
scrapers write one paragraph a line.

Page furniture (``Share this article``, ``Advertisement``, ``Read more: …``, photo captions) is
recognised paragraph by paragraph from the word lists in ``data/furniture_*.txt``: such a
paragraph never holds a quote and a quote continued over paragraphs skips it.

Sentences are found by a small rule-based splitter (end punctuation, optional closing marks, white
space, then a capital, digit or opening mark), with the abbreviation list in
``data/abbreviations.txt``. It is linear in the text and needs no model; Punkt would need a trained
parameter file and is several times slower on news text.
"""

from __future__ import annotations

import itertools
import string
from collections.abc import Sequence
from typing import NamedTuple

from . import lexicon
from .patterns import BLANK_LINE, SENTENCE_END, WORD_BEFORE


# An internal record, so a NamedTuple rather than a frozen attrs class like the public
# result types of ``model.py``: as immutable, and built in under half the time, which counts
# at thousands per article (see docs/performance.md).
class Paragraph(NamedTuple):
    """One paragraph: ``start``/``end`` exclude the surrounding line breaks."""

    start: int
    end: int
    furniture: bool


_new_tuple = tuple.__new__  # builds a Paragraph from its fields in order (see ``paragraphs``)


def paragraphs(text: str, *, detect_furniture: bool = True) -> tuple[Paragraph, ...]:
    """Split ``text`` into paragraphs, flagging page furniture.

    Args:
        text: The article as given.
        detect_furniture: Flag furniture paragraphs (else every ``furniture`` is ``False``).

    Returns:
        The non-blank paragraphs in text order.

    >>> [(p.start, p.end, p.furniture) for p in paragraphs("One.\\n\\nAdvertisement\\n\\nTwo.")]
    [(0, 4, False), (6, 19, True), (21, 25, False)]
    """
    # The paragraphs lie between the splitter's matches: ``BLANK_LINE``'s, or for an article
    # without a blank line ``patterns.LINE_BREAK``'s. Rather than run the splitter's scan (a
    # match object and a call or two on it per break), the line breaks are found with
    # ``str.find`` and each is asked whether a match starts there, as the scan's leftmost
    # matches do: at every line break for ``LINE_BREAK``; for ``BLANK_LINE`` at one followed by
    # another (the common blank line, read without the pattern) or by white space (the pattern
    # decides), and at no other, as what lies between its two line breaks is ``\s`` and
    # ``str.isspace`` holds for every ``\s``. A break is taken to end after its line breaks, not
    # where the pattern's trailing ``\s*+`` would: all that takes more is white space, which the
    # paragraph after sheds anyway (as does any blank paragraph a break inside it would leave),
    # so the paragraphs are the same (``tests/test_layout.py`` holds them to the splitters').
    blank_lines = BLANK_LINE.search(text, 0, None, False) is not None
    result = []
    may_open = _may_open_furniture() if detect_furniture else {}
    begin = 0
    newline = text.find("\n")
    while True:
        if newline < 0:
            finish = after = len(text)
        elif not blank_lines:
            finish, after = newline, newline + 1
        else:
            following = text[newline + 1 : newline + 2]
            if following == "\n":
                finish, after = newline, newline + 2
            else:
                match = (
                    BLANK_LINE.match(text, newline, None, False) if following.isspace() else None
                )
                if match is None:
                    newline = text.find("\n", newline + 1)
                    continue
                finish, after = newline, match.end()
        while begin < finish and text[begin].isspace():
            begin += 1
        while finish > begin and text[finish - 1].isspace():
            finish -= 1
        if begin < finish:
            # A paragraph longer than furniture can be (``is_furniture``'s first test) is not
            # sliced out to be asked: a quarter of all paragraphs. Nor is one whose first
            # character opens no furniture (``_may_open_furniture``), as one opening with a
            # quotation mark: a half of the rest in quote-dense articles.
            furniture = (
                detect_furniture
                and finish - begin <= _MAX_FURNITURE_CHARACTERS
                and may_open.get(text[begin], True)
                and is_furniture(text[begin:finish])
            )
            # (``Paragraph(...)`` runs the NamedTuple's ``__new__``, a Python function that
            # passes its fields to ``tuple.__new__``: called here directly, with the fields in
            # their order, it gives the same Paragraph without that call's frame.)
            result.append(_new_tuple(Paragraph, (begin, finish, furniture)))
        if newline < 0:
            return tuple(result)
        begin = after
        newline = text.find("\n", after)


# Furniture paragraphs are short; a long paragraph that happens to start with "Photo:" is prose.
_MAX_FURNITURE_WORDS = 30
_MAX_FURNITURE_CHARACTERS = 300


def is_furniture(paragraph: str) -> bool:
    """Whether a paragraph is page furniture rather than part of the story.

    >>> is_furniture("Share this article")
    True
    >>> is_furniture("Read more: Council approves car park")
    True
    >>> is_furniture("Read more about it, she said, in the report.")
    False
    """
    if len(paragraph) > _MAX_FURNITURE_CHARACTERS:
        return False
    # The paragraph is compared lowercase, without its final punctuation (``_FINAL``). Those
    # characters are stripped before lowercasing rather than after: each is its own lowercase,
    # and no other character's lowercase ends with one (``tests/test_layout.py`` holds both), so
    # ``kept.lower()`` is what stripping the lowercase would leave.
    kept = paragraph.strip().rstrip(_FINAL)
    # Lowercasing never shortens a string (each character becomes one or more), so a paragraph
    # longer than the longest listed one cannot be listed, and is not lowercased to be looked up.
    longest_exact, longest_prefix = _longest_entries()
    if len(kept) <= longest_exact and kept.lower() in lexicon.furniture_exact():
        return True
    # Only the prefixes that start with the paragraph's first character can match (an entry
    # is never empty), and the words are counted only for a paragraph that opens like
    # furniture: both tests are pure, so their order does not change the answer. The opening
    # is lowercased alone: the lowercase of the paragraph's first ``longest_prefix`` characters
    # begins as the paragraph's does, as long as any prefix (only a final sigma's lowercase
    # depends on what follows it, and no prefix holds a sigma).
    opening = kept[:longest_prefix].lower()
    return opening.startswith(_prefixes_by_initial().get(opening[:1], ())) and (
        len(kept.lower().split()) <= _MAX_FURNITURE_WORDS
    )


# What ``is_furniture`` strips from the end of a paragraph before it compares.
_FINAL = ".:!|>»›→ "


@lexicon.table
def _longest_entries() -> tuple[int, int]:
    """The length of the longest listed furniture paragraph and of the longest prefix.

    >>> _longest_entries()[0] == max(map(len, lexicon.furniture_exact()))
    True
    """
    return (
        max(map(len, lexicon.furniture_exact())),
        max(map(len, lexicon.furniture_prefixes())),
    )


# Characters often opening a paragraph, past ASCII: the quotation marks and dashes.
_OPENINGS = (
    "\N{LEFT DOUBLE QUOTATION MARK}\N{LEFT SINGLE QUOTATION MARK}"
    "\N{LEFT-POINTING DOUBLE ANGLE QUOTATION MARK}\N{DOUBLE LOW-9 QUOTATION MARK}"
    "\N{EM DASH}\N{EN DASH}"
)


@lexicon.table
def _may_open_furniture() -> dict[str, bool]:
    """For each ASCII character and each of ``_OPENINGS``, whether a paragraph opening with it
    may be furniture: whether its lowercase opens a listed furniture paragraph or prefix.
    ``is_furniture`` lowercases a paragraph (already stripped) before it compares, and the
    first character of the lowercase is that of the first character's lowercase, so one that
    opens no entry opens no furniture. (A character not here may: ``is_furniture`` decides.)

    >>> opens = _may_open_furniture()
    >>> opens["S"], opens["\N{LEFT DOUBLE QUOTATION MARK}"], opens['"']
    (True, False, False)
    """
    initials = {entry[:1] for entry in lexicon.furniture_exact()}
    initials.update(_prefixes_by_initial())
    # (White space is left out: ``is_furniture`` strips it, and a paragraph never opens with it.)
    return {
        character: character.lower()[:1] in initials
        for character in [*map(chr, range(128)), *_OPENINGS]
        if not character.isspace()
    }


@lexicon.table
def _prefixes_by_initial() -> dict[str, tuple[str, ...]]:
    """``lexicon.furniture_prefixes()`` by first character: a paragraph is tested against a
    handful of prefixes instead of a hundred.

    >>> _prefixes_by_initial()["©"]
    ('©',)
    """
    grouped: dict[str, list[str]] = {}
    for prefix in lexicon.furniture_prefixes():
        grouped.setdefault(prefix[:1], []).append(prefix)
    return {initial: tuple(prefixes) for initial, prefixes in grouped.items()}


def sentences(text: str, paras: tuple[Paragraph, ...]) -> tuple[tuple[int, int], ...]:
    """Split every paragraph into sentences; spans are ``(start, end)`` without outer space.

    >>> text = "Mr. Li arrived. He said so.\\n\\nThen he left."
    >>> [text[s:e] for s, e in sentences(text, paragraphs(text))]
    ['Mr. Li arrived.', 'He said so.', 'Then he left.']
    """
    abbreviations = lexicon.abbreviations()
    plain_endings = _plain_word_endings()
    # The sentence ends of all paragraphs, found in one walk (``_sentence_ends``), and taken
    # here paragraph by paragraph; the end past the last is a sentinel that stops every walk.
    found = _sentence_ends(text, paras)
    found.append((len(text), 0, 0))
    result = []
    index = 0
    for start, para_end, _ in paras:
        floor = start
        while True:
            punctuation, stop, after = found[index]
            if punctuation >= para_end:
                break
            index += 1
            # A full stop that ends an abbreviation or an initial ends no sentence. One after
            # two lowercase letters that end no abbreviation (``_plain_word_endings``; "said.")
            # ends neither, and is not read further: half of all full stops found.
            if (
                text[punctuation] == "."
                and (
                    punctuation - 2 < floor
                    or text[punctuation - 2 : punctuation] not in plain_endings
                )
                and _is_abbreviation(text, punctuation, floor, abbreviations)
            ):
                continue
            if start < stop:
                result.append((start, stop))
            start = after
        if start < para_end:
            result.append((start, para_end))
    return tuple(result)


def _is_abbreviation(text: str, dot: int, floor: int, abbreviations: frozenset[str]) -> bool:
    """Whether the full stop at ``dot`` ends an abbreviation or an initial, not a sentence;
    the word before it is read no further back than ``floor``."""
    # A conditional expression rather than ``max``, which costs several times as much.
    lowest = dot - _WORD_BEFORE_WINDOW
    word = _word_before(text, floor if floor > lowest else lowest, dot)
    if word is None:
        return False
    token = word.lower()
    # A single letter is an initial ("John F. Kennedy"), and so is a run of dotted single
    # letters ("G.K. Butterfield"); a lowercase one is part of "e.g". That is: letters at the
    # even places and dots at the odd ones, read as two slices rather than word by word.
    return token in abbreviations or (
        len(token) % 2 == 1
        and token[::2].isalpha()
        and token[1::2] == "." * (len(token) // 2)
    )


@lexicon.table
def _plain_word_endings() -> frozenset[str]:
    """The pairs of lowercase ASCII letters that end no abbreviation. ``_is_abbreviation`` is
    false at a full stop after one (read from no earlier than its ``floor``): the word before
    the stop ends with the pair, and so does the word's lowercase (each of the two is its own
    lowercase, whatever comes before), so that is no abbreviation; nor is it an initial or a
    run of them, which has a dot before its last letter.

    >>> "id" in _plain_word_endings(), "mr" in _plain_word_endings()
    (True, False)
    """
    pairs = map("".join, itertools.product(string.ascii_lowercase, repeat=2))
    return frozenset(pairs).difference(
        abbreviation[-2:] for abbreviation in lexicon.abbreviations()
    )


# The characters a ``SENTENCE_END`` match starts with.
_END_PUNCTUATION = ".!?\N{HORIZONTAL ELLIPSIS}"
# The number of its ``space`` group: ``regex`` reads a group's name only after failing to read
# it as a number, which raises and clears an exception at every sentence end.
_SPACE_GROUP = SENTENCE_END.groupindex["space"]
# ``SENTENCE_END``'s closing marks, and the ASCII characters and curly opening marks of what
# its lookahead lets start a sentence (``\p{Lu}``, ``\p{N}``, marks and brackets; the three
# curly marks are ``\p{Pi}``, the low one is named): the quick reading of ``_sentence_ends``.
_CLOSING = (
    ")]\"'\N{RIGHT DOUBLE QUOTATION MARK}\N{RIGHT SINGLE QUOTATION MARK}"
    "\N{RIGHT-POINTING DOUBLE ANGLE QUOTATION MARK}"
)
_SENTENCE_STARTS = (
    string.ascii_uppercase
    + string.digits
    + "\"'(["
    + "\N{LEFT DOUBLE QUOTATION MARK}\N{LEFT SINGLE QUOTATION MARK}"
    + "\N{LEFT-POINTING DOUBLE ANGLE QUOTATION MARK}\N{DOUBLE LOW-9 QUOTATION MARK}"
)


def _sentence_ends(text: str, spans: Sequence[Paragraph]) -> list[tuple[int, int, int]]:
    """Where ``SENTENCE_END.finditer(text, span.start, span.end)`` finds its matches, for each
    of ``spans`` (in text order, not overlapping), as one list of ``(start, space start, end)``
    in text order: one walk over all paragraphs rather than a call (and a list) for each.

    The pattern's scan tries every character in turn, which costs far more than a
    ``str.find`` for each end punctuation character: a match can only start where a run of
    them starts, so the pattern is tried there alone (``_end_punctuation`` finds them all
    once: a search per character and paragraph would mostly search paragraphs without that
    character). Most sentences end as ``. The`` or ``." The``: those are read without the
    pattern.

    >>> text = 'Wait... What? Yes." No. "Go!" no'
    >>> [text[at:after] for at, _, after in _sentence_ends(text, [Paragraph(0, 32, False)])]
    ['... ', '? ', '." ', '. ']
    """
    found: list[tuple[int, int, int]] = []
    if not spans:
        return found
    last = len(spans) - 1
    index = 0
    start, end, _ = spans[0]
    taken = start  # where the last match ended: the scan goes on from there
    for position in _end_punctuation(text, start, spans[-1].end):
        if position >= end:
            # On to the span holding ``position``, if any: its scan starts afresh.
            while position >= end and index < last:
                index += 1
                start, end, _ = spans[index]
            if position >= end:
                break  # past the last span
            taken = start
        if position < taken or (position > start and text[position - 1] in _END_PUNCTUATION):
            continue  # between spans, inside a match found, or inside a run of end punctuation
        # One end punctuation character, perhaps one closing mark, one space and an ASCII
        # capital, digit, mark or bracket or a curly opening mark: what the pattern matches
        # (most sentences end so, many as ``. \N{LEFT DOUBLE QUOTATION MARK}W``), exactly, its
        # possessive runs ending where they must (the characters after each are none they
        # take), its lookahead inside the end, and its lookbehind after a character that is
        # not end punctuation (``position > start``, as tested above; at ``start`` the
        # pattern reads what precedes).
        if position + 2 >= end:
            continue  # no room for the space and the character after it: the pattern fails
        space = position + 1
        if text[space] in _CLOSING:
            space += 1
        if (
            position > start
            and space + 1 < end
            and text[space] == " "
            and text[space + 1] in _SENTENCE_STARTS
        ):
            taken = space + 1
            found.append((position, space, taken))
            continue
        match = SENTENCE_END.match(text, position, end, False)
        if match is not None:
            taken = match.end()
            found.append((position, match.start(_SPACE_GROUP), taken))
    return found


def _end_punctuation(text: str, start: int, end: int) -> list[int]:
    """Where the end punctuation characters of ``text[start:end]`` are, in order.

    >>> _end_punctuation("Wait... What? Yes. no", 0, 21)
    [4, 5, 6, 12, 17]
    """
    starts = []
    for character in _END_PUNCTUATION:
        position = text.find(character, start, end)
        while position >= 0:
            starts.append(position)
            position = text.find(character, position + 1, end)
    starts.sort()
    return starts


# How far before a full stop ``_is_abbreviation`` reads the word (``WORD_BEFORE`` is quadratic
# in it), and the ASCII characters of that pattern's ``\w``.
_WORD_BEFORE_WINDOW = 20
_ASCII_WORD_CHARACTERS = string.ascii_letters + string.digits + "_"
_ASCII_WORD = frozenset(_ASCII_WORD_CHARACTERS)


def _word_before(text: str, start: int, end: int) -> str | None:
    """What ``WORD_BEFORE.search(text, start, end)`` matches: the dotted word (``G.K``,
    ``Mr``) that ends at ``end``, from no earlier than ``start``.

    Read backwards a run of ASCII word characters at a time (the pattern tries every start in
    turn, and from each reads to the end); any other character is left to it.

    >>> text = "Hi Mr. G.K. Butterfield, a..b. Caf\N{LATIN SMALL LETTER E WITH ACUTE}."
    >>> [_word_before(text, 0, end) for end in (5, 10, 24, 29, 35)]
    ['Mr', 'G.K', None, 'b', 'Caf\N{LATIN SMALL LETTER E WITH ACUTE}']
    """
    window = text[start:end]
    # What is left before the word: each run of ASCII word characters stripped off in one call.
    rest = window.rstrip(_ASCII_WORD_CHARACTERS)
    # A dot between two word characters (the word goes on after it) joins a dotted word.
    while 2 <= len(rest) < len(window) and rest[-1] == "." and rest[-2] in _ASCII_WORD:
        rest = rest[:-1].rstrip(_ASCII_WORD_CHARACTERS)
    if rest:
        # The character the word stops at: past a dot that joins nothing, the one before it.
        stop = rest[-2] if rest[-1] == "." and 2 <= len(rest) < len(window) else rest[-1]
        if not stop.isascii():
            # \w beyond ASCII: the pattern decides
            match = WORD_BEFORE.search(text, start, end, False)
            return None if match is None else match.group()
    return window[len(rest) :] or None
