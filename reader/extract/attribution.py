"""Who said it: the resolution of a speaker phrase to an entity, a name or a description.

A speaker phrase is a noun phrase found by ``clauses`` (``Resolver.phrase_speaker``): the
subject before a cue ("Peskov said", "the prosecutor, Jane Doe, told", "he added") or the phrase
after an inverted one ("said the minister"). It resolves to the entity whose mention heads it; a
name no entity holds ("Ms. Okafor") to the person with that surname, else to the name itself; a
pronoun to its antecedent (``speakers``); "a spokesman for Harlow Trust" to the organisation; a
definite description of a person ("the former president") to the person last named as subject
or speaker, or to the one who holds that role ("the prosecutor"); an indefinite one ("a
Democratic strategist", "an Iowa Democrat") stays the description it is. Anything else
resolves to nothing: no guess. The older character-window reading (``Resolver.subject``) still
serves "according to" and is the fallback for reported speech.
"""

from __future__ import annotations

import bisect
import re

from .clauses import Phrase, Tokens, is_quote
from .cues import CUE_RE, CUE_WORDS, INVERTING, REPORT_WORDS
from .gender import name_gender
from .model import Entity
from .quote_lexicon import (
    FEMALE_TITLES,
    MALE_TITLES,
    ORG_NOUNS,
    PERSON_NOUNS,
    PROXY_NOUNS,
    TITLES,
    fold,
)
from .quote_lexicon import SPEAKER_NOUNS as _NOUNS
from .speakers import Speaker, SpeakerRefs, singular

__all__ = ["CUE_RE", "INVERTING", "REPORT_WORDS", "Resolver", "Speaker", "singular"]


def _w(words: str) -> frozenset[str]:
    return frozenset(words.split())


_ADVERBS = _w(
    """also has have had later earlier then again repeatedly previously once further quickly
    publicly privately would will was is had only recently flatly strongly angrily calmly simply
    already often frequently still separately firmly initially subsequently bluntly reportedly
    herself himself themselves itself directly tearfully proudly"""
)
_TIME = re.compile(
    r"(?:\s+(?:on|late|early|last|this|on\s+late)\s+)?\s*(?:Monday|Tuesday|Wednesday|Thursday|Friday|"
    r"Saturday|Sunday|night|week|month|year)\s*$"
)
_PREPS = _w("""for of from at with to by against about in on behind near""")
_DETS = _w("""the a an its his her their our this that these those one two three some several""")
_PLURALS_EXTRA = _w(
    """police officials authorities government ministry organizers organisers residents witnesses
    experts analysts critics protesters demonstrators prosecutors investigators campaigners
    activists company spokesperson court lawyers doctors scientists researchers officers sources
    source observers villagers workers parents families fans voters neighbors neighbours
    relatives survivors rescuers firefighters economists diplomats leaders lawmakers legislators
    senators members representatives militants rebels army military person people man woman
    mother father son daughter wife husband brother sister friend neighbor neighbour resident
    villager farmer farmers students teachers nurses medics staff employees union unions
    residents group groups party committee council board agency ministry office embassy
    department spokespeople organization organisation commission statement report study survey
    club team coach fire brigade hospital school university firm charity foundation official
    owner owners shopkeeper shopkeepers commuters passengers officer cleric clerics priest
    organiser organizer mourners participants delegates negotiators envoys mediators accountant
    accountants inspector inspectors scientists experts doctor nurse paramedic paramedics
    coroner pathologist watchdog indictment complaint lawsuit filing documents records data
    figures estimates census poll television radio broadcaster newspaper media campaign
    utility association alliance businesses pontiff"""
)
SPEAKER_NOUNS = _NOUNS | TITLES | _PLURALS_EXTRA
TITLE_HEADS = TITLES
_STOPS = _w("""and but who that while as when after before because if than or""")
_SPOKES = _w("""spokesman spokeswoman spokesperson spokespeople statement""")
_WORD = re.compile(r"[\w’'.-]+|[,;:]")
_PRONOUNS = _w("""he she they it we""")
_PREP_BEFORE = re.compile(
    r"\b(?:for|of|from|at|with|to|by|against|about|in|on|behind|near)\s+"
    r"(?:(?:the|a|an|its|his|her|their|our|this|that|these|those)\s+)?"
    r"(?:(?:[a-z][\w’'-]*\s+){0,3}|(?:[A-Z][\w’'.-]*,?\s+)+(?:and|or)\s+(?:the\s+)?)$"
)
# "a forensic accountant who examined …", "a former director accused of …": the head noun
_RESTRICTIVE = re.compile(
    r"([A-Za-z][\w’'-]*)\s+(?:who|that|whose|[a-z]+ed\s+(?:of|with|in|by|for|from|at|on|to|as))\b"
)
# Capitalised words of a title before a name: "Foreign Secretary", "Deputy Prime Minister".
_TITLE_MODIFIERS = _w(
    """foreign prime deputy vice senior junior acting former interim chief state national
    federal general defense defence interior finance justice health labor labour trade
    attorney assistant associate executive managing principal majority minority house
    senate republican democratic gop party""",
)
_INDEFINITE = _w("""a an one another some several many two three four""")
_NOT_APPOSITION = _w("""including such like among especially notably""")
_INITIAL = re.compile(r"[A-Z]\.")
_AGE = re.compile(r"\d+-year-old")
# Nouns that say nothing of who: "the person added" is whoever was described, not the last name.
_ANYONE = _w("""person man woman source individual""")
#: Nouns for someone who speaks for, or next to, the one last named, never that one: "the
#: spokesman said" after "Merkel said" is the spokesman.
_BESIDE = _w(
    """spokesman spokeswoman spokesperson representative aide adviser advisor narrator
    announcer employee staffer assistant lawyer attorney"""
)


