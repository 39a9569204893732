"""Mentions: the people and bodies an article names or describes, found outside its quotes.

A mention is a stretch of the text that can stand for a speaker: a personal name
(``Prime Minister David Cameron``, ``Mr Li``, ``Agnes de la Mare``), a description of a person
(``the operator's chief executive``, ``a spokeswoman for SkyLink``), an unnamed source
(``a council source``), a group (``UK Government sources``, ``residents``), an organisation
(``Westmere Police``, ``the Department for Regional Transport``, ``the council``) or a pronoun.

Design. The text outside the quoted spans is cut into tokens (words, initials, punctuation, and
one "break" token per quote or line break), each knowing whether it starts a sentence. One pass
from left to right then tries, at each token and in this order:

1. a noun phrase built around a head noun from the word lists (roles, anonymous nouns, group
   nouns, organisation words): optional determiner or possessive (``the operator's``),
   modifiers, the head, then a complement (``for SkyLink``, ``at Kellerman Straub``) or, for a
   role, the name it introduces (``Labour leader Jo Smith``);
2. a capitalised run: an organisation when it holds an organisation word (``Ostley District
   Council``, ``University of Port Alder``), else a person name after its titles are stripped
   (``Det. Sgt. Rhiannon Ap-Griffiths``), with particles (``van der Kolk``), initials
   (``John F. Kennedy``) and hyphens kept, and an apposition after it read as its role
   (``Gareth Penhaligon, the operator's chief executive,``);
3. a personal pronoun (subject forms and *him*/*her*; ``He's`` gives ``He``).

A phrase standing as a predicate (``works as a plumber``, ``was elected mayor``) or a possession
(``whose members``) is read but not kept: it names nobody who could speak. A possessor is kept
without its ending (``the minister`` in ``the minister's aide``, when no longer phrase reads).

The approach is rule-based chunking in the spirit of the trigger-word quotation extractors
(Pouliquen, Steinberger and Best 2007) rather than a statistical tagger: capitalisation plus
word lists. A capitalised run with no title is only taken as a person with evidence: a known
given name (``data/first_names.txt``, accents and hyphenated parts tried too), a name part
found with evidence elsewhere in the article, a verb of saying beside it, or what follows a
name (an age, ``who``, an apposition, a bracketed party). So sentence-initial words, headline
words and places are mostly left alone. The article is therefore read twice: the first pass
collects name parts, which the second accepts on their own (``Whitfield-Amadi said``). Every
step looks at a bounded window of tokens, so the whole is linear in the text.

Speed. The tokeniser reads the text piece by piece between its spaces, and each distinct piece
once: its tokens are shared by every place where it stands, their offsets kept apart. Most
pieces are plain ASCII words, read without the token pattern. What the reader asks of a word
again and again (a head noun? a verb of saying? a function word? a title?) is worked out once
per distinct word (``_facts``) and kept in bits of its token. A token holds no text, so one
token object serves every word that reads the same: the reader reads a word from the article
where a rule needs its text, and an article's new words cost no memory of their own. One
backward pass over the tokens marks where a noun phrase or a name can start at all, so the
reader tries only there. The second pass takes over each step of the first that looked up no
name part, or whose look-ups all fail again. Each shortcut is held to the plain reading by
tests (``tests/test_mentions.py``): none may change a token or a mention.
"""

from __future__ import annotations

import bisect
import functools
import unicodedata
from array import array
from collections.abc import Mapping, MutableSequence, Sequence
from typing import NamedTuple

import regex

from . import lexicon

__all__ = ["Mention", "find_mentions", "personal_name", "role_key"]


# An internal record, so a NamedTuple rather than a frozen attrs class like the public
# result types of ``model.py``: as immutable, and built in under half the time, which counts
# at thousands per article (see docs/performance.md).
class Mention(NamedTuple):
    """One mention of a person or body, at ``article[start:end]`` (its text is read from the
    article where it is needed: most mentions are never written out, and an article holds
    them from the mention finder to its end).

    ``kind`` is ``"name"``, ``"role"``, ``"pronoun"``, ``"organisation"``, ``"group"`` or
    ``"anonymous"``. ``gender`` is ``"m"``, ``"f"``, ``"n"`` (organisations, *it*) or ``""``;
    ``number`` is ``"sg"`` or ``"pl"``. ``head`` is the lowercase key the mention is matched
    by: a name's surname (``"cameron"``, ``"de la mare"``), a role's or source's head noun as
    written (``"prime minister"``, ``"pm"``, ``"spokeswoman"``), a group's head noun
    (``"sources"``), a pronoun itself, an organisation's lowercase text without its leading
    determiner. ``role`` is the role attached to the mention (a name's title or apposition,
    abbreviations spelled out: ``"general"`` for ``Gen.``), and ``given`` a name's given
    name(s) as written.

    >>> Mention(0, 2, "pronoun", "m", "sg", "he", "", "")
    Mention(start=0, end=2, kind='pronoun', gender='m', number='sg', head='he', role='',
            given='')
    """

    start: int
    end: int
    kind: str
    gender: str
    number: str
    head: str
    role: str
    given: str


_new_tuple = tuple.__new__  # builds a Mention from its fields in order (see ``_Reader._mention``)


# --- patterns --------------------------------------------------------------------------------

# One token of the text outside the quotes. Every alternative consumes at least one character
# and no repetition is nested over an overlapping class, so the scan is linear.
_TOKEN = regex.compile(
    r"""
      (?P<initials>\p{Lu}\.(?:\p{Lu}\.){0,15}+)(?![\p{L}\p{M}])
                                    # initials and dotted capitals: F. / J.R. / U.S.
    | (?P<number>\p{N}++(?:[.,:]\p{N}++){0,15}+)(?![\p{L}\p{M}\N{HYPHEN}-])
                                    # a number: 200,000 / 3.5 / 8:45 (not a word: "2022s")
    | (?P<word>[\p{L}\p{N}][\p{L}\p{M}\p{N}]*+
        (?:['\N{RIGHT SINGLE QUOTATION MARK}\N{HYPHEN}-][\p{L}\p{M}\p{N}]++)*+)
                                    # a word with inner apostrophes and hyphens:
                                    # O'Neill, Okonkwo-Ferris, operator's
    | (?P<newline>\n)               # a line break ends a paragraph
    | (?P<punct>[^\s\p{L}\p{N}])    # any other visible character
    """,
    regex.VERBOSE,
)

# Arabic and similar name prefixes written in lowercase before a capital: al-Assad, bin-Salman.
_NAME_PREFIX = regex.compile(
    r"""
    (?:al|el|ad|an|ar|as|ash|at|az|ul|abu|abd|bin|ibn|d|l)   # the prefix
    ['\N{RIGHT SINGLE QUOTATION MARK}-]                      # its apostrophe or hyphen
    \p{Lu}                                                   # the name's capital
    """,
    regex.VERBOSE,
)

# The end of a quote that closes its sentence: end punctuation, then only closing marks,
# brackets and space. Matched against a short window at the end of a quoted span.
_CLOSING = r"[\s\"')\]\p{Pf}\p{Pi}]"  # space, a closing mark or bracket, a quotation mark
_QUOTE_ENDS_SENTENCE = regex.compile(r"[.!?\N{HORIZONTAL ELLIPSIS}]" + _CLOSING + r"*+\Z")
_CLOSING_CHARACTER = regex.compile(_CLOSING)  # one character of the class, for ``_CLOSING_MARKS``


# --- small closed word classes -----------------------------------------------------------
# These are grammar, not vocabulary: closed classes of English that the chunker needs to know
# where a phrase may start or stop. They belong with the data lists (see the report that came
# with this module: function_words.txt, name_particles.txt) and are kept here until then.

# Function words and sentence openers: never the start of a name, and a noun phrase's
# modifiers stop at them.
# After a name and its comma: one or two short phrases, each closed by a comma (a full stop only
# before one: "Va.,"), then the lowercase word after them, named ``verb``. Matched at one
# position only, and each phrase is bounded, so a match costs a bounded number of steps.
_APPOSITION_THEN_VERB = regex.compile(
    r"(?:(?:[^,.;:!?\n\"\N{LEFT DOUBLE QUOTATION MARK}\N{RIGHT DOUBLE QUOTATION MARK}()]|\.(?=,))"
    r"{1,60}+,[^\S\n]++){1,2}?(?P<verb>\p{Ll}++)"
)

_FUNCTION_WORDS = frozenset(
    """
    a about above according across after afterwards again against ago all almost along already
    also although always am amid among an and another any anybody anyone anything are around as
    at be because been before behind being below beneath beside besides between beyond both but
    by can cannot could despite did do does doing done down during each earlier either else
    elsewhere enough even ever every everybody everyone everything except few finally first
    for from further furthermore had has have having hence her here hers herself him himself his
    how however i if in indeed inside instead into is it its itself just last later least less
    like many may maybe me meanwhile might mine more moreover most much must my myself near
    nearly neither never nevertheless next no nobody none nonetheless nor not nothing now of off
    often on once only onto or other others otherwise our ours ourselves out outside over own
    per perhaps please quite rather same second several shall she should since so some somebody
    someone something sometimes soon still such than that the their theirs them themselves then
    there thereafter therefore these they third this those though through throughout thus till
    to today together tomorrow tonight too toward towards under unless unlike until up upon us
    very via was we were what whatever when whenever where whereas whether which while whilst who
    whoever whom whose why will with within without would yes yesterday yet you your yours
    """.split()
)

# Months and weekdays (with their abbreviations): capitalised, but never a name's first word.
_CALENDAR_WORDS = frozenset(
    """
    january february march april may june july august september october november december
    jan feb mar apr jun jul aug sep sept oct nov dec monday tuesday wednesday thursday friday
    saturday sunday mon tue tues wed thu thur thurs fri sat sun
    """.split()
)

# Determiners and quantifiers that open a noun phrase.
_DETERMINERS = frozenset(
    """
    the a an one this these those another its his her their our my your some several many
    few two three four five six seven eight nine ten dozens both each every other
    """.split()
)

# No text longer than this is a determiner (see ``_Token``).
_LONGEST_DETERMINER = max(map(len, _DETERMINERS))

# Determiners before a common noun that names a body: "the council", "its board".
_ORGANISATION_DETERMINERS = frozenset("the this its their our his her".split())

# Function words that are modifiers right after a determiner: "the last surviving member".
_ORDINALS = frozenset("first second third last next only other own same".split())

# Words before a description that make it a predicate or a possession, not a mention of a
# speaker: "works as a plumber", "was elected mayor", "whose members".
_IRREGULAR_PAST = lexicon.irregular_past_verbs()
_AUXILIARIES = frozenset("has have had also later then would will again once repeatedly".split())
_NOT_REFERRING_AFTER = frozenset("as became become becomes elected appointed whose".split())

# Determiners of a first, indefinite mention: "a spokeswoman", "one diplomat".
_INDEFINITE = frozenset({"a", "an", "one", "another", "some", "several"})

# Lowercase particles inside surnames: Agnes de la Mare, Joost van der Kolk, Cordelia ten Brink.
_PARTICLES = frozenset(
    "da das de del dela della der des di do dos du la le les lo ten ter van von y zu".split()
)

# Name suffixes that follow the surname and are not it: Martin Luther King Jr.
_SUFFIXES = frozenset("jr jr. sr sr. ii iii iv".split())

# Words that may stand before a title without being part of the name: "Former Prime Minister".
_TITLE_MODIFIERS = frozenset("former late then acting interim outgoing incoming".split())

# Titles of peers, whose territorial designation belongs to the name: Baroness Penhallow of Treen.
_PEERAGES = frozenset(
    """
    baron baroness countess duchess duke earl lady lord marchioness marquess viscount
    viscountess
    """.split()
)

# Titles of address that say nothing about a role: Mr, Dr, Sir, Señora.
_ADDRESS_TITLES = frozenset(
    """
    mr mrs ms miss mister mx dr sir dame madam madame monsieur mlle mme herr frau senor senora
    senorita señor señora señorita signor signora shri shrimati smt alhaji hajia begum dato
    dato' datuk hon rt the
    """.split()
)

# Place prepositions: a capitalised run right after one is a place ("in Greyport"), unless it
# carries a title or a known given name.
_PLACE_PREPOSITIONS = frozenset(
    "across along around at from in inside into near outside through to toward towards via".split()
)

# Words joining the parts of an organisation's name: Department for Regional Transport.
_CONNECTORS = frozenset({"of", "for", "and", "&", "on"})

# Prepositions that open a complement kept with a role, source or group: "a spokeswoman for
# SkyLink", "analysts at Kellerman Straub", "residents of Tanner's Lane".
_COMPLEMENT_PREPOSITIONS = frozenset({"for", "at", "of", "from", "with", "in"})

# Punctuation and words that close an apposition: "Gareth Penhaligon, the chief executive, said".
_APPOSITION_CLOSERS = frozenset({",", ".", ";", ":", ")", "\N{EM DASH}", "\N{EN DASH}"})
_RELATIVES = frozenset({"who", "whose", "which", "whom"})
# The words ``_Reader._closed_lower`` is tested against: each a function word.
_CLOSED_TESTS = frozenset({"and", "of", "to", "according"}) | _PLACE_PREPOSITIONS | _RELATIVES

# Abbreviated titles spelled out, so that ``Gen.`` and ``the general`` meet.
_ABBREVIATED_ROLES: Mapping[str, str] = {
    "adm": "admiral",
    "brig": "brigadier",
    "capt": "captain",
    "cdr": "commander",
    "cllr": "councillor",
    "cmdr": "commander",
    "col": "colonel",
    "cpl": "corporal",
    "dci": "detective chief inspector",
    "dcs": "detective chief superintendent",
    "det": "detective",
    "di": "detective inspector",
    "ds": "detective sergeant",
    "fr": "father",
    "gen": "general",
    "gov": "governor",
    "insp": "inspector",
    "lt": "lieutenant",
    "maj": "major",
    "msgr": "monsignor",
    "pc": "police constable",
    "prof": "professor",
    "pte": "private",
    "pvt": "private",
    "rep": "representative",
    "rev": "reverend",
    "revd": "reverend",
    "sen": "senator",
    "sgt": "sergeant",
    "supt": "superintendent",
}

# Role words that name the same office, to one key, so that "the PM" finds "Prime Minister David
# Cameron" and "the spokeswoman" finds "a spokesperson". Gendered forms share a key; gender is
# compared separately. Kept in code: it is a handful of equivalences, not a word list.
_ROLE_SYNONYMS: Mapping[str, str] = {
    "pm": "prime minister",
    "premier": "prime minister",
    "ceo": "chief executive",
    "chief executive officer": "chief executive",
    "chief exec": "chief executive",
    "cfo": "chief financial officer",
    "coo": "chief operating officer",
    "spokesman": "spokesperson",
    "spokeswoman": "spokesperson",
    "press spokesperson": "spokesperson",
    "chairman": "chair",
    "chairwoman": "chair",
    "chairperson": "chair",
    "congressman": "representative",
    "congresswoman": "representative",
    "councilman": "councillor",
    "councilwoman": "councillor",
    "councilor": "councillor",
    "council member": "councillor",
    "councilmember": "councillor",
    "headteacher": "head teacher",
    "headmaster": "head teacher",
    "headmistress": "head teacher",
    "director-general": "director general",
    "secretary-general": "secretary general",
    "vice-president": "vice president",
    "vice-chancellor": "vice chancellor",
    "advisor": "adviser",
    "counselor": "counsellor",
    "policeman": "police officer",
    "policewoman": "police officer",
    "mum": "mother",
    "mom": "mother",
    "mummy": "mother",
    "mommy": "mother",
    "dad": "father",
    "grandma": "grandmother",
    "granny": "grandmother",
    "nan": "grandmother",
    "nana": "grandmother",
    "grandpa": "grandfather",
    "grandad": "grandfather",
    "granddad": "grandfather",
    "neighbor": "neighbour",
}

# The personal pronouns read as mentions: subject forms, and him/her.
_PRONOUNS = frozenset({"he", "she", "it", "they", "we", "i", "him", "her"})


