"""Peak memory of ``quoteattr.extract`` on one large article, as a multiple of the input's size.

    python fuzz/memory.py                 # a 10 MB article (10,000,000 characters)
    python fuzz/memory.py --size 1000000  # another size
    python fuzz/memory.py --only rss      # skip tracemalloc, which slows extract several times
    python fuzz/memory.py --detect-only   # Config(attribute_speakers=False): detection alone
    python fuzz/memory.py --kinds direct,partial,scare,title   # no reported speech

The article is invented news text (``PARAGRAPHS`` below, our own), its paragraphs repeated with
the speakers' names rotated until it reaches ``--size`` characters. Two fresh interpreters measure
it, each after importing quoteattr, building the article and running one small extract (so the
word lists are loaded and not counted):

* ``tracemalloc``: the peak of Python allocations during ``extract``, over the baseline.
* ``rss``: the process's maximum resident set size (``ru_maxrss``) after ``extract``, in total and
  over the maximum before it.

The ratios are to the article's size in UTF-8 bytes, the size of the file it came from.
"""

from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import time
import tracemalloc
from typing import Any

LQ, RQ = "\N{LEFT DOUBLE QUOTATION MARK}", "\N{RIGHT DOUBLE QUOTATION MARK}"
LS, RS = "\N{LEFT SINGLE QUOTATION MARK}", "\N{RIGHT SINGLE QUOTATION MARK}"
NAMES = [
    ("Adaeze Nwosu", "Ms Nwosu", "she"),
    ("Tomas Halvorsen", "Mr Halvorsen", "he"),
    ("Priya Raman", "Dr Raman", "she"),
    ("Kwame Mensah", "Mr Mensah", "he"),
    ("Ines Carvalho", "Ms Carvalho", "she"),
]
# Paragraphs of an invented local news story: quotes in several conventions, interrupted and
# continued quotes, partial and scare quotes, apostrophes, reported speech, page furniture.
PARAGRAPHS = [
    "The footbridge over the River Lune will stay closed until the spring, the county council "
    "confirmed on Tuesday, after engineers found corrosion in two of its supporting cables.",
    '"We cannot take risks with people\'s safety," said Councillor {full}, who chairs the '
    "highways committee. \"The inspection found more damage than anyone expected.\"",
    f"{LQ}It{RS}s not the news anyone wanted,{RQ} {{short}} told reporters outside the town "
    f"hall. {LQ}But we would rather be honest about the timetable than promise a date we "
    f"can{RS}t keep.{RQ}",
    "Residents who cross the river to reach the station have called the detour a \"nightmare\", "
    f"and a petition headed {LQ}Reopen Our Bridge{RQ} has gathered more than 2,000 signatures.",
    f"{LS}I walk an extra forty minutes each way,{RS} said {{full}}, a nurse at the infirmary. "
    f"{LS}In the dark, in the rain, with no lighting on the towpath.{RS}",
    "According to the council's own figures, the repair will cost about £1.4m, of which the "
    "government has agreed to pay half. {short} said that the rest would come from reserves.",
    '"The money is there," {pronoun} added, "and the contractors are booked. What we need now '
    "is a dry February.\"",
    "Advertisement",
    f"{LQ}We have been here before,{RQ} said {{full}}, who runs the "
    "caf\N{LATIN SMALL LETTER E WITH ACUTE} on the north bank. \"In 2019 they said six weeks "
    "and it took five months.\"",
    f"{LQ}This time we have a contract with penalties in it.",
    f"{LQ}If the work runs late, the contractor pays,{RQ} {{short}} said.",
    "The so-called \"temporary\" ferry, a small launch that carries twelve passengers, will run "
    "every half hour from 7am. Fares will be waived for pensioners and schoolchildren.",
    "Read more: Station car park to close for resurfacing",
]


def article(size: int) -> str:
    """Invented news paragraphs, names rotated, joined by blank lines to ``size`` characters.

    >>> text = article(5000)
    >>> len(text)
    5000
    >>> text.count("\\n\\n") > 10
    True
    """
    pieces: list[str] = []
    length = 0
    round_number = 0
    while length < size:
        full, short, pronoun = NAMES[round_number % len(NAMES)]
        for paragraph in PARAGRAPHS:
            piece = paragraph.format(full=full, short=short, pronoun=pronoun) + "\n\n"
            pieces.append(piece)
            length += len(piece)
        round_number += 1
    return "".join(pieces)[:size]


