"""Cues: the words that introduce speech, found outside the quotes.

A cue is a verb of saying in any inflection (``said``, ``tells``, ``tweeted``; the several hundred
in ``data/speech_verbs.txt``), a phrasal verb (``pointed out``), or a nominal or prepositional cue
(``according to``, ``in a statement``; ``data/cue_phrases.txt``). Words inside quotation marks
are not cues: ``"I said no," she told him`` has one cue, ``told``.

Finding cues is a dictionary look-up per word, so it is linear in the text. Which cue governs
which quote is decided later, by the attribution rules, from where the cue stands.
"""

from __future__ import annotations

import re
import string
from collections.abc import Iterator, Sequence
from typing import Any, NamedTuple

import regex

from . import lexicon
from .patterns import WORD, WORD_BEFORE_CUE


# An internal record, so a NamedTuple rather than a frozen attrs class like the public
# result types of ``model.py``: as immutable, and built in under half the time, which counts
# at thousands per article (see docs/performance.md).
class CueWord(NamedTuple):
    """A cue in the text: ``text == article[start:end]``; ``lemma`` is its dictionary form."""

    start: int
    end: int
    text: str
    lemma: str
    kind: str  # "verb" (said, pointed out) or "phrase" (according to, in a statement)


_new_tuple = tuple.__new__  # builds a CueWord from its fields in order (see ``find_cues``)


def find_cues(text: str, quoted: Sequence[tuple[int, int]]) -> tuple[CueWord, ...]:
    """Every speech cue outside the quoted spans, in text order.

    Args:
        text: The article.
        quoted: ``(start, end)`` spans to skip (the quotes, marks included), sorted.

    Returns:
        The cues, longest phrase first where phrases overlap.

    >>> text = '"I said no," she told him, according to Ann.'
    >>> [(c.text, c.lemma) for c in find_cues(text, [(0, 12)])]
    [('told', 'tell'), ('according to', 'according to')]
    """
    verbs = lexicon.speech_verbs()
    phrases = _phrases_by_first_word()
    seconds = _second_words()
    found: list[CueWord] = []
    strings: dict[str, str] = {}  # one object per distinct cue text: "said" again and again
    skip = 0
    inside = 0
    quoted_count = len(quoted)
    folded = _folded(text)
    stretches = _outside(text, quoted, folded)
    # When every quote is cut out of the stretches (``_outside``: then the quotes are in order
    # and apart, as almost always), no word found in them starts inside one: the quotes are
    # walked only otherwise.
    walk_quotes = len(stretches) <= quoted_count
    # Most words are no cue's: only those that may open one come out of ``_words``.
    for start, end, written, word in _words(text, stretches, folded):
        if start < skip:
            continue
        if walk_quotes:
            while inside < quoted_count and quoted[inside][1] <= start:
                inside += 1
            if inside < quoted_count and quoted[inside][0] <= start:
                continue
        candidates = phrases.get(word)
        phrase = None
        # The next word may be no phrase's: then spare the long pattern.
        if candidates is not None and _may_go_on(text, end, seconds.get(word), folded):
            phrase = _longest_phrase(text, start, candidates)
        if phrase is not None:
            lemma, phrase_end, kind = phrase
            written = text[start:phrase_end]
            # (``CueWord(...)`` runs the NamedTuple's ``__new__``, a Python function that
            # passes its fields to ``tuple.__new__``: called here directly, with the fields in
            # their order, it gives the same CueWord without that call's frame.)
            found.append(
                _new_tuple(
                    CueWord, (start, phrase_end, strings.setdefault(written, written), lemma, kind)
                )
            )
            skip = phrase_end
        elif word in verbs and not _after_determiner(text, start, folded):
            # "the answers", "Trump's claims": a noun that looks like a verb of saying.
            written = strings.setdefault(written, written)
            found.append(_new_tuple(CueWord, (start, end, written, verbs[word], "verb")))
    return tuple(found)


# Marks often written straight after a word: none is a character ``WORD`` matches.
_TRAILING_MARKS = ',.;:?!)"\N{RIGHT DOUBLE QUOTATION MARK}'


