"""Word lists the dateline grammar and the language check rely on.

Kept apart from the logic so that adding a month spelling or a newsroom label is a data edit.
Written for tacitus (MIT); the English function words are the commonest words of news prose.
"""

from __future__ import annotations

MONTHS: dict[str, int] = {
    "january": 1, "jan": 1,
    "february": 2, "feb": 2,
    "march": 3, "mar": 3,
    "april": 4, "apr": 4,
    "may": 5,
    "june": 6, "jun": 6,
    "july": 7, "jul": 7,
    "august": 8, "aug": 8,
    "september": 9, "sept": 9, "sep": 9,
    "october": 10, "oct": 10,
    "november": 11, "nov": 11,
    "december": 12, "dec": 12,
}

WEEKDAYS: dict[str, int] = {
    "monday": 0, "mon": 0,
    "tuesday": 1, "tues": 1, "tue": 1,
    "wednesday": 2, "wed": 2,
    "thursday": 3, "thurs": 3, "thur": 3, "thu": 3,
    "friday": 4, "fri": 4,
    "saturday": 5, "sat": 5,
    "sunday": 6, "sun": 6,
}

# Labels that introduce a date line ("Published: 30 Dec 2019", "date 2019-12-30 Alwaght- ...").
DATE_LABELS: tuple[str, ...] = (
    "first published", "last updated", "published on", "published", "posted on", "posted",
    "updated on", "updated", "dated", "date",
)

# Lowercase particles allowed inside a place name ("Rio de Janeiro", "Dar es Salaam").
PLACE_PARTICLES: tuple[str, ...] = (
    "de", "del", "da", "do", "es", "el", "al", "la", "le", "of", "on", "upon",
)

# All-caps words that open a line like a place dateline but are newsroom labels.
NOT_PLACES: frozenset[str] = frozenset({
    "ADVISORY", "ALERT", "ANALYSIS", "BREAKING", "BRIEF", "COMMENT", "CORRECTED", "CORRECTION",
    "EDITORIAL", "EXCLUSIVE", "EXPLAINER", "FACTBOX", "FEATURE", "INSIGHT", "INTERVIEW", "LIVE",
    "NEWS", "NOTE", "OPINION", "PHOTO", "PHOTOS", "Q&A", "REFILE", "REVIEW", "SPECIAL", "UPDATE",
    "UPDATED", "URGENT", "VIDEO", "WARNING", "WATCH",
})

# Function words: their share among the words of a sample separates English prose (a fifth or
# more) from other languages (near zero) whatever the density of proper names. Words that are
# also common in other European languages ("a", "in", "was", "will", "on") are left out.
ENGLISH_FUNCTION_WORDS: frozenset[str] = frozenset({
    "after", "against", "and", "are", "at", "been", "but", "by", "for", "from", "had", "has",
    "have", "he", "his", "into", "it", "its", "of", "or", "over", "said", "she", "that", "the",
    "their", "they", "this", "to", "were", "which", "who", "with",
})

