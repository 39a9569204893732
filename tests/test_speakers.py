"""Tests for ``quoteattr.speakers``: mentions clustered into people and bodies, and their names.

The short texts are our own. ``D01``, ``D09``, ``D15``, ``D20`` and ``D22`` are five of the
project's hand-made development articles (``shared/data/handmade/dev.jsonl``, our text),
embedded whole with the spans of their annotated quotes (marks included), as the attribution
stage passes them; the names expected of them are the annotators' ``speaker`` fields.
"""

from __future__ import annotations

from typing import NamedTuple

import pytest
from hypothesis import given
from hypothesis import strategies as st

from quoteattr import speakers
from quoteattr.mentions import Mention, find_mentions, personal_name
from quoteattr.speakers import Entity, cluster

from .strategies import articles


class Article(NamedTuple):
    id: str
    text: str
    spans: list[tuple[int, int]]


D01 = Article(
    "d01",
    (
        "Pellow Vale branch line to close for 18 months\n\n"
        "Share this article\n\n"
        "Passengers on the Amberleigh to Hadley Cross branch line face a year and a half "
        "without trains after Pellow Vale Railways confirmed the route will close in "
        "March for repairs to the Ostley viaduct.\n\n"
        "Gareth Penhaligon, the operator’s chief executive, said: “We know this is "
        "painful news for the 4,000 people who use the line every day. The viaduct is "
        "160 years old and the survey left us no choice.\n\n"
        "“Replacement buses will run every 15 minutes at peak times, and season tickets "
        "will be accepted on them without exception.”\n\n"
        "The chief executive added that engineers had looked at keeping one track open "
        "but had ruled it out on safety grounds.\n\n"
        "Advertisement\n\n"
        "Local councillors were less forgiving. Cllr Brenda Oyelowo, who represents "
        "Hadley Cross on Ostley District Council, called the closure “a slap in the "
        "face” for commuters who were promised faster trains in 2019.\n\n"
        "“Five years ago they stood in our town hall and talked about an upgrade,” she "
        "said. “Now we get a bus that takes twice as long. Who exactly is this for?”\n\n"
        "Mr Penhaligon said the viaduct’s iron bearings were “beyond patching” and would "
        "have to be replaced one by one.\n\n"
        "A spokeswoman for the Department for Regional Transport said ministers were "
        "“monitoring the situation closely”. The spokeswoman said no decision had yet "
        "been taken on compensation for season ticket holders.\n\n"
        "Passengers at Amberleigh station on Tuesday morning said they would probably "
        "drive instead.\n\n"
        "“I’ve done this commute for 22 years,” said Denise Hartigan, a theatre nurse at "
        "Hadley Cross General Hospital. “I’ll give the bus a week, and then I’ll give "
        "up.”"
    ),
    [
        (200, 263),
        (323, 464),
        (466, 589),
        (622, 707),
        (860, 880),
        (937, 1010),
        (1021, 1090),
        (1111, 1202),
        (1144, 1161),
        (1266, 1315),
        (1281, 1315),
        (1338, 1410),
        (1470, 1503),
        (1506, 1544),
        (1617, 1667),
    ],
)

