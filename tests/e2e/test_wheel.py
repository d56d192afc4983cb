"""Build the wheel, install it in a fresh virtualenv, and run that ``reader`` in a terminal.

Slow (a build, a venv and a pip install that resolves textual, tinydb and platformdirs from the
package index): about 15-30 s.
"""

from __future__ import annotations

import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

import reader
from tests.e2e.terminal import Terminal

pytestmark = pytest.mark.e2e

REPO = Path(__file__).resolve().parents[2]


def _run(
    argv: list[str], *, cwd: Path, env: dict[str, str], timeout: float
) -> subprocess.CompletedProcess[str]:
    result = subprocess.run(
        argv,
        cwd=cwd,
        env=env,
        capture_output=True,
        text=True,
        timeout=timeout,
        stdin=subprocess.DEVNULL,
    )
    assert result.returncode == 0, (
        f"{' '.join(argv)} failed ({result.returncode})\n{result.stdout}\n{result.stderr}"
    )
    return result


@pytest.fixture(scope="module")
def installed(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """(wheel, bin folder of a fresh venv with the wheel installed)."""
    # A module fixture is set up before the autouse home fixture: give the build and pip a
    # throwaway home and cache of their own so nothing lands in the real one.
    env = _isolated_env(tmp_path_factory.mktemp("build-home"))
    out = tmp_path_factory.mktemp("wheel")
    _run(
        [sys.executable, "-m", "build", "--wheel", "--outdir", str(out), str(REPO)],
        cwd=out,
        env=env,
        timeout=300,
    )
    wheels = list(out.glob("*.whl"))
    assert len(wheels) == 1, wheels
    venv = tmp_path_factory.mktemp("venv") / "env"
    _run([sys.executable, "-m", "venv", str(venv)], cwd=out, env=env, timeout=120)
    bin_dir = venv / "bin"
    _run(
        [
            str(bin_dir / "python"),
            "-m",
            "pip",
            "install",
            "--quiet",
            "--disable-pip-version-check",
            str(wheels[0]),
        ],
        cwd=out,
        env=env,
        timeout=300,
    )
    return wheels[0], bin_dir


def _isolated_env(home: Path) -> dict[str, str]:
    env = dict(os.environ)
    env.pop("PYTHONPATH", None)
    env.pop("VIRTUAL_ENV", None)
    env["HOME"] = str(home)
    env["XDG_CONFIG_HOME"] = str(home / ".config")
    env["XDG_CACHE_HOME"] = str(home / ".cache")
    env["XDG_DATA_HOME"] = str(home / ".local" / "share")
    env["PIP_CACHE_DIR"] = str(home / ".cache" / "pip")
    env["READER_DB"] = str(home / "reader-db.json")
    return env


def test_version_from_the_fresh_venv(installed: tuple[Path, Path], tmp_path: Path) -> None:
    _, bin_dir = installed
    env = _isolated_env(tmp_path)
    result = _run([str(bin_dir / "reader"), "--version"], cwd=tmp_path, env=env, timeout=60)
    assert result.stdout.strip() == f"reader {reader.__version__}"
    # It is the installed copy, not the checkout, that runs.
    where = _run(
        [str(bin_dir / "python"), "-c", "import reader; print(reader.__file__)"],
        cwd=tmp_path,
        env=env,
        timeout=60,
    ).stdout.strip()
    assert Path(where).is_relative_to(bin_dir.parent), where


def test_wheel_carries_styles_and_samples(installed: tuple[Path, Path]) -> None:
    wheel, _ = installed
    names = set(zipfile.ZipFile(wheel).namelist())
    assert "reader/styles/reader.tcss" in names
    samples = {n for n in names if n.startswith("reader/samples/") and n.endswith(".txt")}
    expected = {f"reader/samples/{p.name}" for p in (REPO / "reader" / "samples").glob("*.txt")}
    assert expected and samples == expected
    assert not any(name.startswith(("tests/", "benchmarks/")) for name in names)


def test_installed_reader_opens_the_sample_library(
    installed: tuple[Path, Path], tmp_path: Path, newest_sample_words: str
) -> None:
    _, bin_dir = installed
    db = tmp_path / "db.json"
    env = dict(os.environ)
    env["READER_DB"] = str(db)
    with Terminal([str(bin_dir / "reader"), "--db", str(db)], env=env, cwd=tmp_path) as term:
        term.wait_for(newest_sample_words, timeout=20)
        count = len(list((REPO / "reader" / "samples").glob("*.txt")))
        term.wait_for(f"{count} of {count} articles")
        term.send("\r")
        screen = term.wait_for(" · ¶ 1/")
        assert "sentence 1/" in screen
        term.send("q")
        assert term.wait_exit(10) == 0
