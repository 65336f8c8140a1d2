"""When did the event happen: temporal expressions resolved against the dateline.

News reports date events relative to their own publication ("on Sunday", "yesterday", "last
week"), so a date is only meaningful together with the publication date. ``resolve_expression``
turns one expression into ``(date, precision)``; ``event_date`` finds the expression that
belongs to an event's trigger (its own phrase first, then its clause, then the sentence) and
falls back to the publication date, saying so in ``precision`` ("publication") and ``rule``.
Word lists and offsets live in ``resources/extract/dates.yaml``.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date, timedelta
from enum import StrEnum
from functools import lru_cache
from itertools import pairwise
from typing import Any

from spacy.tokens import Span, Token

from tacitus.errors import ResourceError
from tacitus.extract.numbers import parse_count
from tacitus.extract.status import (
    future_marker,
    has_own_subject,
    is_infinitive_clause,
    reporting_verbs,
)
from tacitus.extract.toll import is_casualty_word
from tacitus.model import DATE_PRECISIONS
from tacitus.nlp.spans import ents_in
from tacitus.resources import LINE_KEY, load_yaml, path, require

RESOURCE = "extract/dates.yaml"
SOURCE = "dates.yaml"

_ISO = re.compile(r"^(\d{4})-(\d{2})-(\d{2})$")
_YEAR = re.compile(r"^(1[89]\d\d|20\d\d)$")
_DAY = re.compile(r"^(\d{1,2})(?:st|nd|rd|th)?$")
_ANY_DAY = date(2000, 6, 15)
_NOMINAL_MODIFIERS = frozenset({"compound", "nmod", "amod", "nummod", "poss"})
_LIGHT_VERBS = frozenset({"be", "happen", "occur", "take", "come", "begin", "start", "continue"})


class Attachment(StrEnum):
    """Where the date expression hangs, which says whether it is the event's own.

    Only an OWN date can tell two incidents apart: a date on a reporting verb ("warned on
    Sunday ... after an air strike"), on a participant's clause, elsewhere in the sentence or
    opening it dates the event only by default.
    """

    OWN = "own"  # the trigger's phrase or clause, its governing verb, the verb it depends on
    REPORTING = "reporting verb"
    PARTICIPANT = "participant"
    SENTENCE = "sentence"
    FRAMING = "framing"  # opens the sentence, set off by a comma
    NONE = "none"  # no expression: the publication date, or nothing


BORROWED = frozenset({Attachment.REPORTING, Attachment.PARTICIPANT, Attachment.SENTENCE,
                      Attachment.FRAMING})


@dataclass(frozen=True, slots=True)
class Distance:
    """'two days after the attack', 'the day before': the event lies ``days`` from another
    event (``event``: its lemma, None when the text names none: "a day later"), at best at
    ``precision``. Carried by a :class:`DateGuess` whose other event the sentence does not date,
    so that :func:`from_anchor` can count from an earlier sentence's date."""

    days: int
    precision: str
    event: str | None
    text: str
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class DateGuess:
    """The date of one event, with the expression that gave it (offsets into ``doc.text``)
    and how that expression attaches to the event."""

    date: date | None
    precision: str | None
    rule: str
    text: str | None = None
    start: int | None = None
    end: int | None = None
    attachment: Attachment = Attachment.NONE
    distance: Distance | None = None

    @property
    def borrowed(self) -> bool:
        """Whether the date was read off another word than the event's own phrase or clause."""
        return self.attachment in BORROWED


@dataclass(frozen=True, slots=True)
class _Resolution:
    date: date
    precision: str
    rule: str


@dataclass(frozen=True, slots=True)
class _Lexicon:
    weekdays: dict[str, int]
    months: dict[str, int]
    weekday_prefixes: dict[str, str]
    relative: dict[tuple[str, ...], tuple[int, str, str]]
    periods: dict[str, int]
    units: dict[str, str]
    fillers: frozenset[str]
    times_of_day: frozenset[str]
    simultaneous_marks: frozenset[str]
    same_event_preps: frozenset[str]
    framing_preps: frozenset[str]
    anchor_units: dict[str, tuple[int, str]]
    anchor_directions: dict[str, int]
    anchor_ordinals: frozenset[str]
    duration_preps: frozenset[str]
    anchor_of_units: dict[str, int]
    within_preps: frozenset[str]
    cause_marks: frozenset[str]
    weekends: dict[tuple[str, ...], str]
    holidays: dict[tuple[str, ...], tuple[int, int]]


def _fail(message: str, line: int | None) -> ResourceError:
    return ResourceError(message, str(path(RESOURCE)), line)


def _entries(data: dict[str, Any], key: str, keys: tuple[str, ...]) -> list[dict[str, Any]]:
    entries = data.get(key)
    if not isinstance(entries, list):
        raise _fail(f"'{key}' must be a list", data.get(LINE_KEY))
    for entry in entries:
        if not isinstance(entry, dict):
            raise _fail(f"'{key}' entries must be mappings", data.get(LINE_KEY))
        require(entry, keys, RESOURCE)
    return entries


def _precision(entry: dict[str, Any]) -> str:
    precision = str(entry["precision"])
    if precision not in DATE_PRECISIONS:
        raise _fail(f"unknown precision '{precision}'", entry.get(LINE_KEY))
    return precision


def _sign(entry: dict[str, Any]) -> int:
    if entry["sign"] not in (1, -1):
        raise _fail("'sign' must be 1 or -1", entry.get(LINE_KEY))
    return int(entry["sign"])


def _names(entries: list[dict[str, Any]], value_key: str) -> dict[str, int]:
    names: dict[str, int] = {}
    for entry in entries:
        for name in [entry["name"], *(entry.get("aliases") or [])]:
            names[str(name).lower()] = int(entry[value_key])
    return names


_WEEKEND_WAYS = ("latest", "previous", "next")


def _month(entry: dict[str, Any]) -> int:
    if not isinstance(entry["month"], int) or not 1 <= entry["month"] <= 12:
        raise _fail("'month' must be 1..12", entry.get(LINE_KEY))
    return int(entry["month"])


def _day(entry: dict[str, Any]) -> int:
    if not isinstance(entry["day"], int) or not 1 <= entry["day"] <= 31:
        raise _fail("'day' must be 1..31", entry.get(LINE_KEY))
    return int(entry["day"])


def _weekends(data: dict[str, Any]) -> dict[tuple[str, ...], str]:
    found = {}
    for entry in _entries(data, "weekends", ("phrase", "which")):
        if entry["which"] not in _WEEKEND_WAYS:
            raise _fail(f"'which' must be one of {', '.join(_WEEKEND_WAYS)}", entry.get(LINE_KEY))
        found[tuple(str(entry["phrase"]).split())] = str(entry["which"])
    return found


@lru_cache(maxsize=1)
def lexicon() -> _Lexicon:
    """Load and validate ``dates.yaml`` once per process."""
    data = load_yaml(RESOURCE)
    if not isinstance(data, dict):
        raise _fail("expected a mapping at the top level", 1)
    relative = {}
    for entry in _entries(data, "relative", ("phrase", "precision")):
        days = entry.get("days", 0)
        if not isinstance(days, int):
            raise _fail("'days' must be an integer", entry.get(LINE_KEY))
        relative[tuple(str(entry["phrase"]).split())] = (
            days, _precision(entry), str(entry.get("note") or "")
        )
    prefixes = {}
    for entry in _entries(data, "weekday_prefixes", ("word", "direction")):
        if entry["direction"] not in ("before", "after"):
            raise _fail("direction must be 'before' or 'after'", entry.get(LINE_KEY))
        prefixes[str(entry["word"])] = str(entry["direction"])
    directions = _entries(data, "anchor_directions", ("word", "sign"))
    word_lists = {}
    for key in ("fillers", "times_of_day", "simultaneous_marks", "same_event_preps",
                "framing_preps", "duration_preps", "within_preps", "cause_marks"):
        words = data.get(key)
        if not isinstance(words, list) or not all(isinstance(w, str) for w in words):
            raise _fail(f"'{key}' must be a list of words", data.get(LINE_KEY))
        word_lists[key] = frozenset(words)
    return _Lexicon(
        weekdays=_names(_entries(data, "weekdays", ("name", "index")), "index"),
        months=_names(_entries(data, "months", ("name", "number")), "number"),
        weekday_prefixes=prefixes,
        relative=relative,
        periods={str(e["word"]): int(e["offset"])
                 for e in _entries(data, "periods", ("word", "offset"))},
        units={str(e["word"]): _precision(e) for e in _entries(data, "units", ("word", "precision"))},
        fillers=word_lists["fillers"],
        times_of_day=word_lists["times_of_day"],
        simultaneous_marks=word_lists["simultaneous_marks"],
        same_event_preps=word_lists["same_event_preps"],
        framing_preps=word_lists["framing_preps"],
        anchor_units={str(e["word"]): (int(e["days"]), _precision(e))
                      for e in _entries(data, "anchor_units", ("word", "days", "precision"))},
        anchor_directions={str(e["word"]): _sign(e) for e in directions},
        anchor_ordinals=frozenset(str(e["word"]) for e in directions if e.get("ordinal")),
        duration_preps=word_lists["duration_preps"],
        anchor_of_units={str(e["word"]): _sign(e)
                         for e in _entries(data, "anchor_of_units", ("word", "sign"))},
        within_preps=word_lists["within_preps"],
        cause_marks=word_lists["cause_marks"],
        weekends=_weekends(data),
        holidays={tuple(str(e["phrase"]).split()): (_month(e), _day(e))
                  for e in _entries(data, "holidays", ("phrase", "month", "day"))},
    )


def _normalise(text: str) -> list[str]:
    text = text.lower().replace("\u2019", "'")
    text = re.sub(r"(?<=[a-z])\.", " ", text)
    text = re.sub(r"(?<=\D)-|-(?=\D)|[,;:()]", " ", text)
    return text.split()


def _month_start(year: int, month: int, offset: int) -> date:
    index = year * 12 + (month - 1) + offset
    return date(index // 12, index % 12 + 1, 1)


def _weekday(index: int, published: date, direction: str) -> date:
    back = (published.weekday() - index) % 7
    if direction == "on or before":
        return published - timedelta(days=back)
    if direction == "before":
        return published - timedelta(days=back or 7)
    ahead = (index - published.weekday()) % 7
    if direction == "on or after":
        return published + timedelta(days=ahead)
    return published + timedelta(days=ahead or 7)


def _day_in_year(month: int, day: int, year: int | None, published: date | None) -> date | None:
    if year is None:
        if published is None:
            return None
        year = published.year
        if (month, day) > (published.month, published.day):
            year -= 1
    if not 1 <= day <= calendar.monthrange(year, month)[1]:
        return None
    return date(year, month, day)


def _absolute(words: list[str], published: date | None, lex: _Lexicon) -> _Resolution | None:
    """Calendar dates: "December 29(, 2019)", "29 December (2019)", "December (2019)", "2017"."""
    if words and words[0] in lex.weekdays and len(words) > 1:
        words = words[1:]
    year = None
    if words and _YEAR.match(words[-1]):
        year = int(words[-1])
        words = words[:-1]
    if not words:
        return None if year is None else _Resolution(date(year, 1, 1), "year", f"year '{year}'")
    words = [w for w in words if w != "of"]
    month_first = len(words) == 2 and words[0] in lex.months and _DAY.match(words[1])
    day_first = len(words) == 2 and words[1] in lex.months and _DAY.match(words[0])
    if month_first:
        month, day = lex.months[words[0]], int(month_first.group(1))
    elif day_first:
        month, day = lex.months[words[1]], int(day_first.group(1))
    elif len(words) == 1 and words[0] in lex.months:
        month = lex.months[words[0]]
        if year is None:
            if published is None:
                return None
            year = published.year - (1 if month > published.month else 0)
            return _Resolution(date(year, month, 1), "month",
                               f"month '{words[0]}' -> latest {words[0].title()} <= {published}")
        return _Resolution(date(year, month, 1), "month", f"month '{words[0]} {year}'")
    else:
        return None
    found = _day_in_year(month, day, year, published)
    if found is None:
        return None
    how = f"month day '{' '.join(words)}'" + (f" {year}" if year else f" -> latest <= {published}")
    return _Resolution(found, "day", how)


def _ago(words: list[str], published: date, lex: _Lexicon) -> _Resolution | None:
    """"two days ago", "three weeks ago", "a year ago"."""
    if len(words) < 3 or words[-1] != "ago":
        return None
    unit = words[-2].rstrip("s")
    count = parse_count(" ".join(words[:-2]))
    if unit not in lex.units or count is None:
        return None
    n = count[0]
    precision = lex.units[unit]
    rule = f"'{' '.join(words)}' -> {n} {unit}(s) before {published}"
    if unit == "day":
        return _Resolution(published - timedelta(days=n), precision, rule)
    if unit == "week":
        return _Resolution(published - timedelta(days=7 * n), precision, rule)
    if unit == "month":
        return _Resolution(_month_start(published.year, published.month, -n), precision, rule)
    return _Resolution(date(published.year - n, 1, 1), precision, rule)


def _period(words: list[str], published: date, lex: _Lexicon) -> _Resolution | None:
    """"last week", "this month", "next year"."""
    if len(words) != 2 or words[0] not in lex.periods or words[1] not in lex.units:
        return None
    offset, unit = lex.periods[words[0]], words[1]
    precision = lex.units[unit]
    rule = f"period '{' '.join(words)}'"
    if unit == "day":
        return _Resolution(published + timedelta(days=offset), precision, rule)
    if unit == "week":
        return _Resolution(published + timedelta(days=7 * offset), precision,
                           f"{rule} -> {published} {offset * 7:+d} days")
    if unit == "month":
        return _Resolution(_month_start(published.year, published.month, offset), precision,
                           f"{rule} -> first day of that month")
    return _Resolution(date(published.year + offset, 1, 1), precision, f"{rule} -> that year")


def _relative(words: list[str], published: date, lex: _Lexicon) -> _Resolution | None:
    entry = lex.relative.get(tuple(words))
    if entry is None:
        return None
    days, precision, note = entry
    rule = f"relative '{' '.join(words)}' -> {published} {days:+d} days"
    return _Resolution(published + timedelta(days=days), precision,
                       f"{rule} ({note})" if note else rule)


def _weekday_expression(
    words: list[str], published: date, lex: _Lexicon, forward: bool
) -> _Resolution | None:
    direction = "on or after" if forward else "on or before"
    prefix = " ".join(words[:-1])
    if prefix in lex.weekday_prefixes:  # "last Sunday", "this past Sunday"
        direction = lex.weekday_prefixes[prefix]
        words = words[-1:]
    if len(words) != 1 or words[0] not in lex.weekdays:
        return None
    found = _weekday(lex.weekdays[words[0]], published, direction)
    latest = "earliest" if direction.endswith("after") else "latest"
    sign = {"on or before": "<=", "before": "<", "on or after": ">=", "after": ">"}[direction]
    return _Resolution(found, "day",
                       f"weekday '{words[0]}' -> {latest} {words[0].title()} {sign} {published}")


def _weekend(words: list[str], published: date, lex: _Lexicon, forward: bool) -> _Resolution | None:
    """ "over the weekend", "last weekend", "next weekend": the Saturday that starts it, at
    week precision. "The weekend" is the latest one begun by the dateline (the coming one when
    the event is announced); "last weekend", read on a Saturday or Sunday, the one before."""
    which = lex.weekends.get(tuple(words))
    if which is None:
        return None
    saturday = lex.weekdays["saturday"]
    if which == "next" or which == "latest" and forward:
        found = _weekday(saturday, published, "after" if which == "next" else "on or after")
    else:
        found = _weekday(saturday, published, "on or before")
        if which == "previous" and published.weekday() >= saturday:
            found -= timedelta(days=7)
    return _Resolution(found, "week", f"weekend '{' '.join(words)}' -> {which} weekend, "
                                      f"starting Saturday {found}")


def _holiday(words: list[str], published: date, lex: _Lexicon, forward: bool) -> _Resolution | None:
    """ "on Christmas Eve", "New Year's Day": a fixed-date holiday, the latest on or before the
    dateline (the next on or after it for an announced event)."""
    found = lex.holidays.get(tuple(words))
    if found is None:
        return None
    month, day = found
    year = published.year
    if forward and (month, day) < (published.month, published.day):
        year += 1
    elif not forward and (month, day) > (published.month, published.day):
        year -= 1
    return _Resolution(date(year, month, day), "day",
                       f"holiday '{' '.join(words)}' -> {year}-{month:02d}-{day:02d}")


def _strip(words: list[str], lex: _Lexicon) -> list[str]:
    """Drop fillers before and times of day after an expression ("late on Monday night")."""
    start = 0
    while start < len(words) - 1 and (words[start] in lex.fillers or
                                      words[start] in lex.times_of_day):
        start += 1
    end = len(words)
    while end > start + 1 and words[end - 1] in lex.times_of_day:
        end -= 1
    return words[start:end]


def _resolve(text: str, published: date | None, forward: bool = False) -> _Resolution | None:
    lex = lexicon()
    iso = _ISO.match(text.strip())
    if iso:
        try:
            day = date(int(iso.group(1)), int(iso.group(2)), int(iso.group(3)))
        except ValueError:
            return None
        return _Resolution(day, "day", f"ISO date '{text.strip()}'")
    full = _normalise(text)
    for words in (full, _strip(full, lex)):
        try:
            found = _resolve_words(words, published, forward, lex)
        except (ValueError, OverflowError):
            return None
        if found is not None:
            return found
    return None


def _resolve_words(
    words: list[str], published: date | None, forward: bool, lex: _Lexicon
) -> _Resolution | None:
    """Try each kind of expression in turn; calendar overflow raises ValueError/OverflowError."""
    if not words:
        return None
    absolute = _absolute(words, published, lex)
    if absolute is not None or published is None:
        return absolute
    for step in (_relative, _ago, _period):
        found = step(words, published, lex)
        if found is not None:
            return found
    return _weekend(words, published, lex, forward) or _holiday(words, published, lex, forward) \
        or _weekday_expression(words, published, lex, forward)


def resolve_expression(text: str, published: date, *, forward: bool = False) -> tuple[date, str] | None:
    """Resolve one temporal expression against the publication date.

    Returns ``(date, precision)`` with precision in day|week|month|year, or None when the text
    is not a date tacitus understands. A bare weekday means the latest such day on or before
    ``published``; ``forward=True`` (the event is announced for the future: "will meet on
    Sunday") takes the earliest such day on or after it instead.
    """
    found = _resolve(text, published, forward)
    return None if found is None else (found.date, found.precision)


def _is_date_expression(text: str) -> bool:
    """Whether ``text`` is a date relative to some dateline (to report it when there is none)."""
    return _resolve(text, _ANY_DAY) is not None


def _candidates(sent: Span) -> list[Span]:
    """DATE/TIME entities of the sentence, holidays tagged as events, plus lone date words the
    NER missed."""
    lex = lexicon()
    spans = []
    for entity in ents_in(sent):
        if entity.label_ in ("DATE", "TIME"):
            spans.append(entity)
            spans.extend(_comma_parts(entity))
        elif entity.label_ == "EVENT" and tuple(_normalise(entity.text)) in lex.holidays:
            spans.append(entity)  # "New Year's Eve" is tagged as an event
    covered = {t.i for span in spans for t in span}
    # Only full words: "Thu" or "Sun" alone may be a name ("Khine Thu Kha", "The Sun").
    singles = {name for name in lex.weekdays if len(name) > 4} | {
        k[0] for k in lex.relative if len(k) == 1
    }
    for token in sent:
        if token.i not in covered and token.lower_ in singles:
            spans.append(sent.doc[token.i: token.i + 1])
    return spans


def _comma_parts(span: Span) -> list[Span]:
    """Pieces of an entity that the NER ran across a comma ("Wednesday, two days")."""
    cuts = [t.i for t in span if t.text in (",", ";")]
    if not cuts:
        return []
    bounds = [span.start, *cuts, span.end]
    parts = []
    for left, right in pairwise(bounds):
        left = left + 1 if span.doc[left].text in (",", ";") else left
        if right > left:
            parts.append(span.doc[left:right])
    return parts


def _with_preposition(span: Span) -> Span:
    """Widen "Sunday" to "late on Sunday" so provenance shows the words that were read: the
    preposition governing the expression and the fillers beside it, not one that governs
    another word ("in overnight raids" stays "overnight")."""
    lex = lexicon()
    root = span.root
    while root.head.i != root.i and (
        root.head.ent_type_ in ("DATE", "TIME") or root.head.lower_ in lex.times_of_day
    ):
        root = root.head  # "Tuesday" in "on Tuesday evening"
    head = root.head
    related = {head.i, *(c.i for c in head.children), *(c.i for c in head.head.children)}
    start = span.start
    while start > span.sent.start and span.doc[start - 1].lower_ in lex.fillers \
            and start - 1 in related:
        start -= 1
    return span.doc[start: span.end]


def _governing_verb(token: Token) -> Token | None:
    for ancestor in token.ancestors:
        if ancestor.pos_ in ("VERB", "AUX"):
            return ancestor
    return None


def _participant_clause(attach: Token, trigger: Token) -> bool:
    """Whether a non-finite clause on one of the trigger's participants lies on the way
    ("kidnapped two contractors working for Ecopetrol ... on Thursday"): the parser often hangs
    the event's own trailing date there, so it is a weak candidate, not a foreign one."""
    token = attach
    while token != trigger and token.head.i != token.i:
        if token.dep_ == "acl" and token.head != trigger:
            return True
        token = token.head
    return False


def _foreign_clause(attach: Token, trigger: Token) -> bool:
    """Whether, between a clause under the trigger and the trigger, a clause has a subject of
    its own: another event ("killed 25 after protesters burned tyres on Saturday"), unless it
    only says when ("killed ... as she walked home on Tuesday"); or a relative clause describes
    one of the trigger's participants ("praised the government, which took office in August"),
    unless it tells casualties, which are the event's ("a strike on a market that killed 31 on
    Monday")."""
    token = attach
    while token != trigger and token.head.i != token.i:
        if token.dep_ == "relcl" and token.head != trigger and not is_casualty_word(token):
            return True
        if token.pos_ in ("VERB", "AUX") and has_own_subject(token) \
                and token.lemma_ not in _LIGHT_VERBS and not _simultaneous(token):
            return True
        token = token.head
    return False


def _simultaneous(clause: Token) -> bool:
    """An adverbial clause that only says when ("when troops clashed", "as she walked")."""
    mark = next((c for c in clause.children if c.dep_ in ("mark", "advmod")), None)
    return clause.dep_ == "advcl" and mark is not None \
        and mark.lower_ in lexicon().simultaneous_marks


def _heads(trigger: Token) -> list[Token]:
    """Verbs a verb trigger depends on without a subject of its own: "is expected to return
    next week to press" (press -> return), "struck on Sunday and killed 25" (killed -> struck),
    or as a clause saying when ("were killed on Friday when troops clashed")."""
    heads = []
    token = trigger
    while token.head.i != token.i and (_simultaneous(token) or not has_own_subject(token) and (
        token.dep_ in ("xcomp", "conj") or is_infinitive_clause(token)
    )):
        token = token.head
        heads.append(token)
    return heads


def _cause_clause(trigger: Token) -> Token | None:
    """The verb whose "after" clause holds the trigger's clause ("the violence began on Friday
    after a man was stabbed to death"): the event that set it off is told as its lead-up, so
    it takes that verb's date when it has none of its own (a borrowed date, which keeps no two
    incidents apart)."""
    clause = trigger if trigger.pos_ in ("VERB", "AUX") else _governing_verb(trigger)
    if clause is None or clause.dep_ != "advcl":
        return None
    lex = lexicon()
    mark = next((c for c in clause.children if c.dep_ == "mark" and c.lower_ in lex.cause_marks),
                None)
    distance = any(c.dep_ == "npadvmod" and c.lemma_.lower() in lex.anchor_units
                   for t in (clause, mark) if t is not None for c in t.children)
    # "two days after the protests began": a distance, not the same day
    return clause.head if mark is not None and not distance else None


def _modifies_other_noun(root: Token, trigger: Token) -> bool:
    """A date that modifies a noun other than the trigger dates that noun ("sanctions over the
    Feb. 1 coup", "the 2020 election", "Friday's hostage-taking"), unless the noun is the
    event's own occasion ("arrested activists in overnight raids")."""
    lex = lexicon()
    noun = root.head
    if root.dep_ not in _NOMINAL_MODIFIERS or noun == trigger or noun.pos_ not in (
        "NOUN", "PROPN"
    ) or noun.ent_type_ in ("DATE", "TIME") or noun.lower_ in lex.times_of_day:
        return False
    prep = noun.head
    return not (noun.dep_ == "pobj" and prep.lower_ in lex.same_event_preps
                and prep.head in (trigger, _governing_verb(trigger)))


def _attachment(span: Span, trigger: Token) -> tuple[int, str, Attachment] | None:
    """How closely a date expression belongs to the trigger: lower is closer; None = another event's.

    0: in the trigger's own phrase ("the strikes on Sunday", "killed ... on Sunday");
    1: on the verb that governs a noun trigger, or on a clause describing a noun trigger
       ("strikes that killed 25 on Sunday", "the attack, which took place on Sunday");
    2: on a clause under a verb trigger, or on the verb a verb trigger depends on ("struck on
       Sunday and killed 25", "is expected to return next week to press");
    3: elsewhere in the sentence but not on another event's verb (on a reporting verb, on a
       participle describing a participant, or verbless).
    A date that modifies another noun ("the 2020 election") is that noun's.
    """
    root = span.root
    if _modifies_other_noun(root, trigger):
        return None
    attach = None
    for ancestor in [root, *root.ancestors]:
        if ancestor == trigger:
            return 0, "in the trigger's phrase", Attachment.OWN
        if ancestor.pos_ in ("VERB", "AUX") and ancestor.i != root.i:
            attach = ancestor
            break
    if attach is None:
        return 3, "in the sentence", Attachment.SENTENCE
    is_noun = trigger.pos_ in ("NOUN", "PROPN")
    if is_noun and attach == _governing_verb(trigger):
        return 1, f"on the governing verb '{attach.text}'", Attachment.OWN
    if attach in trigger.subtree:
        if _foreign_clause(attach, trigger):
            return None
        if _participant_clause(attach, trigger):
            return 3, f"on the clause '{attach.text}' on a participant", Attachment.PARTICIPANT
        return (1 if is_noun else 2), f"on the clause '{attach.text}' under the trigger", \
            Attachment.OWN
    if attach in _heads(trigger):
        return 2, f"on the verb '{attach.text}' the trigger depends on", Attachment.OWN
    if _cause_clause(trigger) == attach:
        return 3, f"on the verb '{attach.text}' whose 'after' clause tells the event", \
            Attachment.SENTENCE
    if attach.lemma_ in reporting_verbs() and trigger in attach.subtree:
        return 3, f"on the reporting verb '{attach.text}'", Attachment.REPORTING
    return None


_PRECISION_ORDER = ("day", "week", "month", "year")


@dataclass(frozen=True, slots=True)
class _Anchor:
    """A distance expression in a sentence: its tokens, the token that ties it to an event
    of the sentence, and the other event's word (None: "a day later")."""

    span: Span
    attach: Token
    event: Token | None
    days: int
    precision: str


def _coarser(a: str, b: str) -> str:
    return max(a, b, key=_PRECISION_ORDER.index)


def _count(unit: Token) -> tuple[int, bool]:
    """How many units ("two days", "a day", "the day"); a bare plural ("hours", "weeks")
    counts one and says the count is not given."""
    for child in unit.children:
        if child.dep_ == "nummod":
            found = parse_count(" ".join(t.text for t in child.subtree))
            if found is not None:
                return found[0], True
        if child.dep_ == "det" and child.lower_ in ("a", "an", "one", "the"):
            return 1, True
    return 1, unit.lower_ == unit.lemma_.lower()


def _direction(unit: Token, lex: _Lexicon) -> tuple[int, Token, Token, Token | None] | None:
    """Which way a unit counts, the last token of the expression, the token tying it to an
    event, and the other event: "two days after the attack" (unit under the preposition),
    "a day after the bombing" / "the day before" (direction under the unit), "the following
    day" (ordinal), "a day after troops killed" (the clause marked "after" beside the unit),
    "on the eve of the vote" / "within hours of the attack" (the other event named with "of";
    the expression then starts at the preposition)."""
    head = unit.head
    of_event = _of_object(unit)
    if of_event is not None and unit.lemma_.lower() in lex.anchor_of_units:
        # "on the eve of the vote"
        start = head if unit.dep_ == "pobj" else unit
        return lex.anchor_of_units[unit.lemma_.lower()], start, start, of_event
    if of_event is not None and unit.dep_ == "pobj" and head.lower_ in lex.within_preps:
        # "within hours of the attack": after it, by at most the unit
        return 1, head, head, of_event
    if unit.dep_ == "npadvmod" and head.lower_ in lex.anchor_directions \
            and head.lower_ not in lex.anchor_ordinals:
        if head.dep_ == "mark":  # "two days after rockets hit": the unit hangs on the mark
            return lex.anchor_directions[head.lower_], head, head.head, head.head
        event = next((c for c in head.children if c.dep_ in ("pobj", "pcomp")), None)
        return lex.anchor_directions[head.lower_], head, head, event
    for child in unit.children:
        word = child.lower_
        if word not in lex.anchor_directions:
            continue
        if word in lex.anchor_ordinals:
            if child.dep_ == "amod" and child.i < unit.i and any(
                    c.dep_ == "det" and c.lower_ == "the" for c in unit.children):
                return lex.anchor_directions[word], unit, unit, None
            continue
        if child.i > unit.i:
            event = next((c for c in child.children if c.dep_ in ("pobj", "pcomp")), None)
            return lex.anchor_directions[word], child, unit, event
    after = unit.doc[unit.i + 1] if unit.i + 1 < len(unit.doc) else None
    if after is not None and after.head == head and after.dep_ != "mark" \
            and after.lower_ in lex.anchor_directions and after.lower_ not in lex.anchor_ordinals:
        # "Hours after the strike": the parser may hang both on the verb.
        event = next((c for c in after.children if c.dep_ in ("pobj", "pcomp")), None)
        return lex.anchor_directions[after.lower_], after, unit, event
    if unit.dep_ == "npadvmod" and head.pos_ in ("VERB", "AUX"):
        for clause in (head, *(c for c in head.children if c.dep_ == "advcl")):
            mark = next((c for c in clause.children if c.dep_ == "mark"
                         and c.lower_ in lex.anchor_directions and c.i > unit.i), None)
            if mark is not None:
                tie = clause if clause is head else unit  # "two days after the protests began"
                return lex.anchor_directions[mark.lower_], mark, tie, clause
    return None


def _of_object(unit: Token) -> Token | None:
    """The event a unit counts from with "of" ("the eve of the vote", "hours of the attack")."""
    of = next((c for c in unit.children if c.dep_ == "prep" and c.lower_ == "of"), None)
    return None if of is None else next((c for c in of.children if c.dep_ == "pobj"), None)


def _anchors(sent: Span) -> list[_Anchor]:
    """Every distance from another event the sentence states (see ``anchor_units``)."""
    lex = lexicon()
    found = []
    for unit in sent:
        lemma = unit.lemma_.lower()
        if unit.pos_ != "NOUN" or lemma not in lex.anchor_units:
            continue
        if unit.left_edge.i > sent.start and \
                sent.doc[unit.left_edge.i - 1].lower_ in lex.duration_preps:
            continue  # "a ceasefire for about a year before the fighting": how long, not when
        way = _direction(unit, lex)
        if way is None:
            continue
        sign, last, tie, event = way
        count, given = _count(unit)
        length, precision = lex.anchor_units[lemma]
        if not given and lemma != "hour":
            precision = _PRECISION_ORDER[min(_PRECISION_ORDER.index(precision) + 1, 3)]
        start = min(unit.left_edge.i, last.i)
        found.append(_Anchor(sent.doc[start: max(unit.i, last.i) + 1], tie, event,
                             sign * count * length, precision))
    return found


def from_anchor(distance: Distance, anchor: DateGuess, where: str) -> DateGuess | None:
    """The date ``distance`` away from the event dated by ``anchor`` (None if that date is not
    stated): "two days after the attack on Sunday" is the Tuesday; the precision is the
    coarser of the two ("weeks after a strike in March" is a month)."""
    if anchor.date is None or anchor.precision not in _PRECISION_ORDER:
        return None
    precision = _coarser(distance.precision, anchor.precision)
    if precision == "year":
        found = date(anchor.date.year + int(distance.days / 365), 1, 1)
    elif precision == "month":
        found = _month_start(anchor.date.year, anchor.date.month, int(distance.days / 30))
    else:
        found = anchor.date + timedelta(days=distance.days)
    rule = (f"{SOURCE} distance '{distance.text}' ({where}) -> {distance.days:+d} days from "
            f"{anchor.date}, the date of '{distance.event or 'the date stated before'}' "
            f"('{anchor.text}')")
    return DateGuess(found, precision, rule, distance.text, distance.start, distance.end,
                     Attachment.OWN)


def _own_date(event: Token, published: date | None) -> DateGuess | None:
    """The other event's own date, when its phrase or clause states one."""
    guess = event_date(event, published, distances=False)
    if guess.attachment is not Attachment.OWN or guess.precision not in _PRECISION_ORDER:
        return None
    return guess


def _distance(trigger: Token, published: date | None,
              anchors: list[_Anchor]) -> tuple[int, DateGuess] | None:
    """The closest distance tied to the trigger, resolved against its other event's own date
    when the sentence states one, else carried unresolved (rank, guess with ``distance``)."""
    best: tuple[int, DateGuess] | None = None
    for anchor in anchors:
        if anchor.event is not None and trigger in anchor.event.subtree \
                or anchor.span.start <= trigger.i < anchor.span.end:
            continue
        attachment = _attachment(anchor.span.doc[anchor.attach.i: anchor.attach.i + 1], trigger)
        if attachment is None or best is not None and attachment[0] >= best[0]:
            continue
        span = anchor.span
        distance = Distance(anchor.days, anchor.precision,
                            anchor.event.lemma_.lower() if anchor.event is not None else None,
                            span.text, span.start_char, span.end_char)
        own = _own_date(anchor.event, published) if anchor.event is not None else \
            _date_before(anchor.span, published)
        resolved = from_anchor(distance, own, attachment[1]) if own is not None else None
        best = attachment[0], resolved or DateGuess(
            None, None, "", span.text, span.start_char, span.end_char, Attachment.OWN, distance)
    return best


def _date_before(span: Span, published: date | None) -> DateGuess | None:
    """'began in 2012, ... prompting an intervention the following year': a distance naming no
    event counts from the last date the sentence states before it."""
    found = None
    for candidate in _candidates(span.sent):
        if candidate.end > span.start:
            continue
        resolution = _resolve(_with_preposition(candidate).text, published)
        if resolution is not None and (found is None or candidate.start > found[0].start):
            found = candidate, resolution
    if found is None:
        return None
    candidate, resolution = found
    return DateGuess(resolution.date, resolution.precision, resolution.rule, candidate.text,
                     candidate.start_char, candidate.end_char, Attachment.SENTENCE)


def _inside_anchor(span: Span, trigger: Token, anchors: list[_Anchor]) -> bool:
    """A date inside the other event's phrase ("two days after the attack on Sunday") is that
    event's, not the trigger's."""
    return any(a.event is not None and trigger not in a.event.subtree
               and span.root in a.event.subtree for a in anchors)


def framing_date(sent: Span, published: date | None) -> DateGuess | None:
    """'On August 29, 2014, as the columns tried to leave the town, they came under fire': a
    date that opens the sentence (after at most one of ``framing_preps``), set off by a comma,
    frames every event the sentence tells, however deep the parser hangs it."""
    if published is None:
        return None
    dates = [e for e in ents_in(sent) if e.label_ == "DATE"]
    if not dates:
        return None
    first = dates[0]
    lead = sent.doc[sent.start:first.start]
    if len(lead) > 1 or any(t.lower_ not in lexicon().framing_preps for t in lead):
        return None
    if first.end >= sent.end or sent.doc[first.end].text != ",":
        return None
    found = _resolve(first.text, published)
    if found is None:
        return None
    return DateGuess(found.date, found.precision, f"{SOURCE} '{first.text}' opens the sentence",
                     first.text, first.start_char, first.end_char, Attachment.FRAMING)


def event_date(trigger: Token, published: date | None, *, distances: bool = True) -> DateGuess:
    """Find the date of the event whose trigger is ``trigger`` and resolve it.

    Looks in the trigger's phrase and clause first, then elsewhere in the sentence (never a date
    that belongs to another event verb), then at a date framing the whole sentence
    (:func:`framing_date`), and falls back to the publication date with precision
    "publication". Without a publication date only dates with an explicit year resolve.
    A distance from another event ("two days after the attack on Sunday") counts from that
    event's date; when the sentence does not date it, the guess made without the distance
    carries it in ``distance`` (``distances=False``: ignore distances).
    """
    anchors = _anchors(trigger.sent) if distances else []
    plain, rank = _plain_date(trigger, published, anchors)
    far = _distance(trigger, published, anchors)
    # At the same attachment a stated date beats a distance ("on Wednesday, two days after the
    # protests began"), unless it is the distance read as a date ("the next day").
    if far is None or rank is not None and (
            far[0] > rank or far[0] == rank and not _overlaps(plain, far[1])):
        return plain
    if far[1].date is not None:
        return far[1]
    distance = far[1].distance
    return DateGuess(plain.date, plain.precision, f"{plain.rule}; distance '{far[1].text}' from "
                     "an event the sentence does not date", plain.text, plain.start, plain.end,
                     plain.attachment, distance)


def _overlaps(a: DateGuess, b: DateGuess) -> bool:
    return None not in (a.start, a.end, b.start, b.end) \
        and a.start < b.end and b.start < a.end  # type: ignore[operator]


def _plain_date(trigger: Token, published: date | None,
                anchors: list[_Anchor]) -> tuple[DateGuess, int | None]:
    """The trigger's date from date expressions alone, and the rank of its attachment."""
    future = future_marker(trigger) is not None
    best: tuple[int, int, Span, _Resolution | None, str, Attachment] | None = None
    for span in _candidates(trigger.sent):
        attachment = _attachment(span, trigger)
        if attachment is None or _inside_anchor(span, trigger, anchors):
            continue
        wide = _with_preposition(span)
        # "warned on Sunday that it would strike": the date of the warning stays in the past.
        resolution = _resolve(wide.text, published, future and attachment[0] < 3)
        if resolution is None and (published is not None or not _is_date_expression(wide.text)):
            continue
        rank = (attachment[0], abs(span.root.i - trigger.i))
        if best is None or rank < best[:2]:
            best = (*rank, wide, resolution, attachment[1], attachment[2])
    if best is None:
        if published is None:
            return DateGuess(None, None, "no dateline and no dated expression: date unknown"), None
        return framing_date(trigger.sent, published) or DateGuess(
            published, "publication", f"no date expression for the event: publication date {published}"), None
    _, _, span, resolution, where, how = best
    if resolution is None:
        return DateGuess(None, None, f"no dateline: '{span.text}' ({where}) not resolved",
                         span.text, span.start_char, span.end_char, how), best[0]
    return DateGuess(resolution.date, resolution.precision,
                     f"{SOURCE} {resolution.rule} ({where})",
                     span.text, span.start_char, span.end_char, how), best[0]
