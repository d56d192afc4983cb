"""Extraction speed on real news: ``reader extract --format jsonl`` over folders of articles.

Run from the repository root::

    python benchmarks/bench_extract_news.py [FOLDER ...] [--against TREE] [--reps N] [--check]

FOLDER holds real news articles as text files (searched recursively). Without one, the text
folders of PolNeAR train and dev under ``$READER_POLNEAR`` are used (the real US news of the
quotes scorer, about 920 articles, 6 MB); with neither, the script says so and exits 0. Real
news is not part of the project: fetch it yourself.

Two measurements, each the best of ``--reps`` runs, in fresh processes on one core:

- *in process*: ``extract_entities``, ``extract_quotes`` and both, over every article's text
  (read and parsed before the clock starts), in MB of UTF-8 text per second;
- *command*: the whole ``python -m reader extract FOLDER... --format jsonl`` as a user runs it,
  from start to exit, output to a file: starting Python, reading and parsing each file,
  extracting and writing JSON. Its rate is the articles' text over that time.

``--against TREE`` runs the same measurements, interleaved (each run of one tree's is followed by
one of the other's), with the ``reader`` package of another checkout (a ``git worktree`` of an
older commit, say), so that a change is measured side by side on a shared machine. Goal: the
command at ≥ 1 MB/s with entities and quotes together.
``--check`` exits 1 when the command is slower than 0.5 MB/s (a generous bound for CI machines).
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
GOAL = 1.0
CHECK_BOUND = 0.5

#: Times the extractors in a fresh process of the tree named by PYTHONPATH; prints JSON.
_IN_PROCESS = """
import json, sys, time
from reader.article import load_article
from reader.extract import extract_entities, extract_quotes
texts = [load_article(p).text for p in sys.argv[2:]]
size = sum(len(t.encode("utf-8")) for t in texts) / 1e6
reps = int(sys.argv[1])
extract_quotes(texts[0], extract_entities(texts[0]))
def best(step):
    times = []
    for _ in range(reps):
        t0 = time.perf_counter()
        step()
        times.append(time.perf_counter() - t0)
    return min(times)
ents = [extract_entities(t) for t in texts]
out = {
    "mb": size,
    "entities": best(lambda: [extract_entities(t) for t in texts]),
    "quotes": best(lambda: [extract_quotes(t, e) for t, e in zip(texts, ents)]),
    "both": best(lambda: [extract_quotes(t, extract_entities(t)) for t in texts]),
}
print(json.dumps(out))
"""


def article_files(folders: list[Path]) -> list[Path]:
    """Every text file under the folders, in a stable order."""
    return sorted(p for folder in folders for p in folder.rglob("*.txt") if p.is_file())


def default_folders() -> list[Path]:
    """PolNeAR's train and dev text folders under ``$READER_POLNEAR``, if they are there."""
    base = os.environ.get("READER_POLNEAR")
    if not base:
        return []
    return [
        Path(base) / split / "text"
        for split in ("train", "dev")
        if (Path(base) / split / "text").is_dir()
    ]


def env_for(tree: Path) -> dict[str, str]:
    """The environment that makes ``python`` import ``reader`` from ``tree``, on one core."""
    env = dict(os.environ, PYTHONPATH=str(tree), PYTHONHASHSEED="0")
    env.pop("READER_DB", None)
    # No library index: ``reader extract`` would read unchanged articles from one, and this
    # measures extracting them.
    env["READER_INDEX"] = os.path.join(tempfile.gettempdir(), "reader-bench-no-index.sqlite3")
    return env


def one_core() -> list[str]:
    """A prefix that pins a command to one core where ``taskset`` exists (Linux)."""
    if sys.platform.startswith("linux") and any(
        (Path(d) / "taskset").exists() for d in os.environ.get("PATH", "").split(os.pathsep)
    ):
        return ["taskset", "-c", "0"]
    return []


def in_process(tree: Path, files: list[Path], reps: int) -> dict[str, float]:
    cmd = [*one_core(), sys.executable, "-c", _IN_PROCESS, str(reps), *map(str, files)]
    done = subprocess.run(cmd, env=env_for(tree), capture_output=True, text=True, check=True)
    return json.loads(done.stdout)


def command(tree: Path, folders: list[Path], db: Path) -> float:
    """Seconds for the whole ``reader extract`` command, start to exit."""
    cmd = [*one_core(), sys.executable, "-m", "reader", "extract", *map(str, folders)]
    cmd += ["--format", "jsonl", "--db", str(db)]
    with tempfile.TemporaryFile() as out:
        t0 = time.perf_counter()
        subprocess.run(cmd, env=env_for(tree), stdout=out, stderr=subprocess.DEVNULL, check=False)
        return time.perf_counter() - t0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("folders", nargs="*", type=Path, metavar="FOLDER")
    parser.add_argument("--against", type=Path, metavar="TREE", help="another checkout to compare")
    parser.add_argument("--reps", type=int, default=3)
    parser.add_argument("--check", action="store_true")
    args = parser.parse_args(argv)
    folders = args.folders or default_folders()
    files = article_files(folders)
    if not files:
        print(
            "skipped: give folders of news articles, or set READER_POLNEAR to PolNeAR's data folder"
        )
        return 0
    trees = [("this tree", ROOT)] + ([("against", args.against.resolve())] if args.against else [])
    results: dict[str, dict[str, float]] = {}
    commands: dict[str, list[float]] = {label: [] for label, _ in trees}
    with tempfile.TemporaryDirectory() as tmp:
        db = Path(tmp) / "reader.json"
        for rep in range(args.reps):  # interleaved too: a shared machine's load comes and goes
            for label, tree in trees if rep % 2 == 0 else list(reversed(trees)):
                found = in_process(tree, files, 1)
                best = results.setdefault(label, found)
                for key, seconds in found.items():
                    best[key] = min(best[key], seconds)
        for _ in range(args.reps):
            for label, tree in trees if _ % 2 == 0 else list(reversed(trees)):
                commands[label].append(command(tree, folders, db))
    mb = results["this tree"]["mb"]
    print(f"{len(files)} articles, {mb:.2f} MB of text; best of {args.reps}, one core")
    print(f"{'':12} {'entities':>10} {'quotes':>10} {'both':>10} {'command':>10}  (MB/s)")
    for label, _ in trees:
        r = results[label]
        rates = [mb / r[k] for k in ("entities", "quotes", "both")] + [mb / min(commands[label])]
        print(f"{label:12} " + " ".join(f"{rate:10.2f}" for rate in rates))
    rate = mb / min(commands["this tree"])
    print(f"goal: the command at >= {GOAL} MB/s: {'met' if rate >= GOAL else 'not met'}")
    if args.check and rate < CHECK_BOUND:
        print(f"Check: FAIL (command {rate:.2f} MB/s < {CHECK_BOUND})")
        return 1
    if args.check:
        print("Check: PASS")
    return 0


if __name__ == "__main__":
    sys.exit(main())
