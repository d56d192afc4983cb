"""``reader extract``: the JSON contract, jsonl, the text summary, bad files, --jobs and --text."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from reader.paths import samples_dir

WIRE = (
    " date 2025-02-11 BERGEN, Norway (AP) — Norwegian Transport Minister Ola Brekke said on "
    "Monday that the ferry fleet would be replaced by 2030.\n\n"
    "“We cannot wait any longer,” Brekke told reporters in Oslo."
)


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "reader", "extract", *args],
        capture_output=True,
        text=True,
        timeout=120,
        env=os.environ.copy(),
    )


def test_json_follows_the_contract(tmp_path: Path) -> None:
    path = tmp_path / "ferry.txt"
    path.write_text(WIRE, encoding="utf-8")
    result = run(str(path))
    assert result.returncode == 0, result.stderr
    (report,) = json.loads(result.stdout)
    assert report["path"] == str(path)
    assert report["article"] == {
        "title": report["article"]["title"],
        "date": "2025-02-11",
        "dateline": "BERGEN, Norway",
        "source": "AP",
        "words": report["article"]["words"],
        "truncated": False,
    }
    people = {e["name"]: e for e in report["entities"] if e["type"] == "PERSON"}
    assert "Ola Brekke" in people
    brekke = people["Ola Brekke"]
    assert set(brekke) == {"name", "type", "aliases", "role", "mentions"}
    assert "Brekke" in brekke["aliases"]
    text = path.read_text(encoding="utf-8")
    for mention in brekke["mentions"]:
        assert text[mention["start"] : mention["end"]] == mention["text"]
    assert {e["type"] for e in report["entities"]} <= {"PERSON", "ORG", "PLACE", "GROUP"}


def test_jsonl_is_one_line_per_article_and_folders_recurse() -> None:
    result = run(str(samples_dir()), "--format", "jsonl")
    assert result.returncode == 0, result.stderr
    lines = result.stdout.strip().splitlines()
    assert len(lines) == len(list(samples_dir().glob("*.txt")))
    assert all(json.loads(line)["entities"] for line in lines)


def test_text_summary_groups_by_type(tmp_path: Path) -> None:
    path = tmp_path / "ferry.txt"
    path.write_text(WIRE, encoding="utf-8")
    result = run(str(path), "--format", "text")
    assert result.returncode == 0
    assert "  PERSON\n    Ola Brekke" in result.stdout


def test_bad_files_are_reported_and_skipped(tmp_path: Path) -> None:
    good = tmp_path / "ferry.txt"
    good.write_text(WIRE, encoding="utf-8")
    (tmp_path / "empty.txt").write_bytes(b"")
    result = run(str(tmp_path / "missing.txt"), str(tmp_path), "--format", "jsonl")
    assert result.returncode == 2
    assert len(result.stdout.strip().splitlines()) == 1
    errors = result.stderr.strip().splitlines()
    assert len(errors) == 2 and "Traceback" not in result.stderr
    assert any("missing.txt" in line for line in errors)
    assert any("empty.txt" in line for line in errors)


def test_no_articles_gives_an_empty_array(tmp_path: Path) -> None:
    result = run(str(tmp_path))
    assert result.returncode == 0
    assert json.loads(result.stdout) == []


# -- --jobs and --text --------------------------------------------------------------------------
FIXTURES = Path(__file__).parent / "fixtures" / "articles"

OTHER_WIRE = (
    " date 2024-06-03 TROMSØ, Norway (NTB) — The harbour office in Tromsø said on Friday that "
    "the new quay would open in the spring.\n\n"
    "“The work is on time,” said harbour master Sigrid Lie. She added that the Coastal "
    "Administration had approved the plans."
)


def mixed_folder(root: Path) -> Path:
    """Good articles of every form among bad files, the first one long so that later ones are done
    before it under ``--jobs``."""
    folder = root / "mixed"
    (folder / "sub").mkdir(parents=True)
    (folder / "a_long.txt").write_text(WIRE + ("\n\n" + WIRE.split("\n\n")[1]) * 60, "utf-8")
    (folder / "b_empty.txt").write_bytes(b"")
    for index in range(8):
        text = WIRE if index % 2 else OTHER_WIRE
        (folder / f"c_{index}.txt").write_text(text, encoding="utf-8")
    (folder / "d_binary.txt").write_bytes(b"\x00\x01\x02\x03 not text \xff\xfe" * 20)
    for fixture in sorted(FIXTURES.iterdir()):
        (folder / "sub" / fixture.name).write_bytes(fixture.read_bytes())
    (folder / "sub" / "e_blank.txt").write_text(" \n\n \n", encoding="utf-8")
    (folder / "z_ferry.txt").write_text(WIRE, encoding="utf-8")
    return folder


def run_with_input(stdin: str, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "reader", "extract", *args],
        input=stdin,
        capture_output=True,
        text=True,
        timeout=120,
        env=os.environ.copy(),
    )


@pytest.mark.parametrize("fmt", ["json", "jsonl", "text"])
def test_jobs_give_the_same_output_in_the_same_order(tmp_path: Path, fmt: str) -> None:
    folder = mixed_folder(tmp_path)
    paths = [str(tmp_path / "missing.txt"), str(folder), "-", str(folder / "c_1.txt")]
    serial = run_with_input(OTHER_WIRE, *paths, "--format", fmt)
    parallel = run_with_input(OTHER_WIRE, *paths, "--format", fmt, "--jobs", "3")
    assert serial.returncode == parallel.returncode == 2
    assert parallel.stdout == serial.stdout
    assert parallel.stderr.splitlines() == serial.stderr.splitlines()
    errors = serial.stderr.splitlines()
    assert [line.split("/")[-1].split(":")[0] for line in errors] == [
        "missing.txt",
        "b_empty.txt",
        "d_binary.txt",
        "e_blank.txt",
    ]
    assert "Traceback" not in parallel.stderr
    if fmt == "json":
        names = [Path(r["path"]).name for r in json.loads(serial.stdout)]
    elif fmt == "jsonl":
        names = [Path(json.loads(line)["path"]).name for line in serial.stdout.splitlines()]
    else:
        names = [Path(part.splitlines()[0]).name for part in serial.stdout.split("\n\n")]
    assert names[0] == "a_long.txt" and names[-2:] == ["-", "c_1.txt"]
    assert len(names) == 1 + 8 + len(list(FIXTURES.iterdir())) + 1 + 2


def test_text_adds_the_text_every_offset_indexes(tmp_path: Path) -> None:
    folder = mixed_folder(tmp_path)
    result = run(str(folder), "--format", "jsonl", "--text", "--jobs", "2")
    assert result.returncode == 2  # the bad files in the folder
    reports = [json.loads(line) for line in result.stdout.splitlines()]
    assert {Path(r["path"]).suffix for r in reports} == {".txt", ".md", ".html"}
    quotes = 0
    for report in reports:
        assert list(report)[:2] == ["path", "url"] and list(report)[-1] == "text"
        assert report["url"] is None
        text = report["text"]
        for entity in report["entities"]:
            for mention in entity["mentions"]:
                assert text[mention["start"] : mention["end"]] == mention["text"]
        for quote in report["quotes"]:
            quotes += 1
            assert text[quote["start"] : quote["end"]] == quote["text"]
    assert quotes
    ferry = next(r for r in reports if r["path"].endswith("z_ferry.txt"))
    assert ferry["text"] == WIRE
    page = next(r for r in reports if r["path"].endswith(".html"))
    assert "<" not in page["text"]  # the article text, not the markup

    plain = run(str(folder / "z_ferry.txt"))
    (report,) = json.loads(plain.stdout)
    assert "text" not in report and "url" not in report


def test_jobs_never_import_textual(tmp_path: Path) -> None:
    """The workers are forked from a parent that has loaded only the reading and extraction
    modules (elsewhere they import ``reader.__main__``, which imports no Textual either)."""
    path = tmp_path / "ferry.txt"
    path.write_text(WIRE, encoding="utf-8")
    code = (
        "import sys\n"
        "from reader.__main__ import main\n"
        f"assert main(['extract', {str(path)!r}, {str(path)!r}, '--jobs', '2']) == 0\n"
        "assert 'textual' not in sys.modules, 'extract imported textual'\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True, timeout=60, capture_output=True)


def test_a_folder_problem_keeps_its_place_among_the_files(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import reader.article
    from reader.extract.command import _extract_work
    from reader.sources.saved import SavedArticles

    def walk(root: Path, on_error: Callable[[Path, str], None]) -> Iterator[Path]:
        yield root / "a.txt"
        on_error(root / "locked", "permission denied")
        yield root / "b.txt"
        on_error(root / "last", "permission denied")

    monkeypatch.setattr(reader.article, "iter_article_files", walk)
    saved = SavedArticles(tmp_path / "articles")
    assert list(_extract_work([str(tmp_path), "-"], saved, offline=False)) == [
        str(tmp_path / "a.txt"),
        (False, f"{tmp_path / 'locked'}: permission denied"),
        str(tmp_path / "b.txt"),
        (False, f"{tmp_path / 'last'}: permission denied"),
        "-",
    ]


@pytest.mark.parametrize("value", ["0", "-1", "two", ""])
def test_bad_jobs_values_are_one_line(tmp_path: Path, value: str) -> None:
    path = tmp_path / "ferry.txt"
    path.write_text(WIRE, encoding="utf-8")
    result = run(str(path), f"--jobs={value}")
    assert result.returncode == 2
    assert result.stdout == ""
    (line,) = result.stderr.splitlines()
    assert "--jobs" in line and "Traceback" not in result.stderr


def long_corpus(root: Path, count: int = 300) -> Path:
    """Enough work that a run with ``--jobs 2`` is still going when the test acts."""
    folder = root / "corpus"
    folder.mkdir()
    body = WIRE + ("\n\n" + OTHER_WIRE.split("\n\n")[1]) * 30
    for index in range(count):
        (folder / f"{index:04d}.txt").write_text(body, encoding="utf-8")
    return folder


def start_in_own_group(*args: str) -> subprocess.Popen[bytes]:
    return subprocess.Popen(
        [sys.executable, "-m", "reader", "extract", *args],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        start_new_session=True,  # a group of its own, as a terminal's foreground job has
        env=os.environ.copy(),
    )


def assert_group_gone(pgid: int) -> None:
    """The command and every worker it started have ended."""
    deadline = time.monotonic() + 5
    while time.monotonic() < deadline:
        try:
            os.killpg(pgid, 0)
        except ProcessLookupError:
            return
        time.sleep(0.05)
    os.killpg(pgid, signal.SIGKILL)
    raise AssertionError("a process of the run was still there")


@pytest.mark.skipif(not hasattr(os, "killpg"), reason="process groups are POSIX")
def test_ctrl_c_stops_the_pool_quietly(tmp_path: Path) -> None:
    process = start_in_own_group(str(long_corpus(tmp_path)), "--format", "jsonl", "--jobs", "2")
    assert process.stdout is not None
    assert process.stdout.readline()
    os.killpg(process.pid, signal.SIGINT)  # what Ctrl-C in a terminal does
    _, stderr = process.communicate(timeout=30)
    assert process.returncode == 130
    assert stderr == b""
    assert_group_gone(process.pid)


@pytest.mark.skipif(not hasattr(os, "killpg"), reason="process groups are POSIX")
def test_a_closed_stdout_ends_the_run_quietly(tmp_path: Path) -> None:
    process = start_in_own_group(str(long_corpus(tmp_path)), "--format", "jsonl", "--jobs", "2")
    assert process.stdout is not None and process.stderr is not None
    assert process.stdout.readline()
    process.stdout.close()  # as `| head -1` does
    assert process.wait(timeout=30) == 0
    assert process.stderr.read() == b""
    assert_group_gone(process.pid)
