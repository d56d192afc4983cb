"""Type a name from the words around it: "the agency Ibama", "Zamfara state", "the town of
Sabac", "Stripe, the payments company", "Smith said", "in Hackney"."""

from __future__ import annotations

import re
from functools import lru_cache
from string import ascii_letters

from .lexicon import ORG_CUES, ORG_NOUNS, PLACE_NOUNS, PLACE_PREPS, SPEECH

_PARTY_NOUNS = frozenset(["party", "movement", "alliance", "coalition", "bloc", "militia"])

_PREV = re.compile(r"([A-Za-z]+)(?:[ \u00a0]+of)?[ \u00a0]+$")
_PREV_WORD = re.compile(r"([A-Za-z]+)[ \u00a0]*,?[ \u00a0]*$")
_NEXT = re.compile(r"(?:’s|'s)?[ \u00a0]+([a-z]+)")
_NEXT_SPEECH = re.compile(r"[ \u00a0]*,?[ \u00a0]*([a-z]+)")
_APPOS = re.compile(
    r",[ \u00a0]+(?:the|a|an|its|which[ \u00a0]+is[ \u00a0]+(?:the|a|an))[ \u00a0]+"
    r"(?:[\w’'-]+[ \u00a0]+){0,3}?([A-Za-z]+)(?=[ \u00a0]*[,.;)]|[ \u00a0]+(?:of|for|that|which|in|"
    r"on|founded|based|owned|run|led|known|with|where|near|at)\b)"
)


def _bare_before(text: str, start: int, reach: int) -> tuple[str, str]:
    """The ``reach`` characters before ``start`` as a pattern ending in ``$`` sees them (``$``
    also matches before a final line break, which is left out), and the same without the
    blanks at its end.

    A pattern searched for before a name tries every place in its window: checking first that
    the window ends the way every match must skips most of those searches, and the result is
    the same.
    """
    window = text[start - reach if start > reach else 0 : start]
    if window[-1:] == "\n":
        window = window[:-1]
    return window, window.rstrip(" \u00a0")


def _word_before(text: str, start: int) -> str:
    """What :data:`_PREV_WORD`'s word ends, before ``start``: the text without the blanks and
    the one comma at its end (the word, if it matches, ends this text)."""
    bare = _bare_before(text, start, 20)[1]
    return bare[:-1].rstrip(" \u00a0") if bare[-1:] == "," else bare


def _last_word(before: str) -> str:
    """The ASCII letters that end ``before``: the word ``[A-Za-z]+`` takes there."""
    return before[len(before.rstrip(ascii_letters)) :]


def speech_near(text: str, start: int, end: int) -> bool:
    return _speech_after(text, end) or _speech_before(text, start, _last_word_before(text, start))


def speech_and_place(text: str, start: int, end: int) -> tuple[bool, bool]:
    """:func:`speech_near` and :func:`prep_place` at once: both look at the word before."""
    word = _last_word_before(text, start)
    speech = _speech_after(text, end) or _speech_before(text, start, word)
    return speech, _prep_before(text, start, word)


def _last_word_before(text: str, start: int) -> str:
    """The word :data:`_PREV_WORD` can take before ``start`` (if it matches)."""
    return _last_word(_word_before(text, start))


def _speech_after(text: str, end: int) -> bool:
    m = _NEXT_SPEECH.match(text, end, end + 30)
    return bool(m and m.group(1) in SPEECH)


def _speech_before(text: str, start: int, word: str) -> bool:
    if word not in SPEECH:
        return False
    p = _PREV_WORD.search(text, max(0, start - 20), start)
    return bool(p and p.group(1) in SPEECH and text[p.end() - 1 : p.end()] != ",")


def appos_type(text: str, end: int) -> str | None:
    """ORG or PLACE from an appositive: "Morena, the ruling party"."""
    m = _APPOS.match(text, end, end + 90) if text.startswith(",", end) else None
    if m:
        word = m.group(1)
        low = word.lower()
        if low in ORG_NOUNS or (word[:1].isupper() and low in ORG_CUES):
            return "ORG"  # "Morena, the ruling party", "Gavi, the Vaccine Alliance"
        if word in PLACE_NOUNS:
            return "PLACE"
    return None


