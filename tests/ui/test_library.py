"""The library: scanning in a worker, filtering after ``/``, sorting, opening and going back."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from pathlib import Path

from textual import events
from textual.widgets import DataTable, Input, Static

from reader.paths import samples_dir
from reader.store import AnnotationStore
from reader.ui.app import make_app
from reader.ui.screens.library import LibraryScreen
from reader.ui.screens.reading import ReadingScreen
from reader.ui.widgets.article_view import ArticleView
from tests.ui.articles import ARTICLE, write_library
from tests.ui.screen_text import screen_rows, widget_rows


async def scanned(pilot) -> LibraryScreen:
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()
    screen = pilot.app.screen
    assert isinstance(screen, LibraryScreen)
    return screen


def row_at(table: DataTable, index: int) -> dict[str, str]:
    """One row's cells by column key (columns come and go, so never by position)."""
    keys = [key.value for key in table.columns]
    return dict(zip(keys, (str(cell) for cell in table.get_row_at(index)), strict=True))


def column_of(table: DataTable, key: str) -> list[str]:
    return [row_at(table, i)[key] for i in range(table.row_count)]


def column_width(table: DataTable, key: str) -> int:
    return next(column.width for column in table.columns.values() if column.key.value == key)


async def test_folder_is_scanned_recursively_with_bad_files_skipped(
    tmp_path: Path, store: AnnotationStore
) -> None:
    write_library(tmp_path)
    app = make_app(store, library=[tmp_path], cursor_blink=False)
    async with app.run_test(size=(120, 30)) as pilot:
        screen = await scanned(pilot)
        table = screen.query_one(DataTable)
        assert table.row_count == 3
        assert len(screen.problems) == 1 and "empty.txt" in screen.problems[0]
        status = str(screen.query_one("#library-status", Static).render())
        assert "3 of 3 articles" in status and "1 skipped" in status
        # Newest first by default.
        first = row_at(table, 0)
        assert first["date"] == "2025-09-30"
        assert first["place"] == "Porto, Portugal"
        assert first["file"] == "ferry.txt"


async def test_slash_filters_and_escape_clears(tmp_path: Path, store: AnnotationStore) -> None:
    write_library(tmp_path)
    app = make_app(store, library=[tmp_path], cursor_blink=False)
    async with app.run_test(size=(120, 30)) as pilot:
        screen = await scanned(pilot)
        table = screen.query_one(DataTable)
        await pilot.press("slash", *"lyon")
        await pilot.pause(0.3)
        assert table.row_count == 1
        assert row_at(table, 0)["place"] == "Lyon, France"
        await pilot.press("escape")
        await pilot.pause(0.3)
        assert table.row_count == 3
        assert app.focused is table
        assert screen.query_one("#filter", Input).value == ""


#: Letters that are commands in the table (t theme, o sort, n all notes, q quit), in one word.
COMMAND_LETTERS = "quotation"


def write_quotation_library(folder: Path) -> None:
    write_library(folder)
    (folder / "quotation.txt").write_text(
        " date 2024-02-10 BERGEN, Norway (AP) — A quotation carved above the harbour gate was "
        "restored on Friday. Stonemasons worked on it for a month.",
        encoding="utf-8",
    )


async def test_letters_are_commands_until_slash_then_all_go_to_the_filter(
    tmp_path: Path, store: AnnotationStore
) -> None:
    write_quotation_library(tmp_path)
    app = make_app(store, library=[tmp_path], cursor_blink=False)
    async with app.run_test(size=(120, 30)) as pilot:
        screen = await scanned(pilot)
        table = screen.query_one(DataTable)
        theme = app.theme
        footer = screen_rows(app)[-1]
        assert "/ Filter" in footer
        await pilot.press("slash", *COMMAND_LETTERS)
        await pilot.pause(0.3)
        filter_input = screen.query_one("#filter", Input)
        assert filter_input.value == COMMAND_LETTERS
        assert app.theme == theme and app.screen is screen and app.is_running
        assert table.row_count == 1 and "quotation" in row_at(table, 0)["title"]
        # Down goes to the table, with the filter kept; "/" comes back to it.
        await pilot.press("down")
        assert app.focused is table and filter_input.value == COMMAND_LETTERS
        await pilot.press("slash")
        assert app.focused is filter_input
        # "/" in a filter with text in it is text (a folder in a path).
        await pilot.press("slash")
        assert filter_input.value == COMMAND_LETTERS + "/"


