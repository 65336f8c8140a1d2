"""Country-less agents take the country their event was placed in."""

from __future__ import annotations

from tacitus.actors import get_resolver, localise_parties
from tacitus.model import Event, Place


def _event(actor, recipient, location) -> Event:
    return Event(id="e", type="COERCE", cameo="175", goldstein=-9.0, quad_class=4,
                 status="occurred", actor=actor, recipient=recipient, location=location,
                 provenance={"type": "test", "actor": "agent_nouns.yaml"})


BAGHDAD = Place("Baghdad", "Baghdad", "IRQ", "Baghdad", 33.34, 44.4, 98182, "city", 0, 7)


def test_police_in_baghdad_are_iraqi_police() -> None:
    resolver = get_resolver()
    police = resolver.resolve_text("police")
    protesters = resolver.resolve_text("protesters")
    assert police is not None and police.country is None
    [event] = localise_parties([_event(police, protesters, BAGHDAD)])
    assert (event.actor.id, event.actor.country, event.actor.sector) == ("IRQCOP", "IRQ", "COP")
    assert event.actor.text == "police"
    assert event.recipient.country == "IRQ"
    assert "country IRQ from the event's location" in event.provenance["actor"]


def test_parties_naming_a_country_or_group_and_unplaced_events_are_unchanged() -> None:
    resolver = get_resolver()
    us = resolver.resolve_text("US forces")
    kh = resolver.resolve_text("Kataib Hezbollah")
    police = resolver.resolve_text("police")
    placed = _event(us, kh, BAGHDAD)
    unplaced = _event(police, None, None)
    assert localise_parties([placed, unplaced]) == [placed, unplaced]
