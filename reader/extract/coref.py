"""Merge typed mentions into entities: one per real-world referent.

People: full names cluster by surname and first name; a surname alone joins the nearest full
name before it; a spelling one letter apart joins too. Places and groups cluster by their
gazetteer canonical name, organisations by name and by acronym.
"""

from __future__ import annotations

import re
from bisect import bisect_left, insort
from itertools import compress

from .context import coordinated, noun_type, org_evidence, prep_place, speech_near
from .gender import name_gender
from .lexicon import PARTICLES, Lexicon, fold
from .mentions import Raw, camel_case


class Cluster:
    __slots__ = ("canon", "first", "last", "raws", "starts", "type")

    def __init__(self, typ: str, raw: Raw) -> None:
        self.type = typ
        self.raws: list[Raw] = [raw]
        self.starts: list[int] = []  # of the raws, sorted: see :func:`_latest_before`
        self.canon = raw.canon
        words = _name_words(raw.text)
        self.first = fold(words[0]) if words else ""
        self.last = fold(words[-1]) if words else ""


#: A name's words, kept: each mention's are looked at several times (emptied when this full).
NAME_WORDS_CACHE_SIZE = 20_000
_name_words_cache: dict[str, tuple[str, ...]] = {}


def _name_words(name: str) -> tuple[str, ...]:
    words = _name_words_cache.get(name)
    if words is None:
        if len(_name_words_cache) >= NAME_WORDS_CACHE_SIZE:
            _name_words_cache.clear()
        words = _name_words_cache[name] = tuple(
            w for w in name.split() if w not in PARTICLES and w.lower() not in _SUFFIXES
        )
    return words


_SUFFIXES = frozenset(["jr", "jr.", "sr", "sr.", "ii", "iii", "iv"])


def one_edit(a: str, b: str) -> bool:
    """True when a and b differ by one inserted, deleted or replaced letter."""
    if a == b or abs(len(a) - len(b)) > 1:
        return False
    if len(a) > len(b):
        a, b = b, a
    i = 0
    while i < len(a) and a[i] == b[i]:
        i += 1
    if len(a) == len(b):
        return a[i + 1 :] == b[i + 1 :]
    return a[i:] == b[i + 1 :]


def _acronym_of(name: str) -> str:
    return "".join(w[0] for w in name.split() if w[:1].isupper())


def cluster(raws: list[Raw], text: str, lex: Lexicon) -> list[Cluster]:
    people = People()
    keyed: dict[tuple[str, str], Cluster] = {}
    out: list[Cluster] = []
    singles: list[Raw] = []
    # Full names first: they define the people the rest refers to.
    full = [raw.type == "PERSON" and len(_name_words(raw.text)) >= 2 for raw in raws]
    for raw in compress(raws, full):
        _add_person(raw, people, out)
    for raw, is_full in zip(raws, full, strict=True):
        if is_full:
            continue
        if (
            raw.type in ("PLACE", "ORG")
            and " " not in raw.text
            # (the person first: most words are no one's surname, and the place cue is slower)
            and (target := _person_for(raw, people, any_type=True)) is not None
            and not prep_place(text, raw.start)
        ):
            target.raws.append(raw)
            continue
        if raw.type == "PERSON" or raw.type is None:
            singles.append(raw)
        else:
            key = (raw.type, fold(raw.canon or _strip_plural(raw.text, raw.type)))
            c = keyed.get(key)
            if c is None:
                c = keyed[key] = Cluster(raw.type, raw)
                out.append(c)
            else:
                c.raws.append(raw)
    _link_acronyms(out)
    ends = {r.end: r.type for r in raws if r.type and r.type != "PERSON"}
    starts = {r.start: r.type for r in raws if r.type and r.type != "PERSON"}
    first_words = {}
    for c in out:
        if c.type != "ORG":
            continue
        words = c.raws[0].text.split()
        if len(words) > 1 and words[0][:1].isupper():
            first_words.setdefault(fold(words[0]), c)
    for raw in singles:
        named = keyed.get(("ORG", fold(raw.text)))
        if named is not None and not raw.strong:
            named.raws.append(raw)  # the name was typed ORG elsewhere: "Chirrup CEO …", "Chirrup"
            continue
        target = _person_for(raw, people, text=text)
        if target is not None:
            target.raws.append(raw)
            continue
        key_text = fold(raw.text)
        head_of = first_words.get(key_text)
        if head_of is not None and raw.type is None and " " not in raw.text:
            head_of.raws.append(raw)  # "Caritas" after "Caritas Internationalis"
            continue
        typ = raw.type
        if typ is None:
            typ = _guess_single(raw, text, lex) or (
                None
                if raw.initial and key_text in lex.common
                else coordinated(text, raw.start, raw.end, ends, starts)
            )
        if typ is None:
            continue
        if typ == "PERSON":
            out.append(people.new(raw))
            continue
        key = (typ, key_text)
        c = keyed.get(key)
        if c is None:
            c = keyed[key] = Cluster(typ, raw)
            out.append(c)
        else:
            c.raws.append(raw)
    return out


