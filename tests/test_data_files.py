"""The word lists in ``quoteattr/data/`` and their loaders in :mod:`quoteattr.lexicon`.

Every list is checked for the house format (a ``#`` header, UTF-8, lowercase entries in sorted
order, no duplicate lines or keys), every column file for its columns, and every loader for a
few entries it must hold and for returning an immutable value.
"""

from __future__ import annotations

import subprocess
import sys
import unicodedata
from collections.abc import Callable, Mapping
from importlib.resources import files
from typing import Any

import pytest

from quoteattr import lexicon

DATA = files("quoteattr") / "data"
# The sample article is prose for the demo, not a word list.
NOT_LISTS = {"demo_article.txt"}
LIST_NAMES = sorted(
    item.name
    for item in DATA.iterdir()
    if item.name.endswith(".txt") and item.name not in NOT_LISTS
)

# Which loader reads which file; a list nobody reads is dead weight, so every file is here.
LOADERS: dict[str, list[Callable[[], Any]]] = {
    "abbreviations.txt": [lexicon.abbreviations],
    "anonymous_nouns.txt": [lexicon.anonymous_nouns],
    "belief_verbs.txt": [lexicon.belief_verbs],
    "clause_verbs.txt": [lexicon.clause_verbs],
    "cue_phrases.txt": [lexicon.cue_phrases],
    "elisions.txt": [lexicon.elisions],
    "first_names.txt": [lexicon.first_names],
    "furniture_exact.txt": [lexicon.furniture_exact],
    "furniture_prefixes.txt": [lexicon.furniture_prefixes],
    "group_nouns.txt": [lexicon.group_nouns],
    "headline_verbs.txt": [lexicon.headline_verbs],
    "honorifics.txt": [lexicon.honorifics],
    "irregular_past_verbs.txt": [lexicon.irregular_past_verbs],
    "object_verbs.txt": [lexicon.object_verbs],
    "organisation_words.txt": [lexicon.organisation_words],
    "pronouns.txt": [lexicon.pronouns],
    "roles.txt": [lexicon.roles],
    "scare_cues.txt": [lexicon.scare_cues],
    "sentence_final_abbreviations.txt": [lexicon.sentence_final_abbreviations],
    "speech_nouns.txt": [lexicon.speech_nouns],
    "speech_verbs.txt": [lexicon.speech_verbs, lexicon.speech_verb_phrases],
    "title_nouns.txt": [lexicon.title_nouns],
}
GENDERED = {"first_names.txt", "honorifics.txt", "roles.txt"}
INFLECTED = {"belief_verbs.txt", "headline_verbs.txt", "object_verbs.txt", "speech_verbs.txt"}


def raw_lines(name: str) -> list[str]:
    return (DATA / name).read_bytes().decode("utf-8").split("\n")


def test_every_list_has_a_loader() -> None:
    assert sorted(LOADERS) == LIST_NAMES


def test_load_all_calls_every_loader() -> None:
    loaders = {loader for file_loaders in LOADERS.values() for loader in file_loaders}
    assert set(lexicon._LOADERS) == loaders
    assert len(lexicon._LOADERS) == len(loaders)


def test_the_first_extract_loads_every_list_and_table() -> None:
    # In a fresh interpreter: one short article with no headline, no speech noun and no
    # object verb still loads the lists those need, and builds every table the stages derive
    # from the lists, so a later article does not. (Importing loads a list or two that
    # patterns are built from, not the headline verbs.)
    script = (
        "import quoteattr\n"
        "from quoteattr import lexicon\n"
        "assert not lexicon.headline_verbs.cache_info().currsize\n"
        "built = [table.cache_info().currsize for table in lexicon._TABLES]\n"
        "quoteattr.extract('Hello.')\n"
        "print(sum(loader.cache_info().currsize for loader in lexicon._LOADERS))\n"
        "print(sum(table.cache_info().currsize for table in lexicon._TABLES))\n"
        "print(len(lexicon._TABLES), sum(built))\n"
    )
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    loaded, tables, counts = result.stdout.splitlines()
    assert int(loaded) == len(lexicon._LOADERS)
    made, built_before = map(int, counts.split())
    assert int(tables) == made == len(lexicon._TABLES) > 20 and built_before < made


