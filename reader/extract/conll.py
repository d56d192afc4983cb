"""CoNLL-2003 files as news text: one document per ``-DOCSTART-``, with the gold names' offsets.

The labelled news the extractor is trained and measured on comes as one token per line
(``word POS chunk NE``, IOB1 tags, a blank line between sentences). Here each document becomes
prose again, as a reader would get it: tokens joined with the spacing of written English
(no space before ``,`` ``.`` ``'s`` ``n't`` or a closing quote, none after an opening one) and
each sentence a paragraph of its own, so that ``text[start:end]`` is exactly each gold name.

The files are not ours to redistribute and are never part of the project: the caller passes
their path (the scorer reads it from ``READER_CONLL``). No Textual, no I/O beyond reading them.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

#: CoNLL types, in the order reports list them.
TYPES = ("PER", "ORG", "LOC", "MISC")

_NO_SPACE_BEFORE = frozenset(
    {
        ".",
        ",",
        ";",
        ":",
        "!",
        "?",
        "%",
        ")",
        "]",
        "}",
        "'s",
        "'S",
        "n't",
        "N'T",
        "'re",
        "'ve",
        "'ll",
        "'d",
        "'m",
        "'",
        "...",
    }
)
_NO_SPACE_AFTER = frozenset({"(", "[", "{", "$", "#"})
#: A word of running prose: all lower case, two letters or more.
_PROSE_WORD = re.compile(r"(?<![^\W\d_])[a-z]{2,}(?![^\W\d_])")
_NUMBER = re.compile(r"\d")


@dataclass(frozen=True, slots=True)
class Name:
    """A gold name: ``text[start:end]``, its CoNLL type."""

    start: int
    end: int
    type: str


@dataclass(frozen=True, slots=True)
class Document:
    """One CoNLL document as prose, with its gold names and which paragraphs are table rows."""

    index: int
    text: str
    names: tuple[Name, ...]
    #: (start, end) of each sentence (a paragraph of ``text``), in order.
    sentences: tuple[tuple[int, int], ...]
    #: Tokens per sentence, and each token's (start, end) and gold IOB tag, for training.
    tokens: tuple[tuple[tuple[int, int, str], ...], ...]

    @property
    def is_prose(self) -> bool:
        """Mostly running sentences, not a table of results or standings.

        The headline and the dateline (the first two sentences) do not count; of the rest, at
        least half must be sentences of prose (:func:`is_prose_line`).
        """
        body = [self.text[s:e] for s, e in self.sentences[2:]]
        if not body:
            return False
        return sum(1 for line in body if is_prose_line(line)) * 2 >= len(body)


def is_prose_line(line: str) -> bool:
    """A sentence of prose, not a row of a table: it has a word all in lower case, and fewer
    than a third of its tokens hold digits (``Haitai 64 2 43 .596`` is a row)."""
    tokens = line.split()
    if not tokens or not _PROSE_WORD.search(line):
        return False
    return 3 * sum(1 for token in tokens if _NUMBER.search(token)) < len(tokens)


def _sentences(path: Path) -> Iterator[list[tuple[str, str]] | None]:
    """Each sentence as [(word, tag)]; None where a document starts."""
    sentence: list[tuple[str, str]] = []
    with path.open(encoding="utf-8") as lines:
        for raw in lines:
            line = raw.rstrip("\n")
            if not line.strip():
                if sentence:
                    yield sentence
                    sentence = []
                continue
            parts = line.split(" ")
            if parts[0] == "-DOCSTART-":
                if sentence:
                    yield sentence
                    sentence = []
                yield None
                continue
            sentence.append((parts[0], parts[-1]))
    if sentence:
        yield sentence


def read_documents(path: str | Path) -> list[Document]:
    """The documents of one CoNLL-2003 file (``eng.train``, ``eng.testa``), as prose."""
    documents: list[Document] = []
    current: list[list[tuple[str, str]]] = []
    for sentence in _sentences(Path(path)):
        if sentence is None:
            if current:
                documents.append(_document(len(documents), current))
            current = []
        else:
            current.append(sentence)
    if current:
        documents.append(_document(len(documents), current))
    return documents


def _document(index: int, sentences: list[list[tuple[str, str]]]) -> Document:
    parts: list[str] = []
    offset = 0
    spans: list[tuple[int, int]] = []
    tokens: list[tuple[tuple[int, int, str], ...]] = []
    for number, sentence in enumerate(sentences):
        if number:
            parts.append("\n\n")
            offset += 2
        start = offset
        placed: list[tuple[int, int, str]] = []
        open_quote = False
        previous = ""
        for position, (word, tag) in enumerate(sentence):
            if position and _space_between(previous, word, open_quote):
                parts.append(" ")
                offset += 1
            if word == '"':
                open_quote = not open_quote
            parts.append(word)
            placed.append((offset, offset + len(word), tag))
            offset += len(word)
            previous = word
        spans.append((start, offset))
        tokens.append(tuple(placed))
    text = "".join(parts)
    return Document(index, text, tuple(_names(tokens)), tuple(spans), tuple(tokens))


def _space_between(previous: str, word: str, open_quote: bool) -> bool:
    """Whether written English puts a space between two tokens (``open_quote``: a ``"`` is open)."""
    if word in _NO_SPACE_BEFORE or previous in _NO_SPACE_AFTER:
        return False
    if word == '"':
        return not open_quote  # an opening quote follows a space, a closing one does not
    return not (previous == '"' and open_quote)  # nothing between an opening quote and its word


def _names(sentences: list[tuple[tuple[int, int, str], ...]]) -> Iterator[Name]:
    """Gold names from IOB1 tags (``B-`` only where two names of one type touch)."""
    for tokens in sentences:
        current: list[int] | None = None  # [start, end]
        kind = ""
        for start, end, tag in tokens:
            prefix, _, label = tag.partition("-")
            if tag == "O" or not label:
                if current is not None:
                    yield Name(current[0], current[1], kind)
                current = None
                continue
            if current is not None and (label != kind or prefix == "B"):
                yield Name(current[0], current[1], kind)
                current = None
            if current is None:
                current, kind = [start, end], label
            else:
                current[1] = end
        if current is not None:
            yield Name(current[0], current[1], kind)
