"""The installed ``reader`` command in a real pseudo-terminal: keys in, screen out, tty back."""

from __future__ import annotations

import os
import re
import subprocess
import sys
import termios
from pathlib import Path

import pytest

from tests.e2e.terminal import Terminal

pytestmark = pytest.mark.e2e

READER = Path(sys.executable).parent / "reader"

ARTICLE = (
    " date 2025-06-03 HALIFAX, Canada (AP) — Fishing crews in Halifax hauled their first lobster"
    " traps of the season on Tuesday, weeks later than usual after a cold spring kept the harbour"
    " choked with ice. Dockworkers cheered as the first boats returned before noon.\n"
    "\n"
    "“We waited a long time for this morning,” said Marguerite Olsen, who has fished out of the"
    " port for thirty years. “The water finally warmed, and the lobster came back with it.”"
    " Buyers lined the wharf with trucks and coolers.\n"
    "\n"
    "The harbour authority said 212 boats had registered for the spring season, nine fewer than"
    " last year. Officials blamed rising fuel prices and a shortage of young deckhands.\n"
    "\n"
    "Prices at the wharf opened at 14 dollars a pound, according to the Nova Scotia Fish Buyers’"
    " Guild. Restaurants along the waterfront planned to put fresh lobster back on their menus by"
    " Friday.\n"
)
"""9 sentences in 4 paragraphs; "lobster" is in sentences 1, 4 and 9."""

SEARCH_PLACEHOLDER = "Search (Enter keeps"

STATUS = re.compile(r"halifax\.txt · ¶ \d+/4 · sentence \d+/9 · \d+%")


@pytest.fixture
def reader() -> Path:
    if not READER.exists():
        pytest.skip(f"the reader command is not installed beside {sys.executable}")
    return READER


@pytest.fixture
def article(tmp_path: Path) -> Path:
    path = tmp_path / "halifax.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    return path


def _env(db: Path) -> dict[str, str]:
    env = dict(os.environ)
    env["READER_DB"] = str(db)
    return env


def _start(reader: Path, article: Path, db: Path) -> Terminal:
    return Terminal([str(reader), "--db", str(db), str(article)], env=_env(db), cwd=db.parent)


def _status(screen: str) -> str:
    found = STATUS.search(screen)
    assert found, f"no status line on screen:\n{screen}"
    return found.group(0)


def _assert_terminal_restored(term: Terminal) -> None:
    """Every mode the app switched on is switched off again, and the tty is cooked again."""
    raw = term.raw_output()
    enabled = set(re.findall(rb"\x1b\[\?(\d+)h", raw)) - {b"25", b"7"}
    # Alternate screen, mouse reporting and bracketed paste must have been on...
    assert {b"1049", b"1000", b"2004"} <= enabled, enabled
    # ...and each mode's last word is "off".
    for mode in enabled:
        last_on = raw.rfind(b"\x1b[?" + mode + b"h")
        last_off = raw.rfind(b"\x1b[?" + mode + b"l")
        assert last_off > last_on, f"mode ?{mode.decode()} left on; tail: {raw[-400:]!r}"
    # The cursor is shown again and line wrapping is back on.
    assert raw.rfind(b"\x1b[?25h") > raw.rfind(b"\x1b[?25l")
    if b"\x1b[?7l" in raw:
        assert raw.rfind(b"\x1b[?7h") > raw.rfind(b"\x1b[?7l")
    # Kitty keyboard flags pushed are popped.
    if re.search(rb"\x1b\[>\d+u", raw):
        assert raw.rfind(b"\x1b[<u") > max(m.start() for m in re.finditer(rb"\x1b\[>\d+u", raw))
    # Nothing is printed on the main screen after leaving the alternate one: only mode resets.
    tail = raw[raw.rfind(b"\x1b[?1049l") :]
    assert re.fullmatch(rb"(?:\x1b\[[?<>=]?[0-9;]*[A-Za-z])*", tail), tail
    # The line discipline is cooked again: canonical input and echo.
    lflag = term.tty_attributes()[3]
    assert lflag & termios.ICANON and lflag & termios.ECHO


def test_read_search_quit_restores_terminal_and_resumes_position(
    reader: Path, article: Path, tmp_path: Path
) -> None:
    db = tmp_path / "db.json"
    with _start(reader, article, db) as term:
        screen = term.wait_for("Fishing crews in Halifax hauled")
        term.wait_for("halifax.txt · ¶ 1/4 · sentence 1/9 · 0%")
        assert "Halifax, Canada · AP · 3 Jun 2025" in term.screen_text()

        for _ in range(3):
            term.send("j")
        screen = term.wait_for("· ¶ 2/4 · sentence 4/9 ·")

        term.send("/")
        term.wait_for(SEARCH_PLACEHOLDER)
        term.send("lobster")
        # The search starts from the caret: the first hit at or after it is in sentence 4.
        term.wait_for("“lobster” 2/3")
        term.send("\r")
        # The bar closes and the reading pane's keys are back in the footer.
        screen = term.wait_until(
            # The bar's own line (the bare query) is gone: the footer alone may lag a frame.
            lambda s: (
                "Cancel search" not in s
                and "Next sentence" in s
                and not any(line.strip() == "lobster" for line in s.splitlines())
            ),
            what="the search bar to close",
        )
        assert "“lobster” 2/3" in screen
        assert "sentence 4/9" in _status(screen)

        term.send("n")
        screen = term.wait_for("“lobster” 3/3")
        assert "¶ 4/4 · sentence 9/9" in _status(screen)
        term.send("N")
        screen = term.wait_for("“lobster” 2/3")
        before_quit = _status(screen)
        assert "¶ 2/4 · sentence 4/9" in before_quit

        term.send("q")
        assert term.wait_exit(10) == 0
        _assert_terminal_restored(term)

    assert db.exists(), "the database was not written where --db pointed"

    with _start(reader, article, db) as term:
        screen = term.wait_for("sentence 4/9")
        assert _status(screen) == before_quit
        assert "lobster”" not in screen.splitlines()[-2], "the search is not meant to persist"
        term.send("q")
        assert term.wait_exit(10) == 0


