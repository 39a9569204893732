"""Every regular expression of the pipeline, compiled once, each alternative commented.

All of them are linear-time: no nested unbounded quantifiers, and every repetition is over a
character class that cannot overlap what follows it. Each has a worst-case test in
``tests/test_patterns.py``. Marks are written with ``\\N{...}`` names, not glyphs.

The pipeline calls them with ``concurrent=False`` given by position
(``PATTERN.match(text, pos, endpos, False)``; ``finditer`` and ``findall`` take ``overlapped``
first): by default ``regex`` lets go of the GIL around each match of a ``str`` and takes it
back after, which costs about 1,100 instructions a call, more than most of these matches take.
Passed by keyword, it costs more than it saves. ``tests/test_patterns.py`` holds every call
to it.
"""

from __future__ import annotations

import regex

# Paragraph breaks: a line break, optional horizontal space, another line break. The whole run
# of blank lines is one break.
BLANK_LINE = regex.compile(r"\n[^\S\n]*+\n\s*+")

# Paragraph breaks in articles written one paragraph a line.
LINE_BREAK = regex.compile(r"\n\s*+")

# The end of a sentence: end punctuation, closing marks or brackets kept with the sentence, white
# space, then something that can start a sentence. The lookahead keeps "3.5" and "e.g. the" whole.
SENTENCE_END = regex.compile(
    r"""
    (?<![.!?\N{HORIZONTAL ELLIPSIS}])          # the whole run, tried once from its start
    [.!?\N{HORIZONTAL ELLIPSIS}]++             # end punctuation
    [)\]"'\N{RIGHT DOUBLE QUOTATION MARK}\N{RIGHT SINGLE QUOTATION MARK}\N{RIGHT-POINTING DOUBLE ANGLE QUOTATION MARK}]*+
    (?P<space>\s++)                            # the gap between sentences
    (?=[\p{Lu}\p{N}"'(\[\p{Pi}\N{LEFT-POINTING DOUBLE ANGLE QUOTATION MARK}\N{DOUBLE LOW-9 QUOTATION MARK}])
    """,
    regex.VERBOSE,
)

# The word just before a full stop, dotted abbreviations ("U.S", "e.g") included. Searched in a
# bounded window ending at the full stop, so the nested repetition stays linear.
WORD_BEFORE = regex.compile(r"(?:\w++\.)*+\w++\Z")

# Every character (or pair) that can be a quotation mark or an apostrophe.
MARK = regex.compile(
    r"""
      ``                                        # newswire ASCII opening double
    | ''                                        # newswire ASCII closing double, or ''...''
    | [\"\N{LEFT DOUBLE QUOTATION MARK}\N{RIGHT DOUBLE QUOTATION MARK}]   # doubles
    | [\N{DOUBLE LOW-9 QUOTATION MARK}\N{DOUBLE HIGH-REVERSED-9 QUOTATION MARK}]  # German low
    | ['\N{LEFT SINGLE QUOTATION MARK}\N{RIGHT SINGLE QUOTATION MARK}]   # singles and apostrophes
    | [\N{SINGLE LOW-9 QUOTATION MARK}\N{SINGLE HIGH-REVERSED-9 QUOTATION MARK}]  # German low single
    | [\N{LEFT-POINTING DOUBLE ANGLE QUOTATION MARK}\N{RIGHT-POINTING DOUBLE ANGLE QUOTATION MARK}]
    | [\N{SINGLE LEFT-POINTING ANGLE QUOTATION MARK}\N{SINGLE RIGHT-POINTING ANGLE QUOTATION MARK}]
    | [\N{LEFT CORNER BRACKET}\N{RIGHT CORNER BRACKET}]                   # CJK
    | [\N{LEFT WHITE CORNER BRACKET}\N{RIGHT WHITE CORNER BRACKET}]       # CJK, nested
    """,
    regex.VERBOSE,
)

