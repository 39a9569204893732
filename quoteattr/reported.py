"""Reported speech: claims made without quotation marks, found sentence by sentence.

A fact-checker checks what people claimed, quoted or not. Three frames cover most reported speech
in news (Krestel, Bergler and Witte 2008 list the same reporting-verb frames):

``according_to``
    ``According to X, CLAUSE.`` and ``CLAUSE, according to X.``
``reported_after``
    ``CLAUSE, X said.`` / ``CLAUSE, said X.`` / ``CLAUSE, officials said Friday.`` — a short
    tail after the sentence's last comma holds the cue and its subject.
``reported_clause``
    ``X said (that) CLAUSE`` / ``X told reporters CLAUSE`` / ``X claimed / warned / denied …`` —
    a verb that takes a clause (``data/clause_verbs.txt``) with its subject before it.

The content span is the reported clause only: no cue, no speaker, no complementizer *that*, no
time phrase between the verb and *that*; it runs to the end of the sentence, not to the next
comma inside it. Speakers come from the same mentions, subjects and pronoun resolution as quotes
in marks (:mod:`quoteattr.clauses`).

Precision first: questions (``did she say?``), conditionals (``if he says so``), passives
(``was told``), infinitives (``told to wait``, ``asked for a refund``) and a verb used as a noun
(``the said property``) are not reported speech, and a sentence is read at most once.
"""

from __future__ import annotations

import bisect
import collections
import itertools
import operator
from collections.abc import Iterator, Sequence
from collections.abc import Set as AbstractSet
from typing import NamedTuple

import regex

from . import lexicon
from .clauses import (
    BETWEEN_SUBJECT_AND_VERB,
    Context,
    Found,
    first_cue,
    first_mention_between,
    governs,
    mentions_between,
    phrase_mention,
    quote_at,
    speaker_of_tail,
    subject_of,
)
from .cues import CueWord
from .mentions import Mention
from .patterns import (
    BRACKETED,
    CLAUSE_BOUNDARY,
    CLAUSE_LEAD,
    COMMA_WORD,
    COORDINATED_CLAUSE,
    COORDINATED_VERB,
    DATELINE,
    INTRODUCTORY,
    OBJECT_END,
    REPORT_TAIL_LIMIT,
    SPEAKER_LABEL,
    WORD,
    WORDS_BEFORE,
    tail_rules_out_introductory,
)
from .quotes import headline_at

# Forms of "tell" that open a cue phrase with its object: "told reporters", "tells a rally".
_TOLD = frozenset("told tells tell telling".split())
# The characters ``str.isspace`` takes that the patterns' ``[^\S\n]`` does not.
_LINE_SEPARATORS = "\n\x1c\x1d\x1e\x1f"
# A list in an object: at most this many items after the first, each this many words.
_LIST_ITEMS = 5
_LIST_ITEM_WORDS = 7
# Words that open a clause as an object: "described how …", "talked about what …".
_QUESTION_OPENERS = frozenset("how what why whether where".split())
# Words that open a reported question after "asked" (the cue phrases "asked if", …).
_QUESTION_WORDS = frozenset("if whether what why how".split())
# Verbs that take an object before their clause: "told reporters that …", "warned them …".
_OBJECT_FIRST = frozenset(
    "tell inform assure remind warn notify advise promise convince persuade brief".split()
)
# What may not follow a verb of saying if it reports a clause: "asked to leave", "told to wait",
# "asked for a refund", "spoke of", "was told by".
# Prepositions that open an adjunct of a verb of saying ("said after the meeting he …"), the
# most words such an adjunct may have, and the pronouns that open the clause after it.
_ADJUNCT_OPENERS = frozenset("after before during in at on".split())
_ADJUNCT_WORDS = 6
_CLAUSE_PRONOUNS = frozenset("he she they we I".split())
_NOT_A_CLAUSE_START = frozenset("to for about of by on with in at from into".split())
# A cue's start, the key its list is bisected on.
_START = operator.attrgetter("start")
# Words before the verb that make it a question, a condition or a passive.
_PROGRESSIVE = frozenset("is are was were been am".split())
# The same, with their contractions, between a subject and its "-ing" verb ("He's claiming").
_PROGRESSIVE_AUXILIARIES = _PROGRESSIVE | frozenset("'s 're 'm".split())
_NOT_A_REPORT_BEFORE = frozenset(
    "if whether unless did does do was were been being is are am be as when what everything "
    "whatever".split()
)
# Words that open a conditional or time clause: a verb of saying in one reports nothing.
_CONDITIONS = frozenset("if unless whether when whenever once until".split())
# Those that open a clause of time: with a past tense, a report of what happened.
_PAST_TIME = frozenset("when once until".split())
# Participles that add a second claim to a sentence: "…, adding that CLAUSE".
_PARTICIPLES = frozenset(
    "adding saying noting arguing insisting warning claiming explaining stressing".split()
)
# Marks often written straight after a word: none is a character ``WORD`` matches.
_MARKS_AFTER_WORD = ',.;:?!)"\N{RIGHT DOUBLE QUOTATION MARK}'
# Verbs of finding and showing, whose subject is a study, a poll or a report; only with "that".
_EVIDENCE_VERBS = {
    form: lemma
    for lemma, forms in {
        "show": "show shows showed shown",
        "find": "find finds found",
        "indicate": "indicate indicates indicated",
        "reveal": "reveal reveals revealed",
        "conclude": "conclude concludes concluded",
    }.items()
    for form in forms.split()
}
# Closing marks and space between a comma and the next word: "by June," referring to …
_CLOSING_MARKS = (
    " \"'\N{RIGHT DOUBLE QUOTATION MARK}\N{RIGHT SINGLE QUOTATION MARK}"
    "\N{LEFT-POINTING DOUBLE ANGLE QUOTATION MARK}\N{RIGHT-POINTING DOUBLE ANGLE QUOTATION MARK}"
)
# Closing quote marks between a clause's last comma and the tail that reports it.
_CLOSING_QUOTES = (
    "\"'\N{RIGHT DOUBLE QUOTATION MARK}\N{RIGHT SINGLE QUOTATION MARK}"
    "\N{RIGHT-POINTING DOUBLE ANGLE QUOTATION MARK}"
)
# Words that open a subordinate clause of concession, contrast, time or cause: "While she says
# A, B" and "When he said A, B" report A only.
_SUBORDINATORS = frozenset("while although though whereas as because since".split()) | _PAST_TIME
# Conjunctions that open a sentence but not the clause it reports: "But the plan failed, she
# said." (PolNeAR's annotators leave them out about twice as often as they keep them.)
_SENTENCE_CONJUNCTIONS = frozenset("but and so yet".split())
_LONGEST_CONJUNCTION = max(map(len, _SENTENCE_CONJUNCTIONS))
# Adjectives of belief whose "that" clause is a held view ("X is convinced that …"), the
# verbs before them, and the words that may stand between; "clear" only after "made (it)".
_BELIEF_ADJECTIVES = frozenset(
    "convinced confident sure certain worried concerned hopeful optimistic adamant afraid "
    "clear".split()
)
_COPULAS = frozenset(
    "is was are were am be been remains remained seems seemed appears appeared feels felt "
    "became grew".split()
)
_DEGREE_WORDS = frozenset("very so more most not quite fully less all too also still".split())
_MAKING = frozenset("made make makes making".split())
# Verbs of opinion read without "that": "Her advisers think she has the discipline".
_BARE_BELIEF_LEMMAS = frozenset("think believe fear doubt suspect reckon suppose worry".split())
# Words that open a clause right after a verb of opinion: a pronoun or a determiner.
_CLAUSE_OPENERS = frozenset(
    "i he she we they it you there the a an this these those his her their its our my "
    "most many some no every".split()
)
# Verbs of commitment and wish whose complement "to VP" is what was promised or wanted: "X
# vowed to …", "X wants to …". Not plans ("developers plan to …"): those narrate an aim more
# often than report a stance.
_INFINITIVE_LEMMAS = frozenset("vow pledge promise threaten want".split())
# Modals before "want" that make it advice or a guess: "may want to think twice".
_HEDGING_MODALS = frozenset("may might could would should".split())
# Verbs of wish, plan and refusal whose content is "to VP": "X wants to …", "X declined to …".
_WISH_LEMMAS = frozenset("want plan hope seek intend decline refuse aim try".split())
# Words after a stance verb that show it has no object of its own: "backed down", "said that".
_NOT_AN_OBJECT = frozenset("that up out off down back away it's".split())
# Words before a stance verb that make it a noun ("his support", "a question", "one point")
# or an infinitive whose subject is elsewhere ("to address the nation").
_NOT_BEFORE_A_STANCE_VERB = frozenset(
    "the a an his her their its our my your this these those one no any some much more most "
    "to".split()
)
_POSSESSIVE = ("'s", "\N{RIGHT SINGLE QUOTATION MARK}s")
# Verbs whose complement is an object and "to VP", or a demand: "X urged Y to …",
# "X called on Y to …", "X called for NP".
_OBJECT_INFINITIVE_LEMMAS = frozenset(
    {"urge", "call on", "call for", "warn", "implore", "encourage", "beg", "advise", "press"}
)
# A finding's source phrase has at most this many words, its head noun among the first
# _FINDING_HEAD_WITHIN unless it ends the phrase.
_FINDING_SUBJECT_WORDS = 10
_FINDING_HEAD_WITHIN = 6
# Nouns for a poll, in "In the latest poll, …" / "… in most surveys" (each holds "poll",
# "survey" or "average", which ``_in_poll`` looks for first).
_POLL_NOUNS = frozenset("poll polls survey surveys polling average".split())
# The longest such phrase, in words and (before its comma) in characters.
_POLL_PHRASE_WORDS = 10
_POLL_PHRASE_CHARACTERS = 100
# Nouns for the source of a finding: "a new poll shows …", "the study found …".
_EVIDENCE_NOUNS = frozenset(
    "poll polls polling survey surveys study studies report reports analysis data figures numbers "
    "research results records documents review audit investigation census video videos footage "
    "filings filing emails email statistics findings tally photos photo transcript transcripts "
    "memo".split()
)
# Opening marks of every convention, where a reported clause may start.
_OPENING = (
    "\"'`\N{LEFT DOUBLE QUOTATION MARK}\N{LEFT SINGLE QUOTATION MARK}"
    "\N{LEFT-POINTING DOUBLE ANGLE QUOTATION MARK}\N{RIGHT-POINTING DOUBLE ANGLE QUOTATION MARK}"
    "\N{DOUBLE LOW-9 QUOTATION MARK}\N{SINGLE LOW-9 QUOTATION MARK}"
    "\N{SINGLE LEFT-POINTING ANGLE QUOTATION MARK}\N{LEFT CORNER BRACKET}"
)
# Words that cannot open a reported clause.
_NOT_A_CLAUSE_OPENING = frozenset(
    "and or but nor during on in at for from with by as when while after before because not "
    "is was are were be been has have had to into than then so if unless until nothing "
    "goodbye hello farewell little much".split()
)
# Words that may open a reported clause when an opening phrase and its comma come before the
# main clause: "said that if it passed, the port would close", "said in a race between them,
# he would back her".
_OPENING_PHRASE_WORDS = frozenset(
    "if unless when while after before because as since though although until once in at on "
    "for with by during despite".split()
)
# Words after a comma that end a reported clause: what follows belongs to the reporting
# sentence ("…, while others …", "…, according to …", "…, although he …"). A relative clause
# or an apposition at the end ("…, which …", "…, a swipe at …") mostly belongs to the report.
_CLAUSE_ENDERS = frozenset("while whereas although though according as".split())
# But a relative clause on a person or a place is the writer's, more often than the report's:
# "…, who has never faced a close race".
_RELATIVE_OPENERS = frozenset("who whose where".split())
# How far into a reported clause its end is looked for (characters): far longer than any
# clause of news prose, and short enough that a run-on text is read in linear time.
_CLAUSE_WINDOW = 1000
# How far before a verb of saying its subject's mention is looked for (characters), for the
# same reasons.
_SUBJECT_WINDOW = 1000
# What may stand before a sentence's first word besides white space (_starts_sentence).
_LEAD_MARKS = " \"'(\N{LEFT DOUBLE QUOTATION MARK}"
# Participles after a comma that add the reporter's own act ("…, citing …", "…, arguing
# that …"): they end the clause before them.
_REPORTING_PARTICIPLES = _PARTICIPLES | frozenset(
    "citing referring calling suggesting asserting accusing describing".split()
)
# Conjunctions that may join a second report to a first: "… and said that …",
# "…, but added …", "…, while 40 percent said …".
_JOINING = ("and", "but", "while", "whereas")
# The most characters (spaces and a comma) between a report and the conjunction that joins it.
_JOINING_GAP = 8
# Verbs that report a clause joined to another report without "that": "… and said B".
_JOINED_VERBS = frozenset(
    "say add tell argue insist warn claim note explain predict suggest acknowledge admit "
    "state stress maintain contend complain concede question assert reiterate emphasize recall "
    "deny announce report write promise".split()
)
# Words that make a quantity the subject of a verb of saying: "60 percent said",
# "three-quarters of voters said", "nearly half said", "six in 10 say".
_QUANTITY_WORDS = frozenset(
    "percent per cent half third thirds quarter quarters majority plurality minority most "
    "many few some none fifth fifths tenth tenths".split()
)
# The most words of a share of people ("more than half of respondents in the new poll").
_QUANTITY_PHRASE_WORDS = 10
# Numbers written as words.
_NUMBER_WORDS = frozenset(
    "one two three four five six seven eight nine ten eleven twelve twenty thirty forty fifty "
    "sixty seventy eighty ninety".split()
)
# Words that can open a quantity phrase.
_QUANTITY_OPENERS = _NUMBER_WORDS | frozenset(
    "a an the about around almost nearly roughly some more less fewer over under just only "
    "half most many few".split()
)
# What a share of people must hold: a digit or "%", or a share word or a number word as a word
# of its own. A lead without any is not read word by word.
# Every byte but a digit and "%", deleted to leave those alone.
_NOT_A_SHARE_CHARACTER = bytes(byte for byte in range(256) if chr(byte) not in "0123456789%")
_SHARE_WORDS = frozenset(word.encode() for word in _QUANTITY_WORDS | _NUMBER_WORDS)
# A byte table that turns every ASCII character but letters, digits and "_" into a space: the
# pieces of an ASCII lead split at those hold every word part _quantity_subject reads (runs of
# ``WORDS_BEFORE`` characters, split at "-"). Bytes, as a byte table translates in one pass.
_NOT_WORD_CHARACTER = bytes(
    byte if chr(byte).isalnum() or chr(byte) == "_" else ord(" ") for byte in range(256)
)
# Words that show a lead is not a quantity of people ("most of it is", "half the time").
_NOT_IN_QUANTITY = frozenset("it this that time is was has had who which".split())
# Pronouns that open a clause: after one, a "that" belongs to the clause, not the verb.
_SUBJECT_PRONOUNS = frozenset("i he she we they".split())
# The most words an unknown object may have before its clause's pronoun ("told the local
# paper he …").
_OBJECT_WORDS = 4
# Finite verbs that show a "that" after a verb of saying is the clause's subject ("said that
# was wrong"), not its complementizer.
_FINITE = frozenset(
    "is was are were has had have will would could should can may might must does did isn't "
    "wasn't won't wouldn't".split()
)
# Marks that end a verb's phrase before its "that", and the words that show the "that" after
# them is not the verb's: a finite verb or "be" ("said the gauge was … that …": a relative
# "that" inside the clause), a conjunction ("said she agreed and that …": the first clause has
# no "that"), a subject pronoun ("said she found that …": the clause has begun without it).
_PHRASE_END_MARKS = frozenset('.;:"\N{LEFT DOUBLE QUOTATION MARK}')
_BEFORE_NO_COMPLEMENTIZER = (
    _FINITE | frozenset(("be", "been", "being")) | frozenset(_JOINING) | _SUBJECT_PRONOUNS
)
# After the cue of "CLAUSE, X said", at most a name and a time: "said Ana Ruiz on Friday".
_TAIL_AFTER_CUE = 5
# A source phrase the mention finder does not know ("The Vatican says", "A court document
# filed Thursday says"): at most this many words, opening with a determiner or a capital.
_NOUN_PHRASE_WORDS = 6
_NOUN_PHRASE_OPENERS = frozenset(
    "the a an each another one both every its his her their our this these those some several "
    "many".split()
)
# The verbs plain enough to take such a phrase as their subject.
# (Not "state", "report", "note", "add": "The two states hold …", "add up to".)
_NOUN_PHRASE_VERBS = frozenset(
    "say tell announce claim argue insist warn explain write predict confirm deny acknowledge "
    "admit allege assert declare suggest indicate note".split()
)
# Nouns for a claim whose content follows as "that CLAUSE": "Lowe's claim that …".
_CLAIM_NOUNS = frozenset(
    "claim claims assertion argument suggestion contention insistence warning promise pledge "
    "belief allegation accusation charge prediction view fear hope".split()
)
# Words that show a lead is a clause, not a noun phrase.
_NOT_IN_NOUN_PHRASE = frozenset(
    "who which that what when where why how it you if not no never be being been and or but "
    "so then as than".split()
)
# The most words of an adverbial lead before ", according to X, CLAUSE" ("About 10 p.m.").
_ADVERBIAL_LEAD_WORDS = 4
# The most words (with the comma) between a report and a participle that adds another:
# "criticized the plan on Friday, citing …".
_ADJUNCT_BEFORE_PARTICIPLE = 4
# Prepositions that open an adjunct after a tail's cue: "said in a statement to the press".
_ADJUNCT_PREPOSITIONS = frozenset("in on at during to after before via from while".split())
# The same where the clause is less sure to be one ("In May, …" / "… goals," X said): "said
# Friday", "said Ana Ruiz".
_SHORT_TAIL_AFTER_CUE = 3
# The fewest characters outside quotes that a sentence reporting them needs ("X said …").
_FRAME_OUTSIDE_A_QUOTE = 8
# The longest lead, in characters, before the colon of a headline's "Name: claim".
_HEADLINE_LEAD = 50
_HEADLINE_SUBJECT_WORDS = 6
# Words after the name in a headline's lead that address or place it: "Clinton to donors:",
# "Former AG at convention:".
_HEADLINE_ADDRESS = frozenset("to at on in".split())
# A reported clause has at least this many words: "it would" is not a claim.
_MIN_WORDS = 3
# The part of an interrupted report before its cue, "The bigger risk, he said, is …", has at
# least this many words; the subject between the commas at most _INTERRUPTING_SUBJECT.
_MIN_INTERRUPTED_WORDS = 2
# How many words after a verb of saying may come before its "that".
_COMPLEMENTIZER_WORDS = 9
# "X called NP 'Y'": the verb's forms, and how many words the object may have.
_NAMING_FORMS = frozenset("called calls call".split())
_DOUBLE_AND_OPENING_MARKS = (
    "\"\N{LEFT DOUBLE QUOTATION MARK}\N{RIGHT DOUBLE QUOTATION MARK}\N{LEFT SINGLE QUOTATION MARK}"
)
# Verb forms that are mostly nouns or have other senses ("member states", "maintains a lead"):
# a verb of saying only before "that" (each 0.12 to 0.31 precision without it on PolNeAR train).
_THAT_ONLY = frozenset(
    "state states maintain maintains maintained accept accepts accepted rules questions "
    "demand demands demanded demanding".split()
)
# A word after a past participle that makes it an adjective.
_NOT_AFTER_A_VERB = {"pledged": frozenset({"delegates", "delegate"})}
# Words that open a relative or adverbial clause after a comma, never a "CLAUSE, X said" tail.
_NOT_A_TAIL_OPENER = frozenset(
    "who whom whose which where when because before after while regardless especially just "
    "compared double even if though although until since unless".split()
)
_ADVERBS = frozenset("also then later once again still even never".split())
_DETERMINERS = frozenset("the a an his her its their our my your this that these those".split())
_NAMING_PARTICIPLES = frozenset({"calling"})
_COMMITTING_PARTICIPLES = frozenset("promising vowing pledging threatening".split())
_NAMED_OBJECT_WORDS = 5
_RELATIVE_WORDS = frozenset("what whom which who that".split())
# Words that open a predicate after an interrupting cue ("A, she said, was its biggest").
_PREDICATE_OPENERS = frozenset(
    "is was are were has have had would will could can should may might must does did do "
    "remains remained".split()
)
_INTERRUPTING_SUBJECT = 6
# An opening phrase before the cue ("If the count is close, she said, …") needs this many
# words to be more than an adverbial ("In the end", "After all", "In both cases").
_MIN_OPENING_PHRASE_WORDS = 4
# The most words between a cue and the quoted words that show it reports speech ("lauded Mr.
# Clarke in his address for helping develop "new ideas"").
_QUOTED_WORDS_REACH = 12
# The same in characters, and the longest lead or tail of the sentence such a report takes in
# (a longer one runs past its clause); both keep the look-up linear on any input.
_QUOTED_WORDS_CHARACTERS = 200
_QUOTED_WORDS_TAIL_CHARACTERS = 600
# The longest opening subordinate clause read up to its verb ("While she says …,").
_SUBORDINATE_CHARACTERS = 200
# Auxiliaries and adverbs in a verb group, the most words it may have, and the particles that
# end it ("went after", "took aim at").
_AUXILIARIES = frozenset(
    "has have had is was are were been being will would could should can may might must did "
    "does do also not never still even then just again already".split()
)
_VERB_GROUP_WORDS = 6
_PARTICLES = frozenset("after about on to for at of with up out".split())
# Cues whose quoted words are a title or a slogan, not a claim: "sang 'Our Time'", "a box
# labeled "medical problem"".
_PERFORMING = ("sing", "sang", "sung", "chant", "label", "recit", "perform")
# Verbs that name: their quoted words may be a name ("called him "The Comeback Kid"").
_NAMING_VERBS = (
    _NAMING_FORMS
    | _NAMING_PARTICIPLES
    | frozenset("dubbed dubs branded brands hailed hails".split())
)


