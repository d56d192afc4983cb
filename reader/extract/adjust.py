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
from bisect import bisect_left, bisect_right
from itertools import compress

from .context import org_and_noun
from .lexicon import ORG_CUES, PARTICLES, SPEECH, TITLE_HEADS, Lexicon, fold
from .tagger import Name
from .tokens import Tokens, is_headline

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


#: Confidence given to what the article's header says (its dateline, agency and byline).
_HEADER_CONFIDENCE = 10.0


def _with_header(names: list[Name], tokens: Tokens) -> list[Name]:
    """What the wire header and a byline say outright: the dateline's place, the agency, the
    writer. The labelled news has neither this dateline form nor bylines."""
    text = tokens.text
    spans: list[tuple[int, int, str]] = []
    found = tokens.dateline
    if found is not None:
        start, place, agency, end = found
        place = place.split(",")[0]
        spans.append((start, start + len(place), "LOC"))
        if agency:
            at = text.find("(" + agency + ")", start, end)
            if at >= 0:
                spans.append((at + 1, at + 1 + len(agency), "ORG"))
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


#: Words before a name that make it a person's, whatever else it looks like: "Mr. Xi".
_HONORIFICS = frozenset(("mr.", "mrs.", "ms.", "mr", "mrs", "ms", "dr.", "mme.", "mlle."))


#: A middle initial: "R.".
_INITIAL = re.compile(r"[A-Z]\.")
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
        if name.type != "PER" and last - first > 1 and words[first].lower() in _HONORIFICS:
            name = Name(first, last, "PER", name.confidence)  # "Mr. Xi" is a person
        if name.type == "PER":
            while last - first > 1 and words[first].lower().rstrip(".") in TITLE_HEADS:
                first += 1
            while (
                first > 0
                and words[first - 1].lower() in PARTICLES
                and words[first - 1][:1].isupper()
            ):
                first -= 1  # "Van der Plas": the particle that opens the surname
            if (
                first > 0
                and words[first][1:] == "."  # looked at first: most words are no initial
                and _INITIAL.fullmatch(words[first])
                and fold(words[first - 1]) in lex.first_names
                and words[first - 1].istitle()
                and tokens.text[tokens.ends[first - 1] : tokens.starts[first]] == " "
            ):
                # "Dana R. Holt": the given name before a middle initial
                if out and (out[-1].first, out[-1].last, out[-1].type) == (first - 1, first, "PER"):
                    out.pop()  # the tagger's "Dana" on its own
                if not out or out[-1].last < first:
                    first -= 1
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
    names = _after_labels(_stage_directions(names, tokens), tokens)
    names = _people_typed_org(_headline_pairs(names, tokens), tokens, lex)
    names = _products(_laws(_trim(names, tokens, lex), tokens), tokens, lex)
    names = _companies_and_lists(names, tokens, lex)
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
    # The names in order of where they start, so that those around a span are found by
    # bisection: a scan of every name for every span grows with the square of a long text.
    out = sorted(names, key=lambda name: name.first)
    starts = [n.first for n in out]
    reach = max((n.last - n.first for n in out), default=0)  # the longest name
    for first, last in spans:
        near = range(bisect_left(starts, first - reach), bisect_left(starts, last))
        at = [i for i in near if first < out[i].last]
        inside = [out[i] for i in at]
        if any(n.first <= first < n.last and (n.type == "ORG" or n.first < first) for n in inside):
            continue  # the tagger's organisation, or a name running into the head
        sure = max([n.confidence for n in inside], default=0.0)
        merged = Name(first, max([last, *(n.last for n in inside)]), "ORG", sure)
        for i in reversed(at):
            del out[i], starts[i]
        k = bisect_right(starts, first)
        out.insert(k, merged)
        starts.insert(k, first)
        reach = max(reach, merged.last - merged.first)
    return out


