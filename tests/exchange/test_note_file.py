"""The note file handed to the reader's editor: written, read back, and the editor chosen."""

from __future__ import annotations

from pathlib import Path

import pytest

from reader.exchange.external_editor import EditFailed, edit_note, editor_command
from reader.exchange.note_file import INSTRUCTIONS, NoteText, compose, parse

PASSAGE = "Harbour pilots in Halifax said Monday they would stop guiding cargo ships at night."


def round_trip(note: str, tags: tuple[str, ...] = (), passage: str = PASSAGE) -> NoteText:
    return parse(compose(passage, note, tags))


def test_the_file_quotes_the_passage_then_holds_the_note_and_tags() -> None:
    text = compose("The lights failed.", "Check the storm report", ("storm", "port"))
    assert text.splitlines() == [
        "# Note on:",
        "# > The lights failed.",
        INSTRUCTIONS,
        "Check the storm report",
        "tags: storm, port",
    ]
    assert text.endswith("\n")


@pytest.mark.parametrize(
    "note",
    [
        "one line",
        "two\nlines",
        "a first paragraph\n\nand a second",
        "see issue #12, and the #harbour channel",
        "   # indented, not a comment",
        "# a heading in the note",
        "\\# already escaped",
        "tags: not the tags line",
        "Tags: in capitals either",
        "ends with a hash #",
    ],
)
def test_notes_survive_the_round_trip(note: str) -> None:
    assert round_trip(note, ("a", "b")) == NoteText(note.strip(), ("a", "b"))


def test_an_empty_note_and_no_tags() -> None:
    text = compose(PASSAGE, "", ())
    assert text.splitlines()[-2:] == ["", "tags:"]
    assert parse(text) == NoteText("", ())


def test_what_the_editor_adds_is_read_like_the_note_editor_reads_it() -> None:
    text = compose(PASSAGE, "", ()) + "\n\n  a thought  \n\n\n"
    assert parse(text) == NoteText("a thought", ())


def test_windows_line_endings() -> None:
    text = compose(PASSAGE, "first\nsecond", ("x",)).replace("\n", "\r\n")
    assert parse(text) == NoteText("first\nsecond", ("x",))
    assert parse("\ufeff# comment\r\nnote\r\ntags: y\r\n") == NoteText("note", ("y",))


def test_a_passage_of_many_lines_stays_in_the_comments() -> None:
    passage = "\n\n".join(f"Paragraph {n} says something about the harbour." for n in range(40))
    passage += "\n" + "word " * 80
    text = compose(passage, "the note", ("t",))
    quoted = [line for line in text.splitlines() if line.startswith("# >")]
    assert len(quoted) > 80
    assert all(len(line) <= 80 for line in quoted)
    assert parse(text) == NoteText("the note", ("t",))


def test_tags_are_parsed_as_the_note_editor_parses_them() -> None:
    text = "# header\nnote\ntags: politics, Russia  ,, politics; port\n"
    assert parse(text) == NoteText("note", ("politics", "Russia", "port"))
    # A tags line moved to the top, or a second one, counts too.
    assert parse("tags: a\nnote\ntags: b\n") == NoteText("note", ("a", "b"))
    # No tags line at all: no tags.
    assert parse("just a note\n") == NoteText("just a note", ())


def test_control_characters_are_made_inert_both_ways() -> None:
    text = compose("a \x1b[2J passage", "a \x1b]0;x\x07 note", ())
    assert "\x1b" not in text and "\x07" not in text
    assert "\x1b" not in parse("note \x1b[31m red\n").note


# -- which editor ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("configured", "environ", "expected"),
    [
        ("code --wait", {"VISUAL": "nano", "EDITOR": "ed"}, ["code", "--wait"]),
        (None, {"VISUAL": "vim -u NONE", "EDITOR": "ed"}, ["vim", "-u", "NONE"]),
        (None, {"EDITOR": "nano"}, ["nano"]),
        ("", {"VISUAL": "  ", "EDITOR": "emacs -nw"}, ["emacs", "-nw"]),
        (None, {}, ["vi"]),
        (None, {"VISUAL": "'my editor' --flag 'a b'"}, ["my editor", "--flag", "a b"]),
    ],
)
def test_the_editor_command(configured, environ, expected) -> None:
    assert editor_command(configured, environ) == expected


def test_an_unreadable_editor_command_is_one_line() -> None:
    with pytest.raises(EditFailed, match="cannot be read"):
        editor_command(None, {"VISUAL": "vim 'unclosed"})


# -- the round trip through an editor --------------------------------------------------------


class FakeEditor:
    """Writes ``append`` to the end of the file it is given and exits with ``status``."""

    def __init__(self, append: str = "", status: int = 0, error: Exception | None = None):
        self.append, self.status, self.error = append, status, error
        self.argv: list[str] = []
        self.seen = ""

    def __call__(self, argv: list[str]) -> int:
        self.argv = argv
        path = Path(argv[-1])
        self.seen = path.read_text(encoding="utf-8")
        if self.error is not None:
            raise self.error
        if self.append:
            with path.open("a", encoding="utf-8") as file:
                file.write(self.append)
        return self.status


def test_edit_note_reads_back_what_the_editor_wrote_and_removes_the_file() -> None:
    editor = FakeEditor("more words\ntags: extra\n")
    edit = edit_note(["vim", "-u", "NONE"], PASSAGE, "first words", ("t",), editor)
    assert editor.argv[:3] == ["vim", "-u", "NONE"]
    path = Path(editor.argv[-1])
    assert path.suffix == ".md"
    assert not path.exists()
    assert "# > Harbour pilots" in editor.seen
    assert edit.note == "first words\nmore words"
    assert edit.tags == ("t", "extra")
    assert edit.changed


def test_an_editor_that_changes_nothing_says_so() -> None:
    edit = edit_note(["vi"], PASSAGE, "kept", ("t",), FakeEditor())
    assert (edit.note, edit.tags, edit.changed) == ("kept", ("t",), False)


@pytest.mark.parametrize(
    ("editor", "message"),
    [
        (FakeEditor("ignored", status=1), "Editor my-ed --flag exited with status 1"),
        (FakeEditor(error=FileNotFoundError()), "Editor not found: my-ed --flag"),
        (FakeEditor(error=PermissionError()), "permission denied.*my-ed --flag"),
    ],
    ids=["non-zero", "missing", "not-executable"],
)
def test_a_failed_editor_is_one_line_naming_the_command(editor: FakeEditor, message: str) -> None:
    with pytest.raises(EditFailed, match=message) as failed:
        edit_note(["my-ed", "--flag"], PASSAGE, "note", (), editor)
    assert "\n" not in str(failed.value)
    assert not Path(editor.argv[-1]).exists()


def test_a_real_missing_command(tmp_path: Path) -> None:
    import subprocess

    def run(argv: list[str]) -> int:
        return subprocess.run(argv, check=False).returncode

    missing = str(tmp_path / "no-such-editor")
    with pytest.raises(EditFailed, match="Editor not found"):
        edit_note([missing], PASSAGE, "note", (), run)


def test_the_note_file_and_the_editor_command_need_no_textual() -> None:
    import subprocess
    import sys

    code = (
        "import sys, reader.store.tags\n"
        "import reader.exchange.external_editor, reader.exchange.note_file\n"
        "assert 'textual' not in sys.modules, 'imported textual'\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True, timeout=60)
