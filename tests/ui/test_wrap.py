"""Wrapping keeps every offset on exactly one screen line, at any width."""

from __future__ import annotations

import itertools

from hypothesis import given, settings
from hypothesis import strategies as st
from rich.cells import cell_len

from reader.article import parse_article
from reader.ui.wrap import Layout, Row
from tests.ui.articles import long_article, short_article


def covered(layout: Layout) -> list[tuple[int, int]]:
    return [(line.start, line.end) for line in layout.lines if line.kind is not Row.BLANK]


def test_lines_cover_each_paragraph_exactly() -> None:
    article = short_article()
    layout = Layout(article, 30)
    for index, para in enumerate(article.paragraphs):
        spans = [
            (line.start, line.end)
            for line in layout.lines
            if line.paragraph == index and line.kind is Row.TEXT
        ]
        assert spans[0][0] == para.start
        assert spans[-1][1] == para.end
        for (_, end), (start, _) in itertools.pairwise(spans):
            assert end == start


def test_words_fit_the_width() -> None:
    article = short_article()
    layout = Layout(article, 24)
    for start, end in covered(layout):
        assert cell_len(article.text[start:end].rstrip()) <= 24


def test_blank_row_between_paragraphs() -> None:
    article = short_article()
    layout = Layout(article, 40)
    kinds = [line.kind for line in layout.lines]
    assert kinds.count(Row.BLANK) == len(article.paragraphs) - 1


def test_row_of_and_offset_at_row_agree() -> None:
    article = long_article(10)
    layout = Layout(article, 33)
    for row, line in enumerate(layout.lines):
        if line.kind is Row.TEXT:
            assert layout.row_of(line.start) == row
            assert layout.offset_at_row(row) == line.start
            assert layout.row_of(line.end - 1) == row


def test_a_word_longer_than_the_line_is_cut() -> None:
    article = parse_article("A link https://example.org/" + "x" * 50 + " ends it.", source="t")
    layout = Layout(article, 20)
    assert all(cell_len(article.text[s:e].rstrip()) <= 20 for s, e in covered(layout))
    assert covered(layout)[0][0] == article.paragraphs[0].start


def test_wide_characters_are_measured_in_cells() -> None:
    article = parse_article("東京の記者が報告した。 " * 10, source="t")
    layout = Layout(article, 16)
    assert all(cell_len(article.text[s:e].rstrip()) <= 16 for s, e in covered(layout))


@settings(max_examples=60, deadline=None)
@given(st.text(min_size=1, max_size=400), st.integers(min_value=8, max_value=60))
def test_any_text_wraps_without_gaps(text: str, width: int) -> None:
    article = parse_article(text, source="t") if text.strip() else None
    if article is None or not article.paragraphs:
        return
    layout = Layout(article, width)
    for index, para in enumerate(article.paragraphs):
        spans = [
            (line.start, line.end)
            for line in layout.lines
            if line.paragraph == index and line.kind is not Row.BLANK
        ]
        assert spans[0][0] == para.start and spans[-1][1] == para.end
        assert all(a_end == b_start for (_, a_end), (b_start, _) in itertools.pairwise(spans))
