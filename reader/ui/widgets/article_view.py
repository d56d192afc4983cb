"""The reading pane: an article drawn line by line, with a caret and a focused sentence.

Built on Textual's Line API (``ScrollView.render_line``): only the rows on screen are styled, so
a 1 MB article scrolls and steps as quickly as a short one. The caret is an offset into the article
text; the sentence that holds it is marked with a tint and a bar in the left gutter (the bar keeps
the mark visible without colour).
"""

from __future__ import annotations

from rich.segment import Segment
from rich.style import Style
from textual import events
from textual.binding import Binding
from textual.geometry import Region, Size, Spacing
from textual.message import Message
from textual.reactive import reactive
from textual.scroll_view import ScrollView
from textual.strip import Strip

from reader.article import Article
from reader.config import DEFAULT_READING_WIDTH
from reader.ui import caret
from reader.ui.highlighting import HighlightSet, Placed
from reader.ui.jumps import JumpBack
from reader.ui.lit import LitSpans
from reader.ui.paint import paint_line
from reader.ui.search import find_all
from reader.ui.typeahead import KeyHold, hold_keys
from reader.ui.widgets.caret_jumps import CaretJumps
from reader.ui.widgets.caret_motions import CaretMotions
from reader.ui.wrap import Layout, Row

#: Cells kept left of the text for the focused-sentence bar.
GUTTER = 2


