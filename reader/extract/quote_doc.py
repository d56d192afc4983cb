"""One article read for its quotes: paragraphs, quoted pieces, the writer's text with every
quote blanked (same length), the writer's sentences, and the clause analysis and speaker
resolution over them. What a quote's credit is made of (``Credit``) and the items found so far
(``QuoteItem``) live here too; the credit finders (``credits_after``, ``credits_before``) build on
``QuoteDoc``, and ``quotes`` runs them in order.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

from reader.article.sentences import MAY_END, MONTHS, NEVER_FINAL, OPENER_WORDS

from .attribution import INVERTING, Resolver, Speaker
from .clauses import Analyzer, Phrase, Tokens
from .model import Entity
from .quote_marks import Piece, find_pieces, paragraphs
from .speakers import SpeakerRefs
from .titles import is_nickname

#: A paragraph that announces a transcript or an excerpt, and names no speaker.
HEADING = re.compile(
    r"(?:(?:partial|full|a|an|the)\s+)?(?:transcript|excerpts?|text)(?:\s+(?:as\s+)?follows"
    r"|\s+below)?\s*:",
    re.I,
)
# The first mark spelt out alone ("[.!?][.!?]*", not "[.!?]+") lets the regex engine skip to
# the next one quickly instead of trying a match at every character.
_BOUND = re.compile(r"[.!?][.!?]*[)\]’'\"”]*\s+(?=[\x00A-Z0-9“‘\"(«])")
_INITIALISM = re.compile(r"(?:[A-Za-z]\.)*[A-Za-z]")
_WORD_AFTER = re.compile(r"[\x00“‘\"(«]*([^\s,;:]*)")
FILL = "\x00"
BE_FORMS = frozenset(["is", "are", "was", "were", "be", "been", "’s", "'s", "am"])
_QUICK_LEAD = re.compile(r"(?:But|And|Yet|So|Still|Then|Meanwhile|However|Later|Earlier),? ")
_QUICK_PRONOUNS = frozenset(["He", "She", "They", "he", "she", "they"])
#: A transcript's speaker label that opens a quoted paragraph: "PENCE: Well, look", "SEN.
#: HOLT: No." (capitals, up to four words, then a colon).
LABEL = re.compile(r"((?:[A-Z][A-Z’'.-]*\s){0,3}[A-Z][A-Z’'-]+):\s")


@dataclass(slots=True)
class Credit:
    speaker: Speaker | None
    cue: str | None
    cue_start: int | None
    cue_end: int | None


@dataclass(slots=True)
class QuoteItem:
    start: int
    end: int
    kind: str
    attr: Credit
    para: int
    piece: Piece | None = None


def _mask(text: str, pieces: list[Piece], paras: list[tuple[int, int]]) -> str:
    """``text`` with every quoted span (marks included) blanked out, same length.

    A closing mark after a quote that ends a sentence becomes a full stop, so sentence
    boundaries still fall after it.
    """
    out: list[str] = []
    pos = 0
    for p in pieces:
        end = paras[p.para][1] if p.close is None else p.close + 1
        if p.open < pos:
            continue
        out.append(text[pos : p.open])
        if is_nickname(text, p):
            # 'Del. Marcia “Cia” Price said': read through, as the name it is inside
            out.append(" " * (end - p.open))
            pos = end
            continue
        inner = text[p.open + 1 : end - 1].rstrip()
        fill = FILL * (end - p.open)
        if p.close is not None and inner.endswith((".", "!", "?", "…")):
            fill = fill[:-1] + "."
        elif p.close is not None and inner.endswith(","):
            fill = fill[:-1] + ","  # "After saying it was “…,” she …": the clause's comma
        out.append(fill)
        pos = end
    out.append(text[pos:])
    return "".join(out)


_HEADER = re.compile(r"\s*date\s+\d{4}-\d\d-\d\d\s+[^\n]{0,120}?\)\s*[—–-]\s*")


def _sentence_starts(masked: str, paras: list[tuple[int, int]]) -> list[int]:
    """Where the writer's sentences start, quotes blanked: with the reading pane's own
    knowledge of abbreviations (``reader.article.sentences``), so "Ms. Okafor" or "Paul R.
    Danner" never ends a sentence there and never here."""
    starts = {a for a, _ in paras}
    head = _HEADER.match(masked)
    if head:
        starts.add(head.end())
    for m in _BOUND.finditer(masked):
        i = m.start()
        if masked[i] == ".":
            j = masked.rfind(" ", 0, i)
            j = max(j, masked.rfind("\n", j + 1, i))  # a line break after the space, if any
            token = masked[j + 1 : i].lstrip('(“‘"«[')
            if token in NEVER_FINAL:
                continue
            if token in MAY_END or token in MONTHS or _INITIALISM.fullmatch(token):
                nxt = _WORD_AFTER.match(masked, m.end())
                word = nxt.group(1) if nxt else ""
                if token in MONTHS and word[:1].isdigit():
                    continue
                if word not in OPENER_WORDS:
                    continue
        starts.add(m.end())
    return sorted(starts)


