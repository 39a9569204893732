"""Check that ``quoteattr.evaluate`` gives the reference scorer's figures, every key of them.

For each gold file, several prediction sets are scored twice: by the reference
``shared/eval/score.py --json --by-doc`` in a subprocess, and by ``quoteattr.evaluate`` in
process. The sets are

* ``extractor``: what ``quoteattr.extract`` finds;
* ``gold``: the gold fed back, speakers as written;
* ``gold-objects``: the gold fed back as the extractor writes quotes (``parts``, speaker objects
  carrying the annotated mention span), so mention matching is exercised;
* ``perturbed-N`` and ``extractor-perturbed-N``: gold and extractor output with seeded random
  damage (shifted and emptied spans, split parts, dropped, swapped and pronoun speakers,
  changed kinds, dropped quotes), so agreement is tested beyond what the extractor produces.

For each set it prints the reference's and our figure for every key, whether the per-document
counts agree, and whether ``quoteattr evaluate --json`` prints the very line the reference
prints. It also checks the scoring constants (trimming set, titles, pronouns) are the same.
Exit status 1 if anything disagrees.

usage (from the repository root):
    .venv/bin/python scripts/check_scorer_agreement.py [GOLD.jsonl ...] [--scorer PATH]
        [--seed N] [--rounds N]

With no gold file it checks ``../shared/data/polnear/dev.jsonl``.
"""

from __future__ import annotations

import argparse
import contextlib
import copy
import importlib.util
import io
import json
import random
import subprocess
import sys
import tempfile
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
# Check this checkout's code, not whatever quoteattr happens to be installed.
sys.path.insert(0, str(REPO))

from quoteattr import evaluate  # noqa: E402  (needs the path set just above)

DEFAULT_GOLD = REPO.parent / "shared" / "data" / "polnear" / "dev.jsonl"
DEFAULT_SCORER = REPO.parent / "shared" / "eval" / "score.py"
PER_DOC_COUNTS = ("gold", "pred", "exact", "speaker_ok")

Doc = dict[str, Any]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("gold", nargs="*", type=Path, default=[DEFAULT_GOLD],
                        help=f"gold JSONL files (default {DEFAULT_GOLD})")
    parser.add_argument("--scorer", type=Path, default=DEFAULT_SCORER,
                        help=f"the reference scorer (default {DEFAULT_SCORER})")
    parser.add_argument("--seed", type=int, default=2024, help="seed of the perturbations")
    parser.add_argument("--rounds", type=int, default=3, help="perturbed sets per source")
    args = parser.parse_args(argv)

    ok = check_constants(args.scorer)
    for gold_path in args.gold:
        gold = evaluate.load_jsonl(gold_path, validate=evaluate.check_gold_document)
        print(f"\n=== {gold_path} ({len(gold)} documents)")
        for name, predicted in prediction_sets(gold, args.seed, args.rounds):
            ok &= check_agreement(name, gold_path, gold, predicted, args.scorer)
    print("\nALL AGREE" if ok else "\nDISAGREEMENT FOUND")
    return 0 if ok else 1


def check_constants(scorer: Path) -> bool:
    """The reference's trimming set, titles, pronouns and don't-care kinds equal ours."""
    spec = importlib.util.spec_from_file_location("reference_score", scorer)
    assert spec is not None and spec.loader is not None, f"cannot load {scorer}"
    reference = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(reference)
    pairs = [
        ("TRIM", set(reference.TRIM), set(evaluate.TRIM_CHARS)),
        ("TITLES", set(reference.TITLES), set(evaluate.TITLE_WORDS)),
        ("PRONOUNS", set(reference.PRONOUNS), set(evaluate.PRONOUN_WORDS)),
        ("DONT_CARE", set(reference.DONT_CARE), set(evaluate.DONT_CARE_KINDS)),
        ("NOT_DIRECT", set(reference.NOT_DIRECT), set(evaluate.NOT_DIRECT_KINDS)),
    ]
    ok = True
    for name, theirs, ours in pairs:
        same = theirs == ours
        ok &= same
        print(f"constant {name:10} {'same' if same else f'DIFFERS: {theirs ^ ours}'}")
    return ok


