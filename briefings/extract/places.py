"""Countries, a few international bodies and political parties, with aliases and demonyms.

Lets extraction join "British", "Britain", "U.K." and "the United Kingdom" into one
participant, "United Kingdom". Hand-written and stdlib-only on purpose: the table is
small, reviewable, and must not change with a model or a package version.

Canonical names are the short names BBC/Reuters use ("Ivory Coast", "Czech Republic").
Where one form could mean two places, it is listed under the one the news usually means
and left off the other; building the index fails loudly if two places ever share a key.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass


@dataclass(frozen=True)
class Place:
    name: str  # canonical, e.g. "United Kingdom"
    type: str  # "GPE" or "ORG"
    aliases: tuple[str, ...]  # other names, incl. abbreviations
    demonyms: tuple[str, ...]  # adjectives and people nouns, singular and plural
    ambiguous: bool = False  # the name is often something else: a first name, a US state


# (canonical name, aliases, demonyms); the last two are comma-separated, possibly empty.
_COUNTRIES = [
    ("Afghanistan", "Islamic Republic of Afghanistan, Islamic Emirate of Afghanistan", "Afghan, Afghans"),
    ("Albania", "Republic of Albania", "Albanian, Albanians"),
    ("Algeria", "People's Democratic Republic of Algeria", "Algerian, Algerians"),
    ("Andorra", "Principality of Andorra", "Andorran, Andorrans"),
    ("Angola", "Republic of Angola", "Angolan, Angolans"),
    ("Antigua and Barbuda", "Antigua", "Antiguan, Antiguans, Barbudan, Barbudans"),
    ("Argentina", "Argentine Republic", "Argentine, Argentines, Argentinian, Argentinians"),
    ("Armenia", "Republic of Armenia", "Armenian, Armenians"),
    ("Australia", "Commonwealth of Australia", "Australian, Australians"),
    ("Austria", "Republic of Austria", "Austrian, Austrians"),
    ("Azerbaijan", "Republic of Azerbaijan", "Azerbaijani, Azerbaijanis, Azeri, Azeris"),
    ("Bahamas", "Commonwealth of the Bahamas", "Bahamian, Bahamians"),
    ("Bahrain", "Kingdom of Bahrain", "Bahraini, Bahrainis"),
    ("Bangladesh", "People's Republic of Bangladesh", "Bangladeshi, Bangladeshis"),
    ("Barbados", "", "Barbadian, Barbadians"),
    ("Belarus", "Republic of Belarus", "Belarusian, Belarusians, Belarussian, Belarussians"),
    ("Belgium", "Kingdom of Belgium", "Belgian, Belgians"),
    ("Belize", "", "Belizean, Belizeans"),
    ("Benin", "Republic of Benin", "Beninese"),
    ("Bhutan", "Kingdom of Bhutan", "Bhutanese"),
    ("Bolivia", "Plurinational State of Bolivia", "Bolivian, Bolivians"),
    ("Bosnia and Herzegovina", "Bosnia-Herzegovina, Bosnia", "Bosnian, Bosnians"),
    ("Botswana", "Republic of Botswana", "Botswanan, Botswanans, Motswana, Batswana"),
    ("Brazil", "Federative Republic of Brazil", "Brazilian, Brazilians"),
    ("Brunei", "Brunei Darussalam", "Bruneian, Bruneians"),
    ("Bulgaria", "Republic of Bulgaria", "Bulgarian, Bulgarians"),
    ("Burkina Faso", "", "Burkinabe, Burkinabè"),
    ("Burundi", "Republic of Burundi", "Burundian, Burundians"),
    ("Cambodia", "Kingdom of Cambodia", "Cambodian, Cambodians"),
    ("Cameroon", "Republic of Cameroon", "Cameroonian, Cameroonians"),
    ("Canada", "", "Canadian, Canadians"),
    ("Cape Verde", "Cabo Verde, Republic of Cabo Verde", "Cape Verdean, Cape Verdeans, Cabo Verdean, Cabo Verdeans"),
    ("Central African Republic", "", "Central African, Central Africans"),
    ("Chad", "Republic of Chad", "Chadian, Chadians"),
    ("Chile", "Republic of Chile", "Chilean, Chileans"),
    ("China", "People's Republic of China, PRC, Mainland China", "Chinese"),
    ("Colombia", "Republic of Colombia", "Colombian, Colombians"),
    ("Comoros", "Union of the Comoros", "Comoran, Comorans, Comorian, Comorians"),
    # Reuters style: bare "Congo" and "Congolese" are the DRC, the bigger story by far.
    (
        "Democratic Republic of Congo",
        "Democratic Republic of the Congo, DR Congo, DRC, Congo-Kinshasa, Congo",
        "Congolese",
    ),
    ("Republic of Congo", "Republic of the Congo, Congo-Brazzaville, Congo Republic", ""),
    ("Costa Rica", "Republic of Costa Rica", "Costa Rican, Costa Ricans"),
    ("Croatia", "Republic of Croatia", "Croatian, Croatians, Croat, Croats"),
    ("Cuba", "Republic of Cuba", "Cuban, Cubans"),
    ("Cyprus", "Republic of Cyprus", "Cypriot, Cypriots"),
    ("Czech Republic", "Czechia", "Czech, Czechs"),
    ("Denmark", "Kingdom of Denmark", "Danish, Dane, Danes"),
    ("Djibouti", "Republic of Djibouti", "Djiboutian, Djiboutians"),
    # "Dominican" goes to the Dominican Republic, far more often in the news.
    ("Dominica", "Commonwealth of Dominica", ""),
    ("Dominican Republic", "", "Dominican, Dominicans"),
    ("East Timor", "Timor-Leste, Democratic Republic of Timor-Leste", "East Timorese, Timorese"),
    ("Ecuador", "Republic of Ecuador", "Ecuadorian, Ecuadorians, Ecuadorean, Ecuadoreans"),
    ("Egypt", "Arab Republic of Egypt", "Egyptian, Egyptians"),
    ("El Salvador", "Republic of El Salvador", "Salvadoran, Salvadorans, Salvadorean, Salvadoreans"),
    (
        "Equatorial Guinea",
        "Republic of Equatorial Guinea",
        "Equatorial Guinean, Equatorial Guineans, Equatoguinean, Equatoguineans",
    ),
    ("Eritrea", "State of Eritrea", "Eritrean, Eritreans"),
    ("Estonia", "Republic of Estonia", "Estonian, Estonians"),
    ("Eswatini", "Swaziland, Kingdom of Eswatini", "Swazi, Swazis"),
    ("Ethiopia", "Federal Democratic Republic of Ethiopia", "Ethiopian, Ethiopians"),
    ("Fiji", "Republic of Fiji", "Fijian, Fijians"),
    ("Finland", "Republic of Finland", "Finnish, Finn, Finns"),
    ("France", "French Republic", "French, Frenchman, Frenchmen, Frenchwoman, Frenchwomen"),
    ("Gabon", "Gabonese Republic", "Gabonese"),
    ("Gambia", "The Gambia, Republic of the Gambia", "Gambian, Gambians"),
    ("Georgia", "", "Georgian, Georgians"),
    ("Germany", "Federal Republic of Germany", "German, Germans"),
    ("Ghana", "Republic of Ghana", "Ghanaian, Ghanaians"),
    ("Greece", "Hellenic Republic", "Greek, Greeks"),
    ("Grenada", "", "Grenadian, Grenadians"),
    ("Guatemala", "Republic of Guatemala", "Guatemalan, Guatemalans"),
    ("Guinea", "Republic of Guinea, Guinea-Conakry", "Guinean, Guineans"),
    ("Guinea-Bissau", "Republic of Guinea-Bissau", "Bissau-Guinean, Bissau-Guineans"),
    ("Guyana", "Co-operative Republic of Guyana", "Guyanese"),
    ("Haiti", "Republic of Haiti", "Haitian, Haitians"),
    ("Honduras", "Republic of Honduras", "Honduran, Hondurans"),
    ("Hungary", "", "Hungarian, Hungarians"),
    ("Iceland", "", "Icelandic, Icelander, Icelanders"),
    ("India", "Republic of India, Bharat", "Indian, Indians"),
    ("Indonesia", "Republic of Indonesia", "Indonesian, Indonesians"),
    ("Iran", "Islamic Republic of Iran", "Iranian, Iranians"),
    ("Iraq", "Republic of Iraq", "Iraqi, Iraqis"),
    # "Irish" is the Republic; Northern Ireland has its own "Northern Irish".
    ("Ireland", "Republic of Ireland, Éire", "Irish, Irishman, Irishmen, Irishwoman, Irishwomen"),
    ("Israel", "State of Israel", "Israeli, Israelis"),
    ("Italy", "Italian Republic", "Italian, Italians"),
    ("Ivory Coast", "Côte d'Ivoire, Republic of Côte d'Ivoire", "Ivorian, Ivorians"),
    ("Jamaica", "", "Jamaican, Jamaicans"),
    ("Japan", "", "Japanese"),
    ("Jordan", "Hashemite Kingdom of Jordan", "Jordanian, Jordanians"),
    ("Kazakhstan", "Republic of Kazakhstan", "Kazakh, Kazakhs, Kazakhstani, Kazakhstanis"),
    ("Kenya", "Republic of Kenya", "Kenyan, Kenyans"),
    ("Kiribati", "Republic of Kiribati", "I-Kiribati"),
    ("Kuwait", "State of Kuwait", "Kuwaiti, Kuwaitis"),
    ("Kyrgyzstan", "Kyrgyz Republic", "Kyrgyz, Kyrgyzstani, Kyrgyzstanis"),
    ("Laos", "Lao People's Democratic Republic, Lao PDR", "Lao, Laotian, Laotians"),
    ("Latvia", "Republic of Latvia", "Latvian, Latvians"),
    ("Lebanon", "Lebanese Republic", "Lebanese"),
    ("Lesotho", "Kingdom of Lesotho", "Basotho, Mosotho"),
    ("Liberia", "Republic of Liberia", "Liberian, Liberians"),
    ("Libya", "State of Libya", "Libyan, Libyans"),
    ("Liechtenstein", "Principality of Liechtenstein", "Liechtensteiner, Liechtensteiners"),
    ("Lithuania", "Republic of Lithuania", "Lithuanian, Lithuanians"),
    ("Luxembourg", "Grand Duchy of Luxembourg", "Luxembourger, Luxembourgers, Luxembourgish"),
    ("Madagascar", "Republic of Madagascar", "Malagasy"),
    ("Malawi", "Republic of Malawi", "Malawian, Malawians"),
    ("Malaysia", "", "Malaysian, Malaysians"),
    ("Maldives", "Republic of Maldives", "Maldivian, Maldivians"),
    ("Mali", "Republic of Mali", "Malian, Malians"),
    ("Malta", "Republic of Malta", "Maltese"),
    ("Marshall Islands", "Republic of the Marshall Islands", "Marshallese"),
    ("Mauritania", "Islamic Republic of Mauritania", "Mauritanian, Mauritanians"),
    ("Mauritius", "Republic of Mauritius", "Mauritian, Mauritians"),
    ("Mexico", "United Mexican States", "Mexican, Mexicans"),
    ("Micronesia", "Federated States of Micronesia", "Micronesian, Micronesians"),
    ("Moldova", "Republic of Moldova", "Moldovan, Moldovans"),
    ("Monaco", "Principality of Monaco", "Monegasque, Monegasques"),
    ("Mongolia", "", "Mongolian, Mongolians"),
    ("Montenegro", "", "Montenegrin, Montenegrins"),
    ("Morocco", "Kingdom of Morocco", "Moroccan, Moroccans"),
    ("Mozambique", "Republic of Mozambique", "Mozambican, Mozambicans"),
    ("Myanmar", "Burma, Republic of the Union of Myanmar", "Burmese"),
    ("Namibia", "Republic of Namibia", "Namibian, Namibians"),
    ("Nauru", "Republic of Nauru", "Nauruan, Nauruans"),
    ("Nepal", "", "Nepali, Nepalis, Nepalese"),
    ("Netherlands", "Holland, Kingdom of the Netherlands", "Dutch, Dutchman, Dutchmen, Dutchwoman, Dutchwomen"),
    ("New Zealand", "", "New Zealander, New Zealanders"),
    ("Nicaragua", "Republic of Nicaragua", "Nicaraguan, Nicaraguans"),
    ("Niger", "Republic of Niger", "Nigerien, Nigeriens"),
    ("Nigeria", "Federal Republic of Nigeria", "Nigerian, Nigerians"),
    ("North Korea", "Democratic People's Republic of Korea, DPRK", "North Korean, North Koreans"),
    # Bare "Macedonia(n)" is kept for the country's pre-2019 name, the common news use.
    (
        "North Macedonia",
        "Republic of North Macedonia, Macedonia",
        "North Macedonian, North Macedonians, Macedonian, Macedonians",
    ),
    ("Norway", "Kingdom of Norway", "Norwegian, Norwegians"),
    ("Oman", "Sultanate of Oman", "Omani, Omanis"),
    ("Pakistan", "Islamic Republic of Pakistan", "Pakistani, Pakistanis"),
    ("Palau", "Republic of Palau", "Palauan, Palauans"),
    (
        "Palestine",
        "State of Palestine, Palestinian territories, Occupied Palestinian Territories",
        "Palestinian, Palestinians",
    ),
    ("Panama", "Republic of Panama", "Panamanian, Panamanians"),
    ("Papua New Guinea", "", "Papua New Guinean, Papua New Guineans"),
    ("Paraguay", "Republic of Paraguay", "Paraguayan, Paraguayans"),
    ("Peru", "Republic of Peru", "Peruvian, Peruvians"),
    ("Philippines", "Republic of the Philippines", "Filipino, Filipinos, Filipina, Filipinas, Philippine"),
    ("Poland", "Republic of Poland", "Polish, Pole, Poles"),
    ("Portugal", "Portuguese Republic", "Portuguese"),
    ("Qatar", "State of Qatar", "Qatari, Qataris"),
    ("Romania", "", "Romanian, Romanians"),
    ("Russia", "Russian Federation", "Russian, Russians"),
    ("Rwanda", "Republic of Rwanda", "Rwandan, Rwandans"),
    (
        "St Kitts and Nevis",
        "Saint Kitts and Nevis, St Kitts, Saint Kitts",
        "Kittitian, Kittitians, Nevisian, Nevisians",
    ),
    ("St Lucia", "Saint Lucia", "St Lucian, St Lucians, Saint Lucian, Saint Lucians"),
    (
        "St Vincent and the Grenadines",
        "Saint Vincent and the Grenadines, St Vincent, Saint Vincent",
        "Vincentian, Vincentians",
    ),
    ("Samoa", "Independent State of Samoa", "Samoan, Samoans"),
    ("San Marino", "Republic of San Marino", "Sammarinese"),
    ("São Tomé and Príncipe", "São Tomé", "São Toméan, São Toméans"),
    ("Saudi Arabia", "Kingdom of Saudi Arabia, KSA", "Saudi, Saudis, Saudi Arabian, Saudi Arabians"),
    ("Senegal", "Republic of Senegal", "Senegalese"),
    ("Serbia", "Republic of Serbia", "Serbian, Serbians, Serb, Serbs"),
    ("Seychelles", "Republic of Seychelles", "Seychellois"),
    ("Sierra Leone", "Republic of Sierra Leone", "Sierra Leonean, Sierra Leoneans"),
    ("Singapore", "Republic of Singapore", "Singaporean, Singaporeans"),
    ("Slovakia", "Slovak Republic", "Slovak, Slovaks, Slovakian, Slovakians"),
    ("Slovenia", "Republic of Slovenia", "Slovenian, Slovenians, Slovene, Slovenes"),
    ("Solomon Islands", "Solomons", "Solomon Islander, Solomon Islanders"),
    ("Somalia", "Federal Republic of Somalia", "Somali, Somalis, Somalian, Somalians"),
    ("South Africa", "Republic of South Africa", "South African, South Africans"),
    # Bare "Korea(n)" in the news is nearly always the South.
    ("South Korea", "Republic of Korea, ROK, Korea", "South Korean, South Koreans, Korean, Koreans"),
    ("South Sudan", "Republic of South Sudan", "South Sudanese"),
    ("Spain", "Kingdom of Spain", "Spanish, Spaniard, Spaniards"),
    ("Sri Lanka", "Democratic Socialist Republic of Sri Lanka", "Sri Lankan, Sri Lankans"),
    ("Sudan", "Republic of Sudan, Republic of the Sudan", "Sudanese"),
    ("Suriname", "Republic of Suriname, Surinam", "Surinamese"),
    ("Sweden", "Kingdom of Sweden", "Swedish, Swede, Swedes"),
    ("Switzerland", "Swiss Confederation", "Swiss"),
    ("Syria", "Syrian Arab Republic", "Syrian, Syrians"),
    ("Tajikistan", "Republic of Tajikistan", "Tajik, Tajiks, Tajikistani, Tajikistanis"),
    ("Tanzania", "United Republic of Tanzania", "Tanzanian, Tanzanians"),
    ("Thailand", "Kingdom of Thailand", "Thai, Thais"),
    ("Togo", "Togolese Republic", "Togolese"),
    ("Tonga", "Kingdom of Tonga", "Tongan, Tongans"),
    ("Trinidad and Tobago", "Trinidad", "Trinidadian, Trinidadians, Tobagonian, Tobagonians"),
    ("Tunisia", "Republic of Tunisia", "Tunisian, Tunisians"),
    ("Turkey", "Türkiye, Republic of Türkiye, Republic of Turkey", "Turkish, Turk, Turks"),
    ("Turkmenistan", "", "Turkmen, Turkmens, Turkmenistani, Turkmenistanis"),
    ("Tuvalu", "", "Tuvaluan, Tuvaluans"),
    ("Uganda", "Republic of Uganda", "Ugandan, Ugandans"),
    ("Ukraine", "", "Ukrainian, Ukrainians"),
    ("United Arab Emirates", "UAE", "Emirati, Emiratis"),
    # No "GB": in tech stories it is mostly gigabytes.
    (
        "United Kingdom",
        "UK, Britain, Great Britain, United Kingdom of Great Britain and Northern Ireland",
        "British, Briton, Britons",
    ),
    ("United States", "US, USA, America, United States of America", "American, Americans"),
    ("Uruguay", "Oriental Republic of Uruguay", "Uruguayan, Uruguayans"),
    ("Uzbekistan", "Republic of Uzbekistan", "Uzbek, Uzbeks, Uzbekistani, Uzbekistanis"),
    ("Vanuatu", "Republic of Vanuatu", "Vanuatuan, Vanuatuans, Ni-Vanuatu"),
    ("Vatican City", "Vatican, Holy See, Vatican City State", ""),
    ("Venezuela", "Bolivarian Republic of Venezuela", "Venezuelan, Venezuelans"),
    ("Vietnam", "Viet Nam, Socialist Republic of Vietnam", "Vietnamese"),
    ("Yemen", "Republic of Yemen", "Yemeni, Yemenis"),
    ("Zambia", "Republic of Zambia", "Zambian, Zambians"),
    ("Zimbabwe", "Republic of Zimbabwe", "Zimbabwean, Zimbabweans"),
]

# Not (or not universally recognised as) sovereign states, but reported as their own actors.
_TERRITORIES = [
    ("Taiwan", "Republic of China, Chinese Taipei", "Taiwanese"),
    ("Kosovo", "Republic of Kosovo", "Kosovan, Kosovans, Kosovar, Kosovars"),
    ("Hong Kong", "Hong Kong SAR", "Hong Konger, Hong Kongers, Hongkonger, Hongkongers"),
    ("Macau", "Macao", "Macanese"),
    ("Gibraltar", "", "Gibraltarian, Gibraltarians"),
    ("Falkland Islands", "Falklands", "Falkland Islander, Falkland Islanders"),
    ("Bermuda", "", "Bermudian, Bermudians"),
    ("Isle of Man", "", "Manx"),
    ("Jersey", "", ""),
    ("Guernsey", "", ""),
    ("Greenland", "", "Greenlandic, Greenlander, Greenlanders"),
    ("Puerto Rico", "Commonwealth of Puerto Rico", "Puerto Rican, Puerto Ricans"),
    # UK nations: stories treat them as sides (sport, devolution), separate from the UK.
    ("England", "", "English, Englishman, Englishmen, Englishwoman, Englishwomen"),
    ("Scotland", "", "Scottish, Scot, Scots, Scotsman, Scotsmen, Scotswoman, Scotswomen"),
    ("Wales", "", "Welsh, Welshman, Welshmen, Welshwoman, Welshwomen"),
    ("Northern Ireland", "", "Northern Irish"),
]

_BODIES = [
    ("European Union", "EU", ""),
    ("United Nations", "UN", ""),
    ("NATO", "Nato, North Atlantic Treaty Organization, North Atlantic Treaty Organisation", ""),
    ("African Union", "AU", ""),
    ("ASEAN", "Asean, Association of Southeast Asian Nations, Association of South East Asian Nations", ""),
    ("Arab League", "League of Arab States", ""),
    # Parties: named as an adjective as often as a noun ("Tory co-chairman", "Labour supporters").
    ("Labour Party", "Labour, New Labour, British Labour Party", ""),
    ("Conservative Party", "Conservatives, Tories, Tory Party, Conservative and Unionist Party", "Conservative, Tory"),
    ("Liberal Democrats", "Lib Dems, Liberal Democrat Party", "Liberal Democrat, Lib Dem"),
    ("Scottish National Party", "SNP", ""),
    ("UK Independence Party", "UKIP, Ukip", ""),
    ("Plaid Cymru", "", ""),
    ("Sinn Fein", "Sinn Féin", ""),
    ("Republican Party", "GOP, Republicans", "Republican"),
    ("Democratic Party", "Democrats", "Democrat"),
]

# Names that are just as often a person (Jordan, Chad) or a US state (Georgia).
_AMBIGUOUS = {"Chad", "Georgia", "Jordan"}


def _split(forms: str) -> tuple[str, ...]:
    return tuple(form.strip() for form in forms.split(",") if form.strip())


PLACES: tuple[Place, ...] = tuple(
    Place(name, kind, _split(aliases), _split(demonyms), name in _AMBIGUOUS)
    for kind, table in (("GPE", _COUNTRIES), ("GPE", _TERRITORIES), ("ORG", _BODIES))
    for name, aliases, demonyms in table
)

_APOSTROPHES = str.maketrans({"\u2019": "'", "\u2018": "'", "\u02bc": "'"})
_THE = re.compile(r"^the\s+", re.IGNORECASE)
_POSSESSIVE = re.compile(r"(?:'s|(?<=s)')$")  # Britain's, Americans'


def _key(text: str) -> str:
    """Normalised form of a mention: no "the", possessive, dots, hyphens or diacritics."""
    text = _THE.sub("", text.translate(_APOSTROPHES).strip())
    text = _POSSESSIVE.sub("", text.rstrip())
    text = text.replace(".", "").replace("-", " ")
    text = "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))
    return " ".join(text.split())


# key → (place, is the form a demonym). Exact keys keep their case, so "US" and "us"
# differ. The folded index only holds forms that are not all capitals, so "BRITAIN"
# finds Britain but "Us" or "Un" never finds an abbreviation.
_BY_KEY: dict[str, tuple[Place, bool]] = {}
_BY_FOLDED: dict[str, tuple[Place, bool]] = {}


def _add(index: dict[str, tuple[Place, bool]], key: str, place: Place, demonym: bool) -> None:
    old_place, old_demonym = index.setdefault(key, (place, demonym))
    if old_place is not place or old_demonym != demonym:
        raise ValueError(f"places table: {key!r} is both {old_place.name} and {place.name}")


for _place in PLACES:
    for _form, _demonym in [
        (_place.name, False),
        *((a, False) for a in _place.aliases),
        *((d, True) for d in _place.demonyms),
    ]:
        _k = _key(_form)
        _add(_BY_KEY, _k, _place, _demonym)
        if not _k.isupper():
            _add(_BY_FOLDED, _k.casefold(), _place, _demonym)
del _place, _form, _demonym, _k


def _find(text: str) -> tuple[Place, bool] | None:
    key = _key(text)
    if not key or not key[0].isupper():  # proper nouns only
        return None
    return _BY_KEY.get(key) or _BY_FOLDED.get(key.casefold())


def lookup(text: str) -> Place | None:
    """Place for a mention's text: canonical name, alias or demonym; None if unknown.
    Case-sensitive on the first letter (proper nouns only: "us" is never the United States,
    "US" is); tolerant of a leading "the " / "The ", a trailing possessive ("'s", "’s"),
    surrounding whitespace, and dots in abbreviations ("U.K." == "UK", "U.S" == "US")."""
    found = _find(text)
    return found[0] if found else None


def is_demonym(text: str) -> bool:
    """True when the text is a demonym/adjective form (British, Japanese), not a name."""
    found = _find(text)
    return bool(found and found[1])
