"""Start-up as a user meets it: from ``exec`` to the article on screen in a real terminal.

Run from the repository root::

    python benchmarks/bench_startup.py                    # 15 interleaved runs of each
    python benchmarks/bench_startup.py --quick            # 5 runs of each
    python benchmarks/bench_startup.py --against TREE     # also another checkout, in the same runs
    python benchmarks/bench_startup.py --check            # exit 1 past the generous bound below

Each run starts a fresh interpreter in a pseudo-terminal of 120x40 (``TERM=xterm-256color``) and
reads what it writes until the first words of what it shows appear in those bytes, once the
escape sequences are taken out; the time from just before ``exec`` to then is the run's time.
Then the process is stopped (``SIGTERM``) and the next run starts.

* *reader, article*: ``python -m reader ARTICLE`` on a 3 KB news-wire article (written here),
  until the article's first words are on screen.
* *reader, no arguments*: ``python -m reader``, the bundled samples, until the title of one
  of them is on screen.
* *bare*: an ``App`` with a ``Static`` of the same article's text and a ``Footer``, started the
  same way, until the article's first words are on screen.

The sides of a case run interleaved (ours, bare, bare, ours, ...) after one untimed warm-up run
each, and the table shows medians and the ratio of the medians, so that a noisy shared machine
moves every side alike. ``--against TREE`` adds ``reader`` from another checkout to both cases.
Bytecode is cached as for an installed program (``PYTHONDONTWRITEBYTECODE`` is dropped, so the
warm-up runs write it). Every run uses a temporary annotation file (``--db``), never the user's.
Beside the ratio of the medians (the figure the goals are about), the table shows the median of
the ratios of runs in the same round (*paired*) and the ratio of the fastest runs (*of mins*),
which a busy machine moves least.

Goals (issue 16): the article within 1.10x of the bare app, no arguments within 1.15x.
``--check`` fails when the ratio of the fastest runs is past 2.0x for either: generous on
purpose, so that only a real regression (such as the extractor imported before the first frame
again) fails it on a busy machine.
"""

from __future__ import annotations

import argparse
import contextlib
import fcntl
import os
import re
import select
import shutil
import signal
import statistics
import struct
import subprocess
import sys
import tempfile
import termios
import time
from dataclasses import dataclass
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
COLUMNS, LINES = 120, 40
#: Where the runs keep their library index (removed at the end).
INDEX_FOLDER = Path(tempfile.mkdtemp(prefix="reader-bench-startup-"))
ARTICLE_GOAL, SAMPLES_GOAL = 1.10, 1.15
CHECK_BOUND = 2.0
#: Seconds a run may take before it counts as hung.
TIMEOUT = 30.0

ARTICLE = (
    " date 2025-10-14 TROMSØ, Norway (AP) — Fishermen in northern Norway said Tuesday they would "
    "keep their boats in harbour for a second week after a sudden drop in sea temperature drove "
    "the autumn cod shoals farther offshore than at any time in the past twenty years.\n\n"
    "The cooperative that sells most of the catch landed along the coast said deliveries had "
    "fallen by more than half since the start of the month. Its chair, Solveig Arntzen, told "
    "reporters at the quay that smaller boats could not safely follow the fish into open water."
    "\n\n"
    "“We can chase them out there, but not with a crew of two in a twelve-metre boat,” Arntzen "
    "said. “Nobody is going to drown for a few extra tonnes of cod.”\n\n"
    "Marine scientists at the regional institute said a band of cold water had pushed in from "
    "the north during a week of strong winds. Researcher Henrik Valle said the shoals usually "
    "return once the water settles, but that the timing was hard to predict this late in the "
    "season.\n\n"
    "“The fish are not gone; they are simply somewhere else for now,” Valle said. He added that "
    "the institute would send a survey vessel along the coast on Thursday to measure "
    "temperatures at several depths.\n\n"
    "The fisheries ministry said it was following the situation and would consider extending "
    "the season by two weeks if the shoals came back before the end of November. A "
    "spokesperson, Ingrid Moe, said no decision would be taken before the survey results were "
    "in.\n\n"
    "Processing plants in three towns have already sent part of their staff home. The manager "
    "of one plant, Tor Eilertsen, said the workers would be paid for the first ten days under "
    "an agreement with the union, but that the plant could not keep that up for long.\n\n"
    "“If the boats stay in for a month, we will have to think again about the whole winter,” "
    "Eilertsen said. Local officials said they would meet the cooperative on Friday to discuss "
    "short-term loans for crews that had already bought fuel and bait for the season.\n\n"
    "Some larger trawlers based farther south have continued to fish, and buyers said prices at "
    "the morning auction had risen by about a fifth since last week. The cooperative said it "
    "feared that buyers would turn to imported fish if the local supply did not recover soon."
    "\n\n"
    "Older fishermen on the quay said they remembered a similar autumn in the early 2000s, when "
    "the cod came back in the last days of the season. “We waited then, too,” said one of "
    "them, Per Olav Nilsen, who has fished from the same harbour for forty-one years. “Most of "
    "us are still here.”\n\n"
    "The harbour master, Kari Johansen, said the quay would stay open to visiting boats and "
    "that the town would waive mooring fees for local crews until the end of the year. “It is a "
    "small thing, but it is what we can do this week,” she said. The survey vessel is due back "
    "in port on Saturday evening, and its first readings are expected early next week."
)
#: What every side waits for: the first words of the article (for ``reader`` with no arguments,
#: of a sample's title; see :func:`sample_titles`).
FIRST_WORDS = "Fishermen in northern Norway"

