"""Bytes ``reader`` writes to the terminal, and key-to-screen time over SSH on loopback.

Runs the installed ``reader`` in a real pseudo-terminal (``tests/e2e/terminal.py``, screen kept
in ``pyte``) on a long synthetic news-wire article and counts the bytes written for:

* the first paint (start until the status line is up and output has been quiet for 0.3 s);
* one caret step (``j``: the median over several steps);
* one page down (``space``: the median over several pages);

at 80x24 and 200x60. A *screenful* is the first paint's byte count at that size. Then, if
OpenSSH's server is installed, the same ``reader`` is started through ``ssh`` on loopback
(``tests/e2e/sshd.py``) and the time from writing ``j`` to the changed status line appearing on
the client's screen is measured (and the same locally, for comparison).

Usage::

    python benchmarks/bench_bytes.py            # print the table
    python benchmarks/bench_bytes.py --check    # exit 1 if a generous bound is broken
    python benchmarks/bench_bytes.py --no-ssh   # pty only

Goals (issue 7): a caret step under 2 KB at 200x60; a page down under one screenful. ``--check``
uses bounds twice as loose, so that a noisy machine does not fail it; the table says whether
each goal itself is met.
"""

from __future__ import annotations

import argparse
import os
import re
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from tests.e2e.sshd import SSHServer, unavailable  # noqa: E402
from tests.e2e.terminal import Terminal  # noqa: E402

READER = Path(sys.executable).parent / "reader"
SIZES = ((80, 24), (200, 60))
STEP_GOAL = 2048
STATUS = re.compile(r"sentence (\d+)/(\d+)")

WORDS = [
    *("harbour", "council", "ferry", "budget", "river", "station", "county", "engineers"),
    *("residents", "market", "bridge", "winter", "schedule", "committee", "mayor", "workers"),
    *("route", "evening", "report", "planners", "tram", "school", "hospital", "timetable"),
    *("funding", "village", "coast", "museum", "library", "festival", "vote"),
]


def make_article(paragraphs: int = 60) -> str:
    """A long, deterministic news-wire article: a date line, a dateline, plain paragraphs."""
    out = []
    n = 0
    for p in range(paragraphs):
        sentences = []
        for s in range(4):
            words = [WORDS[(n * 7 + k * 3 + p) % len(WORDS)] for k in range(12 + (s * 5) % 9)]
            n += 1
            sentences.append(" ".join(words).capitalize() + ".")
        out.append(" ".join(sentences))
    return " date 2025-04-01 BERGEN, Norway (AP) — " + "\n\n".join(out)


def _sentence(screen: str) -> int:
    found = STATUS.search(screen)
    return int(found.group(1)) if found else -1


def _quiet_bytes(term: Terminal, mark: int) -> int:
    return term.wait_quiet(0.3) - mark


def measure_bytes(article: Path, db: Path, columns: int, lines: int, reps: int) -> dict:
    argv = [str(READER), "--db", str(db), str(article)]
    with Terminal(argv, columns=columns, lines=lines, cwd=article.parent) as term:
        term.wait_until(lambda s: _sentence(s) == 1, what="the first sentence")
        first = term.wait_quiet(0.3)
        steps = []
        for _ in range(reps):
            before = _sentence(term.screen_text())
            mark = term.raw_size()
            term.send("j")
            term.wait_until(lambda s, b=before: _sentence(s) == b + 1, what="the next sentence")
            steps.append(_quiet_bytes(term, mark))
        pages = []
        for _ in range(reps):
            before = _sentence(term.screen_text())
            mark = term.raw_size()
            term.send(" ")
            term.wait_until(lambda s, b=before: _sentence(s) > b, what="the page to turn")
            pages.append(_quiet_bytes(term, mark))
        term.send("q")
        term.wait_exit(10)
    return {
        "first": first,
        "step": statistics.median(steps),
        "step_max": max(steps),
        "page": statistics.median(pages),
        "page_max": max(pages),
    }


