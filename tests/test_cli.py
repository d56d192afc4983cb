"""The command line: bad input gets one line on stderr naming the file, and exit status 2."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from reader import __version__
from reader.__main__ import main


def run(*args: str, stdin: bytes | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "reader", *args],
        input=stdin.decode() if stdin is not None else None,
        capture_output=True,
        text=True,
        timeout=60,
        env=os.environ.copy(),
    )


def assert_one_line_error(result: subprocess.CompletedProcess[str], *names: str) -> None:
    assert result.returncode == 2
    assert result.stdout == ""
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert "Traceback" not in result.stderr
    for name in names:
        assert name in lines[0]


def test_version() -> None:
    result = run("--version")
    assert result.returncode == 0
    assert result.stdout.strip() == f"reader {__version__}"


def test_help_lists_the_database_option() -> None:
    result = run("--help")
    assert result.returncode == 0
    assert "--db" in result.stdout


def test_missing_file(tmp_path: Path) -> None:
    assert_one_line_error(run(str(tmp_path / "gone.txt")), "gone.txt", "no such file")


def test_missing_folder_among_several(tmp_path: Path) -> None:
    good = tmp_path / "good.txt"
    good.write_text("A sentence.", encoding="utf-8")
    assert_one_line_error(run(str(good), str(tmp_path / "nowhere")), "nowhere")


@pytest.mark.parametrize(
    ("name", "content", "problem"),
    [
        ("empty.txt", b"", "empty"),
        ("binary.txt", b"\x00\x01\x02\x03" * 100, "binary"),
        ("blank.txt", b"   \n\n  ", "no text"),
    ],
)
def test_bad_article_files(tmp_path: Path, name: str, content: bytes, problem: str) -> None:
    path = tmp_path / name
    path.write_bytes(content)
    assert_one_line_error(run(str(path)), name, problem)


def test_too_large(tmp_path: Path) -> None:
    path = tmp_path / "huge.txt"
    with path.open("wb") as handle:
        handle.truncate(9 * 1024 * 1024)
    assert_one_line_error(run(str(path)), "huge.txt", "limit")


def test_empty_standard_input() -> None:
    assert_one_line_error(run("-", stdin=b""), "-", "empty")


def test_database_path_that_is_a_folder(tmp_path: Path) -> None:
    article = tmp_path / "a.txt"
    article.write_text("A sentence.", encoding="utf-8")
    (tmp_path / "db").mkdir()
    assert_one_line_error(run(str(article), "--db", str(tmp_path / "db")), "db")


def test_file_name_with_escape_sequences_is_inert(tmp_path: Path) -> None:
    result = run(str(tmp_path / "evil\x1b]0;title\x07.txt"))
    assert result.returncode == 2
    assert "\x1b" not in result.stderr and "\x07" not in result.stderr
    assert "␛" in result.stderr


def test_main_returns_2_in_process(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main([str(tmp_path / "gone.md")]) == 2
    assert "gone.md" in capsys.readouterr().err


def test_core_never_imports_textual() -> None:
    code = (
        "import sys, reader.article, reader.store, reader.inert, reader.paths, reader.cli\n"
        "import reader.extract, reader.exchange.commands, reader.__main__\n"
        "assert 'textual' not in sys.modules, 'core imported textual'\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True, timeout=60)


def test_every_subcommand_is_listed_where_the_entry_point_looks() -> None:
    from reader.__main__ import COMMANDS, subcommand
    from reader.exchange.commands import EXCHANGE_COMMANDS
    from reader.extract.command import EXTRACT_COMMANDS
    from reader.index.command import INDEX_COMMANDS
    from reader.sources.command import FETCH_COMMANDS
    from reader.sources.feeds_command import FEEDS_COMMANDS

    every = {
        **EXTRACT_COMMANDS,
        **EXCHANGE_COMMANDS,
        **FETCH_COMMANDS,
        **FEEDS_COMMANDS,
        **INDEX_COMMANDS,
    }
    assert sorted(COMMANDS) == sorted(every)
    for name in COMMANDS:
        assert subcommand(name) == every[name]
