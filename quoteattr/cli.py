"""The ``quoteattr`` command: extract quotes from files or standard input, show a demo, evaluate.

The command is three steps kept apart so each can change alone. *Reading* turns the sources on
the command line into a stream of :class:`Document` (or :class:`InputError` for input that cannot
be used); *extracting* runs :func:`quoteattr.extract` on each document; *writing* renders each
result in the chosen format as soon as it is ready. Everything streams: one document is held at a
time, JSON Lines input is read line by line, and each result is flushed when written, so an error
part-way through leaves every earlier result written and complete.

Text files are decoded but never rewritten: a ``\\r\\n`` stays two characters, so every offset in
the output indexes the file's decoded text exactly.

Exit status: 0 on success (also when ``--skip-invalid`` skipped something), 2 for unusable input or
a usage error, with one line on standard error naming the file and line.
"""

from __future__ import annotations

import argparse
import codecs
import contextlib
import io
import json
import os
import shutil
import sys
from collections.abc import Callable, Iterable, Iterator, Sequence
from importlib import resources
from typing import IO, Any, Protocol, TextIO

from attrs import define, frozen

from . import Config, __version__, extract
from .model import QUOTE_KINDS, Article

PROG = "quoteattr"
#: The sample article ``quoteattr demo`` reads, inside the installed package.
DEMO_ARTICLE = "demo_article.txt"
#: What the stdin source is called in messages (its document id is ``-``).
STDIN_NAME = "<stdin>"

EXIT_OK = 0
EXIT_INPUT = 2  # also what argparse uses for usage errors


@frozen
class Document:
    """One text to extract from, with the id written beside its result.

    Attributes:
        id: The id in the output: the path for a text file, ``-`` for standard input, the
            ``id`` value of a JSON Lines record (any JSON value, kept as given).
        text: The text, decoded and otherwise untouched.
        where: Where it came from, for messages: ``path`` or ``path:line``.

    >>> Document("a.txt", "Hi.", "a.txt").id
    'a.txt'
    """

    id: object
    text: str
    where: str


class InputError(ValueError):
    """Input that cannot be used: an unreadable file, undecodable bytes, a bad JSON Lines record.

    Attributes:
        where: ``path`` or ``path:line``.
        reason: What is wrong, without the location.

    >>> str(InputError("data.jsonl:17", "invalid JSON: Expecting value at column 1"))
    'data.jsonl:17: invalid JSON: Expecting value at column 1'
    """

    def __init__(self, where: str, reason: str) -> None:
        message = f"{where}: {reason}"
        super().__init__(message)
        self.where = where
        self.reason = reason


# ---------------------------------------------------------------------------------------------
# Reading: sources -> documents


def read_documents(
    sources: Iterable[str], input_format: str, encoding: str = "utf-8", errors: str = "strict"
) -> Iterator[Document | InputError]:
    """Read each source in turn, yielding its documents, or an error for input that is unusable.

    Errors are yielded, not raised, so the caller decides whether to stop or skip and go on.

    Args:
        sources: File paths; ``-`` is standard input.
        input_format: ``text`` (each source is one document) or ``jsonl`` (one
            ``{"id": …, "text": …}`` object a line; other keys are ignored; blank lines are
            skipped; a record without ``id`` gets ``path:line``).
        encoding: The codec the bytes are decoded with.
        errors: How decoding errors are handled (``strict``, ``replace``, ``ignore``,
            ``surrogateescape``).

    Yields:
        A :class:`Document` per text, or an :class:`InputError` where one cannot be read.

    >>> bad = next(read_documents(["no/such/file.txt"], "text"))
    >>> str(bad)
    'no/such/file.txt: cannot read: No such file or directory'
    """
    for source in sources:
        if input_format == "jsonl":
            yield from _read_jsonl(source, encoding, errors)
        else:
            yield _read_text(source, encoding, errors)


def _display_name(source: str) -> str:
    return STDIN_NAME if source == "-" else source


