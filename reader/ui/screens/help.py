"""``?``: every key that works where the reader is, with what it does."""

from __future__ import annotations

from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Static

#: Key symbols Textual shows that the Linux console's fonts lack, and the words for them.
PLAIN_KEY_NAMES = {"⌫": "backspace", "⏎": "enter"}


def plain_keys(keys: str) -> str:
    for symbol, name in PLAIN_KEY_NAMES.items():
        keys = keys.replace(symbol, name)
    return keys


def bindings_table(rows: list[tuple[str, str]], *, plain: bool = False) -> Table:
    """Keys and what they do; ``plain`` spells out the key symbols a console font lacks."""
    table = Table.grid(padding=(0, 2))
    table.add_column(style="bold", no_wrap=True)
    table.add_column()
    for keys, description in rows:
        table.add_row(Text(plain_keys(keys) if plain else keys), Text(description))
    return table


class HelpScreen(ModalScreen[None]):
    """A list of keys, built from the bindings active when ``?`` was pressed."""

    BINDINGS = [
        Binding("escape,q,question_mark", "dismiss", "Close", id="help.close"),
        Binding("j,down", "scroll(1)", "Scroll down", id="help.down", show=False),
        Binding("k,up", "scroll(-1)", "Scroll up", id="help.up", show=False),
    ]

    def __init__(self, rows: list[tuple[str, str]]) -> None:
        super().__init__()
        self.rows = rows

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="help-body"):
            yield Static("Keys", classes="pane-title")
            plain = self.app.has_class("-plain-glyphs")
            yield Static(bindings_table(self.rows, plain=plain))
            yield Static(Text("Esc or ? closes this list", style="dim"))

    def action_scroll(self, step: int) -> None:
        body = self.query_one("#help-body", VerticalScroll)
        body.scroll_relative(y=step, animate=False)

    def action_dismiss(self) -> None:  # type: ignore[override]
        self.dismiss()
