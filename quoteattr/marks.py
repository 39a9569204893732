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

from collections.abc import Sequence
from typing import NamedTuple, SupportsIndex

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
# The single marks, which ``_classify_single`` reads (``'``, ``‘``, ``’``).
_SINGLE_MARKS = frozenset(
    "'\N{LEFT SINGLE QUOTATION MARK}\N{RIGHT SINGLE QUOTATION MARK}"
)
_CLOSING_MARKS = frozenset(
    "\"'\N{RIGHT DOUBLE QUOTATION MARK}\N{RIGHT SINGLE QUOTATION MARK}"
    "\N{RIGHT-POINTING DOUBLE ANGLE QUOTATION MARK}\N{RIGHT CORNER BRACKET}"
)


class Token:
    """One mark character (or ASCII pair) and the roles its context allows.

    ``opens`` is the family it can open (or ``None``); ``closes`` the families it can close;
    ``tentative`` marks a close that is as likely an apostrophe (a plural possessive).
    """

    __slots__ = ("start", "end", "opens", "closes", "tentative")

    def __init__(
        self, start: int, end: int, opens: str | None, closes: tuple[str, ...], tentative: bool
    ) -> None:
        self.start = start
        self.end = end
        self.opens = opens
        self.closes = closes
        self.tentative = tentative


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


class _Stack(list["_Open"]):
    """The paragraph's open entries, counting how many of each family are open."""

    def __init__(self) -> None:
        super().__init__()
        self._open: dict[str, int] = {}

    def any_open(self, families: tuple[str, ...]) -> bool:
        """Whether an entry of one of ``families`` is open: one look-up in C, as a family
        none of whose entries is open has no count (``pop`` drops it)."""
        return not self._open.keys().isdisjoint(families)

    def append(self, entry: _Open) -> None:
        super().append(entry)
        self._open[entry.family] = self._open.get(entry.family, 0) + 1

    def pop(self, index: SupportsIndex = -1) -> _Open:
        entry = super().pop(index)
        left = self._open[entry.family] - 1
        if left:
            self._open[entry.family] = left
        else:
            del self._open[entry.family]
        return entry


class _Open:
    """A stack entry: an opening token waiting for its close."""

    __slots__ = ("token", "family", "tentative", "parent", "continues")

    def __init__(self, token: Token, family: str, parent: int, continues: int) -> None:
        self.token = token
        self.family = family
        self.tentative: list[Token] = []
        self.parent = parent
        self.continues = continues


# The marks whose roles do not depend on their neighbours, as ``(opens, closes)``: looked up
# before the context is read (``“`` alone is an eighth of all marks).
_FIXED_ROLES: dict[str, tuple[str | None, tuple[str, ...]]] = {
    "\N{LEFT DOUBLE QUOTATION MARK}": (DOUBLE, (LOW_DOUBLE,)),
    "\N{DOUBLE LOW-9 QUOTATION MARK}": (LOW_DOUBLE, ()),
    "\N{DOUBLE HIGH-REVERSED-9 QUOTATION MARK}": (DOUBLE, ()),
    "``": (ASCII_NEWSWIRE, ()),
    "\N{LEFT-POINTING DOUBLE ANGLE QUOTATION MARK}": (GUILLEMET, (REVERSED_GUILLEMET,)),
    "\N{RIGHT-POINTING DOUBLE ANGLE QUOTATION MARK}": (REVERSED_GUILLEMET, (GUILLEMET,)),
    "\N{SINGLE LEFT-POINTING ANGLE QUOTATION MARK}": (
        SINGLE_GUILLEMET,
        (REVERSED_SINGLE_GUILLEMET,),
    ),
    "\N{SINGLE RIGHT-POINTING ANGLE QUOTATION MARK}": (
        REVERSED_SINGLE_GUILLEMET,
        (SINGLE_GUILLEMET,),
    ),
    "\N{LEFT CORNER BRACKET}": (CORNER, ()),
    "\N{RIGHT CORNER BRACKET}": (None, (CORNER,)),
    "\N{LEFT WHITE CORNER BRACKET}": (WHITE_CORNER, ()),
    "\N{RIGHT WHITE CORNER BRACKET}": (None, (WHITE_CORNER,)),
    "\N{SINGLE LOW-9 QUOTATION MARK}": (LOW_SINGLE, ()),
    "\N{SINGLE HIGH-REVERSED-9 QUOTATION MARK}": (SINGLE, ()),
}


