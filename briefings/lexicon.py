"""Word lists the extractors share, kept apart from the rules that read them, so a rule reads
as logic and a list can grow without touching code paths.

Each section belongs to one extractor; keep sections self-contained.
"""
from __future__ import annotations

# -- quotes and speakers (briefings/extract/quotes.py, cues.py, speakers.py) -------------------

SPEECH_VERBS = {
    "say", "tell", "add", "stress", "note", "explain", "insist", "warn", "claim", "argue", "write", "ask",
    "reply", "respond", "state", "announce", "declare", "continue", "conclude", "admit", "acknowledge",
    "suggest", "tweet", "post", "comment", "remark", "recall", "predict", "promise", "vow", "urge",
    "confirm", "deny", "emphasise", "emphasize", "believe", "think", "describe", "call", "quip", "joke",
    "complain", "concede", "maintain", "assert", "observe", "point", "report", "testify", "shout",
    "scream", "whisper", "cry", "plead", "boast", "reveal", "agree", "answer", "counter", "caution",
    "repeat", "lament", "mutter", "demand", "told", "said", "dub", "label", "brand", "praise", "quote",
    "accuse", "charge", "blast", "slam", "criticize", "criticise", "mock", "chant", "sing", "read",
    "allege", "contend", "acknowledge", "recount", "echo", "proclaim", "retort", "snap", "sigh",
    "exclaim", "muse", "wonder", "speculate", "assure", "advise", "inform", "pledge", "estimate",
    "find", "conclude", "rule", "order", "urge", "decry", "condemn", "hail", "welcome", "characterize",
    "characterise", "term", "deem", "consider", "question", "challenge", "confess", "interject", "concur", "rejoin",
}
# Nouns that carry an attribution on their possessor: "Trump's claim that …", "her remark".
SPEECH_NOUNS = {
    "claim", "statement", "remark", "remarks", "comment", "comments", "words", "tweet", "tweets",
    "description", "promise", "warning", "accusation", "assertion", "charge", "response", "reply",
    "answer", "message", "speech", "pledge", "vow", "argument", "insistence", "suggestion", "view",
    "contention", "allegation", "declaration", "announcement", "call", "plea", "slogan", "question",
}
# Verbs that name things: a quoted title after them is what was said ("called him “Little Marco”").
NAMING_VERBS = {"call", "dub", "label", "brand", "describe", "term", "nickname", "name", "deride", "refer",
                "chant", "shout", "proclaim"}
# Sounds, not words: a quoted "um" is filler, never a quote ("shed of the usual “ums” and “ahs”").
FILLER_WORDS = {"um", "ums", "umm", "uh", "uhs", "uhh", "ah", "ahs", "er", "ers", "erm", "hmm", "mm", "mhm", "uh-huh"}
# Short words that are not titles' content words: "Face the Nation" is still a title.
TITLE_SMALL_WORDS = {"a", "an", "the", "of", "and", "or", "in", "on", "at", "to", "for", "with", "by", "from", "is"}

MALE_PRONOUNS = {"he", "him", "his", "himself"}
FEMALE_PRONOUNS = {"she", "her", "hers", "herself"}
MALE_HONORIFICS = {"mr", "sir", "lord", "baron", "herr", "father", "fr", "king", "prince"}
FEMALE_HONORIFICS = {"mrs", "ms", "miss", "lady", "dame", "baroness", "madam", "mme", "mlle", "frau",
                     "sister", "queen", "princess"}
MALE_WORDS = {"spokesman", "chairman", "congressman", "businessman", "councilman", "assemblyman",
              "king", "prince", "father", "husband", "son", "brother", "uncle", "grandfather",
              "boyfriend", "actor", "duke", "emperor", "nephew", "man", "gentleman", "sir"}
FEMALE_WORDS = {"spokeswoman", "chairwoman", "congresswoman", "businesswoman", "councilwoman",
                "assemblywoman", "queen", "princess", "mother", "wife", "daughter", "sister", "aunt",
                "grandmother", "girlfriend", "actress", "duchess", "empress", "niece", "woman", "lady",
                "widow", "first lady"}
