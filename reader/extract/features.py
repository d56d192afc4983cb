"""The name tagger's features: which tokens it looks at, and what it sees of each.

A token with no capital letter, and not a joiner between two that have one, is never part of a
name: only runs of candidate tokens are looked at (:func:`candidate_runs`). Each token of a run is
described by plain strings — the word, its shape, affixes and what the gazetteers know of it;
its place in the sentence and line; the words around it; what the rest of the article does with
the same word; the cues around the run — computed by the same functions in training
(:mod:`reader.extract.train_tagger`) and in tagging (:mod:`reader.extract.tagger`, which adds
them up from cached parts).
"""

from __future__ import annotations

import re
from functools import cache
from itertools import compress

from .context import noun_type, org_evidence, speech_and_place
from .lexicon import STOP, Lexicon, fold
from .tokens import KEEPS_STOP, Tokens

#: Lower-case words that may sit inside a name, between two words with capitals.
JOINERS = frozenset(
    [
        "of",
        "and",
        "de",
        "da",
        "das",
        "do",
        "dos",
        "du",
        "del",
        "della",
        "der",
        "den",
        "di",
        "la",
        "le",
        "las",
        "los",
        "van",
        "von",
        "ter",
        "y",
        "al",
        "el",
        "bin",
        "ibn",
        "for",
        "the",
        "&",
        "on",
        "upon",
    ]
)
_DIGIT = re.compile(r"\d")
#: The longest gazetteer phrase (in words) looked for inside a run.
MAX_PHRASE = 5


def shape(word: str) -> str:
    """``Xx`` for Smith, ``X`` for NATO, ``x`` for said, ``d`` for 1996, ``X.X.`` for U.S."""
    out = []
    for char in word:
        if char.isupper():
            kind = "X"
        elif char.islower():
            kind = "x"
        elif char.isdigit():
            kind = "d"
        else:
            kind = char
        if not out or out[-1] != kind:
            out.append(kind)
    return "".join(out)[:6]


def is_candidate(word: str) -> bool:
    """A token that may be (part of) a name on its own: it has a capital letter."""
    return word != word.lower()


def candidate_runs(tokens: Tokens) -> list[tuple[int, int]]:
    """(first, last + 1) token indexes of each run of candidate tokens.

    A run is tokens with a capital, joined through a lower-case joiner (``of``, ``de``, ``&``)
    that has a token with a capital on each side; a digit token next to a capitalised word is
    taken in too (``1860 Munich``, ``Apollo 11``). A run ends where a sentence or line does.
    Tokens outside runs are never part of a name, nor is a function word alone (``The``, ``He``,
    ``But``), which is left out of the runs.
    """
    words, initial = tokens.words, tokens.initial
    n = len(words)
    marks = [False] * n
    # A candidate (is_candidate: only a token not in lower case can be one), and the joiners and
    # numbers taken in next to it, walked from each candidate in turn.
    for i in tokens.not_lower():
        word = words[i]
        if word == word.lower():
            continue  # punctuation, a number
        marks[i] = True
        if i and not marks[i - 1] and words[i - 1][0].isdigit():
            marks[i - 1] = True  # "1860 Munich"
        j = i + 1
        while j < n and not marks[j]:
            word = words[j]
            if word in JOINERS:
                # "of", and "van der" (joiners in a row) between two capitalised words
                k = j + 1
                while k < n and k < j + 3 and words[k] in JOINERS:
                    k += 1
                if not (k < n and is_candidate(words[k])):
                    break
            elif not word[0].isdigit():
                break  # most: a word in lower case or punctuation after the capitalised one
            marks[j] = True  # "Apollo 11", "Bank of England", and a candidate starting with a digit
            j += 1
    runs = []
    end = 0
    for i in compress(range(n), marks):
        if i < end:
            continue  # inside the run before
        end = i + 1
        while end < n and marks[end] and not initial[end]:
            end += 1
        if end > i + 1 or words[i].lower() not in STOP:
            runs.append((i, end))
    return runs


