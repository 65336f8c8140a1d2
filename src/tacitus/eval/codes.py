"""Comparing a gold actor code with a tacitus party.

Gold sets code actors CAMEO-style: a three-letter country code that is usually, but not always,
ISO alpha-3 (``JAP``), optionally followed by agent codes (``USAGOV``), or a transnational
category (``IGO``, ``NGO``, ``IMG``). tacitus parties carry an ISO country, a sector and a kind.
Both sides are reduced to *keys* (ISO codes and category names); they agree when they share one.
"""

from __future__ import annotations

from collections.abc import Iterable

from tacitus.eval.tables import cameo_actor_codes
from tacitus.model import Party

MISSING_CODES = ("", "---", "NONE", "NULL")


def gold_key(code: str) -> str | None:
    """The comparison key of a CAMEO actor code: its first three letters, mapped to ISO."""
    code = code.strip()
    if code.startswith(('"', "'")):
        return None  # PETRARCH's quoted text of an actor missing from its dictionaries
    head = code.upper()[:3]
    if head in MISSING_CODES or len(head) < 3:
        return None
    mapped = cameo_actor_codes().get(head)
    return mapped[0] if mapped else head


def party_keys(party: Party | None) -> frozenset[str]:
    """Every key a party answers to: its country, and its transnational category if any."""
    if party is None:
        return frozenset()
    groups = {code for code, kind in cameo_actor_codes().values() if kind == "group"}
    keys: set[str] = set()
    if party.country:
        keys.add(party.country.upper())
    for code in (party.sector, party.id[:3] if party.id else None):
        if code and code.upper() in groups:
            keys.add(code.upper())
    if party.kind == "international":
        keys.add("IGO")
    if party.kind == "non-state armed" and not party.country:
        keys.add("IMG")
    return frozenset(keys)


def agrees(gold_keys: Iterable[str], party: Party | None) -> bool:
    """True when the party answers to one of the gold keys (any member of a compound actor)."""
    return bool(set(gold_keys) & party_keys(party))
