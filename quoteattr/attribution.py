"""Attribution: give each quote its speaker by a sieve of small, named rules.

Following the sieve of Muzny et al. (2017, "A Two-stage Sieve Approach for Quote Attribution"),
the rules are tried in order of measured precision and the first that finds a speaker decides;
each rule is one function, and its name is what ``speaker.resolved_by`` reports:

``transcript_label``
    ``"WALLACE: …"`` — a transcript's capitalised label names the speaker.
``cue_after``
    ``"…," X said.`` / ``"…," said X, the chief executive.`` / ``"…," X, who runs a bakery,
    told reporters.`` — a cue in the same sentence right after the quote; its subject (before
    the cue) or, failing that, the mention right after it.
``cue_before``
    ``X said: "…"`` / ``X said, "…"`` / ``According to X, "…"`` and partial quotes inside
    reported speech (``sources said that Mr Li showed a "readiness to engage"``): the last cue
    of the sentence before the quote, and the mention nearest before it.
``continuation``
    A later quote in the same paragraph with no cue of its own (``"Nobody asked us," he said.
    "Not once."``) takes the speaker of the quote before it; so does a quote that opens a
    paragraph right after a paragraph ending in an attributed quote.
``preceding_sentence``
    ``Mr Lloyd was unmoved. "Fair? It is a pay cut."`` — the subject of the sentence just
    before a quote that has no cue.

A pronoun found by a rule is resolved to the most recent compatible person before it (gender
from titles, first names, gendered roles and pronouns already tied to a name; subjects preferred
over other mentions; ``pronoun`` is appended to ``resolved_by``). When no rule finds a speaker,
or a pronoun has no antecedent, the speaker is ``None`` and ``Quote.unresolved`` says why: a wrong
speaker is worse than none.
"""

from __future__ import annotations

import bisect
import sys
from array import array
from collections import Counter
from collections.abc import Callable, Sequence
from operator import attrgetter, itemgetter

from attrs import evolve

from . import lexicon
from .clauses import (
    Context,
    Found,
    SpanTable,
    clause_end,
    first_cue,
    first_mention_between,
    last_cue,
    mentions_between,
    new_found,
    paragraph_index,
    phrase_mention,
    quote_at,
    sentence_break,
    speaker_of_tail,
    start_of_sentence,
    subject_of,
)
from .cues import CueWord, find_cues
from .layout import Paragraph
from .mentions import Mention, find_mentions
from .model import Attribution, Cue, Quote, Span, Speaker
from .patterns import (
    APPOSITION_LEAD,
    CREDIT_LEAD,
    CREDITED_NAME,
    GENDERED_PRONOUN,
    INTRODUCTORY,
    INTRODUCTORY_TAIL,
    JOINED_CLAUSE,
    SOURCE_PHRASE,
    SPEAKER_LABEL,
    tail_rules_out_introductory,
)
from .quotes import QuoteDraft, headline_at
from .reported import find_reported, quoted_words_content, verb_after_subject
from .speakers import Clusters, Entity, clustered

# How far from a quote a cue may stand and still govern it (characters).
_CUE_REACH_AFTER = 160
_CUE_REACH_BEFORE = 300
_SUBORDINATORS = frozenset(
    "after against although because before if though unless until when whereas where which while"
    .split()
)
_DETERMINERS = frozenset({"the", "a", "an", "this", "that", "its", "his", "her", "their"})

# Statements someone issues, whose quotes a reader credits to the issuer ("the statement
# added" after "the council said in a statement"); a letter, report or article is cited as
# itself.
_ISSUED_NOUNS = frozenset({"statement", "statements", "release", "announcement"})

#: Each rule's precision, used as the speaker's share of a quote's confidence: the fraction of
#: its attributions that were right on the PolNeAR training split plus the hand-made dev set,
#: measured by ``python scripts/calibrate_rules.py`` (pronoun resolution included; resolving
#: a pronoun did not lower a rule's precision, so it costs no confidence). Two rules fired
#: too rarely there to measure and keep a cautious figure, ``transcript_label`` (0 of 4 on
#: train, 10 of 10 on PolNeAR dev) and ``credit_line`` (4 of 4); ``headline``, right 45 times
#: of 45, is capped at 0.95. The reported-speech frames are measured the same way: the share
#: of their matched reports whose speaker is right (``_REPORT_CONFIDENCE`` stands for whether
#: the report itself is one a reader would mark).
RULE_PRECISION = {
    "headline": 0.95,
    "closing_cue": 0.95,
    "transcript_label": 0.7,
    "credit_line": 0.95,
    "cue_after": 0.97,
    "cue_before": 0.87,
    "continuation": 0.96,
    "preceding_sentence": 0.75,
    "sentence_subject": 0.7,
    "inside_reported_speech": 0.73,
    "according_to": 0.96,
    "reported_after": 0.97,
    "reported_clause": 0.94,
    "belief_clause": 0.9,
    "object_stance": 0.92,
    "claim_noun": 0.43,
    "reported_participle": 0.91,
    "headline_colon": 0.98,
    "quoted_words": 0.83,
}


# How often a reported clause we find is one a reader would mark (the indirect track's
# precision on PolNeAR train and dev and the hand-made dev set lies between 0.81 and 0.88).
_REPORT_CONFIDENCE = 0.85
# The rules whose partial quotes may show a report around them (see _quoted_word_reports).
_QUOTED_WORDS_RULES = frozenset({"cue_before", "cue_after", "closing_cue"})
# Without a cue: the partial's speaker opens its sentence, and the verb after it is the cue.
_QUOTED_WORDS_SUBJECT_RULES = frozenset({"sentence_subject"})
_OPENERS = "\"'\u201c\u2018\u00ab"
_FEMININE = frozenset({"she", "her", "hers", "herself"})
_CLOSING_MARKS = ('"', "'", ",", "\u201d", "\u2019", "\u00bb")
_FIRST_PERSON = frozenset({"i", "we", "me", "us"})
# The characters that may follow a quote's closing mark and its white space in a credit line
# (CREDIT_LEAD's dashes and colon; a test holds this to the pattern).
_CREDIT_MARKS = frozenset("\N{EM DASH}\N{EN DASH}\N{HORIZONTAL BAR}-:")
# SPEAKER_LABEL's shortest match: a capital, one more label character, the colon, a space.
_SHORTEST_LABEL = 4
Rule = Callable[[Context, int, list["Found | None"]], "Found | None"]
# Quotes in text order: ``(start, end)``, read in C rather than by a lambda per quote.
_SPAN_ORDER = attrgetter("start", "end")
_START = attrgetter("start")
_END = attrgetter("end")