def role_key(role: str) -> str:
    """The key under which a role is matched: abbreviations spelled out, synonyms merged.

    Args:
        role: A role as written, any case (``"Gen."``, ``"PM"``, ``"spokeswoman"``).

    Returns:
        The lowercase key; roles that name the same office share it.

    >>> role_key("PM"), role_key("prime minister"), role_key("Lt. Col.")
    ('prime minister', 'prime minister', 'lieutenant colonel')
    >>> role_key("spokeswoman") == role_key("spokesman") == role_key("spokesperson")
    True
    """
    words = role.lower().replace(".", " ").split()
    phrase = " ".join(words)
    if phrase in _ROLE_SYNONYMS:
        return _ROLE_SYNONYMS[phrase]
    if phrase in _ABBREVIATED_ROLES:
        return _ABBREVIATED_ROLES[phrase]
    spelled = " ".join(_ABBREVIATED_ROLES.get(word, word) for word in words)
    return _ROLE_SYNONYMS.get(spelled, spelled)


def personal_name(mention: Mention, text: str) -> str:
    """A name mention's personal name as written: given name(s) and surname, no titles or roles.

    Peers keep their title and territorial designation (``Baroness Penhallow of Treen``), which
    is how they are named. For a given name listed before a shared surname (``Hollis`` in
    ``Hollis and Maeve Brandvold``) the surname is looked up just after the mention in ``text``.

    Args:
        mention: A mention of kind ``"name"``.
        text: The article the mention was found in.

    Returns:
        The name, or ``""`` for a mention that is not a name.

    >>> text = "Prime Minister David Cameron spoke."
    >>> personal_name(find_mentions(text, [])[0], text)
    'David Cameron'
    """
    if mention.kind != "name":
        return ""
    written = text[mention.start : mention.end]
    folded = written.lower()
    at = folded.rfind(mention.head) if len(folded) == len(written) else -1
    if at >= 0:
        surname = written[at : at + len(mention.head)]
        if not mention.given and written[at + len(mention.head) :].startswith(" of "):
            before = written[:at].split()
            if before and before[-1].lower() in _PEERAGES:
                return written[at - len(before[-1]) - 1 :]
    else:
        surname = _surname_after(mention, text)
    return f"{mention.given} {surname}" if mention.given else surname


def _surname_after(mention: Mention, text: str) -> str:
    window = text[mention.end : mention.end + 120]
    at = window.lower().find(mention.head) if len(window.lower()) == len(window) else -1
    if at >= 0:
        return window[at : at + len(mention.head)]
    return " ".join(part[:1].upper() + part[1:] for part in mention.head.split())


def find_mentions(text: str, spans: Sequence[tuple[int, int]]) -> tuple[Mention, ...]:
    """Mentions of people and bodies in ``text``, in text order, outside the given spans.

    Args:
        text: The article.
        spans: ``(start, end)`` stretches to skip: the quotes (marks included). Words inside
            them are not mentions, and no mention runs across one.

    Returns:
        The mentions, sorted and not overlapping.

    >>> text = 'Gareth Penhaligon, the operator\\'s chief executive, said: "No." He left.'
    >>> for m in find_mentions(text, [(57, 62)]):
    ...     print(m.start, m.end, m.kind, text[m.start : m.end], "|", m.role)
    0 17 name Gareth Penhaligon | chief executive
    19 49 role the operator's chief executive | chief executive
    63 65 pronoun He |
    >>> text = "A spokeswoman for Westmere Police said so."
    >>> [(text[m.start : m.end], m.kind) for m in find_mentions(text, [])]
    [('A spokeswoman for Westmere Police', 'anonymous')]
    """
    if not isinstance(text, str):
        raise TypeError(f"find_mentions() takes the article as str, got {type(text).__name__}")
    ordered = sorted(spans)
    chunks = _chunks(text, ordered)
    known: set[str] = set()
    _next_article()  # what the articles before read, they read before this one
    if len(chunks) == 1:
        reader = _Reader(text, _tokenise(text, ordered), keep_steps=False)
        _learn_names(reader.read(frozenset()), known)
        return tuple(reader.read(frozenset(known)))
    # A long article is read a stretch of paragraphs at a time, so that only one stretch's
    # tokens are held at once; the stretches are cut at blank lines, which no step of the
    # reader crosses. The second pass needs what the first learnt from the whole article,
    # so each stretch is tokenised twice, but the steps the first pass read are kept for it.
    # Tokenised again, a stretch's words are not read a second time (``keep=False``), or each
    # would count as read twice. (A fresh process's first reading of 128 KB of PolNeAR dev's
    # paragraphs: a peak of 21.4 times its size against 25.8, when the word table kept the
    # words the article read twice, 1,894 of them against 4,566; it now keeps none, see
    # ``_ArticleWords``.)
    strings: dict[str, str] = {}
    article = _ArticleWords()  # what one stretch reads again, the next need not read
    kept_steps = []
    for chunk_start, chunk_end, chunk_spans in chunks:
        read = _tokenise(text, chunk_spans, chunk_start, chunk_end, article=article)
        reader = _Reader(text, read, strings)
        _learn_names(reader.read(frozenset()), known)
        kept_steps.append(reader.kept_steps())
    names = frozenset(known)
    found: list[Mention] = []
    # Each stretch's steps are let go once reused, as the mentions found grow: taken off the
    # end of the list, turned round to come in text order.
    kept_steps.reverse()
    for chunk_start, chunk_end, chunk_spans in chunks:
        read = _tokenise(text, chunk_spans, chunk_start, chunk_end, False, article)
        reader = _Reader(text, read, strings)
        reader.reuse_steps(kept_steps.pop())
        found.extend(reader.read(names))
    return tuple(found)


def _learn_names(first_pass: list[Mention], known: set[str]) -> None:
    """Add the name parts of the names found in the first pass to ``known``."""
    for mention in first_pass:
        if mention.kind == "name":
            known.add(mention.head)
            known.add(mention.head.split()[-1])
            if mention.given:
                known.add(mention.given.split()[0].lower())


# An article longer than ``_WHOLE_SIZE`` characters is read in stretches of about
# ``_CHUNK_SIZE`` (see ``_chunks``); a shorter one is read whole, tokenised only once.
_WHOLE_SIZE = 1 << 16
_CHUNK_SIZE = 1 << 14


def _chunks(
    text: str, spans: list[tuple[int, int]]
) -> list[tuple[int, int, list[tuple[int, int]]]]:
    """``text`` cut into stretches of at least ``_CHUNK_SIZE`` characters (bar the last),
    each as ``(start, end, spans)`` with the sorted ``spans`` that start in it.

    A stretch ends between the two line breaks of a blank line outside every span: the token
    before the cut and the one after it are both line breaks, and no step of the reader reads
    across a line break, so reading stretch by stretch gives what reading the whole gives.
    """
    if len(text) <= _WHOLE_SIZE:
        return [(0, len(text), spans)]
    chunks: list[tuple[int, int, list[tuple[int, int]]]] = []
    start = 0
    next_span = 0
    covered = 0  # the end of the spans that start before the cut being tried
    while len(text) - start > _CHUNK_SIZE:
        cut = text.find("\n\n", start + _CHUNK_SIZE) + 1
        while cut > 0:
            # Both line breaks lie outside every span: no span starts at or before the cut
            # and ends after the first of them.
            while next_span < len(spans) and spans[next_span][0] <= cut:
                covered = max(covered, spans[next_span][1])
                next_span += 1
            if covered < cut:
                break
            # A blank line inside a span: go past. The next one starts at or after the span's
            # end, so each try moves on (searching from ``covered - 1`` found the same cut again
            # when a span ended between the two line breaks, and looped for ever).
            cut = text.find("\n\n", covered) + 1
        if cut <= 0:
            break
        chunks.append((start, cut, []))
        start = cut
    chunks.append((start, len(text), []))
    # Give each stretch its spans; a span starting in a stretch ends in it (a cut is never
    # inside a span).
    index = 0
    for span in spans:
        while span[0] >= chunks[index][1] and index + 1 < len(chunks):
            index += 1
        chunks[index][2].append(span)
    return chunks


# --- tokens ------------------------------------------------------------------------------------


class _Token:
    """What a token outside the quotes is, apart from where it is and what it says: its kind
    and what the reader asks of it. Its text is the article's between its offsets, which
    :class:`_Tokens` keeps, with whether it starts a sentence; the reader reads the text only
    where a rule needs it (``_Reader._lower_of`` and the like).

    So a token holds nothing of one word, and one object serves every token read the same
    way: every word with the same ``facts``, capital and possessive ending (``_word_token``),
    every mark, every quote. An article that reads thousands of distinct words for the first
    time builds no object for any of them. (With a token object for each distinct word, its
    text, lowercase and base, the words new to a fresh process were the largest part of a
    first reading's peak: 16 times the size of 2 KB of news, 9 times that of 64 KB.)

    A word is a token with any ``facts`` (each has ``_WORD``); whether it is a possessive or an
    acronym are bits of them (``_POSSESSIVE``, ``_ACRONYM``); what the backward pass of
    ``_Reader.__init__`` tests is looked up by them (``_READER_FACTS``, ``_seconds_of``).
    ``cut`` is how much longer its lowercase is than its base, which drops a possessive ending
    (``'s``, ``\N{RIGHT SINGLE QUOTATION MARK}s`` or ``'``): the base ends that much before
    the token. A plain slotted class rather than an attrs one, as reading them is most of the
    chunker's work.
    """

    __slots__ = ("cap", "cut", "facts", "kind", "reader_kind")

    def __init__(
        self,
        kind: str,  # "word", "initials", "number", "punct" or "break" (a quote or a line break)
        facts: int = 0,  # what the reader needs to know of a word: see ``_facts``
        cap: bool = False,  # starts with a capital (or a name prefix: al-Assad)
        cut: int = 0,
        determiner: bool = False,  # a token that is no word, but reads as a determiner
    ) -> None:
        self.kind = kind
        self.facts = facts
        self.cap = cap
        self.cut = cut
        # What the backward pass of ``_Reader.__init__`` does here (see ``_reader_kind``). A
        # token that is no word takes the reader kind of no facts, unless its text is a
        # determiner (a quote that is just "the"): then the pass reads it.
        if determiner and not facts:
            self.reader_kind = _READ_FACTS
        else:
            self.reader_kind = (_READER_FACTS.get(facts) or _reader_facts(facts))[0]

    def __repr__(self) -> str:
        return f"_Token({self.kind!r}, {self.facts}, {self.cap}, {self.cut})"


# The word tokens, one for each way a word reads (see ``_word_token``): at most one for each
# combination of the bits of ``_Token.facts``, a capital, a possessive ending and a kind, so
# the table stays small whatever the text: 94 once the listed words' are made (see
# ``_listed_word_tokens``), 119 after PolNeAR train and dev.
_WORD_TOKENS: dict[int, _Token] = {}


def _word_token(facts: int, cap: bool, cut: int = 0, initials: bool = False) -> _Token:
    """The token of every word (or initials) with these ``facts``, capital and ``cut``."""
    key = facts << 4 | cut << 2 | cap << 1 | initials
    token = _WORD_TOKENS.get(key)
    if token is None:
        token = _WORD_TOKENS[key] = _Token("initials" if initials else "word", facts, cap, cut)
    return token


@lexicon.table
def _listed_word_tokens() -> int:
    """Make the token of every word any rule of ``_facts`` looks up, in lowercase, capitalised
    and in capitals, and say how many ``_WORD_TOKENS`` holds then: made as the first article
    is read, so that a later one does not make (and store) the token of a reading that only
    a rare listed word has."""
    for word in _fact_tables()[6]:
        for written in (word, word.capitalize(), word.upper()):
            _, cap, acronym, facts, _ = _shape(written)
            _word_token(facts | _ACRONYM if acronym else facts, cap)
    return len(_WORD_TOKENS)


class _Tokens:
    """Tokens in text order: ``tokens[i]`` runs from offset ``starts[i]`` to ``ends[i]``, and
    ``firsts`` holds, in order, the indices of the tokens that start a sentence.

    ``starts`` and ``ends`` are arrays of machine integers when ``_tokenise`` makes them (see
    there), lists for the few tokens of one piece (``_read_piece``)."""

    __slots__ = ("ends", "firsts", "starts", "tokens")

    def __init__(self) -> None:
        self.tokens: list[_Token] = []
        self.starts: MutableSequence[int] = []
        self.ends: MutableSequence[int] = []
        self.firsts: list[int] = []

    def add(self, start: int, end: int, token: _Token, first: bool) -> None:
        """Add ``token`` from offset ``start`` to ``end``; ``first`` if it starts a sentence."""
        if first:
            self.firsts.append(len(self.tokens))
        self.tokens.append(token)
        self.starts.append(start)
        self.ends.append(end)


def _without_ending(lower: str, cut: int) -> str:
    """A word's base: its lowercase without the last ``cut`` characters (``_Token.cut``)."""
    return lower[: len(lower) - cut] if cut else lower


def _tokenise(
    text: str,
    spans: Sequence[tuple[int, int]],
    start: int = 0,
    end: int = -1,
    keep: bool = True,
    article: _ArticleWords | None = None,
) -> _Tokens:
    """The tokens of ``text[start:end]`` (to the end if ``end`` is ``-1``), each of the sorted
    ``spans`` one break token. Without ``keep``, the word tables keep none of the pieces read
    (see ``_plain_word``). ``article`` keeps what the article of the text reads again (a new
    one if ``None``: see ``_ArticleWords``)."""
    # Each span as the stretch of it that lies past the spans before it (a span inside an
    # earlier one gives nothing), then the end of the text as a span of no break.
    breaks = []
    position = start
    for span_start, span_end in sorted(spans):
        if span_end <= position:
            continue
        breaks.append((span_start if span_start > position else position, span_end))
        position = span_end
    breaks.append((len(text) if end < 0 else end, -1))
    tokens = _Tokens()
    # The offsets as an array of machine integers, not a list: most are past 256, so each
    # was an int object of 32 bytes besides its slot, together more than five times the
    # text's size while the reader runs. Building the array and reading from it (each read
    # makes an int) cost about 1.5 % of the mention finder's instructions, so the reader
    # reads an offset only where it uses it (see ``_capitalised``). ("I", not "i": the array
    # takes an unsigned int without the argument parser, at a third of the cost.) The
    # tokeniser appends to the array itself: a list turned into one at the end held every
    # offset as an int object while it ran, where short articles that peak then peaked
    # (0.24 % more instructions over three passes of PolNeAR dev than the list).
    tokens.starts = _index_array(len(text))
    tokens.ends = _index_array(len(text))
    if article is None:
        article = _ArticleWords()
    _tokenise_stretches(text, start, breaks, tokens, keep, article)
    return tokens


def _index_array(largest: int, values: Sequence[int] = ()) -> array[int]:
    """An array of machine integers that holds any index up to ``largest``: 4 bytes each, or 8
    past what 4 hold."""
    return array("I" if largest < 1 << 32 else "Q", values)


# The first letters of the name prefixes of ``_NAME_PREFIX``: only a word opening with one of
# them needs the pattern tried.
_NAME_PREFIX_INITIALS = frozenset("abdeilu")

_SENTENCE_ENDS = frozenset(".!?\N{HORIZONTAL ELLIPSIS}")

# Characters of ``_CLOSING``: every ASCII one and the common typographic ones, picked by the
# pattern itself. A quote ends its sentence (``_QUOTE_ENDS_SENTENCE``) just when the last
# character before its closing characters ends one; with these stripped from its end, any
# other ASCII character left last is no closing character, so the pattern is needed only
# when a character outside ASCII is (see ``_tokenise_stretches``).
_CLOSING_MARKS = "".join(
    _CLOSING_CHARACTER.findall(
        "".join(map(chr, range(128)))
        + "\N{LEFT DOUBLE QUOTATION MARK}\N{RIGHT DOUBLE QUOTATION MARK}"
        + "\N{LEFT SINGLE QUOTATION MARK}\N{RIGHT SINGLE QUOTATION MARK}"
        + "\N{LEFT-POINTING DOUBLE ANGLE QUOTATION MARK}"
        + "\N{RIGHT-POINTING DOUBLE ANGLE QUOTATION MARK}\N{NO-BREAK SPACE}",
        0,
        None,
        False,
        False,
    )
)

# Marks often written straight after a word, before a space: read without the pattern.
_TRAILING_MARKS = frozenset(",.;:?!)")
_APOSTROPHES = frozenset("'\N{RIGHT SINGLE QUOTATION MARK}")


