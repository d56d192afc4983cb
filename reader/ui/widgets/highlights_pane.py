"""The highlights pane: every highlight of the article in text order, with its colour and note.

Highlights whose words the article no longer has as they were are marked "changed" with how much
is the same; those that could not be placed at all (orphans) are listed last and marked, never
dropped. Enter jumps to a highlight in the text.
"""

from __future__ import annotations

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.message import Message
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from reader.inert import inert_line
from reader.ui.highlighting import COLORS, HighlightSet, Placed

#: Characters of the highlighted passage and of the note shown per entry.
PASSAGE_CHARS = 90
NOTE_CHARS = 70


def changed_mark(placed: Placed) -> str:
    """What the pane says beside a highlight whose words were edited: ``changed · 87% same``."""
    return f"changed · {placed.percent_same}% same"


def clip(text: str, limit: int) -> str:
    text = inert_line(" ".join(text.split()))
    return text if len(text) <= limit else text[:limit].rstrip() + "…"


class HighlightsPane(Vertical):
    """A list of the article's highlights; the screen fills it whenever they change."""

    COMPONENT_CLASSES = {f"highlights-pane--{color}" for color in COLORS} | {
        "highlights-pane--note",
        "highlights-pane--orphan",
        "highlights-pane--changed",
    }

    class Chosen(Message):
        """The reader picked a highlight: go to it."""

        def __init__(self, placed: Placed) -> None:
            super().__init__()
            self.placed = placed

    def __init__(self, **kwargs: str) -> None:
        super().__init__(**kwargs)
        self.highlights = HighlightSet()

    def compose(self) -> ComposeResult:
        yield OptionList(
            Option("No highlights yet: h highlights a sentence", disabled=True), id="highlight-list"
        )

    def focus_list(self) -> None:
        self.query_one("#highlight-list", OptionList).focus()

    def set_highlights(self, highlights: HighlightSet, text: str) -> None:
        self.highlights = highlights
        option_list = self.query_one("#highlight-list", OptionList)
        keep = option_list.highlighted
        option_list.clear_options()
        if not len(highlights):
            option_list.add_option(
                Option("No highlights yet: h highlights a sentence", disabled=True)
            )
            return
        placed = [p for p in highlights.all if p.anchored] + highlights.orphans
        option_list.add_options(Option(self._prompt(p, text), id=p.id) for p in placed)
        option_list.highlighted = min(keep or 0, len(placed) - 1)

    def _prompt(self, placed: Placed, text: str) -> Text:
        record = placed.record
        color = record.color if record.color in COLORS else COLORS[0]
        prompt = Text()
        prompt.append("▌", style=self.get_component_rich_style(f"highlights-pane--{color}"))
        if not placed.anchored:
            prompt.append(
                " not found in the text now ",
                self.get_component_rich_style("highlights-pane--orphan"),
            )
            prompt.append(clip(record.target.quote.exact, PASSAGE_CHARS))
        else:
            if placed.changed:
                prompt.append(
                    f" {changed_mark(placed)}",
                    self.get_component_rich_style("highlights-pane--changed"),
                )
            prompt.append(" " + clip(text[placed.start : placed.end], PASSAGE_CHARS))
        if record.note:
            prompt.append(
                "\n  " + clip(record.note, NOTE_CHARS),
                self.get_component_rich_style("highlights-pane--note"),
            )
        if record.tags:
            prompt.append(
                "\n  " + clip(" ".join(f"#{t}" for t in record.tags), NOTE_CHARS),
                self.get_component_rich_style("highlights-pane--note"),
            )
        return prompt

    @on(OptionList.OptionSelected, "#highlight-list")
    def go_to(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        placed = self.highlights.get(event.option.id or "")
        if placed is not None:
            self.post_message(self.Chosen(placed))
