"""Tests for ``quoteattr.attribution``'s shortcuts: each holds a cheap test to the rule it
stands for. The texts are our own."""

from __future__ import annotations

import pytest
from attrs import evolve
from hypothesis import given
from hypothesis import strategies as st

from quoteattr import attribution, extract
from quoteattr.attribution import _CREDIT_MARKS, _SHORTEST_LABEL, _inside_reports, _outer_spans
from quoteattr.clauses import Context, Found
from quoteattr.cues import find_cues
from quoteattr.mentions import find_mentions
from quoteattr.model import Attribution, Quote, Span
from quoteattr.patterns import CREDIT_LEAD, SPEAKER_LABEL
from quoteattr.quotes import QuoteDraft
from quoteattr.reported import Report

from .strategies import articles

# Characters a speaker label is made of, and some it is not.
_LABEL_CHARS = "AZÉab.'\u2019 -:\t\n1"


@given(st.text(alphabet=_LABEL_CHARS, max_size=12), st.integers(0, 12))
def test_no_speaker_label_is_shorter_than_the_shortcut_says(text: str, pos: int) -> None:
    """``_transcript_label`` skips the match when fewer than ``_SHORTEST_LABEL`` characters
    stand between the opening mark and the quoted words: no label is shorter."""
    label = SPEAKER_LABEL.match(text, pos)
    assert label is None or len(label.group()) >= _SHORTEST_LABEL


def test_the_shortest_label_is_found() -> None:
    assert SPEAKER_LABEL.fullmatch("AB: ") is not None
    article = extract('The hearing went on.\n\n"JO: We will not move."')
    assert [
        (q.text, q.speaker and (q.speaker.text, q.speaker.resolved_by)) for q in article.quotes
    ] == [("We will not move.", ("JO", "transcript_label"))]


def test_a_credit_line_opens_as_the_shortcut_says() -> None:
    """``_credit_line`` skips the match unless the character after the mark (after one space)
    is one of ``_CREDIT_MARKS`` or white space other than a line break: every character a
    credit line may open with is one of those."""
    for code in range(0x3100):
        char = chr(code)
        if CREDIT_LEAD.match(char) is not None:
            assert char in _CREDIT_MARKS
        if CREDIT_LEAD.match(char + ":") is not None:
            assert char in _CREDIT_MARKS or (char.isspace() and char != "\n")
    assert all(CREDIT_LEAD.fullmatch(mark) is not None for mark in _CREDIT_MARKS)


def test_a_credit_line_after_spaces_is_found() -> None:
    article = extract('"We will build it."  \N{EM DASH} Ana Ruiz, mayor')
    assert [
        (q.speaker and q.speaker.name, q.speaker and q.speaker.resolved_by) for q in article.quotes
    ] == [("Ana Ruiz", "credit_line")]


@given(
    st.text(alphabet='ab "\u201c\u201d\u00ab\u00bb', max_size=80),
    st.integers(0, 80),
    st.integers(0, 80),
    st.sampled_from([('"', '"'), ("\u201c", "\u201d"), ("\u00ab ", " \u00bb"), ("", "")]),
)
def test_outer_spans_take_the_nearest_marks(
    text: str, start: int, length: int, marks: tuple[str, str]
) -> None:
    """``_outer_spans`` reads a mark right beside the quote by a slice: it is the last opening
    mark within 60 characters before the quote and the first closing one within 8 after it."""
    start = min(start, len(text))
    end = min(start + length, len(text))
    draft = QuoteDraft((Span(start, end, text[start:end]),), "direct", marks, 1.0, ())
    opening, closing = marks
    outer_start, outer_end = start, end
    if opening and (found := text.rfind(opening, max(0, start - 60), start)) >= 0:
        outer_start = found
    if closing and (found := text.find(closing, end, end + 8)) >= 0:
        outer_end = found + len(closing)
    assert _outer_spans(text, [draft]) == ((outer_start, outer_end),)


def _speaker(ident: str) -> Attribution:
    return Attribution(ident, "Someone", "person", "x", 0, 1, "cue_before")


def _one_part(
    text: str, start: int, length: int, kind: str, marks: tuple[str, str], who: str
) -> Quote:
    """A quote of one part, ``text[start:start + length]``, said by ``who`` (none if empty)."""
    return Quote.from_parts(
        (Span(start, start + length, text[start : start + length]),),
        kind=kind,
        marks=marks,
        speaker=_speaker(who) if who else None,
    )


