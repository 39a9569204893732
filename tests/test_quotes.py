"""Quote kinds: the helpers that stand in for a pattern's search find what the search finds."""

from __future__ import annotations

from unittest import mock

from hypothesis import given, settings
from hypothesis import strategies as st

from quoteattr import lexicon, quotes
from quoteattr.patterns import (
    SENTENCE_INSIDE,
    SENTENCE_LEAD,
    SPEAKER_LABEL,
    TITLE_WORD,
    WORDS_BEFORE,
)
from tests.strategies import articles

_ALPHABET = [
    *".!?\N{HORIZONTAL ELLIPSIS}",
    *")]\"'(\N{RIGHT DOUBLE QUOTATION MARK}\N{LEFT DOUBLE QUOTATION MARK}",
    " ", "\n", "\t", "\x1c", "\N{NO-BREAK SPACE}", "a", "B", "7",
    "\N{LATIN CAPITAL LETTER E WITH ACUTE}",
]
_TEXTS = st.one_of(articles(), st.text(alphabet=_ALPHABET, max_size=40))


@settings(max_examples=400, deadline=None)
@given(_TEXTS)
def test_sentence_inside_is_the_patterns_search(text: str) -> None:
    assert quotes._sentence_inside(text) == (SENTENCE_INSIDE.search(text) is not None)


@settings(max_examples=400, deadline=None)
@given(_TEXTS)
def test_sentence_lead_is_the_patterns_match(text: str) -> None:
    text = text.lower()
    match = SENTENCE_LEAD.search(text)
    assert text[quotes._sentence_lead_start(text) :] == (match.group() if match else text)


@settings(max_examples=400, deadline=None)
@given(
    st.one_of(
        _TEXTS,
        st.text(alphabet=[chr(code) for code in range(128)], max_size=60),
        st.text(alphabet="ab_9'.- \t\x1c\N{RIGHT SINGLE QUOTATION MARK}", max_size=40),
        st.text(
            alphabet="ab\u00e9'. \N{LEFT DOUBLE QUOTATION MARK}\N{RIGHT DOUBLE QUOTATION MARK}"
            "\N{LEFT SINGLE QUOTATION MARK}\N{RIGHT SINGLE QUOTATION MARK}",
            max_size=40,
        ),
    ),
    st.data(),
)
def test_words_before_are_the_patterns_words(text: str, data: st.DataObject) -> None:
    text = text.lower()
    start = data.draw(st.integers(0, len(text)))
    end = data.draw(st.one_of(st.none(), st.integers(start, len(text))))
    assert quotes._words_before(text, start, end) == WORDS_BEFORE.findall(text, start, end)


@settings(max_examples=200, deadline=None)
@given(st.one_of(st.text(alphabet=[chr(code) for code in range(128)], max_size=60), st.text()))
def test_capitals_are_counted_as_isupper_counts(line: str) -> None:
    assert quotes._capitals(line) == sum(map(str.isupper, line))


@settings(max_examples=200, deadline=None)
@given(st.one_of(st.text(alphabet=[chr(code) for code in range(128)], max_size=60), st.text()))
def test_capitals_bound_is_exact_in_ascii_and_never_below(line: str) -> None:
    bound = quotes._capitals_at_most(line)
    assert bound >= quotes._capitals(line)
    if line.isascii():
        assert bound == quotes._capitals(line)


@settings(max_examples=400, deadline=None)
@given(
    st.one_of(
        st.text(alphabet="AZab7.,'-: \t\N{RIGHT SINGLE QUOTATION MARK}\u00c9", max_size=12),
        st.text(alphabet=[chr(code) for code in range(128)], max_size=12),
        st.text(max_size=12),
    )
)
def test_no_label_opens_with_what_not_in_label_holds(text: str) -> None:
    if text[:1] in quotes._NOT_IN_LABEL or text[1:2] in quotes._NOT_IN_LABEL:
        assert SPEAKER_LABEL.match(text) is None


