"""Convert the PETRARCH2/Phoenix actor and agent dictionaries into tacitus resources.

Usage: python scripts/convert_phoenix.py [PETRARCH2_DIR]   (default ../shared/data/petrarch2)

Writes, under src/tacitus/resources/actors/:
  countries.csv       ISO 3166-1 countries (from pycountry) with readable name and adjective
  phoenix_actors.csv  one row per Phoenix actor entry: name, type, matching phrases, dated codes
  phoenix_agents.csv  one row per agent phrase (singular and plural forms expanded): sector code

Format notes on the Phoenix files (TABARI/PETRARCH conventions, see PETRreader.py):
  * ``NAME_ [CODE date]`` starts an entry; ``+SYNONYM`` lines add phrases; indented ``[CODE
    date]`` lines add codes; anything after ``#`` is a comment; ``[---]`` is a null code.
  * Underscores are spaces; a phrase ending in ``_`` matches whole words only, otherwise its
    last word may be the start of a longer word (marked with a final ``*`` in our output).
  * Dates are YYMMDD (00-30 -> 20YY, else 19YY) or YYYYMMDD; ``>D`` from D, ``<D`` until D,
    ``D1-D2`` a range, a lone ``D`` a start date. Obvious typos are repaired and reported.
  * Agents: ``PHRASE {PLURAL} [~CODE]``; ``!SET! = A, B`` defines substitution sets used as
    ``FOREIGN_!MINIST!``; a bare ``MINIST`` word is read as the ``!MINIST!`` set.

pycountry is used here only (build time), never at run time.
"""

from __future__ import annotations

import csv
import re
import sys
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

import pycountry

from tacitus.actors.codes import CodeBook
from tacitus.actors.normalize import key_tokens
from tacitus.resources import load_yaml, path

REPO = Path(__file__).resolve().parent.parent
DEFAULT_SOURCE = REPO.parent / "shared" / "data" / "petrarch2"
OUT = path("actors")
ACTOR_FILES = (
    "Phoenix.Countries.actors.txt",
    "Phoenix.International.actors.txt",
    "Phoenix.MilNonState.actors.txt",
)
AGENT_FILE = "Phoenix.agents.txt"

MIT_NOTICE = """\
# Converted by scripts/convert_phoenix.py from the PETRARCH2/Phoenix dictionaries
# (https://github.com/openeventdata/petrarch2, files {files}).
# The MIT License (MIT). Copyright (c) 2014 Open Event Data Alliance.
# Permission is hereby granted, free of charge, to any person obtaining a copy of this software
# and associated documentation files (the "Software"), to deal in the Software without
# restriction, including without limitation the rights to use, copy, modify, merge, publish,
# distribute, sublicense, and/or sell copies of the Software, and to permit persons to whom the
# Software is furnished to do so, subject to the following conditions: The above copyright
# notice and this permission notice shall be included in all copies or substantial portions of
# the Software. THE SOFTWARE IS PROVIDED "AS IS", WITHOUT WARRANTY OF ANY KIND, EXPRESS OR
# IMPLIED, INCLUDING BUT NOT LIMITED TO THE WARRANTIES OF MERCHANTABILITY, FITNESS FOR A
# PARTICULAR PURPOSE AND NONINFRINGEMENT. IN NO EVENT SHALL THE AUTHORS OR COPYRIGHT HOLDERS BE
# LIABLE FOR ANY CLAIM, DAMAGES OR OTHER LIABILITY, WHETHER IN AN ACTION OF CONTRACT, TORT OR
# OTHERWISE, ARISING FROM, OUT OF OR IN CONNECTION WITH THE SOFTWARE OR THE USE OR OTHER
# DEALINGS IN THE SOFTWARE.
"""

CODE_RE = re.compile(r"\[([^\]]*)\]")
CODE_TEXT_RE = re.compile(r"^[A-Z]{3}[A-Z0-9]*$")
PAREN_RE = re.compile(r"\([^)]*\)")
LOWER_WORDS = frozenset({"of", "the", "and", "for", "in", "on", "de", "du", "da", "di", "al", "el", "la", "le",
                         "bin", "ibn", "van", "von", "der", "y"})


