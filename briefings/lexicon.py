"""Word lists, in one place: the words that rules elsewhere recognise forms by.

A rule reads better with its words named than spelt out in a regular expression, and a
list kept here can be read, reviewed and extended without touching the rule. Each stage
has its own section; nothing here is code beyond the lists themselves.
"""

from __future__ import annotations

# Word lists stay packed as written, several words to a line: one word a line would make them
# five times as long and no easier to read or review.
# fmt: off

# -- clean: boilerplate cut before anything reads the text ---------------------------------

# Words a Title Case line leaves in lower case ("Heroics from Johnson", "Reading v Stockport").
TITLE_SMALL_WORDS = {"a", "an", "the", "of", "and", "or", "in", "on", "at", "to", "for", "with", "by", "from",
                     "v", "vs"}

MONTHS = {
    "january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6, "july": 7, "august": 8,
    "september": 9, "october": 10, "november": 11, "december": 12,
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8, "sep": 9, "sept": 9, "oct": 10,
    "nov": 11, "dec": 12,
}
WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
            "mon", "tue", "tues", "wed", "thu", "thur", "thurs", "fri", "sat", "sun")
TIME_ZONES = ("EST", "EDT", "ET", "CST", "CDT", "CT", "MST", "MDT", "MT", "PST", "PDT", "PT", "GMT", "BST",
              "UTC", "CET", "CEST", "IST", "JST", "KST", "AEST", "AEDT", "HKT", "SGT", "WIB")

# News agencies and outlets that tag a dateline: "JAKARTA (Reuters) -", "(CNN) --", "SEOUL, Aug. 20 (Yonhap) --".
OUTLET_TAGS = ("Reuters", "AP", "AFP", "CNN", "UPI", "Yonhap", "Xinhua", "Bloomberg", "PA", "dpa", "DPA", "EFE",
               "ANSA", "Kyodo", "IANS", "PTI", "ANI", "BBC", "CNBC", "AAP", "CP", "TASS", "RIA", "KUNA", "WAM",
               "Bernama", "Antara", "NNA", "MarketWatch", "Variety", "EW", "THR", "KABC", "KTLA", "WABC",
               "Associated Press", "The Associated Press", "Agence France-Presse", "CNN Money", "CNNMoney",
               "Sputnik", "AP Photo")

# Picture agencies and desks that sign photo credits: "(AFP/Getty)", "Richard Vogel/AP",
# "Boston Herald / Polaris", "[Splash]". Matched case-sensitively, as credits print them.
PHOTO_AGENCIES = ("Getty Images", "Getty", "AFP", "AP", "AP Photo", "Reuters", "REUTERS", "EPA", "PA", "PA Wire",
                  "Rex", "Rex Features", "REX", "Shutterstock", "Alamy", "Corbis", "WireImage", "FilmMagic",
                  "Splash", "Splash News", "Wenn", "WENN", "Polaris", "iStock", "iStockphoto", "Bloomberg",
                  "Xinhua", "Newscom", "Zuma", "ZUMA", "ZUMA Press", "Barcroft", "Press Association",
                  "Associated Press", "Instagram", "Twitter", "Facebook", "YouTube", "Handout", "HANDOUT", "NASA",
                  "Public Domain", "Flickr", "Wikimedia Commons", "Sipa", "Abaca", "Mirrorpix", "Camera Press",
                  "Bauer-Griffin", "INF", "Fame Flynet", "BigPictures", "Mega", "X17", "Pacific Coast News",
                  "USA TODAY Sports", "USA Today Sports", "Icon Sportswire", "Action Images", "Sportsfile")

# Words naming a picture, which captions and credits open with or are labelled by.
PICTURE_WORDS = ("photo", "photos", "photograph", "photographs", "picture", "pictures", "image", "images",
                 "video", "videos", "gallery", "illustration", "graphic", "graphics", "file photo", "footage")

# What a byline says of its writer after the name: "Lena deCasparis | Contributing Writer".
WRITER_ROLES = ("writer", "reporter", "correspondent", "editor", "columnist", "contributor", "staff",
                "journalist", "author", "producer", "critic", "blogger", "analyst", "intern", "fellow",
                "photographer", "anchor", "host", "presenter", "commentator", "researcher", "strategist")