def _words(
    text: str, stretches: list[tuple[int, int]], folded: bytes | None = None
) -> list[tuple[int, int, str, str]]:
    """Each ``WORD`` match in the stretches that may open a cue (``_cue_words``), as ``(start,
    end, text, lowercase)``, in text order. (A list, not a generator: ``find_cues`` reads
    every one, and a list costs no resumption for each.)

    The text is read as bytes, one a character (``_folded``, unless given: ``_FOLD``): every
    ASCII character ``WORD`` never matches becomes a space and the letters lowercase, so
    between the spaces lie the runs of characters a ``WORD`` match may hold, and a run of
    plain ASCII letters is a word as it stands. Which cue words a stretch holds is one set
    operation over its runs, and each is then found by searching for it with a space either
    side: Python sees only the cue words.
    A run opening with an apostrophe or a hyphen, or holding a character past ASCII (or ``?``,
    the byte standing for them), is read on its own (``_marked_runs``, ``_unsure_runs``).
    A word that only opens phrases (``to``, ``in``, ``as``: most of the cue words) is left out
    where the folded bytes show that no phrase goes on from it (``_no_phrase_after``).

    >>> list(_words("He said, Mr. O'Neill told", [(0, 25)]))
    [(3, 7, 'said', 'said'), (21, 25, 'told', 'told')]
    >>> list(_words("'Told\N{RIGHT SINGLE QUOTATION MARK} (said) -told?", [(0, 22)]))
    [(8, 12, 'said', 'said'), (15, 19, 'told', 'told')]
    """
    wanted = _cue_words_folded()
    sought_words = _sought_words()
    dead_ends = _dead_ends()
    goes_nowhere = _no_phrase_after().match
    if folded is None:
        folded = _folded(text)
    words: list[tuple[int, int, str, str]] = []
    for stretch_start, stretch_end in stretches:
        # A space either side, so that every run has one.
        padded = b" " + folded[stretch_start:stretch_end] + b" "
        # Split at white space, of which the folded bytes hold only spaces: the runs between
        # them, without the empty ones between two spaces (half the runs, in quote-dense text).
        present = sought_words.keys() & padded.split()
        found: list[tuple[int, int, str, str]] = []
        # ``padded`` starts a character before the stretch.
        offset = stretch_start - 1
        if len(present) <= _SOUGHT_MOST:
            for word in present:
                lower, sought, size, dead_end = sought_words[word]
                # The word is one of the runs, so it is found at least once. Its last place,
                # searched for from the end, ends the loop: most cue words come once in a
                # stretch, and a search from the end costs less than one more from the last
                # place found that finds nothing. (Two places overlap in one space at most,
                # which each search from the last place's trailing space finds.)
                at = padded.find(sought)
                last = padded.rfind(sought)
                while True:
                    if not dead_end or goes_nowhere(padded, at + size + 1) is None:
                        start = offset + at + 1
                        found.append((start, start + size, text[start : start + size], lower))
                    if at == last:
                        break
                    at = padded.find(sought, at + size + 1)
        else:
            # Many cue words: one pass over the runs costs less than a search for each.
            position = offset
            for run in padded.split(b" "):
                end = position + len(run)
                if run in present and (
                    run not in dead_ends or goes_nowhere(padded, end - offset) is None
                ):
                    found.append((position, end, text[position:end], wanted[run]))
                position = end + 1
        # (``find`` rather than ``in``: ``in`` first tries its argument as an integer, at a cost.)
        if padded.find(b" '") >= 0 or padded.find(b" -") >= 0:
            found.extend(_marked_runs(text, padded, offset))
        if _OTHER in padded:
            found.extend(_unsure_runs(text, padded, offset))
        if found:
            found.sort()
            words.extend(found)
    return words


# How far ``_no_phrase_after`` reads the spaces after a word and the word after them, at most:
# together under ``_LOOK_AHEAD``, as far as ``_may_go_on`` reads.
_SPACES_READ = 31
_LETTERS_READ = 32


