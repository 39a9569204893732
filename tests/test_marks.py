"""The mark finder: looking for each mark character with ``str.find`` finds what ``MARK`` finds."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from quoteattr import lexicon, marks
from quoteattr.layout import paragraphs
from quoteattr.patterns import MARK
from tests.strategies import MARK_SOUP_ALPHABET, articles, mark_soup


@settings(max_examples=400, deadline=None)
@given(
    st.one_of(
        articles(),
        st.text(alphabet=[*MARK_SOUP_ALPHABET, *marks._MARK_CHARACTERS, "a", " "], max_size=60),
    )
)
def test_mark_spans_are_the_patterns(text: str) -> None:
    assert marks._mark_spans(text) == [match.span() for match in MARK.finditer(text)]


def _classified_tokens(text: str, single_marks: bool) -> list[tuple[int, int, object]]:
    """What ``_tokens`` stands for: ``classify`` asked about every mark, apostrophes left out,
    runs of more than ``_LONGEST_RUN`` glued marks dropped."""
    runs: list[list[tuple[int, int]]] = []
    for start, end in marks._mark_spans(text):
        if runs and runs[-1][-1][1] == start:
            runs[-1].append((start, end))
        else:
            runs.append([(start, end)])
    tokens: list[tuple[int, int, object]] = []
    for run in runs:
        if len(run) > marks._LONGEST_RUN:
            continue
        for start, end in run:
            roles = marks.classify(text, start, end, lexicon.elisions())
            if roles is not None and (single_marks or not marks._only_single(roles)):
                tokens.append((start, end, roles))
    return tokens


@settings(max_examples=400, deadline=None)
@given(
    st.one_of(
        articles(),
        st.text(alphabet=[*MARK_SOUP_ALPHABET, *marks._MARK_CHARACTERS, "a", "s", "n", " "]),
    ),
    st.booleans(),
)
def test_tokens_read_each_mark_as_classify_does(text: str, single_marks: bool) -> None:
    # Read with the remembered contexts emptied, then again with them filled.
    marks._ROLES_BY_CONTEXT.clear()
    expected = _classified_tokens(text, single_marks)
    assert marks._tokens(text, lexicon.elisions(), single_marks) == expected
    assert marks._tokens(text, lexicon.elisions(), single_marks) == expected



@settings(max_examples=200, deadline=None)
@given(st.one_of(articles(), mark_soup))
def test_pairs_are_the_records_the_constructor_builds(text: str) -> None:
    # ``_close`` builds each pair with ``tuple.__new__``: the same record as ``Pair(...)``.
    for pair in marks.pair_marks(text, paragraphs(text)):
        assert type(pair) is marks.Pair
        assert pair == marks.Pair(*pair)
        assert type(pair.closed) is bool and type(pair.final) is bool
