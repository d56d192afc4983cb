"""Type a candidate segment: strip sentence-initial words and titles, split off nationality
adjectives, then decide PERSON / ORG / PLACE / GROUP from gazetteers, cue words and shape."""

from __future__ import annotations

import re
from dataclasses import dataclass
from itertools import pairwise

from .candidates import BYLINE, Segment
from .context import noun_type, org_evidence
from .lexicon import (
    COMPASS,
    CONNECTORS,
    MONTHS_DAYS,
    NON_ENTITY_HEADS,
    ORG_CUES,
    PARTICLES,
    PLACE_CUES,
    PLACE_HEADS,
    STOP,
    TITLE_HEADS,
    TITLE_MODIFIERS,
    Lexicon,
    fold,
)

Tok = tuple[int, int, str]
_DATELINE_AFTER = re.compile(r"[ \u00a0]*(?:,|\(|—|–|-[ \u00a0])")
_ACRONYM = re.compile(r"(?:[A-Z]\.){2,}|[A-Z][A-Z0-9&]{1,6}s?")
# Titles that follow a company's name: "Acme CEO Jane Doe".
_ORG_TITLES = frozenset(
    """ceo cfo coo cto chairman chairwoman chair founder co-founder president spokesman
    spokeswoman spokesperson director""".split()  # noqa: SIM905
)
_CLUB_PREFIXES = frozenset(["ac", "fc", "afc", "sc", "cf", "cd", "ss", "sv", "vfb", "vfl", "rb"])
_ROMAN = frozenset(["ii", "iii", "iv", "v", "vi", "vii", "viii", "jr", "jr.", "sr", "sr."])


@dataclass(slots=True)
class Raw:
    """A typed (or still untyped) mention before merging."""

    start: int
    end: int
    text: str
    type: str | None  # None: a bare capitalised word left for the merging step
    canon: str = ""  # gazetteer canonical name (places, groups)
    strong: bool = False  # the type has direct evidence (title, gazetteer, cue word)
    title: str = ""  # a title written before the name ("President", "Foreign Minister")
    prefix: str = ""  # "then", "ex" ...
    initial: bool = False


def _is_title_word(tok: str) -> bool:
    low = tok.lower()
    if low in TITLE_HEADS or low in TITLE_MODIFIERS:
        return True
    return "-" in low and all(p in TITLE_HEADS or p in TITLE_MODIFIERS for p in low.split("-"))


def _is_title_head(tok: str) -> bool:
    low = tok.lower()
    return low in TITLE_HEADS or ("-" in low and _is_title_word(tok))


def _title_end(toks: list[Tok], i: int, lex: Lexicon) -> int:
    """End of a title starting at ``i`` ("Chief Cabinet Secretary"), or ``i`` if none.

    Title words and capitalised common words ("Cabinet") may run on; the title ends with its
    last head word, and a first name or a known place stops it.
    """
    j, best = i, i
    while j < len(toks):
        tok = toks[j][2]
        low = tok.lower()
        if _is_title_head(tok):
            best = j + 1
        elif _is_title_word(tok) or (j > i and low in lex.common and not _known(fold(tok), lex)):
            pass
        else:
            break
        j += 1
    return best


