"""Marks: find every quotation-mark character, decide what it can be, and pair them up.

Design. Each mark is first read on its own, from the characters either side of it: a mark after
white space and before a letter can open, one after a letter or punctuation and before white
space or punctuation can close, one between two letters is an apostrophe (``don't``, ``O'Neill``).
A few apostrophes look like marks and are caught by their word: elisions from
``data/elisions.txt`` (``'em``, ``'til``, ``rock 'n' roll``) and years (``the '90s``). A closing
single mark after a word ending in *s* may equally be a plural possessive (``the students' union``)
and is only *tentative*: it closes its quote if nothing better does before the paragraph ends.

Marks are then paired paragraph by paragraph with a stack, one family of marks at a time
(doubles, singles, guillemets, corner brackets, newswire ASCII ...), so a single mark inside a
double quote nests and an odd mark inside closes nothing of another family. A stack entry that is
still open at the end of its paragraph is either continued (the next story paragraph opens with
a mark of the same family: the newspaper convention for a quote running over paragraphs), closed
at its last tentative mark, or left unclosed: a stray. Pairing restarts at every paragraph, so a
stray mark never shifts the pairing of later quotes.

This is the approach of most careful quote extractors (the rule-based stage of Pavllo et al.'s
Quootstrap, the mark-pairing step of Muzny et al. 2017) with two additions: context-classified
straight marks and the tentative possessive close.
"""

from __future__ import annotations

import operator
from collections.abc import Sequence
from typing import NamedTuple

from . import lexicon
from .layout import Paragraph
from .patterns import WORD_AFTER

# Mark families: which opening characters pair with which closing characters.
DOUBLE = "double"  # "…" “…”
SINGLE = "single"  # '…' ‘…’
LOW_DOUBLE = "low-double"  # „…“ „…”
LOW_SINGLE = "low-single"  # ‚…‘ ‚…’
GUILLEMET = "guillemet"  # «…»
REVERSED_GUILLEMET = "reversed-guillemet"  # »…«
SINGLE_GUILLEMET = "single-guillemet"  # ‹…›
REVERSED_SINGLE_GUILLEMET = "reversed-single-guillemet"  # ›…‹
CORNER = "corner"  # 「…」
WHITE_CORNER = "white-corner"  # 『…』
ASCII_NEWSWIRE = "ascii-newswire"  # ``…''
ASCII_DOUBLED = "ascii-doubled"  # ''…''

#: Families whose marks are single (their quotes are the usual nested level in US text and the
#: primary level in British text).
SINGLE_FAMILIES = frozenset({SINGLE, LOW_SINGLE, SINGLE_GUILLEMET, REVERSED_SINGLE_GUILLEMET})

_OPEN_BEFORE = frozenset("([{<\N{EM DASH}\N{EN DASH}-/\N{HORIZONTAL ELLIPSIS}")
_CLOSE_AFTER = frozenset(".,;:!?)]}>\N{EM DASH}\N{EN DASH}-/\N{HORIZONTAL ELLIPSIS}*")
_PUNCT_BEFORE_CLOSE = frozenset(".,;:!?\N{HORIZONTAL ELLIPSIS}\N{EM DASH}\N{EN DASH}-)]")
_OPENING_MARKS = frozenset(
    "\"'`\N{LEFT DOUBLE QUOTATION MARK}\N{LEFT SINGLE QUOTATION MARK}"
    "\N{DOUBLE LOW-9 QUOTATION MARK}\N{SINGLE LOW-9 QUOTATION MARK}"
    "\N{LEFT-POINTING DOUBLE ANGLE QUOTATION MARK}\N{LEFT CORNER BRACKET}"
)
# The single marks, where most of the apostrophes hide (``'``, ``‘``, ``’``).
_SINGLE_MARKS = frozenset(
    "'\N{LEFT SINGLE QUOTATION MARK}\N{RIGHT SINGLE QUOTATION MARK}"
)
_CLOSING_MARKS = frozenset(
    "\"'\N{RIGHT DOUBLE QUOTATION MARK}\N{RIGHT SINGLE QUOTATION MARK}"
    "\N{RIGHT-POINTING DOUBLE ANGLE QUOTATION MARK}\N{RIGHT CORNER BRACKET}"
)


