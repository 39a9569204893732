"""The JSON contract: ``docs/quote.schema.json`` and ``docs/output-format.md`` against the code.

Real output of :func:`extract` (every case-file text, the demo article, a few articles of our
own, random text) is validated against the schema, and so is the command's JSON Lines output.
Three lists of fields must then agree exactly: the fields the code emits, the fields the schema
describes and the fields the field tables of ``output-format.md`` document, so that none of the
three can change without the others.

``jsonschema`` is not a dependency, so :func:`validate` below checks the keywords the schema
uses, and :func:`test_schema_uses_only_checked_keywords` keeps the schema to those.
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
from collections.abc import Iterator
from importlib import resources
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from quoteattr import Config, extract
from quoteattr.attribution import RULE_PRECISION
from quoteattr.cli import Document, record
from quoteattr.model import QUOTE_KINDS, SPEAKER_TYPES

ROOT = Path(__file__).resolve().parent.parent
SCHEMA_PATH = ROOT / "docs" / "quote.schema.json"
FORMAT_DOC = ROOT / "docs" / "output-format.md"
CASES_DIR = Path(__file__).parent / "cases"

# Keywords the validator acts on, and keywords that only annotate.
CHECKED = {
    "$ref",
    "additionalProperties",
    "enum",
    "items",
    "maxItems",
    "maximum",
    "minItems",
    "minimum",
    "properties",
    "required",
    "type",
}
ANNOTATIONS = {"$defs", "$schema", "description", "title"}

# Articles of our own that exercise every field and every kind: a named speaker with a later
# pronoun, a cue before and after, an interrupted quote, a nested quote, an unclosed quote,
# scare and title quotes, reported speech with and without quoted words, and a quote nobody is
# credited with.
OWN_TEXTS = (
    'Ms Ada Obi, who chairs the parish council, spoke first. "We have listened," she said, '
    '"and we have acted."\n\nThe so-called "reform" was debated after a screening of the film '
    '"The Long Field".',
    "Councillor Tom Reyes said: \"My neighbour told me 'never again' and I agree.\"\n\n"
    '"Not once," he added.',
    '"Nobody warned us."\n\nThe hall closed in May.',
    "Residents said the plan was \"a disgrace\".\n\n'We will fight it,' said the Carrowby "
    "Residents' Association in a statement.",
    "“She rang and said, ‘Bring your boots,’” recalled Dr Jane Iles.\n\n“It was raining,” "
    "Dr Iles added. “It always is.”",
    'Ann Lowe said the plan was "dead in the water" and would be dropped.\n\nThe bridge will '
    "reopen in May, the council said on Friday.",
)


def load_schema() -> dict[str, Any]:
    schema: dict[str, Any] = json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))
    return schema


def case_texts() -> list[str]:
    texts: list[str] = []
    for path in sorted(CASES_DIR.glob("*.json")):
        data = json.loads(path.read_text(encoding="utf-8"))
        texts.extend(case["text"] for case in data["cases"])
    return texts


def demo_text() -> str:
    return (resources.files("quoteattr") / "data" / "demo_article.txt").read_text("utf-8")


ALL_TEXTS = (*case_texts(), demo_text(), *OWN_TEXTS)


# --- a validator for the keywords the schema uses ----------------------------------------------


def _resolve(ref: str, root: dict[str, Any]) -> dict[str, Any]:
    """A local reference, ``#/$defs/name``; anything else is an error in the schema."""
    if not ref.startswith("#/"):
        raise ValueError(f"only local references are supported, got {ref!r}")
    node: Any = root
    for key in ref[2:].split("/"):
        node = node[key]
    if not isinstance(node, dict):
        raise ValueError(f"{ref!r} does not point to a schema")
    return node


def _has_type(value: Any, name: str) -> bool:
    # JSON has no booleans among its numbers, though Python's bool is an int.
    if name == "integer":
        return isinstance(value, int) and not isinstance(value, bool)
    if name == "number":
        return isinstance(value, (int, float)) and not isinstance(value, bool)
    python_types: dict[str, type | tuple[type, ...]] = {
        "object": dict,
        "array": list,
        "string": str,
        "boolean": bool,
        "null": type(None),
    }
    return isinstance(value, python_types[name])


