"""A saved web page to an Article: the report's text without menus, ads and comments.

trafilatura finds the main text and reads the page's metadata from its ``<title>``, its
``<meta>`` tags (Open Graph, Dublin Core, ``article:published_time``, ``parsely-pub-date``, ...)
and ``<link rel=canonical>``. Only metadata dates are trusted: a date found in the page text may
be any event's, and a wrong publication date shifts every relative date in the report.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from typing import TYPE_CHECKING, cast

from tacitus.errors import InputError
from tacitus.ingest._dates import parse_date_value
from tacitus.ingest._text import from_text, normalise
from tacitus.model import Article

if TYPE_CHECKING:
    from trafilatura.settings import Document

NO_TEXT = "no article text found in HTML"
BODY_SAMPLE = 100_000  # how far into a page to look for its <body> tag

# Only metadata dates (no guessing from the page text), and the first publication date.
_DATE_SEARCH = {"extensive_search": False, "original_date": True}


def _bare_extraction(html: str) -> Document | None:
    import trafilatura  # half a second to import: only paid when a page is read

    document = trafilatura.bare_extraction(
        html,
        with_metadata=True,
        include_comments=False,
        include_images=False,
        date_extraction_params=_DATE_SEARCH,
    )
    return cast("Document | None", document)


def _extract(html: str) -> Document | None:
    """trafilatura's extraction; a bare fragment (no ``<body>``) is wrapped in one first,
    since trafilatura finds nothing in a fragment."""
    document = _bare_extraction(html)
    if (document is None or not document.text) and "<body" not in html[:BODY_SAMPLE].lower():
        document = _bare_extraction(f"<html><body>{html}</body></html>")
    return document


def _drop_title_line(text: str, title: str | None) -> str:
    """trafilatura repeats the headline as the first line of the text; it is not body."""
    if not title:
        return text
    first, _, rest = text.partition("\n")
    if " ".join(first.split()).casefold() == " ".join(title.split()).casefold():
        return rest
    return text


def from_html(html: str, *, path: str | None = None) -> Article:
    """Build an Article from a web page; raise InputError when it has no article text.

    The outlet named in the report's own dateline ("(AP)") wins over the site's name, since
    the wire agency, not the site that reprints it, is the one making the claims.
    """
    try:
        document = _extract(html)
    except Exception as exc:
        raise InputError(f"{NO_TEXT} ({type(exc).__name__})", path) from exc
    if document is None:
        raise InputError(NO_TEXT, path)
    title = document.title or None
    text = _drop_title_line(normalise(document.text or ""), title)
    if not text.strip():
        raise InputError(NO_TEXT, path)
    published = parse_date_value(document.date, date.today()) if document.date else None
    article = from_text(
        text,
        path=path,
        published=published,
        title=title,
        url=document.url or None,
    )
    if article.source:
        return article
    return replace(article, source=document.sitename or None)
