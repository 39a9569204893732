"""Quotes: turn paired marks into quotes with parts and a kind.

A top-level pair becomes a quote; pairs nested in it become its ``nested`` spans; a pair that
continues one from the previous paragraph becomes the next part of that quote. The content of a
part is what lies between the marks, without the marks and without white space at either end;
punctuation inside the marks stays, as news style puts it there (``"We have listened," said``).

Kinds, decided from the quote and the words around it, in this order:

1. ``scare`` after a naming cue (``so-called``, ``dubbed``, ``known as``; ``data/scare_cues.txt``),
   or a short quote set between two capitalised words, a nickname (``Tom "Tiny" Hargreaves``),
   or one lowercase word used as a modifier (``300 "luxury" flats``).
2. ``title`` after a noun for a work or text (``the film``, ``a petition headed``;
   ``data/title_nouns.txt``) or after ``titled``/``entitled``/``headlined``, or when the quoted
   words are in title case (``"Save Our Marsh"``).
3. ``direct`` when the quoted words stand as an utterance of their own: they start with a capital
   at the start of a sentence or after ``:``/``,``, or they hold a whole sentence.
4. ``partial`` otherwise: quoted words inside the writer's own sentence
   (``showed a "readiness to engage" on the issue``).

Scare and title quotes are returned, labelled, so a caller can drop them (``Config.kinds``).
"""

from __future__ import annotations

import string
from collections.abc import Sequence

from . import lexicon
from .marks import SINGLE_FAMILIES, Pair
from .model import Attribution, Cue, Quote, Span, parts_text
from .patterns import (
    INTERRUPTION_LEAD,
    SENTENCE_END_INSIDE,
    SENTENCE_INSIDE,
    SPEAKER_LABEL,
    TITLE_WORD,
    WORDS_BEFORE,
)

# Confidence by how a quote was found; calibrated on the development data (docs/evaluation.md).
_CONFIDENCE = {"closed": 0.97, "unclosed": 0.6}
_KIND_CONFIDENCE = {"direct": 1.0, "partial": 0.95, "scare": 0.7, "title": 0.7}
# Their products, worked out once: one float object per pair, not one per quote.
_CONFIDENCE_OF = {
    (found, kind): _CONFIDENCE[found] * _KIND_CONFIDENCE[kind]
    for found in _CONFIDENCE
    for kind in _KIND_CONFIDENCE
}

# Lowercase words allowed inside a title-case title ("Babies Belong in Ferncliffe").
_MINOR_WORDS = frozenset(
    "a an and as at but by for from in into nor of on or over per the to up via vs with".split()
)
# Headlines and crossheads are short: a longer paragraph is prose, whatever its capitals.
_HEADLINE_LENGTH = 200

# Verbs that name a text: "a petition headed", "a paper titled", "a book called".
_NAMING_VERBS = frozenset("called entitled headed headlined named read reading titled".split())

# The characters ``SENTENCE_INSIDE`` starts with; the white space ``str.isspace`` knows and the
# patterns' ``\s`` does not; the ASCII capitals.
_END_PUNCTUATION = ".!?\N{HORIZONTAL ELLIPSIS}"
_NOT_PATTERN_SPACE = frozenset("\x1c\x1d\x1e\x1f")
_ASCII_CAPITALS = string.ascii_uppercase.encode("ascii")

# The characters of ``WORDS_BEFORE`` in ASCII that are not ``\w``; a byte table that turns every
# ASCII character but those and ``\w`` (letters, digits, ``_``) into a space.
_WORD_BEFORE_PUNCTUATION = "'.-"
_NOT_WORD_BEFORE_BYTE = bytes(
    byte if chr(byte).isalnum() or chr(byte) in "_" + _WORD_BEFORE_PUNCTUATION else ord(" ")
    for byte in range(128)
) + bytes(range(128, 256))

# The ASCII punctuation ``TITLE_WORD`` has no place for in a word (all but ``'`` and ``-``).
_NOT_IN_TITLE_WORD = "".join(sorted(set(string.punctuation) - set("'-")))

# The ASCII characters ``SPEAKER_LABEL`` has no place for in a label's first two.
_NOT_IN_LABEL = frozenset(map(chr, range(128))) - frozenset(string.ascii_uppercase + ".' -")

# The most words of a quote any test of ``classify_kind`` but ``_stands_alone`` reads: a title
# after its noun (``_after_title_noun``) has at most 12.
_MOST_WORDS = 12


