"""Quotes: who said what, in quotation marks or as reported speech.

``extract_quotes(text, entities=None)`` finds quoted spans (``quote_marks``), attributes each
to a speaker and adds reported speech (``reported``). Kinds: ``direct`` (a quoted sentence or
clause), ``partial`` (a quoted fragment inside the writer's own sentence), ``continuation`` (a
quote with no attribution of its own that goes on from the previous one by the same speaker,
including the later paragraphs of a multi-paragraph quote) and ``reported``.

A quote's speaker comes from the writer's words around it, read by a shallow clause analysis
(``clauses``) on the text with every quote blanked, in this order: a credit right after the
closing mark ("…,” Holt bristled", "…,” said aide Ivo Prent", "…” before leaving, he said");
the subject of the nearest cue before it in its sentence ("Holt told reporters that “…”"), or of
the reporting cue whose content clause holds that cue ("Meeks said Ortiz reassured them that
“…”"); a possessive before it and a noun of speech after ("Kerr’s “…” slogan"); a colon or a
dash credit ("Jo Anders, The Ledger: “…”", "Kerr’s reply: “…”"); a credit closing the sentence
or right after a later quote in it ("Voters see it as “a trap,” Kerr said."); the subject of the
clause with no cue at all ("Kerr believes it is “a trap”"); a credit in the next sentence or
line ("“…?” Hannity pressed.", "- Sanders."); a sentence before it in the paragraph, or a
paragraph before, that ends with a colon or with a speaker and a cue; and else the speaker of
the quote it continues. A title or a nickname in quotation marks ("on NBC's “Meet the Press”",
``titles``) has no speaker. Pronouns go to the subject or speaker of the nearest clause before
whose gender fits (``speakers``). Pure Python, never raises.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

from reader.article.sentences import MAY_END, MONTHS, NEVER_FINAL, OPENER_WORDS

from .attribution import INVERTING, Resolver, Speaker
from .clauses import Analyzer, Phrase, Tokens, is_quote
from .cues import CUE_WORDS, REPORT_RE, REPORT_WORDS, SPEECH_NOUNS
from .entities import extract_entities
from .lexicon import lexicon
from .model import Entity, Quote
from .quote_lexicon import CONJUNCTIONS, PREPOSITIONS, RELATIVES
from .quote_marks import Piece, find_pieces, paragraphs
from .reported import find_reported
from .speakers import SpeakerRefs
from .titles import is_nickname, is_title

#: A paragraph that announces a transcript or an excerpt, and names no speaker.
_HEADING = re.compile(
    r"(?:(?:partial|full|a|an|the)\s+)?(?:transcript|excerpts?|text)(?:\s+(?:as\s+)?follows"
    r"|\s+below)?\s*:",
    re.I,
)
_BOUND = re.compile(r"[.!?]+[)\]’'\"”]*\s+(?=[\x00A-Z0-9“‘\"(«])")
_INITIALISM = re.compile(r"(?:[A-Za-z]\.)*[A-Za-z]")
_WORD_AFTER = re.compile(r"[\x00“‘\"(«]*([^\s,;:]*)")
_FILL = "\x00"
_CUE_BEFORE = re.compile(r"\b([a-z]+)[ \t]*[,:][ \t]*$")
_BE_FORMS = frozenset(["is", "are", "was", "were", "be", "been", "’s", "'s", "am"])
_QUICK_LEAD = re.compile(r"(?:But|And|Yet|So|Still|Then|Meanwhile|However|Later|Earlier),? ")
_QUICK_PRONOUNS = frozenset(["He", "She", "They", "he", "she", "they"])
_LEADS = frozenset(
    "but and yet still so also then or instead however now later again otherwise".split()  # noqa: SIM905
)
_ARTICLES = frozenset(["the", "a", "an", "another", "one", "some", "his", "her", "their", "its"])
_DASHES = frozenset(["—", "–", "--", "―"])
#: A transcript's speaker label that opens a quoted paragraph: "PENCE: Well, look", "SEN.
#: HOLT: No." (capitals, up to four words, then a colon).
_LABEL = re.compile(r"((?:[A-Z][A-Z’'.-]*\s){0,3}[A-Z][A-Z’'-]+):\s")
#: Words before a participle that make it an aside of the clause: "X, despite admitting …".
_SUBORDINATE_LEADS = frozenset(["despite", "after", "before", "while", "when", "without"])
_SUBORDINATORS = frozenset(["when", "whenever", "if", "after", "before", "once", "as", "while"])


@dataclass(slots=True)
class _Attr:
    speaker: Speaker | None
    cue: str | None
    cue_start: int | None
    cue_end: int | None


@dataclass(slots=True)
class _Item:
    start: int
    end: int
    kind: str
    attr: _Attr
    para: int
    piece: Piece | None = None


def extract_quotes(text: str, entities: list[Entity] | None = None) -> list[Quote]:
    """Quotes and reported speech in ``text``, in text order. Never raises."""
    if not isinstance(text, str) or not text:
        return []
    try:
        if entities is None:
            entities = extract_entities(text)
        return _extract(text, list(entities))
    except Exception:
        return []


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
        fill = _FILL * (end - p.open)
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
            j = max(masked.rfind(" ", 0, i), masked.rfind("\n", 0, i))
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


class _Doc:
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
        self.an.name_words = frozenset(
            w.lower()
            for e in entities
            if e.type == "PERSON"
            for form in (e.name, *e.aliases)
            for w in form.split()
        )
        self.items: list[_Item] = []
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

    def _attr(self, t: Tokens, ph: Phrase, cue: int | None, para_start: int) -> _Attr | None:
        spk = self.res.phrase_speaker(t, ph, para_start)
        if spk is None:
            return None
        if cue is None:
            return _Attr(spk, None, None, None)
        a, b = self.an.cue_span(t, cue)
        return _Attr(spk, self.text[a:b], a, b)

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
        if _FILL in self.masked[s:e]:
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

    def after(self, p: Piece) -> _Attr | None:
        """An attribution right after the closing mark: "…,” Holt said", "…,” responded aide
        Ivo Prent", "…,” Dana Holt bristled."."""
        if p.close is None:
            return None
        s, e = self.sentence(p.open)
        t = self.tokens(s, e)
        q = t.index_at(p.open)
        if q >= len(t.words) or not is_quote(t.words[q]):
            return None
        j = q + 1
        if j < len(t.words) and t.starts[j] == p.close:
            j += 1  # the full stop the mask put for a closing "?" or "!"
        dashed = False
        while j < len(t.words) and t.words[j] in (",", "—", "–", "-", "--", "―"):
            dashed = dashed or t.words[j] != ","
            j += 1
        limit = j
        while limit < len(t.words) and not is_quote(t.words[limit]) and t.words[limit] not in ";:":
            limit += 1
        if j >= limit:
            return None
        an = self.an
        para_start = self.paras[p.para][0]
        low = t.lows[j]
        word = t.words[j]
        if (
            word[:1].islower()
            and not low.endswith("ing")
            and (low in INVERTING or an.is_cue(t, j) or low.endswith("ed"))
        ):
            # "…,” said Holt", "…,” remembered Roy Verley", "…,” bristled aide Ivo Prent";
            # but "the ad “…” suggests that Phoenix …" goes on with the sentence
            ph = an.phrase_after(t, j, limit)
            closed = any(c in self.text[p.end - 1 : p.close + 2] for c in ",?!—")
            opens = (
                q == 0
                or t.words[q - 1] in (":", "—", "–", "--")
                or not any(w[:1].isalnum() for w in t.words[:q])
            )  # "…,” bristled Holt" credits a quote that opens its sentence, not "about “…,”"
            if ph is not None and (low in INVERTING or (ph.head != "P" and closed and opens)):
                return self._attr(t, ph, j, para_start)
        if low.endswith("ing") and an.is_cue(t, j):
            # "X denied it: “…,” adding that …" — the participle's subject is the clause's;
            # but a cue before the quote credits it first ("what he described as “…,” adding")
            if any(an.is_cue(t, k) for k in range(q)):
                return None
            ph = an.subject(t, 0, q)
            if ph is not None:
                return self._attr(t, ph, j, para_start)
            return None
        if low == "according" and j + 1 < limit and t.lows[j + 1] == "to":
            ph = an.phrase_after(t, j + 1, limit)
            if ph is not None:
                return self._attr(t, ph, j, para_start)
        if low in ("as", "like") and j + 1 < limit:
            j += 1  # "…,” as Cruz said on the radio"
        ph = an.phrase_at(t, j, limit)
        if (
            ph is not None
            and ph.i > j
            and (t.lows[j] in CONJUNCTIONS or t.lows[j] in RELATIVES or t.lows[j] in PREPOSITIONS)
        ):
            ph = None  # "…” that Cruz complies": a clause, not a credit
        if ph is None or ph.i > j + 3:
            return self.final_credit(t, q, para_start)
        if dashed and ph.i == j and ph.head in ("M", "N") and self.signed(t, ph, limit):
            return self._attr(t, ph, None, para_start)  # "“…” ― Pamela Ortiz": a signature
        if ph.head == "D" and ph.j + 1 < limit and t.words[ph.j] == ",":
            # "…,” another friend, Mariam Emara told CNN": the name in apposition
            name = an.phrase_at(t, ph.j + 1, limit)
            if name is not None and name.i == ph.j + 1 and name.head in ("M", "N"):
                k = name.j + (1 if name.j < limit and t.words[name.j] == "," else 0)
                k = an.skip_over(t, k, limit)
                if k + 1 < limit and t.words[k] == ",":
                    k += 1  # "…, state Del. Marcia Price (D-Newport News), shouted"
                if k < limit and an.is_cue(t, k):
                    return self._attr(t, name, k, para_start)
        k = an.skip_over(t, ph.j, limit)
        if k >= limit or not an.is_verb(t, k):
            return self.final_credit(t, q, para_start)
        if an.passive_group(t, k):
            return None
        if not an.is_cue(t, k):
            if self.text[p.end - 1 : p.end] in ".…":
                return None  # a quoted sentence, then a new clause: "…” Holt took office in May"
            tail = self.text[p.end - 1 : p.close + 2]
            if t.lows[k] in _BE_FORMS or not any(c in tail for c in ",?!—"):
                return None  # "The “opt out” movement is …": the quote is inside a phrase
        elif t.lows[k].endswith("ing") and not any(
            c in self.text[p.end - 1 : p.close + 2] for c in ",?!—.…"
        ):
            return None  # "describing as “unhinged” a tweet attacking her": inside the phrase
        return self._attr(t, ph, k, para_start)

    def signed(self, t: Tokens, ph: Phrase, limit: int) -> bool:
        """Whether the name ``ph`` after a dash ends the paragraph, alone or with a
        description after a comma: a round-up's "“…” ― Jo Anders, a nurse"."""
        if ph.j >= limit or t.words[ph.j] in (",", "("):
            return True
        return all(not w[:1].isalnum() for w in t.words[ph.j : limit])

    def label(self, p: Piece) -> _Attr | None:
        """A transcript quoted paragraph by paragraph: ``"PENCE: Well, look, …`` is said by
        the person the label names (the one the article names with that surname)."""
        if self.masked[self.paras[p.para][0] : p.open].strip():
            return None
        m = _LABEL.match(self.text, p.start)
        if m is None or not any(c.isalpha() for c in m.group(1)):
            return None
        label = m.group(1)
        last = label.split()[-1].strip(".")
        idx = self.res._by_surname(last.title())
        if idx is not None and self.res.entities[idx].type == "PERSON":
            spk = self.res.speaker_of(idx)
        elif " " in label or last.lower() not in lexicon().common:
            spk = Speaker(label.title(), None, "NAME")
        else:
            return None  # "VIDEO: …", "UPDATE: …": a heading, nobody's words
        return _Attr(spk, None, None, None)

    def cue_right_before(self, p: Piece) -> bool:
        """Whether a cue of saying and a comma or colon stand right before the opening mark."""
        lo = max(self.paras[p.para][0], p.open - 40)
        m = _CUE_BEFORE.search(self.masked, lo, p.open)
        return m is not None and m.group(1) in CUE_WORDS

    def final_credit(self, t: Tokens, q: int, para_start: int) -> _Attr | None:
        """A credit after a few words more: "“…” before discussing it, he said.", "“…” if she
        lost, said David Wasserman, an analyst", "a “regional” candidate, as her rival said"."""
        n = len(t.words)
        an = self.an
        c = q + 1
        while c < n and c < q + 16:
            if is_quote(t.words[c]) or t.words[c] in (";", ":"):
                return None
            if t.words[c] == "," and c + 1 < n:
                j = c + 1
                if t.lows[j] in ("as", "like") and j + 1 < n:
                    j += 1
                low = t.lows[j]
                if low in INVERTING and t.words[j][:1].islower():
                    ph = an.phrase_after(t, j, n)
                    if ph is not None:
                        return self._attr(t, ph, j, para_start)
                if low == "according" and j + 1 < n and t.lows[j + 1] == "to":
                    # "… a “walk-in” at 2,000 schools, according to the organizers"
                    ph = an.phrase_after(t, j + 1, n)
                    if ph is not None:
                        return self._attr(t, ph, j, para_start)
                ph = an.phrase_at(t, j, n)
                if ph is not None and ph.i == j:
                    k = an.skip_over(t, ph.j, n)
                    if k < n and an.is_cue(t, k) and (t.lows[k] in INVERTING or j > c + 1):
                        return self._attr(t, ph, k, para_start)
            c += 1
        return None

    def before(self, p: Piece) -> _Attr | None:
        """An attribution earlier in the quote's sentence: "Holt said: “…”", "Kerr’s reply:
        “…”", "Holt called it “…”", "Kerr believes it is “…”"."""
        s, _e = self.sentence(p.open)
        t = self.tokens(s, _e)
        q = t.index_at(p.open)
        if q == 0 or q >= len(t.words):
            return None
        an = self.an
        para_start = self.paras[p.para][0]
        owned = self.possessed_words(t, q, para_start)
        if owned is not None:
            return owned
        if t.words[q - 1] == ":" or (q > 1 and t.words[q - 1] in "—–" and t.words[q - 2] == ":"):
            c = q - 1 if t.words[q - 1] == ":" else q - 2
            return self.colon_credit(t, c, para_start)
        if t.words[q - 1] in _DASHES and self.text[p.start : p.end].endswith((".", "!", "?")):
            # "Kerr also embraced the idea -- “I think it works.”": a dash as a colon
            return self.colon_credit(t, q - 1, para_start)
        # the nearest cue before the quote
        k = q - 1
        while k >= 0:
            if is_quote(t.words[k]):
                k -= 1
                continue
            low = t.lows[k]
            if low == "according" and k + 1 < q and t.lows[k + 1] == "to":
                ph = an.phrase_after(t, k + 1, q)
                if ph is not None:
                    return self._attr(t, ph, k, para_start)
            elif (
                low in SPEECH_NOUNS
                and k > 1
                and _possessive(t.words[k - 1])
                and t.lows[k + 1] == "that"
            ):
                # "Politifact checked Holt’s claim that there were “…”": Holt's words, in the
                # clause the noun of speech takes
                ph = self.possessor(t, k)
                if ph is not None:
                    return self._attr(t, ph, None, para_start)
            elif an.is_cue(t, k) and not an.reduced(t, k):
                if an.passive(t, k):
                    return None  # "Pence was asked about the “…”"
                if (
                    low.endswith("ing")
                    and (k == 0 or t.words[k - 1] == "," or t.lows[k - 1] not in _BE_FORMS)
                    and t.lows[k - 1] not in ("by", "in", "to", "and", "with")
                ):
                    # "X denied “…”, adding that …", "a letter asking the court to …": the
                    # subject of the clause the participle hangs on; but "footage of Holt
                    # asking" is Holt's question
                    ph = self.person_before(t, k) if k and t.words[k - 1] != "," else None
                    if ph is None:
                        ph = self.previous_subject(t, k, s)
                    if ph is None and k > 1 and t.lows[k - 1] in _SUBORDINATE_LEADS:
                        # "House Speaker Paul Ryan, R-Wis., despite admitting that …": the
                        # name that opens the sentence, its verb still to come
                        opener = an.phrase_at(t, 0, k, sentence_start=True)
                        if opener is not None and opener.i == 0 and opener.head in ("M", "N"):
                            ph = opener
                        elif k == 1:
                            # "After saying her foot was “…,” she was …": the main clause's
                            ph = an.subject(t, 0, len(t.words), passive_ok=True, main=True)
                else:
                    ph = an.phrase_before(t, k, 0)
                    if ph is None and low in INVERTING and an.opens_inversion(t, k):
                        ph = an.phrase_after(t, k, q)
                    if ph is None:
                        ph = an.subject(t, 0, k) or self.person_before(t, k)
                if ph is not None:
                    # "X noted that … Trump boasted, “…”": words quoted right after their
                    # cue are its subject's own, whoever reports them
                    direct = (
                        q - k <= 3
                        and t.words[q - 1] in (",", ":")
                        and t.lows[k - 1] not in ("and", "but", "or")
                    )
                    outer = None if direct else self.outer_cue(t, k, ph)
                    if outer is not None:
                        return self._attr(t, outer[1], outer[0], para_start)
                    return self._attr(t, ph, k, para_start)
            k -= 1
        closing = self.closing_credit(t, q, para_start) or self.later_credit(t, q)
        if closing is not None:
            return closing
        ph = an.nearest_subject(t, 0, q) or an.subject(t, 0, q)
        if ph is not None:
            outer = self.outer_cue(t, ph.i, ph)
            if outer is not None:
                return self._attr(t, outer[1], outer[0], para_start)
            return self._attr(t, ph, None, para_start)
        return None

    def person_before(self, t: Tokens, k: int) -> Phrase | None:
        """A person named right before the cue at ``k`` after a lead with no comma: "In a
        radio interview Holt declared"."""
        ph = self.an.phrase_ending(t, k, 0, attach=False)
        if ph is None or ph.mention is None or ph.mention[1] != t.ends[k - 1]:
            return None
        return ph if self.res.entities[ph.mention[2]].type == "PERSON" else None

    def possessor(self, t: Tokens, q: int) -> Phrase | None:
        """The name whose possessive stands right before token ``q``: "Kerr’s", "Ada Kerr ’s"."""
        w = t.words[q - 1]
        end = q - 1 if w in ("’s", "'s") else q
        i = end - 1
        while i > 0 and t.words[i - 1][:1].isupper() and not t.words[i - 1].endswith("s"):
            i -= 1  # the name's first word, not "the pull of": the possessive is a determiner
        ph = self.an.phrase_at(t, i, end)
        if ph is None or ph.head not in ("M", "N") or ph.j != end:
            return None
        return ph

    def possessed_words(self, t: Tokens, q: int, para_start: int) -> _Attr | None:
        """A quote between a possessive and a noun of speech is the possessor's: "Obama's “if
        you like your plan, you can keep it” promise", "Kerr’s “never again” rallying cry"."""
        if not _possessive(t.words[q - 1]):
            return None
        n = len(t.words)
        for k in range(q + 1, min(n, q + 4)):
            low = t.lows[k]
            if low in SPEECH_NOUNS or low in ("slogan", "cry", "mantra", "line", "vow"):
                break
            if not t.words[k][:1].islower() or low in PREPOSITIONS:
                return None
        else:
            return None
        ph = self.possessor(t, q)
        return None if ph is None else self._attr(t, ph, None, para_start)

    def later_credit(self, t: Tokens, q: int) -> _Attr | None:
        """The credit right after a later quote of the same sentence, for a quote with no cue
        of its own: "Guns are “a crisis” and “stunt growth,” Howard Dean proclaimed."."""
        for q2 in range(q + 1, len(t.words)):
            if t.words[q2] in (";", ":"):
                return None
            if not is_quote(t.words[q2]):
                continue
            i = bisect.bisect_left(self.piece_opens, t.starts[q2])
            if i < len(self.pieces) and self.pieces[i].open == t.starts[q2]:
                attr = self.after(self.pieces[i])
                if attr is not None and attr.cue is not None:
                    return attr
            return None
        return None

    def closing_credit(self, t: Tokens, q: int, para_start: int) -> _Attr | None:
        """A credit that closes the sentence after a comma, for all it holds: "Voters see the
        plan as “a trap” that will fail, Kerr said.", "…, said Kerr."."""
        an = self.an
        n = len(t.words)
        while n > q and not t.words[n - 1][:1].isalnum():
            n -= 1  # the full stop
        c = n - 1
        while c > q and c > n - 10 and t.words[c] != ",":
            if is_quote(t.words[c]) or t.words[c] in (";", ":"):
                return None
            c -= 1
        if c <= q or t.words[c] != ",":
            return None
        j = c + 1
        if j < n and t.lows[j] in INVERTING and t.words[j][:1].islower():
            ph = an.phrase_after(t, j, n)
            if ph is not None and ph.j >= n - 1:
                return self._attr(t, ph, j, para_start)
            return None
        ph = an.phrase_at(t, j, n)
        if ph is None or ph.i != j:
            return None
        k = an.skip_over(t, ph.j, n)
        if k < n and an.is_cue(t, k) and t.lows[k] in INVERTING and k >= n - 3:
            return self._attr(t, ph, k, para_start)
        return None

    def outer_cue(self, t: Tokens, k: int, inner: Phrase) -> tuple[int, Phrase] | None:
        """A reporting cue whose content clause holds the clause at ``k``: "Meeks said Clinton
        reassured them that …" reports Meeks's words, as news attribution counts them."""
        an = self.an
        after_comma = inner.i > 0 and t.words[inner.i - 1] == ","
        for k0 in range(min(k, inner.i) - 1, -1, -1):
            w = t.words[k0]
            if w in (";", ":") or is_quote(w):
                return None
            if (
                t.lows[k0] in ("but", "while", "although", "whereas")
                and k0
                and t.words[k0 - 1] == ","
            ):
                return None
            if t.lows[k0] in REPORT_WORDS and an.is_cue(t, k0) and not an.passive(t, k0):
                if t.lows[k0].endswith("ing") or an.reduced(t, k0):
                    return None
                if after_comma and self._subordinate(t, k0):
                    return None  # "when I asked him, he said": the cue's clause is over
                nxt = t.lows[k0 + 1] if k0 + 1 < len(t.words) else ""
                if nxt in (",", "."):
                    return None  # "…, Cruz said, …": a parenthesis, not a content clause
                ph = an.phrase_before(t, k0, 0)
                if ph is not None and ph.head in ("M", "N", "D", "P", "S"):
                    return k0, ph
                return None
        return None

    @staticmethod
    def _subordinate(t: Tokens, k: int) -> bool:
        """Whether token ``k`` stands in a subordinate clause: "when", "if" … between it and
        the comma or sentence start before it."""
        for x in range(k - 1, -1, -1):
            if t.words[x] == ",":
                return False
            if t.lows[x] in _SUBORDINATORS:
                return True
        return False

    def previous_subject(self, t: Tokens, k: int, s: int) -> Phrase | None:
        """The subject of the clause a participle at ``k`` hangs on."""
        ph = self.an.subject(t, 0, k)
        return ph

    def colon_credit(self, t: Tokens, c: int, para_start: int) -> _Attr | None:
        """What stands before a colon credits what follows it: "Holt said:", "Kerr shot back
        online:", "Jo Anders, The Ledger:", "… - Ivo Prent:", "Kerr’s reply:"."""
        an = self.an
        lo = an.clause_start(t, 0, c)
        for k in range(c - 1, -1, -1):
            if an.is_cue(t, k) and not an.passive(t, k) and not an.reduced(t, k):
                ph = an.phrase_before(t, k, lo)
                if ph is None and t.lows[k] in INVERTING:
                    # "In other words, explained moderator Nancy Cordes:"
                    after = an.phrase_after(t, k, c)
                    if after is not None and (an.opens_inversion(t, k) or after.j == c):
                        ph = after
                if ph is None:
                    ph = an.subject(t, lo, k)
                if ph is not None:
                    return self._attr(t, ph, k, para_start)
                break
        ph = an.credit_line(t, lo, c)
        if ph is None:
            # "The surge does not surprise pollster Daron Shaw:": a person right before
            last = an.phrase_ending(t, c, lo)
            mention = last.mention if last is not None and last.i > lo else None
            if mention is not None and self.res.entities[mention[2]].type == "PERSON":
                ph = last
        if ph is None:
            ph = an.subject(t, lo, c)
        if ph is None:
            ph = an.phrase_at(t, lo, c, sentence_start=True)
            if ph is not None and (ph.i > lo + 3 or (ph.head == "D" and ph.j < c - 2)):
                ph = None
        if ph is None:
            return None
        return self._attr(t, ph, None, para_start)

    def lead_in(self, p: Piece) -> _Attr | None:
        """A quote that opens its paragraph after one that ends in a colon: "Cruz continued:"."""
        if p.para == 0 or self.text[self.paras[p.para][0] : p.open].strip():
            return None
        ps, pe = self.paras[p.para - 1]
        body = self.masked[ps:pe].rstrip()
        if not body.endswith(":") or _HEADING.fullmatch(body):
            return None  # "Transcript as follows:" names nobody
        colon = ps + len(body) - 1
        s, _ = self.sentence(colon)
        t = self.tokens(s, colon + 1)
        if not len(t.words) or t.words[-1] != ":":
            return None
        return self.colon_credit(t, len(t.words) - 1, ps)

    def next_credit(self, p: Piece) -> _Attr | None:
        """A quoted sentence credited in the next one: "“…” Holt said so on Monday."."""
        if p.close is None:
            return None
        nxt = p.close + 1
        while nxt < len(self.text) and self.text[nxt] in " \t":
            nxt += 1
        s, e = self.sentence(nxt)
        if s <= p.open or s >= self.paras[p.para][1]:
            return None
        t = self.tokens(s, e)
        if len(t.words) < 2:
            return None
        an = self.an
        ph = an.phrase_at(t, 0, len(t.words), sentence_start=True)
        if ph is None or ph.i != 0 or (ph.head == "D" and ph.j > 3):
            return None
        k = an.skip_over(t, ph.j, len(t.words))
        asked = self.text[p.end - 1 : p.end] in "?!"
        cue = k < len(t.words) and (an.is_cue(t, k) or (asked and t.lows[k].endswith("ed")))
        if cue and (asked or (t.lows[k] in INVERTING and len(t.words) <= 8)):
            # "“…?” Holt said to the crowd." — the mark ended a sentence, the credit follows
            return self._attr(t, ph, k, self.paras[p.para][0])
        return None

    def verbless_lead(self, p: Piece) -> bool:
        """A colon after a few words with no verb before the quote: "Then, later on CNN:"."""
        lo = self.paras[p.para][0]
        lead = self.masked[lo : p.open].rstrip()
        if not lead.endswith(":") or len(lead) > 80:
            return False
        t = self.tokens(*self.sentence(lo))
        q = t.index_at(p.open)
        return not any(self.an.is_verb(t, k, after_head=False) for k in range(q))

    def goes_on(self, prev: _Item, p: Piece) -> bool:
        """Whether a partial quote with no credit of its own goes on from the quote before it,
        in the next sentence: only conjunctions or a subject that is no speaker stand before
        it ("But “…”", "That makes her “…”", "Biden “kind of misspoke”")."""
        s, _ = self.sentence(p.open)
        if self.sentence(prev.start)[0] != self.sentence(s - 1)[0] if s else True:
            return False  # not the sentence right after
        lead = self.masked[s : p.open].split()
        if all(w.strip(",").lower() in _LEADS for w in lead):
            return True
        t = self.tokens(s, p.open)
        if not len(t.words) or len(t.words) > 8:
            return False
        ph = self.an.phrase_at(t, 0, len(t.words), sentence_start=True)
        if ph is not None and ph.i == 0 and ph.j == len(t.words):
            return True  # "Biden “kind of misspoke”": the one talked about, not the speaker
        return t.lows[0] in ("that", "this", "it", "which") and len(t.words) <= 4

    def lead_in_said(self, p: Piece) -> _Attr | None:
        """A quote that opens its paragraph after one whose last sentence has a speaker and a
        cue but no quote: "The party issued a statement on Monday." then "“…”"."""
        if p.para == 0 or self.text[self.paras[p.para][0] : p.open].strip():
            return None
        if p.close is not None and self.masked[p.close + 1 : self.paras[p.para][1]].strip(" .,"):
            return None  # more follows in the paragraph, where a credit would be
        ps, pe = self.paras[p.para - 1]
        return self.said_in(*self.sentence(pe - 1), ps, ("M", "N", "D", "P"))

    def said_before(self, p: Piece) -> _Attr | None:
        """A quoted sentence with no credit of its own after a sentence of the same paragraph
        that has a speaker and a cue but no quote: "Bolton distanced himself from the group
        by saying he would help. “I’m going to support him.”"."""
        s, e = self.sentence(p.open)
        lo = self.paras[p.para][0]
        if s <= lo or self.masked[s : p.open].strip() or p.close is None:
            return None
        if self.masked[p.close + 1 : e].strip(" .,\x00"):
            return None  # more follows in the sentence, where a credit would be
        return self.said_in(*self.sentence(s - 1), lo, ("M", "N", "P"))

    def said_in(self, s: int, e: int, ps: int, heads: tuple[str, ...]) -> _Attr | None:
        """The speaker and cue of the sentence ``[s, e)`` if it has no quote."""
        if _FILL in self.masked[s:e]:
            return None
        t = self.tokens(s, e)
        an = self.an
        for k in range(len(t.words)):
            if (an.is_cue(t, k) and not an.passive(t, k)) or (
                t.lows[k] in SPEECH_NOUNS and k and t.lows[k - 1] in _ARTICLES
            ):
                ph = an.phrase_before(t, k, 0) if an.is_cue(t, k) else None
                if ph is None:
                    ph = an.subject(t, 0, k)
                if ph is not None and ph.head in heads:
                    return self._attr(t, ph, k if an.is_cue(t, k) else None, ps)
                return None
        return None

    def credit_after(self, p: Piece) -> _Attr | None:
        """A credit line after the quote's paragraph: "“…”" then "- Bernie Sanders."."""
        if p.para + 1 >= len(self.paras):
            return None
        if self.masked[p.end : self.paras[p.para][1]].strip('\x00 .,”"') != "":
            return None
        a, b = self.paras[p.para + 1]
        line = self.masked[a:b]
        dash = line[:2].strip()
        if not dash or dash[0] not in "-—–" or len(line) > 80:
            return None
        t = self.tokens(a, b)
        i = 0
        while i < len(t.words) and t.words[i] in ("-", "—", "–", "--"):
            i += 1
        ph = self.an.phrase_at(t, i, len(t.words), sentence_start=True)
        if ph is None or ph.head not in ("M", "N"):
            return None
        return self._attr(t, ph, None, a)

    def syntax_kind(self, p: Piece, attributed_after: bool) -> str:
        """``direct`` for a quoted sentence or clause, ``partial`` for a fragment."""
        lo = self.paras[p.para][0]
        before = self.masked[lo : p.open].rstrip()
        content = self.text[p.start : p.end]
        ch = before[-1] if before else ""
        upper = not content[:1].isalpha() or content[:1].isupper()
        if ch == "" or ch in ".!?" + _FILL:
            if attributed_after or content.endswith((".", "!", "?", "…", "—", "-", ";")):
                return "direct"
            close = p.close if p.close is not None else p.end
            if self.text[close + 1 : close + 2] in ("", "\n") or self.text.endswith(",", 0, close):
                return "direct"
            return "partial"
        if ch == ":" or (ch in ",—–-;(" and upper):
            return "direct"
        return "partial"


