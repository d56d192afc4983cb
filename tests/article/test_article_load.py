"""Loading every supported form, and every kind of bad input, through the public API."""

from __future__ import annotations

import codecs
import datetime as dt
import io
import os
import random
import sys
from pathlib import Path

import pytest

from reader.article import ArticleError, load_article, parse_article
from reader.article.model import Article

FIXTURES = Path(__file__).parents[1] / "fixtures" / "articles"
REPO = Path(__file__).parents[2]


def para_texts(a: Article) -> list[str]:
    return [a.text[p.start : p.end] for p in a.paragraphs]


def sent_texts(a: Article) -> list[str]:
    return [a.text[s.start : s.end] for s in a.sentences]


def check_structure(a: Article) -> None:
    prev = 0
    for p in a.paragraphs:
        assert prev <= p.start < p.end <= len(a.text)
        assert p.sentences and p.sentences[0].start == p.start and p.sentences[-1].end == p.end
        for s in p.sentences:
            assert prev <= s.start < s.end
            span = a.text[s.start : s.end]
            assert span == span.strip()
            prev = s.end


# -- news-wire --------------------------------------------------------------------------------
def test_newswire_with_date_and_agency() -> None:
    a = load_article(FIXTURES / "wire_ap.txt")
    check_structure(a)
    assert a.format == "newswire"
    assert a.date == dt.date(2019, 7, 14)
    assert (a.dateline, a.agency, a.place) == ("RIVERTON, Wyoming", "AP", "Riverton, Wyoming")
    assert a.text.startswith(" date 2019-07-14 RIVERTON")  # the file, as decoded
    assert a.text[a.body_start :].startswith("A herd of escaped dairy goats")
    assert a.title_derived and a.title.endswith("…") and len(a.title) <= 90
    assert a.title.startswith("A herd of escaped dairy goats wandered")
    assert a.truncated
    assert len(a.paragraphs) == 4
    assert sent_texts(a)[1:4] == [
        "Librarian Dana Whitcombe said the animals came through a side door that had been "
        "propped open for a delivery.",
        "“They went straight for the cookbooks,” she said.",
        "“I suppose that tells you something.”",
    ]
    assert sent_texts(a)[4].endswith("at about 10 a.m.")
    assert sent_texts(a)[-1].endswith("down Main St. to a waiting trail")
    assert a.words == len(a.text[a.body_start :].split())
    assert a.source == str(FIXTURES / "wire_ap.txt")
    assert len(a.content_hash) == 64


def test_newswire_without_agency_or_date() -> None:
    a = load_article(FIXTURES / "wire_no_agency.txt")
    check_structure(a)
    assert (a.format, a.date, a.dateline, a.agency) == ("newswire", None, "LONDON", None)
    assert a.place == "London"
    assert not a.truncated
    assert para_texts(a)[0].startswith("A clock tower")
    assert "7.15 on Tuesday morning" in sent_texts(a)[0]


def test_newswire_with_date_only() -> None:
    a = load_article(FIXTURES / "wire_date_only.txt")
    assert (a.format, a.date, a.dateline) == ("newswire", dt.date(2021, 11, 2), None)
    assert para_texts(a) == [
        "The harbor authority said on Monday that the new ferry terminal would open in the "
        "spring, about two months later than planned.",
        "Officials blamed a shortage of steel.",
    ]


def test_header_without_body_is_shown_as_text() -> None:
    a = parse_article("date 2020-01-01\n", source="x")
    assert a.format == "text" and para_texts(a) == ["date 2020-01-01"]


# -- plain text -------------------------------------------------------------------------------
def test_plain_text_paragraphs_and_soft_breaks() -> None:
    a = load_article(FIXTURES / "plain.txt")
    check_structure(a)
    assert a.format == "text" and a.date is None and a.dateline is None
    assert a.title == "Notes from the allotment" and not a.title_derived  # the title line
    assert len(a.paragraphs) == 2
    assert "\n" in para_texts(a)[0]  # single newlines are kept inside a paragraph
    assert sent_texts(a)[1].startswith("Most of the plants\nhad been")
    assert sent_texts(a)[-1].startswith("Dr. Okafor")
    assert not a.truncated


def test_exact_offsets_for_a_small_text() -> None:
    text = "  First one. Second one!\n\n\n   Third?\n \nFourth"
    a = parse_article(text, source="t", fmt="text")
    assert para_texts(a) == ["First one. Second one!", "Third?", "Fourth"]
    assert sent_texts(a) == ["First one.", "Second one!", "Third?", "Fourth"]
    assert a.truncated and a.words == 6


@pytest.mark.parametrize(
    ("ending", "truncated"),
    [
        ("end.", False),
        ("end!", False),
        ("end?", False),
        ("end…", False),
        ("end.”", False),
        ("end.’”", False),
        ("(end.)", False),
        ("mid-wo", True),
        ("end,", True),
        ("结束。", False),
        ("结束！」", False),
        ("終わり？）", False),
        ("終わり．", False),
        ("结束", True),
    ],
)
def test_truncated(ending: str, truncated: bool) -> None:
    assert parse_article(f"Some text at the {ending}", source="t").truncated is truncated


