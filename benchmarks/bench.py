"""Benchmark quoteattr.extract: throughput, start-up, one article, memory and scaling.

    python benchmarks/bench.py [--corpus PATH.jsonl] [--runs 5] [--json OUT.json] [--quick]
                               [--sections throughput,article,startup,memory,scaling]
                               [--max-size 10000000] [--budget 60]
    python benchmarks/bench.py --render OUT.json      # the saved figures as Markdown tables

Without ``--corpus`` it measures 200 invented articles from ``synthetic.py`` (our own text, about
0.9 MB); with it, the ``text`` field of every line of a JSONL file. Every timing is the median of
``--runs`` runs (at least 5 unless ``--quick``), with min and max beside it, because the machines
this runs on are shared and noisy: compare medians and ratios, not single runs.

What it measures, and the target each is reported against:

* throughput over the corpus, in characters and articles a second (target >= 1,000,000 chars/s
  in one process), with the default config and with ``attribute_speakers=False``;
* one typical article of about 4 KB;
* start-up: ``import quoteattr`` plus the first ``extract`` in fresh interpreters, median of
  several (target < 0.3 s), with the bytecode cache warm (as installed) and cold (compiled from
  source each time), and the slowest imports from ``python -X importtime``;
* peak memory of one ``extract`` in a fresh interpreter, from tracemalloc and from the RSS
  high-water mark, over the input's UTF-8 size (target < 20x): documents of 1 MB and 10 MB,
  and documents of 2 KB to 128 KB under tracemalloc both on their first reading and read again
  (the first reading also fills the process's bounded word tables);
* scaling: seconds per MB for single documents of 10 KB, 100 KB, 1 MB and 10 MB made of the
  corpus's paragraphs, spread evenly over the corpus when the document is smaller than it and
  the whole corpus repeated when larger, so that every size holds the same mix of text (flat is
  linear; the largest over the smallest is printed).
  A size stops repeating once its runs have taken ``--budget`` seconds, so a slow 10 MB
  document may have fewer runs than asked; the table says how many.
"""

from __future__ import annotations

import argparse
import functools
import gc
import json
import os
import platform
import resource
import statistics
import subprocess
import sys
import tempfile
import time
import tracemalloc
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

import synthetic

import quoteattr

TARGET_CHARS_PER_S = 1_000_000
TARGET_STARTUP_S = 0.3
TARGET_MEMORY_RATIO = 20.0
SCALING_SIZES = (10_000, 100_000, 1_000_000, 10_000_000)
MEMORY_SIZES = (1_000_000, 10_000_000)
# Short documents, the size of news articles, are measured under tracemalloc twice: on their
# first reading in the process, and again once their words are in the process's word tables.
SHORT_MEMORY_SIZES = (2_000, 4_000, 8_000, 16_000, 32_000, 64_000, 128_000)
HERE = Path(__file__).resolve().parent
SECTIONS = ("throughput", "article", "startup", "memory", "scaling")

# Run in a fresh interpreter: read the article from stdin, then time the import and one extract.
_STARTUP_CODE = """
import sys, time
text = sys.stdin.read()
start, start_cpu = time.perf_counter(), time.process_time()
import quoteattr
imported, imported_cpu = time.perf_counter(), time.process_time()
quoteattr.extract(text)
done, done_cpu = time.perf_counter(), time.process_time()
print(imported - start, done - start, imported_cpu - start_cpu, done_cpu - start_cpu)
"""
_BARE_CODE = "import sys; sys.stdin.read()"


def summary(samples: Sequence[float]) -> dict[str, Any]:
    """Median, min and max of some timings (the samples are kept too)."""
    return {
        "median": statistics.median(samples),
        "min": min(samples),
        "max": max(samples),
        "runs": len(samples),
        "samples": list(samples),
    }


def timed(function: Callable[[], object]) -> tuple[float, float]:
    """Wall-clock and CPU seconds of one call. CPU time is the steadier of the two on a busy
    machine: other processes do not add to it (though they still slow the caches)."""
    start, start_cpu = time.perf_counter(), time.process_time()
    function()
    return time.perf_counter() - start, time.process_time() - start_cpu


