"""Key points: whole clean sentences, no boilerplate, lede first, no repeats.

Sentences are real: from ../shared/corpus/news/*.txt (file named in each case) and from
../shared/eval/keypoints/dev.jsonl (CNN/DailyMail, article id prefix named).
"""

from __future__ import annotations

import json
import re

import pytest

from briefings.clean import prepare
from briefings.clean.stage import paragraph_kind
from briefings.extract.keypoints import find_key_points, glued_clause, glued_label, is_story_sentence
from briefings.extract.participants import find_participants
from briefings.extract.quotes import find_quotes
from briefings.extract.sentence_form import cue_only, opener_kind, photo_caption

from conftest import CORPUS

NEWS = CORPUS / "news"
DEV = CORPUS / "keypoints" / "dev-first-40.jsonl"  # ../shared/eval/keypoints/dev.jsonl, its first 40 lines


def key_points(parse, text: str, count: int = 3) -> list[str]:
    doc = parse(text)
    participants = find_participants(doc)
    return [k.text for k in find_key_points(doc, participants, count, find_quotes(doc, participants))]


def cut_from(shown: str, original: str) -> bool:
    """Whether `shown` is `original` with spans removed: its words a subsequence of the original's."""
    words = iter(re.findall(r"[\w'’]+", original))
    return all(any(w == o for o in words) for w in re.findall(r"[\w'’]+", shown))


def sentences(parse, text: str) -> list[str]:
    return [s.text.strip() for s in parse(text).sents if s.text.strip()]


# -- sentence splitting (nlp.py) -------------------------------------------------------


def test_caption_glued_without_full_stop_is_split(parse):
    # dev 068f5298: the caption runs into the lede with no full stop
    text = (
        "People who have never been divorced can expect a retirement income 13% higher than a colleague "
        "The cost of divorce can wreck retirement many years after the break-up of a marriage, "
        "according to research."
    )
    assert sentences(parse, text)[-1] == (
        "The cost of divorce can wreck retirement many years after the break-up of a marriage, according to research."
    )


def test_caption_glued_before_reported_speech_is_split(parse):
    # dev 0acf5091
    text = (
        "Greece has denied it will miss a repayment of £330million to the International Monetary Fund "
        "after reports it had drawn up plans to introduce a parallel drachma currency to pay its bills "
        "He said: 'We strive to be able to pay our obligations on time."
    )
    assert sentences(parse, text)[-1].startswith("He said:")


def test_closing_quote_stays_with_its_sentence(parse):
    # sott_adelson.txt: a lone closing mark used to open the next sentence
    text = (
        '"I was the CIA director. We lied, we cheated, we stole."\n\nMike Pompeo, College Station, TX, April 15, 2019'
    )
    got = sentences(parse, text)
    assert got[1] == 'We lied, we cheated, we stole."'
    assert not any(s in ('"', "”") for s in got)
    # businessweek_taliban.txt: two closing marks in a row
    got = sentences(
        parse,
        "He told them: “Take as much as you want. ‘As much as you want.’” "
        "The workers stayed for the entire 15 days of the project.",
    )
    assert got[-1] == "The workers stayed for the entire 15 days of the project."


def test_opening_quote_after_paragraph_break_is_not_cut_off(parse):
    # sott_adelson.txt
    got = sentences(
        parse,
        'Alluding to Agee\'s contemporary "soulmates," Pompeo declared,\n\n'
        '"The one thing they don\'t share with Agee is the need for a publisher."',
    )
    assert got[-1].startswith('"The one thing')


def test_no_sentence_crosses_a_paragraph_break(parse):
    text = (NEWS / "dailymail_uzi.txt").read_text(encoding="utf-8")
    for sent in parse(text).sents:
        assert "\n" not in sent.text.strip()


def test_titles_are_not_split_as_glue(parse):
    # sott_adelson.txt: "told The Grayzone" is a publication, not a new sentence
    got = sentences(
        parse, "One source close to the investigation told The Grayzone that an Ecuadorian official was robbed."
    )
    assert len(got) == 1


