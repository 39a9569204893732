"""Expected results as data: every case in ``tests/cases/*.json`` run through :func:`extract`.

Each file holds one phenomenon: ``{"label", "why", "cases": [...]}``, its ``label`` the file's
name. A case is ``{"text", "quotes", "exhaustive"?, "absent"?, "parts_anywhere"?, "speakers"?,
"xfail"?}``:

- ``quotes``: quotes that must be returned. One matches a returned quote when the texts and the
  kinds are equal and, where the case gives them, the parts' texts, the ``marks`` pair, the
  speaker's name (``null`` for none) and the nested texts are equal too. Each expected quote
  needs a returned quote of its own. For attribution an expected quote may also give
  ``speaker_type`` (``speaker.type``), ``speaker_text`` (``speaker.text``: the mention the
  attribution rests on, such as ``she``), ``resolved_by`` (``speaker.resolved_by``, such as
  ``cue_after+pronoun``), or ``"no_speaker": true`` (no speaker, and ``unresolved`` says why).
- ``parts_anywhere``: texts that must each come back as a direct quote, or as one part of a
  direct quote whose parts all come from this list. An interrupted quote ``"A," she said,
  "B."`` passes as two quotes or as one quote of two parts.
- ``exhaustive``: ``true`` when the quotes above (and the holders of ``parts_anywhere``) are all
  that ``extract`` returns, whatever their kind.
- ``absent``: texts that no quote may have as its text and no direct or partial quote may hold.
- ``speakers``: speakers the article must list, each ``{"name", "type"?, "mentions"?}`` and each
  needing a returned speaker of its own with that name and type, and with a mention of its own
  for every text in ``mentions`` (it may have more).
- ``xfail``: the reason a case is known to fail; it runs as ``xfail(strict=True)`` so a fix shows.

Whatever a case expects, every span of every returned quote, speaker mention and cue must slice
back to its text.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

import pytest

from quoteattr import Quote, Speaker, extract
from quoteattr.attribution import RULE_PRECISION
from quoteattr.model import QUOTE_KINDS, SPEAKER_TYPES

CASES_DIR = Path(__file__).parent / "cases"
CASE_FILES = sorted(CASES_DIR.glob("*.json"))
FILE_KEYS = {"label", "why", "cases"}
CASE_KEYS = {"text", "quotes", "exhaustive", "absent", "parts_anywhere", "speakers", "xfail"}
QUOTE_KEYS = {"text", "kind", "parts", "marks", "speaker", "nested"}
# The attribution details an expected quote may pin down, and the speaker field each reads.
SPEAKER_FIELDS = {"speaker_type": "type", "speaker_text": "text", "resolved_by": "resolved_by"}
ATTRIBUTION_KEYS = {*SPEAKER_FIELDS, "no_speaker"}
SPEAKER_KEYS = {"name", "type", "mentions"}
# What ``resolved_by`` may say: a rule's name, plus ``+pronoun`` when a pronoun was resolved.
RESOLVED_BY = {*RULE_PRECISION, *(f"{rule}+pronoun" for rule in RULE_PRECISION)}

Returned = TypeVar("Returned")


def _load(path: Path) -> dict[str, Any]:
    loaded: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    return loaded


def _case_param(label: str, index: int, case: dict[str, Any]) -> Any:
    marks = [pytest.mark.xfail(strict=True, reason=case["xfail"])] if "xfail" in case else []
    return pytest.param(case, id=f"{label}[{index}]", marks=marks)


CASE_PARAMS = [
    _case_param(data["label"], index, case)
    for data in map(_load, CASE_FILES)
    for index, case in enumerate(data["cases"])
]


def _matches(quote: Quote, expected: dict[str, Any]) -> bool:
    if quote.text != expected["text"] or quote.kind != expected["kind"]:
        return False
    if "parts" in expected and [p.text for p in quote.parts] != expected["parts"]:
        return False
    if "marks" in expected and list(quote.marks) != expected["marks"]:
        return False
    if "nested" in expected and [n.text for n in quote.nested] != expected["nested"]:
        return False
    return _attribution_matches(quote, expected)


def _attribution_matches(quote: Quote, expected: dict[str, Any]) -> bool:
    speaker = quote.speaker
    if "speaker" in expected and (speaker.name if speaker else None) != expected["speaker"]:
        return False
    if expected.get("no_speaker") and (speaker is not None or not quote.unresolved):
        return False
    return all(
        speaker is not None and getattr(speaker, field) == expected[key]
        for key, field in SPEAKER_FIELDS.items()
        if key in expected
    )


def _speaker_matches(speaker: Speaker, expected: dict[str, Any]) -> bool:
    if speaker.name != expected["name"]:
        return False
    if "type" in expected and speaker.type != expected["type"]:
        return False
    unclaimed = [mention.text for mention in speaker.mentions]
    for wanted in expected.get("mentions", []):
        if wanted not in unclaimed:
            return False
        unclaimed.remove(wanted)
    return True


def _assign(
    expected: list[dict[str, Any]],
    returned: tuple[Returned, ...],
    matches: Callable[[Returned, dict[str, Any]], bool],
) -> dict[int, int]:
    """Pair expectations with distinct returned objects: returned index -> expected index.

    A maximum bipartite matching (augmenting paths), so two expectations with the same text
    (a nickname in the headline and again in the body) need two returned quotes, and a loosely
    described expectation never takes the only quote a stricter one could match.
    """
    owner: dict[int, int] = {}

    def claim(wanted: int, seen: set[int]) -> bool:
        for index, item in enumerate(returned):
            if index in seen or not matches(item, expected[wanted]):
                continue
            seen.add(index)
            if index not in owner or claim(owner[index], seen):
                owner[index] = wanted
                return True
        return False

    for wanted in range(len(expected)):
        claim(wanted, set())
    return owner


def _describe_speaker(quote: Quote) -> str:
    speaker = quote.speaker
    if speaker is None:
        return f"speaker=None unresolved={quote.unresolved!r}"
    return (
        f"speaker={speaker.name!r} type={speaker.type} text={speaker.text!r} "
        f"resolved_by={speaker.resolved_by}"
    )


def _describe(quotes: tuple[Quote, ...], speakers: tuple[Speaker, ...] = ()) -> str:
    lines = [
        f"  {q.kind}: {q.text!r} parts={[p.text for p in q.parts]!r} marks={q.marks!r} "
        f"nested={[n.text for n in q.nested]!r} {_describe_speaker(q)}"
        for q in quotes
    ] or ["  (no quotes)"]
    lines += [
        f"  speaker {s.name!r} type={s.type} mentions={[m.text for m in s.mentions]!r}"
        for s in speakers
    ]
    return "\n".join(lines)


@pytest.mark.parametrize("case", CASE_PARAMS)
def test_case(case: dict[str, Any]) -> None:
    text = case["text"]
    article = extract(text)
    quotes = article.quotes
    returned = f"\nreturned:\n{_describe(quotes, article.speakers)}"

    for quote in quotes:
        for span in (*quote.parts, *quote.nested, quote.speaker, quote.cue):
            if span is not None:
                assert text[span.start : span.end] == span.text, f"{span!r} does not slice back"
    for speaker in article.speakers:
        for mention in speaker.mentions:
            assert text[mention.start : mention.end] == mention.text, (
                f"{mention!r} of {speaker.name}"
            )

    expected = case.get("quotes", [])
    owner = _assign(expected, quotes, _matches)
    missing = [e for index, e in enumerate(expected) if index not in owner.values()]
    assert not missing, f"expected quotes not found: {missing}{returned}"

    pieces = set(case.get("parts_anywhere", []))
    holders = [
        index
        for index, quote in enumerate(quotes)
        if index not in owner
        and quote.kind == "direct"
        and all(p.text in pieces for p in quote.parts)
    ]
    found = {p.text for index in holders for p in quotes[index].parts}
    lost = sorted(pieces - found)
    assert not lost, f"not found as a direct quote or a part of one: {lost}{returned}"

    if case.get("exhaustive", False):
        extra = [q for index, q in enumerate(quotes) if index not in owner and index not in holders]
        assert not extra, f"unexpected quotes: {[(q.kind, q.text) for q in extra]}{returned}"

    for absent in case.get("absent", []):
        holding = [
            q
            for q in quotes
            if q.text == absent or (q.kind in ("direct", "partial") and absent in q.text)
        ]
        assert not holding, f"{absent!r} ended up in {[q.text for q in holding]}{returned}"

    wanted_speakers = case.get("speakers", [])
    speaker_owner = _assign(wanted_speakers, article.speakers, _speaker_matches)
    unlisted = [s for index, s in enumerate(wanted_speakers) if index not in speaker_owner.values()]
    assert not unlisted, f"expected speakers not found: {unlisted}{returned}"


@pytest.mark.parametrize("path", CASE_FILES, ids=[p.stem for p in CASE_FILES])
def test_case_file_is_well_formed(path: Path) -> None:
    """A typo in a case file must fail loudly, not make a case silently assert less."""
    data = _load(path)
    assert set(data) == FILE_KEYS, f"top-level keys must be {sorted(FILE_KEYS)}"
    assert data["label"] == path.stem, "the label names the file"
    assert isinstance(data["why"], str) and data["why"].strip()
    assert isinstance(data["cases"], list) and data["cases"]
    for index, case in enumerate(data["cases"]):
        where = f"{data['label']}[{index}]"
        assert set(case) <= CASE_KEYS, f"{where}: unknown keys {sorted(set(case) - CASE_KEYS)}"
        text = case["text"]
        assert isinstance(text, str) and text, f"{where}: needs a text"
        assert (
            case.get("quotes")
            or case.get("exhaustive")
            or case.get("absent")
            or case.get("parts_anywhere")
            or case.get("speakers")
        ), f"{where}: asserts nothing"
        assert isinstance(case.get("exhaustive", False), bool), f"{where}: exhaustive is a bool"
        for piece in case.get("parts_anywhere", []):
            assert piece in text, f"{where}: parts_anywhere {piece!r} is not in the text"
        for expected in case.get("quotes", []):
            assert set(expected) <= QUOTE_KEYS | ATTRIBUTION_KEYS, (
                f"{where}: unknown keys in {expected}"
            )
            assert expected["kind"] in QUOTE_KINDS, f"{where}: unknown kind in {expected}"
            parts = expected.get("parts", [expected["text"]])
            assert " ".join(parts) == expected["text"], f"{where}: parts do not join to text"
            for piece in (*parts, *expected.get("nested", [])):
                assert piece in text, f"{where}: {piece!r} is not in the text"
            if "marks" in expected:
                assert len(expected["marks"]) == 2, f"{where}: marks is [opening, closing]"
                assert all(m in text for m in expected["marks"]), f"{where}: mark not in text"
            _check_attribution_keys(where, text, expected)
        for speaker in case.get("speakers", []):
            assert set(speaker) <= SPEAKER_KEYS, f"{where}: unknown keys in speaker {speaker}"
            assert isinstance(speaker.get("name"), str) and speaker["name"], (
                f"{where}: a speaker needs a name"
            )
            if "type" in speaker:
                assert speaker["type"] in SPEAKER_TYPES, f"{where}: unknown type in {speaker}"
            for mention in speaker.get("mentions", []):
                assert isinstance(mention, str) and mention in text, (
                    f"{where}: mention {mention!r} is not in the text"
                )


def _check_attribution_keys(where: str, text: str, expected: dict[str, Any]) -> None:
    if "no_speaker" in expected:
        assert expected["no_speaker"] is True, f"{where}: no_speaker is only ever true"
        clash = sorted((set(SPEAKER_FIELDS) | {"speaker"}) & set(expected))
        assert not clash, f"{where}: no_speaker contradicts {clash}"
    if expected.get("speaker", "") is None:
        clash = sorted(set(SPEAKER_FIELDS) & set(expected))
        assert not clash, f"{where}: a null speaker contradicts {clash}"
    if "speaker_type" in expected:
        assert expected["speaker_type"] in SPEAKER_TYPES, f"{where}: unknown speaker_type"
    if "speaker_text" in expected:
        assert expected["speaker_text"] in text, f"{where}: speaker_text is not in the text"
    if "resolved_by" in expected:
        assert expected["resolved_by"] in RESOLVED_BY, (
            f"{where}: resolved_by {expected['resolved_by']!r} names no rule"
        )