def key_to_screen(make: Callable[[], Terminal], reps: int) -> list[float]:
    """Seconds from writing ``j`` to the status line showing the next sentence, per step."""
    times = []
    with make() as term:
        term.wait_until(lambda s: _sentence(s) >= 1, what="the article", timeout=20)
        term.wait_quiet(0.3)
        for _ in range(reps):
            before = _sentence(term.screen_text())
            start = time.perf_counter()
            term.send("j")
            deadline = start + 10
            while _sentence(term.screen_text()) != before + 1:
                if time.perf_counter() > deadline:
                    raise AssertionError("no change on screen after 10 s")
                time.sleep(0.0005)
            times.append(time.perf_counter() - start)
            term.wait_quiet(0.15)
        term.send("q")
        term.wait_exit(15)
    return times


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--check", action="store_true", help="exit 1 if a bound is broken")
    parser.add_argument("--reps", type=int, default=5, help="steps and pages to measure")
    parser.add_argument("--ssh-reps", type=int, default=20, help="key presses timed over SSH")
    parser.add_argument("--no-ssh", action="store_true", help="skip the SSH measurement")
    args = parser.parse_args()
    if not READER.exists():
        print(f"the reader command is not installed beside {sys.executable}", file=sys.stderr)
        return 2

    failures: list[str] = []
    with tempfile.TemporaryDirectory(prefix="bench-bytes-") as tmp:
        root = Path(tmp)
        os.chmod(root, 0o755)
        article = root / "long.txt"
        article.write_text(make_article(), encoding="utf-8")
        os.environ["READER_DB"] = str(root / "env.json")

        print("Bytes written to the terminal (TERM=xterm-256color; medians)")
        print(f"{'size':>8} {'first paint':>12} {'caret step':>11} {'page down':>10}  goals")
        for columns, lines in SIZES:
            db = root / f"db-{columns}x{lines}.json"
            got = measure_bytes(article, db, columns, lines, args.reps)
            step_ok = got["step"] < STEP_GOAL if columns == 200 else True
            page_ok = got["page"] < got["first"]
            goals = []
            if columns == 200:
                goals.append(f"step<{STEP_GOAL}: {'met' if step_ok else 'NOT met'}")
            goals.append(f"page<screenful: {'met' if page_ok else 'NOT met'}")
            print(
                f"{columns}x{lines:<5} {got['first']:>12,} {got['step']:>11,.0f} "
                f"{got['page']:>10,.0f}  {'; '.join(goals)}"
            )
            if columns == 200 and got["step"] >= 2 * STEP_GOAL:
                failures.append(f"caret step at 200x60: {got['step']:.0f} B >= {2 * STEP_GOAL}")
            if got["page"] >= 2 * got["first"]:
                failures.append(f"page down at {columns}x{lines}: {got['page']:.0f} B")

        print()
        local_db = root / "latency-local.json"
        local = key_to_screen(
            lambda: Terminal(
                [str(READER), "--db", str(local_db), str(article)], columns=80, lines=24
            ),
            args.ssh_reps,
        )
        _print_latency("local pty, 80x24", local)
        problem = "--no-ssh" if args.no_ssh else unavailable()
        if problem:
            print(f"SSH key-to-screen time: skipped ({problem})")
        else:
            server = SSHServer(root / "sshd")
            try:
                server.start()
            except RuntimeError as error:
                print(f"SSH key-to-screen time: skipped (sshd would not start: {error})")
            else:
                try:
                    ssh_db = root / "latency-ssh.json"
                    remote = key_to_screen(
                        lambda: Terminal(
                            server.ssh_argv(["reader", "--db", str(ssh_db), str(article)]),
                            columns=80,
                            lines=24,
                        ),
                        args.ssh_reps,
                    )
                finally:
                    server.stop()
                _print_latency("ssh on loopback, 80x24", remote)
                if statistics.median(remote) > 0.5:
                    failures.append(f"ssh key-to-screen median {statistics.median(remote):.3f} s")

    if args.check:
        print()
        print("Check: " + ("PASS" if not failures else "FAIL: " + "; ".join(failures)))
    return 1 if args.check and failures else 0


def _print_latency(label: str, times: list[float]) -> None:
    ordered = sorted(times)
    p90 = ordered[min(len(ordered) - 1, int(0.9 * len(ordered)))]
    print(
        f"Key-to-screen ({label}, j, n={len(times)}): median {statistics.median(times) * 1000:.1f}"
        f" ms, p90 {p90 * 1000:.1f} ms, max {ordered[-1] * 1000:.1f} ms"
    )


if __name__ == "__main__":
    sys.exit(main())
