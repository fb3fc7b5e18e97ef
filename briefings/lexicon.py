"""Word lists the extractors share, kept apart from the rules that read them, so that a rule
reads as logic and a list can be reviewed and extended without touching a code path.

Each section belongs to one extractor and is self-contained.
"""
from __future__ import annotations

# -- participants (briefings/extract/mentions.py, clustering.py, entity_types.py, roles.py) --------
# Kinds of words, never names of particular people, films or companies.

# Nouns for a body: the name right after one is that body's ("the regulator Ofcom").
ORG_NOUNS = {
    "department", "ministry", "agency", "firm", "company", "group", "bank", "regulator", "watchdog",
    "broadcaster", "network", "operator", "cartel", "website", "site", "body", "union", "carrier", "airline",
    "retailer", "manufacturer", "giant", "publisher", "newspaper", "paper", "channel", "station", "charity",
    "consultancy", "journal", "magazine", "insurer", "lender", "supermarket", "chain", "organisation",
    "organization", "association", "institute", "university", "club", "label", "studio", "conglomerate",
    "brewer", "carmaker", "maker", "distributor", "exchange", "portal", "provider", "utility", "tabloid",
    "band", "outfit", "orchestra", "choir", "daily", "weekly", "outlet", "agency",
}
# Words that end a body's name but are no name on their own: "the Information Commissioner's Office".
GENERIC_ORG_HEADS = {"Office", "Department", "Ministry", "Committee", "Council", "Agency", "Commission", "Board",
                     "Service", "Party", "Association", "Union", "Court", "Bureau", "Authority", "Institute",
                     "Foundation", "Trust", "Society", "Executive", "Assembly", "Inquiry", "Unit", "Panel",
                     "Organization", "Organisation", "Federation", "League", "Network", "Institution"}
# Words that end an organisation's name without being its distinctive part.
ORG_SUFFIXES = {
    "university", "college", "bank", "group", "inc", "corp", "corporation", "company", "co", "plc", "ltd",
    "limited", "holdings", "airlines", "airways", "motors", "international", "entertainment", "interactive",
    "pictures", "studios", "records", "media", "communications", "technologies", "systems",
    "institute", "foundation", "trust", "partners", "capital", "securities", "markets", "chase",
    "global", "worldwide", "labs", "software", "networks", "telecom", "energy", "oil", "petroleum", "center",
    "centre",
}
# Nouns only a person is: "Courtney Love, the widow of Kurt Cobain".
KIN_NOUNS = {"widow", "widower", "wife", "husband", "son", "daughter", "mother", "father", "brother", "sister",
             "girlfriend", "boyfriend", "fiancee", "fiance", "ex-wife", "ex-husband", "grandson", "granddaughter",
             "uncle", "aunt", "nephew", "niece", "cousin", "stepson", "stepdaughter"}
PEERAGE = {"Lord", "Lady", "Baroness", "Baron", "Viscount", "Earl", "Countess", "Duke", "Duchess"}
POST_NOMINALS = {"QC", "KC", "MP", "MEP", "MSP", "AM", "OBE", "CBE", "MBE", "KBE", "DBE", "PhD", "Jr", "Jr."}
# The last word of a club's name after its town's: "Newcastle United".
CLUB_SUFFIXES = {"United", "Rovers", "Athletic", "Wanderers", "Albion", "Hotspur", "FC", "Academicals"}
# Nouns that follow a club's name: "Birmingham manager Steve Bruce".
CLUB_NOUNS = {"manager", "coach", "boss", "striker", "midfielder", "defender", "goalkeeper", "keeper", "winger",
               "flanker", "prop", "hooker", "lock", "fly-half", "scrum-half", "fans", "supporters", "chairman",
               "squad", "player", "players", "forward", "full-back", "centre-back", "skipper",
               "frontman", "frontwoman", "guitarist", "drummer", "bassist", "keyboardist"}  # "Nirvana frontman"
