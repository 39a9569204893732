"""The ``quoteattr`` command: extract quotes from files or standard input, show a demo, evaluate.

The command is three steps kept apart so each can change alone. *Reading* turns the sources on
the command line into a stream of :class:`Document` (or :class:`InputError` for input that cannot
be used); *extracting* runs :func:`quoteattr.extract` on each document and renders its result in
the chosen format; *writing* puts each rendered result out as soon as it is ready. Everything
streams: JSON Lines input is read line by line, each result is flushed when written, and only a
bounded number of documents is ever held, so an error part-way through leaves every earlier
result written and complete, and memory stays flat whatever the size of the corpus.

With ``--jobs N`` extraction and rendering run in N worker processes. The main process still
reads the input and writes the output, in input order: it sends the workers chunks of documents
(about :data:`CHUNK_CHARS` characters each), keeps at most a few chunks a worker in flight, and
writes each chunk's rendered results when every chunk before it is written. Rendering in the
workers is what makes the output byte for byte the same as with one process: the same function
turns the same article into the same text, wherever it runs.

A progress bar (documents, quotes, rate, elapsed time, and the share done and time left when the
input's size is known) and a closing one-line summary go to standard error when it is a
terminal; nothing extra is written there otherwise, so scripts see only errors and warnings.

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
import queue
import shutil
import signal
import stat
import sys
import threading
import time
from collections import deque
from collections.abc import Callable, Generator, Iterable, Iterator, Sequence
from importlib import resources
from typing import IO, TYPE_CHECKING, Any, NamedTuple, Protocol, TextIO

if TYPE_CHECKING:
    from concurrent.futures import Future

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


@define
class BytesRead:
    """How many bytes of input have been read so far: the progress bar's measure of work done.

    >>> counter = BytesRead()
    >>> _ = list(read_documents(["no/such/file.txt"], "text", bytes_read=counter))
    >>> counter.total
    0
    """

    total: int = 0


def read_documents(
    sources: Iterable[str],
    input_format: str,
    encoding: str = "utf-8",
    errors: str = "strict",
    *,
    bytes_read: BytesRead | None = None,
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
        bytes_read: Counts the bytes read, up to the end of the item last yielded.

    Yields:
        A :class:`Document` per text, or an :class:`InputError` where one cannot be read.

    >>> bad = next(read_documents(["no/such/file.txt"], "text"))
    >>> str(bad)
    'no/such/file.txt: cannot read: No such file or directory'
    """
    counter = BytesRead() if bytes_read is None else bytes_read
    for source in sources:
        if input_format == "jsonl":
            yield from _read_jsonl(source, encoding, errors, counter)
        else:
            yield _read_text(source, encoding, errors, counter)


def input_size(sources: Iterable[str]) -> int | None:
    """The total size in bytes of the sources, or ``None`` when one has no size known in advance.

    Regular files (standard input too, when redirected from one) have a size; a pipe or a
    terminal does not. A source that cannot be read counts 0: it will be reported when read.

    >>> input_size(["no/such/file.txt"])
    0
    """
    total = 0
    for source in sources:
        try:
            if source == "-":
                if sys.stdin is None:
                    continue
                status = os.fstat(sys.stdin.fileno())
            else:
                status = os.stat(source)
        except (OSError, ValueError):
            continue  # closed or unusable: it reads as an error, or as nothing
        if not stat.S_ISREG(status.st_mode):
            return None
        total += status.st_size
    return total


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


def _read_text(
    source: str, encoding: str, errors: str, bytes_read: BytesRead
) -> Document | InputError:
    name = _display_name(source)
    try:
        with _open_binary(source) as stream:
            data = stream.read()
    except OSError as exc:
        return InputError(name, _os_reason(exc))
    bytes_read.total += len(data)
    try:
        text = data.decode(encoding, errors)
    except UnicodeDecodeError as exc:
        line = data[: exc.start].decode(encoding, "replace").count("\n") + 1
        return InputError(f"{name}:{line}", _decode_reason(exc, encoding))
    return Document(id=source, text=text, where=name)


