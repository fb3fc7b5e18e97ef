"""Issue 17's cases: nothing that is not a quote, nobody credited with words they did not say.

Each case is the real sentence(s) of the file cited above it (copied here, so the tests need no
../shared), parsed by the real model through the `parse` fixture (the clean stage included).
"""

from __future__ import annotations

import pytest

from briefings.extract.participants import find_participants
from briefings.extract.quotes import find_quotes
from briefings.model import Quote


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


# -- nobody credited with words they did not say ------------------------------------------


def test_advice_sent_to_someone_is_not_theirs(quotes_of):
    # content/thatcher-gcse-files.md: the No 10 policy unit's briefing, sent *to* Mrs Thatcher
    text = (
        "Mrs Thatcher, herself a former education secretary, raised her concerns about GCSEs with Mr Joseph "
        "in the spring of 1986.\n\n"
        "Mrs Thatcher was advised by the No 10 policy unit to postpone the new system until it was clear that "
        "it was “workable”. In one briefing note she was warned that “GCSE is an exam nobody will fail” and "
        "“does little for the lowest 30 per cent of students”. Implementing the new system in September was "
        "a “hopelessly unrealistic” prospect, an official said."
    )
    quotes = quotes_of(text)
    for start in ("GCSE is an exam nobody will fail", "does little for the lowest"):
        assert by_text(quotes, start).speaker is None  # not "Margaret Thatcher"
    assert all(q.speaker != "Margaret Thatcher" for q in quotes)  # nor "workable", "hopelessly unrealistic"


def test_a_place_never_speaks(quotes_of):
    # news/yna_northkorea.txt and news/nj_christie.txt
    stupid = quotes_of(
        "SEOUL, Aug. 20 (Yonhap) -- North Korea's official newspaper blasted South Korea on "
        "Tuesday for conducting a joint military exercise with the United States on the last day "
        'of the drill, warning that Seoul will pay dearly for such "stupid" acts.'
    )
    assert all(q.speaker != "Seoul" for q in stupid)
    abbott = quotes_of(
        "Doherty was particularly angry that Hoboken— once impoverished but now a wealthy New York "
        "City bedroom community — is still considered an “Abbott district” and has state-funded "
        "universal pre-K."
    )
    assert all(q.speaker != "Hoboken" for q in abbott)


def test_he_added_after_a_spokesman_is_the_spokesmans_body(quotes_of):
    # content/british-stars-denied-major-oscars.md: not "Cinematographer John Mathieson"
    text = (
        "Cinematographer John Mathieson, who was nominated for Gladiator in 2001, was also up for The Phantom "
        "of the Opera but lost to The Aviator. Finding Neverland garnered another nomination for British "
        "talent, with Gemma Jackson shortlisted for the art direction prize. She lost in that category to The "
        'Aviator. A spokesman for the UK Film Council said: "It is disappointing not to have more British '
        'winners." He added: "It was extraordinary to have 24 British nominees in the initial list of '
        'nominees."'
    )
    quotes = quotes_of(text)
    assert by_text(quotes, "It is disappointing").speaker == "UK Film Council"
    assert by_text(quotes, "It was extraordinary").speaker == "UK Film Council"


def test_a_quote_continued_in_its_paragraph_keeps_its_speaker(quotes_of):
    # content/uk-plan-to-deport-terror-suspects.md: Clarke's words, not Mark Oaten's
    text = (
        'Mr Clarke said that he was seeking "memorandums of understanding" between overseas governments and '
        "Britain to ensure suspects would not be subjected to the death penalty on their return. However, he "
        "added: \"I do not think the solution to the Law Lords' judgement for this government is in "
        'deportations, but they will help. "There are other strands that we have to do." But the Liberal '
        "Democrat's shadow home secretary, Mark Oaten, accused Mr Clarke of avoiding the main issue with the "
        "Belmarsh detainees."
    )
    quotes = quotes_of(
        "Home Secretary Charles Clarke told the Times he hoped agreement with several countries "
        "could be reached.\n\n" + text
    )
    assert by_text(quotes, "There are other strands").speaker == "Charles Clarke"


