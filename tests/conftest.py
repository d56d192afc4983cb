"""Fixtures every test gets: no test can see or touch the real home folder or database."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import settings

from tests.sources.web_server import LocalWeb

# The same examples on every run, so that a run's result never depends on its luck; search
# wider by hand with ``--hypothesis-profile=explore``.
settings.register_profile("deterministic", derandomize=True)
settings.register_profile("explore", max_examples=1000)
settings.load_profile("deterministic")

REPO = Path(__file__).resolve().parents[1]


@pytest.fixture(autouse=True)
def isolated_home(
    tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> Path:
    """Point HOME, the XDG folders and READER_DB at a throwaway folder; no READER_CONFIG."""
    home = tmp_path_factory.mktemp("home")
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.setenv("XDG_DATA_HOME", str(home / ".local" / "share"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(home / ".config"))
    monkeypatch.setenv("READER_DB", str(home / "reader-test.json"))
    monkeypatch.setenv("XDG_CACHE_HOME", str(home / ".cache"))
    monkeypatch.setenv("READER_INDEX", str(home / "index-test.sqlite3"))
    monkeypatch.delenv("READER_CONFIG", raising=False)
    monkeypatch.delenv("NO_COLOR", raising=False)
    return home


@pytest.fixture
def web(monkeypatch: pytest.MonkeyPatch) -> Iterator[LocalWeb]:
    """A web server on 127.0.0.1 with pages written for the tests: no test touches the internet."""
    # A proxy set for the machine must not be asked for the loopback server.
    for name in ("HTTP_PROXY", "HTTPS_PROXY", "ALL_PROXY", "http_proxy", "https_proxy"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("NO_PROXY", "127.0.0.1,localhost")
    server = LocalWeb().start()
    yield server
    server.stop()