def _read_jsonl(
    source: str, encoding: str, errors: str, bytes_read: BytesRead
) -> Iterator[Document | InputError]:
    name = _display_name(source)
    try:
        with _open_binary(source) as stream:
            # Iterating a binary file reads one line at a time: memory stays at one record.
            for number, raw in enumerate(stream, start=1):
                bytes_read.total += len(raw)
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
        record = json.loads(line, parse_constant=_reject_constant, parse_float=_finite_float)
    except json.JSONDecodeError as exc:
        return InputError(where, f"invalid JSON: {exc.msg} at column {exc.colno}")
    except ValueError as exc:  # NaN/Infinity, 1e999, an integer too long to convert
        return InputError(where, f"invalid JSON: {exc}")
    except RecursionError:
        return InputError(where, "invalid JSON: nested too deeply")
    if not isinstance(record, dict):
        return InputError(where, f"expected a JSON object, got {_json_type(record)}")
    if "text" not in record:
        return InputError(where, 'the object has no "text" key')
    text = record["text"]
    if not isinstance(text, str):
        return InputError(where, f'"text" must be a string, got {_json_type(text)}')
    return Document(id=record.get("id", where), text=text, where=where)


def _reject_constant(name: str) -> object:
    """NaN and Infinity are not JSON: a record holding one would be written back invalid."""
    raise ValueError(f"{name} is not a JSON number")


def _finite_float(literal: str) -> float:
    value = float(literal)
    if value in (float("inf"), float("-inf")):
        raise ValueError(f"{literal} is too large for a JSON number")
    return value


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


class ExtractError(RuntimeError):
    """A bug, not bad input: :func:`quoteattr.extract` failed on a document.

    Raised from the original exception, whose traceback is shown; it says which document set
    it off, also when that happened in a worker process.

    Attributes:
        where: ``path`` or ``path:line`` of the document.

    >>> str(ExtractError("data.jsonl:3"))
    'data.jsonl:3: internal error while extracting quotes'
    """

    def __init__(self, where: str) -> None:
        message = f"{where}: internal error while extracting quotes"
        super().__init__(message)
        self.where = where

    def __reduce__(self) -> tuple[type[ExtractError], tuple[str]]:
        # Pickled to travel back from a worker process, it is rebuilt from ``where``.
        return (type(self), (self.where,))


class Rendered(NamedTuple):
    """One document's result as output text, and how many quotes it holds (for the counts)."""

    text: str
    quotes: int


@frozen
class Renderer:
    """Turns one document's result into its output text; small and picklable, so that worker
    processes render exactly as the main process would.

    Attributes:
        output_format: ``jsonl`` (one line), ``json`` (an indented object, without the array
            punctuation its writer adds) or ``table``.
        width: The width of a ``table``.

    >>> print(Renderer("jsonl").render(Document("a", "", "a"), Article("", (), ())), end="")
    {"id": "a", "quotes": [], "speakers": []}
    """

    output_format: str = "jsonl"
    width: int = 100

    def render(self, document: Document, article: Article) -> str:
        """The output text of one document."""
        if self.output_format == "jsonl":
            return json.dumps(record(document, article), ensure_ascii=False) + "\n"
        if self.output_format == "json":
            return json.dumps(record(document, article), ensure_ascii=False, indent=2)
        return "\n".join(format_table(document.id, article, self.width)) + "\n"


def render_document(document: Document, config: Config, renderer: Renderer) -> Rendered:
    """Run :func:`quoteattr.extract` on one document and render the result.

    Args:
        document: The document.
        config: How to extract.
        renderer: How to write the result.

    Returns:
        The output text and the number of quotes.

    Raises:
        ExtractError: The extractor failed (a bug); raised from its exception.

    >>> render_document(Document("a", "", "a"), Config(), Renderer("jsonl")).quotes
    0
    """
    try:
        article = extract(document.text, config)
    except Exception as exc:
        raise ExtractError(document.where) from exc
    return Rendered(renderer.render(document, article), len(article.quotes))


