from __future__ import annotations

import pytest

from tacitus.geo.normalize import exact_key, loose_key


@pytest.mark.parametrize(
    "a, b",
    [
        ("Al Qā’im", "al-Qa'im"),
        ("Al Mawşil", "al mawsil"),
        ("São Paulo", "Sao Paulo"),
        ("Saxony-Anhalt", "Saxony Anhalt"),
    ],
)
def test_exact_key_folds_diacritics_apostrophes_hyphens(a: str, b: str) -> None:
    assert exact_key(a) == exact_key(b)


@pytest.mark.parametrize(
    "a, b",
    [("al-Qaim", "Qaim"), ("Al Qayyārah", "Qayarah"), ("el-Fasher", "Fasher"), ("Ar-Raqqah", "Raqqa")],
)
def test_loose_key_drops_articles_and_doubled_letters(a: str, b: str) -> None:
    assert loose_key(a) == loose_key(b)
