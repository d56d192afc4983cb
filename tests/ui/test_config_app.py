"""The settings in the running app: keys remapped, the theme remembered, the text column's width,
the colour of new highlights, mouse reporting, and one warning for a file with problems."""

from __future__ import annotations

from pathlib import Path

import pytest

from reader.__main__ import main
from reader.config import Config
from reader.store import AnnotationStore
from reader.ui.app import ReaderApp, make_app
from reader.ui.screens.help import HelpScreen
from tests.ui.articles import SHORT, long_article, short_article
from tests.ui.keys import drain
from tests.ui.screen_text import screen_rows
from tests.ui.test_reading import open_reading
from tests.ui.waiting import until

COMMENTED = """\
# my reader
mouse = true  # keep the mouse

# remapped
[keys]
"app.quit" = "q,ctrl+q"
"""


def config_file(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "config.toml"
    path.write_text(text, encoding="utf-8")
    return path


async def settle(pilot) -> None:
    """Until the start-up work (the article, the check of the config's keys) is done."""
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()


def warnings(app: ReaderApp) -> list[str]:
    return [n.message for n in app._notifications if n.severity == "warning"]


async def test_remapped_key_moves_the_caret_and_shows_in_footer_and_help(
    store: AnnotationStore, tmp_path: Path
) -> None:
    path = config_file(tmp_path, '[keys]\n"sentence.next" = "J, ctrl+n"\n')
    article = short_article()
    app = make_app(store, article=article, cursor_blink=False, config_path=path)
    async with app.run_test(size=(100, 30)) as pilot:
        view = await open_reading(pilot)
        await settle(pilot)
        assert warnings(app) == []
        await pilot.press("J")
        assert view.caret == article.sentences[1].start
        await pilot.press("ctrl+n")
        assert view.caret == article.sentences[2].start
        await pilot.press("j")  # no longer bound
        assert view.caret == article.sentences[2].start
        footer = screen_rows(app)[-1]
        assert "J Next sentence" in footer and "j/k" not in footer
        await pilot.press("question_mark")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        rows = dict((description, keys) for keys, description in app.screen.rows)
        assert rows["Next sentence"].split()[0] == "J"
        assert "j" not in rows["Next sentence"].split()


async def test_problems_are_one_warning_on_start(store: AnnotationStore, tmp_path: Path) -> None:
    path = config_file(
        tmp_path,
        'reading_width = "wide"\ntheme = "plaid"\n\n[keys]\n"sentence.nxt" = "J"\n'
        '"highlight.add" = "H"\n',
    )
    app = make_app(store, article=short_article(), cursor_blink=False, config_path=path)
    async with app.run_test(size=(100, 30)) as pilot:
        await open_reading(pilot)
        await settle(pilot)
        await until(pilot, lambda: warnings(app), "the settings' warning shown")
        assert warnings(app) == [
            f'{path}:1: reading_width: expected a whole number from 20 to 400, got "wide"\n'
            f'{path}:2: theme: no such theme "plaid" (reader --print-config lists them)\n'
            f"{path}:5: keys.sentence.nxt: no such binding id (reader --print-config lists them)"
        ]
        assert app.theme == "textual-dark"
        assert app.config.keys == {"highlight.add": "H"}
        assert app.config.reading_width == 80


async def test_syntax_error_starts_with_defaults(store: AnnotationStore, tmp_path: Path) -> None:
    path = config_file(tmp_path, 'theme = "nord"\nmouse = \n')
    app = make_app(store, article=short_article(), cursor_blink=False, config_path=path)
    async with app.run_test(size=(100, 30)) as pilot:
        await open_reading(pilot)
        await settle(pilot)
        assert app.config == Config()
        await until(pilot, lambda: warnings(app), "the settings' warning shown")
        (warning,) = warnings(app)
        assert warning.startswith(f"{path}:2:") and "not valid TOML" in warning
        await pilot.press("t")  # never written into a file that is not valid TOML
        await settle(pilot)
        assert path.read_text(encoding="utf-8") == 'theme = "nord"\nmouse = \n'


async def test_theme_remembered_after_t(store: AnnotationStore, tmp_path: Path) -> None:
    path = config_file(tmp_path, COMMENTED)
    app = make_app(store, article=short_article(), cursor_blink=False, config_path=path)
    async with app.run_test(size=(100, 30)) as pilot:
        await open_reading(pilot)
        await pilot.press("t")
        await settle(pilot)
        assert app.theme == "textual-light"
    assert path.read_text(encoding="utf-8") == COMMENTED.replace(
        "# remapped", 'theme = "textual-light"\n# remapped'
    )
    again = make_app(store, article=short_article(), cursor_blink=False, config_path=path)
    assert again.theme == "textual-light"


async def test_theme_from_the_palette_is_remembered(store: AnnotationStore, tmp_path: Path) -> None:
    path = config_file(tmp_path, 'theme = "nord"  # cool\n')
    app = make_app(store, article=short_article(), cursor_blink=False, config_path=path)
    async with app.run_test(size=(100, 30)) as pilot:
        await open_reading(pilot)
        assert app.theme == "nord"
        app.theme = "dracula"  # what the palette's theme picker does
        await settle(pilot)
    assert path.read_text(encoding="utf-8") == 'theme = "dracula"  # cool\n'


async def test_no_config_path_writes_nothing(
    store: AnnotationStore, isolated_home: Path, tmp_path: Path
) -> None:
    before = sorted(isolated_home.rglob("*"))
    app = make_app(store, article=short_article(), cursor_blink=False)
    async with app.run_test(size=(100, 30)) as pilot:
        await open_reading(pilot)
        await pilot.press("t")
        await settle(pilot)
        assert app.theme == "textual-light"
    assert sorted(isolated_home.rglob("*")) == before
    assert not list(tmp_path.rglob("*.toml"))


async def test_failed_theme_write_is_one_notification(
    store: AnnotationStore, tmp_path: Path
) -> None:
    (tmp_path / "file").write_text("", encoding="utf-8")
    path = tmp_path / "file" / "config.toml"  # its folder cannot be made
    app = make_app(store, article=short_article(), cursor_blink=False, config_path=path)
    async with app.run_test(size=(100, 30)) as pilot:
        await open_reading(pilot)
        await pilot.press("t")
        await settle(pilot)
        await pilot.press("t")
        await settle(pilot)
        assert app.is_running
        await until(pilot, lambda: len(warnings(app)) >= 2, "both warnings shown")
        start, write = warnings(app)  # the file cannot be read either
        assert start.startswith(f"{path}: cannot be read: ")
        assert write.startswith(f"{path}: theme not remembered: ")


async def test_reading_width_sets_the_text_column(store: AnnotationStore) -> None:
    app = make_app(
        store, article=long_article(), cursor_blink=False, config=Config(reading_width=40)
    )
    async with app.run_test(size=(90, 30)) as pilot:
        view = await open_reading(pilot)
        assert view.layout_.width == 40
        lines = view.layout_.lines
        assert max(line.end - line.start for line in lines) <= 41
        # Centred: as many blank cells on the left of the gutter as on the right of the text.
        margin = view._margin()
        assert margin == (view.scrollable_content_region.width - 2 - 40) // 2 > 0
        top, left = view.content_region.y, view.content_region.x
        row = screen_rows(app)[top + view.layout_.row_of(view.caret) - round(view.scroll_y)]
        assert row[left : left + margin].strip() == ""
        assert row[left + margin] == "▌"


async def test_default_reading_width_is_80_columns(store: AnnotationStore) -> None:
    app = make_app(store, article=long_article(), cursor_blink=False)
    async with app.run_test(size=(200, 30)) as pilot:
        view = await open_reading(pilot)
        assert view.layout_.width == 80
        assert view._margin() > 0


async def test_default_color_is_used_by_h(store: AnnotationStore) -> None:
    article = short_article()
    app = make_app(store, article=article, cursor_blink=False, config=Config(default_color="pink"))
    async with app.run_test(size=(100, 30)) as pilot:
        await open_reading(pilot)
        await drain(pilot)
        await pilot.press("h")
        await drain(pilot)
    (record,) = store.annotations_for(store.document_for(article).id)
    assert record.color == "pink"


def test_editor_from_the_config_reaches_the_app(store: AnnotationStore) -> None:
    assert make_app(store, config=Config(editor="nano -w")).editor_command == "nano -w"
    assert make_app(store, config=Config(editor="nano"), editor="vim").editor_command == "vim"


# -- through the command line -------------------------------------------------------------------


@pytest.fixture
def runs(monkeypatch: pytest.MonkeyPatch) -> list[tuple[ReaderApp, dict[str, object]]]:
    """Each app the command would run, with the arguments of its ``run``, instead of running."""
    calls: list[tuple[ReaderApp, dict[str, object]]] = []

    def run(self: ReaderApp, **kwargs: object) -> None:
        calls.append((self, kwargs))

    monkeypatch.setattr(ReaderApp, "run", run)
    return calls


@pytest.fixture
def article_file(tmp_path: Path) -> Path:
    path = tmp_path / "halifax.txt"
    path.write_text(SHORT, encoding="utf-8")
    return path


def test_mouse_false_reaches_app_run(runs, tmp_path: Path, article_file: Path) -> None:
    path = config_file(tmp_path, "mouse = false\n")
    assert main([str(article_file), "--config", str(path)]) == 0
    assert runs[-1][1] == {"mouse": False}
    assert main([str(article_file)]) == 0
    assert runs[-1][1] == {"mouse": True}
    assert main([str(article_file), "--no-mouse"]) == 0
    assert runs[-1][1] == {"mouse": False}


def test_reader_config_names_the_file(
    runs, tmp_path: Path, article_file: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    env_file = config_file(tmp_path, "reading_width = 50\n")
    monkeypatch.setenv("READER_CONFIG", str(env_file))
    assert main([str(article_file)]) == 0
    app = runs[-1][0]
    assert app.config.reading_width == 50 and app.config_path == env_file
    flag_file = tmp_path / "flag.toml"
    flag_file.write_text("reading_width = 60\n", encoding="utf-8")
    assert main([str(article_file), "--config", str(flag_file)]) == 0
    assert runs[-1][0].config.reading_width == 60
