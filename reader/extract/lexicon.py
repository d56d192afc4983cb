"""Word lists: the generated gazetteers (loaded once, lazily) and the rule vocabularies."""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from functools import cache
from pathlib import Path

GAZ = Path(__file__).resolve().parent / "gazetteers"
#: The British forms of the common words' American spellings, derived from ``common_words.txt``
#: by :func:`british_spellings` (``python -m reader.extract.gazetteers.generate --british``).
BRITISH_WORDS = "british_words.txt"


def _w(words: str) -> list[str]:
    """A word list written as one string."""
    return words.split()


def _lines(name: str) -> list[str]:
    try:
        text = (GAZ / name).read_text(encoding="utf-8")
    except OSError:
        return []
    return [ln for ln in text.splitlines() if ln and not ln.startswith("#")]


#: Folded strings kept: the same words are folded again and again (emptied when this full).
FOLD_CACHE_SIZE = 50_000
_folded: dict[str, str] = {}


def fold(s: str) -> str:
    """Key for comparing names: no accents, no case, curly apostrophes straightened."""
    folded = _folded.get(s)
    if folded is None:
        if len(_folded) >= FOLD_CACHE_SIZE:
            _folded.clear()
        folded = _folded[s] = fold_uncached(s)
    return folded


def fold_uncached(s: str) -> str:
    """:func:`fold`, computed."""
    if s.isascii():
        return s.casefold()  # most words: no curly apostrophe and no accent to take off
    s = s.replace("’", "'").replace("‘", "'")
    if not s.isascii():
        s = "".join(c for c in unicodedata.normalize("NFKD", s) if not unicodedata.combining(c))
    return s.casefold()


@dataclass(frozen=True, slots=True)
class Lexicon:
    places: dict[str, tuple[str, str]]  # folded name -> (canonical, kind)
    demonyms: dict[str, str]  # folded form -> country ("-" for groups without one)
    orgs: dict[str, str]  # folded name -> name
    first_names: frozenset[str]  # folded
    common: frozenset[str]  # lower-case English words
    max_phrase: int  # longest gazetteer entry in words
    #: The first words of the places and organisations named in several words ("new" of
    #: "new york"): a phrase that opens with another word is no gazetteer's.
    phrase_starts: frozenset[str]


@cache
def lexicon() -> Lexicon:
    """The gazetteers, loaded once (folded without filling the cache of :func:`fold`, which is
    for the words of texts)."""
    places: dict[str, tuple[str, str]] = {}
    for ln in _lines("places.tsv"):
        parts = ln.split("\t")
        canon = parts[1] if len(parts) > 1 else parts[0]
        kind = parts[2] if len(parts) > 2 else "city"
        places.setdefault(fold_uncached(parts[0]), (canon, kind))
    demonyms: dict[str, str] = {}
    for ln in _lines("demonyms.tsv"):
        parts = ln.split("\t")
        if len(parts) == 2:
            key = fold_uncached(parts[0])
            if demonyms.get(key, "-") == "-":
                demonyms[key] = parts[1]
    orgs = {fold_uncached(ln): ln for ln in _lines("orgs.txt")}
    first = frozenset(fold_uncached(ln) for ln in _lines("first_names.txt"))
    # and british_spellings() of them, written out ahead (a third of this function's time else)
    common = common_base() | frozenset(_lines(BRITISH_WORDS))
    longest = max((k.count(" ") + 1 for d in (places, orgs, demonyms) for k in d), default=1)
    starts = frozenset(k.split(" ")[0] for d in (places, orgs) for k in d if " " in k)
    return Lexicon(places, demonyms, orgs, first, common - NOT_COMMON, longest, starts)


def common_base() -> frozenset[str]:
    """The common words as listed, before their British spellings are added."""
    return frozenset(_lines("common_words.txt")) | EXTRA_COMMON


# Words the dictionary lacks that start sentences, or that it lists but are names in news.
EXTRA_COMMON = frozenset(
    _w(
        """i i'm it's that's there's here's what's let's don't can't won't isn't we're they're ok
    okay covid internet online email website app"""
    )
)
NOT_COMMON = frozenset(["um", "umm", "abu"])

