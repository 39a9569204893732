"""``quoteattr extract --jobs``, the progress bar and the closing summary.

The parallel run must be indistinguishable from one process in everything it writes: the same
bytes on standard output, the same error or warning on standard error, the same exit status.
Most checks run the real command (``python -m quoteattr``); the ordering and the bound on
documents in flight are checked in process, with chunks made tiny so that a small corpus spans
many of them. The corpus is every text of ``tests/cases`` (our own), repeated under fresh ids.
The bar and the summary show only on a terminal, so those tests give the command a
pseudo-terminal as its standard error.
"""

from __future__ import annotations

import json
import multiprocessing
import os
import queue
import signal
import subprocess
import sys
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

import quoteattr
from quoteattr import Config, cli
from quoteattr.cli import Document, InputError, Renderer, input_size, rendered_results
from tests.test_cli import (
    HELLO,
    Result,
    assert_quiet_when_output_closes,
    command_env,
    feed,
    run,
)

CASES_DIR = Path(__file__).parent / "cases"
PROGRESS_STATS = "docs/s"
SUMMARY_START = "quoteattr: "


def case_texts() -> list[str]:
    """Every case text: 194 short articles in every convention the library reads."""
    return [
        case["text"]
        for path in sorted(CASES_DIR.glob("*.json"))
        for case in json.loads(path.read_text(encoding="utf-8"))["cases"]
    ]


def corpus_lines(repeats: int) -> list[str]:
    """The case texts ``repeats`` times over, as JSON Lines records with distinct ids."""
    texts = case_texts()
    return [
        json.dumps({"id": f"{round_}-{number}", "text": text}, ensure_ascii=False)
        for round_ in range(repeats)
        for number, text in enumerate(texts)
    ]