def prediction_sets(
    gold: list[Doc], seed: int, rounds: int
) -> Iterable[tuple[str, dict[Any, Doc]]]:
    extracted = evaluate.predict(gold)
    yield "extractor", extracted
    yield "gold", {d["id"]: {"id": d["id"], "quotes": d["quotes"]} for d in gold}
    yield "gold-objects", {d["id"]: {"id": d["id"], "quotes": [as_object(q) for q in d["quotes"]]}
                           for d in gold}
    rng = random.Random(seed)
    for n in range(1, rounds + 1):
        yield f"perturbed-{n}", {d["id"]: perturb(d["id"], d["text"], d["quotes"], rng)
                                 for d in gold}
    for n in range(1, rounds + 1):
        yield f"extractor-perturbed-{n}", {
            d["id"]: perturb(d["id"], d["text"], extracted[d["id"]]["quotes"], rng) for d in gold
        }


def as_object(quote: Doc) -> Doc:
    """A gold quote written as the extractor writes one: parts and a speaker object."""
    names = evaluate.speaker_names(quote.get("speaker"))
    speaker: Doc | None = {"name": names[0]} if names else None
    mentions = quote.get("speaker_mentions") or []
    if mentions:
        speaker = {**(speaker or {"name": ""}), "start": mentions[0][0], "end": mentions[0][1]}
    return {"start": quote["start"], "end": quote["end"], "kind": quote["kind"],
            "parts": [{"start": quote["start"], "end": quote["end"]}], "speaker": speaker}


PRONOUN_NAMES = ("he", "she", "they", "He", "her")
KINDS = ("direct", "partial", "indirect", "mixed", "scare", "title", "nested", None)


def perturb(doc_id: Any, text: str, quotes: list[Doc], rng: random.Random) -> Doc:
    """Damage a document's quotes at random; every quote gets zero or more of the edits."""
    out = []
    speakers = [q.get("speaker") for q in quotes]
    for original in quotes:
        quote = copy.deepcopy(original)
        if rng.random() < 0.3:
            quote.pop("parts", None)
        if rng.random() < 0.1:
            continue  # dropped: a miss
        edits: list[Callable[[Doc], None]] = [
            lambda q: shift(q, rng.randint(-4, 4), rng.randint(-4, 4), len(text)),
            lambda q: q.update(speaker=None),
            lambda q: q.update(speaker=rng.choice(PRONOUN_NAMES)),
            lambda q: q.update(speaker=rng.choice(speakers) if speakers else None),
            lambda q: q.update(speaker={"text": rng.choice(PRONOUN_NAMES), "start": q["start"] - 5,
                                        "end": q["start"] - 3}),
            lambda q: q.update(speaker_mentions=[[max(0, q["start"] - 20), q["start"]]]),
            lambda q: q.update(kind=rng.choice(KINDS)),
            lambda q: split(q, rng),
            lambda q: q.update(end=q["start"]),
            lambda q: q.update(end=min(len(text), q["end"] + rng.randint(1, 200))),
            lambda q: q.update(speaker=reword(q.get("speaker"), rng)),
            lambda q: q.update(speaker=mention_object(q, rng)),
        ]
        for edit in edits:
            if rng.random() < 0.25:
                edit(quote)
        if "parts" in quote and not quote["parts"]:
            del quote["parts"]
        out.append(quote)
    if quotes and rng.random() < 0.5:  # a spurious quote
        start = rng.randrange(len(text) or 1)
        out.append({"start": start, "end": min(len(text), start + rng.randint(1, 80)),
                    "kind": rng.choice(KINDS), "speaker": rng.choice(speakers)})
    if rng.random() < 0.3:
        rng.shuffle(out)  # matching is order-sensitive
    return {"id": doc_id, "quotes": out}


def reword(speaker: object, rng: random.Random) -> object:
    """A speaker name with a title, an apposition, a long clause, or as a list."""
    names = evaluate.speaker_names(speaker)
    if not names:
        return speaker
    name = rng.choice(names)
    return rng.choice([
        f"Mr. {name}",
        f"{name}, the spokesman",
        f"{name}, who spoke to reporters at the door of the hall on Monday",
        f"the {name.split()[-1]}'s office",
        [name.upper(), "someone else"],
        name.split()[0],
    ])


def mention_object(quote: Doc, rng: random.Random) -> Doc | None:
    """A speaker object pointing at the annotated mention (moved a little) in one of 3 ways."""
    mentions = quote.get("speaker_mentions") or []
    if not mentions:
        return None
    start, end = rng.choice(mentions)
    moved = {"start": start + rng.randint(-3, 3), "end": end + rng.randint(-3, 3)}
    return rng.choice([
        {"name": "he", **moved},
        {"text": "they", "mention": moved},
        {"name": None, "mentions": [{"start": 0, "end": 1}, moved]},
    ])


