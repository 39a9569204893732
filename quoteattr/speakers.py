"""Speakers: the mentions of one article clustered into the people and bodies they refer to.

Design. The mentions are read once, in text order, and each non-pronoun mention either joins an
entity already seen or opens a new one. Entities are found through dictionaries, never by
comparing all pairs of mentions, so clustering is linear in the number of mentions:

* **Names** join by surname (``Prime Minister David Cameron``, ``Mr Cameron``, ``Cameron``). A
  full name whose given name differs from every holder of its surname is a new person (``Bill
  Clinton`` and ``Hillary Clinton``); a bare or titled surname joins the most recent holder of
  compatible gender (``Mrs Clinton``). When no surname matches, a one-word name may join a full
  name by its *first* word, which covers family-name-first names (``Mr Li`` after ``Li
  Keqiang``) and given-name references (``uncle Walter``).
* **Roles** join the entity whose mention carried that role: a title (``Gen.`` → ``the
  general``), a role before the name (``Labour leader Jo Smith``) or an apposition (``Gareth
  Penhaligon, the operator's chief executive,`` → ``the chief executive``). Role words are
  compared through :func:`quoteattr.mentions.role_key` (``the PM`` = ``prime minister``,
  ``spokeswoman`` = ``spokesperson``, with gender checked separately), and the last word of a
  compound role also counts (``transport minister`` → ``the minister``).
* A definite role with no holder yet (``the minister said``) opens an entity of type
  ``"unknown"``: the article may name the holder later, and a name carrying the same role then
  joins it. An indefinite one (``a lawyer``) and an unnamed source (``a spokeswoman for
  SkyLink``, ``a council source``; the nouns of ``data/anonymous_nouns.txt``) open an
  ``"anonymous"`` entity, which later definite mentions (``the spokeswoman``) join but names
  never do.
* **Organisations** join by their name; a common noun (``the council``, ``the trust``) joins
  the most recent organisation whose name holds its words, and a generic one (``the company``,
  ``the firm``) the most recent organisation. **Groups** join by head noun (``residents``).
* Pronouns are left at ``-1``: the attribution stage resolves them (see
  :mod:`quoteattr.attribution`).

An entity's name is its fullest personal name (``David Cameron``; never a title or role), or
for bodies and unnamed sources its fullest noun phrase as written (``a spokeswoman for the
Department for Regional Transport``, ``Westmere Police``), a leading article lowercased.
"""

from __future__ import annotations

import bisect
import functools
from collections.abc import Sequence
from typing import NamedTuple

from .mentions import Mention, personal_name, role_key

__all__ = ["Clusters", "Entity", "cluster", "clustered"]


# An internal record, so a NamedTuple rather than a frozen attrs class like the public
# result types of ``model.py``: as immutable, and built in under half the time, which counts
# at thousands per article (see docs/performance.md).
class Entity(NamedTuple):
    """One person or body of the article and the mentions that refer to it.

    ``id`` is ``"s1"``, ``"s2"``, … in order of first mention. ``type`` is ``"person"``,
    ``"organisation"``, ``"anonymous"``, ``"group"`` or ``"unknown"``; ``gender`` is ``"m"``,
    ``"f"`` or ``""``; ``mentions`` are indexes into the mentions given to :func:`cluster`.

    >>> Entity("s1", "Ada Obi", "person", "f", (0, 3))
    Entity(id='s1', name='Ada Obi', type='person', gender='f', mentions=(0, 3))
    """

    id: str
    name: str
    type: str
    gender: str
    mentions: tuple[int, ...]


# Common nouns for a company, standing for the most recent organisation: "the company said".
_GENERIC_BODIES = frozenset(
    "business company corporation firm operator organisation organization".split()
)

# Common nouns for a body of people, standing for the most recent group or organisation:
# "the Brackenfold Ramblers … the group said".
_GENERIC_GROUPS = frozenset({"group", "team"})
# Plural heads that name unnamed sources rather than a group speaking together: "UK Government
# sources said" is anonymous, "officials said" a group.
_ANONYMOUS_PLURALS = frozenset({"sources", "insiders"})

# Articles opening a noun phrase, lowercased when the phrase becomes a name.
_ARTICLES = frozenset({"the", "a", "an", "one"})

_INDEFINITE = frozenset({"a", "an", "one", "another", "some", "several"})

# The kinds of mention a role in an apposition may be: "the chief executive, Jo Smith".
_APPOSED_KINDS = ("role", "anonymous")


