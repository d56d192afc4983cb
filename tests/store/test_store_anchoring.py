"""Re-anchoring: highlights follow their text through edits; what cannot be placed is an orphan."""

from __future__ import annotations

import random
import re
import time
from difflib import SequenceMatcher

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from reader.store.anchoring import CONTEXT, anchor, make_target, percent_same
from reader.store.graphemes import snap_span
from reader.store.records import Target

ARTICLE = (
    "HARBOURTON (Wire) — The harbour board voted on Tuesday to close the old ferry pier "
    "for repairs, a decision that fishermen said would cost them a season.\n\n"
    "“We were never asked,” said Marta Quillon, who has fished from the pier for 30 years. "
    "“Nobody came down here to look at the boards.”\n\n"
    "The board’s chair, Edwin Sallow, said engineers had found rot in twelve of the piles "
    "and that the pier would reopen in the spring.\n\n"
    "Repairs are expected to cost about 2.4 million crowns."
)


def span_of(text: str, quote: str, occurrence: int = 0) -> tuple[int, int]:
    at = -1
    for _ in range(occurrence + 1):
        at = text.index(quote, at + 1)
    return at, at + len(quote)


def test_make_target_keeps_quote_and_32_characters_of_context() -> None:
    start, end = span_of(ARTICLE, "engineers had found rot")
    target = make_target(ARTICLE, start, end)
    assert (target.position.start, target.position.end) == (start, end)
    assert target.quote.exact == "engineers had found rot"
    assert target.quote.prefix == ARTICLE[start - CONTEXT : start]
    assert target.quote.suffix == ARTICLE[end : end + CONTEXT]
    edge = make_target(ARTICLE, 0, 5)
    assert edge.quote.prefix == ""


def test_make_target_snaps_to_whole_characters() -> None:
    text = "Voilà un cafe\u0301 \U0001f469\u200d\U0001f4bb fini."
    cafe = text.index("cafe")
    target = make_target(text, cafe, cafe + 4)  # would cut the combining accent off
    assert target.quote.exact == "cafe\u0301"
    emoji = text.index("\U0001f469")
    target = make_target(text, emoji + 1, emoji + 2)  # inside the ZWJ sequence
    assert target.quote.exact == "\U0001f469\u200d\U0001f4bb"


def test_unchanged_text_anchors_by_position() -> None:
    start, end = span_of(ARTICLE, "Marta Quillon")
    found = anchor(ARTICLE, make_target(ARTICLE, start, end))
    assert (found.start, found.end, found.anchored, found.method) == (start, end, True, "position")


def test_text_inserted_before_moves_the_highlight_by_quote() -> None:
    start, end = span_of(ARTICLE, "engineers had found rot in twelve of the piles")
    target = make_target(ARTICLE, start, end)
    changed = "UPDATED with a correction at the top.\n\n" + ARTICLE
    found = anchor(changed, target)
    assert found.method == "quote" and found.anchored
    assert changed[found.start : found.end] == target.quote.exact


def test_typo_fixed_inside_the_quote_is_found_fuzzily() -> None:
    text = ARTICLE.replace("engineers had found rot", "engineers had foudn rot")
    start, end = span_of(text, "said engineers had foudn rot in twelve of the piles")
    target = make_target(text, start, end)
    fixed = "A new first line.\n\n" + ARTICLE  # typo corrected and text moved
    found = anchor(fixed, target)
    assert found.method == "fuzzy" and found.anchored
    assert fixed[found.start : found.end] == "said engineers had found rot in twelve of the piles"


def test_typo_in_place_same_offsets() -> None:
    start, end = span_of(ARTICLE, "fishermen said would cost them a season")
    target = make_target(ARTICLE, start, end)
    changed = ARTICLE.replace("fishermen said", "fishermen sayd")
    found = anchor(changed, target)
    assert (found.start, found.end, found.method) == (start, end, "fuzzy")


def test_same_quote_twice_picks_the_one_with_matching_context() -> None:
    text = (
        "In March the council said no. Residents protested at the hall.\n\n"
        "In June the council said no. Residents protested at the hall again."
    )
    start, end = span_of(text, "the council said no", occurrence=1)
    target = make_target(text, start, end)
    changed = "Background: " + text.replace("In March", "Back in early March")
    found = anchor(changed, target)
    assert found.method == "quote"
    assert changed[found.start - 8 : found.start] == "In June "
    # And the first one stays the first one.
    first = make_target(text, *span_of(text, "the council said no"))
    found = anchor(changed, first)
    assert changed[found.start - 6 : found.start] == "March "


