"""Cross-article incidents: which events from different reports are one incident.

The pairwise rule (``rule``) and the grouping into connected components (``incidents``) are
pure functions over :class:`MergeItem` records; the store feeds them and persists the result.
The rule is documented in ``docs/merge.md``.
"""

from tacitus.merge.incidents import (
    Group,
    Incident,
    candidate_window,
    components,
    group,
    incident_id,
    summarise,
)
from tacitus.merge.rule import (
    MergeItem,
    Rule,
    block_key,
    get_rule,
    item_of,
    same_incident,
)

__all__ = [
    "Group", "Incident", "MergeItem", "Rule", "block_key", "candidate_window", "components",
    "get_rule", "group", "incident_id", "item_of", "same_incident", "summarise",
]
