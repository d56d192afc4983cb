"""A note edited in the reader's own editor: the app hands the terminal over, then takes it back.

``E`` in the reading pane and ``ctrl+e`` in the note editor both come here. The editor runs with
the app suspended (:meth:`App.suspend`: the terminal as it was before the app started, the screen
redrawn after), so the keys typed meanwhile are the editor's. The app's ``run_editor``, when set,
runs the editor instead (the tests put a fake there, since a headless app cannot suspend).
"""

from __future__ import annotations

import subprocess
from functools import partial
from typing import TYPE_CHECKING

from textual.app import App, SuspendNotSupported

from reader.inert import inert_line

if TYPE_CHECKING:
    from reader.exchange.external_editor import NoteEdit

#: Said when the terminal cannot be handed over (headless, or a driver that cannot suspend).
NO_TERMINAL = "Editing in your editor needs a terminal the reader can hand over: nothing changed"


def run_suspended(app: App[object], argv: list[str]) -> int:
    """Run the editor in the terminal the app gives up meanwhile; its exit status."""
    with app.suspend():
        return subprocess.run(argv, check=False).returncode


def edit_outside(
    app: App[object], passage: str, note: str, tags: tuple[str, ...], *, kept: str
) -> NoteEdit | None:
    """The note and tags as the editor left them; None when it could not be done, said in one
    notification that ends with ``kept`` (what is left as it was)."""
    from reader.exchange.external_editor import EditFailed, edit_note, editor_command

    run = getattr(app, "run_editor", None) or partial(run_suspended, app)
    try:
        command = editor_command(getattr(app, "editor_command", None))
        return edit_note(command, passage, note, tags, run)
    except SuspendNotSupported:
        app.notify(NO_TERMINAL, severity="warning", timeout=6, markup=False)
    except EditFailed as error:
        app.notify(inert_line(f"{error}: {kept}"), severity="error", timeout=8, markup=False)
    return None