def validate(
    value: Any, schema: dict[str, Any], root: dict[str, Any], where: str = "$"
) -> list[str]:
    """Every way ``value`` breaks ``schema``, as ``"<where>: <what>"`` lines (none when valid).

    >>> validate(1, {"type": "string"}, {})
    ['$: 1 is not of type string']
    """
    if "$ref" in schema:
        return validate(value, _resolve(schema["$ref"], root), root, where)
    errors: list[str] = []
    if "type" in schema:
        names = schema["type"] if isinstance(schema["type"], list) else [schema["type"]]
        if not any(_has_type(value, name) for name in names):
            return [f"{where}: {value!r} is not of type {' or '.join(names)}"]
    if "enum" in schema and value not in schema["enum"]:
        errors.append(f"{where}: {value!r} is not one of {schema['enum']}")
    if _has_type(value, "number"):
        if "minimum" in schema and value < schema["minimum"]:
            errors.append(f"{where}: {value!r} is below the minimum {schema['minimum']}")
        if "maximum" in schema and value > schema["maximum"]:
            errors.append(f"{where}: {value!r} is above the maximum {schema['maximum']}")
    if isinstance(value, list):
        if "minItems" in schema and len(value) < schema["minItems"]:
            errors.append(f"{where}: {len(value)} items, fewer than {schema['minItems']}")
        if "maxItems" in schema and len(value) > schema["maxItems"]:
            errors.append(f"{where}: {len(value)} items, more than {schema['maxItems']}")
        if "items" in schema:
            for index, item in enumerate(value):
                errors.extend(validate(item, schema["items"], root, f"{where}[{index}]"))
    if isinstance(value, dict):
        properties: dict[str, Any] = schema.get("properties", {})
        for name in schema.get("required", []):
            if name not in value:
                errors.append(f"{where}: the required field {name!r} is missing")
        for name, item in value.items():
            if name in properties:
                errors.extend(validate(item, properties[name], root, f"{where}.{name}"))
            elif schema.get("additionalProperties", True) is False:
                errors.append(f"{where}: the field {name!r} is not in the schema")
    return errors


# --- the three lists of fields -----------------------------------------------------------------


def schema_fields(schema: dict[str, Any], root: dict[str, Any], prefix: str = "") -> set[str]:
    """Every field the schema describes, as paths like ``quotes[].speaker.resolved_by``."""
    if "$ref" in schema:
        return schema_fields(_resolve(schema["$ref"], root), root, prefix)
    found: set[str] = set()
    for name, sub in schema.get("properties", {}).items():
        path = f"{prefix}.{name}" if prefix else name
        found.add(path)
        found |= schema_fields(sub, root, path)
    if "items" in schema:
        found |= schema_fields(schema["items"], root, prefix + "[]")
    return found


def emitted_fields(value: Any, prefix: str = "") -> set[str]:
    """Every field present in a piece of output, as paths like the schema's."""
    found: set[str] = set()
    if isinstance(value, dict):
        for name, item in value.items():
            path = f"{prefix}.{name}" if prefix else name
            found.add(path)
            found |= emitted_fields(item, path)
    elif isinstance(value, list):
        for item in value:
            found |= emitted_fields(item, prefix + "[]")
    return found


def documented_fields(markdown: str, header: str = "Field") -> set[str]:
    """The first-column code spans of every table whose first header is ``header``."""
    found: set[str] = set()
    in_field_table = False
    for line in markdown.splitlines():
        stripped = line.strip()
        if not stripped.startswith("|"):
            in_field_table = False
            continue
        cells = [cell.strip() for cell in stripped.strip("|").split("|")]
        if cells[0] == header:
            in_field_table = True
            continue
        if in_field_table:
            code = re.fullmatch(r"`([^`]+)`", cells[0])
            if code is not None:
                found.add(code.group(1))
    return found


def walk_schemas(schema: Any) -> Iterator[dict[str, Any]]:
    """Every (sub)schema object in the schema document."""
    if isinstance(schema, dict):
        yield schema
        for key, sub in schema.items():
            if key in ("properties", "$defs"):
                for inner in sub.values():
                    yield from walk_schemas(inner)
            elif key in ("items", "additionalProperties") and isinstance(sub, dict):
                yield from walk_schemas(sub)


# --- the schema itself -------------------------------------------------------------------------


def test_schema_uses_only_checked_keywords() -> None:
    schema = load_schema()
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    for sub in walk_schemas(schema):
        unknown = set(sub) - CHECKED - ANNOTATIONS
        assert not unknown, f"the validator here does not check {sorted(unknown)}"
        if "$ref" in sub:
            _resolve(sub["$ref"], schema)
        missing = set(sub.get("required", [])) - set(sub.get("properties", {}))
        assert not missing, f"required fields without a description: {sorted(missing)}"


