"""The labelled report pairs: the rule must keep its measured quality (see docs/merge.md)."""

from __future__ import annotations

from tests.merge.score_pairs import load, score


def test_labelled_set_is_well_formed() -> None:
    reports = load()
    assert len(reports) >= 40
    assert len({r[0] for r in reports}) == len(reports)
    assert len({r[1] for r in reports}) >= 15


def test_pairwise_precision_and_recall() -> None:
    rule, grouped = score()
    assert rule.precision >= 0.9 and rule.recall >= 0.9
    assert grouped.precision >= 0.75 and grouped.recall >= 0.9