def test_quit_writes_a_position_not_saved_yet(reader: Path, article: Path, tmp_path: Path) -> None:
    """``j`` then ``q`` at once: the timed save has not run, so quitting must write it."""
    db = tmp_path / "db.json"
    with _start(reader, article, db) as term:
        term.wait_for("sentence 1/9")
        term.send("jjjjjq")
        assert term.wait_exit(10) == 0
    with _start(reader, article, db) as term:
        term.wait_for("· ¶ 3/4 · sentence 6/9 ·")
        term.send("q")
        assert term.wait_exit(10) == 0


def test_missing_file_is_one_line_and_status_2(reader: Path, tmp_path: Path) -> None:
    db = tmp_path / "db.json"
    result = subprocess.run(
        [str(reader), "--db", str(db), "missing.txt"],
        cwd=tmp_path,
        env=_env(db),
        capture_output=True,
        text=True,
        timeout=30,
        stdin=subprocess.DEVNULL,
    )
    assert result.returncode == 2
    lines = result.stderr.splitlines()
    assert len(lines) == 1, result.stderr
    assert "missing.txt" in lines[0]
    assert "Traceback" not in result.stderr
    assert result.stdout == ""
    assert not db.exists()


HOSTILE = (
    " date 2025-06-03 HALIFAX, Canada (AP) — Harbour pilots said \x1b]52;c;SGVsbG8=\x07 the fog"
    " lifted early. Crews cleared \x1b[2J the icy docks.\n"
    "\n"
    "The mayor wrote \x1b]0;pwned\x07 a short note and \x9b31m nothing turned red. The notice read"
    " [bold]x[/bold] and [@click=app.quit]y[/] in plain letters.\n"
    "\n"
    "Ferry service resumed at noon. Passengers waited on the pier.\n"
    "\n"
    "The coast guard lifted its warning. Boats left the harbour.\n"
)


def test_escape_sequences_and_markup_in_an_article_are_inert(reader: Path, tmp_path: Path) -> None:
    article = tmp_path / "hostile.txt"
    article.write_text(HOSTILE, encoding="utf-8")
    db = tmp_path / "db.json"
    with Terminal([str(reader), "--db", str(db), str(article)], env=_env(db), cwd=tmp_path) as term:
        screen = term.wait_for("[@click=app.quit]y[/]")
        term.wait_for("hostile.txt · ¶ 1/4 · sentence 1/")
        screen = term.screen_text()
        assert "[bold]x[/bold]" in screen
        # The control characters are drawn as visible stand-ins.
        assert "␛]52;c;SGVsbG8=␇" in screen
        assert "␛]0;pwned␇" in screen
        assert "␛[2J" in screen

        # Click the would-be link: it must not run app.quit.
        row = next(y for y, line in enumerate(screen.splitlines()) if "[@click=" in line)
        col = screen.splitlines()[row].index("[@click=app.quit]y") + len("[@click=app.quit]")
        term.send(f"\x1b[<0;{col + 1};{row + 1}M\x1b[<0;{col + 1};{row + 1}m")

        # Still alive and responding to keys.
        term.send("j")
        term.wait_for("hostile.txt · ¶ 1/4 · sentence 2/")
        assert term.process.poll() is None

        raw = term.raw_output()
        assert b"\x1b]52" not in raw
        assert b"\x1b]0;pwned" not in raw
        assert b"pwned\x07" not in raw
        assert b"\x1b[2J" not in raw
        assert b"\xc2\x9b" not in raw  # C1 CSI, UTF-8 encoded
        assert b"\x9b31m" not in raw

        term.send("q")
        assert term.wait_exit(10) == 0
        _assert_terminal_restored(term)


def _top_row(screen: str) -> str:
    lines = screen.splitlines()
    header = next((y for y, line in enumerate(lines) if line.lstrip().startswith("Title")), None)
    if header is None or header + 1 >= len(lines):
        return ""
    return lines[header + 1].strip().lstrip("•…").strip()  # without the read-state mark


def test_library_opens_the_top_row_after_the_scan(
    reader: Path, tmp_path: Path, newest_sample_words: str
) -> None:
    """The samples sorted newest first: Enter right after the scan opens the top row."""
    db = tmp_path / "db.json"
    with Terminal([str(reader), "--db", str(db)], env=_env(db), cwd=tmp_path) as term:
        term.wait_until(
            lambda s: "sorted by date" in s and _top_row(s).startswith(newest_sample_words),
            what=f"the library with {newest_sample_words!r} on top",
        )
        term.send("\r")
        screen = term.wait_for(" · ¶ 1/")
        assert screen.splitlines()[0].strip().startswith(newest_sample_words), screen
        term.send("q")
        assert term.wait_exit(10) == 0