D09 = Article(
    "d09",
    (
        "Army to reopen Fort Tamsin firing range despite neighbors' fears\n\n"
        "The Army will resume live-fire training at the Fort Tamsin range next month, "
        "ending a two-year pause ordered after stray rounds struck a farmhouse in "
        "neighboring Colderidge Township, officials said Friday.\n\n"
        "Gen. Lorraine Whitfield-Amadi, who commands the installation, said new earth "
        'berms and a redesigned range layout meant "the chance of a repeat is as close '
        'to zero as we can make it."\n\n'
        '"We owe the people of Colderidge an apology," the general said in an interview, '
        '"and I am giving it again today."\n\n'
        "Not everyone is persuaded. Hollis and Maeve Brandvold, whose farmhouse was hit "
        "by three rounds in 2022, have hired a lawyer.\n\n"
        '"We heard the same promises last time," Maeve Brandvold said. Her husband was '
        'blunter. "I\'ll believe it when the shells stop landing in my hayfield."\n\n'
        "The couple's attorney, Rafael Ordóñez-Whitlock, said the Army had refused to "
        "release the engineering study on which the decision was based.\n\n"
        '"Show us the study," he said. "If it\'s as good as they say, what\'s the harm?"\n\n'
        "In a statement, the office of Rep. Curtis Vandermeer (R-Neb.) said the "
        "congressman had asked the Army to delay the reopening until the study was made "
        "public.\n\n"
        'Whitfield-Amadi said the study would be released "in the coming weeks."'
    ),
    [
        (66, 247),
        (340, 455),
        (392, 455),
        (457, 502),
        (537, 570),
        (698, 737),
        (785, 847),
        (902, 987),
        (990, 1010),
        (1020, 1067),
        (1136, 1225),
        (1249, 1299),
        (1277, 1299),
    ],
)

D15 = Article(
    "d15",
    (
        "Minister defends rural bus cuts as peers threaten revolt\n\n"
        "Rural transport minister Joanna Tremayne-Obi has defended plans to withdraw "
        'funding from 140 country bus routes, insisting the money will be "better spent '
        'on services people actually use".\n\n'
        "Speaking on Harbourside FM's breakfast programme, the minister said many of the "
        'routes carried "fewer than four passengers a day".\n\n'
        "\"I'm not going to defend a bus that runs empty up and down a valley twice a "
        'day," she said. "That isn\'t a service, it\'s a ritual."\n\n'
        "The plans face a rough ride in the upper chamber. Baroness Penhallow of Treen, "
        "a former county council leader who sits as a crossbencher, said she had "
        "gathered the support of more than 60 peers for an amendment protecting routes "
        "that serve villages without a railway station.\n\n"
        '"The minister talks about empty buses," she said. "I talk about a 90-year-old '
        "woman in Carrowby who has no other way to get to her GP. Which of us is "
        'describing the real countryside?"\n\n'
        "Asked about the baroness's remarks, Ms Tremayne-Obi said: \"I have enormous "
        "respect for her. But respect doesn't fill a bus.\"\n\n"
        '"Nobody is taking away a bus that people rely on," said the minister. "We are '
        'taking away buses that nobody rides."\n\n'
        "A Department for Rural Affairs spokesman said the changes would save £38m a "
        "year, which would be reinvested in demand-responsive minibus services."
    ),
    [
        (181, 245),
        (199, 245),
        (316, 377),
        (343, 377),
        (380, 461),
        (472, 510),
        (655, 786),
        (789, 828),
        (839, 972),
        (1032, 1098),
        (1100, 1150),
        (1170, 1215),
        (1263, 1362),
    ],
)

D20 = Article(
    "d20",
    (
        "Judge halts demolition of Carver Street mill\n\n"
        "A county judge on Friday temporarily blocked the demolition of the Carver "
        "Street textile mill, a 19th-century landmark that developers want to replace "
        "with 300 “luxury” apartments.\n\n"
        "Judge Lucía de la Fuente granted a restraining order sought by the Hollin "
        "Valley Preservation Society, which argues that the city approved the demolition "
        "without a required historical review.\n\n"
        "“Once a building like this is gone, it is gone,” the judge said from the bench. "
        "“This court is not going to let a bulldozer decide the case before the lawyers "
        "do.”\n\n"
        "According to court documents, the developer, Stanmore Greaves Partners, had "
        "already stripped the mill’s roof slates and sold its cast-iron columns to a "
        "salvage yard.\n\n"
        "A lawyer for the developer, Franklin Adebayo-Marsh, said the company had "
        "followed “every rule the city gave us.”\n\n"
        "“My client is being punished,” Mr. Adebayo-Marsh said, “for doing exactly what "
        "it was told to do.”\n\n"
        "The preservation society’s president, Cordelia ten Brink, wept on the "
        "courthouse steps. “We have been asking for a hearing for two years,” she said. "
        "“Today, somebody finally listened.”\n\n"
        "A hearing on a permanent injunction is scheduled for Dec. 9. A spokeswoman for "
        "Stanmore Greaves said the company would appeal."
    ),
    [
        (206, 214),
        (349, 418),
        (421, 469),
        (501, 584),
        (616, 750),
        (810, 865),
        (835, 865),
        (867, 897),
        (922, 965),
        (1055, 1105),
        (1116, 1151),
        (1254, 1278),
    ],
)

