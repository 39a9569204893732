"""Tests for ``quoteattr.evaluate``: the scorer's definitions, counted by hand on small articles.

Nothing here reads ``/work/shared``. ``HARBOUR`` is written here in the style of the PolNeAR gold
(speakers as written, pronouns included, with mention spans). ``D01`` and ``D13`` are two of the
project's own hand-made articles (``shared/data/handmade/dev.jsonl``, our text), embedded whole.
Every expected count below is worked out in the comments beside it.
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from quoteattr import evaluate
from quoteattr.evaluate import (
    Counts,
    EvaluationInputError,
    figures,
    greedy_match,
    load_jsonl,
    names_match,
    prediction_speaker,
    score,
    score_document,
    segments,
    speaker_right,
    trim,
    with_inner_partials,
)

Doc = dict[str, Any]

SCORE_KEYS = [
    "direct_exact_P", "direct_exact_R", "direct_exact_F1",
    "direct_overlap_P", "direct_overlap_R", "direct_overlap_F1",
    "speaker_acc", "e2e_P", "e2e_R", "e2e_F1",
    "indirect_P", "indirect_R", "indirect_F1", "indirect_e2e_F1",
    "d_gold", "d_pred", "d_tp_exact", "d_tp_overlap", "d_spk_ok", "d_e2e",
    "i_gold", "i_pred", "i_tp", "i_e2e",
]  # fmt: skip

PERFECT = {key: 1.0 for key in SCORE_KEYS if not key.startswith(("d_", "i_"))}


def at(text: str, phrase: str, nth: int = 0) -> tuple[int, int]:
    """The span of the ``nth`` occurrence of ``phrase`` in ``text``."""
    start = -1
    for _ in range(nth + 1):
        start = text.index(phrase, start + 1)
    return start, start + len(phrase)


def fed_back(doc: Doc) -> dict[Any, Doc]:
    """The gold of ``doc`` given back as its predictions."""
    return {doc["id"]: {"id": doc["id"], "quotes": doc["quotes"]}}


def rates(scores: evaluate.Scores) -> dict[str, Any]:
    """The figures without the raw counts."""
    items: dict[str, Any] = dict(scores)
    return {k: v for k, v in items.items() if not k.startswith(("d_", "i_"))}


def counts(scores: evaluate.Scores) -> dict[str, Any]:
    """The raw counts only."""
    items: dict[str, Any] = dict(scores)
    return {k: v for k, v in items.items() if k.startswith(("d_", "i_"))}


# --- HARBOUR: our own article, PolNeAR style --------------------------------------------------

HARBOUR = (
    "Harbour plan approved\n\n"
    "Tolmere council approved the harbour plan on Monday. “We have waited ten years for "
    "this,” said Ana Ruiz, the mayor. “It will change the town.”\n\n"
    "She said the old quay was “a danger to everyone” and had to go.\n\n"
    "Critics called the scheme a “vanity project”.\n\n"
    "“The money is not there,” said Tom Hale, who leads the opposition. “We asked for the "
    "figures in March.\n\n"
    "“We are still waiting.”\n\n"
    "Hale said the council would regret it.\n\n"
    "“My father told me ‘never build on sand’ and he was right,” Ruiz said."
)
ANA = at(HARBOUR, "Ana Ruiz")
SHE = at(HARBOUR, "She")
TOM = at(HARBOUR, "Tom Hale")
HALE = at(HARBOUR, "Hale", 1)
RUIZ = at(HARBOUR, "Ruiz", 1)


def gold_quote(phrase: str, kind: str, speaker: str | None, mention: tuple[int, int] | None = None
               ) -> Doc:
    start, end = at(HARBOUR, phrase)
    quote: Doc = {"start": start, "end": end, "kind": kind, "speaker": speaker}
    if mention is not None:
        quote["speaker_mentions"] = [list(mention)]
    return quote


HARBOUR_GOLD = [
    gold_quote("We have waited ten years for this,", "direct", "Ana Ruiz", ANA),
    gold_quote("It will change the town.", "direct", "Ana Ruiz", ANA),
    # mixed: its quoted words "a danger to everyone" join the direct track as a partial
    gold_quote("the old quay was “a danger to everyone” and had to go", "mixed", "She", SHE),
    gold_quote("vanity project", "scare", None),
    gold_quote("The money is not there,", "direct", "Tom Hale", TOM),
    # one span over two paragraphs: two segments
    gold_quote("We asked for the figures in March.\n\n“We are still waiting.", "direct",
               "Tom Hale", TOM),
    gold_quote("the council would regret it", "indirect", "Hale", HALE),
    gold_quote("My father told me ‘never build on sand’ and he was right,", "direct", "Ruiz",
               RUIZ),
    gold_quote("never build on sand", "nested", None),
]
HARBOUR_DOC: Doc = {"id": "harbour", "text": HARBOUR, "quotes": HARBOUR_GOLD}
# Direct track gold, in order: waited, change, money, asked, waiting, father, + inner "danger":
# 7 segments. Indirect track gold: the mixed and the indirect item: 2.


def pred(phrase: str, kind: str | None, speaker: object, **extra: Any) -> Doc:
    start, end = at(HARBOUR, phrase)
    quote: Doc = {"start": start, "end": end, "speaker": speaker, **extra}
    if kind is not None:
        quote["kind"] = kind
    return quote


def harbour_predictions() -> list[Doc]:
    waited = at(HARBOUR, "We have waited ten years for this,")
    asked = at(HARBOUR, "We asked for the figures in March.")
    waiting = at(HARBOUR, "We are still waiting.")
    monday_stop = at(HARBOUR, "Monday.")[1] - 1
    regret_stop = at(HARBOUR, "regret it.")[1] - 1
    return [
        # p1 marks and comma included: trims to the gold span, exact; right by name
        {"start": waited[0] - 1, "end": waited[1] + 1, "kind": "direct",
         "speaker": {"name": "Ana Ruiz", "start": ANA[0], "end": ANA[1]}},
        # p2 14 of 23 characters (Jaccard 0.61): overlap only; "she" alone never counts: wrong
        pred("It will change", "direct", {"name": "she"}),
        # p3 the mixed item's quoted words, exact; a pronoun name but its mention is the gold
        # mention ("She"): right
        pred("a danger to everyone", "partial", {"name": "she", "start": SHE[0], "end": SHE[1]}),
        # p4 on the scare quote and touching no direct gold: not counted at all
        pred("vanity project", "partial", None),
        # p5 exact; the name shares no word with "Tom Hale" but the mention span is his: right
        pred("The money is not there,", "direct",
             {"name": "the opposition leader", "start": TOM[0], "end": TOM[1]}),
        # p6 two parts, one per paragraph: two exact segments, right by name
        {"start": asked[0], "end": waiting[1], "kind": "direct", "speaker": "Tom Hale",
         "parts": [{"start": asked[0], "end": asked[1]},
                   {"start": waiting[0], "end": waiting[1]}]},
        # p7 exact, wrong speaker
        pred("My father told me ‘never build on sand’ and he was right,", "direct", "Tom Hale"),
        # p8 on the nested gold but inside a direct gold: kept, and matches nothing
        pred("never build on sand", "partial", "Ruiz"),
        # p9 no kind: direct track; matches nothing
        pred("Harbour plan approved", None, None),
        # p10 only a full stop: empty once trimmed, dropped from the direct track
        {"start": monday_stop, "end": monday_stop + 1, "kind": "direct", "speaker": None},
        # indirect track
        # i1 the mixed item with "She said " in front: Jaccard 53/62, a match; no speaker: wrong
        pred("She said the old quay was “a danger to everyone” and had to go.", "mixed", None),
        # i2 exact; "Tom Hale" holds the gold "Hale": right
        pred("the council would regret it", "indirect", "Tom Hale"),
        # i3 not in gold
        pred("the harbour plan", "indirect", "Ana Ruiz"),
        # i4 only a full stop: the indirect track keeps empty segments, so it is counted
        {"start": regret_stop, "end": regret_stop + 1, "kind": "indirect", "speaker": None},
    ]


HARBOUR_COUNTS = {
    "d_gold": 7,
    "d_pred": 9,  # p1 p2 p3 p5 p6(x2) p7 p8 p9
    "d_tp_exact": 6,  # p1 p3 p5 p6(x2) p7
    "d_tp_overlap": 7,  # the six and p2
    "d_spk_ok": 5,  # all but p2 and p7
    "d_e2e": 5,  # exact ones but p7
    "i_gold": 2,
    "i_pred": 4,
    "i_tp": 2,
    "i_e2e": 1,
}
HARBOUR_RATES = {
    "direct_exact_P": 0.6667, "direct_exact_R": 0.8571, "direct_exact_F1": 0.75,  # 6/9, 6/7
    "direct_overlap_P": 0.7778, "direct_overlap_R": 1.0, "direct_overlap_F1": 0.875,  # 7/9, 7/7
    "speaker_acc": 0.7143,  # 5/7
    "e2e_P": 0.5556, "e2e_R": 0.7143, "e2e_F1": 0.625,  # 5/9, 5/7
    "indirect_P": 0.5, "indirect_R": 1.0, "indirect_F1": 0.6667,  # 2/4, 2/2
    "indirect_e2e_F1": 0.3333,  # P 1/4, R 1/2
}  # fmt: skip


# --- D01 and D13: two of our hand-made articles, embedded --------------------------------------

SPOKESWOMAN = "a spokeswoman for the Department for Regional Transport"
MOTHER = ["mom", "Darnell Achebe-Ross's mother"]

D01: Doc = {
    "id": "d01",
    "text": (
        "Pellow Vale branch line to close for 18 months\n\n"
        "Share this article\n\n"
        "Passengers on the Amberleigh to Hadley Cross branch line face a year and a half "
        "without trains after Pellow Vale Railways confirmed the route will close in March "
        "for repairs to the Ostley viaduct.\n\n"
        "Gareth Penhaligon, the operator’s chief executive, said: “We know this is painful "
        "news for the 4,000 people who use the line every day. The viaduct is 160 years old "
        "and the survey left us no choice.\n\n"
        "“Replacement buses will run every 15 minutes at peak times, and season tickets will "
        "be accepted on them without exception.”\n\n"
        "The chief executive added that engineers had looked at keeping one track open but "
        "had ruled it out on safety grounds.\n\n"
        "Advertisement\n\n"
        "Local councillors were less forgiving. Cllr Brenda Oyelowo, who represents Hadley "
        "Cross on Ostley District Council, called the closure “a slap in the face” for "
        "commuters who were promised faster trains in 2019.\n\n"
        "“Five years ago they stood in our town hall and talked about an upgrade,” she said. "
        "“Now we get a bus that takes twice as long. Who exactly is this for?”\n\n"
        "Mr Penhaligon said the viaduct’s iron bearings were “beyond patching” and would have"
        " to be replaced one by one.\n\n"
        "A spokeswoman for the Department for Regional Transport said ministers were "
        "“monitoring the situation closely”. The spokeswoman said no decision had yet been "
        "taken on compensation for season ticket holders.\n\n"
        "Passengers at Amberleigh station on Tuesday morning said they would probably drive "
        "instead.\n\n"
        "“I’ve done this commute for 22 years,” said Denise Hartigan, a theatre nurse at "
        "Hadley Cross General Hospital. “I’ll give the bus a week, and then I’ll give up.”"
    ),
    "quotes": [
        {"start": 200, "end": 263, "kind": "indirect", "speaker": "Pellow Vale Railways"},
        {"start": 324, "end": 464, "kind": "direct", "speaker": "Gareth Penhaligon"},
        {"start": 467, "end": 588, "kind": "direct", "speaker": "Gareth Penhaligon"},
        {"start": 622, "end": 707, "kind": "indirect", "speaker": "Gareth Penhaligon"},
        {"start": 861, "end": 879, "kind": "partial", "speaker": "Brenda Oyelowo"},
        {"start": 938, "end": 1009, "kind": "direct", "speaker": "Brenda Oyelowo"},
        {"start": 1022, "end": 1089, "kind": "direct", "speaker": "Brenda Oyelowo"},
        {"start": 1111, "end": 1202, "kind": "mixed", "speaker": "Gareth Penhaligon"},
        {"start": 1145, "end": 1160, "kind": "partial", "speaker": "Gareth Penhaligon"},
        {"start": 1266, "end": 1315, "kind": "mixed", "speaker": SPOKESWOMAN},
        {"start": 1282, "end": 1314, "kind": "partial", "speaker": SPOKESWOMAN},
        {"start": 1338, "end": 1410, "kind": "indirect", "speaker": SPOKESWOMAN},
        {"start": 1470, "end": 1503, "kind": "indirect",
         "speaker": "passengers at Amberleigh station"},
        {"start": 1507, "end": 1543, "kind": "direct", "speaker": "Denise Hartigan"},
        {"start": 1618, "end": 1666, "kind": "direct", "speaker": "Denise Hartigan"},
    ],
}

D13: Doc = {
    "id": "d13",
    "text": (
        "Q&A: Chess champion Darnell Achebe-Ross, 15, on nerves, naps and what's next\n\n"
        "Darnell Achebe-Ross of Millhollow became the youngest state chess champion in 41 "
        "years last month, winning a final-round game that lasted more than five hours. He "
        "spoke with the Herald between classes at Millhollow High, where his coach, Anton "
        "Ferreira-Lindqvist, teaches algebra. The conversation has been edited for length.\n\n"
        "How did you get into chess?\n\n"
        "My grandma Loretta taught me when I was six, on a board with two missing pawns. We "
        "used bottle caps instead. She still says, \"You only won because I let you,\" which is"
        " not true.\n\n"
        "What goes through your head in a five-hour game?\n\n"
        "Mostly food. Around hour four I start thinking about tacos. Mr. Ferreira-Lindqvist "
        "always tells me, \"Eat before the game, not during it,\" but the tournament snacks are"
        " the best part.\n\n"
        "Did you think you would win the final?\n\n"
        "No. After I dropped my knight, I looked over at my coach and he just mouthed "
        "\"breathe.\" So I breathed.\n\n"
        "What did you say to your opponent afterward?\n\n"
        "I said, \"Good game. Can we get food now?\" He laughed. He's a really nice guy, from "
        "Tarrow Springs.\n\n"
        "Are you reading anything?\n\n"
        "I'm rereading \"Endgames for Impatient People.\" The title is kind of about me.\n\n"
        "What's next?\n\n"
        "Nationals in July. And sleep. My mom says I've been \"running on naps and pretzels\" "
        "since March, and she's right."
    ),
    "quotes": [
        {"start": 560, "end": 591, "kind": "direct", "speaker": ["Loretta", "grandma Loretta"]},
        {"start": 764, "end": 799, "kind": "direct", "speaker": "Anton Ferreira-Lindqvist"},
        {"start": 965, "end": 973, "kind": "direct", "speaker": "Anton Ferreira-Lindqvist"},
        {"start": 1046, "end": 1077, "kind": "direct", "speaker": "Darnell Achebe-Ross"},
        {"start": 1179, "end": 1209, "kind": "title", "speaker": None},
        {"start": 1299, "end": 1351, "kind": "mixed", "speaker": MOTHER},
        {"start": 1310, "end": 1338, "kind": "partial", "speaker": MOTHER},
    ],
}


def d01_predictions() -> list[Doc]:
    text = D01["text"]
    gareth = at(text, "Gareth Penhaligon")
    now = at(text, "Now we get a bus that takes twice as long.")
    said = at(text, "said the viaduct’s")
    return [
        # one span over the paragraph break: two segments, both exact (324-464, 467-588)
        {"start": 324, "end": 588, "kind": "direct",
         "speaker": {"name": "Gareth Penhaligon", "start": gareth[0], "end": gareth[1]}},
        {"start": 861, "end": 879, "kind": "partial", "speaker": "she"},  # exact, pronoun: wrong
        # exact; "cllr" is not a dropped title, but one extra word is allowed: right
        {"start": 938, "end": 1009, "kind": "direct", "speaker": "Cllr Brenda Oyelowo"},
        # first sentence only: Jaccard 41/66, overlap; right
        {"start": now[0], "end": now[1], "kind": "direct", "speaker": "Brenda Oyelowo"},
        # labelled scare: out of the direct track, so 1282-1314 is missed
        {"start": 1282, "end": 1314, "kind": "scare", "speaker": None},
        # exact; the name plus a 7-word apposition is more than 4 words extra: wrong
        {"start": 1507, "end": 1543, "kind": "direct",
         "speaker": "Denise Hartigan, a theatre nurse at Hadley Cross General Hospital"},
        {"start": 1618, "end": 1666, "kind": "direct", "speaker": "Hartigan"},  # exact, right
        {"start": 48, "end": 66, "kind": "direct", "speaker": None},  # "Share this article"
        {"start": 200, "end": 263, "kind": "indirect", "speaker": "Pellow Vale Railways"},
        # the mixed 1111-1202 with "said " in front: a match, right by surname
        {"start": said[0], "end": 1202, "kind": "indirect", "speaker": "Penhaligon"},
    ]


D01_COUNTS = {
    "d_gold": 9,  # 6 direct + 3 partial; the mixed items' quoted words are annotated already
    "d_pred": 8,
    "d_tp_exact": 6,
    "d_tp_overlap": 7,
    "d_spk_ok": 5,
    "d_e2e": 4,
    "i_gold": 6,  # 4 indirect + 2 mixed
    "i_pred": 2,
    "i_tp": 2,
    "i_e2e": 2,
}
D01_RATES = {
    "direct_exact_P": 0.75, "direct_exact_R": 0.6667, "direct_exact_F1": 0.7059,  # 12/17
    "direct_overlap_P": 0.875, "direct_overlap_R": 0.7778, "direct_overlap_F1": 0.8235,
    "speaker_acc": 0.7143,
    "e2e_P": 0.5, "e2e_R": 0.4444, "e2e_F1": 0.4706,  # 8/17
    "indirect_P": 1.0, "indirect_R": 0.3333, "indirect_F1": 0.5,
    "indirect_e2e_F1": 0.5,
}  # fmt: skip


# --- worked examples --------------------------------------------------------------------------


def test_harbour_counts_and_figures() -> None:
    scores, _ = score([HARBOUR_DOC], {"harbour": {"id": "harbour",
                                                 "quotes": harbour_predictions()}})
    assert counts(scores) == HARBOUR_COUNTS
    assert rates(scores) == HARBOUR_RATES
    assert list(scores) == SCORE_KEYS


def test_harbour_report() -> None:
    _, per_doc = score([HARBOUR_DOC], {"harbour": {"id": "harbour",
                                                  "quotes": harbour_predictions()}})
    report = per_doc["harbour"]
    assert (report["gold"], report["pred"], report["exact"], report["overlap"],
            report["speaker_ok"]) == (7, 9, 6, 7, 5)
    assert [(m["text"], m["found"] and m["found"]["text"]) for m in report["missed"]] == [
        ("It will change the town", "It will change")
    ]
    assert [(w["text"][:14], w["gold"], w["predicted"]) for w in report["wrong_speaker"]] == [
        ("It will change", ["Ana Ruiz"], "she"),
        ("My father told", ["Ruiz"], "Tom Hale"),
    ]
    assert [s["text"] for s in report["spurious"]] == ["never build on sand",
                                                       "Harbour plan approved"]


def test_d01_counts_and_figures() -> None:
    scores, per_doc = score([D01], {"d01": {"id": "d01", "quotes": d01_predictions()}})
    assert counts(scores) == D01_COUNTS
    assert rates(scores) == D01_RATES
    missed = [m["text"][:20] for m in per_doc["d01"]["missed"]]
    assert missed == ["Now we get a bus tha", "beyond patching", "monitoring the situa"]


def test_counts_add_up_over_documents() -> None:
    predicted = {"harbour": {"id": "harbour", "quotes": harbour_predictions()},
                 "d01": {"id": "d01", "quotes": d01_predictions()}}
    scores, per_doc = score([HARBOUR_DOC, D01], predicted)
    assert counts(scores) == {k: HARBOUR_COUNTS[k] + D01_COUNTS[k] for k in HARBOUR_COUNTS}
    assert list(per_doc) == ["harbour", "d01"]
    # 12 exact of 17 predicted and 16 gold
    assert scores["direct_exact_P"] == round(12 / 17, 4)
    assert scores["direct_exact_R"] == 0.75


@pytest.mark.parametrize("doc", [D01, D13], ids=["d01", "d13"])
def test_handmade_gold_fed_back_is_perfect(doc: Doc) -> None:
    scores, _ = score([doc], fed_back(doc))
    assert rates(scores) == PERFECT


def test_handmade_counts_fed_back() -> None:
    scores, _ = score([D01, D13], {**fed_back(D01), **fed_back(D13)})
    # d13: 4 direct + 1 partial; its mixed item and the title add nothing to the direct track
    assert (scores["d_gold"], scores["d_pred"], scores["i_gold"]) == (9 + 5, 9 + 5, 6 + 1)


def test_harbour_gold_fed_back_misses_only_the_unannotated_partial() -> None:
    # PolNeAR style: the quoted words of a mixed item are not annotated on their own, so the
    # gold fed back predicts no partial for them: 6 of 7 direct segments.
    scores, per_doc = score([HARBOUR_DOC], fed_back(HARBOUR_DOC))
    assert counts(scores) == {
        "d_gold": 7, "d_pred": 6, "d_tp_exact": 6, "d_tp_overlap": 6, "d_spk_ok": 6,
        "d_e2e": 6, "i_gold": 2, "i_pred": 2, "i_tp": 2, "i_e2e": 2,
    }  # fmt: skip
    assert [m["text"] for m in per_doc["harbour"]["missed"]] == ["a danger to everyone"]


def test_harbour_gold_with_the_partial_annotated_is_perfect() -> None:
    partial = gold_quote("a danger to everyone", "partial", "She", SHE)
    doc = {**HARBOUR_DOC, "quotes": [*HARBOUR_GOLD, partial]}
    scores, _ = score([doc], fed_back(doc))
    assert rates(scores) == PERFECT
    assert scores["d_gold"] == 7  # the annotated partial is not counted twice


# --- the definitions, one by one --------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("“Yes!”", "Yes"),
        ("«Oui…»", "Oui"),
        ("‘No’ —", "No"),
        ("'Well, – no.'", "Well, – no"),
        ("  \t\n,.;:!?-\"", ""),
        ("(maybe)", "(maybe)"),  # brackets are not trimmed
        ("*bold*", "*bold*"),
    ],
)
def test_trim(text: str, expected: str) -> None:
    start, end = trim(text, 0, len(text))
    assert text[start:end] == expected


def test_exact_and_overlap_after_trimming() -> None:
    text = 'Ms Obi said: "We will build the bridge, and soon." Then she left.'
    gold = {"id": "t", "text": text,
            "quotes": [{"start": 14, "end": 49, "kind": "direct", "speaker": "Ada Obi"}]}

    def scored(start: int, end: int) -> tuple[int, int]:
        predicted = {"t": {"id": "t", "quotes": [{"start": start, "end": end, "kind": "direct",
                                                 "speaker": None}]}}
        result, _ = score([gold], predicted)
        return result["d_tp_exact"], result["d_tp_overlap"]

    assert text[14:49] == "We will build the bridge, and soon."
    assert scored(13, 50) == (1, 1)  # the marks trim away
    assert scored(14, 48) == (1, 1)  # so does the full stop
    assert scored(14, 38) == (0, 1)  # "We will build the bridge," : 24/34
    assert scored(14, 30) == (0, 0)  # "We will build th" : 16/34, under one half
    assert scored(0, 49) == (0, 1)  # with "Ms Obi said: ": 34/48


def test_segments_cut_at_paragraph_breaks() -> None:
    text = "“One.\n \t\n  “Two.\nstill two.\n\n“Three.”"
    quote = {"start": 1, "end": len(text) - 1}
    assert [text[s:e] for s, e in segments(quote, text)] == [
        "One.", "“Two.\nstill two.", "“Three."  # a single line break is no paragraph break
    ]
    parts = {"start": 0, "end": 0, "parts": [{"start": 1, "end": 5}, {"start": 12, "end": 16}]}
    assert [text[s:e] for s, e in segments(parts, text)] == ["One.", "Two."]


def test_multi_paragraph_gold_against_one_paragraph_prediction() -> None:
    text = "“It is late.\n\n“We go home now.”"
    gold = {"id": "t", "text": text,
            "quotes": [{"start": 1, "end": len(text) - 1, "kind": "direct", "speaker": None}]}
    one_part = {"t": {"id": "t", "quotes": [{"start": 1, "end": 12, "kind": "direct"}]}}
    result, _ = score([gold], one_part)
    assert (result["d_gold"], result["d_pred"], result["d_tp_exact"]) == (2, 1, 1)


def test_dont_care_kinds() -> None:
    text = 'The "Save the Marsh" petition, in his words "a joke", won "by a mile," he said.'
    quotes = [
        {"start": 5, "end": 19, "kind": "title", "speaker": None},
        {"start": 45, "end": 51, "kind": "scare", "speaker": None},
        {"start": 59, "end": 69, "kind": "partial", "speaker": None},
    ]
    gold = {"id": "t", "text": text, "quotes": quotes}

    def d_pred(*spans: tuple[int, int], kind: str = "direct") -> int:
        predicted = [{"start": s, "end": e, "kind": kind} for s, e in spans]
        return score([gold], {"t": {"id": "t", "quotes": predicted}})[0]["d_pred"]

    assert d_pred((5, 19)) == 0  # on the title
    assert d_pred((5, 12)) == 0  # "Save th": 7/14 = 0.5 of it
    assert d_pred((5, 11)) == 1  # "Save t": under one half, an ordinary false positive
    assert d_pred((45, 51), (59, 69)) == 1  # the scare one is not counted
    assert d_pred((45, 69)) == 1  # touches the partial: kept, though it covers the scare quote
    assert d_pred((5, 19), kind="title") == 0  # predicted non-direct kinds never count
    assert d_pred((59, 69), kind="scare") == 0


def test_nested_gold_is_dont_care_unless_inside_a_direct_gold() -> None:
    text = "“He said ‘never’ to me,” she said. Then: ‘never’."
    gold = {"id": "t", "text": text, "quotes": [
        {"start": 1, "end": 23, "kind": "direct", "speaker": None},
        {"start": 10, "end": 15, "kind": "nested", "speaker": None},
        {"start": 42, "end": 47, "kind": "nested", "speaker": None},  # made up: a stray nested
    ]}
    assert text[10:15] == text[42:47] == "never"
    predicted = {"t": {"id": "t", "quotes": [{"start": 10, "end": 15, "kind": "partial"},
                                             {"start": 42, "end": 47, "kind": "partial"}]}}
    result, _ = score([gold], predicted)
    assert result["d_pred"] == 1  # the one inside the direct quote counts (and is wrong)


def test_inner_partials_of_mixed_and_indirect() -> None:
    text = ("Ann Bell said the plan was \"a disaster\" and 'a mess' for the town's poor, and "
            "'we tried' was all.")
    mixed = {"start": 14, "end": 72, "kind": "mixed", "speaker": "Ann Bell"}
    added = with_inner_partials(text, [mixed])[1:]
    # straight doubles and singles both; the apostrophe in "town's" opens nothing
    assert [(q["kind"], text[q["start"]:q["end"]], q["speaker"]) for q in added] == [
        ("partial", "a disaster", "Ann Bell"), ("partial", "a mess", "Ann Bell")]
    assert with_inner_partials(text, [{**mixed, "kind": "indirect"}])[1:] == [
        {**q, "kind": "partial"} for q in added]
    assert with_inner_partials(text, [{**mixed, "kind": "direct"}])[1:] == []
    # quoted words already annotated on their own are not added again
    annotated = {"start": 28, "end": 38, "kind": "partial", "speaker": "Ann Bell"}
    again = with_inner_partials(text, [mixed, annotated])[2:]
    assert [text[q["start"]:q["end"]] for q in again] == ["a mess"]


def test_greedy_matching_order() -> None:
    # Gold 0 takes prediction 0 (0.9 beats 0.5); gold 1 is then left with 0.3: one match,
    # where an optimal assignment would find two.
    assert greedy_match([(0, 10), (2, 10)], [(1, 10), (0, 5)], exact=False) == [(0, 0)]
    # Ties go to the first prediction; each prediction is used once.
    assert greedy_match([(0, 4), (0, 4)], [(0, 4), (0, 4), (0, 4)], exact=True) == [
        (0, 0), (1, 1)]
    assert greedy_match([(0, 4)], [(0, 3), (1, 4)], exact=False) == [(0, 0)]
    assert greedy_match([(0, 10)], [(0, 4)], exact=False) == []  # 0.4


def test_greedy_order_shows_in_the_scores() -> None:
    text = "abcdefghijklmnop"
    gold = {"id": "t", "text": text, "quotes": [
        {"start": 0, "end": 10, "kind": "direct", "speaker": None},
        {"start": 2, "end": 10, "kind": "partial", "speaker": None},
    ]}
    predicted = {"t": {"id": "t", "quotes": [{"start": 1, "end": 10}, {"start": 0, "end": 5}]}}
    assert score([gold], predicted)[0]["d_tp_overlap"] == 1


@pytest.mark.parametrize(
    ("gold", "predicted", "right"),
    [
        ("Ana Ruiz", "Ana Ruiz", True),
        ("Ana Ruiz", "Ruiz", True),
        ("Ana Ruiz", "Mayor Ruiz", True),  # titles are dropped
        ("Ana Ruiz", "Dr. Ana Ruiz's", True),  # and the possessive
        ("Ana Ruiz", "Ana Ruiz, the mayor of Tolmere town", True),  # 3 words more
        ("Ana Ruiz", "Ana Ruiz, mayor of the small town of Tolmere", True),  # 4 more
        ("Ana Ruiz", "Ana Ruiz, mayor of the small old town of Tolmere", False),  # 5 more
        ("Ana Ruiz", "Ana", True),
        ("Ana Ruiz", "Tom Hale", False),
        ("Ana Ruiz", "she", False),
        ("he", "he", False),  # a pronoun name never counts, even against a pronoun gold
        ("Ana Ruiz", "She and they", False),
        ("Ana Ruiz", "Mr.", False),  # nothing left once the title goes
        ("Ana Ruiz", None, False),
        (None, None, True),  # no gold speaker: any prediction is right
        ("", "Tom Hale", True),
        (["Loretta", "grandma Loretta"], "Grandma Loretta", True),
        (["mom", "Darnell Achebe-Ross's mother"], "Achebe-Ross's mother", True),
        ("Ana Ruiz", ["Tom Hale", "Ana Ruiz"], True),
        ("Ana Ruiz", {"name": "Ana Ruiz"}, True),
        ("Ana Ruiz", {"name": "", "text": "Ms Ruiz"}, True),
        ("Ana Ruiz", {"text": "she"}, False),
    ],
)
def test_names_match(gold: object, predicted: object, right: bool) -> None:
    quote = {"speaker": gold}
    assert names_match(gold, prediction_speaker({"speaker": predicted})) is right
    assert speaker_right(quote, prediction_speaker({"speaker": predicted})) is right


@pytest.mark.parametrize(
    ("speaker", "extra", "right"),
    [
        ({"name": "he", "start": 10, "end": 12}, {}, True),
        ({"name": "he", "start": 12, "end": 20}, {}, False),  # touching is not overlapping
        ({"name": "he", "start": 5, "end": 11}, {}, True),
        ({"name": "he", "mention": {"start": 11, "end": 12}}, {}, True),
        ({"name": "he", "mentions": [{"start": 0, "end": 2}, {"start": 10, "end": 12}]}, {},
         True),
        (None, {"speaker_mentions": [[10, 12]]}, True),  # other tools' quote-level mentions
        ("he", {"speaker_mentions": [[30, 32]]}, False),
        ({"name": "he"}, {}, False),
    ],
)
def test_speaker_by_mention_overlap(speaker: object, extra: Doc, right: bool) -> None:
    gold = {"speaker": "he", "speaker_mentions": [[10, 12]]}
    assert speaker_right(gold, prediction_speaker({"speaker": speaker, **extra})) is right


def test_figures_with_nothing() -> None:
    scores = figures(Counts())
    assert list(scores) == SCORE_KEYS
    assert all(value == 0 for value in scores.values())


def test_missing_prediction_document_predicts_nothing() -> None:
    scores, per_doc = score([HARBOUR_DOC], {"other": {"id": "other", "quotes": []}})
    assert (scores["d_gold"], scores["d_pred"], scores["i_gold"], scores["i_pred"]) == (7, 0, 2, 0)
    assert len(per_doc["harbour"]["missed"]) == 7


def test_score_document_without_prediction() -> None:
    counts_, report = score_document(HARBOUR_DOC, None)
    assert counts_ == Counts(d_gold=7, i_gold=2)
    assert report["wrong_speaker"] == [] and report["spurious"] == []


# --- properties -------------------------------------------------------------------------------

spans = st.tuples(st.integers(0, len(HARBOUR)), st.integers(0, len(HARBOUR))).map(sorted)
kinds = st.sampled_from(["direct", "partial", "mixed", "indirect", "scare", "title", "nested"])
speakers = st.sampled_from([None, "Ana Ruiz", "he", "Tom Hale", {"name": "Hale"}])
quotes = st.builds(lambda span, kind, speaker: {"start": span[0], "end": span[1], "kind": kind,
                                                "speaker": speaker}, spans, kinds, speakers)


@settings(max_examples=200, deadline=None)
@given(st.lists(quotes, max_size=12))
def test_counts_are_consistent(predicted: list[Doc]) -> None:
    scores, _ = score([HARBOUR_DOC], {"harbour": {"id": "harbour", "quotes": predicted}})
    assert scores["d_tp_exact"] <= min(scores["d_gold"], scores["d_pred"])
    assert scores["d_tp_overlap"] <= min(scores["d_gold"], scores["d_pred"])
    assert scores["d_spk_ok"] <= scores["d_tp_overlap"]
    assert scores["d_e2e"] <= scores["d_tp_exact"]
    assert scores["i_tp"] <= min(scores["i_gold"], scores["i_pred"])
    assert scores["i_e2e"] <= scores["i_tp"]
    assert all(0.0 <= value <= 1.0 for value in rates(scores).values())


@settings(max_examples=100, deadline=None)
@given(st.lists(quotes, max_size=8), st.sampled_from(["scare", "title", "nested"]), spans)
def test_predicted_dont_care_kinds_change_nothing(predicted: list[Doc], kind: str,
                                                  span: list[int]) -> None:
    extra = {"start": span[0], "end": span[1], "kind": kind, "speaker": "Ana Ruiz"}
    base = score([HARBOUR_DOC], {"harbour": {"id": "harbour", "quotes": predicted}})[0]
    more = score([HARBOUR_DOC], {"harbour": {"id": "harbour", "quotes": [*predicted, extra]}})[0]
    assert base == more


# --- files ------------------------------------------------------------------------------------


def write_jsonl(path: Path, docs: list[Doc]) -> Path:
    path.write_text("".join(json.dumps(d, ensure_ascii=False) + "\n" for d in docs),
                    encoding="utf-8")
    return path


def test_load_jsonl_skips_blank_lines_and_keeps_line_separators(tmp_path: Path) -> None:
    path = tmp_path / "g.jsonl"
    path.write_bytes('{"id": "a", "text": "x\u2028y"}\r\n\r\n{"id": "b"}\n'.encode())
    docs = load_jsonl(path)
    assert [d["id"] for d in docs] == ["a", "b"]
    assert docs[0]["text"] == "x\u2028y"


@pytest.mark.parametrize(
    ("content", "line", "problem"),
    [
        (b'{"id": "a", "text": "", "quotes": []}\n\n{"id": \n', 3, "not valid JSON"),
        (b'[1, 2]\n', 1, "expected a JSON object, got list"),
        (b'{"id": "a", "text": "", "quotes": []}\n{"id": "\xff"}\n', 2, "not UTF-8"),
        (b'{"text": "", "quotes": []}\n', 1, 'no "id"'),
        (b'{"id": "a", "text": 3, "quotes": []}\n', 1, '"text" must be a string'),
        (b'{"id": "a", "text": "", "quotes": [{"start": 0, "end": "1", "kind": "direct"}]}',
         1, 'quote 0: "start" and "end" must be integers'),
    ],
)
def test_load_gold_errors_name_file_and_line(tmp_path: Path, content: bytes, line: int,
                                             problem: str) -> None:
    path = tmp_path / "gold.jsonl"
    path.write_bytes(content)
    with pytest.raises(EvaluationInputError) as caught:
        load_jsonl(path, validate=evaluate.check_gold_document)
    assert caught.value.line == line
    assert str(caught.value).startswith(f"{path}:{line}: {problem}")


def test_missing_file(tmp_path: Path) -> None:
    with pytest.raises(EvaluationInputError, match="cannot read") as caught:
        load_jsonl(tmp_path / "nope.jsonl")
    assert caught.value.line is None


# --- predict and the command ------------------------------------------------------------------


def test_predict_writes_the_prediction_format() -> None:
    text = "“We have listened,” said Ms Okafor. “And we have acted.”"
    predicted = evaluate.predict([{"id": 7, "text": text}])
    assert list(predicted) == [7]
    doc = predicted[7]
    assert doc["id"] == 7 and doc["quotes"]
    for quote in doc["quotes"]:
        assert {"start", "end", "kind", "parts", "speaker"} <= set(quote)
        assert text[quote["start"]:quote["end"]].startswith(quote["parts"][0]["text"])
        for part in quote["parts"]:
            assert text[part["start"]:part["end"]] == part["text"]
    assert [q["text"] for q in doc["quotes"]] == ["We have listened,", "And we have acted."]


def parse(argv: list[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="quoteattr evaluate")
    evaluate.add_arguments(parser)
    return parser.parse_args(argv)


@pytest.fixture
def files(tmp_path: Path) -> tuple[Path, Path]:
    gold = write_jsonl(tmp_path / "gold.jsonl", [HARBOUR_DOC, D01])
    predicted = write_jsonl(tmp_path / "pred.jsonl", [
        {"id": "harbour", "quotes": harbour_predictions()},
        {"id": "d01", "quotes": d01_predictions()},
    ])
    return gold, predicted


def test_run_json(files: tuple[Path, Path], capsys: pytest.CaptureFixture[str]) -> None:
    gold, predicted = files
    assert evaluate.run(parse([str(gold), "--pred", str(predicted), "--json"])) == 0
    out = capsys.readouterr().out
    assert out.count("\n") == 1
    scores = json.loads(out)
    assert list(scores) == SCORE_KEYS
    assert scores["d_gold"] == 16 and scores["d_tp_exact"] == 12
    assert out == json.dumps(score([HARBOUR_DOC, D01], {
        "harbour": {"id": "harbour", "quotes": harbour_predictions()},
        "d01": {"id": "d01", "quotes": d01_predictions()}})[0]) + "\n"


def test_run_json_by_doc(files: tuple[Path, Path], capsys: pytest.CaptureFixture[str]) -> None:
    gold, predicted = files
    assert evaluate.run(parse([str(gold), "--pred", str(predicted), "--json", "--by-doc"])) == 0
    lines = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert [line.get("id") for line in lines] == ["harbour", "d01", None]
    assert lines[0]["exact"] == 6 and list(lines[-1]) == SCORE_KEYS


def test_run_table(files: tuple[Path, Path], capsys: pytest.CaptureFixture[str]) -> None:
    gold, predicted = files
    assert evaluate.run(parse([str(gold), "--pred", str(predicted)])) == 0
    out = capsys.readouterr().out
    rows = {line[:26].strip(): line[26:].split() for line in out.splitlines()}
    # 12 exact of 17 predicted and 16 gold
    assert rows["direct, exact span"] == ["0.7059", "0.7500", "0.7273"]
    assert rows["speaker accuracy"][0] == "0.7143"  # 10 of 14
    assert "direct track: 16 gold, 17 predicted, 12 exact, 14 overlap" in out
    assert "missed:" not in out  # no --by-doc


def test_run_by_doc(files: tuple[Path, Path], capsys: pytest.CaptureFixture[str]) -> None:
    gold, predicted = files
    assert evaluate.run(parse([str(gold), "--pred", str(predicted), "--by-doc"])) == 0
    blocks = capsys.readouterr().out.split("\n\n")
    harbour = blocks[0].splitlines()
    assert harbour[0] == "harbour: 7 gold, 9 predicted, 6 exact, 7 overlap, 5 speaker right"
    assert harbour[1].startswith('  missed: "It will change the town" (')
    start, end = at(HARBOUR, "It will change")
    assert harbour[1].endswith(f'predicted span "It will change" ({start}-{end})')
    assert harbour[3].startswith('  wrong speaker: "My father told me ‘never build on sand’')
    assert harbour[3].endswith(": gold Ruiz; predicted Tom Hale")
    assert blocks[1].startswith("d01: 9 gold, 8 predicted, 6 exact, 7 overlap, 5 speaker right")


def test_run_reports_a_bad_line(tmp_path: Path, files: tuple[Path, Path],
                                capsys: pytest.CaptureFixture[str]) -> None:
    gold, _ = files
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"id": "harbour", "quotes": []}\n{"id": "d01", "quotes": [}\n')
    assert evaluate.run(parse([str(gold), "--pred", str(bad)])) == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    assert f"{bad}:2: not valid JSON" in captured.err


def test_run_reports_a_missing_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    missing = tmp_path / "missing.jsonl"
    assert evaluate.run(parse([str(missing)])) == 2
    assert f"{missing}: cannot read it" in capsys.readouterr().err


def test_run_with_the_extractor(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    text = "“We are ready,” said Ann Bell."
    gold = write_jsonl(tmp_path / "g.jsonl", [{"id": "a", "text": text, "quotes": [
        {"start": 1, "end": 14, "kind": "direct", "speaker": "Ann Bell"}]}])
    assert evaluate.run(parse([str(gold), "--json"])) == 0
    scores = json.loads(capsys.readouterr().out)
    assert (scores["d_gold"], scores["d_pred"], scores["d_tp_exact"]) == (1, 1, 1)