def attribute(
    text: str,
    quotes: list[QuoteDraft],
    paras: tuple[Paragraph, ...],
    sentence_spans: Sequence[tuple[int, int]],
    *,
    resolve_pronouns: bool = True,
    reported_speech: bool = True,
) -> tuple[tuple[Quote, ...], tuple[Speaker, ...]]:
    """Give every quote its speaker and cue, find reported speech, and name the speakers.

    Args:
        text: The article.
        quotes: Detected quotes in text order, as :func:`quoteattr.quotes.build_quotes` drafts
            them. The list is emptied: each draft is let go as its quote is made.
        paras: The article's paragraphs.
        sentence_spans: Its sentences, from :func:`quoteattr.layout.sentences`.
        resolve_pronouns: Resolve pronoun speakers to an earlier name; else leave them ``None``.
        reported_speech: Also find reported speech without marks (kinds ``indirect`` and
            ``mixed``, see :mod:`quoteattr.reported`).

    Returns:
        The quotes in text order (interrupted quotes joined into one, speakers filled in,
        reported speech added) and the speakers.

    >>> from quoteattr import extract
    >>> article = extract('Ms Ada Obi spoke first. "We have listened," she said.')
    >>> [(q.speaker.name, q.speaker.resolved_by) for q in article.quotes]
    [('Ada Obi', 'cue_after+pronoun')]
    """
    if not quotes and not reported_speech:
        return (), ()
    # The sentences are read to the end, mostly in one pass: a compact table (``SpanTable``)
    # instead of megabytes of pairs on a long article. Their starts, read by bisection again and
    # again, stay a tuple (an array's item is a new int object at each read) of the ints the
    # sentences had, most of them their paragraph's start.
    sentence_table = SpanTable(sentence_spans)
    sentence_starts = tuple(map(itemgetter(0), sentence_spans))
    del sentence_spans
    # The quotes' spans with their marks stay pairs: reported speech bisects them, and reading
    # pairs out of a table through Python code made the whole extraction 2 % slower.
    outer = _outer_spans(text, quotes)
    mentions = find_mentions(text, outer)
    # A word of saying inside a name or description is part of it: "Press Secretary Josh
    # Earnest", "a spokeswoman for Carrick Rail".
    # Each cue is looked up among the mentions (sorted, disjoint) by bisection on their starts
    # (the rules' own): the last mention starting at or before the cue holds it if it ends
    # after it. Only a name or description can: a pronoun is one word, never a cue's or part of
    # one (a test holds the cue finder to this), so the pronouns need not be taken out first.
    mention_starts = tuple(map(_START, mentions))
    mention_ends = tuple(map(_END, mentions))
    cues = tuple(
        [
            cue
            for cue in find_cues(text, outer)
            if (at := bisect.bisect_right(mention_starts, cue.start) - 1) < 0
            or mention_ends[at] <= cue.start
        ]
    )
    del mention_ends  # not needed again; on a long article it is megabytes
    if not quotes and not cues and not mentions:
        return (), ()  # nobody to quote or report: beliefs and findings need a source too
    clusters = clustered(text, mentions)
    para_of, region_ends = _quote_places(quotes, outer, paras)
    context = Context(
        text=text,
        quotes=quotes,
        outer=outer,
        paras=paras,
        para_of=para_of,
        cues=cues,
        mentions=mentions,
        sentence_starts=sentence_starts,
        mention_starts=mention_starts,
        cue_starts=tuple(map(_START, cues)),
        region_ends=region_ends,
        first_name_of=clusters.first_name_of,
    )
    found: list[Found | None] = []
    rules_used: list[str] = []
    for index, quote in enumerate(quotes):
        result, rule_name = None, ""
        if quote.kind in ("direct", "partial"):
            for rule in _RULES if quote.kind == "direct" else _RULES_IN_REPORTED_SPEECH:
                result = rule(context, index, found)
                if result is not None:
                    rule_name = _RULE_NAMES[rule]
                    break
        found.append(result)
        rules_used.append(rule_name)
    resolver = _PronounResolver(
        text,
        mentions,
        clusters,
        resolve_pronouns,
        context.sentence_starts,
        context.cue_starts,
        cues,
    )
    resolver.interviewee = _interviewee(
        paras, text, mentions, clusters.types, clusters.entity_of
    )
    del clusters  # the resolver keeps what it needs, and its own ``entity_of``
    attributed = []
    # Each draft and each finding is let go once used, so they shrink as the quotes made of
    # them grow: on a long article each is megabytes, and the peak would come here, with both
    # held. The drafts are taken off the end of the list, turned round to keep text order
    # (no rule reads them again: ``context.quotes`` is the same list).
    # An interrupted quote is joined on its drafts (``_interrupts``), before it is built: each
    # quote is made once, by ``finished``, from the last draft held back (``held``) with what
    # attribution found for it (``held_finding``: speaker, cue, confidence, unresolved).
    quotes.reverse()
    held: QuoteDraft | None = None
    held_finding: tuple[Attribution | None, Cue | None, float, str | None] = (None, None, 0, None)
    last_outer = (-1, -1)
    for index in range(len(quotes)):
        quote = quotes.pop()
        result, found[index] = found[index], None
        if result is None:
            reason = (
                "quoted title or scare quote: not speech"
                if quote.kind in ("title", "scare")
                else "no cue or speaker within reach"
            )
            finding: tuple[Attribution | None, Cue | None, float, str | None] = (
                None,
                None,
                quote.confidence,
                reason,
            )
        else:
            finding = _attribution(result, rules_used[index], resolver, quote.confidence)
        # A quote goes on the one held only if both have one speaker and the held one has a
        # cue (whose clause interrupts them): tested here, where the findings are at hand,
        # before ``_interrupts`` reads the text. About half the quotes of a quote-dense
        # article have no speaker, and most of the rest another's or none before them.
        speaker, held_speaker, held_cue = finding[0], held_finding[0], held_finding[1]
        if (
            held is not None
            and speaker is not None
            and held_cue is not None
            and held_speaker is not None
            and held_speaker.id == speaker.id
            and _interrupts(text, held, held_cue, quote, last_outer, outer[index])
        ):
            # The joined draft's text is the two texts with one space between, as
            # ``parts_text`` joins the parts; the rest of the quote is the first's.
            held = QuoteDraft(
                held.parts + quote.parts,
                held.kind,
                (held.marks[0], quote.marks[1]),
                held.confidence,
                held.nested + quote.nested,
            )
        else:
            if held is not None:
                attributed.append(held.finished(*held_finding))
            held, held_finding = quote, finding
        last_outer = outer[index]
    if held is not None:
        attributed.append(held.finished(*held_finding))
    # Each large table below is let go as soon as no later step reads it: on a long article each
    # is megabytes, and the peak comes late, when the reports and the speakers are built on top
    # of everything still held.
    del found, rules_used, held, held_finding
    joined = tuple(attributed)
    del attributed, outer
    if reported_speech:
        # Last first, so that each report is let go (``pop``) as its quote is made.
        pending = list(reversed(find_reported(context, sentence_table)))
        del context, cues  # read by the reported-speech frames only
        starts = [quote.start for quote in joined]
        kept = []
        while pending:
            report = pending.pop()
            touched = _touching(joined, starts, report.start, report.end)
            # A reported clause holds whole quotes or none: an interrupted quote spans its cue.
            # (Most reports touch no quote: the tests below are skipped, with their generators.)
            if touched and any(q.start < report.start or q.end > report.end for q in touched):
                continue
            # Mixed when it holds the speaker's words; a scare quote or a title is the writer's.
            holds = bool(touched) and any(q.kind not in ("scare", "title") for q in touched)
            # The report's quote is built only once it has a speaker: most reports do not.
            speaker, cue, confidence, _ = _attribution(
                report.found, report.rule, resolver, _REPORT_CONFIDENCE
            )
            # A speaker whose mention lies in the reported words is a misreading, whichever
            # frame made it: the output promises a speaker outside the words quoted, and no
            # speaker is better than a wrong one. (The frames are held to it one by one, by
            # the hostile tests; this keeps the promise for any they have not met.)
            if speaker is not None and (speaker.end <= report.start or speaker.start >= report.end):
                kept.append(
                    _report_quote(
                        text,
                        report.start,
                        report.end,
                        holds_quote=holds,
                        confidence=confidence,
                        speaker=speaker,
                        cue=cue,
                    )
                )
        kept = sorted(
            (*kept, *_quoted_word_reports(text, joined, starts, kept, sentence_table)),
            key=_SPAN_ORDER,
        )
        joined = tuple(sorted((*_inside_reports(joined, starts, kept), *kept), key=_SPAN_ORDER))
    del sentence_table
    return joined, resolver.speakers(joined)


def _interviewee(
    paras: tuple[Paragraph, ...],
    text: str,
    mentions: tuple[Mention, ...],
    types: Sequence[str],
    entity_of: tuple[int, ...],
) -> int:
    """In a question-and-answer interview, the person interviewed: the one person the first
    paragraph to name anyone names (the headline, or the standfirst under a headline that names
    no one), if the article names them again, else the person named most often among those
    named before the questions start. ``-1`` for any other article.

    An interview shows itself by its questions: paragraphs opening with ``Q:`` or short
    paragraphs that are one question, at least three of them, with an answer after the first.
    Its opening runs up to and including the first question. Counting the opening from the
    first question, not as the first three paragraphs, keeps the interviewee when a paragraph
    that names no one is put before the article (a kicker, a line of furniture, a prefix).
    """
    questions = [
        index
        # (Each paragraph unpacked once: the interpreter does not specialise a read of a named
        # tuple's field, and every paragraph of every article is read here.)
        for index, (start, end, _) in enumerate(paras)
        # (A paragraph not opening with "Q" is spared the look for "Q:", "Q." and "Q ".)
        if (text[start : start + 1] == "Q" and text.startswith(("Q:", "Q.", "Q "), start))
        or (end - start < 120 and text[end - 1] == "?" and text[start] not in _OPENERS)
    ]
    answers = len(paras) - questions[0] - len(questions) if questions else 0
    if len(questions) < 3 or answers < 1:
        return -1
    opening_end = paras[questions[0]].end
    # How often each entity is named, counted in C; only the people's counts are read.
    counts = Counter(entity_of)
    # The mentions are in text order: those of the opening are the first few, read alone.
    named_early = [
        (mentions[index].start, entity_of[index])
        for index in range(bisect.bisect_left(mentions, opening_end, key=_START))
        if entity_of[index] >= 0 and types[entity_of[index]] == "person"
    ]
    if not named_early:
        return -1
    first_naming = paras[paragraph_index(paras, named_early[0][0])]
    in_first = {entity for start, entity in named_early if start < first_naming.end}
    # Named again, unlike the reporter of a byline ("By Jane Smith") that names no one else.
    if len(in_first) == 1 and counts[next(iter(in_first))] > 1:
        return in_first.pop()  # "Q&A: Chess champion Darnell Achebe-Ross on nerves"
    return max(sorted({entity for _, entity in named_early}), key=lambda entity: counts[entity])