def write_corpus(path: Path, lines: list[str]) -> Path:
    path.write_text("".join(line + "\n" for line in lines), encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def big_corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Over 1,000 records: more than two chunks of CHUNK_DOCUMENTS with the default sizes."""
    lines = corpus_lines(6)
    assert len(lines) > 2 * cli.CHUNK_DOCUMENTS
    return write_corpus(tmp_path_factory.mktemp("corpus") / "corpus.jsonl", lines)


# --- the same output --------------------------------------------------------------------------


def test_jsonl_output_is_byte_for_byte_the_same_with_any_jobs(big_corpus: Path) -> None:
    args = ("extract", "--input-format", "jsonl", "--format", "jsonl", str(big_corpus))
    one = run(*args, "--jobs", "1")
    assert (one.code, one.err) == (0, "")
    assert len(one.out.splitlines()) > 2 * cli.CHUNK_DOCUMENTS
    for jobs in ("2", "0"):
        several = run(*args, "--jobs", jobs)
        assert (several.code, several.err) == (0, "")
        assert several.out == one.out, f"--jobs {jobs} wrote something else"


@pytest.mark.parametrize("output_format", ["json", "table"])
def test_other_formats_are_the_same_with_two_jobs(tmp_path: Path, output_format: str) -> None:
    corpus = write_corpus(tmp_path / "corpus.jsonl", corpus_lines(1))
    args = ("extract", "--input-format", "jsonl", "--format", output_format, str(corpus))
    one, two = run(*args, COLUMNS="90"), run(*args, "--jobs", "2", COLUMNS="90")
    assert (one.code, one.err, two.code, two.err) == (0, "", 0, "")
    assert two.out == one.out
    if output_format == "json":
        assert len(two.json()) == len(case_texts())


def test_text_files_are_the_same_with_two_jobs(tmp_path: Path) -> None:
    names = []
    for number, text in enumerate(case_texts()[:40]):
        names.append(f"{number}.txt")
        (tmp_path / names[-1]).write_text(text, encoding="utf-8")
    one = run("extract", *names, cwd=tmp_path)
    two = run("extract", "--jobs", "2", *names, cwd=tmp_path)
    assert (one.code, two.code) == (0, 0)
    assert two.out == one.out
    assert [record["id"] for record in two.json()] == names


# --- errors -----------------------------------------------------------------------------------


@pytest.mark.parametrize("skip", [False, True], ids=["stop", "skip-invalid"])
def test_bad_input_is_reported_the_same_with_two_jobs(tmp_path: Path, skip: bool) -> None:
    lines = corpus_lines(4)
    # Past the first chunk, so results of earlier chunks are in flight when it is read.
    lines[cli.CHUNK_DOCUMENTS + 50] = "{broken"
    lines[cli.CHUNK_DOCUMENTS + 60] = '{"id": "no text"}'
    write_corpus(tmp_path / "bad.jsonl", lines)
    args = ["extract", "--input-format", "jsonl", "--format", "json", "bad.jsonl"]
    if skip:
        args.append("--skip-invalid")
    one = run(*args, cwd=tmp_path)
    two = run(*args, "--jobs", "2", cwd=tmp_path)
    assert (two.code, two.err, two.out) == (one.code, one.err, one.out)
    first_bad = f"bad.jsonl:{cli.CHUNK_DOCUMENTS + 51}: invalid JSON"
    records = two.json()  # a complete array either way
    if skip:
        assert two.code == 0
        assert two.err.startswith("quoteattr: warning: skipped 2 invalid inputs; the first: ")
        assert first_bad in two.err
        assert len(records) == len(lines) - 2
    else:
        assert two.code == 2
        assert two.err.startswith(f"quoteattr: error: {first_bad}")
        assert two.err.count("\n") == 1
        # Every document before the bad line, and none after it.
        assert len(records) == cli.CHUNK_DOCUMENTS + 50


@pytest.mark.parametrize("value", ["-1", "two", ""])
def test_jobs_must_be_a_count(value: str) -> None:
    result = run("extract", "--jobs", value, stdin=HELLO)
    assert result.code == 2 and result.out == ""
    assert "--jobs" in result.err and "0 or more" in result.err


def test_quiet_and_summary_exclude_each_other() -> None:
    result = run("extract", "--quiet", "--summary", stdin=HELLO)
    assert result.code == 2 and "not allowed with" in result.err


# --- in process: order, bounds, failures --------------------------------------------------------


def documents(count: int) -> list[Document]:
    texts = case_texts()
    return [
        Document(number, texts[number % len(texts)], f"corpus.jsonl:{number + 1}")
        for number in range(count)
    ]


def small_chunks(monkeypatch: pytest.MonkeyPatch) -> int:
    """Make every chunk three documents long, so a small corpus spans many."""
    monkeypatch.setattr(cli, "CHUNK_DOCUMENTS", 3)
    return 3


def test_order_is_kept_across_many_chunks(monkeypatch: pytest.MonkeyPatch) -> None:
    small_chunks(monkeypatch)
    docs = documents(300)
    renderer = Renderer("jsonl")
    expected = [
        result
        for batch in rendered_results(docs, Config(), renderer)
        if not isinstance(batch, InputError)
        for result in batch
    ]
    batches = list(rendered_results(docs, Config(), renderer, jobs=2))
    assert len(batches) == 100
    assert [r for batch in batches if not isinstance(batch, InputError) for r in batch] == expected
    assert [json.loads(r.text)["id"] for r in expected] == list(range(300))


def test_documents_in_flight_are_bounded(monkeypatch: pytest.MonkeyPatch) -> None:
    per_chunk = small_chunks(monkeypatch)
    docs = documents(400)
    pulled = 0

    def source() -> Iterator[Document]:
        nonlocal pulled
        for document in docs:
            pulled += 1
            yield document

    written = 0
    most_ahead = 0
    for batch in rendered_results(source(), Config(), Renderer("jsonl"), jobs=2):
        assert not isinstance(batch, InputError)
        written += len(batch)
        most_ahead = max(most_ahead, pulled - written)
    assert written == len(docs)
    # Read but not yet written: the chunks in flight (at most jobs * CHUNKS_PER_WORKER, one
    # more just before the oldest is waited for), the chunk being filled, the reader's queue
    # (CHUNK_DOCUMENTS long) and the one item the reader holds while the queue is full.
    bound = (2 * cli.CHUNKS_PER_WORKER + 2) * per_chunk + cli.CHUNK_DOCUMENTS + 1
    assert most_ahead <= bound < len(docs) // 10


def test_an_error_in_items_comes_after_every_document_before_it(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    small_chunks(monkeypatch)
    items: list[Document | InputError] = [*documents(40)]
    items.insert(25, InputError("corpus.jsonl:26", "invalid JSON"))
    seen: list[object] = []
    results = rendered_results(items, Config(), Renderer("jsonl"), jobs=2)
    for batch in results:
        if isinstance(batch, InputError):
            seen.append(batch.where)
            results.close()
            break
        seen.extend(json.loads(r.text)["id"] for r in batch)
    assert seen == [*range(25), "corpus.jsonl:26"]


@pytest.mark.skipif(
    multiprocessing.get_start_method() != "fork",
    reason="the failing extractor is patched in this process; only forked workers inherit it",
)
def test_an_extractor_failure_in_a_worker_names_the_document(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    real_extract = quoteattr.extract

    def failing_extract(text: str, config: Config | None = None) -> Any:
        if text == "Boom.":
            raise ZeroDivisionError("a bug")
        return real_extract(text, config)

    monkeypatch.setattr(cli, "extract", failing_extract)
    docs = [*documents(20), Document("bad", "Boom.", "corpus.jsonl:21")]
    with pytest.raises(cli.ExtractError) as caught:
        for _ in rendered_results(docs, Config(), Renderer("jsonl"), jobs=2):
            pass
    assert caught.value.where == "corpus.jsonl:21"
    assert "ZeroDivisionError: a bug" in str(caught.value.__cause__)


def test_input_size_is_known_for_files_only(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_bytes(b"12345")
    (tmp_path / "b.txt").write_bytes(b"123")
    assert input_size([str(tmp_path / "a.txt"), str(tmp_path / "b.txt")]) == 8
    assert input_size([str(tmp_path / "a.txt"), str(tmp_path)]) is None  # not a regular file


# --- streaming, closed pipes, Ctrl-C -----------------------------------------------------------


def start(*args: str, new_session: bool = False) -> subprocess.Popen[bytes]:
    return subprocess.Popen(
        [sys.executable, "-m", "quoteattr", *args],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env=command_env(),
        start_new_session=new_session,
    )


def hello_records(count: int) -> bytes:
    return "".join(
        json.dumps({"id": number, "text": HELLO}) + "\n" for number in range(count)
    ).encode()


def test_results_stream_out_before_the_input_ends() -> None:
    process = start("extract", "--input-format", "jsonl", "--format", "jsonl", "--jobs", "2")
    stdin, stdout = process.stdin, process.stdout
    assert stdin is not None and stdout is not None
    lines: queue.Queue[bytes] = queue.Queue()
    reader = threading.Thread(target=lambda: lines.put(stdout.readline()), daemon=True)
    try:
        reader.start()
        # More than two chunks' worth, with standard input left open.
        stdin.write(hello_records(3 * cli.CHUNK_DOCUMENTS))
        stdin.flush()
        first = json.loads(lines.get(timeout=60))
        assert first["id"] == 0
        stdin.close()
        rest = stdout.read().splitlines()
        assert process.wait(timeout=60) == 0
        assert [json.loads(line)["id"] for line in rest] == list(range(1, 3 * cli.CHUNK_DOCUMENTS))
    finally:
        process.kill()
        process.wait()
        for stream in (process.stdin, process.stdout, process.stderr):
            if stream is not None:
                stream.close()



def test_closed_pipe_ends_quietly_with_jobs() -> None:
    process = start("extract", "--input-format", "jsonl", "--jobs", "2")
    assert_quiet_when_output_closes(process, hello_records(5000))


@pytest.mark.skipif(os.name != "posix", reason="process groups and SIGINT are POSIX")
def test_ctrl_c_stops_every_process_quietly() -> None:
    process = start(
        "extract", "--input-format", "jsonl", "--format", "jsonl", "--jobs", "2",
        new_session=True,
    )  # fmt: skip
    assert process.stdin is not None and process.stdout is not None
    assert process.stderr is not None
    data = "".join(line + "\n" for line in corpus_lines(60)).encode("utf-8")
    feeder = threading.Thread(target=feed, args=(process.stdin, data), daemon=True)
    feeder.start()
    errors: list[bytes] = []
    stderr = process.stderr
    drain = threading.Thread(target=lambda: errors.append(stderr.read()), daemon=True)
    drain.start()
    try:
        assert process.stdout.readline()  # the workers are busy
        os.killpg(process.pid, signal.SIGINT)  # what Ctrl-C sends: the whole group
        process.stdout.read()
        assert process.wait(timeout=60) == 130
    finally:
        process.kill()
        process.wait()
        process.stdout.close()
    drain.join(timeout=60)
    assert errors == [b""]  # no traceback from the main process or a worker


# --- progress and summary on a terminal -----------------------------------------------------


def run_on_terminal(*args: str, stdin: bytes | None = None, cwd: Path | None = None) -> Result:
    """Run the command with a pseudo-terminal as its standard error; stdout stays a pipe."""
    pty = pytest.importorskip("pty")
    controller, terminal = pty.openpty()
    process = subprocess.Popen(
        [sys.executable, "-m", "quoteattr", *args],
        stdin=subprocess.PIPE if stdin is not None else subprocess.DEVNULL,
        stdout=subprocess.PIPE,
        stderr=terminal,
        cwd=cwd,
        env=command_env(COLUMNS="120"),
    )
    os.close(terminal)
    out: list[bytes] = []
    collector = threading.Thread(
        target=lambda: out.append(process.communicate(stdin, timeout=120)[0]), daemon=True
    )
    collector.start()
    shown = bytearray()
    while True:
        try:
            data = os.read(controller, 4096)
        except OSError:  # the terminal's last writer has gone
            break
        if not data:
            break
        shown += data
    os.close(controller)
    collector.join(timeout=120)
    completed = subprocess.CompletedProcess(process.args, process.returncode, out[0], bytes(shown))
    result = Result(completed)
    result.err = result.err.replace("\r\n", "\n")  # the terminal turns "\n" into "\r\n"
    return result


def summary_of(result: Result) -> str:
    """The summary line: what is left on the terminal's last line after the bar's redraws."""
    shown = [line.split("\r")[-1] for line in result.err.split("\n")]
    lines = [line for line in shown if line.startswith(SUMMARY_START)]
    assert len(lines) == 1, result.err
    return lines[0]


def test_terminal_shows_a_bar_then_a_summary(big_corpus: Path) -> None:
    result = run_on_terminal(
        "extract", "--input-format", "jsonl", "--format", "jsonl", "--jobs", "2", str(big_corpus)
    )
    assert result.code == 0
    records = len(result.out.splitlines())
    quotes = sum(len(json.loads(line)["quotes"]) for line in result.out.splitlines())
    frames = [frame for frame in result.err.split("\r") if PROGRESS_STATS in frame]
    assert frames, result.err
    assert frames[0].startswith("0 docs, 0 quotes, ")
    # The input is a file, so its size is known: the share done is shown.
    assert all("%" in frame for frame in frames)
    summary = summary_of(result)
    assert summary.startswith(
        f"quoteattr: {records:,} documents, {quotes:,} quotes, 0 invalid inputs skipped, in "
    )
    assert summary.endswith(" documents/s)")
    # The bar was cleared before the summary: the summary line starts at the line's start.
    assert f"\r{summary}\n" in result.err or result.err.startswith(summary)


def test_bar_without_a_known_size_has_no_share_or_eta() -> None:
    result = run_on_terminal(
        "extract", "--input-format", "jsonl", "--format", "jsonl", stdin=hello_records(50)
    )
    assert result.code == 0
    frames = [frame for frame in result.err.split("\r") if PROGRESS_STATS in frame]
    assert frames
    assert not any("%" in frame or "ETA" in frame for frame in frames)
    quotes = sum(len(json.loads(line)["quotes"]) for line in result.out.splitlines())
    assert summary_of(result).startswith(f"quoteattr: 50 documents, {quotes} quotes, ")


def test_no_progress_keeps_the_summary_and_quiet_drops_both(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(HELLO, encoding="utf-8")
    no_bar = run_on_terminal("extract", "--no-progress", "a.txt", cwd=tmp_path)
    assert no_bar.code == 0 and PROGRESS_STATS not in no_bar.err
    assert no_bar.err.startswith("quoteattr: 1 document, 1 quote, 0 invalid inputs skipped, in ")
    assert no_bar.err.count("\n") == 1
    quiet = run_on_terminal("extract", "--quiet", "a.txt", cwd=tmp_path)
    assert (quiet.code, quiet.err) == (0, "")
    assert quiet.out == no_bar.out


def test_warning_and_summary_on_a_terminal(tmp_path: Path) -> None:
    write_corpus(tmp_path / "d.jsonl", [json.dumps({"id": 1, "text": HELLO}), "[]"])
    result = run_on_terminal(
        "extract", "--input-format", "jsonl", "--skip-invalid", "--no-progress", "d.jsonl",
        cwd=tmp_path,
    )  # fmt: skip
    assert result.code == 0
    warning, summary = result.err.splitlines()
    assert warning.startswith("quoteattr: warning: skipped 1 invalid input; the first: d.jsonl:2")
    assert summary.startswith("quoteattr: 1 document, 1 quote, 1 invalid input skipped, in ")


def test_summary_can_be_asked_for_off_a_terminal(tmp_path: Path) -> None:
    write_corpus(tmp_path / "d.jsonl", [json.dumps({"id": 1, "text": HELLO}), "{"])
    result = run(
        "extract", "--input-format", "jsonl", "--format", "jsonl", "--skip-invalid",
        "--summary", "--jobs", "2", "d.jsonl", cwd=tmp_path,
    )  # fmt: skip
    assert result.code == 0 and len(result.jsonl()) == 1
    warning, summary = result.err.splitlines()
    assert warning.startswith("quoteattr: warning: skipped 1 invalid input")
    assert summary.startswith("quoteattr: 1 document, 1 quote, 1 invalid input skipped, in ")
    assert "\r" not in result.err  # never a bar off a terminal
