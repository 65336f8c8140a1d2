"""Great-circle distance, the yardstick of toponym resolution.

Geoparsing papers score a resolved place as correct when it lies within 161 km (100 miles) of
the gold coordinates, measured on a sphere of the Earth's mean radius; we do the same so that
our figures compare with theirs.
"""

from __future__ import annotations

import math

EARTH_RADIUS_KM = 6371.0088
ACCURACY_KM = 161.0


def haversine_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Distance in km between two points given in decimal degrees."""
    phi1, phi2 = math.radians(lat1), math.radians(lat2)
    dphi = phi2 - phi1
    dlambda = math.radians(lon2 - lon1)
    a = math.sin(dphi / 2) ** 2 + math.cos(phi1) * math.cos(phi2) * math.sin(dlambda / 2) ** 2
    return 2 * EARTH_RADIUS_KM * math.asin(min(1.0, math.sqrt(a)))
