"""Run ``quoteattr.extract`` over a corpus, to be counted by an instruction counter.

    PYTHONHASHSEED=0 valgrind --tool=callgrind --callgrind-out-file=/dev/null \\
        .venv/bin/python benchmarks/instructions.py ../shared/data/polnear/dev.jsonl --passes 1
    PYTHONHASHSEED=0 valgrind --tool=callgrind --callgrind-out-file=/dev/null \\
        .venv/bin/python benchmarks/instructions.py --passes 1
    PYTHONHASHSEED=0 valgrind --tool=callgrind --callgrind-out-file=/dev/null \\
        .venv/bin/python benchmarks/instructions.py --case dotted-capitals-chain --size 100000

Instruction counts, unlike timings, do not move with the load of a shared machine: the same
code, input and hash seed give the same total to within a few million. The total includes
the import (about 1.2 G); one pass minus the import is the pipeline's first reading of the
corpus, and two passes minus one is a pass whose words the caches already hold (what a
throughput benchmark that repeats a corpus measures). With no corpus it reads the 200 synthetic
articles that ``bench.py`` reads without ``--corpus``. With ``--case`` it extracts one worst case
of ``pathological.py`` (built by ``synthetic.PATHOLOGICAL``) at ``--size`` characters instead,
after a warm-up on the same case at 2,000 characters.
"""

from __future__ import annotations

import argparse
import json
import sys

import quoteattr


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument(
        "corpus",
        nargs="?",
        help="JSON Lines with a 'text' field per line (default: the synthetic corpus of bench.py)",
    )
    parser.add_argument("--passes", type=int, default=1, help="times over the corpus")
    parser.add_argument("--case", help="a case of pathological.py instead of a corpus")
    parser.add_argument("--size", type=int, default=100_000, help="the case's size in chars")
    args = parser.parse_args(argv)
    if args.case is not None:
        from synthetic import PATHOLOGICAL  # benchmarks/ is this script's folder

        if args.case not in PATHOLOGICAL:
            parser.error(f"--case: one of {', '.join(sorted(PATHOLOGICAL))}")
        quoteattr.extract(PATHOLOGICAL[args.case](2_000))  # word lists load on first use
        quoteattr.extract(PATHOLOGICAL[args.case](args.size))
        print(f"{args.case} at {args.size:,} chars", file=sys.stderr)
        return 0
    if args.corpus is None:
        from synthetic import synthetic_corpus  # as bench.py does without --corpus

        texts = synthetic_corpus()
    else:
        with open(args.corpus, encoding="utf-8") as lines:
            texts = [json.loads(line)["text"] for line in lines if line.strip()]
    quoteattr.extract("warm up")  # word lists load on first use
    for _ in range(args.passes):
        for text in texts:
            quoteattr.extract(text)
    print(f"{args.passes} pass(es) over {len(texts)} articles", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
