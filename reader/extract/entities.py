"""The extraction pipeline: tokens -> names (the learned tagger) -> typed mentions -> entities.

The tagger (:mod:`reader.extract.tagger`) finds and types the names, :mod:`reader.extract.adjust`
corrects what the labelled news it learned from could not teach it; here they become mentions
(a place gets its gazetteer name, a nationality word becomes a group, other names the tagger
calls MISC — events, products, laws — are left out), the same word written in several places
gets one type, and :mod:`reader.extract.coref` merges the mentions of one referent.
"""

from __future__ import annotations

import re
from operator import attrgetter

from .adjust import COMPANY_ENDS, adjust
from .coref import Cluster, cluster
from .lexicon import TITLE_HEADS, TITLE_MODIFIERS, Lexicon, fold, lexicon
from .mentions import Raw
from .model import Entity, Mention
from .roles import context_role, title_role
from .tagger import Name, model
from .tokens import Tokens, tokenize

#: A mention's start, to sort by (quicker than a lambda).
_START = attrgetter("start")
#: The tagger's types as entity types (MISC is a group only when it is a nationality word).
TYPE_OF = {"PER": "PERSON", "ORG": "ORG", "LOC": "PLACE"}


def extract_entities(text: str) -> list[Entity]:
    """People, organisations, places and groups in ``text``, most mentioned first.

    Offsets are ``str`` indices into ``text``. Never raises for any ``str``; anything else
    gives an empty list.
    """
    if not isinstance(text, str) or not text:
        return []
    lex = lexicon()
    tokens = tokenize(text)
    names = adjust(model().tag(tokens, lex), tokens, lex)
    raws = [raw for name in names if (raw := _raw(name, tokens, text, lex)) is not None]
    _agree(raws, names, lex)
    raws.sort(key=_START)
    entities = [_entity(c, text) for c in cluster(raws, text, lex)]
    entities = [e for e in entities if e is not None]
    entities.sort(key=lambda e: (-len(e.mentions), e.mentions[0].start))
    return entities


def _raw(name: Name, tokens: Tokens, text: str, lex: Lexicon) -> Raw | None:
    first, last = name.first, name.last
    start, end = tokens.starts[first], tokens.ends[last - 1]
    if _shares_full_stop(name, tokens):
        end -= 1  # "... joined Lear Corp. It ...": the full stop ends the sentence
    surface = text[start:end]
    key = fold(surface)
    if key in _NOT_ENTITIES or (surface[1:2] == "-" and _PARTY_STATE.fullmatch(surface)):
        return None  # (a party and state has its dash second: most names are not tried)
    kind = name.type
    if kind == "MISC" or (
        kind in ("ORG", "LOC")
        and key in lex.demonyms
        and key not in lex.places
        and key not in lex.orgs  # Labour and the Tories are parties
    ):  # "Koreans", "Afrikaners": a people; else an event, a product, a law (not in the panes)
        country = lex.demonyms.get(key)
        return None if country is None else Raw(start, end, surface, "GROUP", country, True)
    kind = TYPE_OF[kind]
    canon = ""
    if kind == "PLACE":
        place = lex.places.get(key)
        if place is not None:
            canon = place[0]
    confidence = name.confidence
    return Raw(
        start,
        end,
        surface,
        kind,
        canon,
        True,
        _title_before(tokens.words, first) if kind == "PERSON" else "",
        "",
        tokens.initial[first],
        confidence if confidence > 0.0 else 0.0,
    )


#: Names that are none of a person, an organisation or a place, though written like one:
#: faiths, feasts and the days of the week ("a rally Friday evening").
_NOT_ENTITIES = frozenset(
    """judaism christianity islam hinduism buddhism sikhism catholicism protestantism
    christmas easter ramadan hanukkah passover thanksgiving diwali eid halloween lent
    advent monday tuesday wednesday thursday friday saturday sunday""".split()  # noqa: SIM905
)


#: A legislator's party and state after the name: "(R-Texas)", "D-Calif.", "I-VT", "(D-Newport
#: News)".
_PARTY_STATE = re.compile(r"[RDI]-[A-Z][A-Za-z.]{1,12}(?: [A-Z][a-z]{1,12})?")


def _shares_full_stop(name: Name, tokens: Tokens) -> bool:
    """Whether a name ends in an abbreviation whose dot also ends the sentence ("Corp.", "Jr.").

    Such a dot is the sentence's, as news labelled by hand has it; one dot stands for two."""
    last = name.last
    word = tokens.words[last - 1]
    return (
        word[-1:] == "."  # looked at first: most names end in no dot
        and len(word) > 1
        and (last == len(tokens.words) or tokens.initial[last])
    )


#: The words of a title: its heads ("minister") and their modifiers ("foreign").
_TITLE_WORDS = TITLE_HEADS | TITLE_MODIFIERS


def _title_before(words: list[str], first: int) -> str:
    """The title written just before a name: "President", "Foreign Minister", "Mr."."""
    i = first
    while i > 0 and words[i - 1].lower().rstrip(".") in _TITLE_WORDS:
        i -= 1
    if i == first:
        return ""  # most names: no title's word before them
    while i < first and words[i].lower() in ("of", "the"):
        i += 1  # "the leadership of Dana Holt": no title
    if not any(w.lower().rstrip(".") in TITLE_HEADS for w in words[i:first]):
        return ""  # modifiers alone ("former Dana Holt" is no title)
    return " ".join(words[i:first])