def _stage_directions(names: list[Name], tokens: Tokens) -> list[Name]:
    """Without a transcript's stage directions: a word in capitals alone in brackets on its
    line ("(CROSSTALK)", "(APPLAUSE.)"), not an acronym after a name ("… Treaty (NATO)")."""
    words, text = tokens.words, tokens.text
    out = []
    for n in names:
        if (
            n.last - n.first == 1
            and words[n.first].isupper()
            and n.first > 0
            and words[n.first - 1] == "("
            and n.last < len(words)
            and words[n.last] in (")", ".")
        ):
            at = tokens.starts[n.first - 1]
            line = text.rfind("\n", 0, at) + 1
            if text[line:at].strip(" \t\"“'") == "":
                continue
        out.append(n)
    return out


def _after_labels(names: list[Name], tokens: Tokens) -> list[Name]:
    """A transcript's speaker labels ("WALLACE: Let's start", "SEN. HOLT: Well, …"): the label
    is the person the text names with that surname, or no name of the panes; the word the
    speaker says first is a sentence's first word, where the article writes it in lower case
    too, though the tagger saw it in the middle of a line."""
    words, initial = tokens.words, tokens.initial
    after: set[int] = set()
    labels: set[int] = set()
    for i in compress(range(len(words) - 2), initial):  # a label opens a line
        if len(words[i]) > 1 and words[i].isupper():
            k = i
            while k < len(words) - 1 and k - i < 3 and len(words[k]) > 1 and words[k].isupper():
                k += 1
            if words[k] == ":" and (i == 0 or not (initial[i - 1] and words[i - 1].isupper())):
                after.add(k + 1)
                labels.update(range(i, k))
    if not after:
        return names
    lower = {w for w in words if w.islower()} | _SPOKEN_OPENERS
    surnames = {fold(words[n.last - 1]) for n in names if n.type == "PER" and n.last - n.first > 1}
    out = []
    for n in names:
        if n.first in after and n.last - n.first == 1 and words[n.first].lower() in lower:
            continue
        if n.first in labels and n.last - 1 in labels:
            if fold(words[n.last - 1]) not in surnames:
                continue  # "CROSSTALK:", a label the text names no one by
            n = Name(n.first, n.last, "PER", n.confidence)
        out.append(n)
    return out


#: Words a speaker starts with: "Well, …", "Look, …", "Listen, …".
_SPOKEN_OPENERS = frozenset(
    """well look listen let so now yes no okay ok sure right thank thanks first again oh
    actually honestly frankly""".split()  # noqa: SIM905
)


def _headline_pairs(names: list[Name], tokens: Tokens) -> list[Name]:
    """The names in a title in title case (the text's first line) as the body writes them:
    "Holt Slams Dorvan Mining Over Plan" is "Holt" and "Dorvan Mining" where the body names
    both, and "Holt Was" is "Holt". A title capitalises its verbs and nouns too, so its words
    say little on their own: a long name there that the body never writes is dropped, a short
    one stays as it is."""
    words = tokens.words
    title_end = tokens.text.find("\n")
    title_end = len(tokens.text) if title_end < 0 else title_end
    if not is_headline(tokens.text[:title_end], title=True):
        return names
    body = {
        tuple(words[n.first : n.last]): n.type
        for n in names
        if tokens.starts[n.first] > title_end
        and not tokens.headline[n.first]
        and not tokens.caps[n.first]
    }
    named = {w for span in body for w in span}
    out: list[Name] = []
    for name in names:
        if name.last - name.first > 1 and tokens.starts[name.first] < title_end:
            found = _as_the_body_has_them(name, words, body)
            if found:
                out.extend(found)
            elif name.last - name.first < _TITLE_PHRASE or any(
                w in named for w in words[name.first : name.last]
            ):
                out.append(name)
            # else: "Battle Of The Rich Lists": a title's words run together, no one's name
        else:
            out.append(name)
    return out


