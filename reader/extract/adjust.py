"""Where the tagger's names are set right: what the labelled news it learned from could not teach.

The tagger learned from wire copy of 1996 (CoNLL-2003). News today differs in ways a few rules
state better than that data: a dateline ``CITY (AP) —`` and a byline say outright what they
name; a title is not part of a person's name even where it is written as one ("Pope Francis",
"Rep. Michael McCaul"); name particles join a name's parts ("Mark van den Oever"); a word before
"CEO" names a company; "analysts at Haldane" and "the Vox party" name organisations whatever
the word looks like; a name that opens with San, Santa, São or Saint is a place.
"""

from __future__ import annotations

import re
from bisect import bisect_left

from reader.article.newswire import match_dateline

from .context import noun_type, org_evidence
from .lexicon import PARTICLES, TITLE_HEADS, Lexicon, fold
from .tagger import Name
from .tokens import Tokens

#: How far into a text its wire header (date, dateline, agency) is looked for.
HEADER_CHARS = 400
#: A byline: a line that is only "By" and a name ("By JANE MWANGI", "By Tom Reyes").
_BYLINE = re.compile(
    r"(?m)^[ \t]*[Bb][Yy][ \t]+([^\W\d_][\w.'’-]*(?:[ \t]+[^\W\d_][\w.'’-]*){0,3})[ \t]*$"
)
#: :data:`_BYLINE` after a line break: a search for a pattern that opens with a character is
#: much quicker than one for a line's start, which is tried at every character.
_BYLINE_AFTER_BREAK = re.compile(r"(?m)\n" + _BYLINE.pattern.removeprefix("(?m)^"))


def _bylines(text: str) -> list[re.Match[str]]:
    """Every match of :data:`_BYLINE` in ``text``, in order."""
    first = _BYLINE.match(text)
    rest = list(_BYLINE_AFTER_BREAK.finditer(text))
    return [first, *rest] if first else rest


#: Where a line starts, past the blanks (and a wire copy's "date YYYY-MM-DD" before a dateline).
_LINE_START = re.compile(r"(?:^|\n)[ \t]*(?:date[ \t]+\d{4}-\d{2}-\d{2}[ \t]+)?", re.IGNORECASE)
#: Confidence given to what the article's header says (its dateline, agency and byline).
_HEADER_CONFIDENCE = 10.0


def _with_header(names: list[Name], tokens: Tokens) -> list[Name]:
    """What the wire header and a byline say outright: the dateline's place, the agency, the
    writer. The labelled news has neither this dateline form nor bylines."""
    text = tokens.text
    spans: list[tuple[int, int, str]] = []
    for line in _LINE_START.finditer(text, 0, HEADER_CHARS):
        found = match_dateline(text, line.end())
        if found is None:
            continue
        dateline, agency, end = found
        place = dateline.split(",")[0]
        spans.append((line.end(), line.end() + len(place), "LOC"))
        if agency:
            at = text.find("(" + agency + ")", line.end(), end)
            if at >= 0:
                spans.append((at + 1, at + 1 + len(agency), "ORG"))
        break
    for match in _bylines(text):
        spans.append((match.start(1), match.end(1), "PER"))
    if not spans:
        return names
    starts = tokens.starts
    forced: list[Name] = []
    for start, end, kind in spans:
        first = bisect_left(starts, start)
        last = bisect_left(starts, end)
        if first < last and starts[first] == start:
            forced.append(Name(first, last, kind, _HEADER_CONFIDENCE))
    kept = [
        name
        for name in names
        if not any(name.first < f.last and f.first < name.last for f in forced)
    ]
    return sorted([*kept, *forced], key=lambda name: name.first)


#: Regnal and family numbers after a name: "Abdullah II", "John Smith Jr.".
_AFTER_NAME = frozenset(("ii", "iii", "iv", "v", "vi", "jr", "jr.", "sr", "sr."))


def _repair(names: list[Name], tokens: Tokens, lex: Lexicon) -> list[Name]:
    """A person's name as it is written, where the labelled news taught the tagger otherwise.

    Titles are not part of a name ("Prince", "Rep.", "Pope"); name particles join its parts
    ("Mark van den Oever", "Van der Plas", "Mohammed bin Salman"); a regnal number stays on it
    ("Abdullah II").
    """
    words = tokens.words
    out: list[Name] = []
    for name in names:
        first, last = name.first, name.last
        if (
            last - first > 1
            and words[first] in ("The", "the")
            and fold(" ".join(words[first:last])) not in lex.places
        ):
            first += 1  # "the" is not part of a name (but it is part of The Hague)
        if name.type in ("ORG", "LOC") and last - first > 2:
            # "Rural Fire Service Commissioner Rob Rogers": an organisation, then a person.
            for k in range(first + 1, last - 1):
                if words[k].istitle() and words[k].lower() in TITLE_HEADS:
                    out.append(Name(first, k, name.type, name.confidence))
                    first, name = k + 1, Name(k + 1, last, "PER", name.confidence)
                    break
        if name.type == "PER":
            while last - first > 1 and words[first].lower().rstrip(".") in TITLE_HEADS:
                first += 1
            while (
                first > 0
                and words[first - 1].lower() in PARTICLES
                and words[first - 1][:1].isupper()
            ):
                first -= 1  # "Van der Plas": the particle that opens the surname
            if last < len(words) and words[last].lower() in _AFTER_NAME:
                last += 1
            previous = out[-1] if out else None
            if (
                previous is not None
                and previous.type == "PER"
                and previous.last < first
                and all(words[k] in PARTICLES for k in range(previous.last, first))
            ):
                out[-1] = Name(previous.first, last, "PER", previous.confidence)
                continue
        unchanged = first == name.first and last == name.last
        out.append(name if unchanged else Name(first, last, name.type, name.confidence))
    return out