# -- boilerplate -----------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        # dev 59177dda / 0f973075 / 2152ec2a: DailyMail captions
        "Swedish cops (pictured left to right) were on holiday in New York when they stopped a fight on the subway.",
        "Flying high: Half of the 6,000-metre-long dragon-themed kite took to the sky in Chongqing last Saturday.",
        "Sullen: Barrientos, seen here in Bronx court, has been married ten times.",
        # dailymail_favipiravir.txt
        "Aid worker Nancy Writebol, pictured with her husband David, "
        "was also treated at the Atlanta hospital using Zmapp.",
        # promos and credits
        "Click here to see the full gallery of the royal visit to Australia.",
        "Scroll down for video of the moment the kite took off over the city.",
        "Jane Smith and Paul Jones contributed to this report from Washington.",
        "WATCH THE VIDEO BELOW as the dog rescues its owner from the river.",
        # fragments: no finite verb, no final punctuation, starts mid-sentence
        "Rescuers searching the Java Sea for the missing AirAsia plane on Monday morning.",
        "Kilmarnock will confirm Gary Locke as the club's new permanent manager on Friday",
        "but then it was virtually all Warrington as they established a stranglehold on the game.",
    ],
)
def test_boilerplate_sentences_are_not_candidates(parse, text):
    assert not any(is_story_sentence(s) for s in parse(text).sents)


def test_caption_glued_onto_a_story_sentence_is_detected(parse):
    # dev 34c643a2: "… sentenced next month" is a caption, "Altice pleaded guilty …" the story
    doc = parse(
        "She could face up to 45 years in prison when she is sentenced next month Altice pleaded guilty "
        "to three counts of forcible sexual abuse in exchange for prosecutors dropping 11 other counts."
    )
    sent = next(iter(doc.sents))
    assert glued_clause(sent) is not None and doc[glued_clause(sent)].text == "Altice"
    assert not is_story_sentence(sent)


def test_caption_label_glued_inside_a_sentence_is_detected(parse):
    # dev 236c65a5 (Peter O'Toole): a caption and its "Title: " label run on from a story sentence
    doc = parse(
        "According to Michael Redwood, inevitable wind-ups surfaced 'whenever the devil inside' Peter O'Toole "
        "needed entertaining Fall of an Empire: The Story of Katherine of Alexandria attempts to pay homage "
        "to Saint Katherine Director Michael Redwood paid tribute to O’Toole."
    )
    sent = next(iter(doc.sents))
    assert doc[glued_label(sent)].text == "Fall"
    assert not is_story_sentence(sent)


@pytest.mark.parametrize(
    "text",
    [
        # dev 12893950: a speaker's cue
        "The teenager then texted Barnes: 'She threatened to throw me out of the house.'",
        "Hillary Clinton has garnered one of her first major endorsements in her bid for the White House: "
        "The nation's largest lesbian political action committee.",  # dev, reworded
        "With the new Avengers: Age of Ultron movie released this week, James Haskell showed off his inner Iron Man.",
    ],
)
def test_a_colon_after_a_name_in_a_story_sentence_is_no_label(parse, text):
    assert all(glued_label(s) is None for s in parse(text).sents)


def test_run_in_numbered_list_is_split_and_its_lede_kept():
    # dev 71530c72 (Richie Benaud): a listicle whose line breaks were lost
    text = (
        "Richie Benaud, one of cricket's great personalities, has died at the age of 84 after battling skin cancer "
        "1. BALL OF THE CENTURY Benaud was on hand to talk viewers through Shane Warne's first test delivery. "
        "2. AUSTRALIA'S UNDERARM BALL Benaud was renowned for his calming tone as broadcaster. "
        "3. LAST SPELL OF COMMENTARY IN ENGLAND Benaud's final commentary duties came in 2005."
    )
    assert prepare(text).split("\n\n") == [
        "Richie Benaud, one of cricket's great personalities, has died at the age of 84 after battling skin cancer.",
        "BALL OF THE CENTURY",
        "Benaud was on hand to talk viewers through Shane Warne's first test delivery.",
        "AUSTRALIA'S UNDERARM BALL",
        "Benaud was renowned for his calming tone as broadcaster.",
        "LAST SPELL OF COMMENTARY IN ENGLAND",
        "Benaud's final commentary duties came in 2005.",
    ]
    # numbers that are values, not counters, stay put
    values = "He was ranked No 1. Then he fell to 2. After that he was 3. He retired in 2014."
    assert prepare(values) == values