_PLURAL_ORGS = "|".join(sorted({w[:-1] + "ies" if w.endswith("y") else w + "s" for w in ORG_NOUNS}))
# Evidence that an unknown name is an organisation, not a person.
_ORG_BEFORE = re.compile(
    # a sentence-initial appositive: "A Berlin-based battery maker, Voltaris, said"
    r"(?:(?:^|[.!?—]\s+|\n)(?:[Aa]n?|[Tt]he)\s+(?:[\w’'-]+\s+){0,2}(?:"
    + "|".join(sorted(ORG_NOUNS))
    + r"),[ \u00a0]+"
    # "analysts at Nomura"
    r"|\b(?i:analysts|economists|researchers|executives|employees|engineers|strategists|"
    r"scientists|staff)[ \u00a0]+(?:at|from)[ \u00a0]+"
    # "supermarkets such as Kroger", "agencies, including Caritas"
    r"|\b(?i:" + _PLURAL_ORGS + r"),?[ \u00a0]+(?:such[ \u00a0]+as|including|like)[ \u00a0]+)$"
)
#: The word that ends every match of :data:`_ORG_BEFORE` but the first kind, before its blanks.
_ORG_BEFORE_LAST = frozenset(("at", "from", "as", "including", "like"))
_ORG_AFTER = re.compile(
    r"[ \u00a0]*,[ \u00a0]*which\b"
    r"|(?:’s|'s)[ \u00a0]+(?:shares|headquarters|board|chief[ \u00a0]+executive|CEO|employees|"
    r"customers|stores|factories|plants|subscribers|users)\b"
)


#: How many answers of :func:`org_evidence` and :func:`noun_type` are kept: the tagger asks them
#: of each candidate name, and the rules ask again of the same one-word names.
CUE_CACHE_SIZE = 2048


@lru_cache(maxsize=CUE_CACHE_SIZE)
def org_evidence(text: str, start: int, end: int) -> bool:
    """Words around an unknown name that make it an organisation: "a battery maker, Voltaris,",
    "analysts at Nomura", "supermarkets such as Kroger", "Voltaris, which …", "Acme’s shares"."""
    if _ORG_AFTER.match(text, end, end + 40):
        return True
    return _org_before(text, start, end)


def _org_before(text: str, start: int, end: int) -> bool:
    """:func:`org_evidence` from the words before a name (and the comma after an appositive)."""
    window, bare = _bare_before(text, start, 40)
    if bare == window:
        return False
    if bare[-1:] == ",":  # "a battery maker, Voltaris": a noun of organisations, then the comma
        if _last_word(bare[:-1]) not in ORG_NOUNS:
            return False
    elif _last_word(bare) not in _ORG_BEFORE_LAST:
        return False
    m = _ORG_BEFORE.search(text, max(0, start - 40), start)
    if m is None:
        return False
    return not m.group().endswith(", ") or text.startswith(",", end)


@lru_cache(maxsize=CUE_CACHE_SIZE)
def noun_type(text: str, start: int, end: int) -> str | None:
    """ORG or PLACE from a common noun just before, just after, or in an appositive."""
    return appos_type(text, end) or _noun_before_type(text, start) or _noun_after(text, end)


def _noun_before_type(text: str, start: int) -> str | None:
    """ORG or PLACE from a common noun just before a name: "the agency Ibama", "the town of
    Sabac" (a place's noun only: "the party of Ibama" is no party's name)."""
    p = _PREV.search(text, max(0, start - 30), start) if _noun_before(text, start) else None
    if p:
        word = p.group(1)
        if word in PLACE_NOUNS:
            return "PLACE"
        if word in ORG_NOUNS and " of" not in p.group(0):
            return "ORG"
    return None


def _noun_after(text: str, end: int) -> str | None:
    """ORG or PLACE from a common noun just after a name: "Zamfara state", "the Vox party"."""
    n = _NEXT.match(text, end, end + 25)
    if n:
        word = n.group(1)
        if word in PLACE_NOUNS and word not in ("republic", "nation", "country"):
            return "PLACE"
        if word in _PARTY_NOUNS and not n.group().startswith(("’", "'")):
            return "ORG"  # "the Shas party", "the far-right Vox party"
    return None


_NOUNS = PLACE_NOUNS | ORG_NOUNS


def _noun_before(text: str, start: int) -> bool:
    """Whether :data:`_PREV`'s word could be a place's or an organisation's noun: the text
    before ``start`` ends in one, then blanks (or in one, blanks, "of" and blanks)."""
    window, bare = _bare_before(text, start, 30)
    if bare == window:
        return False
    word = _last_word(bare)
    if word in _NOUNS:
        return True
    return word == "of" and _last_word(bare[:-2].rstrip(" \u00a0")) in _NOUNS


def prep_place(text: str, start: int) -> bool:
    return _prep_before(text, start, _last_word_before(text, start))


