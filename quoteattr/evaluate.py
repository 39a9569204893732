"""Evaluation: score predicted quotes against gold annotations.

The project is measured by a reference scorer kept beside its data (``shared/eval/score.py``).
This module gives the same figures from inside the package, so ``quoteattr evaluate`` needs
nothing that is not shipped. Every definition follows the reference, down to the order of its
greedy matching; ``scripts/check_scorer_agreement.py`` checks that the two agree on every figure.
The definitions, in plain words, are in ``docs/evaluation.md``:

* Every quote is cut into paragraph segments (a quote continued over paragraphs counts once per
  paragraph), and each segment is trimmed of white space and punctuation at both ends.
* Direct track: gold ``direct`` and ``partial`` quotes, plus the quoted words inside a gold
  ``mixed`` (or ``indirect``) item, against every predicted quote whose kind is not ``indirect``,
  ``mixed``, ``scare``, ``title`` or ``nested``. Gold ``scare``, ``title`` and ``nested`` items
  are "don't care": a prediction lying on one, and touching no direct gold, is not counted.
* Matching is one-to-one and greedy: each gold segment, in order, takes the best predicted
  segment still free, the first one on a tie. *Exact* is the same trimmed span; *overlap* is a
  Jaccard index of at least 0.5.
* A speaker is right when the predicted mention overlaps an annotated mention of the gold
  speaker, or when the names share their words once titles are dropped. A bare pronoun as the
  predicted name never counts.
* Indirect track: gold ``indirect`` and ``mixed`` against predicted ``indirect`` and ``mixed``,
  by overlap.

The patterns below use the standard library's ``re``, not ``regex`` as the pipeline does, on
purpose: the two modules disagree on ``\\w`` (``regex`` also takes combining marks and
superscript digits) and on ``\\s``, and these figures must be the reference's to the last digit.
"""

from __future__ import annotations

import argparse
import io
import json
import re
import sys
from collections.abc import Callable, Iterable, Mapping, Sequence
from pathlib import Path
from typing import Any, TextIO, TypedDict

from attrs import fields, frozen

from .config import Config
from .pipeline import extract

#: A JSON object as read from a gold or prediction file.
Doc = dict[str, Any]
#: A half-open ``(start, end)`` stretch of an article's text.
Interval = tuple[int, int]

#: White space and punctuation trimmed from both ends of every segment before comparing.
TRIM_CHARS = frozenset(
    " \t\r\n,.;:!?-'\""
    "\N{HORIZONTAL ELLIPSIS}\N{EM DASH}\N{EN DASH}"
    "\N{LEFT DOUBLE QUOTATION MARK}\N{RIGHT DOUBLE QUOTATION MARK}"
    "\N{LEFT SINGLE QUOTATION MARK}\N{RIGHT SINGLE QUOTATION MARK}"
    "\N{LEFT-POINTING DOUBLE ANGLE QUOTATION MARK}\N{RIGHT-POINTING DOUBLE ANGLE QUOTATION MARK}"
)

# The words dropped from a name before comparing, and the pronouns that never count as a name.
# They belong to the scoring definition, not to the pipeline's word lists in ``data/``: editing
# a list the extractor reads must never move the yardstick, so they are fixed here.
TITLE_WORDS = frozenset({
    "mr", "mrs", "ms", "miss", "mx", "dr", "sir", "dame", "lord", "lady", "prof", "professor",
    "rev", "the", "a", "an", "president", "prime", "minister", "pm", "councillor", "councilman",
    "councilwoman", "mayor", "detective", "inspector", "chief", "executive", "director",
    "senator", "rep", "representative", "gov", "governor", "judge", "justice",
})
PRONOUN_WORDS = frozenset({"he", "she", "they", "it", "we", "i", "you", "him", "her", "them"})

#: Gold kinds that are neither counted nor held against a prediction.
DONT_CARE_KINDS = frozenset({"scare", "title", "nested"})
#: Gold kinds of the direct track.
DIRECT_KINDS = frozenset({"direct", "partial"})
#: Gold and predicted kinds of the indirect track.
INDIRECT_KINDS = frozenset({"indirect", "mixed"})
#: Predicted kinds left out of the direct track.
NOT_DIRECT_KINDS = INDIRECT_KINDS | DONT_CARE_KINDS

#: The least Jaccard index of an overlap match.
MIN_OVERLAP = 0.5

# Quoted words inside a reported clause. Linear time without possessive quantifiers (which
# Python 3.10's re lacks): each content class excludes every mark of its family, so a failed
# attempt scans only to the next mark, and backtracking into it can find no mark to end on.
_INNER_QUOTE = re.compile(
    r"""
      ["\N{LEFT DOUBLE QUOTATION MARK}]                  # straight or opening double mark
      ([^"\N{LEFT DOUBLE QUOTATION MARK}\N{RIGHT DOUBLE QUOTATION MARK}]+)
      ["\N{RIGHT DOUBLE QUOTATION MARK}]                 # straight or closing double mark
    | (?<!\w)['\N{LEFT SINGLE QUOTATION MARK}]           # single mark not ending a word
      ([^'\N{LEFT SINGLE QUOTATION MARK}\N{RIGHT SINGLE QUOTATION MARK}]+)
      ['\N{RIGHT SINGLE QUOTATION MARK}](?!\w)           # single mark not inside a word
    """,
    re.VERBOSE,
)

# A paragraph break: a line break, optional spaces or tabs, a line break, then any white space.
_PARAGRAPH_BREAK = re.compile(r"\n[ \t]*\n\s*")

# A possessive ending ("Smith's", "Smith’s"), dropped before a name is cut into words.
_POSSESSIVE = re.compile(r"['\N{RIGHT SINGLE QUOTATION MARK}]s\b")