@pytest.mark.parametrize(
    "text",
    [
        "Gary Locke will be confirmed as Kilmarnock's permanent manager on Friday.",  # dev 008aa71f
        "Tottenham striker Harry Kane has scored 30 goals this season for club and country.",
        "National security expert Manny Gomez told WABC the breach was serious.",  # dev 340cf468, reworded
        "He said he moved to Britain in 1999 for freedom and democracy.",
    ],
)
def test_story_sentences_are_candidates(parse, text):
    assert all(is_story_sentence(s) for s in parse(text).sents)


@pytest.mark.parametrize(
    "raw, kept",
    [
        # dev (CNN): "(CNN) --" dateline
        (
            "(CNN) -- A NASA scientist says we may be close to finding evidence of alien life.",
            "A NASA scientist says we may be close to finding evidence of alien life.",
        ),
        # DailyMail stamp
        (
            "By . Daily Mail Reporter . PUBLISHED: . 10:04 EST, 1 May 2014 . | . UPDATED: . 11:21 EST, 1 May 2014 . "
            "A man has died in a road accident.",
            "A man has died in a road accident.",
        ),
        # reuters_qz8501.txt, al_huntsville.txt, nj_christie.txt, onion_stevens.txt
        (
            "SURABAYA, Indonesia/JAKARTA (Reuters) - Indonesian rescuers pulled bodies from the sea.",
            "Indonesian rescuers pulled bodies from the sea.",
        ),
        (
            "HUNTSVILLE, Alabama - Hockey players are among groups expected to bring 5,900 people.",
            "Hockey players are among groups expected to bring 5,900 people.",
        ),
        (
            "TRENTON — Gov. Chris Christie’s speech on Tuesday pushed a senator over the edge.",
            "Gov. Chris Christie’s speech on Tuesday pushed a senator over the edge.",
        ),
        (
            "CHICAGO—Admitting it took them some time, the parents said Wednesday they had accepted it.",
            "Admitting it took them some time, the parents said Wednesday they had accepted it.",
        ),
    ],
)
def test_dateline_and_stamp_prefixes_are_cut_and_the_sentence_kept(raw, kept):
    assert prepare(raw) == kept


def test_newsletter_promo_paragraph_is_dropped():
    # businessinsider_russia.txt
    assert (
        paragraph_kind(
            "FA Insights is a daily newsletter from Business Insider that delivers "
            "the top news and commentary forfinancial advisors."
        )
        == "plea"
    )


def test_statement_about_a_newsletter_is_story():
    assert paragraph_kind("Netflix added two million subscribers in the quarter.") is None


# -- selection -------------------------------------------------------------------------


def dev_articles(n: int) -> list[dict]:
    with DEV.open(encoding="utf-8") as fh:
        return [json.loads(line) for _, line in zip(range(n), fh)]


def test_lede_comes_first_and_points_are_whole_sentences(parse):
    for item in dev_articles(12):
        doc = parse(item["text"])
        participants = find_participants(doc)
        points = find_key_points(doc, participants, 3, find_quotes(doc, participants))
        assert len(points) == 3
        whole = {" ".join(s.text.split()) for s in doc.sents}
        for point in points:
            # a whole sentence of the article, shown trimmed: the shown words are the
            # sentence's own, in its order (spans cut, nothing added but a comma or full stop)
            assert point.original in whole
            assert cut_from(point.text, point.original), (point.text, point.original)
            assert point.text[0].isupper() or point.text[0] in "'\"‘“"
        # the most important, listed in article order (the editor's order of importance)
        assert [p.position for p in points] == sorted(p.position for p in points)
        assert min(p.position for p in points) <= 1


