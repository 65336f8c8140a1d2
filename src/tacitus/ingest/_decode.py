"""From bytes on disk to text: encodings, binary files, size limits.

News archives come in every encoding (Windows-1252 exports, UTF-16 spreadsheets, UTF-8 with a
BOM); reading them as UTF-8 regardless would either crash or scatter replacement characters
through names. So the encoding is decided from the bytes: a BOM first, then strict UTF-8, then
charset-normalizer's best guess, which is reported since a guess can be wrong.
"""

from __future__ import annotations

import codecs

from charset_normalizer import from_bytes

from tacitus.errors import InputError

MB = 1024 * 1024
MAX_FILE_BYTES = 20 * MB  # files read whole (one article, a JSON array) are capped here
SAMPLE_BYTES = 64 * 1024  # what encoding detection looks at in a streamed corpus
MAX_CONTROL_SHARE = 0.05  # more control characters than this and the "text" is binary
BINARY = "binary file, not text"

_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
_TEXT_CONTROLS = frozenset("\n\r\t\f\v\x1b")
# Legacy English news is overwhelmingly Windows-1252; charset-normalizer, which cannot tell
# Western code pages apart on English text, often names a Baltic or Central European one.
PREFERRED_LEGACY = "cp1252"


def encoding_notice(encoding: str) -> str | None:
    """The warning to report when a file was not plain UTF-8, since the guess may be wrong."""
    if encoding in ("utf-8", "utf-8-sig"):
        return None
    return f"decoded as {encoding}"


def check_size(size: int) -> None:
    """Refuse a file too large to read whole (a 5 MB article is fine, a 2 GB dump is not)."""
    if size > MAX_FILE_BYTES:
        raise InputError(f"file too large ({-(-size // MB)} MB > {MAX_FILE_BYTES // MB} MB)")


def sniff_encoding(sample: bytes) -> str:
    """Decide the encoding of a file from its first bytes; raise InputError if it is binary."""
    for bom, name in _BOMS:
        if sample.startswith(bom):
            return name
    if b"\x00" in sample:
        raise InputError(BINARY)
    try:
        sample.decode("utf-8")
        return "utf-8"
    except UnicodeDecodeError as exc:
        if exc.start >= len(sample) - 3 and exc.reason == "unexpected end of data":
            return "utf-8"  # a sample cut inside a multi-byte character
    return _guess(sample)


def _guess(data: bytes) -> str:
    """charset-normalizer's guess, but Windows-1252 whenever it decodes the bytes as cleanly."""
    results = from_bytes(data)
    best = results.best()
    if best is None:
        raise InputError(BINARY)
    for match in results:
        if match.chaos <= best.chaos and PREFERRED_LEGACY in match.could_be_from_charset:
            return PREFERRED_LEGACY
    return str(best.encoding)


def check_text(text: str) -> None:
    """Refuse decoded text that is mostly control characters (a binary file in disguise)."""
    sample = text[:SAMPLE_BYTES]
    controls = sum(1 for c in sample if c < " " and c not in _TEXT_CONTROLS)
    if sample and controls / len(sample) > MAX_CONTROL_SHARE:
        raise InputError(BINARY)


def decode(data: bytes) -> tuple[str, str]:
    """The text of a whole file and the encoding it was read with."""
    encoding = sniff_encoding(data[:SAMPLE_BYTES])
    try:
        text = data.decode(encoding)
    except UnicodeDecodeError:
        encoding = _guess(data)
        text = data.decode(encoding, errors="replace")
    check_text(text)
    return text, encoding
