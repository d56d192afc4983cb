"""Small original articles for the interface tests, written in the news-wire form."""

from __future__ import annotations

from pathlib import Path

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


ARTICLE = (
    " date {date} {place} (AP) — {lead} said on Monday that the bridge would reopen. "
    "Engineers had found cracks in two of its piers.\n\n"
    "“We will not take chances,” said {lead}. Traffic will use the ferry until then."
)


def write_library(folder: Path) -> list[Path]:
    rows = [
        ("2024-05-01", "OSLO, Norway", "Mayor Ingrid Sæther", "a/bridge.txt"),
        ("2023-01-15", "LYON, France", "Engineer Paul Marchetti", "b/piers.txt"),
        ("2025-09-30", "PORTO, Portugal", "Minister Rita Calado", "c/deep/ferry.txt"),
    ]
    paths = []
    for date, place, lead, name in rows:
        path = folder / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(ARTICLE.format(date=date, place=place, lead=lead), encoding="utf-8")
        paths.append(path)
    (folder / "notes.bin").write_bytes(b"\x00\x01binary")
    (folder / "a" / "empty.txt").write_bytes(b"")
    return paths