def classify(seg: Segment, text: str, lex: Lexicon) -> list[Raw]:
    toks = _trim(seg, lex)
    if not toks:
        return []
    initial = seg.initial and toks[0][0] == seg.start
    if len(toks) == 1 and initial and fold(toks[0][2]) in lex.common:
        raw = _raw(toks, text, None)
        raw.initial = True
        whole = _typed_whole(toks, text, lex)
        return [whole] if whole is not None and _known(fold(toks[0][2]), lex) else [raw]
    if initial and len(toks) > 1 and _strip_first(toks, lex):
        toks = toks[1:]
        initial = False
    out: list[Raw] = []
    whole = _typed_whole(toks, text, lex)
    if whole is not None:
        whole.initial = initial
        whole.prefix = seg.prefix if whole.start == seg.start else ""
        if len(toks) == 1 and whole.type in ("ORG", "PLACE"):
            by_noun = noun_type(text, whole.start, whole.end)
            if by_noun and by_noun != whole.type:
                whole.type, whole.canon = by_noun, ""
        return [whole]
    if seg.dateline and all(t[2].isupper() for t in toks) and _DATELINE_AFTER.match(text, seg.end):
        return [_raw(toks, text, "PLACE", strong=True)]
    if toks[-1][2].lower() in NON_ENTITY_HEADS and len(toks) > 1:
        return []
    # A place before a group: "Texas Republican", "Ohio Democrats".
    if len(toks) > 1 and fold(toks[-1][2]) in lex.demonyms:
        head = _typed_whole(toks[:-1], text, lex)
        if head is not None and head.type == "PLACE":
            return [head, _raw(toks[-1:], text, "GROUP", strong=True, lex=lex)]
    # Nationality adjective in front: "Russian President ...", "Serbian citizens".
    k = _demonym_prefix(toks, lex)
    if k and k < len(toks) and not _org_cued(toks[k:]) and not _org_cued(toks):
        out.append(_raw(toks[:k], text, "GROUP", strong=True, lex=lex))
        toks = toks[k:]
        whole = _typed_whole(toks, text, lex)
        if whole is not None:
            out.append(whole)
            return out
    # A title, possibly after a place or an organisation: the rest is a person.
    of_org = _org_cued(toks) and toks[-1][2].lower() not in ORG_CUES
    for k in range(0 if not of_org else len(toks), len(toks) - 1):
        if toks[k][2][0].islower():
            continue
        org_title = (
            k in (1, 2)
            and toks[k][2].lower() in _ORG_TITLES
            and k + 1 < len(toks)
            and fold(toks[k + 1][2]) in lex.first_names
        )
        if (
            k
            and _typed_whole(toks[:k], text, lex) is None
            and not _org_cued(toks[:k])
            and not (k == 1 and _ACRONYM.fullmatch(toks[0][2]))
            and not org_title
        ):
            continue
        t_end = _title_end(toks, k, lex)
        if t_end == k or t_end >= len(toks) or _org_cued(toks[k:]):
            continue
        if not toks[t_end][2][0].isupper():
            continue
        if k and org_title and _typed_whole(toks[:k], text, lex) is None:
            out.append(_raw(toks[:k], text, "ORG"))  # "Chirrup CEO Victor Osei"
        elif k:
            out.extend(classify_plain(toks[:k], text, lex, seg, False))
        raw = _raw(toks[t_end:], text, "PERSON", strong=True)
        raw.title = text[toks[k][0] : toks[t_end - 1][1]]
        raw.prefix = seg.prefix if k == 0 else ""
        out.append(raw)
        return out
    if _title_end(toks, 0, lex) == len(toks):
        return out
    out.extend(classify_plain(toks, text, lex, seg, initial))
    return out


def _trim(seg: Segment, lex: Lexicon) -> list[Tok]:
    """Drop leading function words and everything from a month or weekday on."""
    toks = seg.tokens
    i = 0
    whole = fold(" ".join(t[2] for t in toks))
    if whole in lex.places or whole in lex.orgs:
        return toks
    while i < len(toks) and (fold(toks[i][2]) in STOP or fold(toks[i][2]) in MONTHS_DAYS):
        tok = toks[i][2]
        if len(tok) >= 3 and tok.isupper() and i + 1 < len(toks) and not toks[i + 1][2].isupper():
            break  # "WHO Director-General ...": an acronym, not the pronoun
        i += 1
    j = i
    while j < len(toks) and fold(toks[j][2]) not in MONTHS_DAYS:
        j += 1
    while j > i and (toks[j - 1][2] in CONNECTORS or toks[j - 1][2] in PARTICLES):
        j -= 1
    return toks[i:j]


def _strip_first(toks: list[Tok], lex: Lexicon) -> bool:
    """Whether a sentence-initial common word should go: "Neighboring Serbia" but not
    "Human Rights Watch" or "East Japan Railway Co."."""
    first = fold(toks[0][2])
    if first not in lex.common or _known(first, lex) or _is_title_word(toks[0][2]):
        return False
    if _typed_whole(toks, "", lex, surface=" ".join(t[2] for t in toks)) is not None:
        return False
    rest = toks[1:]
    r0 = fold(rest[0][2])
    surface = " ".join(t[2] for t in rest)
    return (
        _known(fold(surface), lex)
        or r0 in lex.first_names
        or r0 in lex.demonyms
        or _title_end(rest, 0, lex) > 0
    )


def _known(low: str, lex: Lexicon) -> bool:
    return low in lex.first_names or low in lex.places or low in lex.orgs or low in lex.demonyms


def _raw(
    toks: list[Tok],
    text: str,
    typ: str | None,
    strong: bool = False,
    lex: Lexicon | None = None,
    canon: str = "",
) -> Raw:
    s, e = toks[0][0], toks[-1][1]
    surface = text[s:e]
    if lex is not None and not canon:
        key = fold(surface)
        if typ == "GROUP":
            canon = lex.demonyms.get(key, "")
        elif typ == "PLACE" and key in lex.places:
            canon = lex.places[key][0]
    return Raw(s, e, surface, typ, canon, strong)


