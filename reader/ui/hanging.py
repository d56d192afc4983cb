"""Rich text whose wrapped rows hang indented under the first: for cards and list rows.

A Rich renderable (no widget), shared by the entity card and the quotes pane.
"""

from __future__ import annotations

from rich.console import Console, ConsoleOptions, RenderResult
from rich.measure import Measurement
from rich.text import Text


class HangingText:
    """A Rich Text drawn with hanging rows: each row a line wraps onto is indented.

    Textual wraps a line at a space and drops the space, so where the break falls between two
    parts that only a space keeps apart (a name and its kind, a verb and "(reported)"), one row
    ends flush on the first and the next starts flush on the second: read off the screen (copied,
    or by a screen reader) they run together, "Velichkovskyperson", "said(reported)". An indented
    continuation keeps them apart there too, and shows that the row goes on from the one above.
    """

    def __init__(self, text: Text, indent: int = 2) -> None:
        self.text = text
        self.indent = indent

    def __str__(self) -> str:
        return self.text.plain

    def __rich_measure__(self, console: Console, options: ConsoleOptions) -> Measurement:
        return Measurement.get(console, options, self.text)

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        for line in self.text.split("\n", allow_blank=True):
            yield from self._rows(line, options.max_width, console)

    def _rows(self, line: Text, width: int, console: Console) -> list[Text]:
        first = line.wrap(console, width, overflow="fold")[0]
        rest = line[len(first.plain) :]
        rest = rest[len(rest.plain) - len(rest.plain.lstrip()) :]
        # A line that starts indented (a quote under its speaker) hangs at its own indent.
        indent = max(self.indent, len(line.plain) - len(line.plain.lstrip(" ")))
        if indent >= width:
            indent = 0
        rows = [first]
        if rest.plain:
            for row in rest.wrap(console, width - indent, overflow="fold"):
                rows.append(Text(" " * indent) + row)
        for row in rows:
            row.rstrip()
        return rows