_NO_WORDS: frozenset[str] = frozenset()


class _Draft:
    """An entity being built: its mentions and what they say about it."""

    __slots__ = ("gender", "givens", "last", "mentions", "named", "type", "words")

    def __init__(self, kind: str, index: int) -> None:
        self.type = kind
        self.mentions: list[int] = []
        # First given names, lowercase: a tuple, as most drafts hold none and few more than one.
        self.givens: tuple[str, ...] = ()
        self.gender = ""
        self.last = index
        self.named = False  # holds a personal name
        # The lowercase words of an organisation's names; shared and empty until an
        # organisation's mention joins (most drafts are people and groups).
        self.words: frozenset[str] = _NO_WORDS


def cluster(text: str, mentions: Sequence[Mention]) -> tuple[tuple[Entity, ...], tuple[int, ...]]:
    """Group non-pronoun mentions into entities.

    Args:
        text: The article the mentions point into.
        mentions: Its mentions, in text order (as :func:`quoteattr.mentions.find_mentions`
            gives them).

    Returns:
        ``(entities, entity_of)``: the entities in order of first mention, and for each
        mention the index of its entity in ``entities``, or ``-1`` for a pronoun.

    >>> from quoteattr.mentions import find_mentions
    >>> text = ("Prime Minister David Cameron arrived. Mr Cameron spoke first. "
    ...         "The PM said little.")
    >>> mentions = find_mentions(text, [])
    >>> entities, entity_of = cluster(text, mentions)
    >>> [(e.id, e.name, e.type) for e in entities]
    [('s1', 'David Cameron', 'person')]
    >>> entity_of
    (0, 0, 0)
    """
    clusters = clustered(text, mentions)
    return tuple(map(clusters.entity, range(len(clusters)))), clusters.entity_of


def clustered(text: str, mentions: Sequence[Mention]) -> Clusters:
    """Group non-pronoun mentions into entities, as :func:`cluster` does, but build each
    :class:`Entity` only when it is asked for (:meth:`Clusters.entity`).

    Attribution reads every entity's type and gender but names only the few that speak: most
    entities of an article are never built.

    Args:
        text: The article the mentions point into.
        mentions: Its mentions, in text order.

    Returns:
        The clusters: ``entity_of`` for each mention, and each entity's type and gender.

    >>> from quoteattr.mentions import find_mentions
    >>> text = "Ann Cole met the council. Ms Cole spoke."
    >>> clusters = clustered(text, find_mentions(text, []))
    >>> len(clusters), clusters.entity_of, clusters.types
    (2, (0, 1, 0), ['person', 'organisation'])
    >>> clusters.entity(0)
    Entity(id='s1', name='Ann Cole', type='person', gender='f', mentions=(0, 2))
    """
    return _Clusterer(text, mentions).run()


class Clusters:
    """An article's entities: for each mention the index of its entity (``entity_of``, ``-1``
    for a pronoun), each entity's ``types`` and ``genders``, and each :class:`Entity` itself,
    built once when first asked for (``built`` holds those built so far, ``None`` for others).

    ``first_name_of`` gives the index of the first name mention of each head (surname), read
    on the way: attribution looks a transcript's labels up in it.
    """

    __slots__ = (
        "_first",
        "_members",
        "_mentions",
        "_text",
        "built",
        "entity_of",
        "first_name_of",
        "genders",
        "types",
    )

    def __init__(
        self,
        text: str,
        mentions: Sequence[Mention],
        drafts: list[_Draft],
        entity_of: list[int],
        first_name_of: dict[str, int],
    ) -> None:
        self._text = text
        self._mentions = mentions
        self.first_name_of = first_name_of
        self.entity_of = tuple(entity_of)
        self.types = [draft.type for draft in drafts]
        self.genders = [draft.gender for draft in drafts]
        self._members = [draft.mentions for draft in drafts]
        self._first = [-1] * len(drafts)  # each entity's first mention, once asked for
        self.built: list[Entity | None] = [None] * len(drafts)

    def __len__(self) -> int:
        return len(self.built)

    def entity(self, index: int) -> Entity:
        """The entity at ``index``, built on the first call."""
        entity = self.built[index]
        if entity is None:
            # The drafts are in order of first mention, and each holds a mention: a step of
            # ``_Clusterer.run`` opens at most one draft and joins it at once to that step's
            # mention (with an apposition, to the name after it first), and every later join
            # is of a later mention. So a draft's rank is its index, and ``entity_of`` needs no
            # renumbering.
            held = self.members(index)
            kind = self.types[index]
            name = _name_of(self._text, self._mentions, kind, held)
            entity = Entity(f"s{index + 1}", name, kind, self.genders[index], held)
            self.built[index] = entity
        return entity

    def members(self, index: int) -> tuple[int, ...]:
        """The mentions of the entity at ``index`` in text order (its ``mentions``), unbuilt."""
        return tuple(sorted(self._members[index]))  # (an apposition joins its name first)

    def first_mention(self, index: int) -> int:
        """The first mention of the entity at ``index`` (its ``mentions[0]``), unbuilt."""
        first = self._first[index]
        if first < 0:  # (read once: an entity of a long text can hold thousands of mentions)
            first = self._first[index] = min(self._members[index])
        return first


