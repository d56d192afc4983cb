"""``reader export``, ``reader import``, ``reader notes`` on the command line."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from exchange_helpers import Library

from reader.__main__ import main
from reader.exchange.notes import COLUMNS


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "reader", *args],
        capture_output=True,
        text=True,
        timeout=60,
        env=os.environ.copy(),
    )


def test_export_formats(library: Library, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["export", "--db", str(library.db)]) == 0
    assert capsys.readouterr().out.startswith("# Highlights")
    assert main(["export", str(library.second), "--format", "json", "--db", str(library.db)]) == 0
    data = json.loads(capsys.readouterr().out)
    assert [d["path"] for d in data["documents"]] == [str(library.second)]
    assert main(["export", "--format", "w3c", "--db", str(library.db)]) == 0
    assert json.loads(capsys.readouterr().out)["total"] == 3


def test_db_from_environment(library: Library, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("READER_DB", str(library.db))
    result = run("notes")
    assert result.returncode == 0 and len(result.stdout.splitlines()) == 3


def test_notes_one_line_each_and_grep(library: Library, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["notes", "--db", str(library.db)]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert len(lines) == 3
    assert all(len(line.split("\t")) == len(COLUMNS) for line in lines)
    ferry = next(line.split("\t") for line in lines if "ferry" in line)
    assert ferry[3] == "anchored" and ferry[7] == "Good news # not a heading"
    assert main(["notes", "--grep", "PLIMSOLL", "--db", str(library.db)]) == 0
    (line,) = capsys.readouterr().out.splitlines()
    assert "\tgreen\t" in line


def test_notes_says_a_highlight_whose_words_changed_and_how_much(
    library: Library, capsys: pytest.CaptureFixture[str]
) -> None:
    from exchange_helpers import FIRST

    library.first.write_text(FIRST.replace("close in June", "close in September"), encoding="utf-8")
    assert main(["notes", "--db", str(library.db)]) == 0
    rows = [line.split("\t") for line in capsys.readouterr().out.splitlines()]
    cinema = next(row for row in rows if "September" in row[6])
    assert cinema[3].startswith("changed:") and cinema[3].endswith("%")
    assert 60 <= int(cinema[3].removeprefix("changed:").removesuffix("%")) < 100
    assert sum(row[3] == "anchored" for row in rows) == len(rows) - 1


def test_import_round_trip_through_the_command_line(library: Library, tmp_path: Path) -> None:
    for kind in ("json", "w3c"):
        out = tmp_path / f"export.{kind}"
        done = run("export", "--format", kind, "--db", str(library.db))
        assert done.returncode == 0, done.stderr
        out.write_text(done.stdout, encoding="utf-8")
        fresh = tmp_path / f"fresh-{kind}.json"
        first = run("import", str(out), "--db", str(fresh))
        assert first.returncode == 0 and "3 added" in first.stdout
        again = run("import", str(out), "--db", str(fresh))
        assert "0 added, 0 updated, 3 unchanged" in again.stdout


@pytest.mark.parametrize(
    "args",
    [
        ("export", "/no/such/place"),
        ("import", "/no/such/file.json"),
        ("import", "README.md"),
        ("export", "--db", "/"),
    ],
)
def test_bad_input_is_one_line_and_exit_2(args: tuple[str, ...]) -> None:
    result = run(*args)
    assert result.returncode == 2
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("reader: ")
    assert "Traceback" not in result.stderr


def test_empty_database(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    db = str(tmp_path / "empty.json")
    assert main(["export", "--db", db]) == 0
    assert "No highlights yet" in capsys.readouterr().out
    assert main(["notes", "--db", db]) == 0
    assert capsys.readouterr().out == ""
    assert not Path(db).exists()  # reading creates nothing