def throughput_figures(
    chars: int, items: int, samples: list[tuple[float, float]]
) -> dict[str, Any]:
    """Seconds (wall and CPU) and the rates they give, for a pass over ``chars`` characters in
    ``items`` articles."""
    wall = summary([sample[0] for sample in samples])
    cpu = summary([sample[1] for sample in samples])
    return {
        "seconds": wall,
        "cpu_seconds": cpu,
        "chars_per_s": chars / wall["median"],
        "chars_per_s_range": [chars / wall["max"], chars / wall["min"]],
        "chars_per_cpu_s": chars / cpu["median"],
        "chars_per_cpu_s_range": [chars / cpu["max"], chars / cpu["min"]],
        "articles_per_s": items / wall["median"],
    }


def measure_throughput(
    texts: list[str], runs: int, config: quoteattr.Config | None, first_in_process: bool = False
) -> dict[str, Any]:
    """Extract every text once per run, in this process. ``first_in_process``: nothing has read
    these texts in this process before, so the first pass is worth reporting on its own."""
    quoteattr.extract(texts[0], config)  # word lists load on first use; not part of throughput

    def one_pass() -> None:
        for text in texts:
            quoteattr.extract(text, config)

    samples = [timed(one_pass) for _ in range(runs)]
    chars = sum(len(text) for text in texts)
    figures = throughput_figures(chars, len(texts), samples)
    if not first_in_process:
        return figures
    # The first pass reads every word for the first time (its tokens and their facts are built
    # and cached), as a stream of new articles does; the later passes find them cached. The
    # median is of all passes, so it is mostly the later kind: this figure shows the other.
    figures["first_pass_chars_per_s"] = chars / samples[0][0]
    figures["first_pass_chars_per_cpu_s"] = chars / samples[0][1]
    return figures


def measure_article(text: str, runs: int) -> dict[str, Any]:
    """Time one article: each run repeats it enough times to last about 0.2 s."""
    quoteattr.extract(text)
    once = timed(lambda: quoteattr.extract(text))[0]
    repeat = max(1, int(0.2 / max(once, 1e-6)))

    def batch() -> None:
        for _ in range(repeat):
            quoteattr.extract(text)

    per_call = [(wall / repeat, cpu / repeat) for wall, cpu in (timed(batch) for _ in range(runs))]
    figures = throughput_figures(len(text), 1, per_call)
    return {"chars": len(text), "calls_per_run": repeat, **figures}


def _startup_runs(article: str, runs: int, env: dict[str, str]) -> dict[str, Any]:
    imports: list[float] = []
    firsts: list[float] = []
    firsts_cpu: list[float] = []
    walls: list[float] = []
    for _ in range(runs):
        started = time.perf_counter()
        result = subprocess.run(
            [sys.executable, "-c", _STARTUP_CODE],
            input=article,
            capture_output=True,
            text=True,
            check=True,
            env=env,
        )
        walls.append(time.perf_counter() - started)
        import_s, first_s, _, first_cpu = (float(field) for field in result.stdout.split())
        imports.append(import_s)
        firsts.append(first_s)
        firsts_cpu.append(first_cpu)
    return {
        "import": summary(imports),
        "import_and_first_extract": summary(firsts),
        "import_and_first_extract_cpu": summary(firsts_cpu),
        "process_wall": summary(walls),
    }


