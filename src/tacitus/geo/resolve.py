"""Choosing which gazetteer entry each toponym of an article names.

Population alone sends "Paris, Texas" to France and "Georgia" in a US-politics story to the
Caucasus. Each candidate is scored by a prior (log population, feature kind, how its name
matched) plus what the article says: countries named or implied by demonyms, the dateline
and outlet, the place a mention is attached to ("Pandi, Bulacan"), feature words ("the
province of X"), other places mentioned nearby on the map. Two passes: the first picks with
priors and named countries only; the second adds the context of the other first-pass picks.
All mentions of one name in an article get one place (scores summed over mentions).
"""

from __future__ import annotations

import math
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass

from tacitus.geo.context import Cues, country_counts, mention_cues
from tacitus.geo.gazetteer import (
    ADMIN1,
    ADMIN2,
    CITY,
    CONTINENT,
    COUNTRY,
    FEATURE,
    KIND_NAMES,
    Candidate,
    Index,
)
from tacitus.geo.lexicon import GeoLexicon
from tacitus.geo.normalize import exact_key
from tacitus.model import Place

KIND_PRIOR = {CONTINENT: 2.0, COUNTRY: 3.5, ADMIN1: 1.0, ADMIN2: 0.3, CITY: 0.0, FEATURE: 2.0}
MATCH_PRIOR = {"main": 0.0, "code": 0.0, "alias": -0.4, "variant": -1.2, "loose": -1.2}
CAPITAL_PRIOR = 2.5
NEIGHBOUR_BONUS = 1.5
LIST_GAP = 6  # characters between two list items: ", and "
LIST_PEER_BONUS = 2.5
LOOSE_MIN_POPULATION = 5000
MAX_CANDIDATES = 40
NAMESAKE_PENALTY = 2.0
NAMESAKE_MIN_POPULATION = 100_000
NAMESAKE_TOWN_MIN_POPULATION = 5_000
DISTRICT_KM = 30.0
DISTRICT_BONUS = 5.0
COUNTY_IN_REGION_BONUS = 3.0
MIN_REGION_PEERS = 3
EARTH_KM = 6371.0
WRITTEN_WITH_ANY = (COUNTRY, ADMIN1, ADMIN2, CITY)


@dataclass(frozen=True, slots=True)
class Mention:
    """A toponym span to resolve, with the words around it."""

    text: str
    start: int
    end: int
    cues: Cues


@dataclass(frozen=True, slots=True)
class Resolution:
    """The place chosen for a mention and why (the provenance string)."""

    place: Place
    reason: str
    score: float


@dataclass(frozen=True, slots=True)
class ArticleContext:
    """Article-level evidence: country mention counts and the dateline/outlet country."""

    countries: Counter[str]
    home_country: str | None


@dataclass(frozen=True, slots=True)
class Layout:
    """How the mentions stand in the text: which are joined as list items, and the feature
    kind each was resolved to in the first pass (empty during it)."""

    links: dict[int, set[int]]
    kinds: dict[int, int]


def clean_mention(text: str, start: int) -> tuple[str, int]:
    """Drop a leading 'the' and a trailing possessive, keeping offsets right."""
    if text.lower().startswith("the "):
        text, start = text[4:], start + 4
    if text.endswith(("'s", "’s")):
        text = text[:-2]
    return text.strip(), start


def _list_links(mentions: Sequence[Mention]) -> dict[int, set[int]]:
    """Mentions joined by a list separator (a comma, "and", "or"): i -> its neighbours."""
    links: dict[int, set[int]] = defaultdict(set)
    for i, first in enumerate(mentions):
        for j, second in enumerate(mentions):
            if (0 <= second.start - first.end <= LIST_GAP and first.cues.list_after
                    and second.cues.list_before and i != j):
                links[i].add(j)
                links[j].add(i)
    return links


def _in_list(layout: Layout, mentions: Sequence[Mention], first: int, second: int) -> bool:
    """Whether "A, B" are two items of a list of three or more ("Georgia, Illinois, Missouri
    and New Jersey") rather than a place and the region it lies in ("Pandi, Bulacan";
    "Stroud, Ontario, Canada", where the third item is of another kind)."""
    links, kinds = layout.links, layout.kinds
    before = [k for k in links.get(first, ()) if mentions[k].end <= mentions[first].start]
    after = [k for k in links.get(second, ()) if mentions[k].start >= mentions[second].end]
    return (any(kinds.get(k) == kinds.get(first) for k in before)
            or any(kinds.get(k) == kinds.get(second) for k in after))


