"""Reading calendar dates as newsrooms and corpora write them.

One small grammar (ISO, "30 December 2019", "Dec. 30, 2019", with an optional weekday and time)
serves both the datelines at the top of a report and the date columns of corpora, so that the
same string means the same day wherever it appears. A date written without a year gets the
most recent such day that is not in the future: a report cannot be dated after it is read.
"""

from __future__ import annotations

import re
from datetime import UTC, date, datetime

from dateutil import parser as dateutil_parser

from tacitus.ingest._lexicon import MONTHS, WEEKDAYS


def _alternation(words: dict[str, int]) -> str:
    """A regex alternation of the words, longest first so that "sept" wins over "sep"."""
    return "|".join(sorted(words, key=len, reverse=True))


_MONTH = rf"(?i:{_alternation(MONTHS)})\.?(?![A-Za-z])"
_WEEKDAY = rf"(?i:{_alternation(WEEKDAYS)})\.?(?![A-Za-z])"
_DAY = r"[0-3]?\d(?!\d)(?i:st|nd|rd|th)?"
_YEAR = r"(?:1[89]\d\d|2\d\d\d)(?!\d)"
_ISO_TIME = r"(?:[T ][0-2]?\d:[0-5]\d(?::[0-5]\d(?:\.\d+)?)?(?:Z|[+-][0-2]\d:?[0-5]\d)?)"
# A clock time after a written date: "Dec 30, 2019, 08:15 GMT", "Tue 23 Jul 2019 14.20 BST",
# "30 December 2019 | 8 pm".
_TIME = (
    r"(?:[ \t]*(?:,|\||·|•|-|–|—|(?i:at))?[ \t]*"
    r"(?:[0-2]?\d[:.][0-5]\d(?::[0-5]\d)?(?:[ \t]*(?i:[ap]\.?m\.?))?"
    r"|[0-2]?\d[ \t]*(?i:[ap]\.?m\.?))"
    r"(?:[ \t]*(?:\(?[A-Z]{2,5}\)?|[+-][0-2]\d:?[0-5]\d))?)"
)
_WEEKDAY_PREFIX = rf"(?:{_WEEKDAY},?[ \t]+)?"

_FORMS: tuple[re.Pattern[str], ...] = (
    re.compile(
        rf"(?P<y>\d{{4}})[-/](?P<m>[01]?\d)[-/](?P<d>[0-3]?\d)(?!\d){_ISO_TIME}?{_TIME}?"
    ),
    re.compile(
        rf"{_WEEKDAY_PREFIX}(?P<d>{_DAY})[ \t]+(?:(?i:of)[ \t]+)?(?P<m>{_MONTH})"
        rf"(?:,?[ \t]+(?P<y>{_YEAR}))?{_TIME}?"
    ),
    re.compile(
        rf"{_WEEKDAY_PREFIX}(?P<m>{_MONTH})[ \t]+(?P<d>{_DAY})(?:,?[ \t]+(?P<y>{_YEAR}))?{_TIME}?"
    ),
    # Numeric day and month in either order ("27/01/2020", "01/27/2020"): see _numeric.
    re.compile(rf"(?P<a>[0-3]?\d)[/.](?P<b>[0-3]?\d)[/.](?P<y>{_YEAR}){_TIME}?"),
)

# The same grammar without named groups, to embed in the dateline patterns.
DATE_PATTERN = "(?:" + "|".join(re.sub(r"\(\?P<\w+>", "(?:", f.pattern) for f in _FORMS) + ")"

NUMERIC = _FORMS[-1]
_COMPACT = re.compile(r"(?P<y>(?:19|20)\d\d)(?P<m>[01]\d)(?P<d>[0-3]\d)")


def _month_number(word: str) -> int:
    return MONTHS[word.rstrip(".").lower()]


def _day_number(word: str) -> int:
    return int(re.match(r"\d+", word).group())  # type: ignore[union-attr]


def infer_year(month: int, day: int, today: date) -> date | None:
    """The most recent ``month``/``day`` not after ``today`` (this year, else an earlier one).

    Looks back up to eight years so that 29 February still finds a leap year.
    """
    for year in range(today.year, today.year - 9, -1):
        try:
            candidate = date(year, month, day)
        except ValueError:
            continue
        if candidate <= today:
            return candidate
    return None


def _numeric(first: int, second: int, year: int) -> date | None:
    """The day a numeric date names when only one reading is a real day ("27/01/2020" and
    "01/27/2020" are both 27 January); None when day/month and month/day both are, since a
    guessed date is worse than none: every relative date in the report would inherit it."""
    readings = set()
    for month, day in ((second, first), (first, second)):
        try:
            readings.add(date(year, month, day))
        except ValueError:
            continue
    return readings.pop() if len(readings) == 1 else None


def read_date(text: str, today: date) -> date | None:
    """The calendar day a whole date expression names, or None when it names no real day.

    ``text`` must be one date in the grammar (optionally with weekday and time), nothing else.
    """
    for form in _FORMS:
        match = form.fullmatch(text.strip())
        if match is None:
            continue
        groups = match.groupdict()
        if "a" in groups:
            return _numeric(int(groups["a"]), int(groups["b"]), int(groups["y"]))
        month = int(groups["m"]) if groups["m"].isdigit() else _month_number(groups["m"])
        day = _day_number(groups["d"])
        if groups["y"] is None:
            return infer_year(month, day, today)
        try:
            return date(int(groups["y"]), month, day)
        except ValueError:
            return None
    return None


def parse_date_value(value: object, today: date) -> date | None:
    """A corpus's date field (ISO, written dates, ``YYYYMMDD``, epoch seconds) as a day.

    Returns None for anything that does not name one day with certainty: an ambiguous
    numeric date ("03/04/2019"), and any string dateutil completes from its defaults (it is
    asked twice with different ones) because it lacks its day, month or year.
    """
    if isinstance(value, bool):
        return None
    if isinstance(value, (int, float)):
        seconds = value / 1000 if value > 1e11 else value
        try:
            return datetime.fromtimestamp(seconds, tz=UTC).date()
        except (OverflowError, OSError, ValueError):
            return None
    if not isinstance(value, str):
        return None
    text = value.strip()
    found = read_date(text, today)
    if found is not None or NUMERIC.fullmatch(text):
        return found
    compact = _COMPACT.fullmatch(text)
    if compact is not None:
        try:
            return date(int(compact["y"]), int(compact["m"]), int(compact["d"]))
        except ValueError:
            return None
    try:
        first = dateutil_parser.parse(text, default=datetime(1901, 1, 1))
        second = dateutil_parser.parse(text, default=datetime(1902, 2, 2))
    except (ValueError, OverflowError, TypeError):
        return None
    return first.date() if first.date() == second.date() else None
