"""Only what the first frame needs is imported before it.

A fresh interpreter does what ``reader ARTICLE`` (or ``reader`` with no arguments) does up to the
first frame: imports the entry point and the app, loads the article, opens the store, builds the
app and the screen it starts on, without running them. What the first frame does not need (the
extractor, the other screens, the note editor, the exchange formats) must not be loaded yet: each
of them costs start-up time, and they load when first used.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from tests.ui.articles import SHORT

REPO = Path(__file__).resolve().parents[2]

#: Loaded later: the extractor in the worker that fills the panes (after the first frame), the
#: rest when first used.
NOT_BEFORE_FIRST_FRAME = [
    "reader.extract",
    "reader.extract.tagger",
    "reader.extract.entities",
    "reader.extract.quotes",
    "reader.ui.screens.notes",
    "reader.ui.screens.note_editor",
    "reader.exchange",
    # web pages: fetched and read when a URL is given, never for a file
    "reader.article.html",
    "reader.sources.saved",
    "trafilatura",
    "httpx",
    "lxml",
    # Markdown articles only: read with markdown-it when one is loaded
    "reader.article.markdown",
    "markdown_it",
    # the config file's parser: only for a config file that exists (none here)
    "tomllib",
    # notes in the reader's own editor: when E or ctrl+e is pressed
    "reader.ui.external_edit",
    "reader.exchange.external_editor",
]
LIBRARY = "reader.ui.screens.library"
READING = "reader.ui.screens.reading"

START = """
import json, sys
from pathlib import Path

from reader.__main__ import main  # noqa: F401 - what the console script imports
from reader.article import load_article
from reader.paths import samples_dir
from reader.store import AnnotationStore
from reader.ui.app import make_app

store = AnnotationStore.open(Path(sys.argv[1]))
if sys.argv[2] == "samples":
    from reader.ui.screens.library import LibraryScreen

    app = make_app(store, library=[samples_dir()], library_title="Sample articles")
    screen = LibraryScreen([samples_dir()], store, title="Sample articles")
else:
    from reader.ui.screens.reading import ReadingScreen

    article = load_article(sys.argv[2])
    app = make_app(store, article=article)
    screen = ReadingScreen(article, store.document_for(article), store, can_go_back=False)
print(json.dumps(sorted(sys.modules)))
"""


def loaded_before_first_frame(tmp_path: Path, what: str) -> set[str]:
    done = subprocess.run(
        [sys.executable, "-c", START, str(tmp_path / "reader.json"), what],
        cwd=REPO,  # this checkout's package, even beside an installed one
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
    )
    return set(json.loads(done.stdout))


def test_an_article_starts_without_the_extractor_and_other_screens(tmp_path: Path) -> None:
    path = tmp_path / "halifax.txt"
    path.write_text(SHORT, encoding="utf-8")
    loaded = loaded_before_first_frame(tmp_path, str(path))
    assert READING in loaded  # the test does reach the reading screen
    early = [name for name in [*NOT_BEFORE_FIRST_FRAME, LIBRARY] if name in loaded]
    assert early == []


def test_the_samples_start_without_the_extractor_and_other_screens(tmp_path: Path) -> None:
    loaded = loaded_before_first_frame(tmp_path, "samples")
    assert LIBRARY in loaded
    early = [name for name in [*NOT_BEFORE_FIRST_FRAME, READING] if name in loaded]
    assert early == []