# An internal record: attribution reads a quote's spans and kind to find its speaker, and the
# public, frozen ``Quote`` is built once, with what attribution found, rather than once here
# and again as a copy there (a frozen attrs class costs several times as much to build). A
# slotted class rather than a named tuple: attribution reads these fields again and again, and
# the interpreter reads a slot faster than a named tuple's field.
class QuoteDraft:
    """A quote as detection finds it: the fields of :class:`~quoteattr.model.Quote` that do not
    depend on its speaker, in ``Quote``'s order and meaning. Never changed once built.

    >>> draft = QuoteDraft((Span(1, 6, "Hello"),), "direct", ('"', '"'), 0.97, ())
    >>> draft.text, draft.start, draft.end
    ('Hello', 1, 6)
    >>> draft.finished(None, None, draft.confidence, None) == Quote.from_parts(
    ...     draft.parts, kind="direct", marks=('"', '"'), confidence=0.97
    ... )
    True
    """

    __slots__ = ("text", "start", "end", "parts", "kind", "marks", "confidence", "nested")

    def __init__(
        self,
        parts: tuple[Span, ...],
        kind: str,
        marks: tuple[str, str],
        confidence: float,
        nested: tuple[Span, ...],
    ) -> None:
        # The text and ends as ``Quote.from_parts`` gives them.
        self.text = parts_text(parts)
        self.start = parts[0].start
        self.end = parts[-1].end
        self.parts = parts
        self.kind = kind
        self.marks = marks
        self.confidence = confidence
        self.nested = nested

    def finished(
        self,
        speaker: Attribution | None,
        cue: Cue | None,
        confidence: float,
        unresolved: str | None,
    ) -> Quote:
        """The public quote, with what attribution found (``None`` for none of it).

        The fields go by position, in ``Quote``'s order: a class called with keywords has them
        packed into a dict and unpacked again for its ``__init__``, once per quote.
        """
        return Quote(
            self.text,
            self.start,
            self.end,
            self.parts,
            self.kind,
            self.marks,
            confidence,
            speaker,
            cue,
            self.nested,
            unresolved,
        )


def build_quotes(
    text: str,
    pairs: Sequence[Pair],
    *,
    close_unclosed: bool = True,
) -> list[QuoteDraft]:
    """Group pairs into quotes and give each its kind and confidence.

    Args:
        text: The article.
        pairs: Every pair from :func:`quoteattr.marks.pair_marks`, ordered by opening mark.
        close_unclosed: Keep a double mark its paragraph never closed, as a quote to the end
            of that paragraph.

    Returns:
        Quotes in text order, as drafts: attribution (or :func:`quoteattr.extract`, when
        told not to attribute) makes each a :class:`~quoteattr.model.Quote`. A list, which
        attribution empties as it goes.

    >>> from quoteattr.layout import paragraphs
    >>> from quoteattr.marks import pair_marks
    >>> text = 'She called it "a slap in the face" on Monday.'
    >>> [(q.text, q.kind) for q in build_quotes(text, pair_marks(text, paragraphs(text)))]
    [('a slap in the face', 'partial')]
    """
    # The pairs that continue others, by the pair each continues; the closed nested pairs, by
    # their parent; and the continuing pairs that open with a speaker label: a transcript
    # continues paragraph after paragraph, but each new speaker label ("WALLACE: …",
    # "PENCE: …") starts a new quote. All three read in one walk over the pairs.
    continuation: dict[int, Pair] = {}
    children: dict[int, list[Pair]] = {}
    new_speaker: set[int] = set()
    for pair in pairs:
        if pair.continues >= 0:
            continuation[pair.continues] = pair
            if SPEAKER_LABEL.match(text, _skip_space(text, pair.open_end), None, False):
                new_speaker.add(pair.open_start)
        if pair.parent >= 0 and pair.closed:
            children.setdefault(pair.parent, []).append(pair)
    quotes: list[QuoteDraft] = []
    # One pair of marks per distinct pair: a long article has thousands of quotes, and a
    # curly mark sliced from the text is a new object each time.
    mark_pairs: dict[tuple[str, str], tuple[str, str]] = {}
    previous_close = -1
    previous_kind = ""
    for pair in pairs:
        if pair.parent >= 0 or (pair.continues >= 0 and pair.open_start not in new_speaker):
            continue  # nested, or a later paragraph of a quote already started
        chain = [pair]
        last = pair
        while last.open_start in continuation:
            following = continuation[last.open_start]
            if following.open_start in new_speaker:
                break
            chain.append(following)
            last = following
        if not pair.closed and len(chain) == 1 and not _keep_unclosed(text, pair, close_unclosed):
            continue
        # The words between the pair's own marks without white space either side (no speaker
        # label is taken from words that open with a bracket): the quote's first part, when
        # there are any.
        first = _content(text, pair)
        if (
            first is not None
            and first.text[0] in "(["
            and len(first.text) > 2
            and first.text[-1] in ")]"
        ):
            continue  # "(CROSSTALK.)": a transcript's stage direction, not words spoken
        if len(chain) == 1 and pair.open_start not in children:
            # Nearly every quote: one pair without children.
            if first is None:
                continue
            parts: tuple[Span, ...] = (first,)
            nested: tuple[Span, ...] = ()
        else:
            part_spans = [] if first is None else [first]
            nested_spans = []
            for link in chain:
                if link is not pair:
                    span = _content(text, link)
                    if span is not None:
                        part_spans.append(span)
                for child in children.get(link.open_start, ()):
                    span = _content(text, child)
                    if span is not None:
                        nested_spans.append(span)
            if not part_spans:
                continue
            parts = tuple(part_spans)
            nested = tuple(nested_spans)
        # Most quotes open with a letter: then no character needs to be looked at one by one.
        if not (
            parts[0].text[0].isalnum()
            or any(character.isalnum() for span in parts for character in span.text)
        ):
            continue  # `'"'`: marks around no word are no quotation
        kind = classify_kind(text, pair, parts[0])
        if (
            previous_kind in ("title", "scare")
            and kind in ("direct", "partial")
            and previous_close >= 0
        ):
            kind = _coordinated_kind(text, previous_close, pair, previous_kind, kind)
        previous_close = last.close_end
        previous_kind = kind
        if last.closed:
            confidence = _CONFIDENCE_OF["closed", kind]
            marks = (text[pair.open_start : pair.open_end], text[last.close_start : last.close_end])
        else:
            confidence = _CONFIDENCE_OF["unclosed", kind]
            marks = (text[pair.open_start : pair.open_end], "")
        quotes.append(
            QuoteDraft(parts, kind, mark_pairs.setdefault(marks, marks), confidence, nested)
        )
    return quotes


