"""The one error type loaders raise: it names the file and says what is wrong, in one line."""

from __future__ import annotations


class ArticleError(Exception):
    """An article could not be loaded. ``str(error)`` is ``"<path>: <problem>"``."""

    def __init__(self, path: str, problem: str) -> None:
        super().__init__(f"{path}: {problem}")
        self.path = path
        self.problem = problem
