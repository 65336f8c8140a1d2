"""One report's text to an :class:`~tacitus.model.Article`: header, dateline, warnings.

The body kept in ``Article.text`` is what evidence offsets index into, so it is kept verbatim
except for what cannot matter to a reader: line endings, a BOM, surrounding whitespace, and
the header lines (title, dateline) whose content moves into the article's fields.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from datetime import date

from tacitus.errors import InputError
from tacitus.ingest._dateline import Dateline, parse_dateline
from tacitus.ingest._language import detect_language
from tacitus.model import Article, InputProblem

MISSING_DATELINE = "missing dateline: relative dates not resolved"
HEADER_LINES = 4  # a date line, a title, a byline and a place line: as much header as reports carry
MAX_TITLE_CHARS = 250

_MARKDOWN_HEADING = re.compile(r"#{1,6}[ \t]+(?P<title>\S.*)")
# "By Ahmed Rasheed", "By John Smith and Jane Doe, Reuters": capitalised names, nothing else.
_NAME = r"[A-Z][\w.'’\-]*"
_BYLINE = re.compile(rf"By[ \t]+{_NAME}(?:(?:[ \t]+|[ \t]*,[ \t]*|[ \t]+and[ \t]+){_NAME}){{0,7}}")


def normalise(text: str) -> str:
    """Line endings to ``\\n``, no BOM, no surrounding whitespace: nothing else changes."""
    return text.lstrip("\ufeff").replace("\r\n", "\n").replace("\r", "\n").strip()


def _future_warning(published: date) -> str:
    return f"publication date {published.isoformat()} is in the future: ignored"


@dataclass(frozen=True, slots=True)
class _Header:
    """What the lines above the body said, and where the body starts."""

    body_start: int = 0
    title: str | None = None
    published: date | None = None
    source: str | None = None
    place: str | None = None


def _line_at(text: str, start: int) -> tuple[str, int, bool]:
    """The line starting at ``start``, the offset of the next non-blank line, and whether a
    blank line (a paragraph break) comes between them."""
    end = text.find("\n", start)
    if end == -1:
        return text[start:], len(text), True
    following = end + 1
    while following < len(text) and text[following] in " \t\n":
        following += 1
    return text[start:end], following, text.count("\n", end, following) > 1


def _title(
    text: str, line: str, following: int, paragraph_ends: bool, dated: bool, today: date
) -> str | None:
    """The line as a title: a Markdown heading; or a headline-like line (short, not ending
    like a sentence) above a dateline (a byline may come between), or below a date line and
    standing as its own paragraph ("Monday, 30 December 2019", the headline, the body)."""
    stripped = line.strip()
    heading = _MARKDOWN_HEADING.fullmatch(stripped)
    if heading is not None:
        return heading["title"].strip()
    if not 0 < len(stripped) <= MAX_TITLE_CHARS or stripped[-1] in ".!?:;,\"”'’":
        return None
    if dated and paragraph_ends:
        return stripped
    next_line, after_next, _ = _line_at(text, following)
    if _BYLINE.fullmatch(next_line.strip()):
        next_line = _line_at(text, after_next)[0]
    return stripped if parse_dateline(next_line, today=today) is not None else None


def _read_header(text: str, today: date) -> _Header:
    """Read the title and dateline lines at the top of ``text``.

    A date alone on its line may be followed by a place dateline ("Monday, 30 December 2019"
    then "BAGHDAD (Reuters) - ..."); the first value found for each field wins. A byline
    between them is header too, and dropped: the outlet comes from the dateline.
    """
    header = _Header()
    position, dated = 0, False
    for _ in range(HEADER_LINES):
        line, following, paragraph_ends = _line_at(text, position)
        found = parse_dateline(line, today=today)
        if found is not None:
            header = _merge(header, found, position)
            if found.length < len(line) or found.place or found.source:
                break  # the body starts on this line
            header, dated = replace(header, body_start=following), True
        elif _BYLINE.fullmatch(line.strip()):
            header = replace(header, body_start=following)
        else:
            title = None
            if header.title is None:
                title = _title(text, line, following, paragraph_ends, dated, today)
            if title is None:
                break
            header = replace(header, title=title, body_start=following)
        position = following
    return header


def _merge(header: _Header, found: Dateline, position: int) -> _Header:
    return _Header(
        body_start=position + found.length,
        title=header.title,
        published=header.published or found.published,
        source=header.source or found.source,
        place=header.place or found.place,
    )


def from_text(
    text: str,
    *,
    path: str | None = None,
    published: date | None = None,
    source: str | None = None,
    title: str | None = None,
    url: str | None = None,
    external_id: str | None = None,
) -> Article:
    """Build an Article from a report's text and whatever metadata the caller knows.

    The dateline at the top is always stripped and gives the place and, unless given, the
    outlet and title; its date is used only when ``published`` is not given, since metadata
    from a corpus or a web page is more reliable than a year guessed for "Dec 30". A date
    after today is dropped with a warning: relative dates resolved against it would be wrong.
    ``language`` is ``"en"`` unless the text is confidently in another language.
    Raises InputError when no body text remains.
    """
    today = date.today()
    clean = normalise(text)
    header = _read_header(clean, today)
    body = clean[header.body_start :].strip()
    if not body:
        raise InputError("empty text" if not clean else "no article text after the dateline", path)
    warnings: list[str] = []
    when = published or header.published
    if when is None:
        warnings.append(MISSING_DATELINE)
    elif when > today:
        warnings.append(_future_warning(when))
        when = None
    return Article(
        text=body,
        source=source or header.source,
        published=when,
        title=title or header.title,
        url=url,
        language=detect_language(body),
        path=path,
        external_id=external_id,
        dateline_place=header.place,
        warnings=tuple(warnings),
    )


def not_english(article: Article, line: int | None = None) -> InputProblem | None:
    """The problem to report instead of a report in another language (the rules are English)."""
    if article.language == "en":
        return None
    message = f"not English (detected '{article.language}'): skipped"
    return InputProblem(article.path or "<text>", message, line=line)