def _open_binary(source: str) -> contextlib.AbstractContextManager[IO[bytes]]:
    if source == "-":
        if sys.stdin is None:
            raise OSError("standard input is closed")
        # Standard input belongs to the process: read it, never close it.
        return contextlib.nullcontext(sys.stdin.buffer)
    return open(source, "rb")


def _os_reason(exc: OSError) -> str:
    return f"cannot read: {exc.strerror or exc}"


def _decode_reason(exc: UnicodeDecodeError, encoding: str) -> str:
    byte = exc.object[exc.start]
    return (
        f"cannot decode byte 0x{byte:02x} as {encoding} ({exc.reason}); "
        "try --encoding or --errors replace"
    )


def _read_text(source: str, encoding: str, errors: str) -> Document | InputError:
    name = _display_name(source)
    try:
        with _open_binary(source) as stream:
            data = stream.read()
    except OSError as exc:
        return InputError(name, _os_reason(exc))
    try:
        text = data.decode(encoding, errors)
    except UnicodeDecodeError as exc:
        line = data[: exc.start].decode(encoding, "replace").count("\n") + 1
        return InputError(f"{name}:{line}", _decode_reason(exc, encoding))
    return Document(id=source, text=text, where=name)


def _read_jsonl(source: str, encoding: str, errors: str) -> Iterator[Document | InputError]:
    name = _display_name(source)
    try:
        with _open_binary(source) as stream:
            # Iterating a binary file reads one line at a time: memory stays at one record.
            for number, raw in enumerate(stream, start=1):
                item = _parse_record(raw, f"{name}:{number}", encoding, errors)
                if item is not None:
                    yield item
    except OSError as exc:
        yield InputError(name, _os_reason(exc))


def _parse_record(
    raw: bytes, where: str, encoding: str, errors: str
) -> Document | InputError | None:
    try:
        line = raw.decode(encoding, errors)
    except UnicodeDecodeError as exc:
        return InputError(where, _decode_reason(exc, encoding))
    if not line.strip():
        return None
    try:
        record = json.loads(line)
    except json.JSONDecodeError as exc:
        return InputError(where, f"invalid JSON: {exc.msg} at column {exc.colno}")
    if not isinstance(record, dict):
        return InputError(where, f"expected a JSON object, got {_json_type(record)}")
    if "text" not in record:
        return InputError(where, 'the object has no "text" key')
    text = record["text"]
    if not isinstance(text, str):
        return InputError(where, f'"text" must be a string, got {_json_type(text)}')
    return Document(id=record.get("id", where), text=text, where=where)


def _json_type(value: object) -> str:
    """Name a parsed JSON value's type as JSON does.

    >>> [_json_type(v) for v in ([1], "a", 1.5, True, None, {})]
    ['an array', 'a string', 'a number', 'a boolean', 'null', 'an object']
    """
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "a boolean"
    if isinstance(value, (int, float)):
        return "a number"
    if isinstance(value, str):
        return "a string"
    if isinstance(value, list):
        return "an array"
    return "an object"


def _ascii_compatible(encoding: str) -> bool:
    """Whether JSON Lines can be split into lines at ``\\n`` bytes before decoding.

    >>> [_ascii_compatible(e) for e in ("utf-8", "utf-8-sig", "latin-1", "utf-16")]
    [True, True, True, False]
    """
    sample = b'{"id": 1}\n'
    try:
        return sample.decode(encoding) == sample.decode("ascii")
    except UnicodeDecodeError:
        return False


# ---------------------------------------------------------------------------------------------
# Extracting: documents -> (document, article)


@define
class Skipped:
    """How many unusable inputs ``--skip-invalid`` passed over, and the first of them."""

    count: int = 0
    first: InputError | None = None

    def add(self, error: InputError) -> None:
        """Count one more skipped input."""
        self.count += 1
        if self.first is None:
            self.first = error


