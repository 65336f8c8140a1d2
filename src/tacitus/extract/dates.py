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


@dataclass(frozen=True, slots=True)
class DateGuess:
    """The date of one event, with the expression that gave it (offsets into ``doc.text``)."""

    date: date | None
    precision: str | None
    rule: str
    text: str | None = None
    start: int | None = None
    end: int | None = None


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


def _names(entries: list[dict[str, Any]], value_key: str) -> dict[str, int]:
    names: dict[str, int] = {}
    for entry in entries:
        for name in [entry["name"], *(entry.get("aliases") or [])]:
            names[str(name).lower()] = int(entry[value_key])
    return names


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
    word_lists = {}
    for key in ("fillers", "times_of_day", "simultaneous_marks", "same_event_preps"):
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
    if len(words) == 2 and words[0] in lex.weekday_prefixes:
        direction = lex.weekday_prefixes[words[0]]
        words = words[1:]
    if len(words) != 1 or words[0] not in lex.weekdays:
        return None
    found = _weekday(lex.weekdays[words[0]], published, direction)
    latest = "earliest" if direction.endswith("after") else "latest"
    sign = {"on or before": "<=", "before": "<", "on or after": ">=", "after": ">"}[direction]
    return _Resolution(found, "day",
                       f"weekday '{words[0]}' -> {latest} {words[0].title()} {sign} {published}")


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
    return _weekday_expression(words, published, lex, forward)


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
    """DATE/TIME entities of the sentence, plus lone date words the NER missed."""
    lex = lexicon()
    spans = []
    for entity in ents_in(sent):
        if entity.label_ in ("DATE", "TIME"):
            spans.append(entity)
            spans.extend(_comma_parts(entity))
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
    one of the trigger's participants ("praised the government, which took office in August")."""
    token = attach
    while token != trigger and token.head.i != token.i:
        if token.dep_ == "relcl" and token.head != trigger:
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


def _attachment(span: Span, trigger: Token) -> tuple[int, str] | None:
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
            return 0, "in the trigger's phrase"
        if ancestor.pos_ in ("VERB", "AUX") and ancestor.i != root.i:
            attach = ancestor
            break
    if attach is None:
        return 3, "in the sentence"
    is_noun = trigger.pos_ in ("NOUN", "PROPN")
    if is_noun and attach == _governing_verb(trigger):
        return 1, f"on the governing verb '{attach.text}'"
    if attach in trigger.subtree:
        if _foreign_clause(attach, trigger):
            return None
        if _participant_clause(attach, trigger):
            return 3, f"on the clause '{attach.text}' on a participant"
        return (1 if is_noun else 2), f"on the clause '{attach.text}' under the trigger"
    if attach in _heads(trigger):
        return 2, f"on the verb '{attach.text}' the trigger depends on"
    if attach.lemma_ in reporting_verbs() and trigger in attach.subtree:
        return 3, f"on the reporting verb '{attach.text}'"
    return None


def event_date(trigger: Token, published: date | None) -> DateGuess:
    """Find the date of the event whose trigger is ``trigger`` and resolve it.

    Looks in the trigger's phrase and clause first, then elsewhere in the sentence (never a date
    that belongs to another event verb), and falls back to the publication date with precision
    "publication". Without a publication date only dates with an explicit year resolve.
    """
    future = future_marker(trigger) is not None
    best: tuple[int, int, Span, _Resolution | None, str] | None = None
    for span in _candidates(trigger.sent):
        attachment = _attachment(span, trigger)
        if attachment is None:
            continue
        wide = _with_preposition(span)
        # "warned on Sunday that it would strike": the date of the warning stays in the past.
        resolution = _resolve(wide.text, published, future and attachment[0] < 3)
        if resolution is None and (published is not None or not _is_date_expression(wide.text)):
            continue
        rank = (attachment[0], abs(span.root.i - trigger.i))
        if best is None or rank < best[:2]:
            best = (*rank, wide, resolution, attachment[1])
    if best is None:
        if published is None:
            return DateGuess(None, None, "no dateline and no dated expression: date unknown")
        return DateGuess(published, "publication",
                         f"no date expression for the event: publication date {published}")
    _, _, span, resolution, where = best
    if resolution is None:
        return DateGuess(None, None, f"no dateline: '{span.text}' ({where}) not resolved",
                         span.text, span.start_char, span.end_char)
    return DateGuess(resolution.date, resolution.precision,
                     f"{SOURCE} {resolution.rule} ({where})",
                     span.text, span.start_char, span.end_char)
