"""Expected results as data: every case in ``tests/cases/*.json`` run through :func:`extract`.

Each file holds one phenomenon: ``{"label", "why", "cases": [...]}``, its ``label`` the file's
name. A case is ``{"text", "quotes", "exhaustive"?, "absent"?, "parts_anywhere"?, "xfail"?}``:

- ``quotes``: quotes that must be returned. One matches a returned quote when the texts and the
  kinds are equal and, where the case gives them, the parts' texts, the ``marks`` pair, the
  speaker's name (``null`` for none) and the nested texts are equal too. Each expected quote
  needs a returned quote of its own.
- ``parts_anywhere``: texts that must each come back as a direct quote, or as one part of a
  direct quote whose parts all come from this list. An interrupted quote ``"A," she said,
  "B."`` passes as two quotes or as one quote of two parts.
- ``exhaustive``: ``true`` when the quotes above (and the holders of ``parts_anywhere``) are all
  that ``extract`` returns, whatever their kind.
- ``absent``: texts that no quote may have as its text and no direct or partial quote may hold.
- ``xfail``: the reason a case is known to fail; it runs as ``xfail(strict=True)`` so a fix shows.

Whatever a case expects, every span of every returned quote must slice back to its text.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from quoteattr import Quote, extract
from quoteattr.model import QUOTE_KINDS

CASES_DIR = Path(__file__).parent / "cases"
CASE_FILES = sorted(CASES_DIR.glob("*.json"))
FILE_KEYS = {"label", "why", "cases"}
CASE_KEYS = {"text", "quotes", "exhaustive", "absent", "parts_anywhere", "xfail"}
QUOTE_KEYS = {"text", "kind", "parts", "marks", "speaker", "nested"}


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
    speaker = quote.speaker.name if quote.speaker is not None else None
    if "speaker" in expected and speaker != expected["speaker"]:
        return False
    return "nested" not in expected or [n.text for n in quote.nested] == expected["nested"]


def _assign(expected: list[dict[str, Any]], quotes: tuple[Quote, ...]) -> dict[int, int]:
    """Pair expected quotes with distinct returned quotes: returned index -> expected index.

    A maximum bipartite matching (augmenting paths), so two expectations with the same text
    (a nickname in the headline and again in the body) need two returned quotes, and a loosely
    described expectation never takes the only quote a stricter one could match.
    """
    owner: dict[int, int] = {}

    def claim(wanted: int, seen: set[int]) -> bool:
        for index, quote in enumerate(quotes):
            if index in seen or not _matches(quote, expected[wanted]):
                continue
            seen.add(index)
            if index not in owner or claim(owner[index], seen):
                owner[index] = wanted
                return True
        return False

    for wanted in range(len(expected)):
        claim(wanted, set())
    return owner


def _describe(quotes: tuple[Quote, ...]) -> str:
    return (
        "\n".join(
            f"  {q.kind}: {q.text!r} parts={[p.text for p in q.parts]!r} marks={q.marks!r} "
            f"nested={[n.text for n in q.nested]!r}"
            for q in quotes
        )
        or "  (no quotes)"
    )


@pytest.mark.parametrize("case", CASE_PARAMS)
def test_case(case: dict[str, Any]) -> None:
    text = case["text"]
    quotes = extract(text).quotes
    returned = f"\nreturned:\n{_describe(quotes)}"

    for quote in quotes:
        for span in (*quote.parts, *quote.nested):
            assert text[span.start : span.end] == span.text, f"span {span!r} does not slice back"

    expected = case.get("quotes", [])
    owner = _assign(expected, quotes)
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
        ), f"{where}: asserts nothing"
        assert isinstance(case.get("exhaustive", False), bool), f"{where}: exhaustive is a bool"
        for piece in case.get("parts_anywhere", []):
            assert piece in text, f"{where}: parts_anywhere {piece!r} is not in the text"
        for expected in case.get("quotes", []):
            assert set(expected) <= QUOTE_KEYS, f"{where}: unknown keys in {expected}"
            assert expected["kind"] in QUOTE_KINDS, f"{where}: unknown kind in {expected}"
            parts = expected.get("parts", [expected["text"]])
            assert " ".join(parts) == expected["text"], f"{where}: parts do not join to text"
            for piece in (*parts, *expected.get("nested", [])):
                assert piece in text, f"{where}: {piece!r} is not in the text"
            if "marks" in expected:
                assert len(expected["marks"]) == 2, f"{where}: marks is [opening, closing]"
                assert all(m in text for m in expected["marks"]), f"{where}: mark not in text"
