"""Quotes: who said what, in quotation marks or as reported speech.

``extract_quotes(text, entities=None)`` finds quoted spans (``quote_marks``), attributes each
to a speaker and adds reported speech (``reported``). Kinds: ``direct`` (a quoted sentence or
clause), ``partial`` (a quoted fragment inside the writer's own sentence), ``continuation`` (a
quote with no attribution of its own that goes on from the previous one by the same speaker,
including the later paragraphs of a multi-paragraph quote) and ``reported``.

A quoted paragraph that opens with a transcript's label ("PENCE: Well, …") is the labelled
person's. Else a quote's speaker comes from the writer's words around it, read by a shallow
clause analysis (``clauses``) on the text with every quote blanked, in this order: a credit
right after the closing mark ("…,” Holt bristled", "…,” said aide Ivo Prent", "…” before
leaving, he said") or after a dash ("“…” ― Ana Ruiz");
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
whose gender fits (``speakers``). The article as it is read lives in ``quote_doc``, the
finders of credits in ``credits_after`` and ``credits_before``. Pure Python, never raises.
"""

from __future__ import annotations

import bisect

from .attribution import Speaker
from .credits_before import CreditsBefore
from .cues import REPORT_RE
from .entities import extract_entities
from .model import Entity, Quote
from .quote_doc import FILL, HEADING, LABEL, Credit, QuoteItem
from .quote_marks import Piece
from .reported import find_reported
from .titles import is_title


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


def _extract(text: str, entities: list[Entity]) -> list[Quote]:
    doc = CreditsBefore(text, entities)  # the article, with every finder of credits
    items = doc.items
    starts = doc.starts
    cues = list(REPORT_RE.finditer(doc.masked))
    cue_at = [m.start() for m in cues]
    # only the sentences that hold a quote or a cue of reported speech have anything to find
    todo = {bisect.bisect_right(starts, c) - 1 for c in cue_at}
    piece_by_sentence: dict[int, list[Piece]] = {}
    for p in doc.pieces:
        k = bisect.bisect_right(starts, p.open) - 1
        piece_by_sentence.setdefault(k, []).append(p)
        todo.add(k)
    todo.discard(-1)  # before the first sentence: nothing reads there
    for k in sorted(todo):
        s = starts[k]
        e = starts[k + 1] if k + 1 < len(starts) else len(text)
        para = doc.para_of(s)
        e = min(e, doc.paras[para][1]) if doc.paras else e
        pieces = piece_by_sentence.get(k)
        if pieces:
            for p in pieces:
                _quote(doc, p, items)
        elif (
            bisect.bisect_left(cue_at, e) > bisect.bisect_left(cue_at, s)
            and doc.masked.find(FILL, s, e) < 0
        ):
            para_start = doc.paras[para][0] if doc.paras else 0
            for rep in find_reported(doc.res, s, e, para_start, cues, cue_at):
                attr = Credit(rep.speaker, rep.cue, rep.cue_start, rep.cue_end)
                items.append(QuoteItem(rep.start, rep.end, "reported", attr, para))
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


def _quote(doc: CreditsBefore, p: Piece, items: list[QuoteItem]) -> None:
    if is_title(doc.text, p, doc.paras[p.para][0]):
        # a show's, book's or event's name: nobody said it, and it breaks no run of quotes
        items.append(QuoteItem(p.start, p.end, "partial", Credit(None, None, None, None), p.para))
        return
    prev = items[-1] if items else None
    if prev is not None and prev.piece is None:
        # a quote goes on only from a quote, over reported speech in between
        prev = next((it for it in reversed(items) if it.piece is not None), None)
    labelled = doc.label(p)
    if labelled is not None:
        start = LABEL.match(doc.text, p.start).end()  # type: ignore[union-attr]
        items.append(QuoteItem(start, p.end, "direct", labelled, p.para, p))
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
            attr = Credit(prev.attr.speaker, None, None, None)  # type: ignore[union-attr]
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
                attr = Credit(prev.attr.speaker, None, None, None)
        elif prev.para == p.para or _follows_paragraph(doc, prev, p):
            kind = "continuation"
            attr = Credit(prev.attr.speaker, None, None, None)
    if attr is None:
        attr = doc.lead_in_said(p)
    if attr is None:
        attr = Credit(None, None, None, None)
    items.append(QuoteItem(p.start, p.end, kind, attr, p.para, p))
    if attr.speaker is not None:
        doc.res.history.append((p.start, attr.speaker))


def _follows_paragraph(doc: CreditsBefore, prev: QuoteItem, p: Piece) -> bool:
    """``p`` opens its paragraph (or follows a lead with no verb: "Then, on CNN: “…”") and
    ``prev`` was said in the last sentence of the one before."""
    lead = doc.masked[doc.paras[p.para][0] : p.open].strip()
    before = p.para - 1
    if before > 0 and HEADING.fullmatch(doc.masked[slice(*doc.paras[before])].strip()):
        before -= 1  # "…,” Kasich said. / Transcript as follows: / "…": his words go on
    if prev.para != before or (lead and not doc.verbless_lead(p)):
        return False
    last_start = doc.sentence(doc.paras[prev.para][1] - 1)[0]
    return prev.start >= last_start or (prev.piece is not None and prev.piece.open >= last_start)


def _backfill(items: list[QuoteItem], speaker: Speaker | None) -> None:
    """Give an unattributed multi-paragraph quote the speaker named in a later paragraph."""
    for it in reversed(items):
        if it.piece is None or it.attr.speaker is not None:
            break
        it.attr = Credit(speaker, None, None, None)
        if not it.piece.carried:
            break
