"""The geocoder is loaded once per session (building the index on a fresh machine, ~30 s)."""

from __future__ import annotations

import pytest

from tacitus.geo import Geocoder, get_geocoder


@pytest.fixture(scope="session")
def geocoder() -> Geocoder:
    return get_geocoder()
