"""The entities pane: filled off the UI thread, grouped, filterable, lighting up mentions."""

from __future__ import annotations

import re

from textual.widgets import OptionList, Static

from reader.article import parse_article
from reader.store import AnnotationStore
from reader.ui.app import make_app
from reader.ui.screens.reading import ReadingScreen
from reader.ui.widgets.article_view import ArticleView
from reader.ui.widgets.entities_pane import EntitiesPane
from reader.ui.widgets.reading_status import ReadingStatus
from reader.ui.widgets.side_panel import SidePanel
from tests.ui.screen_text import read_as_text, region_rows
from tests.ui.waiting import settled

STORY = (
    " date 2025-03-14 TROMSØ, Norway (AP) — Norwegian Fisheries Minister Astrid Vollan said on "
    "Thursday that the cod quota would be cut by a fifth.\n\n"
    "“The stock is not recovering fast enough,” Vollan told the Norwegian Broadcasting "
    "Corporation. Fishermen in Tromsø said the cut would cost jobs.\n\n"
    "The Fishermen’s Association of Northern Norway asked Vollan to delay the decision until "
    "the autumn survey."
)


async def ready(pilot) -> tuple[ArticleView, EntitiesPane]:
    await settled(pilot)
    screen = pilot.app.screen
    assert isinstance(screen, ReadingScreen)
    return screen.query_one(ArticleView), screen.query_one(EntitiesPane)


def labels(pane: EntitiesPane) -> list[str]:
    option_list = pane.query_one("#entity-list", OptionList)
    return [str(option_list.get_option_at_index(i).prompt) for i in range(option_list.option_count)]


async def test_pane_lists_entities_grouped_by_type(store: AnnotationStore) -> None:
    article = parse_article(STORY, source="cod.txt")
    app = make_app(store, article=article, cursor_blink=False)
    async with app.run_test(size=(140, 40)) as pilot:
        view, pane = await ready(pilot)
        assert pane.entities is not None
        shown = labels(pane)
        assert shown[0].startswith("People")
        vollan = next(label for label in shown if label.startswith("Astrid Vollan"))
        assert "×3" in vollan and "minister" in vollan.lower()
        assert any(label.startswith("Places") for label in shown)
        # Nothing is lit up until the reader goes into the list.
        assert view.matches == []


async def test_entering_the_list_lights_up_mentions_and_enter_jumps(
    store: AnnotationStore,
) -> None:
    article = parse_article(STORY, source="cod.txt")
    app = make_app(store, article=article, cursor_blink=False)
    async with app.run_test(size=(140, 40)) as pilot:
        view, pane = await ready(pilot)
        await pilot.press("e")
        await pilot.pause()
        entity = pane.highlighted
        assert entity is not None and entity.name == "Astrid Vollan"
        assert view.matches == [(m.start, m.end) for m in entity.mentions]
        status = app.screen.query_one(ReadingStatus)
        assert status.search == "Astrid Vollan: 3 mentions"
        await pilot.press("enter")
        first = view.caret
        assert article.text[first : first + 6] in ("Astrid", "Vollan")
        await pilot.press("n")
        assert view.caret > first
        await pilot.press("N")
        assert view.caret == first
        assert status.search == "Astrid Vollan: 1/3 mentions"
        # The mentions stay lit in the reading pane, where n steps through them too.
        await pilot.press("tab")
        assert app.focused is view
        await pilot.press("n")
        assert view.current_match == 1
        await pilot.press("escape")
        assert view.matches == []


async def test_filter_as_you_type(store: AnnotationStore) -> None:
    article = parse_article(STORY, source="cod.txt")
    app = make_app(store, article=article, cursor_blink=False)
    async with app.run_test(size=(140, 40)) as pilot:
        _, pane = await ready(pilot)
        await pilot.press("e", "slash", *"trom")
        await pilot.pause()
        shown = labels(pane)
        assert any(label.startswith("Tromsø") for label in shown)
        assert not any(label.startswith("Astrid") for label in shown)
        await pilot.press("escape")
        await pilot.pause()
        assert any(label.startswith("Astrid") for label in labels(pane))
        assert app.focused is pane.query_one("#entity-list")


async def test_entity_card_shows_role_aliases_and_sentences(store: AnnotationStore) -> None:
    article = parse_article(STORY, source="cod.txt")
    app = make_app(store, article=article, cursor_blink=False)
    async with app.run_test(size=(140, 40)) as pilot:
        _, pane = await ready(pilot)
        await pilot.press("e")
        await pilot.pause()
        card = str(pane.query_one("#entity-card", Static).content)
        assert "Astrid Vollan" in card
        assert "also: Vollan" in card
        assert "3 mentions" in card
        assert "• “The stock is not recovering fast enough,”" in card


async def test_e_opens_the_side_column_at_80_columns(store: AnnotationStore) -> None:
    article = parse_article(STORY, source="cod.txt")
    app = make_app(store, article=article, cursor_blink=False)
    async with app.run_test(size=(80, 24)) as pilot:
        _, pane = await ready(pilot)
        side = app.screen.query_one(SidePanel)
        assert side.region.width == 0
        await pilot.press("e")
        await pilot.pause()
        assert side.region.width > 0
        assert app.focused is pane.query_one("#entity-list")
        await pilot.press("i")
        await pilot.pause()
        assert side.active == "article"
        assert app.focused is not None and app.focused.id == "outline"


# -- the card, read off the screen at every width -----------------------------------------------

RIGA = (
    " date 2025-05-06 RIGA, Latvia (AP) — Harbour commissioner Rodion Velichkovsky said on "
    "Tuesday that the night ferry would stop until the ramp is mended.\n\n"
    "“Nobody boards a ship over a broken ramp,” Velichkovsky said. The Latvian Maritime Safety "
    "Administration said the repairs would take three weeks.\n\n"
    "Velichkovsky said the ferry would run again in June."
)


def card_rows(app, pane: EntitiesPane) -> list[str]:
    """The card's rows as drawn, inside the box's padding (which would add spaces of its own)."""
    card = pane.query_one("#entity-card")
    box = pane.query_one("#entity-card-box")
    visible = card.content_region.intersection(box.scrollable_content_region)
    return region_rows(app, visible)


async def test_the_name_and_its_kind_never_run_together_however_the_card_wraps(
    store: AnnotationStore,
) -> None:
    """Wrapped between name and kind, the row used to end "…Velichkovsky" and the next start
    "person": read off the screen, "Velichkovskyperson". Every width, long names included."""
    article = parse_article(RIGA, source="riga.txt")
    app = make_app(store, article=article, cursor_blink=False)
    async with app.run_test(size=(100, 30)) as pilot:
        _, pane = await ready(pilot)
        await pilot.press("e")
        await pilot.pause()
        assert pane.highlighted is not None and pane.highlighted.name == "Rodion Velichkovsky"
        side = app.screen.query_one(SidePanel)
        # From the narrowest that holds the longest word (narrower, words are cut anyway).
        for width in range(21, 44):
            side.styles.width = width
            await pilot.pause()
            rows = card_rows(app, pane)
            text = read_as_text(rows)
            assert re.search(r"Rodion\s+Velichkovsky\s+person", text), (width, rows)
            assert "mention" in text
            # Rows a line wraps onto are indented under its first.
            name_row = next(i for i, row in enumerate(rows) if row.startswith("Rodion"))
            if "person" not in rows[name_row]:
                assert rows[name_row + 1].startswith("  "), (width, rows)
