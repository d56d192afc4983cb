"""Keys in bursts, as they arrive over SSH: the installed ``reader`` in a real pseudo-terminal.

Each burst is one write to the terminal — step to the next sentence, ``a``, the text of a note,
``ctrl+s`` — so the app reads the whole burst at once, before the note editor that ``a`` opens is
on screen. Every character typed must end up in the note it was typed for.
"""

from __future__ import annotations

import json
import os
import sys
import time
from pathlib import Path

import pytest

from tests.e2e.terminal import Terminal

pytestmark = pytest.mark.e2e

READER = Path(sys.executable).parent / "reader"
#: Bursts per run; READER_E2E_BURSTS=200 for the full measurement (about a minute).
BURSTS = int(os.environ.get("READER_E2E_BURSTS", "25"))
CTRL_S = "\x13"

WORDS = ["harbour", "ferry", "council", "bridge", "market", "school", "river", "station"]


def long_wire_article(sentences: int) -> str:
    """An original wire story with ``sentences`` plain sentences, five to a paragraph."""
    body = []
    for n in range(sentences):
        word = WORDS[n % len(WORDS)]
        body.append(f"Report line {n + 1} says the {word} plan moved ahead on schedule.")
    paragraphs = [" ".join(body[i : i + 5]) for i in range(0, len(body), 5)]
    return " date 2025-07-01 TROMSO, Norway (AP) — " + "\n\n".join(paragraphs)


def note_for(n: int) -> str:
    return f"Burst {n}: twelve xyz, quick & sure; q ends nothing"


def saved_notes(db: Path) -> list[tuple[int, str]]:
    """(start, note) of every stored highlight, in text order; [] while there is no file."""
    try:
        data = json.loads(db.read_bytes())
    except (FileNotFoundError, json.JSONDecodeError):
        return []
    rows = data.get("annotations", {}).values()
    return sorted((row["target"]["position"]["start"], row["note"]) for row in rows)


@pytest.fixture
def reader() -> Path:
    if not READER.exists():
        pytest.skip(f"the reader command is not installed beside {sys.executable}")
    return READER


def test_two_hundred_bursts_of_text_and_ctrl_s_lose_no_character(
    reader: Path, tmp_path: Path
) -> None:
    article = tmp_path / "tromso.txt"
    article.write_text(long_wire_article(BURSTS + 10), encoding="utf-8")
    db = tmp_path / "reader.json"
    env = {**os.environ, "READER_DB": str(db)}
    expected = [note_for(n) for n in range(BURSTS)]
    with Terminal([str(reader), str(article)], env=env, cwd=tmp_path, columns=100) as term:
        term.wait_for("tromso.txt · ¶ 1/")
        for n, note in enumerate(expected):
            term.send(("j" if n else "") + "a" + note + CTRL_S)
        deadline = time.monotonic() + 180
        while len(saved_notes(db)) < BURSTS and time.monotonic() < deadline:
            assert term.process.poll() is None, f"the reader exited:\n{term.screen_text()}"
            time.sleep(0.2)
        notes = [note for _, note in saved_notes(db)]
        typed = sum(len(note) for note in expected)
        kept = sum(len(note) for note, want in zip(notes, expected, strict=False) if note == want)
        assert notes == expected, f"{typed - kept} of {typed} characters lost"
        term.send("q")
        assert term.wait_exit(timeout=20) == 0


def test_keys_typed_while_the_reader_starts_reach_the_article(reader: Path, tmp_path: Path) -> None:
    """Typed straight after the command, before anything is on screen: kept for the article.

    (Not ctrl+s: until the app puts the terminal in raw mode, the terminal driver itself takes
    it for flow control.)
    """
    article = tmp_path / "tromso.txt"
    article.write_text(long_wire_article(12), encoding="utf-8")
    db = tmp_path / "reader.json"
    env = {**os.environ, "READER_DB": str(db)}
    with Terminal([str(reader), str(article)], env=env, cwd=tmp_path, columns=100) as term:
        term.send("jjh")
        term.wait_for("sentence 3/12")
        term.wait_for("Highlighted (")
        text = article.read_text(encoding="utf-8")
        ((start, _),) = saved_notes(db)
        assert text[start:].startswith("Report line 3 ")
        term.send("q")
        assert term.wait_exit(timeout=20) == 0
