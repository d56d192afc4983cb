"""Several processes on one file, and a writer killed at random moments: no record is lost."""

from __future__ import annotations

import multiprocessing
import os
import random
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

from store_helpers import make_article

from reader.store import AnnotationRecord, AnnotationStore
from reader.store.storage import parse

REPO = Path(__file__).resolve().parents[2]
PER_PROCESS = 20


def _add_many(db: str, doc_id: str, n: int) -> None:
    with AnnotationStore.open(db) as store:
        for i in range(PER_PROCESS):
            store.add_annotation(AnnotationRecord.new(doc_id, n, n + i, f"p{n}"))


def test_processes_adding_at_once_keep_every_record(db: Path, tmp_path: Path) -> None:
    with AnnotationStore.open(db) as store:
        doc = store.document_for(make_article(tmp_path / "a.txt"))
    context = multiprocessing.get_context("fork")
    workers = [context.Process(target=_add_many, args=(str(db), doc.id, n)) for n in range(4)]
    for w in workers:
        w.start()
    for w in workers:
        w.join(30)
        assert w.exitcode == 0
    with AnnotationStore.open(db) as store:
        records = store.annotations_for(doc.id)
        assert store.notice is None
    assert len(records) == 4 * PER_PROCESS == len({r.id for r in records})


CHILD = textwrap.dedent(
    """
    import sys
    from reader.store import AnnotationRecord, AnnotationStore
    store = AnnotationStore.open(sys.argv[1])
    print("ready", flush=True)
    i = 0
    while True:
        record = store.add_annotation(AnnotationRecord.new(sys.argv[2], i, i + 1, "k" * 200))
        print(record.id, flush=True)
        i += 1
    """
)


def test_writer_killed_at_random_moments_loses_nothing_acknowledged(
    db: Path, tmp_path: Path
) -> None:
    with AnnotationStore.open(db) as store:
        doc = store.document_for(make_article(tmp_path / "a.txt"))
        # some bulk, so that a write takes long enough to be interrupted
        for i in range(200):
            store.add_annotation(AnnotationRecord.new(doc.id, i, i + 1, "b" * 200))
    script = tmp_path / "child.py"
    script.write_text(CHILD)
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    acknowledged: set[str] = set()
    rng = random.Random(1234)
    for _ in range(20):
        child = subprocess.Popen(
            [sys.executable, str(script), str(db), doc.id],
            stdout=subprocess.PIPE,
            env=env,
            text=True,
        )
        assert child.stdout is not None
        assert child.stdout.readline() == "ready\n"
        time.sleep(rng.uniform(0.005, 0.06))
        child.send_signal(signal.SIGKILL)
        out, _ = child.communicate(timeout=10)
        acknowledged.update(line for line in out.split("\n")[:-1] if line)  # complete lines only
        data = parse(db.read_bytes(), db)  # always a whole, valid file
        assert acknowledged <= set(data["annotations"])
    assert len(acknowledged) > 20
    with AnnotationStore.open(db) as store:
        assert store.notice is None
        assert len(store.annotations_for(doc.id)) >= 200 + len(acknowledged)


def test_importing_the_store_does_not_import_textual() -> None:
    code = "import reader.store, sys; assert 'textual' not in sys.modules"
    subprocess.run([sys.executable, "-c", code], check=True, cwd=REPO)
