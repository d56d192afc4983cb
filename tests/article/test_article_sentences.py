"""Sentence splitting on news English: a table of tricky cases, offsets, and speed."""

from __future__ import annotations

import time

import pytest

from reader.article.sentences import split_sentences


def sentences(text: str) -> list[str]:
    return [text[s.start : s.end] for s in split_sentences(text, 0, len(text))]


CASES = [
    # titles and ranks
    (
        "Mr. Alder spoke first. Then Mrs. Birch replied.",
        ["Mr. Alder spoke first.", "Then Mrs. Birch replied."],
    ),
    ("Dr. Ruth Quill and Prof. Omar Fenn met Gen. Ivo Strand.", None),
    ("Lt. Col. Mara Voss and Sgt. Ned Hale arrived.", None),
    ("Gov. Tilda Orme and Sen. Paul Reyes spoke with Rep. Ana Cole.", None),
    ("The Rev. Simon Ashby led the service at St. Brendan’s.", None),
    ("The match was Reds vs. Blues. Blues won.", ["The match was Reds vs. Blues.", "Blues won."]),
    ("Ms. Lowe, Jr. partner, left.", None),
    # companies
    ("She joined Tandem Corp. in 2011.", None),
    ("He worked for Orbit Co. Ltd. for years.", None),
    (
        "Shares of Pell Inc. rose. The company said profit doubled.",
        ["Shares of Pell Inc. rose.", "The company said profit doubled."],
    ),
    (
        "It was bought by Ferro Inc. The deal closed Friday.",
        ["It was bought by Ferro Inc.", "The deal closed Friday."],
    ),
    # dates, numbers
    ("The vote is on Jan. 5 and the count on Feb. 9.", None),
    ("It opened Sept. 14, 2001, in Boston.", None),
    ("Prices rose 3.5 percent to $1.2 billion.", None),
    (
        "The train left at 10.30 and arrived at 12.15. Nobody was late.",
        ["The train left at 10.30 and arrived at 12.15.", "Nobody was late."],
    ),
    ("He was ranked No. 3 in the world.", None),
    (
        "She was born in 1971. Her brother in 1975.",
        ["She was born in 1971.", "Her brother in 1975."],
    ),
    # places
    ("They moved to Tempe, Ariz. last spring.", None),
    (
        "He lives in Fresno, Calif. The town is hot.",
        ["He lives in Fresno, Calif.", "The town is hot."],
    ),
    ("The rally in Lowell, Mass. drew thousands.", None),
    ("They flew to St. Louis on Monday.", None),
    # initialisms
    ("The U.S. Navy sent a ship.", None),
    (
        "Troops left the U.S. The move surprised allies.",
        ["Troops left the U.S.", "The move surprised allies."],
    ),
    ("The U.N. Security Council met on Tuesday.", None),
    ("Talks with the U.K. But no deal.", ["Talks with the U.K.", "But no deal."]),
    ("The meeting starts at 9 a.m. Friday.", None),
    (
        "The meeting ended at 5 p.m. It had lasted eight hours.",
        ["The meeting ended at 5 p.m.", "It had lasted eight hours."],
    ),
    ("Doors open at 7 p.m. and close at midnight.", None),
    ("John F. Kennedy visited Dallas.", None),
    ("The author J.R.R. Tolkien taught at Oxford.", None),
    ("Washington, D.C. is the capital.", None),
    # quotes
    (
        "“We will rebuild.” The mayor left the stage.",
        ["“We will rebuild.”", "The mayor left the stage."],
    ),
    ("“Stop!” he said. The car stopped.", ["“Stop!” he said.", "The car stopped."]),
    ("“Why now?” she asked. Nobody answered.", ["“Why now?” she asked.", "Nobody answered."]),
    ('He shouted "Run!" Everyone ran.', ['He shouted "Run!"', "Everyone ran."]),
    ("“He told me, ‘Leave it.’” She paused.", ["“He told me, ‘Leave it.’”", "She paused."]),
    (
        "The plan (announced Monday.) Then silence.",
        ["The plan (announced Monday.)", "Then silence."],
    ),
    ("“It is over,” said Mr. Dunn. “Go home.”", ["“It is over,” said Mr. Dunn.", "“Go home.”"]),
    # ellipses and other enders
    ("He paused... Then he spoke.", ["He paused...", "Then he spoke."]),
    ("He paused … and then went on.", None),
    ("Wait… What happened?", ["Wait…", "What happened?"]),
    ("Is it true? Yes! It is.", ["Is it true?", "Yes!", "It is."]),
    ("See the report, e.g. the second chapter.", None),
    # no final punctuation, soft breaks
    ("A line\nwithout an end", None),
    ("First line.\nSecond line.", ["First line.", "Second line."]),
]