@given(
    st.lists(st.tuples(st.integers(1, 6), st.sampled_from(["direct", "partial"])), max_size=8),
    st.lists(st.sampled_from(["", "a", "b"]), max_size=8),
    st.lists(
        st.tuples(st.integers(0, 60), st.integers(1, 30), st.sampled_from(["mixed", "indirect"])),
        max_size=5,
    ),
    st.lists(st.sampled_from(["", "a", "b"]), max_size=5),
)
def test_inside_reports_reads_only_the_quotes_in_mixed_reports(
    quote_shapes: list[tuple[int, str]],
    quote_speakers: list[str],
    report_shapes: list[tuple[int, int, str]],
    report_speakers: list[str],
) -> None:
    """``_inside_reports`` walks each mixed report's quotes, found by bisection: it gives what
    looking up, for every partial quote, the last mixed report starting at or before it does
    (a report that holds the quote's start lends it its speaker and cue)."""
    text = "w" * 100
    quotes, position = [], 0
    for index, (length, kind) in enumerate(quote_shapes):
        position += 1
        who = quote_speakers[index] if index < len(quote_speakers) else ""
        quotes.append(_one_part(text, position, length, kind, ('"', '"'), who))
        position += length
    reports = []
    for index, (start, length, kind) in enumerate(report_shapes):
        who = report_speakers[index] if index < len(report_speakers) else ""
        reports.append(_one_part(text, start, length, kind, ("", ""), who))
    reports.sort(key=lambda report: (report.start, report.end))
    mixed = [report for report in reports if report.kind == "mixed"]
    expected = []
    for quote in quotes:
        holders = [report for report in mixed if report.start <= quote.start]
        holder = holders[-1] if holders and quote.start < holders[-1].end else None
        if (
            quote.kind == "partial"
            and holder is not None
            and holder.speaker is not None
            and (quote.speaker is None or quote.speaker.id != holder.speaker.id)
        ):
            speaker = evolve(holder.speaker, resolved_by="inside_reported_speech")
            quote = evolve(quote, speaker=speaker, cue=holder.cue, unresolved=None)
        expected.append(quote)
    starts = [quote.start for quote in quotes]
    assert _inside_reports(tuple(quotes), starts, reports) == expected


# Pronouns and words of saying glued together every way the two finders might split them.
_PRONOUN_OR_CUE_PIECES = [
    "he", "she", "her", "his", "it", "its", "they", "their", "we", "us", "I", "me", "my",
    "said", "told", "says", "asked", "according to", "in a statement", "as he put it",
    "Her", "HE", "Said", "'s", "-", "'", "\u2019", ".", ",", " ", " ", "Ms Obi", "the mayor",
]


@given(st.lists(st.sampled_from(_PRONOUN_OR_CUE_PIECES), max_size=14).map("".join))
def test_no_cue_starts_inside_a_pronoun(text: str) -> None:
    """``attribute`` drops a cue that starts inside a mention, looking it up among all the
    mentions, pronouns included: that is the same as among the names and descriptions only
    because no cue starts inside a pronoun."""
    pronouns = [m for m in find_mentions(text, []) if m.kind == "pronoun"]
    for cue in find_cues(text, []):
        assert not any(m.start <= cue.start < m.end for m in pronouns), (cue, pronouns)


@given(st.one_of(articles(), st.lists(st.sampled_from(_PRONOUN_OR_CUE_PIECES)).map("".join)))
def test_a_cue_opens_with_no_white_space(text: str) -> None:
    """``_cue_after`` takes the character leading after a quote from the cue itself when only
    white space comes before it: a cue is never empty nor opens with white space."""
    for cue in find_cues(text, []):
        assert cue.text and not cue.text[0].isspace() and text[cue.start] == cue.text[0]


def test_a_report_whose_speaker_lies_in_its_words_is_dropped(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # Whatever frame misreads a sentence so, attribution keeps the output's promise: the
    # speaker's mention lies outside the words quoted (no report rather than a wrong one).
    text = "Ms Ada Obi said the pier was safe."

    def misread(context: Context, sentences: object) -> tuple[Report, ...]:
        cue = context.cues[0]
        return (Report(0, len(text) - 1, cue, Found(0, cue), "reported_clause"),)

    assert [q.text for q in extract(text).quotes] == ["the pier was safe"]
    monkeypatch.setattr(attribution, "find_reported", misread)
    assert extract(text).quotes == ()


def test_a_headline_takes_no_speaker_from_inside_a_later_quote() -> None:
    # The headline rule reads "…, X Says" after the paragraph's last comma; here that comma
    # opens an unclosed quote, and "The Mayor" lies inside it.
    text = 'Ferry Row: "No Deal" On Fares,"Then The Mayor Said No'
    article = extract(text)
    assert article.quotes[0].text == "No Deal"
    for quote in article.quotes:
        if quote.speaker is not None:
            at = quote.speaker.start
            assert not any(other.start <= at < other.end for other in article.quotes), quote
