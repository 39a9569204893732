"""The shortcuts of :mod:`quoteattr.reported` and :mod:`quoteattr.clauses` give what the
patterns and the word-by-word readings they skip would give, on any text."""

from __future__ import annotations

import bisect
import itertools
import sys

import pytest
import regex
from hypothesis import example, given, settings
from hypothesis import strategies as st

from quoteattr import reported
from quoteattr.clauses import Context, Found
from quoteattr.cues import CueWord, find_cues
from quoteattr.layout import paragraphs, sentences
from quoteattr.mentions import find_mentions
from quoteattr.patterns import (
    CLAUSE_BOUNDARY,
    COORDINATED_VERB,
    INTRODUCTORY,
    INTRODUCTORY_TAIL,
    RELATIVE_CLAUSE,
    tail_rules_out_introductory,
)

from .strategies import SPEAKER_INSIDE_REPORT, reporting_sentences, with_examples

SETTINGS = settings(max_examples=500, deadline=None, derandomize=True)

# Pieces that make the patterns' edge cases likely: conjunctions inside and outside words,
# every kind of space, dashes, commas, shares and numbers.
_PIECES = st.sampled_from(
    [
        "and", "but", "also", "said", "warned", "standard", "rebut", "band", "half", "behalf",
        "three-quarters", "percent", "ones", "none", "4", "%", "in", "10", "of", "voters", "most",
        " ", "  ", "\n", "\t", "\N{NO-BREAK SPACE}", "\x1c", ",", ", ", "\N{EM DASH}",
        " \N{EN DASH} ", "--", " -- ", "-", "'", ".", "\N{RIGHT SINGLE QUOTATION MARK}", "é",
        "Most", "And", "(", ")",
    ]
)
_TEXTS = st.lists(_PIECES, max_size=30).map("".join)
# Fewer pieces, so that a conjunction with a verb after it comes up often.
_CONJUNCTION_PIECES = st.sampled_from(
    ["and", "but", "also", "said", "band", "X", " ", "  ", "\n", "\t", "\N{NO-BREAK SPACE}", ","]
)
_CONJUNCTION_TEXTS = st.lists(_CONJUNCTION_PIECES, max_size=20).map("".join)


@SETTINGS
@given(_CONJUNCTION_TEXTS, st.integers(0, 5))
@example("X, and said", 0)
@example("X,\N{NO-BREAK SPACE} and also and said , but said", 0)
@example(" and said", 1)
@example("X,\n and said\x1cbut said", 0)
def test_coordinated_verbs_are_the_patterns(text: str, start: int) -> None:
    start = min(start, len(text))
    expected = [match.span() for match in COORDINATED_VERB.finditer(text, start, len(text))]
    found = reported._coordinated_verbs(text, start, len(text))
    assert [match.span() for match in found] == expected


def test_a_space_in_a_line_is_the_patterns() -> None:
    space_in_a_line = regex.compile(r"[^\S\n]")
    for code in range(sys.maxunicode + 1):
        character = chr(code)
        assert reported._space_in_a_line(character) == bool(space_in_a_line.match(character))


@SETTINGS
@given(_TEXTS, st.integers(0, 5))
def test_clause_boundaries_are_the_patterns(text: str, start: int) -> None:
    start = min(start, len(text))
    expected = [
        (match.start(), match.group("dash") is not None)
        for match in CLAUSE_BOUNDARY.finditer(text, start, len(text))
    ]
    assert reported._clause_boundaries(text, start, len(text)) == expected


@SETTINGS
@given(_TEXTS)
def test_a_lead_without_a_share_has_no_quantity_subject(lead: str) -> None:
    text = lead + " said the plan would fail."
    cue_start = len(lead) + 1
    if not reported._may_hold_share(text[max(0, cue_start - 80) : cue_start].lower()):
        with pytest.MonkeyPatch.context() as patch:
            patch.setattr(reported, "_may_hold_share", lambda window: True)
            assert reported._quantity_subject(text, 0, cue_start) is None