#: Words before a person's name that make the word before them a company: "Fennix CEO Laura Brandt".
_COMPANY_TITLES = frozenset(
    ("ceo", "cfo", "coo", "chairman", "chairwoman", "founder", "co-founder")
)
#: First words of place names ("San Evaristo de las Piedras", "Santa Lucía del Monte").
_PLACE_OPENERS = frozenset(
    ("san", "santa", "santo", "são", "sao", "saint", "sainte", "st.", "puerto", "porto", "port")
)
#: Confidence of the type "CEO" gives (it outweighs the tagger's where one word is typed twice).
_CUE_CONFIDENCE = 5.0
#: Where the tagger's type gives way to a cue around a one-word name.
_CUE_TYPES = {"ORG": "ORG", "PLACE": "LOC"}


#: Words that end a company's name: "Brakel Ltd.", "Vessa Holdings Inc".
COMPANY_ENDS = frozenset(
    ("inc", "corp", "co", "ltd", "plc", "llc", "llp", "gmbh", "ag", "sa", "nv", "bv", "spa", "ab")
)


def adjust(names: list[Name], tokens: Tokens, lex: Lexicon) -> list[Name]:
    """The tagger's names with the header's, and set right by the rules above."""
    names = _repair(_with_header(names, tokens), tokens, lex)
    names = _companies_and_lists(_trim(names, tokens), tokens, lex)
    return _by_cues(_institutions(names, tokens), tokens, lex)


#: Heads of an institution's name written "Head of Name": "Ministry of Foreign Affairs",
#: "Bank of Valdoria", "University of Tarrant", "Court of Appeal".
_INSTITUTIONS = frozenset(
    """ministry department bureau office agency commission council court bank board university
    institute college academy school federation association society union league museum
    chamber house embassy church authority""".split()  # noqa: SIM905
)
#: Small words inside such a name: "Council of Churches of Valdoria", "Bureau of Alcohol &
#: Tobacco". ("and" and "the" are left out: they join two names as often as they are in one.)
_INSIDE = frozenset(("of", "&"))
_OF_FOR = frozenset(("of", "for"))


def _institutions(names: list[Name], tokens: Tokens) -> list[Name]:
    """ "Ministry of Foreign Affairs" is one organisation's name, from the head to its last
    capitalised word, where the tagger left the head out or stopped at "of" (a title after it
    is a person's: "Bank of Valdoria Governor Ana Ruiz"). Where the tagger has an organisation
    over the head already, its span stands: it has seen more of the sentence."""
    words = tokens.words
    spans: list[tuple[int, int]] = []
    # The word before each "of" or "for", but the last two words: found in one quick pass.
    heads = [k for k, word in enumerate(words[1:-1]) if word in _OF_FOR]
    free = 0  # where the next name may start: a name found is not looked into again
    for k in heads:
        head = words[k]
        if k < free or not (head.istitle() and head.lower() in _INSTITUTIONS):
            continue
        end = last = k + 2
        while end < len(words) and (
            (words[end][:1].isupper() and words[end].lower() not in TITLE_HEADS)
            or words[end] in _INSIDE
        ):
            end += 1
            if words[end - 1][:1].isupper():
                last = end
        if last > k + 2:
            spans.append((k, last))
        free = max(last, k + 1)
    if not spans:
        return names
    out = list(names)
    for first, last in spans:
        inside = [n for n in out if n.first < last and first < n.last]
        if any(n.first <= first < n.last and (n.type == "ORG" or n.first < first) for n in inside):
            continue  # the tagger's organisation, or a name running into the head
        sure = max([n.confidence for n in inside], default=0.0)
        # those not inside, found again by their place: comparing names one by one with every
        # name inside takes time that grows with the square of a long text's names
        out = [n for n in out if not (n.first < last and first < n.last)]
        out.append(Name(first, max([last, *(n.last for n in inside)]), "ORG", sure))
    return sorted(out, key=lambda name: name.first)


#: Months and days: a name's neighbours in a date, not its words ("July FOMC", "CNBC Friday").
#: (Not "May": a name as often as a month.)
_CALENDAR = frozenset(
    (
        *("january", "february", "march", "april", "june", "july", "august", "september"),
        *("october", "november", "december", "monday", "tuesday", "wednesday", "thursday"),
        *("friday", "saturday", "sunday"),
    )
)
#: Prefixes of a word that describes a name rather than belonging to it ("pro-Kiev rebels").
_STANCES = frozenset(("pro", "anti", "ex", "non", "post", "pre"))


