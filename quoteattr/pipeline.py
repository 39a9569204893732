"""The pipeline: text in, spans out, one stage after another (see ``docs/how-it-works.md``).

    layout → marks → quotes → (cues, mentions, speakers) → attribution → Article

Each stage is a function from the text plus the previous stages' plain data to its own; no stage
reaches into another's internals.
"""

from __future__ import annotations

import sys
from importlib.resources import files

import regex

from . import lexicon
from .attribution import attribute
from .config import DEFAULT_CONFIG, Config
from .layout import paragraphs, sentences
from .marks import pair_marks
from .model import Article, Quote, Speaker
from .quotes import build_quotes


def extract(text: str, config: Config | None = None) -> Article:
    """Find the quotations in an article and who said them.

    Args:
        text: The article as plain text, paragraphs separated by blank lines (or one per line).
            It is never changed: every span indexes into it.
        config: How to read it; ``None`` means :class:`Config` with its defaults.

    Returns:
        An :class:`Article` with the quotes in text order and the speakers.

    Raises:
        TypeError: ``text`` is not a ``str`` (decode bytes first), or ``config`` is not a
            :class:`Config`.

    >>> article = extract('"We have listened," said Ms Okafor. "And we have acted."')
    >>> [q.text for q in article.quotes]
    ['We have listened,', 'And we have acted.']
    """
    if not isinstance(text, str):
        raise TypeError(_text_type_message(text))
    if not _loaded:
        _load()
    if config is None:
        config = DEFAULT_CONFIG
    elif not isinstance(config, Config):
        raise TypeError(
            f"extract() takes a quoteattr.Config as config, got {type(config).__name__}; "
            "build one with quoteattr.Config(...) or pass None for the defaults"
        )
    paras = paragraphs(text, detect_furniture=config.skip_furniture)
    pairs = pair_marks(
        text,
        paras,
        single_marks=config.single_marks,
        continue_paragraphs=config.continue_paragraphs,
    )
    drafts = build_quotes(text, pairs, close_unclosed=config.close_unclosed)
    del pairs  # the quotes hold what they need; a long article's pairs are megabytes
    speakers: tuple[Speaker, ...] = ()
    if config.attribute_speakers:
        # Attribution makes each draft a public quote, once, with what it found, and lets
        # each draft go as it does (``drafts`` ends empty).
        quotes, speakers = attribute(
            text,
            drafts,
            paras,
            sentences(text, paras),
            resolve_pronouns=config.resolve_pronouns,
            reported_speech=bool(config.kinds & {"indirect", "mixed"}),
        )
    else:
        quotes = tuple(draft.finished(None, None, draft.confidence, None) for draft in drafts)
    del drafts
    selected = _select(quotes, config)
    kept = {quote.speaker.id for quote in selected if quote.speaker is not None}
    return Article(text, selected, tuple(s for s in speakers if s.id in kept))


# Whether the word lists are loaded (``_load``).
_loaded = False


def _load() -> None:
    """Load every word list, build every table derived from them, and give every pattern its
    first search, once: the first ``extract`` takes the time and memory of these, not
    whichever later article first needs a list, a table or a pattern the first did not."""
    global _loaded
    lexicon.load_all()
    _first_searches()
    _loaded = True


def _first_searches() -> None:
    """Search the demo article once with every ``regex`` pattern of the package's modules.

    ``regex`` keeps the buffers a pattern's match allocates for its next match: most patterns
    keep 1 to 3 KB from their first match on. Left to the articles, each pattern's buffers
    fell on the first article that used it: a fresh process's first reading of 4 KB of news
    held 3.5 times its size in them. The first extract now takes them once: 39 KB for the
    37 patterns kept by name, and 23 KB for the cue phrases' 17, which are matched as their
    table is built (``cues._phrases_by_first_word``).
    """
    sample = files("quoteattr").joinpath("data").joinpath("demo_article.txt").read_text("utf-8")
    for pattern in _patterns():
        pattern.search(sample, 0, None, False)


def _patterns() -> list[regex.Pattern[str]]:
    """Every ``regex`` pattern of ``str`` that a module of the package keeps by name."""
    found: dict[int, regex.Pattern[str]] = {}
    for name, module in list(sys.modules.items()):
        if module is None or not (name == "quoteattr" or name.startswith("quoteattr.")):
            continue
        for value in list(vars(module).values()):
            if isinstance(value, regex.Pattern) and isinstance(value.pattern, str):
                found[id(value)] = value
    return list(found.values())


def _select(quotes: tuple[Quote, ...], config: Config) -> tuple[Quote, ...]:
    return tuple(
        quote
        for quote in quotes
        if quote.kind in config.kinds and quote.confidence >= config.min_confidence
    )


def _text_type_message(value: object) -> str:
    kind = type(value).__name__
    if isinstance(value, (bytes, bytearray, memoryview)):
        return (
            f"extract() takes the article as str, got {kind}; decode it first, "
            "e.g. extract(data.decode('utf-8'))"
        )
    return f"extract() takes the article as str, got {kind}; pass the article's text"