def classify(text: str, start: int, end: int, elisions: frozenset[str]) -> Token | None:
    """Read the mark ``text[start:end]`` from its neighbours; ``None`` for an apostrophe.

    Args:
        text: The article.
        start: Where the mark starts.
        end: Where it ends (``start + 2`` for the ASCII pairs).
        elisions: Words that take a leading apostrophe (``em``, ``til``, ``n``).

    Returns:
        The token with its possible roles, or ``None`` when it can only be an apostrophe.

    >>> text = "I don't know"
    >>> classify(text, 5, 6, frozenset()) is None
    True
    >>> classify('"Yes," she said.', 0, 1, frozenset()).opens
    'double'
    """
    mark = text[start:end]
    roles = _FIXED_ROLES.get(mark)
    if roles is not None:
        return Token(start, end, roles[0], roles[1], False)
    before = text[start - 1] if start > 0 else "\n"
    after = text[end] if end < len(text) else "\n"
    if mark in _SINGLE_MARKS and before.isalnum() and after.isalnum():
        # don't, O'Neill: a third of all marks, which the tests below would each pass over
        # to reach the same answer in ``_classify_single``.
        return None
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

    if mark == '"' or mark == "'":
        if before == "=" or after == ">":
            return None  # an attribute in leftover markup: <a href="...">
    if mark == '"':
        if open_context and not close_context:
            return Token(start, end, DOUBLE, (), False)
        if close_context and not open_context:
            return Token(start, end, None, (DOUBLE,), False)
        # Spaced on both sides or glued on both: the stack decides.
        return Token(start, end, DOUBLE, (DOUBLE,), False)
    if mark == "\N{RIGHT DOUBLE QUOTATION MARK}":
        # Sloppy typography uses ” to open too; allowed only where nothing else fits.
        return Token(start, end, DOUBLE if open_context else None, (DOUBLE, LOW_DOUBLE), False)
    if mark == "''":
        if open_context and not close_context:
            return Token(start, end, ASCII_DOUBLED, (ASCII_NEWSWIRE,), False)
        return Token(start, end, None, (ASCII_NEWSWIRE, ASCII_DOUBLED), False)
    return _classify_single(text, start, end, before, after, open_context, close_context, elisions)


def _classify_single(
    text: str,
    start: int,
    end: int,
    before: str,
    after: str,
    open_context: bool,
    close_context: bool,
    elisions: frozenset[str],
) -> Token | None:
    """The single marks ``'``, ``‘`` and ``’``, where most of the apostrophes hide."""
    mark = text[start]
    if before.isalnum() and after.isalnum():
        return None  # don't, O'Neill, rock'n'roll
    if open_context and not close_context:
        if _elided_word_follows(text, end, elisions):
            return None  # 'em, 'til, the '90s, rock 'n' roll
        closes = (LOW_SINGLE,) if mark == "\N{LEFT SINGLE QUOTATION MARK}" else ()
        return Token(start, end, SINGLE, closes, False)
    if close_context and not open_context:
        if mark == "\N{LEFT SINGLE QUOTATION MARK}":
            return Token(start, end, None, (LOW_SINGLE,), False)
        if _is_n_elision(text, start):
            return None  # the second mark of 'n'
        if before in _PUNCT_BEFORE_CLOSE or before in _CLOSING_MARKS:
            return Token(start, end, None, (SINGLE, LOW_SINGLE), False)
        # After a word: a closing mark, or a possessive (students', James') or a dropped g
        # (goin'). Punctuation right after makes a close likely; a word after, a possessive.
        tentative = not (after in _CLOSE_AFTER or after in _CLOSING_MARKS or after == "\n") and (
            before in "sSzZ" or text[max(0, start - 2) : start].lower() == "in"
        )
        return Token(start, end, None, (SINGLE, LOW_SINGLE), tentative)
    if open_context and close_context:
        return Token(start, end, SINGLE, (SINGLE, LOW_SINGLE), False)
    return None  # spaced on both sides: a stray or a typo


def _elided_word_follows(text: str, end: int, elisions: frozenset[str]) -> bool:
    word = WORD_AFTER.match(text, end, min(len(text), end + 12))
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
    elisions = lexicon.elisions()
    pairs: list[Pair] = []
    # The unclosed top-level entry of the previous story paragraph, waiting to be continued.
    waiting: _Open | None = None
    tokens = [
        token
        for start, end in _marks_outside_runs(text)
        if (token := classify(text, start, end, elisions)) is not None
        and (single_marks or not _only_single(token))
    ]
    position = 0
    count = len(tokens)  # read once: the walk below tests it for every mark and paragraph
    last_story = max((i for i, p in enumerate(paras) if not p.furniture), default=-1)
    for para_index, para in enumerate(paras):
        while position < count and tokens[position].start < para.start:
            position += 1
        first = position
        while position < count and tokens[position].start < para.end:
            position += 1
        if para.furniture:
            continue
        para_tokens = tokens[first:position]
        continued_from = -1
        if waiting is not None:
            if (
                para_tokens
                and para_tokens[0].start == para.start
                and para_tokens[0].opens == waiting.family
            ):
                continued_from = waiting.token.start
            waiting = None
        if not para_tokens:
            continue  # no mark: nothing to pair or leave open (most paragraphs)
        final = para_index == last_story
        stack = _Stack()
        for index, token in enumerate(para_tokens):
            _step(stack, pairs, token, para, continued_from if index == 0 else -1, final)
        # The paragraph is over: what is still open is continued, closed tentatively or stray.
        while stack:
            entry = stack.pop()
            if entry.tentative:
                _close(pairs, entry, entry.tentative[-1], para, final, closed=True)
            elif not stack and continue_paragraphs:
                _close(pairs, entry, None, para, final, closed=False)
                waiting = entry
            else:
                _close(pairs, entry, None, para, final, closed=False)
    return tuple(sorted(pairs, key=lambda pair: pair.open_start))


