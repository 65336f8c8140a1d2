from __future__ import annotations

import pytest

from tacitus.errors import ResourceError
from tacitus.geo import features
from tacitus.geo.build import _centre
from tacitus.resources import LINE_KEY


def test_features_file_loads() -> None:
    loaded = {f.name: f for f in features.get_features()}
    assert loaded["Pacific Ocean"].aliases[:1] == ("Pacific",)
    assert loaded["Lake Pontchartrain"].country == "USA"
    assert all(-90 <= f.lat <= 90 and -180 <= f.lon <= 180 for f in loaded.values())


@pytest.mark.parametrize(
    "entry, message",
    [
        ({"kind": "sea", "lat": 1, "lon": 2}, "needs a name"),
        ({"name": "X Sea", "kind": "puddle", "lat": 1, "lon": 2}, "kind must be"),
        ({"name": "X Sea", "kind": "sea", "lat": 91, "lon": 2}, "out of range"),
        ({"name": "X Sea", "kind": "sea", "lat": 1, "lon": 2, "aliases": "X"}, "aliases"),
        ({"name": "X Sea", "kind": "sea", "lat": 1, "lon": 2, "country": "xx"}, "alpha-3"),
    ],
)
def test_bad_features_name_file_and_line(entry: dict, message: str) -> None:
    with pytest.raises(ResourceError, match=message) as caught:
        features._feature({**entry, LINE_KEY: 7})
    assert "features.yaml" in str(caught.value) and "7" in str(caught.value)


def test_region_point_is_the_middle_of_its_area_not_of_its_towns() -> None:
    # a square region whose towns crowd into one corner: the hull centroid stays in the middle
    corners = [(0.0, 0.0, 500), (0.0, 4.0, 500), (4.0, 0.0, 500), (4.0, 4.0, 500)]
    crowd = [(3.5 + i / 100, 3.5 + i / 100, 100_000) for i in range(40)]
    lat, lon = _centre(corners + crowd)
    assert abs(lat - 2.0) < 0.01 and abs(lon - 2.0) < 0.01


def test_region_on_one_line_falls_back_to_its_box() -> None:
    assert _centre([(0.0, 0.0, 1), (1.0, 1.0, 1), (2.0, 2.0, 1)]) == (1.0, 1.0)


def test_cache_file_depends_on_the_resource_files(monkeypatch, tmp_path) -> None:
    from tacitus.geo import cache

    versions = cache.source_versions()
    assert len(versions["resources"]) == 12
    (tmp_path / "geo").mkdir()
    for name in cache.SOURCE_RESOURCES:
        (tmp_path / name).write_text("features: []\n# edited\n", encoding="utf-8")
    monkeypatch.setattr(cache, "resource_path", lambda name: tmp_path / name)
    assert cache.source_versions()["resources"] != versions["resources"]