# Nouns naming a body whose words are its members' or its organisation's: "the ministry said".
INSTITUTION_NOUNS = {
    "ministry", "department", "commission", "committee", "council", "agency", "office", "government",
    "administration", "company", "firm", "group", "union", "party", "campaign", "bank", "court",
    "board", "association", "organisation", "organization", "foundation", "institute", "center",
    "centre", "university", "police", "service", "army", "military", "embassy", "authority", "fund",
    "network", "newspaper", "paper", "magazine", "channel", "team", "club", "federation", "senate",
    "house", "congress", "parliament", "assembly", "coalition", "alliance", "corporation", "bureau",
    "secretariat", "cabinet", "regime", "force", "forces", "league", "society", "coalition",
}
# A body or a person speaking for someone: the someone ("Clinton's campaign", "a spokesman for
# the ministry", "the Trump campaign") is who the words are attributed to.
ON_BEHALF_NOUNS = {
    "campaign", "camp", "team", "office", "spokesman", "spokeswoman", "spokesperson", "representative",
    "aides", "aide", "staff", "statement", "website", "account", "administration", "government",
    "ministry", "department", "press", "release", "spokespeople", "lawyers", "lawyer", "attorney",
    "attorneys", "allies", "advisers", "surrogates", "twitter", "feed", "tweet", "tweets", "ad",
    "official", "officials", "spokespersons", "leadership", "leaders", "members",
}
# Nouns for a person who speaks without a name: "a spokesman said", "one official added".
SPEAKER_NOUNS = {
    "spokesman", "spokeswoman", "spokesperson", "official", "aide", "adviser", "advisor", "source", "insider",
    "man", "woman", "person", "resident", "voter", "witness", "representative", "staffer", "strategist",
    "operative", "lawyer", "attorney", "executive", "analyst", "expert", "observer", "diplomat", "officer",
}
# Capitals and US states: places the news makes speak for a government ("Seoul said", "Washington
# warned"), which a speaker never is. A surname the model typed GPE ("Stenberg said") is not here.
CAPITALS_AND_STATES = {
    "Abu Dhabi", "Abuja", "Accra", "Addis Ababa", "Algiers", "Amman", "Amsterdam", "Ankara", "Astana", "Athens",
    "Baghdad", "Baku", "Bamako", "Bangkok", "Beijing", "Beirut", "Belgrade", "Berlin", "Bern", "Bishkek", "Bogota",
    "Brasilia", "Bratislava", "Brussels", "Bucharest", "Budapest", "Buenos Aires", "Cairo", "Canberra", "Caracas",
    "Chisinau", "Colombo", "Copenhagen", "Dakar", "Damascus", "Delhi", "Dhaka", "Doha", "Dublin", "Dushanbe",
    "Edinburgh", "Freetown", "Hanoi", "Harare", "Havana", "Helsinki", "Islamabad", "Jakarta", "Jerusalem", "Kabul",
    "Kampala", "Kathmandu", "Khartoum", "Kiev", "Kigali", "Kinshasa", "Kuala Lumpur", "Kuwait City", "Kyiv",
    "Lagos", "Lima", "Lisbon", "Ljubljana", "London", "Luanda", "Lusaka", "Madrid", "Managua", "Manila", "Maputo",
    "Mexico City", "Minsk", "Mogadishu", "Monrovia", "Montevideo", "Moscow", "Muscat", "Nairobi", "New Delhi",
    "Niamey", "Nicosia", "Oslo", "Ottawa", "Panama City", "Paris", "Phnom Penh", "Prague", "Pretoria", "Pyongyang",
    "Quito", "Rabat", "Reykjavik", "Riga", "Riyadh", "Rome", "Sanaa", "Santiago", "Sarajevo", "Seoul", "Singapore",
    "Skopje", "Sofia", "Stockholm", "Taipei", "Tallinn", "Tashkent", "Tbilisi", "Tegucigalpa", "Tehran", "Tel Aviv",
    "Tirana", "Tokyo", "Tripoli", "Tunis", "Ulaanbaatar", "Vienna", "Vilnius", "Warsaw", "Washington", "Wellington",
    "Westminster", "Whitehall", "Yerevan", "Zagreb", "Brussels", "Holyrood", "Downing Street", "Kremlin",
    "Alabama", "Alaska", "Arizona", "Arkansas", "California", "Colorado", "Connecticut", "Delaware", "Florida",
    "Georgia", "Hawaii", "Idaho", "Illinois", "Indiana", "Iowa", "Kansas", "Kentucky", "Louisiana", "Maine",
    "Maryland", "Massachusetts", "Michigan", "Minnesota", "Mississippi", "Missouri", "Montana", "Nebraska", "Nevada",
    "New Hampshire", "New Jersey", "New Mexico", "New York", "North Carolina", "North Dakota", "Ohio", "Oklahoma",
    "Oregon", "Pennsylvania", "Rhode Island", "South Carolina", "South Dakota", "Tennessee", "Texas", "Utah",
    "Vermont", "Virginia", "West Virginia", "Wisconsin", "Wyoming",
}
