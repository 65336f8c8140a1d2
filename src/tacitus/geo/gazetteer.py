"""The compact gazetteer index and name lookup.

Entries are stored column-wise in plain lists (one row per continent, country, admin1, admin2,
city and physical feature) because per-entry access from Python is what resolution does, and
lists of floats unpickle faster than anything else we tried. Names map to entry rows through three tables:
exact keys, loose keys (see :mod:`tacitus.geo.normalize`) and all-caps codes ("DRC", "NSW"),
the last consulted only for mentions written in capitals.
"""

from __future__ import annotations

from dataclasses import dataclass

from tacitus.geo.normalize import exact_key, loose_key
from tacitus.model import Place

CONTINENT, COUNTRY, ADMIN1, ADMIN2, CITY, FEATURE = 0, 1, 2, 3, 4, 5
KIND_NAMES = ("continent", "country", "admin1", "admin2", "city", "feature")
# a sea, river or region is at best as precise as a country: its point is only a middle
PRECISION = {CONTINENT: "country", COUNTRY: "country", ADMIN1: "admin1", ADMIN2: "admin2",
             CITY: "city", FEATURE: "country"}
FORMAT_VERSION = 16


def _entries(table: dict[str, int | tuple[int, ...]], key: str) -> tuple[int, ...]:
    value = table.get(key, ())
    return (value,) if isinstance(value, int) else value


@dataclass(frozen=True, slots=True)
class Candidate:
    """One gazetteer entry a mention may refer to, and how its name matched."""

    entry: int
    match: str  # "main" | "alias" | "loose" | "code"


_MEMOS: dict[str, tuple[Index, dict]] = {}
MEMO_SIZE = 1 << 16


def memo(index: Index, name: str) -> dict:
    """A cache named ``name`` of answers about ``index``: look-ups are pure functions of the
    index and a name, and detection, context and resolution ask about the same names many times
    per article. Kept for the latest index only (an index is immutable and unhashable, one per
    process), and emptied when it reaches ``MEMO_SIZE`` entries."""
    held = _MEMOS.get(name)
    if held is None or held[0] is not index or len(held[1]) >= MEMO_SIZE:
        held = _MEMOS[name] = (index, {})
    return held[1]


@dataclass(frozen=True, slots=True)
class Index:
    """Column-wise gazetteer entries plus the name tables that point into them."""

    name: list[str]
    kind: list[int]
    country: list[str]
    admin1: list[str]
    admin2: list[str]
    lat: list[float]
    lon: list[float]
    population: list[int]
    geonameid: list[int]
    main: list[str]
    exact: dict[str, int | tuple[int, ...]]
    loose: dict[str, int | tuple[int, ...]]
    codes: dict[str, int | tuple[int, ...]]
    demonyms: dict[str, str]
    capitals: dict[str, int]
    countries: dict[str, int]
    neighbours: dict[str, tuple[str, ...]]
    versions: dict[str, str]

    def __len__(self) -> int:
        return len(self.name)

    def candidates(self, text: str, loose: bool = True) -> list[Candidate]:
        """Entries a mention may name: codes for acronyms, else exact-key hits, else (unless
        ``loose`` is false: callers that would drop them spare the loose key) loose-key hits."""
        known = memo(self, "candidates" if loose else "exact candidates")
        found = known.get(text)
        if found is None:
            found = known[text] = tuple(self._candidates(text, loose))
        return list(found)

    def _candidates(self, text: str, loose: bool) -> list[Candidate]:
        compact = text.replace(".", "").replace(" ", "")
        if compact.isupper() and len(compact) <= 5:
            # an acronym names a country or region by its code, never a town that shares letters
            return [Candidate(entry, "code") for entry in _entries(self.codes, compact.lower())]
        found: dict[int, Candidate] = {}
        key = exact_key(text)
        for entry in _entries(self.exact, key):
            found.setdefault(entry, Candidate(entry, "main" if self.main[entry] == key else "alias"))
        if not found and loose:
            for entry in _entries(self.loose, loose_key(text)):
                found[entry] = Candidate(entry, "loose")
        return list(found.values())

    def demonym_country(self, word: str) -> str | None:
        """alpha-3 of a demonym or adjective ('Iraqi', 'Iraqis' -> IRQ), else None."""
        key = exact_key(word)
        if key in self.demonyms:
            return self.demonyms[key]
        if key.endswith("s") and key[:-1] in self.demonyms:
            return self.demonyms[key[:-1]]
        return None

    def country_entry(self, alpha3: str) -> int | None:
        """The row of a country by its alpha-3 code."""
        return self.countries.get(alpha3)

    def place(self, entry: int, text: str, start: int | None, end: int | None) -> Place:
        """The public record for an entry as mentioned by ``text`` at ``start:end``."""
        kind = self.kind[entry]
        return Place(
            text=text,
            name=self.name[entry],
            country=self.country[entry] or None,
            admin1=self.admin1[entry] or None,
            lat=self.lat[entry],
            lon=self.lon[entry],
            geonameid=self.geonameid[entry] or None,
            precision=PRECISION[kind],
            start=start,
            end=end,
        )
