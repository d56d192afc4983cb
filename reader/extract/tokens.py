"""News text as tokens with offsets, for the name tagger: words, numbers and punctuation.

The tokens follow the conventions of the labelled news the tagger learned from (CoNLL-2003):
a possessive ``'s`` is a token of its own, a hyphenated word or an initialism is one token
(``Coca-Cola``, ``U.S.``, ``U.S.-led``), and a full stop stays on a word only where it belongs
to it (``Mr.``, ``Inc.``, ``Calif.``, an initial ``J.``). Training tokenises the labelled text
with the same function, so the tagger always sees words cut the way it was taught.

Each token also says whether it opens a sentence and whether its line is written in capitals
(a headline, a dateline), two things that change what a capital letter means. Tokens are kept as
parallel lists rather than one object each: a 1 MB article has some 170,000 of them.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from itertools import accumulate
from operator import sub

from reader.article.newswire import match_dateline
from reader.article.sentences import MAY_END, MONTHS, NEVER_FINAL

#: Words whose full stop is part of the word (titles, company and state abbreviations, months).
KEEPS_STOP = frozenset(w.casefold() for w in NEVER_FINAL | MAY_END | MONTHS)
#: A word (with inner hyphens, full stops, ampersands, apostrophes or digit commas: Coca-Cola,
#: U.S, AT&T, O'Neill, 1,200), a possessive ``'s``, or any other character. Full stops are then
#: put back on the abbreviations they belong to (``U.S.``, ``Mr.``): one simple pattern and a
#: few list passes are several times quicker than a pattern that does it all.
_TOKEN = re.compile(r"\w+(?:[-&.,]\w+|['’](?![sS]\b)\w+)*|['’][sS]\b|[^\w\s]")
#: A token with the blanks before it. Every character but a blank starts a token, so these
#: pieces, one after the other, are the whole text: their lengths give the offsets. The
#: quantifiers are possessive (what one takes is never given back): no match ever needs it,
#: and the search is a fifth quicker for not keeping the places to go back to.
_SPACED_TOKEN = re.compile(r"\s*+(?:\w++(?:[-&.,]\w++|['’](?![sS]\b)\w++)*+|['’][sS]\b|[^\w\s])")
#: A paragraph break (a blank line); a single line break is only the text's wrapping.
_PARAGRAPH = re.compile(r"\n[ \t]*\n\s*")
#: A full stop with a letter right before it (the end of ``Mr.``, ``U.S.`` or a sentence).
_STOP_AFTER_WORD = re.compile(r"\.(?<=[^\W\d_]\.)")  # the dot first: it is looked for quickly
_SENTENCE_END = frozenset(".!?…")
_OPENERS = frozenset("\"'“‘«([{")
_CLOSERS = frozenset("\"'”’»)]}")


class Tokens:
    """The tokens of a text: ``text[starts[i]:ends[i]] == words[i]``.

    ``initial[i]``: token i opens a sentence (first of a line, or after ``.`` ``?`` ``!``, with
    opening quotes and brackets looked through): its capital says little. ``caps[i]``: its line
    has letters and none in lower case (a headline in capitals, a dateline, a table row).
    ``headline[i]``: its line is a short one with most words capitalised (a headline in title
    case: every capital there says as little as at a sentence's start). ``dateline``: the
    text's wire dateline, as :func:`dateline` finds it, or None.
    """

    __slots__ = (
        "_not_lower",
        "caps",
        "dateline",
        "ends",
        "headline",
        "initial",
        "starts",
        "text",
        "words",
    )

    def __init__(self, text: str) -> None:
        self.text = text
        # Strings and C loops only: much quicker than a match object (or a tuple) per token.
        # Without the blanks that end the text: the pattern would try them from each of their
        # characters, in time that grows with the square of their length.
        pieces = _SPACED_TOKEN.findall(text.rstrip())
        words = list(map(str.lstrip, pieces))  # what \s matches is what str.isspace() is
        ends = list(accumulate(map(len, pieces)))
        starts = list(map(sub, ends, map(len, words)))
        # A full stop right after an abbreviation or an initial is part of it.
        dots = []
        for match in _STOP_AFTER_WORD.finditer(text):
            at = match.start()
            i = bisect_left(starts, at)
            if i < len(starts) and starts[i] == at and _keeps_stop(words[i - 1] + "."):
                dots.append(i)
        if dots:
            for i in dots:
                words[i - 1] += "."
                ends[i - 1] = ends[i]
            starts, ends, words = (
                _without(starts, dots),
                _without(ends, dots),
                _without(words, dots),
            )
        self.starts, self.ends, self.words = starts, ends, words
        self.dateline = dateline(text)
        story = [bisect_left(starts, self.dateline[3])] if self.dateline is not None else []
        # the story's first word after a dateline ("HALIFAX (AP) — Harbour pilots said") is
        # capitalised as any sentence's first word is
        self.initial = _initial(text, starts, words, story)
        self.caps, self.headline = _lines(text, starts)
        self._not_lower: list[int] | None = None

    def __len__(self) -> int:
        return len(self.words)

    def not_lower(self) -> list[int]:
        """The indexes of the tokens not in lower case: those with a capital, numbers and
        punctuation (a third of a text's). A name's tokens are among them: the name features
        look only at these, found once, instead of each walking every token."""
        if self._not_lower is None:
            self._not_lower = [i for i, word in enumerate(self.words) if not word.islower()]
        return self._not_lower


def _without(items: list, drop: list[int]) -> list:
    """``items`` without the indexes in ``drop`` (sorted), copied a slice at a time."""
    out: list = []
    previous = 0
    for i in drop:
        out += items[previous:i]
        previous = i + 1
    out += items[previous:]
    return out


def _keeps_stop(word: str) -> bool:
    """Whether the full stop at the end of ``word`` belongs to it: an initial (``J.``), an
    initialism (``U.S.``) or an abbreviation (``Mr.``, ``Calif.``)."""
    stem = word[:-1]
    if len(stem) == 1:
        return stem.isupper()
    return "." in stem or stem.casefold() in KEEPS_STOP


def tokenize(text: str) -> Tokens:
    """Every token of ``text``, in order."""
    return Tokens(text)


def _initial(text: str, starts: list[int], words: list[str], more: list[int]) -> list[bool]:
    """Which tokens open a sentence: the first of each paragraph, the first after ``.``, ``?``,
    ``!`` or ``…``, and those in ``more`` (opening quotes and brackets before it open it too)."""
    n = len(words)
    out = [False] * n
    openers = [0] if n else []
    openers += [bisect_left(starts, m.end()) for m in _PARAGRAPH.finditer(text)]
    for end in _SENTENCE_END:
        if end in text:  # most texts have no "…", many no "!"
            openers += _after_each(words, end)
    openers += more  # the order does not matter: each opener marks the same tokens
    for i in openers:
        while i < n and words[i] in _CLOSERS:  # the quote that closes the sentence before
            i += 1
        while i < n and not out[i]:
            out[i] = True
            if words[i] not in _OPENERS:
                break
            i += 1
    return out


def _after_each(words: list[str], word: str) -> list[int]:
    """The index after each token that is ``word``: found by the list's own search, much quicker
    than a loop over the tokens for a punctuation mark."""
    out = []
    i = 0
    try:
        while True:
            i = words.index(word, i) + 1
            out.append(i)
    except ValueError:
        return out


#: How far into a text a wire dateline is looked for.
DATELINE_CHARS = 400
#: Where a line starts, past the blanks (and a wire copy's "date YYYY-MM-DD" before a dateline).
LINE_START = re.compile(r"(?:^|\n)[ \t]*(?:date[ \t]+\d{4}-\d{2}-\d{2}[ \t]+)?", re.IGNORECASE)


def dateline(text: str) -> tuple[int, str, str | None, int] | None:
    """The wire dateline near the start of ``text``: where it starts, its place, its agency and
    where the story after it starts.

    Hyphens say less than a dash or an agency ("PRESS DIGEST - Iraq", "WHEAT -- Rains boost"):
    after them, the place must be named again in the text ("BRISK - ..." and "in Brisk")."""
    for line in LINE_START.finditer(text, 0, DATELINE_CHARS):
        found = match_dateline(text, line.end())
        if found is None:
            continue
        place, agency, end = found
        if agency or any(dash in text[line.end() : end] for dash in ("—", "–")):
            return line.end(), place, agency, end
        if _named_as_place(place.split(",")[0], text):
            return line.end(), place, agency, end
        return None
    return None


def _named_as_place(place: str, text: str) -> bool:
    """Whether ``text`` writes ``place`` (in capitals in a dateline) after "in", "at", "to"…"""
    if place.title() not in text:
        return False  # most: the place is not written again at all
    pattern = r"\b(?:in|at|to|from|near|visit)[ \t]+" + re.escape(place.title()) + r"\b"
    return re.search(pattern, text) is not None


#: A headline in title case: at most this many words...
HEADLINE_WORDS = 20
#: ...and characters.
HEADLINE_CHARS = 160
_HEADLINE_WORD = re.compile(r"[^\W\d_][\w'’-]{3,}")


def _lines(text: str, starts: list[int]) -> tuple[list[bool], list[bool]]:
    """For each token: is its line in capitals; is its line a headline in title case."""
    n = len(starts)
    caps_out = [False] * n
    headline_out = [False] * n
    position = 0
    for line in text.split("\n"):
        end = position + len(line)
        # an empty line is neither; a long one is never a headline
        if line:
            caps = line == line.upper() and line != line.lower()  # prose fails the first at once
            if caps or (len(line) <= HEADLINE_CHARS and is_headline(line)):
                first = bisect_left(starts, position)
                last = bisect_left(starts, end + 1)
                target = caps_out if caps else headline_out
                target[first:last] = [True] * (last - first)
        position = end + 1
    return caps_out, headline_out


#: The share of a headline's longer words that start with a capital; for a title ended with a
#: full stop, more (a short first sentence has as many: "Mayor Ana Ruiz spoke on Monday.").
HEADLINE_CAPITALS = 0.7
TITLE_CAPITALS = 0.85


def is_headline(line: str, title: bool = False) -> bool:
    """Short, not ended like a sentence, and seven in ten of its words of four letters or more
    start with a capital. A text's first line (``title``) may end in a full stop, as some files
    end their title, if nearly every such word starts with a capital (a first sentence has
    verbs in lower case) and no dateline's dash shows it is the story's first sentence."""
    if len(line) > HEADLINE_CHARS:
        return False  # a paragraph
    stripped = line.rstrip().rstrip("\"'”’)")
    if not stripped or stripped[-1] in "!?:;,":
        return False
    full_stop = stripped[-1] == "."
    if full_stop and (not title or "—" in line or "–" in line or " - " in line):
        return False
    words = _HEADLINE_WORD.findall(line)
    if len(words) < 2 or len(line.split()) > HEADLINE_WORDS:
        return False
    capitals = sum(1 for w in words if w[0].isupper())
    return capitals >= (TITLE_CAPITALS if full_stop else HEADLINE_CAPITALS) * len(words)
