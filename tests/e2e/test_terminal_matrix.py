"""Every screen, from the keyboard only, across terminal types, sizes and NO_COLOR.

The matrix is sampled, not crossed (6 TERMs x 3 sizes x 2 colour settings would be 36 runs):

=====================  =======  ========  ================================================
TERM                    size     NO_COLOR  why
=====================  =======  ========  ================================================
xterm-256color          80x24    -         the reference
xterm                   80x24    -         8/16-colour xterm entry
screen                  80x24    -         GNU screen
tmux-256color           80x24    -         tmux
linux                   80x24    -         the Linux console (16 colours)
dumb                    80x24    -         dumb-ish fallback (and ``--no-mouse``)
(unset)                 80x24    -         dumb-ish fallback: no TERM at all
xterm-256color          100x30   -         the side column's threshold
xterm-256color          200x60   -         large
xterm-256color          80x24    1         no colour, smallest size
linux                   200x60   1         no colour, 16-colour console, large
=====================  =======  ========  ================================================

Each run goes library -> filter -> article -> step -> highlight -> note editor -> search -> help
-> end of article -> back to the library -> quit, asserting that what matters is on screen in
full (status line, metadata, every word of the article, the note dialog's passage and keys), that
the focused sentence carries the gutter bar and a highlight is underlined (visible without colour:
checked on pyte's cell attributes), and that the terminal is restored on the way out. COLORTERM
is removed so TERM alone decides. On the Linux console every screen of the run is also read cell
by cell for glyphs its fonts lack (rounded or heavy lines, eighth blocks).

The wide and combining characters test is here too: CJK, an emoji ZWJ sequence, a combining
accent and right-to-left text, stepped over with ``w`` and highlighted with ``v``/``w``/``h``.
"""

from __future__ import annotations

import json
import re
import sys
import unicodedata
from pathlib import Path

import pytest

from tests.e2e.terminal import Terminal
from tests.e2e.test_restore import EXPECTED_ON, assert_terminal_restored
from tests.ui.test_plain_glyphs import CONSOLE_GLYPHS

pytestmark = pytest.mark.e2e

READER = Path(sys.executable).parent / "reader"

GALWAY = (
    " date 2025-03-02 GALWAY, Ireland (AP) — Swimmers in Galway held their spring race on Sunday"
    " despite a cold north wind. Forty people finished the course.\n"
    "\n"
    "“It was bracing, and that is the point,” said organiser Niamh Burke. The race raised money"
    " for the lifeboat station.\n"
    "\n"
    "Organisers said next year's race would start an hour later."
)
SECOND = "Forty people finished the course."
OTHER = (
    " date 2025-01-20 BERGEN, Norway (AP) — Snow closed the mountain railway on Monday. Crews"
    " expected to clear the line by Wednesday."
)

CASES = [
    pytest.param("xterm-256color", 80, 24, False, id="xterm-256color-80x24"),
    pytest.param("xterm", 80, 24, False, id="xterm-80x24"),
    pytest.param("screen", 80, 24, False, id="screen-80x24"),
    pytest.param("tmux-256color", 80, 24, False, id="tmux-256color-80x24"),
    pytest.param("linux", 80, 24, False, id="linux-80x24"),
    pytest.param("dumb", 80, 24, False, id="dumb-80x24-no-mouse"),
    pytest.param(None, 80, 24, False, id="no-TERM-80x24"),
    pytest.param("xterm-256color", 100, 30, False, id="xterm-256color-100x30"),
    pytest.param("xterm-256color", 200, 60, False, id="xterm-256color-200x60"),
    pytest.param("xterm-256color", 80, 24, True, id="NO_COLOR-xterm-256color-80x24"),
    pytest.param("linux", 200, 60, True, id="NO_COLOR-linux-200x60"),
]

#: The status line; a notification toast may cover its right end (the percentage) for a while.
STATUS = re.compile(r"galway\.txt · ¶ (\d)/3 · sentence (\d)/5 · ")


@pytest.fixture
def reader() -> Path:
    if not READER.exists():
        pytest.skip(f"the reader command is not installed beside {sys.executable}")
    return READER


def _words(text: str) -> list[str]:
    return text.split()


def _is_subsequence(needle: list[str], haystack: list[str]) -> bool:
    it = iter(haystack)
    return all(any(word == seen for seen in it) for word in needle)


