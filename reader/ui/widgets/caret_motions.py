"""The motion keys of the reading pane: sentence, paragraph, word, page, start and end.

A mixin of :class:`~reader.ui.widgets.article_view.ArticleView`, kept apart so the view's module is
about drawing. Where each motion lands is decided by :mod:`reader.ui.caret` (pure); here the caret
is set and, for pages, the view scrolled.
"""

from __future__ import annotations

from reader.ui import caret


class CaretMotions:
    """Motion actions; the host (ArticleView, a ScrollView) supplies the article, the caret,
    the layout and the scrolling they use."""

    def action_sentence(self, step: int) -> None:
        self.caret = caret.sentence(self.article, self.caret, step)

    def action_paragraph(self, step: int) -> None:
        self.caret = caret.paragraph(self.article, self.caret, step)

    def action_word(self, step: int) -> None:
        self.caret = caret.word(self.article, self.caret, step)

    # Start and end are jumps (``''`` comes back); the host's ``jump_to`` records them.

    def action_start(self) -> None:
        self.jump_to(caret.first(self.article))

    def action_end(self) -> None:
        self.jump_to(caret.last(self.article))
        self.scroll_end(animate=False, immediate=True)

    def action_page(self, direction: int) -> None:
        self._scroll_rows(direction * max(1, self.scrollable_content_region.height - 2))

    def action_half_page(self, direction: int) -> None:
        self._scroll_rows(direction * max(1, self.scrollable_content_region.height // 2))

    def _scroll_rows(self, delta: int) -> None:
        """Scroll by ``delta`` rows and carry the caret along by as many rows."""
        layout = self.layout_
        caret_row = layout.row_of(self.caret)
        target_scroll = min(max(0, round(self.scroll_y) + delta), round(self.max_scroll_y))
        moved = target_scroll - round(self.scroll_y)
        target_row = caret_row + (moved if moved else delta)
        if target_row >= len(layout) - 1:
            target = caret.last(self.article)
        elif target_row <= 0:
            target = caret.first(self.article)
        else:
            target = layout.offset_at_row(target_row)
        self.scroll_to(y=target_scroll, animate=False, immediate=True)
        # The page already scrolled; the caret rides along without nudging the view again.
        self._paging = True
        try:
            self.caret = target
        finally:
            self._paging = False
