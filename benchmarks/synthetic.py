"""Inputs for the benchmark scripts: invented news articles, corpus loading and worst cases.

Everything here is our own text. The generator writes plausible local and political news about
made-up people, places and bodies, with quotations in every convention the library reads
(straight and curly doubles, British singles with nested doubles, guillemets, German low marks,
newswire ASCII, corner brackets), quotes continued over paragraphs, interrupted quotes, partial,
scare and title quotes, page furniture, a transcript, and the apostrophes that look like marks
(``don't``, ``O'Neill``, ``the students' union``, ``the '90s``, ``rock 'n' roll``, ``'em``).
It is seeded, so every run measures the same text.

Used by ``bench.py``, ``pathological.py`` and ``profile.py``; not part of the package.
"""

from __future__ import annotations

import json
import random
from collections.abc import Callable
from pathlib import Path

FIRST_NAMES = (
    "Maren", "Tobias", "Ifeoma", "Declan", "Priya", "Oskar", "Lucinda", "Kwame", "Saoirse",
    "Hamid", "Bettina", "Rafferty", "Yusra", "Cormac", "Delphine", "Anselm", "Niamh", "Teodor",
    "Marisol", "Gideon", "Aurelie", "Florin", "Eszter", "Callum",
)
SURNAMES = (
    "Okonkwo-Ferris", "Halvorsen", "O'Dwyer", "Castellane", "Brightwater", "Mbeki-Lund",
    "Quennell", "D'Arcy", "Tarrant", "Achterberg", "Velasquez-Roe", "Nakamura-Holt", "Pellow",
    "Strachan", "Abernethy", "Lindqvist", "McAllister", "Osei", "Fairbairn", "Kowalczyk",
)
TITLES = ("Ms", "Mr", "Dr", "Councillor", "Prof.", "Mrs", "Sen.", "Gov.", "Rep.")
ROLES = (
    "the council's finance chief", "a spokeswoman for the transport authority",
    "the chair of the residents' association", "a senior lecturer in planning",
    "the harbour master", "the union's regional organiser", "a former deputy mayor",
    "the head of the county fire service", "a junior minister", "the hospital's chief executive",
)
PLACES = (
    "Carrowby", "Port Alder", "Ferncliffe", "Halden Vale", "Skerrow", "Marlinford",
    "Upper Brackwell", "Tollemarsh", "Dunmere", "Lowick Cross",
)
BODIES = (
    "Halden Homes", "the Skerrow Water Board", "Marlinford County Council",
    "the Port Alder Harbour Trust", "the Tollemarsh Rail Partnership",
    "the Department for Coastal Affairs", "the Ferncliffe Teachers' Union",
)
TOPICS = (
    "the new bypass", "the library closures", "the harbour wall", "the bus timetable",
    "the school merger", "the flood defences", "the rent cap", "the night-time economy plan",
    "the hospital car park", "the tram extension",
)
SPEECH = ("said", "told reporters", "added", "insisted", "warned", "explained", "argued")
VERBS_PRESENT = ("says", "tells us", "admits", "argues", "explains")