def _agree(raws: list[Raw], names: list[Name], lex: Lexicon) -> None:
    """One type for one word: a name the tagger typed in several ways takes the surest type.

    Headlines in capitals and sentence openings say least about a word; the same word in the
    body of the article, typed with more confidence, decides.
    """
    keys = [fold(raw.text) for raw in raws]
    # Most words are typed one way: only those typed in several ways (the full names
    # elsewhere counted) are voted on, with the same ballots in the same order.
    first_type: dict[str, str] = {}
    mixed: set[str] = set()
    for raw, key in zip(raws, keys, strict=True):
        typ = raw.type or ""
        if first_type.setdefault(key, typ) != typ:
            mixed.add(key)
    companies = [key for key in _companies(raws, lex) if key in first_type]
    surnames = [key for key in _surnames(raws) if key in first_type]
    mixed.update(key for key in companies if first_type[key] != "ORG")
    mixed.update(key for key in surnames if first_type[key] != "PERSON")
    if not mixed:
        return
    votes: dict[str, dict[str, float]] = {key: {} for key in mixed}
    for raw, key in zip(raws, keys, strict=True):
        if key in mixed:
            ballot = votes[key]
            typ = raw.type or ""
            ballot[typ] = ballot.get(typ, 0.0) + raw.confidence
    for company in companies:  # "Pirelli" where the text also names "Pirelli SpA"
        if company in mixed:
            ballot = votes[company]
            ballot["ORG"] = ballot.get("ORG", 0.0) + COMPANY_CONFIDENCE
    for surname in surnames:  # "Halden" where the text also names "Dana Halden"
        if surname in mixed:
            ballot = votes[surname]
            ballot["PERSON"] = ballot.get("PERSON", 0.0) + COMPANY_CONFIDENCE
    for raw, key in zip(raws, keys, strict=True):
        if key in mixed:
            ballot = votes[key]
            best = max(ballot, key=ballot.__getitem__)
            if best and best != raw.type and ballot[best] > ballot[raw.type or ""]:
                raw.type = best
                if best != "PLACE":
                    raw.canon = ""


#: What a company's full name elsewhere in a text ("Pirelli SpA") weighs for its short name.
COMPANY_CONFIDENCE = 5.0


def _surnames(raws: list[Raw]) -> set[str]:
    """The surnames of the people a text names in full: "halden" of "Dana Halden"."""
    out = set()
    for raw in raws:
        if raw.type == "PERSON":
            head, _, surname = raw.text.rpartition(" ")
            if head and surname[:1].isupper():
                out.add(fold(surname))
    return out


#: Words of a company's name that say what it does, left out in its short name: "Ravell Falls"
#: of "Ravell Falls Mining Corp.".
_TRADES = frozenset(
    """mining holdings group systems industries motors airlines airways resources energy
    technologies international corporation company bank petroleum oil gas steel foods
    pharmaceuticals chemicals communications telecom coal motor""".split()  # noqa: SIM905
)


def _companies(raws: list[Raw], lex: Lexicon) -> set[str]:
    """The short names of the companies a text names in full: "pirelli" of "Pirelli SpA",
    "ravell falls mining" and "ravell falls" of "Ravell Falls Mining Corp.", "ravell" of
    "Ravell Coal"."""
    short = set()
    for raw in raws:
        if raw.type != "ORG":
            continue
        words = raw.text.split()
        if len(words) < 2:
            continue
        if words[-1].lower().rstrip(".") in COMPANY_ENDS:
            words.pop()
            short.add(fold(" ".join(words)))
        while len(words) > 1 and words[-1].lower() in _TRADES:
            words.pop()
            key = fold(" ".join(words))
            if key not in lex.places and key not in lex.demonyms:  # not "Sudan" of "Sudan Airways"
                short.add(key)
    return short


def _entity(c: Cluster, text: str) -> Entity | None:
    raws = c.raws if len(c.raws) == 1 else sorted(c.raws, key=_START)  # most: one mention
    mentions: list[Mention] = []
    seen: set[tuple[int, int]] = set()
    for r in raws:
        start, end, surface = r.start, r.end, r.text
        if (start, end) not in seen and text[start:end] == surface:
            seen.add((start, end))
            mentions.append(Mention(start, end, surface))
    if not mentions:
        return None
    name = _name(c, raws)
    aliases: list[str] = []
    keys = {fold(name)}
    name_upper = name.isupper()
    for m in mentions:
        surface = m.text
        k = fold(surface)
        if k not in keys or (surface.isupper() and not name_upper and surface not in aliases):
            keys.add(k)
            if surface != name:
                aliases.append(surface)
    role = _role(raws, text) if c.type == "PERSON" else None
    place = c.canon if c.type == "GROUP" and c.canon not in ("", "-") else None
    return Entity(name, c.type, tuple(mentions), tuple(aliases), role, place)


def _name(c: Cluster, raws: list[Raw]) -> str:
    if c.type == "PLACE" and c.canon:
        return c.canon
    texts = [r.text for r in raws]
    mixed = [t for t in texts if not t.isupper()]
    if c.type == "PERSON":
        if not mixed:
            mixed = [t.title() for t in texts]
            if len(mixed) > 1:
                return max(
                    mixed, key=lambda t: (len(t.split()), -texts.index(t) if t in texts else 0)
                )
        # The first of those longest in words (each text is where it is first written).
        longest, best = -1, ""
        for t in mixed:
            size = len(t.split())
            if size > longest:
                longest, best = size, t
        return best
    if not mixed:
        mixed = texts
    if c.type == "GROUP":
        return min(mixed, key=len)
    return max(mixed, key=len)


def _role(raws: list[Raw], text: str) -> str | None:
    for r in raws:
        if r.title:
            role = title_role(r.title)
            if role:
                return role
    for r in raws:
        role = context_role(text, r.start, r.end)
        if role:
            return role
    return None
