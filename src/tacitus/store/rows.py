"""Records <-> table rows: how an ArticleResult is laid out over the store's tables.

Both directions live here, side by side, so that a field added to a record is added to the
store in one place and the round-trip test (record -> rows -> record) catches any drift.
Rows are plain dicts keyed by column name; a backend decides how to send them.
"""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import asdict
from datetime import datetime
from typing import Any

from tacitus.model import (
    Acled,
    Article,
    ArticleResult,
    Attribution,
    Claim,
    Event,
    Evidence,
    Framing,
    InputProblem,
    Party,
    Place,
    Quote,
    Sentiment,
    Toll,
    stable_hash,
)

Row = dict[str, Any]
Tables = dict[str, list[Row]]

# Insertion order of the tables a batch writes (parents before children).
RESULT_TABLES: tuple[str, ...] = (
    "articles", "events", "parties", "places", "evidence", "quotes", "claims", "events_flat",
)

_PARTY_FIELDS = ("text", "name", "country", "sector", "kind")
_PLACE_FIELDS = ("text", "name", "country", "admin1", "lat", "lon", "geonameid", "precision")
_ARTICLE_FIELDS = ("source", "published", "title", "url", "path", "ingested_at")


def _party_json(party: Party | None) -> dict[str, Any] | None:
    return party.to_dict() if party is not None else None


def _party_of(data: Mapping[str, Any] | None) -> Party | None:
    if data is None:
        return None
    return Party(text=data["text"], name=data["name"], id=data["id"], country=data["country"],
                 sector=data["sector"], kind=data["kind"])


def _framing_of(data: Mapping[str, Any]) -> Framing:
    return Framing(**{**data, "target": _party_of(data["target"])})


def _sentiment_of(data: Mapping[str, Any]) -> Sentiment:
    return Sentiment(party=_party_of(data["party"]), score=data["score"],  # type: ignore[arg-type]
                     mentions=data["mentions"])


def result_rows(result: ArticleResult, ingested_at: datetime) -> Tables:
    """Every row one article adds, table by table."""
    article = result.article
    tables: Tables = defaultdict(list)
    tables["articles"].append({
        "id": article.id, "source": article.source, "published": article.published,
        "title": article.title, "url": article.url, "language": article.language,
        "path": article.path, "external_id": article.external_id,
        "dateline_place": article.dateline_place, "text": article.text,
        "article_warnings": list(article.warnings), "warnings": list(result.warnings),
        "framing": json.dumps([asdict(f) for f in result.framing], ensure_ascii=False),
        "sentiment": json.dumps([asdict(s) for s in result.sentiment], ensure_ascii=False),
        "ingested_at": ingested_at,
    })
    for seq, event in enumerate(result.events):
        _event_rows(tables, article.id, seq, event)
    tables["events_flat"] = flat_rows(tables)
    for seq, quote in enumerate(result.quotes):
        tables["quotes"].append({
            "article_id": article.id, "seq": seq, "id": quote.id,
            "speaker": json.dumps(_party_json(quote.speaker)) if quote.speaker else None,
            "text": quote.text, "start_char": quote.start, "end_char": quote.end,
            "direct": quote.direct, "about": json.dumps([p.to_dict() for p in quote.about]),
            "event_ids": list(quote.event_ids),
        })
    for seq, claim in enumerate(result.claims):
        tables["claims"].append(_claim_row(article.id, seq, claim))
    return tables


def _claim_row(article_id: str, seq: int, claim: Claim) -> Row:
    return {
        "article_id": article_id, "seq": seq, "kind": claim.kind, "event_id": claim.event_id,
        "source": json.dumps(_party_json(claim.source), ensure_ascii=False)
        if claim.source else None,
        "source_text": claim.source_text, "certainty": claim.certainty,
        "start_char": claim.start, "end_char": claim.end, "rule": claim.rule,
        "killed": claim.killed, "injured": claim.injured, "qualifier": claim.qualifier,
        "actor": json.dumps(_party_json(claim.actor), ensure_ascii=False) if claim.actor else None,
        "hedges": list(claim.hedges), "quote_id": claim.quote_id,
    }


def _claim_of(row: Row) -> Claim:
    return Claim(
        kind=row["kind"], event_id=row["event_id"],
        source=_party_of(json.loads(row["source"]) if row["source"] else None),
        source_text=row["source_text"], certainty=row["certainty"], start=row["start_char"],
        end=row["end_char"], rule=row["rule"], killed=row["killed"], injured=row["injured"],
        qualifier=row["qualifier"],
        actor=_party_of(json.loads(row["actor"]) if row["actor"] else None),
        hedges=tuple(row["hedges"]), quote_id=row["quote_id"])


def _event_rows(tables: Tables, article_id: str, seq: int, event: Event) -> None:
    toll = event.fatalities
    tables["events"].append({
        "id": event.id, "article_id": article_id, "seq": seq, "type": event.type,
        "mode": event.mode, "context": list(event.context), "cameo": event.cameo,
        "goldstein": float(event.goldstein), "quad_class": event.quad_class,
        "acled_event_type": event.acled.event_type if event.acled else None,
        "acled_sub_event_type": event.acled.sub_event_type if event.acled else None,
        "status": event.status, "date": event.date, "date_precision": event.date_precision,
        "killed": toll.killed if toll else None, "injured": toll.injured if toll else None,
        "toll_qualifier": toll.qualifier if toll else None,
        "attribution_source": event.attribution.source,
        "attribution_hedged": event.attribution.hedged,
        "attribution_quote_id": event.attribution.quote_id,
        "confidence": float(event.confidence),
        "provenance": json.dumps(event.provenance, ensure_ascii=False),
    })
    for role, party in (("actor", event.actor), ("recipient", event.recipient)):
        if party is not None:
            tables["parties"].append({
                "event_id": event.id, "role": role, "text": party.text, "name": party.name,
                "party_id": party.id, "country": party.country, "sector": party.sector,
                "kind": party.kind,
            })
    place = event.location
    if place is not None:
        tables["places"].append({
            "event_id": event.id, "text": place.text, "name": place.name,
            "country": place.country, "admin1": place.admin1, "lat": place.lat,
            "lon": place.lon, "geonameid": place.geonameid, "precision": place.precision,
            "start_char": place.start, "end_char": place.end,
        })
    for ev_seq, ev in enumerate(event.evidence):
        tables["evidence"].append({"event_id": event.id, "seq": ev_seq, "sentence": ev.sentence,
                                   "start_char": ev.start, "end_char": ev.end})


