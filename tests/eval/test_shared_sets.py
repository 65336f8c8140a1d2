"""The readers on the real shared gold files (reading only; no pipeline, so it is fast)."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

from tacitus.eval import case2021, geoxml, plover
from tacitus.eval.tables import NO_CATEGORY


def test_plover_gold_file(shared_data: Path) -> None:
    gold = plover.read(shared_data / "plover" / "PLOVER_GSR_CAMEO.json")
    assert len(gold.records) == 322
    types = Counter(r.type for r in gold.records)
    assert "FIGHT" not in types and types["ASSAULT"] == 15 + 17
    assert types["ACCUSE"] == 16 + 9  # DISAPPROVE + INVESTIGATE
    assert [str(p) for p in gold.problems] == [
        f"warning: {shared_data / 'plover' / 'PLOVER_GSR_CAMEO.json'}: record 8 "
        "(PLOVER-GSR01-AGREE-0007): 'target' is not a list of actors: ignored"]


def test_case2021_dev_file(shared_data: Path) -> None:
    gold = case2021.read(shared_data / "case2021_task2" / "dev.tsv")
    assert len(gold.records) == 503 and not gold.problems
    labels = Counter(r.label for r in gold.records)
    assert labels[NO_CATEGORY] == 26 + 18 + 22 + 14 + 14
    assert labels["Armed clash"] == 33


def test_geovirus_file(shared_data: Path) -> None:
    gold = geoxml.read(shared_data / "geoparsing" / "GeoVirus.xml")
    assert len(gold.records) == 229 and not gold.problems
    toponyms = [t for a in gold.records for t in a.toponyms]
    assert len(toponyms) == 2170
    assert all(a.text[t.start:t.end] == t.name for a in gold.records for t in a.toponyms)
