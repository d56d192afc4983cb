"""Markdown and HTML extraction, case by case."""

from __future__ import annotations

import datetime as dt

from reader.article import parse_article
from reader.article.html import extract_html
from reader.article.markdown import extract_markdown, inline


# -- markdown ---------------------------------------------------------------------------------
def test_inline_markup() -> None:
    assert inline("*a* **b** _c_ __d__ ~~e~~ `f *g*`") == "a b c d e f *g*"
    assert inline("see [the map](http://x.test/m) ![pic](p.png) <https://x.test>") == (
        "see the map https://x.test"
    )
    assert inline(r"2 \* 3 = 6 and snake_case_name stays") == "2 * 3 = 6 and snake_case_name stays"
    assert inline("Fish &amp; chips<br>today") == "Fish & chips today"


def test_setext_title_and_heading() -> None:
    doc = extract_markdown("Big Title\n=========\n\nBody one.\n\nPart two\n--------\n\nBody two.\n")
    assert doc.title == "Big Title"
    assert doc.blocks == [("Body one.", False), ("Part two", True), ("Body two.", False)]


def test_only_first_h1_is_title() -> None:
    doc = extract_markdown("# One\n\ntext\n\n# Two\n\nmore\n")
    assert doc.title == "One" and ("Two", True) in doc.blocks


def test_front_matter_without_h1() -> None:
    doc = extract_markdown('---\ntitle: "Quoted: yes"\ndate: 2019-01-31T08:00:00Z\n---\nHello.\n')
    assert (doc.title, doc.date, doc.blocks) == (
        "Quoted: yes",
        dt.date(2019, 1, 31),
        [("Hello.", False)],
    )


def test_lists_quotes_rules_refs_comments() -> None:
    doc = extract_markdown(
        "> quoted\n> > nested\n\n* star item\n+ plus item\n3) numbered\n\n---\n\n"
        "[ref]: http://x.test\n<!-- hidden -->\nend\n"
    )
    # the nested quote is a blockquote of its own, so a paragraph of its own
    assert doc.blocks == [
        ("quoted", False),
        ("nested", False),
        ("star item", False),
        ("plus item", False),
        ("numbered", False),
        ("end", False),
    ]


def test_unclosed_fence_keeps_code() -> None:
    doc = extract_markdown("text\n\n```\ncode line\n")
    assert doc.blocks == [("text", False), ("code line", False)]


def test_markdown_article_offsets() -> None:
    a = parse_article("# T\n\nOne. Two.\n\n## H\n\nThree.", source="x.md", fmt="markdown")
    assert a.text == "One. Two.\n\nH\n\nThree."
    assert [(a.text[p.start : p.end], p.heading) for p in a.paragraphs] == [
        ("One. Two.", False),
        ("H", True),
        ("Three.", False),
    ]


# -- html -------------------------------------------------------------------------------------
# Pages are read with trafilatura; these pin down what the reader does with what it returns.
def test_html_body_without_article() -> None:
    doc = extract_html(
        "<html><head><title>Doc title</title></head><body><nav>Menu</nav>"
        "<h1>Heading</h1><div>Loose text.</div><p>Para &amp; more.</p></body></html>"
    )
    # The page's own headline is the title, and is not a paragraph as well; the menu is gone.
    assert doc.title == "Heading"
    assert doc.blocks == [("Loose text.", False), ("Para & more.", False)]


def test_html_og_title_beats_title_tag() -> None:
    doc = extract_html(
        '<head><title>X | Site</title><meta property="og:title" content="X"></head><p>Body.</p>'
    )
    assert doc.title == "X"


def test_html_junk_classes_and_ids() -> None:
    doc = extract_html(
        '<body class="nav-open"><article class="has-comments"><p>Keep.</p>'
        '<div class="social-share">No1</div><div id="ad-3">No2</div><div class="ads">No3</div>'
        '<div class="newsletter-signup">No4</div><p class="lead">Also keep.</p></article></body>'
    )
    assert [t for t, _ in doc.blocks] == ["Keep.", "Also keep."]


def test_html_whitespace_and_inline_tags() -> None:
    doc = extract_html("<p>  split\n   across <b>lines</b><i>joined</i>,<br>broken  </p>")
    assert doc.blocks == [("split across linesjoined, broken", False)]


def test_html_broken_markup_does_not_crash() -> None:
    doc = extract_html("<p>one<p>two</div></span><li>three<script>bad()")
    assert [t for t, _ in doc.blocks][:2] == ["one", "two"]


def test_html_published_date_from_the_head() -> None:
    page = (
        '<html><head><meta name="article:published_time" content="2020-02-03"></head>'
        "<body><p>Hi there.</p></body></html>"
    )
    assert extract_html(page).date == dt.date(2020, 2, 3)


def test_title_only_document_shows_the_title() -> None:
    a = parse_article("# Just a headline\n", source="x.md", fmt="markdown")
    assert a.title == "Just a headline" and a.text == "Just a headline"
    assert a.paragraphs[0].heading