# Job words in an author's closing note: "Malcolm Harris is an editor at The New Inquiry …".
BIO_WORDS = WRITER_ROLES + ("novelist", "poet", "founder", "co-founder", "freelance", "freelancer",
                            "contributing", "senior", "deputy", "managing", "bureau chief", "podcast")

# Share buttons and social residue: a paragraph made only of these words is a share row.
SHARE_WORDS = {
    "facebook", "twitter", "whatsapp", "email", "e-mail", "share", "pinterest", "linkedin", "reddit", "print",
    "tweet", "messenger", "copy", "link", "sms", "comments", "comment", "x", "flipboard", "google+", "google",
    "tumblr", "mail", "save", "shares", "this", "article", "on", "story", "the", "pin", "it", "more",
    "galleries", "gallery", "video", "photo", "photos", "instagram", "youtube", "snapchat", "telegram", "via",
    "like", "follow", "us", "subscribe", "rss", "feed", "enlarge", "expand", "close", "embed", "digg",
    "stumbleupon", "delicious", "whats", "app", "page", "share:", "tweet:", "and", "&", "+",
}
SOCIAL_NETWORKS = ("Facebook", "Twitter", "Instagram", "Google+", "Pinterest", "LinkedIn", "YouTube", "Snapchat",
                   "TikTok", "Tumblr", "Threads", "Mastodon", "Bluesky", "WhatsApp", "Telegram", "Flipboard")

# Headers that open a run of links to other stories: "Related Articles:", "Like this? You might
# also be interested in:". The run ends at the next paragraph of story text.
PROMO_HEADERS = ("related", "related articles", "related article", "related stories", "related story",
                 "related content", "related links", "related coverage", "related posts", "related reading",
                 "related topics", "more from", "more on this", "more on this story", "more stories",
                 "more news", "read more", "see also", "also read", "also on", "recommended",
                 "recommended for you", "you may also like", "you might also like", "most read",
                 "most popular", "trending", "trending now", "top picks", "top stories", "don't miss",
                 "don’t miss", "elsewhere", "further reading", "in other news", "more coverage",
                 "latest news", "what to read next", "popular", "editor's picks", "editors' picks",
                 "around the web", "from the web", "sponsored links", "more videos", "watch more",
                 "also see", "keep reading", "read next", "up next", "more video", "most viewed", "recommended stories",
                 "from around the web", "more from our partners", "sponsored stories", "promoted stories",
                 "most shared", "related video", "related videos")

# Openers of a promo line: "Read more: …", "ALSO READ: …", "See also: …", "WATCH: …".
PROMO_OPENERS = ("read more", "read", "also read", "see also", "see", "related", "related article",
                 "related story", "related video", "watch", "watch more", "watch the video", "listen", "video",
                 "more", "more from", "recommended", "don't miss", "don’t miss", "click here", "scroll down",
                 "trending now", "most read", "also", "previously", "next", "up next", "read next",
                 "more on", "photos", "gallery", "slideshow", "in pictures", "pictures", "view price",
                 "add to cart", "buy now", "shop now", "get it", "buy it", "shop", "punch first", "see it",
                 "check price", "sponsored", "promoted", "advertisement", "ad")

# Calls to the reader that make a line a promo when it is only that: "To find out more …, click here."
CLICK_PHRASES = ("click here", "click through", "click on", "tap here", "scroll down", "scroll up",
                 "see more photos", "see the full", "view full size", "view gallery",
                 "view the gallery", "view the full", "read the full", "read the rest", "watch the full",
                 "listen to the full", "listen to the complete", "watch the video", "watch video",
                 "get the original", "find out more", "view price")

