"""Cell values coming out of DataFrames: NULL arrives as None, NaN, NaT or pd.NA."""

from __future__ import annotations

from typing import Any

import pandas as pd


def missing(cell: Any) -> bool:
    if cell is None:
        return True
    try:
        return bool(pd.isna(cell))
    except (TypeError, ValueError):
        return False


def value(cell: Any) -> Any:
    """The cell, or None when it is missing."""
    return None if missing(cell) else cell