@SETTINGS
@given(_TEXTS, st.integers(0, 5))
@example("Most voters, 60%,", 0)
@example("On June 4, most", 0)
def test_the_share_shortcut_changes_no_quantity_subject(lead: str, start: int) -> None:
    text = lead + " said the plan would fail."
    cue_start = len(lead) + 1
    start = min(start, cue_start)
    found = reported._quantity_subject(text, start, cue_start)
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(reported, "_may_hold_share", lambda window: True)
        assert reported._quantity_subject(text, start, cue_start) == found


@SETTINGS
@given(
    st.lists(
        st.sampled_from([", who", ", whom", ",\twhich", "(", ")", "D-Ohio", "wh", ",", " ", "x"]),
        max_size=20,
    ).map("".join)
)
def test_a_relative_clause_needs_a_bracket_or_a_comma_and_wh(text: str) -> None:
    if "(" not in text and not ("wh" in text and "," in text):
        assert RELATIVE_CLAUSE.search(text) is None


# Words around quoted words, for the reports they show: verbs that name or say, "that", the
# conjunctions and conditions the content rules out, and every mark that ends a clause.
_REPORT_PIECES = st.sampled_from(
    [
        "called", "said", "described", "chanted", "that", "the", "plan", "a", "and", "if",
        "what", "Ms", "Obi", "Costly", "mistake", " ", "  ", "\n", ",", ".", "?", ";", ":",
        "\N{EM DASH}", "--", "\N{RIGHT SINGLE QUOTATION MARK}",
    ]
)
_REPORT_TEXTS = st.lists(_REPORT_PIECES, max_size=12).map(" ".join)


@SETTINGS
@given(_REPORT_TEXTS, _REPORT_TEXTS, _REPORT_TEXTS, _REPORT_TEXTS, st.booleans(), st.booleans())
@example("Ms Obi", "the plan a", "costly mistake", "on Friday .", True, True)
@example("The port", "has turned a corner ,", "Ms Obi", ".", False, True)
def test_quoted_words_content_holds_the_quoted_words(
    lead: str, middle: str, quoted: str, tail: str, cue_first: bool, to_sentence_end: bool
) -> None:
    # ``_quoted_word_reports`` in attribution skips a partial quote that a report overlaps
    # without asking for its content: any content holds the quoted words, so it would overlap.
    if cue_first:
        text = f'{lead} called {middle} "{quoted}" {tail}'
        cue_start = len(lead) + 1
        first = text.index('"')
    else:
        text = f'{lead} "{middle}" {quoted} said {tail}'
        first = text.index('"')
        cue_start = text.index(" said ", first) + 1
    last = text.index('"', first + 1) + 1
    span = reported.quoted_words_content(
        text,
        (0, len(text)),
        (cue_start, cue_start + 4 + 2 * cue_first),
        first,
        last,
        to_sentence_end=to_sentence_end,
    )
    if span is not None:
        assert span[0] <= first and span[1] >= last


def test_a_sentence_end_strips_every_space() -> None:
    """``_content_end`` strips ".", "!", ";" and exactly the characters ``str.isspace`` takes."""
    spaces = {chr(code) for code in range(sys.maxunicode + 1) if chr(code).isspace()}
    assert set(reported._SENTENCE_END) == spaces | set(".!;")


@SETTINGS
@given(_TEXTS, st.integers(0, 5))
@example("said.\u3000;\n", 0)
def test_the_sentence_end_is_the_characters_read_from_the_end(text: str, start: int) -> None:
    """The sentence's end is where the last character that is not ".", "!", ";" or a space
    stands, read back from its end."""
    start = min(start, len(text))
    stop = len(text)
    while stop > start and (text[stop - 1] in ".!;" or text[stop - 1].isspace()):
        stop -= 1
    assert reported._content_end(text, start, len(text)) == stop