def test_dailymail_captions_never_become_key_points(parse):
    for item in dev_articles(40):
        for point in key_points(parse, item["text"]):
            assert "pictured" not in point.lower()
            assert "Scroll down" not in point
            assert point.rstrip()[-1] in ".!?'\"’”)"


def test_no_two_key_points_say_the_same_thing(parse):
    # dev 0acf5091: the lede is repeated nearly word for word further down
    text = dev_articles(8)[7]["text"]
    points = key_points(parse, text, 5)
    assert sum(p.startswith("Greece has denied") for p in points) == 1


def test_count_is_respected(parse):
    text = (NEWS / "dailymail_uzi.txt").read_text(encoding="utf-8")
    assert len(key_points(parse, text, 1)) == 1
    assert len(key_points(parse, text, 5)) == 5
    assert key_points(parse, text, 0) == []


def test_corpus_key_points_carry_no_boilerplate(parse):
    from briefings.content import read_article

    for name in (
        "dailymail_favipiravir.txt",
        "dailymail_ecigarette.txt",
        "reuters_qz8501.txt",
        "businessinsider_russia.txt",
        "onion_stevens.txt",
        "al_huntsville.txt",
    ):
        article, _ = read_article(NEWS / name, name)
        for point in key_points(parse, article.text):
            assert "(Reuters)" not in point and "pictured" not in point.lower(), (name, point)
            assert "newsletter" not in point and "Scroll down" not in point, (name, point)
            assert not point.startswith(("SURABAYA", "CHICAGO", "HUNTSVILLE")), (name, point)


def test_front_matter_count_reaches_the_extractor(tmp_path):
    from click.testing import CliRunner

    from briefings.cli import main

    body = (NEWS / "dailymail_uzi.txt").read_text(encoding="utf-8")
    (tmp_path / "a.md").write_text(f"---\ntitle: Uzi\nkey_points: 2\n---\n{body}", encoding="utf-8")
    result = CliRunner().invoke(main, ["extract", "--format", "json", str(tmp_path / "a.md")])
    assert result.exit_code == 0, result.output
    assert len(json.loads(result.output)["articles"][0]["key_points"]) == 2


# -- what is never a key point (issue 18) ------------------------------------------------
# The texts are copied from their sources (named), so these run without ../shared.

SENSEX = """People walk past the Bombay Stock Exchange (BSE) building in Mumbai May 13, 2014.

The best and worst of Bollywood in 2014.

MUMBAI (Reuters) - The BSE Sensex and Nifty ended flat on Tuesday as weaker regional shares offset optimism over additional reforms a day after the government passed an executive order to ease land-acquisition rules.

Monday's announcement could kick-start hundreds of billions of dollars worth of stalled projects, and comes after separate orders were passed to implement coal and insurance reforms.

However, weak sentiment across the region on a sharp selloff in commodities overnight and political uncertainty in Greece left investors hesitant to take big bets.

The BSE Sensex gained 0.03 percent at 27,403.54 points, while the broader Nifty ended 0.02 higher percent at 8,248.25 points.
"""  # noqa: E501 - corpus/news/reuters_sensex.txt, its first six paragraphs as they are

DOHERTY = """TRENTON — Gov. Chris Christie’s State of the State speech on Tuesday pushed one of New Jersey’s most conservative state senators over the edge, leading to the harshest criticism of the governor ever from a Republican state lawmaker.

State Sen. Michael Doherty (R-Warren) said Christie when he first ran in 2009 “sold himself to the people of New Jersey that he was going to change it.”

“And he didn’t,” Doherty said in a phone interview.

“The governor’s possible national ambitions have distracted him from doing the job he was hired to do in the State of New Jersey,” he said.

In an interview with PolitickerNJ.com published this morning, Doherty was quoted calling Christie a “failed” governor. Asked about it by NJ Advance Media, Doherty declined to repeat that exact word. But he nonetheless offered a scorching review of Christie’s speech — in particular his focus on Camden.
"""  # noqa: E501 - content/doherty-criticises-christie.md, its first five paragraphs as they are

