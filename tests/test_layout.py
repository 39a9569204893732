"""The sentence splitter: trying ``SENTENCE_END`` only where end punctuation starts finds what
its scan of every character finds."""

from __future__ import annotations

import sys

from hypothesis import given, settings
from hypothesis import strategies as st

from quoteattr import layout, lexicon
from quoteattr.patterns import BLANK_LINE, LINE_BREAK, SENTENCE_END, WORD_BEFORE
from tests.strategies import articles

_ALPHABET = [
    *".!?\N{HORIZONTAL ELLIPSIS}",
    *")]\"'\N{RIGHT DOUBLE QUOTATION MARK}\N{LEFT DOUBLE QUOTATION MARK}([",
    *"\N{RIGHT SINGLE QUOTATION MARK}\N{LEFT SINGLE QUOTATION MARK}",
    *"\N{RIGHT-POINTING DOUBLE ANGLE QUOTATION MARK}\N{LEFT-POINTING DOUBLE ANGLE QUOTATION MARK}",
    "\N{DOUBLE LOW-9 QUOTATION MARK}",
    " ", "\n", "\t", "a", "B", "7", "\N{LATIN CAPITAL LETTER E WITH ACUTE}", ",",
]


@settings(max_examples=400, deadline=None)
@given(st.one_of(articles(), st.text(alphabet=_ALPHABET, max_size=60)), st.data())
def test_sentence_ends_are_the_patterns(text: str, data: st.DataObject) -> None:
    start = data.draw(st.integers(0, len(text)))
    end = data.draw(st.integers(start, len(text)))
    expected = [match.span() for match in SENTENCE_END.finditer(text, start, end)]
    found = layout._sentence_ends(text, [layout.Paragraph(start, end, False)])
    assert [(at, after) for at, _, after in found] == expected
    spaces = [(space, after) for _, space, after in found]
    assert spaces == [match.span("space") for match in SENTENCE_END.finditer(text, start, end)]


def test_quick_sentence_ends_are_the_patterns() -> None:
    # Each closing mark and sentence start the quick reading of ``_sentence_ends`` knows is one
    # the pattern takes there, with and without a closing mark, and ends the match where it does.
    for closing in ["", *layout._CLOSING]:
        for first in layout._SENTENCE_STARTS:
            text = f"Yes.{closing} {first}o"
            match = SENTENCE_END.search(text)
            assert match is not None and match.span() == (3, 5 + len(closing)), text
            found = layout._sentence_ends(text, [layout.Paragraph(0, len(text), False)])
            assert found == [(3, 4 + len(closing), 5 + len(closing))], text


@settings(max_examples=400, deadline=None)
@given(st.one_of(articles(), st.text(alphabet=_ALPHABET, max_size=60)), st.data())
def test_sentence_ends_of_many_spans_are_each_spans(text: str, data: st.DataObject) -> None:
    # One walk over several spans (in order, apart, perhaps empty or with gaps between them)
    # finds what the pattern finds in each span alone.
    cuts = sorted(data.draw(st.lists(st.integers(0, len(text)), max_size=8)))
    spans = [
        layout.Paragraph(start, end, False)
        for start, end in zip(cuts[::2], cuts[1::2], strict=False)  # an odd cut is left out
    ]
    expected = [
        (match.start(), match.start("space"), match.end())
        for span in spans
        for match in SENTENCE_END.finditer(text, span.start, span.end)
    ]
    assert layout._sentence_ends(text, spans) == expected


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
        # Built with ``tuple.__new__``: the same record as the NamedTuple's constructor builds.
        assert type(paragraph) is layout.Paragraph
        assert type(paragraph.furniture) is bool
        assert paragraph == layout.Paragraph(*paragraph)


def test_furniture_final_characters_strip_the_same_before_lowercasing() -> None:
    # ``is_furniture`` strips its final punctuation before lowercasing, not after: exact only
    # because each of those characters is its own lowercase and no other character's lowercase
    # ends with one. It also skips the look-up of a paragraph longer than the longest entry,
    # because no character's lowercase is empty.
    final = frozenset(layout._FINAL)
    assert all(character.lower() == character for character in final)
    for code in range(sys.maxunicode + 1):
        lowered = chr(code).lower()
        assert lowered
        assert chr(code) in final or lowered[-1] not in final


def test_furniture_prefixes_hold_no_sigma() -> None:
    # ``is_furniture`` lowercases only a paragraph's opening to match the prefixes: the one
    # lowercase that depends on what follows is a capital sigma's.
    entries = lexicon.furniture_prefixes()
    assert not [entry for entry in entries if {"\N{GREEK SMALL LETTER SIGMA}",
                                                "\N{GREEK SMALL LETTER FINAL SIGMA}"} & set(entry)]


