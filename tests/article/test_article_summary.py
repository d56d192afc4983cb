"""Summaries for the library view and the streaming folder walk."""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path

import pytest

from reader.article import ArticleError, ArticleSummary, iter_article_files, load_article, summarize

FIXTURES = Path(__file__).parents[1] / "fixtures" / "articles"


@pytest.mark.parametrize(
    "name",
    [
        "wire_ap.txt",
        "wire_no_agency.txt",
        "wire_date_only.txt",
        "wire_titled.txt",
        "plain.txt",
        "feature.md",
        "page.html",
    ],
)
def test_summary_matches_full_load(name: str) -> None:
    path = FIXTURES / name
    a = load_article(path)
    s = summarize(path)
    assert s == ArticleSummary(
        path=str(path),
        title=a.title,
        date=a.date,
        place=a.place,
        words=a.words,
        content_hash=a.content_hash,
        format=a.format,
    )


def test_summary_of_wire_story() -> None:
    s = summarize(FIXTURES / "wire_ap.txt")
    assert (s.date, s.place, s.format) == (dt.date(2019, 7, 14), "Riverton, Wyoming", "newswire")


def test_summary_errors_are_article_errors(tmp_path: Path) -> None:
    with pytest.raises(ArticleError):
        summarize(tmp_path / "missing.txt")


def make_tree(root: Path) -> None:
    for rel in [
        "b.txt",
        "A.md",
        "c.html",
        "d.htm",
        "e.markdown",
        "notes.pdf",
        "image.png",
        ".hidden.txt",
        ".git/config.txt",
        "sub/z.txt",
        "sub/a.TXT",
        "sub/deeper/x.md",
        "empty/.keep",
    ]:
        p = root / rel
        p.parent.mkdir(parents=True, exist_ok=True)
        p.write_text("Text.")


def test_walk_order_and_filters(tmp_path: Path) -> None:
    make_tree(tmp_path)
    got = [p.relative_to(tmp_path).as_posix() for p in iter_article_files(tmp_path)]
    assert got == [
        "A.md",
        "b.txt",
        "c.html",
        "d.htm",
        "e.markdown",
        "sub/a.TXT",
        "sub/deeper/x.md",
        "sub/z.txt",
    ]


def test_walk_survives_symlink_loops(tmp_path: Path) -> None:
    make_tree(tmp_path)
    (tmp_path / "sub" / "loop").symlink_to(tmp_path, target_is_directory=True)
    (tmp_path / "link.txt").symlink_to(tmp_path / "b.txt")
    got = list(iter_article_files(tmp_path))
    assert len(got) == len(set(got)) == 9  # each folder once; the file link counts as a file


def test_walk_is_lazy(tmp_path: Path) -> None:
    make_tree(tmp_path)
    it = iter_article_files(tmp_path)
    assert next(it).name == "A.md"


def test_walk_of_a_file_yields_it(tmp_path: Path) -> None:
    f = tmp_path / "one.txt"
    f.write_text("x")
    assert list(iter_article_files(f)) == [f]


def test_unreadable_folder_is_reported(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    make_tree(tmp_path)
    real_scandir = os.scandir

    def scandir(path):  # type: ignore[no-untyped-def]
        if Path(path).name == "sub":
            raise PermissionError(13, "Permission denied", str(path))
        return real_scandir(path)

    monkeypatch.setattr("reader.article.summary.os.scandir", scandir)
    errors: list[tuple[Path, str]] = []
    got = [
        p.name for p in iter_article_files(tmp_path, on_error=lambda p, e: errors.append((p, e)))
    ]
    assert "z.txt" not in got and "A.md" in got
    assert errors == [(tmp_path / "sub", "permission denied")]


@pytest.mark.skipif(os.geteuid() == 0, reason="root ignores file permissions")
def test_unreadable_folder_for_real(tmp_path: Path) -> None:
    make_tree(tmp_path)
    (tmp_path / "sub").chmod(0)
    try:
        errors: list[tuple[Path, str]] = []
        list(iter_article_files(tmp_path, on_error=lambda p, e: errors.append((p, e))))
        assert errors == [(tmp_path / "sub", "permission denied")]
    finally:
        (tmp_path / "sub").chmod(0o700)