@pytest.mark.parametrize("name", LIST_NAMES)
def test_list_format(name: str) -> None:
    lines = raw_lines(name)
    assert lines[0].startswith("# "), "a list opens with a comment saying what it is for"
    assert lines[-1] == "", "the file ends with one newline"
    for line in lines:
        assert line == line.rstrip(), f"trailing white space in {line!r}"
        assert "\r" not in line
        assert unicodedata.normalize("NFC", line) == line, f"{line!r} is not NFC"
    entries = lexicon.entries(name)
    assert entries, "the list is empty"
    for entry in entries:
        assert entry == entry.lower(), f"{entry!r} is not lowercase"
        assert entry == entry.strip(), f"{entry!r} has outer white space"
        assert "  " not in entry, f"{entry!r} has a double space"
        if name not in GENDERED | INFLECTED | {"pronouns.txt"}:
            assert "\t" not in entry, f"{entry!r} holds a TAB but {name} has one column"
    assert list(entries) == sorted(entries), "entries are not in sorted() order"
    assert len(set(entries)) == len(entries), "a line is listed twice"
    keys = [entry.split("\t")[0] for entry in entries]
    duplicates = sorted({key for key in keys if keys.count(key) > 1})
    assert not duplicates, f"keys listed twice: {duplicates}"


@pytest.mark.parametrize("name", LIST_NAMES)
def test_loaders_return_immutable_values(name: str) -> None:
    for loader in LOADERS[name]:
        value = loader()
        assert value is loader(), "the loader caches its result"
        assert isinstance(value, (frozenset, tuple, Mapping))
        if isinstance(value, Mapping):
            with pytest.raises(TypeError):
                value["new entry"] = "m"  # type: ignore[index]


@pytest.mark.parametrize("name", sorted(GENDERED))
def test_gender_columns(name: str) -> None:
    for entry in lexicon.entries(name):
        fields = entry.split("\t")
        assert len(fields) <= 2, entry
        assert fields[-1] in {"m", "f"} or len(fields) == 1, entry
        if name == "first_names.txt":
            assert len(fields) == 2, f"a first name needs a clear gender: {entry!r}"


def test_pronoun_columns() -> None:
    for entry in lexicon.entries("pronouns.txt"):
        fields = entry.split("\t")
        assert len(fields) in {1, 2, 3}, entry
    assert lexicon.pronouns()["he"] == ("m", "sg")
    assert lexicon.pronouns()["her"] == ("f", "sg")
    assert lexicon.pronouns()["them"] == ("", "pl")
    assert lexicon.pronouns()["it"] == ("n", "sg")
    assert lexicon.pronouns()["you"] == ("", "")
    assert {"i", "me", "we", "us", "his", "hers", "their"} <= set(lexicon.pronouns())


@pytest.mark.parametrize("name", sorted(INFLECTED))
def test_inflection_lines(name: str) -> None:
    for entry in lexicon.entries(name):
        lemma, *forms = entry.split("\t")
        assert len(forms) >= 2, f"{lemma!r} lists too few forms"
        assert len(set(forms)) == len(forms), f"{lemma!r} repeats a form"
        assert lemma not in forms, f"{lemma!r} repeats itself as a form"
        words = len(lemma.split())
        for form in forms:
            # A phrasal verb inflects its first word and keeps the rest: "pointed out".
            assert len(form.split()) == words, f"{form!r} does not match {lemma!r}"
            assert form.split()[1:] == lemma.split()[1:], f"{form!r} does not match {lemma!r}"
        assert any(form.split()[0].endswith("ing") for form in forms), f"{lemma!r} has no -ing"