@SETTINGS
@given(
    st.lists(st.tuples(st.integers(0, 60), st.integers(1, 20)), max_size=6),
    st.integers(0, 70),
    st.integers(0, 30),
)
@example([], 0, 5)
@example([(10, 5)], 0, 9)
def test_a_sentence_that_touches_no_quote_is_quoted_only_when_short(
    quotes: list[tuple[int, int]], start: int, length: int
) -> None:
    """``find_reported`` calls ``_inside_quote`` only for a sentence that starts inside the
    last quote to open by its start, has a quote open before its end, or is shorter than
    ``_FRAME_OUTSIDE_A_QUOTE``: for any other, ``_inside_quote`` says not quoted."""
    outer: list[tuple[int, int]] = []
    for quote_start, quote_length in sorted(quotes):
        if not outer or quote_start >= outer[-1][1]:  # the quotes in marks never overlap
            outer.append((quote_start, quote_start + quote_length))
    end = start + length
    before = sum(1 for quote_start, _ in outer if quote_start <= start)
    touches = (before and start < outer[before - 1][1]) or (
        before < len(outer) and outer[before][0] < end
    )
    if not touches and length >= reported._FRAME_OUTSIDE_A_QUOTE:
        assert not reported._inside_quote(tuple(outer), before - 1, start, end)


_CLAUSE_PIECES = st.sampled_from(["a", " ", ";", "?", '"', "\N{RIGHT DOUBLE QUOTATION MARK}"])


@SETTINGS
@given(st.lists(_CLAUSE_PIECES, max_size=40).map("".join), st.lists(st.integers(0, 40), max_size=8))
@example("a; b. c d; e", [0, 5, 11])
def test_the_clauses_of_sentences_are_those_of_each_sentence(text: str, cuts: list[int]) -> None:
    """``_clauses_of`` carries the next semicolon from one sentence to the next: the clauses of
    the sentences read together are those of each sentence read alone."""
    bounds = sorted({cut for cut in cuts if cut <= len(text)})
    spans = list(itertools.pairwise(bounds))
    quoted = [(2, 6), (20, 30)]
    alone = [clause for span in spans for clause in reported._clauses_of(text, [span], quoted)]
    assert list(reported._clauses_of(text, spans, quoted)) == alone


@SETTINGS
@given(st.lists(_CLAUSE_PIECES, max_size=40).map("".join), st.lists(st.integers(0, 40), max_size=8))
@example('a?" a', [0, 3, 5])
def test_a_clause_is_a_question_when_it_ends_in_a_question_mark(text: str, cuts: list[int]) -> None:
    """``_clauses_of`` reads a sentence back from its end only once a "?" stands in it: the
    flag is still whether the sentence ends in "?" before its closing marks."""
    bounds = sorted({cut for cut in cuts if cut <= len(text)})
    spans = list(itertools.pairwise(bounds))
    for start, end, question in reported._clauses_of(text, spans, [(2, 6), (20, 30)]):
        sentence = next(span for span in spans if span[0] <= start and end <= span[1])
        ending = text[sentence[0] : sentence[1]].rstrip(reported._CLOSING_MARKS)
        assert question == ending.endswith("?")


def _context(text: str, outer: tuple[tuple[int, int], ...] = ()) -> Context:
    """The context ``find_reported`` reads, with the text's own mentions and cues."""
    mentions = find_mentions(text, outer)
    cues = find_cues(text, outer)
    return Context(
        text, [], outer, (), (), cues, mentions, (0,),
        tuple(mention.start for mention in mentions), tuple(cue.start for cue in cues), (), {},
    )


# Texts where "according to" comes up often, at a sentence's start and after a comma.
_ACCORDING_PIECES = st.sampled_from(
    [
        "According to", "according to", "Ms Obi", "the poll", "the port", "said", "will close",
        "But", "Now", ",", ", ", " ", ":", ".", "the ferry is late", "in a statement", "told",
        "\N{LEFT DOUBLE QUOTATION MARK}", "\N{RIGHT DOUBLE QUOTATION MARK}",
    ]
)


@SETTINGS
@given(st.lists(_ACCORDING_PIECES, max_size=20).map(" ".join))
@example("According to Ms Obi , the ferry is late .")
@example("the ferry is late , according to the poll .")
def test_according_to_reads_only_its_own_cues(text: str) -> None:
    """``find_reported`` calls ``_according_to`` only for a sentence whose cues hold an
    "according to": with every other cue, or none, it finds nothing."""
    context = _context(text)
    others = [cue for cue in context.cues if cue.lemma != "according to"]
    for start in range(0, len(text), 7):
        assert reported._according_to(context, start, len(text), others) is None
    assert reported._according_to(context, 0, len(text), []) is None


