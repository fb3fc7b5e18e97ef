"""Quotes: every direct quote found and attributed to the right person by full name.

Each case is built from real sentences of ../shared/corpus (the file is cited above each
test), parsed by the real model through the `parse` fixture (boilerplate removal included).
"""

from __future__ import annotations

import pytest

from briefings.extract.participants import find_participants
from briefings.extract.quotes import find_quote_spans, find_quotes
from briefings.model import Extraction, Quote, informative_first


@pytest.fixture(scope="module")
def quotes_of(parse):
    def run(text: str) -> list[Quote]:
        doc = parse(text)
        return find_quotes(doc, find_participants(doc))

    return run


def by_text(quotes: list[Quote], start: str) -> Quote:
    found = [q for q in quotes if q.text.startswith(start)]
    assert found, f"no quote starting {start!r} in {[q.text[:40] for q in quotes]}"
    return found[0]


# -- quote marks ------------------------------------------------------------------------


def test_straight_double_quotes_one_per_sentence(quotes_of):
    # bbc/politics/144.txt: the BBC opens every sentence of a quote and closes only the last
    text = (
        "Quentin Davies, the MP for Grantham and Stamford, was attacked in a notoriously dangerous "
        "park in the capital, Nairobi. He was not hurt in the mugging on Saturday evening.\n\n"
        'He said in a statement: "It was a frightening experience. "Six men managed to steal up on me '
        'and grab me from behind. "I knew I had to stay very calm and passive - you cannot fight six men".'
    )
    quotes = quotes_of(text)
    assert [q.text for q in quotes] == [
        "It was a frightening experience.",
        "Six men managed to steal up on me and grab me from behind.",
        "I knew I had to stay very calm and passive - you cannot fight six men",
    ]
    assert {q.speaker for q in quotes} == {"Quentin Davies"}
    assert quotes[0].cue == "said"


def test_single_quotes_and_a_quote_over_several_paragraphs(quotes_of):
    # news/dailymail_hindmarch.txt: Daily Mail 'single quotes'; the quote opened after
    # "she replied:" is never closed in its paragraph and runs to its end
    text = (
        "But Anya Hindmarch has launched a stinging attack on maternity laws – which she believes "
        "hinder rather than help women in the workplace.\n\n"
        "‘There is a brown envelope flashing above every woman’s head in terms of tribunal threat,’ "
        "she declared.\n\n"
        "Asked by Labour MP Julie Elliott why she could not have these types of conversation, she "
        "replied: ‘I find myself treading on eggshells and becoming hugely legal. It just feels really wrong.\n\n"
        "‘It would be great if you were able to have a sensible chat. I would prefer it to go a stage further.’"
    )
    quotes = quotes_of(text)
    envelope = by_text(quotes, "There is a brown envelope")
    assert envelope.text.endswith("tribunal threat")  # the comma before the cue is not the quote's
    assert envelope.speaker == "Anya Hindmarch" and envelope.cue == "declared"
    eggshells = by_text(quotes, "I find myself treading on eggshells")
    assert eggshells.text.endswith("It just feels really wrong.")
    assert eggshells.speaker == "Anya Hindmarch"  # "she", not Julie Elliott who asked
    chat = by_text(quotes, "It would be great")
    assert chat.speaker == "Anya Hindmarch" and chat.cue is None  # a continuation paragraph


def test_nested_quotes_stay_inside(quotes_of):
    # bbc/politics/408.txt
    text = (
        "Labour election co-ordinator Alan Milburn said Michael Howard had no vision. Mr Howard said: "
        '"One day you will be able to tell your children and grandchildren as I will tell mine, '
        "'I was there. I did my bit. I played my part.'\""
    )
    quotes = quotes_of(text)
    assert len(quotes) == 1
    assert quotes[0].text.startswith("One day you will") and "'I was there." in quotes[0].text
    assert quotes[0].speaker == "Michael Howard"