def _attribution(
    result: Found, rule: str, resolver: _PronounResolver, confidence: float
) -> tuple[Attribution | None, Cue | None, float, str | None]:
    """What a rule's finding gives a quote of confidence ``confidence`` (its draft's, or a
    report's): its ``(speaker, cue, confidence, unresolved)``."""
    # Each record is unpacked once rather than read field by field: the interpreter does not
    # specialise a read of a named tuple's field (a descriptor call each time).
    mention_index, cue_word, phrase, phrase_type = result
    entity: Entity | None
    if phrase is not None:
        mention = phrase
        entity, how = resolver.phrase_entity(mention, phrase_type), "phrase"
    elif mention_index < 0:
        return None, None, confidence, "the rule found no mention to rest on"
    else:
        mention = resolver.mentions[mention_index]
        entity, how = resolver.entity(mention_index)
    cue = None
    if cue_word is not None:
        cue_start, cue_end, cue_text, _, _ = cue_word
        cue = Cue(cue_text, cue_start, cue_end)
    if entity is None:
        return None, cue, confidence, how
    # (A rule's name is already one shared string: only a resolved pronoun makes a new one.)
    resolved_by = rule
    if how == "pronoun":
        resolved_by = rule + "+pronoun"
        resolved_by = resolver.rule_names.setdefault(resolved_by, resolved_by)
    confidence *= RULE_PRECISION[rule]
    entity_id, name, speaker_type, _, _ = entity
    start, end = mention.start, mention.end
    written = resolver.text[start:end]
    # Positional, like ``QuoteDraft.finished``'s call: a class called with keywords has them
    # packed into a dict and unpacked again for its ``__init__``.
    speaker = Attribution(entity_id, name, speaker_type, written, start, end, resolved_by)
    return speaker, cue, resolver.confidences.setdefault(confidence, confidence), None


def _touching(quotes: Sequence[Quote], starts: list[int], start: int, end: int) -> list[Quote]:
    """The quotes (sorted, disjoint, their ``starts`` given) that overlap ``[start, end)``."""
    index = bisect.bisect_right(starts, start) - 1
    if index < 0:
        index = 0
    found = []
    while index < len(quotes) and quotes[index].start < end:
        if quotes[index].end > start:
            found.append(quotes[index])
        index += 1
    return found


def _inside_reports(
    quotes: tuple[Quote, ...], starts: list[int], reports: list[Quote]
) -> list[Quote]:
    """Partial quotes inside reported speech take its speaker: in ``sources said that Mr Li
    showed a "readiness to engage"`` the quoted words are the sources' words.

    A partial quote's report is the last mixed report (``reports`` sorted) starting at or before
    it, if that report holds its start. The quotes (sorted, disjoint, their ``starts`` given) a
    report is the last for start before the next mixed report: each report's are found by
    bisection and only they are read, not every quote of the article.
    """
    mixed = [report for report in reports if report.kind == "mixed"]
    result = list(quotes)
    for at, holder in enumerate(mixed):
        if holder.speaker is None:
            continue
        end = holder.end
        if at + 1 < len(mixed) and mixed[at + 1].start < end:
            end = mixed[at + 1].start
        index = bisect.bisect_left(starts, holder.start)
        while index < len(quotes) and quotes[index].start < end:
            quote = quotes[index]
            if quote.kind == "partial" and (
                quote.speaker is None or quote.speaker.id != holder.speaker.id
            ):
                speaker = evolve(holder.speaker, resolved_by="inside_reported_speech")
                result[index] = evolve(quote, speaker=speaker, cue=holder.cue, unresolved=None)
            index += 1
    return result


def _quoted_word_reports(
    text: str,
    quotes: tuple[Quote, ...],
    starts: list[int],
    reports: list[Quote],
    sentence_spans: SpanTable,
) -> list[Quote]:
    """Reports that quoted words show: in ``X called the plan a "costly mistake"`` the partial
    quote is X's and so is the claim around it (kind ``mixed``, the partial's speaker and cue).

    Only where the partial's cue stands in its sentence (or, for ``sentence_subject``, the
    verb right after the subject that opens it), and where the report would not overlap one
    the frames found; partials of the same speaker in one sentence share one report.
    ``quotes`` are the article's quotes in text order, ``starts`` their starts (the caller's,
    read again here).
    """
    sentence_starts = sentence_spans.starts
    covered = sorted(reports, key=_SPAN_ORDER)
    covered_starts = [report.start for report in covered]
    used: set[tuple[int, int]] = set()
    result: list[Quote] = []
    index = 0
    while index < len(quotes):
        quote = quotes[index]
        index += 1
        speaker, cue = quote.speaker, quote.cue
        if quote.kind != "partial" or speaker is None:
            continue
        at = bisect.bisect_right(sentence_starts, quote.start) - 1
        if at < 0:
            continue
        sentence = sentence_spans[at]
        rule = speaker.resolved_by.split("+")[0]
        if cue is not None and rule in _QUOTED_WORDS_RULES:
            verb: tuple[int, int] | None = (cue.start, cue.end)
        elif cue is None and rule in _QUOTED_WORDS_SUBJECT_RULES and speaker.start >= sentence[0]:
            verb = verb_after_subject(text, speaker.end, quote.start)
        else:
            continue
        if verb is None or sentence in used:
            continue
        last = quote
        while (
            index < len(quotes)
            and quotes[index].start < sentence[1]
            and quotes[index].kind == "partial"
            and quotes[index].speaker is not None
            and quotes[index].speaker.id == speaker.id  # type: ignore[union-attr]
            and not _touching(covered, covered_starts, quotes[index].start, quotes[index].end)
        ):
            last = quotes[index]
            index += 1
        if _touching(covered, covered_starts, quote.start, quote.end):
            # Every span ``quoted_words_content`` gives holds the quoted words (it runs from
            # before the opening mark to the closing mark or on), so a report that overlaps
            # them overlaps any span: the test below would reject it. Most often the frames
            # already made a mixed report of this sentence: it is not read twice for nothing.
            continue
        first, closing = quote.start - len(quote.marks[0]), last.end + len(last.marks[1])
        span = quoted_words_content(text, sentence, verb, first, closing)
        if span is not None and _touching(covered, covered_starts, *span):
            # "X called A "Y" and called for B": up to the mark, before the other report.
            span = quoted_words_content(text, sentence, verb, first, closing, to_sentence_end=False)
        if (
            span is None
            or _touching(covered, covered_starts, *span)
            or span[0] < speaker.end <= span[1]
            or any(
                other.start < span[0] or other.end > span[1]
                for other in _touching(quotes, starts, *span)
            )
        ):
            continue  # one report a sentence, holding whole quotes but not its own speaker
        used.add(sentence)
        precision = RULE_PRECISION["quoted_words"]
        result.append(
            _report_quote(
                text,
                *span,
                holds_quote=True,
                confidence=_REPORT_CONFIDENCE * precision,
                speaker=evolve(
                    speaker,
                    resolved_by="quoted_words" + ("+pronoun" if "+" in speaker.resolved_by else ""),
                ),
                cue=cue,
            )
        )
    return result


def _report_quote(
    text: str,
    start: int,
    end: int,
    *,
    holds_quote: bool,
    confidence: float = _REPORT_CONFIDENCE,
    speaker: Attribution | None = None,
    cue: Cue | None = None,
) -> Quote:
    """Reported speech ``text[start:end]`` as a quote: ``mixed`` when quoted words stand
    inside it."""
    return Quote.from_parts(
        (Span(start, end, text[start:end]),),
        kind="mixed" if holds_quote else "indirect",
        marks=("", ""),
        confidence=confidence,
        speaker=speaker,
        cue=cue,
    )


# --- the rules, in order -------------------------------------------------------------------


