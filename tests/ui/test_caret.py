"""Caret motions of the keyboard contract, without a screen."""

from __future__ import annotations

from reader.ui import caret
from reader.ui.search import find_all
from tests.ui.articles import short_article


def test_sentence_steps_visit_every_sentence_start() -> None:
    article = short_article()
    offset = caret.first(article)
    seen = [offset]
    for _ in range(len(article.sentences) + 2):
        offset = caret.sentence(article, offset, 1)
        seen.append(offset)
    assert sorted(set(seen)) == [s.start for s in article.sentences]
    assert offset == article.sentences[-1].start


def test_sentence_back_from_mid_sentence_goes_to_its_start() -> None:
    article = short_article()
    second = article.sentences[1]
    assert caret.sentence(article, second.start + 5, -1) == second.start
    assert caret.sentence(article, second.start, -1) == article.sentences[0].start


def test_paragraph_steps() -> None:
    article = short_article()
    starts = [p.start for p in article.paragraphs]
    assert caret.paragraph(article, starts[0], 1) == starts[1]
    assert caret.paragraph(article, starts[1] + 3, -1) == starts[1]
    assert caret.paragraph(article, starts[-1], 1) == starts[-1]


def test_word_steps_cross_paragraphs() -> None:
    article = short_article()
    last_word = article.paragraphs[0].end - len("week.")
    nxt = caret.word(article, last_word, 1)
    assert nxt == article.paragraphs[1].start
    assert caret.word(article, nxt, -1) == last_word


def test_first_skips_the_newswire_header() -> None:
    article = short_article()
    assert article.text[caret.first(article) :].startswith("Harbour pilots")


def test_clamp_keeps_the_caret_on_body_text() -> None:
    article = short_article()
    gap = article.paragraphs[0].end + 1
    assert caret.clamp(article, 0) == article.body_start
    assert caret.clamp(article, gap) == article.paragraphs[0].end - 1
    assert caret.clamp(article, 10**9) == article.paragraphs[-1].end - 1


def test_search_is_smart_case_and_spans_whitespace() -> None:
    article = short_article()
    assert len(find_all(article, "the port")) == 3
    assert len(find_all(article, "The port")) == 1
    assert find_all(article, "   ") == []
    lights = find_all(article, "channel   lights")
    assert len(lights) == 1 and article.text[slice(*lights[0])] == "channel lights"