class Roles(NamedTuple):
    """What one mark can be, read from its context: ``opens`` is the family it can open (or
    ``None``); ``closes`` the families it can close; ``tentative`` marks a close that is as
    likely an apostrophe (a plural possessive).

    The roles depend on the mark's neighbours but not on where it is, so each one
    ``classify`` can give is built once, here, and shared by every mark read so.
    """

    opens: str | None
    closes: tuple[str, ...]
    tentative: bool


# A mark read in the text: ``(start, end, roles)``. A plain tuple, built for every mark of
# every article (a class or named tuple costs ten times as much to build).
_Token = tuple[int, int, Roles]

# An internal record, so a NamedTuple rather than a frozen attrs class like the public
# result types of ``model.py``: as immutable, and built in under half the time, which counts
# at thousands per article (see docs/performance.md).
class Pair(NamedTuple):
    """An opening mark and its closing mark (``close_start == close_end`` when unclosed).

    ``continues`` is the ``open_start`` of the pair this one continues from the previous
    paragraph, or ``-1``; ``parent`` the ``open_start`` of the pair it is nested in, or ``-1``.
    ``paragraph_end`` is where the paragraph of the opening mark ends; ``final`` says whether
    that is the article's last story paragraph.
    """

    family: str
    open_start: int
    open_end: int
    close_start: int
    close_end: int
    closed: bool
    parent: int
    continues: int
    paragraph_end: int
    final: bool


# The marks whose roles do not depend on their neighbours, as ``(opens, closes)``: looked up
# before the context is read (``“`` alone is an eighth of all marks).
_FIXED_ROLES: dict[str, Roles] = {
    "\N{LEFT DOUBLE QUOTATION MARK}": Roles(DOUBLE, (LOW_DOUBLE,), False),
    "\N{DOUBLE LOW-9 QUOTATION MARK}": Roles(LOW_DOUBLE, (), False),
    "\N{DOUBLE HIGH-REVERSED-9 QUOTATION MARK}": Roles(DOUBLE, (), False),
    "``": Roles(ASCII_NEWSWIRE, (), False),
    "\N{LEFT-POINTING DOUBLE ANGLE QUOTATION MARK}": Roles(
        GUILLEMET, (REVERSED_GUILLEMET,), False
    ),
    "\N{RIGHT-POINTING DOUBLE ANGLE QUOTATION MARK}": Roles(
        REVERSED_GUILLEMET, (GUILLEMET,), False
    ),
    "\N{SINGLE LEFT-POINTING ANGLE QUOTATION MARK}": Roles(
        SINGLE_GUILLEMET, (REVERSED_SINGLE_GUILLEMET,), False
    ),
    "\N{SINGLE RIGHT-POINTING ANGLE QUOTATION MARK}": Roles(
        REVERSED_SINGLE_GUILLEMET, (SINGLE_GUILLEMET,), False
    ),
    "\N{LEFT CORNER BRACKET}": Roles(CORNER, (), False),
    "\N{RIGHT CORNER BRACKET}": Roles(None, (CORNER,), False),
    "\N{LEFT WHITE CORNER BRACKET}": Roles(WHITE_CORNER, (), False),
    "\N{RIGHT WHITE CORNER BRACKET}": Roles(None, (WHITE_CORNER,), False),
    "\N{SINGLE LOW-9 QUOTATION MARK}": Roles(LOW_SINGLE, (), False),
    "\N{SINGLE HIGH-REVERSED-9 QUOTATION MARK}": Roles(SINGLE, (), False),
}