def _possessive(word: str) -> bool:
    """A possessive ending, alone or on a capitalised word: "’s", "Kerr’s"."""
    return word in ("’s", "'s") or (word.endswith(("’s", "'s")) and word[:1].isupper())


def _extract(text: str, entities: list[Entity]) -> list[Quote]:
    doc = _Doc(text, entities)
    items = doc.items
    cue_at = [m.start() for m in REPORT_RE.finditer(doc.masked)]
    piece_by_sentence: dict[int, list[Piece]] = {}
    for p in doc.pieces:
        piece_by_sentence.setdefault(doc.sentence(p.open)[0], []).append(p)
    for k, s in enumerate(doc.starts):
        e = doc.starts[k + 1] if k + 1 < len(doc.starts) else len(text)
        para = doc.para_of(s)
        e = min(e, doc.paras[para][1]) if doc.paras else e
        pieces = piece_by_sentence.get(s)
        if pieces:
            for p in pieces:
                _quote(doc, p, items)
        elif (
            bisect.bisect_left(cue_at, e) > bisect.bisect_left(cue_at, s)
            and _FILL not in doc.masked[s:e]
        ):
            for rep in find_reported(doc.res, s, e, doc.paras[para][0] if doc.paras else 0):
                attr = _Attr(rep.speaker, rep.cue, rep.cue_start, rep.cue_end)
                items.append(_Item(rep.start, rep.end, "reported", attr, para))
                doc.res.history.append((rep.start, rep.speaker))
    out = []
    for it in sorted(items, key=lambda i: i.start):
        spk = it.attr.speaker
        out.append(
            Quote(
                it.start,
                it.end,
                text[it.start : it.end],
                spk.name if spk else None,
                it.kind,
                it.attr.cue,
                it.attr.cue_start,
                it.attr.cue_end,
                spk.entity if spk else None,
            )
        )
    return out


