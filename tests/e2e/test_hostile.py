"""Hostile text cannot drive the terminal, run an action, create a file or crash the app.

Escape sequences (OSC 52 clipboard writes, OSC 8 links, OSC 0/2 window titles, CSI screen clears,
8-bit CSI U+009B, NUL, DEL, bidi overrides) and Rich/Textual markup (``[bold]``, ``[link=...]``,
``[@click=app.quit]``, ``[@click=app.screenshot]``) are put in an article, in file names
(``a[/b]c.txt``: a folder ``a[`` holding ``b]c.txt``; a name with an ESC in it), in a note, and
straight into the database (note, tags, colour, title, path). The checks are on the bytes the app
wrote to the terminal, on the files in the folder, and on the process still answering keys.
"""

from __future__ import annotations

import base64
import json
import re
import subprocess
import sys
from pathlib import Path

import pytest

from tests.e2e.terminal import Terminal
from tests.e2e.test_restore import assert_terminal_restored

pytestmark = pytest.mark.e2e

READER = Path(sys.executable).parent / "reader"

ESC = "\x1b"
PAYLOADS = (
    f"{ESC}]52;c;SGVsbG8=\x07",  # OSC 52: write the clipboard
    f"{ESC}]8;;https://evil.example/\x07link{ESC}]8;;\x07",  # OSC 8 hyperlink
    f"{ESC}]0;pwned-title\x07",  # OSC 0: window title
    f"{ESC}]2;pwned-title2{ESC}\\",  # OSC 2 with ST
    f"{ESC}[2J{ESC}[H",  # clear the screen, cursor home
    "\x9b31m",  # 8-bit CSI
    "nul\x00byte",
    "del\x7fbyte",
    "\u202eevil\u202c",  # right-to-left override
)
MARKUP = (
    "[bold]bold[/bold]",
    "[link=https://evil.example/]click me[/link]",
    "[@click=app.quit]quit[/]",
    "[@click=app.screenshot]shot[/]",
)
#: A NUL makes a file "binary" (refused, skipped in a folder), so the article rings a bell instead;
#: NUL is tried in the database test.
BELL = "bell\x07byte"
HOSTILE_ARTICLE = (
    " date 2025-05-05 CORK, Ireland (AP) — Harbour crews in Cork repaired the old pier on Monday."
    f" The foreman read {PAYLOADS[0]} a notice {PAYLOADS[1]} aloud.\n"
    "\n"
    f"A title {PAYLOADS[2]} and {PAYLOADS[3]} were printed. The screen {PAYLOADS[4]} stayed put.\n"
    "\n"
    f"Red text {PAYLOADS[5]} did not appear. A {BELL} and a {PAYLOADS[7]} were seen."
    f" Letters {PAYLOADS[8]} ran backwards.\n"
    "\n"
    f"The sign said {MARKUP[0]} and {MARKUP[1]} in plain letters. Buttons {MARKUP[2]} and"
    f" {MARKUP[3]} did nothing.\n"
    "\n"
    "The pier reopened at noon."
)

#: Byte strings that must never reach the terminal from the text (the app's own modes aside).
FORBIDDEN = (
    b"\x1b]8;",
    b"\x1b]0;",
    b"\x1b]2;",
    b"pwned-title\x07",
    b"pwned-title2\x1b",
    b"\x1b[2J",
    b"\xc2\x9b",
    b"\x9b31m",
    b"\x00",
    b"\x7f",
    "\u202e".encode(),
    "\u202c".encode(),
    b"evil.example/\x07",
    b"bell\x07",
)


@pytest.fixture
def reader() -> Path:
    if not READER.exists():
        pytest.skip(f"the reader command is not installed beside {sys.executable}")
    return READER


def _files(folder: Path) -> set[Path]:
    return {p for p in folder.rglob("*") if not p.name.startswith("db.json")}


def _assert_inert(raw: bytes, *, copied: list[str] = ()) -> None:
    for forbidden in FORBIDDEN:
        assert forbidden not in raw, f"{forbidden!r} reached the terminal"
    # OSC 52 only as the app's own copy (``y``), carrying exactly what was copied, base64-encoded.
    writes = re.findall(rb"\x1b\]52;c;([A-Za-z0-9+/=]*)(?:\x07|\x1b\\)", raw)
    assert [base64.b64decode(w).decode() for w in writes] == list(copied)
    assert raw.count(b"\x1b]52") == len(writes)


