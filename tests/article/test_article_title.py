"""The headline: a title line at the top of a text file is the title, shown once, no paragraph."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from reader.article import load_article, parse_article, summarize
from reader.article.model import Article

FIXTURES = Path(__file__).parents[1] / "fixtures" / "articles"


def para_texts(a: Article) -> list[str]:
    return [a.text[p.start : p.end] for p in a.paragraphs]


def sent_texts(a: Article) -> list[str]:
    return [a.text[s.start : s.end] for s in a.sentences]


# -- plain text -------------------------------------------------------------------------------
def test_plain_title_line_is_the_title_and_not_a_paragraph() -> None:
    path = FIXTURES / "plain.txt"
    a = load_article(path)
    assert a.text == path.read_text(encoding="utf-8")  # the file as decoded, title line included
    assert a.title == "Notes from the allotment" and not a.title_derived
    assert "Notes from the allotment" not in para_texts(a)
    assert para_texts(a)[0].startswith("The tomatoes came in late")
    assert a.body_start == a.text.index("The tomatoes")
    assert sent_texts(a)[0] == "The tomatoes came in late this year."
    assert a.words == len(a.text[a.body_start :].split())


@pytest.mark.parametrize(
    ("text", "title", "first"),
    [
        ("Harbor bridge reopens\n\nThe bridge reopened Tuesday.", "Harbor bridge reopens", "The"),
        ("  Harbor bridge reopens  \n \nThe bridge reopened.\n", "Harbor bridge reopens", "The"),
        ("Mayor: “We will rebuild”\n\nThe mayor spoke Friday.", "Mayor: “We will rebuild”", "The"),
        ("U.S. ferry line sold\n\nA buyer was found.", "U.S. ferry line sold", "A"),
        ("港口大桥重新开放\n\n大桥周二重新开放。", "港口大桥重新开放", "大"),
    ],
)
def test_title_line_forms(text: str, title: str, first: str) -> None:
    a = parse_article(text, source="t.txt")
    assert (a.title, a.title_derived) == (title, False)
    assert title not in para_texts(a)
    assert a.text == text and a.text[a.body_start :].startswith(first)


@pytest.mark.parametrize(
    "text",
    [
        # a full first sentence is the first paragraph, and the title is derived from it
        "The bridge reopened on Tuesday.\n\nTraffic was light.",
        "Will the bridge hold?\n\nEngineers think so.",
        "Nobody expected it!\n\nThe bridge held.",
        "The council gave three reasons:\n\nCost, time and noise.",
        "The bridge reopened on Tuesday,\n\nafter a long wait.",
        "大桥周二重新开放。\n\n交通顺畅。",
        # not one line followed by a blank line
        "Harbor bridge reopens\nThe bridge reopened on Tuesday.",
        # nothing after it: the line is the whole article
        "Harbor bridge reopens",
        "Harbor bridge reopens\n\n",
        # no letters: a separator, not a title
        "* * *\n\nThe bridge reopened.",
        # too long for a headline
        " ".join(["word"] * 40) + "\n\nThe bridge reopened.",
    ],
)
def test_first_paragraph_that_is_not_a_title_line(text: str) -> None:
    a = parse_article(text, source="t.txt")
    assert a.title_derived
    assert a.body_start == len(text) - len(text.lstrip())
    assert para_texts(a)[0].startswith(text.strip().split("\n")[0])


# -- news-wire --------------------------------------------------------------------------------
def test_wire_story_with_a_title_line() -> None:
    a = load_article(FIXTURES / "wire_titled.txt")
    assert a.format == "newswire" and a.date == dt.date(2023, 3, 14)
    assert (a.dateline, a.agency) == ("HARWICK, Maine", "AP")
    assert a.title == "Ferry service resumes after storm" and not a.title_derived
    assert len(a.paragraphs) == 2
    assert para_texts(a)[0].startswith("The island ferry ran again on Monday")
    assert a.text.startswith("date 2023-03-14\nFerry service resumes after storm\n\nHARWICK")
    assert not a.truncated


def test_wire_story_with_a_title_line_and_no_date() -> None:
    text = "Ferry service resumes\n\nHARWICK, Maine (AP) — The ferry ran again.\n\nIt was full."
    a = parse_article(text, source="w.txt")
    assert (a.format, a.dateline, a.agency) == ("newswire", "HARWICK, Maine", "AP")
    assert a.title == "Ferry service resumes" and not a.title_derived
    assert para_texts(a) == ["The ferry ran again.", "It was full."]


def test_dateline_first_paragraph_is_not_taken_for_a_title() -> None:
    a = parse_article("LONDON (AP) — Rain all day\n\nMore rain is due.", source="w.txt")
    assert a.dateline == "LONDON" and a.title_derived
    assert para_texts(a) == ["Rain all day", "More rain is due."]


def test_title_line_then_dateline_with_nothing_after_shows_the_text() -> None:
    a = parse_article("Ferry service resumes\n\nHARWICK, Maine (AP) —", source="w.txt")
    assert a.title == "Ferry service resumes"
    assert para_texts(a) == ["HARWICK, Maine (AP) —"]


# -- the library summary agrees ---------------------------------------------------------------
@pytest.mark.parametrize(
    "text",
    [
        "Harbor bridge reopens\n\nThe bridge reopened on Tuesday.",
        "date 2023-01-02\nHarbor bridge reopens\n\nThe bridge reopened on Tuesday.",
        "Harbor bridge reopens\n\nOSLO (AP) — The bridge reopened.",
        "The bridge reopened on Tuesday.\n\nTraffic was light.",
    ],
)
def test_summary_title_matches_the_article(tmp_path: Path, text: str) -> None:
    f = tmp_path / "story.txt"
    f.write_text(text, encoding="utf-8")
    a, s = load_article(f), summarize(f)
    assert (s.title, s.words, s.format, s.place) == (a.title, a.words, a.format, a.place)


# -- markup already carries its title ---------------------------------------------------------
@pytest.mark.parametrize(
    ("text", "fmt"),
    [
        ("# Harbor bridge reopens\n\nThe bridge reopened.", "markdown"),
        ("Harbor bridge reopens\n=====\n\nThe bridge reopened.", "markdown"),
        ("---\ntitle: Harbor bridge reopens\n---\n# Harbor bridge reopens\n\nIt did.", "markdown"),
        ("<h1>Harbor bridge reopens</h1><p>The bridge reopened.</p>", "html"),
        (
            "<title>Harbor bridge reopens</title><article><h1>Harbor bridge reopens</h1>"
            "<p>The bridge reopened.</p></article>",
            "html",
        ),
        (
            '<meta property="og:title" content="Harbor bridge reopens">'
            "<h1>Harbor bridge reopens</h1><p>The bridge reopened.</p>",
            "html",
        ),
        # the page title carries the site's name; the page's own headline is the title
        (
            "<title>Harbor bridge reopens | The Courier</title>"
            "<h1>Harbor bridge reopens</h1><p>The bridge reopened.</p>",
            "html",
        ),
        (
            "<title>Harbor bridge reopens — The Courier</title>"
            "<h1>Harbor bridge reopens</h1><p>The bridge reopened.</p>",
            "html",
        ),
    ],
)
def test_markup_title_is_shown_once(text: str, fmt: str) -> None:
    a = parse_article(text, source="t", fmt=fmt)
    assert a.title == "Harbor bridge reopens" and not a.title_derived
    assert len(a.paragraphs) == 1 and a.title not in para_texts(a)


def test_a_section_heading_is_not_taken_for_the_headline() -> None:
    page = (
        "<title>Update: harbor bridge reopens</title>"
        "<p>The bridge reopened.</p><h2>Update</h2><p>Traffic was light.</p>"
    )
    a = parse_article(page, source="t", fmt="html")
    assert a.title == "Update: harbor bridge reopens"
    assert para_texts(a) == ["The bridge reopened.", "Update", "Traffic was light."]
