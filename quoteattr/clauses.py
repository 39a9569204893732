"""Clauses: the grammar the attribution rules share, read from plain spans.

Given the article's sentences, cues and mentions, these helpers answer the questions every
rule asks: which mentions lie in a stretch of text, where the sentence holding a position
starts, which cue comes first or last in a stretch, and which mention is the subject of a cue
(``Gareth Penhaligon, the chief executive, said`` → Gareth Penhaligon; ``the president, who
said`` → the president). :mod:`quoteattr.attribution` and :mod:`quoteattr.reported` both use
them, so quotes in marks and reported speech get their speakers the same way.
"""

from __future__ import annotations

import bisect
import functools
from array import array
from collections.abc import Callable, Iterator, Mapping, Sequence
from operator import attrgetter, itemgetter
from typing import NamedTuple, cast, overload

from attrs import frozen

from .cues import CueWord
from .layout import Paragraph
from .mentions import Mention
from .patterns import RELATIVE_CLAUSE
from .quotes import QuoteDraft

RELATIVE_PRONOUNS = frozenset({"who", "which", "that"})

# Words that may stand between a subject and its verb of saying: an auxiliary or a short
# adverb ("she has also said").
BETWEEN_SUBJECT_AND_VERB = frozenset(
    "has have had also later then would will again once previously recently "
    "repeatedly further quickly publicly privately just only still even never always now "
    "first simply merely often".split()
)


# Marks that end a subject's phrase: a mention with one between it and a verb does not govern it.
_NOT_IN_A_SUBJECTS_GAP = frozenset('.;:!?"\u201c\u201d')

# Pronouns that cannot be the subject of a verb of saying.
NOT_SUBJECTS = frozenset({"him", "her", "them", "me", "us", "his", "its", "their", "hers"})
_LONGEST_NOT_SUBJECT = max(map(len, NOT_SUBJECTS))

_START = attrgetter("start")


# An internal record, so a NamedTuple rather than a frozen attrs class like the public
# result types of ``model.py``: as immutable, and built in under half the time, which counts
# at thousands per article (see docs/performance.md).
class Found(NamedTuple):
    """What a rule found: the mention the attribution rests on, and the cue if any.

    ``mention`` indexes the article's mentions; a rule that finds a speaker the mention finder
    does not know (a transcript label, ``the book said``) gives ``-1`` and the phrase itself
    as ``phrase``, typed ``phrase_type``.
    """

    mention: int
    cue: CueWord | None
    phrase: Mention | None = None
    phrase_type: str = "unknown"


#: Builds a :class:`Found` from its four fields, in order and all given
#: (``new_found((mention, cue, None, "unknown"))``): ``Found(...)`` calls the named tuple's
#: ``__new__``, a Python function that only hands its fields to ``tuple.__new__``, through
#: the class's own call, and the rules build thousands an article.
new_found = cast(
    "Callable[[tuple[int, CueWord | None, Mention | None, str]], Found]",
    functools.partial(tuple.__new__, Found),
)


@frozen
class Context:
    """Everything the rules read, built once per article."""

    text: str
    quotes: Sequence[QuoteDraft]  # emptied once the rules have run (see ``attribute``)
    outer: tuple[tuple[int, int], ...]  # each quote's span with its marks
    paras: tuple[Paragraph, ...]
    para_of: Sequence[int]  # paragraph index of each quote's first part
    cues: tuple[CueWord, ...]
    mentions: tuple[Mention, ...]
    sentence_starts: Sequence[int]  # where each sentence of the article starts, sorted
    mention_starts: tuple[int, ...]  # each mention's start, for bisecting
    cue_starts: tuple[int, ...]  # each cue's start, for bisecting
    region_ends: Sequence[int]  # where the stretch after each quote ends (next quote, paragraph)
    # The first name mention of each head word (its index in ``mentions``), for a transcript's
    # label: clustering files every name under its head in text order, and keeps it
    # (``Clusters.first_name_of``).
    first_name_of: Mapping[str, int]


class SpanTable(Sequence[tuple[int, int]]):
    """``(start, end)`` spans kept as two arrays of machine integers, read as pairs.

    A tuple of pairs costs about 130 bytes a span (the pair and two int objects); the table
    costs 16, and each read builds its pair afresh, through Python code: fit for spans mostly
    read in one pass (``for start, end in table`` runs in C), like the sentences, which
    attribution keeps for as long as it runs.

    >>> table = SpanTable([(0, 4), (6, 9)])
    >>> table[1], len(table), list(table), table[:1]
    ((6, 9), 2, [(0, 4), (6, 9)], ((0, 4),))
    >>> import bisect
    >>> bisect.bisect_right(table, (5, 0)), list(table.starts)
    (1, [0, 6])
    """

    __slots__ = ("starts", "ends")

    def __init__(self, spans: Sequence[tuple[int, int]]) -> None:
        self.starts = array("q", map(itemgetter(0), spans))
        self.ends = array("q", map(itemgetter(1), spans))

    def __len__(self) -> int:
        return len(self.starts)

    @overload
    def __getitem__(self, index: int) -> tuple[int, int]: ...

    @overload
    def __getitem__(self, index: slice) -> tuple[tuple[int, int], ...]: ...

    def __getitem__(
        self, index: int | slice
    ) -> tuple[int, int] | tuple[tuple[int, int], ...]:
        if isinstance(index, slice):
            return tuple(zip(self.starts[index], self.ends[index], strict=True))
        return self.starts[index], self.ends[index]

    def __iter__(self) -> Iterator[tuple[int, int]]:
        return zip(self.starts, self.ends, strict=True)