@pytest.mark.parametrize(("text", "expected"), CASES)
def test_split_table(text: str, expected: list[str] | None) -> None:
    assert sentences(text) == (expected if expected is not None else [text])


CJK_CASES = [
    ("今天下雨了。我们没有出门。", ["今天下雨了。", "我们没有出门。"]),
    ("真的吗？是的！我看见了。", ["真的吗？", "是的！", "我看见了。"]),
    ("雨が降った．傘を持って行った．", ["雨が降った．", "傘を持って行った．"]),
    ("本当？！信じられない。", ["本当？！", "信じられない。"]),
    ("本当？!信じられない。", ["本当？!", "信じられない。"]),
    ("今天下雨了。 我们没有出门。", ["今天下雨了。", "我们没有出门。"]),
    ("今天下雨了。\n我们没有出门。", ["今天下雨了。", "我们没有出门。"]),
    # the closing bracket or quote after the mark belongs to the sentence it ends
    ("他说：「明天再来。」然后走了。", ["他说：「明天再来。」", "然后走了。"]),
    ("『行こう。』彼は言った。", ["『行こう。』", "彼は言った。"]),
    ("她说：“我们赢了！”大家都笑了。", ["她说：“我们赢了！”", "大家都笑了。"]),
    ("会议推迟了。（详见附件。）下周再议。", ["会议推迟了。", "（详见附件。）", "下周再议。"]),
    ("他问：「真的？」", None),
    # CJK marks end a sentence whatever follows; English rules still apply to English
    ("The sign read 出口。 then we left.", ["The sign read 出口。", "then we left."]),
    ("Mr. Wang said 你好。Dr. Li agreed.", ["Mr. Wang said 你好。", "Dr. Li agreed."]),
    ("今天下雨了", None),
    # a fullwidth full stop between digits is a decimal point
    ("版本２．０发布了。价格是3．5元。", ["版本２．０发布了。", "价格是3．5元。"]),
]


@pytest.mark.parametrize(("text", "expected"), CJK_CASES)
def test_cjk_sentence_ends(text: str, expected: list[str] | None) -> None:
    assert sentences(text) == (expected if expected is not None else [text])


def test_cjk_offsets_are_exact() -> None:
    text = "前言\n\n  第一句。「第二句！」第三句？  \n\n尾"
    start, end = text.index("  第一"), text.index("\n\n尾")
    got = split_sentences(text, start, end)
    assert [(s.start, s.end) for s in got] == [
        (text.index("第一"), text.index("「")),
        (text.index("「"), text.index("第三")),
        (text.index("第三"), text.index("？") + 1),
    ]


def test_offsets_inside_a_larger_text() -> None:
    text = "HEADER\n\n  One here. Two there.  \n\nTAIL"
    start = text.index("  One")
    end = text.index("\n\nTAIL")
    got = split_sentences(text, start, end)
    assert [text[s.start : s.end] for s in got] == ["One here.", "Two there."]
    assert got[0].start == text.index("One") and got[-1].end == text.index("there.") + 6


def test_blank_span_has_no_sentences() -> None:
    assert split_sentences("   \n ", 0, 5) == ()


def test_one_megabyte_is_fast() -> None:
    para = (
        "Mr. Kell said the U.S. plan would cost $1.2 billion. “It is too much!” he said. "
        "Talks resume Jan. 5 at 10 a.m. in St. Paul, Minn. The mayor agreed... Others did not? "
    )
    text = para * (1_000_000 // len(para))
    t0 = time.perf_counter()
    got = split_sentences(text, 0, len(text))
    elapsed = time.perf_counter() - t0
    assert len(got) > 10_000
    assert elapsed < 1.0, elapsed
