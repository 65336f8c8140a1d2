"""Pairwise precision and recall of the incident rule on the labelled reports.

Run: ``python tests/merge/score_pairs.py``. Every pair of reports in ``data/reports.yaml`` is a
labelled pair (same incident or not). Two figures: the rule alone (``same_incident`` on the
pair) and the incidents as stored (connected components, so links can chain).
"""

from __future__ import annotations

import sys
from dataclasses import dataclass
from datetime import date
from itertools import combinations
from pathlib import Path
from typing import Any

import yaml

from tacitus.merge import MergeItem, components, item_of, same_incident
from tacitus.model import Article, Event, Party, Place, stable_hash

DATA = Path(__file__).resolve().parent / "data" / "reports.yaml"


@dataclass(frozen=True)
class Scores:
    precision: float
    recall: float
    true_pos: int
    false_pos: int
    false_neg: int
    pairs: int

    def __str__(self) -> str:
        return (f"precision {self.precision:.3f} recall {self.recall:.3f} "
                f"(tp {self.true_pos}, fp {self.false_pos}, fn {self.false_neg}, "
                f"{self.pairs} pairs)")


def _party(code: list[Any] | None) -> Party | None:
    if code is None:
        return None
    return Party(text=code[0], name=code[0], id=code[0], country=code[1])


def load(path: Path = DATA) -> list[tuple[str, str, MergeItem]]:
    """(report id, incident label, merge item) for each labelled report."""
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    places = {k: Place(text=v[0], name=v[0], country=v[1], admin1=v[2], lat=v[3], lon=v[4],
                       precision=v[5]) for k, v in data["places"].items()}
    out = []
    for r in data["reports"]:
        article = Article(text=r["text"], source=r["source"], published=r["published"])
        event = Event(id=stable_hash(article.id, "0"), type=r["type"], cameo="", goldstein=0.0,
                      quad_class=0, status=r.get("status", "occurred"), date=r["date"],
                      date_precision=r["precision"], actor=_party(r["actor"]),
                      recipient=_party(r["recipient"]), location=places[r["place"]])
        assert isinstance(r["date"], date)
        out.append((r["id"], r["incident"], item_of(event, article)))
    return out


def _scores(predicted: set[frozenset[str]], gold: set[frozenset[str]], pairs: int) -> Scores:
    tp, fp, fn = len(predicted & gold), len(predicted - gold), len(gold - predicted)
    return Scores(tp / (tp + fp) if tp + fp else 1.0, tp / (tp + fn) if tp + fn else 1.0,
                  tp, fp, fn, pairs)


def score(reports: list[tuple[str, str, MergeItem]] | None = None) -> tuple[Scores, Scores]:
    """(rule alone, connected components) pairwise scores."""
    reports = reports if reports is not None else load()
    gold = {frozenset((a[0], b[0])) for a, b in combinations(reports, 2) if a[1] == b[1]}
    rule = {frozenset((a[0], b[0])) for a, b in combinations(reports, 2)
            if same_incident(a[2], b[2])}
    name = {item.event_id: rid for rid, _, item in reports}
    grouped = {frozenset((name[a.event_id], name[b.event_id]))
               for group in components([item for _, _, item in reports])
               for a, b in combinations(group, 2)}
    n = len(reports) * (len(reports) - 1) // 2
    return _scores(rule, gold, n), _scores(grouped, gold, n)


def main() -> int:
    rule, grouped = score()
    print(f"rule alone:           {rule}")
    print(f"incidents (components): {grouped}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
