"""Participants on text from any outlet: issue 16's cases, each from its real sentence.

The sentences are copied here (the corpus is ../shared/corpus, which a clone may not have); each
test names its file. `content/…` is this repository's sample site.
"""

import pytest

from briefings.content import read_article
from briefings.extract import extract_doc
from briefings.extract.participants import find_participants

from conftest import SEED


@pytest.fixture(scope="module")
def found(parse):
    """Text → {canonical name: cluster}."""

    def run(text):
        return {c.name: c for c in find_participants(parse(text)).clusters}

    return run


def forms(cluster) -> set[str]:
    return {m.text for m in cluster.mentions}


# -- non-entities are not participants ----------------------------------------------------------


def test_films_are_not_people_or_places(found):
    # corpus/bbc/entertainment/373.txt (content/british-stars-denied-major-oscars.md)
    names = set(
        found(
            "The British visual effects team behind Harry Potter and the Prisoner of Azkaban were less fortunate, "
            "however, losing the Oscar in that category to Spider-Man 2. It was the first time actress Okonedo had "
            "been shortlisted, chosen for her performance in Hotel Rwanda about the 1994 Rwandan genocide. Kate "
            'Winslet was "ecstatic" about the fourth Oscar nomination of her career, this time for her lead role in '
            "Eternal Sunshine of the Spotless Mind. That award was won by Al Otro Lado Del Rio from The Motorcycle "
            "Diaries."
        )
    )
    assert (
        not {"Harry Potter", "Azkaban", "Spider-Man 2", "Hotel Rwanda", "Spotless Mind", "Eternal Sunshine", "Al Otro"}
        & names
    )
    assert "Kate Winslet" in names


def test_exams_and_protocols_are_not_organisations(found):
    # corpus/news/telegraph_thatcher.txt (content/thatcher-gcse-files.md), corpus/news/reuters_gmail.txt
    names = set(
        found(
            "Margaret Thatcher attempted to put off the introduction of GCSEs because she feared the exams "
            "would lead to lower standards, newly released files show. Her fears appear to chime with the "
            "views of Conservatives about the GCSE system today - almost 30 years later. In one briefing note "
            "she was warned that \u201cGCSE is an exam nobody will fail\u201d. Sir Keith said that under the "
            "O-level and CSE system pupils were \u201csimply ranked in merit order\u201d.\n\n"
            "Almost all of Google's services have been heavily disrupted in China since June this year, but "
            "until last week Gmail users could still access emails downloaded via protocols like IMAP, SMTP "
            "and POP3."
        )
    )
    assert not {"GCSE", "GCSEs", "CSE", "IMAP", "SMTP", "POP3"} & names
    assert {"Margaret Thatcher", "Google"} <= names


# -- types --------------------------------------------------------------------------------------


def test_people_the_model_calls_organisations_or_places(found):
    # corpus/news/reuters_airasia.txt (content/airasia-search-stepped-up.md); the second sentence is
    # corpus/news/globeandmail_airliner.txt's
    people = found(
        "Indonesian Air Force spokesman Hadi Tjahjanto said authorities would investigate an oil spill sighted on "
        "Monday. Searchers had found nothing connected to the missing plane, Tjahjanto told Reuters.\n\n"
        "Hadi Tjahnanto, a senior Indonesian air-force officer, told MetroTV that the slick samples were being "
        "analyzed."
    )
    assert people["Hadi Tjahjanto"].type == "PERSON" and "Tjahjanto" in forms(people["Hadi Tjahjanto"])
    assert people["Hadi Tjahnanto"].type == "PERSON"
    assert people["MetroTV"].type == "ORG"


def test_a_name_in_a_list_of_people_is_a_person(found):
    # corpus/news/reuters_airasia.txt: the credit line is boilerplate (cut before the parse, or kept
    # and then a person's, never an organisation's)
    people = found(
        "Reporting by Wilda Asmarini, Fransiska Nangoy, Cindy Silviana and Siva Govindasamy in "
        "Jakarta. The search continued on Tuesday."
    )
    assert people.get("Fransiska Nangoy") is None or people["Fransiska Nangoy"].type == "PERSON"