# The roles the context gives the other marks, each built once (see ``Roles``).
_OPENS_DOUBLE = Roles(DOUBLE, (), False)
_CLOSES_DOUBLE = Roles(None, (DOUBLE,), False)
_OPENS_OR_CLOSES_DOUBLE = Roles(DOUBLE, (DOUBLE,), False)
_RIGHT_DOUBLE_OPENS = Roles(DOUBLE, (DOUBLE, LOW_DOUBLE), False)
_RIGHT_DOUBLE_CLOSES = Roles(None, (DOUBLE, LOW_DOUBLE), False)
_OPENS_ASCII_DOUBLED = Roles(ASCII_DOUBLED, (ASCII_NEWSWIRE,), False)
_CLOSES_ASCII = Roles(None, (ASCII_NEWSWIRE, ASCII_DOUBLED), False)
_OPENS_SINGLE = Roles(SINGLE, (), False)
_LEFT_SINGLE_OPENS = Roles(SINGLE, (LOW_SINGLE,), False)
_LEFT_SINGLE_CLOSES = Roles(None, (LOW_SINGLE,), False)
_CLOSES_SINGLE = Roles(None, (SINGLE, LOW_SINGLE), False)
_CLOSES_SINGLE_TENTATIVELY = Roles(None, (SINGLE, LOW_SINGLE), True)
_OPENS_OR_CLOSES_SINGLE = Roles(SINGLE, (SINGLE, LOW_SINGLE), False)


def classify(text: str, start: int, end: int, elisions: frozenset[str]) -> Roles | None:
    """Read the mark ``text[start:end]`` from its neighbours; ``None`` for an apostrophe.

    Args:
        text: The article.
        start: Where the mark starts.
        end: Where it ends (``start + 2`` for the ASCII pairs).
        elisions: Words that take a leading apostrophe (``em``, ``til``, ``n``).

    Returns:
        The mark's possible roles, or ``None`` when it can only be an apostrophe.

    >>> text = "I don't know"
    >>> classify(text, 5, 6, frozenset()) is None
    True
    >>> classify('"Yes," she said.', 0, 1, frozenset()).opens
    'double'
    """
    mark = text[start:end]
    roles = _FIXED_ROLES.get(mark)
    if roles is not None:
        return roles
    return _context_roles(text, start, end, mark, elisions)


def _context_roles(
    text: str, start: int, end: int, mark: str, elisions: frozenset[str]
) -> Roles | None:
    """``classify`` for a mark not in ``_FIXED_ROLES``: its roles read from its neighbours."""
    before = text[start - 1] if start > 0 else "\n"
    after = text[end] if end < len(text) else "\n"
    roles = _neighbour_roles(before + mark + after)
    if roles is _READ_ON:
        return _classify_single(text, start, end, before, after, elisions)
    return roles


# What ``_neighbour_roles`` gives a single mark that its neighbours alone do not tell apart
# from an apostrophe: the word after it or the characters before its neighbour decide
# (``_classify_single``). Told apart from every real answer by identity.
_READ_ON = Roles(None, (), False)


def _neighbour_roles(context: str) -> Roles | None:
    """The roles of the mark ``context[1:-1]`` read from the character before it,
    ``context[0]``, and the one after it, ``context[-1]`` (``"\\n"`` for the start or the
    end of the text); ``None`` for an apostrophe, ``_READ_ON`` for a single mark whose roles
    depend on more of the text than that.

    A function of ``context`` alone, so ``_tokens`` remembers its answers by ``context``.

    >>> _neighbour_roles(' "W') is _OPENS_DOUBLE, _neighbour_roles("n't"), _neighbour_roles(" 'e")
    (True, None, Roles(opens=None, closes=(), tentative=False))
    """
    mark = context[1:-1]
    roles = _FIXED_ROLES.get(mark)
    if roles is not None:
        return roles
    before = context[0]
    after = context[-1]
    if mark in _SINGLE_MARKS and before.isalnum() and after.isalnum():
        return None  # don't, O'Neill, rock'n'roll: a quarter of all marks
    open_context, close_context = _contexts(before, after)
    if mark == '"' or mark == "'":
        if before == "=" or after == ">":
            return None  # an attribute in leftover markup: <a href="...">
    if mark == '"':
        if open_context and not close_context:
            return _OPENS_DOUBLE
        if close_context and not open_context:
            return _CLOSES_DOUBLE
        # Spaced on both sides or glued on both: the stack decides.
        return _OPENS_OR_CLOSES_DOUBLE
    if mark == "\N{RIGHT DOUBLE QUOTATION MARK}":
        # Sloppy typography uses ” to open too; allowed only where nothing else fits.
        return _RIGHT_DOUBLE_OPENS if open_context else _RIGHT_DOUBLE_CLOSES
    if mark == "''":
        if open_context and not close_context:
            return _OPENS_ASCII_DOUBLED
        return _CLOSES_ASCII
    if open_context == close_context:
        # Glued on both sides (not between two letters or digits) or spaced on both.
        return _OPENS_OR_CLOSES_SINGLE if open_context else None
    return _READ_ON


