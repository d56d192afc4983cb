"""The side column's tabs and the pane in each, built just after the article's first frame.

A module of its own so that the first frame loads none of it: Textual's tabs, the four panes
and what they import.
"""

from __future__ import annotations

from dataclasses import dataclass

from textual.widgets import TabbedContent, TabPane

from reader.article import Article
from reader.ui.widgets.article_pane import ArticlePane
from reader.ui.widgets.entities_pane import EntitiesPane
from reader.ui.widgets.highlights_pane import HighlightsPane
from reader.ui.widgets.quotes_pane import QuotesPane


@dataclass(frozen=True, slots=True)
class Panes:
    """The column's tabs and the pane in each."""

    tabs: TabbedContent
    entities: EntitiesPane
    quotes: QuotesPane
    highlights: HighlightsPane
    article: ArticlePane


def build_panes(article: Article, tab_ids: dict[str, str], initial: str) -> Panes:
    """The tabs (not yet mounted), one per pane, with tab ``initial`` showing."""
    tabs = TabbedContent(id="panes", initial=tab_ids[initial])
    panes = Panes(
        tabs,
        EntitiesPane(article, id="entities"),
        QuotesPane(id="quotes"),
        HighlightsPane(id="highlights"),
        ArticlePane(article, id="article-pane"),
    )
    for title, pane, name in (
        ("Entities", panes.entities, "entities"),
        ("Quotes", panes.quotes, "quotes"),
        ("Highlights", panes.highlights, "highlights"),
        ("Article", panes.article, "article"),
    ):
        tabs.compose_add_child(TabPane(title, pane, id=tab_ids[name]))
    return panes