class _Clusterer:
    def __init__(self, text: str, mentions: Sequence[Mention]) -> None:
        self.text = text
        self.mentions = mentions
        self.drafts: list[_Draft] = []
        self.people: list[int] = []  # the drafts holding a personal name, by index
        self.entity_of = [-1] * len(mentions)
        self.by_surname: dict[str, list[int]] = {}
        self.by_first_name: dict[str, list[int]] = {}
        # The first name mention of each head: every name is joined once, in text order (an
        # apposition's name at the step before its own, and before any later name).
        self.first_name_of: dict[str, int] = {}
        self.by_role: dict[str, int] = {}
        self.organisations: dict[str, int] = {}  # an organisation's name, lowercase
        self.organisation_words: dict[str, int] = {}  # each word of it: most recent holder
        self.groups: dict[str, int] = {}
        self.last_organisation = -1
        self.last_named_group = -1  # the latest group with a proper name: the Ramblers

    # -- the pass --

    def run(self) -> Clusters:
        mentions = self.mentions
        entity_of = self.entity_of
        count = len(mentions)
        # (A step may join the mention after its own, an apposition's name: ``entity_of`` is
        # read afresh at every step, and a mention already joined is passed over.)
        for index, mention in enumerate(mentions):
            kind = mention.kind
            if kind == "pronoun" or entity_of[index] >= 0:
                continue
            if kind == "name":
                self._name(index)
            elif kind == "role" or kind == "anonymous":
                following = index + 1
                if (
                    following < count
                    and mentions[following].kind == "name"  # (``_apposed`` asks it first)
                    and self._apposed(index, following)
                ):
                    # "The couple's attorney, Rafael Ordóñez-Whitlock, said": the name decides.
                    self._name(following)
                    self._join(index, entity_of[following])
                else:
                    self._role(index)
            elif kind == "organisation":
                self._organisation(index)
            elif kind == "group":
                self._group(index)
            else:
                self._join(index, -1, "", "unknown")
        return Clusters(self.text, mentions, self.drafts, self.entity_of, self.first_name_of)

    # -- names --

    def _name(self, index: int) -> None:
        mention = self.mentions[index]
        # The first given name, lowercase ("david" in "David William Cameron"), worked out once
        # for ``_person_for`` and the join.
        given = mention.given.split()[0].lower().rstrip(".") if mention.given else ""
        previous = index - 1
        if (
            previous >= 0
            and self.entity_of[previous] >= 0
            and self.mentions[previous].kind in _APPOSED_KINDS  # (``_apposed`` asks it first)
            and self._apposed(previous, index)
        ):
            draft = self.entity_of[previous]  # already decided by its apposition
        else:
            draft = self._person_for(mention, given)  # (``-1``: a new person)
        self._join(index, draft, given, "person")

    def _person_for(self, mention: Mention, given: str) -> int:
        # A surname (or given name) nobody holds yet has no one to offer: its tests, each a
        # comprehension over an empty list, are skipped (a person's first mention, most often).
        head, gender = mention.head, mention.gender  # (read once: see ``_join``)
        holders = self.by_surname.get(head)
        if given:
            if holders:
                same = [
                    d for d in holders if any(_same_given(g, given) for g in self.drafts[d].givens)
                ]
                if same:
                    return self._latest(same)
                if any(self.drafts[d].givens for d in holders):
                    without = [d for d in holders if not self.drafts[d].givens]
                    compatible = [d for d in without if self._gender_ok(d, gender)]
                    return self._latest(compatible) if compatible else -1  # Hillary after Bill
                compatible = [d for d in holders if self._gender_ok(d, gender)]
                if compatible:
                    return self._latest(compatible)  # "Mr Cameron" first, "David Cameron" later
            # "Mr Li" first, "Li Keqiang" later: the titled word is the family name.
            family_holders = self.by_surname.get(given)
            if family_holders:
                family = [
                    d
                    for d in family_holders
                    if not self.drafts[d].givens and self._gender_ok(d, gender)
                ]
                if family:
                    return self._latest(family)
        else:
            if holders:
                compatible = [d for d in holders if self._gender_ok(d, gender)]
                if compatible:
                    return self._latest(compatible)
            if " " not in head:
                # "Mr Li" after "Li Keqiang"; "Walter" after "my uncle Walter Smith".
                first_holders = self.by_first_name.get(head)
                if first_holders:
                    firsts = [d for d in first_holders if self._gender_ok(d, gender)]
                    if firsts:
                        return self._latest(firsts)
        if mention.role:
            # "the mayor said … Mayor Ana Ruiz": a role seen before its holder's name.
            for key in _role_keys(mention.role):
                holder = self.by_role.get(key, -1)
                if (
                    holder >= 0
                    and self.drafts[holder].type == "unknown"
                    and self._gender_ok(holder, gender)
                ):
                    return holder
        return -1

    # -- roles and unnamed sources --

    def _apposed(self, role_index: int, name_index: int) -> bool:
        """Whether a role mention and the name mention beside it are one apposition."""
        if role_index < 0 or name_index >= len(self.mentions):
            return False
        if role_index + 1 == name_index:
            first, second = role_index, name_index
        elif name_index + 1 == role_index:
            first, second = name_index, role_index
        else:
            return False
        role, name = self.mentions[role_index], self.mentions[name_index]
        if name.kind != "name" or role.kind not in _APPOSED_KINDS:
            return False
        between = self.text[self.mentions[first].end : self.mentions[second].start]
        if not role.head or between.strip() != ",":
            return False
        if role.head == name.role:
            return True
        # "The Prime Minister, Helen Ashby, said": a definite role closed off by commas around
        # the name, which the mention finder read without the role.
        after = self.text[name.end : name.end + 2].lstrip()
        return (
            not name.role
            and first == role_index
            and self.text[role.start : role.end].split()[0].lower() == "the"
            and after.startswith(",")
        )

    def _role(self, index: int) -> None:
        mention = self.mentions[index]
        previous = index - 1
        if (
            previous >= 0
            and self.mentions[previous].kind == "name"  # (``_apposed`` asks it first)
            and self._apposed(index, previous)
        ):
            self._join(index, self.entity_of[previous])  # "Gareth Penhaligon, the chief executive,"
            return
        indefinite = self.text[mention.start : mention.end].split()[0].lower() in _INDEFINITE
        if not indefinite:
            # Whole keys only: "the prime minister" must not find a "transport minister".
            for key in _whole_role_keys(mention.head):
                holder = self.by_role.get(key, -1)
                if holder >= 0 and self._gender_ok(holder, mention.gender):
                    self._join(index, holder)
                    return
            holder = self._served_as(mention)
            if holder >= 0:
                self._join(index, holder)
                return
        anonymous = mention.kind == "anonymous" or indefinite
        self._join(index, -1, "", "anonymous" if anonymous else "unknown")

    def _served_as(self, mention: Mention) -> int:
        """The person whose introduction says they serve ``as`` the role: ``the coach`` after
        ``Vernon Pruitt-Galloway, who won 612 games as men's basketball coach``. Only the
        latest few people, and only within the sentence that introduces them."""
        head = mention.head.split()[-1] if mention.head else ""
        if not head.isalpha():
            return -1
        for draft_index in reversed(self.people[-3:]):
            first = self.mentions[self.drafts[draft_index].mentions[0]]
            stop = self.text.find(". ", first.end, first.end + 200)
            window = self.text[first.end : stop if stop >= 0 else first.end + 200].lower()
            words = window.replace(",", " ").split()
            if head not in words or "as" not in words:
                continue  # (the test below needs both: spare the loop over the words)
            for position, word in enumerate(words):
                if word == head and "as" in words[max(0, position - 4) : position]:
                    return draft_index if self._gender_ok(draft_index, mention.gender) else -1
        return -1

    # -- organisations and groups --

    def _organisation(self, index: int) -> None:
        mention = self.mentions[index]
        words = mention.head.split()
        proper = _is_proper(self.text[mention.start : mention.end])
        named = proper and len(words) > 1
        draft = self.organisations.get(mention.head, -1) if named else -1
        if draft < 0 and not named:
            # "the council", "the county council" (or a bare "Council"): the latest body whose
            # name holds those words.
            holder = self.organisation_words.get(words[-1], -1)
            if holder >= 0 and all(word in self.drafts[holder].words for word in words):
                draft = holder
            elif words[-1] in _GENERIC_BODIES and self.last_organisation >= 0:
                draft = self.last_organisation
            elif words[-1] in _GENERIC_GROUPS:
                draft = max(self.last_named_group, self.last_organisation)
        if draft < 0 and named:
            # "Brackenshire County Council" after "the council": the name fills in the body.
            holder = self.organisation_words.get(words[-1], -1)
            if (
                holder >= 0
                and not self.drafts[holder].named
                and self.drafts[holder].words <= set(words)
            ):
                draft = holder
        self._join(index, draft, "", "organisation")  # (``-1``: a new body)

    def _group(self, index: int) -> None:
        mention = self.mentions[index]
        draft = self.groups.get(mention.head, -1)
        if draft < 0:
            # "UK Government sources", "insiders": plural, but unnamed sources, not a group
            # of people speaking together.
            anonymous = mention.head in _ANONYMOUS_PLURALS
            self._join(index, -1, "", "anonymous" if anonymous else "group")
            return
        self._join(index, draft)

    # -- bookkeeping --

    def _join(self, index: int, draft_index: int, given: str = "", new_kind: str = "") -> None:
        """Join mention ``index`` to a draft, and file what it tells about it: a name is found
        by its surname, its first given name (``given``, from ``_name``) and any title it
        carries; a role by its keys; a body by its name and words.

        A ``draft_index`` of ``-1`` opens a new draft of type ``new_kind`` for the mention
        (opened here, not by a call of its own: every new draft is joined at once).
        """
        # One unpacking, not a dozen reads of the record's fields: the interpreter does not
        # specialise a read of a NamedTuple's field, a descriptor call each time.
        start, end, kind, gender, _, head, role, given_names = self.mentions[index]
        if draft_index < 0:
            draft_index = len(self.drafts)
            draft = _Draft(new_kind, index)
            self.drafts.append(draft)
        else:
            draft = self.drafts[draft_index]
        self.entity_of[index] = draft_index
        draft.mentions.append(index)
        if index > draft.last:
            draft.last = index
        if not draft.gender and gender in ("m", "f"):
            draft.gender = gender
        by_role = self.by_role
        if role:
            for key in _role_keys(role):
                by_role[key] = draft_index
        if kind == "name":
            draft.type = "person"
            if not draft.named:
                bisect.insort(self.people, draft_index)
            draft.named = True
            _file_under(self.by_surname, head, draft_index)
            if head:
                self.first_name_of.setdefault(head, index)
            if given:
                if given not in draft.givens:
                    draft.givens = (*draft.givens, given)
                _file_under(self.by_first_name, given, draft_index)
            written = self.text[start:end]
            if given_names:
                at = written.find(given_names)
            else:
                folded = written.lower()
                at = folded.find(head) if len(folded) == len(written) else -1
            if at > 0:
                # The words the mention carries before the name itself, a title besides an
                # apposition's role: "Gen." in "Gen. Lorraine Whitfield-Amadi", "Rural
                # transport minister" before "Joanna Tremayne-Obi".
                title = written[:at].strip()
                if title:
                    for key in _role_keys(title):
                        by_role[key] = draft_index
        elif kind == "role" or kind == "anonymous":
            for key in _role_keys(head):
                by_role[key] = draft_index
        elif kind == "organisation":
            self.organisations[head] = draft_index
            words = head.split()
            draft.words = draft.words.union(words)
            self.organisation_words.update(dict.fromkeys(words, draft_index))
            if len(words) > 1 and _is_proper(self.text[start:end]):
                draft.named = True  # a one-word "Council" still awaits its full name
            self.last_organisation = draft_index
        elif kind == "group":
            self.groups[head] = draft_index
            if _is_proper(self.text[start:end]):
                self.last_named_group = draft_index

    def _latest(self, drafts: list[int]) -> int:
        if len(drafts) == 1:
            return drafts[0]  # (most often: no key to read)
        return max(drafts, key=lambda d: self.drafts[d].last)

    def _gender_ok(self, draft_index: int, gender: str) -> bool:
        known = self.drafts[draft_index].gender
        return not known or gender not in ("m", "f") or known == gender