def _is_furniture_as_read(paragraph: str) -> bool:
    """``is_furniture`` as its rule reads, lowercasing the whole paragraph first."""
    if len(paragraph) > 300:
        return False
    lowered = paragraph.strip().lower().rstrip(layout._FINAL)
    if lowered in lexicon.furniture_exact():
        return True
    return any(lowered.startswith(prefix) for prefix in lexicon.furniture_prefixes()) and (
        len(lowered.split()) <= 30
    )


@settings(max_examples=400, deadline=None)
@given(
    st.lists(
        st.one_of(
            st.sampled_from(sorted(lexicon.furniture_exact() | set(lexicon.furniture_prefixes()))),
            st.text(alphabet=[*layout._FINAL, "\N{GREEK CAPITAL LETTER SIGMA}", "\N{KELVIN SIGN}",
                              "\N{LATIN CAPITAL LETTER I WITH DOT ABOVE}", "A", "\t", "\n", "S"],
                    max_size=8),
            st.sampled_from([" word", " more words to count", "\N{EM DASH}"]),
        ).map(lambda part: part.upper() if len(part) % 3 == 0 else part),
        max_size=5,
    ).map("".join)
)
def test_is_furniture_is_its_rule(paragraph: str) -> None:
    assert layout.is_furniture(paragraph) == _is_furniture_as_read(paragraph)


def test_sentences_go_on_past_abbreviations_and_initials() -> None:
    # A full stop after a listed abbreviation, an initial or dotted initials ends no sentence;
    # one after any other word, or another end punctuation after an initial, does.
    text = "Dr. Ada F. Lee met G.K. Ward. Then J! They left.\n\nWe e.g. Go."
    assert [text[start:end] for start, end in layout.sentences(text, layout.paragraphs(text))] == [
        "Dr. Ada F. Lee met G.K. Ward.", "Then J!", "They left.", "We e.g. Go.",
    ]


_BREAK_ALPHABET = [
    "a", "B", ".", "\n", " ", "\t", "\r", "\x0b", "\x0c", "\x1c", "\x1f", "\x85", "\xa0",
    "\N{LINE SEPARATOR}", "\N{PARAGRAPH SEPARATOR}", "\N{IDEOGRAPHIC SPACE}",
]


@settings(max_examples=500, deadline=None)
@given(st.one_of(articles(), st.text(alphabet=_BREAK_ALPHABET, max_size=40)))
def test_paragraphs_lie_between_the_splitters_matches(text: str) -> None:
    # ``paragraphs`` asks only the line breaks whether a break starts there: it finds what
    # splitting at the matches of ``BLANK_LINE`` (or, without a blank line, ``LINE_BREAK``)
    # finds, each paragraph stripped of its outer white space, the blank ones dropped.
    splitter = BLANK_LINE if BLANK_LINE.search(text) else LINE_BREAK
    bounds = [0, *(at for match in splitter.finditer(text) for at in match.span()), len(text)]
    expected = []
    for begin, finish in zip(bounds[::2], bounds[1::2], strict=True):
        while begin < finish and text[begin].isspace():
            begin += 1
        while finish > begin and text[finish - 1].isspace():
            finish -= 1
        if begin < finish:
            expected.append((begin, finish))
    found = layout.paragraphs(text, detect_furniture=False)
    assert [(start, end) for start, end, _ in found] == expected


@settings(max_examples=400, deadline=None)
@given(
    st.text(alphabet=[*"abmrsidAMR. \N{LATIN SMALL LETTER E WITH ACUTE}"], max_size=12),
    st.data(),
)
def test_a_full_stop_after_a_plain_ending_ends_no_abbreviation(
    text: str, data: st.DataObject
) -> None:
    # ``sentences`` does not ask ``_is_abbreviation`` about a full stop after a pair of
    # ``_plain_word_endings``: it would say no.
    dot = data.draw(st.integers(2, len(text))) if len(text) >= 2 else 2
    text = text[:dot] + "." + text[dot:]
    floor = data.draw(st.integers(0, dot - 2))
    if text[dot - 2 : dot] in layout._plain_word_endings():
        assert not layout._is_abbreviation(text, dot, floor, lexicon.abbreviations())


def test_plain_word_endings_end_no_abbreviation() -> None:
    for abbreviation in lexicon.abbreviations():
        assert abbreviation[-2:] not in layout._plain_word_endings()
    assert "id" in layout._plain_word_endings()
