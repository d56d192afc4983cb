"""The installed ``reader`` on a database it may read but not write, run as an unprivileged user.

The article opens with its stored highlights, the screen says once that the database is read-only,
and leaving writes nothing: the file keeps its bytes and mtime and no file appears beside it.
"""

from __future__ import annotations

import hashlib
import os
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from reader.article.model import Article
from reader.store import AnnotationRecord, AnnotationStore
from tests.e2e.terminal import Terminal
from tests.e2e.unprivileged import (
    child_env,
    child_folder,
    child_python,
    exec_unprivileged,
    hand_over,
)

pytestmark = pytest.mark.e2e

ARTICLE = (
    " date 2025-09-14 TROMSØ, Norway (AP) — Harbour workers in Tromsø unloaded the last cod of"
    " the winter season on Sunday. The catch was smaller than last year.\n"
    "\n"
    "“The fish moved north early,” said Ingrid Moe, who runs the fish market. Buyers paid more"
    " than they had expected.\n"
)


def snapshot(folder: Path) -> dict[str, tuple[bytes, int]]:
    return {
        str(p.relative_to(folder)): (p.read_bytes(), p.stat().st_mtime_ns)
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


@pytest.fixture
def shared() -> Iterator[Path]:
    with child_folder() as folder:
        yield folder


def highlighted(folder: Path) -> tuple[Path, Path]:
    """An article and a database holding one highlight on its second sentence."""
    article = folder / "tromso.txt"
    article.write_text(ARTICLE, encoding="utf-8")
    db = folder / "data" / "reader.json"
    with AnnotationStore.open(db) as store:
        doc = store.document_for(
            Article(
                text=ARTICLE,
                paragraphs=(),
                title="Cod",
                title_derived=False,
                source=str(article),
                format="text",
                content_hash=hashlib.sha256(ARTICLE.encode()).hexdigest(),
            )
        )
        start = ARTICLE.index("The catch")
        end = ARTICLE.index("year.") + len("year.")
        store.add_annotation(AnnotationRecord.new(doc.id, start, end, ARTICLE[start:end]))
    return article, db


@pytest.mark.parametrize("unwritable", ["file", "folder"])
def test_read_only_database_opens_the_article_and_writes_nothing(
    shared: Path, unwritable: str
) -> None:
    article, db = highlighted(shared)
    hand_over(shared)
    if unwritable == "file":
        db.chmod(0o444)
    else:
        db.parent.chmod(0o555)
    old = time.time() - 3600
    os.utime(db, (old, old))
    before = snapshot(shared)
    # The installed package, run as ``python -m reader``: the ``reader`` script's interpreter may
    # be one the unprivileged user cannot start (see tests/e2e/unprivileged.py).
    argv = exec_unprivileged([child_python(), "-m", "reader", "--db", str(db), str(article)])
    with Terminal(argv, env=child_env(shared), cwd=shared, columns=100, lines=30) as term:
        term.wait_for("Harbour workers in", timeout=20)
        screen = term.wait_for("read-only (", timeout=10)
        assert "could not save" not in screen
        # Reading works: the caret moves to a sentence that is not highlighted...
        term.send("jj")
        term.wait_for("sentence 3/4", timeout=10)
        # ...where highlighting is refused with the same clear line, and the reader goes on.
        term.send("h")
        term.wait_until(lambda s: s.count("read-only (") >= 2, what="the refusal", timeout=10)
        # The stored highlight is listed (and the file, checked below, gained nothing).
        term.send("H")
        term.wait_for("│▌ The catch was smaller than last year.", timeout=10)
        term.send("q")
        assert term.wait_exit(15) == 0
    assert snapshot(shared) == before