# A word of a name: word characters, apostrophes and hyphens ("O'Neill", "Achebe-Ross").
_NAME_WORD = re.compile(r"[\w'-]+")


class Scores(TypedDict):
    """The figures of a run: exactly the keys of ``score.py --json``, floats rounded to 4 places.

    ``*_P``, ``*_R``, ``*_F1`` are precision, recall and F1; ``d_*`` and ``i_*`` are the raw
    counts of the direct and the indirect track (see :class:`Counts`).
    """

    direct_exact_P: float
    direct_exact_R: float
    direct_exact_F1: float
    direct_overlap_P: float
    direct_overlap_R: float
    direct_overlap_F1: float
    speaker_acc: float
    e2e_P: float
    e2e_R: float
    e2e_F1: float
    indirect_P: float
    indirect_R: float
    indirect_F1: float
    indirect_e2e_F1: float
    d_gold: int
    d_pred: int
    d_tp_exact: int
    d_tp_overlap: int
    d_spk_ok: int
    d_e2e: int
    i_gold: int
    i_pred: int
    i_tp: int
    i_e2e: int


class SpanText(TypedDict):
    """A trimmed segment and the text it covers."""

    start: int
    end: int
    text: str


class MissedQuote(TypedDict):
    """A gold segment no prediction matched exactly; ``found`` is its overlap match, if any."""

    start: int
    end: int
    text: str
    found: SpanText | None


class WrongSpeaker(TypedDict):
    """A gold segment found (by overlap) with a wrong speaker."""

    start: int
    end: int
    text: str
    gold: list[str]
    predicted: str | None


class DocReport(TypedDict):
    """One document's direct track: its counts and what went wrong.

    ``gold``, ``pred``, ``exact`` and ``speaker_ok`` are the reference's per-document counts;
    ``overlap`` counts overlap matches; ``spurious`` lists predicted segments matched by neither
    exact nor overlap matching.
    """

    gold: int
    pred: int
    exact: int
    overlap: int
    speaker_ok: int
    missed: list[MissedQuote]
    wrong_speaker: list[WrongSpeaker]
    spurious: list[SpanText]


@frozen
class Counts:
    """The raw counts behind every figure, summed over documents.

    Attributes:
        d_gold: Gold segments of the direct track.
        d_pred: Predicted segments of the direct track.
        d_tp_exact: Exact matches.
        d_tp_overlap: Overlap matches.
        d_spk_ok: Overlap matches whose speaker is right.
        d_e2e: Exact matches whose speaker is right (end to end).
        i_gold: Gold items of the indirect track.
        i_pred: Predicted segments of the indirect track.
        i_tp: Overlap matches of the indirect track.
        i_e2e: Indirect matches whose speaker is right.

    >>> (Counts(d_gold=2) + Counts(d_gold=1, i_tp=1)).d_gold
    3
    """

    d_gold: int = 0
    d_pred: int = 0
    d_tp_exact: int = 0
    d_tp_overlap: int = 0
    d_spk_ok: int = 0
    d_e2e: int = 0
    i_gold: int = 0
    i_pred: int = 0
    i_tp: int = 0
    i_e2e: int = 0

    def __add__(self, other: Counts) -> Counts:
        """Field by field sum."""
        return Counts(
            **{f.name: getattr(self, f.name) + getattr(other, f.name) for f in fields(Counts)}
        )


class EvaluationInputError(ValueError):
    """A gold or prediction file that cannot be used; the message names the file and line.

    >>> str(EvaluationInputError("gold.jsonl", 3, "not valid JSON"))
    'gold.jsonl:3: not valid JSON'
    """

    def __init__(self, path: str, line: int | None, problem: str) -> None:
        where = path if line is None else f"{path}:{line}"
        super().__init__(f"{where}: {problem}")
        self.path = path
        self.line = line
        self.problem = problem


# --- reading files -------------------------------------------------------------------------


def load_jsonl(path: str | Path, validate: Callable[[Doc], None] | None = None) -> list[Doc]:
    """Read one JSON object per line; blank lines are skipped.

    Args:
        path: The file, UTF-8.
        validate: Called on each object; a ``ValueError`` it raises is reported with the line.
            :func:`check_gold_document` and :func:`check_prediction_document` fit here.

    Returns:
        The objects in file order.

    Raises:
        EvaluationInputError: The file cannot be read or decoded, a line is not a JSON object,
            or ``validate`` rejects one. The message reads ``FILE:LINE: problem``.

    >>> import tempfile, os
    >>> with tempfile.NamedTemporaryFile("w", suffix=".jsonl", delete=False) as f:
    ...     _ = f.write('{"id": "a", "quotes": []}\\n\\n{"id": "b"}\\n')
    >>> [doc["id"] for doc in load_jsonl(f.name)]
    ['a', 'b']
    >>> os.remove(f.name)
    """
    name = str(path)
    try:
        data = Path(path).read_bytes()
    except OSError as error:
        raise EvaluationInputError(name, None, f"cannot read it ({error.strerror})") from error
    try:
        content = data.decode("utf-8")
    except UnicodeDecodeError as error:
        bad_line = data.count(b"\n", 0, error.start) + 1
        raise EvaluationInputError(name, bad_line, "not UTF-8 text") from error
    docs = []
    # newline=None splits lines as a file opened in text mode does (\n, \r\n or \r), never at
    # the Unicode line separators that str.splitlines also takes and JSON strings may hold.
    for number, line in enumerate(io.StringIO(content, newline=None), start=1):
        if line.strip():
            docs.append(_parse_line(name, number, line, validate))
    return docs


