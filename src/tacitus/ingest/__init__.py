"""Ingest: files, folders and corpora to :class:`~tacitus.model.Article` records.

The first stage of tacitus. It accepts plain text (with a dateline), web pages and corpora
(JSON, JSON Lines, CSV, TSV), and never stops on a bad input: each one becomes a one-line
:class:`~tacitus.model.InputProblem` and the rest is read.
"""

from tacitus.ingest._dateline import Dateline, parse_dateline
from tacitus.ingest._html import from_html
from tacitus.ingest._read import read, read_many
from tacitus.ingest._text import from_text

__all__ = ["Dateline", "from_html", "from_text", "parse_dateline", "read", "read_many"]