def _file_under(index: dict[str, list[int]], key: str, draft_index: int) -> None:
    """Add ``draft_index`` to the drafts ``index`` holds under ``key``, once. (A new key's list
    is built with its holder, not built empty on every join.)"""
    holders = index.get(key)
    if holders is None:
        index[key] = [draft_index]
    elif draft_index not in holders:
        holders.append(draft_index)


def _name_of(
    text: str, mentions: Sequence[Mention], kind: str, members: tuple[int, ...]
) -> str:
    """The name of an entity of type ``kind`` whose mentions are ``members``."""
    if kind == "person":
        # The fullest name: most words, the first written on a tie. One loop over the
        # mentions, no list of names: a speaker's mentions are many, most of them names (an
        # entity of type "person" holds at least one, so the first always takes ``-1``'s place).
        # How many words a mention's personal name has depends on its text, head and given
        # names alone (a test holds ``personal_name`` to this): a mention written as one read
        # before it cannot be fuller, and is passed over (a speaker's name again and again).
        best_name, most = "", -1
        read: set[tuple[str, str, str]] = set()
        for i in members:
            mention = mentions[i]
            start, end, mention_kind, _, _, head, _, given = mention
            if mention_kind != "name":
                continue
            written = text[start:end]
            if (written, head, given) not in read:
                read.add((written, head, given))
                name = personal_name(mention, text)
                words = len(name.split())
                if words > most:
                    best_name, most = name, words
        return best_name
    first = mentions[members[0]]
    best_text = text[first.start : first.end]
    if len(members) > 1:
        # The fullest phrase: most capitalised words, then most words, the first on a tie.
        best_key = (_capitalised_words(best_text), len(best_text.split()))
        for i in members:
            written = text[mentions[i].start : mentions[i].end]
            key = (_capitalised_words(written), len(written.split()))
            if key > best_key:
                best_text, best_key = written, key
    return _lowercase_article(best_text)


