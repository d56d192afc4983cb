"""The library: scanning in a worker, filtering as you type, sorting, opening and going back."""

from __future__ import annotations

from pathlib import Path

from textual.widgets import DataTable, Static

from reader.paths import samples_dir
from reader.store import AnnotationStore
from reader.ui.app import make_app
from reader.ui.screens.library import LibraryScreen
from reader.ui.screens.reading import ReadingScreen
from reader.ui.widgets.article_view import ArticleView

ARTICLE = (
    " date {date} {place} (AP) — {lead} said on Monday that the bridge would reopen. "
    "Engineers had found cracks in two of its piers.\n\n"
    "“We will not take chances,” said {lead}. Traffic will use the ferry until then."
)


def write_library(folder: Path) -> list[Path]:
    rows = [
        ("2024-05-01", "OSLO, Norway", "Mayor Ingrid Sæther", "a/bridge.txt"),
        ("2023-01-15", "LYON, France", "Engineer Paul Marchetti", "b/piers.txt"),
        ("2025-09-30", "PORTO, Portugal", "Minister Rita Calado", "c/deep/ferry.txt"),
    ]
    paths = []
    for date, place, lead, name in rows:
        path = folder / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(ARTICLE.format(date=date, place=place, lead=lead), encoding="utf-8")
        paths.append(path)
    (folder / "notes.bin").write_bytes(b"\x00\x01binary")
    (folder / "a" / "empty.txt").write_bytes(b"")
    return paths


async def scanned(pilot) -> LibraryScreen:
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()
    screen = pilot.app.screen
    assert isinstance(screen, LibraryScreen)
    return screen


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
        first = table.get_row_at(0)
        assert str(first[1]) == "2025-09-30"
        assert str(first[2]) == "Porto, Portugal"


async def test_typing_filters_and_escape_clears(tmp_path: Path, store: AnnotationStore) -> None:
    write_library(tmp_path)
    app = make_app(store, library=[tmp_path], cursor_blink=False)
    async with app.run_test(size=(120, 30)) as pilot:
        screen = await scanned(pilot)
        table = screen.query_one(DataTable)
        await pilot.press(*"lyon")
        await pilot.pause(0.3)
        assert table.row_count == 1
        assert str(table.get_row_at(0)[2]) == "Lyon, France"
        await pilot.press("escape")
        await pilot.pause(0.3)
        assert table.row_count == 3
        assert app.focused is table


async def test_sort_cycles_and_reverses(tmp_path: Path, store: AnnotationStore) -> None:
    write_library(tmp_path)
    app = make_app(store, library=[tmp_path], cursor_blink=False)
    async with app.run_test(size=(120, 30)) as pilot:
        screen = await scanned(pilot)
        table = screen.query_one(DataTable)
        await pilot.press("o")  # by title
        titles = [str(table.get_row_at(i)[0]) for i in range(3)]
        assert titles == sorted(titles, key=str.casefold)
        await pilot.press("o")  # by place
        assert next(str(table.get_row_at(i)[2]) for i in range(3)) == "Lyon, France"
        await pilot.press("O")
        assert str(table.get_row_at(0)[2]) == "Porto, Portugal"


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
        counts = {str(table.get_row_at(i)[2]): str(table.get_row_at(i)[4]) for i in range(3)}
        assert counts["Oslo, Norway"] == "2"
        assert counts["Lyon, France"] == "·"


async def test_rows_arrive_while_the_scan_is_still_running(
    tmp_path: Path, store: AnnotationStore, monkeypatch
) -> None:
    """The table fills progressively: the scan is held half-way and the first rows are shown."""
    import threading

    import reader.ui.screens.library as library_module
    from reader.article import summarize

    for n in range(40):
        (tmp_path / f"{n:02d}.txt").write_text(
            ARTICLE.format(date="2024-01-01", place="OSLO, Norway", lead=f"Mayor Number {n}"),
            encoding="utf-8",
        )
    half_way = threading.Event()
    release = threading.Event()
    seen = 0

    def slow_summarize(path: Path):
        nonlocal seen
        seen += 1
        if seen == 20:
            half_way.set()
            release.wait(timeout=10)
        return summarize(path)

    monkeypatch.setattr(library_module, "summarize", slow_summarize)
    monkeypatch.setattr(library_module, "BATCH_SECONDS", 0.0)
    app = make_app(store, library=[tmp_path], cursor_blink=False)
    async with app.run_test(size=(120, 30)) as pilot:
        while not half_way.is_set():
            await pilot.pause(0.01)
        await pilot.pause(0.05)
        screen = app.screen
        assert isinstance(screen, LibraryScreen)
        status = str(screen.query_one("#library-status", Static).render())
        assert status.startswith("Scanning…")
        assert 0 < screen.query_one(DataTable).row_count < 40
        release.set()
        await scanned(pilot)
        assert screen.query_one(DataTable).row_count == 40
        assert "40 of 40" in str(screen.query_one("#library-status", Static).render())