# Not kept: the pieces are kept whole once read twice (``_ONE_WORD``, ``_PIECES``), so a word's
# shape is asked again only in its first pieces. (With an ``lru_cache`` of 1,024 words, a fresh
# process's first reading of 4,096 characters of PolNeAR dev's paragraphs peaked at 26.9 times
# their size, against 24.8 without.)
def _shape(word: str) -> tuple[str, bool, bool, int, bool]:
    """A word's ``(lower, cap, acronym, facts, plain)``: its lowercase, whether it starts with
    a capital (or a name prefix: al-Assad), whether it has two or more letters, all capitals,
    its ``_facts`` as a word without a possessive ending, and whether it is plain: neither an
    abbreviation that may take a stop nor ending in ``s`` (so never a possessive)."""
    initial = word[:1]
    lower = word.lower()
    cap = initial.isupper() or (
        initial in _NAME_PREFIX_INITIALS
        and not word.isalpha()  # the prefix ends in an apostrophe or a hyphen
        and _NAME_PREFIX.match(word, 0, None, False) is not None
    )
    if initial.isalpha() and not initial.isupper():
        acronym = False  # a lowercase (or uncased) first letter
    elif word.isascii() and not word.isupper():
        acronym = False  # a lowercase letter (in ASCII every cased character is a letter)
    else:
        letters = [char for char in word if char.isalpha()]
        acronym = len(letters) >= 2 and all(char.isupper() for char in letters)
    plain = lower[-1:] != "s" and lower not in lexicon.abbreviations()
    return lower, cap, acronym, _facts(word, lower, lower, cap), plain


# Bits of ``_Token.facts``: what the reader asks of a word again and again, worked out once.
_HEAD = 1  # may open a head noun (see ``_Reader._head_at``)
_PASSES = 2  # a noun phrase's modifiers may run across it on their way to the head
_RUN = 4  # may open a capitalised run, unless it opens a sentence and is a verb
_VERB = 8  # a form of a verb of saying or of belief
_DETERMINER = 16  # a determiner that opens a noun phrase (see ``_Reader._noun_phrase``)
_STEP = 32  # a pronoun, "the", or a lowercase particle: a step of the reader may start here
_WORD = 64  # set on every word, so that only a token that is no word has no facts
_TITLE = 128  # may open a title written before a name (see ``_Reader._title_at``)
_ORGANISATION = 256  # an organisation word (see ``_Reader._organisation_end``)
_ORGANISATION_PAIR = 512  # the first word of a two-word organisation word ("football club")
_PRONOUN = 1024  # a personal pronoun read as a mention, or its contraction ("he's")
_POSSESSOR_PASSES = 2048  # a word the possessor scan of a noun phrase crosses (or stops at)
_POSSESSIVE = 4096  # a word with a possessive ending
_FUNCTION = 8192  # a function word (``_FUNCTION_WORDS``)
_ACRONYM = 16384  # two or more capitals and no lowercase: NHS, FM (set by ``_Token``)
# A token with none of these may open a phrase only with a head noun or a possessive in reach.
_MAY_OPEN = _HEAD | _DETERMINER | _RUN | _STEP | _POSSESSIVE
# The facts of a word in no list (see ``_facts``), each combined once rather than at each of
# the thousands of distinct words an article reads for the first time: a capitalised word; a
# lowercase one, which passes a possessor scan, and modifiers too unless it ends in -ly.
_CAPITALISED_WORD = _WORD | _PASSES | _RUN | _POSSESSOR_PASSES
_LOWERCASE_WORD = _WORD | _POSSESSOR_PASSES
_MODIFIER_WORD = _LOWERCASE_WORD | _PASSES

# The facts the reader's setup tests, as booleans (see ``_Reader.__init__``), one tuple per
# distinct ``facts`` value (at most one per combination of the bits above), each kept with
# the ``_reader_kind`` of a word with those facts.
_ReaderFacts = tuple[bool, bool, bool, bool, bool, bool, bool, bool]
_READER_FACTS: dict[int, tuple[int, _ReaderFacts]] = {}


def _head_seconds(lower: str, base: str) -> frozenset[str] | None:
    """For a word with the ``_HEAD`` fact: ``None`` if ``_Reader._head_at`` may read a head
    noun of one word at it, else the second words of the phrases it may open there. Then a
    head is read at it only before a token whose lowercase or base is one of these (what
    ``_head_at`` asks of the token after a phrase's first word, and more): a cheap exact
    test that rules out "health" and "party" before most words. An empty set: never a
    head (the possessive of a word that opens only longer phrases)."""
    table = _head_table()
    entries = table.get(base, ()) or table.get(lower, ())
    if not entries:
        return None  # the plural of a role, read as one word
    seconds = set()
    for words, _, _ in entries:
        if len(words) == 1:
            return None
        if words[0] == lower:  # (else ``_head_at`` passes the phrase over)
            seconds.add(words[1])
    return frozenset(seconds)


@lexicon.table
def _seconds_table() -> Mapping[str, frozenset[str]]:
    """``_head_seconds`` of each word of the head table that is its own base and opens only
    phrases of two words or more: the backward pass of ``_Reader.__init__`` asks it of every
    head noun it meets. Worked out for the whole table at once, when the first article is read
    (the table comes from the word lists), so that no later article keeps an answer for one of
    its words: kept as each was first asked, the answers left a fresh process holding 0.6 times
    the size of 4 KB of news after its first reading."""
    table = _head_table()
    found = {word: _head_seconds(word, word) for word in table}
    return {word: seconds for word, seconds in found.items() if seconds is not None}


def _seconds_of(lower: str, base: str) -> frozenset[str] | None:
    """``_head_seconds(lower, base)``, from ``_seconds_table`` for a word that is its own base
    (a word in no entry of it has none of the table's phrases: ``None``)."""
    if base == lower:
        return _seconds_table().get(lower)
    return _head_seconds(lower, base)


# What the backward pass of ``_Reader.__init__`` does at a token, by its facts alone (see
# ``_reader_kind``). Most tokens take a shortcut, each giving what the general case gives:
# one that skips them, or one of those numbered after ``_READ_FACTS``.
_SKIPS = 0  # nothing: no phrase starts here, and none reaches past it
_READ_FACTS = 1  # any other token: the pass reads its facts
_PASSES_ALL = 2  # cuts off nothing, and opens nothing unless a head or possessive is in reach
_PASSES_FUNCTION = 3  # cuts off a possessor scan's reach, and opens nothing
_PASSES_POSSESSOR = 4  # cuts off a head's reach, and opens nothing unless a possessive is
_DETERMINES = 5  # a determiner that passes nothing: opens a phrase only with one in reach past it
_CAPITALISED = 6  # passes all, opens a run, and a phrase only with a head or possessive in reach
_STEPS = 7  # a pronoun: passes nothing, opens no phrase and no run, but always a step


# The facts that ``_CAPITALISED`` asks of a word, and those of them it must have.
_CAPITALISED_FACTS = _RUN | _PASSES | _POSSESSOR_PASSES
_CAPITALISED_TESTS = _CAPITALISED_FACTS | _HEAD | _DETERMINER | _POSSESSIVE | _VERB
# What ``_STEPS`` asks of a word: a step may start at it, and it opens or passes nothing else.
_STEPS_TESTS = _STEP | _HEAD | _DETERMINER | _RUN | _PASSES | _POSSESSOR_PASSES | _POSSESSIVE


def _reader_kind(facts: int) -> int:
    """Which shortcut of the backward pass of ``_Reader.__init__`` a word with these
    ``facts`` takes (a token that is no word takes ``_SKIPS``, unless it reads as a
    determiner).

    A token that may open nothing by itself (no head noun, determiner, capital, pronoun or
    possessive: ``_MAY_OPEN``) only cuts off the reach of what follows that it does not pass:
    a noun phrase's modifiers (``_PASSES``) and a possessor scan (``_POSSESSOR_PASSES``). When
    it passes neither, as a mark (facts 0) or most function words, nothing is left in reach
    and it is skipped. A function word opens nothing even in reach of a head
    noun ("of", "and" between capitals: see ``_noun_phrase``); any other word may open a
    phrase when a head noun or possessive is still in reach.

    Two kinds of word that may open something have shortcuts too, for when nothing is in
    reach past them: a determiner that passes nothing and opens no run ("the", "a"), and a
    word that passes all and opens a run, with no head noun, determiner, possessive or verb
    of saying (a capitalised word in no list). A third needs none: a word that may start a
    step but passes nothing and opens nothing else (a pronoun, not "the", which is a
    determiner) is always a candidate and cuts off all reach.

    >>> words = ("said", "new", "of", "quickly", "the", "Tarrant", "she")
    >>> [_reader_kind(_plain_word(word).facts) for word in words]
    [0, 2, 3, 4, 5, 6, 7]
    """
    if facts & _STEPS_TESTS == _STEP:
        return _STEPS
    if facts & _DETERMINER and not facts & (
        _HEAD | _POSSESSIVE | _RUN | _PASSES | _POSSESSOR_PASSES
    ):
        return _DETERMINES
    if facts & _CAPITALISED_TESTS == _CAPITALISED_FACTS:
        return _CAPITALISED
    if facts & _MAY_OPEN:
        return _READ_FACTS
    if facts & _FUNCTION:
        # (No function word passes a possessor scan: see ``_listed_facts``.)
        return _PASSES_FUNCTION if facts & _PASSES else _SKIPS
    if facts & _PASSES:
        # A word that passes modifiers but stops a possessor scan (none does now) opens a
        # phrase when a head noun is in reach, as the general case works out.
        return _PASSES_ALL if facts & _POSSESSOR_PASSES else _READ_FACTS
    return _PASSES_POSSESSOR if facts & _POSSESSOR_PASSES else _SKIPS


def _reader_facts(facts: int) -> tuple[int, _ReaderFacts]:
    """``facts`` as the tuple ``_Reader.__init__`` unpacks, with the kind of a word with
    these facts, kept in ``_READER_FACTS``."""
    found = (
        bool(facts & _PASSES),
        bool(facts & _POSSESSOR_PASSES),
        bool(facts & _HEAD),
        bool(facts & _DETERMINER),
        bool(facts & _RUN),
        bool(facts & _VERB),
        bool(facts & _STEP),
        bool(facts & _POSSESSIVE),
    )
    return _READER_FACTS.setdefault(facts, (_reader_kind(facts), found))


def _facts(text: str, lower: str, base: str, cap: bool) -> int:
    """The ``_Token.facts`` of a word token with this text, lowercase, base and capital."""
    _, roles, _, _, _, _, listed = _fact_tables()
    if (
        lower not in listed
        and base == lower
        and (
            lower.isalpha()
            or not (lower[-1:] == "." or "'" in lower or "\N{RIGHT SINGLE QUOTATION MARK}" in lower)
        )
    ):
        # A word in no list, neither a possessive nor with a stop or an apostrophe: most
        # distinct words. What the rules below give such a word follows from its capital
        # and its ending (the plural of a role, an adverb in -ly), which a test holds to
        # the rules themselves.
        if cap:
            return _CAPITALISED_WORD
        if lower[-1:] != "s":
            return _LOWERCASE_WORD if lower[-2:] == "ly" else _MODIFIER_WORD
        facts = _LOWERCASE_WORD
        if lower[-2:] in ("ss", "us", "is"):
            facts |= _PASSES
        if lower[:-1] in roles or lower[:-2] in roles:
            facts |= _HEAD
        return facts
    return _listed_facts(text, lower, base, cap)


def _listed_facts(text: str, lower: str, base: str, cap: bool) -> int:
    """``_facts`` by its rules, for any word."""
    heads, roles, verbs, titles, organisations, organisation_pairs, _ = _fact_tables()
    possessive = base != lower
    facts = _WORD | _POSSESSIVE if possessive else _WORD
    if (
        base in heads
        or lower in heads
        or (not cap and base[-1:] == "s" and (base[:-1] in roles or base[:-2] in roles))
    ):
        facts |= _HEAD
    if possessive or not _blocks_phrase(lower, cap, verbs):
        facts |= _PASSES
    if cap and lower not in _FUNCTION_WORDS and base not in _CALENDAR_WORDS and text != "I":
        facts |= _RUN
    function_word = lower in _FUNCTION_WORDS
    if function_word:
        facts |= _FUNCTION
    if lower in verbs:
        facts |= _VERB
    elif not function_word:
        facts |= _POSSESSOR_PASSES
    if lower in _DETERMINERS and not possessive:
        facts |= _DETERMINER
    if lower in _PRONOUNS or (
        ("'" in lower or "\N{RIGHT SINGLE QUOTATION MARK}" in lower)
        and _pronoun_word(lower) in _PRONOUNS
    ):
        facts |= _STEP | _PRONOUN
    if lower == "the" or (lower in _PARTICLES and not cap):
        facts |= _STEP
    if lower in titles:
        facts |= _TITLE
    bare = base.rstrip(".")
    if bare in organisations:
        facts |= _ORGANISATION
    if bare in organisation_pairs:
        facts |= _ORGANISATION_PAIR
    return facts


@lexicon.table
def _fact_tables() -> tuple[
    Mapping[str, object],
    Mapping[str, str],
    frozenset[str],
    Mapping[str, object],
    frozenset[str],
    frozenset[str],
    frozenset[str],
]:
    """The tables ``_facts`` looks words up in: head nouns, roles, verb forms, titles,
    organisation words, the first words of the two-word organisation words, and every word
    that any of its rules looks up (in these tables or in the closed classes)."""
    organisations = lexicon.organisation_words()
    pairs = (word.split() for word in organisations)
    heads = _head_table()
    verbs = _verb_forms()
    titles = _title_table()
    organisation_pairs = frozenset(words[0] for words in pairs if len(words) == 2)
    listed = frozenset(
        {*heads, *verbs, *titles, *organisations, *organisation_pairs, "the"}
        | _FUNCTION_WORDS
        | _CALENDAR_WORDS
        | _DETERMINERS
        | _PRONOUNS
        | _PARTICLES
        | _CONNECTORS
        | _ORDINALS
    )
    return heads, lexicon.roles(), verbs, titles, organisations, organisation_pairs, listed


# How the pieces of text between spaces read, each worked out once (``_read_piece``) and
# kept while there is room: a piece that is one word, initials or a number reads the same
# after any token (``_ONE_WORD``); any other piece by whether it starts a sentence
# (``_PIECES[first]``: one table for each, so that a look-up needs no key built of the two).
# Only short pieces are kept, and each table is emptied when it is full (``_ONE_WORD`` at
# ``_WORDS_KEPT``, ``_PIECES`` when its two hold ``_PIECES_KEPT`` between them), so the memory
# is bounded whatever the text. Nothing but ``_read_piece`` and ``_plain_word`` write to them,
# and what they write depends on the piece alone.
# The word table is the larger: emptied whole when full, it makes every common word be read
# again after each emptying. Emptied at 2,048 words, that was every few articles (PolNeAR dev:
# 2.4 % of all instructions). At 16,384 it holds up to about 4 MB (230 bytes a word, measured
# after PolNeAR train); against 8,192 it saves 1.7 % of the instructions of a pass over PolNeAR
# train (57,000 distinct pieces, so it is emptied there too) and 6.5 % of a second pass over
# dev (whose words it then still holds). Two generations of 8,192 (the older kept, its words
# moved back when met again) saved less on both. The other table gained nothing from growing.
# A piece is kept only once it is read a second time (``_met_before``): the first time, it may
# be a name or a rare word that no later article holds, and the table kept each such word for
# the articles after it. (PolNeAR train after dev, each article as it comes: a median peak of
# 17.4 times its size before, 16.8 after, and 220 of 840 articles at 20 times or more, 160
# after. A word read twice is built twice: the first pass over dev costs 2.0 % more
# instructions, the second 6.4 % and the third none; one pass over train, whose words overflow
# the table, 0.03 % more.) And only once a second article reads it: what one article reads
# again is kept for the rest of that article alone (``_ArticleWords``), as a long article's
# story words and names, kept here, lay under the stages after the mention finder, where it
# peaked. (A fresh process's first reading of 128 KB of PolNeAR dev's paragraphs: a peak of
# 18.1 times its size, against 21.0; three passes over dev, 0.6 % more instructions.)
_PIECES_KEPT = 1 << 11
_WORDS_KEPT = 1 << 14
_LONGEST_KEPT_PIECE = 64
_Piece = tuple[tuple[_Token, ...], tuple[int, ...], tuple[int, ...], tuple[int, ...], bool]
# The tokens that are no word: one for every mark, every number, every quote and line break.
_PUNCT_TOKEN = _Token("punct")
_NUMBER_TOKEN = _Token("number")
_BREAK_TOKEN = _Token("break")
_DETERMINER_BREAK_TOKEN = _Token("break", determiner=True)  # a quote that is just "the"


