"""Profile quoteattr.extract with cProfile and print where the time goes.

    python benchmarks/profile.py [--corpus PATH.jsonl] [--repeat 1] [--top 25]
    python benchmarks/profile.py --document 1000000          # one document of that many chars
    python benchmarks/profile.py --case news-one-line --size 100000   # a case of pathological.py
    python benchmarks/profile.py --document 4000 --memory [--collected | --again] [--at NAME]

Prints the top ``--top`` functions by cumulative time and by own (total) time. Without
``--corpus`` it profiles the invented articles of ``synthetic.py``. ``--out FILE`` also saves
the raw profile for ``python -m pstats FILE`` or a viewer such as snakeviz.

With ``--memory``, what one extract holds at its peak, in this fresh interpreter as in
``bench.py``'s memory rows: the document's first reading after one typical article, a full
collection and the typical article again, which leaves CPython's free lists as a running
process has them (with ``--collected``, just after the collection, which empties them; with
``--again``, its third reading just after the collection), built from the corpus's paragraphs
as those rows build theirs, and the peak those rows give for it, measured in a fresh child
without this instrumentation. Then, each over the input's UTF-8 size: for every stage (a call
made straight from ``extract`` or ``attribute``), what was held when it began, the most held
during it and what it left; the lines that allocated what is held at the highest point seen at
a call or return of a quoteattr function (see ``_MemoryWatch``), or with ``--at NAME`` at the
highest seen inside the function whose name ends so (a later stage's peak, say); and the lines
of what the process keeps once the results are let go (what its caches kept of the texts).
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
import functools  # noqa: E402
import gc  # noqa: E402
import linecache  # noqa: E402
import time  # noqa: E402
import tracemalloc  # noqa: E402
import types  # noqa: E402
from collections.abc import Callable, Sequence  # noqa: E402
from typing import Any  # noqa: E402

import bench  # noqa: E402
import synthetic  # noqa: E402

import quoteattr  # noqa: E402


def texts_to_profile(args: argparse.Namespace) -> tuple[list[str], str]:
    if args.case:
        return [synthetic.PATHOLOGICAL[args.case](args.size)], f"case {args.case}, {args.size:,}"
    texts = synthetic.load_corpus(args.corpus) if args.corpus else synthetic.synthetic_corpus()
    source = args.corpus or "synthetic corpus (200 articles)"
    if args.document:
        # For memory, built as bench.py's memory rows build theirs, to be set beside them.
        build = synthetic.sampled_document if args.memory else synthetic.document
        text = build(synthetic.paragraphs_of(texts), args.document)
        return [text], f"one document of {args.document:,} chars from {source}"
    return texts, source


def _plain_peak(args: argparse.Namespace) -> float:
    """The peak of the ``--document``'s extract over its size, measured without instrumentation
    by ``bench.py`` in a fresh interpreter."""
    corpus_args = ["--corpus", args.corpus] if args.corpus else []
    mode = "again" if args.again else "trace" if args.collected else "running"
    ratio: float = bench.measure_memory(corpus_args, [args.document], (mode,))[0]["ratio"]
    return ratio


class _MemoryWatch:
    """Follows the traced memory through one extract, checking it as every function and method
    of quoteattr is called and returns (see :meth:`install`).

    Each check reads tracemalloc's peak since the last check and resets it, so the highest
    memory of every call is exact, inner functions' and unwrapped code's included; and it
    takes a snapshot whenever the memory held at a check has grown by 1 % (at least 256 bytes)
    since the last snapshot. The functions are wrapped, not followed with ``sys.setprofile``,
    which makes a frame object of every frame it sees: held down the stack, those frames took
    the peak of a 4 KB document to 68 times its size, not 36. The wrappers' own objects (each
    call's arguments, this stack) count in the memory held, within half a unit of the input's
    size at 2 KB, but not in the snapshot's lines; and the peak itself may come between two
    checks, inside one function's own code, so the snapshot can fall short of it."""

    def __init__(self, at: str = "") -> None:
        self.base = 0
        # With ``at``, snapshots are taken only while a function whose name ends so is under
        # way (``inside`` counts its calls under way).
        self.at = at
        self.inside = 0 if at else 1
        self.highest = 0  # the highest memory held at a check, over ``base``
        self.snapshot: tracemalloc.Snapshot | None = None
        self.where = ""
        # Calls under way: [name, held at the call, highest since]; the first stands for the
        # code outside every wrapped function.
        self.stack: list[list[Any]] = [["", 0, 0]]
        # Calls made straight from a stage-holding function, by (caller, callee): calls, held
        # at the first, highest, held after the last.
        self.stages: dict[tuple[str, str], list[int]] = {}

    def check(self) -> int:
        current, peak = tracemalloc.get_traced_memory()
        tracemalloc.reset_peak()
        top = self.stack[-1]
        top[2] = max(top[2], peak - self.base)
        held = current - self.base
        if self.inside and held > self.highest + max(256, self.highest // 100):
            self.highest = held
            self.snapshot = tracemalloc.take_snapshot()
            self.where = top[0]
        return held

    def wrap(self, function: Callable[..., Any], name: str) -> Callable[..., Any]:
        stack, stages, check = self.stack, self.stages, self.check
        marks = 1 if self.at and name.endswith(self.at) else 0

        @functools.wraps(function)
        def watched(*args: Any, **kwargs: Any) -> Any:
            caller = stack[-1][0]
            self.inside += marks
            held = check()
            stack.append([name, held, held])
            try:
                return function(*args, **kwargs)
            finally:
                after = check()
                self.inside -= marks
                _, _, highest = stack.pop()
                stack[-1][2] = max(stack[-1][2], highest)
                if caller in _STAGE_CALLERS:
                    row = stages.setdefault((caller, name), [0, held, 0, 0])
                    row[0] += 1
                    row[2] = max(row[2], highest)
                    row[3] = after

        return watched

    def install(self) -> None:
        """Wrap every function of quoteattr's modules, wherever a module holds it by name, and
        every method (bar dunder methods) of their classes (bar tuples). Cached functions are
        left as they are, as are functions held elsewhere (default arguments, tables)."""
        modules = [module for name, module in sorted(sys.modules.items())
                   if name == "quoteattr" or name.startswith("quoteattr.")]
        wrapped: dict[int, Callable[..., Any]] = {}  # by the id of the function it wraps
        classes_done: set[type] = set()
        for module in modules:
            for attribute, value in list(vars(module).items()):
                home = getattr(value, "__module__", "") or ""
                if not home.startswith("quoteattr"):
                    continue
                if isinstance(value, types.FunctionType):
                    if id(value) not in wrapped:
                        wrapped[id(value)] = self.wrap(
                            value, f"{home.rpartition('.')[2]}.{value.__name__}"
                        )
                    setattr(module, attribute, wrapped[id(value)])
                elif (isinstance(value, type) and not issubclass(value, tuple)
                      and value not in classes_done):
                    classes_done.add(value)
                    for method_name, method in list(vars(value).items()):
                        if isinstance(method, types.FunctionType) and not (
                            method_name.startswith("__") and method_name.endswith("__")
                        ):
                            qualified = f"{home.rpartition('.')[2]}.{value.__name__}.{method_name}"
                            setattr(value, method_name, self.wrap(method, qualified))


# The functions whose direct calls are the stages of the pipeline.
_STAGE_CALLERS = frozenset({"pipeline.extract", "attribution.attribute"})


def profile_memory(texts: list[str], source: str, args: argparse.Namespace) -> int:
    """What is held at the peak of the extracts of ``texts``: the stages' memory, then the
    lines that hold most at the highest point seen (see :class:`_MemoryWatch`). For one
    ``document``, also its peak measured without the instrumentation, as ``bench.py``'s
    memory rows measure it (a fresh interpreter)."""
    size = sum(len(text.encode("utf-8")) for text in texts)
    top, again = args.top, args.again
    collected = again or args.collected  # measured just after a full collection
    if again:
        for _ in range(2):
            for text in texts:
                quoteattr.extract(text)
    gc.collect()  # as bench.py does: the extract would fill CPython's free lists anew
    if not collected:
        quoteattr.extract(synthetic.typical_article())  # as an extract leaves them
    watch = _MemoryWatch(args.at or "")
    watch.install()
    tracemalloc.start()
    watch.base = tracemalloc.get_traced_memory()[0]
    watch.snapshot = tracemalloc.take_snapshot()
    before = watch.snapshot
    for text in texts:
        quoteattr.extract(text)  # (its result let go at once, as a service would)
    watch.check()
    peak = watch.stack[0][2]
    # What the process keeps once the results are let go: its caches' growth. (Nothing is
    # left for the collector, which would empty the free lists the base counts.)
    if collected:
        gc.collect()
    kept = tracemalloc.take_snapshot()
    tracemalloc.stop()
    reading = "read again (its third extract)" if again else "its first reading"
    state = "a full collection" if collected else (
        "a full collection and the typical article again (free lists as an extract leaves them)"
    )
    print(f"memory: {source}; {size:,} UTF-8 bytes, {reading}, after one typical article and "
          f"{state}")
    if args.document:
        print(f"peak without instrumentation (bench.py's child, a fresh interpreter): "
              f"{_plain_peak(args):.1f} x the input's size")
    print(f"peak under this instrumentation: {peak:,} bytes, {peak / size:.1f} x")
    print("\n=== the stages: memory held over the input's size ===")
    print(f"{'stage':52} {'calls':>5} {'before':>7} {'highest':>7} {'after':>7}")
    for (caller, name), (calls, held, highest, after) in watch.stages.items():
        label = f"{name} (in {caller.rpartition('.')[2]})"
        print(f"{label:52} {calls:5} {held / size:7.1f} {highest / size:7.1f} {after / size:7.1f}")
    if watch.snapshot is before:
        print(f"\nno snapshot: nothing named {args.at!r} ran, or it held nothing")
    else:
        within = f" within {args.at}" if args.at else ""
        _print_lines(
            f"held at the highest point seen{within} at a call or return (in "
            f"{watch.where or 'extract'})", watch.snapshot, before, size, top
        )
    _print_lines("kept by the process once the results are let go", kept, before, size, top)
    results = [(quoteattr.extract(text), text) for text in texts]
    held = sum(_result_size(article, text) for article, text in results)
    quotes = sum(len(article.quotes) for article, _ in results)
    speakers = sum(len(article.speakers) for article, _ in results)
    print(f"\nthe results' own objects ({quotes:,} quotes, {speakers:,} speakers: their spans, "
          f"cues, ints and words; sys.getsizeof, each object once): {held:,} bytes, "
          f"{held / size:.1f} x")
    return 0


def _result_size(article: quoteattr.Article, text: str) -> int:
    """The bytes of ``article``'s objects, each counted once, without the input ``text`` and
    without the objects CPython shares anyway (``None``, small ints, one-character ASCII)."""
    seen = {id(text)}
    pending: list[object] = [article]
    total = 0
    while pending:
        item = pending.pop()
        if id(item) in seen or item is None or isinstance(item, bool):
            continue
        seen.add(id(item))
        if isinstance(item, int) and -5 <= item <= 256:
            continue
        if isinstance(item, str) and len(item) == 1 and item.isascii():
            continue
        total += sys.getsizeof(item)
        if isinstance(item, tuple):
            pending.extend(item)
        else:  # the result's attrs classes
            fields = getattr(type(item), "__attrs_attrs__", ())
            pending.extend(getattr(item, field.name) for field in fields)
    return total


def _print_lines(
    title: str, snapshot: tracemalloc.Snapshot, before: tracemalloc.Snapshot, size: int, top: int
) -> None:
    """What ``snapshot`` holds that ``before`` did not, the ``top`` lines that allocated most,
    over ``size`` (this script's and tracemalloc's own allocations left out)."""
    ignored = [tracemalloc.Filter(False, tracemalloc.__file__), tracemalloc.Filter(False, __file__)]
    stats = snapshot.filter_traces(ignored).compare_to(before.filter_traces(ignored), "lineno")
    held = sum(stat.size_diff for stat in stats)
    print(f"\n=== {title}: {held / size:.1f} x; the top {top} lines ===")
    print(f"{'x size':>7} {'objects':>8}  line")
    for stat in stats[:top]:
        frame = stat.traceback[0]
        code = linecache.getline(frame.filename, frame.lineno).strip()
        print(f"{stat.size_diff / size:7.2f} {stat.count_diff:8,}  {Path(frame.filename).name}:"
              f"{frame.lineno}  {code[:64]}")


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
    parser.add_argument(
        "--collected",
        action="store_true",
        help="with --memory: just after a full collection, its free lists empty",
    )
    parser.add_argument(
        "--again",
        action="store_true",
        help="with --memory: the texts' third reading, just after a full collection",
    )
    parser.add_argument(
        "--at",
        metavar="NAME",
        help="with --memory: the highest point seen inside the function whose name ends so "
        "(e.g. find_reported)",
    )
    args = parser.parse_args(argv)
    if (args.again or args.collected or args.at) and not args.memory:
        parser.error("--again, --collected and --at go with --memory")

    texts, source = texts_to_profile(args)
    quoteattr.extract(synthetic.typical_article())  # load the word lists outside the profile
    if args.memory:
        return profile_memory(texts, source, args)
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