def _as_the_body_has_them(
    name: Name, words: list[str], body: dict[tuple[str, ...], str]
) -> list[Name]:
    """The longest names of the body found one after another in ``name``'s words (the words
    between them left out), or none if a word of the body's names is left over."""
    whole = tuple(words[name.first : name.last])
    named = {w for span in body for w in span}
    found: list[Name] = []
    i = name.first
    while i < name.last:
        for k in range(name.last, i, -1):
            span = tuple(words[i:k])
            if span in body and span != whole:
                found.append(Name(i, k, body[span], name.confidence))
                i = k
                break
        else:
            if words[i] in named and words[i].lower() not in _JOINS:
                return []  # a word of a name the body writes otherwise: not sure enough
            i += 1
    return found


#: A title's name this long that the body never writes, not even in part, is its words run
#: together, not a name.
_TITLE_PHRASE = 4
#: Words that join two names into one: "Bank of Tessary", "Marks and Spencer".
_JOINS = frozenset(("of", "and", "&", "for", "de", "the", "y", "und", "et"))


def _people_typed_org(names: list[Name], tokens: Tokens, lex: Lexicon) -> list[Name]:
    """A first name and a surname the article treats as a person's are a person, though the
    tagger typed them as an organisation (as it does where "Halden University" also names the
    surname): the surname after a title ("Mr. Halden", "Sen. Halden") or before "said"."""
    words = tokens.words
    people: set[str] | None = None
    out = []
    for name in names:
        if name.type != "ORG":
            out.append(name)  # most names
            continue
        span = words[name.first : name.last]
        if (
            2 <= len(span) <= 3
            and all(w.istitle() for w in span)
            and fold(span[0]) in lex.first_names
            and span[-1].lower() not in ORG_CUES
            and span[-1].lower().rstrip(".") not in COMPANY_ENDS
        ):
            if people is None:
                people = _spoken_of_as_people(tokens)
            if span[-1] in people:
                name = Name(name.first, name.last, "PER", name.confidence)
        out.append(name)
    return out


#: Verbs whose subject is a person: "Halden said", "Halden believes", "Halden tweeted".
_PERSON_VERBS = SPEECH | frozenset(
    """says tells adds writes argues asks explains insists notes states recalls warns claims
    replies answers announces admits confirms denies declares urges tweets believes believed
    thinks thought feels felt hopes hoped wants wanted asserts asserted""".split()  # noqa: SIM905
)


def _spoken_of_as_people(tokens: Tokens) -> set[str]:
    """Capitalised words an article writes after a person's title or before a verb of
    saying on their own: "Mr. Halden", "President Halden", "Halden said"."""
    words = tokens.words
    out = set()
    for i, word in enumerate(words):
        if not word[:1].isupper():
            continue
        before = words[i - 1] if i > 0 else ""
        after = words[i + 1] if i + 1 < len(words) else ""
        if before[:1].isupper() and before.lower() in TITLE_HEADS:
            out.add(word)
        elif after in _PERSON_VERBS and (not before[:1].isupper() or tokens.initial[i]):
            out.add(word)  # "Halden said", not "Morgan Halden said" (that may be a bank)
    return out


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


#: A pronoun and a verb written as one word: "I've", "We’re", "Let's", "That'll".
_CONTRACTION = re.compile(
    r"(?i:i|we|you|he|she|they|it|let|that|there|what|who|here)['’](?i:ve|d|m|ll|re|s)"
)
#: Words no name opens with, written with a capital at a sentence's start: "But Trump said",
#: "Beyond Halden's reach".
_OPENS_NO_NAME = frozenset(
    """but and or if when while as at in on of for to from by with after before during since
    until although though because so yet also beyond under over against despite without amid
    among through like unlike whether whereas unless once where why how even""".split()  # noqa: SIM905
)
#: Words no name ends in: "Brakel Inc. The" is a name and the next sentence's first word.
_ENDS_NO_NAME = frozenset(("The", "the", "of", "and", "for", "An", "an"))


#: A word written in camel case, as brands and websites are and people's names are not
#: (McCain, DeSantis, LeBron and O'Neill excepted).
_CAMEL = re.compile(r"(?!Mc|Mac|De|Di|Da|Du|La|Le|Van|Von|O')[A-Z][a-z]+[A-Z][a-z]+")


