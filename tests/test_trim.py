"""Key points trimmed as an editor trims (briefings/extract/trim.py), each case a real
sentence copied from its source (named), so that the tests run without ../shared:
dev = ../shared/eval/keypoints/dev.jsonl (article id prefix), news = ../shared/corpus/news."""

from __future__ import annotations

import pytest

from briefings.extract.trim import trim


def one_sentence(nlp, text: str):
    sents = list(nlp(text).sents)
    assert len(sents) == 1, [s.text for s in sents]
    return sents[0]


@pytest.mark.parametrize(
    "source, sentence, trimmed",
    [
        # -- a leading outlet tag, dateline or stamp --------------------------------------------
        (
            "dev 5588d9ee",
            "(The Hollywood Reporter)Stan Freberg, whose freewheeling comic career in advertising garnered him "
            "worldwide acclaim and whose satirical entertainments abounded on TV, the radio and on records, has died.",
            "Stan Freberg, whose freewheeling comic career in advertising garnered him worldwide acclaim and whose "
            "satirical entertainments abounded on TV, the radio and on records, has died.",
        ),
        (
            "news yna_northkorea.txt",
            "SEOUL, Aug. 20 (Yonhap) -- North Korea's official newspaper blasted South Korea on Tuesday for conducting "
            "a joint military exercise with the United States on the last day of the drill.",
            "North Korea's official newspaper blasted South Korea on Tuesday for conducting a joint military exercise "
            "with the United States on the last day of the drill.",
        ),
        (
            "news 247wallst_markets.txt",
            "December 28, 2014: Markets opened lower on Monday as neither the bulls nor the bears can gin up a lot of "
            "support.",
            "Markets opened lower on Monday as neither the bulls nor the bears can gin up a lot of support.",
        ),
        (
            "news telegraph_airasia.txt",
            '16.06 AirAsia QZ8501 made an "unbelievably" steep climb before it crashed, possibly pushing it beyond the '
            "Airbus A320's limits.",
            'AirAsia QZ8501 made an "unbelievably" steep climb before it crashed, possibly pushing it beyond the '
            "Airbus A320's limits.",
        ),
        # -- an official source's attribution tail -----------------------------------------------
        (
            "dev 2c37d44d",
            "A two-year-old boy is recovering after falling into a cheetah exhibit at the Cleveland Metroparks Zoo "
            "after his parents dangled him over the edge, officials said.",
            "A two-year-old boy is recovering after falling into a cheetah exhibit at the Cleveland Metroparks Zoo "
            "after his parents dangled him over the edge.",
        ),
        (
            "dev 5fdd0e36",
            "Monsour Alshammari, 27, is in the U.S. on a Saudi government student sponsorship and has ties to the "
            "country's royal family, according to court documents.",
            "Monsour Alshammari, 27, is in the U.S. on a Saudi government student sponsorship and has ties to the "
            "country's royal family.",
        ),
        (
            "content glasgow-ebola-case.md",
            "A healthcare worker has been diagnosed with Ebola a day after flying home to Glasgow from Sierra Leone, "
            "the Scottish government said on Monday.",
            "A healthcare worker has been diagnosed with Ebola a day after flying home to Glasgow from Sierra Leone.",
        ),
        # -- parenthetical asides, in brackets or between dashes ---------------------------------
        (
            "dev 06a4af52",
            "A Chinese team took a kite measuring an astonishing 6,000 metres (3.7 miles) to a kite flying festival - "
            "aiming to break the world record by a massive 1,000 metres.",
            "A Chinese team took a kite measuring an astonishing 6,000 metres to a kite flying festival - aiming to "
            "break the world record by a massive 1,000 metres.",
        ),
        (
            "content doherty-criticises-christie.md",
            "State Sen. Michael Doherty (R-Warren) said Christie when he first ran in 2009 “sold himself to the people "
            "of New Jersey that he was going to change it.”",
            "State Sen. Michael Doherty said Christie when he first ran in 2009 “sold himself to the people of New "
            "Jersey that he was going to change it.”",
        ),
        (
            "dev 068f5298 (an aside inside a tail goes with it)",
            "It means an extra £2,100 a year – £17,800 rather than £15,700 – to anyone who has kept their marriage "
            "intact, or who has never married, according to the survey for the Prudential.",
            "It means an extra £2,100 a year to anyone who has kept their marriage intact, or who has never married.",
        ),
        (
            "news bloomberg_jobs.txt (the dashes also closed a phrase opened by a comma)",
            "Those states, along with five others -- Alabama, Illinois, Michigan, New Jersey and Ohio -- remain more "
            "than 50,000 positions short of that level.",
            "Those states, along with five others, remain more than 50,000 positions short of that level.",
        ),
        (
            "dev 132e5080",
            "Bader – who lost his legs in a flying accident in 1931 – was shot down over France in August 1941 and "
            "ended up in a German prison camp in Warburg.",
            "Bader was shot down over France in August 1941 and ended up in a German prison camp in Warburg.",
        ),
    ],
)
def test_trims(nlp, source, sentence, trimmed):
    assert trim(one_sentence(nlp, sentence)) == trimmed, source


