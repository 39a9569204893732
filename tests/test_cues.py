"""The cue finder: skipping the inside of quotes finds what scanning every word finds."""

from __future__ import annotations

import pytest
import regex
from hypothesis import given, settings
from hypothesis import strategies as st

from quoteattr import cues, lexicon
from quoteattr.cues import CueWord, find_cues
from quoteattr.patterns import WORD, WORD_BEFORE_CUE
from tests.strategies import articles


def _every_word(text: str, quoted: list[tuple[int, int]]) -> tuple[CueWord, ...]:
    """The cues as a scan of every word of the text finds them, quoted words dropped."""
    verbs = lexicon.speech_verbs()
    phrases = cues._phrases_by_first_word()
    found: list[CueWord] = []
    skip = 0
    for match in WORD.finditer(text):
        word, start = match.group().lower(), match.start()
        if start < skip or any(begin <= start < end for begin, end in quoted):
            continue
        phrase = cues._longest_phrase(text, start, phrases.get(word))
        if phrase is not None:
            lemma, end, kind = phrase
            found.append(CueWord(start, end, text[start:end], lemma, kind))
            skip = end
        elif word in verbs and not cues._after_determiner(text, start):
            found.append(CueWord(start, match.end(), match.group(), verbs[word], "verb"))
    return tuple(found)


def test_words_glued_to_a_quote_are_read_whole() -> None:
    text = (
        "He said'no' and she told-'them' so; "
        "\N{LEFT DOUBLE QUOTATION MARK}I said\N{RIGHT DOUBLE QUOTATION MARK}s said Ann."
    )
    quoted = [(7, 11), (25, 31), (37, 45)]
    assert find_cues(text, quoted) == _every_word(text, quoted)
    assert [cue.text for cue in find_cues(text, quoted)] == ["said"]


@settings(max_examples=300, deadline=None)
@given(
    st.one_of(articles(), st.text(alphabet="said told 'x\"-\N{RIGHT SINGLE QUOTATION MARK}.")),
    st.data(),
)
def test_skipping_quotes_finds_what_every_word_finds(text: str, data: st.DataObject) -> None:
    edges = sorted(data.draw(st.lists(st.integers(0, len(text)), max_size=6)))
    quoted = list(zip(edges[::2], edges[1::2], strict=False))
    assert find_cues(text, quoted) == _every_word(text, quoted)


@settings(max_examples=200, deadline=None)
@given(articles(), st.data())
def test_overlapping_quotes_are_walked(text: str, data: st.DataObject) -> None:
    # Spans in order of their starts but not apart: ``_outside`` leaves some in the stretches,
    # and ``find_cues`` walks the quotes for the words found in them.
    edges = st.integers(0, len(text))
    spans = sorted(data.draw(st.lists(st.tuples(edges, edges), max_size=5)))
    quoted = [(start, end) for start, end in spans if start <= end]
    assert find_cues(text, quoted) == _every_word(text, quoted)


@pytest.mark.parametrize(
    "text",
    [
        "She spoke in a statement on Monday.",
        "She spoke In A Statement on Monday.",
        "She spoke in\N{NO-BREAK SPACE}a statement on Monday.",
        "She spoke in\ta\nstatement on Monday.",
        "She spoke in astatement, in a1 statement, in a\N{LATIN SMALL LETTER E WITH ACUTE}.",
        "It was, according to Ann, over; according\N{EM SPACE}to Bob it was not.",
        "He told reporters; he told-reporters; he told\N{KELVIN SIGN}ids; in",
        "in 2020, in-house, in\N{LEFT DOUBLE QUOTATION MARK}a statement",
    ],
)
def test_phrases_are_found_as_their_patterns_find_them(text: str) -> None:
    assert find_cues(text, []) == _every_word(text, [])


# Pieces to build texts from: cue words in several cases, words that are none, and every kind
# of character the fast path and the pattern read differently.
_FRAGMENTS = [
    "said", "Said", "SAID", "told", "e-mail", "to", "according", "aZ", "\N{KELVIN SIGN}", "é",
    "\N{COMBINING ACUTE ACCENT}", "7", " ", " ", "'", "\u2019", "-", ".", ",", '"', "\u201d", ")",
    "\n", "\t",
]