def _render_chunk(chunk: list[Document], config: Config, renderer: Renderer) -> list[Rendered]:
    """What a worker process runs: a chunk of documents, extracted and rendered in order."""
    return [render_document(document, config, renderer) for document in chunk]


def _ignore_interrupts() -> None:
    # Ctrl-C reaches the whole process group. The main process alone handles it (it stops,
    # closes the output and shuts the workers down); workers must not print tracebacks of it.
    signal.signal(signal.SIGINT, signal.SIG_IGN)


#: A chunk sent to a worker closes once it holds this many characters of text: large enough
#: that sending it costs little next to extracting it, small enough to keep the workers evenly
#: loaded to the end of the input.
CHUNK_CHARS = 200_000
#: ... or this many documents, for corpora of very short texts.
CHUNK_DOCUMENTS = 500
#: Chunks in flight per worker: one being extracted and more queued, so that no worker waits
#: for the main process, which also bounds how much of the input is held at once.
CHUNKS_PER_WORKER = 3


def cpu_count() -> int:
    """The number of cores this process may run on: what ``--jobs 0`` uses.

    >>> cpu_count() >= 1
    True
    """
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


def rendered_results(
    items: Iterable[Document | InputError],
    config: Config,
    renderer: Renderer,
    *,
    jobs: int = 1,
) -> Generator[list[Rendered] | InputError, None, None]:
    """Extract and render every document, in worker processes when ``jobs`` > 1, in input order.

    Results come in batches: one document's with one job, a chunk's with several. An
    :class:`InputError` comes out in its place, after the results of every document before it,
    so that stopping there leaves the same output with any ``jobs``. With several jobs, at
    most ``jobs * CHUNKS_PER_WORKER`` chunks are in flight and :data:`CHUNK_DOCUMENTS`
    documents read ahead, and a chunk is sent early when the input stalls, so results keep
    coming from a slow pipe. Close the generator to stop early: it shuts the workers down.

    Args:
        items: What :func:`read_documents` yields.
        config: How to extract.
        renderer: How to render each result.
        jobs: Worker processes; 1 extracts in this process.

    Yields:
        A list of :class:`Rendered`, a result per document in order, or an :class:`InputError`
        from ``items``.

    Raises:
        ExtractError: The extractor failed on a document.

    >>> docs = [Document(n, '"Hi," she said.', n) for n in ("a", "b")]
    >>> [[r.quotes for r in batch] for batch in rendered_results(docs, Config(), Renderer())]
    [[1], [1]]
    """
    if jobs <= 1:
        for item in items:
            if isinstance(item, InputError):
                yield item
            else:
                yield [render_document(item, config, renderer)]
        return
    # Imported here: a run with one job (and every other command) never pays for it.
    from concurrent.futures import ProcessPoolExecutor

    # A process pool rather than multiprocessing.Pool.imap: imap reads its input on a thread
    # of its own as fast as it can and keeps every result that comes back until the main
    # process takes it, so memory grows with the corpus when the output is slower, and a
    # chunk not yet full waits for more input however long that takes. Here a reader thread
    # fills a bounded queue; the main thread sends chunks, sends a partial chunk as soon as
    # the input stalls, writes results as they are ready and stops taking input while too
    # many are in flight. A worker that dies raises an error (BrokenProcessPool) where a Pool
    # would wait forever.
    executor = ProcessPoolExecutor(max_workers=jobs, initializer=_ignore_interrupts)
    # Start the workers (forked, on Linux) before the reader thread exists: a process forked
    # while another thread runs can inherit a lock that thread holds.
    executor.submit(int).result()
    inbox: queue.Queue[Document | InputError | _EndOfInput] = queue.Queue(CHUNK_DOCUMENTS)
    stop = threading.Event()
    reader = threading.Thread(
        target=_read_into, args=(items, inbox, stop), name="quoteattr-reader", daemon=True
    )
    pending: deque[Future[list[Rendered]]] = deque()
    limit = jobs * CHUNKS_PER_WORKER
    chunk: list[Document] = []
    chunk_chars = 0
    finished = False
    reader.start()
    try:
        while True:
            try:
                received = inbox.get(timeout=IDLE_SECONDS if chunk or pending else None)
            except queue.Empty:
                # The input has stalled: send what has been read and write what is ready.
                if chunk:
                    pending.append(executor.submit(_render_chunk, chunk, config, renderer))
                    chunk, chunk_chars = [], 0
                while pending and pending[0].done():
                    yield pending.popleft().result()
                continue
            if isinstance(received, _EndOfInput):
                if received.error is not None:
                    raise received.error
                break
            if isinstance(received, InputError):
                if chunk:
                    pending.append(executor.submit(_render_chunk, chunk, config, renderer))
                    chunk, chunk_chars = [], 0
                while pending:
                    yield pending.popleft().result()
                yield received
                continue
            chunk.append(received)
            chunk_chars += len(received.text)
            if chunk_chars >= CHUNK_CHARS or len(chunk) >= CHUNK_DOCUMENTS:
                pending.append(executor.submit(_render_chunk, chunk, config, renderer))
                chunk, chunk_chars = [], 0
            # Write what is ready without waiting; wait only when too much is in flight.
            while pending and (len(pending) > limit or pending[0].done()):
                yield pending.popleft().result()
        if chunk:
            pending.append(executor.submit(_render_chunk, chunk, config, renderer))
        while pending:
            yield pending.popleft().result()
        finished = True
    finally:
        # Stopped early (an error, a closed pipe, Ctrl-C): the reader stops at its next item,
        # queued chunks are dropped, and running ones end on their own, unwaited for.
        stop.set()
        executor.shutdown(wait=finished, cancel_futures=True)


