"""Work that waits for the first frame to be on screen.

``call_after_refresh`` alone is not enough for a screen pushed while the app starts: Textual
holds every repaint until it has started, so such callbacks run at once, before anything is
drawn, and delay the first frame by their cost. Messages to the app itself are handled only
once it has started, so a callback posted there first, and from there after the next refresh,
runs after the first frame.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from textual.dom import DOMNode


def after_first_frame(node: DOMNode, callback: Callable[[], Any]) -> None:
    """Call ``callback`` on ``node`` once the app has started and drawn its screen."""
    node.app.call_later(node.call_after_refresh, callback)
