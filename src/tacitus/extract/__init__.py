"""Event extraction: from a parsed article to coded events (tacitus stage 4).

``events(parsed)`` finds triggers (:mod:`.triggers`, patterns in :mod:`.lexicon`), codes them
(:mod:`.coding`), reads their parties (:mod:`.roles`, :mod:`.parties`), dates, tolls, status and
attribution (:mod:`.dates`, :mod:`.toll`, :mod:`.status`), place (:mod:`.places`) and ACLED
category (:mod:`.acled`), and merges the mentions of one incident (:mod:`.incidents`).
"""

from tacitus.extract.incidents import events, group_mentions, main_event
from tacitus.extract.mention import EventMention, mentions
from tacitus.extract.triggers import Trigger, sentence_triggers

__all__ = [
    "EventMention",
    "Trigger",
    "events",
    "group_mentions",
    "main_event",
    "mentions",
    "sentence_triggers",
]