@settings(max_examples=300, deadline=None)
@given(
    st.one_of(articles(), st.lists(st.sampled_from(_FRAGMENTS), max_size=30).map("".join)),
    st.data(),
)
def test_words_read_without_the_pattern_are_the_patterns(text: str, data: st.DataObject) -> None:
    start = data.draw(st.integers(0, len(text)))
    end = data.draw(st.integers(start, len(text)))
    stretches = [(0, start), (start, end), (end, len(text))]
    wanted = cues._cue_words()
    every = [
        (match.start(), match.end(), match.group(), match.group().lower())
        for stretch_start, stretch_end in stretches
        for match in WORD.finditer(text, stretch_start, stretch_end)
        if match.group().lower() in wanted
    ]
    found = list(cues._words(text, stretches))
    assert found == [word for word in every if word in found]
    # What is left out is only the first word of phrases that ``_may_go_on`` finds go nowhere.
    verbs = lexicon.speech_verbs()
    for _, end, _, lower in (word for word in every if word not in found):
        assert lower not in verbs
        assert not cues._may_go_on(text, end, cues._second_words().get(lower))


def _after_determiner_by_pattern(text: str, start: int) -> bool:
    """``cues._after_determiner`` as first written, by the pattern alone: the reference."""
    previous = WORD_BEFORE_CUE.search(text, max(0, start - 24), start)
    if previous is None:
        return False
    word = previous.group(1).lower()
    return word in cues._DETERMINERS or word.endswith(cues._POSSESSIVE)


@settings(max_examples=400, deadline=None)
@given(
    st.lists(
        st.sampled_from(
            ["the", "The", "Ann's", "Ann\u2019s", "boys'", "x" * 30, "said", " ", "  ", "\t",
             "\N{NO-BREAK SPACE}", "'", "\u2019", "é", "-", ",", "7", "\x1c",
             "\N{RIGHT DOUBLE QUOTATION MARK}", "\N{EM DASH}"]
        ),
        max_size=8,
    ),
    st.data(),
)
def test_after_determiner_reads_as_its_pattern(parts: list[str], data: st.DataObject) -> None:
    text = "".join(parts) + "said"
    start = data.draw(st.integers(0, len(text)))
    assert cues._after_determiner(text, start) == _after_determiner_by_pattern(text, start)


@pytest.mark.parametrize("mark", sorted(cues._MARKS_BEFORE_WORD))
def test_marks_before_a_word_are_in_no_word_before_a_cue(mark: str) -> None:
    # Neither a character of the word ``WORD_BEFORE_CUE`` reads nor white space after it.
    assert WORD_BEFORE_CUE.search(f"a{mark} ") is None
    after_mark = WORD_BEFORE_CUE.search(f"{mark}a ")
    assert after_mark is not None and after_mark.group(1) == "a"
    assert WORD_BEFORE_CUE.search(f"a{mark}") is None


def _may_go_on_by_characters(text: str, end: int, second_words: frozenset[str]) -> bool:
    """``cues._may_go_on`` as first written, character by character: the reference."""
    spaces = frozenset(" \t\n\r\x0b\x0c\x1c\x1d\x1e\x1f")
    size = len(text)
    position = end
    while position < size and text[position] in spaces:
        position += 1
    if position == size:
        return False
    if position == end or not text[position].isascii():
        return not text[position].isascii()
    run_end = position
    while run_end < size and text[run_end].isascii() and text[run_end].isalpha():
        run_end += 1
    if run_end < size and not text[run_end].isascii():
        return True
    return text[position:run_end].lower() in second_words


@settings(max_examples=400, deadline=None)
@given(
    st.lists(
        st.sampled_from(
            ["to", "TO", "them", " ", "\t", "\n", "é", ",", "-", "?", "'", "x" * 70, " " * 70]
        ),
        max_size=6,
    ),
    st.data(),
)
def test_may_go_on_reads_as_by_characters(parts: list[str], data: st.DataObject) -> None:
    text = "according" + "".join(parts)
    end = data.draw(st.integers(0, len(text)))
    second = frozenset({"to", "with"})
    expected = _may_go_on_by_characters(text, end, second)
    found = cues._may_go_on(text, end, second)
    # Past its window it may leave the decision to the pattern (true), never wrongly rule out.
    assert found == expected or (found and len(text) - end > cues._LOOK_AHEAD)