_HEADLINE_WORDS = st.lists(
    st.one_of(
        st.sampled_from(["Mayor", "of", "the", "Vows", "To", "\N{EN DASH}", "\u00c9cole", "NHS"]),
        st.text(alphabet="Aab?.,:'\u2019\u00c9\u00e9\u201c", min_size=1, max_size=6),
    ),
    max_size=12,
)


@settings(max_examples=400, deadline=None)
@given(
    st.one_of(
        st.builds(" ".join, _HEADLINE_WORDS),
        st.builds("\t".join, _HEADLINE_WORDS),
        st.text(alphabet=[chr(code) for code in range(128)], max_size=60),
        st.text(),
    )
)
def test_may_be_headline_never_turns_down_a_headline(line: str) -> None:
    if quotes._reads_as_headline(line):
        assert quotes._may_be_headline(line)


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet="Ab .,\u2019\u00c9\u00e9\n", max_size=240), st.data())
def test_headline_at_answers_as_is_headline_asked_again(text: str, data: st.DataObject) -> None:
    start = data.draw(st.integers(0, len(text)))
    end = data.draw(st.integers(start, len(text)))
    expected = end - start <= 200 and quotes.is_headline(text[start:end])
    assert quotes.headline_at(text, start, end) == expected
    assert quotes.headline_at(text, start, end) == expected  # the second answer, remembered


def test_headline_at_keeps_only_lines_that_may_be_headlines() -> None:
    # Prose, turned down by a count of bytes, is not kept for the articles after it.
    prose = "He said the pier would close."
    title = "Parents Rally To Save Ferncliffe Library"
    with mock.patch.object(quotes, "_HEADLINE_OF", {}):
        assert not quotes.headline_at(prose, 0, len(prose))
        assert quotes._HEADLINE_OF == {}
        assert quotes.headline_at(title, 0, len(title))
        assert {title: True} == quotes._HEADLINE_OF


@settings(max_examples=200, deadline=None)
@given(
    st.text(alphabet=" \t\n\x1c\N{NO-BREAK SPACE}\N{EM SPACE}", max_size=6),
    st.text(alphabet="Ab .,'\N{RIGHT SINGLE QUOTATION MARK}\n", max_size=30),
    st.lists(st.text(alphabet="AbC'-.,", min_size=1, max_size=8), max_size=13),
)
def test_no_lead_in_finds_nothing_before_the_mark(
    before: str, after: str, words: list[str]
) -> None:
    # ``classify_kind`` skips the tests that read the words before the mark when only white
    # space stands there: each of them finds nothing for such a lead.
    before_lower = before.lower().rstrip()
    assert before_lower == ""
    assert before_lower[-2:] not in quotes._lead_ends()
    assert not quotes._names_a_work(before_lower)
    lead_start = quotes._sentence_lead_start(before_lower)
    assert quotes._words_before(before_lower, lead_start) == []
    assert not quotes._after_title_noun([], words)
    assert not quotes._is_nickname(before, after, words)


@settings(max_examples=400, deadline=None)
@given(
    st.one_of(
        st.text(alphabet="son's' \t\N{RIGHT SINGLE QUOTATION MARK}.\n", max_size=8),
        st.text(max_size=8),
    )
)
def test_work_leads_end_as_work_lead_ends_says(lead: str) -> None:
    # ``classify_kind`` asks ``_names_a_work`` only about leads with one of these endings.
    before_lower = lead.lower().rstrip()
    if quotes._names_a_work(before_lower):
        assert before_lower[-2:] in quotes._WORK_LEAD_ENDS



