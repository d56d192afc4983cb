"""Quotes: who said what, in quotation marks or as reported speech.

``extract_quotes(text, entities=None)`` finds quoted spans (``quote_marks``), attributes each
to a speaker (``attribution``) and adds reported speech (``reported``). Kinds: ``direct`` (a
quoted sentence or clause), ``partial`` (a quoted fragment inside the writer's own sentence),
``continuation`` (a quote with no attribution of its own that goes on from the previous one by
the same speaker, including the later paragraphs of a multi-paragraph quote) and ``reported``.
Pure Python, never raises.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

from .attribution import CUE_RE, INVERTING, Resolver, Speaker
from .entities import extract_entities
from .model import Entity, Quote
from .quote_marks import Piece, find_pieces, paragraphs
from .reported import find_reported

_BOUND = re.compile(r"[.!?]+[)\]’'\"”]*\s+(?=[\x00A-Z0-9“‘\"(«])")
_ABBREV_WORDS = """mr mrs ms dr st gen col lt sgt rep sen gov jr sr inc corp co ltd no vs prof rev
capt maj adm cmdr jan feb mar apr jun jul aug sep sept oct nov dec mt ft fig pres supt det insp
messrs gens sens reps"""
_ABBREV = frozenset(_ABBREV_WORDS.split())
_FILL = "\x00"


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
        inner = text[p.open + 1 : end - 1].rstrip()
        fill = _FILL * (end - p.open)
        if p.close is not None and inner.endswith((".", "!", "?", "…")):
            fill = fill[:-1] + "."
        out.append(fill)
        pos = end
    out.append(text[pos:])
    return "".join(out)


_HEADER = re.compile(r"\s*date\s+\d{4}-\d\d-\d\d\s+[^\n]{0,120}?\)\s*[—–-]\s*")


def _sentence_starts(masked: str, paras: list[tuple[int, int]]) -> list[int]:
    starts = {a for a, _ in paras}
    head = _HEADER.match(masked)
    if head:
        starts.add(head.end())
    for m in _BOUND.finditer(masked):
        i = m.start()
        word = masked[max(0, i - 12) : i].split()
        token = word[-1] if word else ""
        if token.lower() in _ABBREV or (len(token) == 1 and token.isupper()):
            continue
        if re.fullmatch(r"(?:[A-Za-z]\.)+[A-Za-z]", token):
            continue
        starts.add(m.end())
    return sorted(starts)


class _Doc:
    def __init__(self, text: str, entities: list[Entity]) -> None:
        self.text = text
        self.paras = paragraphs(text)
        self.para_starts = [a for a, _ in self.paras]
        self.pieces = find_pieces(text)
        self.masked = _mask(text, self.pieces, self.paras)
        self.starts = _sentence_starts(self.masked, self.paras)
        self.res = Resolver(text, self.masked, entities)
        self.res.sentence_start = lambda pos: self.sentence(pos)[0]
        self.items: list[_Item] = []

    def para_of(self, pos: int) -> int:
        return max(0, bisect.bisect_right(self.para_starts, pos) - 1)

    def sentence(self, pos: int) -> tuple[int, int]:
        i = bisect.bisect_right(self.starts, pos) - 1
        s = self.starts[i] if i >= 0 else 0
        e = self.starts[i + 1] if i + 1 < len(self.starts) else len(self.text)
        pe = self.paras[self.para_of(pos)][1] if self.paras else len(self.text)
        return s, min(e, pe)

    # -- attribution of one quoted piece ---------------------------------------------------
    def after(self, p: Piece) -> _Attr | None:
        """An attribution right after the closing mark: "…,” Peskov said" / "…” said Peskov"."""
        if p.close is None:
            return None
        m = self.masked
        para_start, para_end = self.paras[p.para]
        pos = p.close + 1
        lim = min(para_end, pos + 140)
        nxt = m.find(_FILL, pos, lim)
        if nxt >= 0:
            lim = nxt
        lead = re.match(r"[ \t]*[,—–-]?[ \t]*", m[pos:lim])
        a = pos + (lead.end() if lead else 0)
        ended = self.text[p.start : p.end].endswith(".")
        c = CUE_RE.match(m, a, lim)
        if c is not None:
            if c.group() in INVERTING or c.group().lower() == "according to":
                spk = self.res.inverted(c.end(), lim, para_start)
                if spk is not None:
                    return _Attr(spk, c.group(), c.start(), c.end())
            return None
        for c in CUE_RE.finditer(m, a, lim):
            region = m[a : c.start()]
            if len(region.split()) > 12 or re.search(r"[.;!?]\s", region):
                return None
            if ended and (len(region.split()) > 4 or not self._short_tail(c.end(), lim)):
                return None
            if ended and region[:1].isupper() and self.text[p.start : p.start + 1].islower():
                return None  # a quoted fragment ends its sentence; the next one is not its cue
            spk = self.res.subject(a, c.start(), para_start)
            if spk is not None:
                return _Attr(spk, c.group(), c.start(), c.end())
            return None
        return None

    def _short_tail(self, pos: int, lim: int) -> bool:
        tail = re.match(r"[^.;\x00]*", self.masked[pos:lim])
        words = tail.group().split() if tail else []
        return len(words) <= 5 and "that" not in words

    def before(self, p: Piece) -> _Attr | None:
        """An attribution earlier in the quote's sentence: "Peskov said: “…”" / "denied “…”"."""
        s, _ = self.sentence(p.open)
        para_start = self.paras[p.para][0]
        cues = list(CUE_RE.finditer(self.masked, s, p.open))
        for c in reversed(cues):
            if c.group().lower() == "according to":
                spk = self.res.inverted(c.end() + 1, p.open, para_start)
            elif c.group().endswith("ing") and self.masked[c.start() - 2 : c.start()] != ", ":
                # "X denied “…” adding that …": the participle's subject is the clause's
                prev = self.items[-1] if self.items else None
                if prev is not None and prev.start >= s and prev.attr.speaker is not None:
                    spk = prev.attr.speaker
                else:
                    spk = self.res.first_person(s, c.start())
            else:
                spk = self.res.subject(s, c.start(), para_start)
                if spk is None and c.group() in INVERTING:
                    spk = self.res.inverted(c.end() + 1, p.open, para_start)
            if spk is not None:
                return _Attr(spk, c.group(), c.start(), c.end())
        return None

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