def test_transcript_labels_attribute_the_turns(quotes_of):
    # news/cnn_alito.txt: the exchange, set as a transcript with its speakers' labels
    text = (
        "Justice Samuel Alito questioned Solicitor General Elizabeth Prelogar on Tuesday.\n\n"
        "ALITO: What is your best historic, your single best example, of an agency that has all of the "
        "features that the CFPB has?\n\n"
        "MS. PRELOGAR: I think our best example historically is the Customs Service. The first Congress "
        "created the Customs Service in 1789.\n\n"
        "ALITO: What’s your best example of an agency that draws its money from another agency?\n\n"
        "MS. PRELOGAR: I can’t give you another example of a source that’s precisely like that one."
    )
    quotes = quotes_of(text)
    assert [(q.text[:12], q.speaker) for q in quotes] == [
        ("What is your", "Samuel Alito"),
        ("I think our ", "Elizabeth Prelogar"),
        ("What’s your ", "Samuel Alito"),
        ("I can’t give", "Elizabeth Prelogar"),
    ]


def test_questions_stay_with_the_one_who_asks(quotes_of):
    # news/cnn_alito.txt
    text = (
        "“That can be true,” Prelogar said, “but, of course, there is far, far greater risk from being "
        "unvaccinated, by orders of magnitude.”\n\n"
        "“But … there is some risk,” Alito interjected. “Do you dispute that?”\n\n"
        "Alito cut her off: “No, I’m not making that point. I tried to make it as clear as I could.”\n\n"
        "“No, Justice Alito,” Prelogar said. “I was trying to make the observation that the experience of "
        "students in those four years of college have effects on the course of their life.”\n\n"
        "“Then why were you talking about corporate America,” he rejoined."
    )
    quotes = quotes_of("Justice Samuel Alito questioned Solicitor General Elizabeth Prelogar.\n\n" + text)
    for start in (
        "But … there is some risk",
        "Do you dispute that?",
        "No, I’m not making that point",
        "Then why were you talking",
    ):
        assert by_text(quotes, start).speaker == "Samuel Alito", start
    assert by_text(quotes, "I was trying to make").speaker == "Elizabeth Prelogar"


def test_a_rank_and_a_surname_are_the_person_named_in_full(quotes_of):
    # bbc/tech/120.txt: the two quotes after "Chief Supt Deats went on to warn" were unattributed
    text = (
        'The head of the NHTCU, Acting Detective Chief Superintendent, Mick Deats, said: "This investigation '
        "has resulted in the significant disruption of organised criminals using the internet for profit.\n\n"
        '"We believe that the suspects have trafficked at least 1.7 million stolen credit card numbers." '
        'Chief Supt Deats went on to warn: "The internet offers huge legitimate benefits for modern society. '
        '"Your identity is one of the most precious commodities."'
    )
    quotes = quotes_of(text)
    assert [q.speaker for q in quotes] == ["Mick Deats"] * 4


# -- only quotes ----------------------------------------------------------------------------


def test_filler_and_a_show_title_are_not_quotes(quotes_of):
    # news/cnn_alito.txt
    text = (
        "“If you want to look at a through-line here, I like to go in front of judges,” Prelogar said "
        "recently about the experience on NPR’s “Wait, Wait … Don’t Tell Me!” The early pageant work may also "
        "contribute to her ease at the courtroom lectern and economy of language, shed of the usual “ums” "
        "and “ahs” that plague many lawyers."
    )
    quotes = quotes_of("Solicitor General Elizabeth Prelogar argued the case.\n\n" + text)
    assert [q.text for q in quotes] == ["If you want to look at a through-line here, I like to go in front of judges"]