@pytest.mark.parametrize(
    "source, sentence",
    [
        # a person's word stays attributed: without it the claim would read as fact
        (
            "content ebbers-aware-of-worldcom-fraud.md",
            "Former WorldCom boss Bernie Ebbers was directly involved in the $11bn financial fraud at the firm, his "
            "closest associate has told a US court.",
        ),
        (
            "content economy-stronger-than-forecast.md",
            "The UK economy probably grew at a faster rate in the third quarter than the 0.4% reported, according to "
            "Bank of England deputy governor Rachel Lomax.",
        ),
        # a tail that carries the point stays
        (
            "dev 2c5c7981",
            "Three men accused of being agents of the Syrian government have been executed in a shocking new video, "
            "Islamic State has claimed.",
        ),
        # quoted words keep their speaker
        (
            "dev 2c05ddcc",
            'King\'s dehydration was caused by his Type II diabetes, but he "is much better," his daughter, Claudette '
            "King, told the Los Angeles Times.",
        ),
        # a quotation is never edited, not even its brackets
        (
            "dev 3c2040c6",
            '"Roscosmos (the Russian Federal Space Agency) announced that the Progress will not be docking and will '
            "re-enter the Earth's atmosphere,\" Kelly said from the space station.",
        ),
        # the dashes do not hold one phrase (the parser runs "Playoff - Holtz" together): cutting them would splice
        (
            "news al_holtz.txt",
            "As No. 4 Ohio State prepares to take on No. 1 Alabama in the Sugar Bowl - a semifinal game in the "
            "inaugural College Football Playoff - Holtz didn't mind boasting a little about being right about the "
            "Buckeyes this year.",
        ),
    ],
)
def test_what_an_editor_keeps(nlp, source, sentence):
    assert trim(one_sentence(nlp, sentence)) == sentence, source


def test_an_acronym_the_sentence_uses_is_kept(nlp):
    # dev 45a9f7a9, reworded so that the sentence uses the short form it defines
    sentence = (
        "Marie Teresa Ratcliffe did not show up at her hearing at the Nursing and Midwifery Council (NMC), "
        "and the NMC struck her off."
    )
    assert trim(one_sentence(nlp, sentence)) == sentence
    assert trim(one_sentence(nlp, sentence.replace(", and the NMC struck her off", ""))) == (
        "Marie Teresa Ratcliffe did not show up at her hearing at the Nursing and Midwifery Council."
    )


def test_a_decimal_keeps_its_point(nlp):
    # dev 270fdae1, its ", from Melbourne," set in brackets: "a .22 calibre" must not become
    # "a.22 calibre" when the aside goes
    sentence = (
        "The 22-year-old (from Melbourne) was jogging along a street in Duncan when he was shot in the back "
        "with a .22 calibre handgun."
    )
    assert trim(one_sentence(nlp, sentence)) == (
        "The 22-year-old was jogging along a street in Duncan when he was shot in the back with a .22 calibre handgun."
    )