def test_towns_are_not_people(found):
    # corpus/bbc/politics/097.txt (content/uk-plan-to-deport-terror-suspects.md), corpus/bbc/tech/120.txt,
    # corpus/news/cnn_alito.txt
    places = found(
        "The move follows a Law Lords judgement that the detention of 12 men at Belmarsh prison, London, "
        "and Woodhill, Milton Keynes, was unlawful. A 19-year-old man from Camberley, Surrey, was "
        "arrested by the National Hi-Tech Crime Unit but has been bailed."
    )
    assert places["Milton Keynes"].type in ("GPE", "LOC")
    assert places.get("Surrey") is None or places["Surrey"].type in ("GPE", "LOC")
    verona = found(
        "Of Friar Lawrence, Prelogar said at one point, "
        "\u201cHe just wanted to make Verona great again.\u201d In fair Verona, where we lay our scene."
    )
    assert verona.get("Verona") is None or verona["Verona"].type in ("GPE", "LOC")


def test_companies_are_not_places(found):
    # corpus/news/reuters_airasia.txt, corpus/news/globeandmail_airliner.txt
    bodies = found(
        "The plane, whose engines were made by CFM International, co-owned by General Electric and Safran "
        "of France, lacked real-time engine diagnostics or monitoring, a GE spokesman said. The AirAsia "
        "flight vanished on Sunday. AirAsia said it was cooperating."
    )
    assert bodies["Safran"].type == "ORG"
    assert bodies["AirAsia"].type == "ORG"


# -- wrong merges -------------------------------------------------------------------------------


def test_two_presidents_bush_stay_apart(found):
    # corpus/news/cnn_alito.txt
    people = found(
        "President Ronald Reagan named Alito a US attorney in New Jersey and President George H.W. Bush "
        "tapped him for a prestigious appellate court post in 1990. President George W. Bush elevated "
        "Alito to the high court in January 2006."
    )
    assert "George W. Bush" not in forms(people["George H.W. Bush"])
    assert "George W. Bush" in people


def test_a_country_is_not_the_company_named_after_it(found):
    # corpus/news/reuters_airasia.txt; content/glasgow-ebola-case.md
    found_ = found(
        "Charitha Pattiaratchi referred to the Malaysia Airlines flight that went missing on March 8. "
        "Malaysia has sent ships to help. The U.S. military said the USS Sampson, a guided missile "
        "destroyer, would be on the scene later on Tuesday.\n\n"
        "The patient flew back to Scotland late on Sunday on a British Airways flight via Casablanca. "
        "British health officials said the risk was low."
    )
    assert "Malaysia Airlines" not in forms(found_["Malaysia"])
    assert "USS Sampson" not in forms(found_["United States"])
    assert "British Airways" not in forms(found_["United Kingdom"])


def test_a_companys_arm_in_a_country_is_not_the_company(found):
    # corpus/news/reuters_airasia.txt: two companies, the second owning half of the first
    found_ = found(
        "There have been no confirmed signs of wreckage from the Airbus A320-200 operated by Indonesia "
        "AirAsia, which disappeared in poor weather on Sunday morning. Indonesia AirAsia is 49 percent "
        "owned by Malaysia-based budget carrier AirAsia. The AirAsia group, including affiliates in "
        "Thailand, the Philippines and India, had not suffered a crash since 2002."
    )
    assert "AirAsia" not in forms(found_["Indonesia AirAsia"])
    assert "AirAsia" in found_


# -- not joined ---------------------------------------------------------------------------------


def test_title_and_surname_join_the_full_name(found):
    # corpus/bbc/tech/120.txt; corpus/news/reuters_airasia.txt
    people = found(
        'The head of the NHTCU, Acting Detective Chief Superintendent, Mick Deats, said: "This '
        'investigation has resulted in the significant disruption of organised criminals." Chief Supt '
        'Deats went on to warn: "The internet offers huge legitimate benefits."\n\n'
        '"The lesson is that you need to move quickly," said Charitha Pattiaratchi, an oceanographer at '
        "the University of Western Australia. Oceanographer Pattiaratchi said debris would normally float "
        "for around 18 days."
    )
    assert "Deats" in forms(people["Mick Deats"]) and "Supt Deats" not in people and "Deats" not in people
    assert "Pattiaratchi" in forms(people["Charitha Pattiaratchi"])
    assert not {"Oceanographer Pattiaratchi", "Pattiaratchi"} & set(people)


def test_bbc_and_bbc_news_are_one(found):
    # content/uk-plan-to-deport-terror-suspects.md
    bodies = found(
        "Home Secretary Charles Clarke told BBC News the plan was lawful. The BBC understands the talks "
        "began last year."
    )
    assert len([name for name in bodies if name.startswith("BBC")]) == 1