def _mouse_click(term: Terminal, screen: str, text: str) -> None:
    lines = screen.splitlines()
    row = next(y for y, line in enumerate(lines) if text in line)
    col = lines[row].index(text) + 1
    term.send(f"\x1b[<0;{col + 1};{row + 1}M\x1b[<0;{col + 1};{row + 1}m")


def test_hostile_article_and_file_names_in_the_library_and_the_reading_pane(
    reader: Path, tmp_path: Path
) -> None:
    library = tmp_path / "news"
    (library / "a[").mkdir(parents=True)
    (library / "a[" / "b]c.txt").write_text(HOSTILE_ARTICLE, encoding="utf-8")
    (library / f"{ESC}]0;pwned-title\x07[@click=app.quit]x.txt").write_text(
        " date 2025-05-06 CORK, Ireland (AP) — More on [bold]the[/bold] pier.",
        encoding="utf-8",
    )
    db = tmp_path / "db.json"
    before = _files(tmp_path)
    with Terminal(
        [str(reader), "--db", str(db), str(library)], cwd=tmp_path, columns=100, lines=30
    ) as term:
        screen = term.wait_until(
            lambda s: "2 of 2 articles" in s and "q Quit" in s, what="the library"
        )
        assert "[bold]the[/bold]" in screen
        # A click on a title with markup in it is a click on that row, nothing more: the row
        # under the cursor opens, its title shown as written (and the app has not quit).
        _mouse_click(term, screen, "[bold]the[/bold]")
        term.wait_for("More on [bold]the[/bold] pier.")
        term.wait_for("· ¶ 1/1 · sentence 1/1")
        term.send("\x1b")  # back to the library
        term.wait_until(lambda s: "2 of 2 articles" in s, what="the library again")
        # Open the hostile article (the older of the two: second row, sorted newest first).
        term.send("\x1b[B")
        term.send("\r")
        screen = term.wait_for("b]c.txt · ¶ 1/5 · sentence 1/")
        for shown in ("[bold]bold[/bold]", "[@click=app.quit]quit[/]"):
            term.wait_for(shown)
        screen = term.screen_text()
        assert "␛]52;c;SGVsbG8=␇" in screen
        assert "␛[2J␛[H" in screen
        assert "bell␇byte" in screen and "del␡byte" in screen

        # Clicks on would-be actions do nothing.
        for target in ("quit[/]", "shot[/]", "click me[/link]"):
            _mouse_click(term, term.screen_text(), target)
        # Step to the sentence with the OSC 52 in it, copy it, highlight it, write a note.
        term.send("j")
        screen = term.wait_for("sentence 2/")
        term.send("y")
        term.wait_for("Copied")
        term.send("h")
        term.wait_for("Highlighted (")
        term.send("a")
        term.wait_for("ctrl+s saves")
        term.send("[@click=app.quit]note[/] [bold]b[/bold]")
        term.wait_for("[@click=app.quit]note[/]")
        term.send("\x13")
        term.wait_for("Note saved")
        term.send("G")
        term.wait_for("sentence 10/10")
        assert term.process.poll() is None, "an action in the text ran"
        term.send("q")
        assert term.wait_exit(10) == 0
        raw = term.raw_output()
        assert_terminal_restored(term)

    copied = HOSTILE_ARTICLE.split("Monday. ", 1)[1].split("\n", 1)[0]
    _assert_inert(raw, copied=[copied])
    created = _files(tmp_path) - before
    assert not created, f"files created: {created}"
    (annotation,) = json.loads(db.read_text(encoding="utf-8"))["annotations"].values()
    assert annotation["note"] == "[@click=app.quit]note[/] [bold]b[/bold]"


PIER = (
    " date 2025-05-05 CORK, Ireland (AP) — Harbour crews repaired the old pier on Monday."
    " The work took a week.\n\nThe pier reopened at noon."
)