def shift(quote: Doc, by_start: int, by_end: int, size: int) -> None:
    start = min(max(0, quote["start"] + by_start), size)
    end = min(max(start, quote["end"] + by_end), size)
    quote.update(start=start, end=end)
    quote.pop("parts", None)


def split(quote: Doc, rng: random.Random) -> None:
    start, end = quote["start"], quote["end"]
    if end - start < 4:
        return
    cut = rng.randrange(start + 1, end - 1)
    quote["parts"] = [{"start": start, "end": cut}, {"start": cut + 1, "end": end}]


def check_agreement(name: str, gold_path: Path, gold: list[Doc], predicted: dict[Any, Doc],
                    scorer: Path) -> bool:
    with tempfile.TemporaryDirectory() as tmp:
        pred_path = Path(tmp) / "pred.jsonl"
        with pred_path.open("w", encoding="utf-8") as f:
            for doc in predicted.values():
                f.write(json.dumps(doc, ensure_ascii=False) + "\n")
        reference_lines = run_reference(scorer, gold_path, pred_path)
        ours_line = run_ours(gold_path, pred_path)
    theirs = json.loads(reference_lines[-1])
    ours, per_doc = evaluate.score(gold, predicted)

    print(f"\n--- {name}")
    print(f"{'key':20} {'reference':>10} {'ours':>10}")
    ok = list(theirs) == list(ours)
    for key in dict.fromkeys([*theirs, *ours]):
        a, b = theirs.get(key), ours.get(key)
        same = a == b and type(a) is type(b)
        ok &= same
        print(f"{key:20} {a!s:>10} {b!s:>10}{'' if same else '   <-- DIFFERS'}")
    doc_ok = per_doc_agree(reference_lines[:-1], per_doc)
    line_ok = ours_line == reference_lines[-1]
    print(f"per-document counts agree: {doc_ok}; `quoteattr evaluate --json` line identical: "
          f"{line_ok}")
    print("AGREE" if ok and doc_ok and line_ok else "DISAGREE")
    return ok and doc_ok and line_ok


def run_reference(scorer: Path, gold_path: Path, pred_path: Path) -> list[str]:
    done = subprocess.run(
        [sys.executable, str(scorer), str(gold_path), str(pred_path), "--json", "--by-doc"],
        capture_output=True, text=True, encoding="utf-8", check=True,
    )
    return done.stdout.splitlines()


def run_ours(gold_path: Path, pred_path: Path) -> str:
    parser = argparse.ArgumentParser()
    evaluate.add_arguments(parser)
    args = parser.parse_args([str(gold_path), "--pred", str(pred_path), "--json"])
    buffer = io.StringIO()
    with contextlib.redirect_stdout(buffer):
        status = evaluate.run(args)
    assert status == 0, f"quoteattr evaluate exited with {status}"
    return buffer.getvalue().rstrip("\n")


def per_doc_agree(reference_lines: list[str], ours: dict[Any, evaluate.DocReport]) -> bool:
    """Compare the reference's ``--by-doc`` lines (``ID {json}``) with our per-document counts."""
    theirs = {}
    for line in reference_lines:
        cut = line.index(' {"gold"')
        theirs[line[:cut]] = json.loads(line[cut + 1:])
    ours_by_str = {str(k): v for k, v in ours.items()}
    if set(theirs) != set(ours_by_str):
        print(f"per-document ids differ: {sorted(set(theirs) ^ set(ours_by_str))[:5]}")
        return False
    ok = True
    for doc_id, report in theirs.items():
        for key in PER_DOC_COUNTS:
            if report[key] != ours_by_str[doc_id][key]:  # type: ignore[literal-required]
                print(f"per-document {doc_id} {key}: reference {report[key]}, "
                      f"ours {ours_by_str[doc_id][key]}")  # type: ignore[literal-required]
                ok = False
        if len(report["missed"]) != len(ours_by_str[doc_id]["missed"]) or len(
                report["wrong_speaker"]) != len(ours_by_str[doc_id]["wrong_speaker"]):
            print(f"per-document {doc_id}: missed / wrong-speaker lists differ in length")
            ok = False
    return ok


if __name__ == "__main__":
    sys.exit(main())
