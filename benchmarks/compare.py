"""Compare the throughput of two checkouts of quoteattr on the same machine, in the same minutes.

    python benchmarks/compare.py /tmp/other-checkout --corpus ../shared/data/polnear/dev.jsonl
    python benchmarks/compare.py /tmp/other-checkout --rounds 8     # the synthetic corpus

The machine these figures come from is shared, and its speed moves by a third or more from one
minute to the next, so a throughput measured now and one measured an hour ago cannot be compared.
This script runs the two checkouts in turn, each in a fresh process (the first of a round
alternates: ABBA), for ``--rounds`` rounds. Each process imports ``quoteattr`` from its checkout,
makes one warm-up pass over the corpus, then three timed passes in CPU time, and reports the
characters per second of the middle one. The ratio of the two within each round cancels most of
the machine's drift; its median over the rounds is the figure to quote.

The other checkout can be a ``git worktree`` or a ``git archive`` of another commit; the corpus
(``--corpus``, or the synthetic one) is read by both with this checkout's ``synthetic.py``.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent

# What each fresh process runs: argv is the benchmarks folder, then the corpus (or "").
_CHILD = """
import json, sys, time
sys.path.append(sys.argv[1])
import quoteattr
if sys.argv[2]:
    with open(sys.argv[2], encoding="utf-8") as lines:
        texts = [json.loads(line)["text"] for line in lines if line.strip()]
else:
    from synthetic import synthetic_corpus
    texts = synthetic_corpus()
chars = sum(map(len, texts))
for text in texts:
    quoteattr.extract(text)
passes = []
for _ in range(3):
    started = time.process_time()
    for text in texts:
        quoteattr.extract(text)
    passes.append(time.process_time() - started)
print(json.dumps({"module": quoteattr.__file__, "chars_per_s": chars / sorted(passes)[1]}))
"""


def _measure(tree: Path, corpus: str, workdir: str) -> float:
    """Characters per second of ``tree``'s quoteattr over the corpus, in a fresh process."""
    environment = {**os.environ, "PYTHONPATH": str(tree)}
    run = subprocess.run(
        [sys.executable, "-c", _CHILD, str(HERE), corpus],
        env=environment,
        cwd=workdir,  # not this checkout: its quoteattr must not come first on the path
        capture_output=True,
        text=True,
        check=True,
    )
    result = json.loads(run.stdout)
    if not Path(result["module"]).resolve().is_relative_to(tree):
        raise SystemExit(f"imported {result['module']}, not the checkout at {tree}")
    return float(result["chars_per_s"])


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("other", help="the other checkout (the folder holding its quoteattr/)")
    parser.add_argument("--corpus", default="", help="JSON Lines with a 'text' field per line")
    parser.add_argument("--rounds", type=int, default=10, help="rounds of one process each")
    args = parser.parse_args(argv)
    trees = {"this": HERE.parent, "other": Path(args.other).resolve()}
    for tree in trees.values():
        if not (tree / "quoteattr" / "__init__.py").is_file():
            parser.error(f"{tree} holds no quoteattr package")
    corpus = str(Path(args.corpus).resolve()) if args.corpus else ""
    figures: dict[str, list[float]] = {"this": [], "other": []}
    ratios = []
    with tempfile.TemporaryDirectory() as workdir:
        for number in range(args.rounds):
            order = ("this", "other") if number % 2 == 0 else ("other", "this")
            got = {name: _measure(trees[name], corpus, workdir) for name in order}
            for name, value in got.items():
                figures[name].append(value)
            ratios.append(got["this"] / got["other"])
            print(
                f"round {number + 1}: this {got['this']:,.0f} chars/s, "
                f"other {got['other']:,.0f} chars/s, ratio {ratios[-1]:.3f}",
                flush=True,
            )
    print(
        f"median over {args.rounds} rounds: this {statistics.median(figures['this']):,.0f} "
        f"chars/s ({trees['this']}), other {statistics.median(figures['other']):,.0f} chars/s "
        f"({trees['other']}); ratio this / other {statistics.median(ratios):.3f} "
        f"(min {min(ratios):.3f}, max {max(ratios):.3f})"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