@SETTINGS
@given(
    st.lists(st.tuples(st.integers(0, 6), st.integers(1, 8)), max_size=6),
    st.integers(0, 60),
    st.integers(0, 30),
    st.integers(0, 8),
)
@example([(0, 5), (1, 5)], 8, 10, 0)
@example([(3, 5)], 0, 20, 1)
def test_settle_steps_to_the_quotes_bisect_would_find(
    gaps: list[tuple[int, int]], start: int, length: int, before: int
) -> None:
    """``_settle`` counts the quotes that start by the report's start by stepping from any
    count the caller has (its clause's), to the count ``bisect`` gives."""
    text = "The port will close, Ms Obi said on Friday after the vote in May. " * 2
    outer = []
    position = 0
    for gap, size in gaps:
        position += gap
        outer.append((position, position + size))
        position += size
    context = _context(text, tuple(outer))
    end = start + length if start + length <= len(text) else len(text)
    cue = CueWord(21, 27, "said", "say", "verb")
    report = reported.Report(start, end, cue, Found(-1, cue), "reported_clause")
    exact = bisect.bisect_right(context.outer, (start, len(text)))
    expected = reported._settle(context, report, exact)
    assert reported._settle(context, report, before if before <= len(outer) else len(outer)) == (
        expected
    )


@SETTINGS
@given(
    st.lists(_ACCORDING_PIECES, max_size=12).map("".join), st.integers(0, 40), st.integers(1, 40)
)
@example("\N{LEFT DOUBLE QUOTATION MARK}No,\N{RIGHT DOUBLE QUOTATION MARK} said", 0, 5)
@example("\N{LEFT DOUBLE QUOTATION MARK}\N{RIGHT DOUBLE QUOTATION MARK}, said", 1, 1)
def test_a_quote_that_closes_its_own_sentence_is_no_mixed_clause(
    text: str, start: int, length: int
) -> None:
    """``_quote_then_words`` reads the character before the quote's closing marks back from
    the quote's end: a quote whose last four characters (within the sentence) are all marks,
    or end in punctuation before them, never goes on in the writer's words."""
    start = min(start, len(text))
    quote_end = min(start + length, len(text))
    if quote_end <= start:
        return
    near = max(quote_end - 4, start)
    last = text[near:quote_end].rstrip(reported._CLOSING_QUOTES)[-1:]
    context = _context(text)
    if not last or last in ",.?!;:":
        assert not reported._quote_then_words(context, quote_end, start, len(text))


# Quotes with commas, participles and "who" clauses inside them and after them.
_INSIDE_PIECES = st.sampled_from(
    [
        "\N{LEFT DOUBLE QUOTATION MARK}", "\N{RIGHT DOUBLE QUOTATION MARK}", "Ms Obi", "Tom Reyes",
        "the mayor", "said", "saying", "adding that", "who said", "who added", "citing", "the port",
        "will close", "the vote", ",", ", ", " ", "."
    ]
)


@SETTINGS
@given(
    st.lists(_INSIDE_PIECES, max_size=24).map(" ".join), st.integers(0, 60), st.integers(0, 60)
)
@example(
    "\N{LEFT DOUBLE QUOTATION MARK} the mayor , saying the port will close , who added that the"
    " vote will close . \N{RIGHT DOUBLE QUOTATION MARK} Ms Obi said",
    2,
    76,
)
def test_a_sentence_inside_a_quote_without_a_cue_reports_nothing(
    text: str, start: int, length: int
) -> None:
    """``find_reported`` skips a sentence that lies inside one quote in marks and holds no cue:
    then the frames it would try (the participle's, then ``_quote_then_words``) find nothing."""
    outer = []
    opening = text.find("\N{LEFT DOUBLE QUOTATION MARK}")
    while opening >= 0:
        closing = text.find("\N{RIGHT DOUBLE QUOTATION MARK}", opening)
        if closing < 0:
            break
        outer.append((opening, closing + 1))
        opening = text.find("\N{LEFT DOUBLE QUOTATION MARK}", closing)
    context = _context(text, tuple(outer))
    start = min(start, len(text))
    end = min(start + length, len(text))
    before = bisect.bisect_right(context.outer, (start, len(text)))
    quote_end = context.outer[before - 1][1] if before else 0
    cues = [cue for cue in context.cues if start <= cue.start < end]
    if quote_end < end or cues:
        return
    sentence = reported._content(text, start, end)
    stop = start + len(sentence)
    assert reported._participle_clause(context, start, stop, cues, sentence) is None
    if start < quote_end:
        assert not reported._quote_then_words(context, quote_end, start, stop)