def _coordinated_kind(
    text: str, previous_close: int, pair: Pair, previous_kind: str, kind: str
) -> str:
    """``signs that read "Save Our Marsh" and "Frogs Don't Drive."``: a quote joined by
    *and*/*or* to a title or scare quote (``previous_kind``, which the caller has checked)
    is one of the same."""
    between = text[previous_close : pair.open_start].strip(" ,")
    if between in ("and", "or", ""):
        return previous_kind
    return kind


def _keep_unclosed(text: str, pair: Pair, close_unclosed: bool) -> bool:
    """Whether a double mark its paragraph never closed (and the next did not continue) still
    makes a quote, to the end of its paragraph.

    Only where a forgotten closing mark is the likely story: the mark opens the paragraph or
    follows a colon or comma, and the paragraph ends a sentence (or is the article's last).
    Elsewhere a mark left open is far more often an inch sign or a stray.
    """
    if not close_unclosed or pair.family in SINGLE_FAMILIES:
        return False
    line_start = text.rfind("\n", 0, pair.open_start) + 1
    before = text[max(line_start, pair.open_start - 3) : pair.open_start].rstrip()
    strong = before == "" or before.endswith((":", ","))
    ends_sentence = text[pair.paragraph_end - 1 : pair.paragraph_end] in (".", "!", "?")
    return strong and (pair.final or ends_sentence)


def _skip_space(text: str, position: int) -> int:
    while position < len(text) and text[position] in " \t":
        position += 1
    return position


def _content(text: str, pair: Pair) -> Span | None:
    start, end = pair.open_end, pair.close_start
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if start >= end:
        return None  # (and no label: one needs three characters)
    # A label's first two characters are capitals or ``.'\N{RIGHT SINGLE QUOTATION MARK} -``:
    # most quotes open with a lowercase letter or a capital and a lowercase letter, which the
    # pattern need not be tried on to turn down.
    if text[start] not in _NOT_IN_LABEL and text[start + 1 : start + 2] not in _NOT_IN_LABEL:
        label = SPEAKER_LABEL.match(text, start, end, False)
        if label is not None:
            start = label.end()  # a transcript's "WALLACE: " names the speaker; it is not quoted
            if start >= end:
                return None
    return Span(start, end, text[start:end])