#: Seconds the input may stall before a partial chunk is sent, and between checks for results.
IDLE_SECONDS = 0.05


@frozen
class _EndOfInput:
    """What the reader thread queues last: nothing, or the exception that stopped it."""

    error: BaseException | None = None


def _read_into(
    items: Iterable[Document | InputError],
    inbox: queue.Queue[Document | InputError | _EndOfInput],
    stop: threading.Event,
) -> None:
    """The reader thread: queue every item, then the end, until ``stop`` is set."""
    end = _EndOfInput()
    try:
        for item in items:
            if not _put(inbox, item, stop):
                return
    except BaseException as exc:  # raised again in the main thread, where it can be handled
        end = _EndOfInput(exc)
    _put(inbox, end, stop)


def _put(
    inbox: queue.Queue[Document | InputError | _EndOfInput],
    item: Document | InputError | _EndOfInput,
    stop: threading.Event,
) -> bool:
    while not stop.is_set():
        try:
            inbox.put(item, timeout=IDLE_SECONDS)
        except queue.Full:
            continue
        return True
    return False


# ---------------------------------------------------------------------------------------------
# Writing: (document, article) -> output


class Writer(Protocol):
    """Puts rendered results out one document at a time; each ``write`` leaves complete output.

    Its :class:`Renderer` turns a result into the text ``write`` takes, in this process or in
    a worker.
    """

    @property
    def renderer(self) -> Renderer:
        """How each document's result is rendered for this writer."""

    def write(self, text: str) -> None:
        """Write one document's rendered result and flush it."""

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

    renderer = Renderer("jsonl")

    def __init__(self, stream: TextIO) -> None:
        self.stream = stream

    def write(self, text: str) -> None:
        """Write one line and flush it."""
        self.stream.write(text)
        self.stream.flush()

    def close(self) -> None:
        """Nothing to finish: every line is complete on its own."""


