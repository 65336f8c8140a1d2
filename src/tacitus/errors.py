"""The one exception tree of tacitus.

    TacitusError                 base; str() is the one line the CLI prints after "error: "
    ├── InputError               an input file, line or record that cannot be read
    ├── ResourceError            a bad entry in a rule/lexicon file (names file and line)
    ├── ExtractionError          the pipeline failed on one article
    ├── StoreError               the database refused or is damaged
    ├── EvalError                a gold set that cannot be scored
    └── ConfigError              a bad option or environment

Errors of dependencies (spaCy, DuckDB, ...) are translated into these at stage boundaries with
``raise ... from exc`` so users never see a raw driver traceback.
"""

from __future__ import annotations


class TacitusError(Exception):
    """Base of every error tacitus raises on purpose.

    ``where`` names the file (and line, or article id) the problem is in, when known.
    """

    def __init__(self, message: str, where: str | None = None, line: int | None = None) -> None:
        self.message = message
        self.where = where
        self.line = line
        super().__init__(str(self))

    def __str__(self) -> str:
        if self.where is None:
            return self.message
        if self.line is not None:
            return f"{self.where}:{self.line}: {self.message}"
        return f"{self.where}: {self.message}"


class InputError(TacitusError):
    """An input that cannot be read at all (missing, empty, binary, malformed)."""


class ResourceError(TacitusError):
    """A rule or lexicon file under ``tacitus/resources`` with a bad entry."""


class ExtractionError(TacitusError):
    """The pipeline failed on one article."""


class StoreError(TacitusError):
    """The store cannot be opened or written."""


class StoreBusy(StoreError):
    """Another process holds the database (DuckDB allows one writer): retry later."""


class EvalError(TacitusError):
    """A gold set or benchmark corpus that cannot be scored."""


class ConfigError(TacitusError):
    """A bad command-line option or setting."""
