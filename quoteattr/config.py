"""The one configuration object. Its defaults serve English news; change it with ``attrs.evolve``.

>>> from attrs import evolve
>>> config = evolve(Config(), kinds=frozenset({"direct"}))
>>> sorted(config.kinds)
['direct']
"""

from __future__ import annotations

from typing import Any

from attrs import field, frozen

from .model import QUOTE_KINDS


def _check_kinds(instance: Any, attribute: Any, value: frozenset[str]) -> None:
    if not isinstance(value, frozenset):
        raise TypeError(
            f"Config.kinds must be a collection of kind names such as {{'direct', 'partial'}}, "
            f"got {value!r}"
        )
    if not value:
        raise ValueError(f"Config.kinds is empty; choose from {list(QUOTE_KINDS)}")
    unknown = sorted(value - set(QUOTE_KINDS), key=repr)
    if unknown:
        raise ValueError(
            f"Config.kinds holds unknown kinds {unknown}; choose from {list(QUOTE_KINDS)}"
        )


def _check_unit(instance: Any, attribute: Any, value: float) -> None:
    message = f"Config.{attribute.name} must be a number from 0 to 1, got {value!r}"
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        raise TypeError(message)
    if not 0.0 <= value <= 1.0:
        raise ValueError(message)


def _check_bool(instance: Any, attribute: Any, value: bool) -> None:
    if not isinstance(value, bool):
        raise TypeError(f"Config.{attribute.name} must be True or False, got {value!r}")


def _to_kinds(value: Any) -> Any:
    # Accept any iterable of names (a list from a CLI flag, a set) but not a bare string,
    # which would silently become a set of letters.
    if isinstance(value, (str, bytes)):
        raise TypeError(f"Config.kinds must be a collection of kind names, got {value!r}")
    try:
        return frozenset(value)
    except TypeError:
        return value


@frozen
class Config:
    """How :func:`quoteattr.extract` reads an article. Every field is checked when built.

    Attributes:
        kinds: The kinds of quote returned. Default: all of ``direct``, ``partial``, ``mixed``,
            ``indirect``, ``scare`` and ``title``. Pass e.g. ``{"direct", "partial"}`` to keep
            only quotations in marks (reported speech is then not even looked for). The CLI's
            ``--kinds`` sets it.
        min_confidence: Quotes whose confidence is below this are left out. Default ``0.0``.
        single_marks: Read single marks (``'…'``, ``‘…’``) as quotation marks when they pair
            up, not only as apostrophes. Default ``True``; British news needs it.
        continue_paragraphs: Join a quote left open at a paragraph's end to the next paragraph
            when that paragraph opens with a mark of the same kind. Default ``True``.
        close_unclosed: A double mark its paragraph never closed (and the next paragraph did
            not continue) still yields a quote ending with that paragraph, at lower confidence,
            where a forgotten closing mark is the likely story: the mark opens the paragraph or
            follows a colon or comma, and the paragraph ends a sentence or is the article's
            last. Default ``True``. Unclosed single marks never do: they are too often
            apostrophes.
        skip_furniture: Recognise page furniture ("Share this article", "Advertisement",
            "Read more: …", photo captions) and keep it out of quotes. Default ``True``.
        attribute_speakers: Find cues, speakers and reported speech. With ``False`` only
            detection of quotes in marks runs: every ``speaker`` and ``cue`` stays ``None`` and
            no ``indirect``/``mixed`` quote is returned. Default ``True``.
        resolve_pronouns: Resolve ``he``/``she``/``they`` to an earlier mention. With
            ``False`` a pronoun speaker is left unresolved (``speaker`` is ``None``). Default
            ``True``.
    """

    kinds: frozenset[str] = field(
        default=frozenset(QUOTE_KINDS), converter=_to_kinds, validator=_check_kinds
    )
    min_confidence: float = field(default=0.0, validator=_check_unit)
    single_marks: bool = field(default=True, validator=_check_bool)
    continue_paragraphs: bool = field(default=True, validator=_check_bool)
    close_unclosed: bool = field(default=True, validator=_check_bool)
    skip_furniture: bool = field(default=True, validator=_check_bool)
    attribute_speakers: bool = field(default=True, validator=_check_bool)
    resolve_pronouns: bool = field(default=True, validator=_check_bool)


DEFAULT_CONFIG = Config()
