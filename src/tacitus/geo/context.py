"""What an article says about where it is, read from its raw text.

Resolution needs to know which countries an article is about even where no toponym was
detected: "Iraqi forces" says IRQ as clearly as "Iraq" does. This module scans runs of
capitalised words for country names and demonyms, and reads the words around a mention that
say what kind of feature it is ("the province of X", "X province", "the city of X") or that
it is where something is ("in X", "near X"). It works on plain text so that
``Geocoder.resolve`` needs no parse.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import TypeVar

from tacitus.geo.gazetteer import ADMIN1, COUNTRY, Index, memo
from tacitus.geo.lexicon import GeoLexicon
from tacitus.geo.normalize import exact_key

_CAPITALISED_RUN = re.compile(
    r"[A-Z][\w'’.\-]*(?:\s+(?:of|the|and|de|del|al|el|da|do|du)?\s*[A-Z][\w'’.\-]*)*"
)
_WORD = re.compile(r"[\w'’\-]+")
_NON_SPACE = re.compile(r"\S+")
_LIST_BEFORE = re.compile(r"(?:,|\band|\bor)\s*$")
_LIST_AFTER = re.compile(r"\s*(?:,|and\b|or\b)")
MAX_NAME_WORDS = 5
T = TypeVar("T")


@dataclass(frozen=True, slots=True)
class Cues:
    """Words around one mention: the feature type they imply, whether a preposition of
    place introduces it, and whether a list separator (a comma, "and", "or") comes right
    before or after it."""

    feature: str | None  # "admin" | "city" | None
    preposition: str | None
    list_before: bool = False
    list_after: bool = False


def mention_cues(text: str, start: int, end: int, lexicon: GeoLexicon) -> Cues:
    """Read the words just before and after ``text[start:end]``."""
    before = [exact_key(w) for w in _WORD.findall(text[max(0, start - 40):start])]
    after = [exact_key(w) for w in _WORD.findall(text[end:end + 25])]
    feature = None
    if after and after[0] in lexicon.admin_cues or (
        len(before) >= 2 and before[-1] == "of" and before[-2] in lexicon.admin_cues
    ):
        feature = "admin"
    elif after and after[0] in lexicon.city_cues or (
        len(before) >= 2 and before[-1] == "of" and before[-2] in lexicon.city_cues
    ):
        feature = "city"
    words = [w for w in before[-2:] if w != "the"]
    preposition = words[-1] if words and words[-1] in lexicon.location_prepositions else None
    return Cues(feature=feature, preposition=preposition,
                list_before=bool(_LIST_BEFORE.search(text[max(0, start - 6):start])),
                list_after=bool(_LIST_AFTER.match(text[end:end + 6])))


def _phrases(text: str, match: Callable[[str], T | None]) -> Iterator[tuple[T, int, int]]:
    """Longest runs of capitalised words (up to five) for which ``match`` gives a value."""
    for run in _CAPITALISED_RUN.finditer(text):
        words = [(m.start() + run.start(), m.end() + run.start())
                 for m in _NON_SPACE.finditer(run.group())]
        i = 0
        while i < len(words):
            for size in range(min(MAX_NAME_WORDS, len(words) - i), 0, -1):
                start, end = words[i][0], words[i + size - 1][1]
                phrase = text[start:end].rstrip(".,;:'’")
                if phrase.endswith(("'s", "’s")):
                    phrase = phrase[:-2]
                value = match(phrase)
                if value is not None:
                    yield value, start, start + len(phrase)
                    i += size
                    break
            else:
                i += 1


def country_mentions(text: str, index: Index) -> tuple[tuple[str, int, int, bool], ...]:
    """(alpha-3, start, end, is_demonym) for each country name or demonym in ``text``.

    A name counts only when no admin1 region or other country shares it, so that "Georgia"
    in a US article does not vote for the Caucasus. Cached: the stages placing an article's
    toponyms and events all ask about the same text.
    """
    key = (id(index), text)
    found = _MENTIONS.get(key)
    if found is None:
        found = tuple((hit[0], start, end, hit[1])
                      for hit, start, end in _phrases(text, lambda phrase: _country_of(phrase, index)))
        if len(_MENTIONS) >= 256:
            _MENTIONS.pop(next(iter(_MENTIONS)))
        _MENTIONS[key] = found
    return found


_MENTIONS: dict[tuple[int, str], tuple[tuple[str, int, int, bool], ...]] = {}


def region_spans(text: str, index: Index) -> list[tuple[int, int]]:
    """Spans of names of countries and admin1 regions in ``text``: context for resolving
    given spans when no detection was run ("Paris, Texas" with only "Paris" to resolve)."""
    def is_region(phrase: str) -> bool | None:
        if len(phrase) < 3 or index.demonym_country(phrase):
            return None
        return any(index.kind[c.entry] in (COUNTRY, ADMIN1)
                   for c in index.candidates(phrase, loose=False)) or None

    return [(start, end) for _, start, end in _phrases(text, is_region)]


def _country_of(phrase: str, index: Index) -> tuple[str, bool] | None:
    known = memo(index, "country_of")
    if phrase not in known:
        known[phrase] = _lookup_country(phrase, index)
    return known[phrase]


def _lookup_country(phrase: str, index: Index) -> tuple[str, bool] | None:
    demonym = index.demonym_country(phrase)
    if demonym is not None:
        return demonym, True
    candidates = index.candidates(phrase, loose=False)
    countries = {index.country[c.entry] for c in candidates if index.kind[c.entry] == COUNTRY}
    rivals = [c for c in candidates if index.kind[c.entry] == ADMIN1]
    if len(countries) == 1 and not rivals:
        return next(iter(countries)), False
    return None


def country_counts(text: str, index: Index) -> Counter[str]:
    """How often each country is named or implied by a demonym in ``text``."""
    return Counter(code for code, _, _, _ in country_mentions(text, index))
