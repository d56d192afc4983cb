"""Reading-pane benchmarks: first paint against a bare Textual app, key latency, re-wrap time.

Run from the repository root::

    python benchmarks/bench_reading.py            # full run (a few minutes on a quiet machine)
    python benchmarks/bench_reading.py --quick    # 3 reps (3 KB: 7), 300 KB not 1 MB, 40 keys
    python benchmarks/bench_reading.py --json     # the same, as one JSON object on stdout
    python benchmarks/bench_reading.py --check    # exit 1 past the generous CI bounds below

Everything runs in-process and headless at 120x40 (``App.run_test``). The machine this runs on is
shared and noisy, so apps that are compared run interleaved (ours, bare, ours, bare, ...) in one
process after a warm-up run of each, and medians are reported.

**First paint** is the wall time from "start" to the end of the first compositor update in which
the widget that shows the article rendered lines holding text (``render_lines`` of that widget
returned a non-blank strip, then ``App._display`` was handed the update). Headless, so the ANSI
encoding of the frame for a real terminal is not included, for either app.

* ours: start → ``load_article(path)`` (read, decode, parse: sentences, paragraphs, hash, words) →
  ``AnnotationStore.open`` → ``make_app(store, article=...)`` → ``run_test`` → the ``ArticleView``
  painted. The load is also reported on its own.
* bare: start → ``Path.read_text`` → an ``App`` whose only widget is
  ``TextArea(text, read_only=True, soft_wrap=True)`` → ``run_test`` → the ``TextArea`` painted.
* static (for information): the same with ``Static(text)`` inside a ``VerticalScroll`` (Rich wraps
  the whole text up front).

**Key latency** (large article, our app): a ``Key`` event is handed to the headless driver exactly
as ``Pilot.press`` does; "key → frame" is the wall time until the first update that re-rendered the
``ArticleView``; "CPU" is the main thread's CPU time (``time.thread_time``) over that interval, i.e.
handler + message handling + render without Textual's frame pacing (screen updates are batched on a
timer of up to 1/60 s). "pilot" is ``await pilot.press(key); await pilot.pause()`` as a test would
do it; it includes the harness's idle detection (each wait sleeps >= 20 ms), so it is reported for
information only. "pure" is the in-process cost of one step without the compositor:
``view.action_sentence(1)`` / ``view.action_page(1)`` then ``view.render_line(y)`` for every visible
row.

**Re-wrap**: ``Layout(article, width)`` for the large article at widths 80 and 200 (what a resize
costs before the repaint).
"""

from __future__ import annotations

import argparse
import asyncio
import gc
import json
import os
import platform
import statistics
import sys
import tempfile
import time
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).parent))
import corpus
import textual
from textual import events
from textual.app import App, ComposeResult
from textual.containers import VerticalScroll
from textual.geometry import Region
from textual.pilot import Pilot
from textual.strip import Strip
from textual.widget import Widget
from textual.widgets import Static, TextArea

from reader.article import load_article
from reader.store import AnnotationStore
from reader.ui.app import make_app
from reader.ui.widgets.article_view import ArticleView
from reader.ui.wrap import Layout

SIZE = (120, 40)
SMALL_CHARS = 3_000
LARGE_CHARS = 1_000_000
QUICK_LARGE_CHARS = 300_000
QUICK_REPS = 3
QUICK_SMALL_REPS = 7
#: ``--check`` bounds: generous, so a noisy CI box only fails on a real (about 2x) regression.
CHECK_PAINT_RATIO = 2.0
#: The 3 KB ratio measures fixed costs (the reading screen builds a header, side column, outline,
#: search bar, status line and footer; the bare app one widget): 2.7-4 as the side column grew, so
#: its bound is looser. A doubling of our 3 KB first paint still crosses it.
CHECK_SMALL_PAINT_RATIO = 6.0
#: The issue's goals, reported (not enforced): first paint within 1.25x, a caret step in a frame.
GOAL_PAINT_RATIO = 1.25
GOAL_STEP_MS = 16.0
CHECK_STEP_P95_MS = 50.0
PAINT_TIMEOUT = 120.0
KEY_TIMEOUT = 10.0