class QuoteDoc:
    """The article, read once: the state every credit finder looks at."""

    def __init__(self, text: str, entities: list[Entity]) -> None:
        self.text = text
        self.paras = paragraphs(text)
        self.para_starts = [a for a, _ in self.paras]
        self.pieces = find_pieces(text, self.paras)
        self.piece_opens = [p.open for p in self.pieces]
        self.masked = _mask(text, self.pieces, self.paras)
        self.starts = _sentence_starts(self.masked, self.paras)
        self._ends: dict[int, int] = {}
        self.res = Resolver(text, self.masked, entities)
        self.res.sentence_start = lambda pos: self.sentence(pos)[0]
        self.res.sentences = self.starts
        self.res.main_subject = self.main_subject  # type: ignore[method-assign]
        self.res.cue_speaker = self.cue_speaker  # type: ignore[method-assign]
        self.res.subject_body = self.subject_body  # type: ignore[method-assign]
        self._subjects: dict[tuple[int, int], Speaker | None] = {}
        places = frozenset(i for i, e in enumerate(entities) if e.type == "PLACE")
        orgs = frozenset(i for i, e in enumerate(entities) if e.type == "ORG")
        self.an = Analyzer(self.masked, self.res.by_start, places, orgs)
        self.an.org_heads = self.res.org_heads
        self.an.by_end = self.res.by_end
        self.an.name_words = frozenset(
            w.lower()
            for e in entities
            if e.type == "PERSON"
            for form in (e.name, *e.aliases)
            for w in form.split()
        )
        self.items: list[QuoteItem] = []
        self._tokens: dict[tuple[int, int], Tokens] = {}

    def para_of(self, pos: int) -> int:
        return max(0, bisect.bisect_right(self.para_starts, pos) - 1)

    def sentence(self, pos: int) -> tuple[int, int]:
        """The sentence that holds ``pos``: its start and its end (at most its paragraph's)."""
        i = bisect.bisect_right(self.starts, pos) - 1
        s = self.starts[i] if i >= 0 else 0
        e = self._ends.get(s)
        if e is None:
            e = self.starts[i + 1] if i + 1 < len(self.starts) else len(self.text)
            if self.paras:
                e = min(e, self.paras[self.para_of(s)][1])
            self._ends[s] = e
        return s, e

    # -- attribution of one quoted piece ---------------------------------------------------
    def tokens(self, s: int, e: int) -> Tokens:
        """The tokens of ``masked[s:e]``; a sentence is tokenized once, and the part of it
        before a position is a view of its tokens."""
        t = self._tokens.get((s, e))
        if t is not None:
            return t
        ss, se = self.sentence(s)
        full = self._tokens.get((s, se)) if ss == s and e < se else None
        t = full.head(full.index_at(e)) if full is not None else Tokens(self.masked, s, e)
        self._tokens[(s, e)] = t
        return t

    def _attr(self, t: Tokens, ph: Phrase, cue: int | None, para_start: int) -> Credit | None:
        spk = self.res.phrase_speaker(t, ph, para_start)
        if spk is None:
            return None
        if cue is None:
            return Credit(spk, None, None, None)
        a, b = self.an.cue_span(t, cue)
        return Credit(spk, self.text[a:b], a, b)

    def main_subject(self, s: int, e: int) -> Speaker | None:
        """The named subject of the text ``[s, e)`` of a sentence: the subject of its first cue
        ("…, Trump asserted that"), else of its first clause; None for a pronoun subject. For
        the start of a sentence up to a pronoun, the cue nearest the pronoun counts ("…, with
        Senator McCain telling reporters he …")."""
        full = e >= self.sentence(s)[1]
        key = (s, e)
        if key in self._subjects:
            return self._subjects[key]
        self._subjects[key] = None  # no recursion through a pronoun
        t = self.tokens(s, e) if e > s else None
        spk = None
        if t is not None and len(t.words):
            an = self.an
            ph = None
            order = range(len(t.words)) if full else range(len(t.words) - 1, -1, -1)
            for k in order:
                if an.is_cue(t, k) and not an.passive(t, k) and not an.reduced(t, k):
                    if k and t.words[k - 1] == "," and t.lows[k] in INVERTING:
                        ph = an.phrase_after(t, k, len(t.words))  # "…, said Jake Horowitz, editor"
                    if ph is None:
                        ph = an.phrase_before(t, k, 0) or an.subject(t, 0, k)
                    break
            if ph is None:
                ph = an.subject(t, 0, len(t.words), passive_ok=True, main=True)
            if ph is not None and ph.head in ("M", "N", "S"):
                spk = self.res.phrase_speaker(t, ph, 0)
            elif ph is not None and ph.head == "D" and t.lows[ph.i] in ("the", "this"):
                # "the GOP candidate went further": the person that description refers to
                spk = self.res.phrase_speaker(t, ph, 0)
                if spk is not None and spk.type not in ("PERSON", "NAME"):
                    spk = None

        if spk is None:
            spk = SpeakerRefs.main_subject(self.res, s, e)
        self._subjects[key] = spk
        return spk

    def subject_body(self, s: int, e: int) -> Speaker | None:
        """The subject of the sentence ``[s, e)`` where it is a body or a description, not a
        person: what "it" or "they" in the next sentence may stand for."""
        if FILL in self.masked[s:e]:
            return None
        t = self.tokens(s, e)
        ph = self.an.subject(t, 0, len(t.words), passive_ok=True, main=True)
        if ph is None or ph.head == "P" or ph.i > 3:
            return None
        spk = self.res.phrase_speaker(t, ph, 0)
        return spk if spk is not None and spk.type in ("ORG", "DESC") else None

    def cue_speaker(self, s: int, e: int, cue: int, para_start: int) -> Speaker | None:
        """The speaker of the cue of saying at ``cue`` in the sentence ``[s, e)`` (reported
        speech: "Officials said the road would reopen"), by the same clause analysis as a
        quote's."""
        quick = self._quick_subject(s, cue, para_start)
        if quick is not None:
            return quick
        # the words up to the cue and a few after it are all it takes (most of a sentence
        # with a cue is what was said)
        lo = s
        if cue - s > 160:
            lo = self.masked.find(" ", cue - 160, cue) + 1 or s  # a long sentence: its end
        t = self.tokens(lo, min(e, cue + 60))
        k = t.index_at(cue)
        if k >= len(t.words) or t.starts[k] != cue:
            return self.res.subject(s, cue, para_start)
        an = self.an
        if t.lows[k].endswith("ing") and (k == 0 or t.words[k - 1] == ","):
            ph = an.subject(t, 0, k)
        else:
            ph = an.phrase_before(t, k, 0)
            if ph is None and t.lows[k] in INVERTING and an.opens_inversion(t, k):
                ph = an.phrase_after(t, k, len(t.words))
            if ph is None:
                ph = an.subject(t, 0, k)
        if ph is None:
            return None
        return self.res.phrase_speaker(t, ph, para_start)

    def _quick_subject(self, s: int, cue: int, para_start: int) -> Speaker | None:
        """The commonest credit read without tokens: a name or a pronoun that opens the
        sentence and ends right before the cue ("Holt said", "She added", "But Ivo Prent
        said"). Anything else is left to the clause analysis."""
        m = self.masked
        b = cue - 1
        while b > s and m[b] == " ":
            b -= 1
        b += 1
        a = s
        lead = _QUICK_LEAD.match(m, s, b)
        if lead is not None:
            a = lead.end()
        word = m[a:b]
        if word in _QUICK_PRONOUNS:
            return self.res.pronoun(word, b, para_start)
        ment = self.res.by_start.get(a)
        if ment is None or ment[1] != b:
            return None
        if self.res.entities[ment[2]].type not in ("PERSON", "ORG"):
            return None
        return self.res.speaker_of(ment[2])

    def syntax_kind(self, p: Piece, attributed_after: bool) -> str:
        """``direct`` for a quoted sentence or clause, ``partial`` for a fragment."""
        lo = self.paras[p.para][0]
        before = self.masked[lo : p.open].rstrip()
        content = self.text[p.start : p.end]
        ch = before[-1] if before else ""
        upper = not content[:1].isalpha() or content[:1].isupper()
        if ch == "" or ch in ".!?" + FILL:
            if attributed_after or content.endswith((".", "!", "?", "…", "—", "-", ";")):
                return "direct"
            close = p.close if p.close is not None else p.end
            if self.text[close + 1 : close + 2] in ("", "\n") or self.text.endswith(",", 0, close):
                return "direct"
            return "partial"
        if ch == ":" or (ch in ",—–-;(" and upper):
            return "direct"
        return "partial"