def test_long_first_sentence_title_is_cut_at_a_word() -> None:
    body = "Word " * 40 + "end."
    a = parse_article(body, source="t")
    assert a.title.endswith("…") and len(a.title) <= 90 and "Wor…" not in a.title


def test_given_title_is_not_derived() -> None:
    a = parse_article("# Headline\n\nBody text.", source="t.md", fmt="markdown")
    assert a.title == "Headline" and not a.title_derived


# -- markdown / html --------------------------------------------------------------------------
def test_markdown_fixture() -> None:
    a = load_article(FIXTURES / "feature.md")
    check_structure(a)
    assert a.format == "markdown"
    assert a.title == "The Lighthouse Keepers of Gull Point" and not a.title_derived
    assert a.date == dt.date(2020, 6, 18)
    paras = para_texts(a)
    assert paras[0].startswith("For forty years the lamp at Gull Point was tended by the same")
    assert "Their logbook is now in the town museum." in paras[0]
    assert all("*" not in p and "](" not in p and "tower.jpg" not in p for p in paras)
    headings = [a.text[p.start : p.end] for p in a.paragraphs if p.heading]
    assert headings == ["The last keeper"]
    assert "“We never missed a night,” said Edith Marlowe, the last of them. She is 91." in paras
    assert "The lamp was automated in 1994." in paras and "The cottage is now a café." in paras
    assert "LOG 1961-03-02  wind NE 9, lamp lit 17:40" in paras
    assert paras[-1] == "Visitors can climb the tower on weekends."
    assert not a.truncated


def test_html_fixture_drops_junk() -> None:
    a = load_article(FIXTURES / "page.html")
    check_structure(a)
    assert a.format == "html"
    assert a.title == "Night Market Returns to Riverside" and not a.title_derived
    # The page's own published time (its metadata), over a date shown in the story.
    assert a.date == dt.date(2022, 9, 9)
    assert (a.dateline, a.agency) == ("RIVERSIDE", "Courier")
    for junk in (
        "TRACKING",
        "INJECTED",
        "color: red",
        "Sport",
        "lantern, get one",
        "Share on",
        "Related:",
        "Great news",
        "Most read",
        "Copyright",
        "cookies",
        "OK",
        "Sept. 10",
    ):
        assert junk not in a.text, junk
    paras = para_texts(a)
    assert paras[0].startswith("The night market came back")
    assert "“We sold out of dumplings by nine,” said Mei\u00a0Tanaka" not in a.text
    assert paras[1].startswith("“We sold out of dumplings by nine,” said Mei Tanaka")
    assert [a.text[p.start : p.end] for p in a.paragraphs if p.heading] == ["Lanterns and music"]
    assert "Entry is free." in paras and "It felt like the town woke up again." in paras
    assert "A brass band played until 11 p.m." in sent_texts(a)


def test_html_is_sniffed_without_extension(tmp_path: Path) -> None:
    f = tmp_path / "page.txt"
    f.write_text("<!doctype html><title>T</title><p>Hello there.</p>", encoding="utf-8")
    a = load_article(f)
    assert a.format == "html" and a.title == "T" and para_texts(a) == ["Hello there."]


# -- standard input ---------------------------------------------------------------------------
def test_stdin(monkeypatch: pytest.MonkeyPatch) -> None:
    data = codecs.BOM_UTF8 + "LIMA, Peru (AP) — A short story.\r\n\r\nThe end.".encode()
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data)))
    a = load_article("-")
    assert a.source == "-" and a.format == "newswire" and a.dateline == "LIMA, Peru"
    assert para_texts(a) == ["A short story.", "The end."]


def test_empty_stdin(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(b"")))
    with pytest.raises(ArticleError) as info:
        load_article("-")
    assert (info.value.path, info.value.problem) == ("-", "empty file")


# -- bad input --------------------------------------------------------------------------------
def problem_of(path: Path | str) -> str:
    with pytest.raises(ArticleError) as info:
        load_article(path)
    assert info.value.path == str(path)
    return info.value.problem


def test_missing_file(tmp_path: Path) -> None:
    assert problem_of(tmp_path / "nope.txt") == "no such file"


def test_folder(tmp_path: Path) -> None:
    assert problem_of(tmp_path) == "is a folder, not a file"


@pytest.mark.skipif(os.geteuid() == 0, reason="root ignores file permissions")
def test_permission_denied(tmp_path: Path) -> None:
    f = tmp_path / "secret.txt"
    f.write_text("Hidden text.")
    f.chmod(0)
    try:
        assert problem_of(f) == "permission denied"
    finally:
        f.chmod(0o600)


@pytest.mark.skipif(os.geteuid() == 0, reason="root ignores file permissions")
def test_file_in_unreadable_folder(tmp_path: Path) -> None:
    d = tmp_path / "locked"
    d.mkdir()
    (d / "a.txt").write_text("Text.")
    d.chmod(0)
    try:
        assert problem_of(d / "a.txt") == "permission denied"
    finally:
        d.chmod(0o700)