# -- the paint probe ---------------------------------------------------------------------------


class PaintProbe:
    """Timestamps the first frame, after :meth:`arm`, in which a watched widget drew text.

    ``render_lines`` of the watched classes is wrapped (it is what the compositor calls for every
    widget it draws) and so is ``App._display`` (called once per compositor update, headless too).
    """

    def __init__(self) -> None:
        self.watched: type[Widget] | None = None
        self.drew = False
        self.frame_at: float | None = None
        self.frame_cpu: float | None = None
        self.frame_process_cpu: float | None = None
        self.event: asyncio.Event | None = None
        self._restore: list[tuple[type, str, Any]] = []

    def install(self, *classes: type[Widget]) -> None:
        probe = self
        for cls in classes:
            original = cls.render_lines

            def render_lines(
                widget: Widget, crop: Region, _original: Callable[..., list[Strip]] = original
            ) -> list[Strip]:
                lines = _original(widget, crop)
                if (
                    probe.watched is not None
                    and not probe.drew
                    and isinstance(widget, probe.watched)
                    and any(strip.text.strip() for strip in lines)
                ):
                    probe.drew = True
                return lines

            self._restore.append((cls, "render_lines", cls.__dict__.get("render_lines")))
            cls.render_lines = render_lines  # type: ignore[method-assign]

        original_display = App._display

        def _display(app: App[Any], screen: Any, renderable: Any) -> None:
            original_display(app, screen, renderable)
            if probe.drew and probe.frame_at is None:
                probe.frame_at = time.perf_counter()
                probe.frame_cpu = time.thread_time()
                probe.frame_process_cpu = time.process_time()
                if probe.event is not None:
                    probe.event.set()

        self._restore.append((App, "_display", App.__dict__["_display"]))
        App._display = _display  # type: ignore[method-assign]

    def uninstall(self) -> None:
        for cls, name, value in reversed(self._restore):
            if value is None:
                delattr(cls, name)
            else:
                setattr(cls, name, value)
        self._restore.clear()

    def arm(self, watched: type[Widget]) -> asyncio.Event:
        self.watched = watched
        self.drew = False
        self.frame_at = None
        self.frame_cpu = None
        self.frame_process_cpu = None
        self.event = asyncio.Event()
        return self.event


PROBE = PaintProbe()


# -- the bare apps -----------------------------------------------------------------------------


class BareTextArea(TextArea):
    pass


class BareStatic(Static):
    pass


class BareTextAreaApp(App[None]):
    """The simplest fair Textual app that shows the text scrollable and soft-wrapped."""

    def __init__(self, text: str) -> None:
        super().__init__()
        self.text = text

    def compose(self) -> ComposeResult:
        yield BareTextArea(self.text, read_only=True, soft_wrap=True)


class BareStaticApp(App[None]):
    """``Static(text)`` in a ``VerticalScroll``: Rich wraps all the text before the first frame."""

    def __init__(self, text: str) -> None:
        super().__init__()
        self.text = text

    def compose(self) -> ComposeResult:
        with VerticalScroll():
            yield BareStatic(self.text, markup=False)


# -- statistics --------------------------------------------------------------------------------


def ms(seconds: float) -> float:
    return round(seconds * 1000, 3)


def percentile(values: list[float], q: float) -> float:
    """Nearest-rank percentile (``q`` in 0..100)."""
    ordered = sorted(values)
    rank = max(1, round(q / 100 * len(ordered) + 0.5 - 1e-9))
    return ordered[min(len(ordered), rank) - 1]


def summary(values: list[float]) -> dict[str, Any]:
    return {
        "median_ms": ms(statistics.median(values)),
        "p95_ms": ms(percentile(values, 95)),
        "min_ms": ms(min(values)),
        "max_ms": ms(max(values)),
        "n": len(values),
    }


# -- first paint -------------------------------------------------------------------------------


@dataclass
class Paint:
    total: float
    cpu: float
    load: float = 0.0
    extra: dict[str, float] = field(default_factory=dict)


