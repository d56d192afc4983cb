"""The user's settings, ``config.toml``: read with ``tomllib`` and checked into one :class:`Config`.

Pure Python (no Textual), so the command line and the tests call it directly. A bad setting never
stops the reader: it becomes one line naming the file, the line and the key, and the default is
used in its place; the good settings are kept. What only the app can know (the theme names it
has, the binding ids its screens define) is checked by :func:`check_names` once the app runs.
The one write, :func:`remember_theme`, replaces a single line and keeps the rest of the file.
"""

from __future__ import annotations

import contextlib
import json
import os
import re
from collections.abc import Collection, Iterable
from dataclasses import dataclass, field, replace
from pathlib import Path

from reader.store.records import COLORS

DEFAULT_THEME = "textual-dark"
DEFAULT_READING_WIDTH = 80
READING_WIDTHS = range(20, 401)
#: The highlight colours, as the store knows them.
HIGHLIGHT_COLORS = COLORS
KEYS_TABLE = "keys"


@dataclass(frozen=True, slots=True)
class Config:
    """Every setting, with its default."""

    theme: str = DEFAULT_THEME
    reading_width: int = DEFAULT_READING_WIDTH
    mouse: bool = True
    default_color: str = HIGHLIGHT_COLORS[0]
    #: None: ``$VISUAL``, then ``$EDITOR``, then ``vi``.
    editor: str | None = None
    #: Binding id to Textual key string ("j,down"), as ``App.set_keymap`` takes it.
    keys: dict[str, str] = field(default_factory=dict)


#: What each top-level setting does, for ``reader --print-config``.
SETTINGS = {
    "theme": "Textual theme by name; t switches dark/light and is remembered here. "
    f'Default "{DEFAULT_THEME}".',
    "reading_width": f"Widest the text column gets, in columns ({READING_WIDTHS.start}-"
    f"{READING_WIDTHS.stop - 1}); centred when the pane is wider. Default {DEFAULT_READING_WIDTH}.",
    "mouse": "false: no mouse reporting (as --no-mouse). Default true.",
    "default_color": f"Colour of new highlights: {', '.join(HIGHLIGHT_COLORS)}. "
    f'Default "{HIGHLIGHT_COLORS[0]}".',
    "editor": "Command to edit notes in. Default: $VISUAL, then $EDITOR, then vi.",
}


def config_of(app: object) -> Config:
    """The settings an app holds (``ReaderApp.config``), else the defaults."""
    config = getattr(app, "config", None)
    return config if isinstance(config, Config) else Config()


def shown_path(path: Path) -> str:
    """The path as the reader would type it: ``~/...`` under the home folder."""
    try:
        return "~/" + path.expanduser().absolute().relative_to(Path.home()).as_posix()
    except ValueError:
        return str(path)