# The numbers of the named groups read at every match: ``regex`` reads a group's name only after
# failing to read it as a number, which raises and clears an exception each time. (Likewise each
# ``finditer`` here passes ``concurrent=False`` positionally, after ``overlapped``: by default
# ``regex`` releases and retakes the GIL around every match.)
_VERB_GROUP = COORDINATED_VERB.groupindex["verb"]
_WORD_GROUP = COMMA_WORD.groupindex["word"]
_DASH_GROUP = CLAUSE_BOUNDARY.groupindex["dash"]
# Where a function runs once a sentence, a clause or a cue, the nearer of two bounds is taken
# with a conditional expression, not ``min`` or ``max``: the builtins parse their arguments
# as a tuple with keywords, several times the cost of a comparison.


# An internal record, so a NamedTuple rather than a frozen attrs class like the public
# result types of ``model.py``: as immutable, and built in under half the time, which counts
# at thousands per article (see docs/performance.md).
class Report(NamedTuple):
    """Reported speech in a sentence: the content span, the cue, and who said it."""

    start: int
    end: int
    cue: CueWord
    found: Found
    rule: str
    # The second half of "A, she said, B", whose B may be a predicate of A ("was its biggest").
    predicate: bool = False


def find_reported(
    context: Context, sentence_spans: Sequence[tuple[int, int]]
) -> tuple[Report, ...]:
    """Reported speech in every sentence outside the quotes in marks.

    Args:
        context: The article's text, quotes, cues and mentions.
        sentence_spans: Its sentences, ``(start, end)``, in text order.

    Returns:
        The reports in text order: one per sentence, or one per verb of saying where reports
        are joined (``X said A and added B``, ``A, while 40 percent said B``).
    """
    text = context.text
    clause_lemmas = lexicon.clause_verbs()
    frame_words = _frame_words()
    # The clauses come in text order, so the first cue at or after each clause's start (and
    # the first at or after its content's end) only moves forward: the cue slice is found by
    # stepping, which reads each cue about once per pass, rather than by bisecting twice.
    cue_starts = context.cue_starts
    cue_count = len(cue_starts)
    first = 0
    # The index of the first "according to" cue at or after ``first`` (``cue_count`` for none):
    # ``_according_to`` reads no other cue, so a sentence whose cue slice ends by it has
    # nothing for that frame, which is then not called (most sentences). It moves forward
    # with ``first``, looked for again only once ``first`` passes it: each cue is read about
    # once a pass for it. (-1: not looked for yet.)
    cues = context.cues
    according = -1
    # The quotes that start by each clause's start: they too only grow in number as the clauses
    # go on, so they are counted by stepping rather than by bisecting for each clause.
    outer = context.outer
    outer_count = len(outer)
    quotes_before = 0
    reports: list[Report] = []
    reported_until = 0
    for start, end, question in _clauses_of(text, sentence_spans, context.outer):
        if start < reported_until:
            continue
        while quotes_before < outer_count and outer[quotes_before][0] <= start:
            quotes_before += 1
        # Whether the sentence starts inside the last quote to open by its start (0 when none
        # has): then it is quoted (``_inside_quote`` answers so first), and only then may it
        # go on in the writer's words after that quote (``_quote_then_words``). Else
        # ``_inside_quote`` reads only the quotes that open before ``end``: a sentence that
        # touches none has nothing quoted, and is "all but a quote" only when shorter than the
        # words a report needs outside one. Most sentences outside quote-dense text: no call.
        open_quote_end = outer[quotes_before - 1][1] if quotes_before else 0
        opens_in_quote = start < open_quote_end
        while first < cue_count and cue_starts[first] < start:
            first += 1
        # A sentence all inside one quote, with no cue in it (a quote's every sentence but
        # the one with its cue, in quote-dense text), has nothing to report: it is quoted, the
        # participle frame reads only commas outside that quote or a cue after "who", and no
        # words go on after the quote (``_quote_then_words``). Skipped before its content is
        # sliced (a test holds the skip to the frames).
        if open_quote_end >= end and (first == cue_count or cue_starts[first] >= end):
            continue
        quoted = (
            opens_in_quote
            or (
                _inside_quote(outer, quotes_before - 1, start, end)
                if (quotes_before < outer_count and outer[quotes_before][0] < end)
                or end - start < _FRAME_OUTSIDE_A_QUOTE
                else False
            )
        )
        # The sentence's content, sliced once: the frames below that read all of it
        # (``_participle_clause``, ``_in_poll``, ``_lowercase_words``) take this copy rather
        # than each slicing the sentence again.
        sentence = _content(text, start, end)
        stop = start + len(sentence)
        # (What _content_end leaves out is space and ".!;" only: never a "?".) Only a question
        # by ``_clauses_of`` can end in "?" before these closing marks, all of which it strips
        # too: any other sentence's clauses end as it does, or in its ";".
        if (
            stop <= start
            or (
                question
                and text[start:end]
                .rstrip("\"'\N{RIGHT DOUBLE QUOTATION MARK}\N{RIGHT SINGLE QUOTATION MARK} ")
                .endswith("?")
            )
        ):
            continue
        last = first
        while last < cue_count and cue_starts[last] < stop:
            last += 1
        # (A slice of the tuple, read but never changed: no list is built from it.)
        sentence_cues = cues[first:last]
        if according < first:
            according = first
            while according < cue_count and cues[according].lemma != "according to":
                according += 1
        if quoted:
            # '"…," he said, adding that CLAUSE': only a participle's clause outside the quote.
            report = _participle_clause(context, start, stop, sentence_cues, sentence) or (
                _reported_after(context, start, stop, sentence_cues, clause_lemmas)
                if opens_in_quote and _quote_then_words(context, open_quote_end, start, stop)
                else None
            )
            if report is None:
                continue
        elif start == 0 or text[start - 1] == "\n":
            report = _headline(context, start, stop) or _headline_verb(context, start, stop)
        else:
            report = None  # both headline frames need a sentence that opens its line
        if report is None and sentence_cues:
            report = (
                (_according_to(context, start, stop, sentence_cues) if according < last else None)
                or _reported_after(context, start, stop, sentence_cues, clause_lemmas)
                or _reported_clause(context, start, stop, sentence_cues, clause_lemmas)
            )
        if report is None:
            report = _in_poll(context, start, stop, sentence)
        if report is None:
            # Most sentences hold none of the words the frames below start from: one look
            # then skips them all (``_frame_words``), and their words are not built.
            # (A sentence read as ASCII keeps only the words the frames read, which read as
            # all of them would: see ``_frame_lookups``.)
            runs = _ascii_runs(sentence)
            words = _words_by_piece(sentence) if runs is None else _frame_reading(runs)
            if not frame_words.isdisjoint(words):
                report = (
                    _belief_clause(context, start, stop, words)
                    or _bare_belief(context, start, stop, words)
                    or _stance(context, start, stop, words)
                    or _naming(context, start, stop, words)
                    or _object_stance(context, start, stop, words)
                    or _participle_clause(context, start, stop, sentence_cues, sentence)
                    or _claim_noun(context, start, stop)
                )
        if report is None:
            continue
        joined = (
            [report]
            if report.rule == "reported_after"
            else _joined_reports(context, report, sentence_cues, stop, clause_lemmas)
        )
        joined[:1] = _interrupted(context, start, joined[0], stop)
        joined[:0] = _stance_before(context, start, joined[0])
        if len(joined) == 1:
            joined.extend(_stance_after(context, joined[-1], stop))
        # (A loop rather than a comprehension over a generator: most sentences have one report,
        # and each comprehension and generator is a frame of its own.)
        settled = []
        for each in joined:
            kept = _settle(context, each, quotes_before)
            if kept is not None:
                settled.append(kept)
        if not settled:
            continue
        reports.extend(settled)
        report = settled[-1]
        reported_until = report.end
        # "…, adding that CLAUSE" / "…, citing NP": a second claim by the same speaker. The
        # word must have a comma before it in the look's reach: most reports run to the
        # sentence's end and have none, so no matches are made for them.
        reach = report.end + 40 if report.end + 40 < stop else stop
        after = (
            next(
                (
                    word
                    for word in WORD.finditer(text, report.end, reach, False, False)
                    if text[report.end : word.start()].rstrip(_CLOSING_MARKS).endswith(",")
                ),
                None,
            )
            if text.find(",", report.end, reach) >= 0
            else None
        )
        # Only an adjunct the report left out may stand before the comma ("on Friday,"); and
        # a report before its cue ("CLAUSE, X said") takes a participle only after that cue:
        # what comes before it is the report's own tail, which names its speaker.
        gap = text[report.end : after.start()] if after is not None else ""
        if (
            after is not None
            and len(gap.split()) <= _ADJUNCT_BEFORE_PARTICIPLE
            and not (report.end <= report.cue.start and after.start() < report.cue.end)
        ):
            participle = _participle(context, after.start(), stop)
            if participle is not None:
                cue, content = participle
                second = _settle(
                    context, Report(*content, cue, report.found, report.rule), quotes_before
                )
                if second is not None:
                    reports.append(second)
                    reported_until = second.end
    return tuple(reports)


def _clauses_of(
    text: str, sentence_spans: Sequence[tuple[int, int]], quoted: Sequence[tuple[int, int]]
) -> Iterator[tuple[int, int, bool]]:
    """The sentences, each split at its semicolons outside ``quoted`` spans: in ``most said A;
    26 percent said B`` each side is read as a sentence of its own. A question is not split,
    so that each side stays a question. Each comes with whether it is a question: whether it
    ends in "?" before any closing marks (``_CLOSING_MARKS``).

    >>> text = "Most said it was fine; a third said it was not."
    >>> [text[start:end] for start, end, _ in _clauses_of(text, [(0, len(text))], [])]
    ['Most said it was fine;', ' a third said it was not.']
    >>> text = 'Was it fine; or not?" '
    >>> list(_clauses_of(text, [(0, len(text))], []))
    [(0, 22, True)]
    """
    # The first "?" and the first ";" at or after the last sentence's start (the text's
    # length for none left): the sentences come in text order, so each is looked for again
    # only once a sentence starts past it, and the text is read about once for them all, not
    # once a sentence. Most sentences hold neither: one comparison each.
    question_ahead = _next_mark(text, "?", 0)
    semicolon_ahead = _next_mark(text, ";", 0)
    for start, end in sentence_spans:
        if question_ahead < start:
            question_ahead = _next_mark(text, "?", start)
        if question_ahead < end:
            # Whether the sentence ends in "?" before its closing marks, read back from its
            # end without slicing it out.
            last = end - 1
            while last >= start and text[last] in _CLOSING_MARKS:
                last -= 1
            if last >= start and text[last] == "?":
                yield start, end, True
                continue
        if semicolon_ahead < start:
            semicolon_ahead = _next_mark(text, ";", start)
        semicolon = semicolon_ahead if semicolon_ahead < end else -1
        while semicolon >= 0:
            index = bisect.bisect_right(quoted, (semicolon, len(text))) - 1
            if index < 0 or not quoted[index][0] <= semicolon < quoted[index][1]:
                yield start, semicolon + 1, False
                start = semicolon + 1
            semicolon = text.find(";", semicolon + 1, end)
        yield start, end, False


def _next_mark(text: str, mark: str, start: int) -> int:
    """Where the first ``mark`` at or after ``start`` is, or ``len(text)`` if none is.

    >>> _next_mark("Why; why not?", "?", 0), _next_mark("Why; why not?", ";", 4)
    (12, 13)
    """
    found = text.find(mark, start)
    return found if found >= 0 else len(text)


def _joined_reports(
    context: Context,
    report: Report,
    cues: Sequence[CueWord],
    stop: int,
    clause_lemmas: frozenset[str],
) -> list[Report]:
    """The report, split where a conjunction joins a second report to it: ``X said A and said
    B`` (same speaker), ``X said A, but Y argued B``, ``A said B, while 40 percent said C``.

    Only a verb of saying right after the conjunction, or after a subject right after it,
    starts a second report; both clauses must stand as claims.
    """
    text = context.text
    reports = [report]
    for cue in cues:
        current = reports[-1]
        if cue.start <= current.start or cue.kind != "verb" or cue.lemma not in clause_lemmas:
            continue
        conjunction = None
        near = cue.start - 60 if cue.start - 60 > current.start else current.start
        for word in WORD.finditer(text, near, cue.start, False, False):
            if word.group().lower() in _JOINING:
                conjunction = word
        if (
            conjunction is None
            or conjunction.start() - current.end > _JOINING_GAP
            or text[current.end : conjunction.start()].strip(" ,")
        ):
            continue  # the conjunction must join the report, not follow a later clause
        lead = text[conjunction.end() : cue.start]
        if any(mark in lead for mark in '.;:"\N{LEFT DOUBLE QUOTATION MARK}'):
            continue
        found: Found | None
        if all(word.lower() in BETWEEN_SUBJECT_AND_VERB for word in lead.split()):
            found = current.found._replace(cue=cue)  # "… and said", "…, but also said"
        else:
            found = _subject(context, conjunction.end(), cue)
            if found is not None and found.phrase is None:
                subject_start = context.mentions[found.mention].start
                if text[conjunction.end() : subject_start].strip():
                    found = None  # the subject must follow the conjunction
        if found is None:
            continue
        clause = _clause_start(context, cue, stop)
        if clause is None:
            continue
        if cue.lemma not in _JOINED_VERBS and _complementizer(text, cue.end, stop) is None:
            continue  # "… but had ruled it out": a verb that reports only with "that"
        # A report before its cue ("CLAUSE, according to X") ends where it did: the cue and
        # its source are no part of the second.
        limit = current.end if current.end <= current.cue.start < stop else stop
        second = _trim(text, clause, _cut_tail(context, clause, limit))
        first = _trim(text, current.start, min(current.end, conjunction.start()))
        if not (_is_claim(text, first) and _is_claim(text, second)):
            continue
        reports[-1] = Report(*first, current.cue, current.found, current.rule)
        reports.append(Report(*second, cue, found, current.rule))
    return reports


def _stance_after(context: Context, report: Report, stop: int) -> list[Report]:
    """A stance or a commitment joined to a report by ``and`` / ``but``, with the report's
    speaker: ``X said A and warned against NP``, ``X said A but pledged to VP``, ``X urged A,
    and criticized NP``."""
    text = context.text
    position = report.end
    while position < stop and (text[position] in _CLOSING_QUOTES or text[position] == ","):
        position += 1  # '… for Terrence,” but pledged': the quote's comma and mark
    if position > report.end and text[position - 1] == ",":
        position -= 1
    match = COORDINATED_VERB.match(text, position, stop, False)
    if match is None:
        return []
    word = match.group(_VERB_GROUP)
    position = match.start(_VERB_GROUP)
    speech = lexicon.speech_verbs().get(word, "")
    found = _object_verb(text, word, match.end(), stop)
    if found is not None:
        lemma, verb_end = found
    elif speech in _INFINITIVE_LEMMAS:
        lemma, verb_end = speech, match.end()  # "… but pledged to remain civil"
    else:
        return []
    if word.endswith("ing") or word == lemma:
        return []  # "… and saying …", "… and support …": not a second finite verb
    infinitive = text.startswith(" to ", verb_end)
    if (lemma in _WISH_LEMMAS or lemma in _INFINITIVE_LEMMAS) and not infinitive:
        return []
    cue = CueWord(position, verb_end, text[position:verb_end], lemma, "verb")
    content_end = _cut_tail(context, verb_end, stop)
    boundary = OBJECT_END.search(text, verb_end + 1, content_end, False)
    if boundary is not None and not infinitive:
        content_end = boundary.start()
    content = _trim(text, verb_end, _second_predicate(text, verb_end, content_end))
    words = text[content[0] : content[1]].split()
    if (
        len(words) < _MIN_INTERRUPTED_WORDS  # "… and warned against sailing before then"
        or (words[0].lower() in _NOT_A_CLAUSE_OPENING and not infinitive)
        or _is_quote(text, *content)
    ):
        return []
    rule = "belief_clause" if lemma in _INFINITIVE_LEMMAS else "object_stance"
    return [Report(*content, cue, report.found._replace(cue=cue), rule)]


def _interrupted(context: Context, start: int, report: Report, stop: int) -> list[Report]:
    """A report its cue interrupts, ``A, she said, B``, as two reports with the same speaker
    and cue, as an interrupted quote in marks is two quotes: ``A`` before the cue's clause and
    ``B`` after it. ``A`` is returned even when it is a phrase (``The bigger risk``), and
    ``B`` is marked as a possible predicate of ``A`` (``is a clash``), which ``_settle`` keeps
    when it opens with a verb or an auxiliary. ``A, according to X, B`` (``A`` found by
    ``_according_to``) gets its ``B`` the same way. ``stop`` is where the sentence's content ends.
    """
    text = context.text
    cue = report.cue
    if report.rule == "according_to" and report.end <= cue.start:
        rest = _according_rest(context, report, stop)
        return [report] if rest is None else [report, rest]
    if report.rule != "reported_clause" or text[cue.end : report.start].strip() != ",":
        return [report]
    lead = _interrupted_lead(context, start, cue, report.found)
    if lead is None:
        return [report]
    # "The latest test, the agency said, was its biggest": B goes on A's sentence.
    return [lead, report._replace(predicate=True)]