def _one_letter(word: str) -> bool:
    """Whether a word has fewer than two letters and digits ("X", "(R)"); the first two
    characters say so for most words at once."""
    if len(word) > 1 and word[:2].isalnum():
        return False
    return sum(c.isalnum() for c in word) < 2


def _contraction(word: str) -> bool:
    """Whether a word is :data:`_CONTRACTION`: it has an apostrophe, the pattern is tried."""
    return ("'" in word or "’" in word) and _CONTRACTION.fullmatch(word) is not None


def _aside(words: list[str], i: int, tokens: Tokens, lex: Lexicon) -> bool:
    """A common word that opens a sentence, followed by a comma, and that the text never writes
    with a capital elsewhere: "Wait, …", "Indeed, …" (but "Dole, 73, said" is a name)."""
    word = words[i]
    return (
        (tokens.initial[i] or (i > 0 and words[i - 1] in ("“", '"', "‘")))  # a quote's start
        and i + 1 < len(words)
        and words[i + 1] in (",", "!")
        and word.istitle()
        and word.lower() in lex.common
        and fold(word) not in lex.first_names
        and fold(word) not in lex.places
        and not any(w == word for k, w in enumerate(words) if k != i and not tokens.initial[k])
    )


#: Last words of a law's or an agreement's name: left out of the panes, as events are.
_LAWS = frozenset(("act", "pact", "accord", "accords", "agreement", "protocol", "amendment"))
#: The same, where the name is longer than two words ("Treaty" and "Law" end companies' and
#: people's names too: "Penn Treaty", "Stuart Law").
_LONG_LAWS = _LAWS | {"treaty", "law", "doctrine", "convention"}


def _laws(names: list[Name], tokens: Tokens) -> list[Name]:
    """ "Freedom of Information Act", "Trans-Ocean Pact": laws and agreements, not organisations."""
    words = tokens.words
    out = []
    for n in names:
        last = words[n.last - 1]
        if (
            n.type != "PER"
            and n.last - n.first > 1
            and last.istitle()
            and last.lower() in (_LONG_LAWS if n.last - n.first > 2 else _LAWS)
        ):
            n = Name(n.first, n.last, "MISC", n.confidence)
        out.append(n)
    return out


def _named_without(tokens: Tokens, first: int, last: int) -> bool:
    """Whether the text names ``first + 1`` to ``last`` without the word before it more often
    than with it: "But Halden said" where "Halden" stands alone elsewhere, unlike "In Home
    Health", a company's whole name every time."""
    text = tokens.text
    rest = text[tokens.starts[first + 1] : tokens.ends[last - 1]]
    whole = text[tokens.starts[first] : tokens.ends[last - 1]]
    return text.count(rest) > text.count(whole)


def _describes(word: str) -> bool:
    """A word that describes the name after it: "Ontario-based", "family-owned", "pro-Kiev"."""
    head, dash, tail = word.rpartition("-")
    if not dash or not head:
        return False
    return (tail.isalpha() and tail.islower() and len(tail) > 2) or (
        head.lower() in _STANCES and head.islower()
    )


def _trim(names: list[Name], tokens: Tokens, lex: Lexicon) -> list[Name]:
    """Words at a name's edges that are not part of it: a date's month or day, a describing
    word before it ("Ontario-based Magna", "July FOMC", "pro-Socialist CFDT"), a small word
    after it."""
    words = tokens.words
    out = []
    for name in names:
        first, last = name.first, name.last
        while last - first > 1 and (
            words[first].lower() in _CALENDAR
            or _describes(words[first])
            or (words[first].lower() in _OPENS_NO_NAME and _named_without(tokens, first, last))
        ):
            first += 1
        while last - first > 1 and (
            words[last - 1].lower() in _CALENDAR or words[last - 1] in _ENDS_NO_NAME
        ):
            last -= 1
        if last - first == 1 and _one_letter(words[first]):
            continue  # "(R)", "X": a letter is no name
        if last - first == 1 and _contraction(words[first]):
            continue  # "I'd", "We’re": a capital at a sentence's start, not a name
        if (
            last - first == 1
            and first + 1 < len(words)
            and words[first + 1] in (",", "!")  # looked at first: most words are no aside
            and _aside(words, first, tokens, lex)
        ):
            continue  # "Wait, …", "Indeed, …": a common word opening a sentence
        if last - first == 1 and name.type == "PER" and _CAMEL.fullmatch(words[first]):
            name = Name(first, last, "ORG", name.confidence)  # "PolitiFact", "InsideSources"
        out.append(
            name
            if (first, last) == (name.first, name.last)
            else Name(first, last, name.type, name.confidence)
        )
    return out


