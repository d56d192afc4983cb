"""What the main screens look like at a small and a large terminal size (SVG snapshots).

After an intended change: ``pytest tests/ui/test_snapshots.py --snapshot-update``, then look at
the report before committing.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from reader.paths import samples_dir
from reader.store import AnnotationStore
from reader.ui.app import make_app
from tests.ui.articles import short_article

SIZES = [(80, 24), (120, 40)]


async def settle(pilot) -> None:
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_reading_screen(snap_compare, tmp_path: Path, size: tuple[int, int]) -> None:
    store = AnnotationStore.open(tmp_path / "reader.json")
    app = make_app(store, article=short_article(), cursor_blink=False)

    async def step_in(pilot) -> None:
        await settle(pilot)
        await pilot.press("j", "j", "j")
        await pilot.pause()

    assert snap_compare(app, terminal_size=size, run_before=step_in)


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_search_results(snap_compare, tmp_path: Path, size: tuple[int, int]) -> None:
    store = AnnotationStore.open(tmp_path / "reader.json")
    app = make_app(store, article=short_article(), cursor_blink=False)

    async def search(pilot) -> None:
        await settle(pilot)
        await pilot.press("slash", *"the port", "enter", "n")
        await pilot.pause()

    assert snap_compare(app, terminal_size=size, run_before=search)


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_library(snap_compare, tmp_path: Path, size: tuple[int, int]) -> None:
    store = AnnotationStore.open(tmp_path / "reader.json")
    app = make_app(
        store, library=[samples_dir()], library_title="Sample articles", cursor_blink=False
    )
    assert snap_compare(app, terminal_size=size, run_before=settle)


def test_help(snap_compare, tmp_path: Path) -> None:
    store = AnnotationStore.open(tmp_path / "reader.json")
    app = make_app(store, article=short_article(), cursor_blink=False)

    async def help_screen(pilot) -> None:
        await settle(pilot)
        await pilot.press("question_mark")
        await pilot.pause()

    assert snap_compare(app, terminal_size=(100, 40), run_before=help_screen)


def test_note_editor_at_80x24(snap_compare, tmp_path: Path) -> None:
    store = AnnotationStore.open(tmp_path / "reader.json")
    app = make_app(store, article=short_article(), cursor_blink=False)

    async def write_note(pilot) -> None:
        await settle(pilot)
        await pilot.press("j", "a")
        await settle(pilot)
        await pilot.press(*"Check the light order")
        await pilot.pause()

    assert snap_compare(app, terminal_size=(80, 24), run_before=write_note)


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_side_panes(snap_compare, tmp_path: Path, size: tuple[int, int]) -> None:
    store = AnnotationStore.open(tmp_path / "reader.json")
    app = make_app(store, article=short_article(), cursor_blink=False)

    async def entities(pilot) -> None:
        await settle(pilot)
        await pilot.press("j", "h", "e", "down")
        await settle(pilot)

    assert snap_compare(app, terminal_size=size, run_before=entities)