def _strip_plural(text: str, typ: str) -> str:
    if typ == "ORG" and text.lower().startswith("the "):
        return text[4:]
    return text


class People:
    """Person clusters indexed by surname, first name, inner name and initial letter."""

    def __init__(self) -> None:
        self.all: list[Cluster] = []
        self.by_last: dict[str, list[Cluster]] = {}
        self.by_first: dict[str, list[Cluster]] = {}
        self.by_inner: dict[str, list[Cluster]] = {}
        self.by_letter: dict[str, list[Cluster]] = {}

    def new(self, raw: Raw) -> Cluster:
        c = Cluster("PERSON", raw)
        self.all.append(c)
        words = [fold(w) for w in _name_words(raw.text)]
        self.by_last.setdefault(c.last, []).append(c)
        self.by_first.setdefault(c.first, []).append(c)
        self.by_letter.setdefault(c.last[:1], []).append(c)
        for w in words[1:-1]:
            self.by_inner.setdefault(w, []).append(c)
        return c

    def near_last(self, last: str) -> list[Cluster]:
        """Clusters whose surname is ``last`` or one letter away from it."""
        exact = self.by_last.get(last, [])
        if len(last) < 5:
            return exact
        near = [
            c
            for c in self.by_letter.get(last[:1], ())
            if c.last != last and abs(len(c.last) - len(last)) <= 1 and one_edit(c.last, last)
        ]
        return exact + near


def _add_person(raw: Raw, people: People, out: list[Cluster]) -> None:
    words = _name_words(raw.text)
    first = fold(words[0])
    for c in people.near_last(fold(words[-1])):
        if (
            c.first == first
            or (len(first) <= 2 and c.first[:1] == first[:1])
            or (len(c.first) <= 2 and c.first[:1] == first[:1])
        ):
            c.raws.append(raw)
            return
    out.append(people.new(raw))


def _person_for(raw: Raw, people: People, any_type: bool = False, text: str = "") -> Cluster | None:
    if raw.type is not None and raw.type != "PERSON" and not any_type:
        return None
    words = _name_words(raw.text)
    if len(words) != 1 or not people.all:
        return None
    key = fold(words[0])
    cands = people.by_last.get(key)
    if not cands:
        if any_type:
            return None  # most words: no one's surname
        cands = people.by_first.get(key)
    gender = title_gender(raw.title)
    if not gender and cands and len(cands) > 1 and text:
        gender = _said_gender(text, raw.end)  # "Woods said she …": which Woods
    if cands and gender:
        # "Mrs. Howard" is not "Michael Howard", whom the text has called "Mr. Howard"
        genders = [_cluster_gender(c) for c in cands]
        if gender in genders:
            cands = [c for c, g in zip(cands, genders, strict=True) if g == gender]
        else:
            cands = [c for c, g in zip(cands, genders, strict=True) if g is None]
        if not cands:
            return None
    if cands:
        best: Cluster | None = None
        best_pos = -1
        for c in cands:
            # nearest full name before the mention; else the first after it
            pos = _latest_before(c, raw.start)
            if best is None or pos > best_pos:
                best, best_pos = c, pos
        return best
    if any_type:
        return None
    inner = people.by_inner.get(key, [])
    if len(inner) == 1:
        return inner[0]
    near = people.near_last(key)
    return near[0] if near and len(key) >= 5 else None