def _break_token(text: str, start: int, end: int) -> _Token:
    """The token of the quote ``text[start:end]``."""
    if end - start <= _LONGEST_DETERMINER and text[start:end] in _DETERMINERS:
        return _DETERMINER_BREAK_TOKEN
    return _BREAK_TOKEN


_ONE_WORD: dict[str, _Token] = {}
_PIECES: tuple[dict[str, _Piece], dict[str, _Piece]] = ({}, {})  # by ``first``: False, True
# The pieces read once and not kept (``_met_before``): a byte for each of ``_MET_SLOTS`` slots
# of their hashes, so that a piece is one byte wherever it is; one piece taken for another
# (the same slot) is kept sooner, which only costs its room. A byte holds the number of the
# article that first read its piece (``_met_article``, 1 to 255, moved on by each article), so
# that the article that reads a piece again knows whether it read it itself. All bytes are
# cleared after ``_MET_MARKED`` marks, so that no more than a fifth or so are set, and when the
# article's number comes round to 1 again; a piece read once before then is read once more
# before it is kept.
_MET_SLOTS = 1 << 16
_MET_MARKED = 1 << 14
_MET_EARLIER = 1  # ``_met_before``: read by an article before this one
_MET_NOW = 2  # ``_met_before``: read by this article only
_MET = bytearray(_MET_SLOTS)
_MET_CLEARED = bytes(1 << 12)  # cleared a stretch at a time, with no copy of the whole
_met_marks = 0
_met_article = 1


class _ArticleWords:
    """The readings of the pieces that the article being read reads a second time but no
    article before it read (``_met_before`` gives ``_MET_NOW``): kept for the rest of the
    article, like ``_ONE_WORD`` and ``_PIECES`` (bounded as they are), and let go with it.

    A word that only one article repeats (a name, the story's own words) is thus built once
    more by the next article that reads it, which keeps it in the process's tables; but it no
    longer lies in those tables while the stages after the mention finder run on top of them,
    which is where a long article's extract used to peak."""

    __slots__ = ("pieces", "words")

    def __init__(self) -> None:
        self.words: dict[str, _Token] = {}
        self.pieces: tuple[dict[str, _Piece], dict[str, _Piece]] = ({}, {})


def _met_before(piece: str) -> int:
    """Whether ``piece`` was read before (perhaps: see ``_MET``): ``_MET_EARLIER`` by an
    earlier article, so that its reading is to be kept in the process's tables, ``_MET_NOW``
    by this one only, so that it is kept in the article's (``_ArticleWords``), or ``0`` the
    first time, when it is marked as read."""
    global _met_marks
    slot = hash(piece) & (_MET_SLOTS - 1)
    seen = _MET[slot]
    if seen:
        return _MET_NOW if seen == _met_article else _MET_EARLIER
    _MET[slot] = _met_article
    _met_marks += 1
    if _met_marks >= _MET_MARKED:
        _clear_marks()
    return 0


def _clear_marks() -> None:
    """Forget every piece read (``_MET``)."""
    global _met_marks
    _met_marks = 0
    for at in range(0, _MET_SLOTS, len(_MET_CLEARED)):
        _MET[at : at + len(_MET_CLEARED)] = _MET_CLEARED


def _next_article() -> None:
    """Start the marks of another article (see ``_MET``): what the articles before it read,
    ``_met_before`` gives as read by an earlier article."""
    global _met_article
    if _met_article == 255:
        _met_article = 1
        _clear_marks()  # or a piece marked 255 articles ago would be read by this one
    else:
        _met_article += 1


def _tokenise_stretches(
    text: str,
    start: int,
    breaks: list[tuple[int, int]],
    tokens: _Tokens,
    keep: bool,
    article: _ArticleWords,
) -> None:
    """Tokenise ``text`` from ``start`` onto ``tokens``: up to each ``(break_start,
    break_end)`` of ``breaks``, then that stretch as one break token, until the break whose
    end is ``-1``, where the text ends.

    A line break is a token of its own, after which a sentence starts, and no token holds a
    space; ``_TOKEN`` matches nothing at either. So the stretch is read line by line, and a
    line piece by piece between its spaces. A piece reads the same wherever it is (no rule
    of ``_tokenise_piece`` looks past a space or a line break), so each distinct piece is
    read once and its tokens reused, with their offsets moved to where it stands. The text
    between quotes is read in one call, not one a stretch: an article of quotes has dozens.
    """
    one_word = _ONE_WORD
    pieces = _PIECES
    article_words = article.words
    article_pieces = article.pieces
    abbreviations = lexicon.abbreviations()
    token_list = tokens.tokens
    starts = tokens.starts
    ends = tokens.ends
    firsts = tokens.firsts
    # (``token_list.append(...)``, not a bound ``append`` kept in a local: CPython 3.11
    # specialises a call of ``list.append`` as a method into an append with no call at all,
    # about a third cheaper than calling the bound method, which is done twice a piece.)
    closing = _CLOSING_MARKS
    first = True
    position = start  # where the piece starts
    for break_start, break_end in breaks:
        if break_start > position:
            for number, line in enumerate(text[position:break_start].split("\n")):
                if number:
                    # Each piece moved ``position`` one past its end, and the line's last one
                    # past the line break.
                    token_list.append(_BREAK_TOKEN)
                    starts.append(position - 1)
                    ends.append(position)
                    first = True
                if not line:
                    # A blank line, or the stretch's edge at a line break: no piece to read.
                    position += 1
                    continue
                for piece in line.split(" "):
                    if not piece:
                        # Two spaces in a row, or one at the stretch's edge (a quote's side):
                        # tested first, as these are a fifth of all pieces in quote-dense text.
                        position += 1
                        continue
                    token = one_word.get(piece)
                    if token is None and piece.isalpha() and piece.isascii():
                        # A word of ASCII letters read for the first time (or again, once its
                        # table was emptied): it reads alone, as ``_read_piece`` would read it.
                        # (``isalpha`` first: it fails on the pieces with a mark, most of the
                        # rest.) Only such words are in the article's own table of words.
                        token = article_words.get(piece) or _plain_word(piece, keep, article)
                    if token is not None:
                        # Most pieces are one word: its token takes whether it starts a
                        # sentence, and the token after it starts none.
                        if first:
                            firsts.append(len(token_list))
                            first = False
                        token_list.append(token)
                        starts.append(position)
                        position += len(piece)
                        ends.append(position)
                        position += 1
                        continue
                    mark = piece[-1]
                    if (
                        mark in _TRAILING_MARKS
                        and len(piece) > 2
                        and (word := piece[:-1]).isascii()
                        and word.isalpha()
                    ):
                        # A word of ASCII letters and one mark after it ("said," "night."), the
                        # other common piece: two tokens, the word's as it reads alone, unless
                        # it is an abbreviation with its stop ("Mr."). Two letters at least, as
                        # "A." is a pair of initials. The piece is read here, with no table of
                        # its own: that costs less than looking it up as a piece.
                        token = (
                            one_word.get(word)
                            or article_words.get(word)
                            or _plain_word(word, keep, article)
                        )
                        if mark != "." or word.lower() not in abbreviations:
                            if first:
                                firsts.append(len(token_list))
                            token_list.append(token)
                            starts.append(position)
                            token_list.append(_PUNCT_TOKEN)
                            position += len(word)
                            ends.append(position)
                            starts.append(position)
                            position += 1
                            ends.append(position)
                            position += 1
                            first = mark in _SENTENCE_ENDS
                            continue
                    read = (
                        pieces[first].get(piece)
                        or article_pieces[first].get(piece)
                        or _read_piece(piece, first, keep, article)
                    )
                    piece_tokens, offsets, piece_ends, piece_firsts, first = read
                    # (``map`` over ``int.__add__`` rather than a comprehension: no function
                    # call per piece.)
                    if piece_firsts:
                        firsts.extend(map(len(token_list).__add__, piece_firsts))
                    if len(offsets) == 1:
                        token_list.append(piece_tokens[0])
                        starts.append(position + offsets[0])
                        ends.append(position + piece_ends[0])
                    else:
                        token_list.extend(piece_tokens)
                        starts.extend(map(position.__add__, offsets))
                        ends.extend(map(position.__add__, piece_ends))
                    position += len(piece) + 1
        if break_end < 0:
            return
        # The break: a token of the quote's text. A sentence starts after it when the quote
        # ends one: when, past its closing marks, its last character is a stop. Stripped of
        # the closing marks of ``_CLOSING_MARKS``, a quote whose last character left is in
        # ASCII is decided; only another needs the pattern.
        token_list.append(_break_token(text, break_start, break_end))
        starts.append(break_start)
        ends.append(break_end)
        # its last 12 characters, or all of a shorter one
        window = text[break_end - 12 if break_end - 12 > break_start else break_start : break_end]
        last = window.rstrip(closing)[-1:]
        if last in _SENTENCE_ENDS:
            first = True
        elif last.isascii():
            first = False  # no stop before the closing marks, or none left in the window
        else:
            first = bool(_QUOTE_ENDS_SENTENCE.search(window, 0, None, False))
        position = break_end


def _plain_word(word: str, keep: bool = True, article: _ArticleWords | None = None) -> _Token:
    """The token of a piece of ASCII letters, kept if short and read before (``_met_before``):
    in ``_ONE_WORD`` if an earlier article read it, else in the ``article``'s words; unless
    not to ``keep`` (neither kept nor marked as read).

    A word with no stop, apostrophe or other character after it in its piece: neither an
    abbreviation with its stop nor a possessive. Its shape as ``_shape`` has it: in ASCII,
    every character of such a word is a letter.
    """
    size = len(word)
    lower = word.lower()
    cap = word[0].isupper()
    facts = _facts(word, lower, lower, cap)
    if size >= 2 and word.isupper():
        facts |= _ACRONYM
    token = _word_token(facts, cap)
    if keep and size <= _LONGEST_KEPT_PIECE and (seen := _met_before(word)):
        table = _ONE_WORD if seen == _MET_EARLIER or article is None else article.words
        if len(table) >= _WORDS_KEPT:
            table.clear()
        table[word] = token
    return token


def _read_piece(
    piece: str, first: bool, keep: bool = True, article: _ArticleWords | None = None
) -> _Piece:
    """How ``piece``, some text without a space, reads after a token that leaves ``first``:
    its tokens, their offsets in it, the indices of those that start a sentence, and whether
    the token after it does. Kept in ``_ONE_WORD`` or ``_PIECES`` if short and read by an
    earlier article (``_met_before``), in the ``article``'s tables if read by it before, unless
    not to ``keep``.

    A piece of plain ASCII letters is read without the pattern (``_tokenise_stretches`` reads
    those, and a word with one mark after it, before it asks here).
    """
    size = len(piece)
    if piece.isascii() and piece.isalpha():
        return (_plain_word(piece, keep, article),), (0,), (size,), (0,) if first else (), False
    read = _Tokens()
    after = _tokenise_piece(piece, 0, size, size, first, read, _piece_matches(piece))
    result: _Piece = (
        tuple(read.tokens),
        tuple(read.starts),
        tuple(read.ends),
        tuple(read.firsts),
        after,
    )
    if keep and size <= _LONGEST_KEPT_PIECE and (seen := _met_before(piece)):
        tokens = result[0]
        if seen == _MET_EARLIER or article is None:
            words, pieces = _ONE_WORD, _PIECES
        else:
            # (The article's words are only words of ASCII letters, which ``_plain_word``
            # keeps: so that no other piece is looked up in them. Its one-token pieces, as
            # "2024" or "U.S.", are kept with its other pieces.)
            words, pieces = None, article.pieces
        if (
            words is not None
            and len(tokens) == 1
            and result[1][0] == 0
            and result[2][0] == size
            and tokens[0].kind in ("word", "initials", "number")
        ):
            if len(words) >= _WORDS_KEPT:
                words.clear()
            words[piece] = tokens[0]
        else:
            if len(pieces[False]) + len(pieces[True]) >= _PIECES_KEPT:
                pieces[False].clear()
                pieces[True].clear()
            pieces[first][piece] = result
    return result


# Marks a piece may open or close with, each one punctuation token: ASCII punctuation and
# the common typographic quotes, dashes and ellipsis (none a space, letter or digit).
_PIECE_MARKS = (
    "!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~"
    "\N{LEFT DOUBLE QUOTATION MARK}\N{RIGHT DOUBLE QUOTATION MARK}"
    "\N{LEFT SINGLE QUOTATION MARK}\N{RIGHT SINGLE QUOTATION MARK}"
    "\N{EM DASH}\N{EN DASH}\N{HORIZONTAL ELLIPSIS}\N{HORIZONTAL BAR}"
)
_NO_MATCH = ""
_Groups = tuple[str, str, str, str, str]
_LINE_BREAK: _Groups = ("", "", "", "\n", "")


def _piece_matches(piece: str) -> list[_Groups] | None:
    """What ``_TOKEN.findall`` gives for a piece of the common shapes, read without the
    pattern, or ``None`` for any other piece: lines (split at line breaks) each of marks, then
    at most one word of ASCII letters and digits that opens with a letter (inner apostrophes
    and hyphens allowed: "Trump's", "well-known"), then marks. Such a word is one match of the
    pattern's ``word`` and each mark one ``punct``; a one-letter word before a stop could be
    initials ("J."), so that is left to the pattern.

    >>> for groups in _piece_matches("end.\\nHe's"):
    ...     print(groups)
    ('', '', 'end', '', '')
    ('', '', '', '', '.')
    ('', '', '', '\\n', '')
    ('', '', "He's", '', '')
    >>> _piece_matches("J.") is None
    True
    """
    marks = _PIECE_MARKS
    matches: list[_Groups] = []
    for number, line in enumerate(piece.split("\n")):
        if number:
            matches.append(_LINE_BREAK)
        opened = line.lstrip(marks)
        word = opened.rstrip(marks)
        if word:
            core = word.replace("\N{RIGHT SINGLE QUOTATION MARK}", "'").replace("-", "'")
            if not (core.isascii() and word[0].isalpha()):
                return None
            for part in core.split("'"):
                if not part.isalnum():
                    return None  # another character, or two marks in a row
            if len(word) == 1 and opened[1:2] == ".":
                return None  # maybe initials
        elif opened:
            return None  # some other character
        for mark in line[: len(line) - len(opened)]:
            matches.append((_NO_MATCH, _NO_MATCH, _NO_MATCH, _NO_MATCH, mark))
        if word:
            matches.append((_NO_MATCH, _NO_MATCH, word, _NO_MATCH, _NO_MATCH))
        for mark in opened[len(word) :]:
            matches.append((_NO_MATCH, _NO_MATCH, _NO_MATCH, _NO_MATCH, mark))
    return matches


def _tokenise_piece(
    text: str,
    start: int,
    stop: int,
    end: int,
    first: bool,
    tokens: _Tokens,
    matches: list[_Groups] | None = None,
) -> bool:
    """Tokenise ``text[start:stop]``, a piece of the stretch that ends at ``end``, with the
    pattern (or the ``matches`` it would give, if known); return whether the next token
    starts a sentence.

    ``findall`` gives each token's text without building a match object; its offset is found
    again with ``str.find`` from the end of the one before, which is exact because ``_TOKEN``
    matches every character but white space: the gap before a token holds only white space
    (never a line break), and no token starts with white space other than a line break.
    """
    abbreviations = lexicon.abbreviations()
    add = tokens.add
    find = text.find
    shape = _shape
    word_token = _word_token
    position = start  # the end of the last match
    # A stop or an apostrophe already taken into the word before ends here. Only a
    # punctuation token can start before it: the character after that word is the stop or
    # the apostrophe, which the pattern matches as punctuation.
    skip_to = start
    if matches is None:
        matches = _TOKEN.findall(text, start, stop, False, False)
    for initials, number, word, _line_break, punct in matches:
        if word:
            token_start = find(word, position)
            token_end = position = token_start + len(word)
            lower, cap, acronym, facts, plain = shape(word)
            cut = 0
            if plain:
                pass
            elif token_end < end and text[token_end] == "." and lower in abbreviations:
                token_end += 1  # "Mr." and "Gen." keep their stop, which ends no sentence
                skip_to = token_end
                word, lower = word + ".", lower + "."
                facts = _facts(word, lower, lower, cap)
            elif len(lower) > 2 and lower[-1] == "s" and lower[-2] in _APOSTROPHES:
                cut = 2
                facts = _facts(word, lower, lower[:-2], cap)
            elif (
                lower[-1] == "s"
                and token_end < end
                and text[token_end] in _APOSTROPHES
                and (token_end + 1 >= end or not text[token_end + 1].isalnum())
            ):
                token_end += 1  # a plural possessive: "the Cruise Operators' Alliance"
                skip_to = token_end
                base = lower
                word = text[token_start:token_end]
                lower, cap, acronym, _, _ = shape(word)
                cut = len(lower) - len(base)
                facts = _facts(word, lower, base, cap)
            if acronym:
                facts |= _ACRONYM
            add(token_start, token_end, word_token(facts, cap, cut), first)
            first = False
        elif punct:
            token_start = find(punct, position)
            position = token_start + 1
            if token_start < skip_to:
                continue
            add(token_start, position, _PUNCT_TOKEN, False)
            if punct in _SENTENCE_ENDS:
                first = True
        elif initials:
            token_start = find(initials, position)
            position = token_start + len(initials)
            _, cap, _, facts, _ = shape(initials)
            add(token_start, position, word_token(facts, cap, 0, True), first)
            first = False
        elif number:
            token_start = find(number, position)
            position = token_start + len(number)
            add(token_start, position, _NUMBER_TOKEN, first)
            first = False
        else:
            token_start = find("\n", position)
            position = token_start + 1
            add(token_start, position, _BREAK_TOKEN, False)
            first = True
    return first