def test_schema_enums_match_the_model() -> None:
    schema = load_schema()
    defs = schema["$defs"]
    assert defs["quote"]["properties"]["kind"]["enum"] == list(QUOTE_KINDS)
    assert defs["speaker"]["properties"]["type"]["enum"] == list(SPEAKER_TYPES)
    assert defs["quote"]["properties"]["speaker"]["properties"]["type"]["enum"] == list(
        SPEAKER_TYPES
    )


def _good_quote() -> dict[str, Any]:
    return {
        "text": "Hi,",
        "start": 1,
        "end": 4,
        "parts": [{"start": 1, "end": 4, "text": "Hi,"}],
        "kind": "direct",
        "marks": ['"', '"'],
        "confidence": 0.9,
        "speaker": None,
        "cue": {"text": "said", "start": 6, "end": 10},
        "nested": [],
        "unresolved": "no cue or speaker within reach",
    }


@pytest.mark.parametrize(
    ("change", "complaint"),
    [
        (lambda q: q.pop("marks"), "'marks' is missing"),
        (lambda q: q.update(extra=1), "'extra' is not in the schema"),
        (lambda q: q.update(kind="quip"), "is not one of"),
        (lambda q: q.update(start=-1), "below the minimum"),
        (lambda q: q.update(start=True), "not of type integer"),
        (lambda q: q.update(start=1.0), "not of type integer"),
        (lambda q: q.update(confidence=1.5), "above the maximum"),
        (lambda q: q.update(parts=[]), "fewer than 1"),
        (lambda q: q.update(marks=['"']), "fewer than 2"),
        (lambda q: q.update(marks=['"', '"', '"']), "more than 2"),
        (lambda q: q.update(speaker="Ada"), "not of type object or null"),
        (lambda q: q["parts"][0].pop("text"), "$.quotes[0].parts[0]: the required field 'text'"),
        (lambda q: q["cue"].update(end="10"), "$.quotes[0].cue.end: '10' is not of type"),
    ],
)
def test_the_validator_rejects_what_the_schema_forbids(change: Any, complaint: str) -> None:
    schema = load_schema()
    good = {"quotes": [_good_quote()], "speakers": []}
    assert validate(good, schema, schema) == []
    bad = {"quotes": [_good_quote()], "speakers": []}
    change(bad["quotes"][0])
    errors = validate(bad, schema, schema)
    assert any(complaint in error for error in errors), errors


# --- real output against the schema ------------------------------------------------------------


def _check_offsets(text: str, output: dict[str, Any]) -> None:
    """The offset rules ``output-format.md`` promises beyond what a schema can say."""
    ids = [speaker["id"] for speaker in output["speakers"]]
    assert len(ids) == len(set(ids)), "speaker ids are unique"
    credited = set()
    previous_start = -1
    for quote in output["quotes"]:
        assert quote["start"] >= previous_start, "quotes are in text order"
        previous_start = quote["start"]
        parts = quote["parts"]
        assert quote["text"] == " ".join(part["text"] for part in parts)
        assert (quote["start"], quote["end"]) == (parts[0]["start"], parts[-1]["end"])
        if len(parts) == 1:
            assert text[quote["start"] : quote["end"]] == quote["text"]
        spans = [*parts, *quote["nested"]]
        spans += [x for x in (quote["cue"], quote["speaker"]) if x is not None]
        for span in spans:
            assert text[span["start"] : span["end"]] == span["text"], span
        if quote["speaker"] is None:
            assert quote["unresolved"] is None or quote["unresolved"].strip()
        else:
            assert quote["unresolved"] is None
            assert quote["speaker"]["id"] in ids, "a quote's speaker is in the speakers list"
            credited.add(quote["speaker"]["id"])
    for speaker in output["speakers"]:
        assert speaker["id"] in credited, "every speaker listed said a returned quote"
        for mention in speaker["mentions"]:
            assert text[mention["start"] : mention["end"]] == mention["text"]


@pytest.mark.parametrize("text", ALL_TEXTS, ids=range(len(ALL_TEXTS)))
def test_output_matches_the_schema(text: str) -> None:
    schema = load_schema()
    output = extract(text).to_dict()
    assert validate(output, schema, schema) == []
    _check_offsets(text, output)


@pytest.mark.parametrize(
    "config",
    [
        Config(attribute_speakers=False),
        Config(resolve_pronouns=False),
        Config(kinds=frozenset({"direct"}), min_confidence=0.5),
    ],
    ids=["no-attribution", "no-pronouns", "direct-only"],
)
def test_output_under_other_configs_matches_the_schema(config: Config) -> None:
    schema = load_schema()
    for text in OWN_TEXTS:
        output = extract(text, config).to_dict()
        assert validate(output, schema, schema) == []
        _check_offsets(text, output)