async def test_keys_typed_in_one_burst_after_slash_all_land_in_the_filter(
    tmp_path: Path, store: AnnotationStore
) -> None:
    """Over SSH "/quotation" can arrive in one read: every letter must reach the filter."""
    write_quotation_library(tmp_path)
    app = make_app(store, library=[tmp_path], cursor_blink=False)
    async with app.run_test(size=(120, 30)) as pilot:
        screen = await scanned(pilot)
        theme = app.theme
        app.post_message(events.Key("slash", "/"))
        for char in COMMAND_LETTERS:
            app.post_message(events.Key(char, char))
        await pilot.pause()
        await pilot.pause(0.3)
        assert app.screen is screen and app.theme == theme
        assert screen.query_one("#filter", Input).value == COMMAND_LETTERS
        assert screen.query_one(DataTable).row_count == 1


async def test_enter_in_the_filter_opens_the_first_match(
    tmp_path: Path, store: AnnotationStore
) -> None:
    write_library(tmp_path)
    app = make_app(store, library=[tmp_path], cursor_blink=False)
    async with app.run_test(size=(120, 30)) as pilot:
        await scanned(pilot)
        await pilot.press("slash", *"piers", "enter")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert isinstance(app.screen, ReadingScreen)
        assert app.screen.article.place == "Lyon, France"


async def test_a_letter_that_is_no_command_says_how_to_filter(
    tmp_path: Path, store: AnnotationStore
) -> None:
    write_library(tmp_path)
    app = make_app(store, library=[tmp_path], cursor_blink=False)
    async with app.run_test(size=(120, 30), notifications=True) as pilot:
        screen = await scanned(pilot)
        table = screen.query_one(DataTable)
        await pilot.press("x", "y", "z")
        await pilot.pause(0.3)
        assert app.focused is table
        assert screen.query_one("#filter", Input).value == ""
        assert table.row_count == 3
        toasts = [str(toast.render()) for toast in app.screen.query("Toast")]
        # One hint, not one per letter.
        assert [toast for toast in toasts if "filter" in toast] == ["Type / to filter"]


async def test_sort_cycles_and_reverses(tmp_path: Path, store: AnnotationStore) -> None:
    write_library(tmp_path)
    app = make_app(store, library=[tmp_path], cursor_blink=False)
    async with app.run_test(size=(120, 30)) as pilot:
        screen = await scanned(pilot)
        table = screen.query_one(DataTable)
        await pilot.press("o")  # by title
        titles = column_of(table, "title")
        assert titles == sorted(titles, key=str.casefold)
        await pilot.press("o")  # by place
        assert row_at(table, 0)["place"] == "Lyon, France"
        await pilot.press("O")
        assert row_at(table, 0)["place"] == "Porto, Portugal"


async def test_enter_opens_and_escape_comes_back(tmp_path: Path, store: AnnotationStore) -> None:
    write_library(tmp_path)
    app = make_app(store, library=[tmp_path], cursor_blink=False)
    async with app.run_test(size=(120, 30)) as pilot:
        await scanned(pilot)
        await pilot.press("enter")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert isinstance(app.screen, ReadingScreen)
        assert app.screen.article.place == "Porto, Portugal"
        assert app.screen.query_one(ArticleView).has_focus
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, LibraryScreen)


async def test_g_and_capital_g_go_to_the_first_and_last_article(
    tmp_path: Path, store: AnnotationStore
) -> None:
    write_library(tmp_path)
    app = make_app(store, library=[tmp_path], cursor_blink=False)
    async with app.run_test(size=(120, 30)) as pilot:
        screen = await scanned(pilot)
        table = screen.query_one(DataTable)
        assert table.row_count >= 3
        await pilot.press("G")
        assert table.cursor_row == table.row_count - 1
        await pilot.press("g")
        assert table.cursor_row == 0
        # Typed in the filter they are text, not moves.
        await pilot.press("slash", "G")
        assert screen.query_one("#filter", Input).value == "G"


async def test_a_file_that_went_bad_is_a_notification_not_a_crash(
    tmp_path: Path, store: AnnotationStore
) -> None:
    paths = write_library(tmp_path)
    app = make_app(store, library=[tmp_path], cursor_blink=False)
    async with app.run_test(size=(120, 30)) as pilot:
        await scanned(pilot)
        paths[2].write_bytes(b"")  # the newest, first row
        await pilot.press("enter")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert isinstance(app.screen, LibraryScreen)
        messages = [n.message for n in app._notifications]
        assert any("ferry.txt" in m and "empty" in m for m in messages)


async def test_the_bundled_samples_open_as_the_default_library(store: AnnotationStore) -> None:
    app = make_app(
        store, library=[samples_dir()], library_title="Sample articles", cursor_blink=False
    )
    async with app.run_test(size=(120, 30)) as pilot:
        screen = await scanned(pilot)
        assert screen.query_one(DataTable).row_count >= 5
        assert not screen.problems


