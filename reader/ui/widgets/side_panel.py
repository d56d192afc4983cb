"""The side column beside the reading pane: a tab per pane (entities, quotes, highlights, outline).

The screen talks to the column, not to the panes: the column builds its tabs just after the
article's first frame (a quarter of the reading screen's start-up cost) and keeps whatever the
screen hands it before then. The panes post what the reader chose and never touch the reading
pane themselves.
"""

from __future__ import annotations

import asyncio
import contextlib
from dataclasses import dataclass
from typing import TYPE_CHECKING

from textual.containers import Vertical

from reader.article import Article

# The panes and Textual's tabs are imported when the column is built, after the first frame.
if TYPE_CHECKING:
    from textual.widgets import TabbedContent

    from reader.extract import Entity, Quote
    from reader.ui.highlighting import HighlightSet
    from reader.ui.widgets.article_pane import ArticlePane
    from reader.ui.widgets.entities_pane import EntitiesPane
    from reader.ui.widgets.highlights_pane import HighlightsPane
    from reader.ui.widgets.quotes_pane import QuotesPane

#: Tab ids by pane name, in the order the tabs show.
PANES = {
    "entities": "entities-tab",
    "quotes": "quotes-tab",
    "highlights": "highlights-tab",
    "article": "article-tab",
}


@dataclass(frozen=True, slots=True)
class Panes:
    """The column's tabs and the pane in each, once they are built."""

    tabs: TabbedContent
    entities: EntitiesPane
    quotes: QuotesPane
    highlights: HighlightsPane
    article: ArticlePane


class SidePanel(Vertical):
    """The tabs of the side column, built after the first frame."""

    def __init__(self, article: Article, **kwargs: str) -> None:
        super().__init__(**kwargs)
        self.article = article
        self.built = False
        self._panes: Panes | None = None
        self._entities: list[Entity] | None = None
        self._quotes: list[Quote] | None = None
        self._elsewhere: dict[str, int] = {}
        self._highlights: HighlightSet | None = None
        self._paragraph = 0
        self._pane = "entities"
        self._focus_wanted = False
        #: Set once the tabs are built, or will never be: the app waits for it before it exits,
        #: since tabs torn down in the middle of being mounted raise inside Textual.
        self._settled = asyncio.Event()

    def on_mount(self) -> None:
        self.call_after_refresh(self._build)

    async def settled(self, timeout: float = 2.0) -> None:
        """Return once the tabs are built (or will not be), or after ``timeout`` seconds."""
        with contextlib.suppress(TimeoutError):
            await asyncio.wait_for(self._settled.wait(), timeout)

    async def _build(self) -> None:
        try:
            await self._build_tabs()
        finally:
            self._settled.set()

    async def _build_tabs(self) -> None:
        if not self.is_attached:
            return  # the screen closed before its first frame was over (a quick q or Esc)
        from textual.widgets import TabbedContent, TabPane, Tabs

        from reader.ui.widgets.article_pane import ArticlePane
        from reader.ui.widgets.entities_pane import EntitiesPane
        from reader.ui.widgets.highlights_pane import HighlightsPane
        from reader.ui.widgets.quotes_pane import QuotesPane

        tabs = TabbedContent(id="panes", initial=PANES[self._pane])
        panes = Panes(
            tabs,
            EntitiesPane(self.article, id="entities"),
            QuotesPane(id="quotes"),
            HighlightsPane(id="highlights"),
            ArticlePane(self.article, id="article-pane"),
        )
        for title, pane, name in (
            ("Entities", panes.entities, "entities"),
            ("Quotes", panes.quotes, "quotes"),
            ("Highlights", panes.highlights, "highlights"),
            ("Article", panes.article, "article"),
        ):
            tabs.compose_add_child(TabPane(title, pane, id=PANES[name]))
        await self.mount(tabs)
        bar = self.query(Tabs)
        if not self.is_attached or not bar:
            return  # ... or while its tabs were being mounted (they were never composed)
        # Tabs are switched with the screen's keys; leaving them out of the focus chain keeps
        # tab/shift+tab moving straight between the reading pane and the lists.
        bar.first().can_focus = False
        self._panes = panes
        self.built = True
        # Give the panes what arrived before they did.
        if self._entities is not None:
            self.set_entities(self._entities)
        if self._quotes is not None:
            self.set_quotes(self._quotes)
        if self._elsewhere:
            self.set_elsewhere(self._elsewhere)
        if self._highlights is not None:
            self.set_highlights(self._highlights)
        self.show(self._pane, focus=self._focus_wanted)

    # -- what the screen hands down ---------------------------------------------------------------

    def set_entities(self, entities: list[Entity]) -> None:
        self._entities = entities
        if self._panes is not None:
            self._panes.entities.set_entities(entities)

    def set_elsewhere(self, counts: dict[str, int]) -> None:
        """In how many other indexed articles each entity is mentioned."""
        self._elsewhere = counts
        if self._panes is not None:
            self._panes.entities.set_elsewhere(counts)

    def set_quotes(self, quotes: list[Quote]) -> None:
        self._quotes = quotes
        if self._panes is not None:
            self._panes.quotes.set_quotes(quotes)
            self._panes.entities.set_quotes(quotes)

    def set_highlights(self, highlights: HighlightSet) -> None:
        self._highlights = highlights
        if self._panes is not None:
            self._panes.highlights.set_highlights(highlights, self.article.text)

    def show_paragraph(self, index: int) -> None:
        self._paragraph = index
        if self._panes is not None:
            self._panes.article.show_paragraph(index)

    # -- which pane shows -------------------------------------------------------------------------

    @property
    def active(self) -> str:
        if self._panes is None:
            return self._pane
        tab = self._panes.tabs.active
        return next((name for name, tab_id in PANES.items() if tab_id == tab), "entities")

    def show(self, pane: str, *, focus: bool = False) -> None:
        """Bring a pane to the front, and the keyboard into its list when ``focus``."""
        self._pane, self._focus_wanted = pane, focus
        if self._panes is None:
            return
        self._panes.tabs.active = PANES[pane]
        if pane == "article":
            article_pane = self._panes.article
            article_pane.fill()
            article_pane.show_paragraph(self._paragraph)
        if focus:
            self._focus_list(pane)

    def _focus_list(self, pane: str) -> None:
        assert self._panes is not None
        if pane == "entities":
            self._panes.entities.focus_list()
        elif pane == "quotes":
            self._panes.quotes.focus_list()
        elif pane == "highlights":
            self._panes.highlights.focus_list()
        else:
            self.query_one("#outline").focus()

    def on_tabbed_content_tab_activated(self, event: TabbedContent.TabActivated) -> None:
        """The outline is filled the first time its tab shows."""
        if self._panes is not None and event.pane.id == PANES["article"]:
            self._panes.article.fill()