async def _await_paint(event: asyncio.Event, what: str) -> float:
    try:
        await asyncio.wait_for(event.wait(), PAINT_TIMEOUT)
    except TimeoutError:
        raise RuntimeError(f"{what}: no frame with the text within {PAINT_TIMEOUT:.0f} s") from None
    assert PROBE.frame_at is not None and PROBE.frame_process_cpu is not None
    return PROBE.frame_at


async def paint_ours(path: Path, db: Path) -> Paint:
    event = PROBE.arm(ArticleView)
    start, cpu = time.perf_counter(), time.process_time()
    article = load_article(path)
    loaded = time.perf_counter()
    store = AnnotationStore.open(db)
    opened = time.perf_counter()
    try:
        app = make_app(store, article=article, cursor_blink=False)
        async with app.run_test(size=SIZE) as pilot:
            end = await _await_paint(event, "reader")
            assert isinstance(app.screen.query_one(ArticleView), ArticleView)
            await pilot.pause()
    finally:
        store.close()
    assert PROBE.frame_process_cpu is not None
    return Paint(
        end - start,
        PROBE.frame_process_cpu - cpu,
        load=loaded - start,
        extra={"store_open": opened - loaded},
    )


async def paint_bare(path: Path, kind: str) -> Paint:
    watched: type[Widget] = BareTextArea if kind == "textarea" else BareStatic
    event = PROBE.arm(watched)
    start, cpu = time.perf_counter(), time.process_time()
    text = path.read_text(encoding="utf-8")
    loaded = time.perf_counter()
    app: App[None] = BareTextAreaApp(text) if kind == "textarea" else BareStaticApp(text)
    async with app.run_test(size=SIZE) as pilot:
        end = await _await_paint(event, kind)
        await pilot.pause()
    assert PROBE.frame_process_cpu is not None
    return Paint(end - start, PROBE.frame_process_cpu - cpu, load=loaded - start)


async def first_paint(
    path: Path, db: Path, reps: int, static_reps: int, log: Callable[[str], None]
) -> dict[str, Any]:
    runners: dict[str, Callable[[], Awaitable[Paint]]] = {
        "ours": lambda: paint_ours(path, db),
        "textarea": lambda: paint_bare(path, "textarea"),
        "static": lambda: paint_bare(path, "static"),
    }
    results: dict[str, list[Paint]] = {name: [] for name in runners}
    # Warm-up (imports, CSS and regex caches, the store file's first write), not counted.
    for name in ("ours", "textarea"):
        await runners[name]()
    for rep in range(reps):
        order = ["ours", "textarea"] if rep % 2 == 0 else ["textarea", "ours"]
        if rep < static_reps:
            order.append("static")
        for name in order:
            gc.collect()
            results[name].append(await runners[name]())
        log(
            f"  rep {rep + 1}/{reps}: "
            + ", ".join(f"{name} {results[name][-1].total * 1000:.0f} ms" for name in order)
        )
    out: dict[str, Any] = {}
    for name, runs in results.items():
        if runs:
            out[name] = summary([r.total for r in runs])
    out["ours_load"] = summary([r.load for r in results["ours"]])
    out["ours_store_open"] = summary([r.extra["store_open"] for r in results["ours"]])
    out["ours_without_load"] = summary([r.total - r.load for r in results["ours"]])
    # The ratio of medians, and the median of the per-repetition ratios (pairs run back to back).
    pairs = [o.total / b.total for o, b in zip(results["ours"], results["textarea"], strict=True)]
    out["ratio_ours_textarea"] = round(
        statistics.median(r.total for r in results["ours"])
        / statistics.median(r.total for r in results["textarea"]),
        3,
    )
    out["ratio_paired_median"] = round(statistics.median(pairs), 3)
    # Process CPU time to the same frame (all threads): steadier than wall time on a busy machine.
    out["cpu_ours"] = summary([r.cpu for r in results["ours"]])
    out["cpu_textarea"] = summary([r.cpu for r in results["textarea"]])
    out["ratio_cpu_ours_textarea"] = round(
        statistics.median(r.cpu for r in results["ours"])
        / statistics.median(r.cpu for r in results["textarea"]),
        3,
    )
    if results["static"]:
        out["ratio_static_textarea"] = round(
            statistics.median(r.total for r in results["static"])
            / statistics.median(r.total for r in results["textarea"]),
            3,
        )
    return out