def _parse_line(name: str, number: int, line: str, validate: Callable[[Doc], None] | None) -> Doc:
    try:
        doc = json.loads(line)
    except json.JSONDecodeError as error:
        problem = f"not valid JSON ({error.msg} at column {error.colno})"
        raise EvaluationInputError(name, number, problem) from error
    if not isinstance(doc, dict):
        problem = f"expected a JSON object, got {type(doc).__name__}"
        raise EvaluationInputError(name, number, problem)
    if validate is not None:
        try:
            validate(doc)
        except ValueError as error:
            raise EvaluationInputError(name, number, str(error)) from error
    return doc


def check_gold_document(doc: Doc) -> None:
    """Check a gold document has what scoring reads: ``id``, ``text`` and well-formed ``quotes``.

    Args:
        doc: One line of a gold file.

    Raises:
        ValueError: Says what is missing or malformed.

    >>> check_gold_document({"id": "a", "text": "Hi", "quotes": [{"start": 0, "end": 2}]})
    Traceback (most recent call last):
    ...
    ValueError: quote 0: "kind" must be a string
    """
    _check_id(doc)
    if not isinstance(doc.get("text"), str):
        raise ValueError('"text" must be a string')
    quotes = doc.get("quotes")
    if not isinstance(quotes, list):
        raise ValueError('"quotes" must be a list')
    for index, quote in enumerate(quotes):
        if not isinstance(quote, dict):
            raise ValueError(f"quote {index} must be an object")
        if not (_is_int(quote.get("start")) and _is_int(quote.get("end"))):
            raise ValueError(f'quote {index}: "start" and "end" must be integers')
        if not isinstance(quote.get("kind"), str):
            raise ValueError(f'quote {index}: "kind" must be a string')
        mentions = quote.get("speaker_mentions") or []
        if not (isinstance(mentions, list) and all(_is_pair(m) for m in mentions)):
            raise ValueError(f'quote {index}: "speaker_mentions" must be a list of [start, end]')


def check_prediction_document(doc: Doc) -> None:
    """Check a prediction document: an ``id`` and quotes whose spans are integers.

    Args:
        doc: One line of a prediction file.

    Raises:
        ValueError: Says what is missing or malformed.

    >>> check_prediction_document({"id": "a", "quotes": [{"parts": [{"start": 0, "end": 2}]}]})
    >>> check_prediction_document({"id": "a", "quotes": [{"start": "0", "end": 2}]})
    Traceback (most recent call last):
    ...
    ValueError: quote 0: "start" and "end" must be integers
    """
    _check_id(doc)
    quotes = doc.get("quotes", [])
    if not isinstance(quotes, list):
        raise ValueError('"quotes" must be a list')
    for index, quote in enumerate(quotes):
        if not isinstance(quote, dict):
            raise ValueError(f"quote {index} must be an object")
        parts = quote.get("parts") or [quote]
        if not isinstance(parts, list):
            raise ValueError(f'quote {index}: "parts" must be a list')
        for part in parts:
            if not (isinstance(part, dict) and _is_int(part.get("start"))
                    and _is_int(part.get("end"))):
                raise ValueError(f'quote {index}: "start" and "end" must be integers')
        mentions = quote.get("speaker_mentions") or []
        if not (isinstance(mentions, list) and all(_is_pair(m) for m in mentions)):
            raise ValueError(f'quote {index}: "speaker_mentions" must be a list of [start, end]')


def _check_id(doc: Doc) -> None:
    if "id" not in doc:
        raise ValueError('no "id"')
    if isinstance(doc["id"], (list, dict)):
        raise ValueError('"id" must be a string or a number')


def _is_int(value: object) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def _is_pair(value: object) -> bool:
    return isinstance(value, list) and len(value) == 2 and all(_is_int(v) for v in value)


# --- spans ---------------------------------------------------------------------------------


def trim(text: str, start: int, end: int) -> Interval:
    """Narrow ``start``/``end`` past white space and punctuation (:data:`TRIM_CHARS`).

    Args:
        text: The article.
        start: Where the segment starts.
        end: Where it ends (exclusive).

    Returns:
        The trimmed ``(start, end)``; empty (``start == end``) when nothing but punctuation.

    >>> text = '“Yes!” he said.'
    >>> trim(text, 0, 6), text[1:4]
    ((1, 4), 'Yes')
    >>> trim(text, 4, 6)
    (6, 6)
    """
    while start < end and text[start] in TRIM_CHARS:
        start += 1
    while end > start and text[end - 1] in TRIM_CHARS:
        end -= 1
    return start, end


def segments(quote: Mapping[str, Any], text: str) -> list[Interval]:
    """The content spans of a quote, cut at paragraph breaks.

    A quote's ``parts`` are used when it has any, else its own ``start``/``end``. Segments are
    not trimmed here, and may be empty.

    Args:
        quote: A gold or predicted quote.
        text: The article.

    Returns:
        One ``(start, end)`` per paragraph stretch of each part, in order.

    >>> text = 'Ok. “One.\\n\\n“Two.”'
    >>> [text[s:e] for s, e in segments({"start": 5, "end": 16}, text)]
    ['One.', '“Two.']
    """
    out = []
    for part in quote.get("parts") or [quote]:
        start, end = part["start"], part["end"]
        for brk in _PARAGRAPH_BREAK.finditer(text, start, end):
            out.append((start, brk.start()))
            start = brk.end()
        out.append((start, end))
    return out


def jaccard(a: Interval, b: Interval) -> float:
    """Overlap of two spans over the stretch from the first start to the last end.

    For spans that overlap this is their Jaccard index; disjoint spans give 0.

    >>> jaccard((0, 10), (5, 15))
    0.3333333333333333
    >>> jaccard((0, 4), (4, 8)), jaccard((3, 3), (3, 3))
    (0.0, 0.0)
    """
    inter = max(0, min(a[1], b[1]) - max(a[0], b[0]))
    hull = max(a[1], b[1]) - min(a[0], b[0])
    return inter / hull if hull else 0.0


