"""Tests for ``quoteattr.attribution``'s shortcuts: each holds a cheap test to the rule it
stands for. The texts are our own."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from quoteattr import extract
from quoteattr.attribution import _SHORTEST_LABEL
from quoteattr.patterns import SPEAKER_LABEL

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