D22 = Article(
    "d22",
    (
        "Council's footbridge U-turn leaves ramblers fuming\n\n"
        "Brackenshire County Council has scrapped plans to rebuild the Mill Beck "
        "footbridge, three months after assuring walkers that it would reopen by Easter.\n\n"
        "In a statement, the county council said rising steel prices had pushed the cost "
        "from £180,000 to more than £400,000. It called the new figure 'simply "
        "unaffordable'.\n\n"
        "'We know how much this bridge means to people,' the statement said. 'But we "
        "cannot justify spending £400,000 on a crossing used by fewer than 50 people a "
        "day.'\n\n"
        "The Brackenfold Ramblers, whose members have walked the Mill Beck path every "
        "Sunday since 1952, said they were 'appalled'.\n\n"
        "In a letter to the council signed by its chair, Hester Quigley, the group said: "
        "'The council's own survey counted walkers on a wet Tuesday in February. Come "
        "and count us on a Sunday in June.'\n\n"
        "A council source said the decision had been 'forced on us' by cuts to the "
        "highways budget.\n\n"
        "According to a spokesman, the council will now install stepping stones across "
        "the beck as a temporary crossing.\n\n"
        "Mrs Quigley, 77, was unimpressed. 'Stepping stones! At my age!' she said. "
        "'They'll be fishing us out of the beck by the bucketload.'"
    ),
    [
        (177, 202),
        (245, 320),
        (347, 368),
        (371, 418),
        (439, 530),
        (633, 653),
        (643, 653),
        (736, 847),
        (871, 938),
        (893, 907),
        (967, 1051),
        (1088, 1117),
        (1128, 1186),
    ],
)

ARTICLES = [D01, D09, D15, D20, D22]


class Clustered(NamedTuple):
    text: str
    mentions: tuple[Mention, ...]
    entities: tuple[Entity, ...]
    entity_of: tuple[int, ...]

    def entity(self, mention_text: str, occurrence: int = 0) -> Entity:
        """The entity of the ``occurrence``-th mention written ``mention_text``."""
        indexes = [i for i, m in enumerate(self.mentions) if self.written(m) == mention_text]
        assert len(indexes) > occurrence, [self.written(m) for m in self.mentions]
        position = self.entity_of[indexes[occurrence]]
        assert position >= 0, f"{mention_text!r} joins no entity"
        return self.entities[position]

    def texts(self, entity: Entity) -> list[str]:
        return [self.written(self.mentions[i]) for i in entity.mentions]

    def written(self, mention: Mention) -> str:
        return self.text[mention.start : mention.end]

    def names(self) -> list[str]:
        return [entity.name for entity in self.entities]


def clustered(text: str, spans: list[tuple[int, int]] | None = None) -> Clustered:
    mentions = find_mentions(text, spans or [])
    entities, entity_of = cluster(text, mentions)
    return Clustered(text, mentions, entities, entity_of)


# --- the result's shape --------------------------------------------------------------------


