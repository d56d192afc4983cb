"""A one-line input that blinks only when the app allows it.

A blinking cursor repaints twice a second; over a slow SSH link that is traffic for nothing, and in
tests it makes screenshots differ. The app decides (``ReaderApp.cursor_blink``).
"""

from __future__ import annotations

from textual.widgets import Input


class ReaderInput(Input):
    def on_mount(self) -> None:
        self.cursor_blink = bool(getattr(self.app, "cursor_blink", True))
