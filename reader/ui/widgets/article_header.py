"""The article's title and metadata line above the reading pane."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.widgets import Static

from reader.article import Article
from reader.inert import inert_line


def meta_line(article: Article) -> str:
    """Site · author · place · agency · date · words · reading time, as far as the article
    gives them."""
    parts = [
        article.site or "",
        f"by {article.author}" if article.author else "",
        article.place or "",
        article.agency or "",
        article.date.strftime("%-d %b %Y") if article.date else "",
        f"{article.words:,} words",
        f"{article.reading_minutes} min read" if article.words else "",
    ]
    return " · ".join(part for part in parts if part)


class ArticleHeader(Vertical):
    """Title (marked when it was derived from the first sentence) and the metadata line."""

    def __init__(self, article: Article, **kwargs: str) -> None:
        super().__init__(**kwargs)
        self.article = article

    def compose(self) -> ComposeResult:
        # Text objects, never markup strings: a title such as "[bold]" must show as typed.
        yield Static(Text(inert_line(self.article.title)), classes="title")
        yield Static(Text(inert_line(meta_line(self.article))), classes="meta")

    def on_mount(self) -> None:
        if self.article.title_derived:
            self.query_one(
                ".title"
            ).tooltip = "No headline in the file: taken from the first sentence"