def phrase_mention(start: int, end: int, text: str) -> Mention:
    """A mention made by an attribution rule for a source the mention finder missed."""
    return Mention(
        start=start,
        end=end,
        kind="role",
        gender="",
        number="sg",
        head=text.lower(),
        role="",
        given="",
    )


def paragraph_index(paras: tuple[Paragraph, ...], position: int) -> int:
    """The index of the last paragraph starting at or before ``position`` (``0`` before the
    first), by a bisection in C on the paragraphs' starts."""
    return max(0, bisect.bisect_right(paras, position, key=_START) - 1)


def first_cue(context: Context, start: int, end: int) -> CueWord | None:
    """The first cue starting in ``[start, end)``, or ``None``."""
    index = bisect.bisect_left(context.cue_starts, start)
    if index < len(context.cues) and context.cues[index].start < end:
        return context.cues[index]
    return None


def last_cue(context: Context, start: int, end: int) -> CueWord | None:
    """The last cue starting in ``[start, end)``, or ``None``."""
    index = bisect.bisect_left(context.cue_starts, end) - 1
    if index >= 0 and context.cues[index].start >= start:
        return context.cues[index]
    return None


def mentions_between(context: Context, start: int, end: int) -> list[int]:
    """Mentions that can be a speaker inside ``[start, end)``: not object pronouns."""
    starts = context.mention_starts
    first = bisect.bisect_left(starts, start)
    # The mentions starting in the stretch, found by a second bisection in C rather than by
    # reading each start until one lies past it.
    stop = bisect.bisect_left(starts, end, first)
    mentions = context.mentions
    # The mentions are sorted and disjoint: each but the last of the stretch ends before the
    # next one starts, inside the stretch, and only the last may run past its end.
    if stop > first and mentions[stop - 1].end > end:
        stop -= 1
    text = context.text
    return [index for index in range(first, stop) if _may_be_subject(text, mentions[index])]


def _may_be_subject(text: str, mention: Mention) -> bool:
    """Whether ``mention`` of ``text`` is no object pronoun (``NOT_SUBJECTS``)."""
    # lower() never shortens a text: a longer one is none of the short pronouns
    return (
        mention.end - mention.start > _LONGEST_NOT_SUBJECT
        or text[mention.start : mention.end].lower() not in NOT_SUBJECTS
    )


def quote_at(context: Context, position: int) -> int:
    """The index of the quote in marks (``context.outer``) that ``position`` lies inside, or
    ``-1``."""
    index = bisect.bisect_right(context.outer, (position, len(context.text))) - 1
    return index if index >= 0 and position < context.outer[index][1] else -1


def first_mention_between(context: Context, start: int, end: int) -> int | None:
    """The first of :func:`mentions_between`, or ``None``: the mentions after it are not read
    (after "according to", the rest of a run-on sentence would be read once per cue)."""
    starts = context.mention_starts
    index = bisect.bisect_left(starts, start)
    mentions = context.mentions
    while index < len(starts) and starts[index] < end:
        mention = mentions[index]
        if mention.end > end and (index + 1 == len(starts) or starts[index + 1] >= end):
            return None  # the last mention of the stretch, running past its end
        if _may_be_subject(context.text, mention):
            return index
        index += 1
    return None


def subject_of(context: Context, candidates: list[int], cue_start: int) -> int:
    """Of the mentions before a cue, its subject.

    The mention right before the cue (``the mayor called``, ``she said``) if there is one;
    else the first mention of the clause, skipping relative clauses and brackets
    (``Cllr Brenda Oyelowo, who represents Hadley Cross on the council, called``). An
    apposition stands for the name before it (``Gareth Penhaligon, the chief executive, said``).
    """
    if len(candidates) == 1:
        # The one mention before the cue, as ``_subject_among`` would choose: each of its steps
        # that picks another reads two mentions or more (a hidden one falls back on all the
        # candidates). A test holds it to this.
        return candidates[0]
    return _subject_among(context, candidates, cue_start)