_FEMALE_WORDS = FEMALE_TITLES | _w("""woman wife mother daughter actress girl widow grandmother""")
_MALE_WORDS = MALE_TITLES | _w("""man husband son boy widower grandfather""")


def _described_gender(words: list[str]) -> str | None:
    """What a description says of the gender of whom it describes: "the first lady" f."""
    for w in words:
        if w in _FEMALE_WORDS:
            return "f"
        if w in _MALE_WORDS:
            return "m"
    return None


class Resolver(SpeakerRefs):
    """Speaker resolution over one article's text and entities."""

    def __init__(self, text: str, masked: str, entities: list[Entity]) -> None:
        self.text = text
        self.masked = masked
        self.entities = entities
        ms = []
        for idx, ent in enumerate(entities):
            for m in ent.mentions:
                ms.append((m.start, m.end, idx))
        ms.sort()
        self.mentions = ms
        self.starts = [m[0] for m in ms]
        self.by_end = {m[1]: m for m in ms}
        self.by_start = {m[0]: m for m in ms}
        orgs = [fold(e.name).split() for e in entities if e.type == "ORG"]
        self.org_heads = frozenset(w[-1] for w in orgs if w and w[-1].isalpha())
        self.org_words = frozenset(x for w in orgs for x in w)
        self.history: list[tuple[int, Speaker]] = []  # (position, speaker) of items so far
        self._gender: dict[int, str | None] = {}
        self.sentence_start = lambda pos: 0  # set by the caller that knows the sentences
        self.sentences: list[int] = [0]  # sentence starts, set by the caller
        self._surnames: dict[str, int] | None = None
        self._fuller: dict[int, str] = {}  # a person's name as written whole, where split

    def cue_speaker(self, s: int, e: int, cue: int, para_start: int) -> Speaker | None:
        """The speaker of the cue at ``cue`` in the sentence ``[s, e)``: set by the caller that
        parses clauses; this fallback reads the words before the cue."""
        return self.subject(s, cue, para_start)

    # -- phrases from the clause analysis --------------------------------------------------
    def phrase_speaker(self, t: Tokens, ph: Phrase, para_start: int) -> Speaker | None:
        """The speaker a noun phrase of ``clauses`` stands for."""
        pos = t.starts[ph.i]
        if ph.head in ("M", "N"):
            ph = self._whole_name(t, ph)
        indefinite = t.lows[ph.i] in _INDEFINITE
        mention = ph.mention
        if ph.head == "M" and indefinite and mention and self.entities[mention[2]].type == "GROUP":
            ph = Phrase(ph.i, ph.j, "N", ph.h0, ph.h1)  # "an Iowa Democrat"
        if ph.mention is not None:
            idx = ph.mention[2]
            if ph.h0 < t.index_at(ph.mention[0]) and self.entities[idx].type == "PERSON":
                self._fuller.setdefault(idx, self.text[t.starts[ph.h0] : ph.mention[1]])
            ent = self.entities[idx]
            if ent.type == "GROUP":
                # "Democrats also blasted …": the people as written, the group as linked
                return Speaker(self.text[ph.mention[0] : ph.mention[1]], ent.name, ent.type)
            return self.speaker_of(idx)
        if ph.head == "P":
            return self.pronoun(t.lows[ph.h0], pos, para_start)
        if ph.head == "N" and indefinite:
            # "a Nevada Democrat", "another Republican": a description, not a name
            return Speaker(self.text[t.starts[ph.i] : t.ends[ph.h1 - 1]], None, "DESC")
        if ph.head in ("N", "S"):
            words = t.words[ph.h0 : ph.h1]
            gender = None
            while len(words) > 1 and (
                words[0].lower().rstrip(".") in TITLES or words[0].lower() in _TITLE_MODIFIERS
            ):
                low = words[0].lower().rstrip(".")
                gender = "m" if low in MALE_TITLES else "f" if low in FEMALE_TITLES else gender
                words = words[1:]
            name = " ".join(w.removesuffix("’s").removesuffix("'s") for w in words)
            if not name:
                return None
            idx = self._by_surname(name)
            if idx is not None:
                return self.speaker_of(idx)
            return Speaker(name, None, "NAME", gender)
        if ph.head == "L":
            return Speaker(self.text[t.starts[ph.i] : t.ends[ph.h1 - 1]], None, "DESC")
        # a description: "a spokesman", "the ministry", "officials"
        a = t.starts[ph.i]
        b = t.ends[ph.h1 - 1]
        head = t.lows[ph.h1 - 1]
        if head in PROXY_NOUNS and ph.h1 + 1 < len(t) and t.lows[ph.h1] in ("for", "of", "at"):
            k = ph.h1 + 1
            while k < len(t) and t.lows[k] in ("the", "a", "an"):
                k += 1
            m = self.by_start.get(t.starts[k]) if k < len(t) else None
            if m is not None and self.entities[m[2]].type in ("ORG", "PLACE"):
                return self.speaker_of(m[2])  # "a spokesman for Harlow Trust"
            if m is not None and self.entities[m[2]].type == "PERSON":
                # "a spokesman for Bernie Sanders": the description, with whom it speaks for
                return Speaker(self.text[a : m[1]], None, "DESC")
        if indefinite:
            # "a Democratic strategist" stays a description, unless the text names that very
            # person next ("A paramedic testified …. According to the paramedic, Omar Said, …")
            spk = self._desc(a, b, pos)
            if spk is not None and spk.entity is not None and spk.type == "PERSON":
                first = self._mention_starts(self._index(spk.entity) or 0)[0]
                if pos < first < pos + 400:
                    return spk
            return Speaker(self.text[a:b], None, "DESC")
        if (
            ph.h1 < len(t.words)
            and t.lows[ph.h1] in ("to", "of", "for", "at", "with")
            and (head in PERSON_NOUNS)
        ):
            # "the former top aide to President Bush": described, not one of the names; but
            # "the chief executive of Solvik" is the one Solvik's chief executive named before
            spk = self._desc(a, b, pos)
            k = ph.h1 + 1
            while k < len(t.words) and k < ph.h1 + 5 and t.words[k][:1].isalnum():
                m = self.by_start.get(t.starts[k])
                if m is not None and self.entities[m[2]].type == "ORG":
                    if (
                        spk is not None
                        and spk.entity is not None
                        and self._together(spk.entity, m[2])
                    ):
                        return spk
                    break
                k += 1
            end = ph.h1 + 1
            while end < len(t) and t.words[end][:1].isalnum() and not is_quote(t.words[end]):
                if t.lows[end] in ("said", "says", "told", "who", "that", "and"):
                    break
                end += 1
            return Speaker(self.text[a : t.ends[end - 1]], None, "DESC")
        if singular(head) in ORG_NOUNS or head in self.org_heads:
            for k in range(ph.i, ph.h0):
                m = self.by_start.get(t.starts[k])
                if m is not None and self.entities[m[2]].type == "ORG" and m[1] <= b:
                    return self.speaker_of(m[2])  # "the White Helmets civil defense group"
        age = _AGE.fullmatch(head) is not None
        spk = Speaker(self.text[a:b], None, "DESC") if age else self._desc(a, b, pos)
        described = _described_gender(t.lows[ph.i : ph.h1])
        if (
            spk is not None
            and spk.type == "PERSON"
            and described is not None
            and self.speaker_gender(spk) not in (described, None)
        ):
            spk = Speaker(self.text[a:b], None, "DESC")  # "the first lady" is no senator
        if (
            t.lows[ph.i] in ("the", "this")
            and singular(head) == head
            and (head in PERSON_NOUNS or age)
            and head not in _ANYONE
            and head not in _BESIDE
            and (spk is None or spk.entity is None or not self._recent(spk.entity, pos))
        ):
            # "the former president said": the person last named as subject or speaker, of
            # the gender the description gives ("the former first lady")
            back = self.personal(described, pos, 0)
            if back is not None and back.type != "DESC":
                return back
        return spk

    def speaker_of(self, idx: int) -> Speaker:
        ent = self.entities[idx]
        return Speaker(self._fuller.get(idx, ent.name), ent.name, ent.type)

    def _whole_name(self, t: Tokens, ph: Phrase) -> Phrase:
        """The head widened to the name the tagger split: "Paul R. Danner" read as "Paul"
        and "R. Danner", "Ivo Prent" as "Ivo" and an unlinked "Prent". Words join the head
        when they stand right before it, capitalised, each a person's mention, an initial or
        a known first name; a title, a place or an organisation ends the name."""
        h0 = ph.h0
        if ph.mention is not None and self.entities[ph.mention[2]].type != "PERSON":
            return ph
        while h0 > ph.i:
            w = t.words[h0 - 1]
            if t.ends[h0 - 1] + 1 != t.starts[h0] or not w[:1].isupper():
                break
            low = w.lower().rstrip(".")
            if low in TITLES or low in _TITLE_MODIFIERS or w.endswith(("’s", "'s")):
                break
            ment = self._mention_at(t.starts[h0 - 1])
            if ment is not None:
                if self.entities[ment[2]].type != "PERSON":
                    break
                h0 = t.index_at(ment[0])
                continue
            if not (_INITIAL.fullmatch(w) or name_gender(w) is not None):
                break
            h0 -= 1
        if h0 == ph.h0:
            return ph
        return Phrase(ph.i, ph.j, ph.head, h0, ph.h1, ph.mention)

    def _mention_at(self, pos: int) -> tuple[int, int, int] | None:
        """The mention that holds the character at ``pos``."""
        i = bisect.bisect_right(self.starts, pos) - 1
        if i >= 0 and self.mentions[i][0] <= pos < self.mentions[i][1]:
            return self.mentions[i]
        return None

    def _together(self, name: str, org: int) -> bool:
        """Whether the person ``name`` is mentioned close to the organisation ``org`` somewhere
        ("Solvik CEO Marta Lind")."""
        idx = self._index(name)
        if idx is None:
            return False
        org_starts = self._mention_starts(org)
        for start in self._mention_starts(idx):
            i = bisect.bisect_left(org_starts, start - 80)
            if i < len(org_starts) and abs(org_starts[i] - start) < 80:
                return True
        return False

    def _recent(self, name: str, pos: int) -> bool:
        """Whether the entity named ``name`` is mentioned in the 600 characters before ``pos``."""
        idx = self._index(name)
        if idx is None:
            return False
        starts = self._mention_starts(idx)
        i = bisect.bisect_left(starts, pos)
        return i > 0 and pos - starts[i - 1] < 600

    def _by_surname(self, name: str) -> int | None:
        """The person entity a bare name stands for ("Okafor" for Ada Okafor), if just one."""
        if self._surnames is None:
            table: dict[str, int] = {}
            for idx, ent in enumerate(self.entities):
                if ent.type not in ("PERSON", "ORG"):
                    continue
                for form in (ent.name, *ent.aliases):
                    key = fold(form)
                    table[key] = idx if table.get(key, idx) == idx else -1
                words = fold(ent.name).split()
                if ent.type == "PERSON" and len(words) > 1 and words[-1] not in TITLES:
                    last = words[-1]
                    table[last] = idx if table.get(last, idx) == idx else -1
            self._surnames = table
        key = fold(name)
        idx = self._surnames.get(key)
        if idx is None and " " in key:
            idx = self._surnames.get(key.split()[-1])
        if idx is None or idx < 0:
            return None
        if (
            " " not in key
            and self.entities[idx].type != "PERSON"
            and fold(self.entities[idx].name) != key
        ):
            return None  # "Democrat" is no alias to follow to a party
        return idx

    # -- entities and mentions -------------------------------------------------------------
    def mentions_in(self, a: int, b: int) -> list[tuple[int, int, int]]:
        i = bisect.bisect_left(self.starts, a)
        out = []
        while i < len(self.mentions) and self.mentions[i][0] < b:
            if self.mentions[i][1] <= b:
                out.append(self.mentions[i])
            i += 1
        return out

    def _possessive(self, end: int) -> bool:
        return self.text.startswith(("’s", "'s", "’ ", "' "), end)

    def _after_preposition(self, start: int) -> bool:
        """The mention at ``start`` is a preposition's object: "of the Chirrup", "of the messaging
        app Chirrup", "in Soweto and Cape Town", "in neighboring Iraq"."""
        return _PREP_BEFORE.search(self.masked, max(0, start - 60), start) is not None

    # -- phrases ---------------------------------------------------------------------------
    def _speaker_noun(self, word: str) -> bool:
        low = word.lower()
        return low in SPEAKER_NOUNS or singular(low) in SPEAKER_NOUNS or low in self.org_heads

    def _desc(self, a: int, b: int, pos: int) -> Speaker | None:
        """A noun phrase ending at ``b`` whose head is a speaker noun."""
        words = [(m.start() + a, m.end() + a, m.group()) for m in _WORD.finditer(self.masked[a:b])]
        last = words[-1][2] if len(words) > 1 else ""
        if last.endswith(("ed", "ing")) and not self._speaker_noun(last):
            words.pop()  # "groups based (in Iraq)"
        if not words or not self._speaker_noun(words[-1][2]):
            return None
        head = words[-1][2]
        first = len(words) - 1
        while first > 0 and len(words) - first < 6:
            w = words[first - 1][2]
            lw = w.lower()
            if w in ",;:" or lw in CUE_WORDS or lw in _STOPS or lw in _PREPS:
                break
            first -= 1
            if lw in _DETS or w.endswith(("’s", "'s")):
                break
        if first >= 2 and words[first - 1][2].lower() in ("of", "at", "from"):
            ment = self.by_end.get(words[first - 2][1])
            if ment is not None and self._eligible(ment):
                return self.speaker_of(ment[2])  # "Jane Doe of the hard-left union said"
        if len(words) > 1 and singular(head.lower()) in ORG_NOUNS:
            ment = self.by_end.get(words[-2][1])
            if ment is not None and self.entities[ment[2]].type == "ORG":
                return self.speaker_of(ment[2])  # "the CGT union", "the Eskom utility"
        phrase = self.text[words[first][0] : words[-1][1]]
        mods = tuple(
            fold(w[2])
            for w in words[first:-1]
            if w[2][:1].islower() and w[2].lower() not in _DETS and fold(w[2]) in self.org_words
        )
        spk = self.role(head, pos, mods)
        if spk is not None:
            return spk
        if head[:1].isupper() and first == len(words) - 1 and head.lower() in TITLE_HEADS:
            return None
        return Speaker(phrase, None, "DESC")

    def _loose_desc(self, a: int, b: int) -> Speaker | None:
        """ "Small businesses (in Soweto)": a plain noun phrase before a place's preposition."""
        words = [w for w in self.masked[a:b].split()]
        while words and words[-1].endswith(("ed", "ing")) and len(words) > 1:
            words.pop()
        kept: list[str] = []
        for w in reversed(words[-3:]):
            if not w.isalpha() or w.lower() in _DETS or (kept and w.lower() in _STOPS):
                break
            kept.append(w)
        if not kept or kept[0].lower() in _STOPS:
            return None
        if not kept[0].islower() and len(words) > len(kept):
            return None  # a capitalised word that does not open the sentence: a name
        return Speaker(" ".join(reversed(kept)), None, "DESC")

    def _restrictive(self, a: int, b: int) -> Speaker | None:
        """ "A forensic accountant who examined the books testified": the noun before the clause."""
        comma = self.masked.rfind(",", a, b)
        a = comma + 1 if comma >= 0 else a
        for r in _RESTRICTIVE.finditer(self.masked, a, b):
            lead = self.masked[a : r.start(1)].split()
            if len(lead) > 3 or any(w.lower() in _PREPS for w in lead):
                return None
            if self._speaker_noun(r.group(1)):
                return self._desc(a, r.end(1), b)
            return None
        return None

    def subject(self, a: int, b: int, para_start: int) -> Speaker | None:
        """The speaker phrase that ends right before a cue at ``b`` (searching back to ``a``)."""
        m = self.masked
        for _ in range(4):
            while b > a and m[b - 1].isspace():
                b -= 1
            seg = m[max(a, b - 40) : b]
            words = seg.split()
            if words and words[-1].lower() in _ADVERBS:
                b -= len(words[-1])
                continue
            t = _TIME.search(seg)
            if t and t.start() > 0:
                b = b - len(seg) + t.start()
                continue
            break
        while b > a and m[b - 1].isspace():
            b -= 1
        if b <= a:
            return None
        if m[b - 1] == ",":
            # "Name, a teacher from X, said" / "the minister, Name, said"
            inner_end = b - 1
            comma = m.rfind(",", a, inner_end)
            chunk_start = comma + 1 if comma >= 0 else a
            first = m[chunk_start:inner_end].split()[:1]
            relative = bool(first) and first[0].lower() in (
                "who",
                "whose",
                "which",
                "where",
                "whom",
            )
            persons = [x for x in self.mentions_in(chunk_start, inner_end) if self._eligible(x)]
            if relative or (bool(first) and first[0].lower() in _NOT_APPOSITION):
                persons = []
            if persons:
                return self.speaker_of(persons[-1][2])
            whole = self.mentions_in(chunk_start, inner_end)
            if (
                len(whole) == 1
                and not relative
                and m[chunk_start:inner_end].strip() == (self.text[whole[0][0] : whole[0][1]])
            ):
                return self.speaker_of(whole[0][2])  # "A battery maker, Voltaris, said"
            if comma >= 0:
                return self.subject(a, comma, para_start)
            return None
        spk = self._restrictive(a, b)
        if spk is not None:
            return spk
        ment = self.by_end.get(b)
        if ment is not None and ment[0] >= a:
            if self._after_preposition(ment[0]):
                spk = self._desc(a, self._prep_start(ment[0]), b)
                if spk is None and self.entities[ment[2]].type in ("PLACE", "GROUP"):
                    spk = self._loose_desc(a, self._prep_start(ment[0]))
                if spk is not None:
                    head = spk.name.split()[-1].lower()
                    org = spk.entity is None and self.entities[ment[2]].type == "ORG"
                    if org and head in _SPOKES:
                        return self.speaker_of(ment[2])
                    return spk
            return self.speaker_of(ment[2])
        last = m[max(a, b - 12) : b].split()
        if not last:
            return None
        word = last[-1]
        if word.lower() == "and":
            head = m[a : a + 40].split()
            if head and head[0].lower() in _PRONOUNS:
                return self.pronoun(head[0], a, para_start)
            spk = self.first_person(a, b)
            if spk is None:
                # "Protesters in Tel Aviv waved flags and chanted": the sentence's subject
                for w in _WORD.finditer(m, a, min(b, a + 60)):
                    if self._speaker_noun(w.group()):
                        return self._desc(a, w.end(), b)
                    if not w.group().isalpha() and not w.group()[:1].isupper():
                        break
            return spk
        if word.lower() == "who":
            c = m.rfind(",", a, b - 3)
            if c > a:
                return self.subject(a, c + 1 if m[c - 1 : c] != "," else c, para_start)
            return None
        if word.lower() in _PRONOUNS:
            return self.pronoun(word, b, para_start)
        return self._desc(a, b, b)

    def _prep_start(self, pos: int) -> int:
        """Where the preposition before a mention at ``pos`` starts."""
        before = self.masked[max(0, pos - 30) : pos]
        words = list(re.finditer(r"\S+", before))
        while words and words[-1].group().lower() not in _PREPS:
            words.pop()
        return pos - len(before) + words[-1].start() if words else pos

    def first_person(self, a: int, b: int) -> Speaker | None:
        """The first person in ``[a, b)`` who is not a possessive or a preposition's object."""
        for x in self.mentions_in(a, b):
            if self._eligible(x):
                return self.speaker_of(x[2])
        return None

    def _eligible(self, mention: tuple[int, int, int]) -> bool:
        return (
            self.entities[mention[2]].type == "PERSON"
            and self.masked[mention[0]] != "\x00"
            and not self._possessive(mention[1])
            and not self._after_preposition(mention[0])
        )

    def inverted(self, a: int, limit: int, para_start: int) -> Speaker | None:
        """The speaker phrase that starts at ``a`` after an inverted cue ("said the minister")."""
        m = self.masked
        stop = a
        while stop < limit and m[stop] not in ",.;:!?\x00\n":
            stop += 1
        if stop - a > 90:
            stop = a + 90
        phrase_words = m[a:stop].split()
        if not phrase_words:
            return None
        if phrase_words[0].lower() in _PRONOUNS:
            return self.pronoun(phrase_words[0], a, para_start)
        found = self.mentions_in(a, stop)
        lead = m[a : found[0][0]].strip().lower() if found else "x"
        if lead in ("", "the") and not self._possessive(found[0][1]):
            return self.speaker_of(found[0][2])
        persons = [
            x for x in found if self.entities[x[2]].type == "PERSON" and not self._possessive(x[1])
        ]
        if persons and not self._after_preposition(persons[0][0]):
            return self.speaker_of(persons[0][2])
        # the head of the phrase: the last word before "of/for/at" or the end
        heads = []
        for w in phrase_words:
            lw = w.lower()
            if lw in _PREPS or lw in ("who", "that", "and"):
                break
            heads.append(w)
        if heads and heads[-1].lower().rstrip(".") in SPEAKER_NOUNS:
            # "the foreign minister, Name," — the name in apposition
            if stop < limit and m[stop] == ",":
                nxt = self.mentions_in(stop + 1, min(limit, stop + 60))
                adjacent = (
                    nxt
                    and m[stop + 1 : nxt[0][0]].strip() == ""
                    and m[nxt[0][1] : nxt[0][1] + 1] in (",", "")
                )
                if adjacent and self.entities[nxt[0][2]].type == "PERSON":
                    return self.speaker_of(nxt[0][2])
            head_end = a + m[a:stop].find(heads[-1]) + len(heads[-1])
            spk = self._desc(a, head_end, a)
            if spk is not None and spk.entity is None:
                orgs = [x for x in found if self.entities[x[2]].type == "ORG"]
                if orgs and heads[-1].lower() in _SPOKES:
                    return self.speaker_of(orgs[0][2])
            return spk
        if found:
            return self.speaker_of(found[0][2])
        return None
