"""Tests for ``quoteattr.clauses``: the helpers the attribution rules share."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from quoteattr.clauses import (
    NOT_SUBJECTS,
    Context,
    Found,
    _subject_among,
    mentions_between,
    new_found,
    subject_of,
)
from quoteattr.mentions import find_mentions

from .strategies import articles


def _context(text: str) -> Context:
    mentions = find_mentions(text, [])
    starts = tuple(mention.start for mention in mentions)
    return Context(text, [], (), (), (), (), mentions, (0,), starts, (), (), {})


@given(articles(), st.integers(0, 400), st.integers(0, 400))
def test_mentions_between_keeps_the_possible_subjects_inside_the_stretch(
    text: str, start: int, length: int
) -> None:
    """``mentions_between`` reads only the last mention of the stretch's end (the mentions are
    sorted and disjoint): it gives every mention inside ``[start, end)`` that is not an object
    pronoun, as reading each one would."""
    context = _context(text)
    end = start + length
    expected = [
        index
        for index, mention in enumerate(context.mentions)
        if start <= mention.start
        and mention.end <= end
        and mention.start < end
        and text[mention.start : mention.end].lower() not in NOT_SUBJECTS
    ]
    assert mentions_between(context, start, end) == expected


def _written(context: Context, index: int) -> str:
    mention = context.mentions[index]
    return context.text[mention.start : mention.end]


def test_mentions_between_leaves_out_a_mention_running_past_the_end() -> None:
    text = "Ms Ada Obi met him and the chief executive of Westmere Council."
    context = _context(text)
    assert [_written(context, i) for i in mentions_between(context, 0, len(text))] == [
        "Ms Ada Obi",
        "the chief executive of Westmere Council",
    ]
    cut = text.index("Westmere")
    assert [_written(context, i) for i in mentions_between(context, 0, cut)] == ["Ms Ada Obi"]


@given(articles(), st.integers(0, 400))
def test_a_lone_candidate_is_the_subject(text: str, cue_start: int) -> None:
    """``subject_of`` gives a lone candidate back unread: every step of the full reading
    (``_subject_among``) that could pick another needs two candidates."""
    context = _context(text)
    before = mentions_between(context, 0, cue_start)
    for candidate in before:
        assert _subject_among(context, [candidate], cue_start) == candidate
        assert subject_of(context, [candidate], cue_start) == candidate
    if before:
        assert subject_of(context, before, cue_start) == _subject_among(context, before, cue_start)


@given(articles())
def test_new_found_builds_what_found_builds(text: str) -> None:
    """``new_found`` gives the record ``Found`` gives for the same four fields, of its type
    (the rules build it without the named tuple's ``__new__``)."""
    context = _context(text)
    for index, mention in enumerate(context.mentions):
        cue = context.cues[0] if context.cues else None
        for fields in ((index, cue, None, "unknown"), (-1, None, mention, mention.kind)):
            built = new_found(fields)
            assert type(built) is Found
            assert built == Found(*fields)
            assert (built.mention, built.cue, built.phrase, built.phrase_type) == fields
    assert new_found((3, None, None, "unknown")) == Found(3, None)
