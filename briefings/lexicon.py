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
    "characterise", "term", "deem", "consider", "question", "challenge",
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
