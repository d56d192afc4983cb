"""The news-wire header: date, dateline and where the body begins."""

from __future__ import annotations

import datetime as dt

import pytest

from reader.article.newswire import parse_header


@pytest.mark.parametrize(
    ("text", "date", "dateline", "agency", "body"),
    [
        (
            " date 2018-04-03 TALLINN, Estonia (AP) — Body.",
            dt.date(2018, 4, 3),
            "TALLINN, Estonia",
            "AP",
            "Body.",
        ),
        (
            "date 2018-04-03\n\nCAIRO (Reuters) -- Body.",
            dt.date(2018, 4, 3),
            "CAIRO",
            "Reuters",
            "Body.",
        ),
        ("NEW YORK (AP) – Body.", None, "NEW YORK", "AP", "Body."),
        ("ST. LOUIS (UPI) — Body.", None, "ST. LOUIS", "UPI", "Body."),
        ("LONDON — Body.", None, "LONDON", None, "Body."),
        ("SAN JUAN, Puerto Rico (AFP) — Body.", None, "SAN JUAN, Puerto Rico", "AFP", "Body."),
        ("FARGO, N.D. (AP) — Body.", None, "FARGO, N.D.", "AP", "Body."),
        ("WINSTON-SALEM, N.C. — Body.", None, "WINSTON-SALEM, N.C.", None, "Body."),
        ("OSLO (Reuters) - Shares fell.", None, "OSLO", "Reuters", "Shares fell."),
        ("BRISK, Maine - A ferry sank.", None, "BRISK, Maine", None, "A ferry sank."),
        ("SOCCER - CUP RESULTS", None, None, None, "SOCCER - CUP RESULTS"),
        ("OSLO-BASED firms", None, None, None, "OSLO-BASED firms"),
        ("date 2018-04-03 Body starts here.", dt.date(2018, 4, 3), None, None, "Body starts here."),
        ("The council — at last — agreed.", None, None, None, "The council — at last — agreed."),
        ("Paris — the city — was quiet.", None, None, None, "Paris — the city — was quiet."),
        ("A — B", None, None, None, "A — B"),
        ("  Plain start.", None, None, None, "Plain start."),
        ("date 2018-13-40 Bad date.", None, None, None, "date 2018-13-40 Bad date."),
    ],
)
def test_header(text, date, dateline, agency, body) -> None:
    h = parse_header(text)
    assert (h.date, h.dateline, h.agency) == (date, dateline, agency)
    assert text[h.body_start :] == body
    assert h.found == (date is not None or dateline is not None)