def _transcript_label(context: Context, index: int, found: list[Found | None]) -> Found | None:
    quote = context.quotes[index]
    open_end = context.outer[index][0]
    # The label would lie between the opening mark and the quoted words, and it is four
    # characters at least ("AB: "): most quotes start right after their mark, with no room for
    # one, and are spared the match.
    if quote.start - open_end < _SHORTEST_LABEL:
        return None
    label = SPEAKER_LABEL.match(context.text, open_end + 1, quote.start + 1, False)
    if label is None:
        return None
    name = label.group().rstrip(": \t").lower()
    # The first name mention whose head is a word of the label, if it comes before the quote.
    first = context.first_name_of
    positions = [first[word] for word in name.split() if word in first]
    if positions and context.mentions[min(positions)].start < open_end:
        return new_found((min(positions), None, None, "unknown"))
    # Nobody of that name was mentioned: the label itself names the speaker.
    written = label.group().rstrip(": \t")
    label_end = label.start() + len(written)
    return new_found((-1, None, phrase_mention(label.start(), label_end, written), "person"))


def _cue_after(context: Context, index: int, found: list[Found | None]) -> Found | None:
    text = context.text
    start = context.outer[index][1]
    limit = context.region_ends[index]
    if start >= limit:
        return None
    reach = start + _CUE_REACH_AFTER if start + _CUE_REACH_AFTER < limit else limit
    cue = first_cue(context, start, reach)
    if cue is None:
        return None
    between = text[start : cue.start].lstrip()
    # The cue must follow in the same sentence: `"…," she said` but not `"…." She left.`
    # What leads after the quote is the first character of ``between``, or with nothing before
    # the cue the cue's own (a letter: no white space to skip).
    lead = between[:1] or text[cue.start : cue.start + 1]
    quote_end = context.quotes[index].end
    last_char = text[quote_end - 1 : quote_end]
    if lead.isupper() and last_char in ".!?":
        # `"…?" Graham asked.` and `"…!" said Ms Obi`, but a full stop ends the sentence:
        # `"…." The PM added that …` starts a new one, and so does `I said, "…?" He laughed.`
        if last_char == "." or len(between.split()) > 4:
            return None
        if _introduced(context, index):
            return None
    elif sentence_break(context, start, cue.start):
        return None
    # Only the first word counts: split off alone, it opens what is left once the white
    # space before it is stripped (``split`` and ``lstrip`` read the same white space).
    first_word = between.split(None, 1)[:1]
    if (
        first_word
        and first_word[0].strip(",;:") in _SUBORDINATORS
        and "," not in between[len(first_word[0]) :]
    ):
        # `"…" against what the campaign sees`, `"…," when Ms Obi said`: the sentence goes
        # on with a clause of its own, not the quote's cue (but `"…" before the vote, she said`).
        return None
    if context.quotes[index].kind == "partial" and JOINED_CLAUSE.search(
        text, start, cue.start, False
    ):
        # `X accused the board of "ducking it" on fares, and Ines Varga called …`: a partial
        # quote's words belong to its own clause, not to a cue in the clause joined after it.
        return None
    before = mentions_between(context, start, cue.start)
    # (The inverted subject is looked for only where it can decide: most cues after a quote
    # have their subject before them with no comma between, `"…," she said`.)
    if before:
        if "," in text[context.mentions[before[-1]].end : cue.start]:
            inverted = _inverted_subject(context, cue)
            if inverted is not None:
                # `"…" for Clinton, said Kunin.`
                return new_found((inverted, cue, None, "unknown"))
        return new_found((subject_of(context, before, cue.start), cue, None, "unknown"))
    inverted = _inverted_subject(context, cue)
    if inverted is not None:
        return new_found((inverted, cue, None, "unknown"))  # `Ms Obi is "…," said Mr Sperling.`
    if not text[start : cue.start].strip(" ,\N{EM DASH}"):
        # `X, who ran on a promise to "…", said`: the quote sits inside the subject's clause.
        sentence_start = start_of_sentence(
            context, context.paras[context.para_of[index]].start, context.outer[index][0]
        )
        leading = mentions_between(context, sentence_start, context.outer[index][0])
        if leading and context.mentions[leading[0]].start - sentence_start <= 4:
            return new_found((leading[0], cue, None, "unknown"))
    clause_stop = clause_end(context, cue.end, limit)
    after = mentions_between(context, cue.end, clause_stop)
    if after:
        return new_found((after[0], cue, None, "unknown"))
    # A source the mention finder does not know: "…," the book said. / "…," said the ruling.
    noun_phrase = SOURCE_PHRASE.search(text, start, cue.start, False)
    if noun_phrase is not None and noun_phrase.end() != cue.start:
        noun_phrase = None
    if noun_phrase is None:
        noun_phrase = SOURCE_PHRASE.match(text, cue.end, clause_stop, False)
        if noun_phrase is not None and text[noun_phrase.end() : clause_stop].strip(" .,;:!?"):
            noun_phrase = None  # "said the vote was …": a clause, not a source
    if noun_phrase is None:
        return None
    words = noun_phrase.group("phrase")
    begin = noun_phrase.start("phrase")
    if words.split()[-1].lower() in lexicon.speech_nouns():
        # "the statement added": whoever made the statement, if the article said so.
        author = _author_of(context, index, words.split()[-1].lower(), found)
        if author is not None:
            return new_found((author.mention, cue, author.phrase, author.phrase_type))
    return new_found((-1, cue, phrase_mention(begin, begin + len(words), words), "unknown"))


def _introduced(context: Context, index: int) -> bool:
    """Whether a cue clause introduces the quote right before its opening mark (``I said,``)."""
    opening = context.outer[index][0]
    para_start = context.paras[context.para_of[index]].start
    sentence_start = start_of_sentence(context, para_start, opening)
    cue = last_cue(context, sentence_start, opening)
    return cue is not None and context.text[cue.end : opening].strip() in (",", ":")


def _inverted_subject(context: Context, cue: CueWord) -> int | None:
    """The mention right after a cue that inverts its subject: ``said Mr Sperling``."""
    if lexicon.speech_verbs().get(cue.text.lower()) in ("tell", "inform", "assure", "remind"):
        return None  # `told The Huffington Post`: the listener follows, not the speaker
    at = bisect.bisect_left(context.mention_starts, cue.end)
    if at >= len(context.mentions):
        return None
    mention = context.mentions[at]
    if context.text[cue.end : mention.start].strip() or mention.kind == "pronoun":
        return None
    return at


def _author_of(context: Context, index: int, noun: str, found: list[Found | None]) -> Found | None:
    """Who made ``the statement`` a quote cites: the subject of the last ``in a statement``
    cue before it, else the speaker of the quote just before it."""
    position = context.outer[index][0]
    cues = context.cues
    at = bisect.bisect_left(context.cue_starts, position)  # the cues before the quote: [0, at)
    while at:
        at -= 1
        cue = cues[at]
        if position - cue.start > 2000:
            break
        if cue.kind == "phrase" and noun in cue.text.lower().split():
            sentence_start = start_of_sentence(context, 0, cue.start)
            owners = mentions_between(context, sentence_start, cue.start)
            if not owners:
                next_break = clause_end(context, cue.end, position)
                owners = mentions_between(context, cue.end, next_break)
                return new_found((owners[0], cue, None, "unknown")) if owners else None
            return new_found((subject_of(context, owners, cue.start), cue, None, "unknown"))
    if noun not in _ISSUED_NOUNS:
        return None  # "the letter reads": a document is its own source
    previous = found[index - 1] if index > 0 else None
    if previous is not None and context.para_of[index] - context.para_of[index - 1] <= 1:
        return previous
    return None