BARE_APP = """
import sys
from pathlib import Path

from textual.app import App, ComposeResult
from textual.widgets import Footer, Static


class Bare(App[None]):
    def __init__(self, text: str) -> None:
        super().__init__()
        self.text = text

    def compose(self) -> ComposeResult:
        yield Static(self.text, markup=False)
        yield Footer()


Bare(Path(sys.argv[1]).read_text(encoding="utf-8")).run()
"""

#: Escape sequences: CSI (colours, cursor moves, modes), OSC (titles, clipboard), and two-byte ones.
ESCAPES = re.compile(rb"\x1b\[[0-?]*[ -/]*[@-~]|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)|\x1b[@-Z\\-_]")


@dataclass
class Side:
    """One program being timed: its command line, the tree it imports from, what it waits for."""

    label: str
    argv: list[str]
    tree: Path
    needles: list[bytes]
    times: list[float]


def _make_controlling_terminal() -> None:
    fcntl.ioctl(0, termios.TIOCSCTTY, 0)


def _environment(tree: Path) -> dict[str, str]:
    env = dict(os.environ, PYTHONPATH=str(tree), TERM="xterm-256color", LANG="C.UTF-8")
    env["LC_ALL"] = "C.UTF-8"
    # Bytecode is written and used, as it is for an installed ``reader``: the warm-up run writes
    # it, so no timed run compiles source.
    for name in ("COLUMNS", "LINES", "NO_COLOR", "TEXTUAL", "READER_DB", "PYTHONDONTWRITEBYTECODE"):
        env.pop(name, None)
    # A library index of the runs' own, apart from the user's (the samples are too few to be
    # indexed, but nothing here may touch the user's files).
    env["READER_INDEX"] = str(INDEX_FOLDER / f"index-{tree.name}.sqlite3")
    return env


def time_to_text(argv: list[str], tree: Path, needles: list[bytes], cwd: Path) -> float:
    """Seconds from just before ``exec`` until one of ``needles`` is in what the program drew."""
    master, slave = os.openpty()
    fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", LINES, COLUMNS, 0, 0))
    env = _environment(tree)
    started = time.perf_counter()
    process = subprocess.Popen(
        argv,
        stdin=slave,
        stdout=slave,
        stderr=slave,
        env=env,
        cwd=cwd,
        start_new_session=True,
        preexec_fn=_make_controlling_terminal,
        close_fds=True,
    )
    os.close(slave)
    drawn = bytearray()
    found: float | None = None
    try:
        while found is None:
            if time.perf_counter() - started > TIMEOUT:
                raise RuntimeError(f"{argv}: nothing like {needles} on screen after {TIMEOUT}s")
            ready, _, _ = select.select([master], [], [], 1.0)
            if not ready:
                continue
            try:
                data = os.read(master, 1 << 16)
            except OSError:  # EIO: the program exited
                data = b""
            if not data:
                raise RuntimeError(f"{argv} exited: {ESCAPES.sub(b'', bytes(drawn))[-500:]!r}")
            drawn += data
            text = ESCAPES.sub(b"", drawn)
            if any(needle in text for needle in needles):
                found = time.perf_counter() - started
    finally:
        _stop(process, master)
    return found


def _stop(process: subprocess.Popen[bytes], master: int) -> None:
    """SIGTERM, reading what it still writes so that it never blocks on a full terminal."""
    if process.poll() is None:
        process.send_signal(signal.SIGTERM)
    deadline = time.perf_counter() + 10
    while process.poll() is None and time.perf_counter() < deadline:
        ready, _, _ = select.select([master], [], [], 0.05)
        if ready:
            with contextlib.suppress(OSError):
                os.read(master, 1 << 16)
    if process.poll() is None:
        process.kill()
    process.wait()
    os.close(master)


