"""Properties that hold for every input: spans slice back, order, shifts, no exceptions."""

from __future__ import annotations

import json
import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from quoteattr import Article, extract, reported
from quoteattr.patterns import WORD
from tests.strategies import articles

# Derandomized: CI sees the same examples every run (a failure found at random is kept below).
SETTINGS = settings(max_examples=300, deadline=None, derandomize=True)


def _spans(article: Article) -> list[tuple[int, int, str]]:
    """Every span the result holds: parts, nested quotes, speaker mentions, cues, mentions."""
    found: list[tuple[int, int, str]] = []
    for quote in article.quotes:
        found.extend((p.start, p.end, p.text) for p in (*quote.parts, *quote.nested))
        if quote.speaker is not None:
            found.append((quote.speaker.start, quote.speaker.end, quote.speaker.text))
        if quote.cue is not None:
            found.append((quote.cue.start, quote.cue.end, quote.cue.text))
    for speaker in article.speakers:
        found.extend((m.start, m.end, m.text) for m in speaker.mentions)
    return found


def _check_invariants(text: str, article: Article) -> None:
    assert article.text is text
    for start, end, piece in _spans(article):
        assert 0 <= start <= end <= len(text)
        assert text[start:end] == piece
    starts = [(quote.start, quote.end) for quote in article.quotes]
    assert starts == sorted(starts), "quotes are in text order"
    # Quotes in marks never overlap each other, nor do reported clauses; a reported clause
    # may hold quotes in marks (kind mixed).
    previous_end = {True: 0, False: 0}
    for quote in article.quotes:
        reported = quote.kind in ("indirect", "mixed")
        assert quote.start >= previous_end[reported], "quotes of one track are disjoint"
        assert quote.text == " ".join(p.text for p in quote.parts)
        assert (quote.start, quote.end) == (quote.parts[0].start, quote.parts[-1].end)
        for before, after in zip(quote.parts, quote.parts[1:], strict=False):
            assert before.end <= after.start, "parts are ordered and disjoint"
        for inner in quote.nested:
            assert quote.start <= inner.start and inner.end <= quote.end
        assert 0.0 <= quote.confidence <= 1.0
        if quote.speaker is not None:
            mention = (quote.speaker.start, quote.speaker.end)
            assert all(mention[1] <= p.start or mention[0] >= p.end for p in quote.parts), (
                "the speaker mention lies outside the quoted words"
            )
        previous_end[reported] = quote.end
    json.loads(article.to_json())


@SETTINGS
@given(st.text())
def test_any_text_returns(text: str) -> None:
    _check_invariants(text, extract(text))


@SETTINGS
@given(articles())
def test_articles_keep_their_invariants(text: str) -> None:
    article = extract(text)
    _check_invariants(text, article)
    assert extract(text) == article, "the same input gives the same output"


@SETTINGS
@given(articles())
def test_a_prefix_paragraph_shifts_every_span(text: str) -> None:
    # The prefix must stay a paragraph of its own, however the text separates paragraphs.
    blank_lines = re.search(r"\n[^\S\n]*\n", text) is not None
    separator = "\n\n" if blank_lines or "\n" not in text else "\n"
    prefix = "A plain first paragraph." + separator
    plain = _spans(extract(text))
    shifted = _spans(extract(prefix + text))
    assert shifted == [(s + len(prefix), e + len(prefix), piece) for s, e, piece in plain]


@pytest.mark.xfail(
    strict=True,
    reason="known: a Q&A article's interviewee is read from its first three paragraphs, so a "
    "paragraph put before them can change who 'I' is (found by hypothesis at random)",
)
def test_a_prefix_paragraph_before_an_interview_keeps_its_speaker() -> None:
    text = "\u200bthe.\n\n\u200bI'll: \"the.\n\nSkyLink?\n\n\u200bthe?\n\nsaid SkyLink?"
    prefix = "A plain first paragraph.\n\n"
    plain = _spans(extract(text))
    shifted = _spans(extract(prefix + text))
    assert shifted == [(s + len(prefix), e + len(prefix), piece) for s, e, piece in plain]


@settings(max_examples=300, deadline=None)
@given(st.one_of(articles(), st.text(alphabet="aZé7 '\u2019-.,\"\u201d)\n\t\u0301", max_size=40)))
def test_a_sentences_lowercase_words_are_the_patterns(text: str) -> None:
    expected = {word.lower() for word in WORD.findall(text)}
    assert reported._lowercase_words(text, 0, len(text)) == expected
