from __future__ import annotations

import tacitus.geo


def test_public_api_is_pinned() -> None:
    assert sorted(tacitus.geo.__all__) == ["Geocoder", "get_geocoder", "place_events"]
    for name in tacitus.geo.__all__:
        assert getattr(tacitus.geo, name) is not None
