"""Datelines: the "BAGHDAD, Dec 30 (Reuters) -" or "Monday, 30 December 2019" that opens a report.

The dateline is the only place a report says when it was written, and relative dates in the
body ("on Sunday", "last week") are resolved against it, so it is read with care; it is also
stripped from the body so that extraction does not mistake "BAGHDAD" for the scene of the
first sentence's event. The grammar accepts three shapes, tried in order:

* a date first, optionally labelled ("Published:", "date"), alone on its line or followed by
  an outlet and a dash ("date 2019-12-30 Alwaght- ...") or by a separator;
* a place first ("BAGHDAD", "BEIRUT, Lebanon", "BAGHDAD/WASHINGTON"), then optionally a date,
  then an outlet in parentheses or slashes and a dash, or just a dash or colon;
* an outlet alone in parentheses ("(CNN) -").

A line matching none of them is body text: ordinary sentences do not start that way.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from tacitus.ingest._dates import DATE_PATTERN, read_date
from tacitus.ingest._lexicon import DATE_LABELS, NOT_PLACES, PLACE_PARTICLES, WEEKDAYS

MAX_LINE = 400  # a dateline is short; longer first lines are only looked at up to here

_SEP = r"[ \t]*(?:-{1,3}|–|—|:)(?:[ \t]+|$)"
_DASH = r"[ \t]*(?:-{1,3}|–|—)(?:[ \t]+|$)"
_OUTLET_WORDS = r"[A-Z0-9][\w&'’.\-]*(?:[ \t]+[\w&'’.\-]+){0,4}"
# An outlet in parentheses ("(Reuters) -") or slashes ("/PRNewswire/ --", TASS's "/TASS/.").
_OUTLET = (
    rf"(?:\((?P<paren>[A-Za-z][\w&'’./\- ]{{0,39}})\){_SEP}"
    rf"|/(?P<slash>[A-Za-z][\w&'’.\- ]{{0,39}})/\.?(?:{_SEP}|[ \t]+|$))"
)
_LABEL = "(?i:" + "|".join(re.escape(label) for label in DATE_LABELS) + r")[ \t]*[:\-]?[ \t]*"
_WEEKDAY_WORD = "(?i:" + "|".join(WEEKDAYS) + r")\b"
_PARTICLE = "(?:" + "|".join(PLACE_PARTICLES) + ")"
_PLACE_WORD = rf"(?!{_WEEKDAY_WORD})[A-Z][A-Za-z'’.\-]*"
# A place name of up to four words, with its country in parentheses when a comma follows
# ("Bamako (Mali), 27/01/2020 (APA) -"); without the comma the parentheses hold the outlet.
_PLACE_PART = (
    rf"{_PLACE_WORD}(?:[ \t]+(?:{_PARTICLE}[ \t]+)?{_PLACE_WORD}){{0,3}}"
    r"(?:[ \t]*\([A-Z][A-Za-z .'’\-]{1,30}\)(?=,))?"
)

_DATE_FIRST = re.compile(
    rf"[ \t]*(?P<label>{_LABEL})?(?P<date>{DATE_PATTERN})"
    rf"(?:(?P<eol>[ \t]*$)|[ \t]*(?:{_OUTLET}|{_SEP})|[ \t]+(?P<outlet>{_OUTLET_WORDS}){_DASH})"
)
_PLACE_FIRST = re.compile(
    rf"[ \t]*(?P<place>{_PLACE_PART}(?:(?:,[ \t]*|/){_PLACE_PART}){{0,2}})"
    rf"(?:,[ \t]*(?P<date>{DATE_PATTERN})\.?)?[ \t]*(?:{_OUTLET}|{_SEP})"
)
_OUTLET_ONLY = re.compile(rf"[ \t]*{_OUTLET}")
_COUNTRY_IN_PARENTHESES = re.compile(r"[ \t]*\(([^)]*)\)")  # "Bamako (Mali)" -> "Bamako, Mali"


@dataclass(frozen=True, slots=True)
class Dateline:
    """What a dateline says; ``length`` characters of the line it was read from are the dateline
    itself (separator and following spaces included), the rest is body."""

    published: date | None
    source: str | None
    place: str | None
    length: int


def _outlet(match: re.Match[str]) -> str | None:
    """The outlet named in a match, from whichever outlet group took part."""
    groups = match.groupdict()
    for name in ("paren", "slash", "outlet"):
        value = groups.get(name)
        if value and value.strip():
            return value.strip()
    return None


def _is_caps_place(place: str) -> bool:
    """An all-capitals place ("BAGHDAD", "NEW DELHI") can stand alone before a dash; a
    capitalised word cannot, since that is how ordinary sentences start."""
    letters = [c for c in place if c.isalpha()]
    first_word = place.split()[0].rstrip(",:")
    return len(letters) >= 3 and all(c.isupper() for c in letters) and first_word not in NOT_PLACES


def parse_dateline(first_line: str, *, today: date | None = None) -> Dateline | None:
    """Read the dateline at the start of ``first_line``, or None if it does not open with one.

    Only the text up to the first newline is considered. A date without a year takes the most
    recent such day not after ``today`` (default: the current date). A date that names no
    real day (30 February) leaves ``published`` None but still strips the dateline.
    """
    today = today or date.today()
    line = first_line.split("\n", 1)[0][:MAX_LINE]

    match = _DATE_FIRST.match(line)
    if match is not None:
        published = read_date(match["date"], today)
        if published is not None or match["label"]:
            length = len(line) if match["eol"] is not None else match.end()
            return Dateline(published, _outlet(match), None, length)

    match = _PLACE_FIRST.match(line)
    if match is not None:
        place = _COUNTRY_IN_PARENTHESES.sub(r", \1", match["place"].strip())
        published = read_date(match["date"], today) if match["date"] else None
        source = _outlet(match)
        if match["date"] or source or _is_caps_place(place):
            return Dateline(published, source, place, match.end())

    match = _OUTLET_ONLY.match(line)
    if match is not None:
        return Dateline(None, _outlet(match), None, match.end())
    return None