def test_binary(tmp_path: Path) -> None:
    f = tmp_path / "image.txt"
    f.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4)
    assert problem_of(f) == "binary file, not an article"


@pytest.mark.parametrize(
    "data",
    [b"\x89PNG\r\n\x1a\n" + random.Random(3).randbytes(20_000), b"\x00" * 20_000],
    ids=["png", "nuls"],
)
def test_binary_is_refused_in_one_line(tmp_path: Path, data: bytes) -> None:
    f = tmp_path / "photo.txt"
    f.write_bytes(data)
    with pytest.raises(ArticleError) as info:
        load_article(f)
    assert str(info.value) == f"{f}: binary file, not an article"


def test_a_stray_nul_is_read_as_text(tmp_path: Path) -> None:
    f = tmp_path / "nul.txt"
    f.write_bytes(b"The ferry left at dawn.\x00 It came back at dusk.\n\nNobody was hurt.")
    a = load_article(f)
    assert sent_texts(a) == [
        "The ferry left at dawn.\ufffd It came back at dusk.",
        "Nobody was hurt.",
    ]


def test_utf16_without_bom(tmp_path: Path) -> None:
    f = tmp_path / "u16.txt"
    f.write_bytes("OSLO (AP) — Snow fell.\r\n\r\nIt melted.".encode("utf-16-le"))
    a = load_article(f)
    assert a.dateline == "OSLO" and para_texts(a) == ["Snow fell.", "It melted."]


def test_empty(tmp_path: Path) -> None:
    f = tmp_path / "empty.md"
    f.write_bytes(b"")
    assert problem_of(f) == "empty file"


def test_whitespace_only(tmp_path: Path) -> None:
    f = tmp_path / "blank.txt"
    f.write_bytes(b" \n\n\t \r\n")
    assert problem_of(f) == "no text in file"


def test_too_large_sparse_file(tmp_path: Path) -> None:
    f = tmp_path / "huge.txt"
    with open(f, "wb") as fh:
        fh.truncate(int(9.3 * 1024 * 1024))
    assert problem_of(f) == "file is 9.3 MB; the limit for an article is 8 MB"


def test_markup_without_text(tmp_path: Path) -> None:
    f = tmp_path / "nav.html"
    f.write_text("<html><body><nav><p>Home</p></nav><script>x()</script></body></html>")
    assert problem_of(f) == "no article text found"


def test_cp1252_file(tmp_path: Path) -> None:
    f = tmp_path / "old.txt"
    f.write_bytes("The council’s “final” offer — €2 million.".encode("cp1252"))
    a = load_article(f)
    assert a.text == "The council’s “final” offer — €2 million."


@pytest.mark.parametrize("encoding", ["utf-16-le", "utf-16-be"])
def test_utf16_with_bom(tmp_path: Path, encoding: str) -> None:
    bom = codecs.BOM_UTF16_LE if encoding.endswith("le") else codecs.BOM_UTF16_BE
    f = tmp_path / "u16.txt"
    f.write_bytes(bom + "OSLO (AP) — Snow fell.\r\n\r\nIt melted.".encode(encoding))
    a = load_article(f)
    assert a.dateline == "OSLO" and para_texts(a) == ["Snow fell.", "It melted."]


def test_crlf_offsets_match_normalised_text(tmp_path: Path) -> None:
    f = tmp_path / "crlf.txt"
    f.write_bytes(b"One line.\r\nSame paragraph.\r\n\r\nNext one.\r\n")
    a = load_article(f)
    assert "\r" not in a.text
    assert para_texts(a) == ["One line.\nSame paragraph.", "Next one."]


def test_unknown_format_is_an_article_error() -> None:
    with pytest.raises(ArticleError):
        parse_article("Text.", source="t", fmt="pdf")


# -- the real seed ----------------------------------------------------------------------------
SEEDS = sorted((REPO.parent / "shared" / "seeds").glob("*.txt"))


@pytest.mark.skipif(not SEEDS, reason="shared seed articles not present")
def test_seed_loads_sensibly() -> None:
    a = load_article(SEEDS[0])
    check_structure(a)
    assert a.format == "newswire"
    assert a.date == dt.date(2017, 2, 20)
    assert a.agency == "AP"
    assert a.dateline is not None and a.dateline.split(",")[0].isupper()
    assert a.truncated and a.title_derived and a.title
    assert a.text.startswith(" date ")
    assert a.body_start > a.text.index("—")


def test_permission_denied_even_as_root(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    def refuse(*args: object, **kwargs: object) -> None:
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr("reader.article.load.open", refuse, raising=False)
    assert problem_of(tmp_path / "a.txt") == "permission denied"


def test_other_os_errors_are_article_errors(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    def fail(*args: object, **kwargs: object) -> None:
        raise OSError(5, "Input/output error")

    monkeypatch.setattr("reader.article.load.open", fail, raising=False)
    assert problem_of(tmp_path / "a.txt") == "input/output error"