# Nouns and verbs of a player's transfer between clubs.
TRANSFER_WORDS = {"move", "transfer", "loan", "switch", "return", "sign", "join", "swap", "deal", "bid"}
# The last word of a structure's or a natural feature's name: "the Three Gorges Dam".
LOC_HEADS = {"Stadium", "Arena", "Park", "Dam", "Bridge", "River", "Lake", "Canal", "Tunnel", "Mountains",
             "Mountain", "Valley", "Island", "Islands", "Sea", "Ocean", "Desert", "Forest", "Bay", "Gulf",
             "Peninsula", "Glacier"}
# Nouns for a work: the name right after one is the work's ("the film Saving Private Ryan").
WORK_NOUNS = {
    "film", "films", "movie", "movies", "comedy", "drama", "thriller", "biopic", "documentary", "epic",
    "album", "single", "song", "novel", "book", "play", "musical", "show", "series", "sitcom", "soap",
    "game", "games", "programme", "program", "blockbuster", "sequel", "cartoon", "opera", "ballet",
    "horror", "hit", "title", "titles", "classic", "classics", "musical", "franchise", "biography", "podcast",
    "flick", "remix", "mixtape", "track", "episode", "trailer", "memoir", "project", "projects",
}
PRODUCT_NOUNS = {"gadget", "gadgets", "device", "devices", "phone", "phones", "handset", "handsets", "console",
                 "consoles", "product", "products", "brand", "brands", "drug", "drugs", "software", "app", "apps"}
# Diseases the model takes for places or people ("diagnosed with Ebola").
DISEASES = {"Ebola", "HIV", "Aids", "AIDS", "Sars", "SARS", "Mers", "MERS", "Covid", "Covid-19", "COVID-19", "Zika",
            "MRSA", "Malaria", "Cholera", "Polio", "Measles", "Alzheimer's", "Parkinson's", "Huntington's"}
DISEASE_NOUNS = {"virus", "outbreak", "epidemic", "vaccine", "vaccines", "patient", "patients", "case", "cases",
                  "infection", "infections", "symptoms", "strain", "pandemic", "fever", "crisis"}
AWARDS = {"Oscar", "Academy Award", "Golden Globe", "Bafta", "Grammy", "Emmy", "Tony Award", "Brit Award",
          "Golden Bear", "Palme d'Or", "Super Bowl", "Superbowl", "Olympics", "World Cup", "Booker Prize",
          "Nobel Prize", "Turner Prize", "Mercury Prize"}
# The last word of an event's or prize's name: "Conservative Party Conference", "Athens Games".
EVENT_HEADS = {"Award", "Awards", "Prize", "Prizes", "Conference", "Summit", "Games", "Olympics", "Festival",
               "Cup", "Championship", "Championships", "Trophy", "Ceremony", "Globe", "Globes", "Oscars",
               "Bowl", "Marathon", "Grand Prix", "Expo", "Show", "Week", "Day", "Election", "Elections"}
NAME_STOP_WORDS = {"too", "the", "a", "an", "and", "or", "of", "to", "in", "on", "at", "for", "with", "it", "is", "we",
               "you", "he", "she", "they", "i", "my", "our", "your", "new", "all", "no", "not", "so", "but", "if",
               "how", "why", "what", "who", "when", "where", "this", "that", "more", "most", "fast", "top", "big"}
NAME_PREFIXES = {"pre", "post", "anti", "pro", "non", "ex"}
VERBS_BEFORE_NAMES = {"vote", "get", "elect", "back", "support", "ask", "meet", "call", "tell", "let", "see"}
ACRONYM_SKIP = {"of", "the", "and", "for", "in", "on", "&", "to", "de"}
# Nouns that stand before a name without being the person's role.
NOT_ROLES = {
    "year", "years", "week", "weekend", "day", "days", "month", "time", "season", "today", "tonight",
    "morning", "evening", "night", "people", "fans", "crowd", "side", "team", "duo", "trio", "pair", "couple",
    "quartet", "number", "record", "victory", "defeat", "win", "goal", "goals", "hopefuls", "hopeful",
    "friend", "friends", "tribute", "message", "letter", "report", "statement", "interview", "speech",
    "birthday", "death", "case", "trial", "return", "name", "names", "brand", "thing", "things",
    "man", "woman", "men", "women", "person", "boy", "girl", "child", "children", "citizen", "citizens",
    "role", "thanks", "national", "nationals", "resident", "residents",
}
# Work done "by NAME" that names its doer's role.
DOER_ROLES = {"direct": "director", "host": "host", "present": "presenter", "produce": "producer",
          "compose": "composer", "found": "founder", "co-found": "co-founder", "coach": "coach"}