# -- key latency -------------------------------------------------------------------------------


async def key_latency(
    path: Path, db: Path, keys: int, log: Callable[[str], None]
) -> dict[str, Any]:
    article = load_article(path)
    out: dict[str, Any] = {}
    store = AnnotationStore.open(db)
    try:
        app = make_app(store, article=article, cursor_blink=False)
        async with app.run_test(size=SIZE) as pilot:
            await _await_paint(PROBE.arm(ArticleView), "reader")
            await pilot.pause()
            view = app.screen.query_one(ArticleView)
            driver = app._driver
            assert driver is not None
            for key, label in (("j", "sentence"), ("space", "page")):
                start_caret = view.caret
                frame_wall: list[float] = []
                frame_cpu: list[float] = []
                for _ in range(keys):
                    event = PROBE.arm(ArticleView)
                    key_event = events.Key(key, " " if key == "space" else key)
                    key_event.set_sender(app)
                    t0, c0 = time.perf_counter(), time.thread_time()
                    driver.send_message(key_event)
                    try:
                        await asyncio.wait_for(event.wait(), KEY_TIMEOUT)
                    except TimeoutError:
                        raise RuntimeError(f"no frame after pressing {key!r}") from None
                    assert PROBE.frame_at is not None and PROBE.frame_cpu is not None
                    frame_wall.append(PROBE.frame_at - t0)
                    frame_cpu.append(PROBE.frame_cpu - c0)
                    await pilot.pause()
                if view.caret == start_caret:
                    raise RuntimeError(f"pressing {key!r} did not move the caret")
                view.action_start()
                await pilot.pause()

                pilot_round: list[float] = []
                for _ in range(max(10, keys // 4)):
                    t0 = time.perf_counter()
                    await pilot.press(key)
                    await pilot.pause()
                    pilot_round.append(time.perf_counter() - t0)
                view.action_start()
                await pilot.pause()

                pure = await pure_steps(view, pilot, label, keys)
                view.action_start()
                await pilot.pause()
                out[label] = {
                    "key": key,
                    "key_to_frame": summary(frame_wall),
                    "cpu_to_frame": summary(frame_cpu),
                    "pilot_press_pause": summary(pilot_round),
                    "pure_step_render": summary(pure),
                }
                log(
                    f"  {key}: key→frame median {statistics.median(frame_wall) * 1000:.1f} ms, "
                    f"CPU {statistics.median(frame_cpu) * 1000:.1f} ms, "
                    f"pure {statistics.median(pure) * 1000:.2f} ms"
                )
    finally:
        store.close()
    return out


async def pure_steps(view: ArticleView, pilot: Pilot[None], label: str, steps: int) -> list[float]:
    """One caret step and a render of every visible row, without the compositor."""
    height = view.scrollable_content_region.height
    times: list[float] = []
    for _ in range(steps):
        t0 = time.perf_counter()
        if label == "sentence":
            view.action_sentence(1)
        else:
            view.action_page(1)
        for y in range(height):
            view.render_line(y)
        times.append(time.perf_counter() - t0)
        await pilot.pause()  # let the CaretMoved messages run, outside the timing
    return times


# -- re-wrap -----------------------------------------------------------------------------------


def rewrap(path: Path, reps: int) -> dict[str, Any]:
    article = load_article(path)
    out: dict[str, Any] = {}
    for width in (80, 200):
        Layout(article, width)  # warm-up
        times = []
        for _ in range(reps):
            gc.collect()
            t0 = time.perf_counter()
            layout = Layout(article, width)
            times.append(time.perf_counter() - t0)
        out[str(width)] = {**summary(times), "rows": len(layout)}
    return out


# -- report ------------------------------------------------------------------------------------


def table(result: dict[str, Any]) -> str:
    lines = []
    cfg = result["config"]
    lines.append(
        f"reader benchmarks — {cfg['small_reps']}/{cfg['reps']} interleaved reps (3 KB/large), "
        f"headless {cfg['size']}, "
        f"Python {cfg['python']}, Textual {cfg['textual']}"
    )
    lines.append("")
    lines.append(
        "First paint (median ms; ratio = ours / bare TextArea: of medians, paired, of CPU time)"
    )
    header = (
        f"  {'article':<10}{'ours':>9}{'(load)':>9}{'TextArea':>10}{'ratio':>7}"
        f"{'paired':>8}{'CPU':>7}{'Static':>10}{'St/TA':>7}"
    )
    lines.append(header)
    for label, fp in result["first_paint"].items():
        static = fp.get("static")
        lines.append(
            f"  {label:<10}{fp['ours']['median_ms']:>9.1f}{fp['ours_load']['median_ms']:>9.1f}"
            f"{fp['textarea']['median_ms']:>10.1f}{fp['ratio_ours_textarea']:>7.2f}"
            f"{fp['ratio_paired_median']:>8.2f}{fp['ratio_cpu_ours_textarea']:>7.2f}"
            + (
                f"{static['median_ms']:>10.1f}{fp['ratio_static_textarea']:>7.2f}"
                if static
                else f"{'—':>10}{'—':>7}"
            )
        )
    lines.append("")
    kl = result["key_latency"]
    lines.append(f"Key latency, {result['config']['large_label']} article (ms; median / p95)")
    lines.append(
        f"  {'key':<14}{'key→frame':>16}{'CPU→frame':>16}{'pure step':>16}{'pilot (info)':>16}"
    )
    for label, data in kl.items():

        def cell(name: str, data: dict[str, Any] = data) -> str:
            return f"{data[name]['median_ms']:.1f} / {data[name]['p95_ms']:.1f}"

        lines.append(
            f"  {data['key'] + ' (' + label + ')':<14}{cell('key_to_frame'):>16}"
            f"{cell('cpu_to_frame'):>16}{cell('pure_step_render'):>16}"
            f"{cell('pilot_press_pause'):>16}"
        )
    lines.append("")
    lines.append(f"Re-wrap, {result['config']['large_label']} article: Layout(article, width)")
    for width, data in result["rewrap"].items():
        lines.append(f"  width {width:>3}: median {data['median_ms']:.1f} ms ({data['rows']} rows)")
    lines.append("")
    lines.append(
        f"Goals (informational): first paint <= {GOAL_PAINT_RATIO}x, "
        f"caret step < {GOAL_STEP_MS:.0f} ms"
    )
    for name, ok in result["goals"].items():
        lines.append(f"  {name}: {'met' if ok else 'NOT met'}")
    if "check" in result:
        lines.append("")
        check = result["check"]
        lines.append(f"Check: {'PASS' if check['ok'] else 'FAIL'}")
        lines.extend(f"  {problem}" for problem in check["problems"])
    return "\n".join(lines)


def goals(result: dict[str, Any]) -> dict[str, bool]:
    out = {}
    for label, fp in result["first_paint"].items():
        ratio = fp["ratio_ours_textarea"]
        out[f"first paint {label} ({ratio:.2f}x)"] = ratio <= GOAL_PAINT_RATIO
    for data in result["key_latency"].values():
        cpu = data["cpu_to_frame"]["p95_ms"]
        wall = data["key_to_frame"]["p95_ms"]
        out[f"{data['key']} CPU→frame p95 ({cpu:.1f} ms)"] = cpu < GOAL_STEP_MS
        out[f"{data['key']} key→frame p95 ({wall:.1f} ms)"] = wall < GOAL_STEP_MS
    return out


def check(result: dict[str, Any]) -> dict[str, Any]:
    problems = []
    for label, fp in result["first_paint"].items():
        bound = CHECK_SMALL_PAINT_RATIO if label == "3 KB" else CHECK_PAINT_RATIO
        if fp["ratio_ours_textarea"] > bound:
            problems.append(
                f"first paint {label}: ours/TextArea {fp['ratio_ours_textarea']:.2f} > {bound}"
            )
    for label, data in result["key_latency"].items():
        p95 = data["cpu_to_frame"]["p95_ms"]
        if p95 > CHECK_STEP_P95_MS:
            problems.append(
                f"{label} step: CPU→frame p95 {p95:.1f} ms > {CHECK_STEP_P95_MS:.0f} ms"
            )
    return {"ok": not problems, "problems": problems}


async def run(args: argparse.Namespace, log: Callable[[str], None]) -> dict[str, Any]:
    reps = QUICK_REPS if args.quick else args.reps
    keys = 40 if args.quick else args.keys
    large = QUICK_LARGE_CHARS if args.quick else LARGE_CHARS
    large_label = f"{large // 1000} KB" if large < 1_000_000 else f"{large / 1_000_000:g} MB"
    with tempfile.TemporaryDirectory(prefix="reader-bench-") as tmp:
        folder = Path(tmp)
        db = (
            Path(os.environ["READER_DB"]) if os.environ.get("READER_DB") else folder / "reader.json"
        )
        texts = {
            "3 KB": corpus.make_text(SMALL_CHARS, seed=1),
            large_label: corpus.make_text(large, seed=2),
        }
        paths = {}
        for label, text in texts.items():
            path = folder / f"article-{label.replace(' ', '')}.txt"
            path.write_text(text, encoding="utf-8")
            paths[label] = path
        result: dict[str, Any] = {
            "config": {
                "reps": reps,
                "small_reps": max(reps, QUICK_SMALL_REPS),
                "keys": keys,
                "size": f"{SIZE[0]}x{SIZE[1]}",
                "large_label": large_label,
                "chars": {label: len(text) for label, text in texts.items()},
                "python": platform.python_version(),
                "textual": textual.__version__,
                "quick": args.quick,
            },
            "first_paint": {},
        }
        PROBE.install(ArticleView, BareTextArea, BareStatic)
        try:
            for label, path in paths.items():
                log(f"first paint, {label}:")
                small = label == "3 KB"
                # The 3 KB pair takes ~70 ms: --quick affords more of them (they decide --check).
                label_reps = result["config"]["small_reps"] if small else reps
                static_reps = label_reps if small else max(1, min(reps, args.static_reps))
                if args.quick and not small:
                    static_reps = 0  # several seconds each: information only, not for CI
                result["first_paint"][label] = await first_paint(
                    path, db, label_reps, static_reps, log
                )
            log(f"key latency, {large_label}:")
            result["key_latency"] = await key_latency(paths[large_label], db, keys, log)
        finally:
            PROBE.uninstall()
        log("re-wrap:")
        result["rewrap"] = rewrap(paths[large_label], max(3, reps))
    result["goals"] = goals(result)
    return result


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--quick",
        action="store_true",
        help=f"{QUICK_REPS} reps ({QUICK_SMALL_REPS} for 3 KB), 40 keys, "
        f"{QUICK_LARGE_CHARS // 1000} KB large article, no large Static",
    )
    parser.add_argument(
        "--json", action="store_true", help="print one JSON object instead of the table"
    )
    parser.add_argument(
        "--check",
        action="store_true",
        help=f"exit 1 if the large first-paint ratio > {CHECK_PAINT_RATIO} (3 KB: > "
        f"{CHECK_SMALL_PAINT_RATIO}) or a key's CPU→frame p95 > {CHECK_STEP_P95_MS:.0f} ms",
    )
    parser.add_argument("--reps", type=int, default=7, help="interleaved repetitions (default 7)")
    parser.add_argument(
        "--static-reps",
        type=int,
        default=3,
        help="repetitions of the slow Static app on the large article (default 3)",
    )
    parser.add_argument("--keys", type=int, default=200, help="key presses per key (default 200)")
    args = parser.parse_args(argv)

    def log(message: str) -> None:
        print(message, file=sys.stderr, flush=True)

    result = asyncio.run(run(args, log))
    if args.check:
        result["check"] = check(result)
    print(json.dumps(result, indent=2) if args.json else table(result))
    return 0 if not args.check or result["check"]["ok"] else 1


if __name__ == "__main__":
    sys.exit(main())
