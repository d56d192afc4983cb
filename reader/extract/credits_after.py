"""Credits written after a quote: "…,” Holt said", "…,” said aide Ivo Prent", "“…” ― Ana Ruiz",
a credit closing the sentence or after a later quote in it, in the next sentence, or on the
next line ("- Bernie Sanders.")."""

from __future__ import annotations

import bisect
import re

from .attribution import INVERTING, Speaker
from .clauses import DASHES, Phrase, Tokens, is_quote
from .cues import CUE_WORDS
from .lexicon import lexicon
from .quote_doc import BE_FORMS, LABEL, Credit, QuoteDoc
from .quote_lexicon import CONJUNCTIONS, PREPOSITIONS, RELATIVES
from .quote_marks import Piece

_CUE_BEFORE = re.compile(r"\b([a-z]+)[ \t]*[,:][ \t]*$")


class CreditsAfter(QuoteDoc):
    """The finders of a credit after the quote."""

    def after(self, p: Piece) -> Credit | None:
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
        while j < len(t.words) and (t.words[j] in DASHES or t.words[j] in (",", "-")):
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
            if t.lows[k] in BE_FORMS or not any(c in tail for c in ",?!—"):
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

    def label(self, p: Piece) -> Credit | None:
        """A transcript quoted paragraph by paragraph: ``"PENCE: Well, look, …`` is said by
        the person the label names (the one the article names with that surname)."""
        if self.masked[self.paras[p.para][0] : p.open].strip():
            return None
        m = LABEL.match(self.text, p.start)
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
        return Credit(spk, None, None, None)

    def cue_right_before(self, p: Piece) -> bool:
        """Whether a cue of saying and a comma or colon stand right before the opening mark."""
        lo = max(self.paras[p.para][0], p.open - 40)
        m = _CUE_BEFORE.search(self.masked, lo, p.open)
        return m is not None and m.group(1) in CUE_WORDS

    def final_credit(self, t: Tokens, q: int, para_start: int) -> Credit | None:
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

    def later_credit(self, t: Tokens, q: int) -> Credit | None:
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

    def closing_credit(self, t: Tokens, q: int, para_start: int) -> Credit | None:
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

    def next_credit(self, p: Piece) -> Credit | None:
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
            if ph.head == "D" and ph.j + 1 < k and t.words[ph.j] == ",":
                # "“…!” Scott's niece, state Del. Marcia Price, shouted": the name in apposition
                name = an.phrase_at(t, ph.j + 1, k)
                if name is not None and name.i == ph.j + 1 and name.head in ("M", "N"):
                    ph = name
            return self._attr(t, ph, k, self.paras[p.para][0])
        return None

    def credit_after(self, p: Piece) -> Credit | None:
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
