"""Reading a count of people from English words: "at least 25", "twenty-five", "dozens".

Casualty figures in news are rarely bare digits: they come with a qualifier ("more than 40"),
in words ("two soldiers"), as vague quantities ("dozens", read as *at least 24*) or as an
ordinal ("a third soldier died": one more victim, counted as 1). This module turns
such a phrase into ``(value, qualifier)``, with the qualifier drawn from the fixed vocabulary of
``tacitus.model.QUALIFIERS``. The vocabulary lives in ``resources/extract/toll_numbers.yaml``.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from spacy.tokens import Token

from tacitus.errors import ResourceError
from tacitus.model import QUALIFIERS
from tacitus.resources import LINE_KEY, load_yaml, path, require

RESOURCE = "extract/toll_numbers.yaml"

_DIGITS = re.compile(r"^(\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?)$")
_WORD_SPLIT = re.compile(r"[\s\u2013\u2014-]+")
_STRIP = ".,;:!?\"'()[]\u201c\u201d\u2018\u2019"
# Words after a number that make it something other than a head count (ages, shares).
_NOT_PEOPLE = ("percent", "%", "per", "year", "years", "month", "months", "day", "days")


@dataclass(frozen=True, slots=True)
class Count:
    """A parsed count: ``value`` people, ``qualifier`` as in the schema, ``rule`` for provenance."""

    value: int
    qualifier: str
    rule: str


@dataclass(frozen=True, slots=True)
class _Lexicon:
    qualifiers: tuple[tuple[tuple[str, ...], str], ...]
    units: dict[str, int]
    tens: dict[str, int]
    scales: dict[str, int]
    quantities: tuple[tuple[tuple[str, ...], int, str], ...]
    ordinals: dict[str, int]
    singular: frozenset[str]
    none: frozenset[str]


def _fail(message: str, line: int | None = None) -> ResourceError:
    return ResourceError(message, str(path(RESOURCE)), line)


def _int_table(data: dict[str, Any], key: str) -> dict[str, int]:
    table = data.get(key)
    if not isinstance(table, dict):
        raise _fail(f"'{key}' must be a mapping of word -> number", data.get(LINE_KEY))
    out: dict[str, int] = {}
    for word, value in table.items():
        if word == LINE_KEY:
            continue
        if not isinstance(value, int) or isinstance(value, bool):
            raise _fail(f"'{key}' entry '{word}' is not an integer", table.get(LINE_KEY))
        out[str(word).lower()] = value
    return out


def _word_list(data: dict[str, Any], key: str) -> frozenset[str]:
    words = data.get(key)
    if not isinstance(words, list) or not all(isinstance(w, str) for w in words):
        raise _fail(f"'{key}' must be a list of words", data.get(LINE_KEY))
    return frozenset(w.lower() for w in words)


def _check_qualifier(entry: dict[str, Any]) -> str:
    qualifier = entry["qualifier"]
    if qualifier not in QUALIFIERS:
        raise _fail(f"qualifier '{qualifier}' is not one of {', '.join(QUALIFIERS)}",
                    entry.get(LINE_KEY))
    return str(qualifier)


@lru_cache(maxsize=1)
def lexicon() -> _Lexicon:
    """Load and validate the count vocabulary once per process."""
    data = load_yaml(RESOURCE)
    if not isinstance(data, dict):
        raise _fail("expected a mapping at the top level", 1)
    qualifiers = []
    for entry in data.get("qualifiers") or []:
        require(entry, ("phrase", "qualifier"), RESOURCE)
        qualifiers.append((tuple(str(entry["phrase"]).lower().split()), _check_qualifier(entry)))
    quantities = []
    for entry in data.get("quantities") or []:
        require(entry, ("phrase", "value", "qualifier"), RESOURCE)
        if not isinstance(entry["value"], int):
            raise _fail("quantity value is not an integer", entry.get(LINE_KEY))
        quantities.append(
            (tuple(str(entry["phrase"]).lower().split()), entry["value"], _check_qualifier(entry))
        )
    # Longest phrases first, so "tens of thousands" wins over "thousands".
    qualifiers.sort(key=lambda item: -len(item[0]))
    quantities.sort(key=lambda item: -len(item[0]))
    return _Lexicon(
        qualifiers=tuple(qualifiers),
        units=_int_table(data, "units"),
        tens=_int_table(data, "tens"),
        scales=_int_table(data, "scales"),
        quantities=tuple(quantities),
        ordinals=_int_table(data, "ordinals"),
        singular=_word_list(data, "singular"),
        none=_word_list(data, "none"),
    )


def _words(value: str | Iterable[Token]) -> list[str]:
    if isinstance(value, str):
        text = value
    else:
        text = "".join(t.text_with_ws for t in value)
    words = (w.strip(_STRIP) for w in _WORD_SPLIT.split(text.lower()))
    return [w for w in words if w]


def _starts_with(words: list[str], phrase: tuple[str, ...]) -> bool:
    return tuple(words[: len(phrase)]) == phrase


def _number(words: list[str], lex: _Lexicon) -> tuple[float, int] | None:
    """Parse a leading cardinal ("25", "1,200", "two hundred and fifty", "1.5 million").

    Returns the value and how many words it used.
    """
    total, current, used, seen = 0.0, 0.0, 0, False
    for i, word in enumerate(words):
        digits = _DIGITS.match(word)
        if digits and not seen:
            current, seen = float(word.replace(",", "")), True
        elif word in lex.units and (
            not seen or current % 100 == 0 or current % 10 == 0 and lex.units[word] < 10
        ):
            current += lex.units[word]
            seen = True
        elif word in lex.tens and (not seen or current % 100 == 0):
            current += lex.tens[word]
            seen = True
        elif word in lex.scales and seen:
            scale = lex.scales[word]
            if scale >= 1000:
                total, current = total + current * scale, 0.0
            else:
                current *= scale
        elif word == "and" and seen and i + 1 < len(words) and (
            words[i + 1] in lex.units or words[i + 1] in lex.tens
        ):
            continue
        else:
            break
        used = i + 1
    if not seen:
        return None
    return total + current, used


def read_count(value: str | Iterable[Token]) -> Count | None:
    """Parse a count phrase into a :class:`Count`, or None if it does not count people.

    The phrase may go on after the count ("25 fighters"); a count followed by "percent",
    "year(s)" (ages: "a 25-year-old") or an ordinal followed by "of" (a fraction) is not a
    count of people.
    """
    lex = lexicon()
    words = _words(value)
    qualifier, rules = "exact", []
    for phrase, q in lex.qualifiers:
        if _starts_with(words, phrase) and len(words) > len(phrase):
            qualifier = q
            rules.append(f"qualifier '{' '.join(phrase)}' -> {q}")
            words = words[len(phrase):]
            break
    if not words:
        return None
    result = _read_value(words, lex)
    if result is None:
        return None
    number, own_qualifier, rule = result
    if qualifier == "exact":
        qualifier = own_qualifier
    rules.append(rule)
    return Count(value=number, qualifier=qualifier, rule="; ".join(rules))


def _read_value(words: list[str], lex: _Lexicon) -> tuple[int, str, str] | None:
    for phrase, number, q in lex.quantities:
        if _starts_with(words, phrase):
            return number, q, f"quantity '{' '.join(phrase)}' -> {number} {q}"
    rest = words[1:]
    if words[0] in lex.singular and words[0] not in lex.units and rest \
            and _number(rest, lex) is not None:
        words, rest = rest, rest[1:]  # "another 22 people": the number counts
    if words[0] in lex.singular and rest and rest[0] in lex.ordinals:
        if len(rest) > 1 and rest[1] == "of":
            return None
        n = lex.ordinals[rest[0]]
        return 1, "exact", f"ordinal '{words[0]} {rest[0]}' -> one more victim (no. {n})"
    if words[0] in ("a", "an") and rest and rest[0] in lex.scales:
        words = ["one", *rest]
    parsed = _number(words, lex)
    if parsed is not None:
        value, used = parsed
        after = words[used:]
        if after and after[0] in _NOT_PEOPLE:
            return None
        return round(value), "exact", f"number '{' '.join(words[:used])}'"
    if words[0] in lex.singular:
        if len(rest) > 1 and rest[1] == "of" and rest[0] not in lex.units:
            return None
        return 1, "exact", f"singular '{words[0]}' -> 1"
    if words[0] in lex.none:
        return 0, "exact", f"none '{words[0]}' -> 0"
    return None


def parse_count(value: str | Iterable[Token]) -> tuple[int, str] | None:
    """``(value, qualifier)`` for a count phrase: "at least 25" -> (25, "at least")."""
    count = read_count(value)
    return None if count is None else (count.value, count.qualifier)