def test_an_interrupted_quote_is_one_quote(quotes_of):
    # news/cnn_alito.txt: not "So" on its own
    text = (
        "Justice Samuel Alito questioned Solicitor General Elizabeth Prelogar.\n\n"
        "“So,” Alito declared, “I take it your answer is that you do not … But you think that to the extent "
        "it is unprecedented, it is unprecedented in a way that is not relevant for present purposes? Is that "
        "your answer?”"
    )
    quotes = quotes_of(text)
    assert len(quotes) == 1
    so = quotes[0]
    assert so.text.startswith("So, I take it your answer is") and so.speaker == "Samuel Alito"
    assert so.pieces[0] == "So" and so.pieces[1].startswith("I take it your answer")


def test_a_scraped_line_break_does_not_cut_a_quote(quotes_of):
    # news/dailymail_ecigarette.txt, its line breaks as scraped
    text = (
        "Carer Kim Taylor, 54, left the device on charge for just ten minutes before she noticed flames.\n\n"
        "‘I’ve gone to sleep with it plugged in\n before,’ she said. ‘I hate to think what would have happened "
        "if it had \nexploded next to me.’\n\n"
        "Philip\n Le Shirley, from the Royal Society for the Prevention of Accidents, \nsaid: 'It is important "
        "not to leave e-cigarettes to charge unattended.'\n"
    )
    quotes = quotes_of(text)
    hate = by_text(quotes, "I hate to think")
    assert hate.text.endswith("exploded next to me.") and hate.speaker == "Kim Taylor"
    assert by_text(quotes, "I’ve gone to sleep").text == "I’ve gone to sleep with it plugged in before"
    assert by_text(quotes, "It is important").speaker == "Philip Le Shirley"


# -- what the site features -------------------------------------------------------------------


def test_fragments_and_scare_quotes_are_never_featured(parse):
    # content/thatcher-gcse-files.md: "biased", "high", "degeneration" were featured
    from briefings.extract import extract_doc

    text = (
        "In comments which are likely to be seen by Conservatives as a further vindication of their sweeping "
        "reforms of the exams, the then prime minister said the system would allow results to be distorted by "
        "“biased” teachers helping teenagers with coursework.\n\n"
        'Asked about the disclosures, Lord Baker told the Telegraph: "She was concerned ... because she '
        'always felt that whenever you change anything in education it might be for the worse."\n\n'
        'The standard of GCSEs was initially "high", Lord Baker added, saying there had been a '
        '"degeneration" in grades over time.'
    )
    extraction = extract_doc(parse(text))
    featured = extraction.card_quotes
    assert [q.text[:17] for q in featured] == ["She was concerned"]
    assert all(len(q.text.split()) >= 4 and q.speaker for q in featured)


def test_quotes_page_opens_with_the_speakers_central_to_the_period():
    # the quotes page opened with one speaker's one-word fragments, because it was ordered by count
    import datetime as dt

    from briefings.config import Config
    from briefings.model import Article, Extraction
    from briefings.site import build_site_model

    def article(i: int) -> Article:
        return Article(
            source=f"content/a{i}.md",
            slug=f"a{i}",
            title=f"Story {i}",
            text="t",
            body_html="<p>t</p>",
            date=dt.date(2026, 11, 16 + i),
            checksum=f"c{i}",
        )

    fragments = [Quote(word, "Kenneth Baker", partial=True) for word in ("high", "degeneration", "biased", "workable")]
    whole = "We support Japan in undertaking its security review."
    extracted = [
        ("k0", Extraction(quotes=fragments + [Quote(whole, "William Hague")])),
        (
            "k1",
            Extraction(
                quotes=[
                    Quote("I personally believe there is huge space", "William Hague"),
                    Quote("hopelessly unrealistic", None),
                ]
            ),
        ),
    ]
    site = build_site_model([article(0), article(1)], extracted, Config())
    groups = site.quotes_by_speaker
    assert [speaker for speaker, _ in groups] == ["William Hague", "Kenneth Baker", None]
    assert site.quote_pages[0].groups[0][0] == "William Hague"


# -- the speaker model ----------------------------------------------------------------------