MONTHS_DAYS = frozenset(
    _w(
        """january february march april may june july august september october november december
    jan feb mar apr jun jul aug sep sept oct nov dec monday tuesday wednesday thursday
    friday saturday sunday christmas easter ramadan eid thanksgiving hanukkah"""
    )
)

# Words that never are (the start of) an entity when capitalised: pronouns, determiners...
STOP = frozenset(
    _w(
        """a an the this that these those he she it we they i you his her its our their my your mr
    mrs ms but and or if when while as at in on of for to from by with after before during
    since until although though because so yet no not there here then now also some many
    most all any each every both several few one two three four five what who whom whose
    which where why how yes"""
    )
)

# Lower-case name particles allowed inside a person's name.
PARTICLES = frozenset(
    _w(
        """de da das do dos du del della der den di la le las los van von ter bin ibn bint binti
    al el ul ud y zu af"""
    )
)
# Arabic article prefixes written with a hyphen that belong to the name: al-Assad.
HYPHEN_PARTICLES = frozenset(_w("""al el ad ad-din as ash at an ar az abu bin ibn"""))
# Connectors joining an organisation's or place's name: Ministry of Justice.
CONNECTORS = frozenset(_w("""of for and the on & de du des la le del"""))

ORG_CUES = frozenset(
    _w(
        """ministry ministries party council agency agencies university college school institute
    bank corp corporation inc co ltd llc plc company group tv television radio channel news
    times post herald journal gazette tribune press committee commission court army navy
    force forces police service services union association federation league organization
    organisation department office board bureau authority assembly parliament congress
    senate cabinet government administration foundation fund society club academy museum
    hospital church mosque synagogue airlines airline airways network media holdings
    industries motors systems technologies labs laboratories partners capital securities
    brigade brigades regiment battalion movement front alliance coalition campaign team fc
    guard guards secretariat tribunal directorate prosecutor's prosecutors squad unit
    commission council courts inc. corp. co. ltd. network studio studios records publishers
    magazine review daily weekly observer telegraph chronicle express mail standard gazette
    institute center centre initiative program programme project embassy consulate mission
    confederation elementary pantry clinic"""
    )
)
# Cue words that are only ORG cues when they end the name (not "Union Square").
PLACE_CUES = frozenset(
    _w(
        """street st avenue ave road boulevard square river lake mountain mountains mount mt island
    islands peninsula province region county district valley airport bridge bay sea ocean
    gulf strait desert oblast city town village canyon falls coast beach harbor harbour port
    park forest plateau highlands heights hill hills basin delta prefecture state territory
    territories governorate canton municipality neighborhood neighbourhood quarter palace
    tower cathedral stadium arena castle fort"""
    )
)
PLACE_HEADS = frozenset(
    _w(
        """mount mt lake port cape isle gulf bay strait sea place plaza rue piazza fort
    san santa santo são sao saint sainte sankt puerto ciudad"""
    )
)
COMPASS = frozenset(
    _w(
        """north south east west northern southern eastern western central upper lower greater
    northeast northwest southeast southwest northeastern northwestern southeastern
    southwestern"""
    )
)
# Last words of names that are not entities: laws, wars, events, prizes, holidays.
NON_ENTITY_HEADS = frozenset(
    _w(
        """amendment act acts bill war wars cup games championship championships prize award awards
    day week month year agreement accord accords treaty treaties protocol plan doctrine law
    laws constitution declaration revolution summit conference festival olympics marathon
    grand prix open election elections pandemic crisis"""
    )
)
# A lower-case noun next to a bare name that tells its type: "the agency Ibama", "Zamfara
# state", "the town of Sabac".
ORG_NOUNS = frozenset(
    _w(
        """agency company firm group party bank broadcaster newspaper network union ministry
    organization organisation startup carrier airline maker giant retailer channel outlet
    website platform app movement militia league council committee charity foundation
    institute university club team manufacturer producer conglomerate insurer lender
    publisher daily tabloid magazine station broadcaster regulator watchdog utility operator
    association nonprofit supermarket chain automaker carmaker miner provider developer
    alliance federation confederation coalition bloc"""
    )
)
PLACE_NOUNS = frozenset(
    _w(
        """town city village province region state district capital port island county suburb
    neighborhood neighbourhood municipality prefecture oblast republic country nation
    rainforest river basin valley mountains desert coast border crossing station square
    airport peninsula enclave territory settlement camp plant reactor mine base prison
    savanna forest jungle wetlands plain plains steppe lagoon reef glacier"""
    )
)
# American → British spelling endings. The word list is American; wire copy from London or Sydney
# writes "Harbour" and "Defence", which must stay common words at the start of a sentence.
_BRITISH_ENDINGS = (
    ("or", "our"),
    ("ors", "ours"),
    ("er", "re"),
    ("ers", "res"),
    ("ize", "ise"),
    ("ized", "ised"),
    ("izes", "ises"),
    ("izing", "ising"),
    ("ization", "isation"),
    ("yze", "yse"),
    ("ense", "ence"),
    ("og", "ogue"),
    ("eled", "elled"),
    ("eling", "elling"),
)


