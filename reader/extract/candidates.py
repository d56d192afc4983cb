"""Find candidate name spans: runs of capitalised words, split into plausible names.

One compiled regex finds runs of capitalised words (with initials, abbreviations such as
"U.S.", name particles and connectors such as "of"); the few runs are then split in Python at
possessives, at connectors that do not belong to a name, and at common words in headlines.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass

from .lexicon import (
    CONNECTORS,
    HYPHEN_PARTICLES,
    OF_HEADS,
    ORG_CUES,
    PARTICLES,
    Lexicon,
    fold,
)

_UP = "".join(c for c in map(chr, range(0x41, 0x250)) if c.isupper())
_UPC = f"[{re.escape(_UP)}]"
_SEP = "[ \u00a0]"
_ITEM = (
    r"(?:Mr|Mrs|Ms|Dr|Sen|Rep|Gov|Gen|Lt|Col|Capt|Sgt|Maj|Adm|Cmdr|Prof|Rev|St|Mt|Ft|Sr|Jr)\."
    rf"(?={_SEP}+{_UPC})"
    r"|(?:Co|Inc|Corp|Ltd|Bros|Jr|Sr)\.(?!\w)"
    rf"|(?:{_UPC}\.){{2,}}"
    rf"|{_UPC}\.(?={_SEP}+{_UPC})"
    rf"|(?:[a-z]{{1,6}}-)?{_UPC}(?:\w|[’'&](?=[^\W\d_])|-(?=\w))*"
)
_CONN = "|".join(sorted(PARTICLES | CONNECTORS, key=len, reverse=True))
_CONN = _CONN.replace("&", r"\&")
RUN_RE = re.compile(rf"(?<![\w’'.&-])(?:{_ITEM})(?:{_SEP}(?:(?:{_CONN}){_SEP})*(?:{_ITEM}))*")
TOKEN_RE = re.compile(rf"{_ITEM}|(?<!\S)(?:{_CONN})(?!\S)")
_CAPS_WORD = re.compile(r"[A-Z]{2,}")
_LINE_RE = re.compile(r"[^\n]+")
_BYLINE_RE = re.compile(r"\s*By\s+\S", re.IGNORECASE)
_INITIAL_BEFORE = frozenset("\n.!?:;—–|•")
_SKIP_BEFORE = frozenset(" \t\u00a0“\"‘'(«[*")
_END_PUNCT = frozenset('.!?:;”"’')
_POSS_CUES = frozenset(
    [
        "square",
        "cathedral",
        "church",
        "basilica",
        "hospital",
        "college",
        "school",
        "park",
        "bridge",
        "island",
        "day",
    ]
)

# Line kinds.
BODY, HEADLINE, BYLINE = 0, 1, 2


@dataclass(slots=True)
class Segment:
    tokens: list[tuple[int, int, str]]
    initial: bool  # the first token starts a sentence (its capital says nothing)
    possessive: bool  # followed by ’s
    prefix: str  # a lower-case hyphen prefix cut off the first token ("then", "pro")
    line: int  # BODY, HEADLINE or BYLINE
    dateline: bool  # an all-caps run that opens a line

    @property
    def start(self) -> int:
        return self.tokens[0][0]

    @property
    def end(self) -> int:
        return self.tokens[-1][1]


class Lines:
    """The text's lines with their kind, looked up by offset."""

    def __init__(self, text: str) -> None:
        self.starts: list[int] = []
        self.kinds: list[int] = []
        for m in _LINE_RE.finditer(text):
            self.starts.append(m.start())
            self.kinds.append(_line_kind(m.group()))

    def kind_at(self, pos: int) -> int:
        i = bisect_right(self.starts, pos) - 1
        return self.kinds[i] if i >= 0 else BODY


def _line_kind(line: str) -> int:
    stripped = line.strip()
    if len(stripped) > 160 or not stripped:
        return BODY
    if _BYLINE_RE.match(line) and len(stripped) < 100:
        return BYLINE
    if stripped[-1] in _END_PUNCT and not stripped.isupper():
        return BODY
    words = [w for w in stripped.split() if w[:1].isalpha() and len(w) > 3]
    if len(words) < 2:
        return HEADLINE if stripped.isupper() and len(stripped.split()) > 1 else BODY
    caps = sum(1 for w in words if w[0].isupper())
    return HEADLINE if caps >= 0.7 * len(words) else BODY


