"""Worst-case inputs for quoteattr.extract, at 100 KB and 1 MB: is the time per character flat?

    python benchmarks/pathological.py [--runs 3] [--timeout 120] [--sizes 100000 1000000]
                                      [--case NAME ...] [--json OUT.json]
    python benchmarks/pathological.py --render OUT.json    # a saved run as a Markdown table

Each case of ``synthetic.PATHOLOGICAL`` (nothing but opening marks, unclosed opening marks,
glued curly openers, alternating straight marks, every family of marks, a megabyte without
sentence punctuation, apostrophes and elisions, a run of full stops, chains of dotted capitals
and numbers, stray closers, blank lines, ordinary news, news on one line, and one run-on
sentence of reported speech) is built at each
size and extracted ``--runs`` times in a fresh interpreter with a time limit.

The report gives the median wall-clock seconds, the CPU microseconds per character (steadier on
a busy machine), and the ratio of the per-character CPU time at the largest size to that at the
smallest. A ratio over 2 is flagged NONLINEAR, a run over ``--slow`` seconds SLOW, and a run past
``--timeout`` TIMEOUT (its ratio is then a lower bound, and larger sizes are not run). Medians,
because the machines this runs on are shared and noisy. Exits 1 if any case is flagged.
"""

from __future__ import annotations

import argparse
import json
import math
import statistics
import subprocess
import sys
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import synthetic

HERE = Path(__file__).resolve().parent
MAX_RATIO = 2.0


def _finite(value: float) -> float | None:
    """``None`` for a figure that could not be measured (JSON has no NaN)."""
    return value if math.isfinite(value) else None


def child(case: str, size: int, runs: int) -> dict[str, Any]:
    """In a fresh interpreter: build the case and time ``runs`` extracts of it."""
    import quoteattr

    text = synthetic.PATHOLOGICAL[case](size)
    quoteattr.extract(synthetic.typical_article())  # load the word lists first
    samples = []
    cpu_samples = []
    quotes = 0
    for _ in range(runs):
        start, start_cpu = time.perf_counter(), time.process_time()
        article = quoteattr.extract(text)
        samples.append(time.perf_counter() - start)
        cpu_samples.append(time.process_time() - start_cpu)
        quotes = len(article.quotes)
    return {"samples": samples, "cpu_samples": cpu_samples, "quotes": quotes}


def run_case(case: str, size: int, runs: int, timeout: float) -> dict[str, Any]:
    row: dict[str, Any] = {"case": case, "chars": size}
    try:
        result = subprocess.run(
            [sys.executable, str(HERE / "pathological.py"), "--child", case, str(size), str(runs)],
            capture_output=True,
            text=True,
            check=True,
            timeout=timeout,
        )
    except subprocess.TimeoutExpired:
        row.update(timed_out=True, seconds=timeout, samples=[])
    except subprocess.CalledProcessError as error:
        row.update(timed_out=False, error=error.stderr.strip().splitlines()[-1], samples=[])
        row["seconds"] = float("nan")
    else:
        found = json.loads(result.stdout)
        row.update(timed_out=False, seconds=statistics.median(found["samples"]), **found)
        row["cpu_seconds"] = statistics.median(found["cpu_samples"])
    # Per character in CPU time, steadier than wall time on a busy machine; a run that timed
    # out has only its wall-clock limit, a lower bound.
    row["us_per_char"] = row.get("cpu_seconds", row["seconds"]) / size * 1e6
    return row


