"""Agreement with the PLOVER gold actors (actor text -> gold country code / sector).

The gold codes are CAMEO: country codes are mapped to ISO alpha-3 with the shipped code book
(JAP -> JPN, ...), IGO/NGO compared on the sector. Sector agreement is bounded by the gold
annotation: the gold sector often comes from words outside ``actorText`` ("Hungarian" ...
"officials"). Figures at the time of writing: country 0.87, IGO/NGO 0.59, sector 0.62.
"""

from __future__ import annotations

import json

from tacitus.actors import get_resolver
from tacitus.actors.codes import get_codebook


def gold_actors(shared_data):
    records = json.loads((shared_data / "plover" / "PLOVER_GSR_CAMEO.json").read_text(encoding="utf-8"))
    for record in records[1:]:
        for role in ("source", "target"):
            actors = record.get(role)
            if isinstance(actors, list):
                yield from (a for a in actors if isinstance(a, dict) and a.get("actorText"))


def agreement(shared_data) -> dict[str, float]:
    resolver, book = get_resolver(), get_codebook()
    hits = {"country": [0, 0], "igo_ngo": [0, 0], "sector": [0, 0]}
    for actor in gold_actors(shared_data):
        party = resolver.resolve_text(actor["actorText"])
        code = (actor.get("code") or "").upper()
        iso = book.iso_of(code[:3]) if code else None
        if iso:
            hits["country"][0] += party is not None and party.country == iso
            hits["country"][1] += 1
        elif code[:3] in ("IGO", "NGO"):
            hits["igo_ngo"][0] += party is not None and party.sector == code[:3]
            hits["igo_ngo"][1] += 1
        sector = (actor.get("sector") or "")[:3].upper()
        if sector in book.sectors:
            hits["sector"][0] += party is not None and party.sector == sector
            hits["sector"][1] += 1
    return {k: right / total for k, (right, total) in hits.items()}


def test_plover_gold_agreement(shared_data):
    scores = agreement(shared_data)
    print(scores)
    assert scores["country"] >= 0.85
    assert scores["igo_ngo"] >= 0.5
    assert scores["sector"] >= 0.55
