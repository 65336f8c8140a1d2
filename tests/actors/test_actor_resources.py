"""The actor dictionaries load fast and reject malformed entries with file and line."""

from __future__ import annotations

import time

import pytest

from tacitus.actors import get_resolver
from tacitus.actors.codes import get_codebook
from tacitus.actors.lexicon import load_curated, load_phoenix
from tacitus.actors.resolve import ActorResolver
from tacitus.errors import ResourceError
from tacitus.model import PARTY_KINDS

GOOD_ENTRY = """\
- id: XX-ONE
  name: First Group
  aliases: [First Group]
  country: IRQ
  sector: REB
  kind: non-state armed
"""


@pytest.mark.parametrize("bad_entry, message, line", [
    ("- id: XX-TWO\n  name: Second\n  aliases: [Second]\n  country: IRQ\n  sector: REB\n  kind: rebel\n",
     "kind 'rebel'", 7),
    ("- id: XX-TWO\n  name: Second\n  aliases: [Second]\n  country: IRAQ\n  sector: REB\n  kind: political\n",
     "not ISO 3166-1", 7),
    ("- id: XX-TWO\n  name: Second\n  aliases: [Second]\n  country: null\n  sector: ARMY\n  kind: political\n",
     "unknown sector", 7),
    ("- id: XX-TWO\n  name: Second\n  country: null\n  sector: REB\n  kind: political\n",
     "lacks aliases", 7),
    ("- id: XX-TWO\n  name: Second\n  aliases: [Second]\n  sector: REB\n  kind: political\n",
     "lacks country", 7),
])
def test_malformed_curated_entry(tmp_path, bad_entry, message, line):
    bad = tmp_path / "groups.yaml"
    bad.write_text(GOOD_ENTRY + bad_entry, encoding="utf-8")
    with pytest.raises(ResourceError, match=message) as info:
        load_curated(str(bad), get_codebook())
    assert info.value.line == line
    assert str(bad) in str(info.value)


def test_malformed_phoenix_codes(tmp_path):
    bad = tmp_path / "actors.csv"
    bad.write_text(
        "# header\nname,type,phrases,codes,source\n"
        "Iraq,country,iraq|iraqi,IRQ,x:1\n"
        "Someone,person,someone,IRQGOV@2019-13/,x:2\n",
        encoding="utf-8",
    )
    with pytest.raises(ResourceError, match="malformed codes") as info:
        list(load_phoenix(get_codebook(), str(bad)))
    assert info.value.line == 4


def test_loading_all_dictionaries_is_fast():
    book = get_codebook()
    best = min(_cpu_seconds(lambda: ActorResolver(book)) for _ in range(2))
    assert best < 1.0


def _cpu_seconds(build) -> float:
    """CPU time of this process, so that other jobs on a shared machine do not count."""
    start = time.process_time()
    build()
    return time.process_time() - start


def test_every_shipped_role_decodes_to_schema_values():
    resolver = get_resolver()
    iso = resolver.book.iso
    for actor in resolver.actors:
        for role in actor.roles:
            assert role.country is None or role.country in iso, (actor.source, role)
            assert role.kind in PARTY_KINDS, (actor.source, role)
            assert role.sector is None or role.sector in resolver.book.sectors, (actor.source, role)
