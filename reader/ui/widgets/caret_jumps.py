"""The jump keys of the reading pane: ``''`` and ``ctrl+o`` back, ``m`` and ``'`` for marks.

A mixin of :class:`~reader.ui.widgets.article_view.ArticleView`. Every jump (a search landing,
``g``/``G``, a highlight, a mark, a pane's choice) goes through :meth:`CaretJumps.jump_to`, so
:class:`~reader.ui.jumps.JumpBack` knows where the caret came from. ``m`` and ``'`` wait for the
next key, the letter of the mark; keys typed ahead arrive in order, so ``m`` ``a`` typed in one
burst sets mark a.
"""

from __future__ import annotations

from textual import events

from reader.store.place_marks import is_mark_name

#: What the status line shows while ``m`` or ``'`` waits for its letter.
PROMPTS = {"set": "m: mark which letter?", "go": "': to which mark? ('' back)"}


class CaretJumps:
    """Jump actions; the host supplies the caret, ``jumps``, ``place_marks``, ``notify`` and
    the ``MarkSet`` and ``KeyPending`` messages."""

    _pending: str | None = None

    def jump_to(self, offset: int) -> None:
        """Move the caret to ``offset`` as a jump: ``''`` comes back to where it was."""
        origin = self.caret
        self.caret = offset
        self.jumps.jumped(origin, self.caret)

    def action_jump_back(self) -> None:
        """``''`` or ``ctrl+o``: to where the caret was before the last jump (again: return)."""
        target = self.jumps.back(self.caret)
        if target is None:
            self.notify("No earlier place", timeout=2)
            return
        self.caret = target

    def action_mark_set(self) -> None:
        self._wait_for_letter("set")

    def action_mark_go(self) -> None:
        self._wait_for_letter("go")

    def _wait_for_letter(self, pending: str) -> None:
        self._pending = pending
        self.post_message(self.KeyPending(PROMPTS[pending]))

    def cancel_pending(self) -> bool:
        """Stop waiting for a mark's letter; False when nothing was waiting."""
        if self._pending is None:
            return False
        self._pending = None
        self.post_message(self.KeyPending(""))
        return True

    def on_key(self, event: events.Key) -> None:
        """The key after ``m`` or ``'`` is its letter; it does nothing else."""
        pending = self._pending
        if pending is None:
            return
        event.stop()
        event.prevent_default()
        self.cancel_pending()
        name = event.character or ""
        if event.key == "escape":
            return
        if pending == "go" and name == "'":
            self.action_jump_back()
        elif not is_mark_name(name):
            self.notify("Marks are letters: a-z, A-Z", timeout=2)
        elif pending == "set":
            self.place_marks[name] = self.caret
            self.post_message(self.MarkSet(name, self.caret))
            self.notify(f"Mark {name} set", timeout=2)
        elif name in self.place_marks:
            self.jump_to(self.place_marks[name])
        else:
            self.notify(f"Mark {name} is not set", timeout=2)

    def on_blur(self) -> None:
        self.cancel_pending()
