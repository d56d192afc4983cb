"""``reader extract``: the JSON contract, streaming jsonl, the text summary and bad files."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

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