def _contexts(before: str, after: str) -> tuple[bool, bool]:
    """Whether a mark between ``before`` and ``after`` could open, and whether it could close."""
    space_before = before.isspace()
    space_after = after.isspace()
    # Could open: nothing word-like glued before it, something glued after it.
    open_context = (
        space_before or before in _OPEN_BEFORE or before in _OPENING_MARKS
    ) and not space_after
    # Could close: something glued before it, nothing word-like glued after it.
    close_context = (
        space_after or after in _CLOSE_AFTER or after in _CLOSING_MARKS
    ) and not space_before
    return open_context, close_context


def _classify_single(
    text: str, start: int, end: int, before: str, after: str, elisions: frozenset[str]
) -> Roles | None:
    """The single marks ``'``, ``‘`` and ``’`` that ``_neighbour_roles`` reads as
    ``_READ_ON``: they could open or close, not both, and more of the text tells which
    apostrophes (and which likely possessives) they are."""
    mark = text[start]
    if _contexts(before, after)[0]:  # could open, so (being ``_READ_ON``) could not close
        if _elided_word_follows(text, end, elisions):
            return None  # 'em, 'til, the '90s, rock 'n' roll
        return _LEFT_SINGLE_OPENS if mark == "\N{LEFT SINGLE QUOTATION MARK}" else _OPENS_SINGLE
    if mark == "\N{LEFT SINGLE QUOTATION MARK}":
        return _LEFT_SINGLE_CLOSES
    if _is_n_elision(text, start):
        return None  # the second mark of 'n'
    if before in _PUNCT_BEFORE_CLOSE or before in _CLOSING_MARKS:
        return _CLOSES_SINGLE
    # After a word: a closing mark, or a possessive (students', James') or a dropped g
    # (goin'). Punctuation right after makes a close likely; a word after, a possessive.
    tentative = not (after in _CLOSE_AFTER or after in _CLOSING_MARKS or after == "\n") and (
        before in "sSzZ" or text[max(0, start - 2) : start].lower() == "in"
    )
    return _CLOSES_SINGLE_TENTATIVELY if tentative else _CLOSES_SINGLE


def _elided_word_follows(text: str, end: int, elisions: frozenset[str]) -> bool:
    word = WORD_AFTER.match(text, end, min(len(text), end + 12), False)
    if word is None:
        return False
    token = word.group()
    if token[0].isdigit():
        # The '90s, the '16 election: two digits, then a non-digit.
        return len(token) <= 3 and token[:2].isdigit() and token[2:] in ("", "s")
    return token.lower() in elisions and word.end() < len(text) and (
        not text[word.end()].isalnum()
    )


def _is_n_elision(text: str, start: int) -> bool:
    """Whether the mark at ``start`` closes the ``'n'`` of ``rock 'n' roll``."""
    return (
        start >= 2
        and text[start - 1] in "nN"
        and text[start - 2] in "'\N{LEFT SINGLE QUOTATION MARK}\N{RIGHT SINGLE QUOTATION MARK}"
    )