def valid_documents(
    items: Iterable[Document | InputError], skipped: Skipped | None
) -> Iterator[Document]:
    """Pass documents through; skip errors into ``skipped``, or raise them when it is ``None``.

    Args:
        items: What :func:`read_documents` yields.
        skipped: The tally for ``--skip-invalid``; ``None`` makes the first error stop the run.

    Yields:
        The documents, in order.

    Raises:
        InputError: The first error, when ``skipped`` is ``None``.

    >>> tally = Skipped()
    >>> items = [Document("a", "A.", "a"), InputError("b", "cannot read"), Document("c", "", "c")]
    >>> [d.id for d in valid_documents(items, tally)], tally.count
    (['a', 'c'], 1)
    """
    for item in items:
        if isinstance(item, InputError):
            if skipped is None:
                raise item
            skipped.add(item)
        else:
            yield item


def extract_documents(
    documents: Iterable[Document], config: Config
) -> Iterator[tuple[Document, Article]]:
    """Run :func:`quoteattr.extract` on each document, in order.

    A run over many documents with ``--jobs`` would replace this one function.

    Args:
        documents: The documents to read.
        config: How to extract.

    Yields:
        Each document with its article.

    >>> [(d.id, len(a.quotes)) for d, a in extract_documents([Document("a", "", "a")], Config())]
    [('a', 0)]
    """
    for document in documents:
        try:
            article = extract(document.text, config)
        except Exception:
            # A bug, not bad input: say which document set it off, then show the traceback.
            _error(f"{document.where}: internal error while extracting quotes")
            raise
        yield document, article


# ---------------------------------------------------------------------------------------------
# Writing: (document, article) -> output


class Writer(Protocol):
    """Renders results one document at a time; each ``write`` leaves complete output behind."""

    def write(self, document: Document, article: Article) -> None:
        """Write one document's result and flush it."""

    def close(self) -> None:
        """Finish the output (also after an error, so what was written stays well formed)."""


def record(document: Document, article: Article) -> dict[str, Any]:
    """The JSON record of one document: ``{"id": …}`` followed by ``article.to_dict()``.

    >>> record(Document("a.txt", "", "a.txt"), Article("", (), ()))
    {'id': 'a.txt', 'quotes': [], 'speakers': []}
    """
    return {"id": document.id, **article.to_dict()}


class JsonlWriter:
    """One compact JSON object a line, per document."""

    def __init__(self, stream: TextIO) -> None:
        self.stream = stream

    def write(self, document: Document, article: Article) -> None:
        """Write one line and flush it."""
        self.stream.write(json.dumps(record(document, article), ensure_ascii=False) + "\n")
        self.stream.flush()

    def close(self) -> None:
        """Nothing to finish: every line is complete on its own."""


class JsonWriter:
    """Indented JSON: one object for a single document, or an array streamed element by element.

    The array's closing bracket is written on :meth:`close`, which also runs after an error, so
    the output is a valid array of every document finished before it.
    """

    def __init__(self, stream: TextIO, *, array: bool) -> None:
        self.stream = stream
        self.array = array
        self.written = 0

    def write(self, document: Document, article: Article) -> None:
        """Write one object (as the next array element when writing an array) and flush it."""
        text = json.dumps(record(document, article), ensure_ascii=False, indent=2)
        if self.array:
            text = ("[\n" if self.written == 0 else ",\n") + text
        else:
            text += "\n"
        self.stream.write(text)
        self.stream.flush()
        self.written += 1

    def close(self) -> None:
        """Close the array."""
        if self.array:
            self.stream.write("\n]\n" if self.written else "[]\n")
            self.stream.flush()


class TableWriter:
    """A readable terminal view: a heading per document, then a row per quote."""

    def __init__(self, stream: TextIO, width: int) -> None:
        self.stream = stream
        self.width = width
        self.written = 0

    def write(self, document: Document, article: Article) -> None:
        """Write one document's table and flush it."""
        lines = format_table(document.id, article, self.width)
        self.stream.write(("\n" if self.written else "") + "\n".join(lines) + "\n")
        self.stream.flush()
        self.written += 1

    def close(self) -> None:
        """Nothing to finish: every table is complete on its own."""


