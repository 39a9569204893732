"""How ``quoteattr extract --jobs N`` scales: throughput with one worker process and with more.

Builds a JSON Lines corpus of at least ``--size-mb`` megabytes (default 50) by repeating
``--corpus`` (default ``../shared/data/polnear/dev.jsonl`` beside the repository, or 200
invented articles from ``synthetic.py`` when that file is absent) with fresh ids, then runs the
real command on it::

    python -m quoteattr extract --input-format jsonl --format jsonl --jobs N CORPUS > /dev/null

``--runs`` times for each N in ``--jobs`` (default 1 and 2), the runs of different N
interleaved so that a change in the machine's load hits them alike. It reports the median wall
time, the throughput (MB/s and documents/s), the CPU time of all the processes, the peak
resident memory of the largest process, and each N's speed-up over the first. With
``--memory-mb`` it also runs each N once over a corpus of that size, to show that peak memory
does not grow with the corpus.

With ``--spark`` it measures ``quoteattr.spark`` instead, on a ``local[2]`` session (needs
``pip install -e ".[spark]"`` and Java): the corpus is read into a cached DataFrame of
``--partitions`` partitions, then each way of running the extractor over it is timed, the
output written to Spark's ``noop`` sink so that every column is computed and nothing is
stored: ``mapInArrow`` (what ``extract_quotes`` does), ``mapInPandas``, ``rdd.mapPartitions``
and a pandas UDF. A first untimed run starts the Python workers and loads the word lists.

The machines this runs on are shared: the load average before and after is printed beside the
figures, and ratios measured in one run are what to compare.

Run from the repository root with the project's interpreter::

    python benchmarks/scaling.py                     # 50 MB, --jobs 1 and 2, 3 runs each
    python benchmarks/scaling.py --size-mb 10 --runs 1 --jobs 1 2 4 --json scaling.json
    python benchmarks/scaling.py --spark --size-mb 10 --runs 5

Not part of the package, not a test: it takes minutes.
"""

# No `from __future__ import annotations`: PySpark reads the pandas UDF's annotations as
# objects, to tell which kind of UDF it is.
import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
# Run as a script, this folder comes first on the path, and its profile.py would then hide the
# standard library's profile module, which PySpark imports. synthetic.py is imported by path.
if sys.path and Path(sys.path[0] or ".").resolve() == HERE:
    del sys.path[0]
DEFAULT_CORPUS = ROOT.parent / "shared" / "data" / "polnear" / "dev.jsonl"
MB = 1_000_000


def source_records(corpus: Path | None) -> tuple[list[dict[str, Any]], str]:
    """The records to repeat, and a name for where they came from."""
    if corpus is not None and corpus.exists():
        with corpus.open(encoding="utf-8") as handle:
            records = [json.loads(line) for line in handle if line.strip()]
        # Only the id and the text: the records' other keys are not the command's input.
        kept = [{"id": r.get("id", n), "text": r["text"]} for n, r in enumerate(records)]
        return kept, str(corpus)
    sys.path.insert(0, str(HERE))
    try:
        import synthetic
    finally:
        sys.path.remove(str(HERE))

    texts = synthetic.synthetic_corpus()
    return [{"id": f"synthetic-{n}", "text": t} for n, t in enumerate(texts)], "synthetic.py"


def build_corpus(records: list[dict[str, Any]], size: int, path: Path) -> tuple[int, int]:
    """Write the records over and over to ``path`` until it holds ``size`` bytes or more.

    Returns:
        The file's size in bytes and its number of documents.
    """
    written = documents = 0
    with path.open("wb") as out:
        for round_ in _forever():
            for record in records:
                line = json.dumps(
                    {"id": f"{record['id']}#{round_}", "text": record["text"]}, ensure_ascii=False
                ).encode("utf-8")
                out.write(line + b"\n")
                written += len(line) + 1
                documents += 1
            if written >= size:
                return written, documents
    raise AssertionError("unreachable")


def _forever() -> Iterator[int]:
    number = 0
    while True:
        yield number
        number += 1


