"""The result types: frozen, slotted attrs classes whose equality includes their spans.

Every object that points into the article carries ``start``/``end`` (half-open ``str`` offsets
into the text exactly as the caller passed it) and the ``text`` those offsets slice out, so
``article.text[obj.start:obj.end] == obj.text`` holds for every quote part, speaker mention and
cue. ``to_dict`` on each type gives its piece of the JSON contract (``docs/output-format.md``).
"""

from __future__ import annotations

import json
from typing import Any, Literal

from attrs import field, frozen

QuoteKind = Literal["direct", "partial", "scare", "title", "indirect", "mixed"]
SpeakerType = Literal["person", "organisation", "anonymous", "group", "unknown"]

#: Every quote kind, in the order the docs list them.
QUOTE_KINDS: tuple[str, ...] = ("direct", "partial", "mixed", "indirect", "scare", "title")
#: Speaker types, in the order the docs list them.
SPEAKER_TYPES: tuple[str, ...] = ("person", "organisation", "anonymous", "group", "unknown")


@frozen
class Span:
    """A half-open stretch of the article: ``text == article_text[start:end]``.

    >>> Span(4, 9, "quick")
    Span(start=4, end=9, text='quick')
    >>> Span(4, 9, "quick").to_dict()
    {'start': 4, 'end': 9, 'text': 'quick'}
    """

    start: int
    end: int
    text: str

    def to_dict(self) -> dict[str, Any]:
        """The span as the JSON contract writes it: ``{"start", "end", "text"}``."""
        return {"start": self.start, "end": self.end, "text": self.text}


@frozen
class Cue:
    """The words that introduce a quote: a verb of saying (``said``, ``told reporters``) or a
    nominal cue (``according to``, ``in a statement``).

    >>> Cue("said", 10, 14).to_dict()
    {'text': 'said', 'start': 10, 'end': 14}
    """

    text: str
    start: int
    end: int

    def to_dict(self) -> dict[str, Any]:
        """The cue as the JSON contract writes it: ``{"text", "start", "end"}``."""
        return {"text": self.text, "start": self.start, "end": self.end}


@frozen
class Attribution:
    """Who said a quote: the canonical speaker plus the mention the attribution rests on.

    ``text``/``start``/``end`` is the mention the cue governs, which may be a pronoun (``he``);
    ``name`` is the canonical name of the speaker that mention belongs to (``David Cameron``).
    ``resolved_by`` names the attribution rule that decided it.

    >>> a = Attribution("s1", "David Cameron", "person", "he", 40, 42, "pronoun")
    >>> a.to_dict()["name"]
    'David Cameron'
    """

    id: str
    name: str
    type: str
    text: str
    start: int
    end: int
    resolved_by: str

    def to_dict(self) -> dict[str, Any]:
        """The attribution as the JSON contract writes a quote's ``speaker``."""
        return {
            "id": self.id,
            "name": self.name,
            "type": self.type,
            "text": self.text,
            "start": self.start,
            "end": self.end,
            "resolved_by": self.resolved_by,
        }


@frozen
class Speaker:
    """One speaker of the article: every mention of one person or body, under one name.

    >>> s = Speaker("s1", "Ada Obi", "person", (Span(0, 7, "Ada Obi"), Span(30, 36, "Ms Obi")))
    >>> [m["text"] for m in s.to_dict()["mentions"]]
    ['Ada Obi', 'Ms Obi']
    """

    id: str
    name: str
    type: str
    mentions: tuple[Span, ...]

    def to_dict(self) -> dict[str, Any]:
        """The speaker as the JSON contract writes it in the article's ``speakers`` list."""
        return {
            "id": self.id,
            "name": self.name,
            "type": self.type,
            "mentions": [
                {"text": m.text, "start": m.start, "end": m.end} for m in self.mentions
            ],
        }


def parts_text(parts: tuple[Span, ...]) -> str:
    """A quote's ``text``: the texts of its parts joined by one space.

    >>> parts_text((Span(0, 3, "One"), Span(9, 12, "two")))
    'One two'
    """
    # Most quotes have one part: its text is the join, without a generator for it.
    return parts[0].text if len(parts) == 1 else " ".join(p.text for p in parts)