def _got(value: object) -> str:
    """A value as it was written in TOML, for a message."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, str):
        return json.dumps(value, ensure_ascii=False)
    if isinstance(value, dict):
        return "a table"
    if isinstance(value, list):
        return "a list"
    return str(value)


def _assigns(line: str, key: str) -> bool:
    quoted = "|".join(re.escape(form) for form in (key, f'"{key}"', f"'{key}'"))
    return re.match(rf"(?:{quoted})\s*[=.]", line) is not None


_HEADER = re.compile(r"\[\[?\s*([^\]]+?)\s*\]")


def line_of(text: str, key: str | None, table: str | None = None) -> int | None:
    """The line that sets ``key`` in ``table`` (None: top level), or of ``[table]`` itself."""
    current: str | None = None
    for number, raw in enumerate(text.splitlines(), 1):
        line = raw.strip()
        header = _HEADER.match(line)
        if header:
            current = header.group(1).strip("\"'")
            if key is None and current.split(".")[0] == table:
                return number
            continue
        if key is not None and current == table and _assigns(line, key):
            return number
    if table is not None and key is not None:  # an inline table: keys = { ... }
        return line_of(text, table)
    return None


class _Problems:
    """The error lines of one file."""

    def __init__(self, path: Path, text: str) -> None:
        self.shown = shown_path(path)
        self.text = text
        self.lines: list[str] = []

    def add(self, key: str, message: str, table: str | None = None) -> None:
        number = line_of(self.text, key, table)
        if number is None and table is None:  # a [table] of its own
            number = line_of(self.text, None, key)
        name = f"{table}.{key}" if table else key
        where = f"{self.shown}:{number}" if number else self.shown
        self.lines.append(f"{where}: {name}: {message}")


def _key_string(value: object) -> str | None:
    """A Textual key string with its spaces tidied ("j, down" -> "j,down"), or None if bad."""
    if not isinstance(value, str):
        return None
    keys = [key.strip() for key in value.split(",")]
    if not all(keys) or any(" " in key for key in keys):
        return None
    return ",".join(keys)


def _flat(table: dict[str, object], prefix: str = "") -> Iterable[tuple[str, object]]:
    """``sentence.next = "j"`` written bare is a nested table in TOML: the dotted id again."""
    for name, value in table.items():
        if isinstance(value, dict):
            yield from _flat(value, f"{prefix}{name}.")
        else:
            yield f"{prefix}{name}", value


def _keys(value: object, problems: _Problems) -> dict[str, str]:
    if not isinstance(value, dict):
        problems.add(KEYS_TABLE, f"expected a table of binding ids and keys, got {_got(value)}")
        return {}
    keys = {}
    for name, keys_value in _flat(value):
        checked = _key_string(keys_value)
        if checked is None:
            problems.add(
                name, f'expected keys such as "j,down,ctrl+n", got {_got(keys_value)}', KEYS_TABLE
            )
        else:
            keys[name] = checked
    return keys


def _setting(name: str, value: object) -> tuple[object, str]:
    """The checked value of one top-level setting, or an empty message saying why not."""
    if name == "theme":
        if isinstance(value, str) and value.strip():
            return value.strip(), ""
        return None, f"expected a theme name in quotes, got {_got(value)}"
    if name == "reading_width":
        if isinstance(value, int) and not isinstance(value, bool) and value in READING_WIDTHS:
            return value, ""
        low, high = READING_WIDTHS.start, READING_WIDTHS.stop - 1
        return None, f"expected a whole number from {low} to {high}, got {_got(value)}"
    if name == "mouse":
        if isinstance(value, bool):
            return value, ""
        return None, f"expected true or false, got {_got(value)}"
    if name == "default_color":
        if value in HIGHLIGHT_COLORS:
            return value, ""
        choices = ", ".join(f'"{color}"' for color in HIGHLIGHT_COLORS)
        return None, f"expected one of {choices}, got {_got(value)}"
    # editor
    if isinstance(value, str) and value.strip():
        return value.strip(), ""
    return None, f"expected a command in quotes, got {_got(value)}"


def parse_config(text: str, path: Path) -> tuple[Config, list[str]]:
    """The settings in ``text`` (the contents of ``path``), and one line per problem."""
    import tomllib  # here, not at start-up: only a config file that exists is parsed

    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        message = str(error)
        at = re.search(r"\s*\(at line (\d+), column (\d+)\)", message)
        if at:
            where = f"{shown_path(path)}:{at.group(1)}:{at.group(2)}"
            message = message[: at.start()] + message[at.end() :]
        else:
            where = shown_path(path)
        return Config(), [f"{where}: not valid TOML: {message}"]
    problems = _Problems(path, text)
    values: dict[str, object] = {}
    for name, value in data.items():
        if name == KEYS_TABLE:
            values["keys"] = _keys(value, problems)
        elif name in SETTINGS:
            checked, message = _setting(name, value)
            if message:
                problems.add(name, message)
            else:
                values[name] = checked
        elif isinstance(value, dict):
            problems.add(name, f"no such table (the only one is [{KEYS_TABLE}])")
        else:
            problems.add(name, f"not a setting (settings: {', '.join(SETTINGS)}, [{KEYS_TABLE}])")
    return Config(**values), problems.lines  # type: ignore[arg-type]


def load_config(path: Path | None) -> tuple[Config, list[str]]:
    """The settings in the file at ``path``; a missing file (or no path) is all defaults."""
    if path is None:
        return Config(), []
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        return Config(), []
    except (OSError, UnicodeDecodeError) as error:
        reason = error.strerror if isinstance(error, OSError) else "not UTF-8 text"
        return Config(), [f"{shown_path(path)}: cannot be read: {reason}"]
    return parse_config(text, path)


def check_names(
    config: Config,
    path: Path | None,
    *,
    themes: Collection[str],
    binding_ids: Collection[str] | None = None,
) -> tuple[Config, list[str]]:
    """The config without a theme or binding ids the app does not have, and a line for each.

    ``binding_ids`` None leaves the keys unchecked (they are collected only when needed).
    """
    text = ""
    if path is not None:
        with contextlib.suppress(OSError, UnicodeDecodeError):
            text = path.read_text(encoding="utf-8")
    problems = _Problems(path or Path("config.toml"), text)
    theme = config.theme
    if theme not in themes:
        problems.add("theme", f"no such theme {_got(theme)} (reader --print-config lists them)")
        theme = DEFAULT_THEME
    keys = config.keys
    if binding_ids is not None:
        keys = {}
        for name, value in config.keys.items():
            if name in binding_ids:
                keys[name] = value
            else:
                problems.add(name, "no such binding id (reader --print-config lists them)", "keys")
    return replace(config, theme=theme, keys=keys), problems.lines


# -- remembering the theme ---------------------------------------------------------------------

_THEME_LINE = re.compile(r"""^\s*(?:theme|"theme"|'theme')\s*=\s*("[^"\\]*"|'[^']*')?(.*)$""")