#: Words no name ends in: "Brakel Inc. The" is a name and the next sentence's first word.
_ENDS_NO_NAME = frozenset(("The", "the", "of", "and", "for", "An", "an"))


def _describes(word: str) -> bool:
    """A word that describes the name after it: "Ontario-based", "family-owned", "pro-Kiev"."""
    head, dash, tail = word.rpartition("-")
    if not dash or not head:
        return False
    return (tail.isalpha() and tail.islower() and len(tail) > 2) or (
        head.lower() in _STANCES and head.islower()
    )


def _trim(names: list[Name], tokens: Tokens) -> list[Name]:
    """Words at a name's edges that are not part of it: a date's month or day, a describing
    word before it ("Ontario-based Magna", "July FOMC", "pro-Socialist CFDT"), a small word
    after it."""
    words = tokens.words
    out = []
    for name in names:
        first, last = name.first, name.last
        while last - first > 1 and (words[first].lower() in _CALENDAR or _describes(words[first])):
            first += 1
        while last - first > 1 and (
            words[last - 1].lower() in _CALENDAR or words[last - 1] in _ENDS_NO_NAME
        ):
            last -= 1
        out.append(
            name
            if (first, last) == (name.first, name.last)
            else Name(first, last, name.type, name.confidence)
        )
    return out


def _companies_and_lists(names: list[Name], tokens: Tokens, lex: Lexicon) -> list[Name]:
    """A name before "Ltd." or "Inc" is a company's, and takes the word in; two known places
    joined by "and" are two places ("Lagos and Abuja"), not one organisation."""
    words = tokens.words
    alone: set[tuple[str, ...]] | None = None  # worked out when first needed: it seldom is
    out: list[Name] = []
    for name in names:
        first, last, kind = name.first, name.last, name.type
        if last < len(words) and words[last].lower().rstrip(".") in COMPANY_ENDS:
            out.append(Name(first, last + 1, "ORG", name.confidence))
            continue
        if "and" in words[first:last]:
            cut = words.index("and", first, last)
            left, right = fold(" ".join(words[first:cut])), fold(" ".join(words[cut + 1 : last]))
            if left in lex.places and right in lex.places:
                out.append(Name(first, cut, "LOC", name.confidence))
                out.append(Name(cut + 1, last, "LOC", name.confidence))
                continue
            left_words, right_words = tuple(words[first:cut]), tuple(words[cut + 1 : last])
            company = cut - first > 1 and words[cut - 1].lower().rstrip(".") in COMPANY_ENDS
            if kind == "ORG" and left_words != right_words:
                if alone is None:
                    alone = _names_alone(names, words)
                if company or {left_words, right_words} <= alone:
                    # "Lakar Inc. and Mireval": two companies; "KeyCorp and Banc One": each is
                    # named on its own elsewhere in the text
                    out.append(Name(first, cut, kind, name.confidence))
                    out.append(Name(cut + 1, last, kind, name.confidence))
                    continue
        out.append(name)
    return out


def _names_alone(names: list[Name], words: list[str]) -> set[tuple[str, ...]]:
    """The words that open a name without "and" ("Banc One" of "Banc One Corp."), each name's
    opening words of every length: what a text names on its own."""
    alone: set[tuple[str, ...]] = set()
    for name in names:
        span = words[name.first : name.last]
        if "and" not in span:
            alone.update(tuple(span[:k]) for k in range(1, len(span) + 1))
    return alone


def _by_cues(names: list[Name], tokens: Tokens, lex: Lexicon) -> list[Name]:
    """A company before "CEO"; "analysts at X", "the X party": organisations; San ...: places."""
    words, text = tokens.words, tokens.text
    names = list(names)
    out = []
    for k, name in enumerate(names):
        if name.last <= name.first:
            continue  # taken into the name before it
        kind = name.type
        sure = name.confidence
        nxt = names[k + 1] if k + 1 < len(names) else None
        if (
            kind != "MISC"
            and nxt is not None
            and nxt.type == "PER"
            and nxt.first == name.last + 1
            and words[name.last].lower() in _COMPANY_TITLES
        ):
            kind, sure = "ORG", max(sure, _CUE_CONFIDENCE)
        elif words[name.first].lower() in _PLACE_OPENERS and name.last - name.first > 1:
            kind = "LOC"
            if nxt is not None and all(w in PARTICLES for w in words[name.last : nxt.first]):
                # "Santa Lucía del Monte": the rest of a place's name, after its particles
                name = Name(name.first, nxt.last, kind, name.confidence)
                names[k + 1] = Name(nxt.first, nxt.first, nxt.type, 0.0)
        elif name.last - name.first == 1 and fold(words[name.first]) not in lex.places:
            start, end = tokens.starts[name.first], tokens.ends[name.first]
            if org_evidence(text, start, end):
                kind = "ORG"
            else:
                kind = _CUE_TYPES.get(noun_type(text, start, end) or "", kind)
        if kind != name.type:
            name = Name(name.first, name.last, kind, sure)
        out.append(name)
    return out