def _words(text: str) -> frozenset[str]:
    """A word set written as one string (easier to read and extend than a literal)."""
    return frozenset(text.split())


#: What the words around a capitalised word say of it, wherever in the article it stands.
_TITLES = _words(
    "mr mrs ms dr president minister prime premier chancellor senator sen governor mayor judge "
    "general gen coach manager captain striker midfielder defender goalkeeper king queen prince "
    "pope father chairman spokesman spokeswoman leader secretary ambassador"
)
_ORG_AFTER = _words(
    "inc corp co ltd plc llc group club united fc city bank party university council "
    "association federation union company corporation international holdings airlines"
)
_PLACE_BEFORE = _words("in at from near outside inside across into")
_SAID = _words("said says told added")
#: Words of sport: an article with several of them (or match scores) names teams by their town.
_SPORT = _words(
    "match matches beat beaten drew draw goal goals scored score season league cup championship "
    "striker midfielder defender goalkeeper coach tournament semifinal final finals innings wicket "
    "race lap round victory defeat halftime win wins won lost points"
)
_SCORE = re.compile(r"\d{1,3}-\d{1,3}")
#: A digit, a hyphen, a digit: what any score has (the hyphen first, it is looked for quickly).
_SCORE_HINT = re.compile(r"-(?<=\d-)\d")


#: What a word says of a capitalised word after it (:func:`_kind_before`), and before it
#: (:func:`_kind_after`), kept for each word as written: the same words come again and again.
_BEFORE_KINDS: dict[str, str] = {}
_AFTER_KINDS: dict[str, str] = {}
#: Words kept in each (emptied when this full).
KINDS_CACHE_SIZE = 50_000
#: A word written as a first name is: the word after it may be a surname.
_MAYBE_SURNAME = "surname?"


def _kept(cache: dict[str, str], word: str, kind: str) -> str:
    """``kind``, kept for ``word`` in ``cache`` (emptied first when full)."""
    if len(cache) >= KINDS_CACHE_SIZE:
        cache.clear()
    cache[word] = kind
    return kind


def _kind_before(word: str) -> str:
    """The kind of evidence ``word`` gives the capitalised word after it: "title", "place",
    "the", :data:`_MAYBE_SURNAME` (where the gazetteer has it as a first name) or none ("")."""
    before = word.lower().rstrip(".")
    if before in _TITLES:
        kind = "title"
    elif before in _PLACE_BEFORE:
        kind = "place"
    elif before == "the":
        kind = "the"
    elif before and word.istitle():
        kind = _MAYBE_SURNAME
    else:
        kind = ""
    return _kept(_BEFORE_KINDS, word, kind)


def _kind_after(word: str) -> str:
    """The kind of evidence ``word`` gives the capitalised word before it: "org", "said",
    "poss" or none ("")."""
    after = word.lower().rstrip(".")
    if after in _ORG_AFTER:
        kind = "org"
    elif after in _SAID:
        kind = "said"
    elif after in ("'s", "’s"):
        kind = "poss"
    else:
        kind = ""
    return _kept(_AFTER_KINDS, word, kind)


