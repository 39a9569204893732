"""Hypothesis strategies: article-like text full of quotation marks, apostrophes and noise."""

from __future__ import annotations

from hypothesis import strategies as st

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