def with_inner_partials(text: str, quotes: Sequence[Doc]) -> list[Doc]:
    """Gold quotes plus the quoted words inside each ``mixed`` or ``indirect`` one, as partials.

    A quoted stretch already annotated on its own (same trimmed span as any gold quote) is not
    added again. The added partials keep their parent's speaker and follow all the given quotes.

    Args:
        text: The article.
        quotes: The gold quotes as annotated.

    Returns:
        A new list: the given quotes, then the added partials.

    >>> text = 'She said the plan was "a disaster" for them.'
    >>> mixed = {"start": 9, "end": 43, "kind": "mixed", "speaker": "Ann Bell"}
    >>> [(q["kind"], text[q["start"]:q["end"]]) for q in with_inner_partials(text, [mixed])]
    [('mixed', 'the plan was "a disaster" for them'), ('partial', 'a disaster')]
    """
    seen = {trim(text, q["start"], q["end"]) for q in quotes}
    out = list(quotes)
    for quote in quotes:
        if quote["kind"] not in INDIRECT_KINDS:
            continue
        for found in _INNER_QUOTE.finditer(text, quote["start"], quote["end"]):
            group = 1 if found.group(1) is not None else 2
            if trim(text, found.start(group), found.end(group)) not in seen:
                out.append({**quote, "kind": "partial",
                            "start": found.start(group), "end": found.end(group)})
    return out


# --- speakers ------------------------------------------------------------------------------


def name_words(name: str) -> set[str]:
    """The lowercased words of a name, possessive ``'s`` and titles (:data:`TITLE_WORDS`) dropped.

    >>> sorted(name_words("Mr. Tom O'Neill-Hart's"))
    ["o'neill-hart", 'tom']
    """
    bare = _POSSESSIVE.sub("", name.lower())
    return {word for word in _NAME_WORD.findall(bare) if word not in TITLE_WORDS}


def speaker_names(value: object) -> list[str]:
    """Every name a speaker value gives, however it is written.

    Gold writes a string, a list of alternatives, or null; a prediction writes a string or an
    object whose ``name`` (else ``text``) is the name.

    >>> speaker_names(["Loretta", "grandma Loretta"]), speaker_names({"text": "Ms Obi"})
    (['Loretta', 'grandma Loretta'], ['Ms Obi'])
    >>> speaker_names(None), speaker_names({"start": 3, "end": 5})
    ([], [])
    """
    if value is None:
        return []
    if isinstance(value, dict):
        values: list[Any] = [value.get("name") or value.get("text")]
    elif isinstance(value, list):
        values = value
    else:
        values = [value]
    flat: list[Any] = []
    for item in values:
        flat.extend(item if isinstance(item, list) else [item])
    return [item for item in flat if isinstance(item, str) and item]


def names_match(gold: object, predicted: object) -> bool:
    """Whether a predicted speaker names the gold speaker.

    True when gold gives no name. Otherwise some predicted name's words (titles dropped) must
    lie within a gold name's words, or hold them all with at most four words more (room for an
    apposition, not a clause). A name of pronouns only never matches.

    Args:
        gold: The gold speaker value (string, list of alternatives, or null).
        predicted: The predicted speaker (object, string or null).

    Returns:
        Whether the names match.

    >>> names_match("Ana Ruiz", {"name": "Ms Ruiz"})
    True
    >>> names_match("Ana Ruiz", {"name": "Ana Ruiz, the mayor of Tolmere"})
    True
    >>> names_match("he", "he"), names_match(None, None)
    (False, True)
    """
    gold_names = speaker_names(gold)
    if not gold_names:
        return True
    for name in speaker_names(predicted):
        predicted_words = name_words(name)
        if not predicted_words or predicted_words <= PRONOUN_WORDS:
            continue
        for gold_name in gold_names:
            gold_words = name_words(gold_name)
            if gold_words and (
                predicted_words <= gold_words
                or (gold_words <= predicted_words and len(predicted_words) <= len(gold_words) + 4)
            ):
                return True
    return False


def prediction_speaker(quote: Mapping[str, Any]) -> Doc | None:
    """A predicted quote's speaker as an object, or ``None`` when it gives none.

    A string speaker becomes ``{"name": ...}``. A quote-level ``speaker_mentions`` list of
    ``[start, end]`` (as some other tools write) is folded into the object's ``mentions``.

    >>> prediction_speaker({"speaker": "Ann Bell"})
    {'name': 'Ann Bell'}
    >>> prediction_speaker({"speaker": None, "speaker_mentions": [[4, 8]]})
    {'mentions': [{'start': 4, 'end': 8}]}
    >>> prediction_speaker({}) is None
    True
    """
    value = quote.get("speaker")
    speaker: Doc = value if isinstance(value, dict) else {"name": value} if value else {}
    extra = [{"start": s, "end": e} for s, e in quote.get("speaker_mentions") or []]
    if extra:
        speaker = {**speaker, "mentions": list(speaker.get("mentions") or []) + extra}
    return speaker or None


def mention_spans(speaker: object) -> list[Interval]:
    """The text spans a predicted speaker object points at.

    Its own ``start``/``end``, a ``mention`` object's, and each of its ``mentions``.

    >>> mention_spans({"start": 0, "end": 8, "mentions": [{"start": 40, "end": 43}]})
    [(0, 8), (40, 43)]
    >>> mention_spans("Ann Bell")
    []
    """
    if not isinstance(speaker, dict):
        return []
    spans = []
    if _is_span(speaker):
        spans.append((speaker["start"], speaker["end"]))
    mention = speaker.get("mention")
    if isinstance(mention, dict) and _is_span(mention):
        spans.append((mention["start"], mention["end"]))
    for mention in speaker.get("mentions") or []:
        if isinstance(mention, dict) and _is_span(mention):
            spans.append((mention["start"], mention["end"]))
    return spans