# More marks than this glued together with nothing between them quote nothing: the most that
# prose glues is a few closing marks of nested quotes (`…’”`) or a doubled ASCII mark.
_LONGEST_RUN = 8


def _marks_outside_runs(text: str) -> list[tuple[int, int]]:
    """The marks of the text, leaving out runs of more than ``_LONGEST_RUN`` glued marks
    (`“‘“‘“‘…`, `'"'"'"…`), which would each have to be classified and paired for nothing."""
    spans: list[tuple[int, int]] = []
    run_start = 0  # index in ``spans`` where the current glued run begins
    previous_end = -1
    for start, end in _mark_spans(text):
        if start != previous_end:
            if len(spans) - run_start > _LONGEST_RUN:
                del spans[run_start:]
            run_start = len(spans)
        spans.append((start, end))
        previous_end = end
    if len(spans) - run_start > _LONGEST_RUN:
        del spans[run_start:]
    return spans


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


def _only_single(token: Token) -> bool:
    families = {token.opens, *token.closes} - {None}
    return bool(families) and families <= SINGLE_FAMILIES


def _step(
    stack: _Stack,
    pairs: list[Pair],
    token: Token,
    para: Paragraph,
    continues: int,
    final: bool,
) -> None:
    """Feed one token to the paragraph's stack."""
    # Only scan the stack when something the token can close is open: a run of openers of
    # two families ("“‘“‘…") would otherwise rescan the whole stack for every mark.
    closable = bool(stack) and stack.any_open(token.closes)
    for depth in range(len(stack) - 1, -1 if closable else len(stack) - 1, -1):
        entry = stack[depth]
        if entry.family in token.closes:
            if token.tentative:
                # A possessive-looking close counts only for the innermost open quote; deeper
                # down it would cross the quotes nested above it.
                if depth == len(stack) - 1:
                    entry.tentative.append(token)
                return
            # Entries above the one closed were never closed: close their tentatives or drop.
            while len(stack) > depth + 1:
                inner = stack.pop()
                last = inner.tentative[-1] if inner.tentative else None
                _close(pairs, inner, last, para, final, closed=last is not None)
            stack.pop()
            _close(pairs, entry, token, para, final, closed=True)
            return
    if token.opens is None:
        return
    # A new opening mark of the family open innermost: the older one closes at its tentative
    # mark, or it was a stray. Under a quote of another family it nests (“… ‘… “…” …’ …”).
    for depth in range(len(stack) - 1, len(stack) - 2, -1):
        if depth >= 0 and stack[depth].family == token.opens:
            while len(stack) > depth:
                inner = stack.pop()
                if inner.tentative:
                    _close(pairs, inner, inner.tentative[-1], para, final, closed=True)
                # else: a stray, superseded by the new mark; it makes no pair at all
            break
    parent = stack[-1].token.start if stack else -1
    stack.append(_Open(token, token.opens, parent, continues))


def _close(
    pairs: list[Pair],
    entry: _Open,
    closer: Token | None,
    para: Paragraph,
    final: bool,
    *,
    closed: bool,
) -> None:
    close_start = closer.start if closer is not None else para.end
    close_end = closer.end if closer is not None else para.end
    if closer is not None and closer.tentative:
        # Closing at a tentative mark: pairs opened after it were never inside this one.
        for index in range(len(pairs) - 1, -1, -1):
            if pairs[index].open_start < close_start:
                break
            if pairs[index].parent == entry.token.start:
                pairs[index] = pairs[index]._replace(parent=entry.parent)
    # By position, in the fields' order: keywords would be packed into a dict and unpacked
    # again for the class's ``__init__``, once per pair.
    pairs.append(
        Pair(
            entry.family,
            entry.token.start,
            entry.token.end,
            close_start,
            close_end,
            closed,
            entry.parent,
            entry.continues,
            para.end,
            final,
        )
    )
