"""The ``quoteattr`` command, run as a real subprocess (``python -m quoteattr``).

These tests check the command's contract (formats, ids, offsets, errors, streaming) and lean on
the extractor only for ``"Hello there," she said.`` giving the quote ``Hello there,``.
"""

from __future__ import annotations

import json
import os
import queue
import re
import subprocess
import sys
import threading
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parent.parent
HELLO = '"Hello there," she said.'
KEYS = {"id", "quotes", "speakers"}


class Result:
    """What one run of the command did."""

    def __init__(self, completed: subprocess.CompletedProcess[bytes]) -> None:
        self.code = completed.returncode
        self.out = completed.stdout.decode("utf-8")
        self.err = completed.stderr.decode("utf-8")

    def json(self) -> Any:
        return json.loads(self.out)

    def jsonl(self) -> list[Any]:
        assert self.out.endswith("\n"), "every JSON Lines record ends its line"
        return [json.loads(line) for line in self.out.splitlines()]


def command_env(**extra: str) -> dict[str, str]:
    """The environment for a run: this source tree first on the path, whether installed or not."""
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join(p for p in (str(ROOT), env.get("PYTHONPATH")) if p)
    env.update(extra)
    return env


def run(*args: str, stdin: str | bytes = b"", cwd: Path | None = None, **env: str) -> Result:
    data = stdin.encode("utf-8") if isinstance(stdin, str) else stdin
    completed = subprocess.run(
        [sys.executable, "-m", "quoteattr", *args],
        input=data,
        capture_output=True,
        cwd=cwd,
        env=command_env(**env),
        timeout=120,
        check=False,
    )
    return Result(completed)


def check_record(record: dict[str, Any], text: str) -> list[str]:
    """Check one output record against its text; return its quotes' texts."""
    assert set(record) == KEYS
    for quote in record["quotes"]:
        parts = quote["parts"]
        for part in parts:
            assert text[part["start"] : part["end"]] == part["text"]
        # A quote interrupted (by its attribution, by page furniture) has several parts; its
        # text joins theirs and its span runs from the first part to the last.
        assert quote["text"] == " ".join(part["text"] for part in parts)
        assert (quote["start"], quote["end"]) == (parts[0]["start"], parts[-1]["end"])
        assert 0.0 <= quote["confidence"] <= 1.0
    return [quote["text"] for quote in record["quotes"]]


def one_error_line(result: Result) -> str:
    """The run failed with exit status 2 and exactly one line on standard error."""
    assert result.code == 2, result.err
    assert result.err.endswith("\n") and result.err.count("\n") == 1, result.err
    assert result.err.startswith("quoteattr: error: "), result.err
    return result.err.rstrip("\n")


# --- text input -------------------------------------------------------------------------------


def test_stdin_gives_one_json_object_with_id_dash() -> None:
    result = run("extract", stdin=HELLO)
    assert (result.code, result.err) == (0, "")
    record = result.json()
    assert record["id"] == "-"
    assert "Hello there," in check_record(record, HELLO)


def test_dash_is_stdin() -> None:
    result = run("extract", "-", stdin=HELLO)
    assert result.code == 0
    assert result.json()["id"] == "-"


def test_file_id_is_its_path_and_offsets_keep_crlf(tmp_path: Path) -> None:
    data = b'The council met on Monday.\r\n\r\n"Hello there," she said.\r\n'
    (tmp_path / "a.txt").write_bytes(data)
    result = run("extract", "a.txt", cwd=tmp_path)
    assert (result.code, result.err) == (0, "")
    record = result.json()
    assert record["id"] == "a.txt"
    # Offsets index the file's decoded text as it is: no newline translation.
    assert "Hello there," in check_record(record, data.decode("utf-8"))


def test_several_files_give_a_json_array_in_order(tmp_path: Path) -> None:
    (tmp_path / "b.txt").write_text("No quotes here.", encoding="utf-8")
    (tmp_path / "a.txt").write_text(HELLO, encoding="utf-8")
    result = run("extract", "b.txt", "a.txt", cwd=tmp_path)
    assert result.code == 0
    records = result.json()
    assert [r["id"] for r in records] == ["b.txt", "a.txt"]
    assert check_record(records[0], "No quotes here.") == []
    assert "Hello there," in check_record(records[1], HELLO)