def classify_kind(text: str, pair: Pair, first: Span) -> str:
    """The kind of a quote from its first part and the words either side of its marks.

    >>> from quoteattr.layout import paragraphs
    >>> from quoteattr.marks import pair_marks
    >>> def kinds(text):
    ...     return [q.kind for q in build_quotes(text, pair_marks(text, paragraphs(text)))]
    >>> kinds('the so-called "reform" of the tax')
    ['scare']
    >>> kinds('Tom "Tiny" Hargreaves arrived.')
    ['scare']
    >>> kinds('the film "The Long Field" opened.')
    ['title']
    >>> kinds('"We have listened," said Ms Okafor.')
    ['direct']
    >>> kinds('Trump called her "Miss Piggy" on air.')
    ['partial']
    """
    content = first.text
    # The quote's line before its mark, no more than its last 80 characters, the most any test
    # reads. (A conditional expression rather than ``max``, which costs several times as much;
    # the line's break looked for in that slice, without a search's bounds to parse.)
    open_start = pair.open_start
    before = text[open_start - 80 if open_start > 80 else 0 : open_start]
    line_break = before.rfind("\n")
    if line_break >= 0:
        before = before[line_break + 1 :]
    before_lower = before.lower().rstrip()
    # Nothing but white space before the mark on its line (a third of the quotes of a
    # quote-dense article): the tests that read the words before it find nothing. No scare cue
    # is empty; ``_names_a_work`` needs a possessive or ``on``; the sentence lead of an empty
    # lead has no words, so neither a title noun nor a verb of saying (``_after_title_noun``
    # and ``reported`` read those words alone); ``_is_nickname`` needs a word before. They
    # are skipped, and the tests that read only the quote, its line and what follows it run
    # as for any quote.
    lead_in = before_lower != ""
    # Only the cues that end with the last two characters before the quote can end it, and a
    # work is named only after a lead with one of ``_WORK_LEAD_ENDS``: one look-up rules out
    # both tests for nearly every quote (an empty lead has no end to look up).
    scare_cues, may_name_work = _lead_ends().get(before_lower[-2:], _NO_LEAD_END)
    if scare_cues and before_lower.endswith(scare_cues):
        # The word-boundary check for just the cues the lead ends with (a group has a few
        # cues; the lead ends with one or two).
        for cue in scare_cues:
            if before_lower.endswith(cue) and _ends_with_phrase(before_lower, cue):
                return "scare"
    # The words, split no further than the tests below read them: past ``_MOST_WORDS`` the last
    # piece is the rest of the quote, and only ``len(words) > _MOST_WORDS`` is read of it.
    words = content.split(None, _MOST_WORDS)
    short = len(words) <= _MOST_WORDS  # then ``words`` is every word
    # The cheap test first (both are pure, so ``and`` gives the same either way round).
    if (
        may_name_work
        and _names_a_work(before_lower)
        and _title_case(words if short else content.split())
    ):
        return "title"  # MSNBC's "Morning Joe", on "Face the Nation"
    # Past ``_MOST_WORDS`` words no test below but ``_stands_alone`` can hold: a title after
    # its noun has at most 12 words, the headline tests at most 10, the last test one.
    # Whether the sentence up to the quote holds a verb of saying, read only when a test that
    # it overrules holds (``None`` until then): most quotes are decided without it.
    reported: bool | None = None
    if short:
        # ``_after_title_noun`` holds only after a title noun or a naming verb: most leads end
        # with another word, told from their last characters, and are turned down without
        # reading their words.
        if lead_in and _may_end_with_title_lead(before_lower):
            # It reads the last two words, which may lie in the sentence before the quote's.
            words_before = _words_before(before_lower, 0)
            if (
                words_before
                and words_before[-1] in _title_leads()
                and _after_title_noun(words_before, words)
            ):
                return "title"
        # Title case and capitalised neighbours mean nothing in a headline, and quoted words in
        # a sentence that reports speech are the speaker's words, whatever they look like.
        # Each test of the block needs at most 10 words.
        if len(words) <= 10:
            after = text[pair.close_end : pair.close_end + 30]  # a slice stops at the end
            if lead_in and _is_nickname(before, after, words):
                neighbours_kind = "scare"
            elif len(words) >= 2 and _title_case(words) and not _sentence_inside(content):
                neighbours_kind = "title"
            elif _is_modifier(after, words, content):
                neighbours_kind = "scare"
            else:
                neighbours_kind = ""
            # The verb of saying and the headline test last, and only when one of the tests
            # they overrule holds (few quotes): all of them are pure, so the order changes no
            # answer. (No lead, no words before the quote, and so no verb of saying.)
            if neighbours_kind:
                reported = lead_in and _reports_speech(before_lower)
                if not reported and not _line_is_headline(text, open_start, pair.close_end):
                    return neighbours_kind
    # A capital letter after a boundary (or first on its line) opens most direct quotes, and
    # ``_stands_alone`` holds for it at once: told without the call (a test holds it to it).
    if (
        before_lower[-1:] in _BOUNDARY_ENDS and content[:1].isupper() and content[0].isalpha()
    ) or _stands_alone(before, before_lower, content):
        return "direct"
    if (
        len(words) == 1
        and content[:1].isupper() != content[:1].islower()  # a cased script: a word, not a line
        and not SENTENCE_END_INSIDE.search(content, 0, None, False)
    ):
        if reported is None:
            reported = lead_in and _reports_speech(before_lower)
        if not reported:
            # One quoted word outside any reported speech is a term held at arm's length.
            return "scare"
    return "partial"


def _line_is_headline(text: str, open_start: int, close_end: int) -> bool:
    """Whether the line of a quote whose marks span ``open_start`` to ``close_end`` is a
    headline. Not sliced out when too long for one: a long paragraph may hold many quotes."""
    # The line looked for no further than a headline's length either side: a longer line is no
    # headline, and one line of a megabyte must not be searched once per quote.
    window = _HEADLINE_LENGTH + 1
    found = text.rfind("\n", open_start - window if open_start > window else 0, open_start)
    line_start = found + 1 if found >= 0 or open_start <= window else open_start - window
    # A line that runs from ``line_start`` past the quote's closing mark longer than a headline
    # can be is none: its end need not be looked for.
    if close_end - line_start > _HEADLINE_LENGTH:
        return False
    line_end = text.find("\n", close_end, close_end + window)
    if line_end < 0:
        line_end = close_end + window
        if line_end > len(text):
            line_end = len(text)
    return headline_at(text, line_start, line_end)