def test_a_name_spelt_with_and_without_a_space_is_named_as_the_text_mostly_writes_it(found):
    # corpus/news/telegraph_airasia.txt: "AirAsia" most times, "Air Asia" now and then
    names = set(
        found(
            "AirAsia QZ8501 made a steep climb before it crashed. Tony Fernandes, the Air Asia chief, has "
            "been speaking at Surabaya's airport. The same ship retrieved AirAsia flight QZ8501's "
            "emergency evacuation tube. The bodies recovered from the AirAsia plane will be brought "
            "to land."
        )
    )
    assert "AirAsia" in names and "Air Asia" not in names


# -- fragments ----------------------------------------------------------------------------------


def test_names_are_not_cut_into_fragments(found):
    # corpus/news/livescience_psilocybin.txt, corpus/news/dailybeast_nuns.txt
    names = set(
        found(
            'The drug seems to connect "brain regions that don\'t normally talk together," said study '
            "co-author Paul Expert, a physicist at King's College London.\n\n"
            "In 2009, the Vatican\u2019s Congregation for the Doctrine of the Faith started a separate "
            "investigation. But in April, Gerhard M\u00fcller, the prefect for the Congregation for the "
            "Doctrine of the Faith, quashed that hope."
        )
    )
    assert "King's College London" in names and "College London" not in names
    assert not {"Congregation", "Faith"} & names


# -- roles --------------------------------------------------------------------------------------


def test_roles_before_the_name(found):
    # corpus/news/dailybeast_nuns.txt
    people = found(
        "The report was the fruit of an investigation into 341 American congregations guided by Mother "
        "Superior Marie Clare Millea, a matronly sister who became tearful at times."
    )
    assert people["Marie Clare Millea"].type == "PERSON"
    assert people["Marie Clare Millea"].role == "Mother Superior"


def test_roles_after_the_name(found):
    # corpus/news/reuters_airasia.txt, corpus/news/telegraph_thatcher.txt
    people = found(
        "Soelistyo, head of Indonesia's search and rescue agency, told local television the search area "
        "would be expanded. The missing plane could be at the bottom of the sea, Soelistyo said on "
        "Monday.\n\n"
        "GCSEs were eventually introduced in September 1986 with Kenneth Baker, now Lord Baker of Dorking, "
        "as education secretary, after Sir Keith stepped down in May."
    )
    assert people["Soelistyo"].role == "head of Indonesia's search and rescue agency"
    assert people["Kenneth Baker"].role == "education secretary"


def test_no_role_made_up(found):
    # corpus/bbc/entertainment/373.txt (content/british-stars-denied-major-oscars.md), corpus/news/cnn_alito.txt
    people = found(
        "Kate Winslet also lost to best actress Hilary Swank, while Clive Owen and Sophie Okonedo failed "
        "to win best supporting actor awards. Before Sunday's ceremony Owen was bookmakers' favourite for "
        "his role in romantic drama Closer. It was also a debut nomination for Staunton, 49, who played "
        "abortionist Vera Drake in Mike Leigh's film.\n\n"
        "Solicitor General Elizabeth Prelogar is the Biden administration\u2019s top lawyer at the court. "
        "Prelogar, 43, argues the government\u2019s most consequential cases."
    )
    assert people["Clive Owen"].role is None
    assert "Vera Drake" not in people  # a character
    assert people["Elizabeth Prelogar"].role == "Solicitor General"


# -- the seed article ---------------------------------------------------------------------------


def test_seed_five_participants_with_roles(parse):
    # content/japan-uk-security-dialogue.md
    art, _ = read_article(SEED)
    got = {p.name: p for p in extract_doc(parse(art.text), 3).participants}
    assert (got["William Hague"].type, got["William Hague"].title) == ("PERSON", "British Foreign Secretary")
    assert (got["Fumio Kishida"].type, got["Fumio Kishida"].role) == ("PERSON", "Foreign Minister")
    assert (got["Shinzo Abe"].type, got["Shinzo Abe"].role) == ("PERSON", "Prime Minister")
    assert got["Japan"].type == "GPE" and got["Japan"].role is None
    assert got["United Kingdom"].type == "GPE" and got["United Kingdom"].role is None
    top = [p.name for p in extract_doc(parse(art.text), 3).participants[:5]]
    assert set(top) == {"William Hague", "Fumio Kishida", "Japan", "United Kingdom", "Shinzo Abe"} or {
        "William Hague",
        "Fumio Kishida",
        "Japan",
        "United Kingdom",
    } <= set(top)


