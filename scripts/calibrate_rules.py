"""Measure each attribution rule's precision on gold data, to set RULE_PRECISION.

usage: python scripts/calibrate_rules.py GOLD.jsonl [GOLD.jsonl ...]

For every predicted quote (either track) matched to a gold quote by overlap, the rule that
found its speaker (``speaker.resolved_by``) is right when the reference scorer's definition of a
right speaker holds. Prints, per rule, how often it was right; the ``+pronoun`` variants are
counted under their rule and reported separately too. The confidences in
``quoteattr.attribution.RULE_PRECISION`` are these figures, rounded, on the PolNeAR training
split and the hand-made dev set (see docs/evaluation.md).
"""

from __future__ import annotations

import sys
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from quoteattr.evaluate import (
    direct_gold,
    direct_predictions,
    dont_care_spans,
    greedy_match,
    indirect_gold,
    indirect_predictions,
    load_jsonl,
    predict,
    speaker_right,
    with_inner_partials,
)


def main(paths: list[str]) -> int:
    right: Counter[str] = Counter()
    total: Counter[str] = Counter()
    for path in paths:
        gold_docs = load_jsonl(path)
        predictions = predict(gold_docs)
        for doc in gold_docs:
            text = doc["text"]
            quotes = predictions[doc["id"]]["quotes"]
            gold = with_inner_partials(text, doc["quotes"])
            direct = direct_gold(text, gold)
            tracks = [
                (direct, direct_predictions(text, quotes, direct, dont_care_spans(text, gold))),
                (indirect_gold(text, gold), indirect_predictions(text, quotes)),
            ]
            for gold_items, predicted in tracks:
                gold_spans = [span for span, _ in gold_items]
                pairs = greedy_match(gold_spans, [span for span, _ in predicted], exact=False)
                for gold_index, predicted_index in pairs:
                    speaker = predicted[predicted_index][1]
                    if not speaker or "resolved_by" not in speaker:
                        continue
                    rule = str(speaker["resolved_by"])
                    ok = speaker_right(gold_items[gold_index][1], speaker)
                    for name in {rule, rule.split("+")[0]}:
                        total[name] += 1
                        right[name] += ok
    print(f"{'rule':32s} {'right':>6s} {'of':>6s} {'precision':>9s}")
    for name in sorted(total):
        print(f"{name:32s} {right[name]:6d} {total[name]:6d} {right[name] / total[name]:9.3f}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