def _according_rest(context: Context, report: Report, stop: int) -> Report | None:
    """In ``A, according to X, B``, the part ``B`` after the source's comma when it goes on
    ``A`` as its predicate (``At the heart of it, according to an envoy, was a decision``)."""
    text = context.text
    comma = text.find(",", report.cue.end, stop)
    if comma < 0 or len(text[report.cue.end : comma].split()) > REPORT_TAIL_LIMIT:
        return None
    rest = _trim(text, comma + 1, _cut_tail(context, comma + 1, stop))
    words = text[rest[0] : rest[1]].split()
    if not words or words[0] not in _PREDICATE_OPENERS:
        return None  # "was a decision", not "compared with …"
    return Report(*rest, report.cue, report.found, report.rule, predicate=True)


def _interrupted_lead(context: Context, start: int, cue: CueWord, found: Found) -> Report | None:
    """The part ``A`` before the cue of ``A, she said, …``, if the cue and its subject stand
    between two commas."""
    text = context.text
    comma = text.rfind(",", start, cue.start)
    if comma < 0 or len(text[comma + 1 : cue.start].split()) > _INTERRUPTING_SUBJECT:
        return None
    subject = context.mentions[found.mention] if found.mention >= 0 else found.phrase
    if subject is None or subject.start <= comma:
        return None
    # "If the count is close, the campaign said, it will ask for a recount": the main clause
    # after the cue may complete an opening phrase, so any first word will do.
    leading = _leading_clause(text, start, comma, _MIN_INTERRUPTED_WORDS, opening_phrase=True)
    if leading is None or _is_quote(text, *leading):
        return None
    words = text[leading[0] : leading[1]].split()
    if words[0].lower() in _NOT_A_CLAUSE_OPENING and len(words) < _MIN_OPENING_PHRASE_WORDS:
        return None  # "In the end, she said, …", "After all, he added, …": an adverbial
    return Report(*leading, cue, found, "reported_clause")


def _quote_then_words(context: Context, quote_end: int, start: int, stop: int) -> bool:
    """Whether a sentence that opens with a quote goes on in the writer's words before its
    last comma: ``"Thank the volunteers" for the victory, Sanders said`` reports one clause
    that holds the quote (``mixed``). The sentence starts inside the quote in marks that
    ends at ``quote_end`` (``find_reported`` asks only then)."""
    text = context.text
    near = quote_end - 4 if quote_end - 4 > start else start
    # The last character before the quote's closing marks, read back from its end in the
    # last four characters (or the sentence's, if fewer), without slicing and stripping them.
    last = quote_end - 1
    while last >= near and text[last] in _CLOSING_QUOTES:
        last -= 1
    if last < near or text[last] in ",.?!;:":
        return False  # '"…," Ann Lowe, the chair, said': the quote closes its own sentence
    comma = text.rfind(",", quote_end, stop)
    return (
        comma > quote_end
        and len(text[quote_end:comma].split()) >= _MIN_INTERRUPTED_WORDS
        and first_cue(context, quote_end, comma) is None
    )


def _participle_clause(
    context: Context, start: int, stop: int, cues: Sequence[CueWord], sentence: str
) -> Report | None:
    """``X did Y, saying / adding / noting (that) CLAUSE`` and ``X did Y, citing / referring
    to NP``: a participle after a comma reports a clause or a stance of the sentence's
    subject, the mention that opens the sentence (after a short phrase). After a quote in
    marks (``"…," he said, adding that …``) the speaker is the one named between the quote
    and the participle. ``sentence`` is ``text[start:stop]``."""
    if "ing" not in sentence and "who" not in sentence:
        return None  # no word after a comma can be "who" or end in "-ing"
    text = context.text
    at = sentence.find(",")
    next_comma = start + at if at >= 0 else -1
    while next_comma > start:
        comma, next_comma = next_comma, text.find(",", next_comma + 1, stop)
        position = comma + 1
        while position < stop and (text[position] == " " or text[position].isspace()):
            position += 1
        word = WORD.match(text, position, stop, False)
        if word is not None and word.group() == "who":
            relative = _who_reported(context, comma, word.end(), stop, cues)
            if relative is not None:
                return relative
            continue
        if word is None or not word.group().endswith("ing"):
            continue
        index = bisect.bisect_left(context.outer, (comma + 1,)) - 1
        lead_start = start
        if index >= 0 and context.outer[index][1] > start:
            if context.outer[index][1] > comma + 1:
                continue  # the participle stands inside a quote
            lead_start = context.outer[index][1]
        participle = _participle(context, word.start(), stop)
        if participle is None:
            continue
        candidates = mentions_between(context, lead_start, comma)
        if not candidates:
            continue
        subject = context.mentions[candidates[0]]
        if lead_start == start and not _starts_sentence(text, start, subject.start):
            continue  # "… met the mayor, saying …": the subject is not a mention
        if lead_start > start and first_cue(context, lead_start, comma) is None:
            continue  # '"…," the mayor, adding …': the quote's own cue must be there
        cue, content = participle
        return Report(*content, cue, Found(candidates[0], cue), "reported_participle")
    return None


def _who_reported(
    context: Context, comma: int, after_who: int, stop: int, cues: Sequence[CueWord]
) -> Report | None:
    """``"…," said Tom Reyes, who added that CLAUSE``: a relative clause on the mention before
    the comma, whose verb of saying (inflected, right after *who*) reports a clause."""
    text = context.text
    index = bisect.bisect_right(cues, after_who, key=lambda cue: cue.start)
    cue = cues[index] if index < len(cues) else None
    if (
        cue is None
        or text[after_who : cue.start].strip()
        or cue.kind != "verb"
        or cue.lemma not in lexicon.clause_verbs()
        or cue.text == cue.lemma
        or cue.text.endswith("ing")
    ):
        return None
    before = mentions_between(context, max(0, comma - 80), comma)
    if not before or context.mentions[before[-1]].end != comma:
        return None
    if context.mentions[before[-1]].kind == "pronoun":
        return None
    clause = _clause_start(context, cue, stop)
    if clause is None:
        return None
    content = _trim(text, clause, _cut_tail(context, clause, stop))
    if not _is_claim(text, content):
        return None
    return Report(*content, cue, Found(before[-1], cue), "reported_participle")


def _participle(
    context: Context, position: int, stop: int
) -> tuple[CueWord, tuple[int, int]] | None:
    """The cue and content of a participle at ``position`` that reports: a clause after
    ``saying`` / ``adding`` / ``noting``, or the object of ``citing`` / ``referring to`` /
    ``accusing`` (the stance verbs of ``data/object_verbs.txt``)."""
    text = context.text
    word = WORD.match(text, position, stop, False)
    if word is None:
        return None
    form = word.group().lower()
    if form in _PARTICIPLES:
        lemma = lexicon.speech_verbs().get(form, form)
        cue = CueWord(word.start(), word.end(), word.group(), lemma, "verb")
        clause = _clause_start(context, cue, stop)
        if clause is None:
            return None
        content = _trim(text, clause, _cut_tail(context, clause, stop))
        return (cue, content) if _is_claim(text, content) else None
    if form in _COMMITTING_PARTICIPLES and text.startswith(" to ", word.end()):
        # "…, promising to lift the rules": a commitment, from "to" to the clause's end
        lemma = lexicon.speech_verbs().get(form, form)
        cue = CueWord(word.start(), word.end(), word.group(), lemma, "verb")
        content_end = _cut_tail(context, word.end(), stop)
        content_end = _second_predicate(text, word.end(), content_end, participles=True)
        content = _trim(text, word.end(), content_end)
        return (cue, content) if len(text[content[0] : content[1]].split()) > 2 else None
    if form in _NAMING_PARTICIPLES:
        named = _named(context, word.end(), stop)
        if named is None:
            return None
        return CueWord(word.start(), word.end(), word.group(), "call", "verb"), named
    found = _object_verb(text, form, word.end(), stop)
    if found is None:
        return None
    lemma, verb_end = found
    if lemma in _WISH_LEMMAS or lemma in _INFINITIVE_LEMMAS:
        return None  # "refusing to …", "vowing to …": not an object
    content_end = _cut_tail(context, verb_end, stop)
    boundary = OBJECT_END.search(text, verb_end + 1, content_end, False)
    if boundary is not None:
        content_end = boundary.start()
    content = _trim(text, verb_end, content_end)
    words = text[content[0] : content[1]].split()
    if not words or words[0].lower() in _NOT_A_CLAUSE_OPENING or _is_quote(text, *content):
        return None
    cue = CueWord(word.start(), verb_end, text[word.start() : verb_end], lemma, "verb")
    return cue, content


def _object_end(text: str, start: int, end: int) -> int:
    """Where an object that starts at ``start`` ends: at ``OBJECT_END`` (a comma or an adjunct
    of the reporting sentence) before ``end``, but not at ``, including …``, which lists what
    the object holds.

    >>> text = "several factors, including the cuts, on Friday"
    >>> text[: _object_end(text, 0, len(text))]
    'several factors, including the cuts'
    """
    position = start + 1
    while True:
        boundary = OBJECT_END.search(text, position, end, False)
        if boundary is None:
            return end
        if text.startswith(", including ", boundary.start()):
            position = boundary.end()
            continue
        listed = _list_end(text, boundary.start(), end) if text[boundary.start()] == "," else -1
        if listed < 0:
            return boundary.start()
        position = listed


def _list_end(text: str, comma: int, end: int) -> int:
    """Where a list that goes on at ``comma`` ends: ``his parents, his siblings, his wife and
    his children``, ``to invest A, expand B, and enable C``. Each item after the comma is
    short and has no comma-free clause of its own; the last opens with, or holds, ``and`` /
    ``or``. ``-1`` if the comma does not go on with a list.

    >>> text = "his parents, his siblings and his wife, on Friday"
    >>> text[: _list_end(text, 11, len(text))]
    'his parents, his siblings and his wife'
    """
    position = comma
    for _ in range(_LIST_ITEMS):
        following = text.find(",", position + 1, end)
        item_end = following if following >= 0 else end
        words = text[position + 1 : item_end].split()
        if not words or len(words) > _LIST_ITEM_WORDS:
            return -1
        lowered = {word.lower() for word in words}
        if "and" in lowered or "or" in lowered:
            return item_end  # the last item: "and his children", "his siblings and his wife"
        if following < 0:
            return -1
        position = following
    return -1


def _object_verb(text: str, form: str, end: int, stop: int) -> tuple[str, int] | None:
    """The lemma and end of a stance verb of ``data/object_verbs.txt`` whose first word,
    lowercase ``form``, ends at ``end``: with the word after it when the two are listed
    together (``referring to``), else alone (``criticized``).

    >>> text = "referring to the plan"
    >>> _object_verb(text, "referring", 9, len(text))
    ('refer to', 12)
    """
    verbs = lexicon.object_verbs()
    following = WORD.match(text, end + 1, stop, False) if text.startswith(" ", end) else None
    if following is not None:
        phrase = f"{form} {following.group().lower()}"
        if phrase in verbs:
            return verbs[phrase], following.end()
    return (verbs[form], end) if form in verbs else None


def _stance_before(context: Context, start: int, report: Report) -> list[Report]:
    """A stance on an object joined to a report by its subject: in ``X criticized A and said
    B``, ``A`` (the stance) before ``B``. Only where the stance's object ends at the
    conjunction right before the report's verb."""
    text = context.text
    if report.rule != "reported_clause" or report.cue.start <= start:
        return []
    lead = text[start : report.cue.start].rstrip()
    # (A lead with any character left after ``rstrip`` ends in a word: no need to split it all.)
    conjunction = lead.rsplit(None, 1)[-1].lower() if lead else ""
    if conjunction not in ("and", "but"):
        return []
    stance = _object_stance(context, start, start + len(lead) - len(conjunction))
    if stance is None or stance.found.mention != report.found.mention:
        return []
    return [stance]


def _claim_noun(context: Context, start: int, stop: int) -> Report | None:
    """``… X's claim that CLAUSE``: a noun for a claim (``claim``, ``assertion``, ``warning``
    …) right after a named possessive and right before *that*; the name is the speaker. Only
    where the phrase stands after the sentence's verb (``rebutted Exxon's accusation that …``),
    so that the clause runs to the sentence's end."""
    text = context.text
    next_that = text.find(" that ", start, stop)
    while next_that >= 0:
        that, next_that = next_that, text.find(" that ", next_that + 1, stop)
        word = WORD.match(text, text.rfind(" ", start, that) + 1, that, False)
        if word is None or word.end() != that or word.group().lower() not in _CLAIM_NOUNS:
            continue
        before = text[max(start, word.start() - 3) : word.start()]
        if not before.endswith(("'s ", "\N{RIGHT SINGLE QUOTATION MARK}s ")):
            continue
        owners = mentions_between(context, max(start, word.start() - 60), word.start() - 3)
        if not owners or context.mentions[owners[-1]].end != word.start() - 3:
            continue
        owner = context.mentions[owners[-1]]
        if owner.kind == "pronoun" or _starts_sentence(text, start, owner.start):
            continue  # "Lowe's claim that A was wrong": where A ends needs a parser
        that_end = word.end() + len(" that")
        content = _trim(text, that_end, _cut_tail(context, that_end, stop))
        if not _is_claim(text, content):
            continue
        cue = CueWord(word.start(), word.end(), word.group(), word.group().lower(), "phrase")
        return Report(*content, cue, Found(owners[-1], cue), "claim_noun")
    return None


def _headline_verb(context: Context, start: int, stop: int) -> Report | None:
    """A title-case headline with a verb of saying: ``Varga Says Ferry Will Run All Winter``
    (the words before the verb are the speaker, those after it the content) or ``Ferry Could
    Run All Winter, Ines Varga Says`` (the words before the comma are the content). Capitals
    hide the speaker from the mention finder, so a phrase of one to six words stands in when no
    mention does. ``find_reported`` asks only for a sentence that opens its line."""
    text = context.text
    line_end = text.find("\n", start)
    line_end = len(text) if line_end < 0 else line_end
    # (``headline_at`` turns down a line too long for a headline before slicing it out.)
    if stop > line_end or not headline_at(text, start, line_end):
        return None
    verbs = lexicon.speech_verbs()
    words = list(WORD.finditer(text, start, stop, False, False))
    for index, word in enumerate(words):
        form = word.group()
        lemma = verbs.get(form.lower()) or lexicon.headline_verbs().get(form.lower(), "")
        if not form[:1].isupper() or index == 0 or lemma in ("", form.lower()):
            continue  # a base form in title case is a noun more often ("Washington Post")
        if form.endswith("ing"):
            continue
        cue = CueWord(word.start(), word.end(), form, lemma, "verb")
        comma = text.rfind(",", start, word.start())
        if index >= len(words) - 1 and comma > start:
            # "CLAUSE, Ines Varga Says": a subject of at most six words after the comma
            subject = (comma + 1, word.start())
            content = _trim(text, start, comma)
        else:
            subject = (comma + 1 if comma > start else start, word.start())
            content = _trim(text, word.end(), stop)
        subject = _trim(text, *subject)
        subject_words = text[subject[0] : subject[1]].split()
        content_words = text[content[0] : content[1]].split()
        if (
            not 1 <= len(subject_words) <= _HEADLINE_SUBJECT_WORDS
            or len(content_words) < _MIN_WORDS
        ):
            return None
        if (
            content_words[0].lower() in _NOT_A_CLAUSE_OPENING
            or content_words[0].lower() in ("about", "of")
            or subject_words[-1].lower() in _NOT_A_REPORT_BEFORE
            or not _CONDITIONS.isdisjoint(word.lower() for word in subject_words)
            or _is_quote(text, *content)
        ):
            return None  # "… Latinos Said In 2015", "Was Just Released About …", "If Obama Says"
        known = mentions_between(context, *subject)
        found = (
            Found(known[0], cue)
            if known
            else Found(-1, cue, phrase_mention(*subject, text[subject[0] : subject[1]]), "unknown")
        )
        return Report(*content, cue, found, "headline_colon")
    return None


def _headline(context: Context, start: int, stop: int) -> Report | None:
    """``Name: claim`` on a line of its own, as headlines and transcripts put it: the colon is
    the cue, and the speaker is the one mention that opens the line (``Clinton to donors:``
    keeps the mention), a transcript's capitalised label (``SMITH:``) or a finding's source
    (``Poll:``). The content runs to the line's end. ``find_reported`` asks only for a
    sentence that opens its line."""
    text = context.text
    lead_end = start + _HEADLINE_LEAD if start + _HEADLINE_LEAD < stop else stop
    colon = text.find(":", start, lead_end)
    if colon < 0 or not text.startswith(" ", colon + 1):
        return None
    line_end = text.find("\n", colon)
    content = _trim(
        text, colon + 1, _content_end(text, colon, len(text) if line_end < 0 else line_end)
    )
    if not _is_claim(text, content):
        return None
    cue = CueWord(colon, colon + 1, ":", ":", "phrase")
    lead = text[start:colon]
    if lead.lower() in _EVIDENCE_NOUNS or SPEAKER_LABEL.fullmatch(text, start, colon + 2, False):
        phrase = phrase_mention(start, colon, lead)
        return Report(*content, cue, Found(-1, cue, phrase, "unknown"), "headline_colon")
    candidates = mentions_between(context, start, colon)
    if not candidates:
        return None
    mention = context.mentions[candidates[0]]
    rest = text[mention.end : colon].split(None, 1)
    if mention.start != start or (rest and rest[0].lower() not in _HEADLINE_ADDRESS):
        return None
    return Report(*content, cue, Found(candidates[0], cue), "headline_colon")


def _belief_clause(
    context: Context, start: int, stop: int, lowered: AbstractSet[str] | None = None
) -> Report | None:
    """``X believes that CLAUSE`` / ``a poll shows that CLAUSE``: beliefs and findings, only
    with an explicit *that*, whose subject is a mention or a short noun phrase. ``lowered``
    holds the sentence's words, lowercase, if known."""
    text = context.text
    if " that " not in text[start:stop]:
        return None  # beliefs and findings are only taken with an explicit "that"
    if lowered is None:
        lowered = _lowercase_words(text, start, stop)
    beliefs = lexicon.belief_verbs()
    # Only a verb or adjective of belief or finding leads anywhere in the loop below.
    for word in _words_among(text, start, stop, _belief_forms(), lowered):
        form = word.group().lower()
        lemma = beliefs.get(form) or _EVIDENCE_VERBS.get(form)
        verb_start = word.start()
        as_adjective = False
        if form in _BELIEF_ADJECTIVES:
            # "X is convinced that …", "X made it clear that …": the verb group is the cue.
            copula = _belief_adjective_verb(text, start, word.start(), form)
            if copula >= 0:
                verb_start, lemma, as_adjective = copula, form, True
        if lemma is None:
            continue
        that = _complementizer(text, word.end(), min(stop, word.end() + 30))
        if that is None:
            continue
        content = _trim(text, that, stop)
        if not _is_claim(text, content):
            continue
        cue = CueWord(verb_start, word.end(), text[verb_start : word.end()], lemma, "belief")
        candidates = mentions_between(context, start, verb_start)
        if candidates:
            subject = subject_of(context, candidates, verb_start)
            if governs(text[context.mentions[candidates[-1]].end : verb_start]):
                return Report(*content, cue, Found(subject, cue), "belief_clause")
        if as_adjective:
            continue  # an adjective's subject must be a mention that governs its copula
        if lemma in _EVIDENCE_VERBS.values():
            finding = _finding_subject(context, start, word.start(), cue)
            if finding is not None:
                return Report(*content, cue, finding, "belief_clause")
        lead = _trim(text, start, word.start())
        lead_words = text[lead[0] : lead[1]].split()
        if 2 <= len(lead_words) <= 5 and lead_words[0].lower() in ("a", "an", "the", "one"):
            phrase = phrase_mention(lead[0], lead[1], text[lead[0] : lead[1]])
            return Report(*content, cue, Found(-1, cue, phrase, "unknown"), "belief_clause")
        return None
    return None