def test_speech_verbs() -> None:
    verbs = lexicon.speech_verbs()
    assert verbs["said"] == "say"
    assert verbs["says"] == "say"
    assert verbs["say"] == "say"
    assert verbs["told"] == "tell"
    assert verbs["written"] == "write"
    assert verbs["admitted"] == "admit"
    assert verbs["replied"] == "reply"
    assert verbs["tweeted"] == "tweet"
    assert verbs["emailed"] == "email"
    assert verbs["signalled"] == verbs["signaled"] == "signal"
    wanted = (
        "say tell add insist warn joke reply ask tweet write claim argue explain note state"
        " announce admit concede deny acknowledge indicate suggest complain recall predict promise"
        " vow pledge urge caution quip muse shout whisper testify confirm report post email text"
        " message respond retort counter observe"
    ).split()
    missing = [verb for verb in wanted if verbs.get(verb) != verb]
    assert not missing
    lemmas = set(verbs.values()) | set(lexicon.speech_verb_phrases().values())
    assert len(lemmas) >= 300
    assert all(" " not in form for form in verbs)


def test_speech_verb_phrases() -> None:
    phrases = lexicon.speech_verb_phrases()
    assert phrases["point out"] == "point out"
    assert phrases["pointed out"] == "point out"
    assert phrases["went on"] == "go on"
    assert phrases["hit back"] == "hit back"
    assert all(" " in form for form in phrases)


def test_belief_verbs() -> None:
    beliefs = lexicon.belief_verbs()
    for form, lemma in {
        "believe": "believe",
        "thought": "think",
        "wants": "want",
        "expected": "expect",
        "fearing": "fear",
        "hopes": "hope",
        "felt": "feel",
        "suspects": "suspect",
        "doubted": "doubt",
        "knew": "know",
        "worried": "worry",
        "reckons": "reckon",
        "understood": "understand",
    }.items():
        assert beliefs[form] == lemma


def test_verb_lists_are_disjoint() -> None:
    speech = set(lexicon.speech_verbs()) | set(lexicon.speech_verb_phrases())
    assert not speech & set(lexicon.belief_verbs())


def test_clause_verbs_are_known_lemmas() -> None:
    lemmas = (
        set(lexicon.speech_verbs().values())
        | set(lexicon.speech_verb_phrases().values())
        | set(lexicon.belief_verbs().values())
    )
    clause = lexicon.clause_verbs()
    assert clause <= lemmas, sorted(clause - lemmas)
    assert {"say", "tell", "claim", "warn", "believe", "think", "point out"} <= clause
    # Manner-of-speaking verbs report how, not what: no indirect speech after them.
    assert not {"shout", "whisper", "laugh", "sigh", "smile"} & clause


def test_elisions() -> None:
    elisions = lexicon.elisions()
    assert {"em", "til", "cause", "cos", "n", "tis", "twas", "bout", "round", "nuff"} <= elisions
    assert {"cept", "fraid", "kay", "sup", "ello", "ow", "ere", "im", "er"} <= elisions
    for word in elisions:
        assert not any(char.isdigit() for char in word), "decades are handled in code"
        assert not word.startswith(("'", "\N{RIGHT SINGLE QUOTATION MARK}"))
    # Words that open ordinary quotations must never be read as elisions.
    assert not {"is", "as", "and", "less", "member"} & elisions


def test_furniture() -> None:
    exact = lexicon.furniture_exact()
    for paragraph in (
        "advertisement",
        "share this article",
        "share",
        "read more",
        "related articles",
        "most read",
        "story continues below",
        "continue reading",
        "comments",
        "skip advertisement",
        "sign up",
        "follow us",
    ):
        assert paragraph in exact
    # layout.is_furniture strips these before the look-up, so an entry must not end with one.
    assert not [entry for entry in exact if entry[-1] in ".:!|>»›→ "]
    prefixes = lexicon.furniture_prefixes()
    for prefix in ("read more:", "related:", "image caption", "photo:", "(reporting by"):
        assert prefix in prefixes
    # A prefix that is a bare word would also match a longer word: "subscribers said …".
    assert "subscribe" not in prefixes
    assert not any("subscribers said it".startswith(prefix) for prefix in prefixes)
    assert not any("copyrighted images".startswith(prefix) for prefix in prefixes)


