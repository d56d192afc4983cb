"""Waiting in Pilot tests for what must hold, not for a number of frames.

``workers.wait_for_complete()`` returns at once when a worker has not started yet: the reading
screen starts its extraction and its first highlight load after the first frame, which on a
loaded machine may come after the test's first wait. These helpers wait (with a deadline) until
the reading screen on top has really loaded its highlights, filled its panes and run every job
queued.
"""

from __future__ import annotations

import time

from reader.ui.screens.reading import ReadingScreen
from reader.ui.widgets.entities_pane import EntitiesPane

#: Seconds before a test gives up waiting: far beyond what any step takes, even on a loaded
#: machine; reached only when something is broken.
DEADLINE = 20.0


def _reading_settled(screen: ReadingScreen) -> bool:
    annotator = screen.annotator
    if annotator is not None and screen._shown is not annotator.current:
        return False  # the first load of its highlights is still to come
    if screen._job_running or screen._jobs:
        return False
    return all(pane.entities is not None for pane in screen.query(EntitiesPane))


async def settled(pilot) -> None:
    """Until no worker runs and the reading screen on top (if any) is loaded and quiet."""
    deadline = time.monotonic() + DEADLINE
    while True:
        await pilot.app.workers.wait_for_complete()
        await pilot.pause()
        screen = pilot.app.screen
        quiet = not any(worker.is_running for worker in pilot.app.workers)
        if quiet and (not isinstance(screen, ReadingScreen) or _reading_settled(screen)):
            return
        if time.monotonic() > deadline:
            raise AssertionError(f"{type(screen).__name__} did not settle in {DEADLINE:.0f} s")


async def until(pilot, condition, what: str) -> None:
    """Until ``condition()`` holds (a message posted from a worker, say), pausing between looks."""
    deadline = time.monotonic() + DEADLINE
    while not condition():
        if time.monotonic() > deadline:
            raise AssertionError(f"{what}: not so after {DEADLINE:.0f} s")
        await pilot.app.workers.wait_for_complete()
        await pilot.pause()
