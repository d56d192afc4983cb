"""Web addresses on the command line: ``reader fetch``, ``reader extract URL``, ``reader URL``."""

from __future__ import annotations

import json
import os
from pathlib import Path

from reader.sources import articles_folder
from tests.sources.web_server import LocalWeb, article_page
from tests.test_cli import assert_one_line_error, run


def saved_folder() -> Path:
    return articles_folder(Path(os.environ["READER_DB"]))


def test_fetch_saves_and_prints_each_copy(web: LocalWeb) -> None:
    first = web.page("/a", article_page())
    second = web.page("/b", article_page(title="Island shops count the cost"))
    result = run("fetch", first, second)
    assert result.returncode == 0, result.stderr
    paths = [Path(line) for line in result.stdout.splitlines()]
    assert [p.parent for p in paths] == [saved_folder()] * 2
    assert paths[1].name == "the-harwick-courier-island-shops-count-the-cost.txt"
    assert all(p.is_file() for p in paths)


def test_fetch_goes_on_past_a_bad_page(web: LocalWeb) -> None:
    good = web.page("/a", article_page())
    missing = web.url("/gone")
    result = run("fetch", missing, good)
    assert result.returncode == 2
    assert result.stderr.strip() == f"reader: {missing}: the server answered 404 Not Found"
    assert len(result.stdout.splitlines()) == 1 and Path(result.stdout.strip()).is_file()


def test_fetch_refuses_what_is_not_an_address() -> None:
    assert_one_line_error(run("fetch", "news/story.txt"), "news/story.txt", "not a web address")


def test_fetch_refresh_rewrites_the_copy(web: LocalWeb) -> None:
    url = web.page("/a", article_page())
    path = Path(run("fetch", url).stdout.strip())
    web.page("/a", article_page(paragraphs=("HARWICK (AP) — The last ferry was cancelled.",)))
    assert Path(run("fetch", url).stdout.strip()) == path
    assert "last ferry was cancelled" not in path.read_text(encoding="utf-8")
    assert Path(run("fetch", "--refresh", url).stdout.strip()) == path
    assert "last ferry was cancelled" in path.read_text(encoding="utf-8")


def test_extract_reads_a_page_without_saving_it(web: LocalWeb) -> None:
    url = web.page("/a", article_page(canonical="https://courier.example/ferry"))
    result = run("extract", "--format", "jsonl", "--text", url)
    assert result.returncode == 0, result.stderr
    report = json.loads(result.stdout)
    assert report["path"] == url and report["url"] == "https://courier.example/ferry"
    assert report["article"]["title"] == "Ferry crews return to the island route"
    people = {e["name"] for e in report["entities"] if e["type"] == "PERSON"}
    assert {"Owen Marsh", "Priya Nair"} <= people
    for m in (m for e in report["entities"] for m in e["mentions"]):
        assert report["text"][m["start"] : m["end"]] == m["text"]
    assert not saved_folder().exists()


def test_extract_reads_the_saved_copy_when_there_is_one(web: LocalWeb) -> None:
    url = web.page("/a", article_page())
    run("fetch", url)
    web.answers.pop("/a")  # gone from the web: the copy is what is read
    result = run("extract", "--format", "jsonl", "--text", "--offline", url)
    assert result.returncode == 0, result.stderr
    report = json.loads(result.stdout)
    assert report["path"].startswith(str(saved_folder()))
    assert "Owen Marsh" in report["text"]


def test_offline_names_an_address_not_saved(web: LocalWeb) -> None:
    url = web.page("/a", article_page())
    assert_one_line_error(run("extract", "--format", "jsonl", "--offline", url), url, "--offline")
    assert_one_line_error(run("--offline", url), url, "--offline")
    assert web.hits["/a"] == 0


def test_reader_url_that_fails_is_one_line(web: LocalWeb) -> None:
    missing = web.url("/gone")
    result = run(missing)
    assert_one_line_error(result, missing, "404")
    page = web.page("/doc.pdf", "%PDF", **{"Content-Type": "application/pdf"})
    assert_one_line_error(run(page), page, "not a web page (application/pdf)")


def test_urls_and_files_mix_on_one_command_line(web: LocalWeb, tmp_path: Path) -> None:
    from reader.__main__ import _saved_copies

    story = tmp_path / "story.txt"
    story.write_text("HARWICK (AP) — The ferry ran.", encoding="utf-8")
    url = web.page("/a", article_page())
    db = Path(os.environ["READER_DB"])
    out = _saved_copies([str(story), url, str(tmp_path)], db, offline=False)
    assert out[0] == str(story) and out[2] == str(tmp_path)
    assert Path(out[1]).parent == saved_folder() and Path(out[1]).is_file()
    assert _saved_copies([url], db, offline=True) == [out[1]]  # saved: no network needed
    assert web.hits["/a"] == 1
