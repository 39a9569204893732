"""The mark finder: looking for each mark character with ``str.find`` finds what ``MARK`` finds."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from quoteattr import marks
from quoteattr.patterns import MARK
from tests.strategies import MARK_SOUP_ALPHABET, articles


@settings(max_examples=400, deadline=None)
@given(
    st.one_of(
        articles(),
        st.text(alphabet=[*MARK_SOUP_ALPHABET, *marks._MARK_CHARACTERS, "a", " "], max_size=60),
    )
)
def test_mark_spans_are_the_patterns(text: str) -> None:
    assert marks._mark_spans(text) == [match.span() for match in MARK.finditer(text)]