# A word right after an apostrophe in opening position, to tell "'em", "'til" and "'90s" from
# an opening single mark. Bounded: the caller searches a short window.
WORD_AFTER = regex.compile(r"\w++")

# A sentence boundary inside quoted words: end punctuation, space, then a capital. Marks a
# quote that holds at least one whole sentence.
SENTENCE_INSIDE = regex.compile(r"[.!?\N{HORIZONTAL ELLIPSIS}][\"')\]\p{Pf}]*+\s++[\"'(\p{Pi}]*+\p{Lu}")

# The lowercase words (hyphens and apostrophes inside) in the stretch before a quote.
WORDS_BEFORE = regex.compile(r"[\w][\w'\N{RIGHT SINGLE QUOTATION MARK}.-]*+")

# The letters of a word without the punctuation around it, for title-case checks.
TITLE_WORD = regex.compile(r"\p{L}[\p{L}\p{N}'\N{RIGHT SINGLE QUOTATION MARK}-]*+")

# The sentence a quote stands in, up to its opening mark: everything after the last end of
# sentence. Searched from the right in a bounded window before the mark.
SENTENCE_LEAD = regex.compile(r"(?:^|(?<=[.!?]\s))[^.!?]*+\Z")

# A transcript's speaker label at the start of a quoted paragraph: "WALLACE: ", "MR. SMITH: ".
# Capitals only, so "Yes: we will" is left alone; bounded to a name's length.
SPEAKER_LABEL = regex.compile(r"\p{Lu}[\p{Lu}.'\N{RIGHT SINGLE QUOTATION MARK} -]{1,40}+:\s++")

# End punctuation anywhere in quoted words ("Nooooo!", "Why?").
SENTENCE_END_INSIDE = regex.compile(r"[.!?\N{HORIZONTAL ELLIPSIS}]")

# A word: letters, with inner apostrophes and hyphens (don't, Okonkwo-Ferris).
WORD = regex.compile(r"\p{L}[\p{L}\p{M}'\N{RIGHT SINGLE QUOTATION MARK}-]*+")

# A sentence boundary between two sentences of the writer's prose: end punctuation, optional
# closing marks, white space. Used to find where the sentence holding a quote starts.
SENTENCE_BREAK = regex.compile(r"[.!?][\"')\]\p{Pf}]*+\s++")

# The lead of an interrupted quote's second half: the first half's closing mark (after its
# comma or end punctuation), the cue clause without another mark, then a comma at the end.
INTERRUPTION_LEAD = regex.compile(
    r"""
    [,.!?\N{EM DASH}]                                   # the first half's last character
    ["'\N{RIGHT DOUBLE QUOTATION MARK}\N{RIGHT SINGLE QUOTATION MARK}]   # its closing mark
    [^"\N{LEFT DOUBLE QUOTATION MARK}\n]{1,80}            # the cue clause (bounded backtracking)
    ,\Z                                                 # the comma before the second half
    """,
    regex.VERBOSE,
)

# A relative clause or bracket inside a subject, skipped when looking for the subject of a cue:
# ", who represents Hadley Cross on the council," / " (R-Kan.)". Bounded, no nesting.
RELATIVE_CLAUSE = regex.compile(
    r"""
      ,\s(?:who|which|whose|whom|where)\b[^,;:]{1,150}+,   # , who ... ,
    | \([^()]{1,80}+\)                                      # (D-Ohio)
    """,
    regex.VERBOSE,
)

# What credits a pull quote or headline to its speaker: a dash or colon right after the mark.
CREDIT_LEAD = regex.compile(
    r"[^\S\n]*+(?:[\N{EM DASH}\N{EN DASH}\N{HORIZONTAL BAR}]|-{1,2}+|:)[^\S\n]*+"
)

