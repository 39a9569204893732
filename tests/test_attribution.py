"""Tests for ``quoteattr.attribution``'s shortcuts: each holds a cheap test to the rule it
stands for. The texts are our own."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from quoteattr import extract
from quoteattr.attribution import _CREDIT_MARKS, _SHORTEST_LABEL, _outer_spans
from quoteattr.model import Span
from quoteattr.patterns import CREDIT_LEAD, SPEAKER_LABEL
from quoteattr.quotes import QuoteDraft

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