def _bare_belief(
    context: Context, start: int, stop: int, lowered: AbstractSet[str] | None = None
) -> Report | None:
    """``X thinks / believes / fears CLAUSE`` without *that*: a verb of opinion whose subject is
    a mention that governs it or a share of people (``most believe``), and a clause that opens
    with a pronoun, a determiner or a name right after the verb. ``lowered`` holds the
    sentence's words, lowercase, if known."""
    text = context.text
    if lowered is None:
        lowered = _lowercase_words(text, start, stop)
    beliefs = lexicon.belief_verbs()
    # Only a verb of opinion as written (lowercase) leads anywhere in the loop below.
    for word in _words_among(text, start, stop, _bare_belief_forms(), lowered):
        form = word.group()
        if beliefs.get(form) not in _BARE_BELIEF_LEMMAS:
            continue
        following = (
            WORD.match(text, word.end() + 1, None, False)
            if text.startswith(" ", word.end())
            else None
        )
        if following is None or not (
            following.group().lower() in _CLAUSE_OPENERS or following.group()[:1].isupper()
        ):
            continue
        lead = text[max(start, word.start() - 30) : word.start()].lower().split()
        if _not_active(lead, word.group()) or _conditional(text, start, word.start()):
            continue
        cue = CueWord(word.start(), word.end(), form, beliefs[form], "belief")
        found = _subject(context, start, cue)
        if found is None:
            continue
        content = _trim(text, word.end(), _cut_tail(context, word.end(), stop))
        if _is_claim(text, content):
            return Report(*content, cue, found, "belief_clause")
    return None


@lexicon.table
def _bare_belief_forms() -> frozenset[str]:
    """The forms of the verbs ``_bare_belief`` reads, lowercase: only a word that is one of
    them, as written, can start a belief there."""
    beliefs = lexicon.belief_verbs().items()
    return frozenset(form.lower() for form, lemma in beliefs if lemma in _BARE_BELIEF_LEMMAS)


@lexicon.table
def _frame_words() -> frozenset[str]:
    """Every lowercase word that one of the frames ``find_reported`` tries on a sentence
    without a cue of its own (after ``_in_poll``) can start from. Each frame finds nothing in
    a sentence without one of its words:

    - ``_belief_clause`` a verb or adjective of belief or finding (``_belief_forms``);
    - ``_bare_belief`` a verb of opinion (``_bare_belief_forms``);
    - ``_stance`` a verb whose lemma can start a content (``_stance_lemmas``);
    - ``_naming`` a form of *call*;
    - ``_object_stance`` the first word of a stance verb (``_object_verb_openers``);
    - ``_participle_clause`` *who*, or a participle in *-ing* that ``_participle`` reads: a
      verb of saying, of commitment or of naming, or the first word of a stance verb;
    - ``_claim_noun`` a noun for a claim.
    """
    participles = {
        form
        for form in (
            *_PARTICIPLES,
            *_COMMITTING_PARTICIPLES,
            *_NAMING_PARTICIPLES,
            *_object_verb_openers(),
        )
        if form.endswith("ing")
    }
    return frozenset(
        {
            *_belief_forms(),
            *_bare_belief_forms(),
            *_stance_lemmas()[1],
            *_NAMING_FORMS,
            *_object_verb_openers(),
            "who",
            *participles,
            *_CLAIM_NOUNS,
        }
    )


@lexicon.table
def _belief_forms() -> frozenset[str]:
    """Every form of a verb of belief or of finding, and the adjectives of belief
    (``_belief_clause`` reads only those)."""
    return frozenset(lexicon.belief_verbs()) | frozenset(_EVIDENCE_VERBS) | _BELIEF_ADJECTIVES


def _belief_adjective_verb(text: str, start: int, adjective_start: int, adjective: str) -> int:
    """Where the verb group before an adjective of belief starts (``is convinced``, ``was not
    so sure``, ``made it clear``), or ``-1`` if no copula or *made* governs the adjective.

    >>> text = "The mayor is increasingly convinced that the pier is safe."
    >>> _belief_adjective_verb(text, 0, text.index("convinced"), "convinced")
    10
    """
    near = max(start, adjective_start - 40)
    words = list(WORDS_BEFORE.finditer(text, near, adjective_start, False, False))
    for index in range(len(words) - 1, max(-1, len(words) - 4), -1):
        lower = words[index].group().lower()
        if adjective == "clear":
            if lower in _MAKING:
                return words[index].start()
            if lower != "it":
                return -1
        elif lower in _COPULAS:
            return words[index].start()
        elif lower not in _DEGREE_WORDS and not (lower.endswith("ly") and len(lower) > 4):
            return -1
    return -1


@lexicon.table
def _stance_lemmas() -> tuple[dict[str, str], frozenset[str]]:
    """The verb forms ``_stance`` reads, each with its lemma (a verb of saying, else of belief,
    else of finding), and the forms among them whose lemma can start a
    content: a sentence without one of those holds no stance."""
    speech = lexicon.speech_verbs()
    beliefs = lexicon.belief_verbs()
    lemmas = {}
    for form in {*speech, *beliefs, *_EVIDENCE_VERBS}:
        lemma = speech.get(form) or beliefs.get(form) or _EVIDENCE_VERBS.get(form)
        if lemma is not None:
            lemmas[form] = lemma  # an -ing form only as a progressive ("is urging"), see _stance
    content_lemmas = {
        *_EVIDENCE_VERBS.values(),
        *_INFINITIVE_LEMMAS,
        *_OBJECT_INFINITIVE_LEMMAS,
        "call",  # read as "call for" or "call on"
    }
    openers = frozenset(form for form, lemma in lemmas.items() if lemma in content_lemmas)
    return lemmas, openers


@lexicon.table
def _stance_forms() -> frozenset[str]:
    """The verb forms ``_stance`` reads (those of ``_stance_lemmas``)."""
    return frozenset(_stance_lemmas()[0])


def _words_among(
    text: str, start: int, stop: int, forms: frozenset[str], lowered: AbstractSet[str]
) -> list[regex.Match[str]]:
    """The ``WORD`` matches in ``text[start:stop]`` whose lowercase is one of ``forms``, in
    text order; ``lowered`` holds the stretch's words, lowercase (``_lowercase_words``).

    Each form that is there is looked for in the lowercase stretch, so the stretch's other
    words are never read: a place where a form is found is one of those matches if ``WORD``
    matches exactly the form there and a word opens there (``_opens_word``). Each form is
    looked for once, so the time stays linear in the stretch (times at most the number of
    forms listed).

    >>> text = "He recalled what she called it, and Call me, she calls."
    >>> lowered = _lowercase_words(text, 0, len(text))
    >>> [word.start() for word in _words_among(text, 0, len(text), _NAMING_FORMS, lowered)]
    [21, 36, 49]
    """
    present = forms.intersection(lowered)
    if not present:
        return []
    stretch = text[start:stop].lower()
    if len(stretch) != stop - start:
        # A letter whose lowercase is longer than itself (U+0130): offsets differ, so read
        # every word.
        words = WORD.finditer(text, start, stop, False, False)
        return [word for word in words if word.group().lower() in present]
    found = []
    for form in present:
        at = stretch.find(form)
        while at >= 0:
            position = start + at
            word = WORD.match(text, position, stop, False)
            if word is not None and word.end() == position + len(form):
                if _opens_word(text, start, position):
                    found.append((position, word))
            at = stretch.find(form, at + 1)
    found.sort()  # no two matches start at the same place, so no two matches are compared
    return [word for _, word in found]


def _word_before(text: str, start: int, position: int) -> str:
    """The last ``WORD`` match before ``position`` when the text is read from ``start`` (where
    a match opens), lowercase; ``""`` if there is none.

    The look starts a short way back: of what it finds there, a match after the first is one
    of those read from ``start`` too (the first may be the end of a longer word), else the
    look goes back to ``start``.

    >>> text = "The council was " + "x" * 80 + " criticized"
    >>> len(_word_before(text, 0, 97)), _word_before(text, 0, 16), _word_before(text, 4, 4)
    (80, 'was', '')
    """
    near = max(start, position - _WORD_BEFORE_CHARACTERS)
    found = collections.deque(WORD.finditer(text, near, position, False, False), maxlen=2)
    if near > start and len(found) < 2:
        found = collections.deque(WORD.finditer(text, start, position, False, False), maxlen=1)
    return found[-1].group().lower() if found else ""


# How far back ``_word_before`` first looks: two words of news text fit in it.
_WORD_BEFORE_CHARACTERS = 40


def _opens_word(text: str, start: int, position: int) -> bool:
    """Whether a letter at ``position`` opens a ``WORD`` match when the text is read from
    ``start``: no letter stands before it in the same stretch of word characters (a mark, an
    apostrophe or a hyphen between them does not part them: ``pro-choice``, ``’call``).

    >>> _opens_word("so-called", 0, 3), _opens_word("'-called", 0, 2), _opens_word("ab", 1, 1)
    (False, True, True)
    """
    at = position - 1
    while at >= start:
        character = text[at]
        if character.isspace():
            return True  # the common case: a space before the word
        if WORD.fullmatch(character, 0, None, False):
            return False  # a letter: the word began before it
        if not WORD.fullmatch("a" + character, 0, None, False):
            return True  # not a character WORD takes inside a word
        at -= 1
    return True


def _lowercase_words(text: str, start: int, stop: int) -> set[str]:
    """The ``WORD`` matches in ``text[start:stop]``, lowercase.

    A stretch in ASCII (once the common marks that are not part of a word are spaces and the
    right single quotation mark is a stand-in byte, ``_STAND_IN``) is read in C: every byte
    that ``WORD`` never matches becomes a space, and every run of the other bytes is a match
    from its first letter to its end (``-backed`` gives ``backed``). Any other stretch is read
    piece by piece between its spaces, each distinct piece once (``_piece_words``).

    >>> sorted(_lowercase_words("He VOWED to act, U.S.-backed.", 0, 29))
    ['act', 'backed', 'he', 's', 'to', 'u', 'vowed']
    >>> text = "\N{LEFT DOUBLE QUOTATION MARK}Rubio\N{RIGHT SINGLE QUOTATION MARK}s"
    >>> sorted(_lowercase_words(text, 0, len(text)))
    ['rubio\N{RIGHT SINGLE QUOTATION MARK}s']
    >>> mark = "\N{RIGHT SINGLE QUOTATION MARK}"
    >>> text = f"Jo's U.S.-backed plan, -- {mark}s Ann{mark}s"
    >>> sorted(_lowercase_words(text, 0, len(text)))
    ['ann\N{RIGHT SINGLE QUOTATION MARK}s', 'backed', "jo's", 'plan', 's', 'u']
    """
    return _words_of(text[start:stop])


def _words_of(stretch: str) -> set[str]:
    """``_lowercase_words`` of a whole ``stretch`` (``find_reported`` has each sentence's
    content sliced already).

    >>> sorted(_words_of("He VOWED to act, U.S.-backed."))
    ['act', 'backed', 'he', 's', 'to', 'u', 'vowed']
    """
    runs = _ascii_runs(stretch)
    return _words_by_piece(stretch) if runs is None else _split_runs(runs)


def _ascii_runs(stretch: str) -> str | None:
    """``stretch`` read as ``_lowercase_words`` reads an ASCII stretch: lowercase, every
    character that ``WORD`` never matches a space and the right single quotation mark the
    stand-in (``_STAND_IN``), so that each run between spaces is a match, perhaps with marks
    before its first letter; ``None`` for a stretch that must be read piece by piece.

    >>> _ascii_runs("Jo\N{RIGHT SINGLE QUOTATION MARK}s U.S.-backed plan.")
    'jo\\x01s u s -backed plan '
    """
    piece = stretch
    if _STAND_IN in piece:
        return None
    if not piece.isascii():
        for mark in _SPACED_MARKS:
            if mark in piece:
                piece = piece.replace(mark, " ")
        piece = piece.replace("\N{RIGHT SINGLE QUOTATION MARK}", _STAND_IN)
        if not piece.isascii():
            return None
    # (Read in C, inline rather than in a helper: this runs for most sentences.)
    return piece.encode().translate(_NOT_IN_A_WORD).lower().decode()


def _split_runs(runs: str) -> set[str]:
    """The words of an ``_ascii_runs`` reading: each run from its first letter, with the
    stand-in back as the mark, and none of a run without a letter."""
    marked = _runs_marked(runs)
    if _STAND_IN in runs:
        # The stand-in back as the mark, in the whole stretch at once: it is no space, so the
        # runs split as before.
        runs = runs.replace(_STAND_IN, "\N{RIGHT SINGLE QUOTATION MARK}")
    words = set(runs.split())
    if marked:
        # A run that opens with an apostrophe or a hyphen (or the mark) is matched from its
        # first letter, and a run without a letter is no match at all. Only a run after a
        # space or at the start can open with one: most stretches hold none, and their runs
        # stand as they are.
        words = {word.lstrip(_WORD_MARKS) for word in words}
        words.discard("")
    return words


def _runs_marked(runs: str) -> bool:
    """Whether a run of an ``_ascii_runs`` reading opens with a mark: an apostrophe, a hyphen
    or the stand-in. Only a run after a space or at the start can."""
    # (Looked for in the str, not the bytes it was read from: ``in`` on bytes first tries its
    # operand as a byte value, which raises and clears a TypeError.)
    return runs[:1] in _RUN_MARKS or " '" in runs or " -" in runs or " \x01" in runs


def _frame_lookups() -> frozenset[str]:
    """Every word that a frame of ``find_reported`` after ``_in_poll`` looks up among a
    sentence's words: what it needs of them. So those words met with this set read as all of
    them would (a test holds each frame's reading to it). Not kept: ``_frame_vocabulary``
    keeps it with ``_frame_words``."""
    return frozenset(
        _belief_forms()
        | _bare_belief_forms()
        | _stance_lemmas()[1]
        | _stance_forms()
        | _NAMING_FORMS
        | _object_verb_openers()
    )


@lexicon.table
def _frame_vocabulary() -> frozenset[str]:
    """``_frame_words`` and ``_frame_lookups``: all that the frames read of a sentence's
    words (see ``_frame_reading``)."""
    return _frame_words() | _frame_lookups()


def _frame_reading(runs: str) -> frozenset[str]:
    """The words of an ``_ascii_runs`` reading that are in ``_frame_vocabulary``: what the
    frames need of a sentence's words, without a set of the rest (a set of a sentence's words,
    each a string, was more at its peak than reported speech held for a short article).

    >>> sorted(_frame_reading(_ascii_runs("Ms Obi believes 'the pier' -vowed so.")))
    ['believes', 'vowed']
    """
    vocabulary = _frame_vocabulary()
    if _runs_marked(runs):
        return vocabulary.intersection(map(_WITHOUT_LEADING_MARKS, runs.split()))
    return vocabulary.intersection(runs.split())


# Marks outside ``WORD``'s letters that a stretch may hold and still be read as ASCII: as
# spaces they end a run of word characters just as they do in place.
_SPACED_MARKS = (
    "\N{LEFT DOUBLE QUOTATION MARK}",
    "\N{RIGHT DOUBLE QUOTATION MARK}",
    "\N{LEFT SINGLE QUOTATION MARK}",
    "\N{EM DASH}",
    "\N{EN DASH}",
    "\N{HORIZONTAL BAR}",
    "\N{HORIZONTAL ELLIPSIS}",
    "\N{NO-BREAK SPACE}",
)
# The byte that stands in for the right single quotation mark, which ``WORD`` takes inside a
# word as it takes an apostrophe; a stretch that holds the byte itself is read piece by piece.
_STAND_IN = "\x01"
# Every byte that ``WORD`` never matches, as a space: all but the ASCII letters, the apostrophe,
# the hyphen and the stand-in.
_NOT_IN_A_WORD = bytes(
    byte if chr(byte).isascii() and (chr(byte).isalpha() or chr(byte) in "'-\x01") else 32
    for byte in range(256)
)


# The marks ``WORD`` takes inside a word but not at its start (the right single quotation mark
# as itself, once ``_lowercase_words`` has put it back), and the same as bytes (the mark as the
# stand-in).
_WORD_MARKS = "'-\N{RIGHT SINGLE QUOTATION MARK}"
_RUN_MARKS = ("'", "-", _STAND_IN)
# A run of an ``_ascii_runs`` reading from its first letter.
_WITHOUT_LEADING_MARKS = operator.methodcaller("lstrip", "'-" + _STAND_IN)


def _words_by_piece(stretch: str) -> set[str]:
    """``_lowercase_words`` of a whole ``stretch``, read piece by piece between its spaces,
    each distinct piece once (``_piece_words``), in a loop that runs in C.

    >>> sorted(_words_by_piece("Caf\N{LATIN SMALL LETTER E WITH ACUTE}s, U.S."))
    ['caf\N{LATIN SMALL LETTER E WITH ACUTE}s', 's', 'u']
    """
    return set(itertools.chain.from_iterable(map(_piece_words, stretch.split(" "))))


# Not kept: a pass over PolNeAR dev asks 62 times about 56 pieces.
def _piece_words(piece: str) -> tuple[str, ...]:
    """The ``WORD`` matches in a piece of text without spaces, lowercase.

    >>> _piece_words("said,"), _piece_words("U.S.-backed")
    (('said',), ('u', 's', 'backed'))
    """
    # A piece of ASCII letters, perhaps with marks after them ("said,"), is one word; any
    # other piece is left to the pattern.
    word = piece.rstrip(_MARKS_AFTER_WORD)
    if word.isascii() and word.isalpha():
        return (word.lower(),)
    return tuple(word.lower() for word in WORD.findall(piece, 0, None, False, False))


