"""Markdown read with markdown-it: the parts of real Markdown a line-by-line reading gets wrong."""

from __future__ import annotations

import datetime as dt
import json
import subprocess
import sys
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from reader.article import parse_article
from reader.article.markdown import extract_markdown

REPO = Path(__file__).resolve().parents[2]


def blocks(text: str) -> list[tuple[str, bool]]:
    return extract_markdown(text).blocks


# -- front matter and title -------------------------------------------------------------------
def test_front_matter_title_and_date() -> None:
    doc = extract_markdown(
        "---\ntitle: 'Ferry *timetable* changes'\ndate: 2023-04-05T09:30:00+02:00\n"
        "author: Harbour desk\ntags: [ferries, winter]\n---\n\nThe last ferry leaves later.\n"
    )
    assert doc.title == "Ferry timetable changes"
    assert doc.date == dt.date(2023, 4, 5)
    assert doc.blocks == [("The last ferry leaves later.", False)]


def test_front_matter_title_not_repeated_by_the_same_heading() -> None:
    doc = extract_markdown(
        "---\ntitle: Ferry timetable changes\n---\n\n"
        "# Ferry *timetable* changes\n\nIt runs later.\n"
    )
    assert doc.title == "Ferry timetable changes"
    assert doc.blocks == [("It runs later.", False)]


def test_front_matter_title_and_a_different_heading() -> None:
    doc = extract_markdown("---\ntitle: Ferry news\n---\n# Winter timetable\n\nIt runs later.\n")
    assert doc.title == "Ferry news"
    assert doc.blocks == [("Winter timetable", True), ("It runs later.", False)]


def test_first_heading_is_the_title_and_not_a_paragraph() -> None:
    doc = extract_markdown("# Pier *reopens*\n\nThe pier reopened.\n\n## Repairs\n\nA year.")
    assert doc.title == "Pier reopens"
    assert doc.blocks == [("The pier reopened.", False), ("Repairs", True), ("A year.", False)]
    a = parse_article("# Pier reopens\n\nThe pier reopened.", source="p.md", fmt="markdown")
    assert a.title == "Pier reopens" and a.text == "The pier reopened."


def test_setext_title() -> None:
    doc = extract_markdown("Pier reopens\n============\n\nIt reopened.\n\nRepairs\n---\n\nSlow.")
    assert doc.title == "Pier reopens"
    assert doc.blocks == [("It reopened.", False), ("Repairs", True), ("Slow.", False)]


# -- lists, quotes, references ----------------------------------------------------------------
def test_nested_lists_are_one_paragraph_an_item() -> None:
    assert blocks(
        "- Ferries\n  - Morning boat\n    - Stops at Gull Point\n  - Evening boat\n- Buses\n\n"
        "1. First stop\n   1. The pier\n2. Second stop\n"
    ) == [
        ("Ferries", False),
        ("Morning boat", False),
        ("Stops at Gull Point", False),
        ("Evening boat", False),
        ("Buses", False),
        ("First stop", False),
        ("The pier", False),
        ("Second stop", False),
    ]


def test_loose_list_item_with_two_paragraphs() -> None:
    assert blocks("- The lamp was lit.\n\n  It burned all night.\n\n- The keeper slept.\n") == [
        ("The lamp was lit.", False),
        ("It burned all night.", False),
        ("The keeper slept.", False),
    ]


def test_blockquote_unwrapped() -> None:
    assert blocks("> “We never missed a night,” she said.\n> She is 91.\n>\n> - a list\n") == [
        ("“We never missed a night,” she said. She is 91.", False),
        ("a list", False),
    ]


def test_reference_links_keep_their_text_and_drop_the_definition() -> None:
    assert blocks(
        "The [harbour plan][plan] passed; see [the map][] and [Plan].\n\n"
        '[plan]: https://example.test/plan "The plan"\n'
        "[the map]:\n  https://example.test/map\n\nAfter the vote.\n"
    ) == [("The harbour plan passed; see the map and Plan.", False), ("After the vote.", False)]


def test_an_undefined_reference_stays_as_written() -> None:
    assert blocks("The mayor [sic] spoke.") == [("The mayor [sic] spoke.", False)]


def test_links_and_images() -> None:
    assert blocks(
        "See [the map](https://example.test/m) and <https://example.test/a>.\n\n"
        "![The tower at dusk](tower.jpg)\n\nA [link](javascript:void(0)) still reads as its text."
    ) == [
        ("See the map and https://example.test/a.", False),
        ("A link still reads as its text.", False),
    ]


# -- HTML -------------------------------------------------------------------------------------
def test_html_block_keeps_its_text_in_paragraphs() -> None:
    assert blocks(
        '<div class="box">\n<p>Fares rise &amp; timetables change.</p>\n<h2>Winter</h2>\n'
        "<p>Fewer <b>boats</b> run.</p>\n</div>\n\nAfter the box.\n"
    ) == [
        ("Fares rise & timetables change.", False),
        ("Winter", True),
        ("Fewer boats run.", False),
        ("After the box.", False),
    ]


