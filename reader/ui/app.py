"""The Textual application: opens the library or an article and owns the annotation store.

Built by :func:`make_app`, which the command line and the tests both use.
"""

from __future__ import annotations

import asyncio
import os
import signal
import threading
from collections.abc import Iterable
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING

from textual import events, work
from textual.app import App, SystemCommand
from textual.binding import Binding
from textual.screen import Screen
from textual.worker import Worker, WorkerState

from reader.article import Article, ArticleError, load_article
from reader.config import Config, check_names, load_config
from reader.inert import inert_line
from reader.paths import index_path, styles_dir
from reader.store import AnnotationStore, DocumentRecord
from reader.store.drafts import DraftBox
from reader.ui.typeahead import TYPED, KeyHold, TypeAhead

# The screens are imported where they are first used, so that the first frame waits only for
# the one it shows (the library does not need the reading screen, nor an article the library).
if TYPE_CHECKING:
    from reader.exchange.external_editor import Runner
    from reader.ui.screens.feeds import FeedsScreen
    from reader.ui.screens.library import LibraryScreen
    from reader.ui.screens.note_editor import NoteEditor
    from reader.ui.screens.notes import NotesScreen
    from reader.ui.screens.people import PeopleScreen
    from reader.ui.screens.reading import ReadingScreen

DARK_THEME = "textual-dark"
#: Terminals whose fonts lack rounded corners, heavy lines and eighth blocks (styles/reader.tcss).
PLAIN_GLYPH_TERMS = frozenset({"linux", "vt100", "vt102", "vt220", "ansi", "dumb"})
LIGHT_THEME = "textual-light"


