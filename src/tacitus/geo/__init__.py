"""Offline geocoding: find the places of an article, resolve them, and place its events.

The gazetteer is built from GeoNames data shipped in PyPI packages into the user's cache
directory on first use (:mod:`tacitus.geo.cache`); nothing is downloaded.
"""

from tacitus.geo.events import place_events
from tacitus.geo.geocoder import Geocoder, get_geocoder

__all__ = ["Geocoder", "get_geocoder", "place_events"]
