"""The quotes pane: who said what, in reading order or grouped by speaker.

Enter jumps to the quote in the text and marks it; ``o`` switches the order. A quote whose
speaker the text does not give is listed as unattributed, never guessed.
"""

from __future__ import annotations

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.message import Message
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from reader.extract import Quote
from reader.inert import inert_line
from reader.ui.hanging import HangingText

#: Characters of each quote shown in the list.
QUOTE_CHARS = 110
UNATTRIBUTED = "unattributed"


def speaker_label(quote: Quote) -> str:
    return quote.speaker or UNATTRIBUTED


def quote_prompt(quote: Quote, *, with_speaker: bool = True) -> Text:
    """``Speaker · said (partial)`` over ``“the clipped quote…”``."""
    prompt = Text()
    if with_speaker:
        prompt.append(inert_line(speaker_label(quote)), style="bold" if quote.speaker else "dim")
        prompt.append(" · ", style="dim")
    prompt.append(inert_line(quote.cue or "no cue"), style="italic dim")
    if quote.kind != "direct":
        prompt.append(f" ({quote.kind})", style="dim")
    body = inert_line(" ".join(quote.text.split()))
    if len(body) > QUOTE_CHARS:
        body = body[:QUOTE_CHARS].rstrip() + "…"
    marks = ("", "") if quote.kind == "reported" else ("“", "”")
    prompt.append(f"\n  {marks[0]}{body}{marks[1]}")
    return prompt


class QuotesPane(Vertical):
    """Every quote of the article; the screen fills it from the extraction worker."""

    BINDINGS = [Binding("o", "toggle_order", "By speaker / in order", id="quotes.order")]

    class Chosen(Message):
        """The reader picked a quote: go to it in the text."""

        def __init__(self, quote: Quote) -> None:
            super().__init__()
            self.quote = quote

    def __init__(self, **kwargs: str) -> None:
        super().__init__(**kwargs)
        self.quotes: list[Quote] | None = None
        self.by_speaker = False

    def compose(self) -> ComposeResult:
        yield OptionList(Option("Finding quotes…", disabled=True), id="quote-list")

    def focus_list(self) -> None:
        self.query_one("#quote-list", OptionList).focus()

    def set_quotes(self, quotes: list[Quote]) -> None:
        self.quotes = quotes
        self._fill()

    def action_toggle_order(self) -> None:
        self.by_speaker = not self.by_speaker
        self._fill()

    def _fill(self) -> None:
        option_list = self.query_one("#quote-list", OptionList)
        option_list.clear_options()
        quotes = self.quotes or []
        if not quotes:
            option_list.add_option(Option("No quotes found in this article", disabled=True))
            return
        if not self.by_speaker:
            # Hanging rows: a speaker, cue and kind that wrap stay apart (see HangingText).
            option_list.add_options(
                Option(HangingText(quote_prompt(q)), id=str(i)) for i, q in enumerate(quotes)
            )
        else:
            groups: dict[str, list[int]] = {}
            for index, quote in enumerate(quotes):
                groups.setdefault(speaker_label(quote), []).append(index)
            # Most quoted first; the unattributed last.
            order = sorted(groups, key=lambda s: (s == UNATTRIBUTED, -len(groups[s]), s))
            for speaker in order:
                title = Text(f"{inert_line(speaker)} {len(groups[speaker])}", "bold underline")
                option_list.add_option(Option(title, disabled=True))
                option_list.add_options(
                    Option(HangingText(quote_prompt(quotes[i], with_speaker=False)), id=str(i))
                    for i in groups[speaker]
                )
        first = next(
            (
                i
                for i in range(option_list.option_count)
                if not option_list.get_option_at_index(i).disabled
            ),
            None,
        )
        option_list.highlighted = first

    @on(OptionList.OptionSelected, "#quote-list")
    def go_to(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        if self.quotes is not None and event.option.id is not None:
            self.post_message(self.Chosen(self.quotes[int(event.option.id)]))