def test_kinds_restricts_what_is_returned() -> None:
    text = 'Critics called the plan a "disaster" on Monday.\n\n' + HELLO
    only_direct = run("extract", "--kinds", "direct", stdin=text).json()
    assert {q["kind"] for q in only_direct["quotes"]} == {"direct"}
    assert "Hello there," in check_record(only_direct, text)
    without_direct = run("extract", "--kinds", "scare,title,partial", stdin=text).json()
    assert "Hello there," not in check_record(without_direct, text)
    assert {q["kind"] for q in without_direct["quotes"]} <= {"scare", "title", "partial"}


def test_unknown_kind_is_a_usage_error() -> None:
    result = run("extract", "--kinds", "direct,bogus", stdin=HELLO)
    assert result.code == 2
    assert "bogus" in result.err and result.out == ""


@pytest.mark.parametrize(
    ("errors", "decoded"),
    [
        ("replace", "Bad \N{REPLACEMENT CHARACTER} byte.\n\n" + HELLO),
        ("ignore", "Bad  byte.\n\n" + HELLO),
    ],
)
def test_errors_option_decodes_and_offsets_follow(
    tmp_path: Path, errors: str, decoded: str
) -> None:
    (tmp_path / "bad.txt").write_bytes(b"Bad \xff byte.\n\n" + HELLO.encode("utf-8"))
    result = run("extract", "--errors", errors, "bad.txt", cwd=tmp_path)
    assert (result.code, result.err) == (0, "")
    assert "Hello there," in check_record(result.json(), decoded)


def test_surrogateescape_round_trips_through_json(tmp_path: Path) -> None:
    data = b'"Hello \xff there," she said.'
    (tmp_path / "raw.txt").write_bytes(data)
    result = run("extract", "--errors", "surrogateescape", "raw.txt", cwd=tmp_path)
    assert (result.code, result.err) == (0, "")
    # The lone surrogate is written as the JSON escape \udcff, so the output stays UTF-8.
    assert "\\udcff" in result.out
    texts = check_record(result.json(), data.decode("utf-8", "surrogateescape"))
    assert "Hello \udcff there," in texts


# --- JSON Lines -------------------------------------------------------------------------------


def write_jsonl(path: Path, lines: list[str]) -> None:
    path.write_text("".join(line + "\n" for line in lines), encoding="utf-8")


def test_jsonl_in_jsonl_out(tmp_path: Path) -> None:
    texts = [HELLO, "Nothing said.", "“Fine,” he said."]
    write_jsonl(
        tmp_path / "docs.jsonl",
        [
            json.dumps({"id": "a", "text": texts[0], "meta": {"ignored": True}}),
            json.dumps({"id": 7, "text": texts[1]}),
            "",
            json.dumps({"text": texts[2]}),
        ],
    )
    result = run("extract", "--input-format", "jsonl", "--format", "jsonl", "docs.jsonl",
                 cwd=tmp_path)  # fmt: skip
    assert (result.code, result.err) == (0, "")
    records = result.jsonl()
    # Ids are kept as given; a record without one is named by its file and line.
    assert [r["id"] for r in records] == ["a", 7, "docs.jsonl:4"]
    found = [check_record(r, t) for r, t in zip(records, texts, strict=True)]
    assert "Hello there," in found[0]
    assert found[1] == []


def test_jsonl_from_stdin_as_json_is_an_array() -> None:
    line = json.dumps({"id": "only", "text": HELLO}) + "\n"
    result = run("extract", "--input-format", "jsonl", stdin=line)
    assert result.code == 0
    records = result.json()
    assert isinstance(records, list) and [r["id"] for r in records] == ["only"]


def test_jsonl_needs_an_ascii_compatible_encoding() -> None:
    result = run("extract", "--input-format", "jsonl", "--encoding", "utf-16", stdin=b"")
    assert "ASCII-compatible" in one_error_line(result)


def test_output_is_streamed_one_document_at_a_time() -> None:
    process = subprocess.Popen(
        [sys.executable, "-m", "quoteattr", "extract", "--input-format", "jsonl",
         "--format", "jsonl"],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env=command_env(),
    )  # fmt: skip
    stdin, stdout = process.stdin, process.stdout
    assert stdin is not None and stdout is not None
    lines: queue.Queue[bytes] = queue.Queue()
    reader = threading.Thread(target=lambda: lines.put(stdout.readline()), daemon=True)
    try:
        reader.start()
        stdin.write((json.dumps({"id": "first", "text": HELLO}) + "\n").encode())
        stdin.flush()
        # The first result arrives while standard input is still open.
        first = json.loads(lines.get(timeout=60))
        assert first["id"] == "first"
        stdin.write((json.dumps({"id": "second", "text": HELLO}) + "\n").encode())
        stdin.close()
        rest = stdout.read()
        assert process.wait(timeout=60) == 0
        assert [json.loads(line)["id"] for line in rest.splitlines()] == ["second"]
    finally:
        process.kill()
        process.wait()
        stdin.close()
        stdout.close()
        if process.stderr is not None:
            process.stderr.close()