class ArticleView(CaretJumps, CaretMotions, ScrollView, can_focus=True, inherit_bindings=False):
    """Shows one article; moves a caret through it by sentence, paragraph, word and page."""

    # inherit_bindings=False: ScrollView's own keys would scroll without moving the caret;
    # every key here moves the caret.
    BINDINGS = [
        Binding("j,down", "sentence(1)", "Next sentence", id="sentence.next", key_display="j/k"),
        Binding("k,up", "sentence(-1)", "Previous sentence", id="sentence.previous", show=False),
        Binding(
            "right_curly_bracket", "paragraph(1)", "Next paragraph", id="paragraph.next", show=False
        ),
        Binding(
            "left_curly_bracket",
            "paragraph(-1)",
            "Previous paragraph",
            id="paragraph.previous",
            show=False,
        ),
        Binding("w", "word(1)", "Next word", id="word.next", show=False),
        Binding("b", "word(-1)", "Previous word", id="word.previous", show=False),
        Binding("space,pagedown", "page(1)", "Page down", id="page.down", show=False),
        Binding("pageup", "page(-1)", "Page up", id="page.up", show=False),
        Binding("ctrl+d", "half_page(1)", "Half page down", id="halfpage.down", show=False),
        Binding("ctrl+u", "half_page(-1)", "Half page up", id="halfpage.up", show=False),
        Binding("g,home", "start", "Start of article", id="article.start", show=False),
        Binding("G,end", "end", "End of article", id="article.end", show=False),
        Binding("n", "match(1)", "Next match", id="search.next", show=False),
        Binding("N", "match(-1)", "Previous match", id="search.previous", show=False),
        Binding("v", "select", "Select", id="selection.toggle", show=False),
        Binding("y", "copy", "Copy", id="copy", show=False),
        Binding("h", "annotate('highlight')", "Highlight", id="highlight.add"),
        Binding("a", "annotate('note')", "Note", id="note.edit"),
        Binding("E", "annotate('external')", "Note in your editor", id="note.external", show=False),
        Binding("x", "annotate('delete')", "Delete highlight", id="highlight.delete", show=False),
        Binding("c", "annotate('color')", "Change colour", id="highlight.color", show=False),
        Binding("u", "annotate('undo')", "Undo", id="undo", show=False),
        Binding("ctrl+r,U", "annotate('redo')", "Redo", id="redo", show=False),
        Binding(
            "right_square_bracket",
            "highlight_step(1)",
            "Next highlight",
            id="highlight.next",
            show=False,
        ),
        Binding(
            "left_square_bracket",
            "highlight_step(-1)",
            "Previous highlight",
            id="highlight.previous",
            show=False,
        ),
        Binding("ctrl+o", "jump_back", "Jump back", id="jump.back", show=False),
        Binding("m", "mark_set", "Set a mark (then a letter)", id="mark.set", show=False),
        Binding(
            "apostrophe",
            "mark_go",
            "Go to a mark (then a letter; '' jumps back)",
            id="mark.go",
            key_display="'",
            show=False,
        ),
    ]

    COMPONENT_CLASSES = {
        "article-view--caret",
        "article-view--sentence",
        "article-view--gutter",
        "article-view--heading",
        "article-view--match",
        "article-view--match-current",
        "article-view--cutoff",
        "article-view--selection",
        "article-view--hl-yellow",
        "article-view--hl-green",
        "article-view--hl-blue",
        "article-view--hl-pink",
    }

    # No repaint on change: watch_caret refreshes only the rows that changed.
    caret: reactive[int] = reactive(0, init=False, always_update=False, repaint=False)
    """Offset of the caret in ``article.text``."""

    class CaretMoved(Message):
        """The caret moved: the screen saves the place and updates what depends on it."""

        def __init__(self, view: ArticleView, offset: int) -> None:
            super().__init__()
            self.view = view
            self.offset = offset

        @property
        def control(self) -> ArticleView:
            return self.view

    class AnnotationAsked(Message):
        """The reader pressed an annotation key; the screen, which has the store, acts on it.

        ``kind`` is highlight, note, external (the note in the reader's own editor), delete,
        color, undo or redo. ``start``/``end`` is the selection (``selected``), else the focused
        sentence. Which highlight is under the ``caret`` is decided when the change runs, on the
        highlights as stored by then. ``hold`` keeps the keys typed after ``a`` for the note
        editor it opens (after ``E``, until the reader's own editor is done).
        """

        def __init__(
            self,
            kind: str,
            start: int,
            end: int,
            caret: int,
            *,
            selected: bool,
            hold: KeyHold | None = None,
        ) -> None:
            super().__init__()
            self.kind = kind
            self.start = start
            self.end = end
            self.caret = caret
            self.selected = selected
            self.hold = hold

    class MarkSet(Message):
        """``m`` and a letter: the screen keeps the mark in the database."""

        def __init__(self, name: str, offset: int) -> None:
            super().__init__()
            self.name = name
            self.offset = offset

    class KeyPending(Message):
        """``m`` or ``'`` waits for its letter (``prompt``), or no longer does (``""``)."""

        def __init__(self, prompt: str) -> None:
            super().__init__()
            self.prompt = prompt

    class MatchesChanged(Message):
        """What is lit up (search matches or mentions) or the current one changed."""

        def __init__(self, query: str, current: int, count: int, kind: str = "search") -> None:
            super().__init__()
            self.query = query
            self.kind = kind
            self.current = current
            self.count = count

    def __init__(
        self,
        article: Article,
        *,
        caret_offset: int | None = None,
        reading_width: int = DEFAULT_READING_WIDTH,
        came_from: int | None = None,
        marks: dict[str, int] | None = None,
        name: str | None = None,
        id: str | None = None,
        classes: str | None = None,
    ) -> None:
        super().__init__(name=name, id=id, classes=classes)
        self.article = article
        #: The widest the text column gets; a wider pane centres it.
        self.reading_width = reading_width
        self._layout: Layout | None = None
        self._cutoff_row = -1
        self.lit = LitSpans()
        self._search_origin = 0
        self._paging = False
        self._base_style: Style | None = None
        self.highlights = HighlightSet()
        self.selection_anchor: int | None = None
        start = caret.first(article) if caret_offset is None else caret_offset
        self.set_reactive(ArticleView.caret, caret.clamp(article, start))
        #: Where ``''`` goes back to; opened at a search match, ``came_from`` (the place
        #: the reader had left) is the first.
        self.jumps = JumpBack()
        if came_from is not None:
            self.jumps.jumped(caret.clamp(article, came_from), self.caret)
        #: The place marks of ``m``/``'``: letter -> offset (clamped to the text when used).
        self.place_marks: dict[str, int] = dict(marks or {})

    # -- layout -------------------------------------------------------------------------------

    @property
    def layout_(self) -> Layout:
        if self._layout is None:
            self._relayout()
        assert self._layout is not None
        return self._layout

    def _text_width(self) -> int:
        return max(8, min(self.reading_width, self.scrollable_content_region.width - GUTTER))

    def _margin(self) -> int:
        """Blank cells left of the gutter that centre the text column in a wider pane."""
        return max(0, (self.scrollable_content_region.width - GUTTER - self._text_width()) // 2)

    def _relayout(self) -> None:
        self._layout = Layout(self.article, self._text_width())
        rows = len(self._layout)
        self._cutoff_row = -1
        if self.article.truncated:
            self._cutoff_row = rows + 1
            rows += 2
        self.virtual_size = Size(self.scrollable_content_region.width, rows)

    def on_resize(self, event: events.Resize) -> None:
        old = self._layout
        if old is not None and old.width == self._text_width():
            return
        # Keep the caret on the same screen row across the re-wrap, so the reader's place holds.
        screen_row = old.row_of(self.caret) - round(self.scroll_y) if old is not None else None
        self._relayout()
        if screen_row is None:
            self.scroll_to_caret(center=True)
        else:
            row = self.layout_.row_of(self.caret)
            self.scroll_to(y=max(0, row - max(0, screen_row)), animate=False, immediate=True)
            self.scroll_to_caret()
        self.refresh()

    # -- drawing ------------------------------------------------------------------------------

    def render_lines(self, crop: Region) -> list[Strip]:
        # The base style is the same for every line of one paint; look it up once.
        self._base_style = self.rich_style
        try:
            return super().render_lines(crop)
        finally:
            self._base_style = None

    def render_line(self, y: int) -> Strip:
        scroll_x, scroll_y = self.scroll_offset
        row = scroll_y + y
        width = self.scrollable_content_region.width
        base = self._base_style or self.rich_style
        layout = self.layout_
        if row == self._cutoff_row:
            strip = self._render_cutoff()
        elif row >= len(layout) or layout.lines[row].kind is Row.BLANK:
            return Strip.blank(width, base)
        else:
            strip = self._render_row(row, base)
        margin = self._margin()
        if margin:
            strip = Strip.join([Strip.blank(margin, base), strip])
        return strip.crop_extend(scroll_x, scroll_x + width, base)

    def _render_cutoff(self) -> Strip:
        style = self.get_component_rich_style("article-view--cutoff")
        return Strip(
            [Segment(" " * GUTTER), Segment("⋯ the text stops here: the source was cut off", style)]
        )

    def _render_row(self, row: int, base: Style) -> Strip:
        line = self.layout_.lines[row]
        text = self.article.text
        start, end = line.start, line.end
        focus_start, focus_end = self._focused_span()
        in_focus = focus_start < end and start < focus_end
        text_style = base
        if line.kind is Row.HEADING:
            text_style = base + self.get_component_rich_style("article-view--heading")
        layers: list[tuple[int, int, Style]] = []
        if in_focus:
            layers.append(
                (focus_start, focus_end, self.get_component_rich_style("article-view--sentence"))
            )
        for placed in self.highlights.overlapping(start, end):
            layers.append((placed.start, placed.end, self._highlight_style(placed)))
        selection = self.selection()
        if selection is not None:
            layers.append((*selection, self.get_component_rich_style("article-view--selection")))
        if self.lit:
            match_style = self.get_component_rich_style("article-view--match")
            current_style = self.get_component_rich_style("article-view--match-current")
            for m_start, m_end, current in self.lit.touching(start, end):
                layers.append((m_start, m_end, current_style if current else match_style))
        if start <= self.caret < end:
            layers.append(
                (self.caret, self.caret + 1, self.get_component_rich_style("article-view--caret"))
            )

        gutter_style = self.get_component_rich_style("article-view--gutter")
        gutter = Segment("▌ " if in_focus else "  ", gutter_style if in_focus else base)
        return Strip([gutter, *paint_line(text, start, end, text_style, layers)])

    def _focused_span(self, offset: int | None = None) -> tuple[int, int]:
        """The span of the sentence that holds ``offset`` (the caret by default)."""
        sentence = self.article.sentence_at(self.caret if offset is None else offset)
        return (sentence.start, sentence.end) if sentence else (0, 0)

    def _highlight_style(self, placed: Placed) -> Style:
        color = placed.record.color
        name = f"article-view--hl-{color}"
        if name not in self.COMPONENT_CLASSES:
            name = "article-view--hl-yellow"
        return self.get_component_rich_style(name)

    # -- highlights and selection --------------------------------------------------------------

    def set_highlights(self, highlights: HighlightSet) -> None:
        self.highlights = highlights
        self.refresh()

    def selection(self) -> tuple[int, int] | None:
        """The selected span, or None when not selecting.

        The anchor and the caret are places between characters, as in an editor: ``v`` then
        ``w`` selects the word and the space after it, not the next word's first letter.
        Spaces and line breaks at either end are left out, so a selection that runs to the
        next sentence or paragraph ends where the text does. Nothing selected yet (or only
        spaces): the character under the caret.
        """
        if self.selection_anchor is None:
            return None
        start, end = sorted((self.selection_anchor, self.caret))
        text = self.article.text
        while start < end and text[start].isspace():
            start += 1
        while end > start and text[end - 1].isspace():
            end -= 1
        if start == end:
            return self.caret, min(len(text), self.caret + 1)
        return start, end

    def action_select(self) -> None:
        """``v``: start a selection at the caret, or drop the one in progress."""
        self.selection_anchor = self.caret if self.selection_anchor is None else None
        self.refresh()
        self.screen.refresh_bindings()

    def cancel_selection(self) -> bool:
        if self.selection_anchor is None:
            return False
        self.selection_anchor = None
        self.refresh()
        return True

    def action_annotate(self, kind: str) -> None:
        selection = self.selection()
        start, end = selection or self._focused_span()
        # The note editor opens after a write: what is typed meanwhile is meant for it.
        # Keys typed before the reader's own editor starts wait until it is done.
        holds = {"note": "note editor", "external": "your editor"}
        hold = hold_keys(self, holds[kind]) if kind in holds else None
        if kind in ("highlight", "note", "external"):
            self._end_selection(start)
        self.post_message(
            self.AnnotationAsked(
                kind, start, end, self.caret, selected=selection is not None, hold=hold
            )
        )

    def action_copy(self) -> None:
        """``y``: the selection, else the highlight under the caret, else the focused sentence,
        to the reader's own clipboard through the terminal (OSC 52), so it works over SSH."""
        under = self.highlights.at(self.caret)
        start, end = self.selection() or (
            (under.start, under.end) if under is not None else self._focused_span()
        )
        text = self.article.text[start:end]
        if not text:
            return
        self.app.copy_to_clipboard(text)
        if self.selection_anchor is not None:
            self._end_selection(start)
        self.notify(f"Copied {len(text)} characters", timeout=2)

    def _end_selection(self, start: int) -> None:
        """Drop the selection acted on and put the caret at its start, as vim does: the caret is
        then on what was just highlighted, so ``a``, ``x`` or ``c`` next act on it."""
        if self.cancel_selection():
            self.caret = start

    def action_highlight_step(self, step: int) -> None:
        placed = self.highlights.step(self.caret, step)
        if placed is None:
            self.notify("No more highlights this way", timeout=2)
            return
        self.jump_to(placed.start)

    # -- caret --------------------------------------------------------------------------------

    def validate_caret(self, offset: int) -> int:
        return caret.clamp(self.article, offset)

    def watch_caret(self, old: int, new: int) -> None:
        if self.selection_anchor is not None:
            self.refresh()
        self._refresh_span_rows(old)
        self._refresh_span_rows(new)
        if not self._paging:
            self.scroll_to_caret()
        self.post_message(self.CaretMoved(self, new))

    def _refresh_span_rows(self, offset: int) -> None:
        start, end = self._focused_span(offset)
        rows = self.layout_.rows_between(min(start, offset), max(end, offset + 1))
        self.refresh_lines(rows.start, len(rows))

    def scroll_to_caret(self, *, center: bool = False) -> None:
        """Bring the focused sentence into view (its first lines if it is taller than the pane)."""
        layout = self.layout_
        start, end = self._focused_span()
        rows = (
            layout.rows_between(start, end)
            if end > start
            else layout.rows_between(self.caret, self.caret + 1)
        )
        caret_row = layout.row_of(self.caret)
        height = max(1, self.scrollable_content_region.height)
        top = rows.start
        bottom = min(rows.stop, top + height - 1)
        if not top <= caret_row < bottom:
            top, bottom = caret_row, caret_row + 1
        self.scroll_to_region(
            Region(0, top, 1, bottom - top),
            animate=False,
            center=center,
            spacing=Spacing(1, 0, 1, 0) if height > 6 else None,
            immediate=True,
        )

    def move_to(self, offset: int) -> None:
        self.caret = offset

    # -- lit spans: search matches, or the mentions of an entity --------------------------------

    def begin_search(self) -> None:
        self._search_origin = self.caret

    def search(self, query: str) -> None:
        """Mark every match of ``query`` and put the caret on the first one from the origin."""
        self._light(query, find_all(self.article, query), "search")
        if not self.lit:
            self.caret = self._search_origin

    def cancel_search(self) -> None:
        self.search("")

    def show_mentions(self, label: str, spans: list[tuple[int, int]]) -> None:
        """Mark an entity's mentions, leaving the caret; ``n``/``N`` then step through them."""
        self._search_origin = self.caret
        self._light(label, sorted(spans), "mentions", jump=False)

    def clear_lit(self) -> None:
        self._light("", [], "search", jump=False)

    def _light(
        self, label: str, spans: list[tuple[int, int]], kind: str, *, jump: bool = True
    ) -> None:
        self.lit = LitSpans(label, kind, spans)
        if self.lit and jump:
            # As the query is typed the caret follows it; the jump is counted on Enter.
            self._go_to_match(self.lit.first_from(self._search_origin), jump=False)
        else:
            self.post_message(self.MatchesChanged(label, -1, len(self.lit.spans), kind))
        self.refresh()

    def action_match(self, step: int) -> None:
        if not self.lit:
            if self.lit.label:
                self.notify(f"No match for {self.lit.label!r}", severity="warning", markup=False)
            return
        self._go_to_match(self.lit.step(self.caret, step))

    def keep_search(self) -> None:
        """Enter in the search bar: the landing on the match is a jump from the origin."""
        self.jumps.jumped(self._search_origin, self.caret)

    def _go_to_match(self, index: int, *, jump: bool = True) -> None:
        lit = self.lit
        previous, lit.current = lit.current, index
        for changed in {previous, index}:
            if 0 <= changed < len(lit.spans):
                rows = self.layout_.rows_between(*lit.spans[changed])
                self.refresh_lines(rows.start, len(rows))
        if jump:
            self.jump_to(lit.spans[index][0])
        else:
            self.caret = lit.spans[index][0]
        self.post_message(self.MatchesChanged(lit.label, index, len(lit.spans), lit.kind))

    # Read-only views used by the screen and the tests.
    @property
    def matches(self) -> list[tuple[int, int]]:
        return self.lit.spans

    @property
    def current_match(self) -> int:
        return self.lit.current

    @property
    def query(self) -> str:
        return self.lit.label