def test_script_and_style_contents_dropped() -> None:
    assert blocks(
        "<script>\nvar fares = 1;\n</script>\n\n<style>\np { color: red }\n</style>\n\n"
        "Fares <script>track()</script>rose <style>b{}</style>today.\n"
    ) == [("Fares rose today.", False)]


def test_inline_html_tags_dropped_and_text_kept() -> None:
    assert blocks('The <span class="place">pier</span> reopened<br>on <em>Tuesday</em>.') == [
        ("The pier reopened on Tuesday.", False)
    ]


def test_comments_dropped() -> None:
    assert blocks(
        "<!-- an editor's note,\nover two lines -->\n\nThe pier <!-- check this --> reopened.\n"
    ) == [("The pier reopened.", False)]


# -- code, tables, entities, emphasis ---------------------------------------------------------
def test_fences_and_indented_code_are_paragraphs_of_their_own() -> None:
    assert blocks(
        "Before.\n\n```text\nLOG 1961-03-02  wind NE 9\n\n  lamp lit 17:40 &amp; *out*\n```\n\n"
        "~~~\ntilde fence\n~~~\n\n    indented code\n      kept indented\n\nAfter.\n"
    ) == [
        ("Before.", False),
        ("LOG 1961-03-02  wind NE 9\n  lamp lit 17:40 &amp; *out*", False),
        ("tilde fence", False),
        ("indented code\n  kept indented", False),
        ("After.", False),
    ]


def test_table_rows_are_paragraphs_with_cells_joined() -> None:
    assert blocks(
        "| Town | Ferries | Note |\n|:-----|-------:|------|\n"
        "| Gull Point | 4 | *busy* |\n| Hollow | 2 | |\n\nAfter the table.\n"
    ) == [
        ("Town · Ferries · Note", False),
        ("Gull Point · 4 · busy", False),
        ("Hollow · 2", False),
        ("After the table.", False),
    ]


def test_entities_decoded() -> None:
    assert blocks("Fish &amp; chips &copy; &#169; &#x263A; and &nonsense; stays.") == [
        ("Fish & chips © © ☺ and &nonsense; stays.", False)
    ]


def test_emphasis_strong_strikethrough_reduced_to_text() -> None:
    text = "*one* **two** ***three*** ~~four~~ _five_ __six__ snake_case_name `co *de*`"
    assert blocks(text) == [("one two three four five six snake_case_name co *de*", False)]


def test_escapes_and_line_breaks() -> None:
    assert blocks("\\# not a heading\n\n2 \\* 3 is six  \nand a hard break\\\nor two") == [
        ("# not a heading", False),
        ("2 * 3 is six and a hard break or two", False),
    ]


def test_markup_stays_literal_text() -> None:
    assert blocks("Press [bold]here[/bold] now.") == [("Press [bold]here[/bold] now.", False)]


def test_deep_nesting_keeps_its_text() -> None:
    quoted = ">" * 40 + " deep in the quotes"
    listed = "".join("  " * i + f"- level {i}\n" for i in range(30))
    assert blocks(quoted) == [("deep in the quotes", False)]
    assert [t for t, _ in blocks(listed)] == [f"level {i}" for i in range(30)]


# -- loaded only when needed ------------------------------------------------------------------
def test_markdown_it_is_loaded_for_markdown_only() -> None:
    code = """
import json, sys
from reader.article.html import extract_html
from reader.article import parse_article
extract_html("<p>Ferry news.</p>")
parse_article("Ferry news.", source="a.txt")
before = "markdown_it" in sys.modules
parse_article("# Ferry news\\n\\nIt ran.", source="a.md", fmt="markdown")
print(json.dumps([before, "markdown_it" in sys.modules]))
"""
    done = subprocess.run(
        [sys.executable, "-c", code], cwd=REPO, capture_output=True, text=True, check=True
    )
    assert json.loads(done.stdout) == [False, True]


# -- any text ---------------------------------------------------------------------------------
TOKENS = [
    *list("abcAB .,!?\n  \t“”—-:;0123456789\x1b\x00"),
    *"#*_~`[]()<>!&|\\=+>",
    "\n\n",
    "# ",
    "## ",
    "- ",
    "  - ",
    "1. ",
    "> ",
    "```",
    "~~~",
    "    ",
    "---\n",
    "===\n",
    "---\ntitle: Ferry\ndate: 2020-01-02\n---\n",
    "[ref]: http://x.test\n",
    "[ref]",
    "[a](b)",
    "![i](p.png)",
    "<https://x.test>",
    "<!-- ",
    " -->",
    "<div>",
    "</div>",
    "<script>",
    "</script>",
    "<p>",
    "<br>",
    "&amp;",
    "&#0;",
    "&#x110000;",
    "| a | b |\n",
    "|---|---|\n",
]
MARKDOWNISH = st.lists(st.sampled_from(TOKENS), max_size=80).map("".join)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.one_of(st.text(max_size=300), MARKDOWNISH))
def test_any_text_gives_clean_blocks(text: str) -> None:
    doc = extract_markdown(text)
    assert doc.title is None or (doc.title and doc.title == doc.title.strip())
    for block, heading in doc.blocks:
        assert isinstance(heading, bool)
        assert block and block == block.strip()
        assert "\n\n" not in block
