"""A shallow clause analysis of the writer's words around a quote: tokens, noun phrases that can
speak, verbs, and the subject of a clause.

No tagger: a word is a verb by its form and place (a cue of saying in any inflection, an
auxiliary, a past tense or an -s form right after a noun phrase's head), and a noun phrase is
a run of determiners, modifiers and names that ends in a head that can speak — an entity
mention, a capitalised name, a pronoun or a speaker noun ("aide", "the ministry"). A prepositional
phrase ("of Ohio"), an appositive (", an ally of Paul Soto,") and a relative clause (", who …,")
after the head are skipped, so the head stays the subject. Everything works on the masked text
(quotes blanked with NUL), so the words inside a quote never count.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass
from operator import add

from reader.article.sentences import MAY_END, MONTHS, NEVER_FINAL

from .cues import BASE_FORMS, CUE_WORDS, INVERTING, MULTI_STARTS, MULTI_WORD, SPEECH_NOUNS
from .lexicon import fold, lexicon
from .quote_lexicon import (
    ADVERBS,
    AUXILIARIES,
    CONJUNCTIONS,
    DETERMINERS,
    NAME_MODIFIERS,
    NOT_NAMES,
    ORG_NOUNS,
    PREPOSITIONS,
    PRONOUNS,
    RELATIVES,
    SPEAKER_NOUNS,
    TIME_WORDS,
    TITLES,
    is_adverb,
    singular,
)

# A word with inner hyphens, apostrophes, ampersands or full stops ("Ohio-based", "He’s",
# "U.S.") and maybe a full stop after it; a quote blanked by the mask; or one other character.
# Simple on purpose: the regex engine runs it several times faster than one that does it all
# (words first, as most tokens are, and possessive so that it keeps no state to backtrack).
_TOKEN = re.compile(r"\w++(?:[’'&.-]\w++)*+\.?|\x00++|--+|[^\s\w]")
# Where a token may need a cut (``_split``): a full stop after a letter or digit, an apostrophe.
_CUT_AT = re.compile(r"\.(?<=\w\.)|’|'")
_ABBREV = frozenset(NEVER_FINAL | MAY_END | MONTHS)
# Irregular past tenses and common verbs that mark where a subject ends.
_VERBS = frozenset(
    """said told wrote spoke went came took gave made got put saw thought felt knew left brought
    began became ran held kept stood sent set shot struck drew threw meant led paid sought won
    lost fought hit cut let read heard found chose rose fell sat met spent built bought caught
    taught sold swore tore wore broke woke drove flew grew blew hid bit forgot forgave
    understood withdrew overcame undertook says tells goes comes takes gives makes gets puts
    sees thinks feels knows wants needs seems appears remains looks sounds calls adds notes
    taken given done gone seen been shown written spoken known grown thrown drawn begun chosen
    stolen driven broken fallen risen forgotten hidden beaten eaten ridden sworn torn
    worn""".split()  # noqa: SIM905
)
# Words ending in -ed or -s that are seldom verbs after a name.
_NOT_VERBS = frozenset(
    """red bed need speed seed feed deed shed bred hundred sacred naked wicked kindred united
    aged armed skilled talented beloved alleged based related proposed so-called news
    series species politics economics campus status bus plus lens thus always perhaps
    its his hers yours ours theirs was has is does this various previous famous serious
    numerous obvious us""".split()  # noqa: SIM905
)
_CONTRACTED = frozenset("he she it they we i you that there who".split())  # noqa: SIM905
_AGE = re.compile(r"\d+-year-olds?")
_INTENSIFIERS = frozenset(["himself", "herself", "themselves", "itself"])
_PLURAL_SUBJECTS = frozenset(["they", "we", "police", "people", "staff", "media"])
#: Verbs of seeing and thinking, said of many at once: "voters see it as …" reports no words.
_THINKING = frozenset(
    """see view consider believe feel think expect fear doubt assume figure hope want know
    understand worry wonder suspect regard find agree""".split()  # noqa: SIM905
)
_YEAR = re.compile(r"1[89]\d\d|2\d\d\d")
#: Dashes that set off a phrase: "Jason Sims — a teacher — says".
DASHES = frozenset(["—", "–", "--", "―"])
_NOT_APPOSITION = frozenset(["including", "such", "like", "among", "especially", "notably"])
_OPENING_PUNCT = frozenset([",", "(", "—", "–", "-", "--", "―"])
# Words after which a new clause with its own subject may start.
_CLAUSE_OPENERS = frozenset(
    """but and or while whereas although though because before after when whenever since
    until unless once as if where""".split()  # noqa: SIM905
)
# Words that open a subordinate clause, which a comma ends before the main one.
_SUBORDINATORS = frozenset(
    """when whenever while although though because before after since until unless once
    if as""".split()  # noqa: SIM905
)
# Adjectives that take a prepositional phrase after a speaker: "a source close to the team".
_POST_ADJECTIVES = frozenset(
    """familiar close involved loyal linked opposed allied aligned sympathetic friendly
    connected""".split()  # noqa: SIM905
)
_COORDINATORS = frozenset("and but or so yet nor then".split())  # noqa: SIM905
# Adverbs that open a fronted phrase up to its comma: "Here in Columbia, Kerr said …".
_FRONT_ADVERBS = frozenset("here there back today yesterday tonight elsewhere".split())  # noqa: SIM905
_BE = frozenset("is are was were be been being am ’s 's".split())  # noqa: SIM905
_PARTICIPLES = frozenset(
    """seen known told given shown written called thought said held kept sent found made
    taken brought caught heard left put read set struck understood described""".split()  # noqa: SIM905
)
_LINKERS = frozenset(["of", "for", "from", "at", "in", "with", "on", "near"])
_NAME_PARTICLES = frozenset("de da di del della der van von le la du bin ibn al el".split())  # noqa: SIM905


@dataclass(frozen=True, slots=True)
class Phrase:
    """A noun phrase that can speak, over tokens ``[i, j)``: ``head`` is its head's kind —
    ``M`` an entity mention (``mention`` its index tuple), ``N`` an unlinked name, ``P`` a
    pronoun, ``D`` a description (speaker noun), ``S`` a possessor of speech ("Kerr's reply") —
    and ``h`` its head token range."""

    i: int
    j: int
    head: str
    h0: int
    h1: int
    mention: tuple[int, int, int] | None = None


_GROUP = re.Match.group
_START = re.Match.start


def _split(starts: list[int], words: list[str], i: int) -> None:
    """Cut token ``i`` in two where it should be: a sentence's full stop off the word before
    it ("… the plan." but not "Mr." or "U.S."), a pronoun's contraction ("He’s" -> "He",
    "’s"). In place; nothing happens to a token that needs no cut."""
    w = words[i]
    if len(w) < 2:
        return
    if w[-1] == ".":
        core = w[:-1]
        if core in _ABBREV or (len(core) == 1 and core.isupper()) or "." in core:
            return
        cut = len(core)
    else:
        cut = w.rfind("’") if "’" in w else w.rfind("'")
        if cut <= 0 or w[:cut].lower() not in _CONTRACTED or len(w) - cut > 3:
            return
    words[i : i + 1] = [w[:cut], w[cut:]]
    starts[i : i + 1] = [starts[i], starts[i] + cut]


class Tokens:
    """The tokens of ``masked[a:b]``: parallel lists of starts, ends, words and lower-case words."""

    __slots__ = ("ends", "lows", "starts", "words")

    def __init__(self, masked: str, a: int, b: int) -> None:
        # map() over C-level callables: a sentence costs one regex pass and a few C loops
        matches = list(_TOKEN.finditer(masked, a, b))
        words = list(map(_GROUP, matches))
        starts = list(map(_START, matches))
        # the tokens that end in a full stop or hold an apostrophe, found from those characters
        # (a few a sentence) rather than by looking at every word
        cut: list[int] = []
        for m in _CUT_AT.finditer(masked, a, b):
            p = m.start()
            i = bisect_right(starts, p) - 1
            if (masked[p] != "." or starts[i] + len(words[i]) == p + 1) and (
                not cut or cut[-1] != i
            ):
                cut.append(i)
        for i in reversed(cut):
            _split(starts, words, i)
        self.starts = starts
        self.ends = list(map(add, starts, map(len, words)))
        self.words = words
        self.lows = list(map(str.lower, words))

    def __len__(self) -> int:
        return len(self.words)

    def head(self, k: int) -> Tokens:
        """The first ``k`` tokens, sharing nothing that changes: for the part of a sentence
        before a position, without tokenizing it again."""
        view = Tokens.__new__(Tokens)
        view.starts = self.starts[:k]
        view.ends = self.ends[:k]
        view.words = self.words[:k]
        view.lows = self.lows[:k]
        return view

    def index_at(self, pos: int) -> int:
        """The first token starting at or after ``pos``."""
        return bisect_left(self.starts, pos)


def _adv(t: Tokens, k: int) -> bool:
    return t.words[k][:1].islower() and is_adverb(t.lows[k])


def _capitalised(w: str) -> bool:
    return w[:1].isupper()


def _between_digits(t: Tokens, j: int) -> bool:
    """Whether token ``j`` stands between two numbers: the slash of "9/11", "24/7"."""
    return 0 < j < len(t.words) - 1 and t.words[j - 1].isdigit() and t.words[j + 1].isdigit()


def is_quote(w: str) -> bool:
    return w[:1] == "\x00"


class Analyzer:
    """Noun phrases and subjects over one article's masked text and entity mentions."""

    def __init__(
        self,
        masked: str,
        mentions_by_start: dict[int, tuple[int, int, int]],
        places: frozenset[int] = frozenset(),
        orgs: frozenset[int] = frozenset(),
    ) -> None:
        self.masked = masked
        self.by_start = mentions_by_start
        #: The same mentions by where they end (set by the caller that has them so).
        self.by_end: dict[int, tuple[int, int, int]] = {}
        self.places = places  # indexes of the entities that are places
        self.orgs = orgs  # ... and organisations
        self.org_heads: frozenset[str] = frozenset()  # last words of this text's organisations
        self.name_words: frozenset[str] = frozenset()  # words of this text's people's names

    # -- words -----------------------------------------------------------------------------
    def is_verb(self, t: Tokens, k: int, after_head: bool = True) -> bool:
        """Whether token ``k`` is a verb (a cue, an auxiliary, a past tense or -s form after a
        head)."""
        if k >= len(t.words):
            return False
        w = t.words[k]
        low = t.lows[k]
        if not w[:1].islower():
            return False
        if low in CUE_WORDS or low in _VERBS or low in AUXILIARIES:
            return True
        if low in BASE_FORMS:
            # "officials say", "they claim" — but "Trump press secretary" is a noun
            if not after_head or k == 0:
                return False
            prev = t.lows[k - 1]
            return (
                prev in ("they", "we", "i", "you")
                or (prev.endswith("s") and not prev.endswith(("ss", "’s", "'s")))
                or prev in AUXILIARIES
                or prev == "to"
            )
        if low in _NOT_VERBS or low in PREPOSITIONS or low in DETERMINERS:
            return False
        if after_head and len(low) > 3 and low.endswith("ed"):
            return True
        return (
            after_head
            and len(low) > 3
            and low.endswith("s")
            and not low.endswith(("ss", "us", "is", "’s", "'s"))
        )

    def is_cue(self, t: Tokens, k: int) -> bool:
        low = t.lows[k]
        if not t.words[k][:1].islower():
            # "Said Dora Pell, …": an inverted cue may open the sentence; elsewhere "States",
            # "Says" in a headline are no verbs
            return k == 0 and low in INVERTING and t.words[k].istitle()
        if k and (t.lows[k - 1] in DETERMINERS or t.lows[k - 1].endswith(("’s", "'s", "s’", "s'"))):
            return False  # "Clinton's remarks", "the claims", "the alleged plot": no verbs
        if low in CUE_WORDS:
            return True
        if low in MULTI_STARTS and MULTI_WORD.match(self.masked, t.starts[k]):
            return True
        if low in BASE_FORMS and k > 0:
            j = k - 1
            while j > 0 and _adv(t, j) and t.lows[j] not in AUXILIARIES:
                j -= 1  # "could only quip", "will surely say"
            prev = t.lows[j]
            if prev in AUXILIARIES or prev == "to" or prev.endswith(("n’t", "n't")):
                return True
            # "officials say", "they insist", "police say": a plural subject right before
            return (
                j == k - 1
                and low not in _THINKING
                and (
                    self._joined_names(t, k)
                    or prev in _PLURAL_SUBJECTS
                    or (
                        prev.endswith("s")
                        and not prev.endswith(("ss", "us", "is", "’s", "'s"))
                        and prev in SPEAKER_NOUNS
                    )
                )
            )
        return False

    def _joined_names(self, t: Tokens, k: int) -> bool:
        """Whether two names joined by "and" end right before ``k``: "Obama and Clinton call"."""
        e = self.by_end.get(t.ends[k - 1])
        if e is None:
            return False
        a = t.index_at(e[0])
        return a >= 2 and t.lows[a - 1] == "and" and t.ends[a - 2] in self.by_end

    def cue_span(self, t: Tokens, k: int) -> tuple[int, int]:
        """The characters of the cue at token ``k``, reaching over a multi-word cue."""
        if t.lows[k] == "according" and k + 1 < len(t.words):
            return t.starts[k], t.ends[k + 1]
        m = MULTI_WORD.match(self.masked, t.starts[k])
        if m is not None:
            return t.starts[k], m.end()
        for j in range(k - 1, max(-1, k - 4), -1):
            if t.lows[j] in MULTI_STARTS:
                m = MULTI_WORD.match(self.masked, t.starts[j])
                if m is not None and m.end() >= t.ends[k]:
                    return t.starts[j], m.end()  # "went on to say"
        return t.starts[k], t.ends[k]

    # -- noun phrases ----------------------------------------------------------------------
    def _mention_end(self, t: Tokens, i: int) -> int | None:
        """If a mention starts at token ``i``, the token index after it."""
        m = self.by_start.get(t.starts[i])
        if m is None:
            return None
        j = i + 1
        while j < len(t.words) and t.ends[j] <= m[1]:
            j += 1
        return j

    def _name_end(self, t: Tokens, i: int, sentence_start: bool) -> int | None:
        """The end of an unlinked capitalised name at ``i`` ("Kerr", "Ms. Okafor", "Paul R.
        Danner"), or None."""
        j = i
        n = len(t.words)
        while j < n and t.lows[j].rstrip(".") in TITLES and _capitalised(t.words[j]):
            j += 1
        k = j
        while k < n:
            w = t.words[k]
            if (_capitalised(w) and w.rstrip(".").lower() not in NOT_NAMES) or (
                t.lows[k] in _NAME_PARTICLES and k + 1 < n and _capitalised(t.words[k + 1])
            ):
                k += 1
            else:
                break
        if k == j:
            return None
        if sentence_start and k == j + 1 and j == i:
            if t.lows[i] in SPEAKER_NOUNS:
                return None  # "Officials said": a noun that opens the sentence
            if self.common_opener(t, i):
                return None
        return k

    def common_opener(self, t: Tokens, i: int) -> bool:
        """Whether the capitalised word that opens a sentence at ``i`` is a common word, not a
        name the text has: "Pressure is building", "Preys on fears", "Famed doctor X" ("Bush
        said" stays a name where the text names a Bush)."""
        low = t.lows[i]
        lex = lexicon()
        return low in lex.common and low not in self.name_words and fold(low) not in lex.first_names

    def phrase_at(
        self, t: Tokens, i: int, limit: int, sentence_start: bool = False
    ) -> Phrase | None:
        """The noun phrase that can speak starting at token ``i`` (before ``limit``), or None.

        Modifiers may come first ("aide Ivo Prent", "the former prosecutor", "Harlow Trust"),
        and the last head wins ("Cruz spokesman Rick Tyler"); a possessive before a speech noun
        makes the possessor speak ("Kerr's reply").
        """
        j = i
        last: Phrase | None = None
        n = min(limit, len(t.words))
        if j < n and t.lows[j] in PRONOUNS:
            return Phrase(i, j + 1, "P", j, j + 1)
        while j < n:
            w = t.words[j]
            low = t.lows[j]
            if is_quote(w) or (not w[:1].isalnum()):
                if w == "-" or w == "’" or w == "'" or (w == "/" and _between_digits(t, j)):
                    j += 1  # "9/11 widow Terry Strada"
                    continue
                break
            end = self._mention_end(t, j)
            if end is not None:
                m = self.by_start[t.starts[j]]
                said = self._speech_noun_after(t, end, n)
                if said is not None:
                    return Phrase(i, said, "S", j, end, m)
                last = Phrase(i, end, "M", j, end, m)
                j = end
                continue
            if _capitalised(w) and low.rstrip(".") not in NOT_NAMES:
                end = self._name_end(t, j, sentence_start and j == i)
                if (
                    end is None
                    and sentence_start
                    and j == i
                    and low not in SPEAKER_NOUNS
                    and singular(low) not in SPEAKER_NOUNS
                    and self.common_opener(t, j)
                ):
                    j += 1  # "Famed fight doctor Ferdie Pacheco": a modifier
                    continue
                if end is not None:
                    said = self._speech_noun_after(t, end, n)
                    if said is not None:
                        return Phrase(i, said, "S", j, end)
                    if self._possessive_after(t, end) and end < n:
                        j = end  # "Clinton's introducer": a modifier, not the head
                        last = None
                        continue
                    last = Phrase(i, end, "N", j, end)
                    j = end
                    body = self._body_named_on(t, end, n)
                    if body is not None:
                        mention, stop = body
                        head = "M" if mention is not None else "N"
                        last = Phrase(i, stop, head, last.h0, stop, mention)
                        j = stop  # "Alliance to Reclaim Our Schools": one body's name
                    continue
            if (
                low.rstrip(".") in TITLES
                and j + 1 < n
                and _capitalised(t.words[j + 1])
                and (w[:1].isupper() or low in SPEAKER_NOUNS)
            ):
                j += 1  # "Sen.", "Ms.", "aide" before a name
                continue
            if w[:1].isdigit() and _AGE.fullmatch(low):
                last = Phrase(i, j + 1, "D", j, j + 1)  # "said the 46-year-old"
                j += 1
                continue
            if low in DETERMINERS or low.endswith(("’s", "'s")) or w[:1].isdigit():
                if last is not None and low in DETERMINERS:
                    break
                j += 1
                continue
            if (
                low in SPEAKER_NOUNS
                or singular(low) in SPEAKER_NOUNS
                or low in self.org_heads
                or _AGE.fullmatch(low)
            ):
                if (
                    last is not None
                    and last.head in ("M", "N")
                    and (self.is_cue(t, j) or low in _VERBS)
                    and not (last.head == "N" and sentence_start and last.h0 == i)
                ):
                    break  # "Kerr calls": a verb, though "calls" could be a noun
                last = Phrase(i, j + 1, "D", j, j + 1)
                j += 1
                continue
            if low == "of" and last is not None and last.head == "D" and j + 1 < n:
                # "former secretary of state Madeleine Albright": a title, then the name
                k = j + 1
                while (
                    k < n
                    and k < j + 4
                    and (
                        t.words[k][:1].isupper()
                        or t.lows[k] in ("state", "the", "staff", "defense")
                    )
                ):
                    m = self.by_start.get(t.starts[k])
                    if m is not None and m[2] not in self.places and m[2] not in self.orgs:
                        end = self._mention_end(t, k)
                        if end is not None:
                            return Phrase(i, end, "M", k, end, m)
                    k += 1
                break
            if low in PREPOSITIONS or low in CONJUNCTIONS or low in RELATIVES:
                break
            if _adv(t, j) or low in AUXILIARIES:
                break
            if self.is_verb(t, j, after_head=last is not None):
                break
            if not w[:1].islower():
                break
            # a modifier ("former", "senior", "Republican"): goes on only toward a head
            j += 1
        if last is None:
            return None
        return Phrase(last.i, last.j, last.head, last.h0, last.h1, last.mention)

    def _body_named_on(
        self, t: Tokens, end: int, n: int
    ) -> tuple[tuple[int, int, int] | None, int] | None:
        """An organisation's name that runs on past "to" or "for" after a body's word ("Alliance
        to Reclaim Our Schools", "Council for Fair Pay"), where the tagger saw only its end or
        none of it: that organisation's mention (None for none), and the token its name ends
        before."""
        if end + 1 >= n or t.lows[end] not in ("to", "for"):
            return None
        if singular(t.lows[end - 1]) not in ORG_NOUNS or not _capitalised(t.words[end + 1]):
            return None
        m = self.by_start.get(t.starts[end + 1])
        if m is not None:
            stop = self._mention_end(t, end + 1)
            return (m, stop) if stop is not None and m[2] in self.orgs else None
        stop = end + 1
        while stop < n and (_capitalised(t.words[stop]) or t.lows[stop] in ("of", "the", "&")):
            stop += 1
        while t.lows[stop - 1] in ("of", "the", "&"):
            stop -= 1
        return None, stop

    def _speech_noun_after(self, t: Tokens, end: int, n: int) -> int | None:
        """After a possessive name, the end of a speech noun a few modifiers on: "Kerr's
        reply", "Holt's recent evidence-free assertion", "Clinton's campaign slogan"."""
        if not self._possessive_after(t, end):
            return None
        j = end + (1 if end < n and t.words[end] in ("’s", "'s", "’", "'") else 0)
        for k in range(j, min(n, j + 4)):
            low = t.lows[k]
            if low in SPEECH_NOUNS:
                return k + 1
            if not t.words[k][:1].islower() or low in PREPOSITIONS or low in _BE:
                return None
        return None

    def _possessive_after(self, t: Tokens, end: int) -> bool:
        w = t.words[end - 1]
        if w.endswith(("’s", "'s", "s’", "s'")):
            return True
        return end < len(t.words) and t.words[end] in ("’s", "'s", "’", "'")

    def phrase_before(self, t: Tokens, k: int, lo: int) -> Phrase | None:
        """The subject of a verb at token ``k`` (searching back to ``lo``): the noun phrase
        that ends before it, past adverbs, times, appositives and relative clauses. A phrase
        that is a verb's object or a preposition's is no subject ("a sign hung on the fence by
        relatives read"), and a verb joined by "and" has the clause's subject ("Ruto thanked his
        supporters and promised")."""
        cue = k
        k = self._skip_back(t, k, lo)
        if k <= lo:
            return None
        prev = t.lows[k - 1]
        if prev in ("and", "or", "but"):
            for j in range(k - 2, max(lo, k - 10), -1):
                if t.lows[j] == "to" and j + 1 < k and t.words[j + 1][:1].islower():
                    return self.phrase_before(t, j + 1, lo)  # "to make a joke and call"
                if t.words[j] in (",", ";") or is_quote(t.words[j]):
                    break
            return self.subject(t, lo, k - 1, passive_ok=True)
        if prev == "to":
            # "Holt took to Twitter to call it …", "Holt vowed to call": the subject of the
            # verb the infinitive hangs on
            v = k - 2
            while (
                v > lo
                and v > k - 8
                and not (
                    t.words[v][:1].islower() and (self.is_verb(t, v) or t.lows[v].endswith("ing"))
                )
            ):
                v -= 1
            if v > lo and v > k - 8 and t.lows[v] not in ("to",):
                obj = self.phrase_at(t, v + 1, k - 1)
                if obj is not None and obj.i == v + 1 and obj.j == k - 1 and obj.head in ("M", "N"):
                    return obj  # "prompted Rubio to call", "urged Holt to say": the object
                return self.phrase_before(t, v, lo)
            return None
        if t.lows[k].endswith("ing") and prev in ("by", "in", "after", "before", "while", "when"):
            # "he began by saying", "Holt, in calling it …": the clause's subject
            return self.subject(t, lo, k - 1)
        if (
            t.lows[cue].endswith("ing")
            and prev not in ("is", "was", "are", "were", "be")
            and k - 2 >= lo
        ):
            # "with Kerr (reportedly) yelling": the participle's subject after "with"
            ph0 = self.phrase_at(t, self._np_start(t, k, lo), k)
            if ph0 is not None and ph0.j == k and ph0.i > lo and t.lows[ph0.i - 1] == "with":
                return ph0
        if prev == "who" and k - 1 > lo:
            # "the man who said", "Kerr, who said": the relative pronoun's antecedent
            e = k - 1
            if t.words[e - 1] == ",":
                e -= 1
            # a name right before "who" is its antecedent, even a preposition's object
            # ("an endorsement from Mike Lee, who declared")
            return self.phrase_ending(t, e, lo, attach=False)
        if t.words[k - 1] == ")":
            # "Paul Ryan (R-Wis.) has said": past the parenthesis
            c = k - 2
            while c > lo and t.words[c] != "(":
                c -= 1
            if c > lo:
                return self.phrase_before(t, c, lo)
            return None
        if t.words[k - 1] in DASHES:
            # "Jason Sims — a teacher from Mount Pleasant — says", "A former candidate --
            # John McCain, who lost in 2008 -- said": the name, inside the dashes or before
            c = k - 2
            while c > lo and t.words[c] != t.words[k - 1]:
                c -= 1
            if c > lo:
                inner = self.phrase_at(t, c + 1, k - 1)
                if inner is not None and inner.i == c + 1 and inner.head in ("M", "N"):
                    return inner
                outer = self.phrase_ending(t, c, lo)
                if outer is None and t.lows[cue].endswith("ing"):
                    # "with Hillary Kerr — who called for it — lambasting": the participle's
                    # subject after "with"
                    named = self.phrase_ending(t, c, lo, attach=False)
                    if named is not None and named.i > lo and t.lows[named.i - 1] == "with":
                        return named
                return outer
            return None
        if t.words[k - 1] == ",":
            return self._appositive_subject(t, k - 1, lo)
        return self.phrase_ending(t, k, lo)

    def _appositive_subject(self, t: Tokens, comma: int, lo: int) -> Phrase | None:
        """The subject before a verb that follows a comma: the phrases between commas back to
        the clause start are a name and its descriptions ("Bo Reyes, a baker from Tulsa,
        Oklahoma, says", "the minister, Name, said", "Name, who …, said"); the first name that
        opens a chunk wins, else the first chunk's phrase."""
        bounds = [comma]
        c = comma - 1
        while c >= lo and len(bounds) < 6:
            w = t.words[c]
            if w in (";", ":"):
                break
            if w == ",":
                nxt = t.lows[c + 1] if c + 1 < comma else ""
                if nxt in _CLAUSE_OPENERS:
                    after = c + 2
                    ph = self.phrase_at(t, after, comma) if after < comma else None
                    if ph is not None and ph.i == after:
                        break  # "…, while Mike Huckabee, the former governor, proposed"
                    # "Ted Cruz, when asked about it, responded": a parenthesis; go on
                bounds.append(c)
            c -= 1
        first_start = c + 1
        while first_start < comma and t.lows[first_start] in _CLAUSE_OPENERS:
            first_start += 1
        if first_start == bounds[-1] or (len(bounds) == 1 and first_start >= comma):
            return None
        chunks = []
        start = first_start
        for end in reversed(bounds):
            chunks.append((start, end))
            start = end + 1
        if len(chunks) < 2:
            return None  # "In a statement, …": a fronted phrase, no subject before the verb
        phrases = [
            None
            if t.lows[s] in _CLAUSE_OPENERS or t.lows[s] in _NOT_APPOSITION
            else self.phrase_ending(t, self._before_parenthesis(t, e, s), s)
            for s, e in chunks
        ]
        for (s, _e), ph in zip(chunks, phrases, strict=True):
            named = ph is not None and ph.head in ("M", "N") and ph.i > s
            if named and t.lows[ph.i - 1] in ("named", "called"):  # type: ignore[union-attr]
                return ph  # "One of them, a student named Jonas Keller, said"
            if ph is None or ph.i != s or ph.head not in ("M", "N"):
                continue
            if ph.mention is not None and self.place(ph.mention):
                continue
            return ph
        head = phrases[0]
        if head is not None and t.lows[chunks[0][0]] in PREPOSITIONS:
            return None
        return head

    def _before_parenthesis(self, t: Tokens, e: int, s: int) -> int:
        """Where a chunk ending at ``e`` ends before a closing parenthesis: "Gov. Omar Belden
        (R-Ohio)," is a name and its party."""
        if e - 1 <= s or t.words[e - 1] != ")":
            return e
        c = e - 2
        while c > s and t.words[c] != "(":
            c -= 1
        return c if c > s else e

    def credit_line(self, t: Tokens, lo: int, c: int) -> Phrase | None:
        """A name that makes up what stands before a colon, alone or with its outlet or role:
        "Ivo Prent:", "Jo Anders, The Ledger:", "Sen. Rhea Vance (D-Ohio):"."""
        if c <= lo:
            return None
        ph = self.phrase_at(t, lo, c, sentence_start=True)
        if ph is None or (ph.i != lo and not (ph.i == lo + 1 and t.lows[lo] in DETERMINERS)):
            return None
        if ph.head in ("M", "N", "S") and (ph.j == c or t.words[ph.j] in (",", "(")):
            return ph
        return None

    def place(self, mention: tuple[int, int, int]) -> bool:
        return mention[2] in self.places

    def _np_start(self, t: Tokens, k: int, lo: int) -> int:
        i = k - 1
        while i > lo and (t.words[i - 1][:1].isupper() or t.lows[i - 1] in DETERMINERS):
            i -= 1
        return i

    def _skip_back(self, t: Tokens, k: int, lo: int) -> int:
        """Step back over adverbs, auxiliaries and time words before a verb."""
        while k > lo:
            low = t.lows[k - 1]
            if _adv(t, k - 1) or low in AUXILIARIES:
                k -= 1
                continue
            if (
                low in TIME_WORDS
                and k - 1 > lo
                and t.lows[k - 2] in ("on", "last", "this", "late", "early")
            ):
                k -= 2
                continue
            if low in TIME_WORDS and t.words[k - 1][:1].isupper() and low not in ("this", "last"):
                k -= 1  # "Kerr Monday said"
                continue
            if low in TIME_WORDS or low[:1].isdigit():
                # "Holt at the time said", "Holt in May 2015 said"
                j = k - 1
                while j > lo and j > k - 5 and t.lows[j] not in PREPOSITIONS:
                    j -= 1
                if j > lo and t.lows[j] in PREPOSITIONS and self._time_phrase(t, j + 1, k) == k:
                    k = j
                    continue
            break
        return k

    def phrase_ending(self, t: Tokens, k: int, lo: int, attach: bool = True) -> Phrase | None:
        """The noun phrase whose head is the token before ``k``, read backwards: the head
        (a pronoun, a mention, a name or a speaker noun), then its modifiers. A phrase after a
        preposition attaches to the phrase before it ("Rhea Vance of Ohio", "a spokesman for
        the ministry"), or is no subject at all ("hung on the fence")."""
        if k <= lo:
            return None
        h = k - 1
        w = t.words[h]
        low = t.lows[h]
        if low in PRONOUNS:
            return Phrase(h, k, "P", h, k)
        # the head
        head = ""
        mention = None
        start = h
        for back in range(h, max(lo, h - 8) - 1, -1):
            m = self.by_start.get(t.starts[back])
            if m is not None and m[1] >= t.ends[h] and m[1] <= t.ends[h] + 1:
                head, mention, start = "M", m, back
                break
            if m is not None:
                break
        if not head:
            if _capitalised(w) and low.rstrip(".") not in NOT_NAMES:
                start = h
                while start - 1 >= lo and (
                    (
                        _capitalised(t.words[start - 1])
                        and t.lows[start - 1].rstrip(".") not in NOT_NAMES
                        and not t.lows[start - 1].endswith(("’s", "'s"))
                    )
                    or (t.lows[start - 1] in _NAME_PARTICLES and start - 1 > lo)
                ):
                    start -= 1
                head = "N"
            elif low in SPEAKER_NOUNS or singular(low) in SPEAKER_NOUNS or low in self.org_heads:
                head = "D"
            else:
                return None
        if head == "N" and all(w.lower().rstrip(".") in TITLES for w in t.words[start:k]):
            head = "D"  # "The Mayor (of London)": a title alone is no name
        h0 = start
        # modifiers
        i = start
        while i > lo:
            pw = t.words[i - 1]
            pl = t.lows[i - 1]
            if not pw[:1].isalnum() or is_quote(pw):
                break
            if pl in PREPOSITIONS or pl in CONJUNCTIONS or pl in RELATIVES or pl in AUXILIARIES:
                break
            if pl in PRONOUNS:
                break
            if pl in DETERMINERS or pl.endswith(("’s", "'s")):
                i -= 1
                if pl in DETERMINERS:
                    break
                continue
            if head == "N" and _capitalised(pw):
                i -= 1
                continue
            if (
                pw[:1].islower()
                and i - 2 >= lo
                and (t.lows[i - 2] in AUXILIARIES or t.lows[i - 2] == "to")
                and pl not in NAME_MODIFIERS
                and pl not in SPEAKER_NOUNS
            ):
                break  # "will replace Prime Minister Fumio Kishida": a verb, no modifier
            if pw[:1].islower() and (pl in CUE_WORDS or pl in _VERBS or pl in ADVERBS):
                break
            if (
                pw[:1].islower()
                and pl.endswith("ed")
                and i - 1 > lo
                and t.lows[i - 2] not in DETERMINERS
            ):
                break  # "… who examined the books": a verb, not "a retired teacher"
            i -= 1
        ph = Phrase(i, k, head, h0, k, mention)
        if head == "N" and h0 == lo and k - h0 == 1 and low in SPEAKER_NOUNS:
            return Phrase(i, k, "D", h0, k)
        if i > lo:
            before = t.lows[i - 1]
            if before in PREPOSITIONS:
                if before == "according" or (
                    not attach
                    and ph.head in ("M", "N")
                    and (ph.mention is None or not self.place(ph.mention))
                ):
                    return ph  # but "Rhea Vance of Ohio, who" is Vance
                up = self.phrase_ending(t, i - 1, lo)
                if (
                    up is not None
                    and ph.head in ("M", "N")
                    and (ph.mention is None or ph.mention[2] not in self.places | self.orgs)
                    and _capitalised(t.words[up.i])
                    and t.lows[up.i].rstrip(".") in TITLES
                ):
                    return ph  # "Speaker of the House Rep. Paul Ryan", "Secretary of State X"
                if up is None and i - 2 > lo and t.lows[i - 2].endswith(("ed", "ing")):
                    # "opposition groups based in Iraq", "officials speaking on condition"
                    up = self.phrase_ending(t, i - 2, lo)
                if up is None and before != "by":
                    up = self._loose_noun(t, i - 1, lo)  # "small businesses in Cape Town"
                return up  # "Vance of Ohio" -> Vance; "hung on the fence" -> None
            if before in ("and", "or"):
                left = self.phrase_ending(t, i - 1, lo)
                if left is not None and left.j != i - 1:
                    return left  # "Fishermen in Lagos and Abuja": the head before the preposition
                if (
                    before == "and"
                    and left is not None
                    and left.head == "D"
                    and ph.head == "D"
                    and t.lows[left.i] == "the"
                    and t.lows[i] not in DETERMINERS
                ):
                    # "the former first lady and U.S. senator": one person, described twice
                    return Phrase(left.i, ph.j, "D", ph.h0, ph.h1)
                return ph
            if before in ("named", "called", "dubbed") and ph.head in ("M", "N"):
                return ph  # "a student named Jonas Keller"
            if (
                t.words[i - 1][:1].islower()
                and (before in _VERBS or before.endswith("ed") or before in AUXILIARIES)
                and before not in _NOT_VERBS
                and not self.is_cue(t, i - 1)
            ):
                if i - 2 >= lo and t.lows[i - 2] in ("who", "that"):
                    return self.phrase_before(t, i - 1, lo)
                return None  # a verb's object
        return ph

    def _loose_noun(self, t: Tokens, k: int, lo: int) -> Phrase | None:
        """A plain plural noun phrase ending before token ``k`` that opens its clause
        ("Small businesses (in Soweto)", "hospitals (in Busan)"): a description, though its
        head is no listed speaker noun."""
        h = k - 1
        if h < lo or not t.words[h][:1].isalpha() or t.lows[h] in _NOT_VERBS:
            return None
        low = t.lows[h]
        if not (low.endswith("s") and not low.endswith("ss")) or self.is_cue(t, h):
            return None
        i = h
        while i > lo and i > h - 3:
            pl = t.lows[i - 1]
            if not t.words[i - 1][:1].isalpha() or pl in PREPOSITIONS or pl in CONJUNCTIONS:
                break
            if pl in AUXILIARIES or pl in RELATIVES or self.is_verb(t, i - 1, after_head=False):
                break
            i -= 1
            if pl in DETERMINERS:
                break
        if (
            i > lo
            and t.words[i - 1] not in (",", "—", "–", "--")
            and t.lows[i - 1] not in _CLAUSE_OPENERS
        ):
            return None  # not where a subject stands
        return Phrase(i, k, "L", h, k)

    def phrase_after(self, t: Tokens, k: int, limit: int) -> Phrase | None:
        """The noun phrase right after token ``k`` (an inverted cue: "said aide Ivo Prent")."""
        j = k + 1
        while j < limit and _adv(t, j):
            j += 1
        ph = self.phrase_at(t, j, limit)
        if ph is not None and (
            ph.head == "D" or (ph.mention is not None and self.place(ph.mention))
        ):
            # "said former Ohio Gov. and party chairman Ed Rendo": titles joined by "and"
            # before the name, which is the head
            name = self._name_after_titles(t, ph.j, limit, t.lows[ph.i] not in DETERMINERS)
            if name is not None:
                return name
        if ph is not None and ph.head == "D" and ph.j + 1 < limit and t.words[ph.j] == ",":
            # "said the bureau's director, James B. Comey," — the name in apposition
            name = self.phrase_at(t, ph.j + 1, limit)
            if name is not None and name.i == ph.j + 1 and name.head in ("M", "N"):
                end = name.j
                if end >= limit or t.words[end] in (",", ".", ";", "—") or is_quote(t.words[end]):
                    return name
        return ph

    def _name_after_titles(self, t: Tokens, j: int, limit: int, joined: bool) -> Phrase | None:
        """A name a few title words after ``j``, with only titles and modifiers between (no
        preposition, verb or punctuation), and "and" if ``joined``: the head of a stacked
        title ("former Ohio Gov. and party chairman Ed Rendo"), where "the spokesman and Ed
        Rendo" are two."""
        k = j
        while k < limit and k < j + 8:
            w = t.words[k]
            low = t.lows[k]
            if not w[:1].isalnum() or low in PREPOSITIONS or low in RELATIVES:
                return None
            if low == "and" and not joined:
                return None
            if w[:1].isupper() and low.rstrip(".") not in TITLES:
                name = self.phrase_at(t, k, limit)
                if name is None or name.i != k or name.head not in ("M", "N"):
                    return None
                if name.mention is not None and (
                    self.place(name.mention) or name.mention[2] in self.orgs
                ):
                    return None
                return name
            if w[:1].islower() and low not in ("and",) and self.is_verb(t, k):
                return None
            k += 1
        return None

    # -- clauses ---------------------------------------------------------------------------
    def clause_start(self, t: Tokens, lo: int, k: int) -> int:
        """Where the clause holding token ``k`` starts: after the last ";", or after ", and" /
        ", but" / "while" that a new subject follows."""
        i = k - 1
        while i > lo:
            w = t.lows[i]
            if w == ";" or w in DASHES or (w == "-" and t.words[i - 1][-1:].isalnum()):
                return i + 1
            if w in _CLAUSE_OPENERS and (t.words[i - 1] == "," or w not in ("and", "or")):
                ph = self.phrase_at(t, i + 1, k)
                if ph is not None and ph.i <= i + 2:
                    after = self.skip_over(t, ph.j, k)
                    if after < k and self.is_verb(t, after) and not self.passive_group(t, after):
                        if w in _SUBORDINATORS:
                            main = self._main_after(t, after, k)
                            if main is not None:
                                return main  # "when I asked him, he looked up and said"
                        return i + 1
            i -= 1
        return lo

    def _main_after(self, t: Tokens, v: int, k: int) -> int | None:
        """After a subordinate clause whose verb is at ``v``, where the main clause starts
        before ``k``: the first comma followed by a subject and its verb."""
        for c in range(v + 1, k):
            if t.words[c] in (";", ":") or is_quote(t.words[c]):
                return None
            if t.words[c] != ",":
                continue
            ph = self.phrase_at(t, c + 1, k)
            if ph is None or ph.i != c + 1:
                continue
            after = self.skip_over(t, ph.j, k)
            if after < k and self.is_verb(t, after):
                return c + 1
        return None

    def nearest_subject(self, t: Tokens, lo: int, k: int) -> Phrase | None:
        """The nearest noun phrase before token ``k`` that a verb follows, in the clause of
        ``k``: "an incident Trump brought up as “…”", "Holt attacked the mayor for being a
        “…”" (Holt: "the mayor" has no verb after it)."""
        start = self.clause_start(t, lo, k)
        v = k - 1
        while v > start:
            low = t.lows[v]
            if t.words[v] in (",", ";", ":") or is_quote(t.words[v]):
                return None
            if (
                t.words[v][:1].islower()
                and low not in _BE
                and low not in AUXILIARIES
                and (low in _VERBS or low.endswith("ed") or low in CUE_WORDS)
                and not self.passive(t, v)
            ):
                ph = self.phrase_ending(t, self._skip_back(t, v, start), start)
                if ph is not None and ph.head in ("M", "N", "P", "S"):
                    return ph
            v -= 1
        return None

    def subject(
        self, t: Tokens, lo: int, k: int, passive_ok: bool = False, main: bool = False
    ) -> Phrase | None:
        """The subject of the clause that holds token ``k``: the first noun phrase after any
        fronted phrase ("In an interview on Monday, Kerr …"), if a verb follows it. With
        ``passive_ok`` a passive verb may follow ("Holt was joined on stage and joked"); with
        ``main`` the clause is the sentence's first, whatever follows."""
        i = lo if main else self.clause_start(t, lo, k)
        n = k
        while i < n and (
            t.lows[i] in _COORDINATORS or is_adverb(t.lows[i]) or t.words[i] in _OPENING_PUNCT
        ):
            i += 1
        if i >= n:
            return None
        for lead in range(3):  # "On Thursday, after a long silence, Holt …": up to three
            if i >= n:
                return None
            first = t.lows[i]
            fronted = (
                first in PREPOSITIONS
                or first in CONJUNCTIONS
                or (first.endswith(("ing", "ed")) and first not in SPEAKER_NOUNS)
                or first in ("asked", "pressed", "according", "given", "despite", "like")
                or self._time_lead(t, i, n)
                or first in _FRONT_ADVERBS
            )
            if not fronted:
                break
            # "After the vote, …", "Speaking at a rally -- in Ohio -- Holt …"
            c = i
            while c < n and t.words[c] not in (",", "—", "–", "--", ":"):
                c += 1
            if c >= n:
                if lead:
                    break  # a second phrase that runs to the verb: the subject, after all
                if first in CONJUNCTIONS and i + 1 < n:
                    return self.subject(t, i + 1, k, passive_ok, main)  # "While X's call …"
                return None
            if t.words[c] != ",":
                d = c + 1
                while d < n and t.words[d] != t.words[c]:
                    d += 1
                c = d if d < n else c
            i = c + 1
            if i + 1 < n and t.words[i + 1] == "," and _YEAR.fullmatch(t.words[i]):
                i += 2  # "On July 6, 2015, Holt …": the date's year goes with the phrase
            # "In St. Clairsville, Ohio, Holt …": a place in apposition goes with the phrase
            while i < n:
                m = self.by_start.get(t.starts[i])
                if m is None or m[2] not in self.places:
                    break
                end = self._mention_end(t, i)
                if end is None or end >= n or t.words[end] != ",":
                    break
                i = end + 1
        ph = self.phrase_at(t, i, n, sentence_start=True)
        if ph is None or ph.i > i + 4:
            return None
        if ph.head == "S":
            return ph  # "Kerr's reply", "Holt's assertion that …": the noun is the cue
        after = self.skip_over(t, ph.j, n)
        if after >= n or not self.is_verb(t, after):
            return None
        if not passive_ok and self.passive_group(t, after):
            return None
        return ph

    def _time_lead(self, t: Tokens, i: int, n: int) -> bool:
        """Whether the clause opens with a time phrase and a comma: "Eight years ago, …",
        "Two days later, …"."""
        for c in range(i + 1, min(n, i + 6)):
            if t.words[c] == ",":
                return t.lows[c - 1] in ("ago", "later", "earlier", "before", "after")
            if not t.words[c][:1].isalnum():
                return False
        return False

    def skip_over(self, t: Tokens, j: int, n: int) -> int:
        """Past what follows a subject's head: "of Ohio", ", an ally of X,", ", who …,"."""
        while j < n:
            low = t.lows[j]
            if low in _INTENSIFIERS:
                j += 1  # "Trump himself was delighted"
                continue
            if (
                low.endswith("ing")
                and t.words[j][:1].islower()
                and j + 1 < n
                and t.lows[j + 1] in PREPOSITIONS
            ):
                # "Protesters marching through the streets chanted": past the participle
                k = j + 2
                while k < n and k < j + 8 and t.words[k][:1].isalnum():
                    if self.is_cue(t, k) or t.lows[k] in _VERBS or t.lows[k].endswith("ed"):
                        break
                    k += 1
                if k < n and k < j + 8 and t.words[k][:1].isalnum():
                    j = k
                    continue
            if low in PREPOSITIONS and low != "according":
                end = self._time_phrase(t, j + 1, n)
                if end is not None:
                    j = end  # "at the time", "on Monday", "in May"
                    continue
            if low in _LINKERS:
                nxt = self.phrase_at(t, j + 1, n)
                if nxt is not None:
                    j = nxt.j
                    continue
                # "the former secretary of state mocked": a short object with no head
                k = j + 1
                while k < n and k < j + 5 and t.words[k][:1].isalnum() and not self.is_verb(t, k):
                    if t.lows[k] in PREPOSITIONS or t.lows[k] in CONJUNCTIONS:
                        break
                    k += 1
                if k > j + 1 and k < n and self.is_verb(t, k):
                    j = k
                    continue
                return j
            if low in _POST_ADJECTIVES and j + 1 < n and t.lows[j + 1] in PREPOSITIONS:
                nxt = self.phrase_at(t, j + 2, n)
                k = j + 2
                while k < n and k < j + 7 and not self.is_verb(t, k):
                    k += 1
                if nxt is not None or k < n:
                    j = nxt.j if nxt is not None else k  # "a source familiar with the ad says"
                    continue
            if t.words[j] == "," or t.words[j] == "(":
                close = "," if t.words[j] == "," else ")"
                c = j + 1
                relative = close == "," and c < n and t.lows[c] in ("who", "which")
                while c < n and t.words[c] != close and not (relative and self.is_cue(t, c)):
                    c += 1
                if c < n and t.words[c] == close:
                    j = c + 1
                    if close == ",":
                        # a list of descriptions: "Blackwell, founder of X, a member of Y, said"
                        for _ in range(3):
                            if j >= n or self.is_verb(t, j) or _adv(t, j):
                                break
                            d = j
                            while d < n and d < j + 14 and t.words[d] != ",":
                                if self.is_cue(t, d) or is_quote(t.words[d]):
                                    d = n
                                    break
                                d += 1
                            if d >= n or d >= j + 14 or t.words[d] != ",":
                                break
                            j = d + 1
                    continue
                if close == "," and j + 1 < n and t.lows[j + 1] in ("who", "which"):
                    # "Katie Packer, who chairs the group said": the comma never closes
                    c = j + 2
                    while c < n and c < j + 14 and not self.is_cue(t, c):
                        c += 1
                    if c < n and c < j + 14:
                        return c
                return j
            if (_adv(t, j) or low in AUXILIARIES) and low not in _BE:
                j += 1
                continue
            if low in ("and", "or") and j + 1 < n:
                # "the senator and candidate said", "Holt and Prent said"
                nxt = self.phrase_at(t, j + 1, n)
                if (nxt is not None and nxt.i == j + 1) or (
                    nxt is not None and t.lows[j + 1] in DETERMINERS
                ):
                    j = nxt.j
                    continue
            return j
        return j

    def opens_inversion(self, t: Tokens, k: int) -> bool:
        """Whether a cue at ``k`` may come before its subject: right after a quote (and its
        comma) or at the start: "“…,” said Holt", "Said Holt: …"."""
        j = k - 1
        while j >= 0 and (t.words[j] in (",", "—", "–") or t.lows[j] in _COORDINATORS):
            j -= 1
        if j < 0 or is_quote(t.words[j]):
            return True
        if k and t.words[k - 1] == ",":
            # "The paradox, says Carl Anthony, a historian, is that …": a parenthesis
            ph = self.phrase_at(t, k + 1, len(t.words))
            return ph is not None and ph.i == k + 1 and ph.j < len(t.words) and t.words[ph.j] == ","
        return False

    def _time_phrase(self, t: Tokens, j: int, n: int) -> int | None:
        """The end of a time phrase starting at ``j`` ("the time", "Monday", "May 3", "late
        2015"), or None."""
        k = j
        while k < n and k < j + 4:
            low = t.lows[k]
            if low in TIME_WORDS or low[:1].isdigit():
                k += 1
                while k < n and (t.lows[k] in TIME_WORDS or t.lows[k][:1].isdigit()):
                    k += 1
                return k
            if low in DETERMINERS or low in ("late", "early", "mid", "last", "next"):
                k += 1
                continue
            return None
        return None

    def multi_word(self, t: Tokens, k: int) -> bool:
        return MULTI_WORD.match(self.masked, t.starts[k]) is not None

    def reduced(self, t: Tokens, k: int) -> bool:
        """A reduced passive or adverbial clause: "when asked", "as described", "if told"."""
        return k > 0 and t.lows[k - 1] in ("when", "if", "as", "once", "unless", "until")

    def passive(self, t: Tokens, v: int) -> bool:
        """Whether the verb at token ``v`` is a passive participle ("was asked", "is seen")."""
        low = t.lows[v]
        if not (low.endswith("ed") or low in _PARTICIPLES):
            return False
        k = v - 1
        while k >= 0 and _adv(t, k) and t.lows[k] not in _BE:
            k -= 1
        return k >= 0 and t.lows[k] in _BE

    def passive_group(self, t: Tokens, v: int) -> bool:
        """Whether the verb group that starts at token ``v`` is passive ("was banned as")."""
        k = v
        n = len(t.words)
        while k < n and (t.lows[k] in _BE or _adv(t, k)):
            k += 1
        return v < k < n and self.passive(t, k)
