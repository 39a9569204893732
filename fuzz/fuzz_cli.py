"""Fuzz the command line's input handling: reading files, decoding, JSON Lines, writing.

    python fuzz/fuzz_cli.py [libFuzzer options] fuzz/corpus/cli
    python fuzz/fuzz_cli.py -max_total_time=600 fuzz/corpus/cli   # ten minutes

Each input is written to a file and run through the same functions ``quoteattr extract`` runs,
``read_documents`` then ``process`` into a writer, with the input format, encoding, error
handler, ``--skip-invalid`` and output format chosen by the input (see :func:`options`). The run
must never raise; it must return 0 or 2 as promised; every error must be one line naming the
file (and line); what was written must be complete, well formed, in order, and exactly the
documents before the first error (all of them with ``--skip-invalid``); and every offset in it
must slice the document's text to the quote's text.
"""

from __future__ import annotations

import contextlib
import io
import json
import os
import sys
import tempfile
from pathlib import Path
from typing import Any

# atheris ships no type information (no py.typed); the ignore names both codes so mypy is clean
# with atheris installed or not.
import atheris  # type: ignore[import-untyped, import-not-found, unused-ignore]

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

with atheris.instrument_imports(include=["quoteattr"]):
    from quoteattr import Config
    from quoteattr.cli import (
        Document,
        ExtractError,
        InputError,
        JsonlWriter,
        JsonWriter,
        TableWriter,
        Writer,
        process,
        read_documents,
    )

from known_bugs import KNOWN_BUGS, known_failure, sets_off_known_jsonl_bug

from tests.test_hostile import SPLIT_PAIR

ENCODINGS = ("utf-8", "utf-8-sig", "latin-1", "cp1252")
ERRORS = ("strict", "replace", "ignore", "surrogateescape")
FORMATS = ("jsonl", "json", "table", "jsonl")
TABLE_WIDTH = 100

# One file, rewritten for every input: the fuzzer runs one input at a time.
_DIRECTORY = tempfile.mkdtemp(prefix="quoteattr-fuzz-")
PATH = os.path.join(_DIRECTORY, "input")


def options(data: bytes) -> tuple[dict[str, Any], bytes]:
    """The command-line choices one fuzz input stands for, and the file's bytes.

    A first byte below 0x20 starts a two-byte header. First byte: bit 0 reads the file as one
    text (else as JSON Lines), bits 1-2 the encoding, bits 3-4 the error handler. Second byte:
    bit 0 ``--skip-invalid``, bits 1-2 the output format. Any other input is JSON Lines in
    strict UTF-8, written as JSON Lines, so the seeds in ``fuzz/corpus/cli`` read as written.

    >>> options(b'{"text": "Hi."}')[0]["input_format"]
    'jsonl'
    >>> sorted(options(b"\\x0f\\x03x")[0].items())  # doctest: +NORMALIZE_WHITESPACE
    [('encoding', 'cp1252'), ('errors', 'replace'), ('format', 'json'), ('input_format', 'text'),
     ('skip_invalid', True)]
    """
    first, second = 0, 0
    if data and data[0] < 0x20:
        first, second, data = data[0], data[1] if len(data) > 1 else 0, data[2:]
    chosen = {
        "input_format": "text" if first & 1 else "jsonl",
        "encoding": ENCODINGS[(first >> 1) & 3],
        "errors": ERRORS[(first >> 3) & 3],
        "skip_invalid": bool(second & 1),
        "format": FORMATS[(second >> 1) & 3],
    }
    return chosen, data


def _no_constant(name: str) -> Any:
    raise AssertionError(f"the output holds {name}, which is not JSON")


def _strict_loads(text: str) -> Any:
    if KNOWN_BUGS["nan-id"]:
        return json.loads(text)
    return json.loads(text, parse_constant=_no_constant)


def _writer(output_format: str, stream: io.TextIOWrapper) -> Writer:
    if output_format == "jsonl":
        return JsonlWriter(stream)
    if output_format == "json":
        return JsonWriter(stream, array=True)
    return TableWriter(stream, TABLE_WIDTH)


def _check_spans(documents: list[Document], records: list[Any]) -> None:
    """The records are the documents' results, in order, and every offset slices back."""
    if len(records) != len(documents):
        raise AssertionError(f"{len(records)} records written for {len(documents)} documents")
    for document, written in zip(documents, records, strict=True):
        if set(written) != {"id", "quotes", "speakers"}:
            raise AssertionError(f"record keys {sorted(written)}")
        if SPLIT_PAIR.search(document.text):
            continue  # JSON reads such a pair back as one character (tests/test_hostile.py)
        for quote in written["quotes"]:
            for part in quote["parts"]:
                if document.text[part["start"] : part["end"]] != part["text"]:
                    raise AssertionError(f"part {part} does not slice back")


def fuzz_one_input(data: bytes) -> None:
    """Run one fuzz input through the command's reading, extracting and writing."""
    chosen, body = options(data)
    if chosen["input_format"] == "jsonl" and sets_off_known_jsonl_bug(body):
        return
    with open(PATH, "wb") as handle:
        handle.write(body)
    items = list(
        read_documents([PATH], chosen["input_format"], chosen["encoding"], chosen["errors"])
    )
    documents = []
    for item in items:
        if isinstance(item, InputError):
            if not item.where.startswith(PATH) or "\n" in str(item) or "\r" in str(item):
                raise AssertionError(f"error message is not one line naming the file: {item}")
        elif isinstance(item, Document):
            documents.append(item)
        else:
            raise AssertionError(f"read_documents yielded {item!r}")
    if chosen["input_format"] == "text" and len(items) != 1:
        raise AssertionError(f"a text file gave {len(items)} items")

    # What _prepare_stdout makes of standard output for JSON: UTF-8, lone surrogates escaped.
    raw = io.BytesIO()
    stream = io.TextIOWrapper(raw, encoding="utf-8", errors="backslashreplace", newline="\n")
    stderr = io.StringIO()
    writer = _writer(chosen["format"], stream)
    try:
        with contextlib.redirect_stderr(stderr):
            status = process(items, Config(), writer, skip_invalid=chosen["skip_invalid"])
    except ExtractError as error:
        if known_failure(error):
            return
        raise
    stream.flush()
    output = raw.getvalue().decode("utf-8")  # strict: the output must be valid UTF-8

    failed = len(items) - len(documents)
    if chosen["skip_invalid"] or not failed:
        expected_status, finished = 0, documents
    else:
        first_error = next(i for i, item in enumerate(items) if isinstance(item, InputError))
        expected_status, finished = 2, documents[:first_error]
    if status != expected_status:
        raise AssertionError(f"exit status {status}, expected {expected_status}")
    messages = stderr.getvalue().splitlines()
    if failed and len(messages) != 1:
        raise AssertionError(f"{len(messages)} lines on standard error for {failed} bad inputs")

    if chosen["format"] == "jsonl":
        if output and not output.endswith("\n"):
            raise AssertionError("the last JSON Lines record is not complete")
        _check_spans(finished, [_strict_loads(line) for line in output.split("\n") if line])
    elif chosen["format"] == "json":
        _check_spans(finished, _strict_loads(output))
    else:
        for line in output.split("\n"):
            if len(line) > TABLE_WIDTH or not line.isprintable():
                raise AssertionError(f"table line too wide or not printable: {line!r}")


def main() -> None:
    """Run atheris with the command line's libFuzzer options."""
    atheris.Setup(sys.argv, fuzz_one_input)
    atheris.Fuzz()


if __name__ == "__main__":
    main()
