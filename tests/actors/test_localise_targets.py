"""Parties given by the place: an attack or coercion that names no target falls on the
country it happens in (never on the attacker's own country for want of a place), a recipient
written as the event's very place stands for that place's country, and an arrest, release or
investigation told in the passive is done by the authorities of the country it happens in."""

from __future__ import annotations

from dataclasses import replace

import pytest

from tacitus.actors import get_resolver, localise_parties
from tacitus.model import Event, Party, Place

JERICHO = Place("Jericho", "Jericho", "PSE", "West Bank", 31.86, 35.46, 293207, "city", 0, 7)
MARIUPOL = Place("Mariupol", "Mariupol", "UKR", "Donetsk", 47.1, 37.55, 701822, "city", 0, 8)


def _event(kind: str, actor: Party | None, recipient: Party | None, location: Place | None) -> Event:
    return Event(id="e", type=kind, cameo="190", goldstein=-10.0, quad_class=4, status="occurred",
                 actor=actor, recipient=recipient, location=location,
                 provenance={"type": "test", "recipient": "'of X' 'Mariupol' -> not in dictionaries"})


@pytest.mark.parametrize("kind", ["ASSAULT", "COERCE"])
def test_untargeted_force_falls_on_the_place(kind):
    israel = get_resolver().resolve_text("Israeli tanks")
    [event] = localise_parties([_event(kind, israel, None, JERICHO)])
    assert event.recipient is not None and event.recipient.country == "PSE"
    assert "default_recipients.yaml" in event.provenance["recipient"]


def test_unplaced_attack_gets_no_recipient_from_its_actor():
    russia = get_resolver().resolve_text("Russian jets")
    [event] = localise_parties([_event("ASSAULT", russia, None, None)])
    assert event.recipient is None


def test_consultation_gets_no_recipient_from_its_place():
    qatar = get_resolver().resolve_text("Qatar")
    [event] = localise_parties([_event("CONSULT", qatar, None, JERICHO)])
    assert event.recipient is None


def test_recipient_written_as_the_place_is_its_country():
    town = Party(text="Mariupol", name="Mariupol", id="MARIUPOL", country=None, sector=None, kind="other")
    [event] = localise_parties([_event("COERCE", None, town, MARIUPOL)])
    assert (event.recipient.id, event.recipient.country, event.recipient.text) == ("UKR", "UKR", "Mariupol")
    assert "the place of the event" in event.provenance["recipient"]


def test_named_group_is_not_taken_for_the_place():
    group = Party(text="Arakan Army", name="Arakan Army", id="ARAKAN-ARMY", country=None, sector="REB",
                  kind="non-state armed")
    [event] = localise_parties([_event("ASSAULT", None, group, MARIUPOL)])
    assert event.recipient == group


LEBANON = Place("Lebanon", "Lebanon", "LBN", None, 33.83, 35.83, 272103, "country", 0, 7)


@pytest.mark.parametrize(("cameo", "actor_id"), [("173", "LBNCOP"), ("0841", "LBNCOP"), ("090", "LBNGOV")])
def test_passive_arrest_release_or_inquiry_is_done_by_the_authorities(cameo, actor_id):
    missionary = get_resolver().resolve_text("a Canadian missionary")
    event = replace(_event("COERCE", None, missionary, LEBANON), cameo=cameo)
    [event] = localise_parties([event])
    assert event.actor is not None and event.actor.id == actor_id
    assert "default_actors.yaml" in event.provenance["actor"]


def test_unnamed_attacker_is_an_unidentified_armed_group_not_the_state():
    soldiers = get_resolver().resolve_text("Lebanese soldiers")
    [event] = localise_parties([_event("ASSAULT", None, soldiers, LEBANON)])
    assert event.actor is not None
    assert (event.actor.id, event.actor.country, event.actor.kind) == ("LBNUAF", "LBN", "non-state armed")
    assert "default_actors.yaml" in event.provenance["actor"]


def test_unplaced_unnamed_attacker_stays_unknown():
    soldiers = get_resolver().resolve_text("Lebanese soldiers")
    [event] = localise_parties([_event("ASSAULT", None, soldiers, None)])
    assert event.actor is None


def test_unattributed_air_strike_gets_no_armed_group():
    # Air forces are states'; the place of a strike does not tell whose.
    soldiers = get_resolver().resolve_text("Lebanese soldiers")
    [event] = localise_parties([replace(_event("ASSAULT", None, soldiers, LEBANON), cameo="195")])
    assert event.actor is None