def _cue_before(context: Context, index: int, found: list[Found | None]) -> Found | None:
    text = context.text
    end = context.outer[index][0]
    para_index = context.para_of[index]
    para_start = context.paras[para_index].start
    floor = end - _CUE_REACH_BEFORE if end - _CUE_REACH_BEFORE > para_start else para_start
    if end == para_start and para_index > 0:
        # `The Times reports:` then the quote as a paragraph of its own.
        previous = context.paras[para_index - 1]
        if previous.furniture or not text[previous.start : previous.end].endswith(":"):
            return None
        if index > 0 and context.outer[index - 1][1] > previous.start:
            return None
        floor, end = previous.start, previous.end
        sentence_start = start_of_sentence(context, floor, end - 1)
    else:
        sentence_start = start_of_sentence(context, floor, end)
    cue = last_cue(context, sentence_start, end)
    # (Before the text's third character there is no room for "to ".)
    while cue is not None and cue.start >= 3 and text[cue.start - 3 : cue.start].lower() == "to ":
        # "too early to tell whether": the infinitive hangs off an earlier reporting verb.
        earlier = last_cue(context, sentence_start, cue.start)
        if earlier is None:
            break
        cue = earlier
    if cue is None:
        # No verb of saying, but a colon introduces the quote: "Dr Kolk put it simply: '…'".
        if text[floor:end].rstrip().endswith(":"):
            before = mentions_between(context, sentence_start, end)
            if before:
                lead = text[sentence_start : context.mentions[before[0]].start]
                # "Dr Kolk put it simply:", "One of its authors, Dr Kolk, put it simply:"
                if len(lead) <= 12 or (lead.rstrip().endswith(",") and len(lead.split()) <= 6):
                    return new_found((subject_of(context, before, end), None, None, "unknown"))
        return None
    source = _as_source(context, sentence_start, cue)
    if source is None and cue.kind == "phrase":
        earlier = last_cue(context, sentence_start, cue.start)
        if earlier is not None:
            # `as X called them in an article,`
            source = _as_source(context, sentence_start, earlier)
            if source is not None:
                cue = earlier
    if source is not None:
        return source
    before = mentions_between(context, sentence_start, cue.start)
    if before:
        subject = subject_of(context, before, cue.start)
        if context.mentions[subject].kind == "pronoun":
            outer = _reporting_subject(context, sentence_start, subject)
            if outer is not None:
                return outer
        return new_found((subject, cue, None, "unknown"))
    phrase = _source_before(context, sentence_start, cue)
    if phrase is not None:
        return phrase
    after = mentions_between(context, cue.end, end)
    if after:
        return new_found((after[0], cue, None, "unknown"))
    return None


def _source_before(context: Context, sentence_start: int, cue: CueWord) -> Found | None:
    """A source the mention finder does not know, as the cue's subject: ``the announcer said``,
    ``The clip says``; it must open the clause."""
    text = context.text
    window_start = cue.start - 40 if cue.start - 40 > sentence_start else sentence_start
    words = _words(text, window_start, cue.start)[-4:]
    for position, (start, _, word) in enumerate(words):
        if word.lower() not in _DETERMINERS:
            continue
        if SOURCE_PHRASE.fullmatch(text, start, cue.start, False) is None:
            return None
        opening = text[sentence_start:start].rstrip()
        if opening and not opening.endswith(",") and position > 0:
            if words[position - 1][2].lower() not in ("and", "but", "as", "then"):
                return None
        end = words[-1][1]
        return new_found((-1, cue, phrase_mention(start, end, text[start:end]), "unknown"))
    return None


def _as_source(context: Context, sentence_start: int, cue: CueWord) -> Found | None:
    """``as The Daily Courier put it``, ``as Reuters reported``: the capitalised words between
    ``as`` and the cue are its subject, a mention or not."""
    text = context.text
    window_start = cue.start - 50 if cue.start - 50 > sentence_start else sentence_start
    # Most leads hold no "as" before their last word: the words are then not placed.
    if "as" not in map(str.lower, text[window_start : cue.start].split()[-5:-1]):
        return None
    words = _words(text, window_start, cue.start)[-5:]
    for position in range(len(words) - 2, -1, -1):
        if words[position][2].lower() == "as":
            phrase = words[position + 1 :]
            break
    else:
        return None
    if not 1 <= len(phrase) <= 4 or not all(word[2][:1].isupper() for word in phrase):
        return None
    start, end = phrase[0][0], phrase[-1][1]
    known = mentions_between(context, start, end)
    if known:
        return new_found((known[-1], cue, None, "unknown"))
    return new_found((-1, cue, phrase_mention(start, end, text[start:end]), "unknown"))


def _reporting_subject(context: Context, sentence_start: int, pronoun: int) -> Found | None:
    """The subject of the cue that reports the pronoun's clause: ``She said she recalls``."""
    start = context.mentions[pronoun].start
    cue = last_cue(context, sentence_start, start)
    if cue is None:
        return None
    between = context.text[cue.end : start]
    gap = between.lower().split()
    if "," in between or (gap and (gap[-1] != "that" or len(gap) > 4)):
        return None  # `said she`, `said on Sunday that she`; not `indicate, he said,`
    before = mentions_between(context, sentence_start, cue.start)
    if before:
        return new_found((subject_of(context, before, cue.start), cue, None, "unknown"))
    return _source_before(context, sentence_start, cue)  # `The statement noted they had said`


def _closing_cue(context: Context, index: int, found: list[Found | None]) -> Found | None:
    """Quoted words in a sentence closed by a short cue clause belong to its speaker, whatever
    reporting verbs stand before them: ``a top priority "is the tax burden," Mr Kamin said.``"""
    text = context.text
    start = context.outer[index][1]
    stop = context.region_ends[index]
    following = bisect.bisect_right(context.sentence_starts, start)
    if following < len(context.sentence_starts) and context.sentence_starts[following] < stop:
        stop = context.sentence_starts[following]
    lead = start
    while lead < stop and text[lead] in _CLOSING_MARKS:
        lead += 1
    quote_end = context.quotes[index].end
    if "," not in text[quote_end - 1 : lead]:
        # `"…" about the motive, the statement added.`: a short phrase, then the clause.
        comma = text.find(",", lead, stop)
        if comma < 0 or len(text[lead:comma].split()) > 5 or first_cue(context, lead, comma):
            return None  # `"…," Mr Kamin said.` or `"…", Mr Kamin said.`
        lead = comma + 1
    clause = text[lead:stop].rstrip()
    words = clause.lower().split()
    if not clause.endswith((".", "!", "?")) or not words or len(words) > 8:
        return None
    if words[0] in ("and", "but", "while", "when") or words[0].endswith("ing"):
        return None  # `…," blaming Ms Obi.` / `…," and voters cheer.`: another clause
    cue = first_cue(context, lead, stop)
    if cue is None:
        return None
    speaker = speaker_of_tail(context, lead, cue, stop)
    subject = text[lead : cue.start].strip()
    if subject.lower().startswith("as "):
        subject = subject[3:].lstrip()  # `…," as a Home Office memo put it.`
    noun = subject.lower().split()[-1] if subject else ""
    if speaker is None and noun in lexicon.speech_nouns() and subject.lower().startswith("the "):
        author = _author_of(context, index, noun, found)  # `…, the statement added.`
        if author is not None:
            return new_found((author.mention, cue, author.phrase, author.phrase_type))
    words_of_subject = subject.split()
    phrase_like = bool(words_of_subject) and (
        subject[:1].isupper() or words_of_subject[0].lower() in _DETERMINERS
    )
    if speaker is None and phrase_like and len(words_of_subject) <= 5:
        # `…," The Hill reported.`: a source the mention finder does not know.
        start = text.index(subject, lead)
        return new_found((-1, cue, phrase_mention(start, start + len(subject), subject), "unknown"))
    return speaker


def _headline(context: Context, index: int, found: list[Found | None]) -> Found | None:
    """Words quoted in a title-case headline belong to its subject, which capitals hide from
    the mention finder: ``Factcheck: Mayor Is Right About 'Potholes'``, ``Parents Rally To
    'Save Our Library'``, ``Bridge 'Unsafe', Engineer Warns``."""
    text = context.text
    # (Unpacked once: the interpreter does not specialise a read of a named tuple's field.)
    para_start, para_end, _ = context.paras[context.para_of[index]]
    if not headline_at(text, para_start, para_end):
        return None
    quote_start, quote_end = context.outer[index]
    verbs = lexicon.speech_verbs()
    # `…, Lindsey Graham Says.` closing the headline.
    tail = _words(text, quote_end, para_end)
    comma = text.rfind(",", context.quotes[index].end - 1, para_end)
    if comma >= 0:
        tail = [word for word in tail if word[0] > comma]
        # Up to a later quote: a speaker is never inside one (an unclosed quote, run to the
        # paragraph's end, can follow the last comma).
        for position, (word_start, _, _) in enumerate(tail):
            if quote_at(context, word_start) >= 0:
                del tail[position:]
                break
        # `…, Howard Dean Tells Convention.`: the verb may have an object after it.
        for position, (verb_start, _, word) in enumerate(tail[1:5], 1):
            if word.rstrip(".!?").lower() in verbs and len(tail) <= position + 4:
                if all(other[2][:1].isupper() for other in tail[:position]):
                    return _headline_source(context, tail[0][0], tail[position - 1][1], verb_start)
                break
    lead = _words(text, para_start, quote_start)
    # `Politifact: Donald Trump Is Right, '…'`; `CNN Chief On Debates: '…'`.
    for position, (_, _, word) in enumerate(lead[:5]):
        if word.endswith(":"):
            subject = lead[: position + 1]
            for cut, (_, _, inner) in enumerate(subject[1:], 1):
                if inner in ("On", "About", "To", "For"):
                    subject = subject[:cut]
                    break
            return _headline_source(context, subject[0][0], subject[-1][1], None)
    # `Retired General Reveals '…'`: the words before the first verb.
    for position, (start, _, word) in enumerate(lead[1:5], 1):
        lower = word.lower()
        if lower in verbs or lower in lexicon.belief_verbs() or lower in lexicon.headline_verbs():
            return _headline_source(context, lead[0][0], lead[position - 1][1], start)
    return None