def test_abbreviations() -> None:
    abbreviations = lexicon.abbreviations()
    final = lexicon.sentence_final_abbreviations()
    assert {"mr", "mrs", "ms", "dr", "prof", "sen", "gov", "gen", "st", "inc"} <= abbreviations
    assert {"no", "u.s", "u.k", "e.g", "i.e", "jan", "sept", "cllr", "vs"} <= abbreviations
    assert {"etc", "a.m", "p.m"} <= final
    assert not abbreviations & final
    assert not [entry for entry in abbreviations | final if entry.endswith(".")]


def test_title_nouns_and_scare_cues() -> None:
    titles = lexicon.title_nouns()
    assert {"film", "films", "book", "song", "album", "headline", "petition", "hashtag"} <= titles
    assert {"sign", "signs", "slogan", "banner", "programme", "program", "podcast"} <= titles
    cues = lexicon.scare_cues()
    assert {"so-called", "so called", "dubbed", "nicknamed", "known as", "aka"} <= set(cues)
    assert {"self-styled", "self-described", "termed", "christened"} <= set(cues)
    # "branded it 'a disgrace'" is usually a partial quotation, not a scare quote.
    assert "branded" not in cues
    assert [len(cue) for cue in cues] == sorted((len(cue) for cue in cues), reverse=True)


def test_cue_phrases_and_speech_nouns() -> None:
    phrases = lexicon.cue_phrases()
    for phrase in ("according to", "in a statement", "in an interview with", "told reporters"):
        assert phrase in phrases
    assert phrases.index("in an interview with") < phrases.index("in an interview")
    nouns = lexicon.speech_nouns()
    assert {"statement", "interview", "tweet", "remarks", "press conference", "op-ed"} <= nouns


def test_honorifics() -> None:
    titles = lexicon.honorifics()
    expected = {
        "mr": "m",
        "mr.": "m",
        "mrs": "f",
        "ms": "f",
        "miss": "f",
        "mx": "",
        "dr": "",
        "prof": "",
        "sir": "m",
        "dame": "f",
        "lord": "m",
        "lady": "f",
        "rev": "",
        "cllr": "",
        "father": "m",
        "sister": "f",
        "president": "",
        "prime minister": "",
        "sen.": "",
        "rep.": "",
        "gov.": "",
        "detective inspector": "",
    }
    assert {title: titles.get(title) for title in expected} == expected


def test_roles() -> None:
    roles = lexicon.roles()
    assert roles["spokeswoman"] == "f"
    assert roles["spokesman"] == "m"
    assert roles["chairwoman"] == "f"
    assert roles["spokesperson"] == ""
    assert roles["ceo"] == ""
    for role in ("prime minister", "chief executive", "mayor", "headteacher", "coach", "lawyer"):
        assert role in roles
    assert len(roles) >= 300


def test_first_names() -> None:
    names = lexicon.first_names()
    assert len(names) >= 800
    assert set(names.values()) == {"m", "f"}
    for name, gender in {
        "john": "m",
        "mary": "f",
        "kwame": "m",
        "ngozi": "f",
        "priya": "f",
        "rahul": "m",
        "josé": "m",
        "lucía": "f",
        "fatima": "f",
        "mohammed": "m",
        "hiroshi": "m",
        "akiko": "f",
    }.items():
        assert names[name] == gender
    ambiguous = {"alex", "sam", "jordan", "taylor", "morgan", "robin", "jamie", "casey", "kim"}
    assert not ambiguous & set(names)


def test_nouns_for_sources() -> None:
    organisations = lexicon.organisation_words()
    assert {"council", "ministry", "department", "police", "university", "plc", "ltd", "inc"} <= (
        organisations
    )
    groups = lexicon.group_nouns()
    assert {"officials", "residents", "critics", "analysts", "experts", "protesters"} <= groups
    assert {"lawmakers", "republicans", "democrats", "researchers", "doctors"} <= groups
    anonymous = lexicon.anonymous_nouns()
    assert {"source", "sources", "official", "insider", "diplomat", "aide", "witness"} <= anonymous