SPEAKER_WIDTH = (7, 24)  # narrowest and widest the speaker column gets
KIND_WIDTH = max(len(kind) for kind in QUOTE_KINDS)
MIN_QUOTE_WIDTH = 16


def format_table(doc_id: object, article: Article, width: int = 100) -> list[str]:
    """Lay out one article's quotes as lines of at most ``width`` characters.

    Each quote shows its kind, its speaker's name (``—`` when none was found), its confidence
    and its text on one line, shortened with ``…`` to fit.

    >>> from quoteattr.model import Quote, Span
    >>> quote = Quote.from_parts((Span(1, 13, "Hello there,"),), kind="direct", marks=('"', '"'))
    >>> print("\\n".join(format_table("-", Article('"Hello there," she said.', (quote,), ()), 40)))
    - (1 quote, 0 speakers)
      KIND      SPEAKER  CONF  QUOTE
      direct    —        1.00  Hello there,
    """
    heading = _shorten(
        f"{_one_line(str(doc_id))} ({_count(len(article.quotes), 'quote')}, "
        f"{_count(len(article.speakers), 'speaker')})",
        width,
    )
    if not article.quotes:
        return [heading, "  (no quotes found)"]
    names = [_one_line(q.speaker.name) if q.speaker else "\N{EM DASH}" for q in article.quotes]
    speaker_width = min(max(SPEAKER_WIDTH[0], *map(len, names)), SPEAKER_WIDTH[1])
    indent = "  "
    used = len(indent) + KIND_WIDTH + 2 + speaker_width + 2 + 4 + 2
    quote_width = max(width - used, MIN_QUOTE_WIDTH)
    lines = [heading, f"{indent}{'KIND':<{KIND_WIDTH}}  {'SPEAKER':<{speaker_width}}  CONF  QUOTE"]
    for quote, name in zip(article.quotes, names, strict=True):
        lines.append(
            f"{indent}{quote.kind:<{KIND_WIDTH}}  {_shorten(name, speaker_width):<{speaker_width}}"
            f"  {quote.confidence:.2f}  {_shorten(_one_line(quote.text), quote_width)}"
        )
    return lines


def _count(number: int, noun: str) -> str:
    return f"{number} {noun}" if number == 1 else f"{number} {noun}s"


def _one_line(text: str) -> str:
    """Fold white space to single spaces and replace control characters, for a terminal.

    >>> _one_line("two\\n\\nparagraphs\\x1b[31m")
    'two paragraphs�[31m'
    """
    folded = " ".join(text.split())
    if folded.isprintable():
        return folded
    return "".join(c if c.isprintable() else "\N{REPLACEMENT CHARACTER}" for c in folded)


def _shorten(text: str, width: int) -> str:
    """Cut ``text`` to ``width`` characters, ending with ``…`` when cut.

    >>> _shorten("We will rebuild the bridge", 12)
    'We will reb…'
    """
    if len(text) <= width:
        return text
    return text[: width - 1].rstrip() + "\N{HORIZONTAL ELLIPSIS}"


def make_writer(output_format: str, stream: TextIO, *, several: bool) -> Writer:
    """The writer for ``--format``; ``several`` makes ``json`` write an array.

    >>> type(make_writer("jsonl", sys.stdout, several=True)).__name__
    'JsonlWriter'
    """
    if output_format == "jsonl":
        return JsonlWriter(stream)
    if output_format == "json":
        return JsonWriter(stream, array=several)
    width = max(shutil.get_terminal_size((100, 24)).columns, 40)
    return TableWriter(stream, width)


def _prepare_stdout(output_format: str) -> None:
    if not isinstance(sys.stdout, io.TextIOWrapper):
        return  # replaced (by a test harness, say): leave it as it is
    if output_format == "table":
        sys.stdout.reconfigure(errors="replace")
    else:
        # JSON is UTF-8. Lone surrogates (from --errors surrogateescape) come out as \udcxx,
        # which inside a JSON string is the escape for that same code point.
        sys.stdout.reconfigure(encoding="utf-8", errors="backslashreplace")