# A possessive's last two characters; with ``on``, the last two of every lead (without white
# space at its end) ``_names_a_work`` holds for: a caller turns down the rest with one look-up.
_POSSESSIVE_ENDS = ("'s", "\N{RIGHT SINGLE QUOTATION MARK}s", "s'")
_WORK_LEAD_ENDS = (*_POSSESSIVE_ENDS, "on")
# What ``_lead_ends`` gives for the end of a lead no test of it can hold for.
_NO_LEAD_END: tuple[tuple[str, ...], bool] = ((), False)


@lexicon.table
def _lead_ends() -> dict[str, tuple[tuple[str, ...], bool]]:
    """For the last two characters of a lowered lead that a scare cue or ``_WORK_LEAD_ENDS``
    ends with: the cues that end with them (longest first, as ``lexicon.scare_cues()``) and
    whether a work may be named after it. Every cue has two characters or more (a test holds
    the list to it), so only those may end a lead with other last two.

    >>> "so-called" in _lead_ends()["ed"][0], _lead_ends()["'s"], "id" in _lead_ends()
    (True, ((), True), False)
    """
    grouped: dict[str, list[str]] = {}
    for cue in lexicon.scare_cues():
        grouped.setdefault(cue[-2:], []).append(cue)
    return {
        end: (tuple(grouped.get(end, ())), end in _WORK_LEAD_ENDS)
        for end in (*grouped, *_WORK_LEAD_ENDS)
    }


def _names_a_work(before_lower: str) -> bool:
    """A possessive or ``on`` right before title-case words: a programme, paper or show."""
    lead = before_lower.rstrip()
    return lead[-2:] in _POSSESSIVE_ENDS or _ends_with_phrase(lead, "on")


def _ends_with_phrase(lowered: str, phrase: str) -> bool:
    """Whether ``lowered`` ends with the whole words of ``phrase`` ("as" is not "has")."""
    if not lowered.endswith(phrase):
        return False
    cut = len(lowered) - len(phrase)
    return cut == 0 or not lowered[cut - 1].isalnum()


def _words_before(lowered: str, start: int, end: int | None = None) -> list[str]:
    """``WORDS_BEFORE.findall(lowered, start, end)``.

    In ASCII (nearly every lead, once its curly quotes are spaces), without the pattern, which
    tests its classes character by character through Unicode tables: a byte table turns every
    character that is none of the pattern's (``\\w`` and ``'.-``) into a space, so each piece
    split out is a run of them, and the pattern's word in a run starts at its first ``\\w``
    character and takes the rest.

    >>> _words_before("-- he's said ... 'so-called' u.s. 'tis", 0)
    ["he's", 'said', "so-called'", 'u.s.', 'tis']
    """
    stretch = lowered[start:end]
    if not stretch.isascii():
        # Curly double quotes and the opening single one (half the leads of a quote-dense
        # article hold a quote before) are neither ``\w`` nor in the pattern's word: like a
        # space, they only end a word, and a space in their place leaves the words as they are.
        stretch = (
            stretch.replace("\N{LEFT DOUBLE QUOTATION MARK}", " ")
            .replace("\N{RIGHT DOUBLE QUOTATION MARK}", " ")
            .replace("\N{LEFT SINGLE QUOTATION MARK}", " ")
        )
    if not stretch.isascii():
        # The GIL kept: ``regex`` releases and retakes it around every match of ``findall``
        # unless told the call is not concurrent, which costs more than reading a few words.
        return WORDS_BEFORE.findall(lowered, start, end, False, False)
    kept = stretch.encode("ascii").translate(_NOT_WORD_BEFORE_BYTE).decode("ascii")
    # Only a space parts the pieces now: none opens with punctuation (nearly every lead) unless
    # one of them follows a space or starts the stretch, and then each piece is a word.
    spaced = " " + kept
    if " '" not in spaced and " ." not in spaced and " -" not in spaced:
        return kept.split()
    # A piece of punctuation alone ("--", "...") holds no word.
    return [
        word for piece in kept.split() if (word := piece.lstrip(_WORD_BEFORE_PUNCTUATION))
    ]


@lexicon.table
def _speech_verb_forms() -> frozenset[str]:
    """Every form of ``lexicon.speech_verbs()``, as a set (asking the read-only mapping for its
    keys costs a call each time).

    >>> "said" in _speech_verb_forms()
    True
    """
    return frozenset(lexicon.speech_verbs())


