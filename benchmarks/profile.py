"""Profile quoteattr.extract with cProfile and print where the time goes.

    python benchmarks/profile.py [--corpus PATH.jsonl] [--repeat 1] [--top 25]
    python benchmarks/profile.py --document 1000000          # one document of that many chars
    python benchmarks/profile.py --case news-one-line --size 100000   # a case of pathological.py
    python benchmarks/profile.py --document 300000 --memory  # what holds memory at the peak

Prints the top ``--top`` functions by cumulative time and by own (total) time. Without
``--corpus`` it profiles the invented articles of ``synthetic.py``. ``--out FILE`` also saves
the raw profile for ``python -m pstats FILE`` or a viewer such as snakeviz.
"""

from __future__ import annotations

import sys
from pathlib import Path

# This file shares its name with the standard library's ``profile``, which ``cProfile`` imports.
# Run as a script, its own folder comes first on sys.path and would shadow that module, so take
# the folder off the path for the import and put it back for ``synthetic``.
_HERE = str(Path(__file__).resolve().parent)
_SAVED_PATH = list(sys.path)
sys.path[:] = [entry for entry in sys.path if str(Path(entry or ".").resolve()) != _HERE]
import cProfile  # noqa: E402 -- must follow the sys.path fix above
import pstats  # noqa: E402 -- must follow the sys.path fix above

sys.path[:] = _SAVED_PATH

import argparse  # noqa: E402 -- the module imports after the fix, kept together
import linecache  # noqa: E402
import time  # noqa: E402
import tracemalloc  # noqa: E402
import types  # noqa: E402
from collections.abc import Sequence  # noqa: E402

import synthetic  # noqa: E402

import quoteattr  # noqa: E402


def texts_to_profile(args: argparse.Namespace) -> tuple[list[str], str]:
    if args.case:
        return [synthetic.PATHOLOGICAL[args.case](args.size)], f"case {args.case}, {args.size:,}"
    texts = synthetic.load_corpus(args.corpus) if args.corpus else synthetic.synthetic_corpus()
    source = args.corpus or "synthetic corpus (200 articles)"
    if args.document:
        text = synthetic.document(synthetic.paragraphs_of(texts), args.document)
        return [text], f"one document of {args.document:,} chars from {source}"
    return texts, source


def profile_memory(texts: list[str], source: str, top: int) -> int:
    """Trace allocations over the extracts and print the lines holding most memory near the
    peak: a snapshot is taken whenever a quoteattr function returns with traced memory 5% past
    the highest seen so far (slow: use a document of 100-300 KB)."""
    highest = [0]
    at_peak: list[tracemalloc.Snapshot] = []
    where = [""]

    def on_return(frame: types.FrameType, event: str, arg: object) -> None:
        if event != "return" or "quoteattr" not in frame.f_code.co_filename:
            return
        current = tracemalloc.get_traced_memory()[0]
        if current > highest[0] * 1.05:
            highest[0] = current
            at_peak[:] = [tracemalloc.take_snapshot()]
            where[0] = f"{Path(frame.f_code.co_filename).name}:{frame.f_code.co_name}"

    chars = sum(len(text) for text in texts)
    tracemalloc.start()
    sys.setprofile(on_return)
    for text in texts:
        quoteattr.extract(text)
    sys.setprofile(None)
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    print(f"memory: {source}; {chars:,} chars; traced peak {peak:,} bytes ({peak / chars:.1f} "
          f"bytes a character); snapshot of {highest[0]:,} bytes on return from {where[0]}")
    print(f"\n=== top {top} lines by memory held at that moment ===")
    print(f"{'bytes/char':>10} {'objects':>9}  line")
    for stat in at_peak[0].statistics("lineno")[:top]:
        frame = stat.traceback[0]
        code = linecache.getline(frame.filename, frame.lineno).strip()
        print(f"{stat.size / chars:10.2f} {stat.count:9,}  {Path(frame.filename).name}:"
              f"{frame.lineno}  {code[:70]}")
    return 0


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--corpus", help="JSONL file with a 'text' field (default: synthetic)")
    parser.add_argument("--document", type=int, help="profile one document of this many chars")
    parser.add_argument("--case", choices=sorted(synthetic.PATHOLOGICAL), help="a worst case")
    parser.add_argument("--size", type=int, default=100_000, help="size for --case")
    parser.add_argument("--repeat", type=int, default=1, help="passes over the texts")
    parser.add_argument("--top", type=int, default=25, help="rows per table (default 25)")
    parser.add_argument("--out", help="also save the raw profile here")
    parser.add_argument(
        "--memory", action="store_true", help="where memory is held at the peak, not time"
    )
    args = parser.parse_args(argv)

    texts, source = texts_to_profile(args)
    quoteattr.extract(synthetic.typical_article())  # load the word lists outside the profile
    if args.memory:
        return profile_memory(texts, source, args.top)
    profiler = cProfile.Profile()
    start = time.perf_counter()
    profiler.enable()
    for _ in range(args.repeat):
        for text in texts:
            quoteattr.extract(text)
    profiler.disable()
    elapsed = time.perf_counter() - start
    chars = sum(len(text) for text in texts) * args.repeat
    print(f"profiled: {source}; {chars:,} chars in {elapsed:.2f} s under the profiler")
    if args.out:
        profiler.dump_stats(args.out)
    stats = pstats.Stats(profiler)
    stats.strip_dirs()
    for key, title in (("cumulative", "cumulative time"), ("tottime", "own (total) time")):
        print(f"\n=== top {args.top} by {title} ===")
        stats.sort_stats(key).print_stats(args.top)
    return 0


if __name__ == "__main__":
    sys.exit(main())
