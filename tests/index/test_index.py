"""The library index: incremental updates, damage and contention, search, who across articles."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from reader.index import IndexUnavailable, connect, search, update, who
from reader.index.build import unpack_report
from reader.index.database import SCHEMA_VERSION
from reader.index.names import name_key
from reader.index.queries import match_expression

KELLER = (
    " date 2025-03-01 BERGEN, Norway (AP) — Finance Minister Anna Keller said on Monday that the "
    "budget would fund two new ferries for the western fjords.\n\n"
    "“The coast cannot wait another winter,” Keller said at the harbour.\n\n"
    "Opposition leader Tomas Brekke called the plan late and small."
)
KELLER_AGAIN = (
    " date 2025-04-11 OSLO, Norway (AP) — Anna Keller, the finance minister, told parliament on "
    "Thursday that ferry tickets would not rise this year.\n\n"
    "“Families have paid enough,” Keller said."
)
HARBOUR = (
    " date 2025-05-02 HALIFAX, Canada (AP) — Harbour pilots said on Friday that new lights "
    "had made the channel safe again after a winter of storms.\n\n"
    "“We sleep better now,” said pilot Marie Olsen."
)


def write(folder: Path, name: str, text: str) -> Path:
    path = folder / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


@pytest.fixture
def news(tmp_path: Path) -> Path:
    folder = tmp_path / "news"
    write(folder, "keller.txt", KELLER)
    write(folder, "later/keller-again.txt", KELLER_AGAIN)
    write(folder, "harbour.txt", HARBOUR)
    return folder


@pytest.fixture
def index(tmp_path: Path) -> sqlite3.Connection:
    conn = connect(tmp_path / "cache" / "index.sqlite3")
    yield conn
    conn.close()


def paths(conn: sqlite3.Connection) -> list[str]:
    return sorted(Path(p).name for (p,) in conn.execute("SELECT path FROM articles"))


def test_a_first_update_reads_everything_and_a_second_nothing(
    index: sqlite3.Connection, news: Path
) -> None:
    first = update(index, [news])
    assert (first.added, first.unchanged) == (3, 0)
    again = update(index, [news])
    assert (again.added, again.changed, again.removed, again.unchanged) == (0, 0, 0, 3)
    assert paths(index) == ["harbour.txt", "keller-again.txt", "keller.txt"]


def test_edits_additions_removals_and_moves(index: sqlite3.Connection, news: Path) -> None:
    update(index, [news])
    harbour = news / "harbour.txt"
    harbour.write_text(HARBOUR.replace("Marie Olsen", "Marie Lund"), encoding="utf-8")
    os.utime(harbour, ns=(1, 1))  # another time stamp, whatever the clock's resolution
    write(news, "new.txt", HARBOUR.replace("HALIFAX", "SYDNEY").replace("Marie Olsen", "Jon Berg"))
    (news / "keller.txt").rename(news / "keller-moved.txt")
    (news / "later" / "keller-again.txt").unlink()
    done = update(index, [news])
    assert (done.added, done.changed, done.moved, done.removed) == (1, 1, 1, 1)
    assert paths(index) == ["harbour.txt", "keller-moved.txt", "new.txt"]
    assert who(index, "Marie Lund") is not None and who(index, "Marie Olsen") is None
    assert [a.path for a in who(index, "Anna Keller").articles] == [str(news / "keller-moved.txt")]


def test_only_the_folder_updated_is_pruned(index: sqlite3.Connection, tmp_path: Path) -> None:
    a = tmp_path / "a"
    b = tmp_path / "b"
    write(a, "one.txt", KELLER)
    write(b, "two.txt", HARBOUR)
    update(index, [a])
    update(index, [b])
    assert paths(index) == ["one.txt", "two.txt"]  # b's update leaves a's articles alone


def test_a_bad_file_is_named_and_skipped(index: sqlite3.Connection, news: Path) -> None:
    (news / "empty.txt").write_text("   \n", encoding="utf-8")
    done = update(index, [news])
    assert done.added == 3 and len(done.problems) == 1 and "empty.txt" in done.problems[0]


def test_several_processes_give_the_same_index(tmp_path: Path, news: Path) -> None:
    one = connect(tmp_path / "one.sqlite3")
    two = connect(tmp_path / "two.sqlite3")
    update(one, [news], jobs=1)
    update(two, [news], jobs=2)
    query = "SELECT a.path, e.name, e.mentions FROM entities e JOIN articles a ON a.id = e.article"
    assert sorted(one.execute(query)) == sorted(two.execute(query))


def test_two_readers_indexing_one_folder_at_once(tmp_path: Path, news: Path) -> None:
    target = tmp_path / "shared.sqlite3"
    env = {**os.environ, "READER_INDEX": str(target)}
    runs = [
        subprocess.Popen(
            [sys.executable, "-m", "reader", "index", str(news)],
            env=env,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for _ in range(2)
    ]
    for run in runs:
        _out, err = run.communicate(timeout=120)
        assert run.returncode == 0, err
        assert "Traceback" not in err
    conn = connect(target)
    assert paths(conn) == ["harbour.txt", "keller-again.txt", "keller.txt"]
    assert conn.execute("SELECT count(*) FROM texts").fetchone() == (3,)


def test_a_damaged_or_foreign_file_is_set_aside_and_rebuilt(tmp_path: Path, news: Path) -> None:
    target = tmp_path / "index.sqlite3"
    target.write_bytes(b"this is not a database at all" * 100)
    conn = connect(target)
    assert update(conn, [news]).added == 3
    assert [p.name.split(".invalid-")[0] for p in tmp_path.glob("*.invalid-*")] == [target.name]
    conn.close()
    other = tmp_path / "other.sqlite3"
    foreign = sqlite3.connect(other)
    foreign.execute("CREATE TABLE mine (x)")
    foreign.commit()
    foreign.close()
    assert update(connect(other), [news]).added == 3


def test_an_index_of_another_version_is_rebuilt(tmp_path: Path, news: Path) -> None:
    target = tmp_path / "index.sqlite3"
    conn = connect(target)
    update(conn, [news])
    conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    conn.close()
    again = connect(target)
    assert paths(again) == [] and update(again, [news]).added == 3


def test_a_folder_that_cannot_be_written_is_one_line(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("x", encoding="utf-8")
    with pytest.raises(IndexUnavailable) as caught:
        connect(blocker / "index.sqlite3")
    assert str(blocker) in str(caught.value) and "\n" not in str(caught.value)


def test_search_ranks_and_shows_the_match(index: sqlite3.Connection, news: Path) -> None:
    update(index, [news])
    hits = search(index, "keller")
    assert {Path(h.path).name for h in hits} == {"keller.txt", "keller-again.txt"}
    for hit in hits:
        text = Path(hit.path).read_text(encoding="utf-8")
        assert text[hit.start : hit.end] == "Keller"
        assert text[hit.start : hit.end] in hit.snippet.replace("…", "")
    assert [Path(h.path).name for h in search(index, "harbour pilots")] == ["harbour.txt"]
    assert search(index, "pilo")[0].path.endswith("harbour.txt")  # a word still being typed
    assert [h.path for h in search(index, "keller", under=[news / "later"])] == [
        str(news / "later" / "keller-again.txt")
    ]
    assert search(index, 'NEAR("x" OR') == []  # FTS5 syntax typed is only words


def test_match_expressions_quote_every_word() -> None:
    assert match_expression("ferry  tick") == '"ferry" "tick"*'
    assert match_expression("*)(") is None


def test_who_joins_one_person_across_articles(index: sqlite3.Connection, news: Path) -> None:
    update(index, [news])
    keller = who(index, "anna keller")
    assert keller is not None and keller.name == "Anna Keller" and keller.type == "PERSON"
    assert [Path(a.path).name for a in keller.articles] == ["keller.txt", "keller-again.txt"]
    assert [a.date for a in keller.articles] == ["2025-03-01", "2025-04-11"]
    said = [q.text for q in keller.quotes]
    assert any("The coast cannot wait" in t for t in said)
    assert any("Families have paid enough" in t for t in said)
    # the surname alone is the one Keller the library knows
    assert who(index, "Keller") is not None
    assert who(index, "Keller").articles == keller.articles
    assert who(index, "Nobody Here") is None


def test_a_surname_shared_by_two_people_joins_neither(
    index: sqlite3.Connection, tmp_path: Path
) -> None:
    folder = tmp_path / "n"
    write(folder, "a.txt", KELLER)
    write(folder, "b.txt", KELLER.replace("Anna Keller", "Erik Keller"))
    update(index, [folder])
    assert who(index, "Keller") is None or len(who(index, "Keller").articles) <= 1


def test_name_keys_fold_case_accents_and_punctuation() -> None:
    assert name_key("Ánna  Keller-Smith") == name_key("ANNA KELLER SMITH") == "anna keller smith"


def test_the_report_kept_is_what_extract_prints(index: sqlite3.Connection, news: Path) -> None:
    from reader.article import load_article
    from reader.extract.report import article_report

    update(index, [news])
    path = news / "harbour.txt"
    (kept,) = index.execute("SELECT report FROM articles WHERE path = ?", (str(path),)).fetchone()
    assert unpack_report(kept) == article_report(load_article(path))


def test_an_index_made_by_another_extractor_is_rebuilt(tmp_path: Path, news: Path) -> None:
    from reader.index.reports import open_read_only

    target = tmp_path / "index.sqlite3"
    conn = connect(target)
    update(conn, [news])
    conn.execute("UPDATE meta SET value = 'reader 0.0.1' WHERE key = 'extractor'")
    conn.close()
    assert open_read_only(target) is None  # its reports are not this reader's
    again = connect(target)
    assert paths(again) == [] and update(again, [news]).added == 3
    again.close()
    assert open_read_only(target) is not None


def test_everyone_counts_articles_and_quotes(index: sqlite3.Connection, news: Path) -> None:
    from reader.index.queries import everyone

    update(index, [news])
    people = {k.name: k for k in everyone(index) if k.type == "PERSON"}
    assert (people["Anna Keller"].articles, people["Anna Keller"].quotes) == (2, 4)
    counts = [k.articles for k in everyone(index)]
    assert counts == sorted(counts, reverse=True)  # the most widely mentioned first
    only_later = {k.name for k in everyone(index, [news / "later"])}
    assert "Anna Keller" in only_later and "Marie Olsen" not in only_later


def test_summaries_are_what_the_library_lists(index: sqlite3.Connection, news: Path) -> None:
    from reader.article import summarize
    from reader.index.queries import summaries

    update(index, [news])
    kept = summaries(index, [news])
    assert len(kept) == 3
    for path, (size, mtime_ns, summary) in kept.items():
        st = Path(path).stat()
        assert (size, mtime_ns) == (st.st_size, st.st_mtime_ns)
        fresh = summarize(path)
        assert (summary.title, summary.date, summary.place, summary.words, summary.site) == (
            fresh.title,
            fresh.date,
            fresh.place,
            fresh.words,
            fresh.site,
        )
    assert len(summaries(index, [news / "later"])) == 1


def _busy_error() -> sqlite3.OperationalError:
    error = sqlite3.OperationalError("database is locked")
    error.sqlite_errorcode = sqlite3.SQLITE_BUSY
    return error


def test_a_busy_index_is_tried_again_and_never_moved_aside(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from reader.index import database

    target = tmp_path / "index.sqlite3"
    connect(target).close()
    real = database._version
    calls = []

    def busy_once(conn: sqlite3.Connection) -> tuple[int, int]:
        calls.append(1)
        if len(calls) == 1:  # another process opening the same index at that moment
            raise _busy_error()
        return real(conn)

    monkeypatch.setattr(database, "_version", busy_once)
    monkeypatch.setattr(database.time, "sleep", lambda seconds: None)
    connect(target).close()
    assert len(calls) == 2
    assert not list(tmp_path.glob("*.invalid-*"))


def test_an_index_busy_for_good_is_unavailable_not_moved_aside(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from reader.index import database

    target = tmp_path / "index.sqlite3"
    connect(target).close()

    def always_busy(conn: sqlite3.Connection) -> str | None:
        raise _busy_error()

    monkeypatch.setattr(database, "extractor", always_busy)
    monkeypatch.setattr(database.time, "sleep", lambda seconds: None)
    with pytest.raises(IndexUnavailable, match="database is locked"):
        connect(target)
    assert not list(tmp_path.glob("*.invalid-*"))
    assert target.is_file()