@pytest.mark.parametrize("article", ARTICLES, ids=lambda a: a.id)
def test_entities_and_entity_of_agree(article: Article) -> None:
    result = clustered(article.text, article.spans)
    assert len(result.entity_of) == len(result.mentions)
    assert [e.id for e in result.entities] == [f"s{i + 1}" for i in range(len(result.entities))]
    firsts = [e.mentions[0] for e in result.entities]
    assert firsts == sorted(firsts)  # numbered in order of first mention
    for position, entity in enumerate(result.entities):
        assert entity.mentions == tuple(sorted(entity.mentions))
        assert all(result.entity_of[i] == position for i in entity.mentions)
        assert entity.type in ("person", "organisation", "anonymous", "group", "unknown")
        assert entity.gender in ("m", "f", "")
        assert entity.name
    for index, mention in enumerate(result.mentions):
        assert (result.entity_of[index] == -1) == (mention.kind == "pronoun")


# Pieces of text that open, join and appose entities of every kind, for the property below.
_PIECES = [
    "Prime Minister David Cameron", "Mr Cameron", "Cameron", "the PM", "Hillary Clinton",
    "Bill Clinton", "Mrs Clinton", "Mr Li", "Li Keqiang", "the chief executive",
    "Gareth Penhaligon", "a spokeswoman for SkyLink", "the spokeswoman", "Westmere Police",
    "the council", "Brackenshire County Council", "the company", "residents", "officials",
    "sources", "the minister", "Mayor Ana Ruiz", "she", "he", "said", "told", "and", ",", ".",
]


@given(st.lists(st.sampled_from(_PIECES), max_size=40).map(" ".join))
def test_entities_come_in_order_of_first_mention(text: str) -> None:
    # ``cluster`` numbers its entities in the order it opens them: this checks that it opens
    # them in order of first mention, appositions (``the chief executive , Gareth
    # Penhaligon``) included, and that each has a mention.
    result = clustered(text)
    firsts = [entity.mentions[0] for entity in result.entities]
    assert firsts == sorted(set(firsts))
    for position, entity in enumerate(result.entities):
        assert entity.mentions == tuple(sorted(entity.mentions))
        assert [result.entity_of[i] for i in entity.mentions] == [position] * len(entity.mentions)


def test_empty() -> None:
    assert cluster("", []) == ((), ())
    assert cluster("He said so.", find_mentions("He said so.", [])) == ((), (-1,))


# --- names -----------------------------------------------------------------------------------


def test_the_pm_case() -> None:
    result = clustered(
        "Prime Minister David Cameron flew in. Mr Cameron met the mayor. Later the PM said the "
        "prime minister had not been told. Cameron left."
    )
    cameron = result.entity("Prime Minister David Cameron")
    assert (cameron.name, cameron.type, cameron.gender) == ("David Cameron", "person", "m")
    assert result.texts(cameron) == [
        "Prime Minister David Cameron",
        "Mr Cameron",
        "the PM",
        "the prime minister",
        "Cameron",
    ]
    assert result.entity("the mayor").type == "unknown"


def test_the_clinton_case() -> None:
    result = clustered(
        "Bill Clinton and Hillary Clinton arrived. Mrs Clinton spoke first. Mr Clinton waved. "
        "Then Clinton left."
    )
    bill, hillary = result.entities
    assert (bill.name, bill.gender) == ("Bill Clinton", "m")
    assert (hillary.name, hillary.gender) == ("Hillary Clinton", "f")
    assert result.texts(hillary) == ["Hillary Clinton", "Mrs Clinton"]
    # A bare surname joins the most recent holder of it.
    assert result.texts(bill) == ["Bill Clinton", "Mr Clinton", "Clinton"]


def test_a_title_first_then_the_full_name() -> None:
    result = clustered("Mr Cameron arrived. David Cameron said so. Then Samantha Cameron spoke.")
    assert result.names() == ["David Cameron", "Samantha Cameron"]
    assert result.texts(result.entities[0]) == ["Mr Cameron", "David Cameron"]


def test_the_li_keqiang_case() -> None:
    # Li is the family name, written first: "Mr Li" and "Premier Li" join by the first word.
    result = clustered(
        "Chinese prime minister Li Keqiang met Lord Smith. Mr Li said trade mattered. "
        "Premier Li smiled. The prime minister left."
    )
    li = result.entity("Chinese prime minister Li Keqiang")
    assert (li.name, li.type) == ("Li Keqiang", "person")
    assert result.texts(li) == [
        "Chinese prime minister Li Keqiang",
        "Mr Li",
        "Premier Li",
        "The prime minister",
    ]