def run_once(corpus: Path, jobs: int) -> dict[str, float]:
    """One run of the command; its wall time, CPU time and peak memory (largest process)."""
    command = [
        sys.executable, "-m", "quoteattr", "extract", "--input-format", "jsonl",
        "--format", "jsonl", "--jobs", str(jobs), str(corpus),
    ]  # fmt: skip
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join(p for p in (str(ROOT), env.get("PYTHONPATH")) if p)
    started = time.perf_counter()
    process = subprocess.Popen(
        command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=env, cwd=ROOT
    )
    assert process.stderr is not None
    errors = process.stderr.read()
    # wait4 gives this child's resource use, its worker processes (which it waited for) included.
    _, status, usage = os.wait4(process.pid, 0)
    wall = time.perf_counter() - started
    process.returncode = os.waitstatus_to_exitcode(status)
    process.stderr.close()
    if process.returncode != 0:
        raise SystemExit(f"{' '.join(command)} failed ({process.returncode}):\n{errors.decode()}")
    return {
        "seconds": wall,
        "cpu_seconds": usage.ru_utime + usage.ru_stime,
        "peak_rss_mb": usage.ru_maxrss * 1024 / MB,  # ru_maxrss is in KiB on Linux
    }


def measure(
    corpus: Path, jobs_values: Sequence[int], runs: int
) -> dict[int, list[dict[str, float]]]:
    samples: dict[int, list[dict[str, float]]] = {jobs: [] for jobs in jobs_values}
    for run in range(runs):
        for jobs in jobs_values:
            sample = run_once(corpus, jobs)
            samples[jobs].append(sample)
            print(
                f"  run {run + 1}/{runs} --jobs {jobs}: {sample['seconds']:.1f} s, "
                f"cpu {sample['cpu_seconds']:.1f} s, peak {sample['peak_rss_mb']:.0f} MB",
                file=sys.stderr,
                flush=True,
            )
    return samples


def summarise(
    samples: dict[int, list[dict[str, float]]], size: int, documents: int
) -> list[dict[str, Any]]:
    rows = []
    base: float | None = None
    for jobs, runs in samples.items():
        seconds = [s["seconds"] for s in runs]
        median = statistics.median(seconds)
        throughput = size / MB / median
        base = base or throughput
        rows.append(
            {
                "jobs": jobs,
                "runs": len(runs),
                "median_seconds": median,
                "min_seconds": min(seconds),
                "max_seconds": max(seconds),
                "mb_per_second": throughput,
                "documents_per_second": documents / median,
                "cpu_seconds": statistics.median(s["cpu_seconds"] for s in runs),
                "peak_rss_mb": max(s["peak_rss_mb"] for s in runs),
                "speedup": throughput / base,
            }
        )
    return rows


