"""Run a command in a real pseudo-terminal and watch what it draws, through ``pyte``.

The child gets a pty as its controlling terminal (``start_new_session`` + ``TIOCSCTTY``), a fixed
window size, ``TERM=xterm-256color`` (or ``term=``; ``extra_env`` adds or removes variables last)
and a UTF-8 locale. A background thread copies everything the child writes into a ``pyte`` screen
(and into a raw byte log) under a lock; tests wait for text to appear instead of sleeping.
"""

from __future__ import annotations

import contextlib
import fcntl
import os
import re
import select
import signal
import struct
import subprocess
import termios
import threading
import time
from collections.abc import Callable, Mapping, Sequence

import pyte

#: Zero-width characters that are not combining marks: ZWJ, variation selectors, tags, bidi marks.
#: How long a wait for the screen lasts before it fails: an upper bound, never a pace, so it
#: is generous for loaded machines (a wait ends as soon as its condition holds).
WAIT = 30.0
_ZERO_WIDTH = re.compile("[\u200b-\u200f\u2060-\u2064\ufe00-\ufe0f\U000e0000-\U000e007f]")


class _Screen(pyte.Screen):
    """``pyte.Screen`` that keeps zero-width joiners and variation selectors in the cell before.

    pyte 0.8 stops drawing the rest of a text run at such a character (``draw`` breaks out of
    its loop), so everything after an emoji ZWJ sequence on a row would be lost.
    """

    def draw(self, data: str) -> None:
        start = 0
        for found in _ZERO_WIDTH.finditer(data):
            if found.start() > start:
                super().draw(data[start : found.start()])
            self._attach(found.group())
            start = found.end()
        if start < len(data):
            super().draw(data[start:])

    def _attach(self, char: str) -> None:
        x, line = self.cursor.x, self.buffer[self.cursor.y]
        if x <= 0:
            return
        if line[x - 1].data == "" and x > 1:  # the stub after a wide character
            x -= 1
        line[x - 1] = line[x - 1]._replace(data=line[x - 1].data + char)