def test_the_family_name_first_then_the_full_name() -> None:
    result = clustered("Mr Li arrived. Li Keqiang said trade mattered.")
    assert [(e.name, len(e.mentions)) for e in result.entities] == [("Li Keqiang", 2)]


def test_a_surname_does_not_join_across_genders() -> None:
    result = clustered("Mr Okafor spoke. Then Mrs Okafor spoke.")
    assert [(e.name, e.gender) for e in result.entities] == [("Okafor", "m"), ("Okafor", "f")]


def test_an_initial_joins_the_given_name() -> None:
    result = clustered("John F. Kennedy spoke. J. Kennedy was cheered. Kennedy left.")
    assert [(e.name, len(e.mentions)) for e in result.entities] == [("John F. Kennedy", 3)]


def test_the_fullest_name_without_titles() -> None:
    result = clustered("Mr. Adebayo-Marsh said so. A lawyer, Franklin Adebayo-Marsh, agreed.")
    lawyer = result.entity("Mr. Adebayo-Marsh")
    assert lawyer.name == "Franklin Adebayo-Marsh"
    assert result.entity("A lawyer") is lawyer


def test_a_given_name_alone_joins_its_person() -> None:
    result = clustered("My uncle Walter Pike had it. Walter rang my mother.")
    assert result.entity("Walter") is result.entity("My uncle Walter Pike")
    assert result.entity("Walter").name == "Walter Pike"


# --- roles -----------------------------------------------------------------------------------


def test_an_apposition_role_joins_its_name() -> None:
    result = clustered(
        "Gareth Penhaligon, the operator's chief executive, said so. The chief executive added "
        "more. Mr Penhaligon left."
    )
    (gareth,) = result.entities
    assert gareth.name == "Gareth Penhaligon"
    assert len(gareth.mentions) == 4


def test_a_role_from_a_title_joins_its_name() -> None:
    result = clustered("Gen. Lorraine Whitfield-Amadi spoke. Then the general said so.")
    assert [(e.name, len(e.mentions)) for e in result.entities] == [("Lorraine Whitfield-Amadi", 2)]


def test_a_role_joins_its_latest_holder() -> None:
    result = clustered(
        "Labour leader Jo Smith spoke. Tory leader Ann Lee replied. The leader then left."
    )
    assert result.entity("The leader").name == "Ann Lee"


def test_a_synonym_and_a_compound_role_join() -> None:
    result = clustered(
        "Rural transport minister Joanna Tremayne-Obi spoke. The minister said so. Acme CEO "
        "Priya Patel agreed. The chief executive left."
    )
    assert result.entity("The minister").name == "Joanna Tremayne-Obi"
    assert result.entity("The chief executive").name == "Priya Patel"


def test_a_role_of_the_other_gender_does_not_join() -> None:
    result = clustered("Ms Ann Lee, the chairwoman, spoke. The chairman disagreed.")
    assert result.entity("The chairman").type == "unknown"
    assert result.entity("the chairwoman").name == "Ann Lee"


def test_unnamed_sources() -> None:
    result = clustered(
        "A spokeswoman for SkyLink said so. The spokeswoman added more. A spokeswoman for the "
        "council disagreed. A council source said it was forced on them. The source went on."
    )
    first, second, source = (e for e in result.entities if e.type == "anonymous")
    assert (first.name, first.gender) == ("a spokeswoman for SkyLink", "f")
    assert result.texts(first) == ["A spokeswoman for SkyLink", "The spokeswoman"]
    assert result.texts(second) == ["A spokeswoman for the council"]
    assert result.texts(source) == ["A council source", "The source"]


