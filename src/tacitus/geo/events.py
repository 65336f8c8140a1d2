"""Placing each event where it happened.

The extract stage marks where the text states an event's place (``location`` as an
unresolved ``Place(text, start, end)``); this stage resolves it with the whole article as
context. Where no place is stated, it falls back, with lower confidence, to a place in the
event's own evidence sentences, and then to the article's dominant location: the dateline
place (at admin1 precision: the event happened around it) or else the most-mentioned country
(at country precision).

A place in the evidence sentence is not where the event happened just because it is there:
"Washington condemned the strikes" names who spoke (the subject, or a possessor as in
"Moscow's decision"), and an actor's own capital or country is where its government sits, not
where its forces act. Such mentions are skipped unless a preposition of place introduces them
("in Baghdad").
"""

from __future__ import annotations

import dataclasses
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from spacy.tokens import Doc

from tacitus.geo.context import country_mentions
from tacitus.geo.geocoder import Geocoder, get_geocoder
from tacitus.geo.resolve import Resolution
from tacitus.model import Event, Place
from tacitus.nlp import ParsedArticle
from tacitus.nlp.spans import char_span

SENTENCE_CONFIDENCE = 0.9
DATELINE_CONFIDENCE = 0.8
COUNTRY_CONFIDENCE = 0.7
PRECISION_RANK = {"point": 0, "city": 1, "admin2": 2, "admin1": 3, "country": 4}
PLACE_PREPOSITIONS = frozenset({"in", "near", "at", "outside", "around", "across", "inside",
                                "throughout", "within", "into", "on"})
SPEAKER_DEPS = frozenset({"nsubj", "nsubjpass", "poss", "agent"})


@dataclass(frozen=True, slots=True)
class _Mention:
    resolution: Resolution | None
    start: int
    end: int
    text: str


def place_events(parsed: ParsedArticle, events: Sequence[Event],
                 geocoder: Geocoder | None = None) -> list[Event]:
    """The events with ``location`` resolved and ``provenance["location"]`` saying why."""
    if not events:
        return []
    geocoder = geocoder or get_geocoder()
    doc, article = parsed.doc, parsed.article
    text = article.text
    detected = geocoder.detect(doc, text)
    stated = [(e.location.start, e.location.end) for e in events
              if e.location is not None and e.location.lat is None
              and e.location.start is not None and e.location.end is not None]
    spans = sorted(set(detected) | set(stated))
    resolved = geocoder.resolutions(text, spans, article.dateline_place, article.source)
    mentions = {(start, end): _Mention(r, start, end, text[start:end])
                for (start, end), r in zip(spans, resolved)}
    dominant = _dominant(geocoder, [mentions[s] for s in detected], article.dateline_place, text)
    return [_place(event, doc, text, geocoder, mentions, dominant) for event in events]


def _place(event: Event, doc: Doc, text: str, geocoder: Geocoder,
           mentions: dict[tuple[int, int], _Mention],
           dominant: tuple[Place, str, float] | None) -> Event:
    location = event.location
    if location is not None and location.lat is not None:
        return event
    if location is not None and location.start is not None and location.end is not None:
        mention = mentions[(location.start, location.end)]
        if mention.resolution is not None:
            return _with(event, mention.resolution.place, f"stated: {mention.resolution.reason}", 1.0)
        return _with(event, location, f"stated: '{location.text}' not in the gazetteer (unresolved)", 1.0)
    if location is not None and location.text:
        resolution = geocoder.resolve_name(location.text, text)
        if resolution is not None:
            place = dataclasses.replace(resolution.place, start=None, end=None)
            return _with(event, place, f"stated (no offsets): {resolution.reason}", 1.0)
        return _with(event, location, f"stated: '{location.text}' not in the gazetteer (unresolved)", 1.0)
    chosen = _from_evidence(event, doc, geocoder, mentions)
    if chosen is not None:
        return _with(event, chosen[0], chosen[1], SENTENCE_CONFIDENCE)
    if dominant is not None:
        return _with(event, dominant[0], dominant[1], dominant[2])
    return dataclasses.replace(event, provenance={**event.provenance,
                                                  "location": "no place stated or mentioned"})


