"""A headline from the lede for an article that has none (extract/headline.py): the lede's own
words, in order, cut where a phrase ends; never a sentence cut at a word, never the opposite
of what the lede says. The sentences are from ../shared/corpus/news (file named by each)."""

import json

import pytest
from click.testing import CliRunner

from briefings.cli import main
from briefings.extract.headline import HEADLINE_CHARS, lede_headline

pytestmark = pytest.mark.slow  # needs the spaCy model


@pytest.mark.parametrize(
    "lede, headline",
    [
        # mlive_robbery.txt: the purpose clause's detail goes, the phrase stays whole
        (
            "Police have released surveillance photos in hopes of garnering help to track down a suspect in the "
            "University Bank robbery on Dec. 22.",
            "Police have released surveillance photos in hopes of garnering help",
        ),
        # pe_perris.txt: the scene-setting clause before the subject goes
        (
            "After a man was shot four times in an exchange of gunfire near Perris, police at first thought it might "
            "have been a drug deal.",
            "Police at first thought it might have been a drug deal",
        ),
        # telegraph_airasia.txt: what follows "before" and the participle go
        (
            'AirAsia QZ8501 made an "unbelievably" steep climb before it crashed, possibly pushing it beyond the '
            "Airbus A320's limits, according to radar data.",
            'AirAsia QZ8501 made an "unbelievably" steep climb',
        ),
        # foxnews_reynosa.txt: an opening phrase, then the purpose
        (
            "In a page taken from the most gruesome of books, a 17-year-old girl from Reynosa, Mexico lured an "
            "8-months-pregnant woman to her home and killed her to try and steal her unborn baby.",
            "A 17-year-old girl from Reynosa, Mexico lured an 8-months-pregnant woman",
        ),
        # what a noun is of stays with it: "permission to leave", not "permission"
        (
            "On Sunday, the mayor was given permission to close the old bridge for the first time in three weeks, "
            "after engineers found cracks in two of its supporting piers.",
            "The mayor was given permission to close the old bridge for the first time",
        ),
    ],
)
def test_a_long_lede_gives_a_headline_of_its_own_words(parse, lede, headline):
    found = lede_headline(parse(lede))
    assert found == headline
    assert len(found) <= HEADLINE_CHARS and not found.endswith(("…", ".", ","))


@pytest.mark.parametrize(
    "lede",
    [
        # architecturaldigest_delaney.txt: without "Not very often" it would say the opposite
        "Not very often does one hear a contemporary architect allude to the mortuary temple of the Egyptian pharaoh "
        "Hatshepsut when describing the inspiration for a new house.",
        # uproxx_mammoth.txt: the point is after the "but"
        "It may seem old fashioned, but I sometimes view the internet and the real world as two separate places that "
        "rarely overlap.",
        # al_holtz.txt: "are paid" without what for
        "Both college football analysts on ESPN, Lou Holtz and Mark May are paid to discuss their unbiased, "
        "wide-ranging opinions about the sport on the air.",
    ],
)
def test_no_headline_rather_than_a_wrong_one(parse, lede):
    assert lede_headline(parse(lede)) is None


def test_the_site_and_the_json_title_an_article_without_headline_by_its_lede(tmp_path):
    long_lede = tmp_path / "robbery.txt"  # mlive_robbery.txt, no headline line
    long_lede.write_text(
        "Police have released surveillance photos in hopes of garnering help to track down a "
        "suspect in the University Bank robbery on Dec. 22.\n\nThe robbery happened at 10 a.m. "
        "at the branch, police said.\n",
        encoding="utf-8",
    )
    short_lede = tmp_path / "short.txt"  # a first sentence that fits is the title as it stands
    short_lede.write_text(
        "The mayor opened the new bridge on Monday.\n\nHundreds of people came to watch the "
        "ceremony, which lasted an hour.\n",
        encoding="utf-8",
    )
    result = CliRunner().invoke(main, ["extract", "--format", "json", str(long_lede), str(short_lede)])
    assert result.exit_code == 0, result.output
    titles = [a["title"] for a in json.loads(result.stdout)["articles"]]
    assert titles == [
        "Police have released surveillance photos in hopes of garnering help",
        "The mayor opened the new bridge on Monday",
    ]