def test_lead_ends_hold_every_cue_and_work_lead_end() -> None:
    # ``classify_kind`` tries a lead against the cues ``_lead_ends`` gives for its last two
    # characters, and asks ``_names_a_work`` only where it says a work may be named.
    cues = lexicon.scare_cues()
    assert all(len(cue) >= 2 for cue in cues)
    for end, (ending_cues, may_name_work) in quotes._lead_ends().items():
        assert ending_cues == tuple(cue for cue in cues if cue.endswith(end))
        assert may_name_work == (end in quotes._WORK_LEAD_ENDS)
    assert set(quotes._lead_ends()) == {cue[-2:] for cue in cues} | set(quotes._WORK_LEAD_ENDS)


def test_lowering_keeps_white_space_and_boundary_ends() -> None:
    # ``_stands_alone`` reads the end of ``before.rstrip()`` off ``before.lower().rstrip()``:
    # sound because lowering any character keeps it white space or not, never ends a character
    # that is not white space with white space, and keeps it in ``_BOUNDARY_ENDS`` or out.
    # (Lowering is per character but for a final sigma, which lowers to a sigma either way.)
    for code in range(0x110000):
        character = chr(code)
        lowered = character.lower()
        if character.isspace():
            assert lowered == character
        else:
            assert lowered and not lowered[-1].isspace()
            assert (lowered[-1] in quotes._BOUNDARY_ENDS) == (character in quotes._BOUNDARY_ENDS)


@settings(max_examples=400, deadline=None)
@given(
    st.one_of(
        st.text(
            alphabet=" \t\n,.:;-(\"'\N{RIGHT DOUBLE QUOTATION MARK}aB\u0130\u03a3", max_size=12
        ),
        st.text(max_size=12),
    )
)
def test_boundary_read_off_the_lowered_lead(before: str) -> None:
    lead = before.rstrip()
    expected = lead == "" or lead[-1] in quotes._BOUNDARY_ENDS
    assert (before.lower().rstrip()[-1:] in quotes._BOUNDARY_ENDS) == expected
    assert before.lower().rstrip().endswith(",") == lead.endswith(",")


@settings(max_examples=400, deadline=None)
@given(
    st.lists(
        st.one_of(
            st.sampled_from(["the", "film", "called", "titled", "petition", "headed", "said"]),
            st.text(alphabet="abcdefilmnt", min_size=1, max_size=8),
        ),
        max_size=4,
    ),
    st.lists(st.sampled_from(["Save", "Our", "Marsh", "the", "end", "of", "it"]), max_size=13),
)
def test_title_noun_follows_only_title_leads(words_before: list[str], words: list[str]) -> None:
    # ``classify_kind`` asks ``_after_title_noun`` only about leads that end with one of these.
    if quotes._after_title_noun(words_before, words):
        assert words_before[-1] in quotes._title_leads()


def _title_case_by_the_pattern(words: list[str]) -> bool:
    # ``_title_case`` as written with a ``TITLE_WORD`` search for every word.
    capitalised = 0
    for position, word in enumerate(words):
        core = TITLE_WORD.search(word)
        if core is None:
            continue
        token = core.group()
        if token.isupper() and len(token) > 1:
            return False
        if token[0].isupper():
            capitalised += 1
        elif position == 0 or token.lower() not in quotes._MINOR_WORDS:
            return False
    return capitalised >= 2


_TITLE_WORDS = st.lists(
    st.one_of(
        st.sampled_from(["Save", "Our", "of", "the", "NHS", "a", "Don't", "Marsh.", "it,"]),
        st.text(alphabet="Aab7'-.,!\"?:()\N{RIGHT SINGLE QUOTATION MARK}\u00e9", max_size=6),
        st.text(alphabet=[chr(code) for code in range(128)], max_size=6),
        st.text(max_size=4),
    ),
    max_size=6,
)


@settings(max_examples=600, deadline=None)
@given(_TITLE_WORDS)
def test_title_case_reads_words_as_the_pattern_does(words: list[str]) -> None:
    assert quotes._title_case(words) == _title_case_by_the_pattern(words)
    for word in words:
        # Each word's reading on its own (``_title_case`` stops at the first that rules it out).
        assert quotes._title_case([word, "Save", "Our"]) == _title_case_by_the_pattern(
            [word, "Save", "Our"]
        )