def _is_span(obj: Mapping[str, Any]) -> bool:
    # isinstance(..., int) lets True/False through, as the reference does.
    return isinstance(obj.get("start"), int) and isinstance(obj.get("end"), int)


def speaker_right(gold_quote: Mapping[str, Any], speaker: Doc | None) -> bool:
    """Whether a predicted speaker is the gold quote's speaker.

    Right by name (:func:`names_match`), or when a predicted mention span overlaps one of the
    gold quote's ``speaker_mentions``.

    Args:
        gold_quote: The gold quote.
        speaker: The predicted speaker, from :func:`prediction_speaker`.

    Returns:
        Whether it is right.

    >>> gold = {"speaker": "he", "speaker_mentions": [[10, 12]]}
    >>> speaker_right(gold, {"name": "he", "start": 10, "end": 12})
    True
    >>> speaker_right(gold, {"name": "he"})
    False
    """
    if names_match(gold_quote.get("speaker"), speaker):
        return True
    for gold_start, gold_end in gold_quote.get("speaker_mentions") or []:
        for start, end in mention_spans(speaker):
            if min(gold_end, end) > max(gold_start, start):
                return True
    return False


# --- matching and counting -----------------------------------------------------------------


def greedy_match(
    gold_spans: Sequence[Interval], predicted_spans: Sequence[Interval], *, exact: bool
) -> list[tuple[int, int]]:
    """Pair gold and predicted spans one to one, greedily, in gold order.

    Each gold span takes the free predicted span that scores best (1 for the same span when
    ``exact``, else the Jaccard index if at least :data:`MIN_OVERLAP`), the first one on a tie,
    and none if all score 0. Greedy, not optimal: an early gold span can take the prediction a
    later one needed. Spans are compared as given: pass them trimmed.

    Args:
        gold_spans: Trimmed gold spans, in order.
        predicted_spans: Trimmed predicted spans, in order.
        exact: Exact rather than overlap matching.

    Returns:
        ``(gold_index, predicted_index)`` pairs, in gold order.

    >>> greedy_match([(0, 10), (2, 10)], [(1, 10), (0, 5)], exact=False)
    [(0, 0)]
    >>> greedy_match([(0, 10)], [(0, 9), (0, 10)], exact=True)
    [(0, 1)]
    """
    pairs = []
    used: set[int] = set()
    for gold_index, gold in enumerate(gold_spans):
        best, best_score = -1, 0.0
        for index, predicted in enumerate(predicted_spans):
            if index in used:
                continue
            if exact:
                value = 1.0 if gold == predicted else 0.0
            else:
                value = jaccard(gold, predicted)
                value = value if value >= MIN_OVERLAP else 0.0
            if value > best_score:
                best, best_score = index, value
        if best >= 0:
            used.add(best)
            pairs.append((gold_index, best))
    return pairs


def prf(tp: int, n_pred: int, n_gold: int) -> tuple[float, float, float]:
    """Precision, recall and F1; each 0.0 where its denominator is 0.

    >>> prf(3, 4, 6)
    (0.75, 0.5, 0.6)
    >>> prf(0, 0, 0)
    (0.0, 0.0, 0.0)
    """
    precision = tp / n_pred if n_pred else 0.0
    recall = tp / n_gold if n_gold else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f1


GoldItem = tuple[Interval, Doc]
PredictedItem = tuple[Interval, Doc | None]


def direct_gold(text: str, quotes: Sequence[Doc]) -> list[GoldItem]:
    """The direct track's gold: trimmed, non-empty segments of ``direct``/``partial`` quotes.

    Pass the quotes through :func:`with_inner_partials` first.

    >>> text = '"Go." "Stop."'
    >>> quotes = [{"start": 1, "end": 4, "kind": "direct"},
    ...           {"start": 7, "end": 12, "kind": "scare"}]
    >>> [span for span, _ in direct_gold(text, quotes)]
    [(1, 3)]
    """
    items = [
        (trim(text, *segment), quote)
        for quote in quotes
        if quote["kind"] in DIRECT_KINDS
        for segment in segments(quote, text)
    ]
    return [(span, quote) for span, quote in items if span[0] < span[1]]


def dont_care_spans(text: str, quotes: Sequence[Doc]) -> list[Interval]:
    """Trimmed segments of the gold ``scare``, ``title`` and ``nested`` items.

    >>> dont_care_spans('a "so-called" plan', [{"start": 3, "end": 12, "kind": "scare"}])
    [(3, 12)]
    """
    return [
        trim(text, *segment)
        for quote in quotes
        if quote["kind"] in DONT_CARE_KINDS
        for segment in segments(quote, text)
    ]


def direct_predictions(
    text: str,
    quotes: Iterable[Doc],
    gold: Sequence[GoldItem],
    dont_care: Sequence[Interval],
) -> list[PredictedItem]:
    """The direct track's predictions: trimmed, non-empty segments with their speakers.

    Kinds in :data:`NOT_DIRECT_KINDS` are left out, and so is a segment on a don't-care span
    (Jaccard at least 0.5) that touches no direct gold segment.

    Args:
        text: The article.
        quotes: The predicted quotes.
        gold: The direct gold, from :func:`direct_gold`.
        dont_care: From :func:`dont_care_spans`.

    Returns:
        ``(span, speaker)`` per segment, in order.

    >>> text = 'The "so-called" plan.'
    >>> direct_predictions(text, [{"start": 5, "end": 14, "kind": "partial"}], [], [(5, 14)])
    []
    """
    items: list[PredictedItem] = []
    for quote in quotes:
        if quote.get("kind") in NOT_DIRECT_KINDS:
            continue
        for segment in segments(quote, text):
            span = trim(text, *segment)
            if span[0] == span[1]:
                continue
            on_dont_care = any(jaccard(span, other) >= MIN_OVERLAP for other in dont_care)
            if on_dont_care and not any(jaccard(span, g) > 0 for g, _ in gold):
                continue
            items.append((span, prediction_speaker(quote)))
    return items