@lexicon.table
def _no_phrase_after() -> re.Pattern[bytes]:
    r"""A pattern that matches where it starts (``match``), in the folded bytes ``_words``
    reads, just after one of ``_dead_ends``, when that word is sure to open no cue, as
    ``_may_go_on`` would find: up to ``_SPACES_READ`` spaces, a run of up to ``_LETTERS_READ``
    letters that is none of the second words of any phrase (``_second_words``), and a space
    that is not the padding after the stretch.

    That is exact. The folded spaces before the run are ASCII characters ``WORD`` does not
    match: if all are white space, ``_may_go_on`` reads the run as the next word, which ends at
    the folded space, an ASCII character other than a letter, and finds it none of the second
    words; if one is not, it stops there, and finds no word. (A run running past what is read
    or to the stretch's end, where a mark may follow, is left to it.) One pattern for all the
    first words, with the second words of them all, costs less than a look-up per word: it
    leaves a few more words to ``_may_go_on`` (``point`` before ``the``), which drops them.

    >>> nowhere = _no_phrase_after()
    >>> bool(nowhere.match(b" according  them  ", 10))
    True
    >>> bool(nowhere.match(b" according to  ", 10))  # a second word
    False
    >>> bool(nowhere.match(b" according them ", 10))  # the stretch ends: a mark may follow
    False
    """
    seconds = sorted({second for words in _dead_ends().values() for second in words})
    alternatives = b"|".join(map(re.escape, seconds))
    return re.compile(
        rb" {1,%d}+(?!(?:%s) )[a-z]{1,%d}+ (?!\Z)" % (_SPACES_READ, alternatives, _LETTERS_READ)
    )


@lexicon.table
def _dead_ends() -> dict[bytes, frozenset[bytes]]:
    """``_second_words`` as bytes, for the first words that are no verb form: when the word
    after one is none of them, it opens no cue at all, and ``_words`` leaves it out."""
    verbs = lexicon.speech_verbs()
    return {
        first.encode("ascii"): frozenset(second.encode("ascii") for second in seconds)
        for first, seconds in _second_words().items()
        if first not in verbs and first.isascii()
    }


@lexicon.table
def _sought_words() -> dict[bytes, tuple[str, bytes, int, bool]]:
    """What ``_words`` reads of each word of ``_cue_words_folded`` it searches for, worked out
    once rather than for each stretch holding it: the word as ``str``, the word with a space
    either side (what is searched for), its length, and whether it is one of ``_dead_ends``.

    >>> _sought_words()[b"according"]
    ('according', b' according ', 9, True)
    """
    dead_ends = _dead_ends()
    return {
        word: (lower, b" " + word + b" ", len(word), word in dead_ends)
        for word, lower in _cue_words_folded().items()
    }


# How many distinct cue words ``_words`` searches a stretch for, one search each; past that it
# reads the runs one by one. A search reads the stretch in C, many times faster than Python
# steps from run to run.
_SOUGHT_MOST = 32


def _marked_runs(text: str, padded: bytes, offset: int) -> Iterator[tuple[int, int, str, str]]:
    """The cue words of the runs of ASCII opening with an apostrophe or a hyphen in ``padded``
    (``_words``), whose ``WORD`` match starts at their first letter."""
    wanted = _cue_words_folded()
    for mark in (b" '", b" -"):
        at = padded.find(mark)
        while at >= 0:
            run_end = padded.find(b" ", at + 1)
            run = padded[at + 1 : run_end]
            word = run.lstrip(b"'-")
            if word in wanted and _OTHER not in run:
                start = offset + run_end - len(word)
                yield start, start + len(word), text[start : start + len(word)], wanted[word]
            at = padded.find(mark, run_end)


def _unsure_runs(text: str, padded: bytes, offset: int) -> Iterator[tuple[int, int, str, str]]:
    """The cue words of the runs in ``padded`` (``_words``) holding a character past ASCII (or
    "?"), read by the pattern."""
    at = padded.find(_OTHER)
    while at >= 0:
        run_start = padded.rfind(b" ", 0, at) + 1
        run_end = padded.find(b" ", at)
        position = offset + run_start
        for start, end, written, lower in _cue_words_in(text[position : offset + run_end]):
            yield position + start, position + end, written, lower
        at = padded.find(_OTHER, run_end)


