"""``reader URL`` as a user runs it: the installed command, a real terminal, a local web server."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest

from tests.e2e.terminal import Terminal
from tests.sources.web_server import LocalWeb, article_page

pytestmark = pytest.mark.e2e

READER = Path(sys.executable).parent / "reader"


@pytest.fixture
def reader() -> Path:
    if not READER.exists():
        pytest.skip(f"the reader command is not installed beside {sys.executable}")
    return READER


def test_a_url_opens_saved_and_opens_again_offline(
    reader: Path, web: LocalWeb, tmp_path: Path
) -> None:
    url = web.page("/ferry", article_page())
    db = tmp_path / "reader.json"
    env = {**os.environ, "READER_DB": str(db)}
    with Terminal([str(reader), url], env=env, cwd=tmp_path, columns=120, lines=32) as term:
        screen = term.wait_for("127.0.0.1 · ¶ 1/4 · sentence 1/", timeout=20)
        assert "Ferry crews return to the island route" in screen
        assert "The Harwick Courier · by Lena Brandt" in screen
        term.send("q")
        assert term.wait_exit(10) == 0
    (copy,) = (tmp_path / "articles").glob("*.txt")
    web.answers.clear()  # the page is gone from the web: the saved copy still opens
    argv = [str(reader), "--offline", url]
    with Terminal(argv, env=env, cwd=tmp_path, columns=120, lines=32) as term:
        screen = term.wait_for("127.0.0.1 · ¶ 1/4", timeout=20)
        assert "Owen Marsh" in screen
        term.send("q")
        assert term.wait_exit(10) == 0
    assert web.hits["/ferry"] == 1 and copy.is_file()