def measure_startup(article: str, runs: int) -> dict[str, Any]:
    """Import and first extract in ``runs`` fresh interpreters, against a bare interpreter.

    Measured warm (bytecode compiled once beforehand into a temporary cache, as after
    ``pip install``) and cold (no bytecode cache: every module compiled from source, as with
    ``PYTHONDONTWRITEBYTECODE=1`` on a source checkout). The target applies to warm.
    """
    cold_env = dict(os.environ, PYTHONDONTWRITEBYTECODE="1")
    with tempfile.TemporaryDirectory() as cache:
        warm_env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
        warm_env["PYTHONPYCACHEPREFIX"] = cache
        _startup_runs(article, 1, warm_env)  # writes the bytecode cache
        warm = _startup_runs(article, runs, warm_env)
        slowest = slowest_imports(warm_env)
    cold = _startup_runs(article, runs, cold_env)
    bares: list[float] = []
    for _ in range(runs):
        started = time.perf_counter()
        subprocess.run([sys.executable, "-c", _BARE_CODE], input=article, text=True, check=True)
        bares.append(time.perf_counter() - started)
    return {
        **warm,
        "cold": cold,
        "bare_interpreter_wall": summary(bares),
        "slowest_imports": slowest,
    }


def slowest_imports(env: dict[str, str], count: int = 8) -> list[dict[str, Any]]:
    """The modules with the largest cumulative time in ``python -X importtime -c 'import
    quoteattr'`` (one run: for which modules, not for how long)."""
    result = subprocess.run(
        [sys.executable, "-X", "importtime", "-c", "import quoteattr"],
        capture_output=True,
        text=True,
        check=True,
        env=env,
    )
    rows: list[dict[str, Any]] = []
    for line in result.stderr.splitlines():
        if not line.startswith("import time:") or "self [us]" in line:
            continue
        self_us, cumulative_us, name = line[len("import time:") :].split("|")
        rows.append(
            {
                "module": name.rstrip(),
                "self_ms": int(self_us) / 1000,
                "cumulative_ms": int(cumulative_us) / 1000,
            }
        )
    return sorted(rows, key=lambda row: -row["cumulative_ms"])[:count]


def _current_rss() -> int | None:
    """Resident set size now, in bytes (Linux only)."""
    try:
        with open("/proc/self/statm", encoding="ascii") as handle:
            return int(handle.read().split()[1]) * os.sysconf("SC_PAGE_SIZE")
    except (OSError, ValueError, IndexError):
        return None


def _max_rss() -> int:
    """The RSS high-water mark in bytes (``ru_maxrss`` is KiB on Linux, bytes on macOS)."""
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak if sys.platform == "darwin" else peak * 1024


def traced_extract(text: str) -> tuple[int, quoteattr.Article]:
    """One extract of ``text`` under tracemalloc: its peak over what was held just before it,
    and its result. (``stream_memory.py`` measures with it too.)"""
    tracemalloc.start()
    tracemalloc.reset_peak()
    base = tracemalloc.get_traced_memory()[0]
    article = quoteattr.extract(text)
    peak = tracemalloc.get_traced_memory()[1] - base
    tracemalloc.stop()
    return peak, article


def child_memory(paragraphs: list[str], size: int, mode: str) -> dict[str, Any]:
    """In a fresh interpreter: the memory one ``extract`` of a ``size``-character document
    needs on top of the document itself, after an extract of another article (which loads
    the word lists) and a full collection. ``mode``:

    * ``running``: tracemalloc's peak on the document's first reading, in the state of a
      process that runs extracts: the collection empties CPython's free lists of small
      objects (tuples, lists, dicts), and another extract after it leaves them as any extract
      does. (No extract leaves cycles for a collection during the measured one to free: a
      test holds it.)
    * ``trace``: the same, just after the collection: the extract fills the free lists again,
      and that memory counts in its peak, as if each article needed it anew.
    * ``again``: as ``trace``, for a third extract of the same text: its words are already in
      the process's bounded word tables, which keep a word once a second extract reads it,
      and whose growth the first two readings count.
    * ``rss``: growth of the resident set's high-water mark (meaningless for a few KB: RSS
      moves in pages and arenas)."""
    text = synthetic.sampled_document(paragraphs, size)
    input_bytes = len(text.encode("utf-8"))
    del paragraphs[:]
    warm_up = synthetic.typical_article()
    quoteattr.extract(warm_up)  # load the word lists first
    if mode == "again":
        quoteattr.extract(text)
        quoteattr.extract(text)
    gc.collect()
    if mode == "running":
        quoteattr.extract(warm_up)
    row: dict[str, Any] = {
        "chars": len(text),
        "input_utf8_bytes": input_bytes,
        "input_str_bytes": sys.getsizeof(text),
        "mode": mode,
    }
    if mode in ("running", "trace", "again"):
        row["peak_bytes"], article = traced_extract(text)
    else:
        before = _current_rss()
        high_before = _max_rss()
        article = quoteattr.extract(text)
        high_after = _max_rss()
        # The high-water mark may predate the extract (building the text); growth over the RSS
        # just before is what the extract needed. If the mark never moved, it is an upper bound.
        row["peak_bytes"] = high_after - (before if before is not None else high_before)
        row["rss_high_water_bytes"] = high_after
        row["high_water_moved"] = high_after > high_before
    row["ratio"] = row["peak_bytes"] / input_bytes
    row["quotes"] = len(article.quotes)
    return row


