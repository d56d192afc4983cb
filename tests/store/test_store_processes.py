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
        # The first add is acknowledged before the kill is timed, so every round has one,
        # however slow the machine.
        first = child.stdout.readline()
        assert first.endswith("\n")
        acknowledged.add(first.strip())
        time.sleep(rng.uniform(0.0, 0.05))
        child.send_signal(signal.SIGKILL)
        out, _ = child.communicate(timeout=10)
        acknowledged.update(line for line in out.split("\n")[:-1] if line)  # complete lines only
        data = parse(db.read_bytes(), db)  # always a whole, valid file
        assert acknowledged <= set(data["annotations"])
    assert len(acknowledged) >= 20
    with AnnotationStore.open(db) as store:
        assert store.notice is None
        assert len(store.annotations_for(doc.id)) >= 200 + len(acknowledged)


def test_importing_the_store_does_not_import_textual() -> None:
    code = "import reader.store, sys; assert 'textual' not in sys.modules"
    subprocess.run([sys.executable, "-c", code], check=True, cwd=REPO)


def _churn(db: str, doc_id: str, out: int, seed: int) -> None:
    """Forked child: add and delete highlights until killed, acknowledging each on ``out``.

    ``A id`` after an add returned, ``D? id`` before a delete starts and ``D id`` after it
    returned; each line is one ``os.write`` (atomic on a pipe).
    """
    rng = random.Random(seed)
    store = AnnotationStore.open(db)
    mine: list[str] = []
    while True:
        if mine and rng.random() < 0.4:
            victim = mine.pop(rng.randrange(len(mine)))
            os.write(out, f"D? {victim}\n".encode())
            store.delete_annotation(victim)
            os.write(out, f"D {victim}\n".encode())
        else:
            record = store.add_annotation(AnnotationRecord.new(doc_id, 1, 2, "w" * 100))
            mine.append(record.id)
            os.write(out, f"A {record.id}\n".encode())


def _read_all(fd: int) -> str:
    chunks = []
    while chunk := os.read(fd, 65536):
        chunks.append(chunk)
    return b"".join(chunks).decode()


def _wait_for_line(fd: int, prefix: str) -> str:
    """Read from the child until a whole line starting with ``prefix`` has come; all read so far.

    The kill is timed from there, so a round always reaches its mark however slow the machine
    is; only what happens after the mark depends on the random delay.
    """
    seen = ""
    while not any(line.startswith(prefix) for line in seen.split("\n")[:-1]):
        chunk = os.read(fd, 65536)
        if not chunk:
            raise AssertionError(f"the child stopped before writing {prefix!r}")
        seen += chunk.decode()
    return seen


def test_writer_deleting_and_adding_killed_hundreds_of_times(db: Path, tmp_path: Path) -> None:
    """200 SIGKILLs at random moments (forked children, so each round costs milliseconds).

    After every kill the file parses and holds every acknowledged add that was not deleted, and
    none of the acknowledged deletes. A delete cut off before it was acknowledged may or may not
    have happened. Each round waits for the child's first acknowledgement (an add; every fourth
    round, a delete) before it times the kill, so what is asserted does not depend on speed.
    """
    with AnnotationStore.open(db) as store:
        doc = store.document_for(make_article(tmp_path / "a.txt"))
        for i in range(150):  # bulk, so a write takes long enough to be interrupted
            store.add_annotation(AnnotationRecord.new(doc.id, i, i + 1, "b" * 200))
    rng = random.Random(99)
    added: set[str] = set()
    deleted: set[str] = set()
    uncertain: set[str] = set()
    rounds = 200
    for round_number in range(rounds):
        read_end, write_end = os.pipe()
        pid = os.fork()
        if pid == 0:  # the child: never returns into pytest
            try:
                os.close(read_end)
                _churn(str(db), doc.id, write_end, round_number)
            finally:
                os._exit(1)
        os.close(write_end)
        seen = _wait_for_line(read_end, "D " if round_number % 4 == 0 else "A ")
        time.sleep(rng.uniform(0.0, 0.02))
        os.kill(pid, signal.SIGKILL)
        os.waitpid(pid, 0)
        for line in (seen + _read_all(read_end)).split("\n")[:-1]:
            kind, _, ident = line.partition(" ")
            if kind == "A":
                added.add(ident)
            elif kind == "D?":
                uncertain.add(ident)
            elif kind == "D":
                deleted.add(ident)
                uncertain.discard(ident)
        os.close(read_end)
        present = set(parse(db.read_bytes(), db)["annotations"])  # always a whole, valid file
        assert (added - deleted - uncertain) <= present
        assert not (deleted & present)
    assert len(added) >= rounds
    assert len(deleted) >= rounds // 4
    with AnnotationStore.open(db) as store:
        assert store.notice is None
