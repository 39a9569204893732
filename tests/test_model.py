"""The result types: the cheaper ways the pipeline builds them build the same objects."""

from __future__ import annotations

import attrs
from hypothesis import given, settings
from hypothesis import strategies as st

from quoteattr import model


def test_span_has_the_plain_fields_new_span_sets() -> None:
    # ``new_span`` sets the three slots directly: it is exact only while ``Span`` checks,
    # converts and defaults nothing, in this order.
    fields = attrs.fields(model.Span)
    assert [field.name for field in fields] == ["start", "end", "text"]
    for field in fields:
        assert field.validator is None
        assert field.converter is None
        assert field.default is attrs.NOTHING


@settings(max_examples=100, deadline=None)
@given(st.integers(), st.integers(), st.text())
def test_new_span_is_the_span_its_class_builds(start: int, end: int, text: str) -> None:
    built = model.new_span(start, end, text)
    expected = model.Span(start, end, text)
    assert type(built) is model.Span
    assert built == expected
    assert hash(built) == hash(expected)
    assert repr(built) == repr(expected)


def test_quote_fields_are_the_ones_new_quote_sets() -> None:
    fields = attrs.fields(model.Quote)
    assert [field.name for field in fields] == [
        "text", "start", "end", "parts", "kind", "marks", "confidence",
        "speaker", "cue", "nested", "unresolved",
    ]
    for field in fields:
        assert field.converter is None
        assert field.validator is None or field.name == "parts"


def test_new_quote_is_the_quote_its_class_builds() -> None:
    parts = (model.Span(1, 3, "Hi"), model.Span(9, 12, "you"))
    speaker = model.Attribution("s1", "Ada Obi", "person", "she", 20, 23, "cue_after")
    cue = model.Cue("said", 24, 28)
    fields = ("Hi you", 1, 12, parts, "direct", ('"', '"'), 0.5, speaker, cue, parts[:1], "x")
    built, expected = model.new_quote(*fields), model.Quote(*fields)
    assert type(built) is model.Quote
    assert (built, hash(built), repr(built)) == (expected, hash(expected), repr(expected))
    one = model.Quote.from_parts(parts[:1], kind="partial", marks=("'", "'"))
    assert one == model.Quote("Hi", 1, 3, parts[:1], "partial", ("'", "'"), 1.0)