def _quote(doc: _Doc, p: Piece, items: list[_Item]) -> None:
    if is_title(doc.text, p, doc.paras[p.para][0]):
        # a show's, book's or event's name: nobody said it, and it breaks no run of quotes
        items.append(_Item(p.start, p.end, "partial", _Attr(None, None, None, None), p.para))
        return
    prev = items[-1] if items else None
    if prev is not None and prev.piece is None:
        # a quote goes on only from a quote, over reported speech in between
        prev = next((it for it in reversed(items) if it.piece is not None), None)
    labelled = doc.label(p)
    if labelled is not None:
        start = _LABEL.match(doc.text, p.start).end()  # type: ignore[union-attr]
        items.append(_Item(start, p.end, "direct", labelled, p.para, p))
        doc.res.history.append((p.start, labelled.speaker))  # type: ignore[arg-type]
        return
    if doc.text[p.start : p.end].endswith(".") or doc.cue_right_before(p):
        # a quoted sentence, or one right after its cue: "When a man shouted, “…,” Holt said"
        attr = doc.before(p)
        attributed_after = False
        if attr is None:
            attr = doc.after(p)
            attributed_after = attr is not None
    else:
        attr = doc.after(p)
        attributed_after = attr is not None
        if attr is None:
            attr = doc.before(p)
    if attr is None:
        attr = doc.lead_in(p)
    carried = p.carried and prev is not None and prev.piece is not None and prev.piece.runs_on
    if attr is None and not carried:
        # an explicit credit after the quote beats going on from the last speaker
        attr = doc.next_credit(p) or doc.credit_after(p) or doc.said_before(p)
    kind = doc.syntax_kind(p, attributed_after)
    if carried:
        kind = "continuation"
        if attr is None or attr.speaker is None:
            attr = _Attr(prev.attr.speaker, None, None, None)  # type: ignore[union-attr]
        elif prev.attr.speaker is None:  # type: ignore[union-attr]
            _backfill(items, attr.speaker)
    elif attr is not None:
        shared = (
            prev is not None
            and prev.piece is not None
            and attr.cue_start is not None
            and prev.attr.cue_start == attr.cue_start
        )
        between = shared and attr.cue_start is not None and attr.cue_start > prev.start  # type: ignore[union-attr]
        if shared and (kind == "direct" or between):
            kind = "continuation"
    elif prev is not None and prev.attr.speaker is not None:
        same_sentence = doc.sentence(prev.start)[0] == doc.sentence(p.open)[0]
        if kind == "partial":
            if same_sentence or (prev.para == p.para and doc.goes_on(prev, p)):
                # "…,” he said. But “…”", "…,” he said. That makes it “…”" — the same speaker
                attr = _Attr(prev.attr.speaker, None, None, None)
        elif prev.para == p.para or _follows_paragraph(doc, prev, p):
            kind = "continuation"
            attr = _Attr(prev.attr.speaker, None, None, None)
    if attr is None:
        attr = doc.lead_in_said(p)
    if attr is None:
        attr = _Attr(None, None, None, None)
    items.append(_Item(p.start, p.end, kind, attr, p.para, p))
    if attr.speaker is not None:
        doc.res.history.append((p.start, attr.speaker))


def _follows_paragraph(doc: _Doc, prev: _Item, p: Piece) -> bool:
    """``p`` opens its paragraph (or follows a lead with no verb: "Then, on CNN: “…”") and
    ``prev`` was said in the last sentence of the one before."""
    lead = doc.masked[doc.paras[p.para][0] : p.open].strip()
    before = p.para - 1
    if before > 0 and _HEADING.fullmatch(doc.masked[slice(*doc.paras[before])].strip()):
        before -= 1  # "…,” Kasich said. / Transcript as follows: / "…": his words go on
    if prev.para != before or (lead and not doc.verbless_lead(p)):
        return False
    last_start = doc.sentence(doc.paras[prev.para][1] - 1)[0]
    return prev.start >= last_start or (prev.piece is not None and prev.piece.open >= last_start)


def _backfill(items: list[_Item], speaker: Speaker | None) -> None:
    """Give an unattributed multi-paragraph quote the speaker named in a later paragraph."""
    for it in reversed(items):
        if it.piece is None or it.attr.speaker is not None:
            break
        it.attr = _Attr(speaker, None, None, None)
        if not it.piece.carried:
            break