async def test_highlight_counts_come_from_the_store(tmp_path: Path, store: AnnotationStore) -> None:
    from reader.article import load_article
    from reader.store import AnnotationRecord

    paths = write_library(tmp_path)
    article = load_article(paths[0])
    document = store.document_for(article)
    span = article.sentences[0]
    for _ in range(2):
        store.add_annotation(
            AnnotationRecord.new(
                document.id, span.start, span.end, article.text[span.start : span.end]
            )
        )
    app = make_app(store, library=[tmp_path], cursor_blink=False)
    async with app.run_test(size=(120, 30)) as pilot:
        screen = await scanned(pilot)
        table = screen.query_one(DataTable)
        counts = {row_at(table, i)["place"]: row_at(table, i)["highlights"] for i in range(3)}
        assert counts["Oslo, Norway"] == "2"
        assert counts["Lyon, France"] == "·"


def write_numbered_library(folder: Path, date_of: Callable[[int], str]) -> None:
    """40 articles, the n-th dated ``date_of(n)``."""
    for n in range(40):
        (folder / f"{n:02d}.txt").write_text(
            ARTICLE.format(date=date_of(n), place="OSLO, Norway", lead=f"Mayor Number {n}"),
            encoding="utf-8",
        )


def hold_the_scan(monkeypatch, at: int) -> threading.Event:
    """Articles go up to the table one by one, and the scan waits at the ``at``-th file until
    the event returned is set."""
    import reader.ui.library_scan as scan_module
    from reader.article import summarize

    release = threading.Event()
    seen = 0

    def held_summarize(path: Path):
        nonlocal seen
        seen += 1
        if seen == at:
            release.wait(timeout=10)
        return summarize(path)

    monkeypatch.setattr(scan_module, "summarize", held_summarize)
    monkeypatch.setattr(scan_module, "BATCH_SECONDS", 0.0)
    monkeypatch.setattr(scan_module, "LATER_BATCH_SECONDS", 0.0)
    return release


async def found(pilot, count: int) -> LibraryScreen:
    """The library once ``count`` articles have reached it, the scan perhaps still running."""
    deadline = time.monotonic() + 10
    while True:
        screen = pilot.app.screen
        if isinstance(screen, LibraryScreen) and len(screen.entries) >= count:
            return screen
        assert time.monotonic() < deadline, f"{count} articles never reached the library"
        await pilot.pause(0.01)


async def test_rows_arrive_while_the_scan_is_still_running(
    tmp_path: Path, store: AnnotationStore, monkeypatch
) -> None:
    """The table fills progressively: the scan is held half-way and the first rows are shown."""
    write_numbered_library(tmp_path, lambda n: "2024-01-01")
    release = hold_the_scan(monkeypatch, at=20)
    app = make_app(store, library=[tmp_path], cursor_blink=False)
    async with app.run_test(size=(120, 30)) as pilot:
        screen = await found(pilot, 19)
        status = str(screen.query_one("#library-status", Static).render())
        assert status.startswith("Scanning…")
        assert 0 < screen.query_one(DataTable).row_count < 40
        release.set()
        await scanned(pilot)
        assert screen.query_one(DataTable).row_count == 40
        assert "40 of 40" in str(screen.query_one("#library-status", Static).render())


async def test_past_a_screenful_rows_wait_for_the_sorted_refill(
    tmp_path: Path, store: AnnotationStore, monkeypatch
) -> None:
    """Rows beyond the first screenful are not added while scanning, only once at the end,
    sorted (a large library would otherwise add, and draw, every row twice)."""
    import reader.ui.screens.library as library_module

    write_numbered_library(tmp_path, lambda n: f"2024-01-{n % 28 + 1:02d}")
    release = hold_the_scan(monkeypatch, at=30)
    monkeypatch.setattr(library_module, "ROWS_WHILE_SCANNING", 10)
    app = make_app(store, library=[tmp_path], cursor_blink=False)
    async with app.run_test(size=(120, 30)) as pilot:
        screen = await found(pilot, 29)
        assert len(screen.entries) > 20
        assert screen.query_one(DataTable).row_count == 10
        release.set()
        await scanned(pilot)
        table = screen.query_one(DataTable)
        assert table.row_count == 40
        dates = column_of(table, "date")
        assert dates == sorted(dates, reverse=True)


# -- columns ---------------------------------------------------------------------------------


