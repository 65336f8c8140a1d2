"""Statements: who said what about whom, linked to the events they assert.

Runs after ``extract`` (it links quotes to events and sets ``attribution.quote_id``) and before
``geo``. See ``quotes`` for how statements are found and attributed, ``claims`` for facts tied
to who asserts them, ``framing`` for loaded labels and ``sentiment`` for tone toward parties.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from tacitus.model import Event, Party, Quote
from tacitus.nlp import ParsedArticle
from tacitus.statements.links import overlaps
from tacitus.statements.quotes import Statement, statements, to_quote

__all__ = ["Statement", "extract_quotes", "link_quotes", "parties_of"]


def extract_quotes(parsed: ParsedArticle, events: Sequence[Event]) -> tuple[list[Quote], list[str]]:
    """The article's quotes, each with the ids of the events stated in its sentences."""
    when = parsed.article.published
    found, warnings = statements(parsed.doc, when)
    result = []
    cache: dict[str, Party | None] = {}
    for statement in found:
        linked = [e.id for e in events if overlaps(e, statement.start, statement.end)]
        result.append(to_quote(parsed.article.id, parsed.doc, statement, when, linked, cache))
    return result, warnings


def _same_speaker(source: str, quote: Quote) -> bool:
    if quote.speaker is None:
        return False
    names = {quote.speaker.name.lower(), quote.speaker.text.lower()}
    return source.lower() in names or any(source.lower() in n or n in source.lower() for n in names)


def link_quotes(events: Sequence[Event], found: Sequence[Quote]) -> list[Event]:
    """Set ``attribution.quote_id`` where an event's attributed source spoke a linked quote."""
    linked = []
    for event in events:
        source = event.attribution.source
        match = None
        if source:
            match = next((q for q in found if event.id in q.event_ids and _same_speaker(source, q)),
                         None)
        if match is None:
            linked.append(event)
            continue
        attribution = replace(event.attribution, quote_id=match.id)
        provenance = dict(event.provenance, attribution_quote=f"quote {match.id[:12]} by {source}")
        linked.append(replace(event, attribution=attribution, provenance=provenance))
    return linked


def parties_of(events: Sequence[Event], found: Sequence[Quote]) -> list[Party]:
    """Every party the article's events and quotes name, once each, in order of appearance:
    the set the article's sentiment is measured toward."""
    seen: dict[str, Party] = {}
    for event in events:
        for party in (event.actor, event.recipient):
            if party is not None:
                seen.setdefault(party.id, party)
    for quote in found:
        for party in (quote.speaker, *quote.about):
            if party is not None:
                seen.setdefault(party.id, party)
    return list(seen.values())
