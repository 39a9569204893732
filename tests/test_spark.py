"""``quoteattr.spark`` on a real local Spark session (``local[2]``).

Skipped, test by test, when PySpark or PyArrow is not installed (``pip install -e
".[test,spark]"`` installs them), so the rest of the suite never needs Spark or Java. The two
tests that need no Spark run always: importing quoteattr never imports PySpark, and without it
the functions say what to install.

What Spark returns is checked against ``extract(text).to_dict()`` itself, row by row, over the
texts of ``tests/cases`` (our own) and a few edge cases.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest

from quoteattr import Config, extract
from quoteattr.model import Attribution, Cue, Quote, Span, Speaker
from tests.test_cli import command_env

if TYPE_CHECKING:
    from pyspark.sql import DataFrame, SparkSession

# PySpark 4 warns on every pandas-based call when pandas 3 is installed; quoteattr uses none.
pytestmark = pytest.mark.filterwarnings(
    "ignore:PySpark does not yet fully support pandas:FutureWarning"
)

ROOT = Path(__file__).resolve().parent.parent
CASES_DIR = Path(__file__).parent / "cases"
EDGE_TEXTS = [
    "",
    "Nothing was said here at all.",
    # A character outside the Basic Multilingual Plane before the quote: Python counts it as
    # one character, as Spark SQL does (Java would count two UTF-16 units).
    "\N{GRINNING FACE} \N{LEFT DOUBLE QUOTATION MARK}We are ready,\N{RIGHT DOUBLE QUOTATION MARK}"
    " said Ana Ruiz, the harbour master.",
    '"It was never about the money," she said. "It was about trust."\n\nMs Obi left at noon.',
]


def articles() -> list[str]:
    """A few dozen articles: every tenth case text, and the edge cases."""
    texts = [
        case["text"]
        for path in sorted(CASES_DIR.glob("*.json"))
        for case in json.loads(path.read_text(encoding="utf-8"))["cases"]
    ]
    return texts[::10] + EDGE_TEXTS


@pytest.fixture(scope="module")
def spark() -> Iterator[SparkSession]:
    pytest.importorskip("pyarrow")
    sql = pytest.importorskip("pyspark.sql")
    # The Python workers run this interpreter (PySpark's default is whatever `python3` is on
    # the PATH) and find this source tree first, installed or not.
    saved = os.environ.get("PYSPARK_PYTHON")
    os.environ["PYSPARK_PYTHON"] = sys.executable
    session = (
        sql.SparkSession.builder.master("local[2]")
        .appName("quoteattr-tests")
        .config("spark.executorEnv.PYTHONPATH", str(ROOT))
        .config("spark.ui.enabled", "false")
        .config("spark.ui.showConsoleProgress", "false")
        .config("spark.sql.shuffle.partitions", "2")
        .getOrCreate()
    )
    session.sparkContext.setLogLevel("ERROR")
    yield session
    session.stop()
    if saved is None:
        del os.environ["PYSPARK_PYTHON"]
    else:
        os.environ["PYSPARK_PYTHON"] = saved


def frame(spark: SparkSession, texts: Sequence[str | None]) -> DataFrame:
    rows = [(number, text, f"meta-{number}") for number, text in enumerate(texts)]
    return spark.createDataFrame(rows, "id int, text string, meta string").repartition(3)


def as_plain(value: Any) -> Any:
    """A Row, or a list of them, as plain dicts and lists, as ``to_dict`` writes them."""
    if hasattr(value, "asDict"):
        return {key: as_plain(item) for key, item in value.asDict().items()}
    if isinstance(value, list):
        return [as_plain(item) for item in value]
    return value


def test_quotes_and_speakers_are_what_extract_returns(spark: SparkSession) -> None:
    from quoteattr.spark import extract_quotes

    texts = articles()
    result = extract_quotes(frame(spark, [*texts, None]), speakers_col="speakers")
    assert result.columns == ["id", "text", "meta", "quotes", "speakers"]
    rows = sorted(result.collect(), key=lambda row: int(row.id))
    assert len(rows) == len(texts) + 1
    found = 0
    for row, text in zip(rows, texts, strict=False):
        expected = extract(text).to_dict()
        assert (row.text, row.meta) == (text, f"meta-{row.id}")
        assert as_plain(row.quotes) == expected["quotes"], text
        assert as_plain(row.speakers) == expected["speakers"], text
        found += len(expected["quotes"])
    assert found > 20  # the articles do hold quotes
    assert (rows[-1].text, rows[-1].quotes, rows[-1].speakers) == (None, None, None)


def test_config_is_used_and_offsets_count_as_spark_sql_does(spark: SparkSession) -> None:
    from pyspark.sql import functions as F

    from quoteattr.spark import extract_quotes

    texts = articles()
    direct = Config(kinds=frozenset({"direct"}))
    result = extract_quotes(frame(spark, texts), output_col="found", config=direct)
    rows = sorted(result.collect(), key=lambda row: int(row.id))
    for row, text in zip(rows, texts, strict=True):
        assert as_plain(row.found) == extract(text, direct).to_dict()["quotes"]
    # Every part sliced out by Spark SQL's substring (1-based, in characters) is its text.
    parts = (
        result.select("text", F.explode("found").alias("quote"))
        .select("text", F.explode("quote.parts").alias("part"))
        .select(
            F.col("part.text").alias("expected"),
            F.expr("substring(text, part.start + 1, part.end - part.start)").alias("sliced"),
        )
        .collect()
    )
    assert parts and all(row.sliced == row.expected for row in parts)
    assert any("\N{GRINNING FACE}" in text for text in texts)


def test_schema_follows_the_json_contract(spark: SparkSession) -> None:
    from quoteattr.spark import extract_quotes, quotes_type, speakers_type

    result = extract_quotes(frame(spark, ["Quiet."]), speakers_col="speakers")
    assert result.schema["quotes"].dataType == quotes_type()
    assert result.schema["speakers"].dataType == speakers_type()
    span = Span(0, 1, "a")
    quote = Quote.from_parts(
        (span,),
        kind="direct",
        marks=('"', '"'),
        speaker=Attribution("s1", "A", "person", "A", 0, 1, "rule"),
        cue=Cue("said", 0, 4),
        nested=(span,),
    )
    contract = quote.to_dict()
    fields = names_of(quotes_type())
    assert list(fields) == list(contract)
    for name in ("speaker", "cue", "parts", "nested"):
        value = contract[name][0] if isinstance(contract[name], list) else contract[name]
        assert list(fields[name]) == list(value), name
    speaker = Speaker("s1", "A", "person", (span,)).to_dict()
    speaker_fields = names_of(speakers_type())
    assert list(speaker_fields) == list(speaker)
    assert list(speaker_fields["mentions"]) == list(speaker["mentions"][0])


def names_of(data_type: Any) -> dict[str, Any]:
    """The field names of a struct (or of an array's structs), each with its own fields."""
    from pyspark.sql import types as T

    if isinstance(data_type, T.ArrayType):
        return names_of(data_type.elementType)
    if isinstance(data_type, T.StructType):
        return {field.name: names_of(field.dataType) for field in data_type.fields}
    return {}


def test_an_existing_output_column_is_replaced(spark: SparkSession) -> None:
    from quoteattr.spark import extract_quotes

    df = spark.createDataFrame([("old", '"Yes," he said.')], "quotes string, text string")
    result = extract_quotes(df)
    assert result.columns == ["text", "quotes"]
    row = result.first()
    assert row is not None
    assert as_plain(row.quotes) == extract('"Yes," he said.').to_dict()["quotes"]


def test_bad_arguments_are_refused_before_anything_runs(spark: SparkSession) -> None:
    from quoteattr.spark import extract_quotes

    df = spark.createDataFrame([(1, b"bytes")], "id int, body binary")
    with pytest.raises(ValueError, match="no column 'text'"):
        extract_quotes(df)
    with pytest.raises(TypeError, match="must hold strings, not binary"):
        extract_quotes(df, text_col="body")
    texts = frame(spark, ["A."])
    with pytest.raises(TypeError, match=r"a quoteattr\.Config as config"):
        extract_quotes(texts, config={"kinds": ["direct"]})  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="must differ"):
        extract_quotes(texts, output_col="text")
    with pytest.raises(ValueError, match="must differ"):
        extract_quotes(texts, speakers_col="quotes")


# --- without Spark ----------------------------------------------------------------------------


def python(code: str, **env: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-c", code],
        input="",
        capture_output=True,
        text=True,
        env=command_env(**env),
        timeout=60,
        check=False,
    )


def test_importing_quoteattr_never_imports_pyspark() -> None:
    completed = python(
        "import sys, quoteattr, quoteattr.cli, quoteattr.spark\n"
        "quoteattr.cli.main(['extract', '--format', 'jsonl', '-'])\n"
        "print(sorted(m for m in sys.modules if m.split('.')[0] in ('pyspark', 'pyarrow')))"
    )
    assert completed.returncode == 0, completed.stderr
    assert completed.stdout.splitlines()[-1] == "[]"


def test_without_pyspark_the_error_says_what_to_install() -> None:
    completed = python(
        "import sys\n"
        "sys.modules['pyspark'] = None  # as if it were not installed\n"
        "from quoteattr.spark import quotes_type\n"
        "try:\n"
        "    quotes_type()\n"
        "except ModuleNotFoundError as exc:\n"
        "    print(exc)\n"
    )
    assert completed.returncode == 0, completed.stderr
    assert "pip install 'quoteattr[spark]'" in completed.stdout
    assert os.linesep not in completed.stdout.rstrip()
