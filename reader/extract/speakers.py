"""Speakers referred to indirectly: a pronoun's antecedent ("he said") and the entity that holds a
role noun ("the prosecutor", "the company"). Mixed into ``attribution.Resolver``."""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

from .cues import CUE_WORDS
from .lexicon import ORG_CUES, fold
from .model import Entity

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
_GENDER_RE = re.compile(
    r"(?:(?:^|[.!?]\s+)(He|She|His|Her)\b|\b(he|she)\s+(?:" + "|".join(sorted(CUE_WORDS)) + r")\b)"
)


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


class SpeakerRefs:
    """Pronoun and role resolution; the host class provides the mention index."""

    text: str
    masked: str
    entities: list[Entity]
    mentions: list[tuple[int, int, int]]
    starts: list[int]
    history: list[tuple[int, Speaker]]
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
        for idx, ent in enumerate(self.entities):
            if ent.name == name:
                return idx
        return None

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
                if last in _COMPANY_SUFFIXES or last not in ORG_CUES:
                    # prefer a subject to a preposition's object ("a defeat at X left the club")
                    if not self._after_preposition(self.mentions[i][0]):
                        return self.speaker_of(self.mentions[i][2])
                    fallback = fallback or self.speaker_of(self.mentions[i][2])
            i -= 1
        return fallback