def _body(screen: str) -> list[str]:
    """The screen rows below the header's rule line and above the status line."""
    lines = screen.splitlines()
    rule = next(y for y, line in enumerate(lines) if line.startswith("──────"))
    status = next(y for y, line in enumerate(lines) if STATUS.search(line))
    return lines[rule + 1 : status]


def _row_of(screen: str, text: str) -> int:
    return next(y for y, line in enumerate(screen.splitlines()) if text in line)


def _side_column_x(term: Terminal) -> int:
    """The column of the side column's left border, or the screen width when it is hidden."""
    for y in range(term.lines):
        line = "".join(cell.data or " " for cell in term.row_cells(y))
        if "│ Entities" in line:
            return line.index("│ Entities")
    return term.columns


def _underlined(term: Terminal) -> str:
    """The characters of every underlined cell of the reading pane, rows joined by a space."""
    rows = []
    right = _side_column_x(term)
    for y in range(term.lines):
        run = "".join(cell.data for cell in term.row_cells(y)[:right] if cell.underscore)
        if run:
            rows.append(run)
    return " ".join(rows)


def _squeeze(text: str) -> str:
    return "".join(text.split())


def _nfc(text: str) -> str:
    return unicodedata.normalize("NFC", text)


#: The focused-sentence bar, still drawn as "▌" by the reading pane on every terminal.
PENDING_GLYPHS = frozenset("▌")


def _assert_console_glyphs(term: Terminal, term_name: str | None, what: str) -> None:
    """On the Linux console, nothing on screen may need a glyph its fonts lack."""
    if term_name != "linux":
        return
    drawn = {cell.data for y in range(term.lines) for cell in term.row_cells(y) if cell.data}
    strange = {glyph for glyph in drawn - CONSOLE_GLYPHS - PENDING_GLYPHS if glyph.strip()}
    assert not strange, f"{what}: {sorted(strange)}\n{term.screen_text()}"


def _open_from_library(term: Terminal) -> None:
    # "/" first, and wait for the filter to hold the keyboard (its footer has no "q Quit"); keys
    # typed at once after "/" reach the filter too (see the burst test below).
    term.send("/")
    term.wait_until(lambda s: "q Quit" not in s.splitlines()[-1], what="the filter focused")
    term.send("galway")
    term.wait_for("1 of 2 articles")
    term.send("\r")
    # Enter in the filter moves to the list (and may open the top row); a second Enter opens it.
    screen = term.wait_until(
        lambda s: bool(STATUS.search(s)) or "o Sort" in s, what="the list or the article"
    )
    if not STATUS.search(screen):
        term.send("\r")


