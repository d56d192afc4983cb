"""Keys typed ahead reach the widget they were meant for, in the order they were typed.

Textual routes a key to whatever has the focus when the app reads it, and runs the key's binding
only once the key has travelled back up from that widget to the app. Keys that arrive together —
over SSH, from a fast typist, from a paste — are therefore all routed before the first of them has
done its work: text typed right after ``a`` went to the reading pane instead of the note editor
that ``a`` opens, and ``ctrl+s`` saved before the editor had taken in the text typed before it.

:class:`TypeAhead` delivers the keys (and pastes) the app reads one after the other:

* text for the focused input — a key it takes, such as a letter in the note editor — goes at
  once: it queues in the input behind the text before it and cannot move the focus;
* any other key waits until every key before it is in, and the keys after it wait until it has
  been handled all the way up (a callback posted behind it follows it from node to node), and
  then until what its handling set off is handled too: the messages that move the focus or
  change screen (an input's ``Submitted``, a table's ``RowSelected``, a dialog's result);
* nothing goes while the active screen is still settling (mounting, or not yet focused on the
  widget it gives the keyboard to), or while an action that opens something in the background —
  a note editor after a write, an article after it was read — holds the keys
  (:meth:`TypeAhead.hold`) until it has opened, or given up.

Waiting keys are delivered, in order, the moment nothing holds them. Limits guard against a
handler that never finishes: a key that has not come back after :data:`KEY_LIMIT` seconds or a
hold older than :data:`HOLD_LIMIT` seconds stops holding the rest (they are delivered, never
dropped).
"""

from __future__ import annotations

import time
from collections import deque
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from itertools import count

from textual import events
from textual.app import App
from textual.message_pump import MessagePump
from textual.timer import Timer

#: Seconds a delivered key may take to come back before the next one goes anyway.
KEY_LIMIT = 3.0
#: Seconds a hold may keep keys waiting before they are delivered anyway.
HOLD_LIMIT = 15.0
#: Seconds between two looks at a settling screen while keys wait.
POLL_SECONDS = 0.02
#: Rounds of waiting for the messages a key set off, at most, before the next key goes.
MAX_ROUNDS = 50

#: What is delivered in order: keys and bracketed pastes.
TYPED = (events.Key, events.Paste)


@dataclass(eq=False)
class KeyHold:
    """Keys wait while this is held; :meth:`release` (idempotent) lets them go."""

    reason: str
    since: float = field(default_factory=time.monotonic)
    _on_release: Callable[[KeyHold], None] | None = None

    def release(self) -> None:
        on_release, self._on_release = self._on_release, None
        if on_release is not None:
            on_release(self)

    @property
    def released(self) -> bool:
        return self._on_release is None


def hold_keys(node: MessagePump, reason: str) -> KeyHold:
    """Hold the keys of ``node``'s app (see :meth:`TypeAhead.hold`); a no-op in other apps."""
    typeahead = getattr(node.app, "typeahead", None)
    if isinstance(typeahead, TypeAhead):
        return typeahead.hold(reason)
    return KeyHold(reason)


