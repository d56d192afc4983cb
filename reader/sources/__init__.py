"""Where articles come from beyond a file on disk: web pages, fetched once and saved.

No Textual here: the command line, the app's workers and scripts use the same functions.
"""

from __future__ import annotations

from pathlib import Path

from reader.sources.web import is_url

ARTICLES_FOLDER = "articles"


def articles_folder(db: Path) -> Path:
    """The saved copies: ``articles/`` beside the annotation file (the user data folder, or
    wherever ``--db`` puts it, so that tests and a second profile keep theirs apart)."""
    return db.parent / ARTICLES_FOLDER


__all__ = ["ARTICLES_FOLDER", "articles_folder", "is_url"]