def is_initial(text: str, pos: int) -> bool:
    i = pos - 1
    while i >= 0 and text[i] in _SKIP_BEFORE:
        i -= 1
    if i < 0 or text[i] in _INITIAL_BEFORE:
        if i >= 0 and text[i] == ".":
            j = i
            while j > 0 and text[j - 1].isalpha():
                j -= 1
            if text[j:i] in _NO_STOP_ABBR:
                return False
        return True
    return False


_NO_STOP_ABBR = frozenset(
    [
        "Mr",
        "Mrs",
        "Ms",
        "Dr",
        "Sen",
        "Rep",
        "Gov",
        "Gen",
        "Lt",
        "Col",
        "Capt",
        "Sgt",
        "Maj",
        "Adm",
        "Prof",
        "Rev",
        "St",
    ]
)


# Lower-case hyphen tails that make a compound adjective, not a given-name syllable ("Kim-led").
_ADJ_TAILS = frozenset(
    """led based backed born era style made run owned funded linked bound free like type wide
    level class size sized only held allied aligned listed area zone old year day week""".split()  # noqa: SIM905
)


def _split_token(
    s: int, e: int, tok: str, lex: Lexicon, inner: bool = False
) -> tuple[int, int, str, str, bool]:
    """Trim one capitalised token: possessive, lower-case prefix, lower-case hyphen tail."""
    possessive = False
    if len(tok) > 2 and tok[-2] in "’'" and tok[-1] in "sS":
        tok, e, possessive = tok[:-2], e - 2, True
    prefix = ""
    if tok[0].islower():
        head, _, rest = tok.partition("-")
        if head not in HYPHEN_PARTICLES:
            prefix, tok, s = head, rest, s + len(head) + 1
    if "-" in tok[1:]:
        parts = tok.split("-")
        keep = [parts[0]]
        for p in parts[1:]:
            lower_word = p[:1].islower() and p not in HYPHEN_PARTICLES and p in lex.common
            if lower_word and inner and len(keep) == 1 and len(keep[0]) <= 4 and len(p) <= 5:
                # a two-syllable given name after a surname: "Joo Soo-ho", "Kim Ji-young"
                lower_word = p in _ADJ_TAILS or not keep[0][:1].isupper()
            if not p or lower_word or p[0].isdigit():
                break
            keep.append(p)
        cut = "-".join(keep)
        if (
            len(keep) == 2
            and fold(cut) not in lex.places
            and all(fold(p) in lex.places or fold(p) in lex.demonyms for p in keep)
        ):
            cut = keep[0]  # Russia-Ukraine: the first place (the second is lost)
        if cut != tok:
            if len(tok) > len(cut) and tok[len(cut)] == "-" and len(keep) < len(parts):
                possessive = False
            e, tok = s + len(cut), cut
    return s, e, tok, prefix, possessive


def segments(text: str, lex: Lexicon, lines: Lines) -> list[Segment]:
    out: list[Segment] = []
    for m in RUN_RE.finditer(text):
        run_start = m.start()
        kind = lines.kind_at(run_start)
        toks: list[tuple[int, int, str]] = []
        for t in TOKEN_RE.finditer(m.group()):
            toks.append((run_start + t.start(), run_start + t.end(), t.group()))
        _split_run(text, toks, kind, lex, out)
    return out


