"""Extraction with the real model: the seed article's facts, and each module's rules."""

import pytest

from briefings.clean import prepare
from briefings.clean.stage import paragraph_kind
from briefings.content import read_article
from briefings.extract import extract_doc
from briefings.extract.participants import find_participants
from briefings.extract.quotes import find_quote_spans, find_quotes

from conftest import SEED


@pytest.fixture(scope="module")
def seed(parse):
    art, _ = read_article(SEED)
    return extract_doc(parse(art.text), 3)


def test_seed_quotes_are_four_with_full_names(seed):
    speakers = [q.speaker for q in seed.quotes]
    assert speakers == ["William Hague", "William Hague", "Fumio Kishida", "Fumio Kishida"]
    assert seed.quotes[0].text.startswith("We support Japan")
    assert seed.quotes[1].text.startswith("We welcome a more active role")
    assert seed.quotes[2].text == "I personally believe there is huge space"
    assert seed.quotes[3].text.startswith("We would like to deepen cooperation")


def test_seed_participants(seed):
    people = {p.name: p for p in seed.participants}
    assert people["Fumio Kishida"].type == "PERSON" and people["Fumio Kishida"].role == "Foreign Minister"
    hague = people["William Hague"]
    assert (hague.type, hague.role, hague.nationality) == ("PERSON", "Foreign Secretary", "British")
    assert hague.title == "British Foreign Secretary"
    assert people["Shinzo Abe"].role == "Prime Minister"
    assert people["Japan"].type == "GPE"
    uk = people["United Kingdom"]
    assert uk.type == "GPE" and {"U.K.", "Britain", "British"} <= set(uk.aliases)
    assert not any(p.name in ("Hague", "Kishida", "British", "Britain", "U.K.") for p in seed.participants)
    assert len(people) == len(seed.participants), "each participant once"


def test_seed_key_points_skip_plea_and_filler(seed):
    texts = [k.text for k in seed.key_points]
    assert len(texts) == 3
    assert texts[0].startswith("Foreign Minister Fumio Kishida and British Foreign Secretary William Hague agreed")
    assert not any("subscrib" in t or "misinformation" in t for t in texts)
    assert "The first dialogue was held last October." not in texts


@pytest.mark.parametrize(
    "paragraph, reason",
    [
        ("By subscribing, you can help us get the story right.", "plea"),
        (
            "In a time of both misinformation and too much information, quality journalism is more crucial than ever.",
            "plea",
        ),
        ("Facebook Twitter WhatsApp Email", "share"),
        ("By Jane Smith", "byline"),
        ("Additional reporting by Tom Jones in Paris", "credit"),
        ("Reporting by A; Editing by B", "credit"),
        ("1 of 4.", "caption"),
        ("Read more: Why the pound fell", "promo"),
        ("Advertisement", "label"),  # a label, as tests/data/boilerplate/README.md files it
        ("Sign up for our morning newsletter", "plea"),
    ],
)
def test_boilerplate_paragraphs(paragraph, reason):
    assert paragraph_kind(paragraph) == reason


@pytest.mark.parametrize(
    "paragraph",
    [
        "More than 100 people died in the attack, officials said.",
        "He told Reuters the deal was off.",
        "Netflix added two million subscribers in the quarter.",
        "By the end of the year, prices had doubled.",
    ],
)
def test_story_paragraphs_are_kept(paragraph):
    assert paragraph_kind(paragraph) is None


def test_inline_stamps_are_cut_and_the_sentence_kept():
    assert prepare("(CNN) -- The storm hit at dawn.") == "The storm hit at dawn."
    assert (
        prepare("PUBLISHED: 10:21 EST, 12 May 2014 | UPDATED: 10:33 EST, 12 May 2014 A man has died.")
        == "A man has died."
    )


def test_quote_marks_curly_straight_unbalanced_and_multi_paragraph():
    text = (
        '“Curly one,” she said. "Straight one," he said.\n\n'
        "“Opens and runs to the end of the paragraph\n\n"
        "“and carries on here,” he said.\n\n"
        "An unbalanced ” mark does not stop the next paragraph.\n\n"
        "He called it ‘a disaster’ yesterday."
    )
    quoted = [text[s.start : s.end] for s in find_quote_spans(text)]
    assert quoted == [
        "Curly one",
        "Straight one",
        "Opens and runs to the end of the paragraph",
        "and carries on here",
        "a disaster",
    ]


def test_cues_and_continuations(parse):
    doc = parse(
        "Prime Minister Tony Blair spoke in London on Monday.\n\n"
        '"We will not waver," said Mr Blair. "Not now, not ever, whatever the cost."\n\n'
        'According to Gordon Brown, "the figures are clear and they are good for families."\n\n'
        'Brown told reporters: "We will publish the full plan next week."'
    )
    quotes = find_quotes(doc, find_participants(doc))
    assert [(q.speaker, q.cue) for q in quotes] == [
        ("Tony Blair", "said"),
        ("Tony Blair", None),
        ("Gordon Brown", "according to"),
        ("Gordon Brown", "told"),
    ]


def test_pronoun_speaker_resolves_to_the_person(parse):
    doc = parse(
        "Health Secretary Jane Hewitt visited the hospital.\n\n"
        '"The staff here are doing a remarkable job under great pressure," she said.'
    )
    quotes = find_quotes(doc, find_participants(doc))
    assert quotes[0].speaker == "Jane Hewitt"