def _stance(context: Context, start: int, stop: int, lowered: AbstractSet[str]) -> Report | None:
    """A commitment or a demand without a clause, or a finding without *that*:
    ``X vowed / pledged to VP``, ``X urged / called on Y to VP``, ``X called for NP``,
    ``a poll shows NP …``. The content is the verb's complement up to the clause's end.
    ``lowered`` holds the sentence's words, lowercase (``_lowercase_words``)."""
    text = context.text
    lemmas, openers = _stance_lemmas()
    if openers.isdisjoint(lowered):
        # Every verb there would find no content (or, with no word after it, end the look):
        # most sentences hold none of these verbs, so skip the word-by-word look.
        return None
    # Only a word with a lemma leads anywhere in the loop below.
    for word in _words_among(text, start, stop, _stance_forms(), lowered):
        lemma = lemmas.get(word.group().lower())
        if lemma is None:
            continue
        if word.group().endswith("ing"):
            before = text[max(start, word.start() - 12) : word.start()].split()
            if not before or before[-1].lower() not in _PROGRESSIVE:
                continue  # "a promising candidate"; "is promising to" reports
        after = text[word.end() : word.end() + 30 if word.end() + 30 < stop else stop].split(
            None, 2
        )
        if not after:
            return None
        if lemma == "call":
            if after[0].lower() not in ("for", "on"):
                continue
            lemma = "call " + after[0].lower()
        if lemma in _EVIDENCE_VERBS.values():
            content_start = _finding_start(context, start, word.end(), stop)
        elif lemma in _INFINITIVE_LEMMAS:
            content_start = word.end() if after[0].lower() == "to" else None
        elif lemma in _OBJECT_INFINITIVE_LEMMAS:
            content_start = _object_then_to(context, word.end(), stop)
        else:
            content_start = None
        if content_start is None:
            continue
        lead = text[max(start, word.start() - 30) : word.start()].lower().split()
        if _not_active(lead, word.group()) or _conditional(text, start, word.start()):
            continue
        if lemma in _WISH_LEMMAS and (
            (lead[-1:] and lead[-1] in _HEDGING_MODALS) or _RELATIVE_WORDS.intersection(lead[-3:])
        ):
            # "investors may want to think twice": advice, not anyone's wish; "a mill that
            # developers want to replace": the wish's object stands outside its content
            continue
        # The cue is built only for a verb that has come this far (most have not).
        cue = CueWord(word.start(), word.end(), word.group(), lemma, "verb")
        found = (
            _finding_subject(context, start, word.start(), cue)
            if lemma in _EVIDENCE_VERBS.values()
            else _subject(context, start, cue)
        )
        if found is None:
            continue
        content_end = _cut_tail(context, content_start, stop)
        if lemma not in _EVIDENCE_VERBS.values():
            content_end = _second_predicate(text, content_start, content_end, participles=True)
        content = _trim(text, content_start, content_end)
        if len(text[content[0] : content[1]].split()) < _MIN_WORDS or _is_quote(text, *content):
            continue
        return Report(*content, cue, found, "belief_clause")
    return None


def _naming(context: Context, start: int, stop: int, lowered: AbstractSet[str]) -> Report | None:
    """``X called NP "Y"``: what a subject calls someone or something, in marks, is a stance
    on it (``Ms Lund called the plan "a gift to developers"``). The content is the object and
    what it is called, to the end of the clause. Not ``what she calls "…"`` or ``whom he
    called "…"`` (no object), nor ``a group called "…"`` (no subject), nor ``so-called``."""
    if _NAMING_FORMS.isdisjoint(lowered):
        return None
    text = context.text
    for word in _words_among(text, start, stop, _NAMING_FORMS, lowered):
        if word.group() not in _NAMING_FORMS:
            continue
        lead = text[max(start, word.start() - 30) : word.start()].lower().split()
        if _not_active(lead, word.group()) or _conditional(text, start, word.start()):
            continue
        if not _RELATIVE_WORDS.isdisjoint(lead[-4:-1]):
            continue  # "what her team calls her 'agenda'": the relative word is the object
        content = _named(context, word.end(), stop)
        if content is None:
            continue
        cue = CueWord(word.start(), word.end(), word.group(), "call", "verb")
        found = _subject(context, start, cue)
        if found is not None:
            return Report(*content, cue, found, "object_stance")
    return None


def _named(context: Context, verb_end: int, stop: int) -> tuple[int, int] | None:
    """After ``called``: an object of one to five words, then a quote in marks, and the rest
    of the clause (``it "dangerous" that the city waited``), as a content span."""
    text = context.text
    index = bisect.bisect_left(context.outer, (verb_end,))
    if index >= len(context.outer):
        return None
    quote_start, quote_end = context.outer[index]
    words = text[verb_end : max(verb_end, quote_start - 1)].split()
    while words and words[-1].lower() in ("a", "an", "the"):
        words.pop()
    if (
        not 1 <= len(words) <= _NAMED_OBJECT_WORDS
        or quote_end > stop
        or any(not word[:1].isalnum() for word in words)
        or words[0].lower() in _NOT_A_CLAUSE_START
        or words[0].lower() in _NOT_A_CLAUSE_OPENING
    ):
        return None
    close = _past_closing_quotes(text, quote_end, stop)
    end = max(close, _cut_tail(context, verb_end, stop))
    joined = COORDINATED_CLAUSE.match(text, close, end, False)
    if joined is not None:
        end = close  # 'call him the "Beast" and he likes it': a clause of its own follows
    boundary = OBJECT_END.search(text, close, end, False)
    if boundary is not None:
        end = boundary.start()
    return _trim(text, verb_end, end)


def _second_predicate(text: str, start: int, end: int, *, participles: bool = False) -> int:
    """Where an object ends before ``and`` and a second verb, of the subject or of a clause
    of its own: ``defended his mother and refused to …``, ``Zika and his campaign did not
    respond``.

    >>> text = "the plan and later refused to comment"
    >>> text[: _second_predicate(text, 0, len(text))]
    'the plan'
    """
    if participles:
        # "vowed to bolster it, reversing decades of …": a participle after a comma
        for match in COMMA_WORD.finditer(text, start, end, False, False):
            word = match.group(_WORD_GROUP)
            if (word.endswith("ing") and len(word) > 5) or _verb_like(word):
                end = match.start()
                break
    for match in _coordinated_verbs(text, start, end):
        words = [*text[match.start(_VERB_GROUP) : end].split(None, 3), "", "", ""]
        if (
            _verb_like(words[0])
            or ((words[0].endswith("ly") or words[0] in _ADVERBS) and _verb_like(words[1]))
            or (words[0] in _DETERMINERS and _verb_like(words[2]))
        ):
            return match.start()
    return end


def _verb_like(word: str) -> bool:
    """Whether a lowercase word is most likely a finite verb: a past tense or an auxiliary."""
    word = word.strip(",.;:")
    return word in _FINITE or word in lexicon.irregular_past_verbs() or (
        word.endswith("ed") and len(word) > 4 and word.isalpha()
    )


@lexicon.table
def _object_lemmas() -> frozenset[str]:
    """The lemmas of ``data/object_verbs.txt``."""
    return frozenset(lexicon.object_verbs().values())


@lexicon.table
def _object_verb_openers() -> frozenset[str]:
    """The first word of every form in ``data/object_verbs.txt``."""
    return frozenset(form.split()[0] for form in lexicon.object_verbs())


def _object_stance(
    context: Context, start: int, stop: int, lowered: AbstractSet[str] | None = None
) -> Report | None:
    """``X criticized / praised / endorsed NP``, ``X talked about NP``, ``X wants to VP``: a
    verb whose object is the stance reported (``data/object_verbs.txt``), with a subject that
    governs it. The content is the object, up to a comma or an adjunct of the sentence.
    ``lowered`` holds the sentence's words, lowercase, if known."""
    text = context.text
    verbs = lexicon.object_verbs()
    openers = _object_verb_openers()
    if lowered is None:
        lowered = _lowercase_words(text, start, stop)
    if openers.isdisjoint(lowered):
        return None  # most sentences hold none: no match objects for their words
    # Most words open no object verb (`talked about`, `criticized`): only those that do are
    # read, each with the word before it (``_word_before``, read from the last such word on)
    # and up to three words after it, each one space on (a word there opens a ``WORD`` match).
    last_read = start
    for word in _words_among(text, start, stop, openers, lowered):
        read_from, last_read = last_read, word.start()
        lemma = None
        verb_end = word.end()
        phrase = word.group().lower()
        for _ in range(3):
            following = (
                WORD.match(text, verb_end + 1, stop, False)
                if text.startswith(" ", verb_end)
                else None
            )
            if following is None:
                break
            phrase += " " + following.group().lower()
            verb_end = following.end()
            if phrase in verbs:
                lemma = verbs[phrase]
                break
        if lemma is None:
            verb_end = word.end()
            lemma = verbs.get(word.group().lower())
        if lemma is None or not word.group().islower():
            continue
        before = _word_before(text, read_from, word.start())
        if word.group().endswith("ing") and before not in _PROGRESSIVE:
            continue  # "criticizing the plan" opens no report; "is criticizing" does
        if before in _NOT_BEFORE_A_STANCE_VERB or before.endswith(_POSSESSIVE):
            continue  # "his attacks on", "Rubio's support", "to address": a noun or infinitive
        after = text[verb_end : min(stop, verb_end + 30)].split(None, 1)
        if not after:
            return None
        first = after[0].lower().strip(",")
        if lemma in _WISH_LEMMAS:
            if first != "to":
                continue
        elif (
            first in _NOT_A_CLAUSE_OPENING
            or first in _FINITE
            or (" " not in lemma and (first in _NOT_A_CLAUSE_START or first in _NOT_AN_OBJECT))
        ):
            continue  # "the loopholes he cited are …", "backed down": no object follows
        if not (after[0][:1].isalnum() or after[0][:1] in _OPENING):
            continue
        lead = text[max(start, word.start() - 30) : word.start()].lower().split()
        if _not_active(lead, word.group()) or _conditional(text, start, word.start()):
            continue
        cue = CueWord(word.start(), verb_end, text[word.start() : verb_end], lemma, "verb")
        found = _subject(context, start, cue)
        if found is None:
            continue
        content_start = verb_end
        content_end = _cut_tail(context, content_start, stop)
        if first not in _QUESTION_OPENERS:  # "described how …": a clause, not an object
            content_end = _object_end(text, content_start, content_end)
        content_end = _second_predicate(text, content_start, content_end)
        content = _trim(text, content_start, content_end)
        if content[0] >= content[1] or _is_quote(text, *content):
            continue
        return Report(*content, cue, found, "object_stance")
    return None


def _conditional(text: str, start: int, verb_start: int) -> bool:
    """Whether the verb at ``verb_start`` stands in a conditional or time clause: ``If X says
    …``, ``…, unless she announces …``. The clause opens at the sentence's start or its last
    comma before the verb (looked for in a short window).

    A time clause with a past tense reports what happened: ``when the mayor said …``.

    >>> _conditional("If the mayor says the road is safe, it will open.", 0, 14)
    True
    >>> _conditional("When the mayor announced the plan, nobody clapped.", 0, 15)
    False
    """
    window = verb_start - 80 if verb_start - 80 > start else start
    comma = text.rfind(",", window, verb_start)
    opening = comma + 1 if comma >= 0 else window
    if comma < 0 and window > start:
        return False  # the clause's opening is out of sight
    words = text[opening:verb_start].split(None, 1)
    if not words:
        return False
    first = words[0].lower().strip("\"'(")
    if first in _PAST_TIME:
        verb = text[verb_start : verb_start + 20].split(None, 1)[0].lower()
        if _verb_like(verb) and verb not in _FINITE:
            return False  # "when Trump mentioned the former secretary": a past event
    return first in _CONDITIONS


def _object_then_to(context: Context, position: int, stop: int) -> int | None:
    """Where the content of ``urged Y to VP`` / ``called for NP`` starts: right after the verb
    (and ``for`` / ``on``) if an infinitive follows its object within a few words."""
    text = context.text
    words = text[position : min(stop, position + 80)].split()
    if not words:
        return None
    if words[0].lower() == "for":
        return text.index("for", position) + 3  # called for NP
    if words[0].lower() == "on":
        position = text.index("on", position) + 2
        words = words[1:]
    if "to" in [word.lower() for word in words[1:7]] and not any(
        mark in word for word in words[:7] for mark in ".;:"
    ):
        return position
    return None


def _finding_start(context: Context, start: int, verb_end: int, stop: int) -> int | None:
    """Where the finding after ``shows`` / ``found`` starts, if the verb is not followed by a
    preposition or "that" (the clause rule takes those)."""
    following = context.text[verb_end : min(stop, verb_end + 20)].split(None, 1)
    if not following or following[0].lower() in _NOT_A_CLAUSE_START | {"that", "up", "out"}:
        return None
    return verb_end


def _finding_subject(context: Context, start: int, verb_start: int, cue: CueWord) -> Found | None:
    """The source of a finding: a short noun phrase ending in a word for a poll, a study or a
    record (``A new poll shows``, ``the survey found``)."""
    text = context.text
    lead = _trim(text, max(start, verb_start - 80), verb_start)
    comma = max(text.rfind(mark, lead[0], lead[1]) for mark in ",\N{EM DASH}")
    if comma >= 0:
        lead = _trim(text, comma + 1, lead[1])
    words = text[lead[0] : lead[1]].split()
    if words and words[0].lower() in _SENTENCE_CONJUNCTIONS:
        lead = _trim(text, lead[0] + len(words[0]), lead[1])  # "… and his first videos show"
        words = words[1:]
    if not 1 <= len(words) <= _FINDING_SUBJECT_WORDS:
        return None
    lowered = {word.lower() for word in words}
    if not lowered.isdisjoint(_CONDITIONS) or not lowered.isdisjoint(_PROGRESSIVE):
        return None  # "if the emails show", "a series of photos from it is revealing"
    # The head noun ends the phrase or stands early in it: "A new poll released Monday shows",
    # "A CNN/ORC poll last month showed", "the survey of 800 voters found".
    heads = [word.lower().strip("'’,") in _EVIDENCE_NOUNS for word in words]
    if not (heads[-1] or any(heads[:_FINDING_HEAD_WITHIN])):
        return None
    if not (heads[-1] or heads[0]) and words[0].lower() not in _NOUN_PHRASE_OPENERS:
        return None
    phrase = phrase_mention(lead[0], lead[1], text[lead[0] : lead[1]])
    return Found(-1, cue, phrase, "unknown")


def _settle(context: Context, report: Report, before: int) -> Report | None:
    """The report with its clause holding whole quotes in marks, never half of one.

    The sentence splitter can end a sentence inside quoted words (``the plan "was dead. Gone"
    today``): a quote that starts in the clause and runs past its end extends the clause; a
    quote that starts before the clause and ends inside it moves the clause's start past it.
    ``before`` is how many quotes start by some place near the report's start (the caller's
    clause start): stepped from there to the count for the report's start itself.
    """
    start, end = report.start, report.end
    outer = context.outer
    count = len(outer)
    # From the last quote to start by ``start`` on, by index. The quotes are in text order, so
    # the number that start by ``start`` is found by stepping from ``before`` (the reports of
    # a clause start in or near it: a step or two at most), the count ``bisect_right(outer,
    # (start, len(text)))`` gives (every quote ends by the text's end), without building a
    # key or calling bisect for every report.
    while before < count and outer[before][0] <= start:
        before += 1
    while before > 0 and outer[before - 1][0] > start:
        before -= 1
    index = before - 1 if before else 0
    while index < count and outer[index][0] < end:
        quote_start, quote_end = outer[index]
        if quote_start < start < quote_end:
            start = quote_end
        elif start <= quote_start < end < quote_end:
            end = quote_end
        index += 1
    text = context.text
    start, end = _trim(text, start, end)
    while start < end and not (text[start].isalnum() or text[start] in _OPENING):
        start += 1
    # A clause that opens its sentence had its first word checked by _leading_clause.
    if report.rule == "object_stance":
        if start >= end:
            return None
    elif report.end <= report.cue.start:
        if len(text[start:end].split()) < _MIN_INTERRUPTED_WORDS:
            return None
    elif not (
        # an infinitive ("to lift the rules"), looked for only where it counts
        (text.startswith("to ", start) and len(text[start:end].split()) > 2)
        or _long_enough(text, (start, end))
        or (report.predicate and _predicate(text, start, end))
    ):
        return None
    if start == report.start and end == report.end and not report.predicate:
        return report  # already the settled report: equal to a new one, without building it
    return Report(start, end, report.cue, report.found, report.rule)


def _predicate(text: str, start: int, end: int) -> bool:
    """Whether a span is a predicate that goes on the words before an interrupting cue: at
    least two words, the first a lowercase verb or auxiliary (``was its biggest yet``,
    ``would make visitors face it``), not a preposition or conjunction (``in May``).

    >>> _predicate("was its biggest yet", 0, 19)
    True
    >>> _predicate("in the spring", 0, 13)
    False
    """
    words = text[start:end].split()
    if len(words) < _MIN_INTERRUPTED_WORDS or not words[0].isalpha() or not words[0].islower():
        return False
    return words[0] in _PREDICATE_OPENERS or words[0].endswith("ed")


def _inside_quote(outer: tuple[tuple[int, int], ...], first: int, start: int, end: int) -> bool:
    """Whether the sentence is all but a quote in marks, or starts inside one. A sentence that
    is mostly a quote can still report it: ``X said the plan was "a costly mistake."``

    ``outer`` holds the quotes' spans with their marks, in text order, and ``first`` is the
    index of the last to start by ``start`` (-1 for none).

    >>> outer = ((0, 20), (30, 60))
    >>> _inside_quote(outer, 0, 5, 25), _inside_quote(outer, 0, 26, 62)
    (True, True)
    >>> _inside_quote(outer, 0, 22, 40)  # a third of it quoted
    False
    """
    if first >= 0 and start < outer[first][1]:
        return True  # it starts inside the last quote to open by its start
    # (That quote, if any, ends by ``start`` and covers none of the sentence.) Every later one
    # opens after ``start``: each covers the sentence from its opening mark to its end or the
    # sentence's, up to the first to open past the sentence (most sentences hold none). A
    # conditional expression, not min: this runs for every sentence.
    covered = 0
    index = first + 1
    while index < len(outer) and outer[index][0] < end:
        quote_start, quote_end = outer[index]
        covered += (end if end < quote_end else quote_end) - quote_start
        index += 1
    return covered > end - start - _FRAME_OUTSIDE_A_QUOTE


def _content_end(text: str, start: int, end: int) -> int:
    """The sentence's end without its final punctuation and white space.

    >>> text = "The pier is safe.\N{NO-BREAK SPACE}! \\n"
    >>> text[: _content_end(text, 0, len(text))]
    'The pier is safe'
    """
    return start + len(_content(text, start, end))


def _content(text: str, start: int, end: int) -> str:
    """The sentence without its final punctuation and white space: ``text[start:stop]``,
    where ``stop`` is ``_content_end(text, start, end)``.

    >>> _content("The pier is safe.\N{NO-BREAK SPACE}! \\n", 0, 20)
    'The pier is safe'
    """
    # One strip in C rather than a look at each character from the end (this runs for every
    # sentence); the copy it strips is read once, as the sentence is.
    return text[start:end].rstrip(_SENTENCE_END)


# What ``_content_end`` strips: ".", "!", ";" and every character ``str.isspace`` takes (a test
# holds the list to ``str.isspace`` over all of Unicode).
_SENTENCE_END = (
    ".!;\t\n\x0b\x0c\r\x1c\x1d\x1e\x1f \x85\xa0\u1680\u2000\u2001\u2002\u2003\u2004\u2005"
    "\u2006\u2007\u2008\u2009\u200a\u2028\u2029\u202f\u205f\u3000"
)


