"""The corpus recipe on Dask gives what ``reader extract --format jsonl`` gives, byte for byte."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from reader.extract.report import extract_report
from tests.index.test_index import HARBOUR, KELLER, KELLER_AGAIN

distributed = pytest.importorskip("distributed")


def test_the_pure_entry_point_is_what_extract_prints(tmp_path: Path) -> None:
    import json

    path = tmp_path / "keller.txt"
    path.write_text(KELLER, encoding="utf-8")
    printed = subprocess.run(
        [sys.executable, "-m", "reader", "extract", "--format", "jsonl", str(path)],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    assert json.dumps(extract_report(KELLER, path=str(path)), ensure_ascii=False) + "\n" == printed


def test_a_folder_on_a_two_worker_cluster_matches_the_command(tmp_path: Path) -> None:
    from reader.extract.on_dask import extract_folder, jsonl

    news = tmp_path / "news"
    for i, text in enumerate([KELLER, KELLER_AGAIN, HARBOUR] * 3):
        (news / f"{i // 4}").mkdir(parents=True, exist_ok=True)
        (news / f"{i // 4}" / f"{i:02d}.txt").write_text(text, encoding="utf-8")
    (news / "empty.txt").write_text("  \n", encoding="utf-8")
    command = subprocess.run(
        [sys.executable, "-m", "reader", "extract", "--format", "jsonl", str(news)],
        capture_output=True,
        text=True,
    )
    with (
        distributed.LocalCluster(
            n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None
        ) as cluster,
        distributed.Client(cluster) as client,
    ):
        outcomes = extract_folder(news, client)
    lines = [line for ok, line in jsonl(outcomes) if ok]
    problems = [line for ok, line in jsonl(outcomes) if not ok]
    assert "\n".join(lines) + "\n" == command.stdout
    assert [f"reader: {p}" for p in problems] == command.stderr.strip().splitlines()
