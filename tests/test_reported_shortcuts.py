"""The shortcuts of :mod:`quoteattr.reported` and :mod:`quoteattr.clauses` give what the
patterns and the word-by-word readings they skip would give, on any text."""

from __future__ import annotations

import sys

import pytest
import regex
from hypothesis import example, given, settings
from hypothesis import strategies as st

from quoteattr import reported
from quoteattr.patterns import CLAUSE_BOUNDARY, COORDINATED_VERB, RELATIVE_CLAUSE

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
