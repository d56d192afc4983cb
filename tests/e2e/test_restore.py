"""The terminal is left as it was found, however ``reader`` ends: ``q``, a crash, SIGTERM, SIGHUP.

Judged on the bytes the app wrote: every mode it switched on (alternate screen, mouse reporting,
bracketed paste, focus events, hidden cursor, kitty keyboard flags) has, as its last word, been
switched off; and on the line discipline: canonical input and echo are back.
"""

from __future__ import annotations

import json
import re
import signal
import sys
import termios
from pathlib import Path

import pytest

from tests.e2e.terminal import Terminal

pytestmark = pytest.mark.e2e

PYTHON = Path(sys.executable)
READER = PYTHON.parent / "reader"

ARTICLE = (
    " date 2025-03-02 GALWAY, Ireland (AP) — Swimmers in Galway held their spring race on Sunday"
    " despite a cold north wind. Forty people finished the course.\n"
    "\n"
    "“It was bracing, and that is the point,” said organiser Niamh Burke. The race raised money"
    " for the lifeboat station.\n"
    "\n"
    "Organisers said next year's race would start an hour later."
)

#: Modes the app must switch on when it starts normally (alternate screen, mouse, bracketed paste).
EXPECTED_ON = frozenset({b"1049", b"1000", b"2004"})
MOUSE_MODES = {b"1000", b"1002", b"1003", b"1005", b"1006", b"1015", b"1016"}

#: Runs the real entry point with one action made to crash, as a bug in the app would.
CRASHING_READER = """
import sys
from reader.ui.widgets import article_view

def boom(self, step):
    raise RuntimeError("a bug planted by test_restore")

article_view.ArticleView.action_word = boom
from reader.__main__ import main
sys.exit(main())
"""


def mode_switches(raw: bytes) -> list[tuple[bytes, bool]]:
    """Every DEC private mode set (True) or reset (False) in ``raw``, in order."""
    return [
        (mode, match.group(2) == b"h")
        for match in re.finditer(rb"\x1b\[\?([0-9;]+)([hl])", raw)
        for mode in match.group(1).split(b";")
    ]


def modes_left(raw: bytes) -> dict[bytes, bool]:
    """Each private mode's last word: True if it was left set."""
    return dict(mode_switches(raw))


def assert_terminal_restored(
    term: Terminal, *, expect_on: frozenset[bytes] = EXPECTED_ON, clean_tail: bool = True
) -> None:
    """Each mode the app switched on was switched off last; the tty is cooked again."""
    raw = term.raw_output()
    switches = mode_switches(raw)
    switched_on = {mode for mode, on in switches if on}
    assert expect_on <= switched_on, f"expected modes {set(expect_on)} on, saw {switched_on}"
    last = dict(switches)
    for mode, on in last.items():
        if mode in (b"25", b"7"):  # cursor shown and line wrap: "on" is the normal state
            assert on, f"mode ?{mode.decode()} left off (cursor hidden or wrapping off)"
        else:
            assert not on, f"mode ?{mode.decode()} left on; tail: {raw[-300:]!r}"
    pushes = [m.start() for m in re.finditer(rb"\x1b\[>\d+u", raw)]
    if pushes:
        assert raw.rfind(b"\x1b[<u") > max(pushes), "kitty keyboard flags left pushed"
    if clean_tail:
        # Nothing is drawn on the main screen after leaving the alternate one: only resets.
        tail = raw[raw.rfind(b"\x1b[?1049l") :]
        assert re.fullmatch(rb"(?:\x1b\[[?<>=]?[0-9;]*[A-Za-z])*", tail), tail
    lflag = term.tty_attributes()[3]
    assert lflag & termios.ICANON, "canonical input left off"
    assert lflag & termios.ECHO, "echo left off"


@pytest.fixture
def article(tmp_path: Path) -> Path:
    if not READER.exists():
        pytest.skip(f"the reader command is not installed beside {sys.executable}")
    path = tmp_path / "galway.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    return path


def _start(article: Path, *extra: str) -> Terminal:
    db = article.parent / "db.json"
    return Terminal(
        [str(READER), "--db", str(db), *extra, str(article)],
        cwd=article.parent,
        columns=80,
        lines=24,
    )


def test_quit_restores_the_terminal(article: Path) -> None:
    with _start(article) as term:
        term.wait_for("galway.txt · ¶ 1/3 · sentence 1/")
        term.send("jq")
        assert term.wait_exit(10) == 0
        assert_terminal_restored(term)


def test_quit_from_the_note_editor_and_help_restores_the_terminal(article: Path) -> None:
    with _start(article) as term:
        term.wait_for("galway.txt · ¶ 1/3 · sentence 1/")
        term.send("?")
        term.wait_until(lambda s: "Next sentence" in s and "Previous sentence" in s, what="help")
        term.send("\x1b")
        term.wait_until(lambda s: "Previous sentence" not in s, what="help to close")
        term.send("a")
        term.wait_for("ctrl+s saves")
        term.send("\x11")  # ctrl+q: Textual's own quit, from inside the editor
        assert term.wait_exit(10) == 0
        assert_terminal_restored(term)


def _crashing(article: Path) -> Terminal:
    script = article.parent / "crashing_reader.py"
    script.write_text(CRASHING_READER, encoding="utf-8")
    db = article.parent / "db.json"
    return Terminal(
        [str(PYTHON), str(script), "--db", str(db), str(article)],
        cwd=article.parent,
        columns=80,
        lines=24,
    )


def test_a_crash_restores_the_terminal(article: Path) -> None:
    with _crashing(article) as term:
        term.wait_for("galway.txt · ¶ 1/3 · sentence 1/")
        term.send("w")
        term.wait_exit(10)
        # The traceback is printed on the main screen, after the modes are reset.
        assert_terminal_restored(term, clean_tail=False)
        raw = term.raw_output()
        assert raw.find(b"a bug planted by test_restore") > raw.rfind(b"\x1b[?1049l")


def test_a_crash_exits_with_a_failure_status(article: Path) -> None:
    with _crashing(article) as term:
        term.wait_for("galway.txt · ¶ 1/3 · sentence 1/")
        term.send("w")
        assert term.wait_exit(10) != 0


@pytest.mark.parametrize("signum", [signal.SIGTERM, signal.SIGHUP], ids=["SIGTERM", "SIGHUP"])
def test_a_signal_restores_the_terminal_and_keeps_the_note_being_typed(
    article: Path, signum: signal.Signals
) -> None:
    db = article.parent / "db.json"
    drafts = article.parent / "db.json.drafts.json"
    with _start(article) as term:
        term.wait_for("galway.txt · ¶ 1/3 · sentence 1/")
        term.send("a")
        term.wait_for("ctrl+s saves")
        term.send("cold but fine")
        term.wait_for("cold but fine")
        term.process.send_signal(signum)
        term.wait_exit(10)
        assert_terminal_restored(term)
    saved = json.loads(drafts.read_text(encoding="utf-8"))
    assert [d["text"] for d in saved["drafts"].values()] == ["cold but fine"]
    assert db.exists()


def test_no_mouse_never_turns_mouse_reporting_on(article: Path) -> None:
    with _start(article, "--no-mouse") as term:
        term.wait_for("galway.txt · ¶ 1/3 · sentence 1/")
        term.send("j")
        term.wait_for("sentence 2/")
        term.send("q")
        assert term.wait_exit(10) == 0
        raw = term.raw_output()
        switched_on = {mode for mode, on in mode_switches(raw) if on}
        assert not switched_on & MOUSE_MODES, switched_on
        assert_terminal_restored(term, expect_on=frozenset({b"1049", b"2004"}))