def _words(text: str, start: int, end: int) -> list[tuple[int, int, str]]:
    """The white-space separated words of ``text[start:end]`` with their spans."""
    found = []
    position = start
    for word in text[start:end].split():
        position = text.index(word, position, end)
        found.append((position, position + len(word), word))
        position += len(word)
    return found


def _headline_source(context: Context, start: int, end: int, verb: int | None) -> Found | None:
    """The speaker a headline names in ``[start, end)``: a known mention, else the phrase."""
    text = context.text
    while end > start and not text[end - 1].isalnum():
        end -= 1
    if end <= start or not text[start].isupper():
        return None
    cue = first_cue(context, verb, verb + 1) if verb is not None else None
    known = mentions_between(context, start, end)
    if known:
        return new_found((known[0], cue, None, "unknown"))
    words = text[start:end].lower().split()
    kind = (
        "group"
        if words[-1] in lexicon.group_nouns()
        else "organisation"
        if words[-1] in lexicon.organisation_words()
        else "unknown"
    )
    return new_found((-1, cue, phrase_mention(start, end, text[start:end]), kind))


def _continuation(context: Context, index: int, found: list[Found | None]) -> Found | None:
    this_para = context.para_of[index]
    before = index - 1
    while (
        before >= 0
        and found[before] is None
        and context.quotes[before].kind in ("title", "scare")
        and context.para_of[before] == this_para
    ):
        before -= 1  # `said Sanders on "State of the Union". "…"`: a title is not speech
    if before < 0 or found[before] is None:
        return None
    previous = found[before]
    previous_para = context.para_of[before]
    if this_para == previous_para:
        return _carry(previous) if previous else None
    if this_para == previous_para + 1 or _only_furniture_between(context, previous_para, this_para):
        # A quote that opens the paragraph after one that ended with an attributed quote.
        starts_paragraph = context.outer[index][0] == context.paras[this_para].start
        previous_ends = not context.text[
            context.outer[before][1] : context.paras[previous_para].end
        ].strip(" .,")
        previous_ends = previous_ends or _ends_with_cue_clause(context, before)
        if starts_paragraph and previous_ends and previous is not None:
            return _carry(previous)
    return None


def _carry(previous: Found) -> Found:
    """The speaker of the quote before, carried on to this one (without its cue)."""
    mention, _, phrase, phrase_type = previous
    return new_found((mention, None, phrase, phrase_type))


def _preceding_sentence(context: Context, index: int, found: list[Found | None]) -> Found | None:
    text = context.text
    open_start = context.outer[index][0]
    para = context.paras[context.para_of[index]]
    if open_start == para.start:
        # The quote opens its paragraph: read the previous story paragraph's last sentence.
        previous = context.para_of[index] - 1
        while previous >= 0 and context.paras[previous].furniture:
            previous -= 1
        if previous < 0:
            return None
        scope_start, scope_end = context.paras[previous].start, context.paras[previous].end
        if index > 0 and context.outer[index - 1][1] > scope_start:
            return None  # that paragraph held a quote: continuation's business, not ours
    else:
        scope_start, scope_end = para.start, open_start
        if index > 0 and context.outer[index - 1][1] > scope_start:
            scope_start = context.outer[index - 1][1]
    # The sentence that ends right before the quote (skip the space and the mark's lead-in).
    last = scope_end
    while last > scope_start and text[last - 1].isspace():
        last -= 1
    if last <= scope_start or text[last - 1] not in ".:!?":
        return None
    sentence_start = start_of_sentence(context, scope_start, last - 1)
    inside = mentions_between(context, sentence_start, last)
    if not inside:
        return None
    tail = _tail_attribution(context, sentence_start, last - 1)
    if tail is not None:
        return tail  # "…, Schiff said." then the quote
    first = context.mentions[inside[0]]
    if first.start - sentence_start > 4 and APPOSITION_LEAD.fullmatch(
        text, sentence_start, first.start, False
    ):
        pass  # "The new head, Sarah Quinn, is blunter.": the name after the apposition leads
    elif first.start - sentence_start > 4 or first.kind not in ("name", "role", "pronoun"):
        # Only a subject at the very start of its sentence: "Mr Lloyd was unmoved."
        return None
    if first.kind == "pronoun" and context.text[first.start : first.end].lower() in _FIRST_PERSON:
        return None
    return new_found((inside[0], None, None, "unknown"))


def _tail_attribution(context: Context, start: int, end: int) -> Found | None:
    """``CLAUSE, Schiff said.``: a sentence closed by a short cue clause names its speaker."""
    text = context.text
    comma = text.rfind(",", start, end)
    if comma < 0 or len(text[comma + 1 : end].split()) > 5:
        return None
    cue = first_cue(context, comma, end)
    return speaker_of_tail(context, comma + 1, cue, end) if cue is not None else None


def _sentence_subject(context: Context, index: int, found: list[Found | None]) -> Found | None:
    """Quoted words in a sentence with no verb of saying belong to its subject:
    ``Reid has gone after Trump as a "human leech"``."""
    end = context.outer[index][0]
    floor = context.paras[context.para_of[index]].start
    sentence_start = start_of_sentence(context, floor, end)
    # Only the first mention is read, not every one up to the quote (a run-on sentence of
    # quotes would be read once per quote).
    inside = first_mention_between(context, sentence_start, end)
    if inside is None:
        return None
    first = context.mentions[inside]
    if tail_rules_out_introductory(context.text, sentence_start, first.start):
        return None  # (not sliced: a run-on sentence would be read once per quote)
    lead = context.text[sentence_start : first.start]
    if len(lead) > 4 and not INTRODUCTORY.match(lead, 0, None, False):
        return None
    if first.kind not in ("name", "role", "pronoun", "organisation", "anonymous"):
        return None
    if first.kind == "pronoun" and context.text[first.start : first.end].lower() in _FIRST_PERSON:
        return None
    return new_found((inside, None, None, "unknown"))


def _credit_line(context: Context, index: int, found: list[Found | None]) -> Found | None:
    """A pull quote or headline credited after a dash or colon: ``"…" — Ana Ruiz, mayor``."""
    text = context.text
    start = context.outer[index][1]
    # CREDIT_LEAD opens with white space other than a line break, then a dash or a colon. Most
    # quotes are followed by a comma, a full stop, or a space and a word (`"…," she said`):
    # the character after the mark (after one space) shows it, and the match, which costs
    # more than the rest of the rule, is spared.
    first = text[start : start + 1]
    if first == " ":
        first = text[start + 1 : start + 2]
    if first not in _CREDIT_MARKS and (first == "\n" or not first.isspace()):
        return None
    limit = context.region_ends[index]
    lead = CREDIT_LEAD.match(text, start, limit, False)
    if lead is None:
        return None
    after = mentions_between(context, lead.end(), min(limit, lead.end() + 80))
    if after and context.mentions[after[0]].start == lead.end():
        credited = context.mentions[after[0]]
        # After a headline's colon, the name must stand alone ("…": Ana Ruiz on her play),
        # not start a sentence ("…": Mayor Vows To Save Library).
        rest = text[credited.end : credited.end + 4]
        if credited.kind == "name" and (
            lead.group().strip() != ":" or rest[:1] in ("", ",", "\n") or rest.startswith(" on ")
        ):
            return new_found((after[0], None, None, "unknown"))
    # A name the mention finder does not know: capitalised words up to a comma or line end.
    if lead.group().strip() == ":":
        return None  # a headline's colon is followed by prose as often as by a name
    credit = CREDITED_NAME.match(text, lead.end(), limit, False)
    if credit is None:
        return None
    name = credit.group()
    return new_found((-1, None, phrase_mention(credit.start(), credit.end(), name), "person"))


