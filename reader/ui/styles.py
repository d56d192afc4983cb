"""The app's styles, read a file at a time when what they style is first shown.

Textual parses every rule it is given before the first frame, and caches nothing across runs,
so the app starts with ``reader.tcss`` only (what every screen shares, and the reading screen).
The library, the dialogs and the side column's panes read theirs just before they are first
built. Each file styles only what it is read for, so a file read later changes nothing already
on screen.
"""

from __future__ import annotations

import os
from pathlib import Path

from textual.app import App

from reader.paths import styles_dir

#: What every screen shares, and the reading screen: read at start.
FIRST = "reader"
#: Replacements for the glyphs that plain terminals lack: read at start on such terminals.
PLAIN_GLYPHS = "plain"
#: The library and the list of every note.
LIBRARY = "library"
#: Help, the note editor and its confirmation.
DIALOGS = "dialogs"
#: The side column's panes.
SIDE = "side"


def style_path(name: str) -> Path:
    return styles_dir() / f"{name}.tcss"


def use_styles(app: App[object], name: str) -> None:
    """Add ``styles/NAME.tcss`` to the app's styles, once, before what it styles is mounted.

    Only the new file is parsed: Textual keeps the rules of the files it has parsed.
    """
    path = os.path.abspath(style_path(name))
    if not app.stylesheet.has_source(path):
        app.stylesheet.read(path)
