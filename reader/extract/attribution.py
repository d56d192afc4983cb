"""Who said it: cue verbs and the resolution of a speaker phrase to an entity.

A speaker phrase is the subject before a cue verb ("Peskov said", "the prosecutor, Jane Doe,
told", "he added") or the phrase after an inverted one ("said the minister", "according to
police"). It resolves, in this order, to the entity whose mention ends (or starts) the phrase,
a pronoun's antecedent (the most recent speaker or person of a fitting gender), the entity that
holds a role noun ("the prosecutor"), or a plain description ("police", "a lawyer for the
family") that links to no entity. Anything else resolves to nothing: no guess.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

from .lexicon import TITLE_HEADS
from .model import Entity
from .roles import ROLE_HEADS


def _w(words: str) -> frozenset[str]:
    return frozenset(words.split())


_CUE_FORMS = """said says say saying told tells telling added adds adding denied denies denying
asked asks asking warned warns warning wrote writes writing stated states explained explains
explaining insisted insists insisting argued argues arguing claimed claims claiming noted notes
noting recalled recalls recalling replied replies replying responded responds continued
declared declares announced announces acknowledged acknowledges admitted admits conceded
concedes cautioned cautions complained complains vowed vows promised promises predicted
predicts suggested suggests stressed stresses emphasized emphasised emphasizes emphasises
observed remarked shouted yelled tweeted tweets posted testified testifies reiterated
reiterates confirmed confirms pledged urged urges accused accuses called calls calling
described describes describing dismissed dismisses denounced denounces criticized criticised
praised hailed branded labeled labelled blamed blames alleged alleges countered agreed
maintained maintains boasted joked lamented charged demanded disputed rejected rejects
answered exclaimed whispered mused quipped added insisted objected protested"""
CUE_WORDS = _w(_CUE_FORMS)
# Cues that take a content clause: the ones that make reported speech.
REPORT_WORDS = _w(
    """said says told tells added denied denies warned warns wrote writes stated explained insisted
    insists argued argues claimed claims noted recalled announced announces acknowledged admitted
    conceded cautioned complained vowed promised predicted stressed emphasized emphasised
    confirmed reiterated testified alleged maintained saying adding warning insisting
    arguing claiming noting asked asks"""
)
# Cues that can stand before their subject: "said Peskov", "added the minister".
INVERTING = _w(
    """said says told added asked wrote warned continued explained insisted argued noted
    replied recalled declared acknowledged admitted cautioned complained observed remarked
    countered answered"""
)
CUE_RE = re.compile(r"(?<![\w’'-])(?:according to|" + "|".join(sorted(CUE_WORDS)) + r")(?![\w’'-])")

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
    coroner pathologist"""
)
SPEAKER_NOUNS = (frozenset(ROLE_HEADS) | frozenset(TITLE_HEADS) | _PLURALS_EXTRA) | frozenset(
    w + "s" for w in ROLE_HEADS if not w.endswith("s")
)
_ORG_HEADS = _w(
    """ministry party council agency company court government union committee commission
    office embassy department board bank army police foundation charity university firm club
    team hospital school group"""
)
_STOPS = _w("""and but who that while as when after before because if than or""")
_SPOKES = _w("""spokesman spokeswoman spokesperson spokespeople statement""")
_WORD = re.compile(r"[\w’'.-]+|[,;:]")
_GENDER_RE = re.compile(
    r"(?:(?:^|[.!?]\s+)(He|She|His|Her)\b|\b(he|she)\s+(?:" + "|".join(sorted(CUE_WORDS)) + r")\b)"
)
_PRONOUNS = _w("""he she they it we""")


@dataclass(frozen=True, slots=True)
class Speaker:
    """A resolved speaker: ``name`` to show, ``entity`` the linked entity's name or None."""

    name: str
    entity: str | None
    type: str  # PERSON, ORG, PLACE, GROUP or DESC


def singular(word: str) -> str:
    if word.endswith("ies") and len(word) > 4:
        return word[:-3] + "y"
    if word.endswith("s") and not word.endswith("ss") and len(word) > 3:
        return word[:-1]
    return word