# A source the mention finder does not know, right before or after a cue: "…," the book said. /
# "…," said the ruling. A determiner and one to three lowercase words; bounded.
SOURCE_PHRASE = regex.compile(
    r"""
    [\s,\N{EM DASH}]*+                                     # the comma and space after the mark
    (?P<phrase>(?:the|a|an|this|that|its|his|her|their)    # a determiner
       (?:\s++[\p{Ll}\p{N}][\p{Ll}\p{N}'\N{RIGHT SINGLE QUOTATION MARK}-]*+){1,3}+)   # one to three words
    [\s,]*+
    """,
    regex.VERBOSE | regex.IGNORECASE,
)

# A short opening before a sentence's subject: "In recent weeks, Reid …", "But he …".
INTRODUCTORY = regex.compile(
    r"""
    (?:
      (?:but|and|yet|so|still|instead|meanwhile|even|now|then|indeed)\s++  # a conjunction
    | [^,]{1,40}+,\s++                                 # a short phrase and its comma
    )\Z
    """,
    regex.VERBOSE | regex.IGNORECASE,
)
# INTRODUCTORY's phrase is at most 40 characters and its comma, then only white space: a longer
# lead matches only if its last INTRODUCTORY_TAIL characters are white space, so a long lead can
# be turned down by its tail without slicing it all (``tail_rules_out_introductory``).
INTRODUCTORY_TAIL = 41


def tail_rules_out_introductory(text: str, lead_start: int, end: int, marks: str = "") -> bool:
    """Whether the lead ``text[lead_start:end]`` is, by its tail alone, neither blank (white
    space and ``marks``) nor matched by INTRODUCTORY: it is longer than twice
    INTRODUCTORY_TAIL and its last INTRODUCTORY_TAIL characters hold something else. A rule
    that reads the lead before each verb or quote of a run-on sentence then need not slice it.

    >>> lead = "In the harbour town where the ferries come and go each morning, the mayor of "
    >>> tail_rules_out_introductory(lead + "Greyport and ", 0, len(lead) + 13)
    True
    >>> tail_rules_out_introductory("In recent weeks, ", 0, 17)
    False
    """
    if end - lead_start <= 2 * INTRODUCTORY_TAIL:
        return False
    return bool("".join(text[end - INTRODUCTORY_TAIL : end].split()).strip(marks))

# A credited name after a pull quote's dash: two to four capitalised words, then a comma, a full
# stop or the end of the line ("— Jacklyn Ashley, student").
CREDITED_NAME = regex.compile(
    r"\p{Lu}[\p{L}'\N{RIGHT SINGLE QUOTATION MARK}.-]*+(?:[^\S\n]\p{Lu}[\p{L}'\N{RIGHT SINGLE QUOTATION MARK}.-]*+){1,3}+(?=[,.]?[^\S\n]*+(?:\n|\Z|,))"
)

# What may stand between a verb of saying and the clause it reports when there is no "that":
# a day or time ("said Tuesday", "said on Friday", "said last week", "says now").
CLAUSE_LEAD = regex.compile(
    r"""
    [^\S\n]++
    (?:on[^\S\n]++)?
    (?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|yesterday|today|tonight|now
      |earlier|later|recently|previously|again|also
      |(?:last|this|next)[^\S\n]++(?:week|month|year|night|morning|evening|weekend))
    ,?(?=[^\S\n])
    """,
    regex.VERBOSE | regex.IGNORECASE,
)

# The most words the tail of "CLAUSE, officials said Friday." may have.
REPORT_TAIL_LIMIT = 10

# A bracketed aside between a subject and its verb: "Sen. David Perdue (R-Ga.) said".
BRACKETED = regex.compile(r"\([^()\n]{0,40}+\)")

# A gendered pronoun, for tying pronouns to the name before them.
GENDERED_PRONOUN = regex.compile(r"\b(?:he|him|his|himself|she|her|hers|herself)\b", regex.IGNORECASE)

# The lead of a sentence whose subject is an apposition: "The new head, " / "Her neighbour, ".
APPOSITION_LEAD = regex.compile(
    r"(?i:the|a|an|her|his|their|its|our)[^\S\n]++[^,\n]{1,50}+,[^\S\n]++"
)