# ``_FOLD``'s byte for any character but ASCII (and for "?", which stands for them), as an
# integer: ``byte in piece`` is a plain search for one.
_OTHER = 1
# ``_FOLD``'s byte for the ASCII characters ``WORD`` never matches, as an integer.
_SPACE = ord(" ")
# The bytes of ``text.encode("ascii", "replace")`` as ``_words`` reads them: ASCII letters
# lowercase, apostrophe and hyphen as they are (``WORD`` reads them inside a word), "?"
# ``_OTHER``, and every other ASCII character, none of which ``WORD`` matches, a space.
_FOLD = bytes(
    ord(character.lower()) if character in string.ascii_letters + "'-"
    else _OTHER if character == "?"
    else ord(" ")
    for character in map(chr, range(128))
) + bytes([_OTHER]) * 128  # bytes past ASCII: never written by ``encode``


def _folded(text: str) -> bytes:
    """``text`` as ``_words`` reads it (``_FOLD``), one byte a character, and a space after it
    (which ``_outside`` reads at the end of a quote ending the text).

    >>> _folded("Said: \N{LEFT DOUBLE QUOTATION MARK}O'Neill-Li?")
    b"said  \\x01o'neill-li\\x01 "
    """
    # One byte a character: ``replace`` writes "?" for each character ASCII has not.
    return text.encode("ascii", "replace").translate(_FOLD) + b" "


@lexicon.table
def _cue_words_folded() -> dict[bytes, str]:
    """The ASCII words of ``_cue_words`` as bytes, each mapped to itself as ``str``. (A word
    with another character could only be in a run ``_words`` leaves to the pattern.)"""
    return {word.encode("ascii"): word for word in _cue_words() if word.isascii()}


# Not kept: a pass over PolNeAR dev asks 662 times about 318 pieces; a cache of the answers grew
# with each article's new pieces for about a tenth of a percent of the instructions.
def _cue_words_in(piece: str) -> tuple[tuple[int, int, str, str], ...]:
    """The ``WORD`` matches in a piece of text without spaces that may open a cue, as
    ``(start, end, text, lowercase)`` relative to the piece.

    A piece of plain ASCII letters, perhaps with marks after them (``said,``), is one word,
    taken without the pattern; any other piece is left to it.

    >>> _cue_words_in("said,")
    ((0, 4, 'said', 'said'),)
    >>> _cue_words_in("(Reuters)\\nTold")
    ((10, 14, 'Told', 'told'),)
    """
    wanted = _cue_words()
    word = piece.rstrip(_TRAILING_MARKS)
    if word.isascii() and word.isalpha():
        lower = word.lower()
        return ((0, len(word), word, lower),) if lower in wanted else ()
    return tuple(
        (match.start(), match.end(), match.group(), match.group().lower())
        for match in WORD.finditer(piece, 0, None, False, False)
        if match.group().lower() in wanted
    )


def _outside(
    text: str, quoted: Sequence[tuple[int, int]], folded: bytes
) -> list[tuple[int, int]]:
    """The stretches of ``text`` to look for cue words in: all of it but the quoted spans
    whose edges no word runs across, so ``WORD`` finds the same words in the stretches as in
    the whole text, less those starting inside a quote, which are no cues. ``folded`` is
    ``_folded(text)``.

    >>> text = "He said 'no' and 'x'y."  # a word runs across the second quote's end
    >>> _outside(text, [(8, 12), (17, 20)], _folded(text))
    [(0, 8), (12, 22)]
    """
    stretches = []
    start = 0
    for quote_start, quote_end in quoted:
        # No word runs across an edge where the character either side folds to a space, as
        # most marks and spaces do (``_FOLD``: never a character of a word; at the text's
        # ends, index -1 and ``len(text)`` read the space after it): a byte spares the call.
        # A "?" folds as a character past ASCII does: ``_word_across`` tells them apart.
        if (
            quote_start >= start
            and quote_end > quote_start
            and (
                folded[quote_start - 1] == _SPACE
                or folded[quote_start] == _SPACE
                or not _word_across(text, quote_start)
            )
            and (
                folded[quote_end - 1] == _SPACE
                or folded[quote_end] == _SPACE
                or not _word_across(text, quote_end)
            )
        ):
            stretches.append((start, quote_start))
            start = quote_end
    stretches.append((start, len(text)))
    return stretches


def _word_across(text: str, position: int) -> bool:
    """Whether a ``WORD`` match may run across ``position``: the characters either side may
    both be in one. Any non-ASCII character is taken as possibly a letter or a mark."""
    if position <= 0 or position >= len(text):
        return False
    before, after = text[position - 1], text[position]
    return (not before.isascii() or before.isalpha() or before in "'-") and (
        not after.isascii() or after.isalpha() or after in "'-"
    )