def test_title_leads_end_with_a_letter_and_lead_ends_hold_no_word() -> None:
    # ``_may_end_with_title_lead`` reads a title lead off the end of a lead letter for letter:
    # each is two characters or more that end with a letter; ``_AFTER_LAST_WORD`` holds no
    # character of a word, and a letter or digit is always ``\w``, where a word may end.
    for lead in quotes._title_leads():
        assert len(lead) >= 2 and lead[-1].isalpha()
    for character in quotes._AFTER_LAST_WORD:
        assert WORDS_BEFORE.search(character) is None
        word = WORDS_BEFORE.match("a" + character)
        assert word is not None and word.group() == "a"
    for code in range(0x110000):
        character = chr(code)
        if character.isalpha() or character.isdecimal():
            assert WORDS_BEFORE.fullmatch(character) is not None


_LEAD_PIECES = st.one_of(
    st.sampled_from(
        ["film", "the", "called", "so-called", "titled", "report", "said", "2", "ad", "x-film"]
    ),
    st.text(
        alphabet=" ,.:;-'(\"\N{RIGHT SINGLE QUOTATION MARK}\N{LEFT DOUBLE QUOTATION MARK}"
        "\N{EM DASH}\N{NO-BREAK SPACE}\t_a\u00e9\u00bd7",
        max_size=3,
    ),
)


@settings(max_examples=600, deadline=None)
@given(
    st.one_of(
        st.builds("".join, st.lists(_LEAD_PIECES, max_size=6)),
        st.builds(" ".join, st.lists(_LEAD_PIECES, max_size=6)),
        st.text(max_size=12),
    )
)
def test_title_lead_gate_passes_every_lead_ending_with_one(lead: str) -> None:
    # ``classify_kind`` reads the words before a quote for a title noun only where
    # ``_may_end_with_title_lead`` lets it.
    before_lower = lead.lower().rstrip()
    words_before = quotes._words_before(before_lower, 0)
    if words_before and words_before[-1] in quotes._title_leads():
        assert quotes._may_end_with_title_lead(before_lower)


@settings(max_examples=400, deadline=None)
@given(
    st.builds(
        " ".join,
        st.lists(
            st.one_of(
                st.sampled_from(["she", "said", "told", "it", "was", "so.", "then", "Said"]),
                st.text(alphabet="ab.!? \t'", max_size=5),
            ),
            max_size=8,
        ),
    )
)
def test_reports_speech_reads_the_words_of_the_sentence_lead(lead: str) -> None:
    before_lower = lead.lower().rstrip()
    match = SENTENCE_LEAD.search(before_lower)
    sentence = match.group() if match else before_lower
    expected = any(word in lexicon.speech_verbs() for word in WORDS_BEFORE.findall(sentence))
    assert quotes._reports_speech(before_lower) == expected


@settings(max_examples=400, deadline=None)
@given(
    st.text(alphabet=" \t,.:;-(\"'\N{RIGHT DOUBLE QUOTATION MARK}aB\u0130\u03a3", max_size=8),
    st.one_of(
        st.text(alphabet="AaZ \u00c9\u24b6\u2160\u01c5.!?,'7", max_size=8),
        st.text(max_size=8),
    ),
)
def test_capital_after_a_boundary_stands_alone(before: str, content: str) -> None:
    # ``classify_kind`` calls a quote direct without asking ``_stands_alone`` when it opens with
    # a capital letter after a boundary.
    before_lower = before.lower().rstrip()
    at_boundary = before_lower[-1:] in quotes._BOUNDARY_ENDS
    if at_boundary and content[:1].isupper() and content[0].isalpha():
        assert quotes._stands_alone(before, before_lower, content)