def _hostile_database(reader: Path, folder: Path) -> tuple[Path, Path]:
    """An article with one highlight, whose note, tags, colour and title are then made hostile."""
    article = folder / "pier.txt"
    article.write_text(PIER, encoding="utf-8")
    db = folder / "db.json"
    with Terminal([str(reader), "--db", str(db), str(article)], cwd=folder) as term:
        term.wait_for("pier.txt · ¶ 1/2 · sentence 1/3")
        term.send("h")
        term.wait_for("Highlighted (")
        term.send("q")
        assert term.wait_exit(10) == 0

    hostile = "".join(PAYLOADS) + "".join(MARKUP)
    data = json.loads(db.read_text(encoding="utf-8"))
    (annotation,) = data["annotations"].values()
    annotation["note"] = f"note {hostile}\nsecond line"
    annotation["tags"] = [f"tag{PAYLOADS[2]}", "[@click=app.quit]t[/]"]
    annotation["color"] = "[@click=app.quit]"
    (document,) = data["documents"].values()
    document["title"] = f"title {hostile}"
    db.write_text(json.dumps(data), encoding="utf-8")
    return article, db


def _wait_highlight_drawn(term: Terminal) -> None:
    term.wait_until(
        lambda s: any(c.underscore for y in range(term.lines) for c in term.row_cells(y)[:60]),
        what="the stored highlight to be drawn",
    )


def test_hostile_database_contents(reader: Path, tmp_path: Path) -> None:
    article, db = _hostile_database(reader, tmp_path)
    before = _files(tmp_path)
    with Terminal([str(reader), "--db", str(db), str(article)], cwd=tmp_path) as term:
        term.wait_for("pier.txt · ¶ 1/2 · sentence 1/3")
        _wait_highlight_drawn(term)
        term.send("H")  # the highlights pane, focused: note and tags
        screen = term.wait_until(
            lambda s: "[@click=app.quit]t[/]" in s and "Next sentence" not in s.splitlines()[-1],
            what="the highlights pane with the keyboard in it",
        )
        assert "␛]0;pwned-title␇" in screen
        # (Esc then at once another key would read as alt+key: wait for the pane to change.)
        term.send("\x1b")
        term.wait_until(lambda s: "Next sentence" in s.splitlines()[-1], what="the reading pane")
        assert term.process.poll() is None
        term.send("q")
        assert term.wait_exit(10) == 0
        raw = term.raw_output()
        assert_terminal_restored(term)
    _assert_inert(raw)
    assert not _files(tmp_path) - before

    # The command-line views print it inert as well.
    for command in (["notes"], ["export", "--format", "markdown"]):
        result = subprocess.run(
            [str(reader), *command, "--db", str(db)],
            capture_output=True,
            timeout=30,
            cwd=tmp_path,
            stdin=subprocess.DEVNULL,
            check=False,
        )
        assert result.returncode == 0, result.stderr
        assert b"Traceback" not in result.stderr
        for forbidden in (*FORBIDDEN, b"\x1b"):
            assert forbidden not in result.stdout, (command, forbidden, result.stdout)


def test_a_hostile_stored_note_in_the_note_editor_is_inert(reader: Path, tmp_path: Path) -> None:
    article, db = _hostile_database(reader, tmp_path)
    with Terminal([str(reader), "--db", str(db), str(article)], cwd=tmp_path) as term:
        term.wait_for("pier.txt · ¶ 1/2 · sentence 1/3")
        _wait_highlight_drawn(term)
        mark = term.raw_size()
        term.send("a")  # the note editor on the stored, hostile note
        # On the bytes, not the screen: a raw "clear screen" would wipe what pyte shows.
        term.wait_until(
            lambda s: b"second line" in term.raw_since(mark), what="the note editor's bytes"
        )
        _assert_inert(term.raw_output())
        # The editor whole on screen before Esc: "second line" can arrive in a frame ahead of the
        # editor's footer, and then "no footer" would pass at once and "q" would follow Esc so
        # closely that the terminal reads the two as one key (alt+q).
        term.wait_for("ctrl+s saves")
        term.send("\x1b")
        term.wait_until(lambda s: "ctrl+s saves" not in s, what="the editor to close")
        term.send("q")
        assert term.wait_exit(10) == 0
