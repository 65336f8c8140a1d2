"""What every gold-set reader returns, and the choice of which records to score.

Readers never stop at a malformed record: they report it (file and record number) as an
:class:`~tacitus.model.InputProblem` and go on, so one bad line in a hidden test file costs one
record, not the run. Only a missing file or a set with nothing to score is fatal.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Generic, Literal, TypeVar

from tacitus.errors import EvalError
from tacitus.model import InputProblem

R = TypeVar("R")
Half = Literal["odd", "even"]


@dataclass(frozen=True, slots=True)
class GoldSet(Generic[R]):
    """The readable records of a gold set, in file order, and the problems met reading it."""

    path: str
    records: tuple[R, ...]
    problems: tuple[InputProblem, ...] = ()


def existing(path: str | os.PathLike[str], folder: bool = False) -> Path:
    """The path as a Path, or a one-line EvalError when it is missing or of the wrong kind."""
    p = Path(path)
    if not p.exists():
        raise EvalError("no such file or directory", where=str(path))
    if folder and not p.is_dir():
        raise EvalError("expected a folder", where=str(path))
    if not folder and not p.is_file():
        raise EvalError("expected a file, not a folder", where=str(path))
    return p


def read_text(path: Path) -> str:
    """A gold file's text as UTF-8 (a BOM is dropped); unreadable -> EvalError."""
    try:
        return path.read_text(encoding="utf-8-sig")
    except UnicodeDecodeError as exc:
        raise EvalError(f"not UTF-8 text (byte {exc.start})", where=str(path)) from exc
    except OSError as exc:
        raise EvalError(f"cannot read: {exc.strerror}", where=str(path)) from exc


def select(records: Sequence[R], limit: int | None = None, half: Half | None = None) -> list[R]:
    """The records to score: the odd (1st, 3rd, ...) or even half in file order, then the first
    ``limit``. Halves let a developer tune on one half and report the other, held out."""
    chosen = list(records)
    if half == "odd":
        chosen = chosen[0::2]
    elif half == "even":
        chosen = chosen[1::2]
    if limit is not None:
        if limit < 1:
            raise EvalError(f"--limit must be at least 1, not {limit}")
        chosen = chosen[:limit]
    return chosen


def nonempty(gold: GoldSet[R], what: str) -> GoldSet[R]:
    """The gold set itself, or a one-line EvalError when it holds no usable record."""
    if not gold.records:
        detail = f" ({len(gold.problems)} malformed)" if gold.problems else ""
        raise EvalError(f"empty dataset: no {what} found{detail}", where=gold.path)
    return gold