def test_a_role_with_no_holder_yet() -> None:
    # A definite role opens an "unknown" entity that its holder's name joins later; an
    # indefinite one is an unnamed person, whom a name never joins.
    result = clustered(
        "The mayor said so. Later Mayor Ana Ruiz, 52, spoke again. A lawyer said so. "
        "Then lawyer Tom Hale spoke."
    )
    ruiz = result.entity("The mayor")
    assert (ruiz.name, ruiz.type) == ("Ana Ruiz", "person")
    assert result.texts(ruiz) == ["The mayor", "Mayor Ana Ruiz"]
    assert result.entity("A lawyer").type == "anonymous"
    assert result.entity("lawyer Tom Hale").name == "Tom Hale"


# --- bodies and groups -----------------------------------------------------------------------


def test_organisations_join_by_their_words() -> None:
    result = clustered(
        "Brackenshire County Council has scrapped the plan. The county council said so. "
        "Westmere Police disagreed. Then the council said so again."
    )
    council = result.entity("Brackenshire County Council")
    assert council.type == "organisation"
    assert result.texts(council) == [
        "Brackenshire County Council",
        "The county council",
        "the council",
    ]
    assert result.entity("Westmere Police").name == "Westmere Police"


def test_a_generic_noun_joins_the_latest_body() -> None:
    result = clustered("Plumline Labs made the app. Then the company said sorry.")
    assert [(e.name, len(e.mentions)) for e in result.entities] == [("Plumline Labs", 2)]


def test_a_common_noun_with_no_body_before_it() -> None:
    result = clustered("The council said so. Then the museum closed.")
    assert [(e.name, e.type) for e in result.entities] == [
        ("the council", "organisation"),
        ("the museum", "organisation"),
    ]


def test_groups_join_by_head_noun() -> None:
    result = clustered("Residents who spoke were angry. Officials said so. Later residents left.")
    assert [(e.name, e.type, len(e.mentions)) for e in result.entities] == [
        ("Residents", "group", 2),
        ("Officials", "group", 1),
    ]


def test_the_group_is_the_latest_named_group() -> None:
    result = clustered("The Brackenfold Ramblers, whose members walk, met. The group said so.")
    assert [(e.name, len(e.mentions)) for e in result.entities] == [("the Brackenfold Ramblers", 2)]


# --- the hand-made articles --------------------------------------------------------------------


def test_d01() -> None:
    result = clustered(D01.text, D01.spans)
    gareth = result.entity("Gareth Penhaligon")
    assert result.texts(gareth) == [
        "Gareth Penhaligon",
        "the operator\N{RIGHT SINGLE QUOTATION MARK}s chief executive",
        "The chief executive",
        "Mr Penhaligon",
    ]
    spokeswoman = result.entity("The spokeswoman")
    assert (spokeswoman.name, spokeswoman.type) == (
        "a spokeswoman for the Department for Regional Transport",
        "anonymous",
    )
    assert result.entity("Cllr Brenda Oyelowo").name == "Brenda Oyelowo"
    assert result.entity("Pellow Vale Railways").type == "organisation"
    assert result.entity("Denise Hartigan").name == "Denise Hartigan"


def test_d09() -> None:
    result = clustered(D09.text, D09.spans)
    general = result.entity("Gen. Lorraine Whitfield-Amadi")
    assert result.texts(general) == [
        "Gen. Lorraine Whitfield-Amadi",
        "the general",
        "Whitfield-Amadi",
    ]
    assert result.entity("Rafael Ordóñez-Whitlock") is result.entity("The couple's attorney")
    assert result.entity("officials").type == "group"


def test_d09_two_given_names() -> None:
    # "Hollis and Maeve Brandvold": a given name the list knows (Maeve) lets the one before it
    # share the surname.
    assert "Hollis Brandvold" in clustered(D09.text, D09.spans).names()


