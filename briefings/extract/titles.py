"""Words of office and address: shared by participants (roles) and quotes (speakers)."""

from __future__ import annotations

# fmt: off
HONORIFICS = {
    "Mr", "Mrs", "Ms", "Miss", "Mx", "Dr", "Sir", "Dame", "Lord", "Lady", "Baroness", "Baron",
    "Prof", "Professor", "Rev", "Revd", "Reverend", "Fr", "Father", "Sister", "Rabbi", "Imam",
    "Sheikh", "Mme", "Mlle", "Herr", "Frau", "Messrs",
}

# The noun that ends a title: "Foreign *Secretary*", "chief *executive*".
TITLE_HEADS = {
    "minister", "secretary", "president", "vice-president", "chancellor", "premier", "governor", "senator",
    "sen", "gov", "rep", "representative", "congressman", "congresswoman", "mayor", "ambassador", "envoy",
    "spokesman", "spokeswoman", "spokesperson", "director", "chairman", "chairwoman", "chair", "chief",
    "executive", "ceo", "cfo", "coo", "leader", "commissioner", "general", "officer", "judge", "justice",
    "king", "queen", "prince", "princess", "pope", "emperor", "adviser", "advisor", "counsel", "attorney",
    "head", "founder", "co-founder", "manager", "coach", "captain", "analyst", "economist", "professor",
    "speaker", "whip", "chairperson", "lawmaker", "mp", "mep", "candidate", "nominee", "deputy", "admiral",
    "colonel", "commander", "lieutenant", "sergeant", "inspector", "superintendent", "constable", "sheriff",
    "bishop", "archbishop", "cardinal", "editor", "correspondent", "boss", "owner", "partner", "striker",
    "midfielder", "defender", "goalkeeper", "chairmen", "vice-chairman", "treasurer", "prosecutor",
    "solicitor-general", "attorney-general", "secretary-general", "director-general", "president-elect",
    "councillor", "councilor", "alderman", "assemblyman", "assemblywoman", "councilman", "councilwoman",
    "co-chairman", "anchor", "presenter", "newscaster",
    # Occupations a name follows as a title: "Singer Sam Endicott", "BBC Radio 1 DJ Trevor Nelson".
    "singer", "rapper", "dj", "mc", "host", "actor", "actress", "comedian", "writer", "author", "novelist",
    "playwright", "producer", "critic", "organiser", "organizer", "musician", "guitarist", "drummer",
    "frontman", "vocalist", "composer", "designer", "architect", "chef", "lawyer", "scientist", "researcher",
    "physicist", "astronomer", "historian", "campaigner", "activist", "reporter", "columnist", "photographer",
    "carer", "nurse", "teacher", "farmer", "pensioner", "barmaid", "cinematographer",
    "investigator", "detective", "advocate", "airman", "pilot", "co-pilot", "coordinator",
    # Abbreviated ranks and offices before a name: "Chief Supt Deats", "Detective Lt. Robert Pfannes".
    "lt", "capt", "sgt", "col", "maj", "cpl", "det", "supt", "insp", "adm", "cmdr", "cdr", "lieut", "pvt", "atty",
    "amb", "solicitor", "cllr",
}

# Words that may stand inside a title before its head: "Prime", "Foreign", "former".
TITLE_MODIFIERS = {
    "prime", "foreign", "home", "defence", "defense", "finance", "health", "education", "vice", "deputy",
    "chief", "executive", "first", "state", "shadow", "former", "acting", "interior", "trade", "industry",
    "culture", "environment", "transport", "economy", "energy", "business", "junior",
    "senior", "assistant", "associate", "managing", "general", "supreme", "lord", "attorney", "press",
    "communications", "national", "security", "public", "international", "development", "treasury",
    "labour", "work", "pensions", "northern", "ireland", "scottish", "welsh", "european", "interim",
    "principal", "technical", "operating", "financial", "commercial", "policy", "sports", "media",
}
# fmt: on


def is_title_head(word: str) -> bool:
    """ "Minister", "ceo", "Presidents" (a title shared by several names)."""
    lower = word.rstrip(".").lower()
    return lower in TITLE_HEADS or (len(lower) > 4 and lower.endswith("s") and lower[:-1] in TITLE_HEADS)


def is_title_word(word: str) -> bool:
    lower = word.rstrip(".").lower()
    return lower in TITLE_HEADS or lower in TITLE_MODIFIERS