_DETERMINERS = frozenset(
    "a an the his her its their our my your this that these those whose every each no".split()
)
_POSSESSIVE = ("'s", "\N{RIGHT SINGLE QUOTATION MARK}s", "s'", "s\N{RIGHT SINGLE QUOTATION MARK}")


# The bytes ``_FOLD`` gives the characters of ``WORD_BEFORE_CUE``'s word that are ASCII
# (letters, lowercase, and the apostrophe), and the ASCII characters its ``\s`` matches (a few
# more, which only send a word to the pattern).
_FOLDED_WORD_BEFORE = string.ascii_lowercase.encode("ascii") + b"'"
_WORD_BEFORE_WINDOW = 24
# Marks past ASCII often written just before a verb and its space (``,\N{RIGHT DOUBLE QUOTATION
# MARK} said``): none is a letter, an apostrophe or white space, so none is in a word
# ``WORD_BEFORE_CUE`` reads, nor in the white space after it.
_MARKS_BEFORE_WORD = frozenset(
    "\N{LEFT DOUBLE QUOTATION MARK}\N{RIGHT DOUBLE QUOTATION MARK}\N{LEFT SINGLE QUOTATION MARK}"
    "\N{EM DASH}\N{EN DASH}\N{HORIZONTAL ELLIPSIS}"
    "\N{LEFT-POINTING DOUBLE ANGLE QUOTATION MARK}\N{RIGHT-POINTING DOUBLE ANGLE QUOTATION MARK}"
)
# ``_DETERMINERS`` and the ASCII endings of ``_POSSESSIVE``, as the folded bytes hold them.
_FOLDED_DETERMINERS = frozenset(word.encode("ascii") for word in _DETERMINERS)
_FOLDED_POSSESSIVE = tuple(ending.encode("ascii") for ending in _POSSESSIVE if ending.isascii())
# The apostrophe as an integer: ``byte in word`` is a plain search for one.
_APOSTROPHE = ord("'")


def _after_determiner(text: str, start: int, folded: bytes | None = None) -> bool:
    """Whether the word before ``start`` is a determiner or a possessive. ``folded`` is
    ``_folded(text)``, worked out here unless given.

    >>> _after_determiner("the answers", 4), _after_determiner("Ann's claims", 6)
    (True, True)
    >>> _after_determiner("she answers", 4), _after_determiner("the\\N{NO-BREAK SPACE}answers", 4)
    (False, True)
    """
    # (A conditional expression, not max: this runs for most verbs of saying.)
    floor = start - _WORD_BEFORE_WINDOW if start > _WORD_BEFORE_WINDOW else 0
    if folded is None:
        folded = _folded(text)
    # (Every ASCII white space character folds to a space: a character folded to another byte
    # is none, and the text is read only for a folded space.)
    if (
        start - 2 >= floor
        and text[start - 1] == " "
        and (folded[start - 2] != _SPACE or text[start - 2] not in _ASCII_SPACE)
    ):
        # One space after a word in ASCII, as almost always: read the word without the pattern
        # (what it would match: the run of letters and apostrophes before the space, from its
        # first letter, inside the window), stripped off in one call. It is read in the folded
        # bytes, one a character, where the letters are lowercase already and every character
        # that is no ASCII letter or apostrophe is some other byte, so the run is the same;
        # a slice of them costs less than one of the text, which may be two bytes a character.
        before = folded[floor : start - 1]
        rest = before.rstrip(_FOLDED_WORD_BEFORE)
        # (A mark past ASCII ends the word as an ASCII character does: ``,\N{RIGHT DOUBLE
        # QUOTATION MARK} said``, most often, has no word before the verb. The pattern's
        # search costs as much as a few dozen words read here. Only ``_OTHER`` stands for a
        # character that may be past ASCII: the text tells.)
        if (
            not rest
            or rest[-1] != _OTHER
            or text[floor + len(rest) - 1].isascii()
            or text[floor + len(rest) - 1] in _MARKS_BEFORE_WORD
        ):
            word = before[len(rest) :].lstrip(b"'")
            # Every ASCII possessive ending holds an apostrophe, and this word is ASCII: one
            # search for the apostrophe spares most words the slower ``endswith``.
            return bool(word) and (
                word in _FOLDED_DETERMINERS
                or (_APOSTROPHE in word and word.endswith(_FOLDED_POSSESSIVE))
            )
    previous = WORD_BEFORE_CUE.search(text, floor, start, False)
    if previous is None:
        return False
    written = previous.group(1).lower()
    return written in _DETERMINERS or written.endswith(_POSSESSIVE)