PROMPOSALS = (
    "Promposals are the big trend in high school proms as teens think up progressively more outlandish "
    "ways to ask each other to the biggest dance of the year. They are so big, in fact, that students this "
    "year will likely spend of a third of their prom budgets on the elaborate new ritual, according to a "
    "new survey. With budgets for outfits, flowers, transportation, food and other sundries at around "
    "$1,000 for the average American high schooler, that means most intend to spend $324 on the "
    "once-simple query: Will you go to prom with me?"
)  # dev 6555c150, its first three sentences

BOWE = (
    "Riddick Bowe was once seen as the world's best heavyweight fighter and reportedly had $15million, but he is "
    "now offering to post tweets for $20 He was once the double heavyweight champion, with a career that "
    "allowed him to retire from the ring with a rumoured fortune of $15million. Now Riddick Bowe, of Maryland, "
    "has found himself tweeting happy birthday messages and adverts for insurance firms for anyone who pays "
    "him $20. The 46-year-old recently offered to 'tweet anything' for people who credit him through PayPal, "
    "sharing the messages with his 450,000 followers."
)  # dev 2cbe1cf5: a caption glued to the lede


def all_points(parse, text: str) -> list:
    """Every sentence the selector would ever take: as many points as there are sentences."""
    doc = parse(text)
    participants = find_participants(doc)
    return find_key_points(doc, participants, len(list(doc.sents)), find_quotes(doc, participants))


def test_the_bombay_stock_exchange_caption_is_never_a_key_point(parse, nlp):
    caption = "People walk past the Bombay Stock Exchange (BSE) building in Mumbai May 13, 2014."
    points = all_points(parse, SENSEX)
    assert points and not any("Bombay Stock Exchange" in p.original for p in points)
    assert points[0].text.startswith("The BSE Sensex and Nifty ended flat on Tuesday")  # the lede, dateline cut
    assert photo_caption(next(iter(nlp(caption).sents)))  # by its form, whether or not cleaning cut it


@pytest.mark.parametrize(
    "text, caption",
    [
        ("People walk past the Bombay Stock Exchange (BSE) building in Mumbai May 13, 2014.", True),  # reuters_sensex
        # reuters_ebola
        ("A general view of Gartnavel General Hospital is seen in Glasgow, Scotland December 29, 2014.", True),
        # dailycaller_louisville
        (
            "Dec 27, 2014; Louisville, KY, USA; Louisville Cardinals forward Montrezl Harrell "
            "posts up against Kentucky Wildcats guard Aaron Harrison during the first half at KFC Yum! Center.",
            True,
        ),
        # story sentences with a date at the end (reworded from reuters_gmail, dev 12893950)
        ("The Google disruption began in the run-up to the anniversary of the crackdown on June 4, 1989.", False),
        ("Cheryl Silvonek was stabbed in the driveway of her home on March 15, 2015.", False),
    ],
)
def test_wire_photo_captions_are_told_from_story_sentences(nlp, text, caption):
    assert photo_caption(next(iter(nlp(text).sents))) is caption  # the sentence as is: no cleaning first


def test_the_cue_only_doherty_line_is_never_a_key_point(parse):
    texts = [p.original for p in all_points(parse, DOHERTY)]
    assert texts and "“And he didn’t,” Doherty said in a phone interview." not in texts
    assert any(t.startswith("State Sen. Michael Doherty (R-Warren) said Christie") for t in texts)