def test_the_speaker_model_is_plain_data_in_the_cache_key():
    from briefings.cache import extractor_files
    from briefings.extract.speaker_model import WEIGHTS, load_weights

    assert WEIGHTS in extractor_files() and (WEIGHTS.parent.parent / "lexicon.py") in extractor_files()
    weights = load_weights()
    assert weights and all(isinstance(v, float) for v in weights.values())


def test_the_model_never_overrides_a_cue_that_names_its_speaker(parse):
    # content/japan-uk-security-dialogue.md: weights that prefer anyone else change nothing here
    doc = parse(
        "British Foreign Secretary William Hague met Japanese Foreign Minister Fumio Kishida in Tokyo. "
        '"We support Japan in undertaking its security review," Mr Hague said.'
    )
    contrary = {"bias": -5.0, "null": 5.0, "salience:0": -5.0}
    quotes = find_quotes(doc, find_participants(doc), weights=contrary)
    assert [q.speaker for q in quotes] == ["William Hague"]


def test_the_model_chooses_deterministically_and_ties_go_to_the_first():
    from briefings.extract.participants import Cluster
    from briefings.extract.speaker_model import choose

    first, second = Cluster(name="A B", type="PERSON"), Cluster(name="C D", type="PERSON")
    options = [(first, {"bias": 1.0}), (second, {"bias": 1.0}), (None, {"null": 1.0})]
    assert choose(options, {"bias": 1.0, "null": 0.5}) is first
    assert choose(options, {"bias": 1.0, "null": 2.0}) is None


def test_whom_the_words_went_to_is_not_the_speaker(quotes_of):
    # news/telegraph_airasia.txt: not "Kompas"
    text = (
        "Lieutenant Airman Tri Wobowo, who co-piloted the C130 Hercules aircraft that first saw debris of the "
        'plane on Tuesday, told Indonesian newspaper Kompas: "There are seven to eight people. Three [of them] '
        'again hold hands."'
    )
    assert by_text(quotes_of(text), "There are seven").speaker != "Kompas"


def test_quoted_as_saying_is_the_one_quoted(quotes_of):
    # news/foxnews_reynosa.txt
    text = (
        "Nathaly Cartas Leon, 20, had “met” Guadalupe Salinas Hernández on Facebook.\n\n"
        "“I don’t regret it, I don’t regret,” local newspapers quote Salinas as saying."
    )
    assert by_text(quotes_of(text), "I don’t regret it").speaker == "Guadalupe Salinas Hernández"


def test_a_reporter_named_after_the_verb_is_named_in_full(quotes_of):
    # news/businessinsider_russia.txt: "Corrie" is in no list of first names
    text = (
        '"Russia is a reminder that emerging markets remain subject to swift changes," Karin Anderson adds.\n\n'
        '"F-Squared Investments Inc., which builds investment portfolios out of exchange-traded funds, admitted '
        'it misled clients about its track record," reports Corrie Driebusch.'
    )
    assert by_text(quotes_of(text), "F-Squared").speaker == "Corrie Driebusch"


def test_a_name_the_model_cut_short_is_whole(quotes_of):
    # news/telegraph_airasia.txt: the model tags "Dai" alone; she is Dai Shuqin
    text = (
        "Dai Shuqin, a 61-year-old who had five relations on MH370, said she had been constantly thinking about "
        "those caught up in the latest Asian air disaster.\n\n"
        "Mrs Dai said she was asking for a “miracle”. “I cannot believe that 10 months later another group of "
        "people has been on a lost plane again. All those lives!”"
    )
    assert by_text(quotes_of(text), "I cannot believe").speaker == "Dai Shuqin"


def test_a_name_between_the_quote_and_its_verb_said_it(quotes_of):
    # ../shared/eval/quotes/train.jsonl, politico_2015-12-01_could-an-accident-by-janet-yelle…: the parser
    # hangs the name inside the quote and leaves "said" without a subject
    text = (
        "Polls continue to show deep dissatisfaction with the direction of the economy despite modest growth "
        "and low unemployment. “It is not the position that everything is hunky-dory,” Gene Sperling, a top "
        "outside Clinton adviser, said at a recent event."
    )
    assert by_text(quotes_of(text), "It is not the position").speaker == "Gene Sperling"


