"""Peak memory of each article of a stream, in a process that has read other articles first.

    python benchmarks/stream_memory.py --read-first ../shared/data/polnear/dev.jsonl \\
        --corpus ../shared/data/polnear/train.jsonl --count 300

``bench.py`` measures one document in a fresh interpreter. A service that extracts a stream of
news articles is in another state: the mention finder's word table and the other bounded caches
already hold the common words, and each new article adds only its new words (names, mostly),
which stay for the articles after it until a table is full and emptied. This script reads the
``--read-first`` corpus (or nothing), then extracts each of the first ``--count`` articles of
``--corpus`` under tracemalloc, and prints the distribution of its peak over its UTF-8 size:

* the article as it comes, in a process left to run as a service would (the first reading:
  it counts the caches' growth);
* the same article again, its words cached (after a second reading: the mention finder's
  word table keeps a word once a second extract reads it): what one extract needs on top of
  the caches;
* again, after a full collection (``gc.collect()``) just before it. A full collection also
  empties CPython's free lists of small objects (tuples, lists, dicts), which the extract
  then fills again: memory a running process keeps and reuses from one article to the next,
  counted here as if each article needed it anew. ``bench.py``'s memory rows measure that way,
  in a fresh interpreter.
"""

from __future__ import annotations

import argparse
import gc
import statistics
import sys
from collections.abc import Sequence

import synthetic  # benchmarks/ is this script's folder
from bench import traced_extract

import quoteattr


def _peak(text: str, collect: bool) -> tuple[int, quoteattr.Article]:
    """The tracemalloc peak of one extract of ``text``, over what was held before it (after a
    full collection if ``collect``), and the extract's result."""
    if collect:
        gc.collect()
    return traced_extract(text)


def _quoted_share(article: quoteattr.Article) -> float:
    """The share of the article's characters inside its direct quotes."""
    quoted = sum(len(quote.text) for quote in article.quotes if quote.kind == "direct")
    return quoted / max(1, len(article.text))


def _capital_share(text: str) -> float:
    return sum(1 for character in text if character.isupper()) / max(1, len(text))


def _describe(label: str, ratios: list[float], limit: float) -> str:
    ordered = sorted(ratios)

    def share(fraction: float) -> float:
        return ordered[round(fraction * (len(ordered) - 1))]

    over = sum(ratio >= limit for ratio in ratios)
    return (
        f"| {label} | {statistics.median(ratios):.1f} | {share(0.1):.1f} | {share(0.9):.1f} "
        f"| {max(ratios):.1f} | {over} of {len(ratios)} |"
    )


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--corpus", required=True, help="JSON Lines of the stream's articles")
    parser.add_argument("--read-first", help="JSON Lines read before the stream, unmeasured")
    parser.add_argument("--count", type=int, default=300, help="articles of the stream measured")
    parser.add_argument("--limit", type=float, default=20.0, help="ratio counted as over")
    args = parser.parse_args(argv)
    quoteattr.extract("Warm up.")  # word lists load on first use
    for text in synthetic.load_corpus(args.read_first) if args.read_first else []:
        quoteattr.extract(text)
    stream = [text for text in synthetic.load_corpus(args.corpus) if text.strip()][: args.count]
    sizes = [len(text.encode("utf-8")) for text in stream]
    gc.collect()
    first, again, quoted = [], [], []
    for text, size in zip(stream, sizes, strict=True):
        peak, article = _peak(text, False)
        first.append(peak / size)
        quoted.append(_quoted_share(article))
        del article
        quoteattr.extract(text)  # the tables keep a word once a second extract reads it
        again.append(_peak(text, False)[0] / size)
    # (A pass of its own: a full collection between two articles would empty the free lists
    # that the next one's first reading finds full in a running process.)
    collected = [_peak(text, True)[0] / size for text, size in zip(stream, sizes, strict=True)]
    print(
        f"{len(stream)} articles of {args.corpus}, median {statistics.median(sizes):,.0f} UTF-8 "
        f"bytes (after {args.read_first or 'no corpus'}); peak of one extract over its size:\n"
    )
    print("| extract | median | 10th percentile | 90th percentile | max | at or over "
          f"{args.limit:g} × |")
    print("|---|---:|---:|---:|---:|---:|")
    print(_describe("as it comes (the caches grow)", first, args.limit))
    print(_describe("again, its words cached", again, args.limit))
    print(_describe("again, after a full collection", collected, args.limit))
    print("\nAs it comes, by the article's size:\n")
    print(f"| UTF-8 bytes | articles | median | at or over {args.limit:g} × |")
    print("|---|---:|---:|---:|")
    for low, high in ((0, 1_000), (1_000, 2_000), (2_000, 4_000), (4_000, 8_000), (8_000, None)):
        band = [
            ratio
            for ratio, size in zip(first, sizes, strict=True)
            if low <= size and (high is None or size < high)
        ]
        if band:
            label = f"{low:,}–{high:,}" if high is not None else f"{low:,} and more"
            over = sum(ratio >= args.limit for ratio in band)
            print(f"| {label} | {len(band)} | {statistics.median(band):.1f} | {over} |")
    # While the word table fills (after a short --read-first corpus, or after it is emptied
    # whole), more of each article's words are new to the process.
    print("\nAs it comes, by the article's place in the stream (quarters):\n")
    print(f"| articles | median | at or over {args.limit:g} × |")
    print("|---|---:|---:|")
    quarter = -(-len(first) // 4)
    for at in range(0, len(first), quarter):
        band = first[at : at + quarter]
        over = sum(ratio >= args.limit for ratio in band)
        print(f"| {at + 1}–{at + len(band)} | {statistics.median(band):.1f} | {over} |")
    print(f"\nThe articles at or over {args.limit:g} × as they come, by size:\n")
    print("| article (its line in --corpus, of the non-blank ones) | UTF-8 bytes | as it comes "
          "| again, its words cached |")
    print("|---:|---:|---:|---:|")
    for at, ratio, size, cached in sorted(
        zip(range(1, len(first) + 1), first, sizes, again, strict=True), key=lambda row: row[2]
    ):
        if ratio >= args.limit:
            print(f"| {at} | {size:,} | {ratio:.1f} | {cached:.1f} |")
    print(f"\nAs it comes, the articles at or over {args.limit:g} × and the rest (medians):\n")
    print("| articles | count | UTF-8 bytes | characters in direct quotes | capitals |")
    print("|---|---:|---:|---:|---:|")
    for label, chosen in (
        (f"at or over {args.limit:g} ×", [ratio >= args.limit for ratio in first]),
        ("the rest", [ratio < args.limit for ratio in first]),
    ):
        rows = [
            row
            for row, keep in zip(zip(stream, sizes, quoted, strict=True), chosen, strict=True)
            if keep
        ]
        if rows:
            print(
                f"| {label} | {len(rows)} | {statistics.median(size for _, size, _ in rows):,.0f} "
                f"| {statistics.median(share for _, _, share in rows):.1%} "
                f"| {statistics.median(_capital_share(text) for text, _, _ in rows):.1%} |"
            )
    return 0


if __name__ == "__main__":
    sys.exit(main())