#: Makers whose name, with a model's after it, names a thing they make: "VW Beetle", "Boeing
#: 737", "Toyota Prius".
_MAKERS = frozenset(
    """vw volkswagen mercedes mercedes-benz bmw audi porsche opel toyota honda nissan mazda
    subaru suzuki mitsubishi lexus hyundai kia ford chevrolet chevy cadillac buick dodge jeep
    chrysler tesla fiat ferrari lamborghini maserati alfa renault peugeot citroen citroën
    volvo saab skoda škoda seat dacia jaguar land-rover bentley rolls-royce boeing airbus
    embraer cessna bombardier""".split()  # noqa: SIM905
)
#: Words after a maker's name that make it the company's: "Ford Motor", "BMW Group".
_MAKER_COMPANY = frozenset(
    """motor motors group corp corporation co inc ag sa plc company holdings foundation
    financial credit bank capital racing team commercial defence defense aerospace
    automotive industries north america usa uk europe""".split()  # noqa: SIM905
)


def _products(names: list[Name], tokens: Tokens, lex: Lexicon) -> list[Name]:
    """A maker's name and a model's ("VW Beetle", "Airbus A320") is a product: the panes leave
    products out, as they do events and laws. The maker alone stays an organisation, and so
    does the maker in a place ("Toyota Australia"), and on a line in capitals ("SKODA PLZEN", a
    share in a table); a place's name stays a place's."""
    words = tokens.words
    out = []
    for name in names:
        if name.last - name.first < 2 or words[name.first].lower().rstrip(".") not in _MAKERS:
            out.append(name)  # most names: not two words or more opening with a maker's
            continue
        span = [w.lower().rstrip(".") for w in words[name.first : name.last]]
        if (
            name.type != "PER"
            and not any(w in _MAKER_COMPANY or w in COMPANY_ENDS for w in span[1:])
            and not any(fold(w) in lex.places for w in words[name.first + 1 : name.last])
            and fold(" ".join(words[name.first : name.last])) not in lex.places
            and not tokens.caps[name.first]
        ):
            name = Name(name.first, name.last, "MISC", name.confidence)
        out.append(name)
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
        elif (
            kind == "PER"
            and out
            and out[-1].type == "LOC"
            and out[-1].last == name.first - 1
            and text[tokens.ends[name.first - 2] : tokens.starts[name.first]] == ", "
            and fold(" ".join(words[name.first : name.last])) in lex.places
        ):
            kind = "LOC"  # "Las Vegas, Nevada": a place's region after it
        elif words[name.first].lower() in _PLACE_OPENERS and name.last - name.first > 1:
            kind = "LOC"
            if nxt is not None and all(w in PARTICLES for w in words[name.last : nxt.first]):
                # "Santa Lucía del Monte": the rest of a place's name, after its particles
                name = Name(name.first, nxt.last, kind, name.confidence)
                names[k + 1] = Name(nxt.first, nxt.first, nxt.type, 0.0)
        elif name.last - name.first == 1 and fold(words[name.first]) not in lex.places:
            org, noun = org_and_noun(text, tokens.starts[name.first], tokens.ends[name.first])
            kind = "ORG" if org else _CUE_TYPES.get(noun or "", kind)
        if (kind, sure) != (name.type, name.confidence):
            name = Name(name.first, name.last, kind, sure)  # a cue makes the type surer too
        out.append(name)
    return out