SAY_VERBS = {"say", "tell", "add", "insist", "argue", "claim", "warn", "note", "explain", "admit", "conclude",
              "predict", "concede", "write", "agree", "acknowledge", "continue", "believe"}
# Nouns only a person is, beyond titles and kin: "Felicity Ruby, a colleague of Bini".
PERSON_NOUNS = {
    "colleague", "friend", "relative", "pilot", "co-pilot", "copilot", "teen", "teenager", "girl", "boy", "man",
    "woman", "resident", "student", "pupil", "victim", "survivor", "passenger", "fan", "veteran", "expert",
    "official", "citizen", "native", "worker", "employee", "soldier", "dictator", "billionaire",
    "millionaire", "tycoon", "donor", "mega-donor", "hacker", "developer", "engineer", "doctor", "nurse", "surgeon",
    "teacher", "athlete", "player", "star", "celebrity", "artist", "poet", "investor", "entrepreneur",
    "businessman", "businesswoman", "consultant", "contractor", "whistleblower", "journalist", "blogger", "spy",
    "detective", "investigator", "suspect", "defendant", "plaintiff", "witness", "prisoner", "inmate", "immigrant",
    "refugee", "mom", "dad", "grandmother", "grandfather", "baby", "child", "kid", "toddler", "adult", "person",
    "volunteer", "priest", "nun", "monk", "pastor", "coordinator", "oceanographer", "surfer", "ranger",
    "firefighter", "fireman", "policeman", "policewoman", "trooper", "lieutenant", "sergeant", "deputy",
    "supervisor", "spokesperson", "aide", "assistant", "lyricist", "screenwriter", "filmmaker", "director",
    "widow", "academic", "lecturer", "mother-to-be", "mom-to-be", "boss", "chief", "founder", "owner", "agent",
    "analyst", "staffer", "hopeful", "nominee", "athlete", "cinematographer", "superior", "killer", "murderer", "gunman", "shooter",
}
# Nouns after a name that make it a company's: "Qualcomm shares", "the AirAsia flight".
COMPANY_CONTEXT_NOUNS = {
    "shares", "stock", "stocks", "shareholders", "shareholder", "ceo", "cfo", "coo", "flight", "flights", "plane",
    "planes", "jet", "jets", "airliner", "airplane", "aircraft", "subsidiary", "headquarters", "employees",
    "executives", "customers", "stores", "store", "brand", "products", "earnings", "revenue", "profits",
    "spokeswoman", "spokesman", "spokesperson", "stake", "logo", "website", "app", "users", "founder",
    "co-founder", "executive", "group", "airline", "carrier", "subsidiaries", "unit",
}
# Stock exchanges that open a ticker in brackets: "Qualcomm (NASDAQ: QCOM)".
EXCHANGES = {"NASDAQ", "Nasdaq", "NYSE", "LSE", "TSX", "ASX", "OTC", "OTCBB", "OTCQB", "OTCMKTS", "AMEX", "NYSEMKT",
             "BATS", "NYSEARCA", "TSXV", "LON", "ETR", "EPA",
             "FTSE", "HKSE", "SEHK", "TSE", "NSE", "BSE"}
# Common nouns for a settlement or an area, before "of NAME": "the coastal town of Kumai".
PLACE_NOUNS = {"town", "city", "village", "province", "state", "region", "island", "county", "district", "suburb",
               "borough", "capital", "port", "area", "neighbourhood", "neighborhood", "municipality", "prefecture",
               "hamlet", "resort", "community", "islands", "peninsula", "coast", "sea", "strait"}
