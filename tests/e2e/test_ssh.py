"""``reader`` over a real SSH session: OpenSSH's server on loopback, its client under a pty.

The server (``tests/e2e/sshd.py``) has a port, host key, user key and configuration of its own in
a temporary folder; the remote command is the installed ``reader`` from this virtualenv. The
screen is read through ``pyte`` on the client's side, exactly as a user's terminal would get it.
The tests skip (with the reason) where OpenSSH is not installed.
"""

from __future__ import annotations

import json
import os
import signal
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.e2e.sshd import SSHServer, unavailable
from tests.e2e.terminal import Terminal

pytestmark = pytest.mark.e2e

READER = Path(sys.executable).parent / "reader"

ARTICLE = (
    " date 2025-09-14 TROMSØ, Norway (AP) — Ferry crews in Tromsø began the winter timetable on"
    " Monday, two weeks earlier than planned after an early snowfall closed the coastal road."
    " Passengers queued at the quay before dawn.\n"
    "\n"
    "“We had the boats ready, so we simply started,” said harbour master Ingrid Vold, who has"
    " run the quay for eleven years. The first crossing left at six.\n"
    "\n"
    "The county said four extra sailings a day would run until the road reopens. Engineers"
    " expect that to take about a week.\n"
    "\n"
    "Shops on the islands reported brisk sales of bread and milk. Fishermen said the snow had"
    " not kept them ashore."
)
"""8 sentences in 4 paragraphs."""

SECOND_SENTENCE = "Passengers queued at the quay before dawn."
THIRD_SENTENCE = "“We had the boats ready, so we simply started,” said harbour master Ingrid Vold,"
RECOVERED_TITLE = "Note (recovered from an unsaved draft)"


@pytest.fixture(scope="module")
def sshd(tmp_path_factory: pytest.TempPathFactory) -> Iterator[SSHServer]:
    problem = unavailable()
    if problem:
        pytest.skip(f"no SSH server to test with: {problem}")
    if not READER.exists():
        pytest.skip(f"the reader command is not installed beside {sys.executable}")
    server = SSHServer(tmp_path_factory.mktemp("sshd"))
    try:
        server.start()
    except RuntimeError as error:
        pytest.skip(f"sshd would not start here: {error}")
    try:
        yield server
    finally:
        server.stop()


@pytest.fixture
def workdir(tmp_path: Path) -> Path:
    os.chmod(tmp_path, 0o755)
    (tmp_path / "ferry.txt").write_text(ARTICLE, encoding="utf-8")
    return tmp_path


def _login(server: SSHServer, workdir: Path) -> Terminal:
    db = workdir / "db.json"
    argv = server.ssh_argv(["reader", "--db", str(db), str(workdir / "ferry.txt")])
    return Terminal(argv, columns=80, lines=24)


def _annotations(db: Path) -> list[dict]:
    data = json.loads(db.read_text(encoding="utf-8"))
    return list(data.get("annotations", {}).values())


def _focused_rows(term: Terminal) -> list[str]:
    lines = term.screen_text().splitlines()
    return [lines[y] for y in range(term.lines) if term.row_cells(y)[0].data == "▌"]


def test_step_highlight_note_and_quit_over_ssh(sshd: SSHServer, workdir: Path) -> None:
    db = workdir / "db.json"
    with _login(sshd, workdir) as term:
        term.wait_for("ferry.txt · ¶ 1/4 · sentence 1/8")
        assert "Tromsø, Norway · AP · 14 Sep 2025" in term.screen_text()
        term.send("j")
        term.wait_for("sentence 2/8")
        assert any("Passengers queued" in row for row in _focused_rows(term)), term.screen_text()

        term.send("h")
        term.wait_for("Highlighted (")
        term.send("a")
        term.wait_for("ctrl+s saves")
        term.send("Early snow, early boats")
        term.wait_for("Early snow, early boats")
        term.send("\x13")  # ctrl+s
        term.wait_for("Note saved")
        term.send("k")
        term.wait_for("sentence 1/8")
        term.send("q")
        status = term.wait_exit(15)
        assert status == 0, f"exit status {status}; screen:\n{term.screen_text()}"
        raw = term.raw_output()
    assert sshd.wait_remote_exit(10), "reader still running on the server after q"

    # The terminal at the far end of the link is switched back.
    for mode in (b"1049", b"1000", b"1006", b"2004"):
        assert raw.rfind(b"\x1b[?" + mode + b"l") > raw.rfind(b"\x1b[?" + mode + b"h"), mode

    (note,) = _annotations(db)
    assert note["note"] == "Early snow, early boats"
    assert note["target"]["quote"]["exact"] == SECOND_SENTENCE
    start, end = note["target"]["position"]["start"], note["target"]["position"]["end"]
    assert ARTICLE[start:end] == SECOND_SENTENCE

    listed = sshd.run(["reader", "notes", "--db", str(db)])
    assert listed.returncode == 0, listed.stderr
    (line,) = listed.stdout.splitlines()
    assert line.split("\t")[6:] == [SECOND_SENTENCE, "Early snow, early boats"]


def test_connection_cut_while_typing_a_note_offers_the_draft_back(
    sshd: SSHServer, workdir: Path
) -> None:
    db = workdir / "db.json"
    drafts = workdir / "db.json.drafts.json"
    typed = "Vold has run the quay"
    with _login(sshd, workdir) as term:
        term.wait_for("sentence 1/8")
        term.send("}")
        term.wait_for("sentence 3/8")
        term.send("a")
        term.wait_for("ctrl+s saves")
        term.send(typed)
        term.wait_for(typed)
        # The link drops: the client dies without a word to the server, mid-note.
        os.kill(term.process.pid, signal.SIGKILL)
        term.wait_exit(10)
    assert sshd.wait_remote_exit(15), "reader did not exit after the SSH connection dropped"

    saved = json.loads(drafts.read_text(encoding="utf-8"))
    assert [d["text"] for d in saved["drafts"].values()] == [typed]
    # The sentence had no highlight: it is made when the note is saved, not before.
    assert _annotations(db) == []

    with _login(sshd, workdir) as term:
        term.wait_for(RECOVERED_TITLE)
        term.wait_for(typed)
        term.send(" for eleven years.")
        term.wait_for("for eleven years.")
        term.send("\x13")
        term.wait_for("Highlighted with a note")
        term.wait_until(lambda s: RECOVERED_TITLE not in s, what="the note editor to close")
        term.send("q")
        status = term.wait_exit(15)
        assert status == 0, f"exit status {status}; screen:\n{term.screen_text()}"
    assert sshd.wait_remote_exit(10)

    (highlight,) = _annotations(db)
    assert highlight["note"] == typed + " for eleven years."
    assert highlight["target"]["quote"]["exact"].startswith(THIRD_SENTENCE)
    assert not drafts.exists() or not json.loads(drafts.read_text())["drafts"]

    # A third start has nothing to offer back.
    with _login(sshd, workdir) as term:
        term.wait_for("ferry.txt · ¶ 2/4 · sentence 3/8")
        assert RECOVERED_TITLE not in term.screen_text()
        term.send("q")
        status = term.wait_exit(15)
        assert status == 0, f"exit status {status}; screen:\n{term.screen_text()}"