class Context:
    """What the features know of the whole article: its words and how they are written."""

    def __init__(self, tokens: Tokens, lex: Lexicon) -> None:
        self.lex = lex
        words, initial, caps = tokens.words, tokens.initial, tokens.caps
        #: Every token as written (a word in lower case among them: the word is used as one).
        self.words = present = set(words)
        #: Words written with a capital inside a sentence of the body somewhere.
        self.mid_sentence: set[str] = set()
        #: Capitalised word (lower case) -> the kinds of evidence around it somewhere.
        self.evidence: dict[str, set[str]] = {}
        n = len(words)
        # counted for the few words of sport the text has, not for all its words
        sport = sum(map(words.count, _SPORT.intersection(present)))
        if _SCORE_HINT.search(tokens.text):  # most texts have no score at all
            sport += sum(words.count(w) for w in present if w[0].isdigit() and _SCORE.fullmatch(w))
        mid, evidence, first_names = self.mid_sentence, self.evidence, lex.first_names
        before_kinds, after_kinds = _BEFORE_KINDS.get, _AFTER_KINDS.get
        last = n - 1
        # word[0], not word[:1]: a token is never empty, and indexing is quicker than slicing
        for i in [i for i in tokens.not_lower() if words[i][0].isupper()]:
            low = words[i].lower()
            if initial[i]:
                before = ""
            else:
                if not caps[i]:
                    mid.add(low)
                word = words[i - 1]  # the first token opens a sentence: i > 0
                before = before_kinds(word)
                if before is None:
                    before = _kind_before(word)
                if before == _MAYBE_SURNAME:
                    before = "surname" if fold(word) in first_names else ""
            if i < last:
                word = words[i + 1]
                after = after_kinds(word)
                if after is None:
                    after = _kind_after(word)
            else:
                after = ""
            if before or after:
                kinds = evidence.get(low)
                if kinds is None:
                    kinds = evidence[low] = set()
                if before:
                    kinds.add(before)
                if after:
                    kinds.add(after)
        #: Sport: a town's name there is often a team's.
        self.sport = sport >= max(3, n // 200)
        #: The model's summed weights of each word's own and article features (filled as it tags).
        self.row_cache: dict[str, tuple[float, ...]] = {}

    def doc_features(self, word: str) -> tuple[str, ...]:
        """What the article does with the word elsewhere: written in lower case, capitalised
        in the middle of a sentence, after a title or a place's preposition, before "Inc" or
        "said"."""
        low = word.lower()
        out = []
        if low in self.words and low != word:
            out.append("doc:lower")
        if low in self.mid_sentence:
            out.append("doc:mid")
        kinds = self.evidence.get(low)
        if kinds:
            out.extend("doc:" + kind for kind in sorted(kinds))
        if self.sport:
            out.append("doc:sport")
            if fold(word) in self.lex.places:
                out.append("doc:sport&place")
        return tuple(out)


@cache
def near(word: str) -> str:
    """A word as the features see it: lower case, digits as 0, without an abbreviation's full
    stop (the labelled news writes "Co" and "Mr" where others write "Co." and "Mr.")."""
    low = _DIGIT.sub("0", word.lower())
    if low[-1:] == "." and low[:-1] in KEEPS_STOP:
        return low[:-1]
    return low


shape_of = cache(shape)


def word_features(word: str, lex: Lexicon) -> tuple[str, ...]:
    """Features of the word alone: its form, shape, affixes and what the gazetteers say."""
    lower = near(word)
    folded = fold(word)
    out = [
        "w:" + lower,
        "sh:" + shape_of(word),
        "p2:" + lower[:2],
        "p3:" + lower[:3],
        "s2:" + lower[-2:],
        "s3:" + lower[-3:],
        "s4:" + lower[-4:],
    ]
    if folded in lex.first_names:
        out.append("gz:first")
    if folded in lex.places:
        out.append("gz:place:" + lex.places[folded][1])
    if folded in lex.orgs:
        out.append("gz:org")
    if folded in lex.demonyms:
        out.append("gz:dem")
    if word.lower() in lex.common:
        out.append("gz:common")
    return tuple(out)


def line_features(tokens: Tokens, i: int, lex: Lexicon) -> list[str]:
    """In a headline (capitals or title case) a capital says little: what of the word does."""
    if not (tokens.caps[i] or tokens.headline[i]):
        return []
    word = tokens.words[i]
    kind = "caps" if tokens.caps[i] else "headline"
    out = [f"{kind}&sh:{shape_of(word)}"]
    if word.lower() in lex.common:
        out.append(kind + "&common")
    return out


_WINDOW = ((-1, "w-1:"), (1, "w+1:"), (-2, "w-2:"), (2, "w+2:"))


def place_features(initial: bool, caps: bool, headline: bool, opening: str) -> list[str]:
    """A token's place: at a sentence's start (and its shape there), on a line in capitals or
    in a title-case headline."""
    feats = ["bias"]
    if initial:
        feats.append("init")
        feats.append("init:" + opening)
    if caps:
        feats.append("caps")
    elif headline:
        feats.append("headline")
    return feats


def position_features(tokens: Tokens, i: int) -> list[str]:
    """Features of token ``i``'s place: its sentence, its line, the words around it."""
    words = tokens.words
    word = words[i]
    initial = tokens.initial[i]
    caps = tokens.caps[i]
    feats = place_features(
        initial, caps, tokens.headline[i] and not caps, shape_of(word) if initial else ""
    )
    n = len(words)
    feats.append("w-1:" + near(words[i - 1]) if i > 0 and not initial else "w-1:<edge>")
    feats.append("w+1:" + near(words[i + 1]) if i + 1 < n else "w+1:<edge>")
    feats.append("w-2:" + near(words[i - 2]) if i > 1 else "w-2:<edge>")
    feats.append("w+2:" + near(words[i + 2]) if i + 2 < n else "w+2:<edge>")
    if i > 0:
        feats.append("sh-1:" + shape_of(words[i - 1]))
    if i + 1 < n:
        feats.append("sh+1:" + shape_of(words[i + 1]))
    return feats


def token_features(tokens: Tokens, i: int, context: Context) -> list[str]:
    """The features of token ``i`` (its own, its neighbours', its line's, the article's)."""
    word = tokens.words[i]
    return [
        *word_features(word, context.lex),
        *context.doc_features(word),
        *position_features(tokens, i),
        *line_features(tokens, i, context.lex),
    ]


def phrase_features(tokens: Tokens, first: int, last: int, lex: Lexicon) -> dict[int, list[str]]:
    """Gazetteer phrases inside a run: ``gzp:place:B`` on the first word of a known place..."""
    out: dict[int, list[str]] = {}
    if last - first < 2:
        return out
    longest = min(lex.max_phrase, last - first, MAX_PHRASE)
    folded = [fold(w) for w in tokens.words[first:last]]
    places, orgs, starts = lex.places, lex.orgs, lex.phrase_starts
    i = 0
    size_run = last - first
    while i < size_run:
        if folded[i] not in starts and " " not in folded[i]:
            i += 1  # most words open no gazetteer's phrase
            continue
        found = 0
        for size in range(min(longest, size_run - i), 1, -1):
            key = " ".join(folded[i : i + size])
            kind = "place" if key in places else "org" if key in orgs else None
            if kind:
                for k in range(first + i, first + i + size):
                    out.setdefault(k, []).append(f"gzp:{kind}:{'B' if k == first + i else 'I'}")
                found = size
                break
        i += found or 1
    return out


def run_cues(tokens: Tokens, first: int, last: int) -> tuple[str, ...]:
    """What the words around a whole run say of it: "a battery maker, Voltaris,", "analysts at
    Nomura", "the Vox party", "the town of Sabac", "Smith said", "in Hackney"."""
    text, start, end = tokens.text, tokens.starts[first], tokens.ends[last - 1]
    out = []
    if org_evidence(text, start, end):
        out.append("cue:org")
    kind = noun_type(text, start, end)
    if kind:
        out.append("cue:noun:" + kind)
    speech, place = speech_and_place(text, start, end)
    if speech:
        out.append("cue:speech")
    if place:
        out.append("cue:prep")
    return tuple(out)


def run_features(tokens: Tokens, first: int, last: int, context: Context) -> list[list[str]]:
    """The features of each token of one candidate run."""
    phrases = phrase_features(tokens, first, last, context.lex)
    cues = run_cues(tokens, first, last)
    rows = []
    for i in range(first, last):
        feats = token_features(tokens, i, context)
        feats.extend(phrases.get(i, ()))
        feats.extend(cues)
        rows.append(feats)
    return rows
