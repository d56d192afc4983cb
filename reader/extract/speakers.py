"""Speakers referred to indirectly: a pronoun's antecedent ("he said") and the entity that holds a
role noun ("the prosecutor", "the company"). Mixed into ``attribution.Resolver``.

"He" and "she" go to the subject or speaker of the nearest clause before whose gender fits — the
sentence's own clause first ("X denied what he called …"), then each sentence back, its quotes'
speakers before its subject — not merely to the nearest name ("Rita Vale criticised a plan by
Alex Moreau. 'It will fail,' she said." is Vale). Gender comes from honorifics and gendered
titles ("Ms.", "congresswoman"), a gendered role, the first name (``gender``) and pronouns that
follow a name; an unknown gender fits either.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field

from .cues import CUE_RE, CUE_WORDS
from .gender import name_gender
from .model import Entity
from .quote_lexicon import FEMALE_TITLES, MALE_TITLES, ORG_NAME_HEADS, PERSON_NOUNS, TITLES, fold

_ORG_HEADS = frozenset(
    """ministry party council agency company court government union committee commission
    office embassy department board bank army police foundation charity university firm club
    team hospital school group utility association alliance federation network airline
    carrier operator broadcaster newspaper pantry campaign""".split()  # noqa: SIM905
)
# Organisation nouns that may stand for any named company or club: "the company said".
_GENERIC_ORG_HEADS = frozenset(
    """company firm club team utility airline carrier operator startup group broadcaster
    network charity""".split()  # noqa: SIM905
)
_COMPANY_HEADS = frozenset("""company firm utility airline carrier operator group""".split())  # noqa: SIM905
_COMPANY_SUFFIXES = frozenset("""co corp inc ltd plc llc ag sa nv gmbh holdings group""".split())  # noqa: SIM905
_ROLE_SYNONYMS = {
    "ceo": "executive",
    "boss": "executive",
    "pontiff": "pope",
    "chairman": "chair",
    "chairwoman": "chair",
    "chairperson": "chair",
}
# Words for several people that open a sentence capitalised, and so read as a name.
_MANY = frozenset("others several many some most few both all".split())  # noqa: SIM905
# A pronoun that tells a person's gender: one opening a sentence, or "he"/"she" and a cue. Three
# patterns, each opening with what the regex engine can skip to quickly; the first found wins.
_GENDER_AT_START = re.compile(r"(He|She|His|Her)\b")
_GENDER_OPENS = re.compile(r"[.!?]\s+(He|She|His|Her)\b")
_GENDER_CUE = re.compile(r"(?:h(?<!\w.)e|s(?<!\w.)he)\s+(?:" + "|".join(sorted(CUE_WORDS)) + r")\b")


def _gender_word(window: str) -> str | None:
    """The first pronoun in ``window`` that tells a gender ("He", "she"), or None."""
    found = _GENDER_AT_START.match(window)
    if found is not None:
        return found.group(1)
    opens = _GENDER_OPENS.search(window)
    cue = _GENDER_CUE.search(window)
    if cue is not None and (opens is None or cue.start() < opens.start()):
        return "he" if cue.group()[0] == "h" else "she"
    return opens.group(1) if opens is not None else None


@dataclass(frozen=True, slots=True)
class Speaker:
    """A resolved speaker: ``name`` to show, ``entity`` the linked entity's name or None."""

    name: str
    entity: str | None
    type: str  # PERSON, ORG, PLACE, GROUP, NAME (a name no entity holds) or DESC
    gender: str | None = field(default=None, compare=False)


def _one_off(spk: Speaker, want: str | None) -> bool:
    """Whether ``spk`` is someone met once ("a doctor", "one questioner"), who is "he" or
    "she" only in the sentence right after: further on, the pronoun is the article's own."""
    if want is None or spk.type != "DESC":
        return False
    return spk.name.split(" ", 1)[0].lower() in ("a", "an", "one", "another")


def singular(word: str) -> str:
    if word.endswith("ies") and len(word) > 4:
        return word[:-3] + "y"
    if word.endswith("s") and not word.endswith("ss") and len(word) > 3:
        return word[:-1]
    return word