def british_spellings(words: frozenset[str]) -> frozenset[str]:
    """British forms of the American words (extra non-words are harmless: nobody writes them)."""
    out = set()
    endings = tuple(american for american, _ in _BRITISH_ENDINGS)
    british_of = dict(_BRITISH_ENDINGS)
    sizes = sorted({len(american) for american in british_of})
    for word in words:
        if not word.endswith(endings):  # one C-level test for the ~90% that end otherwise
            continue
        for size in sizes:  # each ending the word may have, looked up by its length
            british = british_of.get(word[-size:])
            if british is not None and len(word) > size + 2:
                out.add(word[:-size] + british)
    return frozenset(out)


# Heads after which "of" continues a name: Ministry of Defense, Gulf of Mexico.
OF_HEADS = (
    ORG_CUES
    | PLACE_CUES
    | frozenset(
        _w(
            """republic kingdom emirate sultanate duchy principality state states secretary minister
    chamber house statue horn cape isle chief head department bank commissioner director
    chancellor archbishop bishop prince princess duke king queen lord"""
        )
    )
)

# Titles before a name. Multi-word titles are matched word by word: every word must be here
# and the last must be a head.
TITLE_HEADS = frozenset(
    _w(
        """president presidents premier chancellor minister ministers secretary senator sen sen.
    representative rep rep. congressman congresswoman governor gov gov. mayor judge justice
    general gen gen. colonel col col. lieutenant lt lt. captain capt capt. major maj maj.
    sergeant sgt sgt. admiral adm adm. commander cmdr marshal corporal private officer
    detective inspector dr dr. doctor prof prof. professor mr mr. mrs mrs. ms ms. miss pope
    king queen prince princess emperor empress sheikh sheik emir ayatollah imam rabbi
    reverend rev rev. father bishop archbishop cardinal patriarch ambassador envoy
    prosecutor attorney speaker chairman chairwoman chair director commissioner coach lord
    lady sir dame pastor deputy chief executive ceo founder spokesman spokeswoman
    spokesperson lawmaker mp mep councilman councilwoman councillor councilor superintendent
    sheriff archduke duke duchess count countess baron president-elect premier-elect vice-
    president undersecretary economist analyst correspondent editor writer"""
    )
)
TITLE_MODIFIERS = frozenset(
    _w(
        """prime foreign defense defence interior finance justice health economy economic trade
    education energy culture labor labour transport agriculture environment home state
    deputy vice first second acting former interim special chief executive senior general
    attorney supreme crown grand high lord lieutenant rear assistant associate managing
    district regional federal national opposition party majority minority house senate
    secretary-general prime-minister vice-chancellor u.s. un u.n. eu nato white house public
    security intelligence army navy police fire parliamentary presidential of the
    fisheries fishing climate digital housing tourism industry infrastructure mining oil water
    science technology communications immigration migration sports sport youth social affairs
    development planning works veterans commerce treasury enterprise employment welfare family
    children equality rural urban maritime ocean forestry natural resources heritage arts
    labour-market information media research innovation transportation"""
    )
)
COURTESY = frozenset(_w("""mr mr. mrs mrs. ms ms. miss dr dr. sir dame lady lord"""))

# Verbs of saying: a bare capitalised word next to one is a person.
SPEECH = frozenset(
    _w(
        """said says told added wrote argued asked explained insisted noted stated recalled warned
    claimed replied answered announced acknowledged admitted confirmed denied declared urged
    testified tweeted posted reported"""
    )
)
PLACE_PREPS = frozenset(_w("""in near outside inside across around throughout"""))
