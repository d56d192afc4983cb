"""The reading screen: header, reading pane, side column, search bar and status line."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING
from urllib.parse import urlsplit

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal
from textual.reactive import reactive
from textual.timer import Timer
from textual.widgets import Footer

from reader.article import Article
from reader.config import config_of
from reader.inert import inert_line
from reader.store import AnnotationStore, DocumentRecord
from reader.store.drafts import DraftBox
from reader.ui.screens.annotating import AnnotatingScreen
from reader.ui.widgets.article_header import ArticleHeader
from reader.ui.widgets.article_view import ArticleView
from reader.ui.widgets.reading_status import ReadingStatus
from reader.ui.widgets.search_bar import SearchBar
from reader.ui.widgets.side_panel import SidePanel

if TYPE_CHECKING:
    from reader.extract import Entity, Quote
    from reader.ui.widgets.article_pane import ArticlePane
    from reader.ui.widgets.entities_pane import EntitiesPane
    from reader.ui.widgets.quotes_pane import QuotesPane

#: Below this many columns the side column starts hidden, leaving the text the whole width.
SIDE_COLUMN_MIN_WIDTH = 100
#: Seconds of stillness before the reading position is written (one write per pause, not per key).
SAVE_DELAY = 0.8
#: Seconds between two looks at the database for another window's changes.
WATCH_SECONDS = 2.0


def _elsewhere(index: Path, names: list[str], path: str) -> dict[str, int]:
    """In how many other indexed articles each name is mentioned (none without an index)."""
    import sqlite3

    from reader.index.queries import elsewhere
    from reader.index.reports import open_read_only

    conn = open_read_only(index)
    if conn is None:
        return {}
    try:
        return elsewhere(conn, names, path)
    except sqlite3.Error:
        return {}
    finally:
        conn.close()


class ReadingScreen(AnnotatingScreen):
    """One article. Messages from the panes come up here; calls go down to the panes.

    Highlights and notes are handled by :class:`AnnotatingScreen`, which this extends.
    """

    BINDINGS = [
        Binding("slash", "search", "Search", id="search.open", key_display="/"),
        Binding("s", "toggle_side", "Side", id="side.toggle"),
        Binding("e", "pane('entities')", "Entities", id="pane.entities", show=False),
        Binding(
            "quotation_mark",
            "pane('quotes')",
            "Quotes",
            id="pane.quotes",
            key_display='"',
            show=False,
        ),
        Binding("H", "pane('highlights')", "Highlights", id="pane.highlights", show=False),
        Binding("i", "pane('article')", "Article outline", id="pane.article", show=False),
        Binding("escape,backspace", "back", "Back", id="screen.back", show=False),
        Binding("R", "fetch_again", "Fetch again", id="article.fetch_again", show=False),
        Binding(
            "greater_than_sign",
            "neighbour(1)",
            "Next article",
            id="article.next",
            key_display=">",
            show=False,
        ),
        Binding(
            "less_than_sign",
            "neighbour(-1)",
            "Previous article",
            id="article.previous",
            key_display="<",
            show=False,
        ),
    ]

    side_visible: reactive[bool] = reactive(True, init=False)
    """Whether the side column is shown; starts hidden on narrow terminals."""

    def __init__(
        self,
        article: Article,
        document: DocumentRecord | None,
        store: AnnotationStore,
        *,
        can_go_back: bool,
        drafts: DraftBox | None = None,
        start_at: int | None = None,
    ) -> None:
        super().__init__(article, document, store, drafts)
        self.start_at = start_at
        self.can_go_back = can_go_back
        self._save_timer: Timer | None = None
        self._saved_offset = document.position if document else None
        #: Whether the article is read: its last sentence reached now or on an earlier visit.
        self.finished = document.is_read if document else False

    def compose(self) -> ComposeResult:
        yield ArticleHeader(self.article, id="header")
        with Horizontal(id="body"):
            saved = self.document.position if self.document else None
            yield ArticleView(
                self.article,
                caret_offset=self.start_at if self.start_at is not None else saved or None,
                reading_width=config_of(self.app).reading_width,
                # Opened at a match: '' goes back to where the reader had left the article.
                came_from=(saved or 0) if self.start_at is not None else None,
                marks=dict(self.document.marks) if self.document else None,
                id="article",
            )
            yield SidePanel(self.article, id="side")
        yield SearchBar(id="search")
        yield ReadingStatus(self._file_label(), id="status")
        yield Footer(compact=True)

    def _file_label(self) -> str:
        if self.article.url and self.article.front_end:  # a saved web article: its site
            return urlsplit(self.article.url).hostname or self.article.url
        source = self.article.source
        return "standard input" if source == "-" else source.rsplit("/", 1)[-1]

    def on_mount(self) -> None:
        self.use_pen(config_of(self.app).default_color)
        self.side_visible = self.app.size.width >= SIDE_COLUMN_MIN_WIDTH
        self.watch_side_visible(self.side_visible)
        self.query_one(SearchBar).display = False
        view = self.query_one(ArticleView)
        self.set_focus(view)
        self._show_position(view.caret)
        # The extractor (its import, then the reading) would compete with the first paint
        # for the interpreter, so it waits for the text to show.
        self.call_after_refresh(self.find_entities)
        self.call_after_refresh(self.load_highlights)
        # Another reader on the same file: its highlights show here within a few seconds.
        self.set_interval(WATCH_SECONDS, self._watch_other_windows)

    # -- what the panes report -----------------------------------------------------------------

    @on(ArticleView.CaretMoved)
    def follow_caret(self, event: ArticleView.CaretMoved) -> None:
        self._show_position(event.offset)
        if not self.finished and self._at_end(event.offset):
            self.finished = True
            if self.document is not None:
                self._write_read(self.document.id)
        if self._save_timer is not None:
            self._save_timer.stop()
        self._save_timer = self.set_timer(SAVE_DELAY, self.save_position)

    def _show_position(self, offset: int) -> None:
        article = self.article
        paragraph = article.paragraph_index_at(offset)
        sentence = article.sentence_index_at(offset)
        body = max(
            1, (article.paragraphs[-1].end if article.paragraphs else 1) - article.body_start
        )
        percent = round(100 * (offset - article.body_start) / body)
        self.query_one(ReadingStatus).position = (
            f"¶ {paragraph + 1}/{len(article.paragraphs)} · "
            f"sentence {sentence + 1}/{len(article.sentences)} · {percent}%"
        )
        if self.side_visible:
            self.query_one(SidePanel).show_paragraph(paragraph)

    @on(ArticleView.MatchesChanged)
    def show_matches(self, event: ArticleView.MatchesChanged) -> None:
        status = self.query_one(ReadingStatus)
        self.refresh_bindings()
        if not event.query:
            status.search = ""
        elif event.kind == "mentions":
            noun = "mention" if event.count == 1 else "mentions"
            where = f"{event.current + 1}/{event.count}" if event.current >= 0 else str(event.count)
            status.search = f"{event.query}: {where} {noun}"
        elif event.count:
            status.search = f"“{event.query}” {event.current + 1}/{event.count}"
        else:
            status.search = f"“{event.query}” not found"

    # -- entities ------------------------------------------------------------------------------

    @work(
        thread=True,
        exit_on_error=False,
        exclusive=True,
        group="extract",
        description="Finding entities",
    )
    def find_entities(self) -> None:
        """Entities first (the pane fills at once), then the quotes that build on them. Each
        extractor is loaded here, when first used, and the quotes' only after the entities are
        shown: its modules take a while to load."""
        from reader.extract import extract_entities

        entities = extract_entities(self.article.prose)
        self.app.call_from_thread(self._show_entities, entities)
        from reader.extract import extract_quotes

        quotes = extract_quotes(self.article.prose, entities)
        self.app.call_from_thread(self._show_quotes, quotes)
        index = getattr(self.app, "index_file", None)
        if index is not None and entities:
            counts = _elsewhere(index, [e.name for e in entities], self.article.source)
            if counts:
                self.app.call_from_thread(self._show_elsewhere, counts)

    def _show_elsewhere(self, counts: dict[str, int]) -> None:
        for side in self.query(SidePanel):
            side.set_elsewhere(counts)

    def on_entities_pane_across(self, event: EntitiesPane.Across) -> None:
        """The entity under the pane's cursor across the library."""
        from reader.paths import index_path
        from reader.ui.screens.people import WhoScreen

        index = getattr(self.app, "index_file", None) or index_path()
        self.app.push_screen(WhoScreen(index, event.name))

    # The column is gone when the screen closed while the extractor ran (a quick q or Esc).

    def _show_entities(self, entities: list[Entity]) -> None:
        for side in self.query(SidePanel):
            side.set_entities(entities)

    def _show_quotes(self, quotes: list[Quote]) -> None:
        for side in self.query(SidePanel):
            side.set_quotes(quotes)

    # The side column's panes are built after the first frame, so their messages are handled
    # by name (``on_<pane>_<message>``), which needs no import of the pane.

    def on_quotes_pane_chosen(self, event: QuotesPane.Chosen) -> None:
        """Mark the quote chosen in the quotes pane in the text."""
        quote = event.quote
        view = self.query_one(ArticleView)
        view.show_mentions(
            f"quote of {quote.speaker or 'unknown speaker'}", [(quote.start, quote.end)]
        )
        view.action_match(1)

    def on_entities_pane_highlighted(self, event: EntitiesPane.Highlighted) -> None:
        """Light up every mention of the entity under the pane's cursor."""
        entity: Entity = event.entity
        spans = [(m.start, m.end) for m in entity.mentions]
        self.query_one(ArticleView).show_mentions(entity.name, spans)

    def on_entities_pane_jump(self, event: EntitiesPane.Jump) -> None:
        """To the next or previous mention."""
        self.query_one(ArticleView).action_match(event.step)

    def action_pane(self, pane: str) -> None:
        """Show a pane of the side column and put the keyboard in it."""
        self.side_visible = True
        side = self.query_one(SidePanel)
        side.show_paragraph(self.article.paragraph_index_at(self.query_one(ArticleView).caret))
        side.show(pane, focus=True)

    def on_article_pane_paragraph_chosen(self, event: ArticlePane.ParagraphChosen) -> None:
        """To the paragraph chosen in the outline."""
        view = self.query_one(ArticleView)
        view.jump_to(event.offset)
        view.focus()

    # -- searching -----------------------------------------------------------------------------

    def action_search(self) -> None:
        bar = self.query_one(SearchBar)
        view = self.query_one(ArticleView)
        view.begin_search()
        bar.value = view.query
        bar.display = True
        # At once: the keys typed behind "/" are delivered to whatever has the focus next.
        self.set_focus(bar)

    @on(SearchBar.Changed, "#search")
    def search_as_typed(self, event: SearchBar.Changed) -> None:
        self.query_one(ArticleView).search(event.value)

    @on(SearchBar.Submitted, "#search")
    def keep_search(self) -> None:
        self.query_one(ArticleView).keep_search()
        self._close_search()

    @on(SearchBar.Cancelled, "#search")
    def cancel_search(self) -> None:
        self.query_one(ArticleView).cancel_search()
        self._close_search()

    def _close_search(self) -> None:
        self.query_one(SearchBar).display = False
        self.set_focus(self.query_one(ArticleView))

    # -- side column and leaving ----------------------------------------------------------------

    def action_toggle_side(self) -> None:
        self.side_visible = not self.side_visible

    def on_descendant_focus(self) -> None:
        self.refresh_bindings()

    def watch_side_visible(self, visible: bool) -> None:
        self.set_class(not visible, "-side-hidden")
        if visible:
            self.query_one(SidePanel).show_paragraph(
                self.article.paragraph_index_at(self.query_one(ArticleView).caret)
            )
        elif self.focused is not None and self.query_one(SidePanel) in self.focused.ancestors:
            self.query_one(ArticleView).focus()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        # Escape is offered while there is somewhere to step back to (see action_back).
        if action == "fetch_again":  # a saved web article only
            return bool(self.article.url and self.article.front_end)
        if action == "back":
            views = self.query(ArticleView)
            if self.can_go_back or not views:
                return True
            view = views.first()
            return self.focused is not view or bool(view.matches) or view.selection() is not None
        return True

    def action_back(self) -> None:
        """Escape steps back: to the text, out of a selection, off lit-up spans, to the library."""
        view = self.query_one(ArticleView)
        if self.focused is not view:
            view.focus()
            return
        if view.cancel_selection():
            return
        if view.matches:
            view.clear_lit()
            view.focus()
            return
        if not self.can_go_back:
            return
        self.save_position()
        self.dismiss()

    # -- a saved web article, fetched again --------------------------------------------------------

    def action_fetch_again(self) -> None:
        """Fetch the page again and show its new text; highlights re-anchor to it."""
        self.notify(f"Fetching {self.article.url} again …", markup=False, timeout=3)
        self._fetch_again(self.article.source, self.query_one(ArticleView))

    @work(
        thread=True,
        exit_on_error=False,
        exclusive=True,
        group="fetch",
        description="Fetching the article again",
    )
    def _fetch_again(self, path: str, view: ArticleView) -> None:
        from reader.article import ArticleError, load_article
        from reader.sources.saved import SavedArticles

        try:
            copy = Path(path)
            article = load_article(SavedArticles(copy.parent).refresh(copy))
        except ArticleError as error:
            self.app.call_from_thread(
                self.notify, inert_line(str(error)), severity="error", markup=False, timeout=8
            )
            return
        self.app.call_from_thread(lambda: self.app.show_refreshed(self, article, view.caret))

    # -- marks ----------------------------------------------------------------------------------

    @on(ArticleView.KeyPending)
    def show_pending_key(self, event: ArticleView.KeyPending) -> None:
        self.query_one(ReadingStatus).pending = event.prompt

    @on(ArticleView.MarkSet)
    def keep_mark(self, event: ArticleView.MarkSet) -> None:
        """``m`` and a letter: written to the database off the UI thread, like the position."""
        if self.document is not None:
            self._write_mark(self.document.id, event.name, event.offset)

    @work(thread=True, exit_on_error=False, group="marks", description="Saving the mark")
    def _write_mark(self, document_id: str, name: str, offset: int) -> None:
        self.store.save_mark(document_id, name, offset)

    # -- the reading position, and whether the article is read -----------------------------------

    def _at_end(self, offset: int) -> bool:
        """Whether the caret is on the article's last sentence: the reader got to the end."""
        sentences = self.article.sentences
        return bool(sentences) and offset >= sentences[-1].start

    @work(thread=True, exit_on_error=False, group="read-state", description="Marking it read")
    def _write_read(self, document_id: str) -> None:
        self.store.set_read(document_id, True)

    def action_neighbour(self, step: int) -> None:
        """The next or previous article of the library, in its current order (``>``, ``<``)."""
        self.app.open_neighbour(self, step)  # type: ignore[attr-defined]

    def save_position(self) -> None:
        """Write the caret offset to the database, off the UI thread, if it changed."""
        offset = self.query_one(ArticleView).caret
        if self.document is None or offset == self._saved_offset:
            return
        self._saved_offset = offset
        self._write_position(self.document.id, offset)

    @work(
        thread=True,
        exit_on_error=False,
        exclusive=True,
        group="position",
        description="Saving the reading position",
    )
    def _write_position(self, document_id: str, offset: int) -> None:
        self.store.save_position(document_id, offset)

    def pending_position(self) -> tuple[str, int] | None:
        """The unsaved position, for the app to write before it exits."""
        offset = self.query_one(ArticleView).caret
        if self.document is None or offset == self._saved_offset:
            return None
        self._saved_offset = offset
        return self.document.id, offset