def indirect_gold(text: str, quotes: Sequence[Doc]) -> list[GoldItem]:
    """The indirect track's gold: each ``indirect``/``mixed`` quote trimmed as one span.

    Unlike the direct track these are not cut at paragraph breaks, and empty ones still count.

    >>> indirect_gold("He said no.", [{"start": 8, "end": 11, "kind": "indirect"}])[0][0]
    (8, 10)
    """
    return [
        (trim(text, quote["start"], quote["end"]), quote)
        for quote in quotes
        if quote["kind"] in INDIRECT_KINDS
    ]


def indirect_predictions(text: str, quotes: Iterable[Doc]) -> list[PredictedItem]:
    """The indirect track's predictions: trimmed segments of predicted ``indirect``/``mixed``.

    Empty segments are kept (and counted), as the reference keeps them.

    >>> indirect_predictions("He said no.", [{"start": 8, "end": 10, "kind": "mixed"}])
    [((8, 10), None)]
    """
    return [
        (trim(text, *segment), prediction_speaker(quote))
        for quote in quotes
        if quote.get("kind") in INDIRECT_KINDS
        for segment in segments(quote, text)
    ]


def score_document(gold_doc: Doc, pred_doc: Doc | None) -> tuple[Counts, DocReport]:
    """Score one document.

    Args:
        gold_doc: ``{"id", "text", "quotes"}``.
        pred_doc: ``{"id", "quotes"}``, or ``None`` when nothing was predicted for it.

    Returns:
        The document's counts and its direct-track report.

    >>> gold = {"id": "a", "text": '"Go," said Ann Bell.',
    ...         "quotes": [{"start": 1, "end": 4, "kind": "direct", "speaker": "Ann Bell"}]}
    >>> pred = {"id": "a", "quotes": [{"start": 0, "end": 5, "kind": "direct", "speaker": "Bell"}]}
    >>> counts, report = score_document(gold, pred)
    >>> counts.d_tp_exact, counts.d_e2e, report["missed"]
    (1, 1, [])
    """
    text = gold_doc["text"]
    gold_quotes = with_inner_partials(text, gold_doc["quotes"])
    predicted_quotes: list[Doc] = (pred_doc or {}).get("quotes") or []

    gold = direct_gold(text, gold_quotes)
    predicted = direct_predictions(
        text, predicted_quotes, gold, dont_care_spans(text, gold_quotes)
    )
    gold_spans = [span for span, _ in gold]
    predicted_spans = [span for span, _ in predicted]
    exact = greedy_match(gold_spans, predicted_spans, exact=True)
    overlap = greedy_match(gold_spans, predicted_spans, exact=False)
    speaker_ok = [speaker_right(gold[g][1], predicted[p][1]) for g, p in overlap]
    end_to_end = [speaker_right(gold[g][1], predicted[p][1]) for g, p in exact]

    igold = indirect_gold(text, gold_quotes)
    ipredicted = indirect_predictions(text, predicted_quotes)
    imatched = greedy_match(
        [span for span, _ in igold], [span for span, _ in ipredicted], exact=False
    )
    counts = Counts(
        d_gold=len(gold),
        d_pred=len(predicted),
        d_tp_exact=len(exact),
        d_tp_overlap=len(overlap),
        d_spk_ok=sum(speaker_ok),
        d_e2e=sum(end_to_end),
        i_gold=len(igold),
        i_pred=len(ipredicted),
        i_tp=len(imatched),
        i_e2e=sum(speaker_right(igold[g][1], ipredicted[p][1]) for g, p in imatched),
    )
    report = _report(text, gold, predicted, exact, overlap, speaker_ok)
    return counts, report


def _report(
    text: str,
    gold: Sequence[GoldItem],
    predicted: Sequence[PredictedItem],
    exact: Sequence[tuple[int, int]],
    overlap: Sequence[tuple[int, int]],
    speaker_ok: Sequence[bool],
) -> DocReport:
    exact_gold = {g for g, _ in exact}
    overlap_of = dict(overlap)
    missed: list[MissedQuote] = []
    for index, (span, _) in enumerate(gold):
        if index in exact_gold:
            continue
        found = overlap_of.get(index)
        missed.append({
            **_span_text(text, span),
            "found": None if found is None else _span_text(text, predicted[found][0]),
        })
    wrong: list[WrongSpeaker] = [
        {
            **_span_text(text, gold[g][0]),
            "gold": speaker_names(gold[g][1].get("speaker")),
            "predicted": _describe_speaker(text, predicted[p][1]),
        }
        for (g, p), ok in zip(overlap, speaker_ok, strict=True)
        if not ok
    ]
    matched = {p for _, p in exact} | {p for _, p in overlap}
    spurious = [_span_text(text, span) for i, (span, _) in enumerate(predicted) if i not in matched]
    return {
        "gold": len(gold),
        "pred": len(predicted),
        "exact": len(exact),
        "overlap": len(overlap),
        "speaker_ok": sum(speaker_ok),
        "missed": missed,
        "wrong_speaker": wrong,
        "spurious": spurious,
    }


def _span_text(text: str, span: Interval) -> SpanText:
    return {"start": span[0], "end": span[1], "text": text[span[0]:span[1]]}


def _describe_speaker(text: str, speaker: Doc | None) -> str | None:
    names = speaker_names(speaker)
    if names:
        return " / ".join(names)
    spans = mention_spans(speaker)
    if spans:
        return " / ".join(text[s:e] for s, e in spans)
    return None