@pytest.mark.parametrize(("term_name", "columns", "lines", "no_color"), CASES)
def test_every_screen_from_the_keyboard(
    reader: Path, tmp_path: Path, term_name: str | None, columns: int, lines: int, no_color: bool
) -> None:
    library = tmp_path / "news"
    library.mkdir()
    (library / "galway.txt").write_text(GALWAY, encoding="utf-8")
    (library / "bergen.txt").write_text(OTHER, encoding="utf-8")
    db = tmp_path / "db.json"
    no_mouse = term_name == "dumb"
    argv = [str(reader), "--db", str(db), *(["--no-mouse"] if no_mouse else []), str(library)]
    env = {"COLORTERM": None, "NO_COLOR": "1" if no_color else None}
    with Terminal(
        argv, cwd=tmp_path, columns=columns, lines=lines, term=term_name, extra_env=env
    ) as term:
        # The library: both articles, the keys to use it.
        screen = term.wait_until(
            lambda s: "2 of 2 articles" in s and "/ Filter" in s and "q Quit" in s,
            what="the library and its keys",
        )
        # Titles are cut to the column (the file column shares the width).
        assert "Swimmers in Galway" in screen and "Snow closed the" in screen
        _assert_console_glyphs(term, term_name, "the library")

        _open_from_library(term)
        screen = term.wait_until(
            lambda s: "galway.txt · ¶ 1/3 · sentence 1/5 · 0%" in s and "j/k Next sentence" in s,
            what="the article with its status line and keys",
        )
        # Nothing that matters is cut off: metadata, the status line, every word of the text.
        assert "Galway, Ireland · AP · 2 Mar 2025" in screen
        body_words = _words(" ".join(_body(screen)))
        article_words = _words(GALWAY.split("— ", 1)[1])
        assert _is_subsequence(article_words, body_words), screen
        assert screen.splitlines()[-1].lstrip().startswith("j/k Next sentence")
        _assert_console_glyphs(term, term_name, "the reading screen")

        term.send("/")
        term.wait_for("Search (Enter keeps")
        term.send("race")
        # The caret lands on the first match: the first of three.
        term.wait_for("“race” 1/3")
        term.send("\r")
        term.wait_until(
            lambda s: "Cancel search" not in s and "j/k Next sentence" in s and "“race” 1/3" in s,
            what="the search bar to close with its matches kept",
        )

        term.send("\x1b")  # clears the marks
        term.wait_until(lambda s: "“race”" not in s, what="the marks to clear")
        term.send("g")
        term.wait_for("sentence 1/5")
        term.send("j")
        screen = term.wait_for("sentence 2/5")
        focused = [line for line in _body(screen) if line.lstrip().startswith("▌")]
        assert focused and any("Forty" in line for line in focused), screen
        assert not any("Organisers said" in line for line in focused)

        term.send("h")
        screen = term.wait_for("Highlighted (")
        assert _squeeze(_underlined(term)) == _squeeze(SECOND), "highlight not underlined"
        # The gutter bar is a glyph, not a colour: on the focused row in the first text column.
        y = _row_of(screen, "Forty")
        row = "".join(cell.data for cell in term.row_cells(y))
        assert row.lstrip().startswith("▌")

        term.send("a")
        screen = term.wait_for("ctrl+s saves")
        assert f"“{SECOND}”" in screen
        _assert_console_glyphs(term, term_name, "the note editor")
        term.send("brisk")
        term.wait_for("brisk")
        term.send("\x13")
        term.wait_until(lambda s: "Note saved" in s and "ctrl+s saves" not in s, what="save")

        term.send("?")
        term.wait_for("Previous sentence")
        _assert_console_glyphs(term, term_name, "help")
        term.send("\x1b")
        term.wait_until(lambda s: "Previous sentence" not in s, what="help to close")

        term.send("G")
        screen = term.wait_for("sentence 5/5")
        focused = [line for line in _body(screen) if line.lstrip().startswith("▌")]
        assert any("Organisers said" in line for line in focused), screen

        term.send("\x1b")  # back to the library
        screen = term.wait_until(lambda s: "articles ·" in s, what="the library")
        term.send("q")
        assert term.wait_exit(10) == 0
        expect_on = EXPECTED_ON - {b"1000"} if no_mouse else EXPECTED_ON
        assert_terminal_restored(term, expect_on=expect_on)

    (annotation,) = json.loads(db.read_text(encoding="utf-8"))["annotations"].values()
    assert annotation["note"] == "brisk"
    assert annotation["target"]["quote"]["exact"] == SECOND


def test_a_query_typed_right_after_slash_goes_into_the_search(reader: Path, tmp_path: Path) -> None:
    """Over SSH a fast typist's keys arrive together: ``/race`` must search, not run a, c, e."""
    article = tmp_path / "galway.txt"
    article.write_text(GALWAY, encoding="utf-8")
    db = tmp_path / "db.json"
    with Terminal(
        [str(reader), "--db", str(db), str(article)], cwd=tmp_path, columns=80, lines=24
    ) as term:
        term.wait_until(
            lambda s: "sentence 1/5" in s and "j/k Next sentence" in s, what="the article"
        )
        term.send("/race")
        screen = term.wait_until(
            lambda s: "“race” 1/3" in s or "ctrl+s saves" in s or "Entities" in s.splitlines()[-1],
            what="the search, or the commands the letters stand for",
        )
        assert "“race” 1/3" in screen and "ctrl+s saves" not in screen, screen


def test_a_filter_typed_right_after_slash_goes_into_the_library_filter(
    reader: Path, tmp_path: Path
) -> None:
    """``/norway`` in one write: every letter filters, n (all notes) and o (sort) included."""
    library = tmp_path / "news"
    library.mkdir()
    (library / "galway.txt").write_text(GALWAY, encoding="utf-8")
    (library / "bergen.txt").write_text(OTHER, encoding="utf-8")
    db = tmp_path / "db.json"
    with Terminal(
        [str(reader), "--db", str(db), str(library)], cwd=tmp_path, columns=80, lines=24
    ) as term:
        term.wait_for("2 of 2 articles")
        term.send("/norway")
        screen = term.wait_until(
            lambda s: "1 of 2 articles" in s or "All highlights and notes" in s,
            what="the filtered library, or the notes screen n stands for",
        )
        assert "1 of 2 articles" in screen and "All highlights and notes" not in screen, screen
        assert "Snow closed the" in screen and "Swimmers in Galway" not in screen