def sample_titles(tree: Path) -> list[bytes]:
    """The first words of each bundled sample's title, as the library lists them."""
    code = (
        "from reader.article import summarize, iter_article_files\n"
        "from reader.paths import samples_dir\n"
        "for path in iter_article_files(samples_dir()):\n"
        "    print(' '.join(summarize(path).title.split()[:3]))\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", code],
        env=_environment(tree),
        capture_output=True,
        text=True,
        check=True,
    )
    return [line.encode() for line in done.stdout.splitlines() if line]


def run_case(sides: list[Side], reps: int, cwd: Path) -> None:
    """A warm-up run of each side, then ``reps`` timed runs of each, in a rotating order."""
    for side in sides:
        time_to_text(side.argv, side.tree, side.needles, cwd)
    for rep in range(reps):
        order = sides if rep % 2 == 0 else list(reversed(sides))
        for side in order:
            side.times.append(time_to_text(side.argv, side.tree, side.needles, cwd))
            print(".", end="", file=sys.stderr, flush=True)
    print(file=sys.stderr)


def _ms(seconds: float) -> str:
    return f"{seconds * 1000:6.0f}ms"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--quick", action="store_true", help="5 runs of each, not 15")
    parser.add_argument("--reps", type=int, help="timed runs of each side")
    parser.add_argument("--against", type=Path, metavar="TREE", help="another checkout to compare")
    parser.add_argument("--check", action="store_true", help=f"exit 1 past {CHECK_BOUND}x")
    args = parser.parse_args(argv)
    reps = args.reps or (5 if args.quick else 15)
    trees = [("reader", REPO)]
    if args.against:
        trees.append(("reader (against)", args.against.resolve()))

    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        article = folder / "cod-shoals.txt"
        article.write_text(ARTICLE, encoding="utf-8")
        bare_script = folder / "bare.py"
        bare_script.write_text(BARE_APP, encoding="utf-8")
        first = [FIRST_WORDS.encode()]
        bare = [sys.executable, str(bare_script), str(article)]

        def ours(label: str, *paths: str) -> list[str]:
            db = folder / f"{label.replace(' ', '-')}.json"
            return [sys.executable, "-m", "reader", *paths, "--db", str(db)]

        cases = {
            "article": [
                *(Side(f"{lb}, article", ours(lb, str(article)), t, first, []) for lb, t in trees),
                Side("bare", bare, REPO, first, []),
            ],
            "no arguments": [
                *(
                    Side(f"{lb}, no arguments", ours(lb), t, sample_titles(t), [])
                    for lb, t in trees
                ),
                Side("bare", bare, REPO, first, []),
            ],
        }
        for name, sides in cases.items():
            print(f"{name}: {reps} runs of each", file=sys.stderr)
            run_case(sides, reps, folder)

    print(f"Start-up to the first words on screen: {COLUMNS}x{LINES} pty, {reps} runs of each")
    print(f"{'':30} {'median':>8} {'min':>8} {'ratio':>7} {'paired':>7} {'of mins':>7}  goal")
    failed = []
    for name, sides in cases.items():
        goal = ARTICLE_GOAL if name == "article" else SAMPLES_GOAL
        bare = sides[-1].times
        for side in sides[:-1]:
            ratio = statistics.median(side.times) / statistics.median(bare)
            paired = statistics.median(a / b for a, b in zip(side.times, bare, strict=True))
            of_mins = min(side.times) / min(bare)
            met = "met" if ratio <= goal else "not met"
            print(
                f"{side.label:30} {_ms(statistics.median(side.times))} {_ms(min(side.times))} "
                f"{ratio:6.2f}x {paired:6.2f}x {of_mins:6.2f}x  <= {goal:.2f}x {met}"
            )
            if side.tree == REPO and of_mins > CHECK_BOUND:
                failed.append(f"{name} {of_mins:.2f}x > {CHECK_BOUND}x")
        print(f"{'bare (' + name + ')':30} {_ms(statistics.median(bare))} {_ms(min(bare))}")
    if args.check:
        print(f"Check: FAIL ({'; '.join(failed)})" if failed else "Check: PASS")
        return 1 if failed else 0
    return 0


if __name__ == "__main__":
    try:
        sys.exit(main())
    finally:
        shutil.rmtree(INDEX_FOLDER, ignore_errors=True)
