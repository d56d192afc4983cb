"""What a running app shows, cell by cell, as plain text rows (read from its SVG screenshot).

``App.export_screenshot()`` is Textual's public way to get the whole screen as it would be drawn,
toasts and modal screens included. Rich writes each run of text as an SVG ``<text>`` element at
``x = column * cell width`` on the clip path of its row, so the rows can be put back together.
"""

from __future__ import annotations

import html
import re

from rich.cells import cell_len
from textual.app import App
from textual.geometry import Region
from textual.widget import Widget

_ROW_CLIP = re.compile(r'<clipPath id="[^"]*-line-0">\s*<rect x="0" y="[^"]*" width="([0-9.]+)"')
_TEXT = re.compile(
    r'<text class="[^"]*" x="([0-9.]+)" y="[^"]*" textLength="[^"]*"'
    r' clip-path="url\(#[^)]*-line-(\d+)\)">(.*?)</text>',
    re.S,
)


def screen_rows(app: App[object]) -> list[str]:
    """Every row of the screen, each exactly as wide as the screen (spaces where nothing is)."""
    svg = app.export_screenshot()
    width, height = app.size
    found = _ROW_CLIP.search(svg)
    assert found is not None, "no rows in the screenshot"
    cell_width = float(found.group(1)) / width
    rows = [[" "] * width for _ in range(height)]
    for x, y, text in _TEXT.findall(svg):
        column = round(float(x) / cell_width)
        row = rows[int(y)]
        for char in html.unescape(text).replace("\xa0", " "):
            if 0 <= column < width:
                row[column] = char
            column += max(1, cell_len(char))
    return ["".join(row) for row in rows]


def region_rows(app: App[object], region: Region) -> list[str]:
    """The rows of ``region`` of the screen, cut to its columns."""
    rows = screen_rows(app)
    return [row[region.x : region.right] for row in rows[region.y : region.bottom]]


def widget_rows(app: App[object], widget: Widget) -> list[str]:
    """What ``widget`` shows, row by row (the part of it that is on screen)."""
    return region_rows(app, widget.region)


def read_as_text(rows: list[str]) -> str:
    """Rows the way text copied off a terminal reads when wrapped rows flow together: each
    row's trailing blanks dropped, the rows run on. Words a wrap separated only by a dropped
    space run together here, as they do for the reader who copies them."""
    return "".join(row.rstrip() for row in rows)