# ---------------------------------------------------------------------------------------------
# Running


def process(
    items: Iterable[Document | InputError],
    config: Config,
    writer: Writer,
    *,
    skip_invalid: bool = False,
) -> int:
    """Extract from every document and write each result; report unusable input.

    Args:
        items: What :func:`read_documents` yields.
        config: How to extract.
        writer: Where results go.
        skip_invalid: Skip unusable input and report how many at the end, instead of stopping
            at the first.

    Returns:
        The exit status: 0, or 2 after unusable input without ``skip_invalid``.

    >>> process([Document("a", "No quotes.", "a")], Config(), JsonlWriter(sys.stdout))
    {"id": "a", "quotes": [], "speakers": []}
    0
    """
    skipped = Skipped() if skip_invalid else None
    try:
        for document, article in extract_documents(valid_documents(items, skipped), config):
            writer.write(document, article)
    except InputError as exc:
        _error(str(exc))
        return EXIT_INPUT
    finally:
        writer.close()
    if skipped is not None and skipped.count:
        sys.stdout.flush()
        _error(
            f"skipped {_count(skipped.count, 'invalid input')}; the first: {skipped.first}",
            label="warning",
        )
    return EXIT_OK


def _error(message: str, label: str = "error") -> None:
    # One line, always: a path with a line break in it must not split the message.
    line = message.replace("\r", "\\r").replace("\n", "\\n")
    print(f"{PROG}: {label}: {line}", file=sys.stderr, flush=True)


def _run_extract(args: argparse.Namespace) -> int:
    sources: list[str] = args.paths or ["-"]
    if args.input_format == "jsonl" and not _ascii_compatible(args.encoding):
        _error(f"--input-format jsonl needs an ASCII-compatible encoding, not {args.encoding}")
        return EXIT_INPUT
    config = Config() if args.kinds is None else Config(kinds=args.kinds)
    several = args.input_format == "jsonl" or len(sources) > 1
    _prepare_stdout(args.format)
    writer = make_writer(args.format, sys.stdout, several=several)
    items = read_documents(sources, args.input_format, args.encoding, args.errors)
    return process(items, config, writer, skip_invalid=args.skip_invalid)


def _run_demo(args: argparse.Namespace) -> int:
    article = resources.files("quoteattr").joinpath("data").joinpath(DEMO_ARTICLE)
    text = article.read_bytes().decode("utf-8")
    _prepare_stdout(args.format)
    writer = make_writer(args.format, sys.stdout, several=False)
    return process([Document(DEMO_ARTICLE, text, DEMO_ARTICLE)], Config(), writer)


def _run_evaluate(argv: Sequence[str]) -> int:
    # Imported only here, so a missing or broken evaluation module never breaks `extract`.
    try:
        import quoteattr.evaluate as evaluate
    except ModuleNotFoundError as exc:
        if exc.name != "quoteattr.evaluate":
            raise
        _error("the evaluate command is not available in this installation")
        return EXIT_INPUT
    parser = argparse.ArgumentParser(
        prog=f"{PROG} evaluate",
        description="Score predicted quotes against gold JSON Lines.",
    )
    evaluate.add_arguments(parser)
    return evaluate.run(parser.parse_args(argv))


def _kinds(value: str) -> frozenset[str]:
    """Parse ``--kinds``: comma-separated quote kinds.

    >>> sorted(_kinds("direct, partial"))
    ['direct', 'partial']
    """
    names = frozenset(part.strip() for part in value.split(",") if part.strip())
    unknown = sorted(names - set(QUOTE_KINDS))
    if unknown or not names:
        raise argparse.ArgumentTypeError(
            f"unknown quote kind {', '.join(unknown) or repr(value)}; "
            f"choose from {','.join(QUOTE_KINDS)}"
        )
    return names