def test_d15() -> None:
    result = clustered(D15.text, D15.spans)
    joanna = result.entity("Rural transport minister Joanna Tremayne-Obi")
    assert joanna.name == "Joanna Tremayne-Obi"
    # The headline's "Minister" is hers too.
    assert result.texts(joanna) == [
        "Minister",
        "Rural transport minister Joanna Tremayne-Obi",
        "the minister",
        "Ms Tremayne-Obi",
        "the minister",
    ]
    assert result.entity("Baroness Penhallow of Treen").name == "Baroness Penhallow of Treen"
    assert result.entity("A Department for Rural Affairs spokesman").name == (
        "a Department for Rural Affairs spokesman"
    )


def test_d20() -> None:
    result = clustered(D20.text, D20.spans)
    assert result.texts(result.entity("Judge Lucía de la Fuente")) == [
        "Judge Lucía de la Fuente",
        "the judge",
    ]
    franklin = result.entity("Mr. Adebayo-Marsh")
    assert franklin.name == "Franklin Adebayo-Marsh"
    assert result.entity("A lawyer for the developer") is franklin
    assert result.entity("Cordelia ten Brink").name == "Cordelia ten Brink"
    assert result.entity("A spokeswoman for Stanmore Greaves").type == "anonymous"


def test_d22() -> None:
    result = clustered(D22.text, D22.spans)
    council = result.entity("Brackenshire County Council")
    # The headline's "Council" is the same body.
    assert result.texts(council) == [
        "Council",
        "Brackenshire County Council",
        "the county council",
        "the council",
    ]
    assert council.name == "Brackenshire County Council"
    hester = result.entity("Hester Quigley")
    assert result.texts(hester) == ["its chair", "Hester Quigley", "Mrs Quigley"]
    assert (hester.name, hester.gender) == ("Hester Quigley", "f")
    assert result.entity("A council source").name == "a council source"
    assert result.entity("the group").name == "the Brackenfold Ramblers"


@given(articles())
def test_clusters_know_the_first_name_mention_of_each_head(text: str) -> None:
    """``Clusters.first_name_of``, filed as the names are joined, is the first name mention of
    each head in text order (an apposition's name is joined a step early)."""
    mentions = find_mentions(text, [])
    expected: dict[str, int] = {}
    for index, mention in enumerate(mentions):
        if mention.kind == "name" and mention.head:
            expected.setdefault(mention.head, index)
    assert speakers.clustered(text, mentions).first_name_of == expected


def test_first_name_of_an_apposition() -> None:
    text = "The couple's attorney, Rafael Ordonez, said so. Mr Ordonez left with Ann Cole."
    mentions = find_mentions(text, [])
    first = speakers.clustered(text, mentions).first_name_of
    written = {
        head: text[mentions[index].start : mentions[index].end] for head, index in first.items()
    }
    assert written == {
        "ordonez": "Rafael Ordonez",
        "cole": "Ann Cole",
    }


# Names whose surname is not inside the mention (looked up after it), and names whose
# lowercase is longer than they are (the dotted capital I), said again and again.
_NAME_PIECES = [
    "Hollis and Maeve Brandvold", "Mr Brandvold", "Hollis", "\u0130lhan \u00d6zt\u00fcrk",
    "Mr \u00d6zt\u00fcrk", "Dr \u0130NCE", "Ms Ada Obi", "Obi", "Baroness Penhallow of Treen",
    " said. ", ", ", " met ", " and ", "\n\n",
]


@given(st.one_of(articles(), st.lists(st.sampled_from(_NAME_PIECES), max_size=12).map("".join)))
def test_a_personal_names_length_depends_on_its_mentions_words(text: str) -> None:
    """An entity's name passes over a mention written as one read before it, with the same head
    and given names: ``personal_name`` gives both as many words, wherever they stand (a surname
    looked up after the mention is the head as written, its spaces where the head has them)."""
    words: dict[tuple[str, str, str], int] = {}
    for mention in find_mentions(text, []):
        if mention.kind == "name":
            count = len(personal_name(mention, text).split())
            key = (text[mention.start : mention.end], mention.head, mention.given)
            assert words.setdefault(key, count) == count, (mention, words)