# Live-blog and editors' housekeeping, and notes about where a story came from.
HOUSEKEEPING_PHRASES = (
    "live coverage", "live blog", "liveblog", "live updates", "this story has been updated",
    "this article has been updated", "this post has been updated", "this posting has been updated",
    "this story was updated", "this article was updated", "this post was updated", "this story was corrected",
    "this article was corrected", "an earlier version of this", "a previous version of this",
    "editor's note", "editor’s note", "editors' note", "reprinted with permission",
    "small errors in this transcript", "this transcript",
    "this story is developing", "this is a developing story", "check back for updates",
    "we will update this", "we'll update this", "refresh for updates", "follow our live", "we are going to leave",
    "we're going to leave", "we will be back", "we'll be back", "that's all for today", "that is all for today",
    "thanks for following", "thank you for following", "inappropriate video", "alert us",
    "has been automatically generated", "auto-generated", "this content is imported", "this content is created",
)

# Newsletter, subscription, membership and donation asks. Strong phrases are a plea by themselves;
# the weak words count only as a call to the reader ("you", "your", "our", "us" in the line).
PLEA_PHRASES = (
    "quality journalism", "support our journalism", "support quality journalism", "support independent journalism",
    "support our reporting", "fund our journalism", "already a member", "already a subscriber",
    "already subscribed", "log in to continue", "login to continue", "log in to read", "become a member",
    "become a subscriber", "make a contribution", "make a donation", "donate now", "donate today",
    "subscribe now", "subscribe today", "subscribe for", "sign up now", "sign up today", "sign up for",
    "join our newsletter", "our newsletter", "daily newsletter", "weekly newsletter", "free newsletter",
    "newsletter from", "get the digital edition", "digital edition", "unlimited access",
    "subscribers only", "for subscribers", "create a free account", "register for free", "share your videos",
    "share your photos", "share your stories", "send us your", "share it in the comments",
    "in the comments below", "leave a comment", "tell us in the comments", "affiliate links",
    "affiliate link", "earn a small commission", "earn a commission", "may earn", "sponsored by",
    "paid partnership", "this post contains", "disclaimer:", "disclosure:", "ireport", "like us!",
    "join our", "step 1:", "step 2:", "thanks for your support", "thank you for your support",
    "thanks for reading", "thank you for reading", "delivered to your inbox", "straight to your inbox",
    "in your inbox", "let us know in the comments", "tell us what you think", "more stories like this",
    "stories like this", "get our newsletter", "sign up to receive", "download our app", "download the app",
    "get the app", "comment on this story", "comment on this article",
)
PLEA_WORDS = ("subscribe", "subscribing", "subscriber", "subscribers", "subscription", "newsletter",
              "newsletters", "sign up", "signup", "donate", "donation", "membership", "register", "comments")

# One-line section and category labels: "Topics: Immigration, …", "Tags:", "Filed under: …".
LABEL_OPENERS = ("topics", "topic", "tags", "tagged", "filed under", "categories", "category", "section",
                 "posted in", "more about", "keywords", "subjects", "subject")
AD_WORDS = ("advertisement", "advertising", "sponsored", "sponsored content", "ad feedback",
            "story continues below", "story continues below advertisement", "continue reading below",
            "advertisement - continue reading below", "advertisement – continue reading below",
            "advertisement - story continues below", "advertisement - scroll to continue",
            "article continues below", "continue reading", "paid content", "promoted", "partner content")

# Counters: "143 comments", "16shares", "1.7M shares".
COUNTER_WORDS = ("comments", "comment", "shares", "share", "views", "view", "likes", "like", "reads",
                 "responses", "replies", "reactions", "retweets", "points", "votes", "notes")

# Words that end a caption's person list or stand for a picture's place in the layout.
CAPTION_POSITIONS = ("left", "right", "centre", "center", "middle", "top", "bottom", "above", "below", "inset",
                     "pictured", "file", "file photo", "file picture", "top left", "top right", "bottom left",
                     "bottom right", "second left", "second right", "far left", "far right", "front", "back",
                     "background", "foreground", "l", "r", "l-r", "from left", "clockwise from top left")