def _reports_speech(before_lower: str) -> bool:
    """Whether the words of the quote's sentence up to its mark, in its lowered lead
    ``before_lower``, hold a verb of saying (``she called it``).

    >>> _reports_speech("it rained. then she said it was"), _reports_speech("she said. it was")
    (True, False)
    """
    lead_words = _words_before(before_lower, _sentence_lead_start(before_lower))
    return not _speech_verb_forms().isdisjoint(lead_words)


def _sentence_lead_start(before: str) -> int:
    """Where ``SENTENCE_LEAD.search(before)`` matches, else ``0``: after the last end
    punctuation that white space follows, the start of the words of the quote's sentence.

    Found with ``str.rfind``: the pattern tries every start in turn.

    >>> lead = "it was over. then he called it"
    >>> lead[_sentence_lead_start(lead):], _sentence_lead_start("at 3.5 per cent")
    ('then he called it', 0)
    """
    # Compared one by one: ``max`` costs more than the three searches.
    last = before.rfind(".")
    other = before.rfind("!")
    if other > last:
        last = other
    other = before.rfind("?")
    if other > last:
        last = other
    after = before[last + 1 : last + 2]
    if last >= 0 and after.isspace() and after not in _NOT_PATTERN_SPACE:
        return last + 2
    return 0


# The answers of ``is_headline`` for the lines ``headline_at`` was asked about: the same line is
# asked about by each of its quotes and by three stages (quote kinds, attribution, reported
# speech), about three calls for two distinct lines on PolNeAR dev. The answer depends on the
# line alone, so a line read once reads the same in any article. Lines are at most
# ``_HEADLINE_LENGTH`` characters and the table is emptied when it holds ``_LINES_KEPT``: a few
# hundred kilobytes at most, whatever the text. Only a line that ``_may_be_headline`` lets
# through is kept: most lines are prose, turned down by that count of bytes (0.25 % more
# instructions over three passes of PolNeAR dev than looking them up), and kept they were a
# copy of most of an article's short paragraphs, held for the articles after it.
_LINES_KEPT = 1 << 10
_HEADLINE_OF: dict[str, bool] = {}


def headline_at(text: str, start: int, end: int) -> bool:
    """:func:`is_headline` for ``text[start:end]``, without slicing out a paragraph too long
    to be one (a long paragraph may hold many quotes, each asking)."""
    if end - start > _HEADLINE_LENGTH:
        return False
    line = text[start:end]
    answer = _HEADLINE_OF.get(line)
    if answer is None:
        if not _may_be_headline(line):
            return False
        if len(_HEADLINE_OF) >= _LINES_KEPT:
            _HEADLINE_OF.clear()
        answer = _HEADLINE_OF[line] = _reads_as_headline(line)
    return answer


def is_headline(line: str) -> bool:
    """A paragraph in title case without a full stop inside: a headline or a crosshead.

    >>> is_headline("Parents Rally To Save Ferncliffe Library"), is_headline("He said it was.")
    (True, False)
    """
    if len(line) > _HEADLINE_LENGTH or not _may_be_headline(line):
        return False
    return _reads_as_headline(line)


# A line's characters by class, for ``_may_be_headline``: ASCII capitals and ``?`` (which
# ``str.encode`` puts for every character outside ASCII, any of which may be a capital) to
# ``A``, ASCII lowercase letters to ``a``, ASCII white space (all of it splits words for
# ``str.split``) to a space, every other character to ``.``.
_HEADLINE_CLASSES = bytes(
    ord("A") if chr(byte).isupper() or chr(byte) == "?"
    else ord("a") if chr(byte).islower()
    else ord(" ") if chr(byte).isspace()
    else ord(".")
    for byte in range(128)
) + bytes(range(128, 256))


def _may_be_headline(line: str) -> bool:
    """``False`` for a line :func:`_reads_as_headline` must turn down, told by counting bytes
    (most lines asked about are prose, most of them with a curly quote or dash).

    A headline has capitalised at least 70% of its words, so at least 7/3 as many as the words
    that start with a lowercase letter: a word after ASCII white space (or at the start) that
    begins with an ASCII lowercase letter is a word, not capitalised. Each capitalised word has
    a capital of its own: in ASCII a capital letter, outside it any character (each turns into
    one ``?``). Too few of those, and the line is no headline.

    >>> _may_be_headline("Mayor \N{EN DASH} Save Our Library"), _may_be_headline("we said so")
    (True, False)
    """
    classes = line.encode("ascii", "replace").translate(_HEADLINE_CLASSES)
    lowercase_words = classes.count(b" a") + classes.startswith(b"a")
    return 3 * classes.count(b"A") >= 7 * lowercase_words


