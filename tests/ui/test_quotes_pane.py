"""The quotes pane: who said what, in order or by speaker; Enter goes to the quote."""

from __future__ import annotations

import re

from textual.widgets import OptionList, Static

from reader.article import parse_article
from reader.store import AnnotationStore
from reader.ui.app import make_app
from reader.ui.widgets.article_view import ArticleView
from reader.ui.widgets.entities_pane import EntitiesPane
from reader.ui.widgets.quotes_pane import QuotesPane
from reader.ui.widgets.side_panel import SidePanel
from tests.ui.screen_text import read_as_text, region_rows
from tests.ui.test_entities_pane import RIGA

STORY = (
    " date 2025-04-02 GDANSK, Poland (AP) — Shipyard owner Tomasz Wierzba said on Tuesday that "
    "the yard would hire 300 welders this year.\n\n"
    "“We have more orders than hands,” Wierzba said. “Every berth is booked until 2027.”\n\n"
    "Union leader Agata Lis called the plan “a start” but warned that wages were too low.\n\n"
    "“Nobody will move to the coast for these salaries,” she said."
)


def prompts(pane: QuotesPane) -> list[str]:
    option_list = pane.query_one("#quote-list", OptionList)
    return [str(option_list.get_option_at_index(i).prompt) for i in range(option_list.option_count)]


async def open_quotes(pilot) -> QuotesPane:
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()
    await pilot.press("quotation_mark")
    await pilot.pause()
    return pilot.app.screen.query_one(QuotesPane)


async def test_quotes_listed_in_reading_order_with_speakers(store: AnnotationStore) -> None:
    article = parse_article(STORY, source="yard.txt")
    app = make_app(store, article=article, cursor_blink=False)
    async with app.run_test(size=(140, 40)) as pilot:
        pane = await open_quotes(pilot)
        assert pane.quotes is not None
        speakers = [q.speaker for q in pane.quotes]
        assert "Tomasz Wierzba" in speakers and "Agata Lis" in speakers
        starts = [q.start for q in pane.quotes]
        assert starts == sorted(starts)
        last = next(q for q in pane.quotes if q.text.startswith("Nobody will move"))
        assert last.speaker == "Agata Lis"  # "she said", resolved
        assert app.focused is pane.query_one("#quote-list")


async def test_o_groups_by_speaker(store: AnnotationStore) -> None:
    article = parse_article(STORY, source="yard.txt")
    app = make_app(store, article=article, cursor_blink=False)
    async with app.run_test(size=(140, 40)) as pilot:
        pane = await open_quotes(pilot)
        await pilot.press("o")
        shown = prompts(pane)
        headers = [p for p in shown if "\n" not in p]
        assert any(h.startswith("Tomasz Wierzba") for h in headers)
        assert any(h.startswith("Agata Lis") for h in headers)


async def test_enter_jumps_to_the_quote_and_marks_it(store: AnnotationStore) -> None:
    article = parse_article(STORY, source="yard.txt")
    app = make_app(store, article=article, cursor_blink=False)
    async with app.run_test(size=(140, 40)) as pilot:
        pane = await open_quotes(pilot)
        assert pane.quotes is not None
        first = pane.quotes[0]
        await pilot.press("enter")
        await pilot.pause()
        view = app.screen.query_one(ArticleView)
        assert view.caret == first.start
        assert view.matches == [(first.start, first.end)]


async def test_entity_card_lists_what_a_person_said(store: AnnotationStore) -> None:
    article = parse_article(STORY, source="yard.txt")
    app = make_app(store, article=article, cursor_blink=False)
    async with app.run_test(size=(140, 40)) as pilot:
        await pilot.app.workers.wait_for_complete()
        await pilot.pause()
        await pilot.press("e")
        await pilot.pause()
        pane = app.screen.query_one(EntitiesPane)
        assert pane.highlighted is not None
        card = str(pane.query_one("#entity-card", Static).content)
        assert "Said (" in card
        assert "We have more orders than hands" in card


async def test_the_cue_and_the_kind_never_run_together_however_the_list_wraps(
    store: AnnotationStore,
) -> None:
    """A row that wrapped between "said" and "(reported)" read "said(reported)" off the screen."""
    article = parse_article(RIGA, source="riga.txt")
    app = make_app(store, article=article, cursor_blink=False)
    async with app.run_test(size=(100, 30)) as pilot:
        pane = await open_quotes(pilot)
        option_list = pane.query_one("#quote-list", OptionList)
        side = app.screen.query_one(SidePanel)
        # From the narrowest that holds the longest word (narrower, words are cut anyway);
        # grouped by speaker, the rows are the same but for the speaker: a sample is enough.
        for by_speaker, widths in ((False, range(20, 60)), (True, range(20, 60, 4))):
            assert pane.by_speaker == by_speaker
            for width in widths:
                side.styles.width = width
                await pilot.pause()
                rows = region_rows(app, option_list.scrollable_content_region)
                text = read_as_text(rows)
                assert "said(" not in text, (width, rows)
                assert re.search(r"Administration\s+·\s+said\s+\(reported\)", text) or (
                    by_speaker and re.search(r"said\s+\(reported\)", text)
                ), (width, rows)
                # The quoted words keep their spaces across rows, and hang under the first.
                assert re.search(r"the\s+repairs\s+would\s+take\s+three\s+weeks", text)
            await pilot.press("o")


def test_a_quote_without_a_cue_of_its_own_shows_no_empty_brackets() -> None:
    from reader.extract import extract_entities, extract_quotes
    from reader.ui.widgets.entities_pane import entity_card

    article = parse_article(STORY, source="yard.txt")
    entities = extract_entities(article.text)
    quotes = extract_quotes(article.text, entities)
    (owner,) = [e for e in entities if e.name == "Tomasz Wierzba"]
    card = entity_card(article, owner, quotes).plain
    assert "Every berth is booked until 2027." in card  # the second quote, which goes on
    assert "()" not in card and "(said)" in card