def _encoding(value: str) -> str:
    try:
        codecs.lookup(value)
    except LookupError:
        raise argparse.ArgumentTypeError(f"unknown encoding {value!r}") from None
    return value


def build_parser() -> argparse.ArgumentParser:
    """The argument parser of the ``quoteattr`` command.

    >>> build_parser().parse_args(["extract", "--kinds", "direct", "a.txt"]).paths
    ['a.txt']
    """
    parser = argparse.ArgumentParser(
        prog=PROG,
        description="Find quotations in news text, attribute their speakers, and print them "
        "with exact character offsets.",
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    extract_parser = commands.add_parser(
        "extract",
        help="extract quotes from text files, JSON Lines or standard input",
        description="Extract quotes and speakers. Offsets index each document's decoded text "
        "exactly as read (line endings are not translated).",
    )
    extract_parser.add_argument(
        "paths",
        nargs="*",
        metavar="PATH",
        help="input files; standard input when none is given or for '-'",
    )
    extract_parser.add_argument(
        "--input-format",
        choices=("text", "jsonl"),
        default="text",
        help="text: each file is one document, its id the path ('-' for standard input); "
        'jsonl: one {"id": ..., "text": ...} object a line, other keys ignored (default: text)',
    )
    _add_format(
        extract_parser,
        default="json",
        extra="json writes one object for a single text input, otherwise an array with an "
        "element per document; ",
    )
    extract_parser.add_argument(
        "--kinds",
        type=_kinds,
        metavar="KIND,...",
        help=f"return only these kinds of quote, from {','.join(QUOTE_KINDS)} (default: all)",
    )
    extract_parser.add_argument(
        "--encoding",
        type=_encoding,
        default="utf-8",
        help="encoding of the input (default: utf-8; utf-8-sig drops a byte-order mark)",
    )
    extract_parser.add_argument(
        "--errors",
        choices=("strict", "replace", "ignore", "surrogateescape"),
        default="strict",
        help="what to do with bytes the encoding cannot decode; strict stops with an error "
        "(default: strict)",
    )
    extract_parser.add_argument(
        "--skip-invalid",
        action="store_true",
        help="skip unreadable files and bad JSON Lines records, and report how many at the end, "
        "instead of stopping at the first",
    )
    extract_parser.set_defaults(handler=_run_extract)

    demo_parser = commands.add_parser(
        "demo",
        help="extract quotes from a sample article and show them",
        description="Run extract on the sample article shipped with quoteattr.",
    )
    _add_format(demo_parser, default="table")
    demo_parser.set_defaults(handler=_run_demo)

    # Parsed by quoteattr.evaluate's own parser (see main); listed here for --help.
    commands.add_parser(
        "evaluate",
        help="score predicted quotes against gold JSON Lines",
        add_help=False,
    )
    return parser


def _add_format(parser: argparse.ArgumentParser, *, default: str, extra: str = "") -> None:
    parser.add_argument(
        "--format",
        choices=("json", "jsonl", "table"),
        default=default,
        help=f'output format: {extra}jsonl writes one {{"id", "quotes", "speakers"}} object '
        f"a line; table is a view for people (default: {default})",
    )


def main(argv: Sequence[str] | None = None) -> int:
    """Run the ``quoteattr`` command.

    Args:
        argv: The arguments after the program name (default: ``sys.argv[1:]``).

    Returns:
        The exit status.

    >>> main(["extract", "--format", "jsonl", "no/such/file.txt"])
    2
    """
    arguments = list(sys.argv[1:] if argv is None else argv)
    try:
        if arguments[:1] == ["evaluate"]:
            # The evaluation module owns its options and is imported only when asked for.
            return _run_evaluate(arguments[1:])
        args = build_parser().parse_args(arguments)
        handler: Callable[[argparse.Namespace], int] = args.handler
        return handler(args)
    except BrokenPipeError:
        # The reader went away (`quoteattr extract … | head`): stop quietly, as Unix tools do,
        # and keep Python from complaining again when it flushes stdout at exit.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return 1
    except KeyboardInterrupt:
        return 130
