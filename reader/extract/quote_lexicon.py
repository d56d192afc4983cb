"""Words the attribution of quotes needs: nouns that can speak, titles before a name, words that
open a phrase rather than a name, and a folding key for comparing names.

Kept here, apart from the entity extractor's own lists, so the two can change independently.
"""

from __future__ import annotations

import unicodedata


def _w(words: str) -> frozenset[str]:
    return frozenset(words.split())


def fold(s: str) -> str:
    """Key for comparing names: no accents, no case, curly apostrophes straightened."""
    s = s.replace("’", "'").replace("‘", "'")
    if not s.isascii():
        s = "".join(c for c in unicodedata.normalize("NFKD", s) if not unicodedata.combining(c))
    return s.casefold()


def singular(word: str) -> str:
    if word.endswith("men") and len(word) > 4:
        return word[:-3] + "man"  # "chairmen", "spokeswomen"
    if word.endswith("ies") and len(word) > 4:
        return word[:-3] + "y"
    if word.endswith(("sses", "shes", "ches", "xes")) and len(word) > 5:
        return word[:-2]
    if word.endswith("s") and not word.endswith(("ss", "us", "is")) and len(word) > 3:
        return word[:-1]
    return word


# People named by what they are: the head of a description speaker ("a senior aide").
PERSON_NOUNS = _w(
    """official leader lawyer attorney spy agent operative diplomat soldier journalist reporter
    activist businessman businesswoman billionaire oligarch candidate nominee opponent critic ally
    adviser advisor aide negotiator mediator researcher scientist historian author novelist artist
    singer actor actress player coach manager owner executive investor banker trader farmer
    teacher student nurse physician surgeon pilot driver witness victim suspect defendant
    plaintiff dissident blogger commentator strategist pollster organizer organiser chairperson
    chairman chairwoman chair head treasurer auditor regulator lobbyist consultant architect
    engineer economist analyst correspondent editor writer photographer spokesman spokeswoman
    spokesperson mayor governor accountant paramedic firefighter priest employee worker
    volunteer miner doctor midwife president minister secretary senator congressman
    congresswoman representative lawmaker legislator judge justice prosecutor sheriff officer
    detective inspector commander general colonel captain ambassador envoy director
    commissioner superintendent founder ceo boss chief delegate supporter backer voter resident
    villager neighbor neighbour friend relative mother father son daughter wife husband brother
    sister man woman person people parent parents family families source sources expert experts
    observer observers protester protesters demonstrator demonstrators campaigner campaigners
    member members staffer staffers insider insiders veteran veterans fan fans survivor
    survivors rescuer rescuers passenger passengers commuter commuters shopkeeper shopkeepers
    owner owners cleric clerics imam rabbi pastor bishop cardinal pope pontiff monk nun
    protestor protestors marcher marchers mourner mourners participant participants negotiator
    envoy host anchor moderator narrator interviewer questioner caller commenter user
    confidant confidante mogul magnate tycoon strategist operative donor donors fundraiser
    surrogate surrogates speaker speakers audience crowd attendee attendees community
    caucus delegation establishment public electorate
    chancellor premier prime king queen prince princess emir sheikh columnist pundit
    contributor boy girl child children kid kids teen teenager youth baby guy lady gentleman
    graduate professor scholar lecturer academic theorist pastor preacher evangelist
    comedian musician rapper celebrity star model athlete quarterback boxer veteran
    retiree widow widower grandmother grandfather mom dad uncle aunt cousin nephew niece
    wife husband partner fiance girlfriend boyfriend colleague coworker classmate roommate
    landlord tenant homeowner customer client patient doctor dentist pharmacist therapist
    psychologist psychiatrist sociologist demographer statistician chemist physicist
    biologist geologist meteorologist forecaster epidemiologist virologist strategist
    operative staffer insider spokesman organizer entrepreneur founder cofounder investor
    developer designer producer director filmmaker writer poet playwright novelist
    journalist editor publisher reporter anchor host moderator panelist guest caller
    listener viewer reader commenter user poster blogger activist advocate lobbyist
    attorney counsel prosecutor defender judge juror jury plaintiff defendant inmate
    prisoner detainee suspect officer trooper deputy agent marshal ranger guard soldier
    sailor marine airman general admiral commander captain lieutenant sergeant private
    recruit cadet chaplain voice voice-over voiceover narrator announcer introducer"""
)
# Bodies that speak: "the company said", "the ministry", "police".
ORG_NOUNS = _w(
    """ministry party council agency company court government union committee commission office
    embassy department board bank army police foundation charity university firm club team
    hospital school group utility association alliance federation network airline carrier
    operator broadcaster newspaper paper campaign administration authorities authority
    organization organisation institute center centre coalition movement regime cabinet
    parliament congress senate assembly military navy force forces service prosecutors
    investigators researchers officials spokespeople staff management startup giant maker
    producer retailer lender insurer developer manufacturer supplier watchdog regulator
    station channel magazine outlet site website publication tribunal panel jury legislature
    lawmakers legislators leadership secretariat directorate bureau television radio media tv
    pantry"""
)
# Documents and statements that speak for whoever issued them ("the report said").
DOCUMENT_NOUNS = _w(
    """statement report study survey poll letter email memo complaint lawsuit suit filing
    indictment document documents records data figures estimates census release ruling
    decision order editorial article story column post tweet video ad advertisement
    petition resolution manifesto platform memoir book proposal plan bill law analysis
    transcript clip spot commercial brief piece headline"""
)
SPEAKER_NOUNS = (
    PERSON_NOUNS
    | ORG_NOUNS
    | DOCUMENT_NOUNS
    | frozenset(w + "s" for w in PERSON_NOUNS | ORG_NOUNS if not w.endswith("s"))
)
# A spokesman or a statement speaks for the organisation it is "of" or "for".
PROXY_NOUNS = _w("""spokesman spokeswoman spokesperson spokespeople statement representative""")