def figures(counts: Counts) -> Scores:
    """Every figure from the raw counts, floats rounded to 4 places as the reference does.

    >>> scores = figures(Counts(d_gold=4, d_pred=2, d_tp_exact=2, d_tp_overlap=2, d_spk_ok=1))
    >>> scores["direct_exact_P"], scores["direct_exact_R"], scores["direct_exact_F1"]
    (1.0, 0.5, 0.6667)
    >>> scores["speaker_acc"], scores["e2e_F1"], scores["indirect_F1"]
    (0.5, 0.0, 0.0)
    """
    exact = prf(counts.d_tp_exact, counts.d_pred, counts.d_gold)
    overlap = prf(counts.d_tp_overlap, counts.d_pred, counts.d_gold)
    speaker_acc = counts.d_spk_ok / counts.d_tp_overlap if counts.d_tp_overlap else 0.0
    e2e = prf(counts.d_e2e, counts.d_pred, counts.d_gold)
    indirect = prf(counts.i_tp, counts.i_pred, counts.i_gold)
    indirect_e2e = prf(counts.i_e2e, counts.i_pred, counts.i_gold)

    def r(value: float) -> float:
        return round(value, 4)

    return {
        "direct_exact_P": r(exact[0]),
        "direct_exact_R": r(exact[1]),
        "direct_exact_F1": r(exact[2]),
        "direct_overlap_P": r(overlap[0]),
        "direct_overlap_R": r(overlap[1]),
        "direct_overlap_F1": r(overlap[2]),
        "speaker_acc": r(speaker_acc),
        "e2e_P": r(e2e[0]),
        "e2e_R": r(e2e[1]),
        "e2e_F1": r(e2e[2]),
        "indirect_P": r(indirect[0]),
        "indirect_R": r(indirect[1]),
        "indirect_F1": r(indirect[2]),
        "indirect_e2e_F1": r(indirect_e2e[2]),
        "d_gold": counts.d_gold,
        "d_pred": counts.d_pred,
        "d_tp_exact": counts.d_tp_exact,
        "d_tp_overlap": counts.d_tp_overlap,
        "d_spk_ok": counts.d_spk_ok,
        "d_e2e": counts.d_e2e,
        "i_gold": counts.i_gold,
        "i_pred": counts.i_pred,
        "i_tp": counts.i_tp,
        "i_e2e": counts.i_e2e,
    }


def score(
    gold_docs: Iterable[Doc], pred_docs_by_id: Mapping[Any, Doc]
) -> tuple[Scores, dict[Any, DocReport]]:
    """Score predictions against gold, over all documents.

    Args:
        gold_docs: Gold documents ``{"id", "text", "quotes"}`` (:func:`load_jsonl`).
        pred_docs_by_id: Prediction documents ``{"id", "quotes"}`` by id; a gold document
            without one counts as predicting nothing, and ids not in gold are ignored.

    Returns:
        The figures (the keys of ``score.py --json``) and a report per document id.

    >>> gold = [{"id": "a", "text": '"Go," said Ann Bell.',
    ...          "quotes": [{"start": 1, "end": 4, "kind": "direct", "speaker": "Ann Bell"}]}]
    >>> scores, per_doc = score(gold, {"a": {"id": "a", "quotes": gold[0]["quotes"]}})
    >>> scores["e2e_F1"], scores["d_gold"], per_doc["a"]["exact"]
    (1.0, 1, 1)
    """
    total = Counts()
    per_doc: dict[Any, DocReport] = {}
    for gold_doc in gold_docs:
        counts, report = score_document(gold_doc, pred_docs_by_id.get(gold_doc["id"]))
        total += counts
        per_doc[gold_doc["id"]] = report
    return figures(total), per_doc


def predict(gold_docs: Iterable[Doc], config: Config | None = None) -> dict[Any, Doc]:
    """Run :func:`quoteattr.extract` on each document's text, in the prediction format.

    Args:
        gold_docs: Documents with ``id`` and ``text``.
        config: Passed to :func:`quoteattr.extract`; ``None`` for the defaults.

    Returns:
        ``{id: {"id": id, "quotes": [...]}}``, the quotes as ``Quote.to_dict`` writes them.

    >>> predicted = predict([{"id": "a", "text": '"We are ready," said Ann Bell.'}])
    >>> [(q["start"], q["end"], q["kind"]) for q in predicted["a"]["quotes"]]
    [(1, 14, 'direct')]
    """
    return {
        doc["id"]: {"id": doc["id"], "quotes": extract(doc["text"], config).to_dict()["quotes"]}
        for doc in gold_docs
    }


# --- command line --------------------------------------------------------------------------


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """Add ``quoteattr evaluate``'s arguments to ``parser``.

    >>> parser = argparse.ArgumentParser(prog="quoteattr evaluate")
    >>> add_arguments(parser)
    >>> args = parser.parse_args(["gold.jsonl", "--json", "--by-doc"])
    >>> args.gold, args.pred, args.json, args.by_doc
    ('gold.jsonl', None, True, True)
    """
    parser.add_argument(
        "gold", metavar="GOLD.jsonl",
        help='gold file: one {"id", "text", "quotes"} object per line',
    )
    parser.add_argument(
        "--pred", metavar="PRED.jsonl",
        help='predictions to score: one {"id", "quotes"} object per line '
        "(default: run the extractor on the gold texts)",
    )
    parser.add_argument(
        "--json", action="store_true",
        help="print the figures as one JSON object (with --by-doc, one object per document "
        "first)",
    )
    parser.add_argument(
        "--by-doc", action="store_true",
        help="list, document by document, the missed quotes and the wrong speakers",
    )