def markdown(result: dict[str, Any]) -> str:
    """A saved ``--json`` result as a Markdown table, for docs/performance.md."""
    sizes = [found["chars"] for found in result["cases"][0]["sizes"]]
    head = "".join(f" {size:,} chars: s | CPU µs/char |" for size in sizes)
    lines = [
        f"| case |{head} ratio | × news | flags |",
        "|---|" + "---:|---:|" * len(sizes) + "---:|---:|---|",
    ]
    for row in result["cases"]:
        cells = ""
        for found in row["sizes"]:
            if found.get("skipped"):
                cells += " not run | |"
            elif found["timed_out"]:
                cells += f" > {found['seconds']:.0f} | |"
            else:
                cells += f" {found['seconds']:.3f} | {found['us_per_char']:.2f} |"
        ratio = row["ratio"]
        timed_out = row["sizes"][-1]["timed_out"]
        if ratio is None:
            ratio_cell = "n/a"
        else:
            ratio_cell = ("> " if row.get("ratio_is_lower_bound") else "") + f"{ratio:.2f}"
        news = row.get("times_news")
        news_cell = "" if news is None else ("> " if timed_out else "") + f"{news:.2f}"
        flags = " ".join(row["flags"])
        lines.append(f"| {row['case']} |{cells} {ratio_cell} | {news_cell} | {flags} |")
    lines.append("")
    lines.append(
        f"Median of {result['runs']} runs in a fresh interpreter per case and size; time limit "
        f"{result['timeout']:.0f} s a process. Ratio: CPU time per character at "
        f"{sizes[-1]:,} over {sizes[0]:,} chars (linear is about 1; flagged over 2). "
        "× news: CPU time per character at the largest size over that of ordinary news."
    )
    return "\n".join(lines)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--runs", type=int, default=3, help="extracts per case and size")
    parser.add_argument("--timeout", type=float, default=120.0, help="seconds per process")
    parser.add_argument("--slow", type=float, default=3.0, help="flag a run slower than this")
    parser.add_argument("--sizes", type=int, nargs="+", default=[100_000, 1_000_000])
    parser.add_argument("--case", nargs="+", choices=sorted(synthetic.PATHOLOGICAL))
    parser.add_argument("--json", dest="json_out", help="write the rows to this JSON file")
    parser.add_argument("--render", metavar="JSON", help="print a saved --json as Markdown")
    parser.add_argument("--child", nargs=3, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.render:
        with open(args.render, encoding="utf-8") as handle:
            print(markdown(json.load(handle)))
        return 0
    if args.child:
        case, size, runs = args.child
        print(json.dumps(child(case, int(size), int(runs))))
        return 0

    cases = args.case or list(synthetic.PATHOLOGICAL)
    sizes = sorted(args.sizes)
    header = f"{'case':<28}" + "".join(f"{f'{s:,} chars':>22}" for s in sizes)
    print(header + f"{'ratio':>8}  flags")
    print(f"{'':<28}" + "".join(f"{'s (CPU us/char)':>22}" for _ in sizes))
    rows: list[dict[str, Any]] = []
    flagged = 0
    for case in cases:
        found: list[dict[str, Any]] = []
        for size in sizes:
            if found and found[-1]["timed_out"]:
                # A larger text would only time out too; do not wait for it.
                found.append({"case": case, "chars": size, "timed_out": True, "skipped": True,
                              "seconds": args.timeout, "us_per_char": float("nan")})
            else:
                found.append(run_case(case, size, args.runs, args.timeout))
        # Largest size measured over the smallest; a lower bound if the largest timed out.
        measured = [r for r in found if not r.get("skipped")]
        lower_bound = measured[-1]["timed_out"]
        ratio = measured[-1]["us_per_char"] / measured[0]["us_per_char"]
        if len(measured) < 2 or found[0]["timed_out"]:
            ratio = float("nan")
            ratio_cell = "n/a"
        else:
            ratio_cell = (">" if lower_bound else "") + f"{ratio:.2f}"
        flags = []
        if any(r.get("error") for r in found):
            flags.append("ERROR: " + next(r["error"] for r in found if r.get("error")))
        if any(r["timed_out"] for r in found):
            flags.append("TIMEOUT")
        if ratio > MAX_RATIO or (lower_bound and not found[0]["timed_out"]):
            flags.append("NONLINEAR")
        if any(r["seconds"] > args.slow for r in found):
            flags.append("SLOW")
        flagged += bool(flags)
        cells = "".join(
            f"{'not run':>22}"
            if r.get("skipped")
            else f"{('>' if r['timed_out'] else '') + format(r['seconds'], '.3f'):>12}"
            f" ({r['us_per_char']:6.2f})"
            for r in found
        )
        print(f"{case:<28}{cells}{ratio_cell:>8}  {' '.join(flags)}", flush=True)
        rows.append(
            {
                "case": case,
                "sizes": found,
                "ratio": _finite(ratio),
                "ratio_is_lower_bound": lower_bound,
                "flags": flags,
            }
        )
    news = next((row for row in rows if row["case"] == "news"), None)
    if news is not None and not news["sizes"][-1]["timed_out"]:
        baseline = news["sizes"][-1]["us_per_char"]
        for row in rows:
            row["times_news"] = _finite(row["sizes"][-1]["us_per_char"] / baseline)
    for row in rows:
        for measured_size in row["sizes"]:
            measured_size["us_per_char"] = _finite(measured_size["us_per_char"])
    if args.json_out:  # first, so that nothing printed below can lose the figures
        with open(args.json_out, "w", encoding="utf-8") as handle:
            json.dump({"runs": args.runs, "timeout": args.timeout, "cases": rows}, handle, indent=2)
            handle.write("\n")
    if news is not None and "times_news" in news:
        print(f"\nper-character time at {sizes[-1]:,} chars as a multiple of ordinary news:")
        for row in rows:
            if row["times_news"] is None:
                shown = "not run"
            else:
                timed_out = row["sizes"][-1]["timed_out"]
                shown = ("> " if timed_out else "") + f"{row['times_news']:.2f}x"
            print(f"  {row['case']:<28}{shown:>10}")
    print(
        f"\nratio = per-character time at {sizes[-1]:,} over {sizes[0]:,} chars "
        f"(linear: about 1; limit {MAX_RATIO}); median of {args.runs} runs each; "
        f"{flagged} of {len(cases)} cases flagged"
    )
    if args.json_out:
        print(f"wrote {args.json_out}")
    return 1 if flagged else 0


if __name__ == "__main__":
    sys.exit(main())
