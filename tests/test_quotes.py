"""Quote kinds: the helpers that stand in for a pattern's search find what the search finds."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from quoteattr import quotes
from quoteattr.patterns import SENTENCE_INSIDE, SENTENCE_LEAD
from tests.strategies import articles

_ALPHABET = [
    *".!?\N{HORIZONTAL ELLIPSIS}",
    *")]\"'(\N{RIGHT DOUBLE QUOTATION MARK}\N{LEFT DOUBLE QUOTATION MARK}",
    " ", "\n", "\t", "\x1c", "\N{NO-BREAK SPACE}", "a", "B", "7",
    "\N{LATIN CAPITAL LETTER E WITH ACUTE}",
]
_TEXTS = st.one_of(articles(), st.text(alphabet=_ALPHABET, max_size=40))


@settings(max_examples=400, deadline=None)
@given(_TEXTS)
def test_sentence_inside_is_the_patterns_search(text: str) -> None:
    assert quotes._sentence_inside(text) == (SENTENCE_INSIDE.search(text) is not None)


@settings(max_examples=400, deadline=None)
@given(_TEXTS)
def test_sentence_lead_is_the_patterns_match(text: str) -> None:
    text = text.lower()
    match = SENTENCE_LEAD.search(text)
    assert text[quotes._sentence_lead_start(text) :] == (match.group() if match else text)


@settings(max_examples=200, deadline=None)
@given(st.one_of(st.text(alphabet=[chr(code) for code in range(128)], max_size=60), st.text()))
def test_capitals_are_counted_as_isupper_counts(line: str) -> None:
    assert quotes._capitals(line) == sum(map(str.isupper, line))