def _reads_as_headline(line: str) -> bool:
    """:func:`is_headline` once ``_may_be_headline`` has not turned the line down."""
    pieces = line.split()
    # Prose is ruled out without looking at each word: a capitalised word has a capital of its
    # own, and every all-letter piece is a word, so too few capitals cannot make 70%.
    least = 0.7 * sum(map(str.isalpha, pieces))
    if _capitals_at_most(line) < least or (not line.isascii() and _capitals(line) < least):
        return False
    words = [w for w in pieces if w.isalpha() or any(c.isalpha() for c in w)]
    if len(words) < 3 or _sentence_inside(line.rstrip(".!? ")):
        return False
    needed = 0.7 * len(words)
    # Prose fails within a few words: stop once the words left cannot reach ``needed``.
    left = len(words)
    capitalised = 0
    for word in words:
        if _first_letter(word).isupper() and TITLE_WORD.search(word, 0, None, False):
            capitalised += 1
        left -= 1
        if capitalised + left < needed:
            return False
    return capitalised >= needed


def _capitals(line: str) -> int:
    """How many characters of ``line`` are capitals (``str.isupper``); in ASCII counted by
    deleting them from its bytes, without a call per character.

    >>> _capitals("Mayor Vows To Save LIBRARY"), _capitals("\N{GREEK CAPITAL LETTER OMEGA}mega")
    (11, 1)
    """
    if line.isascii():
        return len(line) - len(line.encode("ascii").translate(None, _ASCII_CAPITALS))
    return sum(map(str.isupper, line))


def _capitals_at_most(line: str) -> int:
    """At least as many as :func:`_capitals` counts, and the same count in ASCII: the ASCII
    capitals, counted in bytes, plus every other character, any of which may be a capital.
    Most lines that are not ASCII hold a few curly quotes or dashes, and the bound rules them
    out without a call per character.

    >>> _capitals_at_most("Mayor \N{EN DASH} LIBRARY"), _capitals("Mayor \N{EN DASH} LIBRARY")
    (9, 8)
    """
    kept = line.encode("ascii", "ignore")
    return len(line) - len(kept.translate(None, _ASCII_CAPITALS))


def _first_letter(word: str) -> str:
    if word[:1].isalpha():
        return word[0]  # most words: no generator needed
    return next((c for c in word if c.isalpha()), "")


@lexicon.table
def _title_leads() -> frozenset[str]:
    """The last words of a lead ``_after_title_noun`` can hold for: the title nouns and the
    naming verbs.

    >>> {"film", "titled"} <= _title_leads()
    True
    """
    return lexicon.title_nouns() | _NAMING_VERBS


@lexicon.table
def _title_leads_by_end() -> dict[str, tuple[str, ...]]:
    """``_title_leads()`` by their last two characters (each has two or more: a test holds the
    lists to it).

    >>> "film" in _title_leads_by_end()["lm"]
    True
    """
    grouped: dict[str, list[str]] = {}
    for lead in sorted(_title_leads()):
        grouped.setdefault(lead[-2:], []).append(lead)
    return {end: tuple(leads) for end, leads in grouped.items()}


# Characters after a lead's last word that are in no word of ``WORDS_BEFORE``: neither ``\w`` nor
# in the rest of its words (``'.-`` and the right single quotation mark). A test holds them to it.
_AFTER_LAST_WORD = (
    " ,:;()[]!?\"\N{LEFT DOUBLE QUOTATION MARK}\N{RIGHT DOUBLE QUOTATION MARK}"
    "\N{LEFT SINGLE QUOTATION MARK}\N{EM DASH}\N{EN DASH}"
)


def _may_end_with_title_lead(before_lower: str) -> bool:
    """``False`` when the last of ``_words_before(before_lower, 0)`` is surely not one of
    ``_title_leads()``, told without reading the words.

    Past the characters after it that no word holds (``_AFTER_LAST_WORD``), a lead that ends
    with a letter or digit (both ``\\w``), with or without punctuation a word holds after it,
    ends with its last word. Every title lead has two characters or more and ends with a letter
    (a test holds the lists to it): one would end the stripped lead, letter for letter. Any
    other lead may end with one, and is read.

    >>> _may_end_with_title_lead('the film ("'), _may_end_with_title_lead("he said,")
    (True, False)
    """
    tail = before_lower.rstrip(_AFTER_LAST_WORD)
    # The punctuation a word may hold (a full stop ends many leads, ``she said.``).
    word_end = tail.rstrip(_WORD_BEFORE_PUNCTUATION + "\N{RIGHT SINGLE QUOTATION MARK}")
    last = word_end[-1:]
    if not (last.isalpha() or last.isdecimal()):
        return True
    if len(word_end) < len(tail):
        return False  # the last word runs on to the punctuation: no title lead ends with any
    leads = _title_leads_by_end().get(tail[-2:])
    return leads is not None and tail.endswith(leads)


def _after_title_noun(words_before: list[str], words: list[str]) -> bool:
    """``the film "…"``, ``a petition headed '…'``, ``a paper titled "…"``."""
    if not words_before or len(words) > 12:
        return False
    last = words_before[-1]
    titles = lexicon.title_nouns()
    if last in titles:
        return _title_case(words) or len(words) <= 4
    if last in _NAMING_VERBS:
        if len(words_before) >= 2 and (words_before[-2] in titles or last != "called"):
            return _title_case(words) or len(words) <= 6
    return False


