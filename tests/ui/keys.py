"""Keys as the terminal delivers them: a whole burst posted to the app at once, then drained."""

from __future__ import annotations

from textual import events

#: Key names for the characters the bursts use that are not their own name.
NAMES = {" ": "space", ",": "comma", ".": "full_stop", "/": "slash", "'": "apostrophe"}
CONTROL = {"ctrl+s": "\x13", "ctrl+e": "\x05", "escape": "\x1b", "tab": "\t", "enter": "\r"}


def key(name: str) -> events.Key:
    if name in CONTROL:
        return events.Key(name, CONTROL[name])
    return events.Key(NAMES.get(name, name), name)


def burst(app, *parts: str) -> None:
    """Post every key at once: each part is a key name (``ctrl+s``) or literal text."""
    for part in parts:
        names = [part] if part in CONTROL else list(part)
        for name in names:
            app.post_message(key(name))


async def drain(pilot) -> None:
    """Until every key has been delivered and every change written."""
    app = pilot.app
    for _ in range(500):
        await app.workers.wait_for_complete()
        await pilot.pause()
        screen = app.screen
        jobs_running = getattr(screen, "_job_running", False)
        if app.typeahead.idle and not app.typeahead.holds and not jobs_running:
            await app.workers.wait_for_complete()
            await pilot.pause()
            return
        await pilot.pause(0.01)
    raise AssertionError(f"keys still waiting: {app.typeahead.holds}")