def pair_marks(
    text: str,
    paras: Sequence[Paragraph],
    *,
    single_marks: bool = True,
    continue_paragraphs: bool = True,
) -> tuple[Pair, ...]:
    """Pair the quotation marks of every story paragraph.

    Args:
        text: The article.
        paras: Its paragraphs (furniture paragraphs are skipped).
        single_marks: Pair single marks too, not only doubles.
        continue_paragraphs: Continue a quote left open into a next paragraph that reopens it.

    Returns:
        Every pair, closed or not, in order of the opening mark.

    >>> from quoteattr.layout import paragraphs
    >>> text = '"He told me \\'never again\\'," she said.'
    >>> [(p.family, text[p.open_end:p.close_start], p.parent)
    ...  for p in pair_marks(text, paragraphs(text))]
    [('double', "He told me 'never again',", -1), ('single', 'never again', 0)]
    """
    pairs: list[Pair] = []
    # The unclosed top-level opening mark of the previous story paragraph, waiting to be continued.
    waiting: _Token | None = None
    tokens = _tokens(text, lexicon.elisions(), single_marks)
    position = 0
    count = len(tokens)  # read once: the walk below tests it for every mark and paragraph
    # The last story paragraph, looked for from the end (furniture there is a line or two).
    last_story = len(paras) - 1
    while last_story >= 0 and paras[last_story].furniture:
        last_story -= 1
    for para_index, para in enumerate(paras):
        while position < count and tokens[position][0] < para.start:
            position += 1
        first = position
        while position < count and tokens[position][0] < para.end:
            position += 1
        if para.furniture:
            continue
        continued_from = -1
        if waiting is not None:
            if (
                first < position
                and tokens[first][0] == para.start
                and tokens[first][2].opens == waiting[2].opens
            ):
                continued_from = waiting[0]
            waiting = None
        if first == position:
            continue  # no mark: nothing to pair or leave open (most paragraphs)
        waiting = _pair_paragraph(
            pairs,
            tokens[first:position],
            para,
            continued_from,
            para_index == last_story,
            continue_paragraphs,
        )
    # By the opening mark's start, read in C rather than by a Python key function per pair.
    return tuple(sorted(pairs, key=_OPEN_START))


_OPEN_START = operator.attrgetter("open_start")
_new_tuple = tuple.__new__  # builds a Pair from its fields in order (see ``_close``)


# More marks than this glued together with nothing between them quote nothing: the most that
# prose glues is a few closing marks of nested quotes (`…’”`) or a doubled ASCII mark.
_LONGEST_RUN = 8


# ``_neighbour_roles`` by its ``context``, for ``_tokens``: the answer depends on the context
# alone, so one read once reads the same in any article. Contexts are three or four
# characters long and the table is emptied when it holds ``_CONTEXTS_KEPT``.
_CONTEXTS_KEPT = 1 << 10
_ROLES_BY_CONTEXT: dict[str, Roles | None] = {}
# Not an answer ``_neighbour_roles`` gives: what ``_tokens`` finds for a context not yet read.
_UNKNOWN = Roles(None, (), True)


def _tokens(text: str, elisions: frozenset[str], single_marks: bool) -> list[_Token]:
    """The marks of the text that are no apostrophe, each with its roles (``classify``), in
    one walk over the marks; leaving out runs of more than ``_LONGEST_RUN`` glued marks
    (`“‘“‘“‘…`, `'"'"'"…`), which would each have to be paired for nothing, and with
    ``single_marks`` false the marks that can only be single.

    >>> text = "\N{LEFT DOUBLE QUOTATION MARK}It's 'ok'!"
    >>> [(start, roles.opens, roles.closes) for start, _, roles in _tokens(text, frozenset(), True)]
    [(0, 'double', ('low-double',)), (6, 'single', ()), (9, None, ('single', 'low-single'))]
    """
    tokens: list[_Token] = []
    length = len(text)
    run_first = 0  # index in ``tokens`` of the first token of the current glued run
    run_length = 0  # how many marks the run has, apostrophes and all
    previous_end = -1
    for start, end in _mark_spans(text):
        if start != previous_end:
            if run_length > _LONGEST_RUN:
                del tokens[run_first:]
            run_first = len(tokens)
            run_length = 0
        run_length += 1
        previous_end = end
        # ``classify``, by way of the answers ``_neighbour_roles`` gave before for the same
        # mark between the same two characters: a few dozen contexts make nearly all marks.
        if start and end < length:
            context = text[start - 1 : end + 1]
        else:
            context = (text[start - 1] if start else "\n") + text[start:end] + (
                text[end] if end < length else "\n"
            )
        roles = _ROLES_BY_CONTEXT.get(context, _UNKNOWN)
        if roles is _UNKNOWN:
            if len(_ROLES_BY_CONTEXT) >= _CONTEXTS_KEPT:
                _ROLES_BY_CONTEXT.clear()
            roles = _ROLES_BY_CONTEXT[context] = _neighbour_roles(context)
        if roles is _READ_ON:
            roles = _classify_single(text, start, end, context[0], context[-1], elisions)
        if roles is None:
            continue
        if single_marks or not _only_single(roles):
            tokens.append((start, end, roles))
    if run_length > _LONGEST_RUN:
        del tokens[run_first:]
    return tokens