def _is_nickname(before: str, after: str, words: list[str]) -> bool:
    """``Tom "Tiny" Hargreaves``: a short capitalised quote between two capitalised names."""
    if not 1 <= len(words) <= 2 or not words[0][:1].isupper():
        return False
    previous = before.rstrip().rsplit(None, 1)[-1:] if before.strip() else []
    following = after.lstrip().split(None, 1)[:1]
    return (
        bool(previous)
        and bool(following)
        and before[-1:].isspace()
        and after[:1].isspace()
        and previous[0][:1].isupper()
        and previous[0].rstrip(".").isalpha()
        and following[0][:1].isupper()
    )


def _title_case(words: list[str]) -> bool:
    """Every word capitalised, bar short function words, and not shouted in capitals."""
    capitalised = 0
    for position, word in enumerate(words):
        # ``TITLE_WORD.search(word).group()``: for an ASCII word that is letters with only
        # punctuation the pattern's word cannot hold after them (``listened,``), those letters,
        # taken without the pattern (a search costs several times as much). So too for one
        # that opens with a letter and holds apostrophes or hyphens between or after them
        # (``It's``, ``students'``): the pattern's word runs on through those.
        stem = word.rstrip(_NOT_IN_TITLE_WORD)
        if (stem.isalpha() and stem.isascii()) or (
            stem[:1].isalpha()
            and stem.isascii()
            and stem.replace("'", "").replace("-", "").isalnum()
        ):
            token = stem
        else:
            # The GIL kept: ``regex`` releases and retakes it around a search unless told
            # the call is not concurrent.
            core = TITLE_WORD.search(word, 0, None, False)
            if core is None:
                continue
            token = core.group()
        if token.isupper() and len(token) > 1:
            return False
        if token[0].isupper():
            capitalised += 1
        elif position == 0 or token.lower() not in _MINOR_WORDS:
            return False
    return capitalised >= 2


def _is_modifier(after: str, words: list[str], content: str) -> bool:
    """One lowercase word used as a modifier or name: ``300 "luxury" flats``."""
    if len(words) != 1 or not content[:1].islower() or not content[-1:].isalnum():
        return False
    following = after[:2]
    return len(following) == 2 and following[0] == " " and following[1].islower()


# The characters a quote's lead ends with when the quote starts a stretch of its own: a
# sentence or clause break, a dash or bracket, or a closing mark (one character each, so one
# ``in`` rather than ``str.endswith`` over a tuple of them).
_BOUNDARY_ENDS = (
    ":,.!?;\N{EM DASH}\N{EN DASH}-(["
    "\N{RIGHT DOUBLE QUOTATION MARK}\N{RIGHT SINGLE QUOTATION MARK}\"'"
)


def _stands_alone(before: str, before_lower: str, content: str) -> bool:
    """Whether the quote is an utterance of its own rather than words inside a sentence.

    ``before_lower`` is ``before.lower().rstrip()``: lowering changes neither which characters
    are white space nor whether the last of the others is one of ``_BOUNDARY_ENDS`` (a test
    holds every character to it), so its last character tells what ``before.rstrip()``'s does.
    """
    # Most quotes open with a letter or digit: no generator needed to find it.
    first_letter = content[0] if content[:1].isalnum() else next(
        (c for c in content if c.isalnum()), ""
    )
    if not first_letter:
        return False
    # (An empty lead is a boundary too: the empty string is in every string.)
    at_boundary = before_lower[-1:] in _BOUNDARY_ENDS
    if first_letter.isupper() or first_letter.isdigit():
        return at_boundary or _sentence_inside(content)
    if not first_letter.islower():
        return True  # a script without capitals (「…」と述べた): nothing tells a fragment apart
    # The second half of an interrupted quote ("A," she said, "b.") stands alone: its lead
    # ends with a comma, a boundary, so only a lowercase half need be looked at for it.
    if at_boundary and before_lower[-1:] == "," and INTERRUPTION_LEAD.search(
        before.rstrip(), 0, None, False
    ):
        return True
    # The cheap test first (both are pure): most lowercase quotes follow a word.
    return at_boundary and _sentence_inside(content)


def _sentence_inside(content: str) -> bool:
    """Whether ``SENTENCE_INSIDE.search(content)`` finds a sentence boundary: tried only at the
    end punctuation it starts with, found with ``str.find`` (its search tries every start).

    >>> _sentence_inside("No. We will not."), _sentence_inside("at 3.5 per cent. and more")
    (True, False)
    """
    for character in _END_PUNCTUATION:
        position = content.find(character)
        while position >= 0:
            # (Not concurrent: the GIL kept through the match, as in ``_title_case``.)
            if SENTENCE_INSIDE.match(content, position, None, False):
                return True
            position = content.find(character, position + 1)
    return False