# A page's own furniture, the whole line and nothing else, on any site: media player and
# gallery controls, cookie and script notices, navigation ("Back to top"). Matched case-blind
# against the whole paragraph, its end punctuation aside.
PAGE_CHROME = (
    "hide caption", "toggle caption", "show caption", "close caption", "caption", "enlarge this image",
    "enlarge image", "click to enlarge", "click image to enlarge", "tap to enlarge", "view larger image",
    "view full size image", "expand image", "zoom in", "loading", "loading...", "loading…", "back to top",
    "return to top", "skip to content", "skip to main content", "report an error", "report a typo",
    "print this article", "print this page", "email this article", "email this story", "continue reading",
    "continue reading the main story", "continue reading below", "story continues below",
    "article continues below", "supported by", "join the conversation", "view comments", "show comments",
    "hide comments", "load comments", "post a comment", "add a comment", "leave a comment", "comments",
    "view gallery", "view slideshow", "launch gallery", "open gallery", "next slide", "previous slide",
    "replay", "play video", "watch video", "video", "photo", "photos", "image", "audio", "listen",
    "listen to this article", "font size", "text size", "a a a", "previous", "next", "more", "close",
    "menu", "search", "sign in", "log in", "register", "subscribe", "image copyright", "image caption",
    "media caption", "topics", "tags", "related topics", "embedded image permalink", "view this post on instagram",
    "view this post on twitter", "view this post on facebook", "open in new window", "opens in new window",
)
# Page notices that are about the page, not the story: cookies, scripts, players.
PAGE_NOTICES = (
    "uses cookies", "use of cookies", "enable javascript", "javascript is disabled", "javascript disabled",
    "does not support the video", "doesn't support the video", "does not support html5", "browser does not support",
    "upgrade your browser", "update your browser", "ad blocker", "adblock", "all rights reserved",
    "may not be published, broadcast", "may not be reproduced", "terms of use", "terms of service",
    "privacy policy", "comments powered by", "this video is no longer available", "media playback is unsupported",
)
# Words naming a job in a film's or a feature's credits: "DIRECTOR & PRODUCER Ariane Wu", "NARRATOR Roman Mars".
CREDIT_ROLES = WRITER_ROLES + (
    "director", "producer", "narrator", "composer", "animator", "mixer", "illustrator", "designer", "artist",
    "music", "sound", "camera", "cinematographer", "animation", "graphics", "footage", "images", "thanks",
    "reporting", "research", "consultant", "coordinator", "manager", "engineer", "colorist", "developer",
    "photography", "photographs", "videographer", "design", "production", "archival", "additional",
)
# Past forms that do not end in -ed: with an auxiliary or an -ed word, what makes a line a clause
# rather than a title ("Pacquiao headed …", "She gave birth …", "… will be shown on Sky Sports").
IRREGULAR_PAST = frozenset((
    "said", "told", "made", "took", "went", "came", "gave", "got", "saw", "found", "became", "began", "left",
    "felt", "kept", "held", "brought", "thought", "knew", "ran", "won", "lost", "met", "paid", "sent", "spent",
    "stood", "wrote", "fell", "led", "built", "caught", "chose", "drew", "drove", "ate", "flew", "grew", "hid",
    "hit", "hurt", "shot", "sold", "spoke", "stole", "struck", "taught", "threw", "understood", "wore", "sat",
    "sang", "rode", "rose", "broke", "bought", "fought", "swore", "shook", "slid", "split", "spread", "woke"))

# Reporting verbs: a paragraph with a direct quote and one of these is the story speaking.
SPEECH_VERBS = ("said", "says", "say", "told", "tells", "tell", "added", "adds", "asked", "asks", "explained",
                "explains", "wrote", "writes", "stated", "states", "noted", "notes", "insisted", "insists",
                "argued", "argues", "claimed", "claims", "warned", "warns", "declared", "declares", "replied",
                "replies", "responded", "responds", "recalled", "recalls", "according to", "admitted", "admits",
                "announced", "announces", "joked", "jokes", "tweeted", "tweets", "posted", "continued",
                "continues", "agreed", "agrees", "remarked", "observed", "suggested", "suggests", "urged",
                "urges", "conceded", "concedes", "acknowledged", "acknowledges", "cautioned", "predicted",
                "quipped", "shouted", "whispered", "described", "describes", "revealed", "reveals",
                "confirmed", "confirms", "denied", "denies", "added:", "said:", "says:", "told")


# -- quotes and speakers: what is a quote, and who said it (extract/quotes.py, cues.py, speakers.py) --

