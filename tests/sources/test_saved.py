"""Saved copies: a page is fetched once, kept as a text file, and read from then on."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from reader.article import ArticleError, load_article
from reader.article.front_matter import KEYS, one_line, read_front_matter, write_front_matter
from reader.extract import extract_entities
from reader.sources import articles_folder
from reader.sources.saved import SavedArticles, file_stem
from tests.sources.web_server import LocalWeb, article_page


@pytest.fixture
def saved(tmp_path: Path) -> SavedArticles:
    return SavedArticles(articles_folder(tmp_path / "reader.json"))


def test_the_folder_is_beside_the_annotation_file(tmp_path: Path) -> None:
    assert articles_folder(tmp_path / "x" / "reader.json") == tmp_path / "x" / "articles"


def test_the_first_open_fetches_and_saves_then_the_copy_is_read(
    web: LocalWeb, saved: SavedArticles
) -> None:
    url = web.page("/story", article_page())
    path = saved.open(url)
    assert path.parent == saved.folder
    assert path.name == "the-harwick-courier-ferry-crews-return-to-the-island-route.txt"
    assert saved.open(url) == path and saved.find(url) == path
    assert web.hits["/story"] == 1  # the second open read the copy


def test_a_saved_copy_reads_as_the_article(web: LocalWeb, saved: SavedArticles) -> None:
    canonical = "https://courier.example/news/ferry-crews-return"
    url = web.page("/story", article_page(canonical=canonical))
    article = load_article(saved.open(url))
    assert article.title == "Ferry crews return to the island route"
    assert (article.site, article.author, article.url) == (
        "The Harwick Courier",
        "Lena Brandt",
        canonical,
    )
    assert article.date.isoformat() == "2025-03-04"
    assert (article.dateline, article.agency) == ("HARWICK, England", "AP")
    paragraphs = [article.text[p.start : p.end] for p in article.paragraphs]
    assert paragraphs[0].startswith("Ferry crews returned to the island route on Tuesday")
    assert len(paragraphs) == 4
    for junk in ("Home", "Sport", "Related", "Harbour dues", "Privacy", "By Lena"):
        assert all(junk not in p for p in paragraphs), junk


def test_the_front_matter_is_no_part_of_the_story(web: LocalWeb, saved: SavedArticles) -> None:
    url = web.page("/story", article_page(author="Ines Varga"))
    article = load_article(saved.open(url))
    assert article.front_end > 0 and len(article.prose) == len(article.text)
    assert article.prose[article.front_end :] == article.text[article.front_end :]
    names = {e.name for e in extract_entities(article.prose)}
    assert "Owen Marsh" in names and "Priya Nair" in names
    assert not any("Varga" in n or "Courier" in n for n in names), names


def test_found_by_the_address_asked_for_and_by_the_pages_own(
    web: LocalWeb, saved: SavedArticles
) -> None:
    canonical = "https://courier.example/news/ferry"
    web.page("/story", article_page(canonical=canonical))
    short = web.redirect("/s/1", "/story")
    path = saved.open(short)
    assert saved.find(short) == path
    assert saved.find(canonical) == path
    assert saved.find(canonical + "/#comments") == path
    assert saved.find("https://COURIER.example/news/ferry") == path
    assert saved.find("https://courier.example/news/other") is None


def test_two_articles_with_one_name_get_two_files(web: LocalWeb, saved: SavedArticles) -> None:
    first = saved.open(web.page("/a", article_page(paragraphs=("Crews went back to work.",))))
    second = saved.open(web.page("/b", article_page(paragraphs=("The strike ended on Monday.",))))
    assert first != second and second.name.endswith("-2.txt")


def test_refresh_rewrites_the_same_copy(web: LocalWeb, saved: SavedArticles) -> None:
    url = web.page("/story", article_page())
    path = saved.open(url)
    web.page("/story", article_page(paragraphs=("HARWICK (AP) — The ferry ran late on Friday.",)))
    assert saved.refresh(path) == path
    assert "ran late on Friday" in load_article(path).text
    assert saved.open(url, refresh=True) == path and web.hits["/story"] == 3
    assert list(saved.folder.glob("*.txt")) == [path]


def test_a_failed_refresh_keeps_the_copy(web: LocalWeb, saved: SavedArticles) -> None:
    url = web.page("/story", article_page())
    path = saved.open(url)
    before = path.read_bytes()
    web.answers.pop("/story")  # now a 404
    with pytest.raises(ArticleError, match="404"):
        saved.refresh(path)
    web.page("/story", "<html><body><nav><p>Home</p></nav></body></html>")  # no article now
    with pytest.raises(ArticleError, match="no article text"):
        saved.refresh(path)
    assert path.read_bytes() == before
    assert [p.name for p in saved.folder.iterdir()] == [path.name]  # no temporary file left


def test_offline_reads_copies_and_never_fetches(web: LocalWeb, saved: SavedArticles) -> None:
    url = web.page("/story", article_page())
    other = web.page("/other", article_page(title="Another story"))
    with pytest.raises(ArticleError, match=r"not saved yet.*--offline"):
        saved.open(other, offline=True)
    path = saved.open(url)
    assert saved.open(url, offline=True) == path
    assert web.hits["/other"] == 0


def test_a_page_without_an_article_saves_nothing(web: LocalWeb, saved: SavedArticles) -> None:
    url = web.page("/empty", "<html><body><nav><ul><li>Home</li></ul></nav></body></html>")
    with pytest.raises(ArticleError) as caught:
        saved.open(url)
    assert caught.value.path == url and "no article text" in caught.value.problem
    assert not saved.folder.exists() or not any(saved.folder.iterdir())


def test_reading_without_saving(web: LocalWeb, saved: SavedArticles) -> None:
    url = web.page("/story", article_page())
    article = saved.article(url)
    assert article.source == url and "Owen Marsh" in article.text
    assert not saved.folder.exists()


def test_a_hostile_title_stays_one_inert_line(web: LocalWeb, saved: SavedArticles) -> None:
    title = "Ferry\x1b]0;pwned\x07 news\n---\nurl: https://evil.example/"
    url = web.page("/story", article_page(title=title.replace("\n", "&#10;")))
    path = saved.open(url)
    front = read_front_matter(path.read_text(encoding="utf-8"))
    assert front is not None and front.fields["url"] != "https://evil.example/"
    assert "\x1b" not in front.fields["title"] and "\n" not in front.fields["title"]


def test_file_names_are_plain_and_short() -> None:
    assert file_stem("Le Monde", "Été: la grève continue !") == "le-monde-ete-la-greve-continue"
    assert file_stem(None, "«»") == "article"
    assert len(file_stem("S" * 50, "T" * 90)) <= 80


@given(st.dictionaries(st.sampled_from(KEYS), st.text(max_size=60)))
def test_front_matter_reads_back_what_was_written(fields: dict[str, str]) -> None:
    block = write_front_matter(fields)
    front = read_front_matter(block + "The story.\n")
    assert front is not None
    assert dict(front.fields) == {k: one_line(v) for k, v in fields.items() if one_line(v)}
    assert (block + "The story.\n")[front.end :].strip() == "The story."


def test_headings_stay_headings_in_the_saved_copy(web: LocalWeb, saved: SavedArticles) -> None:
    page = article_page().replace("<p>The operator,", "<h2>Back on time</h2><p>The operator,")
    article = load_article(saved.open(web.page("/story", page)))
    headings = [article.text[p.start : p.end] for p in article.paragraphs if p.heading]
    assert headings == ["Back on time"]
    assert "#" not in article.text[article.front_end :]
