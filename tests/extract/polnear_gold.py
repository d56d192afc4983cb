"""Gold quotes with their speakers, derived from PolNeAR's attribution annotations.

PolNeAR (``networkdynamics/PolNeAR``) annotates attributions in US political news: a Source (who),
a Cue ("said", ":") and a Content (what), as brat stand-off spans in ``<split>/attributions/
<article>_<annotator>.ann`` over ``<split>/text/<article>.txt``. It marks every attribution, not
only quotations, so the quotes and their speakers are derived here. The rules are a heuristic and
are the definition the scorer measures against:

1. **Quotes.** A quoted span is the text between a pair of double quotation marks (“…” or "…")
   inside one paragraph (a line); a quote left open at the end of a paragraph runs to its end, so
   a multi-paragraph quote gives one span per paragraph. Single marks count only in an article
   with no double marks at all. The span excludes the marks, surrounding spaces and a trailing
   comma. A quoted span is a *gold quote* when at least half of its characters lie inside the
   Content of one attribution (the one covering most of it); other quoted spans (titles,
   nicknames, scare quotes nobody is said to have said) are not scored as quotes.
2. **Annotator.** An article annotated by several annotators is read from the first annotation
   file in name order, so every run sees the same gold.
3. **Speaker.** From the attribution's Source span:

   * no Source: no speaker (``kind`` "none");
   * a pronoun (he, she, his, her, him; it, they, we, I) or a relative pronoun (who, which,
     that): ``kind`` "pronoun", resolved below;
   * a Source holding a name (a capitalised word that the article does not also write in
     lower case, so "Officials" opening a sentence is no name): ``kind`` "named". The name is
     the last run of capitalised words in the first comma-separated part that has one,
     possessives and parentheses ("(R-SC)") dropped, and a run that is only a possessive
     modifier ("Trump's campaign manager") skipped; leading titles stay, the comparison drops
     them;
   * anything else (``kind`` "description"): the description itself, determiners dropped ("a
     spokesman" -> "spokesman"), compared by its head noun.

   A he/she pronoun resolves to the nearest earlier *candidate* of a compatible gender within
   the pronoun's paragraph and the two paragraphs before it: candidates are the named Sources of
   earlier attributions and the names that open a sentence (the subject position). A candidate's
   gender comes from honorifics in the article ("Mr. Holt", "Ms. Holt", "Mrs."), a short list of
   common first names, and earlier he/she pronouns already resolved to it; an unknown gender is
   compatible. "who"/"which"/"that" resolve to the nearest name before them in the same sentence.
   "it", "they" and "we" resolve to the nearest earlier Source within the same distance that is
   not a he/she person. "I" and anything unresolved get no speaker. Some resolutions are wrong;
   this is why the scorer reports named and pronoun sources apart.

Everything here reads files only from the folder it is given; nothing is copied anywhere.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from pathlib import Path

from reader.article import load_article

SPLITS = ("train", "dev")  # the test split is kept for judging and never read here

_T_LINE = re.compile(r"^(T\d+)\t(\S+) ([\d ;]+)\t", re.M)
_E_LINE = re.compile(r"^E\d+\t(.+)$", re.M)
_DOUBLE = re.compile(r'[“”"]')
_SINGLE = re.compile(r"[‘’]")
_PARA = re.compile(r"[^\n]+")
_WORD = re.compile(r"[A-Za-z][\w’'.-]*|\S")

REFLEXIVE = frozenset("himself herself themselves itself".split())  # noqa: SIM905
HE_SHE = frozenset("he she his her him himself herself".split())  # noqa: SIM905
OTHER_PRONOUNS = frozenset("it its they their them we our us i my me you".split())  # noqa: SIM905
RELATIVE = frozenset("who whom whose which that".split())  # noqa: SIM905
PRONOUNS = HE_SHE | OTHER_PRONOUNS | RELATIVE
_FUNCTION = frozenset(
    """on with in at for but and after as when while if though then so yet also by from to of
    during before since under over like unlike despite according meanwhile still even now
    asked""".split()  # noqa: SIM905
)
# Titles, which alone make no name ("Secretary of State"): the comparison drops them too.
TITLES = frozenset(
    """mr mrs ms miss dr sen senator rep gov governor president secretary vice former gen
    general attorney judge justice mayor speaker leader chairman chairwoman chair prof rev
    sir lady lord state house majority minority democratic republican gop""".split()  # noqa: SIM905
)
_NOT_NAMES = frozenset(
    """jan feb mar apr jun jul aug sep sept oct nov dec january february march april may june
    july august september october november december monday tuesday wednesday thursday friday
    saturday sunday we’ve we've i’m i'm""".split()  # noqa: SIM905
)
_DETS = frozenset("the a an this that these those its his her their our one some".split())  # noqa: SIM905
_MALE = frozenset(
    """donald bill bernie ted marco john jeb chris mike ben rand paul barack joe tim jim james
    robert michael david richard thomas charles george steve steven mark kevin brian jeff jason
    eric scott newt rudy reince corey stephen sean rick lindsey mitch harry reid roger
    william peter andrew daniel anthony matthew gary larry frank jack martin lincoln""".split()  # noqa: SIM905
)
_FEMALE = frozenset(
    """hillary kellyanne carly elizabeth nancy melania ivanka chelsea huma hope sarah michelle
    mary patricia jennifer linda barbara susan jessica karen lisa nicole donna sandra laura
    ann anne amy emily katie kate maria julie rachel rebecca jane debbie nikki condoleezza
    madeleine loretta samantha megyn katrina kayleigh omarosa""".split()  # noqa: SIM905
)


@dataclass(frozen=True)
class GoldQuote:
    start: int
    end: int
    speaker: str | None  # a name, a description, or None
    kind: str  # named, pronoun, description, none
    source: str | None  # the Source span's text as annotated
    also: tuple[str, ...] = ()  # names the article gives a description speaker


@dataclass(frozen=True)
class GoldArticle:
    name: str
    path: Path
    text: str
    quotes: tuple[GoldQuote, ...]
    quoted_spans: tuple[tuple[int, int], ...]  # every quoted span, gold or not


@dataclass(frozen=True)
class _Attribution:
    content: tuple[tuple[int, int], ...]
    source: tuple[tuple[int, int], ...] | None


# -- reading ---------------------------------------------------------------------------------
def annotation_files(folder: Path, split: str) -> dict[str, Path]:
    """Each article of ``split`` with its first annotation file in name order."""
    if split not in SPLITS:
        raise ValueError(f"unknown split {split!r}")
    chosen: dict[str, Path] = {}
    for ann in sorted((folder / split / "attributions").glob("*.ann")):
        article = ann.stem.rsplit("_", 1)[0]
        chosen.setdefault(article, ann)
    return chosen


def read_attributions(ann_text: str) -> list[_Attribution]:
    """The attributions of one brat file: their Content and Source spans."""
    spans: dict[str, tuple[tuple[int, int], ...]] = {}
    for m in _T_LINE.finditer(ann_text):
        frags = []
        for frag in m.group(3).split(";"):
            a, b = frag.split()
            frags.append((int(a), int(b)))
        spans[m.group(1)] = tuple(frags)
    out = []
    for m in _E_LINE.finditer(ann_text):
        args = dict(a.split(":", 1) for a in m.group(1).split() if ":" in a)
        content = spans.get(args.get("Content", ""))
        if content is None:
            continue
        out.append(_Attribution(content, spans.get(args.get("Source", ""))))
    return out


# -- quoted spans ----------------------------------------------------------------------------
def _trim(text: str, a: int, b: int) -> tuple[int, int]:
    while a < b and text[a] in " \t":
        a += 1
    while b > a and text[b - 1] in " \t,":
        b -= 1
    return a, b


def quoted_spans(text: str) -> list[tuple[int, int]]:
    """Every quoted span (inner text), one per paragraph, in text order."""
    single = not any(c in text for c in '“”"')
    out = []
    for para in _PARA.finditer(text):
        lo, hi = para.span()
        open_at = None
        marks = _SINGLE if single else _DOUBLE
        for m in marks.finditer(text, lo, hi):
            i, ch = m.start(), m.group()
            before = text[i - 1] if i > lo else " "
            after = text[i + 1] if i + 1 < hi else " "
            if single and before.isalnum() and after.isalnum():
                continue  # an apostrophe
            if open_at is None:
                if ch in "“‘" or (ch == '"' and not after.isspace()):
                    open_at = i
                continue
            if ch in "”’" or ch == '"':
                out.append(_trim(text, open_at + 1, i))
                open_at = None
            elif ch in "“‘":
                out.append(_trim(text, open_at + 1, i))  # never closed: a new one opens
                open_at = i
        if open_at is not None:
            out.append(_trim(text, open_at + 1, hi))
    return [(a, b) for a, b in out if b > a]


def _overlap(a: int, b: int, frags: tuple[tuple[int, int], ...]) -> int:
    return sum(max(0, min(b, y) - max(a, x)) for x, y in frags)


# -- speakers --------------------------------------------------------------------------------
def _joined(text: str, frags: tuple[tuple[int, int], ...]) -> str:
    return " ".join(text[a:b] for a, b in frags)


class _Names:
    """Name knowledge of one article: which capitalised words are only ever capitalised, and
    the gender its honorifics give a surname."""

    def __init__(self, text: str) -> None:
        self.text = text
        # words written in lower case as words of a sentence (not inside an address or handle)
        self.lower_words = set(re.findall(r"(?<=\s)[a-z][a-z’'-]*(?=[\s,;:!?]|\.\s)", text))
        self.gender: dict[str, str] = {}
        for m in re.finditer(r"\b(Mr|Mrs|Ms|Miss)\.? ([A-Z][\w’'-]+)", text):
            self.gender.setdefault(m.group(2).lower(), "m" if m.group(1) == "Mr" else "f")
        # a surname's gender from the first names written with it ("Bernie Sanders"), by
        # majority, where no honorific says
        votes: dict[str, list[int]] = {}
        for m in re.finditer(r"\b([A-Z][a-z]+) (?:[A-Z]\. )?([A-Z][\w’'-]+)", text):
            first, last = m.group(1).lower(), m.group(2).lower()
            v = votes.setdefault(last, [0, 0])
            if first in _MALE:
                v[0] += 1
            elif first in _FEMALE:
                v[1] += 1
        for last, (male, female) in votes.items():
            if male != female:
                self.gender.setdefault(last, "m" if male > female else "f")

    def name_like(self, word: str) -> bool:
        low = word.lower().rstrip(".")
        return word[:1].isupper() and low not in self.lower_words and low not in _NOT_NAMES

    def gender_of(self, name: str) -> str | None:
        words = [w.lower().strip(".,") for w in name.split()]
        if words and words[-1] in self.gender:
            return self.gender[words[-1]]
        for w in words:
            if w in _MALE:
                return "m"
            if w in _FEMALE:
                return "f"
        return None


# Things a person or body issues: "Axelrod's memoir said" is Axelrod's word.
_ISSUED = frozenset(
    """statement campaign office memoir book website site account tweet tweets letter release
    report email emails post video ad ads spokesman spokeswoman spokesperson team""".split()  # noqa: SIM905
)


_PARTICLES = frozenset("de van von der al bin la le du da di".split())  # noqa: SIM905
_LINKS = frozenset("of from at in and or who which that whose himself herself".split())  # noqa: SIM905


def _runs(words: list[str], names: _Names) -> list[tuple[int, int]]:
    """Runs of capitalised words (name particles inside a run allowed), leading words the
    article also writes in lower case dropped ("Maybe Trump", "President Obama")."""
    runs = []
    i = 0
    while i < len(words):
        if not words[i][:1].isupper():
            i += 1
            continue
        j = i + 1
        while j < len(words) and (
            words[j][:1].isupper() or (words[j] in _PARTICLES and j + 1 < len(words))
        ):
            j += 1
        k = i
        while k < j - 1 and not names.name_like(words[k].rstrip(".")):
            k += 1
        runs.append((k, j))
        i = j
    return runs


def _clean(word: str) -> str:
    return word.removesuffix("’s").removesuffix("'s").rstrip("’'")


def source_name(source: str, names: _Names) -> str | None:
    """The name a Source span holds ("Republican nominee Donald Trump" -> "Donald Trump"),
    or None for a description or pronoun. A run before a lower-case noun is a modifier ("the
    Florida senator", "a Clinton aide"), and so is a possessive ("Trump's campaign manager")."""
    source = re.sub(r"\([^)]*\)", " ", source)
    for part in source.split(","):
        words = _WORD.findall(part)
        while words and (words[0].lower() in _DETS or words[0].lower() in _FUNCTION):
            words = words[1:]
        if words and words[0][:1].islower():
            # "a person close to the Clintons", "a spokesman for Sanders": a description
            for w in words[1:]:
                if w[:1].isupper():
                    break
                if w.lower() in _POST_MODIFIERS:
                    return None
        for k, w in enumerate(words):
            if w.lower() in ("who", "whom", "whose", "which", "that") and k:
                words = words[:k]  # "a member who supports Trump": not Trump
                break
            if w not in ("of", "from", "at", "by", "on", "in"):
                continue
            if w in ("on", "in") and not (words[k - 1][:1].isupper() if k else False):
                continue  # "Republicans on Capitol Hill" -> Republicans
            if k and words[k - 1].lower() in _ISSUED and w != "at":
                # "a letter from the American Legion": what was issued speaks for its author
                return source_name(" ".join(words[k + 1 :]), names)
            # "Marco Rubio of Florida", "Jo Anders at the Ledger": the name before the preposition
            if any(x[:1].isupper() and x.lower().rstrip(".") not in TITLES for x in words[:k]):
                words = words[:k]
                break
        best = None
        for i, j in _runs(words, names):
            run = words[i:j]
            nxt = words[j] if j < len(words) else ""
            possessive = run[-1].endswith(("’s", "'s", "’", "'")) or nxt in ("’s", "'s")
            modifier = nxt[:1].islower() and nxt not in _LINKS and not nxt[:1].isdigit()
            if nxt and (possessive or modifier):
                continue
            if not any(
                names.name_like(w.rstrip(".’'s")) and w.lower().rstrip(".") not in TITLES
                for w in run
                if len(w) > 1
            ):
                continue
            best = " ".join(_clean(w) for w in run)
        if best:
            return best
    return None


_POST_MODIFIERS = frozenset(
    """of for in at from with to on who that which whose involved familiar close and or
    including like""".split()  # noqa: SIM905
)


def description(source: str) -> str:
    """A description Source up to its head noun: determiners, and what follows the head ("a
    source involved in …", "the letter to …", "the congressman, who …"), dropped."""
    words = re.sub(r"\([^)]*\)", " ", source).replace(",", " , ").split()
    while words and words[0].lower() in _DETS:
        words = words[1:]
    for k, w in enumerate(words):
        if k and (w.lower() in _POST_MODIFIERS or w == ","):
            words = words[:k]
            break
    return " ".join(words) or source


def _description_names(text: str, source: str, pos: int, names: _Names) -> tuple[str, ...]:
    """Names the article gives a description Source: the possessor of what was issued
    ("Gowdy's office", "the Clinton campaign") and, for a definite description ("the Florida
    senator"), the one surname written next to its head noun earlier ("Florida senator Marco
    Rubio", "Marco Rubio, the Florida senator")."""
    words = source.split()
    if len(words) < 2:
        return ()
    out = []
    for k, w in enumerate(words[1:], 1):
        if w.lower() in ("for", "of", "from") and words[k - 1].lower().strip(",") in _ISSUED:
            name = source_name(" ".join(words[k + 1 :]), names)
            if name:
                out.append(name)  # "a spokesman for Bernie Sanders", "a statement from X"
            words = words[:k]
            break
    head = words[-1].lower().strip(".,")
    if head in _ISSUED and len(words) > 1:
        name = source_name(" ".join(words[:-1]).removesuffix("’s").removesuffix("'s"), names)
        if name is None and words[-2][:1].isupper():
            name = _clean(words[-2])
        if name:
            out.append(name)
    if words[0].lower() in ("the", "this") and len(head) > 2 and head.isalpha():
        cap = r"((?:[A-Z][\w’'.-]*\s?){1,4})"
        near = re.compile(
            r"\b(?i:"
            + head
            + r")\s+"
            + cap
            + "|"
            + cap
            + r",\s+(?:the|a|an)\s+(?:[\w’'-]+\s+){0,4}?(?i:"
            + head
            + r")\b"
        )
        found = set()
        for m in near.finditer(text, 0, pos):
            name = source_name((m.group(1) or m.group(2)).strip(), names)
            if name:
                found.add(name.split()[-1])
        if len(found) == 1:
            out.append(found.pop())
    return tuple(dict.fromkeys(out))


@dataclass
class _Said:
    """A resolved Source: where it is and who it names."""

    pos: int
    name: str | None
    kind: str
    gender: str | None = None
    named: bool = False  # ``name`` is a name, not a description
    also: tuple[str, ...] = ()


_SUBJECT = re.compile(
    r"(?:^|(?<=[.!?”\"] )|(?<=\n))((?:[A-Z][\w’'.-]*\s)*[A-Z][\w’'.-]*)"
    r"(?:\s(?:[a-z]+\s){1,3}((?:[A-Z][\w’'.-]*\s)*[A-Z][\w’'.-]*))?",
    re.M,
)
_DESCRIPTORS = frozenset(
    """governor senator candidate nominee chairman chairwoman spokesman spokeswoman secretary
    leader president director manager adviser advisor strategist aide representative mayor
    congressman congresswoman businessman businesswoman host anchor former presidential
    campaign""".split()  # noqa: SIM905
)
_ORG_WORDS = frozenset(
    """administration committee party campaign department house senate congress post times
    news journal network foundation institute center centre council court office agency
    association union group company corporation university school bureau commission board
    fund coalition alliance organization service paper newspaper magazine site website
    station channel outlet publication team firm government movement""".split()  # noqa: SIM905
)


def _sentence_subjects(text: str, names: _Names, surnames: set[str]) -> list[tuple[int, str]]:
    """Names that open a sentence, the subject position: (position, name). "Former Arizona
    governor Jan Brewer" gives Jan Brewer. A single word counts only as a known speaker's
    surname, so "Dismayed" or "Loyalty" opening a sentence is no name."""
    out = []
    for m in _SUBJECT.finditer(text):
        first, second = m.group(1), m.group(2)
        between = text[m.end(1) : m.start(2)].split() if second else []
        if second and all(w in _DESCRIPTORS for w in between):
            first = second
        name = source_name(first, names)
        if not name:
            continue
        if len(name.split()) == 1 and name.lower() not in surnames:
            continue
        out.append((m.start(1), name))
    return out


def _person_like(name: str) -> bool:
    return not any(w.lower() in _ORG_WORDS for w in name.split()) and not name.isupper()


def derive(text: str, attributions: list[_Attribution]) -> list[GoldQuote]:
    """The gold quotes of one article (see the module's rules)."""
    names = _Names(text)
    paras = [m.start() for m in _PARA.finditer(text)]

    def para_of(pos: int) -> int:
        return max(0, bisect.bisect_right(paras, pos) - 1)

    # resolve every Source once, in text order, so pronouns can look back
    order = sorted(
        (a for a in attributions if a.source),
        key=lambda a: a.source[0][0],  # type: ignore[index]
    )
    surnames = set()
    for att in order:
        raw = _joined(text, att.source).strip()  # type: ignore[arg-type]
        name = source_name(raw, names) if raw.lower() not in PRONOUNS else None
        if name:
            surnames.add(name.split()[-1].lower())
    spans = quoted_spans(text)
    starts = [a for a, _ in spans]

    def quoted(pos: int) -> bool:
        i = bisect.bisect_right(starts, pos) - 1
        return i >= 0 and spans[i][0] <= pos < spans[i][1]

    subjects = [(p, n) for p, n in _sentence_subjects(text, names, surnames) if not quoted(p)]
    resolved: dict[int, _Said] = {}
    said: list[_Said] = []
    for att in order:
        src = att.source
        assert src is not None
        pos = src[0][0]
        raw = _joined(text, src).strip()
        low = raw.lower()
        if low in PRONOUNS:
            spk = _resolve_pronoun(text, low, pos, said, subjects, names, para_of)
        else:
            name = source_name(raw, names)
            if name:
                spk = _Said(pos, name, "named", names.gender_of(name), True)
            else:
                desc = description(raw)
                also = _description_names(text, raw, pos, names)
                first = raw.split()[0].lower() if raw.split() else ""
                if first in ("the", "this", "his", "her", "their", "its"):
                    # a definite description refers back: "the former president said" is the
                    # person last named, found as a pronoun's antecedent is
                    head = desc.split()[-1].lower() if desc.split() else ""
                    words = ("they",) if head in _ORG_WORDS else ("he", "she")
                    found = [
                        _resolve_pronoun(text, w, pos, said, subjects, names, para_of)
                        for w in words
                    ]
                    also += tuple(x.name for x in found if x.name and x.named)
                spk = _Said(pos, desc, "description", also=also)
        said.append(spk)
        resolved[id(att)] = spk
    out = []
    for a, b in quoted_spans(text):
        best, best_ov = None, 0
        for att in attributions:
            ov = _overlap(a, b, att.content)
            if ov > best_ov:
                best, best_ov = att, ov
        if best is None or best_ov * 2 < b - a:
            continue
        if best.source is None:
            out.append(GoldQuote(a, b, None, "none", None))
            continue
        spk = resolved[id(best)]
        out.append(GoldQuote(a, b, spk.name, spk.kind, _joined(text, best.source), spk.also))
    return out


def _resolve_pronoun(
    text: str,
    word: str,
    pos: int,
    said: list[_Said],
    subjects: list[tuple[int, str]],
    names: _Names,
    para_of,
) -> _Said:
    lo_para = para_of(pos) - 2
    if word in RELATIVE:
        # the antecedent is the phrase right before: "said Beck, who said", "Sen. Marco Rubio
        # of Florida, who", "a plan that"
        before = text[max(0, pos - 120) : pos].rstrip(" ,")
        cut = max(before.rfind(c) for c in (". ", "“", "”", '"', "\n", ",", "(", ";", ":"))
        name = source_name(before[cut + 1 :], names) if before else None
        return _Said(pos, name, "pronoun", names.gender_of(name) if name else None, bool(name))
    if word in HE_SHE:
        want = "m" if word in ("he", "his", "him", "himself") else "f"
        cands = [(s.pos, s.name, s) for s in said if s.name and s.named]
        cands += [(p, n, None) for p, n in subjects if p < pos]
        cands.sort(key=lambda c: c[0])
        near = [c for c in cands if c[0] < pos and para_of(c[0]) >= lo_para]
        genders = []
        for _p, name, spk in near:
            g = spk.gender if spk is not None and spk.gender else names.gender_of(name)
            if g is None:
                g = next((x.gender for x in reversed(said) if x.name == name and x.gender), None)
            genders.append(g)
        # the nearest of the pronoun's gender; failing that, the nearest person of no known
        # gender (an organisation or a plural is never "he" or "she")
        # the nearest whose gender fits or is unknown (most names come with no honorific);
        # an organisation is never "he" or "she"
        for (_p, name, _s), g in zip(reversed(near), reversed(genders), strict=True):
            if g == want or (g is None and _person_like(name)):
                return _Said(pos, name, "pronoun", want, True)
        return _Said(pos, None, "pronoun")
    if word in ("it", "its", "they", "their", "them", "we", "our", "us"):
        for s in reversed(said):
            if para_of(s.pos) < lo_para:
                break
            if s.name and s.gender is None and s.kind in ("named", "description"):
                return _Said(pos, s.name, "pronoun", None, s.named)
        return _Said(pos, None, "pronoun")
    return _Said(pos, None, "pronoun")


def load_split(folder: Path, split: str) -> list[GoldArticle]:
    """Every article of ``split`` read as the reader reads it, with its gold quotes.

    The text is ``Article.text`` from ``load_article`` (what the extractor runs on); PolNeAR's
    offsets index the file's characters, and the loader keeps a plain-text file's characters,
    which is checked.
    """
    out = []
    for article, ann in annotation_files(folder, split).items():
        path = folder / split / "text" / f"{article}.txt"
        text = load_article(path).text
        if text != path.read_text(encoding="utf-8"):
            raise ValueError(f"{path.name}: the loader changed the text; offsets would not hold")
        atts = read_attributions(ann.read_text(encoding="utf-8"))
        quotes = tuple(derive(text, atts))
        out.append(GoldArticle(article, path, text, quotes, tuple(quoted_spans(text))))
    return out
