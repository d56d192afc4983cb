"""Split a paragraph into sentences with exact offsets, tuned for news English.

The reading pane steps through an article sentence by sentence and highlights whole sentences, so a
wrong split is visible at once. A compiled regex finds the candidate ends (``.``, ``!``, ``?``,
``…`` plus closing quotes and brackets, then whitespace); only those few places are judged in
Python, which keeps a 1 MB article well under a second.

Chinese and Japanese marks (``。！？．``) always end a sentence: they are never part of an
abbreviation, and no space follows them, so the next sentence starts right after the mark and the
closing brackets or quotes that belong to it (``「来了。」然后`` splits before ``然后``). The one
exception is a fullwidth ``．`` between digits, a decimal point (``２．５``).

Rules at a candidate end of English, in order:

* the next word starts in lower case → no split (``“Stop!” he said.``, ``3 p.m. on Friday``);
* the word before a ``.`` is a title or a word that never ends a sentence (``Mr.``, ``Gen.``,
  ``vs.``) → no split;
* ``No.`` or a month abbreviation followed by a number → no split (``No. 3``, ``Jan. 5``);
* an initialism or single initial (``U.S.``, ``a.m.``, ``F.``, ``J.R.R.``), or an abbreviation that
  may end a sentence (``Inc.``, ``Calif.``, ``Jr.``), splits only when the next word is a common
  sentence opener such as *The*, *It*, *He*, *But* (``in the U.S. The …`` splits,
  ``John F. Kennedy`` does not);
* otherwise split.
"""

from __future__ import annotations

import re

from reader.article.model import Sentence


def _words(words: str) -> frozenset[str]:
    """A set from a space-separated list (easier to read and extend than a literal)."""
    return frozenset(words.split())


#: Closing quotes and brackets that belong to the sentence they follow (Western and CJK).
CLOSERS = "\"'”’»)]}」』）】〕〉》］｝"
#: Opening quotes and brackets that may precede a word (Western and CJK).
OPENERS = "\"'“‘«([{「『（【〔〈《［｛"
#: Chinese and Japanese sentence ends: ideographic full stop, fullwidth ``！ ？ ．``, and the
#: halfwidth ideographic full stop.
CJK_FINAL_MARKS = "。！？．｡"
#: Every mark that ends a sentence.
FINAL_MARKS = ".!?…" + CJK_FINAL_MARKS

_CANDIDATE = re.compile(
    # One class of every mark first, so that the search skips straight to the next mark instead
    # of trying the whole pattern at each character; a lookbehind then tells the two kinds apart.
    r"[.!?…" + re.escape(CJK_FINAL_MARKS) + r"]"
    # English: the marks, their closers, then whitespace before the next sentence.
    r"(?:(?<=[.!?…])[.!?…]*[" + re.escape(CLOSERS) + r"]*(?=\s+(?P<next>\S))"
    # CJK: the mark (with any marks run on, as in ``？！``), its closers, no space needed;
    # possessive, so a closer or mark at the very end is never taken for the next sentence.
    r"|(?<=[" + re.escape(CJK_FINAL_MARKS) + r"])"
    r"[" + re.escape(FINAL_MARKS) + r"]*+[" + re.escape(CLOSERS) + r"]*+"
    r"(?=\s*(?P<cjk_next>\S)))",
)
_WORD_AT = re.compile(r"[" + re.escape(OPENERS) + r"]*([^\s" + re.escape(OPENERS) + r"]*)")
_INITIALISM = re.compile(r"(?:[A-Za-z]\.)*[A-Za-z]")

#: Never end a sentence: titles and connectors.
NEVER_FINAL = _words(
    """
    Mr Mrs Ms Messrs Mmes Dr Gen Lt Col Sgt Gov Sen Rep Rev Prof Capt Cmdr Adm Maj Cpl Pvt Brig
    Supt Det Insp Hon Pres Fr Msgr Gens Sens Reps Govs Atty Mt Ft vs v cf viz approx Nos Nr Vol
    vol Fig fig Ref Dept dept Blvd
    """
)
#: May end a sentence; split only before a common sentence opener.
MAY_END = _words(
    """
    St Jr Sr Inc Corp Co Ltd Bros LLC Plc plc etc al Ph esp Univ Assn Ave Rd
    Ala Ariz Ark Calif Colo Conn Del Fla Ga Ida Ill Ind Kan Kans Ky La Md Mass Mich Minn Miss Mo
    Mont Neb Nev Okla Ore Pa Penn Tenn Tex Va Vt Wash Wis Wyo
    """
)
MONTHS = _words("Jan Feb Mar Apr Jun Jul Aug Sep Sept Oct Nov Dec")
#: Words that commonly open a sentence in news copy (and are not names).
OPENER_WORDS = _words(
    """
    The A An It Its He His Him She Her They Their Them We Our Us I You Your But And Or So Yet Nor
    In On At For From With Without By Of To As If When While After Before Since Although Though
    However This That These Those There Here What Who Whom Whose Why How Where Which Some Many
    Most Much More Few Both All Each Every Other Another One Two Three No Not Now Then Still Also
    Meanwhile Earlier Later Last Next Such Only Even Because Until During Under Over Despite Among
    Police Officials Authorities Critics Analysts Experts Residents Witnesses
    """
)


def _next_word(text: str, pos: int, end: int) -> str:
    m = _WORD_AT.match(text, pos, end)
    return m.group(1) if m else ""


def _is_boundary(
    text: str, seg_start: int, punct_start: int, punct: str, nxt: int, end: int
) -> bool:
    first = text[nxt]
    if first.islower():
        return False
    if punct[0] != "." or punct.startswith("..."):
        return True
    # The word before the period, without opening quotes/brackets.
    window = text[max(seg_start, punct_start - 40) : punct_start]
    if not window or window[-1].isspace():
        return True
    parts = window.rsplit(None, 1)
    word = parts[-1].lstrip(OPENERS)
    if not word:
        return True
    if word in NEVER_FINAL:
        return False
    if first.isdigit():
        return not (word in ("No", "no") or word in MONTHS or word in NEVER_FINAL)
    if first in OPENERS:
        return True
    ambiguous = word in MAY_END or word in MONTHS or _INITIALISM.fullmatch(word) is not None
    if ambiguous:
        return _next_word(text, nxt, end).rstrip(",;:") in OPENER_WORDS
    return True


def _is_decimal_point(text: str, mark: int, mark_end: int, nxt: int) -> bool:
    """A lone fullwidth ``．`` with a digit right before and right after it (``２．５``)."""
    return (
        mark_end == mark + 1 == nxt
        and text[mark] == "．"
        and mark > 0
        and text[mark - 1].isdecimal()
        and text[nxt].isdecimal()
    )


def split_sentences(text: str, start: int, end: int) -> tuple[Sentence, ...]:
    """Sentences of ``text[start:end]`` (one paragraph); spans carry no surrounding whitespace."""
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if start >= end:
        return ()
    out: list[Sentence] = []
    cur = start
    for m in _CANDIDATE.finditer(text, start, end):
        if m.start() < cur:
            continue
        if m.group("next") is not None:
            nxt = m.start("next")
            boundary = _is_boundary(text, cur, m.start(), m.group(0), nxt, end)
        else:
            nxt = m.start("cjk_next")
            boundary = not _is_decimal_point(text, m.start(), m.end(), nxt)
        if boundary:
            out.append(Sentence(cur, m.end()))
            cur = nxt
    out.append(Sentence(cur, end))
    return tuple(out)