# Lower-case words that may stand between a determiner and a name: "the former senator Jo Ek".
NAME_MODIFIERS = _w(
    """former late then senior junior top chief deputy acting veteran longtime fellow
    freshman outgoing incoming retired embattled presumptive prospective presidential
    democratic republican conservative liberal progressive independent state federal
    national local foreign interim rival"""
)
# Titles and honorifics before a name (lower case, no full stop); their gender if they have one.
TITLES = _w(
    """mr mrs ms miss mx dr prof sir dame lady lord rev fr sen senator rep representative gov
    governor president vice pres secretary gen general col colonel lt lieutenant sgt sergeant
    capt captain maj major adm admiral cmdr commander cpl corporal pvt judge justice mayor
    speaker chairman chairwoman chair minister premier chancellor ambassador prosecutor
    attorney sheriff coach pope king queen prince princess sheikh emir ayatollah imam rabbi
    pastor bishop archbishop cardinal father sister brother detective inspector officer
    commissioner superintendent supt det insp hon atty msgr congressman congresswoman
    councilman councilwoman councillor councilor deputy chief former acting then
    candidate nominee leader director spokesman spokeswoman spokesperson aide adviser
    advisor lawyer economist analyst professor doctor ceo cfo coo"""
)
MALE_TITLES = _w("""mr sir lord king prince father brother congressman councilman chairman
    spokesman fr msgr sheikh emir""")
FEMALE_TITLES = _w("""mrs ms miss dame lady queen princess sister congresswoman councilwoman
    chairwoman spokeswoman""")

# Capitalised words that open a sentence or a phrase and are no names.
NOT_NAMES = _w(
    """the a an this that these those it its he she they we i you his her their our my your
    but and or so yet nor for in on at to from by with without of as if when while after
    before since although though however because until during under over despite among then
    there here what who whom whose why how where which some many most much more few both all
    each every other another one two three no not now still also meanwhile earlier later last
    next such only even according asked speaking told said says writing reading talking
    addressing responding referring noting citing like unlike just yes well oh instead
    perhaps maybe indeed yesterday today tonight tomorrow monday tuesday wednesday thursday
    friday saturday sunday january february march april may june july august september
    october november december jan feb mar apr jun jul aug sep sept oct nov dec mr mrs ms dr
    sen rep gov gen lt col sgt capt prof rev st update read watch see related photo video
    sources source officials police critics analysts experts residents witnesses nobody
    everybody somebody anybody anyone everyone someone several none others transcript
    excerpt excerpts"""
)