class SpeakerRefs:
    """Pronoun and role resolution; the host class provides the mention index."""

    text: str
    masked: str
    entities: list[Entity]
    mentions: list[tuple[int, int, int]]
    starts: list[int]
    history: list[tuple[int, Speaker]]
    sentences: list[int]
    _gender: dict[int, str | None]

    def speaker_of(self, idx: int) -> Speaker:
        ent = self.entities[idx]
        return Speaker(ent.name, ent.name, ent.type)

    def mentions_in(self, a: int, b: int) -> list[tuple[int, int, int]]:
        raise NotImplementedError

    def sentence_start(self, pos: int) -> int:
        return 0

    def _eligible(self, mention: tuple[int, int, int]) -> bool:
        raise NotImplementedError

    def _after_preposition(self, start: int) -> bool:
        raise NotImplementedError

    def gender(self, idx: int) -> str | None:
        """``m``, ``f`` or None: from honorifics and gendered titles before the mentions
        ("Ms.", "congresswoman"), a gendered role, the first name, and pronouns that follow."""
        if idx in self._gender:
            return self._gender[idx]
        votes = {"m": 0, "f": 0}
        ent = self.entities[idx]
        role = (ent.role or "").split()
        if role and role[-1].endswith("woman"):
            votes["f"] += 3
        elif role and role[-1].endswith("man"):
            votes["m"] += 1  # "spokesman", "chairman" are said of women too
        first = next((w for w in ent.name.split() if w.lower().rstrip(".") not in TITLES), "")
        g = name_gender(first) if first else None
        if g:
            votes[g] += 2
        heard = {"m": 0, "f": 0}  # pronouns after the mentions: only where nothing else tells
        for m in ent.mentions[:12]:
            before = self.text[max(0, m.start - 16) : m.start].split()
            title = before[-1].lower().rstrip(".") if before else ""
            inner = m.text.split()[0].lower().rstrip(".") if m.text else ""
            for word in (title, inner):
                if word in MALE_TITLES:
                    votes["m"] += 1 if word.endswith("man") else 3
                elif word in FEMALE_TITLES:
                    votes["f"] += 3
            window = self.masked[m.end : m.end + 200]
            nxt = bisect.bisect_right(self.starts, m.end)
            if nxt < len(self.mentions):
                n_start, _, n_idx = self.mentions[nxt]
                if self.entities[n_idx].type == "PERSON" and n_start - m.end < 160:
                    window = window[: n_start - m.end]
            found = _gender_word(window)
            if found:
                word = found.lower()
                heard["m" if word in ("he", "his") else "f"] += 1
        if votes["m"] == votes["f"]:
            votes = heard  # a first name or a title outweighs any count of pronouns nearby
        g = None if votes["m"] == votes["f"] else ("m" if votes["m"] > votes["f"] else "f")
        self._gender[idx] = g
        return g

    def speaker_gender(self, spk: Speaker) -> str | None:
        if spk.entity is not None:
            idx = self._index(spk.entity)
            return self.gender(idx) if idx is not None else None
        return spk.gender or name_gender(spk.name.split()[0]) if spk.name else None

    # -- pronouns and roles ----------------------------------------------------------------
    def _sentence_subject(self, s: int, e: int) -> int | None:
        """The first person in the sentence ``[s, e)`` who is not a possessive or a
        preposition's object: the sentence's subject, as near as mentions tell."""
        i = bisect.bisect_left(self.starts, s)
        while i < len(self.mentions) and self.mentions[i][0] < e:
            x = self.mentions[i]
            if self.entities[x[2]].type == "PERSON" and self._eligible(x):
                return x[2]
            i += 1
        return None

    def main_subject(self, s: int, e: int) -> Speaker | None:
        """The subject of the sentence ``[s, e)``: set by the caller that parses clauses;
        this fallback takes the first person who is no possessive or preposition's object."""
        idx = self._sentence_subject(s, e)
        return self.speaker_of(idx) if idx is not None else None

    def _fits(self, spk: Speaker | None, want: str | None) -> bool:
        """Whether ``spk`` can be "he" (``want`` m), "she" (f), or, with None, "the senator"."""
        if spk is None:
            return False
        if spk.type == "ORG" and name_gender(spk.name.split()[0]) is not None:
            spk = Speaker(spk.name, spk.entity, "PERSON")  # a person the tagger took for a body
        if want is None:
            return spk.type in ("PERSON", "NAME")
        if spk.type == "DESC":
            # "the candidate said …. “…,” he went on": a person described, not named
            words = spk.name.lower().split()
            return bool(words) and words[-1] in PERSON_NOUNS and not words[-1].endswith("s")
        if spk.type not in ("PERSON", "NAME") or spk.name.lower() in _MANY:
            return False  # "Others are “…,” she said": a group is never "she"
        return self.speaker_gender(spk) in (want, None)

    def personal(self, want: str | None, pos: int, para_start: int) -> Speaker | None:
        """The antecedent of "he" (``want`` m) or "she" (f) at ``pos``: the subject or speaker
        of the nearest clause before whose gender fits, not merely the nearest name ("Vale
        criticised a plan by Moreau. 'It will fail,' she said." is Vale)."""
        s = self.sentence_start(pos)
        before = self.masked[s:pos].rstrip()
        last = before.rsplit(None, 1)[-1].lower() if before else ""
        if last in ("he", "she"):
            before = before[: -len(last)].rstrip()  # the pronoun itself
        fill = before.rfind("\x00")
        if fill >= 0:
            before = before[: before.find("\x00")]  # "… before the quote: “…,” he said"
        if before and not before.endswith(","):
            spk = self.main_subject(s, s + len(before))
            if self._fits(spk, want):
                return spk  # "X denied what he called …", "X said: “…,” he added"
        starts = self.sentences
        k = bisect.bisect_right(starts, s) - 1
        hist = self.history
        h = len(hist) - 1
        while h >= 0 and hist[h][0] >= s:
            h -= 1
        steps = 0
        while k > 0 and steps < 6:
            k -= 1
            steps += 1
            a, b = starts[k], starts[k + 1]
            if pos - a > 2500:
                break
            said: list[Speaker] = []
            while h >= 0 and hist[h][0] >= a:
                if hist[h][0] < b:
                    said.append(hist[h][1])
                h -= 1
            for spk in said:
                if self._fits(spk, want) and (steps == 1 or not _one_off(spk, want)):
                    return spk
            spk = self.main_subject(a, b)
            if self._fits(spk, want) and (steps == 1 or not _one_off(spk, want)):
                return spk
            if want is not None and spk is not None:
                # "Holt spoke, with Vera Kerr — … — lambasting his plan. “…,” she said": the
                # subject of a later cue in the sentence
                later = self._later_cue_subject(a, b, want, spk)
                if later is not None:
                    return later
        if want is None:
            return None
        i = bisect.bisect_left(self.starts, pos) - 1
        while i >= 0 and pos - self.mentions[i][0] < 3000:
            x = self.mentions[i]
            if self.entities[x[2]].type == "PERSON" and not self._possessive(x[1]):
                g = self.gender(x[2])
                if g == want or (g is None and pos - x[0] < 400):
                    return self.speaker_of(x[2])  # "… gave Beck new impetus. He said …"
            i -= 1
        return None

    def _later_cue_subject(self, a: int, b: int, want: str, first: Speaker) -> Speaker | None:
        """The named subject, of gender ``want``, of a cue of saying after the first in the
        sentence ``[a, b)``."""
        for m in CUE_RE.finditer(self.masked, a, b):
            spk = self.cue_speaker(a, b, m.start(), 0)
            if (
                spk is not None
                and spk != first
                and spk.type == "PERSON"
                and self.speaker_gender(spk) == want
            ):
                return spk
        return None

    def cue_speaker(self, s: int, e: int, cue: int, para_start: int) -> Speaker | None:
        raise NotImplementedError

    def pronoun(self, word: str, pos: int, para_start: int) -> Speaker | None:
        word = word.lower()
        if word in ("he", "she"):
            return self.personal("m" if word == "he" else "f", pos, para_start)
        if word in ("it", "they"):
            body = self._body_before(word, pos)
            if body is not None:
                return body  # "Trump's campaign is defending it. It calls it “…”"
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

    def _body_before(self, word: str, pos: int) -> Speaker | None:
        """The body ("the campaign", "Harlow Trust") that is the subject of the sentence right
        before ``pos``'s, if "it" or "they" (``word``) can stand for it."""
        k = bisect.bisect_right(self.sentences, pos) - 1
        if k < 1:
            return None
        spk = self.subject_body(self.sentences[k - 1], self.sentences[k])
        if spk is None or spk.type not in ("ORG", "DESC"):
            return None
        words = spk.name.lower().split()
        plural = bool(words) and words[-1].endswith("s") and not words[-1].endswith("ss")
        if spk.type == "DESC" and (plural != (word == "they") or words[-1] in PERSON_NOUNS):
            return None  # "it" is no "the officials", "they" no "the senator"
        return spk

    def subject_body(self, s: int, e: int) -> Speaker | None:
        """The subject of the sentence ``[s, e)`` as a speaker: set by the caller that parses
        clauses."""
        return None

    def _role_candidates(self) -> tuple[dict[str, list[int]], list[tuple[int, tuple[str, ...]]]]:
        """People by the head noun of their role, and organisations with their folded words.

        Built once per article: ``role`` is asked for every "the prosecutor said", and a long
        text has thousands of entities.
        """
        cached = getattr(self, "_roles_cache", None)
        if cached is None:
            people: dict[str, list[int]] = {}
            orgs: list[tuple[int, tuple[str, ...]]] = []
            for idx, ent in enumerate(self.entities):
                if ent.type == "PERSON" and ent.role:
                    last = singular(ent.role.split()[-1])
                    people.setdefault(_ROLE_SYNONYMS.get(last, last), []).append(idx)
                elif ent.type == "ORG":
                    orgs.append((idx, tuple(fold(ent.name).split())))
            cached = self._roles_cache = (people, orgs)
        return cached

    def _mention_starts(self, idx: int) -> list[int]:
        cache: dict[int, list[int]] = self.__dict__.setdefault("_starts_cache", {})
        if idx not in cache:
            cache[idx] = [m.start for m in self.entities[idx].mentions]
        return cache[idx]

    def _index(self, name: str) -> int | None:
        index: dict[str, int] | None = self.__dict__.get("_index_cache")
        if index is None:
            index = {}
            for idx, ent in enumerate(self.entities):
                index.setdefault(ent.name, idx)
            self.__dict__["_index_cache"] = index
        return index.get(name)

    def role(self, head: str, pos: int, mods: tuple[str, ...] = ()) -> Speaker | None:
        """The entity, mentioned before ``pos`` (or else anywhere), that holds role ``head``.

        ``mods`` are the phrase's modifiers ("defense" in "the defense ministry"): an
        organisation must then carry one of them in its name.
        """
        if singular(head.lower()) != head.lower():
            return None  # a plural ("analysts") is never one entity
        head = _ROLE_SYNONYMS.get(head.lower(), head.lower())
        best: tuple[int, int, int] | None = None
        people, orgs = self._role_candidates()
        for idx, words in [*((i, ()) for i in people.get(head, ())), *orgs]:
            ent = self.entities[idx]
            if ent.type == "ORG":
                if head not in _ORG_HEADS:
                    continue
                if head not in (words[-1], words[0]) and not (
                    head in _COMPANY_HEADS and words[-1].rstrip(".") in _COMPANY_SUFFIXES
                ):
                    continue
                if mods and not any(w in words for w in mods):
                    continue
            starts = self._mention_starts(idx)
            before = bisect.bisect_left(starts, pos)
            key = (1, starts[before - 1]) if before else (0, -starts[0])
            if best is None or key > best[0:2]:
                best = (*key, idx)
        if best is None and head in _GENERIC_ORG_HEADS and not mods:
            return self._recent_org(pos)
        if best is None:
            return None
        return self.speaker_of(best[2])

    def _recent_org(self, pos: int) -> Speaker | None:
        """ "The company said": the nearest organisation named before, when its name has no
        head noun of its own that would contradict ("Acme Corp." or "Zentra", not "X Ministry")."""
        fallback = None
        i = bisect.bisect_left(self.starts, pos) - 1
        while i >= 0 and pos - self.mentions[i][0] < 2000:
            ent = self.entities[self.mentions[i][2]]
            if ent.type == "ORG":
                last = fold(ent.name).split()[-1].rstrip(".")
                if last in _COMPANY_SUFFIXES or last not in ORG_NAME_HEADS:
                    # prefer a subject to a preposition's object ("a defeat at X left the club")
                    if not self._after_preposition(self.mentions[i][0]):
                        return self.speaker_of(self.mentions[i][2])
                    fallback = fallback or self.speaker_of(self.mentions[i][2])
            i -= 1
        return fallback