@dataclass
class Entry:
    base: str
    source: str
    phrases: list[str] = field(default_factory=list)
    codes: list[str] = field(default_factory=list)


class Converter:
    def __init__(self, source: Path) -> None:
        self.source = source
        self.warnings: list[str] = []

    def warn(self, where: str, message: str) -> None:
        self.warnings.append(f"{where}: {message}")

    # ---- dates and codes -------------------------------------------------------------
    def parse_date(self, text: str, where: str) -> date | None:
        digits = text.strip()
        if len(digits) == 10:  # "1920030320": a stray century prefix before YYYYMMDD
            self.warn(where, f"date {digits} read as {digits[2:]}")
            digits = digits[2:]
        elif len(digits) == 9:  # "201005011": one digit too many at the end
            self.warn(where, f"date {digits} read as {digits[:8]}")
            digits = digits[:8]
        try:
            if len(digits) == 8:
                return date(int(digits[:4]), int(digits[4:6]), int(digits[6:8]))
            if len(digits) == 6:
                year = int(digits[:2])
                year += 2000 if year <= 30 else 1900
                return date(year, int(digits[2:4]), int(digits[4:6]))
        except ValueError:
            pass
        self.warn(where, f"unreadable date {text!r} ignored")
        return None

    def parse_code(self, inner: str, where: str) -> str | None:
        """``"AFGGOV 331108-730717"`` -> ``"AFGGOV@1933-11-08/1973-07-17"``."""
        parts = inner.split(None, 1)
        if not parts:
            return None
        code = parts[0]
        if code.startswith("---"):
            return None
        if not CODE_TEXT_RE.match(code):
            self.warn(where, f"malformed code [{inner}] skipped")
            return None
        spec = parts[1].replace(" ", "") if len(parts) > 1 else ""
        if not spec:
            return code
        start = end = None
        if spec.startswith(">"):
            start = self.parse_date(spec[1:], where)
        elif spec.startswith("<"):
            end = self.parse_date(spec[1:], where)
        elif "-" in spec:
            left, right = spec.split("-", 1)
            start, end = self.parse_date(left, where), self.parse_date(right, where)
        else:
            start = self.parse_date(spec, where)
        if start and end and end < start:
            self.warn(where, f"range [{inner}] ends before it starts: swapped")
            start, end = end, start
        if start is None and end is None:
            return code
        return f"{code}@{start.isoformat() if start else ''}/{end.isoformat() if end else ''}"

    # ---- phrases ---------------------------------------------------------------------
    @staticmethod
    def phrase_keys(raw: str) -> str | None:
        """The matching form of one dictionary phrase: space-joined key tokens, with a final
        ``*`` when the phrase does not end in ``_`` (its last word may then take a suffix)."""
        raw = raw.strip()
        keys = key_tokens(PAREN_RE.sub(" ", raw).replace("_", " "))
        if not keys:
            return None
        return " ".join(keys) + ("" if raw.endswith("_") else "*")

    @staticmethod
    def display_name(raw: str) -> str:
        """Readable casing for an all-capitals Phoenix name: "US_SECRETARY_OF_STATE" ->
        "US Secretary of State" (two-letter words other than particles stay acronyms)."""
        words = PAREN_RE.sub(" ", raw).replace("_", " ").split()
        if words and words[0].upper() == "THE" and len(words) > 1:
            words = words[1:]

        def case(word: str, first: bool) -> str:
            if word.lower() in LOWER_WORDS and not first:
                return word.lower()
            if len(word) == 2 and word.isalpha() and word.lower() not in LOWER_WORDS:
                return word.upper()
            return "-".join(p.capitalize() for p in word.split("-"))

        return " ".join(case(w, i == 0) for i, w in enumerate(words))

    # ---- actor files -----------------------------------------------------------------
    def lines(self, name: str) -> Iterator[tuple[int, str]]:
        with (self.source / name).open(encoding="utf-8") as handle:
            for number, line in enumerate(handle, start=1):
                text = line.split("#", 1)[0].rstrip()
                if text.strip():
                    yield number, text

    def read_actors(self, name: str) -> list[Entry]:
        entries: list[Entry] = []
        current: Entry | None = None
        for number, line in self.lines(name):
            where = f"{name}:{number}"
            stripped = line.strip()
            codes = [self.parse_code(m, where) for m in CODE_RE.findall(stripped)]
            names = CODE_RE.sub(" ", stripped).strip()
            if stripped.startswith("+"):
                if current is None:
                    self.warn(where, "synonym before any entry skipped")
                    continue
                for piece in names.split("+"):
                    if piece.strip():
                        current.phrases.append(piece.strip())
            elif names and not line[0].isspace():
                current = Entry(base=names, source=where, phrases=[names])
                entries.append(current)
            elif names:
                self.warn(where, f"indented text {names!r} skipped")
            if current is not None:
                current.codes.extend(c for c in codes if c)
        return entries

    def write_actors(self, book: CodeBook) -> tuple[int, int]:
        rows = []
        dropped = 0
        for name in ACTOR_FILES:
            for entry in self.read_actors(name):
                codes = [c for c in dict.fromkeys(entry.codes) if not book.is_ignored(c.split("@")[0])]
                phrases = [k for k in dict.fromkeys(map(self.phrase_keys, entry.phrases)) if k]
                if not codes or not phrases:
                    dropped += 1
                    continue
                decoded = [book.decode(c.split("@")[0]) for c in codes]
                if all(d.sector is None and d.group is None for d in decoded):
                    kind = "country"
                elif (
                    name == ACTOR_FILES[0]
                    and any("@" in c for c in codes)
                    and all(d.group is None for d in decoded)
                    and 2 <= len(self.display_name(entry.base).split()) <= 5
                ):  # leaders and officials of CountryInfo: dated roles, a personal name
                    kind = "person"
                else:
                    kind = "organisation"
                rows.append(
                    (self.display_name(entry.base), kind, "|".join(phrases), ";".join(codes),
                     entry.source)
                )
        out = OUT / "phoenix_actors.csv"
        with out.open("w", encoding="utf-8", newline="") as handle:
            handle.write(MIT_NOTICE.format(files=", ".join(ACTOR_FILES)))
            handle.write("# Columns: name; type (country|person|organisation); phrases (matching keys,\n"
                         "# '|'-separated, final '*' = the last word may take a suffix); codes (CAMEO\n"
                         "# code[@start/end ISO dates], ';'-separated); source (Phoenix file:line).\n")
            writer = csv.writer(handle, lineterminator="\n")
            writer.writerow(("name", "type", "phrases", "codes", "source"))
            writer.writerows(rows)
        return len(rows), dropped

    # ---- agents ----------------------------------------------------------------------
    def agent_rows(self, name: str = AGENT_FILE) -> dict[str, tuple[str, str]]:
        """Matching keys of every agent form -> (code, file:line); the first entry wins."""
        sets: dict[str, list[str]] = {}
        rows: dict[str, tuple[str, str]] = {}
        for number, line in self.lines(name):
            where = f"{name}:{number}"
            if "!" in line and "=" in line:
                marker, _, items = line.partition("=")
                sets[marker.strip().strip("!")] = [i.strip() for i in items.split(",") if i.strip()]
                continue
            match = CODE_RE.search(line)
            if not match:
                self.warn(where, "agent without code skipped")
                continue
            code = match.group(1).strip()
            phrase = line[: match.start()].strip()
            plural: str | None = None
            if "{" in phrase:
                plural = phrase[phrase.find("{") + 1 : phrase.find("}")].strip()
                phrase = phrase[: phrase.find("{")].strip()
            phrase = re.sub(r"(?<![!A-Z])MINIST(?![A-Z!])", "!MINIST!", phrase)
            forms = self.expand_sets(phrase, sets, where)
            if plural is None and "!" not in phrase and not phrase.endswith("_"):
                forms.append(self.pluralise(phrase))
            elif plural:
                forms.append(plural)
            for form in forms:
                keys = " ".join(key_tokens(form.replace("_", " ")))
                if keys and keys not in rows:
                    rows[keys] = (code, where)
        return rows

    def write_agents(self) -> int:
        rows = self.agent_rows()
        out = OUT / "phoenix_agents.csv"
        with out.open("w", encoding="utf-8", newline="") as handle:
            handle.write(MIT_NOTICE.format(files=AGENT_FILE))
            handle.write("# Columns: phrase (matching keys, plural forms expanded); code ('~GOV' adds\n"
                         "# the role after the actor's code, 'IGO~' before it); source (file:line).\n")
            writer = csv.writer(handle, lineterminator="\n")
            writer.writerow(("phrase", "code", "source"))
            writer.writerows((k, c, s) for k, (c, s) in rows.items())
        return len(rows)

    def expand_sets(self, phrase: str, sets: dict[str, list[str]], where: str) -> list[str]:
        match = re.search(r"!([A-Z]+)!", phrase)
        if not match:
            return [phrase]
        if match.group(1) not in sets:
            self.warn(where, f"unknown substitution set !{match.group(1)}! skipped")
            return []
        return [
            form
            for item in sets[match.group(1)]
            for form in self.expand_sets(phrase[: match.start()] + item + phrase[match.end() :], sets, where)
        ]

    @staticmethod
    def pluralise(phrase: str) -> str:
        """PETRARCH's regular plural: -Y -> -IES, -S -> -SES, else -S."""
        phrase = phrase.rstrip("_ ")
        if phrase.endswith("Y"):
            return phrase[:-1] + "IES"
        if phrase.endswith("S"):
            return phrase + "ES"
        return phrase + "S"

    # ---- countries -------------------------------------------------------------------
    def write_countries(self) -> CodeBook:
        overrides = {row["iso3"]: row for row in load_yaml("actors/country_names.yaml")}
        adjectives = self.phoenix_adjectives()
        rows = {}
        for country in pycountry.countries:
            iso3 = country.alpha_3
            name = getattr(country, "common_name", None) or country.name
            rows[iso3] = [iso3, name, adjectives.get(iso3, name)]
        for iso3, row in overrides.items():
            rows[iso3] = [iso3, row["name"], row.get("adjective") or row["name"]]
        out = OUT / "countries.csv"
        with out.open("w", encoding="utf-8", newline="") as handle:
            handle.write("# ISO 3166-1 alpha-3 countries: names from pycountry (ISO 3166, LGPL-2.1 data)\n"
                         "# overridden by country_names.yaml; adjectives from country_names.yaml or the\n"
                         "# Phoenix country synonyms (MIT, openeventdata/petrarch2). Generated by\n"
                         "# scripts/convert_phoenix.py.\n")
            writer = csv.writer(handle, lineterminator="\n")
            writer.writerow(("iso3", "name", "adjective"))
            writer.writerows(sorted(rows.values()))
        return CodeBook(load_yaml("actors/cameo_codes.yaml"), rows)

    def phoenix_adjectives(self) -> dict[str, str]:
        """A demonym among a country entry's one-word synonyms ("IRAQI_" for IRAQ_)."""
        found: dict[str, str] = {}
        for entry in self.read_actors(ACTOR_FILES[0]):
            plain = [c for c in entry.codes if re.fullmatch(r"[A-Z]{3}", c)]
            if len(plain) != 1 or plain[0] in found:
                continue
            stem = entry.base.strip("_")[:4]
            for phrase in entry.phrases[1:]:
                word = phrase.strip("_ ")
                if word.isalpha() and word.startswith(stem) and word.endswith(
                    ("I", "AN", "ESE", "ISH", "IC", "CH")
                ):
                    found[plain[0]] = word.capitalize()
                    break
        return found


def main(argv: list[str]) -> int:
    source = Path(argv[1]) if len(argv) > 1 else DEFAULT_SOURCE
    converter = Converter(source)
    book = converter.write_countries()
    actors, dropped = converter.write_actors(book)
    agents = converter.write_agents()
    for warning in dict.fromkeys(converter.warnings):
        print(f"warning: {warning}", file=sys.stderr)
    print(f"{actors} actor entries ({dropped} without usable code or phrase dropped), "
          f"{agents} agent phrases, {len(converter.warnings)} warnings")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