class Resolver:
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
        self.history: list[tuple[int, Speaker]] = []  # (position, speaker) of items so far
        self._gender: dict[int, str | None] = {}
        self.sentence_start = lambda pos: 0  # set by the caller that knows the sentences

    # -- entities and mentions -------------------------------------------------------------
    def speaker_of(self, idx: int) -> Speaker:
        ent = self.entities[idx]
        return Speaker(ent.name, ent.name, ent.type)

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
        before = self.masked[max(0, start - 30) : start].split()
        while before and (before[-1].lower() in _DETS or before[-1][:1].isupper()):
            if before[-1].lower() in _DETS:
                before.pop()
                continue
            break
        return bool(before) and before[-1].lower() in _PREPS

    def gender(self, idx: int) -> str | None:
        if idx in self._gender:
            return self._gender[idx]
        votes = {"m": 0, "f": 0}
        ent = self.entities[idx]
        role = (ent.role or "").split()
        if role and role[-1].endswith("woman"):
            votes["f"] += 3
        elif role and role[-1].endswith("man"):
            votes["m"] += 3
        for m in ent.mentions[:12]:
            before = self.text[max(0, m.start - 5) : m.start]
            if "Mr" in before:
                votes["m"] += 3
            elif "Mrs" in before or "Ms" in before:
                votes["f"] += 3
            window = self.masked[m.end : m.end + 200]
            nxt = bisect.bisect_right(self.starts, m.end)
            if nxt < len(self.mentions):
                n_start, _, n_idx = self.mentions[nxt]
                if self.entities[n_idx].type == "PERSON" and n_start - m.end < 160:
                    window = window[: n_start - m.end]
            g = _GENDER_RE.search(window)
            if g:
                word = (g.group(1) or g.group(2)).lower()
                votes["m" if word in ("he", "his") else "f"] += 1
        g = None if votes["m"] == votes["f"] else ("m" if votes["m"] > votes["f"] else "f")
        self._gender[idx] = g
        return g

    # -- pronouns and roles ----------------------------------------------------------------
    def pronoun(self, word: str, pos: int, para_start: int) -> Speaker | None:
        word = word.lower()
        if word in ("he", "she"):
            want = "m" if word == "he" else "f"
            # a person named earlier in the same sentence ("X denied what he called …")
            s = self.sentence_start(pos)
            for x in reversed(self.mentions_in(s, pos)):
                if self._eligible(x) and self.gender(x[2]) in (want, None):
                    return self.speaker_of(x[2])
            in_para = any(self._eligible(x) for x in self.mentions_in(para_start, pos))
            for p, spk in reversed(self.history[-3:]):
                if in_para and p < para_start:
                    break
                if spk.type == "PERSON" and spk.entity and p >= para_start - 1500:
                    idx = self._index(spk.entity)
                    g = self.gender(idx) if idx is not None else None
                    others = [
                        x for x in self.mentions_in(p, pos) if self._eligible(x) and x[2] != idx
                    ]
                    if idx is not None and (g == want or (g is None and not others)):
                        return spk
                    break
            i = bisect.bisect_left(self.starts, pos) - 1
            while i >= 0 and pos - self.mentions[i][0] < 3000:
                s, _e, idx = self.mentions[i]
                if self._eligible(self.mentions[i]) and self.gender(idx) in (want, None):
                    return self.speaker_of(idx)
                i -= 1
            return None
        if word in ("it", "they"):
            if self.history:
                p, spk = self.history[-1]
                recent = p >= para_start - 1500
                fits = word == "they" or spk.type != "DESC" or not spk.name.endswith("s")
                if spk.type in ("ORG", "DESC", "GROUP", "PLACE") and recent and fits:
                    return spk
            i = bisect.bisect_left(self.starts, pos) - 1
            while i >= 0 and pos - self.mentions[i][0] < 600:
                idx = self.mentions[i][2]
                if self.entities[idx].type == "ORG":
                    return self.speaker_of(idx)
                i -= 1
        return None

    def _index(self, name: str) -> int | None:
        for idx, ent in enumerate(self.entities):
            if ent.name == name:
                return idx
        return None

    def role(self, head: str, pos: int) -> Speaker | None:
        """The entity, mentioned before ``pos`` (or else anywhere), that holds role ``head``."""
        if singular(head.lower()) != head.lower():
            return None  # a plural ("analysts") is never one entity
        head = head.lower()
        best: tuple[int, int] | None = None
        for idx, ent in enumerate(self.entities):
            if ent.type == "PERSON" and ent.role:
                if singular(ent.role.split()[-1]) != head:
                    continue
            elif ent.type == "ORG" and head in _ORG_HEADS:
                if ent.name.split()[-1].lower() != head:
                    continue
            else:
                continue
            before = [m.start for m in ent.mentions if m.start < pos]
            key = (1, before[-1]) if before else (0, -ent.mentions[0].start)
            if best is None or key > best[0:2]:
                best = (*key, idx)  # type: ignore[assignment]
        if best is None:
            return None
        return self.speaker_of(best[2])  # type: ignore[misc]

    # -- phrases ---------------------------------------------------------------------------
    def _desc(self, a: int, b: int, pos: int) -> Speaker | None:
        """A noun phrase ending at ``b`` whose head is a speaker noun."""
        words = [(m.start() + a, m.end() + a, m.group()) for m in _WORD.finditer(self.masked[a:b])]
        if not words or words[-1][2].lower() not in SPEAKER_NOUNS:
            return None
        head = words[-1][2]
        first = len(words) - 1
        while first > 0 and len(words) - first < 6:
            w = words[first - 1][2]
            lw = w.lower()
            if lw in ("of", "at", "from") and first >= 2:
                ment = self.by_end.get(words[first - 2][1])
                if ment is not None and self._eligible(ment):
                    return self.speaker_of(ment[2])  # "Jane Doe of the union said"
            if w in ",;:" or lw in CUE_WORDS or lw in _STOPS or lw in _PREPS:
                break
            first -= 1
            if lw in _DETS or w.endswith(("’s", "'s")):
                break
        phrase = self.text[words[first][0] : words[-1][1]]
        spk = self.role(head, pos)
        if spk is not None:
            return spk
        if head[:1].isupper() and first == len(words) - 1 and head.lower() in TITLE_HEADS:
            return None
        return Speaker(phrase, None, "DESC")

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
            if relative:
                persons = []
            if persons:
                return self.speaker_of(persons[-1][2])
            if comma >= 0:
                return self.subject(a, comma, para_start)
            return None
        ment = self.by_end.get(b)
        if ment is not None and ment[0] >= a:
            if self._after_preposition(ment[0]):
                spk = self._desc(a, self._prep_start(ment[0]), b)
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
            return self.first_person(a, b)
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
                adjacent = nxt and m[stop + 1 : nxt[0][0]].strip() == ""
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