# Lower-case words inside names: "Erik van Sebille", "Jerez de la Frontera", "Ahmed al-Tayeb".
NAME_PARTICLES = {"van", "von", "der", "den", "de", "del", "della", "di", "da", "du", "la", "le", "al", "el", "bin",
                  "ibn", "ben", "ter", "ten", "dos", "das", "y", "e", "zu", "af", "st"}
# Words that end the name of a law, a policy or a court case: "the Volcker Rule".
LAW_HEADS = {"Act", "Rule", "Law", "Amendment", "Treaty", "Accord", "Accords", "Doctrine", "Directive", "Statute",
             "Protocol", "Convention", "Regulation", "Regulations", "Ordinance"}
# Nouns for ships and vehicles: "Royal Malaysian Navy ship KD Lekir", "the $70 million yacht".
VESSEL_NOUNS = {"ship", "ships", "vessel", "vessels", "yacht", "boat", "frigate", "warship", "submarine",
                "destroyer", "tanker", "ferry", "car", "cars", "bike", "bikes", "motorcycle", "truck", "jeep"}
# Time zones, which the model takes for organisations: "midnight GMT".
TIME_ZONES = {"GMT", "UTC", "BST", "CET", "CEST", "EST", "EDT", "CST", "CDT", "MST", "MDT", "PST", "PDT", "WIB", "JST",
              "IST", "AEST", "AEDT", "HKT", "SGT"}
# Heads of a list whose members may be participants: "companies such as X", "lawmakers like Y";
# any other head makes its members things ("protocols like IMAP", "brands including Silk").
LIST_OF_PARTICIPANTS = {"outlet", "publication", "nation", "country", "team", "side", "party", "rival", "competitor",
                        "name", "figure", "state", "city", "town", "government", "power", "economy", "market",
                        "neighbour", "neighbor", "ally", "donor", "sponsor", "investor", "customer", "client",
                        "partner", "bidder", "buyer", "seller", "member", "leader", "star", "giant", "player"}
# What a body makes, holds or is part of, after its name: "NHTSA statistics", "the G7 meeting", "ABC affiliates".
BODY_NOUNS = {"statistics", "data", "figures", "report", "reports", "survey", "study", "poll", "estimates", "estimate",
              "meeting", "meetings", "affiliate", "affiliates", "news", "statement", "rules", "guidelines",
              "investigation", "probe", "ruling", "decision", "forecast", "index", "records", "documents",
              "headquarters", "summit", "talks", "deal", "plan", "policy", "budget", "funding", "members",
              "membership", "board", "chairman", "director", "officials", "agents", "analysts", "researchers",
              "scientists", "staff", "spokesman", "spokeswoman", "team", "unit", "division", "operation",
              "operations", "office", "offices", "account", "accounts", "research", "review", "ratings", "rating"}
# Ranks and offices that make the name after them a person's whatever the model tagged it:
# "Captain Irianto" tagged GPE. (Not "General", "Major", "Private": "General Electric".)
RANKS = {"captain", "capt", "lieutenant", "lt", "sergeant", "sgt", "colonel", "col", "admiral", "adm", "commander",
         "cmdr", "corporal", "cpl", "detective", "det", "inspector", "insp", "superintendent", "supt", "constable",
         "officer", "sheriff", "senator", "sen", "governor", "gov", "congressman", "congresswoman", "mayor", "judge",
         "airman", "investigator", "trooper", "ranger", "pilot"}
# Nouns whose "in X" makes X a work: "her lead role in Eternal Sunshine of the Spotless Mind".
WORK_CONTEXT_NOUNS = {"role", "roles", "performance", "performances", "part", "appearance", "cameo", "turn", "starring"}
# Verbs whose object is a character, not a participant: "who played abortionist Vera Drake".
CHARACTER_VERBS = {"play"}