# --- table and demo ---------------------------------------------------------------------------


def test_table_view_fits_the_terminal() -> None:
    long_quote = " ".join(["We will keep building until the whole bridge is done"] * 5)
    text = f'{HELLO}\n\n"{long_quote}," the engineer said.'
    result = run("extract", "--format", "table", stdin=text, COLUMNS="70")
    assert (result.code, result.err) == (0, "")
    lines = result.out.splitlines()
    assert lines[0].startswith("- (")  # the document id heads its table
    assert all(len(line) <= 70 for line in lines), lines
    hello_row = next(line for line in lines if "Hello there," in line)
    assert re.search(r"direct\s+\S.*\s[01]\.\d\d\s+Hello there,", hello_row)
    assert any("We will keep building" in line and line.endswith("…") for line in lines)


def test_table_says_when_nothing_was_found() -> None:
    result = run("extract", "--format", "table", stdin="Nothing was said.")
    assert result.out.splitlines() == ["- (0 quotes, 0 speakers)", "  (no quotes found)"]


def demo_text() -> str:
    return (ROOT / "quoteattr" / "data" / "demo_article.txt").read_bytes().decode("utf-8")


def test_demo_prints_a_table() -> None:
    result = run("demo")
    assert (result.code, result.err) == (0, "")
    lines = result.out.splitlines()
    assert lines[0].startswith("demo_article.txt (")
    assert lines[1].split() == ["KIND", "SPEAKER", "CONF", "QUOTE"]
    assert len(lines) > 2


def test_demo_as_json_indexes_the_sample_article() -> None:
    result = run("demo", "--format", "json")
    assert result.code == 0
    record = result.json()
    assert record["id"] == "demo_article.txt"
    assert check_record(record, demo_text())


# --- errors -----------------------------------------------------------------------------------

GOOD = json.dumps({"id": "good", "text": HELLO})


@pytest.mark.parametrize(
    ("name", "content", "args", "expected"),
    [
        ("missing.txt", None, [], "missing.txt: cannot read: No such file or directory"),
        ("adir", "dir", [], "adir: cannot read: Is a directory"),
        (
            "bad.txt",
            b"Line one.\nLine two \xff.\n",
            [],
            "bad.txt:2: cannot decode byte 0xff as utf-8 (invalid start byte)",
        ),
        (
            "data.jsonl",
            f"{GOOD}\n{{broken\n".encode(),
            ["--input-format", "jsonl"],
            "data.jsonl:2: invalid JSON: ",
        ),
        (
            "data.jsonl",
            f"{GOOD}\n[1, 2]\n".encode(),
            ["--input-format", "jsonl"],
            "data.jsonl:2: expected a JSON object, got an array",
        ),
        (
            "data.jsonl",
            f'{GOOD}\n{{"id": "x"}}\n'.encode(),
            ["--input-format", "jsonl"],
            'data.jsonl:2: the object has no "text" key',
        ),
        (
            "data.jsonl",
            f'{GOOD}\n{{"id": "x", "text": 3}}\n'.encode(),
            ["--input-format", "jsonl"],
            'data.jsonl:2: "text" must be a string, got a number',
        ),
        (
            "data.jsonl",
            GOOD.encode() + b'\n{"id": "x", "text": "\xff"}\n',
            ["--input-format", "jsonl"],
            "data.jsonl:2: cannot decode byte 0xff as utf-8",
        ),
    ],
)
def test_bad_input_stops_with_one_line_naming_file_and_line(
    tmp_path: Path, name: str, content: bytes | str | None, args: list[str], expected: str
) -> None:
    if content == "dir":
        (tmp_path / name).mkdir()
    elif isinstance(content, bytes):
        (tmp_path / name).write_bytes(content)
    result = run("extract", "--format", "jsonl", *args, name, cwd=tmp_path)
    assert one_error_line(result).startswith(f"quoteattr: error: {expected}")
    if name.endswith(".jsonl"):
        # The good first line was extracted, written and flushed before the error.
        assert [r["id"] for r in result.jsonl()] == ["good"]
    else:
        assert result.out == ""