_RULES: tuple[Rule, ...] = (
    _headline,
    _transcript_label,
    _credit_line,
    _cue_after,
    _cue_before,
    _continuation,
    _preceding_sentence,
)


# Quoted words inside the writer's sentence belong to the reporting clause before them
# (`sources said Mr Li showed a "readiness to engage"`); a cue after them in the same
# sentence usually reports something else.
_RULES_IN_REPORTED_SPEECH: tuple[Rule, ...] = (
    _headline,
    _transcript_label,
    _closing_cue,
    _cue_before,
    _cue_after,
    _sentence_subject,
    _continuation,
    _preceding_sentence,
)

# Each rule's name as ``resolved_by`` gives it: one string per rule, not one per quote.
_RULE_NAMES = {rule: rule.__name__.lstrip("_") for rule in (*_RULES, *_RULES_IN_REPORTED_SPEECH)}


# --- helpers for the rules -----------------------------------------------------------------


def _outer_spans(text: str, quotes: Sequence[QuoteDraft]) -> tuple[tuple[int, int], ...]:
    """Each quote's span including its marks (and a transcript label inside them)."""
    spans = []
    for quote in quotes:
        opening, closing = quote.marks
        start = quote.start
        # Most quotes start right after their opening mark and end right before their closing
        # one: a mark found there is the one ``rfind`` (the last before the quote) and ``find``
        # (the first after it) would give, and is read by one short slice instead.
        if opening:
            width = len(opening)
            if start >= width and text[start - width : start] == opening:
                start -= width
            else:
                found = text.rfind(opening, start - 60 if start > 60 else 0, start)
                if found >= 0:
                    start = found
        end = quote.end
        if closing:
            width = len(closing)
            if text[end : end + width] == closing:
                end += width
            else:
                found = text.find(closing, end, end + 8)
                if found >= 0:
                    end = found + width
        spans.append((start, end))
    return tuple(spans)


def _quote_places(
    quotes: Sequence[QuoteDraft],
    outer: tuple[tuple[int, int], ...],
    paras: tuple[Paragraph, ...],
) -> tuple[array[int], array[int]]:
    """For each quote, the index of the paragraph its first part is in (``0`` before the
    first paragraph), and where the stretch after it ends: the next quote or the end of the
    paragraph it ends in.

    Worked out once for every quote, in one pass: three rules asked for the stretch again and
    again (the cue after a quote, a closing cue clause, a credit line). The quotes are in text
    order, so each one's paragraph is found by stepping on from the last one's.
    """
    # Machine integers: a tuple took a 32-byte int object for each quote past the 256th.
    para_of = array("l")
    ends = array("l")
    if not quotes:
        return para_of, ends
    # The paragraphs' starts and ends, read in C once, and the current paragraph's start and
    # end and the next one's start held in locals: a quote is mostly in the paragraph of the
    # one before, and each quote's tests then read no paragraph (a named tuple's field is a
    # descriptor call each time). Past the last paragraph the next start is ``maxsize``, never
    # at or before a quote, so no test of the last index is needed either.
    para_starts = (*map(_START, paras), sys.maxsize)
    para_ends = tuple(map(_END, paras))
    this_para = 0
    para_start, para_end, next_start = para_starts[0], para_ends[0], para_starts[1]
    # Each quote with the opening mark of the next (``maxsize`` after the last): the stretch
    # after a quote stops there.
    next_openings = (*map(itemgetter(0), outer[1:]), sys.maxsize)
    for quote, next_opening in zip(quotes, next_openings, strict=True):
        start = quote.start
        if start < para_start and this_para:
            this_para = paragraph_index(paras, start)  # (not in text order: found afresh)
            para_start, para_end = para_starts[this_para], para_ends[this_para]
            next_start = para_starts[this_para + 1]
        while next_start <= start:
            this_para += 1
            para_start, para_end = next_start, para_ends[this_para]
            next_start = para_starts[this_para + 1]
        para_of.append(this_para)
        end = para_end
        # A quote that ends before the next paragraph starts ends in its own: only one continued
        # over paragraphs needs its last part's paragraph looked up.
        if next_start <= quote.end:
            later = para_ends[paragraph_index(paras, quote.end)]
            if later > end:
                end = later
        ends.append(next_opening if next_opening < end else end)
    return para_of, ends


def _only_furniture_between(context: Context, first: int, last: int) -> bool:
    return all(context.paras[i].furniture for i in range(first + 1, last))


def _ends_with_cue_clause(context: Context, index: int) -> bool:
    """Whether the quote's paragraph ends with its cue clause (``"…," she said.``)."""
    para_end = context.paras[context.para_of[index]].end
    tail = context.text[context.outer[index][1] : para_end]
    return len(tail) < 80 and first_cue(context, context.outer[index][1], para_end) is not None


# --- pronouns and speakers -----------------------------------------------------------------