# The characters a ``MARK`` match starts with: a backtick only as the first of two.
_MARK_CHARACTERS = (
    "`\"'\N{LEFT DOUBLE QUOTATION MARK}\N{RIGHT DOUBLE QUOTATION MARK}"
    "\N{DOUBLE LOW-9 QUOTATION MARK}\N{DOUBLE HIGH-REVERSED-9 QUOTATION MARK}"
    "\N{LEFT SINGLE QUOTATION MARK}\N{RIGHT SINGLE QUOTATION MARK}"
    "\N{SINGLE LOW-9 QUOTATION MARK}\N{SINGLE HIGH-REVERSED-9 QUOTATION MARK}"
    "\N{LEFT-POINTING DOUBLE ANGLE QUOTATION MARK}\N{RIGHT-POINTING DOUBLE ANGLE QUOTATION MARK}"
    "\N{SINGLE LEFT-POINTING ANGLE QUOTATION MARK}\N{SINGLE RIGHT-POINTING ANGLE QUOTATION MARK}"
    "\N{LEFT CORNER BRACKET}\N{RIGHT CORNER BRACKET}"
    "\N{LEFT WHITE CORNER BRACKET}\N{RIGHT WHITE CORNER BRACKET}"
)


def _mark_spans(text: str) -> list[tuple[int, int]]:
    """What ``MARK.finditer(text)`` finds, as ``(start, end)``: an ASCII pair (``````,
    ``''``) where one starts, else one mark character.

    The pattern tries every character of the text in turn, which costs far more than a
    ``str.find`` for each mark character (a fast search for one character): the marks are
    found that way, then read in order as the pattern reads them.

    >>> _mark_spans("``Yes,'' he said: 'it\\N{RIGHT SINGLE QUOTATION MARK}s `done'''")
    [(0, 2), (6, 8), (18, 19), (21, 22), (29, 31), (31, 32)]
    """
    starts = []
    for character in _MARK_CHARACTERS:
        position = text.find(character)
        while position >= 0:
            starts.append(position)
            position = text.find(character, position + 1)
    starts.sort()
    spans = []
    taken = 0  # the end of the last ASCII pair: its second character is no mark of its own
    for start in starts:
        if start < taken:
            continue
        character = text[start]
        if character in "`'" and text.startswith(character, start + 1):
            spans.append((start, start + 2))
            taken = start + 2
        elif character != "`":
            spans.append((start, start + 1))
    return spans


def _only_single(roles: Roles) -> bool:
    families = {roles.opens, *roles.closes} - {None}
    return bool(families) and families <= SINGLE_FAMILIES


