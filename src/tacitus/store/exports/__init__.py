"""Export shapes: the native flattened record, ACLED's 31 columns and GDELT 2.0's 61 columns."""

from __future__ import annotations

import pandas as pd

from tacitus.errors import ConfigError
from tacitus.store.base import Store
from tacitus.store.exports.acled import to_acled
from tacitus.store.exports.context import ids_of, party_tones, toll_claims
from tacitus.store.exports.formats import FORMATS, records, write_parquet, write_text
from tacitus.store.exports.gdelt import to_gdelt
from tacitus.store.exports.tables import columns
from tacitus.store.query import EventFilter

SHAPES = ("native", "acled", "gdelt")


def export(store: Store, shape: str, where: EventFilter | None = None) -> pd.DataFrame:
    """The events matching ``where`` in one export shape."""
    events = store.events(where)
    if shape == "native":
        return events
    if shape == "acled":
        return to_acled(events, toll_claims(store, ids_of(events, "id")))
    if shape == "gdelt":
        return to_gdelt(events, store.incidents(where),
                        party_tones(store, ids_of(events, "article_id")))
    raise ConfigError(f"unknown export shape {shape!r} (one of {', '.join(SHAPES)})")


__all__ = ["FORMATS", "SHAPES", "columns", "export", "records", "to_acled", "to_gdelt",
           "write_parquet", "write_text"]