class _PronounResolver:
    """Maps a rule's mention to an entity, resolving pronouns to earlier mentions."""

    def __init__(
        self,
        text: str,
        mentions: tuple[Mention, ...],
        clusters: Clusters,
        enabled: bool,
        sentence_starts: Sequence[int],
        cue_starts: tuple[int, ...],
        cues: tuple[CueWord, ...],
    ) -> None:
        self.text = text
        self.sentence_starts = sentence_starts
        self.cue_starts = cue_starts  # (the rules' own, not built again)
        self.cue_ends = tuple(map(_END, cues))
        self.mentions = mentions
        # The entities are built as they are attributed (``built``): most are never quoted.
        self.clusters = clusters
        self.built = clusters.built
        self.types = clusters.types
        self.entity_of = list(clusters.entity_of)
        self.enabled = enabled
        self.genders = list(clusters.genders)  # (the entities keep the genders clustering found)
        self._learn_genders()
        # The pronouns resolved so far, each with its entity (as ``entity_of`` now holds it):
        # the speakers' mentions are their names' and these, not found by reading every mention.
        self.resolved: dict[int, int] = {}
        self.phrases: dict[str, Entity] = {}
        self.interviewee = -1  # in a Q-and-A, "I" outside the quotes is the interviewee
        self.phrase_mentions: dict[str, list[Span]] = {}
        self.subjects: dict[int, bool] = {}  # ``_is_subject`` of the mentions asked about
        # One object per distinct ``resolved_by`` and confidence, shared by every quote that
        # has it: thousands of quotes on a long article, a few dozen distinct values.
        self.rule_names: dict[str, str] = {}
        self.confidences: dict[float, float] = {}

    def entity(self, mention_index: int) -> tuple[Entity | None, str]:
        """The entity of a mention and how it was found (``"name"``, ``"pronoun"`` or why not)."""
        mention = self.mentions[mention_index]
        if mention.kind != "pronoun":
            entity_index = self.entity_of[mention_index]
            if entity_index < 0:
                return None, "the speaker's mention joins no known speaker"
            how = "name"
        elif not self.enabled:
            return None, "pronoun speaker left unresolved (resolve_pronouns=False)"
        elif (pronoun := self.text[mention.start : mention.end].lower()) in _FIRST_PERSON:
            if self.interviewee < 0 or pronoun not in ("i", "me"):
                return None, "first-person speaker with no named interviewee"
            entity_index = self.interviewee
            self.entity_of[mention_index] = self.resolved[mention_index] = entity_index
            how = "pronoun"
        else:
            entity_index = self._antecedent(mention_index)
            if entity_index < 0:
                written = self.text[mention.start : mention.end]
                return None, f"no earlier mention that {written!r} can refer to"
            self.entity_of[mention_index] = self.resolved[mention_index] = entity_index
            if mention.gender in ("m", "f") and not self.genders[entity_index]:
                self.genders[entity_index] = mention.gender
            how = "pronoun"
        return self.built[entity_index] or self.clusters.entity(entity_index), how

    def _learn_genders(self) -> None:
        """Tie pronouns to names: a person of unknown gender takes the gender of the first
        gendered pronoun after a mention of them in the same sentence, when no other person
        comes between (``Sam Reilly lost her job`` → female).

        A person's gender comes from its own name mentions only, so each person of unknown
        gender is read on its own, its names in text order up to the first that decides: the
        mentions of bodies, groups and of people whose gender is known are not visited. (Every
        entity with a name mention is a person.)"""
        mentions = self.mentions
        for entity, kind in enumerate(self.types):
            if kind != "person" or self.genders[entity]:
                continue
            for index in self.clusters.members(entity):
                mention = mentions[index]
                if mention.kind != "name":
                    continue
                limit = bisect.bisect_right(self.sentence_starts, mention.end)
                end = len(self.text)
                if limit < len(self.sentence_starts):
                    end = self.sentence_starts[limit]
                following = index + 1
                if following < len(mentions) and mentions[following].start < end:
                    end = min(end, mentions[following].start)
                    if mentions[following].kind == "pronoun":
                        end = mentions[following].end
                pronoun = GENDERED_PRONOUN.search(self.text, mention.end, end, False)
                if pronoun is not None:
                    self.genders[entity] = "f" if pronoun.group().lower() in _FEMININE else "m"
                    break

    def phrase_entity(self, mention: Mention, speaker_type: str) -> Entity:
        """An entity for a phrase a rule found (``WALLACE``, ``the book``), one per wording."""
        written = self.text[mention.start : mention.end]
        key = written.lower()
        entity = self.phrases.get(key)
        if entity is None:
            name = written.title() if written.isupper() else written
            entity = Entity(
                id=f"s{len(self.types) + len(self.phrases) + 1}",
                name=name,
                type=speaker_type,
                gender="",
                mentions=(),
            )
            self.phrases[key] = entity
        self.phrase_mentions.setdefault(entity.id, []).append(
            Span(mention.start, mention.end, written)
        )
        return entity

    def _antecedent(self, mention_index: int) -> int:
        """The entity a pronoun refers to: scanning back over the last mentions and skipping
        those whose gender or number conflicts, the nearest subject, else the nearest other
        mention. Grammatical role beats raw recency: in ``Ms Obi met Ms Lee. "…," she said``
        the pronoun is Ms Obi's."""
        mentions, entity_of = self.mentions, self.entity_of
        types, genders = self.types, self.genders
        pronoun = mentions[mention_index]
        # The pronoun's number and gender, read once for all the candidates (half of them an
        # entity already seen further on in the scan).
        plural, gender = pronoun.number == "pl", pronoun.gender
        fallback = -1
        last = mention_index - 40 if mention_index > 39 else -1
        for index in range(mention_index - 1, last, -1):
            # The entity of mention ``index``, or of the name set beside it as an apposition:
            # in ``Her neighbour, Gus Pelletier, is…`` the subject is Gus Pelletier.
            candidate = entity_of[index]
            mention = mentions[index]
            if mention.kind in ("role", "anonymous", "group") and index + 1 < len(mentions):
                following = mentions[index + 1]
                if (
                    following.kind == "name"
                    and entity_of[index + 1] >= 0
                    and self.text[mention.end : following.start].strip() == ","
                ):
                    candidate = entity_of[index + 1]
            if candidate < 0:
                continue
            # A candidate whose kind, number or gender conflicts with the pronoun's is skipped:
            # "they" takes a group, an organisation, an anonymous source or a plural name;
            # "it" an organisation; "he" and "she" a person (or an anonymous or unknown
            # source) of that gender or of none known.
            kind = types[candidate]
            if plural:
                if kind not in ("group", "organisation", "anonymous") and (
                    mentions[self.clusters.first_mention(candidate)].number != "pl"
                ):
                    continue
            elif gender == "n":
                if kind != "organisation":
                    continue
            elif kind not in ("person", "anonymous", "unknown") or (
                gender and genders[candidate] and genders[candidate] != gender
            ):
                continue
            # Whether a mention is a subject depends on the text, sentences and cues alone:
            # worked out once per mention, though the pronouns after it look back at it again.
            subject = self.subjects.get(index)
            if subject is None:
                subject = self.subjects[index] = self._is_subject(index)
            if subject:
                return candidate
            if fallback < 0:
                fallback = candidate
        return fallback

    def _is_subject(self, mention_index: int) -> bool:
        """A mention that starts its sentence, follows a quote's closing mark (``"…," she
        said``), or stands right before a verb of saying. An apposition after a comma is not."""
        mention = self.mentions[mention_index]
        start = mention.start
        position = bisect.bisect_right(self.sentence_starts, start) - 1
        # A lead that ends in a word is not blank, and too long for an introductory phrase: it
        # is not sliced out (a run-on sentence would be read once per mention).
        tail = self.text[start - INTRODUCTORY_TAIL if start > INTRODUCTORY_TAIL else 0 : start]
        if position >= 0 and (
            start - self.sentence_starts[position] <= 2 * INTRODUCTORY_TAIL
            or not tail.strip(" \"'(\u201c\u2018\t\n\r\f\v")
        ):
            lead = self.text[self.sentence_starts[position] : start]
            if not lead.strip(" \"'(\u201c\u2018") or INTRODUCTORY.match(lead, 0, None, False):
                return True
        lead = self.text[start - 3 if start > 3 else 0 : start].rstrip()
        if lead.endswith(("\u201d", '"', "\u2019", "'")) or lead == "" or lead.endswith("\n"):
            return True
        following = bisect.bisect_left(self.cue_starts, mention.end)
        if (
            following < len(self.cue_starts)
            and not self.text[mention.end : self.cue_starts[following]].strip()
        ):
            return True  # "she said"
        # Inverted, after a quote: the mention right after its cue ("…," said Simon Achterberg).
        # Not "Mr Hale thanked Mr Brandt": there the mention after the verb is its object.
        preceding = bisect.bisect_left(self.cue_ends, start) - 1
        if preceding < 0 or self.text[self.cue_ends[preceding] : start].strip():
            return False
        before_cue = self.text[max(0, self.cue_starts[preceding] - 4) : self.cue_starts[preceding]]
        return before_cue.rstrip().endswith(_CLOSING_MARKS)

    def speakers(self, quotes: tuple[Quote, ...]) -> tuple[Speaker, ...]:
        """The speakers of the quotes, each with every mention that refers to it.

        The last call: the resolver lets go of the sentences and cues it read, which on a long
        article hold megabytes that the speakers' mentions need.
        """
        self.sentence_starts = self.cue_starts = self.cue_ends = ()
        self.subjects = {}
        speaking = {quote.speaker.id for quote in quotes if quote.speaker is not None}
        # Each speaking entity's mentions in text order: its own (``Entity.mentions``, sorted)
        # and the pronouns resolved to it; entities nobody quotes take no list (on a long
        # article most of them). A speaking entity was built when its quote was attributed: the
        # unbuilt ones are none of them.
        spans_of: dict[int, tuple[Entity, list[int]]] = {
            entity_index: (entity, [])
            for entity_index, entity in enumerate(self.built)
            if entity is not None and entity.id in speaking
        }
        for position, entity_index in self.resolved.items():
            held = spans_of.get(entity_index)
            if held is not None:
                held[1].append(position)
        mentions = self.mentions
        text = self.text
        result = []
        for entity, pronouns in spans_of.values():  # (in the order of the entities)
            spans = []
            for position in sorted((*entity.mentions, *pronouns)) if pronouns else entity.mentions:
                # (One unpacking, not two reads of a named tuple's fields.)
                start, end = mentions[position][:2]
                spans.append(Span(start, end, text[start:end]))
            result.append(Speaker(entity.id, entity.name, entity.type, tuple(spans)))
        for entity in self.phrases.values():
            if entity.id in speaking:
                found = tuple(self.phrase_mentions[entity.id])
                result.append(Speaker(entity.id, entity.name, entity.type, found))
        return tuple(result)


def _interrupts(
    text: str,
    first: QuoteDraft,
    first_cue: Cue,
    second: QuoteDraft,
    first_outer: tuple[int, int],
    second_outer: tuple[int, int],
) -> bool:
    """Whether ``second`` goes on ``first`` past its cue clause (``"A," she said, "B."``), given
    that attribution found one speaker for both and ``first_cue`` for ``first``: ``first``
    direct and closed by a comma, ``second`` direct or partial, only the cue clause between
    them, and the cue after ``first``."""
    if first.kind != "direct" or second.kind not in ("direct", "partial"):
        return False
    if not first.text.endswith(",") and not text[first_outer[1] - 2 : first_outer[1]].startswith(
        ","
    ):
        return False
    between = text[first_outer[1] : second_outer[0]]
    if "\n" in between or len(between) > 120:
        return False
    stripped = between.rstrip()
    return stripped.endswith((",", ":")) and first_cue.start >= first_outer[1]
