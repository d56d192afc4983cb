"""A one-line input that blinks only when the app allows it.

A blinking cursor repaints twice a second; over a slow SSH link that is traffic for nothing, and in
tests it makes screenshots differ. The app decides (``ReaderApp.cursor_blink``).
"""

from __future__ import annotations

from textual.widgets import Input


class ReaderInput(Input):
    """An Input that blinks as the app says and keeps its text when it takes the focus.

    Textual selects all on focus by default; here text typed ahead of the focus (see
    ``ArticleView.on_key``) would then be replaced by the next key.
    """

    def __init__(self, *args: object, **kwargs: object) -> None:
        kwargs.setdefault("select_on_focus", False)
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]

    def on_mount(self) -> None:
        self.cursor_blink = bool(getattr(self.app, "cursor_blink", True))