def _alternation(first: str) -> regex.Pattern[str]:
    """The phrases of ``first`` as one alternation, longest first: what the tree replaces."""
    ordered = sorted(cues._phrases_by_first_word()[first][1], key=lambda form: -len(form))
    alternatives = "|".join(r"\s++".join(map(regex.escape, form.split())) for form in ordered)
    return regex.compile(rf"(?:{alternatives})\b", regex.IGNORECASE)


_PHRASE_WORDS = sorted(
    {word for _, forms in cues._phrases_by_first_word().values() for form in forms
     for word in form.split()}
)


_BETWEEN_WORDS = [" ", " ", " ", "  ", "\n", "\N{NO-BREAK SPACE}", "-", ",", "", "\N{KELVIN SIGN}"]
_FORMS = sorted(form for _, forms in cues._phrases_by_first_word().values() for form in forms)


@settings(max_examples=500, deadline=None)
@given(
    st.sampled_from(_FORMS),
    st.integers(0, 5),
    st.lists(st.sampled_from(_PHRASE_WORDS), max_size=3),
    st.data(),
)
def test_phrase_tree_matches_as_the_alternation(
    form: str, keep: int, more: list[str], data: st.DataObject
) -> None:
    # A phrase, perhaps cut short or run on, its words apart by space or something else.
    words = form.split()[: max(1, keep)] + more if keep else form.split() + more
    between = [data.draw(st.sampled_from(_BETWEEN_WORDS)) for _ in words]
    text = "".join(word + gap for word, gap in zip(words, between, strict=True))
    text = text.upper() if data.draw(st.booleans()) else text
    first = form.split()[0]
    found = cues._longest_phrase(text, 0, cues._phrases_by_first_word()[first])
    alternation = _alternation(first).match(text)
    assert (found and found[1]) == (alternation and alternation.end())
    if found is not None and alternation is not None:
        assert found[0] == cues._phrases_by_first_word()[first][1][
            " ".join(alternation.group().lower().split())
        ][0]


def test_sought_words_are_the_cue_words_as_searched_for() -> None:
    dead_ends = cues._dead_ends()
    assert {
        word: (lower, b" " + word + b" ", len(word), word in dead_ends)
        for word, lower in cues._cue_words_folded().items()
    } == cues._sought_words()


def test_a_stretch_with_many_cue_words_is_read_run_by_run() -> None:
    # More distinct cue words than ``_words`` searches for one by one.
    verbs = sorted(word for word in lexicon.speech_verbs() if word.isalpha())
    verbs = verbs[: cues._SOUGHT_MOST + 8]
    text = " and ".join(
        f"{verb.upper() if index % 3 else verb}," for index, verb in enumerate(verbs)
    )
    text += " 'said -told e-mail\N{RIGHT SINGLE QUOTATION MARK}s"
    text += " caf\N{LATIN SMALL LETTER E WITH ACUTE} told"
    stretches = [(0, 40), (40, len(text))]
    expected = [
        (match.start(), match.end(), match.group(), match.group().lower())
        for stretch_start, stretch_end in stretches
        for match in WORD.finditer(text, stretch_start, stretch_end)
        if match.group().lower() in cues._cue_words()
    ]
    assert len(expected) > cues._SOUGHT_MOST
    assert list(cues._words(text, stretches)) == expected


def test_first_words_sharing_a_pattern_match_apart() -> None:
    # The first words with the same initial share one pattern (``_phrases_by_first_word``):
    # of its phrases only those of the word at hand can match where the word stands, as each
    # first word is followed by white space, which none holds. A phrase of one word ends at a
    # word boundary instead, so no other first word may begin with it.
    table = cues._phrases_by_first_word()
    alone = {form for _, forms in table.values() for form in forms if len(form.split()) == 1}
    for first in table:
        for word in alone:
            assert first == word or not first.startswith(word), (first, word)
    assert len({id(pattern) for pattern, _ in table.values()}) < len(table) / 4
