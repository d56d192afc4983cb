"""The article pane of the side column: the article's details and an outline of its paragraphs."""

from __future__ import annotations

from rich.table import Table
from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.message import Message
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from reader.article import Article
from reader.inert import inert_line

#: Characters of a paragraph shown in the outline: one line of the side column.
OUTLINE_CHARS = 30


def details(article: Article) -> Table:
    """A two-column table of what is known about the article."""
    table = Table.grid(padding=(0, 1))
    table.add_column(style="bold", no_wrap=True)
    table.add_column()
    rows = [
        ("Date", article.date.isoformat() if article.date else "—"),
        ("Place", article.place or "—"),
        ("Agency", article.agency or "—"),
        ("Words", f"{article.words:,} ({article.reading_minutes} min)"),
        ("Text", "cut off" if article.truncated else "complete"),
        ("Format", article.format),
        ("File", article.source),
    ]
    for label, value in rows:
        table.add_row(label, Text(inert_line(value)))
    return table


def outline_prompt(article: Article, index: int) -> Text:
    paragraph = article.paragraphs[index]
    snippet = inert_line(
        article.text[paragraph.start : min(paragraph.end, paragraph.start + OUTLINE_CHARS + 1)]
    )
    if paragraph.end - paragraph.start > OUTLINE_CHARS:
        snippet = snippet[:OUTLINE_CHARS].rstrip() + "…"
    label = Text(f"{index + 1:>3} ", style="dim", no_wrap=True, overflow="ellipsis")
    label.append(snippet, style="bold" if paragraph.heading else "")
    return label


class ArticlePane(Vertical):
    """Details above, the paragraph outline below; Enter on a paragraph jumps to it."""

    class ParagraphChosen(Message):
        def __init__(self, offset: int) -> None:
            super().__init__()
            self.offset = offset

    def __init__(self, article: Article, **kwargs: str) -> None:
        super().__init__(**kwargs)
        self.article = article
        self._current = 0

    def compose(self) -> ComposeResult:
        yield Static("Article", classes="pane-title")
        yield Static(details(self.article), id="details")
        yield Static("Outline", classes="pane-title")
        yield OptionList(id="outline")

    def fill(self) -> None:
        """Build the outline the first time it is shown: a 1 MB article has thousands of rows."""
        outline = self.query_one("#outline", OptionList)
        if outline.option_count or not self.article.paragraphs:
            return
        outline.add_options(
            Option(outline_prompt(self.article, index), id=str(index))
            for index in range(len(self.article.paragraphs))
        )
        self.show_paragraph(self._current)

    def show_paragraph(self, index: int) -> None:
        """Mark the paragraph the caret is in, without moving focus."""
        self._current = index
        outline = self.query_one("#outline", OptionList)
        if 0 <= index < outline.option_count and outline.highlighted != index:
            outline.highlighted = index

    @on(OptionList.OptionSelected, "#outline")
    def jump_to_paragraph(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        index = int(event.option.id or 0)
        self.post_message(self.ParagraphChosen(self.article.paragraphs[index].start))
