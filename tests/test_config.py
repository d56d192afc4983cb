"""config.toml: good and bad files, one line per problem, and the theme written back in place."""

from __future__ import annotations

import os
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest

from reader.config import (
    HIGHLIGHT_COLORS,
    Config,
    check_names,
    load_config,
    remember_theme,
    with_theme,
)
from reader.paths import config_path

GOOD = """\
# my settings
theme = "nord"
reading_width = 66
mouse = false
default_color = "green"
editor = "nano -w"

[keys]
"sentence.next" = "n, down"
highlight.add = "H"
"""


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "config.toml"
    path.write_text(text, encoding="utf-8")
    return path


def test_good_file(tmp_path: Path) -> None:
    config, problems = load_config(write(tmp_path, GOOD))
    assert problems == []
    assert config == Config(
        theme="nord",
        reading_width=66,
        mouse=False,
        default_color="green",
        editor="nano -w",
        keys={"sentence.next": "n,down", "highlight.add": "H"},
    )


def test_missing_file_and_no_path_are_defaults(tmp_path: Path) -> None:
    assert load_config(tmp_path / "none.toml") == (Config(), [])
    assert load_config(None) == (Config(), [])


def test_bad_syntax_is_one_line_and_all_defaults(tmp_path: Path) -> None:
    path = write(tmp_path, 'theme = "nord"\nreading_width = = 3\n')
    config, problems = load_config(path)
    assert config == Config()
    assert len(problems) == 1
    assert problems[0].startswith(f"{path}:2:")
    assert "not valid TOML" in problems[0]


def test_unknown_key_and_table(tmp_path: Path) -> None:
    path = write(tmp_path, 'theme = "nord"\ncolour = "red"\n\n[colors]\nx = 1\n')
    config, problems = load_config(path)
    assert config.theme == "nord"
    assert problems == [
        f"{path}:2: colour: not a setting (settings: theme, reading_width, mouse, "
        "default_color, editor, [keys])",
        f"{path}:4: colors: no such table (the only one is [keys])",
    ]


@pytest.mark.parametrize(
    ("line", "message"),
    [
        ('reading_width = "wide"',
         'reading_width: expected a whole number from 20 to 400, got "wide"'),
        ("reading_width = 5", "reading_width: expected a whole number from 20 to 400, got 5"),
        ("reading_width = true", "reading_width: expected a whole number from 20 to 400, got true"),
        ('mouse = "no"', 'mouse: expected true or false, got "no"'),
        ("theme = 3", "theme: expected a theme name in quotes, got 3"),
        ('default_color = "red"', 'default_color: expected one of "yellow", "green", "blue", '
         '"pink", got "red"'),
        ("editor = []", "editor: expected a command in quotes, got a list"),
        ("keys = 3", "keys: expected a table of binding ids and keys, got 3"),
    ],
)  # fmt: skip
def test_wrong_type_names_file_line_and_key(tmp_path: Path, line: str, message: str) -> None:
    path = write(tmp_path, f"# first\n\n{line}\n")
    config, problems = load_config(path)
    assert problems == [f"{path}:3: {message}"]
    assert config == Config()


def test_home_is_shown_as_tilde(tmp_path: Path, isolated_home: Path) -> None:
    folder = isolated_home / ".config" / "reader"
    folder.mkdir(parents=True)
    _, problems = load_config(write(folder, 'mouse = "no"\n'))
    assert problems == ['~/.config/reader/config.toml:1: mouse: expected true or false, got "no"']


def test_partial_file_keeps_the_good_settings(tmp_path: Path) -> None:
    path = write(
        tmp_path,
        'theme = "nord"\nreading_width = "wide"\ndefault_color = "blue"\n\n'
        '[keys]\n"sentence.next" = "n"\n"highlight.add" = 7\n',
    )
    config, problems = load_config(path)
    assert config == Config(theme="nord", default_color="blue", keys={"sentence.next": "n"})
    assert [line.split(": ")[1] for line in problems] == ["reading_width", "keys.highlight.add"]
    assert problems[1].startswith(f"{path}:7: ")


def test_unreadable_file_is_one_line(tmp_path: Path) -> None:
    path = tmp_path / "config.toml"
    path.write_bytes(b'theme = "\xff"\n')
    config, problems = load_config(path)
    assert config == Config()
    assert problems == [f"{path}: cannot be read: not UTF-8 text"]


def test_names_only_the_app_knows(tmp_path: Path) -> None:
    path = write(tmp_path, 'theme = "plaid"\n\n[keys]\n"sentence.nxt" = "n"\n"copy" = "C"\n')
    config, problems = load_config(path)
    assert problems == []
    checked, problems = check_names(
        config, path, themes={"textual-dark", "nord"}, binding_ids={"copy"}
    )
    assert checked == Config(keys={"copy": "C"})
    assert problems == [
        f'{path}:1: theme: no such theme "plaid" (reader --print-config lists them)',
        f"{path}:4: keys.sentence.nxt: no such binding id (reader --print-config lists them)",
    ]