def distance_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * EARTH_KM * math.asin(min(1.0, math.sqrt(a)))


class Resolver:
    """Resolves the mentions of one article against the index."""

    def __init__(self, index: Index, lexicon: GeoLexicon) -> None:
        self.index = index
        self.lexicon = lexicon
        self._country_names = {code: {index.main[entry]} for code, entry in index.countries.items()}

    def mention(self, text: str, start: int, end: int) -> Mention:
        name, start = clean_mention(text[start:end], start)
        end = start + len(name)
        return Mention(name, start, end, mention_cues(text, start, end, self.lexicon))

    def article_context(self, text: str, dateline_place: str | None, source: str | None) -> ArticleContext:
        """Countries the article names; the dateline place's country, else the country the
        outlet's name states ("Iraqi News Agency"; an outlet name is never looked up as a
        place: "The Guardian" is not a village)."""
        home = self._dateline_country(dateline_place) if dateline_place else None
        if home is None and source:
            outlet = country_counts(source, self.index)
            home = outlet.most_common(1)[0][0] if outlet else None
        return ArticleContext(countries=country_counts(text, self.index), home_country=home)

    def _dateline_country(self, dateline_place: str) -> str | None:
        counts = country_counts(dateline_place, self.index)
        if counts:
            return counts.most_common(1)[0][0]
        name = dateline_place.split(",")[0].strip()
        candidates = self.index.candidates(name.title() if name.isupper() else name)
        if candidates:
            best = max(candidates, key=self._prior)
            return self.index.country[best.entry] or None
        return None

    def _prior(self, candidate: Candidate) -> float:
        """Log population, plus the salience of the feature kind and of national capitals,
        less for names matched only through an alternate or loose spelling."""
        index, entry = self.index, candidate.entry
        capital = CAPITAL_PRIOR if index.capitals.get(index.country[entry]) == entry else 0.0
        return (math.log10(index.population[entry] + 1) + KIND_PRIOR[index.kind[entry]]
                + MATCH_PRIOR[candidate.match] + capital)

    def resolve(self, mentions: Sequence[Mention], context: ArticleContext) -> list[Resolution | None]:
        """One resolution (or None when no gazetteer entry matches) per mention."""
        index = self.index
        candidates = [sorted(self._candidates(m.text), key=self._prior, reverse=True)[:MAX_CANDIDATES]
                      for m in mentions]
        namesakes = [self._namesake_regions(cands) for cands in candidates]
        groups: dict[str, list[int]] = defaultdict(list)
        for i, m in enumerate(mentions):
            if candidates[i]:
                groups[exact_key(m.text)].append(i)
        own_by_text = {m.text: self._own_country(m) for m in mentions}
        own_country = [own_by_text[m.text] for m in mentions]

        links = _list_links(mentions)
        first = self._pick(mentions, candidates, namesakes, groups, context, own_country, None,
                           Layout(links, {}))
        layout = Layout(links, {i: index.kind[entry] for i, (entry, _, _) in first.items()})
        picks = self._pick(mentions, candidates, namesakes, groups, context, own_country, first, layout)
        self._place_at_written_region(picks, mentions, candidates, layout)
        results: list[Resolution | None] = []
        for i, m in enumerate(mentions):
            pick = picks.get(i)
            if pick is None:
                results.append(None)
                continue
            entry, score, notes = pick
            kind = KIND_NAMES[index.kind[entry]]
            country = index.country[entry] or "-"
            reason = f"gazetteer: '{m.text}' -> {kind} {index.name[entry]} ({country})"
            if notes:
                reason += ", context: " + "; ".join(notes)
            results.append(Resolution(index.place(entry, m.text, m.start, m.end), reason, score))
        return results

    def _candidates(self, text: str) -> list[Candidate]:
        """Gazetteer candidates; for "Borno State", "Nyanza Province" with no entry of that
        full name, the regions named without the feature word; for "Salinas Valley", "Da Nang
        International Airport", the places named without the feature word (the gazetteer has
        towns and regions, not valleys and airports, which lie at or next to their namesake);
        for "Mt. Vernon", also the places named with the abbreviation written out."""
        words = text.split()
        written_out = self.lexicon.abbreviations.get(exact_key(words[0])) if len(words) > 1 else None
        if written_out:
            # a few towns list the abbreviation as an alternate name; most only the full name,
            # which the text did not write: a match through it is an alternate spelling
            found = {c.entry: c for c in self.index.candidates(text)}
            for c in self._candidates(" ".join([written_out, *words[1:]])):
                found.setdefault(c.entry, Candidate(c.entry, "alias" if c.match == "main" else c.match))
            return self._demote_variants(list(found.values()))
        found = self.index.candidates(text)
        if found or len(words) < 2:
            return self._demote_variants(found)
        if exact_key(words[-1]) in self.lexicon.admin_cues:
            return [c for c in self.index.candidates(" ".join(words[:-1]))
                    if self.index.kind[c.entry] in (ADMIN1, ADMIN2)]
        key = exact_key(text)
        for head in self.lexicon.feature_heads:
            if key.endswith(" " + head) and len(words) > head.count(" ") + 1:
                rest = " ".join(words[:len(words) - head.count(" ") - 1])
                return self._demote_variants(self.index.candidates(rest, loose=False))
        return found

    def _demote_variants(self, found: list[Candidate]) -> list[Candidate]:
        """A town that has the name only as an alternate spelling (Pittsburg, California, for
        "Pittsburgh") is less likely meant than a bigger town whose own name it is: mark it.
        A village of that name does not demote a city ("Basra" is Basrah, not Basra in Punjab)."""
        population = self.index.population
        mains = [population[c.entry] for c in found if c.match == "main" and self.index.kind[c.entry] == CITY]
        if not mains:
            return found
        return [Candidate(c.entry, "variant") if c.match == "alias" and self.index.kind[c.entry] == CITY
                and population[c.entry] <= max(mains) else c for c in found]

    def _unsupported_guess(self, entry: int, candidates: list[Candidate], notes: list[str]) -> bool:
        """A hamlet found only through a loose spelling, with nothing in the article pointing
        to it, is more likely a name the gazetteer lacks than that hamlet: leave it unresolved."""
        match = next(c.match for c in candidates if c.entry == entry)
        return match == "loose" and not notes and self.index.population[entry] < LOOSE_MIN_POPULATION

    def _namesake_regions(self, candidates: list[Candidate]) -> set[int]:
        """Regions named like a big city in them ("New York", "Sao Paulo"), and counties named
        like a town of their state ("Jackson, Miss.", "Lafayette, La."): in news the bare name
        means the town; the region is written "New York state", "Jackson County"."""
        index = self.index
        big = [c.entry for c in candidates if index.kind[c.entry] == CITY
               and index.population[c.entry] >= NAMESAKE_MIN_POPULATION]
        cities = {(index.country[e], index.admin1[e]) for e in big}
        cities |= {(index.country[e], index.admin2[e]) for e in big}
        towns = {(index.country[c.entry], index.admin1[c.entry]) for c in candidates
                 if index.kind[c.entry] == CITY and index.population[c.entry] >= NAMESAKE_TOWN_MIN_POPULATION}
        return {c.entry for c in candidates if index.kind[c.entry] in (ADMIN1, ADMIN2)
                and ((index.country[c.entry], index.name[c.entry]) in cities
                     or (index.kind[c.entry] == ADMIN2
                         and (index.country[c.entry], index.admin1[c.entry]) in towns))}

    def _listed_with_regions(self, i: int, entry: int, mentions: Sequence[Mention],
                             previous: dict[int, tuple[int, float, list[str]]] | None,
                             links: dict[int, set[int]]) -> bool:
        """Whether the mention stands in a list with regions of the same country ("New York,
        New Jersey and Connecticut"), or the article counts off several of them ("three in
        Texas, two in Kansas, one in Ohio. New York has 28"): then a namesake is the region,
        like its peers. One region named elsewhere says little ("New York" in an article
        that also mentions Wisconsin is still the city)."""
        if previous is None:
            return False
        index, country, own = self.index, self.index.country[entry], exact_key(mentions[i].text)
        if any(j in previous and index.kind[previous[j][0]] == ADMIN1
               and index.country[previous[j][0]] == country for j in links.get(i, ())):
            return True
        peers = {other for j, (other, _, _) in previous.items()
                 if index.kind[other] == ADMIN1 and index.country[other] == country
                 and exact_key(mentions[j].text) != own}
        return len(peers) >= MIN_REGION_PEERS

    def _own_country(self, mention: Mention) -> str | None:
        """The country a mention itself names, to exclude from its own context."""
        counts = country_counts(mention.text, self.index)
        return next(iter(counts)) if counts else None

    def _pick(self, mentions: Sequence[Mention], candidates: list[list[Candidate]],
              namesakes: list[set[int]], groups: dict[str, list[int]], context: ArticleContext,
              own_country: list[str | None],
              previous: dict[int, tuple[int, float, list[str]]] | None,
              layout: Layout) -> dict[int, tuple[int, float, list[str]]]:
        picked: dict[int, tuple[int, float, list[str]]] = {}
        for members in groups.values():
            totals: dict[int, float] = defaultdict(float)
            notes: dict[int, list[str]] = {}
            for i in members:
                for cand in candidates[i]:
                    score, why = self._score(i, cand, mentions, context, own_country[i], previous, layout)
                    if (cand.entry in namesakes[i] and mentions[i].cues.feature != "admin"
                            and not (self.index.kind[cand.entry] == ADMIN1 and self._listed_with_regions(
                                i, cand.entry, mentions, previous, layout.links))):
                        score -= NAMESAKE_PENALTY
                        why = [*why, "region named like a town, not written as a region"]
                    totals[cand.entry] += score
                    notes.setdefault(cand.entry, why)
            best = max(totals, key=lambda e: totals[e])
            if previous is not None and self._unsupported_guess(best, candidates[members[0]], notes[best]):
                continue
            for i in members:
                picked[i] = (best, totals[best] / len(members), notes[best])
        return picked

    def _place_at_written_region(self, picks: dict[int, tuple[int, float, list[str]]],
                                 mentions: Sequence[Mention], candidates: list[list[Candidate]],
                                 layout: Layout) -> None:
        """"Stroud, Ontario" where the gazetteer has no Stroud in Ontario: the region the text
        names is a surer place than a namesake town abroad. "Fort Detrick, Maryland",
        "Greenlane, Auckland" where the gazetteer has no such name at all: the place it is
        written with, at that place's precision, rather than nothing (in place)."""
        resolved = dict(picks)
        for i in range(len(mentions)):
            if i not in resolved:
                where = self._written_with_region(i, mentions, resolved, layout, WRITTEN_WITH_ANY)
                if where is not None:
                    why = (f"no gazetteer entry for '{mentions[i].text}': placed at "
                           f"{self.index.name[where]}, which it is written with")
                    picks[i] = (where, 0.0, [why])
                continue
            best, score, _ = resolved[i]
            region = self._written_with_region(i, mentions, resolved, layout, (ADMIN1, COUNTRY))
            if (region is not None and self.index.kind[best] in (CITY, ADMIN2)
                    and not any(self._inside(c.entry, region) for c in candidates[i])):
                why = (f"no '{mentions[i].text}' in {self.index.name[region]}, which it is "
                       "written with: placed at that region")
                picks[i] = (region, score, [why])

    def _written_with_region(self, i: int, mentions: Sequence[Mention],
                             previous: dict[int, tuple[int, float, list[str]]] | None,
                             layout: Layout, kinds: tuple[int, ...]) -> int | None:
        """The place of one of ``kinds`` a mention is written with ("Stroud, Ontario"), if any."""
        if previous is None or not mentions[i].cues.list_after:
            return None
        for j, (other, _, _) in previous.items():
            if (self.index.kind[other] in kinds and j != i
                    and 0 <= mentions[j].start - mentions[i].end <= 2 and not _in_list(layout, mentions, i, j)):
                return other
        return None

    def _written_as_region(self, mention: Mention) -> bool:
        """Whether a mention names itself an admin region ("Fulton County"; a feature word
        after it, as in "Washington state", may name the state rather than the county)."""
        words = mention.text.split()
        return len(words) > 1 and exact_key(words[-1]) in self.lexicon.admin_cues

    def _inside(self, entry: int, region: int) -> bool:
        """Whether an entry lies in a region (or is it): same country, and same admin1 for one."""
        index = self.index
        if entry == region or index.country[entry] != index.country[region]:
            return entry == region
        return index.kind[region] == COUNTRY or index.admin1[entry] == index.name[region]

    def _score(self, i: int, cand: Candidate, mentions: Sequence[Mention], context: ArticleContext,
               own_country: str | None, previous: dict[int, tuple[int, float, list[str]]] | None,
               layout: Layout) -> tuple[float, list[str]]:
        index = self.index
        entry, kind, country = cand.entry, index.kind[cand.entry], index.country[cand.entry]
        score = self._prior(cand)
        why: list[str] = []
        if kind in (ADMIN1, ADMIN2) and exact_key(index.name[entry]) in self._country_names.get(country, ()):
            score -= NAMESAKE_PENALTY  # "Taiwan", "Panama": the country, not its province
        mentioned = context.countries.get(country, 0) - (1 if own_country == country else 0)
        if kind != CONTINENT and mentioned > 0:
            score += 2.0 + 0.5 * math.log2(mentioned)
            why.append(f"country {country} mentioned {mentioned}x")
        elif kind != CONTINENT and mentioned <= 0:
            near = [n for n in index.neighbours.get(country, ()) if context.countries.get(n)]
            if near:
                score += NEIGHBOUR_BONUS
                why.append(f"neighbour of {near[0]}, mentioned")
        if country and country == context.home_country:
            score += 1.5
            why.append(f"dateline/outlet country {country}")
        cues = mentions[i].cues
        if cues.feature == "admin":
            score += 3.0 if kind in (ADMIN1, ADMIN2) else -1.0
            if kind in (ADMIN1, ADMIN2):
                why.append("feature word: admin region")
        elif cues.feature == "city" and kind == CITY:
            score += 1.5
            why.append("feature word: city")
        if previous is None:
            return score, why
        score += self._context_score(i, entry, mentions, previous, layout, why)
        return score, why

    def _context_score(self, i: int, entry: int, mentions: Sequence[Mention],
                       previous: dict[int, tuple[int, float, list[str]]],
                       layout: Layout, why: list[str]) -> float:
        """Agreement with the first-pass picks of the other mentions."""
        index = self.index
        kind, country = index.kind[entry], index.country[entry]
        own_key = exact_key(mentions[i].text)
        score = 0.0
        best_near = math.inf
        same_country = False
        peers = 0.0
        for j, (other, _, _) in previous.items():
            if j == i or exact_key(mentions[j].text) == own_key:
                continue
            other_kind = index.kind[other]
            same_country = same_country or (other_kind != COUNTRY and index.country[other] == country)
            contains = (other_kind in (ADMIN1, ADMIN2) and index.country[other] == country
                        and index.name[other] in (index.admin1[entry], index.admin2[entry])
                        and other != entry)
            adjacent = 0 <= mentions[j].start - mentions[i].end <= 2 and not _in_list(layout, mentions, i, j)
            if contains and (adjacent or kind != ADMIN2 or self._written_as_region(mentions[i])):
                # "Fulton County ... in Illinois": a county written as one, in a state the
                # article names, is that state's county rather than a bigger one elsewhere
                bonus = 6.0 if adjacent else COUNTY_IN_REGION_BONUS if kind == ADMIN2 else 1.5
                if bonus > score:
                    why.append(f"in {KIND_NAMES[other_kind]} {index.name[other]} mentioned")
                score = max(score, bonus)
            elif adjacent and other_kind == COUNTRY and index.country[other] == country:
                score = max(score, 3.0)
                why.append(f"followed by its country {country}")
            elif (kind in (ADMIN1, ADMIN2, COUNTRY) and index.country[other] == country and other != entry
                  and (kind == COUNTRY or index.name[entry] in (index.admin1[other], index.admin2[other]))):
                follows = 0 <= mentions[i].start - mentions[j].end <= 2 and not _in_list(layout, mentions, j, i)
                bonus = 4.0 if follows else 1.5
                if bonus > score:
                    why.append(f"contains {index.name[other]} mentioned")
                score = max(score, bonus)
            if (kind == CITY and other_kind in (CITY, ADMIN2) and index.country[other] == country
                    and index.population[entry] >= NAMESAKE_MIN_POPULATION
                    and 0 <= mentions[i].start - mentions[j].end <= 2 and not _in_list(layout, mentions, j, i)
                    and distance_km(index.lat[entry], index.lon[entry], index.lat[other], index.lon[other])
                    <= DISTRICT_KM):
                # "Queens, New York", "Adhamiya, Baghdad": a district, then the city it is part
                # of; more specific than the region that also contains it
                if DISTRICT_BONUS > score:
                    why.append(f"contains {index.name[other]} mentioned")
                score = max(score, DISTRICT_BONUS)
            if (kind == ADMIN1 and other_kind == ADMIN1 and index.country[other] == country
                    and j in layout.links.get(i, ())):
                peers = max(peers, LIST_PEER_BONUS)
            if kind in (CITY, ADMIN2) and other_kind in (CITY, ADMIN2):
                best_near = min(best_near, distance_km(index.lat[entry], index.lon[entry],
                                                       index.lat[other], index.lon[other]))
        if peers:
            score += peers
            why.append("listed with other admin1 regions")
        if same_country and kind != COUNTRY:
            score += 1.0
            why.append(f"other places in {country} mentioned")
        if best_near < 500:
            score += 1.0 * (1.0 - best_near / 500)
            why.append(f"{best_near:.0f} km from another place mentioned")
        return score