def test_same_quote_twice_without_context_takes_the_nearest() -> None:
    text = "alpha beta. " * 3
    start, end = span_of(text, "alpha beta", occurrence=2)
    target = make_target(text, start, end)
    changed = "xx" + text
    found = anchor(changed, target)
    assert found.start == start + 2


def test_crlf_to_lf() -> None:
    crlf = ARTICLE.replace("\n", "\r\n")
    start, end = span_of(crlf, "a season.\r\n\r\n“We were never asked,”")
    target = make_target(crlf, start, end)
    found = anchor(ARTICLE, target)
    assert found.anchored and found.method == "quote"
    assert ARTICLE[found.start : found.end] == "a season.\n\n“We were never asked,”"
    one_line = make_target(crlf, *span_of(crlf, "Edwin Sallow"))
    found = anchor(ARTICLE, one_line)
    assert ARTICLE[found.start : found.end] == "Edwin Sallow"


def test_deleted_paragraph_leaves_an_orphan() -> None:
    start, end = span_of(ARTICLE, "“We were never asked,” said Marta Quillon")
    target = make_target(ARTICLE, start, end)
    paragraphs = ARTICLE.split("\n\n")
    changed = "\n\n".join(p for p in paragraphs if "Quillon" not in p)
    found = anchor(changed, target)
    assert (found.anchored, found.method) == (False, "orphan")
    assert (found.start, found.end) == (start, end)  # old place, for the UI to show


def test_orphan_span_is_clamped_into_a_shorter_text() -> None:
    start, end = span_of(ARTICLE, "2.4 million crowns")
    found = anchor("Short now.", make_target(ARTICLE, start, end))
    assert (found.start, found.end, found.anchored, found.method) == (10, 10, False, "orphan")


def test_short_quote_is_not_matched_fuzzily() -> None:
    target = make_target("a cat sat", 2, 5)
    assert anchor("a dog sat", target).method == "orphan"


def test_empty_text_and_empty_quote() -> None:
    target = make_target(ARTICLE, 10, 10)
    assert anchor(ARTICLE, target).method == "position"
    assert anchor("", make_target(ARTICLE, 0, 20)).method == "orphan"


def test_fuzzy_match_on_a_large_text_is_fast() -> None:
    rng = random.Random(7)
    words = [f"w{n}" for n in range(3000)] + ["the", "a", "of", "to", "in", "and"] * 200
    text = " ".join(rng.choice(words) for _ in range(170_000))  # about 1 MB
    spans = []
    for _ in range(100):
        start = rng.randrange(len(text) - 200)
        spans.append(snap_span(text, start, start + rng.randint(30, 150)))
    targets = [make_target(text, a, b) for a, b in spans]
    changed = list("Inserted lede paragraph.\n\n" + text)
    for a, _ in spans:  # one typo inside every highlight
        changed[a + 26 + 10] = "#"
    new = "".join(changed)
    began = time.perf_counter()
    found = [anchor(new, t) for t in targets]
    elapsed = time.perf_counter() - began
    assert sum(f.anchored for f in found) >= 95
    assert elapsed < 5.0, elapsed


def test_one_word_replaced_in_many_highlights_of_a_large_text_is_fast() -> None:
    rng = random.Random(11)
    vocabulary = [f"w{n}" for n in range(3000)] + ["the", "a", "of", "to", "in", "and"] * 200
    text = " ".join(rng.choice(vocabulary) for _ in range(170_000))  # about 1 MB
    spans = [(m.start(), m.end()) for m in re.finditer(r"\w+", text)]
    picks = sorted(rng.sample(range(0, len(spans) - 30, 30), 100))  # highlights apart
    targets, replaced, parts, at = [], [], [], 0
    for index in picks:
        first, last = index, index + rng.randint(5, 20)
        targets.append(make_target(text, spans[first][0], spans[last][1]))
        a, b = spans[rng.randint(first, last)]
        parts += [text[at:a], "replaced"]
        replaced.append((len("".join(parts)) - len("replaced"), b - a))
        at = b
    new = "".join([*parts, text[at:]])
    began = time.perf_counter()
    found = [anchor(new, target) for target in targets]
    elapsed = time.perf_counter() - began
    shift = 0
    exact = 0
    for target, placed, (where, length) in zip(targets, found, replaced, strict=True):
        grown = len("replaced") - length
        expected = (target.position.start + shift, target.position.end + shift + grown)
        exact += (placed.start, placed.end) == expected and placed.start <= where
        shift += grown
    assert exact >= 98, exact
    assert elapsed < 5.0, elapsed