def _pair_paragraph(
    pairs: list[Pair],
    tokens: list[_Token],
    para: Paragraph,
    continued_from: int,
    final: bool,
    continue_paragraphs: bool,
) -> _Token | None:
    """Pair the marks of one paragraph with a stack, adding their pairs to ``pairs``.

    Returns the top-level opening mark left open at the paragraph's end if a next paragraph
    may continue it, else ``None``.
    """
    stack: list[_Token] = []  # the opening marks still open, innermost last
    # How many of each family the stack holds (a family with none has no entry): a mark is
    # looked for in the stack only when something it can close is open, as a run of openers
    # of two families ("“‘“‘…") would otherwise rescan the whole stack for every mark.
    open_count: dict[str, int] = {}
    # An open mark's last tentative close, by the open mark's start.
    tentative: dict[int, _Token] = {}
    for token in tokens:
        roles = token[2]
        closes = roles.closes
        if stack and not open_count.keys().isdisjoint(closes):
            depth = len(stack) - 1
            while stack[depth][2].opens not in closes:
                depth -= 1  # ends: a family it closes is open
            if roles.tentative:
                # A possessive-looking close counts only for the innermost open quote; deeper
                # down it would cross the quotes nested above it.
                if depth == len(stack) - 1:
                    tentative[stack[depth][0]] = token
                continue
            # Entries above the one closed were never closed: close their tentatives or
            # leave them unclosed.
            while len(stack) > depth + 1:
                _close(pairs, stack, open_count, tentative, None, para, continued_from, final)
            _close(pairs, stack, open_count, tentative, token, para, continued_from, final)
            continue
        opens = roles.opens
        if opens is None:
            continue
        # A new opening mark of the family open innermost: the older one closes at its
        # tentative mark, or it was a stray and makes no pair at all. Under a quote of another
        # family it nests (“… ‘… “…” …’ …”).
        if stack and stack[-1][2].opens == opens:
            _close(
                pairs,
                stack,
                open_count,
                tentative,
                None,
                para,
                continued_from,
                final,
                keep_unclosed=False,
            )
        stack.append(token)
        open_count[opens] = open_count.get(opens, 0) + 1
    # The paragraph is over: what is still open is closed tentatively, continued or stray.
    waiting = None
    while stack:
        if len(stack) == 1 and continue_paragraphs and stack[0][0] not in tentative:
            waiting = stack[0]
        _close(pairs, stack, open_count, tentative, None, para, continued_from, final)
    return waiting


def _close(
    pairs: list[Pair],
    stack: list[_Token],
    open_count: dict[str, int],
    tentative: dict[int, _Token],
    closer: _Token | None,
    para: Paragraph,
    continued_from: int,
    final: bool,
    *,
    keep_unclosed: bool = True,
) -> None:
    """Take the innermost open mark off the stack and add its pair: closed at ``closer``, or
    with ``None`` at its last tentative close if it has one, else unclosed at the paragraph's
    end (with ``keep_unclosed`` false, no pair at all)."""
    opener = stack.pop()
    family = opener[2].opens
    assert family is not None  # only opening marks are stacked
    left = open_count[family] - 1
    if left:
        open_count[family] = left
    else:
        del open_count[family]
    parent = stack[-1][0] if stack else -1
    if closer is None:
        closer = tentative.get(opener[0])
    if closer is None:
        if not keep_unclosed:
            return
        close_start = close_end = para.end
    else:
        close_start, close_end, closer_roles = closer
        if closer_roles.tentative:
            # Closing at a tentative mark: pairs opened after it were never inside this one.
            for index in range(len(pairs) - 1, -1, -1):
                if pairs[index].open_start < close_start:
                    break
                if pairs[index].parent == opener[0]:
                    pairs[index] = pairs[index]._replace(parent=parent)
    # (``Pair(...)`` runs the NamedTuple's ``__new__``, a Python function that passes its
    # fields to ``tuple.__new__``: called here directly, with the fields in their order, it
    # gives the same Pair without that call's frame, once per pair.) Only the paragraph's first
    # mark can continue a quote (``continued_from`` is -1 unless it starts the paragraph).
    pairs.append(
        _new_tuple(
            Pair,
            (
                family,
                opener[0],
                opener[1],
                close_start,
                close_end,
                closer is not None,
                parent,
                continued_from if opener[0] == para.start else -1,
                para.end,
                final,
            ),
        )
    )