class ReaderApp(App[None]):
    """A library of articles and a reading screen for each."""

    CSS_PATH = [styles_dir() / "reader.tcss"]
    TITLE = "reader"
    ENABLE_COMMAND_PALETTE = True

    BINDINGS = [
        Binding("q", "quit", "Quit", id="app.quit"),
        Binding("question_mark", "help", "Help", id="app.help", key_display="?"),
        Binding("t", "toggle_theme", "Theme", id="app.theme", show=False),
    ]

    def __init__(
        self,
        store: AnnotationStore,
        *,
        library: list[Path] | None = None,
        library_title: str = "Library",
        article: Article | None = None,
        feeds: bool = False,
        index: Path | None = None,
        cursor_blink: bool = True,
        editor: str | None = None,
        config: Config | None = None,
        config_path: Path | None = None,
        config_problems: list[str] | None = None,
    ) -> None:
        super().__init__()
        #: The settings (config.toml); screens read them here.
        self.config = config or Config()
        #: Where the theme is remembered; None (as in tests) writes nothing anywhere.
        self.config_path = config_path
        self._config_problems = list(config_problems or [])
        self._remembered_theme = ""
        self._theme_write_failed = False
        self._theme_lock = threading.Lock()
        #: The editor command from the config file (``editor``); None falls back to
        #: ``$VISUAL``, then ``$EDITOR``, then ``vi``.
        self.editor_command = editor if editor is not None else self.config.editor
        self.start_on_feeds = feeds
        #: The library index (derived data): the library lists from it and keeps it up to
        #: date; None (as in most tests) lists every file afresh and indexes nothing.
        self.index_file = index
        self.cursor_blink = cursor_blink
        #: Runs the note editor (``E``) on a file; None: in the terminal, the app suspended.
        self.run_editor: Runner | None = None
        self.drafts = DraftBox(store.path)
        self.store = store
        self.library_roots = library
        self.library_title = library_title
        self.initial_article = article
        self.config, problems = check_names(self.config, config_path, themes=self.available_themes)
        self._config_problems += problems
        self.theme = self.config.theme
        #: Keys typed ahead wait here for the screen or editor they were meant for.
        self.typeahead = TypeAhead(self, self._route_typed)

    async def on_event(self, event: events.Event) -> None:
        if isinstance(event, TYPED) and not event.is_forwarded:
            await self.typeahead.receive(event)
            return
        await super().on_event(event)

    async def _route_typed(self, event: events.Event) -> None:
        """Textual's own routing of one key or paste, when its turn has come."""
        await super().on_event(event)

    def on_mount(self) -> None:
        if os.environ.get("TERM", "") in PLAIN_GLYPH_TERMS:
            self.add_class("-plain-glyphs")
        self._catch_hangups()
        notice = self.store.take_notice()
        if notice:
            self.notify(inert_line(notice), severity="warning", timeout=15, markup=False)
        self._apply_config()
        if self.library_roots is not None:
            from reader.ui.screens.library import LibraryScreen

            self.push_screen(
                LibraryScreen(
                    self.library_roots,
                    self.store,
                    title=self.library_title,
                    index=self.index_file,
                )
            )
        if self.start_on_feeds:
            self.push_screen(self._feeds_screen(can_go_back=False))
        if self.initial_article is not None:
            # Keys typed while the article opens are for its reading screen.
            self.show_article(self.initial_article, self.typeahead.hold("opening the article"))

    # -- the config file ---------------------------------------------------------------------------

    def _apply_config(self) -> None:
        """Remapped keys from the start; the problems shown once the first frame is drawn."""
        if self.config.keys:
            self.set_keymap(self.config.keys)
            self.call_after_refresh(self._check_binding_ids)
        elif self._config_problems:
            self.call_after_refresh(self._report_config)
        self._remembered_theme = self.theme
        self.theme_changed_signal.subscribe(self, self._remember_theme)

    @work(thread=True, exit_on_error=False, group="config", description="Checking config.toml")
    def _check_binding_ids(self) -> None:
        """Binding ids not defined anywhere in the interface are problems too (it imports
        every screen, hence after the first frame and off the UI thread)."""
        from reader.ui.bindings import binding_infos

        ids = {info.id for info in binding_infos()}
        config, problems = check_names(
            self.config, self.config_path, themes=self.available_themes, binding_ids=ids
        )
        self._config_problems += problems
        self.call_from_thread(self._use_checked_keys, config)

    def _use_checked_keys(self, config: Config) -> None:
        self.config = config
        self.set_keymap(config.keys)
        self._report_config()

    def _report_config(self) -> None:
        if self._config_problems:
            lines = "\n".join(inert_line(line) for line in self._config_problems)
            self.notify(lines, title="Settings", severity="warning", timeout=20, markup=False)
            self._config_problems = []

    def _remember_theme(self, theme: object) -> None:
        """A theme chosen with ``t`` or the palette is written into config.toml."""
        if self.config_path is None or self.theme == self._remembered_theme:
            return
        self._remembered_theme = self.theme
        self._write_theme(self.config_path)

    @work(thread=True, exit_on_error=False, group="config", description="Remembering the theme")
    def _write_theme(self, path: Path) -> None:
        from reader.config import remember_theme, shown_path

        try:
            # One write at a time, each of the theme as it is by then: quick changes end with
            # the last one in the file.
            with self._theme_lock:
                reason = remember_theme(path, self.theme)
        except OSError as error:
            reason = error.strerror or str(error)
        if reason and not self._theme_write_failed:  # said once, not at every change
            self._theme_write_failed = True
            message = inert_line(f"{shown_path(path)}: theme not remembered: {reason}")
            self.call_from_thread(self.notify, message, severity="warning", timeout=8, markup=False)

    def _catch_hangups(self) -> None:
        """On SIGHUP (the SSH link dropped) or SIGTERM: keep the note being typed, then leave."""
        loop = asyncio.get_running_loop()
        for signum in (signal.SIGHUP, signal.SIGTERM):
            try:
                loop.add_signal_handler(signum, self._hang_up)
            except (NotImplementedError, RuntimeError, ValueError):
                return  # not on the main thread (tests) or no signals here

    def _hang_up(self) -> None:
        # What the note editor holds now, not only what it last reported: the link may drop
        # between a key and the message that tells the reading screen about it.
        from reader.ui.screens.note_editor import NoteEditor

        editors = [s for s in self.screen_stack if isinstance(s, NoteEditor)]
        typed = editors[-1].typed() if editors else None
        for screen in self._reading_screens():
            screen.flush_draft(typed)
            pending = screen.pending_position()
            if pending is not None:
                self.store.save_position(*pending)
        self.exit(return_code=1)

    # -- opening articles ------------------------------------------------------------------------

    # Handlers named after the message (not ``@on``) need no import of the screen that posts it.

    def on_library_screen_opened(self, event: LibraryScreen.Opened) -> None:
        """An article chosen in the library (at the match, when its text matched the filter)."""
        self.load(event.path, event.offset, hold=self.typeahead.hold("opening an article"))

    def on_notes_screen_opened(self, event: NotesScreen.Opened) -> None:
        """A highlight chosen in the list of every note: its article, at the highlight."""
        self.load(event.path, event.offset, hold=self.typeahead.hold("opening an article"))

    def on_people_screen_opened(self, event: PeopleScreen.Opened) -> None:
        """An article chosen in the people view (at a quote, if one was chosen)."""
        self.load(event.path, event.offset, hold=self.typeahead.hold("opening an article"))

    def action_people(self) -> None:
        """People, organisations and places across the library (from the index)."""
        from reader.ui.screens.people import PeopleScreen

        if not isinstance(self.screen, PeopleScreen):
            self.push_screen(PeopleScreen(self.index_file or index_path(), self.library_roots))

    def on_feeds_screen_opened(self, event: FeedsScreen.Opened) -> None:
        """A feed item's saved article."""
        self.load(event.path, hold=self.typeahead.hold("opening an article"))

    def on_feeds_screen_opened_text(self, event: FeedsScreen.OpenedText) -> None:
        """A feed item with no page of its own: its summary."""
        self.show_article(event.article, self.typeahead.hold("opening an article"))

    def action_feeds(self) -> None:
        """The subscriptions and their items."""
        from reader.ui.screens.feeds import FeedsScreen

        if not isinstance(self.screen, FeedsScreen):
            self.push_screen(self._feeds_screen(can_go_back=True))

    def _feeds_screen(self, *, can_go_back: bool) -> FeedsScreen:
        from reader.sources import articles_folder
        from reader.sources.feeds import feeds_path
        from reader.ui.screens.feeds import FeedsScreen

        return FeedsScreen(
            feeds_path(self.store.path), articles_folder(self.store.path), can_go_back=can_go_back
        )

    def action_notes(self) -> None:
        """Every highlight and note in the database, across articles."""
        from reader.ui.screens.notes import NotesScreen

        if not isinstance(self.screen, NotesScreen):
            self.push_screen(NotesScreen(self.store))

    @work(
        thread=True,
        exit_on_error=False,
        exclusive=True,
        group="open",
        description="Opening an article",
    )
    def load(self, path: str, offset: int | None = None, *, hold: KeyHold | None = None) -> None:
        """Read and parse the file off the UI thread; a bad file becomes a notification.

        Keys typed meanwhile wait (``hold``) and then go to the article, or stay where they were
        typed if it cannot be opened.
        """
        try:
            article = self._read_or_say(path)
            if article is not None:
                self._open(article, offset)
        finally:
            if hold is not None:
                hold.release()

    @work(
        thread=True,
        exit_on_error=False,
        exclusive=True,
        group="open",
        description="Opening an article",
    )
    def show_article(self, article: Article, hold: KeyHold | None = None) -> None:
        try:
            self._open(article)
        finally:
            if hold is not None:
                hold.release()

    def _read_or_say(self, path: str) -> Article | None:
        """On a worker thread: the article at ``path``, or None once a notification says why."""
        try:
            return load_article(path)
        except ArticleError as error:
            self.call_from_thread(
                self.notify, inert_line(str(error)), severity="error", markup=False, timeout=8
            )
            return None

    def _open(self, article: Article, offset: int | None = None) -> None:
        """On a worker thread: find the article's record (and saved place), then show it."""
        document = self.store.document_for(article)
        self.call_from_thread(self._push_reading, article, document, offset)

    @work(
        thread=True,
        exit_on_error=False,
        exclusive=True,
        group="open",
        description="Opening the article fetched again",
    )
    def show_refreshed(self, old: ReadingScreen, article: Article, offset: int) -> None:
        """The article's new text in place of ``old``, its highlights anchored to it afresh."""
        document = self.store.document_for(article)
        self.call_from_thread(self._replace_reading, old, article, document, offset)

    def _replace_reading(
        self, old: ReadingScreen, article: Article, document: DocumentRecord, offset: int
    ) -> None:
        if self.screen is not old:  # a dialog is open over it, or the reader has moved on
            self.notify(
                "Fetched again: the new text shows when the article is next opened",
                markup=False,
            )
            return
        self.pop_screen()
        self._push_reading(article, document, min(offset, len(article.text)))

    def _push_reading(
        self, article: Article, document: DocumentRecord | None, offset: int | None = None
    ) -> None:
        from reader.ui.screens.reading import ReadingScreen

        self.push_screen(
            ReadingScreen(
                article,
                document,
                self.store,
                # The default screen is always at the bottom; anything above it is somewhere
                # to go back to (the library, the notes).
                can_go_back=len(self.screen_stack) > 1,
                drafts=self.drafts,
                start_at=offset,
            ),
            callback=partial(self._back_in_library, article.source),
        )

    def open_neighbour(self, screen: ReadingScreen, step: int) -> None:
        """In place of ``screen``, the article ``step`` rows away in the library's list."""
        library = self._library()
        if library is None:
            self.notify("> and < step through a library: open a folder", markup=False)
            return
        order = library.ordered_paths()
        source = screen.article.source
        if source in order:
            index = order.index(source) + step
        else:  # filtered out meanwhile (read now, under "unread only"): from its old row
            index = library.cursor_row() + (0 if step > 0 else -1)
        if not 0 <= index < len(order):
            where = "last" if step > 0 else "first"
            self.notify(f"This is the {where} article of the library", markup=False)
            return
        library.select_path(order[index])
        self._load_instead(
            screen,
            order[index],
            screen.pending_position(),
            hold=self.typeahead.hold("opening an article"),
        )

    @work(
        thread=True,
        exit_on_error=False,
        exclusive=True,
        group="open",
        description="Opening an article",
    )
    def _load_instead(
        self,
        old: ReadingScreen,
        path: str,
        pending: tuple[str, int] | None,
        *,
        hold: KeyHold,
    ) -> None:
        """Write where the reader left ``old``, then read ``path`` and show it in its place."""
        try:
            if pending is not None:
                self.store.save_position(*pending)
            article = self._read_or_say(path)
            if article is not None:
                document = self.store.document_for(article)
                self.call_from_thread(self._swap_reading, old, article, document)
        finally:
            hold.release()

    def _swap_reading(self, old: ReadingScreen, article: Article, document: DocumentRecord) -> None:
        if self.screen is not old:  # a dialog opened over it meanwhile: leave things be
            return
        old.dismiss()  # the library's row of the article left is brought up to date
        self._push_reading(article, document)

    def _back_in_library(self, source: str, _result: None) -> None:
        library = self._library()
        if library is not None:
            self._refresh_count(library, source)

    @work(thread=True, exit_on_error=False, group="counts", description="Counting highlights")
    def _refresh_count(self, library: LibraryScreen, source: str) -> None:
        """The article's row after reading it: its highlights, and whether it is read now."""
        from reader.ui.library_rows import READ, UNREAD

        document = self.store.document_by_path(str(Path(source).resolve()))
        if document is not None:
            count = self.store.annotation_counts().get(document.id, 0)
            state = READ if document.is_read else UNREAD
            self.call_from_thread(library.update_entry, source, highlights=count, state=state)

    def on_note_editor_draft_changed(self, event: NoteEditor.DraftChanged) -> None:
        """Keep what is typed in the note editor as a draft."""
        # The editor is a screen of its own, so its messages come here; the reading screen
        # underneath owns the highlight being annotated.
        screens = self._reading_screens()
        if screens:
            screens[-1].keep_draft(event.text)

    def _reading_screens(self) -> list[ReadingScreen]:
        """The reading screens in the stack, the bottom one first."""
        from reader.ui.screens.reading import ReadingScreen

        return [screen for screen in self.screen_stack if isinstance(screen, ReadingScreen)]

    def _library(self) -> LibraryScreen | None:
        from reader.ui.screens.library import LibraryScreen

        for screen in self.screen_stack:
            if isinstance(screen, LibraryScreen):
                return screen
        return None

    # -- app-wide actions --------------------------------------------------------------------------

    def action_help(self) -> None:
        from reader.ui.screens.help import HelpScreen

        if isinstance(self.screen, HelpScreen):
            return
        self.push_screen(HelpScreen(self.binding_rows()))

    def binding_rows(self) -> list[tuple[str, str]]:
        """Every active binding, keys of the same action together, in the order they are defined."""
        grouped: dict[tuple[str, str], list[str]] = {}
        for key, active in self.active_bindings.items():
            binding = active.binding
            if not binding.description:
                continue
            shown = self.get_key_display(Binding(key, binding.action))
            grouped.setdefault((binding.action, binding.description), []).append(shown)
        return [
            (" ".join(dict.fromkeys(keys)), description)
            for (_, description), keys in grouped.items()
        ]

    def action_toggle_theme(self) -> None:
        self.theme = LIGHT_THEME if self.theme == DARK_THEME else DARK_THEME

    def get_system_commands(self, screen: Screen) -> Iterable[SystemCommand]:
        yield from super().get_system_commands(screen)
        yield SystemCommand(
            "All highlights and notes", "Search every note in the database", self.action_notes
        )
        seen: set[str] = set()
        for active in screen.active_bindings.values():
            binding = active.binding
            if binding.description and binding.action not in seen and active.enabled:
                seen.add(binding.action)
                yield SystemCommand(
                    binding.description,
                    f"Key: {self.get_key_display(binding)}",
                    partial(self.run_action, binding.action, active.node),
                )

    async def action_quit(self) -> None:
        """Write an unsaved reading position before leaving, once the side column being built
        (a `q` typed right after an article opened) is in place."""
        from reader.ui.widgets.side_panel import SidePanel

        for screen in self._reading_screens():
            pending = screen.pending_position()
            if pending is not None:
                await asyncio.to_thread(self.store.save_position, *pending)
            for panel in screen.query(SidePanel):
                await panel.settled()
        self.exit()

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        """One place that turns a failed worker into a visible message instead of a crash."""
        if event.state is WorkerState.ERROR and event.worker.error is not None:
            error = event.worker.error
            self.notify(
                inert_line(f"{event.worker.description or 'Background task'} failed: {error}"),
                severity="error",
                markup=False,
                timeout=10,
            )


def make_app(
    store: AnnotationStore,
    *,
    library: list[Path] | None = None,
    library_title: str = "Library",
    article: Article | None = None,
    feeds: bool = False,
    index: Path | None = None,
    cursor_blink: bool = True,
    editor: str | None = None,
    config: Config | None = None,
    config_path: Path | None = None,
) -> ReaderApp:
    """Build the app: the command line and the tests go through here.

    ``config_path`` without ``config``: the settings are read from that file (its problems are
    shown on start); with it, the theme chosen in the app is remembered there. No path: nothing
    is ever written.
    """
    problems: list[str] = []
    if config is None:
        config, problems = load_config(config_path)
    return ReaderApp(
        store,
        library=library,
        library_title=library_title,
        article=article,
        feeds=feeds,
        index=index,
        cursor_blink=cursor_blink,
        editor=editor,
        config=config,
        config_path=config_path,
        config_problems=problems,
    )
