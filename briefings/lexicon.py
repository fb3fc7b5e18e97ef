"""Word lists that extraction rules recognise sentence forms by.

Kept apart from the rules so that a list can be read and extended without touching code;
each stage keeps its own section below, and nothing here is more than data.
"""
from __future__ import annotations

# -- key points: sentences that cannot stand alone, and tails an editor trims -------------

# Openers that point back to the sentence before ("But …", "It was …", "This means …"):
# such a sentence is a key point only right after the sentence it leans on.
DEPENDENT_OPENERS = frozenset({
    "but", "and", "or", "nor", "yet", "so", "however", "also", "still", "instead", "meanwhile", "then",
    "this", "that", "these", "those", "it", "its", "such", "both", "thus", "hence", "therefore", "furthermore",
    "moreover", "nevertheless", "nonetheless", "otherwise", "besides", "likewise", "similarly", "indeed",
})
# Personal pronouns opening a sentence ("He was …", "Their …"): a key point only when the
# person they stand for is named in a point before it.
PERSON_PRONOUNS = frozenset({"he", "she", "his", "her", "him", "hers"})
GROUP_PRONOUNS = frozenset({"they", "their", "them", "theirs"})

# Verbs that report speech: a sentence whose words are a quotation and one of these is a
# quote with its cue ("'And he didn't,' Doherty said."), listed with the quotes, not a key point.
SPEECH_VERBS = frozenset({
    "say", "tell", "add", "ask", "explain", "insist", "claim", "continue", "write", "tweet", "post", "admit",
    "reply", "respond", "answer", "declare", "state", "note", "warn", "argue", "recall", "joke", "quip",
    "laugh", "sob", "cry", "shout", "scream", "whisper", "muse", "remark", "comment", "confess", "concede",
    "reveal", "announce", "describe", "urge", "plead", "beg", "boast", "vow", "promise", "suggest",
})

# Reporting verbs that only name a source ("…, officials said.", "…, a survey revealed."):
# the tail they head can be trimmed when the claim before it stands alone and the source is
# one that reports rather than argues (OFFICIAL_SOURCES). Verbs that carry the point
# ("denied", "admitted", "warned", "claimed", "confirmed") are not here: their tail stays.
NEUTRAL_REPORTING_VERBS = frozenset({
    "say", "tell", "add", "report", "state", "explain", "note", "write", "announce", "reveal", "show", "find",
    "tweet", "post",
})

# Sources whose attribution an editor drops from a fact ("…, police said.", "…, according to
# court documents."): authorities, institutions and documents. A person's word ("…, his closest
# associate has told a US court.") stays attributed: without the tail it would read as fact.
OFFICIAL_SOURCES = frozenset({
    "official", "police", "authority", "spokesman", "spokeswoman", "spokesperson", "report", "study",
    "survey", "poll", "research", "figure", "data", "statistic", "document", "record", "file", "paper",
    "statement", "department", "ministry", "agency", "company", "government", "prosecutor", "investigator",
    "regulator", "council", "census", "analysis", "filing", "release", "medium", "media", "newspaper",
})
