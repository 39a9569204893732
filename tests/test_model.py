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
