"""Credits written before a quote, or around it: the nearest cue before it in its sentence and
the subject it reports for, a possessive and a noun of speech, a colon credit, a lead-in
paragraph, a sentence before with a speaker and a cue."""

from __future__ import annotations

from .attribution import INVERTING
from .clauses import DASHES, Phrase, Tokens, is_quote
from .credits_after import CreditsAfter
from .cues import REPORT_WORDS, SPEECH_NOUNS
from .quote_doc import BE_FORMS, FILL, HEADING, Credit, QuoteItem
from .quote_lexicon import PREPOSITIONS
from .quote_marks import Piece

_ARTICLES = frozenset(["the", "a", "an", "another", "one", "some", "his", "her", "their", "its"])
_LEADS = frozenset(
    "but and yet still so also then or instead however now later again otherwise".split()  # noqa: SIM905
)
#: Words before a participle that make it an aside of the clause: "X, despite admitting …".
_SUBORDINATE_LEADS = frozenset(["despite", "after", "before", "while", "when", "without"])
_SUBORDINATORS = frozenset(["when", "whenever", "if", "after", "before", "once", "as", "while"])


class CreditsBefore(CreditsAfter):
    """The finders of a credit before the quote (and those that look both ways)."""

    def before(self, p: Piece) -> Credit | None:
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
        if t.words[q - 1] in DASHES and self.text[p.start : p.end].endswith((".", "!", "?")):
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
                    and (k == 0 or t.words[k - 1] == "," or t.lows[k - 1] not in BE_FORMS)
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

    def possessed_words(self, t: Tokens, q: int, para_start: int) -> Credit | None:
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

    def colon_credit(self, t: Tokens, c: int, para_start: int) -> Credit | None:
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

    def lead_in(self, p: Piece) -> Credit | None:
        """A quote that opens its paragraph after one that ends in a colon: "Cruz continued:"."""
        if p.para == 0 or self.text[self.paras[p.para][0] : p.open].strip():
            return None
        ps, pe = self.paras[p.para - 1]
        body = self.masked[ps:pe].rstrip()
        if not body.endswith(":") or HEADING.fullmatch(body):
            return None  # "Transcript as follows:" names nobody
        colon = ps + len(body) - 1
        s, _ = self.sentence(colon)
        t = self.tokens(s, colon + 1)
        if not len(t.words) or t.words[-1] != ":":
            return None
        return self.colon_credit(t, len(t.words) - 1, ps)

    def verbless_lead(self, p: Piece) -> bool:
        """A colon after a few words with no verb before the quote: "Then, later on CNN:"."""
        lo = self.paras[p.para][0]
        lead = self.masked[lo : p.open].rstrip()
        if not lead.endswith(":") or len(lead) > 80:
            return False
        t = self.tokens(*self.sentence(lo))
        q = t.index_at(p.open)
        return not any(self.an.is_verb(t, k, after_head=False) for k in range(q))

    def goes_on(self, prev: QuoteItem, p: Piece) -> bool:
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

    def lead_in_said(self, p: Piece) -> Credit | None:
        """A quote that opens its paragraph after one whose last sentence has a speaker and a
        cue but no quote: "The party issued a statement on Monday." then "“…”"."""
        if p.para == 0 or self.text[self.paras[p.para][0] : p.open].strip():
            return None
        if p.close is not None and self.masked[p.close + 1 : self.paras[p.para][1]].strip(" .,"):
            return None  # more follows in the paragraph, where a credit would be
        ps, pe = self.paras[p.para - 1]
        return self.said_in(*self.sentence(pe - 1), ps, ("M", "N", "D", "P"))

    def said_before(self, p: Piece) -> Credit | None:
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

    def said_in(self, s: int, e: int, ps: int, heads: tuple[str, ...]) -> Credit | None:
        """The speaker and cue of the sentence ``[s, e)`` if it has no quote."""
        if FILL in self.masked[s:e]:
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


def _possessive(word: str) -> bool:
    """A possessive ending, alone or on a capitalised word: "’s", "Kerr’s"."""
    return word in ("’s", "'s") or (word.endswith(("’s", "'s")) and word[:1].isupper())
