"""Turning one screen line of the article into styled segments.

The reading pane collects *layers* (the focused sentence, highlights, search matches, the
selection, the caret) as ``(start, end, style)`` spans; this module cuts the line at every layer
edge and stacks the styles, later layers on top. Pure: no Textual, so it is tested directly.
"""

from __future__ import annotations

import itertools

from rich.segment import Segment
from rich.style import Style

from reader.inert import inert_line

Layer = tuple[int, int, Style]


def paint_line(text: str, start: int, end: int, base: Style, layers: list[Layer]) -> list[Segment]:
    """Segments for ``text[start:end]`` with the layers that touch it stacked on ``base``."""
    cuts = {start, end}
    for l_start, l_end, _ in layers:
        cuts.add(min(max(l_start, start), end))
        cuts.add(min(max(l_end, start), end))
    segments = []
    for a, b in itertools.pairwise(sorted(cuts)):
        style = base
        for l_start, l_end, layer in layers:
            if l_start <= a and b <= l_end:
                style = style + layer
        # Text from a file is made inert here, at the last moment, one character for one.
        segments.append(Segment(inert_line(text[a:b]), style))
    return segments