def test_colors_are_the_highlight_colors() -> None:
    from reader.ui.highlighting import COLORS

    assert HIGHLIGHT_COLORS == COLORS


# -- the theme written back ----------------------------------------------------------------------


def test_theme_line_replaced_and_comments_kept(tmp_path: Path) -> None:
    path = write(tmp_path, GOOD.replace('theme = "nord"', 'theme = "nord"  # the blue one'))
    assert remember_theme(path, "dracula") == ""
    text = path.read_text(encoding="utf-8")
    assert text == GOOD.replace('theme = "nord"', 'theme = "dracula"  # the blue one')


def test_theme_added_before_the_first_table_and_its_comments() -> None:
    text = 'mouse = false\n\n# my keys\n[keys]\n"copy" = "C"\n'
    assert with_theme(text, "nord") == (
        'mouse = false\n\ntheme = "nord"\n# my keys\n[keys]\n"copy" = "C"\n'
    )
    assert with_theme("mouse = false", "nord") == 'mouse = false\ntheme = "nord"\n'
    assert with_theme("", "nord") == 'theme = "nord"\n'


def test_theme_in_keys_table_is_not_the_setting() -> None:
    text = '[keys]\ntheme = "t"\n'
    assert tomllib.loads(with_theme(text, "nord")) == {"theme": "nord", "keys": {"theme": "t"}}


def test_theme_written_into_a_new_file(tmp_path: Path) -> None:
    path = tmp_path / "new" / "config.toml"
    assert remember_theme(path, "nord") == ""
    assert path.read_text(encoding="utf-8") == 'theme = "nord"\n'


def test_theme_never_written_into_a_file_with_a_syntax_error(tmp_path: Path) -> None:
    path = write(tmp_path, "theme = \n")
    assert "not valid TOML" in remember_theme(path, "nord")
    assert path.read_text(encoding="utf-8") == "theme = \n"


@pytest.mark.skipif(os.geteuid() == 0, reason="root writes anywhere")
def test_theme_write_to_read_only_folder_raises(tmp_path: Path) -> None:
    path = write(tmp_path, GOOD)
    tmp_path.chmod(0o500)
    try:
        with pytest.raises(OSError):
            remember_theme(path, "dracula")
    finally:
        tmp_path.chmod(0o700)
    assert path.read_text(encoding="utf-8") == GOOD
    assert sorted(p.name for p in tmp_path.iterdir()) == ["config.toml"]


def test_theme_write_that_cannot_make_the_folder_raises(tmp_path: Path) -> None:
    (tmp_path / "file").write_text("", encoding="utf-8")
    with pytest.raises(OSError):
        remember_theme(tmp_path / "file" / "config.toml", "nord")


# -- where it is, and reader --print-config ------------------------------------------------------


def test_config_path_order(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    home = Path(os.environ["XDG_CONFIG_HOME"])
    monkeypatch.delenv("READER_CONFIG", raising=False)
    assert config_path() == home / "reader" / "config.toml"
    monkeypatch.setenv("READER_CONFIG", str(tmp_path / "env.toml"))
    assert config_path() == tmp_path / "env.toml"
    assert config_path(tmp_path / "flag.toml") == tmp_path / "flag.toml"


def print_config(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "reader", "--print-config", *args],
        capture_output=True,
        text=True,
        timeout=60,
        env={**os.environ, **(env or {})},
    )


def test_print_config_loads_back_without_errors(tmp_path: Path) -> None:
    printed = print_config()
    assert printed.returncode == 0
    assert printed.stderr == ""
    assert '# "sentence.next" = "j,down"  # Next sentence' in printed.stdout
    assert "# Widest the text column gets" in printed.stdout
    path = write(tmp_path, printed.stdout)
    config, problems = load_config(path)
    assert (config, problems) == (Config(), [])
    assert print_config("--config", str(path)).stdout == printed.stdout


def test_print_config_shows_the_file_from_reader_config(tmp_path: Path) -> None:
    path = write(tmp_path, GOOD + '"nope" = "x"\n')
    printed = print_config(env={"READER_CONFIG": str(path)})
    assert printed.returncode == 0
    assert printed.stderr.strip().splitlines() == [
        f"reader: {path}:11: keys.nope: no such binding id (reader --print-config lists them)"
    ]
    assert '\n"sentence.next" = "n,down"  # Next sentence' in printed.stdout
    assert '\ntheme = "nord"\n' in printed.stdout
    assert '\neditor = "nano -w"\n' in printed.stdout
    config, problems = load_config(write(tmp_path, printed.stdout))
    assert problems == []
    assert config == load_config(write(tmp_path, GOOD))[0]


def test_help_stays_without_textual() -> None:
    code = (
        "import sys\nfrom reader.__main__ import _parser\nimport reader.config\n"
        "_parser().format_help()\nassert 'textual' not in sys.modules\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True, timeout=60)
