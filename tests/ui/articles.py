"""Small original articles for the interface tests, written in the news-wire form."""

from __future__ import annotations

from reader.article import Article, parse_article

SHORT = (
    " date 2025-06-03 HALIFAX, Canada (AP) — Harbour pilots in Halifax said Monday they would "
    "stop guiding cargo ships at night until the port replaces two broken channel lights. "
    "The lights failed in a storm last week.\n\n"
    "“We are not going to steer a 300-metre ship by guesswork,” said Marguerite Olsen, who leads "
    "the pilots’ association. She added that daytime traffic would continue as usual.\n\n"
    "The port authority said new lights had been ordered from a supplier in Rotterdam. "
    "A spokesman, Dev Raman, said they should arrive by Friday. Repairs could take 3.5 days.\n\n"
    "Shipping lines warned of delays. Mr. Raman said the port would publish a new timetable."
)


def short_article() -> Article:
    return parse_article(SHORT, source="halifax.txt")


def long_article(paragraphs: int = 60) -> Article:
    """A long article made of varied numbered paragraphs, to page through."""
    body = "\n\n".join(
        f"Paragraph {n} begins here with a first sentence about the harbour. "
        f"A second sentence in paragraph {n} mentions the pilots again. "
        f"The third one closes paragraph {n} with a quiet remark."
        for n in range(1, paragraphs + 1)
    )
    return parse_article(" date 2025-06-04 HALIFAX, Canada (AP) — " + body, source="long.txt")
