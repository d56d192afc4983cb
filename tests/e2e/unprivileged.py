"""Run a child process as an unprivileged user, so that file permissions really apply to it.

Root ignores file modes (a 0444 file is writable to root), so a read-only test run as root would
prove nothing. As root, the child becomes ``nobody``; as any other user it runs as that user, to
whom permissions already apply. Files the test prepares are handed over to the child's user, so
"owner may not write" means what it says.

The child runs Python as :func:`child_python` gives it: this interpreter when the child's user can
start it, else the system's interpreter of the same version with this project and its installed
dependencies on ``PYTHONPATH`` (a virtual environment built on an interpreter in root's home
cannot be started by anyone else). Tests skip, saying why, when neither works.
"""

from __future__ import annotations

import functools
import os
import pwd
import shutil
import site
import subprocess
import sys
import tempfile
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest

UNPRIVILEGED_USER = "nobody"
PROJECT = Path(__file__).resolve().parents[2]
_PROBE = "import reader.store, reader.__main__, tinydb, platformdirs"


def child_ids() -> tuple[int, int]:
    """The (uid, gid) the child runs as; skips the test when no unprivileged user exists."""
    if os.geteuid() != 0:
        return os.geteuid(), os.getegid()
    try:
        entry = pwd.getpwnam(UNPRIVILEGED_USER)
    except KeyError:
        pytest.skip(f"running as root and there is no {UNPRIVILEGED_USER!r} user to drop to")
    return entry.pw_uid, entry.pw_gid


def drop_privileges() -> Callable[[], None] | None:
    """A ``preexec_fn`` that makes the child unprivileged (None when we already are)."""
    if os.geteuid() != 0:
        return None
    uid, gid = child_ids()

    def drop() -> None:
        os.setgroups([])
        os.setgid(gid)
        os.setuid(uid)

    return drop


def exec_unprivileged(argv: Sequence[str]) -> list[str]:
    """``argv`` prefixed so that it runs unprivileged: for launchers that take no ``preexec_fn``.

    The prefix is this Python, which drops to the unprivileged user and then ``exec``s ``argv``,
    so the process keeps whatever the launcher set up (a controlling terminal, a session).
    """
    if os.geteuid() != 0:
        return list(argv)
    uid, gid = child_ids()
    code = (
        "import os, sys\n"
        f"os.setgroups([]); os.setgid({gid}); os.setuid({uid})\n"
        "os.execv(sys.argv[1], sys.argv[1:])\n"
    )
    return [sys.executable, "-c", code, *argv]


@functools.cache
def _interpreter() -> tuple[str, str | None] | str:
    """(interpreter, PYTHONPATH or None) the child's user can run reader with, else why not."""
    version = f"python{sys.version_info.major}.{sys.version_info.minor}"
    path = os.pathsep.join([str(PROJECT), *site.getsitepackages()])
    candidates: list[tuple[str, str | None]] = [(sys.executable, None)]
    system = shutil.which(version, path="/usr/local/bin:/usr/bin:/bin")
    if system:
        candidates.append((system, path))
    failures = []
    for interpreter, pythonpath in candidates:
        env = {"PATH": os.defpath, "LC_ALL": "C.UTF-8", "PYTHONDONTWRITEBYTECODE": "1"}
        if pythonpath:
            env["PYTHONPATH"] = pythonpath
        try:
            done = subprocess.run(
                [interpreter, "-c", _PROBE],
                env=env,
                cwd="/",
                capture_output=True,
                text=True,
                timeout=60,
                preexec_fn=drop_privileges(),
            )
        except OSError as error:
            failures.append(f"{interpreter}: {error.strerror}")
            continue
        if done.returncode == 0:
            return interpreter, pythonpath
        last = (done.stderr.strip().splitlines() or ["exit status " + str(done.returncode)])[-1]
        failures.append(f"{interpreter}: {last}")
    user = UNPRIVILEGED_USER if os.geteuid() == 0 else "this user"
    return f"{user} can start no Python that imports reader ({'; '.join(failures)})"


def child_python() -> str:
    """The interpreter to run the child with (see the module's docstring); skips if none."""
    found = _interpreter()
    if isinstance(found, str):
        pytest.skip(found)
    return found[0]


def hand_over(*paths: Path) -> None:
    """Give ``paths`` (and everything under the folders among them) to the child's user."""
    if os.geteuid() != 0:
        return
    uid, gid = child_ids()
    for path in paths:
        os.chown(path, uid, gid, follow_symlinks=False)
        if path.is_dir() and not path.is_symlink():
            for root, dirs, files in os.walk(path):
                for name in dirs + files:
                    os.chown(os.path.join(root, name), uid, gid, follow_symlinks=False)


@contextmanager
def child_folder() -> Iterator[Path]:
    """A fresh folder the child's user owns and can reach (pytest's ``tmp_path`` is root-only).

    Made in the system's temporary folder; its modes are restored before it is removed.
    """
    child_ids()
    folder = Path(tempfile.mkdtemp(prefix="reader-unprivileged-")).resolve()
    try:
        for parent in folder.parents:
            if not os.stat(parent).st_mode & 0o001:
                pytest.skip(f"{parent} cannot be entered by an unprivileged user")
        hand_over(folder)
        yield folder
    finally:
        for root, dirs, _ in os.walk(folder):
            for name in dirs:
                os.chmod(os.path.join(root, name), 0o755)
        os.chmod(folder, 0o755)
        shutil.rmtree(folder, ignore_errors=True)


def run_unprivileged(
    argv: Sequence[str], *, env: dict[str, str], cwd: Path, **kwargs: Any
) -> subprocess.CompletedProcess[str]:
    """Run ``argv`` to completion as the unprivileged user; text output captured."""
    return subprocess.run(
        list(argv),
        env=env,
        cwd=cwd,
        capture_output=True,
        text=True,
        timeout=60,
        preexec_fn=drop_privileges(),
        **kwargs,
    )


def child_env(home: Path, **extra: str) -> dict[str, str]:
    """The environment for a child whose home is ``home`` (the test's HOME is root-only)."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("XDG_", "READER_", "PYTHON"))}
    env.update(HOME=str(home), XDG_DATA_HOME=str(home / "data"), LC_ALL="C.UTF-8", **extra)
    env["PYTHONDONTWRITEBYTECODE"] = "1"
    found = _interpreter()
    if not isinstance(found, str) and found[1]:
        env["PYTHONPATH"] = found[1]
    return env
