"""The metric code on small hand-made cases whose answers are worked out by hand."""

from __future__ import annotations

import math

import numpy as np
import pytest

from tacitus.eval import stats
from tacitus.eval.distance import haversine_km


def test_f1_from_counts() -> None:
    p, r, f = stats.f1_from_counts(np.array(8), np.array(2), np.array(4))
    assert float(p) == pytest.approx(0.8)
    assert float(r) == pytest.approx(8 / 12)
    assert float(f) == pytest.approx(2 * 0.8 * (8 / 12) / (0.8 + 8 / 12))


def test_f1_is_zero_when_undefined() -> None:
    p, r, f = stats.f1_from_counts(np.array(0), np.array(0), np.array(0))
    assert (float(p), float(r), float(f)) == (0.0, 0.0, 0.0)


def test_micro_prf_sums_counts_over_items() -> None:
    result = stats.prf(tp=[1, 2], fp=[1, 0], fn=[0, 2])
    assert result["precision"].value == pytest.approx(0.75)
    assert result["recall"].value == pytest.approx(0.6)
    assert result["f1"].value == pytest.approx(2 * 0.75 * 0.6 / 1.35)
    assert result["f1"].n == 2


# gold a a a b b c / system a a b b c c:
#   a: P 2/2 R 2/3 F1 0.8;  b: P 1/2 R 1/2 F1 0.5;  c: P 1/2 R 1/1 F1 2/3
GOLD = ["a", "a", "a", "b", "b", "c"]
SYSTEM = ["a", "a", "b", "b", "c", "c"]


def test_classification_by_hand() -> None:
    c = stats.classify(GOLD, SYSTEM)
    assert c.accuracy.value == pytest.approx(4 / 6)
    assert c.macro["f1"].value == pytest.approx((0.8 + 0.5 + 2 / 3) / 3)
    assert c.weighted["f1"].value == pytest.approx((3 * 0.8 + 2 * 0.5 + 2 / 3) / 6)
    assert c.weighted["precision"].value == pytest.approx((3 * 1 + 2 * 0.5 + 0.5) / 6)
    assert c.weighted["recall"].value == pytest.approx(4 / 6)
    rows = {r.label: r for r in c.rows}
    assert (rows["a"].support, rows["a"].predicted, rows["a"].f1) == (3, 2, pytest.approx(0.8))
    assert rows["c"].recall == pytest.approx(1.0)
    assert c.confusion == (("a", "b", 1), ("b", "c", 1))


def test_a_label_only_the_system_uses_counts_in_the_macro_average() -> None:
    c = stats.classify(["a", "b"], ["a", "x"])
    assert c.macro["f1"].value == pytest.approx(1 / 3)
    assert c.weighted["f1"].value == pytest.approx(0.5)


def test_classify_refuses_lists_of_different_length() -> None:
    with pytest.raises(ValueError):
        stats.classify(["a"], [])


def test_bootstrap_is_deterministic_and_brackets_the_value() -> None:
    values = [1, 0, 1, 1, 0, 1, 1, 1, 0, 1] * 5
    first, second = stats.mean(values), stats.mean(values)
    assert first == second
    assert first.low <= first.value <= first.high
    assert first.low < first.high


def test_classification_intervals_are_deterministic() -> None:
    one, two = stats.classify(GOLD * 10, SYSTEM * 10), stats.classify(GOLD * 10, SYSTEM * 10)
    assert one.weighted["f1"] == two.weighted["f1"]
    assert one.weighted["f1"].low <= one.weighted["f1"].value <= one.weighted["f1"].high


def test_constant_values_have_a_point_interval() -> None:
    e = stats.mean([1.0] * 20)
    assert (e.value, e.low, e.high) == (1.0, 1.0, 1.0)


def test_nothing_to_score_gives_no_value() -> None:
    e = stats.mean([])
    assert (e.value, e.low, e.high, e.n) == (None, None, None, 0)
    assert stats.classify([], []).accuracy.value is None


def test_median() -> None:
    assert stats.median([5.0, 1.0, 100.0]).value == 5.0


@pytest.mark.parametrize(
    ("a", "b", "km"),
    [
        ((48.8566, 2.3522), (51.5074, -0.1278), 343.5),  # Paris - London
        ((0.0, 0.0), (0.0, 1.0), 111.195),  # one degree on the equator
        ((33.3152, 44.3661), (33.3152, 44.3661), 0.0),  # same point (Baghdad)
        ((0.0, 0.0), (0.0, 180.0), math.pi * 6371.0088),  # antipodes
    ],
)
def test_haversine(a: tuple[float, float], b: tuple[float, float], km: float) -> None:
    assert haversine_km(*a, *b) == pytest.approx(km, abs=0.5)


def test_ratio_pools_groups_and_counts_items() -> None:
    e = stats.ratio([1, 3, 0], [2, 3, 0])  # an empty group is ignored
    assert (e.value, e.n) == (pytest.approx(0.8), 5)
    assert e.low <= e.value <= e.high
    assert stats.ratio([1, 3], [2, 3]) == stats.ratio([1, 3], [2, 3])
    assert stats.ratio([], []).value is None


def test_macro_interval_brackets_the_value_with_rare_labels() -> None:
    gold = [f"rare{i}" for i in range(10)] + ["common"] * 10
    system = gold[:7] + ["common"] * 3 + ["common"] * 10
    macro = stats.classify(gold, system).macro["f1"]
    assert macro.low <= macro.value <= macro.high