# The word before a cue, searched in a short window ending at the cue, to tell "the answers"
# and "Trump's claims" (nouns) from verbs of saying.
WORD_BEFORE_CUE = regex.compile(r"(\p{L}[\p{L}'\N{RIGHT SINGLE QUOTATION MARK}]*+)\s++\Z")

# Where a reported clause may end inside its sentence: a comma, or a dash set off as a break
# (an em dash, a spaced en dash or a spaced double hyphen), named ``dash``.
CLAUSE_BOUNDARY = regex.compile(
    r"""
    ,                                              # a comma
    | (?P<dash>\N{EM DASH}                         # an em dash, spaced or not
      | [^\S\n]\N{EN DASH}(?=[^\S\n])              # a spaced en dash
      | [^\S\n]--(?=[^\S\n]))                      # a spaced double hyphen
    """,
    regex.VERBOSE,
)

# Where the object of a stance verb ends ("criticized the plan during a rally"): a comma, or a
# time, place or occasion adjunct of the reporting sentence after it.
OBJECT_END = regex.compile(
    r"""
    ,                                                      # a comma
    | (?<=\S)[^\S\n]++(?=                                    # one try per run of spaces
        (?:during|after|before|when|while|because|since|until|amid|despite|yesterday
          |earlier|later|today|tonight                     # a time or a reason
          |(?:last|this|next)[^\S\n]++(?:week|month|year|night|morning|weekend)
          |(?:on[^\S\n]++)?(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)
          |on[^\S\n]++(?:twitter|facebook|television|the[^\S\n]++campaign)
          |at[^\S\n]++(?:a|an|the|his|her|their)[^\S\n]           # at a rally, at the debate
          |in[^\S\n]++(?:a|an|his|her|their)[^\S\n]++
            (?:interview|statement|speech|letter|email|e-mail|op-ed|post|tweet|video|memo)
        )\b)
    """,
    regex.VERBOSE | regex.IGNORECASE,
)

# A conjunction joining a second verb to a reporting sentence ("…, and criticized", " and warned
# against"): the conjunction's start, and the word after it named ``verb``. A try starts only
# at the first space of a run.
COORDINATED_VERB = regex.compile(r",?+(?<![^\S\n])[^\S\n]++(?:and|but)[^\S\n]++(?:also[^\S\n]++)?(?P<verb>\p{Ll}++)")

# A comma and the lowercase word after it, named ``word``.
COMMA_WORD = regex.compile(r",[^\S\n]++(?P<word>\p{Ll}++)")

# A wire story's dateline before its first sentence: "WASHINGTON (AP) — ", "DES MOINES, Iowa
# (Reuters) - ". Capitals, an optional state, an optional bracketed agency, then a dash.
DATELINE = regex.compile(
    r"\p{Lu}[\p{Lu}.'-]*+(?:[^\S\n]\p{Lu}[\p{Lu}.'-]*+){0,3}"
    r"(?:,[^\S\n]++\p{Lu}[\p{L}.]{1,15}+)?"
    r"(?:[^\S\n]++\([^()\n]{1,30}+\))?"
    r"[^\S\n]++(?:\N{EM DASH}|\N{HORIZONTAL BAR}|\N{EN DASH}|--?)[^\S\n]++"
)

# A conjunction and a pronoun that opens a clause of its own: " and he likes it", ", but they".
COORDINATED_CLAUSE = regex.compile(r",?+[^\S\n]++(?:and|but)[^\S\n]++(?:he|she|they|it|we|I)\b")

# A comma and a conjunction that join a second clause with its own subject, a capitalised word
# or a subject pronoun: ", and Ines Varga", ", but she".
JOINED_CLAUSE = regex.compile(
    r",[^\S\n]++(?:and|but|while|whereas)[^\S\n]++(?:\p{Lu}|(?:he|she|they|we)\b)"
)