class TypeAhead:
    """The app's queue of typed keys; ``deliver`` is the app's own routing of one key."""

    def __init__(self, app: App[object], deliver: Callable[[events.Event], Awaitable[None]]):
        self._app = app
        self._deliver = deliver
        self._waiting: deque[events.Event] = deque()
        #: Delivered keys not yet back (by number), with when they went.
        self._flying: dict[int, float] = {}
        self._numbers = count()
        #: The number of a key that may change focus or screen, until it and what it set off
        #: are handled.
        self._settling: int | None = None
        self._settling_since = 0.0
        self._holds: list[KeyHold] = []
        self._poll: Timer | None = None
        self._pumping = False

    # -- what the app and the screens call ----------------------------------------------------

    async def receive(self, event: events.Event) -> None:
        """A key or paste read from the terminal: deliver it now, or keep it for its turn."""
        self._waiting.append(event)
        await self.pump()

    def hold(self, reason: str) -> KeyHold:
        """Keep keys waiting until the returned hold is released (from any thread)."""
        hold = KeyHold(reason, _on_release=self._released)
        self._holds.append(hold)
        return hold

    @property
    def waiting(self) -> int:
        """How many keys are waiting for their turn."""
        return len(self._waiting)

    @property
    def holds(self) -> tuple[str, ...]:
        """The reasons keys are held, oldest first."""
        return tuple(hold.reason for hold in self._active_holds())

    @property
    def idle(self) -> bool:
        """Nothing waiting, nothing on its way."""
        return not self._waiting and not self._flying and self._settling is None

    # -- delivery ---------------------------------------------------------------------------

    async def pump(self) -> None:
        """Deliver waiting keys while nothing holds them (on the app's own task)."""
        if self._pumping:
            return  # a delivery in progress picks up the rest
        self._pumping = True
        try:
            while self._waiting:
                event = self._waiting[0]
                typed_in = self._typed_into_focus(event)
                if not self._ready(typed_in):
                    break
                self._waiting.popleft()
                number = next(self._numbers)
                target = self._app.focused or self._app.screen
                await self._deliver(event)
                if not typed_in:
                    self._settling, self._settling_since = number, time.monotonic()
                if event.is_forwarded:
                    # Routed to a widget: it comes back up (or is taken) in that widget's time.
                    self._flying[number] = time.monotonic()
                    self._follow(target, number)
                elif not typed_in:
                    # A priority binding ran at once; wait for what it set off.
                    self._app.call_later(self._settle, number)
        finally:
            self._pumping = False
        self._keep_polling(bool(self._waiting))

    def _typed_into_focus(self, event: events.Event) -> bool:
        """Text for the focused input: it cannot move the focus, so it need not wait.

        Such keys queue in the input in order; a key after them that may do more (``ctrl+s``,
        Enter) waits until they are in.
        """
        if not isinstance(event, events.Key):
            return False
        focused = self._app.focused
        if focused is None or not focused.check_consume_key(event.key, event.character):
            return False
        bound = self._app.active_bindings.get(event.key)
        return bound is None or not bound.binding.priority

    def _ready(self, typed_in: bool) -> bool:
        now = time.monotonic()
        self._flying = {k: t for k, t in self._flying.items() if now - t < KEY_LIMIT}
        if self._settling is not None and now - self._settling_since >= KEY_LIMIT:
            self._settling = None
        if self._settling is not None or self._active_holds() or not self._screen_settled():
            return False
        return typed_in or not self._flying

    def _active_holds(self) -> list[KeyHold]:
        now = time.monotonic()
        self._holds = [h for h in self._holds if not h.released and now - h.since < HOLD_LIMIT]
        return self._holds

    def _screen_settled(self) -> bool:
        """The active screen has mounted and put the keyboard where it wants it."""
        try:
            screen = self._app.screen
        except Exception:  # no screen yet, or the app is closing
            return False
        if not screen.is_mounted:
            return False
        return screen.focused is not None or not screen.focus_chain

    def _follow(self, node: MessagePump, number: int) -> None:
        """Post a callback behind key ``number`` to ``node``; when it runs, on to the parent.

        Each node handles its messages in order, and a key that bubbles is passed to the parent
        before the node reads its next message, so when the callback reaches the app the key has
        been handled there too (or was taken by a widget on the way).
        """
        if node is self._app:
            if not self._app.call_later(self._came_back, number):
                self._flying.pop(number, None)
            return
        if not node.call_later(self._step, node, number):
            self._follow(self._app, number)  # the node closed: nothing more can happen there

    def _step(self, node: MessagePump, number: int) -> None:
        parent = getattr(node, "parent", None)
        self._follow(parent if isinstance(parent, MessagePump) else self._app, number)

    async def _came_back(self, number: int) -> None:
        self._flying.pop(number, None)
        if self._settling == number:
            await self._settle(number)
        else:
            await self.pump()

    async def _settle(self, number: int, rounds: int = 0) -> None:
        """Wait for what the key's handling set off to be handled too.

        A binding often works through a message (an input's ``Submitted``, a table's
        ``RowSelected``, a dialog's result) whose handler moves the focus or changes screen.
        While the app or any node of the active screen has messages waiting, each is given a
        callback behind them; when they have all run (and the app has read what they passed
        up), look again.
        """
        if self._settling != number:
            return  # given up on (KEY_LIMIT) and already moved past
        busy = self._busy_nodes() if rounds < MAX_ROUNDS else []
        if not busy:
            self._settling = None
            await self.pump()
            return
        left = len(busy)

        def one_done() -> None:
            nonlocal left
            left -= 1
            if left == 0 and not self._app.call_later(self._settle, number, rounds + 1):
                self._settling = None

        for node in busy:
            if not node.call_later(one_done):
                one_done()

    def _busy_nodes(self) -> list[MessagePump]:
        """The app and the nodes of the active screen that have messages waiting."""
        try:
            nodes: list[MessagePump] = [self._app, *self._app.screen.walk_children(with_self=True)]
        except Exception:  # no screen: nothing to wait for
            return []
        return [node for node in nodes if node.message_queue_size]

    def _released(self, hold: KeyHold) -> None:
        # Releases come from workers and callbacks alike; posting a callback is thread-safe,
        # and the keys are delivered on the app's own task.
        self._app.call_later(self.pump)

    def _keep_polling(self, needed: bool) -> None:
        """While keys wait on a settling screen, look again every few milliseconds."""
        if needed and self._poll is None:
            self._poll = self._app.set_interval(POLL_SECONDS, self.pump, name="type-ahead")
        elif not needed and self._poll is not None:
            self._poll.stop()
            self._poll = None
