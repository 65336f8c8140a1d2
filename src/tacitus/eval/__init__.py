"""Scoring tacitus against public gold sets: ``tacitus eval FORMAT PATH``.

One reader per gold-set format (``plover-gsr``, ``case2021``, ``petrarch-xml``, ``geo-xml``,
``golden``), each turning its file into typed records, running the product pipeline over them
and scoring the output with bootstrap confidence intervals. Every report has a headline
``score`` in 0..1 so that runs can be compared without knowing each format's metrics.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from types import MappingProxyType

from tacitus.errors import EvalError
from tacitus.eval import case2021, geoxml, golden, petrarch, plover
from tacitus.eval.dataset import GoldSet, Half
from tacitus.eval.report import EvalReport, Metric, Table

Evaluator = Callable[..., EvalReport]

FORMATS: MappingProxyType[str, Evaluator] = MappingProxyType({
    plover.NAME: plover.evaluate,
    case2021.NAME: case2021.evaluate,
    petrarch.NAME: petrarch.evaluate,
    geoxml.NAME: geoxml.evaluate,
    golden.NAME: golden.evaluate,
})


def evaluate(
    fmt: str, path: str | os.PathLike[str], limit: int | None = None, half: Half | None = None
) -> EvalReport:
    """Score tacitus on the gold set at ``path`` read as format ``fmt``.

    ``limit`` scores only the first N records; ``half`` ("odd"/"even") only every other record
    in file order, so rules can be tuned on one half and reported on the held-out other.
    Raises EvalError (one line) for an unknown format, a missing file or an empty set.
    """
    try:
        run = FORMATS[fmt]
    except KeyError:
        known = ", ".join(FORMATS)
        raise EvalError(f"unknown dataset format '{fmt}' (known: {known})") from None
    return run(os.fspath(path), limit=limit, half=half)


__all__ = ["FORMATS", "EvalReport", "GoldSet", "Half", "Metric", "Table", "evaluate"]