def test_the_first_word_and_the_one_before_it_both_changed() -> None:
    """The old context gone on that side too: as many words as were replaced are taken."""
    quote = "engineers said the new terminal would open in April"
    start, end = span_of(FERRY, quote)
    target = make_target(FERRY, start, end)
    changed = FERRY.replace("The harbour engineers said", "The city surveyors said")
    found = anchor(changed, target)
    assert changed[found.start : found.end] == "surveyors said the new terminal would open in April"
    assert found.method == "fuzzy"


@given(st.text(), st.data())
def test_same_text_gives_the_snapped_span_back_by_position(text: str, data: st.DataObject) -> None:
    a = data.draw(st.integers(0, len(text)))
    b = data.draw(st.integers(0, len(text)))
    target = make_target(text, a, b)
    assert (target.position.start, target.position.end) == snap_span(text, a, b)
    found = anchor(text, target)
    assert found.method == "position" and found.anchored and not found.changed
    assert (found.start, found.end) == snap_span(text, a, b)


@given(st.text(min_size=1), st.data())
def test_anchor_always_returns_a_span_inside_the_text(text: str, data: st.DataObject) -> None:
    original = data.draw(st.text(min_size=1))
    a = data.draw(st.integers(0, len(original)))
    b = data.draw(st.integers(0, len(original)))
    found = anchor(text, make_target(original, a, b))
    assert 0 <= found.start <= found.end <= len(text)


# -- one word changed inside a highlight: the exact span found again -----------------------------

FERRY = (
    "KESTREL BAY (Wire) — The ferry operator told the news agency on Monday that Ingrid "
    "Holloway would step down as chief executive. Her deputy, Tomas Reyne, will run the company "
    "until a successor is found.\n\n"
    "“Nobody saw this coming,” said Pell Abernathy, who has crewed the boats for 19 years. "
    "“She built this company from two old hulls.”\n\n"
    "The harbour engineers said the new terminal would open in April. The old one will close a "
    "week later, and the board’s chair said the car park would stay free until June."
)

#: (name, quote as highlighted, the words it held, what they became, the text expected now)
ONE_WORD = [
    (
        "a word in the middle, a name at the end",
        "told the news agency on Monday that Ingrid Holloway",
        "news",
        "press",
        "told the press agency on Monday that Ingrid Holloway",
    ),
    (
        "the last word, longer now",
        "The harbour engineers said",
        "said",
        "stated",
        "The harbour engineers stated",
    ),
    (
        "a whole sentence",
        "The harbour engineers said the new terminal would open in April.",
        "said",
        "stated",
        "The harbour engineers stated the new terminal would open in April.",
    ),
    (
        "the first word",
        "The harbour engineers said the new terminal would open in April.",
        "The harbour",
        "Our harbour",
        "Our harbour engineers said the new terminal would open in April.",
    ),
    (
        "the last word, much longer",
        "the new terminal would open in April",
        "April",
        "September",
        "the new terminal would open in September",
    ),
    (
        "the last word, shorter, a sentence right after",
        "the new terminal would open in April",
        "April",
        "May",
        "the new terminal would open in May",
    ),
    (
        "the first word of a sentence, the sentence before left alone",
        "Her deputy, Tomas Reyne, will run the company",
        "Her",
        "Their",
        "Their deputy, Tomas Reyne, will run the company",
    ),
    (
        "a word inserted",
        "the new terminal would open in April",
        "new terminal",
        "new ferry terminal",
        "the new ferry terminal would open in April",
    ),
    (
        "a word deleted",
        "told the news agency on Monday that Ingrid Holloway",
        "news ",
        "",
        "told the agency on Monday that Ingrid Holloway",
    ),
    (
        "inside curly quotes",
        "“Nobody saw this coming,” said Pell Abernathy",
        "coming",
        "happening",
        "“Nobody saw this happening,” said Pell Abernathy",
    ),
    (
        "curly quotes made straight",
        "“Nobody saw this coming,” said Pell Abernathy",
        "“Nobody saw this coming,”",
        '"Nobody saw this coming,"',
        '"Nobody saw this coming," said Pell Abernathy',
    ),
    (
        "an apostrophe inside the last word",
        "the board’s chair said the car park",
        "chair",
        "president",
        "the board’s president said the car park",
    ),
    (
        "a highlight that began mid-word keeps that",
        "rry operator told the news agency",
        "news",
        "press",
        "rry operator told the press agency",
    ),
]


def edited(text: str, quote: str, old: str, new: str) -> tuple[str, Target]:
    """``text`` with ``old`` changed to ``new`` inside ``quote``, and the target of ``quote``."""
    start, end = span_of(text, quote)
    target = make_target(text, start, end)
    return text[:start] + quote.replace(old, new, 1) + text[end:], target