def test_ellipsis_inside_a_quote(quotes_of):
    # bbc/politics/329.txt
    text = (
        "The Times on Monday said Australian Lynton Crosby told the party leader to focus on trying to "
        "increase the Tories' Commons presence by 25 to 30 seats. But Mr Crosby said in a statement: "
        '"I have never had any such conversation... and I do not hold that view."'
    )
    quotes = quotes_of(text)
    assert [(q.text, q.speaker) for q in quotes] == [
        ("I have never had any such conversation... and I do not hold that view.", "Lynton Crosby")
    ]


def test_unbalanced_marks_cost_one_paragraph_not_the_article():
    # bbc/politics/408.txt: Mr Milburn's first quote is never closed
    text = (
        "Labour election co-ordinator Alan Milburn said: \"Michael Howard's speech today confirms what "
        "we have always said - that his only strategy is opportunism.\n"
        'Mr Milburn said: "Michael Howard is perfectly entitled to pose with his family today."'
    )
    spans = find_quote_spans(text)
    assert [text[s.start : s.end] for s in spans] == [
        "Michael Howard's speech today confirms what we have always said - that his only strategy is opportunism.",
        "Michael Howard is perfectly entitled to pose with his family today.",
    ]
    assert not spans[0].closed and spans[1].closed


# -- cues -------------------------------------------------------------------------------


def test_colon_cue_told_reporters_gives_the_full_name(quotes_of):
    # bbc/politics/147.txt: "Dr Fox" is Liam Fox
    text = (
        "Tory co-chairman Liam Fox said the comments were at odds with Tony Blair's prediction of a "
        "net cut in immigration.\n\n"
        'On Monday, Dr Fox told reporters: "The prime minister has broken his word so many times in '
        'the past but now his promises do not even last a week."'
    )
    [quote] = quotes_of(text)
    assert quote.speaker == "Liam Fox" and quote.cue == "told"
    assert quote.paragraph == 1


def test_said_x_inversion_with_appositive(quotes_of):
    # bbc/politics/151.txt
    text = (
        "The Muslim Council of Britain urged that the men should receive counselling and medical help. "
        '"We want these men to be returned into the arms of their waiting family," said Iqbal Sacranie, '
        "secretary general of the council."
    )
    [quote] = quotes_of(text)
    assert quote.speaker == "Iqbal Sacranie" and quote.cue == "said"


def test_x_the_y_said_and_a_partial_quote(quotes_of):
    # bbc/politics/285.txt: a partial quote inside a paraphrase is a quote
    text = (
        'Tim Collins, the shadow education secretary, said last week it would be a "huge boost" to '
        "the party if Mr Hague returned to the front bench."
    )
    [quote] = quotes_of(text)
    assert quote.text == "huge boost" and quote.speaker == "Tim Collins"


def test_according_to(quotes_of):
    # news/ (Gartner): "according to X" names the speaker
    text = (
        "Nokia's share of the market, according to Gartner analyst Carolina Milanesi, is "
        '"seldom strong" in the first months after a launch.'
    )
    [quote] = quotes_of(text)
    assert quote.cue == "according to" and quote.speaker == "Carolina Milanesi"


def test_quote_with_its_cue_in_the_next_sentence(quotes_of):
    # bbc/politics/157.txt: the cue "Mr Kilroy-Silk said" follows the first sentence of the quote
    text = (
        "Robert Kilroy-Silk was attacked with farmyard manure before a BBC debate.\n\n"
        '"As I started to turn round a guy tipped a bucket of farmyard muck over me and then threw the '
        'rest of it over me and the car," Mr Kilroy-Silk said. "I was totally covered, it was all '
        'through my clothes, and it stank to high heaven."'
    )
    quotes = quotes_of(text)
    assert [q.speaker for q in quotes] == ["Robert Kilroy-Silk", "Robert Kilroy-Silk"]
    assert quotes[0].cue == "said" and quotes[1].cue is None  # the second continues the first


# -- speakers ---------------------------------------------------------------------------