@lexicon.table
def _cue_words() -> frozenset[str]:
    """Every word that may open a cue: the verb forms and the first words of the phrases."""
    return frozenset(lexicon.speech_verbs()) | frozenset(_phrases_by_first_word())


@lexicon.table
def _second_words() -> dict[str, frozenset[str]]:
    """The second words of the multi-word cues, keyed by their first word, where every one of
    them is ASCII letters (and no cue is the first word alone)."""
    table: dict[str, set[str]] = {}
    unfit: set[str] = set()
    for first, (_, forms) in _phrases_by_first_word().items():
        for form in forms:
            words = form.split()
            if len(words) < 2 or not (words[1].isascii() and words[1].isalpha()):
                unfit.add(first)
            else:
                table.setdefault(first, set()).add(words[1].lower())
    return {first: frozenset(words) for first, words in table.items() if first not in unfit}


_ASCII_SPACE = " \t\n\r\x0b\x0c\x1c\x1d\x1e\x1f"
_ASCII_LETTERS = string.ascii_letters
# How far past the first word ``_may_go_on`` looks for the white space and the next word.
_LOOK_AHEAD = 64


def _may_go_on(
    text: str, end: int, second_words: frozenset[str] | None, folded: bytes | None = None
) -> bool:
    """Whether a phrase pattern may match past the first word, which ends at ``end``: false
    only when the white space and the word after it are plain ASCII and that word is none of
    ``second_words`` (a phrase's words are separated by white space, and its second word is
    followed by white space or a word boundary). Anything else is left to the pattern, as is
    a space or a word running past the next ``_LOOK_AHEAD`` characters. ``folded`` is
    ``_folded(text)``, worked out here unless given.

    >>> _may_go_on("according to her", 9, frozenset({"to"}))
    True
    >>> _may_go_on("according them", 9, frozenset({"to"}))
    False
    """
    if second_words is None:
        return True
    size = len(text)
    if folded is None:
        folded = _folded(text)
    # One ASCII space after the first word, as almost always: read the next word in the folded
    # bytes. Its run (up to the next folded space inside the window: the padding after the
    # text, or an ASCII character that is no letter, apostrophe or hyphen) is the word when it
    # is all letters (``bytes.isalpha`` is true only for ASCII letters, and ``_OTHER`` stands
    # for "?" and for every character past ASCII), lowercase already; the character after it
    # is ASCII or the text's end, so no letter the pattern reads goes on from it. Anything
    # else, a run past the window included, is read below.
    if end < size and text[end] == " ":
        run_end = folded.find(b" ", end + 1, end + _LOOK_AHEAD)
        if run_end > end + 1:
            word = folded[end + 1 : run_end]
            if word.isalpha():
                return word.decode("ascii") in second_words
    window = text[end : end + _LOOK_AHEAD]
    word_on = window.lstrip(_ASCII_SPACE)
    after_letters = word_on.lstrip(_ASCII_LETTERS)
    if not after_letters and end + _LOOK_AHEAD < size:
        return True  # the space or the word runs past the window: let the pattern decide
    position = end + len(window) - len(word_on)
    if position == size:
        return False
    if position == end or not text[position].isascii():
        return not text[position].isascii()  # no space after the first word: no phrase
    run_end = position + len(word_on) - len(after_letters)
    if run_end < size and not text[run_end].isascii():
        return True  # the word may go on in letters the pattern reads: let it decide
    return text[position:run_end].lower() in second_words