@pytest.mark.parametrize("moved", [False, True], ids=["in place", "moved down"])
@pytest.mark.parametrize(
    ("quote", "old", "new", "expected"),
    [case[1:] for case in ONE_WORD],
    ids=[case[0] for case in ONE_WORD],
)
def test_one_word_changed_finds_the_whole_new_span(
    quote: str, old: str, new: str, expected: str, moved: bool
) -> None:
    changed, target = edited(FERRY, quote, old, new)
    if moved:
        changed = "CORRECTION: an earlier version gave the wrong date.\n\n" + changed
    found = anchor(changed, target)
    assert changed[found.start : found.end] == expected
    assert (found.anchored, found.method, found.changed) == (True, "fuzzy", True)
    assert 0.5 <= found.similarity < 1.0


def test_a_changed_copy_in_place_wins_over_the_same_words_elsewhere() -> None:
    text = (
        "In March the council said no to the new depot. Residents cheered outside the hall.\n\n"
        "In June the council said no to the new depot. Residents cheered outside the hall again."
    )
    start, end = span_of(text, "the council said no to the new depot", occurrence=1)
    target = make_target(text, start, end)
    changed = text[:start] + "the council stated no to the new depot" + text[end:]
    found = anchor(changed, target)
    assert changed[found.start : found.end] == "the council stated no to the new depot"
    assert found.start > changed.index("In June")
    assert found.method == "fuzzy" and found.changed


def test_the_new_span_does_not_run_into_the_next_sentence() -> None:
    text = "The mayor opened the new library on Friday. Crowds waited in the rain."
    start, end = span_of(text, "The mayor opened the new library on Friday.")
    target = make_target(text, start, end)
    for old, new, expected in (
        ("Friday.", "May.", "The mayor opened the new library on May."),
        ("Friday.", "Tuesday.", "The mayor opened the new library on Tuesday."),
    ):
        changed = text.replace(old, new)
        found = anchor(changed, target)
        assert changed[found.start : found.end] == expected


def test_exact_and_unchanged_matches_report_no_change() -> None:
    start, end = span_of(ARTICLE, "engineers had found rot")
    target = make_target(ARTICLE, start, end)
    in_place = anchor(ARTICLE, target)
    moved = anchor("A new line.\n\n" + ARTICLE, target)
    for found in (in_place, moved):
        assert (found.similarity, found.changed) == (1.0, False)
    gone = anchor("Nothing like it.", target)
    assert (gone.anchored, gone.changed, gone.similarity) == (False, False, 0.0)


def test_percent_same_never_rounds_a_change_away() -> None:
    assert percent_same(1.0) == 100
    assert percent_same(0.996) == 99
    assert percent_same(0.874) == 87
    assert percent_same(0.001) == 1
    assert percent_same(0.0) == 0


# -- properties: random articles, a random word-aligned highlight, one word replaced -------------


def words(text: str) -> tuple[str, ...]:
    return tuple(text.split())


VOCABULARY = words(
    "harbour council ferry voted pier repairs season board engineers piles spring fishermen "
    "crowns mayor library crowds rain bridge depot residents hall tickets terminal deputy company "
    "the a of to and in on at said would reopen close found new old two twelve Tuesday"
)
REPLACEMENTS = words("press stated quietly Wednesday council reportedly wooden ninety rebuilt")


@st.composite
def article_with_highlight(draw: st.DrawFn) -> tuple[str, list[tuple[int, int]], int, int]:
    """Text, its words' spans, and a highlight from word ``first`` to word ``last``."""
    sentences = []
    for _ in range(draw(st.integers(2, 8))):
        # Sentences may repeat, words within one do not: "harbour harbour harbour" with one of
        # them replaced has no single right answer.
        words = draw(st.lists(st.sampled_from(VOCABULARY), min_size=4, max_size=14, unique=True))
        sentence = " ".join(words)
        mark = draw(st.sampled_from([".", ".", "?", "!"]))
        if draw(st.booleans()):
            sentence = f"“{sentence},” said {draw(st.sampled_from(VOCABULARY))}"
        sentences.append(sentence[0].upper() + sentence[1:] + mark)
    parts = [sentences[0]]
    for sentence in sentences[1:]:
        parts.append(draw(st.sampled_from([" ", " ", "\n\n"])) + sentence)
    text = "".join(parts)
    spans = [(m.start(), m.end()) for m in re.finditer(r"\w+", text)]
    first = draw(st.integers(0, len(spans) - 5))
    last = draw(st.integers(first + 4, min(len(spans) - 1, first + 20)))
    return text, spans, first, last