STATEMENTS = (
    "We have listened to every objection and we have changed the plans",
    "Nobody in this town was asked, and that's the part that stings",
    "It isn't a question of money, it's a question of whether we still trust each other",
    "I've lived here since the '80s and I have never seen the high street this quiet",
    "We can't keep patching the wall every winter and hoping for the best",
    "The figures don't add up, and the people who wrote them know it",
    "If the ministry won't pay for it, the council will have to find another way",
    "There's a real chance we lose the ferry altogether by next spring",
    "My grandmother marched for this hospital and I'll march for it too",
    "We are not against houses, we are against the wrong houses in the wrong place",
    "The students' union was never consulted, not once",
    "Ask anyone who's waited two hours for the number 9 and they'll tell you",
    "The data is clear: the scheme cut journeys by a fifth in its first year",
    "I won't pretend this is easy for anyone",
)
SECOND = (
    "We owe the town an honest answer.",
    "That is what I told the committee on Tuesday.",
    "People deserve better than another consultation.",
    "It's not complicated.",
    "Nobody should have to choose between heating and eating.",
    "Ask me again in a year.",
    "We will publish the full report next week.",
)
PARTIALS = (
    "a slap in the face", "the worst of both worlds", "unacceptable and avoidable",
    "a genuine turning point", "nothing short of reckless", "long overdue",
    "a fair deal for tenants", "frankly embarrassing",
)
SCARE_WORDS = ("reform", "consultation", "luxury", "affordable", "temporary", "savings")
WORK_TITLES = (
    "Save Our Drill Hall", "A Town on the Tide", "Rails to Nowhere", "The Long Field",
    "Homes Fit for Heroes", "Keep Tollemarsh Moving",
)
APOSTROPHE_LINES = (
    "The council's plan, first floated in the '90s, was shelved when the money ran out.",
    "Residents say they'll keep going 'til the diggers arrive, and they don't sound tired.",
    "At the students' union bar, a band was playing rock 'n' roll to a half-empty room.",
    "Mr O'Dwyer's shop has been on the corner since '78; he reckons he's seen 'em all come and go.",
    "The twins' bikes were still chained outside the D'Arcy family's house on Thursday.",
    "It's the town's third bus operator in a decade, and nobody's sure it'll be the last.",
    "She was singin' along to the radio when the call came, her neighbour recalled.",
)
NARRATIVE = (
    "The proposal goes before the planning committee on {day}, after two years of delays.",
    "{body} said the cost had risen to {money} since the first estimate in {year}.",
    "About {count} people attended the meeting at the {place} community centre on {day}.",
    "The decision can be appealed within 28 days, according to documents seen by the paper.",
    "Figures published this week show {count} households on the waiting list, up from {count2}.",
    "{body} has until the end of the month to respond to the consultation.",
    "The scheme was approved in {year} but work stalled when the contractor went bust.",
    "A petition against the plan had gathered {count} signatures by {day} evening.",
)
DAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
FURNITURE = (
    "Advertisement", "Share this article", "Read more: Ferry timetable cut for winter",
    "Photograph: Ellie Marsh/Carrowby Echo", "Sign up for our morning briefing",
)


# The marks, named once so the templates below stay readable.
LDQ, RDQ = "\N{LEFT DOUBLE QUOTATION MARK}", "\N{RIGHT DOUBLE QUOTATION MARK}"
LSQ, RSQ = "\N{LEFT SINGLE QUOTATION MARK}", "\N{RIGHT SINGLE QUOTATION MARK}"
LAQ = "\N{LEFT-POINTING DOUBLE ANGLE QUOTATION MARK}"
RAQ = "\N{RIGHT-POINTING DOUBLE ANGLE QUOTATION MARK}"
LOW = "\N{DOUBLE LOW-9 QUOTATION MARK}"
LCB, RCB = "\N{LEFT CORNER BRACKET}", "\N{RIGHT CORNER BRACKET}"
# "Do your best" in Japanese, for the corner-bracket convention.
GANBATTE = "\u9811\u5f35\u3063\u3066"


class _Person:
    def __init__(self, rng: random.Random) -> None:
        self.first = rng.choice(FIRST_NAMES)
        self.last = rng.choice(SURNAMES)
        self.title = rng.choice(TITLES)
        self.pronoun = rng.choice(("he", "she", "they"))