def child(mode: str, size: int, config_fields: dict[str, Any]) -> dict[str, Any]:
    """In a fresh interpreter: build the article and measure one extract of it."""
    import quoteattr

    config = quoteattr.Config(**config_fields)
    text = article(size)
    quoteattr.extract(article(5000), config)  # load the word lists before measuring
    result: dict[str, Any] = {
        "mode": mode,
        "chars": len(text),
        "utf8_bytes": len(text.encode("utf-8")),
        "str_bytes": sys.getsizeof(text),
    }
    if mode == "tracemalloc":
        tracemalloc.start()
        before, _ = tracemalloc.get_traced_memory()
        start = time.perf_counter()
        found = quoteattr.extract(text, config)
        result["seconds"] = time.perf_counter() - start
        _, peak = tracemalloc.get_traced_memory()
        tracemalloc.stop()
        result["peak_bytes"] = peak - before
    else:
        # ru_maxrss is in kilobytes on Linux.
        result["maxrss_before_bytes"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024
        start = time.perf_counter()
        found = quoteattr.extract(text, config)
        result["seconds"] = time.perf_counter() - start
        result["maxrss_bytes"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024
    result["quotes"] = len(found.quotes)
    result["speakers"] = len(found.speakers)
    return result


def main() -> int:
    """Measure in two fresh interpreters and print a report (and the figures as JSON)."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size", type=int, default=10_000_000, help="characters (10,000,000)")
    parser.add_argument("--only", choices=("tracemalloc", "rss"), help="one measurement")
    parser.add_argument("--kinds", help="Config.kinds, comma-separated (default: all)")
    parser.add_argument(
        "--detect-only", action="store_true", help="Config(attribute_speakers=False)"
    )
    parser.add_argument("--child", choices=("tracemalloc", "rss"), help=argparse.SUPPRESS)
    parser.add_argument("--config", default="{}", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        print(json.dumps(child(args.child, args.size, json.loads(args.config))))
        return 0
    config_fields: dict[str, Any] = {}
    if args.kinds:
        config_fields["kinds"] = args.kinds.split(",")
    if args.detect_only:
        config_fields["attribute_speakers"] = False
    results = {}
    for mode in [args.only] if args.only else ["tracemalloc", "rss"]:
        completed = subprocess.run(
            [sys.executable, __file__, "--child", mode, "--size", str(args.size),
             "--config", json.dumps(config_fields)],
            capture_output=True,
            text=True,
            check=True,
        )
        results[mode] = json.loads(completed.stdout)
    mb = 1_000_000
    first = next(iter(results.values()))
    size = first["utf8_bytes"]
    print(f"config: {config_fields or 'defaults'}")
    print(f"article: {first['chars']:,} characters, {size / mb:.1f} MB as UTF-8, "
          f"{first['str_bytes'] / mb:.1f} MB as a Python str; "
          f"{first['quotes']:,} quotes, {first['speakers']:,} speakers")
    if "tracemalloc" in results:
        traced = results["tracemalloc"]
        print(f"tracemalloc peak during extract: {traced['peak_bytes'] / mb:.1f} MB = "
              f"{traced['peak_bytes'] / size:.1f}x the input "
              f"({traced['seconds']:.1f} s under tracemalloc)")
    if "rss" in results:
        rss = results["rss"]
        grown = rss["maxrss_bytes"] - rss["maxrss_before_bytes"]
        print(f"max RSS: {rss['maxrss_bytes'] / mb:.1f} MB in all = "
              f"{rss['maxrss_bytes'] / size:.1f}x the input; {grown / mb:.1f} MB = "
              f"{grown / size:.1f}x over the {rss['maxrss_before_bytes'] / mb:.1f} MB before "
              f"extract ({rss['seconds']:.1f} s)")
    print(json.dumps(results))
    return 0


if __name__ == "__main__":
    sys.exit(main())
