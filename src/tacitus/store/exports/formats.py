"""Writing a result frame as CSV, JSON or Parquet, with the contract's value conventions:
ISO dates, nulls as empty CSV cells / JSON null, codes kept as strings."""

from __future__ import annotations

import csv
import json
from datetime import date, datetime
from pathlib import Path
from typing import Any, BinaryIO, TextIO

import numpy as np
import pandas as pd

from tacitus.errors import ConfigError
from tacitus.store.exports.values import missing

FORMATS = ("csv", "json", "parquet")


def plain(cell: Any) -> Any:
    """A JSON-ready Python value for one cell."""
    if isinstance(cell, np.ndarray):
        return [plain(v) for v in cell.tolist()]
    if isinstance(cell, (list, tuple)):
        return [plain(v) for v in cell]
    if missing(cell):
        return None
    if isinstance(cell, pd.Timestamp):
        return cell.isoformat()
    if isinstance(cell, (datetime, date)):
        return cell.isoformat()
    if isinstance(cell, np.generic):
        return cell.item()
    return cell


def records(frame: pd.DataFrame) -> list[dict[str, Any]]:
    return [{k: plain(v) for k, v in row.items()} for row in frame.to_dict("records")]


def _csv_cell(cell: Any) -> Any:
    cell = plain(cell)
    if isinstance(cell, list):
        return json.dumps(cell, ensure_ascii=False)
    return cell


def write_text(frame: pd.DataFrame, fmt: str, out: TextIO) -> None:
    """CSV (header, nulls empty, lists as JSON) or JSON (an array of objects) to a text stream."""
    if fmt == "csv":
        # cell by cell, not DataFrame.map + to_csv: pandas re-infers a nullable integer column
        # with gaps as float and would write inter code 1 as "1.0"
        writer = csv.writer(out, lineterminator="\n")
        writer.writerow(frame.columns)
        for row in frame.itertuples(index=False, name=None):
            writer.writerow(["" if cell is None else cell for cell in map(_csv_cell, row)])
    elif fmt == "json":
        json.dump(records(frame), out, ensure_ascii=False, indent=None)
        out.write("\n")
    else:
        raise ConfigError(f"format {fmt} cannot be written as text")


def write_parquet(frame: pd.DataFrame, target: str | Path | BinaryIO) -> None:
    """Parquet keeps types (dates as DATE, lists as LIST); needs a file, not a terminal."""
    frame.to_parquet(target, index=False)
