"""Fuzz ``quoteattr.extract``: any bytes, decoded eight ways, under any configuration.

    python fuzz/fuzz_extract.py [libFuzzer options] fuzz/corpus/extract
    python fuzz/fuzz_extract.py -max_total_time=600 fuzz/corpus/extract   # ten minutes

Each input is turned into a ``str`` and a :class:`quoteattr.Config` (see :func:`decode`), then
extracted; every invariant of the output contract is checked on the result by the same code as
``tests/test_hostile.py`` (spans slice back, quotes in order and never crossing, output that
round-trips through JSON), and the result must be the same when extracted again. A violation
raises, which atheris reports as a crash and saves as ``crash-<sha1>`` in the working directory.
"""

from __future__ import annotations

import sys
from pathlib import Path

# atheris ships no type information (no py.typed); the ignore names both codes so mypy is clean
# with atheris installed or not.
import atheris  # type: ignore[import-untyped, import-not-found, unused-ignore]

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

with atheris.instrument_imports(include=["quoteattr"]):
    from quoteattr import Config, extract

from known_bugs import known_failure

from tests.test_hostile import check_article, check_json

#: The eight ways bytes become a str. ``code points`` reads three bytes at a time as any code
#: point (surrogates and noncharacters included); ``atheris`` is FuzzedDataProvider's own.
DECODINGS = (
    "utf-8 surrogateescape",
    "utf-8 replace",
    "latin-1",
    "utf-16-le surrogatepass",
    "code points",
    "cp1252 replace",
    "utf-8 ignore",
    "atheris",
)


def decode(data: bytes) -> tuple[str, Config]:
    """The text and the configuration one fuzz input stands for.

    A first byte below 0x20 starts a two-byte header: its five bits turn off the configuration's
    switches (``single_marks``, ``continue_paragraphs``, ``close_unclosed``, ``skip_furniture``,
    ``attribute_speakers``) and the second byte's low three bits choose one of ``DECODINGS``.
    Any other input is UTF-8 text (surrogateescape) under the default configuration, so the
    plain-text seeds in ``fuzz/corpus/extract`` read as written.

    >>> decode(b'"Hi," she said.') == ('"Hi," she said.', Config())
    True
    >>> text, config = decode(b"\\x10\\x02caf\\xe9")
    >>> text, config.attribute_speakers
    ('café', False)
    """
    switches, way = 0, DECODINGS[0]
    if data and data[0] < 0x20:
        switches, way, data = data[0], DECODINGS[data[1] & 7 if len(data) > 1 else 0], data[2:]
    if way == "code points":
        text = "".join(
            chr(int.from_bytes(data[i : i + 3], "little") % 0x110000)
            for i in range(0, len(data), 3)
        )
    elif way == "atheris":
        text = atheris.FuzzedDataProvider(data).ConsumeUnicode(len(data))
    else:
        codec, errors = way.split(" ") if " " in way else (way, "strict")
        if codec == "utf-16-le" and len(data) % 2:
            data = data[:-1]
        text = data.decode(codec, errors)
    config = Config(
        single_marks=not switches & 1,
        continue_paragraphs=not switches & 2,
        close_unclosed=not switches & 4,
        skip_furniture=not switches & 8,
        attribute_speakers=not switches & 16,
    )
    return text, config


def fuzz_one_input(data: bytes) -> None:
    """Extract from one fuzz input and check everything the output promises."""
    text, config = decode(data)
    try:
        article = extract(text, config)
        check_article(text, article)
    except (IndexError, AssertionError) as error:
        if known_failure(error):
            return
        raise
    check_json(article)
    if extract(text, config) != article:
        raise AssertionError("the same input gave different output")


def main() -> None:
    """Run atheris with the command line's libFuzzer options."""
    atheris.Setup(sys.argv, fuzz_one_input)
    atheris.Fuzz()


if __name__ == "__main__":
    main()