def _check_parts(instance: Quote, attribute: Any, parts: tuple[Span, ...]) -> None:
    if not parts:
        raise ValueError("a Quote needs at least one part")


@frozen
class Quote:
    """One quotation (or quoted title, scare quote, reported clause) with exact spans.

    ``parts`` holds one span per contiguous run of quoted words: a quote continued over
    paragraphs, or interrupted by its attribution, has several. ``text`` is the parts' texts
    joined by one space; ``start``/``end`` run from the first part's start to the last part's
    end. ``marks`` is ``(opening, closing)`` as written (``("“", "”")``, ``("``", "''")``);
    the closing mark is ``""`` for a quote its paragraph never closed, and both are ``""`` for
    reported speech without marks. ``nested`` holds quotes inside this one. ``unresolved``
    says why ``speaker`` is ``None`` (it is ``None`` itself when a speaker was found).

    >>> q = Quote.from_parts((Span(1, 6, "Hello"),), kind="direct", marks=('"', '"'))
    >>> (q.text, q.start, q.end, q.speaker)
    ('Hello', 1, 6, None)
    """

    text: str
    start: int
    end: int
    parts: tuple[Span, ...] = field(validator=_check_parts)
    kind: str
    marks: tuple[str, str]
    confidence: float
    speaker: Attribution | None = None
    cue: Cue | None = None
    nested: tuple[Span, ...] = ()
    unresolved: str | None = None

    @classmethod
    def from_parts(
        cls,
        parts: tuple[Span, ...],
        *,
        kind: str,
        marks: tuple[str, str],
        confidence: float = 1.0,
        speaker: Attribution | None = None,
        cue: Cue | None = None,
        nested: tuple[Span, ...] = (),
    ) -> Quote:
        """Build a quote whose ``text``, ``start`` and ``end`` follow from its parts."""
        # The fields by position, in their order: a class called with keywords has them packed
        # into a dict and unpacked again for its ``__init__``, and every quote is built here.
        return cls(
            parts_text(parts),
            parts[0].start,
            parts[-1].end,
            parts,
            kind,
            marks,
            confidence,
            speaker,
            cue,
            nested,
        )

    def to_dict(self) -> dict[str, Any]:
        """The quote as the JSON contract writes it (``docs/output-format.md``)."""
        return {
            "text": self.text,
            "start": self.start,
            "end": self.end,
            "parts": [p.to_dict() for p in self.parts],
            "kind": self.kind,
            "marks": list(self.marks),
            "confidence": round(self.confidence, 3),
            "speaker": self.speaker.to_dict() if self.speaker else None,
            "cue": self.cue.to_dict() if self.cue else None,
            "nested": [n.to_dict() for n in self.nested],
            "unresolved": self.unresolved,
        }


@frozen
class Article:
    """Everything found in one article: the text as given, its quotes and its speakers.

    >>> a = Article("Nothing quoted here.", (), ())
    >>> a.to_dict()
    {'quotes': [], 'speakers': []}
    """

    text: str
    quotes: tuple[Quote, ...]
    speakers: tuple[Speaker, ...]

    def to_dict(self) -> dict[str, Any]:
        """The article's JSON contract: ``{"quotes": [...], "speakers": [...]}``.

        The text itself is left out (the caller has it); offsets index into it.
        """
        return {
            "quotes": [q.to_dict() for q in self.quotes],
            "speakers": [s.to_dict() for s in self.speakers],
        }

    def to_json(self, **kwargs: Any) -> str:
        """``to_dict()`` as a JSON string; keyword arguments go to :func:`json.dumps`.

        >>> Article("", (), ()).to_json()
        '{"quotes": [], "speakers": []}'
        """
        kwargs.setdefault("ensure_ascii", False)
        encoded = json.dumps(self.to_dict(), **kwargs)
        # A lone surrogate (text decoded with "surrogateescape") cannot be written as UTF-8;
        # inside a JSON string "\udcxx" is the escape for that same code point, so offsets
        # still slice the text read back.
        return encoded.encode("utf-8", "backslashreplace").decode("utf-8")
