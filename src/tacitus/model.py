"""Typed records that cross stage boundaries.

Every stage of tacitus hands these frozen dataclasses to the next one, never loose dicts, so
that a field renamed in one place fails loudly everywhere. ``to_dict()`` produces exactly the
public contract of ``docs/SCHEMA.md`` (and the JSON Schema shipped in
``tacitus/resources/schema/article.schema.json``).
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from datetime import date
from typing import Any, Literal

PLOVER_TYPES: tuple[str, ...] = (
    "AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
    "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT",
)
STATUSES: tuple[str, ...] = ("occurred", "threatened", "planned", "alleged", "denied", "background")
DATE_PRECISIONS: tuple[str, ...] = ("day", "week", "month", "year", "publication")
QUALIFIERS: tuple[str, ...] = ("exact", "at least", "about", "up to", "more than")
PLACE_PRECISIONS: tuple[str, ...] = ("point", "city", "admin2", "admin1", "country")
PARTY_KINDS: tuple[str, ...] = (
    "state", "non-state armed", "political", "civilian", "international", "media", "other",
)

Status = Literal["occurred", "threatened", "planned", "alleged", "denied", "background"]
DatePrecision = Literal["day", "week", "month", "year", "publication"]


def stable_hash(*parts: str) -> str:
    """Hex sha256 of the parts joined by a separator that cannot occur in them."""
    digest = hashlib.sha256()
    for part in parts:
        digest.update(part.encode("utf-8"))
        digest.update(b"\x1f")
    return digest.hexdigest()


def text_id(text: str) -> str:
    """The article id: sha256 of the text with whitespace runs folded, so that re-ingesting
    the same report through another container format yields the same id."""
    return hashlib.sha256(" ".join(text.split()).encode("utf-8")).hexdigest()


@dataclass(frozen=True, slots=True)
class Article:
    """One news report as ingested; ``text`` is the body that evidence offsets index into."""

    text: str
    id: str = ""
    source: str | None = None
    published: date | None = None
    title: str | None = None
    url: str | None = None
    language: str = "en"
    path: str | None = None
    external_id: str | None = None
    dateline_place: str | None = None
    warnings: tuple[str, ...] = ()

    def __post_init__(self) -> None:
        if not self.id:
            object.__setattr__(self, "id", text_id(self.text))

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "source": self.source,
            "published": self.published.isoformat() if self.published else None,
            "title": self.title,
            "url": self.url,
            "language": self.language,
            "path": self.path,
            "external_id": self.external_id,
        }


@dataclass(frozen=True, slots=True)
class InputProblem:
    """A problem with one input (file, line or record) that did not stop the others.

    ``severity`` is ``error`` when the input was skipped and ``warning`` when it was processed
    anyway. ``str()`` gives the one-line message the CLI prints.
    """

    path: str
    message: str
    severity: Literal["error", "warning"] = "error"
    line: int | None = None

    def __str__(self) -> str:
        where = f"{self.path}:{self.line}" if self.line is not None else self.path
        return f"{self.severity}: {where}: {self.message}"


@dataclass(frozen=True, slots=True)
class Party:
    """A canonical participant: who acts or is acted upon."""

    text: str
    name: str
    id: str
    country: str | None = None
    sector: str | None = None
    kind: str = "other"

    def to_dict(self) -> dict[str, Any]:
        return {
            "text": self.text,
            "name": self.name,
            "id": self.id,
            "country": self.country,
            "sector": self.sector,
            "kind": self.kind,
        }


@dataclass(frozen=True, slots=True)
class Place:
    """A place as written, resolved to the gazetteer where possible.

    ``start``/``end`` are offsets of the mention in the article text (None when the place was
    inferred, e.g. the article's dominant location). Unresolved places keep ``text`` and have
    null coordinates: never a guessed point.
    """

    text: str
    name: str | None = None
    country: str | None = None
    admin1: str | None = None
    lat: float | None = None
    lon: float | None = None
    geonameid: int | None = None
    precision: str | None = None
    start: int | None = None
    end: int | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "text": self.text,
            "name": self.name,
            "country": self.country,
            "admin1": self.admin1,
            "lat": self.lat,
            "lon": self.lon,
            "geonameid": self.geonameid,
            "precision": self.precision,
        }


@dataclass(frozen=True, slots=True)
class Evidence:
    """A sentence that shows the event; ``article.text[start:end] == sentence``."""

    sentence: str
    start: int
    end: int

    def to_dict(self) -> dict[str, Any]:
        return {"sentence": self.sentence, "start": self.start, "end": self.end}


@dataclass(frozen=True, slots=True)
class Toll:
    killed: int | None = None
    injured: int | None = None
    qualifier: str = "exact"

    def to_dict(self) -> dict[str, Any]:
        return {"killed": self.killed, "injured": self.injured, "qualifier": self.qualifier}


@dataclass(frozen=True, slots=True)
class Attribution:
    """Who the text says asserts the event; ``source`` None means the outlet itself."""

    source: str | None = None
    hedged: bool = False
    quote_id: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {"source": self.source, "hedged": self.hedged, "quote_id": self.quote_id}


@dataclass(frozen=True, slots=True)
class Acled:
    event_type: str
    sub_event_type: str

    def to_dict(self) -> dict[str, Any]:
        return {"event_type": self.event_type, "sub_event_type": self.sub_event_type}


@dataclass(frozen=True, slots=True)
class Event:
    """One incident reported in one article, with every field explained by ``provenance``."""

    id: str
    type: str
    cameo: str
    goldstein: float
    quad_class: int
    status: str
    mode: str | None = None
    context: tuple[str, ...] = ()
    acled: Acled | None = None
    date: date | None = None
    date_precision: str | None = None
    actor: Party | None = None
    recipient: Party | None = None
    location: Place | None = None
    fatalities: Toll | None = None
    attribution: Attribution = field(default_factory=Attribution)
    evidence: tuple[Evidence, ...] = ()
    confidence: float = 0.5
    provenance: dict[str, str] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "type": self.type,
            "mode": self.mode,
            "context": list(self.context),
            "cameo": self.cameo,
            "goldstein": self.goldstein,
            "quad_class": self.quad_class,
            "acled": self.acled.to_dict() if self.acled else None,
            "status": self.status,
            "date": self.date.isoformat() if self.date else None,
            "date_precision": self.date_precision,
            "actor": self.actor.to_dict() if self.actor else None,
            "recipient": self.recipient.to_dict() if self.recipient else None,
            "location": self.location.to_dict() if self.location else None,
            "fatalities": self.fatalities.to_dict() if self.fatalities else None,
            "attribution": self.attribution.to_dict(),
            "evidence": [e.to_dict() for e in self.evidence],
            "confidence": round(self.confidence, 3),
            "provenance": dict(self.provenance),
        }


@dataclass(frozen=True, slots=True)
class Quote:
    id: str
    speaker: Party | None
    text: str
    start: int
    end: int
    direct: bool
    about: tuple[Party, ...] = ()
    event_ids: tuple[str, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "speaker": self.speaker.to_dict() if self.speaker else None,
            "text": self.text,
            "start": self.start,
            "end": self.end,
            "direct": self.direct,
            "about": [p.to_dict() for p in self.about],
            "event_ids": list(self.event_ids),
        }


@dataclass(frozen=True, slots=True)
class Claim:
    """One fact of one event as one source states it.

    ``kind`` is ``toll`` (``killed``/``injured``/``qualifier`` set) or ``responsibility``
    (``actor`` is who is said to have done it). ``source`` None means the outlet's own voice.
    ``certainty``: 3 asserted, 2 attributed, 1 hedged, 0 denied; ``hedges`` the words that
    lowered it. ``start``/``end`` are offsets of the words that state the fact.
    """

    kind: str
    event_id: str | None
    source: Party | None
    source_text: str | None
    certainty: int
    start: int
    end: int
    rule: str
    killed: int | None = None
    injured: int | None = None
    qualifier: str | None = None
    actor: Party | None = None
    hedges: tuple[str, ...] = ()
    quote_id: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "kind": self.kind,
            "event_id": self.event_id,
            "source": self.source.to_dict() if self.source else None,
            "source_text": self.source_text,
            "certainty": self.certainty,
            "killed": self.killed,
            "injured": self.injured,
            "qualifier": self.qualifier,
            "actor": self.actor.to_dict() if self.actor else None,
            "hedges": list(self.hedges),
            "quote_id": self.quote_id,
            "start": self.start,
            "end": self.end,
            "rule": self.rule,
        }


@dataclass(frozen=True, slots=True)
class Framing:
    """A loaded label in the text ("terrorists", "martyrs", "aggression") and what it qualifies.

    ``stance`` is the label's lean toward its target: -1 delegitimising, +1 legitimising,
    0 neutral or hedging. ``target`` is the party it describes, ``event_id`` the event.
    """

    term: str
    label: str
    category: str
    stance: int
    start: int
    end: int
    target: Party | None = None
    event_id: str | None = None
    rule: str = ""

    def to_dict(self) -> dict[str, Any]:
        return {
            "term": self.term,
            "label": self.label,
            "category": self.category,
            "stance": self.stance,
            "start": self.start,
            "end": self.end,
            "target": self.target.to_dict() if self.target else None,
            "event_id": self.event_id,
            "rule": self.rule,
        }


@dataclass(frozen=True, slots=True)
class Sentiment:
    """The article's tone toward one party: mean lexicon polarity of the sentences naming it."""

    party: Party
    score: float
    mentions: int

    def to_dict(self) -> dict[str, Any]:
        return {"party": self.party.to_dict(), "score": round(self.score, 3),
                "mentions": self.mentions}


@dataclass(frozen=True, slots=True)
class ArticleResult:
    """Everything tacitus says about one article: the unit the CLI prints and the store keeps."""

    article: Article
    events: tuple[Event, ...] = ()
    quotes: tuple[Quote, ...] = ()
    warnings: tuple[str, ...] = ()
    framing: tuple[Framing, ...] = ()
    sentiment: tuple[Sentiment, ...] = ()
    claims: tuple[Claim, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        return {
            "article": self.article.to_dict(),
            "events": [e.to_dict() for e in self.events],
            "quotes": [q.to_dict() for q in self.quotes],
            "framing": [f.to_dict() for f in self.framing],
            "sentiment": [s.to_dict() for s in self.sentiment],
            "claims": [c.to_dict() for c in self.claims],
            "warnings": list(self.warnings),
        }
