"""Hypothesis strategies: article-like text full of quotation marks, apostrophes and noise."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any, TypeVar

from hypothesis import example
from hypothesis import strategies as st

_Test = TypeVar("_Test", bound=Callable[..., Any])

# Quote marks of every convention the library knows, as (opening, closing).
MARK_PAIRS = [
    ('"', '"'),
    ("\N{LEFT DOUBLE QUOTATION MARK}", "\N{RIGHT DOUBLE QUOTATION MARK}"),
    ("'", "'"),
    ("\N{LEFT SINGLE QUOTATION MARK}", "\N{RIGHT SINGLE QUOTATION MARK}"),
    ("\N{LEFT-POINTING DOUBLE ANGLE QUOTATION MARK}", "\N{RIGHT-POINTING DOUBLE ANGLE QUOTATION MARK}"),  # noqa: E501 (a mark name cannot wrap)
    ("\N{RIGHT-POINTING DOUBLE ANGLE QUOTATION MARK}", "\N{LEFT-POINTING DOUBLE ANGLE QUOTATION MARK}"),  # noqa: E501 (a mark name cannot wrap)
    ("\N{DOUBLE LOW-9 QUOTATION MARK}", "\N{LEFT DOUBLE QUOTATION MARK}"),
    ("\N{SINGLE LOW-9 QUOTATION MARK}", "\N{LEFT SINGLE QUOTATION MARK}"),
    ("\N{LEFT CORNER BRACKET}", "\N{RIGHT CORNER BRACKET}"),
    ("``", "''"),
    ("''", "''"),
]

WORDS = [
    "the", "council", "said", "she", "he", "told", "reporters", "Mr", "Ms", "Cameron", "Okafor",
    "don't", "I'll", "it's", "rock 'n' roll", "the '90s", "'em", "O'Neill", "students'", "James'",
    "so-called", "film", "according", "to", "added", "Prime", "Minister", "a", "spokeswoman",
    "for", "SkyLink", "Advertisement", "Read more:", "Share this article", "we", "will", "not",
]
NOISE = ["\u200b", "\u200e", "\u202e", "\x00", "\x07", "\t", "\r", "\ud800", "\N{EM DASH}", "…"]


@st.composite
def sentences(draw: st.DrawFn) -> str:
    """A sentence of words, perhaps with a quote in it, perhaps with a mark missing."""
    words = draw(st.lists(st.sampled_from(WORDS), min_size=1, max_size=12))
    text = " ".join(words)
    if draw(st.booleans()):
        opening, closing = draw(st.sampled_from(MARK_PAIRS))
        quoted = " ".join(draw(st.lists(st.sampled_from(WORDS), min_size=1, max_size=8)))
        if draw(st.integers(0, 5)) == 0:
            closing = ""  # an unclosed quote
        punctuation = draw(st.sampled_from(["", ",", ".", "?", "!"]))
        text = draw(
            st.sampled_from(
                [
                    f"{opening}{quoted}{punctuation}{closing} {text}",
                    f"{text}: {opening}{quoted}{punctuation}{closing}",
                    f"{text} {opening}{quoted}{closing} {text}",
                ]
            )
        )
    if draw(st.integers(0, 6)) == 0:
        position = draw(st.integers(0, len(text)))
        text = text[:position] + draw(st.sampled_from(NOISE)) + text[position:]
    return text + draw(st.sampled_from([".", "", "?", ".\N{RIGHT DOUBLE QUOTATION MARK}"]))


@st.composite
def articles(draw: st.DrawFn) -> str:
    """Paragraphs of sentences, separated by blank lines or by single line breaks."""
    paragraphs = draw(
        st.lists(
            st.lists(sentences(), min_size=1, max_size=4).map(" ".join), min_size=1, max_size=6
        )
    )
    separator = draw(st.sampled_from(["\n\n", "\n", "\n \n\n", "\r\n\r\n"]))
    return separator.join(paragraphs)


# ---------------------------------------------------------------------------------------------
# Hostile text: what scrapers hand over. Used by tests/test_hostile.py.

# Conventions beyond MARK_PAIRS, as (opening, closing): Polish and Romanian low-high, French
# guillemets with the (narrow) no-break space typeset inside them, single guillemets both ways,
# CJK white corners, reversed-9 marks, full-width and ornamental marks, primes typed for
# quotation marks, mismatched straight and curly marks, and dialogue dashes with no closer.
EXTRA_MARK_PAIRS = [
    ("\N{DOUBLE LOW-9 QUOTATION MARK}", "\N{RIGHT DOUBLE QUOTATION MARK}"),
    ("\N{SINGLE LOW-9 QUOTATION MARK}", "\N{RIGHT SINGLE QUOTATION MARK}"),
    (
        "\N{LEFT-POINTING DOUBLE ANGLE QUOTATION MARK}\N{NO-BREAK SPACE}",
        "\N{NO-BREAK SPACE}\N{RIGHT-POINTING DOUBLE ANGLE QUOTATION MARK}",
    ),
    (
        "\N{LEFT-POINTING DOUBLE ANGLE QUOTATION MARK}\N{NARROW NO-BREAK SPACE}",
        "\N{NARROW NO-BREAK SPACE}\N{RIGHT-POINTING DOUBLE ANGLE QUOTATION MARK}",
    ),
    ("\N{SINGLE LEFT-POINTING ANGLE QUOTATION MARK}", "\N{SINGLE RIGHT-POINTING ANGLE QUOTATION MARK}"),  # noqa: E501 (a mark name cannot wrap)
    ("\N{SINGLE RIGHT-POINTING ANGLE QUOTATION MARK}", "\N{SINGLE LEFT-POINTING ANGLE QUOTATION MARK}"),  # noqa: E501 (a mark name cannot wrap)
    ("\N{LEFT WHITE CORNER BRACKET}", "\N{RIGHT WHITE CORNER BRACKET}"),
    ("\N{DOUBLE HIGH-REVERSED-9 QUOTATION MARK}", "\N{RIGHT DOUBLE QUOTATION MARK}"),
    ("\N{SINGLE HIGH-REVERSED-9 QUOTATION MARK}", "\N{RIGHT SINGLE QUOTATION MARK}"),
    ("\N{FULLWIDTH QUOTATION MARK}", "\N{FULLWIDTH QUOTATION MARK}"),
    ("\N{REVERSED DOUBLE PRIME QUOTATION MARK}", "\N{DOUBLE PRIME QUOTATION MARK}"),
    ("\N{HEAVY DOUBLE TURNED COMMA QUOTATION MARK ORNAMENT}", "\N{HEAVY DOUBLE COMMA QUOTATION MARK ORNAMENT}"),  # noqa: E501 (a mark name cannot wrap)
    ("\N{DOUBLE PRIME}", "\N{DOUBLE PRIME}"),
    ("\N{PRIME}", "\N{PRIME}"),
    ('"', "\N{RIGHT DOUBLE QUOTATION MARK}"),
    ("\N{LEFT DOUBLE QUOTATION MARK}", '"'),
    ("\N{LEFT DOUBLE QUOTATION MARK}", "\N{LEFT DOUBLE QUOTATION MARK}"),
    ("\N{RIGHT DOUBLE QUOTATION MARK}", "\N{RIGHT DOUBLE QUOTATION MARK}"),
    ("``", '"'),
    ("'", '"'),
    ("\N{EM DASH} ", ""),
    ("\N{HORIZONTAL BAR}", ""),
]
ALL_MARK_PAIRS = MARK_PAIRS + EXTRA_MARK_PAIRS

# Words with apostrophes of both kinds, elisions, possessives, plus the cues and names attribution
# looks for, and words in other scripts (cased and uncased, right-to-left, astral).
HOSTILE_WORDS = [
    *WORDS,
    "don\N{RIGHT SINGLE QUOTATION MARK}t", "\N{RIGHT SINGLE QUOTATION MARK}90s",
    "rock \N{RIGHT SINGLE QUOTATION MARK}n\N{RIGHT SINGLE QUOTATION MARK} roll",
    "\N{RIGHT SINGLE QUOTATION MARK}tis", "ne'er", "o'clock", "y'all", "Jones'", "Jones\N{RIGHT SINGLE QUOTATION MARK}",  # noqa: E501 (a mark name cannot wrap)
    "'cause", "'til", "'Allo", "goin'", "O\N{RIGHT SINGLE QUOTATION MARK}Brien", "d'Artagnan",
    "warned", "insisted", "says", "wrote", "in a statement", "tweeted", "Dr", "Mrs", "Sen.",
    "Adaeze", "Nwosu", "Halvorsen", "Councillor", "U.S.", "e.g.", "3.5", "No.", "WALLACE:",
    "\u0645\u0631\u062d\u0628\u0627", "\u05e9\u05dc\u05d5\u05dd", "\u4e2d\u6587", "\u0928\u092e\u0938\u094d\u0924\u0947",  # noqa: E501 (one list of scripts)
    "\N{LATIN CAPITAL LETTER I WITH DOT ABOVE}stanbul", "Stra\N{LATIN SMALL LETTER SHARP S}e",
    "\N{LATIN SMALL LIGATURE FI}le", "\N{MATHEMATICAL BOLD CAPITAL A}lpha", "\N{GRINNING FACE}",
    "cafe\N{COMBINING ACUTE ACCENT}", "\N{REPLACEMENT CHARACTER}",
]

# Characters that break naive code, by family. Line separators are the ones str.splitlines()
# takes besides "\n"; regex's \s matches most of them but "^"/"$" and "\n" splitting do not.
CONTROLS = [chr(c) for c in (0, 1, 7, 8, 0x0E, 0x1B, 0x1F, 0x7F, 0x80, 0x9B, 0x9F)]
LINE_SEPARATORS = ["\r", "\r\n", "\x0b", "\x0c", "\x1c", "\x1d", "\x1e", "\x85", "\u2028", "\u2029"]
LONE_SURROGATES = ["\ud800", "\udbff", "\udc80", "\udcff", "\udfff", "\ude00", "\ud83d"]
ZERO_WIDTH = ["\u200b", "\u200c", "\u200d", "\u2060", "\ufeff", "\u00ad", "\u180e", "\u034f"]
BIDI = ["\u200e", "\u200f", "\u061c", "\u202a", "\u202b", "\u202c", "\u202d", "\u202e",
        "\u2066", "\u2067", "\u2068", "\u2069"]  # fmt: skip
ODD_SPACES = ["\u00a0", "\u202f", "\u2009", "\u3000", "\u1680", "\u2007", "\t"]
NONCHARACTERS = ["\uffff", "\ufffe", "\U0010ffff", "\ufdd0"]
HOSTILE_CHARACTERS = (
    CONTROLS + LINE_SEPARATORS + LONE_SURROGATES + ZERO_WIDTH + BIDI + ODD_SPACES + NONCHARACTERS
)

#: One hostile character: from the lists above, or any control, format, surrogate, separator or
#: combining character hypothesis picks.
hostile_characters = st.one_of(
    st.sampled_from(HOSTILE_CHARACTERS),
    st.characters(categories=["Cc", "Cf", "Cs", "Co", "Zl", "Zp", "Zs", "Mn", "Me"]),
)


def _join_words(draw: st.DrawFn, low: int, high: int) -> str:
    return " ".join(draw(st.lists(st.sampled_from(HOSTILE_WORDS), min_size=low, max_size=high)))


@st.composite
def sprinkled(draw: st.DrawFn, text: str, most: int = 4) -> str:
    """``text`` with up to ``most`` hostile characters put anywhere: inside words, next to marks."""
    for _ in range(draw(st.integers(0, most))):
        position = draw(st.integers(0, len(text)))
        text = text[:position] + draw(hostile_characters) + text[position:]
    return text


@st.composite
def quotation(draw: st.DrawFn) -> str:
    """A quotation in any convention: plain, nested, interrupted by its cue, or left unclosed."""
    opening, closing = draw(st.sampled_from(ALL_MARK_PAIRS))
    words = _join_words(draw, 1, 10)
    punctuation = draw(st.sampled_from(["", ",", ".", "?", "!", "\N{HORIZONTAL ELLIPSIS}", "—"]))
    shape = draw(st.sampled_from(["plain", "nested", "interrupted", "unclosed", "glued"]))
    if shape == "nested":
        inner_open, inner_close = draw(st.sampled_from(ALL_MARK_PAIRS))
        inner = f"{inner_open}{_join_words(draw, 1, 4)}{inner_close}"
        return f"{opening}{words} {inner} {_join_words(draw, 0, 3)}{punctuation}{closing}"
    if shape == "interrupted":
        cue = draw(st.sampled_from(["she said", "said Mr Cameron", "he added", "Ms Okafor says"]))
        rest = _join_words(draw, 1, 6)
        return f"{opening}{words},{closing} {cue}, {opening}{rest}{punctuation}{closing}"
    if shape == "unclosed":
        return f"{opening}{words}{punctuation}"
    if shape == "glued":  # no space on either side: marks between letters
        return f"x{opening}{words}{closing}y"
    return f"{opening}{words}{punctuation}{closing}"


@st.composite
def hostile_sentences(draw: st.DrawFn) -> str:
    """A sentence with perhaps a quote of any convention and hostile characters anywhere."""
    lead = _join_words(draw, 0, 10)
    if draw(st.booleans()):
        quote = draw(quotation())
        lead = draw(
            st.sampled_from(
                [
                    f"{quote} {lead}",
                    f"{lead}: {quote}",
                    f"{lead} {quote} {_join_words(draw, 0, 6)}",
                    f"{lead}, {quote}",
                    quote,
                ]
            )
        )
    ending = draw(
        st.sampled_from([".", "", "?", "!", ".\N{RIGHT DOUBLE QUOTATION MARK}", ".'", "…"])
    )
    return draw(sprinkled(lead + ending))


# Paragraph separators, from the ordinary to the odd: Unicode paragraph and line separators,
# form feeds, NEL, old Mac line ends, and blank lines holding invisible characters.
PARAGRAPH_SEPARATORS = [
    "\n\n", "\n", "\r\n\r\n", "\r\n", "\r\r", "\n \n", "\n\u200b\n", "\n\t\n\n",
    "\u2029", "\u2028", "\x0c", "\x85", "\n\x0b\n", "\n\ufeff\n",
]  # fmt: skip


@st.composite
def hostile_articles(draw: st.DrawFn) -> str:
    """Paragraphs of hostile sentences under any separator, perhaps with a BOM or stray blank."""
    paragraphs = draw(
        st.lists(
            st.lists(hostile_sentences(), min_size=1, max_size=4).map(" ".join),
            min_size=1,
            max_size=6,
        )
    )
    separator = draw(st.sampled_from(PARAGRAPH_SEPARATORS))
    text = separator.join(paragraphs)
    prefix = draw(st.sampled_from(["", "", "\ufeff", "\n\n", " ", "\u202e"]))
    suffix = draw(st.sampled_from(["", "", "\n", "\n\n", "\x00", "\ud800"]))
    return prefix + text + suffix


@st.composite
def long_articles(draw: st.DrawFn) -> str:
    """Very long lines and paragraphs: a drawn sentence repeated, a giant word, a run of marks.

    Repetition keeps hypothesis's own cost small while the text reaches tens of thousands of
    characters in one paragraph or one line.
    """
    kind = draw(st.sampled_from(["sentences", "one_word", "marks", "no_punctuation", "lines"]))
    if kind == "sentences":  # one paragraph of many sentences, with quotes
        unit = draw(hostile_sentences()) + " "
        return unit * draw(st.integers(20, 120))
    if kind == "one_word":  # a single "word" with no space in it
        unit = draw(st.sampled_from(["a", "'", "\N{RIGHT SINGLE QUOTATION MARK}", "x'", "\u200b"]))
        return "Start " + unit * draw(st.integers(1_000, 20_000)) + " end."
    if kind == "marks":  # a run of marks of one or two kinds, spaced or not
        first, second = draw(st.sampled_from(ALL_MARK_PAIRS))
        gap = draw(st.sampled_from(["", " ", "a", " a "]))
        return (first + gap + second + gap) * draw(st.integers(500, 5_000))
    if kind == "no_punctuation":  # one line of words with no sentence end
        return " ".join(draw(st.sampled_from(HOSTILE_WORDS)) for _ in range(50)) * 40
    separator = draw(st.sampled_from(PARAGRAPH_SEPARATORS))
    return separator.join([draw(hostile_sentences())] * draw(st.integers(50, 400)))


#: Short strings of marks, letters, punctuation and hostile characters, densely mixed: the
#: pairing and apostrophe logic sees every neighbour a mark can have.
MARK_SOUP_ALPHABET = sorted(
    {c for pair in ALL_MARK_PAIRS for mark in pair for c in mark}
    | set("aZ .,;:!?-()[]\n\t0")
    | {"\N{EM DASH}", "\N{HORIZONTAL ELLIPSIS}", "\u2028", "\u2029", "\x00", "\u200b", "\u202e"}
    # Surrogates by number: ruff reads "\ud800" and "\udc80" as one replacement character.
    | {chr(0xD800), chr(0xDC80), "\N{COMBINING ACUTE ACCENT}"}
)
mark_soup = st.text(st.sampled_from(MARK_SOUP_ALPHABET), max_size=300)


# The pieces reported speech is read from: subjects, verbs and phrases of saying, "according
# to", relative clauses, "that", conjunctions, quotes and plain clauses. Joined in any order by
# punctuation and any kind of white space, they make the run-on and oddly spaced sentences a
# scraped page can hold, which the sentence-level rules read back and forth over.
REPORTING_PIECES = [
    "Ms Obi", "Tom Reyes", "the mayor", "the council", "a spokeswoman for the port", "she", "they",
    "him", "said", "says", "told reporters", "warned", "added that", "believes", "called for",
    "urged voters to", "according to", "according to the poll", "in a statement",
    "the statement said", "which", "who", "that", "and", "but", "so", "while", "if",
    '"the plan"', "\N{LEFT DOUBLE QUOTATION MARK}a mess\N{RIGHT DOUBLE QUOTATION MARK}",
    "'on-going case'", "the pier is safe", "the ferry would stop", "it was fine", "(",
    ")", "citing", "adding that", "was convinced that",
]  # fmt: skip


# Reporting sentences on which a frame of reported speech once gave a report with its speaker
# inside its own words (see tests/test_hostile.py and tests/test_reported_shortcuts.py).
SPEAKER_INSIDE_REPORT = (
    "Ms Obi Ms Obi Ms Obi Ms Obi, according to , was convinced that Ms Obi",
    "Ms Obi Ms Obi and adding that, according to the poll",
    "Ms Obi Ms Obi Ms Obi , citing Ms Obi said",
)


def with_examples(texts: Sequence[str]) -> Callable[[_Test], _Test]:
    """``@example(text)`` for each of ``texts``, in one decorator."""

    def decorate(test: _Test) -> _Test:
        for text in reversed(texts):
            test = example(text)(test)
        return test

    return decorate


@st.composite
def reporting_sentences(draw: st.DrawFn) -> str:
    """One long sentence of reporting pieces, perhaps ending in a stop. Each join is a mark or
    none, then a space of any kind, then perhaps a comma (``fine;`` + no-break space +
    ``, according to``)."""
    pieces = draw(st.lists(st.sampled_from(REPORTING_PIECES), min_size=1, max_size=40))
    text = pieces[0]
    for piece in pieces[1:]:
        text += (
            draw(st.sampled_from(["", "", ",", ";", ":", " \N{EM DASH}"]))
            + draw(st.sampled_from([" ", " ", *ODD_SPACES]))
            + draw(st.sampled_from(["", "", ", "]))
            + piece
        )
    return text + draw(st.sampled_from(["", ".", ".\n\n", "?"]))