@lexicon.table
def _phrases_by_first_word() -> dict[str, tuple[regex.Pattern[str], dict[str, tuple[str, str]]]]:
    """Multi-word cues keyed by their first word: a pattern matching any of them (longest
    first, white space between words free), and each form's ``(lemma, kind)``.

    The first words with the same initial share one pattern, the alternation of theirs: of
    these only the phrases of the word at hand can match where it stands, each first word
    being followed by white space, which none holds, and a phrase of one word ("reportedly")
    by a word boundary, which no other first word holds just after it (a test holds this;
    ``_longest_phrase`` checks that the phrase found is one of the word's). ``regex`` keeps
    about 2 KB of buffers for each pattern it has matched with, from its first match on: 136
    patterns, one a first word, kept 243 KB once all were used; these 17 keep 23 KB. Each is
    matched once as it is built, so that the first extract takes them (see
    ``pipeline._first_searches``).
    """
    table: dict[str, dict[str, tuple[str, str]]] = {}
    for form, lemma in lexicon.speech_verb_phrases().items():
        table.setdefault(form.split()[0], {})[form] = (lemma, "verb")
    for phrase in lexicon.cue_phrases():
        table.setdefault(phrase.split()[0], {}).setdefault(phrase, (phrase, "phrase"))
    alternatives: dict[str, list[str]] = {}
    for first, forms in table.items():
        ordered = sorted(forms, key=lambda form: -len(form))
        alternatives.setdefault(first[0], []).append(_phrase_pattern(ordered))
    shared = {}
    for initial, patterns in alternatives.items():
        pattern = regex.compile("|".join(patterns), regex.IGNORECASE)
        pattern.match(initial, 0, None, False)
        shared[initial] = pattern
    return {first: (shared[first[0]], forms) for first, forms in table.items()}


def _phrase_pattern(ordered: list[str]) -> str:
    r"""One pattern for the phrases, longest first, that finds what their alternation
    ``(?:form|form|…)\b`` finds, words apart by ``\s++``.

    The words are read as a tree, a word at a time, longer phrases tried first: ``in`` has a
    hundred phrases, and an alternation of them all tries each in turn at every ``in``. Where
    the words under one word could match the same text (``op`` and ``op-ed``), the tree could
    choose differently, and the alternation is kept.

    >>> _phrase_pattern(["in a statement", "in a tweet", "in a"])
    '(?:in\\s++(?:a(?:\\s++(?:statement\\b|tweet\\b)|\\b)))'
    """
    tree: dict[str, Any] = {}
    for form in ordered:
        node = tree
        for word in form.split():
            node = node.setdefault(word, {})
        node[""] = {}  # a phrase ends here
    if _siblings_overlap(tree):
        alternatives = "|".join(r"\s++".join(map(regex.escape, form.split())) for form in ordered)
        return rf"(?:{alternatives})\b"
    return _words_after(tree)


def _words_after(node: dict[str, Any]) -> str:
    r"""The pattern for the words under one node of the phrase tree: each word, then its own
    words after ``\s++`` (tried first: the longer phrase wins), or the end of a phrase."""
    alternatives = []
    for word, below in node.items():
        if not word:
            continue
        endings = []
        if any(below):
            endings.append(r"\s++" + _words_after(below))
        if "" in below:
            endings.append(r"\b")
        ending = endings[0] if len(endings) == 1 else "(?:" + "|".join(endings) + ")"
        alternatives.append(regex.escape(word) + ending)
    return "(?:" + "|".join(alternatives) + ")"


def _siblings_overlap(node: dict[str, Any]) -> bool:
    """Whether two words under one node could both match at one place: one starts the other,
    and a word boundary may lie between them (``op``, ``op-ed``)."""
    words = [word for word in node if word]
    for word in words:
        for other in words:
            if (
                other != word
                and other.startswith(word)
                and not (word[-1].isalnum() and other[len(word)].isalnum())
            ):
                return True
    return any(_siblings_overlap(below) for below in node.values())


def _longest_phrase(
    text: str, start: int, candidates: tuple[regex.Pattern[str], dict[str, tuple[str, str]]] | None
) -> tuple[str, int, str] | None:
    if candidates is None:
        return None
    pattern, forms = candidates
    match = pattern.match(text, start, None, False)
    if match is None:
        return None
    found = forms.get(" ".join(match.group().lower().split()))
    if found is None:
        # A phrase of another first word with the same initial (see
        # ``_phrases_by_first_word``): then none of this word's phrases matches here.
        return None
    lemma, kind = found
    return lemma, match.end(), kind
