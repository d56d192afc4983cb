"""On the Linux console (TERM=linux and the like) every screen draws only glyphs its font has.

The console's fonts carry ASCII, Latin-1, the common typographic punctuation and arrows, the
single-line box drawing characters and the blocks of code page 437 (full, half and shades: █ ▀ ▄
▌ ▐ ░ ▒ ▓); not rounded corners, heavy lines or the eighth blocks (▁▂▃▅▆▇ ▏▎▍▋▊▉) that Textual
draws scrollbars, input borders, tab underlines, toasts and the palette with. The app adds
``-plain-glyphs`` for such terminals and styles/reader.tcss swaps or hides each of them; this
walks every screen and reads each cell.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.app import App

from reader.article import load_article
from reader.store import AnnotationStore
from reader.store.anchoring import new_highlight
from reader.ui.app import make_app
from reader.ui.screens.reading import ReadingScreen
from tests.ui.articles import write_library
from tests.ui.screen_text import screen_rows

CONSOLE_GLYPHS = frozenset(
    [chr(c) for c in range(0x20, 0x7F)]
    + [chr(c) for c in range(0xA0, 0x100)]
    + list("‘’“”–—•…←↑→↓")
    + list("─│┌┐└┘├┤┬┴┼")
    + list("█▀▄▌▐░▒▓")
)


def strange_glyphs(app: App[object]) -> dict[str, tuple[int, int]]:
    """Each glyph outside the console's set, with the first (row, column) that holds it."""
    found: dict[str, tuple[int, int]] = {}
    for y, row in enumerate(screen_rows(app)):
        for x, glyph in enumerate(row):
            if glyph not in CONSOLE_GLYPHS and glyph not in found:
                found[glyph] = (y, x)
    return found


def long_note() -> str:
    return "\n".join(f"Line {n} of a note long enough to scroll its box." for n in range(14))


def make_library(tmp_path: Path, store: AnnotationStore) -> Path:
    folder = tmp_path / "news"
    paths = write_library(folder)
    for path in paths[1:]:
        article = load_article(path)
        document = store.document_for(article)
        span = article.sentences[0]
        store.add_annotation(
            new_highlight(document.id, article.text, span.start, span.end, note="to check")
        )
    return folder


async def settle(pilot) -> None:
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()
    await pilot.pause(0.1)


@pytest.mark.parametrize("size", [(80, 24), (160, 48)], ids=lambda s: f"{s[0]}x{s[1]}")
async def test_every_screen_draws_only_console_glyphs(
    tmp_path: Path, store: AnnotationStore, monkeypatch: pytest.MonkeyPatch, size: tuple[int, int]
) -> None:
    monkeypatch.setenv("TERM", "linux")
    library = make_library(tmp_path, store)
    app = make_app(store, library=[library], cursor_blink=False)
    seen: dict[str, dict[str, tuple[int, int]]] = {}

    def look(name: str) -> None:
        found = strange_glyphs(app)
        if found:
            seen[name] = found

    async with app.run_test(size=size, notifications=True) as pilot:
        await settle(pilot)
        assert app.has_class("-plain-glyphs")
        look("library, with the skipped-file warning")
        await pilot.press("x")
        await pilot.pause()
        look("library, with a hint")
        await pilot.press("slash", *"ferry")
        await pilot.pause(0.3)
        look("library filter")
        await pilot.press("escape", "n")
        await settle(pilot)
        look("all notes")
        await pilot.press("down")
        look("all notes, in the table")
        await pilot.press("escape", "escape")
        await settle(pilot)

        await pilot.press("enter")  # the newest article: one with a highlight
        await settle(pilot)
        assert isinstance(app.screen, ReadingScreen)
        await pilot.press("j")
        await pilot.pause()
        look("reading")
        for key, pane in (
            ("e", "entities"),
            ("quotation_mark", "quotes"),
            ("H", "highlights"),
            ("i", "article outline"),
        ):
            await pilot.press(key)
            await settle(pilot)
            look(f"side pane: {pane}")
        await pilot.press("tab")
        await pilot.press("slash", *"the")
        await pilot.pause()
        look("search")
        await pilot.press("enter")
        await pilot.pause()

        await pilot.press("a")
        await settle(pilot)
        area = app.screen.query_one("#note-text")
        area.insert(long_note())  # more lines than the box: a scrollbar would show
        await pilot.pause()
        look("note editor")
        await pilot.press("tab", *"harbour")
        await pilot.pause()
        look("note editor, tags")
        await pilot.press("escape")
        await pilot.pause()
        look("discard the note?")
        await pilot.press("y")
        await pilot.pause()

        await pilot.press("question_mark")
        await pilot.pause()
        look("help")
        app.screen.query_one("#help-body").scroll_end(animate=False)
        await pilot.pause()
        look("help, its end")
        await pilot.press("escape")
        await pilot.press("ctrl+p")
        await pilot.pause(0.3)
        look("command palette")
        await pilot.press(*"note")
        await pilot.pause(0.3)
        look("command palette, searching")
        await pilot.press("escape")
        await pilot.pause()
        for severity in ("information", "warning", "error"):
            app.notify(f"A {severity} toast", severity=severity)
        await pilot.pause()
        look("toasts")

    assert not seen, seen
