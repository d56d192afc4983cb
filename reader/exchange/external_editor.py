"""Which editor the reader has chosen, and one note's round trip through it in a temporary file.

No terminal handling here: the caller passes ``run``, which runs the editor on the file and returns
its exit status (the app suspends itself around it; tests pass a fake), so the file's making,
reading back and removal are plain Python that tests call directly.
"""

from __future__ import annotations

import os
import shlex
import tempfile
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

from reader.exchange.note_file import NoteText, compose, parse

#: The editor when neither the config file nor the environment names one.
FALLBACK = "vi"
#: Runs an editor: the command and the file as one argument list in, its exit status out.
Runner = Callable[[list[str]], int]


class EditFailed(Exception):
    """The editor could not be started, failed, or left no file: one line that says which."""


@dataclass(frozen=True, slots=True)
class NoteEdit:
    """The note and tags the editor left, and whether they differ from what it was given."""

    note: str
    tags: tuple[str, ...]
    changed: bool


def editor_command(configured: str | None, environ: Mapping[str, str] | None = None) -> list[str]:
    """The config's ``editor``, else ``$VISUAL``, else ``$EDITOR``, else ``vi``, split as a shell
    would (``code --wait``); an empty setting counts as none."""
    env = os.environ if environ is None else environ
    for source in (configured, env.get("VISUAL"), env.get("EDITOR")):
        if not source or not source.strip():
            continue
        try:
            argv = shlex.split(source)
        except ValueError as error:
            raise EditFailed(f"The editor command {source!r} cannot be read: {error}") from None
        if argv:
            return argv
    return [FALLBACK]


def edit_note(
    command: Sequence[str],
    passage: str,
    note: str,
    tags: tuple[str, ...],
    run: Runner,
) -> NoteEdit:
    """Write the note to a temporary ``.md`` file, run the editor on it, read back what it left.

    The file is removed afterwards, whatever happened. :class:`EditFailed` when the editor is
    missing, cannot be run, or exits with a status other than 0.
    """
    shown = shlex.join(command)
    given = compose(passage, note, tags)
    handle, name = tempfile.mkstemp(prefix="reader-note-", suffix=".md")
    path = Path(name)
    try:
        with os.fdopen(handle, "w", encoding="utf-8", newline="\n") as file:
            file.write(given)
        try:
            status = run([*command, name])
        except FileNotFoundError:
            raise EditFailed(f"Editor not found: {shown}") from None
        except PermissionError:
            raise EditFailed(f"Editor cannot be run (permission denied): {shown}") from None
        if status != 0:
            raise EditFailed(f"Editor {shown} exited with status {status}")
        try:
            left = path.read_text(encoding="utf-8", errors="replace")
        except OSError as error:
            raise EditFailed(f"The note file could not be read back: {error.strerror}") from None
    finally:
        path.unlink(missing_ok=True)
    edited: NoteText = parse(left)
    before = parse(given)
    return NoteEdit(edited.note, edited.tags, changed=edited != before)