def test_sample_site_regressions_while_tuning(found):
    # content/ebbers-aware-of-worldcom-fraud.md, content/ukraine-trims-privatisation-check.md: a person
    # "portrayed as" is no character; a steel producer is a company; an acronym defined in brackets
    # joins a body the places table knows.
    got = found(
        "Former WorldCom boss Bernie Ebbers was directly involved in the $11bn financial fraud. He "
        "portrayed Mr Ebbers, a charismatic businessman who built up WorldCom from a small regional operator, "
        "as obsessed with costs.\n\n"
        "Viktor Yushchenko prepared to head to Brussels to meet with US President George W Bush "
        "and other North Atlantic Treaty Organisation (Nato) leaders. "
        "He cited last year's sale of Ukrainian steel producer Krivorizhstal as one that had raised concerns."
    )
    assert got["Bernie Ebbers"].type == "PERSON" and got["Bernie Ebbers"].role == "WorldCom boss"
    assert got["Krivorizhstal"].type == "ORG"
    assert "Nato" in forms(got["NATO"]) and "North Atlantic Treaty Organisation" not in got


def test_a_span_of_a_lower_case_word_and_a_line_break_is_no_mention(nlp):
    # The model once tagged "xenon" and the paragraph break after it; the mention left empty crashed
    # the whole article's extraction.
    from spacy.tokens import Span

    from briefings.extract.mentions import clean_mention

    doc = nlp("It found neon and xenon\n\nThe rover moved on.")
    at = next(t.i for t in doc if t.text == "xenon")
    assert all(m.text for m in clean_mention(Span(doc, at, at + 2, label="ORG")))


def test_names_that_differ_by_a_number_a_ground_or_a_compass_point_stay_apart(found):
    # Wrong merges the held-out scoring found in rules of this issue (the sentences here are made up):
    # a misspelling is not a different number, a club is not its ground, East London is not London.
    got = found(
        "The DJ moved from BBC Radio 1 to BBC Radio 2 last year. Celtic beat Hearts 3-0 at Celtic Park "
        "on Saturday, and Celtic Park was full. She grew up in East London and now lives in London."
    )
    assert "BBC Radio 2" not in forms(got.get("BBC Radio 1", got.get("BBC Radio 2")))
    assert not any({"Celtic", "Celtic Park"} <= forms(c) for c in got.values())
    assert not any({"East London", "London"} <= forms(c) for c in got.values())


# -- the cases in held-out articles -----------------------------------------------------
# These four articles are in tests/data/participants/news-heldout/; their tests were written after
# the held-out set was scored once (the rules they check came after that score).


def test_heldout_cases_non_entities(found):
    # corpus/news/dailymail_ecigarette.txt, corpus/news/nj_christie.txt (content/doherty-criticises-christie.md)
    got = found(
        "The e-cigarette and charger were made by Prestige Vaping but the car adapter plug was bought "
        "elsewhere.\n\n"
        "Doherty says New Jersey\u2019s poor, urban school districts are still getting "
        "a disproportionate amount of state aid thanks to a series of Supreme Court decisions "
        "dating back to the 1970s known as Abbott v. Burke.\n\n"
        "Matt Friedman may be reached at mfriedman@njadvancemedia.com. Follow him on Twitter @MattFriedmanSL."
    )
    assert got["Prestige Vaping"].type == "ORG"
    assert not {"Abbott v. Burke", "Abbott", "Twitter @MattFriedmanSL"} & set(got)


def test_heldout_cases_state_of_new_jersey_is_new_jersey(found):
    # corpus/news/nj_christie.txt
    got = found(
        "Doherty says New Jersey\u2019s poor, urban school districts are still getting state aid.\n\n"
        "\u201cThe governor\u2019s possible national ambitions have distracted him "
        "from doing the job he was hired to do in the State of New Jersey,\u201d he said."
    )
    assert "State of New Jersey" in forms(got["New Jersey"]) and "State of New Jersey" not in got


def test_heldout_cases_roles_before_the_name(found):
    # corpus/news/nypost_shark.txt
    got = found(
        "California State Park Ranger Supervisor Robert Colligan said the attack by the 8-to-10 foot shark "
        "happened at around 11 a.m.\n\n"
        "The San Luis Obispo Tribune, citing witnesses, identified the surfer as 50-year-old Kevin Swanson of "
        "Morro Bay, Calif."
    )
    assert got["Robert Colligan"].role == "California State Park Ranger Supervisor"
    assert (got["Kevin Swanson"].type, got["Kevin Swanson"].role) == ("PERSON", "surfer")
    assert "Park Ranger" not in got


def test_heldout_cases_a_company_cut_at_its_and(found):
    # corpus/news/reuters_sensex.txt
    got = found("Infrastructure stocks gained with Larsen and Toubro (LART.NS) rising 2 percent.")
    assert "Larsen and Toubro" in got and "Toubro" not in got