def _same_given(one: str, other: str) -> bool:
    """Whether two first given names can be one person's: equal, or an initial of the other."""
    if one == other:
        return True
    return (len(one) == 1 or len(other) == 1) and one[:1] == other[:1]


# ``_role_keys`` is pure and sees the same few roles over and over (every title and apposition
# of every article: a pass over PolNeAR dev asks 2,600 times about 341 roles), so its answers
# are kept; bounded, as roles come from text. ``_whole_role_keys`` is asked a sixth as often
# and keeps nothing.


@functools.lru_cache(maxsize=4096)
def _role_keys(role: str) -> tuple[str, ...]:
    """The keys a role is found under: each role of "president and chief executive", each by
    its whole key and by its shorter endings (``Chinese prime minister`` → ``prime minister``,
    ``minister``), longest first."""
    keys: list[str] = []
    for part in role.split(" and "):
        words = role_key(part).split()
        for size in range(len(words), 0, -1):
            candidate = " ".join(words[-size:])
            if candidate not in keys:
                keys.append(candidate)
    return tuple(keys)


def _whole_role_keys(role: str) -> tuple[str, ...]:
    """The whole key of each role of "president and chief executive", in order."""
    return tuple(role_key(part) for part in role.split(" and "))


# Asked of every organisation and group mention, twice of most organisations. Not kept: an
# article's phrases are mostly its own (a pass over PolNeAR dev asks 2,447 times about 1,149
# phrases), and a cache of the answers kept them for the articles after. Only the first two
# words are split off.
def _is_proper(phrase: str) -> bool:
    """Whether a body's phrase is a proper name: its first word after an article capitalised."""
    words = phrase.split(None, 2)
    if words and words[0].lower() in _ARTICLES and len(words) > 1:
        words = words[1:]
    return bool(words) and words[0][:1].isupper()


def _capitalised_words(phrase: str) -> int:
    words = phrase.split()
    if words and words[0].lower() in _ARTICLES:
        words = words[1:]
    return sum(1 for word in words if word[:1].isupper())


def _lowercase_article(phrase: str) -> str:
    first, space, rest = phrase.partition(" ")
    if space and first.lower() in _ARTICLES:
        return first.lower() + space + rest
    return phrase