def _with(event: Event, place: Place, why: str, factor: float) -> Event:
    return dataclasses.replace(event, location=place, confidence=event.confidence * factor,
                               provenance={**event.provenance, "location": why})


def _from_evidence(event: Event, doc: Doc, geocoder: Geocoder,
                   mentions: dict[tuple[int, int], _Mention]) -> tuple[Place, str] | None:
    """The best place mentioned in the event's evidence sentences, skipping speakers and
    the actor's own seat of government."""
    index = geocoder.index
    home = event.actor.country if event.actor else None
    capital = index.capitals.get(home) if home else None
    best: tuple[tuple[int, int, int], Place, str] | None = None
    skipped: list[str] = []
    for evidence in event.evidence:
        for (start, end), mention in mentions.items():
            if mention.resolution is None or not (evidence.start <= start and end <= evidence.end):
                continue
            place = mention.resolution.place
            prepositional = _preposition(doc, start) in PLACE_PREPOSITIONS
            if not prepositional and _is_speaker(doc, start, end):
                skipped.append(f"'{mention.text}' (speaker)")
                continue
            at_home = place.country == home and (place.precision == "country"
                                                 or place.geonameid == _geonameid(geocoder, capital))
            if at_home and not prepositional:
                skipped.append(f"'{mention.text}' (actor's own capital/country)")
                continue
            rank = (0 if prepositional else 1, PRECISION_RANK.get(place.precision or "country", 4), start)
            if best is None or rank < best[0]:
                how = "place after a preposition" if prepositional else "place mentioned"
                why = f"evidence sentence: {how}"
                best = (rank, place, f"{why}, {mention.resolution.reason}")
    if best is None:
        return None
    note = f"; skipped {', '.join(skipped)}" if skipped else ""
    return best[1], best[2] + note


def _geonameid(geocoder: Geocoder, entry: int | None) -> int | None:
    return geocoder.index.geonameid[entry] if entry is not None else None


def _preposition(doc: Doc, start: int) -> str | None:
    """The preposition governing the mention at ``start`` ("in Mosul", "near the town of X")."""
    span = char_span(doc, start, start + 1)
    if span is None or not len(span):
        return None
    token = span[0]
    for ancestor in [token, *token.ancestors][:3]:
        if ancestor.dep_ == "pobj" and ancestor.head.dep_ == "prep":
            return ancestor.head.lower_
    previous = doc[token.i - 1] if token.i > 0 else None
    return previous.lower_ if previous is not None and previous.pos_ == "ADP" else None


def _is_speaker(doc: Doc, start: int, end: int) -> bool:
    """Whether the mention is the subject or possessor of its clause ("Washington said",
    "Moscow's decision"): a government by metonymy, not a place."""
    span = char_span(doc, start, end)
    return span is not None and len(span) > 0 and span.root.dep_ in SPEAKER_DEPS


def _dominant(geocoder: Geocoder, detected: list[_Mention], dateline_place: str | None,
              text: str) -> tuple[Place, str, float] | None:
    """The article's dominant location: its dateline place, else its most-mentioned country."""
    if dateline_place:
        resolution = geocoder.resolve_name(dateline_place, text)
        if resolution is not None:
            # the report comes from there; the event happened somewhere around it
            precision = resolution.place.precision
            coarser = "admin1" if precision in ("point", "city", "admin2") else precision
            place = dataclasses.replace(resolution.place, start=None, end=None, precision=coarser)
            return place, f"article dateline: {resolution.reason}", DATELINE_CONFIDENCE
    countries = Counter(m.resolution.place.country for m in detected
                        if m.resolution is not None and m.resolution.place.country)
    countries.update(code for code, _, _, demonym in country_mentions(text, geocoder.index) if demonym)
    if not countries:
        return None
    code, count = countries.most_common(1)[0]
    entry = geocoder.index.country_entry(code)
    if entry is None:
        return None
    place = geocoder.index.place(entry, geocoder.index.name[entry], None, None)
    why = f"article dominant country: {code}, {count} places and demonyms"
    return place, why, COUNTRY_CONFIDENCE
