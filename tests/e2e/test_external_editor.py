"""``E`` in a real terminal: the reader hands it to ``$VISUAL`` and takes it back afterwards.

The editor is a small Python script that edits the file it is given without reading the
keyboard, so the test knows exactly what it wrote; the database file then shows what was saved.
"""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path

import pytest

from tests.e2e.terminal import Terminal
from tests.e2e.test_pty import _assert_terminal_restored

pytestmark = pytest.mark.e2e

READER = Path(sys.executable).parent / "reader"

ARTICLE = (
    " date 2025-10-14 TROMSØ, Norway (AP) — Ferry crews in Tromsø ran the first winter timetable"
    " on Tuesday, two weeks early, after snow closed the coastal road. Passengers queued in the"
    " dark before the first sailing.\n"
    "\n"
    "“We had the boats ready, so we used them,” said Ingrid Halvorsen, who runs the ferry"
    " company. The road should reopen by the weekend.\n"
)

EDITOR = """#!{python}
import sys
import termios
from pathlib import Path

path = Path(sys.argv[-1])
# The reader gave the terminal back as it found it: line by line, with echo.
cooked = termios.tcgetattr(0)[3] & termios.ICANON and termios.tcgetattr(0)[3] & termios.ECHO
seen = Path(sys.argv[0]).with_suffix(".seen")
seen.write_text(f"{{path}}\\n{{bool(cooked)}}\\n" + path.read_text())
with path.open("a", encoding="utf-8") as file:
    file.write({append!r})
sys.exit({status})
"""


@pytest.fixture
def reader() -> Path:
    if not READER.exists():
        pytest.skip(f"the reader command is not installed beside {sys.executable}")
    return READER


def scripted_editor(folder: Path, name: str, append: str, status: int) -> Path:
    script = folder / name
    script.write_text(
        EDITOR.format(python=sys.executable, append=append, status=status), encoding="utf-8"
    )
    script.chmod(0o755)
    return script


def run_e(reader: Path, tmp_path: Path, editor: Path) -> tuple[Terminal, Path]:
    article = tmp_path / "tromso.txt"
    article.write_text(ARTICLE, encoding="utf-8")
    db = tmp_path / "db.json"
    env = dict(os.environ, READER_DB=str(db), XDG_CONFIG_HOME=str(tmp_path / "config"))
    env.pop("EDITOR", None)
    # Relative to the working folder, so the message that names the command stays short.
    env["VISUAL"] = f"./{editor.name}"
    term = Terminal([str(reader), "--db", str(db), str(article)], env=env, cwd=tmp_path)
    return term, db


def annotations(db: Path) -> list[dict]:
    if not db.exists():
        return []
    return list(json.loads(db.read_text(encoding="utf-8")).get("annotations", {}).values())


def test_e_saves_what_the_editor_wrote(reader: Path, tmp_path: Path) -> None:
    editor = scripted_editor(
        tmp_path, "editor", "Early, and nobody minded.\ntags: ferry, snow\n", 0
    )
    term, db = run_e(reader, tmp_path, editor)
    with term:
        term.wait_for("tromso.txt · ¶ 1/2 · sentence 1/")
        term.send("E")
        # Back in the app, redrawn whole (the message may show before the last rows are),
        # and it takes keys again.
        term.wait_until(
            lambda s: (
                "Highlighted with a note" in s
                and "Ferry crews in Tromsø ran the first winter" in s
                and "Ingrid Halvorsen" in s
            ),
            what="the app redrawn whole after the editor",
        )
        term.send("j")
        term.wait_for("sentence 2/")
        term.send("q")
        assert term.wait_exit(10) == 0
        _assert_terminal_restored(term)

    given, cooked, seen = editor.with_suffix(".seen").read_text(encoding="utf-8").split("\n", 2)
    assert given.endswith(".md") and not Path(given).exists()
    assert cooked == "True", "the editor got the terminal in the app's raw mode"
    assert "# > Ferry crews in Tromsø ran the first winter timetable" in seen
    (record,) = annotations(db)
    assert record["note"] == "Early, and nobody minded."
    assert record["tags"] == ["ferry", "snow"]
    assert record["target"]["quote"]["exact"].startswith("Ferry crews in Tromsø")


def test_an_editor_that_fails_stores_nothing(reader: Path, tmp_path: Path) -> None:
    editor = scripted_editor(tmp_path, "failing", "Never kept.\ntags: lost\n", 1)
    term, db = run_e(reader, tmp_path, editor)
    with term:
        term.wait_for("tromso.txt · ¶ 1/2 · sentence 1/")
        term.send("E")
        term.wait_until(
            lambda screen: "status 1" in " ".join(screen.split()), what="the editor's failure"
        )
        term.send("j")
        term.wait_for("sentence 2/")
        term.send("q")
        assert term.wait_exit(10) == 0
        _assert_terminal_restored(term)

    assert editor.with_suffix(".seen").exists(), "the editor did not run"
    assert annotations(db) == []


ASKING_EDITOR = """#!{python}
import sys
from pathlib import Path

print("note? ", end="", flush=True)
line = sys.stdin.readline()
with Path(sys.argv[-1]).open("a", encoding="utf-8") as file:
    file.write(line)
"""


def test_keys_typed_while_the_editor_runs_are_the_editors(reader: Path, tmp_path: Path) -> None:
    editor = tmp_path / "asking"
    editor.write_text(ASKING_EDITOR.format(python=sys.executable), encoding="utf-8")
    editor.chmod(0o755)
    term, db = run_e(reader, tmp_path, editor)
    with term:
        term.wait_for("tromso.txt · ¶ 1/2 · sentence 1/")
        term.send("E")
        term.wait_for("note?")
        # j and k would move the caret in the app: here they are letters of the note.
        term.send("jk typed in the editor\r")
        term.wait_until(
            lambda s: "Highlighted with a note" in s and "sentence 1/" in s,
            what="the note saved, the caret where it was",
        )
        term.send("j")
        term.wait_for("sentence 2/")
        term.send("q")
        assert term.wait_exit(10) == 0
        _assert_terminal_restored(term)

    (record,) = annotations(db)
    assert record["note"] == "jk typed in the editor"
