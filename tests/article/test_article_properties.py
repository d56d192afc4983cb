"""Properties that hold for any input: no crash but ArticleError, sound offsets, inert output."""

from __future__ import annotations

import itertools
import string
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from reader.article import ArticleError, load_article, parse_article, summarize
from reader.article.decode import MAX_CONTROL_SHARE, decode_bytes
from reader.article.sentences import split_sentences
from reader.inert import inert, inert_line

TOKENS = [
    *list(string.ascii_letters[:8] + "ASUNM .,!?…\n  \t“”‘’\"'()—-:;0123456789\x1b\x00"),
    "Mr.",
    "U.S.",
    " p.m.",
    "Dr. ",
    "\n\n",
    "date 2020-01-02 ",
    "LONDON (AP) — ",
    "# ",
    "<p>",
    "- ",
    *"。！？．」『（）雨下２",
    "Ferry news\n\n",
]
NEWSY = st.lists(st.sampled_from(TOKENS), max_size=80).map("".join)
ANY_TEXT = st.one_of(st.text(max_size=300), NEWSY)
SETTINGS = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def check_article(text: str, fmt: str | None) -> None:
    try:
        a = parse_article(text, source="prop", fmt=fmt)
    except ArticleError:
        return
    t = a.text
    prev_end = 0
    for p in a.paragraphs:
        assert 0 <= p.start < p.end <= len(t)
        assert p.start >= prev_end
        assert t[p.start : p.end] == t[p.start : p.end].strip()
        assert p.sentences
        for s in p.sentences:
            assert p.start <= s.start < s.end <= p.end
            assert s.start >= prev_end
            assert t[s.start : s.end] == t[s.start : s.end].strip()
            prev_end = s.end
    assert a.title or a.paragraphs
    if a.format in ("text", "newswire") and not a.title_derived:
        # A title line: in the text above the body, and not a paragraph of it.
        assert a.title in " ".join(t[: a.body_start].split())


@SETTINGS
@given(ANY_TEXT, st.sampled_from([None, "text", "newswire", "markdown", "html"]))
def test_parse_article_never_fails_otherwise(text: str, fmt: str | None) -> None:
    check_article(text, fmt)


@SETTINGS
@given(st.binary(max_size=300))
def test_decode_never_fails_otherwise(data: bytes) -> None:
    try:
        text = decode_bytes(data, "prop")
    except ArticleError:
        return
    assert "\r" not in text and "\x00" not in text and text.strip()
    check_article(text, None)


@SETTINGS
@given(NEWSY)
def test_a_nul_is_replaced_one_for_one(text: str) -> None:
    data = text.replace("\r", "").encode()
    if data.count(0) > MAX_CONTROL_SHARE * len(data):
        return  # binary, or UTF-16 without a BOM
    try:
        got = decode_bytes(data, "prop")
    except ArticleError:
        return
    assert got == text.replace("\r", "").replace("\x00", "\ufffd")


@SETTINGS
@given(NEWSY)
def test_summary_agrees_with_the_article(text: str) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "story.txt"
        path.write_bytes(text.encode())
        try:
            a = load_article(path)
        except ArticleError:
            return
        s = summarize(path)
    assert (s.title, s.words, s.format, s.place, s.date) == (
        a.title,
        a.words,
        a.format,
        a.place,
        a.date,
    )


@SETTINGS
@given(ANY_TEXT)
def test_sentences_cover_the_span(text: str) -> None:
    got = split_sentences(text, 0, len(text))
    stripped = text.strip()
    if not stripped:
        assert got == ()
        return
    assert text[got[0].start :].startswith(stripped[:1]) and got[-1].end == len(text.rstrip())
    for a, b in itertools.pairwise(got):
        assert a.end <= b.start and not text[a.end : b.start].strip()


BAD = {*range(0x00, 0x0A), *range(0x0B, 0x20), 0x7F, *range(0x80, 0xA0)}


@SETTINGS
@given(st.text(max_size=300))
def test_inert_keeps_length_and_removes_controls(text: str) -> None:
    for fn in (inert, inert_line):
        out = fn(text)
        assert len(out) == len(text)
        assert not any(ord(c) in BAD for c in out)
    assert "\n" not in inert_line(text)