def _extract(text: str, entities: list[Entity]) -> list[Quote]:
    doc = _Doc(text, entities)
    items = doc.items
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
        elif _FILL not in doc.masked[s:e]:
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
    prev = items[-1] if items else None
    if doc.text[p.start : p.end].endswith("."):
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
    kind = doc.syntax_kind(p, attributed_after)
    if p.carried and prev is not None and prev.piece is not None and prev.piece.runs_on:
        kind = "continuation"
        if attr is None or attr.speaker is None:
            attr = _Attr(prev.attr.speaker, None, None, None)
        elif prev.attr.speaker is None:
            _backfill(items, attr.speaker)
    elif attr is not None:
        shared = (
            prev is not None and prev.piece is not None and prev.attr.cue_start == attr.cue_start
        )
        between = shared and attr.cue_start is not None and attr.cue_start > prev.start  # type: ignore[union-attr]
        if shared and (kind == "direct" or between):
            kind = "continuation"
    elif prev is not None and prev.attr.speaker is not None:
        same_sentence = doc.sentence(prev.start)[0] == doc.sentence(p.open)[0]
        if kind == "partial":
            if same_sentence:
                attr = _Attr(prev.attr.speaker, None, None, None)
        elif prev.para == p.para or _follows_paragraph(doc, prev, p):
            kind = "continuation"
            attr = _Attr(prev.attr.speaker, None, None, None)
    if attr is None:
        attr = _Attr(None, None, None, None)
    items.append(_Item(p.start, p.end, kind, attr, p.para, p))
    if attr.speaker is not None:
        doc.res.history.append((p.start, attr.speaker))


def _follows_paragraph(doc: _Doc, prev: _Item, p: Piece) -> bool:
    """``p`` opens its paragraph and ``prev`` was said in the last sentence of the one before."""
    if prev.para != p.para - 1 or doc.text[doc.paras[p.para][0] : p.open].strip():
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
