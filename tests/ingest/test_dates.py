"""Dates as corpora write them: ISO, written, compact, epoch; refused when not one day."""

from __future__ import annotations

from datetime import date

import pytest

from tacitus.ingest._dates import infer_year, parse_date_value

TODAY = date(2026, 11, 25)


@pytest.mark.parametrize(
    "value, expected",
    [
        ("2019-12-30", date(2019, 12, 30)),
        ("2019-12-30T08:15:00Z", date(2019, 12, 30)),
        ("2019-12-30 08:15:00+03:00", date(2019, 12, 30)),
        ("2019/12/30", date(2019, 12, 30)),
        ("20191230", date(2019, 12, 30)),
        ("30 December 2019", date(2019, 12, 30)),
        ("Monday, 30 December 2019", date(2019, 12, 30)),
        ("Dec. 30, 2019", date(2019, 12, 30)),
        ("December 30th 2019", date(2019, 12, 30)),
        ("12/30/2019", date(2019, 12, 30)),
        ("30/12/2019", date(2019, 12, 30)),
        ("27.01.2020", date(2020, 1, 27)),
        ("04/04/2019", date(2019, 4, 4)),
        ("03/04/2019", None),  # 3 April or 4 March: not guessed
        ("Mon, 30 Dec 2019 08:15:00 GMT", date(2019, 12, 30)),
        ("Dec 30", date(2025, 12, 30)),
        (1577664000, date(2019, 12, 30)),
        (1577664000000, date(2019, 12, 30)),
        ("", None),
        ("yesterday", None),
        ("December 2019", None),
        ("2019", None),
        ("30", None),
        ("2019-02-30", None),
        (True, None),
        (None, None),
        ({"y": 2019}, None),
    ],
)
def test_parse_date_value(value: object, expected: date | None) -> None:
    assert parse_date_value(value, TODAY) == expected


@pytest.mark.parametrize(
    "month, day, expected",
    [
        (11, 25, date(2026, 11, 25)),
        (11, 26, date(2025, 11, 26)),
        (1, 1, date(2026, 1, 1)),
        (2, 29, date(2024, 2, 29)),
        (2, 30, None),
    ],
)
def test_infer_year(month: int, day: int, expected: date | None) -> None:
    assert infer_year(month, day, TODAY) == expected