def _latest_before(c: Cluster, start: int) -> int:
    """The start of the last of a person's mentions before ``start``, or -1.

    A person's mentions are only ever added to: their starts are kept in order, the new ones
    put in place, and found by bisection rather than by a scan of every mention each time."""
    starts, raws = c.starts, c.raws
    for r in raws[len(starts) :]:
        insort(starts, r.start)
    i = bisect_left(starts, start)
    return starts[i - 1] if i else -1


#: Titles that say a person is a man or a woman.
_MALE_TITLES = frozenset(("mr", "sir", "lord", "king", "prince", "duke", "monsieur", "herr"))
_FEMALE_TITLES = frozenset(
    ("mrs", "ms", "miss", "mme", "mlle", "madam", "lady", "dame", "queen", "princess", "duchess")
)


def title_gender(title: str) -> str | None:
    """ "m" or "f" where a title before a name says ("Mr.", "Mrs.", "Queen"), else None."""
    if not title:
        return None  # most names: no title before them
    words = title.lower().replace(".", " ").split()
    if not words:
        return None
    if words[0] in _MALE_TITLES:
        return "m"
    if words[0] in _FEMALE_TITLES:
        return "f"
    return None


def _cluster_gender(c: Cluster) -> str | None:
    """What the titles of a person's mentions say of them, if they say one thing; else what
    the first name says."""
    found = {g for r in c.raws if (g := title_gender(r.title))}
    if found:
        return found.pop() if len(found) == 1 else None
    words = _name_words(c.raws[0].text)
    return name_gender(words[0]) if len(words) > 1 else None


#: "Woods said she …", "Woods, 54, told the host that her …": the pronoun a cue puts right
#: after a bare surname says which of two people with that surname it is.
_SAID_GENDER = re.compile(
    r"(?:,[^,.;]{1,30},)?\s+(?:\w+\s+){0,2}?(?:said|says|told|added|wrote|writes|continued|"
    r"concluded|shared|explained|argued|insisted|recalled|noted)\b(?:\s+\w+){0,3}?\s+"
    r"(?:that\s+)?(he|she|his|her)\b"
)


def _said_gender(text: str, end: int) -> str | None:
    m = _SAID_GENDER.match(text, end, end + 90)
    if m is None:
        return None
    return "m" if m.group(1) in ("he", "his") else "f"


def _guess_single(raw: Raw, text: str, lex: Lexicon) -> str | None:
    low = fold(raw.text)
    if raw.initial and low in lex.common:
        return None
    if camel_case(raw.text) or org_evidence(text, raw.start, raw.end):
        return "ORG"
    if speech_near(text, raw.start, raw.end):
        return "PERSON"
    by_noun = noun_type(text, raw.start, raw.end)
    if by_noun:
        return by_noun
    if prep_place(text, raw.start):
        return "PLACE"
    return None


def _link_acronyms(clusters: list[Cluster]) -> None:
    orgs = [c for c in clusters if c.type == "ORG"]
    long_names = {}
    for c in orgs:
        name = c.raws[0].text
        if " " in name:
            long_names.setdefault(_acronym_of(name), c)
    for c in orgs:
        name = c.raws[0].text
        if " " not in name and name.isupper() and name in long_names:
            target = long_names[name]
            if target is not c:
                target.raws.extend(c.raws)
                c.raws = []
    clusters[:] = [c for c in clusters if c.raws]