def _subject_among(context: Context, candidates: list[int], cue_start: int) -> int:
    """:func:`subject_of` read through, for any number of candidates."""
    text = context.text
    first_start = context.mentions[candidates[0]].start
    # Every RELATIVE_CLAUSE match holds "(", or "," and "wh": without them in the stretch (most
    # subjects) the pattern cannot match, and every candidate is visible.
    if text.find("(", first_start, cue_start) >= 0 or (
        text.find("wh", first_start, cue_start) >= 0 and text.find(",", first_start, cue_start) >= 0
    ):
        hidden = [
            (match.start(), match.end())
            for match in RELATIVE_CLAUSE.finditer(text, first_start, cue_start, False, False)
        ]
        visible = [
            i for i in candidates if not any(s <= context.mentions[i].start < e for s, e in hidden)
        ] or candidates
    else:
        visible = candidates
    nearest = visible[-1]
    gap = text[context.mentions[nearest].end : cue_start]
    if gap.strip() == "," and len(visible) >= 2:
        # The end of an apposition chain: "Apple's chief executive, Tim Cook, called". The
        # chain's name is the subject.
        chain = [nearest]
        for earlier in reversed(visible[:-1]):
            between = text[context.mentions[earlier].end : context.mentions[chain[0]].start]
            if between.strip() != ",":
                break
            chain.insert(0, earlier)
        if len(chain) >= 2:
            names = [i for i in chain if context.mentions[i].kind == "name"]
            return names[0] if names else chain[0]
    chosen = nearest if governs(gap) else visible[0]
    mention = context.mentions[chosen]
    position = visible.index(chosen)
    if mention.kind in ("role", "anonymous", "group"):
        if position >= 1:
            previous = context.mentions[visible[position - 1]]
            if previous.kind == "name" and text[previous.end : mention.start].strip() in (",", ""):
                return visible[position - 1]  # "Gareth Penhaligon, the chief executive, said"
        if position + 1 < len(visible):
            following = context.mentions[visible[position + 1]]
            if following.kind == "name" and text[mention.end : following.start].strip() == ",":
                return visible[position + 1]  # "One of its authors, Dr Kolk, put it simply:"
    return chosen


# Not kept: a pass over PolNeAR dev asks 1,314 times about 352 gaps, and a cache of the answers
# grew with each article's new gaps on its first reading for a quarter of a percent of the
# instructions.
def governs(gap: str) -> bool:
    """Whether a mention followed by ``gap`` is the subject of the cue right after the gap:
    nothing between (``she said``), a relative pronoun (``the president, who said``), or
    auxiliaries and short adverbs (``Ms Obi has also said``)."""
    if not _NOT_IN_A_SUBJECTS_GAP.isdisjoint(gap):
        return False
    words = [word.lower() for word in gap.strip(" ,").split()]
    if "," in gap:
        # Only a non-restrictive relative clause: "the president, who said"; not an
        # apposition ("Ms Obi, the mayor, said": the name governs) nor "players who cried".
        return bool(words) and words[0] in RELATIVE_PRONOUNS and gap.lstrip().startswith(",")
    if len(words) in (2, 3) and words[-1] == "and" and words[-2].endswith("ed"):
        return True  # "Ms Sherry smiled and said", "she paused, then laughed and added"
    if not words:
        return True  # nothing between: "she said"
    return all(
        word in BETWEEN_SUBJECT_AND_VERB or (word.endswith("ly") and len(word) > 4)
        for word in words
    ) and not (
        set(words) & RELATIVE_PRONOUNS
    )


def clause_end(context: Context, start: int, limit: int) -> int:
    """Where the clause after a cue ends: the sentence's end, a semicolon or a line break."""
    end = min(limit, start + 120)
    index = bisect.bisect_right(context.sentence_starts, start)
    if index < len(context.sentence_starts):
        end = min(end, context.sentence_starts[index])
    for position in range(start, end):
        if context.text[position] in ";\n":
            return position
    return end


def start_of_sentence(context: Context, floor: int, end: int) -> int:
    """Where the sentence holding position ``end`` starts, but not before ``floor``."""
    index = bisect.bisect_right(context.sentence_starts, end) - 1
    return max(floor, context.sentence_starts[index]) if index >= 0 else floor


def sentence_break(context: Context, start: int, end: int) -> bool:
    """Whether a new sentence starts after ``start`` and at or before ``end``."""
    index = bisect.bisect_right(context.sentence_starts, start)
    return index < len(context.sentence_starts) and context.sentence_starts[index] <= end


def speaker_of_tail(context: Context, start: int, cue: CueWord, stop: int) -> Found | None:
    """The speaker in a short cue clause ``[start, stop)`` holding ``cue``: the subject before
    the cue (``, Schiff said``), else the first mention after it (``, said Ana Ruiz``)."""
    before = mentions_between(context, start, cue.start)
    if before:
        return new_found((subject_of(context, before, cue.start), cue, None, "unknown"))
    after = mentions_between(context, cue.end, stop)
    return new_found((after[0], cue, None, "unknown")) if after else None