def _according_to(
    context: Context, start: int, stop: int, cues: Sequence[CueWord]
) -> Report | None:
    text = context.text
    # Where the sentence's first character but a space or a comma stands, and where its word
    # after the first _ADVERBIAL_LEAD_WORDS starts (``stop`` for none): read once, when first
    # asked for, so that the lead before each cue is not sliced (see _adverbial_lead).
    solid = far = -1
    for cue in cues:
        if cue.lemma != "according to":
            continue
        # At the sentence's start, or after a colon: "It has not gone unnoticed: According to …"
        opens = cue.start - start <= 2 or (
            text[max(start, cue.start - 3) : cue.start].rstrip().endswith(":")
        )
        after_comma = text[cue.start - 2 : cue.start].strip() == ","
        if not opens and not after_comma:
            continue  # (before the comma after the cue is looked for: it can be far)
        comma = text.find(",", cue.end, stop)
        if opens and comma > 0:
            # According to X, CLAUSE.
            found = _source(context, cue, comma, comma)
            content = _trim(text, comma + 1, _cut_tail(context, comma + 1, stop))
            if found is not None and _is_claim(text, content):
                return Report(*content, cue, found, "according_to")
            continue
        if not after_comma:
            continue
        if comma > 0 and solid < 0:
            solid, far = _lead_marks(text, start, stop)
        if comma > 0 and _adverbial_lead(text, start, cue.start - 2, solid, far):
            # "But, according to the poll, CLAUSE" / "Now, according to X, CLAUSE": the lead
            # before the cue is a conjunction or a short adverbial.
            found = _source(context, cue, comma, comma)
            content = _trim(text, comma + 1, _cut_tail(context, comma + 1, stop))
            if found is not None and _is_claim(text, content):
                return Report(*content, cue, found, "according_to")
            lead = _leading_clause(text, start, cue.start - 2, _MIN_INTERRUPTED_WORDS)
            if found is not None and lead is not None and _predicate(text, *content):
                # "His criticism, according to the interview, was …": the subject comes first
                # (the predicate after the source is added by _interrupted)
                return Report(*lead, cue, found, "according_to")
        else:
            # CLAUSE, according to X. X ends at the comma after the cue, if any, but for a
            # name set beside it ("according to the harbour master, Ian Holt"): any other
            # mention past the comma is not the source ("Sales rose, according to figures out
            # on Monday, which Ms Obi welcomed"). (Such a mention took the source's place when
            # X was no mention; with nothing between the cue and the comma, it lay inside the
            # clause after the comma, which was then reported with its speaker in its words.)
            source_end = comma if comma > 0 else stop
            found = _source(context, cue, source_end, source_end)
            if comma > 0 and (found is None or found.mention < 0):
                beside = _apposed_mention(context, comma, stop)
                if beside is not None:
                    found = Found(beside, cue)
            if found is None:
                continue
            leading = _leading_clause(text, start, cue.start - 2)
            if leading is None or _is_quote(text, *leading):
                continue
            return Report(*leading, cue, found, "according_to")
    return None


def _apposed_mention(context: Context, comma: int, stop: int) -> int | None:
    """The mention that stands right after ``comma`` and ends its stretch of ``text[:stop]``
    (at ``stop``, or at a comma or closing mark), set beside what comes before the comma:
    ``according to the harbour master, Ian Holt.``"""
    index = first_mention_between(context, comma + 1, stop)
    if index is None:
        return None
    text = context.text
    mention = context.mentions[index]
    if text[comma + 1 : mention.start].strip():
        return None  # not right after the comma
    if text.startswith(",", mention.end) or not text[mention.end : stop].strip().strip(".;:!?)"):
        return index
    return None


def _lead_marks(text: str, start: int, stop: int) -> tuple[int, int]:
    """For :func:`_adverbial_lead`: where the first character of ``text[start:stop]`` that is
    not a space or a comma stands, and where its word after the first _ADVERBIAL_LEAD_WORDS
    starts (``stop`` for none)."""
    solid = start
    while solid < stop and text[solid] in " ,":
        solid += 1
    head = _head(text, start, stop, _ADVERBIAL_LEAD_WORDS)
    pieces = head.split(None, _ADVERBIAL_LEAD_WORDS)
    far = start + len(head) - len(pieces[-1]) if len(pieces) > _ADVERBIAL_LEAD_WORDS else stop
    return solid, far


def _adverbial_lead(text: str, start: int, end: int, solid: int, far: int) -> bool:
    """Whether the lead ``text[start:end]`` before "according to" is nothing but spaces and
    commas, ends in a conjunction, or has at most _ADVERBIAL_LEAD_WORDS words; ``solid`` and
    ``far`` are :func:`_lead_marks` of its sentence. Only the last word is read, not the whole
    lead (a run-on sentence would be read once per "according to").

    >>> text = "But, according to the poll, it is fine"
    >>> _adverbial_lead(text, 0, 3, *_lead_marks(text, 0, len(text)))
    True
    """
    if solid >= end:
        return True  # not lead.strip(" ,")
    last = end
    while last > start and text[last - 1].isspace():
        last -= 1
    if last == start:
        # Nothing but white space, some of it other than plain spaces ("fine;" then a no-break
        # space, then ", according to"): no word, so no more than _ADVERBIAL_LEAD_WORDS of them.
        # (This read the last word of none and raised IndexError.)
        return True
    first = last - 1
    while first > start and last - first <= _LONGEST_CONJUNCTION and not text[first - 1].isspace():
        first -= 1
    # (A longer word is no conjunction: lowercasing never shortens a word.)
    if last - first <= _LONGEST_CONJUNCTION and text[first:last].lower() in _SENTENCE_CONJUNCTIONS:
        return True
    return end <= far  # len(lead.split()) <= _ADVERBIAL_LEAD_WORDS


def _holds_report(cues: Sequence[CueWord], span: tuple[int, int]) -> bool:
    """Whether a verb that reports a clause stands inside ``span``."""
    clause_lemmas = lexicon.clause_verbs()
    return any(
        cue.kind == "verb" and cue.lemma in clause_lemmas and span[0] <= cue.start < span[1]
        for cue in cues
    )


def _in_poll(context: Context, start: int, stop: int, sentence: str) -> Report | None:
    """A finding placed in a poll: ``In the latest poll, CLAUSE``. The source is the phrase
    after ``In`` (at most ten words, holding a word for a poll); the rule is named
    ``according_to``, as the phrase reads "according to the poll". (``CLAUSE in most polls``
    at a sentence's end is not taken: PolNeAR's annotators mark it about a third of the time.)
    ``sentence`` is ``text[start:stop]``.
    """
    text = context.text
    lowered = sentence.lower()
    if "poll" not in lowered and "survey" not in lowered and "average" not in lowered:
        return None  # no word of _POLL_NOUNS
    lead = _trim(text, start, stop)[0]
    first_word = WORD.match(text, lead, stop, False)
    if first_word is not None and first_word.group().lower() in _SENTENCE_CONJUNCTIONS:
        lead = _trim(text, first_word.end(), stop)[0]
    if text.startswith(("In ", "in "), lead):
        # In the latest poll, CLAUSE.
        comma = text.find(",", lead, min(stop, lead + _POLL_PHRASE_CHARACTERS))
        phrase = _trim(text, lead + len("in "), comma) if comma > 0 else None
        if phrase is not None and _names_a_poll(text[phrase[0] : phrase[1]]):
            content = _trim(text, comma + 1, stop)  # a finding keeps its "although …"
            cue = CueWord(lead, lead + 2, text[lead : lead + 2], "in", "phrase")
            if _is_claim(text, content):
                source = phrase_mention(*phrase, text[phrase[0] : phrase[1]])
                return Report(*content, cue, Found(-1, cue, source, "unknown"), "according_to")
    return None


def _names_a_poll(phrase: str) -> bool:
    """Whether a short phrase names a poll: ``the latest NBC News poll``, ``most surveys``.

    >>> _names_a_poll("the latest NBC News poll"), _names_a_poll("the second round")
    (True, False)
    """
    words = phrase.lower().split()
    return (
        1 <= len(words) <= _POLL_PHRASE_WORDS
        and words[0] not in _NOT_A_CLAUSE_OPENING
        and any(word.strip(".'’") in _POLL_NOUNS for word in words)
    )


# What may follow a source that ends its sentence: "according to him."
_SOURCE_END = " \t\n.;:!?)"


def _source(context: Context, cue: CueWord, end: int, phrase_end: int) -> Found | None:
    """The source after ``according to``: its first mention before ``end``, else the short
    phrase up to ``phrase_end`` (``according to a new poll``, ``according to figures``)."""
    source = first_mention_between(context, cue.end, end)
    if source is not None:
        return Found(source, cue)
    # "according to him": an object pronoun, which first_mention_between passes over (no
    # subject elsewhere), is the source when it is all there is of it (not "according to her
    # plan").
    index = bisect.bisect_left(context.mention_starts, cue.end)
    if index < len(context.mentions):
        mention = context.mentions[index]
        if (
            mention.kind == "pronoun"
            and mention.end <= phrase_end
            and not context.text[cue.end : mention.start].strip()
            and not context.text[mention.end : phrase_end].strip(_SOURCE_END)
        ):
            return Found(index, cue)
    # A bracket ends the phrase: "(… according to exit polls)", "according to exit polls (a
    # sizable margin, …" give "exit polls".
    for bracket in "()":
        at = context.text.find(bracket, cue.end, phrase_end)
        if at >= 0:
            phrase_end = at
    phrase = _trim(context.text, cue.end, phrase_end)
    words = context.text[phrase[0] : phrase[1]].split()
    if not 1 <= len(words) <= 8 or any(mark in word for word in words for mark in "\"“”"):
        return None
    return Found(-1, cue, phrase_mention(*phrase, context.text[phrase[0] : phrase[1]]), "unknown")


def _reported_after(
    context: Context,
    start: int,
    stop: int,
    cues: Sequence[CueWord],
    clause_lemmas: frozenset[str],
) -> Report | None:
    """``CLAUSE, X said.``: the sentence's last comma, then a short tail with cue and subject.

    Two readings need more care: a clause that opens with a preposition or subordinator (``In
    May, …``) and a clause whose last words are a quote in marks (``… "strategic goals," X
    said``). Their tail must be short (``said Friday``, not ``conceded he had fallen short``),
    no verb of saying may stand in the clause, and the quote must not be one the clause
    introduces with a colon.
    """
    text = context.text
    comma = text.rfind(",", start, stop)
    if comma <= start:
        return None
    tail_end = stop
    cue = _tail_cue(cues, comma, stop, clause_lemmas)
    if cue is None:
        # "…, said Ann Lowe, a fellow at the institute": the tail ends at the apposition.
        earlier = text.rfind(",", start, comma)
        inverted = _tail_cue(cues, earlier, comma, clause_lemmas) if earlier > start else None
        apposition = text[comma + 1 : stop]
        if (
            inverted is None
            or text[_past_closing_quotes(text, earlier + 1, comma) : inverted.start].strip()
            or (
                len(apposition.split()) > REPORT_TAIL_LIMIT
                and not _inverted(context, start, inverted)
            )
            or apposition.split(None, 1)[:1] in (["and"], ["but"], ["or"], ["while"])
            or _holds_mark(apposition)
            or _holds_report(cues, (comma, stop))
        ):
            return None
        comma, tail_end, cue = earlier, comma, inverted
    # "… strategic goals," Ann Lowe said: the comma inside a closing quote mark ends the clause.
    tail_start = _past_closing_quotes(text, comma + 1, tail_end)
    tail = text[tail_start:tail_end]
    if len(tail.split()) > REPORT_TAIL_LIMIT or any(mark in tail for mark in "\"“”'‘"):
        return None
    after_cue = text[cue.end : tail_end]
    first_after = after_cue.split(None, 1)[:1]
    if (
        len(after_cue.split()) > _TAIL_AFTER_CUE and not _adjunct(text, cue.end, tail_end)
    ) or (first_after and first_after[0].lower() in (*_SUBJECT_PRONOUNS, "that")):
        return None  # "…, said he was sorry": the cue reports a clause of its own
    if cue.text.endswith("ing"):
        return None  # "…, claiming he had disavowed it": the participle adds a claim
    tail_words = text[tail_start : cue.start].lower().split()
    if tail_words and (tail_words[-1] in _NOT_A_REPORT_BEFORE or tail_words[0] in _JOINING):
        return None  # "…, and she was told to wait": a passive, or a clause of its own
    if tail_words and tail_words[0] in _NOT_A_TAIL_OPENER:
        return None  # "…, who was swept by Clinton", "…, because she said": no cue clause
    if _noun_cue(text, cue, tail_words):
        return None  # "…, especially given the party's rules"
    content = _leading_clause(text, start, comma)
    if content is None or _is_quote(text, *content):
        return None
    opening = text[content[0] : content[1]].split(None, 1)[0].lower().strip(",\"'(")
    closing_quote = tail_start > comma + 1
    if opening in _NOT_A_CLAUSE_OPENING or closing_quote:
        if len(after_cue.split()) > _SHORT_TAIL_AFTER_CUE or _holds_report(cues, content):
            return None
    if closing_quote:
        index = bisect.bisect_left(context.outer, (comma + 1,)) - 1
        if index < 0:
            return None  # the closing mark belongs to no quote we found
        quote_start = context.outer[index][0]
        lead = text[content[0] : max(content[0], quote_start)]
        if not (
            context.outer[index][1] == tail_start
            and any(character.isalnum() for character in lead)
            and lead.rstrip()[-1:] not in ":,"
        ):
            return None
    found = speaker_of_tail(context, comma + 1, cue, tail_end)
    if found is None:
        return None
    if found.mention >= 0 and context.mentions[found.mention].start >= cue.end:
        # "…, said Ana Ruiz" / "…, said Ana Ruiz on Friday", not "Jo Weir, a planner, said
        # parents want …": after an inverted cue, its subject ends the tail.
        end = context.mentions[found.mention].end
        rest = text[end:tail_end].strip()
        if rest and rest[0] not in ",.;" and not _adjunct(text, end, tail_end):
            return None
    return Report(*content, cue, found, "reported_after")


def _holds_mark(words: str) -> bool:
    """Whether a tail holds a quotation mark: a double mark, an opening single one, or a
    straight apostrophe that is not inside a word (``Politifact's editor`` holds none).

    >>> _holds_mark("said Ann O'Neil, Politifact's editor"), _holds_mark("said 'no'")
    (False, True)
    """
    if any(mark in words for mark in _DOUBLE_AND_OPENING_MARKS):
        return True
    return any(
        not (0 < index < len(words) - 1 and words[index - 1 : index + 2 : 2].isalpha())
        for index, character in enumerate(words)
        if character == "'"
    )


def _tail_cue(
    cues: Sequence[CueWord], comma: int, end: int, clause_lemmas: frozenset[str]
) -> CueWord | None:
    """The first verb that reports a clause between a comma and ``end``."""
    for cue in cues:
        # Only a cue after the comma is read as a verb (which keeps its start).
        if comma < cue.start < end:
            cue = _told_phrase_as_verb(cue)
            if cue.lemma in clause_lemmas:
                return cue
    return None


def _past_closing_quotes(text: str, position: int, end: int) -> int:
    """``position`` moved past closing quote marks (``…goals,” Ann Lowe said``)."""
    while position < end and text[position] in _CLOSING_QUOTES:
        position += 1
    return position


def _adjunct(text: str, start: int, end: int) -> bool:
    """Whether the words after a tail's cue are an adjunct of place, time or medium, and
    not a clause of the cue's own: ``said in a video message to the convention``,
    ``said Wednesday on MSNBC``; not ``said he was sorry`` or ``said in May that …``.

    >>> _adjunct(" in a video message to the convention", 0, 38)
    True
    >>> _adjunct(" he was sorry", 0, 13)
    False
    """
    lead = CLAUSE_LEAD.match(text, start, end, False)
    words = text[lead.end() if lead is not None else start : end].lower().split()
    return (
        bool(words)
        and words[0] in _ADJUNCT_PREPOSITIONS
        and not any(word in _SUBJECT_PRONOUNS or word == "that" for word in words)
    )


def _reported_clause(
    context: Context,
    start: int,
    stop: int,
    cues: Sequence[CueWord],
    clause_lemmas: frozenset[str],
) -> Report | None:
    """``X said (that) CLAUSE``: the first clause verb with a subject before it.

    A report with a relative clause (``…, which argues that CLAUSE``) may give way to a report
    of a later verb in it, which may give way in turn: the reports that wait for a later one
    are stacked rather than read by recursion, so that a run-on sentence of relative clauses
    neither overflows the stack nor copies its later verbs once per clause.
    """
    text = context.text
    waiting: list[Report] = []
    relatives: list[list[int]] = []  # see _first_relative; filled once, when first needed
    low, high = 0, len(cues)
    while True:
        step = _first_reported_clause(
            context, start, stop, cues, low, high, clause_lemmas, relatives
        )
        if step is None or step[1] is None:
            result = None if step is None else step[0]
            break
        report, relative = step
        waiting.append(report)
        # The verbs after the relative word and inside the report (``cues`` are in text order).
        low = bisect.bisect_right(cues, relative, low, high, key=_START)
        high = bisect.bisect_left(cues, report.end, low, high, key=_START)
    while waiting:
        report = waiting.pop()
        if not (
            result is not None
            and _complementizer(text, result.cue.end, stop) is not None
            and text[report.start : result.cue.start].rstrip().endswith((", which", ", who"))
        ):
            result = report
    return result


def _first_reported_clause(
    context: Context,
    start: int,
    stop: int,
    cues: Sequence[CueWord],
    low: int,
    high: int,
    clause_lemmas: frozenset[str],
    relatives: list[list[int]],
) -> tuple[Report, int | None] | None:
    """One step of :func:`_reported_clause` over ``cues[low:high]``: the first report, with
    where its relative clause starts if a later verb in it may take its place (else ``None``),
    or ``None`` for no report. ``relatives`` is :func:`_reported_clause`'s, kept between its
    steps."""
    text = context.text
    for index in range(low, high):
        cue = cues[index]
        if cue.kind != "verb":
            cue = _told_phrase_as_verb(cue)  # a phrase cue may read as a verb; no other cue
            if cue.kind != "verb":
                continue
        if cue.lemma not in clause_lemmas:
            continue
        # Where the clause starts first: every test of the cue below is needed too and none
        # depends on another, and a cue without a clause (``said: "…"``, the commonest miss)
        # is turned down before its lead and subject, which cost several times as much, are
        # read.
        content_start = _clause_start(context, cue, stop)
        if content_start is None:
            continue
        near = cue.start - 40 if cue.start - 40 > start else start
        lead_words = text[near : cue.start].lower().split()
        if _not_active(lead_words, cue.text):
            continue
        if _conditional(text, start, cue.start) or _noun_cue(text, cue, lead_words):
            continue
        if _inverted(context, start, cue):
            continue  # "CLAUSE, said Jo Weir, …": the subject follows the cue
        found = _subject(context, start, cue)
        if found is None:
            continue
        content = _trim(text, content_start, _cut_tail(context, content_start, stop))
        if _subordinate(text, start, cue.start):
            # "While she says A, she applauds B": the main clause after the comma is the
            # writer's.
            comma = _comma_outside_quotes(context, content[0], content[1])
            if comma is not None:
                content = _trim(text, content[0], comma)
        predicate = _relative_predicate(context, cue, found, content)
        if predicate is not None:
            return Report(*predicate, cue, found, "reported_clause", predicate=True), None
        report = Report(*content, cue, found, "reported_clause")
        if not _is_claim(text, content) and len(_interrupted(context, start, report, stop)) == 1:
            continue  # "The risk, he said, is a clash": the part before the cue is the report
        relative = _first_relative(text, start, stop, content, relatives)
        if relative >= 0 and _complementizer(text, cue.end, stop) is None:
            # "granted an order sought by the society, which argues that CLAUSE": a verb with
            # an object gives way to a later verb that takes a clause with "that" (the caller
            # reads the verbs after ``relative`` in the report)
            return report, relative
        return report, None
    return None


