"""The side column beside the reading pane: a tab per pane (entities, quotes, highlights, outline).

The screen decides which tab shows; the panes post what the reader chose and never touch the
reading pane themselves.
"""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.widgets import TabbedContent, TabPane, Tabs

from reader.article import Article
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


class SidePanel(Vertical):
    """The tabs of the side column."""

    def __init__(self, article: Article, **kwargs: str) -> None:
        super().__init__(**kwargs)
        self.article = article

    def compose(self) -> ComposeResult:
        with TabbedContent(id="panes", initial=PANES["entities"]):
            with TabPane("Entities", id=PANES["entities"]):
                yield EntitiesPane(self.article, id="entities")
            with TabPane("Quotes", id=PANES["quotes"]):
                yield QuotesPane(id="quotes")
            with TabPane("Highlights", id=PANES["highlights"]):
                yield HighlightsPane(id="highlights")
            with TabPane("Article", id=PANES["article"]):
                yield ArticlePane(self.article, id="article-pane")

    def on_mount(self) -> None:
        # Tabs are switched with the screen's keys; leaving them out of the focus chain keeps
        # tab/shift+tab moving straight between the reading pane and the lists.
        self.query_one(Tabs).can_focus = False

    @property
    def active(self) -> str:
        tab = self.query_one(TabbedContent).active
        return next((name for name, tab_id in PANES.items() if tab_id == tab), "entities")

    def show(self, pane: str) -> None:
        self.query_one(TabbedContent).active = PANES[pane]
        if pane == "article":
            self.query_one(ArticlePane).fill()

    @on(TabbedContent.TabActivated)
    def fill_on_first_show(self, event: TabbedContent.TabActivated) -> None:
        if event.pane.id == PANES["article"]:
            self.query_one(ArticlePane).fill()

    def show_paragraph(self, index: int) -> None:
        self.query_one(ArticlePane).show_paragraph(index)
