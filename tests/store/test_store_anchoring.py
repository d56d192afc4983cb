"""Re-anchoring: highlights follow their text through edits; what cannot be placed is an orphan."""

from __future__ import annotations

import random
import time

from hypothesis import given
from hypothesis import strategies as st

from reader.store.anchoring import CONTEXT, anchor, make_target
from reader.store.graphemes import snap_span

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
    assert found == type(found)(10, 10, False, "orphan")


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


@given(st.text(), st.data())
def test_same_text_gives_the_snapped_span_back_by_position(text: str, data: st.DataObject) -> None:
    a = data.draw(st.integers(0, len(text)))
    b = data.draw(st.integers(0, len(text)))
    target = make_target(text, a, b)
    assert (target.position.start, target.position.end) == snap_span(text, a, b)
    found = anchor(text, target)
    assert found.method == "position" and found.anchored
    assert (found.start, found.end) == snap_span(text, a, b)


@given(st.text(min_size=1), st.data())
def test_anchor_always_returns_a_span_inside_the_text(text: str, data: st.DataObject) -> None:
    original = data.draw(st.text(min_size=1))
    a = data.draw(st.integers(0, len(original)))
    b = data.draw(st.integers(0, len(original)))
    found = anchor(text, make_target(original, a, b))
    assert 0 <= found.start <= found.end <= len(text)
