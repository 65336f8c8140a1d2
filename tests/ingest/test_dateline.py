"""Datelines: a table of real newsroom openings, and properties of the parser."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tacitus.ingest import Dateline, parse_dateline

TODAY = date(2026, 11, 25)

# line -> (published, source, place, start of the body)
DATELINES = [
    ("date 2019-12-30 Alwaght- The US military carried out strikes", date(2019, 12, 30), "Alwaght", None, "The US"),
    ("date 2019-12-30 Al-Monitor- Iraqi officials said", date(2019, 12, 30), "Al-Monitor", None, "Iraqi"),
    ("BAGHDAD, Dec 30 (Reuters) - U.S. forces carried out", date(2025, 12, 30), "Reuters", "BAGHDAD", "U.S. forces"),
    ("BAGHDAD, Nov 25 (Reuters) - Today's news", date(2026, 11, 25), "Reuters", "BAGHDAD", "Today's"),
    ("BAGHDAD, Nov 26 (Reuters) - Tomorrow's date is last year", date(2025, 11, 26), "Reuters", "BAGHDAD", "Tomorrow's"),
    ("BAGHDAD, Dec. 30, 2019 (AP) — Thousands of protesters", date(2019, 12, 30), "AP", "BAGHDAD", "Thousands"),
    ("BEIRUT, Lebanon (AP) — Israeli jets struck", None, "AP", "BEIRUT, Lebanon", "Israeli"),
    ("KABUL (Reuters) - Taliban fighters attacked", None, "Reuters", "KABUL", "Taliban"),
    ("Kabul (AFP) - A suicide bomber", None, "AFP", "Kabul", "A suicide"),
    ("Rio de Janeiro, Dec 30 (Reuters) - Police raided", date(2025, 12, 30), "Reuters", "Rio de Janeiro", "Police"),
    ("WASHINGTON, D.C., Sept. 3, 2020 (AP) -- Officials said", date(2020, 9, 3), "AP", "WASHINGTON, D.C.", "Officials"),
    ("LONDON, Dec. 30, 2019 /PRNewswire/ -- Acme Corp announced", date(2019, 12, 30), "PRNewswire", "LONDON", "Acme"),
    ("MOSCOW, December 30. /TASS/. Russia's Defence Ministry said", date(2025, 12, 30), "TASS", "MOSCOW", "Russia's"),
    ("BEIJING, Dec. 30 (Xinhua) -- China on Monday", date(2025, 12, 30), "Xinhua", "BEIJING", "China"),
    ("BAGHDAD/WASHINGTON (Reuters) - Iraq condemned", None, "Reuters", "BAGHDAD/WASHINGTON", "Iraq"),
    ("NEW YORK/LONDON, Jan 3 (Reuters) - Oil prices", date(2026, 1, 3), "Reuters", "NEW YORK/LONDON", "Oil"),
    ("SANA'A, Yemen (AP) — Houthi rebels", None, "AP", "SANA'A, Yemen", "Houthi"),
    ("Beirut, 30 December 2019 (AFP) - Protesters", date(2019, 12, 30), "AFP", "Beirut", "Protesters"),
    ("Dec. 30 (UPI) -- The Pentagon", date(2025, 12, 30), "UPI", None, "The Pentagon"),
    ("Bamako (Mali), 27/01/2020 (APA) - At least 19", date(2020, 1, 27), "APA", "Bamako, Mali", "At least"),
    ("NEW DELHI: The government on Monday", None, None, "NEW DELHI", "The government"),
    ("MOSUL — Iraqi forces", None, None, "MOSUL", "Iraqi"),
    ("(CNN) — A gunman opened fire", None, "CNN", None, "A gunman"),
    ("Monday, 30 December 2019", date(2019, 12, 30), None, None, ""),
    ("30 December 2019", date(2019, 12, 30), None, None, ""),
    ("December 30, 2019", date(2019, 12, 30), None, None, ""),
    ("Mon, Dec 30th, 2019 08:15 GMT", date(2019, 12, 30), None, None, ""),
    ("Tue 23 Jul 2019 14.20 BST", date(2019, 7, 23), None, None, ""),
    ("2019-12-30", date(2019, 12, 30), None, None, ""),
    ("2019-12-30T08:15:00Z", date(2019, 12, 30), None, None, ""),
    ("2019/12/30 08:15", date(2019, 12, 30), None, None, ""),
    ("Published: 30 Dec 2019 08:15 GMT", date(2019, 12, 30), None, None, ""),
    ("Published on December 30, 2019, 8:15 pm", date(2019, 12, 30), None, None, ""),
    ("Updated: 2019-12-30T08:15:00+03:00", date(2019, 12, 30), None, None, ""),
    ("December 30, 2019 - Clashes erupted", date(2019, 12, 30), None, None, "Clashes"),
    ("Dec 30 (Reuters) - Clashes erupted", date(2025, 12, 30), "Reuters", None, "Clashes"),
    ("Feb 29 (Reuters) - A leap day", date(2024, 2, 29), "Reuters", None, "A leap"),
]

NOT_DATELINES = [
    "US forces carried out air strikes in Iraq on Sunday.",
    "The army said - without giving details - that it had withdrawn.",
    "Iraqi Prime Minister Adel Abdul Mahdi condemned the strikes.",
    "December 2019 was the deadliest month.",
    "30 December 2019 was a Monday.",
    "UPDATE: the death toll has risen",
    "Iraq/Syria: the border crossing reopened",
    "Kabul: a bomb exploded",
    "U.S. forces withdrew.",
    "(pictured) The minister",
    "2019-13-45",
    "",
]


@pytest.mark.parametrize("line, published, source, place, body", DATELINES)
def test_dateline_table(line: str, published: date | None, source: str | None, place: str | None, body: str) -> None:
    found = parse_dateline(line, today=TODAY)
    assert found is not None
    assert (found.published, found.source, found.place) == (published, source, place)
    assert line[found.length :].startswith(body)
    if body:
        assert line[found.length] == body[0]


@pytest.mark.parametrize("line", NOT_DATELINES)
def test_ordinary_lines_are_not_datelines(line: str) -> None:
    assert parse_dateline(line, today=TODAY) is None


def test_only_the_first_line_is_read() -> None:
    assert parse_dateline("Iraqi forces said\n30 December 2019", today=TODAY) is None
    found = parse_dateline("30 December 2019\nIraqi forces said", today=TODAY)
    assert found == Dateline(date(2019, 12, 30), None, None, len("30 December 2019"))


@pytest.mark.parametrize("line", ["BAGHDAD, 03/04/2019 (Reuters) - Body", "BAGHDAD, Feb 30, 2019 (Reuters) - Body"])
def test_ambiguous_or_impossible_date_is_stripped_without_a_date(line: str) -> None:
    found = parse_dateline(line, today=TODAY)
    assert found == Dateline(None, "Reuters", "BAGHDAD", len(line) - len("Body"))


def test_impossible_date_is_stripped_without_a_date() -> None:
    found = parse_dateline("BAGHDAD, Feb 30, 2019 (Reuters) - Body", today=TODAY)
    assert found == Dateline(None, "Reuters", "BAGHDAD", len("BAGHDAD, Feb 30, 2019 (Reuters) - "))


@given(st.text(max_size=300))
def test_never_raises(line: str) -> None:
    found = parse_dateline(line, today=TODAY)
    if found is not None:
        assert 0 < found.length <= len(line)
        assert found.published is None or found.published <= TODAY


MONTH_NAMES = ["January", "February", "March", "April", "May", "June", "July", "August",
               "September", "October", "November", "December"]
WEEKDAY_NAMES = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
WRITTEN = [
    lambda d: d.isoformat(),
    lambda d: f"{d.isoformat()}T08:15:00Z",
    lambda d: f"{d.day} {MONTH_NAMES[d.month - 1]} {d.year}",
    lambda d: f"{WEEKDAY_NAMES[d.weekday()]}, {d.day} {MONTH_NAMES[d.month - 1]} {d.year}",
    lambda d: f"{MONTH_NAMES[d.month - 1]} {d.day}, {d.year}",
    lambda d: f"{MONTH_NAMES[d.month - 1][:3]}. {d.day}, {d.year}",
    lambda d: f"{d.day} {MONTH_NAMES[d.month - 1][:3].upper()} {d.year}",
]
LINES = [
    lambda w: w,
    lambda w: f"Published: {w}",
    lambda w: f"date {w} Alwaght- Body",
    lambda w: f"{w} - Body",
]


@given(
    st.dates(min_value=date(1900, 1, 1), max_value=TODAY),
    st.sampled_from(WRITTEN),
    st.sampled_from(LINES),
)
def test_written_dates_round_trip(day: date, written, line) -> None:
    found = parse_dateline(line(written(day)), today=TODAY)
    assert found is not None and found.published == day


@given(st.dates(min_value=date(1900, 1, 1), max_value=TODAY), st.sampled_from(WRITTEN[2:]))
def test_place_datelines_round_trip(day: date, written) -> None:
    line = f"BAGHDAD, {written(day)} (Reuters) - Body"
    found = parse_dateline(line, today=TODAY)
    assert found == Dateline(day, "Reuters", "BAGHDAD", len(line) - len("Body"))


@given(st.dates(min_value=TODAY - timedelta(days=366), max_value=TODAY))
def test_yearless_dates_are_the_most_recent_past_day(day: date) -> None:
    found = parse_dateline(f"BAGHDAD, {MONTH_NAMES[day.month - 1][:3]} {day.day} (Reuters) - x", today=TODAY)
    assert found is not None and found.published is not None
    assert found.published <= TODAY and TODAY - found.published < timedelta(days=366)
    assert (found.published.month, found.published.day) == (day.month, day.day)