def test_a_state_and_its_long_name_join_once_and_extraction_ends(found):
    # Found on the PolNeAR quotes set: "Virginia" joined "State of Virginia" while "State of Virginia"
    # joined "Virginia", and following the chain never ended (the sentences here are made up).
    got = found(
        "Virginia officials said the law was clear. The State of Virginia filed the suit on Monday, and "
        "Virginia will appeal."
    )
    assert "State of Virginia" in forms(got["Virginia"]) and "State of Virginia" not in got


# -- cases the reader review found (bench/reader/after-6d64388.md) ------------------------------


def test_a_point_of_the_compass_makes_a_place_not_a_bank(found):
    # corpus/news/wired_hebron.txt
    found_ = found(
        "Israel has expanded its surveillance of Palestinians in the occupied West Bank since October. "
        "Soldiers in the West Bank use the system daily."
    )
    assert found_["West Bank"].type in ("GPE", "LOC")


def test_two_bodies_joined_by_and_stay_two(found):
    # corpus/news/technologyreview_crispr.txt
    names = set(
        found(
            "“All I can say is that we did it in my lab with Jennifer Doudna,” says Charpentier, now a "
            "professor at the Helmholtz Centre for Infection Research and Hannover Medical School in "
            "Germany."
        )
    )
    assert {"Helmholtz Centre for Infection Research", "Hannover Medical School"} <= names


def test_a_company_named_after_a_technology_is_a_company(found):
    # corpus/news/technologyreview_crispr.txt
    found_ = found(
        "“The intellectual property in this space is pretty complex, to put it nicely,” says Rodger "
        "Novak, a former pharmaceutical industry executive who is now CEO of CRISPR Therapeutics, a "
        "startup in Basel, Switzerland, that was cofounded by Charpentier. The system, called CRISPR, "
        "is being harnessed to treat human genetic disease. Charpentier threw in with CRISPR "
        "Therapeutics in Europe."
    )
    assert found_["CRISPR Therapeutics"].type == "ORG"
    assert found_["Rodger Novak"].role == "CEO of CRISPR Therapeutics"  # the post held now, not the former one


def test_a_plural_title_before_two_names_is_each_ones_in_the_singular(found):
    # corpus/news/technologyreview_crispr.txt
    found_ = found(
        "Last month in Silicon Valley, biologists Jennifer Doudna and Emmanuelle Charpentier showed up "
        "in black gowns to receive the $3 million Breakthrough Prize."
    )
    assert found_["Jennifer Doudna"].role == "biologist"


def test_an_employer_before_a_surname_is_not_part_of_the_name(found):
    # corpus/news/technologyreview_crispr.txt
    names = set(
        found(
            "Not dressing up that night was Feng Zhang, a researcher at the Broad Institute. In January "
            "2013, the laboratories of Harvard’s Church and Broad’s Zhang were first to publish papers."
        )
    )
    assert "Feng Zhang" in names and not any("’s" in name or "'s" in name for name in names)


def test_a_name_given_to_a_made_thing_is_no_participant(found):
    # corpus/news/wired_hebron.txt, corpus/news/technologyreview_crispr.txt
    names = set(
        found(
            "One strand of this software, known as Red Wolf, uses facial recognition cameras placed at "
            "checkpoints. If the system doesn’t recognize an individual, it will enroll their biometric "
            "data into Red Wolf, said Ori Givati.\n\n"
            "These Streptococcus pyogenes bacteria use a DNA-cutting defense to battle viruses. The "
            "system, called CRISPR, is being harnessed to treat human genetic disease. No CRISPR drug yet "
            "exists, said Jennifer Doudna."
        )
    )
    assert not {"Red Wolf", "CRISPR"} & names
    assert {"Ori Givati", "Jennifer Doudna"} <= names
    names = set(
        found(
            "They’d won for developing CRISPR-Cas9, a “powerful and general technology” for editing "
            "genomes, said Jennifer Doudna."
        )
    )
    assert "CRISPR-Cas9" not in names


def test_a_peer_named_by_title_and_place_is_a_person_and_an_airport_a_place(found):
    # corpus/news/dailymail_hindmarch.txt, corpus/news/wired_hebron.txt
    found_ = found(
        "The luxury handbag and accessories company which bears her name counts celebrities such as the "
        "Duchess of Cambridge as fans. Palestinians are rarely allowed to fly from Ben Gurion Airport, the "
        "group said."
    )
    assert found_["Duchess of Cambridge"].type == "PERSON"
    assert found_["Ben Gurion Airport"].type == "LOC"