def test_one_of_a_party_is_not_the_party(quotes_of):
    # ../shared/eval/quotes/train.jsonl, politico_2016-02-04_insiders-…: "said an Iowa Democrat"
    text = (
        "Hillary Clinton leads in Iowa. The Democratic Party is worried.\n\n"
        "“She is too far behind,” said an Iowa Democrat, “and Iowa was not a decisive win.”"
    )
    assert by_text(quotes_of(text), "She is too far behind").speaker is None  # not "Democratic Party"


def test_as_someone_put_it_is_theirs(quotes_of):
    # news/huffingtonpost_jpmorgan.txt: not "Jamie Dimon", the sentence's subject
    text = (
        'Despite his complaints, Wall Street lobbyists, and Dimon himself, are orchestrating a "continuing '
        'assault" on the 2010 Dodd-Frank financial-reform law that "has achieved remarkable success," as the '
        "New York Times put it on Tuesday."
    )
    quotes = quotes_of("JPMorgan Chase CEO Jamie Dimon complained again on Tuesday.\n\n" + text)
    assert by_text(quotes, "has achieved remarkable success").speaker == "New York Times"


def test_a_headline_with_its_byline_is_a_title(quotes_of):
    # ../shared/eval/quotes/train.jsonl, politico_2015-12-11_politico-new-york-s-culture-busi
    text = (
        '"Met accused of whitewashing baby Jesus," by Post\'s Kathianne Boniello: "A Manhattan man is suing '
        'the Met, claiming it’s committing sacrilege by depicting Jesus as a blond."'
    )
    assert not any(q.text.startswith("Met accused") for q in quotes_of(text))


def test_a_verb_the_parser_took_for_a_noun_keeps_its_subject(quotes_of):
    # ../shared/eval/quotes/train.jsonl, breitbart_2016-04-12_mexican-anchor-crosses-swords-wi
    text = (
        "Donald Trump clashed with Univision anchor Jorge Ramos over immigration when Trump shot back that the "
        "journalist had not been called on.\n\n“Go back to Univision,” Trump barked and a security guard "
        "escorted Ramos from the room."
    )
    assert by_text(quotes_of(text), "Go back to Univision").speaker == "Donald Trump"


def test_a_name_a_title_stands_beside_speaks(quotes_of):
    # news/sott_adelson.txt: the model tags nothing on "Guillaume Long"; not "Rafael Correa"
    text = (
        "Rafael Correa granted Julian Assange asylum in 2012.\n\n"
        "Guillaume Long, the foreign minister of Ecuador under Correa, told The Grayzone that the spying "
        'operation was "a major breach of sovereignty, of international law and the rules by which '
        'international diplomacy is regulated."'
    )
    assert by_text(quotes_of(text), "a major breach").speaker == "Guillaume Long"


def test_a_surname_the_model_missed_speaks(quotes_of):
    # ../shared/eval/quotes/train.jsonl, west-journal_2016-03-11_breaking-bernie-sanders-just-got: no
    # entity on "Husted" and no full name in the article
    text = (
        "A county judge ordered the polls in Ohio to stay open on Tuesday.\n\n"
        "“Judges legislating from the bench on election law has to stop,” Husted said."
    )
    assert by_text(quotes_of(text), "Judges legislating").speaker == "Husted"


def test_a_date_is_no_subject(quotes_of):
    # ../shared/eval/quotes/train.jsonl, breitbart_2016-06-05_elizabeth-warren-donald-trump-is: the parser
    # makes "Saturday" the subject of "said"
    text = (
        "Saturday at the Massachusetts Democratic state’s party convention Sen. Elizabeth Warren (D-MA) said "
        "presumptive Republican presidential nominee Donald Trump was a “proven failure” in business."
    )
    assert by_text(quotes_of(text), "proven failure").speaker == "Elizabeth Warren"
