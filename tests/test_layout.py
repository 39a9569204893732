"""The sentence splitter: trying ``SENTENCE_END`` only where end punctuation starts finds what
its scan of every character finds."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from quoteattr import layout, lexicon
from quoteattr.patterns import SENTENCE_END, WORD_BEFORE
from tests.strategies import articles

_ALPHABET = [
    *".!?\N{HORIZONTAL ELLIPSIS}",
    *")]\"'\N{RIGHT DOUBLE QUOTATION MARK}\N{LEFT DOUBLE QUOTATION MARK}([",
    " ", "\n", "\t", "a", "B", "7", "\N{LATIN CAPITAL LETTER E WITH ACUTE}", ",",
]


@settings(max_examples=400, deadline=None)
@given(st.one_of(articles(), st.text(alphabet=_ALPHABET, max_size=60)), st.data())
def test_sentence_ends_are_the_patterns(text: str, data: st.DataObject) -> None:
    start = data.draw(st.integers(0, len(text)))
    end = data.draw(st.integers(start, len(text)))
    expected = [match.span() for match in SENTENCE_END.finditer(text, start, end)]
    found = layout._sentence_ends(text, start, end)
    assert [(at, after) for at, _, after in found] == expected
    spaces = [(space, after) for _, space, after in found]
    assert spaces == [match.span("space") for match in SENTENCE_END.finditer(text, start, end)]


@settings(max_examples=400, deadline=None)
@given(
    st.text(alphabet=["a", "Z", "7", "_", ".", " ", ",", "\N{LATIN SMALL LETTER E WITH ACUTE}",
                      "\N{COMBINING ACUTE ACCENT}", "\N{LEFT DOUBLE QUOTATION MARK}"], max_size=30),
    st.data(),
)
def test_word_before_is_the_patterns(text: str, data: st.DataObject) -> None:
    end = data.draw(st.integers(0, len(text)))
    start = data.draw(st.integers(max(0, end - 25), end))
    match = WORD_BEFORE.search(text, start, end)
    assert layout._word_before(text, start, end) == (None if match is None else match.group())


def test_a_character_said_to_open_no_furniture_opens_none() -> None:
    entries = sorted(lexicon.furniture_exact() | set(lexicon.furniture_prefixes()))
    for character, may_open in layout._may_open_furniture().items():
        if may_open:
            continue
        assert not any(entry.startswith(character.lower()[:1]) for entry in entries)
        for entry in entries:
            assert not layout.is_furniture(character + entry)
            assert not layout.is_furniture(character + entry.upper() + " today")


@settings(max_examples=200, deadline=None)
@given(
    st.lists(
        st.sampled_from(["Advertisement", "\N{LEFT DOUBLE QUOTATION MARK}Share this article",
                         '"Read more: it', "Read more: a plan", "(AP Photo/Ann Li)",
                         "He said so."]),
        max_size=6,
    )
)
def test_paragraphs_flag_furniture_as_is_furniture(lines: list[str]) -> None:
    text = "\n\n".join(lines)
    for paragraph in layout.paragraphs(text):
        assert paragraph.furniture == layout.is_furniture(text[paragraph.start : paragraph.end])