def measure_memory(
    corpus_args: list[str], sizes: Sequence[int], modes: Sequence[str] = ("trace", "rss")
) -> list[dict[str, Any]]:
    rows = []
    for size in sizes:
        for mode in modes:
            result = subprocess.run(
                [
                    sys.executable,
                    str(HERE / "bench.py"),
                    *corpus_args,
                    *("--child-memory", str(size), "--child-mode", mode),
                ],
                capture_output=True,
                text=True,
                check=True,
            )
            rows.append(json.loads(result.stdout))
    return rows


def measure_scaling(
    paragraphs: list[str], sizes: Sequence[int], runs: int, budget: float
) -> list[dict[str, Any]]:
    """Time one document of each size; after ``budget`` seconds on one size, stop its runs."""
    rows = []
    for size in sizes:
        text = synthetic.sampled_document(paragraphs, size)
        samples: list[tuple[float, float]] = []
        while len(samples) < runs and (not samples or sum(s[0] for s in samples) < budget):
            samples.append(timed(functools.partial(quoteattr.extract, text)))
        row = {"chars": size, **throughput_figures(size, 1, samples)}
        row["seconds_per_mb"] = row["seconds"]["median"] / (size / 1_000_000)
        row["cpu_seconds_per_mb"] = row["cpu_seconds"]["median"] / (size / 1_000_000)
        # The same with the cyclic garbage collector paused: its full collections walk every
        # live object, the document's own included, so they cost more a MB as the document
        # grows; this column shows what is left of the growth without them.
        paused: list[float] = []
        gc.collect()
        gc.disable()
        try:
            while len(paused) < 2 and (not paused or sum(paused) < budget):
                paused.append(timed(functools.partial(quoteattr.extract, text))[1])
        finally:
            gc.enable()
        row["cpu_seconds_per_mb_gc_paused"] = min(paused) / (size / 1_000_000)
        rows.append(row)
    return rows


def _commit() -> str:
    """The checked-out commit, with ``+changes`` if the working tree differs from it."""
    try:
        head = subprocess.run(
            ["git", "rev-parse", "--short", "HEAD"], cwd=HERE, capture_output=True, text=True,
            check=True,
        ).stdout.strip()
        dirty = subprocess.run(
            ["git", "status", "--porcelain", "--untracked-files=no"], cwd=HERE,
            capture_output=True, text=True, check=True,
        ).stdout.strip()
    except (OSError, subprocess.CalledProcessError):
        return "unknown"
    return head + ("+changes" if dirty else "")


def _cpu_model() -> str | None:
    """The CPU's model name from /proc/cpuinfo (Linux), or None where there is no such file."""
    try:
        with open("/proc/cpuinfo", encoding="utf-8") as handle:
            for line in handle:
                if line.startswith("model name"):
                    return line.partition(":")[2].strip()
    except OSError:
        pass
    return None


def machine() -> dict[str, Any]:
    import regex

    return {
        "python": sys.version.split()[0],
        "implementation": platform.python_implementation(),
        "platform": platform.platform(),
        "processor": _cpu_model() or platform.processor() or platform.machine(),
        "cpus": os.cpu_count(),
        "regex": regex.__version__,
        "quoteattr": quoteattr.__version__,
        "commit": _commit(),
        "load_average_start": list(os.getloadavg()),
        "date": time.strftime("%Y-%m-%d %H:%M:%S %z"),
    }