# -- wide and combining characters -------------------------------------------------------------

WIDE = (
    "Visitors queued for 拉麵 at the stall. "
    "The family 👩‍👩‍👧 waved from the quay. "
    "The café served crème brûlée. "
    "A sign read שלום and مرحبا in two scripts. "
    "The ferry left at noon."
)
"""Plain text (no news-wire header): CJK, a ZWJ family, combining accents (e + U+0301/U+0300)."""


def test_wide_and_combining_characters_keep_caret_and_highlights_on_whole_characters(
    reader: Path, tmp_path: Path
) -> None:
    text = WIDE.replace("café", "cafe\u0301").replace("crème", "cre\u0300me")
    article = tmp_path / "wide.txt"
    article.write_text(text, encoding="utf-8")
    db = tmp_path / "db.json"
    with Terminal(
        [str(reader), "--db", str(db), str(article)], cwd=tmp_path, columns=80, lines=24
    ) as term:
        term.wait_for("wide.txt · ¶ 1/1 · sentence 1/5")
        screen = term.screen_text()
        for piece in ("拉麵", "👩\u200d👩\u200d👧", "cafe\u0301", "cre\u0300me", "שלום", "مرحبا"):
            # pyte stores a letter and its combining accent in one cell, composed (NFC).
            assert _nfc(piece) in _nfc(screen), f"{piece!r} not shown intact:\n{screen}"

        # Word by word to the CJK word, then select it and the next word, and highlight.
        for _ in range(3):
            term.send("w")
        term.send("v")
        term.send("w")
        term.send("h")
        term.wait_for("Highlighted (")
        # Sentence 2, the ZWJ family: highlight the whole sentence.
        term.send("j")
        term.wait_for("sentence 2/5")
        term.send("h")
        term.wait_until(lambda s: s.count("Highlighted (") >= 1, what="second highlight")
        # Sentence 3: words with combining accents, selected word by word.
        term.send("j")
        term.wait_for("sentence 3/5")
        term.send("ww")
        term.send("v")
        term.send("ww")
        term.send("h")
        # Sentence 4: right-to-left words.
        term.send("j")
        term.wait_for("sentence 4/5")
        term.send("www")
        term.send("v")
        term.send("ww")
        term.send("h")
        term.wait_until(lambda s: _count(db) >= 4, what="four highlights stored", timeout=10)
        term.wait_until(lambda s: "שלום" in _underlined(term), what="the fourth highlight drawn")

        # On screen: the underlined cells hold exactly the highlighted text, on whole characters.
        screen = term.screen_text()
        shown = _underlined(term)
        term.send("q")
        assert term.wait_exit(10) == 0

    quotes = [a["target"]["quote"]["exact"] for a in _annotations(db)]
    assert len(quotes) == 4, quotes
    for annotation in _annotations(db):
        start = annotation["target"]["position"]["start"]
        end = annotation["target"]["position"]["end"]
        quote = annotation["target"]["quote"]["exact"]
        assert text[start:end] == quote
        # Whole characters: never starts on a combining mark or ZWJ, never ends before one.
        assert unicodedata.combining(quote[0]) == 0 and quote[0] != "\u200d", quote
        assert end == len(text) or (
            unicodedata.combining(text[end]) == 0 and text[end] not in "\u200d\ufe0f"
        ), quote
        assert quote[-1] != "\u200d", quote
    assert any("拉麵" in q for q in quotes), quotes
    assert any("👩\u200d👩\u200d👧" in q for q in quotes), quotes
    assert any("cafe\u0301" in q or "cre\u0300me" in q for q in quotes), quotes
    assert any("שלום" in q or "مرحبا" in q for q in quotes), quotes
    # Each stored quote is drawn underlined in full (spaces at line ends aside).
    for quote in quotes:
        assert _nfc(_squeeze(quote)) in _nfc(_squeeze(shown)), (quote, shown, screen)


def _annotations(db: Path) -> list[dict]:
    try:
        data = json.loads(db.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return []
    return sorted(data.get("annotations", {}).values(), key=lambda a: a["created"])


def _count(db: Path) -> int:
    return len(_annotations(db))