PRONOUNS = _w("""he she they it we i""")
MALE_PRONOUNS = _w("""he him his himself""")
FEMALE_PRONOUNS = _w("""she her hers herself""")
RELATIVES = _w("""who whom whose which that""")
DETERMINERS = _w(
    """the a an its his her their our this that these those one two three some several many
    most few any each every another other both all"""
)
PREPOSITIONS = _w(
    """of for from at with to by against about in on behind near into onto over under after
    before during since through across among between toward towards without within upon via
    like unlike than per despite amid outside inside beyond around"""
)
# Words that join clauses: a new subject may follow them.
CONJUNCTIONS = _w(
    """and but or nor yet so while whereas although though because since as if when whenever
    after before until unless once where whether"""
)
AUXILIARIES = _w(
    """is are was were be been being am has have had having do does did will would shall
    should can could may might must also not never n't just then later again still ’d 'd ’ll
    'll ’ve 've ’re 're ’s 's won’t won't can’t can't didn’t didn't doesn’t doesn't don’t
    don't isn’t isn't wasn’t wasn't wouldn’t wouldn't couldn’t couldn't"""
)
ADVERBS = _w(
    """also has have had later earlier then again repeatedly previously once further quickly
    publicly privately would will was is only recently flatly strongly angrily calmly simply
    already often frequently still separately firmly initially subsequently bluntly
    reportedly herself himself themselves itself directly tearfully proudly never not
    always sometimes famously memorably quietly loudly sharply bitterly openly candidly
    frankly emphatically succinctly softly wryly dryly curtly tersely plainly clearly
    confidently defiantly cheerfully happily sadly finally eventually even actually
    immediately promptly swiftly subsequently ultimately just indeed apparently allegedly
    did does do n't reportedly elsewhere too however"""
)
TIME_WORDS = _w(
    """monday tuesday wednesday thursday friday saturday sunday today yesterday tonight
    tomorrow morning afternoon evening night week month year weekend last this next early late
    on earlier later recently time moment day days weeks months years ago hour hours minutes
    january february march april may june july august september october november december jan
    feb mar apr jun jul aug sep sept oct nov dec"""
)
# Words that end an organisation's name and say what it is ("Interior Ministry", "Acme Corp."):
# "the company said" may stand for a name without one ("Zentra"), not for "X Ministry".
ORG_NAME_HEADS = _w(
    """ministry ministries party council agency agencies university college school institute
    bank corp corporation inc co ltd llc plc company group tv television radio channel news
    times post herald journal gazette tribune press committee commission court army navy force
    forces police service services union association federation league organization
    organisation department office board bureau authority assembly parliament congress senate
    cabinet government administration foundation fund society club academy museum hospital
    church mosque synagogue airlines airline airways network media holdings industries motors
    systems technologies labs laboratories partners capital securities brigade brigades
    regiment battalion movement front alliance coalition campaign team fc guard guards
    secretariat tribunal directorate squad unit studio studios records publishers"""
)
_LY_NOUNS = _w(
    """family rally ally supply reply apply assembly belly bully jelly italy july early only
    holy ugly silly lonely friendly elderly likely unlikely daily weekly monthly yearly
    costly deadly lovely orderly kelly sally molly emily lily holly beverly shelly polly
    billy willy wally"""
)


def is_adverb(low: str) -> bool:
    """A word that may stand between a subject and its verb: "also", "flatly", "routinely"."""
    return low in ADVERBS or (len(low) > 4 and low.endswith("ly") and low not in _LY_NOUNS)