@settings(max_examples=60, deadline=None)
@given(st.text(alphabet=st.sampled_from("ab .,:\n\"'“”‘’«»Ms said he"), max_size=80))
def test_output_for_any_text_matches_the_schema(text: str) -> None:
    schema = load_schema()
    output = extract(text).to_dict()
    assert validate(output, schema, schema) == []
    _check_offsets(text, output)


def test_command_jsonl_lines_match_the_schema() -> None:
    schema = load_schema()
    records: list[dict[str, Any]] = [
        {"id": "first", "text": OWN_TEXTS[0]},
        {"id": 7, "text": OWN_TEXTS[1]},
        {"text": ""},
    ]
    options = ["--input-format", "jsonl", "--format", "jsonl"]
    completed = subprocess.run(
        [sys.executable, "-m", "quoteattr", "extract", *options],
        input="".join(json.dumps(r) + "\n" for r in records).encode("utf-8"),
        capture_output=True,
        cwd=ROOT,
        timeout=120,
        check=True,
    )
    lines = [json.loads(line) for line in completed.stdout.decode("utf-8").splitlines()]
    assert [line["id"] for line in lines] == ["first", 7, "<stdin>:3"]
    for line, sent in zip(lines, records, strict=True):
        assert validate(line, schema, schema) == []
        assert {k: v for k, v in line.items() if k != "id"} == extract(sent["text"]).to_dict()


# --- code, schema and documentation agree ------------------------------------------------------


def _all_emitted() -> set[str]:
    found = emitted_fields(record(Document("a.txt", "", "a.txt"), extract("")))
    for text in ALL_TEXTS:
        found |= emitted_fields(extract(text).to_dict())
    return found


def test_every_emitted_field_is_in_the_schema_and_every_schema_field_is_emitted() -> None:
    schema = load_schema()
    described = schema_fields(schema, schema)
    emitted = _all_emitted()
    assert not emitted - described, f"emitted but not in the schema: {sorted(emitted - described)}"
    assert not described - emitted, (
        f"in the schema but never emitted by any sample: {sorted(described - emitted)}"
    )


def test_the_samples_show_every_kind() -> None:
    """So that the schema is checked against real output of each kind."""
    kinds = {quote.kind for text in ALL_TEXTS for quote in extract(text).quotes}
    assert kinds == set(QUOTE_KINDS)


def test_every_schema_field_is_documented() -> None:
    schema = load_schema()
    described = schema_fields(schema, schema)
    documented = documented_fields(FORMAT_DOC.read_text(encoding="utf-8"))
    assert not described - documented, (
        f"missing from the field tables of output-format.md: {sorted(described - documented)}"
    )
    assert not documented - described, (
        f"documented but not in the schema: {sorted(documented - described)}"
    )


def test_every_kind_and_speaker_type_is_documented() -> None:
    doc = FORMAT_DOC.read_text(encoding="utf-8")
    for kind in QUOTE_KINDS:
        assert re.search(rf"^#+ `{kind}`", doc, re.MULTILINE), f"no section for kind {kind!r}"
    for speaker_type in SPEAKER_TYPES:
        assert f"`{speaker_type}`" in doc, f"speaker type {speaker_type!r} is not documented"


def test_every_attribution_rule_is_documented() -> None:
    documented = documented_fields(FORMAT_DOC.read_text(encoding="utf-8"), header="Rule")
    assert documented == set(RULE_PRECISION), (
        f"the resolved_by table of output-format.md lists {sorted(documented)}, "
        f"the code has {sorted(RULE_PRECISION)}"
    )
    allowed = {*RULE_PRECISION, *(f"{rule}+pronoun" for rule in RULE_PRECISION)}
    for text in ALL_TEXTS:
        for quote in extract(text).quotes:
            if quote.speaker is not None:
                assert quote.speaker.resolved_by in allowed, quote.speaker


def test_the_worked_example_is_valid_output_for_its_text() -> None:
    """The example in output-format.md may lag the heuristics, but never the format."""
    doc = FORMAT_DOC.read_text(encoding="utf-8")
    example = doc.partition("## A worked example")[2]
    blocks = re.findall(r"^```(\w+)\n(.*?)^```$", example, re.MULTILINE | re.DOTALL)
    text = next(body for lang, body in blocks if lang == "text")
    output = json.loads(next(body for lang, body in blocks if lang == "json"))
    schema = load_schema()
    assert validate(output, schema, schema) == []
    _check_offsets(text, output)
    assert output["quotes"] and output["speakers"], "the example shows quotes and speakers"