def table(rows: list[dict[str, Any]]) -> str:
    lines = [
        "| --jobs | median s (min–max) | MB/s | documents/s | CPU s | peak RSS MB | speed-up |",
        "|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for row in rows:
        lines.append(
            f"| {row['jobs']} | {row['median_seconds']:.1f} ({row['min_seconds']:.1f}–"
            f"{row['max_seconds']:.1f}) | {row['mb_per_second']:.2f} | "
            f"{row['documents_per_second']:,.0f} | {row['cpu_seconds']:.1f} | "
            f"{row['peak_rss_mb']:.0f} | {row['speedup']:.2f}× |"
        )
    return "\n".join(lines)


def spark_strategies() -> dict[str, Any]:
    """Ways of running the extractor over a DataFrame: each takes one, returns it with quotes."""
    from pyspark.sql.pandas.functions import pandas_udf

    from quoteattr import extract
    from quoteattr.spark import extract_quotes, quotes_type

    def with_quotes(df: Any) -> Any:
        from pyspark.sql import types as T

        return T.StructType([*df.schema.fields, T.StructField("quotes", quotes_type())])

    def in_pandas(frames: Iterator[Any]) -> Iterator[Any]:
        for frame in frames:
            frame["quotes"] = [
                None if text is None else extract(text).to_dict()["quotes"]
                for text in frame["text"]
            ]
            yield frame

    def in_partition(rows: Iterator[Any]) -> Iterator[tuple[Any, ...]]:
        for row in rows:
            text = row["text"]
            yield (*row, None if text is None else extract(text).to_dict()["quotes"])

    # pandas has no type information of its own; pandas-stubs may or may not be installed.
    import pandas  # type: ignore[import-untyped, unused-ignore]

    @pandas_udf(quotes_type())  # type: ignore[call-overload, untyped-decorator]
    def quotes_udf(texts: pandas.Series) -> pandas.Series:
        return pandas.Series(
            [None if text is None else extract(text).to_dict()["quotes"] for text in texts]
        )

    return {
        "mapInArrow (extract_quotes)": extract_quotes,
        "mapInPandas": lambda df: df.mapInPandas(in_pandas, with_quotes(df)),
        "rdd.mapPartitions": lambda df: df.sparkSession.createDataFrame(
            df.rdd.mapPartitions(in_partition), with_quotes(df)
        ),
        "pandas UDF": lambda df: df.withColumn("quotes", quotes_udf("text")),
    }


def tree_cpu_seconds() -> float | None:
    """CPU seconds used so far by this process's descendants (Spark's JVM and Python workers).

    Live processes count their own time and that of the children they have reaped, so a
    worker that has ended is counted once, in its parent. Linux only (``/proc``); else None.
    """
    tick = os.sysconf("SC_CLK_TCK")
    parents: dict[int, int] = {}
    used: dict[int, float] = {}
    try:
        entries = [entry for entry in os.listdir("/proc") if entry.isdigit()]
    except OSError:
        return None
    for entry in entries:
        try:
            with open(f"/proc/{entry}/stat", encoding="ascii", errors="replace") as handle:
                fields = handle.read().rsplit(")", 1)[1].split()
        except OSError:
            continue  # ended meanwhile
        # After the command name: state, ppid, ... utime is field 14 of stat, cstime 17.
        parents[int(entry)] = int(fields[1])
        used[int(entry)] = sum(int(value) for value in fields[11:15]) / tick
    tree = {os.getpid()}
    grown = True
    while grown:
        found = {pid for pid, parent in parents.items() if parent in tree} - tree
        grown = bool(found)
        tree |= found
    tree.discard(os.getpid())
    return sum(used.get(pid, 0.0) for pid in tree)


def measure_spark(corpus: Path, size: int, documents: int, runs: int, partitions: int) -> str:
    os.environ["PYSPARK_PYTHON"] = sys.executable  # the workers run this interpreter
    from pyspark.sql import SparkSession

    spark = (
        SparkSession.builder.master("local[2]")
        .appName("quoteattr-scaling")
        .config("spark.executorEnv.PYTHONPATH", str(ROOT))
        .config("spark.ui.showConsoleProgress", "false")
        .getOrCreate()
    )
    spark.sparkContext.setLogLevel("ERROR")
    df = spark.read.json(str(corpus)).select("id", "text").repartition(partitions).cache()
    df.count()
    strategies = spark_strategies()
    seconds: dict[str, list[float]] = {name: [] for name in strategies}
    cpu: dict[str, list[float]] = {name: [] for name in strategies}
    quotes: dict[str, int] = {}
    for run in range(runs + 1):
        for name, strategy in strategies.items():
            cpu_before = tree_cpu_seconds()
            started = time.perf_counter()
            result = strategy(df)
            result.write.format("noop").mode("overwrite").save()
            elapsed = time.perf_counter() - started
            cpu_after = tree_cpu_seconds()
            if run == 0:  # warm-up: start the workers, load the word lists
                quotes[name] = result.selectExpr("sum(size(quotes))").first()[0]
                continue
            seconds[name].append(elapsed)
            if cpu_before is not None and cpu_after is not None:
                cpu[name].append(cpu_after - cpu_before)
            print(
                f"  run {run}/{runs} {name}: {elapsed:.1f} s, "
                f"cpu {cpu[name][-1] if cpu[name] else float('nan'):.1f} s",
                file=sys.stderr,
                flush=True,
            )
    spark.stop()
    lines = [
        "| way | median s (min–max) | MB/s | documents/s | CPU s (JVM + Python) | quotes |",
        "|---|---:|---:|---:|---:|---:|",
    ]
    for name, samples in seconds.items():
        median = statistics.median(samples)
        used = f"{statistics.median(cpu[name]):.1f}" if cpu[name] else "–"
        lines.append(
            f"| {name} | {median:.1f} ({min(samples):.1f}–{max(samples):.1f}) | "
            f"{size / MB / median:.2f} | {documents / median:,.0f} | {used} | {quotes[name]:,} |"
        )
    return "\n".join(lines)


def commit() -> str:
    try:
        head = subprocess.run(
            ["git", "rev-parse", "--short", "HEAD"], capture_output=True, text=True, cwd=ROOT
        ).stdout.strip()
        dirty = subprocess.run(
            ["git", "status", "--porcelain", "--untracked-files=no"],
            capture_output=True,
            text=True,
            cwd=ROOT,
        ).stdout.strip()
    except OSError:
        return "unknown"
    return f"{head}{' (uncommitted changes)' if dirty else ''}" if head else "unknown"


def parse_args(argv: Sequence[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument(
        "--corpus",
        type=Path,
        default=DEFAULT_CORPUS,
        help="JSONL with a 'text' field to repeat (default: the polnear dev set, else synthetic)",
    )
    parser.add_argument("--size-mb", type=float, default=50.0, help="corpus size (default: 50)")
    parser.add_argument("--runs", type=int, default=3, help="runs for each --jobs (default: 3)")
    parser.add_argument(
        "--jobs", type=int, nargs="+", default=[1, 2], help="values of --jobs (default: 1 2)"
    )
    parser.add_argument(
        "--memory-mb",
        type=float,
        default=5.0,
        help="also run each --jobs once on a corpus this size, to compare peak memory "
        "(default: 5; 0 to skip)",
    )
    parser.add_argument("--json", type=Path, help="write every figure and sample here")
    parser.add_argument(
        "--spark", action="store_true", help="measure quoteattr.spark on local[2] instead"
    )
    parser.add_argument(
        "--partitions", type=int, default=8, help="DataFrame partitions with --spark (default: 8)"
    )
    return parser.parse_args(argv)


def main(argv: Sequence[str] | None = None) -> int:
    args = parse_args(argv)
    records, source = source_records(args.corpus)
    with tempfile.TemporaryDirectory(prefix="quoteattr-scaling-") as folder:
        corpus = Path(folder) / "corpus.jsonl"
        size, documents = build_corpus(records, int(args.size_mb * MB), corpus)
        print(
            f"corpus: {source} repeated to {size / MB:.1f} MB, {documents:,} documents",
            file=sys.stderr,
        )
        if args.spark:
            load_before = os.getloadavg()
            spark_table = measure_spark(corpus, size, documents, args.runs, args.partitions)
            load_after = os.getloadavg()
            print(
                f"quoteattr {commit()}, Python {sys.version.split()[0]}, local[2], "
                f"{args.partitions} partitions; corpus {source} repeated to {size / MB:.1f} MB "
                f"({documents:,} documents); median of {args.runs} runs; load average "
                f"{load_before[0]:.2f} before, {load_after[0]:.2f} after\n"
            )
            print(spark_table)
            return 0
        load_before = os.getloadavg()
        samples = measure(corpus, args.jobs, args.runs)
        load_after = os.getloadavg()
        rows = summarise(samples, size, documents)
        memory: dict[int, float] = {}
        small_size = 0
        if args.memory_mb > 0:
            small = Path(folder) / "small.jsonl"
            small_size, _ = build_corpus(records, int(args.memory_mb * MB), small)
            memory = {jobs: run_once(small, jobs)["peak_rss_mb"] for jobs in args.jobs}
    print(
        f"quoteattr {commit()}, Python {sys.version.split()[0]}, {os.cpu_count()} cores; "
        f"corpus {source} repeated to {size / MB:.1f} MB ({documents:,} documents); "
        f"median of {args.runs} runs; load average {load_before[0]:.2f} before, "
        f"{load_after[0]:.2f} after\n"
    )
    print(table(rows))
    if memory:
        print(
            f"\nPeak RSS of the largest process, {small_size / MB:.1f} MB corpus → "
            f"{size / MB:.1f} MB corpus: "
            + ", ".join(
                f"--jobs {row['jobs']}: {memory[row['jobs']]:.0f} → {row['peak_rss_mb']:.0f} MB"
                for row in rows
            )
        )
    if args.json is not None:
        args.json.write_text(
            json.dumps(
                {
                    "commit": commit(),
                    "python": sys.version,
                    "cores": os.cpu_count(),
                    "corpus": source,
                    "bytes": size,
                    "documents": documents,
                    "load_average": {"before": load_before, "after": load_after},
                    "rows": rows,
                    "samples": {str(jobs): runs for jobs, runs in samples.items()},
                    "memory_check": {
                        "bytes": small_size,
                        "peak_rss_mb": {str(jobs): mb for jobs, mb in memory.items()},
                    },
                },
                indent=2,
            ),
            encoding="utf-8",
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
