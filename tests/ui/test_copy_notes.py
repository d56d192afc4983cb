"""``Y``: every highlight and note of the article to the clipboard, as the Markdown export."""

from __future__ import annotations

from pathlib import Path

from reader.article import load_article
from reader.exchange.gather import gather
from reader.exchange.markdown import export_markdown
from reader.store import AnnotationRecord, AnnotationStore
from reader.ui.app import make_app
from tests.ui.articles import SHORT, short_article
from tests.ui.keys import drain
from tests.ui.test_reading import open_reading


def messages(app) -> list[str]:
    return [n.message for n in app._notifications]


async def test_Y_copies_every_highlight_in_text_order_as_the_export_does(
    store: AnnotationStore, tmp_path: Path
) -> None:
    path = tmp_path / "halifax.txt"
    path.write_text(SHORT, encoding="utf-8")
    article = load_article(path)
    document = store.document_for(article)
    late, early = article.sentences[4], article.sentences[1]
    for sentence, note, tags in ((late, "Who pays?", ["cost"]), (early, "", [])):
        exact = article.text[sentence.start : sentence.end]
        record = AnnotationRecord.new(
            document.id, sentence.start, sentence.end, exact, note=note, tags=tags
        )
        store.add_annotation(record)

    app = make_app(store, article=article, cursor_blink=False)
    async with app.run_test(size=(100, 30)) as pilot:
        await open_reading(pilot)
        await drain(pilot)
        await pilot.press("Y")
        await pilot.pause()
        copied = app.clipboard
        assert "Copied 2 highlights" in messages(app)

    early_text = article.text[early.start : early.end]
    late_text = article.text[late.start : late.end]
    assert (
        copied.index(f"> {early_text}")
        < copied.index(f"> {late_text}")
        < copied.index("Who pays?")
        < copied.index("`#cost`")
    )
    assert export_markdown(gather(store)) == "# Highlights\n\n" + copied


async def test_Y_without_highlights_says_so(store: AnnotationStore) -> None:
    app = make_app(store, article=short_article(), cursor_blink=False)
    async with app.run_test(size=(100, 30)) as pilot:
        await open_reading(pilot)
        await drain(pilot)
        await pilot.press("Y")
        await pilot.pause()
        assert app.clipboard == ""
        assert "No highlights to copy" in messages(app)


async def test_Y_copies_a_highlight_just_made(store: AnnotationStore) -> None:
    article = short_article()
    app = make_app(store, article=article, cursor_blink=False)
    async with app.run_test(size=(100, 30)) as pilot:
        await open_reading(pilot)
        await pilot.press("j", "h")
        await drain(pilot)
        await pilot.press("Y")
        await pilot.pause()
        sentence = article.sentences[1]
        assert f"> {article.text[sentence.start : sentence.end]}" in app.clipboard
        assert "Copied 1 highlight" in messages(app)