def test_he_said_is_the_man_just_named(quotes_of):
    # bbc/politics/147.txt: "he" is Charles Clarke, not the paper
    text = (
        "Home Secretary Charles Clarke has been quoted as telling Labour members he wants more migrants "
        "to come to the UK.\n\n"
        "London's Evening Standard quoted Mr Clarke telling Labour activists at a question and answer "
        "session in Gateshead that he wanted Britain to offer refuge for those fleeing tyranny. "
        "\"That's not only a moral duty and a legal duty, but something which is part of the essence of "
        'this country," he said.'
    )
    [quote] = quotes_of(text)
    assert quote.speaker == "Charles Clarke"


def test_she_skips_the_man_mentioned_last(quotes_of):
    # bbc/politics/219.txt (Cathy Jamieson) with the sentence on Jack McConnell before hers
    text = (
        "Justice Minister Cathy Jamieson met the Old Firm clubs on Friday. First Minister Jack McConnell "
        "had called the meeting.\n\n"
        '"It was a very productive meeting and the clubs want to play their part," she said.'
    )
    [quote] = quotes_of(text)
    assert quote.speaker == "Cathy Jamieson"


def test_an_organisation_speaks_through_its_spokesman(quotes_of):
    # bbc/politics/157.txt: "A BBC spokesman said" → the BBC (no name given for the spokesman)
    text = (
        'A BBC spokesman said: "He took his seat as Jonathan Dimbleby was introducing the show. '
        'Fortunately someone at the school had a change of clothes to let him have."'
    )
    quotes = quotes_of(text)
    assert quotes and {q.speaker for q in quotes} == {"BBC"}


def test_unknown_speaker_is_none_not_a_guess(quotes_of):
    # bbc/politics/157.txt: a man no participant stands for
    text = (
        'Robert Kilroy-Silk told reporters he was "very angry". He said the man shouted: '
        "\"You've offended my religion, I'm doing this in the name of Islam.\""
    )
    quotes = quotes_of(text)
    shouted = by_text(quotes, "You've offended my religion")
    assert shouted.speaker is None and shouted.cue == "shouted"


def test_scare_quotes_and_titles_are_not_quotes(quotes_of):
    # bbc/politics/405.txt and bbc/politics/219.txt
    text = (
        "Mr Blair and Liberal Democrat leader Charles Kennedy also gave their views during interviews, "
        'conducted as part of the magazine\'s "High Heeled Vote" campaign.\n\n'
        "Speaking on BBC Radio Scotland's Sunday Live programme, Justice Minister Cathy Jamieson "
        'described Friday\'s meeting as "very productive".'
    )
    quotes = quotes_of(text)
    assert [q.text for q in quotes] == ["very productive"]
    assert quotes[0].speaker == "Cathy Jamieson" and quotes[0].cue == "described"


def test_seed_article_quotes_by_full_name(parse):
    from briefings.content import read_article
    from briefings.extract import extract_doc

    from tests.conftest import SEED

    article, _ = read_article(SEED)
    extraction = extract_doc(parse(article.text))
    assert sorted(q.speaker for q in extraction.quotes) == [
        "Fumio Kishida",
        "Fumio Kishida",
        "William Hague",
        "William Hague",
    ]
    assert [q.cue for q in extraction.quotes] == ["said", None, "said", None]  # each second one continues
    assert [q.paragraph for q in extraction.quotes] == sorted(q.paragraph for q in extraction.quotes)


# -- the site's view of quotes ------------------------------------------------------------


def test_cards_show_the_most_informative_quotes_first():
    quotes = [
        Quote("huge boost", "Tim Collins"),
        Quote("It was a frightening experience, and I was afraid they would use a knife.", None),
        Quote("We want these men to be returned into the arms of their waiting family", "Iqbal Sacranie"),
    ]
    assert [q.text[:10] for q in informative_first(quotes)] == ["We want th", "huge boost", "It was a f"]
    # a card shows only quotes of four words or more by a known speaker (issue 17)
    assert [q.text[:10] for q in Extraction(quotes=quotes).card_quotes] == ["We want th"]
    assert Extraction(quotes=quotes).quotes == quotes  # document order is kept for the JSON


def test_quotes_round_trip_through_the_cache_format():
    extraction = Extraction(quotes=[Quote("huge boost", "Tim Collins", "said", 3, 13, paragraph=2)])
    assert Extraction.from_dict(extraction.to_dict()) == extraction