@pytest.mark.parametrize(
    "text, only_cue",
    [
        ("“And he didn’t,” Doherty said in a phone interview.", True),  # doherty-criticises-christie.md
        ("'Which is remarkable when you consider what it is she does.'", True),  # dev 008b20b1: whose words?
        ("But we still have some finals left before the end,' he told MUTV.", True),  # dev 388e3456
        # a quotation that states something, with its cue, may be a key point (doherty-criticises-christie.md)
        (
            "“The governor’s possible national ambitions have distracted him from doing the job he was hired to do in "
            "the State of New Jersey,” he said.",
            False,
        ),
        # reported speech with a quoted phrase in it (doherty-criticises-christie.md)
        (
            "In an interview with PolitickerNJ.com published this morning, Doherty was quoted calling Christie a "
            "“failed” governor.",
            False,
        ),
    ],
)
def test_cue_only_quotations(nlp, text, only_cue):
    assert cue_only(next(iter(nlp(text).sents))) is only_cue


def test_a_question_is_never_a_key_point(parse):
    points = all_points(parse, PROMPOSALS)
    assert points and not any(p.original.endswith("?") for p in points)


def test_a_sentence_that_leans_back_comes_only_after_what_it_leans_on(parse):
    for text in (SENSEX, DOHERTY, PROMPOSALS, BOWE):
        doc = parse(text)
        sents = [s for s in doc.sents if s.text.strip()]
        participants = find_participants(doc)
        for count in range(1, len(sents) + 1):
            points = find_key_points(doc, participants, count, find_quotes(doc, participants))
            for k, point in enumerate(points):
                kind = opener_kind(sents[point.position])
                before = points[:k]
                if kind in ("previous", "group"):
                    assert any(p.position == point.position - 1 for p in before), (count, point.text)
                elif kind == "person":
                    assert before and min(p.position for p in before) < point.position, (count, point.text)


def test_he_needs_the_person_named_in_a_point_before(parse):
    # dev 2cbe1cf5: "He was once the double heavyweight champion" leans on a caption, never a point
    for count in (1, 2, 3):
        assert not any(p.text.startswith("He was once") for p in key_points_of(parse, BOWE, count))
    # once the lede naming him is a point, a "He" sentence after it may follow (reworded)
    text = (
        "Riddick Bowe, of Maryland, has found himself tweeting adverts for anyone who pays him $20. "
        "He was once the double heavyweight champion, with a rumoured fortune of $15million."
    )
    assert [p.text[:12] for p in key_points_of(parse, text, 2)] == ["Riddick Bowe", "He was once "]


def key_points_of(parse, text: str, count: int) -> list:
    doc = parse(text)
    participants = find_participants(doc)
    return find_key_points(doc, participants, count, find_quotes(doc, participants))


def test_the_article_page_shows_the_untrimmed_sentence_on_hover(built_sample):
    out, _ = built_sample
    page = (out / "articles" / "doherty-criticises-christie.html").read_text(encoding="utf-8")
    assert '<li title="State Sen. Michael Doherty (R-Warren) said Christie' in page
    assert ">State Sen. Michael Doherty said Christie when he first ran in 2009" in page


def test_the_weights_are_plain_numbers():
    from briefings.extract import keypoint_weights

    assert isinstance(keypoint_weights.UNSPECIFIC, float) and isinstance(keypoint_weights.CENTRALITY, float)
    assert 0 <= keypoint_weights.UNSPECIFIC <= 3 and 0 <= keypoint_weights.CENTRALITY <= 1  # the fitted grid


def test_no_word_list_is_defined_twice():
    # lexicon.py has one section per stage: a name written again in a later section
    # silently replaces the earlier stage's list (a key-point list once did the clean stage's)
    import ast

    from conftest import REPO

    tree = ast.parse((REPO / "briefings" / "lexicon.py").read_text(encoding="utf-8"))
    names = [
        t.id for node in tree.body if isinstance(node, ast.Assign) for t in node.targets if isinstance(t, ast.Name)
    ]
    assert len(names) == len(set(names)), sorted({n for n in names if names.count(n) > 1})