# --- word tables -----------------------------------------------------------------------------


# The reader's working values (_Head, _Name, _Phrase) are plain tuples, not classes: thousands
# are made per article and never leave this module, and a tuple is made without a call (a
# slotted class's __init__ cost about 2,000 instructions more a value, a frozen attrs class
# several times that). Each is unpacked where it is read.

# A head noun found at a token: the token after it, its kind ("role", "anonymous", "group" or
# "organisation") and its words.
_Head = tuple[int, str, str]


@lexicon.table
def _head_table() -> Mapping[str, tuple[tuple[tuple[str, ...], str, str], ...]]:
    """Head phrases keyed by their first word, longest first, each as its words, its kind and
    the words joined.

    A phrase in several lists takes the most specific reading: group, then anonymous source,
    then role, then organisation ("police" is a group, "executive" an anonymous source).
    """
    kinds: dict[str, str] = {}
    for word in lexicon.organisation_words():
        kinds[word] = "organisation"
    for word in _role_titles():
        kinds[word] = "role"
    for word in lexicon.roles():
        kinds[word] = "role"
    for word in lexicon.anonymous_nouns():
        kinds[word] = "group" if _plural(word) else "anonymous"
    for word in lexicon.group_nouns():
        kinds[word] = "group"
    for word in ("one", "another"):
        kinds.pop(word, None)  # determiners first: "one diplomat", not a head of their own
    table: dict[str, list[tuple[tuple[str, ...], str, str]]] = {}
    for phrase, kind in kinds.items():
        words = tuple(phrase.split())
        table.setdefault(words[0], []).append((words, kind, " ".join(words)))
    # (Most first words open one phrase: nothing to sort, and no key called per entry.)
    return {
        first: (
            tuple(entries)
            if len(entries) == 1
            else tuple(sorted(entries, key=lambda e: -len(e[0])))
        )
        for first, entries in table.items()
    }


@lexicon.table
def _role_titles() -> frozenset[str]:
    """Honorifics that are offices (``transport minister``, ``detective inspector``), as
    opposed to forms of address (``mr``) and abbreviations (``gen.``)."""
    abbreviations = lexicon.abbreviations()
    return frozenset(
        title
        for title, gender in lexicon.honorifics().items()
        if "." not in title
        and title not in abbreviations
        and title.split()[0] not in _ADDRESS_TITLES
        and (not gender or title in lexicon.roles())
    )


@lexicon.table
def _title_table() -> Mapping[str, tuple[tuple[str, ...], ...]]:
    """Titles written before a name (honorifics and roles), keyed by first word, longest first."""
    table: dict[str, list[tuple[str, ...]]] = {}
    for title in {*lexicon.honorifics(), *lexicon.roles()}:
        words = tuple(title.split())
        table.setdefault(words[0], []).append(words)
    return {
        first: tuple(sorted(entries, key=len, reverse=True)) for first, entries in table.items()
    }


def _plural(phrase: str) -> bool:
    last = phrase.split()[-1]
    return (
        (last.endswith("s") and not last.endswith(("ss", "us", "is")))
        or last.endswith(("men", "people"))
        or last.startswith("passers")
        or phrase in lexicon.group_nouns()
    )


# Not kept: a pass over PolNeAR dev asks 1,070 times about 207 roles, and a cache of the
# answers grew with each article's new roles for under a fifth of a percent of the
# instructions.
def _role_gender(role: str) -> str:
    words = role.split()
    for size in range(len(words), 0, -1):
        phrase = " ".join(words[-size:])
        gender = lexicon.roles().get(phrase) or lexicon.honorifics().get(phrase, "")
        if gender:
            return gender
    return ""


def _given_gender(word: str) -> str | None:
    """The gender of a known given name (``"m"``/``"f"``), or ``None`` for an unknown word.

    Tries the name as written, then without its accents (Inês as Ines), then each part of a
    hyphenated name, last first (Kerry-Ann as Ann).
    """
    names = lexicon.first_names()
    if word in names:
        return names[word]
    if not word.isascii():
        # (An ASCII word is its own NFKD form and has no combining mark: it was tried.)
        plain = _without_accents(word)
        if plain in names:
            return names[plain]
    if "-" in word:
        for part in reversed(word.split("-")):
            if part in names:
                return names[part]
    return None


# Only the words outside ASCII are kept, the few whose look-up costs more than the memory it
# takes to keep (a word is kept with its key, a link and its answer): every word of an
# article's names is asked, and an ``lru_cache`` of every word asked kept a fresh process
# holding half the size of 4 KB of news more after its first reading.
@functools.lru_cache(maxsize=1024)  # bounded: the words come from arbitrary text
def _without_accents(word: str) -> str:
    """``word`` in its NFKD form without its combining marks: Inês as Ines."""
    return "".join(
        char for char in unicodedata.normalize("NFKD", word) if not unicodedata.combining(char)
    )


def _blocks_phrase(word: str, cap: bool, verbs: frozenset[str]) -> bool:
    """Whether a word (lowercase, and whether written with a capital) stops a noun phrase's
    modifiers before its head noun in every reading of :meth:`_Reader._noun_phrase`: a
    function word (but not a connector or an ordinal), or a lowercase verb, adverb or plural.
    Possessives never block (the possessor skips them)."""
    if word in _CONNECTORS or word in _ORDINALS:
        return False
    if word in _FUNCTION_WORDS:
        return True
    return not cap and (
        word in verbs
        or word.endswith("ly")
        or (word.endswith("s") and not word.endswith(("ss", "us", "is")))
    )


# Bounded, though only a word with the ``_PRONOUN`` fact is asked: a pronoun, or one with a
# contraction's ending ("he's", "they\N{RIGHT SINGLE QUOTATION MARK}ll"), a few dozen forms.
@functools.lru_cache(maxsize=256)
def _pronoun_reading(lower: str) -> tuple[str, str, str]:
    """How a token with the ``_PRONOUN`` fact reads, by its lowercase: its pronoun word, with
    the gender and number of ``lexicon.pronouns`` (number ``"sg"`` where none is marked).
    Worked out once a form rather than at each of the thousands of pronouns an article reads.

    >>> _pronoun_reading("they're"), _pronoun_reading("she")
    (('they', '', 'pl'), ('she', 'f', 'sg'))
    """
    # A pronoun as it is (most) is its own pronoun word.
    word = lower if lower in _PRONOUNS else _pronoun_word(lower)
    gender, number = lexicon.pronouns().get(word, ("", "sg"))
    return word, gender, number or "sg"


def _pronoun_word(word: str) -> str:
    """The pronoun a lowercase word starts with, contractions included: ``he`` in ``he's``,
    ``i`` in ``i'll``; else the word itself."""
    for apostrophe in ("'", "\N{RIGHT SINGLE QUOTATION MARK}"):
        pronoun, found, ending = word.partition(apostrophe)
        if found:
            return pronoun if ending in ("s", "m", "ll", "ve", "d", "re") else ""
    return word


@lexicon.table
def _verb_forms() -> frozenset[str]:
    """Every form of a verb of saying or of belief, lowercase."""
    return frozenset(lexicon.speech_verbs()) | frozenset(lexicon.belief_verbs())


# --- the reader --------------------------------------------------------------------------------


# A person name read from tokens ``[start, end)``: ``(start, end, end_offset, head, given,
# gender, role, titled)``, its offsets ending at ``end_offset``, its key (the surname), its
# given name(s) as written, its gender, the role its titles give, and whether it has a title.
_Name = tuple[int, int, int, str, str, str, str, bool]

# A noun phrase read from tokens ``[start, end)`` around a head noun: ``(start, end, kind, head,
# gender, indefinite)``, the head's kind and words, its gender, and whether its determiner
# makes it a first, indefinite mention ("a spokeswoman").
_Phrase = tuple[int, int, str, str, str, bool]


# What one step of the reader gives at a token: the mentions read there and the token to go
# on from, or ``None`` when nothing starts there. (The mentions are a tuple, not a list: one
# block of memory rather than two, and a step that reads none shares the empty tuple.)
_Step = tuple[tuple[Mention, ...], int] | None
# A step not read, or read but not kept (see ``_Reader.__init__``): told apart by identity.
_UNREAD: _Step = ((), -1)
# A step of the first pass that looked anything up in ``known`` (see ``_Reader.__init__``):
# its token, where its mentions lie in what the pass found, what it gave, the words it
# looked up, and the name it found no evidence for, if that was all it looked up.
_Asking = tuple[int, int, int, _Step, tuple[str, ...], tuple[int, _Name] | None]
# What a pass leaves for the next over the same tokens (see ``_Reader.kept_steps``).
_KeptSteps = tuple[list[_Step], Sequence[_Asking]]

# The widest stretch of tokens the noun-phrase scan walks before it must meet a head noun.
_HEAD_WINDOW = 7
_POSSESSOR_WINDOW = 4  # the determiner's possessor: "the operator's chief executive"
_NEARBY_POSSESSIVE = 6  # how far ahead a possessive makes a possessor phrase worth reading

# Bits of ``_Reader.flags`` (see ``_Reader.__init__``).
_FIRST = 1  # the token starts a sentence
_POSSESSIVE_NEARBY = 2  # a possessive lies within ``_NEARBY_POSSESSIVE`` tokens from here on
_POSSESSIVE_IN_REACH = 4  # one within ``_POSSESSOR_WINDOW`` of where a phrase's modifiers start
_STARTS_RUN = 8  # a capitalised run may start here
_OPENS = 16  # a noun phrase may start here
_OPENS_POSSESSOR = 32  # a possessor phrase may start here ("the minister" of "the minister's")
# The reader tests a bit by looking its flags up in a table of whether it is set: CPython 3.11
# reads a tuple item with a specialised instruction, but works out ``&`` on two ints the
# general way, several times the cost. And as the two bits that open a phrase are the
# highest, whether either is set is one comparison, specialised too: ``flags >= _OPENS``.
_FIRSTS, _NEARBY, _IN_REACH, _RUNS, _PHRASES = (
    tuple(bool(flags & bit) for flags in range(_OPENS_POSSESSOR * 2))
    for bit in (_FIRST, _POSSESSIVE_NEARBY, _POSSESSIVE_IN_REACH, _STARTS_RUN, _OPENS)
)