def run(args: argparse.Namespace) -> int:
    """Run ``quoteattr evaluate`` with parsed arguments (see :func:`add_arguments`).

    Args:
        args: ``gold``, ``pred``, ``json`` and ``by_doc``.

    Returns:
        The exit status: 0, or 2 when a file cannot be used (the reason goes to stderr).
    """
    out = sys.stdout
    try:
        gold = load_jsonl(args.gold, validate=check_gold_document)
        if args.pred is None:
            predicted = predict(gold)
            source = "quoteattr extractor"
        else:
            docs = load_jsonl(args.pred, validate=check_prediction_document)
            predicted = {doc["id"]: doc for doc in docs}
            source = args.pred
    except EvaluationInputError as error:
        _complain("error", str(error))
        return 2
    if args.pred is not None and gold and not any(doc["id"] in predicted for doc in gold):
        _complain("warning", f"no id in {args.pred} is in {args.gold}")
    scores, per_doc = score(gold, predicted)
    if args.json:
        _write_json(out, scores, per_doc if args.by_doc else None)
    else:
        if args.by_doc:
            for doc_id, report in per_doc.items():
                out.write(format_doc_report(doc_id, report) + "\n\n")
        out.write(f"gold: {args.gold} ({len(gold)} documents)\npredictions: {source}\n\n")
        out.write(format_scores(scores) + "\n")
    return 0


def _complain(label: str, message: str) -> None:
    # One line, always: a path holding a line break must not split the message.
    line = message.replace("\r", "\\r").replace("\n", "\\n")
    print(f"quoteattr evaluate: {label}: {line}", file=sys.stderr)


def _write_json(out: TextIO, scores: Scores, per_doc: Mapping[Any, DocReport] | None) -> None:
    for doc_id, report in (per_doc or {}).items():
        out.write(json.dumps({"id": doc_id, **report}, ensure_ascii=False) + "\n")
    # Default separators and key order: the same line score.py --json prints.
    out.write(json.dumps(scores) + "\n")


def format_scores(scores: Scores) -> str:
    """The figures as a table for people.

    Args:
        scores: From :func:`score`.

    Returns:
        Precision, recall and F1 per measure, speaker accuracy, then the raw counts.

    >>> print(format_scores(figures(Counts(d_gold=4, d_pred=2, d_tp_exact=2, d_tp_overlap=2,
    ...                                    d_spk_ok=2, d_e2e=2))).splitlines()[1])
    direct, exact span            1.0000     0.5000  0.6667
    """
    s = scores
    i_e2e = prf(s["i_e2e"], s["i_pred"], s["i_gold"])
    rows = [
        ("direct, exact span", s["direct_exact_P"], s["direct_exact_R"], s["direct_exact_F1"]),
        ("direct, overlap >= 0.5", s["direct_overlap_P"], s["direct_overlap_R"],
         s["direct_overlap_F1"]),
        ("end to end", s["e2e_P"], s["e2e_R"], s["e2e_F1"]),
        ("indirect, overlap >= 0.5", s["indirect_P"], s["indirect_R"], s["indirect_F1"]),
        ("indirect end to end", round(i_e2e[0], 4), round(i_e2e[1], 4), s["indirect_e2e_F1"]),
    ]
    lines = [f"{'':26}{'precision':>10} {'recall':>10} {'F1':>7}"]
    lines += [f"{name:26}{p:>10.4f} {r:>10.4f} {f:>7.4f}" for name, p, r, f in rows]
    lines.append(
        f"{'speaker accuracy':26}{s['speaker_acc']:>10.4f}   "
        f"({s['d_spk_ok']} of {s['d_tp_overlap']} overlap matches)"
    )
    lines.append("")
    lines.append(
        f"direct track: {s['d_gold']} gold, {s['d_pred']} predicted, {s['d_tp_exact']} exact, "
        f"{s['d_tp_overlap']} overlap, {s['d_spk_ok']} speaker right, "
        f"{s['d_e2e']} end to end"
    )
    lines.append(
        f"indirect track: {s['i_gold']} gold, {s['i_pred']} predicted, {s['i_tp']} matched, "
        f"{s['i_e2e']} speaker right"
    )
    return "\n".join(lines)


def format_doc_report(doc_id: object, report: DocReport) -> str:
    """One document's report as a block for people: counts, missed quotes, wrong speakers.

    Args:
        doc_id: The document's id.
        report: From :func:`score`.

    Returns:
        The block, without a trailing newline.

    >>> report = score_document(
    ...     {"id": "a", "text": '"Go," said Ann Bell.',
    ...      "quotes": [{"start": 1, "end": 4, "kind": "direct", "speaker": "Ann Bell"}]},
    ...     {"id": "a", "quotes": [{"start": 1, "end": 4, "kind": "direct", "speaker": "he"}]})[1]
    >>> print(format_doc_report("a", report))
    a: 1 gold, 1 predicted, 1 exact, 1 overlap, 0 speaker right
      wrong speaker: "Go" (1-3): gold Ann Bell; predicted he
    """
    r = report
    lines = [
        f"{doc_id}: {r['gold']} gold, {r['pred']} predicted, {r['exact']} exact, "
        f"{r['overlap']} overlap, {r['speaker_ok']} speaker right"
    ]
    for missed in r["missed"]:
        line = f"  missed: {_show(missed)}"
        if missed["found"] is not None:
            line += f"; predicted span {_show(missed['found'])}"
        lines.append(line)
    for wrong in r["wrong_speaker"]:
        gold = " / ".join(wrong["gold"]) or "none"
        predicted = wrong["predicted"] or "none"
        lines.append(f"  wrong speaker: {_show(wrong)}: gold {gold}; predicted {predicted}")
    for extra in r["spurious"]:
        lines.append(f"  not in gold: {_show(extra)}")
    return "\n".join(lines)


def _show(span: SpanText | MissedQuote | WrongSpeaker, width: int = 60) -> str:
    text = " ".join(span["text"].split())
    if len(text) > width:
        text = text[: width - 1] + "\N{HORIZONTAL ELLIPSIS}"
    return f'"{text}" ({span["start"]}-{span["end"]})'