@settings(max_examples=300, deadline=None)
@given(
    st.text(alphabet=st.sampled_from(list("ab ,.\t\u00a0But")), max_size=60),
    st.text(alphabet=st.sampled_from(list("ab ,\t\u00a0")), min_size=1, max_size=30),
)
@example("In recent weeks, ", "x")
def test_introductory_never_matches_a_lead_whose_tail_holds_more_than_white_space(
    head: str, tail: str
) -> None:
    # attribution._sentence_subject and reported._starts_sentence turn down a lead longer than
    # twice INTRODUCTORY_TAIL without matching it, when its last INTRODUCTORY_TAIL characters
    # hold anything but white space (tail_rules_out_introductory): INTRODUCTORY could not match it.
    lead = head + "x" * (2 * INTRODUCTORY_TAIL) + tail
    if tail_rules_out_introductory(lead, 0, len(lead)):
        assert INTRODUCTORY.match(lead, 0, None, False) is None


# Sentences full of the words the frames after ``_in_poll`` start from or look up, with marks
# before and inside words.
_FRAME_PIECES = st.sampled_from(
    [
        "believes", "Believed", "thinks", "vowed", "urged", "called", "calls", "named", "who",
        "praising", "criticized", "talked about", "claim", "e-mailed", "found", "shows", "that",
        "said", "told", "added", "is", "promising",
        "the council", "Ms Obi", "it", "to", "for", "on", "a plan", "will close", "the pier",
        " ", " ", " ", ", ", ".", "-", "'", "\N{RIGHT SINGLE QUOTATION MARK}", "\N{EM DASH}",
        "\N{LEFT DOUBLE QUOTATION MARK}", "\N{NO-BREAK SPACE}", "é", "s",
    ]
)


@SETTINGS
@given(st.lists(_FRAME_PIECES, max_size=24).map("".join))
@example("Ms Obi believes that the pier will close.")
@example("'-believes -\N{RIGHT SINGLE QUOTATION MARK}vowed e-mailed")
def test_the_frames_read_a_sentence_by_the_words_they_look_up(sentence: str) -> None:
    # find_reported gives the frames only a sentence's words that one of them starts from or
    # looks up (``_frame_reading``): each frame reads the same with those as with all its words.
    runs = reported._ascii_runs(sentence)
    everything = reported._lowercase_words(sentence, 0, len(sentence))
    if runs is None:
        return  # read piece by piece, all the words kept
    kept = reported._frame_reading(runs)
    assert kept == everything & reported._frame_vocabulary()
    context = _context(sentence)
    stop = len(sentence)
    for frame in (
        reported._belief_clause,
        reported._bare_belief,
        reported._stance,
        reported._naming,
        reported._object_stance,
    ):
        assert frame(context, 0, stop, kept) == frame(context, 0, stop, everything), frame


@settings(max_examples=300, deadline=None)
@given(st.lists(reporting_sentences(), min_size=1, max_size=3).map("".join))
@with_examples(SPEAKER_INSIDE_REPORT)
def test_no_frame_reports_its_speaker_inside_its_words(text: str) -> None:
    """No frame of ``find_reported`` gives a report whose speaker's mention lies in its own
    words. Attribution drops such a report, so the output's invariants cannot show a frame that
    makes one: this holds the frames themselves (the examples are three that did)."""
    context = _context(text)
    for report in reported.find_reported(context, sentences(text, paragraphs(text))):
        found = report.found
        speaker = context.mentions[found.mention] if found.mention >= 0 else found.phrase
        if speaker is not None:
            assert speaker.end <= report.start or speaker.start >= report.end, report