class _Reader:
    """Left-to-right passes over the tokens, emitting mentions.

    Per-token facts that do not change between the two passes (whether a head noun can be
    reached from a token, where the next possessive is) are worked out once, backwards, so
    a pass tries only the tokens where something may start. The second pass differs from
    the first only in ``known``: it takes over the first's mentions, but for the steps that
    looked up a name part it knows. A reader made with ``keep_steps`` keeps every step of the
    first pass, for a later reader over the same tokens (``kept_steps``: a long article's
    second pass) or for its own second pass once a step there reads on to another token
    than it did. Without, that pass reads every step after such a one again: of the 1,040
    single-stretch articles of PolNeAR train and the synthetic corpus, 3 had one, with 276
    steps after it. A short article's reader keeps none: its steps took the median peak of
    an article of PolNeAR train after dev, just after a full collection, from 19.6 to 21.4
    times its size.
    """

    def __init__(
        self,
        text: str,
        read: _Tokens,
        strings: dict[str, str] | None = None,
        keep_steps: bool = True,
    ) -> None:
        self.text = text
        self.keep_steps = keep_steps
        self.tokens = tokens = read.tokens
        self.starts = starts = read.starts
        self.ends = ends = read.ends
        # One string object per distinct head, role or given name ("he", "cole"), shared by
        # every mention that has it: a long article has tens of thousands of mentions.
        self.strings: dict[str, str] = {} if strings is None else strings
        self.known: frozenset[str] = frozenset()
        self.asked: list[str] = []  # what the current step looked up in ``known``
        # steps[p]: the step read at the token ``candidates[p]`` with nothing known, kept for
        # any later pass if it looked nothing up in ``known`` (else ``_UNREAD``, as is a step
        # not read). A step that looked anything up is kept in ``asking_steps`` (see
        # ``_Asking``) with the words it looked up, good for a pass that knows none of them:
        # every look-up fails again, and the step goes the same way. For a step that looked
        # up only the parts of a name it found no other evidence for (``_name_ok``), it keeps
        # where the name starts and the name: a pass that knows a part reads the name's
        # mentions there, and what came before in the step is the same in every pass.
        # ``unnamed`` holds them for the current step. (``steps`` runs over the candidates,
        # not the tokens, and holds no separate flag for whether a step is kept: a list a
        # token took more memory than the text itself. The asking steps are one list, with
        # no dicts by token besides: in a short article these took half the text's size.
        # The words are a tuple, not a set: a small set takes over 200 bytes.)
        self.unnamed: tuple[int, _Name] | None = None
        self.heads = _head_table()
        self.titles = _title_table()
        self.organisation_words = lexicon.organisation_words()
        self.honorifics = lexicon.honorifics()
        self.count = count = len(tokens)
        far = count + _HEAD_WINDOW + _POSSESSOR_WINDOW + _NEARBY_POSSESSIVE
        # One pass from the end works out, for each token i, the bits of flags[i]:
        # _OPENS and _OPENS_POSSESSOR: whether a noun phrase may start at i, as far as the
        #   reach of a head noun tells (_OPENS for a phrase, _OPENS_POSSESSOR for a possessor
        #   phrase). A phrase's first head lies within ``_HEAD_WINDOW`` tokens of where its
        #   modifiers start, past a determiner and past a possessor (``_noun_phrase``), with
        #   only tokens that a modifier may be between;
        # _POSSESSIVE_NEARBY and _POSSESSIVE_IN_REACH, only where a phrase may start (the
        #   only places they are read): whether a possessive lies within
        #   ``_NEARBY_POSSESSIVE`` tokens from i, and within ``_POSSESSOR_WINDOW`` tokens
        #   from where the modifiers of a phrase at i start (past a determiner);
        # _STARTS_RUN: whether i may open a capitalised run: a capitalised word, not a
        #   function word, month or weekday, nor "I", nor a verb opening a sentence;
        # and candidates: the tokens at which a step of the reader may find anything at all.
        # Working back, ``head``, ``possessor`` and ``possessive`` hold the first head noun
        # reached from the token after i, the first possessive that a possessor scan from it
        # reaches, and the first possessive at all; next_head keeps ``head`` for every token
        # (left ``far`` where it is). Then _FIRST is added where a sentence starts.
        # (The flags are one list of bits rather than a list each, as they were: each list
        # took eight bytes a token, more than the text itself, and the reader held four. The
        # list is written here, faster than a bytearray on CPython 3.11, and kept as bytes,
        # one a token, rather than eight while the passes read it; reading the bytes costs
        # 0.5 % more instructions over PolNeAR dev.)
        flags = [0] * (count + 1)
        firsts = set(read.firsts)
        next_head = [far] * (count + 2)
        candidates = []
        head = possessor = possessive = far
        # ``reach``: a number that is at least ``index`` just when both ``head`` and
        # ``possessor`` are out of reach of ``index`` (``head >= index + _HEAD_WINDOW`` and
        # ``possessor >= index + _POSSESSOR_WINDOW``), and greater than it just when both are
        # strictly so: the smaller of ``head - _HEAD_WINDOW`` and ``possessor -
        # _POSSESSOR_WINDOW``, kept as they change, so that the shortcuts below test one
        # number and add none. (Where either is ``far`` its term is past every index, so any
        # value past the last index stands for it.)
        reach = far
        for index in range(count - 1, -1, -1):
            token = tokens[index]
            # Most tokens take a shortcut by their kind (``_reader_kind``), each giving what
            # the general case below gives such a token.
            kind = token.reader_kind
            if not kind:
                # A function word or a mark, most tokens: no phrase starts here, and none
                # reaches past it.
                head = possessor = reach = far
                continue
            if kind > _READ_FACTS:
                # Most other words: no head noun, determiner, capital, pronoun or possessive.
                # Such a word only cuts off the reach of what it does not pass, and opens
                # nothing unless a head noun or possessive is within reach (then the general
                # case works that out again, to the same values). Nor does a function word
                # that passes ("of", "and" between capitals): no phrase opens with one (see
                # ``_noun_phrase``).
                if kind == _PASSES_ALL:
                    if reach >= index:
                        next_head[index] = head
                        continue
                elif kind == _DETERMINES:
                    # "the", "a": with no head noun or possessive in reach past it, it opens
                    # no phrase, cuts off all reach, and may open only a step: "the" before a
                    # capitalised run, any other word that may start a step anywhere.
                    if reach > index:
                        head = possessor = reach = far  # (next_head[index] is far, as made)
                        if token.facts & _STEP and (
                            _RUNS[flags[index + 1]]
                            or text[starts[index] : ends[index]].lower() != "the"
                        ):
                            candidates.append(index)
                        continue
                elif kind == _CAPITALISED:
                    # A capitalised word in no list, with no head noun or possessive in
                    # reach: it passes all, opens no phrase, but always a run.
                    if reach >= index:
                        next_head[index] = head
                        flags[index] = _STARTS_RUN
                        candidates.append(index)
                        continue
                elif kind == _STEPS:
                    # "she", "they": what the general case gives a word that may open only a
                    # step (no phrase starts here, nor a run, and no reach passes it).
                    head = possessor = reach = far
                    candidates.append(index)
                    continue
                elif kind == _PASSES_FUNCTION:
                    possessor = far
                    reach = head - _HEAD_WINDOW
                    next_head[index] = head
                    continue
                else:
                    head = far  # (and so next_head[index], as it was made)
                    reach = possessor - _POSSESSOR_WINDOW
                    if reach >= index:
                        continue
            fact = token.facts
            # The bits of ``fact`` as booleans, which are cheaper to test.
            passes, possessor_passes, is_head, is_determiner, run, verb, step, possessive_word = (
                _READER_FACTS[fact][1]
            )
            # A phrase's modifiers start at this token, or past it if it is a determiner; then
            # the values for the next token count, so keep them before they move to this one.
            # (A token that is no word is a determiner when it is a quote that is just "the":
            # ``_break_token`` told so, as ``_noun_phrase`` asks.)
            determiner = is_determiner or token is _DETERMINER_BREAK_TOKEN
            if determiner:
                start, start_head, start_possessor = index + 1, head, possessor
            if possessive_word:
                possessive = index
            heads = False  # whether a head noun may be read here
            if is_head:
                lower = text[starts[index] : ends[index]].lower()  # (a head is a word)
                seconds = _seconds_of(lower, _without_ending(lower, token.cut))
                if seconds is None:
                    heads = True
                elif seconds and index + 1 < count:
                    # The token after it: its lowercase or base must be a second word.
                    following = tokens[index + 1]
                    after = text[starts[index + 1] : ends[index + 1]]
                    if following.facts:
                        after = after.lower()
                        heads = after in seconds or (
                            _without_ending(after, following.cut) in seconds
                        )
                    else:
                        heads = after in seconds
            if heads:
                head = index
            elif not passes:
                head = far  # not a word, or a word no modifier may be
            if not possessor_passes:
                possessor = far
            elif possessive_word:
                possessor = index
            next_head[index] = head
            reach = (
                head - _HEAD_WINDOW
                if head - _HEAD_WINDOW < possessor - _POSSESSOR_WINDOW
                else possessor - _POSSESSOR_WINDOW
            )
            if not determiner:
                if not fact:
                    continue  # not a word: no phrase starts here, nor anything else
                start, start_head, start_possessor = index, head, possessor
            # The scan of a possessor phrase starts at ``start``; that of a phrase past the
            # possessive its possessor scan reaches, if any (see ``_noun_phrase``).
            # (Booleans here, the bits only when stored: cheaper to test.)
            opens_possessor = start_head < start + _HEAD_WINDOW
            opens = opens_possessor
            if start_possessor < start + _POSSESSOR_WINDOW:
                opens = next_head[start_possessor + 1] <= start_possessor + _HEAD_WINDOW
            if opens or opens_possessor:
                bits = (_OPENS if opens else 0) + (_OPENS_POSSESSOR if opens_possessor else 0)
                # (``possessive`` is the first possessive from ``start`` on too: a determiner
                # is no possessive. One within reach of ``start`` is near ``index``.)
                if possessive < index + _NEARBY_POSSESSIVE:
                    bits += _POSSESSIVE_NEARBY
                    if possessive < start + _POSSESSOR_WINDOW:
                        bits += _POSSESSIVE_IN_REACH
                flags[index] = bits
            if not fact:
                # Not a word, but a quote or line break that reads as a determiner (a quote
                # that is just "the"), as the phrase rule has it.
                continue
            run = run and not (verb and index in firsts)
            if run:
                flags[index] += _STARTS_RUN
            if (
                opens
                or (opens_possessor and possessive < index + _NEARBY_POSSESSIVE)
                or run
                # "the" opens a step only before a capitalised run (see ``_capitalised``).
                or (
                    step
                    and (
                        _RUNS[flags[index + 1]]
                        or text[starts[index] : ends[index]].lower() != "the"
                    )
                )
            ):
                candidates.append(index)
        for index in read.firsts:
            flags[index] += _FIRST
        self.flags = bytes(flags)
        candidates.reverse()
        # (Kept as machine integers, as the token offsets are: most indices are past 256, so
        # each was an int object of 28 bytes besides its slot.)
        self.candidates = _index_array(count, candidates)
        self.steps: list[_Step] = [_UNREAD] * len(candidates)

    # What the first pass over a reader's tokens keeps for the later ones (see ``read``): all
    # it found, and each step of it that looked anything up in ``known`` (see ``_Asking``).
    first_found: list[Mention] | None = None
    asking_steps: Sequence[_Asking] = ()

    def read(self, known: frozenset[str]) -> list[Mention]:
        """One pass over the tokens with the name parts in ``known`` accepted as names."""
        self.known = known
        if self.first_found is not None:
            return self._read_again(known)
        if known:
            # A pass after one over other tokens (see ``reuse_steps``), or one that knows
            # names from the start: step by step, each step taken over if it reads the same.
            found: list[Mention] = []
            self._walk(found, 0, 0)
            return found
        return self._read_first()

    def _read_first(self) -> list[Mention]:
        """The first pass, knowing no names: every step is read, and kept for later passes
        if the reader keeps them (else only those that looked anything up)."""
        found: list[Mention] = []
        tokens = self.tokens
        steps = self.steps
        keep_steps = self.keep_steps
        flag_list = self.flags
        asking: list[_Asking] = []
        # Only candidates can start anything; a step that reads up to a later token skips
        # the candidates before it.
        resume = 0
        asked = self.asked = []  # emptied after each step that looked anything up
        for position, index in enumerate(self.candidates):
            if index < resume:
                continue
            # ``_step``, written out: a call a candidate was nearly a hundredth of the mention
            # finder's instructions.
            token = tokens[index]
            flags = flag_list[index]
            result = self._noun_phrase_mentions(index) if flags >= _OPENS else None
            if result is None and token.facts & _PRONOUN:
                result = self._pronoun(index)
            if result is None and (_RUNS[flags] or token.facts & _STEP):
                result = self._capitalised(index)
            if not asked:
                if keep_steps:
                    steps[position] = result
                if result is not None:
                    mentions, resume = result
                    found += mentions
                continue
            words = tuple(asked)
            asked.clear()
            unnamed = self.unnamed
            self.unnamed = None
            low = len(found)
            if result is not None:
                mentions, resume = result
                found += mentions
            asking.append((index, low, len(found), result, words, unnamed))
        self.first_found = found[:]
        self.asking_steps = asking
        return found

    def _read_again(self, known: frozenset[str]) -> list[Mention]:
        """A pass after the first over the same tokens. Only a step that looked up a name
        part now known may read differently; while each such step gives the token to go on
        from that it gave in the first pass, the pass goes through the same steps, so what
        it finds is what the first found with those steps' mentions replaced."""
        first = self.first_found
        assert first is not None
        found: list[Mention] = []
        done = 0  # first[:done] is accounted for in ``found``
        tokens = self.tokens
        asked = self.asked = []
        for index, low, high, before, words, unnamed in self.asking_steps:
            if known.isdisjoint(words):
                continue  # every look-up fails again: the step goes the same way
            if unnamed is not None:
                start_offset, name = unnamed
                result: _Step = self._name_mentions(start_offset, name, "", "")
            else:
                result = self._step(index, tokens[index])
                self.unnamed = None
                asked.clear()
            found += first[done:low]
            if result is None:
                if before is None:
                    done = high
                    continue
                resume = index + 1  # the resume before this step, as far as later ones go
            else:
                mentions, resume = result
                found += mentions
                if before is not None and before[1] == resume:
                    done = high
                    continue
            # The step now reads on to another token: go on step by step from here.
            self._walk(found, bisect.bisect_right(self.candidates, index), resume)
            return found
        found += first[done:]
        return found

    def _walk(self, found: list[Mention], start: int, resume: int) -> None:
        """Read the steps from ``candidates[start]`` on, skipping those before ``resume``,
        onto ``found``: each taken over from the first pass if it reads the same (see
        ``__init__``), else read again."""
        known = self.known
        tokens = self.tokens
        steps = self.steps
        asking_at = {asking[0]: asking for asking in self.asking_steps}  # by token
        asked = self.asked = []  # emptied after each step that looked anything up
        candidates = self.candidates
        for position, index in enumerate(candidates[start:] if start else candidates, start):
            if index < resume:
                continue
            result = steps[position]
            if result is _UNREAD:
                asking = asking_at.get(index)
                if asking is not None and known.isdisjoint(asking[4]):
                    result = asking[3]  # as the first pass read it
                elif asking is not None and asking[5] is not None:
                    start_offset, name = asking[5]
                    result = self._name_mentions(start_offset, name, "", "")
                else:
                    result = self._step(index, tokens[index])
                    if not asked:
                        steps[position] = result
                    else:
                        self.unnamed = None
                        asked.clear()
            if result is not None:
                mentions, resume = result
                found.extend(mentions)

    def kept_steps(self) -> _KeptSteps:
        """What a later pass over the same tokens may reuse (see ``read``): the steps kept,
        and those that looked anything up.

        The steps are one slot a candidate, a fifth of the tokens or so: a long article holds
        every stretch's until its second pass.
        """
        return self.steps, self.asking_steps

    def reuse_steps(self, kept: _KeptSteps) -> None:
        """Take the steps of an earlier pass over the same tokens, from ``kept_steps``: a
        reader over the same tokens has the same candidates."""
        self.steps, self.asking_steps = kept

    def _step(self, index: int, token: _Token) -> _Step:
        # (Written out in ``_read_first``, the first pass: the two must read the same.)
        flags = self.flags[index]
        result = self._noun_phrase_mentions(index) if flags >= _OPENS else None
        if result is None and token.facts & _PRONOUN:
            result = self._pronoun(index)
        if result is None and (_RUNS[flags] or token.facts & _STEP):
            # Anything else can open neither a name nor an organisation.
            result = self._capitalised(index)
        return result

    def _known(self, word: str) -> bool:
        """Whether ``word`` is a name part found with evidence in the first pass."""
        self.asked.append(word)
        return word in self.known

    # -- helpers on tokens --

    def _word(self, index: int) -> _Token | None:
        if 0 <= index < self.count and self.tokens[index].facts:
            return self.tokens[index]
        return None

    def _verb_after(self, end: int) -> _Token | None:
        """The word after a name, past up to two auxiliaries or adverbs: ``Sotomayor has
        said``, ``Achterberg also warned``."""
        tokens = self.tokens
        count = self.count
        # (Limits here and in the scans below are clipped with a conditional rather than
        # min(): on CPython 3.11 a call to min() costs about 1,000 instructions, and these
        # scans run thousands of times an article.)
        limit = end + 2 if end + 2 < count else count
        position = end
        while position < limit and self._lower_of(position) in _AUXILIARIES:
            position += 1
        if position < count and tokens[position].facts:
            return tokens[position]
        return None

    def _end(self, index: int) -> int:
        return self.ends[index]

    def _base_end(self, index: int) -> int:
        """Where the token at ``index`` ends without its possessive ending."""
        return self.ends[index] - self.tokens[index].cut

    # What a token says is read from the article (see ``_Token``): its text, its lowercase
    # (a word's text lowercased, the text of any other token as written) and its base (the
    # lowercase without a possessive ending).

    def _text_of(self, index: int) -> str:
        return self.text[self.starts[index] : self.ends[index]]

    def _lower_of(self, index: int) -> str:
        written = self.text[self.starts[index] : self.ends[index]]
        return written.lower() if self.tokens[index].facts else written

    def _base_of(self, index: int) -> str:
        token = self.tokens[index]
        written = self.text[self.starts[index] : self.ends[index]]
        if not token.facts:
            return written
        lower = written.lower()
        return lower[: len(lower) - token.cut] if token.cut else lower

    def _lower_at(self, index: int) -> str:
        return self._lower_of(index) if 0 <= index < self.count else ""

    def _closed_lower(self, index: int) -> str:
        """``_lower_of(index)`` for a token that is a function word or no word (a mark, a
        quote), and "" for any other word: all that a test against a function word or a mark
        needs, without reading the text of the words most tokens are. (A test holds the words
        so tested to ``_FUNCTION_WORDS``: ``_CLOSED_TESTS``.)"""
        facts = self.tokens[index].facts
        if facts and not facts & _FUNCTION:
            return ""
        written = self.text[self.starts[index] : self.ends[index]]
        return written.lower() if facts else written

    def _closes_apposition(self, index: int) -> bool:
        if index >= self.count:
            return True
        if self.tokens[index].kind == "break":
            return True
        return self._text_of(index) in _APPOSITION_CLOSERS or self._lower_of(index) in _RELATIVES

    def _mention(
        self,
        start: int,
        end: int,
        kind: str,
        gender: str,
        number: str,
        head: str,
        role: str = "",
        given: str = "",
    ) -> Mention:
        strings = self.strings
        # (An empty role or given name is the one empty string already. ``Mention(...)`` runs
        # the NamedTuple's ``__new__``, a Python function that passes its fields to
        # ``tuple.__new__``: called here directly, with the fields in their order, it gives
        # the same Mention without that call's frame, thousands of times an article.)
        return _new_tuple(
            Mention,
            (
                start,
                end,
                kind,
                gender,
                number,
                strings.setdefault(head, head),
                role and strings.setdefault(role, role),
                given and strings.setdefault(given, given),
            ),
        )

    # -- pronouns --

    def _pronoun(self, index: int) -> _Step:
        written = self._text_of(index)
        lower = written.lower()  # (a pronoun is a word)
        word, gender, number = _pronoun_reading(lower)
        if word == "i" and written[:1] != "I":
            return None
        if lower == "her":
            # Possessive "her" (her husband) is a determiner, not a mention.
            following = self._word(index + 1)
            if following is not None and not following.facts & (_FUNCTION | _VERB):
                return None
        start = self.starts[index]
        mention = self._mention(start, start + len(word), "pronoun", gender, number, word)
        return (mention,), index + 1

    # -- noun phrases around a head noun --

    def _head_at(self, index: int, phrase_start: int, after_determiner: bool) -> _Head | None:
        tokens = self.tokens
        token = tokens[index]
        if not token.facts & _HEAD:
            return None  # neither a head word nor a plural of a role (nor a word at all)
        lower = self.text[self.starts[index] : self.ends[index]].lower()  # (a head is a word)
        base = lower[: len(lower) - token.cut] if token.cut else lower
        entries = self.heads.get(base, ()) or self.heads.get(lower, ())
        for words, kind, phrase in entries:
            size = len(words)
            if size == 1:
                if lower != words[0] and base != words[0]:
                    continue
                end = index + 1
            else:
                end = index + size
                if end > self.count or lower != words[0]:
                    continue
                if self._lower_of(index + 1) != words[1] and (
                    size > 2 or self._base_of(index + 1) != words[1]
                ):
                    continue  # most phrases of this first word part here
                if not all(part.facts for part in tokens[index:end]):
                    continue
                written = tuple(map(self._lower_of, range(index, end)))
                if written != words and (*written[:-1], self._base_of(end - 1)) != words:
                    continue
            if not token.cap or self._head_case_ok(
                index, kind, index == phrase_start, after_determiner
            ):
                return end, kind, phrase
        if (
            not entries
            and base.endswith("s")
            and not token.cap
            and (index != phrase_start or after_determiner)
        ):
            # A plural of a role after a determiner or modifier: "the nurses", "two
            # ministers" (but "who chairs the committee" is a verb).
            for singular in (base[:-1], base[:-2]):
                if singular in lexicon.roles():
                    return index + 1, "group", base
        return None

    def _head_case_ok(self, index: int, kind: str, at_start: bool, after_det: bool) -> bool:
        token = self.tokens[index]
        if not token.cap:
            return True
        if token.facts & _ACRONYM and kind == "role":
            return True  # the PM, Labour MP Jo Smith
        if kind == "group" and self._base_of(index) not in self.organisation_words:
            return True  # Democrats, Tories
        # "Officials said", "The Prime Minister said": a capital opening the phrase; after a
        # determiner only a title (the President), since "the Courier" names a newspaper.
        if not at_start or kind == "organisation":
            return False
        if _FIRSTS[self.flags[index]]:
            return True
        return after_det and self._base_of(index) in lexicon.honorifics()

    def _noun_phrase(
        self, index: int, apposition: bool = False, possessor: bool = False
    ) -> _Phrase | None:
        """The noun phrase at ``index``; with ``possessor``, the one ending in a possessive
        (``the minister`` in ``the minister's remarks``)."""
        # (The flags are not keyword-only: CPython 3.11 specialises no call to a function
        # with keyword-only parameters, and the call with neither flag is the hot one.)
        bits = self.flags[index]
        if not (bits >= _OPENS_POSSESSOR if possessor else _PHRASES[bits]):
            return None  # no head noun within reach: the common case, decided at once
        tokens = self.tokens
        count = self.count
        start = index
        determiner = ""
        # (A word is a determiner just when it has the fact, which no possessive has; a token
        # that is no word, when it is a quote that is just "the".)
        if tokens[index].facts & _DETERMINER or tokens[index] is _DETERMINER_BREAK_TOKEN:
            determiner = self._lower_of(index)
            index += 1
        possessive = False
        if not possessor and _IN_REACH[bits]:
            scan_end = index + _POSSESSOR_WINDOW
            for position in range(index, scan_end if scan_end < count else count):
                token = tokens[position]
                # (A token passes a possessor scan just when it is a word, neither a function
                # word nor a verb: see ``_listed_facts``.)
                if not token.facts & _POSSESSOR_PASSES:
                    break
                if token.facts & _POSSESSIVE:
                    index = position + 1
                    possessive = True
                    break
        determined = bool(determiner) or possessive
        # Lowercase modifiers may open a phrase after a determiner or a possessor, in an
        # apposition, at the start of a sentence or clause, or after a function word or a verb
        # of saying.
        opened = (
            determined
            or apposition
            or start == 0
            or _FIRSTS[self.flags[start]]
            # (not a word, or a function word or a verb: what stops a possessor scan)
            or not tokens[start - 1].facts & _POSSESSOR_PASSES
        )
        last: _Head | None = None  # the last head noun read
        capitals = lowers = between = 0
        position = index
        limit = index + _HEAD_WINDOW
        if limit > count:
            limit = count
        while position < limit:
            token = tokens[position]
            facts = token.facts
            if not facts & (_HEAD | _PASSES):
                # Not a word, or a word that is no head noun and stops the modifiers in every
                # reading (``_blocks_phrase``): each branch below would stop here.
                break
            if last is not None and token.cap and not token.facts & _ACRONYM:
                break  # a capital after the head: the name of the role's holder
            head = self._head_at(position, index, determined) if facts & _HEAD else None
            if head is not None and not (capitals and head[1] == "organisation" and token.cap):
                last = head
                position, kind, phrase = head
                if possessor and tokens[position - 1].facts & _POSSESSIVE:
                    break
                if (
                    kind == "role"
                    and position + 1 < count
                    and self._closed_lower(position) == "and"
                    and (nxt := self._head_at(position + 1, index, False)) is not None
                    and nxt[1] == "role"
                ):
                    # "the company's president and chief executive"
                    last = nxt[0], "role", f"{phrase} and {nxt[2]}"
                    position = nxt[0]
                if kind == "group":
                    break  # "Senators grill …": what follows a plural head is its verb
                between = 0
                continue
            if last is not None:
                # One modifier may stand between two heads: "a government health official".
                if between == 0 and self._lower_modifier(position, index, True, False):
                    between += 1
                    position += 1
                    continue
                break
            if token.cap:
                if (
                    not lowers
                    and not facts & (_FUNCTION | _POSSESSIVE)
                    and (
                        # A word that may open a run is no month or weekday, and one without
                        # ``_PRONOUN`` no pronoun: the text is read only for the others (a
                        # word with no possessive ending is its own base).
                        (facts & _RUN and not facts & _PRONOUN)
                        or (
                            (lower := self._lower_of(position)) not in _PRONOUNS
                            and lower not in _CALENDAR_WORDS
                        )
                    )
                ):
                    capitals += 1
                    position += 1
                    continue
            elif self._lower_modifier(position, index, opened, determined):
                lowers += 1
                position += 1
                continue
            # (A connector is a function word or "&", never a modifier, so it comes to this
            # test whichever is tried first.)
            if (
                capitals
                and self._lower_of(position) in _CONNECTORS
                and position + 1 < count
                and tokens[position + 1].cap
                and tokens[position + 1].facts
            ):
                position += 1  # "a Department for Rural Affairs spokesman"
                continue
            break
        if last is None:
            return None
        head_end, kind, phrase = last
        if between and head_end == position - 1:
            position -= 1  # "the source went on": the word after the head was its verb
        if head_end != position:
            return None
        if phrase == "head" and (position >= count or self._closed_lower(position) != "of"):
            return None  # "what goes through your head": a role only as "head of …"
        if capitals and lowers and (kind != "role" or self._person_name(position) is None):
            # "County emergency manager Ray Dunleavy" is a title; "Cameron met officials" is
            # a sentence.
            return None
        if kind == "organisation" and not (
            determiner in _ORGANISATION_DETERMINERS or possessive or capitals
        ):
            return None  # "running water", "several times": a common noun, not a body
        gender = "" if kind in ("group", "organisation") else _role_gender(phrase)
        if kind == "organisation":
            gender = "n"
        return start, position, kind, phrase, gender, determiner in _INDEFINITE

    def _lower_modifier(
        self, position: int, phrase_start: int, opened: bool, determined: bool
    ) -> bool:
        """Whether the lowercase word at ``position`` may be a modifier before the head:
        neither a function word, nor a verb, an adverb in -ly or a plural, nor a participle in
        -ed after the phrase's first word."""
        token = self.tokens[position]
        if token.cap or not opened or token.facts & _POSSESSIVE:
            return False
        if determined and position == phrase_start and self._lower_of(position) in _ORDINALS:
            return True  # "the last surviving member", "the theatre's own marketing team"
        if token.facts & (_PASSES | _FUNCTION) != _PASSES:
            # A lowercase word that is not possessive passes unless it is a function word
            # (other than a connector or an ordinal), a verb, an adverb in -ly or a plural
            # (``_blocks_phrase``): so with no function word, _PASSES is the test for the
            # other three, worked out once per word.
            return False
        # "the decision angered residents": a verb, not a modifier.
        return position == phrase_start or not self._lower_of(position).endswith("ed")

    def _complement(self, index: int) -> int | None:
        """The end of a complement starting at ``index`` (``for the Department for Regional
        Transport``, ``close to the minister``), or ``None``."""
        tokens = self.tokens
        count = self.count
        if index >= count:
            return None
        lower = self._lower_of(index)
        if lower == "close" and self._lower_at(index + 1) == "to":
            position = index + 2
        elif lower in _COMPLEMENT_PREPOSITIONS:
            position = index + 1
        else:
            return None
        if self._lower_at(position) in ("the", "a", "an"):
            position += 1
        body = position
        capitals = lowers = 0
        while position < count and position - body < 8:
            token = tokens[position]
            if not token.facts:
                break
            word = self._lower_of(position)
            if (
                token.cap
                and not lowers
                and not token.facts & _FUNCTION
                and _without_ending(word, token.cut) not in _CALENDAR_WORDS
            ):
                capitals += 1
                position += 1
                continue
            if (
                capitals
                and not lowers
                and position + 1 < count
                and tokens[position + 1].cap
                and (word in _CONNECTORS or word in _PARTICLES or word == "the")
                and self._base_of(position + 1) not in _CALENDAR_WORDS
            ):
                position += 1
                continue
            if (
                not token.cap
                and lowers < 3
                and not token.facts & _FUNCTION
                and (_without_ending(word, token.cut) in self.heads or not token.facts & _VERB)
                and not word.endswith(("ly", "ed"))
            ):
                lowers += 1
                position += 1
                continue
            break
        return position if position > body else None

    def _noun_phrase_mentions(self, index: int) -> _Step:
        phrase = self._noun_phrase(index)
        if phrase is None:
            if not _NEARBY[self.flags[index]]:
                return None
            phrase = self._noun_phrase(index, possessor=True)
            # (Its last token must be a possessive.)
            if phrase is None or not self.tokens[phrase[1] - 1].facts & _POSSESSIVE:
                return None
        phrase_start, end, kind, phrase_head, gender, indefinite = phrase
        tokens = self.tokens
        if kind == "group" and end - phrase_start >= 3:
            name = self._person_name(phrase_start)
            if name is not None:
                _, name_end, _, _, given, _, _, _ = name
                if (
                    name_end == end - 1
                    and given
                    and _given_gender(self._base_of(phrase_start)) is not None
                ):
                    return None  # "Jenny Cole chairs the board": a person, then a verb
        start_offset = self.starts[phrase_start]
        before = self._lower_of(phrase_start - 1) if phrase_start else ""
        predicate = before in _NOT_REFERRING_AFTER
        if predicate and before == "as":
            predicate = not self._subject_after_as(end)
        if kind in ("role", "anonymous") and not indefinite:
            # A role introducing its holder: "Labour leader Jo Smith", "uncle Walter".
            name = self._person_name(end)
            if (
                name is not None
                and phrase_start == index
                and all(token.cap and not token.facts & _ACRONYM for token in tokens[index:end])
            ):
                return None  # "Dame Judi Dench", "Judge Ann Roe": a title, read with the name
            if name is not None and not name[7]:  # not titled
                return self._name_mentions(start_offset, name, phrase_head, gender)
        if kind in ("role", "anonymous", "group") or (
            end < self.count and self._closed_lower(end) == "of"
        ):
            for _ in range(2):
                complement_end = self._complement(end)
                if complement_end is None:
                    break
                end = complement_end
        if predicate:
            return (), end  # read, so that its words are not taken for other mentions
        end_offset = self._base_end(end - 1)
        head = phrase_head
        if kind == "organisation":
            head = _without_determiner(self.text[start_offset:end_offset]).lower()
        number = "pl" if kind == "group" else "sg"
        role = head if kind in ("role", "anonymous") else ""
        if kind in ("role", "anonymous") and end < self.count and self._closed_lower(end) == ",":
            # "The couple's attorney, Rafael Ordóñez-Whitlock, said"
            name = self._person_name(end + 1)
            if name is not None and self._closes_apposition(name[1]):  # the name's end
                described = self._mention(
                    start_offset, end_offset, "role", gender, "sg", head, role
                )
                named = self._name_mention(self.starts[name[0]], name, phrase_head, gender)
                return (described, named), name[1]
        mention = self._mention(start_offset, end_offset, kind, gender, number, head, role)
        return (mention,), end

    def _subject_after_as(self, end: int) -> bool:
        """Whether a phrase after ``as`` ending at ``end`` is the subject of a clause (``as the
        councillor said``, ``as the councillor, Jo Weir, said``), not a predicate (``served as
        the councillor``)."""
        following = self._word(end)
        if following is not None and following.facts & _VERB:
            return True
        if end >= self.count or self._closed_lower(end) != ",":
            return False
        name = self._person_name(end + 1)
        return name is not None and self._closes_apposition(name[1])  # the name's end

    # -- capitalised runs: names and organisations --

    def _capital_run(self, index: int) -> int:
        """The end of the run of name-like tokens from ``index``: capitalised words, initials,
        particles before a capital; a possessive word ends it."""
        tokens = self.tokens
        count = self.count
        limit = index + 10
        if limit > count:
            limit = count
        position = index
        crossed_of = False
        while position < limit:
            token = tokens[position]
            # (Only a word or initials has a capital; ``_FUNCTION`` is ``_FUNCTION_WORDS``.)
            if token.cap and not token.facts & _FUNCTION:
                position += 1
                if token.facts & _POSSESSIVE:
                    break
                continue
            if position == index:
                break
            facts = token.facts
            if facts and not facts & (_STEP | _FUNCTION):
                # Neither a particle (a lowercase one is a step, a capitalised one here a
                # function word) nor "of": the tests below fail.
                break
            lower = self._lower_of(position)
            if (
                facts
                and lower in _PARTICLES
                and position + 1 < count
                and (tokens[position + 1].cap or self._lower_of(position + 1) in _PARTICLES)
            ):
                position += 1
                continue
            if lower == "of" and self._title_through(index, position):
                position += 1  # Secretary of State John Kerry
                crossed_of = True
                continue
            break
        if crossed_of:
            # Only an "of" may be no word (a quote that is just "of"): the run ends at a word.
            while position > index and not tokens[position - 1].facts:
                position -= 1
        return position

    def _title_through(self, run_start: int, of_index: int) -> bool:
        """Whether the ``of`` at ``of_index`` is inside a title: ``Secretary of State``."""
        tokens = self.tokens
        if of_index + 1 >= self.count or not tokens[of_index + 1].cap:
            return False
        for back in (1, 2):
            start = of_index - back
            if start < run_start:
                break
            before = tuple(map(self._lower_of, range(start, of_index)))
            for words in self.titles.get(before[0], ()):
                if (
                    len(words) > back + 1
                    and words[:back] == before
                    and words[back] == "of"
                    and words[back + 1] == self._lower_of(of_index + 1)
                ):
                    return True
        return False

    def _organisation_end(self, start: int, end: int) -> int | None:
        """The end of an organisation's name whose capitalised run is ``[start, end)``, or
        ``None`` when the run names no organisation."""
        tokens = self.tokens
        if end - start == 1:
            # One word, most runs: what the loop below gives, without a slice.
            if not tokens[start].facts & _ORGANISATION:
                return None
        elif not (end - start >= 2 and tokens[end - 2].facts & _ORGANISATION_PAIR):
            for token in tokens[start:end]:
                if token.facts & _ORGANISATION:
                    break
            else:
                return None  # no organisation word in the run: the common case
        words = [self._base_of(position).rstrip(".") for position in range(start, end)]
        last_two = " ".join(words[-2:])
        ends_in_org = words[-1] in self.organisation_words or last_two in self.organisation_words
        holds_org = not self.organisation_words.isdisjoint(words)
        if not ends_in_org and not holds_org:
            return None
        first = self._base_of(start)
        if self.honorifics.get(first) in ("m", "f") and first not in _PEERAGES:
            return None  # Mr Church, Ms Bank: a gendered title makes it a person
        position = end
        extended = False
        for _ in range(3):
            if (
                tokens[position - 1].facts & _POSSESSIVE
                or self._lower_at(position) not in _CONNECTORS
            ):
                break
            following = position + 1
            if self._lower_at(following) == "the":
                following += 1
            run_end = self._capital_run(following) if following < self.count else following
            if run_end == following or self._opens_person(following):
                break  # "Pellow Vale Railways and Mr Rail Vale": a person, not more name
            position = run_end
            extended = True
        if ends_in_org or extended:
            return position
        return None

    def _opens_person(self, index: int) -> bool:
        """Whether the capitalised word at ``index`` opens a person's name: a title of address
        or a known given name."""
        word = self._base_of(index)
        return self.honorifics.get(word) in ("m", "f") or _given_gender(word) is not None

    def _titles(self, start: int, end: int) -> tuple[int, str, str, bool]:
        """Strip the titles opening the run ``[start, end)``; return where the name starts, the
        role the titles give, their gender, and whether there was any title."""
        tokens = self.tokens
        position = start
        roles: list[str] = []
        gender = ""
        titled = False
        if self._lower_of(position) in _TITLE_MODIFIERS and position + 1 < end:
            position += 1
        elif (
            position + 2 < end
            and not tokens[position].facts & _TITLE
            and tokens[position + 1].facts & _TITLE
        ):
            position += 1  # a capitalised modifier: "Democratic Sen. Claire Moss"
        if position >= end - 1 or not tokens[position].facts & _TITLE:
            return position, "", "", False  # no title: the common case
        for _ in range(3):
            if position >= end - 1:
                break
            matched = self._title_at(position, end - 1)
            if matched is None:
                break
            title_end, title = matched
            titled = True
            gender = gender or self.honorifics.get(title, "") or _role_gender(title)
            bare = title.replace(".", "")
            if bare not in _ADDRESS_TITLES and title not in _ADDRESS_TITLES:
                roles.append(title)
            position = title_end
        return position, _spelled_out(" ".join(roles)), gender, titled

    def _title_at(self, index: int, limit: int) -> tuple[int, str] | None:
        tokens = self.tokens
        lower = self._lower_of(index)
        if not (tokens[index].cap or lower.endswith(".")):
            return None
        for words in self.titles.get(lower, ()):
            end = index + len(words)
            if end > limit:
                continue
            for position, word in zip(range(index, end), words, strict=True):
                part = tokens[position]
                if (
                    self._lower_of(position) != word
                    or not part.facts
                    or not (part.cap or word == "of")
                ):
                    break
            else:
                return end, " ".join(words)
        return None

    def _bare_title(
        self, index: int, run_start: int, end: int, *, with_the: bool
    ) -> tuple[Mention, ...]:
        """A title standing for its holder, capitalised: ``The Prime Minister, Helen Ashby,``;
        ``the Home Secretary said``. Only with ``the`` and only the title, so ``Prime Minister
        Questions`` or a title opening a headline are not read."""
        matched = self._title_at(run_start, end) if with_the else None
        if matched is None or matched[0] != end:
            return ()
        title = matched[1]
        bare = title.replace(".", "")
        if bare in _ADDRESS_TITLES or title in _ADDRESS_TITLES or title not in self.honorifics:
            return ()  # "the Mr" is no role, and "the Republican" is a party member
        start_offset = self.starts[index]
        end_offset = self._base_end(end - 1)
        gender = self.honorifics.get(title, "") or _role_gender(title)
        role = _spelled_out(title)
        return (self._mention(start_offset, end_offset, "role", gender, "sg", title, role),)

    def _person_name(self, index: int) -> _Name | None:
        """Read a person name at ``index`` (titles allowed), or ``None``."""
        if index >= self.count or not _RUNS[self.flags[index]]:
            return None
        end = self._capital_run(index)
        if end == index or self._organisation_end(index, end) is not None:
            return None
        return self._read_name(index, end)

    def _read_name(self, start: int, end: int) -> _Name | None:
        tokens = self.tokens
        first = tokens[start]
        if first.facts & _TITLE or (
            start + 1 < end
            and (
                tokens[start + 1].facts & _TITLE or self._lower_of(start) in _TITLE_MODIFIERS
            )
        ):
            name_start, role, gender, titled = self._titles(start, end)
        else:
            name_start, role, gender, titled = start, "", "", False  # what _titles gives
        text = self.text
        starts = self.starts
        ends = self.ends
        parts = []  # the words of the name, by index, and their lowercase
        lowers = []
        for position in range(name_start, end):
            token = tokens[position]
            if token.facts:
                lower = text[starts[position] : ends[position]].lower()
                if lower not in _SUFFIXES:
                    if token.facts & _ACRONYM:
                        return None  # Harbourside FM, UK: not a person
                    parts.append(position)
                    lowers.append(lower)
        if not parts:
            return None
        surname = len(parts) - 1
        while surname > 0 and lowers[surname - 1] in _PARTICLES:
            surname -= 1
        if surname == 0 and lowers[0] in _PARTICLES and not titled:
            following = self._verb_after(end)
            if following is None or not following.facts & _VERB:
                return None  # "De Blasio says" names a person; "De Beers" alone need not
        if surname == len(parts) - 1:
            head = _without_ending(lowers[-1], tokens[parts[-1]].cut)
        else:
            head = " ".join(
                [
                    _without_ending(lower, tokens[position].cut)
                    for position, lower in zip(parts[surname:], lowers[surname:], strict=True)
                ]
            )
        # Every part is a word, so none is a break: the given names are the parts before.
        given = ""
        if surname:
            # The text from the first given name to the last.
            given = text[starts[parts[0]] : ends[parts[surname - 1]]]
            first_given = _without_ending(lowers[0], tokens[parts[0]].cut).rstrip(".")
            gender = gender or _given_gender(first_given) or ""
        end_offset = self._base_end(end - 1)
        if (
            not given
            and name_start > 0
            and self._base_of(name_start - 1) in _PEERAGES
            and end < self.count
            and self._closed_lower(end) == "of"
            and end + 1 < self.count
        ):
            # Baroness Penhallow of Treen
            place_end = self._capital_run(end + 1)
            if place_end > end + 1:
                end = place_end
                end_offset = self._base_end(end - 1)
        return start, end, end_offset, head, given, gender, role, titled

    def _name_ok(self, start: int, name: _Name) -> bool:
        """Evidence that an untitled capitalised run is a person's name, not a place or a
        headline: a known given name; a name part seen with evidence elsewhere; a verb of
        saying beside it; or what follows a name (an age, a relative clause, an apposition, a
        bracketed party)."""
        if _given_gender(self._base_of(start).rstrip(".")) is not None:
            return True
        head = name[3]
        looked_up = (head, head.split()[-1])
        if not self.known.isdisjoint(looked_up):
            self.asked.extend(looked_up)
            return True
        if self._name_evidence(start, name):
            return True  # whatever is known: the step does not depend on the look-up
        self.asked.extend(looked_up)
        return False

    def _name_evidence(self, start: int, name: _Name) -> bool:
        """The evidence of ``_name_ok`` that does not depend on what is known."""
        tokens = self.tokens
        end = name[1]
        verb = self._verb_after(end)
        if verb is not None and verb.facts & _VERB:
            return True
        if (
            start
            and tokens[start - 1].facts & _VERB  # (only a word has facts)
            and not _FIRSTS[self.flags[start]]
        ):
            return True
        if _FIRSTS[self.flags[start]] and end - start == 2:
            # "Odile Mercer sold her first painting": two words opening a sentence, then a
            # verb in the past tense.
            after_name = tokens[end] if end < self.count else None
            if after_name is not None and after_name.facts and not after_name.cap:
                word = self._lower_of(end)
                if (word.endswith("ed") and len(word) > 4) or word in _IRREGULAR_PAST:
                    return True
        if (
            start >= 2
            and self._closed_lower(start - 1) == "to"
            and self._closed_lower(start - 2) == "according"
        ):
            return True  # according to Limbaugh (a source, not a place)
        after = self._closed_lower(end) if end < self.count else ""
        if after == "(":
            return True  # Rep. Nathaniel Osterhout (D-Ohio)
        if after == "," and end + 1 < self.count:
            if tokens[end + 1].kind == "number" or self._closed_lower(end + 1) in _RELATIVES:
                return True  # Marcel Dufresne, 67, / Kerry-Ann Mulcahy, who
            phrase = self._noun_phrase(end + 1, apposition=True)
            if phrase is not None and phrase[2] in ("role", "anonymous"):  # its kind
                return True
            # "Jo Weir, a planner, said" / "Johnnie Wilson, of Springfield, Va., said": an
            # apposition the word lists do not know, closed by a verb of saying.
            cue = _APPOSITION_THEN_VERB.match(self.text, self.starts[end + 1], None, False)
            return cue is not None and cue.group("verb") in lexicon.speech_verbs()
        return False

    def _capitalised(self, index: int) -> _Step:
        tokens = self.tokens
        token = tokens[index]
        with_the = False
        # (Every candidate is a word. Only one with ``_STEP`` may be "the" or a lowercase
        # particle.)
        if token.facts & _STEP:
            written = self._text_of(index)
            lower = written.lower()
            if lower in _PARTICLES and not token.cap:
                return self._particle_surname(index)
            # "the BBC", but not "THE END": an all-capital "THE" is shouting, not an article.
            with_the = lower == "the" and written != "THE" and index + 1 < self.count
        run_start = index
        if with_the:
            run_start = index + 1
        if not _RUNS[self.flags[run_start]]:
            return None
        end = self._capital_run(run_start)
        if end == run_start:
            return None
        # (Each offset is read where it is used: reading one from the array makes an int.)
        organisation_end = self._organisation_end(run_start, end)
        if organisation_end is not None:
            start_offset = self.starts[index]
            end_offset = self._base_end(organisation_end - 1)
            head = _without_determiner(self.text[start_offset:end_offset]).lower()
            mention = self._mention(start_offset, end_offset, "organisation", "n", "sg", head)
            return (mention,), organisation_end
        if end - run_start == 1 and tokens[run_start].facts & _ACRONYM:
            following = self._word(end)
            if with_the or (following is not None and following.facts & _VERB):
                # the BBC, NASA said
                start_offset = self.starts[index]
                end_offset = self._base_end(run_start)
                head = self._base_of(run_start)
                return (
                    self._mention(start_offset, end_offset, "organisation", "n", "sg", head),
                ), end
            return (), end
        name = self._read_name(run_start, end)
        if name is None:
            return self._bare_title(index, run_start, end, with_the=with_the), end
        _, _, _, _, given, _, _, titled = name
        if with_the and not titled:
            role = self._bare_title(index, run_start, end, with_the=with_the)
            if role:
                return role, end
            if (
                end - run_start >= 1
                and not tokens[end - 1].facts & _POSSESSIVE
                and _plural(self._lower_of(end - 1))
            ):
                # the Brackenfold Ramblers, the Democrats
                start_offset = self.starts[index]
                end_offset = self._end(end - 1)
                head = _without_determiner(self.text[start_offset:end_offset]).lower()
                return (self._mention(start_offset, end_offset, "group", "", "pl", head),), end
            return (), end  # the Marguerite Anne, the Skerrow Trench: a thing or a place
        if (
            not titled
            and run_start
            and self._closed_lower(run_start - 1) in _PLACE_PREPOSITIONS
            and _given_gender(self._base_of(run_start)) is None
            and not (run_start >= 2 and self._closed_lower(run_start - 2) == "according")
        ):
            return (), end  # in Greyport, at Brennan Park
        start_offset = self.starts[index] if with_the else self.starts[run_start]
        if not titled and not given and end == run_start + 1 and end + 1 < self.count:
            # One bare word: only "and" or a quote after it may start what these two read.
            if self._closed_lower(end) == "and":
                pair = self._shared_surname(run_start, end)
                if pair is not None:
                    return (pair,), end
            elif tokens[end].kind == "break":
                nicknamed = self._nicknamed(run_start, end)
                if nicknamed is not None:
                    return nicknamed
        if not titled and not self._name_ok(run_start, name):
            self.unnamed = (start_offset, name)  # see ``read``
            return (), end
        return self._name_mentions(start_offset, name, "", "")

    def _particle_surname(self, index: int) -> _Step:
        """A surname that opens with its particle, known from a fuller mention: ``de la Mare
        recalls`` after ``Agnes de la Mare``."""
        position = index
        while (
            position < self.count
            and position - index < 3
            and self._lower_of(position) in _PARTICLES
        ):
            position += 1
        if position >= self.count or not _RUNS[self.flags[position]]:
            return None
        head = " ".join(map(self._base_of, range(index, position + 1)))
        if not self._known(head):
            return None
        name = (index, position + 1, self._base_end(position), head, "", "", "", False)
        return self._name_mentions(self.starts[index], name, "", "")

    def _nicknamed(self, index: int, end: int) -> _Step:
        """``Declan "Dusty" O'Hara``: a given name, a quoted nickname, then the rest of the
        name. The nickname is a quote and no mention may cross it, so the given name becomes a
        mention of its own that carries the surname read after the nickname."""
        tokens = self.tokens
        if end != index + 1 or end + 1 >= self.count:
            return None
        if tokens[end].kind != "break":
            return None
        nickname = self._text_of(end)
        if nickname == "\n" or len(nickname.split()) > 3:
            return None
        rest = self._person_name(end + 1)
        if rest is None or rest[7]:  # no name, or a titled one
            return None
        gender = _given_gender(self._base_of(index)) or ""
        given = self._mention(
            self.starts[index],
            self._base_end(index),
            "name",
            gender,
            "sg",
            rest[3],  # its surname
            "",
            self._text_of(index),
        )
        mentions, next_index = self._name_mentions(self.starts[end + 1], rest, "", "")
        return (given, *mentions), next_index

    def _shared_surname(self, index: int, end: int) -> Mention | None:
        """``Hollis and Maeve Brandvold``: a given name before another's full name shares its
        surname."""
        if end != index + 1 or end >= self.count or self._closed_lower(end) != "and":
            return None
        other = self._person_name(end + 1)
        if other is None or not other[4]:  # no name, or one without a given name
            return None
        _, _, _, other_head, other_given, _, _, _ = other
        base = self._base_of(index)
        other_first = other_given.split()[0].lower()
        if _given_gender(base) is None and _given_gender(other_first) is None:
            return None
        gender = _given_gender(base) or ""
        return self._mention(
            self.starts[index],
            self._base_end(index),
            "name",
            gender,
            "sg",
            other_head,
            "",
            self._text_of(index),
        )

    def _name_mention(self, start_offset: int, name: _Name, role: str, role_gender: str) -> Mention:
        _, _, end_offset, head, given, gender, title_role, _ = name
        return self._mention(
            start_offset,
            end_offset,
            "name",
            gender or role_gender,
            "sg",
            head,
            role or title_role,
            given,
        )

    def _name_mentions(
        self, start_offset: int, name: _Name, role: str, role_gender: str
    ) -> tuple[tuple[Mention, ...], int]:
        """The name's mention, plus the apposition after it (``, the chief executive,``)."""
        end = name[1]
        if end + 1 < self.count and self._closed_lower(end) == ",":
            phrase = self._noun_phrase(end + 1, apposition=True)
            if phrase is not None and phrase[2] in ("role", "anonymous"):  # its kind
                phrase_start, phrase_end, _, phrase_head, phrase_gender, _ = phrase
                for _ in range(2):
                    complement_end = self._complement(phrase_end)
                    if complement_end is None:
                        break
                    phrase_end = complement_end
                if self._closes_apposition(phrase_end):
                    # The apposition's role wins over a title: it is the one the article will
                    # use again ("Prof. Ann Roe, head of the unit," … "the head of the unit").
                    role = phrase_head
                    role_gender = role_gender or phrase_gender
                    described = self._mention(
                        self.starts[phrase_start],
                        self._base_end(phrase_end - 1),
                        "role",
                        phrase_gender,
                        "sg",
                        phrase_head,
                        phrase_head,
                    )
                    named = self._name_mention(start_offset, name, role, role_gender)
                    return (named, described), phrase_end
        return (self._name_mention(start_offset, name, role, role_gender),), end


# Not kept: a pass over PolNeAR dev asks 519 times about 44 titles, each a few words to join.
def _spelled_out(title: str) -> str:
    """A title as a role: lowercase, abbreviations spelled out (``Det. Sgt.`` -> ``detective
    sergeant``), otherwise as written (``spokeswoman`` stays)."""
    words = title.lower().replace(".", " ").split()
    return " ".join(_ABBREVIATED_ROLES.get(word, word) for word in words)


def _without_determiner(phrase: str) -> str:
    first, _, rest = phrase.partition(" ")
    return rest if rest and first.lower() in _DETERMINERS else phrase