class JsonWriter:
    """Indented JSON: one object for a single document, or an array streamed element by element.

    The array's closing bracket is written on :meth:`close`, which also runs after an error, so
    the output is a valid array of every document finished before it.
    """

    renderer = Renderer("json")

    def __init__(self, stream: TextIO, *, array: bool) -> None:
        self.stream = stream
        self.array = array
        self.written = 0

    def write(self, text: str) -> None:
        """Write one object (as the next array element when writing an array) and flush it."""
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
        self.renderer = Renderer("table", width)
        self.written = 0

    def write(self, text: str) -> None:
        """Write one document's table and flush it."""
        self.stream.write(("\n" if self.written else "") + text)
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
# Progress


class Progress:
    """Counts what a run did and shows it on standard error: a bar while it runs, a summary
    at the end. Either can be off; counting goes on regardless.

    The bar is one line redrawn in place (a carriage return, no other control codes, ASCII
    only) at most every ``interval`` seconds and cut to the terminal's width. It is written
    here rather than taken from a library because it is this small and the package's runtime
    dependencies stay ``regex``, ``nltk`` and ``attrs``.

    Args:
        stream: Where the bar and summary go (standard error); ``None`` shows nothing.
        bar: Draw the bar.
        summary: Write the summary line on :meth:`finish`.
        total_bytes: The input's size, when known: the bar then shows the share done, the time
            left and a gauge, measured in bytes read.
        interval: Seconds between redraws.
        clock: Seconds on a monotonic clock (replaceable for tests).

    >>> ticks = iter([0.0, 2.0, 4.0])
    >>> progress = Progress(total_bytes=1000, clock=lambda: next(ticks))
    >>> progress.advance(quotes=3, bytes_done=250)
    >>> progress.status(now=2.0, columns=100)
    '1 doc, 3 quotes, 0.5 docs/s, 0:00:02 elapsed, 25%, ETA 0:00:06 [#####---------------]'
    >>> progress.status(now=2.0, columns=40)
    '1 doc, 3 quotes, 0.5 docs/s, 0:00:02 el'
    >>> progress.summary_line(now=4.0)
    'quoteattr: 1 document, 3 quotes, 0 invalid inputs skipped, in 4.0 s (0.2 documents/s)'
    """

    def __init__(
        self,
        stream: TextIO | None = None,
        *,
        bar: bool = False,
        summary: bool = False,
        total_bytes: int | None = None,
        interval: float = 0.2,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.stream = stream
        self.bar = bar and stream is not None
        self.summary = summary and stream is not None
        self.total_bytes = total_bytes
        self.interval = interval
        self.clock = clock
        self.bytes_read = BytesRead()
        self.documents = 0
        self.quotes = 0
        self.bytes_done = 0
        self.started = clock()
        self._drawn_at: float | None = None
        self._shown = 0  # characters of the bar now on the screen

    def start(self) -> None:
        """Draw the bar at once, so a slow first document still shows that work has begun."""
        if self.bar:
            self._draw(self.clock())

    def advance(self, quotes: int, bytes_done: int, documents: int = 1) -> None:
        """Count documents written, their quotes, and the input read up to the last one's end."""
        self.documents += documents
        self.quotes += quotes
        self.bytes_done = bytes_done
        if self.bar:
            now = self.clock()
            if self._drawn_at is None or now - self._drawn_at >= self.interval:
                self._draw(now)

    def status(self, now: float, columns: int) -> str:
        """The bar's text at ``now``, at most ``columns - 1`` characters long."""
        elapsed = max(now - self.started, 0.0)
        rate = self.documents / elapsed if elapsed > 0 else 0.0
        fields = [
            _count_of(self.documents, "doc"),
            _count_of(self.quotes, "quote"),
            f"{rate:,.1f} docs/s",
            f"{_clock(elapsed)} elapsed",
        ]
        share = None
        if self.total_bytes:
            share = min(self.bytes_done / self.total_bytes, 1.0)
            fields.append(f"{share:.0%}")
            if self.bytes_done:
                left = elapsed * (self.total_bytes - self.bytes_done) / self.bytes_done
                fields.append(f"ETA {_clock(max(left, 0.0))}")
        line = ", ".join(fields)
        # A gauge of up to 20 characters where the terminal has room for one of 10 or more.
        room = min(columns - 1 - len(line) - 3, 20)
        if share is not None and room >= 10:
            filled = round(share * room)
            line += f" [{'#' * filled}{'-' * (room - filled)}]"
        return line[: max(columns - 1, 0)]

    def summary_line(self, now: float, skipped: int = 0) -> str:
        """The closing line: documents, quotes, invalid inputs skipped, seconds, rate."""
        elapsed = max(now - self.started, 0.0)
        rate = f" ({self.documents / elapsed:,.1f} documents/s)" if elapsed > 0 else ""
        return (
            f"{PROG}: {_count_of(self.documents, 'document')}, "
            f"{_count_of(self.quotes, 'quote')}, "
            f"{_count_of(skipped, 'invalid input')} skipped, in {elapsed:,.1f} s{rate}"
        )

    def clear(self) -> None:
        """Take the bar off the screen (before any other message, and at the end)."""
        if self.stream is not None and self._shown:
            self.stream.write("\r" + " " * self._shown + "\r")
            self.stream.flush()
            self._shown = 0

    def finish(self, skipped: int = 0) -> None:
        """Clear the bar and write the summary line, if asked for."""
        self.clear()
        if self.summary and self.stream is not None:
            print(self.summary_line(self.clock(), skipped), file=self.stream, flush=True)

    def _draw(self, now: float) -> None:
        assert self.stream is not None
        line = self.status(now, _columns(self.stream))
        # Pad over what is left of a longer line before; no terminal control codes needed.
        self.stream.write("\r" + line + " " * max(self._shown - len(line), 0))
        self.stream.flush()
        self._shown = len(line)
        self._drawn_at = now


def _columns(stream: TextIO) -> int:
    """The width of the terminal ``stream`` writes to (standard output may be a file)."""
    try:
        columns = os.get_terminal_size(stream.fileno()).columns
    except (AttributeError, OSError, ValueError):
        columns = 0
    # A pseudo-terminal nobody sized says 0.
    return columns or 80


def _count_of(number: int, noun: str) -> str:
    """A count with thousands separators and its noun, plural unless one.

    >>> _count_of(12345, "quote"), _count_of(1, "document")
    ('12,345 quotes', '1 document')
    """
    return f"{number:,} {noun}" if number == 1 else f"{number:,} {noun}s"


def _clock(seconds: float) -> str:
    """Seconds as ``h:mm:ss``.

    >>> _clock(3725.4)
    '1:02:05'
    """
    whole = int(seconds)
    return f"{whole // 3600}:{whole // 60 % 60:02d}:{whole % 60:02d}"


# ---------------------------------------------------------------------------------------------
# Running


def process(
    items: Iterable[Document | InputError],
    config: Config,
    writer: Writer,
    *,
    skip_invalid: bool = False,
    jobs: int = 1,
    progress: Progress | None = None,
) -> int:
    """Extract from every document and write each result; report unusable input.

    Args:
        items: What :func:`read_documents` yields.
        config: How to extract.
        writer: Where results go.
        skip_invalid: Skip unusable input and report how many at the end, instead of stopping
            at the first.
        jobs: Worker processes (1: extract in this process). The output is the same with any.
        progress: Counts the run and shows it; for the share done, pass its ``bytes_read`` to
            :func:`read_documents`. ``None`` shows nothing.

    Returns:
        The exit status: 0, or 2 after unusable input without ``skip_invalid``.

    Raises:
        ExtractError: The extractor failed on a document (a bug).

    >>> process([Document("a", "No quotes.", "a")], Config(), JsonlWriter(sys.stdout))
    {"id": "a", "quotes": [], "speakers": []}
    0
    """
    skipped = Skipped() if skip_invalid else None
    meter = Progress() if progress is None else progress
    # Where the input stood when each item was read, so the bar counts the bytes behind the
    # documents written, not those read ahead for the workers. One entry per item, in order.
    read_up_to: deque[int] = deque()

    def noting_position(items: Iterable[Document | InputError]) -> Iterator[Document | InputError]:
        for item in items:
            read_up_to.append(meter.bytes_read.total)
            yield item

    source = items if skipped is None else valid_documents(items, skipped)
    results = rendered_results(noting_position(source), config, writer.renderer, jobs=jobs)
    meter.start()
    try:
        with contextlib.closing(results):
            for batch in results:
                if isinstance(batch, InputError):
                    raise batch
                for result in batch:
                    writer.write(result.text)
                # Positions are noted an item at a time, results come a batch at a time.
                for _ in range(len(batch) - 1):
                    read_up_to.popleft()
                meter.advance(sum(r.quotes for r in batch), read_up_to.popleft(), len(batch))
    except InputError as exc:
        meter.clear()
        _error(str(exc))
        return EXIT_INPUT
    except ExtractError as exc:
        meter.clear()
        _error(str(exc))
        raise
    finally:
        meter.clear()
        writer.close()
    if skipped is not None and skipped.count:
        sys.stdout.flush()
        _error(
            f"skipped {_count(skipped.count, 'invalid input')}; the first: {skipped.first}",
            label="warning",
        )
    sys.stdout.flush()
    meter.finish(skipped.count if skipped is not None else 0)
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
    # Progress is for people: shown only when standard error is a terminal, so scripts and
    # logs see nothing on it but errors and warnings (unless --summary asks for the summary).
    interactive = sys.stderr is not None and sys.stderr.isatty()
    progress = Progress(
        sys.stderr,
        bar=interactive and not (args.no_progress or args.quiet),
        summary=(interactive and not args.quiet) or args.summary,
        total_bytes=input_size(sources),
    )
    items = read_documents(
        sources, args.input_format, args.encoding, args.errors, bytes_read=progress.bytes_read
    )
    jobs: int = args.jobs or cpu_count()
    return process(
        items, config, writer, skip_invalid=args.skip_invalid, jobs=jobs, progress=progress
    )


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


def _jobs(value: str) -> int:
    """Parse ``--jobs``: a number of worker processes, 0 meaning one per core.

    >>> _jobs("4"), _jobs("0")
    (4, 0)
    """
    try:
        jobs = int(value)
    except ValueError:
        jobs = -1
    if jobs < 0:
        raise argparse.ArgumentTypeError(
            f"expected a whole number of jobs, 0 or more, not {value!r}"
        )
    return jobs


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
    extract_parser.add_argument(
        "--jobs",
        "-j",
        type=_jobs,
        default=1,
        metavar="N",
        help="extract in N worker processes, 0 for one per core; the output is the same, in "
        "the same order (default: 1)",
    )
    extract_parser.add_argument(
        "--no-progress",
        action="store_true",
        help="no progress bar (it is shown on standard error only when that is a terminal)",
    )
    chatter = extract_parser.add_mutually_exclusive_group()
    chatter.add_argument(
        "--quiet",
        "-q",
        action="store_true",
        help="neither progress bar nor closing summary; errors and warnings still show",
    )
    chatter.add_argument(
        "--summary",
        action="store_true",
        help="write the closing summary line (documents, quotes, invalid inputs skipped, "
        "seconds) to standard error even when it is not a terminal",
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