def is_word_boundary(text: str, at: int) -> bool:
    before = at > 0 and text[at - 1].isalnum()
    after = at < len(text) and text[at].isalnum()
    return before != after


def replace_one_word(
    drawn: tuple[str, list[tuple[int, int]], int, int], replacement: str, data: st.DataObject
) -> tuple[str, Target, tuple[int, int], tuple[int, int]]:
    """The article with one word of the highlight replaced (and maybe a paragraph put above it):
    the new text, the highlight's target, the span expected now and where the new word is."""
    text, spans, first, last = drawn
    start, end = spans[first][0], spans[last][1]
    target = make_target(text, start, end)
    a, b = spans[data.draw(st.integers(first, last), label="replaced word")]
    assume(text[a:b] != replacement)
    lede = data.draw(st.sampled_from(["", "An update was added above.\n\n"]), label="lede")
    changed = lede + text[:a] + replacement + text[b:]
    grown = len(replacement) - (b - a)
    at = len(lede) + a
    return (
        changed,
        target,
        (len(lede) + start, len(lede) + end + grown),
        (at, at + len(replacement)),
    )


@given(article_with_highlight(), st.sampled_from(REPLACEMENTS), st.data())
def test_one_random_word_replaced_keeps_to_word_boundaries(
    drawn: tuple[str, list[tuple[int, int]], int, int], replacement: str, data: st.DataObject
) -> None:
    """Any article, repeats and all: the span keeps to words and takes the new word whole."""
    changed, target, (start, end), (a, b) = replace_one_word(drawn, replacement, data)
    found = anchor(changed, target)
    if not found.anchored:  # only when too little of the quote is left
        assert SequenceMatcher(None, changed[start:end], target.quote.exact).ratio() < 0.8
        return
    assert is_word_boundary(changed, found.start) and is_word_boundary(changed, found.end)
    if found.start < b and a < found.end:  # placed over the edit (not on a copy elsewhere)
        assert found.start <= a and b <= found.end
        assert found.changed


@given(article_with_highlight(), st.sampled_from(REPLACEMENTS), st.data())
def test_one_random_word_replaced_is_found_exactly(
    drawn: tuple[str, list[tuple[int, int]], int, int], replacement: str, data: st.DataObject
) -> None:
    """With the old context all there either side, the new span is exactly the edited quote."""
    text, spans, first, last = drawn
    assume(spans[first][0] >= CONTEXT and spans[last][1] <= len(text) - CONTEXT)
    changed, target, expected, _ = replace_one_word(drawn, replacement, data)
    quote = target.quote
    assume(quote.prefix + quote.exact + quote.suffix not in changed)  # else that copy is as good
    found = anchor(changed, target)
    assert (found.start, found.end) == expected
    assert (found.method, found.changed) == ("fuzzy", True)


@given(article_with_highlight(), st.sampled_from(REPLACEMENTS), st.data())
def test_one_word_inserted_or_deleted_is_found_exactly(
    drawn: tuple[str, list[tuple[int, int]], int, int], word: str, data: st.DataObject
) -> None:
    """A whole word put in (before any word of the highlight) or taken out, context all there."""
    text, spans, first, last = drawn
    start, end = spans[first][0], spans[last][1]
    assume(start >= CONTEXT and end <= len(text) - CONTEXT)
    target = make_target(text, start, end)
    k = data.draw(st.integers(first, last), label="word")
    a, b = spans[k]
    if data.draw(st.booleans(), label="insert"):
        changed, grown = text[:a] + word + " " + text[a:], len(word) + 1
    else:  # the word and the space or punctuation after it (before it, for the last word)
        a, b = (a, spans[k + 1][0]) if k < last else (spans[k - 1][1], b)
        changed, grown = text[:a] + text[b:], a - b
    quote = target.quote
    assume(quote.prefix + quote.exact + quote.suffix not in changed)
    # A highlight on text the article repeats has more than one equally close match.
    assume(text.count(text[start:end]) == 1)
    found = anchor(changed, target)
    assert (found.start, found.end) == (start, end + grown)
    assert (found.method, found.changed) == ("fuzzy", True)


@given(article_with_highlight())
def test_unchanged_random_article_anchors_by_position_with_no_change(
    drawn: tuple[str, list[tuple[int, int]], int, int],
) -> None:
    text, spans, first, last = drawn
    target = make_target(text, spans[first][0], spans[last][1])
    found = anchor(text, target)
    assert (found.start, found.end) == (spans[first][0], spans[last][1])
    assert (found.method, found.similarity, found.changed) == ("position", 1.0, False)