def test_json_array_written_before_an_error_stays_complete(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(HELLO, encoding="utf-8")
    result = run("extract", "a.txt", "missing.txt", cwd=tmp_path)
    assert one_error_line(result) == (
        "quoteattr: error: missing.txt: cannot read: No such file or directory"
    )
    records = result.json()  # the array was closed after the last complete document
    assert [r["id"] for r in records] == ["a.txt"]


def test_skip_invalid_goes_on_and_counts(tmp_path: Path) -> None:
    write_jsonl(
        tmp_path / "data.jsonl",
        [GOOD, "{broken", json.dumps({"id": "also good", "text": "Quiet."}), "3"],
    )
    result = run(
        "extract", "--input-format", "jsonl", "--format", "jsonl", "--skip-invalid",
        "data.jsonl", "missing.jsonl", cwd=tmp_path,
    )  # fmt: skip
    assert result.code == 0
    assert [r["id"] for r in result.jsonl()] == ["good", "also good"]
    assert result.err.count("\n") == 1
    assert result.err.startswith("quoteattr: warning: skipped 3 invalid inputs; the first: ")
    assert "data.jsonl:2: invalid JSON" in result.err


def test_no_command_is_a_usage_error() -> None:
    result = run()
    assert result.code == 2 and "usage: quoteattr" in result.err


def test_version() -> None:
    result = run("--version")
    assert result.code == 0 and re.fullmatch(r"quoteattr \d+\.\d+\.\d+\S*\n", result.out)


def test_closed_pipe_ends_quietly() -> None:
    records = "".join(
        json.dumps({"id": n, "text": f'"Line {n} of many," she said.'}) + "\n" for n in range(3000)
    )
    process = subprocess.Popen(
        [sys.executable, "-m", "quoteattr", "extract", "--input-format", "jsonl"],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env=command_env(),
    )
    assert_quiet_when_output_closes(process, records.encode())


def assert_quiet_when_output_closes(process: subprocess.Popen[bytes], data: bytes) -> None:
    """Feed ``data`` to a running ``extract`` while its reader closes the output after the
    first line (like ``| head -1``): it must exit 1 without a traceback."""
    assert process.stdin is not None and process.stdout is not None
    assert process.stderr is not None
    feeder = threading.Thread(target=feed, args=(process.stdin, data), daemon=True)
    feeder.start()
    assert process.stdout.readline() == b"[\n"
    process.stdout.close()  # like `| head -1`
    err = process.stderr.read().decode()
    process.stderr.close()
    assert process.wait(timeout=60) == 1
    assert "Traceback" not in err


def feed(stream: Any, data: bytes) -> None:
    """Write ``data`` to a child's stdin and close it; a child that stopped reading is fine."""
    try:
        stream.write(data)
        stream.close()
    except (BrokenPipeError, ValueError):
        pass


# --- evaluate ---------------------------------------------------------------------------------


def test_evaluate_is_registered() -> None:
    result = run("evaluate", "--help")
    assert result.code == 0, result.err
    assert result.out.startswith("usage: quoteattr evaluate")


def test_a_broken_evaluate_module_does_not_break_extract(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(HELLO, encoding="utf-8")
    script = (
        "import sys\n"
        "sys.modules['quoteattr.evaluate'] = None  # importing it now fails\n"
        "from quoteattr.cli import main\n"
        "sys.exit(main(sys.argv[1:]))\n"
    )

    def call(*args: str) -> Result:
        return Result(
            subprocess.run(
                [sys.executable, "-c", script, *args],
                capture_output=True,
                cwd=tmp_path,
                env=command_env(),
                timeout=60,
                check=False,
            )
        )

    extracted = call("extract", "a.txt")
    assert extracted.code == 0 and extracted.json()["id"] == "a.txt"
    assert "not available" in one_error_line(call("evaluate", "gold.jsonl"))


# --- README -----------------------------------------------------------------------------------


def test_readme_python_example_runs(tmp_path: Path) -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    blocks = re.findall(r"```python\n(.*?)```", readme, flags=re.DOTALL)
    assert blocks, "README.md shows a Python example"
    for block in blocks:
        completed = subprocess.run(
            [sys.executable, "-c", block],
            capture_output=True,
            cwd=tmp_path,
            env=command_env(),
            timeout=60,
            check=False,
        )
        assert completed.returncode == 0, completed.stderr.decode()


def test_ci_runs_the_readme_test_command() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    commands = re.findall(r"```sh\n(python3 -m venv .*?)\n```", readme)
    test_command = next(c for c in commands if "pytest" in c)
    ci_lines = (ROOT / ".ci" / "run").read_text(encoding="utf-8").splitlines()
    assert test_command in ci_lines