def flat_rows(tables: Tables) -> list[Row]:
    """The ``events_flat`` rows of one article's tables (incident_id is set when linked)."""
    article = tables["articles"][0]
    parties = {(p["event_id"], p["role"]): p for p in tables["parties"]}
    places = {p["event_id"]: p for p in tables["places"]}
    first = {v["event_id"]: v["sentence"] for v in tables["evidence"] if v["seq"] == 0}
    flat = []
    for event in tables["events"]:
        row = {"id": event["id"], "article_id": event["article_id"], "incident_id": None}
        row |= {k: v for k, v in event.items() if k not in ("id", "article_id", "provenance")}
        for role in ("actor", "recipient"):
            party = parties.get((event["id"], role), {})
            row[f"{role}_id"] = party.get("party_id")
            row |= {f"{role}_{f}": party.get(f) for f in _PARTY_FIELDS}
        place = places.get(event["id"], {})
        row |= {f"location_{f}": place.get(f) for f in _PLACE_FIELDS}
        row["evidence"] = first.get(event["id"])
        row["provenance"] = event["provenance"]
        row |= {f: article[f] for f in _ARTICLE_FIELDS}
        flat.append(row)
    return flat


def failure_row(problem: InputProblem, recorded_at: datetime) -> Row:
    """A failed input; its id makes the same failure recorded twice one row."""
    line = "" if problem.line is None else str(problem.line)
    return {"id": stable_hash(problem.path, line, problem.message), "path": problem.path,
            "line": problem.line, "message": problem.message, "severity": problem.severity,
            "recorded_at": recorded_at}


def result_of(article: Row, events: Sequence[Row], parties: Iterable[Row], places: Iterable[Row],
              evidence: Iterable[Row], quotes: Sequence[Row],
              claims: Sequence[Row]) -> ArticleResult:
    """Rebuild one ArticleResult from its rows (events, quotes and claims in ``seq`` order)."""
    party_of = {(p["event_id"], p["role"]): Party(
        text=p["text"], name=p["name"], id=p["party_id"], country=p["country"],
        sector=p["sector"], kind=p["kind"]) for p in parties}
    place_of = {p["event_id"]: Place(
        text=p["text"], name=p["name"], country=p["country"], admin1=p["admin1"],
        lat=p["lat"], lon=p["lon"], geonameid=p["geonameid"],
        precision=p["precision"], start=p["start_char"], end=p["end_char"])
        for p in places}
    evidence_of: dict[str, list[Row]] = defaultdict(list)
    for row in evidence:
        evidence_of[row["event_id"]].append(row)
    built = []
    for e in sorted(events, key=lambda r: r["seq"]):
        spans = sorted(evidence_of[e["id"]], key=lambda r: r["seq"])
        built.append(Event(
            id=e["id"], type=e["type"], cameo=e["cameo"], goldstein=e["goldstein"],
            quad_class=e["quad_class"], status=e["status"], mode=e["mode"],
            context=tuple(e["context"]),
            acled=Acled(e["acled_event_type"], e["acled_sub_event_type"])
            if e["acled_event_type"] is not None else None,
            date=e["date"], date_precision=e["date_precision"],
            actor=party_of.get((e["id"], "actor")),
            recipient=party_of.get((e["id"], "recipient")),
            location=place_of.get(e["id"]),
            fatalities=Toll(e["killed"], e["injured"], e["toll_qualifier"])
            if e["toll_qualifier"] is not None else None,
            attribution=Attribution(e["attribution_source"], bool(e["attribution_hedged"]),
                                    e["attribution_quote_id"]),
            evidence=tuple(Evidence(r["sentence"], r["start_char"], r["end_char"]) for r in spans),
            confidence=e["confidence"],
            provenance=json.loads(e["provenance"]),
        ))
    built_quotes = tuple(Quote(
        id=q["id"], speaker=_party_of(json.loads(q["speaker"]) if q["speaker"] else None),
        text=q["text"], start=q["start_char"], end=q["end_char"], direct=bool(q["direct"]),
        about=tuple(_party_of(p) for p in json.loads(q["about"])),  # type: ignore[misc]
        event_ids=tuple(q["event_ids"])) for q in sorted(quotes, key=lambda r: r["seq"]))
    return ArticleResult(
        article=Article(
            text=article["text"], id=article["id"], source=article["source"],
            published=article["published"], title=article["title"], url=article["url"],
            language=article["language"], path=article["path"],
            external_id=article["external_id"], dateline_place=article["dateline_place"],
            warnings=tuple(article["article_warnings"])),
        events=tuple(built), quotes=built_quotes, warnings=tuple(article["warnings"]),
        framing=tuple(_framing_of(f) for f in json.loads(article["framing"])),
        sentiment=tuple(_sentiment_of(x) for x in json.loads(article["sentiment"])),
        claims=tuple(_claim_of(c) for c in sorted(claims, key=lambda r: r["seq"])))
