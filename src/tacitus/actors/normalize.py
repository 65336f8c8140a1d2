"""Matching keys for actor phrases.

Dictionary phrases ("KATA'IB_HIZBALLAH_", "U.S.") and text ("Kata'ib Hizballah", "US") are
compared as tuples of *keys*: lower-case ASCII words with dots and inner apostrophes dropped and
hyphens treated as spaces, plus a separate ``'s`` key for the possessive. Both the converter
(``scripts/convert_phoenix.py``) and the resolver use this one function, so a dictionary entry
and a mention are normalised the same way by construction.
"""

from __future__ import annotations

import re
import unicodedata

POSSESSIVE = "'s"

_QUOTES = str.maketrans({"\u2019": "'", "\u2018": "'", "`": "'", "\u02bc": "'", "\u00b4": "'"})
_POSSESSIVE_RE = re.compile(r"(?<=[a-z0-9])'s\b")
_KEY_RE = re.compile(r"'s|[a-z0-9]+")


def key_tokens(text: str) -> tuple[str, ...]:
    """The matching keys of a phrase, e.g. ``"Israel's U.S.-made jets"`` ->
    ``("israel", "'s", "us", "made", "jets")``."""
    folded = unicodedata.normalize("NFKD", text.translate(_QUOTES))
    ascii_text = "".join(c for c in folded if not unicodedata.combining(c)).lower()
    ascii_text = _POSSESSIVE_RE.sub(" 's", ascii_text).replace(".", "")
    ascii_text = re.sub(r"'(?!s\b)", "", ascii_text)
    return tuple(_KEY_RE.findall(ascii_text))