# Verbs of saying: a quote's cue, and (as a subject's verb) evidence that a name is a speaker for participants.
SAYING_VERBS = {
    "say", "tell", "add", "stress", "note", "explain", "insist", "warn", "claim", "argue", "write", "ask",
    "reply", "respond", "state", "announce", "declare", "continue", "conclude", "admit", "acknowledge",
    "suggest", "tweet", "post", "comment", "remark", "recall", "predict", "promise", "vow", "urge",
    "confirm", "deny", "emphasise", "emphasize", "believe", "think", "describe", "call", "quip", "joke",
    "complain", "concede", "maintain", "assert", "observe", "point", "report", "testify", "shout",
    "scream", "whisper", "cry", "plead", "boast", "reveal", "agree", "answer", "counter", "caution",
    "repeat", "lament", "mutter", "demand", "told", "said", "dub", "label", "brand", "praise", "quote",
    "accuse", "charge", "blast", "slam", "criticize", "criticise", "mock", "chant", "sing", "read",
    "allege", "contend", "recount", "echo", "proclaim", "retort", "snap", "sigh",
    "exclaim", "muse", "wonder", "speculate", "assure", "advise", "inform", "pledge", "estimate",
    "find", "rule", "order", "decry", "condemn", "hail", "welcome", "characterize",
    "characterise", "term", "deem", "consider", "question", "challenge", "confess", "interject", "concur",
    "rejoin", "opine", "rumble", "bellow", "thunder", "scoff", "gush", "marvel", "fume", "sneer", "chime",
    "interrupt", "reiterate", "clarify", "bark", "yell", "holler", "snarl", "growl", "hiss", "grumble", "groan",
    "gripe", "howl", "shriek", "stammer",
}
# Nouns that carry an attribution on their possessor: "Trump's claim that …", "her remark".
SAYING_NOUNS = {
    "claim", "statement", "remark", "remarks", "comment", "comments", "words", "tweet", "tweets",
    "description", "promise", "warning", "accusation", "assertion", "charge", "response", "reply",
    "answer", "message", "speech", "pledge", "vow", "argument", "insistence", "suggestion", "view",
    "contention", "allegation", "declaration", "announcement", "call", "plea", "slogan", "question",
}
# Verbs of saying whose object is never a person: in "…,” reports Corrie Driebusch" the name
# after the verb is its subject, where in "told Trump" or "called Trump “…”" it is not.
REPORTING_VERBS = {"say", "write", "report", "add", "note", "continue", "explain", "insist", "argue", "claim",
                   "observe", "recall", "reply", "respond", "conclude", "declare", "state", "announce", "admit",
                   "acknowledge", "tweet", "remark", "quip", "joke", "opine", "concede", "predict"}
# Verbs that name things: a quoted title after them is what was said ("called him “Little Marco”").
NAMING_VERBS = {"call", "dub", "label", "brand", "describe", "term", "nickname", "name", "deride", "refer",
                "chant", "shout", "proclaim"}
# Sounds, not words: a quoted "um" is filler, never a quote ("shed of the usual “ums” and “ahs”").
FILLER_WORDS = {"um", "ums", "umm", "uh", "uhs", "uhh", "ah", "ahs", "er", "ers", "erm", "hmm", "mm", "mhm", "uh-huh"}
# Kinds of work a title names: the quote right after one is a title, not speech (participants
# have their own WORK_NOUNS, for names after such a noun).
QUOTED_WORK_NOUNS = {"book", "memoir", "novel", "documentary", "film", "movie", "show", "series", "sitcom", "programme",
              "program", "podcast", "song", "single", "album", "play", "musical", "column", "op-ed", "editorial",
              "essay", "headline", "article", "titled", "entitled", "magazine", "newsletter", "blog", "poem"}