def _typed_whole(toks: list[Tok], text: str, lex: Lexicon, surface: str = "") -> Raw | None:
    surface = surface or text[toks[0][0] : toks[-1][1]]
    key = fold(surface)
    if key in lex.orgs:
        return _raw(toks, text, "ORG", strong=True) if text else Raw(0, 0, "", "ORG")
    if key in lex.places:
        canon = lex.places[key][0]
        return _raw(toks, text, "PLACE", True, canon=canon) if text else Raw(0, 0, "", "PLACE")
    if key in lex.demonyms:
        return _raw(toks, text, "GROUP", strong=True, lex=lex) if text else Raw(0, 0, "", "GROUP")
    return None


def _demonym_prefix(toks: list[Tok], lex: Lexicon) -> int:
    if len(toks) >= 3 and fold(toks[0][2] + " " + toks[1][2]) in lex.demonyms:
        return 2
    if fold(toks[0][2]) in lex.demonyms:
        return 1
    return 0


def _org_cued(toks: list[Tok]) -> bool:
    low = [t[2].lower() for t in toks]
    if low[-1] in ORG_CUES:
        return True
    return any(w in ORG_CUES and nxt in ("of", "for", "on") for w, nxt in pairwise(low))


def classify_plain(
    toks: list[Tok], text: str, lex: Lexicon, seg: Segment, initial: bool
) -> list[Raw]:
    whole = _typed_whole(toks, text, lex)
    if whole is not None:
        return [whole]
    raw = _raw(toks, text, None)
    raw.initial = initial
    raw.prefix = seg.prefix
    raw.type, raw.strong = _shape(toks, text, lex, seg)
    return [raw]


def _shape(toks: list[Tok], text: str, lex: Lexicon, seg: Segment) -> tuple[str | None, bool]:
    words = [t[2] for t in toks]
    low = [w.lower() for w in words]
    if _org_cued(toks):
        return "ORG", True
    if low[-1] in PLACE_CUES or (len(low) > 1 and low[0] in PLACE_HEADS):
        return "PLACE", True
    if len(words) > 1 and low[0] in COMPASS and fold(" ".join(words[1:])) in lex.places:
        return "PLACE", True
    caps = [w for w in words if w not in PARTICLES and w not in CONNECTORS]
    if len(words) == 1 and _ACRONYM.fullmatch(words[0]):
        if fold(words[0]) in lex.first_names and not words[0].isupper():
            return None, False
        return "ORG", True
    if seg.line == BYLINE:
        return "PERSON", True
    by_noun = noun_type(text, toks[0][0], toks[-1][1])
    if len(words) == 1 and camel_case(words[0]):
        return "ORG", True
    if len(caps) < 2:
        return by_noun, by_noun is not None
    if by_noun == "ORG" or org_evidence(text, toks[0][0], toks[-1][1]):
        return "ORG", True  # "the broadcaster France Info", "agencies such as Caritas X"
    if low[0] in _CLUB_PREFIXES:
        return "ORG", True  # "AC Milan", "FC Porto"
    f0, fl = fold(caps[0]), fold(caps[-1])
    if (
        f0 in lex.first_names
        and (f0 not in lex.common or fl not in lex.common)
        and lex.places.get(fl, ("", ""))[1] != "country"
    ):
        return "PERSON", True
    if len(caps[0]) == 2 and caps[0][1] == ".":
        return "PERSON", True
    if by_noun:
        return by_noun, True
    plain = [w for w in caps if w.lower() not in _ROMAN]
    folded = [fold(w) for w in plain]
    if lex.places.get(folded[-1], ("", ""))[1] == "country":
        return "ORG", False
    if (folded[0] in lex.places or folded[0] in lex.orgs) and any(f in lex.common for f in folded):
        return "ORG", False
    uncommon = [f not in lex.common for f in folded]
    if all(uncommon) or (any(uncommon) and len(words) > len(caps)):
        return "PERSON", False
    if uncommon[0] and not any(uncommon[1:]) and not _plural_common(folded[-1], lex):
        return "PERSON", False
    return "ORG", False


_CAMEL = re.compile(r"[a-z][A-Z]")
_NAME_PREFIXES = ("Mc", "Mac", "De", "Di", "Da", "La", "Le", "Van", "Von", "Du", "O’", "O'")


def camel_case(word: str) -> bool:
    """SoftBank, WestJet, GlaxoSmithKline: a company, not a McDonald or a DiCaprio."""
    return bool(_CAMEL.search(word)) and not word.startswith(_NAME_PREFIXES)


def _plural_common(word: str, lex: Lexicon) -> bool:
    return word.endswith("s") and word[:-1] in lex.common