def _fmt_s(seconds: float) -> str:
    if seconds < 1e-3:
        return f"{seconds * 1e6:.0f} us"
    if seconds < 1:
        return f"{seconds * 1e3:.1f} ms"
    return f"{seconds:.2f} s"


def _verdict(ok: bool) -> str:
    return "ok" if ok else "MISSED"


def markdown(report: dict[str, Any]) -> str:
    """The report as Markdown tables: printed after a run, and pasted into
    docs/performance.md (``--render`` prints a saved report again)."""
    m, corpus = report["machine"], report["corpus"]
    lines = [
        f"Run of {m['date']}: Python {m['python']}, regex {m['regex']}, quoteattr "
        f"{m['quoteattr']} at {m.get('commit', 'unknown')}, {m['cpus']} CPUs "
        f"({m['processor']}), load average "
        f"{m['load_average_start'][0]:.2f} at the start and {m['load_average_end'][0]:.2f} at "
        f"the end. Corpus: {corpus['source']}, {corpus['articles']} articles, "
        f"{corpus['chars']:,} characters.",
        "",
        "| measure | median | min | max | target | |",
        "|---|---:|---:|---:|---|---|",
    ]
    for key, label in (
        ("throughput", "throughput, default config"),
        ("throughput_detection_only", "throughput, `attribute_speakers=False`"),
    ):
        if key not in report:
            continue
        tp = report[key]
        low, high = tp["chars_per_s_range"]
        ok = _verdict(tp["chars_per_s"] >= TARGET_CHARS_PER_S)
        lines.append(
            f"| {label} | {tp['chars_per_s']:,.0f} chars/s | {low:,.0f} | {high:,.0f} "
            f"| ≥ {TARGET_CHARS_PER_S:,} | {ok} |"
        )
        if "chars_per_cpu_s" in tp:
            low, high = tp["chars_per_cpu_s_range"]
            ok = _verdict(tp["chars_per_cpu_s"] >= TARGET_CHARS_PER_S)
            lines.append(
                f"| ″, in CPU time | {tp['chars_per_cpu_s']:,.0f} chars/s | {low:,.0f} "
                f"| {high:,.0f} | ≥ {TARGET_CHARS_PER_S:,} | {ok} |"
            )
        lines.append(f"| ″, articles | {tp['articles_per_s']:,.1f} articles/s | | | | |")
        if "first_pass_chars_per_s" in tp:  # a report saved before this figure existed has none
            ok = _verdict(tp["first_pass_chars_per_s"] >= TARGET_CHARS_PER_S)
            lines.append(
                f"| ″, the first pass alone (words not read before) "
                f"| {tp['first_pass_chars_per_s']:,.0f} chars/s | | "
                f"| ≥ {TARGET_CHARS_PER_S:,} | {ok} |"
            )
    if "typical_article" in report:
        art = report["typical_article"]
        s = art["seconds"]
        lines.append(
            f"| one article of {art['chars']:,} chars | {_fmt_s(s['median'])} "
            f"| {_fmt_s(s['min'])} | {_fmt_s(s['max'])} | | |"
        )
        if "cpu_seconds" in art:
            s = art["cpu_seconds"]
            lines.append(
                f"| ″, in CPU time | {_fmt_s(s['median'])} | {_fmt_s(s['min'])} "
                f"| {_fmt_s(s['max'])} | | |"
            )
    if "startup" in report:
        for key, label in (
            ("import", "`import quoteattr`, fresh process"),
            ("import_and_first_extract", "import + first `extract`, fresh process"),
            ("import_and_first_extract_cpu", "the same in CPU time"),
            ("process_wall", "whole process, wall clock"),
            ("cold:import_and_first_extract", "import + first `extract`, no bytecode cache"),
            ("cold:import_and_first_extract_cpu", "the same in CPU time"),
            ("bare_interpreter_wall", "bare interpreter, wall clock"),
        ):
            table = report["startup"]
            if key.startswith("cold:"):
                table, key = table.get("cold", {}), key[len("cold:") :]
            if key not in table:
                continue  # a report saved before this figure existed
            s = table[key]
            warm = table is report["startup"]
            target = f"< {TARGET_STARTUP_S} s" if warm and key == "import_and_first_extract" else ""
            ok = _verdict(s["median"] < TARGET_STARTUP_S) if target else ""
            lines.append(
                f"| {label} | {_fmt_s(s['median'])} | {_fmt_s(s['min'])} | {_fmt_s(s['max'])} "
                f"| {target} | {ok} |"
            )
        slowest = ", ".join(
            f"{item['module'].strip()} {item['cumulative_ms']:.0f} ms"
            for item in report["startup"]["slowest_imports"][:6]
        )
        lines += ["", f"Slowest imports (cumulative, one `-X importtime` run): {slowest}."]
    if "memory" in report:
        lines += [
            "",
            "| peak memory of one `extract` | input (UTF-8 bytes) | peak | × input | target |",
            "|---|---:|---:|---:|---|",
        ]
        for item in report["memory"]:
            method = {
                "running": "tracemalloc, first reading",
                "trace": "tracemalloc, first reading, just after a full collection",
                "again": "tracemalloc, read again, just after a full collection",
                "rss": "RSS growth",
            }[item["mode"]]
            if not item.get("high_water_moved", True):
                method += " (upper bound)"
            ok = _verdict(item["ratio"] < TARGET_MEMORY_RATIO)
            lines.append(
                f"| {method}, {item['chars']:,} chars | {item['input_utf8_bytes']:,} "
                f"| {item['peak_bytes']:,} | {item['ratio']:.1f} "
                f"| < {TARGET_MEMORY_RATIO:.0f}× {ok} |"
            )
    if "scaling" in report:
        lines += [
            "",
            "| one document of | runs | s per MB (median) | min s | max s | CPU s per MB "
            "| CPU s per MB, collector paused |",
            "|---:|---:|---:|---:|---:|---:|---:|",
        ]
        for item in report["scaling"]:
            s = item["seconds"]
            cpu = f"{item['cpu_seconds_per_mb']:.2f}" if "cpu_seconds_per_mb" in item else ""
            paused = item.get("cpu_seconds_per_mb_gc_paused")  # (not in older reports)
            lines.append(
                f"| {item['chars']:,} chars | {s['runs']} | {item['seconds_per_mb']:.2f} "
                f"| {s['min']:.3f} | {s['max']:.3f} | {cpu} "
                f"| {'' if paused is None else f'{paused:.2f}'} |"
            )
        lines += [
            "",
            f"Seconds per MB, largest document over smallest: {report['scaling_ratio']:.2f} "
            f"(CPU time: {report.get('scaling_ratio_cpu', float('nan')):.2f}; 1.0 is flat).",
        ]
        if "scaling_ratio_gc_paused" in report:
            lines.append(
                f"With the collector paused (best of two runs, CPU time): "
                f"{report['scaling_ratio_gc_paused']:.2f}."
            )
    if lines[4:5] in ([], [""]):
        del lines[1:4]  # no row in the first table (a run of other sections): no header either
    return "\n".join(lines)