# Short words that are not titles' content words: "Face the Nation" is still a title.
WORK_TITLE_SMALL_WORDS = {"a", "an", "the", "of", "and", "or", "in", "on", "at", "to", "for", "with", "by", "from",
                          "is"}

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
    "secretariat", "cabinet", "regime", "force", "forces", "league", "society",
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
# Given names and the short forms an article calls the same person by: "Joe" is Joseph Worley.
NICKNAMES = {
    "Joseph": "Joe", "William": "Bill", "Robert": "Bob", "James": "Jim", "Michael": "Mike", "Thomas": "Tom",
    "David": "Dave", "Daniel": "Dan", "Christopher": "Chris", "Elizabeth": "Liz", "Katherine": "Kate",
    "Catherine": "Kate", "Nicholas": "Nick", "Benjamin": "Ben", "Anthony": "Tony", "Steven": "Steve",
    "Stephen": "Steve", "Samuel": "Sam", "Matthew": "Matt", "Richard": "Rick", "Jonathan": "Jon",
    "Edward": "Ed", "Andrew": "Andy", "Timothy": "Tim", "Gregory": "Greg", "Jeffrey": "Jeff", "Kenneth": "Ken",
    "Ronald": "Ron", "Donald": "Don", "Patrick": "Pat", "Peter": "Pete", "Alexander": "Alex", "Margaret": "Maggie",
    "Jennifer": "Jen", "Rebecca": "Becky", "Susan": "Sue", "Deborah": "Debbie", "Victoria": "Vicky",
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
    "Westminster", "Whitehall", "Yerevan", "Zagreb", "Holyrood", "Downing Street", "Kremlin",
    "Alabama", "Alaska", "Arizona", "Arkansas", "California", "Colorado", "Connecticut", "Delaware", "Florida",
    "Georgia", "Hawaii", "Idaho", "Illinois", "Indiana", "Iowa", "Kansas", "Kentucky", "Louisiana", "Maine",
    "Maryland", "Massachusetts", "Michigan", "Minnesota", "Mississippi", "Missouri", "Montana", "Nebraska", "Nevada",
    "New Hampshire", "New Jersey", "New Mexico", "New York", "North Carolina", "North Dakota", "Ohio", "Oklahoma",
    "Oregon", "Pennsylvania", "Rhode Island", "South Carolina", "South Dakota", "Tennessee", "Texas", "Utah",
    "Vermont", "Virginia", "West Virginia", "Wisconsin", "Wyoming",
}

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
CUE_VERB_LEMMAS = frozenset({
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
    "band", "outfit", "orchestra", "choir", "daily", "weekly", "outlet",
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
    "centre", "therapeutics", "pharmaceuticals", "biosciences", "biotherapeutics", "biologics",
}
# The four points of the compass: "West Bank" and "South Bank" are places, whatever their last word.
COMPASS_POINTS = {"north", "south", "east", "west"}
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
             "Peninsula", "Glacier", "Airport", "Harbour", "Harbor"}
# Nouns for a work: the name right after one is the work's ("the film Saving Private Ryan").
WORK_NOUNS = {
    "film", "films", "movie", "movies", "comedy", "drama", "thriller", "biopic", "documentary", "epic",
    "album", "single", "song", "novel", "book", "play", "musical", "show", "series", "sitcom", "soap",
    "game", "games", "programme", "program", "blockbuster", "sequel", "cartoon", "opera", "ballet",
    "horror", "hit", "title", "titles", "classic", "classics", "franchise", "biography", "podcast",
    "flick", "remix", "mixtape", "track", "episode", "trailer", "memoir", "project", "projects",
}
PRODUCT_NOUNS = {"gadget", "gadgets", "device", "devices", "phone", "phones", "handset", "handsets", "console",
                 "consoles", "product", "products", "brand", "brands", "drug", "drugs", "software", "app", "apps"}
# Nouns for a made thing that a name can be given: "software, known as Red Wolf", "the system,
# called CRISPR". A company or a person is introduced so too, but never by these nouns.
THING_NOUNS = {"system", "systems", "software", "technology", "technologies", "technique", "tool", "tools", "program",
               "programme", "platform", "method", "algorithm", "database", "app", "application", "strand",
               "component", "weapon", "missile", "drone", "robot", "feature", "vaccine", "drug", "device", "gadget"}
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
    "analyst", "staffer", "hopeful", "nominee", "cinematographer", "superior", "killer", "murderer", "gunman",
    "shooter",
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
ZONE_NAMES = {"GMT", "UTC", "BST", "CET", "CEST", "EST", "EDT", "CST", "CDT", "MST", "MDT", "PST", "PDT", "WIB", "JST",
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
# fmt: on