class Terminal:
    """A command running in a pty of ``columns`` x ``lines``, with its screen kept in ``pyte``."""

    def __init__(
        self,
        argv: Sequence[str],
        *,
        env: Mapping[str, str] | None = None,
        cwd: str | os.PathLike[str] | None = None,
        columns: int = 100,
        lines: int = 30,
        term: str | None = "xterm-256color",
        extra_env: Mapping[str, str | None] | None = None,
    ) -> None:
        self.columns = columns
        self.lines = lines
        self._lock = threading.Lock()
        self._screen = _Screen(columns, lines)
        self._stream = pyte.ByteStream(self._screen)
        self._raw = bytearray()
        self._eof = threading.Event()

        child_env = dict(os.environ if env is None else env)
        child_env.pop("COLUMNS", None)
        child_env.pop("LINES", None)
        child_env["LANG"] = "C.UTF-8"
        child_env["LC_ALL"] = "C.UTF-8"
        child_env.pop("NO_COLOR", None)
        child_env.pop("TEXTUAL", None)
        if term is None:
            child_env.pop("TERM", None)
        else:
            child_env["TERM"] = term
        # Last word: ``extra_env`` sets (or, with None, removes) variables, e.g. NO_COLOR.
        for name, value in (extra_env or {}).items():
            if value is None:
                child_env.pop(name, None)
            else:
                child_env[name] = value

        master, slave = os.openpty()
        fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", lines, columns, 0, 0))
        self._master = master
        try:
            self.process = subprocess.Popen(
                list(argv),
                stdin=slave,
                stdout=slave,
                stderr=slave,
                env=child_env,
                cwd=cwd,
                start_new_session=True,
                preexec_fn=_make_controlling_terminal,
                close_fds=True,
            )
        except BaseException:
            os.close(master)
            raise
        finally:
            os.close(slave)
        self._reader = threading.Thread(target=self._read_loop, name="pty-reader", daemon=True)
        self._reader.start()

    # -- output ---------------------------------------------------------------------------------

    def _read_loop(self) -> None:
        while True:
            try:
                ready, _, _ = select.select([self._master], [], [], 0.1)
            except (OSError, ValueError):
                break
            if not ready:
                continue
            try:
                data = os.read(self._master, 65536)
            except OSError:  # EIO: the child side closed
                break
            if not data:
                break
            with self._lock:
                self._raw += data
                self._stream.feed(data)
        self._eof.set()

    def screen_text(self) -> str:
        """The visible screen as lines of text (trailing spaces kept off)."""
        with self._lock:
            return "\n".join(line.rstrip() for line in self._screen.display)

    def row_cells(self, y: int) -> list[pyte.screens.Char]:
        """The cells of screen row ``y`` (characters with their colours and attributes)."""
        with self._lock:
            line = self._screen.buffer[y]
            return [line[x] for x in range(self.columns)]

    def raw_output(self) -> bytes:
        """Every byte the child has written so far."""
        with self._lock:
            return bytes(self._raw)

    def raw_size(self) -> int:
        """How many bytes the child has written so far (a mark for :meth:`raw_since`)."""
        with self._lock:
            return len(self._raw)

    def raw_since(self, mark: int) -> bytes:
        """The bytes written after ``mark`` (a :meth:`raw_size` taken earlier)."""
        with self._lock:
            return bytes(self._raw[mark:])

    def cursor(self) -> tuple[int, int]:
        """The terminal cursor as (x, y)."""
        with self._lock:
            return self._screen.cursor.x, self._screen.cursor.y

    def wait_quiet(self, quiet: float = 0.3, timeout: float = 10) -> int:
        """Wait until nothing has been written for ``quiet`` seconds; return the byte count.

        For measurements only (tests wait for screen conditions): it tells when a repaint is over.
        """
        deadline = time.monotonic() + timeout
        size, since = self.raw_size(), time.monotonic()
        while True:
            time.sleep(0.01)
            now_size, now = self.raw_size(), time.monotonic()
            if now_size != size:
                size, since = now_size, now
            elif now - since >= quiet or self._eof.is_set():
                return size
            if now >= deadline:
                raise AssertionError(f"output still changing after {timeout}s")

    def wait_until(
        self, condition: Callable[[str], bool], *, timeout: float = WAIT, what: str = "condition"
    ) -> str:
        """Poll the screen until ``condition(screen_text)`` holds; return that screen."""
        deadline = time.monotonic() + timeout
        while True:
            ended = self._eof.is_set()  # read before the screen: no output can follow it
            text = self.screen_text()
            if condition(text):
                return text
            if ended or time.monotonic() >= deadline:
                status = self.process.poll()
                state = "running" if status is None else f"exited with {status}"
                why = "output ended" if ended else f"timed out after {timeout}s"
                raise AssertionError(f"{why} waiting for {what} (process {state}); screen:\n{text}")
            time.sleep(0.02)

    def wait_for(self, text: str, timeout: float = WAIT) -> str:
        """Wait until ``text`` is on screen; return the screen. AssertionError on timeout."""
        return self.wait_until(lambda screen: text in screen, timeout=timeout, what=repr(text))

    @property
    def ended(self) -> bool:
        """True once the child's side of the pty is closed and all its output is read."""
        return self._eof.is_set()

    def tty_attributes(self) -> list:
        """``termios.tcgetattr`` of the pty (what the child left it as, even after it exits)."""
        return termios.tcgetattr(self._master)

    # -- input ----------------------------------------------------------------------------------

    def send(self, keys: str | bytes) -> None:
        """Write keys to the child as if typed."""
        data = keys.encode() if isinstance(keys, str) else keys
        while data:
            written = os.write(self._master, data)
            data = data[written:]

    # -- lifetime -------------------------------------------------------------------------------

    def wait_exit(self, timeout: float = 10) -> int:
        """Wait for the child to exit and for its output to be drained; return its status."""
        try:
            status = self.process.wait(timeout=timeout)
        except subprocess.TimeoutExpired as error:
            raise AssertionError(
                f"process still running after {timeout}s; screen:\n{self.screen_text()}"
            ) from error
        self._eof.wait(timeout=5)
        return status

    def close(self) -> None:
        """Kill the child's process group if it is still running; release the pty."""
        if self.process.poll() is None:
            with contextlib.suppress(ProcessLookupError, PermissionError):
                os.killpg(self.process.pid, signal.SIGKILL)
            with contextlib.suppress(subprocess.TimeoutExpired):
                self.process.wait(timeout=5)
        self._eof.wait(timeout=5)
        self._reader.join(timeout=5)
        with contextlib.suppress(OSError):
            os.close(self._master)

    def __enter__(self) -> Terminal:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def _make_controlling_terminal() -> None:
    """In the child, after ``setsid`` and the dup to fd 0: make the pty the controlling terminal."""
    fcntl.ioctl(0, termios.TIOCSCTTY, 0)