def write_wide_library(folder: Path, *, dated: bool = True) -> None:
    """Thirty-one articles (more rows than an 80x24 screen holds), two with the same title, one
    with a long file name, the newest of 123,456 words."""
    header = " date 2024-04-{day:02d} TRONDHEIM, Norway (AP) — " if dated else ""
    for n in range(28):
        (folder / f"brief-{n:02d}.txt").write_text(
            header.format(day=n % 28 + 1) + f"Council brief number {n} was read. It was short.",
            encoding="utf-8",
        )
    same = "The ferry timetable changes in May."
    (folder / "ferry-north.txt").write_text(header.format(day=2) + same, encoding="utf-8")
    (folder / "ferry-south-and-the-islands-timetable-2024.txt").write_text(
        header.format(day=3) + same, encoding="utf-8"
    )
    long_body = " ".join(["harbour"] * 123_450)
    newest = " date 2024-05-01 TRONDHEIM, Norway (AP) — " if dated else ""
    (folder / "long-report.txt").write_text(
        newest + "The long report is out. " + long_body + ".", encoding="utf-8"
    )


async def test_columns_fit_80_columns_with_a_file_column_and_whole_word_counts(
    tmp_path: Path, store: AnnotationStore
) -> None:
    write_wide_library(tmp_path)
    app = make_app(store, library=[tmp_path], cursor_blink=False)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await scanned(pilot)
        table = screen.query_one(DataTable)
        assert table.row_count == 31
        assert [key.value for key in table.columns] == [
            "state",
            "title",
            "file",
            "date",
            "place",
            "words",
            "highlights",
        ]
        # Nothing is pushed off: no sideways scrolling, every header on the screen.
        assert table.max_scroll_x == 0
        rows = widget_rows(app, table)
        for label in ("Title", "File", "Date", "Place", "Words", "Notes"):
            assert label in rows[0]
        assert column_width(table, "title") >= 20
        # Counts keep every digit and comma.
        long_row = next(row for row in rows if "The long report" in row)
        words = next(e.summary.words for e in screen.entries if "long report" in e.summary.title)
        assert words > 100_000 and f"{words:,}" in long_row.split()
        # Same titles, told apart by their files, long names cut in the middle: their start,
        # their extension and what tells them apart just before it.
        files = column_of(table, "file")
        assert len(set(files)) == len(files) == 31
        titles = column_of(table, "title")
        same = [f for f, t in zip(files, titles, strict=True) if t.startswith("The ferry")]
        assert len(same) == 2 and same[0] != same[1]
        assert all("…" in name and name.endswith(".txt") for name in same)
        assert {name[:3] for name in same} == {"fer"}


async def test_file_names_show_whole_where_there_is_room(
    tmp_path: Path, store: AnnotationStore
) -> None:
    write_wide_library(tmp_path)
    app = make_app(store, library=[tmp_path], cursor_blink=False)
    async with app.run_test(size=(160, 48)) as pilot:
        screen = await scanned(pilot)
        table = screen.query_one(DataTable)
        assert table.max_scroll_x == 0
        files = column_of(table, "file")
        assert "ferry-north.txt" in files and "brief-07.txt" in files
        assert column_width(table, "title") >= 60


async def test_columns_no_article_fills_are_left_out_and_undated_sort_by_title(
    tmp_path: Path, store: AnnotationStore
) -> None:
    write_wide_library(tmp_path, dated=False)
    app = make_app(store, library=[tmp_path], cursor_blink=False)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await scanned(pilot)
        table = screen.query_one(DataTable)
        assert [key.value for key in table.columns] == [
            "state",
            "title",
            "file",
            "words",
            "highlights",
        ]
        status = str(screen.query_one("#library-status", Static).render())
        assert "sorted by title ↑" in status
        titles = column_of(table, "title")
        assert titles == sorted(titles, key=str.casefold)
        # The title has the room the empty columns left.
        assert column_width(table, "title") >= 40
        # ``o`` steps over the columns that are not shown.
        seen = set()
        for _ in range(5):
            await pilot.press("o")
            seen.add(screen.sort_label())
        assert seen == {"title", "words", "highlights", "file"}


async def test_one_dated_article_brings_the_date_column_and_the_date_sort(
    tmp_path: Path, store: AnnotationStore
) -> None:
    (tmp_path / "plain.txt").write_text("A plain note about trams. Nothing else.", "utf-8")
    (tmp_path / "wire.txt").write_text(
        " date 2024-06-01 GDANSK, Poland (AP) — The tram depot opened. Crowds came.", "utf-8"
    )
    app = make_app(store, library=[tmp_path], cursor_blink=False)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await scanned(pilot)
        table = screen.query_one(DataTable)
        keys = [key.value for key in table.columns]
        assert "date" in keys and "place" in keys
        assert screen.sort_label() == "date"
        assert row_at(table, 0)["date"] == "2024-06-01"
        assert row_at(table, 1)["date"] == "—"