def parse_args(argv: Sequence[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--corpus", help="JSONL file with a 'text' field (default: synthetic)")
    parser.add_argument("--runs", type=int, default=5, help="runs per timing (default 5)")
    parser.add_argument("--json", dest="json_out", help="write every figure to this JSON file")
    parser.add_argument(
        "--quick", action="store_true", help="3 runs and no 10 MB document (a smoke test)"
    )
    parser.add_argument(
        "--budget",
        type=float,
        default=60.0,
        help="stop repeating one scaling size after this many seconds (default 60)",
    )
    parser.add_argument(
        "--max-size",
        type=int,
        default=10_000_000,
        help="largest single document for scaling and memory (default 10,000,000 chars)",
    )
    parser.add_argument(
        "--sections",
        default=",".join(SECTIONS),
        help=f"comma-separated, any of {','.join(SECTIONS)} (default: all)",
    )
    parser.add_argument(
        "--render", metavar="JSON", help="print a saved --json report as Markdown; measure nothing"
    )
    parser.add_argument("--child-memory", type=int, help=argparse.SUPPRESS)
    parser.add_argument(
        "--child-mode", choices=("running", "trace", "again", "rss"), help=argparse.SUPPRESS
    )
    args = parser.parse_args(argv)
    unknown = set(args.sections.split(",")) - set(SECTIONS)
    if unknown:
        parser.error(f"unknown --sections {', '.join(sorted(unknown))}")
    return args


def main(argv: Sequence[str] | None = None) -> int:
    args = parse_args(argv)
    if args.render:
        with open(args.render, encoding="utf-8") as handle:
            print(markdown(json.load(handle)))
        return 0
    if args.corpus:
        texts = synthetic.load_corpus(args.corpus)
        source = args.corpus
    else:
        texts = synthetic.synthetic_corpus()
        source = "synthetic (benchmarks/synthetic.py, 200 articles, seed 2024)"
    paragraphs = synthetic.paragraphs_of(texts)
    if args.child_memory:
        print(json.dumps(child_memory(paragraphs, args.child_memory, args.child_mode)))
        return 0
    runs = 3 if args.quick else max(5, args.runs)
    corpus_args = ["--corpus", args.corpus] if args.corpus else []
    max_size = min(args.max_size, 1_000_000) if args.quick else args.max_size
    scaling_sizes = [size for size in SCALING_SIZES if size <= max_size]
    memory_sizes = [size for size in MEMORY_SIZES if size <= max_size]
    article = synthetic.typical_article()

    report: dict[str, Any] = {"machine": machine()}
    report["corpus"] = {
        "source": source,
        "articles": len(texts),
        "chars": sum(len(t) for t in texts),
        "utf8_bytes": sum(len(t.encode("utf-8")) for t in texts),
    }
    sections = set(args.sections.split(","))
    if "throughput" in sections:
        report["throughput"] = measure_throughput(texts, runs, None, first_in_process=True)
        report["throughput_detection_only"] = measure_throughput(
            texts, runs, quoteattr.Config(attribute_speakers=False)
        )
    if "article" in sections:
        report["typical_article"] = measure_article(article, runs)
    if "startup" in sections:
        report["startup"] = measure_startup(article, max(runs, 7))
    if "memory" in sections:
        # (RSS moves in pages and arenas: meaningless for a few KB.)
        report["memory"] = measure_memory(
            corpus_args, SHORT_MEMORY_SIZES, ("running", "trace", "again")
        )
        report["memory"] += measure_memory(corpus_args, memory_sizes)
    if "scaling" in sections:
        report["scaling"] = measure_scaling(paragraphs, scaling_sizes, runs, args.budget)
        per_mb = [row["seconds_per_mb"] for row in report["scaling"]]
        report["scaling_ratio"] = per_mb[-1] / per_mb[0]
        cpu_per_mb = [row["cpu_seconds_per_mb"] for row in report["scaling"]]
        report["scaling_ratio_cpu"] = cpu_per_mb[-1] / cpu_per_mb[0]
        paused_per_mb = [row["cpu_seconds_per_mb_gc_paused"] for row in report["scaling"]]
        report["scaling_ratio_gc_paused"] = paused_per_mb[-1] / paused_per_mb[0]
    report["machine"]["load_average_end"] = list(os.getloadavg())
    report["targets"] = {
        "chars_per_s": TARGET_CHARS_PER_S,
        "startup_s": TARGET_STARTUP_S,
        "memory_ratio": TARGET_MEMORY_RATIO,
    }
    if args.json_out:  # before printing, so that a closed pipe cannot lose the figures
        with open(args.json_out, "w", encoding="utf-8") as handle:
            json.dump(report, handle, indent=2)
            handle.write("\n")
    print(markdown(report))
    if args.json_out:
        print(f"\nwrote {args.json_out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