class _Writer:
    """One article's worth of invented people and places, and the paragraph templates."""

    def __init__(self, rng: random.Random) -> None:
        self.rng = rng
        self.place = rng.choice(PLACES)
        self.body = rng.choice(BODIES)
        self.topic = rng.choice(TOPICS)
        self.people = [_Person(rng) for _ in range(rng.randint(2, 4))]

    def who(self) -> _Person:
        return self.rng.choice(self.people)

    def statement(self) -> str:
        return self.rng.choice(STATEMENTS)

    def second(self) -> str:
        return self.rng.choice(SECOND)

    def fill(self, template: str) -> str:
        rng = self.rng
        return template.format(
            day=rng.choice(DAYS),
            body=self.body,
            money=f"£{rng.randint(2, 90)}.{rng.randint(1, 9)}m",
            year=rng.randint(1994, 2023),
            count=f"{rng.randint(120, 9000):,}",
            count2=f"{rng.randint(100, 5000):,}",
            place=self.place,
        )

    def headline(self) -> str:
        last = self.who().last
        return self.rng.choice(
            (
                f"{LSQ}We{RSQ}ll fight for every stop{RSQ}: {self.place} rallies over {self.topic}",
                f"{self.place} Divided Over Plans for {self.topic.title()[4:]}",
                f"{LDQ}A Slap in the Face{RDQ}: {last} Hits Out at {self.body[4:].title()}",
            )
        )

    # Each paragraph kind below is one convention of quoting.

    def curly_said(self) -> str:
        who = self.who()
        role = self.rng.choice(ROLES)
        return (
            f"{LDQ}{self.statement()},{RDQ} said {who.title} {who.last}, {role}. "
            f"{LDQ}{self.second()}{RDQ}"
        )

    def straight_name_said(self) -> str:
        who = self.who()
        return f'"{self.statement()}," {who.first} {who.last} {self.rng.choice(SPEECH)}.'

    def british_single(self) -> str:
        partial = self.rng.choice(PARTIALS)
        return (
            f"{LSQ}{self.statement()},{RSQ} {self.who().pronoun} said. {LSQ}They called it "
            f"{LDQ}{partial}{RDQ}, and they weren{RSQ}t wrong.{RSQ}"
        )

    def straight_single(self) -> str:
        who = self.who()
        return (
            f"'{self.statement()},' said {who.first} {who.last}, who runs a cafe on the "
            "seafront. 'It's the students' union that'll suffer most.'"
        )

    def interrupted(self) -> str:
        who = self.who()
        words = self.statement().split(" ")
        cut = max(2, len(words) // 2)
        return (
            f"{LDQ}{' '.join(words[:cut])},{RDQ} {who.title} {who.last} said, "
            f"{LDQ}{' '.join(words[cut:])}.{RDQ}"
        )

    def colon_continued(self) -> str:
        who = self.who()
        return (
            f"{who.first} {who.last}, {self.rng.choice(ROLES)}, said: \"{self.statement()}. "
            f"{self.second()}\n\n\"{self.statement()}.\""
        )

    def partial(self) -> str:
        who = self.who()
        return (
            f"{who.title} {who.last} described {self.topic} as "
            f"{LDQ}{self.rng.choice(PARTIALS)}{RDQ} and said {self.body} had shown a "
            f"\"{self.rng.choice(PARTIALS)}\" approach."
        )

    def scare_and_title(self) -> str:
        who = self.who()
        rng = self.rng
        return (
            f"The so-called \"{rng.choice(SCARE_WORDS)}\" was announced alongside 40 "
            f"{LDQ}{rng.choice(SCARE_WORDS)}{RDQ} flats, while a petition headed "
            f"'{rng.choice(WORK_TITLES)}' circulated. {who.first} \"Tiny\" {who.last} has "
            f"read the report \"{rng.choice(WORK_TITLES)}\" twice."
        )

    def according_to(self) -> str:
        who = self.who()
        return (
            f"According to {who.first} {who.last}, the work will take at least another year. "
            f"{who.pronoun.capitalize()} {self.rng.choice(VERBS_PRESENT)} the delay was avoidable."
        )

    def pronoun_added(self) -> str:
        return f"{LDQ}{self.statement()},{RDQ} {self.who().pronoun} added."

    def other_conventions(self) -> str:
        who = self.who()
        pick = self.rng.randrange(4)
        if pick == 0:
            return f"A band from Lyon posted a message of support: {LAQ}Sauvez le port !{RAQ}"
        if pick == 1:
            return (
                f"The twin town's mayor wrote: {LOW}Wir stehen an eurer Seite.{LDQ} "
                f"{who.first} {who.last} read it aloud."
            )
        if pick == 2:
            return f"``{self.statement()},'' {who.first} {who.last} told the wire service."
        return (
            f"A partner city sent a note reading {LCB}{GANBATTE}{RCB}, a colleague of "
            f"{who.first} {who.last} said."
        )

    def transcript(self) -> str:
        who, other = self.who(), self.who()
        return (
            f"\"{who.last.upper()}: Will you resign over {self.topic}?\" the presenter asked. "
            f"\"{other.first.upper()}: No. {self.second()}\""
        )

    def narrative(self) -> str:
        sentence = self.fill(self.rng.choice(NARRATIVE))
        return sentence[0].upper() + sentence[1:] + " " + self.rng.choice(APOSTROPHE_LINES)


_PARAGRAPH_KINDS: tuple[Callable[[_Writer], str], ...] = (
    _Writer.curly_said, _Writer.curly_said, _Writer.straight_name_said, _Writer.british_single,
    _Writer.straight_single, _Writer.interrupted, _Writer.colon_continued, _Writer.partial,
    _Writer.scare_and_title, _Writer.according_to, _Writer.pronoun_added,
    _Writer.other_conventions, _Writer.transcript, _Writer.narrative, _Writer.narrative,
    _Writer.narrative,
)


def article(rng: random.Random, target: int = 4000) -> str:
    """One invented article of about ``target`` characters (a headline and paragraphs)."""
    writer = _Writer(rng)
    paragraphs = [writer.headline(), writer.narrative()]
    size = sum(len(p) + 2 for p in paragraphs)
    while size < target:
        if rng.random() < 0.06:
            paragraph = rng.choice(FURNITURE)
        else:
            paragraph = rng.choice(_PARAGRAPH_KINDS)(writer)
        paragraphs.append(paragraph)
        size += len(paragraph) + 2
    return "\n\n".join(paragraphs)


def synthetic_corpus(count: int = 200, seed: int = 2024) -> list[str]:
    """``count`` invented articles of 2,500 to 6,500 characters, the same for the same seed."""
    rng = random.Random(seed)
    return [article(rng, rng.randint(2500, 6500)) for _ in range(count)]


def typical_article(seed: int = 7) -> str:
    """An invented article of close to 4 KB, the size of a typical news story."""
    rng = random.Random(seed)
    while True:
        text = article(rng, 3900)
        if 3900 <= len(text) <= 4300:
            return text


def load_corpus(path: str | Path) -> list[str]:
    """The ``text`` field of every line of a JSONL file."""
    with open(path, encoding="utf-8") as handle:
        return [json.loads(line)["text"] for line in handle if line.strip()]


def paragraphs_of(texts: list[str]) -> list[str]:
    """Every non-blank paragraph (blank-line separated) of the texts, in order."""
    return [p.strip() for text in texts for p in text.split("\n\n") if p.strip()]


def document(paragraphs: list[str], size: int) -> str:
    """A single document of exactly ``size`` characters made by repeating ``paragraphs``."""
    pieces: list[str] = []
    length = 0
    index = 0
    while length < size:
        paragraph = paragraphs[index % len(paragraphs)]
        pieces.append(paragraph)
        length += len(paragraph) + 2
        index += 1
    return "\n\n".join(pieces)[:size]


def sampled_document(paragraphs: list[str], size: int) -> str:
    """A single document of exactly ``size`` characters whose paragraphs are spread evenly over
    ``paragraphs`` (every k-th, then the next k-th from one further on, and so on), so that a
    document smaller than the corpus reads like the whole corpus, not like its first articles.
    At the corpus's size and above it is :func:`document`: the corpus in order, repeated."""
    total = sum(len(paragraph) + 2 for paragraph in paragraphs)
    stride = max(1, total // size)
    order = [index for first in range(stride) for index in range(first, len(paragraphs), stride)]
    return document([paragraphs[index] for index in order], size)


def _repeat(unit: str, size: int) -> str:
    return (unit * (size // len(unit) + 1))[:size]


def _after_quote(body: str, tail: str) -> str:
    """``body`` after a quoted sentence with its speaker, ending in ``tail``, at its length."""
    lead = '"We will be there," said Ms Quennell. '
    return lead + body[: len(body) - len(lead) - len(tail)] + tail


def _words_without_stops(size: int) -> str:
    """News-like words and commas, line breaks between paragraphs, and no . ! ? anywhere."""
    rng = random.Random(11)
    words = (
        "the council said it would review the plan and residents who were not consulted "
        "told the meeting that the harbour wall had been left to crumble for years"
    ).split()
    pieces: list[str] = []
    length = 0
    while length < size:
        line = " ".join(rng.choice(words) for _ in range(rng.randint(30, 90)))
        line = line.replace(" and ", ", and ").replace(" said ", ' said "') + '" she said'
        pieces.append(line)
        length += len(line) + 1
    return "\n".join(pieces)[:size]


def _news(size: int) -> str:
    return document(paragraphs_of(synthetic_corpus(40, seed=5)), size)


def _news_one_line(size: int) -> str:
    return _news(size).replace("\n", " ")


#: Worst cases for the whole pipeline, each a function from a size in characters to a text.
PATHOLOGICAL: dict[str, Callable[[int], str]] = {
    # Nothing but opening marks: 100,000 of them at 100 KB.
    "curly-openers-only": lambda n: _repeat("\N{LEFT DOUBLE QUOTATION MARK}", n),
    # Opening marks that never close, all in one paragraph.
    "unclosed-curly-openers": lambda n: _repeat("\N{LEFT DOUBLE QUOTATION MARK}word ", n),
    "unclosed-straight-openers": lambda n: _repeat(' "word', n),
    "unclosed-single-openers": lambda n: _repeat(" \N{LEFT SINGLE QUOTATION MARK}word", n),
    # Curly double and single openers glued together, nothing else.
    "curly-openers-glued": lambda n: _repeat(
        "\N{LEFT DOUBLE QUOTATION MARK}\N{LEFT SINGLE QUOTATION MARK}", n
    ),
    # Straight single and double marks alternating, nothing else.
    "straight-alternating": lambda n: _repeat("'\"", n),
    # Every family's marks in turn, with words between.
    "all-families": lambda n: _repeat(
        "\N{LEFT-POINTING DOUBLE ANGLE QUOTATION MARK}a "
        "\N{SINGLE LEFT-POINTING ANGLE QUOTATION MARK}b "
        "\N{DOUBLE LOW-9 QUOTATION MARK}c \N{SINGLE LOW-9 QUOTATION MARK}d "
        "\N{LEFT CORNER BRACKET}e \N{LEFT WHITE CORNER BRACKET}f ``g ''h ",
        n,
    ),
    # No sentence punctuation anywhere; a quote per line that closes at the line's end.
    "no-sentence-punctuation": _words_without_stops,
    # Apostrophes and elisions that look like marks.
    "apostrophes-and-elisions": lambda n: _repeat(
        "don't 'em rock 'n' roll the '90s the students' union O'Neill goin' 'til dawn, "
        "it's the Joneses' dog, ol' Pete's 'cause ",
        n,
    ),
    # End punctuation with no space after it, in one paragraph.
    "end-punctuation-run": lambda n: _repeat(".", n),
    # Chains of dotted capitals and of dotted numbers that end in a letter, after a quote (so
    # that the speaker finder reads the text).
    "dotted-capitals-chain": lambda n: _after_quote(_repeat("A.", n), "x"),
    "dotted-number-chain": lambda n: _after_quote(_repeat("1.", n), "x"),
    # Closing marks with nothing opened.
    "closers-only": lambda n: _repeat("a\N{RIGHT DOUBLE QUOTATION MARK} ", n),
    # Only line breaks and spaces: no paragraph at all.
    "blank-lines-only": lambda n: _repeat("\n \n", n),
    # Ordinary news, as a baseline.
    "news": _news,
    # Ordinary news with every line break turned into a space: one paragraph, one line.
    "news-one-line": _news_one_line,
    # One run-on sentence of reported speech: verbs of saying joined by "and", opening
    # subordinate clauses, wishes and partial quotes, never a full stop.
    "run-on-reports": lambda n: _repeat(
        'while she says the pier is safe, and Ines Varga called the plan "a mess" and warned '
        "that the ferry would stop and said the pier is sound, and added that it is cheap, "
        "and Tom Reyes wants to go, and ",
        n,
    ),
    # One run-on sentence of relative clauses, each with a verb of saying ("the plan, which Ms
    # Obi said, the plan, which …"): read by recursion, it overflowed the stack at 35 KB.
    "run-on-relative-clauses": lambda n: _repeat("the plan, which Ms Obi said, ", n),
    # One run-on sentence of verbs of saying with no subject, and of "according to" after a
    # clause: each verb once read back to the sentence's start.
    "run-on-subjectless-verbs": lambda n: _repeat("him him him said, ", n),
    "run-on-according-to": lambda n: _repeat(
        "in the harbour the pier is safe, according to the poll ", n
    ),
    # The same few speakers all through a long text, quoted after a statement, referred to as
    # "they", calling for things: each once looked back over the whole text before it.
    "recurring-speakers": lambda n: _repeat(
        'The council issued a statement on Monday. "The pier is safe," the statement said.\n\n'
        "Ines Varga spoke on Tuesday. They said the pier is safe, and called for calm at the "
        "harbour.\n\n",
        n,
    ),
}