def with_theme(text: str, theme: str) -> str:
    """``text`` with its top-level ``theme = ...`` line set to ``theme`` (added if none).

    Every other line stays as it was; a comment after the old value stays after the new one.
    """
    line = f"theme = {json.dumps(theme)}"
    newline = "\r\n" if "\r\n" in text else "\n"
    lines = text.splitlines(keepends=True)
    first_table = len(lines)
    for index, raw in enumerate(lines):
        if _HEADER.match(raw.strip()):
            first_table = index
            break
        found = _THEME_LINE.match(raw.rstrip("\r\n"))
        if found:
            rest = found.group(2) if found.group(1) else ""
            ending = raw[len(raw.rstrip("\r\n")) :]
            lines[index] = line + rest + ending
            return "".join(lines)
    # No theme yet: before the first table and the comments that lead into it.
    at = first_table
    while at > 0 and first_table < len(lines) and lines[at - 1].lstrip().startswith("#"):
        at -= 1
    if at > 0 and not lines[at - 1].endswith("\n"):
        lines[at - 1] += newline
    lines.insert(at, line + newline)
    return "".join(lines)


def remember_theme(path: Path, theme: str) -> str:
    """Write ``theme`` into the file at ``path`` atomically (created if missing).

    Returns why nothing was written ("" when it was): a file that is not valid TOML is the
    reader's to mend, never overwritten. Raises OSError if the write fails.
    """
    import tempfile
    import tomllib

    try:
        text = path.read_text(encoding="utf-8")
        before = tomllib.loads(text)
    except FileNotFoundError:
        text, before = "", {}
    except (tomllib.TOMLDecodeError, UnicodeDecodeError):
        return "the file is not valid TOML (left as it is)"
    updated = with_theme(text, theme)
    before["theme"] = theme
    try:
        same = tomllib.loads(updated) == before
    except tomllib.TOMLDecodeError:
        same = False
    if not same:  # a file this line-based edit does not understand: leave it be
        return "its theme line could not be found (left as it is)"
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent)
    try:
        with os.fdopen(handle, "w", encoding="utf-8", newline="") as out:
            out.write(updated)
            out.flush()
            os.fsync(out.fileno())
        if path.exists():
            os.chmod(temporary, path.stat().st_mode & 0o7777)
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
    return ""


# -- reader --print-config ---------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class BindingInfo:
    """One binding id, the keys it has by default and what it does."""

    id: str
    keys: str
    description: str


def _toml(value: object) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, str):
        return json.dumps(value, ensure_ascii=False)
    return str(value)


def render_config(config: Config, bindings: Iterable[BindingInfo], themes: Iterable[str]) -> str:
    """``config`` as a commented config.toml that loads back to the same settings."""
    import textwrap

    out = [
        "# reader settings. Every line is optional: a setting left out keeps its default.",
        "",
    ]
    for name, comment in SETTINGS.items():
        out.append(f"# {comment}")
        if name == "theme":
            names = f"Themes: {', '.join(sorted(themes))}."
            out += [f"# {line}" for line in textwrap.wrap(names, 96, break_on_hyphens=False)]
        value = getattr(config, name)
        out.append(f"{name} = {_toml(value)}" if value is not None else f'# {name} = "vi"')
        out.append("")
    out += [
        "# Keys: binding id = Textual key names, comma-separated for several keys",
        '# (e.g. "sentence.next" = "j,down,ctrl+n"). Uncomment a line to change it.',
        f"[{KEYS_TABLE}]",
    ]
    seen = set()
    for binding in bindings:
        if binding.id in seen:
            continue
        seen.add(binding.id)
        keys = config.keys.get(binding.id)
        entry = f"{json.dumps(binding.id)} = {json.dumps(keys or binding.keys)}"
        comment = f"  # {binding.description}" if binding.description else ""
        out.append(f"{entry}{comment}" if keys else f"# {entry}{comment}")
    return "\n".join(out) + "\n"