def _prep_before(text: str, start: int, word: str) -> bool:
    if word.lower() not in PLACE_PREPS:
        return False
    p = _PREV_WORD.search(text, max(0, start - 20), start)
    return bool(p and p.group(1).lower() in PLACE_PREPS and text[p.end() - 1 : p.end()] != ",")


#: The first characters :data:`_NEXT` can match at, after a name.
_NEXT_FIRST = frozenset(" \u00a0’'")
#: What a match of :data:`_ORG_AFTER` opens with.
_ORG_AFTER_FIRST = frozenset(" \u00a0,’'")
#: The words before a name that :func:`org_evidence` looks for (past a comma or not).
_ORG_WORDS = ORG_NOUNS | _ORG_BEFORE_LAST
#: The words before a name that :func:`_noun_before` looks for ("of": "the town of Sabac").
_NOUN_WORDS = _NOUNS | {"of"}
#: Of the word before a name, how far back it may start and still look the same to every cue
#: (the narrowest window a cue looks through is this wide).
_NARROWEST = 20


def cue_kinds(text: str, start: int, end: int) -> tuple[bool, str | None, bool, bool]:
    """:func:`org_evidence`, :func:`noun_type` and :func:`speech_and_place` of a name at once,
    the same answers, quicker: the tagger asks them of every candidate name.

    Each cue before a name looks at the word before it (past blanks and a comma), each through
    its own window; found once, that word says which cues cannot match, and those are not
    tried. A word that starts farther back than the narrowest window may be cut short by a
    window: then every cue is asked in full."""
    word = _word_before_name(text, start)
    if word is None:
        return _all_cues(text, start, end)
    org, kind = _org_and_noun(text, start, end, word)
    speech = _speech_after(text, end) or (word in SPEECH and _speech_before(text, start, word))
    place = word.lower() in PLACE_PREPS and _prep_before(text, start, word)
    return org, kind, speech, place


def org_and_noun(text: str, start: int, end: int) -> tuple[bool, str | None]:
    """:func:`org_evidence` and :func:`noun_type` at once, quicker, as :func:`cue_kinds`."""
    word = _word_before_name(text, start)
    if word is None:
        return org_evidence.__wrapped__(text, start, end), noun_type.__wrapped__(text, start, end)
    return _org_and_noun(text, start, end, word)


def _word_before_name(text: str, start: int) -> str | None:
    """The ASCII letters that end the text before ``start``, past blanks and one comma, as
    the widest window of the cues sees them; None where the word starts farther back than
    the narrowest window, which may see less of it."""
    window_start = start - 40 if start > 40 else 0
    bare = text[window_start:start]
    if bare[-1:] == "\n":
        bare = bare[:-1]
    bare = bare.rstrip(" \u00a0")
    if bare[-1:] == ",":
        bare = bare[:-1].rstrip(" \u00a0")
    word = _last_word(bare)
    if word and start - (window_start + len(bare) - len(word)) > _NARROWEST:
        return None
    return word


def _org_and_noun(text: str, start: int, end: int, word: str) -> tuple[bool, str | None]:
    """:func:`org_and_noun` of a name after ``word``, the cues that cannot match not tried."""
    after = text[end : end + 1]
    org = after in _ORG_AFTER_FIRST and _ORG_AFTER.match(text, end, end + 40) is not None
    if not org and word in _ORG_WORDS:  # the word every match of the words before ends with
        org = _org_before(text, start, end)
    kind = appos_type(text, end) if after == "," else None
    if kind is None and word in _NOUN_WORDS:
        kind = _noun_before_type(text, start)
    if kind is None and after in _NEXT_FIRST:
        kind = _noun_after(text, end)
    return org, kind


def _all_cues(text: str, start: int, end: int) -> tuple[bool, str | None, bool, bool]:
    """:func:`cue_kinds`, each cue asked in full."""
    speech, place = speech_and_place(text, start, end)
    org = org_evidence.__wrapped__(text, start, end)
    return org, noun_type.__wrapped__(text, start, end), speech, place


_COORD_BEFORE = re.compile(r"(?:,|,? and|,? or)[ \u00a0]+$")
_COORD_AFTER = re.compile(r"(?:,|,? and|,? or)[ \u00a0]+")


def coordinated(
    text: str, start: int, end: int, typed_ends: dict, typed_starts: dict
) -> str | None:
    """The type of a typed name this one is listed with: "Manali and Kullu"."""
    m = _COORD_BEFORE.search(text, max(0, start - 8), start)
    if m and m.start() in typed_ends:
        return typed_ends[m.start()]
    m = _COORD_AFTER.match(text, end, end + 8)
    if m and m.end() in typed_starts:
        return typed_starts[m.end()]
    return None