# What opens the relative clause of a report, for _first_relative.
_RELATIVE_OPENINGS = (", which ", ", who ")


def _first_relative(
    text: str, start: int, stop: int, content: tuple[int, int], relatives: list[list[int]]
) -> int:
    """Where the relative clause of a report's ``content`` opens: the later of the first
    ``, which `` and the first ``, who `` in it, or -1 for neither.

    Both are found once in the sentence ``[start, stop)`` and kept in ``relatives``, then
    bisected: a report without a boundary in its first _CLAUSE_WINDOW characters runs to the
    sentence's end, and searching the rest of a run-on sentence for each such report was
    quadratic.

    >>> text = "He said it failed, which she denied, who knew"
    >>> _first_relative(text, 0, len(text), (8, len(text)), [])
    35
    """
    if not relatives:
        for word in _RELATIVE_OPENINGS:
            found = []
            at = text.find(word, start, stop)
            while at >= 0:
                found.append(at)
                at = text.find(word, at + 1, stop)
            relatives.append(found)
    relative = -1
    for word, found in zip(_RELATIVE_OPENINGS, relatives, strict=True):
        index = bisect.bisect_left(found, content[0])
        # (``str.find`` within the content: the whole word inside it.)
        if index < len(found) and found[index] + len(word) <= content[1]:
            relative = found[index] if found[index] > relative else relative
    return relative


def _relative_predicate(
    context: Context, cue: CueWord, found: Found, content: tuple[int, int]
) -> tuple[int, int] | None:
    """The predicate a relative clause reports: ``policies, which he said had harmed the
    economy`` (content ``had harmed the economy``), ``a finish that he said defied
    expectations``: a relative word, the subject, the verb, then a finite verb. The content
    ends at the next comma outside quotes."""
    text = context.text
    if found.mention < 0 or not content[0] < content[1]:
        return None
    subject = context.mentions[found.mention]
    before = text[subject.start - 12 if subject.start > 12 else 0 : subject.start].split()
    if not before or before[-1].lower() not in _RELATIVE_WORDS:
        return None
    first_word = _head(text, content[0], content[1], 1).split()[0].lower()
    if text[subject.end : cue.start].strip() or not _verb_like(first_word):
        return None
    comma = _comma_outside_quotes(context, content[0], content[1])
    end = comma if comma is not None else content[1]
    if len(_head(text, content[0], end, 2).split()) < 2:
        return None
    return _trim(text, content[0], end)


def _subordinate(text: str, start: int, verb_start: int) -> bool:
    """Whether the sentence opens with a subordinate clause that holds the verb: ``While she
    says …,``, ``And although he said …,`` (a conjunction may come first).

    >>> _subordinate("And while she says the pier is safe, it stays shut.", 0, 14)
    True
    """
    if verb_start - start > _SUBORDINATE_CHARACTERS:
        return False
    words = text[start:verb_start].lower().split()
    if words and words[0] in _SENTENCE_CONJUNCTIONS:
        words = words[1:]
    return bool(words) and words[0] in _SUBORDINATORS and "," not in text[start:verb_start]


def _comma_outside_quotes(context: Context, start: int, end: int) -> int | None:
    """The first comma in ``[start, end)`` that is not inside a quote in marks."""
    comma = context.text.find(",", start, end)
    while comma >= 0:
        index = quote_at(context, comma)
        if index < 0:
            return comma
        comma = context.text.find(",", context.outer[index][1], end)
    return None


def _not_active(lead_words: list[str], verb: str) -> bool:
    """Whether the word before a verb of saying makes it no report: a passive (``was told``),
    a question (``did she say``), a condition (``if he says``); not a progressive (``is
    telling``).

    >>> _not_active(["she", "was"], "told"), _not_active(["she", "is"], "telling")
    (True, False)
    """
    if not lead_words or lead_words[-1] not in _NOT_A_REPORT_BEFORE:
        return False
    return not (verb.endswith("ing") and lead_words[-1] in _PROGRESSIVE)


def _noun_cue(text: str, cue: CueWord, lead_words: list[str]) -> bool:
    """Whether a cue word is a noun or a name here, not a verb: capitalised inside a sentence
    that is not in title case (``coach at Tarrow State, announced``), or a base form after a
    determiner or a superlative (``the youngest state champion``).

    >>> text = "She is the youngest state champion."
    >>> _noun_cue(text, CueWord(20, 25, "state", "state", "verb"), ["the", "youngest"])
    True
    >>> _noun_cue("Officials say so.", CueWord(10, 13, "say", "say", "verb"), ["officials"])
    False
    """
    if lead_words and not cue.text[:1].islower():
        following = text[cue.end : cue.end + 40].split(None, 1)
        if not following or not following[0][:1].isupper():
            return True  # "Tarrow State, announced", not a headline's "Ross Says Rates …"
    lower = cue.text.lower()
    if lower in _THAT_ONLY or lower in _NOT_AFTER_A_VERB:
        # The word after the cue, read only for the few cue words that ask for it.
        following = text[cue.end : cue.end + 40].split(None, 1)
        after = following[0].lower().strip(",.;:") if following else ""
        if lower in _THAT_ONLY and after != "that":
            return True  # "Battleground state Florida", "member states trump …", "maintains a lead"
        if after in _NOT_AFTER_A_VERB.get(lower, ()):
            return True  # "pledged delegates"
    previous = lead_words[-1] if lead_words else ""
    return lower == cue.lemma and (
        previous in _DETERMINERS or (previous.endswith("est") and len(previous) > 4)
    )


def _inverted(context: Context, start: int, cue: CueWord) -> bool:
    """Whether a cue after a comma has its subject right after it and nothing more, ``…, said
    Jo Weir, a planner.``, so that the words before the comma are what was said, not the
    cue's subject and verb (``Jo Weir, a planner, said Ely could …``)."""
    text = context.text
    # Whether the lead ends in a comma, past white space and then closing quotes: read back
    # from the cue, not by slicing the lead (a run-on sentence would be copied once per cue).
    end = cue.start
    while end > start and text[end - 1].isspace():
        end -= 1
    while end > start and text[end - 1] in _CLOSING_QUOTES:
        end -= 1
    if end == start or text[end - 1] != ",":
        return False
    index = bisect.bisect_left(context.mention_starts, cue.end)
    if index >= len(context.mentions):
        return False
    mention = context.mentions[index]
    after = text[mention.end : mention.end + 2].lstrip()
    return (
        not text[cue.end : mention.start].strip()
        and text[mention.start : mention.end].lower() not in _SUBJECT_PRONOUNS
        and (not after or after[0] in ",.;")
    )


def _told_phrase_as_verb(cue: CueWord) -> CueWord:
    """A cue phrase ``told reporters`` / ``told a rally`` as a verb of saying whose object is
    already in the phrase, so its clause starts right after it; any other cue as it is.

    >>> _told_phrase_as_verb(CueWord(4, 18, "told reporters", "told reporters", "phrase")).lemma
    'say'
    """
    if cue.kind != "phrase":
        return cue
    words = cue.text.lower().split()
    if words[0] in _TOLD:
        return CueWord(cue.start, cue.end, cue.text, "say", "verb")
    if words[0] == "asked" and len(words) == 2 and words[1] in _QUESTION_WORDS:
        # "X asked whether CLAUSE": the question is the content; "if" goes as "that" does.
        end = cue.end if words[1] == "if" else cue.start + len("asked")
        return CueWord(cue.start, end, cue.text[: end - cue.start], "ask", "verb")
    return cue


def _subject(context: Context, start: int, cue: CueWord) -> Found | None:
    """The subject of a verb of saying in a sentence starting at ``start``: a mention that
    governs the verb, or a quantity of people (``60 percent said``, ``nearly half say``)."""
    text = context.text
    quantity = _quantity_subject(text, start, cue.start)
    if quantity is not None:
        return Found(-1, cue, quantity, "unknown")
    # Mentions further back than _SUBJECT_WINDOW are not read: in a run-on sentence every verb
    # of saying would read every mention back to the sentence's start.
    reach = cue.start - _SUBJECT_WINDOW
    candidates = mentions_between(context, reach if reach > start else start, cue.start)
    if candidates:
        subject = subject_of(context, candidates, cue.start)
        nearest_gap = text[context.mentions[candidates[-1]].end : cue.start]
        if "(" in nearest_gap:  # every BRACKETED match opens with one
            nearest_gap = BRACKETED.sub("", nearest_gap)
        if (
            governs(nearest_gap)
            or (cue.text.endswith("ing") and _progressive_gap(nearest_gap))
            or nearest_gap.strip() == ","  # the end of an apposition: "X, the chair, said"
            or _starts_sentence(text, start, context.mentions[subject].start)
        ):
            return Found(subject, cue)
    if (
        (cue.lemma not in _NOUN_PHRASE_VERBS and cue.lemma not in _object_lemmas())
        or not cue.text.islower()
        or cue.text.endswith("ing")
    ):
        return None  # a stance verb too: "The harbour master criticized the timetable"
    if cue.start - start > _SUBJECT_WINDOW:
        return None  # a noun phrase that opens the sentence is a few words after a short lead
    phrase = _noun_phrase_subject(text, start, cue.start)
    return None if phrase is None else Found(-1, cue, phrase, "unknown")


def _progressive_gap(gap: str) -> bool:
    """Whether the words between a subject and an ``-ing`` verb make a progressive: ``is``,
    ``was``, ``’s``, ``'re``, perhaps with an adverb (``is now demanding``).

    >>> _progressive_gap("\N{RIGHT SINGLE QUOTATION MARK}s "), _progressive_gap(" is also ")
    (True, True)
    """
    words = gap.replace("\N{RIGHT SINGLE QUOTATION MARK}", "'").lower().split()
    if not words or words[0] not in _PROGRESSIVE_AUXILIARIES:
        return False
    return all(
        word in BETWEEN_SUBJECT_AND_VERB or (word.endswith("ly") and len(word) > 4)
        for word in words[1:]
    )


def _noun_phrase_subject(text: str, start: int, cue_start: int) -> Mention | None:
    """A short noun phrase that opens the sentence (after a short phrase) and ends right
    before the verb of saying, for a source the mention finder does not know: ``The Vatican
    says``, ``The budget office said``, ``A court document filed Thursday says``.

    >>> text = "On Friday, the county budget office said the deficit had doubled."
    >>> found = _noun_phrase_subject(text, 0, text.index(" said") + 1)
    >>> text[found.start : found.end]
    'the county budget office'
    >>> _noun_phrase_subject("He then said it was over.", 0, 8) is None
    True
    """
    dateline = DATELINE.match(text, start, cue_start, False)
    if dateline is not None:
        start = dateline.end()  # "WASHINGTON (AP) — A news report published Wednesday said"
    lead = text[start:cue_start]
    first = start
    comma = lead.rfind(",")
    if comma >= 0:
        if not INTRODUCTORY.fullmatch(lead, 0, comma + 2, False):
            return None
        first = start + comma + 1
    words = list(WORDS_BEFORE.finditer(text, first, cue_start, False, False))
    while words and words[-1].group().lower() in BETWEEN_SUBJECT_AND_VERB:
        words.pop()
    if not 1 <= len(words) <= _NOUN_PHRASE_WORDS or text[words[-1].end() : cue_start].strip():
        return None
    lowered = [word.group().lower() for word in words]
    if (
        lowered[0] not in _NOUN_PHRASE_OPENERS
        and not (words[0].group()[:1].isupper() and lowered[0] not in _NOT_A_CLAUSE_OPENING)
    ) or lowered[0] in _SENTENCE_CONJUNCTIONS:
        return None
    if any(
        word in _FINITE
        or word in _NOT_IN_NOUN_PHRASE
        or word in _SUBJECT_PRONOUNS
        or word.endswith("ing")  # "Having announced", "Since announcing"
        for word in lowered
    ) or any(mark in text[words[0].start() : words[-1].end()] for mark in "\"“”;:()"):
        return None
    if lowered[-1] in _NOUN_PHRASE_OPENERS or lowered[-1] in _NOT_A_CLAUSE_START:
        return None
    phrase_start, phrase_end = words[0].start(), words[-1].end()
    return phrase_mention(phrase_start, phrase_end, text[phrase_start:phrase_end])


def _may_hold_share(window: str) -> bool:
    """Whether a lowercase lead may hold a share of people for ``_quantity_subject``: it is not
    ASCII, or it holds a digit, "%", or a share or number word as a piece of its own.

    A share word that ``_quantity_subject`` reads is a whole part of a word (a run of
    ``WORDS_BEFORE`` characters, split at "-"), so it is a whole piece here too, where every
    separator of parts separates (one translate and one split in C, not a look per word).

    >>> _may_hold_share("on behalf of the town, officials"), _may_hold_share("three-quarters")
    (False, True)
    """
    if not window.isascii():
        return True
    encoded = window.encode()
    return bool(encoded.translate(None, _NOT_A_SHARE_CHARACTER)) or not _SHARE_WORDS.isdisjoint(
        encoded.translate(_NOT_WORD_CHARACTER).split()
    )


def _quantity_subject(text: str, start: int, cue_start: int) -> Mention | None:
    """A share of people right before a verb of saying, after ``start`` or the last comma or
    conjunction: ``Sixty percent said``, ``three-quarters of the voters said``, ``more than 4
    in 10 say``, ``Most said``.

    >>> text = "Among voters, nearly half said the economy was their main worry."
    >>> found = _quantity_subject(text, 0, text.index("said"))
    >>> text[found.start : found.end]
    'nearly half'
    """
    lead_start = cue_start - 80 if cue_start - 80 > start else start
    end = cue_start
    comma = text.rfind(",", lead_start, cue_start)
    if comma >= 0 and not text[comma + 1 : cue_start].strip():
        # "A third of independents, 33%, say": the share before its apposition.
        apposition = text.rfind(",", lead_start, comma)
        if apposition < 0 or len(text[apposition + 1 : comma].split()) > 2:
            return None
        end = apposition
        comma = text.rfind(",", lead_start, apposition)
    if comma >= 0:
        lead_start = comma + 1
    # Every word, part and "%" read below lies in ``text[lead_start:end]``, whose ends are a
    # comma or the ends of the words read: without a digit, "%", share or number word there
    # (most leads, once the words before the last comma are left out), none is read.
    if not _may_hold_share(text[lead_start:end].lower()):
        return None
    words = list(WORDS_BEFORE.finditer(text, lead_start, end, False, False))
    for index in range(len(words) - 1, -1, -1):
        if words[index].group().lower() in _JOINING:
            words = words[index + 1 :]
            break
    while words and words[-1].group().lower() in BETWEEN_SUBJECT_AND_VERB:
        words.pop()  # "Some councillors have called": the auxiliary is not the subject's
    if not 1 <= len(words) <= _QUANTITY_PHRASE_WORDS or any(
        word.lower() not in BETWEEN_SUBJECT_AND_VERB for word in text[words[-1].end() : end].split()
    ):
        return None
    parts = [part for word in words for part in word.group().lower().split("-")]
    opens = parts[0] in _QUANTITY_OPENERS or parts[0][:1].isdigit()
    share = any(
        part in _QUANTITY_WORDS
        or (part == "in" and (later[:1].isdigit() or later in _NUMBER_WORDS))  # "two in three"
        for part, later in zip(parts, [*parts[1:], ""], strict=True)
    ) or "%" in text[lead_start:end]
    if not (opens and share) or any(part in _NOT_IN_QUANTITY for part in parts):
        return None
    first, last = words[0].start(), words[-1].end()
    return phrase_mention(first, last, text[first:last])


def _clause_start(context: Context, cue: CueWord, stop: int) -> int | None:
    """Where the reported clause after ``cue`` starts, or ``None`` if no clause follows."""
    text = context.text
    that = _complementizer(text, cue.end, stop)
    if that is not None:
        after_that = text[that : that + 20 if that + 20 < stop else stop].split(None, 1)
        if after_that and after_that[0].lower() in _FINITE and not text[cue.end : that - 4].strip():
            return that - len("that")  # said that was wrong: "that" is the clause's subject
        return that  # said (on Tuesday / in a statement / to reporters) that …
    lead = CLAUSE_LEAD.match(text, cue.end, stop, False)
    position = lead.end() if lead is not None else cue.end
    # (Only the first word and the character after a comma are read: two words are enough.)
    following = _head(text, position, stop, 2).lstrip()
    if (
        not following
        or following[0] in ":\"“‘'("
        or following.startswith(', "')
        or (following.startswith(",") and following[1:].lstrip()[:1] in "\"“‘'")
    ):
        return None  # a quote in marks follows: that is the direct quote's cue
    first_word = following.split(None, 1)[0].lower().strip(",")
    if first_word in _ADJUNCT_OPENERS:
        # "said after the convention he would …", "said in an interview she had …": an
        # adjunct of the verb, then a clause opening with a pronoun.
        words = WORD.finditer(text, position, min(stop, position + 60), False, False)
        for index, word in enumerate(words):
            lower = word.group().lower()
            if index > _ADJUNCT_WORDS or lower in _CONDITIONS or lower in _RELATIVE_WORDS:
                break
            if "," in text[position : word.start()]:
                break  # "said on CNN, where he is …": the adjunct has a clause of its own
            if index > 1 and word.group() in _CLAUSE_PRONOUNS:
                return word.start()
    if first_word in _NOT_A_CLAUSE_START:
        return None
    if cue.lemma in _OBJECT_FIRST:
        # told reporters …: skip the object, which must be followed by a clause.
        objects = mentions_between(context, position, min(stop, position + 40))
        if objects and not text[position : context.mentions[objects[0]].start].strip():
            if text.startswith(_POSSESSIVE, context.mentions[objects[0]].end):
                return None  # "told the Gazette's "Morning Tide" that …": the object goes on
            return context.mentions[objects[0]].end
        # "told POLITICO he would …": an object the mention finder does not know, then a
        # clause that opens with a pronoun.
        words = WORD.finditer(text, position, min(stop, position + 50), False, False)
        for index, word in enumerate(words):
            if index > _OBJECT_WORDS:
                break
            if index and word.group().lower() in _SUBJECT_PRONOUNS:
                return word.start()
        return None
    return position


def _head(text: str, start: int, stop: int, words: int) -> str:
    """``text[start:stop]``, or a start of it that holds its first ``words`` words whole and
    the beginning of the next: the few words after a verb, read without copying the rest of
    its sentence (a run-on sentence would be copied once per verb of saying). A stretch of up
    to 256 characters, as nearly every one in news is, is copied whole without counting.

    >>> _head("said on Tuesday that the port would close", 4, 41, 2)
    ' on Tuesday that the port would close'
    >>> len(_head("said " + "on Tuesday " * 40, 4, 445, 2))
    256
    """
    end = start + 256
    while end < stop:
        head = text[start:end]
        if len(head.split(None, words)) > words:
            return head
        end += end - start
    return text[start:stop]