def _split_run(
    text: str, toks: list[tuple[int, int, str]], kind: int, lex: Lexicon, out: list[Segment]
) -> None:
    cur: list[tuple[int, int, str]] = []
    pending: list[tuple[int, int, str]] = []  # connectors waiting for the next capital
    prefix = ""
    common = lex.common
    n = len(toks)

    def close(possessive: bool = False) -> None:
        nonlocal cur, prefix
        if cur:
            s0 = cur[0][0]
            initial = is_initial(text, s0 - len(prefix) - 1 if prefix else s0)
            dateline = cur[0][2].isupper() and len(cur[0][2]) > 1 and _line_opening(text, s0)
            out.append(Segment(cur, initial, possessive, prefix, kind, dateline))
        cur, prefix = [], ""

    for i, (s, e, tok) in enumerate(toks):
        if (
            tok[0].islower()
            and ("-" not in tok or tok.split("-")[0] in HYPHEN_PARTICLES)
            and (tok in PARTICLES or tok in CONNECTORS)
        ):
            if cur and kind != BYLINE and _conn_ok(cur, pending, tok, toks[i + 1 :], lex):
                pending.append((s, e, tok))
            else:
                close()
                pending = []
            continue
        s, e, tok, pre, poss = _split_token(s, e, tok, lex, bool(cur) and not pending)
        if not tok:
            close()
            pending = []
            continue
        low = tok.lower()
        breaker = (
            kind == HEADLINE
            and (low in common or _caps_common(tok, common))
            and not (fold(tok) in lex.places or fold(tok) in lex.orgs or fold(tok) in lex.demonyms)
        )
        after_abbr = (
            cur
            and cur[-1][2].count(".") > 1
            and low in common
            and not pending
            and not _ends_org(toks[i:])
        )
        style_change = kind == BYLINE and cur and cur[-1][2].isupper() != tok.isupper()
        if pre or breaker or after_abbr or style_change:
            close()
            pending = []
        if breaker:
            continue
        if pending:
            cur.extend(pending)
            pending = []
        if not cur:
            prefix = pre
        cur.append((s, e, tok))
        if poss and i + 1 < n and toks[i + 1][2].lower() in _POSS_CUES:
            cur[-1] = (s, e + 2, text[s : e + 2])
            continue
        if poss or (e < len(text) and text[e : e + 1] == "-" and i + 1 < n):
            close(poss)
            pending = []
    close()


def _ends_org(rest: list[tuple[int, int, str]]) -> bool:
    """The capitalised words from here on end in an organisation word: "Security Council"."""
    words = []
    for t in rest:
        if t[2][:1].islower():
            break
        words.append(t[2].lower())
    return len(words) >= 2 and words[-1] in ORG_CUES


def _caps_common(tok: str, common: frozenset[str]) -> bool:
    return tok.isupper() and tok.lower() in common


def _line_opening(text: str, pos: int) -> bool:
    """True when only a "date ..." header or spaces precede ``pos`` on its line."""
    ls = text.rfind("\n", 0, pos) + 1
    head = text[ls:pos].strip()
    return not head or (head.startswith("date ") and len(head) <= 16)


def _conn_ok(
    cur: list[tuple[int, int, str]],
    pending: list[tuple[int, int, str]],
    conn: str,
    rest: list[tuple[int, int, str]],
    lex: Lexicon,
) -> bool:
    if conn in PARTICLES and conn not in CONNECTORS:
        return True
    if pending:
        prev = pending[-1][2]
        if prev in ("de", "van", "von") and conn in ("la", "le", "los", "las", "der", "den"):
            return True
        return conn == "the" and prev in ("of", "for", "on")
    phrase = " ".join(t[2] for t in cur) + " " + conn
    for k in range(1, min(4, len(rest) + 1)):
        cand = fold(phrase + " " + " ".join(t[2] for t in rest[:k]))
        if cand in lex.places or cand in lex.orgs:
            return True
    last = cur[-1][2].lower()
    words = [t[2].lower() for t in cur]
    if conn == "&":
        return True
    if conn == "and":
        if any(w in ORG_CUES for w in words) and ("of" in words or "for" in words):
            return not rest or not rest[0][2][0].islower()
        if any(w in ORG_CUES for w in words) or fold(" ".join(words)) in lex.places:
            return False
        right = []
        for t in rest:
            if t[2][0].islower():
                break
            right.append(t[2].lower())
        return bool(right) and right[-1] in ORG_CUES and len(right) > 1
    if conn in ("de", "du", "la", "le", "del", "des"):
        return True
    if conn in ("for", "on"):
        return last in ORG_CUES
    return last.rstrip(".") in OF_HEADS or "of" in words


__all__ = ["BODY", "BYLINE", "HEADLINE", "Lines", "Segment", "is_initial", "segments"]
