"""Where ``''`` and ``ctrl+o`` go: the place the caret left on its last jump, as in less and vim.

Pure (no Textual). A *jump* moves the caret somewhere else at once (a search landing, ``g``/``G``,
a highlight, a mark, a pane's choice); ordinary steps do not count. Going back is itself a jump,
so pressing the key again returns: the two places take turns.
"""

from __future__ import annotations


class JumpBack:
    """The one place to go back to: where the caret was before the last jump."""

    def __init__(self) -> None:
        self.previous: int | None = None

    def jumped(self, origin: int, target: int) -> None:
        """The caret jumped from ``origin`` to ``target``; a jump that went nowhere is ignored."""
        if origin != target:
            self.previous = origin

    def back(self, current: int) -> int | None:
        """The place to go back to from ``current`` (which becomes the way back), or None."""
        target = self.previous
        if target is None:
            return None
        if target != current:
            self.previous = current
        return target