def _complementizer(text: str, start: int, stop: int) -> int | None:
    """Where the clause starts after a *that* among the verb's next nine words, if the words
    before it hold no punctuation that would end the verb's phrase.

    >>> text = "said on Tuesday that the port would close"
    >>> text[_complementizer(text, 4, len(text)) :]
    ' the port would close'
    """
    stretch = _head(text, start, stop, _COMPLEMENTIZER_WORDS)
    # The first nine words, lowercase, split in C; the rest of the stretch stays in one piece.
    # (Lowercasing neither makes nor takes a space, so these are the words' own lowercase.)
    lowered = stretch.lower().split(None, _COMPLEMENTIZER_WORDS)[:_COMPLEMENTIZER_WORDS]
    if "that" not in lowered:
        return None  # most verbs: no word is read one by one
    index = lowered.index("that")
    before = lowered[:index]
    if not _BEFORE_NO_COMPLEMENTIZER.isdisjoint(before) or not _PHRASE_END_MARKS.isdisjoint(
        "".join(before)
    ):
        return None
    position = start
    for word in stretch.split(None, index + 1)[: index + 1]:
        position = text.find(word, position) + len(word)
    return position  # the end of "that"


def _cut_tail(context: Context, start: int, stop: int) -> int:
    """Drop a trailing ``, she said`` / ``, adding …`` and the reporting sentence's own
    adjuncts (``…, which …``, ``…, referring to …``, ``… — a nod to …``) from a reported
    clause that starts at ``start``."""
    text = context.text
    # Boundaries are looked for in the clause's first _CLAUSE_WINDOW characters only: a verb
    # can be read once per verb of saying in its sentence, and a run-on sentence must not make
    # that quadratic. Without a boundary in the window the clause runs to ``stop``.
    window = start + _CLAUSE_WINDOW if start + _CLAUSE_WINDOW < stop else stop
    cut = _clause_stop(text, start, window)
    if cut < window:
        stop = window = cut  # (else ``stop`` stays at or past the window)
    cut = _coordinated_verb(context, start, window)
    if cut < window:
        stop = cut
    near = stop - _CLAUSE_WINDOW if stop - _CLAUSE_WINDOW > start else start
    comma = text.rfind(",", near, stop)
    if comma > start:
        tail = text[comma + 1 : stop].split()
        if (
            tail
            and (tail[0].lower() in ("adding", "saying", "noting") or len(tail) <= 3)
            and first_cue(context, comma + 1, stop) is not None
        ):
            return comma
    return stop


def _coordinated_verb(context: Context, start: int, stop: int) -> int:
    """Where a reported clause ends before a second verb of the reporting sentence joined by
    ``and`` or ``but``: ``X said the plan would fail and warned against it``, ``X said A, and
    criticized B``. A verb of saying right after the conjunction, in the past or present
    tense, belongs to the subject of the report, not to the clause."""
    text = context.text
    speech = lexicon.speech_verbs()
    long_enough = False  # once the clause before a match has its words, every later one has
    for match in _coordinated_verbs(text, start, stop):
        if not long_enough:
            long_enough = len(text[start : match.start()].split()) > _MIN_WORDS
            if not long_enough:
                continue
        verb = match.group(_VERB_GROUP)
        lemma = speech.get(verb)
        # "warned", "criticized", "adds": not a base form ("and order"), nor "-ing"
        if lemma is not None and verb != lemma and not verb.endswith("ing"):
            return match.start()
    return stop


def _space_in_a_line(character: str) -> bool:
    """Whether a character is one the patterns' ``[^\\S\\n]`` takes: ``str.isspace`` holds
    those and the line separators below (tests/test_reported_shortcuts.py checks every code
    point)."""
    return character.isspace() and character not in _LINE_SEPARATORS


def _coordinated_verbs(text: str, start: int, stop: int) -> Iterator[regex.Match[str]]:
    """The ``COORDINATED_VERB`` matches in ``[start, stop)``, as ``finditer`` gives them, with
    the pattern tried only where one can start.

    Every match is a comma, a run of spaces (``[^\\S\\n]``, the run whole, as the pattern's
    look-behind asks), then ``and`` or ``but``: so each ``and`` / ``but`` after such a space,
    found in C, has one place where its match can start, the run's start or the comma before
    it, whereas ``finditer`` would try every character of the clause.

    >>> text = "the standard would hold, and warned the board"
    >>> [match.group() for match in _coordinated_verbs(text, 0, len(text))]
    [', and warned']
    """
    next_and = text.find("and", start + 1, stop)
    next_but = text.find("but", start + 1, stop)
    matched_until = start
    while next_and >= 0 or next_but >= 0:
        if next_but < 0 or 0 <= next_and < next_but:
            conjunction, next_and = next_and, text.find("and", next_and + 1, stop)
        else:
            conjunction, next_but = next_but, text.find("but", next_but + 1, stop)
        run_start = conjunction
        # A plain space (nearly every one) is taken without a call.
        while run_start > matched_until and (
            text[run_start - 1] == " " or _space_in_a_line(text[run_start - 1])
        ):
            run_start -= 1
        if run_start == conjunction:
            continue  # no space before it, or it lies inside the last match ("and also and")
        if run_start > matched_until and text[run_start - 1] == ",":
            run_start -= 1
        match = COORDINATED_VERB.match(text, run_start, stop, False)
        if match is not None:
            matched_until = match.end()
            yield match


def _clause_stop(text: str, start: int, stop: int) -> int:
    """Where a reported clause starting at ``start`` ends, at most ``stop``: at the first comma
    or dash, after at least a clause's worth of words, that opens an adjunct of the reporting
    sentence rather than more of the report.

    >>> text = "the bridge would open in May, although he gave no date"
    >>> text[: _clause_stop(text, 0, len(text))]
    'the bridge would open in May'
    """
    semicolon = text.find(";", start, stop)
    if semicolon > start and len(text[start:semicolon].split()) > _MIN_WORDS:
        stop = semicolon  # "…; 46 percent said they were unenthusiastic": a clause of its own
    boundaries = _clause_boundaries(text, start, stop)
    if not boundaries:
        return stop  # no comma or dash to end at: the loop below would read nothing
    # (A list summed costs one call; a generator is resumed for every boundary.)
    dashes = sum([is_dash for _, is_dash in boundaries])
    odd_dash_out = dashes % 2 == 1
    words = 0
    counted = start
    for boundary, is_dash in boundaries:
        words += len(text[counted:boundary].split())
        counted = boundary + 1
        if is_dash:
            dashes -= 1
            if odd_dash_out and dashes == 0 and words > _MIN_WORDS:
                # The last of an odd number of dashes: "… — a play on words". A pair of
                # dashes encloses an aside.
                return boundary
            continue
        if words <= _MIN_WORDS:
            continue
        following = (
            text[boundary + 1 : boundary + 40 if boundary + 40 < stop else stop]
            .lstrip(_CLOSING_MARKS)
            .split(None, 1)
        )
        if not following:
            return boundary
        word = following[0]
        lower = word.lower()
        if (
            lower in _CLAUSE_ENDERS
            or lower in _REPORTING_PARTICIPLES
            or lower in _RELATIVE_OPENERS
            or (lower == "but" and _opens_clause(following))
        ):
            return boundary
    return stop


def _clause_boundaries(text: str, start: int, stop: int) -> list[tuple[int, bool]]:
    """The ``CLAUSE_BOUNDARY`` matches in ``[start, stop)``: where each starts, and whether it
    is a dash. Without a dash in the stretch (most clauses) the pattern can match only the
    commas, which are found in C rather than by trying the pattern at every character.

    >>> _clause_boundaries("in May, although \N{EM DASH} or not", 0, 28)
    [(6, False), (17, True)]
    """
    # One slice and three tests in C, rather than three finds that parse a start and an end.
    stretch = text[start:stop]
    if "\N{EM DASH}" not in stretch and "\N{EN DASH}" not in stretch and "--" not in stretch:
        boundaries = []
        comma = text.find(",", start, stop)
        while comma >= 0:
            boundaries.append((comma, False))
            comma = text.find(",", comma + 1, stop)
        return boundaries
    return [
        (match.start(), match.group(_DASH_GROUP) is not None)
        for match in CLAUSE_BOUNDARY.finditer(text, start, stop, False, False)
    ]


def _opens_clause(words: list[str]) -> bool:
    """Whether the words after a conjunction (``words[0]``) open a clause of their own: a
    pronoun or a name after it (``…, but she has bristled``), not a predicate (``…, but
    lost``).

    >>> _opens_clause(["but", "she has bristled at it"])
    True
    """
    rest = words[1].split(None, 1) if len(words) > 1 else []
    return bool(rest) and (rest[0].lower() in _SUBJECT_PRONOUNS or rest[0][:1].isupper())


def _starts_sentence(text: str, sentence_start: int, position: int) -> bool:
    """Whether ``position`` starts its sentence, perhaps after "But" or a short phrase."""
    # (A long lead is not sliced: a run-on sentence would be read once per verb of saying.)
    if tail_rules_out_introductory(text, sentence_start, position, _LEAD_MARKS):
        return False
    lead = text[sentence_start:position]
    return not lead.strip(_LEAD_MARKS) or bool(
        INTRODUCTORY.match(lead, 0, None, False)
    )


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    # The commonest characters first, without a call: a space, or a comma after it.
    while start < end and (text[start] in " ," or text[start].isspace()):
        start += 1
    while end > start and (text[end - 1] in " ,;:" or text[end - 1].isspace()):
        end -= 1
    return start, end


def _long_enough(text: str, span: tuple[int, int]) -> bool:
    """Whether a span can be a reported clause: enough words, and a first word that can start
    a clause (not "and", "during", "is": those mean the verb was not reporting a clause)."""
    # Split no further than a clause's fewest words: only their count up to it matters here.
    # (Its first words only: a clause may run to the end of a run-on sentence.)
    words = _head(text, span[0], span[1], _MIN_WORDS).split(None, _MIN_WORDS)
    if len(words) < _MIN_WORDS:
        return False
    first = words[0].lower().strip(",")
    if first not in _NOT_A_CLAUSE_OPENING:
        return True
    if first not in _OPENING_PHRASE_WORDS:
        return False
    # "said that if it passed, the port would close": an opening phrase, then the main clause.
    comma = text.find(",", span[0], span[1])
    return comma >= 0 and len(_head(text, comma + 1, span[1], _MIN_WORDS).split()) >= _MIN_WORDS


def _leading_clause(
    text: str, start: int, end: int, min_words: int = _MIN_WORDS, *, opening_phrase: bool = False
) -> tuple[int, int] | None:
    """The reported clause that opens a sentence and ends at ``end`` (``CLAUSE, X said``),
    without a leading conjunction, or ``None`` if it cannot be one. A clause that opens with a
    preposition or a subordinator counts only when a main clause follows the opening phrase's
    comma: ``In this contest, voters stay home`` does, ``When asked about it`` does not.

    >>> text = "But in this contest, voters will stay home, she said."
    >>> span = _leading_clause(text, 0, text.index(", she"))
    >>> text[span[0] : span[1]]
    'in this contest, voters will stay home'
    >>> _leading_clause("When asked about the plan, she said.", 0, 25) is None
    True
    """
    # Only the clause's first words are read (_head), not all of it: a run-on sentence would be
    # read once per verb of saying.
    span = _trim(text, start, end)
    first_word = _head(text, span[0], span[1], 1).split(None, 1)
    if len(first_word) == 2 and first_word[0].lower().strip(",") in _SENTENCE_CONJUNCTIONS:
        span = _trim(text, span[0] + len(first_word[0]), span[1])
    words = _head(text, span[0], span[1], min_words).split()
    if len(words) < min_words:
        return None
    if not opening_phrase and words[0].lower().strip(",\"'(") in _NOT_A_CLAUSE_OPENING:
        comma = text.find(",", span[0], span[1])
        if comma < 0 or len(_head(text, comma + 1, span[1], _MIN_WORDS).split()) < _MIN_WORDS:
            return None
    return span


def _is_claim(text: str, span: tuple[int, int]) -> bool:
    """Whether a span can stand as reported speech: a clause, and not one quote in marks."""
    return _long_enough(text, span) and not _is_quote(text, *span)


def _is_quote(text: str, start: int, end: int) -> bool:
    """Whether the span is one quote in marks from end to end (a direct quote, not a report)."""
    return (
        start < end
        and text[start] in "\"'\N{LEFT DOUBLE QUOTATION MARK}\N{LEFT SINGLE QUOTATION MARK}"
        and text[end - 1] in "\"'\N{RIGHT DOUBLE QUOTATION MARK}\N{RIGHT SINGLE QUOTATION MARK}"
    )


def quoted_words_content(
    text: str,
    sentence: tuple[int, int],
    cue: tuple[int, int],
    first: int,
    last: int,
    *,
    to_sentence_end: bool = True,
) -> tuple[int, int] | None:
    """The content of a report that quoted words show: ``X called Trump a "pathological liar"``,
    ``X lauded Y for helping develop "new ideas"``, ``The country "has changed," X said``.

    The verb may take an object, a preposition or no clause at all (``branded``, ``went after``);
    the quoted words are what shows that the sentence reports speech. With the cue before them,
    the content runs from the word after the cue (and its *that*) to the sentence's end, or to
    the last quoted words' closing mark if a comma or a dash follows it; with the cue after
    them, from the sentence's start to that mark.

    Args:
        text: The article.
        sentence: The sentence holding the quoted words, ``(start, end)``.
        cue: The quoted words' cue, ``(start, end)``, in the same sentence.
        first: Where the first quoted words' opening mark stands.
        last: Where the last quoted words' closing mark ends.
        to_sentence_end: Let the content run on past the closing mark to the sentence's end;
            ``False`` ends it at the mark (where another report follows in the sentence).

    Returns:
        The content ``(start, end)``, or ``None`` where the quoted words show no report: the
        cue is in another sentence or too far from them, it performs a title or a slogan
        (``sang``, ``chanted``, ``labeled``), the quoted words are a title (``told NBC's
        "Today"``) or a question, or nothing but the quoted words would be reported.

    >>> text = 'Ms Obi called the plan a "costly mistake" on Friday.'
    >>> start, end = quoted_words_content(text, (0, len(text)), (7, 13), 25, 41)
    >>> text[start:end]
    'the plan a "costly mistake" on Friday'
    >>> text = 'The port "has turned a corner," Ms Obi said.'
    >>> start, end = quoted_words_content(text, (0, len(text)), (39, 43), 9, 31)
    >>> text[start:end]
    'The port "has turned a corner,"'
    """
    verb = text[cue[0] : cue[1]].lower()
    if verb.startswith(_PERFORMING) or text[first:last].rstrip(_CLOSING_QUOTES).endswith("?"):
        return None  # "chanted "What curfew?"": a title, a slogan or a question asks nothing
    if sentence[0] <= first < last <= cue[0] < sentence[1]:
        return _quoted_words_before_cue(text, sentence, cue, first, last)
    if not sentence[0] <= cue[0] < cue[1] <= first <= sentence[1]:
        return None
    lead = text[cue[0] - 40 if cue[0] - 40 > sentence[0] else sentence[0] : cue[0]].lower().split()
    if "what" in lead[-4:]:
        return None  # 'under what Mr Hedge called "the prior model", the club charged …'
    quoted = text[first:last].strip(_OPENING + _CLOSING_QUOTES + " ")
    if verb.split()[0] not in _NAMING_VERBS and _capitalised_words(quoted):
        return None  # a title or a name: 'told NBC's "Today"', 'published "Character Studies"'
    if first - cue[1] > _QUOTED_WORDS_CHARACTERS:
        return None  # read no further than the reach allows: linear time on any input
    # The words between, lowercase (lowercasing neither makes nor takes a space), each read
    # in C: none may end a sentence or open a condition.
    between = text[cue[1] : first].lower().split()
    if (
        len(between) > _QUOTED_WORDS_REACH
        or any(map(_ENDS_A_SENTENCE, between))
        or not _CONDITIONS.isdisjoint(map(str.strip, between, itertools.repeat(",")))
    ):
        return None
    start = cue[1]
    match = WORD.search(text, start, first, False)
    if match is not None and match.group().lower() == "that":
        start = match.end()
    start, _ = _trim(text, start, first)
    # The clause goes on after the quoted words to the sentence's end ("called a "special
    # meeting" to vote on a nominee"), unless a comma or a dash closes them.
    end = last
    tail_end = last + _QUOTED_WORDS_TAIL_CHARACTERS
    rest = _content_end(text, last, tail_end if tail_end < sentence[1] else sentence[1])
    words = text[last:rest].split()
    if (
        words
        and to_sentence_end
        and not quoted.endswith(",")
        and not text[last:rest].lstrip().startswith((",", ";", "--", "\N{EM DASH}"))
    ):
        end = rest
    if start >= first and end <= last:
        return None  # the quoted words alone: a partial quote, no report around it
    if "\n" in text[start:end]:
        return None  # a paragraph's end is a clause's
    return start, end


# Whether a word ends with a mark that ends a sentence (or opens what follows).
_ENDS_A_SENTENCE = operator.methodcaller("endswith", (".", ":", "?", "!"))


def verb_after_subject(text: str, subject_end: int, limit: int) -> tuple[int, int] | None:
    """The verb right after a sentence's subject, with its auxiliaries, adverbs and a particle:
    ``Reid [has been steadily pounding] Trump as a "con artist"``, ``X [went after] Y``.

    >>> text = 'Reid has been steadily pounding Trump as a "con artist".'
    >>> start, end = verb_after_subject(text, 4, len(text))
    >>> text[start:end]
    'has been steadily pounding'
    """
    matches = WORD.finditer(text, subject_end, limit, False, False)
    words = list(itertools.islice(matches, _VERB_GROUP_WORDS))
    if not words or text[subject_end : words[0].start()].strip():
        return None  # "Reid, the leader, …": no verb right after the subject
    for position, word in enumerate(words):
        lowered = word.group().lower()
        if lowered in _AUXILIARIES or (lowered.endswith("ly") and len(lowered) > 4):
            continue
        if not lowered.isalpha() or lowered in _NOT_A_CLAUSE_OPENING or word.group()[0].isupper():
            return None
        end = word.end()
        following = words[position + 1 : position + 2]
        if following and following[0].group().lower() in _PARTICLES:
            end = following[0].end()
        return words[0].start(), end
    return None


def _quoted_words_before_cue(
    text: str, sentence: tuple[int, int], cue: tuple[int, int], first: int, last: int
) -> tuple[int, int] | None:
    """``The country "has changed for the better," McConnell said``: the sentence up to the
    last quoted words, its cue and subject after them."""
    if cue[0] - last > _QUOTED_WORDS_CHARACTERS or (
        first - sentence[0] > _QUOTED_WORDS_TAIL_CHARACTERS
    ):
        return None  # a long lead or tail: not one clause, and linear time on any input
    if len(text[last : cue[0]].split()) > _TAIL_AFTER_CUE or "\n" in text[sentence[0] : cue[0]]:
        return None
    start, _ = _trim(text, sentence[0], first)
    opening = WORD.match(text, start, None, False)
    if opening is not None and opening.group().lower() in _SENTENCE_CONJUNCTIONS:
        start, _ = _trim(text, opening.end(), first)
    if start >= first:
        return None
    return start, last


def _capitalised_words(quoted: str) -> bool:
    """Whether quoted words are a title or a name: each capitalised but short function words,
    and not a sentence (``"Peter Pan"``, ``"Today"``, not ``"You lie!"``).

    >>> _capitalised_words("Character Studies"), _capitalised_words("Bernie will win")
    (True, False)
    """
    if quoted.endswith(("!", "?", ".")):
        return False
    words = [word for word in quoted.split() if word[:1].isalpha()]
    # The first word first: most quoted words open with a lowercase one.
    return (
        bool(words)
        and words[0][0].isupper()
        and all(word[0].isupper() or len(word) <= 3 for word in words)
    )
